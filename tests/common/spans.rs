//! An independent check of evidence spans, shared by the corpus test, the
//! property tests and the `extract` fuzz target (which includes this file
//! by path): it walks the model's JSON and recomputes line and column from
//! the byte offset without candor's line index.

use serde_json::Value;

/// Check every evidence object in `v` (an object with `start`, `end`, `line`
/// and `column`): inside `text`, on character boundaries, line and column
/// (1-based, in characters, a leading BOM not counted) agreeing with the
/// offset, and its `path` equal to `path` when given. Panics on the first
/// bad one; returns how many were checked.
pub fn check_evidence(v: &Value, text: &str, path: Option<&str>) -> usize {
    match v {
        Value::Object(m) => {
            let mut found = 0;
            if let (Some(s), Some(e), Some(l), Some(c)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("line").and_then(Value::as_u64),
                m.get("column").and_then(Value::as_u64),
            ) {
                found += 1;
                if let Some(path) = path {
                    assert_eq!(m.get("path").and_then(Value::as_str), Some(path), "{v}");
                }
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= text.len(),
                    "{v} outside {} bytes",
                    text.len()
                );
                assert!(
                    text.is_char_boundary(s) && text.is_char_boundary(e),
                    "{v} splits a character"
                );
                let line = text[..s].matches('\n').count() + 1;
                let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
                let mut column = text[line_start..s].chars().count() + 1;
                // The file's BOM is not a column; a U+FEFF elsewhere is.
                if line == 1 && text.starts_with('\u{feff}') && s > 0 {
                    column -= 1;
                }
                assert_eq!((l as usize, c as usize), (line, column), "{v}");
            }
            found
                + m.values()
                    .map(|x| check_evidence(x, text, path))
                    .sum::<usize>()
        }
        Value::Array(a) => a.iter().map(|x| check_evidence(x, text, path)).sum(),
        _ => 0,
    }
}
