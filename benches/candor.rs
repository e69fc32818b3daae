//! Per-document costs (issue #7): parsing, extraction and a full `check` for
//! a few representative policies, each measured after the first call, so
//! that the one-off compilation of patterns and lexicons is not counted (the
//! pre-commit figure of `scripts/bench.sh` counts it, process start
//! included).
//!
//! ```sh
//! cargo bench --bench candor            # everything
//! cargo bench --bench candor -- extract # one group
//! ```
//!
//! Documents: a typical privacy policy (Let's Encrypt's, 14 KB: the median
//! size of the 30 privacy policies in `fixtures/corpus`, whose middle half
//! runs from 9 to 25 KB), a long one (GitHub's privacy statement, 42 KB;
//! only two of the 30 are longer), a subprocessor table (GitHub's, 7 KB), a cookie table (GitHub's cookie
//! page, 17 KB) and a plain-text seed (DunOps, 3 KB), each checked against
//! the bundled example inventory with the default packs.

use std::hint::black_box;
use std::path::Path;

use candor::checks::{Checks, RuleFilter};
use candor::clock::Date;
use candor::document::{Document, SourceKind};
use candor::extract;
use candor::lint::{self, LoadedSet};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const DOCS: &[(&str, &str)] = &[
    (
        "typical-policy",
        "fixtures/corpus/letsencrypt/privacy-policy.md",
    ),
    ("long-policy", "fixtures/corpus/github/privacy-statement.md"),
    (
        "subprocessor-table",
        "fixtures/corpus/github/subprocessors.md",
    ),
    ("cookie-table", "fixtures/corpus/github/cookies.md"),
    ("plain-text-seed", "fixtures/seeds/dunops-privacy.txt"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> (String, SourceKind) {
    let text = std::fs::read_to_string(root().join(rel))
        .unwrap_or_else(|e| panic!("bench input {rel}: {e}"));
    let kind = SourceKind::from_path(rel).unwrap_or(SourceKind::PlainText);
    (text, kind)
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (name, rel) in DOCS {
        let (text, kind) = load(rel);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| Document::parse(*rel, black_box(text.clone()), kind))
        });
    }
    g.finish();
}

fn extraction(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    for (name, rel) in DOCS {
        let (text, kind) = load(rel);
        let doc = Document::parse(*rel, text, kind);
        // Compile every pattern and lexicon before timing.
        black_box(extract::extract(&doc));
        g.throughput(Throughput::Bytes(doc.text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &doc, |b, doc| {
            b.iter(|| extract::extract(black_box(doc)))
        });
    }
    g.finish();
}

/// Read, parse, extract and run every default rule and pack over one
/// document with the example inventory: `candor check` minus process start,
/// config discovery and reporting.
fn check(c: &mut Criterion) {
    let inventory_path = root().join("fixtures/example/inventory.yaml");
    let inventory = lint::load_inventory(&inventory_path, root()).expect("example inventory");
    let today = Date::parse_iso("2026-06-01").expect("date");
    let checks = Checks::new(None, RuleFilter::default(), today).expect("default checks");
    let mut g = c.benchmark_group("check");
    for (name, rel) in DOCS {
        let (text, kind) = load(rel);
        let run = |text: &str| {
            let doc = Document::parse(*rel, text.to_string(), kind);
            let set = LoadedSet::from_documents(
                "bench",
                std::slice::from_ref(&doc),
                Some(inventory.clone()),
                &checks,
                None,
            )
            .expect("summarise");
            checks.check_set(&set, None).expect("check")
        };
        black_box(run(&text));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| run(black_box(text)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = parse, extraction, check
}
criterion_main!(benches);
