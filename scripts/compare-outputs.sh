#!/usr/bin/env bash
# Do two candor builds give the same output? For changes meant to be
# invisible (speed work, refactors): compares, byte for byte,
#   - `extract --format json` of every fixture file,
#   - `check --format json` of every fixture set (each candor.yaml),
#   - `extract --format json` over the 10 MB bench corpus, if
#     scripts/bench.sh has built it (target/bench/corpus-10mb).
# Output and exit code are compared together. Prints one DIFF line per
# difference; exits 1 if there is any.
#
#   scripts/compare-outputs.sh OLD_CANDOR NEW_CANDOR
#
# e.g. build main, copy target/release/candor to /tmp/candor-old, build
# your change, then: scripts/compare-outputs.sh /tmp/candor-old target/release/candor
set -u
[ $# -eq 2 ] || { echo "usage: $0 OLD_CANDOR NEW_CANDOR" >&2; exit 2; }
old=$(realpath "$1") && new=$(realpath "$2") || exit 2
cd "$(dirname "$0")/.." || exit 2
export CANDOR_TODAY=2026-11-22 NO_COLOR=1
fail=0
same() { # label, then the command after the binary
  local label=$1; shift
  local a b
  a=$({ "$old" "$@" 2>&1; echo "exit $?"; } | md5sum)
  b=$({ "$new" "$@" 2>&1; echo "exit $?"; } | md5sum)
  [ "$a" = "$b" ] || { echo "DIFF $label"; fail=1; }
}
while IFS= read -r f; do
  same "extract $f" extract "$f" --format json
done < <(find fixtures -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.mdx' \
  -o -name '*.txt' -o -name '*.text' -o -name '*.html' -o -name '*.htm' \) | sort)
while IFS= read -r c; do
  same "check $c" check --config "$c" --format json
done < <(find fixtures -name candor.yaml | sort)
if [ -d target/bench/corpus-10mb ]; then
  same "extract target/bench/corpus-10mb" extract target/bench/corpus-10mb --format json
fi
[ $fail -eq 0 ] && echo "same output" || echo "outputs differ"
exit $fail
