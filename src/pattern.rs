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

use std::borrow::Cow;

use regex_automata::meta;
use regex_automata::util::captures;
use regex_automata::util::syntax;

/// A compiled pattern (see the module docs).
#[derive(Debug, Clone)]
pub struct Regex {
    meta: meta::Regex,
}

/// Compile a static pattern with ASCII classes: `\b`, `\d` and `\w` become
/// their ASCII forms. A Unicode `\b` sends text with non-ASCII characters
/// to the slow engines, and Unicode `\d`/`\w` classes make compiling many
/// times slower; the vocabulary and numbers matched here are ASCII.
///
/// Only for patterns written in the source: a malformed one is a bug that
/// the first test to reach it shows, not an input error.
pub(crate) fn compile(pattern: &str) -> Regex {
    let p = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\w", "[0-9A-Za-z_]");
    Regex::new(&p).expect("static regex")
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
            .configure(
                meta::Config::new()
                    .match_kind(regex_automata::MatchKind::LeftmostFirst)
                    .utf8_empty(true)
                    .auto_prefilter(false)
                    .nfa_size_limit(Some(10 * (1 << 20)))
                    .hybrid_cache_capacity(2 * (1 << 20)),
            )
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Regex { meta })
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.meta.is_match(hay)
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.meta.find(hay).map(|m| Match::new(hay, m.span()))
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.meta
            .find_iter(hay)
            .map(move |m| Match::new(hay, m.span()))
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.meta.create_captures();
        self.meta.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.meta
            .captures_iter(hay)
            .map(move |caps| Captures { hay, caps })
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

    #[test]
    fn agrees_with_the_regex_crate() {
        let patterns = [
            r"(?i)\b(?:sell|sold|rent)\b",
            r"(?i)(?P<n>\d+)\s*(?P<unit>days?|months?)(?:\s+after\s+(?P<ev>\w+))?",
            r"[;:]\s|\s[—–]\s",
            r"x*",
            r"(?i)caf\u{e9}|\bnaïve\b",
        ];
        let hays = [
            "We never sell; we rent — sometimes. SOLD out.",
            "30 days after closure, 6 months, 1 day",
            "Café — naïve; x: xx",
            "",
            "ééé 12 DAYS after deletion",
        ];
        for p in patterns {
            let ours = compile(p);
            let ascii = p
                .replace(r"\b", r"(?-u:\b)")
                .replace(r"\d", "[0-9]")
                .replace(r"\w", "[0-9A-Za-z_]");
            let theirs = regex::Regex::new(&ascii).unwrap();
            for h in hays {
                assert_eq!(ours.is_match(h), theirs.is_match(h), "{p} on {h:?}");
                assert_eq!(ours.find(h).map(span), theirs.find(h).map(their_span));
                let a: Vec<_> = ours.find_iter(h).map(span).collect();
                let b: Vec<_> = theirs.find_iter(h).map(their_span).collect();
                assert_eq!(a, b, "{p} on {h:?}");
                let groups = theirs.captures_len();
                assert_eq!(
                    ours.captures(h).map(|c| our_groups(&c, groups)),
                    theirs.captures(h).map(|c| their_groups(&c, groups)),
                    "{p} on {h:?}"
                );
                let a: Vec<_> = ours
                    .captures_iter(h)
                    .map(|c| our_groups(&c, groups))
                    .collect();
                let b: Vec<_> = theirs
                    .captures_iter(h)
                    .map(|c| their_groups(&c, groups))
                    .collect();
                assert_eq!(a, b, "{p} on {h:?}");
                assert_eq!(ours.replace_all(h, "_"), theirs.replace_all(h, "_"));
                assert_eq!(ours.replace(h, "_"), theirs.replace(h, "_"));
            }
        }
        let c = compile(r"(?P<n>\d+) (?P<u>days)?")
            .captures("in 7 weeks")
            .unwrap();
        assert_eq!(c.name("n").map(|m| m.as_str()), Some("7"));
        assert!(c.name("u").is_none() && c.get(2).is_none() && c.name("nope").is_none());
    }
}
