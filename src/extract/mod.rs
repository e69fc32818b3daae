//! Extraction: pure functions from a [`Document`] to a [`PolicyModel`].
//! Every fact carries the span of the text it came from.

/// `fn $name() -> &'static Regex`: a static pattern compiled once per
/// process, with ASCII `\b`, `\d` and `\w` (see [`rights::compile`]).
macro_rules! static_re {
    ($name:ident, $pattern:expr) => {
        fn $name() -> &'static regex::Regex {
            static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            RE.get_or_init(|| $crate::extract::rights::compile($pattern))
        }
    };
}

pub mod children;
pub mod claims;
pub mod contacts;
pub mod context;
pub mod cookies;
pub mod data;
pub mod dates;
pub mod defined;
pub mod duration;
pub mod retention;
pub mod rights;
pub mod summary;
pub mod third_parties;

use crate::document::Document;
use crate::model::{DocumentInfo, PolicyModel};

/// The model of one document.
pub fn extract(doc: &Document) -> PolicyModel {
    let mut model = PolicyModel::default();
    let (last_updated, last_updated_evidence) = dates::last_updated(doc).unzip();
    model.documents.push(DocumentInfo {
        path: doc.path.clone(),
        title: doc.title().map(str::to_string),
        last_updated,
        last_updated_evidence,
    });
    third_parties::extract(doc, &mut model);
    data::extract(doc, &mut model);
    retention::extract(doc, &mut model);
    cookies::extract(doc, &mut model);
    rights::extract(doc, &mut model);
    claims::extract(doc, &mut model);
    contacts::extract(doc, &mut model);
    children::extract(doc, &mut model);
    model.sort();
    model
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
