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

use rayon::prelude::*;

use super::matcher::{Caches, Matcher};
use super::{Check, Expect, Item, ModelQuery, Pack, PackRule};
use crate::clock::{Age, Date};
use crate::document::{Block, BlockKind, Document};
use crate::error::Result;
use crate::model::{DocumentInfo, PolicyModel};
use crate::rules::{Finding, Level, Location, SourceFile};
use crate::span::Span;

use super::Facts;

/// What a pack is checked against: one policy set.
pub struct PackInput<'a> {
    pub docs: &'a [Document],
    pub model: &'a PolicyModel,
    pub facts: &'a Facts,
    /// The organisation's jurisdictions, when known.
    pub jurisdictions: Option<&'a [String]>,
    pub today: Date,
    /// Per document: spans whose blocks are not policy text (suppression
    /// directive lines in plain text), skipped when matching.
    pub skip: &'a [Vec<Span>],
}

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

    fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn any(&self) -> bool {
        self.0.iter().any(|w| *w != 0)
    }
}

/// Match bits for every block and heading of a set.
struct Matches<'a> {
    pack: &'a Pack,
    docs: &'a [Document],
    /// [doc][block]
    blocks: Vec<Vec<Bits>>,
    /// [doc][section]: bits of the section's own title.
    sections: Vec<Vec<Bits>>,
    /// [doc]: bits of the front matter's `key: value` entries (title, dates).
    front: Vec<Bits>,
    /// Everything that matched anywhere in the set.
    any: Bits,
    sentences: RefCell<BTreeMap<(usize, usize), Vec<Bits>>>,
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
    /// Match every document's blocks, headings and front matter. Documents
    /// are independent, so they are matched in parallel (rayon), each worker
    /// with automaton caches of its own; the result is in document order,
    /// the same as matching them one by one.
    fn new(pack: &'a Pack, input: &PackInput<'a>) -> Result<Matches<'a>> {
        let set = pack.matcher()?;
        let n = pack.atoms.len();
        // Caches not in use by a worker: a lazy DFA's cache fills up as it
        // searches, so a worker takes a warm one rather than a new one per
        // document.
        let spare: Mutex<Vec<Caches>> = Mutex::new(Vec::new());
        let per_doc: Vec<DocBits> = input
            .docs
            .par_iter()
            .enumerate()
            .map(|(di, doc)| {
                let taken = spare.lock().ok().and_then(|mut v| v.pop());
                let caches = RefCell::new(taken.unwrap_or_else(|| set.caches()));
                let skip = input.skip.get(di).map(Vec::as_slice).unwrap_or(&[]);
                let bits = doc_bits(set, n, doc, skip, &caches);
                if let Ok(mut v) = spare.lock() {
                    v.push(caches.into_inner());
                }
                bits
            })
            .collect();
        let caches = spare
            .into_inner()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_else(|| set.caches());

        let mut any = Bits::with_len(n);
        let mut blocks = Vec::with_capacity(per_doc.len());
        let mut sections = Vec::with_capacity(per_doc.len());
        let mut front = Vec::with_capacity(per_doc.len());
        for d in per_doc {
            for b in &d.blocks {
                any.or(b);
            }
            any.or(&d.front);
            blocks.push(d.blocks);
            sections.push(d.sections);
            front.push(d.front);
        }
        Ok(Matches {
            pack,
            docs: input.docs,
            blocks,
            sections,
            front,
            any,
            sentences: RefCell::new(BTreeMap::new()),
            caches: RefCell::new(caches),
        })
    }

    fn bits(&self, d: usize, b: usize) -> Option<&Bits> {
        self.blocks.get(d)?.get(b)
    }

    /// Does the block's heading path (its section or any ancestor) match `atom`?
    fn in_section(&self, d: usize, b: usize, atom: usize) -> bool {
        let (Some(doc), Some(secs)) = (self.docs.get(d), self.sections.get(d)) else {
            return false;
        };
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
    fn sentence_bits(&self, d: usize, b: usize) -> Vec<Bits> {
        if let Some(v) = self.sentences.borrow().get(&(d, b)) {
            return v.clone();
        }
        let n = self.pack.atoms.len();
        let v: Vec<Bits> = match (
            self.docs.get(d).and_then(|doc| doc.blocks.get(b)),
            self.pack.matcher(),
        ) {
            (Some(block), Ok(set)) => sentences(block)
                .into_iter()
                .filter_map(|r| block.text.get(r))
                .map(|s| Bits::of_text(set, n, s, &self.caches))
                .collect(),
            _ => Vec::new(),
        };
        self.sentences.borrow_mut().insert((d, b), v.clone());
        v
    }

    fn item_in_block(&self, item: &Item, d: usize, b: usize) -> bool {
        let Some(bits) = self.bits(d, b) else {
            return false;
        };
        match item {
            Item::One(a) => bits.get(*a),
            Item::All(atoms) => {
                // A table row is one unit: its cells belong together.
                let row = self
                    .docs
                    .get(d)
                    .and_then(|doc| doc.blocks.get(b))
                    .is_some_and(Block::is_table);
                atoms.iter().all(|a| bits.get(*a))
                    && (row
                        || self
                            .sentence_bits(d, b)
                            .iter()
                            .any(|s| atoms.iter().all(|a| s.get(*a))))
            }
        }
    }

    fn item_anywhere(&self, item: &Item) -> bool {
        let possible = match item {
            Item::One(a) => self.any.get(*a),
            Item::All(atoms) => atoms.iter().all(|a| self.any.get(*a)),
        };
        possible
            && self
                .blocks_iter()
                .any(|(d, b)| self.item_in_block(item, d, b))
    }

    fn blocks_iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .flat_map(|(d, v)| (0..v.len()).map(move |b| (d, b)))
    }

    /// The first match of `atom` in the block, as a range of its text.
    fn find(&self, atom: usize, d: usize, b: usize) -> Option<Range<usize>> {
        let block = self.docs.get(d)?.blocks.get(b)?;
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
fn main_doc(docs: &[Document]) -> Option<&Document> {
    let docs: Vec<&Document> = docs.iter().filter(|d| !d.blocks.is_empty()).collect();
    docs.iter()
        .copied()
        .find(|d| {
            d.path.to_ascii_lowercase().contains("privacy")
                || d.title()
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

struct Ctx<'a, 'b> {
    input: &'b PackInput<'a>,
    matches: Option<Matches<'a>>,
    /// Document index by path (built once: a set may hold many thousands of
    /// documents, and a scan per entry would be quadratic).
    by_path: std::cell::OnceCell<HashMap<&'a str, usize>>,
}

impl<'a> Ctx<'a, '_> {
    /// The document at `path`.
    fn doc(&self, path: &str) -> Option<&'a Document> {
        let docs: &'a [Document] = self.input.docs;
        let idx = self.by_path.get_or_init(|| {
            let mut m = HashMap::with_capacity(docs.len());
            for (i, d) in docs.iter().enumerate() {
                m.entry(d.path.as_str()).or_insert(i);
            }
            m
        });
        idx.get(path).and_then(|&i| docs.get(i))
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
            return Some(doc.locate(Span::new(start, end)));
        }
        let path = entry.get("path")?.as_str()?;
        let doc = self.doc(path)?;
        Some(doc.locate(doc_anchor(doc)))
    }

    /// Does the document of a `documents` entry have any text?
    fn has_text(&self, entry: &serde_json::Value) -> bool {
        entry
            .get("path")
            .and_then(|p| p.as_str())
            .and_then(|p| self.doc(p))
            .is_some_and(|d| !d.blocks.is_empty())
    }

    fn set_anchor(&self) -> Option<Location> {
        let doc = main_doc(self.input.docs)?;
        Some(doc.locate(doc_anchor(doc)))
    }

    fn applies(&self, rule: &PackRule) -> bool {
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
        let mentions_ok = (!a.mentions.is_empty()).then(|| {
            self.matches
                .as_ref()
                .is_some_and(|m| a.mentions.iter().any(|i| m.item_anywhere(i)))
        });
        match (facts_ok, mentions_ok) {
            (None, None) => true,
            (Some(f), None) => f,
            (None, Some(m)) => m,
            (Some(f), Some(m)) => f || m,
        }
    }
}

/// Run every rule of `pack` that `run` enables over one policy set.
pub fn check_pack(
    pack: &Pack,
    input: &PackInput<'_>,
    run: &dyn Fn(&PackRule) -> Option<RuleRun>,
    out: &mut Vec<Finding>,
) -> Result<()> {
    // Documents without any text (empty files, front matter only) are
    // reported as empty by the source stage; packs do not lint them.
    if input.docs.iter().all(|d| d.blocks.is_empty()) {
        return Ok(());
    }
    let active: Vec<(&PackRule, RuleRun)> = pack
        .rules
        .iter()
        .filter_map(|r| run(r).map(|x| (r, x)))
        .collect();
    if active.is_empty() {
        return Ok(());
    }
    let needs_text = active
        .iter()
        .any(|(r, _)| r.check.needs_text() || !r.applies.mentions.is_empty());
    let matches = if needs_text {
        Some(Matches::new(pack, input)?)
    } else {
        None
    };
    let cx = Ctx {
        input,
        matches,
        by_path: std::cell::OnceCell::new(),
    };
    for (rule, rr) in active {
        if !cx.applies(rule) {
            continue;
        }
        check_rule(&cx, rule, rr, out);
    }
    Ok(())
}

fn check_rule(cx: &Ctx<'_, '_>, rule: &PackRule, rr: RuleRun, out: &mut Vec<Finding>) {
    let level = rr.level;
    match &rule.check {
        Check::Presence {
            evidence,
            section,
            model,
            per_document,
        } => {
            let Some(m) = &cx.matches else { return };
            // Does document `d` (or, with `None`, any document) have the evidence?
            let found_in = |d: Option<usize>| -> bool {
                evidence.iter().any(|item| {
                    let possible = match item {
                        Item::One(a) => m.any.get(*a),
                        Item::All(atoms) => atoms.iter().all(|a| m.any.get(*a)),
                    };
                    if !possible {
                        return false;
                    }
                    let in_front = |di: usize| {
                        section.is_none()
                            && matches!(item, Item::One(a) if m.front.get(di).is_some_and(|b| b.get(*a)))
                    };
                    let in_doc = |di: usize| {
                        let n = m.blocks.get(di).map_or(0, Vec::len);
                        (0..n).any(|b| {
                            section.is_none_or(|s| m.in_section(di, b, s))
                                && m.item_in_block(item, di, b)
                        })
                    };
                    let in_blocks = match d {
                        Some(di) => in_doc(di),
                        None => (0..m.docs.len()).any(in_doc),
                    };
                    in_blocks
                        || match d {
                            Some(di) => in_front(di),
                            None => (0..m.docs.len()).any(in_front),
                        }
                })
            };
            if !*per_document {
                if model.as_ref().is_some_and(|q| cx.query_any(q)) || found_in(None) {
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
            for (di, doc) in cx.input.docs.iter().enumerate() {
                if doc.blocks.is_empty() || found_in(Some(di)) {
                    continue;
                }
                if by_model.contains(&doc.path) {
                    continue;
                }
                out.push(finding(
                    rule,
                    level,
                    doc.locate(doc_anchor(doc)),
                    rule.message.clone(),
                    "not stated in this document",
                ));
            }
        }
        Check::Specificity {
            evidence,
            details,
            vague,
            section,
            required,
        } => {
            let Some(m) = &cx.matches else { return };
            specificity(
                cx, m, rule, level, evidence, details, vague, *section, *required, out,
            );
        }
        Check::AntiPattern {
            forbidden,
            unless,
            context,
            section,
        } => {
            let Some(m) = &cx.matches else { return };
            if !forbidden.iter().any(|a| m.any.get(*a)) {
                return;
            }
            for (d, b) in m.blocks_iter() {
                let Some(bits) = m.bits(d, b) else { continue };
                if !forbidden.iter().any(|a| bits.get(*a)) {
                    continue;
                }
                if section.is_some_and(|s| !m.in_section(d, b, s)) {
                    continue;
                }
                if unless.iter().any(|i| m.item_in_block(i, d, b)) {
                    continue;
                }
                if !context.is_empty() && !context.iter().any(|i| m.item_in_block(i, d, b)) {
                    continue;
                }
                let (Some(doc), Some(block)) = (
                    cx.input.docs.get(d),
                    cx.input.docs.get(d).and_then(|doc| doc.blocks.get(b)),
                ) else {
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
        }
        Check::Freshness { max_age } => {
            let age = rr.max_age.unwrap_or(*max_age);
            let cutoff = cx.input.today.minus(age);
            let mut infos: HashMap<&str, &DocumentInfo> = HashMap::new();
            for i in &cx.input.model.documents {
                infos.entry(i.path.as_str()).or_insert(i);
            }
            for doc in cx.input.docs.iter().filter(|d| !d.blocks.is_empty()) {
                let Some(info) = infos.get(doc.path.as_str()).copied() else {
                    continue;
                };
                let Some(date) = info.last_updated.as_deref().and_then(Date::parse_iso) else {
                    continue;
                };
                if date >= cutoff {
                    continue;
                }
                let span = info
                    .last_updated_evidence
                    .as_ref()
                    .filter(|e| e.path == doc.path)
                    .map(|e| e.span())
                    .unwrap_or_else(|| doc_anchor(doc));
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
                    doc.locate(span),
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

#[allow(clippy::too_many_arguments)]
fn specificity(
    cx: &Ctx<'_, '_>,
    m: &Matches<'_>,
    rule: &PackRule,
    level: Level,
    evidence: &[Item],
    details: &[Item],
    vague: &[usize],
    section: Option<usize>,
    required: bool,
    out: &mut Vec<Finding>,
) {
    // Blocks with evidence or vague wording: (doc, block, atom to point at, vague?).
    let mut hits: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (d, b) in m.blocks_iter() {
        let Some(bits) = m.bits(d, b) else { continue };
        if !bits.any() || section.is_some_and(|s| !m.in_section(d, b, s)) {
            continue;
        }
        if let Some(&a) = vague.iter().find(|a| bits.get(**a)) {
            hits.push((d, b, a, true));
        } else if let Some(item) = evidence.iter().find(|i| m.item_in_block(i, d, b)) {
            let a = match item {
                Item::One(a) => *a,
                Item::All(v) => v.first().copied().unwrap_or(0),
            };
            hits.push((d, b, a, false));
        }
    }
    if hits.is_empty() {
        if required && let Some(loc) = cx.set_anchor() {
            out.push(not_stated(rule, level, loc));
        }
        return;
    }
    let detail_in_scope = |d: usize, b: usize| -> bool {
        let Some(doc) = cx.input.docs.get(d) else {
            return false;
        };
        let scope = doc.blocks.get(b).and_then(|bl| bl.section);
        (0..doc.blocks.len()).any(|o| {
            let inside = match scope {
                None => true,
                Some(s) => section_chain_contains(doc, o, s),
            };
            inside && details.iter().any(|i| m.item_in_block(i, d, o))
        })
    };
    let mut checked: BTreeSet<(usize, Option<usize>)> = BTreeSet::new();
    for &(d, b, _, _) in &hits {
        let scope = cx
            .input
            .docs
            .get(d)
            .and_then(|doc| doc.blocks.get(b))
            .and_then(|bl| bl.section);
        if !checked.insert((d, scope)) {
            continue;
        }
        if detail_in_scope(d, b) {
            return;
        }
    }
    // No concrete detail anywhere near the evidence: point at vague wording
    // when there is some, else at the first evidence.
    let (d, b, a, is_vague) = hits.iter().copied().find(|h| h.3).unwrap_or(hits[0]);
    let Some(doc) = cx.input.docs.get(d) else {
        return;
    };
    let Some(block) = doc.blocks.get(b) else {
        return;
    };
    let span = match m.find(a, d, b) {
        Some(r) if !r.is_empty() => block.span_of(r),
        _ => block.span,
    };
    let label = if is_vague {
        "vague: no concrete detail in this section"
    } else {
        "stated here without a concrete detail"
    };
    out.push(finding(
        rule,
        level,
        doc.locate(span),
        rule.message.clone(),
        label,
    ));
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
