//! Facts about the system that decide whether a pack rule applies
//! (`applies_when: { facts: [...] }`): derived from the inventory, or set
//! in `candor.yaml` under `facts:` (which wins). A fact nobody knows is
//! *unknown*, and a rule that needs an unknown fact does not run.

use std::collections::BTreeMap;

use crate::inventory::Inventory;

/// Every fact name, with what it means (shown by `candor explain`, the
/// README and "did you mean").
pub const FACTS: &[(&str, &str)] = &[
    (
        "has_dpo",
        "a data protection officer is designated (inventory: organization.contacts.dpo)",
    ),
    (
        "has_subprocessors",
        "some third party receives personal data (inventory: subprocessors)",
    ),
    (
        "has_subprocessors_outside_eea",
        "some subprocessor location is outside the EEA (inventory: subprocessors[].locations)",
    ),
    (
        "has_cookies",
        "the service sets cookies (inventory: cookies)",
    ),
    (
        "has_third_party_cookies",
        "some cookie is a third-party cookie (inventory: cookies[].party)",
    ),
    (
        "has_non_essential_cookies",
        "some cookie is third-party or serves a purpose other than authentication, security, load balancing or consent (inventory: cookies)",
    ),
    (
        "sells_personal_data",
        "personal data is sold (inventory: practices.sells_personal_data)",
    ),
    (
        "shares_for_cross_context_advertising",
        "personal data is shared for cross-context behavioural advertising (inventory: practices)",
    ),
    (
        "sells_or_shares",
        "either of the two above (CCPA 'sale' or 'sharing')",
    ),
    (
        "third_party_tracking",
        "third parties track users (inventory: practices.third_party_tracking)",
    ),
    (
        "established_outside_eea",
        "the controller has no establishment in the EEA (GDPR Art. 27); set it in candor.yaml",
    ),
    (
        "collects_indirectly",
        "personal data is obtained from others than the data subject (GDPR Art. 14); set it in candor.yaml",
    ),
    (
        "automated_decision_making",
        "decisions based solely on automated processing, incl. profiling (GDPR Art. 22); set it in candor.yaml",
    ),
    (
        "uses_sensitive_pi_beyond_permitted",
        "sensitive personal information is used beyond Cal. Code Regs. tit. 11, § 7027(m); set it in candor.yaml",
    ),
];

/// The values `legal_basis:<basis>` accepts (inventory: data[].legal_basis).
pub const LEGAL_BASES: &[&str] = &[
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
];

/// EEA member states (ISO 3166-1 alpha-2) plus the "EU"/"EEA" shorthands.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EU",
    "EEA",
];

/// Cookie purposes that are "strictly necessary" for ePrivacy purposes.
const ESSENTIAL_PURPOSE_WORDS: &[&str] = &[
    "authentication",
    "auth",
    "login",
    "session",
    "security",
    "csrf",
    "xsrf",
    "load balancing",
    "load-balancing",
    "essential",
    "necessary",
    "consent",
    "fraud",
];

/// Facts for one policy set.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    known: BTreeMap<String, bool>,
}

impl Facts {
    /// Derive facts from the inventory (if any), then apply `overrides`
    /// from candor.yaml.
    pub fn new(inventory: Option<&Inventory>, overrides: &BTreeMap<String, bool>) -> Facts {
        let mut known = BTreeMap::new();
        if let Some(inv) = inventory {
            let mut set = |k: &str, v: Option<bool>| {
                if let Some(v) = v {
                    known.insert(k.to_string(), v);
                }
            };
            set(
                "has_dpo",
                Some(
                    inv.organization
                        .dpo_contact
                        .as_ref()
                        .is_some_and(|d| !d.value.trim().is_empty()),
                ),
            );
            set("has_subprocessors", Some(!inv.subprocessors.is_empty()));
            let mut outside = false;
            let mut unlocated = false;
            for s in &inv.subprocessors {
                if s.locations.is_empty() {
                    unlocated = true;
                }
                outside |= s
                    .locations
                    .iter()
                    .any(|l| !EEA.contains(&l.trim().to_ascii_uppercase().as_str()));
            }
            set(
                "has_subprocessors_outside_eea",
                if outside {
                    Some(true)
                } else if unlocated {
                    None
                } else {
                    Some(false)
                },
            );
            set("has_cookies", Some(!inv.cookies.is_empty()));
            set(
                "has_third_party_cookies",
                Some(
                    inv.cookies
                        .iter()
                        .any(|c| c.party == crate::model::Party::Third),
                ),
            );
            set(
                "has_non_essential_cookies",
                Some(inv.cookies.iter().any(|c| {
                    c.party == crate::model::Party::Third
                        || c.purpose.as_ref().is_none_or(|p| {
                            let p = p.to_ascii_lowercase();
                            !ESSENTIAL_PURPOSE_WORDS.iter().any(|w| p.contains(w))
                        })
                })),
            );
            let p = &inv.practices;
            let sells = p.sells_personal_data.as_ref().map(|v| v.value);
            let shares = p
                .shares_for_cross_context_advertising
                .as_ref()
                .map(|v| v.value);
            set("sells_personal_data", sells);
            set("shares_for_cross_context_advertising", shares);
            set(
                "sells_or_shares",
                match (sells, shares) {
                    (Some(true), _) | (_, Some(true)) => Some(true),
                    (Some(false), Some(false)) => Some(false),
                    _ => None,
                },
            );
            set(
                "third_party_tracking",
                p.third_party_tracking.as_ref().map(|v| v.value),
            );
            let bases: Vec<String> = inv
                .data
                .iter()
                .filter_map(|d| d.legal_basis.as_ref())
                .map(|b| b.value.trim().to_ascii_lowercase().replace([' ', '-'], "_"))
                .collect();
            if !bases.is_empty() {
                for b in LEGAL_BASES {
                    known.insert(
                        format!("legal_basis:{b}"),
                        bases.iter().any(|x| x == b || x == &format!("{b}s")),
                    );
                }
            }
        }
        for (k, v) in overrides {
            known.insert(k.clone(), *v);
        }
        Facts { known }
    }

    /// The fact's value, `None` when unknown.
    pub fn get(&self, name: &str) -> Option<bool> {
        self.known.get(name).copied()
    }
}

/// Is `name` a fact (or `legal_basis:<basis>`) candor knows?
pub fn is_fact(name: &str) -> bool {
    FACTS.iter().any(|(n, _)| *n == name)
        || name
            .strip_prefix("legal_basis:")
            .is_some_and(|b| LEGAL_BASES.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(y: &str) -> Inventory {
        Inventory::from_str("inventory.yaml", y.into()).unwrap()
    }

    #[test]
    fn derives_facts_from_the_inventory() {
        let i = inv(
            "version: 1\norganization: { contacts: { dpo: dpo@x.eu } }\ndata:\n  - { id: a, legal_basis: consent }\nsubprocessors:\n  - { name: Hetzner, locations: [DE, US] }\ncookies:\n  - { name: session, purpose: authentication }\npractices: { sells_personal_data: false }\n",
        );
        let f = Facts::new(Some(&i), &BTreeMap::new());
        assert_eq!(f.get("has_dpo"), Some(true));
        assert_eq!(f.get("has_subprocessors_outside_eea"), Some(true));
        assert_eq!(f.get("has_non_essential_cookies"), Some(false));
        assert_eq!(f.get("legal_basis:consent"), Some(true));
        assert_eq!(f.get("legal_basis:contract"), Some(false));
        // shares_for_cross_context_advertising is not stated: unknown.
        assert_eq!(f.get("sells_or_shares"), None);
        assert_eq!(f.get("established_outside_eea"), None);
    }

    #[test]
    fn unlocated_subprocessors_leave_transfers_unknown_and_overrides_win() {
        let i =
            inv("version: 1\nsubprocessors:\n  - { name: A, locations: [DE] }\n  - { name: B }\n");
        let mut o = BTreeMap::new();
        assert_eq!(
            Facts::new(Some(&i), &o).get("has_subprocessors_outside_eea"),
            None
        );
        o.insert("has_subprocessors_outside_eea".to_string(), true);
        assert_eq!(
            Facts::new(Some(&i), &o).get("has_subprocessors_outside_eea"),
            Some(true)
        );
        assert_eq!(Facts::new(None, &BTreeMap::new()).get("has_dpo"), None);
    }
}
