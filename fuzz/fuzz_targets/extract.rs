//! Parsing and extraction together: no panic, and every evidence span of the
//! model (found wherever the JSON has an evidence object) inside the file, on
//! character boundaries, with line and column agreeing with the offset.
#![no_main]

use candor::document::{Document, SourceKind};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn check(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(l), Some(c)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("line").and_then(Value::as_u64),
                m.get("column").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= text.len(), "{v} outside the text");
                assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{v}");
                let line = text[..s].matches('\n').count() + 1;
                let ls = text[..s].rfind('\n').map_or(0, |i| i + 1);
                let col = text[ls..s].trim_start_matches('\u{feff}').chars().count() + 1;
                assert_eq!((l as usize, c as usize), (line, col), "{v}");
            }
            m.values().for_each(|x| check(x, text));
        }
        Value::Array(a) => a.iter().for_each(|x| check(x, text)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for kind in [SourceKind::Markdown, SourceKind::PlainText] {
        let doc = Document::parse("fuzz", text.clone(), kind);
        let model = candor::extract::extract(&doc);
        let v = serde_json::to_value(&model).expect("the model serialises");
        check(&v, &doc.text);
    }
});
