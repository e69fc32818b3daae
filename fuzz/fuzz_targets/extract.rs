//! Parsing and extraction together: no panic, and every evidence span of the
//! model (found wherever the JSON has an evidence object) inside the file, on
//! character boundaries, with line and column agreeing with the offset.
#![no_main]

use candor::document::{Document, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/spans.rs"]
mod spans;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for kind in [SourceKind::Markdown, SourceKind::PlainText] {
        let doc = Document::parse("fuzz", text.clone(), kind);
        let model = candor::extract::extract(&doc);
        let v = serde_json::to_value(&model).expect("the model serialises");
        spans::check_evidence(&v, &doc.text, None);
    }
});
