//! `candor extract --format text`: the policy model as a summary a privacy
//! lead can skim — one section per kind of fact, each fact with the
//! `path:line` it came from.

use std::fmt::Write as _;

use crate::model::{Bound, PolicyModel, RetentionEvent};

fn at(e: &crate::model::Evidence) -> String {
    format!("{}:{}", e.path, e.line)
}

fn bound(b: Bound) -> &'static str {
    match b {
        Bound::AtMost => "at most ",
        Bound::Exactly => "",
        Bound::AtLeast => "at least ",
        Bound::Unspecified => "",
    }
}

/// Render `model` as plain text.
pub fn render(model: &PolicyModel) -> String {
    let mut s = String::new();
    for d in &model.documents {
        let _ = writeln!(
            s,
            "{} — {} (last updated: {})",
            d.path,
            d.title.as_deref().unwrap_or("untitled"),
            d.last_updated.as_deref().unwrap_or("not stated")
        );
    }
    let mut section = |title: &str, lines: Vec<String>| {
        let _ = writeln!(s, "\n{title} ({})", lines.len());
        if lines.is_empty() {
            let _ = writeln!(s, "  none stated");
        }
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
    };
    section(
        "Third parties",
        model
            .third_parties
            .iter()
            .map(|t| {
                let mut l = t.name.clone();
                if t.negated {
                    l.push_str(" — NOT used (negated)");
                }
                if t.self_hosted {
                    l.push_str(" — self-hosted");
                }
                if let Some(p) = &t.purpose {
                    let _ = write!(l, " — {p}");
                }
                if !t.locations.is_empty() {
                    let _ = write!(l, " [{}]", t.locations.join(", "));
                }
                format!("{l}  ({})", at(&t.evidence))
            })
            .collect(),
    );
    section(
        "Data collected",
        model
            .data_collected
            .iter()
            .map(|d| format!("{} — \"{}\"  ({})", d.category, d.phrase, at(&d.evidence)))
            .collect(),
    );
    section(
        "Retention",
        model
            .retention
            .iter()
            .map(|r| {
                let what = r.subject.as_deref().unwrap_or("(unspecified data)");
                let period = if r.indefinite {
                    match r.until {
                        None => "indefinitely".to_string(),
                        Some(RetentionEvent::ContractEnd) => {
                            "until the end of the contract".to_string()
                        }
                        Some(_) => "while the account is active".to_string(),
                    }
                } else if r.vague {
                    "as long as necessary (vague)".to_string()
                } else {
                    match (r.days, r.after) {
                        (Some(d), Some(a)) => {
                            format!("{}{d} days after {}", bound(r.bound), a.as_str())
                        }
                        (Some(d), None) => format!("{}{d} days", bound(r.bound)),
                        (None, _) => "no period stated".to_string(),
                    }
                };
                format!("{what}: {period}  ({})", at(&r.evidence))
            })
            .collect(),
    );
    section(
        "Cookies",
        model
            .cookies
            .iter()
            .map(|c| {
                let mut l = c.name.clone();
                for v in [&c.provider, &c.purpose, &c.duration].into_iter().flatten() {
                    let _ = write!(l, " — {v}");
                }
                format!("{l}  ({})", at(&c.evidence))
            })
            .collect(),
    );
    section(
        "Rights",
        model
            .rights
            .iter()
            .map(|r| format!("{}  ({})", r.right, at(&r.evidence)))
            .collect(),
    );
    section(
        "Claims",
        model
            .claims
            .iter()
            .map(|c| match &c.scope {
                Some(sc) => format!("{} (only: {sc})  ({})", c.claim, at(&c.evidence)),
                None => format!("{}  ({})", c.claim, at(&c.evidence)),
            })
            .collect(),
    );
    section(
        "Contacts",
        model
            .contacts
            .iter()
            .map(|c| format!("{}: {}  ({})", c.role, c.email, at(&c.evidence)))
            .collect(),
    );
    let mut other = Vec::new();
    if let Some(c) = &model.children {
        other.push(format!(
            "minimum age: {}  ({})",
            c.minimum_age,
            at(&c.evidence)
        ));
    }
    if let Some(d) = model.response_days {
        other.push(format!("responds to requests within {d} days"));
    }
    section("Other", other);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, SourceKind};

    #[test]
    fn summary_lists_facts_with_locations() {
        let text = "# Privacy\n\nWe use Stripe for payments. We do not use Google Analytics.\n";
        let doc = Document::parse("p.md", text.to_string(), SourceKind::Markdown);
        let out = render(&crate::extract::extract(&doc));
        assert!(
            out.starts_with("p.md — Privacy (last updated: not stated)\n"),
            "{out}"
        );
        assert!(out.contains("\nThird parties (2)\n  Stripe  (p.md:3)\n  Google Analytics — NOT used (negated)  (p.md:3)\n"), "{out}");
        assert!(out.contains("\nCookies (0)\n  none stated\n"), "{out}");
    }
}
