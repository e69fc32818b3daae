//! Regulation packs, rule configuration, suppressions and baselines, driven
//! through the built binary. Expected lines and columns are counted by hand
//! in the texts below (or in the seed files, as noted).

mod common;
use common::{Scratch, findings, root, run_in};

use serde_json::Value;

fn f(
    rule: &str,
    subject: &str,
    path: &str,
    line: u64,
    column: u64,
) -> (String, String, String, u64, u64) {
    (rule.into(), subject.into(), path.into(), line, column)
}

fn rules_of(json: &Value) -> Vec<String> {
    findings(json).into_iter().map(|f| f.0).collect()
}

// ---------------------------------------------------------------------------
// The seeds through gdpr, ccpa and hygiene.

/// One line per finding: `line:column level rule [subject] message`.
fn listing(json: &Value) -> String {
    let mut s = String::new();
    for f in json["findings"].as_array().expect("array") {
        s.push_str(&format!(
            "{}:{} {} {} [{}] {}\n",
            f["line"],
            f["column"],
            f["level"].as_str().unwrap_or(""),
            f["rule"].as_str().unwrap_or(""),
            f["subject"].as_str().unwrap_or(""),
            f["message"].as_str().unwrap_or("")
        ));
    }
    s
}

#[test]
fn packs_on_the_seeds() {
    for seed in ["modeldock", "dunops", "monitoring-saas"] {
        let path = format!("fixtures/seeds/{seed}-privacy.txt");
        let (code, out, err) = run_in(
            &root(),
            &[
                "check",
                &path,
                "--select",
                "gdpr,ccpa,hygiene",
                "--format",
                "json",
            ],
        );
        assert_eq!(code, 1, "{seed}: {err}");
        let json: Value = serde_json::from_str(&out).expect("json");
        insta::assert_snapshot!(format!("seed_packs_{seed}"), listing(&json));
    }
    // The hand-checked core of those snapshots, as assertions.
    let (_, out, _) = run_in(
        &root(),
        &[
            "check",
            "fixtures/seeds/modeldock-privacy.txt",
            "--select",
            "gdpr",
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_str(&out).expect("json");
    let rules = rules_of(&json);
    // ModelDock states no legal basis and no right to complain to a
    // supervisory authority; its rights list (lines 67-70) has access,
    // correction, deletion and export, but no restriction or objection.
    for r in [
        "gdpr/missing-legal-basis",
        "gdpr/missing-complaint-right",
        "gdpr/missing-restriction-right",
        "gdpr/missing-objection-right",
    ] {
        assert!(rules.contains(&r.to_string()), "{r}: {rules:?}");
    }
    for r in [
        "gdpr/missing-access-right",
        "gdpr/missing-rectification-right",
        "gdpr/missing-erasure-right",
        "gdpr/missing-portability-right",
        "gdpr/missing-retention-period",
        "gdpr/missing-controller-contact",
    ] {
        assert!(!rules.contains(&r.to_string()), "{r}: {rules:?}");
    }
    // Set-level findings point at the title, "Privacy Policy" on line 1.
    assert_eq!(json["findings"][0]["line"], 1);
}

#[test]
fn the_monitoring_seed_points_at_a_page_outside_the_set() {
    // "Subprocessors are listed at /security#subprocessors …" is line 45;
    // the path starts after "Subprocessors are listed at " (28 characters).
    let (_, out, _) = run_in(
        &root(),
        &[
            "check",
            "fixtures/seeds/monitoring-saas-privacy.txt",
            "--select",
            "hygiene/dangling-reference",
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        findings(&json),
        [f(
            "hygiene/dangling-reference",
            "/security#subprocessors",
            "fixtures/seeds/monitoring-saas-privacy.txt",
            45,
            29
        )]
    );
}

// ---------------------------------------------------------------------------
// Inline suppressions.

const CONSENT: &str = "By using our website, you agree to our use of cookies.";

/// A project with `privacy.md`, checked with one anti-pattern rule and the
/// suppression rules only.
fn suppression_project(policy: &str) -> Scratch {
    let s = Scratch::new();
    s.write("candor.yaml", "policies: [privacy.md]\n")
        .write("privacy.md", policy);
    s
}

const SELECT: &[&str] = &[
    "--select",
    "eprivacy/implied-cookie-consent,hygiene/unused-suppression,hygiene/suppression-without-reason",
];

#[test]
fn unsuppressed_wording_is_reported() {
    let s = suppression_project(&format!("# Privacy Policy\n\n{CONSENT}\n"));
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 1);
    // The wording starts line 3, column 1.
    assert_eq!(
        findings(&json),
        [f(
            "eprivacy/implied-cookie-consent",
            "by using our website, you agree",
            "privacy.md",
            3,
            1
        )]
    );
}

#[test]
fn disable_next_line_with_reason_suppresses() {
    let s = suppression_project(&format!(
        "# Privacy Policy\n\n<!-- candor-disable-next-line eprivacy/implied-cookie-consent -- quoted from the 2019 policy for contrast -->\n{CONSENT}\n"
    ));
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(findings(&json), []);
}

#[test]
fn a_suppression_without_reason_still_applies_but_is_an_error() {
    let s = suppression_project(&format!(
        "# Privacy Policy\n\n<!-- candor-disable-next-line eprivacy/implied-cookie-consent -->\n{CONSENT}\n"
    ));
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 1);
    // Points at the comment: line 3, column 1.
    assert_eq!(
        findings(&json),
        [f(
            "hygiene/suppression-without-reason",
            "eprivacy/implied-cookie-consent",
            "privacy.md",
            3,
            1
        )]
    );
    assert_eq!(json["findings"][0]["level"], "error");
}

#[test]
fn a_suppression_that_suppresses_nothing_is_reported() {
    // The directive sits above a harmless line; the wording is two lines on.
    let s = suppression_project(&format!(
        "# Privacy Policy\n\n<!-- candor-disable-next-line eprivacy/implied-cookie-consent -- legal approved -->\nWe use one cookie.\n\n{CONSENT}\n"
    ));
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 1);
    let mut got = findings(&json);
    got.sort();
    assert_eq!(
        got,
        [
            f(
                "eprivacy/implied-cookie-consent",
                "by using our website, you agree",
                "privacy.md",
                6,
                1
            ),
            f(
                "hygiene/unused-suppression",
                "eprivacy/implied-cookie-consent",
                "privacy.md",
                3,
                1
            ),
        ]
    );
    // A rule this run does not use is not reported as unused (the
    // directive may matter in a full run), but an unknown rule is.
    let s = suppression_project(
        "# Privacy Policy\n\n<!-- candor-disable-file gdpr/missing-legal-basis -- in the DPA -->\n<!-- candor-disable-file gdpr/missing-legal-bases -- typo -->\nText.\n",
    );
    let (_, json, _) = s.json(SELECT);
    assert_eq!(
        findings(&json),
        [f(
            "hygiene/unused-suppression",
            "gdpr/missing-legal-bases",
            "privacy.md",
            4,
            1
        )]
    );
    assert!(
        json["findings"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("unknown rule"),
        "{json:#}"
    );
}

#[test]
fn disable_ranges_groups_and_whole_files() {
    // A range closed by candor-enable: the first wording is suppressed, the
    // second (after the enable) is not.
    let s = suppression_project(&format!(
        "# Privacy Policy\n\n<!-- candor-disable eprivacy -- historical section -->\n{CONSENT}\n<!-- candor-enable -->\n\n{CONSENT}\n"
    ));
    let (_, json, _) = s.json(SELECT);
    assert_eq!(
        findings(&json),
        [f(
            "eprivacy/implied-cookie-consent",
            "by using our website, you agree",
            "privacy.md",
            7,
            1
        )]
    );
    // disable-file with a list (one of which silences nothing but did not
    // run in this selection).
    let s = suppression_project(&format!(
        "# Privacy Policy\n\n{CONSENT}\n\n<!-- candor-disable-file gdpr, eprivacy/implied-cookie-consent -- archived notice -->\n"
    ));
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(findings(&json), []);
}

#[test]
fn plain_text_directives_on_a_line_of_their_own() {
    let s = Scratch::new();
    s.write("candor.yaml", "policies: [privacy.txt]\n").write(
        "privacy.txt",
        format!("Privacy Policy\n\ncandor-disable-next-line eprivacy/implied-cookie-consent -- quoted for contrast\n{CONSENT}\n\n<!-- candor-disable-next-line eprivacy/implied-cookie-consent -->\n{CONSENT}\n"),
    );
    let (_, json, _) = s.json(SELECT);
    // The bare directive (line 3) suppresses line 4; the comment (line 6)
    // suppresses line 7 but has no reason.
    assert_eq!(
        findings(&json),
        [f(
            "hygiene/suppression-without-reason",
            "eprivacy/implied-cookie-consent",
            "privacy.txt",
            6,
            1
        )]
    );
}

#[test]
fn inventory_ignore_entries_need_a_reason_and_must_silence_something() {
    let s = Scratch::new();
    s.write(
        "candor.yaml",
        "inventory: inventory.yaml\npolicies: [privacy.md]\npacks: []\n",
    )
    .write("privacy.md", "# Privacy Policy\n\nLast updated: 2026-10-01\n\nWe use Stripe for payments.\n")
    .write(
        "inventory.yaml",
        "version: 1\nsubprocessors:\n  - name: Stripe\n  - name: Mixpanel\nignore:\n  - { rule: inventory/undisclosed-subprocessor, subject: Mixpanel }\n  - { rule: inventory/undisclosed-subprocessor, subject: Segment, reason: removed last year }\n",
    );
    let (code, json, _) = s.json(&["--select", "inventory,hygiene"]);
    assert_eq!(code, 1, "{json:#}");
    // Line 6: the Mixpanel entry (no reason); line 7: the Segment entry
    // (silences nothing). Both point at the rule value, after "  - { rule: "
    // (12 characters): column 13.
    let mut got = findings(&json);
    got.sort();
    assert_eq!(
        got,
        [
            f(
                "hygiene/suppression-without-reason",
                "inventory/undisclosed-subprocessor",
                "inventory.yaml",
                6,
                13
            ),
            f(
                "hygiene/unused-suppression",
                "inventory/undisclosed-subprocessor",
                "inventory.yaml",
                7,
                13
            ),
        ]
    );
}

// ---------------------------------------------------------------------------
// Baselines.

#[test]
fn baseline_hides_known_findings_fails_new_ones_and_reports_fixed_ones() {
    let s = Scratch::new();
    let two =
        format!("# Privacy Policy\n\n{CONSENT}\n\nBy using our site, you consent to cookies.\n");
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nbaseline: candor-baseline.json\nrules: { hygiene: off }\n",
    )
    .write("privacy.md", &two);
    let sel = ["--select", "eprivacy/implied-cookie-consent"];

    // Write the baseline: exit 0, sorted file → rule → subject → count.
    let (code, _, err) = s.run(&["check", sel[0], sel[1], "--write-baseline"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("wrote 2 findings to baseline candor-baseline.json"),
        "{err}"
    );
    assert_eq!(
        s.read("candor-baseline.json"),
        "{\n  \"schema\": \"candor/baseline/v1\",\n  \"files\": {\n    \"privacy.md\": {\n      \"eprivacy/implied-cookie-consent\": {\n        \"by using our site, you consent\": 1,\n        \"by using our website, you agree\": 1\n      }\n    }\n  }\n}\n"
    );

    // Same findings: hidden, exit 0.
    let (code, json, _) = s.json(&sel);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(findings(&json), []);
    assert_eq!(json["baseline"]["hidden"], 2);

    // Text moved down and a new finding added: only the new one fails. It
    // is on line 12: 4 lines before `two`, its 5 lines (1-9 → 5-13 … the
    // last, "By using our site", is line 9), then two empty lines (10, 11).
    s.write(
        "privacy.md",
        format!(
            "# Privacy Policy\n\nIntro.\n\n{two}\n\nBy browsing this site you accept our cookies.\n"
        ),
    );
    let (code, json, _) = s.json(&sel);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [f(
            "eprivacy/implied-cookie-consent",
            "by browsing this site you accept",
            "privacy.md",
            12,
            1
        )]
    );

    // One old finding fixed: a note on stderr and in JSON.
    s.write("privacy.md", format!("# Privacy Policy\n\n{CONSENT}\n"));
    let (code, json, err) = s.json(&sel);
    assert_eq!(code, 0);
    assert!(
        err.contains("baseline candor-baseline.json: 1 recorded finding no longer occurs (fixed)"),
        "{err}"
    );
    assert_eq!(
        json["baseline"]["prunable"],
        serde_json::json!([{ "path": "privacy.md", "rule": "eprivacy/implied-cookie-consent", "subject": "by using our site, you consent", "count": 1 }])
    );
    // The findings/v1 keys are untouched.
    for key in ["schema", "findings", "summary"] {
        assert!(json.get(key).is_some(), "{key}");
    }

    // --baseline FILE overrides the config; a missing one is an error.
    let (code, _, err) = s.run(&["check", "--baseline", "nope.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("baseline nope.json not found"), "{err}");
}

// ---------------------------------------------------------------------------
// Configuration: levels, --select/--ignore, custom packs, max_age.

#[test]
fn levels_select_and_ignore() {
    let s = suppression_project(&format!("# Privacy Policy\n\n{CONSENT}\n"));
    // Off by group in the config.
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules: { eprivacy: off }\n",
    );
    let (_, json, _) = s.json(SELECT);
    assert_eq!(findings(&json), []);
    // Lowered to info by rule id: exit 0 (fail-on error).
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules: { eprivacy/implied-cookie-consent: info }\n",
    );
    let (code, json, _) = s.json(SELECT);
    assert_eq!(code, 0);
    assert_eq!(json["findings"][0]["level"], "info");
    // --ignore wins over --select.
    let (_, json, _) = s.json(&[
        "--select",
        "eprivacy",
        "--ignore",
        "eprivacy/implied-cookie-consent",
    ]);
    assert!(!rules_of(&json).contains(&"eprivacy/implied-cookie-consent".to_string()));
    // --select a pack that the jurisdictions would not pick runs it.
    let (_, json, _) = s.json(&["--select", "ccpa"]);
    assert!(
        rules_of(&json).iter().all(|r| r.starts_with("ccpa/")),
        "{json:#}"
    );
    assert!(rules_of(&json).contains(&"ccpa/missing-right-to-know".to_string()));
    // Unknown ids are usage errors with a suggestion.
    let (code, _, err) = s.run(&["check", "--select", "gdpr/missing-legal-bases"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean 'gdpr/missing-legal-basis'"),
        "{err}"
    );
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules: { gdpr/missing-complaint: off }\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean 'gdpr/missing-complaint-right'"),
        "{err}"
    );
}

#[test]
fn max_age_is_validated() {
    let s = suppression_project("# Privacy Policy\n\nText.\n");
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules:\n  hygiene/stale-last-updated: { max_age: 18mo }\n",
    );
    let (code, _, err) = s.run(&["check", "--select", "hygiene"]);
    assert_ne!(code, 2, "{err}");
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules:\n  hygiene/stale-last-updated: { max_age: soon }\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("max_age 'soon' is not an age"), "{err}");
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\nrules:\n  gdpr/missing-legal-basis: { max_age: 1y }\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("takes no max_age"), "{err}");
}

const HOUSE: &str = "pack: house\nrules:\n  - id: house/anonymous-claim\n    level: warning\n    check: anti_pattern\n    message: Pseudonymous data is not anonymous (\"{match}\")\n    help: Say pseudonymised.\n    forbidden: ['(?i)\\banonymi[sz]ed\\b']\n";

#[test]
fn custom_packs_run_and_are_listed() {
    let s = Scratch::new();
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\npacks: [gdpr, ./house-style.yaml]\n",
    )
    .write("house-style.yaml", HOUSE)
    .write(
        "privacy.md",
        "# Privacy Policy\n\nWe only keep anonymised usage data.\n",
    );
    let (_, json, _) = s.json(&["--select", "house"]);
    // "anonymised" follows "We only keep " (13 characters): column 14 of line 3.
    assert_eq!(
        findings(&json),
        [f(
            "house/anonymous-claim",
            "anonymised",
            "privacy.md",
            3,
            14
        )]
    );
    assert_eq!(
        json["findings"][0]["message"],
        "Pseudonymous data is not anonymous (\"anonymised\")"
    );
    let (code, out, _) = s.run(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&out).expect("json");
    let house = list
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "house/anonymous-claim")
        .expect("listed");
    assert_eq!(house["source"], "pack house (house-style.yaml)");
    assert_eq!(house["group"], "house");
    let (code, out, _) = s.run(&["explain", "house/anonymous-claim"]);
    assert_eq!(code, 0);
    assert!(out.contains("(?i)\\banonymi[sz]ed\\b"), "{out}");
}

#[test]
fn bad_packs_are_located_errors() {
    let s = Scratch::new();
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\npacks: [./house.yaml]\n",
    )
    .write("privacy.md", "# Privacy\n\nText.\n")
    .write("house.yaml", HOUSE.replace("anonymi[sz]ed", "anonymi[sz"));
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    // The pattern is on line 8 of house.yaml; the error underlines it.
    assert!(err.contains("invalid regex"), "{err}");
    assert!(err.contains("house.yaml:8:"), "{err}");
    s.write(
        "house.yaml",
        HOUSE.replace("check: anti_pattern", "check: antipattern"),
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean 'anti_pattern'"), "{err}");
    s.write("candor.yaml", "policies: [privacy.md]\npacks: [gpdr]\n");
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean 'gdpr'"), "{err}");
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\npacks: [./missing.yaml]\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("pack file missing.yaml not found"), "{err}");
}

#[test]
fn rules_lists_pack_rules_and_explain_shows_citations() {
    let (code, out, _) = run_in(&root(), &["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&out).expect("json");
    let r = list
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "gdpr/missing-complaint-right")
        .expect("listed");
    assert_eq!(r["group"], "gdpr");
    assert_eq!(r["level"], "error");
    assert_eq!(r["source"], "pack gdpr (built-in)");
    assert_eq!(r["citation"], "GDPR Art. 13(2)(d); Art. 14(2)(e); Art. 77");
    let (code, out, _) = run_in(&root(), &["explain", "gdpr/missing-complaint-right"]);
    assert_eq!(code, 0);
    assert!(out.contains("## References\n\nGDPR Art. 13(2)(d)"), "{out}");
    let (code, out, _) = run_in(&root(), &["explain", "hygiene/unused-suppression"]);
    assert_eq!(code, 0);
    assert!(out.contains("## Why it matters"), "{out}");
}

/// The README's table of pack rules, rendered from `candor rules --format
/// json`: one table per built-in pack, rows in id order.
fn pack_tables(list: &Value) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = String::new();
    for pack in ["gdpr", "ccpa", "eprivacy", "coppa", "hygiene"] {
        let rows: Vec<&Value> = list
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|r| r["source"] == format!("pack {pack} (built-in)"))
                    .collect()
            })
            .unwrap_or_default();
        assert!(!rows.is_empty(), "no rule of pack {pack}");
        out.push_str(&format!(
            "\n#### `{pack}` ({} rules)\n\n| rule | level | fires when | citation |\n| --- | --- | --- | --- |\n",
            rows.len()
        ));
        for r in rows {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                r["id"].as_str().unwrap_or_default(),
                r["default_level"].as_str().unwrap_or_default(),
                esc(r["summary"].as_str().unwrap_or_default()),
                esc(r["citation"].as_str().unwrap_or("—")),
            ));
        }
    }
    out
}

/// The README lists every pack rule with its level, summary and citation,
/// exactly as `candor rules` does; a pack edit that changes a citation must
/// update the README (the failure prints the text to paste).
#[test]
fn the_readme_lists_every_pack_rule() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let (code, out, err) = run_in(&root(), &["rules", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let list: Value = serde_json::from_str(&out).expect("json");
    let want = pack_tables(&list);
    let (start, end) = ("<!-- pack-rules:start -->\n", "<!-- pack-rules:end -->");
    let got = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(block, _)| block)
        .expect("README.md has the pack-rules markers");
    assert!(
        got == want,
        "README.md's pack rule tables are out of date; replace the block between the markers with:\n{want}"
    );
    // And every built-in rule is in one of the README's tables.
    for r in list.as_array().expect("array") {
        let id = r["id"].as_str().unwrap_or_default();
        assert!(
            readme.contains(&format!("| `{id}` |")),
            "README.md lacks {id}"
        );
    }
}

/// One stale date is one finding: with the ccpa pack, its
/// `ccpa/stale-last-updated` (which `supersedes` hygiene's rule) replaces
/// `hygiene/stale-last-updated` on that line; without it, hygiene reports.
#[test]
fn a_superseding_rule_replaces_the_finding_on_the_same_line() {
    let stale = |json: &Value| -> Vec<String> {
        rules_of(json)
            .into_iter()
            .filter(|r| r.ends_with("stale-last-updated"))
            .collect()
    };
    // 2024-03-01 is more than 12 months before CANDOR_TODAY (2026-11-22).
    let policy = "# Privacy Policy\n\nLast updated: 2024-03-01\n";
    let s = Scratch::new();
    s.write("candor.yaml", "policies: [privacy.md]\npacks: [ccpa]\n")
        .write("privacy.md", policy);
    let (_, json, _) = s.json(&[]);
    assert_eq!(stale(&json), ["ccpa/stale-last-updated"], "{json:#}");
    s.write("candor.yaml", "policies: [privacy.md]\npacks: [gdpr]\n");
    let (_, json, _) = s.json(&[]);
    assert_eq!(stale(&json), ["hygiene/stale-last-updated"], "{json:#}");
    // The superseding rule off: hygiene reports again.
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\npacks: [ccpa]\nrules: { ccpa/stale-last-updated: off }\n",
    );
    let (_, json, _) = s.json(&[]);
    assert_eq!(stale(&json), ["hygiene/stale-last-updated"], "{json:#}");
}

#[test]
fn supersedes_must_name_another_rule() {
    let s = Scratch::new();
    s.write(
        "candor.yaml",
        "policies: [privacy.md]\npacks: [gdpr, ./house.yaml]\n",
    )
    .write("privacy.md", "# Privacy Policy\n")
    .write(
        "house.yaml",
        "pack: house\nrules:\n  - id: house/x\n    level: warning\n    check: anti_pattern\n    message: m\n    forbidden: ['anonymous']\n    supersedes: [Hygiene stale]\n",
    );
    let (code, _, err) = s.run(&["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("'Hygiene stale' is not another rule's"),
        "{err}"
    );
    assert!(err.contains("house.yaml:8"), "{err}");
}
