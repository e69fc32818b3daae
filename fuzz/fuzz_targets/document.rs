//! The document parser on any text, as Markdown, MDX and plain text: no
//! panic, and every span inside the file on character boundaries.
#![no_main]

use candor::document::{Document, SourceKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for kind in [SourceKind::Markdown, SourceKind::Mdx, SourceKind::PlainText] {
        let doc = Document::parse("fuzz", text.clone(), kind);
        for b in &doc.blocks {
            assert!(b.span.start <= b.span.end && b.span.end <= doc.text.len());
            for s in &b.sentences {
                let sp = b.span_of(s.clone());
                assert!(sp.start <= sp.end && sp.end <= doc.text.len());
                assert!(doc.text.is_char_boundary(sp.start) && doc.text.is_char_boundary(sp.end));
            }
        }
    }
});
