//! No retention statement in the policy covers a data item the system keeps for a set period.
//!
//! ## What it checks
//!
//! Every item under `data:` in `inventory.yaml` that has a `retention` must
//! be covered by some retention statement of the policy set — one that
//! speaks about the item (its `name`, `aliases`, `id` or the policy's words
//! for its categories, in the statement's subject, sentence, list item or
//! section) or a general one ("we delete your data within 30 days after you
//! close your account"). The finding points at the item's `retention` in
//! `inventory.yaml`; its subject is the item's id.
//!
//! A statement that says only "while your account is active" covers the
//! time the account exists. When the system keeps the item for a period
//! *after* the account is deleted (`until account_deletion + 30d`), that
//! period is undisclosed and reported too, with the statement as the
//! related location. ("Active" statements never mention the grace period,
//! yet users and regulators read them as "deleted when I leave".)
//!
//! A vague statement ("as long as necessary") counts as coverage here;
//! `hygiene/vague-retention` reports its vagueness.
//!
//! ## Why it matters
//!
//! GDPR Art. 13(2)(a) and 14(2)(a) require "the period for which the
//! personal data will be stored, or if that is not possible, the criteria
//! used to determine that period" — for each category of data, not one
//! period for the whole service when the system uses several.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! data:
//!   - id: notes
//!     name: Notes
//!     retention: until account_deletion + 30d
//! ```
//!
//! with a policy whose retention section mentions only account data and
//! server logs:
//!
//! ```text
//! warning[retention/undisclosed]: the system keeps notes for 30 days after account deletion, but no retention statement in the policy set covers it
//! ```
//!
//! ## How to fix
//!
//! Add the period to the policy's retention section ("Notes are deleted
//! within 30 days after you close your account"). If the policy already
//! covers the item under another name, add that name to the item's
//! `aliases`.
//!
//! ## References
//!
//! GDPR Art. 13(2)(a), Art. 14(2)(a); CCPA Cal. Civ. Code §1798.100(a)(3);
//! EDPB Guidelines on transparency (WP260 rev.01), storage period.

use super::retention_match::{Outcome, evaluate_items, kept};
use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct RetentionUndisclosed;

static INFO: RuleInfo = RuleInfo {
    id: "retention/undisclosed",
    default_level: Level::Warning,
    source: include_str!("retention_undisclosed.rs"),
    needs_inventory: true,
};

impl Rule for RetentionUndisclosed {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for o in evaluate_items(cx) {
            let id = &o.item.id.value;
            let kept = kept(o.period);
            let f = match &o.outcome {
                Outcome::Undisclosed => Finding::new(
                    &INFO,
                    id,
                    o.inventory.clone(),
                    format!(
                        "the system keeps {id} {kept}, but no retention statement in the policy set covers it"
                    ),
                )
                .label("retention declared here")
                .help(format!(
                    "State how long {id} is kept in the policy's retention section, or add the name the policy uses for it to the item's `aliases`"
                )),
                Outcome::GraceUndisclosed(ids) => {
                    let mut f = Finding::new(
                        &INFO,
                        id,
                        o.inventory.clone(),
                        format!(
                            "the system keeps {id} {kept}, but the policy only says it is kept while the account is active"
                        ),
                    )
                    .label("retention declared here")
                    .help(format!(
                        "Say in the policy how long {id} is kept after the account is deleted"
                    ));
                    if let Some(loc) = ids
                        .first()
                        .and_then(|&i| cx.model.retention.get(i))
                        .and_then(|st| locate_evidence(cx, &st.evidence))
                    {
                        f = f.related(loc, "the policy speaks only of the active account here");
                    }
                    f
                }
                _ => continue,
            };
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::retention_match::fixture::*;
    use super::super::shared::testing::*;
    use super::*;
    use crate::model::{Bound, Retention, RetentionEvent};

    #[test]
    fn an_item_no_statement_covers() {
        let (d, m) = policy();
        let i = inv(concat!(
            "version: 1\n",
            "data:\n",
            "  - id: account\n",
            "    name: Account data\n",
            "    retention: until account_closure + 90d\n",
            "  - id: notes\n",
            "    retention: until account_deletion + 30d\n",
            "  - id: drafts\n",
        ));
        let got = run(&RetentionUndisclosed, &[d], &m, Some(&i));
        // notes' retention scalar: line 7, "    retention: " is 15 characters.
        assert_eq!(
            brief(&got),
            [("notes".into(), "inventory.yaml".into(), 7, 16)]
        );
        assert_eq!(
            got[0].message,
            "the system keeps notes for 30 days after account deletion, but no retention statement in the policy set covers it"
        );
    }

    #[test]
    fn while_active_leaves_the_grace_period_undisclosed() {
        let d = doc("# Privacy\n\nWe keep your data while your account is active.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.retention = vec![Retention {
            subject: Some("your data".into()),
            days: None,
            after: None,
            bound: Bound::Unspecified,
            indefinite: true,
            until: Some(RetentionEvent::AccountDeletion),
            vague: false,
            evidence: ev(&d, "while your account is active"),
        }];
        let i = inv(
            "version: 1\ndata:\n  - id: notes\n    retention: until account_deletion + 30d\n  - id: logs\n    retention: 14d\n  - id: profile\n    retention: until account_deletion\n",
        );
        let got = run(&RetentionUndisclosed, &[d], &m, Some(&i));
        assert_eq!(
            brief(&got),
            [("notes".into(), "inventory.yaml".into(), 4, 16)]
        );
        assert_eq!(
            got[0].message,
            "the system keeps notes for 30 days after account deletion, but the policy only says it is kept while the account is active"
        );
        assert_eq!(got[0].related[0].location.line, 3);
    }
}
