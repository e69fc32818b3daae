//! Regulation packs: declarative rules in YAML (`rules/*.yaml`), Vale-style.
//!
//! A pack is a list of rules; each rule names one disclosure (or one
//! wording to avoid) with a check kind — `presence`, `specificity`,
//! `anti_pattern`, `freshness` or `model` — and an optional `applies_when`
//! (jurisdictions, system facts, mentions in the policy). The format is
//! documented in README.md ("Rule packs") and checked by [`load::parse`].
//!
//! Every regex of a pack is compiled once, on first use, into one
//! multi-pattern matcher ([`Pack::matcher`], see `matcher.rs`: a set of
//! patterns answering "which of them match in this text", like a
//! `RegexSet`); each block of text is matched against it in one pass. A
//! pattern is compiled on its own only to locate a match the set already
//! found (anti-patterns, vague wording). Patterns run in ASCII mode (`\b`,
//! `\w`, `(?i)` are ASCII; non-ASCII letters match literally; `(?u:…)` opts
//! back in), which keeps the lazy DFA fast on text full of curly quotes and
//! dashes.

mod embedded;
mod eval;
pub mod facts;
mod load;
mod matcher;
pub(crate) mod plan;
pub mod select;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::clock::Age;
use crate::error::{Error, Result};
use crate::rules::Level;
use crate::span::Span;

pub use eval::{
    PackDoc, PackInput, PackPlan, RuleRun, SetInput, check_pack, check_pack_set, doc_anchor,
    doc_part,
};
pub use facts::Facts;
pub use load::valid_id;

/// Largest compiled size of one pattern (a set's: [`SET_SIZE_LIMIT`]).
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;
pub use plan::SET_SIZE_LIMIT;
/// Cache of a lazy DFA of a pack compiled at run time (a pack file; the
/// built-in packs' DFAs are dense, compiled by build.rs).
const DFA_CACHE: usize = 8 << 20;

/// The lists of `candor/model/v1` a `model` query may name, with their fields.
pub const MODEL_LISTS: &[(&str, &[&str])] = &[
    ("documents", &["path", "title", "last_updated"]),
    ("data_collected", &["category", "phrase"]),
    (
        "third_parties",
        &[
            "name",
            "purpose",
            "locations",
            "self_hosted",
            "negated",
            "source",
        ],
    ),
    (
        "retention",
        &["subject", "days", "after", "bound", "indefinite", "vague"],
    ),
    (
        "cookies",
        &["name", "party", "provider", "purpose", "duration"],
    ),
    ("rights", &["right"]),
    ("claims", &["claim", "scope"]),
    ("contacts", &["role", "email"]),
];

/// `(name, YAML, parsed form)` of each pack name given: `rules/{name}.yaml`
/// and `src/packs/parsed/{name}.json` (see `embedded.rs`).
macro_rules! builtin_packs {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../rules/", $name, ".yaml")),
            include_str!(concat!("parsed/", $name, ".json")),
        )),*]
    };
}

/// The packs compiled into candor: name, YAML and parsed form.
pub const BUILTIN: &[(&str, &str, &str)] =
    builtin_packs!["gdpr", "ccpa", "eprivacy", "coppa", "hygiene"];

/// Where a pack came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackOrigin {
    Builtin,
    /// A pack file named in candor.yaml, by display path.
    File(String),
}

/// One evidence item: a pattern, or several that must all match in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    One(usize),
    All(Vec<usize>),
}

/// A query over one list of the extracted model.
/// (`Deserialize` is in `embedded.rs`: the list reads back as a name of
/// [`MODEL_LISTS`].)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelQuery {
    pub list: &'static str,
    /// Field equals value (JSON scalar).
    pub where_: Vec<(String, serde_json::Value)>,
    /// Fields that must be non-null and non-empty.
    pub has: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expect {
    /// Some entry matches.
    Present,
    /// No entry matches; each one that does is a finding.
    Absent,
    /// Every entry matches; each one that does not is a finding.
    Every,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Check {
    Presence {
        evidence: Vec<Item>,
        section: Option<usize>,
        model: Option<ModelQuery>,
        /// Every document must have the evidence (`scope: document`),
        /// rather than the set as a whole.
        per_document: bool,
    },
    Specificity {
        evidence: Vec<Item>,
        details: Vec<Item>,
        vague: Vec<usize>,
        section: Option<usize>,
        required: bool,
    },
    AntiPattern {
        forbidden: Vec<usize>,
        /// Exceptions: a block where one matches is not a finding.
        unless: Vec<Item>,
        /// When given, only blocks where one matches count.
        context: Vec<Item>,
        section: Option<usize>,
    },
    Freshness {
        max_age: Age,
    },
    Model {
        query: ModelQuery,
        expect: Expect,
    },
}

impl Check {
    pub fn kind(&self) -> &'static str {
        match self {
            Check::Presence { .. } => "presence",
            Check::Specificity { .. } => "specificity",
            Check::AntiPattern { .. } => "anti_pattern",
            Check::Freshness { .. } => "freshness",
            Check::Model { .. } => "model",
        }
    }

    /// Whether evaluating it needs the text matched against the set.
    fn needs_text(&self) -> bool {
        !matches!(self, Check::Freshness { .. } | Check::Model { .. })
    }
}

/// When a rule applies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Applies {
    /// Any of these jurisdictions (empty: any).
    pub jurisdictions: Vec<String>,
    /// All of these facts, `(name, negated)`.
    pub facts: Vec<(String, bool)>,
    /// Any of these in the policy set.
    pub mentions: Vec<Item>,
}

/// One rule of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackRule {
    pub id: String,
    pub level: Level,
    pub message: String,
    pub citation: Option<String>,
    pub help: Option<String>,
    pub description: Option<String>,
    /// The finding's subject (baselines key on it).
    pub subject: String,
    pub check: Check,
    pub applies: Applies,
    /// Span of the id in the pack file.
    pub span: Span,
    /// Rules whose finding on the same line this rule's finding replaces
    /// (`ccpa/stale-last-updated` says all `hygiene/stale-last-updated`
    /// would, with the statute).
    pub supersedes: Vec<String>,
}

impl PackRule {
    pub fn group(&self) -> &str {
        self.id.split_once('/').map_or(self.id.as_str(), |(g, _)| g)
    }
}

/// A regex of a pack.
#[derive(Debug)]
pub(crate) struct Atom {
    pub pattern: String,
    /// Where it is written in the pack file.
    pub span: Span,
    /// The pattern compiled on its own, on demand (to locate a match).
    pub single: OnceLock<Option<regex_automata::meta::Regex>>,
}

/// A loaded pack.
#[derive(Debug)]
pub struct Pack {
    pub name: String,
    pub origin: PackOrigin,
    pub description: Option<String>,
    pub rules: Vec<PackRule>,
    pub(crate) atoms: Vec<Atom>,
    /// Display path and text of the pack file (for errors).
    pub path: String,
    pub text: Arc<str>,
    compiled: OnceLock<std::result::Result<matcher::Matcher, Error>>,
}

fn single_builder(pattern: &str) -> regex::bytes::RegexBuilder {
    let mut b = regex::bytes::RegexBuilder::new(pattern);
    b.unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(2 << 20);
    b
}

impl Pack {
    /// Parse a pack from YAML text.
    pub fn parse(path: &str, text: Arc<str>, origin: PackOrigin) -> Result<Pack> {
        load::parse(path, text, origin)
    }

    /// "built-in" or the pack file's path.
    pub fn source(&self) -> String {
        match &self.origin {
            PackOrigin::Builtin => format!("pack {} (built-in)", self.name),
            PackOrigin::File(p) => format!("pack {} ({p})", self.name),
        }
    }

    /// The pack's patterns, compiled on first use. A pattern that does not
    /// compile (syntax, or over the size limit) is an error pointing at it.
    pub(crate) fn matcher(&self) -> Result<&matcher::Matcher> {
        self.compiled
            .get_or_init(|| self.compile())
            .as_ref()
            .map_err(Clone::clone)
    }

    fn compile(&self) -> std::result::Result<matcher::Matcher, Error> {
        let patterns: Vec<&str> = self.atoms.iter().map(|a| a.pattern.as_str()).collect();
        if let Some(m) = matcher::Matcher::embedded(&patterns) {
            return Ok(m);
        }
        let set_err = match matcher::Matcher::new(&patterns) {
            Ok(m) => return Ok(m),
            Err(e) => e,
        };
        // Find the culprit: compile each pattern on its own.
        for a in &self.atoms {
            if let Err(e) = single_builder(&a.pattern).build() {
                let (message, help) = describe_regex_error(&e);
                return Err(Error::new("candor::pack", message)
                    .at(&self.path, self.text.clone(), a.span)
                    .with_label("this pattern")
                    .with_help(help));
            }
        }
        let (message, help) = (
            "the pack's patterns do not compile together".to_string(),
            set_err,
        );
        Err(Error::new("candor::pack", format!("pack '{}': {message}", self.name))
            .at(&self.path, self.text.clone(), self.rules.first().map(|r| r.span).unwrap_or_default())
            .with_help(format!(
                "{help}; together the pack's patterns exceed {} MiB compiled — split the pack or simplify patterns",
                SET_SIZE_LIMIT >> 20
            )))
    }

    /// Compile every pattern now (for packs named in candor.yaml, so that a
    /// bad pattern stops the run before anything is linted).
    pub fn validate(&self) -> Result<()> {
        if self
            .rules
            .iter()
            .any(|r| r.check.needs_text() || !r.applies.mentions.is_empty())
        {
            self.matcher()?;
        }
        Ok(())
    }

    /// The atom's own regex (compiled on demand).
    /// Only ever run on one block of text, so it is built for cheap
    /// construction (backtracker/PikeVM, no DFA, no prefilter).
    pub(crate) fn single(&self, atom: usize) -> Option<&regex_automata::meta::Regex> {
        let a = self.atoms.get(atom)?;
        a.single
            .get_or_init(|| matcher::locator(&a.pattern))
            .as_ref()
    }

    pub fn rule(&self, id: &str) -> Option<&PackRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The pattern text of an atom.
    pub fn pattern(&self, atom: usize) -> &str {
        self.atoms.get(atom).map_or("", |a| a.pattern.as_str())
    }
}

fn describe_regex_error(e: &regex::Error) -> (String, String) {
    match e {
        regex::Error::CompiledTooBig(limit) => (
            format!("pattern is too large (compiled size over {limit} bytes)"),
            "simplify the pattern: long bounded repeats such as .{0,200} and huge alternations compile to large automata".to_string(),
        ),
        regex::Error::Syntax(s) => (
            "invalid regex".to_string(),
            format!(
                "{}\n(patterns use the Rust regex crate syntax in ASCII mode; write (?u:…) for Unicode classes)",
                s.trim()
            ),
        ),
        other => ("invalid regex".to_string(), other.to_string()),
    }
}

/// A built-in pack by name (once per process: read from its parsed form,
/// see `embedded.rs`, or parsed when that is out of date).
pub fn builtin(name: &str) -> Option<Result<&'static Pack>> {
    static CELLS: [OnceLock<std::result::Result<Pack, Error>>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let i = BUILTIN.iter().position(|(n, _, _)| *n == name)?;
    let (n, text, parsed) = BUILTIN[i];
    let cell = CELLS.get(i)?;
    Some(
        cell.get_or_init(|| {
            let path = format!("rules/{n}.yaml");
            match embedded::pack(&path, text, parsed) {
                Some(pack) => Ok(pack),
                None => Pack::parse(&path, Arc::from(text), PackOrigin::Builtin),
            }
        })
        .as_ref()
        .map_err(Clone::clone),
    )
}

/// Names of the built-in packs.
pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(n, _, _)| *n)
}

/// Is this `packs:` entry a file path (rather than a built-in pack name)?
pub fn is_pack_path(entry: &str) -> bool {
    entry.contains('/')
        || entry.contains('\\')
        || entry.ends_with(".yaml")
        || entry.ends_with(".yml")
}

#[cfg(test)]
mod tests;
