//! The bare baseline for `scripts/bench.sh`: read every file under the given
//! paths and run pulldown-cmark over it, in parallel, doing nothing else.
//! candor's own cost is reported relative to this.
//!
//! ```sh
//! cargo run --release --example parse_baseline -- DIR...
//! ```

use rayon::prelude::*;

fn main() {
    let mut files = Vec::new();
    for root in std::env::args().skip(1) {
        for e in walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let is_policy = e
                .path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x, "md" | "markdown" | "mdx" | "txt"));
            if e.file_type().is_file() && is_policy {
                files.push(e.into_path());
            }
        }
    }
    let (bytes, events): (usize, usize) = files
        .par_iter()
        .map(|p| {
            let Ok(text) = std::fs::read_to_string(p) else {
                return (0, 0);
            };
            let opts = pulldown_cmark::Options::ENABLE_TABLES
                | pulldown_cmark::Options::ENABLE_FOOTNOTES
                | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
            let n = pulldown_cmark::Parser::new_ext(&text, opts)
                .into_offset_iter()
                .count();
            (text.len(), n)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{} files, {bytes} bytes, {events} events", files.len());
}
