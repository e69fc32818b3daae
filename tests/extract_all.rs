//! Every document of the corpus and the seeds extracts without panic, and
//! every evidence span of every fact lies inside its file, on character
//! boundaries, with line and column agreeing with the byte offset.

use candor::document::{Document, SourceKind};
use candor::model::Evidence;

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

fn check(doc: &Document, e: &Evidence, what: &str) {
    let t = &doc.text;
    assert!(
        e.start <= e.end && e.end <= t.len(),
        "{what}: {e:?} outside {}",
        doc.path
    );
    assert!(
        t.is_char_boundary(e.start) && t.is_char_boundary(e.end),
        "{what}: {e:?} splits a character"
    );
    let line = t[..e.start].matches('\n').count() + 1;
    let line_start = t[..e.start].rfind('\n').map_or(0, |i| i + 1);
    let column = t[line_start..e.start]
        .trim_start_matches('\u{feff}')
        .chars()
        .count()
        + 1;
    assert_eq!(
        (e.line, e.column),
        (line, column),
        "{what}: line/column of {e:?}"
    );
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
        let evidence = m
            .third_parties
            .iter()
            .map(|x| &x.evidence)
            .chain(m.data_collected.iter().map(|x| &x.evidence))
            .chain(m.retention.iter().map(|x| &x.evidence))
            .chain(m.cookies.iter().map(|x| &x.evidence))
            .chain(m.rights.iter().map(|x| &x.evidence))
            .chain(m.claims.iter().map(|x| &x.evidence))
            .chain(m.contacts.iter().map(|x| &x.evidence))
            .chain(m.children.iter().map(|x| &x.evidence));
        for e in evidence {
            check(&doc, e, &name);
            facts += 1;
        }
        serde_json::to_string(&m).expect("the model serialises");
    }
    assert!(facts > 1000, "only {facts} facts across the corpus");
}
