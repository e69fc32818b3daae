//! Sentence splitting over a block's clean text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (a run of them, plus any closing
//! quotes or brackets) that is followed by whitespace and then an uppercase
//! letter, a digit, an opening quote or bracket, or the end of the text.
//! Because a break needs whitespace after the terminator, decimal numbers,
//! versions, e-mail addresses and URLs (`1.5`, `v2.0.1`, `a@b.com`,
//! `example.com/x`) never split. A `.` that ends a known abbreviation
//! (`e.g.`, `Inc.`, `U.S.`, …) or a single-letter initial does not end a
//! sentence. ` — ` and `; ` never split.

use std::ops::Range;

/// Lower-cased abbreviations (without their final `.`) after which a `.` does
/// not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "eg", "i.e", "ie", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.s.a", "e.u",
    "st", "no", "nos", "vs", "v", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "approx", "cf",
    "al", "fig", "art", "para", "sec", "ch", "vol", "pp", "p", "ca", "resp", "incl", "esp", "dept",
    "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gmbh", "s.a", "s.r.l", "b.v", "n.v", "a.g", "pty", "plc", "llc", "l.l.c", "p.o",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡')
}

/// Whether the word ending right before `dot` (a `.` at byte `dot`) is an
/// abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = before[word_start..].trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«']);
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
        && c.is_uppercase()
    {
        // An initial: "J. Smith".
        return true;
    }
    if word.len() > 8 {
        return false;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Sentence ranges in `text` (trimmed, never empty, in order).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminator(c) {
            continue;
        }
        // Consume the rest of the terminator cluster and closing marks.
        let mut end = i + c.len_utf8();
        let mut only_dot = c == '.';
        while let Some(&(j, d)) = iter.peek() {
            if is_terminator(d) {
                only_dot &= d == '.';
                end = j + d.len_utf8();
                iter.next();
            } else if is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // Whitespace must follow (or the end of the text).
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        if !trimmed.is_empty() {
            if trimmed.len() == rest.len() {
                continue;
            }
            let Some(next) = trimmed.chars().next() else {
                continue;
            };
            if !starts_sentence(next) {
                continue;
            }
        }
        if only_dot && end == i + 1 && is_abbreviation(text, i) {
            continue;
        }
        push_trimmed(&mut out, text, start..end);
        start = end;
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let a = r.start + lead;
        out.push(a..a + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("We collect data. We share it! Do we sell it? No."),
            vec!["We collect data.", "We share it!", "Do we sell it?", "No."]
        );
        assert_eq!(split("  one  "), vec!["one"]);
        assert!(split("   ").is_empty());
        assert!(split("").is_empty());
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("We use vendors, e.g. Stripe and Google Inc. Both are in the U.S. Really."),
            vec!["We use vendors, e.g. Stripe and Google Inc. Both are in the U.S. Really."]
        );
        assert_eq!(
            split("Contact Dr. Smith or J. Doe at No. 5 St. Mary vs. Co. Ltd. today."),
            vec!["Contact Dr. Smith or J. Doe at No. 5 St. Mary vs. Co. Ltd. today."]
        );
        assert_eq!(
            split("Data (i.e. Email) is kept approx. 30 days. Then deleted."),
            vec![
                "Data (i.e. Email) is kept approx. 30 days.",
                "Then deleted."
            ]
        );
    }

    #[test]
    fn numbers_emails_urls() {
        assert_eq!(
            split(
                "Version 1.2.3 costs 4.5 EUR. Mail a.b@example.com or see https://x.example/a.b. Done."
            ),
            vec![
                "Version 1.2.3 costs 4.5 EUR.",
                "Mail a.b@example.com or see https://x.example/a.b.",
                "Done."
            ]
        );
    }

    #[test]
    fn needs_capital_digit_or_quote_after() {
        assert_eq!(
            split("It ends. and goes on."),
            vec!["It ends. and goes on."]
        );
        assert_eq!(
            split("Kept 30 days. 90 days for logs. \"Quoted\" too. (Brackets) too."),
            vec![
                "Kept 30 days.",
                "90 days for logs.",
                "\"Quoted\" too.",
                "(Brackets) too."
            ]
        );
    }

    #[test]
    fn closers_and_clusters() {
        assert_eq!(
            split("He said \"stop.\" Then left?! Yes… Fine (really.) Ok"),
            vec![
                "He said \"stop.\"",
                "Then left?!",
                "Yes…",
                "Fine (really.)",
                "Ok"
            ]
        );
    }

    #[test]
    fn dashes_and_semicolons_do_not_split() {
        assert_eq!(
            split("On the marketing site — no cookies at all; In the cabinet — a session cookie."),
            vec!["On the marketing site — no cookies at all; In the cabinet — a session cookie."]
        );
    }

    #[test]
    fn ranges_are_ordered_and_inside() {
        let t = "  Aa. Bb.  C  ";
        let r = split_sentences(t);
        assert_eq!(r, vec![2..5, 6..9, 11..12]);
    }
}
