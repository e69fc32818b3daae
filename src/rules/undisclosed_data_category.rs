//! The inventory collects a category of personal data the policy never mentions.
//!
//! ## What it checks
//!
//! Every data category of every item under `data:` in `inventory.yaml` (a
//! fideslang key such as `user.contact.email`) must be mentioned somewhere in
//! the policy set's description of the data it collects (`data_collected` in
//! the model: "email address" → `user.contact.email`). Categories are
//! compared at the second level of the taxonomy — `user.contact.email` is
//! covered by any `user.contact.*` the policy mentions, `user.device.ip_address`
//! by any `user.device.*` — after deprecated keys are mapped to their
//! replacements (`user.telemetry` → `user.device.telemetry`). A one-level key
//! (`user`) is covered by any mention at all.
//!
//! One finding per data item and second-level category, at the first
//! category scalar of that group in `inventory.yaml`; its subject is
//! `<data id>:<category>`.
//!
//! ## Why it matters
//!
//! GDPR Art. 14(1)(d) requires the categories of personal data to be stated
//! when data is not collected from the person, and Art. 13 notices routinely
//! list them; CCPA §1798.100(a)(1) and the regulations (§7011(e)(1)) require
//! the categories of personal information collected. A category the system
//! stores but the policy never mentions is an undisclosed collection.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! data:
//!   - id: account
//!     categories: [user.contact.email, user.contact.phone_number]
//!   - id: telemetry
//!     categories: [user.device.ip_address]
//! ```
//!
//! with a policy that mentions e-mail addresses but no device data:
//!
//! ```text
//! warning[inventory/undisclosed-data-category]: the system collects user.device.ip_address (telemetry), but the policy set never mentions device data (user.device)
//! ```
//!
//! ## How to fix
//!
//! Describe the data in the policy's "what we collect" section in words a
//! reader understands ("IP address and browser type"). If the inventory is
//! wrong, correct the item's `categories`.
//!
//! ## References
//!
//! GDPR Art. 13(1), Art. 14(1)(d); CCPA Cal. Civ. Code §1798.100(a)(1),
//! §1798.110(c)(1); CCPA regulations §7011(e)(1)(A); fideslang taxonomy
//! (CC BY 4.0, Ethyca and IAB Tech Lab).

use std::collections::BTreeSet;

use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::lexicon::fideslang;

pub struct UndisclosedDataCategory;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/undisclosed-data-category",
    default_level: Level::Warning,
    source: include_str!("undisclosed_data_category.rs"),
    needs_inventory: true,
};

/// The key compared: deprecated keys mapped, then cut at the second level.
fn compared_key(key: &str) -> String {
    fideslang::second_level(fideslang::canonical(key.trim())).to_string()
}

/// A reader's name for a second-level key: "Contact Data" → "contact data".
fn describe(key: &str) -> String {
    match fideslang::get(key) {
        Some(c) => c.name.to_lowercase(),
        None => key.to_string(),
    }
}

impl Rule for UndisclosedDataCategory {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mentioned: BTreeSet<String> = cx
            .model
            .data_collected
            .iter()
            .map(|d| compared_key(d.category))
            .collect();
        for item in &inv.data {
            let mut reported: BTreeSet<String> = BTreeSet::new();
            for cat in &item.categories {
                let key = compared_key(&cat.value);
                let covered = if key.contains('.') {
                    mentioned.contains(&key)
                } else {
                    !mentioned.is_empty()
                };
                if covered || !reported.insert(key.clone()) {
                    continue;
                }
                let id = &item.id.value;
                let what = describe(&key);
                out.push(
                    Finding::new(
                        &INFO,
                        format!("{id}:{}", cat.value),
                        inv.locate(cat.span),
                        format!(
                            "the system collects {} ({id}), but the policy set never mentions {what} ({key})",
                            cat.value
                        ),
                    )
                    .label("collected according to the inventory")
                    .help(format!(
                        "Describe this data in the policy's \"what we collect\" section, or remove {} from `{id}` in {} if the system does not collect it",
                        cat.value, inv.path
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;
    use crate::model::DataCollected;

    const INV: &str = "version: 1\ndata:\n  - id: account\n    categories: [user.contact.email, user.contact.phone_number, user.name]\n  - id: telemetry\n    categories: [user.telemetry, user.device.ip_address]\n";

    fn collected(d: &crate::document::Document, cat: &'static str, phrase: &str) -> DataCollected {
        DataCollected {
            category: cat,
            phrase: phrase.into(),
            evidence: ev(d, phrase),
        }
    }

    #[test]
    fn compares_at_the_second_level_after_mapping_deprecated_keys() {
        let d = doc("# Privacy\n\nWe collect your email address and your name.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.data_collected = vec![
            collected(&d, "user.contact.email", "email address"),
            collected(&d, "user.name", "name"),
        ];
        let i = inv(INV);
        let got = run(&UndisclosedDataCategory, &[d], &m, Some(&i));
        // user.telemetry → user.device.telemetry → user.device: one finding
        // for the item, at the first category of the group (line 6: "    categories: ["
        // is 17 characters, so column 18).
        assert_eq!(
            brief(&got),
            [(
                "telemetry:user.telemetry".into(),
                "inventory.yaml".into(),
                6,
                18
            )]
        );
        assert!(
            got[0].message.contains("device data (user.device)"),
            "{}",
            got[0].message
        );
    }

    #[test]
    fn a_mention_of_a_sibling_category_covers_the_group() {
        let d = doc("# Privacy\n\nWe log IP addresses and your phone number.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.data_collected = vec![
            collected(&d, "user.device.ip_address", "IP addresses"),
            collected(&d, "user.contact.phone_number", "phone number"),
            collected(&d, "user.name", "your"),
        ];
        let i = inv(INV);
        assert!(run(&UndisclosedDataCategory, &[d], &m, Some(&i)).is_empty());
    }
}
