//! Helpers more than one rule relies on: whether (and how) an inventory
//! subprocessor is disclosed, which category a subprocessor is in, phrase
//! matching with plurals, and the text around a piece of evidence.
//!
//! Not a rule: it has no entry in the registry.

use std::collections::HashSet;
use std::ops::Range;

use super::{Context, Location, SourceFile};
use crate::document::{Block, Document};
use crate::inventory::{Inventory, Subprocessor};
use crate::lexicon::NameMatcher;
use crate::lexicon::recipients::recipient_categories;
use crate::lexicon::vendors::{catalog, is_legal_entity_name, normalize};
use crate::model::{Evidence, PolicyModel};
use crate::span::Span;

// ---------------------------------------------------------------------------
// Mentions.

/// Every mention of `matcher`'s names in `doc`, with negation and
/// self-hosting read from the clause: the extractor's own reading.
pub(crate) use crate::extract::third_parties::mentions as find_mentions;

// ---------------------------------------------------------------------------
// Subprocessors.

/// How the policy set discloses one inventory subprocessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Disclosure {
    /// Named (by name, alias or a catalog alias) somewhere, not negated.
    Named,
    /// Named only in negated statements ("we do not use Mixpanel"): the
    /// policy denies what the inventory declares.
    Negated { location: Location },
    /// Not named, but a phrase names its category of recipients ("our
    /// payment provider").
    ByCategory {
        /// The phrase as written in the policy.
        phrase: String,
        /// The category key the phrase and the subprocessor share.
        key: String,
        location: Location,
    },
    /// Neither named nor covered by a category.
    Missing,
}

/// A matcher over every inventory subprocessor's names, aliases and the
/// catalog aliases of the vendor it resolves to, and the legal-entity names
/// of that vendor's parent company ("Google LLC" names the legal entity that
/// provides Google Analytics); ids are subprocessor indexes.
pub(crate) fn subprocessor_matcher(inv: &Inventory) -> NameMatcher {
    let cat = catalog();
    let mut patterns = Vec::new();
    for (i, s) in inv.subprocessors.iter().enumerate() {
        for n in s.names().flat_map(name_variants) {
            if let Some(idx) = cat.resolve(&n)
                && let Some(v) = cat.vendor(idx)
            {
                patterns.push((v.name.to_string(), i, false));
                for a in &v.aliases {
                    // Cookie names are aliases in the catalog, not vendor names.
                    if !a.starts_with('_') {
                        patterns.push((a.to_string(), i, false));
                    }
                }
                if let Some(p) = cat.parent(idx).and_then(|p| cat.vendor(p)) {
                    for a in std::iter::once(&p.name).chain(&p.aliases) {
                        if is_legal_entity_name(a) {
                            patterns.push((a.to_string(), i, false));
                        }
                    }
                }
            }
            patterns.push((n, i, false));
        }
    }
    NameMatcher::new(patterns)
}

/// A name and the parts a list writes in parentheses, each on its own:
/// "Microsoft (Azure)" → "Microsoft (Azure)", "Microsoft", "Azure";
/// "NexMo Inc (aka Vonage)" → …, "NexMo Inc", "Vonage". Whitespace runs
/// are read as one space ("Twilio     (SendGrid)").
pub(crate) fn name_variants(name: &str) -> Vec<String> {
    let squeezed = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = vec![squeezed.clone()];
    if let (Some(open), Some(close)) = (squeezed.find('('), squeezed.rfind(')'))
        && open < close
    {
        let outside = format!("{} {}", &squeezed[..open], &squeezed[close + 1..]);
        let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
        let inside = squeezed[open + 1..close].trim();
        let inside = inside
            .strip_prefix("aka ")
            .or_else(|| inside.strip_prefix("a.k.a. "))
            .or_else(|| inside.strip_prefix("formerly "))
            .unwrap_or(inside)
            .trim();
        for v in [outside, inside.to_string()] {
            if !v.is_empty() && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// What identifies one inventory vendor: its names and name variants,
/// normalised, and the catalog entries they resolve to. Built once per rule
/// run, so matching a mention costs two normalisations, not one per name.
pub(crate) struct VendorKeys {
    names: Vec<String>,
    catalog_ids: Vec<usize>,
    /// Parent companies of the catalog entries (Google for Google Analytics).
    parent_ids: Vec<usize>,
}

impl VendorKeys {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> VendorKeys {
        let cat = catalog();
        let mut keys = VendorKeys {
            names: Vec::new(),
            catalog_ids: Vec::new(),
            parent_ids: Vec::new(),
        };
        for n in names.flat_map(name_variants) {
            let norm = normalize(&n);
            if !norm.is_empty() && !keys.names.contains(&norm) {
                keys.names.push(norm);
            }
            if let Some(i) = cat.resolve(&n)
                && !keys.catalog_ids.contains(&i)
            {
                keys.catalog_ids.push(i);
                if let Some(p) = cat.parent(i)
                    && !keys.parent_ids.contains(&p)
                {
                    keys.parent_ids.push(p);
                }
            }
        }
        keys
    }

    /// Keys of every subprocessor of the inventory, in order.
    pub(crate) fn of_subprocessors(inv: &Inventory) -> Vec<VendorKeys> {
        inv.subprocessors
            .iter()
            .map(|s| VendorKeys::new(s.names()))
            .collect()
    }
}

/// A policy mention, normalised once: its catalog name and the text as
/// written.
pub(crate) struct MentionKeys {
    names: [String; 2],
    catalog_ids: [Option<usize>; 2],
    /// Written as a legal entity's name ("Google LLC", "Google, Inc.").
    legal_entity: bool,
}

impl MentionKeys {
    pub(crate) fn new(canonical: &str, written: &str) -> MentionKeys {
        let cat = catalog();
        MentionKeys {
            names: [normalize(canonical), normalize(written)],
            catalog_ids: [cat.resolve(canonical), cat.resolve(written)],
            legal_entity: is_legal_entity_name(written),
        }
    }

    /// Does the mention denote the inventory vendor `v` — the same
    /// normalised name ("Stripe, Inc." = "Stripe") or the same catalog entry
    /// ("AWS" = "Amazon Web Services"), for its catalog name or as written,
    /// or the legal entity of its parent company ("Google LLC" for Google
    /// Analytics; a bare "Google" is not enough)?
    pub(crate) fn denotes(&self, v: &VendorKeys) -> bool {
        let ids = || self.catalog_ids.iter().flatten();
        self.names
            .iter()
            .any(|n| !n.is_empty() && v.names.contains(n))
            || ids().any(|i| v.catalog_ids.contains(i))
            || (self.legal_entity && ids().any(|i| v.parent_ids.contains(i)))
    }
}

/// Every category key of a subprocessor: its `category` in the inventory
/// when given (then only that one); otherwise the categories its purpose
/// words put it in, then the vendor catalog's categories for it.
pub(crate) fn subprocessor_categories(s: &Subprocessor) -> Vec<String> {
    if let Some(c) = &s.category {
        return vec![c.trim().to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    if let Some(p) = &s.purpose {
        for k in recipient_categories().categories_of_purpose(p) {
            if !out.iter().any(|o| o == k) {
                out.push(k.to_string());
            }
        }
    }
    let cat = catalog();
    if let Some(v) = s.names().find_map(|n| cat.lookup(n)) {
        for k in &v.categories {
            if !out.iter().any(|o| o == k) {
                out.push(k.to_string());
            }
        }
    }
    out
}

/// What a subprocessor mainly does for this system: its `category`, else the
/// first category its purpose names, else the catalog's first category.
pub(crate) fn primary_category(s: &Subprocessor) -> Option<String> {
    subprocessor_categories(s).into_iter().next()
}

/// What the inventory rules need of one document's text, found while it is
/// in memory with the set's [`InventoryMatchers`].
#[derive(Debug, Default)]
pub struct DocMentions {
    /// [`subprocessor_disclosures`]: subprocessors (by index) named in a
    /// non-negated mention.
    named: Vec<usize>,
    /// … and those named in a negated one, each with its first such
    /// mention (in text order).
    negated: Vec<(usize, Location)>,
    /// … and the non-negated category phrases outside any place where a
    /// vendor is named, in text order; a phrase whose category keys all
    /// come earlier in the document is left out (the set-level reader
    /// takes the first phrase of a key and could never pick it).
    phrases: Vec<CategoryPhrase>,
    /// `cookies/undisclosed-cookie` ([`super::cookie_match::name_written`]):
    /// inventory cookies (by index) named in a block's clean text, named in
    /// a negated statement, and found in the raw text.
    pub(crate) cookie_clean: Vec<usize>,
    pub(crate) cookie_negated: Vec<usize>,
    pub(crate) cookie_raw: Vec<usize>,
    /// … and cookie providers (by provider group) named in a sentence that
    /// says "cookie".
    pub(crate) providers: Vec<usize>,
}

/// The inventory's name matchers, built once per set.
pub struct InventoryMatchers<'a> {
    inv: &'a Inventory,
    /// Subprocessor names (see [`subprocessor_matcher`]).
    subprocessors: NameMatcher,
    /// Inventory cookie names.
    cookies: NameMatcher,
    /// Cookie providers.
    providers: super::undisclosed_cookie::Providers,
}

impl<'a> InventoryMatchers<'a> {
    pub fn new(inv: &'a Inventory, runs: &super::Runs) -> InventoryMatchers<'a> {
        let empty = || NameMatcher::new(Vec::<(String, usize, bool)>::new());
        InventoryMatchers {
            inv,
            subprocessors: if runs.disclosures {
                subprocessor_matcher(inv)
            } else {
                empty()
            },
            cookies: if runs.cookies {
                super::cookie_match::cookie_name_matcher(inv)
            } else {
                empty()
            },
            providers: super::undisclosed_cookie::Providers::new(if runs.cookies {
                &inv.cookies
            } else {
                &[]
            }),
        }
    }

    /// What the inventory rules need of `doc` (`model`: its model, or the
    /// set's).
    pub fn mentions(&self, doc: &Document, model: &PolicyModel, runs: &super::Runs) -> DocMentions {
        let mut out = DocMentions::default();
        if runs.disclosures {
            self.disclosure_parts(doc, model, &mut out);
        }
        if runs.cookies {
            super::cookie_match::name_written_in(doc, &self.cookies, &mut out);
            out.providers = self.providers.disclosed_in(doc);
        }
        out
    }

    fn disclosure_parts(&self, doc: &Document, model: &PolicyModel, out: &mut DocMentions) {
        let n = self.inv.subprocessors.len();
        let mut named = vec![false; n];
        let mut negated = vec![false; n];
        // Where vendors are named (block, sentence start — `usize::MAX` for
        // a whole list item or table row): a category phrase there
        // describes that vendor ("Braintree. Payment processing
        // services."), not a category of recipients.
        let mut vendor_places: HashSet<(usize, usize)> = HashSet::new();
        for m in find_mentions(doc, &self.subprocessors) {
            if m.id >= n {
                continue;
            }
            if m.negated {
                if !negated[m.id] {
                    negated[m.id] = true;
                    out.negated.push((m.id, doc.locate(m.span)));
                }
            } else {
                if !named[m.id] {
                    named[m.id] = true;
                    out.named.push(m.id);
                }
                vendor_places.extend(place_of(doc, m.span));
            }
        }
        // The model's third parties: the same vendor under a catalog
        // spelling the inventory does not list.
        for tp in &model.third_parties {
            if !tp.negated && tp.evidence.path == doc.path {
                vendor_places.extend(place_of(doc, tp.evidence.span()));
            }
        }
        let r = recipient_categories();
        let mut keys_seen: HashSet<&'static str> = HashSet::new();
        for m in find_mentions(doc, r.matcher()) {
            if m.negated {
                continue;
            }
            if place_of(doc, m.span).is_some_and(|p| vendor_places.contains(&p)) {
                continue;
            }
            let Some(p) = r.phrase(m.id) else { continue };
            if p.keys.iter().all(|k| keys_seen.contains(k)) {
                continue;
            }
            keys_seen.extend(p.keys.iter().copied());
            let written = doc
                .blocks
                .get(m.block)
                .and_then(|b| b.text.get(m.range.clone()))
                .unwrap_or(&p.text)
                .to_string();
            out.phrases.push(CategoryPhrase {
                written,
                keys: p.keys.clone(),
                location: doc.locate(m.span),
            });
        }
    }
}

/// How each inventory subprocessor (by index) is disclosed in the policy set
/// (none without an inventory); computed once per [`Context`].
///
/// A positive mention anywhere wins; a vendor mentioned only in negated
/// statements is `Negated` (claims/contradicted-claim reports it); a vendor
/// not mentioned at all is `ByCategory` when a non-negated category phrase
/// covers one of its categories, else `Missing`.
pub(crate) fn subprocessor_disclosures<'c>(cx: &'c Context<'_>) -> &'c [Disclosure] {
    cx.disclosures.get_or_init(|| match cx.inventory {
        Some(inv) => disclosures(cx, inv),
        None => Vec::new(),
    })
}

fn disclosures(cx: &Context<'_>, inv: &Inventory) -> Vec<Disclosure> {
    let n = inv.subprocessors.len();
    let mut named = vec![false; n];
    let mut negated: Vec<Option<Location>> = vec![None; n];
    // Each document's mentions, in document order.
    for doc in cx.docs {
        let m = &doc.inventory;
        for &id in &m.named {
            if let Some(slot) = named.get_mut(id) {
                *slot = true;
            }
        }
        for (id, loc) in &m.negated {
            if let Some(slot) = negated.get_mut(*id)
                && slot.is_none()
            {
                *slot = Some(loc.clone());
            }
        }
    }
    // The model's third parties: the same vendor under a catalog spelling
    // the inventory does not list.
    let keys = VendorKeys::of_subprocessors(inv);
    for tp in &cx.model.third_parties {
        let written = cx
            .doc(&tp.evidence.path)
            .and_then(|d| d.written(tp.evidence.span()))
            .unwrap_or("");
        let mention = MentionKeys::new(&tp.name, written);
        for (i, k) in keys.iter().enumerate() {
            if !mention.denotes(k) {
                continue;
            }
            if tp.negated {
                if negated[i].is_none()
                    && let Some(loc) = locate_evidence(cx, &tp.evidence)
                {
                    negated[i] = Some(loc);
                }
            } else {
                named[i] = true;
            }
        }
    }
    let phrases: Vec<&CategoryPhrase> = cx.docs.iter().flat_map(|d| &d.inventory.phrases).collect();
    inv.subprocessors
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if named[i] {
                return Disclosure::Named;
            }
            if let Some(location) = negated[i].take() {
                return Disclosure::Negated { location };
            }
            let cats = subprocessor_categories(s);
            for p in &phrases {
                if let Some(k) = p.keys.iter().find(|k| cats.iter().any(|c| c == *k)) {
                    return Disclosure::ByCategory {
                        phrase: p.written.clone(),
                        key: k.to_string(),
                        location: p.location.clone(),
                    };
                }
            }
            Disclosure::Missing
        })
        .collect()
}

/// A non-negated recipient-category phrase found in the policy set.
#[derive(Debug, Clone)]
struct CategoryPhrase {
    written: String,
    keys: Vec<&'static str>,
    location: Location,
}

/// (block, sentence start) of a span; the sentence start is `usize::MAX`
/// in list items and table rows, which count as one place.
fn place_of(doc: &Document, span: Span) -> Option<(usize, usize)> {
    let s = surroundings(doc, span)?;
    let whole = doc
        .blocks
        .get(s.block_index)
        .is_some_and(|b| b.is_list_item() || b.is_table());
    let sentence = if whole {
        usize::MAX
    } else {
        s.sentence_range.start
    };
    Some((s.block_index, sentence))
}

// ---------------------------------------------------------------------------
// Evidence and its surroundings.

/// The location of a model fact's evidence, when its document is in the set.
pub(crate) fn locate_evidence(cx: &Context<'_>, ev: &Evidence) -> Option<Location> {
    cx.doc(&ev.path)?.locate(ev.span())
}

/// The text around a piece of evidence, from the narrowest to the widest.
pub(crate) struct Surroundings<'a> {
    /// Index of the block in `Document::blocks`.
    pub block_index: usize,
    /// The sentence's range in the block's text.
    pub sentence_range: Range<usize>,
    /// The sentence the evidence starts in.
    pub sentence: &'a str,
    /// The whole block (paragraph, list item, table row).
    pub block: &'a str,
    /// The heading path, innermost first.
    pub headings: Vec<&'a str>,
}

/// Offset in `block.text` of original offset `orig`, if the block maps it.
fn clean_offset(block: &Block, orig: usize) -> Option<usize> {
    block.map.iter().find_map(|seg| {
        let end = seg.orig + seg.orig_len.max(1);
        (seg.orig <= orig && orig < end).then(|| {
            if seg.exact {
                seg.clean + (orig - seg.orig).min(seg.len)
            } else {
                seg.clean
            }
        })
    })
}

/// The block of `doc` whose span contains `span.start`: the innermost one
/// (list items nest). Blocks are in document order (sorted by start), so
/// this is a binary search and a short walk back: the containing block with
/// the latest start is the innermost.
pub(crate) fn block_at(doc: &Document, span: Span) -> Option<(usize, &Block)> {
    let pos = span.start;
    let after = doc.blocks.partition_point(|b| b.span.start <= pos);
    (0..after)
        .rev()
        .take(256)
        .find(|&i| {
            let b = &doc.blocks[i];
            b.span.start <= pos && pos < b.span.end.max(b.span.start + 1)
        })
        .map(|i| (i, &doc.blocks[i]))
}

pub(crate) fn surroundings(doc: &Document, span: Span) -> Option<Surroundings<'_>> {
    let (block_index, block) = block_at(doc, span)?;
    let at = clean_offset(block, span.start).unwrap_or(0);
    let sentence_range: Range<usize> = block
        .sentences
        .iter()
        .find(|r| r.start <= at && at < r.end.max(r.start + 1))
        .cloned()
        .unwrap_or(0..block.text.len());
    let sentence = block
        .text
        .get(sentence_range.clone())
        .unwrap_or(&block.text);
    let mut headings = doc.section_path(block);
    headings.reverse();
    Some(Surroundings {
        block_index,
        sentence_range,
        sentence,
        block: &block.text,
        headings,
    })
}

// ---------------------------------------------------------------------------
// Phrases.

/// `phrase` and its plural spellings, for a [`NameMatcher`]: "project" also
/// matches "projects", "address" also "addresses", "entry" also "entries".
pub(crate) fn with_plurals(phrase: &str) -> Vec<String> {
    let p = phrase.trim();
    if p.is_empty() {
        return Vec::new();
    }
    let mut v = vec![p.to_string()];
    let lower = p.to_ascii_lowercase();
    if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        v.push(format!("{p}es"));
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        v.push(format!("{}ies", &p[..p.len() - 1]));
    } else {
        v.push(format!("{p}s"));
    }
    v
}

/// Is `name` written in `text` only as a lower-case common word where the
/// vendor spells itself with capitals ("make" for the vendor Make)?
pub(crate) fn written_as_common_word(written: &str, canonical: &str) -> bool {
    let w = written.trim();
    !w.is_empty()
        && w.chars().all(|c| !c.is_uppercase())
        && canonical.chars().any(char::is_uppercase)
}

/// Do two e-mail addresses denote the same mailbox (case-insensitive,
/// `mailto:` and surrounding punctuation ignored)?
pub(crate) fn same_email(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> String {
        let s = s.trim();
        let s = s
            .strip_prefix("mailto:")
            .or_else(|| s.strip_prefix("MAILTO:"))
            .unwrap_or(s);
        s.trim_matches(|c: char| c == '<' || c == '>' || c == '.' || c == ',' || c.is_whitespace())
            .to_lowercase()
    }
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_of_names_with_parentheses() {
        assert_eq!(
            name_variants("Microsoft (Azure)"),
            ["Microsoft (Azure)", "Microsoft", "Azure"]
        );
        assert_eq!(
            name_variants("Twilio     (SendGrid)"),
            ["Twilio (SendGrid)", "Twilio", "SendGrid"]
        );
        assert_eq!(
            name_variants("NexMo Inc (aka Vonage)"),
            ["NexMo Inc (aka Vonage)", "NexMo Inc", "Vonage"]
        );
        assert_eq!(name_variants("Stripe"), ["Stripe"]);
        assert_eq!(name_variants("odd ) ( name"), ["odd ) ( name"]);
    }

    #[test]
    fn plurals() {
        assert_eq!(with_plurals("project"), ["project", "projects"]);
        assert_eq!(with_plurals("address"), ["address", "addresses"]);
        assert_eq!(with_plurals("entry"), ["entry", "entries"]);
        assert_eq!(with_plurals("key"), ["key", "keys"]);
        assert!(with_plurals("  ").is_empty());
    }

    #[test]
    fn common_words() {
        assert!(written_as_common_word("make", "Make"));
        assert!(!written_as_common_word("Make", "Make"));
        assert!(!written_as_common_word("imgix", "imgix"));
    }

    #[test]
    fn emails() {
        assert!(same_email(
            "Privacy@Example.com",
            "mailto:privacy@example.com"
        ));
        assert!(!same_email("privacy@example.com", "dpo@example.com"));
        assert!(!same_email("", ""));
    }
}

/// Building blocks for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::Arc;

    use super::super::{Context, Finding, Rule};
    use crate::document::{Document, SourceKind};
    use crate::inventory::Inventory;
    use crate::model::{Evidence, PolicyModel};
    use crate::span::Span;

    /// A Markdown policy at `policy.md`.
    pub fn doc(text: &str) -> Document {
        Document::parse("policy.md", text.to_string(), SourceKind::Markdown)
    }

    /// An inventory at `inventory.yaml`; panics on a malformed test inventory.
    pub fn inv(yaml: &str) -> Inventory {
        match Inventory::from_str("inventory.yaml", Arc::from(yaml)) {
            Ok(i) => i,
            Err(e) => panic!("test inventory does not load: {e:?}"),
        }
    }

    /// The model candor extracts from `docs` (third parties, …).
    pub fn model(docs: &[Document]) -> PolicyModel {
        crate::extract::extract_set(docs)
    }

    /// Evidence for the first occurrence of `needle` in `doc`.
    pub fn ev(doc: &Document, needle: &str) -> Evidence {
        let start = doc
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the test document"));
        Evidence::new(doc, Span::new(start, start + needle.len()))
    }

    /// Run one rule.
    pub fn run(
        rule: &dyn Rule,
        docs: &[Document],
        model: &PolicyModel,
        inv: Option<&Inventory>,
    ) -> Vec<Finding> {
        let docs = crate::summary::summarize_all(docs, model, inv);
        let cx = Context::new(&docs, model, inv);
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out
    }

    /// (subject, path, line, column) of each finding.
    pub fn brief(findings: &[Finding]) -> Vec<(String, String, usize, usize)> {
        findings
            .iter()
            .map(|f| {
                (
                    f.subject.clone(),
                    f.location.path.clone(),
                    f.location.line,
                    f.location.column,
                )
            })
            .collect()
    }
}
