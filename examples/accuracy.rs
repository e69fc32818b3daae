//! Extraction accuracy harness: runs `candor extract` logic on every
//! labelled document under `fixtures/labels/` and prints precision, recall
//! and F1 per field, with the misses and false hits.
//!
//! ```sh
//! cargo run --release --example accuracy            # table + misses
//! cargo run --release --example accuracy -- --table # table only
//! ```

use std::path::{Path, PathBuf};

use candor::accuracy::{self, Label};
use candor::document::{Document, SourceKind};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let table_only = std::env::args().any(|a| a == "--table");
    let mut labels = Vec::new();
    collect(&root.join("labels"), &mut labels);
    labels.sort();
    let mut per_doc = Vec::new();
    for path in &labels {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                std::process::exit(2);
            }
        };
        let label: Label = match serde_saphyr::from_str(&text) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                std::process::exit(2);
            }
        };
        let doc_path = if label.doc.starts_with("seeds/") {
            root.join(&label.doc)
        } else {
            root.join("corpus").join(&label.doc)
        };
        let doc_text = match std::fs::read_to_string(&doc_path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", doc_path.display());
                std::process::exit(2);
            }
        };
        let kind = SourceKind::from_path(&label.doc).unwrap_or(SourceKind::Markdown);
        let doc = Document::parse(label.doc.clone(), doc_text, kind);
        let model = candor::extract::extract(&doc);
        per_doc.push(accuracy::score_document(&label, &model));
    }
    let totals = accuracy::total(per_doc);
    let report = accuracy::render(&totals, labels.len());
    if table_only {
        for line in report.lines().take_while(|l| !l.starts_with("## ")) {
            println!("{line}");
        }
    } else {
        print!("{report}");
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}
