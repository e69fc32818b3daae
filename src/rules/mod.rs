//! Rules: each built-in rule is one file in this directory, documented in its
//! module doc comment (*What it checks / Why it matters / Example / How to
//! fix*). That comment is the rule's documentation everywhere: `candor
//! explain`, `candor rules` and the README table read it at run time from the
//! source file compiled in with `include_str!`.
//!
//! [`registry`] is the single list of built-in rules.

mod children_age_mismatch;
mod conflicting_retention;
mod contact_mismatch;
mod contradicted_claim;
mod cookie_duration_mismatch;
pub(crate) mod cookie_match;
pub(crate) mod dangling_reference;
pub mod docs;
mod retention_exceeds_policy;
mod retention_match;
mod retention_shorter_than_policy;
mod retention_trigger_mismatch;
mod retention_undisclosed;
pub(crate) mod shared;
mod subprocessor_disclosed_by_category;
pub(crate) mod suppression_without_reason;
pub(crate) mod undisclosed_cookie;
mod undisclosed_data_category;
mod undisclosed_subprocessor;
mod unknown_cookie;
mod unknown_subprocessor;
mod unsupported_right;
pub(crate) mod unused_suppression;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::inventory::Inventory;
use crate::summary::DocSummary;

use crate::model::PolicyModel;
use crate::span::{LineIndex, Span};
pub(crate) use dangling_reference::{DanglingRef, refs as dangling_refs};
pub use shared::{DocMentions, InventoryMatchers};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "error" => Some(Level::Error),
            "warning" | "warn" => Some(Level::Warning),
            "info" | "note" => Some(Level::Info),
            _ => None,
        }
    }

    /// A configured level: `Some(None)` is `off`.
    pub fn parse_setting(s: &str) -> Option<Option<Level>> {
        match s {
            "off" | "false" | "none" => Some(None),
            other => Level::parse(other).map(Some),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file, resolved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: String,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Anything a finding can point into: a policy document or the inventory.
pub trait SourceFile {
    fn path(&self) -> &str;
    fn text(&self) -> &str;
    fn lines(&self) -> &LineIndex;

    fn locate(&self, span: Span) -> Location {
        let start = self.lines().line_col(self.text(), span.start);
        let end = self.lines().line_col(self.text(), span.end.max(span.start));
        Location {
            path: self.path().to_string(),
            span,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

impl SourceFile for Document {
    fn path(&self) -> &str {
        &self.path
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn lines(&self) -> &LineIndex {
        &self.lines
    }
}

impl SourceFile for Inventory {
    fn path(&self) -> &str {
        &self.path
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn lines(&self) -> &LineIndex {
        &self.lines
    }
}

/// A secondary location: the other side of a discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    pub message: String,
    /// What the finding is about: vendor, cookie, data item id, right, claim.
    pub subject: String,
    pub location: Location,
    /// Label under the underlined primary span in human output.
    pub label: Option<String>,
    pub related: Vec<Related>,
    /// What to do about it (human output shows it as help).
    pub help: Option<String>,
}

impl Finding {
    pub fn new(
        info: &RuleInfo,
        subject: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: info.id.to_string(),
            level: info.default_level,
            message: message.into(),
            subject: subject.into(),
            location,
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Finding {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, location: Location, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }

    /// The order findings are reported in: path, line, column, rule, subject.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str, &str) {
        (
            &self.location.path,
            self.location.line,
            self.location.column,
            &self.rule,
            &self.subject,
            &self.message,
        )
    }
}

/// Static facts about a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub default_level: Level,
    /// The rule's source file, whose module doc comment is its documentation.
    pub source: &'static str,
    /// Needs an inventory to run.
    pub needs_inventory: bool,
}

impl RuleInfo {
    pub fn group(&self) -> &'static str {
        self.id.split_once('/').map(|(g, _)| g).unwrap_or(self.id)
    }

    pub fn docs(&self) -> docs::RuleDocs {
        docs::RuleDocs::from_source(self.source)
    }
}

/// What a rule sees: one policy set (its documents' summaries), its model
/// and (maybe) its inventory.
pub struct Context<'a> {
    pub docs: &'a [DocSummary],
    pub model: &'a PolicyModel,
    pub inventory: Option<&'a Inventory>,
    /// Documents by path, built on first use: rules look a document up per
    /// fact, and a scan per lookup is quadratic on a set of many files.
    by_path: std::sync::OnceLock<std::collections::HashMap<&'a str, usize>>,
    /// How each inventory subprocessor is disclosed, computed on first use:
    /// several rules read it.
    disclosures: std::sync::OnceLock<Vec<shared::Disclosure>>,
    /// How the policy covers each inventory item's retention, computed on
    /// first use: four rules read it.
    retention: std::sync::OnceLock<Vec<retention_match::ItemOutcome<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        docs: &'a [DocSummary],
        model: &'a PolicyModel,
        inventory: Option<&'a Inventory>,
    ) -> Self {
        Context {
            docs,
            model,
            inventory,
            by_path: std::sync::OnceLock::new(),
            disclosures: std::sync::OnceLock::new(),
            retention: std::sync::OnceLock::new(),
        }
    }

    pub fn doc(&self, path: &str) -> Option<&'a DocSummary> {
        let docs = self.docs;
        let idx = self.by_path.get_or_init(|| {
            let mut m = std::collections::HashMap::with_capacity(docs.len());
            for (i, d) in docs.iter().enumerate() {
                m.entry(d.path.as_str()).or_insert(i);
            }
            m
        });
        idx.get(path).and_then(|&i| docs.get(i))
    }
}

/// Which built-in rules that read the documents' text run: their
/// per-document parts of a [`DocSummary`] are worked out only then.
#[derive(Debug, Clone, Copy)]
pub struct Runs {
    /// A rule reading [`shared::subprocessor_disclosures`] runs.
    pub disclosures: bool,
    /// `cookies/undisclosed-cookie` runs.
    pub cookies: bool,
    /// `hygiene/dangling-reference` runs.
    pub dangling: bool,
}

impl Runs {
    /// Every rule runs.
    pub fn all() -> Runs {
        Runs {
            disclosures: true,
            cookies: true,
            dangling: true,
        }
    }

    /// The rules for which `runs` says yes.
    pub fn of(runs: impl Fn(&RuleInfo) -> bool) -> Runs {
        Runs {
            disclosures: [
                &contradicted_claim::INFO,
                &subprocessor_disclosed_by_category::INFO,
                &undisclosed_subprocessor::INFO,
            ]
            .into_iter()
            .any(&runs),
            cookies: runs(&undisclosed_cookie::INFO),
            dangling: runs(&dangling_reference::INFO),
        }
    }
}

pub trait Rule: Send + Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Every built-in rule, in id order.
pub fn registry() -> &'static [&'static dyn Rule] {
    static RULES: &[&dyn Rule] = &[
        &contradicted_claim::ContradictedClaim,
        &conflicting_retention::ConflictingRetention,
        &cookie_duration_mismatch::CookieDurationMismatch,
        &undisclosed_cookie::UndisclosedCookie,
        &unknown_cookie::UnknownCookie,
        &dangling_reference::DanglingReference,
        &suppression_without_reason::SuppressionWithoutReason,
        &unused_suppression::UnusedSuppression,
        &children_age_mismatch::ChildrenAgeMismatch,
        &contact_mismatch::ContactMismatch,
        &subprocessor_disclosed_by_category::SubprocessorDisclosedByCategory,
        &undisclosed_data_category::UndisclosedDataCategory,
        &undisclosed_subprocessor::UndisclosedSubprocessor,
        &unknown_subprocessor::UnknownSubprocessor,
        &retention_exceeds_policy::RetentionExceedsPolicy,
        &retention_shorter_than_policy::RetentionShorterThanPolicy,
        &retention_trigger_mismatch::RetentionTriggerMismatch,
        &retention_undisclosed::RetentionUndisclosed,
        &unsupported_right::UnsupportedRight,
    ];
    RULES
}

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry().iter().copied().find(|r| r.info().id == id)
}

/// Every rule id and group name, for config validation and suggestions.
pub fn known_keys() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = registry().iter().map(|r| r.info().id).collect();
    v.extend(registry().iter().map(|r| r.info().group()));
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_ids_are_unique_sorted_and_documented() {
        let ids: Vec<&str> = registry().iter().map(|r| r.info().id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            ids, sorted,
            "registry must be in id order without duplicates"
        );
        for r in registry() {
            let d = r.info().docs();
            assert!(!d.summary.is_empty(), "{} has no summary", r.info().id);
            for section in ["What it checks", "Why it matters", "Example", "How to fix"] {
                assert!(
                    d.body.contains(&format!("## {section}")),
                    "{} lacks '## {section}'",
                    r.info().id
                );
            }
        }
    }
}
