//! The policy's privacy or DPO contact address differs from the inventory's.
//!
//! ## What it checks
//!
//! For each role the inventory states under `organization.contacts` —
//! `privacy` and `dpo` — candor takes the e-mail addresses the policy set
//! gives for the same role (`contacts` in the model). When the policy states
//! at least one address for that role and none of the policy's addresses (of
//! any role) is the inventory's address, the finding points at the policy's
//! first address for the role, with the inventory's address as the related
//! location. Addresses compare case-insensitively; `mailto:` is ignored.
//! Nothing is reported when only one side states an address.
//!
//! ## Why it matters
//!
//! GDPR Art. 13(1)(a) and (b) require the controller's and the DPO's contact
//! details. An address that bounces, or reaches a mailbox nobody reads since
//! the team changed, means data-subject requests go unanswered — and the
//! one-month deadline of Art. 12(3) runs anyway.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! organization:
//!   contacts: { privacy: privacy@lumen.example }
//! ```
//!
//! with a policy that says "Write to legal@lumen.example":
//!
//! ```text
//! warning[inventory/contact-mismatch]: the policy gives legal@lumen.example as the privacy contact, but inventory.yaml says privacy@lumen.example
//! ```
//!
//! ## How to fix
//!
//! Make the two agree: update the address in the policy, or in
//! `organization.contacts` if the mailbox really moved.
//!
//! ## References
//!
//! GDPR Art. 12(3), Art. 13(1)(a) and (b), Art. 14(1)(a) and (b),
//! Art. 37(7) (publish the DPO's contact details).

use super::shared::{locate_evidence, same_email};
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};

pub struct ContactMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "inventory/contact-mismatch",
    default_level: Level::Warning,
    source: include_str!("contact_mismatch.rs"),
    needs_inventory: true,
};

/// The model's role names that count as `role` of the inventory.
fn role_matches(inventory_role: &str, model_role: &str) -> bool {
    let r = model_role.trim().to_ascii_lowercase();
    match inventory_role {
        "dpo" => matches!(
            r.as_str(),
            "dpo" | "data_protection_officer" | "data protection officer"
        ),
        _ => matches!(r.as_str(), "privacy" | "privacy_contact" | "controller"),
    }
}

impl Rule for ContactMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let org = &inv.organization;
        for (role, value, label) in [
            ("privacy", &org.privacy_contact, "privacy contact"),
            ("dpo", &org.dpo_contact, "DPO contact"),
        ] {
            let Some(value) = value else { continue };
            if value.value.trim().is_empty() {
                continue;
            }
            let stated_anywhere = cx
                .model
                .contacts
                .iter()
                .any(|c| same_email(&c.email, &value.value));
            if stated_anywhere {
                continue;
            }
            let Some(first) = cx
                .model
                .contacts
                .iter()
                .find(|c| role_matches(role, &c.role))
            else {
                continue;
            };
            let Some(loc) = locate_evidence(cx, &first.evidence) else {
                continue;
            };
            out.push(
                Finding::new(
                    &INFO,
                    role,
                    loc,
                    format!(
                        "the policy gives {} as the {label}, but {} says {}",
                        first.email, inv.path, value.value
                    ),
                )
                .label(format!("{label} in the policy"))
                .related(
                    inv.locate(value.span),
                    format!("{label} in the inventory"),
                )
                .help(format!(
                    "Make the addresses agree: update the policy, or `organization.contacts.{role}` in {} if the mailbox moved",
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
    use crate::model::Contact;

    fn contact(d: &crate::document::Document, role: &str, email: &str) -> Contact {
        Contact {
            role: role.into(),
            email: email.into(),
            evidence: ev(d, email),
        }
    }

    const INV: &str = "version: 1\norganization:\n  contacts: { privacy: privacy@lumen.example, dpo: dpo@lumen.example }\n";

    #[test]
    fn reports_a_different_address_for_the_same_role() {
        let d = doc("# Privacy\n\nWrite to legal@lumen.example.\n\nOur DPO: DPO@Lumen.example\n");
        let mut m = model(std::slice::from_ref(&d));
        m.contacts = vec![
            contact(&d, "privacy", "legal@lumen.example"),
            contact(&d, "dpo", "DPO@Lumen.example"),
        ];
        let i = inv(INV);
        let got = run(&ContactMismatch, &[d], &m, Some(&i));
        assert_eq!(brief(&got), [("privacy".into(), "policy.md".into(), 3, 10)]);
        assert_eq!(
            got[0].message,
            "the policy gives legal@lumen.example as the privacy contact, but inventory.yaml says privacy@lumen.example"
        );
        // The inventory's address: line 3, "  contacts: { privacy: " is 23 characters.
        assert_eq!(got[0].related[0].location.path, "inventory.yaml");
        assert_eq!(got[0].related[0].location.line, 3);
        assert_eq!(got[0].related[0].location.column, 24);
    }

    #[test]
    fn silent_when_one_side_is_silent_or_the_address_appears() {
        let d = doc("# Privacy\n\nWrite to privacy@lumen.example or legal@lumen.example.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.contacts = vec![
            contact(&d, "privacy", "privacy@lumen.example"),
            contact(&d, "privacy", "legal@lumen.example"),
        ];
        let i = inv(INV);
        // The DPO address is not stated by the policy: nothing to compare.
        assert!(run(&ContactMismatch, std::slice::from_ref(&d), &m, Some(&i)).is_empty());
        let i = inv("version: 1\n");
        assert!(run(&ContactMismatch, &[d], &m, Some(&i)).is_empty());
    }
}
