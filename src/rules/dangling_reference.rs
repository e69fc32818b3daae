//! The policy points at a list or page (subprocessors, cookies, retention) that is not in the policy set.
//!
//! ## What it checks
//!
//! Every sentence that mentions a disclosure list — a subprocessor or vendor
//! list, a cookie policy or table, a retention schedule — and points
//! somewhere else for it: a link, a URL or site path ("Subprocessors are
//! listed at /security#subprocessors"), or "see our subprocessor list". The
//! reference is resolved against the files of the policy set:
//!
//! * a relative link (`subprocessors.md`, `./cookies.md#table`) must be a
//!   file of the set;
//! * a URL or site path counts as in the set when another file of the set
//!   is about that topic (its file name or title names it, e.g.
//!   `subprocessors.md`) or is named by the path (`/security` →
//!   `security.md`);
//! * a reference within the same document (`#subprocessors`, "listed
//!   below") is fine.
//!
//! ## Why it matters
//!
//! candor can only check what it reads. When the subprocessor list lives on
//! another page, inventory rules would silently pass (or fail) on a policy
//! that delegates the disclosure. This rule says so instead, once per
//! reference.
//!
//! ## Example
//!
//! ```text
//! Subprocessors are listed at /security#subprocessors and in the DPA.
//! ```
//!
//! with a policy set that has only `privacy.md`:
//!
//! ```text
//! warning[hygiene/dangling-reference]: The policy points at its subprocessor list at /security#subprocessors, which is not in the policy set
//! ```
//!
//! ## How to fix
//!
//! Add the page to the policy set in candor.yaml (`policies: [privacy.md,
//! subprocessors.md]`, e.g. a copy exported from the website), or move the
//! list into the policy. If the page cannot be linted, suppress the finding
//! with a reason: `<!-- candor-disable-next-line hygiene/dangling-reference
//! -- list is generated from the vendor DB -->`.
//!
//! ## References
//!
//! GDPR Art. 13(1)(e) and Art. 12(1) (information "easily accessible");
//! DESIGN.md, "Policy sets".

use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::document::Document;
use crate::span::Span;

pub struct DanglingReference;

pub(crate) static INFO: RuleInfo = RuleInfo {
    id: "hygiene/dangling-reference",
    default_level: Level::Warning,
    source: include_str!("dangling_reference.rs"),
    needs_inventory: false,
};

/// Topics, in the order of [`TOPICS`]: the phrase that names the list, and
/// the word a file about it has in its name or title.
const TOPICS: &[(&str, &str, &str)] = &[
    (
        r"(?i)\b(?:sub-?processors?|sub-?processor list|(?:list|overview) of (?:our )?(?:third[- ]party )?(?:vendors|service providers|processors))\b",
        "subprocessor list",
        "processor",
    ),
    (
        r"(?i)\bcookie (?:policy|notice|list|table|declaration|statement|page)\b",
        "cookie policy",
        "cookie",
    ),
    (
        r"(?i)\bretention (?:schedule|policy|table)\b",
        "retention schedule",
        "retention",
    ),
];

struct Patterns {
    topics: RegexSet,
    topic_res: Vec<Regex>,
    /// "listed at", "see", "available on" …
    cue: Regex,
    /// "listed below", "in this policy" …: the list is right here.
    here: Regex,
    /// A URL, a site path or a file name.
    target: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        let topics = RegexSet::new(TOPICS.iter().map(|t| t.0)).ok()?;
        let topic_res = TOPICS
            .iter()
            .map(|t| Regex::new(t.0).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(Patterns {
            topics,
            topic_res,
            cue: Regex::new(
                r"(?i)\b(?:(?:listed|available|published|found|described|detailed|maintained|posted)\s+(?:at|on|in|here|via)|see|refer to|visit|view|consult)\b",
            )
            .ok()?,
            here: Regex::new(r"(?i)\b(?:below|above|in this (?:policy|notice|document|section)|in the (?:table|list) below)\b").ok()?,
            target: Regex::new(
                r"(?i)(?:https?://[^\s<>()\[\]]+|(?:^|[\s(])(/[A-Za-z0-9._~/#-]*[A-Za-z0-9_~/#-])|\b[A-Za-z0-9._-]+\.(?:md|mdx|markdown|txt|html?)\b(?:#[A-Za-z0-9_-]+)?)",
            )
            .ok()?,
        })
    })
    .as_ref()
}

/// Resolve `rel` against the directory of `base` (both `/`-separated), lexically.
fn resolve(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") && !parts.is_empty() {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let name = name.split('.').next().unwrap_or(name);
    name.to_ascii_lowercase()
}

/// Is the target of a reference part of the set?
fn in_set(cx: &Context<'_>, doc: &Document, target: Option<&str>, topic_word: &str) -> bool {
    let others = || cx.docs.iter().filter(move |d| d.path != doc.path);
    let about_topic = |d: &Document| {
        stem(&d.path).contains(topic_word)
            || d.title()
                .is_some_and(|t| t.to_ascii_lowercase().contains(topic_word))
    };
    let Some(t) = target else {
        return others().any(about_topic);
    };
    if t.starts_with('#') {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    let is_url = lower.starts_with("http://") || lower.starts_with("https://");
    if !is_url && !t.starts_with('/') {
        let file = t.split('#').next().unwrap_or(t);
        let resolved = resolve(&doc.path, file);
        if cx.docs.iter().any(|d| d.path == resolved) {
            return true;
        }
    }
    // A page by URL or site path: a file of the set about the topic, or one
    // the path names.
    let path_part = if is_url {
        lower
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .map_or(String::new(), |(_, p)| p.to_string())
    } else {
        lower.clone()
    };
    let tokens: Vec<&str> = path_part
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
        .filter(|s| !s.is_empty())
        .collect();
    others().any(|d| about_topic(d) || tokens.contains(&stem(&d.path).as_str()))
}

impl Rule for DanglingReference {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(p) = patterns() else { return };
        for doc in cx.docs {
            for block in &doc.blocks {
                if !p.topics.is_match(&block.text) {
                    continue;
                }
                let sentences = if block.sentences.is_empty() {
                    std::iter::once(0..block.text.len()).collect()
                } else {
                    block.sentences.clone()
                };
                for r in sentences {
                    let Some(sentence) = block.text.get(r.clone()) else {
                        continue;
                    };
                    let hits = p.topics.matches(sentence);
                    let Some(ti) = hits.iter().next() else {
                        continue;
                    };
                    let (_, topic_name, topic_word) = TOPICS[ti];
                    // The link inside the sentence, else a URL/path/file token.
                    let link = block
                        .links
                        .iter()
                        .find(|l| l.text.start < r.end && l.text.end > r.start);
                    let token = p.target.captures(sentence).and_then(|c| {
                        c.get(1).or_else(|| c.get(0)).map(|m| {
                            (
                                r.start + m.start()..r.start + m.end(),
                                m.as_str().to_string(),
                            )
                        })
                    });
                    let (target, at): (Option<String>, Option<std::ops::Range<usize>>) =
                        match (link, token) {
                            (Some(l), _) => (Some(l.dest.clone()), Some(l.text.clone())),
                            (None, Some((range, t))) => (Some(t), Some(range)),
                            (None, None) => (None, None),
                        };
                    if target.is_none() && (!p.cue.is_match(sentence) || p.here.is_match(sentence))
                    {
                        continue;
                    }
                    if in_set(cx, doc, target.as_deref(), topic_word) {
                        continue;
                    }
                    let at = at.unwrap_or_else(|| {
                        p.topic_res[ti]
                            .find(sentence)
                            .map_or(r.clone(), |m| r.start + m.start()..r.start + m.end())
                    });
                    let span: Span = block.span_of(at);
                    let (subject, message) = match &target {
                        Some(t) => (
                            t.clone(),
                            format!(
                                "The policy points at its {topic_name} at {t}, which is not in the policy set"
                            ),
                        ),
                        None => (
                            topic_name.to_string(),
                            format!(
                                "The policy refers to its {topic_name}, which is not in the policy set"
                            ),
                        ),
                    };
                    out.push(
                        Finding::new(&INFO, subject, doc.locate(span), message)
                            .label("not in the policy set")
                            .help(format!(
                                "add the {topic_name} to the policy set in candor.yaml (`policies:`) so candor can check it, or move it into this document"
                            )),
                    );
                    // One finding per sentence.
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::model::PolicyModel;

    fn run(files: &[(&str, &str)]) -> Vec<Finding> {
        let docs: Vec<Document> = files
            .iter()
            .map(|(p, t)| {
                let kind = SourceKind::from_path(p).unwrap_or(SourceKind::PlainText);
                Document::parse(*p, t.to_string(), kind)
            })
            .collect();
        let model = PolicyModel::default();
        let cx = Context {
            docs: &docs,
            model: &model,
            inventory: None,
        };
        let mut out = Vec::new();
        DanglingReference.check(&cx, &mut out);
        out
    }

    const MONITORING: &str = "Disclosure to third parties\n\nSubprocessors are listed at /security#subprocessors and in the DPA. Only what is necessary to provide the Service.\n";

    #[test]
    fn a_site_path_outside_the_set_is_reported() {
        let f = run(&[("privacy.txt", MONITORING)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].subject, "/security#subprocessors");
        // Line 3: "Subprocessors are listed at /security#subprocessors", the
        // path starts at column 29.
        assert_eq!((f[0].location.line, f[0].location.column), (3, 29));
        assert_eq!(f[0].location.end_column, 52);
    }

    #[test]
    fn the_target_in_the_set_is_no_finding() {
        let sub = "Subprocessors\n\nStripe — payments\n";
        assert!(run(&[("privacy.txt", MONITORING), ("subprocessors.txt", sub)]).is_empty());
        assert!(run(&[("privacy.txt", MONITORING), ("security.md", "# Security\n")]).is_empty());
    }

    #[test]
    fn markdown_links_resolve_against_the_document() {
        let p = "# Privacy\n\nSee our [subprocessor list](subprocessors.md) for details.\n";
        let f = run(&[("policies/privacy.md", p)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].subject, "subprocessors.md");
        assert!(
            run(&[
                ("policies/privacy.md", p),
                ("policies/subprocessors.md", "# Subprocessors\n")
            ])
            .is_empty()
        );
        // In-document anchors and "listed below" are fine.
        assert!(
            run(&[(
                "p.md",
                "# P\n\nSee the [subprocessor list](#subprocessors).\n\nOur subprocessors are listed below.\n"
            )])
            .is_empty()
        );
    }

    #[test]
    fn a_mention_without_a_pointer_is_not_a_reference() {
        // DunOps changelog: names the list but points nowhere.
        assert!(
            run(&[(
                "d.txt",
                "- 2026-02-15Added subprocessor list reference and DPA process.\n"
            )])
            .is_empty()
        );
        // "see our subprocessor list" with no link still points elsewhere.
        let f = run(&[(
            "p.txt",
            "Vendors\n\nFor details, see our subprocessor list.\n",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].subject, "subprocessor list");
    }

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(resolve("a/b/p.md", "../c.md"), "a/c.md");
        assert_eq!(resolve("p.md", "./x/y.md"), "x/y.md");
        assert_eq!(resolve("p.md", "../y.md"), "../y.md");
    }
}
