//! Data-subject rights and the promised response time for rights requests.
//!
//! Rights come from one Aho-Corasick pass per block over the phrase lexicon
//! `rules/lexicons/rights.tsv` (format in its header). A phrase alone is not
//! a right: "we delete logs after 30 days" mentions deletion but grants
//! nothing. What makes it a grant depends on the phrase's kind:
//!
//! - `phrase` (distinctive wording such as "lodge a complaint") counts inside
//!   a rights section (a heading about rights, choices, your data, opting
//!   out), in a sentence addressed to the reader ("you can", "you have the
//!   right", "request", "ask us"), or in a list introduced by such a sentence.
//! - `word` (a common word such as "delete") counts after a grant cue in the
//!   same clause ("you can ask to see, fix, export, or delete your data",
//!   "you may request account deletion"), chaining through a coordinated list
//!   of such words, when the clause names the data as object; or as the label
//!   of a list item or heading under a rights heading ("Deletion — Delete
//!   your account").
//! - `named` counts only right after "right to"/"right of" ("Right to Know").
//! - `noun` (a noun phrase: "information about how your personal data is
//!   processed") counts right after a request cue ("the right to request")
//!   or at the start of an item in a list under a lead-in.
//! - In a that-clause after a request cue, a `word` may stand further from
//!   the cue as the clause's passive verb with the data as its subject:
//!   "ask that the processing of your personal data is restricted".
//!
//! A grant the clause denies ("you cannot delete …") does not count.
//!
//! `response_days` is the first "we will respond within 30 days / one month"
//! statement; retention wording between the response verb and the period
//! ("… and delete your data within 30 days") disqualifies it.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use super::REACH;
use crate::pattern::{runtime, table};
use crate::span::{ceil_char, floor_char};

use super::context::{SectionTest, contains_ignore_ascii_case, negated_before};
use super::duration::{Unit, parse_duration_phrase};
use super::lexicons::{self, Input};
use crate::document::{Block, BlockKind, Document};
use crate::lexicon::tsv_rows;
use crate::model::{Evidence, PolicyModel, RightFact};

/// The rights vocabulary of `candor/model/v1`.
pub const RIGHTS: [&str; 12] = [
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
    "withdraw_consent",
    "complaint",
    "automated_decision",
    "opt_out_sale",
    "limit_sensitive",
    "non_discrimination",
];

const TSV: &str = include_str!("../../rules/lexicons/rights.tsv");

/// Upper bound on the patterns one lexicon line may expand to.
const MAX_EXPANSIONS: usize = 4096;

/// Expand `{a|b}` alternatives in a lexicon phrase: `"{a |}b{c|d}"` →
/// `["a bc", "a bd", "bc", "bd"]`. Whitespace is collapsed; an unclosed
/// brace is read literally. At most [`MAX_EXPANSIONS`] results.
pub(crate) fn expand_braces(pattern: &str) -> Vec<String> {
    // The phrase as a sequence of parts, each a list of alternatives (one
    // for literal text).
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        let open = rest.find('{');
        let close = open.and_then(|o| rest[o..].find('}').map(|c| o + c));
        match (open, close) {
            (Some(o), Some(c)) => {
                parts.push(vec![&rest[..o]]);
                parts.push(rest[o + 1..c].split('|').collect());
                rest = &rest[c + 1..];
            }
            _ => {
                parts.push(vec![rest]);
                rest = "";
            }
        }
    }
    // Every choice of one alternative per part, the last part varying
    // fastest, up to MAX_EXPANSIONS of them; each written out with its
    // whitespace collapsed.
    let mut choice = vec![0usize; parts.len()];
    let mut v: Vec<String> = Vec::new();
    let mut raw = String::new();
    'choices: loop {
        if v.len() >= MAX_EXPANSIONS {
            break;
        }
        raw.clear();
        for (part, &k) in parts.iter().zip(&choice) {
            raw.push_str(part.get(k).copied().unwrap_or_default());
        }
        let mut phrase = String::with_capacity(raw.len());
        for w in raw.split_whitespace() {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        v.push(phrase);
        // The next choice: the odometer over the parts' alternatives.
        for (part, k) in parts.iter().zip(choice.iter_mut()).rev() {
            *k += 1;
            if *k < part.len() {
                continue 'choices;
            }
            *k = 0;
        }
        break;
    }
    v.retain(|s| !s.is_empty());
    v.sort_unstable();
    v.dedup();
    v
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Phrase,
    Word,
    Named,
    Noun,
}

#[derive(Debug, Clone)]
struct Entry {
    right: &'static str,
    kind: Kind,
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
        let (Some(right), Some(kind), Some(phrase)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let Some(right) = RIGHTS.iter().find(|r| **r == right.trim()) else {
            continue;
        };
        let kind = match kind.trim() {
            "phrase" => Kind::Phrase,
            "word" => Kind::Word,
            "named" => Kind::Named,
            "noun" => Kind::Noun,
            _ => continue,
        };
        let id = entries.len();
        entries.push(Entry { right, kind });
        for p in expand_braces(phrase.trim()) {
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

/// Does `cue` (the text up to the cue's end) let `word` stand without an
/// object? "the right to erasure", "request deletion" — but not "request
/// access to certain functions".
fn tight_cue(cue: &str, word: &str) -> bool {
    if table::TIGHT_CUE_RIGHT.regex().is_match(cue) {
        return true;
    }
    table::TIGHT_CUE_REQUEST.regex().is_match(cue)
        && matches!(
            word.to_ascii_lowercase().as_str(),
            "deletion" | "erasure" | "correction" | "rectification" | "portability" | "restriction"
        )
}

/// Is the grant word the verb of a that-clause after a request cue, with
/// the data as its subject: "request that your personal data is erased",
/// "ask that the processing of your personal data is restricted", and,
/// under "You have the right to request:", the item "that anything
/// inaccurate in your personal data is corrected immediately"? `cue` is
/// the cue's text (empty for a lead-in list's item start), `gap` the text
/// from its end to the word.
fn that_clause(cue: &str, gap: &str, word: &str) -> bool {
    let that = table::THAT_CLAUSE_THAT.regex().is_match(cue)
        || gap
            .trim_start()
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("that "));
    // The clause's verb: "is/be/are … corrected" right before the word.
    that && word_count(gap) <= 12
        && word.to_ascii_lowercase().ends_with("ed")
        && table::THAT_CLAUSE_PASSIVE.regex().is_match(gap)
        && table::DATA_NOUN_RE.regex().is_match(gap)
}

/// Does the object window name the reader's data (not cookies, not a
/// settings page: "update your data collection settings" is no
/// rectification)?
fn about_data(window: &str) -> bool {
    if !table::DATA_NOUN_RE.regex().is_match(window) || contains_ignore_ascii_case(window, "cookie")
    {
        return false;
    }
    !table::ABOUT_DATA_SETTINGS.regex().is_match(window)
        || table::ABOUT_DATA_STRONG.regex().is_match(window)
}

/// The first `n` words of `s`.
fn first_words(s: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (j, c) in s.char_indices() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            words += 1;
            if words > n {
                return &s[..j];
            }
        }
        in_word = w;
    }
    s
}

/// Where the object of the grant word `matches[i]` may be: from the end of
/// the last word coordinated with it ("see, fix, export, or delete your
/// data") up to six words further, before the next comma or clause
/// boundary. Returns (end of the coordinated words, end of the window).
fn object_window(
    text: &str,
    sentence: &Range<usize>,
    matches: &[crate::lexicon::NameMatch],
    i: usize,
) -> (usize, usize) {
    let mut last = match matches.get(i) {
        Some(m) => m.end,
        None => {
            let e = sentence.end.min(text.len());
            return (e, e);
        }
    };
    for m in matches.iter().skip(i + 1).take(16) {
        if m.start < last
            || m.start - last > REACH
            || !table::CHAIN_GAP_RE.regex().is_match(&text[last..m.start])
        {
            break;
        }
        last = m.end;
    }
    let limit = clause_to(text, sentence, last).max(last);
    let rest = &text[last..limit];
    let stop = rest
        .find([',', '.', ';', ':', '!', '?'])
        .unwrap_or(rest.len());
    (last, last + first_words(&rest[..stop], 6).len())
}

/// The sentence of `block` around the match `start..end`: its start (which
/// identifies it) and the part of it within [`REACH`] bytes of the match.
/// Found by binary search over the block's sorted sentences.
pub(crate) fn local_sentence(block: &Block, start: usize, end: usize) -> (usize, Range<usize>) {
    let text = &block.text;
    let full = super::context::sentence_at(block, start);
    let lo = floor_char(text, start.saturating_sub(REACH)).max(full.start);
    let hi = ceil_char(text, end.saturating_add(REACH)).min(full.end.max(end));
    (full.start, lo.min(start)..hi.max(end).min(text.len()))
}

/// Start of the clause containing `offset` within `sentence`.
pub(crate) fn clause_from(text: &str, sentence: &Range<usize>, offset: usize) -> usize {
    let start = sentence.start.min(offset);
    table::BOUNDARY_RE
        .regex()
        .find_iter(&text[start..offset])
        .last()
        .map(|m| start + m.end())
        .unwrap_or(start)
}

/// End of the clause starting at or containing `offset` within `sentence`.
pub(crate) fn clause_to(text: &str, sentence: &Range<usize>, offset: usize) -> usize {
    let end = sentence.end.max(offset).min(text.len());
    let from = offset.min(end);
    table::BOUNDARY_RE
        .regex()
        .find(&text[from..end])
        .map(|m| from + m.start())
        .unwrap_or(end)
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .count()
}

/// The label of a list item, heading or titled paragraph: the text before
/// " — ", ": " or ". " when short ("Access — Request a copy …").
pub(crate) fn block_label(block: &Block) -> Option<Range<usize>> {
    let t = &block.text;
    let lead = t.len() - t.trim_start().len();
    match block.kind {
        BlockKind::Heading => (word_count(t) <= 6).then(|| lead..t.trim_end().len()),
        BlockKind::ListItem { .. } | BlockKind::Paragraph => {
            // The first separator: each later search only needs the text
            // before the nearest one found so far (an occurrence starting
            // before it ends within `len - 1` bytes after it).
            let bytes = t.as_bytes();
            let mut first: Option<usize> = None;
            for sep in label_separators() {
                let len = sep.needle().len();
                let limit = first.map_or(bytes.len(), |e| (e + len - 1).min(bytes.len()));
                if let Some(i) = bytes.get(..limit).and_then(|hay| sep.find(hay)) {
                    first = Some(first.map_or(i, |e| e.min(i)));
                }
            }
            // The separators are whole characters: `end` is a boundary.
            let end = first?;
            if end <= lead {
                return None;
            }
            let label = &t[lead..end];
            let words = word_count(label);
            let ok = match block.kind {
                BlockKind::ListItem { .. } => words <= 6,
                // Paragraph labels must look like titles ("Right to Know.").
                _ => {
                    words <= 5
                        && label.split_whitespace().all(|w| {
                            w.chars().next().is_some_and(|c| !c.is_lowercase())
                                || matches!(w, "to" | "of" | "and" | "or" | "the" | "a" | "your")
                        })
                }
            };
            ok.then_some(lead..end)
        }
        _ => None,
    }
}

/// What ends a label: " — ", " – ", " - ", ": ", ". " (the likeliest first).
fn label_separators() -> &'static [memchr::memmem::Finder<'static>; 5] {
    static SEPS: OnceLock<[memchr::memmem::Finder<'static>; 5]> = OnceLock::new();
    SEPS.get_or_init(|| [". ", ": ", " — ", " – ", " - "].map(memchr::memmem::Finder::new))
}

/// Is the paragraph a lead-in to a list of rights ("You have the right to:")?
fn is_lead_in(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
        && block.text.trim_end().ends_with(':')
        && table::RIGHTS_CUE_RE.regex().is_match(&block.text)
}

/// Add every right granted in `doc` to `model`, and its response time.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let lex = lexicon();
    let found = input.hits(lexicons::Lexicon::Rights);
    let mut lead_in = false;
    let mut seen: HashSet<(&'static str, usize, usize)> = HashSet::new();
    let mut strong_sections = SectionTest::new(doc, |h: &str| {
        runtime::STRONG_HEADING_RE.regex().is_match(h)
    });
    let mut weak_sections =
        SectionTest::new(doc, |h: &str| table::WEAK_HEADING_RE.regex().is_match(h));
    for (block, matches) in doc.blocks.iter().zip(found) {
        if !block.is_list_item() {
            lead_in = is_lead_in(block);
        }
        if matches.is_empty() {
            continue;
        }
        let strong = strong_sections.any_in_path(block);
        let weak = strong || weak_sections.any_in_path(block);
        let in_lead_list = block.is_list_item() && lead_in;
        let label = (strong || in_lead_list)
            .then(|| block_label(block))
            .flatten();
        let text = &block.text;
        // The last cued word of the current sentence: (sentence start, its
        // end, where its cue started), so coordinated words chain on it.
        let mut chain: Option<(usize, usize, usize)> = None;
        for (i, m) in matches.iter().enumerate() {
            let Some(entry) = lex.entries.get(m.id) else {
                continue;
            };
            let (sid, sentence) = local_sentence(block, m.start, m.end);
            let s0 = sentence.start.min(m.start);
            let in_label = label
                .as_ref()
                .is_some_and(|l| l.start <= m.start && m.end <= l.end);
            // Whether a `named` or `phrase` match counts does not depend on
            // its cue. A match that does not count changes nothing (the
            // chain moves on only from a counted match of these kinds), so
            // the tests below are skipped for it: they only drop matches.
            let fixed = match entry.kind {
                Kind::Named => Some(table::RIGHT_TO_RE.regex().is_match(&text[s0..m.start])),
                Kind::Phrase => Some(
                    weak || in_lead_list
                        || in_label
                        || table::RIGHTS_CUE_RE
                            .regex()
                            .is_match(&text[sentence.clone()]),
                ),
                Kind::Noun | Kind::Word => None,
            };
            if fixed == Some(false) {
                continue;
            }
            // The last grant cue before the match in this sentence; a list
            // under a lead-in ("You have the right to:") is cued at its start.
            let cue = table::RIGHTS_CUE_RE
                .regex()
                .find_iter(&text[s0..m.start])
                .filter(|c| {
                    !table::ORGANISATION_RIGHT_RE
                        .regex()
                        .is_match(&text[s0..s0 + c.start()])
                })
                .last()
                .map(|c| (s0 + c.start(), s0 + c.end()))
                .or((in_lead_list && sid == 0).then_some((0, 0)));
            let direct = cue.filter(|&(cs, ce)| {
                let gap = &text[ce..m.start];
                let in_clause = !table::BOUNDARY_RE.regex().is_match(gap) && !gap.contains(',');
                in_clause
                    && (word_count(gap) <= 4
                        || that_clause(&text[cs..ce], gap, &text[m.start..m.end]))
            });
            let chained = chain.filter(|&(ss, end, _)| {
                ss == sid
                    && end <= m.start
                    && m.start - end <= REACH
                    && table::CHAIN_GAP_RE.regex().is_match(&text[end..m.start])
            });
            let cue_start = direct.map(|(s, _)| s).or(chained.map(|(_, _, s)| s));
            // "You have the right to request: information about how your
            // personal data is processed"; "the right to request
            // information about …", but not "find information about …".
            let noun = (entry.kind == Kind::Noun).then(|| {
                direct.is_some_and(|(cs, ce)| {
                    word_count(&text[ce..m.start]) <= 1
                        && ((in_lead_list && (cs, ce) == (0, 0))
                            || table::REQUEST_CUE_RE.regex().is_match(&text[cs..ce]))
                })
            });
            // An uncounted `noun`, or a `word` with neither a cue, a chain
            // nor a label, changes nothing either.
            if noun == Some(false) || (entry.kind == Kind::Word && !in_label && cue_start.is_none())
            {
                continue;
            }
            let cs = clause_from(text, &sentence, m.start);
            let prefix = &text[cs..m.start];
            if entry.right != "non_discrimination" && table::DENIAL_RE.regex().is_match(prefix) {
                continue;
            }
            if entry.right == "automated_decision" && negated_before(prefix) {
                continue;
            }
            let accepted = match fixed.or(noun) {
                Some(accepted) => accepted,
                None => {
                    in_label
                        || cue_start.is_some_and(|cstart| {
                            let tight = direct.is_some_and(|(_, ce)| {
                                tight_cue(&text[s0.min(ce)..ce], &text[m.start..m.end])
                                    && word_count(&text[ce..m.start]) <= 1
                            });
                            let (chain_end, end) = object_window(text, &sentence, matches, i);
                            // "see"/"view" need the data right after them
                            // ("see your data", not "see more detail about
                            // the information we collect").
                            let looking = matches!(
                                text[m.start..m.end].to_ascii_lowercase().as_str(),
                                "see" | "view"
                            );
                            let window = if looking {
                                first_words(&text[chain_end.min(end)..end], 3)
                            } else {
                                &text[cstart.min(end)..end]
                            };
                            // A list under "You have the right to:" names
                            // rights without repeating the data.
                            tight || (in_lead_list && direct.is_some()) || about_data(window)
                        })
                }
            };
            if let Some(cstart) = cue_start.filter(|_| entry.kind == Kind::Word || accepted) {
                chain = Some((sid, m.end, cstart));
            }
            if !accepted {
                continue;
            }
            let span = block.span_of(m.start..m.end);
            if !seen.insert((entry.right, span.start, span.end)) {
                continue;
            }
            model.rights.push(RightFact {
                right: entry.right.to_string(),
                evidence: Evidence::new(doc, span),
            });
        }
    }
    if model.response_days.is_none() {
        model.response_days = response_days(doc);
    }
}

// ---------------------------------------------------------------------------
// Response time

/// The first "we will respond within N days" statement of `doc`, in days.
pub fn response_days(doc: &Document) -> Option<u32> {
    for block in &doc.blocks {
        if !names_a_period(&block.text) {
            continue;
        }
        let mut request_context: Option<bool> = None;
        for c in table::RESPONSE_RE.regex().captures_iter(&block.text) {
            let (Some(whole), Some(dur)) = (c.get(0), c.name("dur")) else {
                continue;
            };
            let (_, sentence) = local_sentence(block, whole.start(), whole.end());
            let before = &block.text[sentence.start.min(whole.start())..whole.start()];
            let Some(verb) = table::RESPOND_WORD_RE.regex().find_iter(before).last() else {
                continue;
            };
            let between = &before[verb.end()..];
            if table::NOT_RESPONSE_RE.regex().is_match(between) || word_count(between) > 12 {
                continue;
            }
            let in_request_context = *request_context
                .get_or_insert_with(|| table::REQUEST_CONTEXT_RE.regex().is_match(&block.text));
            if !in_request_context && !respond_is_explicit(before) {
                continue;
            }
            if let Some(days) = duration_days(dur.as_str()) {
                return Some(days);
            }
        }
    }
    None
}

/// Can `text` hold a `response_re` match? Every match ends in "day(s)",
/// "week(s)" or "month(s)" in any case, so it holds "day", "eek" or "nth"
/// in one of their case forms (`case_forms`: the regex's case folding,
/// the Kelvin sign for "k" included): one SIMD literal search instead of
/// a regex search of every block.
fn names_a_period(text: &str) -> bool {
    static SEARCHER: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            let forms = ["day", "eek", "nth"].into_iter().flat_map(case_forms);
            aho_corasick::packed::Searcher::new(forms)
        })
        .as_ref()
        // No packed searcher on this machine: search every block, as
        // without the gate.
        .is_none_or(|s| s.find(text).is_some())
}

/// Every spelling of `word` (ASCII lower case) that `(?i)word` matches:
/// each letter in either case, and for "k" and "s" also the Kelvin sign
/// and the long s, which Unicode case folding equates with them.
fn case_forms(word: &str) -> Vec<String> {
    let mut forms = vec![String::new()];
    for c in word.chars() {
        let mut alts = vec![c, c.to_ascii_uppercase()];
        match c {
            'k' => alts.push('\u{212A}'),
            's' => alts.push('\u{17F}'),
            _ => {}
        }
        alts.dedup();
        forms = forms
            .iter()
            .flat_map(|f| alts.iter().map(move |a| format!("{f}{a}")))
            .collect();
    }
    forms
}

fn respond_is_explicit(before: &str) -> bool {
    table::RESPOND_IS_EXPLICIT.regex().is_match(before)
}

/// Days in a response period matched by `response_re`: "30 days", "one
/// month" (30), "thirty (30) days", "two weeks", "10 business days" — read
/// by the shared duration parser once the business/calendar/working
/// qualifier is dropped.
fn duration_days(s: &str) -> Option<u32> {
    let plain: Vec<&str> = s
        .split_whitespace()
        .filter(|w| {
            !["business", "calendar", "working"]
                .iter()
                .any(|q| w.eq_ignore_ascii_case(q))
        })
        .collect();
    parse_duration_phrase(&plain.join(" "))
        // `days` saturates: an absurd amount is no period.
        .filter(|d| (1..u32::MAX).contains(&d.days))
        .filter(|d| matches!(d.unit, Unit::Day | Unit::Week | Unit::Month))
        .map(|d| d.days)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first `expand_braces`: each brace group multiplies the phrases
    /// so far with `format!`, then whitespace is collapsed.
    fn expand_braces_reference(pattern: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut rest = pattern;
        while !rest.is_empty() {
            let open = rest.find('{');
            let close = open.and_then(|o| rest[o..].find('}').map(|c| o + c));
            match (open, close) {
                (Some(o), Some(c)) => {
                    let lit = &rest[..o];
                    for s in &mut out {
                        s.push_str(lit);
                    }
                    let alts: Vec<&str> = rest[o + 1..c].split('|').collect();
                    let mut next = Vec::with_capacity(out.len() * alts.len());
                    'outer: for s in &out {
                        for a in &alts {
                            if next.len() >= MAX_EXPANSIONS {
                                break 'outer;
                            }
                            next.push(format!("{s}{a}"));
                        }
                    }
                    out = next;
                    rest = &rest[c + 1..];
                }
                _ => {
                    for s in &mut out {
                        s.push_str(rest);
                    }
                    rest = "";
                }
            }
        }
        let mut v: Vec<String> = out
            .into_iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The expansion gives what the first one gave, for every phrase of
    /// the lexicons that use it and for odd phrases: stray and unclosed
    /// braces, empty alternatives, whitespace, more than
    /// `MAX_EXPANSIONS` choices (cut at the same place).
    #[test]
    fn braces_expand_as_the_first_expansion_did() {
        let mut phrases: Vec<String> = Vec::new();
        for tsv in [TSV, include_str!("../../rules/lexicons/claims.tsv")] {
            for (_, mut cols) in tsv_rows(tsv) {
                if let Some(p) = cols.nth(2) {
                    phrases.push(p.trim().to_string());
                }
            }
        }
        assert!(phrases.len() > 50, "{}", phrases.len());
        let odd = [
            "",
            " ",
            "{}",
            "{|}",
            "{ | }",
            "a}b{c|d}",
            "a {b",
            "a {b|c} {d",
            "{a|b}}{c}",
            "x{ a | b }y",
            "{a  b|c\td}  {e|}",
            "{z|y|x}{c|b|a}",
            "{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}",
            "{a|b|c|d|e|f|g|h}{1|2|3|4|5|6|7|8}{q|r|s|t|u|v|w|x}{k|l|m|n|o|p|i|j} {x|y}",
        ];
        phrases.extend(odd.iter().map(|p| p.to_string()));
        for p in &phrases {
            assert_eq!(expand_braces(p), expand_braces_reference(p), "{p:?}");
        }
    }

    #[test]
    fn braces_expand() {
        assert_eq!(
            expand_braces("{the |}sale{s|}"),
            vec!["sale", "sales", "the sale", "the sales"]
        );
        assert_eq!(expand_braces("a {b"), vec!["a {b"]);
        assert_eq!(expand_braces("{x|}"), vec!["x"]);
        assert!(
            expand_braces("{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}{a|b}")
                .len()
                <= MAX_EXPANSIONS
        );
    }

    #[test]
    fn lexicon_uses_the_vocabulary_only() {
        let mut kinds = 0;
        for (line, cols) in tsv_rows(TSV) {
            let cols: Vec<&str> = cols.collect();
            assert_eq!(cols.len(), 3, "three columns: {line:?}");
            assert!(RIGHTS.contains(&cols[0]), "unknown right in {line:?}");
            assert!(
                ["phrase", "word", "named", "noun"].contains(&cols[1]),
                "unknown kind in {line:?}"
            );
            kinds += 1;
        }
        assert_eq!(lexicon().entries.len(), kinds);
        // Every right of the vocabulary has at least one phrase.
        for r in RIGHTS {
            assert!(lexicon().entries.iter().any(|e| e.right == r), "{r}");
        }
    }

    /// The gate of `response_days` lets through every text the response
    /// pattern matches, whatever the case of the unit.
    #[test]
    fn period_gate_keeps_every_response_match() {
        for t in [
            "We respond within 30 days.",
            "within one MONTH",
            "in two Weeks",
            "up to 45 business dAyS",
            "within 2 wee\u{212A}s",
        ] {
            assert!(table::RESPONSE_RE.regex().is_match(t), "{t:?}");
            assert!(names_a_period(t), "{t:?}");
        }
        assert!(!names_a_period("We keep your data for as long as needed."));
        assert_eq!(case_forms("ok").len(), 6);
    }

    #[test]
    fn durations() {
        assert_eq!(duration_days("30 days"), Some(30));
        assert_eq!(duration_days("one month"), Some(30));
        assert_eq!(duration_days("45 days"), Some(45));
        assert_eq!(duration_days("thirty (30) days"), Some(30));
        assert_eq!(duration_days("two weeks"), Some(14));
        assert_eq!(duration_days("forty-five days"), Some(45));
        assert_eq!(duration_days("10 business days"), Some(10));
        assert_eq!(duration_days("some days"), None);
        assert_eq!(duration_days("4294967295 months"), None);
    }
}
