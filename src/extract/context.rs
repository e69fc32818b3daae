//! Context around a mention: the sentence it sits in, whether the clause
//! negates it ("we do not use X"), whether it is self-hosted, whether it
//! only names where a link points ("our policies' history [on GitHub](…)").

use std::ops::Range;

use crate::pattern::{runtime, table};

use crate::document::{Block, Document, Link};
use crate::span::floor_char;

/// Does `hay` contain `needle` with ASCII letters compared case-blind
/// (`hay.to_ascii_lowercase().contains(needle)` for a lower-case
/// `needle`, without the copy)?
pub fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    // Look for the needle's rarest letter in English text (either case),
    // then compare the needle around it.
    const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let rank = |b: &u8| {
        BY_FREQUENCY
            .iter()
            .position(|f| *f == b.to_ascii_lowercase())
            .unwrap_or(BY_FREQUENCY.len())
    };
    let Some((at, &anchor)) = n.iter().enumerate().max_by_key(|(_, b)| rank(b)) else {
        return true;
    };
    let (lo, up) = (anchor.to_ascii_lowercase(), anchor.to_ascii_uppercase());
    memchr::memchr2_iter(lo, up, h).any(|i| {
        i.checked_sub(at)
            .and_then(|s| h.get(s..s + n.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// "Does a heading on this block's section path pass `test`?", answered
/// once per section of a document instead of once per block and heading:
/// a section's answer is its own title's or else its parent's, exactly
/// `doc.section_path(block).iter().any(|h| test(h))`.
pub struct SectionTest<'d> {
    doc: &'d Document,
    test: fn(&str) -> bool,
    /// Per section: `None` until asked.
    memo: Vec<Option<bool>>,
}

impl<'d> SectionTest<'d> {
    pub fn new(doc: &'d Document, test: fn(&str) -> bool) -> SectionTest<'d> {
        SectionTest {
            doc,
            test,
            memo: vec![None; doc.sections.len()],
        }
    }

    /// Does any heading of `block`'s section path pass the test?
    pub fn any_in_path(&mut self, block: &Block) -> bool {
        self.section(block.section)
    }

    /// The answer for section `index` and its ancestors.
    fn section(&mut self, index: Option<usize>) -> bool {
        // The sections up the path whose answer is not known yet, nearest
        // first; the walk stops at a known answer or the top. A section
        // path is at most as long as the document has sections (the bound
        // also keeps a malformed parent cycle from looping).
        let mut chain = Vec::new();
        let mut cur = index;
        let mut known = false;
        while let Some(i) = cur {
            let Some(s) = self.doc.sections.get(i) else {
                break;
            };
            if let Some(Some(v)) = self.memo.get(i) {
                known = *v;
                break;
            }
            if chain.len() > self.memo.len() {
                break;
            }
            chain.push(i);
            cur = s.parent;
        }
        for &i in chain.iter().rev() {
            let title = self.doc.sections.get(i).map_or("", |s| s.title.as_str());
            known = known || (self.test)(title);
            if let Some(slot) = self.memo.get_mut(i) {
                *slot = Some(known);
            }
        }
        known
    }
}

/// The sentence range of `block` containing `offset` (falls back to the whole text).
///
/// Sentences are sorted, disjoint and never empty (a test of `document`
/// holds every parser to that): the last one starting at or before
/// `offset` is found by binary search (a run-on paragraph has thousands).
pub fn sentence_at(block: &Block, offset: usize) -> Range<usize> {
    sentence_index(block, offset)
        .and_then(|i| block.sentences.get(i))
        .cloned()
        .unwrap_or(0..block.text.len())
}

/// The index in `block.sentences` of the sentence containing `offset`.
pub fn sentence_index(block: &Block, offset: usize) -> Option<usize> {
    let contains = |r: &Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
    let i = block.sentences.partition_point(|r| r.start <= offset);
    i.checked_sub(1)
        .filter(|&i| block.sentences.get(i).is_some_and(contains))
}

/// Start of the clause containing `offset` within `sentence` of `text`:
/// after the last `;`, `:`, ` but `, ` however`, ` while `, ` whereas ` or
/// dash before it.
pub fn clause_start(text: &str, sentence: &Range<usize>, offset: usize) -> usize {
    let re = table::CLAUSE_START.regex();
    // Callers may step back a few bytes from a clause end; land on a
    // character boundary (a dash separator is three bytes).
    let offset = floor_char(text, offset);
    let start = floor_char(text, sentence.start.min(offset));
    let prefix = &text[start..offset];
    re.find_iter(prefix)
        .last()
        .map(|m| start + m.end())
        .unwrap_or(start)
}

/// Does the clause before a mention negate its use ("we do not use",
/// "we never share data with", "no", "neither … nor", "without")?
pub fn negated_before(clause_prefix: &str) -> bool {
    runtime::NEGATED_BEFORE_RE.regex().is_match(clause_prefix)
}

/// Is the mention described as self-hosted / run on own servers?
pub fn self_hosted_near(clause: &str) -> bool {
    let re = table::SELF_HOSTED_NEAR.regex();
    re.is_match(clause)
}

/// Does the mention at `range` of `block.text` only name the place a link
/// of its sentence points to — the organisation's own page on that vendor's
/// site — rather than a recipient of data?
///
/// "You can view a history of the changes to our policies [on
/// GitHub](https://github.com/acme/policies/commits)", "subscribe to our
/// [Policies repository](https://github.com/acme/policies) on GitHub",
/// "follow us [on Twitter](https://twitter.com/acme)": the vendor is named
/// after a place preposition ("on", "at", "via", "in", "from"), the
/// sentence links to a page under the vendor's own domain (a path, not the
/// bare home page: the owner's repository or profile there), and nothing
/// in the sentence moves data (share, send, process, collect, store, host,
/// use, pay, sign in, "your data" …). "We host our site [on
/// Netlify](https://netlify.com/…)" and "payments are processed by
/// [Stripe](https://stripe.com/docs)" stay recipients.
///
/// Bounded for run-on text: the preposition is looked for in the 64 bytes
/// before the name, and the sentence is read within 400 bytes of the name
/// (`rights::local_sentence`, as for negation), its links found in `links`
/// by binary search; one long sentence naming a vendor after "on" every few
/// words stays linear.
pub fn names_link_location(block: &Block, links: &LinkIndex, range: Range<usize>) -> bool {
    if block.links.is_empty() {
        return false;
    }
    let text = &block.text;
    let from = floor_char(text, range.start.saturating_sub(64));
    let (Some(before), Some(name)) = (text.get(from..range.start), text.get(range.clone())) else {
        return false;
    };
    let place = table::NAMES_LINK_LOCATION.regex();
    let Some(at) = place.find(before) else {
        return false;
    };
    // The window may cut a word ("Caron" to "on"): no preposition then.
    if at.start() == 0
        && text[..from]
            .chars()
            .next_back()
            .is_some_and(crate::lexicon::is_word_char)
    {
        return false;
    }
    let key: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if key.is_empty() {
        return false;
    }
    let (_, sentence) = super::rights::local_sentence(block, range.start, range.end);
    let links_to_own_page = links
        .overlapping(sentence.clone())
        .any(|l| page_on_domain(&l.dest, &key));
    if !links_to_own_page {
        return false;
    }
    let flow = table::FLOW_VERB_RE.regex();
    !text.get(sentence).is_some_and(|s| flow.is_match(s))
}

/// The space-delimited tokens around positions of one text ("is this name
/// part of `https://…` or `x@y`?"), for positions asked in increasing order
/// (matches as a matcher returns them). Each search resumes where the last
/// one stopped, so a block that is one long token naming a vendor every few
/// bytes (megabytes of "Stripe/Stripe/…" with no space) is read a bounded
/// number of times in all, not once per name. A position asked out of
/// order gets a fresh search: the answers never depend on the order.
pub struct Tokens<'t> {
    text: &'t str,
    /// A token starts after one of these and ends before one of those.
    opens: fn(char) -> bool,
    closes: fn(char) -> bool,
    /// `start` is the token start for positions up to `scanned`.
    scanned: usize,
    start: usize,
    end: NextAt,
    scheme: NextAt,
    at_sign: NextAt,
    slash: NextAt,
}

/// The first occurrence of a pattern at or after a position, remembered:
/// `at` is the first occurrence at or after `from` (`None`: not searched).
#[derive(Default)]
struct NextAt {
    from: usize,
    at: Option<usize>,
}

impl NextAt {
    /// The first occurrence at or after `from` found by `find`, or the text
    /// length. No occurrence lies in `self.from..at`, so any `from` in that
    /// range has the same answer.
    fn get(&mut self, text: &str, from: usize, find: impl Fn(&str) -> Option<usize>) -> usize {
        let from = floor_char(text, from);
        if let Some(at) = self.at
            && self.from <= from
            && from <= at
        {
            return at;
        }
        let at = find(&text[from..]).map_or(text.len(), |i| from + i);
        *self = NextAt { from, at: Some(at) };
        at
    }
}

impl<'t> Tokens<'t> {
    /// Tokens delimited by whitespace, a token opening after `(` or `<`
    /// and closing before `)` or `>`.
    pub fn new(text: &'t str) -> Tokens<'t> {
        Tokens::delimited_by(
            text,
            |c| c.is_whitespace() || c == '(' || c == '<',
            |c| c.is_whitespace() || c == ')' || c == '>',
        )
    }

    /// Tokens that start after a character for which `opens` holds and end
    /// before one for which `closes` holds.
    pub fn delimited_by(
        text: &'t str,
        opens: fn(char) -> bool,
        closes: fn(char) -> bool,
    ) -> Tokens<'t> {
        Tokens {
            text,
            opens,
            closes,
            scanned: 0,
            start: 0,
            end: NextAt::default(),
            scheme: NextAt::default(),
            at_sign: NextAt::default(),
            slash: NextAt::default(),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Start of the token holding `pos`: just after the last opening
    /// delimiter before it.
    pub fn start(&mut self, pos: usize) -> usize {
        let (text, opens) = (self.text, self.opens);
        let pos = floor_char(text, pos);
        let last_delimiter = |from: usize| {
            text[from..pos]
                .char_indices()
                .rev()
                .find(|&(_, c)| opens(c))
                .map(|(i, c)| from + i + c.len_utf8())
        };
        if pos < self.scanned {
            return last_delimiter(0).unwrap_or(0);
        }
        if let Some(s) = last_delimiter(self.scanned) {
            self.start = s;
        }
        self.scanned = pos;
        self.start
    }

    /// End of the token holding `pos`: the first closing delimiter at or
    /// after it (or the end of the text).
    pub fn end(&mut self, pos: usize) -> usize {
        let closes = self.closes;
        self.end.get(self.text, pos, |t| t.find(closes))
    }

    /// Does `range` of the text contain "://"?
    pub fn has_scheme(&mut self, range: Range<usize>) -> bool {
        self.scheme.get(self.text, range.start, |t| t.find("://")) + 3 <= range.end
    }

    /// Does `range` of the text contain '@'?
    pub fn has_at_sign(&mut self, range: Range<usize>) -> bool {
        self.at_sign.get(self.text, range.start, |t| t.find('@')) < range.end
    }

    /// Does `range` of the text contain '/'?
    pub fn has_slash(&mut self, range: Range<usize>) -> bool {
        self.slash.get(self.text, range.start, |t| t.find('/')) < range.end
    }
}

/// A block's links by where their text starts, to find those overlapping a
/// range by binary search instead of a scan of every link of the block
/// (a run-on paragraph may hold thousands).
pub struct LinkIndex<'b> {
    /// Sorted by text start.
    links: Vec<&'b Link>,
    /// `max_end[i]`: the largest text end among `links[..=i]`.
    max_end: Vec<usize>,
}

impl<'b> LinkIndex<'b> {
    pub fn new(block: &'b Block) -> LinkIndex<'b> {
        let mut links: Vec<&Link> = block.links.iter().collect();
        links.sort_by_key(|l| (l.text.start, l.text.end));
        let max_end = links
            .iter()
            .scan(0, |m, l| {
                *m = (*m).max(l.text.end);
                Some(*m)
            })
            .collect();
        LinkIndex { links, max_end }
    }

    /// The links whose text overlaps `range`, last first.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &'b Link> + '_ {
        let upto = self.links.partition_point(|l| l.text.start < range.end);
        (0..upto)
            .rev()
            .take_while(move |&i| self.max_end.get(i).is_some_and(|&e| e > range.start))
            .filter_map(move |i| self.links.get(i).copied())
            .filter(move |l| range.start < l.text.end)
    }
}

/// Is `dest` a page below the home page of a domain whose name is `key`
/// ("https://github.com/acme/policies" for "github")?
fn page_on_domain(dest: &str, key: &str) -> bool {
    let rest = dest
        .split_once("://")
        .map(|(scheme, r)| {
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                r
            } else {
                ""
            }
        })
        .unwrap_or(dest);
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    // The registrable name, not the top-level domain ("github" of
    // "docs.github.com").
    let named = labels.len() >= 2
        && labels[..labels.len() - 1]
            .iter()
            .any(|l| l.replace('-', "") == key);
    let path = path
        .trim_start_matches('/')
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let first = path.split('/').next().unwrap_or("").to_ascii_lowercase();
    // The vendor's own privacy, legal or company pages name the vendor
    // ("see [Stripe's privacy policy](https://stripe.com/privacy)").
    const VENDOR_PAGES: [&str; 12] = [
        "privacy",
        "legal",
        "policies",
        "policy",
        "terms",
        "gdpr",
        "security",
        "trust",
        "compliance",
        "company",
        "about",
        "dpa",
    ];
    let has_page = !first.is_empty() && !VENDOR_PAGES.contains(&first.as_str());
    named && has_page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_cues() {
        assert!(negated_before("We do not use "));
        assert!(negated_before("We do not use Google Analytics, "));
        assert!(negated_before("We don't embed "));
        assert!(negated_before("no "));
        assert!(!negated_before("We use "));
        assert!(!negated_before("Payments are processed by "));
        assert!(!negated_before(
            "Cookies that are not essential are set by "
        ));
        assert!(negated_before("Your data is not shared with "));
        assert!(negated_before("neither "));
    }

    #[test]
    fn case_blind_contains_agrees_with_lowering() {
        for hay in [
            "",
            "Cookie",
            "COOKIES",
            "a cOoKiE",
            "cookiE",
            "cooki",
            "ÉCOOKIE",
            "c o o k i e",
        ] {
            assert_eq!(
                contains_ignore_ascii_case(hay, "cookie"),
                hay.to_ascii_lowercase().contains("cookie"),
                "{hay:?}"
            );
        }
        assert!(contains_ignore_ascii_case("x", ""));
    }

    /// The per-section answer is the section path's, for every block.
    #[test]
    fn section_test_agrees_with_the_section_path() {
        use crate::document::{Document, SourceKind};
        let text = "# Privacy\n\nIntro.\n\n## Children\n\nA.\n\n### Details\n\nB.\n\n\
                    ## Other\n\nC.\n\n# Children again\n\nD.\n\n## Sub\n\nE.\n";
        let doc = Document::parse("t.md", text.to_string(), SourceKind::Markdown);
        let test = |h: &str| h.contains("Children");
        let mut memo = SectionTest::new(&doc, test);
        let mut hits = 0;
        for block in &doc.blocks {
            let want = doc.section_path(block).iter().any(|h| test(h));
            assert_eq!(memo.any_in_path(block), want, "{:?}", block.text);
            hits += usize::from(want);
        }
        // "A", "B", their headings, "D", "E" and theirs: both answers occur.
        assert!(hits >= 4 && hits < doc.blocks.len(), "{hits}");
    }

    #[test]
    fn self_hosted_cues() {
        assert!(self_hosted_near("via self-hosted Umami analytics"));
        assert!(self_hosted_near(
            "Self-hosted analytics (Plausible-compatible)"
        ));
        assert!(!self_hosted_near("hosted by Hetzner"));
    }

    /// `Tokens` answers as a fresh search from each position would,
    /// whatever order the positions come in.
    #[test]
    fn tokens_agree_with_a_fresh_search() {
        let naive_start = |t: &str, p: usize| {
            t[..p]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '<')
                .map_or(0, |(i, c)| i + c.len_utf8())
        };
        let naive_end = |t: &str, p: usize| {
            t[p..]
                .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                .map_or(t.len(), |i| p + i)
        };
        for text in [
            "see https://stripe.com/privacy or mail a@b.co (<x://y>) now",
            "Stripe/Stripe://Stripe@Stripe Stripe/ é(ü)<://>@",
            "",
            "nospace",
        ] {
            let positions: Vec<usize> = (0..=text.len())
                .filter(|&p| text.is_char_boundary(p))
                .collect();
            let orders = [
                positions.clone(),
                positions.iter().rev().copied().collect(),
                positions.iter().step_by(3).copied().collect(),
            ];
            for order in orders {
                let mut tokens = Tokens::new(text);
                for &p in &order {
                    let (s, e) = (naive_start(text, p), naive_end(text, p));
                    assert_eq!(tokens.start(p), s, "{text:?} start {p}");
                    assert_eq!(tokens.end(p), e, "{text:?} end {p}");
                    let r = s..e.max(p);
                    let token = &text[r.clone()];
                    assert_eq!(
                        tokens.has_scheme(r.clone()),
                        token.contains("://"),
                        "{text:?} {r:?}"
                    );
                    assert_eq!(
                        tokens.has_at_sign(r.clone()),
                        token.contains('@'),
                        "{text:?} {r:?}"
                    );
                    assert_eq!(
                        tokens.has_slash(p..e),
                        text[p..e].contains('/'),
                        "{text:?} {p}"
                    );
                }
            }
        }
    }

    #[test]
    fn pages_on_a_vendors_domain() {
        assert!(page_on_domain("https://github.com/acme/policies", "github"));
        assert!(page_on_domain("https://docs.github.com/en/x", "github"));
        assert!(page_on_domain("github.com/acme", "github"));
        assert!(!page_on_domain("https://github.com/", "github"));
        assert!(!page_on_domain("https://github.com", "github"));
        assert!(!page_on_domain("https://example.com/github", "github"));
        assert!(!page_on_domain("mailto:x@github.com", "github"));
        assert!(!page_on_domain("https://notgithub.com/acme", "github"));
        assert!(!page_on_domain("https://stripe.com/privacy", "stripe"));
        assert!(!page_on_domain(
            "https://www.salesforce.com/company/privacy/",
            "salesforce"
        ));
    }
}
