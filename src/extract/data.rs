//! Data collected: phrases for kinds of personal data, mapped to fideslang
//! keys through the synonym lexicon `rules/lexicons/data_categories.tsv`
//! (its header explains the format), matched with one Aho-Corasick
//! automaton per block.
//!
//! A phrase counts only where the text is about collection, and the more
//! ambiguous the phrase, the closer that context must be (lexicon flags):
//!
//! - **section**: the block sits under a heading about collection ("What we
//!   collect", "Personal Information You Provide", "Information we
//!   collect"), or in the run of flat headings that follows such a heading
//!   when it has no text of its own (plain-text policies lose heading
//!   levels);
//! - **sentence**: the sentence has a collection verb (collect, receive,
//!   store, log, track, ask for, provide us, "we use cookies", …);
//! - **position**: the block is a list item, table row or heading about
//!   collection — under a collection section, after a lead-in such as "We
//!   collect the following:", in a cookie or data-category table, or an
//!   item labelled "Account data: …".
//!
//! Specific phrases ("IP address") need any of the three; ambiguous words
//! ("name", "location") a sentence or position; weak words ("content") a
//! sentence. Sections about rights, choices and contact are skipped ("verify
//! your name and email address" is not collection), and so is a phrase
//! under "we do not collect/use/track" or "no cookies". Merely not storing
//! data ("we never see your raw card details", "we do not store your card
//! number") still discloses it: the card passes through the service.

use crate::pattern::{runtime, table};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use super::context::{Tokens, clause_start, sentence_index};
use super::lexicons::{self, Input};
use crate::document::{Block, BlockKind, Document};
use crate::lexicon::tsv_rows;
use crate::model::{DataCollected, Evidence, PolicyModel};

const TSV: &str = include_str!("../../rules/lexicons/data_categories.tsv");

/// How close the collection context must be for a phrase to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Section, sentence or position.
    Any,
    /// Sentence or position.
    Close,
    /// A collection verb in the sentence.
    Verb,
}

/// One lexicon phrase.
#[derive(Debug, Clone)]
pub struct Entry {
    pub phrase: &'static str,
    /// `None` for stop phrases ("domain name").
    pub category: Option<&'static str>,
    pub need: Need,
}

/// The parsed lexicon.
pub struct Lexicon {
    pub entries: Vec<Entry>,
    /// Every phrase and plural, for the automaton: (text, entry, false).
    pub patterns: Vec<(String, usize, bool)>,
}

impl Lexicon {
    fn parse(tsv: &'static str) -> Lexicon {
        let mut entries = Vec::new();
        let mut patterns: Vec<(String, usize, bool)> = Vec::new();
        for (_, mut cols) in tsv_rows(tsv) {
            let Some(phrase) = cols.next().map(str::trim).filter(|p| !p.is_empty()) else {
                continue;
            };
            let category = cols.next().map(str::trim).unwrap_or("-");
            let flags = cols.next().unwrap_or("").trim();
            let need = if flags.contains('!') {
                Need::Verb
            } else if flags.contains('~') {
                Need::Close
            } else {
                Need::Any
            };
            let id = entries.len();
            entries.push(Entry {
                phrase,
                category: (category != "-" && !category.is_empty()).then_some(category),
                need,
            });
            patterns.push((phrase.to_string(), id, false));
            if !flags.contains('=')
                && let Some(plural) = plural(phrase)
            {
                patterns.push((plural, id, false));
            }
        }
        Lexicon { patterns, entries }
    }
}

/// The regular plural of a phrase's last word, if it has one.
fn plural(phrase: &str) -> Option<String> {
    let last = phrase.rsplit(' ').next()?;
    if last.is_empty() || !last.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let lower = last.to_ascii_lowercase();
    if lower.ends_with('s') && !lower.ends_with("ss") {
        return None;
    }
    let stem = &phrase[..phrase.len() - last.len()];
    let bytes = lower.as_bytes();
    let plural = if lower.ends_with('y')
        && bytes.len() > 1
        && !matches!(bytes[bytes.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if lower.ends_with("ss")
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    Some(format!("{stem}{plural}"))
}

/// The data-category lexicon, parsed and compiled on first use.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(TSV))
}

/// Per block: is it in a collection section, and should it be skipped?
fn block_contexts(doc: &Document) -> Vec<(bool, bool)> {
    // A section decides by its innermost heading that says anything.
    let decide = |block: &Block| -> (bool, bool) {
        for h in doc.section_path(block).iter().rev() {
            if table::SKIP_HEADING.regex().is_match(h) {
                return (false, true);
            }
            let collect = table::COLLECT_HEADING.regex().find(h);
            let topic = table::TOPIC_HEADING.regex().find(h);
            match (collect, topic) {
                (Some(c), Some(t)) if c.start() < t.start() => return (true, false),
                (Some(_), None) => return (true, false),
                (_, Some(_)) => return (false, false),
                (None, None) => continue,
            }
        }
        (false, false)
    };
    // The decision depends only on the block's section: made once per section.
    let mut by_section: Vec<Option<(bool, bool)>> = vec![None; doc.sections.len()];
    let mut unsectioned: Option<(bool, bool)> = None;
    let mut out = Vec::with_capacity(doc.blocks.len());
    // A collection heading followed directly by another heading opens a run
    // of flat sub-headings ("What data we collect" / "Account" / "Billing").
    let mut run = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let slot = match block.section {
            Some(s) if s < by_section.len() => &mut by_section[s],
            _ => &mut unsectioned,
        };
        let (mut in_section, skip) = *slot.get_or_insert_with(|| decide(block));
        if block.kind == BlockKind::Heading {
            let title = block.text.as_str();
            let is_collect = table::COLLECT_HEADING.regex().is_match(title)
                && !table::TOPIC_HEADING.regex().find(title).is_some_and(|t| {
                    table::COLLECT_HEADING
                        .regex()
                        .find(title)
                        .is_some_and(|c| t.start() < c.start())
                });
            if is_collect {
                run = doc
                    .blocks
                    .get(i + 1)
                    .is_some_and(|b| b.kind == BlockKind::Heading);
            } else if table::TOPIC_HEADING.regex().is_match(title)
                || table::SKIP_HEADING.regex().is_match(title)
            {
                run = false;
            }
        }
        if run && !skip {
            in_section = true;
        }
        out.push((in_section, skip));
    }
    out
}

/// Is a list item introduced by a lead-in that collects ("We collect the
/// following information:")?
///
/// `first` is the index of the first block of the run of blocks of the
/// item's list that ends at `index` (see [`list_runs`]).
fn lead_in_collects(doc: &Document, index: usize, first: usize) -> bool {
    if doc.blocks.get(index).and_then(|b| b.list).is_none() {
        return false;
    }
    let Some(lead) = first.checked_sub(1).and_then(|i| doc.blocks.get(i)) else {
        return false;
    };
    !lead.is_list_item()
        && lead.kind != BlockKind::Heading
        && lead.text.trim_end().ends_with(':')
        && runtime::COLLECTION_VERB.regex().is_match(&lead.text)
}

/// "Account data: name, email, …": an item labelled as a kind of data.
fn labelled_data_item(block: &Block) -> bool {
    let t = &block.text;
    let Some(i) = label_end(t) else {
        return false;
    };
    table::DATA_LABEL.regex().is_match(&t[..i])
}

/// Where the first ": ", " — " or " – " of `t` starts: one pass over the
/// bytes, stopping at each ':' and at each lead byte of a dash (0xE2).
fn label_end(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut from = 0;
    while let Some(off) = b
        .get(from..)
        .and_then(|r| r.iter().position(|&c| c == b':' || c == 0xE2))
    {
        let p = from + off;
        let rest = &b[p..];
        if rest.starts_with(b": ") {
            return Some(p);
        }
        // " — " / " – ": the space before the dash is where the label ends.
        if p > 0
            && b[p - 1] == b' '
            && (rest.starts_with("— ".as_bytes()) || rest.starts_with("– ".as_bytes()))
        {
            return Some(p - 1);
        }
        from = p + 1;
    }
    None
}

/// Is the row's table a cookie or data-category table?
fn data_table(doc: &Document, block: &Block) -> bool {
    doc.table_header(block)
        .is_some_and(|h| table::DATA_TABLE_HEADER.regex().is_match(&h.text))
}

/// For each block, the index of the first block of the run of consecutive
/// blocks with its list id that ends at it (itself when not in a list).
fn list_runs(doc: &Document) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(doc.blocks.len());
    for (i, b) in doc.blocks.iter().enumerate() {
        let first = match (i.checked_sub(1), b.list) {
            (Some(p), Some(l)) if doc.blocks[p].list == Some(l) => out[p],
            _ => i,
        };
        out.push(first);
    }
    out
}

/// Add every data category `doc` says it collects to `model`.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let lex = lexicon();
    let found = input.hits(lexicons::Lexicon::Data);
    let contexts = block_contexts(doc);
    let runs = list_runs(doc);
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let (in_section, skip) = contexts.get(bi).copied().unwrap_or((false, false));
        if skip {
            continue;
        }
        let matches = found.get(bi).map_or(&[][..], Vec::as_slice);
        if matches.is_empty() {
            continue;
        }
        let positional = match block.kind {
            BlockKind::ListItem { .. } => {
                in_section
                    || lead_in_collects(doc, bi, runs.get(bi).copied().unwrap_or(bi))
                    || labelled_data_item(block)
            }
            BlockKind::TableRow => in_section || data_table(doc, block),
            BlockKind::Heading => in_section,
            BlockKind::Paragraph => labelled_data_item(block),
            BlockKind::TableHeader => false,
        };
        let mut verbs: Vec<Option<bool>> = vec![None; block.sentences.len()];
        let mut tokens = address_tokens(&block.text);
        for m in matches {
            let Some(entry) = lex.entries.get(m.id) else {
                continue;
            };
            let Some(category) = entry.category else {
                continue;
            };
            // A phrase already recorded for its category adds nothing, and
            // every test below only decides whether to record it: skip them.
            // (A long policy repeats "email address" dozens of times.)
            let key = (category, block.text[m.start..m.end].to_lowercase());
            if seen.contains(&key) {
                continue;
            }
            let si = sentence_index(block, m.start);
            let sentence = si
                .and_then(|i| block.sentences.get(i))
                .cloned()
                .unwrap_or(0..block.text.len());
            let si = si.unwrap_or(usize::MAX);
            let verb = sentence_collects(block, si, &sentence, in_section, &mut verbs);
            let ok = match entry.need {
                Need::Any => in_section || verb || positional,
                Need::Close => verb || positional,
                Need::Verb => verb,
            };
            // Negation is looked for within 400 bytes of the match (as
            // for rights and claims): linear in run-on text.
            let (_, near) = super::rights::local_sentence(block, m.start, m.end);
            if !ok
                || negated(block, &near, m.start, m.end)
                || inside_address(&mut tokens, m.start, m.end)
                || used_as_verb(&block.text, m.start, m.end)
            {
                continue;
            }
            let phrase = block.text[m.start..m.end].to_string();
            seen.insert(key);
            model.data_collected.push(DataCollected {
                category,
                phrase,
                evidence: Evidence::new(doc, block.span_of(m.start..m.end)),
            });
        }
    }
}

/// Does sentence `si` of `block` say data is collected? "That information
/// includes …" continues the sentence before it. Results are cached.
fn sentence_collects(
    block: &Block,
    si: usize,
    sentence: &Range<usize>,
    in_section: bool,
    cache: &mut [Option<bool>],
) -> bool {
    // A continuation ("This includes …") inherits the verdict of the
    // sentence before it: walk back (iteratively: a run of thousands of
    // continuations must not exhaust the stack) to the first that decides.
    let mut chain = Vec::new();
    let mut i = si;
    let mut range = sentence.clone();
    let v = loop {
        if let Some(Some(v)) = cache.get(i) {
            break *v;
        }
        chain.push(i);
        let text = &block.text[range.clone()];
        if has_collection_verb(text, in_section) {
            break true;
        }
        match i.checked_sub(1).and_then(|p| block.sentences.get(p)) {
            Some(prev) if table::CONTINUATION.regex().is_match(text) => {
                range = prev.clone();
                i -= 1;
            }
            _ => break false,
        }
    };
    for i in chain {
        if let Some(slot) = cache.get_mut(i) {
            *slot = Some(v);
        }
    }
    v
}

fn has_collection_verb(sentence: &str, in_section: bool) -> bool {
    runtime::COLLECTION_VERB.regex().is_match(sentence)
        || (in_section && table::LISTING_VERB.regex().is_match(sentence))
}

/// Tokens for [`inside_address`]: delimited by whitespace, brackets,
/// quotes and commas.
fn address_tokens(text: &str) -> Tokens<'_> {
    fn sep(c: char) -> bool {
        c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"' | ',')
    }
    Tokens::delimited_by(text, sep, sep)
}

/// Is the match part of an e-mail address or URL ("feedback@range.co")?
/// `tokens` reads the match's block; matches come in order of position.
fn inside_address(tokens: &mut Tokens, start: usize, end: usize) -> bool {
    let token_start = tokens.start(start);
    let token_end = tokens.end(end).max(end);
    let token = tokens.text().get(token_start..token_end).unwrap_or("");
    token.starts_with("www.")
        || tokens.has_at_sign(token_start..token_end)
        || tokens.has_scheme(token_start..token_end)
}

/// "to address security concerns", "we will email you": a data word used
/// as a verb.
fn used_as_verb(text: &str, start: usize, end: usize) -> bool {
    let word = text[start..end].to_ascii_lowercase();
    if !matches!(
        word.as_str(),
        "address" | "email" | "e-mail" | "phone" | "text" | "name"
    ) {
        return false;
    }
    let prev = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "to" | "will"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "please"
            | "we"
            | "i"
            | "you"
            | "help"
            | "also"
    )
}

/// "We do not collect X", "no cookies", "cookie-free".
fn negated(block: &Block, sentence: &Range<usize>, start: usize, end: usize) -> bool {
    let text = &block.text;
    if text[end..].starts_with("-free") {
        return true;
    }
    // Every negation `negated_prefix` knows has "no" (not, no), "ne"
    // (never), "n't" or "without", ASCII case ignored. The clause lies
    // within the sentence's part before the match: without one of them
    // there, neither the clause nor the regex needs looking for.
    let before = text.as_bytes().get(sentence.start.min(start)..start);
    if !before.is_some_and(may_negate) {
        return false;
    }
    let cs = clause_start(text, sentence, start);
    table::NEGATED_PREFIX.regex().is_match(&text[cs..start])
}

/// Does `t` hold "no", "ne", "n'" or "without" (ASCII case ignored)?
fn may_negate(t: &[u8]) -> bool {
    t.windows(2)
        .any(|w| w[0] | 0x20 == b'n' && matches!(w[1] | 0x20, b'o' | b'e' | b'\''))
        || t.windows(7).any(|w| w.eq_ignore_ascii_case(b"without"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fideslang;

    #[test]
    fn every_category_is_a_fideslang_key() {
        for e in &lexicon().entries {
            if let Some(c) = e.category {
                assert!(fideslang::is_known(c), "{}: unknown key {c}", e.phrase);
            }
        }
        assert!(lexicon().entries.len() > 250);
    }

    /// The gate before the negation regex lets every negation through.
    #[test]
    fn may_negate_gate() {
        for t in ["not", "NEVER", "don't", "No", "without", "WITHOUT", "nor"] {
            assert!(may_negate(t.as_bytes()), "{t}");
        }
        for t in ["we collect your email", "", "n", "with out", "WITH"] {
            assert!(!may_negate(t.as_bytes()), "{t}");
        }
        for (text, expected) in [
            ("We do not collect your email address.", true),
            ("We collect your email address.", false),
            ("No email address is needed.", true),
        ] {
            let doc = Document::parse(
                "t.md",
                text.to_string(),
                crate::document::SourceKind::Markdown,
            );
            let b = &doc.blocks[0];
            let at = b.text.find("email").unwrap();
            assert_eq!(
                negated(b, &(0..b.text.len()), at, at + 5),
                expected,
                "{text}"
            );
        }
    }

    /// The label ends where the first of the three separators starts.
    #[test]
    fn label_ends() {
        for t in [
            "Account data: name, email",
            "Usage — pages visited: dates",
            "a–b – c: d",
            "Logs:x: y — z",
            "no separator here",
            "—: ",
            " — ",
            "é: x",
            "x —y – z",
        ] {
            let expected = [": ", " — ", " – "].iter().filter_map(|s| t.find(s)).min();
            assert_eq!(label_end(t), expected, "{t:?}");
        }
        assert_eq!(label_end("Account data: name"), Some(12));
        assert_eq!(label_end("Usage — pages"), Some(5));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("email address").as_deref(), Some("email addresses"));
        assert_eq!(plural("search query").as_deref(), Some("search queries"));
        assert_eq!(
            plural("device identifier").as_deref(),
            Some("device identifiers")
        );
        assert_eq!(plural("cookies"), None);
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = lexicon();
        let text = "your IP address, email address, domain names and name";
        let found: Vec<Option<&str>> = lexicons::find(text, lexicons::Lexicon::Data)
            .iter()
            .map(|m| lex.entries[m.id].category)
            .collect();
        assert_eq!(
            found,
            [
                Some("user.device.ip_address"),
                Some("user.contact.email"),
                None,
                Some("user.name")
            ]
        );
    }
}
