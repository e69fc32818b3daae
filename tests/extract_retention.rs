//! Retention extraction on real sentences. Each test quotes the sentence it
//! reads and the file it came from; expected values were worked out by hand
//! from the text (days: week 7, month 30, year 365).

mod common;
use common::{fixture, md, txt};

use candor::document::Document;
use candor::model::{Bound, Retention, RetentionEvent};

fn retention(doc: &Document) -> Vec<Retention> {
    candor::extract::extract(doc).retention
}

fn evidence<'a>(doc: &'a Document, r: &Retention) -> &'a str {
    &doc.text[r.evidence.start..r.evidence.end]
}

/// (days, after, bound, evidence text)
fn periods(doc: &Document) -> Vec<(Option<u32>, Option<RetentionEvent>, Bound, String)> {
    retention(doc)
        .iter()
        .filter(|r| !r.indefinite && !r.vague)
        .map(|r| (r.days, r.after, r.bound, evidence(doc, r).to_string()))
        .collect()
}

/// (subject, days, after, bound, evidence)
type Row<'a> = (
    Option<&'a str>,
    Option<u32>,
    Option<RetentionEvent>,
    Bound,
    &'a str,
);
/// (subject, days, after, indefinite, vague)
type Flags<'a> = (
    Option<&'a str>,
    Option<u32>,
    Option<RetentionEvent>,
    bool,
    bool,
);

use Bound::*;
use RetentionEvent::*;

#[test]
fn monitoring_saas_retention_list() {
    // fixtures/seeds/monitoring-saas-privacy.txt, under "Retention":
    //   • Account data — until account closure + 90 days
    //   • Metrics — per the plan’s retention (30 days / 90 days / custom)
    //   • Audit log — 1 year after the event
    //   • Billing — 5 years (legal requirement)
    let doc = fixture("seeds/monitoring-saas-privacy.txt");
    let r = retention(&doc);
    let got: Vec<Row> = r
        .iter()
        .map(|r| {
            (
                r.subject.as_deref(),
                r.days,
                r.after,
                r.bound,
                evidence(&doc, r),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Account data"),
                Some(90),
                Some(AccountClosure),
                Exactly,
                "Account data — until account closure + 90 days"
            ),
            (
                Some("Metrics"),
                Some(30),
                None,
                Unspecified,
                "per the plan’s retention (30 days / 90 days / custom)"
            ),
            (
                Some("Metrics"),
                Some(90),
                None,
                Unspecified,
                "per the plan’s retention (30 days / 90 days / custom)"
            ),
            (
                Some("Audit log"),
                Some(365),
                Some(Event),
                Exactly,
                "Audit log — 1 year after the event"
            ),
            (
                Some("Billing"),
                Some(1825),
                None,
                Exactly,
                "Billing — 5 years (legal requirement)"
            ),
        ]
    );
    // Nothing else in the file is retention: not "under 16 years of age",
    // not the cookie paragraph.
    assert!(r.iter().all(|r| !r.indefinite && !r.vague));
}

#[test]
fn unit_inherited_within_one_sentence() {
    // fixtures/seeds/dunops-privacy.txt, line 11.
    let doc = txt(
        "We keep your data while your account is active. Delete your workspace and most of it goes within 30 days; backups age out within 90.\n",
    );
    let r = retention(&doc);
    assert_eq!(r.len(), 3, "{r:#?}");
    assert!(r[0].indefinite);
    assert_eq!(r[0].subject.as_deref(), Some("data"));
    assert_eq!(
        evidence(&doc, &r[0]),
        "We keep your data while your account is active."
    );
    assert_eq!(
        periods(&doc),
        [
            (
                Some(30),
                Some(AccountDeletion),
                AtMost,
                "Delete your workspace and most of it goes within 30 days".to_string()
            ),
            (
                Some(90),
                Some(AccountDeletion),
                AtMost,
                "backups age out within 90.".to_string()
            ),
        ]
    );
    assert_eq!(r[2].subject.as_deref(), Some("backups"));
}

#[test]
fn dunops_seed_in_full() {
    let doc = fixture("seeds/dunops-privacy.txt");
    let r = retention(&doc);
    let keys: Vec<(Option<u32>, Option<RetentionEvent>, bool, bool)> = r
        .iter()
        // An open-ended period's event is in `until` (`after` is null).
        .map(|r| (r.days, r.after.or(r.until), r.indefinite, r.vague))
        .collect();
    assert!(r.iter().all(|r| !r.indefinite || r.after.is_none()));
    assert_eq!(
        keys,
        [
            // "We keep your data while your account is active.": open-ended,
            // ended by the account's deletion.
            (None, Some(AccountDeletion), true, false),
            (Some(30), Some(AccountDeletion), false, false),
            (Some(90), Some(AccountDeletion), false, false),
            // "We retain workspace data while your account is active and as
            // needed for backups, security investigations, and legal obligations."
            (None, Some(AccountDeletion), true, false),
            (None, None, false, true),
            // "You may request account deletion at any time — production data
            // is removed within 30 days, encrypted backups age out within 90 days."
            (Some(30), Some(AccountDeletion), false, false),
            (Some(90), Some(AccountDeletion), false, false),
        ]
    );
    // "We'll respond within 30 days." is a response deadline, not retention.
    assert!(
        r.iter().all(|f| !evidence(&doc, f).contains("respond")),
        "{r:#?}"
    );
}

#[test]
fn chained_trash_periods() {
    // fixtures/corpus/basecamp/privacy-policy.md, line 149.
    let doc = md(
        "Anything you trash in your product accounts while they are active will be kept in an accessible trash can for about 25 days (it varies a little by product). After that time, the trashed content cannot be accessed via the application and we are not able to retrieve it for you. The trashed content may remain on our active servers for another 30 days, and copies of the content may be held in backups of our application databases for up to another 30 days after that. Altogether, any content trashed in your product accounts should be purged from all of our systems and logs within 90 days.\n",
    );
    let p = periods(&doc);
    let got: Vec<(Option<u32>, Option<RetentionEvent>, Bound)> =
        p.iter().map(|(d, a, b, _)| (*d, *a, *b)).collect();
    assert_eq!(
        got,
        [
            (Some(25), Some(DeletionRequest), Exactly),
            (Some(30), Some(Event), Exactly),
            (Some(30), Some(BackupRotation), AtMost),
            (Some(90), Some(DeletionRequest), AtMost),
        ]
    );
    assert_eq!(
        p[1].3,
        "The trashed content may remain on our active servers for another 30 days"
    );
    assert_eq!(
        p[2].3,
        "copies of the content may be held in backups of our application databases for up to another 30 days after that."
    );
    // "while they are active" is about the accounts, not an indefinite period.
    assert!(retention(&doc).iter().all(|r| !r.indefinite));
}

#[test]
fn account_deletion_and_cancellation() {
    // fixtures/corpus/basecamp/privacy-policy.md, lines 51 and 151.
    let doc = md(
        "We keep this content as long as your account is active. If you delete your account, we’ll delete the content within 60 days.\n\nIf you choose to cancel your account, your content will become immediately inaccessible and should be purged from our systems in full within 60 days.\n",
    );
    let r = retention(&doc);
    assert_eq!(r.len(), 3);
    assert!(r[0].indefinite);
    assert_eq!(r[0].subject.as_deref(), Some("content"));
    assert_eq!(
        (r[1].days, r[1].after, r[1].bound, r[1].subject.as_deref()),
        (Some(60), Some(AccountDeletion), AtMost, Some("content"))
    );
    assert_eq!(
        evidence(&doc, &r[1]),
        "If you delete your account, we’ll delete the content within 60 days."
    );
    assert_eq!((r[2].days, r[2].after), (Some(60), Some(AccountClosure)));
}

#[test]
fn bounds_from_wording() {
    // fixtures/corpus/letsencrypt/privacy-policy.md, lines 19 and 23.
    let doc = md(
        "Temporary server logs are used for operational purposes only and are normally deleted in less than seven days. We may retain a subset of server logs for longer periods in order to investigate software failures or abuse. If we do so, we will delete any stored logs when we are done investigating.\n\nWe will store this information for a minimum of two years per trusted root program requirements.\n",
    );
    let r = retention(&doc);
    let got: Vec<(Option<u32>, Bound, bool)> =
        r.iter().map(|r| (r.days, r.bound, r.vague)).collect();
    assert_eq!(
        got,
        [
            (Some(7), AtMost, false),
            (None, Unspecified, true),
            (None, Unspecified, true),
            (Some(730), AtLeast, false),
        ]
    );
    assert_eq!(r[0].subject.as_deref(), Some("Temporary server logs"));
    assert_eq!(
        evidence(&doc, &r[3]),
        "We will store this information for a minimum of two years per trusted root program requirements."
    );
}

#[test]
fn negated_minimum_is_a_maximum() {
    // fixtures/corpus/mozilla/firefox-privacy-notice.md, line 151.
    let doc = md(
        "In general, we do not retain personal data for more than 25 months, but actual retention periods may vary depending on the type of data and the purpose(s) for which it was collected.\n",
    );
    let r = retention(&doc);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].days, r[0].bound), (Some(750), AtMost));
    assert_eq!(r[0].subject.as_deref(), Some("personal data"));
}

#[test]
fn period_with_event_and_inactivity() {
    // fixtures/corpus/whereby/privacy-policy.md, line 129.
    let doc = md(
        "Transaction information will be retained for a minimum period of 5 years following date of the transaction, and for a maximum period of 10 years following the date of the transaction.\n",
    );
    let got: Vec<(Option<u32>, Option<RetentionEvent>, Bound)> = periods(&doc)
        .into_iter()
        .map(|(d, a, b, _)| (d, a, b))
        .collect();
    assert_eq!(
        got,
        [
            (Some(1825), Some(Event), AtLeast),
            (Some(3650), Some(Event), AtMost)
        ]
    );
    // fixtures/corpus/privacyguides/privacy-policy.md, line 329.
    let doc = md(
        "Privacy Guides deletes accounts that have no public activity when they have gone unused for 3 years.\n",
    );
    let p = periods(&doc);
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].0, p[0].1), (Some(1095), Some(LastActivity)));
}

#[test]
fn indefinite_vague_and_criterion() {
    // fixtures/seeds/modeldock-privacy.txt, "6. Data Retention".
    let doc = fixture("seeds/modeldock-privacy.txt");
    let r = retention(&doc);
    let got: Vec<Flags> = r
        .iter()
        // An open-ended period's event is in `until` (`after` is null).
        .map(|r| {
            (
                r.subject.as_deref(),
                r.days,
                r.after.or(r.until),
                r.indefinite,
                r.vague,
            )
        })
        .collect();
    assert!(r.iter().all(|r| !r.indefinite || r.after.is_none()));
    assert_eq!(
        got,
        [
            // "We retain your account data for as long as your account is active."
            (
                Some("account data"),
                None,
                Some(AccountDeletion),
                true,
                false
            ),
            // "Run artifacts and logs are retained according to your plan limits."
            // A criterion, not a period and not vague.
            (Some("Run artifacts and logs"), None, None, false, false),
            // "When you delete your account, all associated data (projects,
            // credentials, runs, artifacts) is permanently deleted within 30 days."
            (None, Some(30), Some(AccountDeletion), false, false),
        ]
    );
    assert_eq!(
        evidence(&doc, &r[1]),
        "Run artifacts and logs are retained according to your plan limits."
    );
    // fixtures/corpus/letsencrypt/privacy-policy.md, lines 47–48.
    let doc = md(
        "We retain the data collected by Google Analytics as long as necessary for traffic analysis purposes.\n\nWe retain engagement data for as long as we utilize Salesforce Account Engagement.\n",
    );
    let r = retention(&doc);
    assert_eq!(r.len(), 2);
    assert!(r[0].vague && !r[0].indefinite && r[0].days.is_none());
    assert!(r[1].indefinite && !r[1].vague);
    assert_eq!(r[1].subject.as_deref(), Some("engagement data"));
}

#[test]
fn negated_permanence_is_not_indefinite() {
    // fixtures/corpus/whereby/gdpr.md, line 59.
    let doc = md("Chat messages are not stored permanently.\n");
    assert!(retention(&doc).is_empty());
}

#[test]
fn other_periods_are_not_retention() {
    // fixtures/seeds/dunops-privacy.txt, line 13: a response deadline.
    let doc = txt(
        "You can ask to see, fix, export, or delete your data. We'll respond within 30 days.\n",
    );
    assert!(retention(&doc).is_empty(), "{:#?}", retention(&doc));
    // fixtures/corpus/mozilla/pocket-privacy-policy.md, line 116: a notice period.
    let doc = md(
        "All amended terms shall automatically be effective thirty (30) days after they are initially posted on the website. If we make any material changes to our Privacy Policy that affect user information already stored in our database, we will notify you.\n",
    );
    assert!(retention(&doc).is_empty(), "{:#?}", retention(&doc));
    // fixtures/corpus/github/candidate-privacy-policy.md, line 197: a look-back.
    let doc = md(
        "Please note that in the preceding twelve (12) months, we have not sold your personal information or shared such information for cross context behavioral advertising.\n",
    );
    assert!(retention(&doc).is_empty());
    // fixtures/seeds/monitoring-saas-privacy.txt, line 68: an age.
    let doc = txt("The Service is not intended for individuals under 16 years of age.\n");
    assert!(retention(&doc).is_empty());
}

#[test]
fn cookie_lifetimes_are_not_retention() {
    // fixtures/corpus/github/cookies.md: a cookie table with an Expiration
    // column and "The expiration dates for the cookies listed above generally
    // apply on a rolling basis."
    assert!(retention(&fixture("corpus/github/cookies.md")).is_empty());
    // fixtures/corpus/sage-bionetworks/cookies.md: "10 days, but the access
    // token is invalid after 24 hours." in an Expiry column.
    assert!(retention(&fixture("corpus/sage-bionetworks/cookies.md")).is_empty());
    // fixtures/corpus/govuk-notify/cookies.html: "20 hours" in an Expires column.
    assert!(retention(&fixture("corpus/govuk-notify/cookies.html")).is_empty());
    // Prose: fixtures/corpus/sage-bionetworks/privacy.md, line 89.
    let doc = md(
        "A session Cookie disappears after you close your browser. A persistent Cookie remains after you close your browser and may be used by your browser on subsequent visits to our Services.\n",
    );
    assert!(retention(&doc).is_empty());
}

#[test]
fn thirty_in_words_and_digits() {
    // Synthetic: no corpus file states a retention period this way, but
    // contracts and DPAs often do ("thirty (30) days").
    let doc = md(
        "We will delete Customer Data within thirty (30) days after termination of the Agreement.\n",
    );
    let p = periods(&doc);
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].0, p[0].1, p[0].2),
        (Some(30), Some(ContractEnd), AtMost)
    );
}

#[test]
fn seventy_two_months() {
    // Synthetic: "72 months" appears in the issue, not in the corpus.
    let doc = md("Invoices are kept for 72 months for tax purposes.\n");
    let p = periods(&doc);
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].0, p[0].2), (Some(2160), Exactly));
    assert_eq!(retention(&doc)[0].subject.as_deref(), Some("Invoices"));
}

#[test]
fn retention_section_without_verbs() {
    // fixtures/corpus/govuk-notify/data-retention-period.html.
    let doc = fixture("corpus/govuk-notify/data-retention-period.html");
    let got: Vec<(Option<u32>, Bound, String)> = periods(&doc)
        .into_iter()
        .map(|(d, _, b, e)| (d, b, e))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(7),
                Exactly,
                "By default, we delete this data after 7 days.".to_string()
            ),
            // "You can choose anything between 3 and 90 days." under "How to
            // change your data retention period": the upper end of the range.
            (
                Some(90),
                AtMost,
                "You can choose anything between 3 and 90 days.".to_string()
            ),
        ]
    );
}

#[test]
fn retention_table() {
    // Synthetic table in the common "data | retention period" layout.
    let doc = md(
        "## How long we keep data\n\n| Data | Retention period |\n| --- | --- |\n| Server logs | 14 days |\n| Invoices | 7 years after the end of the financial year |\n| Account data | As long as your account is active |\n",
    );
    let r = retention(&doc);
    let got: Vec<(Option<&str>, Option<u32>, bool, &str)> = r
        .iter()
        .map(|r| {
            (
                r.subject.as_deref(),
                r.days,
                r.indefinite,
                evidence(&doc, r),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("Server logs"), Some(14), false, "14 days"),
            (
                Some("Invoices"),
                Some(2555),
                false,
                "7 years after the end of the financial year"
            ),
            (
                Some("Account data"),
                None,
                true,
                "As long as your account is active"
            ),
        ]
    );
    assert_eq!(r[1].after, Some(Event));
}

#[test]
fn nothing_stored_past_a_period_is_a_limit() {
    // pass-training/privacy-policy.md line 59.
    let doc = fixture("corpus/pass-training/privacy-policy.md");
    let r = retention(&doc);
    type Got = (Option<u32>, Option<RetentionEvent>, Bound, bool, usize);
    let got: Vec<Got> = r
        .iter()
        .map(|r| (r.days, r.after, r.bound, r.indefinite, r.evidence.column))
        .collect();
    assert_eq!(
        got,
        [
            // "When you cancel your account, we'll ensure that nothing is
            // stored on our servers past 30 days."
            (Some(30), Some(AccountClosure), AtMost, false, 1),
            // "Anything you delete on your account while it's active will
            // also be purged within 30 days."
            (Some(30), Some(DeletionRequest), AtMost, false, 96),
            // "State certifications and training Records will be maintained
            // indefinitely.": nothing ends it.
            (None, None, Unspecified, true, 186),
        ]
    );
    assert_eq!(r[0].subject, None);
    // "in the past 12 months" still looks back.
    let doc = md("We have not deleted any data collected in the past 12 months.\n");
    assert!(periods(&doc).is_empty(), "{:?}", periods(&doc));
    let doc = md("Logs are never kept past 90 days.\n");
    assert_eq!(periods(&doc)[0].2, AtMost);
}

#[test]
fn an_open_ended_period_names_the_event_that_ends_it() {
    let doc = md(concat!(
        "We retain your account data for as long as your account is active.\n\n",
        "Invoices are kept for the life of your subscription.\n\n",
        "We keep chat logs indefinitely while your workspace is active.\n\n",
        "Audit records are retained forever.\n\n",
        "We keep your profile until you close your account.\n",
    ));
    let all = retention(&doc);
    // The end of an open-ended period is `until`; `after` anchors counted
    // periods only.
    assert!(all.iter().all(|r| r.after.is_none()), "{all:?}");
    let got: Vec<(Option<RetentionEvent>, bool)> =
        all.iter().map(|r| (r.until, r.indefinite)).collect();
    assert_eq!(
        got,
        [
            (Some(AccountDeletion), true),
            (Some(ContractEnd), true),
            (Some(AccountDeletion), true),
            (None, true),
            (Some(AccountClosure), true),
        ]
    );
}
