//! Third parties: vendors named in prose, lists, headings and tables.
//!
//! - A catalog vendor named anywhere is a mention (ambiguous short aliases
//!   such as "Box" or "Front" only inside a list item or table row).
//! - A row of a recipient table (first column under a header such as
//!   "Subprocessor", "Vendor", "Provider") or an item of a list under a
//!   recipients heading ("Subprocessors", "Third-party services") is a third
//!   party by position, even when the catalog does not know it.
//! - "We do not use X" marks X `negated`; "self-hosted X" marks it
//!   `self_hosted`.

use std::sync::OnceLock;

use regex::Regex;

use super::context::{clause_start, negated_before, self_hosted_near, sentence_at};
use crate::document::{Block, BlockKind, Document};
use crate::lexicon::vendors::catalog;
use crate::lexicon::{NameMatch, NameMatcher};
use crate::model::{Evidence, MentionSource, PolicyModel, ThirdParty};
use crate::span::Span;

/// One name found in a document, with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The matcher's id for the name.
    pub id: usize,
    pub block: usize,
    /// Range in the block's clean text.
    pub range: std::ops::Range<usize>,
    pub span: Span,
    pub negated: bool,
    pub self_hosted: bool,
    /// In a list item or table row.
    pub in_list: bool,
}

/// Every mention of `matcher`'s names in `doc`. Ambiguous names count only
/// in list items and table rows. Names inside a URL do not count.
pub fn mentions(doc: &Document, matcher: &NameMatcher) -> Vec<Mention> {
    let mut out = Vec::new();
    if matcher.is_empty() {
        return out;
    }
    for (bi, block) in doc.blocks.iter().enumerate() {
        let in_list = block.is_list_item() || block.is_table();
        for m in matcher.find(&block.text) {
            if m.ambiguous && !in_list {
                continue;
            }
            if inside_url(&block.text, &m) {
                continue;
            }
            let (negated, self_hosted) = mention_context(block, m.start, m.end);
            out.push(Mention {
                id: m.id,
                block: bi,
                range: m.start..m.end,
                span: block.span_of(m.start..m.end),
                negated,
                self_hosted,
                in_list,
            });
        }
    }
    out
}

/// (negated, self_hosted) for a mention at `start..end` of `block.text`.
pub fn mention_context(block: &Block, start: usize, end: usize) -> (bool, bool) {
    let sentence = sentence_at(block, start);
    let cs = clause_start(&block.text, &sentence, start);
    let negated = negated_before(&block.text[cs..start]);
    // Self-hosting may be said before or right after the name ("Umami,
    // which we self-host"): look at the clause up to the sentence end.
    let clause_end = sentence.end.max(end).min(block.text.len());
    let self_hosted = self_hosted_near(&block.text[cs..clause_end]);
    (negated, self_hosted)
}

/// Is the match part of a URL or e-mail address (`https://www.google.com/…`)?
fn inside_url(text: &str, m: &NameMatch) -> bool {
    let token_start = text[..m.start]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '<')
        .map(|i| i + 1)
        .unwrap_or(0);
    let token_end = text[m.end..]
        .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
        .map(|i| m.end + i)
        .unwrap_or(text.len());
    let token = &text[token_start..token_end];
    token.contains("://") || token.starts_with("www.") || token.contains('@') || {
        // "stripe.com/privacy": a domain-like token with a path.
        let after = &text[m.end..token_end];
        after.starts_with('.') && after.len() > 1 && after.contains('/')
    }
}

fn header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:sub-?processors?|processors?|vendors?|providers?|third[- ]part(?:y|ies)|recipients?|company|companies|entity|entities|service|services|partners?|name)\b")
            .expect("static regex")
    })
}

fn purpose_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:purpose|purposes|function|description|activity|activities|nature|use|usage|processing|what they do|service provided|services provided)\b")
            .expect("static regex")
    })
}

fn location_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:locations?|countr(?:y|ies)|region|regions|where|hosting location|data location|processing location)\b")
            .expect("static regex")
    })
}

fn recipients_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:sub-?processors?|third[- ]party (?:services|providers|processors|vendors)|service providers|vendors|processors we use|who we share)\b")
            .expect("static regex")
    })
}

/// Is `doc`'s table with this header a list of recipients? Its first header
/// cell names the recipient column.
fn recipient_table(header: &Block) -> bool {
    header
        .cell_texts()
        .next()
        .is_some_and(|c| header_re().is_match(c) && !purpose_re().is_match(c))
}

/// Column indexes (purpose, location) from a recipient table's header.
fn columns(header: &Block) -> (Option<usize>, Option<usize>) {
    let mut purpose = None;
    let mut location = None;
    for (i, c) in header.cell_texts().enumerate().skip(1) {
        if location.is_none() && location_re().is_match(c) {
            location = Some(i);
        } else if purpose.is_none() && purpose_re().is_match(c) {
            purpose = Some(i);
        }
    }
    (purpose, location)
}

fn clean_cell(s: &str) -> Option<String> {
    let t = s.trim().trim_matches(|c: char| c == '*' || c == '_').trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn split_locations(s: &str) -> Vec<String> {
    s.split([',', ';', '/'])
        .flat_map(|p| p.split(" and "))
        .filter_map(clean_cell)
        .collect()
}

/// The name part of a list item "Name — purpose" / "Name: purpose" /
/// "Name (purpose)": a short capitalised prefix, or `None`.
fn list_item_name(text: &str) -> Option<(std::ops::Range<usize>, Option<String>)> {
    let t = text.trim_end();
    let lead = t.len() - t.trim_start().len();
    let seps = [" — ", " – ", " - ", ": ", " ("];
    let (end, purpose) = seps
        .iter()
        .filter_map(|s| t.find(s).map(|i| (i, i + s.len(), *s == " (")))
        .min_by_key(|(i, _, _)| *i)
        .map(|(i, rest, paren)| {
            let p = t[rest..].trim();
            let p = if paren {
                p.strip_suffix(')').unwrap_or(p).trim()
            } else {
                p
            };
            (i, (!p.is_empty()).then(|| p.to_string()))
        })
        .unwrap_or((t.len(), None));
    let name = t[lead..end].trim();
    let words = name.split_whitespace().count();
    let capitalised = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (words > 0 && words <= 5 && capitalised && !name.ends_with('.'))
        .then_some((lead..lead + name.len(), purpose))
}

/// Add every third party of `doc` to `model`.
pub fn extract(doc: &Document, model: &mut PolicyModel) {
    let cat = catalog();
    let mut covered: Vec<(usize, std::ops::Range<usize>)> = Vec::new();

    // Named vendors from the catalog.
    let catalog_mentions = mentions(doc, cat.matcher());
    for m in &catalog_mentions {
        let Some(vendor) = cat.vendor(m.id) else {
            continue;
        };
        let block = &doc.blocks[m.block];
        let (purpose, locations) = row_details(doc, block);
        covered.push((m.block, m.range.clone()));
        model.third_parties.push(ThirdParty {
            name: vendor.name.to_string(),
            purpose,
            locations,
            self_hosted: m.self_hosted,
            negated: m.negated,
            evidence: Evidence::new(doc, m.span),
            source: MentionSource::Catalog,
        });
    }

    // Unknown vendors by position: first cell of a recipient table row, or
    // the name of an item in a recipients list.
    for (bi, block) in doc.blocks.iter().enumerate() {
        let name_range = match block.kind {
            BlockKind::TableRow => {
                let Some(header) = doc.table_header(block) else {
                    continue;
                };
                if !recipient_table(header) {
                    continue;
                }
                let Some(r) = block.cells.first() else {
                    continue;
                };
                let cell = &block.text[r.clone()];
                let lead = cell.len() - cell.trim_start().len();
                let name = cell.trim();
                if name.is_empty() {
                    continue;
                }
                r.start + lead..r.start + lead + name.len()
            }
            BlockKind::ListItem { .. } => {
                let under_recipients = doc
                    .section_path(block)
                    .iter()
                    .any(|h| recipients_heading_re().is_match(h));
                if !under_recipients {
                    continue;
                }
                match list_item_name(&block.text) {
                    Some((r, _)) => r,
                    None => continue,
                }
            }
            _ => continue,
        };
        if covered
            .iter()
            .any(|(b, r)| *b == bi && r.start < name_range.end && name_range.start < r.end)
        {
            continue;
        }
        let (purpose, locations) = row_details(doc, block);
        let (negated, self_hosted) = mention_context(block, name_range.start, name_range.end);
        model.third_parties.push(ThirdParty {
            name: block.text[name_range.clone()].trim().to_string(),
            purpose,
            locations,
            self_hosted,
            negated,
            evidence: Evidence::new(doc, block.span_of(name_range)),
            source: MentionSource::Position,
        });
    }
}

/// Purpose and locations for a mention in a table row or list item.
fn row_details(doc: &Document, block: &Block) -> (Option<String>, Vec<String>) {
    match block.kind {
        BlockKind::TableRow => {
            let Some(header) = doc.table_header(block) else {
                return (None, Vec::new());
            };
            if !recipient_table(header) {
                return (None, Vec::new());
            }
            let (p, l) = columns(header);
            let cells: Vec<&str> = block.cell_texts().collect();
            let purpose = p.and_then(|i| cells.get(i)).and_then(|c| clean_cell(c));
            let locations = l
                .and_then(|i| cells.get(i))
                .map(|c| split_locations(c))
                .unwrap_or_default();
            (purpose, locations)
        }
        BlockKind::ListItem { .. } => {
            (list_item_name(&block.text).and_then(|(_, p)| p), Vec::new())
        }
        _ => (None, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_item_names() {
        let (r, p) =
            list_item_name("Resend — Transactional email delivery (verification emails, alerts)")
                .unwrap();
        assert_eq!(r, 0..6);
        assert_eq!(
            p.as_deref(),
            Some("Transactional email delivery (verification emails, alerts)")
        );
        assert!(list_item_name("we use this to send you emails about your account.").is_none());
    }

    #[test]
    fn url_mentions_do_not_count() {
        let m = NameMatch {
            id: 0,
            start: 12,
            end: 18,
            ambiguous: false,
        };
        assert!(inside_url(
            "see https://stripe.com/privacy",
            &NameMatch {
                start: 12,
                end: 18,
                ..m
            }
        ));
        assert!(!inside_url(
            "we use Stripe for payments",
            &NameMatch {
                start: 7,
                end: 13,
                ..m
            }
        ));
    }
}
