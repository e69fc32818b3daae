//! YAML (`---`) and TOML (`+++`) front matter: only the keys candor reads.

use crate::span::Span;

/// What candor reads from a document's front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Span of the whole front matter block, delimiters included.
    pub span: Option<Span>,
    pub title: Option<String>,
    /// Date-like keys (`date`, `last_updated`, `lastmod`, `effective`, …) as
    /// `(key, raw value, span of the value)`, in document order.
    pub dates: Vec<(String, String, Span)>,
}

/// Split front matter off the start of `text` (after an optional BOM).
/// Returns the parsed front matter and the byte offset where the body starts.
pub fn parse(_text: &str) -> (FrontMatter, usize) {
    (FrontMatter::default(), 0)
}
