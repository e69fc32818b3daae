//! candor: a linter that keeps a privacy policy honest about the system it describes.
//!
//! Pipeline (DESIGN.md): source → document → extract → model, checked by
//! rules against the inventory and regulation packs, reported by one reporter.

pub mod accuracy;
pub mod atomic;
pub mod baseline;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod config;
pub mod document;
pub mod error;
pub mod extract;
#[cfg(test)]
mod generated;
pub mod init;
pub mod inventory;
pub mod lexicon;
pub mod lint;
pub mod model;
pub mod packs;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod span;
pub mod summary;
pub mod suppress;
pub mod yaml;
