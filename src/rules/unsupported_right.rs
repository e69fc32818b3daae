//! The policy promises a data-subject right that the inventory marks unsupported.
//!
//! ## What it checks
//!
//! Every right the policy set promises (`rights` in the model: access,
//! rectification, erasure, restriction, objection, portability,
//! withdraw_consent, complaint, automated_decision, opt_out_sale,
//! limit_sensitive, non_discrimination) is looked up under `rights:` in
//! `inventory.yaml`. A right marked `unsupported` there is an error, at the
//! policy's first statement of the right, with the inventory entry as the
//! related location. Rights the inventory does not mention are not
//! reported: the inventory need not list every right.
//!
//! ## Why it matters
//!
//! A right the policy offers but nobody can fulfil turns every request into
//! a breach: GDPR Art. 12(2) requires the controller to *facilitate* the
//! exercise of the rights, Art. 12(3) to answer within a month, and the
//! CCPA requires honouring requests within 45 days (§1798.130(a)(2)).
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! rights:
//!   portability: unsupported
//! ```
//!
//! with "Export — Download your project configurations and run history":
//!
//! ```text
//! error[rights/unsupported-right]: the policy promises portability, but inventory.yaml marks it unsupported
//! ```
//!
//! ## How to fix
//!
//! Build the request path (self-service or a documented on-request process)
//! and update the inventory — or stop promising the right where the law
//! does not require it.
//!
//! ## References
//!
//! GDPR Art. 12(2) and 12(3), Art. 15–22; CCPA Cal. Civ. Code §1798.100–
//! §1798.130.

use std::collections::BTreeSet;

use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::inventory::RightSupport;

pub struct UnsupportedRight;

static INFO: RuleInfo = RuleInfo {
    id: "rights/unsupported-right",
    default_level: Level::Error,
    source: include_str!("unsupported_right.rs"),
    needs_inventory: true,
};

impl Rule for UnsupportedRight {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mut reported = BTreeSet::new();
        for r in &cx.model.rights {
            let name = r.right.trim();
            let Some(entry) = inv.rights.get(name) else {
                continue;
            };
            if entry.support != RightSupport::Unsupported || !reported.insert(name.to_string()) {
                continue;
            }
            let Some(loc) = locate_evidence(cx, &r.evidence) else {
                continue;
            };
            let words = name.replace('_', " ");
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    loc,
                    format!(
                        "the policy promises {words}, but {} marks it unsupported",
                        inv.path
                    ),
                )
                .label(format!("promises {words}"))
                .related(inv.locate(entry.span), "marked unsupported here")
                .help(format!(
                    "Support the right (self-service or on request) and update `rights.{name}` in {}, or stop promising it where the law does not require it",
                    inv.path
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;
    use crate::model::RightFact;

    #[test]
    fn reports_each_unsupported_right_once() {
        let d = doc("# Rights\n\n- Export your data.\n- Delete your data.\n- Export again.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.rights = vec![
            RightFact {
                right: "portability".into(),
                evidence: ev(&d, "Export your"),
            },
            RightFact {
                right: "erasure".into(),
                evidence: ev(&d, "Delete"),
            },
            RightFact {
                right: "portability".into(),
                evidence: ev(&d, "Export again"),
            },
            RightFact {
                right: "access".into(),
                evidence: ev(&d, "your data"),
            },
        ];
        let i = inv("version: 1\nrights:\n  portability: unsupported\n  erasure: self-service\n");
        let got = run(&UnsupportedRight, &[d], &m, Some(&i));
        assert_eq!(
            brief(&got),
            [("portability".into(), "policy.md".into(), 3, 3)]
        );
        assert_eq!(got[0].related[0].location.line, 3);
        assert_eq!(got[0].related[0].location.column, 16);
    }
}
