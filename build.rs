//! Compiles the extractors' static patterns (`src/pattern/table.rs`) into
//! regex-automata DFAs, forward and reverse as `dfa::regex::Regex` uses
//! them, serialized for the target's endianness into `OUT_DIR`:
//! `patterns.bin` (every DFA, each at a 4-byte boundary) and `patterns.rs`
//! (where each entry's DFAs are). `src/pattern.rs` embeds both and
//! deserializes a pattern's DFAs, zero-copy, on its first use.
//!
//! The DFAs are dense and minimized: dense DFAs are the fastest to search
//! and to load (`from_bytes` validates them at about 2 instructions per
//! byte; sparse ones, a fifth of the size, cost ten times more to validate,
//! more than compiling the pattern). A pattern whose DFAs exceed
//! the limits below fails the build: it belongs at its call site, compiled
//! at run time. Every DFA written is deserialized here first, so a build
//! that succeeds has tables the crate can load.

use std::fmt::Write as _;
use std::path::PathBuf;

use regex_automata::dfa::dense;

macro_rules! table {
    ($($(#[$doc:meta])* $name:ident = $pattern:expr;)*) => {
        const TABLE: &[(&str, &str)] = &[$((stringify!($name), $pattern),)*];
    };
}

include!("src/pattern/table.rs");

/// Forward plus reverse DFA of one pattern, in bytes, beyond which the
/// build fails (see the module docs).
const DENSE_MAX: usize = 256 << 10;
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

fn main() {
    println!("cargo::rerun-if-changed=src/pattern/table.rs");
    println!("cargo::rerun-if-changed=src/pattern/dfa.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let big = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    let mut bin = Vec::new();
    let mut rs = String::from("const COMPILED: [Compiled; ");
    let _ = writeln!(rs, "{}] = [", TABLE.len());
    let mut failed = Vec::new();
    // Serialized for the target; checked by loading them when the host has
    // the target's endianness (always, but for cross builds).
    let check = big == cfg!(target_endian = "big");
    let dense_bytes = |d: &dense::DFA<Vec<u32>>| -> Result<Vec<u8>, String> {
        let (bytes, pad) = if big {
            d.to_bytes_big_endian()
        } else {
            d.to_bytes_little_endian()
        };
        // `bytes[pad..]` is 4-aligned, as the crate's copy will be.
        if check {
            dense::DFA::from_bytes(&bytes[pad..]).map_err(|e| e.to_string())?;
        }
        Ok(bytes[pad..].to_vec())
    };
    for (name, source) in TABLE {
        let pattern = ascii_classes(source);
        let (fwd, rev) = match (dfa(&pattern, false), dfa(&pattern, true)) {
            (Ok(f), Ok(r)) => (f, r),
            (Err(e), _) | (_, Err(e)) => {
                failed.push(format!("{name}: {e}"));
                continue;
            }
        };
        let (f, r) = match (dense_bytes(&fwd), dense_bytes(&rev)) {
            (Ok(f), Ok(r)) => (f, r),
            (Err(e), _) | (_, Err(e)) => {
                failed.push(format!("{name}: dense DFA does not load: {e}"));
                continue;
            }
        };
        if f.len() + r.len() > DENSE_MAX {
            failed.push(format!(
                "{name}: {} bytes of DFAs (limit {DENSE_MAX})",
                f.len() + r.len()
            ));
            continue;
        }
        let forward = push(&mut bin, &f);
        let reverse = push(&mut bin, &r);
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
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("patterns.bin"), &bin).expect("write patterns.bin");
    std::fs::write(out.join("patterns.rs"), rs).expect("write patterns.rs");
}
