//! Markdown and MDX through pulldown-cmark's offset iterator.

use super::Document;

pub(super) fn parse_into(_doc: &mut Document) {}
