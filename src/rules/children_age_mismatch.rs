//! The policy's minimum age differs from the inventory's.
//!
//! ## What it checks
//!
//! When the policy set states a minimum age ("not intended for individuals
//! under 16", `children.minimum_age` in the model) and `inventory.yaml`
//! states `children.minimum_age`, the two must be equal. The finding points
//! at the policy's statement, with the inventory value as the related
//! location. Nothing is reported when only one side states an age.
//!
//! ## Why it matters
//!
//! The age threshold decides which consent rules apply: GDPR Art. 8 (13 to
//! 16 depending on the member state), COPPA (under 13), CCPA
//! §1798.120(c) (opt-in for sale under 16). A sign-up flow that admits
//! 13-year-olds under a policy that says "16 and over" breaks the policy's
//! own promise — and possibly parental-consent law.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! children: { minimum_age: 13 }
//! ```
//!
//! with "The Service is not intended for individuals under 16 years of age":
//!
//! ```text
//! warning[inventory/children-age-mismatch]: the policy sets the minimum age at 16, but inventory.yaml says 13
//! ```
//!
//! ## How to fix
//!
//! Decide which age the product enforces, then make the policy and
//! `children.minimum_age` say the same.
//!
//! ## References
//!
//! GDPR Art. 8(1); COPPA, 16 CFR Part 312; CCPA Cal. Civ. Code
//! §1798.120(c).

use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};

pub struct ChildrenAgeMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/children-age-mismatch",
    default_level: Level::Warning,
    source: include_str!("children_age_mismatch.rs"),
    needs_inventory: true,
};

impl Rule for ChildrenAgeMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let (Some(policy), Some(system)) = (&cx.model.children, &inv.children_min_age) else {
            return;
        };
        if policy.minimum_age == system.value {
            return;
        }
        let Some(loc) = locate_evidence(cx, &policy.evidence) else {
            return;
        };
        out.push(
            Finding::new(
                &INFO,
                "children",
                loc,
                format!(
                    "the policy sets the minimum age at {}, but {} says {}",
                    policy.minimum_age, inv.path, system.value
                ),
            )
            .label(format!("minimum age {} stated here", policy.minimum_age))
            .related(
                inv.locate(system.span),
                format!("the inventory's minimum age is {}", system.value),
            )
            .help(format!(
                "Decide which age the product enforces and make the policy and `children.minimum_age` in {} agree",
                inv.path
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;
    use crate::model::Children;

    #[test]
    fn reports_different_ages_only() {
        let d = doc(
            "# Privacy\n\nThe Service is not intended for individuals under 16 years of age.\n",
        );
        let mut m = model(std::slice::from_ref(&d));
        m.children = Some(Children {
            minimum_age: 16,
            evidence: ev(&d, "under 16"),
        });
        let i = inv("version: 1\nchildren: { minimum_age: 13 }\n");
        let got = run(&ChildrenAgeMismatch, std::slice::from_ref(&d), &m, Some(&i));
        // "The Service is not intended for individuals " is 44 characters.
        assert_eq!(
            brief(&got),
            [("children".into(), "policy.md".into(), 3, 45)]
        );
        assert_eq!(got[0].related[0].location.line, 2);
        assert_eq!(got[0].related[0].location.column, 26);
        let i = inv("version: 1\nchildren: { minimum_age: 16 }\n");
        assert!(run(&ChildrenAgeMismatch, std::slice::from_ref(&d), &m, Some(&i)).is_empty());
        let i = inv("version: 1\n");
        assert!(run(&ChildrenAgeMismatch, &[d], &m, Some(&i)).is_empty());
    }
}
