//! The extractor's static patterns: a thin [`Regex`] over regex-automata's
//! meta engine with the `regex::Regex` methods the extractors use.
//!
//! Why not `regex::Regex` itself: candor compiles about a hundred static
//! patterns per process, and a pre-commit run over three documents spends
//! most of its time doing so. `regex::Regex` always extracts literals for a
//! prefilter; for case-insensitive alternations that analysis costs more
//! than the rest of the compilation (callgrind on the bundled example: 200 M
//! of 644 M instructions). The patterns run over sentences and blocks of a
//! few hundred bytes, where a prefilter has little to skip: over three
//! copies of the corpus (2.2 MB), the whole `check` ran 10% fewer
//! instructions without them. So these patterns are built without one;
//! matching semantics are the `regex` crate's (leftmost-first, Unicode,
//! UTF-8 spans).
//!
//! Most patterns are not compiled at run time at all: those of [`table`]
//! are compiled by `build.rs` into minimized dense DFAs (forward and
//! reverse, as regex-automata's `dfa::regex::Regex` uses them), embedded in
//! the binary and loaded, zero-copy, on first use: each entry is a static
//! that owns its loaded [`Regex`] (`table::X.regex()`). build.rs validated every
//! DFA it wrote, so loading does not validate them again (`unsafe`, see
//! [`dense_at`]): validating costs instructions for every byte of a DFA,
//! where a search only touches the states it visits. DFAs report spans, not groups:
//! `captures` finds the match with the DFAs, then resolves its groups with
//! an anchored search of that span by a regex compiled on the first call
//! that asks for groups. Patterns that do not determinize within build.rs's
//! limits (bounded repetitions of wide classes such as `[^,.;:()]{1,60}?`)
//! and patterns built at run time from other strings go through
//! [`compile`].

use std::borrow::Cow;
use std::sync::OnceLock;

use regex_automata::dfa::{self, Automaton, dense};
use regex_automata::meta;
use regex_automata::util::captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

/// Declares the table in `table.rs`: each entry becomes a [`Static`]
/// whose index is its position, and which loads its DFAs on first use
/// (`table::X.regex()`). (`build.rs` declares its own `table!` over the
/// same file, and compiles the entries in the same order.)
macro_rules! table {
    ($($(#[$doc:meta])* $name:ident = $pattern:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Index { $($name,)* }
        $(
            $(#[$doc])*
            pub(crate) static $name: super::Static = super::Static {
                index: Index::$name as usize,
                source: $pattern,
                regex: std::sync::OnceLock::new(),
            };
        )*
        /// Every entry, in index order.
        #[cfg(test)]
        pub(crate) static ALL: &[&super::Static] = &[$(&$name,)*];
    };
}

/// The static patterns compiled at build time.
pub(crate) mod table;

/// Declares the table in `runtime.rs`: each entry becomes a [`Lazy`]
/// compiled on first use (`runtime::X.regex()`), and [`runtime::ALL`]
/// lists them.
macro_rules! runtime {
    ($($(#[$doc:meta])* $name:ident = $engines:ident($pattern:expr);)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $name: super::Lazy = super::Lazy {
                source: $pattern,
                engines: super::Engines::$engines,
                regex: std::sync::OnceLock::new(),
            };
        )*
        /// Every entry (what `extract::warm_up` builds).
        pub(crate) static ALL: &[&super::Lazy] = &[$(&$name,)*];
    };
}

/// The static patterns compiled at run time.
pub(crate) mod runtime;

use table::ascii_classes;

/// Where `build.rs` put entry `i`'s forward and reverse DFAs in
/// [`COMPILED_BYTES`]: byte ranges.
struct Compiled {
    forward: (usize, usize),
    reverse: (usize, usize),
}

// `const VALIDATED: bool` (build.rs deserialized every DFA it wrote, with
// validation) and `const COMPILED: [Compiled; N]`, one per table entry.
include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// The serialized DFAs, aligned to 4 bytes as dense DFAs require
/// (regex-automata's documented idiom for `include_bytes!`).
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

static COMPILED_BYTES: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/patterns.bin")),
};

/// A pattern of [`table`], compiled at build time, loaded on first use.
#[derive(Debug)]
pub(crate) struct Static {
    index: usize,
    source: &'static str,
    regex: OnceLock<Regex>,
}

impl Static {
    /// The pattern as written in the table.
    pub(crate) fn source(&self) -> &'static str {
        self.source
    }

    /// The pattern, its DFAs loaded on the first call (once per process).
    pub(crate) fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| compiled(self))
    }
}

/// Which of the meta engine's engines a [`Lazy`] pattern gets.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Engines {
    /// All of them, lazy DFAs included: [`compile`].
    Full,
    /// The NFA engines only (backtracker, PikeVM, one-pass), as for the
    /// groups of [`table`] patterns: no lazy DFA, so no reverse NFA to
    /// build, a third to half of compiling a pattern of bounded repetitions
    /// of wide classes. For a pattern searched only where another has
    /// matched, or only on short texts; the matches are the same. Chosen
    /// per pattern by measuring: for claims' scopes, defined names, the
    /// negation before a mention, the words before a retention period's
    /// "+" and rights headings it changed nothing on a 10 MB corpus, and
    /// saved a pre-commit run the reverse NFAs and the lazy-DFA states
    /// these would build (the negation's reverse search alone built 2,800:
    /// −8 M of 205 M instructions for the three); retention's subject
    /// patterns, searched more often, made extraction a tenth slower this
    /// way (a warm lazy DFA beats the NFA engines on text that does not
    /// match).
    NfaOnly,
}

/// A pattern of [`runtime`], compiled on first use.
#[derive(Debug)]
pub(crate) struct Lazy {
    source: &'static str,
    engines: Engines,
    regex: OnceLock<Regex>,
}

impl Lazy {
    /// The pattern, compiled on the first call (once per process).
    pub(crate) fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| compile_with(self.source, self.engines))
    }
}

/// A compiled pattern (see the module docs).
#[derive(Debug, Clone)]
pub struct Regex {
    engine: Engine,
}

#[derive(Debug, Clone)]
enum Engine {
    /// Compiled at run time: patterns outside the table.
    Meta(meta::Regex),
    /// Deserialized from the build's DFAs. The groups of a match are
    /// resolved by a regex compiled on the first call that asks for them.
    Dfa(Box<Built<dense::DFA<&'static [u32]>>>),
}

#[derive(Debug, Clone)]
struct Built<A> {
    dfa: dfa::regex::Regex<A>,
    /// The pattern as written in the table, for the groups' regex.
    source: &'static str,
    groups: OnceLock<meta::Regex>,
}

/// Compile a static pattern with ASCII classes: `\b`, `\d` and `\w` become
/// their ASCII forms. A Unicode `\b` sends text with non-ASCII characters
/// to the slow engines, and Unicode `\d`/`\w` classes make compiling many
/// times slower; the vocabulary and numbers matched here are ASCII.
///
/// For patterns built at run time from other strings; the patterns of
/// [`table`] go through [`compiled`]. Only for patterns written in the
/// source: a malformed one is a bug that the first test to reach it
/// shows, not an input error.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(&ascii_classes(pattern)).expect("static regex")
}

/// `pattern` compiled for `engines` (see [`Engines`]).
fn compile_with(pattern: &str, engines: Engines) -> Regex {
    match engines {
        Engines::Full => compile(pattern),
        Engines::NfaOnly => Regex {
            engine: Engine::Meta(nfa_only(&ascii_classes(pattern)).expect("static regex")),
        },
    }
}

/// A pattern of [`table`]: its DFAs as `build.rs` compiled them, without
/// any compiling at run time. `build.rs` deserializes every DFA it writes
/// (with this same regex-automata, for this target's endianness) and fails
/// the build if one does not load, so the fallback to [`compile`] is not
/// taken; it is there so that even a broken build answers correctly.
fn compiled(pattern: &Static) -> Regex {
    load(pattern).unwrap_or_else(|| compile(pattern.source()))
}

fn load(pattern: &Static) -> Option<Regex> {
    let c = COMPILED.get(pattern.index)?;
    let (forward, reverse) = (dense_at(c.forward)?, dense_at(c.reverse)?);
    let engine = Engine::Dfa(Box::new(Built::new(forward, reverse, pattern.source)));
    Some(Regex { engine })
}

/// Does the DFA at `range` of [`COMPILED_BYTES`] load with validation?
#[cfg(test)]
pub(crate) fn validates((a, b): (usize, usize)) -> bool {
    COMPILED_BYTES
        .bytes
        .get(a..b)
        .is_some_and(|bytes| dense::DFA::from_bytes(bytes).is_ok())
}

/// The dense DFA at byte range `range` of [`COMPILED_BYTES`] (a table
/// entry's, or a built-in pack's group's, which build.rs writes after the
/// table's: see `crate::packs::matcher`), without validating it again when
/// build.rs did. Validating costs about 2 instructions per byte of the
/// DFA, the whole DFA, where a search touches the few states it visits.
pub(crate) fn dense_at((a, b): (usize, usize)) -> Option<dense::DFA<&'static [u32]>> {
    let bytes = COMPILED_BYTES.bytes.get(a..b)?;
    if VALIDATED {
        // SAFETY: `bytes` is one DFA (of the table or of a built-in pack's
        // group) that build.rs serialized with
        // `to_bytes_*_endian` for this target, with this same regex-automata
        // (one version in Cargo.lock for build and normal dependencies),
        // then deserialized with the validating `from_bytes` without error
        // (VALIDATED is false when it could not: a cross build to another
        // endianness). It sits 4-aligned in COMPILED_BYTES as written, and
        // the tests `embedded_dfas_validate` and
        // `builtin_packs_use_embedded_automata` validate every one again.
        unsafe { dense::DFA::from_bytes_unchecked(bytes) }
            .ok()
            .map(|d| d.0)
    } else {
        dense::DFA::from_bytes(bytes).ok().map(|d| d.0)
    }
}

impl<A: Automaton> Built<A> {
    fn new(forward: A, reverse: A, source: &'static str) -> Built<A> {
        Built {
            dfa: dfa::regex::Builder::new().build_from_dfas(forward, reverse),
            source,
            groups: OnceLock::new(),
        }
    }

    /// The regex that resolves groups, compiled on first use. build.rs
    /// compiled this same pattern, with the same syntax, into the DFAs,
    /// and `table_patterns_load_and_agree_with_the_meta_engine` asks every
    /// table pattern for groups: compiling it cannot fail.
    fn groups_regex(&self) -> &meta::Regex {
        self.groups
            .get_or_init(|| nfa_only(&ascii_classes(self.source)).expect("build.rs compiled it"))
    }

    /// The leftmost-first match in `input`. The DFAs have no quit bytes
    /// and the searches are unanchored, which they support: the search
    /// cannot fail (an error would read as no match).
    fn search(&self, input: &Input<'_>) -> Option<regex_automata::Match> {
        self.dfa.try_search(input).ok().flatten()
    }

    /// The groups of the match `m` found by [`Built::search`] in `hay`:
    /// the leftmost-first match anchored at `m`'s start and ending by
    /// `m`'s end is `m` itself, so an anchored search of that span finds
    /// the same match, now with its groups.
    fn groups(&self, hay: &str, m: regex_automata::Match, caps: &mut captures::Captures) {
        let input = Input::new(hay).range(m.range()).anchored(Anchored::Yes);
        self.groups_regex().search_captures(&input, caps);
    }

    fn create_captures(&self) -> captures::Captures {
        self.groups_regex().create_captures()
    }
}

/// `pattern` with only the engines that report groups (one-pass,
/// backtracker, PikeVM), so no lazy DFA and no reverse NFA to build: the
/// regex that resolves groups inside a match the DFAs found, and
/// [`Engines::NfaOnly`].
fn nfa_only(pattern: &str) -> Result<meta::Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(config().hybrid(false).dfa(false))
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// The meta engine's configuration: the `regex` crate's semantics without
/// the literal prefilter.
fn config() -> meta::Config {
    meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .auto_prefilter(false)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
}

/// One match: its span in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, span: regex_automata::Span) -> Match<'h> {
        Match {
            hay,
            start: span.start,
            end: span.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    /// The matched text. Spans of a UTF-8 search lie on char boundaries, so
    /// the slice cannot fail; `get` keeps that a non-panicking fact.
    pub fn as_str(&self) -> &'h str {
        self.hay.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    hay: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match::new(self.hay, s))
    }

    /// The group named `name`, if it exists and took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Match::new(self.hay, s))
    }
}

impl Regex {
    /// Compile `pattern` with the `regex` crate's defaults, minus the
    /// literal prefilter. (The error is boxed: it is large and only ever
    /// shown.)
    pub fn new(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
        let meta = meta::Builder::new()
            .configure(config())
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Regex {
            engine: Engine::Meta(meta),
        })
    }

    fn search(&self, input: &Input<'_>) -> Option<regex_automata::Match> {
        match &self.engine {
            Engine::Meta(re) => re.search(input),
            Engine::Dfa(re) => re.search(input),
        }
    }

    /// The groups of a match `m` of [`Regex::search`] in `hay`.
    fn search_captures(&self, hay: &str, m: regex_automata::Match, caps: &mut captures::Captures) {
        match &self.engine {
            Engine::Meta(re) => re.search_captures(
                &Input::new(hay).range(m.range()).anchored(Anchored::Yes),
                caps,
            ),
            Engine::Dfa(re) => re.groups(hay, m, caps),
        }
    }

    fn create_captures(&self) -> captures::Captures {
        match &self.engine {
            Engine::Meta(re) => re.create_captures(),
            Engine::Dfa(re) => re.create_captures(),
        }
    }

    /// Every match, left to right, as the `regex` crate iterates them
    /// (an empty match right after a match is skipped).
    fn matches<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = regex_automata::Match> + 'r
    where
        'h: 'r,
    {
        let mut it = Searcher::new(Input::new(hay));
        std::iter::from_fn(move || it.advance(|input| Ok(self.search(input))))
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let input = Input::new(hay).earliest(true);
        match &self.engine {
            Engine::Meta(re) => re.is_match(input),
            Engine::Dfa(re) => re.search(&input).is_some(),
        }
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.search(&Input::new(hay))
            .map(|m| Match::new(hay, m.span()))
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.matches(hay).map(move |m| Match::new(hay, m.span()))
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let m = self.search(&Input::new(hay))?;
        let mut caps = self.create_captures();
        self.search_captures(hay, m, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.matches(hay).filter_map(move |m| {
            let mut caps = self.create_captures();
            self.search_captures(hay, m, &mut caps);
            caps.is_match().then_some(Captures { hay, caps })
        })
    }

    /// Replace every match with `with`, taken literally (no `$` groups).
    pub fn replace_all<'h>(&self, hay: &'h str, with: &str) -> Cow<'h, str> {
        self.replace_n(hay, with, usize::MAX)
    }

    /// Replace the first match with `with`, taken literally.
    pub fn replace<'h>(&self, hay: &'h str, with: &str) -> Cow<'h, str> {
        self.replace_n(hay, with, 1)
    }

    fn replace_n<'h>(&self, hay: &'h str, with: &str, n: usize) -> Cow<'h, str> {
        let mut out = String::new();
        let mut last = 0;
        let mut any = false;
        for m in self.find_iter(hay).take(n) {
            out.push_str(&hay[last..m.start]);
            out.push_str(with);
            last = m.end;
            any = true;
        }
        if !any {
            return Cow::Borrowed(hay);
        }
        out.push_str(&hay[last..]);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // `fn dfa`: the DFAs build.rs writes, for patterns outside the table.
    include!("pattern/dfa.rs");

    /// `pattern` on the build-time path: its DFAs built as build.rs builds
    /// them, serialized and loaded back as [`compiled`] loads them.
    fn through_dfas(pattern: &str) -> Regex {
        let source: &'static str = Box::leak(pattern.to_string().into_boxed_str());
        let rewritten = ascii_classes(pattern);
        let load = |reverse: bool| {
            let (bytes, pad) = dfa(&rewritten, reverse).unwrap().to_bytes_native_endian();
            // Leaked whole: `bytes[pad..]` is the aligned part.
            let bytes: &'static Vec<u8> = Box::leak(Box::new(bytes));
            dense::DFA::from_bytes(&bytes[pad..]).unwrap().0
        };
        Regex {
            engine: Engine::Dfa(Box::new(Built::new(load(false), load(true), source))),
        }
    }

    /// The wrapper answers as `regex::Regex` does on the shapes the
    /// extractors use: ASCII boundaries, case-insensitive alternations,
    /// named and optional groups, non-ASCII haystacks, empty matches.
    type Found<'h> = (usize, usize, &'h str);

    fn span(m: Match<'_>) -> Found<'_> {
        (m.start(), m.end(), m.as_str())
    }

    fn their_span(m: regex::Match<'_>) -> Found<'_> {
        (m.start(), m.end(), m.as_str())
    }

    fn our_groups<'h>(c: &Captures<'h>, n: usize) -> Vec<Option<Found<'h>>> {
        (0..n).map(|i| c.get(i).map(span)).collect()
    }

    fn their_groups<'h>(c: &regex::Captures<'h>, n: usize) -> Vec<Option<Found<'h>>> {
        (0..n).map(|i| c.get(i).map(their_span)).collect()
    }

    /// Every method of `ours` against `theirs` on `h`.
    fn agree(ours: &Regex, theirs: &regex::Regex, h: &str, what: &str) {
        assert_eq!(ours.is_match(h), theirs.is_match(h), "{what} on {h:?}");
        assert_eq!(
            ours.find(h).map(span),
            theirs.find(h).map(their_span),
            "{what} on {h:?}"
        );
        let a: Vec<_> = ours.find_iter(h).map(span).collect();
        let b: Vec<_> = theirs.find_iter(h).map(their_span).collect();
        assert_eq!(a, b, "{what} on {h:?}");
        let groups = theirs.captures_len();
        assert_eq!(
            ours.captures(h).map(|c| our_groups(&c, groups)),
            theirs.captures(h).map(|c| their_groups(&c, groups)),
            "{what} on {h:?}"
        );
        let a: Vec<_> = ours
            .captures_iter(h)
            .map(|c| our_groups(&c, groups))
            .collect();
        let b: Vec<_> = theirs
            .captures_iter(h)
            .map(|c| their_groups(&c, groups))
            .collect();
        assert_eq!(a, b, "{what} on {h:?}");
        assert_eq!(
            ours.replace_all(h, "_"),
            theirs.replace_all(h, "_"),
            "{what} on {h:?}"
        );
        assert_eq!(
            ours.replace(h, "_"),
            theirs.replace(h, "_"),
            "{what} on {h:?}"
        );
    }

    #[test]
    fn agrees_with_the_regex_crate() {
        let patterns = [
            r"(?i)\b(?:sell|sold|rent)\b",
            r"(?i)(?P<n>\d+)\s*(?P<unit>days?|months?)(?:\s+after\s+(?P<ev>\w+))?",
            r"[;:]\s|\s[—–]\s",
            r"x*",
            r"(?i)caf\u{e9}|\bnaïve\b",
            // Leftmost-first: the first alternative wins, not the longest.
            r"a|ab|(?P<long>abc)",
            r"(?i)\b(?:sam|samwise)\b|(?P<e>)",
            // Anchors and lazy repetition, as the table's patterns use them.
            r"(?i)^\W*(?P<w>\w+?)\s*$",
            r"(?P<np>[^,.;]{2,20}?)\s+(?:is|are)\b",
            r"é*|(?P<z>z)",
        ];
        let hays = [
            "We never sell; we rent — sometimes. SOLD out.",
            "30 days after closure, 6 months, 1 day",
            "Café — naïve; x: xx",
            "",
            "ééé 12 DAYS after deletion",
            "abc ab a abcabc",
            "Samwise and sam, samw",
            "  Cookies  ",
            "Your data, the logs are kept; names is fine",
            "zéz éé z",
        ];
        for p in patterns {
            let theirs = regex::Regex::new(&ascii_classes(p)).unwrap();
            for (engine, ours) in [("meta", compile(p)), ("dfa", through_dfas(p))] {
                for h in hays {
                    agree(&ours, &theirs, h, &format!("{engine} {p}"));
                }
            }
        }
        for ours in [
            compile(r"(?P<n>\d+) (?P<u>days)?"),
            through_dfas(r"(?P<n>\d+) (?P<u>days)?"),
        ] {
            let c = ours.captures("in 7 weeks").unwrap();
            assert_eq!(c.name("n").map(|m| m.as_str()), Some("7"));
            assert!(c.name("u").is_none() && c.get(2).is_none() && c.name("nope").is_none());
        }
    }

    /// Every run-time pattern compiles, and compiled for the NFA engines
    /// only it finds what the full meta engine finds, groups included, on
    /// real policy text: `Engines` changes the cost, never the answer.
    #[test]
    fn runtime_patterns_answer_the_same_with_either_engines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus/github");
        let mut text = String::new();
        for e in std::fs::read_dir(root).unwrap() {
            text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        let mut hays: Vec<&str> = text.lines().collect();
        hays.extend(text.split(". "));
        hays.extend([
            "On the marketing site — no cookies",
            "Acme, Inc. (\"Acme\")",
            "We do not use ",
            "Logs are deleted after 30 days",
            "é",
            "",
        ]);
        assert_eq!(runtime::ALL.len(), 10);
        let mut found = 0;
        for r in runtime::ALL {
            let (full, nfa) = (
                compile_with(r.source, Engines::Full),
                compile_with(r.source, Engines::NfaOnly),
            );
            let n = regex::Regex::new(&ascii_classes(r.source))
                .unwrap()
                .captures_len();
            for h in &hays {
                let a: Vec<_> = full.find_iter(h).map(span).collect();
                let b: Vec<_> = nfa.find_iter(h).map(span).collect();
                assert_eq!(a, b, "{} on {h:?}", r.source);
                found += a.len();
                let a = full.captures(h).map(|c| our_groups(&c, n));
                let b = nfa.captures(h).map(|c| our_groups(&c, n));
                assert_eq!(a, b, "{} on {h:?}", r.source);
            }
        }
        assert!(found > 100, "{found}");
    }

    /// Every embedded DFA passes the validating `from_bytes`, as build.rs
    /// checked before writing it (what lets [`dense_at`] skip
    /// validation).
    #[test]
    fn embedded_dfas_validate() {
        assert_eq!(COMPILED.len(), table::ALL.len());
        for c in &COMPILED {
            assert!(validates(c.forward) && validates(c.reverse));
        }
    }

    /// Every pattern of the table loads from the build's DFAs (not the
    /// run-time fallback) and answers as the meta engine compiled from its
    /// source does, on the lines and sentences of real policies.
    #[test]
    fn table_patterns_load_and_agree_with_the_meta_engine() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut text = String::new();
        for dir in ["example", "corpus/mozilla", "corpus/zulip", "corpus/github"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
                .collect();
            files.sort();
            for f in files {
                text.push_str(&std::fs::read_to_string(f).unwrap());
            }
        }
        assert!(text.len() > 50_000, "sample too small: {}", text.len());
        let mut hays: Vec<&str> = text.lines().collect();
        hays.extend(text.split(". "));
        hays.extend(["", " ", "é", "naïve café — ünïcode", "12 days", "Cookies"]);
        assert!(!table::ALL.is_empty());
        for s in table::ALL {
            let ours = s.regex();
            assert!(
                matches!(ours.engine, Engine::Dfa(_)),
                "{} did not load",
                s.source()
            );
            let meta = compile(s.source());
            let n = regex::Regex::new(&ascii_classes(s.source()))
                .unwrap()
                .captures_len();
            for h in &hays {
                assert_eq!(
                    ours.find(h).map(span),
                    meta.find(h).map(span),
                    "{} on {h:?}",
                    s.source()
                );
                let a: Vec<_> = ours.find_iter(h).map(span).collect();
                let b: Vec<_> = meta.find_iter(h).map(span).collect();
                assert_eq!(a, b, "{} on {h:?}", s.source());
                assert_eq!(
                    ours.is_match(h),
                    meta.is_match(h),
                    "{} on {h:?}",
                    s.source()
                );
                let a: Vec<_> = ours.captures_iter(h).map(|c| our_groups(&c, n)).collect();
                let b: Vec<_> = meta.captures_iter(h).map(|c| our_groups(&c, n)).collect();
                assert_eq!(a, b, "{} on {h:?}", s.source());
            }
        }
    }
}
