//! The `Document`: one policy file as a tree of sections and a flat list of
//! blocks (headings, paragraphs, list items, table rows), each with the plain
//! text extraction works on and a map back to byte offsets in the original file.
//!
//! Parsing is pure: `parse(path, text)` never touches the file system.

mod frontmatter;
mod markdown;
mod plaintext;
mod sentences;

use std::ops::Range;

use crate::span::{LineCol, LineIndex, Span};

pub use frontmatter::FrontMatter;
pub use sentences::split_sentences;

/// How a file's text is structured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Markdown,
    Mdx,
    PlainText,
}

impl SourceKind {
    /// The kind for a file name, by extension; `None` for files candor does not read.
    pub fn from_path(path: &str) -> Option<SourceKind> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(SourceKind::Markdown),
            "mdx" => Some(SourceKind::Mdx),
            "txt" | "text" => Some(SourceKind::PlainText),
            // HTML files (often server-side templates) go through the
            // Markdown reader's template masking and HTML scanner, without
            // Markdown's block rules (see `markdown::parse_into`).
            "html" | "htm" => Some(SourceKind::Markdown),
            _ => None,
        }
    }
}

/// A heading and everything under it up to the next heading of the same or a
/// higher level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Heading text, markup stripped.
    pub title: String,
    /// 1 for `#`, 2 for `##`, …; plain-text headings get a heuristic level.
    pub level: u8,
    /// Span of the heading line.
    pub span: Span,
    /// Index of the enclosing section in `Document::sections`.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// A list item; `depth` 1 is a top-level item. The item's text excludes
    /// nested lists, which are blocks of their own.
    ListItem {
        depth: u32,
    },
    TableHeader,
    TableRow,
}

/// One piece of the clean → original offset map.
///
/// `text[clean..clean+len]` came from `original[orig..orig+orig_len]`. When
/// `exact`, the two are byte-identical and offsets inside map one to one;
/// otherwise (Markdown escapes, entities) any offset inside maps to the whole
/// original range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    pub clean: usize,
    pub len: usize,
    pub orig: usize,
    pub orig_len: usize,
    pub exact: bool,
}

/// A hyperlink inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Range of the link text in `Block::text`.
    pub text: Range<usize>,
    /// The destination as written.
    pub dest: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Innermost enclosing section, if any.
    pub section: Option<usize>,
    /// Span of the whole block in the original text.
    pub span: Span,
    /// Plain text: markup removed, soft and hard breaks as one space, table
    /// cells separated by `" | "`.
    pub text: String,
    /// Offset map from `text` to the original file, sorted by `clean`.
    pub map: Vec<Seg>,
    /// Sentence ranges into `text`.
    pub sentences: Vec<Range<usize>>,
    /// For table headers and rows: cell ranges into `text`, in column order.
    pub cells: Vec<Range<usize>>,
    /// Index into `Document::tables` for table headers and rows.
    pub table: Option<usize>,
    /// List items of one list share an id (unique within the document).
    pub list: Option<usize>,
    /// Hyperlinks inside this block.
    pub links: Vec<Link>,
}

impl Block {
    /// The original span of `range` of this block's clean text.
    ///
    /// Segments are sorted by `clean` and do not overlap (parsers append
    /// them in order and never trim text a segment covers), so both ends
    /// are found by binary search: a run-on paragraph of megabytes has
    /// hundreds of thousands of segments and a fact in every sentence.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        let map = &self.map;
        // The first segment ending after `range.start` …
        let first = map.partition_point(|seg| seg.clean + seg.len <= range.start);
        // … and the segments starting before `range.end`.
        let upto = map.partition_point(|seg| seg.clean < range.end);
        let start = map.get(first).filter(|_| first <= upto).map(|seg| {
            if seg.exact && range.start >= seg.clean {
                seg.orig + (range.start - seg.clean)
            } else {
                seg.orig
            }
        });
        let end = upto.checked_sub(1).and_then(|i| map.get(i)).map(|seg| {
            let seg_end = seg.clean + seg.len;
            if seg.exact && range.end <= seg_end {
                seg.orig + (range.end.max(seg.clean) - seg.clean)
            } else {
                seg.orig + seg.orig_len
            }
        });
        match (start, end) {
            (Some(s), Some(e)) if e >= s => Span::new(s, e),
            _ => self.span,
        }
    }

    /// Text of each cell (table blocks only).
    pub fn cell_texts(&self) -> impl Iterator<Item = &str> {
        self.cells.iter().map(|r| &self.text[r.clone()])
    }

    pub fn is_list_item(&self) -> bool {
        matches!(self.kind, BlockKind::ListItem { .. })
    }

    pub fn is_table(&self) -> bool {
        matches!(self.kind, BlockKind::TableHeader | BlockKind::TableRow)
    }
}

/// A table: header and rows are blocks; this ties them together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Block index of the header row, if the table has one.
    pub header: Option<usize>,
    /// Block indices of the body rows, in order.
    pub rows: Vec<usize>,
}

/// An HTML comment (Markdown) or a directive line (plain text), kept for
/// suppression directives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The comment's inner text, trimmed (`<!--` and `-->` removed).
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// Display path: relative to the config's directory (or as given), `/`-separated.
    pub path: std::sync::Arc<str>,
    /// The original text. Every span refers to it.
    pub text: String,
    pub lines: LineIndex,
    pub kind: SourceKind,
    pub front_matter: FrontMatter,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    pub comments: Vec<Comment>,
}

impl Document {
    /// Parse `text` (the file's original content) as `kind`.
    pub fn parse(path: impl Into<std::sync::Arc<str>>, text: String, kind: SourceKind) -> Document {
        let lines = LineIndex::new(&text);
        let mut doc = Document {
            path: path.into(),
            text,
            lines,
            kind,
            front_matter: FrontMatter::default(),
            sections: Vec::new(),
            blocks: Vec::new(),
            tables: Vec::new(),
            comments: Vec::new(),
        };
        match kind {
            SourceKind::Markdown | SourceKind::Mdx => markdown::parse_into(&mut doc),
            SourceKind::PlainText => plaintext::parse_into(&mut doc),
        }
        for block in &mut doc.blocks {
            if block.sentences.is_empty() {
                block.sentences = split_sentences(&block.text);
            }
            // A policy set's documents stay in memory until it is checked:
            // give back what the parser's growing buffers over-allocated.
            block.text.shrink_to_fit();
            block.map.shrink_to_fit();
            block.sentences.shrink_to_fit();
            block.cells.shrink_to_fit();
            block.links.shrink_to_fit();
        }
        doc.blocks.shrink_to_fit();
        doc.sections.shrink_to_fit();
        doc
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The heading path of `block`, outermost first.
    pub fn section_path(&self, block: &Block) -> Vec<&str> {
        let mut path = Vec::new();
        let mut cur = block.section;
        while let Some(i) = cur {
            let Some(s) = self.sections.get(i) else { break };
            path.push(s.title.as_str());
            cur = s.parent;
        }
        path.reverse();
        path
    }

    /// The header row of the table `block` belongs to.
    pub fn table_header(&self, block: &Block) -> Option<&Block> {
        let t = self.tables.get(block.table?)?;
        self.blocks.get(t.header?)
    }

    /// The document title: front matter `title`; else the first of the
    /// leading short headings and paragraphs (before any prose, list or
    /// table) that names a kind of document ("Privacy Policy", "Sage
    /// Bionetworks Privacy Policy"), so that breadcrumb lines such as
    /// "Legal" or "Privacy" above a pasted page's title are skipped; else
    /// the first level-1 heading.
    pub fn title(&self) -> Option<&str> {
        if let Some(t) = &self.front_matter.title {
            return Some(t.as_str());
        }
        for b in self.blocks.iter().take(8) {
            let t = b.text.trim();
            let short = t.split_whitespace().count() <= 10 && !t.ends_with(['.', ':']);
            match b.kind {
                BlockKind::Heading | BlockKind::Paragraph if short => {
                    if names_a_document(t) {
                        return Some(t);
                    }
                }
                _ => break,
            }
        }
        self.sections
            .iter()
            .find(|s| s.level == 1)
            .map(|s| s.title.as_str())
    }
}

/// Does a short line name a kind of document ("… Privacy Policy", "Cookie
/// Notice", "Subprocessors")?
fn names_a_document(line: &str) -> bool {
    const NOUNS: &[&str] = &[
        "policy",
        "policies",
        "notice",
        "statement",
        "charter",
        "terms",
        "addendum",
        "subprocessors",
        "sub-processors",
        "disclosure",
        "disclosures",
    ];
    line.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The linear walk `span_of` replaced, kept as the reference.
    fn span_of_linear(block: &Block, range: Range<usize>) -> Span {
        let mut start = None;
        let mut end = None;
        for seg in &block.map {
            let seg_end = seg.clean + seg.len;
            if start.is_none() && seg_end > range.start {
                start = Some(if seg.exact && range.start >= seg.clean {
                    seg.orig + (range.start - seg.clean)
                } else {
                    seg.orig
                });
            }
            if seg.clean < range.end {
                end = Some(if seg.exact && range.end <= seg_end {
                    seg.orig + (range.end.max(seg.clean) - seg.clean)
                } else {
                    seg.orig + seg.orig_len
                });
            } else {
                break;
            }
        }
        match (start, end) {
            (Some(s), Some(e)) if e >= s => Span::new(s, e),
            _ => block.span,
        }
    }

    fn corpus_documents() -> Vec<Document> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut docs = Vec::new();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let path = entry.path().to_string_lossy().into_owned();
            let Some(kind) = SourceKind::from_path(&path) else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            docs.push(Document::parse(path, text, kind));
        }
        docs
    }

    #[test]
    fn segments_and_sentences_are_sorted_and_disjoint() {
        let docs = corpus_documents();
        assert!(docs.len() > 50, "fixtures not found");
        for doc in &docs {
            for block in &doc.blocks {
                for w in block.sentences.windows(2) {
                    assert!(w[0].end <= w[1].start, "{}: {w:?}", doc.path);
                }
                assert!(block.sentences.iter().all(|r| r.start < r.end));
                for w in block.map.windows(2) {
                    assert!(
                        w[0].clean + w[0].len <= w[1].clean,
                        "{}: overlapping segments {:?} in {:?}",
                        doc.path,
                        w,
                        block.text
                    );
                }
            }
        }
    }

    #[test]
    fn span_of_matches_the_linear_walk() {
        let docs = corpus_documents();
        assert!(docs.len() > 50, "fixtures not found");
        for doc in docs {
            for block in &doc.blocks {
                let n = block.text.len();
                let step = (n / 23).max(1);
                for a in (0..=n).step_by(step) {
                    for b in (a..=n).step_by(step).chain([a, n]) {
                        assert_eq!(
                            block.span_of(a..b),
                            span_of_linear(block, a..b),
                            "{} {:?} {a}..{b}",
                            doc.path,
                            block.text
                        );
                    }
                }
            }
        }
    }
}
