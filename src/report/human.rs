//! `--format human`: miette's graphical reports, the offending text
//! underlined, the inventory entry shown when one is involved, the rule id as
//! the diagnostic code; then a one-line summary.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents,
};

use rayon::prelude::*;

use super::{Reporter, Summary, write_warnings};
use crate::lint::Outcome;
use crate::rules::{Finding, Level, Location};
use crate::span::LineIndex;

/// Replace control characters (ANSI escapes in policy text included) so
/// nothing from a checked file can drive the terminal.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Wrap width when the report does not go to a terminal (a pipe, a file, a
/// CI log): fixed, so the output is the same everywhere.
pub const FILE_WIDTH: usize = 100;

/// `--color auto`: colours only on a terminal, and never when `NO_COLOR` is
/// set to a non-empty value (<https://no-color.org>).
pub fn auto_color(is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// The terminal's width in columns (stdout, else stderr), or 80 when it
/// cannot be told; long messages and help are wrapped to it.
pub fn terminal_width() -> usize {
    terminal_size::terminal_size_of(io::stdout())
        .or_else(|| terminal_size::terminal_size_of(io::stderr()))
        .map(|(w, _)| usize::from(w.0))
        .filter(|w| *w >= 20)
        .unwrap_or(80)
}

pub struct Human {
    pub color: bool,
    /// Wrap width; `None` = miette's default (terminal width or 80).
    pub width: Option<usize>,
    pub quiet: bool,
}

/// A secondary diagnostic for a related location in another file.
struct RelatedDiag {
    message: String,
    source: FileSource,
    span: LabeledSpan,
}

impl fmt::Debug for RelatedDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for RelatedDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for RelatedDiag {}
impl Diagnostic for RelatedDiag {
    fn severity(&self) -> Option<Severity> {
        Some(Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.span.clone())))
    }
}

struct FindingDiag {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    source: Option<FileSource>,
    labels: Vec<LabeledSpan>,
    related: Vec<RelatedDiag>,
}

impl fmt::Debug for FindingDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for FindingDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for FindingDiag {}
impl Diagnostic for FindingDiag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

fn labeled(loc: &Location, text: &str, label: Option<String>) -> LabeledSpan {
    let start = loc.span.start.min(text.len());
    let end = loc.span.end.clamp(start, text.len());
    LabeledSpan::new(label, start, end - start)
}

/// A file as miette's source code, read around each snippet only.
///
/// miette's own `read_span` over a whole text walks it from the start for
/// every snippet: a 10 MB policy with thousands of findings took minutes to
/// print. This one starts from the snippet's first context line, found in
/// the file's line index, and lets miette read just that window (so the
/// snippet is the same), then shifts the result back into the file.
#[derive(Debug, Clone)]
struct FileSource {
    name: String,
    text: Arc<str>,
    lines: Arc<LineIndex>,
}

impl FileSource {
    /// `text` has been through `safe_source`, so it has no lone `\r`
    /// (which miette, unlike the line index, would take for a line end).
    fn new(name: String, (text, lines): (Arc<str>, Arc<LineIndex>)) -> FileSource {
        FileSource { name, text, lines }
    }

    /// The 0-based column of byte `offset` in characters, as the JSON,
    /// SARIF and GitHub outputs count it (the line index's; miette counts
    /// bytes, so the `file:line:col` header disagreed after a "—" or an
    /// "é"); `bytes` when the offset is not on a character boundary.
    fn char_column(&self, offset: usize, bytes: usize) -> usize {
        if !self.text.is_char_boundary(offset) {
            return bytes;
        }
        self.lines
            .line_col(&self.text, offset)
            .column
            .saturating_sub(1)
    }
}

impl SourceCode for FileSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let bytes = self.text.as_bytes();
        let start = span.offset();
        let end = start.saturating_add(span.len());
        let whole = |bytes: &'a [u8]| -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
            let c = bytes.read_span(span, context_lines_before, context_lines_after)?;
            Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                c.data(),
                *c.span(),
                c.line(),
                self.char_column(c.span().offset(), c.column()),
                c.line_count(),
            )))
        };
        if end > bytes.len() {
            return whole(bytes);
        }
        // 0-based lines of the span's ends, widened by the context and one
        // spare line on each side.
        let first = self
            .lines
            .line_of(start)
            .saturating_sub(context_lines_before + 1);
        let last = self
            .lines
            .line_of(end)
            .saturating_add(context_lines_after + 2);
        let from = self.lines.line_start(first + 1).unwrap_or(0);
        let to = self
            .lines
            .line_start(last + 1)
            .unwrap_or(bytes.len())
            .max(end);
        let window = &bytes[from..to];
        let local = SourceSpan::new((start - from).into(), span.len());
        let c = window.read_span(&local, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            SourceSpan::new((c.span().offset() + from).into(), c.span().len()),
            c.line() + first,
            self.char_column(c.span().offset() + from, c.column()),
            c.line_count() + first,
        )))
    }
}

/// A source whose control characters are neutralised, keeping every byte
/// offset (so spans stay valid): ASCII controls (ESC, BEL, a CR that does not
/// end a line, …) become one space, C1 controls (two bytes in UTF-8, such as
/// the single-character CSI U+009B) two spaces. Line feeds, tabs and the CR
/// of a CRLF stay.
pub fn safe_source(text: &Arc<str>) -> Arc<str> {
    let bad = |c: char, next: Option<char>| {
        c.is_control() && c != '\n' && c != '\t' && !(c == '\r' && next == Some('\n'))
    };
    let mut chars = text.chars().peekable();
    let mut dirty = false;
    while let Some(c) = chars.next() {
        if bad(c, chars.peek().copied()) {
            dirty = true;
            break;
        }
    }
    if !dirty {
        return text.clone();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if bad(c, chars.peek().copied()) {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    Arc::from(out)
}

/// A file's (neutralised) text and its line index, made once per file.
type Cached = (Arc<str>, Arc<LineIndex>);

fn diag(
    f: &Finding,
    outcome: &Outcome,
    cache: &mut std::collections::BTreeMap<String, Cached>,
) -> FindingDiag {
    let mut source_for = |path: &str| -> Option<Cached> {
        if let Some(t) = cache.get(path) {
            return Some(t.clone());
        }
        let t = safe_source(outcome.sources.get(path)?);
        let lines = Arc::new(LineIndex::new(&t));
        cache.insert(path.to_string(), (t.clone(), lines.clone()));
        Some((t, lines))
    };
    let text = source_for(&f.location.path);
    let mut labels = Vec::new();
    let mut related = Vec::new();
    if let Some((t, _)) = &text {
        labels.push(labeled(
            &f.location,
            t,
            f.label.clone().map(|l| sanitize(&l)),
        ));
    }
    for r in &f.related {
        match (r.location.path == f.location.path, &text) {
            (true, Some((t, _))) => {
                labels.push(labeled(&r.location, t, Some(sanitize(&r.message))))
            }
            _ => {
                if let Some(rt) = source_for(&r.location.path) {
                    related.push(RelatedDiag {
                        message: sanitize(&r.message),
                        span: labeled(&r.location, &rt.0, Some(sanitize(&r.message))),
                        source: FileSource::new(sanitize(&r.location.path), rt),
                    });
                }
            }
        }
    }
    FindingDiag {
        message: sanitize(&f.message),
        code: f.rule.clone(),
        severity: match f.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Advice,
        },
        help: f.help.as_ref().map(|h| sanitize(h)),
        source: text.map(|t| FileSource::new(sanitize(&f.location.path), t)),
        labels,
        related,
    }
}

/// Findings rendered at a time per thread by [`Human`].
const RENDER_CHUNK_PER_THREAD: usize = 64;

impl Reporter for Human {
    fn report(
        &self,
        outcome: &Outcome,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        write_warnings(outcome, err)?;
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        // Messages and help wrap at spaces only: the Unicode line-break
        // rules (miette's default) also break before an opening
        // parenthesis, splitting citations ("§ 7011(e)" / "(4)"), and
        // finding those breaks was a fifth of rendering.
        let mut handler = GraphicalReportHandler::new_themed(theme)
            .with_word_separator(textwrap::WordSeparator::AsciiSpace);
        if let Some(w) = self.width {
            handler = handler.with_width(w);
        }
        let mut cache = std::collections::BTreeMap::new();
        if !self.quiet {
            // Rendering a snippet is most of the cost of printing: the
            // findings of a chunk are rendered side by side (rayon), then
            // written in order; a chunk at a time bounds the text held.
            let chunk = rayon::current_num_threads().max(1) * RENDER_CHUNK_PER_THREAD;
            for findings in outcome.findings.chunks(chunk) {
                let diags: Vec<FindingDiag> = findings
                    .iter()
                    .map(|f| diag(f, outcome, &mut cache))
                    .collect();
                let rendered: Vec<Result<String, fmt::Error>> = diags
                    .par_iter()
                    .map(|d| {
                        let mut s = String::new();
                        handler.render_report(&mut s, d).map(|()| s)
                    })
                    .collect();
                for s in rendered {
                    let s = s.map_err(|e| io::Error::other(e.to_string()))?;
                    writeln!(out, "{s}")?;
                }
            }
        }
        let summary = Summary::of(outcome);
        if !self.quiet || !outcome.findings.is_empty() {
            writeln!(out, "{}", summary.line(outcome.files))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windowed source hands miette the same snippet, span and line
    /// numbers as miette's own reading of the whole text.
    #[test]
    fn windowed_source_reads_what_miette_reads() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!("line {i} with some words\r\n"));
        }
        text.push_str("last line, no newline");
        // A lone CR, as a policy may have it: safe_source makes it a space.
        let mut cr = text.clone();
        cr.replace_range(40..41, "\r");
        let n = text.len();
        for text in [text, cr] {
            let t = safe_source(&Arc::from(text.as_str()));
            let src = FileSource::new("f.md".into(), (t.clone(), Arc::new(LineIndex::new(&t))));
            let whole = miette::NamedSource::new("f.md", t.clone());
            for (off, len) in [
                (0, 0),
                (0, 5),
                (30, 10),
                (2000, 40),
                (n - 5, 5),
                (n, 0),
                (100, 3000),
            ] {
                for ctx in 0..4 {
                    let span = SourceSpan::new(off.into(), len);
                    let a = src.read_span(&span, ctx, ctx).unwrap();
                    let b = whole.read_span(&span, ctx, ctx).unwrap();
                    let what = format!("{off}+{len} ±{ctx}");
                    assert_eq!(a.data(), b.data(), "{what}");
                    assert_eq!(a.span(), b.span(), "{what}");
                    assert_eq!(a.line(), b.line(), "{what}");
                    assert_eq!(a.column(), b.column(), "{what}");
                    assert_eq!(a.line_count(), b.line_count(), "{what}");
                    assert_eq!(a.name(), b.name(), "{what}");
                }
            }
        }
    }

    fn outcome_with_long_finding() -> Outcome {
        use crate::rules::Location;
        use crate::span::Span;
        let text = "subprocessors:\n  - name: Mixpanel\n";
        let mut outcome = Outcome {
            files: 1,
            ..Outcome::default()
        };
        outcome
            .sources
            .insert("inventory.yaml".into(), Arc::from(text));
        outcome.findings.push(Finding {
            rule: "inventory/undisclosed-subprocessor".into(),
            level: Level::Error,
            message: "Mixpanel receives personal data but is not named anywhere in the policy set, neither in the privacy policy nor in the subprocessor list".into(),
            subject: "Mixpanel".into(),
            location: Location {
                path: "inventory.yaml".into(),
                span: Span::new(25, 33),
                line: 2,
                column: 11,
                end_line: 2,
                end_column: 19,
            },
            label: Some("declared here".into()),
            related: Vec::new(),
            help: Some("Add Mixpanel to the subprocessor list with its purpose and location, or remove it from inventory.yaml if it no longer receives personal data".into()),
        });
        outcome
    }

    fn render(h: &Human, outcome: &Outcome) -> String {
        let mut out = Vec::new();
        let mut err = Vec::new();
        h.report(outcome, &mut out, &mut err).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Rendered without colour at `width` columns.
    fn render_at(width: usize, outcome: &Outcome) -> String {
        let h = Human {
            color: false,
            width: Some(width),
            quiet: false,
        };
        render(&h, outcome)
    }

    #[test]
    fn long_messages_wrap_to_the_width() {
        let outcome = outcome_with_long_finding();
        for width in [50, 72, 100] {
            let s = render_at(width, &outcome);
            for line in s.lines() {
                assert!(
                    line.chars().count() <= width,
                    "line longer than {width}: {line:?}\n{s}"
                );
            }
            // Wrapped, not cut: every word of the help is still there.
            let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains("if it no longer receives personal data"),
                "{s}"
            );
        }
    }

    /// Lines break at spaces only: a citation such as "§ 7011(e)(4)" is
    /// never split before its parenthesis, at any width.
    #[test]
    fn citations_wrap_whole() {
        let mut outcome = outcome_with_long_finding();
        if let Some(f) = outcome.findings.first_mut() {
            f.message = "This document states no \"last updated\" or effective date (Cal. Code Regs. tit. 11, § 7011(e)(4) (required in California; good practice everywhere))".into();
        }
        for width in 40..=120 {
            let s = render_at(width, &outcome);
            assert!(s.contains("7011(e)(4)"), "width {width}:\n{s}");
        }
    }

    #[test]
    fn colour_only_when_asked_and_quiet_prints_the_summary() {
        let outcome = outcome_with_long_finding();
        let plain = render(
            &Human {
                color: false,
                width: Some(100),
                quiet: false,
            },
            &outcome,
        );
        assert!(!plain.contains('\u{1b}'), "{plain}");
        let coloured = render(
            &Human {
                color: true,
                width: Some(100),
                quiet: false,
            },
            &outcome,
        );
        assert!(coloured.contains("\u{1b}["), "{coloured}");
        let quiet = render(
            &Human {
                color: false,
                width: Some(100),
                quiet: true,
            },
            &outcome,
        );
        assert_eq!(quiet, "1 error in 1 file\n");
        let quiet_clean = render(
            &Human {
                color: false,
                width: Some(100),
                quiet: true,
            },
            &Outcome::default(),
        );
        assert_eq!(quiet_clean, "");
    }

    #[test]
    fn auto_colour_needs_a_terminal_and_no_no_color() {
        use std::ffi::OsStr;
        assert!(auto_color(true, None));
        assert!(!auto_color(false, None));
        assert!(!auto_color(true, Some(OsStr::new("1"))));
        // no-color.org: only a non-empty value disables colour.
        assert!(auto_color(true, Some(OsStr::new(""))));
    }

    /// The header's column is the line index's, as in the JSON output: in
    /// characters, a leading byte-order mark not counted.
    #[test]
    fn columns_are_the_line_index_columns() {
        let t: Arc<str> = Arc::from("\u{feff}a—b\nxé");
        let src = FileSource::new("f.md".into(), (t.clone(), Arc::new(LineIndex::new(&t))));
        // "b" after the BOM (3 bytes), "a" and the dash (3 bytes).
        assert_eq!(src.char_column(7, 7), 2);
        // "é" on the second line, after "x".
        assert_eq!(src.char_column(10, 1), 1);
        // Inside the dash: not a character boundary, the byte column stands.
        assert_eq!(src.char_column(5, 5), 5);
    }

    #[test]
    fn safe_source_keeps_offsets() {
        let text: Arc<str> = Arc::from("a\u{1b}[31mb\r\nc\rd\u{9b}e\u{7}\n");
        let safe = safe_source(&text);
        assert_eq!(&*safe, "a [31mb\r\nc d  e \n");
        assert_eq!(safe.len(), text.len());
        let clean: Arc<str> = Arc::from("plain\r\ntext\n");
        assert!(Arc::ptr_eq(&safe_source(&clean), &clean));
    }

    #[test]
    fn sanitize_neutralises_escapes() {
        assert_eq!(sanitize("a\u{1b}[31mred"), "a\u{fffd}[31mred");
        assert_eq!(sanitize("line\nnext\tx"), "line\nnext\tx");
    }
}
