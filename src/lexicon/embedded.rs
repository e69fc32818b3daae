//! The tries of the lexicons every run searches, built by `build.rs` and
//! read in place from the binary, instead of built at run time.
//!
//! Building the extraction lexicon's trie (43,000 states) and the
//! recipient categories' (18,000) was the largest cost a pre-commit run
//! paid before reading a word: a tenth of its instructions, and a third of
//! its page faults, each a fresh page of heap. Embedded, a trie costs the
//! file-backed pages its searches touch.
//!
//! `build.rs` builds each trie from `src/lexicon/forms/{name}.txt`: the
//! automaton forms of the lexicon's patterns, in order, as
//! [`super::NameMatcher::grouped`] makes them. A matcher uses an embedded
//! trie only when its own forms are exactly those (compared byte for byte
//! in [`trie_for`]), so an out-of-date forms file costs speed (the matcher
//! builds its trie, as any other does), never a different answer. The test
//! `forms_files_are_current` fails until the files are regenerated:
//! `CANDOR_BLESS=1 cargo test forms_files_are_current`.

use std::ops::Range;

use zerocopy::FromBytes;

#[cfg(test)]
use super::trie::Trie;
use super::trie::View;

/// Where an embedded trie's arrays sit in [`BLOB`] (byte ranges, each at a
/// 4-byte boundary): its forms concatenated, their ends (`u32`), and the
/// trie's arrays in [`View::arrays`] order.
struct Entry {
    forms: (usize, usize),
    ends: (usize, usize),
    words: [(usize, usize); 8],
    bytes: [(usize, usize); 2],
}

/// Bytes at a 4-byte boundary, so that ranges at 4-byte offsets in them
/// read as `u32`s in place.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

static BLOB: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/tries.bin")));

// `const EMBEDDED: [Entry; N]`.
include!(concat!(env!("OUT_DIR"), "/tries.rs"));

fn bytes((a, b): (usize, usize)) -> Option<&'static [u8]> {
    BLOB.0.get(a..b)
}

/// `None` when misaligned or of a length that is not a multiple of 4:
/// neither happens to what build.rs wrote (tests read every entry).
fn words(range: (usize, usize)) -> Option<&'static [u32]> {
    <[u32]>::ref_from_bytes(bytes(range)?).ok()
}

/// The embedded trie of the patterns whose automaton forms are
/// `forms[ranges[i]]`, in order, if one was built for exactly those.
/// (`NameMatcher::grouped` lays the forms end to end, so the ranges are
/// known by their ends.)
pub(super) fn trie_for(forms: &[u8], ranges: &[Range<usize>]) -> Option<View<'static>> {
    EMBEDDED.iter().find_map(|e| {
        let (key, ends) = (bytes(e.forms)?, words(e.ends)?);
        let same = key == forms
            && ranges
                .iter()
                .map(|r| r.end)
                .eq(ends.iter().map(|&end| end as usize));
        if !same {
            return None;
        }
        let mut w: [&'static [u32]; 8] = [&[]; 8];
        for (slot, range) in w.iter_mut().zip(e.words) {
            *slot = words(range)?;
        }
        let [a, b] = e.bytes;
        Some(View::from_arrays(w, [bytes(a)?, bytes(b)?]))
    })
}

/// A forms file's text for a matcher's `forms` and `ranges` (what
/// `build.rs` reads back).
#[cfg(test)]
fn forms_file(name: &str, forms: &[u8], ranges: &[Range<usize>]) -> String {
    crate::generated::lines_file(
        &[
            &format!(
                "The automaton forms of the {name} lexicon's patterns, in order: the key of its"
            ),
            "trie that build.rs embeds (src/lexicon/embedded.rs). Generated; regenerate with",
            "CANDOR_BLESS=1 cargo test forms_files_are_current",
        ],
        ranges
            .iter()
            .map(|r| std::str::from_utf8(&forms[r.clone()]).expect("forms are UTF-8")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::NameMatcher;

    /// The matchers whose tries are embedded, by forms file name (the
    /// order of build.rs's `TRIES`).
    fn matchers() -> [(&'static str, &'static NameMatcher); 2] {
        [
            ("extraction", crate::extract::lexicons::matcher()),
            (
                "recipients",
                crate::lexicon::recipients::recipient_categories().matcher(),
            ),
        ]
    }

    /// The forms files are those of the lexicons as they are now, so the
    /// embedded tries are used (with `CANDOR_BLESS=1`, rewrite them).
    #[test]
    fn forms_files_are_current() {
        let files: Vec<(String, String)> = matchers()
            .into_iter()
            .map(|(name, m)| {
                let (forms, ranges) = m.forms_and_ranges();
                (
                    format!("src/lexicon/forms/{name}.txt"),
                    forms_file(name, forms, ranges),
                )
            })
            .collect();
        crate::generated::assert_current(&files, "forms_files_are_current");
        if !crate::generated::blessing() {
            for (name, m) in matchers() {
                assert!(m.embedded(), "{name}: the matcher built its own trie");
            }
        }
    }

    /// Each embedded trie is the trie `Trie::new` builds from its forms,
    /// array for array, and a changed form is not looked up as it.
    #[test]
    fn embedded_tries_are_what_trie_new_builds() {
        assert_eq!(EMBEDDED.len(), 2);
        for e in &EMBEDDED {
            let key = bytes(e.forms).unwrap();
            let ends = words(e.ends).unwrap();
            let mut ranges = Vec::new();
            let mut start = 0;
            for &end in ends {
                ranges.push(start..end as usize);
                start = end as usize;
            }
            let patterns: Vec<&[u8]> = ranges.iter().map(|r| &key[r.clone()]).collect();
            assert!(patterns.len() > 1000, "{}", patterns.len());
            let built = Trie::new(&patterns);
            let found = trie_for(key, &ranges).expect("its own forms find it");
            assert_eq!(built.view().arrays(), found.arrays());
            // One byte changed, or one pattern fewer: not this trie.
            let mut changed = key.to_vec();
            changed[0] ^= 1;
            assert!(trie_for(&changed, &ranges).is_none());
            let fewer = &ranges[..ranges.len() - 1];
            assert!(trie_for(&key[..fewer.last().unwrap().end], fewer).is_none());
        }
    }
}
