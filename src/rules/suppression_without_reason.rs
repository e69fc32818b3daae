//! A suppression without a reason: a `candor-disable…` directive with no `-- reason`, or an inventory `ignore:` entry with no `reason`.
//!
//! ## What it checks
//!
//! Every inline directive (`candor-disable`, `candor-disable-next-line`,
//! `candor-disable-file`) must end with `-- ` and a reason, and every
//! `ignore:` entry of inventory.yaml must have a non-empty `reason:`. The
//! suppression still applies — this finding is about the missing reason.
//!
//! This rule does not run on its own; the suppression pass produces its
//! findings. They cannot themselves be suppressed inline.
//!
//! ## Why it matters
//!
//! A suppressed finding is a decision someone made ("legal reviewed the
//! retention wording", "the vendor list is published elsewhere"). Without
//! the reason, the next reader cannot tell a considered exception from a
//! way to make CI green.
//!
//! ## Example
//!
//! ```markdown
//! <!-- candor-disable-next-line hygiene/vague-retention -->
//! We keep your data as long as necessary.
//! ```
//!
//! ```text
//! error[hygiene/suppression-without-reason]: `candor-disable-next-line hygiene/vague-retention` gives no reason
//! ```
//!
//! ## How to fix
//!
//! Add the reason after ` -- `:
//! `<!-- candor-disable-next-line hygiene/vague-retention -- periods are in the retention schedule, reviewed 2026-03 -->`,
//! or `reason: "…"` in the `ignore:` entry.
//!
//! ## References
//!
//! DESIGN.md, "Rules" (suppression); README.md, "Suppressions".

use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct SuppressionWithoutReason;

pub(crate) static INFO: RuleInfo = RuleInfo {
    id: "hygiene/suppression-without-reason",
    default_level: Level::Error,
    source: include_str!("suppression_without_reason.rs"),
    needs_inventory: false,
};

impl Rule for SuppressionWithoutReason {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// Findings come from the suppression pass (`crate::suppress`).
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
