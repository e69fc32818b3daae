//! Suppressions: inline directives in policy files, and `ignore:` entries in
//! inventory.yaml.
//!
//! Directives (Markdown: HTML comments; plain text: the same comment on a
//! line of its own, or the bare directive on a line of its own):
//!
//! ```text
//! <!-- candor-disable RULE[, RULE…] -- reason -->     until candor-enable or end of file
//! <!-- candor-enable [RULE…] -->                      closes the ranges (of those rules)
//! <!-- candor-disable-next-line RULE -- reason -->    the next non-blank line
//! <!-- candor-disable-file RULE -- reason -->         the whole file
//! ```
//!
//! RULE is a rule id or a group (`gdpr`); with no RULE the directive covers
//! every rule. A finding is suppressed by a directive of its own file whose
//! scope contains the finding's start. A directive with no reason still
//! applies and is reported as `hygiene/suppression-without-reason`; one that
//! silenced nothing is reported as `hygiene/unused-suppression`.

use std::ops::Range;

use crate::document::{Document, SourceKind};
use crate::inventory::Inventory;
use crate::rules::{Finding, RuleInfo, SourceFile};
use crate::span::Span;
use crate::summary::DocSummary;

use crate::rules::suppression_without_reason::INFO as WITHOUT_REASON;
use crate::rules::unused_suppression::INFO as UNUSED;

/// Rule ids of the findings this pass produces (never suppressible inline).
pub const META_RULES: [&str; 2] = [UNUSED.id, WITHOUT_REASON.id];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Disable,
    Enable,
    NextLine,
    File,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Disable => "candor-disable",
            Kind::Enable => "candor-enable",
            Kind::NextLine => "candor-disable-next-line",
            Kind::File => "candor-disable-file",
        }
    }
}

/// One parsed directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    Known {
        kind: Kind,
        /// Rule ids or groups; empty = every rule.
        rules: Vec<String>,
        reason: Option<String>,
        span: Span,
    },
    /// `candor-something` that is not a directive.
    Unknown { word: String, span: Span },
}

impl Directive {
    pub fn span(&self) -> Span {
        match self {
            Directive::Known { span, .. } | Directive::Unknown { span, .. } => *span,
        }
    }
}

/// Parse a comment's inner text; `None` when it is not a candor directive.
pub fn parse(text: &str, span: Span) -> Option<Directive> {
    let t = text.trim();
    if !t.starts_with("candor-") {
        return None;
    }
    let word_end = t.find(char::is_whitespace).unwrap_or(t.len());
    let word = &t[..word_end];
    let kind = match word {
        "candor-disable" => Kind::Disable,
        "candor-enable" => Kind::Enable,
        "candor-disable-next-line" => Kind::NextLine,
        "candor-disable-file" => Kind::File,
        _ => {
            return Some(Directive::Unknown {
                word: word.to_string(),
                span,
            });
        }
    };
    let rest = &t[word_end..];
    // The reason follows the first `--` that starts a word.
    let split = rest
        .match_indices("--")
        .find(|(i, _)| *i == 0 || rest[..*i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    let (rules_part, reason) = match split {
        Some(i) => (&rest[..i], Some(rest[i + 2..].trim())),
        None => (rest, None),
    };
    let rules = rules_part
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive::Known {
        kind,
        rules,
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
        span,
    })
}

/// Spans of plain-text lines that are bare directives (`candor-disable …`
/// on a line of its own, without `<!-- -->`). They are not policy text.
pub fn bare_directive_lines(doc: &Document) -> Vec<Span> {
    if doc.kind != SourceKind::PlainText {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("candor-disable") || t.starts_with("candor-enable") {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(pos + lead, pos + lead + t.len()));
        }
        pos += line.len();
    }
    out
}

/// Every directive of a document, in order: from its comments, plus bare
/// directive lines in plain text that the parser did not already record.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let mut out: Vec<Directive> = doc
        .comments
        .iter()
        .filter_map(|c| parse(&c.text, c.span))
        .collect();
    for span in bare_directive_lines(doc) {
        let covered = doc
            .comments
            .iter()
            .any(|c| c.span.start <= span.start && span.end <= c.span.end);
        if covered {
            continue;
        }
        if let Some(d) = doc
            .text
            .get(span.start..span.end)
            .and_then(|t| parse(t, span))
        {
            out.push(d);
        }
    }
    out.sort_by_key(|d| (d.span().start, d.span().end));
    out
}

/// What the suppression pass needs to know about rules.
pub struct RuleNames<'a> {
    /// Does this rule id or group exist?
    pub is_known: &'a dyn Fn(&str) -> bool,
    /// The closest existing rule id or group (for "did you mean").
    pub suggest: &'a dyn Fn(&str) -> Option<String>,
    /// Did this rule (id), or some rule of this group, run on this set?
    pub active: &'a dyn Fn(&str) -> bool,
}

fn covers(entry: &str, rule: &str) -> bool {
    entry == rule || rule.split_once('/').is_some_and(|(g, _)| g == entry)
}

/// One directive's reach.
#[derive(Debug, Clone)]
struct Scope {
    directive: usize,
    kind: Kind,
    rules: Vec<String>,
    /// Byte range (Disable, File) …
    bytes: Option<Range<usize>>,
    /// … or line (NextLine).
    line: Option<usize>,
    /// Per rule entry (or one for "every rule"): findings suppressed.
    used: Vec<usize>,
}

fn meta(
    info: &RuleInfo,
    subject: String,
    location: crate::rules::Location,
    message: String,
    help: &str,
) -> Finding {
    Finding::new(info, subject, location, message)
        .label("this suppression")
        .help(help)
}

fn describe(kind: Kind, rules: &[String]) -> String {
    if rules.is_empty() {
        kind.word().to_string()
    } else {
        format!("{} {}", kind.word(), rules.join(", "))
    }
}

/// One document's inline directives with their reach, resolved while the
/// document is in memory (scopes are byte ranges and lines of its text):
/// all [`apply_inline`] needs of it.
#[derive(Debug)]
pub struct DocDirectives {
    directives: Vec<Directive>,
    /// Where each directive is (findings about directives point there).
    locations: Vec<crate::rules::Location>,
    /// The reach of each known directive but enables, nothing used yet.
    scopes: Vec<Scope>,
    /// Per directive: an enable that closes a disable.
    enables_used: Vec<bool>,
}

impl DocDirectives {
    /// The directives of `doc`; `None` when it has none.
    pub fn of(doc: &Document) -> Option<DocDirectives> {
        let ds = directives(doc);
        if ds.is_empty() {
            return None;
        }
        let mut scopes: Vec<Scope> = Vec::new();
        let mut enables_used = vec![false; ds.len()];
        for (i, d) in ds.iter().enumerate() {
            let Directive::Known {
                kind, rules, span, ..
            } = d
            else {
                continue;
            };
            let entries = rules.len().max(1);
            match kind {
                Kind::Enable => {}
                Kind::File => scopes.push(Scope {
                    directive: i,
                    kind: *kind,
                    rules: rules.clone(),
                    bytes: Some(0..doc.text.len()),
                    line: None,
                    used: vec![0; entries],
                }),
                Kind::NextLine => {
                    let end_line = doc
                        .line_col(span.end.saturating_sub(1).max(span.start))
                        .line;
                    let target = doc.text[span.end.min(doc.text.len())..]
                        .split_inclusive('\n')
                        .enumerate()
                        .skip(1)
                        .find(|(_, l)| !l.trim().is_empty())
                        .map(|(n, _)| end_line + n);
                    scopes.push(Scope {
                        directive: i,
                        kind: *kind,
                        rules: rules.clone(),
                        bytes: None,
                        line: target,
                        used: vec![0; entries],
                    });
                }
                Kind::Disable => {
                    // Ends at the first later enable that names one of its
                    // rules (or names none), else at the end of the file.
                    let mut end = doc.text.len();
                    for (j, e) in ds.iter().enumerate().skip(i + 1) {
                        if let Directive::Known {
                            kind: Kind::Enable,
                            rules: erules,
                            span: espan,
                            ..
                        } = e
                            && (erules.is_empty()
                                || rules.is_empty()
                                || erules.iter().any(|r| rules.contains(r)))
                        {
                            end = espan.start;
                            enables_used[j] = true;
                            break;
                        }
                    }
                    scopes.push(Scope {
                        directive: i,
                        kind: *kind,
                        rules: rules.clone(),
                        bytes: Some(span.end..end),
                        line: None,
                        used: vec![0; entries],
                    });
                }
            }
        }
        let locations = ds.iter().map(|d| doc.locate(d.span())).collect();
        Some(DocDirectives {
            directives: ds,
            locations,
            scopes,
            enables_used,
        })
    }
}

/// Apply the inline directives of `docs` to `findings` (removing the ones
/// they suppress) and return the findings about the directives themselves.
pub fn apply_inline(
    docs: &[DocSummary],
    findings: &mut Vec<Finding>,
    names: &RuleNames<'_>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (path, dd) in docs
        .iter()
        .filter_map(|d| Some((&d.path, d.directives.as_ref()?)))
    {
        let mut scopes = dd.scopes.clone();
        let (ds, enables_used) = (&dd.directives, &dd.enables_used);
        findings.retain(|f| {
            if f.location.path != *path || META_RULES.contains(&f.rule.as_str()) {
                return true;
            }
            let mut suppressed = false;
            for s in &mut scopes {
                let in_scope = match (&s.bytes, s.line) {
                    (Some(r), _) => r.contains(&f.location.span.start),
                    (None, Some(l)) => f.location.line == l,
                    _ => false,
                };
                if !in_scope {
                    continue;
                }
                if s.rules.is_empty() {
                    s.used[0] += 1;
                    suppressed = true;
                } else {
                    for (k, r) in s.rules.iter().enumerate() {
                        if covers(r, &f.rule) {
                            s.used[k] += 1;
                            suppressed = true;
                        }
                    }
                }
            }
            !suppressed
        });
        // Findings about the directives.
        for (i, d) in ds.iter().enumerate() {
            let Some(loc) = dd.locations.get(i).cloned() else {
                continue;
            };
            match d {
                Directive::Unknown { word, .. } => out.push(meta(
                    &UNUSED,
                    word.clone(),
                    loc,
                    format!("unknown directive `{word}` suppresses nothing"),
                    "use candor-disable, candor-enable, candor-disable-next-line or candor-disable-file",
                )),
                Directive::Known {
                    kind: Kind::Enable,
                    rules,
                    ..
                } => {
                    if !enables_used[i] {
                        out.push(meta(
                            &UNUSED,
                            describe(Kind::Enable, rules),
                            loc,
                            format!("`{}` closes no candor-disable", describe(Kind::Enable, rules)),
                            "remove it, or add the matching candor-disable above it",
                        ));
                    }
                }
                Directive::Known {
                    kind,
                    rules,
                    reason,
                    ..
                } => {
                    if reason.is_none() {
                        out.push(meta(
                            &WITHOUT_REASON,
                            if rules.is_empty() { "*".to_string() } else { rules.join(",") },
                            loc.clone(),
                            format!("`{}` gives no reason", describe(*kind, rules)),
                            "add ` -- ` and the reason before `-->`, e.g. <!-- candor-disable-next-line RULE -- reviewed by legal 2026-03 -->",
                        ));
                    }
                    let Some(scope) = scopes.iter().find(|s| s.directive == i) else {
                        continue;
                    };
                    if rules.is_empty() {
                        if scope.used[0] == 0 {
                            out.push(meta(
                                &UNUSED,
                                "*".to_string(),
                                loc,
                                format!("`{}` suppresses nothing", describe(*kind, rules)),
                                "remove the directive",
                            ));
                        }
                        continue;
                    }
                    for (k, r) in rules.iter().enumerate() {
                        if !(names.is_known)(r) {
                            let hint = match (names.suggest)(r) {
                                Some(s) => format!("did you mean '{s}'? `candor rules` lists every rule"),
                                None => "`candor rules` lists every rule".to_string(),
                            };
                            out.push(meta(
                                &UNUSED,
                                r.clone(),
                                loc.clone(),
                                format!("`{}` names unknown rule '{r}'", scope.kind.word()),
                                &hint,
                            ));
                        } else if scope.used.get(k) == Some(&0) && (names.active)(r) {
                            out.push(meta(
                                &UNUSED,
                                r.clone(),
                                loc.clone(),
                                format!("`{} {r}` suppresses nothing", scope.kind.word()),
                                "remove the rule from the directive (or the directive)",
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Apply the inventory's `ignore:` entries to `findings` and return the
/// findings about the entries themselves.
pub fn apply_inventory(
    inv: &Inventory,
    findings: &mut Vec<Finding>,
    names: &RuleNames<'_>,
) -> Vec<Finding> {
    let mut used = vec![0usize; inv.ignore.len()];
    findings.retain(|f| {
        if META_RULES.contains(&f.rule.as_str()) {
            return true;
        }
        let mut hit = false;
        for (i, e) in inv.ignore.iter().enumerate() {
            let subject_ok = e
                .subject
                .as_ref()
                .is_none_or(|s| s.trim().eq_ignore_ascii_case(f.subject.trim()));
            if covers(e.rule.value.trim(), &f.rule) && subject_ok {
                used[i] += 1;
                hit = true;
            }
        }
        !hit
    });
    let mut out = Vec::new();
    for (i, e) in inv.ignore.iter().enumerate() {
        let loc = inv.locate(e.rule.span);
        let rule = e.rule.value.trim();
        let what = match &e.subject {
            Some(s) => format!("ignore entry for {rule} ({s})"),
            None => format!("ignore entry for {rule}"),
        };
        if e.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            out.push(meta(
                &WITHOUT_REASON,
                rule.to_string(),
                loc.clone(),
                format!("the {what} gives no reason"),
                "add `reason: \"…\"` to the entry",
            ));
        }
        if !(names.is_known)(rule) {
            let hint = match (names.suggest)(rule) {
                Some(s) => format!("did you mean '{s}'? `candor rules` lists every rule"),
                None => "`candor rules` lists every rule".to_string(),
            };
            out.push(meta(
                &UNUSED,
                rule.to_string(),
                loc,
                format!("the {what} names an unknown rule"),
                &hint,
            ));
        } else if used[i] == 0 && (names.active)(rule) {
            out.push(meta(
                &UNUSED,
                rule.to_string(),
                loc,
                format!("the {what} silences nothing"),
                "remove the entry, or correct its rule or subject",
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives() {
        let s = Span::new(0, 1);
        assert_eq!(
            parse(
                " candor-disable-next-line gdpr/missing-legal-basis, hygiene -- bases are in the DPA ",
                s
            ),
            Some(Directive::Known {
                kind: Kind::NextLine,
                rules: vec!["gdpr/missing-legal-basis".into(), "hygiene".into()],
                reason: Some("bases are in the DPA".into()),
                span: s,
            })
        );
        assert_eq!(
            parse("candor-disable-file gdpr/x --", s),
            Some(Directive::Known {
                kind: Kind::File,
                rules: vec!["gdpr/x".into()],
                reason: None,
                span: s,
            })
        );
        assert_eq!(
            parse("candor-enable", s),
            Some(Directive::Known {
                kind: Kind::Enable,
                rules: vec![],
                reason: None,
                span: s,
            })
        );
        // A dash inside a rule id is not the reason separator.
        assert!(matches!(
            parse("candor-disable a/b-c--d -- why", s),
            Some(Directive::Known { ref rules, .. }) if rules == &["a/b-c--d"]
        ));
        assert_eq!(
            parse("candor-disabel x -- y", s),
            Some(Directive::Unknown {
                word: "candor-disabel".into(),
                span: s
            })
        );
        assert_eq!(parse("just a comment", s), None);
    }
}
