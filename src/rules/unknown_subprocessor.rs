//! The policy names a third party that the inventory does not list.
//!
//! ## What it checks
//!
//! Every third party extracted from the policy set — a known vendor named in
//! the text, or a row of a subprocessor table or list — must appear in
//! `inventory.yaml`, either under `subprocessors` (by name or alias, or as
//! the same vendor in candor's catalog) or under `self_hosted`. Negated
//! mentions ("we do not use Google Analytics") and tools the policy calls
//! self-hosted never count. Each unknown name is reported once, at its first
//! mention.
//!
//! ## Why it matters
//!
//! Either the policy is stale (it still lists a vendor the system dropped,
//! which misinforms users and auditors) or the inventory is incomplete (and
//! every other inventory rule is checking against a partial truth).
//!
//! ## Example
//!
//! ```markdown
//! | Subprocessor | Purpose       |
//! | ------------ | ------------- |
//! | Intercom     | Support chat  |
//! ```
//!
//! with no `Intercom` in `inventory.yaml`:
//!
//! ```text
//! warning[inventory/unknown-subprocessor]: the policy names Intercom, which inventory.yaml does not list
//! ```
//!
//! ## How to fix
//!
//! If the vendor still receives data, add it to `subprocessors:` in
//! `inventory.yaml`. If it does not, remove it from the policy. If the
//! policy uses another spelling of a listed vendor, add that spelling to the
//! subprocessor's `aliases`; if you run the tool yourself, list it under
//! `self_hosted`.

use std::collections::BTreeSet;

use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::lexicon::vendors::catalog;

pub struct UnknownSubprocessor;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/unknown-subprocessor",
    default_level: Level::Warning,
    source: include_str!("unknown_subprocessor.rs"),
    needs_inventory: true,
};

impl Rule for UnknownSubprocessor {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let cat = catalog();
        let mut reported = BTreeSet::new();
        for tp in &cx.model.third_parties {
            if tp.negated || tp.self_hosted {
                continue;
            }
            let known = inv
                .subprocessors
                .iter()
                .any(|s| s.names().any(|n| cat.same_vendor(n, &tp.name)))
                || inv
                    .self_hosted
                    .iter()
                    .any(|s| cat.same_vendor(&s.value, &tp.name));
            if known || !reported.insert(crate::lexicon::vendors::normalize(&tp.name)) {
                continue;
            }
            let Some(doc) = cx.doc(&tp.evidence.path) else {
                continue;
            };
            out.push(
                Finding::new(
                    &INFO,
                    &tp.name,
                    doc.locate(tp.evidence.span()),
                    format!(
                        "the policy names {}, which {} does not list",
                        tp.name, inv.path
                    ),
                )
                .label("named here")
                .help(format!(
                    "Add {} to `subprocessors` (or `self_hosted`) in {} if it receives data; otherwise remove it from the policy",
                    tp.name, inv.path
                )),
            );
        }
    }
}
