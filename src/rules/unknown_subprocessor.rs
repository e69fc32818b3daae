//! The policy names a third party that the inventory does not list.
//!
//! ## What it checks
//!
//! Every third party extracted from the policy set — a known vendor named in
//! the text, or a row of a subprocessor table or list — must appear in
//! `inventory.yaml`, either under `subprocessors` (by name or alias, or as
//! the same vendor in candor's catalog) or under `self_hosted`. An
//! inventory name with a part in parentheses also stands for each part
//! ("Microsoft (Azure)" for Microsoft and Azure), and a mention matches when
//! either its catalog name or the text as the policy wrote it ("Google,
//! Inc.") denotes the inventory's vendor. Negated
//! mentions ("we do not use Google Analytics") and tools the policy calls
//! self-hosted never count. Each unknown name is reported once, at its first
//! mention.
//!
//! Two kinds of mention are not third parties and are skipped: the
//! organization itself (`organization.name` or `legal_name` in the
//! inventory, or the same vendor in the catalog — GitHub's own policy names
//! GitHub on every line), and a catalog name that the policy writes only as a
//! lower-case common word where the vendor spells itself with capitals
//! ("to make a complaint" is not the vendor Make).
//!
//! ## Why it matters
//!
//! Either the policy is stale (it still lists a vendor the system dropped,
//! which misinforms users and auditors) or the inventory is incomplete (and
//! every other inventory rule is checking against a partial truth).
//!
//! ## Example
//!
//! ```markdown
//! | Subprocessor | Purpose       |
//! | ------------ | ------------- |
//! | Intercom     | Support chat  |
//! ```
//!
//! with no `Intercom` in `inventory.yaml`:
//!
//! ```text
//! warning[inventory/unknown-subprocessor]: the policy names Intercom, which inventory.yaml does not list
//! ```
//!
//! ## How to fix
//!
//! If the vendor still receives data, add it to `subprocessors:` in
//! `inventory.yaml`. If it does not, remove it from the policy. If the
//! policy uses another spelling of a listed vendor, add that spelling to the
//! subprocessor's `aliases`; if you run the tool yourself, list it under
//! `self_hosted`.
//!
//! ## References
//!
//! GDPR Art. 13(1)(e) and 14(1)(e) (recipients), Art. 30(1)(d) (the record
//! of processing lists the recipients — the inventory plays that part).

use std::collections::BTreeSet;

use super::shared::{MentionKeys, VendorKeys, written_as_common_word};
use super::{Context, Finding, Level, Rule, RuleInfo};
use crate::model::MentionSource;

pub struct UnknownSubprocessor;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/unknown-subprocessor",
    default_level: Level::Warning,
    source: include_str!("unknown_subprocessor.rs"),
    needs_inventory: true,
};

impl Rule for UnknownSubprocessor {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mut reported = BTreeSet::new();
        let subprocessors = VendorKeys::of_subprocessors(inv);
        let organization = VendorKeys::new(
            [&inv.organization.name, &inv.organization.legal_name]
                .into_iter()
                .flatten()
                .map(|o| o.value.as_str()),
        );
        let self_hosted: Vec<VendorKeys> = inv
            .self_hosted
            .iter()
            .map(|s| VendorKeys::new(std::iter::once(s.value.as_str())))
            .collect();
        for tp in &cx.model.third_parties {
            if tp.negated || tp.self_hosted {
                continue;
            }
            let Some(doc) = cx.doc(&tp.evidence.path) else {
                continue;
            };
            let written = doc.written(tp.evidence.span()).unwrap_or("");
            if tp.source == MentionSource::Catalog && written_as_common_word(written, &tp.name) {
                continue;
            }
            let mention = MentionKeys::new(&tp.name, written);
            if mention.denotes(&organization) {
                continue;
            }
            let known = subprocessors.iter().any(|k| mention.denotes(k))
                || self_hosted.iter().any(|k| mention.denotes(k));
            if known || !reported.insert(crate::lexicon::vendors::normalize(&tp.name)) {
                continue;
            }
            let Some(loc) = doc.locate(tp.evidence.span()) else {
                continue;
            };
            // "Jira" is Atlassian in the catalog: say both.
            let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
            let named = if written.is_empty()
                || crate::lexicon::vendors::normalize(&written)
                    == crate::lexicon::vendors::normalize(&tp.name)
            {
                tp.name.clone()
            } else {
                format!("{written} ({})", tp.name)
            };
            out.push(
                Finding::new(
                    &INFO,
                    &tp.name,
                    loc,
                    format!("the policy names {named}, which {} does not list", inv.path),
                )
                .label("named here")
                .help(format!(
                    "Add {} to `subprocessors` (or `self_hosted`) in {} if it receives data; otherwise remove it from the policy",
                    tp.name, inv.path
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;

    #[test]
    fn reports_unknown_vendors_once_and_skips_negated_self_hosted_and_the_organization() {
        let d = doc(concat!(
            "# Privacy\n\n",
            "GitHub runs this site. We use Intercom for support and Intercom again.\n\n",
            "We do not use Google Analytics. We run self-hosted Plausible.\n\n",
            "You may make a complaint.\n",
        ));
        let docs = [d];
        let m = model(&docs);
        let i = inv("version: 1\norganization:\n  name: GitHub, Inc.\n");
        let got = run(&UnknownSubprocessor, &docs, &m, Some(&i));
        // "We use Intercom": "GitHub runs this site. We use " is 30 characters.
        assert_eq!(
            brief(&got),
            [("Intercom".into(), "policy.md".into(), 3, 31)]
        );
        assert!(got[0].message.contains("inventory.yaml does not list"));
    }

    #[test]
    fn a_short_name_the_policy_defines_is_the_listed_vendor() {
        // "Acme Analytics Ltd. ("Acme")" defines "Acme": the bare "Acme" of
        // the enumeration is the listed vendor, not an unknown party.
        let d = doc(concat!(
            "# Privacy\n\n## Subprocessors\n\n",
            "- Acme Analytics Ltd. (\"Acme\") — product analytics\n\n",
            "## Sharing\n\nWe share usage data with Stripe, PayPal, and Acme.\n",
        ));
        let docs = [d];
        let m = model(&docs);
        let i = inv(concat!(
            "version: 1\nsubprocessors:\n",
            "  - name: Acme Analytics Ltd.\n  - name: Stripe\n  - name: PayPal\n",
        ));
        assert!(run(&UnknownSubprocessor, &docs, &m, Some(&i)).is_empty());
    }

    #[test]
    fn listed_and_self_hosted_tools_are_known() {
        let d = doc("# Privacy\n\nWe use Stripe, Inc. and Plausible.\n");
        let docs = [d];
        let m = model(&docs);
        let i = inv(
            "version: 1\nsubprocessors:\n  - name: Stripe\nself_hosted: [Plausible Analytics]\n",
        );
        assert!(run(&UnknownSubprocessor, &docs, &m, Some(&i)).is_empty());
    }

    #[test]
    fn a_parents_legal_entity_names_its_products_a_bare_brand_does_not() {
        use super::super::undisclosed_subprocessor::UndisclosedSubprocessor;
        let i = inv(concat!(
            "version: 1\nsubprocessors:\n",
            "  - name: Google Analytics\n",
            "  - name: Google Cloud Platform\n",
        ));
        // A list that names the legal entity ("Google LLC — analytics and
        // hosting", as Sage's and Zulip's lists do) discloses the products
        // it provides; range/privacy-policy.md line 91 writes it "Google,
        // Inc.", which is the same entity, not Google Cloud Platform.
        for text in [
            "# Privacy\n\n## Subprocessors\n\n- Google LLC — analytics and hosting\n",
            "# Privacy\n\nOur analytics and hosting are services provided by Google, Inc.\n",
        ] {
            let docs = [doc(text)];
            let m = model(&docs);
            assert!(
                run(&UnknownSubprocessor, &docs, &m, Some(&i)).is_empty(),
                "{text}"
            );
            assert!(
                run(&UndisclosedSubprocessor, &docs, &m, Some(&i)).is_empty(),
                "{text}"
            );
        }
        // "Sign in with Google" names the brand, not the entity that runs
        // the system's hosting: both products stay undisclosed, and Google
        // is a party the inventory does not list.
        let docs = [doc("# Privacy\n\nYou can sign in with Google.\n")];
        let m = model(&docs);
        let got = run(&UndisclosedSubprocessor, &docs, &m, Some(&i));
        let subjects: Vec<&str> = got.iter().map(|f| f.subject.as_str()).collect();
        assert_eq!(subjects, ["Google Analytics", "Google Cloud Platform"]);
        let got = run(&UnknownSubprocessor, &docs, &m, Some(&i));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].subject, "Google");
    }
}
