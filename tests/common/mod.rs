//! Helpers shared by the integration tests that drive the built binary in a
//! scratch project.
#![allow(dead_code)] // each test crate uses a different subset

use std::path::{Path, PathBuf};

use candor::document::{Document, SourceKind};

use assert_cmd::Command;
use serde_json::Value;

/// A fixed "today" so date-dependent findings are the same every day.
pub const TODAY: &str = "2026-11-22";

/// A temporary project directory.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> &Self {
        write_file(self.path(), name, content);
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path().join(name)).unwrap_or_default()
    }

    /// Run candor here; (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_in(self.path(), args)
    }

    /// Run `check --format json` with `args`; (exit code, JSON, stderr).
    pub fn json(&self, args: &[&str]) -> (i32, Value, String) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let (code, out, err) = self.run(&all);
        let json =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\n{err}"));
        (code, json, err)
    }
}

/// Write `dir/name`, creating its parent directories.
pub fn write_file(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, content).expect("write");
}

/// A file or directory's permissions changed for the length of a test and
/// restored when the guard drops, also when an assertion fails first: a
/// directory left at 000 would make the temporary directory undeletable.
#[cfg(unix)]
pub struct Chmod {
    path: PathBuf,
    restore: u32,
}

#[cfg(unix)]
impl Chmod {
    /// Set `path` to `mode` now and to `restore` on drop.
    pub fn set(path: impl Into<PathBuf>, mode: u32, restore: u32) -> Chmod {
        use std::os::unix::fs::PermissionsExt;
        let path = path.into();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
            .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
        Chmod { path, restore }
    }
}

#[cfg(unix)]
impl Drop for Chmod {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(self.restore));
    }
}

/// Run candor in `dir`; (exit code, stdout, stderr). Fails on a panic.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("candor")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CANDOR_TODAY", TODAY)
        .env_remove("CANDOR_FORMAT")
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "candor panicked: {stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture under `fixtures/`, parsed as its extension says.
pub fn fixture(rel: &str) -> Document {
    let path = format!("{}/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let kind = SourceKind::from_path(rel).unwrap_or_else(|| panic!("{rel}: unknown kind"));
    Document::parse(rel, text, kind)
}

/// Inline Markdown, parsed as `inline.md`.
pub fn md(text: &str) -> Document {
    Document::parse("inline.md", text.to_string(), SourceKind::Markdown)
}

/// Inline plain text, parsed as `inline.txt`.
pub fn txt(text: &str) -> Document {
    Document::parse("inline.txt", text.to_string(), SourceKind::PlainText)
}

/// (rule, subject, path, line, column) of every finding.
pub fn findings(json: &Value) -> Vec<(String, String, String, u64, u64)> {
    json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
                f["path"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}
