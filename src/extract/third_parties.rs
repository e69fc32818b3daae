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
//! - A vendor named only as the place a link points to ("a history of our
//!   policies [on GitHub](https://github.com/acme/policies)"), in a
//!   sentence that moves no data, is not a third party.

use crate::pattern::table;

use super::context::{
    LinkIndex, Tokens, clause_start, names_link_location, negated_before, self_hosted_near,
};
use super::lexicons::{Input, Lexicon};
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
        block_mentions(doc, bi, &matcher.find(&block.text), &[], &mut out);
    }
    out
}

/// The mentions of block `bi` of `doc`, from the names `found` in its text,
/// appended to `out` (see [`mentions`]). Mentions of the ids in `bare` get
/// no context (`negated` and `self_hosted` false): the caller does not
/// read it.
fn block_mentions(
    doc: &Document,
    bi: usize,
    found: &[NameMatch],
    bare: &[usize],
    out: &mut Vec<Mention>,
) {
    let Some(block) = doc.blocks.get(bi) else {
        return;
    };
    if found.is_empty() {
        return;
    }
    let in_list = block.is_list_item() || block.is_table();
    // Only an ambiguous name needs the row's name.
    let row_name = std::cell::OnceCell::new();
    let mut tokens = Tokens::new(&block.text);
    for m in found {
        // A common word ("Box", "Front", "Make") names a vendor only as
        // the name of a row in a recipient list or table.
        if m.ambiguous
            && row_name
                .get_or_init(|| recipient_row_name(doc, block))
                .as_ref()
                .is_none_or(|r| r.start != m.start || r.end != m.end)
        {
            continue;
        }
        if inside_url(&mut tokens, m) {
            continue;
        }
        let (negated, self_hosted) = if bare.contains(&m.id) {
            (false, false)
        } else {
            mention_context(block, m.start, m.end)
        };
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

/// (negated, self_hosted) for a mention at `start..end` of `block.text`.
///
/// The clause is looked for within the sentence's part that lies at most
/// 400 bytes from the mention (as for rights and claims): a run-on
/// paragraph of megabytes with a vendor every few words stays linear.
pub fn mention_context(block: &Block, start: usize, end: usize) -> (bool, bool) {
    let (_, sentence) = super::rights::local_sentence(block, start, end);
    let cs = clause_start(&block.text, &sentence, start);
    let negated = negated_before(&block.text[cs..start]);
    // Self-hosting may be said before or right after the name ("Umami,
    // which we self-host"): look at the clause up to the sentence end.
    let clause_end = sentence.end.max(end).min(block.text.len());
    let self_hosted = self_hosted_near(&block.text[cs..clause_end]);
    (negated, self_hosted)
}

/// Is the match part of a URL or e-mail address (`https://www.google.com/…`)?
/// `tokens` reads the match's block; matches come in order of position.
fn inside_url(tokens: &mut Tokens, m: &NameMatch) -> bool {
    let token_start = tokens.start(m.start);
    let token_end = tokens.end(m.end).max(m.end);
    let token = tokens.text().get(token_start..token_end).unwrap_or("");
    let after = tokens.text().get(m.end..token_end).unwrap_or("");
    token.starts_with("www.")
        || tokens.has_scheme(token_start..token_end)
        || tokens.has_at_sign(token_start..token_end)
        // "stripe.com/privacy": a domain-like token with a path.
        || (after.starts_with('.') && after.len() > 1 && tokens.has_slash(m.end..token_end))
}

/// Is `doc`'s table with this header a list of recipients? Its first header
/// cell names the recipient column, and no column describes cookies
/// (a cookie table's "Name" column holds cookie names, not vendors).
fn recipient_table(header: &Block) -> bool {
    let cookie = table::RECIPIENT_TABLE_COOKIE.regex();
    let cells: Vec<&str> = header.cell_texts().collect();
    let Some(first) = cells.first() else {
        return false;
    };
    let first_ok =
        table::HEADER_RE.regex().is_match(first) && !table::PURPOSE_RE.regex().is_match(first);
    let generic_first = first.trim().eq_ignore_ascii_case("name");
    first_ok
        && !(generic_first && cells.iter().any(|c| cookie.is_match(c)))
        && !cookie.is_match(first)
}

/// Column indexes (purpose, location) from a recipient table's header.
fn columns(header: &Block) -> (Option<usize>, Option<usize>) {
    let mut purpose = None;
    let mut location = None;
    for (i, c) in header.cell_texts().enumerate().skip(1) {
        if location.is_none() && table::LOCATION_RE.regex().is_match(c) {
            location = Some(i);
        } else if purpose.is_none() && table::PURPOSE_RE.regex().is_match(c) {
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
        .filter_map(|s| t.find(s).map(|i| (i, i + s.len(), *s == " (", false)))
        .chain(name_full_stop(t).map(|i| (i, i + 2, false, true)))
        .min_by_key(|(i, _, _, _)| *i)
        .map(|(i, rest, paren, stop)| {
            // "Acme Analytics Ltd. ("Acme") — analytics": the purpose
            // follows the short name the item defines.
            if paren && let Some((def, _)) = super::defined::definition_after(t, i) {
                let p = t[def.end..]
                    .trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | ',' | '.')
                    })
                    .trim_end();
                let p = p.strip_suffix('.').unwrap_or(p).trim();
                return (i, (!p.is_empty()).then(|| p.to_string()));
            }
            let p = t[rest..].trim();
            let p = if paren {
                p.strip_suffix(')').unwrap_or(p).trim()
            } else if stop {
                // "Convex. Data storage." → "Data storage"
                p.strip_suffix('.').unwrap_or(p).trim()
            } else {
                p
            };
            (i, (!p.is_empty()).then(|| p.to_string()))
        })
        .unwrap_or((t.len(), None));
    let name = without_policy_suffix(t[lead..end].trim());
    let words = name.split_whitespace().count();
    // "Resend", "1Password"; "hCaptcha" and "eBay" are names too.
    let first_word = name.split_whitespace().next().unwrap_or("");
    let capitalised = first_word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || first_word.chars().skip(1).any(char::is_uppercase);
    // A full stop ends a sentence, not a name, unless it closes a legal
    // suffix ("Acme Analytics Ltd. — analytics").
    let stop_ok = !name.ends_with('.') || crate::lexicon::vendors::is_legal_entity_name(name);
    (words > 0 && words <= 5 && capitalised && stop_ok)
        .then_some((lead..lead + name.len(), purpose))
}

/// "Miro Privacy Policy" (a link to the vendor's policy) names Miro.
fn without_policy_suffix(name: &str) -> &str {
    for suffix in [
        "'s Privacy Policy",
        "’s Privacy Policy",
        " Privacy Policy",
        " Privacy Notice",
        " Privacy Statement",
    ] {
        if let Some(n) = name.strip_suffix(suffix) {
            return n.trim_end();
        }
    }
    name
}

/// Where a list item "Name. Purpose." ends its name: the first ". " before
/// a capital letter that does not follow an abbreviation ("J. Doe", "U.S.",
/// "St."). A legal suffix ends a name: "Acme, Inc. Payments." is "Acme, Inc"
/// and "Payments".
fn name_full_stop(t: &str) -> Option<usize> {
    const ABBREVIATIONS: [&str; 5] = ["st", "etc", "vs", "no", "dr"];
    let mut from = 0;
    while let Some(p) = t.get(from..).and_then(|r| r.find(". ")) {
        let i = from + p;
        from = i + 2;
        let capital_next = t[i + 2..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
        if !capital_next {
            continue;
        }
        // The part before is a name, not a sentence ("We share data with
        // these. See below."): every word capitalised or a connector.
        let name_like = t[..i].split_whitespace().all(|w| {
            w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "of" | "and" | "for" | "de" | "la" | "the" | "&" | "+")
        });
        if !name_like {
            return None;
        }
        let word = t[..i]
            .rsplit(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("");
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if crate::lexicon::vendors::is_legal_suffix(&bare) {
            return Some(i);
        }
        // "U.S.", "e.g." and "S.A." are abbreviations; "Convert.com" is a name.
        let dotted = word.contains('.')
            && word.split('.').all(|part| {
                part.trim_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .count()
                    <= 2
            });
        if bare.chars().count() > 1 && !dotted && !ABBREVIATIONS.contains(&bare.as_str()) {
            return Some(i);
        }
    }
    None
}

/// The range of `block.text` that names a recipient by position: the first
/// cell of a recipient table row, or the name part of an item in a list under
/// a recipients heading.
pub fn recipient_row_name(doc: &Document, block: &Block) -> Option<std::ops::Range<usize>> {
    match block.kind {
        BlockKind::TableRow => {
            let header = doc.table_header(block)?;
            if !recipient_table(header) {
                return None;
            }
            let r = block.cells.first()?;
            let cell = &block.text[r.clone()];
            let lead = cell.len() - cell.trim_start().len();
            let name = cell.trim();
            // "Acme Analytics Ltd. ("Acme")": the name without the short
            // name it defines.
            (!name.is_empty()).then(|| {
                super::defined::strip_definition(
                    &block.text,
                    r.start + lead..r.start + lead + name.len(),
                )
            })
        }
        BlockKind::ListItem { .. } => {
            let under_recipients = doc
                .section_path(block)
                .iter()
                .any(|h| table::RECIPIENTS_HEADING_RE.regex().is_match(h));
            if !under_recipients {
                return None;
            }
            list_item_name(&block.text).map(|(r, _)| r)
        }
        _ => None,
    }
}

/// Catalog vendors that own the document: named in its title or leading
/// headings ("GitHub General Privacy Statement"), or defined as "we"
/// ("GitHub, Inc. (“GitHub”, “we”, or “us”)"). They are not third parties.
///
/// `found[i]`: the catalog names in block `i`'s text.
fn owners(doc: &Document, found: &[Vec<NameMatch>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut titles: Vec<&str> = doc.front_matter.title.iter().map(String::as_str).collect();
    titles.extend(
        doc.sections
            .iter()
            .take(2)
            .filter(|s| s.level <= 1)
            .map(|s| s.title.as_str()),
    );
    for t in titles {
        out.extend(
            super::lexicons::vendors_in(t)
                .into_iter()
                .filter(|m| !m.ambiguous)
                .map(|m| m.id),
        );
    }
    // "… (“PostHog” or “we” or “us”)", "Automattic Inc. and its affiliates
    // ("Automattic," "we," or "us")": a quoted we/us/our in the same
    // parenthetical, shortly after the name.
    let we = table::QUOTED_WE_RE.regex();
    let mut counts: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut early = Vec::new();
    for (bi, (block, found)) in doc.blocks.iter().zip(found).enumerate() {
        for m in found {
            if m.ambiguous {
                continue;
            }
            *counts.entry(m.id).or_default() += 1;
            if bi < 3 {
                early.push(m.id);
            }
            if bi < 40 && we.is_match(&block.text[m.end..]) {
                out.push(m.id);
            }
        }
    }
    // A vendor named in the opening and far more often than any other is
    // the document's own organisation ("what GitHub is", "GitHub's services").
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(id, n)| (n, id)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    if let Some(&(n, id)) = ranked.first() {
        let runner_up = ranked.get(1).map(|r| r.0).unwrap_or(0);
        if n >= 5 && n >= 3 * runner_up.max(1) && early.contains(&id) {
            out.push(id);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Unknown names enumerated together with known vendors: in "partners
/// including DonorBox, The Giving Block, Stripe, Shopify, and PayPal", a
/// run of three or more short Title-Case items of which at least two are
/// catalog vendors makes the other items vendors too. Returns ranges of
/// `text` for the inferred names.
pub fn enumerated_siblings(
    text: &str,
    known: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    if known.len() < 2 {
        return Vec::new();
    }
    // Split into items at commas, semicolons, "and", "or", "&", "/".
    let sep = table::ENUMERATED_SIBLINGS_SEP.regex();
    let mut items: Vec<std::ops::Range<usize>> = Vec::new();
    let mut last = 0;
    for m in sep.find_iter(text) {
        items.push(last..m.start());
        last = m.end();
    }
    items.push(last..text.len());
    // Each item's name: its trailing run of Title-Case words (so "partners
    // including DonorBox" yields "DonorBox"); items are kept only when the
    // whole item is that name, except the run's first item.
    let name_of = |r: &std::ops::Range<usize>, first: bool| -> Option<std::ops::Range<usize>> {
        let item = &text[r.clone()];
        let trimmed_end =
            item.trim_end_matches(|c: char| c == '.' || c == ')' || c.is_whitespace());
        let words: Vec<(usize, &str)> = trimmed_end
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut start_idx = words.len();
        for (i, (_, w)) in words.iter().enumerate().rev() {
            let title = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if title && words.len() - i <= 4 {
                start_idx = i;
            } else {
                break;
            }
        }
        if start_idx == words.len() || (!first && start_idx != 0) {
            return None;
        }
        let s = words[start_idx].0;
        let e = r.start + trimmed_end.len();
        (s < e).then_some(s..e)
    };
    // Does a name overlap a known vendor? One binary search per name, not
    // a scan (a run-on paragraph names thousands of vendors).
    let known = crate::span::RangeSet::new(known.iter().cloned());
    let is_known = |n: &std::ops::Range<usize>| known.overlaps(n);
    let mut out = Vec::new();
    let mut run: Vec<std::ops::Range<usize>> = Vec::new();
    let flush = |run: &mut Vec<std::ops::Range<usize>>, out: &mut Vec<std::ops::Range<usize>>| {
        let hits = run.iter().filter(|n| is_known(n)).count();
        if run.len() >= 3 && hits >= 2 {
            out.extend(run.iter().filter(|n| !is_known(n)).cloned());
        }
        run.clear();
    };
    for item in &items {
        match name_of(item, run.is_empty()) {
            Some(n) => run.push(n),
            None => {
                flush(&mut run, &mut out);
                if let Some(n) = name_of(item, true) {
                    run.push(n);
                }
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Add every third party of `doc` to `model`.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let from = model.third_parties.len();
    let cat = catalog();
    let mut covered: Vec<(usize, std::ops::Range<usize>)> = Vec::new();

    // Named vendors from the catalog. Each block is searched once: the
    // names found serve the mentions, the owners and the definitions.
    let found = input.hits(Lexicon::Vendors);
    let owners = owners(doc, found);
    // The owners' mentions only cover their text (see below): their
    // context is not needed.
    let mut catalog_mentions = Vec::new();
    for (bi, f) in found.iter().enumerate() {
        block_mentions(doc, bi, f, &owners, &mut catalog_mentions);
    }
    // A tool the document calls self-hosted once is self-hosted wherever
    // it is named again ("self-hosted Umami … Umami is cookie-free").
    let self_hosted: Vec<usize> = catalog_mentions
        .iter()
        .filter(|m| m.self_hosted && !m.negated)
        .map(|m| m.id)
        .collect();
    // Row details and links per block, computed once (mentions come in
    // block order).
    let mut details: Option<(usize, RowDetails)> = None;
    let mut links: Option<(usize, LinkIndex)> = None;
    for m in &catalog_mentions {
        let Some(vendor) = cat.vendor(m.id) else {
            continue;
        };
        if owners.contains(&m.id) {
            covered.push((m.block, m.range.clone()));
            continue;
        }
        let block = &doc.blocks[m.block];
        covered.push((m.block, m.range.clone()));
        // "… the history of our policies [on GitHub](…)": where a link
        // points, not a recipient (a list or table row still is one).
        if !block.is_table() && !block.links.is_empty() {
            if links.as_ref().is_none_or(|(b, _)| *b != m.block) {
                links = Some((m.block, LinkIndex::new(block)));
            }
            if let Some((_, index)) = &links
                && names_link_location(block, index, m.range.clone())
                && recipient_row_name(doc, block).is_none()
            {
                continue;
            }
        }
        let (purpose, locations) = match &details {
            Some((b, d)) if *b == m.block => d.clone(),
            _ => {
                let d = row_details(doc, block);
                details = Some((m.block, d.clone()));
                d
            }
        };
        model.third_parties.push(ThirdParty {
            name: vendor.name.to_string(),
            purpose,
            locations,
            self_hosted: m.self_hosted || (!m.negated && self_hosted.contains(&m.id)),
            negated: m.negated,
            evidence: Evidence::new(doc, m.span),
            source: MentionSource::Catalog,
        });
    }

    // Unknown vendors enumerated with known ones. Mentions come sorted by
    // block and start: each sentence's are found by binary search.
    for (bi, block) in doc.blocks.iter().enumerate() {
        let lo = catalog_mentions.partition_point(|m| m.block < bi);
        let hi = catalog_mentions.partition_point(|m| m.block <= bi);
        let in_block = catalog_mentions.get(lo..hi).unwrap_or_default();
        for sentence in &block.sentences {
            let from = in_block.partition_point(|m| m.range.start < sentence.start);
            let to = in_block.partition_point(|m| m.range.start < sentence.end);
            // `enumerated_siblings` answers nothing for fewer than two
            // known ranges, and `known` below is a subset of these.
            if to < from + 2 {
                continue;
            }
            let known: Vec<std::ops::Range<usize>> = in_block
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .filter(|m| m.range.end <= sentence.end)
                .map(|m| m.range.start - sentence.start..m.range.end - sentence.start)
                .collect();
            for r in enumerated_siblings(&block.text[sentence.clone()], &known) {
                let range = sentence.start + r.start..sentence.start + r.end;
                // "[Trello Privacy Policy](…) and [Miro Privacy Policy](…)".
                let name_len = without_policy_suffix(&block.text[range.clone()]).len();
                let range = range.start..range.start + name_len;
                let (negated, self_hosted) = mention_context(block, range.start, range.end);
                covered.push((bi, range.clone()));
                model.third_parties.push(ThirdParty {
                    name: block.text[range.clone()].to_string(),
                    purpose: None,
                    locations: Vec::new(),
                    self_hosted,
                    negated,
                    evidence: Evidence::new(doc, block.span_of(range)),
                    source: MentionSource::Position,
                });
            }
        }
    }

    // Unknown vendors by position: first cell of a recipient table row, or
    // the name of an item in a recipients list.
    let mut covered_by_block: std::collections::HashMap<usize, Vec<std::ops::Range<usize>>> =
        std::collections::HashMap::new();
    for (b, r) in covered {
        covered_by_block.entry(b).or_default().push(r);
    }
    for (bi, block) in doc.blocks.iter().enumerate() {
        let Some(name_range) = recipient_row_name(doc, block) else {
            continue;
        };
        if covered_by_block.get(&bi).is_some_and(|rs| {
            rs.iter()
                .any(|r| r.start < name_range.end && name_range.start < r.end)
        }) {
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

    // Short names the document defines ("Acme Analytics Ltd. ("Acme")")
    // stand for the full name wherever they are used.
    super::defined::resolve(doc, model, from, found);
}

/// Purpose and locations of a recipient row.
type RowDetails = (Option<String>, Vec<String>);

/// Purpose and locations for a mention in a table row or list item.
fn row_details(doc: &Document, block: &Block) -> RowDetails {
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
        // "Resend — transactional email" under "Subprocessors"; outside a
        // recipient list the rest of an item is no purpose ("Stripe — we do
        // not store your card number").
        BlockKind::ListItem { .. } if recipient_row_name(doc, block).is_some() => {
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
        // namesake/subprocessors.md line 10, without its link.
        let (r, p) = list_item_name("Convex. Data storage.").unwrap();
        assert_eq!((r, p.as_deref()), (0..6, Some("Data storage")));
        assert!(list_item_name("We share data with these. See below.").is_none());
    }

    #[test]
    fn enumerated_siblings_of_known_vendors() {
        // letsencrypt/privacy-policy.md, line 33.
        let text = "Donations are processed by our trusted payment partners including DonorBox, The Giving Block, Stripe, Shopify, and PayPal, depending on the payment method selected.";
        let known: Vec<std::ops::Range<usize>> = ["Stripe", "Shopify", "PayPal"]
            .iter()
            .map(|n| {
                let i = text.find(n).unwrap();
                i..i + n.len()
            })
            .collect();
        let got: Vec<&str> = enumerated_siblings(text, &known)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["DonorBox", "The Giving Block"]);
        // One known vendor is not enough evidence of a vendor list.
        assert!(
            enumerated_siblings("We use Stripe, Rails, Postgres and Linux.", &known[..1])
                .is_empty()
        );
        // Lower-case items break the run.
        let t2 = "We share data with Stripe, PayPal, our auditors and Law Enforcement.";
        let k2 = vec![19..25, 27..33];
        assert!(enumerated_siblings(t2, &k2).is_empty());
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
            &mut Tokens::new("see https://stripe.com/privacy"),
            &NameMatch {
                start: 12,
                end: 18,
                ..m
            }
        ));
        assert!(!inside_url(
            &mut Tokens::new("we use Stripe for payments"),
            &NameMatch {
                start: 7,
                end: 13,
                ..m
            }
        ));
    }
}
