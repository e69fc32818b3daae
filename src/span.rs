//! Byte spans and the line index that turns them into 1-based line/column
//! positions (columns counted in characters, as DESIGN.md requires).

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the *original* file text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A resolved position: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts, for offset → (line, column) lookups.
///
/// A line ends at `\n`; a preceding `\r` belongs to the line's terminator and is
/// never counted as a column. A leading byte-order mark is not a column either.
///
/// Columns are counted from the line start, except on long lines (a
/// minified page, a run-on paragraph of megabytes), where counting from the
/// nearest of the character counts kept every [`CHECKPOINT`] bytes bounds
/// each lookup.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `checkpoints[i]`: characters in `text[..floor_char(i * CHECKPOINT)]`.
    /// Empty when no line is longer than [`CHECKPOINT`].
    checkpoints: Vec<usize>,
}

/// Spacing of character-count checkpoints, in bytes.
const CHECKPOINT: usize = 4096;

/// The largest character boundary of `text` at or before `i` (clamped to
/// the text's length).
pub fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Ranges merged into sorted, disjoint ones, to ask whether a range
/// overlaps any of them with one binary search (a run-on paragraph may hold
/// thousands).
#[derive(Debug, Clone, Default)]
pub struct RangeSet {
    merged: Vec<std::ops::Range<usize>>,
}

impl RangeSet {
    pub fn new(ranges: impl IntoIterator<Item = std::ops::Range<usize>>) -> RangeSet {
        let mut all: Vec<std::ops::Range<usize>> = ranges.into_iter().collect();
        all.sort_by_key(|r| r.start);
        let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(all.len());
        for r in all {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        RangeSet { merged }
    }

    /// Does `r` share a position with one of the ranges?
    pub fn overlaps(&self, r: &std::ops::Range<usize>) -> bool {
        let hi = self.merged.partition_point(|m| m.start < r.end);
        hi.checked_sub(1)
            .and_then(|i| self.merged.get(i))
            .is_some_and(|m| r.start < m.end)
    }
}

/// The smallest character boundary of `text` at or after `i` (clamped to
/// the text's length).
pub fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let long_line = starts
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain(std::iter::once(
                text.len() - starts.last().copied().unwrap_or(0),
            ))
            .any(|len| len > CHECKPOINT);
        let mut checkpoints = Vec::new();
        if long_line {
            checkpoints.reserve(text.len() / CHECKPOINT + 1);
            let mut chars = 0;
            let mut at = 0;
            for i in 0..=text.len() / CHECKPOINT {
                let b = floor_char(text, i * CHECKPOINT);
                chars += text[at..b].chars().count();
                at = b;
                checkpoints.push(chars);
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = offset / CHECKPOINT;
        match self.checkpoints.get(i) {
            Some(&n) => {
                let b = floor_char(text, i * CHECKPOINT);
                n + text[b..offset].chars().count()
            }
            None => text[..offset].chars().count(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line `offset` is on (offsets past the end: the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where the 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// 1-based line and character column of `offset` in `text`.
    ///
    /// Offsets past the end clamp to the end; offsets inside a multi-byte
    /// character count that character once.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line_idx];
        let end = floor_char(text, offset).max(start);
        let prefix = &text[start..end];
        let chars = if end - start > CHECKPOINT && !self.checkpoints.is_empty() {
            self.chars_before(text, end) - self.chars_before(text, start)
        } else {
            prefix.chars().count()
        };
        let mut column = chars + 1;
        if line_idx == 0 && prefix.starts_with('\u{feff}') {
            column -= 1;
        }
        LineCol {
            line: line_idx + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçé x\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
        // "x" sits after two 2-byte characters and a space: byte 8, column 4.
        assert_eq!(&text[8..9], "x");
        assert_eq!(idx.line_col(text, 8), LineCol { line: 2, column: 4 });
        assert_eq!(idx.line_col(text, 11), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(text, 999), LineCol { line: 3, column: 5 });
    }

    /// `RangeSet::overlaps` answers as a scan of the ranges does.
    #[test]
    fn range_set_agrees_with_a_scan() {
        let ranges = [3..5, 10..20, 4..8, 15..16, 30..31, 40..40];
        let set = RangeSet::new(ranges.iter().cloned());
        for a in 0..45 {
            for b in a..46 {
                let scan = ranges.iter().any(|r| r.start < b && a < r.end);
                assert_eq!(set.overlaps(&(a..b)), scan, "{a}..{b}");
            }
        }
    }

    #[test]
    fn long_lines_count_the_same_columns() {
        // Lines longer than the checkpoint spacing, with multi-byte
        // characters straddling checkpoints: every offset must get the
        // column a plain count from the line start gives.
        let mut text = String::from("\u{feff}");
        for i in 0..3000 {
            text.push_str(if i % 7 == 0 { "é€ " } else { "ab " });
        }
        text.push('\n');
        for _ in 0..2000 {
            text.push_str("x😀");
        }
        let idx = LineIndex::new(&text);
        assert!(!idx.checkpoints.is_empty());
        let naive = |offset: usize| {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let prefix = &text[line_start..offset];
            let mut col = prefix.chars().count() + 1;
            if prefix.starts_with('\u{feff}') {
                col -= 1;
            }
            col
        };
        for offset in (0..text.len()).step_by(97).chain([text.len()]) {
            if !text.is_char_boundary(offset) {
                continue;
            }
            assert_eq!(
                idx.line_col(&text, offset).column,
                naive(offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}Privacy";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, column: 1 });
    }
}
