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

use std::cell::RefCell;

use regex_automata::hybrid::dfa as lazy;
use regex_automata::meta;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, Input, MatchKind, PatternSet};
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, GroupKind};
use regex_syntax::hir::{Hir, HirKind, Look};

use super::{DFA_CACHE, SET_SIZE_LIMIT};

/// One automaton over some of a pack's patterns.
#[derive(Debug)]
struct Group {
    re: lazy::DFA,
    /// The patterns, kept for the fallback.
    hirs: Vec<Hir>,
    /// A PikeVM-backed regex for inputs the lazy DFA gives up on (a
    /// Unicode `\b` in a pack file meeting non-ASCII text), built on demand.
    fallback: std::sync::OnceLock<Option<meta::Regex>>,
    /// Pattern index in `re` → atom.
    ids: Vec<usize>,
    /// Searched anchored at each word boundary (else unanchored, once).
    anchored: bool,
    /// Run over the ASCII-lowercased text.
    lower: bool,
    /// Anchored groups: bytes a match can start with (after any leading
    /// assertion); `None` when some pattern could start with anything or
    /// match empty, and for unanchored groups.
    first: Option<Box<[bool; 256]>>,
    /// At most three bytes of which every match of every pattern contains
    /// at least one (for unanchored groups); `None` when not known.
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
                    .build_many_from_hir(&self.hirs)
                    .ok()
            })
            .as_ref()
    }
}

/// Per-search scratch space, reused from call to call: one lazy DFA cache
/// and one pattern set per group, and the lowercased text.
pub(crate) struct Caches {
    dfa: Vec<lazy::Cache>,
    sets: Vec<PatternSet>,
    lowered: Vec<u8>,
    bounds: Vec<usize>,
}

fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false)
}

/// Add the bytes a match of `hir` can start with to `set`; `false` when
/// that is not known (Unicode classes) or the pattern can match empty.
fn first_bytes(hir: &Hir, set: &mut [bool; 256]) -> bool {
    if hir.properties().minimum_len() == Some(0) {
        return false;
    }
    match hir.kind() {
        HirKind::Literal(l) => match l.0.first() {
            Some(&b) => {
                set[usize::from(b)] = true;
                true
            }
            None => false,
        },
        HirKind::Class(regex_syntax::hir::Class::Bytes(c)) => {
            for r in c.iter() {
                for b in r.start()..=r.end() {
                    set[usize::from(b)] = true;
                }
            }
            true
        }
        HirKind::Class(regex_syntax::hir::Class::Unicode(c)) => {
            // Only ASCII starts can be listed exactly; otherwise give up.
            let mut ok = true;
            for r in c.iter() {
                let (s, e) = (u32::from(r.start()), u32::from(r.end()));
                if e > 0x7f {
                    ok = false;
                    break;
                }
                for b in s..=e {
                    if let Ok(b) = usize::try_from(b) {
                        set[b] = true;
                    }
                }
            }
            ok
        }
        HirKind::Concat(v) => {
            // Leading assertions and empty-matching parts are transparent.
            for h in v {
                match h.kind() {
                    HirKind::Look(_) => continue,
                    _ if h.properties().minimum_len() == Some(0) => {
                        if !first_bytes_nullable(h, set) {
                            return false;
                        }
                    }
                    _ => return first_bytes(h, set),
                }
            }
            false
        }
        HirKind::Alternation(v) => v.iter().all(|h| first_bytes(h, set)),
        HirKind::Capture(c) => first_bytes(&c.sub, set),
        HirKind::Repetition(r) => first_bytes(&r.sub, set),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// The first bytes of a part that may also match empty (`(?:the )?`).
fn first_bytes_nullable(hir: &Hir, set: &mut [bool; 256]) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => first_bytes(&r.sub, set),
        HirKind::Capture(c) => first_bytes_nullable(&c.sub, set),
        HirKind::Alternation(v) => v.iter().all(|h| {
            h.properties().minimum_len() == Some(0) && matches!(h.kind(), HirKind::Empty)
                || first_bytes(h, set)
                || first_bytes_nullable(h, set)
        }),
        HirKind::Empty => true,
        _ => false,
    }
}

/// A small set of bytes of which every match of `hir` contains at least
/// one, when the pattern's structure shows one: a literal's first byte, a
/// class of at most four bytes, the smallest such set of a concatenation's
/// parts, the union over an alternation's branches.
fn required_bytes(hir: &Hir) -> Option<Vec<u8>> {
    if hir.properties().minimum_len() == Some(0) {
        return None;
    }
    match hir.kind() {
        HirKind::Literal(l) => l.0.first().map(|&b| vec![b]),
        HirKind::Class(regex_syntax::hir::Class::Bytes(c)) => {
            let v: Vec<u8> = c.iter().flat_map(|r| r.start()..=r.end()).take(5).collect();
            (v.len() <= 4).then_some(v)
        }
        HirKind::Concat(v) => v.iter().filter_map(required_bytes).min_by_key(Vec::len),
        HirKind::Alternation(v) => {
            let mut all = Vec::new();
            for h in v {
                all.extend(required_bytes(h)?);
            }
            Some(all)
        }
        HirKind::Capture(c) => required_bytes(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_bytes(&r.sub),
        _ => None,
    }
}

/// Does `hay` contain one of `bytes` (at most three; memchr's SIMD scan)?
fn contains_any(hay: &[u8], bytes: &[u8]) -> bool {
    match *bytes {
        [a] => memchr::memchr(a, hay).is_some(),
        [a, b] => memchr::memchr2(a, b, hay).is_some(),
        [a, b, c] => memchr::memchr3(a, b, c, hay).is_some(),
        _ => true,
    }
}

/// Must every match of `hir` start at an ASCII word boundary or at the start
/// of the text?
fn starts_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordAscii | Look::Start) => true,
        HirKind::Concat(v) => v.first().is_some_and(starts_at_boundary),
        HirKind::Capture(c) => starts_at_boundary(&c.sub),
        HirKind::Alternation(v) => !v.is_empty() && v.iter().all(starts_at_boundary),
        HirKind::Repetition(r) => r.min >= 1 && starts_at_boundary(&r.sub),
        _ => false,
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

/// A lazy DFA straight from the HIRs: no reverse automaton, no literal
/// analysis, nothing a "which patterns match" search does not use.
fn build(hirs: &[Hir]) -> Result<lazy::DFA, String> {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(SET_SIZE_LIMIT)),
        )
        .build_many_from_hir(hirs)
        .map_err(|e| e.to_string())?;
    lazy::Builder::new()
        .configure(
            lazy::Config::new()
                .match_kind(MatchKind::All)
                .unicode_word_boundary(true)
                .cache_capacity(DFA_CACHE)
                .skip_cache_capacity_check(true),
        )
        .build_from_nfa(nfa)
        .map_err(|e| e.to_string())
}

/// Lower the letters of a case-insensitive pattern's AST so that it can be
/// matched case-sensitively against lowercased text. `false` when the
/// pattern has something this does not handle (inline flags, ASCII or
/// Unicode classes, ranges across the upper-case block, set operations).
fn lower_ast(a: &mut Ast) -> bool {
    match a {
        Ast::Empty(_) | Ast::Dot(_) | Ast::Assertion(_) | Ast::ClassPerl(_) => true,
        Ast::Flags(_) | Ast::ClassUnicode(_) => false,
        Ast::Literal(l) => {
            l.c = l.c.to_ascii_lowercase();
            true
        }
        Ast::ClassBracketed(c) => lower_set(&mut c.kind),
        Ast::Repetition(r) => lower_ast(&mut r.ast),
        Ast::Group(g) => match &g.kind {
            GroupKind::NonCapturing(flags) if !flags.items.is_empty() => false,
            _ => lower_ast(&mut g.ast),
        },
        Ast::Alternation(x) => x.asts.iter_mut().all(lower_ast),
        Ast::Concat(x) => x.asts.iter_mut().all(lower_ast),
    }
}

fn lower_set(s: &mut ClassSet) -> bool {
    match s {
        ClassSet::Item(i) => lower_item(i),
        ClassSet::BinaryOp(_) => false,
    }
}

fn lower_item(i: &mut ClassSetItem) -> bool {
    match i {
        ClassSetItem::Empty(_) | ClassSetItem::Perl(_) => true,
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) => false,
        ClassSetItem::Literal(l) => {
            l.c = l.c.to_ascii_lowercase();
            true
        }
        ClassSetItem::Range(r) => {
            let (s, e) = (r.start.c, r.end.c);
            if e < 'A' || s > 'Z' {
                true
            } else if s.is_ascii_uppercase() && e.is_ascii_uppercase() {
                r.start.c = s.to_ascii_lowercase();
                r.end.c = e.to_ascii_lowercase();
                true
            } else {
                false
            }
        }
        ClassSetItem::Bracketed(b) => lower_set(&mut b.kind),
        ClassSetItem::Union(u) => u.items.iter_mut().all(lower_item),
    }
}

/// Parse a pattern: `(hir, lowered)`, where a lowered HIR is meant for
/// lowercased text.
fn parse(pattern: &str) -> Result<(Hir, bool), String> {
    if let Some(rest) = pattern.strip_prefix("(?i)")
        && let Ok(mut a) = ast::parse::Parser::new().parse(rest)
        && lower_ast(&mut a)
        && let Ok(h) = regex_syntax::hir::translate::TranslatorBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .translate(rest, &a)
    {
        return Ok((h, true));
    }
    let mut parser = regex_syntax::ParserBuilder::new();
    parser.unicode(false).utf8(false);
    let h = parser.build().parse(pattern).map_err(|e| e.to_string())?;
    Ok((h, false))
}

impl Matcher {
    /// Compile `patterns`, each parsed once (errors are located by the
    /// caller, pattern by pattern).
    pub fn new(patterns: &[&str]) -> Result<Matcher, String> {
        // (anchored, lower) → (hirs, atom ids)
        let mut parts: [(Vec<Hir>, Vec<usize>); 4] = Default::default();
        for (i, p) in patterns.iter().enumerate() {
            let (hir, lower) = parse(p)?;
            let k = usize::from(starts_at_boundary(&hir)) * 2 + usize::from(lower);
            parts[k].0.push(hir);
            parts[k].1.push(i);
        }
        let mut groups = Vec::new();
        for (k, (hirs, ids)) in parts.into_iter().enumerate() {
            if hirs.is_empty() {
                continue;
            }
            let anchored = k >= 2;
            // Only the anchored search at boundaries reads `first`.
            let mut set = [false; 256];
            let first =
                (anchored && hirs.iter().all(|h| first_bytes(h, &mut set))).then(|| Box::new(set));
            let needs = if anchored {
                None
            } else {
                let mut all = Vec::new();
                let known = hirs.iter().all(|h| {
                    required_bytes(h).is_some_and(|v| {
                        all.extend(v);
                        true
                    })
                });
                all.sort_unstable();
                all.dedup();
                (known && all.len() <= 3).then_some(all)
            };
            groups.push(Group {
                first,
                needs,
                re: build(&hirs)?,
                hirs,
                fallback: std::sync::OnceLock::new(),
                ids,
                anchored,
                lower: k % 2 == 1,
            });
        }
        Ok(Matcher {
            atoms: patterns.len(),
            groups,
        })
    }

    pub fn caches(&self) -> Caches {
        Caches {
            dfa: self.groups.iter().map(|g| g.re.create_cache()).collect(),
            sets: self
                .groups
                .iter()
                .map(|g| PatternSet::new(g.re.pattern_len()))
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
                g.re.try_which_overlapping_matches(cache, &Input::new(hay), set)
                    .is_err()
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

/// The lazy DFA gave up (a quit byte: a Unicode `\b` meeting non-ASCII).
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
    cache: &mut lazy::Cache,
    hay: &[u8],
    bounds: &[usize],
    set: &mut PatternSet,
) -> Result<(), GaveUp> {
    for &i in bounds {
        if let Some(first) = &g.first
            && !hay.get(i).is_some_and(|&b| first[usize::from(b)])
        {
            continue;
        }
        walk_anchored(&g.re, cache, hay, i, set)?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
