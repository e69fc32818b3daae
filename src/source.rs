//! Finding and reading policy files. The only module (besides config and
//! inventory loading) that touches the file system for input.
//!
//! - A directory is walked (walkdir, symlinks not followed, sorted by name)
//!   for `.md`, `.markdown`, `.mdx`, `.txt`; excludes are globs relative to
//!   the config's directory.
//! - A file named explicitly is read whatever its extension (read as
//!   Markdown unless it is `.txt`).
//! - Text keeps its BOM and CRLF: every offset refers to the original bytes.
//! - Invalid UTF-8 is an error naming the file and byte offset (or, with
//!   `--lossy`, a warning and the lossy text). A NUL byte in the first 8 KiB
//!   marks a binary file: an error when named, skipped with a warning when met
//!   while walking. An empty file is a warning.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::document::SourceKind;
use crate::error::{Error, Result};

pub const DEFAULT_EXTENSIONS: [&str; 4] = ["md", "markdown", "mdx", "txt"];

/// A file to lint: where it is on disk and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceFile {
    pub fs_path: PathBuf,
    /// Display path: relative to the base directory, `/`-separated.
    pub display: String,
    /// Named explicitly (not found by walking).
    pub explicit: bool,
}

/// A file's text, read and checked.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub file: SourceFile,
    pub text: String,
    pub kind: SourceKind,
}

/// A non-fatal problem to tell the user about (on stderr).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// `path` with `.` and `..` resolved lexically (no file-system access).
pub fn normalize_lexically(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` shown relative to `base`, `/`-separated: `policies/privacy.md`
/// inside it, `../seeds/policy.txt` outside it. Never absolute unless the two
/// share no root.
pub fn display_path(path: &Path, base: &Path) -> String {
    let p = normalize_lexically(path);
    let b = normalize_lexically(base);
    let pc: Vec<_> = p.components().collect();
    let bc: Vec<_> = b.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(a, b)| a == b).count();
    let rel: PathBuf = if common == 0 && (p.is_absolute() || b.is_absolute()) {
        p.clone()
    } else {
        let mut r = PathBuf::new();
        for c in &bc[common..] {
            if matches!(c, std::path::Component::ParentDir) {
                // base climbs above where path is: cannot express; use path.
                return p.to_string_lossy().replace('\\', "/");
            }
            r.push("..");
        }
        for c in &pc[common..] {
            r.push(c.as_os_str());
        }
        r
    };
    let s = rel.to_string_lossy().replace('\\', "/");
    if s.is_empty() { ".".to_string() } else { s }
}

pub fn build_globset(patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p)
            .map_err(|e| Error::new("candor::config", format!("invalid glob '{p}': {e}")))?;
        b.add(g);
    }
    b.build()
        .map_err(|e| Error::new("candor::config", format!("invalid globs: {e}")))
}

fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '['])
}

fn has_policy_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expand `entries` (files, directories or globs relative to `base`) into
/// files, sorted and deduplicated. A named path that does not exist, or a
/// directory or glob that yields no policy file, is an error.
pub fn discover(
    entries: &[String],
    base: &Path,
    exclude: &GlobSet,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<SourceFile>> {
    let mut out = Vec::new();
    for entry in entries {
        let before = out.len();
        if is_glob(entry) {
            let set = build_globset(std::slice::from_ref(entry))?;
            walk(base, base, exclude, warnings, &mut out, Some(&set))?;
            if out.len() == before {
                return Err(Error::new(
                    "candor::source",
                    format!("'{entry}' matches no policy file"),
                ));
            }
            continue;
        }
        let path = base.join(entry);
        let meta = std::fs::metadata(&path).map_err(|e| {
            let shown = display_path(&path, base);
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::new(
                    "candor::source",
                    format!("{shown}: no such file or directory"),
                )
            } else {
                Error::io(&shown, &e)
            }
        })?;
        if meta.is_dir() {
            walk(&path, base, exclude, warnings, &mut out, None)?;
            if out.len() == before {
                return Err(Error::new(
                    "candor::source",
                    format!(
                        "{}: no policy files (.md, .markdown, .mdx, .txt) in this directory",
                        display_path(&path, base)
                    ),
                ));
            }
        } else if meta.is_file() {
            out.push(SourceFile {
                display: display_path(&path, base),
                fs_path: path,
                explicit: true,
            });
        } else {
            // A FIFO would block the run, a device such as /dev/zero never ends.
            return Err(Error::new(
                "candor::source",
                format!(
                    "{}: not a regular file (a device, FIFO or socket); candor reads only regular files",
                    display_path(&path, base)
                ),
            ));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.fs_path == b.fs_path);
    Ok(out)
}

/// Walk `dir` for policy files. Symbolic links are not followed (so a link
/// loop cannot trap the walk); one that would have been checked is skipped
/// with a warning naming it. A directory that cannot be read is an error:
/// checking part of a policy set and passing would be a silent pass.
fn walk(
    dir: &Path,
    base: &Path,
    exclude: &GlobSet,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<SourceFile>,
    only: Option<&GlobSet>,
) -> Result<()> {
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let rel = display_path(e.path(), base);
            let hidden =
                e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            !hidden
                && !exclude.is_match(&rel)
                && !matches!(e.file_name().to_str(), Some("target" | "node_modules"))
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_symlink() {
                    let display = display_path(e.path(), base);
                    let to_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
                    if (to_dir || has_policy_extension(e.path()))
                        && only.is_none_or(|g| g.is_match(&display))
                    {
                        warnings.push(Warning {
                            path: display,
                            message: "skipped: symbolic link (links are not followed while walking a directory; name the target in candor.yaml to check it)".to_string(),
                        });
                    }
                    continue;
                }
                if !e.file_type().is_file() || !has_policy_extension(e.path()) {
                    continue;
                }
                let display = display_path(e.path(), base);
                if only.is_some_and(|g| !g.is_match(&display)) {
                    continue;
                }
                out.push(SourceFile {
                    fs_path: e.path().to_path_buf(),
                    display,
                    explicit: false,
                });
            }
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| display_path(p, base))
                    .unwrap_or_else(|| display_path(dir, base));
                let cause = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                return Err(Error::new(
                    "candor::source",
                    format!("cannot read {path}: {cause}"),
                )
                .with_path(&path)
                .with_help("candor stops rather than check part of the policy set; fix the permissions, or exclude the directory in candor.yaml (`exclude:`)"));
            }
        }
    }
    Ok(())
}

/// How far into a file to look for a NUL byte.
const BINARY_SNIFF: usize = 8192;

/// Read and check one file. `Ok(None)` means skipped (with a warning).
pub fn read(
    file: &SourceFile,
    lossy: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Option<SourceText>> {
    let bytes = read_regular(&file.fs_path).map_err(|e| Error::io(&file.display, &e))?;
    decode(file, bytes, lossy, warnings)
}

/// Open `path` if it is a regular file: a FIFO would block the run and a
/// device such as `/dev/zero` never ends. Checked before opening (opening a
/// FIFO blocks until a writer comes) and again on the open file (it may
/// have been replaced in between).
pub fn open_regular(path: &Path) -> std::io::Result<(std::fs::File, std::fs::Metadata)> {
    let not_regular = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a directory, device, FIFO or socket)",
        )
    };
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    Ok((file, meta))
}

/// The bytes of a regular file (a file replaced by a FIFO or a device after
/// discovery is refused, not read forever).
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let (mut file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Check bytes already read (pure apart from the warnings it records).
pub fn decode(
    file: &SourceFile,
    bytes: Vec<u8>,
    lossy: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Option<SourceText>> {
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        if file.explicit {
            return Err(Error::new(
                "candor::source",
                format!(
                    "{}: binary file (contains NUL bytes), not a policy",
                    file.display
                ),
            )
            .with_path(&file.display));
        }
        warnings.push(Warning {
            path: file.display.clone(),
            message: "skipped: binary file (contains NUL bytes)".to_string(),
        });
        return Ok(None);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if !lossy {
                return Err(Error::new(
                    "candor::source",
                    format!(
                        "{}: invalid UTF-8 at byte offset {offset}",
                        file.display
                    ),
                )
                .with_path(&file.display)
                .with_help("save the file as UTF-8, or pass --lossy to lint it with invalid bytes replaced"));
            }
            warnings.push(Warning {
                path: file.display.clone(),
                message: format!("invalid UTF-8 at byte offset {offset}; linted with invalid bytes replaced (--lossy)"),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        warnings.push(Warning {
            path: file.display.clone(),
            message: "empty file: nothing to check".to_string(),
        });
    }
    let kind = SourceKind::from_path(&file.display).unwrap_or(SourceKind::Markdown);
    Ok(Some(SourceText {
        file: file.clone(),
        text,
        kind,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(explicit: bool) -> SourceFile {
        SourceFile {
            fs_path: PathBuf::from("p.md"),
            display: "p.md".into(),
            explicit,
        }
    }

    #[test]
    fn display_paths_are_relative() {
        assert_eq!(
            display_path(Path::new("cfg/a/b.md"), Path::new("cfg")),
            "a/b.md"
        );
        assert_eq!(
            display_path(Path::new("cfg/../seeds/p.txt"), Path::new("cfg")),
            "../seeds/p.txt"
        );
        assert_eq!(
            display_path(Path::new("/x/y/p.md"), Path::new("/x/z")),
            "../y/p.md"
        );
        assert_eq!(display_path(Path::new("./p.md"), Path::new(".")), "p.md");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let mut w = Vec::new();
        let e = decode(&file(true), b"ok \xff bad".to_vec(), false, &mut w).unwrap_err();
        assert_eq!(e.message, "p.md: invalid UTF-8 at byte offset 3");
        let t = decode(&file(true), b"ok \xff bad".to_vec(), true, &mut w)
            .unwrap()
            .unwrap();
        assert_eq!(t.text, "ok \u{fffd} bad");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn binary_is_an_error_when_named_and_skipped_when_walked() {
        let mut w = Vec::new();
        assert!(decode(&file(true), b"a\0b".to_vec(), false, &mut w).is_err());
        assert!(
            decode(&file(false), b"a\0b".to_vec(), false, &mut w)
                .unwrap()
                .is_none()
        );
        assert_eq!(w[0].message, "skipped: binary file (contains NUL bytes)");
    }

    #[test]
    fn empty_file_warns() {
        let mut w = Vec::new();
        assert!(
            decode(&file(true), b"\xef\xbb\xbf \n".to_vec(), false, &mut w)
                .unwrap()
                .is_some()
        );
        assert_eq!(w[0].message, "empty file: nothing to check");
    }
}
