//! Claims: explicit negative promises ("we do not sell your personal
//! information"), with the part of the service a claim is limited to.
//!
//! One Aho-Corasick pass per block over the phrase lexicon
//! `rules/lexicons/claims.tsv` (format in its header) finds the subject of
//! a possible promise (selling, an advertising purpose, AI training, kinds
//! of cookies, cross-site tracking, third-party analytics). It is a claim
//! only when a negation in the same clause governs it:
//!
//! - the negation ("not", "n't", "never", "no", "without", "nor") comes
//!   before the phrase in the clause, at most a few words away, with no
//!   subordinate clause starting in between ("… third parties that sell");
//! - it is the organisation or one of its tools that does not do it: "if
//!   you do not accept cookies", "we cannot guarantee that partners do not
//!   …" and "you can opt out of the sale" (a right) are not claims;
//! - "except", "other than" after the phrase take the promise back; for
//!   cookies also "unless", "until", "without your consent".
//!
//! Scope: a claim limited to part of the service carries that part as text,
//! so later rules do not read it as universal:
//! - a leading "On the marketing site — no cookies at all." → `marketing site`;
//! - a subject that is a tool rather than the organisation: "Umami is
//!   privacy-focused: it does not use cookies" → `Umami` (the pronoun
//!   resolved to the previous clause's subject), "Our analytics solution
//!   (Umami) is cookie-free." → `analytics solution (Umami)`;
//! - a list item's label for a subjectless claim: "Self-hosted analytics
//!   (Plausible-compatible): … — no cookies" → that label;
//! - for selling, advertising and AI training, an object other than "your
//!   data / personal information": "We do not use your metrics or metadata
//!   for advertising" → `metrics or metadata`.
//!
//! An unscoped claim ("we do not sell your personal information") has
//! scope `None`. The evidence is the sentence stating the claim.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::pattern::{runtime, table};

use super::context::clause_start;
use super::lexicons::{self, Input};
use super::rights::{block_label, expand_braces, local_sentence};
use crate::document::{Block, Document};
use crate::lexicon::tsv_rows;
use crate::model::{Claim, Evidence, PolicyModel};

/// The claims vocabulary of `candor/model/v1`.
pub const CLAIMS: [&str; 8] = [
    "no_sale",
    "no_sharing_for_advertising",
    "no_ai_training",
    "no_tracking_cookies",
    "no_third_party_cookies",
    "no_cookies",
    "no_cross_site_tracking",
    "no_third_party_analytics",
];

const TSV: &str = include_str!("../../rules/lexicons/claims.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sale,
    Purpose,
    Ai,
    Cookie,
    Free,
    Track,
}

#[derive(Debug, Clone)]
struct Entry {
    /// `None` for blocker phrases ("first-party cookies").
    claim: Option<&'static str>,
    kind: Kind,
    /// The phrase is a single verb form ("sell"), not a noun phrase.
    verb: bool,
}

struct Lexicon {
    entries: Vec<Entry>,
    /// Every phrase, for the automaton: (text, entry, false).
    patterns: Vec<(String, usize, bool)>,
}

fn parse_lexicon(tsv: &'static str) -> Lexicon {
    let mut entries = Vec::new();
    let mut patterns = Vec::new();
    for (_, mut cols) in tsv_rows(tsv) {
        let (Some(claim), Some(kind), Some(phrase)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let claim = match claim.trim() {
            "-" => None,
            c => match CLAIMS.iter().find(|k| **k == c) {
                Some(k) => Some(*k),
                None => continue,
            },
        };
        let kind = match kind.trim() {
            "sale" => Kind::Sale,
            "purpose" => Kind::Purpose,
            "ai" => Kind::Ai,
            "cookie" => Kind::Cookie,
            "free" => Kind::Free,
            "track" => Kind::Track,
            _ => continue,
        };
        for p in expand_braces(phrase.trim()) {
            let id = entries.len();
            let verb = kind == Kind::Sale && !p.contains(' ') && !p.starts_with("sale");
            entries.push(Entry { claim, kind, verb });
            patterns.push((p, id, false));
        }
    }
    Lexicon { entries, patterns }
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| parse_lexicon(TSV))
}

/// The lexicon's phrases, for the automaton (see [`super::lexicons`]).
pub(super) fn patterns() -> &'static [(String, usize, bool)] {
    &lexicon().patterns
}

/// Does a quotation mark open right before the negation ("“Do Not Sell”")?
fn quoted_before(before: &str) -> bool {
    let b = before.trim_end();
    let b = ["do", "does", "did", "will", "Do", "Does", "Will", "DO"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .unwrap_or(b)
        .trim_end();
    b.ends_with(['“', '"', '‘'])
}

/// Words stripped from the end of a subject ("Umami is" → "Umami").
const AUX: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "does",
    "do",
    "did",
    "will",
    "would",
    "shall",
    "has",
    "have",
    "can",
    "also",
    "always",
    "simply",
    "currently",
    "itself",
    "be",
    "been",
    "and",
    "just",
    "absolutely",
    "completely",
    "100%",
    "fully",
    "entirely",
    "truly",
    "and,",
];

const PARTICIPLES: &[&str] = &[
    "sold",
    "shared",
    "used",
    "rented",
    "disclosed",
    "transferred",
    "given",
    "provided",
    "traded",
    "leased",
    "licensed",
    "processed",
];

/// Drop auxiliaries and adverbs from the end of a subject ("Umami is" →
/// "Umami").
fn strip_aux(s: &str) -> &str {
    let mut s = s
        .trim()
        .trim_end_matches(|c: char| matches!(c, ',' | '’' | '\'' | '*' | '_') || c.is_whitespace());
    loop {
        let (head, last) = match s.rsplit_once(char::is_whitespace) {
            Some((h, l)) => (h, l),
            None => ("", s),
        };
        let l = last.to_ascii_lowercase();
        if AUX.contains(&l.as_str()) || l.ends_with("'ll") || l.ends_with("’ll") {
            s = head.trim_end().trim_end_matches(',').trim_end();
            if s.is_empty() {
                return s;
            }
        } else {
            return s;
        }
    }
}

/// The subject of a clause from the text before its verb: auxiliaries
/// dropped, a relative pronoun resolved to its antecedent ("Plausible is a
/// privacy-focused tool that" → "Plausible", "We only use Plausible
/// Analytics, which" → "Plausible Analytics"), a complement clause or an
/// introductory phrase skipped ("Clarified that workspace data" →
/// "workspace data", "Currently, we" → "we").
fn strip_subject(raw: &str) -> String {
    let s = strip_aux(raw);
    let lower = s.to_ascii_lowercase();
    for rel in ["that", "which", "who"] {
        if lower == rel {
            return String::new();
        }
        if lower.ends_with(&format!(" {rel}")) {
            let head = s[..s.len() - rel.len()].trim_end().trim_end_matches(',');
            return antecedent(head.trim_end()).to_string();
        }
    }
    let mut s = s;
    if let Some(i) = s.to_ascii_lowercase().rfind(" that ") {
        s = &s[i + 6..];
    }
    if let Some(i) = s.rfind(", ") {
        let tail = s[i + 2..].trim();
        if !tail.is_empty() {
            s = tail;
        }
    }
    s.trim().to_string()
}

/// What a relative pronoun or "it" refers to in `head`, the clause before
/// it: the object of a use verb ("We only use Plausible Analytics"), else
/// the subject of a copula ("Umami is privacy-focused" → "Umami").
fn antecedent(head: &str) -> &str {
    let copula = table::ANTECEDENT_COPULA.regex();
    let use_verb = table::ANTECEDENT_USE.regex();
    if let Some(u) = use_verb.find_iter(head).last() {
        let obj = head[u.end()..].trim();
        if !obj.is_empty() && obj.split_whitespace().count() <= 6 {
            return obj;
        }
    }
    if let Some(c) = copula.find(head) {
        let subj = head[..c.start()].trim();
        if !subj.is_empty() && subj.split_whitespace().count() <= 6 {
            return subj;
        }
    }
    head.trim()
}

fn strip_determiner(s: &str) -> &str {
    let t = s.trim();
    for d in [
        "our ", "your ", "the ", "this ", "any ", "all ", "its ", "their ",
    ] {
        if t.len() > d.len() && t.is_char_boundary(d.len()) && t[..d.len()].eq_ignore_ascii_case(d)
        {
            return t[d.len()..].trim();
        }
    }
    t
}

/// The subject of the clause before `at`, with the antecedent of a pronoun
/// looked up in the previous clause or sentence of the block.
fn subject_before(block: &Block, sentence: &Range<usize>, cs: usize, at: usize) -> String {
    let text = &block.text;
    let subj = strip_subject(&text[cs..at.max(cs)]);
    let lower = subj.to_ascii_lowercase();
    if !matches!(
        lower.as_str(),
        "it" | "they" | "this" | "this tool" | "the tool"
    ) {
        return subj;
    }
    // Previous clause in the sentence, or the previous sentence.
    let (prev_start, prev_end) = if cs > sentence.start {
        let end = cs;
        let start = clause_start(text, sentence, end.saturating_sub(2).max(sentence.start));
        (start, end)
    } else {
        let i = block.sentences.partition_point(|r| r.end <= sentence.start);
        let prev = i.checked_sub(1).and_then(|i| block.sentences.get(i));
        match prev {
            Some(r) => (r.start, r.end),
            None => return String::new(),
        }
    };
    // Only the end of a long previous sentence can hold the antecedent.
    let from = crate::span::ceil_char(
        text,
        prev_start.min(prev_end).max(prev_end.saturating_sub(300)),
    );
    let prev = text[from..prev_end]
        .trim()
        .trim_end_matches([':', ';', ',', '.', '—', '–'])
        .trim();
    let a = antecedent(prev);
    if a.is_empty() || a.split_whitespace().count() > 6 {
        String::new()
    } else {
        a.to_string()
    }
}

/// Is `subject` the organisation behind the document? Its name is in the
/// title, or it is named throughout (ten times or more).
fn is_owner(doc: &Document, lower_text: &OnceCell<String>, subject: &str) -> bool {
    let s = strip_determiner(subject);
    if s.is_empty() {
        return false;
    }
    let lower = s.to_lowercase();
    if doc
        .title()
        .is_some_and(|t| t.to_lowercase().contains(&lower))
    {
        return true;
    }
    lower_text
        .get_or_init(|| lowercase(&doc.text))
        .matches(&lower)
        .take(10)
        .count()
        >= 10
}

/// `text.to_lowercase()`, with runs of ASCII lowered as bytes (the
/// standard one goes char by char after the first non-ASCII character,
/// and a policy's curly apostrophes come early). Every other character
/// lowers on its own, except 'Σ', whose form depends on its neighbours: a
/// text with one takes the standard path.
fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        out[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    out
}

fn is_tool(doc: &Document, lower_text: &OnceCell<String>, subject: &str) -> bool {
    table::TOOL_SUBJECT_RE.regex().is_match(subject)
        || (!is_owner(doc, lower_text, subject) && !super::lexicons::vendors_in(subject).is_empty())
}

/// Where a claim was found: the phrase `m` (a range of `block.text`) in
/// `sentence`, governed by the negation `neg` (empty at the phrase for
/// self-negating phrases); the clause's subject runs from `cs` to
/// `subject_end`.
struct Site<'a> {
    doc: &'a Document,
    /// The document's text in lower case, made on first need.
    lower_text: &'a OnceCell<String>,
    block: &'a Block,
    /// The block's label when it is a list item ("Self-hosted analytics: …").
    label: Option<Range<usize>>,
    sentence: Range<usize>,
    cs: usize,
    subject_end: usize,
    neg: Range<usize>,
    m: Range<usize>,
    kind: Kind,
}

/// The part of the service a claim is limited to, or `None`.
fn scope(site: &Site) -> Option<String> {
    let Site {
        doc,
        lower_text,
        block,
        ref label,
        ref sentence,
        cs,
        subject_end,
        ref neg,
        ref m,
        kind,
    } = *site;
    let text = &block.text;
    // 1. "On the marketing site — no cookies at all." (`locative_re`
    // opens with one of its prepositions, all starting with a letter of
    // "oifwa" in either case; no other character folds to one of those.)
    let before = &text[sentence.start..m.start];
    if before
        .trim_start()
        .bytes()
        .next()
        .is_some_and(|b| b"oifwaOIFWA".contains(&b))
        && let Some(c) = runtime::LOCATIVE_RE.regex().captures(before)
        && let Some(s) = c.name("s")
    {
        let s = s.as_str().trim();
        if !table::DISCOURSE_RE.regex().is_match(s)
            && !table::UNIVERSAL_SUBJECT_RE.regex().is_match(s)
        {
            return Some(s.to_string());
        }
    }
    // 2. The subject: a tool, or the object of a passive ("… is not sold").
    let subject = subject_before(block, sentence, cs, subject_end);
    let after_neg = text[neg.end..m.end.max(neg.end)].trim_start();
    let first_after = after_neg
        .split_whitespace()
        .find(|w| !matches!(w.to_ascii_lowercase().as_str(), "be" | "been" | "ever"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let passive = PARTICIPLES.contains(&first_after.as_str());
    if !subject.is_empty() {
        if table::UNIVERSAL_SUBJECT_RE.regex().is_match(&subject) {
            // fall through to the object
        } else if passive {
            return (!table::UNSCOPED_OBJECT_RE.regex().is_match(&subject))
                .then(|| strip_determiner(&subject).to_string());
        } else if is_tool(doc, lower_text, &subject) {
            return Some(strip_determiner(&subject).to_string());
        } else {
            // An organisation's name ("Namesake does not use …").
        }
    } else if let Some(l) = label.clone()
        && l.end <= subject_end
    {
        // 3. "Self-hosted analytics (…): … — no cookies"
        let label = text[l].trim();
        if !label.is_empty() {
            return Some(label.to_string());
        }
    }
    // 4. The object of selling, advertising use or AI training.
    if !matches!(kind, Kind::Sale | Kind::Purpose | Kind::Ai) {
        return None;
    }
    object_scope(&text[neg.end..clause_end(text, sentence, m.end)])
}

fn clause_end(text: &str, sentence: &Range<usize>, from: usize) -> usize {
    super::rights::clause_to(text, sentence, from)
}

/// The object of the first use/share/sell verb in `rest`, when it is
/// something narrower than "your personal data".
fn object_scope(rest: &str) -> Option<String> {
    let obj = table::OBJECT_SCOPE_RE.regex();
    let c = obj.captures(rest)?;
    let o = c.name("o")?.as_str().trim();
    if o.is_empty()
        || table::UNSCOPED_OBJECT_RE.regex().is_match(o)
        || o.split_whitespace().count() > 12
    {
        return None;
    }
    Some(strip_determiner(o).to_string())
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| !w.is_empty())
        .count()
}

/// Add every claim of `doc` to `model`.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let lex = lexicon();
    let mut seen: HashSet<(&'static str, usize, usize)> = HashSet::new();
    let lower_text: OnceCell<String> = OnceCell::new();
    for (block, matches) in doc.blocks.iter().zip(input.hits(lexicons::Lexicon::Claims)) {
        let text = &block.text;
        if matches.is_empty() {
            continue;
        }
        let label = block.is_list_item().then(|| block_label(block)).flatten();
        for m in matches {
            let Some(entry) = lex.entries.get(m.id) else {
                continue;
            };
            let Some(mut claim) = entry.claim else {
                continue;
            };
            let (_, sentence) = local_sentence(block, m.start, m.end);
            let cs = clause_start(text, &sentence, m.start);
            let sent_end = sentence.end.max(m.end).min(text.len());
            let after = &text[m.end..sent_end];
            let neg = if entry.kind == Kind::Free {
                m.start..m.start
            } else {
                let Some(n) = table::NEGATION_RE
                    .regex()
                    .find_iter(&text[cs..m.start])
                    .last()
                else {
                    continue;
                };
                let neg = cs + n.start()..cs + n.end();
                let gap = &text[neg.end..m.start];
                let limit = if entry.verb { 5 } else { 16 };
                if word_count(gap) > limit || table::GAP_BLOCKER_RE.regex().is_match(gap) {
                    continue;
                }
                if table::PRE_NEGATION_REJECT_RE
                    .regex()
                    .is_match(&text[cs..neg.start])
                {
                    continue;
                }
                match entry.kind {
                    Kind::Sale => {
                        // A quoted name ("a “Do Not Sell” mechanism") or the
                        // link to a right ("Do Not Sell My Personal
                        // Information") is no promise.
                        if quoted_before(&text[..neg.start])
                            || table::MY_AFTER_RE.regex().is_match(after)
                            || (entry.verb && table::PRODUCT_OBJECT_RE.regex().is_match(after))
                        {
                            continue;
                        }
                    }
                    Kind::Purpose => {
                        // Sharing for anyone's marketing; using only for advertising
                        // ("we will not use your email for marketing" is about
                        // the organisation's own mailings).
                        let shares = table::SHARE_VERB_RE.regex().is_match(gap);
                        let uses = table::PURPOSE_VERB_RE.regex().is_match(gap);
                        let ads = table::AD_TERM_RE.regex().is_match(&text[m.start..m.end]);
                        if !(shares || (uses && ads))
                            || gap.to_lowercase().contains("cookie")
                            || table::CONSENT_CONDITION_RE.regex().is_match(after)
                        {
                            continue;
                        }
                    }
                    Kind::Cookie => {
                        if !table::COOKIE_GAP_RE.regex().is_match(gap) {
                            continue;
                        }
                    }
                    Kind::Ai | Kind::Track | Kind::Free => {}
                }
                neg
            };
            // Tested after the negation, which most phrases lack (each test
            // only drops the match; the order changes nothing else).
            if table::EXCEPTION_RE.regex().is_match(after) {
                continue;
            }
            if matches!(entry.kind, Kind::Cookie | Kind::Free) {
                if table::COOKIE_EXCEPTION_RE.regex().is_match(after) {
                    continue;
                }
                if claim == "no_cookies" && table::TRACKING_PURPOSE_RE.regex().is_match(after) {
                    claim = "no_tracking_cookies";
                }
            }
            if entry.kind == Kind::Free
                && table::PRE_NEGATION_REJECT_RE
                    .regex()
                    .is_match(&text[cs..m.start])
            {
                continue;
            }
            // The subject ends at the clause's first negation ("it does not
            // use cookies, does not track …" → "it").
            let subject_end = table::NEGATION_RE
                .regex()
                .find(&text[cs..neg.start.max(cs)])
                .map(|n| cs + n.start())
                .unwrap_or(neg.start);
            let range = m.start..m.end;
            let scope = scope(&Site {
                doc,
                lower_text: &lower_text,
                block,
                label: label.clone(),
                sentence: sentence.clone(),
                cs,
                subject_end,
                neg,
                m: range,
                kind: entry.kind,
            });
            let sent_text = &text[sentence.clone()];
            let lead = sent_text.len() - sent_text.trim_start().len();
            let trimmed = sent_text.trim();
            let ev = sentence.start + lead..sentence.start + lead + trimmed.len();
            let span = block.span_of(ev);
            if !seen.insert((claim, span.start, span.end)) {
                continue;
            }
            model.claims.push(Claim {
                claim: claim.to_string(),
                scope,
                evidence: Evidence::new(doc, span),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_uses_the_vocabulary_only() {
        for (line, cols) in tsv_rows(TSV) {
            let cols: Vec<&str> = cols.collect();
            assert_eq!(cols.len(), 3, "three columns: {line:?}");
            assert!(
                cols[0] == "-" || CLAIMS.contains(&cols[0]),
                "unknown claim in {line:?}"
            );
            assert!(
                ["sale", "purpose", "ai", "cookie", "free", "track"].contains(&cols[1]),
                "unknown kind in {line:?}"
            );
        }
        for c in CLAIMS {
            assert!(lexicon().entries.iter().any(|e| e.claim == Some(c)), "{c}");
        }
    }

    #[test]
    fn lowercase_is_the_standard_one() {
        for t in [
            "",
            "We DON’T Sell",
            "ÀÉÎ Straße İstanbul K ΟΔΟΣ Σ aΣb",
            "ABC’",
            "’",
            "Ǆ ǅ ῼ",
        ] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t:?}");
        }
        assert_eq!(lowercase("A’B ÀÉ"), "a’b àé");
    }

    #[test]
    fn subjects() {
        assert_eq!(strip_subject("Umami is "), "Umami");
        assert_eq!(strip_subject("We "), "We");
        assert_eq!(
            strip_subject("Clarified that workspace data is "),
            "workspace data"
        );
        assert_eq!(strip_subject("and "), "");
        assert_eq!(
            strip_subject("Plausible is a privacy-focused tool that does "),
            "Plausible"
        );
        assert_eq!(
            strip_subject("We only use Plausible Analytics, which does "),
            "Plausible Analytics"
        );
        assert_eq!(
            strip_subject("Please note that in the preceding twelve (12) months, we have "),
            "we"
        );
    }

    #[test]
    fn objects() {
        assert_eq!(
            object_scope(" use your metrics or metadata for advertising").as_deref(),
            Some("metrics or metadata")
        );
        assert_eq!(
            object_scope(" sell, rent, or share your personal information with third parties"),
            None
        );
        assert_eq!(object_scope(" sell your data or information"), None);
        assert_eq!(
            object_scope(" use your workspace data to train AI models").as_deref(),
            Some("workspace data")
        );
    }
}
