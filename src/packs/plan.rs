// How a pack's patterns are planned into automata: parsed once, sorted
// into groups (anchored at word boundaries or not, over lowercased text or
// not), with the bytes a group's matches start with or must contain, and
// compiled into one NFA per group. `crate::packs::matcher` builds a lazy
// DFA from each group's NFA at run time; build.rs includes this file (with
// `#[path]`) and builds dense DFAs of the same NFAs for the built-in packs,
// so both read the same plan. Hence no `use crate::…` here.

use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::syntax;
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, GroupKind};
use regex_syntax::hir::{Hir, HirKind, Look};

/// Largest compiled size of a pack's set (one group's NFA).
pub const SET_SIZE_LIMIT: usize = 32 << 20;

/// A set of bytes, a bit each (bit `b % 64` of word `b / 64`); build.rs
/// writes it as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ByteSet(pub [u64; 4]);

impl ByteSet {
    pub fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    #[inline(always)]
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] >> (b & 63) & 1 == 1
    }
}

/// One group of a pack's patterns, planned: what the matcher's `Group`
/// holds but its automaton.
pub(crate) struct Planned {
    /// The patterns, in pattern-index order of the group's automaton.
    pub hirs: Vec<Hir>,
    /// Pattern index in the group → atom (index in the pack's list).
    pub ids: Vec<usize>,
    /// Searched anchored at each word boundary (else unanchored, once).
    pub anchored: bool,
    /// Run over the ASCII-lowercased text.
    pub lower: bool,
    /// Anchored groups: bytes a match can start with (after any leading
    /// assertion); `None` when some pattern could start with anything or
    /// match empty, and for unanchored groups.
    pub first: Option<ByteSet>,
    /// At most three bytes of which every match of every pattern contains
    /// at least one (for unanchored groups); `None` when not known.
    pub needs: Option<Vec<u8>>,
}

/// Parse `patterns` and sort them into groups, in the order (unanchored,
/// anchored) × (as written, lowered), skipping empty groups. Errors are
/// the first pattern's that does not parse.
pub(crate) fn plan(patterns: &[&str]) -> Result<Vec<Planned>, String> {
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
        let mut set = ByteSet::default();
        let first = (anchored && hirs.iter().all(|h| first_bytes(h, &mut set))).then_some(set);
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
        groups.push(Planned {
            hirs,
            ids,
            anchored,
            lower: k % 2 == 1,
            first,
            needs,
        });
    }
    Ok(groups)
}

/// The NFA of a group's patterns, for a "which patterns match" search (no
/// captures).
pub(crate) fn nfa(hirs: &[Hir]) -> Result<NFA, String> {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(SET_SIZE_LIMIT)),
        )
        .build_many_from_hir(hirs)
        .map_err(|e| e.to_string())
}

pub(crate) fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false)
}

/// Add the bytes a match of `hir` can start with to `set`; `false` when
/// that is not known (Unicode classes) or the pattern can match empty.
pub(crate) fn first_bytes(hir: &Hir, set: &mut ByteSet) -> bool {
    if hir.properties().minimum_len() == Some(0) {
        return false;
    }
    match hir.kind() {
        HirKind::Literal(l) => match l.0.first() {
            Some(&b) => {
                set.insert(b);
                true
            }
            None => false,
        },
        HirKind::Class(regex_syntax::hir::Class::Bytes(c)) => {
            for r in c.iter() {
                for b in r.start()..=r.end() {
                    set.insert(b);
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
                    if let Ok(b) = u8::try_from(b) {
                        set.insert(b);
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
fn first_bytes_nullable(hir: &Hir, set: &mut ByteSet) -> bool {
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
pub(crate) fn required_bytes(hir: &Hir) -> Option<Vec<u8>> {
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

/// Must every match of `hir` start at an ASCII word boundary or at the start
/// of the text?
pub(crate) fn starts_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordAscii | Look::Start) => true,
        HirKind::Concat(v) => v.first().is_some_and(starts_at_boundary),
        HirKind::Capture(c) => starts_at_boundary(&c.sub),
        HirKind::Alternation(v) => !v.is_empty() && v.iter().all(starts_at_boundary),
        HirKind::Repetition(r) => r.min >= 1 && starts_at_boundary(&r.sub),
        _ => false,
    }
}

/// Lower the letters of a case-insensitive pattern's AST so that it can be
/// matched case-sensitively against ASCII-lowercased text. `false` when
/// the pattern has something this does not handle (flags that change
/// case-insensitivity, ASCII or Unicode classes, ranges across the
/// upper-case block, set operations). With `unicode`, the pattern is
/// meant for Unicode mode, where `(?i)` also folds non-ASCII letters,
/// which lowercasing ASCII does not: a non-ASCII letter with a case, or a
/// range ending beyond ASCII, is refused too. (In the packs' byte mode,
/// `(?i)` folds ASCII only.)
fn lower_ast(a: &mut Ast, unicode: bool) -> bool {
    match a {
        Ast::Empty(_) | Ast::Dot(_) | Ast::Assertion(_) | Ast::ClassPerl(_) => true,
        Ast::Flags(_) | Ast::ClassUnicode(_) => false,
        Ast::Literal(l) => lower_char(&mut l.c, unicode),
        Ast::ClassBracketed(c) => lower_set(&mut c.kind, unicode),
        Ast::Repetition(r) => lower_ast(&mut r.ast, unicode),
        Ast::Group(g) => match &g.kind {
            // Other flags (the `(?-u:\b)` of the extractors' patterns)
            // leave the letters inside case-insensitive.
            GroupKind::NonCapturing(flags)
                if flags.items.iter().any(|f| {
                    matches!(f.kind, ast::FlagsItemKind::Flag(ast::Flag::CaseInsensitive))
                }) =>
            {
                false
            }
            _ => lower_ast(&mut g.ast, unicode),
        },
        Ast::Alternation(x) => x.asts.iter_mut().all(|a| lower_ast(a, unicode)),
        Ast::Concat(x) => x.asts.iter_mut().all(|a| lower_ast(a, unicode)),
    }
}

/// Lower one literal; `false` for a letter lowercasing ASCII cannot match.
fn lower_char(c: &mut char, unicode: bool) -> bool {
    if unicode && !c.is_ascii() && (c.is_lowercase() || c.is_uppercase()) {
        return false;
    }
    *c = c.to_ascii_lowercase();
    true
}

fn lower_set(s: &mut ClassSet, unicode: bool) -> bool {
    match s {
        ClassSet::Item(i) => lower_item(i, unicode),
        ClassSet::BinaryOp(_) => false,
    }
}

fn lower_item(i: &mut ClassSetItem, unicode: bool) -> bool {
    match i {
        ClassSetItem::Empty(_) | ClassSetItem::Perl(_) => true,
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) => false,
        ClassSetItem::Literal(l) => lower_char(&mut l.c, unicode),
        ClassSetItem::Range(r) => {
            let (s, e) = (r.start.c, r.end.c);
            if unicode && !e.is_ascii() {
                false
            } else if e < 'A' || s > 'Z' {
                true
            } else if s.is_ascii_uppercase() && e.is_ascii_uppercase() {
                r.start.c = s.to_ascii_lowercase();
                r.end.c = e.to_ascii_lowercase();
                true
            } else {
                false
            }
        }
        ClassSetItem::Bracketed(b) => lower_set(&mut b.kind, unicode),
        ClassSetItem::Union(u) => u.items.iter_mut().all(|i| lower_item(i, unicode)),
    }
}

/// A case-insensitive pattern (a leading `(?i)`, or `(?ix)` for a verbose
/// one) parsed with its letters lowered, for ASCII-lowercased text: the
/// same matches at the same offsets. `unicode`: Unicode mode (and UTF-8
/// matches), else byte mode. `None` when the pattern is not
/// case-insensitive or has what [`lower_ast`] refuses.
pub(crate) fn lowered(pattern: &str, unicode: bool) -> Option<Hir> {
    let (rest, verbose) = match pattern.strip_prefix("(?i)") {
        Some(rest) => (rest, false),
        None => (pattern.strip_prefix("(?ix)")?, true),
    };
    let mut ast = ast::parse::ParserBuilder::new()
        .ignore_whitespace(verbose)
        .build()
        .parse(rest)
        .ok()?;
    if !lower_ast(&mut ast, unicode) {
        return None;
    }
    regex_syntax::hir::translate::TranslatorBuilder::new()
        .unicode(unicode)
        .utf8(unicode)
        .build()
        .translate(rest, &ast)
        .ok()
}

/// Parse a pattern: `(hir, lowered)`, where a lowered HIR is meant for
/// lowercased text.
pub(crate) fn parse(pattern: &str) -> Result<(Hir, bool), String> {
    if let Some(h) = lowered(pattern, false) {
        return Ok((h, true));
    }
    let mut parser = regex_syntax::ParserBuilder::new();
    parser.unicode(false).utf8(false);
    let h = parser.build().parse(pattern).map_err(|e| e.to_string())?;
    Ok((h, false))
}
