//! Lexicons: data files under `rules/lexicons/`, compiled into the binary with
//! `include_str!`, parsed once per process on first use, and matched with one
//! Aho-Corasick automaton each (never a loop of regexes).

pub mod fideslang;
pub mod recipients;
pub mod vendors;

/// The data rows of a lexicon file: each line that is neither blank nor a
/// `#` comment, with an iterator over its tab-separated columns.
pub fn tsv_rows(tsv: &str) -> impl Iterator<Item = (&str, std::str::Split<'_, char>)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| (l, l.split('\t')))
}

/// Is `c` part of a word for boundary checks (letters, digits, `_`)?
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Does `text[start..end]` stand on word boundaries?
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    // A pattern that itself starts/ends with a non-word character (e.g. "_ga"
    // starts with a word char, "(GA)" does not) needs no boundary on that side.
    let left_ok = match (before, first) {
        (Some(b), Some(f)) if is_word_char(f) => !is_word_char(b),
        _ => true,
    };
    let right_ok = match (after, last) {
        (Some(a), Some(l)) if is_word_char(l) => !is_word_char(a),
        _ => true,
    };
    left_ok && right_ok
}

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A name found in a text by a [`NameMatcher`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// The id the pattern was registered with (e.g. a vendor index).
    pub id: usize,
    pub start: usize,
    pub end: usize,
    /// The pattern is a common word: count it only where context says so.
    pub ambiguous: bool,
}

/// Many names matched at once: one Aho-Corasick automaton, word boundaries
/// checked on each hit, leftmost-longest non-overlapping results.
///
/// Matching ignores ASCII case: the patterns are stored ASCII-lowercased and
/// searched over an ASCII-lowercased copy of the text, which has the same
/// byte offsets. That is what the automaton's own `ascii_case_insensitive`
/// does, but without doubling every letter's transitions, which made
/// building the lexicons a quarter of a pre-commit run.
///
/// The automaton starts as a non-contiguous NFA, the cheapest to build,
/// which is what a pre-commit run over a few documents pays for. Once a
/// matcher has searched [`DFA_AFTER`] bytes it is rebuilt as a DFA, which
/// costs a few times more to build and searches about twice as fast; both
/// report the same matches.
#[derive(Debug)]
pub struct NameMatcher {
    /// (id, ambiguous, case-sensitive form): single capitalised words such
    /// as "Drift" or "Heap" must match as written, so the English words
    /// "drift" and "heap" never do.
    patterns: Vec<(usize, bool, Option<String>)>,
    automaton: Option<AhoCorasick>,
    /// The patterns as given to the automaton, for the DFA.
    texts: Vec<String>,
    dfa: OnceLock<Option<AhoCorasick>>,
    searched: AtomicUsize,
}

/// Bytes a matcher searches before it is rebuilt as a DFA.
const DFA_AFTER: usize = 2 << 20;

fn build_automaton(texts: &[String], kind: Option<AhoCorasickKind>) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .build(texts)
        .ok()
}

impl Clone for NameMatcher {
    fn clone(&self) -> Self {
        NameMatcher {
            patterns: self.patterns.clone(),
            automaton: self.automaton.clone(),
            texts: self.texts.clone(),
            dfa: self.dfa.clone(),
            searched: AtomicUsize::new(self.searched.load(Ordering::Relaxed)),
        }
    }
}

/// The exact form a pattern must have in the text, if case matters for it:
/// a single alphabetic word with an uppercase letter.
fn case_sensitive_form(pattern: &str) -> Option<String> {
    let p = pattern.trim();
    let single_word = p.chars().all(|c| c.is_alphabetic());
    (single_word && p.chars().any(|c| c.is_uppercase())).then(|| p.to_string())
}

impl NameMatcher {
    /// `patterns`: (text, id, ambiguous).
    pub fn new(patterns: Vec<(String, usize, bool)>) -> NameMatcher {
        // The same pattern for the same id twice finds nothing more, but
        // every hit would be reported once per copy: a matcher built from a
        // set's own phrases (thousands of documents repeating "email
        // address") made each search cost grow with the set.
        let mut seen = std::collections::HashSet::new();
        let mut texts: Vec<String> = Vec::with_capacity(patterns.len());
        let mut kept = Vec::with_capacity(patterns.len());
        for (t, id, amb) in patterns {
            let lowered = t.trim().to_ascii_lowercase();
            let exact = case_sensitive_form(&t);
            if lowered.is_empty() || !seen.insert((lowered.clone(), id, amb, exact.clone())) {
                continue;
            }
            texts.push(lowered);
            kept.push((id, amb, exact));
        }
        let automaton = build_automaton(&texts, Some(AhoCorasickKind::NoncontiguousNFA));
        NameMatcher {
            patterns: kept,
            automaton,
            texts,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    /// The automaton to search with: the DFA once enough was searched.
    fn automaton(&self, len: usize) -> Option<&AhoCorasick> {
        let before = self.searched.fetch_add(len, Ordering::Relaxed);
        if before < DFA_AFTER {
            return self.automaton.as_ref();
        }
        self.dfa
            .get_or_init(|| build_automaton(&self.texts, Some(AhoCorasickKind::DFA)))
            .as_ref()
            .or(self.automaton.as_ref())
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        let Some(ac) = self.automaton(text.len()) else {
            return Vec::new();
        };
        let lowered;
        let hay = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered = text.to_ascii_lowercase();
            lowered.as_str()
        } else {
            text
        };
        let mut all: Vec<NameMatch> = ac
            .find_overlapping_iter(hay)
            .filter(|m| {
                text.is_char_boundary(m.start())
                    && text.is_char_boundary(m.end())
                    && on_word_boundaries(text, m.start(), m.end())
            })
            .filter_map(|m| {
                let (id, ambiguous, exact) = self.patterns.get(m.pattern().as_usize())?;
                if exact
                    .as_deref()
                    .is_some_and(|e| &text[m.start()..m.end()] != e)
                {
                    return None;
                }
                let (id, ambiguous) = (*id, *ambiguous);
                Some(NameMatch {
                    id,
                    start: m.start(),
                    end: m.end(),
                    ambiguous,
                })
            })
            .collect();
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<NameMatch> = Vec::new();
        for m in all {
            if out.last().is_some_and(|last| m.start < last.end) {
                continue;
            }
            out.push(m);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The DFA a busy matcher switches to finds exactly what the first
    /// automaton finds.
    #[test]
    fn dfa_finds_the_same_names() {
        let names = [
            "Google Analytics",
            "Google",
            "Heap",
            "Box",
            "IP address",
            "ip",
            "_ga",
        ];
        let pats: Vec<(String, usize, bool)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i, i == 3))
            .collect();
        let m = NameMatcher::new(pats);
        let text = "We use Google Analytics (google analytics, _ga) and a heap of Heap; \
                    your IP address and ip, a Box, ship, GOOGLE.";
        let before = m.find(text);
        assert!(before.len() >= 6, "{before:?}");
        m.searched.store(DFA_AFTER, Ordering::Relaxed);
        let after = m.find(text);
        assert!(m.dfa.get().is_some_and(|d| d.is_some()), "no DFA was built");
        assert_eq!(before, after);
    }

    /// Repeated patterns are kept once: same matches, one automaton entry.
    #[test]
    fn repeated_patterns_are_kept_once() {
        let once = NameMatcher::new(vec![("email address".into(), 0, false)]);
        let many = NameMatcher::new(
            (0..1000)
                .map(|_| ("Email address".to_string(), 0, false))
                .chain([("email address".to_string(), 1, false)])
                .collect(),
        );
        assert_eq!(many.patterns.len(), 2);
        let text = "your email address and EMAIL ADDRESS";
        assert_eq!(once.find(text).len(), 2);
        assert_eq!(
            many.find(text)
                .iter()
                .map(|m| (m.start, m.end))
                .collect::<Vec<_>>(),
            once.find(text)
                .iter()
                .map(|m| (m.start, m.end))
                .collect::<Vec<_>>()
        );
    }
}
