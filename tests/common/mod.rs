//! Helpers shared by the integration tests that drive the built binary in a
//! scratch project.
#![allow(dead_code)] // each test crate uses a different subset

use std::path::Path;

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
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, content).expect("write");
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
