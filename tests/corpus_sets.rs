//! Fixture sets built from real policy documents (`fixtures/corpus/`): each
//! organisation's privacy policy and subprocessor list checked against an
//! inventory written by hand from those documents
//! (`fixtures/sets/corpus/<org>/`).
//!
//! - `consistent/`: the published list plus every third party the policy
//!   itself names — no finding at all from the inventory, retention,
//!   cookies, claims, rights or consistency groups (a false finding here is
//!   an extraction or matching bug to fix, never one to list as expected);
//! - `as-published/`: the published list alone — exactly the findings where
//!   the organisation's own documents disagree with each other;
//! - `planted-*/`: one discrepancy planted in the consistent inventory —
//!   exactly that finding.
//!
//! Every expected line and column was counted by hand in the fixture files
//! (the inventories' comments say which line of which document).

mod common;
use common::root;

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

/// (rule, subject, path, line, column).
type Row = (String, String, String, u64, u64);

fn row(rule: &str, subject: &str, path: &str, line: u64, column: u64) -> Row {
    (rule.into(), subject.into(), path.into(), line, column)
}

const GROUPS: [&str; 6] = [
    "inventory/",
    "retention/",
    "cookies/",
    "claims/",
    "rights/",
    "consistency/",
];

/// The findings of the checked groups for one set, sorted, and the exit code.
fn check(set: &str) -> (i32, Vec<Row>, Value) {
    let config = format!("fixtures/sets/corpus/{set}/candor.yaml");
    let out = candor()
        .args(["check", "--format", "json", "--config", &config])
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{set}: not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut rows: Vec<Row> = json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap_or_default();
            GROUPS.iter().any(|g| rule.starts_with(g))
        })
        .map(|f| {
            row(
                f["rule"].as_str().unwrap_or_default(),
                f["subject"].as_str().unwrap_or_default(),
                f["path"].as_str().unwrap_or_default(),
                f["line"].as_u64().unwrap_or_default(),
                f["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    rows.sort();
    (out.status.code().unwrap_or(-1), rows, json)
}

const C: &str = "../../../../corpus";

const ORGS: [&str; 7] = [
    "github",
    "basecamp",
    "namesake",
    "range",
    "sage-bionetworks",
    "stamphq",
    "pass-training",
];

fn expect(set: &str, mut want: Vec<Row>) {
    want.sort();
    let (code, got, json) = check(set);
    assert_eq!(got, want, "{set}: {json:#}");
    let errors = json["summary"]["error"].as_u64().unwrap_or_default();
    assert_eq!(code, if errors > 0 { 1 } else { 0 }, "{set}");
}

#[test]
fn consistent_real_pairs_have_no_finding() {
    for org in ORGS {
        expect(&format!("{org}/consistent"), Vec::new());
    }
}

#[test]
fn as_published_lists_show_where_the_documents_disagree() {
    let u = "inventory/unknown-subprocessor";
    expect(
        "github/as-published",
        vec![
            // "… third-party services like Twitter or LinkedIn" (the
            // catalog's canonical name for Twitter is X).
            row(u, "X", &format!("{C}/github/privacy-statement.md"), 57, 134),
            row(
                u,
                "LinkedIn",
                &format!("{C}/github/privacy-statement.md"),
                57,
                145,
            ),
            // "… from services like Google for authentication".
            row(
                u,
                "Google",
                &format!("{C}/github/privacy-statement.md"),
                69,
                272,
            ),
        ],
    );
    let pp = format!("{C}/basecamp/privacy-policy.md");
    expect(
        "basecamp/as-published",
        vec![
            // "… third-party platforms such as Google, Reddit, and LinkedIn."
            row(u, "Google", &pp, 67, 72),
            row(u, "Reddit", &pp, 67, 80),
            row(u, "LinkedIn", &pp, 67, 92),
            // "… connect your Gmail account to your HEY account …"
            row(u, "Google Workspace", &pp, 91, 185),
        ],
    );
    let pp = format!("{C}/range/privacy-policy.md");
    expect(
        "range/as-published",
        vec![
            // "… Google, Slack, or Microsoft Teams …"
            row(u, "Microsoft 365", &pp, 119, 19),
            // "as Asana, Dropbox, Jira, etc)"
            row(u, "Asana", &pp, 144, 4),
            row(u, "Dropbox", &pp, 144, 11),
            row(u, "Atlassian", &pp, 144, 20),
        ],
    );
    expect(
        "sage-bionetworks/as-published",
        vec![
            // cookies.md line 42: "| _ga | Google | Used to distinguish
            // users in the Google Analytics platform …"
            row(
                u,
                "Google Analytics",
                &format!("{C}/sage-bionetworks/cookies.md"),
                42,
                51,
            ),
            // "… researcher credentialing web services (e.g., ORCID)"
            row(
                u,
                "ORCID",
                &format!("{C}/sage-bionetworks/privacy.md"),
                63,
                304,
            ),
            // "You may also apply through career services such as LinkedIn."
            row(
                u,
                "LinkedIn",
                &format!("{C}/sage-bionetworks/privacy.md"),
                71,
                353,
            ),
        ],
    );
    expect(
        "pass-training/as-published",
        vec![
            // "Third parties such as Pardot and Google Analytics …"; the
            // catalog names Pardot's owner.
            row(
                u,
                "Salesforce",
                &format!("{C}/pass-training/subprocessors.md"),
                38,
                304,
            ),
        ],
    );
}

#[test]
fn planted_subprocessor_discrepancies_are_found_exactly() {
    let undisclosed = "inventory/undisclosed-subprocessor";
    let unknown = "inventory/unknown-subprocessor";
    let by_category = "inventory/subprocessor-disclosed-by-category";
    // Added to the inventory: pointed at in inventory.yaml ("  - name: "
    // is 10 characters, "  - { name: " 12).
    expect(
        "github/planted-added",
        vec![row(undisclosed, "Postmark", "inventory.yaml", 80, 11)],
    );
    expect(
        "namesake/planted-added",
        vec![row(undisclosed, "Amplitude", "inventory.yaml", 16, 13)],
    );
    expect(
        "pass-training/planted-added",
        vec![row(undisclosed, "Postmark", "inventory.yaml", 21, 13)],
    );
    // Removed from the inventory: pointed at the list entry.
    expect(
        "github/planted-removed",
        vec![row(
            unknown,
            "Zendesk",
            &format!("{C}/github/subprocessors.md"),
            49,
            3,
        )],
    );
    expect(
        "basecamp/planted-removed",
        vec![row(
            unknown,
            "Sentry",
            &format!("{C}/basecamp/basecamp-subprocessors.md"),
            22,
            4,
        )],
    );
    expect(
        "namesake/planted-removed",
        vec![row(
            unknown,
            "Resend",
            &format!("{C}/namesake/subprocessors.md"),
            13,
            4,
        )],
    );
    expect(
        "range/planted-removed",
        vec![row(
            unknown,
            "Stitch, Inc.",
            &format!("{C}/range/subprocessors.md"),
            28,
            3,
        )],
    );
    // Covered only by a category of recipients.
    expect(
        "basecamp/planted-category",
        vec![row(by_category, "Criteo", "inventory.yaml", 35, 13)],
    );
    expect(
        "stamphq/planted-category",
        vec![row(by_category, "Adyen", "inventory.yaml", 19, 13)],
    );
    expect(
        "pass-training/planted-category",
        vec![row(by_category, "Adyen", "inventory.yaml", 22, 13)],
    );
}

/// The human report of the groups this file checks (the regulation packs'
/// findings on these real policies are not what the planted sets are about).
fn human(set: &str) -> String {
    let config = format!("fixtures/sets/corpus/{set}/candor.yaml");
    let select = GROUPS.map(|g| g.trim_end_matches('/')).join(",");
    let out = candor()
        .args([
            "check", "--color", "never", "--select", &select, "--config", &config,
        ])
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn human_output_of_planted_sets() {
    insta::assert_snapshot!("range_planted_removed", human("range/planted-removed"));
    insta::assert_snapshot!("range_planted_contact", human("range/planted-contact"));
    insta::assert_snapshot!("github_planted_claim", human("github/planted-claim"));
    insta::assert_snapshot!(
        "sage_planted_cookie_duration",
        human("sage-bionetworks/planted-cookie-duration")
    );
}

#[test]
fn planted_retention_claim_cookie_right_contact_and_age_discrepancies() {
    let inv = "inventory.yaml";
    // namesake privacy.md line 23: "If you delete your account, we'll delete
    // the content within 60 days." (the statement starts at column 208);
    // the planted inventory keeps content 90 days.
    expect(
        "namesake/planted-retention",
        vec![row(
            "retention/exceeds-policy",
            "content",
            &format!("{C}/namesake/privacy.md"),
            23,
            208,
        )],
    );
    // privacy.md line 5: "We promise we never sell your data" (column 205).
    expect(
        "namesake/planted-claim",
        vec![row(
            "claims/contradicted-claim",
            "no_sale",
            &format!("{C}/namesake/privacy.md"),
            5,
            205,
        )],
    );
    // retention-page.md line 3 says 90 days; privacy.md line 23 says 60.
    expect(
        "namesake/planted-conflict",
        vec![row(
            "consistency/conflicting-retention",
            "content",
            "retention-page.md",
            3,
            1,
        )],
    );
    // stamphq privacy.md line 90: "In this case, … permanently purged within
    // 30 days" after cancellation (column 57); the system counts from the
    // last activity.
    expect(
        "stamphq/planted-trigger",
        vec![row(
            "retention/trigger-mismatch",
            "account",
            &format!("{C}/stamphq/privacy.md"),
            90,
            57,
        )],
    );
    // range privacy-policy.md line 337: "… please email dpo@range.co."
    // (column 54); the planted inventory says privacy@range.co.
    expect(
        "range/planted-contact",
        vec![row(
            "inventory/contact-mismatch",
            "dpo",
            &format!("{C}/range/privacy-policy.md"),
            337,
            54,
        )],
    );
    // github privacy-statement.md line 193: "… under the age of 13"
    // (column 47); the planted inventory says 16.
    expect(
        "github/planted-children",
        vec![row(
            "inventory/children-age-mismatch",
            "children",
            &format!("{C}/github/privacy-statement.md"),
            193,
            47,
        )],
    );
    // privacy-statement.md line 316: "Please be aware that we do not
    // disclose personal information to any third parties for their direct
    // marketing purposes" (column 453).
    expect(
        "github/planted-claim",
        vec![row(
            "claims/contradicted-claim",
            "no_sharing_for_advertising",
            &format!("{C}/github/privacy-statement.md"),
            316,
            453,
        )],
    );
    // A Hotjar cookie added on line 86 of the inventory ("  - { name: " is
    // 12 characters).
    expect(
        "sage-bionetworks/planted-cookie",
        vec![row(
            "cookies/undisclosed-cookie",
            "_hjSessionUser",
            inv,
            86,
            13,
        )],
    );
    // cookies.md line 42: "| _ga | Google | … | 2 years |"; the planted
    // inventory says 13 months.
    expect(
        "sage-bionetworks/planted-cookie-duration",
        vec![row(
            "cookies/duration-mismatch",
            "_ga",
            &format!("{C}/sage-bionetworks/cookies.md"),
            42,
            3,
        )],
    );
    // basecamp privacy-policy.md line 120: "* **Right to Erasure / …"
    // (column 5); the planted inventory marks erasure unsupported.
    expect(
        "basecamp/planted-right",
        vec![row(
            "rights/unsupported-right",
            "erasure",
            &format!("{C}/basecamp/privacy-policy.md"),
            120,
            5,
        )],
    );
    // A biometric category on line 37 of the inventory, at column 101.
    expect(
        "basecamp/planted-data",
        vec![row(
            "inventory/undisclosed-data-category",
            "identity:user.biometrics",
            inv,
            37,
            101,
        )],
    );
}
