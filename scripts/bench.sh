#!/usr/bin/env bash
# Whole-process benchmark (issue #7). Builds a large corpus by replicating
# fixtures/corpus/ (Markdown and text policies), then times, side by side:
#   - candor check   (default packs + an inventory, one policy set)
#   - candor extract (the model of every file)
#   - parse_baseline (read every file + pulldown-cmark, nothing else)
#   - markdownlint-cli2 (installed from npm into target/bench/node)
# at about 10, 30 and 70 MB, printing medians of RUNS runs, the ratios
# candor/baseline and markdownlint-cli2/candor, and peak RSS; then times
# `candor check` on the bundled example and on a three-document set
# (fixtures/sets/corpus/sage-bionetworks) as pre-commit calls it.
#
# Usage: scripts/bench.sh [RUNS]   (default 5). Needs: cargo, GNU time,
# node/npm for markdownlint-cli2 (skipped with a note when npm is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=target/bench
mkdir -p "$OUT"

cargo build --release --quiet
cargo build --release --quiet --example parse_baseline
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
CANDOR=$TARGET/release/candor
BASELINE=$TARGET/release/examples/parse_baseline
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

have_mdl=0
if command -v npm >/dev/null; then
  if [ ! -x "$OUT/node/node_modules/.bin/markdownlint-cli2" ]; then
    mkdir -p "$OUT/node"
    (cd "$OUT/node" && npm init -y >/dev/null && npm install --silent markdownlint-cli2 >/dev/null 2>&1) || true
  fi
  [ -x "$OUT/node/node_modules/.bin/markdownlint-cli2" ] && have_mdl=1
fi
MDL=$PWD/$OUT/node/node_modules/.bin/markdownlint-cli2

# corpus_of SIZE_MB → directory with about that many MB of policies.
corpus_of() {
  local mb=$1 dir="$OUT/corpus-${1}mb"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    local unit copies
    unit=$(find fixtures/corpus -type f \( -name '*.md' -o -name '*.txt' \) ! -name README.md -printf '%s\n' | awk '{s+=$1} END {print s}')
    copies=$(( mb * 1024 * 1024 / unit + 1 ))
    for i in $(seq 1 "$copies"); do
      mkdir -p "$dir/c$i"
      find fixtures/corpus -type f \( -name '*.md' -o -name '*.txt' \) ! -name README.md | while read -r f; do
        rel=${f#fixtures/corpus/}
        cp "$f" "$dir/c$i/${rel//\//_}"
      done
    done
    cat > "$dir/candor.yaml" <<YAML
inventory: inventory.yaml
policies: [.]
packs: [gdpr, ccpa, hygiene]
YAML
    cp fixtures/example/inventory.yaml "$dir/inventory.yaml"
  fi
  echo "$dir"
}

# median_of CMD... → prints "median_seconds peak_rss_kb" over RUNS runs.
median_of() {
  local times=() rss=0 t r
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    # GNU time prefixes "Command exited with non-zero status N" when candor
    # reports findings (exit 1): the figure is the last line.
    r=$(tail -n 1 "$OUT/time.txt")
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", (b-a)/1e9}')
    times+=("$t")
    if (( r > rss )); then rss=$r; fi
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.6f %d\n", m, rss}'
}

printf '\n%-8s %-18s %9s %9s %10s\n' "corpus" "command" "median s" "MB/s" "peak RSS"
for mb in 10 30 70; do
  dir=$(corpus_of "$mb")
  bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  files=$(find "$dir" -type f \( -name '*.md' -o -name '*.txt' \) | wc -l)
  row() { # name median rss
    awk -v n="$1" -v m="$2" -v r="$3" -v b="$bytes" -v c="${mb}MB/$files" 'BEGIN {printf "%-8s %-18s %9.3f %9.1f %8.1fMB\n", c, n, m, (m>0? b/1048576/m : 0), r/1024}'
  }
  read -r c_t c_r < <(median_of "$CANDOR" check --config "$dir/candor.yaml" --format json --fail-on error)
  row "candor check" "$c_t" "$c_r"
  read -r e_t e_r < <(median_of bash -c "cd '$dir' && find . -name '*.md' -o -name '*.txt' | xargs '$CANDOR' extract >/dev/null")
  row "candor extract" "$e_t" "$e_r"
  read -r b_t b_r < <(median_of "$BASELINE" "$dir")
  row "parse baseline" "$b_t" "$b_r"
  if [ "$have_mdl" = 1 ]; then
    read -r m_t m_r < <(median_of bash -c "cd '$dir' && '$MDL' '**/*.md' >/dev/null 2>&1")
    row "markdownlint-cli2" "$m_t" "$m_r"
    awk -v c="$c_t" -v b="$b_t" -v m="$m_t" 'BEGIN {printf "         ratios: candor/baseline %.2f, markdownlint-cli2/candor %.2f\n", (b>0?c/b:0), (c>0?m/c:0)}'
  else
    awk -v c="$c_t" -v b="$b_t" 'BEGIN {printf "         ratio: candor/baseline %.2f (markdownlint-cli2 not installed)\n", (b>0?c/b:0)}'
  fi
done

# pre_commit NAME CONFIG: time `candor check` on one policy set as the
# pre-commit hook calls it (default human report, process start included).
# A run is ~15 ms: starting `date` and GNU time around each one (as
# median_of does) would add several ms, so batches of 20 back-to-back runs
# are timed and the median batch is reported per run; peak RSS from one
# run under GNU time.
pre_commit() {
  local name=$1 config=$2 batches=() t0 t1 p_t p_r
  for _ in $(seq 1 $((RUNS * 4))); do
    t0=$(date +%s%N)
    for _ in $(seq 1 20); do "$CANDOR" check --config "$config" >/dev/null 2>&1 || true; done
    t1=$(date +%s%N)
    batches+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", (b-a)/1e9/20}')")
  done
  p_t=$(printf '%s\n' "${batches[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
  /usr/bin/time -f '%M' -o "$OUT/time.txt" "$CANDOR" check --config "$config" >/dev/null 2>&1 || true
  p_r=$(tail -n 1 "$OUT/time.txt")
  awk -v name="$name" -v t="$p_t" -v r="$p_r" -v n=$((RUNS * 4)) 'BEGIN {printf "  %-34s median of %d batches of 20 runs: %.1f ms per run, peak RSS %.1f MB\n", name, n, t*1000, r/1024}'
}

echo
echo "pre-commit: candor check as the hook runs it, process start included"
pre_commit "fixtures/example (2 documents)" fixtures/example/candor.yaml
pre_commit "sage-bionetworks (3 documents)" fixtures/sets/corpus/sage-bionetworks/as-published/candor.yaml
