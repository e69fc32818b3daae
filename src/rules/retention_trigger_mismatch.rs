//! The policy's retention period runs from a different event than the system's.
//!
//! ## What it checks
//!
//! For every data item with a `retention` in `inventory.yaml` (matched to the
//! policy's statements as `retention/exceeds-policy` describes), when every
//! statement with a period that covers it names a different starting event
//! than the inventory — the policy says "90 days after you close your
//! account", the system deletes 90 days after the last login — the periods
//! cannot be compared and the starting event itself is wrong. Account
//! closure and account deletion count as the same event; a statement that
//! names no event is compared with any. The finding points at the policy's
//! statement; the related location is the inventory's value.
//!
//! ## Why it matters
//!
//! The event decides when the clock starts. "90 days after closure" and
//! "90 days after last activity" delete at very different times: an active
//! user's data may be kept for years under one and deleted under the other.
//! GDPR Art. 13(2)(a) asks for the period *or the criteria* used to determine
//! it, so the criterion must be right.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! data:
//!   - id: account
//!     retention: 90d after last_activity
//! ```
//!
//! with "we delete account data 90 days after you close your account":
//!
//! ```text
//! warning[retention/trigger-mismatch]: the policy counts the retention of account from account closure (at most 90 days after account closure), but the system counts it from the last activity (it keeps account for 90 days after the last activity)
//! ```
//!
//! ## How to fix
//!
//! State the event the system really uses in the policy, or change the
//! deletion job (and `retention` in `inventory.yaml`) to the event the
//! policy names.
//!
//! ## References
//!
//! GDPR Art. 5(1)(e), Art. 13(2)(a), Art. 14(2)(a).

use super::retention_match::{Outcome, describe, evaluate_items, event_words, kept};
use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct RetentionTriggerMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "retention/trigger-mismatch",
    default_level: Level::Warning,
    source: include_str!("retention_trigger_mismatch.rs"),
    needs_inventory: true,
};

impl Rule for RetentionTriggerMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for o in evaluate_items(cx) {
            let Outcome::TriggerMismatch(ids) = &o.outcome else {
                continue;
            };
            let Some(st) = ids.first().and_then(|&i| cx.model.retention.get(i)) else {
                continue;
            };
            let (Some(policy_event), Some(loc)) = (st.after, locate_evidence(cx, &st.evidence))
            else {
                continue;
            };
            let id = &o.item.id.value;
            out.push(
                Finding::new(
                    &INFO,
                    id,
                    loc,
                    format!(
                        "the policy counts the retention of {id} from {} ({}), but the system counts it from {} (it keeps {id} {})",
                        event_words(policy_event),
                        describe(st),
                        event_words(o.period.after()),
                        kept(o.period)
                    ),
                )
                .label(format!("counted from {} here", event_words(policy_event)))
                .related(
                    o.inventory.clone(),
                    format!("the system counts from {}", event_words(o.period.after())),
                )
                .help(format!(
                    "State the event the system uses ({}) in the policy, or change the deletion job and `retention` of {id}",
                    event_words(o.period.after())
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
    fn the_same_period_from_another_event() {
        let (d, m) = policy();
        let i = inventory("90d after last_activity", "1y after event", "5y");
        let got = run(&RetentionTriggerMismatch, &[d], &m, Some(&i));
        assert_eq!(brief(&got), [("account".into(), "policy.md".into(), 5, 18)]);
        assert_eq!(
            got[0].message,
            "the policy counts the retention of account from account closure (at most 90 days after account closure), but the system counts it from the last activity (it keeps account for 90 days after the last activity)"
        );
    }
}
