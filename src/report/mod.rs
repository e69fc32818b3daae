//! Reporters: one module per output format, behind one trait. Only
//! reporters print.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::io::{self, Write};

use crate::lint::Outcome;
use crate::rules::Level;

/// Renders an [`Outcome`].
pub trait Reporter {
    /// Write the findings to `out` (stdout or `-o FILE`) and the warnings
    /// and notes meant for a person to `err` (stderr).
    fn report(&self, outcome: &Outcome, out: &mut dyn Write, err: &mut dyn Write)
    -> io::Result<()>;
}

/// Counts by level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(outcome: &Outcome) -> Summary {
        let mut s = Summary::default();
        for f in &outcome.findings {
            match f.level {
                Level::Error => s.error += 1,
                Level::Warning => s.warning += 1,
                Level::Info => s.info += 1,
            }
        }
        s
    }

    /// "2 errors, 1 warning in 3 files" / "no findings in 3 files".
    pub fn line(&self, files: usize) -> String {
        fn n(count: usize, one: &str) -> String {
            if count == 1 {
                format!("1 {one}")
            } else {
                format!("{count} {one}s")
            }
        }
        let mut parts = Vec::new();
        if self.error > 0 {
            parts.push(n(self.error, "error"));
        }
        if self.warning > 0 {
            parts.push(n(self.warning, "warning"));
        }
        if self.info > 0 {
            parts.push(n(self.info, "info"));
        }
        let what = if parts.is_empty() {
            "no findings".to_string()
        } else {
            parts.join(", ")
        };
        format!("{what} in {}", n(files, "file"))
    }
}

/// Write warnings and notes (common to every format) to `err`.
pub fn write_warnings(outcome: &Outcome, err: &mut dyn Write) -> io::Result<()> {
    for w in &outcome.warnings {
        writeln!(
            err,
            "warning: {}: {}",
            crate::report::human::sanitize(&w.path),
            crate::report::human::sanitize(&w.message)
        )?;
    }
    for n in &outcome.notes {
        writeln!(err, "note: {}", crate::report::human::sanitize(n))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_pluralises() {
        let s = Summary {
            error: 1,
            warning: 2,
            info: 0,
        };
        assert_eq!(s.line(1), "1 error, 2 warnings in 1 file");
        assert_eq!(Summary::default().line(3), "no findings in 3 files");
    }
}
