//! A suppression that suppresses nothing: an inline directive or an inventory `ignore:` entry that silenced no finding.
//!
//! ## What it checks
//!
//! After all rules have run, every suppression is matched against the
//! findings it could silence:
//!
//! * `<!-- candor-disable RULE -- reason -->` … `<!-- candor-enable -->`,
//!   `<!-- candor-disable-next-line RULE -- reason -->` and
//!   `<!-- candor-disable-file RULE -- reason -->` in a policy file (in plain
//!   text, the same directives on a line of their own);
//! * `ignore: [{ rule, subject, reason }]` entries in inventory.yaml.
//!
//! Each rule a directive names that silenced nothing is a finding at the
//! directive; so is a directive naming a rule that does not exist, an
//! unknown `candor-…` directive, and a `candor-enable` with nothing to
//! close. A rule that did not run (turned off, filtered out with
//! `--select`/`--ignore`, or in a pack this run does not use) is not
//! reported: the suppression may still be needed elsewhere.
//!
//! This rule does not run on its own; the suppression pass produces its
//! findings. They cannot themselves be suppressed inline.
//!
//! ## Why it matters
//!
//! A suppression outlives the problem it hid. Once the policy is fixed, a
//! stale directive would silently hide the next, unrelated regression of the
//! same rule.
//!
//! ## Example
//!
//! ```markdown
//! <!-- candor-disable-next-line hygiene/vague-retention -- legal signed off -->
//! We delete logs after 30 days.
//! ```
//!
//! ```text
//! warning[hygiene/unused-suppression]: `candor-disable-next-line hygiene/vague-retention` suppresses nothing
//! ```
//!
//! ## How to fix
//!
//! Delete the directive (or the `ignore:` entry), or correct the rule id it
//! names.
//!
//! ## References
//!
//! DESIGN.md, "Rules" (suppression); README.md, "Suppressions".

use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct UnusedSuppression;

pub(crate) static INFO: RuleInfo = RuleInfo {
    id: "hygiene/unused-suppression",
    default_level: Level::Warning,
    source: include_str!("unused_suppression.rs"),
    needs_inventory: false,
};

impl Rule for UnusedSuppression {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// Findings come from the suppression pass (`crate::suppress`).
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
