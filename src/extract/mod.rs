//! Extraction: pure functions from a [`Document`] to a [`PolicyModel`].
//! Every fact carries the span of the text it came from.

/// How far the extractors read around a match, in bytes (its sentence is
/// cut to this on either side): enough for any sentence a policy writes,
/// and a bound on the work in run-on text, where a sentence of megabytes
/// would otherwise be read once per match.
pub(crate) const REACH: usize = 400;

pub mod children;
pub mod claims;
pub mod contacts;
pub mod context;
pub mod cookies;
pub mod data;
pub mod dates;
pub mod defined;
pub mod duration;
pub mod lexicons;
pub mod retention;
pub mod rights;
pub mod summary;
pub mod third_parties;

use rayon::prelude::*;

use crate::document::Document;
use crate::model::{DocumentInfo, PolicyModel};
pub use lexicons::Input;

/// One extractor: adds the facts of its lists to the model. Its input is
/// the document and the lexicon matches its extractors share.
pub type Extractor = fn(&Input<'_>, &mut PolicyModel);

/// The extractors, one per list of the model, by name. Each writes only its
/// own lists, so the order they run in does not change the model. The order
/// splits the cost of their first run (compiling their patterns) into two
/// near-equal halves, for [`start_for`] on two threads: retention alone is
/// as costly as the next three.
pub const EXTRACTORS: [(&str, Extractor); 8] = [
    ("retention", retention::extract),
    ("cookies", cookies::extract),
    ("contacts", contacts::extract),
    ("children", children::extract),
    ("claims", claims::extract),
    ("third_parties", third_parties::extract),
    ("data", data::extract),
    ("rights", rights::extract),
];

/// Start building, on the thread pool, what extraction builds on first use
/// and costs most to build: the lexicon automaton and the patterns compiled
/// at run time ([`crate::pattern::runtime`], those `build.rs` cannot
/// determinize), one task each, so that they are built while the run reads
/// its configuration, packs and inventory (one thread) rather than by the
/// first documents' extractors, one thread waiting for another. Returns at
/// once; nothing changes but when each is built.
pub fn warm_up() {
    rayon::spawn(|| {
        lexicons::matcher();
    });
    for pattern in crate::pattern::runtime::ALL {
        rayon::spawn(move || {
            pattern.regex();
        });
    }
}

/// How many extractors [`extract_from`] rotates through.
pub const EXTRACTOR_COUNT: usize = EXTRACTORS.len();

/// The model of one document.
pub fn extract(doc: &Document) -> PolicyModel {
    extract_from(doc, 0)
}

/// The model of one document, its extractors ordered from the `start`-th
/// (cyclically) as rayon tasks: the thread runs them in that order, and a
/// thread with nothing else to do takes the last ones. The model is the
/// same for every `start`; what changes is which patterns each thread
/// reaches first. Each pattern is compiled on first use, once per process
/// (the costliest are started early by [`warm_up`]): when two threads
/// begin two documents at once, starting them at different extractors has
/// them need different patterns first instead of one waiting for the
/// other.
pub fn extract_from(doc: &Document, start: usize) -> PolicyModel {
    let mut model = PolicyModel::default();
    let (last_updated, last_updated_evidence) = dates::last_updated(doc).unzip();
    model.documents.push(DocumentInfo {
        path: doc.path.to_string(),
        title: doc.title().map(str::to_string),
        last_updated,
        last_updated_evidence,
    });
    let input = Input::new(doc);
    // Each extractor is a rayon task writing a model of its own: a thread
    // with nothing else to do (a pre-commit run over one long policy)
    // takes some. Each writes only its own lists, so merging the parts in
    // any order gives the model one pass would.
    let parts: Vec<PolicyModel> = (0..EXTRACTORS.len())
        .into_par_iter()
        .map(|i| {
            let mut part = PolicyModel::default();
            (EXTRACTORS[(start + i) % EXTRACTORS.len()].1)(&input, &mut part);
            part
        })
        .collect();
    for part in parts {
        model.merge(part);
    }
    model.sort();
    model
}

/// Where the `i`-th of a batch of documents extracted in parallel starts
/// (see [`extract_from`]): the first documents, one per thread, start
/// evenly spread over the extractors.
pub fn start_for(i: usize) -> usize {
    let threads = rayon::current_num_threads().max(1);
    (i % threads) * EXTRACTORS.len() / threads
}

/// The model of a policy set: every document's facts, sorted by evidence.
pub fn extract_set(docs: &[Document]) -> PolicyModel {
    let mut model = PolicyModel::default();
    for d in docs {
        model.merge(extract(d));
    }
    model.sort();
    model
}
