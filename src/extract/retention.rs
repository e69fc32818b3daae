//! Retention statements: how long data is kept, from when, and how firmly.
//!
//! A sentence (or list item, or retention-table row) is read as retention
//! when it has a retention cue ("retain", "keep", "delete", "purge", "age
//! out", …) or sits under a retention heading ("Data retention", "How long
//! we keep…", "What happens when you delete…"). Each period in it becomes
//! one fact (`find_durations`: "30 days", "thirty (30) days", "within 90."
//! with the unit inherited), unless the period belongs to something else:
//! a response deadline ("we respond within 30 days"), a notice period, an
//! age ("under 16 years of age"), a look-back ("in the preceding 12
//! months") or a cookie's lifetime (sentences about cookies are skipped).
//!
//! Without a period, "as long as your account is active" is `indefinite`,
//! "as long as necessary" / "as needed for …" is `vague`, and a stated
//! criterion ("according to your plan limits") gives `days: null`. An
//! `indefinite` statement's `until` is the event that ends it —
//! `account_deletion` (or `account_closure`) for "while your account is
//! active", `contract_end` for "for the life of your subscription" — and
//! `null` when nothing ends it ("maintained indefinitely", "forever").
//!
//! The anchor (`after`) is read per period: first right after it ("30 days
//! after account deletion", "1 year after the event", "of your request"),
//! then chained periods ("another 30 days" → `event`, in backups →
//! `backup_rotation`), then "until account closure + 90 days", then the
//! nearest event named in the sentence ("If you delete your account, …").

use std::cell::OnceCell;
use std::ops::Range;

use crate::pattern::{Static, runtime, table};
use crate::span::{ceil_char, floor_char};

use super::REACH;
use super::context::clause_start;
use super::duration::{Duration, RangePart, find_durations};
use super::lexicons::Input;
use crate::document::{Block, BlockKind, Document};
use crate::model::{Bound, Evidence, PolicyModel, Retention, RetentionEvent};

/// Add every retention statement of `doc` to `model`.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    // The section flags depend only on the block's section, and blocks of
    // one section are consecutive: computed once per run of blocks.
    let mut flags: Option<(Option<usize>, SectionFlags)> = None;
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading | BlockKind::TableHeader => continue,
            _ => {}
        }
        let section = match flags {
            Some((at, f)) if at == block.section => f,
            _ => {
                let f = SectionFlags::of(doc, block);
                flags = Some((block.section, f));
                f
            }
        };
        if section.cookies {
            continue;
        }
        if block.kind == BlockKind::TableRow {
            table_row(doc, block, model);
            continue;
        }
        // Read only for a sentence that may state a retention period.
        let item_subject = OnceCell::new();
        let mut prev = None;
        for sentence in &block.sentences {
            let ctx = Context {
                in_section: section.retention,
                in_rights: section.rights,
                item: &item_subject,
                prev_sentence: prev,
            };
            let facts = read_sentence(block, sentence.clone(), &ctx);
            for f in facts {
                model.retention.push(f.into_fact(doc, block));
            }
            prev = block.text.get(sentence.clone());
        }
    }
}

/// What the headings above a block say about it.
#[derive(Clone, Copy)]
struct SectionFlags {
    /// Some heading above is about retention.
    retention: bool,
    /// The nearest heading is about cookies (and not retention).
    cookies: bool,
    /// Some heading above is about the reader's rights.
    rights: bool,
}

impl SectionFlags {
    fn of(doc: &Document, block: &Block) -> SectionFlags {
        let path = doc.section_path(block);
        SectionFlags {
            retention: path
                .iter()
                .any(|h| table::RETENTION_HEADING.regex().is_match(h)),
            cookies: path.iter().rev().take(1).any(|h| {
                table::COOKIE_WORD.regex().is_match(h)
                    && !table::RETENTION_HEADING.regex().is_match(h)
            }),
            rights: path
                .iter()
                .any(|h| table::RIGHTS_HEADING.regex().is_match(h)),
        }
    }
}

/// A fact before it gets its evidence.
struct Found {
    subject: Option<String>,
    days: Option<u32>,
    after: Option<RetentionEvent>,
    bound: Bound,
    indefinite: bool,
    until: Option<RetentionEvent>,
    vague: bool,
    range: Range<usize>,
}

impl Found {
    fn into_fact(self, doc: &Document, block: &Block) -> Retention {
        Retention {
            subject: self.subject,
            days: self.days,
            after: self.after,
            bound: self.bound,
            indefinite: self.indefinite,
            until: self.until,
            vague: self.vague,
            evidence: Evidence::new(doc, block.span_of(self.range)),
        }
    }
}

/// "Account data — until account closure + 90 days": the label before the
/// dash or colon of a list item, and where its text starts.
fn labelled_item(block: &Block) -> Option<(String, usize)> {
    if !block.is_list_item() && block.kind != BlockKind::Paragraph {
        return None;
    }
    let t = &block.text;
    // The first separator, in one scan for its distinctive byte (`:`, `-`,
    // or the first byte of a dash), stopping at the first that makes one.
    // A separator starts on that byte or on the space before it, and no two
    // separators start on the same byte, so the first one found is the
    // earliest.
    let b = t.as_bytes();
    let (i, sep) = memchr::memchr3_iter(b':', b'-', 0xE2, b).find_map(|j| {
        let from = if b[j] == b':' { j } else { j.checked_sub(1)? };
        [" — ", " – ", " - ", ": "]
            .iter()
            .find(|s| b[from..].starts_with(s.as_bytes()))
            .map(|s| (from, s.len()))
    })?;
    let label = t[..i].trim().trim_end_matches(['*', '.']).trim();
    let words = label.split_whitespace().count();
    if words == 0 || words > 6 || label.ends_with('.') {
        return None;
    }
    // A sentence is not a label ("We keep your data: …").
    let lower = label.to_lowercase();
    if ["we ", "you ", "our ", "if ", "when ", "this ", "it "]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return None;
    }
    Some((label.to_string(), i + sep))
}

/// What a sentence's surroundings say.
struct Context<'a> {
    in_section: bool,
    in_rights: bool,
    /// The block's label ([`labelled_item`]), read on first use.
    item: &'a OnceCell<Option<(String, usize)>>,
    /// The previous sentence of the block, for the account-level event it
    /// names ("We soft-delete your data after an account is cancelled. In
    /// this case … purged within 30 days."). Read only when a period of
    /// this sentence has no anchor of its own and the sentence refers back.
    prev_sentence: Option<&'a str>,
}

/// The account-level event (closure, deletion, contract end, inactivity) a
/// sentence names, if any.
fn account_level_anchor(s: &str) -> Option<RetentionEvent> {
    anchors_in(s)
        .into_iter()
        .map(|(_, e)| e)
        .find(|e| is_account_level(*e))
}

fn is_account_level(e: RetentionEvent) -> bool {
    matches!(
        e,
        RetentionEvent::AccountClosure
            | RetentionEvent::AccountDeletion
            | RetentionEvent::ContractEnd
            | RetentionEvent::LastActivity
    )
}

fn read_sentence(block: &Block, sentence: Range<usize>, ctx: &Context) -> Vec<Found> {
    let in_section = ctx.in_section;
    let text = &block.text;
    let Some(s) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    // Most sentences have no cue and sit outside a retention section: one
    // search turns them away.
    let has_cue = table::RETENTION_CUE.regex().is_match(s);
    if !has_cue && !in_section {
        return Vec::new();
    }
    let item = ctx.item.get_or_init(|| labelled_item(block)).as_ref();
    let labelled = item.is_some_and(|(_, start)| *start > sentence.start && *start <= sentence.end);
    let found = find_durations(s);
    // Two tests turn a whole sentence away: a cookie's lifetime is not
    // retention, and keeping a right or a provider is not keeping data
    // (unless the sentence names a period). Everything below only reads,
    // so they are asked (once) just before the first fact is added; a
    // sentence that gives no fact never needs them.
    let no_period = found.is_empty();
    let veto = OnceCell::new();
    let vetoed = || {
        *veto.get_or_init(|| {
            table::COOKIE_WORD.regex().is_match(s)
                || (no_period && table::NOT_DATA_RE.regex().is_match(s))
        })
    };
    let base = sentence.start;
    let item_subject = item
        .filter(|(_, start)| *start > sentence.start && *start <= sentence.end)
        .map(|(l, _)| l.clone());

    let durations: Vec<Duration> = found
        .into_iter()
        .filter(|d| {
            let (_, near, d) = near(s, d);
            is_retention_period(near, &d, has_cue || labelled || in_section)
        })
        .collect();

    let mut out = Vec::new();
    let subject_for = |at: usize| item_subject.clone().or_else(|| subject_in(s, at));
    let whole = trimmed(text, sentence.clone());
    // "as long as your account is active" may sit next to a period
    // ("… while your account is active and delete it within 30 days …").
    // (The flags first: the search is needed only when they allow a fact.)
    if (has_cue || labelled)
        && !(ctx.in_rights && durations.is_empty())
        && let Some(m) = runtime::INDEFINITE_RE.regex().find(s)
        && !negated_before(&s[..m.start()])
    {
        if vetoed() {
            return Vec::new();
        }
        out.push(Found {
            subject: subject_for(m.start()),
            days: None,
            after: None,
            until: indefinite_end(s),
            bound: Bound::Unspecified,
            indefinite: true,
            vague: false,
            range: whole.clone(),
        });
    }
    if !durations.is_empty() {
        if vetoed() {
            return Vec::new();
        }
        let many = durations
            .iter()
            .filter(|d| d.range_part != Some(RangePart::Low))
            .count()
            > 1;
        for d in &durations {
            if d.range_part == Some(RangePart::Low) {
                continue;
            }
            // The period's context: its sentence within REACH of it.
            let (lo, near, local) = near(s, d);
            let near_range = base + lo..base + lo + near.len();
            let range = if many {
                clause_range(block, &near_range, base + d.range.start, base + d.range.end)
            } else {
                whole.clone()
            };
            let after = anchor(near, &local).or_else(|| {
                table::BACK_REFERENCE
                    .regex()
                    .is_match(s)
                    .then(|| ctx.prev_sentence.and_then(account_level_anchor))
                    .flatten()
            });
            let subject_near = || {
                item_subject
                    .clone()
                    .or_else(|| subject_in(near, local.range.start))
            };
            out.push(Found {
                subject: if many {
                    let cs = range.start.saturating_sub(base).clamp(lo, d.range.start);
                    item_subject
                        .clone()
                        .or_else(|| subject_in(&s[cs..lo + near.len()], d.range.start - cs))
                        .or_else(subject_near)
                } else {
                    subject_near()
                },
                days: Some(d.days),
                after,
                bound: bound(near, &local),
                indefinite: false,
                until: None,
                vague: false,
                range,
            });
        }
        return out;
    }
    if !has_cue && !labelled {
        return out;
    }
    let any = !out.is_empty();
    if let Some(m) = table::VAGUE_RE.regex().find(s)
        && !ctx.in_rights
        && !table::RIGHTS_SENTENCE.regex().is_match(s)
    {
        if vetoed() {
            return Vec::new();
        }
        out.push(Found {
            subject: subject_for(m.start()),
            days: None,
            after: None,
            bound: Bound::Unspecified,
            indefinite: false,
            until: None,
            vague: true,
            range: whole.clone(),
        });
        return out;
    }
    if !any
        && let Some(m) = table::CRITERION_RE.regex().find(s)
        && strong_cue(s)
    {
        if vetoed() {
            return Vec::new();
        }
        out.push(Found {
            subject: subject_for(m.start()),
            days: None,
            after: None,
            bound: Bound::Unspecified,
            indefinite: false,
            until: None,
            vague: false,
            range: whole,
        });
    }
    out
}

/// The event that ends an open-ended period: "as long as your account is
/// active", "until you delete your account" end at the account's deletion
/// (or closure); "for the life of your subscription", "as long as you use
/// the service" at the end of the contract. "Indefinitely", "forever",
/// "permanently" and "in perpetuity" name no end: `None`, unless the same
/// sentence also bounds it by the account ("… indefinitely while your
/// account is active").
fn indefinite_end(s: &str) -> Option<RetentionEvent> {
    let account = table::INDEFINITE_END_ACCOUNT.regex();
    let forever = table::INDEFINITE_END_FOREVER.regex();
    runtime::INDEFINITE_RE.regex().find_iter(s).find_map(|m| {
        let t = m.as_str();
        if forever.is_match(t) {
            None
        } else if table::CLOSURE_RE.regex().is_match(t) {
            Some(RetentionEvent::AccountClosure)
        } else if table::DELETION_RE.regex().is_match(t) || account.is_match(t) {
            Some(RetentionEvent::AccountDeletion)
        } else {
            // Subscriptions, memberships, the relationship, the service,
            // "as long as you use it / remain a customer".
            Some(RetentionEvent::ContractEnd)
        }
    })
}

/// Does a negation close the text ("not stored permanently", "we do not
/// retain … for more than")?
fn negated_before(prefix: &str) -> bool {
    table::NEGATED_BEFORE.regex().is_match(prefix)
}

/// A verb that clearly says data is kept (not merely deleted or stored).
fn strong_cue(s: &str) -> bool {
    table::STRONG_CUE.regex().is_match(s)
}

/// The part of sentence `s` within [`REACH`] of period `d`: its start in
/// `s`, its text, and `d` with its range moved into it. The cues, anchor,
/// bound and subject of a period lie in its clause; the bound keeps a
/// sentence of megabytes with a period every few words ("kept for 30 days,
/// kept for 30 days, …") linear instead of reading the whole sentence per
/// period.
fn near<'s>(s: &'s str, d: &Duration) -> (usize, &'s str, Duration) {
    let lo = floor_char(s, d.range.start.saturating_sub(REACH));
    let hi = ceil_char(s, d.range.end.saturating_add(REACH));
    let mut local = d.clone();
    local.range = d.range.start - lo..d.range.end - lo;
    (lo, &s[lo..hi], local)
}

/// Is the period `d` of sentence `s` a retention period?
fn is_retention_period(s: &str, d: &Duration, cue_or_item: bool) -> bool {
    let before = &s[..d.range.start];
    let after = &s[d.range.end..];
    if table::AGE_AFTER.regex().is_match(after) || table::LOOKBACK_BEFORE.regex().is_match(before) {
        return false;
    }
    // "After the thirty days are up": a period mentioned again.
    if table::IS_RETENTION_PERIOD.regex().is_match(before)
        && table::IS_RETENTION_PERIOD_2.regex().is_match(after)
    {
        return false;
    }
    // The nearest cue before the period decides what it measures.
    let last_ret = table::RETENTION_CUE
        .regex()
        .find_iter(before)
        .last()
        .map(|m| m.end());
    let last_other = table::OTHER_PERIOD_CUE
        .regex()
        .find_iter(before)
        .last()
        .map(|m| m.end());
    match (last_ret, last_other) {
        (Some(r), Some(o)) => r > o,
        (None, Some(_)) => false,
        (Some(_), None) => true,
        // No cue before: a cue after ("30 days after which it is deleted"),
        // or a labelled item under a retention heading.
        (None, None) => {
            let after_other = table::OTHER_PERIOD_CUE
                .regex()
                .find(after)
                .map(|m| m.start());
            let after_ret = table::RETENTION_CUE.regex().find(after).map(|m| m.start());
            match (after_ret, after_other) {
                (Some(r), Some(o)) => r < o,
                (None, Some(_)) => false,
                (Some(_), None) => true,
                (None, None) => cue_or_item,
            }
        }
    }
}

/// The last few words before the period, with fillers ("another", "about")
/// removed.
fn words_before(s: &str, d: &Duration) -> String {
    let start = floor_char(s, d.range.start.saturating_sub(48));
    let mut b = s[start..d.range.start].to_string();
    // Drop an opening parenthesis and fillers.
    loop {
        let t = b.trim_end().trim_end_matches('(').trim_end().to_string();
        let stripped = table::APPROX_BEFORE.regex().replace(&t, "").to_string();
        if stripped == t {
            b = t;
            break;
        }
        b = stripped;
    }
    b
}

fn bound(s: &str, d: &Duration) -> Bound {
    if d.range_part == Some(RangePart::High) {
        return Bound::AtMost;
    }
    let after = &s[d.range.end..];
    if let Some(c) = table::BOUND_AFTER.regex().captures(after) {
        if c.name("most").is_some() {
            return Bound::AtMost;
        }
        if c.name("least").is_some() {
            return Bound::AtLeast;
        }
    }
    let before = words_before(s, d);
    if table::AT_MOST_BEFORE.regex().is_match(&before) {
        Bound::AtMost
    } else if table::AT_LEAST_BEFORE.regex().is_match(&before) {
        // "we do not retain data for more than 25 months", "in no event …
        // for more than three days": a negated minimum is a maximum.
        let clause = before.rsplit([',', ';', '(']).next().unwrap_or(&before);
        if table::NEGATION.regex().is_match(clause) {
            Bound::AtMost
        } else {
            Bound::AtLeast
        }
    } else if table::EXACTLY_BEFORE.regex().is_match(&before) {
        Bound::Exactly
    } else {
        Bound::Unspecified
    }
}

/// The anchors a retention period can be counted from, by priority.
static ANCHORS: [(&Static, RetentionEvent); 7] = [
    (&table::CLOSURE_RE, RetentionEvent::AccountClosure),
    (&table::DELETION_RE, RetentionEvent::AccountDeletion),
    (&table::CONTRACT_END_RE, RetentionEvent::ContractEnd),
    (&table::LAST_ACTIVITY_RE, RetentionEvent::LastActivity),
    (&table::DELETION_REQUEST_RE, RetentionEvent::DeletionRequest),
    (&table::EVENT_RE, RetentionEvent::Event),
    (&table::COLLECTION_RE, RetentionEvent::Collection),
];

/// The first anchor named in `text`, by priority.
fn anchor_in(text: &str) -> Option<(usize, RetentionEvent)> {
    ANCHORS
        .iter()
        .find_map(|(r, e)| r.regex().find(text).map(|m| (m.start(), *e)))
}

/// Every anchor named in `text`, with positions.
fn anchors_in(text: &str) -> Vec<(usize, RetentionEvent)> {
    let mut v = Vec::new();
    for &(r, e) in &ANCHORS {
        for m in r.regex().find_iter(text) {
            // An earlier, stronger anchor at the same place wins.
            if !v
                .iter()
                .any(|(p, _): &(usize, RetentionEvent)| *p <= m.start() && m.start() < *p + 8)
            {
                v.push((m.start(), e));
            }
        }
    }
    v
}

fn anchor(s: &str, d: &Duration) -> Option<RetentionEvent> {
    // 1. Right after the period: "30 days after account deletion", "1 year
    //    after the event", "within 30 days of your request".
    let after_start = d.range.end;
    let window_end = ceil_char(s, (after_start + 70).min(s.len()));
    let window = &s[after_start..window_end];
    let window = window.split([';', '.']).next().unwrap_or(window);
    let w = window.trim_start().trim_start_matches(')').trim_start();
    let lower = w.to_ascii_lowercase();
    let introduces = [
        "after",
        "of",
        "from",
        "following",
        "since",
        "upon",
        "once",
        "when",
        "since",
        "beyond",
    ]
    .iter()
    .any(|p| lower.starts_with(p) && lower[p.len()..].starts_with(|c: char| !c.is_alphanumeric()));
    let chained = table::CHAIN_BEFORE
        .regex()
        .is_match(&s[..d.range.start].trim_end().replace(['(', ')'], ""));
    let clause_has_backup = {
        let cs = s[..d.range.start]
            .rfind([';', ','])
            .map(|i| i + 1)
            .unwrap_or(0);
        table::BACKUP_RE.regex().is_match(&s[cs..d.range.start])
    };
    if introduces {
        if lower.starts_with("after that")
            || lower.starts_with("after this")
            || lower.starts_with("thereafter")
        {
            return Some(if clause_has_backup {
                RetentionEvent::BackupRotation
            } else {
                RetentionEvent::Event
            });
        }
        if let Some((_, e)) = anchor_in(w) {
            return Some(e);
        }
        // "of inactivity" / "after the end of …" are covered above; a bare
        // "after …" with an unknown noun is some event.
    }
    // 2. Chained periods: "for another 30 days".
    if chained {
        return Some(if clause_has_backup {
            RetentionEvent::BackupRotation
        } else {
            RetentionEvent::Event
        });
    }
    // 3. "until account closure + 90 days".
    if let Some(c) = runtime::UNTIL_PLUS_BEFORE
        .regex()
        .captures(&s[..d.range.start])
        && let Some(ev) = c.name("ev")
        && let Some((_, e)) =
            anchor_in(ev.as_str()).or_else(|| anchor_in(&format!("account {}", ev.as_str().trim())))
    {
        return Some(e);
    }
    // "inactive for 2 years", "after 2 years of inactivity".
    let before_window = &s[floor_char(s, d.range.start.saturating_sub(30))..d.range.start];
    if table::LAST_ACTIVITY_RE.regex().is_match(before_window)
        || table::LAST_ACTIVITY_RE.regex().is_match(window)
    {
        return Some(RetentionEvent::LastActivity);
    }
    // 4. The nearest event named in the sentence; backups age out on their own
    //    schedule unless the sentence names the event.
    // A period inside parentheses ("(with the exception of X, which has a
    // retention period of 90 days)") takes only anchors named inside them.
    let open = {
        let mut depth = 0i32;
        let mut last_open = None;
        let mut stack = Vec::new();
        for (i, c) in s[..d.range.start].char_indices() {
            match c {
                '(' => {
                    depth += 1;
                    stack.push(i);
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    stack.pop();
                }
                _ => {}
            }
        }
        if let Some(i) = stack.last() {
            last_open = Some(*i);
        }
        last_open
    };
    let all: Vec<(usize, RetentionEvent)> = anchors_in(s)
        .into_iter()
        .filter(|(p, _)| open.is_none_or(|o| *p > o))
        .collect();
    let account_level = all.iter().any(|(_, e)| {
        matches!(
            e,
            RetentionEvent::AccountClosure
                | RetentionEvent::AccountDeletion
                | RetentionEvent::ContractEnd
                | RetentionEvent::LastActivity
        )
    });
    if clause_has_backup && !account_level {
        return Some(RetentionEvent::BackupRotation);
    }
    let preceding = all
        .iter()
        .filter(|(p, _)| *p < d.range.start)
        .max_by_key(|(p, _)| *p)
        .map(|(_, e)| *e);
    preceding.or_else(|| {
        all.iter()
            .filter(|(p, _)| *p >= d.range.end)
            .min_by_key(|(p, _)| *p)
            .map(|(_, e)| *e)
    })
}

/// The clause around `start..end` (absolute block offsets) in `sentence`.
fn clause_range(block: &Block, sentence: &Range<usize>, start: usize, end: usize) -> Range<usize> {
    let text = &block.text;
    let mut cs = clause_start(text, sentence, start);
    // Coordinated clauses: "…, and copies of the content may be held …".
    if let Some(prefix) = text.get(cs..start) {
        let coord = table::CLAUSE_RANGE.regex();
        if let Some(m) = coord.find_iter(prefix).last() {
            cs += m.end();
        }
    }
    let tail = &text[end..sentence.end];
    let ce = tail
        .find([';', ','])
        .map(|i| end + i)
        .unwrap_or(sentence.end);
    trimmed(text, cs..ce)
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r;
    };
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    r.start + lead..r.start + lead + body.len()
}

/// What the sentence says is kept, for a period at `at`.
fn subject_in(s: &str, at: usize) -> Option<String> {
    let head = &s[..at.min(s.len())];
    let np = runtime::ACTIVE_SUBJECT_RE
        .regex()
        .captures_iter(s)
        // Matches come in order: stop at the first one starting at `at`.
        .take_while(|c| c.get(0).is_some_and(|m| m.start() < at))
        .last()
        .and_then(|c| c.name("np").map(|m| m.as_str()))
        .map(|np| (np, false))
        .or_else(|| {
            runtime::PASSIVE_SUBJECT_RE
                .regex()
                .captures_iter(head)
                .last()
                .and_then(|c| c.name("np").map(|m| (m.as_str(), true)))
        })
        .or_else(|| {
            runtime::AGES_OUT_SUBJECT_RE
                .regex()
                .captures_iter(head)
                .last()
                .and_then(|c| c.name("np").map(|m| (m.as_str(), true)))
        })?;
    match np {
        // "Temporary server logs are used for … and are normally deleted":
        // the subject ends where the first verb starts.
        (np, true) => {
            let cut = table::VERBISH
                .regex()
                .find(np)
                .filter(|m| m.start() > 0)
                .map(|m| &np[..m.start()])
                .unwrap_or(np);
            clean_subject(cut)
        }
        (np, false) => clean_subject(np),
    }
}

fn clean_subject(np: &str) -> Option<String> {
    // Keep the part after the last comma ("Altogether, any content …").
    let t = np.rsplit(',').next().unwrap_or(np).trim();
    const LEADING: [&str; 14] = [
        "your", "the", "this", "that", "these", "those", "such", "all", "any", "our", "its",
        "their", "also", "then",
    ];
    let mut words: Vec<&str> = t.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| LEADING.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let joined = words.join(" ");
    let lower = joined.to_lowercase();
    if table::VERBISH.regex().is_match(&joined) {
        return None;
    }
    const NOT_SUBJECTS: [&str; 11] = [
        "it",
        "them",
        "they",
        "most of it",
        "we",
        "you",
        "which",
        "what",
        "there",
        "nothing",
        "i",
    ];
    if NOT_SUBJECTS.contains(&lower.as_str())
        || [
            "we ", "we’", "we'", "i ", "i’", "i'", "you ", "if ", "when ", "it ", "there ", "and ",
            "or ", "to ", "for ", "in ", "on ", "as ", "them ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    Some(joined)
}

/// A row of a retention table: first cell the subject, the retention
/// column the period.
fn table_row(doc: &Document, block: &Block, model: &mut PolicyModel) {
    let head = table::TABLE_ROW_HEAD.regex();
    let Some(header) = doc.table_header(block) else {
        return;
    };
    let cells: Vec<&str> = header.cell_texts().collect();
    if cells.iter().any(|c| table::COOKIE_WORD.regex().is_match(c)) {
        return;
    }
    let Some(col) = cells.iter().position(|c| head.is_match(c)) else {
        return;
    };
    let Some(period) = block.cells.get(col).cloned() else {
        return;
    };
    let subject = block
        .cells
        .iter()
        .enumerate()
        .find(|(i, _)| *i != col)
        .and_then(|(_, r)| block.text.get(r.clone()))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let Some(ptext) = block.text.get(period.clone()) else {
        return;
    };
    let ds: Vec<Duration> = find_durations(ptext)
        .into_iter()
        .filter(|d| is_retention_period(ptext, d, true))
        .collect();
    let mut push = |days: Option<u32>, after, until, bound, indefinite, vague| {
        model.retention.push(Retention {
            subject: subject.clone(),
            days,
            after,
            bound,
            indefinite,
            until,
            vague,
            evidence: Evidence::new(doc, block.span_of(trimmed(&block.text, period.clone()))),
        });
    };
    if !ds.is_empty() {
        for d in ds.iter().filter(|d| d.range_part != Some(RangePart::Low)) {
            let b = match bound(ptext, d) {
                Bound::Unspecified => Bound::Exactly,
                b => b,
            };
            push(Some(d.days), anchor(ptext, d), None, b, false, false);
        }
    } else if runtime::INDEFINITE_RE.regex().is_match(ptext) {
        push(
            None,
            None,
            indefinite_end(ptext),
            Bound::Unspecified,
            true,
            false,
        );
    } else if table::VAGUE_RE.regex().is_match(ptext) {
        push(None, None, None, Bound::Unspecified, false, true);
    } else if table::CRITERION_RE.regex().is_match(ptext) {
        push(None, None, None, Bound::Unspecified, false, false);
    }
}
