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
//! Two cases are left to other rules so that one discrepancy gives one
//! finding: a subprocessor the policy covers only by its category of
//! recipients ("our payment provider") is
//! `inventory/subprocessor-disclosed-by-category`; one the policy names only
//! to deny it ("we do not use Mixpanel") is `claims/contradicted-claim`.
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

use super::shared::{Disclosure, subprocessor_disclosures};
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};

pub struct UndisclosedSubprocessor;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "inventory/undisclosed-subprocessor",
    default_level: Level::Error,
    source: include_str!("undisclosed_subprocessor.rs"),
    needs_inventory: true,
};

impl Rule for UndisclosedSubprocessor {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let disclosures = subprocessor_disclosures(cx);
        for (s, d) in inv.subprocessors.iter().zip(disclosures) {
            if *d != Disclosure::Missing {
                continue;
            }
            let name = &s.name.value;
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    inv.locate(s.name.span),
                    format!("{name} receives personal data but is not named in the policy set"),
                )
                .label("declared as a subprocessor here")
                .help(format!(
                    "Add {name} to the subprocessor list, or remove it from {} if it no longer receives data",
                    inv.path
                )),
            );
        }
    }
}
