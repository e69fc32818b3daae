//! Extraction of rights, claims, contacts, children, response time, last
//! updated and title. Sentences are quoted verbatim from the corpus and the
//! seeds (file named at each test); expected values were derived by hand
//! from the text. Evidence spans are checked against the original text.

use candor::document::Document;
use candor::extract::extract;
use candor::model::{Evidence, PolicyModel};

mod common;
use common::{fixture as parse_path, md, txt};

/// The original text an evidence points at.
fn ev<'a>(doc: &'a Document, e: &Evidence) -> &'a str {
    &doc.text[e.start..e.end]
}

/// (right, evidence text) pairs.
fn rights<'a>(doc: &'a Document, m: &PolicyModel) -> Vec<(String, &'a str)> {
    m.rights
        .iter()
        .map(|r| (r.right.clone(), ev(doc, &r.evidence)))
        .collect()
}

/// `text` under a "Your rights" heading grants no right.
fn assert_no_right_under_rights_heading(text: &str) {
    let doc = md(&format!("# Your rights\n\n{text}\n"));
    let m = extract(&doc);
    assert!(m.rights.is_empty(), "{text:?} → {:?}", rights(&doc, &m));
}

fn right_set(m: &PolicyModel) -> Vec<&str> {
    let mut v: Vec<&str> = m.rights.iter().map(|r| r.right.as_str()).collect();
    v.sort();
    v.dedup();
    v
}

/// (claim, scope, evidence text) triples.
fn claims<'a>(doc: &'a Document, m: &PolicyModel) -> Vec<(String, Option<String>, &'a str)> {
    m.claims
        .iter()
        .map(|c| (c.claim.clone(), c.scope.clone(), ev(doc, &c.evidence)))
        .collect()
}

fn claim(
    c: &str,
    scope: Option<&str>,
    evidence: &'static str,
) -> (String, Option<String>, &'static str) {
    (c.to_string(), scope.map(str::to_string), evidence)
}

fn contacts<'a>(doc: &'a Document, m: &PolicyModel) -> Vec<(String, String, &'a str)> {
    m.contacts
        .iter()
        .map(|c| (c.role.clone(), c.email.clone(), ev(doc, &c.evidence)))
        .collect()
}

// ---------------------------------------------------------------------------
// last_updated and title

#[test]
fn glued_change_log_date_is_the_last_update() {
    // seeds/dunops-privacy.txt has no "Last updated" line; its "Changes log"
    // entries glue the date to the text: "- 2026-04-02Clarified that …".
    let doc = parse_path("seeds/dunops-privacy.txt");
    let m = extract(&doc);
    let info = &m.documents[0];
    assert_eq!(info.last_updated.as_deref(), Some("2026-04-02"));
    let e = info.last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "2026-04-02");
    assert_eq!(e.line, 21);
    // The breadcrumb line "Privacy" above the page title is not the title.
    assert_eq!(info.title.as_deref(), Some("Privacy Policy"));
}

#[test]
fn month_precision_last_updated() {
    // seeds/modeldock-privacy.txt: "Last updated: February 2026"
    let doc = parse_path("seeds/modeldock-privacy.txt");
    let m = extract(&doc);
    let info = &m.documents[0];
    assert_eq!(info.last_updated.as_deref(), Some("2026-02-01"));
    let e = info.last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Last updated: February 2026");
    assert_eq!((e.line, e.column), (3, 1));
}

#[test]
fn iso_last_updated_and_breadcrumb_title() {
    // seeds/monitoring-saas-privacy.txt starts "Legal\n\nPrivacy Policy\n…
    // Last updated: 2026-05-15".
    let doc = parse_path("seeds/monitoring-saas-privacy.txt");
    let m = extract(&doc);
    assert_eq!(m.documents[0].title.as_deref(), Some("Privacy Policy"));
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2026-05-15"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Last updated: 2026-05-15");
}

#[test]
fn front_matter_lastmod() {
    // letsencrypt/privacy-policy.md: front matter "lastmod: 2026-07-06".
    let doc = parse_path("corpus/letsencrypt/privacy-policy.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2026-07-06"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "2026-07-06");
    assert_eq!(e.line, 4);
}

#[test]
fn abbreviated_month_in_body() {
    // sage-bionetworks/privacy.md: "Last updated: Nov 15, 2024"; the title is
    // the leading line "Sage Bionetworks Privacy Policy", not the first
    // level-1 heading "Personal Information We Collect".
    let doc = parse_path("corpus/sage-bionetworks/privacy.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2024-11-15"));
    assert_eq!(
        m.documents[0].title.as_deref(),
        Some("Sage Bionetworks Privacy Policy")
    );
}

#[test]
fn effective_date_statements() {
    // github/privacy-statement.md: "Effective date: February 1, 2024"
    let doc = parse_path("corpus/github/privacy-statement.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2024-02-01"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Effective date: February 1, 2024");
    // privacyguides/privacy-policy.md: "This version of Privacy Guides'
    // privacy notice took effect on September 24, 2025."
    let doc = parse_path("corpus/privacyguides/privacy-policy.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2025-09-24"));
    // maragudk/privacy.md: "*This page was last updated on the 14th of October 2019.*"
    let doc = parse_path("corpus/maragudk/privacy.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2019-10-14"));
}

#[test]
fn last_updated_beats_effective_and_newest_wins() {
    let doc = md(
        "# Privacy Policy\n\nEffective date: March 3, 2026\n\nLast updated: Feb. 1, 2026\n\nPreviously updated: 15 May 2025\n",
    );
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2026-02-01"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Last updated: Feb. 1, 2026");
}

#[test]
fn effective_date_of_a_law_is_not_the_policy_date() {
    let doc = md("# Privacy Policy\n\nWe follow the GDPR, effective May 25, 2018, everywhere.\n");
    assert_eq!(extract(&doc).documents[0].last_updated, None);
}

#[test]
fn template_placeholders_are_not_dates() {
    let doc = md(
        "---\ntitle: Privacy\ndate: \"{{ page.date }}\"\n---\n\nLast updated: {{ page.last_modified_at }}\n\nWe collect your email.\n",
    );
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated, None);
    assert_eq!(m.documents[0].title.as_deref(), Some("Privacy"));
}

#[test]
fn govuk_template_date_and_contacts_inside_html() {
    // govuk-notify/privacy-notice.html: a Jinja template whose date is an
    // argument of `content_metadata` (lines 14-18) and whose body is HTML
    // indented four spaces after blank lines.
    let doc = parse_path("corpus/govuk-notify/privacy-notice.html");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2025-06-02"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Last updated\": \"02 June 2025");
    assert_eq!(e.line, 16);
    // Lines 139 and 146; the ICO's complaint address (line 153) is the
    // regulator's, not GDS's.
    let got = contacts(&doc, &m);
    assert_eq!(
        got,
        [
            (
                "privacy".to_string(),
                "gds-data-protection@digital.cabinet-office.gov.uk".to_string(),
                "gds-data-protection@digital.cabinet-office.gov.uk"
            ),
            (
                "dpo".to_string(),
                "dataprotection@dsit.gov.uk".to_string(),
                "dataprotection@dsit.gov.uk"
            ),
        ]
    );
    assert_eq!(m.children.as_ref().map(|c| c.minimum_age), Some(13));
    // Line 65: "We’ll keep your personal data for as long as you have a
    // GOV.UK Notify account."
    assert!(
        m.retention
            .iter()
            .any(|r| r.indefinite && r.evidence.line == 65),
        "{:?}",
        m.retention
    );
}

#[test]
fn a_labelled_date_in_the_front_matter_description() {
    // activist/privacy-policy.md lines 1-3.
    let doc = parse_path("corpus/activist/privacy-policy.md");
    let m = extract(&doc);
    assert_eq!(m.documents[0].last_updated.as_deref(), Some("2025-01-15"));
    let e = m.documents[0].last_updated_evidence.as_ref().unwrap();
    assert_eq!(ev(&doc, e), "Effective Date: 15.01.2025");
    // An unlabelled date in a description is not the policy's date.
    let doc = md("---\ndescription: Our promises since 2019-05-01\n---\n\n# Privacy\n");
    assert_eq!(extract(&doc).documents[0].last_updated, None);
}

#[test]
fn a_regulators_address_is_not_a_privacy_contact() {
    let doc = md(concat!(
        "## Complaints\n\n",
        "Write to our privacy team at privacy@acme.example. You can also contact the Information Commissioner’s Office at casework@ico.org.uk.\n",
    ));
    let m = extract(&doc);
    let emails: Vec<String> = m.contacts.iter().map(|c| c.email.clone()).collect();
    assert_eq!(emails, ["privacy@acme.example"]);
}

// ---------------------------------------------------------------------------
// rights

#[test]
fn rights_from_prose_with_coordinated_verbs() {
    // seeds/dunops-privacy.txt, L13: "You can ask to see, fix, export, or
    // delete your data. We'll respond within 30 days."
    let doc = txt(
        "You can ask to see, fix, export, or delete your data. We'll respond within 30 days.\n",
    );
    let m = extract(&doc);
    assert_eq!(
        rights(&doc, &m),
        vec![
            ("access".to_string(), "see"),
            ("rectification".to_string(), "fix"),
            ("portability".to_string(), "export"),
            ("erasure".to_string(), "delete"),
        ]
    );
    assert_eq!(m.response_days, Some(30));
}

#[test]
fn rights_of_the_dunops_seed() {
    let doc = parse_path("seeds/dunops-privacy.txt");
    let m = extract(&doc);
    assert_eq!(
        right_set(&m),
        vec!["access", "erasure", "portability", "rectification"]
    );
    // L12: "You may request account deletion at any time — …"
    let deletion = m
        .rights
        .iter()
        .find(|r| r.evidence.line == 12)
        .expect("L12 right");
    assert_eq!(deletion.right, "erasure");
    assert_eq!(ev(&doc, &deletion.evidence), "deletion");
    assert_eq!(m.response_days, Some(30));
}

#[test]
fn rights_from_a_labelled_list() {
    // seeds/modeldock-privacy.txt, "7. Your Rights":
    //   • Access — Request a copy of the data we hold about you
    //   • Correction — Update or correct your account information
    //   • Deletion — Delete your account and all associated data
    //   • Export — Download your project configurations and run history
    let doc = parse_path("seeds/modeldock-privacy.txt");
    let m = extract(&doc);
    assert_eq!(
        right_set(&m),
        vec!["access", "erasure", "portability", "rectification"]
    );
    let labels: Vec<(String, &str)> = rights(&doc, &m)
        .into_iter()
        .filter(|(_, e)| e.chars().next().is_some_and(char::is_uppercase))
        .collect();
    assert_eq!(
        labels,
        vec![
            ("access".to_string(), "Access"),
            ("rectification".to_string(), "Correction"),
            ("erasure".to_string(), "Deletion"),
            ("portability".to_string(), "Export"),
        ]
    );
}

#[test]
fn rights_of_the_monitoring_seed() {
    // "Objection to processing — email [email protected]" among others.
    let doc = parse_path("seeds/monitoring-saas-privacy.txt");
    let m = extract(&doc);
    assert_eq!(
        right_set(&m),
        vec![
            "access",
            "erasure",
            "objection",
            "portability",
            "rectification"
        ]
    );
    let objection = m.rights.iter().find(|r| r.right == "objection").unwrap();
    assert_eq!(ev(&doc, &objection.evidence), "Objection to processing");
}

#[test]
fn gdpr_and_ccpa_rights_sections() {
    // basecamp/privacy-policy.md, "Your rights with respect to your information".
    let doc = parse_path("corpus/basecamp/privacy-policy.md");
    let m = extract(&doc);
    assert_eq!(
        right_set(&m),
        vec![
            "access",
            "automated_decision",
            "complaint",
            "erasure",
            "non_discrimination",
            "objection",
            "opt_out_sale",
            "portability",
            "rectification",
            "restriction",
        ]
    );
    // "Right to Restrict Processing. This is your right to request
    // restriction of how and why your personal information is used or
    // processed, including opting out of sale of your personal information."
    let r = rights(&doc, &m);
    assert!(r.contains(&(
        "opt_out_sale".to_string(),
        "opting out of sale of your personal information"
    )));
    assert!(r.contains(&("complaint".to_string(), "lodge a complaint")));
    // "(Again: we never have and never will sell your personal data.)" is a
    // claim, not a right.
    assert!(m.claims.iter().any(|c| c.claim == "no_sale"));
}

#[test]
fn letsencrypt_rights_list() {
    // letsencrypt/privacy-policy.md, under "What rights do European Economic
    // Area … have under GDPR, and how can I exercise them?":
    //   - Request that your information be corrected or deleted by contacting
    //     us at privacy@abetterinternet.org.
    //   - Complain to a regulator. …
    let doc = parse_path("corpus/letsencrypt/privacy-policy.md");
    let m = extract(&doc);
    assert_eq!(
        right_set(&m),
        vec![
            "access",
            "complaint",
            "erasure",
            "objection",
            "portability",
            "rectification",
            "withdraw_consent",
        ]
    );
    let r = rights(&doc, &m);
    assert!(r.contains(&("rectification".to_string(), "corrected")));
    assert!(r.contains(&("erasure".to_string(), "deleted")));
    assert!(r.contains(&("portability".to_string(), "structured, commonly used")));
}

#[test]
fn ccpa_phrases() {
    let doc = md("## Your California privacy rights\n\n\
        You have the right to opt out of the sale of your personal information. \
        You may limit the use of sensitive personal information. \
        We will not discriminate against you for exercising your rights. \
        You have the right not to be subject to automated decision-making.\n");
    let m = extract(&doc);
    assert_eq!(
        rights(&doc, &m),
        vec![
            (
                "opt_out_sale".to_string(),
                "right to opt out of the sale of your personal information"
            ),
            (
                "limit_sensitive".to_string(),
                "limit the use of sensitive personal information"
            ),
            ("non_discrimination".to_string(), "not discriminate"),
            (
                "automated_decision".to_string(),
                "automated decision-making"
            ),
        ]
    );
    // Opting out of the sale is a right, never a no_sale claim.
    assert!(m.claims.is_empty());
}

#[test]
fn retention_and_other_actors_are_not_rights() {
    for text in [
        "We delete logs after 30 days.",
        // basecamp/privacy-policy.md
        "If you delete your account, we’ll delete the content within 60 days.",
        // github/legal-requests-of-user-data.md
        "GitHub reserves the right to object to any requests for non-public information.",
        // mozilla/firefox-privacy-notice.md
        "You can update your data collection settings for Desktop and Mobile at any time.",
        // mozilla/focus-privacy-notice.md
        "You can see more detail about the information we collect for Focus on Android.",
        // sage-bionetworks/privacy.md
        "If you wish to validate your user account to be eligible to request access to certain functions, we may ask for documentation.",
        // github/privacy-statement.md
        "You may be able to delete cookie data.",
        "You cannot delete your data.",
        "We do not use automated decision-making.",
    ] {
        assert_no_right_under_rights_heading(text);
    }
}

#[test]
fn lead_in_list_of_rights() {
    let doc = md(
        "## Data\n\nYou have the right to:\n\n- access your personal data\n- have it corrected\n- ask us to delete it\n\nWe delete it after a year.\n",
    );
    let m = extract(&doc);
    assert_eq!(
        rights(&doc, &m),
        vec![
            ("access".to_string(), "access"),
            ("rectification".to_string(), "corrected"),
            ("erasure".to_string(), "delete"),
        ]
    );
}

#[test]
fn lead_in_list_of_bare_nouns_and_that_clauses() {
    // govuk-notify/privacy-notice.html, lines 101-115 (the HTML list as
    // Markdown): the items are noun phrases and that-clauses completing
    // "You have the right to request:" / "You can also:". By hand: the
    // information about processing and a copy are access (GDPR Art. 15),
    // the machine-readable format is portability, "corrected" is
    // rectification, then objection, erasure and restriction.
    let doc = md(concat!(
        "## What are your rights\n\n",
        "You have the right to request:\n\n",
        "- information about how your personal data is processed\n",
        "- a copy of that personal data – this copy will be provided in a structured, commonly used and machine-readable format\n",
        "- that anything inaccurate in your personal data is corrected immediately\n\n",
        "You can also:\n\n",
        "- raise an objection about how your personal data is processed\n",
        "- request that your personal data is erased if there is no longer a justification for it\n",
        "- ask that the processing of your personal data is restricted in certain circumstances\n",
    ));
    let m = extract(&doc);
    assert_eq!(
        rights(&doc, &m),
        vec![
            (
                "access".to_string(),
                "information about how your personal data is processed"
            ),
            ("access".to_string(), "a copy of that personal data"),
            ("portability".to_string(), "structured, commonly used"),
            ("portability".to_string(), "machine-readable format"),
            ("rectification".to_string(), "corrected"),
            ("objection".to_string(), "objection"),
            ("erasure".to_string(), "erased"),
            ("restriction".to_string(), "restricted"),
        ]
    );
    // The same as the real file (its six rights, from the HTML list).
    let real = parse_path("corpus/govuk-notify/privacy-notice.html");
    assert_eq!(
        right_set(&extract(&real)),
        vec![
            "access",
            "erasure",
            "objection",
            "portability",
            "rectification",
            "restriction"
        ]
    );
    // The same phrases in prose after a request cue; not after other verbs,
    // and a that-clause whose subject is not the reader's data grants nothing.
    let doc = md(
        "# Privacy\n\nYou have the right to request information about how your personal data is processed.\n",
    );
    assert_eq!(right_set(&extract(&doc)), vec!["access"]);
    for text in [
        "You can find information about how your personal data is processed below.",
        "We confirm that anything inaccurate in your personal data is corrected immediately.",
        "You have the right to request:\n\n- that every member of our team is updated on the outcome",
    ] {
        assert_no_right_under_rights_heading(text);
    }
}

#[test]
fn whereby_modify_and_restriction_of_our_processing() {
    // whereby/privacy-policy.md line 148: "modify" coordinates "access" and
    // "export" with their object (by hand: access, rectification,
    // portability); line 155: "restriction of our processing" is the
    // restriction right next to the objection.
    let doc = md(concat!(
        "## Managing your personal information\n\n",
        "If you have a Whereby account, you can access, modify or export your personal information, or delete your account in [Settings](https://whereby.com/user/profile).\n\n",
        "## Your rights\n\n",
        "As an individual you are granted rights according to the applicable data protection law:\n",
        "* The right to object to and restriction of our processing of your personal data\n",
    ));
    let m = extract(&doc);
    let got = rights(&doc, &m);
    for want in [
        ("access".to_string(), "access"),
        ("rectification".to_string(), "modify"),
        ("portability".to_string(), "export"),
        ("objection".to_string(), "object"),
        ("restriction".to_string(), "restriction of our processing"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // "modify" needs the reader's data as its object like "update" does.
    let doc = md("# Your rights\n\nYou can modify your cookie settings at any time.\n");
    assert!(extract(&doc).rights.is_empty());
}

#[test]
fn cookie_preferences_withdraw_consent() {
    // github/cookies.md: "You can change your preference about non-essential
    // cookies at any time by following these instructions."
    let doc = parse_path("corpus/github/cookies.md");
    let m = extract(&doc);
    assert_eq!(
        rights(&doc, &m),
        vec![(
            "withdraw_consent".to_string(),
            "change your preference about non-essential cookies"
        )]
    );
}

// ---------------------------------------------------------------------------
// claims

#[test]
fn scoped_claims_of_the_monitoring_seed() {
    let doc = parse_path("seeds/monitoring-saas-privacy.txt");
    let m = extract(&doc);
    let site = "Self-hosted analytics (Plausible-compatible): URL, referrer, aggregation by country — no cookies, no cross-site tracking";
    let usage = "We do not use your metrics or metadata for advertising, ML models, or sale to third parties.";
    assert_eq!(
        claims(&doc, &m),
        vec![
            claim(
                "no_cookies",
                Some("Self-hosted analytics (Plausible-compatible)"),
                site
            ),
            claim(
                "no_cross_site_tracking",
                Some("Self-hosted analytics (Plausible-compatible)"),
                site
            ),
            claim("no_ai_training", Some("metrics or metadata"), usage),
            claim("no_sale", Some("metrics or metadata"), usage),
            claim(
                "no_sharing_for_advertising",
                Some("metrics or metadata"),
                usage
            ),
            claim(
                "no_cookies",
                Some("marketing site"),
                "On the marketing site — no cookies at all."
            ),
        ]
    );
}

#[test]
fn claims_of_the_modeldock_seed() {
    let doc = parse_path("seeds/modeldock-privacy.txt");
    let m = extract(&doc);
    let umami = "Umami is privacy-focused: it does not use cookies, does not track across websites, and does not collect personal information.";
    let sale = "We do not sell, rent, or share your personal information with third parties for marketing purposes.";
    let cookies = "We do not use tracking cookies, advertising cookies, or third-party cookies.";
    assert_eq!(
        claims(&doc, &m),
        vec![
            claim("no_cookies", Some("Umami"), umami),
            claim("no_cross_site_tracking", Some("Umami"), umami),
            claim("no_sale", None, sale),
            claim("no_sharing_for_advertising", None, sale),
            claim(
                "no_third_party_analytics",
                None,
                "We do not use Google Analytics, Facebook Pixel, or any other third-party tracking services."
            ),
            claim("no_third_party_cookies", None, cookies),
            claim("no_tracking_cookies", None, cookies),
            claim(
                "no_cookies",
                Some("analytics solution (Umami)"),
                "Our analytics solution (Umami) is cookie-free."
            ),
        ]
    );
    // "We use a single session cookie for authentication purposes." is no claim.
    assert!(
        !claims(&doc, &m)
            .iter()
            .any(|(_, _, e)| e.contains("single session"))
    );
}

#[test]
fn ai_training_claims_and_object_scope() {
    let doc = parse_path("seeds/dunops-privacy.txt");
    let m = extract(&doc);
    let c = claims(&doc, &m);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].0, "no_ai_training");
    assert_eq!(c[0].1.as_deref(), Some("workspace data"));
    assert!(
        c[0].2
            .starts_with("We do not use your workspace data to train AI models — ")
    );
    // The change log: "2026-04-02Clarified that workspace data is not used
    // for AI model training."
    assert_eq!(
        c[1],
        claim(
            "no_ai_training",
            Some("workspace data"),
            "2026-04-02Clarified that workspace data is not used for AI model training."
        )
    );
}

#[test]
fn unscoped_claims_of_the_corpus() {
    // sage-bionetworks/privacy.md
    let doc = parse_path("corpus/sage-bionetworks/privacy.md");
    let m = extract(&doc);
    let c = claims(&doc, &m);
    assert!(c.contains(&claim(
        "no_cross_site_tracking",
        None,
        "We do not track your browsing activities on other websites or services."
    )));
    assert!(c.contains(&claim(
        "no_sale",
        None,
        "We do not sell or rent your Personal Information."
    )));
    assert!(c.contains(&claim(
        "no_sharing_for_advertising",
        None,
        "We do not use your Personal Information for advertising."
    )));
    // namesake/privacy.md: first-party cookies are not claimed away, so the
    // sentence is a third-party-cookie claim only.
    let doc = parse_path("corpus/namesake/privacy.md");
    let m = extract(&doc);
    let cookie_claims: Vec<_> = claims(&doc, &m)
        .into_iter()
        .filter(|(c, _, _)| c.contains("cookie"))
        .collect();
    assert_eq!(
        cookie_claims,
        vec![claim(
            "no_third_party_cookies",
            None,
            "Namesake does not use any persistent first-party cookies or third-party cookies to store preferences."
        )]
    );
}

#[test]
fn things_that_are_not_claims() {
    for text in [
        "We may sell your personal information to our partners.",
        "Some third parties may use cookies.",
        "You can opt out of the sale of your personal information.",
        "If you do not accept cookies, some features will not work.",
        "We use a minimum of cookies.",
        // mozilla/firefox-privacy-notice.md
        "GPC operates as a “Do Not Sell” mechanism in some US states such as California, Colorado and Connecticut.",
        "Do Not Sell or Share My Personal Information",
        // letsencrypt/privacy-policy.md: the organisation's own mailings
        "We will not use your contact information for marketing or promotional purposes without your consent.",
        "We do not set cookies without your consent.",
        "We do not use cookies except those strictly necessary to run the service.",
        "We cannot guarantee that our partners do not sell data.",
        "We do not sell ads on our website.",
        "We do not respond to Do Not Track signals.",
        "We do not share information with partners that sell data for advertising.",
    ] {
        let doc = md(&format!("# Privacy\n\n{text}\n"));
        let m = extract(&doc);
        assert!(m.claims.is_empty(), "{text:?} → {:?}", claims(&doc, &m));
    }
}

#[test]
fn sell_rent_or_share_for_marketing_is_two_claims() {
    let doc = md("We never sell your data, and we do not share it with advertisers.\n");
    let m = extract(&doc);
    let c: Vec<(String, Option<String>)> = m
        .claims
        .iter()
        .map(|c| (c.claim.clone(), c.scope.clone()))
        .collect();
    assert_eq!(
        c,
        vec![
            ("no_sale".to_string(), None),
            ("no_sharing_for_advertising".to_string(), None),
        ]
    );
}

// ---------------------------------------------------------------------------
// contacts

#[test]
fn obfuscated_address_is_not_a_contact() {
    // seeds/monitoring-saas-privacy.txt, L72: "DPO / privacy inquiries —
    // [email protected]." (Cloudflare e-mail protection remnant)
    let doc = parse_path("seeds/monitoring-saas-privacy.txt");
    assert!(extract(&doc).contacts.is_empty());
}

#[test]
fn privacy_contact_with_evidence() {
    // seeds/modeldock-privacy.txt, L84: "For questions about this Privacy
    // Policy or your data, contact us at admin@modeldock.run."
    let doc = parse_path("seeds/modeldock-privacy.txt");
    let m = extract(&doc);
    assert_eq!(
        contacts(&doc, &m),
        vec![(
            "privacy".to_string(),
            "admin@modeldock.run".to_string(),
            "admin@modeldock.run"
        )]
    );
    assert_eq!(m.contacts[0].evidence.line, 84);
}

#[test]
fn mailto_destination_differs_from_link_text() {
    // sage-bionetworks/privacy.md: "[privacyofficer@sagebionetworks.org]
    // (mailto:privacyofficer@sagebase.org)"; info@sagebase.org is given for
    // the Customer Support Team and is not a privacy contact.
    let doc = parse_path("corpus/sage-bionetworks/privacy.md");
    let m = extract(&doc);
    let c = contacts(&doc, &m);
    let emails: Vec<&str> = c.iter().map(|(_, e, _)| e.as_str()).collect();
    assert_eq!(
        emails,
        vec![
            "privacyofficer@sagebionetworks.org",
            "privacyofficer@sagebase.org"
        ]
    );
    assert_eq!(c[1].2, "privacyofficer@sagebase.org");
}

#[test]
fn dpo_role_per_address() {
    // whereby/gdpr.md: "If you have any questions or concerns or would like
    // to give us feedback, please contact privacy@whereby.com or DPO@whereby.com"
    let doc = md(
        "If you have any questions or concerns or would like to give us feedback, please contact privacy@whereby.com or DPO@whereby.com\n\nOur data protection officer can be reached at officer@x.org.\n\nFor press inquiries write to press@x.org.\n",
    );
    let m = extract(&doc);
    assert_eq!(
        contacts(&doc, &m),
        vec![
            (
                "privacy".to_string(),
                "privacy@whereby.com".to_string(),
                "privacy@whereby.com"
            ),
            (
                "dpo".to_string(),
                "DPO@whereby.com".to_string(),
                "DPO@whereby.com"
            ),
            (
                "dpo".to_string(),
                "officer@x.org".to_string(),
                "officer@x.org"
            ),
        ]
    );
}

#[test]
fn autolinked_contact() {
    // github/subprocessors.md: "If you have questions about this list, please
    // contact us at <privacy@github.com>."
    let doc = parse_path("corpus/github/subprocessors.md");
    let m = extract(&doc);
    assert_eq!(
        contacts(&doc, &m),
        vec![(
            "privacy".to_string(),
            "privacy@github.com".to_string(),
            "privacy@github.com"
        )]
    );
}

// ---------------------------------------------------------------------------
// children and response time

#[test]
fn children_minimum_age() {
    // seeds/monitoring-saas-privacy.txt: "The Service is not intended for
    // individuals under 16 years of age."
    let doc = parse_path("seeds/monitoring-saas-privacy.txt");
    let m = extract(&doc);
    let c = m.children.as_ref().unwrap();
    assert_eq!(c.minimum_age, 16);
    assert_eq!(ev(&doc, &c.evidence), "under 16 years of age");
    // sage-bionetworks/privacy.md: "We do not knowingly collect, maintain, or
    // use Personal Information from those under 18 years of age, …"
    let doc = parse_path("corpus/sage-bionetworks/privacy.md");
    assert_eq!(extract(&doc).children.map(|c| c.minimum_age), Some(18));
    for (text, age) in [
        (
            "You must be at least 16 years old to use the Service.",
            Some(16),
        ),
        (
            "Our services are not directed to children under the age of 13.",
            Some(13),
        ),
        // whereby/privacy-policy.md
        (
            "Whereby is only for people 16 years old and over.",
            Some(16),
        ),
        (
            "We do not sell the personal information of consumers under 16.",
            None,
        ),
        ("Logs are kept for under 30 days.", None),
    ] {
        let doc = md(&format!("# Privacy\n\n{text}\n"));
        assert_eq!(
            extract(&doc).children.map(|c| c.minimum_age),
            age,
            "{text:?}"
        );
    }
}

#[test]
fn response_days() {
    for (text, days) in [
        (
            "We will respond to your request within one month.",
            Some(30),
        ),
        (
            "We will respond to verifiable consumer requests within 45 days.",
            Some(45),
        ),
        // github/privacy-statement.md
        (
            "We commit to responding to your request within 45 days. In complex cases, we may extend our response time by an additional 45 days.",
            Some(45),
        ),
        ("We delete your logs within 30 days.", None),
        ("We will acknowledge your request within 10 days.", None),
        (
            "We process your request and delete your data within 30 days.",
            None,
        ),
    ] {
        let doc = md(&format!("# Your rights\n\n{text}\n"));
        assert_eq!(extract(&doc).response_days, days, "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// robustness

#[test]
fn odd_input_does_not_panic() {
    let inputs = [
        "",
        "é",
        "Last updated: 2026-",
        "Last updated:\u{a0}May\u{a0}5,\u{a0}2026 — you can ask to delete é your data\u{a0}",
        "You have the right to\u{a0}access é",
        "We do not sell 🙂 your data; no cookies — 👍",
        "contact: a@b.c, @x, x@, [email\u{a0}protected], é@é.é, privacy@exämple.com",
        "Not intended for children under 9999 years.",
        "2026-13-45Clarified; 31 Feb 2026; Feb. 30, 2026",
        "- \n- —\n- : \n",
        "It does not use cookies.",
        "it",
        "We do not",
    ];
    for t in inputs {
        let _ = extract(&md(t));
        let _ = extract(&txt(t));
    }
    // A large, repetitive document stays linear.
    let big =
        "You can ask to see, fix, export, or delete your data. We do not sell your data. \n\n"
            .repeat(2000);
    let m = extract(&md(&big));
    assert_eq!(m.claims.len(), 2000);
}
