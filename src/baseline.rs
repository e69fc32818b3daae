//! Baselines: adopt candor on an old repository and fail only on new findings.
//!
//! `candor check --write-baseline` records the current findings as
//! `file → rule → subject → count` (no line numbers, so edits elsewhere in a
//! file do not invalidate it; keys sorted, so the file diffs cleanly):
//!
//! ```json
//! {
//!   "schema": "candor/baseline/v1",
//!   "files": {
//!     "privacy.md": { "gdpr/missing-legal-basis": { "legal-basis": 1 } }
//!   }
//! }
//! ```
//!
//! With a baseline, up to `count` findings of each (file, rule, subject) are
//! hidden — the first ones in report order; the rest are new. Entries whose
//! count is now higher than what occurs are *prunable* (fixed findings).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rules::Finding;

pub const BASELINE_SCHEMA: &str = "candor/baseline/v1";
pub const DEFAULT_BASELINE: &str = "candor-baseline.json";

/// Largest baseline candor reads (one entry per file, rule and subject: far
/// below this even for a large repository).
pub const MAX_BASELINE_BYTES: usize = 64 * 1024 * 1024;

/// file → rule → subject → count
pub type Counts = BTreeMap<String, BTreeMap<String, BTreeMap<String, usize>>>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub files: Counts,
}

/// A baseline entry that no longer occurs as often as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prunable {
    pub path: String,
    pub rule: String,
    pub subject: String,
    /// How many recorded occurrences are gone.
    pub count: usize,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// The baseline file, as given or configured.
    pub path: String,
    /// Findings hidden because the baseline knows them.
    pub hidden: usize,
    pub prunable: Vec<Prunable>,
}

impl Baseline {
    /// The baseline of `findings`.
    pub fn of(findings: &[Finding]) -> Baseline {
        let mut files = Counts::new();
        for f in findings {
            *files
                .entry(f.location.path.clone())
                .or_default()
                .entry(f.rule.clone())
                .or_default()
                .entry(f.subject.clone())
                .or_default() += 1;
        }
        Baseline {
            schema: BASELINE_SCHEMA.to_string(),
            files,
        }
    }

    /// Parse a baseline file's text.
    pub fn parse(display: &str, text: &str) -> Result<Baseline> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            let mut err = Error::new(
                "candor::baseline",
                format!("invalid baseline {display}: {e}"),
            )
            .with_path(display)
            .with_help("regenerate it with `candor check --write-baseline`");
            let line = e.line();
            if line > 0 {
                let idx = crate::span::LineIndex::new(text);
                if let Some(start) = idx.line_start(line) {
                    let off = text[start..]
                        .char_indices()
                        .nth(e.column().saturating_sub(1))
                        .map_or(text.len(), |(i, _)| start + i);
                    err = err.at(display, text.into(), crate::span::Span::new(off, off));
                }
            }
            err
        })?;
        if b.schema != BASELINE_SCHEMA {
            return Err(Error::new(
                "candor::baseline",
                format!(
                    "{display} is not a candor baseline (schema '{}', expected '{BASELINE_SCHEMA}')",
                    b.schema
                ),
            )
            .with_path(display));
        }
        Ok(b)
    }

    /// Read a baseline; `Ok(None)` when the file does not exist.
    pub fn read(path: &Path, display: &str) -> Result<Option<Baseline>> {
        match crate::yaml::read_file(path, MAX_BASELINE_BYTES) {
            Ok(text) => Baseline::parse(display, &text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(display, &e)),
        }
    }

    /// Hide the findings the baseline knows (from a list sorted in report
    /// order); report the entries that no longer occur.
    pub fn apply(&self, findings: &mut Vec<Finding>, display: &str) -> Applied {
        let mut left: Counts = self.files.clone();
        let mut hidden = 0;
        findings.retain(|f| {
            let slot = left
                .get_mut(&f.location.path)
                .and_then(|r| r.get_mut(&f.rule))
                .and_then(|s| s.get_mut(&f.subject));
            match slot {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    hidden += 1;
                    false
                }
                _ => true,
            }
        });
        let mut prunable = Vec::new();
        for (path, rules) in left {
            for (rule, subjects) in rules {
                for (subject, count) in subjects {
                    if count > 0 {
                        prunable.push(Prunable {
                            path: path.clone(),
                            rule: rule.clone(),
                            subject,
                            count,
                        });
                    }
                }
            }
        }
        Applied {
            path: display.to_string(),
            hidden,
            prunable,
        }
    }

    /// Pretty JSON with sorted keys and a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Write atomically: a temporary file in the same directory, then rename.
    /// Write the baseline atomically (a temporary file with an unguessable
    /// name in the same directory, then a rename): the old baseline stays
    /// intact when anything fails.
    pub fn write(&self, path: &Path, display: &str) -> Result<()> {
        crate::atomic::write_atomic(path, true, |w| w.write_all(self.to_json().as_bytes())).map_err(
            |e| {
                Error::new(
                    "candor::io",
                    format!("cannot write baseline {display}: {e}"),
                )
                .with_path(display)
                .with_help("the previous baseline, if any, is unchanged")
            },
        )
    }

    /// Number of findings recorded.
    pub fn total(&self) -> usize {
        self.files
            .values()
            .flat_map(|r| r.values())
            .flat_map(|s| s.values())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Level, Location};
    use crate::span::Span;

    fn f(path: &str, rule: &str, subject: &str, line: usize) -> Finding {
        Finding {
            rule: rule.into(),
            level: Level::Error,
            message: String::new(),
            subject: subject.into(),
            location: Location {
                path: path.into(),
                span: Span::new(0, 0),
                line,
                column: 1,
                end_line: line,
                end_column: 1,
            },
            label: None,
            related: vec![],
            help: None,
        }
    }

    #[test]
    fn counts_hide_known_findings_and_report_fixed_ones() {
        let old = vec![
            f("p.md", "gdpr/a", "x", 1),
            f("p.md", "gdpr/a", "x", 9),
            f("p.md", "gdpr/b", "y", 3),
        ];
        let b = Baseline::of(&old);
        assert_eq!(b.files["p.md"]["gdpr/a"]["x"], 2);
        assert_eq!(b.total(), 3);
        // Now: one gdpr/a x (moved to another line), gdpr/b fixed, a new gdpr/c.
        let mut now = vec![f("p.md", "gdpr/a", "x", 40), f("p.md", "gdpr/c", "z", 2)];
        let applied = b.apply(&mut now, "candor-baseline.json");
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].rule, "gdpr/c");
        assert_eq!(applied.hidden, 1);
        assert_eq!(
            applied.prunable,
            vec![
                Prunable {
                    path: "p.md".into(),
                    rule: "gdpr/a".into(),
                    subject: "x".into(),
                    count: 1
                },
                Prunable {
                    path: "p.md".into(),
                    rule: "gdpr/b".into(),
                    subject: "y".into(),
                    count: 1
                }
            ]
        );
    }

    #[test]
    fn json_is_sorted_and_round_trips() {
        let b = Baseline::of(&[f("z.md", "r/b", "s", 1), f("a.md", "r/a", "s", 1)]);
        let json = b.to_json();
        assert!(json.find("a.md") < json.find("z.md"), "{json}");
        assert_eq!(Baseline::parse("b.json", &json).unwrap(), b);
        let e = Baseline::parse("b.json", "{\"schema\": 1}").unwrap_err();
        assert!(e.message.contains("invalid baseline"), "{e}");
        let e = Baseline::parse("b.json", "{\"schema\": \"x\", \"files\": {}}").unwrap_err();
        assert!(e.message.contains("not a candor baseline"), "{e}");
    }
}
