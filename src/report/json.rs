//! `--format json`: `candor/findings/v1` (DESIGN.md), a public contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{Reporter, Summary, write_warnings};
use crate::lint::Outcome;
use crate::rules::{Finding, Level};

pub const FINDINGS_SCHEMA: &str = "candor/findings/v1";

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    level: Level,
    message: &'a str,
    subject: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    error: usize,
    warning: usize,
    info: usize,
    files: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
    /// Added key (only with a baseline): findings hidden, entries to prune.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a crate::baseline::Applied>,
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: &f.rule,
        level: f.level,
        message: &f.message,
        subject: &f.subject,
        path: &f.location.path,
        line: f.location.line,
        column: f.location.column,
        end_line: f.location.end_line,
        end_column: f.location.end_column,
        related: f
            .related
            .iter()
            .map(|r| JsonRelated {
                path: &r.location.path,
                line: r.location.line,
                column: r.location.column,
                message: &r.message,
            })
            .collect(),
    }
}

pub struct Json;

impl Reporter for Json {
    fn report(
        &self,
        outcome: &Outcome,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        write_warnings(outcome, err)?;
        let s = Summary::of(outcome);
        let report = JsonReport {
            schema: FINDINGS_SCHEMA,
            findings: outcome.findings.iter().map(finding).collect(),
            summary: JsonSummary {
                error: s.error,
                warning: s.warning,
                info: s.info,
                files: outcome.files,
            },
            baseline: outcome.baseline.as_ref(),
        };
        // `io::Error::from` keeps the kind of an I/O error (a broken pipe stays one).
        serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
        writeln!(out)
    }
}
