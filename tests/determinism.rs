//! Determinism (issue #8): the same inputs give byte-identical output across
//! runs, thread counts, file-system order and locales. The project is
//! copied into several directories, its files created in a different
//! shuffled order in each; every format is compared byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2026-11-22";

/// Policies of several shapes and languages, with the example inventory: a
/// set with findings of many rules in many files.
const FILES: &[(&str, &str)] = &[
    ("fixtures/example/privacy.md", "privacy.md"),
    ("fixtures/example/subprocessors.md", "subprocessors.md"),
    ("fixtures/example/inventory.yaml", "inventory.yaml"),
    (
        "fixtures/seeds/modeldock-privacy.txt",
        "docs/seeds/modeldock.txt",
    ),
    ("fixtures/seeds/dunops-privacy.txt", "docs/seeds/dunops.txt"),
    (
        "fixtures/seeds/monitoring-saas-privacy.txt",
        "docs/seeds/monitoring.txt",
    ),
    (
        "fixtures/corpus/github/privacy-statement.md",
        "docs/github/privacy.md",
    ),
    (
        "fixtures/corpus/github/subprocessors.md",
        "docs/github/subprocessors.md",
    ),
    (
        "fixtures/corpus/github/cookies.md",
        "docs/github/cookies.md",
    ),
    (
        "fixtures/corpus/basecamp/privacy-policy.md",
        "docs/basecamp/privacy.md",
    ),
    ("fixtures/corpus/basecamp/ccpa.md", "docs/basecamp/ccpa.md"),
    (
        "fixtures/corpus/sage-bionetworks/cookies.md",
        "docs/sage/cookies.md",
    ),
    (
        "fixtures/corpus/namesake/privacy.md",
        "docs/namesake/privacy.md",
    ),
    (
        "fixtures/corpus/stamphq/subprocessors.md",
        "docs/stamphq/sub.md",
    ),
    (
        "fixtures/corpus/whereby/cookie-policy.md",
        "docs/whereby/cookies.md",
    ),
    (
        "fixtures/corpus/activist/privacy-2023.txt",
        "docs/activist/2023.txt",
    ),
    (
        "fixtures/corpus/posthog/privacy.md",
        "docs/posthog/privacy.md",
    ),
];

const CONFIG: &str = "inventory: inventory.yaml\npolicies: [privacy.md, subprocessors.md, docs]\n";

/// A small deterministic permutation (xorshift), different per seed.
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut v = items.to_vec();
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

/// The project in a fresh directory, files created in the order of `seed`
/// (seed 0: the listed order).
fn project(seed: u64) -> tempfile::TempDir {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let d = tempfile::tempdir().expect("tempdir");
    let mut files: Vec<(&str, &str)> = FILES.to_vec();
    files.push(("", "candor.yaml"));
    if seed != 0 {
        files = shuffled(&files, seed);
    }
    for (from, to) in files {
        let dest = d.path().join(to);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        if from.is_empty() {
            std::fs::write(&dest, CONFIG).expect("write");
        } else {
            std::fs::copy(root.join(from), &dest).expect("copy");
        }
    }
    d
}

struct Env<'a> {
    threads: &'a str,
    lang: &'a str,
    lc_all: Option<&'a str>,
}

/// (exit code, stdout, stderr) of candor in `dir`.
fn run(dir: &Path, args: &[&str], env: &Env<'_>) -> (i32, Vec<u8>, Vec<u8>) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_candor"));
    c.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("CANDOR_TODAY", TODAY)
        .env_remove("CANDOR_FORMAT")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env_remove("LC_COLLATE")
        .env("RAYON_NUM_THREADS", env.threads)
        .env("LANG", env.lang);
    if let Some(l) = env.lc_all {
        c.env("LC_ALL", l);
    }
    let out = c.output().expect("runs");
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

const FORMATS: &[&[&str]] = &[
    &["check", "--format", "json"],
    &["check", "--format", "sarif"],
    &["check", "--format", "human"],
    &["check", "--format", "github"],
    &["check", "--format", "junit"],
    &[
        "extract",
        "--format",
        "json",
        "docs/github/privacy.md",
        "privacy.md",
    ],
];

#[test]
fn output_is_byte_identical_across_runs_threads_file_order_and_locales() {
    let reference_env = Env {
        threads: "1",
        lang: "C.UTF-8",
        lc_all: None,
    };
    let base = project(0);
    let reference: Vec<_> = FORMATS
        .iter()
        .map(|args| run(base.path(), args, &reference_env))
        .collect();

    // The reference is a real report: findings of several rules in several
    // files (so there is something whose order could vary).
    let (code, json, stderr) = &reference[0];
    assert_eq!(*code, 1, "{}", String::from_utf8_lossy(stderr));
    let v: serde_json::Value = serde_json::from_slice(json).expect("JSON");
    let findings = v["findings"].as_array().expect("findings");
    let rules: std::collections::BTreeSet<&str> =
        findings.iter().filter_map(|f| f["rule"].as_str()).collect();
    let paths: std::collections::BTreeSet<&str> =
        findings.iter().filter_map(|f| f["path"].as_str()).collect();
    assert!(findings.len() >= 50, "{} findings", findings.len());
    assert!(rules.len() >= 6, "{rules:?}");
    assert!(paths.len() >= 10, "{paths:?}");
    assert_eq!(v["summary"]["files"], 16);

    let shuffled_a = project(1);
    let shuffled_b = project(2);
    let variants: [(&str, &Path, Env<'_>); 5] = [
        (
            "same again",
            base.path(),
            Env {
                threads: "1",
                lang: "C.UTF-8",
                lc_all: None,
            },
        ),
        (
            "4 threads",
            base.path(),
            Env {
                threads: "4",
                lang: "C.UTF-8",
                lc_all: None,
            },
        ),
        (
            "shuffled files, 4 threads, Turkish locale",
            shuffled_a.path(),
            Env {
                threads: "4",
                lang: "de_DE.UTF-8",
                lc_all: Some("tr_TR.UTF-8"),
            },
        ),
        (
            "other shuffle, 2 threads, C locale",
            shuffled_b.path(),
            Env {
                threads: "2",
                lang: "C",
                lc_all: Some("C"),
            },
        ),
        (
            "other shuffle, 3 threads, French locale",
            shuffled_b.path(),
            Env {
                threads: "3",
                lang: "fr_FR.ISO-8859-1",
                lc_all: None,
            },
        ),
    ];
    for (what, dir, env) in &variants {
        for (args, want) in FORMATS.iter().zip(&reference) {
            let got = run(dir, args, env);
            assert_eq!(got.0, want.0, "{what}, {args:?}: exit code");
            if got.1 != want.1 {
                panic!(
                    "{what}, {args:?}: stdout differs at byte {}",
                    first_difference(&got.1, &want.1)
                );
            }
            assert_eq!(
                String::from_utf8_lossy(&got.2),
                String::from_utf8_lossy(&want.2),
                "{what}, {args:?}: stderr"
            );
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

#[test]
fn the_shuffle_really_reorders() {
    let items: Vec<usize> = (0..FILES.len() + 1).collect();
    assert_ne!(shuffled(&items, 1), items);
    assert_ne!(shuffled(&items, 2), shuffled(&items, 1));
    let mut sorted = shuffled(&items, 2);
    sorted.sort_unstable();
    assert_eq!(sorted, items);
}
