//! The policy set states two different retention periods for the same data.
//!
//! ## What it checks
//!
//! Retention statements with a period (`retention` in the model, `days` set,
//! not an `at_least` minimum) are grouped by the data they speak about: the
//! inventory data item their subject names, when an inventory is given and
//! the subject names one; otherwise the subject itself, normalised (case,
//! plurals, "your"/"the"/"personal" ignored), with every generic subject
//! ("your data", "personal information") in one group. Within a group, two
//! statements that run from the same event (account closure ≡ account
//! deletion; "no event" only equals "no event") and state different numbers
//! of days conflict. Statements in the same paragraph, list item or table
//! row never conflict: there they are alternatives ("30 days / 90 days,
//! depending on your plan") or steps of one sequence ("kept in the trash for
//! 30 days … on our servers for another 30 days … purged within 90 days").
//! Statements without a subject never conflict either.
//!
//! The finding points at the later statement, with the earlier one as the
//! related location; its subject is the data item's id or the normalised
//! subject. This rule needs no inventory.
//!
//! ## Why it matters
//!
//! A reader cannot know which promise holds, and the controller is bound by
//! the more protective reading. Conflicts usually come from a policy set
//! edited in one place (the privacy policy says 30 days, the DPA or the
//! retention page still says 90). GDPR Art. 12(1) requires information that
//! is concise, transparent and intelligible.
//!
//! ## Example
//!
//! ```text
//! Account data is deleted within 30 days after you close your account.
//! …
//! We delete account data 90 days after account closure.
//! ```
//!
//! ```text
//! warning[consistency/conflicting-retention]: the policy set gives two periods for account data: at most 90 days after account closure here, at most 30 days after account closure earlier
//! ```
//!
//! ## How to fix
//!
//! Decide the real period and state it once; have the other documents refer
//! to that statement instead of repeating it.
//!
//! ## References
//!
//! GDPR Art. 5(1)(a), Art. 12(1), Art. 13(2)(a).

use std::collections::BTreeMap;

use super::retention_match::{describe, is_generic_subject, item_matcher, normalize_subject};
use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo};
use crate::model::{Bound, Retention, RetentionEvent};

pub struct ConflictingRetention;

static INFO: RuleInfo = RuleInfo {
    id: "consistency/conflicting-retention",
    default_level: Level::Warning,
    source: include_str!("conflicting_retention.rs"),
    needs_inventory: false,
};

/// Same starting event: both unnamed, or the same event.
fn same_event(a: Option<RetentionEvent>, b: Option<RetentionEvent>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.same_anchor(y),
        _ => false,
    }
}

/// (path, block) identifying the paragraph, list item or table row a
/// statement sits in.
fn block_key<'r>(cx: &Context<'_>, r: &'r Retention) -> (&'r str, usize) {
    let block = cx
        .doc(&r.evidence.path)
        .and_then(|d| d.around(r.evidence.span()))
        .map(|a| a.block_index)
        .unwrap_or(usize::MAX - r.evidence.start.min(usize::MAX / 2));
    (&r.evidence.path, block)
}

impl Rule for ConflictingRetention {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let matcher = cx.inventory.map(|inv| item_matcher(inv, cx));
        // Group key → (label for messages, statements in order).
        let mut groups: BTreeMap<String, (String, Vec<&Retention>)> = BTreeMap::new();
        for r in &cx.model.retention {
            if r.days.is_none() || r.bound == Bound::AtLeast || r.vague {
                continue;
            }
            let Some(subject) = r
                .subject
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            let mut keys: Vec<(String, String)> = Vec::new();
            if is_generic_subject(subject) {
                keys.push(("(personal data)".into(), "personal data".into()));
            } else {
                if let (Some(m), Some(inv)) = (&matcher, cx.inventory) {
                    let mut ids: Vec<usize> = m.find(subject).iter().map(|x| x.id).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    for id in ids {
                        if let Some(item) = inv.data.get(id) {
                            let label = item.name.clone().unwrap_or_else(|| item.id.value.clone());
                            keys.push((item.id.value.clone(), label.to_lowercase()));
                        }
                    }
                }
                if keys.is_empty() {
                    let n = normalize_subject(subject);
                    if n.is_empty() {
                        continue;
                    }
                    keys.push((n, subject.to_lowercase()));
                }
            }
            for (k, label) in keys {
                groups
                    .entry(k)
                    .or_insert_with(|| (label, Vec::new()))
                    .1
                    .push(r);
            }
        }
        for (key, (label, statements)) in &groups {
            let Some(first) = statements.first() else {
                continue;
            };
            let first_block = block_key(cx, first);
            let mut reported = Vec::new();
            for r in statements.iter().skip(1) {
                if r.days == first.days
                    || !same_event(first.after, r.after)
                    || block_key(cx, r) == first_block
                    || reported.contains(&r.days)
                {
                    continue;
                }
                let (Some(here), Some(there)) = (
                    locate_evidence(cx, &r.evidence),
                    locate_evidence(cx, &first.evidence),
                ) else {
                    continue;
                };
                reported.push(r.days);
                out.push(
                    Finding::new(
                        &INFO,
                        key,
                        here,
                        format!(
                            "the policy set gives two periods for {label}: {} here, {} earlier",
                            describe(r),
                            describe(first)
                        ),
                    )
                    .label(describe(r))
                    .related(there, format!("{} stated here", describe(first)))
                    .help("State the real period once and refer to that statement elsewhere"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;

    fn st(
        d: &crate::document::Document,
        at: &str,
        subject: &str,
        days: u32,
        after: Option<RetentionEvent>,
    ) -> Retention {
        Retention {
            subject: Some(subject.into()),
            days: Some(days),
            after,
            bound: Bound::AtMost,
            indefinite: false,
            until: None,
            vague: false,
            evidence: ev(d, at),
        }
    }

    #[test]
    fn conflicting_periods_for_the_same_subject() {
        let d = doc(concat!(
            "# Retention\n\n",
            "Account data is deleted within 30 days after you close your account.\n\n",
            "Metrics: 30 days / 90 days depending on your plan.\n\n",
            "We delete your account data within 90 days after account closure.\n\n",
            "Backups are kept for 90 days.\n",
        ));
        let mut m = model(std::slice::from_ref(&d));
        use RetentionEvent::*;
        m.retention = vec![
            st(
                &d,
                "within 30 days",
                "Account data",
                30,
                Some(AccountClosure),
            ),
            st(&d, "30 days /", "Metrics", 30, None),
            st(&d, "90 days depending", "Metrics", 90, None),
            st(
                &d,
                "within 90 days",
                "your account data",
                90,
                Some(AccountDeletion),
            ),
            st(&d, "for 90 days", "Backups", 90, None),
        ];
        let got = run(&ConflictingRetention, std::slice::from_ref(&d), &m, None);
        // "We delete your account data " is 28 characters.
        assert_eq!(brief(&got), [("account".into(), "policy.md".into(), 7, 29)]);
        assert!(got[0].message.contains("two periods for account data:"));
        assert_eq!(got[0].related[0].location.line, 3);
        // With an inventory the group is the data item.
        let i = inv("version: 1\ndata:\n  - id: account\n    name: Account data\n");
        let got = run(&ConflictingRetention, &[d], &m, Some(&i));
        assert_eq!(got[0].subject, "account");
        assert_eq!(
            got[0].message,
            "the policy set gives two periods for account data: at most 90 days after account deletion here, at most 30 days after account closure earlier"
        );
    }
}
