//! Extraction accuracy against hand labels (`fixtures/labels/`, format in
//! its README): precision, recall and F1 per field, micro-averaged over
//! documents, with every miss and false hit listed.
//!
//! Run it with `cargo run --release --example accuracy`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Deserialize;

use crate::lexicon::{fideslang, vendors};
use crate::model::{PolicyModel, RetentionEvent};

/// One label file.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Label {
    pub doc: String,
    pub last_updated: Option<String>,
    pub third_parties: Vec<String>,
    pub third_parties_optional: Vec<String>,
    pub negated_third_parties: Vec<String>,
    pub self_hosted: Vec<String>,
    pub retention: Vec<RetentionLabel>,
    pub cookies: Vec<String>,
    pub rights: Vec<String>,
    pub claims: Vec<String>,
    pub contacts: Vec<String>,
    pub children_min_age: Option<u32>,
    pub data_categories: Vec<String>,
    pub response_days: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq)]
#[serde(default)]
pub struct RetentionLabel {
    pub days: Option<u32>,
    pub after: Option<String>,
    pub indefinite: bool,
    pub vague: bool,
}

/// True/false positives and negatives for one field, with examples.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// "doc: item" strings.
    pub misses: Vec<String>,
    pub false_hits: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.misses.extend(other.misses);
        self.false_hits.extend(other.false_hits);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Fields in report order.
pub const FIELDS: [&str; 12] = [
    "third_parties",
    "negated_third_parties",
    "self_hosted",
    "cookies",
    "rights",
    "contacts",
    "last_updated",
    "retention",
    "claims",
    "data_categories",
    "children_min_age",
    "response_days",
];

/// Score sets of plain strings (already normalised).
fn score_sets(doc: &str, label: &BTreeSet<String>, predicted: &BTreeSet<String>) -> Score {
    let mut s = Score::default();
    for l in label {
        if predicted.contains(l) {
            s.tp += 1;
        } else {
            s.fn_ += 1;
            s.misses.push(format!("{doc}: {l}"));
        }
    }
    for p in predicted.difference(label) {
        s.fp += 1;
        s.false_hits.push(format!("{doc}: {p}"));
    }
    s
}

fn score_scalar<T: PartialEq + std::fmt::Debug>(
    doc: &str,
    label: Option<T>,
    predicted: Option<T>,
) -> Score {
    let mut s = Score::default();
    match (label, predicted) {
        (Some(l), Some(p)) if l == p => s.tp = 1,
        (Some(l), Some(p)) => {
            s.fn_ = 1;
            s.fp = 1;
            s.misses.push(format!("{doc}: {l:?}"));
            s.false_hits.push(format!("{doc}: {p:?}"));
        }
        (Some(l), None) => {
            s.fn_ = 1;
            s.misses.push(format!("{doc}: {l:?}"));
        }
        (None, Some(p)) => {
            s.fp = 1;
            s.false_hits.push(format!("{doc}: {p:?}"));
        }
        (None, None) => {}
    }
    s
}

/// Score entity names with accepted spellings ("A | B") and optional entries.
fn score_names(
    doc: &str,
    label: &[String],
    optional: &[String],
    predicted: &BTreeSet<String>,
) -> Score {
    let cat = vendors::catalog();
    let spellings =
        |entry: &str| -> Vec<String> { entry.split('|').map(|s| s.trim().to_string()).collect() };
    let matches =
        |entry: &str, name: &str| spellings(entry).iter().any(|s| cat.same_vendor(s, name));
    let mut s = Score::default();
    let mut used = BTreeSet::new();
    for l in label {
        match predicted.iter().find(|p| matches(l, p)) {
            Some(_) => {
                s.tp += 1;
                for p in predicted.iter().filter(|p| matches(l, p)) {
                    used.insert(p.clone());
                }
            }
            None => {
                s.fn_ += 1;
                s.misses.push(format!("{doc}: {l}"));
            }
        }
    }
    for p in predicted {
        if used.contains(p) || optional.iter().any(|o| matches(o, p)) {
            continue;
        }
        s.fp += 1;
        s.false_hits.push(format!("{doc}: {p}"));
    }
    s
}

fn retention_key(days: Option<u32>, after: Option<&str>, indefinite: bool, vague: bool) -> String {
    if indefinite {
        return "indefinite".to_string();
    }
    if vague {
        return "vague".to_string();
    }
    let days = days
        .map(|d| d.to_string())
        .unwrap_or_else(|| "?".to_string());
    // Labels fold account closure and cancellation into account_deletion.
    let after = match after {
        Some("account_closure") => Some("account_deletion"),
        Some("collection") => None,
        a => a,
    };
    match after {
        Some(a) => format!("{days}d after {a}"),
        None => format!("{days}d"),
    }
}

/// Score one document's model against its label.
pub fn score_document(label: &Label, model: &PolicyModel) -> BTreeMap<&'static str, Score> {
    let doc = label.doc.as_str();
    let mut out = BTreeMap::new();

    let named = |pred: &dyn Fn(&crate::model::ThirdParty) -> bool| -> BTreeSet<String> {
        model
            .third_parties
            .iter()
            .filter(|t| pred(t))
            .map(|t| t.name.clone())
            .collect()
    };
    out.insert(
        "third_parties",
        score_names(
            doc,
            &label.third_parties,
            &label.third_parties_optional,
            &named(&|t| !t.negated && !t.self_hosted),
        ),
    );
    out.insert(
        "negated_third_parties",
        score_names(
            doc,
            &label.negated_third_parties,
            &[],
            &named(&|t| t.negated),
        ),
    );
    out.insert(
        "self_hosted",
        score_names(
            doc,
            &label.self_hosted,
            &[],
            &named(&|t| t.self_hosted && !t.negated),
        ),
    );

    let lower = |v: &[String]| -> BTreeSet<String> { v.iter().map(|s| s.to_lowercase()).collect() };
    out.insert(
        "cookies",
        score_sets(
            doc,
            &lower(&label.cookies),
            &model
                .cookies
                .iter()
                .map(|c| c.name.to_lowercase())
                .collect(),
        ),
    );
    out.insert(
        "rights",
        score_sets(
            doc,
            &lower(&label.rights),
            &model.rights.iter().map(|r| r.right.clone()).collect(),
        ),
    );
    out.insert(
        "claims",
        score_sets(
            doc,
            &lower(&label.claims),
            &model.claims.iter().map(|c| c.claim.clone()).collect(),
        ),
    );
    out.insert(
        "contacts",
        score_sets(
            doc,
            &lower(&label.contacts),
            &model
                .contacts
                .iter()
                .map(|c| c.email.to_lowercase())
                .collect(),
        ),
    );
    let second = |k: &str| fideslang::second_level(fideslang::canonical(k)).to_string();
    out.insert(
        "data_categories",
        score_sets(
            doc,
            &label.data_categories.iter().map(|k| second(k)).collect(),
            &model
                .data_collected
                .iter()
                .map(|d| second(d.category))
                .collect(),
        ),
    );
    let label_ret: BTreeSet<String> = label
        .retention
        .iter()
        .map(|r| retention_key(r.days, r.after.as_deref(), r.indefinite, r.vague))
        .collect();
    let pred_ret: BTreeSet<String> = model
        .retention
        .iter()
        .map(|r| {
            retention_key(
                r.days,
                r.after.map(RetentionEvent::as_str),
                r.indefinite,
                r.vague,
            )
        })
        .collect();
    out.insert("retention", score_sets(doc, &label_ret, &pred_ret));
    let newest = model
        .documents
        .iter()
        .filter_map(|d| d.last_updated.clone())
        .max();
    out.insert(
        "last_updated",
        score_scalar(doc, label.last_updated.clone(), newest),
    );
    out.insert(
        "children_min_age",
        score_scalar(
            doc,
            label.children_min_age,
            model.children.as_ref().map(|c| c.minimum_age),
        ),
    );
    out.insert(
        "response_days",
        score_scalar(doc, label.response_days, model.response_days),
    );
    out
}

/// Micro-averaged scores over many documents.
pub fn total(per_doc: Vec<BTreeMap<&'static str, Score>>) -> BTreeMap<&'static str, Score> {
    let mut t: BTreeMap<&'static str, Score> = BTreeMap::new();
    for d in per_doc {
        for (k, v) in d {
            t.entry(k).or_default().add(v);
        }
    }
    t
}

/// The report table and the lists of misses and false hits.
pub fn render(totals: &BTreeMap<&'static str, Score>, docs: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "extraction accuracy on {docs} labelled documents (micro-averaged)\n"
    );
    let _ = writeln!(s, "| field | TP | FP | FN | precision | recall | F1 |");
    let _ = writeln!(s, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for f in FIELDS {
        if let Some(sc) = totals.get(f) {
            let _ = writeln!(
                s,
                "| {f} | {} | {} | {} | {:.2} | {:.2} | {:.2} |",
                sc.tp,
                sc.fp,
                sc.fn_,
                sc.precision(),
                sc.recall(),
                sc.f1()
            );
        }
    }
    for f in FIELDS {
        let Some(sc) = totals.get(f) else { continue };
        if sc.misses.is_empty() && sc.false_hits.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n## {f}");
        for m in &sc.misses {
            let _ = writeln!(s, "  miss      {m}");
        }
        for m in &sc.false_hits {
            let _ = writeln!(s, "  false hit {m}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_any_spelling_and_ignore_optional() {
        let label = vec![
            "Amazon Web Services | AWS".to_string(),
            "Stripe".to_string(),
        ];
        let optional = vec!["GitHub".to_string()];
        let predicted: BTreeSet<String> = ["AWS", "GitHub", "Mailgun"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = score_names("d", &label, &optional, &predicted);
        assert_eq!((s.tp, s.fp, s.fn_), (1, 1, 1));
        assert_eq!(s.misses, ["d: Stripe"]);
        assert_eq!(s.false_hits, ["d: Mailgun"]);
        assert!((s.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn retention_keys_fold_closure_into_deletion() {
        assert_eq!(
            retention_key(Some(90), Some("account_closure"), false, false),
            "90d after account_deletion"
        );
        assert_eq!(
            retention_key(Some(30), Some("collection"), false, false),
            "30d"
        );
        assert_eq!(retention_key(None, None, true, false), "indefinite");
    }

    #[test]
    fn scalars_count_wrong_values_twice() {
        let s = score_scalar("d", Some(13), Some(16));
        assert_eq!((s.tp, s.fp, s.fn_), (0, 1, 1));
    }
}
