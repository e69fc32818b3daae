//! Lexicons: data files under `rules/lexicons/`, compiled into the binary with
//! `include_str!`, parsed once per process on first use, and matched with one
//! Aho-Corasick automaton each (never a loop of regexes).

mod embedded;
pub mod fideslang;
pub mod recipients;
mod trie;
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

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};

use rustc_hash::FxHashSet;

use trie::Trie;

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

/// Many names matched at once: one Aho-Corasick automaton, leftmost-longest
/// non-overlapping results on word boundaries.
///
/// One automaton can hold several lexicons ([`NameMatcher::grouped`]): a
/// walk over a text finds every lexicon's names, and each lexicon's matches
/// are exactly what a matcher of its own would find (leftmost-longest is
/// decided within a lexicon, never between two).
///
/// Matching ignores ASCII case, and the automaton itself only reports hits
/// on word boundaries: it reads a *boundary-normalised* form of the text,
/// made on the fly by [`scan`]: ASCII letters lowercased, every byte of a
/// non-word character (punctuation, whitespace, `’`, `—`) turned into a
/// space, word characters (letters of any script, digits, `_`) kept, and a
/// space added at each end. Its patterns are normalised the same way and,
/// where they start (end) with a word character, get a leading (trailing)
/// space: " ip " can only match where "ip" stands on word boundaries, so
/// the short names inside other words ("ship", "rent" in "parent") are
/// never reported and never filtered one by one. A hit is then checked
/// against the text itself (its bytes, ASCII case ignored, equal the
/// pattern's), since the normalised form no longer tells "ip address" from
/// "ip-address" or "(GA)" from " GA ". That check also puts the match on
/// char boundaries. So a match is exactly what the plain search of the
/// ASCII-lowercased text followed by a word-boundary check of each hit
/// would keep (the tests compare the two).
///
/// Patterns are ASCII-lowercased rather than searched with the automaton's
/// own `ascii_case_insensitive`, which doubles every letter's transitions
/// and made building the lexicons a quarter of a pre-commit run.
///
/// The automaton starts as a [`Trie`] built in one pass over the sorted
/// patterns, the cheapest to build (21.6 M instructions for the extraction
/// and recipient lexicons, where the `aho-corasick` crate's non-contiguous
/// NFA took 48.7 M), which is what a pre-commit run over a few documents
/// pays for. Once a matcher has searched [`COMPACT_AFTER`] bytes it is
/// rebuilt as the crate's contiguous NFA, which takes more work to build
/// and searches faster; both report the same matches. (The trie searches
/// a little slower than the crate's non-contiguous NFA did: `extract` of
/// 744 KB, 42 instructions a byte against 33. A DFA of the four
/// extraction lexicons takes 11 MB; it runs half the instructions per
/// byte of the contiguous NFA's 0.6 MB, but over many documents its cache
/// misses made it slower: `extract_profile`'s lexicon line 6.2–8.4 ms
/// against 5.8–6.8 ms per pass, and `extract` over 10 MB 0.52–0.59 s and
/// 65 MB against 0.51 s and 55 MB. Only one document searched over and
/// over, where the DFA's states stay cached, is faster with the DFA.)
#[derive(Debug)]
pub struct NameMatcher {
    patterns: Vec<Pattern>,
    /// How many lexicons (groups of patterns) the automaton holds.
    groups: usize,
    /// The patterns' normalised, padded forms, one after another, and
    /// where each is (by pattern).
    forms: Vec<u8>,
    ranges: Vec<std::ops::Range<usize>>,
    /// The first automaton over the forms.
    trie: First,
    compact: OnceLock<Option<contiguous::NFA>>,
    /// A thread is building `compact` (the others search with the trie
    /// meanwhile rather than wait for it).
    building: AtomicBool,
    searched: AtomicUsize,
}

/// A matcher's first automaton: embedded in the binary for the lexicons
/// every run searches ([`embedded`]), built otherwise.
#[derive(Debug, Clone)]
enum First {
    Built(Trie),
    Embedded(trie::View<'static>),
}

impl First {
    fn view(&self) -> trie::View<'_> {
        match self {
            First::Built(t) => t.view(),
            First::Embedded(v) => *v,
        }
    }
}

impl Clone for NameMatcher {
    fn clone(&self) -> Self {
        NameMatcher {
            patterns: self.patterns.clone(),
            groups: self.groups,
            forms: self.forms.clone(),
            ranges: self.ranges.clone(),
            trie: self.trie.clone(),
            compact: self.compact.clone(),
            building: AtomicBool::new(false),
            searched: AtomicUsize::new(self.searched.load(Ordering::Relaxed)),
        }
    }
}

/// One pattern of a [`NameMatcher`].
#[derive(Debug, Clone)]
struct Pattern {
    /// The lexicon the pattern belongs to.
    group: usize,
    id: usize,
    ambiguous: bool,
    /// The case-sensitive form: single capitalised words such as "Drift"
    /// or "Heap" must match as written, so the English words "drift" and
    /// "heap" never do.
    exact: Option<String>,
    /// The pattern, trimmed and ASCII-lowercased: what a hit must read in
    /// the text, ASCII case ignored.
    lowered: String,
    /// Bytes of padding the automaton's form has after the pattern (0 or
    /// 1), to find where a hit ends in the text.
    trail: usize,
}

/// What makes two patterns of a matcher the same: group, lowered text,
/// id, ambiguity and case-sensitive form.
type PatternKey<'a> = (usize, &'a str, usize, bool, Option<&'a str>);

/// Bytes a matcher searches before it is rebuilt as a contiguous NFA.
const COMPACT_AFTER: usize = 2 << 20;

/// The exact form a pattern must have in the text, if case matters for it:
/// a single alphabetic word with an uppercase letter.
fn case_sensitive_form(pattern: &str) -> Option<String> {
    let p = pattern.trim();
    let single_word = p.chars().all(|c| c.is_alphabetic());
    (single_word && p.chars().any(|c| c.is_uppercase())).then(|| p.to_string())
}

/// A byte as the normalised text has it, when it is ASCII: word characters
/// (ASCII letters lowercased, digits, `_`) kept, everything else a space.
/// Bytes of non-ASCII characters are kept here and decided per character
/// by [`scan`] and [`normalise_into`].
#[inline(always)]
const fn normal_byte(b: u8) -> u8 {
    let lower = b | 0x20;
    let letter = lower.wrapping_sub(b'a') < 26;
    let keep = letter || b.wrapping_sub(b'0') < 10 || b == b'_' || b >= 0x80;
    let kept = if letter { lower } else { b };
    if keep { kept } else { b' ' }
}

/// [`normal_byte`] of each ASCII byte.
const NORMAL_ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = normal_byte(b as u8);
        b += 1;
    }
    t
};

/// Append `text` boundary-normalised to `out` (see [`NameMatcher`]; what
/// [`scan`] feeds the automaton, written out for a pattern): same byte
/// length, ASCII letters lowercased, each byte of a non-word character
/// a space, other bytes unchanged. A space in the result is therefore
/// exactly a byte of a non-word character.
fn normalise_into(text: &str, out: &mut Vec<u8>) {
    if text.is_ascii() {
        out.extend(text.bytes().map(normal_byte));
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(normal_byte(c as u8));
        } else if is_word_char(c) {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            out.extend(std::iter::repeat_n(b' ', c.len_utf8()));
        }
    }
}

impl NameMatcher {
    /// `patterns`: (text, id, ambiguous).
    pub fn new(patterns: Vec<(String, usize, bool)>) -> NameMatcher {
        NameMatcher::grouped(&[&patterns])
    }

    /// One automaton over several lexicons: `groups[g]` is lexicon `g`'s
    /// patterns, (text, id, ambiguous); [`NameMatcher::find_groups`] gives
    /// each lexicon's matches apart.
    pub fn grouped<S: AsRef<str>>(groups: &[&[(S, usize, bool)]]) -> NameMatcher {
        let total: usize = groups.iter().map(|g| g.len()).sum();
        let mut candidates: Vec<Pattern> = Vec::with_capacity(total);
        for (group, patterns) in groups.iter().enumerate() {
            for (t, id, ambiguous) in patterns.iter() {
                let t = t.as_ref();
                let lowered = t.trim().to_ascii_lowercase();
                if lowered.is_empty() {
                    continue;
                }
                // A word character at the end needs a boundary there: a
                // space after it in the automaton's form.
                let trail = usize::from(lowered.chars().next_back().is_some_and(is_word_char));
                candidates.push(Pattern {
                    group,
                    id: *id,
                    ambiguous: *ambiguous,
                    exact: case_sensitive_form(t),
                    lowered,
                    trail,
                });
            }
        }
        // The same pattern for the same id twice finds nothing more, but
        // every hit would be reported once per copy: a matcher built from a
        // set's own phrases (thousands of documents repeating "email
        // address") made each search cost grow with the set. The first of
        // each is kept.
        let first: Vec<bool> = {
            // rustc's Fx hash: much cheaper than the default SipHash on
            // these many short keys, which are lexicon patterns and names
            // of the run's own files, not keys chosen to collide.
            let mut seen: FxHashSet<PatternKey<'_>> =
                FxHashSet::with_capacity_and_hasher(candidates.len(), Default::default());
            candidates
                .iter()
                .map(|p| {
                    seen.insert((
                        p.group,
                        p.lowered.as_str(),
                        p.id,
                        p.ambiguous,
                        p.exact.as_deref(),
                    ))
                })
                .collect()
        };
        // The automaton's forms of the patterns, one after another.
        let mut forms: Vec<u8> = Vec::new();
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(candidates.len());
        let mut kept = Vec::with_capacity(candidates.len());
        for (p, first) in candidates.into_iter().zip(first) {
            if !first {
                continue;
            }
            // A word character at an end needs a boundary there: a
            // space before (after) it in the automaton's form.
            let lead = usize::from(p.lowered.chars().next().is_some_and(is_word_char));
            let start = forms.len();
            forms.extend(std::iter::repeat_n(b' ', lead));
            normalise_into(&p.lowered, &mut forms);
            forms.extend(std::iter::repeat_n(b' ', p.trail));
            ranges.push(start..forms.len());
            kept.push(p);
        }
        let trie = match embedded::trie_for(&forms, &ranges) {
            Some(view) => First::Embedded(view),
            None => First::Built(Trie::new(
                &ranges
                    .iter()
                    .map(|r| forms.get(r.clone()).unwrap_or_default())
                    .collect::<Vec<&[u8]>>(),
            )),
        };
        NameMatcher {
            patterns: kept,
            groups: groups.len(),
            forms,
            ranges,
            trie,
            compact: OnceLock::new(),
            building: AtomicBool::new(false),
            searched: AtomicUsize::new(0),
        }
    }

    /// The automaton forms of the patterns kept, concatenated, and where
    /// each is (the key of an embedded trie).
    #[cfg(test)]
    pub(crate) fn forms_and_ranges(&self) -> (&[u8], &[std::ops::Range<usize>]) {
        (&self.forms, &self.ranges)
    }

    /// The matcher searches with an embedded trie.
    #[cfg(test)]
    pub(crate) fn embedded(&self) -> bool {
        matches!(self.trie, First::Embedded(_))
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Search the next text with the contiguous NFA, as a busy matcher
    /// does, or with the first automaton (tests compare the two).
    #[cfg(test)]
    pub(crate) fn search_compact(&self, compact: bool) {
        self.searched
            .store(if compact { COMPACT_AFTER } else { 0 }, Ordering::Relaxed);
    }

    /// The matches of the first (or only) lexicon in `text`.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        self.find_group(text, 0)
    }

    /// The matches of lexicon `group` in `text`, leftmost-longest and
    /// non-overlapping, in text order.
    pub fn find_group(&self, text: &str, group: usize) -> Vec<NameMatch> {
        let mut out = Vec::new();
        for (pid, end) in self.hits(text) {
            if let Some(m) = self
                .patterns
                .get(pid)
                .filter(|p| p.group == group)
                .and_then(|p| p.confirm(text, end))
            {
                out.push(m);
            }
        }
        longest_first(&mut out);
        out
    }

    /// The matches of every lexicon in `text`, one list per lexicon (in the
    /// order [`NameMatcher::grouped`] was given them), each as
    /// [`NameMatcher::find_group`] gives it.
    pub fn find_groups(&self, text: &str) -> Vec<Vec<NameMatch>> {
        let mut out: Vec<Vec<NameMatch>> = vec![Vec::new(); self.groups];
        for (pid, end) in self.hits(text) {
            if let Some(p) = self.patterns.get(pid)
                && let Some(m) = p.confirm(text, end)
                && let Some(list) = out.get_mut(p.group)
            {
                list.push(m);
            }
        }
        for list in &mut out {
            longest_first(list);
        }
        out
    }

    /// Every hit of the automaton in `text`, overlapping ones included:
    /// (pattern, end in the normalised text), in order of their ends.
    fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        let mut hits: Vec<(usize, usize)> = Vec::new();
        if self.patterns.is_empty() {
            return hits;
        }
        // The first bytes are searched with the trie, which is cheap to
        // build; a busy matcher switches to the contiguous NFA, built by
        // the first thread to get there while the others go on with the
        // trie.
        let before = self.searched.fetch_add(text.len(), Ordering::Relaxed);
        let compact = (before >= COMPACT_AFTER
            && (self.compact.get().is_some() || !self.building.swap(true, Ordering::AcqRel)))
        .then(|| {
            self.compact
                .get_or_init(|| {
                    // Every pattern starts with a space or a non-word
                    // character, which is a space here too: a
                    // prefilter would stop at each one.
                    contiguous::Builder::new()
                        .match_kind(MatchKind::Standard)
                        .prefilter(false)
                        .build(
                            self.ranges
                                .iter()
                                .map(|r| self.forms.get(r.clone()).unwrap_or_default()),
                        )
                        .ok()
                })
                .as_ref()
        })
        .flatten();
        match compact {
            Some(compact) => scan(&Crate(compact), text, &mut hits),
            None => scan(&self.trie.view(), text, &mut hits),
        }
        hits
    }
}

impl Pattern {
    /// The match in `text` that a hit of this pattern ending at `end` of
    /// the normalised text stands for, if the text really reads the
    /// pattern there.
    fn confirm(&self, text: &str, end: usize) -> Option<NameMatch> {
        // The normalised text has one byte more before the text.
        let end = end.checked_sub(self.trail + 1)?;
        let start = end.checked_sub(self.lowered.len())?;
        let found = text.as_bytes().get(start..end)?;
        if !found.eq_ignore_ascii_case(self.lowered.as_bytes()) {
            return None;
        }
        if let Some(e) = &self.exact
            && found != e.as_bytes()
        {
            return None;
        }
        Some(NameMatch {
            id: self.id,
            start,
            end,
            ambiguous: self.ambiguous,
        })
    }
}

/// Keep the leftmost-longest of `matches` (found in order of their ends):
/// sorted by start, the longest first, then those overlapping a kept one
/// dropped. The sort is stable: of two patterns read at the same place,
/// the one the automaton reports first (added first) is kept, as the
/// automaton of one lexicon would.
fn longest_first(matches: &mut Vec<NameMatch>) {
    matches.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut end = 0;
    matches.retain(|m| {
        let keep = m.start >= end;
        if keep {
            end = m.end;
        }
        keep
    });
}

/// An automaton [`scan`] walks: the [`Trie`] or the crate's contiguous NFA.
trait Walk {
    type State: Copy;
    fn begin(&self) -> Option<Self::State>;
    fn next(&self, s: Self::State, b: u8) -> Self::State;
    /// Reaching `s` may stop the search or report patterns.
    fn special(&self, s: Self::State) -> bool;
    /// No match can follow `s`.
    fn dead(&self, s: Self::State) -> bool;
    /// Add the patterns reaching `s` reports, ending at `end`.
    fn record(&self, s: Self::State, end: usize, hits: &mut Vec<(usize, usize)>);
}

impl Walk for trie::View<'_> {
    type State = u32;

    #[inline(always)]
    fn begin(&self) -> Option<u32> {
        Some(self.start())
    }

    #[inline(always)]
    fn next(&self, s: u32, b: u8) -> u32 {
        self.next_state(s, b)
    }

    #[inline(always)]
    fn special(&self, s: u32) -> bool {
        self.reports(s)
    }

    #[inline(always)]
    fn dead(&self, _: u32) -> bool {
        false
    }

    #[cold]
    #[inline(never)]
    fn record(&self, s: u32, end: usize, hits: &mut Vec<(usize, usize)>) {
        self.patterns_at(s, |p| hits.push((p as usize, end)));
    }
}

/// The crate's automaton, walked as [`Walk`] says.
struct Crate<'a, A>(&'a A);

impl<A: Automaton> Walk for Crate<'_, A> {
    type State = StateID;

    #[inline(always)]
    fn begin(&self) -> Option<StateID> {
        self.0.start_state(Anchored::No).ok()
    }

    #[inline(always)]
    fn next(&self, s: StateID, b: u8) -> StateID {
        self.0.next_state(Anchored::No, s, b)
    }

    #[inline(always)]
    fn special(&self, s: StateID) -> bool {
        self.0.is_special(s)
    }

    #[inline(always)]
    fn dead(&self, s: StateID) -> bool {
        self.0.is_dead(s)
    }

    #[cold]
    #[inline(never)]
    fn record(&self, s: StateID, end: usize, hits: &mut Vec<(usize, usize)>) {
        if !self.0.is_match(s) {
            return;
        }
        for k in 0..self.0.match_len(s) {
            hits.push((self.0.match_pattern(s, k).as_usize(), end));
        }
    }
}

/// Report every match of `aut` in the boundary-normalised form of `text`
/// with a space before and after it (see [`NameMatcher`]), overlapping
/// ones included, in order of their ends: (pattern, end in that form). The
/// form is made on the fly, byte by byte, rather than written out first;
/// this is the loop of the crate's overlapping search without its
/// per-match bookkeeping.
#[inline(never)]
fn scan<W: Walk>(aut: &W, text: &str, hits: &mut Vec<(usize, usize)>) {
    let Some(mut sid) = aut.begin() else {
        return;
    };
    // Feed one byte of the normalised form, which ends at `end` there.
    macro_rules! feed {
        ($byte:expr, $end:expr) => {
            sid = aut.next(sid, $byte);
            if aut.special(sid) {
                if aut.dead(sid) {
                    return;
                }
                aut.record(sid, $end, hits);
            }
        };
    }
    feed!(b' ', 1);
    let bytes = text.as_bytes();
    // Byte `i` of the text is byte `i + 1` of the normalised form.
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            feed!(NORMAL_ASCII[usize::from(b)], i + 2);
            i += 1;
            continue;
        }
        // A non-ASCII character (`i` only ever moves by whole characters):
        // its bytes if it is a word character, spaces otherwise.
        let c = text.get(i..).and_then(|r| r.chars().next());
        let n = c.map_or(1, char::len_utf8);
        let word = c.is_some_and(is_word_char);
        for (k, &b) in bytes.iter().enumerate().skip(i).take(n) {
            feed!(if word { b } else { b' ' }, k + 2);
        }
        i += n;
    }
    feed!(b' ', bytes.len() + 2);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contiguous NFA a busy matcher switches to finds exactly what the
    /// first automaton finds.
    #[test]
    fn compact_automaton_finds_the_same_names() {
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
        m.searched.store(COMPACT_AFTER, Ordering::Relaxed);
        let after = m.find(text);
        assert!(
            m.compact.get().is_some_and(|d| d.is_some()),
            "no contiguous NFA was built"
        );
        assert_eq!(before, after);
    }

    /// Does `text[start..end]` stand on word boundaries?
    fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
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

    /// What the matcher did before it searched a normalised text: every
    /// hit of the plain automaton over the ASCII-lowercased text, kept on
    /// word boundaries, then leftmost-longest.
    fn reference(pats: &[(String, usize, bool)], text: &str) -> Vec<(usize, usize, usize)> {
        let lowered: Vec<String> = pats
            .iter()
            .map(|p| p.0.trim().to_ascii_lowercase())
            .collect();
        let ac = aho_corasick::AhoCorasick::new(&lowered).unwrap();
        let hay = text.to_ascii_lowercase();
        let mut all: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(&hay)
            .filter(|m| {
                text.is_char_boundary(m.start())
                    && text.is_char_boundary(m.end())
                    && on_word_boundaries(text, m.start(), m.end())
            })
            .filter(|m| {
                case_sensitive_form(&pats[m.pattern().as_usize()].0)
                    .is_none_or(|e| text[m.start()..m.end()] == e)
            })
            .map(|m| (pats[m.pattern().as_usize()].1, m.start(), m.end()))
            .collect();
        all.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for m in all {
            if out.last().is_some_and(|l| m.1 < l.2) {
                continue;
            }
            out.push(m);
        }
        out
    }

    /// The normalised search finds what the plain search and a boundary
    /// check on each hit find: names next to punctuation and non-ASCII
    /// letters and marks, names with punctuation of their own, names at
    /// the ends of the text, case-sensitive names, one name inside another.
    #[test]
    fn normalised_search_finds_what_boundary_checks_keep() {
        let names = [
            "ip",
            "IP address",
            "address",
            "box",
            "Heap",
            "_ga",
            "(GA)",
            "GA",
            "e-mail",
            "email",
            "Google, Inc.",
            "Google",
            "google analytics",
            "’s",
            "café",
            "naïve user",
            "x",
            "rent",
            "a.b",
            "—",
            "données",
            "Société Générale",
            "ga)",
            // A suffix of another name, and names read at the same place
            // as another (the first added wins).
            "analytics",
            "Box",
            "ip address",
        ];
        let pats: Vec<(String, usize, bool)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i, false))
            .collect();
        let m = NameMatcher::new(pats.clone());
        let texts = [
            "ip",
            "IP address, ip-address, ip  address, IP\taddress; ship’s box.",
            "_ga and (GA) and (ga)x and x(GA) GA_ ga) _GA_ __ga",
            "e-mail email e–mail E-MAIL emails",
            "Google, Inc. google, inc google,inc. Google Analytics!",
            "it’s Alice’s café, cafés, écafé, café’s, naïve user, naïveuser",
            "x x-x xx 1x x1 x_ é x ü",
            "parent rent rent’ rentë orrent",
            "a.b a.bc ca.b a. b — —— données Société Générale société générale",
            "Heap heap HEAP Heaps a heap of Heap.",
            "Google Analytics, google analytics; Google—Analytics; analytics Box box BOX.",
            "",
            "’",
            "x",
        ];
        // With the first NFA, then with the contiguous one.
        for _ in 0..2 {
            for t in texts {
                let got: Vec<(usize, usize, usize)> =
                    m.find(t).iter().map(|n| (n.id, n.start, n.end)).collect();
                assert_eq!(got, reference(&pats, t), "{t:?}");
            }
            m.searched.store(COMPACT_AFTER, Ordering::Relaxed);
        }
        assert!(
            m.compact.get().is_some_and(|d| d.is_some()),
            "no contiguous NFA was built"
        );
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
