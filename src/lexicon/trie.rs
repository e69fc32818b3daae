//! The automaton a [`super::NameMatcher`] searches with first: an
//! Aho-Corasick automaton (trie plus failure links) built in one pass over
//! its patterns sorted, in less than half the instructions of the
//! `aho-corasick` crate's non-contiguous NFA, whose building was the bulk
//! of a pre-commit run's lexicon work. It reports what that NFA reports with
//! `MatchKind::Standard` and an overlapping search: every occurrence of
//! every pattern, in order of their ends, and at one end the patterns of
//! the longest form first, those of one form in the order they were given.
//!
//! Layout: each state's transitions are a slice of `bytes`/`next`, sorted
//! by byte (states with many transitions also get a row of 256 entries);
//! `fail` is the failure link; a state's own patterns are a slice of
//! `matches`, and `out` links it to the nearest state on its failure chain
//! that has patterns of its own (so a match state's patterns are its own,
//! then those along `out`).

/// No state (`out` of a state whose failure chain has no patterns).
const NONE: u32 = u32::MAX;
/// The start state.
const ROOT: u32 = 0;
/// States with at least this many transitions get a full row.
const DENSE_AT: usize = 8;

/// A trie built at run time: it owns its arrays. Searches go through its
/// [`View`], which an embedded trie (see [`super::embedded`]) is already.
#[derive(Debug, Clone)]
pub(super) struct Trie {
    trans: Vec<u32>,
    bytes: Vec<u8>,
    next: Vec<u32>,
    row: Vec<u32>,
    dense: Vec<u32>,
    fail: Vec<u32>,
    own: Vec<u32>,
    matches: Vec<u32>,
    out: Vec<u32>,
    reports: Vec<u8>,
}

impl Trie {
    /// The automaton of `patterns` (pattern `i` is reported as `i`). Empty
    /// patterns are never reported.
    pub(super) fn new(patterns: &[&[u8]]) -> Trie {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        let form = |i: u32| patterns.get(i as usize).copied().unwrap_or_default();
        // Stable: the patterns of one form stay in the order given.
        order.sort_by(|&a, &b| form(a).cmp(form(b)));

        // The trie, state by state in the order the sorted patterns reach
        // them: (parent, byte, child) for each transition, (state,
        // pattern) for each pattern's end.
        // Child `k + 1` → (parent, byte), for each `k`.
        let total: usize = patterns.iter().map(|p| p.len()).sum();
        let mut edges: Vec<(u32, u8)> = Vec::with_capacity(total);
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(patterns.len());
        let mut path: Vec<u32> = vec![ROOT];
        let mut prev: &[u8] = &[];
        for &p in &order {
            let pat = form(p);
            if pat.is_empty() {
                continue;
            }
            let common = pat
                .iter()
                .zip(prev)
                .take_while(|(a, b)| a == b)
                .count()
                .min(path.len() - 1);
            path.truncate(common + 1);
            for &b in pat.get(common..).unwrap_or_default() {
                let parent = path.last().copied().unwrap_or(ROOT);
                edges.push((parent, b));
                path.push(edges.len() as u32);
            }
            ends.push((path.last().copied().unwrap_or(ROOT), p));
            prev = pat;
        }
        let states = edges.len() + 1;

        // Transitions grouped by state; a state's children were made in
        // increasing byte order, so each group is sorted.
        let (trans, order) = group_by_key(states, edges.iter().map(|e| e.0));
        let bytes: Vec<u8> = order.iter().map(|&k| edges[k as usize].1).collect();
        let next: Vec<u32> = order.iter().map(|&k| k + 1).collect();
        // Patterns grouped by state, in the order reached (given order
        // within a form).
        let (own, order) = group_by_key(states, ends.iter().map(|e| e.0));
        let matches: Vec<u32> = order.iter().map(|&i| ends[i as usize].1).collect();

        let mut row = vec![NONE; states];
        let mut dense = Vec::new();
        for s in 0..states {
            let (lo, hi) = (trans[s] as usize, trans[s + 1] as usize);
            if s == ROOT as usize || hi - lo >= DENSE_AT {
                row[s] = dense.len() as u32;
                let base = dense.len();
                dense.resize(base + 256, ROOT);
                for k in lo..hi {
                    dense[base + usize::from(bytes[k])] = next[k];
                }
            }
        }
        let mut fail = vec![ROOT; states];
        let mut out = vec![NONE; states];
        let mut reports = vec![0u8; states];
        // The transitions are complete: `step` reads them (through a view
        // without the rest) while the failure links are made.
        let view = View {
            trans: &trans,
            bytes: &bytes,
            next: &next,
            row: &row,
            dense: &dense,
            fail: &[],
            own: &own,
            matches: &matches,
            out: &[],
            reports: &[],
        };

        // Failure links, breadth first: a state's longest proper suffix
        // in the trie.
        let mut queue: Vec<u32> = Vec::with_capacity(states);
        queue.push(ROOT);
        let mut head = 0;
        while let Some(&s) = queue.get(head) {
            head += 1;
            let (lo, hi) = (trans[s as usize] as usize, trans[s as usize + 1] as usize);
            for k in lo..hi {
                let (b, c) = (bytes[k], next[k]);
                let f = if s == ROOT {
                    ROOT
                } else {
                    let mut f = fail[s as usize];
                    loop {
                        if let Some(t) = view.step(f, b) {
                            break t;
                        }
                        if f == ROOT {
                            break ROOT;
                        }
                        f = fail[f as usize];
                    }
                };
                let c = c as usize;
                fail[c] = f;
                let f = f as usize;
                out[c] = if own[f] < own[f + 1] {
                    f as u32
                } else {
                    out[f]
                };
                reports[c] = u8::from(own[c] < own[c + 1] || out[c] != NONE);
                queue.push(c as u32);
            }
        }
        Trie {
            trans,
            bytes,
            next,
            row,
            dense,
            fail,
            own,
            matches,
            out,
            reports,
        }
    }

    /// The trie, borrowed for searching.
    pub(super) fn view(&self) -> View<'_> {
        View {
            trans: &self.trans,
            bytes: &self.bytes,
            next: &self.next,
            row: &self.row,
            dense: &self.dense,
            fail: &self.fail,
            own: &self.own,
            matches: &self.matches,
            out: &self.out,
            reports: &self.reports,
        }
    }
}

/// A trie's arrays, borrowed: what a search walks, whether the trie was
/// built at run time ([`Trie::view`]) or is embedded in the binary.
#[derive(Debug, Clone, Copy)]
pub(super) struct View<'a> {
    /// State `s`'s transitions: `bytes[trans[s]..trans[s + 1]]` (sorted)
    /// and the states they lead to, `next[..]`.
    trans: &'a [u32],
    bytes: &'a [u8],
    next: &'a [u32],
    /// State → offset of its row in `dense`, or `NONE`.
    row: &'a [u32],
    /// Rows of 256 next states (`ROOT` = no transition, as no transition
    /// leads back to the start state).
    dense: &'a [u32],
    fail: &'a [u32],
    /// State `s`'s own patterns: `matches[own[s]..own[s + 1]]`.
    own: &'a [u32],
    matches: &'a [u32],
    out: &'a [u32],
    /// The state has patterns, its own or along `out` (1, else 0).
    reports: &'a [u8],
}

impl<'a> View<'a> {
    /// The arrays, in a fixed order: what build.rs writes and
    /// [`View::from_arrays`] takes back.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn arrays(&self) -> ([&'a [u32]; 8], [&'a [u8]; 2]) {
        (
            [
                self.trans,
                self.next,
                self.row,
                self.dense,
                self.fail,
                self.own,
                self.matches,
                self.out,
            ],
            [self.bytes, self.reports],
        )
    }

    /// The view of arrays as [`View::arrays`] gave them.
    pub(super) fn from_arrays(words: [&'a [u32]; 8], bytes: [&'a [u8]; 2]) -> View<'a> {
        let [trans, next, row, dense, fail, own, matches, out] = words;
        let [bytes, reports] = bytes;
        View {
            trans,
            bytes,
            next,
            row,
            dense,
            fail,
            own,
            matches,
            out,
            reports,
        }
    }

    /// The transition of `s` on `b`, if it has one.
    #[inline(always)]
    fn step(&self, s: u32, b: u8) -> Option<u32> {
        let s = s as usize;
        if let Some(&r) = self.row.get(s)
            && r != NONE
        {
            let t = self.dense.get(r as usize + usize::from(b)).copied()?;
            return (t != ROOT).then_some(t);
        }
        let lo = *self.trans.get(s)? as usize;
        let hi = *self.trans.get(s + 1)? as usize;
        let k = self.bytes.get(lo..hi)?.iter().position(|&x| x == b)?;
        self.next.get(lo + k).copied()
    }

    pub(super) fn start(&self) -> u32 {
        ROOT
    }

    /// The state after `s` reads `b`.
    #[inline(always)]
    pub(super) fn next_state(&self, mut s: u32, b: u8) -> u32 {
        loop {
            if let Some(t) = self.step(s, b) {
                return t;
            }
            if s == ROOT {
                return ROOT;
            }
            s = self.fail.get(s as usize).copied().unwrap_or(ROOT);
        }
    }

    /// Does reaching `s` report patterns?
    #[inline(always)]
    pub(super) fn reports(&self, s: u32) -> bool {
        self.reports.get(s as usize).is_some_and(|&r| r != 0)
    }

    /// The patterns reaching `s` reports, in order (see the module).
    pub(super) fn patterns_at(&self, s: u32, mut each: impl FnMut(u32)) {
        let mut s = s;
        while s != NONE {
            let lo = self.own.get(s as usize).copied().unwrap_or(0) as usize;
            let hi = self.own.get(s as usize + 1).copied().unwrap_or(0) as usize;
            for &p in self.matches.get(lo..hi).unwrap_or_default() {
                each(p);
            }
            s = self.out.get(s as usize).copied().unwrap_or(NONE);
        }
    }
}

/// Counting sort of items by key (`keys` keys, each below `keys`):
/// `offsets[k]..offsets[k + 1]` are key `k`'s slots, and `order[slot]` is
/// the index of the item in that slot, the items of one key in the order
/// given.
fn group_by_key(keys: usize, key: impl Iterator<Item = u32> + Clone) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; keys + 1];
    for k in key.clone() {
        offsets[k as usize + 1] += 1;
    }
    for k in 0..keys {
        offsets[k + 1] += offsets[k];
    }
    let mut fill: Vec<u32> = offsets[..keys].to_vec();
    let mut order = vec![0u32; offsets[keys] as usize];
    for (i, k) in key.enumerate() {
        let at = &mut fill[k as usize];
        order[*at as usize] = i as u32;
        *at += 1;
    }
    (offsets, order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::noncontiguous;
    use aho_corasick::{Anchored, MatchKind};

    /// Every (pattern, end) the crate's NFA reports over `hay`, in its
    /// order.
    fn crate_hits(patterns: &[&[u8]], hay: &[u8]) -> Vec<(u32, usize)> {
        let nfa = noncontiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns)
            .unwrap();
        let mut out = Vec::new();
        let mut s = nfa.start_state(Anchored::No).unwrap();
        for (i, &b) in hay.iter().enumerate() {
            s = nfa.next_state(Anchored::No, s, b);
            if nfa.is_match(s) {
                for k in 0..nfa.match_len(s) {
                    out.push((nfa.match_pattern(s, k).as_u32(), i + 1));
                }
            }
        }
        out
    }

    fn trie_hits(patterns: &[&[u8]], hay: &[u8]) -> Vec<(u32, usize)> {
        let t = Trie::new(patterns);
        let t = t.view();
        let mut out = Vec::new();
        let mut s = t.start();
        for (i, &b) in hay.iter().enumerate() {
            s = t.next_state(s, b);
            if t.reports(s) {
                t.patterns_at(s, |p| out.push((p, i + 1)));
            }
        }
        out
    }

    /// Same hits in the same order as the crate's NFA: patterns inside,
    /// across and at the ends of others, one form given twice, many
    /// transitions from one state (dense rows), bytes of every value.
    #[test]
    fn reports_what_the_crate_nfa_reports() {
        let mut pats: Vec<Vec<u8>> = [
            " he ",
            " she ",
            " his ",
            " hers ",
            "he",
            "she",
            "hers",
            "e",
            " ",
            "  ",
            "s h",
            " ab ",
            " abc ",
            "bc",
            "c",
            " a b c ",
            " she ",
            "she",
            "ab",
            "xyz",
            "yz",
            "z",
            " ip address ",
            " ip ",
            "address ",
            "é",
            " café ",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        for b in b'a'..=b'z' {
            pats.push(vec![b' ', b, b' ']);
            pats.push(vec![b' ', b'q', b, b'x']);
        }
        pats.push(vec![0x80, 0xff, 0]);
        pats.push(vec![0xff]);
        let refs: Vec<&[u8]> = pats.iter().map(Vec::as_slice).collect();
        let mut hays: Vec<Vec<u8>> = [
            "",
            " she sells his hers ushers ",
            " ip address  ip  address  abc ab bc a b c ",
            " q q qax qzx qqx xyz yz z café é ",
            "hehehehe shshe  s h  ",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        hays.push((0u8..=255).chain([0x80, 0xff, 0, 0xff, 0xff]).collect());
        for hay in &hays {
            assert_eq!(trie_hits(&refs, hay), crate_hits(&refs, hay), "{hay:?}");
        }
        assert!(trie_hits(&[], b"abc").is_empty());
    }

    proptest::proptest! {
        /// Any non-empty patterns over a small alphabet (so that they share
        /// prefixes and suffixes and overlap in the haystack), duplicates
        /// included: the same hits, in the same order, as the crate's NFA.
        /// (An empty pattern is never reported; `NameMatcher` drops them.)
        #[test]
        fn random_patterns_report_what_the_crate_nfa_reports(
            pats in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(b"ab \xc3\xa9".to_vec()), 1..6),
                0..40,
            ),
            hay in proptest::collection::vec(proptest::sample::select(b"ab \xc3\xa9x".to_vec()), 0..200),
        ) {
            let refs: Vec<&[u8]> = pats.iter().map(Vec::as_slice).collect();
            proptest::prop_assert_eq!(trie_hits(&refs, &hay), crate_hits(&refs, &hay));
        }
    }
}
