//! Which policy retention statements speak about which inventory data item,
//! and how a statement's promise compares with the system's period. Shared
//! by the `retention/*` rules and `consistency/conflicting-retention`.
//!
//! Not a rule: it has no entry in the registry.
//!
//! ## Matching statements to data items
//!
//! An item is *mentioned* by a text when the text contains, case-insensitively
//! on word boundaries and with plurals, the item's `name`, one of its
//! `aliases`, its `id` (with `_` and `-` read as spaces), or a phrase the
//! policy itself uses for one of the item's categories (`data_collected`
//! phrases whose category is one of the item's, e.g. "IP address" for
//! `user.device.ip_address`).
//!
//! A statement whose `subject` is generic ("your data", "personal
//! information", "all associated data") is *general*: it covers every item.
//! Otherwise the statement is attached to the items mentioned by its subject
//! or by its sentence (both: "When you delete your account, all associated
//! data (projects, artifacts) is deleted within 30 days" speaks about the
//! account as well as the projects); when neither mentions an item, to the
//! items its block (list item, table row, paragraph) mentions, else the items
//! its section headings mention. A statement attached to nothing is general
//! when it has no subject, and covers nothing when its subject names
//! something the inventory does not have ("backups").
//!
//! ## Comparing
//!
//! For an item, the statements *with a period* attached to it are the
//! promises it is held to; only when there are none are the general
//! statements with a period used. See [`compare`] for one comparison and
//! [`evaluate`] for the verdict over all of them.

use std::collections::BTreeSet;

use super::shared::with_plurals;
use super::{Context, Location};
use crate::inventory::{DataItem, Inventory, RetentionPeriod};
use crate::lexicon::NameMatcher;
use crate::lexicon::fideslang;
use crate::model::{Bound, Retention, RetentionEvent};

/// Words that carry no meaning about *which* data a subject is.
const GENERIC_WORDS: [&str; 34] = [
    "your",
    "our",
    "the",
    "a",
    "an",
    "all",
    "any",
    "other",
    "associated",
    "related",
    "such",
    "of",
    "this",
    "that",
    "these",
    "those",
    "we",
    "you",
    "collected",
    "stored",
    "personal",
    "data",
    "information",
    "info",
    "it",
    "them",
    "user",
    "users",
    "customer",
    "and",
    "remaining",
    "processed",
    "retained",
    "identifiable",
];

/// Is a retention subject generic ("your personal data", "all information")?
pub(crate) fn is_generic_subject(subject: &str) -> bool {
    subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The subject normalised for comparison: lower case, generic words and a
/// plural `s` removed ("Your account logs" → "account log").
pub(crate) fn normalize_subject(subject: &str) -> String {
    subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_string(),
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A matcher over every data item's phrases; ids are item indexes.
pub(crate) fn item_matcher(inv: &Inventory, cx: &Context<'_>) -> NameMatcher {
    let mut patterns = Vec::new();
    for (i, item) in inv.data.iter().enumerate() {
        let mut phrases = item.phrases();
        phrases.extend(category_phrases(item, cx));
        for p in phrases {
            for v in with_plurals(&p) {
                patterns.push((v, i, false));
            }
        }
    }
    NameMatcher::new(patterns)
}

/// The policy's own phrases for the item's categories.
fn category_phrases(item: &DataItem, cx: &Context<'_>) -> Vec<String> {
    let cats: BTreeSet<&str> = item
        .categories
        .iter()
        .map(|c| fideslang::canonical(&c.value))
        .collect();
    cx.model
        .data_collected
        .iter()
        .filter(|d| cats.contains(fideslang::canonical(d.category)))
        .map(|d| d.phrase.trim().to_string())
        // A phrase of one or two letters would match everywhere.
        .filter(|p| p.chars().filter(|c| c.is_alphanumeric()).count() > 2)
        .collect()
}

fn mentioned(matcher: &NameMatcher, text: &str) -> BTreeSet<usize> {
    matcher.find(text).into_iter().map(|m| m.id).collect()
}

/// What one retention statement covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Covers {
    /// Every item.
    General,
    /// These items (indexes into `Inventory::data`); `direct` when the
    /// statement's subject or sentence names them, not only its paragraph
    /// or section.
    Items {
        items: BTreeSet<usize>,
        direct: bool,
    },
}

/// What every statement of the model covers (same order as `model.retention`).
pub(crate) fn coverage(cx: &Context<'_>, inv: &Inventory) -> Vec<Covers> {
    let matcher = item_matcher(inv, cx);
    cx.model
        .retention
        .iter()
        .map(|r| covers(cx, &matcher, r))
        .collect()
}

fn covers(cx: &Context<'_>, matcher: &NameMatcher, r: &Retention) -> Covers {
    let subject = r
        .subject
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if subject.is_some_and(is_generic_subject) {
        return Covers::General;
    }
    let mut items = subject.map(|s| mentioned(matcher, s)).unwrap_or_default();
    let around = cx
        .doc(&r.evidence.path)
        .and_then(|d| d.around(r.evidence.span()));
    let mut direct = true;
    if let Some(a) = around {
        items.extend(mentioned(matcher, a.sentence));
        if items.is_empty() {
            direct = false;
            items = mentioned(matcher, a.block);
        }
        if items.is_empty() {
            for h in a.headings {
                items = mentioned(matcher, h);
                if !items.is_empty() {
                    break;
                }
            }
        }
    }
    if items.is_empty() && subject.is_none() {
        Covers::General
    } else {
        Covers::Items { items, direct }
    }
}

/// How the system's period compares with one statement's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Within the promise.
    Satisfied,
    /// Longer than an `at_most` / `exactly` / unqualified promise.
    Exceeds,
    /// Shorter than an `exactly` promise.
    Shorter,
    /// The periods run from different events.
    AnchorMismatch,
}

/// Compare the system's `period` with a statement that states a number of
/// days.
///
/// - The statement's event is the system's when it names none, or names the
///   same one (account closure and account deletion are the same moment).
/// - `indefinite` in the inventory exceeds every period except an
///   `at_least` one; `session` never exceeds anything.
/// - Equal periods satisfy; a longer system period exceeds an `at_most`,
///   `exactly` or unqualified period ("kept for 14 days" is a promise too)
///   and satisfies an `at_least` one; a shorter one satisfies, except under
///   `exactly`, where it is `Shorter`.
pub(crate) fn compare(period: RetentionPeriod, st: &Retention) -> Option<Verdict> {
    let p = st.days?;
    Some(match period {
        RetentionPeriod::Session => Verdict::Satisfied,
        RetentionPeriod::Indefinite => match st.bound {
            Bound::AtLeast => Verdict::Satisfied,
            _ => Verdict::Exceeds,
        },
        RetentionPeriod::Days { days: s, after } => {
            if st.after.is_some_and(|e| !e.same_anchor(after)) {
                return Some(Verdict::AnchorMismatch);
            }
            match (s.cmp(&p), st.bound) {
                (std::cmp::Ordering::Equal, _) => Verdict::Satisfied,
                (std::cmp::Ordering::Greater, Bound::AtLeast) => Verdict::Satisfied,
                (std::cmp::Ordering::Greater, _) => Verdict::Exceeds,
                (std::cmp::Ordering::Less, Bound::Exactly) => Verdict::Shorter,
                (std::cmp::Ordering::Less, _) => Verdict::Satisfied,
            }
        }
    })
}

/// The result of holding one item's period against the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Consistent (or only vague statements: `hygiene/vague-retention`'s business).
    Consistent,
    /// Longer than every promise it is compared with; the statements broken.
    Exceeds(Vec<usize>),
    /// Only shorter than `exactly` promises.
    Shorter(Vec<usize>),
    /// Every period runs from another event.
    TriggerMismatch(Vec<usize>),
    /// No statement covers the item.
    Undisclosed,
    /// Only "while your account is active" statements cover the item, and the
    /// system keeps it for a period after the account is deleted.
    GraceUndisclosed(Vec<usize>),
}

/// Hold `item`'s retention against the statements (indexes into
/// `model.retention`) that cover it.
///
/// 1. The promises are the covering statements that state a period,
///    preferring those attached to the item over general ones.
/// 2. One satisfied promise is enough. Otherwise, when a promise with the
///    same (or no) event is exceeded, the item `Exceeds`; when it is only
///    shorter than `exactly` promises, `Shorter`; when every promise runs
///    from another event, `TriggerMismatch`.
/// 0. An `indefinite` statement that says *indefinitely* ("records will be
///    maintained indefinitely", `forever[i]`) and whose subject or sentence
///    names the item (`direct[i]`) allows any period. One that names it only
///    through its paragraph or section, or a general one ("we may retain
///    anonymised information indefinitely"), says nothing sure about the
///    item and is ignored.
/// 3. Without a period, an `indefinite` statement ("while your account is
///    active") covers the time the account exists. It is consistent with a
///    period that runs from collection, with `until account_deletion`, and
///    with `session`; a system that keeps data *after* the account is
///    deleted (`until account_deletion + 30d`) keeps it for a time the
///    statement does not speak of (`GraceUndisclosed`); `indefinite` in the
///    inventory (no end at all) exceeds it.
/// 4. Only vague statements: consistent here (`hygiene/vague-retention`
///    reports the vagueness). Nothing at all: `Undisclosed`.
pub(crate) fn evaluate(
    period: RetentionPeriod,
    statements: &[Retention],
    forever: &[bool],
    direct: &[bool],
    attached: &[usize],
    general: &[usize],
) -> Outcome {
    let is_forever = |i: usize| forever.get(i).copied().unwrap_or(false);
    let is_direct = |i: usize| direct.get(i).copied().unwrap_or(false);
    if attached
        .iter()
        .any(|&i| is_forever(i) && is_direct(i) && statements.get(i).is_some_and(|r| r.indefinite))
    {
        return Outcome::Consistent;
    }
    let with_days = |ids: &[usize]| -> Vec<usize> {
        ids.iter()
            .copied()
            .filter(|&i| statements.get(i).is_some_and(|r| r.days.is_some()))
            .collect()
    };
    let mut promises = with_days(attached);
    if promises.is_empty() {
        promises = with_days(general);
    }
    if !promises.is_empty() {
        let verdicts: Vec<(usize, Verdict)> = promises
            .iter()
            .filter_map(|&i| Some((i, compare(period, statements.get(i)?)?)))
            .collect();
        if verdicts.iter().any(|(_, v)| *v == Verdict::Satisfied) {
            return Outcome::Consistent;
        }
        let of = |want: Verdict| -> Vec<usize> {
            verdicts
                .iter()
                .filter(|(_, v)| *v == want)
                .map(|(i, _)| *i)
                .collect()
        };
        let exceeded = of(Verdict::Exceeds);
        if !exceeded.is_empty() {
            return Outcome::Exceeds(exceeded);
        }
        let shorter = of(Verdict::Shorter);
        if !shorter.is_empty() {
            return Outcome::Shorter(shorter);
        }
        return Outcome::TriggerMismatch(of(Verdict::AnchorMismatch));
    }
    let all: Vec<usize> = attached.iter().chain(general).copied().collect();
    let indefinite: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| !is_forever(i) && statements.get(i).is_some_and(|r| r.indefinite))
        .collect();
    if !indefinite.is_empty() {
        return match period {
            RetentionPeriod::Indefinite => Outcome::Exceeds(indefinite),
            RetentionPeriod::Days { days, after }
                if days > 0 && after.same_anchor(RetentionEvent::AccountDeletion) =>
            {
                Outcome::GraceUndisclosed(indefinite)
            }
            _ => Outcome::Consistent,
        };
    }
    if all
        .iter()
        .any(|&i| statements.get(i).is_some_and(|r| r.vague))
    {
        return Outcome::Consistent;
    }
    Outcome::Undisclosed
}

/// For each statement of the model: does it say the data is kept
/// *indefinitely* ("maintained indefinitely", "forever", "permanently",
/// "in perpetuity") rather than "as long as your account is active"? The
/// model tells them apart: an open-ended period that something ends carries
/// that event in `until` (`account_deletion` for "while your account is
/// active"); one that nothing ends has none.
pub(crate) fn says_forever(cx: &Context<'_>) -> Vec<bool> {
    cx.model
        .retention
        .iter()
        .map(|r| r.indefinite && r.days.is_none() && r.until.is_none())
        .collect()
}

/// One item's outcome, with everything a rule needs to report it.
pub(crate) struct ItemOutcome<'a> {
    pub item: &'a DataItem,
    pub period: RetentionPeriod,
    /// Where the retention is declared in inventory.yaml.
    pub inventory: Location,
    pub outcome: Outcome,
}

/// Every inventory item that declares a retention, evaluated once per
/// [`Context`] (none without an inventory).
pub(crate) fn evaluate_items<'c, 'a>(cx: &'c Context<'a>) -> &'c [ItemOutcome<'a>] {
    cx.retention.get_or_init(|| match cx.inventory {
        Some(inv) => evaluate_all(cx, inv),
        None => Vec::new(),
    })
}

/// Evaluate every inventory item that declares a retention.
fn evaluate_all<'a>(cx: &Context<'_>, inv: &'a Inventory) -> Vec<ItemOutcome<'a>> {
    use super::SourceFile;
    let cov = coverage(cx, inv);
    let forever = says_forever(cx);
    let direct: Vec<bool> = cov
        .iter()
        .map(|c| matches!(c, Covers::Items { direct: true, .. }))
        .collect();
    let general: Vec<usize> = cov
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Covers::General)
        .map(|(i, _)| i)
        .collect();
    inv.data
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| {
            let r = item.retention.as_ref()?;
            let attached: Vec<usize> = cov
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c, Covers::Items { items, .. } if items.contains(&idx)))
                .map(|(i, _)| i)
                .collect();
            Some(ItemOutcome {
                item,
                period: r.value,
                inventory: inv.locate(r.span),
                outcome: evaluate(
                    r.value,
                    &cx.model.retention,
                    &forever,
                    &direct,
                    &attached,
                    &general,
                ),
            })
        })
        .collect()
}

/// Days in words: whole years as years ("5 years"), otherwise days.
pub(crate) fn human_days(days: u32) -> String {
    match days {
        365 => "1 year".to_string(),
        d if d > 0 && d % 365 == 0 => format!("{} years", d / 365),
        1 => "1 day".to_string(),
        d => format!("{d} days"),
    }
}

/// A statement's period in words: "30 days after account closure", "while
/// the account is active", "1 year".
pub(crate) fn describe(r: &Retention) -> String {
    if r.indefinite && r.days.is_none() {
        return match r.until {
            None => "indefinitely".to_string(),
            Some(RetentionEvent::ContractEnd) => "until the end of the contract".to_string(),
            Some(_) => "while the account is active".to_string(),
        };
    }
    let Some(days) = r.days else {
        return "an unstated period".to_string();
    };
    let bound = match r.bound {
        Bound::AtMost => "at most ",
        Bound::AtLeast => "at least ",
        Bound::Exactly | Bound::Unspecified => "",
    };
    let span = human_days(days);
    match r.after {
        None | Some(RetentionEvent::Collection) => format!("{bound}{span}"),
        Some(e) => format!("{bound}{span} after {}", event_words(e)),
    }
}

/// How long the system keeps something, in words that follow "keeps X":
/// "for 30 days", "for 30 days after account deletion", "until account
/// deletion", "indefinitely", "for the browser session".
pub(crate) fn kept(p: RetentionPeriod) -> String {
    match p {
        RetentionPeriod::Session => "for the browser session".to_string(),
        RetentionPeriod::Indefinite => "indefinitely".to_string(),
        RetentionPeriod::Days {
            days,
            after: RetentionEvent::Collection,
        } => format!("for {}", human_days(days)),
        RetentionPeriod::Days { days: 0, after } => format!("until {}", event_words(after)),
        RetentionPeriod::Days { days, after } => {
            format!("for {} after {}", human_days(days), event_words(after))
        }
    }
}

pub(crate) fn event_words(e: RetentionEvent) -> &'static str {
    match e {
        RetentionEvent::Collection => "collection",
        RetentionEvent::AccountDeletion => "account deletion",
        RetentionEvent::AccountClosure => "account closure",
        RetentionEvent::DeletionRequest => "a deletion request",
        RetentionEvent::Event => "the event",
        RetentionEvent::ContractEnd => "the end of the contract",
        RetentionEvent::LastActivity => "the last activity",
        RetentionEvent::BackupRotation => "backup rotation",
    }
}

/// A hand-built policy and inventory for the retention rules' tests.
/// A period comparison a rule reports: the item, how long the system keeps
/// it, the policy statement's period in words, and both locations.
pub(crate) struct PeriodFinding<'a> {
    pub id: &'a str,
    pub kept: String,
    pub promise: String,
    pub policy: Location,
    pub inventory: Location,
}

/// The items whose outcome `pick` selects (returning the policy statements
/// involved), located at the first statement: the shared half of
/// `retention/exceeds-policy` and `retention/shorter-than-policy`.
pub(crate) fn period_findings<'a>(
    cx: &Context<'a>,
    pick: impl Fn(&Outcome) -> Option<&[usize]>,
) -> Vec<PeriodFinding<'a>> {
    evaluate_items(cx)
        .iter()
        .filter_map(|o| {
            let st = pick(&o.outcome)?
                .first()
                .and_then(|&i| cx.model.retention.get(i))?;
            Some(PeriodFinding {
                id: &o.item.id.value,
                kept: kept(o.period),
                promise: describe(st),
                policy: super::shared::locate_evidence(cx, &st.evidence)?,
                inventory: o.inventory.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod fixture {
    use super::super::shared::testing::*;
    use crate::document::Document;
    use crate::inventory::Inventory;
    use crate::model::{Bound, PolicyModel, Retention, RetentionEvent};

    pub const POLICY: &str = concat!(
        "# Privacy\n\n",
        "## Retention\n\n",
        "- Account data — until account closure + 90 days\n",
        "- Audit log — 1 year after the event\n",
        "- Billing — 5 years (legal requirement)\n",
    );

    /// The policy's three statements, as extraction reads them.
    pub fn policy() -> (Document, PolicyModel) {
        let d = doc(POLICY);
        let mut m = model(std::slice::from_ref(&d));
        let st = |at: &str, subject: &str, days: u32, after, bound| Retention {
            subject: Some(subject.into()),
            days: Some(days),
            after,
            bound,
            indefinite: false,
            until: None,
            vague: false,
            evidence: ev(&d, at),
        };
        m.retention = vec![
            st(
                "until account closure + 90 days",
                "Account data",
                90,
                Some(RetentionEvent::AccountClosure),
                Bound::AtMost,
            ),
            st(
                "1 year after the event",
                "Audit log",
                365,
                Some(RetentionEvent::Event),
                Bound::Exactly,
            ),
            st("5 years", "Billing", 1825, None, Bound::Exactly),
        ];
        (d, m)
    }

    /// An inventory with the three items and the given retentions.
    pub fn inventory(account: &str, audit: &str, billing: &str) -> Inventory {
        inv(&format!(
            "version: 1\ndata:\n  - id: account\n    name: Account data\n    retention: {account}\n  - id: audit_log\n    name: Audit log\n    retention: {audit}\n  - id: billing\n    name: Billing\n    retention: {billing}\n"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;
    use crate::inventory::retention::parse;
    use crate::model::Evidence;

    fn st(days: Option<u32>, after: Option<RetentionEvent>, bound: Bound) -> Retention {
        Retention {
            subject: None,
            days,
            after,
            bound,
            indefinite: false,
            until: None,
            vague: false,
            evidence: Evidence {
                path: "p.md".into(),
                line: 1,
                column: 1,
                start: 0,
                end: 0,
            },
        }
    }

    fn period(s: &str) -> RetentionPeriod {
        match parse(s) {
            Ok(p) => p,
            Err(e) => panic!("{s}: {}", e.message),
        }
    }

    use RetentionEvent::*;

    #[test]
    fn compare_follows_the_bound_and_the_anchor() {
        let within_90_closure = st(Some(90), Some(AccountClosure), Bound::AtMost);
        assert_eq!(
            compare(period("until account_deletion + 90d"), &within_90_closure),
            Some(Verdict::Satisfied)
        );
        assert_eq!(
            compare(period("until account_deletion + 180d"), &within_90_closure),
            Some(Verdict::Exceeds)
        );
        assert_eq!(
            compare(period("until account_deletion + 30d"), &within_90_closure),
            Some(Verdict::Satisfied)
        );
        assert_eq!(
            compare(period("90d after last_activity"), &within_90_closure),
            Some(Verdict::AnchorMismatch)
        );
        let for_a_year = st(Some(365), None, Bound::Exactly);
        assert_eq!(compare(period("30d"), &for_a_year), Some(Verdict::Shorter));
        assert_eq!(compare(period("1y"), &for_a_year), Some(Verdict::Satisfied));
        assert_eq!(compare(period("2y"), &for_a_year), Some(Verdict::Exceeds));
        assert_eq!(
            compare(period("indefinite"), &for_a_year),
            Some(Verdict::Exceeds)
        );
        let at_least = st(Some(365), None, Bound::AtLeast);
        assert_eq!(compare(period("2y"), &at_least), Some(Verdict::Satisfied));
        assert_eq!(
            compare(period("session"), &for_a_year),
            Some(Verdict::Satisfied)
        );
        assert_eq!(compare(period("30d"), &st(None, None, Bound::AtMost)), None);
    }

    fn evaluate_t(p: RetentionPeriod, s: &[Retention], a: &[usize], g: &[usize]) -> Outcome {
        evaluate(p, s, &[], &[], a, g)
    }

    #[test]
    fn an_attached_forever_statement_allows_anything_a_general_one_nothing() {
        let mut forever = st(None, None, Bound::Unspecified);
        forever.indefinite = true;
        let s = [forever];
        assert_eq!(
            evaluate(period("indefinite"), &s, &[true], &[true], &[0], &[]),
            Outcome::Consistent
        );
        assert_eq!(
            evaluate(period("14d"), &s, &[true], &[false], &[], &[0]),
            Outcome::Undisclosed
        );
        assert_eq!(
            evaluate(period("indefinite"), &s, &[false], &[true], &[0], &[]),
            Outcome::Exceeds(vec![0])
        );
        // Named only by its paragraph: not sure enough to allow anything.
        assert_eq!(
            evaluate(period("indefinite"), &s, &[true], &[false], &[0], &[]),
            Outcome::Undisclosed
        );
    }

    #[test]
    fn evaluate_prefers_attached_promises_and_reads_while_active() {
        let attached_90 = st(Some(90), Some(AccountClosure), Bound::AtMost);
        let general_365 = st(Some(365), None, Bound::AtMost);
        let mut active = st(None, None, Bound::Unspecified);
        active.indefinite = true;
        let mut vague = st(None, None, Bound::Unspecified);
        vague.vague = true;
        let s = [attached_90, general_365, active, vague];
        // The attached promise is broken; the looser general one is not used.
        assert_eq!(
            evaluate_t(period("until account_deletion + 180d"), &s, &[0], &[1]),
            Outcome::Exceeds(vec![0])
        );
        // No attached period: the general one applies (anchor unknown).
        assert_eq!(
            evaluate_t(period("180d"), &s, &[2], &[1]),
            Outcome::Consistent
        );
        // "While your account is active" alone.
        assert_eq!(
            evaluate_t(period("until account_deletion"), &s, &[2], &[]),
            Outcome::Consistent
        );
        assert_eq!(
            evaluate_t(period("14d"), &s, &[2], &[]),
            Outcome::Consistent
        );
        assert_eq!(
            evaluate_t(period("until account_closure + 30d"), &s, &[2], &[]),
            Outcome::GraceUndisclosed(vec![2])
        );
        assert_eq!(
            evaluate_t(period("indefinite"), &s, &[2], &[]),
            Outcome::Exceeds(vec![2])
        );
        assert_eq!(
            evaluate_t(period("14d"), &s, &[3], &[]),
            Outcome::Consistent
        );
        assert_eq!(
            evaluate_t(period("14d"), &s, &[], &[]),
            Outcome::Undisclosed
        );
        assert_eq!(
            evaluate_t(period("90d after last_activity"), &s, &[0], &[]),
            Outcome::TriggerMismatch(vec![0])
        );
    }

    #[test]
    fn days_in_words() {
        assert_eq!(human_days(1825), "5 years");
        assert_eq!(human_days(365), "1 year");
        assert_eq!(human_days(390), "390 days");
        assert_eq!(human_days(1), "1 day");
        assert_eq!(human_days(0), "0 days");
    }

    #[test]
    fn subjects() {
        assert!(is_generic_subject("your personal data"));
        assert!(is_generic_subject("All associated information"));
        assert!(!is_generic_subject("backups"));
        assert_eq!(normalize_subject("Your account logs"), "account log");
        assert_eq!(normalize_subject("the Server Logs"), "server log");
        assert_eq!(normalize_subject("address"), "address");
    }

    #[test]
    fn statements_attach_through_subject_sentence_block_and_heading() {
        let d = doc(concat!(
            "# Privacy\n\n",
            "## Server logs\n\n",
            "Kept for 14 days.\n\n",
            "## Retention\n\n",
            "When you delete your account, all associated data (projects, artifacts) is deleted within 30 days.\n\n",
            "We keep your data while you use the service.\n\n",
            "Backups are kept for 90 days.\n",
        ));
        let i = inv(concat!(
            "version: 1\n",
            "data:\n",
            "  - id: account\n",
            "  - id: project\n",
            "    name: Project data\n",
            "  - id: logs\n",
            "    name: Server logs\n",
        ));
        let mut m = model(std::slice::from_ref(&d));
        let at = |needle: &str, subject: Option<&str>| {
            let mut r = st(Some(1), None, Bound::AtMost);
            r.evidence = ev(&d, needle);
            r.subject = subject.map(str::to_string);
            r
        };
        m.retention = vec![
            at("14 days", None),
            at(
                "within 30 days",
                Some("all associated data (projects, artifacts)"),
            ),
            at("while you use", Some("your data")),
            at("90 days", Some("Backups")),
        ];
        let docs = crate::summary::summarize_all(&[d], &m, Some(&i));
        let cx = Context::new(&docs, &m, Some(&i));
        let cov = coverage(&cx, &i);
        assert_eq!(
            cov[0],
            Covers::Items {
                items: [2].into(),
                direct: false
            },
            "by heading"
        );
        assert_eq!(
            cov[1],
            Covers::Items {
                items: [0, 1].into(),
                direct: true
            },
            "subject and sentence"
        );
        assert_eq!(cov[2], Covers::General, "generic subject");
        assert_eq!(
            cov[3],
            Covers::Items {
                items: BTreeSet::new(),
                direct: false
            },
            "unknown subject"
        );
    }
}
