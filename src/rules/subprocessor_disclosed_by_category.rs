//! An inventory subprocessor is not named, only covered by its category of recipients ("our payment provider").
//!
//! ## What it checks
//!
//! For every entry under `subprocessors:` that the policy set never names
//! (see `inventory/undisclosed-subprocessor` for how names are found), candor
//! looks for a phrase naming the subprocessor's *category* of recipients:
//! "our payment provider", "email delivery services", "cloud hosting
//! providers", "analytics providers". The phrases live in
//! `rules/lexicons/recipient_categories.tsv` (category key → phrases) and are
//! matched in one pass; a negated phrase ("we do not use analytics
//! providers") covers nothing, and neither does a phrase in a list item,
//! table row or sentence that names a vendor ("Braintree. Payment processing
//! services." describes Braintree, not a category of recipients).
//!
//! The subprocessor's category is its `category` in `inventory.yaml` when
//! given; otherwise the categories the words of its `purpose` name
//! ("transactional email" → `email_transactional`) and the categories candor's
//! vendor catalog lists for it (Stripe → `payments`).
//!
//! When this rule fires, `inventory/undisclosed-subprocessor` does not fire
//! for the same vendor.
//!
//! ## Why it matters
//!
//! GDPR Art. 13(1)(e) and 14(1)(e) let a controller name "the recipients or
//! categories of recipients", so a category is a lawful disclosure — but a
//! weaker one. Customers reading a data-processing agreement usually expect
//! the named list (Art. 28(2) and 28(4) make subprocessor changes something
//! they can object to), and a category says nothing about where the data
//! goes. The finding is a warning: decide whether the category is enough.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! subprocessors:
//!   - name: Stripe
//!     purpose: payments
//! ```
//!
//! with a policy that says only "Billing data is processed by our payment
//! provider":
//!
//! ```text
//! warning[inventory/subprocessor-disclosed-by-category]: Stripe is not named in the policy set; only its category is disclosed ("payment provider"), which GDPR Art. 13(1)(e) allows as a category of recipients
//! ```
//!
//! ## How to fix
//!
//! Name the vendor in the policy's subprocessor list (with purpose and
//! location) if customers or your DPA expect named subprocessors. If a
//! category is deliberately all you disclose, set this rule to `off` or
//! `info` in `candor.yaml`, or silence the vendor with an `ignore:` entry in
//! `inventory.yaml` that says why.
//!
//! ## References
//!
//! GDPR Art. 13(1)(e), Art. 14(1)(e) ("categories of recipients"),
//! Art. 28(2) and 28(4); EDPB Guidelines on transparency (WP260 rev.01),
//! paragraph on recipients.

use super::shared::{Disclosure, subprocessor_disclosures};
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};

pub struct SubprocessorDisclosedByCategory;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "inventory/subprocessor-disclosed-by-category",
    default_level: Level::Warning,
    source: include_str!("subprocessor_disclosed_by_category.rs"),
    needs_inventory: true,
};

impl Rule for SubprocessorDisclosedByCategory {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        for (s, d) in inv.subprocessors.iter().zip(subprocessor_disclosures(cx)) {
            let Disclosure::ByCategory {
                phrase,
                key,
                location,
            } = d
            else {
                continue;
            };
            let name = &s.name.value;
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    inv.locate(s.name.span),
                    format!(
                        "{name} is not named in the policy set; only its category is disclosed (\"{phrase}\"), which GDPR Art. 13(1)(e) allows as a category of recipients"
                    ),
                )
                .label(format!("declared as a subprocessor here ({key})"))
                .related(location.clone(), format!("the policy discloses only \"{phrase}\""))
                .help(format!(
                    "Name {name} in the subprocessor list if customers expect named subprocessors, or keep the category and set this rule to `info` or `off`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::super::undisclosed_subprocessor::UndisclosedSubprocessor;
    use super::*;

    const INV: &str = "version: 1\nsubprocessors:\n  - name: Stripe\n    purpose: payments\n  - name: Mixpanel\n  - name: Acme Mailer\n    purpose: transactional email\n";

    #[test]
    fn category_phrase_covers_the_vendor_and_silences_undisclosed() {
        let d = doc(
            "# Privacy\n\nBilling data is processed by our payment provider. We use email delivery services.\n",
        );
        let docs = [d];
        let m = model(&docs);
        let i = inv(INV);
        let got = run(&SubprocessorDisclosedByCategory, &docs, &m, Some(&i));
        // Stripe (catalog: payments) and Acme Mailer (purpose: transactional
        // email); Mixpanel's category (product analytics) is not disclosed.
        assert_eq!(
            brief(&got),
            [
                ("Stripe".into(), "inventory.yaml".into(), 3, 11),
                ("Acme Mailer".into(), "inventory.yaml".into(), 6, 11),
            ]
        );
        assert!(got[0].message.contains("\"payment provider\""));
        assert!(got[0].message.contains("Art. 13(1)(e)"));
        // The related location is the phrase on line 3 of the policy.
        assert_eq!(got[0].related[0].location.path, "policy.md");
        assert_eq!(got[0].related[0].location.line, 3);
        assert_eq!(got[0].related[0].location.column, 34);
        let undisclosed = run(&UndisclosedSubprocessor, &docs, &m, Some(&i));
        assert_eq!(
            brief(&undisclosed),
            [("Mixpanel".into(), "inventory.yaml".into(), 5, 11)]
        );
    }

    #[test]
    fn named_vendors_and_negated_phrases_do_not_count() {
        let d = doc(
            "# Privacy\n\nPayments go through Stripe, our payment provider. We do not use analytics providers.\n",
        );
        let docs = [d];
        let m = model(&docs);
        let i = inv("version: 1\nsubprocessors:\n  - name: Stripe\n  - name: Mixpanel\n");
        assert!(run(&SubprocessorDisclosedByCategory, &docs, &m, Some(&i)).is_empty());
        // Mixpanel stays undisclosed: the analytics phrase is negated.
        let undisclosed = run(&UndisclosedSubprocessor, &docs, &m, Some(&i));
        assert_eq!(brief(&undisclosed)[0].0, "Mixpanel");
    }

    #[test]
    fn the_inventory_category_wins_over_the_catalog() {
        let d = doc("# Privacy\n\nWe use cloud hosting providers.\n");
        let docs = [d];
        let m = model(&docs);
        // Stripe declared as hosting (odd, but the inventory is the truth).
        let i = inv("version: 1\nsubprocessors:\n  - name: Stripe\n    category: hosting\n");
        let got = run(&SubprocessorDisclosedByCategory, &docs, &m, Some(&i));
        assert_eq!(got.len(), 1);
        let i = inv("version: 1\nsubprocessors:\n  - name: Stripe\n    category: payments\n");
        assert!(run(&SubprocessorDisclosedByCategory, &docs, &m, Some(&i)).is_empty());
    }
}
