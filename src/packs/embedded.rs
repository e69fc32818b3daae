//! The built-in packs, already parsed: `src/packs/parsed/{name}.json` holds
//! what [`super::load::parse`] makes of `rules/{name}.yaml` (its rules and
//! patterns, spans included), and [`super::builtin`] reads that instead of
//! parsing the YAML.
//!
//! Parsing the built-in packs' YAML was 7% of a pre-commit run's
//! instructions (12.6 M of 174 M on a three-document set: serde-saphyr
//! spends about 200 instructions per byte); reading their JSON is a tenth
//! of that. Each file carries the FNV-1a hash of the YAML it was made
//! from, and [`pack`] uses it only when that is the YAML compiled in: an
//! out-of-date file costs the parse, never a different pack. The test
//! `parsed_files_are_current` fails until the files are regenerated:
//! `CANDOR_BLESS=1 cargo test parsed_files_are_current`.

use std::sync::{Arc, OnceLock};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Atom, MODEL_LISTS, ModelQuery, Pack, PackOrigin, PackRule};
use crate::report::sarif::fnv1a;
use crate::span::Span;

/// What parsing a pack gives, but for what the loader knows already (its
/// origin, path and text).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Parsed {
    /// FNV-1a of the YAML this was parsed from.
    yaml: u64,
    name: String,
    description: Option<String>,
    rules: Vec<PackRule>,
    /// Each pattern and where it is written in the YAML.
    atoms: Vec<(String, Span)>,
}

#[cfg(test)]
impl Parsed {
    fn of(pack: &Pack, yaml: &str) -> Parsed {
        Parsed {
            yaml: fnv1a(&[yaml]),
            name: pack.name.clone(),
            description: pack.description.clone(),
            rules: pack.rules.clone(),
            atoms: pack
                .atoms
                .iter()
                .map(|a| (a.pattern.clone(), a.span))
                .collect(),
        }
    }
}

/// A built-in pack from its parsed form `json`, if that was made from
/// `yaml` (`path`: the YAML's display path).
pub(super) fn pack(path: &str, yaml: &'static str, json: &str) -> Option<Pack> {
    let parsed: Parsed = serde_json::from_str(json).ok()?;
    if parsed.yaml != fnv1a(&[yaml]) {
        return None;
    }
    Some(Pack {
        name: parsed.name,
        origin: PackOrigin::Builtin,
        description: parsed.description,
        rules: parsed.rules,
        atoms: parsed
            .atoms
            .into_iter()
            .map(|(pattern, span)| Atom {
                pattern,
                span,
                single: OnceLock::new(),
            })
            .collect(),
        path: path.to_string(),
        text: Arc::from(yaml),
        compiled: OnceLock::new(),
    })
}

/// A [`ModelQuery`] as its parsed form holds it: the list by name, read
/// back as the name in [`MODEL_LISTS`] it was parsed to.
#[derive(Deserialize)]
struct Query {
    list: String,
    where_: Vec<(String, serde_json::Value)>,
    has: Vec<String>,
}

impl<'de> Deserialize<'de> for ModelQuery {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ModelQuery, D::Error> {
        let q = Query::deserialize(d)?;
        let list = MODEL_LISTS
            .iter()
            .map(|(name, _)| *name)
            .find(|name| *name == q.list)
            .ok_or_else(|| D::Error::custom(format!("no model list '{}'", q.list)))?;
        Ok(ModelQuery {
            list,
            where_: q.where_,
            has: q.has,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::{BUILTIN, builtin};

    fn parsed_from_yaml(name: &str, yaml: &str) -> Parsed {
        let pack = Pack::parse(
            &format!("rules/{name}.yaml"),
            Arc::from(yaml),
            PackOrigin::Builtin,
        )
        .unwrap();
        Parsed::of(&pack, yaml)
    }

    #[test]
    fn parsed_files_are_current() {
        let files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(name, yaml, _)| {
                let json = serde_json::to_string_pretty(&parsed_from_yaml(name, yaml)).unwrap();
                (format!("src/packs/parsed/{name}.json"), json + "\n")
            })
            .collect();
        crate::generated::assert_current(&files, "parsed_files_are_current");
    }

    /// Every built-in pack comes from its parsed form (not the YAML), and
    /// is the pack parsing the YAML gives.
    #[test]
    fn builtin_packs_are_read_from_their_parsed_form() {
        if crate::generated::blessing() {
            return;
        }
        for (name, yaml, json) in BUILTIN {
            let fast = pack(&format!("rules/{name}.yaml"), yaml, json)
                .unwrap_or_else(|| panic!("{name}: its parsed form was not used"));
            let want = parsed_from_yaml(name, yaml);
            assert_eq!(Parsed::of(&fast, yaml), want, "{name}");
            let got = builtin(name).unwrap().unwrap();
            assert_eq!(Parsed::of(got, yaml), want, "{name}");
            assert_eq!(got.origin, PackOrigin::Builtin);
            assert_eq!(&*got.text, *yaml);
            assert_eq!(got.path, format!("rules/{name}.yaml"));
        }
    }

    /// A parsed form made from other YAML is not used.
    #[test]
    fn a_stale_parsed_form_is_ignored() {
        let (_, yaml, json) = BUILTIN[0];
        assert!(pack("rules/x.yaml", yaml, json).is_some());
        let edited: &'static str = Box::leak(format!("{yaml}\n# edited\n").into_boxed_str());
        assert!(pack("rules/x.yaml", edited, json).is_none());
        // Another pack's parsed form, or none.
        assert!(pack("rules/x.yaml", yaml, BUILTIN[1].2).is_none());
        assert!(pack("rules/x.yaml", yaml, "{}").is_none());
    }

    #[test]
    fn model_lists_read_back_as_their_names() {
        let q: ModelQuery =
            serde_json::from_str(r#"{"list":"rights","where_":[],"has":["right"]}"#).unwrap();
        assert_eq!(q.list, "rights");
        assert!(
            serde_json::from_str::<ModelQuery>(r#"{"list":"nope","where_":[],"has":[]}"#).is_err()
        );
    }
}
