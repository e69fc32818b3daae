//! The four lexicons the extractors look up in every block — data
//! categories, rights, claims and the vendor catalog — held by one
//! automaton, so a block is walked once for all of them ([`Input::hits`])
//! rather than once per lexicon.
//!
//! Each lexicon keeps its own matching: its names on word boundaries,
//! leftmost-longest among its own names only (see
//! [`NameMatcher::grouped`]). A lexicon's matches in a text are therefore
//! exactly what an automaton of its own would find.

use std::sync::OnceLock;

use super::{claims, data, rights};
use crate::document::Document;
use crate::lexicon::vendors::catalog;
use crate::lexicon::{NameMatch, NameMatcher};

/// A lexicon of the shared automaton. Its value is its group in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexicon {
    /// `rules/lexicons/data_categories.tsv` (ids: [`data::Lexicon`] entries).
    Data = 0,
    /// `rules/lexicons/rights.tsv`.
    Rights = 1,
    /// `rules/lexicons/claims.tsv`.
    Claims = 2,
    /// The vendor catalog, `rules/lexicons/vendors.tsv` (ids: vendor indexes).
    Vendors = 3,
}

/// How many lexicons the automaton holds.
const LEXICONS: usize = 4;

/// The automaton over the four lexicons, built on first use, once per
/// process (every extraction needs all four).
pub(crate) fn matcher() -> &'static NameMatcher {
    static M: OnceLock<NameMatcher> = OnceLock::new();
    M.get_or_init(|| {
        // In the order of the `Lexicon` values.
        NameMatcher::grouped(&[
            data::lexicon().patterns.as_slice(),
            rights::patterns(),
            claims::patterns(),
            catalog().patterns(),
        ])
    })
}

/// The names of `lexicon` in `text` (any text, not only a block's),
/// leftmost-longest and non-overlapping, in text order.
pub fn find(text: &str, lexicon: Lexicon) -> Vec<NameMatch> {
    matcher().find_group(text, lexicon as usize)
}

/// The vendor catalog's mentions in `text` (`NameMatch::id`: the vendor
/// index in [`crate::lexicon::vendors::catalog`]).
pub fn vendors_in(text: &str) -> Vec<NameMatch> {
    find(text, Lexicon::Vendors)
}

/// What the extractors of one document read: the document, and its blocks'
/// lexicon matches, found on first use by one walk over each block (the
/// extractors run side by side; the first to ask walks, the others wait).
pub struct Input<'a> {
    pub doc: &'a Document,
    /// Per lexicon, per block: the block text's matches.
    hits: OnceLock<[Vec<Vec<NameMatch>>; LEXICONS]>,
}

impl<'a> Input<'a> {
    pub fn new(doc: &'a Document) -> Input<'a> {
        Input {
            doc,
            hits: OnceLock::new(),
        }
    }

    /// The matches of `lexicon` in each block's text, by block index: what
    /// [`find`] gives for `doc.blocks[i].text`.
    pub fn hits(&self, lexicon: Lexicon) -> &[Vec<NameMatch>] {
        let all = self.hits.get_or_init(|| {
            let m = matcher();
            let mut all: [Vec<Vec<NameMatch>>; LEXICONS] = Default::default();
            for list in &mut all {
                list.reserve_exact(self.doc.blocks.len());
            }
            for block in &self.doc.blocks {
                let mut found = m.find_groups(&block.text).into_iter();
                for list in &mut all {
                    list.push(found.next().unwrap_or_default());
                }
            }
            all
        });
        &all[lexicon as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    /// The shared automaton finds, for each lexicon, what an automaton of
    /// that lexicon alone finds, on every block of the corpus and seeds
    /// (phrases of one lexicon inside or across those of another
    /// included).
    #[test]
    fn each_lexicon_finds_what_its_own_automaton_finds() {
        let own = [
            NameMatcher::new(data::lexicon().patterns.clone()),
            NameMatcher::new(rights::patterns().to_vec()),
            NameMatcher::new(claims::patterns().to_vec()),
            NameMatcher::new(catalog().patterns().to_vec()),
        ];
        let lexicons = [
            Lexicon::Data,
            Lexicon::Rights,
            Lexicon::Claims,
            Lexicon::Vendors,
        ];
        let mut files = Vec::new();
        for dir in ["fixtures/corpus", "fixtures/seeds"] {
            let mut stack = vec![std::path::PathBuf::from(dir)];
            while let Some(p) = stack.pop() {
                if p.is_dir() {
                    stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                } else if let Some(kind) = p.to_str().and_then(SourceKind::from_path) {
                    files.push((p, kind));
                }
            }
        }
        assert!(files.len() > 40, "{}", files.len());
        let mut counts = [0usize; LEXICONS];
        for (path, kind) in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = Document::parse(path.display().to_string(), text, kind);
            let input = Input::new(&doc);
            for (l, own) in lexicons.iter().zip(&own) {
                let hits = input.hits(*l);
                assert_eq!(hits.len(), doc.blocks.len());
                for (block, got) in doc.blocks.iter().zip(hits) {
                    let want = own.find(&block.text);
                    assert_eq!(got, &want, "{:?} in {}: {:?}", l, doc.path, block.text);
                    assert_eq!(find(&block.text, *l), want);
                    counts[*l as usize] += want.len();
                }
            }
        }
        // Every lexicon was exercised.
        assert!(counts.iter().all(|&n| n > 100), "{counts:?}");
    }

    /// The automaton a matcher starts with and the contiguous NFA it
    /// switches to find the same names of every lexicon (the four of
    /// extraction and the recipient categories) in every block of the
    /// corpus and seeds.
    #[test]
    fn first_and_compact_automata_find_the_same_names() {
        let groups = [
            data::lexicon().patterns.as_slice(),
            rights::patterns(),
            claims::patterns(),
            catalog().patterns(),
        ];
        let r = crate::lexicon::recipients::recipient_categories();
        let phrases: Vec<(&str, usize, bool)> = r
            .phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.text.as_str(), i, false))
            .collect();
        let first = [
            NameMatcher::grouped(&groups),
            NameMatcher::grouped(&[&phrases]),
        ];
        let compact = [
            NameMatcher::grouped(&groups),
            NameMatcher::grouped(&[&phrases]),
        ];
        let mut found = [0usize; 2];
        for dir in ["fixtures/corpus", "fixtures/seeds"] {
            let mut stack = vec![std::path::PathBuf::from(dir)];
            while let Some(p) = stack.pop() {
                if p.is_dir() {
                    stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                    continue;
                }
                let Some(kind) = p.to_str().and_then(SourceKind::from_path) else {
                    continue;
                };
                let text = std::fs::read_to_string(&p).unwrap();
                let doc = Document::parse(p.display().to_string(), text, kind);
                for block in &doc.blocks {
                    for k in 0..2 {
                        first[k].search_compact(false);
                        compact[k].search_compact(true);
                        let want = compact[k].find_groups(&block.text);
                        assert_eq!(first[k].find_groups(&block.text), want, "{}", block.text);
                        found[k] += want.iter().map(Vec::len).sum::<usize>();
                    }
                }
            }
        }
        assert!(found.iter().all(|&n| n > 100), "{found:?}");
    }
}
