//! YAML loading for candor's own files (inventory, config, packs): one
//! budget against alias bombs and deep nesting, and errors that point at the
//! offending scalar with a "did you mean" for unknown keys.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Location, Options, Spanned};

use crate::error::{Error, did_you_mean};
use crate::span::Span;

/// Largest YAML file candor reads (inventories and configs are small; a
/// larger file is almost certainly a mistake or an attack).
pub const MAX_YAML_BYTES: usize = 8 * 1024 * 1024;

/// Read a file candor loads whole (config, inventory, pack, baseline): it
/// must be a regular file (a FIFO or `/dev/zero` named in candor.yaml would
/// block or never end), and at most `limit` bytes are read, so memory stays
/// bounded whatever the file is. A larger file is an error of kind
/// `FileTooLarge` saying so.
pub fn read_file(path: &std::path::Path, limit: usize) -> std::io::Result<String> {
    use std::io::{Error as IoError, ErrorKind, Read};
    let (file, meta) = crate::source::open_regular(path)?;
    let too_large = |size: String| {
        IoError::new(
            ErrorKind::FileTooLarge,
            format!(
                "the file is {size} bytes; candor reads files of this kind up to {limit} bytes"
            ),
        )
    };
    if meta.len() > limit as u64 {
        return Err(too_large(meta.len().to_string()));
    }
    let mut text = String::new();
    file.take(limit as u64 + 1).read_to_string(&mut text)?;
    if text.len() > limit {
        return Err(too_large(format!("more than {limit}")));
    }
    Ok(text)
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 64;
    budget.max_nodes = 200_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_events = 1_000_000;
    budget.max_total_scalar_bytes = MAX_YAML_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options
}

/// Deserialize `text` (the content of `path`) into `T`.
pub fn from_str<T: DeserializeOwned>(path: &str, text: &Arc<str>, what: &str) -> Result<T, Error> {
    if text.len() > MAX_YAML_BYTES {
        return Err(Error::new(
            "candor::yaml",
            format!(
                "{what} is {} bytes; candor reads YAML files up to {} bytes",
                text.len(),
                MAX_YAML_BYTES
            ),
        )
        .with_path(path));
    }
    serde_saphyr::from_str_with_options::<T>(text, options())
        .map_err(|e| convert_error(path, text, what, &e))
}

/// The budget limit `e` breached, if it is a budget error, in words.
fn budget_breach(e: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach as B;
    let mut e = e;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = e
    {
        e = error;
    }
    let serde_saphyr::Error::Budget { breach, .. } = e else {
        return None;
    };
    let b = options().budget.unwrap_or_default();
    Some(match breach {
        B::Nodes { .. } => format!(
            "more than {} nodes (anchors and aliases expand to more data than an inventory or config needs)",
            b.max_nodes
        ),
        B::Aliases { .. } => format!("more than {} aliases", b.max_aliases),
        B::Anchors { .. } => format!("more than {} anchors", b.max_anchors),
        B::Depth { .. } => format!("nested more than {} levels deep", b.max_depth),
        B::Events { .. } => format!("more than {} parser events", b.max_events),
        B::ScalarBytes { .. } => format!("more than {} bytes of text", b.max_total_scalar_bytes),
        other => format!("{other:?}"),
    })
}

fn convert_error(path: &str, text: &Arc<str>, what: &str, e: &serde_saphyr::Error) -> Error {
    let raw = e.without_snippet().to_string();
    // serde-saphyr appends " at line L, column C"; we show the location ourselves.
    let message = match budget_breach(e) {
        Some(limit) => format!("YAML budget exceeded: {limit}"),
        None => match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw.clone(),
        },
    };
    let message = message.replace('`', "'");
    let mut err = Error::new("candor::yaml", format!("invalid {what}: {message}"));
    if let Some(help) = unknown_field_help(&raw) {
        err = err.with_help(help);
    }
    match e.location().and_then(|loc| location_span(&loc, text)) {
        Some(span) => err.at(path, text.clone(), span).with_label("here"),
        None => err.with_path(path),
    }
}

/// "unknown field `x`, expected one of a, b" → "did you mean 'a'?" / the list.
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.split_once("unknown field `")?.1;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .map(|(_, list)| list)
        .or_else(|| rest.split_once("expected ").map(|(_, l)| l))?;
    let expected = expected.split(" at line ").next().unwrap_or(expected);
    let keys: Vec<&str> = expected
        .split(',')
        .map(|k| k.trim().trim_matches('`').trim())
        .filter(|k| !k.is_empty())
        .collect();
    Some(match did_you_mean(field, keys.iter().copied()) {
        Some(s) => format!("did you mean '{s}'? Known keys here: {}", keys.join(", ")),
        None => format!("known keys here: {}", keys.join(", ")),
    })
}

/// The byte span of a serde-saphyr location in `text`.
pub fn location_span(loc: &Location, text: &str) -> Option<Span> {
    if loc.line() == 0 {
        return None;
    }
    let s = loc.span();
    if let (Some(off), Some(len)) = (s.byte_offset(), s.byte_len()) {
        let start = usize::try_from(off).ok()?;
        let len = usize::try_from(len).ok()?;
        if start <= text.len() && start.checked_add(len)? <= text.len() {
            return Some(Span::new(start, start + len));
        }
    }
    // Fall back to line/column (1-based, characters).
    let line = usize::try_from(loc.line()).ok()?;
    let col = usize::try_from(loc.column()).ok()?;
    let idx = crate::span::LineIndex::new(text);
    let ls = idx.line_start(line)?;
    let off = text[ls..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| ls + i)
        .unwrap_or(text.len());
    Some(Span::new(off, off))
}

/// The span of a deserialized value, falling back to an empty span at 0.
pub fn span_of<T>(v: &Spanned<T>, text: &str) -> Span {
    location_span(&v.referenced, text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_help_suggests() {
        let m = "unknown field `subprocesors`, expected one of version, organization, subprocessors at line 3, column 1";
        let h = unknown_field_help(m).unwrap();
        assert!(h.starts_with("did you mean 'subprocessors'?"), "{h}");
    }
}
