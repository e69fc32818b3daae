//! An inventory subprocessor is named nowhere in the policy set.
//!
//! ## What it checks
//!
//! For every entry under `subprocessors:` in `inventory.yaml`, candor looks
//! for its name or one of its aliases — and the aliases the vendor catalog
//! knows for it ("AWS" for Amazon Web Services) — in every file of the policy
//! set, case-insensitively and on word boundaries. A mention the policy
//! negates ("we do not use Mixpanel") is not a disclosure.
//!
//! ## Why it matters
//!
//! GDPR Art. 13(1)(e) and 14(1)(e) require the policy to name the recipients
//! (or categories of recipients) of personal data, and most data-processing
//! agreements promise customers a current subprocessor list. A vendor that
//! receives data but appears nowhere in the policy is the most common way a
//! policy drifts from the system — and the most expensive one to be caught
//! with.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! subprocessors:
//!   - name: Mixpanel
//!     purpose: product analytics
//! ```
//!
//! with a policy whose subprocessor list names Stripe and Resend only:
//!
//! ```text
//! error[inventory/undisclosed-subprocessor]: Mixpanel receives personal data but is not named in the policy set
//! ```
//!
//! ## How to fix
//!
//! Add the vendor to the policy's subprocessor list (with its purpose and
//! location), or remove it from `inventory.yaml` if it no longer receives
//! personal data. If the policy names it differently, add that spelling to
//! the subprocessor's `aliases`.
//!
//! ## References
//!
//! GDPR Art. 13(1)(e), Art. 14(1)(e), Art. 28(2) and 28(4).

use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::extract::third_parties::mentions;
use crate::lexicon::NameMatcher;
use crate::lexicon::vendors::catalog;

pub struct UndisclosedSubprocessor;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/undisclosed-subprocessor",
    default_level: Level::Error,
    source: include_str!("undisclosed_subprocessor.rs"),
    needs_inventory: true,
};

/// A matcher over every inventory subprocessor's names, aliases and the
/// catalog aliases of the vendor it resolves to; ids are subprocessor indexes.
pub(crate) fn inventory_matcher(inv: &crate::inventory::Inventory) -> NameMatcher {
    let cat = catalog();
    let mut patterns = Vec::new();
    for (i, s) in inv.subprocessors.iter().enumerate() {
        for n in s.names() {
            patterns.push((n.to_string(), i, false));
        }
        if let Some(v) = cat.lookup(&s.name.value) {
            patterns.push((v.name.to_string(), i, false));
            for a in &v.aliases {
                // Cookie names are aliases in the catalog, not vendor names.
                if !a.starts_with('_') {
                    patterns.push((a.to_string(), i, false));
                }
            }
        }
    }
    NameMatcher::new(patterns)
}

impl Rule for UndisclosedSubprocessor {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let matcher = inventory_matcher(inv);
        let mut disclosed = vec![false; inv.subprocessors.len()];
        let mut negated_at = vec![None; inv.subprocessors.len()];
        for doc in cx.docs {
            for m in mentions(doc, &matcher) {
                if m.negated {
                    negated_at[m.id].get_or_insert_with(|| doc.locate(m.span));
                } else {
                    disclosed[m.id] = true;
                }
            }
        }
        for (i, s) in inv.subprocessors.iter().enumerate() {
            if disclosed[i] {
                continue;
            }
            let name = &s.name.value;
            let mut f = Finding::new(
                &INFO,
                name,
                inv.locate(s.name.span),
                format!("{name} receives personal data but is not named in the policy set"),
            )
            .label("declared as a subprocessor here")
            .help(format!(
                "Add {name} to the subprocessor list, or remove it from {} if it no longer receives data",
                inv.path
            ));
            if let Some(loc) = negated_at[i].take() {
                f = f.related(loc, format!("the policy says {name} is not used"));
            }
            out.push(f);
        }
    }
}
