//! `--format junit`: JUnit XML for CI systems that show test reports
//! (GitLab, Jenkins, Azure Pipelines, CircleCI, …).
//!
//! One `<testcase>` per (file, rule) pair that has findings: `classname` is
//! the file's display path, `name` the rule id. The case fails — one
//! `<failure>` element listing every finding of the pair with its line and
//! column — when any of its findings is at or above `--fail-on`, so the test
//! report agrees with candor's exit code; a case whose findings are all below
//! the threshold passes and lists them in `<system-out>`. `tests` and
//! `failures` count test cases (one failure element per failed case, so both
//! readings of the attribute agree). No timestamps: the output is
//! deterministic.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Reporter, write_warnings};
use crate::lint::Outcome;
use crate::rules::{Finding, Level};

pub struct Junit {
    /// The lowest level that fails a test case (`--fail-on`).
    pub fail_on: Level,
}

/// Make `s` safe as XML 1.0 character data or an attribute value: the five
/// special characters become entities; characters XML 1.0 forbids become
/// U+FFFD; in attributes, tab and line breaks become character references so
/// parsers do not normalise them to spaces.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `inventory.yaml:41:11: error: message` (and the help on the next line).
fn finding_line(f: &Finding) -> String {
    let mut s = format!(
        "{}:{}:{}: {}: {}",
        f.location.path, f.location.line, f.location.column, f.level, f.message
    );
    for r in &f.related {
        s.push_str(&format!(
            "\n  {}:{}:{}: {}",
            r.location.path, r.location.line, r.location.column, r.message
        ));
    }
    if let Some(h) = &f.help {
        s.push_str("\n  help: ");
        s.push_str(h);
    }
    s
}

struct Case<'a> {
    path: &'a str,
    rule: &'a str,
    findings: Vec<&'a Finding>,
}

impl Case<'_> {
    fn worst(&self) -> Level {
        self.findings
            .iter()
            .map(|f| f.level)
            .max()
            .unwrap_or(Level::Info)
    }
}

fn cases(outcome: &Outcome) -> Vec<Case<'_>> {
    let mut map: BTreeMap<(&str, &str), Vec<&Finding>> = BTreeMap::new();
    for f in &outcome.findings {
        map.entry((f.location.path.as_str(), f.rule.as_str()))
            .or_default()
            .push(f);
    }
    map.into_iter()
        .map(|((path, rule), findings)| Case {
            path,
            rule,
            findings,
        })
        .collect()
}

impl Junit {
    /// The whole document.
    pub fn render(&self, outcome: &Outcome) -> String {
        let cases = cases(outcome);
        let tests = cases.len();
        let failures = cases.iter().filter(|c| c.worst() >= self.fail_on).count();
        let counts = format!(
            "tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"0\""
        );
        let mut x = String::new();
        x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.push_str(&format!("<testsuites name=\"candor\" {counts}>\n"));
        x.push_str(&format!("  <testsuite name=\"candor\" {counts}>\n"));
        for c in &cases {
            x.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"0\">\n",
                escape(c.path, true),
                escape(c.rule, true),
                escape(c.path, true)
            ));
            let body = c
                .findings
                .iter()
                .map(|f| finding_line(f))
                .collect::<Vec<_>>()
                .join("\n");
            let failed = c.worst() >= self.fail_on;
            if let (true, Some(first)) = (failed, c.findings.first()) {
                let message = if c.findings.len() == 1 {
                    format!(
                        "line {}:{}: {}",
                        first.location.line, first.location.column, first.message
                    )
                } else {
                    format!(
                        "{} findings; the first at line {}:{}: {}",
                        c.findings.len(),
                        first.location.line,
                        first.location.column,
                        first.message
                    )
                };
                x.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    c.worst(),
                    escape(&message, true),
                    escape(&body, false)
                ));
            } else {
                x.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    escape(&body, false)
                ));
            }
            x.push_str("    </testcase>\n");
        }
        x.push_str("  </testsuite>\n</testsuites>\n");
        x
    }
}

impl Reporter for Junit {
    fn report(
        &self,
        outcome: &Outcome,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        write_warnings(outcome, err)?;
        out.write_all(self.render(outcome).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Location;
    use crate::span::Span;

    fn finding(path: &str, rule: &str, line: usize, level: Level, message: &str) -> Finding {
        Finding {
            rule: rule.into(),
            level,
            message: message.into(),
            subject: "s".into(),
            location: Location {
                path: path.into(),
                span: Span::new(0, 0),
                line,
                column: 2,
                end_line: line,
                end_column: 4,
            },
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>", false),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("x\u{1}y\u{ffff}", false), "x\u{fffd}y\u{fffd}");
        assert_eq!(escape("l1\nl2\tx\r", false), "l1\nl2\tx&#13;");
        assert_eq!(escape("l1\nl2\tx", true), "l1&#10;l2&#9;x");
    }

    #[test]
    fn one_case_per_file_and_rule_failing_at_the_threshold() {
        let outcome = Outcome {
            findings: vec![
                finding("a.md", "r/one", 1, Level::Error, "first <one>"),
                finding("a.md", "r/one", 5, Level::Error, "second"),
                finding("a.md", "r/two", 2, Level::Warning, "warned"),
                finding("b & c.md", "r/one", 3, Level::Error, "third"),
            ],
            files: 2,
            ..Outcome::default()
        };
        let x = Junit {
            fail_on: Level::Error,
        }
        .render(&outcome);
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="candor" tests="3" failures="2" errors="0" skipped="0" time="0">
  <testsuite name="candor" tests="3" failures="2" errors="0" skipped="0" time="0">
    <testcase classname="a.md" name="r/one" file="a.md" time="0">
      <failure type="error" message="2 findings; the first at line 1:2: first &lt;one&gt;">a.md:1:2: error: first &lt;one&gt;
a.md:5:2: error: second</failure>
    </testcase>
    <testcase classname="a.md" name="r/two" file="a.md" time="0">
      <system-out>a.md:2:2: warning: warned</system-out>
    </testcase>
    <testcase classname="b &amp; c.md" name="r/one" file="b &amp; c.md" time="0">
      <failure type="error" message="line 3:2: third">b &amp; c.md:3:2: error: third</failure>
    </testcase>
  </testsuite>
</testsuites>
"#;
        assert_eq!(x, expected);
        let strict = Junit {
            fail_on: Level::Warning,
        }
        .render(&outcome);
        assert!(strict.contains("tests=\"3\" failures=\"3\""), "{strict}");
    }

    #[test]
    fn no_findings_is_an_empty_suite() {
        let x = Junit {
            fail_on: Level::Error,
        }
        .render(&Outcome::default());
        assert!(x.contains("<testsuite name=\"candor\" tests=\"0\" failures=\"0\""));
    }
}
