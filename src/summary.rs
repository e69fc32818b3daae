//! Per-document summaries: what survives of a policy document once it has
//! been read, parsed, extracted and checked on its own.
//!
//! `candor check` streams a policy set: each file is read, parsed into a
//! [`Document`], modelled, and everything that needs its text (rule
//! evidence, pack matches, inline suppressions) is worked out while it is in
//! memory; then the document is dropped and only its [`DocSummary`] and
//! model stay for the set-level rules. Peak memory is the documents in
//! flight (one per core) plus the summaries and models, not the corpus.
//!
//! Each field says which set-level reader needs it, and why that is enough:
//! the readers ask the same questions of a summary as they asked of the
//! document, and get the same answers.

use std::ops::Range;

use rayon::prelude::*;

use crate::document::Document;
use crate::inventory::Inventory;
use crate::model::PolicyModel;
use crate::packs::{PackDoc, PackPlan};
use crate::rules::{self, Location, SourceFile};
use crate::span::Span;
use crate::suppress::DocDirectives;

/// A located span: line and column of both ends, as [`SourceFile::locate`]
/// computes them from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    span: Span,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// What the set-level rules, packs, suppressions and the run need of one
/// document after it is gone.
#[derive(Debug)]
pub struct DocSummary {
    /// Display path (the document's `path`).
    pub path: String,
    /// [`Document::title`]: packs pick the set's main document by it, and
    /// `hygiene/dangling-reference` asks whether another document of the set
    /// is about a topic.
    pub title: Option<String>,
    /// The document has blocks (packs skip documents without text).
    pub has_text: bool,
    /// Where findings about the whole document point (packs'
    /// [`doc_anchor`](crate::packs::doc_anchor), located).
    pub anchor: Location,
    /// Every evidence span of the document's model, located: rules and
    /// pack `model` checks point their findings at model facts, and
    /// nowhere else in the text (sorted by span).
    located: Vec<Pos>,
    /// The text of each third party's evidence, as written (sorted by
    /// span): rules compare the name as written with the inventory's.
    pub(crate) third_parties: Vec<(Span, String)>,
    /// The surroundings of each retention statement (sorted by span): the
    /// slot of its block in `blocks` and its sentence's range in the
    /// block's text. Retention rules read the items a statement's sentence,
    /// block and headings name, and group statements by block.
    retention: Vec<(Span, usize, Range<usize>)>,
    /// The blocks retention statements sit in, each once (a run-on
    /// paragraph may hold thousands of statements).
    blocks: Vec<AroundBlock>,
    /// Inline suppression directives (none for most documents).
    pub(crate) directives: Option<DocDirectives>,
    /// What the inventory rules found in the text (empty without an
    /// inventory).
    pub(crate) inventory: rules::DocMentions,
    /// `hygiene/dangling-reference`: references to lists, with the finding
    /// each would be when its target is not in the set.
    pub(crate) dangling: Vec<rules::DanglingRef>,
    /// Per pack of the run (in [`PackPlan`] order): what its rules found in
    /// this document (`None` when the pack needs no text).
    pub(crate) packs: Vec<Option<PackDoc>>,
}

/// A block a retention statement sits in: its index in the document, its
/// text and its heading path (innermost first).
#[derive(Debug)]
struct AroundBlock {
    index: usize,
    text: String,
    headings: Vec<String>,
}

/// The text around a retention statement (as
/// [`rules::shared::surroundings`] gives it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Around<'a> {
    /// Index of the block in the document.
    pub block_index: usize,
    pub sentence: &'a str,
    pub block: &'a str,
    /// Innermost first.
    pub headings: &'a [String],
}

impl DocSummary {
    /// The summary every reader needs: path, title, anchor and the located
    /// evidence of `model`'s facts in this document (facts of other
    /// documents are skipped, so `model` may be the set's).
    pub fn basic(doc: &Document, model: &PolicyModel) -> DocSummary {
        let mut spans: Vec<Span> = Vec::new();
        let mut third_parties = Vec::new();
        let mut retention = Vec::new();
        let mine = |e: &crate::model::Evidence| e.path == doc.path;
        // A span outside the text is never located (`locate` answers
        // `None` for it), as the evidence readers always did.
        for e in model.evidence().filter(|e| mine(e)) {
            let span = e.span();
            if span.start <= span.end && span.end <= doc.text.len() {
                spans.push(span);
            }
        }
        spans.sort_unstable();
        spans.dedup();
        let located = spans
            .into_iter()
            .map(|span| {
                let l = doc.locate(span);
                Pos {
                    span,
                    line: l.line,
                    column: l.column,
                    end_line: l.end_line,
                    end_column: l.end_column,
                }
            })
            .collect();
        for tp in model.third_parties.iter().filter(|t| mine(&t.evidence)) {
            let written = doc
                .text
                .get(tp.evidence.start..tp.evidence.end)
                .unwrap_or("")
                .to_string();
            third_parties.push((tp.evidence.span(), written));
        }
        third_parties.sort();
        third_parties.dedup();
        let mut blocks: Vec<AroundBlock> = Vec::new();
        // Block index → slot in `blocks`.
        let mut slots: std::collections::HashMap<usize, usize> = Default::default();
        for r in model.retention.iter().filter(|r| mine(&r.evidence)) {
            let span = r.evidence.span();
            if let Some(s) = rules::shared::surroundings(doc, span) {
                let slot = match slots.get(&s.block_index) {
                    Some(&i) => i,
                    None => {
                        slots.insert(s.block_index, blocks.len());
                        blocks.push(AroundBlock {
                            index: s.block_index,
                            text: s.block.to_string(),
                            headings: s.headings.iter().map(|h| h.to_string()).collect(),
                        });
                        blocks.len() - 1
                    }
                };
                retention.push((span, slot, s.sentence_range));
            }
        }
        retention.sort_by_key(|(s, _, _)| *s);
        retention.dedup_by_key(|(s, _, _)| *s);
        DocSummary {
            path: doc.path.to_string(),
            title: doc.title().map(str::to_string),
            has_text: !doc.blocks.is_empty(),
            anchor: doc.locate(crate::packs::doc_anchor(doc)),
            located,
            third_parties,
            retention,
            blocks,
            directives: None,
            inventory: rules::DocMentions::default(),
            dangling: Vec::new(),
            packs: Vec::new(),
        }
    }

    /// The location of an evidence span of this document's model, as
    /// [`SourceFile::locate`] gives it; `None` for a span that is no
    /// model evidence.
    pub fn locate(&self, span: Span) -> Option<Location> {
        let i = self.located.binary_search_by(|p| p.span.cmp(&span)).ok()?;
        let p = self.located.get(i)?;
        Some(Location {
            path: self.path.clone(),
            span,
            line: p.line,
            column: p.column,
            end_line: p.end_line,
            end_column: p.end_column,
        })
    }

    /// The text of a third party's evidence, as written.
    pub(crate) fn written(&self, span: Span) -> Option<&str> {
        let i = self
            .third_parties
            .binary_search_by(|(s, _)| s.cmp(&span))
            .ok()?;
        self.third_parties.get(i).map(|(_, w)| w.as_str())
    }

    /// The surroundings of a retention statement's evidence.
    pub(crate) fn around(&self, span: Span) -> Option<Around<'_>> {
        let i = self
            .retention
            .binary_search_by(|(s, _, _)| s.cmp(&span))
            .ok()?;
        let (_, slot, range) = self.retention.get(i)?;
        let b = self.blocks.get(*slot)?;
        Some(Around {
            block_index: b.index,
            sentence: b.text.get(range.clone()).unwrap_or(&b.text),
            block: &b.text,
            headings: &b.headings,
        })
    }
}

/// Everything a set's documents are summarised with: the inventory's
/// matchers (built once per set) and the packs that run.
pub struct Summarizer<'a> {
    inventory: Option<rules::InventoryMatchers<'a>>,
    /// Which document-reading rules run (their parts are skipped otherwise).
    pub(crate) runs: rules::Runs,
    packs: Vec<PackPlan<'a>>,
}

/// Each pack's part of one document's summary, in pack order (see
/// [`Summarizer::pack_parts`]).
pub struct PackParts(Vec<crate::error::Result<Option<crate::packs::PackDoc>>>);

/// The packs a set's documents were summarised with, in order, each with
/// the ids of its active rules: a [`DocSummary::packs`] entry and its bits
/// mean something only for the plan they were made with.
pub type PackKey = Vec<(String, Vec<String>)>;

impl<'a> Summarizer<'a> {
    /// What [`Summarizer::summarize`]'s pack parts are made for.
    pub fn pack_key(&self) -> PackKey {
        key_of(&self.packs)
    }

    pub fn new(
        inventory: Option<&'a Inventory>,
        runs: rules::Runs,
        packs: Vec<PackPlan<'a>>,
    ) -> Summarizer<'a> {
        Summarizer {
            inventory: inventory.map(|inv| rules::InventoryMatchers::new(inv, &runs)),
            runs,
            packs,
        }
    }

    /// The plans of the packs whose rules read the text: the packs whose
    /// automata summarising builds.
    pub(crate) fn text_packs(&self) -> impl Iterator<Item = &PackPlan<'a>> {
        self.packs.iter().filter(|p| p.needs_text())
    }

    /// The inventory rules' part of a summary reads the recipient-category
    /// lexicon.
    pub(crate) fn reads_recipients(&self) -> bool {
        self.inventory.is_some() && self.runs.disclosures
    }

    /// Summarise one document; `model` is its model (or the set's).
    pub fn summarize(
        &self,
        doc: &Document,
        model: &PolicyModel,
    ) -> crate::error::Result<DocSummary> {
        let parts = self.pack_parts(doc);
        self.finish(doc, model, parts)
    }

    /// The part of `doc`'s summary that reads only the text: each pack's
    /// part, in pack order. It does not need the document's model, so it
    /// can be worked out while the model is extracted. The packs are
    /// rayon tasks: a thread with nothing else to do takes some (their
    /// automata are built by the first document to need them).
    pub fn pack_parts(&self, doc: &Document) -> PackParts {
        let skip = crate::suppress::bare_directive_lines(doc);
        let parts = self
            .packs
            .par_iter()
            .map(|plan| crate::packs::doc_part(plan, doc, &skip))
            .collect();
        PackParts(parts)
    }

    /// `doc`'s summary with its pack parts, `parts` (from
    /// [`Summarizer::pack_parts`] of the same document); `model` is its
    /// model (or the set's). The error is the first pack's in pack order.
    pub fn finish(
        &self,
        doc: &Document,
        model: &PolicyModel,
        parts: PackParts,
    ) -> crate::error::Result<DocSummary> {
        let mut s = self.without_packs(doc, model);
        s.packs = parts.0.into_iter().collect::<crate::error::Result<_>>()?;
        Ok(s)
    }

    /// Everything of [`Summarizer::summarize`] but the packs' parts (the
    /// only part that can fail: a pack's patterns are compiled on first
    /// use).
    fn without_packs(&self, doc: &Document, model: &PolicyModel) -> DocSummary {
        let mut s = DocSummary::basic(doc, model);
        s.directives = crate::suppress::DocDirectives::of(doc);
        if let Some(m) = &self.inventory {
            s.inventory = m.mentions(doc, model, &self.runs);
        }
        if self.runs.dangling {
            s.dangling = rules::dangling_refs(doc);
        }
        s
    }
}

/// Summaries of `docs` with every rule's parts and no packs (tests).
pub fn summarize_all(
    docs: &[Document],
    model: &PolicyModel,
    inventory: Option<&Inventory>,
) -> Vec<DocSummary> {
    let sum = Summarizer::new(inventory, rules::Runs::all(), Vec::new());
    docs.iter().map(|d| sum.without_packs(d, model)).collect()
}

/// The [`PackKey`] of `plans`.
pub fn key_of(plans: &[PackPlan<'_>]) -> PackKey {
    plans
        .iter()
        .map(|p| {
            let ids = p.active.iter().map(|(r, _)| r.id.clone()).collect();
            (p.pack.name.clone(), ids)
        })
        .collect()
}
