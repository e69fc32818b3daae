//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it
//! (`github/codeql-action/upload-sarif`).
//!
//! - `tool.driver.rules` lists every rule of the registry (plus any rule id a
//!   finding carries that the registry lacks, e.g. a declarative pack rule),
//!   with the rule's documentation as `fullDescription` and `help`.
//! - Each result has a physical location whose `artifactLocation.uri` is the
//!   finding's display path (relative, `/`-separated, percent-encoded) with
//!   `uriBaseId: "%SRCROOT%"`, so it resolves against the repository root when
//!   candor runs from the root with the config there.
//! - Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//!   every other candor format; `endColumn` is exclusive, as SARIF defines it.
//! - `partialFingerprints["candor/v1"]` is a hash of rule, subject and path
//!   (no line numbers) plus an occurrence counter, so an alert keeps its
//!   identity when the text around it moves.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{Reporter, write_warnings};
use crate::lint::Outcome;
use crate::rules::{self, Finding, Level, Location};

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const SARIF_VERSION: &str = "2.1.0";
/// The key of candor's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "candor/v1";
/// The base every relative artifact URI resolves against (GitHub maps it to
/// the repository checkout).
pub const SRCROOT: &str = "%SRCROOT%";

pub struct Sarif;

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: DescriptorProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// SARIF's name for a level.
pub fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// `inventory/undisclosed-subprocessor` → `InventoryUndisclosedSubprocessor`
/// (SARIF's `name` is meant to be an identifier-like, readable name).
fn pascal_name(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// The text of one `## Heading` section of a rule's Markdown body, its
/// paragraphs re-flowed to single lines.
fn section(body: &str, heading: &str) -> Option<String> {
    let marker = format!("## {heading}");
    let start = body.find(&marker)? + marker.len();
    let rest = &body[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let paragraphs: Vec<String> = rest[..end]
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        None
    } else {
        Some(paragraphs.join("\n\n"))
    }
}

fn descriptor(id: &str, default_level: Level, docs: Option<rules::docs::RuleDocs>) -> Descriptor {
    let group = id.split_once('/').map(|(g, _)| g).unwrap_or(id);
    let (summary, full, help) = match docs {
        Some(d) => {
            let full = section(&d.body, "What it checks").unwrap_or_else(|| d.summary.clone());
            (d.summary.clone(), full, d.full())
        }
        None => (id.to_string(), id.to_string(), id.to_string()),
    };
    let summary = if summary.is_empty() {
        id.to_string()
    } else {
        summary
    };
    Descriptor {
        id: id.to_string(),
        name: pascal_name(id),
        short_description: Text { text: summary },
        full_description: Text { text: full },
        help: Help {
            text: help.clone(),
            markdown: help,
        },
        default_configuration: Configuration {
            level: sarif_level(default_level),
        },
        properties: DescriptorProperties {
            tags: vec!["privacy".to_string(), group.to_string()],
        },
    }
}

/// Every rule candor knows — the built-in registry and the built-in packs,
/// sorted by id as `candor rules` lists them — then any other rule id a
/// finding carries (a user's own pack); with the index of each id.
fn descriptors(findings: &[Finding]) -> (Vec<Descriptor>, BTreeMap<String, usize>) {
    let mut list = Vec::new();
    let mut index = BTreeMap::new();
    let packs = crate::checks::builtin_packs().unwrap_or_default();
    let pack_rule = |id: &str| {
        packs
            .iter()
            .flat_map(|p| p.rules.iter())
            .find(|r| r.id == id)
    };
    for m in crate::checks::catalog(&[]).unwrap_or_default() {
        let docs = match (rules::find(&m.id), pack_rule(&m.id)) {
            (Some(r), _) => r.info().docs(),
            (None, Some(r)) => {
                let mut body = String::new();
                if let Some(d) = &r.description {
                    body.push_str(&format!("{d}\n\n"));
                }
                if let Some(c) = &r.citation {
                    body.push_str(&format!("## References\n\n{c}\n\n"));
                }
                body.push_str(&format!(
                    "## How to fix\n\n{}",
                    r.help
                        .as_deref()
                        .unwrap_or("Add the missing disclosure to the policy.")
                ));
                rules::docs::RuleDocs {
                    summary: r.message.clone(),
                    body,
                }
            }
            (None, None) => rules::docs::RuleDocs {
                summary: m.summary.clone(),
                body: String::new(),
            },
        };
        index.insert(m.id.clone(), list.len());
        list.push(descriptor(&m.id, m.default_level, Some(docs)));
    }
    for f in findings {
        if !index.contains_key(&f.rule) {
            index.insert(f.rule.clone(), list.len());
            list.push(descriptor(&f.rule, f.level, None));
        }
    }
    (list, index)
}

/// Percent-encode a display path as a URI reference: unreserved characters
/// and `/` stay, everything else is `%XX` per UTF-8 byte; `\` becomes `/`.
/// Absolute paths become `file://` URIs with no base.
pub fn path_uri(path: &str) -> (String, Option<&'static str>) {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let bytes = p.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let mut out = String::with_capacity(p.len());
    for (i, &b) in bytes.iter().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if p.starts_with('/') {
        (format!("file://{out}"), None)
    } else if drive {
        (format!("file:///{out}"), None)
    } else {
        (out, Some(SRCROOT))
    }
}

/// A region from a resolved location: 1-based, never inverted.
fn region(loc: &Location) -> Region {
    let start_line = loc.line.max(1);
    let start_column = loc.column.max(1);
    let end_line = loc.end_line.max(start_line);
    let end_column = if end_line == start_line {
        loc.end_column.max(start_column)
    } else {
        loc.end_column.max(1)
    };
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

fn physical(loc: &Location) -> PhysicalLocation {
    let (uri, uri_base_id) = path_uri(&loc.path);
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri, uri_base_id },
        region: region(loc),
    }
}

/// 64-bit FNV-1a: a small hash whose value is fixed by its definition, so
/// fingerprints stay the same across platforms, Rust versions and releases.
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    // The parts are joined with NUL bytes so field boundaries count.
    let bytes = parts
        .iter()
        .enumerate()
        .flat_map(|(i, part)| (i > 0).then_some(0u8).into_iter().chain(part.bytes()));
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fingerprint of a finding: hash of rule, subject and path (no line or
/// column, so it survives edits above the finding), then `:n` for the n-th
/// finding with the same three, in report order.
pub fn fingerprint(f: &Finding, occurrence: usize) -> String {
    let h = fnv1a(&[&f.rule, &f.subject, &f.location.path]);
    format!("{h:016x}:{occurrence}")
}

fn result(f: &Finding, rule_index: usize, occurrence: usize) -> SarifResult {
    let mut text = f.message.clone();
    if let Some(h) = &f.help {
        text.push_str("\n\n");
        text.push_str(h);
    }
    let related_locations = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| SarifLocation {
            id: Some(i + 1),
            physical_location: physical(&r.location),
            message: Some(Text {
                text: r.message.clone(),
            }),
        })
        .collect();
    let mut partial_fingerprints = BTreeMap::new();
    partial_fingerprints.insert(FINGERPRINT_KEY, fingerprint(f, occurrence));
    SarifResult {
        rule_id: f.rule.clone(),
        rule_index,
        level: sarif_level(f.level),
        message: Text { text },
        locations: vec![SarifLocation {
            id: None,
            physical_location: physical(&f.location),
            message: None,
        }],
        partial_fingerprints,
        related_locations,
    }
}

fn log(outcome: &Outcome) -> Log {
    let (rules, index) = descriptors(&outcome.findings);
    let mut seen: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    let results = outcome
        .findings
        .iter()
        .map(|f| {
            let n = seen
                .entry((&f.rule, &f.subject, &f.location.path))
                .or_insert(0);
            *n += 1;
            let rule_index = index.get(&f.rule).copied().unwrap_or(0);
            result(f, rule_index, *n)
        })
        .collect();
    let notifications = outcome
        .warnings
        .iter()
        .map(|w| Notification {
            level: "warning",
            message: Text {
                text: format!("{}: {}", w.path, w.message),
            },
        })
        .collect();
    let information_uri = Some(env!("CARGO_PKG_REPOSITORY")).filter(|s| !s.is_empty());
    Log {
        schema: SARIF_SCHEMA,
        version: SARIF_VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "candor",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri,
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

impl Reporter for Sarif {
    fn report(
        &self,
        outcome: &Outcome,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        write_warnings(outcome, err)?;
        // `io::Error::from` keeps the kind of an I/O error (a broken pipe stays one).
        serde_json::to_writer_pretty(&mut *out, &log(outcome)).map_err(io::Error::from)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn loc(path: &str, line: usize, col: usize, end_line: usize, end_col: usize) -> Location {
        Location {
            path: path.to_string(),
            span: Span::new(0, 0),
            line,
            column: col,
            end_line,
            end_column: end_col,
        }
    }

    fn finding(rule: &str, subject: &str, location: Location) -> Finding {
        Finding {
            rule: rule.to_string(),
            level: Level::Error,
            message: format!("{subject} is wrong"),
            subject: subject.to_string(),
            location,
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    #[test]
    fn uris_are_relative_encoded_and_based_on_srcroot() {
        assert_eq!(
            path_uri("policies/privacy.md"),
            ("policies/privacy.md".to_string(), Some(SRCROOT))
        );
        assert_eq!(
            path_uri("legal docs/privacy #1.md"),
            ("legal%20docs/privacy%20%231.md".to_string(), Some(SRCROOT))
        );
        assert_eq!(
            path_uri("docs\\privacy.md"),
            ("docs/privacy.md".to_string(), Some(SRCROOT))
        );
        assert_eq!(
            path_uri("./privacy.md"),
            ("privacy.md".to_string(), Some(SRCROOT))
        );
        // "ü" is C3 BC in UTF-8.
        assert_eq!(
            path_uri("datenschutzerklärung.md").0,
            "datenschutzerkl%C3%A4rung.md"
        );
        assert_eq!(
            path_uri("/tmp/p.md"),
            ("file:///tmp/p.md".to_string(), None)
        );
        assert_eq!(
            path_uri("C:\\p\\x.md"),
            ("file:///C:/p/x.md".to_string(), None)
        );
    }

    #[test]
    fn fingerprints_ignore_lines_and_count_repeats() {
        let a = finding(
            "inventory/unknown-subprocessor",
            "Acme",
            loc("p.md", 3, 1, 3, 5),
        );
        let moved = finding(
            "inventory/unknown-subprocessor",
            "Acme",
            loc("p.md", 40, 7, 41, 2),
        );
        assert_eq!(fingerprint(&a, 1), fingerprint(&moved, 1));
        assert!(fingerprint(&a, 1).ends_with(":1"));
        assert_ne!(fingerprint(&a, 1), fingerprint(&a, 2));
        let other_subject = finding(
            "inventory/unknown-subprocessor",
            "Acme2",
            loc("p.md", 3, 1, 3, 5),
        );
        let other_path = finding(
            "inventory/unknown-subprocessor",
            "Acme",
            loc("q.md", 3, 1, 3, 5),
        );
        let other_rule = finding(
            "inventory/undisclosed-subprocessor",
            "Acme",
            loc("p.md", 3, 1, 3, 5),
        );
        for o in [&other_subject, &other_path, &other_rule] {
            assert_ne!(fingerprint(&a, 1), fingerprint(o, 1));
        }
        // Field boundaries matter: ("ab", "c") is not ("a", "bc").
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        // The value is fixed by FNV-1a's definition: the empty input is the
        // offset basis, and "a" is a published test vector.
        assert_eq!(fnv1a(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&["a"]), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn regions_are_one_based_and_never_inverted() {
        assert_eq!(
            region(&loc("p.md", 0, 0, 0, 0)),
            Region {
                start_line: 1,
                start_column: 1,
                end_line: 1,
                end_column: 1
            }
        );
        assert_eq!(
            region(&loc("p.md", 4, 9, 4, 3)),
            Region {
                start_line: 4,
                start_column: 9,
                end_line: 4,
                end_column: 9
            }
        );
        assert_eq!(
            region(&loc("p.md", 4, 9, 6, 2)),
            Region {
                start_line: 4,
                start_column: 9,
                end_line: 6,
                end_column: 2
            }
        );
    }

    #[test]
    fn rule_names_and_sections() {
        assert_eq!(
            pascal_name("inventory/undisclosed-subprocessor"),
            "InventoryUndisclosedSubprocessor"
        );
        let body = "## What it checks\n\nFirst\nline.\n\nSecond.\n\n## Why it matters\n\nBecause.";
        assert_eq!(
            section(body, "What it checks").as_deref(),
            Some("First line.\n\nSecond.")
        );
        assert_eq!(section(body, "Why it matters").as_deref(), Some("Because."));
        assert_eq!(section(body, "Example"), None);
    }
}
