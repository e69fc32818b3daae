//! `candor.yaml`: which files make up each policy set, the inventory they are
//! checked against, packs, rule levels, baseline and excludes.
//!
//! Discovery: `--config PATH`, else the nearest `candor.yaml` or
//! `.candor.yaml` walking up from the working directory. Paths inside the
//! config are relative to the config file's directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::{Error, Result};
use crate::rules::Level;
use crate::span::Span;
use crate::yaml;

pub const CONFIG_NAMES: [&str; 2] = ["candor.yaml", ".candor.yaml"];

/// The JSON Schema (draft-07) of candor.yaml, generated from the types that
/// read it (`candor schema --which config`).
pub fn json_schema() -> serde_json::Value {
    crate::schema::generate::<RawConfig>()
}

/// candor configuration (candor.yaml): which files make up each policy set,
/// the inventory they are checked against, packs and rule levels. Paths are
/// relative to this file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// The inventory (inventory.yaml) the policy sets are checked against.
    #[serde(default)]
    inventory: Option<String>,
    /// The policy files: paths, directories or globs forming one set, or
    /// named sets `{ name, files, inventory }`.
    #[serde(default)]
    #[schemars(with = "Vec<RawPolicyEntry>")]
    policies: Vec<Spanned<RawPolicyEntry>>,
    /// Regulation packs to apply (gdpr, ccpa, …); default: from the inventory's jurisdictions.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    packs: Option<Vec<Spanned<String>>>,
    /// Rule or group (`inventory`) → level (`error`, `warning`, `info`, `off`) or `{ level, … }`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawRuleSetting>")]
    rules: BTreeMap<String, Spanned<RawRuleSetting>>,
    /// A baseline file (candor-baseline.json): findings recorded in it do not fail the run.
    #[serde(default)]
    baseline: Option<String>,
    /// Globs of files never to lint.
    #[serde(default)]
    exclude: Vec<String>,
    /// Overrides the inventory's `organization.jurisdictions` for pack
    /// selection and `applies_when`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    jurisdictions: Option<Vec<Spanned<String>>>,
    /// System facts for `applies_when` (override what the inventory implies).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, bool>")]
    facts: BTreeMap<String, Spanned<bool>>,
}

/// A policy file (path, directory or glob) of the default set, or a named set.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
enum RawPolicyEntry {
    /// A file, directory or glob of the default set.
    Path(String),
    /// A named set with its own files and inventory.
    Set(RawPolicySet),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPolicySet {
    /// The set's name, shown in messages.
    name: String,
    /// Files, directories or globs that together disclose one system.
    files: Vec<String>,
    /// This set's inventory (default: the top-level `inventory`).
    #[serde(default)]
    inventory: Option<String>,
}

/// A rule's setting: a level, `off`/`false`, or `{ level, …options }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
enum RawRuleSetting {
    /// `false` turns the rule off (YAML 1.1 reads a bare `off` as `false`);
    /// `true` keeps its default level.
    Toggle(bool),
    /// `error`, `warning`, `info` or `off`.
    Level(#[schemars(with = "crate::schema::LevelSetting")] String),
    /// `{ level: warning, max_age: 12mo }`.
    Detailed(RawRuleDetail),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRuleDetail {
    /// `error`, `warning`, `info` or `off`.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::LevelSetting>")]
    level: Option<String>,
    /// For hygiene/stale-last-updated: the largest age of the last-updated date (`12mo`).
    #[serde(default)]
    max_age: Option<String>,
}

/// One policy set: files that together disclose one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicySetConfig {
    pub name: String,
    /// File paths or glob patterns, relative to the config's directory.
    pub files: Vec<String>,
    /// The inventory path, relative to the config's directory.
    pub inventory: Option<String>,
}

/// A rule's (or group's) configured level and options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetting {
    /// `None` = off.
    pub level: Option<Option<Level>>,
    pub max_age: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when one was read.
    pub path: Option<PathBuf>,
    pub text: Option<Arc<str>>,
    /// The directory config-relative paths resolve against.
    pub root: PathBuf,
    pub sets: Vec<PolicySetConfig>,
    pub packs: Option<Vec<String>>,
    pub rules: BTreeMap<String, RuleSetting>,
    pub baseline: Option<String>,
    pub exclude: Vec<String>,
    /// Span of each `packs:` entry (same order as `packs`).
    pub pack_spans: Vec<Span>,
    /// `jurisdictions:` (lowercased), when given.
    pub jurisdictions: Option<Vec<String>>,
    /// `facts:`, with the span of each value.
    pub facts: BTreeMap<String, (bool, Span)>,
}

impl Config {
    /// No config file: lint the files given on the command line.
    pub fn empty(root: PathBuf) -> Config {
        Config {
            path: None,
            text: None,
            root,
            sets: Vec::new(),
            packs: None,
            rules: BTreeMap::new(),
            baseline: None,
            exclude: Vec::new(),
            pack_spans: Vec::new(),
            jurisdictions: None,
            facts: BTreeMap::new(),
        }
    }

    /// The fact overrides, without spans.
    pub fn fact_values(&self) -> BTreeMap<String, bool> {
        self.facts
            .iter()
            .map(|(k, (v, _))| (k.clone(), *v))
            .collect()
    }

    /// The config file's display path (empty without a file).
    pub fn display(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    }

    /// An error pointing at `span` of the config file.
    pub fn error_at(&self, span: Span, message: impl Into<String>) -> Error {
        let e = Error::new("candor::config", message);
        match &self.text {
            Some(t) => e.at(self.display(), t.clone(), span),
            None => e,
        }
    }

    /// Find the config: the nearest `candor.yaml`/`.candor.yaml` from `start` upwards.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            for name in CONFIG_NAMES {
                let p = d.join(name);
                if p.is_file() {
                    return Some(p);
                }
            }
            dir = d.parent();
        }
        None
    }

    /// Read and validate the config at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let display = path.display().to_string();
        let text: Arc<str> = yaml::read_file(path, yaml::MAX_YAML_BYTES)
            .map_err(|e| {
                Error::new(
                    "candor::config",
                    format!("cannot read config {display}: {e}"),
                )
                .with_path(&display)
            })?
            .into();
        let root = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        let mut cfg = Config::parse(&display, text, root)?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Parse config text (pure; `root` is where relative paths resolve).
    pub fn parse(display: &str, text: Arc<str>, root: PathBuf) -> Result<Config> {
        let raw: RawConfig = yaml::from_str(display, &text, "config")?;
        let err = |span: Span, msg: String| {
            Error::new("candor::config", msg).at(display, text.clone(), span)
        };

        let mut sets = Vec::new();
        let mut default_files = Vec::new();
        for entry in &raw.policies {
            match &entry.value {
                RawPolicyEntry::Path(p) => default_files.push(p.clone()),
                RawPolicyEntry::Set(s) => {
                    if s.files.is_empty() {
                        return Err(err(
                            yaml::span_of(entry, &text),
                            format!("policy set '{}' lists no files", s.name),
                        ));
                    }
                    sets.push(PolicySetConfig {
                        name: s.name.clone(),
                        files: s.files.clone(),
                        inventory: s.inventory.clone().or_else(|| raw.inventory.clone()),
                    });
                }
            }
        }
        if !default_files.is_empty() {
            sets.insert(
                0,
                PolicySetConfig {
                    name: "default".to_string(),
                    files: default_files,
                    inventory: raw.inventory.clone(),
                },
            );
        }
        if sets.is_empty() {
            return Err(
                Error::new("candor::config", format!("{display} names no policy files"))
                    .with_path(display)
                    .with_help("add `policies: [privacy.md]` (paths relative to the config file)"),
            );
        }

        let mut rules = BTreeMap::new();
        for (key, setting) in &raw.rules {
            let span = yaml::span_of(setting, &text);
            let (level_str, max_age) = match &setting.value {
                RawRuleSetting::Toggle(false) => (Some("off"), None),
                RawRuleSetting::Toggle(true) => (None, None),
                RawRuleSetting::Level(l) => (Some(l.as_str()), None),
                RawRuleSetting::Detailed(d) => (d.level.as_deref(), d.max_age.clone()),
            };
            let level = match level_str {
                None => None,
                Some(s) => Some(Level::parse_setting(s).ok_or_else(|| {
                    err(span, format!("unknown level '{s}' for '{key}'"))
                        .with_help("use error, warning, info or off")
                })?),
            };
            rules.insert(
                key.clone(),
                RuleSetting {
                    level,
                    max_age,
                    span,
                },
            );
        }

        let mut jurisdictions = None;
        if let Some(js) = &raw.jurisdictions {
            let mut v = Vec::new();
            for j in js {
                let lower = j.value.trim().to_ascii_lowercase();
                if !crate::inventory::JURISDICTIONS.contains(&lower.as_str()) {
                    let known = crate::inventory::JURISDICTIONS;
                    return Err(err(
                        yaml::span_of(j, &text),
                        format!("unknown jurisdiction '{}'", j.value),
                    )
                    .with_help(
                        match crate::error::did_you_mean(&lower, known) {
                            Some(s) => format!("did you mean '{s}'? Known: {}", known.join(", ")),
                            None => format!("known jurisdictions: {}", known.join(", ")),
                        },
                    ));
                }
                v.push(lower);
            }
            jurisdictions = Some(v);
        }
        let mut facts = BTreeMap::new();
        for (name, value) in &raw.facts {
            let span = yaml::span_of(value, &text);
            if !crate::packs::facts::is_fact(name) {
                let names: Vec<&str> = crate::packs::facts::FACTS.iter().map(|(n, _)| *n).collect();
                return Err(err(span, format!("unknown fact '{name}'")).with_help(
                    match crate::error::did_you_mean(name, names.iter().copied()) {
                        Some(s) => format!("did you mean '{s}'? Known facts: {}", names.join(", ")),
                        None => format!("known facts: {}, legal_basis:<basis>", names.join(", ")),
                    },
                ));
            }
            facts.insert(name.clone(), (value.value, span));
        }
        let pack_spans = raw
            .packs
            .as_ref()
            .map(|p| p.iter().map(|s| yaml::span_of(s, &text)).collect())
            .unwrap_or_default();

        Ok(Config {
            path: None,
            text: Some(text.clone()),
            root,
            sets,
            packs: raw.packs.map(|p| p.into_iter().map(|s| s.value).collect()),
            rules,
            baseline: raw.baseline,
            exclude: raw.exclude,
            pack_spans,
            jurisdictions,
            facts,
        })
    }

    /// Validate that every configured rule key names a known rule or group.
    pub fn check_rule_keys(&self, known: &[&str]) -> Result<()> {
        for (key, setting) in &self.rules {
            if known.contains(&key.as_str()) {
                continue;
            }
            let display = self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let mut e = Error::new("candor::config", format!("unknown rule or group '{key}'"));
            if let Some(t) = &self.text {
                e = e.at(display, t.clone(), setting.span);
            }
            e = e.with_help(
                match crate::error::did_you_mean(key, known.iter().copied()) {
                    Some(s) => format!("did you mean '{s}'? `candor rules` lists them"),
                    None => "`candor rules` lists every rule and group".to_string(),
                },
            );
            return Err(e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(y: &str) -> Result<Config> {
        Config::parse("candor.yaml", y.into(), PathBuf::from("."))
    }

    #[test]
    fn one_set_with_inventory() {
        let c =
            parse("inventory: inventory.yaml\npolicies:\n  - privacy.md\n  - subprocessors.md\n")
                .unwrap();
        assert_eq!(c.sets.len(), 1);
        assert_eq!(c.sets[0].files, ["privacy.md", "subprocessors.md"]);
        assert_eq!(c.sets[0].inventory.as_deref(), Some("inventory.yaml"));
    }

    #[test]
    fn named_sets() {
        let c = parse("policies:\n  - { name: app, files: [app/privacy.md], inventory: app/inventory.yaml }\n").unwrap();
        assert_eq!(c.sets[0].name, "app");
        assert_eq!(c.sets[0].inventory.as_deref(), Some("app/inventory.yaml"));
    }

    #[test]
    fn unknown_key_suggests() {
        let e = parse("policies: [a.md]\ninventroy: inventory.yaml\n").unwrap_err();
        assert!(
            e.help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean 'inventory'"),
            "{e:?}"
        );
        assert_eq!(e.location(), Some((2, 1)));
    }

    #[test]
    fn jurisdictions_and_facts() {
        let c = parse("policies: [a.md]\njurisdictions: [EU, us-ca]\nfacts: { has_dpo: true, 'legal_basis:consent': false }\npacks: [gdpr, ./house.yaml]\n").unwrap();
        assert_eq!(
            c.jurisdictions,
            Some(vec!["eu".to_string(), "us-ca".to_string()])
        );
        assert!(c.fact_values()["has_dpo"]);
        assert!(!c.fact_values()["legal_basis:consent"]);
        assert_eq!(c.pack_spans.len(), 2);
        let e = parse("policies: [a.md]\nfacts: { has_dop: true }\n").unwrap_err();
        assert!(
            e.help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean 'has_dpo'"),
            "{e:?}"
        );
        let e = parse("policies: [a.md]\njurisdictions: [mars]\n").unwrap_err();
        assert_eq!(e.location(), Some((2, 17)));
    }

    #[test]
    fn rule_levels() {
        let c = parse("policies: [a.md]\nrules:\n  inventory/unknown-subprocessor: off\n  hygiene/stale-last-updated: { level: warning, max_age: 12mo }\n").unwrap();
        assert_eq!(c.rules["inventory/unknown-subprocessor"].level, Some(None));
        assert_eq!(
            c.rules["hygiene/stale-last-updated"].level,
            Some(Some(Level::Warning))
        );
        assert!(parse("policies: [a.md]\nrules:\n  x: loud\n").is_err());
    }
}
