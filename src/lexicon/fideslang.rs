//! The fideslang data-category taxonomy (`rules/lexicons/fideslang.tsv`,
//! CC BY 4.0, Ethyca and IAB Tech Lab).

use std::collections::BTreeMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../rules/lexicons/fideslang.tsv");

/// One category: its display name and, for deprecated keys, the replacement.
#[derive(Debug, Clone, Copy)]
pub struct Category {
    pub key: &'static str,
    pub name: &'static str,
    pub replaced_by: Option<&'static str>,
}

fn table() -> &'static BTreeMap<&'static str, Category> {
    static T: OnceLock<BTreeMap<&'static str, Category>> = OnceLock::new();
    T.get_or_init(|| {
        super::tsv_rows(TSV)
            .filter_map(|(_, mut cols)| {
                let key = cols.next()?.trim();
                let name = cols.next().unwrap_or(key).trim();
                let replaced_by = cols.next().map(str::trim).filter(|s| !s.is_empty());
                Some((
                    key,
                    Category {
                        key,
                        name,
                        replaced_by,
                    },
                ))
            })
            .collect()
    })
}

pub fn is_known(key: &str) -> bool {
    table().contains_key(key)
}

pub fn get(key: &str) -> Option<Category> {
    table().get(key).copied()
}

pub fn all() -> impl Iterator<Item = &'static Category> {
    table().values()
}

/// The key with deprecated keys replaced by their successors.
pub fn canonical(key: &str) -> &str {
    match get(key).and_then(|c| c.replaced_by) {
        Some(r) => r,
        None => key,
    }
}

/// The second level of a key: `user.contact.email` → `user.contact`.
pub fn second_level(key: &str) -> &str {
    match key.match_indices('.').nth(1) {
        Some((i, _)) => &key[..i],
        None => key,
    }
}

/// The closest known key, for "did you mean".
pub fn suggest(key: &str) -> Option<&'static str> {
    crate::error::did_you_mean(key, table().keys().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_loads_with_deprecations() {
        assert!(is_known("user.contact.email"));
        assert!(is_known("user.telemetry"));
        assert_eq!(canonical("user.telemetry"), "user.device.telemetry");
        assert!(!is_known("user.contact.emial"));
        assert_eq!(suggest("user.contact.emial"), Some("user.contact.email"));
        assert_eq!(second_level("user.contact.address.city"), "user.contact");
        assert_eq!(second_level("user.name"), "user.name");
        assert!(all().count() > 120);
    }
}
