//! The system keeps a data item longer than the policy promises.
//!
//! ## What it checks
//!
//! Every item under `data:` in `inventory.yaml` with a `retention` is held
//! against the policy's retention statements that speak about it — through
//! its `name`, `aliases`, `id` or the policy's own words for its categories,
//! in the statement's subject or in the sentence, list item or section it
//! sits in (general statements about "your data" apply to every item that
//! has no period stated for it alone). The policy's period is a promise:
//!
//! - a system period longer than an `at_most` ("within 90 days", "no longer
//!   than"), `exactly` ("for 1 year") or unqualified promise is an error;
//! - periods are compared only when they run from the same event (account
//!   closure and account deletion are the same moment) or the policy names
//!   no event — otherwise see `retention/trigger-mismatch`;
//! - one kept promise is enough when several statements cover the item
//!   (plan tiers: "30 days / 90 days");
//! - `indefinite` in the inventory exceeds every stated period, and also a
//!   policy that says only "while your account is active": that statement
//!   promises the data ends with the account;
//! - a statement that the data is kept *indefinitely* ("records will be
//!   maintained indefinitely"), whose subject or sentence names the item,
//!   allows any period.
//!
//! `until account_deletion + 90d` against "within 90 days after you close
//! your account" is consistent; `until account_deletion + 180d` is not. The
//! finding points at the policy's statement, with the inventory's value as
//! the related location; its subject is the data item's id.
//!
//! ## Why it matters
//!
//! GDPR Art. 13(2)(a) requires the storage period, and Art. 5(1)(e) requires
//! keeping data no longer than necessary. A policy that promises 90 days
//! while the system keeps 180 is a false statement to every user — the kind
//! of mismatch regulators fine (storage limitation is among the most cited
//! GDPR principles in enforcement).
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! data:
//!   - id: account
//!     name: Account data
//!     retention: until account_deletion + 180d
//! ```
//!
//! with "Account data — until account closure + 90 days":
//!
//! ```text
//! error[retention/exceeds-policy]: the system keeps account for 180 days after account deletion, longer than the policy's at most 90 days after account closure
//! ```
//!
//! ## How to fix
//!
//! Shorten the system's retention (and `retention` in `inventory.yaml`) to
//! the promise, or change the policy to state the real period. If the
//! statement is about other data, give the inventory item the `aliases` the
//! policy uses so candor matches the right statement.
//!
//! ## References
//!
//! GDPR Art. 5(1)(e), Art. 13(2)(a), Art. 14(2)(a); CCPA Cal. Civ. Code
//! §1798.100(a)(3); EDPB Guidelines on transparency (WP260 rev.01).

use super::retention_match::{Outcome, PeriodFinding, period_findings};
use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct RetentionExceedsPolicy;

static INFO: RuleInfo = RuleInfo {
    id: "retention/exceeds-policy",
    default_level: Level::Error,
    source: include_str!("retention_exceeds_policy.rs"),
    needs_inventory: true,
};

impl Rule for RetentionExceedsPolicy {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        fn exceeds(o: &Outcome) -> Option<&[usize]> {
            match o {
                Outcome::Exceeds(broken) => Some(broken),
                _ => None,
            }
        }
        for f in period_findings(cx, exceeds) {
            let PeriodFinding {
                id, kept, promise, ..
            } = &f;
            out.push(
                Finding::new(
                    &INFO,
                    *id,
                    f.policy.clone(),
                    format!("the system keeps {id} {kept}, longer than the policy's {promise}"),
                )
                .label(format!("the policy promises {promise}"))
                .related(f.inventory.clone(), format!("{id} is kept {kept} here"))
                .help(format!(
                    "Shorten the retention of {id} to what the policy promises, or state the real period in the policy"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::retention_match::fixture::*;
    use super::super::shared::testing::*;
    use super::*;

    #[test]
    fn a_longer_period_than_promised_is_an_error_at_the_statement() {
        let (d, m) = policy();
        let i = inventory("until account_deletion + 90d", "1y after event", "5y");
        assert!(
            run(
                &RetentionExceedsPolicy,
                std::slice::from_ref(&d),
                &m,
                Some(&i)
            )
            .is_empty()
        );
        let i = inventory(
            "until account_deletion + 180d",
            "1y after event",
            "indefinite",
        );
        let got = run(&RetentionExceedsPolicy, &[d], &m, Some(&i));
        // "- Account data — until account closure + 90 days": the statement
        // starts after "- Account data — " (17 characters) on line 5.
        assert_eq!(
            brief(&got),
            [
                ("account".into(), "policy.md".into(), 5, 18),
                ("billing".into(), "policy.md".into(), 7, 13),
            ]
        );
        assert_eq!(
            got[0].message,
            "the system keeps account for 180 days after account deletion, longer than the policy's at most 90 days after account closure"
        );
        assert_eq!(got[0].related[0].location.path, "inventory.yaml");
        assert_eq!(got[0].related[0].location.line, 5);
        assert_eq!(
            got[1].message,
            "the system keeps billing indefinitely, longer than the policy's 5 years"
        );
    }
}
