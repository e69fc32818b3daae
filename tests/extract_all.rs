//! Every document of the corpus and the seeds extracts without panic, and
//! every evidence span of every fact lies inside its file, on character
//! boundaries, with line and column agreeing with the byte offset.

use candor::document::{Document, SourceKind};
#[path = "common/spans.rs"]
mod spans;
use spans::check_evidence;

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| SourceKind::from_path(n).is_some() && n != "README.md")
        {
            out.push(p);
        }
    }
}

/// Every document of fixtures/corpus and fixtures/seeds, parsed.
fn corpus_documents() -> Vec<Document> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    files(&root.join("corpus"), &mut paths);
    files(&root.join("seeds"), &mut paths);
    paths.sort();
    assert!(paths.len() >= 50, "found only {} documents", paths.len());
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("corpus files are UTF-8");
            let name = p.to_string_lossy().into_owned();
            let kind = SourceKind::from_path(&name).expect("filtered above");
            Document::parse(name, text, kind)
        })
        .collect()
}

#[test]
fn every_corpus_document_and_seed_extracts_with_sound_evidence() {
    let mut facts = 0;
    for doc in &corpus_documents() {
        let name = doc.path.clone();
        let m = candor::extract::extract(doc);
        // Every evidence object of the model, document dates included.
        let v = serde_json::to_value(&m).expect("the model serialises");
        facts += check_evidence(&v, &doc.text, Some(&name));
    }
    assert!(facts > 1000, "only {facts} facts across the corpus");
}

/// The extractors may run in any rotation (`extract_from`, which spreads
/// the first compile of their patterns over threads): every document of the
/// corpus gets the same model from every starting extractor.
#[test]
fn the_model_does_not_depend_on_which_extractor_runs_first() {
    for doc in &corpus_documents() {
        let first = serde_json::to_string(&candor::extract::extract(doc)).expect("serialises");
        for start in 1..candor::extract::EXTRACTOR_COUNT {
            let other = serde_json::to_string(&candor::extract::extract_from(doc, start))
                .expect("serialises");
            assert!(
                first == other,
                "{}: a different model from extractor {start}",
                doc.path
            );
        }
    }
}
