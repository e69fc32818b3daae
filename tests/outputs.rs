//! Output formats, `-o`, `candor schema` and `candor init`, driven through
//! the built binary. These tests need no network; the checks against the
//! real outside tools (SARIF validators, junitparser, check-jsonschema,
//! pre-commit) are in `tests/integrations.rs`.

use std::path::Path;
mod common;
use common::root;

use assert_cmd::Command;
use serde_json::Value;

fn candor_in(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary built");
    c.env("CANDOR_TODAY", "2026-11-22");
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

// ---------------------------------------------------------------------------
// Formats on the bundled example. Its one finding, derived by hand from
// fixtures/example/inventory.yaml: line 41 is `  - name: Mixpanel`, so the
// name starts at column 11 ("  - name: " is 10 characters) and ends before
// column 19 (8 characters later).

const MESSAGE: &str = "Mixpanel receives personal data but is not named in the policy set";
const HELP: &str = "Add Mixpanel to the subprocessor list, or remove it from inventory.yaml if it no longer receives data";

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = candor_in(dir).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

// Other rules may fire on the example as candor learns more, so these tests
// pin the Mixpanel finding exactly and the rest of the document by its
// structure; the reporters' unit tests pin whole documents.

#[test]
fn github_format_annotates_the_finding() {
    let d = example_copy();
    let (code, stdout, _) = run(d.path(), &["check", "--format", "github"]);
    assert_eq!(code, 1);
    let expected = format!(
        "::error file=inventory.yaml,line=41,endLine=41,col=11,endColumn=19,title=candor (inventory/undisclosed-subprocessor)::{MESSAGE}%0Ahelp: {HELP}"
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
    // Every line but the summary is a workflow command.
    let lines: Vec<&str> = stdout.lines().collect();
    let (summary, commands) = lines.split_last().expect("output");
    assert!(summary.ends_with(" in 2 files"), "{summary}");
    for c in commands {
        assert!(
            c.starts_with("::error file=")
                || c.starts_with("::warning file=")
                || c.starts_with("::notice file="),
            "{c}"
        );
    }
}

/// The value of `attr="…"` in the first element that has it.
fn attr(xml: &str, attr: &str) -> usize {
    let key = format!(" {attr}=\"");
    xml.split_once(&key)
        .and_then(|(_, rest)| rest.split_once('"'))
        .and_then(|(v, _)| v.parse().ok())
        .unwrap_or_else(|| panic!("no {attr} in {xml}"))
}

#[test]
fn junit_format_has_a_failing_case_for_the_finding() {
    let d = example_copy();
    let (code, stdout, _) = run(d.path(), &["check", "--format", "junit"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"candor\" "
        )
    );
    let case = format!(
        r#"    <testcase classname="inventory.yaml" name="inventory/undisclosed-subprocessor" file="inventory.yaml" time="0">
      <failure type="error" message="line 41:11: {MESSAGE}">inventory.yaml:41:11: error: {MESSAGE}
  help: {HELP}</failure>
    </testcase>
"#
    );
    assert!(stdout.contains(&case), "{stdout}");
    // The counts match the document.
    assert_eq!(attr(&stdout, "tests"), stdout.matches("<testcase ").count());
    assert_eq!(
        attr(&stdout, "failures"),
        stdout.matches("<failure ").count()
    );
    assert!(stdout.ends_with("  </testsuite>\n</testsuites>\n"));
}

fn sarif(dir: &Path) -> Value {
    let (code, stdout, stderr) = run(dir, &["check", "--format", "sarif"]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    serde_json::from_str(&stdout).expect("SARIF is JSON")
}

fn rule_ids() -> Vec<String> {
    let (_, stdout, _) = run(&root(), &["rules", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).expect("rules JSON");
    v.as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn sarif_lists_every_rule_and_locates_the_finding() {
    let d = example_copy();
    let s = sarif(d.path());
    assert_eq!(s["version"], "2.1.0");
    assert_eq!(
        s["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &s["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "candor");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<String> = rules
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, rule_ids(), "every registry rule, in registry order");
    for r in rules {
        for key in ["shortDescription", "fullDescription"] {
            assert!(
                !r[key]["text"].as_str().unwrap_or_default().is_empty(),
                "{} lacks {key}",
                r["id"]
            );
        }
        let md = r["help"]["markdown"].as_str().unwrap_or_default();
        assert!(md.contains("## How to fix"), "{} help: {md}", r["id"]);
        assert!(
            ["error", "warning", "note"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap_or("")),
            "{}",
            r["id"]
        );
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "inventory/undisclosed-subprocessor")
        .expect("the Mixpanel result");
    let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], "inventory/undisclosed-subprocessor");
    assert_eq!(r["level"], "error");
    assert_eq!(r["message"]["text"], format!("{MESSAGE}\n\n{HELP}"));
    let pl = &r["locations"][0]["physicalLocation"];
    assert_eq!(pl["artifactLocation"]["uri"], "inventory.yaml");
    assert_eq!(pl["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(
        pl["region"],
        serde_json::json!({"startLine": 41, "startColumn": 11, "endLine": 41, "endColumn": 19})
    );
    let fp = r["partialFingerprints"]["candor/v1"]
        .as_str()
        .expect("fingerprint");
    assert!(fp.ends_with(":1") && fp.len() == 18, "{fp}");
}

/// The fingerprint and start line of each result, by rule id.
fn fingerprints(s: &Value) -> Vec<(String, String, u64)> {
    s["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| {
            r["ruleId"]
                .as_str()
                .is_some_and(|id| id.ends_with("subprocessor"))
        })
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or_default().to_string(),
                r["partialFingerprints"]["candor/v1"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprints_survive_moved_lines() {
    let d = example_copy();
    // A vendor the inventory lacks: an unknown-subprocessor finding in the
    // subprocessor list (line 10), next to the inventory-side one (line 41).
    let subs = d.path().join("subprocessors.md");
    let mut t = std::fs::read_to_string(&subs).expect("read");
    t.push_str("| Intercom | Support chat | United States |\n");
    std::fs::write(&subs, &t).expect("write");
    let before = fingerprints(&sarif(d.path()));
    assert_eq!(
        before
            .iter()
            .map(|b| (b.0.as_str(), b.2))
            .collect::<Vec<_>>(),
        [
            ("inventory/undisclosed-subprocessor", 41),
            ("inventory/unknown-subprocessor", 10)
        ]
    );

    // Move both findings down: three lines above each.
    let t = t.replacen(
        "# Subprocessors\n",
        "# Subprocessors\n\nWe review this list every quarter.\n\n",
        1,
    );
    std::fs::write(&subs, t).expect("write");
    let inv = d.path().join("inventory.yaml");
    let i = std::fs::read_to_string(&inv).expect("read");
    let i = i.replacen("version: 1\n", "version: 1\n# one\n# two\n# three\n", 1);
    std::fs::write(&inv, i).expect("write");
    let after = fingerprints(&sarif(d.path()));
    assert_eq!(
        after
            .iter()
            .map(|a| (a.0.as_str(), a.2))
            .collect::<Vec<_>>(),
        [
            ("inventory/undisclosed-subprocessor", 44),
            ("inventory/unknown-subprocessor", 13)
        ]
    );
    assert_eq!(before[0].1, after[0].1, "inventory-side fingerprint moved");
    assert_eq!(before[1].1, after[1].1, "policy-side fingerprint moved");
    assert_ne!(before[0].1, before[1].1);
}

#[test]
fn candor_format_selects_the_format() {
    let d = example_copy();
    let out = candor_in(d.path())
        .arg("check")
        .env("CANDOR_FORMAT", "junit")
        .output()
        .expect("runs");
    assert!(
        text(&out.stdout).starts_with("<?xml"),
        "{}",
        text(&out.stdout)
    );
}

// ---------------------------------------------------------------------------
// -o / --output

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let d = example_copy();
    std::fs::write(d.path().join("empty.md"), "").expect("write");
    let (code, stdout, stderr) = run(
        d.path(),
        &[
            "check",
            "--format",
            "sarif",
            "-o",
            "report.sarif",
            "privacy.md",
            "empty.md",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    // Warnings still go to stderr.
    assert!(stderr.contains("empty.md"), "{stderr}");
    let s: Value = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("report.sarif")).expect("written"),
    )
    .expect("JSON");
    assert_eq!(s["version"], "2.1.0");
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".candor-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_failed_run_leaves_the_old_output_intact() {
    let d = example_copy();
    let report = d.path().join("report.xml");
    std::fs::write(&report, "previous report").expect("write");
    // A config error (exit 2) before anything is written.
    let (code, _, stderr) = run(
        d.path(),
        &[
            "check",
            "--format",
            "junit",
            "--config",
            "missing.yaml",
            "-o",
            "report.xml",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&report).expect("read"),
        "previous report"
    );
    // A directory that does not exist: exit 2, a message, no file.
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "no/such/dir/out.json"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot write no/such/dir/out.json"),
        "{stderr}"
    );
    assert!(!d.path().join("no").exists());
}

#[test]
fn human_output_has_no_colour_when_not_a_terminal() {
    let d = example_copy();
    let (_, stdout, _) = run(d.path(), &["check"]);
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(stdout.ends_with("1 error in 2 files\n"), "{stdout}");
    let (_, stdout, _) = run(d.path(), &["check", "--color", "always"]);
    assert!(stdout.contains("\u{1b}["), "{stdout}");
    let (_, stdout, _) = run(d.path(), &["check", "--quiet"]);
    assert_eq!(stdout, "1 error in 2 files\n");
}

/// The human header's `file:line:col` counts characters, as JSON and
/// GitHub do: on `“Naïve” — we use Mixpanel.` the name starts at the 18th
/// character (byte 25: “ ” — are 3 bytes each, ï is 2).
#[test]
fn human_columns_count_characters_like_the_other_formats() {
    let d = tempfile::tempdir().expect("tempdir");
    let w = |name: &str, text: &str| std::fs::write(d.path().join(name), text).expect("write");
    w("privacy.md", "# Privacy\n\n“Naïve” — we use Mixpanel.\n");
    w("inventory.yaml", "version: 1\nsubprocessors: []\n");
    w(
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md]\n",
    );
    let (_, stdout, stderr) = run(d.path(), &["check", "--select", "inventory"]);
    assert!(stdout.contains("[privacy.md:3:18]"), "{stdout}{stderr}");
    let (_, stdout, _) = run(
        d.path(),
        &["check", "--select", "inventory", "-f", "github"],
    );
    assert!(
        stdout.contains("line=3,endLine=3,col=18,endColumn=26"),
        "{stdout}"
    );
}

// ---------------------------------------------------------------------------
// candor init

/// Copy `files` (relative to the repository root) into a fresh directory.
fn scratch(files: &[&str]) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    for f in files {
        let name = Path::new(f).file_name().expect("file name");
        std::fs::copy(root().join(f), d.path().join(name)).expect("copy");
    }
    d
}

/// `init` then `check --format json` in `dir`: the check's findings.
fn init_then_check(dir: &Path, policies: &[&str]) -> Value {
    let mut args = vec!["init"];
    args.extend_from_slice(policies);
    let (code, stdout, stderr) = run(dir, &args);
    assert_eq!(code, 0, "init failed: {stderr}");
    assert!(stdout.contains("wrote candor.yaml"), "{stdout}");
    let (code, stdout, stderr) = run(dir, &["check", "--format", "json"]);
    assert!(
        code == 0 || code == 1,
        "check after init exited {code}: {stderr}"
    );
    serde_json::from_str(&stdout).expect("findings JSON")
}

fn inventory_rules(findings: &Value) -> Vec<String> {
    findings["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .filter(|r| r.starts_with("inventory/"))
        .map(str::to_string)
        .collect()
}

#[test]
fn init_then_check_has_no_inventory_finding_on_the_seeds() {
    for seed in [
        "dunops-privacy.txt",
        "modeldock-privacy.txt",
        "monitoring-saas-privacy.txt",
    ] {
        let d = scratch(&[&format!("fixtures/seeds/{seed}")]);
        let findings = init_then_check(d.path(), &[seed]);
        assert_eq!(
            inventory_rules(&findings),
            Vec::<String>::new(),
            "{seed}: {findings}"
        );
        let config = std::fs::read_to_string(d.path().join("candor.yaml")).expect("config");
        assert!(config.contains(&format!("  - {seed}\n")), "{config}");
    }
}

#[test]
fn init_then_check_has_no_inventory_finding_on_the_example() {
    let d = scratch(&[
        "fixtures/example/privacy.md",
        "fixtures/example/subprocessors.md",
    ]);
    let findings = init_then_check(d.path(), &["privacy.md", "subprocessors.md"]);
    assert_eq!(
        inventory_rules(&findings),
        Vec::<String>::new(),
        "{findings}"
    );
    // The example's subprocessor list names three vendors; the draft lists
    // them, each marked for confirmation.
    let inv = std::fs::read_to_string(d.path().join("inventory.yaml")).expect("inventory");
    for vendor in ["Hetzner", "Stripe", "Postmark"] {
        assert!(
            inv.lines()
                .any(|l| l.contains(&format!("- name: {vendor}")) && l.contains("# TODO: confirm")),
            "{vendor} missing:\n{inv}"
        );
    }
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let d = scratch(&["fixtures/example/privacy.md"]);
    std::fs::write(d.path().join("inventory.yaml"), "mine\n").expect("write");
    let (code, _, stderr) = run(d.path(), &["init", "privacy.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("inventory.yaml already exists; candor init does not overwrite"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("inventory.yaml")).expect("read"),
        "mine\n"
    );
    assert!(!d.path().join("candor.yaml").exists(), "nothing written");
    let (code, _, stderr) = run(d.path(), &["init", "--force", "privacy.md"]);
    assert_eq!(code, 0, "{stderr}");
    let inv = std::fs::read_to_string(d.path().join("inventory.yaml")).expect("read");
    assert!(inv.starts_with("# Draft inventory written by `candor init` from privacy.md."));
}

#[test]
fn init_finds_policies_by_name_or_says_what_to_do() {
    let d = scratch(&["fixtures/example/privacy.md"]);
    std::fs::write(d.path().join("README.md"), "# Hello\n").expect("write");
    let (code, _, stderr) = run(d.path(), &["init"]);
    assert_eq!(code, 0, "{stderr}");
    let config = std::fs::read_to_string(d.path().join("candor.yaml")).expect("config");
    assert!(config.ends_with("policies:\n  - privacy.md\n"), "{config}");

    let empty = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = run(empty.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("candor init privacy.md"), "{stderr}");
}
