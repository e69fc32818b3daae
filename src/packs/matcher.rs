//! A pack's patterns, compiled once into multi-pattern automata.
//!
//! Nearly every pack pattern starts with `\b` (or `^`), so a match can only
//! start at a word boundary. Those patterns go into one multi-pattern regex
//! (regex-automata's meta engine — what `regex::RegexSet` wraps) that is
//! searched *anchored* at each word boundary: its lazy DFA then only builds
//! the trie-like states of the patterns' prefixes, instead of the product
//! of every pattern's progress that an unanchored search creates. On the
//! three seeds with gdpr + eprivacy + hygiene that is 6 ms instead of 21 ms
//! (compile + first search). The few patterns that can start anywhere go
//! into a second, unanchored set. Both answer the same question as a
//! `RegexSet`: which patterns match somewhere in the text.
//!
//! Case-insensitive patterns (a leading `(?i)`) are compiled case-sensitive
//! with their letters lowered and run over the ASCII-lowercased text: the
//! same matches, without the case-folded classes that made parsing and the
//! automata twice as big.
//!
//! The built-in packs' automata are dense DFAs that `build.rs` compiled
//! from the same plan ([`super::plan`]) over the patterns of
//! `src/packs/parsed/{pack}.json` (each pack's parsed form, see
//! `super::embedded`), in order: a pack whose patterns are exactly those
//! (compared string by string in [`Matcher::embedded`]) reads its DFAs in
//! place from the binary instead of parsing 100-odd patterns and building
//! lazy DFA states at run time, which was a quarter of a pre-commit run's
//! instructions. An out-of-date parsed form costs that speed, never a
//! different answer; the test `parsed_files_are_current` fails until they
//! are regenerated: `CANDOR_BLESS=1 cargo test parsed_files_are_current`.

use std::cell::RefCell;

use regex_automata::dfa::{Automaton as _, dense};
use regex_automata::hybrid::dfa as lazy;
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::start;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};
use regex_syntax::hir::Hir;

use super::DFA_CACHE;
use super::plan::{self, ByteSet, Planned, syntax_config};

/// A group's automaton.
#[derive(Debug)]
enum Automaton {
    /// Built at run time; the patterns are kept for the fallback.
    Lazy { re: lazy::DFA, hirs: Vec<Hir> },
    /// Built by build.rs for a built-in pack, whose patterns (all of
    /// them, indexed by the group's `ids`) the fallback parses again. It is
    /// never needed: build.rs embeds no pack with a Unicode `\b`, so these
    /// DFAs have no quit bytes.
    Dense {
        re: dense::DFA<&'static [u32]>,
        patterns: &'static [&'static str],
    },
}

/// One automaton over some of a pack's patterns.
#[derive(Debug)]
struct Group {
    re: Automaton,
    /// A PikeVM-backed regex for inputs the lazy DFA gives up on (a
    /// Unicode `\b` in a pack file meeting non-ASCII text), built on demand.
    fallback: std::sync::OnceLock<Option<meta::Regex>>,
    /// Pattern index in `re` → atom.
    ids: Vec<usize>,
    /// Searched anchored at each word boundary (else unanchored, once).
    anchored: bool,
    /// Run over the ASCII-lowercased text.
    lower: bool,
    /// Anchored groups: bytes a match can start with (see [`Planned`]).
    first: Option<ByteSet>,
    /// Unanchored groups: bytes of which every match contains one (see
    /// [`Planned`]).
    needs: Option<Vec<u8>>,
}

/// The compiled patterns of a pack.
#[derive(Debug)]
pub(crate) struct Matcher {
    atoms: usize,
    groups: Vec<Group>,
}

impl Group {
    fn fallback(&self) -> Option<&meta::Regex> {
        self.fallback
            .get_or_init(|| {
                let parsed;
                let hirs: &[Hir] = match &self.re {
                    Automaton::Lazy { hirs, .. } => hirs,
                    Automaton::Dense { patterns, .. } => {
                        parsed = self
                            .ids
                            .iter()
                            .map(|&i| plan::parse(patterns.get(i)?).ok().map(|(h, _)| h))
                            .collect::<Option<Vec<_>>>()?;
                        &parsed
                    }
                };
                meta::Builder::new()
                    .configure(
                        meta::Config::new()
                            .match_kind(MatchKind::All)
                            .which_captures(WhichCaptures::None)
                            .utf8_empty(false)
                            .hybrid(false)
                            .dfa(false),
                    )
                    .syntax(syntax_config())
                    .build_many_from_hir(hirs)
                    .ok()
            })
            .as_ref()
    }

    fn pattern_len(&self) -> usize {
        match &self.re {
            Automaton::Lazy { re, .. } => re.pattern_len(),
            Automaton::Dense { re, .. } => re.pattern_len(),
        }
    }
}

/// Per-search scratch space, reused from call to call: one lazy DFA cache
/// (for a group built at run time) and one pattern set per group, and the
/// lowercased text.
pub(crate) struct Caches {
    dfa: Vec<Option<lazy::Cache>>,
    sets: Vec<PatternSet>,
    lowered: Vec<u8>,
    bounds: Vec<usize>,
}

/// A built-in pack's automata as build.rs wrote them: its patterns in
/// order (the key), and its groups.
struct EmbeddedPack {
    patterns: &'static [&'static str],
    groups: &'static [EmbeddedGroup],
}

/// One group of an [`EmbeddedPack`]: a [`Planned`] group with its dense DFA
/// (a byte range of the pattern table's blob) in place of its patterns.
struct EmbeddedGroup {
    dfa: (usize, usize),
    ids: &'static [usize],
    anchored: bool,
    lower: bool,
    first: Option<ByteSet>,
    needs: Option<&'static [u8]>,
}

// `const EMBEDDED: &[EmbeddedPack]`.
include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// Does `hay` contain one of `bytes` (at most three; memchr's SIMD scan)?
fn contains_any(hay: &[u8], bytes: &[u8]) -> bool {
    match *bytes {
        [a] => memchr::memchr(a, hay).is_some(),
        [a, b] => memchr::memchr2(a, b, hay).is_some(),
        [a, b, c] => memchr::memchr3(a, b, c, hay).is_some(),
        _ => true,
    }
}

/// One pattern, built to locate its matches in a short text.
pub(crate) fn locator(pattern: &str) -> Option<meta::Regex> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .which_captures(WhichCaptures::Implicit)
                .utf8_empty(false)
                .nfa_size_limit(Some(super::REGEX_SIZE_LIMIT))
                .auto_prefilter(false)
                .hybrid(false)
                .dfa(false)
                .onepass(false),
        )
        .syntax(syntax_config())
        .build(pattern)
        .ok()
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A lazy DFA of a planned group: no reverse automaton, no literal
/// analysis, nothing a "which patterns match" search does not use.
fn build(hirs: &[Hir]) -> Result<lazy::DFA, String> {
    lazy::Builder::new()
        .configure(
            lazy::Config::new()
                .match_kind(MatchKind::All)
                .unicode_word_boundary(true)
                .cache_capacity(DFA_CACHE)
                .skip_cache_capacity_check(true),
        )
        .build_from_nfa(plan::nfa(hirs)?)
        .map_err(|e| e.to_string())
}

impl Matcher {
    /// Compile `patterns`, each parsed once (errors are located by the
    /// caller, pattern by pattern).
    pub fn new(patterns: &[&str]) -> Result<Matcher, String> {
        let groups = plan::plan(patterns)?
            .into_iter()
            .map(|g| {
                let Planned {
                    hirs,
                    ids,
                    anchored,
                    lower,
                    first,
                    needs,
                } = g;
                Ok(Group {
                    re: Automaton::Lazy {
                        re: build(&hirs)?,
                        hirs,
                    },
                    fallback: std::sync::OnceLock::new(),
                    ids,
                    anchored,
                    lower,
                    first,
                    needs,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Matcher {
            atoms: patterns.len(),
            groups,
        })
    }

    /// The automata build.rs compiled for a built-in pack whose patterns
    /// are exactly `patterns` (see the module documentation).
    pub fn embedded(patterns: &[&str]) -> Option<Matcher> {
        let pack = EMBEDDED.iter().find(|p| p.patterns == patterns)?;
        let groups = pack
            .groups
            .iter()
            .map(|g| {
                Some(Group {
                    re: Automaton::Dense {
                        re: crate::pattern::dense_at(g.dfa)?,
                        patterns: pack.patterns,
                    },
                    fallback: std::sync::OnceLock::new(),
                    ids: g.ids.to_vec(),
                    anchored: g.anchored,
                    lower: g.lower,
                    first: g.first,
                    needs: g.needs.map(<[u8]>::to_vec),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Matcher {
            atoms: patterns.len(),
            groups,
        })
    }

    pub fn caches(&self) -> Caches {
        Caches {
            dfa: self
                .groups
                .iter()
                .map(|g| match &g.re {
                    Automaton::Lazy { re, .. } => Some(re.create_cache()),
                    Automaton::Dense { .. } => None,
                })
                .collect(),
            sets: self
                .groups
                .iter()
                .map(|g| PatternSet::new(g.pattern_len()))
                .collect(),
            lowered: Vec::new(),
            bounds: Vec::new(),
        }
    }

    /// The indexes of the patterns that match somewhere in `text`.
    #[cfg(test)]
    pub fn matches(&self, text: &[u8], caches: &RefCell<Caches>) -> Vec<usize> {
        let mut out = Vec::new();
        self.each_match(text, caches, |a| out.push(a));
        out
    }

    /// Call `found` with the index of each pattern that matches somewhere
    /// in `text` (each once, group by group).
    pub fn each_match(&self, text: &[u8], caches: &RefCell<Caches>, mut found: impl FnMut(usize)) {
        let mut c = caches.borrow_mut();
        let Caches {
            dfa,
            sets,
            lowered,
            bounds,
        } = &mut *c;
        // The lowercased copy goes into a buffer reused from call to call.
        if self.groups.iter().any(|g| g.lower) {
            lowered.clear();
            lowered.extend_from_slice(text);
            lowered.make_ascii_lowercase();
        }
        if self.groups.iter().any(|g| g.anchored) {
            word_boundaries(text, bounds);
        }
        for ((g, cache), set) in self.groups.iter().zip(dfa.iter_mut()).zip(sets.iter_mut()) {
            let hay: &[u8] = if g.lower { lowered } else { text };
            set.clear();
            let gave_up = if g.anchored {
                search_at_boundaries(g, cache, hay, bounds, set).is_err()
            } else if let Some(needs) = &g.needs
                && !contains_any(hay, needs)
            {
                // Every match contains one of these bytes: no match here.
                false
            } else {
                let input = Input::new(hay);
                match (&g.re, cache) {
                    (Automaton::Lazy { re, .. }, Some(cache)) => re
                        .try_which_overlapping_matches(cache, &input, set)
                        .is_err(),
                    (Automaton::Dense { re, .. }, _) => {
                        re.try_which_overlapping_matches(&input, set).is_err()
                    }
                    // `caches` gives every lazy group a cache.
                    (Automaton::Lazy { .. }, None) => true,
                }
            };
            if gave_up && let Some(re) = g.fallback() {
                // Same patterns, an engine that never gives up: one
                // unanchored search finds every pattern that matches.
                let mut fc = re.create_cache();
                re.which_overlapping_matches_with(&mut fc, &Input::new(hay), set);
            }
            for p in set.iter() {
                if let Some(&a) = g.ids.get(p.as_usize())
                    && a < self.atoms
                {
                    found(a);
                }
            }
        }
    }
}

/// The DFA gave up (a quit byte: a Unicode `\b` meeting non-ASCII).
struct GaveUp;

/// The word boundaries of `text` (the same in its lowercased copy), plus
/// its start: the positions where an anchored group's match can begin.
/// Found once per text for all of a pack's anchored groups.
fn word_boundaries(text: &[u8], out: &mut Vec<usize>) {
    out.clear();
    out.push(0);
    let mut prev = text.first().is_some_and(|&b| is_word(b));
    for (i, &b) in text.iter().enumerate().skip(1) {
        let w = is_word(b);
        if w != prev {
            out.push(i);
        }
        prev = w;
    }
    if prev {
        out.push(text.len());
    }
}

/// Search an anchored group at each of `bounds`, adding each pattern that
/// matches to `set`. Positions whose byte cannot start any of the group's
/// patterns are skipped before any DFA work.
fn search_at_boundaries(
    g: &Group,
    cache: &mut Option<lazy::Cache>,
    hay: &[u8],
    bounds: &[usize],
    set: &mut PatternSet,
) -> Result<(), GaveUp> {
    for &i in bounds {
        if let Some(first) = &g.first
            && !hay.get(i).is_some_and(|&b| first.contains(b))
        {
            continue;
        }
        match (&g.re, &mut *cache) {
            (Automaton::Lazy { re, .. }, Some(cache)) => walk_anchored(re, cache, hay, i, set)?,
            (Automaton::Dense { re, .. }, _) => walk_dense(re, hay, i, set)?,
            (Automaton::Lazy { .. }, None) => return Err(GaveUp),
        }
        if set.is_full() {
            break;
        }
    }
    Ok(())
}

/// One anchored overlapping search from `at`: step the lazy DFA byte by
/// byte until it dies, recording every pattern of every match state passed.
///
/// This is what `try_which_overlapping_matches` on an anchored `Input`
/// does, without its per-call set-up and its return to the caller at each
/// match: most searches here die after a byte or two, so that fixed cost
/// was most of the work.
fn walk_anchored(
    re: &lazy::DFA,
    cache: &mut lazy::Cache,
    hay: &[u8],
    at: usize,
    set: &mut PatternSet,
) -> Result<(), GaveUp> {
    let look_behind = at.checked_sub(1).and_then(|j| hay.get(j)).copied();
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(look_behind);
    let mut sid = re.start_state(cache, &config).map_err(|_| GaveUp)?;
    let record = |re: &lazy::DFA, cache: &lazy::Cache, sid, set: &mut PatternSet| {
        for k in 0..re.match_len(cache, sid) {
            set.insert(re.match_pattern(cache, sid, k));
        }
    };
    for &b in hay.get(at..).unwrap_or(&[]) {
        sid = re.next_state(cache, sid, b).map_err(|_| GaveUp)?;
        if sid.is_tagged() {
            if sid.is_match() {
                record(re, cache, sid, set);
            } else if sid.is_dead() {
                return Ok(());
            } else if sid.is_quit() {
                return Err(GaveUp);
            }
        }
    }
    sid = re.next_eoi_state(cache, sid).map_err(|_| GaveUp)?;
    if sid.is_match() {
        record(re, cache, sid, set);
    } else if sid.is_quit() {
        return Err(GaveUp);
    }
    Ok(())
}

/// [`walk_anchored`] for a dense DFA: the same walk, without a cache.
fn walk_dense(
    re: &dense::DFA<&'static [u32]>,
    hay: &[u8],
    at: usize,
    set: &mut PatternSet,
) -> Result<(), GaveUp> {
    let look_behind = at.checked_sub(1).and_then(|j| hay.get(j)).copied();
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(look_behind);
    let mut sid = re.start_state(&config).map_err(|_| GaveUp)?;
    let record = |sid, set: &mut PatternSet| {
        for k in 0..re.match_len(sid) {
            set.insert(re.match_pattern(sid, k));
        }
    };
    for &b in hay.get(at..).unwrap_or(&[]) {
        sid = re.next_state(sid, b);
        if re.is_special_state(sid) {
            if re.is_match_state(sid) {
                record(sid, set);
            } else if re.is_dead_state(sid) {
                return Ok(());
            } else if re.is_quit_state(sid) {
                return Err(GaveUp);
            }
        }
    }
    sid = re.next_eoi_state(sid);
    if re.is_match_state(sid) {
        record(sid, set);
    } else if re.is_quit_state(sid) {
        return Err(GaveUp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns of a built-in pack, in order: its atoms.
    fn atoms(name: &str) -> Vec<&'static str> {
        let pack = crate::packs::builtin(name).unwrap().unwrap();
        pack.atoms.iter().map(|a| a.pattern.as_str()).collect()
    }

    /// Every built-in pack reads its automata from the binary, every one
    /// of their DFAs validates, and other patterns are not looked up as
    /// a built-in pack's. (That they answer as a RegexSet, and as the
    /// automata built at run time, is `packs::tests::the_matcher_agrees_with_a_regex_set_on_real_policies`.)
    #[test]
    fn builtin_packs_use_embedded_automata() {
        for name in crate::packs::builtin_names() {
            let patterns = atoms(name);
            let m = Matcher::embedded(&patterns)
                .unwrap_or_else(|| panic!("pack {name} has no embedded automata"));
            assert!(
                m.groups
                    .iter()
                    .all(|g| matches!(g.re, Automaton::Dense { .. })),
                "{name}"
            );
            // One pattern fewer: not this pack's automata.
            assert!(Matcher::embedded(&patterns[1..]).is_none(), "{name}");
        }
        assert_eq!(EMBEDDED.len(), crate::packs::builtin_names().count());
        for g in EMBEDDED.iter().flat_map(|p| p.groups) {
            assert!(crate::pattern::validates(g.dfa), "{:?}", g.dfa);
        }
        assert!(Matcher::embedded(&[r"\bdata\b"]).is_none());
    }

    /// The same answer as a RegexSet, pattern by pattern.
    #[test]
    fn agrees_with_regex_set() {
        let pats = [
            r"(?i)\bcookies?\b",
            r"(?i)\bas long as (?:is )?necessary\b",
            r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
            r"(?i)^access\b",
            r#"(?i)\((?:“|")we"#,
            r"\bDPO\b",
            r"(?i)\b\d+\s*days?\b",
            r"b\b",
            r"\b-x",
            r"(?i)\b[A-C][^x]Z\b",
            r"(?i)\bDPO(?-i:X)",
            r"(?i)\b[[:upper:]]+S\b",
            r"(?u:\b)café(?u:\b)",
        ];
        let m = Matcher::new(&pats).unwrap();
        let cache = RefCell::new(m.caches());
        let mut rs = regex::bytes::RegexSetBuilder::new(pats);
        rs.unicode(false);
        let rs = rs.build().unwrap();
        for text in [
            "We keep cookies as long as necessary.",
            "Access — ask admin_x@example.com (DPO).",
            "ModelDock (“we”, “us”) keeps logs 30 days; dpo reads them",
            "access granted",
            "ab-x cookie",
            "ByZ bXz CAZ",
            "the dpoX and dpox, ABS",
            "un café noir",
            "",
        ] {
            let want: Vec<usize> = rs.matches(text.as_bytes()).iter().collect();
            let mut got = m.matches(text.as_bytes(), &cache);
            got.sort_unstable();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The needed-byte gate of an unanchored group, one pattern per
    /// matcher so each gate is the pattern's own (a group of many
    /// patterns needing more than three bytes has none): every branch of
    /// `required_bytes` against a RegexSet, on texts holding only one
    /// alternative's byte, or none.
    #[test]
    fn needed_bytes_gate_agrees_with_regex_set() {
        let cases: [(&str, &[u8]); 5] = [
            // Alternation: the union of its branches' bytes, not one branch.
            ("(?:foo|bar)", b"bf"),
            // A small byte class: any of its bytes.
            ("[xy]z", b"z"),
            // A repetition of at least one: its body's bytes ('a'; the
            // concatenation keeps its first shortest requirement, 'a' of
            // "ab" before 'c').
            ("(?:ab)+c", b"a"),
            // Case-insensitive: searched in the lowercased text.
            ("(?i)Q(?:ab)+", b"q"),
            // An optional prefix needs nothing; the rest does.
            ("q?r", b"r"),
        ];
        let texts = [
            "zz bar", "foo", "yz", "xz", "ababc", "QAB", "qab", "r", "qr", "none", "",
        ];
        for (p, needs) in cases {
            let m = Matcher::new(&[p]).unwrap();
            let group = &m.groups[0];
            assert!(!group.anchored, "{p}");
            let mut got_needs = group.needs.clone().expect("a gate");
            got_needs.sort_unstable();
            assert_eq!(got_needs, needs, "{p}");
            let cache = RefCell::new(m.caches());
            let mut rs = regex::bytes::RegexSetBuilder::new([p]);
            rs.unicode(false);
            let rs = rs.build().unwrap();
            for text in texts {
                let want: Vec<usize> = rs.matches(text.as_bytes()).iter().collect();
                assert_eq!(m.matches(text.as_bytes(), &cache), want, "{p} on {text:?}");
            }
        }
    }
}
