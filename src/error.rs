//! candor's one error type: everything that stops a run with exit code 2
//! (usage, configuration, inventory, I/O). When the error has a place in a
//! file, it carries that file's text and the span, and renders as a miette
//! diagnostic with the offending text underlined.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use crate::span::Span;

/// An error: boxed, so `Result<T, Error>` stays one pointer wide.
#[derive(Debug, Clone)]
pub struct Error(Box<ErrorData>);

#[derive(Debug, Clone)]
pub struct ErrorData {
    pub message: String,
    pub code: &'static str,
    pub path: Option<String>,
    /// The file's text, when the error points into it.
    pub source_text: Option<Arc<str>>,
    pub span: Option<Span>,
    pub label: Option<String>,
    pub help: Option<String>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error with no location (usage, missing file).
    pub fn new(code: &'static str, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorData {
            message: message.into(),
            code,
            path: None,
            source_text: None,
            span: None,
            label: None,
            help: None,
        }))
    }

    pub fn with_path(mut self, path: impl Into<String>) -> Error {
        self.path = Some(path.into());
        self
    }

    /// Point at `span` of `text` (the file at `path`).
    pub fn at(mut self, path: impl Into<String>, text: Arc<str>, span: Span) -> Error {
        self.path = Some(path.into());
        let span = clamp(span, &text);
        self.source_text = Some(text);
        self.span = Some(span);
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Error {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Error {
        self.help = Some(help.into());
        self
    }

    pub fn io(path: &str, err: &std::io::Error) -> Error {
        Error::new("candor::io", format!("cannot read {path}: {err}")).with_path(path)
    }

    /// `line:column` of the error's span, if it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        let text = self.source_text.as_ref()?;
        let span = self.span?;
        let idx = crate::span::LineIndex::new(text);
        let lc = idx.line_col(text, span.start);
        Some((lc.line, lc.column))
    }
}

impl std::ops::Deref for Error {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

fn clamp(span: Span, text: &str) -> Span {
    let mut start = span.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.location()) {
            (Some(p), Some((l, c))) => write!(f, "{p}:{l}:{c}: {}", self.message),
            (Some(p), None) if !self.message.contains(p.as_str()) => {
                write!(f, "{p}: {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The miette view of an [`Error`]: the message without the location prefix
/// (miette shows the snippet), the source, and one label.
pub struct ErrorDiagnostic<'a> {
    err: &'a Error,
    source: Option<NamedSource<Arc<str>>>,
}

impl<'a> ErrorDiagnostic<'a> {
    pub fn new(err: &'a Error) -> Self {
        // The file's own text reaches the terminal: neutralise control
        // characters (ANSI escapes) in it and in the path.
        let source = err.source_text.as_ref().map(|t| {
            NamedSource::new(
                crate::report::human::sanitize(err.path.as_deref().unwrap_or_default()),
                crate::report::human::safe_source(t),
            )
        });
        ErrorDiagnostic { err, source }
    }
}

impl fmt::Debug for ErrorDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.err, f)
    }
}

impl fmt::Display for ErrorDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = if self.source.is_some() {
            self.err.message.clone()
        } else {
            self.err.to_string()
        };
        f.write_str(&crate::report::human::sanitize(&s))
    }
}

impl std::error::Error for ErrorDiagnostic<'_> {}

impl Diagnostic for ErrorDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.err.code))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.err
            .help
            .as_ref()
            .map(|h| Box::new(crate::report::human::sanitize(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let span = self.err.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            self.err
                .label
                .as_deref()
                .map(crate::report::human::sanitize),
            span.start,
            span.len().max(1),
        ))))
    }
}

/// The closest of `candidates` to `word`, if it is close enough to suggest.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["subprocessors", "self_hosted", "cookies"];
        assert_eq!(did_you_mean("subprocesors", keys), Some("subprocessors"));
        assert_eq!(did_you_mean("cookie", keys), Some("cookies"));
        assert_eq!(did_you_mean("zebra", keys), None);
    }
}
