//! Compiles the extractors' static patterns (`src/pattern/table.rs`) into
//! regex-automata DFAs, forward and reverse as `dfa::regex::Regex` uses
//! them, serialized for the target's endianness into `OUT_DIR`:
//! `patterns.bin` (every DFA, each at a 4-byte boundary) and `patterns.rs`
//! (where each entry's DFAs are). `src/pattern.rs` embeds both and
//! deserializes a pattern's DFAs, zero-copy, on its first use.
//!
//! The DFAs are dense and minimized: dense DFAs are the fastest to search.
//! (Sparse ones, a fifth of the size, were tried for the patterns over
//! 256 KiB: extraction ran a third slower, and with only the two largest
//! sparse still a tenth slower.) A pattern whose DFAs exceed [`DENSE_MAX`],
//! or do not determinize within `DETERMINIZE_MAX`, fails the build: it
//! belongs at its call site, compiled at run time. Every DFA written is
//! deserialized here first (with validation), so a build that succeeds has
//! tables the crate can load without validating them again.
//!
//! It also compiles the built-in packs' pattern groups into dense DFAs,
//! from the patterns of `src/packs/parsed/{pack}.json` (each pack's parsed
//! form, `src/packs/embedded.rs`) by the plan of `src/packs/plan.rs`, into the same `patterns.bin`, and
//! writes `packs.rs` (each pack's patterns, the key the crate compares
//! its own with, and its groups), for `src/packs/matcher.rs`.
//!
//! It also builds the tries of the lexicons every run searches
//! (`src/lexicon/forms/*.txt`, their automaton forms as the crate makes
//! them) into `tries.bin` and `tries.rs`, for `src/lexicon/embedded.rs`.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/lexicon/trie.rs"]
#[allow(dead_code)]
mod trie;

#[path = "src/packs/plan.rs"]
#[allow(dead_code)]
mod plan;

use regex_automata::dfa::dense;

macro_rules! table {
    ($($(#[$doc:meta])* $name:ident = $pattern:expr;)*) => {
        const TABLE: &[(&str, &str)] = &[$((stringify!($name), $pattern),)*];
    };
}

include!("src/pattern/table.rs");

/// Forward plus reverse DFA of one pattern, in bytes, beyond which the
/// build fails (the largest, retention's vague-period pattern, is 3.9 MB;
/// a search touches only the pages of the states it visits).
const DENSE_MAX: usize = 4 << 20;
include!("src/pattern/dfa.rs");

/// Append `bytes` at a 4-byte boundary; their range in `out`.
fn push(out: &mut Vec<u8>, bytes: &[u8]) -> (usize, usize) {
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    let start = out.len();
    out.extend_from_slice(bytes);
    (start, out.len())
}

/// One entry's serialized DFAs.
struct Built {
    forward: Vec<u8>,
    reverse: Vec<u8>,
}

/// A DFA's bytes for the target's endianness, from the 4-aligned offset
/// (as the crate's copy will be); `check`: load them again.
fn serialize(d: &dense::DFA<Vec<u32>>, big: bool, check: bool) -> Result<Vec<u8>, String> {
    let (bytes, pad) = if big {
        d.to_bytes_big_endian()
    } else {
        d.to_bytes_little_endian()
    };
    if check {
        dense::DFA::from_bytes(&bytes[pad..])
            .map_err(|e| format!("dense DFA does not load: {e}"))?;
    }
    Ok(bytes[pad..].to_vec())
}

/// Compile and serialize one entry. `check`: deserialize what is written
/// (the host has the target's endianness).
fn build(source: &str, big: bool, check: bool) -> Result<Built, String> {
    let pattern = ascii_classes(source);
    let fwd = dfa(&pattern, false)?;
    let rev = dfa(&pattern, true)?;
    let (forward, reverse) = (serialize(&fwd, big, check)?, serialize(&rev, big, check)?);
    if forward.len() + reverse.len() > DENSE_MAX {
        return Err(format!(
            "{} bytes of DFAs (limit {DENSE_MAX})",
            forward.len() + reverse.len()
        ));
    }
    Ok(Built { forward, reverse })
}

fn main() {
    println!("cargo::rerun-if-changed=src/pattern/table.rs");
    println!("cargo::rerun-if-changed=src/pattern/dfa.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let big = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    // Serialized for the target; checked by loading them when the host has
    // the target's endianness (always, but for cross builds).
    let check = big == cfg!(target_endian = "big");
    // Determinizing is most of the build script's time: the entries are
    // split over the cores, and written in table order.
    let packs = std::thread::spawn(move || packs(big, check));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut built: Vec<(usize, Result<Built, String>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((_, source)) = TABLE.get(i) else {
                            return mine;
                        };
                        mine.push((i, build(source, big, check)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a build thread panicked"))
            .collect()
    });
    built.sort_unstable_by_key(|b| b.0);
    let mut bin = Vec::new();
    let mut rs = String::new();
    // build.rs loaded every DFA it wrote: the crate may skip validating.
    let _ = writeln!(rs, "const VALIDATED: bool = {check};");
    let _ = writeln!(rs, "const COMPILED: [Compiled; {}] = [", TABLE.len());
    let mut failed = Vec::new();
    for ((name, _), (_, b)) in TABLE.iter().zip(built) {
        let b = match b {
            Ok(b) => b,
            Err(e) => {
                failed.push(format!("{name}: {e}"));
                continue;
            }
        };
        let forward = push(&mut bin, &b.forward);
        let reverse = push(&mut bin, &b.reverse);
        let _ = writeln!(
            rs,
            "    Compiled {{ forward: ({}, {}), reverse: ({}, {}) }}, // {name}",
            forward.0, forward.1, reverse.0, reverse.1
        );
    }
    rs.push_str("];\n");
    if !failed.is_empty() {
        panic!(
            "patterns of src/pattern/table.rs that do not compile to DFAs within \
             the limits (compile them at run time instead):\n{}",
            failed.join("\n")
        );
    }
    let packs = packs.join().expect("the packs' build thread panicked");
    let packs_rs = packs_rs(&packs, &mut bin);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("packs.rs"), packs_rs).expect("write packs.rs");
    std::fs::write(out.join("patterns.bin"), &bin).expect("write patterns.bin");
    std::fs::write(out.join("patterns.rs"), rs).expect("write patterns.rs");
    tries(&out, big);
}

/// The built-in packs' parsed forms (`src/packs/embedded.rs`), one file
/// per pack: their `atoms` are the packs' patterns, in order.
const PARSED: &str = "src/packs/parsed";

/// One group of a built-in pack: its plan and its serialized DFA.
struct PackGroup {
    plan: plan::Planned,
    dfa: Vec<u8>,
}

/// Plan and compile every pack of [`PARSED`], in file name order. A pack
/// that cannot be embedded (a parsed form without patterns, such as the
/// `{}` of a pack not yet generated; a Unicode `\b`, whose DFA would give
/// up on non-ASCII text; a group over the size limits) is left out with a
/// warning: the crate then compiles it at run time, as a pack file's.
fn packs(big: bool, check: bool) -> Vec<(String, Vec<String>, Vec<PackGroup>)> {
    println!("cargo::rerun-if-changed={PARSED}");
    println!("cargo::rerun-if-changed=src/packs/plan.rs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(PARSED)
        .unwrap_or_else(|e| panic!("{PARSED}: {e}"))
        .map(|e| e.expect("read src/packs/parsed").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .expect("parsed forms have UTF-8 names")
            .to_string();
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let built = atoms_of(&text).and_then(|patterns| {
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            pack_groups(&refs, big, check).map(|groups| (patterns, groups))
        });
        match built {
            Ok((patterns, groups)) => out.push((name, patterns, groups)),
            Err(e) => println!("cargo::warning=pack {name} is compiled at run time: {e}"),
        }
    }
    out
}

/// The patterns of a parsed form: its `atoms`, each `[pattern, span]`.
fn atoms_of(json: &str) -> Result<Vec<String>, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    v.get("atoms")
        .and_then(serde_json::Value::as_array)
        .ok_or("no atoms")?
        .iter()
        .map(|a| {
            a.get(0)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("an atom without a pattern: {a}"))
        })
        .collect()
}

/// The groups of one pack, each with its dense DFA: the NFA the crate's
/// lazy DFA is built from, determinized with the same semantics (every
/// match, Unicode `\b` as quit bytes) and minimized.
fn pack_groups(patterns: &[&str], big: bool, check: bool) -> Result<Vec<PackGroup>, String> {
    use regex_automata::MatchKind;
    use regex_automata::dfa::StartKind;
    let mut groups = Vec::new();
    for g in plan::plan(patterns)? {
        if g.hirs
            .iter()
            .any(|h| h.properties().look_set().contains_word_unicode())
        {
            return Err("a pattern has a Unicode word boundary".to_string());
        }
        let nfa = plan::nfa(&g.hirs)?;
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .match_kind(MatchKind::All)
                    .start_kind(if g.anchored {
                        StartKind::Anchored
                    } else {
                        StartKind::Unanchored
                    })
                    .unicode_word_boundary(true)
                    .accelerate(false)
                    .minimize(true)
                    .dfa_size_limit(Some(DETERMINIZE_MAX))
                    .determinize_size_limit(Some(DETERMINIZE_MAX)),
            )
            .build_from_nfa(&nfa)
            .map_err(|e| e.to_string())?;
        let dfa = serialize(&dfa, big, check)?;
        if dfa.len() > DENSE_MAX {
            return Err(format!("{} bytes of DFA (limit {DENSE_MAX})", dfa.len()));
        }
        groups.push(PackGroup { plan: g, dfa });
    }
    Ok(groups)
}

/// Append the packs' DFAs to `bin`; the `EMBEDDED` table that says where.
fn packs_rs(packs: &[(String, Vec<String>, Vec<PackGroup>)], bin: &mut Vec<u8>) -> String {
    let mut rs = String::from("const EMBEDDED: &[EmbeddedPack] = &[\n");
    for (name, patterns, groups) in packs {
        let _ = writeln!(rs, "    // {name}\n    EmbeddedPack {{");
        let _ = writeln!(rs, "        patterns: &{patterns:?},\n        groups: &[");
        for g in groups {
            let dfa = push(bin, &g.dfa);
            let _ = writeln!(
                rs,
                "            EmbeddedGroup {{ dfa: {dfa:?}, ids: &{:?}, anchored: {}, lower: {}, first: {:?}, needs: {} }},",
                g.plan.ids,
                g.plan.anchored,
                g.plan.lower,
                g.plan.first,
                g.plan
                    .needs
                    .as_ref()
                    .map_or_else(|| "None".to_string(), |v| format!("Some(&{v:?})")),
            );
        }
        rs.push_str("        ],\n    },\n");
    }
    rs.push_str("];\n");
    rs
}

/// The lexicons whose tries are embedded: `src/lexicon/forms/{name}.txt`.
const TRIES: [&str; 2] = ["extraction", "recipients"];

/// The forms of a forms file: each line `|form|` (the bars keep the spaces
/// at its ends), `#` lines are comments.
fn forms_of(text: &str) -> Result<Vec<&str>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(n, l)| {
            l.strip_prefix('|')
                .and_then(|l| l.strip_suffix('|'))
                .ok_or_else(|| format!("line {}: not |form|", n + 1))
        })
        .collect()
}

/// Build each lexicon's trie, as `Trie::new` makes it at run time, and
/// write its forms (the key the crate compares its own with), their ends
/// and the trie's arrays, each at a 4-byte boundary, in the target's
/// endianness.
fn tries(out: &std::path::Path, big: bool) {
    let mut bin: Vec<u8> = Vec::new();
    let words = |bin: &mut Vec<u8>, w: &[u32]| {
        let bytes: Vec<u8> = w
            .iter()
            .flat_map(|x| {
                if big {
                    x.to_be_bytes()
                } else {
                    x.to_le_bytes()
                }
            })
            .collect();
        push(bin, &bytes)
    };
    let mut rs = format!("const EMBEDDED: [Entry; {}] = [\n", TRIES.len());
    for name in TRIES {
        let path = format!("src/lexicon/forms/{name}.txt");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let forms = forms_of(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let patterns: Vec<&[u8]> = forms.iter().map(|f| f.as_bytes()).collect();
        let t = trie::Trie::new(&patterns);
        let joined: Vec<u8> = forms.concat().into_bytes();
        let mut ends = Vec::with_capacity(forms.len());
        let mut end = 0u32;
        for f in &forms {
            end += f.len() as u32;
            ends.push(end);
        }
        let forms_at = push(&mut bin, &joined);
        let ends_at = words(&mut bin, &ends);
        let (word_arrays, byte_arrays) = t.view().arrays();
        let w: Vec<(usize, usize)> = word_arrays.iter().map(|a| words(&mut bin, a)).collect();
        let b: Vec<(usize, usize)> = byte_arrays.iter().map(|a| push(&mut bin, a)).collect();
        let _ = writeln!(
            rs,
            "    Entry {{ forms: {forms_at:?}, ends: {ends_at:?}, words: {w:?}, bytes: {b:?} }}, // {name}"
        );
    }
    rs.push_str("];\n");
    println!("cargo::rerun-if-changed=src/lexicon/trie.rs");
    std::fs::write(out.join("tries.bin"), &bin).expect("write tries.bin");
    std::fs::write(out.join("tries.rs"), rs).expect("write tries.rs");
}
