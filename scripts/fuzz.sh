#!/usr/bin/env bash
# Coverage-guided fuzzing of candor's input surfaces (issue #8) with
# cargo-fuzz / libFuzzer. Each target runs for SECONDS (default 60), seeded
# from the fixtures; crashes land in fuzz/artifacts/<target>/ — turn every one
# into a regression test before fixing it.
#
#   scripts/fuzz.sh            # every target, 60 s each
#   scripts/fuzz.sh 5          # smoke run (what CI does)
#   scripts/fuzz.sh 600 document extract
#
# cargo-fuzz needs nightly features; on the stable toolchain we enable them
# with RUSTC_BOOTSTRAP=1 (the toolchain is the only one this machine has).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(document extract inventory config)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

seed() { # target dir, files...
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
}
seed document $(find fixtures/corpus fixtures/seeds fixtures/documents -type f \( -name '*.md' -o -name '*.mdx' -o -name '*.txt' -o -name '*.html' \))
seed extract $(find fixtures/corpus fixtures/seeds -type f \( -name '*.md' -o -name '*.txt' \))
seed inventory $(find fixtures -name 'inventory.yaml')
seed config $(find fixtures -name 'candor.yaml')

for t in "${TARGETS[@]}"; do
  echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
  cargo fuzz run --sanitizer none "$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    2>&1 | grep -E '^(#[0-9]+ +DONE|Done|==|SUMMARY|.*panicked|artifact_prefix|Test unit written)' || true
  if ls fuzz/artifacts/"$t"/crash-* >/dev/null 2>&1; then
    echo "crash found in $t: see fuzz/artifacts/$t/"; exit 1
  fi
done
