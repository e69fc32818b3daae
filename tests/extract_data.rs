//! Data-category extraction on real text: prose under collection headings,
//! bullet lists under flat plain-text headings, "Label: values" items,
//! CCPA category tables, cookie tables, and text that mentions data without
//! collecting it. Expected categories were read off the sentences by hand.

use std::collections::BTreeSet;

mod common;
use common::{fixture, md, txt};

use candor::document::Document;
use candor::model::DataCollected;

fn data(doc: &Document) -> Vec<DataCollected> {
    candor::extract::extract(doc).data_collected
}

/// (category, phrase, original text of the evidence)
fn found(doc: &Document) -> Vec<(String, String, String)> {
    data(doc)
        .into_iter()
        .map(|d| {
            let ev = doc.text[d.evidence.start..d.evidence.end].to_string();
            (d.category.to_string(), d.phrase, ev)
        })
        .collect()
}

fn categories(doc: &Document) -> BTreeSet<String> {
    data(doc)
        .into_iter()
        .map(|d| d.category.to_string())
        .collect()
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn prose_under_a_collection_heading() {
    // fixtures/corpus/basecamp/privacy-policy.md, lines 39–47.
    let doc = md("## What we collect and why

### Identity and access

When you sign up for a 37signals product, we ask for identifying information such as your name, email address, and maybe a company name. That’s so you can personalize your new account, and we can send you product updates and other essential information. We sometimes also give you the option to add a profile picture that displays in our products.

### Billing information

If you sign up for a paid 37signals product, you will be asked to provide your payment information and billing address. Credit card information is submitted directly to our payment processor and doesn’t hit 37signals servers. We store a record of the payment transaction, including the last 4 digits of the credit card number, for purposes of account history, invoicing, and billing support.
");
    let got = found(&doc);
    let expect = [
        ("user.name", "name", "name"),
        ("user.contact.email", "email address", "email address"),
        ("user.contact.organization", "company name", "company name"),
        (
            "user.content.self_image",
            "profile picture",
            "profile picture",
        ),
        ("user.payment", "Billing information", "Billing information"),
        ("user.payment", "payment information", "payment information"),
        ("user.contact.address", "billing address", "billing address"),
        (
            "user.financial.credit_card",
            "Credit card information",
            "Credit card information",
        ),
        (
            "user.financial.credit_card",
            "last 4 digits",
            "last 4 digits",
        ),
        (
            "user.financial.credit_card",
            "credit card number",
            "credit card number",
        ),
    ];
    let expect: Vec<(String, String, String)> = expect
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, expect);
    // "product updates and other essential information" is no category.
}

#[test]
fn flat_plain_text_headings() {
    // fixtures/seeds/monitoring-saas-privacy.txt: "What data we collect" is
    // followed directly by the headings "Account", "Billing", "Operations"
    // and "Site analytics", all of which list collected data; "How we use
    // it" ends the run.
    let doc = fixture("seeds/monitoring-saas-privacy.txt");
    assert_eq!(
        categories(&doc),
        set(&[
            "user.contact.email",
            "user.name",
            "user.authorization.password",
            "user.authorization.credentials",
            "user.financial.credit_card",
            "user.contact.address",
            "user.device.telemetry",
            "user.content.private",
            "user.behavior",
            "user.behavior.browsing_history",
            "user.location.imprecise",
            "user.device.cookie",
        ])
    );
    let d = data(&doc);
    // "Email, name, password (hash)" — line 13, not "Service incident
    // notifications (email)" under "How we use it" (line 24).
    let email: Vec<&DataCollected> = d
        .iter()
        .filter(|x| x.category == "user.contact.email")
        .collect();
    assert_eq!(email.len(), 1);
    assert_eq!(email[0].evidence.line, 13);
    assert_eq!(
        &doc.text[email[0].evidence.start..email[0].evidence.end],
        "Email"
    );
    // "Via Stripe — we do not store your card number": not storing the card
    // still discloses that card data passes through the service.
    assert!(d.iter().any(|x| x.phrase == "card number"));
    // "aggregation by country — no cookies, no cross-site tracking" gives the
    // country but not cookies; "Cookies: only the cabinet session cookie"
    // gives cookies.
    let cookie_lines: Vec<usize> = d
        .iter()
        .filter(|x| x.category == "user.device.cookie")
        .map(|x| x.evidence.line)
        .collect();
    assert!(cookie_lines.iter().all(|l| *l == 32), "{cookie_lines:?}");
}

#[test]
fn labelled_items_without_headings() {
    // fixtures/seeds/dunops-privacy.txt, lines 5–8: no heading says
    // "collect", but each item is labelled as a kind of data.
    let doc = txt("Privacy Policy
Your account info, the DNS/cloud data you connect, and the boring usage logs that keep the service running.
- Account data: name, email, and authentication identifiers from your identity provider (Google, GitHub, etc.).
- Workspace data: DNS records, domain names, deployment metadata, provider connections, chat messages, and workflow state that you create or import into the Service.
- Technical data: request logs, error traces, and aggregate usage metrics needed to operate, debug, and secure the Service.
- Billing data: processed by our payment provider — we never see your raw card details.
");
    let got: Vec<(String, String)> = found(&doc).into_iter().map(|(c, p, _)| (c, p)).collect();
    let expect = [
        ("user.name", "name"),
        ("user.contact.email", "email"),
        ("user.unique_id", "authentication identifiers"),
        ("user.content.private", "chat messages"),
        ("user.device.telemetry", "request logs"),
        ("user.device.telemetry", "error traces"),
        ("user.device.telemetry", "usage metrics"),
        ("user.financial.credit_card", "card details"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    // "domain names" is not a person's name.
    assert_eq!(got, expect);
}

#[test]
fn ccpa_category_table() {
    // fixtures/corpus/basecamp/ccpa.md: "Category of personal information |
    // Purposes of use | …", first rows.
    let doc = fixture("corpus/basecamp/ccpa.md");
    let c = categories(&doc);
    for k in [
        "user.contact",
        "user.name",
        "user.contact.phone_number",
        "user.contact.email",
        "user.device.ip_address",
        "user.account.username",
        "user.authorization.password",
    ] {
        assert!(c.contains(k), "{k}: {c:?}");
    }
    let d = data(&doc);
    let ip = d
        .iter()
        .find(|x| x.category == "user.device.ip_address")
        .expect("ip");
    assert_eq!(&doc.text[ip.evidence.start..ip.evidence.end], "IP address");
}

#[test]
fn cookie_table_descriptions() {
    // fixtures/corpus/github/cookies.md: the Description column says what
    // each cookie stores.
    let doc = fixture("corpus/github/cookies.md");
    let c = categories(&doc);
    for k in [
        "user.device.cookie",
        "user.settings",            // `color_mode` … "user selected theme preference"
        "user.privacy_preferences", // `ghcc` … "user's choice about cookies"
        "user.unique_id",           // `ai_user` … "Application Insights user ID"
        "user.device.cookie_id",    // `bcookie` … "a browser identifier cookie"
        "user.behavior.browsing_history", // `_cs_s` … "Number of page views"
        "user.demographic.language", // `lang` … "a user's language setting"
        "user.demographic.profile", // `b` … "interest and demographic profiles"
    ] {
        assert!(c.contains(k), "{k}: {c:?}");
    }
    // "caching of dynamic content" and "personalize content" are not
    // collection of user content.
    assert!(!c.contains("user.content"), "{c:?}");
}

#[test]
fn mentions_that_are_not_collection() {
    // fixtures/corpus/sage-bionetworks/privacy.md, line 209: "email us at"
    // is a way to reach the company, not an e-mail address it collects.
    let doc = md(
        "Sage is the controller or entity responsible for processing your Personal Information. If you have any questions, comments, or concerns about our processing activities, please email us at [privacyofficer@sagebionetworks.org](mailto:privacyofficer@sagebase.org) or write to us at Sage Bionetworks, Attn: Privacy Officer, 2901 Third Ave., Suite 330, Seattle WA 98121, U.S.A\n",
    );
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
    // fixtures/corpus/basecamp/privacy-policy.md, line 133 (rights section):
    // verifying your name and email address is not collecting them.
    let doc = md("## Your rights with respect to your information

In some cases, we also need to take reasonable steps to verify your identity before responding to a request, which may include, at a minimum, depending on the sensitivity of the information you are requesting and the type of request you are making, verifying your name and email address.
");
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
    // fixtures/corpus/namesake/privacy.md, line 35: negated use.
    let doc = md("### Cookies

Namesake does not use any persistent first-party cookies or third-party cookies to store preferences.
");
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
    // fixtures/corpus/stamphq/privacy.md, line 51: "We don't collect … age,
    // race, gender, religion, sexual orientation …".
    let doc = md("## What we collect and why

We don't collect any characteristics of protected classifications including age, race, gender, religion, sexual orientation, gender identity, gender expression, or physical and mental abilities or disabilities.
");
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
    // fixtures/corpus/github/privacy-statement.md, line 148: places of
    // processing are not location data.
    let doc = md(
        "GitHub stores and processes Personal Data in a variety of locations, including your local region, the United States, and other countries where GitHub, its affiliates, subsidiaries, or subprocessors have operations.\n",
    );
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
    // fixtures/corpus/range/privacy-policy.md, line 415: a word inside an
    // e-mail address.
    let doc = md(
        "You may submit a request by emailing us at feedback@range.co with the subject line “Nevada Do Not Sell Request”.\n",
    );
    assert!(data(&doc).is_empty(), "{:?}", found(&doc));
}

#[test]
fn collection_verbs_in_prose() {
    // fixtures/corpus/sage-bionetworks/privacy.md, line 81 (Device
    // Information) and line 93 (Background Checks).
    let doc = md("We receive Personal Information about the device and software you use to access our Services, including IP address, web browser type, operating system version, phone carrier and manufacturer, application installations, device identifiers, mobile advertising identifiers, and push notification tokens.

We work with third-party partners to perform background checks on job applicants, and where permitted by applicable law, receive publicly available information such as alias and address history, and inclusion in several criminal national databases, sex offender registries, or terrorist watchlists.
");
    assert_eq!(
        categories(&doc),
        set(&[
            "user.device.ip_address",
            "user.device",
            "user.device.device_id",
            "user.contact.address",
            "user.criminal_history",
        ])
    );
}

#[test]
fn lexicon_matches_plurals_and_prefers_longer_phrases() {
    // fixtures/corpus/letsencrypt/privacy-policy.md, line 23.
    let doc = md(
        "Let’s Encrypt will collect various information related to certificate authentication and management. That information includes the IP addresses from which you access the Let’s Encrypt service; all resolved IP addresses for any requested identifiers.\n",
    );
    let got = found(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0],
        (
            "user.device.ip_address".to_string(),
            "IP addresses".to_string(),
            "IP addresses".to_string()
        )
    );
}
