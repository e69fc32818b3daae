//! Hostile inputs (issue #8): each case runs the built binary on input made
//! at test time in a temporary directory, under a wall-clock limit (a hang
//! fails the test instead of blocking CI) and a memory limit (`ulimit -d`:
//! a blow-up aborts the process, which fails the test). The limits are
//! generous ceilings against hangs and runaway memory, not speed assertions;
//! speed is measured by `scripts/bench.sh`. Each case prints its wall time
//! (`cargo test --test hostile -- --nocapture`).
//!
//! The biggest cases are `#[ignore]`d because they take long in a debug
//! build and need gigabytes of memory; each has a smaller sibling that runs
//! in `cargo test`. Run them with
//! `cargo test --release --test hostile -- --ignored --nocapture`.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
#[cfg(unix)]
use common::Chmod;
use common::TODAY;
use common::write_file as write;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run candor in `dir` with `args`, killed after `limit`, with at most
/// `mem_mb` MiB of data memory. Panics on a timeout, a crash or a panic.
/// `bounded` with the limits of a small input: 60 s and 512 MB.
fn small(name: &str, dir: &Path, args: &[&str]) -> Run {
    bounded(name, dir, args, Duration::from_secs(60), 512)
}

fn bounded(name: &str, dir: &Path, args: &[&str], limit: Duration, mem_mb: u64) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -d \"$1\" && shift && exec \"$@\"")
        .arg("sh")
        .arg((mem_mb * 1024).to_string())
        .arg(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CANDOR_TODAY", TODAY)
        .env_remove("CANDOR_FORMAT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn candor");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            String::from_utf8_lossy(&v).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: no result within {limit:?} (hang?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    let code = status.code().unwrap_or(-1);
    eprintln!("hostile: {name}: {secs:.2} s, exit {code}");
    assert!(
        !stderr.contains("panicked"),
        "{name}: candor panicked: {stderr}"
    );
    assert!(
        (0..=2).contains(&code),
        "{name}: killed or crashed (status {status:?}; out of memory?): {}",
        tail(&stderr)
    );
    Run {
        code,
        stdout,
        stderr,
    }
}

fn tail(s: &str) -> &str {
    let mut i = s.len().saturating_sub(2000);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// A project with the inventory rules and no regulation pack or hygiene rule,
/// so a short policy naming its one subprocessor passes.
fn project() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md]\npacks: []\nrules: { hygiene: off }\n",
    );
    write(
        d.path(),
        "privacy.md",
        "# Privacy\n\nWe use Stripe for payments.\n",
    );
    write(
        d.path(),
        "inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n",
    );
    d
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", tail(&run.stdout), run.stderr))
}

/// One section of a long, realistic policy: headings, prose naming vendors,
/// data, periods and dates, a nested list, a cookie table, multibyte text.
fn section(i: usize) -> String {
    format!(
        "## {i}. Processing for service {i}\n\n\
         Last updated: 2024-03-{day:02}. We collect your email address, IP address and payment \
         details when you sign up. We share them with Stripe, Mailchimp and Google Analytics for \
         payments, newsletters and analytics; we do not use Facebook Pixel. Données « {i} » — \
         conservées 30 jours; 日本語の説明 {i}。\n\n\
         - Account data is kept until you delete your account, then 30 days.\n\
         - Server logs are retained for 90 days.\n  \
         - Backups: at most 12 months.\n\n\
         | Cookie | Purpose | Duration |\n| --- | --- | --- |\n\
         | _ga_{i} | analytics | 2 years |\n| session | login | session |\n\n\
         Write to privacy@example.com. You have the right to access, rectify and erase your data.\n\n",
        day = i % 28 + 1
    )
}

/// `check --format json` on a policy of `bytes` bytes: works (exit 0 or 1),
/// every finding inside the file.
fn big_policy(name: &str, bytes: usize, limit: Duration, mem_mb: u64) {
    let d = tempfile::tempdir().expect("tempdir");
    let mut text = String::with_capacity(bytes + 4096);
    text.push_str("# Privacy Policy\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&section(i));
        i += 1;
    }
    write(d.path(), "privacy.md", &text);
    let r = bounded(
        name,
        d.path(),
        &["check", "--format", "json", "privacy.md"],
        limit,
        mem_mb,
    );
    assert!(r.code == 0 || r.code == 1, "{name}: {}", r.stderr);
    let v = json(&r);
    assert_eq!(v["summary"]["files"], 1, "{name}");
    let lines = text.matches('\n').count() as u64 + 1;
    let findings = v["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "{name}: no findings to check");
    for f in findings {
        let line = f["line"].as_u64().expect("line");
        assert!((1..=lines).contains(&line), "{name}: {f}");
    }
}

// ---------------------------------------------------------------------------
// Large and deeply structured policies: they work, in bounded time and memory.

#[test]
fn policy_of_one_megabyte() {
    big_policy("1 MB policy", 1_000_000, Duration::from_secs(120), 1024);
}

#[test]
#[ignore = "100 MB of vendor-dense sections: 47 s and 3.4 GB peak in release on 2 shared \
            cores (1 MB: 0.85 s, 8 MB: 5.4 s: linear); policy_of_one_megabyte is the \
            debug-build sibling; run with --release -- --ignored"]
fn policy_of_100_megabytes() {
    big_policy("100 MB policy", 100_000_000, Duration::from_secs(900), 6144);
}

#[test]
fn single_line_of_10_megabytes() {
    // One 10 MB line of words with no sentence end: one paragraph, one
    // sentence. (With vendor names, periods or addresses in it, see the
    // run-on lines below.)
    one_line(
        "10 MB line",
        (
            "",
            "we keep personal data as long as needed and share it with partners ",
        ),
        10_000_000,
        Duration::from_secs(300),
        2048,
    );
}

/// `check` on a policy that is one line: `lead`, then `unit` repeated to
/// `bytes` bytes.
fn one_line(name: &str, (lead, unit): (&str, &str), bytes: usize, limit: Duration, mem_mb: u64) {
    let d = tempfile::tempdir().expect("tempdir");
    let line = unit.repeat(bytes / unit.len() + 1);
    write(
        d.path(),
        "privacy.md",
        format!("# Privacy\n\n{lead}{line}\n"),
    );
    let r = bounded(
        name,
        d.path(),
        &["check", "--format", "json", "privacy.md"],
        limit,
        mem_mb,
    );
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert_eq!(json(&r)["summary"]["files"], 1, "{name}");
}

/// Run-on lines as (what, (lead, repeated unit)), each a shape that once
/// cost time per match times the length of its sentence or token (a scan
/// back to the sentence, clause or token start for every vendor, address or
/// period in it). Half a megabyte is enough to show it: the last five took
/// from 20 s to over 300 s each in release before they were made linear
/// (the first two, 100 s and more at a megabyte before #7), where a linear
/// run takes a few seconds in a debug build.
const RUN_ON: [(&str, (&str, &str)); 7] = [
    // A policy with every newline lost (pasted from a web page): one
    // sentence after another, two vendors each.
    (
        "sentences naming vendors",
        ("", "We use Stripe and Google Analytics for payments. "),
    ),
    // One sentence: for each vendor, its clause and negation context.
    (
        "one sentence naming vendors",
        (
            "",
            "personal data processed by our partners including Stripe ",
        ),
    ),
    // One token with no space: is each vendor inside a URL?
    ("one token naming vendors", ("", "Stripe/")),
    // One token of e-mail addresses: is each inside a URL?
    ("one token of addresses", ("", "privacy@acme.io,")),
    // One sentence of retention periods, bare numbers inheriting a unit
    // and compound periods.
    (
        "one sentence of retention periods",
        (
            "",
            "logs are kept for 30 days, backups for 90, and invoices for 2 years and 6 months, ",
        ),
    ),
    // One token of data words a verb collects: is each inside an address?
    ("one token of data words", ("We collect ", "email/")),
    // One sentence with links to the vendors' sites, naming them after
    // "on": does each name only where a link points?
    (
        "one sentence naming linked vendors",
        (
            "See [our code](https://github.com/acme/x) and [news](https://twitter.com/acme) ",
            "on GitHub, on Twitter, ",
        ),
    ),
];

#[test]
fn single_lines_of_half_a_megabyte() {
    for (what, unit) in RUN_ON {
        one_line(
            &format!("500 KB line, {what}"),
            unit,
            500_000,
            Duration::from_secs(120),
            1024,
        );
    }
}

#[test]
#[ignore = "10 MB lines: 1.5 s to 27 s each (linked vendors slowest) and up to 1.7 GB \
            peak in release on 2 shared cores; single_lines_of_half_a_megabyte is the \
            debug-build sibling; run with --release -- --ignored"]
fn single_lines_of_10_megabytes_naming_vendors_periods_and_addresses() {
    for (what, unit) in RUN_ON {
        one_line(
            &format!("10 MB line, {what}"),
            unit,
            10_000_000,
            Duration::from_secs(600),
            4096,
        );
    }
}

#[test]
fn hundred_thousand_nested_list_levels() {
    let d = tempfile::tempdir().expect("tempdir");
    // "- - - … x": each marker opens a list inside the previous item.
    write(
        d.path(),
        "bullets.md",
        format!("# Privacy\n\n{}We use Stripe.\n", "- ".repeat(100_000)),
    );
    write(
        d.path(),
        "ordered.md",
        format!("# Privacy\n\n{}We use Stripe.\n", "1. ".repeat(100_000)),
    );
    // Block quotes nest the same way.
    write(
        d.path(),
        "quotes.md",
        format!("# Privacy\n\n{}We use Stripe.\n", "> ".repeat(100_000)),
    );
    // A staircase of indented items, as deep as fits in a few megabytes.
    let stairs: String = (0..1500)
        .map(|i| format!("{}- level {i} Stripe\n", "  ".repeat(i)))
        .collect();
    write(d.path(), "stairs.md", format!("# Privacy\n\n{stairs}"));
    // The same in plain text (its own bullet heuristics).
    write(
        d.path(),
        "bullets.txt",
        format!("Privacy\n\n{}We use Stripe.\n", "• - * – ".repeat(25_000)),
    );
    let r = bounded(
        "100 000 nested list levels",
        d.path(),
        &[
            "check",
            "--format",
            "json",
            "bullets.md",
            "ordered.md",
            "quotes.md",
            "stairs.md",
            "bullets.txt",
        ],
        Duration::from_secs(120),
        2048,
    );
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert_eq!(json(&r)["summary"]["files"], 5);
}

#[test]
#[ignore = "36 MB table: 19 s and 2.7 GB peak in release (about 2.7 KB per row, held for \
            the whole run: at 100 000 rows heaptrack puts half the peak heap in the pack \
            evaluator's JSON copy of the model, a fifth in the parsed blocks); \
            table_of_ten_thousand_rows is the debug-build sibling; run with --release -- \
            --ignored"]
fn table_of_a_million_rows() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut t = String::with_capacity(40_000_000);
    t.push_str("# Cookies\n\n| Cookie | Purpose | Duration |\n| --- | --- | --- |\n");
    for i in 0..1_000_000 {
        t.push_str(&format!("| _ga{i} | analytics | 2 years |\n"));
    }
    write(d.path(), "cookies.md", &t);
    let r = bounded(
        "table of a million rows",
        d.path(),
        &["check", "--format", "json", "cookies.md"],
        Duration::from_secs(1800),
        6144,
    );
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
}

#[test]
fn table_of_ten_thousand_rows() {
    let d = tempfile::tempdir().expect("tempdir");
    let mut t = String::from("# Cookies\n\n| Cookie | Purpose | Duration |\n| --- | --- | --- |\n");
    for i in 0..10_000 {
        t.push_str(&format!(
            "| _ga{i} | analytics by Google | {} days |\n",
            i % 400
        ));
    }
    write(d.path(), "cookies.md", &t);
    let r = bounded(
        "table of 10 000 rows",
        d.path(),
        &["extract", "cookies.md"],
        Duration::from_secs(120),
        1024,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let model: Value = serde_json::from_str(&r.stdout).expect("model JSON");
    // Every row names a cookie: all of them are in the model.
    assert_eq!(
        model["cookies"].as_array().expect("cookies").len(),
        10_000,
        "{}",
        tail(&r.stdout)
    );
}

// ---------------------------------------------------------------------------
// Binary content and bad encodings.

#[test]
fn binary_file_met_while_walking_is_skipped_with_a_warning() {
    let d = tempfile::tempdir().expect("tempdir");
    write(
        d.path(),
        "docs/privacy.md",
        "# Privacy\n\nWe use Stripe for payments.\n",
    );
    let mut blob = b"# Looks like text\n".to_vec();
    blob.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    write(d.path(), "docs/logo.md", &blob);
    let r = small(
        "NUL bytes while walking",
        d.path(),
        &["check", "--format", "json", "--select", "inventory", "docs"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: docs/logo.md: skipped: binary file (contains NUL bytes)"),
        "{}",
        r.stderr
    );
    assert_eq!(json(&r)["summary"]["files"], 1);
    // Named explicitly, the same file is an error.
    let r = small("NUL bytes, named", d.path(), &["check", "docs/logo.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("docs/logo.md: binary file (contains NUL bytes), not a policy"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_while_walking_stops_the_run() {
    let d = tempfile::tempdir().expect("tempdir");
    write(d.path(), "docs/a.md", "# Privacy\n\nWe use Stripe.\n");
    write(d.path(), "docs/b.md", b"# Privacy\n\nCaf\xe9 cr\xe8me.\n");
    let r = small(
        "invalid UTF-8 while walking",
        d.path(),
        &["check", "--format", "json", "docs"],
    );
    // Not a silent pass over the readable file.
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("docs/b.md: invalid UTF-8 at byte offset 14"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "", "no partial report");
}

#[test]
fn invalid_utf8_in_candor_files_is_an_error() {
    for (file, content, expect) in [
        (
            "inventory.yaml",
            &b"version: 1\nsubprocessors:\n  - name: Str\xffipe\n"[..],
            "cannot read inventory.yaml: stream did not contain valid UTF-8",
        ),
        (
            "candor.yaml",
            &b"inventory: inventory.yaml\npolicies: [privacy.md]\n# \xff\n"[..],
            "candor.yaml: stream did not contain valid UTF-8",
        ),
    ] {
        let d = project();
        write(d.path(), file, content);
        let r = small("invalid UTF-8 in a YAML file", d.path(), &["check"]);
        assert_eq!(r.code, 2, "{file}");
        assert!(r.stderr.contains(expect), "{file}: {}", r.stderr);
    }
}

// ---------------------------------------------------------------------------
// YAML: the budget rejects bombs and deep nesting; big files are refused
// before they are read.

#[test]
fn yaml_alias_bomb_is_rejected_by_the_budget() {
    let d = project();
    // Typed so it gets past the deserializer's first checks: one anchored
    // subprocessor with 2 000 aliases of its own, repeated 999 times.
    let mut inv = format!(
        "version: 1\nsubprocessors:\n  - &s {{name: Stripe, aliases: [{}]}}\n",
        vec!["lol"; 2000].join(",")
    );
    for _ in 0..999 {
        inv.push_str("  - *s\n");
    }
    write(d.path(), "inventory.yaml", &inv);
    let r = small("alias bomb (inventory)", d.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "invalid inventory: YAML budget exceeded: more than 200000 nodes (anchors and aliases"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("inventory.yaml:"),
        "located: {}",
        r.stderr
    );

    // The classic billion laughs, nine levels of nine aliases.
    let mut laughs = String::from("version: 1\nsubprocessors:\n  - name: &a0 lol\n");
    for i in 1..10 {
        laughs.push_str(&format!(
            "  - name: x\n    aliases: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 9].join(",")
        ));
    }
    write(d.path(), "inventory.yaml", &laughs);
    let r = small("billion laughs (inventory)", d.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid inventory"), "{}", r.stderr);

    // In candor.yaml: a policy set anchored and repeated.
    let mut cfg = format!(
        "inventory: inventory.yaml\npacks: []\npolicies:\n  - &p {{name: a, files: [{}]}}\n",
        vec!["privacy.md"; 2000].join(",")
    );
    for _ in 0..999 {
        cfg.push_str("  - *p\n");
    }
    write(d.path(), "candor.yaml", &cfg);
    let r = small("alias bomb (config)", d.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("invalid config: YAML budget exceeded"),
        "{}",
        r.stderr
    );
}

#[test]
fn yaml_nested_ten_thousand_deep_is_rejected() {
    for (what, inv) in [
        (
            "flow",
            format!(
                "version: 1\nsubprocessors: {}{}\n",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
        ),
        (
            "flow mappings",
            format!(
                "version: 1\nsubprocessors:\n  - name: x\n    purpose: {}1{}\n",
                "{a: ".repeat(10_000),
                "}".repeat(10_000)
            ),
        ),
        (
            "block",
            format!("version: 1\nsubprocessors:\n{}x\n", "- ".repeat(10_000)),
        ),
    ] {
        let d = project();
        write(d.path(), "inventory.yaml", &inv);
        let r = small(&format!("10 000-deep YAML ({what})"), d.path(), &["check"]);
        assert_eq!(r.code, 2, "{what}");
        assert!(
            r.stderr.contains("invalid inventory") && r.stderr.contains("inventory.yaml:"),
            "{what}: {}",
            r.stderr
        );
    }
}

#[test]
fn inventory_of_50_megabytes_is_refused_unread() {
    let d = project();
    let mut inv = String::with_capacity(50_000_100);
    inv.push_str("version: 1\nsubprocessors:\n");
    let mut i = 0;
    while inv.len() < 50_000_000 {
        inv.push_str(&format!("  - name: Vendor{i}\n    purpose: analytics\n"));
        i += 1;
    }
    write(d.path(), "inventory.yaml", &inv);
    // 40 MiB of data memory: enough to run, not enough to read the file.
    let r = bounded(
        "50 MB inventory",
        d.path(),
        &["check"],
        Duration::from_secs(60),
        40,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(&format!(
            "cannot read inventory.yaml: the file is {} bytes; candor reads files of this kind up to 8388608 bytes",
            inv.len()
        )),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------
// Regular expressions in a user pack.

const PACK_RULE: &str = "pack: house\nrules:\n  - id: house/x\n    level: warning\n    check: anti_pattern\n    message: m\n    forbidden: ['PATTERN']\n";

fn pack_project(pattern: &str, policy: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    write(
        d.path(),
        "candor.yaml",
        "policies: [privacy.md]\npacks: [./house.yaml]\n",
    );
    write(
        d.path(),
        "house.yaml",
        PACK_RULE.replace("PATTERN", pattern),
    );
    write(d.path(), "privacy.md", policy);
    d
}

#[test]
fn huge_regex_in_a_user_pack_is_a_located_error() {
    let d = pack_project("(?u:\\w{1000}){1000}", "# Privacy\n\nText.\n");
    let r = bounded(
        "huge regex",
        d.path(),
        &["check"],
        Duration::from_secs(60),
        1024,
    );
    assert_eq!(r.code, 2);
    // The pattern starts at line 7, column 17 of house.yaml.
    assert!(r.stderr.contains("house.yaml:7:17"), "{}", r.stderr);
    assert!(r.stderr.contains("too large"), "{}", r.stderr);
}

#[test]
fn backtracking_shaped_regex_does_not_hang() {
    // `(a+)+$` takes exponential time in a backtracking engine on "aaa…!";
    // candor's regexes are finite automata. The last paragraph, with no
    // "!", matches: the pattern did run.
    let line = format!("{}!", "a".repeat(1_000_000));
    let d = pack_project(
        "(a+)+$",
        &format!("# Privacy\n\n{line}\n\n{line}\n\naaaa\n"),
    );
    let r = bounded(
        "(a+)+$ over 2 MB",
        d.path(),
        &["check", "--format", "json", "--select", "house"],
        Duration::from_secs(120),
        1024,
    );
    assert_eq!(r.code, 0, "a warning does not fail the run: {}", r.stderr);
    let v = json(&r);
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "house/x");
    assert_eq!(findings[0]["line"], 7);
}

// ---------------------------------------------------------------------------
// Walking a tree: links, unreadable entries, many files.

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_are_not_followed_while_walking() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().expect("tempdir");
    write(
        d.path(),
        "docs/privacy.md",
        "# Privacy\n\nWe use Stripe for payments.\n",
    );
    // A directory link back to its parent, two file links to each other,
    // and a link to a real policy.
    std::fs::create_dir_all(d.path().join("docs/sub")).expect("mkdir");
    symlink("..", d.path().join("docs/sub/up")).expect("symlink");
    symlink("b.md", d.path().join("docs/a.md")).expect("symlink");
    symlink("a.md", d.path().join("docs/b.md")).expect("symlink");
    symlink("privacy.md", d.path().join("docs/copy.md")).expect("symlink");
    let r = small(
        "symlink loops",
        d.path(),
        &["check", "--format", "json", "--select", "inventory", "docs"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json(&r)["summary"]["files"], 1);
    for link in ["docs/a.md", "docs/b.md", "docs/copy.md", "docs/sub/up"] {
        assert!(
            r.stderr
                .contains(&format!("warning: {link}: skipped: symbolic link")),
            "{link}: {}",
            r.stderr
        );
    }
    // A link named explicitly is read (the user chose it); a loop is an error.
    let r = small("symlink loop, named", d.path(), &["check", "docs/a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("docs/a.md"), "{}", r.stderr);
}

/// Can this process read a file whose permissions deny it? (root can.)
#[cfg(unix)]
fn permissions_are_enforced(dir: &Path) -> bool {
    let p = dir.join("probe");
    std::fs::write(&p, "x").expect("write");
    let enforced = {
        let _locked = Chmod::set(&p, 0o000, 0o644);
        std::fs::read(&p).is_err()
    };
    std::fs::remove_file(&p).expect("rm");
    enforced
}

#[cfg(unix)]
#[test]
fn unreadable_file_or_directory_while_walking_is_an_error() {
    let d = tempfile::tempdir().expect("tempdir");
    if !permissions_are_enforced(d.path()) {
        eprintln!(
            "hostile: unreadable files: SKIPPED — running as root (or with CAP_DAC_OVERRIDE), \
             where chmod 000 does not stop reads"
        );
        return;
    }
    write(
        d.path(),
        "docs/privacy.md",
        "# Privacy\n\nWe use Stripe for payments.\n",
    );
    write(d.path(), "docs/secret.md", "# Secret\n");
    let locked = Chmod::set(d.path().join("docs/secret.md"), 0o000, 0o644);
    let r = small(
        "unreadable file while walking",
        d.path(),
        &["check", "--format", "json", "docs"],
    );
    drop(locked);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("cannot read docs/secret.md"),
        "{}",
        r.stderr
    );
    write(d.path(), "docs/private/p.md", "# Private\n");
    let _locked = Chmod::set(d.path().join("docs/private"), 0o000, 0o755);
    let r = small(
        "unreadable directory while walking",
        d.path(),
        &["check", "--format", "json", "docs"],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("cannot read docs/private"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_not_read() {
    use std::os::unix::fs::symlink;
    let d = project();
    // A policy that is a link to an endless device, an inventory that is a
    // FIFO nobody writes to: either would block or never end.
    symlink("/dev/zero", d.path().join("zero.md")).expect("symlink");
    let r = small("policy -> /dev/zero", d.path(), &["check", "zero.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("zero.md: not a regular file"),
        "{}",
        r.stderr
    );
    let fifo = d.path().join("fifo.yaml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("hostile: FIFO inventory: SKIPPED — mkfifo unavailable");
        return;
    }
    write(
        d.path(),
        "candor.yaml",
        "inventory: fifo.yaml\npolicies: [privacy.md]\npacks: []\n",
    );
    let r = small("inventory is a FIFO", d.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("cannot read fifo.yaml: not a regular file"),
        "{}",
        r.stderr
    );
}

fn many_files(n: usize) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    for i in 0..n {
        let p = format!("docs/d{:03}/p{:05}.md", i / 1000, i);
        write(
            d.path(),
            &p,
            format!("# Privacy {i}\n\nWe use Stripe for payments.\n"),
        );
    }
    write(
        d.path(),
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [docs]\n",
    );
    write(
        d.path(),
        "inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n  - name: Mixpanel\n",
    );
    d
}

fn check_many(n: usize, limit: Duration) {
    let d = many_files(n);
    let r = bounded(
        &format!("{n} files in a tree"),
        d.path(),
        &["check", "--format", "json"],
        limit,
        4096,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["summary"]["files"], n as u64);
    // Mixpanel is named in no file: one inventory finding for the set.
    let undisclosed = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "inventory/undisclosed-subprocessor")
        .count();
    assert_eq!(undisclosed, 1);
}

#[test]
fn ten_thousand_files_in_a_tree() {
    check_many(10_000, Duration::from_secs(300));
}

#[test]
#[ignore = "100 000 files: about a minute in a debug build; run with --release -- --ignored"]
fn hundred_thousand_files_in_a_tree() {
    check_many(100_000, Duration::from_secs(1800));
}

// ---------------------------------------------------------------------------
// A policy outside the repository.

fn hash(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

#[test]
fn policy_outside_the_repository_is_reported_relative_and_never_written() {
    let root = tempfile::tempdir().expect("tempdir");
    write(
        root.path(),
        "shared/privacy.md",
        "# Privacy\n\nWe use Stripe and Mixpanel.\n",
    );
    write(
        root.path(),
        "repo/candor.yaml",
        "inventory: inventory.yaml\npolicies: [../shared/privacy.md]\npacks: []\nrules: { hygiene: off }\n",
    );
    write(
        root.path(),
        "repo/inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n",
    );
    let outside = root.path().join("shared/privacy.md");
    let before = hash(&outside);
    let repo = root.path().join("repo");
    let r = small(
        "policy outside the repository",
        &repo,
        &["check", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "inventory/unknown-subprocessor");
    assert_eq!(f["path"], "../shared/privacy.md");
    // Every output option, run from the repository and from elsewhere.
    for args in [
        &["check", "--format", "sarif", "-o", "report.sarif"][..],
        &["check", "--format", "junit", "-o", "report.xml"],
        &["check", "--write-baseline"],
        &["check", "--format", "github"],
        &["extract", "../shared/privacy.md"],
    ] {
        let r = small("policy outside the repository, outputs", &repo, args);
        assert!(r.code <= 1, "{args:?}: {}", r.stderr);
    }
    assert_eq!(hash(&outside), before, "the outside policy was modified");
    let names: Vec<String> = std::fs::read_dir(root.path().join("shared"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["privacy.md"], "nothing written next to it");
    let sarif = std::fs::read_to_string(repo.join("report.sarif")).expect("sarif");
    assert!(
        sarif.contains("\"uri\": \"../shared/privacy.md\""),
        "{sarif}"
    );
    let baseline = std::fs::read_to_string(repo.join("candor-baseline.json")).expect("baseline");
    assert!(baseline.contains("\"../shared/privacy.md\""), "{baseline}");
}
