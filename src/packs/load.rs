//! Reading a pack file: YAML → validated [`Pack`]. Every mistake is an
//! error that underlines the offending YAML (exit code 2).

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::facts::{FACTS, LEGAL_BASES};
use super::{
    Applies, Atom, Check, Expect, Item, MODEL_LISTS, ModelQuery, Pack, PackOrigin, PackRule,
};
use crate::clock::Age;
use crate::error::{Error, Result, did_you_mean};
use crate::inventory::JURISDICTIONS;
use crate::rules::Level;
use crate::span::Span;
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    rules: Vec<Spanned<RawRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    level: Spanned<String>,
    check: Spanned<String>,
    message: String,
    #[serde(default)]
    citation: Option<String>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    section: Option<Spanned<String>>,
    #[serde(default)]
    evidence: Option<Spanned<Vec<Spanned<RawItem>>>>,
    #[serde(default)]
    details: Option<Spanned<Vec<Spanned<RawItem>>>>,
    #[serde(default)]
    vague: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    forbidden: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    unless: Option<Spanned<Vec<Spanned<RawItem>>>>,
    #[serde(default)]
    context: Option<Spanned<Vec<Spanned<RawItem>>>>,
    #[serde(default)]
    required: Option<Spanned<bool>>,
    #[serde(default)]
    model: Option<Spanned<RawModel>>,
    #[serde(default)]
    expect: Option<Spanned<String>>,
    #[serde(default)]
    max_age: Option<Spanned<String>>,
    #[serde(default)]
    applies_when: Option<RawApplies>,
    #[serde(default)]
    scope: Option<Spanned<String>>,
    /// Rules this one makes redundant where both fire on the same line.
    #[serde(default)]
    supersedes: Option<Vec<Spanned<String>>>,
}

/// One evidence item: a regex, or `{ all: [regex, …] }` (all in one sentence).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawItem {
    One(String),
    All { all: Vec<String> },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    list: String,
    #[serde(default, rename = "where")]
    where_: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    has: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplies {
    #[serde(default)]
    jurisdictions: Vec<Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<String>>,
    #[serde(default)]
    mentions: Option<Spanned<Vec<Spanned<RawItem>>>>,
}

const KINDS: [&str; 5] = [
    "presence",
    "specificity",
    "anti_pattern",
    "freshness",
    "model",
];
const EXPECTS: [&str; 3] = ["present", "absent", "every"];

struct Loader<'a> {
    path: &'a str,
    text: &'a Arc<str>,
    atoms: Vec<Atom>,
    by_pattern: BTreeMap<String, usize>,
}

impl Loader<'_> {
    fn span<T>(&self, v: &Spanned<T>) -> Span {
        yaml::span_of(v, self.text)
    }

    fn err(&self, span: Span, message: impl Into<String>) -> Error {
        Error::new("candor::pack", message).at(self.path, self.text.clone(), span)
    }

    /// The atom for `pattern` (deduplicated across the pack).
    fn atom(&mut self, pattern: &str, span: Span) -> Result<usize> {
        if pattern.trim().is_empty() {
            return Err(self
                .err(span, "empty pattern")
                .with_label("this pattern")
                .with_help("an empty regex matches everywhere; remove it"));
        }
        if let Some(&i) = self.by_pattern.get(pattern) {
            return Ok(i);
        }
        let i = self.atoms.len();
        self.atoms.push(Atom {
            pattern: pattern.to_string(),
            span,
            single: OnceLock::new(),
        });
        self.by_pattern.insert(pattern.to_string(), i);
        Ok(i)
    }

    fn item(&mut self, raw: &Spanned<RawItem>) -> Result<Item> {
        let span = self.span(raw);
        match &raw.value {
            RawItem::One(p) => Ok(Item::One(self.atom(p, span)?)),
            RawItem::All { all } => {
                if all.is_empty() {
                    return Err(self
                        .err(span, "`all` lists no patterns")
                        .with_label("this item"));
                }
                let mut v = Vec::with_capacity(all.len());
                for p in all {
                    v.push(self.atom(p, span)?);
                }
                Ok(if v.len() == 1 {
                    Item::One(v[0])
                } else {
                    Item::All(v)
                })
            }
        }
    }

    fn items(&mut self, raw: &Option<Spanned<Vec<Spanned<RawItem>>>>) -> Result<Vec<Item>> {
        let mut out = Vec::new();
        if let Some(list) = raw {
            for r in &list.value {
                out.push(self.item(r)?);
            }
        }
        Ok(out)
    }

    fn singles(&mut self, raw: &Option<Spanned<Vec<Spanned<String>>>>) -> Result<Vec<usize>> {
        let mut out = Vec::new();
        if let Some(list) = raw {
            for r in &list.value {
                let span = self.span(r);
                out.push(self.atom(&r.value, span)?);
            }
        }
        Ok(out)
    }

    fn model(&self, raw: &Spanned<RawModel>) -> Result<ModelQuery> {
        let span = self.span(raw);
        let m = &raw.value;
        let Some((list, fields)) = MODEL_LISTS.iter().find(|(l, _)| *l == m.list) else {
            let names: Vec<&str> = MODEL_LISTS.iter().map(|(l, _)| *l).collect();
            return Err(self
                .err(span, format!("unknown model list '{}'", m.list))
                .with_label("model query")
                .with_help(suggest(&m.list, &names, "lists of candor/model/v1")));
        };
        for key in m.where_.keys().chain(m.has.iter()) {
            if !fields.contains(&key.as_str()) {
                return Err(self
                    .err(span, format!("'{list}' entries have no field '{key}'"))
                    .with_label("model query")
                    .with_help(suggest(key, fields, &format!("fields of {list}"))));
            }
        }
        for (key, value) in &m.where_ {
            if value.is_array() || value.is_object() {
                return Err(self
                    .err(span, format!("`where: {{ {key}: … }}` must be a scalar"))
                    .with_label("model query")
                    .with_help("compare with a string, number, boolean or ~ (null)"));
            }
        }
        Ok(ModelQuery {
            list,
            where_: m.where_.clone().into_iter().collect(),
            has: m.has.clone(),
        })
    }

    fn applies(&mut self, raw: &Option<RawApplies>) -> Result<Applies> {
        let mut a = Applies::default();
        let Some(raw) = raw else { return Ok(a) };
        for j in &raw.jurisdictions {
            let v = j.value.to_ascii_lowercase();
            if !JURISDICTIONS.contains(&v.as_str()) {
                return Err(self
                    .err(self.span(j), format!("unknown jurisdiction '{}'", j.value))
                    .with_label("jurisdiction")
                    .with_help(suggest(&v, &JURISDICTIONS, "jurisdictions")));
            }
            a.jurisdictions.push(v);
        }
        for f in &raw.facts {
            let (negated, name) = match f.value.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, f.value.trim()),
            };
            let known = FACTS.iter().any(|(n, _)| *n == name)
                || name
                    .strip_prefix("legal_basis:")
                    .is_some_and(|b| LEGAL_BASES.contains(&b));
            if !known {
                let names: Vec<&str> = FACTS.iter().map(|(n, _)| *n).collect();
                return Err(self
                    .err(self.span(f), format!("unknown fact '{name}'"))
                    .with_label("fact")
                    .with_help(format!(
                        "{}; or legal_basis:{}",
                        suggest(name, &names, "facts"),
                        LEGAL_BASES.join("|")
                    )));
            }
            a.facts.push((name.to_string(), negated));
        }
        a.mentions = self.items(&raw.mentions)?;
        Ok(a)
    }

    /// Reject an optional key that the rule's check kind does not use:
    /// "`forbidden` is not used by presence checks".
    fn keys_fit(&self, r: &RawRule, kind: &str) -> Result<()> {
        let keys: [(&str, Option<Span>, &[&str]); 12] = [
            (
                "scope",
                r.scope.as_ref().map(|v| self.span(v)),
                &["presence"],
            ),
            (
                "evidence",
                r.evidence.as_ref().map(|v| self.span(v)),
                &["presence", "specificity"],
            ),
            (
                "details",
                r.details.as_ref().map(|v| self.span(v)),
                &["specificity"],
            ),
            (
                "vague",
                r.vague.as_ref().map(|v| self.span(v)),
                &["specificity"],
            ),
            (
                "forbidden",
                r.forbidden.as_ref().map(|v| self.span(v)),
                &["anti_pattern"],
            ),
            (
                "unless",
                r.unless.as_ref().map(|v| self.span(v)),
                &["anti_pattern"],
            ),
            (
                "context",
                r.context.as_ref().map(|v| self.span(v)),
                &["anti_pattern"],
            ),
            (
                "required",
                r.required.as_ref().map(|v| self.span(v)),
                &["specificity"],
            ),
            (
                "model",
                r.model.as_ref().map(|v| self.span(v)),
                &["presence", "model"],
            ),
            (
                "expect",
                r.expect.as_ref().map(|v| self.span(v)),
                &["model"],
            ),
            (
                "max_age",
                r.max_age.as_ref().map(|v| self.span(v)),
                &["freshness"],
            ),
            (
                "section",
                r.section.as_ref().map(|v| self.span(v)),
                &["presence", "specificity", "anti_pattern"],
            ),
        ];
        for (key, span, uses) in keys {
            let Some(span) = span else { continue };
            if uses.contains(&kind) {
                continue;
            }
            let uses = match uses.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            return Err(self
                .err(span, format!("`{key}` is not used by {kind} checks"))
                .with_label("not used here")
                .with_help(format!(
                    "`{key}` belongs to {uses} checks; remove it or change `check`"
                )));
        }
        Ok(())
    }

    fn rule(&mut self, raw: &Spanned<RawRule>) -> Result<PackRule> {
        let r = &raw.value;
        let id_span = self.span(&r.id);
        let id = r.id.value.trim().to_string();
        if !valid_id(&id) {
            return Err(self
                .err(id_span, format!("rule id '{id}' is not `group/name` in kebab-case"))
                .with_label("rule id")
                .with_help("e.g. `house/no-anonymous-claims`: lowercase letters, digits and dashes, one `/`"));
        }
        let level = Level::parse(r.level.value.trim()).ok_or_else(|| {
            self.err(
                self.span(&r.level),
                format!("unknown level '{}'", r.level.value),
            )
            .with_label("level")
            .with_help("use error, warning or info")
        })?;
        if r.message.trim().is_empty() {
            return Err(self.err(id_span, format!("rule '{id}' has an empty message")));
        }
        let kind = r.check.value.trim();
        let kind_span = self.span(&r.check);
        if !KINDS.contains(&kind) {
            return Err(self
                .err(kind_span, format!("unknown check kind '{kind}'"))
                .with_label("check")
                .with_help(suggest(kind, &KINDS, "check kinds")));
        }
        let section = match &r.section {
            Some(s) => {
                let span = self.span(s);
                Some(self.atom(&s.value, span)?)
            }
            None => None,
        };
        let missing = |this: &Self, key: &str| -> Error {
            this.err(kind_span, format!("{kind} checks need `{key}`"))
                .with_label("check kind")
                .with_help(format!("add `{key}:` to rule '{id}'"))
        };
        let need = |this: &Self, ok: bool, key: &str| -> Result<()> {
            if ok { Ok(()) } else { Err(missing(this, key)) }
        };
        self.keys_fit(r, kind)?;
        let check = match kind {
            "presence" => {
                let evidence = self.items(&r.evidence)?;
                let model = match &r.model {
                    Some(m) => Some(self.model(m)?),
                    None => None,
                };
                need(self, !evidence.is_empty() || model.is_some(), "evidence")?;
                let per_document = match &r.scope {
                    None => false,
                    Some(sc) => match sc.value.trim() {
                        "set" => false,
                        "document" => true,
                        other => {
                            return Err(self
                                .err(self.span(sc), format!("unknown scope '{other}'"))
                                .with_label("scope")
                                .with_help("use `set` (the default: anywhere in the policy set) or `document` (in every document)"));
                        }
                    },
                };
                Check::Presence {
                    evidence,
                    section,
                    model,
                    per_document,
                }
            }
            "specificity" => {
                let evidence = self.items(&r.evidence)?;
                let details = self.items(&r.details)?;
                let vague = self.singles(&r.vague)?;
                need(self, !evidence.is_empty(), "evidence")?;
                need(self, !details.is_empty(), "details")?;
                Check::Specificity {
                    evidence,
                    details,
                    vague,
                    section,
                    required: r.required.as_ref().is_none_or(|b| b.value),
                }
            }
            "anti_pattern" => {
                let forbidden = self.singles(&r.forbidden)?;
                need(self, !forbidden.is_empty(), "forbidden")?;
                Check::AntiPattern {
                    forbidden,
                    unless: self.items(&r.unless)?,
                    context: self.items(&r.context)?,
                    section,
                }
            }
            "freshness" => {
                let Some(m) = &r.max_age else {
                    return Err(missing(self, "max_age"));
                };
                let max_age = Age::parse(&m.value).ok_or_else(|| {
                    self.err(self.span(m), format!("'{}' is not an age", m.value))
                        .with_label("max_age")
                        .with_help("write e.g. 12mo, 1y, 90d or 2w")
                })?;
                Check::Freshness { max_age }
            }
            _ => {
                let Some(m) = &r.model else {
                    return Err(missing(self, "model"));
                };
                let query = self.model(m)?;
                let expect = match &r.expect {
                    None => Expect::Present,
                    Some(e) => match e.value.trim() {
                        "present" => Expect::Present,
                        "absent" => Expect::Absent,
                        "every" => Expect::Every,
                        other => {
                            return Err(self
                                .err(self.span(e), format!("unknown expectation '{other}'"))
                                .with_label("expect")
                                .with_help(suggest(other, &EXPECTS, "expectations")));
                        }
                    },
                };
                Check::Model { query, expect }
            }
        };
        let subject = r
            .subject
            .clone()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| default_subject(&id));
        let mut supersedes = Vec::new();
        for sup in r.supersedes.iter().flatten() {
            let other = sup.value.trim();
            if !valid_id(other) || other == id {
                return Err(self
                    .err(
                        self.span(sup),
                        format!("supersedes: '{other}' is not another rule's `group/name` id"),
                    )
                    .with_label("supersedes")
                    .with_help("list the ids of rules this one makes redundant, e.g. `supersedes: [hygiene/stale-last-updated]`"));
            }
            supersedes.push(other.to_string());
        }
        Ok(PackRule {
            supersedes,
            id,
            level,
            message: r.message.trim().to_string(),
            citation: nonempty(&r.citation),
            help: nonempty(&r.help),
            description: nonempty(&r.description),
            subject,
            check,
            applies: self.applies(&r.applies_when)?,
            span: id_span,
        })
    }
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn suggest(word: &str, known: &[&str], what: &str) -> String {
    match did_you_mean(word, known.iter().copied()) {
        Some(s) => format!("did you mean '{s}'? Known {what}: {}", known.join(", ")),
        None => format!("known {what}: {}", known.join(", ")),
    }
}

/// `group/name`, both kebab-case (lowercase ASCII letters, digits, single dashes).
pub fn valid_id(id: &str) -> bool {
    let kebab = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    match id.split_once('/') {
        Some((g, n)) => kebab(g) && kebab(n),
        None => false,
    }
}

/// `gdpr/missing-legal-basis` → `legal-basis`.
fn default_subject(id: &str) -> String {
    let name = id.split_once('/').map_or(id, |(_, n)| n);
    name.strip_prefix("missing-").unwrap_or(name).to_string()
}

/// Parse and validate a pack. `path` is its display path (for errors).
pub fn parse(path: &str, text: Arc<str>, origin: PackOrigin) -> Result<Pack> {
    let raw: RawPack = yaml::from_str(path, &text, "rule pack")?;
    let mut l = Loader {
        path,
        text: &text,
        atoms: Vec::new(),
        by_pattern: BTreeMap::new(),
    };
    let name = raw.pack.value.trim().to_string();
    if name.is_empty() {
        return Err(l.err(l.span(&raw.pack), "the pack has an empty name"));
    }
    let mut rules: Vec<PackRule> = Vec::with_capacity(raw.rules.len());
    for r in &raw.rules {
        let rule = l.rule(r)?;
        if let Some(first) = rules.iter().find(|x| x.id == rule.id) {
            let line = text[..first.span.start.min(text.len())]
                .matches('\n')
                .count()
                + 1;
            return Err(l
                .err(rule.span, format!("duplicate rule id '{}'", rule.id))
                .with_label("defined again here")
                .with_help(format!("the first '{}' is on line {line}", rule.id)));
        }
        rules.push(rule);
    }
    if rules.is_empty() {
        return Err(l.err(l.span(&raw.pack), format!("pack '{name}' has no rules")));
    }
    let atoms = l.atoms;
    Ok(Pack {
        name,
        origin,
        description: raw.description.map(|d| d.trim().to_string()),
        rules,
        atoms,
        path: path.to_string(),
        text,
        compiled: OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(y: &str) -> Result<Pack> {
        parse("p.yaml", Arc::from(y), PackOrigin::File("p.yaml".into()))
    }

    const OK: &str = r#"pack: house
rules:
  - id: house/no-anonymous
    level: warning
    check: anti_pattern
    message: Do not call pseudonymous data anonymous
    forbidden: ['(?i)\banonymi[sz]ed\b']
    unless: [{ all: ['(?i)\baggregate', '(?i)\bstatistics\b'] }]
"#;

    #[test]
    fn parses_a_house_style_pack() {
        let p = load(OK).unwrap();
        assert_eq!(p.name, "house");
        assert_eq!(p.rules.len(), 1);
        let r = &p.rules[0];
        assert_eq!(r.id, "house/no-anonymous");
        assert_eq!(r.subject, "no-anonymous");
        assert_eq!(r.level, Level::Warning);
        assert!(
            matches!(&r.check, Check::AntiPattern { forbidden, unless, .. } if forbidden.len() == 1 && matches!(unless[0], Item::All(ref a) if a.len() == 2))
        );
        assert_eq!(p.atoms.len(), 3);
    }

    #[test]
    fn mistakes_are_located() {
        let cases: &[(&str, &str, (usize, usize))] = &[
            (
                "pack: x\nrules:\n  - id: House/x\n    level: error\n    check: presence\n    message: m\n    evidence: [a]\n",
                "kebab-case",
                (3, 9),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: loud\n    check: presence\n    message: m\n    evidence: [a]\n",
                "unknown level",
                (4, 12),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: presense\n    message: m\n    evidence: [a]\n",
                "unknown check kind",
                (5, 12),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: presence\n    message: m\n    evidence: [a]\n    forbidden: [b]\n",
                "not used by presence",
                (8, 16),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: freshness\n    message: m\n    max_age: 12mo\n    section: Privacy\n",
                "`section` is not used by freshness checks",
                (8, 14),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: specificity\n    message: m\n    evidence: [a]\n",
                "need `details`",
                (5, 12),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: model\n    message: m\n    model: { list: right }\n",
                "unknown model list",
                (7, 12),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: presence\n    message: m\n    evidence: [a]\n    applies_when: { facts: [has_dpoo] }\n",
                "unknown fact",
                (8, 29),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: presence\n    message: m\n    evidence: [a]\n  - id: x/y\n    level: error\n    check: presence\n    message: m\n    evidence: [b]\n",
                "duplicate rule id",
                (8, 9),
            ),
            (
                "pack: x\nrules:\n  - id: x/y\n    level: error\n    check: freshness\n    message: m\n    max_age: soon\n",
                "not an age",
                (7, 14),
            ),
        ];
        for (yaml, msg, loc) in cases {
            let e = load(yaml).unwrap_err();
            assert!(e.message.contains(msg), "{yaml}\n→ {e}");
            assert_eq!(e.location(), Some(*loc), "{yaml}\n→ {e}");
        }
    }

    #[test]
    fn unknown_keys_suggest() {
        let e = load("pack: x\nrules:\n  - id: x/y\n    level: error\n    check: presence\n    message: m\n    evidense: [a]\n").unwrap_err();
        assert!(
            e.help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean 'evidence'"),
            "{e:?}"
        );
    }

    #[test]
    fn ids() {
        assert!(valid_id("gdpr/missing-legal-basis"));
        assert!(valid_id("a1/b2"));
        for bad in [
            "gdpr",
            "Gdpr/x",
            "gdpr/x_y",
            "gdpr/-x",
            "gdpr/x--y",
            "/x",
            "a/b/c",
        ] {
            assert!(!valid_id(bad), "{bad}");
        }
    }
}
