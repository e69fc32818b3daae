//! Evaluating a pack over one policy set.
//!
//! Each block of every document is matched against the pack's `RegexSet`
//! once; section headings once. Rules then read the match bits:
//!
//! `{ all: [a, b] }` items need every pattern in one sentence (in one row,
//! for tables).
//!
//! * `presence`: some evidence item matches a block (under a heading that
//!   matches `section`, when given), or the `model` query finds an entry.
//! * `specificity`: some block with evidence (or vague wording) has a
//!   `details` match in its scope — the section it sits in, subsections
//!   included, or the whole document when it is under no heading.
//! * `anti_pattern`: every `forbidden` match is a finding, unless an
//!   `unless` item matches in the same block.
//! * `freshness`: each document's last-updated date is within `max_age`.
//! * `model`: a query over the extracted model (present / absent / every).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Mutex;

use super::matcher::{Caches, Matcher};
use super::{Check, Expect, Item, ModelQuery, Pack, PackRule};
use crate::clock::{Age, Date};
use crate::document::{Block, BlockKind, Document};
use crate::error::Result;
use crate::model::{DocumentInfo, PolicyModel};
use crate::rules::{Finding, Level, Location, SourceFile};
use crate::span::Span;
use crate::summary::DocSummary;

use super::Facts;

/// A policy set of whole documents, for [`check_pack`].
pub type PackInput<'a> = SetInput<'a, Document>;

/// How one rule runs: its level and, for freshness rules, a configured age.
#[derive(Debug, Clone, Copy)]
pub struct RuleRun {
    pub level: Level,
    pub max_age: Option<Age>,
}

/// A bit per pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn with_len(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    /// The bits of the patterns of `set` (`n` of them) that match in `text`.
    fn of_text(set: &Matcher, n: usize, text: &str, caches: &RefCell<Caches>) -> Bits {
        let mut b = Bits::with_len(n);
        set.each_match(text.as_bytes(), caches, |i| {
            if let Some(w) = b.0.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        });
        b
    }

    fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn any(&self) -> bool {
        self.0.iter().any(|w| *w != 0)
    }
}

/// Match bits of one document's blocks and headings.
struct Matches<'a> {
    pack: &'a Pack,
    doc: &'a Document,
    /// [block]
    blocks: Vec<Bits>,
    /// [section]: bits of the section's own title.
    sections: Vec<Bits>,
    /// Bits of the front matter's `key: value` entries (title, dates).
    front: Bits,
    /// Everything that matched anywhere in the document.
    any: Bits,
    sentences: RefCell<BTreeMap<usize, Vec<Bits>>>,
    caches: RefCell<Caches>,
}

/// The match bits of one document.
struct DocBits {
    /// Per block (no bits for blocks inside `skip`).
    blocks: Vec<Bits>,
    /// Per section: its own title.
    sections: Vec<Bits>,
    /// The front matter's `key: value` entries (title, dates).
    front: Bits,
}

/// Match one document's blocks, section titles and front matter entries
/// against the pack's patterns (`n` of them).
fn doc_bits(
    set: &Matcher,
    n: usize,
    doc: &Document,
    skip: &[Span],
    caches: &RefCell<Caches>,
) -> DocBits {
    // A section's title is usually the text of its heading block: those
    // titles take the block's bits instead of being matched again (the
    // answer depends on the text alone). [section] → its heading's bits.
    let mut titles: Vec<Option<Bits>> = vec![None; doc.sections.len()];
    let blocks = doc
        .blocks
        .iter()
        .map(|b| {
            let skipped = skip
                .iter()
                .any(|s| s.start <= b.span.start && b.span.end <= s.end);
            if skipped {
                return Bits::with_len(n);
            }
            let bits = Bits::of_text(set, n, &b.text, caches);
            if b.kind == BlockKind::Heading
                && let Some(i) = b.section
                && doc.sections.get(i).is_some_and(|s| s.title == b.text)
                && let Some(t) = titles.get_mut(i)
            {
                *t = Some(bits.clone());
            }
            bits
        })
        .collect();
    let sections = doc
        .sections
        .iter()
        .zip(titles)
        .map(|(s, t)| t.unwrap_or_else(|| Bits::of_text(set, n, &s.title, caches)))
        .collect();
    let mut front = Bits::with_len(n);
    let fm = &doc.front_matter;
    let entries = fm
        .title
        .iter()
        .map(|t| format!("title: {t}"))
        .chain(fm.dates.iter().map(|(k, v, _)| format!("{k}: {v}")));
    for e in entries {
        front.or(&Bits::of_text(set, n, &e, caches));
    }
    DocBits {
        blocks,
        sections,
        front,
    }
}

impl<'a> Matches<'a> {
    /// Match one document's blocks, headings and front matter, with
    /// automaton caches taken from (and given back to) `spare`: a lazy DFA's
    /// cache fills up as it searches, so a worker takes a warm one rather
    /// than a new one per document.
    fn new(
        pack: &'a Pack,
        doc: &'a Document,
        skip: &[Span],
        spare: &Mutex<Vec<Caches>>,
    ) -> Result<Matches<'a>> {
        let set = pack.matcher()?;
        let n = pack.atoms.len();
        let taken = spare.lock().ok().and_then(|mut v| v.pop());
        let caches = RefCell::new(taken.unwrap_or_else(|| set.caches()));
        let d = doc_bits(set, n, doc, skip, &caches);
        let mut any = Bits::with_len(n);
        for b in &d.blocks {
            any.or(b);
        }
        any.or(&d.front);
        Ok(Matches {
            pack,
            doc,
            blocks: d.blocks,
            sections: d.sections,
            front: d.front,
            any,
            sentences: RefCell::new(BTreeMap::new()),
            caches,
        })
    }

    /// Give the automaton caches back for the next document.
    fn finish(self, spare: &Mutex<Vec<Caches>>) {
        if let Ok(mut v) = spare.lock() {
            v.push(self.caches.into_inner());
        }
    }

    fn bits(&self, b: usize) -> Option<&Bits> {
        self.blocks.get(b)
    }

    /// Does the block's heading path (its section or any ancestor) match `atom`?
    fn in_section(&self, b: usize, atom: usize) -> bool {
        let (doc, secs) = (self.doc, &self.sections);
        let mut cur = doc.blocks.get(b).and_then(|bl| bl.section);
        let mut guard = 0;
        while let Some(i) = cur {
            if secs.get(i).is_some_and(|s| s.get(atom)) {
                return true;
            }
            cur = doc.sections.get(i).and_then(|s| s.parent);
            guard += 1;
            if guard > doc.sections.len() {
                break;
            }
        }
        false
    }

    /// Per-sentence bits of a block (computed once, on demand).
    fn sentence_bits(&self, b: usize) -> Vec<Bits> {
        if let Some(v) = self.sentences.borrow().get(&b) {
            return v.clone();
        }
        let n = self.pack.atoms.len();
        let v: Vec<Bits> = match (self.doc.blocks.get(b), self.pack.matcher()) {
            (Some(block), Ok(set)) => sentences(block)
                .into_iter()
                .filter_map(|r| block.text.get(r))
                .map(|s| Bits::of_text(set, n, s, &self.caches))
                .collect(),
            _ => Vec::new(),
        };
        self.sentences.borrow_mut().insert(b, v.clone());
        v
    }

    fn item_in_block(&self, item: &Item, b: usize) -> bool {
        let Some(bits) = self.bits(b) else {
            return false;
        };
        match item {
            Item::One(a) => bits.get(*a),
            Item::All(atoms) => {
                // A table row is one unit: its cells belong together.
                let row = self.doc.blocks.get(b).is_some_and(Block::is_table);
                atoms.iter().all(|a| bits.get(*a))
                    && (row
                        || self
                            .sentence_bits(b)
                            .iter()
                            .any(|s| atoms.iter().all(|a| s.get(*a))))
            }
        }
    }

    /// Could `item` match in this document at all (every atom matched
    /// somewhere)?
    fn possible(&self, item: &Item) -> bool {
        match item {
            Item::One(a) => self.any.get(*a),
            Item::All(atoms) => atoms.iter().all(|a| self.any.get(*a)),
        }
    }

    /// Does `item` match some block of the document?
    fn item_anywhere(&self, item: &Item) -> bool {
        self.possible(item) && (0..self.blocks.len()).any(|b| self.item_in_block(item, b))
    }

    /// The first match of `atom` in the block, as a range of its text.
    fn find(&self, atom: usize, b: usize) -> Option<Range<usize>> {
        let block = self.doc.blocks.get(b)?;
        let re = self.pack.single(atom)?;
        let m = re.find(block.text.as_bytes())?;
        let m = m.range();
        Some(char_range(&block.text, m))
    }
}

/// Sentence ranges of a block (the whole text when it has none).
fn sentences(block: &Block) -> Vec<Range<usize>> {
    if block.sentences.is_empty() {
        std::iter::once(0..block.text.len()).collect()
    } else {
        block.sentences.clone()
    }
}

/// Widen a byte range to char boundaries (ASCII-mode matches may split a character).
fn char_range(text: &str, r: Range<usize>) -> Range<usize> {
    let mut s = r.start.min(text.len());
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = r.end.clamp(s, text.len());
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// Where a finding about the whole document points: its first heading that
/// says "privacy", else its first heading, else its first block, else its
/// first non-blank line.
pub fn doc_anchor(doc: &Document) -> Span {
    // The title ("Privacy Policy") rather than a breadcrumb above it.
    if let Some(s) = doc
        .sections
        .iter()
        .find(|s| s.title.to_ascii_lowercase().contains("privacy"))
        .or_else(|| doc.sections.first())
    {
        return s.span;
    }
    if let Some(b) = doc.blocks.first() {
        return b.span;
    }
    let text = doc.text.as_str();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            return Span::new(pos + lead, pos + lead + t.len());
        }
        pos += line.len();
    }
    Span::new(0, 0)
}

/// The document findings about the whole set point into: the first one that
/// looks like the privacy policy itself, else the first.
fn main_doc(docs: &[DocSummary]) -> Option<&DocSummary> {
    let docs: Vec<&DocSummary> = docs.iter().filter(|d| d.has_text).collect();
    docs.iter()
        .copied()
        .find(|d| {
            d.path.to_ascii_lowercase().contains("privacy")
                || d.title
                    .as_deref()
                    .is_some_and(|t| t.to_ascii_lowercase().contains("privacy"))
        })
        .or_else(|| docs.first().copied())
}

/// The document a model entry belongs to: its `path` (documents) or its
/// evidence's path.
fn entry_path(e: &serde_json::Value) -> Option<&str> {
    e.get("path")
        .or_else(|| e.get("evidence").and_then(|ev| ev.get("path")))
        .and_then(|p| p.as_str())
}

fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The finding of a rule whose statement is missing from the whole set,
/// placed at the set's anchor.
fn not_stated(rule: &PackRule, level: Level, loc: Location) -> Finding {
    finding(
        rule,
        level,
        loc,
        rule.message.clone(),
        "not stated anywhere in this policy set",
    )
}

fn finding(
    rule: &PackRule,
    level: Level,
    location: Location,
    message: String,
    label: &str,
) -> Finding {
    let message = match &rule.citation {
        Some(c) => format!("{message} ({c})"),
        None => message,
    };
    Finding {
        rule: rule.id.clone(),
        level,
        message,
        subject: rule.subject.clone(),
        location,
        label: Some(label.to_string()),
        related: Vec::new(),
        help: rule.help.clone(),
    }
}

/// The entries of one list of `candor/model/v1` (a name of
/// [`super::MODEL_LISTS`]), each as JSON, serialized one at a time as the
/// caller goes: a JSON tree of a whole list is several times the size of the
/// list, and of a large set's model hundreds of megabytes.
fn model_entries<'m>(
    m: &'m PolicyModel,
    list: &str,
) -> Box<dyn Iterator<Item = serde_json::Value> + 'm> {
    fn each<T: serde::Serialize>(v: &[T]) -> Box<dyn Iterator<Item = serde_json::Value> + '_> {
        Box::new(
            v.iter()
                .map(|e| serde_json::to_value(e).unwrap_or(serde_json::Value::Null)),
        )
    }
    match list {
        "documents" => each(&m.documents),
        "data_collected" => each(&m.data_collected),
        "third_parties" => each(&m.third_parties),
        "retention" => each(&m.retention),
        "cookies" => each(&m.cookies),
        "rights" => each(&m.rights),
        "claims" => each(&m.claims),
        "contacts" => each(&m.contacts),
        _ => Box::new(std::iter::empty()),
    }
}

/// The rules of one pack that run over a set, and how; built once per set
/// and used both per document ([`doc_part`]) and over the set
/// ([`check_pack_set`]).
pub struct PackPlan<'a> {
    pub pack: &'a Pack,
    /// The rules `run` enables, in pack order.
    pub active: Vec<(&'a PackRule, RuleRun)>,
    /// Some rule reads the text (or its `applies_when` mentions do).
    needs_text: bool,
    /// Automaton caches not in use by a worker.
    spare: Mutex<Vec<Caches>>,
}

impl<'a> PackPlan<'a> {
    pub fn new(pack: &'a Pack, run: &dyn Fn(&PackRule) -> Option<RuleRun>) -> PackPlan<'a> {
        let active: Vec<(&PackRule, RuleRun)> = pack
            .rules
            .iter()
            .filter_map(|r| run(r).map(|x| (r, x)))
            .collect();
        let needs_text = active
            .iter()
            .any(|(r, _)| r.check.needs_text() || !r.applies.mentions.is_empty());
        PackPlan {
            pack,
            active,
            needs_text,
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Some active rule reads the text: summarising a document builds the
    /// pack's automaton.
    pub fn needs_text(&self) -> bool {
        self.needs_text
    }
}

/// What one pack's active rules found in one document: the answers the
/// set-level pass combines, so that it needs neither the document nor its
/// match bits. Rules are indexes into [`PackPlan::active`]; only rules with
/// something to say take room (a set may hold many thousands of documents,
/// each summarised for every rule of every pack).
#[derive(Debug)]
pub struct PackDoc {
    /// `presence` rules whose evidence is in this document.
    found: Bits,
    /// Rules one of whose `applies_when` mentions matches in this document.
    mentioned: Bits,
    /// `specificity` rules with evidence or vague wording in this document.
    specs: Vec<(usize, Spec)>,
    /// `anti_pattern` rules with findings in this document, the findings in
    /// text order.
    anti: Vec<(usize, Vec<Finding>)>,
}

/// A `specificity` rule in one document with evidence or vague wording
/// ("hits"): where the first ones are, and whether a concrete detail is
/// near one of them.
#[derive(Debug)]
struct Spec {
    /// The first hit, located, and whether it is vague wording.
    first: Option<(Location, bool)>,
    /// The first hit with vague wording, located.
    first_vague: Option<Location>,
    /// Some hit has a detail in its scope.
    detail: bool,
}

/// Run the per-document part of every active rule of `plan` over `doc`
/// (`skip`: spans that are not policy text); `None` when no rule of the
/// pack reads the text.
pub fn doc_part(plan: &PackPlan<'_>, doc: &Document, skip: &[Span]) -> Result<Option<PackDoc>> {
    if !plan.needs_text {
        return Ok(None);
    }
    let m = Matches::new(plan.pack, doc, skip, &plan.spare)?;
    let n = plan.active.len();
    let mut part = PackDoc {
        found: Bits::with_len(n),
        mentioned: Bits::with_len(n),
        specs: Vec::new(),
        anti: Vec::new(),
    };
    for (ri, (rule, rr)) in plan.active.iter().enumerate() {
        if rule.applies.mentions.iter().any(|i| m.item_anywhere(i)) {
            part.mentioned.set(ri);
        }
        check_doc(&m, ri, rule, rr.level, &mut part);
    }
    m.finish(&plan.spare);
    Ok(Some(part))
}

fn check_doc(m: &Matches<'_>, ri: usize, rule: &PackRule, level: Level, part: &mut PackDoc) {
    let doc = m.doc;
    match &rule.check {
        Check::Presence {
            evidence, section, ..
        } => {
            let found = evidence.iter().any(|item| {
                if !m.possible(item) {
                    return false;
                }
                let in_front = section.is_none() && matches!(item, Item::One(a) if m.front.get(*a));
                let in_doc = (0..m.blocks.len()).any(|b| {
                    section.is_none_or(|s| m.in_section(b, s)) && m.item_in_block(item, b)
                });
                in_doc || in_front
            });
            if found {
                part.found.set(ri);
            }
        }
        Check::Specificity {
            evidence,
            details,
            vague,
            section,
            ..
        } => {
            if let Some(spec) = specificity(m, evidence, details, vague, *section) {
                part.specs.push((ri, spec));
            }
        }
        Check::AntiPattern {
            forbidden,
            unless,
            context,
            section,
        } => {
            if !forbidden.iter().any(|a| m.any.get(*a)) {
                return;
            }
            let mut out = Vec::new();
            for b in 0..m.blocks.len() {
                let Some(bits) = m.bits(b) else { continue };
                if !forbidden.iter().any(|a| bits.get(*a)) {
                    continue;
                }
                if section.is_some_and(|s| !m.in_section(b, s)) {
                    continue;
                }
                if unless.iter().any(|i| m.item_in_block(i, b)) {
                    continue;
                }
                if !context.is_empty() && !context.iter().any(|i| m.item_in_block(i, b)) {
                    continue;
                }
                let Some(block) = doc.blocks.get(b) else {
                    continue;
                };
                let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
                for &a in forbidden {
                    if !bits.get(a) {
                        continue;
                    }
                    let Some(re) = m.pack.single(a) else { continue };
                    for mt in re.find_iter(block.text.as_bytes()) {
                        let r = char_range(&block.text, mt.range());
                        if r.is_empty() || !seen.insert((r.start, r.end)) {
                            continue;
                        }
                        let matched = block.text.get(r.clone()).unwrap_or("");
                        let loc = doc.locate(block.span_of(r.clone()));
                        let mut f = finding(
                            rule,
                            level,
                            loc,
                            fill(&rule.message, &[("match", matched.to_string())]),
                            "this wording",
                        );
                        f.subject = matched
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase();
                        out.push(f);
                    }
                }
            }
            if !out.is_empty() {
                part.anti.push((ri, out));
            }
        }
        // Freshness and model checks read the model, not the text.
        Check::Freshness { .. } | Check::Model { .. } => {}
    }
}

/// One document's part of a `specificity` rule.
fn specificity(
    m: &Matches<'_>,
    evidence: &[Item],
    details: &[Item],
    vague: &[usize],
    section: Option<usize>,
) -> Option<Spec> {
    let doc = m.doc;
    // Blocks with evidence or vague wording: (block, atom to point at, vague?).
    let mut hits: Vec<(usize, usize, bool)> = Vec::new();
    for b in 0..m.blocks.len() {
        let Some(bits) = m.bits(b) else { continue };
        if !bits.any() || section.is_some_and(|s| !m.in_section(b, s)) {
            continue;
        }
        if let Some(&a) = vague.iter().find(|a| bits.get(**a)) {
            hits.push((b, a, true));
        } else if let Some(item) = evidence.iter().find(|i| m.item_in_block(i, b)) {
            let a = match item {
                Item::One(a) => *a,
                Item::All(v) => v.first().copied().unwrap_or(0),
            };
            hits.push((b, a, false));
        }
    }
    let detail_in_scope = |b: usize| -> bool {
        let scope = doc.blocks.get(b).and_then(|bl| bl.section);
        (0..doc.blocks.len()).any(|o| {
            let inside = match scope {
                None => true,
                Some(s) => section_chain_contains(doc, o, s),
            };
            inside && details.iter().any(|i| m.item_in_block(i, o))
        })
    };
    let mut checked: BTreeSet<Option<usize>> = BTreeSet::new();
    let detail = hits.iter().any(|&(b, _, _)| {
        let scope = doc.blocks.get(b).and_then(|bl| bl.section);
        checked.insert(scope) && detail_in_scope(b)
    });
    // Where a finding would point: the wording, else the block.
    let locate = |b: usize, a: usize| -> Option<Location> {
        let block = doc.blocks.get(b)?;
        let span = match m.find(a, b) {
            Some(r) if !r.is_empty() => block.span_of(r),
            _ => block.span,
        };
        Some(doc.locate(span))
    };
    let &(b, a, v) = hits.first()?;
    Some(Spec {
        first: locate(b, a).map(|l| (l, v)),
        first_vague: hits
            .iter()
            .find(|h| h.2)
            .and_then(|&(b, a, _)| locate(b, a)),
        detail,
    })
}

/// What a pack is checked against: one policy set, its model and facts,
/// and its documents — summaries ([`DocSummary`], as `check` streams a
/// set) or, for [`check_pack`], whole documents.
pub struct SetInput<'a, D = DocSummary> {
    pub docs: &'a [D],
    pub model: &'a PolicyModel,
    pub facts: &'a Facts,
    /// The organisation's jurisdictions, when known.
    pub jurisdictions: Option<&'a [String]>,
    pub today: Date,
}

struct Ctx<'a, 'b> {
    input: &'b SetInput<'a>,
    /// Index of the pack in the documents' [`DocSummary::packs`].
    pack: usize,
    /// Document index by path (built once: a set may hold many thousands of
    /// documents, and a scan per entry would be quadratic).
    by_path: std::cell::OnceCell<HashMap<&'a str, usize>>,
}

impl<'a> Ctx<'a, '_> {
    /// The document at `path`.
    fn doc(&self, path: &str) -> Option<&'a DocSummary> {
        let docs: &'a [DocSummary] = self.input.docs;
        let idx = self.by_path.get_or_init(|| {
            let mut m = HashMap::with_capacity(docs.len());
            for (i, d) in docs.iter().enumerate() {
                m.entry(d.path.as_str()).or_insert(i);
            }
            m
        });
        idx.get(path).and_then(|&i| docs.get(i))
    }

    /// Each document's part of the pack, in document order, with the
    /// document.
    fn parts(&self) -> impl Iterator<Item = (&'a DocSummary, &'a PackDoc)> + '_ {
        let pack = self.pack;
        self.input
            .docs
            .iter()
            .filter_map(move |d| Some((d, d.packs.get(pack)?.as_ref()?)))
    }

    /// The entries of one list of the model, each as JSON (see
    /// [`model_entries`]).
    fn entries(&self, list: &str) -> Box<dyn Iterator<Item = serde_json::Value> + 'a> {
        model_entries(self.input.model, list)
    }

    fn query_matches(entry: &serde_json::Value, q: &ModelQuery) -> bool {
        q.where_
            .iter()
            .all(|(k, v)| entry.get(k).unwrap_or(&serde_json::Value::Null) == v)
            && q.has.iter().all(|k| match entry.get(k) {
                None | Some(serde_json::Value::Null) => false,
                Some(serde_json::Value::Array(a)) => !a.is_empty(),
                Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
                Some(_) => true,
            })
    }

    fn query_any(&self, q: &ModelQuery) -> bool {
        self.entries(q.list).any(|e| Self::query_matches(&e, q))
    }

    /// Location of a model entry: its evidence, or (documents) the document.
    fn entry_location(&self, entry: &serde_json::Value) -> Option<Location> {
        if let Some(ev) = entry.get("evidence") {
            let path = ev.get("path")?.as_str()?;
            let start = usize::try_from(ev.get("start")?.as_u64()?).ok()?;
            let end = usize::try_from(ev.get("end")?.as_u64()?).ok()?;
            let doc = self.doc(path)?;
            return doc.locate(Span::new(start, end));
        }
        let path = entry.get("path")?.as_str()?;
        let doc = self.doc(path)?;
        Some(doc.anchor.clone())
    }

    /// Does the document of a `documents` entry have any text?
    fn has_text(&self, entry: &serde_json::Value) -> bool {
        entry
            .get("path")
            .and_then(|p| p.as_str())
            .and_then(|p| self.doc(p))
            .is_some_and(|d| d.has_text)
    }

    fn set_anchor(&self) -> Option<Location> {
        main_doc(self.input.docs).map(|d| d.anchor.clone())
    }

    fn applies(&self, rule: &PackRule, ri: usize) -> bool {
        let a = &rule.applies;
        if !a.jurisdictions.is_empty()
            && let Some(js) = self.input.jurisdictions
        {
            let norm = |j: &str| {
                if j == "eea" {
                    "eu".to_string()
                } else {
                    j.to_string()
                }
            };
            let want: BTreeSet<String> = a.jurisdictions.iter().map(|j| norm(j)).collect();
            if !js.iter().any(|j| want.contains(&norm(j))) {
                return false;
            }
        }
        let facts_ok = (!a.facts.is_empty()).then(|| {
            a.facts
                .iter()
                .all(|(name, negated)| self.input.facts.get(name).is_some_and(|v| v != *negated))
        });
        let mentions_ok =
            (!a.mentions.is_empty()).then(|| self.parts().any(|(_, p)| p.mentioned.get(ri)));
        match (facts_ok, mentions_ok) {
            (None, None) => true,
            (Some(f), None) => f,
            (None, Some(m)) => m,
            (Some(f), Some(m)) => f || m,
        }
    }
}

/// Run every rule of `plan` over one policy set whose documents were
/// summarised with `plan` at index `pack` of their
/// [`DocSummary::packs`].
pub fn check_pack_set(
    plan: &PackPlan<'_>,
    pack: usize,
    input: &SetInput<'_>,
    out: &mut Vec<Finding>,
) {
    // Documents without any text (empty files, front matter only) are
    // reported as empty by the source stage; packs do not lint them.
    if input.docs.iter().all(|d| !d.has_text) {
        return;
    }
    let cx = Ctx {
        input,
        pack,
        by_path: std::cell::OnceCell::new(),
    };
    for (ri, (rule, rr)) in plan.active.iter().enumerate() {
        if !cx.applies(rule, ri) {
            continue;
        }
        check_rule(&cx, ri, rule, *rr, out);
    }
}

/// Run every rule of `pack` that `run` enables over one policy set of
/// whole documents (each summarised on the spot).
pub fn check_pack(
    pack: &Pack,
    input: &PackInput<'_>,
    run: &dyn Fn(&PackRule) -> Option<RuleRun>,
    out: &mut Vec<Finding>,
) -> Result<()> {
    let plan = PackPlan::new(pack, run);
    if plan.active.is_empty() {
        return Ok(());
    }
    let mut docs = Vec::with_capacity(input.docs.len());
    for d in input.docs {
        let mut s = DocSummary::basic(d, input.model);
        // As `check`'s summaries skip them (`summary::Summarizer`).
        let skip = crate::suppress::bare_directive_lines(d);
        s.packs.push(doc_part(&plan, d, &skip)?);
        docs.push(s);
    }
    let set = SetInput {
        docs: &docs,
        model: input.model,
        facts: input.facts,
        jurisdictions: input.jurisdictions,
        today: input.today,
    };
    check_pack_set(&plan, 0, &set, out);
    Ok(())
}

fn check_rule(cx: &Ctx<'_, '_>, ri: usize, rule: &PackRule, rr: RuleRun, out: &mut Vec<Finding>) {
    let level = rr.level;
    match &rule.check {
        Check::Presence {
            model,
            per_document,
            ..
        } => {
            let found = |p: &PackDoc| p.found.get(ri);
            if !*per_document {
                if model.as_ref().is_some_and(|q| cx.query_any(q))
                    || cx.parts().any(|(_, p)| found(p))
                {
                    return;
                }
                if let Some(loc) = cx.set_anchor() {
                    out.push(not_stated(rule, level, loc));
                }
                return;
            }
            // Paths of the documents the model query covers (once, not per document).
            let by_model: HashSet<String> = model.as_ref().map_or_else(HashSet::new, |q| {
                cx.entries(q.list)
                    .filter(|e| Ctx::query_matches(e, q))
                    .filter_map(|e| entry_path(&e).map(str::to_string))
                    .collect()
            });
            for (doc, p) in cx.parts() {
                if !doc.has_text || found(p) {
                    continue;
                }
                if by_model.contains(&doc.path) {
                    continue;
                }
                out.push(finding(
                    rule,
                    level,
                    doc.anchor.clone(),
                    rule.message.clone(),
                    "not stated in this document",
                ));
            }
        }
        Check::Specificity { required, .. } => {
            let specs: Vec<&Spec> = cx
                .parts()
                .filter_map(|(_, p)| p.specs.iter().find(|(i, _)| *i == ri).map(|(_, s)| s))
                .collect();
            if specs.is_empty() {
                if *required && let Some(loc) = cx.set_anchor() {
                    out.push(not_stated(rule, level, loc));
                }
                return;
            }
            if specs.iter().any(|s| s.detail) {
                return;
            }
            // No concrete detail anywhere near the evidence: point at vague
            // wording when there is some, else at the first evidence.
            let at = specs
                .iter()
                .find_map(|s| s.first_vague.clone().map(|l| (l, true)))
                .or_else(|| specs.iter().find_map(|s| s.first.clone()));
            let Some((loc, is_vague)) = at else {
                return;
            };
            let label = if is_vague {
                "vague: no concrete detail in this section"
            } else {
                "stated here without a concrete detail"
            };
            out.push(finding(rule, level, loc, rule.message.clone(), label));
        }
        Check::AntiPattern { .. } => {
            for (_, p) in cx.parts() {
                if let Some((_, found)) = p.anti.iter().find(|(i, _)| *i == ri) {
                    out.extend(found.iter().cloned());
                }
            }
        }
        Check::Freshness { max_age } => {
            let age = rr.max_age.unwrap_or(*max_age);
            let cutoff = cx.input.today.minus(age);
            let mut infos: HashMap<&str, &DocumentInfo> = HashMap::new();
            for i in &cx.input.model.documents {
                infos.entry(i.path.as_str()).or_insert(i);
            }
            for doc in cx.input.docs.iter().filter(|d| d.has_text) {
                let Some(info) = infos.get(doc.path.as_str()).copied() else {
                    continue;
                };
                let Some(date) = info.last_updated.as_deref().and_then(Date::parse_iso) else {
                    continue;
                };
                if date >= cutoff {
                    continue;
                }
                let loc = match info
                    .last_updated_evidence
                    .as_ref()
                    .filter(|e| *e.path == *doc.path)
                {
                    Some(e) => doc.locate(e.span()),
                    None => Some(doc.anchor.clone()),
                };
                let Some(loc) = loc else { continue };
                let days = cx.input.today.to_days() - date.to_days();
                let vars = [
                    ("date", date.to_string()),
                    ("max_age", age.to_string()),
                    ("today", cx.input.today.to_string()),
                    ("days", days.to_string()),
                ];
                out.push(finding(
                    rule,
                    level,
                    loc,
                    fill(&rule.message, &vars),
                    &format!("last updated {date}, {days} days before {}", cx.input.today),
                ));
            }
        }
        Check::Model { query, expect } => match expect {
            Expect::Present => {
                if !cx
                    .entries(query.list)
                    .any(|e| Ctx::query_matches(&e, query))
                    && let Some(loc) = cx.set_anchor()
                {
                    out.push(not_stated(rule, level, loc));
                }
            }
            Expect::Absent | Expect::Every => {
                let want = *expect == Expect::Absent;
                for e in cx.entries(query.list) {
                    if Ctx::query_matches(&e, query) != want {
                        continue;
                    }
                    if query.list == "documents" && !cx.has_text(&e) {
                        continue;
                    }
                    let Some(loc) = cx.entry_location(&e) else {
                        continue;
                    };
                    let label = if query.list == "documents" {
                        "this document"
                    } else {
                        "here"
                    };
                    let mut vars = Vec::new();
                    if let Some(obj) = e.as_object() {
                        for (k, v) in obj {
                            if let Some(s) = v.as_str() {
                                vars.push((k.as_str(), s.to_string()));
                            }
                        }
                    }
                    out.push(finding(rule, level, loc, fill(&rule.message, &vars), label));
                }
            }
        },
    }
}

/// Is section `s` the section of block `b` or one of its ancestors?
fn section_chain_contains(doc: &Document, b: usize, s: usize) -> bool {
    let mut cur = doc.blocks.get(b).and_then(|bl| bl.section);
    let mut guard = 0;
    while let Some(i) = cur {
        if i == s {
            return true;
        }
        cur = doc.sections.get(i).and_then(|x| x.parent);
        guard += 1;
        if guard > doc.sections.len() {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    /// Every list a query may name is served entry by entry exactly as it
    /// appears in the serialized model (a list missing from
    /// `model_entries` would make its queries see nothing).
    #[test]
    fn model_entries_are_the_serialized_model_lists() {
        let text = include_str!("../../fixtures/corpus/privacyguides/privacy-policy.md");
        let doc = Document::parse("privacy-policy.md", text.to_string(), SourceKind::Markdown);
        let model = crate::extract::extract(&doc);
        let whole = serde_json::to_value(&model).unwrap();
        for (list, _) in super::super::MODEL_LISTS {
            let expected = whole[*list].as_array().unwrap();
            assert!(!expected.is_empty(), "the fixture has no {list}");
            let got: Vec<serde_json::Value> = model_entries(&model, list).collect();
            assert_eq!(&got, expected, "{list}");
        }
        assert_eq!(model_entries(&model, "no_such_list").count(), 0);
    }
}
