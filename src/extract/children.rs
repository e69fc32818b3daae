//! Children: the minimum age the service is meant for.
//!
//! The stated threshold of "not intended for individuals under 16 years of
//! age", "children under the age of 13", "you must be at least 16 years
//! old", "16 or older" — in a sentence about children, minors, the intended
//! audience or knowingly collecting, or under a heading about children or
//! age. Thresholds about selling or sharing minors' data (CCPA's "we do not
//! sell the personal information of consumers under 16") and periods ("under
//! 30 days") are not minimum ages. When several are stated, the first one
//! under a children heading wins, else the first one anywhere.

use crate::pattern::table;

use super::context::SectionTest;
use super::lexicons::Input;
use super::rights::local_sentence;
use crate::model::{Children, Evidence, PolicyModel};

/// Does `text` hold an ASCII digit? (Tested 32 bytes at a time without an
/// early exit inside a chunk, which the compiler turns into vector code.)
fn has_ascii_digit(text: &str) -> bool {
    text.as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// Units that make "under 30" a period, not an age.
fn unit_after(rest: &str) -> bool {
    let r = rest.trim_start();
    let r = r.get(..r.len().min(12)).unwrap_or(r).to_ascii_lowercase();
    [
        "day", "week", "month", "hour", "minute", "second", "%", "percent", "mb", "kb", "gb",
    ]
    .iter()
    .any(|u| r.starts_with(u))
}

/// Set `model.children` from `doc` when it is not set yet.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    if model.children.is_some() {
        return;
    }
    let mut first: Option<Children> = None;
    let mut children_sections = SectionTest::new(doc, |h: &str| {
        table::CHILDREN_HEADING_RE.regex().is_match(h)
    });
    for block in &doc.blocks {
        // Every alternative of `age_re` holds an ASCII digit: a block
        // without one states no age (one byte scan instead of a search).
        if !has_ascii_digit(&block.text) {
            continue;
        }
        let in_children_section = children_sections.any_in_path(block);
        for c in table::AGE_RE.regex().captures_iter(&block.text) {
            let Some(whole) = c.get(0) else { continue };
            let Some(age) = ["a", "b", "c", "d", "e"]
                .iter()
                .find_map(|n| c.name(n))
                .and_then(|m| m.as_str().parse::<u32>().ok())
            else {
                continue;
            };
            if !(6..=21).contains(&age) || unit_after(&block.text[whole.end()..]) {
                continue;
            }
            let (_, sentence) = local_sentence(block, whole.start(), whole.end());
            let sent = &block.text[sentence];
            if table::NOT_MINIMUM_RE.regex().is_match(sent) {
                continue;
            }
            if !in_children_section && !table::CHILD_CONTEXT_RE.regex().is_match(sent) {
                continue;
            }
            let fact = Children {
                minimum_age: age,
                evidence: Evidence::new(doc, block.span_of(whole.start()..whole.end())),
            };
            if in_children_section {
                model.children = Some(fact);
                return;
            }
            if first.is_none() {
                first = Some(fact);
            }
        }
    }
    model.children = first;
}
