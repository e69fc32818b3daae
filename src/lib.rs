//! candor: a linter that keeps a privacy policy honest about the system it describes.
//!
//! Pipeline (DESIGN.md): source → document → extract → model, checked by
//! rules against the inventory and regulation packs, reported by one reporter.

pub mod cli;
pub mod document;
pub mod span;
