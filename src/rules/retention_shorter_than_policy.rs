//! The system keeps a data item for less time than the policy says it keeps it ("for 1 year").
//!
//! ## What it checks
//!
//! For every data item with a `retention` in `inventory.yaml` (matched to the
//! policy's statements as `retention/exceeds-policy` describes), when the
//! only statements that cover it promise an *exact* period ("we keep logs
//! for 1 year") and the system deletes earlier, candor notes it. Periods
//! stated as a maximum ("within", "up to") are kept by any shorter period
//! and never reported.
//!
//! ## Why it matters
//!
//! It is not a privacy risk — data is deleted sooner than promised — but the
//! policy is still inaccurate, and an exact period is sometimes a
//! commitment to customers (audit logs kept for a year for their
//! investigations). Hence the level `info`.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! data:
//!   - id: audit_log
//!     retention: 90d after event
//! ```
//!
//! with "Audit log — 1 year after the event":
//!
//! ```text
//! info[retention/shorter-than-policy]: the system keeps audit_log for 90 days after the event, less than the policy's 1 year after the event
//! ```
//!
//! ## How to fix
//!
//! State the real period, or write it as a maximum ("for up to 1 year"); if
//! the exact period is a commitment, extend the system's retention.
//!
//! ## References
//!
//! GDPR Art. 5(1)(a) (transparency), Art. 13(2)(a).

use super::retention_match::{Outcome, PeriodFinding, period_findings};
use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct RetentionShorterThanPolicy;

static INFO: RuleInfo = RuleInfo {
    id: "retention/shorter-than-policy",
    default_level: Level::Info,
    source: include_str!("retention_shorter_than_policy.rs"),
    needs_inventory: true,
};

impl Rule for RetentionShorterThanPolicy {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        fn shorter(o: &Outcome) -> Option<&[usize]> {
            match o {
                Outcome::Shorter(ids) => Some(ids),
                _ => None,
            }
        }
        for f in period_findings(cx, shorter) {
            let PeriodFinding {
                id, kept, promise, ..
            } = &f;
            out.push(
                Finding::new(
                    &INFO,
                    *id,
                    f.policy.clone(),
                    format!("the system keeps {id} {kept}, less than the policy's {promise}"),
                )
                .label(format!("the policy says {promise}"))
                .related(f.inventory.clone(), format!("{id} is kept {kept} here"))
                .help(
                    "State the real period, or write the policy's period as a maximum (\"up to\")",
                ),
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
    fn shorter_than_an_exact_period_only() {
        let (d, m) = policy();
        // 30 days is within "at most 90 days": nothing; 90 days is shorter
        // than "1 year after the event" (exactly).
        let i = inventory("until account_closure + 30d", "90d after event", "5y");
        let got = run(&RetentionShorterThanPolicy, &[d], &m, Some(&i));
        assert_eq!(
            brief(&got),
            [("audit_log".into(), "policy.md".into(), 6, 15)]
        );
        assert_eq!(got[0].level, Level::Info);
        assert_eq!(
            got[0].message,
            "the system keeps audit_log for 90 days after the event, less than the policy's 1 year after the event"
        );
    }
}
