//! Sentence splitting over a block's clean text.

use std::ops::Range;

/// Sentence ranges in `text` (trimmed, never empty).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let start = text.len() - text.trim_start().len();
    vec![start..start + t.len()]
}
