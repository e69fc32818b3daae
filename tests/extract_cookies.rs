//! Cookie extraction: cookie tables from the corpus (names exactly as
//! written, several names per cell, code spans, provider/party/duration
//! columns) and names in prose. Expected values were read off the files.

mod common;
use common::{fixture, md, txt};

use candor::document::Document;
use candor::model::{Cookie, Party};

fn cookies(doc: &Document) -> Vec<Cookie> {
    candor::extract::extract(doc).cookies
}

fn names(doc: &Document) -> Vec<String> {
    cookies(doc).into_iter().map(|c| c.name).collect()
}

fn evidence<'a>(doc: &'a Document, c: &Cookie) -> &'a str {
    &doc.text[c.evidence.start..c.evidence.end]
}

fn find<'a>(all: &'a [Cookie], name: &str) -> &'a Cookie {
    all.iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no cookie {name}"))
}

#[test]
fn github_cookie_table_every_row() {
    // fixtures/corpus/github/cookies.md: "Provider of Cookie | Cookie Name |
    // Description | Expiration*", 94 rows, names in backticks except two.
    let doc = fixture("corpus/github/cookies.md");
    let all = cookies(&doc);
    let got = names(&doc);
    assert_eq!(got.len(), 94, "{got:?}");
    assert_eq!(
        &got[..5],
        [
            "app_manifest_token",
            "color_mode",
            "_device_id",
            "dotcom_user",
            "enterprise_trial_redirect_to"
        ]
    );
    for n in [
        "__Host-gist_user_session_same_site",
        "AMCV_EA76ADE95776D2EC7F000101%40AdobeOrg",
        "bscookie",
        "BizographicsOptOutBizographicsOptOut",
        "u",
        "U",
        "b",
    ] {
        assert!(got.iter().any(|g| g == n), "{n}");
    }

    // `_gh_sess` | … | Session — GitHub is the document's owner.
    let c = find(&all, "_gh_sess");
    assert_eq!(c.party, Some(Party::First));
    assert_eq!(c.provider.as_deref(), Some("GitHub"));
    assert_eq!(c.duration.as_deref(), Some("Session"));
    assert_eq!(evidence(&doc, c), "_gh_sess");
    assert_eq!(
        doc.text[..c.evidence.start].lines().count(),
        c.evidence.line,
        "line of the evidence"
    );

    // [Microsoft](…) | `MUID` | This cookie stores Bing’s visitor ID. … | 13 months
    let c = find(&all, "MUID");
    assert_eq!(c.party, Some(Party::Third));
    assert_eq!(c.provider.as_deref(), Some("Microsoft"));
    assert_eq!(c.duration.as_deref(), Some("13 months"));
    assert!(
        c.purpose
            .as_deref()
            .is_some_and(|p| p.starts_with("This cookie stores Bing’s visitor ID."))
    );

    // bscookie has no backticks: "LinkedIn | bscookie | This cookie is used …"
    let c = find(&all, "bscookie");
    assert_eq!(evidence(&doc, c), "bscookie");
    assert_eq!(c.party, Some(Party::Third));
}

#[test]
fn automattic_cells_with_several_names() {
    // fixtures/corpus/automattic/cookie-policy.md
    let doc = fixture("corpus/automattic/cookie-policy.md");
    let got = names(&doc);
    // |__stripe_sid / __stripe_mid|For processing payment …|
    assert!(got.contains(&"__stripe_sid".to_string()));
    assert!(got.contains(&"__stripe_mid".to_string()));
    // |utma / utmb / utmc / utmt / utmz / ga / gat / gid|Google Analytics. …|
    for n in ["utma", "utmb", "utmc", "utmt", "utmz", "ga", "gat", "gid"] {
        assert!(got.contains(&n.to_string()), "{n}");
    }
    // |wordpress_logged_in*| and |wp-settings-{user_id}| as written.
    assert!(got.contains(&"wordpress_logged_in*".to_string()));
    assert!(got.contains(&"wp-settings-{user_id}".to_string()));
    // The multi-line cell that broke into rows of its own.
    assert!(got.contains(&"_hjIncludedInSample".to_string()));
    assert!(got.contains(&"optimizelySegments".to_string()));
    // "Category of cookies | Why we use these cookies" and "Partner | Cookie
    // Info" are not tables of names.
    for n in ["Required", "Advertising", "33across", "Criteo"] {
        assert!(!got.contains(&n.to_string()), "{n}");
    }
    // akm_mobile is listed twice (Required, Mobile Theme): one fact.
    assert_eq!(got.iter().filter(|n| *n == "akm_mobile").count(), 1);
    // 18 Required, 22 Analytics, 3 Advertising, 5 Parse.ly, 6 new in Jetpack.
    assert_eq!(got.len(), 54, "{got:?}");
}

#[test]
fn sage_provider_column_and_such_as() {
    // fixtures/corpus/sage-bionetworks/cookies.md, "Cookie Name | Provider |
    // Purpose | Expiry"; the document opens "Sage Bionetworks’ use of Cookies".
    let doc = fixture("corpus/sage-bionetworks/cookies.md");
    let all = cookies(&doc);
    let c = find(&all, "SynapseTestWebsite");
    assert_eq!(
        (c.party, c.provider.as_deref(), c.duration.as_deref()),
        (Some(Party::First), Some("Sage"), Some("Session"))
    );
    let c = find(&all, "_ga");
    assert_eq!(
        (c.party, c.provider.as_deref(), c.duration.as_deref()),
        (Some(Party::Third), Some("Google"), Some("2 years"))
    );
    // "_ga_<ContainerID> such as _ga_Y07DD946E4 or _ga_CEKFPZDZX7": the
    // underscores around "ga" are part of the name, not emphasis.
    let c = find(&all, "_ga_<ContainerID>");
    assert_eq!(evidence(&doc, c), "_ga_<ContainerID>");
    assert_eq!(c.duration.as_deref(), Some("2 years"));
    assert!(!names(&doc).contains(&"ga<ContainerID>".to_string()));
    let c = find(&all, "_ga_Y07DD946E4");
    assert_eq!(evidence(&doc, c), "_ga_Y07DD946E4");
    find(&all, "_ga_CEKFPZDZX7");
    // "10 days, but the access token is invalid after 24 hours." — as written.
    let c = find(&all, "org.sagebionetworks.security.user.login.token");
    assert_eq!(
        c.duration.as_deref(),
        Some("10 days, but the access token is invalid after 24 hours.")
    );
}

#[test]
fn html_table_under_cookie_heading() {
    // fixtures/corpus/govuk-notify/cookies.html: "Name | Purpose | Expires"
    // under <h1>Cookies</h1>.
    let doc = fixture("corpus/govuk-notify/cookies.html");
    let all = cookies(&doc);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "notify_admin_session");
    assert_eq!(
        all[0].purpose.as_deref(),
        Some("Used to keep you signed in")
    );
    assert_eq!(all[0].duration.as_deref(), Some("20 hours"));
    assert_eq!(evidence(&doc, &all[0]), "notify_admin_session");
}

#[test]
fn markdown_escaped_names() {
    // Synthetic: names escaped the way Markdown editors write them.
    let doc = md(
        "## Cookies we use\n\n| Cookie | Provider | Expires |\n| --- | --- | --- |\n| \\_ga, \\_gid | Google | 2 years |\n| \\_\\_cf\\_bm | Cloudflare | 30 minutes |\n",
    );
    let all = cookies(&doc);
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|c| (c.name.as_str(), evidence(&doc, c)))
        .collect();
    assert_eq!(
        got,
        [
            ("_ga", "\\_ga"),
            ("_gid", "\\_gid"),
            ("__cf_bm", "\\_\\_cf\\_bm")
        ]
    );
    assert!(all.iter().all(|c| c.party == Some(Party::Third)));
}

#[test]
fn names_in_prose() {
    // Synthetic: the corpus names cookies only in tables.
    let doc = md(
        "We set a `session` cookie when you sign in. Cloudflare sets the __cf_bm cookie to tell humans from bots. Google Analytics uses cookies such as _ga and _gid.\n",
    );
    let all = cookies(&doc);
    let got: Vec<(&str, Option<Party>, Option<&str>)> = all
        .iter()
        .map(|c| (c.name.as_str(), c.party, c.provider.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("session", None, None),
            ("__cf_bm", Some(Party::Third), Some("Cloudflare")),
            ("_ga", Some(Party::Third), Some("Google Analytics")),
            ("_gid", Some(Party::Third), Some("Google Analytics")),
        ]
    );
    assert_eq!(evidence(&doc, &all[0]), "session");
}

#[test]
fn generic_cookie_phrases_are_not_names() {
    // fixtures/seeds/modeldock-privacy.txt, "8. Cookies".
    let doc = txt(
        "We use a single session cookie for authentication purposes. We do not use tracking cookies, advertising cookies, or third-party cookies. Our analytics solution (Umami) is cookie-free.\n",
    );
    assert!(cookies(&doc).is_empty());
    // fixtures/seeds/monitoring-saas-privacy.txt, lines 32 and 64.
    let doc = txt(
        "Cookies: only the cabinet session cookie (httpOnly, sameSite=lax) and billing (Stripe)\n\nWe use a minimum of cookies. On the marketing site — no cookies at all. In the cabinet — a session cookie (httpOnly, sameSite=lax, secure in production). In billing — Stripe cookies per their Privacy Policy.\n",
    );
    assert!(cookies(&doc).is_empty(), "{:?}", names(&doc));
    // fixtures/corpus/mozilla/firefox-privacy-notice.md, line 207: a data
    // definitions table, not a cookie table.
    let doc = md(
        "| Data Type | Description | Examples for Firefox users |\n| --- | --- | --- |\n| Unique identifiers | These are unique identifiers, which may be created at various times to manage your interactions with the service. | Client_id, session_id, cookie identifiers. |\n",
    );
    assert!(cookies(&doc).is_empty(), "{:?}", names(&doc));
}
