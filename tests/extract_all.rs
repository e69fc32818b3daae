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

#[test]
fn every_corpus_document_and_seed_extracts_with_sound_evidence() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    files(&root.join("corpus"), &mut paths);
    files(&root.join("seeds"), &mut paths);
    paths.sort();
    assert!(paths.len() >= 50, "found only {} documents", paths.len());
    let mut facts = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("corpus files are UTF-8");
        let name = p.to_string_lossy().into_owned();
        let kind = SourceKind::from_path(&name).expect("filtered above");
        let doc = Document::parse(name.clone(), text, kind);
        let m = candor::extract::extract(&doc);
        // Every evidence object of the model, document dates included.
        let v = serde_json::to_value(&m).expect("the model serialises");
        facts += check_evidence(&v, &doc.text, Some(name.as_str()));
    }
    assert!(facts > 1000, "only {facts} facts across the corpus");
}

/// The extractors may run in any rotation (`extract_from`, which spreads
/// the first compile of their patterns over threads): every document of the
/// corpus gets the same model from every starting extractor.
#[test]
fn the_model_does_not_depend_on_which_extractor_runs_first() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    files(&root.join("corpus"), &mut paths);
    files(&root.join("seeds"), &mut paths);
    paths.sort();
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("corpus files are UTF-8");
        let name = p.to_string_lossy().into_owned();
        let kind = SourceKind::from_path(&name).expect("filtered above");
        let doc = Document::parse(name.clone(), text, kind);
        let first = serde_json::to_string(&candor::extract::extract(&doc)).expect("serialises");
        for start in 1..8 {
            let other = serde_json::to_string(&candor::extract::extract_from(&doc, start))
                .expect("serialises");
            assert!(
                first == other,
                "{name}: a different model from extractor {start}"
            );
        }
    }
}
