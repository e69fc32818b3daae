//! The built binary, driven as a user would. Expected findings are derived
//! by hand from the fixture files (line/column counted in the sources).

mod common;
use common::{Scratch, findings, root};

use assert_cmd::Command;
use serde_json::Value;

fn candor() -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary built");
    c.env("CANDOR_TODAY", "2026-11-22");
    c.current_dir(root())
        .env_remove("CANDOR_FORMAT")
        .env("NO_COLOR", "1");
    c
}

/// Run `check --format json` with `config`; return (exit code, findings JSON).
fn check_json(config: &str) -> (i32, Value) {
    check_json_with(config, &[])
}

/// `check_json` with extra arguments (e.g. `--select inventory`).
fn check_json_with(config: &str, extra: &[&str]) -> (i32, Value) {
    let out = candor()
        .args(["check", "--format", "json", "--config", config])
        .args(extra)
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

fn inventory_findings(json: &Value) -> Vec<(String, String, String, u64, u64)> {
    findings(json)
        .into_iter()
        .filter(|f| f.0.starts_with("inventory/"))
        .collect()
}

fn f(
    rule: &str,
    subject: &str,
    path: &str,
    line: u64,
    column: u64,
) -> (String, String, String, u64, u64) {
    (rule.into(), subject.into(), path.into(), line, column)
}

#[test]
fn example_reports_the_undisclosed_subprocessor() {
    let (code, json) = check_json("fixtures/example/candor.yaml");
    assert_eq!(code, 1, "an error-level finding exits 1");
    assert_eq!(json["schema"], "candor/findings/v1");
    // Mixpanel is declared on line 41 of the inventory ("  - name: Mixpanel",
    // the name starts at column 11) and named nowhere in the policy set.
    assert_eq!(
        inventory_findings(&json),
        [f(
            "inventory/undisclosed-subprocessor",
            "Mixpanel",
            "inventory.yaml",
            41,
            11
        )]
    );
    let first = &json["findings"][0];
    assert_eq!(first["level"], "error");
    assert_eq!(
        first["message"],
        "Mixpanel receives personal data but is not named in the policy set"
    );
    assert_eq!(first["end_line"], 41);
    assert_eq!(first["end_column"], 19);
    assert_eq!(json["summary"]["files"], 2);
}

#[test]
fn example_human_output_underlines_the_inventory_entry() {
    let out = candor()
        .args([
            "check",
            "--config",
            "fixtures/example/candor.yaml",
            "--color",
            "never",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!("example_human", text);
}

#[test]
fn example_json_output() {
    let out = candor()
        .args([
            "check",
            "--config",
            "fixtures/example/candor.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    insta::assert_snapshot!("example_json", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn seed_sets_consistent_inventories_produce_no_inventory_finding() {
    // Only the inventory rules: the seeds have regulation-pack findings of
    // their own (see packs_on_the_seeds).
    for seed in ["modeldock", "monitoring-saas", "dunops"] {
        let (code, json) = check_json_with(
            &format!("fixtures/sets/{seed}/consistent/candor.yaml"),
            &["--select", "inventory"],
        );
        assert_eq!(inventory_findings(&json), [], "{seed}: {json:#}");
        assert_eq!(code, 0, "{seed}");
    }
}

#[test]
fn seed_sets_planted_inventories_produce_exactly_the_planted_findings() {
    // Each planted inventory swaps one subprocessor for another: the added
    // one is undisclosed (pointed at in inventory.yaml), the removed one is
    // unknown (pointed at its first mention in the seed).
    let cases = [
        (
            "modeldock",
            [
                f(
                    "inventory/undisclosed-subprocessor",
                    "Sentry",
                    "inventory.yaml",
                    35,
                    11,
                ),
                // "  • Resend — Transactional email delivery …", line 54.
                f(
                    "inventory/unknown-subprocessor",
                    "Resend",
                    "../../../seeds/modeldock-privacy.txt",
                    54,
                    5,
                ),
            ],
        ),
        (
            "monitoring-saas",
            [
                f(
                    "inventory/undisclosed-subprocessor",
                    "Postmark",
                    "inventory.yaml",
                    30,
                    11,
                ),
                // "  • Via Stripe — we do not store your card number", line 19.
                f(
                    "inventory/unknown-subprocessor",
                    "Stripe",
                    "../../../seeds/monitoring-saas-privacy.txt",
                    19,
                    9,
                ),
            ],
        ),
        (
            "dunops",
            [
                f(
                    "inventory/undisclosed-subprocessor",
                    "Mixpanel",
                    "inventory.yaml",
                    27,
                    11,
                ),
                // "… identity provider (Google, GitHub, etc.)", line 5, column 98.
                f(
                    "inventory/unknown-subprocessor",
                    "GitHub",
                    "../../../seeds/dunops-privacy.txt",
                    5,
                    98,
                ),
            ],
        ),
    ];
    for (seed, expected) in cases {
        let (code, json) = check_json(&format!("fixtures/sets/{seed}/planted/candor.yaml"));
        let mut got = inventory_findings(&json);
        got.sort();
        let mut want = expected.to_vec();
        want.sort();
        assert_eq!(got, want, "{seed}");
        assert_eq!(code, 1, "{seed}");
    }
}

#[test]
fn a_vendor_covered_only_by_its_category_is_a_warning_not_an_error() {
    // DunOps' policy says "processed by our payment provider" (line 8,
    // column 34); the planted inventory adds Stripe (line 31, column 11).
    let (code, json) = check_json("fixtures/sets/dunops/planted-category/candor.yaml");
    assert_eq!(
        inventory_findings(&json),
        [f(
            "inventory/subprocessor-disclosed-by-category",
            "Stripe",
            "inventory.yaml",
            31,
            11
        )]
    );
    let finding = &json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["subject"] == "Stripe")
        .expect("the Stripe finding")
        .clone();
    assert_eq!(finding["level"], "warning");
    assert_eq!(
        finding["related"][0]["path"],
        "../../../seeds/dunops-privacy.txt"
    );
    assert_eq!(finding["related"][0]["line"], 8);
    assert_eq!(finding["related"][0]["column"], 34);
    // Warnings alone exit 0 (the packs' own GDPR/CCPA errors on this seed
    // are another matter: select the inventory group to see the exit code).
    let out = candor()
        .args([
            "check",
            "-q",
            "--select",
            "inventory",
            "--config",
            "fixtures/sets/dunops/planted-category/candor.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone exit 0 (was {code} with every group)"
    );
}

#[test]
fn a_denied_vendor_in_the_inventory_is_a_contradicted_claim_not_an_undisclosed_one() {
    // modeldock-privacy.txt line 57: "We do not use Google Analytics,
    // Facebook Pixel, or any other third-party tracking services." The
    // planted inventory lists Google Analytics (line 46, column 11). Both
    // the denial of the vendor (column 15) and the claim of no third-party
    // analytics (the sentence, column 1) are contradicted; the vendor is not
    // also reported as undisclosed.
    let (code, json) = check_json("fixtures/sets/modeldock/planted-denied/candor.yaml");
    let mut got: Vec<_> = findings(&json)
        .into_iter()
        .filter(|f| f.0.starts_with("inventory/") || f.0.starts_with("claims/"))
        .collect();
    got.sort();
    let seed = "../../../seeds/modeldock-privacy.txt";
    assert_eq!(
        got,
        [
            f(
                "claims/contradicted-claim",
                "Google Analytics",
                seed,
                57,
                15
            ),
            f(
                "claims/contradicted-claim",
                "no_third_party_analytics",
                seed,
                57,
                1
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn a_scoped_claim_is_checked_only_inside_its_scope() {
    // monitoring-saas-privacy.txt line 64: "We use a minimum of cookies. On
    // the marketing site — no cookies at all." (the claim starts at column
    // 30, scope "marketing site"). The consistent inventory's session
    // cookie (authentication, the cabinet) is outside the scope; the planted
    // site_lang cookie ("language of the marketing site", inventory line 44)
    // is inside it, and no document names it either.
    let (_, json) = check_json("fixtures/sets/monitoring-saas/consistent/candor.yaml");
    assert!(
        findings(&json).iter().all(|f| !f.0.starts_with("claims/")),
        "{json:#}"
    );
    let (code, json) = check_json("fixtures/sets/monitoring-saas/planted-scoped-claim/candor.yaml");
    let mut got: Vec<_> = findings(&json)
        .into_iter()
        .filter(|f| {
            [
                "inventory/",
                "claims/",
                "cookies/",
                "retention/",
                "rights/",
                "consistency/",
            ]
            .iter()
            .any(|g| f.0.starts_with(g))
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            f(
                "claims/contradicted-claim",
                "no_cookies",
                "../../../seeds/monitoring-saas-privacy.txt",
                64,
                30
            ),
            f(
                "cookies/undisclosed-cookie",
                "site_lang",
                "inventory.yaml",
                44,
                11
            ),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn category_disclosure_human_output() {
    let out = candor()
        .args([
            "check",
            "--config",
            "fixtures/sets/dunops/planted-category/candor.yaml",
            "--select",
            "inventory,retention,cookies,claims,rights,consistency",
            "--color",
            "never",
        ])
        .output()
        .expect("runs");
    insta::assert_snapshot!(
        "dunops_planted_category_human",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn fail_on_warning_counts_warnings() {
    // The planted ModelDock set has one error and one warning; the consistent
    // one none at all.
    let out = candor()
        .args([
            "check",
            "-q",
            "--fail-on",
            "warning",
            "--select",
            "inventory",
            "--config",
            "fixtures/sets/modeldock/consistent/candor.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn without_config_paths_are_linted_and_inventory_rules_skipped() {
    let out = candor()
        .args([
            "check",
            "fixtures/seeds/modeldock-privacy.txt",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(inventory_findings(&json), []);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no inventory: inventory rules"), "{err}");
}

#[test]
fn extract_prints_model_v1() {
    let out = candor()
        .args(["extract", "fixtures/seeds/modeldock-privacy.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["schema"], "candor/model/v1");
    for key in [
        "documents",
        "data_collected",
        "third_parties",
        "retention",
        "cookies",
        "rights",
        "claims",
        "contacts",
        "children",
        "response_days",
    ] {
        assert!(json.get(key).is_some(), "model lacks '{key}'");
    }
    let tps: Vec<(String, bool, bool)> = json["third_parties"]
        .as_array()
        .expect("array")
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap_or_default().to_string(),
                t["negated"].as_bool().unwrap_or_default(),
                t["self_hosted"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    // Self-hosted Umami (line 21), and the negated Google Analytics and
    // Facebook Pixel (line 57) are facts, marked as such.
    assert!(tps.contains(&("Umami".into(), false, true)), "{tps:?}");
    assert!(
        tps.contains(&("Google Analytics".into(), true, false)),
        "{tps:?}"
    );
    assert!(
        tps.iter().any(|t| t.0 == "Resend" && !t.1 && !t.2),
        "{tps:?}"
    );
    assert!(tps.iter().any(|t| t.0 == "Hetzner" && !t.1), "{tps:?}");
    let ev = &json["third_parties"][0]["evidence"];
    for key in ["path", "line", "column", "start", "end"] {
        assert!(ev.get(key).is_some(), "evidence lacks '{key}'");
    }
}

#[test]
fn explain_and_rules() {
    let out = candor()
        .args(["explain", "inventory/undisclosed-subprocessor"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## Why it matters"), "{text}");
    let out = candor()
        .args(["explain", "inventory/undisclosed-subprocesor"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("did you mean 'inventory/undisclosed-subprocessor'")
    );
    let out = candor()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        json.as_array()
            .expect("array")
            .iter()
            .any(|r| r["id"] == "inventory/unknown-subprocessor")
    );
}

// ---------------------------------------------------------------------------
// Bad input: a clear message, exit 2, no panic.

const POLICY: &str = "# Privacy\n\nWe use Stripe for payments.\n";
const INVENTORY: &str = "version: 1\nsubprocessors:\n  - name: Stripe\n";

/// A project checked with the inventory rules only (no regulation packs,
/// hygiene off), so that a one-line policy can pass.
fn project(inventory: &str) -> Scratch {
    let s = Scratch::new();
    s.write(
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md]\npacks: []\nrules: { hygiene: off }\n",
    )
    .write("privacy.md", POLICY)
    .write("inventory.yaml", inventory);
    s
}

#[test]
fn a_valid_scratch_project_passes() {
    let (code, out, err) = project(INVENTORY).run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no findings in 1 file"), "{out}");
}

#[test]
fn config_is_discovered_from_a_subdirectory() {
    let s = project(INVENTORY);
    s.write("sub/dir/keep.txt", "");
    let out = Command::cargo_bin("candor")
        .expect("binary")
        .env("CANDOR_TODAY", "2026-11-22")
        .current_dir(s.path().join("sub/dir"))
        .args(["check", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn missing_config_file() {
    let s = Scratch::new();
    let (code, _, err) = s.run(&["check", "--config", "nope.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("config file") && err.contains("nope.yaml") && err.contains("not found"),
        "{err}"
    );
}

#[test]
fn no_config_and_no_paths() {
    let s = Scratch::new();
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no candor.yaml found and no paths given"),
        "{err}"
    );
}

#[test]
fn missing_policy_path() {
    let s = Scratch::new();
    let (code, _, err) = s.run(&["check", "missing.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.md: no such file or directory"),
        "{err}"
    );
    let s = project(INVENTORY);
    s.write(
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md, gone.md]\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("gone.md: no such file or directory"), "{err}");
}

#[test]
fn directory_without_policy_files() {
    let s = Scratch::new();
    s.write("docs/readme.rst", "x");
    let (code, _, err) = s.run(&["check", "docs"]);
    assert_eq!(code, 2);
    assert!(err.contains("docs: no policy files"), "{err}");
}

#[test]
fn invalid_yaml_points_at_the_line() {
    let (code, _, err) = project("version: 1\nsubprocessors: [\n").run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("inventory.yaml:2:"), "{err}");
    assert!(err.contains("invalid inventory"), "{err}");
}

#[test]
fn unknown_inventory_key_suggests_the_right_one() {
    let (code, _, err) = project("version: 1\nsubprocesors:\n  - name: Stripe\n").run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("inventory.yaml:2:1"), "{err}");
    assert!(err.contains("unknown field 'subprocesors'"), "{err}");
    assert!(err.contains("did you mean 'subprocessors'?"), "{err}");
}

#[test]
fn unknown_config_key_suggests_the_right_one() {
    let s = project(INVENTORY);
    s.write(
        "candor.yaml",
        "inventroy: inventory.yaml\npolicies: [privacy.md]\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("candor.yaml:1:1"), "{err}");
    assert!(err.contains("did you mean 'inventory'?"), "{err}");
}

#[test]
fn malformed_retention_points_at_the_scalar() {
    let inv = "version: 1\ndata:\n  - id: account\n    retention: thirty days\n";
    let (code, _, err) = project(inv).run(&["check"]);
    assert_eq!(code, 2);
    // The scalar "thirty days" starts at line 4, column 16.
    assert!(
        err.contains("inventory.yaml:4:16: malformed retention"),
        "{err}"
    );
    assert!(
        err.contains("until account_deletion + 30d"),
        "help lists the grammar: {err}"
    );
}

#[test]
fn duplicate_data_id() {
    let inv = "version: 1\ndata:\n  - id: account\n  - id: account\n";
    let (code, _, err) = project(inv).run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("inventory.yaml:4:9: duplicate data id 'account'"),
        "{err}"
    );
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn unknown_category_key() {
    let inv = "version: 1\ndata:\n  - id: account\n    categories: [user.contact.emial]\n";
    let (code, _, err) = project(inv).run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown data category 'user.contact.emial'"),
        "{err}"
    );
    assert!(err.contains("did you mean 'user.contact.email'?"), "{err}");
}

#[test]
fn invalid_utf8_in_a_policy() {
    let s = project(INVENTORY);
    s.write("privacy.md", b"# Privacy\n\nWe use Str\xffipe.\n");
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("privacy.md: invalid UTF-8 at byte offset 21"),
        "{err}"
    );
    let (code, _, err) = s.run(&["check", "--lossy"]);
    assert_ne!(code, 2, "{err}");
    assert!(err.contains("invalid UTF-8 at byte offset 21"), "{err}");
}

#[test]
fn empty_policy_file_is_a_warning() {
    let s = Scratch::new();
    s.write("empty.md", "");
    let (code, out, err) = s.run(&["check", "empty.md"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("warning: empty.md: empty file"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let s = Scratch::new();
    let (code, _, _) = s.run(&["check", "--format", "yaml"]);
    assert_eq!(code, 2);
    let (code, _, _) = s.run(&["frobnicate", "--bogus"]);
    assert_eq!(code, 2);
}

#[test]
fn inventory_ignore_silences_a_finding() {
    let inv = "version: 1\nsubprocessors:\n  - name: Stripe\n  - name: Mixpanel\n";
    let s = project(inv);
    let (code, out, _) = s.run(&["check", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let inv = format!(
        "{inv}ignore:\n  - {{ rule: inventory/undisclosed-subprocessor, subject: Mixpanel, reason: listed on the status page }}\n"
    );
    s.write("inventory.yaml", inv);
    let (code, out, _) = s.run(&["check", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn extract_prints_yaml_and_a_text_summary() {
    let out = candor()
        .args([
            "extract",
            "--format",
            "yaml",
            "fixtures/seeds/modeldock-privacy.txt",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("schema: candor/model/v1\n"));
    let out = candor()
        .args([
            "extract",
            "--format",
            "text",
            "fixtures/seeds/modeldock-privacy.txt",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // Line 21: "via self-hosted Umami analytics"; line 57: "We do not use
    // Google Analytics, Facebook Pixel, …"; line 84: the contact address.
    assert!(
        text.contains("  Umami — self-hosted  (fixtures/seeds/modeldock-privacy.txt:21)"),
        "{text}"
    );
    assert!(
        text.contains(
            "  Google Analytics — NOT used (negated)  (fixtures/seeds/modeldock-privacy.txt:57)"
        ),
        "{text}"
    );
    assert!(
        text.contains("admin@modeldock.run  (fixtures/seeds/modeldock-privacy.txt:84)"),
        "{text}"
    );
}
