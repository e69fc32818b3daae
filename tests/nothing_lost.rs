//! Nothing lost, nothing silent (issue #8): candor never modifies its
//! inputs whatever output option is used, never writes over one of them,
//! writes reports and baselines atomically (the old file intact on
//! failure, no temporary left behind), and a run that could not read
//! everything never exits 0. Terminal escapes found in policy text never
//! reach the terminal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::{run_in as run, write_file as write};

/// Path → (bytes, modification time) of every file under `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    fn walk(d: &Path, root: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)>) {
        for e in std::fs::read_dir(d).expect("read_dir").flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).expect("metadata");
            if meta.is_dir() {
                walk(&p, root, out);
            } else if meta.is_file() {
                let rel = p.strip_prefix(root).expect("inside").to_path_buf();
                out.insert(
                    rel,
                    (
                        std::fs::read(&p).expect("read"),
                        meta.modified().expect("mtime"),
                    ),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

const HOUSE: &str = "pack: house\nrules:\n  - id: house/anonymous-claim\n    level: warning\n    check: anti_pattern\n    message: Pseudonymous data is not anonymous\n    forbidden: ['(?i)\\banonymi[sz]ed\\b']\n";

/// The bundled example plus a user pack, an existing baseline and a
/// plain-text policy in a subdirectory.
fn project() -> tempfile::TempDir {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/example");
    let d = tempfile::tempdir().expect("tempdir");
    for f in ["privacy.md", "subprocessors.md", "inventory.yaml"] {
        std::fs::copy(root.join(f), d.path().join(f)).expect("copy");
    }
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, subprocessors.md, notes]\npacks: [gdpr, ./house.yaml]\nbaseline: candor-baseline.json\n",
    );
    write(d.path(), "house.yaml", HOUSE);
    write(
        d.path(),
        "notes/extra.txt",
        "EXTRA NOTICE\n\nWe only keep anonymised usage data for 30 days.\r\n",
    );
    write(
        d.path(),
        "candor-baseline.json",
        "{\"schema\": \"candor/baseline/v1\", \"files\": {}}\n",
    );
    d
}

#[test]
fn candor_never_modifies_its_inputs_whatever_the_output_option() {
    let d = project();
    std::fs::create_dir(d.path().join("out")).expect("mkdir");
    let inputs = snapshot(d.path());
    let runs: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "github"],
        &["check", "--format", "junit"],
        &["check", "--quiet"],
        &["check", "--format", "json", "-o", "out/report.json"],
        &["check", "--format", "sarif", "-o", "out/report.sarif"],
        &["check", "--format", "junit", "-o", "out/report.xml"],
        &["check", "--format", "github", "-o", "out/report.txt"],
        &["check", "-o", "out/report.human"],
        &["check", "privacy.md"],
        &["check", "--lossy", "notes"],
        &["check", "--no-such-flag"],
        &["extract", "privacy.md", "notes/extra.txt"],
        &["extract", "--format", "yaml", "privacy.md"],
        &["extract", "--format", "text", "privacy.md"],
        &["rules"],
        &["explain", "house/anonymous-claim"],
        &["schema"],
        &["init", "privacy.md"],
    ];
    for args in runs {
        let (code, _, stderr) = run(d.path(), args);
        let expected: &[i32] = match args {
            ["check", "--no-such-flag"] | ["init", ..] => &[2],
            ["check", ..] => &[0, 1],
            _ => &[0],
        };
        assert!(expected.contains(&code), "{args:?}: exit {code}: {stderr}");
    }
    // The baseline is the one file candor may replace, and only when asked.
    let (code, _, stderr) = run(d.path(), &["check", "--write-baseline"]);
    assert_eq!(code, 0, "{stderr}");

    let after = snapshot(d.path());
    for (path, before) in &inputs {
        if path == Path::new("candor-baseline.json") {
            continue;
        }
        let now = after
            .get(path)
            .unwrap_or_else(|| panic!("{path:?} removed"));
        assert!(now.0 == before.0, "{path:?} was modified");
        assert_eq!(now.1, before.1, "{path:?} was rewritten");
    }
    let new: Vec<String> = after
        .keys()
        .filter(|p| !inputs.contains_key(*p))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(
        new,
        [
            "out/report.human",
            "out/report.json",
            "out/report.sarif",
            "out/report.txt",
            "out/report.xml"
        ],
        "only the reports asked for are new (no temporary file left)"
    );
    let baseline =
        String::from_utf8_lossy(&after[Path::new("candor-baseline.json")].0).into_owned();
    // "anonymised" in notes/extra.txt is a house-pack finding.
    assert!(
        baseline.contains("\"notes/extra.txt\"") && baseline.contains("\"house/anonymous-claim\""),
        "{baseline}"
    );
}

#[test]
fn output_and_baseline_never_overwrite_an_input() {
    let d = project();
    let inputs = snapshot(d.path());
    for target in [
        "privacy.md",
        "./notes/../privacy.md",
        "inventory.yaml",
        "candor.yaml",
        "house.yaml",
        "notes/extra.txt",
    ] {
        let (code, stdout, stderr) = run(d.path(), &["check", "--format", "json", "-o", target]);
        assert_eq!(code, 2, "-o {target}: {stdout}");
        assert!(
            stderr.contains("it is an input of this run"),
            "-o {target}: {stderr}"
        );
    }
    // A baseline configured onto the inventory (an edited candor.yaml).
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, subprocessors.md]\nbaseline: inventory.yaml\n",
    );
    let (code, _, stderr) = run(d.path(), &["check", "--write-baseline"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("refusing to write inventory.yaml: it is an input of this run"),
        "{stderr}"
    );
    let (code, _, stderr) = run(
        d.path(),
        &[
            "check",
            "--write-baseline",
            "--baseline",
            "subprocessors.md",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("refusing to write subprocessors.md: it is an input of this run"),
        "{stderr}"
    );
    let after = snapshot(d.path());
    for (path, before) in &inputs {
        if path == Path::new("candor.yaml") {
            continue;
        }
        assert!(after[path].0 == before.0, "{path:?} was modified");
    }
}

#[cfg(unix)]
#[test]
fn a_report_path_that_links_to_a_policy_replaces_the_link_not_the_policy() {
    let d = project();
    let policy = std::fs::read(d.path().join("privacy.md")).expect("read");
    std::fs::create_dir_all(d.path().join("out")).expect("mkdir");
    std::os::unix::fs::symlink("../privacy.md", d.path().join("out/report.json")).expect("link");
    // A link to an input is an input.
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "out/report.json"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("it is an input of this run"), "{stderr}");
    assert_eq!(
        std::fs::read(d.path().join("privacy.md")).expect("read"),
        policy
    );
    // A dangling link is replaced by the report, never followed.
    std::fs::remove_file(d.path().join("out/report.json")).expect("rm");
    std::os::unix::fs::symlink("../outside.json", d.path().join("out/report.json")).expect("link");
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "out/report.json"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !d.path().join("outside.json").exists(),
        "the link was followed"
    );
    let meta = std::fs::symlink_metadata(d.path().join("out/report.json")).expect("meta");
    assert!(meta.is_file(), "the report replaced the link");
}

fn leftovers(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .keys()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|n| n.contains(".candor-") || n.contains(".tmp"))
        .collect()
}

#[test]
fn a_failed_write_leaves_the_old_file_intact() {
    let d = project();
    // The report path is a directory: the rename fails, nothing changes.
    std::fs::create_dir_all(d.path().join("report.json/keep")).expect("mkdir");
    write(d.path(), "report.json/keep/file", "old");
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "report.json"],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot write report.json"), "{stderr}");
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("report.json/keep/file")).expect("read"),
        "old"
    );
    // The baseline path is a directory.
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, subprocessors.md]\nbaseline: base\n",
    );
    std::fs::create_dir_all(d.path().join("base")).expect("mkdir");
    let (code, _, stderr) = run(d.path(), &["check", "--write-baseline"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot write baseline base"), "{stderr}");
    // The report's directory is a file: no place for a temporary.
    write(d.path(), "old.json", "previous report");
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "old.json/report.json"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("old.json")).expect("read"),
        "previous report"
    );
    // A run that fails (an inventory error) writes neither report nor baseline.
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, subprocessors.md]\n",
    );
    write(d.path(), "report.sarif", "previous report");
    write(d.path(), "candor-baseline.json", "previous baseline");
    let inv = std::fs::read_to_string(d.path().join("inventory.yaml")).expect("read");
    write(d.path(), "inventory.yaml", format!("{inv}\nbogus_key: 1\n"));
    for args in [
        &["check", "--format", "sarif", "-o", "report.sarif"][..],
        &["check", "--write-baseline"],
    ] {
        let (code, _, _) = run(d.path(), args);
        assert_eq!(code, 2, "{args:?}");
    }
    assert_eq!(
        std::fs::read_to_string(d.path().join("report.sarif")).expect("read"),
        "previous report"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("candor-baseline.json")).expect("read"),
        "previous baseline"
    );
    assert_eq!(leftovers(d.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn an_unwritable_directory_keeps_the_old_report() {
    let d = project();
    write(d.path(), "ro/report.json", "previous report");
    let ro = d.path().join("ro");
    let locked = common::Chmod::set(&ro, 0o555, 0o755);
    let probe = ro.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        eprintln!(
            "nothing_lost: unwritable directory: SKIPPED — running as root (or with \
             CAP_DAC_OVERRIDE), where a read-only directory is still writable"
        );
        return;
    }
    let (code, _, stderr) = run(
        d.path(),
        &["check", "--format", "json", "-o", "ro/report.json"],
    );
    drop(locked);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("ro/report.json")).expect("read"),
        "previous report"
    );
}

#[test]
fn init_never_overwrites_without_force() {
    for existing in ["candor.yaml", ".candor.yaml", "inventory.yaml"] {
        let d = tempfile::tempdir().expect("tempdir");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/example");
        std::fs::copy(root.join("privacy.md"), d.path().join("privacy.md")).expect("copy");
        write(d.path(), existing, "mine\n");
        let before = snapshot(d.path());
        let (code, _, stderr) = run(d.path(), &["init", "privacy.md"]);
        assert_eq!(code, 2, "{existing}: {stderr}");
        assert!(stderr.contains("--force"), "{stderr}");
        let after = snapshot(d.path());
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>(),
            "{existing}: nothing written"
        );
        assert!(after[Path::new(existing)].0 == b"mine\n");
    }
}

#[test]
fn a_partial_run_never_exits_0() {
    // One readable policy and one that cannot be decoded, in every format:
    // exit 2 and no report, never a pass over the readable half.
    let d = project();
    write(d.path(), "notes/broken.md", b"# Notes\n\nCaf\xe9\n");
    for format in ["human", "json", "sarif", "github", "junit"] {
        let (code, stdout, stderr) = run(d.path(), &["check", "--format", format]);
        assert_eq!(code, 2, "{format}: {stdout}");
        assert!(
            stderr.contains("notes/broken.md: invalid UTF-8 at byte offset 12"),
            "{format}: {stderr}"
        );
        assert_eq!(stdout, "", "{format}: no report of a partial run");
    }
    // An inventory that is a directory, a missing pack: exit 2.
    let d = project();
    std::fs::remove_file(d.path().join("inventory.yaml")).expect("rm");
    std::fs::create_dir(d.path().join("inventory.yaml")).expect("mkdir");
    let (code, _, stderr) = run(d.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read inventory.yaml: not a regular file"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------
// Terminal escapes in policy text.

/// ESC[31m colour, an OSC 8 hyperlink ended by BEL, a bare BEL, a CR that
/// would return to the start of the line, the one-character CSI U+009B and
/// DEL, on the line of a finding so the human report shows the line.
const HOSTILE_LINE: &str = "We share data with Mixpanel \u{1b}[31mRED\u{1b}[0m \u{1b}]8;;https://evil.example\u{7}click\u{1b}]8;;\u{7} bell\u{7} and\rOVERWRITE \u{9b}2J \u{7f}.";

fn escapes_in(s: &str) -> Vec<(usize, char)> {
    s.char_indices()
        .filter(|(i, c)| {
            matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{7f}')
                || (*c == '\r' && !s[i + 1..].starts_with('\n'))
        })
        .collect()
}

#[test]
fn terminal_escapes_in_policy_text_are_neutralised() {
    let d = tempfile::tempdir().expect("tempdir");
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, \"docs\"]\npacks: []\nrules: { hygiene: off }\n",
    );
    write(
        d.path(),
        "inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n",
    );
    write(
        d.path(),
        "privacy.md",
        format!(
            "# Privacy \u{1b}[2J\n\nWe use Stripe. {HOSTILE_LINE}\n\n| Vendor | Purpose |\n| --- | --- |\n| Evil\u{1b}[8mCorp | hosting\u{7} |\n"
        ),
    );
    // A file name with an escape in it, met while walking.
    write(d.path(), "docs/\u{1b}[31mred.md", "We use Stripe.\n");
    for format in ["human", "github"] {
        let (code, stdout, stderr) = run(d.path(), &["check", "--format", format]);
        assert!(code == 0 || code == 1, "{format}: {stderr}");
        assert!(
            stdout.contains("Mixpanel"),
            "{format}: the finding is reported: {stdout}"
        );
        assert_eq!(
            escapes_in(&stdout),
            Vec::new(),
            "{format} stdout: {stdout:?}"
        );
        assert_eq!(
            escapes_in(&stderr),
            Vec::new(),
            "{format} stderr: {stderr:?}"
        );
    }
    // The human report still shows the policy's line (neutralised), so the
    // reader sees what was there.
    let (_, stdout, _) = run(d.path(), &["check", "--format", "human"]);
    assert!(stdout.contains("[31mRED"), "{stdout}");
    assert!(stdout.contains("OVERWRITE"), "{stdout}");

    // An error snippet from the inventory goes through the same filter.
    write(
        d.path(),
        "inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n    purpose: \"\u{1b}]0;pwned\u{7}\"\n    bogus\u{1b}[5m: 1\n",
    );
    let (code, stdout, stderr) = run(d.path(), &["check"]);
    assert_eq!(code, 2, "{stdout}");
    assert_eq!(escapes_in(&stderr), Vec::new(), "{stderr:?}");
}
