//! Short names a document defines for a third party: `Google, Inc.
//! (“Google”)`, `Acme Analytics Ltd. ("Acme")`, `Functional Software, Inc.
//! (the "Sentry")`. After the definition the document says only the short
//! name; each such mention is the same third party as the full name, not a
//! party of its own.
//!
//! A definition is a parenthetical holding one quoted Title-Case term right
//! after a vendor's name (a catalog name, or a recipient table row's or
//! list item's name), legal suffixes allowed in between, where the term is
//! plausibly a short form of the name: it shares a word with it, is its
//! initialism, or the catalog knows it as the same vendor. A parenthetical
//! that also defines "we"/"us" names the document's owner and is not a
//! definition here.

use std::ops::Range;

use crate::pattern::{runtime, table};

use super::third_parties::{mentions, recipient_row_name};
use crate::document::Document;
use crate::lexicon::vendors::{catalog, normalize};
use crate::lexicon::{NameMatch, NameMatcher};
use crate::model::{Evidence, MentionSource, PolicyModel, ThirdParty};

/// A definition right after `end` in `text`: (the range of `text` the
/// name's tail and parenthetical cover, the short name's range).
pub fn definition_after(text: &str, end: usize) -> Option<(Range<usize>, Range<usize>)> {
    let rest = text.get(end..)?;
    let c = runtime::DEFINITION_RE.regex().captures(rest)?;
    let whole = c.get(0)?;
    let short = c.name("short")?;
    let s = short.as_str();
    let words = s.split_whitespace().count();
    let title = s
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
    let pronoun = matches!(
        s.to_ascii_lowercase().as_str(),
        "we" | "us" | "our" | "you" | "your"
    );
    (title && (1..=4).contains(&words) && !pronoun).then(|| {
        (
            end..end + whole.end(),
            end + short.start()..end + short.end(),
        )
    })
}

/// Is `short` a plausible short form of `full`: a word of it ("Acme" of
/// "Acme Analytics Ltd."), its initialism ("AWS" of "Amazon Web
/// Services"), or the same catalog vendor?
fn short_form_of(short: &str, full: &str, catalog_id: Option<usize>) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let full_words = words(full);
    let short_words = words(short);
    let Some(first) = short_words.first() else {
        return false;
    };
    let initialism: String = full
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect::<String>()
        .to_lowercase();
    full_words.contains(first)
        || (short_words.len() == 1 && first.len() >= 2 && initialism.starts_with(first.as_str()))
        || catalog_id.is_some_and(|id| catalog().resolve(short) == Some(id))
}

/// One definition: the short name, the third party's name, and where the
/// definition stands (mentions there are the definition itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub short: String,
    /// The name the short one stands for: the catalog's name for a catalog
    /// vendor, the name as written for a vendor known by position.
    pub name: String,
    pub catalog: bool,
    /// Span of the definition (name and parenthetical) in the document.
    pub span: Range<usize>,
}

/// Every short name `doc` defines for a vendor: after a catalog name, or
/// after the name of a recipient table row or list item. `found[i]`: the
/// catalog names in block `i`'s text.
pub fn definitions(doc: &Document, found: &[Vec<NameMatch>]) -> Vec<Definition> {
    let cat = catalog();
    let mut out: Vec<Definition> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let text = &block.text;
        // Only blocks with a parenthetical that opens with a quote (which
        // needs a "(": most blocks are ruled out without the regex).
        if !text.contains('(') || !table::OPENING_RE.regex().is_match(text) {
            continue;
        }
        let mut push = |name_range: Range<usize>, name: String, catalog_id: Option<usize>| {
            let Some((def, short)) = definition_after(text, name_range.end) else {
                return;
            };
            let short = text[short].to_string();
            let written = &text[name_range.clone()];
            if normalize(&short) == normalize(&name)
                || !(short_form_of(&short, written, catalog_id)
                    || short_form_of(&short, &name, catalog_id))
                || !seen.insert(short.clone())
            {
                return;
            }
            let span = block.span_of(name_range.start..def.end);
            out.push(Definition {
                short,
                name,
                catalog: catalog_id.is_some(),
                span: span.start..span.end,
            });
        };
        for m in found.get(bi).map(Vec::as_slice).unwrap_or_default() {
            if m.ambiguous {
                continue;
            }
            if let Some(v) = cat.vendor(m.id) {
                push(m.start..m.end, v.name.to_string(), Some(m.id));
            }
        }
        if let Some(r) = recipient_row_name(doc, block) {
            let r = strip_definition(text, r);
            push(r.clone(), text[r].to_string(), None);
        }
    }
    out
}

/// `range` of `text` without a trailing definition: the name part of a
/// table cell `Acme Analytics Ltd. ("Acme")`.
pub fn strip_definition(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(cell) = text.get(range.clone()) else {
        return range;
    };
    // The parenthetical opens after the name: try each "(" of the cell.
    for (i, _) in cell.match_indices('(') {
        let name_end = range.start + cell[..i].trim_end().len();
        if let Some((def, _)) = definition_after(text, name_end)
            && def.end == range.end
            && name_end > range.start
        {
            return range.start..name_end;
        }
    }
    range
}

/// Resolve the third parties `doc` added to `model` (from index `from`)
/// through its definitions: a positional entry written as a defined short
/// name takes the full name, and each bare mention of a short name that no
/// entry covers yet becomes a mention of the full name.
///
/// `found[i]`: the catalog names in block `i`'s text.
pub fn resolve(doc: &Document, model: &mut PolicyModel, from: usize, found: &[Vec<NameMatch>]) {
    let defs = definitions(doc, found);
    if defs.is_empty() {
        return;
    }
    let shorts: Vec<String> = defs.iter().map(|d| normalize(&d.short)).collect();
    for tp in model.third_parties.iter_mut().skip(from) {
        if tp.source != MentionSource::Position {
            continue;
        }
        let name = normalize(&tp.name);
        if let Some(d) = shorts
            .iter()
            .position(|s| *s == name)
            .and_then(|i| defs.get(i))
        {
            tp.name = d.name.clone();
        }
    }
    // Shorts the catalog already reads as the same vendor are found by the
    // catalog's own pass.
    let cat = catalog();
    let patterns: Vec<(String, usize, bool)> = defs
        .iter()
        .enumerate()
        .filter(|(_, d)| !(d.catalog && cat.resolve(&d.short) == cat.resolve(&d.name)))
        .map(|(i, d)| (d.short.clone(), i, false))
        .collect();
    if patterns.is_empty() {
        return;
    }
    let matcher = NameMatcher::new(patterns);
    // Mentions already read as a party, and the definitions themselves.
    let covered = crate::span::RangeSet::new(
        model
            .third_parties
            .iter()
            .skip(from)
            .filter(|t| t.evidence.path == doc.path)
            .map(|t| t.evidence.start..t.evidence.end)
            .chain(defs.iter().map(|d| d.span.clone())),
    );
    let mut added = Vec::new();
    for m in mentions(doc, &matcher) {
        let Some(d) = defs.get(m.id) else {
            continue;
        };
        let span = m.span.start..m.span.end;
        if covered.overlaps(&span) {
            continue;
        }
        added.push(ThirdParty {
            name: d.name.clone(),
            purpose: None,
            locations: Vec::new(),
            self_hosted: m.self_hosted,
            negated: m.negated,
            evidence: Evidence::new(doc, m.span),
            source: if d.catalog {
                MentionSource::Catalog
            } else {
                MentionSource::Position
            },
        });
    }
    model.third_parties.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_after_names() {
        // range/privacy-policy.md line 91.
        let t = "a web analytics service provided by Google, Inc. (“Google”). Google";
        let end = t.find(" (").unwrap();
        let (def, short) = definition_after(t, end).unwrap();
        assert_eq!(&t[short], "Google");
        assert_eq!(&t[def], " (“Google”)");
        let t = "Acme Analytics Ltd. (the \"Acme\") — analytics";
        let (_, short) = definition_after(t, 19).unwrap();
        assert_eq!(&t[short], "Acme");
        // A catalog name followed by its legal suffix.
        let t = "Stripe, Inc. (\"Stripe\")";
        let (def, _) = definition_after(t, 6).unwrap();
        assert_eq!(def, 6..t.len());
        // The owner's "we", lower-case terms and long phrases are not short names.
        assert!(definition_after("PostHog Inc (“PostHog” or “we” or “us”)", 11).is_none());
        assert!(definition_after("Acme (\"we\")", 4).is_none());
        assert!(definition_after("Acme (\"the services\")", 4).is_none());
        assert!(definition_after("Acme (see \"Vendors\")", 4).is_none());
    }

    #[test]
    fn short_forms() {
        assert!(short_form_of("Acme", "Acme Analytics Ltd.", None));
        assert!(short_form_of("AWS", "Amazon Web Services, Inc.", None));
        assert!(!short_form_of("Services", "Stripe", None));
        assert!(!short_form_of("Agreement", "Kandra Labs", None));
    }

    #[test]
    fn table_cell_without_its_definition() {
        let t = "Acme Analytics Ltd. (\"Acme\")";
        assert_eq!(strip_definition(t, 0..t.len()), 0..19);
        assert_eq!(strip_definition("Acme (EU)", 0..9), 0..9);
    }
}
