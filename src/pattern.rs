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
//!
//! Case-insensitive patterns compiled at run time (those of [`runtime`],
//! and the groups' regexes of the table's) are compiled case-sensitive
//! with their letters lowered and search an ASCII-lowercased copy of the
//! haystack, as the packs' patterns do (see [`lowered`]): a tenth of a
//! pre-commit run's instructions went to Unicode case folding in their
//! parsing and compiling.

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
    Meta(Meta),
    /// Deserialized from the build's DFAs. The groups of a match are
    /// resolved by a regex compiled on the first call that asks for them.
    Dfa(Box<Built<dense::DFA<&'static [u32]>>>),
}

#[derive(Debug, Clone)]
struct Built<A> {
    dfa: dfa::regex::Regex<A>,
    /// The pattern as written in the table, for the groups' regex.
    source: &'static str,
    groups: OnceLock<Meta>,
}

/// A regex compiled at run time, and whether it reads the haystack's
/// ASCII-lowercased copy (see [`lowered`]).
#[derive(Debug, Clone)]
struct Meta {
    re: meta::Regex,
    lower: bool,
}

impl Meta {
    /// The text this regex searches for `hay`: the same length, so spans
    /// found in it are spans of `hay`.
    fn read<'h>(&self, hay: &'h str) -> Cow<'h, str> {
        if self.lower && hay.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(hay.to_ascii_lowercase())
        } else {
            Cow::Borrowed(hay)
        }
    }
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
    compile_with(pattern, Engines::Full)
}

/// `pattern` compiled for `engines` (see [`Engines`]), with ASCII classes
/// and lowered when it can be (see [`lowered`]).
fn compile_with(pattern: &str, engines: Engines) -> Regex {
    Regex {
        engine: Engine::Meta(meta_of(&ascii_classes(pattern), engines).expect("static regex")),
    }
}

/// `pattern` built for `engines`: from its [`lowered`] form when it has
/// one, as written otherwise.
fn meta_of(pattern: &str, engines: Engines) -> Result<Meta, Box<meta::BuildError>> {
    let config = match engines {
        Engines::Full => config(),
        Engines::NfaOnly => config().hybrid(false).dfa(false),
    };
    if let Some(hir) = lowered(pattern)
        && let Ok(re) = meta::Builder::new()
            .configure(config.clone())
            .build_from_hir(&hir)
    {
        return Ok(Meta { re, lower: true });
    }
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .map(|re| Meta { re, lower: false })
        .map_err(Box::new)
}

/// A case-insensitive pattern made case-sensitive with its letters
/// lowered, for ASCII-lowercased text ([`crate::packs::plan::lowered`],
/// as the packs' patterns are): about 70% of the compile (measured on the
/// run-time patterns). Unicode mode folds every case-insensitive letter
/// into a class (`k` into `[Kk\u{212A}]`, `s` into `[Ss\u{17F}]`), which
/// parsing builds letter by letter and the NFA compiles into UTF-8
/// branches. What is lost is the Kelvin sign and the long s matching `k`
/// and `s`.
fn lowered(pattern: &str) -> Option<regex_syntax::hir::Hir> {
    crate::packs::plan::lowered(pattern, true)
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
    fn groups_regex(&self) -> &Meta {
        self.groups.get_or_init(|| {
            meta_of(&ascii_classes(self.source), Engines::NfaOnly).expect("build.rs compiled it")
        })
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
    /// the same match, now with its groups. A lowered groups regex reads
    /// a lowercased copy of the match and a byte on either side (for `\b`,
    /// `^` and `$`); the answer is the offset of that window in `hay`,
    /// which the groups' spans are relative to.
    fn groups(&self, hay: &str, m: regex_automata::Match, caps: &mut captures::Captures) -> usize {
        let re = self.groups_regex();
        if !re.lower {
            let input = Input::new(hay).range(m.range()).anchored(Anchored::Yes);
            re.re.search_captures(&input, caps);
            return 0;
        }
        // One byte either side is all the assertions read: the patterns
        // have ASCII `\b` only (see [`ascii_classes`]).
        let start = m.start().saturating_sub(1);
        let end = hay.len().min(m.end() + 1);
        let Some(bytes) = hay.as_bytes().get(start..end) else {
            return 0;
        };
        let window = bytes.to_ascii_lowercase();
        let input = Input::new(&window)
            .range(m.start() - start..m.end() - start)
            .anchored(Anchored::Yes);
        re.re.search_captures(&input, caps);
        start
    }

    fn create_captures(&self) -> captures::Captures {
        self.groups_regex().re.create_captures()
    }
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
    /// Where in `hay` the text the groups were found in starts.
    offset: usize,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| self.at(s))
    }

    /// The group named `name`, if it exists and took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps.get_group_by_name(name).map(|s| self.at(s))
    }

    fn at(&self, s: regex_automata::Span) -> Match<'h> {
        Match::new(self.hay, s.offset(self.offset))
    }
}

impl Regex {
    /// The text the regex searches for `hay` (see [`Meta::read`]).
    fn read<'h>(&self, hay: &'h str) -> Cow<'h, str> {
        match &self.engine {
            Engine::Meta(re) => re.read(hay),
            Engine::Dfa(_) => Cow::Borrowed(hay),
        }
    }

    /// The leftmost-first match in `input` (over the text [`Regex::read`]
    /// gives).
    fn search(&self, input: &Input<'_>) -> Option<regex_automata::Match> {
        match &self.engine {
            Engine::Meta(re) => re.re.search(input),
            Engine::Dfa(re) => re.search(input),
        }
    }

    /// The groups of a match `m` of [`Regex::search`] in `read`, the text
    /// [`Regex::read`] gave for `hay`.
    fn captures_at<'h>(
        &self,
        hay: &'h str,
        read: &str,
        m: regex_automata::Match,
    ) -> Option<Captures<'h>> {
        let (caps, offset) = match &self.engine {
            Engine::Meta(re) => {
                let mut caps = re.re.create_captures();
                let input = Input::new(read).range(m.range()).anchored(Anchored::Yes);
                re.re.search_captures(&input, &mut caps);
                (caps, 0)
            }
            Engine::Dfa(re) => {
                let mut caps = re.create_captures();
                let offset = re.groups(read, m, &mut caps);
                (caps, offset)
            }
        };
        caps.is_match().then_some(Captures { hay, caps, offset })
    }

    /// Every match in `read`, left to right, as the `regex` crate
    /// iterates them (an empty match right after a match is skipped).
    fn matches_in<'r, 'h>(
        &'r self,
        read: &'h str,
    ) -> impl Iterator<Item = regex_automata::Match> + 'r
    where
        'h: 'r,
    {
        let mut it = Searcher::new(Input::new(read));
        std::iter::from_fn(move || it.advance(|input| Ok(self.search(input))))
    }

    /// Each match in `hay`, left to right, made into a `T` by `f` (given
    /// the text searched): as it goes when the regex reads `hay` itself,
    /// all at once when it reads a lowercased copy (which the iterator
    /// could not both own and borrow).
    fn each_match<'r, 'h, T: 'r>(
        &'r self,
        hay: &'h str,
        f: impl Fn(&str, regex_automata::Match) -> Option<T> + 'r,
    ) -> impl Iterator<Item = T> + 'r
    where
        'h: 'r,
    {
        let (copy, same) = match self.read(hay) {
            Cow::Owned(read) => {
                let all: Vec<T> = self.matches_in(&read).filter_map(|m| f(&read, m)).collect();
                (Some(all), None)
            }
            Cow::Borrowed(read) => (None, Some(read)),
        };
        let same = same.map(move |read| self.matches_in(read).filter_map(move |m| f(read, m)));
        copy.into_iter().flatten().chain(same.into_iter().flatten())
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let read = self.read(hay);
        let input = Input::new(&*read).earliest(true);
        match &self.engine {
            Engine::Meta(re) => re.re.is_match(input),
            Engine::Dfa(re) => re.search(&input).is_some(),
        }
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.search(&Input::new(&*self.read(hay)))
            .map(|m| Match::new(hay, m.span()))
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.each_match(hay, move |_, m| Some(Match::new(hay, m.span())))
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let read = self.read(hay);
        let m = self.search(&Input::new(&*read))?;
        self.captures_at(hay, &read, m)
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.each_match(hay, move |read, m| self.captures_at(hay, read, m))
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
            // Groups that depend on what precedes the match: the groups
            // of a DFA match are resolved with that context.
            r"(?i)(?:^(?P<s>x)|x)b\b",
            // And on what follows it.
            r"(?i)y(?:b(?P<w>\b)|b)",
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
            "aXB xb XBc",
            "YBC yb",
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
    /// real policy text: `Engines` changes the cost, never the answer. Both
    /// find what the `regex` crate finds with Unicode case folding, in the
    /// text as written, in capitals and in title case: lowering changes
    /// the cost, never the answer.
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
        // Case-insensitivity is what lowering changes: the same text in
        // capitals and in title case too.
        let upper: Vec<String> = hays.iter().map(|h| h.to_uppercase()).collect();
        let title: Vec<String> = hays
            .iter()
            .map(|h| {
                h.split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        hays.extend(upper.iter().map(String::as_str));
        hays.extend(title.iter().map(String::as_str));
        assert_eq!(runtime::ALL.len(), 10);
        let mut found = 0;
        let mut lowered_patterns = 0;
        for r in runtime::ALL {
            let (full, nfa) = (
                compile_with(r.source, Engines::Full),
                compile_with(r.source, Engines::NfaOnly),
            );
            if matches!(&full.engine, Engine::Meta(m) if m.lower) {
                lowered_patterns += 1;
            }
            let theirs = regex::Regex::new(&ascii_classes(r.source)).unwrap();
            let n = theirs.captures_len();
            for h in &hays {
                let a: Vec<_> = full.find_iter(h).map(span).collect();
                let b: Vec<_> = nfa.find_iter(h).map(span).collect();
                let c: Vec<_> = theirs.find_iter(h).map(their_span).collect();
                assert_eq!(a, b, "{} on {h:?}", r.source);
                assert_eq!(a, c, "{} on {h:?}", r.source);
                found += a.len();
                let a = full.captures(h).map(|c| our_groups(&c, n));
                let b = nfa.captures(h).map(|c| our_groups(&c, n));
                let c = theirs.captures(h).map(|c| their_groups(&c, n));
                assert_eq!(a, b, "{} on {h:?}", r.source);
                assert_eq!(a, c, "{} on {h:?}", r.source);
            }
        }
        assert!(found > 100, "{found}");
        // All but DEFINITION_RE, which is not case-insensitive.
        assert_eq!(lowered_patterns, 9);
    }

    /// Lowering takes what ASCII lowercasing matches the same way as
    /// Unicode case folding, and nothing else.
    #[test]
    fn lowering_refuses_what_ascii_lowercase_cannot_match() {
        for p in [
            r"(?i)(?-u:\b)(?:sell|SOLD)(?-u:\b)",
            r"(?i)[A-Z][^,.;:()—–]{2,8}\s+is",
            r"(?i)^(?P<w>[0-9A-Za-z_]+?)$",
            "(?ix) sell \\s+ (?: it | them ) # verbose",
        ] {
            assert!(lowered(p).is_some(), "{p}");
        }
        for p in [
            // Not case-insensitive.
            r"\bsell\b",
            // Non-ASCII letters fold beyond ASCII.
            "(?i)café",
            "(?i)[é]",
            "(?i)[^É]",
            "(?i)[a-ÿ]",
            // Case-sensitivity switched inside.
            "(?i)a(?-i:B)",
            // Classes lowering does not rewrite.
            r"(?i)\p{Lu}",
            r"(?i)[[:upper:]]",
        ] {
            assert!(lowered(p).is_none(), "{p}");
        }
        // What is lost: the Kelvin sign and the long s.
        let ours = compile(r"(?i)\bask\b");
        assert!(matches!(&ours.engine, Engine::Meta(m) if m.lower));
        assert!(ours.is_match("ASK") && ours.is_match("Ask"));
        assert!(!ours.is_match("a\u{17F}\u{212A}"));
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
    /// source does, on the lines and sentences of real policies, as
    /// written and in capitals; its groups are the `regex` crate's.
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
        let upper: Vec<String> = hays.iter().map(|h| h.to_uppercase()).collect();
        hays.extend(upper.iter().map(String::as_str));
        assert!(!table::ALL.is_empty());
        for s in table::ALL {
            let ours = s.regex();
            assert!(
                matches!(ours.engine, Engine::Dfa(_)),
                "{} did not load",
                s.source()
            );
            let meta = compile(s.source());
            let theirs = regex::Regex::new(&ascii_classes(s.source())).unwrap();
            let n = theirs.captures_len();
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
                // The groups' regex and the meta engine are lowered: the
                // `regex` crate, folding case itself, is the reference.
                let c: Vec<_> = theirs
                    .captures_iter(h)
                    .map(|c| their_groups(&c, n))
                    .collect();
                assert_eq!(a, c, "{} on {h:?}", s.source());
            }
        }
    }
}
