//! Where extraction time goes: each extractor timed separately over a set
//! of documents, after a first pass that compiles every pattern and
//! lexicon (warm, like the `extract` group of `benches/candor.rs`).
//!
//! ```sh
//! cargo run --release --example extract_profile                  # fixtures/corpus and fixtures/seeds
//! cargo run --release --example extract_profile -- FILE_OR_DIR...
//! ```
//!
//! Prints, per extractor, milliseconds per pass over all documents and its
//! share (the lexicon matches the extractors share, found once per
//! document, on a line of their own); the total in MB/s on one core; the median, 90th percentile and
//! maximum time per document; and the slowest documents.

use std::path::{Path, PathBuf};
use std::time::Instant;

use candor::document::{Document, SourceKind};
use candor::extract::lexicons::{Input, Lexicon};
use candor::extract::{self, EXTRACTORS};
use candor::model::PolicyModel;

const PASSES: u32 = 20;

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if path.to_str().and_then(SourceKind::from_path).is_some()
        && path.file_name().is_some_and(|n| n != "README.md")
    {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if args.is_empty() {
        args = vec!["fixtures/corpus".into(), "fixtures/seeds".into()];
    }
    let mut files = Vec::new();
    for a in &args {
        collect(a, &mut files);
    }
    let docs: Vec<Document> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            let kind = f
                .to_str()
                .and_then(SourceKind::from_path)
                .unwrap_or(SourceKind::PlainText);
            Some(Document::parse(f.display().to_string(), text, kind))
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    for d in &docs {
        std::hint::black_box(extract::extract(d));
    }
    let mut per_extractor = [0f64; EXTRACTORS.len() + 2];
    let mut per_doc = vec![0f64; docs.len()];
    for _ in 0..PASSES {
        for (j, d) in docs.iter().enumerate() {
            // The lexicon matches the extractors share, found once per
            // document: timed on their own line.
            let t = Instant::now();
            let input = Input::new(d);
            std::hint::black_box(input.hits(Lexicon::Data));
            let e = t.elapsed().as_secs_f64();
            per_extractor[EXTRACTORS.len() + 1] += e;
            per_doc[j] += e;
            for (i, (_, f)) in EXTRACTORS.iter().enumerate() {
                let mut m = PolicyModel::default();
                let t = Instant::now();
                f(&input, &mut m);
                let e = t.elapsed().as_secs_f64();
                std::hint::black_box(m);
                per_extractor[i] += e;
                per_doc[j] += e;
            }
            let t = Instant::now();
            std::hint::black_box(extract::dates::last_updated(d));
            let e = t.elapsed().as_secs_f64();
            per_extractor[EXTRACTORS.len()] += e;
            per_doc[j] += e;
        }
    }
    let passes = f64::from(PASSES);
    let total: f64 = per_extractor.iter().sum();
    println!("{} documents, {} bytes, {PASSES} passes", docs.len(), bytes);
    let names = EXTRACTORS
        .iter()
        .map(|(n, _)| *n)
        .chain(["last_updated", "lexicons"]);
    for (name, t) in names.zip(per_extractor) {
        println!(
            "{name:14} {:8.3} ms {:5.1}%",
            t * 1e3 / passes,
            100.0 * t / total
        );
    }
    println!(
        "{:14} {:8.3} ms  {:.1} MB/s on one core",
        "total",
        total * 1e3 / passes,
        bytes as f64 / (total / passes) / 1e6
    );
    let mut slowest: Vec<(f64, &Document)> =
        per_doc.iter().map(|t| t / passes).zip(&docs).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let at = |q: f64| {
        let i = ((slowest.len() as f64 - 1.0) * (1.0 - q)).round() as usize;
        slowest.get(i).map_or(0.0, |(t, _)| t * 1e3)
    };
    println!(
        "per document: median {:.3} ms, 90th percentile {:.3} ms, max {:.3} ms",
        at(0.5),
        at(0.9),
        at(1.0)
    );
    println!("slowest documents:");
    for (t, d) in slowest.iter().take(10) {
        println!(
            "{:8.3} ms {:7} B {:6.1} MB/s  {}",
            t * 1e3,
            d.text.len(),
            d.text.len() as f64 / t / 1e6,
            d.path
        );
    }
}
