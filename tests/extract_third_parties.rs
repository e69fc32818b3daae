//! Third-party extraction on real text: negation lists, subprocessor tables
//! and lists, self-hosting, owners, ambiguous names, URLs. Expected values
//! were read off the source files by hand.

mod common;
use common::fixture;

use candor::document::{Document, SourceKind};
use candor::model::{MentionSource, ThirdParty};

fn inline(md: &str) -> Document {
    Document::parse("inline.md", md.to_string(), SourceKind::Markdown)
}

fn parties(doc: &Document) -> Vec<ThirdParty> {
    candor::extract::extract(doc).third_parties
}

/// (name, negated, self_hosted, original text of the evidence)
fn summary(doc: &Document) -> Vec<(String, bool, bool, String)> {
    parties(doc)
        .into_iter()
        .map(|t| {
            let text = doc.text[t.evidence.start..t.evidence.end].to_string();
            (t.name, t.negated, t.self_hosted, text)
        })
        .collect()
}

fn names(doc: &Document) -> Vec<String> {
    let mut v: Vec<String> = parties(doc)
        .into_iter()
        .filter(|t| !t.negated && !t.self_hosted)
        .map(|t| t.name)
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn modeldock_negation_list_and_self_hosted_umami() {
    let doc = fixture("seeds/modeldock-privacy.txt");
    let s = summary(&doc);
    // Line 57: "We do not use Google Analytics, Facebook Pixel, or any other
    // third-party tracking services." Facebook Pixel is catalogued under Meta.
    assert!(
        s.contains(&(
            "Google Analytics".into(),
            true,
            false,
            "Google Analytics".into()
        )),
        "{s:?}"
    );
    assert!(
        s.contains(&("Meta".into(), true, false, "Facebook Pixel".into())),
        "{s:?}"
    );
    // Line 21 calls Umami self-hosted; the later "Umami is privacy-focused"
    // and "Our analytics solution (Umami) is cookie-free" are the same tool.
    let umami: Vec<_> = s.iter().filter(|t| t.0 == "Umami").collect();
    assert_eq!(umami.len(), 3, "{s:?}");
    assert!(umami.iter().all(|t| t.2 && !t.1), "{umami:?}");
    // Lines 53–55, the third-party services list.
    assert_eq!(names(&doc), ["GitHub", "Hetzner", "Resend"]);
    let resend = parties(&doc)
        .into_iter()
        .find(|t| t.name == "Resend")
        .expect("Resend");
    assert_eq!(resend.evidence.line, 54);
    assert_eq!(resend.evidence.column, 5);
    assert_eq!(
        resend.purpose.as_deref(),
        Some("Transactional email delivery (verification emails, alerts)")
    );
}

#[test]
fn github_subprocessor_table_first_column_purpose_and_location() {
    let doc = fixture("corpus/github/subprocessors.md");
    let tps = parties(&doc);
    // Row on line 27: "| Amazon Web Services Inc (AWS) | Cloud Hosted
    // Infrastructure, Data Hosting, AI Inference and AI Services | United
    // States | United States |"
    let aws = tps
        .iter()
        .find(|t| t.name == "Amazon Web Services")
        .expect("AWS");
    assert_eq!(aws.evidence.line, 27);
    assert_eq!(
        aws.purpose.as_deref(),
        Some("Cloud Hosted Infrastructure, Data Hosting, AI Inference and AI Services")
    );
    assert_eq!(aws.locations, ["United States"]);
    // The document's owner (title "GitHub Subprocessors") is not a third party.
    assert!(!tps.iter().any(|t| t.name == "GitHub"), "{:?}", names(&doc));
    // Rows whose vendor the catalog does not know still count, by position:
    // "| Semmle Inc |" is listed under "GitHub Subsidiary" rows.
    assert!(
        tps.iter()
            .any(|t| t.name.starts_with("Semmle") && t.source == MentionSource::Position),
        "{:?}",
        names(&doc)
    );
}

#[test]
fn zulip_list_resolves_legal_entity_names() {
    let doc = fixture("corpus/zulip/subprocessors.md");
    let s = summary(&doc);
    // "* [FrontApp, Inc.](…)" — Front is an ambiguous word, but here it is
    // the name of a subprocessor list item.
    assert!(
        s.contains(&("Front".into(), false, false, "FrontApp, Inc.".into())),
        "{s:?}"
    );
    assert!(s.contains(&(
        "Mailchimp".into(),
        false,
        false,
        "The Rocket Science Group LLC d/b/a Mailchimp".into()
    )));
    // "Kandra Labs, Inc." runs the service; it is not in the list.
    assert!(!s.iter().any(|t| t.0.contains("Kandra")), "{s:?}");
}

#[test]
fn letsencrypt_unknown_vendors_enumerated_with_known_ones() {
    let doc = fixture("corpus/letsencrypt/privacy-policy.md");
    let n = names(&doc);
    // Line 33: "… payment partners including DonorBox, The Giving Block,
    // Stripe, Shopify, and PayPal …"
    for v in [
        "Donorbox",
        "The Giving Block",
        "Stripe",
        "Shopify",
        "PayPal",
    ] {
        assert!(n.contains(&v.to_string()), "{v} missing from {n:?}");
    }
}

#[test]
fn owner_defined_as_we_is_not_a_third_party() {
    // posthog/privacy.md, line 9: "… offered by PostHog Inc (formerly Hiberly
    // Inc) and/or any of its affiliates (“PostHog” or “we” or “us”)."
    let doc = fixture("corpus/posthog/privacy.md");
    assert!(
        !names(&doc).contains(&"PostHog".to_string()),
        "{:?}",
        names(&doc)
    );
    assert!(names(&doc).contains(&"Mailchimp".to_string()));
}

#[test]
fn negation_reaches_the_whole_list_but_not_past_but() {
    let doc = inline("We use Stripe for payments, but we do not use PayPal or Braintree.\n");
    let s = summary(&doc);
    assert_eq!(
        s.iter().map(|t| (t.0.as_str(), t.1)).collect::<Vec<_>>(),
        [("Stripe", false), ("PayPal", true), ("Braintree", true)]
    );
    let doc = inline("Cookies that are not essential are set by Google Analytics.\n");
    assert!(
        !summary(&doc)[0].1,
        "'not essential' does not negate the vendor"
    );
}

#[test]
fn common_words_are_not_vendors_in_prose() {
    // namesake/privacy.md, line 61.
    let doc = inline(
        "You have the right to make a complaint regarding our handling of your personal information.\n\nFiles are stored in Box. We use X to post updates.\n",
    );
    assert_eq!(names(&doc), Vec::<String>::new());
    // … but are in a recipients list.
    let doc = inline("## Subprocessors\n\n- Box — file storage\n- Front: shared inbox\n");
    assert_eq!(names(&doc), ["Box", "Front"]);
    // Capitalised single words must match as written: "heap" and "drift"
    // are English, "Heap" and "Drift" vendors.
    let doc = inline("Memory is allocated on the heap; policies drift over time.\n");
    assert_eq!(names(&doc), Vec::<String>::new());
}

#[test]
fn urls_and_cookie_tables_are_not_vendors() {
    let doc = inline("Read https://stripe.com/privacy and www.paypal.com/legal for details.\n");
    assert_eq!(names(&doc), Vec::<String>::new());
    // sage-bionetworks/cookies.md: a cookie table's "Name" column holds cookies.
    let doc = fixture("corpus/sage-bionetworks/cookies.md");
    let n = names(&doc);
    assert!(
        !n.iter().any(|x| x.starts_with("org.sagebionetworks")),
        "{n:?}"
    );
}

#[test]
fn subprocessor_list_link_text_to_a_vendor_policy() {
    let doc = inline(
        "## Third-party services\n\n- [Miro Privacy Policy](https://miro.com/legal/privacy-policy/)\n",
    );
    assert_eq!(names(&doc), ["Miro"]);
}

/// (name, purpose, locations) of every non-negated party, in order.
fn rows(doc: &Document) -> Vec<(String, Option<String>, Vec<String>)> {
    parties(doc)
        .into_iter()
        .filter(|t| !t.negated)
        .map(|t| (t.name, t.purpose, t.locations))
        .collect()
}

#[test]
fn a_link_to_the_owners_page_on_a_vendors_site_is_no_recipient() {
    // basecamp/basecamp-subprocessors.md line 29, basecamp/privacy-policy.md
    // line 169, namesake/privacy.md line 94, stamphq/privacy.md line 98:
    // GitHub is only where the policies' history lives.
    for (file, line) in [
        ("corpus/basecamp/basecamp-subprocessors.md", 29),
        ("corpus/basecamp/privacy-policy.md", 169),
        ("corpus/namesake/privacy.md", 94),
        ("corpus/stamphq/privacy.md", 98),
        // "We keep a historical record of all changes to our Terms on
        // [GitHub](https://github.com/whereby/policy)."
        ("corpus/whereby/privacy-policy.md", 144),
    ] {
        let doc = fixture(file);
        // The line still is the one that names GitHub.
        let text = doc.text.lines().nth(line - 1).unwrap_or_default();
        assert!(text.contains("GitHub"), "{file}:{line} is now {text:?}");
        let on_line: Vec<String> = parties(&doc)
            .into_iter()
            .filter(|t| t.evidence.line == line)
            .map(|t| t.name)
            .collect();
        assert!(on_line.is_empty(), "{file}:{line}: {on_line:?}");
    }
    // The same shape with data moving is a recipient: "We host our site on
    // [Netlify](…)"; a link to the vendor's own privacy page names the vendor.
    let doc = inline(concat!(
        "Our website is hosted on [Netlify](https://netlify.com/acme).\n\n",
        "Email is delivered via [Postmark](https://postmarkapp.com/privacy-policy).\n\n",
        "Follow our release notes on [GitHub](https://github.com/acme/app/releases).\n",
    ));
    assert_eq!(names(&doc), ["Netlify", "Postmark"]);
    // A recipient table or list still counts a linked name: privacyguides,
    // "| [GitHub](https://github.com) (USA) | Git Repositories | …".
    let doc = fixture("corpus/privacyguides/privacy-policy.md");
    assert!(
        parties(&doc)
            .iter()
            .any(|t| t.name == "GitHub" && t.evidence.line == 318),
        "{:?}",
        names(&doc)
    );
    // letsencrypt line 29 names GitHub in running prose without a link.
    let doc = fixture("corpus/letsencrypt/privacy-policy.md");
    assert!(names(&doc).contains(&"GitHub".to_string()));
}

#[test]
fn name_full_stop_purpose_list_items() {
    // namesake/subprocessors.md lines 9-13: "* [Convex](…). Data storage."
    let doc = fixture("corpus/namesake/subprocessors.md");
    let got = rows(&doc);
    let want: Vec<(String, Option<String>, Vec<String>)> = [
        ("Cloudflare", "Cloud services provider"),
        ("Convex", "Data storage"),
        ("Fathom Analytics", "Privacy-friendly analytics"),
        ("Mailcoach", "Email newsletters"),
        ("Resend", "Transactional email service"),
    ]
    .iter()
    .map(|(n, p)| (n.to_string(), Some(p.to_string()), Vec::new()))
    .collect();
    assert_eq!(got, want);
    // basecamp/basecamp-subprocessors.md: "Convert.com. A/B testing
    // software." and a name that starts in lower case, "hCaptcha".
    let doc = fixture("corpus/basecamp/basecamp-subprocessors.md");
    let got = rows(&doc);
    assert!(
        got.contains(&(
            "Convert".into(),
            Some("A/B testing software".into()),
            vec![]
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "hCaptcha".into(),
            Some("Anti-bot protection".into()),
            vec![]
        )),
        "{got:?}"
    );
    // A legal suffix or an initial is not the end of the name.
    let doc = inline(
        "## Subprocessors\n\n- Acme, Inc. Payment processing.\n- J. Doe Consulting. Audits.\n",
    );
    assert_eq!(
        rows(&doc),
        [
            (
                "Acme, Inc".into(),
                Some("Payment processing".into()),
                vec![]
            ),
            ("J. Doe Consulting".into(), Some("Audits".into()), vec![]),
        ]
    );
}

#[test]
fn a_blank_markdown_header_row_leaves_the_header_in_the_first_row() {
    // sage-bionetworks/subprocessors.md: "|  |  |  |  |" then "|---|…|",
    // and the real header "| Sub-Processor | Location | Description/Purpose
    // | Link |" as the first body row (line 13).
    let doc = fixture("corpus/sage-bionetworks/subprocessors.md");
    let got = rows(&doc);
    for (name, purpose, location) in [
        ("Clear Company", "Hiring", "USA"),
        ("JFrog Ltd", "Software development life cycle", "USA"),
        ("JumpCloud", "IT Management", "USA"),
        ("CloudMailin", "Email", "UK"),
        (
            "Atlassian",
            "Process/product management and documentation",
            "USA",
        ),
    ] {
        assert!(
            got.contains(&(
                name.to_string(),
                Some(purpose.to_string()),
                vec![location.to_string()]
            )),
            "{name}: {got:?}"
        );
    }
    assert!(!got.iter().any(|(n, _, _)| n == "Sub-Processor"), "{got:?}");
}

#[test]
fn list_item_purposes_only_inside_recipient_lists() {
    // seeds/monitoring-saas-privacy.txt line 19, under "Billing": "• Via
    // Stripe — we do not store your card number".
    let doc = fixture("seeds/monitoring-saas-privacy.txt");
    let stripe: Vec<Option<String>> = parties(&doc)
        .into_iter()
        .filter(|t| t.name == "Stripe")
        .map(|t| t.purpose)
        .collect();
    assert!(!stripe.is_empty());
    assert!(stripe.iter().all(Option::is_none), "{stripe:?}");
    // Under a recipients heading the rest of the item is the purpose.
    let doc = inline("## Third-party services\n\n- Stripe — payment processing\n");
    assert_eq!(
        rows(&doc),
        [("Stripe".into(), Some("payment processing".into()), vec![])]
    );
}

#[test]
fn defined_short_names_stand_for_the_full_name() {
    // range/privacy-policy.md lines 90-93: "Google, Inc. (“Google”)" defines
    // "Google"; by hand, each later "Google" is the same company and the
    // paragraph names two parties, Google and Google Analytics.
    let range = inline(concat!(
        "# Privacy\n\n",
        "We use a third-party analytics service, Google Analytics, a service provided by\n",
        "Google, Inc. (“Google”). Google Analytics uses cookies to help us analyze how\n",
        "users use the Site and enhance your experience when you use the Service. For\n",
        "more information on how Google uses this data, go to\n",
        "[here](www.google.com/policies/privacy/partners/).\n",
    ));
    assert_eq!(names(&range), ["Google", "Google Analytics"]);
    // The same definition for vendors the catalog does not know, in a
    // subprocessor list item and a subprocessor table's first cell: the
    // item and row are named without the parenthetical (the item's purpose
    // follows it), and every later bare short name — in an enumeration with
    // known vendors, in prose — is that vendor, never a party "Acme".
    let doc = inline(concat!(
        "# Privacy\n\n## Subprocessors\n\n",
        "- Acme Analytics Ltd. (\"Acme\") — product analytics\n",
        "- Stripe — payments\n\n",
        "| Vendor | Purpose |\n| --- | --- |\n",
        "| Borealis Mail GmbH (the “Borealis”) | transactional email |\n\n",
        "## Sharing\n\n",
        "We share usage data with Stripe, PayPal, and Acme. Acme processes page views.\n",
        "We do not send Borealis your messages.\n",
    ));
    let got: Vec<(String, Option<String>, bool, String)> = parties(&doc)
        .into_iter()
        .map(|t| {
            let text = doc.text[t.evidence.start..t.evidence.end].to_string();
            (t.name, t.purpose, t.negated, text)
        })
        .collect();
    let acme = "Acme Analytics Ltd.".to_string();
    let borealis = "Borealis Mail GmbH".to_string();
    let want = [
        (
            acme.clone(),
            Some("product analytics".to_string()),
            false,
            acme.clone(),
        ),
        (
            "Stripe".into(),
            Some("payments".into()),
            false,
            "Stripe".into(),
        ),
        (
            borealis.clone(),
            Some("transactional email".into()),
            false,
            borealis.clone(),
        ),
        ("Stripe".into(), None, false, "Stripe".into()),
        ("PayPal".into(), None, false, "PayPal".into()),
        (acme.clone(), None, false, "Acme".into()),
        (acme.clone(), None, false, "Acme".into()),
        (borealis.clone(), None, true, "Borealis".into()),
    ];
    assert_eq!(got, want);
    // A quoted term that is no short form of the name defines nothing
    // ("services provided by Stripe (the “Services”)"), and a lone
    // parenthetical after no vendor name is not a definition.
    let doc = inline(concat!(
        "# Privacy\n\nPayments are services provided by Stripe (the “Services”). ",
        "The Services are billed monthly. Kandra Labs (the \"Agreement\") applies.\n",
    ));
    assert_eq!(names(&doc), ["Stripe"]);
}

#[test]
fn an_enumerated_link_to_a_vendors_privacy_policy_names_the_vendor() {
    // whereby/privacy-policy.md line 67: "[Google Privacy Policy](…),
    // [Trello Privacy Policy](…) and [Miro Privacy Policy](…)": the unknown
    // third item is Miro, as a list item "Miro Privacy Policy" already was.
    let doc = inline(concat!(
        "# Privacy\n\nThe implementation is in compliance with the services privacy policies: ",
        "[Google Privacy Policy](http://www.google.com/policies/privacy/), ",
        "[Trello Privacy Policy](https://www.atlassian.com/legal/privacy-policy) and ",
        "[Miro Privacy Policy](https://miro.com/legal/privacy-policy/).\n",
    ));
    assert_eq!(names(&doc), ["Atlassian", "Google", "Miro"]);
}
