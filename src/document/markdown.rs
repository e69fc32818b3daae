//! Markdown and MDX through pulldown-cmark's offset iterator.
//!
//! The body (after front matter) is first copied and *masked*: template and
//! attribute syntax that is not prose — kramdown attribute lists (`{: .x}`),
//! Liquid/Jinja tags (`{% … %}`, `{{ … }}`, `{# … #}`) and, for MDX, ESM
//! `import`/`export` statements, JSX tags and `{expressions}` — is replaced
//! byte for byte by spaces (or, where spaces would turn a line into an
//! indented code block, by `\u{1}` filler that the text builder drops). The
//! copy has the same length, so every event offset is still an offset into
//! the original body.
//!
//! Events are then folded into blocks with an explicit stack (no recursion),
//! so deeply nested input cannot overflow the stack. HTML (blocks and inline
//! tags) goes through a small tag scanner that turns `<p>`, `<li>`,
//! `<h1>`…`<h6>`, `<tr>`/`<td>` into blocks, drops tags, skips
//! `<script>`/`<style>` content and records `<!-- comments -->`.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{
    Block, BlockKind, Comment, Document, Link, Section, Seg, SourceKind, Table, frontmatter,
    split_sentences,
};
use crate::span::Span;

/// Filler byte for masked bytes that must not read as indentation.
const FILLER: u8 = 0x01;

pub(super) fn parse_into(doc: &mut Document) {
    let (fm, body) = frontmatter::parse(&doc.text);
    doc.front_matter = fm;
    let Some(orig_body) = doc.text.get(body..) else {
        return;
    };
    let masked = mask(orig_body, doc.kind == SourceKind::Mdx);
    let mut b = Builder::new(&doc.text, &masked, body);
    if is_html_file(&doc.path) {
        // An HTML file (often a server-side template) is HTML throughout:
        // read as Markdown, its indented elements after a blank line would
        // be code blocks.
        b.html_chunk(&masked, 0..masked.len(), false);
    } else {
        let opts = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_GFM;
        for (event, range) in Parser::new_ext(&masked, opts).into_offset_iter() {
            b.event(event, range);
        }
    }
    let out = b.finish();
    doc.sections = out.sections;
    doc.blocks = out.blocks;
    doc.tables = out.tables;
    doc.comments = out.comments;
}

/// Is `path` an HTML file (`.html`, `.htm`)?
fn is_html_file(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"))
}

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

/// Maximum length of one masked construct (template tag, JSX tag, expression).
const MASK_LIMIT: usize = 64 * 1024;

/// A copy of `src` with non-prose syntax blanked out, same byte length.
fn mask(src: &str, mdx: bool) -> String {
    let bytes = src.as_bytes();
    let n = bytes.len();
    let fenced = fenced_lines(bytes);
    let in_fence = |pos: usize| -> bool {
        // `fenced` is sorted and disjoint.
        let i = fenced.partition_point(|r| r.end <= pos);
        fenced.get(i).is_some_and(|r| r.start <= pos)
    };
    let braces = match_braces(bytes, &fenced);

    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = bytes[i];
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        if line_start && in_fence(i) {
            // Skip the whole fenced line.
            i = next_line(bytes, i);
            continue;
        }
        if mdx
            && line_start
            && (bytes[i..].starts_with(b"import ") || bytes[i..].starts_with(b"export "))
        {
            let end = esm_end(bytes, i);
            ranges.push(i..end);
            i = end;
            continue;
        }
        match c {
            b'\\' => {
                i += 2;
                continue;
            }
            b'`' if mdx => {
                // Skip an inline code span on this line.
                i = skip_code_span(bytes, i);
                continue;
            }
            b'{' => {
                if let Some(&close) = braces.get(&i) {
                    let next = bytes.get(i + 1).copied();
                    let before_close = if close > i + 1 { bytes[close - 1] } else { 0 };
                    let template = match next {
                        Some(b'%') => before_close == b'%',
                        Some(b'{') => before_close == b'}',
                        Some(b'#') => before_close == b'#',
                        Some(b':') => true,
                        _ => false,
                    };
                    if (template || mdx) && close - i <= MASK_LIMIT {
                        ranges.push(i..close + 1);
                        i = close + 1;
                        continue;
                    }
                }
            }
            b'<' if mdx => {
                if let Some(end) = jsx_tag_end(bytes, i, &braces) {
                    ranges.push(i..end);
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if ranges.is_empty() {
        return src.to_string();
    }
    let mut out = bytes.to_vec();
    let mut masked = vec![false; n];
    for r in &ranges {
        for k in r.clone() {
            if out[k] != b'\n' && out[k] != b'\r' {
                out[k] = b' ';
                masked[k] = true;
            }
        }
    }
    // Masked bytes in a line's leading whitespace, on a line that still has
    // content, become filler so that the line keeps its indentation.
    let mut ls = 0;
    while ls < n {
        let le = next_line(&out, ls);
        let mut k = ls;
        while k < le && (out[k] == b' ' || out[k] == b'\t') {
            k += 1;
        }
        let has_content = k < le && out[k] != b'\n' && out[k] != b'\r';
        if has_content && masked[ls..k].iter().any(|&m| m) {
            for j in ls..k {
                if masked[j] {
                    out[j] = FILLER;
                }
            }
        }
        ls = le;
    }
    // Only ASCII bytes were written over whole masked ranges; a masked range
    // that split a multi-byte character would have been written over in
    // full, so the result is valid UTF-8. Fall back to the source otherwise.
    String::from_utf8(out).unwrap_or_else(|_| src.to_string())
}

/// Offset of the start of the line after the one containing `i`.
fn next_line(bytes: &[u8], i: usize) -> usize {
    match bytes[i..].iter().position(|&b| b == b'\n') {
        Some(p) => i + p + 1,
        None => bytes.len(),
    }
}

fn is_blank_line(bytes: &[u8], ls: usize) -> bool {
    bytes[ls..next_line(bytes, ls)]
        .iter()
        .all(|b| b.is_ascii_whitespace())
}

/// Byte ranges of fenced code blocks (``` or ~~~), whole lines.
fn fenced_lines(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8, usize)> = None; // (start, char, len)
    let mut ls = 0;
    while ls < bytes.len() {
        let le = next_line(bytes, ls);
        let mut k = ls;
        while k < le && k - ls < 4 && bytes[k] == b' ' {
            k += 1;
        }
        let fence_char = bytes.get(k).copied().filter(|&c| c == b'`' || c == b'~');
        let run = fence_char.map_or(0, |c| bytes[k..le].iter().take_while(|&&b| b == c).count());
        match open {
            None => {
                if let Some(c) = fence_char
                    && run >= 3
                    && k - ls < 4
                {
                    open = Some((ls, c, run));
                }
            }
            Some((start, c, len)) => {
                if fence_char == Some(c)
                    && run >= len
                    && bytes[k + run..le].iter().all(|b| b.is_ascii_whitespace())
                {
                    out.push(start..le);
                    open = None;
                }
            }
        }
        ls = le;
    }
    if let Some((start, _, _)) = open {
        out.push(start..bytes.len());
    }
    out
}

/// Matching `{` → `}` positions outside fences; unmatched braces are
/// forgotten at blank lines. Escaped braces are ignored.
fn match_braces(bytes: &[u8], fenced: &[Range<usize>]) -> HashMap<usize, usize> {
    let mut map = HashMap::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut fi = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(f) = fenced.get(fi) {
            if i >= f.end {
                fi += 1;
                continue;
            }
            if i >= f.start {
                i = f.end;
                continue;
            }
        }
        match bytes[i] {
            b'\\' => i += 1,
            b'{' => stack.push(i),
            b'}' => {
                if let Some(o) = stack.pop() {
                    map.insert(o, i);
                }
            }
            b'\n' if !stack.is_empty() && is_blank_line(bytes, i + 1) => stack.clear(),
            _ => {}
        }
        i += 1;
    }
    map
}

/// End of an MDX `import`/`export` statement starting at `i` (a line start):
/// the end of the first line where brackets balance, or a blank line.
fn esm_end(bytes: &[u8], i: usize) -> usize {
    let mut depth: i64 = 0;
    let mut ls = i;
    while ls < bytes.len() {
        let le = next_line(bytes, ls);
        if ls > i && is_blank_line(bytes, ls) {
            return ls;
        }
        for &b in &bytes[ls..le] {
            match b {
                b'{' | b'(' | b'[' => depth += 1,
                b'}' | b')' | b']' => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 || le - i > MASK_LIMIT {
            return le;
        }
        ls = le;
    }
    bytes.len()
}

fn skip_code_span(bytes: &[u8], i: usize) -> usize {
    let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
    let mut k = i + run;
    while k < bytes.len() && bytes[k] != b'\n' {
        if bytes[k] == b'`' {
            let r = bytes[k..].iter().take_while(|&&b| b == b'`').count();
            if r == run {
                return k + r;
            }
            k += r;
        } else {
            k += 1;
        }
    }
    i + run
}

/// End (exclusive) of a JSX tag at `i`: `<Foo …>`, `</Foo>`, `<>`, `</>`,
/// `<Foo … />`. Tag names must start with an uppercase letter (lowercase
/// tags are HTML and handled later). Braced expressions are skipped; a new
/// `<` or a blank line ends the search.
fn jsx_tag_end(bytes: &[u8], i: usize, braces: &HashMap<usize, usize>) -> Option<usize> {
    let mut k = i + 1;
    if bytes.get(k) == Some(&b'/') {
        k += 1;
    }
    match bytes.get(k) {
        Some(b'>') => return Some(k + 1),
        Some(c) if c.is_ascii_uppercase() => {}
        _ => return None,
    }
    while k < bytes.len() && k - i <= MASK_LIMIT {
        match bytes[k] {
            b'>' => return Some(k + 1),
            b'<' => return None,
            b'{' => match braces.get(&k) {
                Some(&c) => k = c,
                None => return None,
            },
            b'\n' if is_blank_line(bytes, k + 1) => return None,
            _ => {}
        }
        k += 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Block building
// ---------------------------------------------------------------------------

/// A block under construction.
#[derive(Debug)]
struct Acc {
    kind: BlockKind,
    section: Option<usize>,
    start: usize,
    end: Option<usize>,
    text: String,
    map: Vec<Seg>,
    cells: Vec<Range<usize>>,
    cell_start: Option<usize>,
    links: Vec<Link>,
    open_links: Vec<(usize, String)>,
    table: Option<usize>,
    list: Option<usize>,
    seq: usize,
    heading_level: u8,
    /// HTML rows: every cell so far was a `<th>`.
    all_th: bool,
    /// HTML: depth of the HTML list stack when this item opened.
    html_list_level: usize,
    /// Created by the HTML scanner for loose text (closed at block ends).
    implicit: bool,
}

impl Acc {
    fn ensure_space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    /// A separator between items or paragraphs inside one block (table
    /// cell lists): `"; "` unless the text already ends in punctuation.
    fn ensure_break(&mut self) {
        let in_cell_start = self
            .cell_start
            .is_some_and(|s| s >= self.text.trim_end().len());
        if self.text.trim_end().is_empty() || in_cell_start {
            return;
        }
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.ends_with(['.', ';', ':', ',', '!', '?', '|']) {
            self.text.push(';');
        }
        self.text.push(' ');
    }

    fn add_seg(&mut self, piece: &str, orig: usize, orig_len: usize, exact: bool) {
        if piece.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(piece);
        if let Some(last) = self.map.last_mut()
            && exact
            && last.exact
            && last.clean + last.len == clean
            && last.orig + last.orig_len == orig
        {
            last.len += piece.len();
            last.orig_len += orig_len;
            return;
        }
        self.map.push(Seg {
            clean,
            len: piece.len(),
            orig,
            orig_len,
            exact,
        });
    }

    /// A separator space (one no segment covers) before closing
    /// punctuation is dropped: it comes from a collapsed run, a masked
    /// template tag or a removed HTML tag, not from the prose.
    fn drop_separator_before(&mut self, next: u8) {
        if !matches!(next, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')')
            || !self.text.ends_with(' ')
        {
            return;
        }
        let covered = self
            .map
            .last()
            .is_some_and(|s| s.clean + s.len >= self.text.len());
        if !covered {
            self.text.pop();
        }
    }

    /// Append source text that is byte-identical to the original at `orig`.
    /// Whitespace runs collapse to one separator space; filler is dropped.
    fn push_exact(&mut self, piece: &str, orig: usize) {
        let bytes = piece.as_bytes();
        let n = bytes.len();
        let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
        let mut seg: Option<usize> = None;
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if is_ws(b) || b == FILLER {
                let mut j = i;
                while j < n && (is_ws(bytes[j]) || bytes[j] == FILLER) {
                    j += 1;
                }
                let run = &bytes[i..j];
                if run == b" " && i > 0 && j < n && seg.is_some() {
                    i = j;
                    continue;
                }
                if let Some(s) = seg.take() {
                    self.add_seg(&piece[s..i], orig + s, i - s, true);
                }
                if run.iter().any(|&b| is_ws(b)) {
                    self.ensure_space();
                }
                i = j;
            } else {
                if seg.is_none() {
                    seg = Some(i);
                    self.drop_separator_before(b);
                }
                i += 1;
            }
        }
        if let Some(s) = seg {
            self.add_seg(&piece[s..], orig + s, n - s, true);
        }
    }

    /// Append text that does not match the original byte for byte; all of it
    /// maps to `orig..orig+orig_len`.
    fn push_mapped(&mut self, piece: &str, orig: usize, orig_len: usize) {
        let mut collapsed = String::with_capacity(piece.len());
        let mut lead_ws = false;
        let mut pending_ws = false;
        for c in piece.chars() {
            if c.is_ascii_whitespace() || c == '\u{1}' {
                if collapsed.is_empty() {
                    lead_ws |= c != '\u{1}';
                } else if c != '\u{1}' {
                    pending_ws = true;
                }
                continue;
            }
            if pending_ws {
                collapsed.push(' ');
                pending_ws = false;
            }
            collapsed.push(c);
        }
        if lead_ws {
            self.ensure_space();
        }
        self.add_seg(&collapsed, orig, orig_len, false);
        if pending_ws {
            self.ensure_space();
        }
    }

    fn open_cell(&mut self) {
        self.close_cell();
        if !self.cells.is_empty() {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            self.text.push_str(" | ");
        } else {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
        }
        self.cell_start = Some(self.text.len());
    }

    fn close_cell(&mut self) {
        if let Some(s) = self.cell_start.take() {
            while self.text.len() > s && self.text.ends_with(' ') {
                self.text.pop();
            }
            let s = s.min(self.text.len());
            self.cells.push(s..self.text.len());
        }
    }

    fn open_link(&mut self, dest: String) {
        self.open_links.push((self.text.len(), dest));
    }

    fn close_link(&mut self) {
        if let Some((start, dest)) = self.open_links.pop() {
            let mut end = self.text.len();
            while end > start && self.text.as_bytes()[end - 1] == b' ' {
                end -= 1;
            }
            let mut s = start;
            while s < end && self.text.as_bytes()[s] == b' ' {
                s += 1;
            }
            if s < end {
                self.links.push(Link { text: s..end, dest });
            }
        }
    }
}

/// Markdown frames: one per `Start` event, popped by the matching `End`.
#[derive(Debug)]
enum Frame {
    /// The block is `accs[idx]` of the markdown block stack.
    Block,
    /// A paragraph folded into the enclosing list item.
    Merged,
    List,
    Table,
    Skip,
    Html,
    /// Emphasis that is really part of an identifier (`_ga_<ContainerID>`):
    /// its `n` underscores on each side are kept as text.
    Literal(usize),
    Other,
}

struct HtmlTable {
    /// Index into `tables`; `None` for a layout table (one column).
    idx: Option<usize>,
    thead: bool,
    /// Rows finished so far.
    rows: usize,
}

struct Out {
    sections: Vec<Section>,
    blocks: Vec<Block>,
    tables: Vec<Table>,
    comments: Vec<Comment>,
}

struct Builder<'a> {
    orig: &'a str,
    src: &'a str,
    base: usize,

    frames: Vec<Frame>,
    /// Open markdown blocks (list items suspended under their nested lists).
    md: Vec<Acc>,
    md_lists: Vec<usize>,
    md_table: Option<usize>,
    skip: usize,

    /// Open HTML blocks (innermost last).
    html: Vec<Acc>,
    html_lists: Vec<usize>,
    html_tables: Vec<HtmlTable>,
    /// Nested `<table>` inside a cell: its tags are separators only.
    html_nested_tables: usize,
    raw_skip: Option<&'static str>,
    /// Pending HTML block lines (body range), scanned together.
    html_block: Option<(usize, usize)>,
    /// Index in `html` of the open HTML table row, if any.
    html_row: Option<usize>,
    layout_cache: Option<(usize, usize, bool)>,

    seq: usize,
    next_list: usize,
    done: Vec<(usize, Block)>,
    sections: Vec<Section>,
    open_sections: Vec<(u8, usize)>,
    current_section: Option<usize>,
    tables: Vec<Table>,
    /// Markdown tables whose header row was blank (indexes into `tables`).
    blank_headers: Vec<usize>,
    comments: Vec<Comment>,
}

impl<'a> Builder<'a> {
    fn new(orig: &'a str, src: &'a str, base: usize) -> Self {
        Builder {
            orig,
            src,
            base,
            frames: Vec::new(),
            md: Vec::new(),
            md_lists: Vec::new(),
            md_table: None,
            skip: 0,
            html: Vec::new(),
            html_lists: Vec::new(),
            html_tables: Vec::new(),
            html_nested_tables: 0,
            raw_skip: None,
            html_block: None,
            html_row: None,
            layout_cache: None,
            seq: 0,
            next_list: 0,
            done: Vec::new(),
            sections: Vec::new(),
            open_sections: Vec::new(),
            current_section: None,
            tables: Vec::new(),
            blank_headers: Vec::new(),
            comments: Vec::new(),
        }
    }

    fn new_acc(&mut self, kind: BlockKind, start: usize) -> Acc {
        self.seq += 1;
        Acc {
            kind,
            section: self.current_section,
            start,
            end: None,
            text: String::new(),
            map: Vec::new(),
            cells: Vec::new(),
            cell_start: None,
            links: Vec::new(),
            open_links: Vec::new(),
            table: None,
            list: None,
            seq: self.seq,
            heading_level: 0,
            all_th: true,
            html_list_level: 0,
            implicit: false,
        }
    }

    fn new_list(&mut self) -> usize {
        self.next_list += 1;
        self.next_list - 1
    }

    /// Absolute offset in the original text of a body offset.
    fn abs(&self, i: usize) -> usize {
        self.base + i
    }

    // -- events -------------------------------------------------------------

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if self.skip == 0 && self.raw_skip.is_none() => self.md_text(&t, range),
            Event::Code(t) if self.skip == 0 => self.code(&t, range),
            Event::Html(t) => self.html_event(&t, range),
            Event::InlineHtml(t) if self.skip == 0 => self.html_chunk(&t, range, true),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(acc) = self.target_existing() {
                    acc.ensure_space();
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let start = self.abs(range.start);
        let is_block_tag = matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock
        );
        if is_block_tag && !matches!(tag, Tag::HtmlBlock) {
            self.flush_html_all();
        }
        let frame = match tag {
            Tag::Paragraph => {
                if let Some(top) = self.md.last_mut()
                    && matches!(top.kind, BlockKind::ListItem { .. })
                    && matches!(self.frames.last(), Some(Frame::Block | Frame::Other))
                {
                    top.ensure_space();
                    Frame::Merged
                } else {
                    let acc = self.new_acc(BlockKind::Paragraph, start);
                    self.md.push(acc);
                    Frame::Block
                }
            }
            Tag::Heading { level, .. } => {
                let mut acc = self.new_acc(BlockKind::Heading, start);
                acc.heading_level = heading_level(level);
                self.md.push(acc);
                Frame::Block
            }
            Tag::List(_) => {
                if let Some(acc) = self.md.last_mut() {
                    acc.ensure_space();
                }
                let id = self.new_list();
                self.md_lists.push(id);
                Frame::List
            }
            Tag::Item => {
                let depth = u32::try_from(self.md_lists.len())
                    .unwrap_or(u32::MAX)
                    .max(1);
                let mut acc = self.new_acc(BlockKind::ListItem { depth }, start);
                acc.list = self.md_lists.last().copied();
                self.md.push(acc);
                Frame::Block
            }
            Tag::Table(_) => {
                self.tables.push(Table::default());
                self.md_table = Some(self.tables.len() - 1);
                Frame::Table
            }
            Tag::TableHead | Tag::TableRow => {
                let kind = if matches!(tag, Tag::TableHead) {
                    BlockKind::TableHeader
                } else {
                    BlockKind::TableRow
                };
                let mut acc = self.new_acc(kind, start);
                acc.table = self.md_table;
                self.md.push(acc);
                Frame::Block
            }
            Tag::TableCell => {
                if let Some(acc) = self.md.last_mut() {
                    acc.open_cell();
                }
                Frame::Other
            }
            Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => {
                self.skip += 1;
                Frame::Skip
            }
            Tag::Link { dest_url, .. } => {
                if self.skip == 0 {
                    let dest = dest_url.to_string();
                    if let Some(acc) = self.target_existing() {
                        acc.open_link(dest);
                    }
                }
                Frame::Other
            }
            Tag::HtmlBlock => {
                self.flush_html_block();
                Frame::Html
            }
            Tag::Emphasis | Tag::Strong if self.skip == 0 => {
                match identifier_underscores(self.src, &range) {
                    Some(n) => {
                        self.target(start).push_exact(&"_".repeat(n), start);
                        Frame::Literal(n)
                    }
                    None => Frame::Other,
                }
            }
            _ => Frame::Other,
        };
        self.frames.push(frame);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        let frame = self.frames.pop();
        let end = self.abs(range.end);
        match tag {
            TagEnd::TableCell => {
                if let Some(acc) = self.md.last_mut() {
                    acc.close_cell();
                }
            }
            TagEnd::Link => {
                if self.skip == 0
                    && let Some(acc) = self.target_existing()
                {
                    acc.close_link();
                }
            }
            TagEnd::HtmlBlock => {
                self.flush_html_block();
                self.flush_html_implicit();
                // An unclosed `<script>`/`<style>` never swallows more than
                // its own block.
                self.raw_skip = None;
            }
            TagEnd::Table => self.md_table = None,
            TagEnd::List(_) => {
                self.md_lists.pop();
            }
            _ => {}
        }
        match frame {
            Some(Frame::Block) => {
                self.raw_skip = None;
                self.flush_html_all();
                if let Some(mut acc) = self.md.pop() {
                    if !matches!(acc.kind, BlockKind::ListItem { .. }) {
                        acc.end = Some(end);
                    }
                    if acc.kind == BlockKind::TableHeader
                        && let Some(t) = acc.table
                        && acc.text.trim_matches([' ', '|']).is_empty()
                    {
                        self.blank_headers.push(t);
                    }
                    self.finish_acc(acc);
                }
            }
            Some(Frame::Merged) => {
                if let Some(acc) = self.md.last_mut() {
                    acc.ensure_space();
                }
            }
            Some(Frame::Skip) => self.skip = self.skip.saturating_sub(1),
            Some(Frame::Literal(n)) => {
                let at = end.saturating_sub(n);
                self.target(at).push_exact(&"_".repeat(n), at);
            }
            _ => {}
        }
    }

    /// The block inline text goes to, if one is open.
    fn target_existing(&mut self) -> Option<&mut Acc> {
        if !self.html.is_empty() {
            return self.html.last_mut();
        }
        self.md.last_mut()
    }

    /// The block inline text goes to, opening an implicit paragraph if none.
    fn target(&mut self, at: usize) -> &mut Acc {
        if self.html.is_empty() && self.md.is_empty() {
            let mut acc = self.new_acc(BlockKind::Paragraph, at);
            acc.implicit = true;
            self.html.push(acc);
        }
        if !self.html.is_empty() {
            let last = self.html.len() - 1;
            return &mut self.html[last];
        }
        let last = self.md.len() - 1;
        &mut self.md[last]
    }

    fn has_target(&self) -> bool {
        !self.html.is_empty() || !self.md.is_empty()
    }

    fn md_text(&mut self, t: &str, range: Range<usize>) {
        let Some(slice) = self.src.get(range.clone()) else {
            let at = self.abs(range.start);
            let len = range.len();
            self.target(at).push_mapped(t, at, len);
            return;
        };
        let at = self.abs(range.start);
        if !self.has_target() && t.trim().is_empty() {
            return;
        }
        // An escaped first character: `\_` where the event starts after the
        // backslash.
        let bytes = self.src.as_bytes();
        let escaped = range.start >= 1
            && bytes[range.start - 1] == b'\\'
            && (range.start < 2 || bytes[range.start - 2] != b'\\')
            && slice == t
            && t.chars().next().is_some_and(|c| c.is_ascii_punctuation());
        if escaped {
            let acc = self.target(at);
            acc.push_mapped(&t[..1], at - 1, 2);
            acc.push_exact(&t[1..], at + 1);
        } else if slice == t {
            self.target(at).push_exact(t, at);
        } else {
            let len = range.len();
            self.target(at).push_mapped(t, at, len);
        }
    }

    fn code(&mut self, t: &str, range: Range<usize>) {
        let at = self.abs(range.start);
        let slice = self.src.get(range.clone()).unwrap_or("");
        match slice.find(t) {
            Some(off) if !t.is_empty() => {
                let acc = self.target(at);
                if !acc.text.is_empty() && slice.starts_with(' ') {
                    acc.ensure_space();
                }
                acc.push_exact(t, at + off);
            }
            _ => {
                let len = range.len();
                self.target(at).push_mapped(t, at, len);
            }
        }
    }

    fn finish_acc(&mut self, mut acc: Acc) {
        acc.close_cell();
        while let Some((_, _)) = acc.open_links.last() {
            acc.close_link();
        }
        while acc.text.ends_with(' ') {
            acc.text.pop();
        }
        let tlen = acc.text.len();
        acc.map.retain(|s| s.clean < tlen);
        if let Some(last) = acc.map.last_mut()
            && last.clean + last.len > tlen
        {
            let cut = last.clean + last.len - tlen;
            last.len -= cut;
            if last.exact {
                last.orig_len -= cut;
            }
        }
        for c in &mut acc.cells {
            c.end = c.end.min(tlen);
            c.start = c.start.min(c.end);
        }
        acc.links.retain(|l| l.text.end <= tlen);
        let empty = if acc.cells.is_empty() {
            acc.text.trim().is_empty()
        } else {
            acc.cells.iter().all(|c| c.is_empty())
        };
        if empty {
            return;
        }
        let last_seg_end = acc.map.last().map(|s| s.orig + s.orig_len);
        let end = match acc.end {
            Some(e) => e,
            None => last_seg_end.unwrap_or(acc.start),
        };
        let start = crate::span::floor_char(self.orig, acc.start.min(end));
        let mut end = crate::span::ceil_char(self.orig, end.max(start));
        end = start + self.orig[start..end].trim_end().len();
        let span = Span::new(start, end.max(start));
        let mut section = acc.section;
        if acc.kind == BlockKind::Heading {
            let level = acc.heading_level.clamp(1, 6);
            while self.open_sections.last().is_some_and(|&(l, _)| l >= level) {
                self.open_sections.pop();
            }
            let idx = self.sections.len();
            self.sections.push(Section {
                title: acc.text.clone(),
                level,
                span,
                parent: self.open_sections.last().map(|&(_, i)| i),
            });
            self.open_sections.push((level, idx));
            self.current_section = Some(idx);
            section = Some(idx);
        }
        // A sentence never runs across table cells.
        let mut sentences = Vec::new();
        for c in &acc.cells {
            if let Some(cell) = acc.text.get(c.clone()) {
                sentences.extend(
                    split_sentences(cell)
                        .into_iter()
                        .map(|r| r.start + c.start..r.end + c.start),
                );
            }
        }
        let block = Block {
            kind: acc.kind,
            section,
            span,
            text: acc.text,
            map: acc.map,
            sentences,
            cells: acc.cells,
            table: acc.table,
            list: acc.list,
            links: acc.links,
        };
        self.done.push((acc.seq, block));
    }

    // -- HTML ---------------------------------------------------------------

    fn html_event(&mut self, t: &str, range: Range<usize>) {
        if matches!(self.frames.last(), Some(Frame::Html)) {
            // Inside an HtmlBlock: gather contiguous lines, scan them at once
            // so that tags may span lines.
            let exact = self.src.get(range.clone()) == Some(t);
            match &mut self.html_block {
                Some((_, e)) if *e == range.start && exact => {
                    *e = range.end;
                    return;
                }
                Some(_) => self.flush_html_block(),
                None => {}
            }
            if exact {
                self.html_block = Some((range.start, range.end));
                return;
            }
        }
        self.html_chunk(t, range, false);
    }

    fn flush_html_block(&mut self) {
        if let Some((s, e)) = self.html_block.take()
            && let Some(text) = self.src.get(s..e)
        {
            self.html_chunk(text, s..e, false);
        }
    }

    fn flush_html_implicit(&mut self) {
        while self.html.last().is_some_and(|a| a.implicit) {
            if let Some(acc) = self.pop_html() {
                self.finish_acc(acc);
            }
        }
    }

    fn flush_html_all(&mut self) {
        self.flush_html_block();
        while let Some(acc) = self.pop_html() {
            self.finish_acc(acc);
        }
    }

    /// Scan one piece of HTML. `range` is its body range; when `t` is not
    /// the source slice, text maps non-exactly to the whole range.
    fn html_chunk(&mut self, t: &str, range: Range<usize>, inline: bool) {
        let exact = self.src.get(range.clone()) == Some(t);
        let base = range.start;
        let bytes = t.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            if let Some(name) = self.raw_skip {
                match find_close_tag(bytes, pos, name) {
                    Some((_, after)) => {
                        self.raw_skip = None;
                        pos = after;
                        continue;
                    }
                    None => return,
                }
            }
            let next_lt = bytes[pos..]
                .iter()
                .position(|&b| b == b'<')
                .map(|p| pos + p);
            let text_end = next_lt.unwrap_or(bytes.len());
            if text_end > pos {
                self.html_text(&t[pos..text_end], base + pos, exact, range.clone(), inline);
            }
            let Some(lt) = next_lt else { break };
            let rest = &bytes[lt..];
            if rest.starts_with(b"<!--") {
                let (inner_end, after) = match find_bytes(&bytes[lt + 4..], b"-->") {
                    Some(p) => (lt + 4 + p, lt + 4 + p + 3),
                    None => (bytes.len(), bytes.len()),
                };
                self.comment(
                    base + lt,
                    base + lt + 4,
                    base + inner_end,
                    base + after,
                    exact,
                    &t[lt + 4..inner_end],
                );
                pos = after;
                continue;
            }
            if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                pos = match bytes[lt..].iter().position(|&b| b == b'>') {
                    Some(p) => lt + p + 1,
                    None => bytes.len(),
                };
                continue;
            }
            match parse_tag(t, lt) {
                Some(tag) if is_html_tag(&tag.name) => {
                    pos = tag.end;
                    let abs_start = self.abs(base + lt);
                    let abs_end = self.abs(base + tag.end);
                    self.html_tag(&tag, abs_start, abs_end, base + tag.end, inline);
                }
                _ => {
                    // Not a tag: literal `<`.
                    let end = lt + 1;
                    self.html_text(&t[lt..end], base + lt, exact, range.clone(), inline);
                    pos = end;
                }
            }
        }
    }

    fn comment(
        &mut self,
        start: usize,
        inner_s: usize,
        inner_e: usize,
        end: usize,
        exact: bool,
        fallback: &str,
    ) {
        let (s, e) = (self.abs(start), self.abs(end));
        let text = if exact {
            let (a, b) = (self.abs(inner_s), self.abs(inner_e));
            self.orig.get(a..b).unwrap_or(fallback).trim().to_string()
        } else {
            fallback.trim().to_string()
        };
        let s = crate::span::floor_char(self.orig, s);
        let e = crate::span::ceil_char(self.orig, e.max(s));
        self.comments.push(Comment {
            text,
            span: Span::new(s, e),
        });
    }

    fn html_text(
        &mut self,
        piece: &str,
        at: usize,
        exact: bool,
        whole: Range<usize>,
        inline: bool,
    ) {
        if self.raw_skip.is_some() {
            return;
        }
        if piece
            .bytes()
            .all(|b| b.is_ascii_whitespace() || b == FILLER)
        {
            if let Some(acc) = self.target_existing()
                && (inline || acc.cell_start.is_some() || !acc.text.is_empty())
            {
                acc.ensure_space();
            }
            return;
        }
        // Text inside a table row but outside any cell: open a cell.
        if let Some(acc) = self.html.last_mut()
            && matches!(acc.kind, BlockKind::TableRow | BlockKind::TableHeader)
            && acc.cell_start.is_none()
        {
            acc.open_cell();
        }
        let abs = self.abs(at);
        let whole_abs = self.abs(whole.start);
        let whole_len = whole.len();
        let acc = self.target(abs);
        if !exact {
            acc.push_mapped(&decode_entities(piece), whole_abs, whole_len);
            return;
        }
        // Split at entities.
        let bytes = piece.as_bytes();
        let mut last = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'&'
                && let Some((len, decoded)) = entity_at(&piece[i..])
            {
                acc.push_exact(&piece[last..i], abs + last);
                acc.push_mapped(&decoded, abs + i, len);
                i += len;
                last = i;
                continue;
            }
            i += 1;
        }
        acc.push_exact(&piece[last..], abs + last);
    }

    fn html_tag(
        &mut self,
        tag: &HtmlTag,
        abs_start: usize,
        abs_end: usize,
        body_end: usize,
        inline: bool,
    ) {
        let name = tag.name.as_str();
        if !tag.closing
            && let Some(raw) = raw_name(name)
        {
            if !tag.self_closing {
                self.raw_skip = Some(raw);
            }
            return;
        }
        match name {
            "br" | "hr" | "img" | "wbr" => {
                if let Some(acc) = self.target_existing() {
                    acc.ensure_space();
                }
                return;
            }
            "a" => {
                if tag.closing {
                    if let Some(acc) = self.target_existing() {
                        acc.close_link();
                    }
                } else if let Some(href) = &tag.href {
                    let acc = self.target(abs_start);
                    acc.open_link(href.clone());
                }
                return;
            }
            _ => {}
        }
        if !is_structural(name) {
            return;
        }
        if inline && self.html.is_empty() {
            // Block tags inside a Markdown paragraph: separators only.
            if let Some(acc) = self.md.last_mut() {
                acc.ensure_space();
            }
            return;
        }
        let table_tag = matches!(
            name,
            "td" | "th" | "tr" | "table" | "thead" | "tbody" | "tfoot"
        );
        // Inside a cell, or inside a table nested in a cell, structure only
        // separates text.
        if self.html_nested_tables > 0
            || (self.in_cell() && !table_tag)
            || (self.in_cell() && name == "table")
        {
            if name == "table" {
                if tag.closing {
                    self.html_nested_tables = self.html_nested_tables.saturating_sub(1);
                } else {
                    self.html_nested_tables += 1;
                }
            }
            if let Some(i) = self.html_row
                && let Some(acc) = self.html.get_mut(i)
            {
                if matches!(name, "li" | "p" | "div" | "tr" | "dt" | "dd") && !tag.closing {
                    acc.ensure_break();
                } else {
                    acc.ensure_space();
                }
            }
            return;
        }
        match (name, tag.closing) {
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.close_html_leaf();
                let mut acc = self.new_acc(BlockKind::Heading, abs_start);
                acc.heading_level = name.as_bytes().get(1).map_or(2, |d| d.saturating_sub(b'0'));
                self.html.push(acc);
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                let mut found = None;
                for (i, a) in self.html.iter().enumerate().rev() {
                    match a.kind {
                        BlockKind::Heading => {
                            found = Some(i);
                            break;
                        }
                        BlockKind::Paragraph => {}
                        _ => break,
                    }
                }
                if let Some(i) = found {
                    self.close_html_from(i, abs_end);
                }
            }
            ("ul" | "ol", false) => {
                self.close_html_leaf();
                // Text after the nested list is a separate phrase.
                if let Some(acc) = self.html.last_mut() {
                    acc.ensure_space();
                }
                let id = self.new_list();
                self.html_lists.push(id);
            }
            ("ul" | "ol", true) => {
                if let Some(i) = self.items_at_or_above(self.html_lists.len()) {
                    self.close_html_from(i, abs_end);
                }
                self.html_lists.pop();
            }
            ("li", false) => {
                self.close_html_leaf();
                if self.html_lists.is_empty() {
                    let id = self.new_list();
                    self.html_lists.push(id);
                }
                if let Some(i) = self.items_at_or_above(self.html_lists.len()) {
                    self.close_html_from(i, abs_start);
                }
                let depth = self.md_lists.len() + self.html_lists.len();
                let depth = u32::try_from(depth).unwrap_or(u32::MAX);
                let mut acc = self.new_acc(BlockKind::ListItem { depth }, abs_start);
                acc.list = self.html_lists.last().copied();
                acc.html_list_level = self.html_lists.len();
                self.html.push(acc);
            }
            ("li", true) => {
                if let Some(i) = self.items_at_or_above(self.html_lists.len()) {
                    self.close_html_from(i, abs_end);
                }
            }
            ("table", false) => {
                self.close_html_leaf();
                let layout = self.is_layout_table(body_end);
                let idx = if layout {
                    None
                } else {
                    self.tables.push(Table::default());
                    Some(self.tables.len() - 1)
                };
                self.html_tables.push(HtmlTable {
                    idx,
                    thead: false,
                    rows: 0,
                });
            }
            ("table", true) => {
                if let Some(i) = self.html_row {
                    self.close_html_from(i, abs_end);
                }
                self.close_html_leaf();
                self.html_tables.pop();
            }
            ("thead", closing) => {
                if let Some(t) = self.html_tables.last_mut() {
                    t.thead = !closing;
                }
            }
            ("tr", false) => {
                if let Some(i) = self.html_row {
                    self.close_html_from(i, abs_start);
                }
                self.close_html_leaf();
                if let Some(t) = self.html_tables.last()
                    && t.idx.is_some()
                {
                    self.open_row(abs_start);
                }
            }
            ("tr", true) => {
                if let Some(i) = self.html_row {
                    self.close_html_from(i, abs_end);
                }
            }
            ("td" | "th", false) => {
                if self.html_tables.last().is_none_or(|t| t.idx.is_none()) {
                    // Layout table (or a stray cell): cells are paragraphs.
                    self.close_html_leaf();
                    return;
                }
                match self.html_row {
                    Some(i) => {
                        // Close anything left open above the row.
                        while self.html.len() > i + 1 {
                            if let Some(acc) = self.pop_html() {
                                self.finish_acc(acc);
                            }
                        }
                    }
                    None => {
                        self.close_html_leaf();
                        self.open_row(abs_start);
                    }
                }
                if let Some(i) = self.html_row
                    && let Some(acc) = self.html.get_mut(i)
                {
                    acc.open_cell();
                    acc.all_th &= name == "th";
                }
            }
            ("td" | "th", true) => {
                if let Some(i) = self.html_row
                    && let Some(acc) = self.html.get_mut(i)
                {
                    acc.close_cell();
                }
            }
            (_, _) => {
                // Paragraph-like: inside a list item a separator; elsewhere
                // it closes the open paragraph (text after it opens a new
                // implicit one).
                if self
                    .html
                    .last()
                    .is_some_and(|a| matches!(a.kind, BlockKind::ListItem { .. }))
                {
                    if let Some(acc) = self.html.last_mut() {
                        acc.ensure_space();
                    }
                } else {
                    self.close_html_leaf();
                }
            }
        }
    }

    fn in_cell(&self) -> bool {
        self.html_row
            .and_then(|i| self.html.get(i))
            .is_some_and(|a| a.cell_start.is_some())
    }

    fn open_row(&mut self, at: usize) {
        let (idx, thead) = match self.html_tables.last() {
            Some(t) => (t.idx, t.thead),
            None => (None, false),
        };
        let kind = if thead {
            BlockKind::TableHeader
        } else {
            BlockKind::TableRow
        };
        let mut acc = self.new_acc(kind, at);
        acc.table = idx;
        self.html.push(acc);
        self.html_row = Some(self.html.len() - 1);
    }

    /// Lowest stack index of the run of open HTML list items (from the top)
    /// whose list level is at least `level`. Item levels increase towards
    /// the top, so this stops at the first lower item.
    fn items_at_or_above(&self, level: usize) -> Option<usize> {
        let mut found = None;
        for (i, a) in self.html.iter().enumerate().rev() {
            if matches!(a.kind, BlockKind::ListItem { .. }) {
                if a.html_list_level >= level {
                    found = Some(i);
                } else {
                    break;
                }
            } else if a.is_row() {
                break;
            }
        }
        found
    }

    fn pop_html(&mut self) -> Option<Acc> {
        let acc = self.html.pop();
        if self.html_row.is_some_and(|r| r >= self.html.len()) {
            self.html_row = None;
        }
        acc
    }

    /// Close an open HTML paragraph or heading on top of the stack.
    fn close_html_leaf(&mut self) {
        while self
            .html
            .last()
            .is_some_and(|a| matches!(a.kind, BlockKind::Paragraph | BlockKind::Heading))
        {
            if let Some(acc) = self.pop_html() {
                self.finish_acc(acc);
            }
        }
    }

    /// Finish HTML blocks `i..` (innermost first); the block at `i` ends at
    /// `end`.
    fn close_html_from(&mut self, i: usize, end: usize) {
        while self.html.len() > i {
            let Some(mut acc) = self.pop_html() else {
                break;
            };
            if self.html.len() == i {
                acc.end = Some(end);
            }
            if acc.is_row() {
                acc.close_cell();
                let keep = !acc.cells.iter().all(|c| c.is_empty());
                if let Some(t) = self.html_tables.last_mut() {
                    if acc.kind == BlockKind::TableRow
                        && acc.all_th
                        && t.rows == 0
                        && !acc.cells.is_empty()
                    {
                        acc.kind = BlockKind::TableHeader;
                    }
                    if keep {
                        t.rows += 1;
                    }
                }
            }
            self.finish_acc(acc);
        }
    }

    /// Whether the `<table>` whose open tag ends at body offset `from` has at
    /// most one cell per row (a layout table).
    fn is_layout_table(&mut self, from: usize) -> bool {
        if let Some((s, e, v)) = self.layout_cache
            && s <= from
            && from <= e
        {
            return v;
        }
        let bytes = self.src.as_bytes();
        let close = find_ci(bytes, from, b"</table").unwrap_or(bytes.len());
        let region = &bytes[from.min(close)..close];
        let mut max_cells = 0usize;
        let mut cells = 0usize;
        let mut i = 0;
        while i < region.len() {
            if region[i] == b'<' {
                let r = &region[i + 1..];
                if starts_ci(r, b"tr") && r.get(2).is_some_and(|c| !c.is_ascii_alphanumeric()) {
                    max_cells = max_cells.max(cells);
                    cells = 0;
                } else if (starts_ci(r, b"td") || starts_ci(r, b"th"))
                    && r.get(2).is_some_and(|c| !c.is_ascii_alphanumeric())
                {
                    cells += 1;
                }
            }
            i += 1;
        }
        max_cells = max_cells.max(cells);
        let layout = max_cells <= 1;
        self.layout_cache = Some((from, close, layout));
        layout
    }

    fn finish(mut self) -> Out {
        self.flush_html_all();
        while let Some(acc) = self.md.pop() {
            self.finish_acc(acc);
        }
        let mut done = std::mem::take(&mut self.done);
        done.sort_by_key(|(seq, b)| (b.span.start, *seq));
        let mut blocks: Vec<Block> = done.into_iter().map(|(_, b)| b).collect();
        // A table whose Markdown header row is blank (`|  |  |`, as
        // converters from word processors write them) has its real header
        // in the first row, when that row reads like one.
        if !self.blank_headers.is_empty() {
            let mut pending = vec![false; self.tables.len()];
            for &t in &self.blank_headers {
                if let Some(p) = pending.get_mut(t) {
                    *p = true;
                }
            }
            for b in blocks.iter_mut() {
                let Some(p) = b.table.and_then(|t| pending.get_mut(t)) else {
                    continue;
                };
                if *p {
                    *p = false;
                    if b.kind == BlockKind::TableRow && reads_as_header(b) {
                        b.kind = BlockKind::TableHeader;
                    }
                }
            }
        }
        // Tables: keep those with blocks, in order, and point them at blocks.
        let mut remap: Vec<Option<usize>> = vec![None; self.tables.len()];
        let mut tables: Vec<Table> = Vec::new();
        for (bi, b) in blocks.iter_mut().enumerate() {
            let Some(t) = b.table else { continue };
            let Some(slot) = remap.get_mut(t) else {
                b.table = None;
                continue;
            };
            let ni = match *slot {
                Some(ni) => ni,
                None => {
                    tables.push(Table::default());
                    *slot = Some(tables.len() - 1);
                    tables.len() - 1
                }
            };
            b.table = Some(ni);
            if b.kind == BlockKind::TableHeader
                && tables[ni].header.is_none()
                && tables[ni].rows.is_empty()
            {
                tables[ni].header = Some(bi);
            } else {
                if b.kind == BlockKind::TableHeader {
                    b.kind = BlockKind::TableRow;
                }
                tables[ni].rows.push(bi);
            }
        }
        Out {
            sections: self.sections,
            blocks,
            tables,
            comments: self.comments,
        }
    }
}

impl Acc {
    fn is_row(&self) -> bool {
        matches!(self.kind, BlockKind::TableRow | BlockKind::TableHeader)
    }
}

fn is_structural(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "blockquote"
            | "details"
            | "summary"
            | "dd"
            | "dt"
            | "dl"
            | "figure"
            | "figcaption"
            | "caption"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "legend"
            | "body"
            | "html"
            | "hgroup"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "colgroup"
            | "col"
    )
}

/// Underscore emphasis glued to the text around it is part of a name, not
/// emphasis: in `_ga_<ContainerID>` or `_hjSession_<siteId>` CommonMark
/// reads `_ga_` as emphasised "ga". Returns the number of underscores on
/// each side when `src[range]` is `_word_` (or `__word__`) made of name
/// characters, directly followed or preceded by a character that neither
/// ends nor starts a phrase (`<`, `{`, a letter, …) or with an underscore
/// inside (`_x_y_`).
fn identifier_underscores(src: &str, range: &Range<usize>) -> Option<usize> {
    let s = src.get(range.clone())?;
    let n = s.bytes().take_while(|&b| b == b'_').count();
    if n == 0 || n > 2 || s.len() <= 2 * n || !s.ends_with(&"_".repeat(n)) {
        return None;
    }
    let inner = &s[n..s.len() - n];
    if !inner
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let after = src[range.end..].chars().next();
    let before = src[..range.start].chars().next_back();
    let glued_after = after.is_some_and(|c| !c.is_whitespace() && !".,;:!?)]}'\"’”|*~".contains(c));
    let glued_before =
        before.is_some_and(|c| !c.is_whitespace() && !"([{'\"‘“|*~".contains(c) && c != '\u{1}');
    // "_x_y_": emphasised prose has no underscore inside.
    (glued_after || glued_before || inner.contains('_')).then_some(n)
}

/// Does a table row read like a header: every cell a short label, with no
/// digits, addresses or links (data rows have dates, durations, URLs)?
fn reads_as_header(row: &Block) -> bool {
    !row.cells.is_empty()
        && row.cell_texts().all(|c| {
            let c = c.trim();
            !c.is_empty()
                && c.split_whitespace().count() <= 6
                && !c.contains(|ch: char| ch.is_ascii_digit() || ch == '@')
                && !c.contains("://")
        })
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

// ---------------------------------------------------------------------------
// HTML scanning helpers
// ---------------------------------------------------------------------------

struct HtmlTag {
    name: String,
    closing: bool,
    self_closing: bool,
    href: Option<String>,
    /// Offset just past `>` in the scanned text.
    end: usize,
}

/// Parse a tag at `t[lt..]` (`t[lt] == '<'`).
fn parse_tag(t: &str, lt: usize) -> Option<HtmlTag> {
    let bytes = t.as_bytes();
    let mut i = lt + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    let name = t[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            None if b == b'<' => return None,
            None => {}
        }
        i += 1;
    }
    if i >= bytes.len() {
        return None;
    }
    let attrs = &t[attrs_start..i];
    let self_closing = attrs.trim_end().ends_with('/');
    let href = if name == "a" {
        attr_value(attrs, "href")
    } else {
        None
    };
    Some(HtmlTag {
        name,
        closing,
        self_closing,
        href,
        end: i + 1,
    })
}

fn attr_value(attrs: &str, key: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(key) {
        let at = from + p;
        from = at + key.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(decode_entities(value));
    }
    None
}

fn raw_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" => "script",
        "style" => "style",
        "template" => "template",
        "textarea" => "textarea",
        "svg" => "svg",
        "pre" => "pre",
        "title" => "title",
        "noscript" => "noscript",
        "head" => "head",
        _ => return None,
    })
}

/// Find `</name` (ASCII case-insensitive) from `from`; returns its start and
/// the offset after the closing `>`.
fn find_close_tag(bytes: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let mut i = from;
    while i + 2 <= bytes.len() {
        let p = find_bytes(&bytes[i..], b"</")? + i;
        let r = &bytes[p + 2..];
        if starts_ci(r, name.as_bytes())
            && r.get(name.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            let gt = bytes[p..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |g| p + g + 1);
            return Some((p, gt));
        }
        i = p + 2;
    }
    None
}

fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut i = from;
    while i < bytes.len() {
        let p = bytes[i..].iter().position(|b| b == first)? + i;
        if starts_ci(&bytes[p..], needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = 0;
    while i < hay.len() {
        let p = hay[i..].iter().position(|&b| b == first)? + i;
        if hay[p..].starts_with(needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

const HTML_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

fn is_html_tag(name: &str) -> bool {
    HTML_TAGS.contains(&name)
}

/// An entity at the start of `s` (`&amp;`, `&#39;`, `&#x2014;`): its byte
/// length and decoded text.
fn entity_at(s: &str) -> Option<(usize, String)> {
    let end = s.as_bytes().iter().take(34).position(|&b| b == b';')?;
    let body = &s[1..end];
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        c.to_string()
    } else {
        named_entity(body)?.to_string()
    };
    Some((end + 1, decoded))
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "middot" => "·",
        "bull" => "•",
        "deg" => "°",
        "times" => "×",
        "shy" => "\u{ad}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "ntilde" => "ñ",
        "ccedil" => "ç",
        "auml" => "ä",
        "ouml" => "ö",
        "uuml" => "ü",
        "Auml" => "Ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "szlig" => "ß",
        _ => return None,
    })
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with('&')
            && let Some((len, d)) = entity_at(rest)
        {
            out.push_str(&d);
            i += len;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_length_and_blanks_templates() {
        let src = "Go to {{ x }} page.\n{% if a %}\n{: .note}\nKeep {#id} and {plain}.\n";
        let m = mask(src, false);
        assert_eq!(m.len(), src.len());
        // "{{ x }}" is 7 bytes, "{% if a %}" 10, "{: .note}" 9.
        let expected = format!(
            "Go to {} page.\n{}\n{}\nKeep {{#id}} and {{plain}}.\n",
            " ".repeat(7),
            " ".repeat(10),
            " ".repeat(9)
        );
        assert_eq!(m, expected);
    }

    #[test]
    fn mask_skips_fenced_code() {
        let src = "```\n{{ keep }}\n```\n{{ drop }}\n";
        assert_eq!(mask(src, false), "```\n{{ keep }}\n```\n          \n");
    }

    #[test]
    fn mask_mdx() {
        let src = "import A from 'a'\nexport const m = {\n  t: 1,\n}\n\n<A x={1}>Hi {name}</A>\n";
        let m = mask(src, true);
        assert_eq!(m.len(), src.len());
        // Leading masked bytes before content become filler, not indentation.
        assert_eq!(
            m,
            "                 \n                  \n       \n \n\n\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}Hi           \n"
        );
    }

    #[test]
    fn entities() {
        assert_eq!(entity_at("&amp; x"), Some((5, "&".to_string())));
        assert_eq!(entity_at("&#x2014;"), Some((8, "—".to_string())));
        assert_eq!(entity_at("&#39;"), Some((5, "'".to_string())));
        assert_eq!(entity_at("&bogus;"), None);
        assert_eq!(entity_at("&amp"), None);
        assert_eq!(
            decode_entities("a &lt;b&gt; &unknown; c"),
            "a <b> &unknown; c"
        );
    }

    #[test]
    fn tags() {
        let t = "<a class=\"x\" href='https://e.example/?a=1&amp;b=2'>";
        let tag = parse_tag(t, 0).unwrap();
        assert_eq!(tag.name, "a");
        assert_eq!(tag.href.as_deref(), Some("https://e.example/?a=1&b=2"));
        assert_eq!(tag.end, t.len());
        assert!(parse_tag("<br/>", 0).unwrap().self_closing);
        assert!(parse_tag("</TD>", 0).unwrap().closing);
        assert!(parse_tag("< p>", 0).is_none());
        assert!(parse_tag("<p", 0).is_none());
    }
}
