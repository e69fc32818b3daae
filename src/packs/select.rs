//! Which packs a policy set is checked with.
//!
//! 1. `packs:` in candor.yaml, when present (built-in names or pack files);
//! 2. else the jurisdictions (`jurisdictions:` in candor.yaml, else the
//!    inventory's `organization.jurisdictions`): `eu`/`eea` → gdpr +
//!    eprivacy, `uk` → gdpr, `us-ca` → ccpa, `children` → coppa;
//! 3. else gdpr.
//!
//! `hygiene` is always added (turn it off with `rules: { hygiene: off }`),
//! and a built-in pack named by `--select` (`--select ccpa` or
//! `--select ccpa/missing-do-not-sell-link`) is added too.

/// A pack to run: a built-in one by name, or a pack file by its index in
/// the run's list of loaded pack files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PackRef {
    Builtin(&'static str),
    File(usize),
}

/// The built-in packs a jurisdiction selects.
pub fn packs_for_jurisdiction(j: &str) -> &'static [&'static str] {
    match j {
        "eu" | "eea" => &["gdpr", "eprivacy"],
        "uk" => &["gdpr"],
        "us-ca" => &["ccpa"],
        "children" => &["coppa"],
        _ => &[],
    }
}

fn builtin_name(name: &str) -> Option<&'static str> {
    super::builtin_names().find(|n| *n == name)
}

/// The packs for one set.
///
/// * `configured`: `packs:` from candor.yaml as (entry, file index when the
///   entry is a pack file);
/// * `jurisdictions`: config's, else the inventory's;
/// * `select`: `--select` entries.
pub fn select(
    configured: Option<&[(String, Option<usize>)]>,
    jurisdictions: Option<&[String]>,
    select: &[String],
) -> Vec<PackRef> {
    let mut out: Vec<PackRef> = Vec::new();
    let mut push = |p: PackRef| {
        if !out.contains(&p) {
            out.push(p);
        }
    };
    match (configured, jurisdictions) {
        (Some(list), _) => {
            for (entry, file) in list {
                match (file, builtin_name(entry)) {
                    (Some(i), _) => push(PackRef::File(*i)),
                    (None, Some(n)) => push(PackRef::Builtin(n)),
                    (None, None) => {}
                }
            }
        }
        (None, Some(js)) if !js.is_empty() => {
            for j in js {
                for n in packs_for_jurisdiction(j) {
                    push(PackRef::Builtin(n));
                }
            }
        }
        _ => push(PackRef::Builtin("gdpr")),
    }
    push(PackRef::Builtin("hygiene"));
    for s in select {
        let group = s.split_once('/').map_or(s.as_str(), |(g, _)| g);
        if let Some(n) = builtin_name(group) {
            push(PackRef::Builtin(n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[PackRef]) -> Vec<String> {
        v.iter()
            .map(|p| match p {
                PackRef::Builtin(n) => n.to_string(),
                PackRef::File(i) => format!("file#{i}"),
            })
            .collect()
    }

    #[test]
    fn config_then_jurisdictions_then_default() {
        let cfg = vec![
            ("gdpr".to_string(), None),
            ("./house.yaml".to_string(), Some(0)),
        ];
        assert_eq!(
            names(&select(Some(&cfg), Some(&["us-ca".into()]), &[])),
            ["gdpr", "file#0", "hygiene"]
        );
        assert_eq!(
            names(&select(
                None,
                Some(&["eu".into(), "us-ca".into(), "uk".into()]),
                &[]
            )),
            ["gdpr", "eprivacy", "ccpa", "hygiene"]
        );
        assert_eq!(names(&select(None, None, &[])), ["gdpr", "hygiene"]);
        assert_eq!(names(&select(None, Some(&[]), &[])), ["gdpr", "hygiene"]);
        assert_eq!(names(&select(Some(&[]), None, &[])), ["hygiene"]);
        assert_eq!(
            names(&select(
                None,
                Some(&["children".into()]),
                &["ccpa/missing-do-not-sell-link".into(), "inventory".into()]
            )),
            ["coppa", "hygiene", "ccpa"]
        );
    }
}
