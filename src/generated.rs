//! The generated files tests write and check are current: the lexicons'
//! forms (`src/lexicon/forms/*.txt`, `#` comment lines, then one `|entry|`
//! line per entry: the bars keep the spaces at an entry's ends, and
//! build.rs's `forms_of` reads them back) and the built-in packs' parsed
//! forms (`src/packs/parsed/*.json`, see `crate::packs`).

/// A generated file: `header` as `#` lines, then `|entry|` per entry.
pub(crate) fn lines_file<'a>(
    header: &[&str],
    entries: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut out = String::new();
    for h in header {
        out.push_str("# ");
        out.push_str(h);
        out.push('\n');
    }
    for e in entries {
        assert!(
            !e.contains(['\n', '\r']),
            "an entry has no line break: {e:?}"
        );
        out.push('|');
        out.push_str(e);
        out.push_str("|\n");
    }
    out
}

/// Is each file (path relative to the crate) what it should hold? With
/// `CANDOR_BLESS` set, the ones that are not are rewritten; otherwise the
/// test fails naming them and the command `test` that regenerates them.
pub(crate) fn assert_current(files: &[(String, String)], test: &str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("CANDOR_BLESS").is_some();
    let mut stale = Vec::new();
    for (path, want) in files {
        let path_on_disk = root.join(path);
        if std::fs::read_to_string(&path_on_disk).ok().as_deref() != Some(want.as_str()) {
            if bless {
                std::fs::write(&path_on_disk, want).unwrap();
            } else {
                stale.push(path.as_str());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} out of date: run `CANDOR_BLESS=1 cargo test {test}`, then rebuild"
    );
}

/// Is `CANDOR_BLESS` set (files are being regenerated, so the build has
/// not read them yet)?
pub(crate) fn blessing() -> bool {
    std::env::var_os("CANDOR_BLESS").is_some()
}
