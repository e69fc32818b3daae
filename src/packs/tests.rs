//! Every built-in pack rule fires on a policy that lacks its disclosure and
//! stays quiet on one that has it. The "has it" texts are policy wording as
//! a privacy team would write it (several adapted from public policies),
//! never the regex itself.

use std::collections::BTreeMap;

use super::*;
use crate::document::{Document, SourceKind};
use crate::model::{DocumentInfo, Evidence, PolicyModel, Retention};

/// A policy that discloses nothing in particular.
const BASE: &str = "We run a small web service for teams.";

fn doc(body: &str) -> Document {
    Document::parse(
        "privacy.md",
        format!("# Privacy Policy\n\n{body}\n"),
        SourceKind::Markdown,
    )
}

fn today() -> Date {
    Date::parse_iso("2026-06-01").unwrap_or(Date::system_today())
}

use crate::clock::Date;

/// Findings of one rule of `pack` over `docs` with `model` and `facts`.
fn run_rule(
    pack: &Pack,
    id: &str,
    docs: &[Document],
    model: &PolicyModel,
    facts: &[&str],
) -> Vec<crate::rules::Finding> {
    let overrides: BTreeMap<String, bool> = facts.iter().map(|f| (f.to_string(), true)).collect();
    let facts = Facts::new(None, &overrides);
    let input = PackInput {
        docs,
        model,
        facts: &facts,
        jurisdictions: None,
        today: today(),
    };
    let mut out = Vec::new();
    let run = |r: &PackRule| {
        (r.id == id).then_some(RuleRun {
            level: r.level,
            max_age: None,
        })
    };
    check_pack(pack, &input, &run, &mut out).unwrap();
    out
}

/// (rule, facts that make it apply, has-it text, lacks-it text)
const CASES: &[(&str, &[&str], &str, &str)] = &[
    // --- gdpr ---
    (
        "gdpr/missing-controller-identity",
        &[],
        "Acme Cloud GmbH (“Acme”, “we”) is the controller of your personal data.",
        BASE,
    ),
    (
        "gdpr/missing-controller-identity",
        &[],
        "ModelDock (“we”, “us”, “our”) operates ModelDock.run.",
        BASE,
    ),
    (
        "gdpr/missing-controller-contact",
        &[],
        "Questions about your data? Write to privacy@acme.example.",
        BASE,
    ),
    (
        "gdpr/missing-dpo-contact",
        &["has_dpo"],
        "You can reach our Data Protection Officer at dpo@acme.example.",
        "Questions? Write to privacy@acme.example.",
    ),
    (
        "gdpr/missing-purposes",
        &[],
        "## How we use your information\n\nWe send login links and service notices to your e-mail address.",
        BASE,
    ),
    (
        "gdpr/missing-legal-basis",
        &[],
        "We process your account data because it is necessary for the performance of our contract with you (Art. 6(1)(b) GDPR).",
        BASE,
    ),
    (
        "gdpr/missing-legitimate-interests",
        &[],
        "We keep server logs based on our legitimate interest in keeping the service secure.",
        "We process usage data for our legitimate interests.",
    ),
    (
        "gdpr/missing-recipients",
        &[],
        "We share personal data only with service providers that host and operate the service for us, such as Hetzner Online GmbH (hosting, Germany).",
        BASE,
    ),
    (
        "gdpr/missing-transfer-disclosure",
        &["has_subprocessors_outside_eea"],
        "Some of our service providers are in the United States; these international transfers rely on the EU-U.S. Data Privacy Framework.",
        BASE,
    ),
    (
        "gdpr/missing-transfer-safeguards",
        &[],
        "When we transfer personal data outside the EEA, we rely on the European Commission's Standard Contractual Clauses; you can ask us for a copy.",
        "Your data may be transferred to third countries.",
    ),
    (
        "gdpr/outdated-transfer-mechanism",
        &[],
        "We no longer rely on the EU-U.S. Privacy Shield, which was invalidated in 2020; transfers now use Standard Contractual Clauses.",
        "Transfers to the United States are covered by our Privacy Shield certification.",
    ),
    (
        "gdpr/missing-retention-period",
        &[],
        "## Data retention\n\nWe delete account data 30 days after you close your account.",
        "We keep your data as long as necessary.",
    ),
    (
        "gdpr/missing-retention-period",
        &[],
        "## Retention\n\n- Account data — until account closure + 90 days\n- Billing — 5 years (legal requirement)",
        BASE,
    ),
    (
        "gdpr/missing-access-right",
        &[],
        "You have the right of access to the personal data we hold about you.",
        BASE,
    ),
    (
        "gdpr/missing-rectification-right",
        &[],
        "You can ask us to rectify inaccurate personal data.",
        BASE,
    ),
    (
        "gdpr/missing-erasure-right",
        &[],
        "You have the right to erasure of your personal data.",
        BASE,
    ),
    (
        "gdpr/missing-restriction-right",
        &[],
        "You may ask us to restrict processing of your data while we check a complaint about its accuracy.",
        BASE,
    ),
    (
        "gdpr/missing-objection-right",
        &[],
        "You have the right to object to processing based on our legitimate interests.",
        BASE,
    ),
    (
        "gdpr/missing-portability-right",
        &[],
        "You can receive your data in a structured, machine-readable format (data portability).",
        BASE,
    ),
    (
        "gdpr/missing-consent-withdrawal",
        &["legal_basis:consent"],
        "You can withdraw your consent at any time in your account settings.",
        "We send the newsletter only to people who signed up for it.",
    ),
    (
        "gdpr/missing-consent-withdrawal",
        &[],
        "We send the newsletter based on your consent, which you can withdraw at any time.",
        "We send the newsletter based on your consent.",
    ),
    (
        "gdpr/missing-complaint-right",
        &[],
        "You may lodge a complaint with your local data protection authority.",
        BASE,
    ),
    (
        "gdpr/missing-statutory-or-contractual-requirement",
        &[],
        "You need to give us your e-mail address to create an account; if you do not provide it, we cannot open an account for you.",
        BASE,
    ),
    (
        "gdpr/missing-automated-decision-information",
        &["automated_decision_making"],
        "We do not make decisions based solely on automated processing.",
        BASE,
    ),
    (
        "gdpr/missing-automated-decision-information",
        &[],
        "We use profiling to recommend articles; you can ask for human review of any recommendation.",
        "We use profiling to recommend articles.",
    ),
    (
        "gdpr/missing-data-categories",
        &["collects_indirectly"],
        "We receive your name and e-mail address from your identity provider.",
        "Your organisation administers your account.",
    ),
    (
        "gdpr/missing-data-source",
        &["collects_indirectly"],
        "We receive your name from your identity provider when you sign in with GitHub.",
        BASE,
    ),
    (
        "gdpr/missing-data-source",
        &[],
        "We receive information about you from your identity provider (Google, GitHub, etc.).",
        "We also receive information about you from third parties.",
    ),
    (
        "gdpr/missing-eu-representative",
        &["established_outside_eea"],
        "Our representative in the European Union under Art. 27 GDPR is Acme EU Rep Ltd, Dublin.",
        BASE,
    ),
    // --- ccpa ---
    (
        "ccpa/missing-categories-collected",
        &[],
        "In the preceding 12 months we collected these categories of personal information: identifiers, such as your name and e-mail address, and internet or other electronic network activity.",
        "We collect identifiers such as your name and e-mail address.",
    ),
    (
        "ccpa/missing-sources",
        &[],
        "We collect personal information directly from you and automatically from your browser.",
        BASE,
    ),
    (
        "ccpa/missing-collection-purposes",
        &[],
        "We use personal information for these business purposes: providing the service, security and billing.",
        BASE,
    ),
    (
        "ccpa/missing-sale-sharing-disclosure",
        &[],
        "We do not sell or share your personal information.",
        BASE,
    ),
    (
        "ccpa/missing-third-party-categories",
        &["sells_or_shares"],
        "We share device identifiers with advertising networks.",
        "We share device identifiers for targeted ads.",
    ),
    (
        "ccpa/missing-sale-sharing-purpose",
        &["sells_or_shares"],
        "We share device identifiers with advertising partners to show you personalized advertising on other sites.",
        "We share device identifiers with our partners.",
    ),
    (
        "ccpa/missing-minors-sale-statement",
        &[],
        "We do not sell or share the personal information of consumers under 16 years of age.",
        BASE,
    ),
    (
        "ccpa/missing-business-purpose-disclosures",
        &[],
        "In the preceding 12 months we disclosed identifiers to service providers for business purposes.",
        "We disclose identifiers to service providers.",
    ),
    (
        "ccpa/missing-recipient-categories",
        &[],
        "We disclose personal information to hosting providers and payment processors.",
        BASE,
    ),
    (
        "ccpa/missing-disclosure-purpose",
        &[],
        "We share your e-mail address with our e-mail provider to deliver transactional messages.",
        BASE,
    ),
    (
        "ccpa/missing-sensitive-pi-statement",
        &[],
        "We do not use or disclose sensitive personal information for purposes other than those permitted by § 7027(m).",
        BASE,
    ),
    (
        "ccpa/missing-retention-periods",
        &[],
        "We retain account information until you delete your account, and for 30 days after that.",
        "We retain your data as long as necessary.",
    ),
    (
        "ccpa/missing-right-to-know",
        &[],
        "You have the right to know what personal information we have collected about you.",
        BASE,
    ),
    (
        "ccpa/missing-right-to-delete",
        &[],
        "You have the right to delete personal information we collected from you.",
        BASE,
    ),
    (
        "ccpa/missing-right-to-correct",
        &[],
        "You have the right to correct inaccurate personal information we maintain about you.",
        BASE,
    ),
    (
        "ccpa/missing-right-to-opt-out",
        &[],
        "You have the right to opt out of the sale or sharing of your personal information.",
        BASE,
    ),
    (
        "ccpa/missing-right-to-limit",
        &[],
        "You have the right to limit the use of your sensitive personal information.",
        BASE,
    ),
    (
        "ccpa/missing-non-discrimination",
        &[],
        "We will not discriminate against you for exercising your privacy rights.",
        BASE,
    ),
    (
        "ccpa/missing-request-methods",
        &[],
        "To exercise your rights, submit a request through our web form or call us toll-free at 1-800-555-0199.",
        "To exercise your rights, send us a request.",
    ),
    (
        "ccpa/missing-do-not-sell-link",
        &["sells_or_shares"],
        "You can opt out at any time with the “Do Not Sell or Share My Personal Information” link in the footer.",
        "You can opt out by contacting us.",
    ),
    (
        "ccpa/missing-limit-link",
        &["uses_sensitive_pi_beyond_permitted"],
        "Use the “Limit the Use of My Sensitive Personal Information” link in the footer.",
        BASE,
    ),
    (
        "ccpa/missing-verification-process",
        &[],
        "We will verify your identity by asking you to confirm the e-mail address on your account.",
        BASE,
    ),
    (
        "ccpa/missing-opt-out-preference-signal",
        &["sells_or_shares"],
        "We treat a Global Privacy Control signal from your browser as a request to opt out of sharing.",
        BASE,
    ),
    (
        "ccpa/missing-authorized-agent",
        &[],
        "An authorized agent may submit a request on your behalf with your signed permission.",
        BASE,
    ),
    (
        "ccpa/missing-last-updated",
        &[],
        "Effective date: March 1, 2026.",
        BASE,
    ),
    (
        "ccpa/missing-contact",
        &[],
        "Questions about this policy? Contact us at privacy@acme.example.",
        BASE,
    ),
    // --- eprivacy ---
    (
        "eprivacy/missing-cookie-disclosure",
        &["has_cookies"],
        "We use cookies to keep you signed in.",
        BASE,
    ),
    (
        "eprivacy/missing-cookie-purpose",
        &[],
        "We use a single session cookie for authentication purposes.",
        "This site sets cookies.",
    ),
    (
        "eprivacy/missing-cookie-duration",
        &[],
        "The session cookie expires when you close your browser; no persistent cookies are set.",
        "This site sets cookies.",
    ),
    (
        "eprivacy/missing-cookie-third-party-access",
        &[],
        "All cookies are first-party cookies set by app.acme.example.",
        "This site sets cookies.",
    ),
    (
        "eprivacy/missing-cookie-names",
        &[],
        "We set these cookies:\n\n| Cookie name | Purpose | Duration |\n| --- | --- | --- |\n| session | keeps you signed in | session |",
        "This site sets cookies.",
    ),
    (
        "eprivacy/missing-cookie-consent-withdrawal",
        &["has_non_essential_cookies"],
        "You can change your cookie preferences at any time with the Cookie settings link in the footer.",
        "We use analytics cookies.",
    ),
    (
        "eprivacy/implied-cookie-consent",
        &[],
        "We ask for your consent in a cookie banner before setting analytics cookies.",
        "By using our website, you agree to our use of cookies.",
    ),
    // --- hygiene ---
    (
        "hygiene/missing-last-updated",
        &[],
        "Last updated: 1 March 2026\n\nWe run a small web service for teams.",
        BASE,
    ),
    (
        "hygiene/missing-last-updated",
        &[],
        "## Changes log\n\n- 2026-04-02 Clarified that workspace data is not used for AI training.",
        BASE,
    ),
    // --- coppa ---
    (
        "coppa/missing-operator-contact",
        &[],
        "Contact the operator, Acme Kids Inc., at 100 Main Street, Springfield, by phone at (555) 010-0199 or by e-mail at kids@acme.example.",
        "Contact us at kids@acme.example.",
    ),
    (
        "coppa/missing-children-data-practices",
        &[],
        "We collect a username and an avatar from children and use them only to run the game.",
        BASE,
    ),
    (
        "coppa/missing-third-party-disclosures",
        &[],
        "We do not disclose children's personal information to third parties.",
        BASE,
    ),
    (
        "coppa/missing-parental-rights",
        &[],
        "Parents can review or delete their child's information and refuse further collection at any time.",
        BASE,
    ),
    (
        "coppa/missing-retention-policy",
        &[],
        "We delete children's information 30 days after the account is closed.",
        BASE,
    ),
];

fn pack_of(id: &str) -> &'static Pack {
    let group = id.split_once('/').map_or(id, |(g, _)| g);
    builtin(group).unwrap().unwrap()
}

#[test]
fn every_text_rule_fires_when_lacking_and_not_when_present() {
    let model = PolicyModel::default();
    let mut failures = Vec::new();
    for (id, facts, has, lacks) in CASES {
        let pack = pack_of(id);
        assert!(pack.rule(id).is_some(), "no rule {id}");
        let got = run_rule(pack, id, &[doc(has)], &model, facts);
        if !got.is_empty() {
            failures.push(format!(
                "{id}: fired on its has-it text {has:?}: {:?}",
                got[0].message
            ));
        }
        let got = run_rule(pack, id, &[doc(lacks)], &model, facts);
        if got.is_empty() {
            failures.push(format!("{id}: silent on its lacks-it text {lacks:?}"));
        } else if !got.iter().all(|f| f.rule == *id) {
            failures.push(format!("{id}: wrong rule in {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn info(path: &str, date: Option<&str>) -> DocumentInfo {
    DocumentInfo {
        path: path.to_string(),
        title: None,
        last_updated: date.map(str::to_string),
        last_updated_evidence: None,
    }
}

fn retention(vague: bool) -> Retention {
    Retention {
        subject: Some("account data".into()),
        days: if vague { None } else { Some(30) },
        after: None,
        bound: crate::model::Bound::AtMost,
        indefinite: false,
        until: None,
        vague,
        // "We keep your data as long as necessary." starts at byte 18 (after
        // "# Privacy Policy\n\n").
        evidence: Evidence {
            path: "privacy.md".into(),
            line: 3,
            column: 1,
            start: 18,
            end: 57,
        },
    }
}

#[test]
fn model_rules_fire_on_the_model_and_stay_quiet_otherwise() {
    let d = doc("We keep your data as long as necessary.");
    let mut has = PolicyModel::default();
    has.documents.push(info("privacy.md", Some("2026-02-01")));
    has.retention.push(retention(false));
    let mut lacks = PolicyModel::default();
    lacks.documents.push(info("privacy.md", None));
    lacks.retention.push(retention(true));
    for id in [
        "hygiene/vague-retention",
        "hygiene/missing-last-updated",
        "ccpa/missing-last-updated",
    ] {
        let pack = pack_of(id);
        assert_eq!(
            run_rule(pack, id, std::slice::from_ref(&d), &has, &[]),
            vec![],
            "{id} on has"
        );
        let got = run_rule(pack, id, std::slice::from_ref(&d), &lacks, &[]);
        assert_eq!(got.len(), 1, "{id} on lacks: {got:?}");
    }
    // The vague retention finding points at its evidence: line 3, column 1.
    let got = run_rule(
        pack_of("hygiene/vague-retention"),
        "hygiene/vague-retention",
        std::slice::from_ref(&d),
        &lacks,
        &[],
    );
    assert_eq!((got[0].location.line, got[0].location.column), (3, 1));
    assert_eq!(got[0].subject, "retention");
}

#[test]
fn freshness_uses_today_and_the_configured_age() {
    let d = doc(BASE);
    let mut m = PolicyModel::default();
    // Today is 2026-06-01: 12 calendar months back is 2025-06-01.
    m.documents.push(info("privacy.md", Some("2025-06-01")));
    for id in ["hygiene/stale-last-updated", "ccpa/stale-last-updated"] {
        assert_eq!(
            run_rule(pack_of(id), id, std::slice::from_ref(&d), &m, &[]),
            vec![],
            "{id}"
        );
    }
    m.documents[0].last_updated = Some("2025-05-31".into());
    let got = run_rule(
        pack_of("hygiene/stale-last-updated"),
        "hygiene/stale-last-updated",
        std::slice::from_ref(&d),
        &m,
        &[],
    );
    assert_eq!(got.len(), 1);
    assert!(
        got[0]
            .message
            .starts_with("Last updated 2025-05-31, more than 12 months ago"),
        "{}",
        got[0].message
    );
    // With max_age 18mo the same date is fresh.
    let pack = pack_of("hygiene/stale-last-updated");
    let facts = Facts::default();
    let input = PackInput {
        docs: std::slice::from_ref(&d),
        model: &m,
        facts: &facts,
        jurisdictions: None,
        today: today(),
    };
    let mut out = Vec::new();
    let run = |r: &PackRule| {
        (r.id == "hygiene/stale-last-updated").then_some(RuleRun {
            level: r.level,
            max_age: Some(crate::clock::Age::Months(18)),
        })
    };
    check_pack(pack, &input, &run, &mut out).unwrap();
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn anti_patterns_point_at_the_wording() {
    let d = doc("Some text.\n\nBy using our website, you agree to our use of cookies.");
    let got = run_rule(
        pack_of("eprivacy/implied-cookie-consent"),
        "eprivacy/implied-cookie-consent",
        &[d],
        &PolicyModel::default(),
        &[],
    );
    assert_eq!(got.len(), 1);
    // Line 5 ("# Privacy Policy", "", "Some text.", "", this), from column 1;
    // "By using our website, you agree" is 31 characters, so it ends before
    // column 32.
    assert_eq!((got[0].location.line, got[0].location.column), (5, 1));
    assert_eq!(got[0].location.end_column, 32);
    assert_eq!(got[0].subject, "by using our website, you agree");
    assert!(
        got[0]
            .message
            .contains("(\"By using our website, you agree\")"),
        "{}",
        got[0].message
    );
    // Outside a cookie context the same wording is not this rule's business.
    let d = doc("By using our website, you agree to our Terms.");
    assert!(
        run_rule(
            pack_of("eprivacy/implied-cookie-consent"),
            "eprivacy/implied-cookie-consent",
            &[d],
            &PolicyModel::default(),
            &[]
        )
        .is_empty()
    );
}

#[test]
fn specificity_looks_for_details_in_the_section_of_the_evidence() {
    let id = "gdpr/missing-retention-period";
    // The period sits in another section: not a detail of this statement.
    let d = doc(
        "## Retention\n\nWe keep your data as long as necessary.\n\n## Security\n\nWe rotate keys every 90 days.",
    );
    let got = run_rule(pack_of(id), id, &[d], &PolicyModel::default(), &[]);
    assert_eq!(got.len(), 1, "{got:?}");
    // Points at the vague wording, line 5 column 19.
    assert_eq!((got[0].location.line, got[0].location.column), (5, 19));
    assert_eq!(
        got[0].label.as_deref(),
        Some("vague: no concrete detail in this section")
    );
    // A subsection of the retention section counts.
    let d = doc(
        "## Retention\n\nWe keep data as long as necessary.\n\n### Logs\n\nLogs are deleted after 14 days.",
    );
    assert!(run_rule(pack_of(id), id, &[d], &PolicyModel::default(), &[]).is_empty());
}

#[test]
fn all_items_need_one_sentence() {
    // "complain" and "supervisory authority" in different sentences do not
    // make the complaint item; the bare term does, on its own pattern.
    let id = "gdpr/missing-complaint-right";
    let d = doc("You can complain to us. Our data protection commitments are strong.");
    assert_eq!(
        run_rule(pack_of(id), id, &[d], &PolicyModel::default(), &[]).len(),
        1
    );
    let d = doc("You can complain to the data protection authority of your country.");
    assert!(run_rule(pack_of(id), id, &[d], &PolicyModel::default(), &[]).is_empty());
}

#[test]
fn unknown_facts_keep_fact_rules_quiet() {
    // has_dpo is unknown without an inventory: the DPO rule does not run.
    let id = "gdpr/missing-dpo-contact";
    assert!(run_rule(pack_of(id), id, &[doc(BASE)], &PolicyModel::default(), &[]).is_empty());
}

#[test]
fn jurisdictions_gate_rules_that_name_them() {
    let p = Pack::parse(
        "p.yaml",
        "pack: uk\nrules:\n  - id: uk/missing-ico\n    level: warning\n    check: presence\n    message: Name the ICO\n    evidence: ['\\bICO\\b']\n    applies_when: { jurisdictions: [uk] }\n".into(),
        PackOrigin::File("p.yaml".into()),
    )
    .unwrap();
    let d = [doc(BASE)];
    let model = PolicyModel::default();
    let facts = Facts::default();
    let count = |js: Option<&[String]>| {
        let input = PackInput {
            docs: &d,
            model: &model,
            facts: &facts,
            jurisdictions: js,
            today: today(),
        };
        let mut out = Vec::new();
        let run = |r: &PackRule| {
            Some(RuleRun {
                level: r.level,
                max_age: None,
            })
        };
        check_pack(&p, &input, &run, &mut out).unwrap();
        out.len()
    };
    assert_eq!(count(Some(&["eu".to_string()])), 0);
    assert_eq!(count(Some(&["uk".to_string()])), 1);
    // Unknown jurisdictions: the pack was chosen on purpose, the rule runs.
    assert_eq!(count(None), 1);
}

#[test]
fn built_in_packs_load_compile_and_are_documented() {
    for name in builtin_names() {
        let p = builtin(name).unwrap().unwrap();
        assert_eq!(p.name, name);
        p.validate().unwrap();
        for r in &p.rules {
            assert_eq!(r.group(), name, "{} is not in group {name}", r.id);
            assert!(r.citation.is_some(), "{} has no citation", r.id);
            assert!(r.help.is_some(), "{} has no help", r.id);
            // Every pattern compiles on its own, too (for locating matches).
        }
        for a in 0..p.atoms.len() {
            assert!(
                p.single(a).is_some(),
                "{name}: {} does not compile alone",
                p.pattern(a)
            );
            assert!(
                !p.pattern(a).contains(".{0,"),
                "{name}: avoid windows, use `all:` ({})",
                p.pattern(a)
            );
        }
    }
}

#[test]
fn bad_regex_and_huge_regex_are_located_errors() {
    let p = Pack::parse(
        "house.yaml",
        "pack: house\nrules:\n  - id: house/x\n    level: warning\n    check: anti_pattern\n    message: m\n    forbidden: ['(unclosed']\n".into(),
        PackOrigin::File("house.yaml".into()),
    )
    .unwrap();
    let e = p.validate().unwrap_err();
    assert_eq!(e.message, "invalid regex");
    assert_eq!(e.location(), Some((7, 17)));
    let p = Pack::parse(
        "house.yaml",
        "pack: house\nrules:\n  - id: house/x\n    level: warning\n    check: anti_pattern\n    message: m\n    forbidden: ['(?u:\\w{1000}){1000}']\n".into(),
        PackOrigin::File("house.yaml".into()),
    )
    .unwrap();
    let e = p.validate().unwrap_err();
    assert!(e.message.contains("too large"), "{e}");
    assert_eq!(e.location(), Some((7, 17)));
}

#[test]
fn document_scope_checks_each_file_and_reads_front_matter() {
    let id = "hygiene/missing-last-updated";
    let fm = Document::parse(
        "privacy.md",
        "---\ntitle: Privacy\nlast_updated: 2026-09-01\n---\n\n# Privacy Policy\n\nWe run a small web service.\n".to_string(),
        SourceKind::Markdown,
    );
    let undated = Document::parse(
        "subprocessors.md",
        "# Subprocessors\n\n| Name | Purpose |\n| --- | --- |\n| Hetzner | hosting |\n".to_string(),
        SourceKind::Markdown,
    );
    let got = run_rule(
        pack_of(id),
        id,
        &[fm, undated],
        &PolicyModel::default(),
        &[],
    );
    // Only the list without a date, at its heading (line 1).
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].location.path, "subprocessors.md");
    assert_eq!((got[0].location.line, got[0].location.column), (1, 1));
}

#[test]
fn the_matcher_agrees_with_a_regex_set_on_real_policies() {
    // Every built-in pack over every line of the corpus, the seeds and the
    // example (and texts in upper case, non-ASCII, empty): the same
    // patterns match as with regex::RegexSet, with the automata build.rs
    // compiled (what `matcher()` gives a built-in pack) and with those
    // built at run time (what a pack file gets).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts = String::from(
        "WE DO NOT SELL YOUR PERSONAL INFORMATION. RETENTION: 30 DAYS.\n\
         Données personnelles — we keep café logs for 2 years; contact dpo@example.com\n",
    );
    for dir in ["corpus", "seeds", "example"] {
        for e in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let e = e.unwrap();
            if e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "txt")
            {
                texts.push_str(&std::fs::read_to_string(e.path()).unwrap());
                texts.push('\n');
            }
        }
    }
    assert!(texts.len() > 500_000, "fixtures missing: {}", texts.len());
    let mut found = 0;
    for name in builtin_names() {
        let p = builtin(name).unwrap().unwrap();
        let pats: Vec<&str> = (0..p.atoms.len()).map(|a| p.pattern(a)).collect();
        let embedded = p.matcher().unwrap();
        let built = super::matcher::Matcher::new(&pats).unwrap();
        let caches = (
            std::cell::RefCell::new(embedded.caches()),
            std::cell::RefCell::new(built.caches()),
        );
        let mut rs = regex::bytes::RegexSetBuilder::new(&pats);
        rs.unicode(false).size_limit(64 << 20);
        let rs = rs.build().unwrap();
        for line in texts.lines().chain([""]) {
            let want: Vec<usize> = rs.matches(line.as_bytes()).iter().collect();
            for (m, cache, which) in [
                (embedded, &caches.0, "compiled by build.rs"),
                (&built, &caches.1, "built at run time"),
            ] {
                let mut got = m.matches(line.as_bytes(), cache);
                got.sort_unstable();
                assert_eq!(got, want, "{name}, {which}: {line}");
            }
            found += want.len();
        }
    }
    // Not a comparison of empty answers.
    assert!(found > 2000, "{found} matches");
}
