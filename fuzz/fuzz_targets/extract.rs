//! Parsing and extraction together: no panic, evidence inside the file.
#![no_main]

use candor::document::{Document, SourceKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for kind in [SourceKind::Markdown, SourceKind::PlainText] {
        let doc = Document::parse("fuzz", text.clone(), kind);
        let model = candor::extract::extract(&doc);
        for t in &model.third_parties {
            assert!(t.evidence.start <= t.evidence.end && t.evidence.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(t.evidence.start));
        }
        let _ = serde_json::to_string(&model);
    }
});
