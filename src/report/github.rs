//! `--format github`: GitHub Actions workflow commands, one per finding, which
//! the runner turns into annotations on the pull request's diff:
//!
//! ```text
//! ::error file=inventory.yaml,line=41,endLine=41,col=11,endColumn=19,title=candor (inventory/undisclosed-subprocessor)::Mixpanel receives …
//! ```
//!
//! `error` → `::error`, `warning` → `::warning`, `info` → `::notice`. `col`
//! and `endColumn` are given only when the finding is on one line (GitHub
//! ignores or misplaces them otherwise). Values are escaped as the runner
//! expects: in the message `%` `\r` `\n` become `%25` `%0D` `%0A`; in
//! properties `:` and `,` also become `%3A` and `%2C`. Control characters from
//! policy text are neutralised first, so a policy cannot inject a command.
//! A plain summary line follows the commands.

use std::io::{self, Write};

use super::{Reporter, Summary, write_warnings};
use crate::lint::Outcome;
use crate::report::human::sanitize;
use crate::rules::{Finding, Level};

pub struct Github;

/// Escape a workflow command's message (its "data").
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a workflow command's property value (`file=…`, `title=…`).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "notice",
    }
}

/// One finding as one workflow command line (without the trailing newline).
pub fn annotation(f: &Finding) -> String {
    let loc = &f.location;
    let line = loc.line.max(1);
    let end_line = loc.end_line.max(line);
    let mut props = vec![
        format!("file={}", escape_property(&sanitize(&loc.path))),
        format!("line={line}"),
        format!("endLine={end_line}"),
    ];
    if end_line == line {
        let col = loc.column.max(1);
        props.push(format!("col={col}"));
        props.push(format!("endColumn={}", loc.end_column.max(col)));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("candor ({})", sanitize(&f.rule)))
    ));
    let mut message = sanitize(&f.message);
    for r in &f.related {
        message.push_str(&format!(
            "\n{}:{}:{}: {}",
            sanitize(&r.location.path),
            r.location.line,
            r.location.column,
            sanitize(&r.message)
        ));
    }
    if let Some(h) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(&sanitize(h));
    }
    format!(
        "::{} {}::{}",
        command(f.level),
        props.join(","),
        escape_data(&message)
    )
}

impl Reporter for Github {
    fn report(
        &self,
        outcome: &Outcome,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        write_warnings(outcome, err)?;
        for f in &outcome.findings {
            writeln!(out, "{}", annotation(f))?;
        }
        writeln!(out, "{}", Summary::of(outcome).line(outcome.files))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Location, Related};
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

    #[test]
    fn data_escaping() {
        assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        // `:` and `,` are fine in the message.
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        // `%` is escaped first, so an escape-looking input survives as text.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn property_escaping() {
        assert_eq!(escape_property("dir,x/a:b%.md\n"), "dir%2Cx/a%3Ab%25.md%0A");
        assert_eq!(
            escape_property("candor (inventory/undisclosed-subprocessor)"),
            "candor (inventory/undisclosed-subprocessor)"
        );
    }

    #[test]
    fn one_line_findings_carry_columns() {
        let f = Finding {
            rule: "inventory/undisclosed-subprocessor".into(),
            level: Level::Error,
            message: "Mixpanel receives personal data but is not named in the policy set".into(),
            subject: "Mixpanel".into(),
            location: loc("inventory.yaml", 41, 11, 41, 19),
            label: None,
            related: Vec::new(),
            help: None,
        };
        assert_eq!(
            annotation(&f),
            "::error file=inventory.yaml,line=41,endLine=41,col=11,endColumn=19,title=candor (inventory/undisclosed-subprocessor)::Mixpanel receives personal data but is not named in the policy set"
        );
    }

    #[test]
    fn multi_line_findings_have_no_columns_and_levels_map() {
        let mut f = Finding {
            rule: "hygiene/vague-retention".into(),
            level: Level::Warning,
            message: "50% vague: \"as long as necessary\"".into(),
            subject: "retention".into(),
            location: loc("docs/a,b.md", 3, 5, 4, 2),
            label: None,
            related: vec![Related {
                location: loc("inventory.yaml", 7, 3, 7, 9),
                message: "kept 30 days".into(),
            }],
            help: Some("state a period".into()),
        };
        assert_eq!(
            annotation(&f),
            "::warning file=docs/a%2Cb.md,line=3,endLine=4,title=candor (hygiene/vague-retention)::50%25 vague: \"as long as necessary\"%0Ainventory.yaml:7:3: kept 30 days%0Ahelp: state a period"
        );
        f.level = Level::Info;
        assert!(annotation(&f).starts_with("::notice file="));
    }

    #[test]
    fn policy_text_cannot_inject_a_command() {
        let f = Finding {
            rule: "inventory/unknown-subprocessor".into(),
            level: Level::Warning,
            message: "Evil\n::error::owned\u{1b}[31m".into(),
            subject: "Evil".into(),
            location: loc("p.md", 1, 1, 1, 5),
            label: None,
            related: Vec::new(),
            help: None,
        };
        let a = annotation(&f);
        assert!(!a.contains('\n') && !a.contains('\u{1b}'), "{a}");
        assert!(a.ends_with("::Evil%0A::error::owned\u{fffd}[31m"), "{a}");
    }
}
