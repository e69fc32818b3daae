#!/usr/bin/env bash
# Coverage-guided fuzzing of candor's input surfaces (issue #8) with
# cargo-fuzz / libFuzzer: the document parser, extraction, and the inventory,
# config and pack loaders. Each target runs for SECONDS (default 60), seeded
# from the fixtures, the corpus and the built-in packs. Crashes, timeouts and
# out-of-memory inputs land in fuzz/artifacts/<target>/ — turn every one into
# a regression test before fixing it. The script runs every target it was
# asked for, prints executions per target, and exits 1 if any found a problem.
#
#   scripts/fuzz.sh            # every target, 60 s each
#   scripts/fuzz.sh 5          # smoke run (what CI does)
#   scripts/fuzz.sh 600 document extract
#
# Targets are built optimised with debug assertions (integer overflow is a
# crash too). FUZZ_BUILD=--dev builds them unoptimised instead: much quicker
# to compile, slower to run — what the CI smoke run uses.
#
# cargo-fuzz needs nightly features; on the stable toolchain we enable them
# with RUSTC_BOOTSTRAP=1 (the toolchain is the only one this machine has).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(document extract inventory config pack)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
BUILD=${FUZZ_BUILD:---debug-assertions}

seed() { # target dir, files...
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
seed document $(find fixtures/corpus fixtures/seeds fixtures/documents -type f \( -name '*.md' -o -name '*.mdx' -o -name '*.txt' -o -name '*.html' \))
seed extract $(find fixtures/corpus fixtures/seeds -type f \( -name '*.md' -o -name '*.txt' \))
seed inventory $(find fixtures -name 'inventory.yaml')
seed config $(find fixtures -name 'candor.yaml')
seed pack rules/*.yaml

failed=()
for t in "${TARGETS[@]}"; do
  echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
  log=$(mktemp)
  cargo fuzz run --sanitizer none $BUILD "$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    >"$log" 2>&1 || true
  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|SUMMARY|.*panicked at|Test unit written)' "$log" || true
  runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || echo "?")
  found=$(ls fuzz/artifacts/"$t"/ 2>/dev/null | grep -cE '^(crash|timeout|oom|leak)-' || true)
  echo "fuzz $t: $runs executions, $found problem inputs in fuzz/artifacts/$t/"
  if [ "$found" != 0 ] || [ "$runs" = "?" ]; then
    failed+=("$t")
    tail -40 "$log"
  fi
  rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
