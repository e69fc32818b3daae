//! Plain text copied from a web page: heuristic headings and list items.

use super::Document;

pub(super) fn parse_into(_doc: &mut Document) {}
