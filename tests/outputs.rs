//! Output formats, `-o`, `candor schema` and `candor init`, driven through
//! the built binary. These tests need no network; the checks against the
//! real outside tools (SARIF validators, junitparser, check-jsonschema,
//! pre-commit) are in `tests/integrations.rs`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn candor_in(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary built");
    c.current_dir(dir)
        .env_remove("CANDOR_FORMAT")
        .env_remove("NO_COLOR");
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of `fixtures/example` in a temporary directory.
fn example_copy() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    for f in [
        "candor.yaml",
        "inventory.yaml",
        "privacy.md",
        "subprocessors.md",
    ] {
        std::fs::copy(root().join("fixtures/example").join(f), d.path().join(f)).expect("copy");
    }
    d
}

// ---------------------------------------------------------------------------
// candor schema

#[test]
fn committed_schemas_are_up_to_date() {
    for (which, file) in [
        ("inventory", "inventory.schema.json"),
        ("config", "candor.schema.json"),
    ] {
        let out = candor_in(&root())
            .args(["schema", "--which", which])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let generated = text(&out.stdout);
        let committed = std::fs::read_to_string(root().join("schemas").join(file))
            .unwrap_or_else(|e| panic!("schemas/{file}: {e}"));
        assert!(
            generated == committed,
            "schemas/{file} is out of date with the Raw* types it is generated from.\n\
             Regenerate it with:\n\n    cargo run -- schema --write schemas\n"
        );
    }
}

#[test]
fn schema_without_which_prints_both_keyed_by_file_name() {
    let out = candor_in(&root()).arg("schema").output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["candor.schema.json", "inventory.schema.json"]);
    for k in keys {
        assert_eq!(v[k]["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn example_fixtures_point_editors_at_the_schemas() {
    for (file, schema) in [
        ("inventory.yaml", "inventory.schema.json"),
        ("candor.yaml", "candor.schema.json"),
    ] {
        let t = std::fs::read_to_string(root().join("fixtures/example").join(file)).expect("read");
        let first = t.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("# yaml-language-server: $schema=../../schemas/{schema}")
        );
    }
}
