//! Rule documentation read from a rule file's module doc comment (`//!`).

/// A rule's documentation: the first paragraph is the one-line summary, the
/// rest (Markdown, with `## What it checks` etc.) the full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDocs {
    pub summary: String,
    /// Everything after the summary paragraph.
    pub body: String,
}

impl RuleDocs {
    /// Extract the leading `//!` block of a Rust source file.
    pub fn from_source(source: &str) -> RuleDocs {
        let lines: Vec<&str> = source
            .lines()
            .map(str::trim_start)
            .take_while(|l| l.starts_with("//!") || l.is_empty())
            .filter_map(|l| l.strip_prefix("//!"))
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        let text = lines.join("\n");
        let text = text.trim();
        let (summary, body) = match text.split_once("\n\n") {
            Some((s, b)) => (s, b),
            None => (text, ""),
        };
        RuleDocs {
            summary: summary.split_whitespace().collect::<Vec<_>>().join(" "),
            body: body.trim().to_string(),
        }
    }

    /// The full Markdown text: summary, blank line, body.
    pub fn full(&self) -> String {
        if self.body.is_empty() {
            self.summary.clone()
        } else {
            format!("{}\n\n{}", self.summary, self.body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_module_docs() {
        let src = "//! Short summary\n//! continues.\n//!\n//! ## What it checks\n//! Body.\n\nuse x;\n//! not docs\n";
        let d = RuleDocs::from_source(src);
        assert_eq!(d.summary, "Short summary continues.");
        assert_eq!(d.body, "## What it checks\nBody.");
    }
}
