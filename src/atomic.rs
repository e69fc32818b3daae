//! Atomic file writes for everything candor writes (`check -o FILE`,
//! `candor init`, `candor schema --write`): the content goes to a temporary
//! file in the target's directory, which is then renamed over the target. A
//! reader never sees a half-written file, and when anything fails the old
//! file is left as it was (the temporary file is removed).

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Write `path` atomically with what `write` produces. With `overwrite`
/// false, an existing `path` is an error of kind `AlreadyExists` (checked at
/// the rename, so there is no window in which another file could appear).
pub fn write_atomic(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".candor-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    set_permissions(tmp.path(), path)?;
    if overwrite {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Temporary files are created private (0600); give the result the mode the
/// file it replaces had, or the usual 0644 for a new file.
#[cfg(unix)]
fn set_permissions(tmp: &Path, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(target)
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(0o644);
    std::fs::set_permissions(tmp, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_permissions(_tmp: &Path, _target: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".candor-"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.sarif");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, true, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert!(leftovers(d.path()).is_empty());
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.sarif");
        std::fs::write(&p, "old").unwrap();
        let r = write_atomic(&p, true, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("reporter failed"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert!(leftovers(d.path()).is_empty());
    }

    #[test]
    fn no_clobber_refuses_an_existing_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("candor.yaml");
        std::fs::write(&p, "mine").unwrap();
        let e = write_atomic(&p, false, |w| w.write_all(b"theirs")).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "mine");
        assert!(leftovers(d.path()).is_empty());
        let fresh = d.path().join("inventory.yaml");
        write_atomic(&fresh, false, |w| w.write_all(b"x")).unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "x");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_mode_of_the_replaced_file() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("report.xml");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, true, |w| w.write_all(b"new")).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let q = d.path().join("new.xml");
        write_atomic(&q, true, |w| w.write_all(b"x")).unwrap();
        let mode = std::fs::metadata(&q).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }
}
