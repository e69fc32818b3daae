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
//!   below", "updates to this subprocessor list", "listed in Appendix B"
//!   when the document has an "Appendix B" heading) is fine, and so is a
//!   mention of the topic inside the topic's own document ("see the cookie
//!   list" in `cookie-policy.md`).
//!
//! A link counts as the reference only when its text or address names the
//! topic ("[subprocessor list](…)", `…#subprocessors`) or its text is a bare
//! "here"/"this page": "follow the [instructions](/notifications)" in a
//! sentence about the subprocessor list is not the list.
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

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::document::Document;
use crate::span::Span;
use crate::summary::DocSummary;

pub struct DanglingReference;

pub(crate) static INFO: RuleInfo = RuleInfo {
    id: "hygiene/dangling-reference",
    default_level: Level::Warning,
    source: include_str!("dangling_reference.rs"),
    needs_inventory: false,
};

/// The lists a reference can point at: name used in messages, the word a
/// file about it has in its name or title, and the phrases that name it.
const TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "subprocessor list",
        "processor",
        &[
            "subprocessor",
            "sub-processor",
            "sub processor",
            "list of vendors",
            "list of our vendors",
            "list of third-party vendors",
            "list of service providers",
            "list of our service providers",
            "vendor list",
        ],
    ),
    (
        "cookie policy",
        "cookie",
        &[
            "cookie policy",
            "cookie notice",
            "cookie list",
            "cookie table",
            "cookie declaration",
            "cookie statement",
            "cookie page",
        ],
    ),
    (
        "retention schedule",
        "retention",
        &["retention schedule", "retention policy", "retention table"],
    ),
];

/// "listed at", "see", "available on" …: the sentence points elsewhere.
const CUES: &[&str] = &[
    "listed at",
    "listed on",
    "listed in",
    "listed here",
    "listed via",
    "available at",
    "available on",
    "available in",
    "available here",
    "published at",
    "published on",
    "found at",
    "found on",
    "found here",
    "described at",
    "described on",
    "detailed at",
    "maintained at",
    "maintained on",
    "posted at",
    "posted on",
    "see",
    "refer to",
    "visit",
    "view",
    "consult",
];

/// "listed below", "in this policy" …: the list is right here.
const HERE: &[&str] = &[
    "below",
    "above",
    "in this policy",
    "in this notice",
    "in this document",
    "in this section",
];

/// What a phrase of the automaton is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Topic(usize),
    Cue,
    Here,
}

struct Phrases {
    ac: AhoCorasick,
    kinds: Vec<Kind>,
}

/// One case-insensitive automaton over every phrase.
fn phrases() -> Option<&'static Phrases> {
    static P: OnceLock<Option<Phrases>> = OnceLock::new();
    P.get_or_init(|| {
        let mut pats: Vec<&str> = Vec::new();
        let mut kinds = Vec::new();
        for (i, (_, _, ps)) in TOPICS.iter().enumerate() {
            for p in *ps {
                pats.push(p);
                kinds.push(Kind::Topic(i));
            }
        }
        for p in CUES {
            pats.push(p);
            kinds.push(Kind::Cue);
        }
        for p in HERE {
            pats.push(p);
            kinds.push(Kind::Here);
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .ok()?;
        Some(Phrases { ac, kinds })
    })
    .as_ref()
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The phrases found in `text` on word boundaries (a topic may take a
/// plural `s`), as (kind, range).
fn find_phrases(p: &Phrases, text: &str) -> Vec<(Kind, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for m in p.ac.find_overlapping_iter(b) {
        let Some(&kind) = p.kinds.get(m.pattern().as_usize()) else {
            continue;
        };
        let left = m.start() == 0 || b.get(m.start() - 1).is_some_and(|&c| !is_word(c));
        let mut end = m.end();
        if matches!(kind, Kind::Topic(_))
            && b.get(end).is_some_and(|c| c.eq_ignore_ascii_case(&b's'))
        {
            end += 1;
        }
        let right = b.get(end).is_none_or(|&c| !is_word(c));
        if left && right {
            out.push((kind, m.start()..end));
        }
    }
    out
}

/// The first URL, site path (`/security#subprocessors`) or file name
/// (`subprocessors.md`) in `text`, with its range.
fn find_target(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut pos = 0;
    for raw in text.split_inclusive(|c: char| c.is_whitespace()) {
        let start_raw = pos;
        pos += raw.len();
        let token = raw.trim_end();
        let lead = token.len()
            - token
                .trim_start_matches(['(', '[', '<', '"', '\'', '“'])
                .len();
        let t = token[lead..]
            .trim_end_matches(['.', ',', ';', ':', ')', ']', '>', '"', '\'', '”', '!', '?']);
        if t.is_empty() {
            continue;
        }
        let lower = t.to_ascii_lowercase();
        let is_url = (lower.starts_with("http://") || lower.starts_with("https://")) && t.len() > 8;
        let is_path = t.starts_with('/')
            && t.len() > 1
            && t[1..]
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        let file = lower.split('#').next().unwrap_or("");
        let is_file = [".md", ".mdx", ".markdown", ".txt", ".html", ".htm"]
            .iter()
            .any(|ext| file.ends_with(ext) && file.len() > ext.len());
        if is_url || is_path || is_file {
            let s = start_raw + lead;
            return Some((s..s + t.len(), t.to_string()));
        }
    }
    None
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

/// Is the target of a reference of document `path` part of the set?
fn in_set(cx: &Context<'_>, path: &str, target: Option<&str>, topic_word: &str) -> bool {
    let others = || cx.docs.iter().filter(move |d| d.path != path);
    let about_topic = |d: &DocSummary| is_about(&d.path, d.title.as_deref(), topic_word);
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
        let resolved = resolve(path, file);
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

/// Is the document at `path` with `title` itself the document of a topic
/// (its file name or title says so)?
fn is_about(path: &str, title: Option<&str>, topic_word: &str) -> bool {
    stem(path).contains(topic_word)
        || title.is_some_and(|t| t.to_ascii_lowercase().contains(topic_word))
}

/// Does the text before a topic phrase end in "this" / "these" — "updates
/// to this Subprocessor list"?
fn refers_to_this(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    last.eq_ignore_ascii_case("this") || last.eq_ignore_ascii_case("these")
}

/// Words that name a part of a document, followed by its label: "Appendix
/// B", "Annex 2", "Schedule 1".
const PARTS: &[&str] = &["appendix", "annex", "schedule", "exhibit", "attachment"];

/// Does the sentence cite a part of the document ("listed in Appendix B")
/// that is one of the document's own headings?
fn names_own_heading(doc: &Document, sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        PARTS.iter().any(|p| w[0].eq_ignore_ascii_case(p)) && {
            let label = format!("{} {}", w[0], w[1]).to_lowercase();
            doc.sections
                .iter()
                .any(|s| s.title.to_lowercase().starts_with(&label))
        }
    })
}

/// Link texts that hand the sentence's reference to the link: "see our
/// subprocessor list [here](…)".
const GENERIC_LINK_TEXTS: &[&str] = &["here", "this page", "this link", "page", "list", "link"];

/// Is this link the place the sentence points at for topic `ti`: its text
/// or destination names the topic, or its text is a generic "here"?
fn link_is_the_reference(
    block: &crate::document::Block,
    l: &crate::document::Link,
    ti: usize,
) -> bool {
    let (_, word, phrases) = TOPICS[ti];
    let text = block
        .text
        .get(l.text.clone())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let dest = l.dest.to_ascii_lowercase();
    text.contains(word)
        || dest.contains(word)
        || phrases.iter().any(|p| text.contains(p))
        || GENERIC_LINK_TEXTS.contains(&text.as_str())
}

/// A reference of one document to a list, found while the document is in
/// memory: whether it dangles depends on the other documents of the set.
#[derive(Debug)]
pub(crate) struct DanglingRef {
    /// Where it points (a link, URL, path or file), if it says.
    target: Option<String>,
    /// The word a document about the list has in its name or title.
    topic_word: &'static str,
    /// The finding, when the target is not in the set.
    finding: Finding,
}

/// Every reference of `doc` to a list that is not in the document itself,
/// in text order.
pub(crate) fn refs(doc: &Document) -> Vec<DanglingRef> {
    let mut out = Vec::new();
    let Some(p) = phrases() else { return out };
    let title = doc.title();
    for block in &doc.blocks {
        let found = find_phrases(p, &block.text);
        if !found.iter().any(|(k, _)| matches!(k, Kind::Topic(_))) {
            continue;
        }
        let sentences: Vec<std::ops::Range<usize>> = if block.sentences.is_empty() {
            std::iter::once(0..block.text.len()).collect()
        } else {
            block.sentences.clone()
        };
        for r in sentences {
            let Some(sentence) = block.text.get(r.clone()) else {
                continue;
            };
            let inside = |x: &std::ops::Range<usize>| r.start <= x.start && x.end <= r.end;
            let Some((ti, topic_at)) = found.iter().find_map(|(k, x)| match k {
                Kind::Topic(i) if inside(x) => Some((*i, x.clone())),
                _ => None,
            }) else {
                continue;
            };
            let (topic_name, topic_word, _) = TOPICS[ti];
            let cue = found.iter().any(|(k, x)| *k == Kind::Cue && inside(x));
            let here = found.iter().any(|(k, x)| *k == Kind::Here && inside(x));
            // "this subprocessor list", "Appendix B (approved
            // sub-processors)": the list is in this document.
            if refers_to_this(&block.text[..topic_at.start]) || names_own_heading(doc, sentence) {
                continue;
            }
            // The link inside the sentence that is about the topic (or
            // carries a generic "here"), else a URL/path/file token. Another
            // link in the sentence — "follow the [instructions](…)" — is not
            // the list.
            let link = block.links.iter().find(|l| {
                l.text.start < r.end && l.text.end > r.start && link_is_the_reference(block, l, ti)
            });
            let token = find_target(sentence)
                .map(|(range, t)| (r.start + range.start..r.start + range.end, t));
            let (target, at): (Option<String>, Option<std::ops::Range<usize>>) = match (link, token)
            {
                (Some(l), _) => (Some(l.dest.clone()), Some(l.text.clone())),
                (None, Some((range, t))) => (Some(t), Some(range)),
                (None, None) => (None, None),
            };
            if target.is_none() && (!cue || here || is_about(&doc.path, title, topic_word)) {
                continue;
            }
            let span: Span = block.span_of(at.unwrap_or(topic_at));
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
            let finding = Finding::new(&INFO, subject, doc.locate(span), message)
                .label("not in the policy set")
                .help(format!(
                    "add the {topic_name} to the policy set in candor.yaml (`policies:`) so candor can check it, or move it into this document"
                ));
            out.push(DanglingRef {
                target,
                topic_word,
                finding,
            });
        }
    }
    out
}

impl Rule for DanglingReference {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for doc in cx.docs {
            for r in &doc.dangling {
                if !in_set(cx, &doc.path, r.target.as_deref(), r.topic_word) {
                    out.push(r.finding.clone());
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
        let docs = crate::summary::summarize_all(&docs, &model, None);
        let cx = Context::new(&docs, &model, None);
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
    fn a_link_about_something_else_is_not_the_list() {
        // github/subprocessors.md line 19: the list is this document; the
        // link is about notifications.
        let gh = "# GitHub Subprocessors\n\nTo receive notifications of updates to this Subprocessor list, please follow the instructions provided in [AUTOTITLE](/account-and-profile/managing-subscriptions-and-notifications-on-github/setting-up-notifications/about-notifications).\n";
        assert!(run(&[("subprocessors.md", gh)]).is_empty());
        // range/subprocessors.md lines 33-37: "here", and the link is the
        // policy repository.
        let range = "# Subprocessors\n\nWe will endeavor to provide the account administrators with notice of any new\nSubprocessors to the extent required under the Agreement, along with posting\nsuch updates here or on our [policy repository](https://github.com/range-labs/range-policy).\n";
        assert!(run(&[("privacy.md", range)]).is_empty());
        // A generic link text hands the reference to the link.
        let f = run(&[(
            "privacy.md",
            "# P\n\nSee our subprocessor list [here](https://example.com/legal).\n",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].subject, "https://example.com/legal");
    }

    #[test]
    fn a_part_of_the_same_document_is_here() {
        // whereby/dpa.md line 239, with its own "Appendix B" heading.
        let dpa = "# DPA\n\nThe location for the processing is listed in Appendix B (approved sub-processors).\n\n## Appendix B - Authorized sub-processors\n\n| Name | Purpose |\n| --- | --- |\n| Stripe | Payments |\n";
        assert!(run(&[("dpa.md", dpa)]).is_empty());
        // Without that heading, the appendix is elsewhere.
        let elsewhere = "# DPA\n\nThe sub-processors are listed in Appendix B.\n";
        assert_eq!(run(&[("dpa.md", elsewhere)]).len(), 1);
    }

    #[test]
    fn a_topic_document_mentioning_its_topic_is_not_a_reference() {
        // whereby/cookie-policy.md line 71, a table cell of the cookie policy.
        let cp = "# Cookie Policy\n\n| Purpose | Description |\n| --- | --- |\n| Analysis | We use services from Posthog and Google Analytics for this purpose, see the cookie list for more details. |\n";
        assert!(run(&[("cookie-policy.md", cp)]).is_empty());
        // The same sentence in the privacy policy does point elsewhere.
        assert_eq!(
            run(&[("privacy.md", &cp.replace("Cookie Policy", "Privacy"))]).len(),
            1
        );
    }

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(resolve("a/b/p.md", "../c.md"), "a/c.md");
        assert_eq!(resolve("p.md", "./x/y.md"), "x/y.md");
        assert_eq!(resolve("p.md", "../y.md"), "../y.md");
    }
}
