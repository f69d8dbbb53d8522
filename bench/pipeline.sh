#!/usr/bin/env bash
# Whole-process benchmark of `chronicle extract` on the news pile, on one core.
#
#   bench/pipeline.sh [PILE.jsonl.gz]        (default: ../shared/data/news/news-pile.jsonl.gz)
#
# Prints, measured in this run:
#   - the floor: reading and decompressing the pile (`zcat > /dev/null`), MB/s per CPU-second;
#   - the whole pipeline (read, decompress, parse, clean, every stage through events, JSON out) on
#     one core (taskset -c 0, RAYON_NUM_THREADS=1): words and MB per CPU-second, x the floor;
#   - peak RSS of `chronicle extract -` fed the pile 1x, 10x and 100x on standard input (streamed
#     from a loop of zcat, so no big file is written): it should stay flat.
#
# CPU time is user + sys from /usr/bin/time (all threads), so a busy machine slows the wall clock
# more than the figures. Words are whitespace-separated words of the input `text` fields, counted
# the same way by bench/compare.sh for spaCy.
#
# Knobs: ROUNDS (best of, default 3), SCALES (default "1 10 100"), CARGO_TARGET_DIR, CHRONICLE_BIN
# (a built binary: no build).
set -euo pipefail
cd "$(dirname "$0")/.."

pile=${1:-../shared/data/news/news-pile.jsonl.gz}
rounds=${ROUNDS:-3}
scales=${SCALES:-1 10 100}
target=${CARGO_TARGET_DIR:-target}
bin=${CHRONICLE_BIN:-$target/release/chronicle}

if [ ! -f "$pile" ]; then
  echo "pipeline.sh: $pile is absent; nothing to measure" >&2
  exit 0
fi

if [ -z "${CHRONICLE_BIN:-}" ]; then
  echo "== building (release)" >&2
  cargo build --release --quiet -p chronicle
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu_of FILE: user+sys seconds recorded by /usr/bin/time -f '%U %S %M' in FILE.
cpu_of() { awk '{ printf "%.3f", $1 + $2 }' "$1"; }
rss_of() { awk '{ print $3 }' "$1"; }
# best CMD...: runs CMD $rounds times under /usr/bin/time, prints the least CPU seconds.
best() {
  local best_cpu="" cpu
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$tmp/t" -f '%U %S %M' "$@" > /dev/null 2> "$tmp/err"
    cpu=$(cpu_of "$tmp/t")
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
      best_cpu=$cpu
    fi
  done
  echo "$best_cpu"
}

bytes=$(zcat "$pile" | wc -c)
read -r articles words < <(zcat "$pile" | python3 -c '
import json, sys
n = w = 0
for line in sys.stdin:
    if line.strip():
        d = json.loads(line)
        n += 1
        w += len((d.get("text") or d.get("html") or "").split())
print(n, w)')
echo "pile: $pile ($articles articles, $words words, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of JSON lines)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

floor_cpu=$(best taskset -c 0 zcat "$pile")
pipe_cpu=$(best taskset -c 0 env RAYON_NUM_THREADS=1 "$bin" extract "$pile")
pipe_rss=$(rss_of "$tmp/t")

awk -v bytes="$bytes" -v words="$words" -v f="$floor_cpu" -v p="$pipe_cpu" -v rounds="$rounds" 'BEGIN {
  printf "%-44s %9s %10s %14s %9s\n", "one core, best of " rounds, "CPU s", "MB/CPU-s", "words/CPU-s", "x floor"
  printf "%-44s %9.2f %10.1f %14.0f %9.2f\n", "read + decompress (zcat, floor)", f, bytes / 1e6 / f, words / f, 1
  printf "%-44s %9.2f %10.1f %14.0f %9.2f\n", "chronicle extract (every stage, JSON out)", p, bytes / 1e6 / p, words / p, p / f
}'
echo

echo "peak RSS of 'chronicle extract -' fed the pile N times on standard input (all cores):"
printf "%-8s %12s %12s %10s %12s\n" "N" "articles out" "peak RSS MB" "CPU s" "wall s"
for n in $scales; do
  start=$(date +%s.%N)
  out=$(for _ in $(seq "$n"); do zcat "$pile"; done \
    | /usr/bin/time -o "$tmp/m" -f '%U %S %M' "$bin" extract - 2> "$tmp/err" | wc -l)
  end=$(date +%s.%N)
  if [ "$out" -ne $((n * articles)) ]; then
    echo "pipeline.sh: ${n}x gave $out articles, expected $((n * articles))" >&2
    tail -3 "$tmp/err" >&2
    exit 1
  fi
  awk -v n="${n}x" -v out="$out" -v rss="$(rss_of "$tmp/m")" -v cpu="$(cpu_of "$tmp/m")" \
    -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    'BEGIN { printf "%-8s %12d %12.1f %10.1f %12.1f\n", n, out, rss / 1024, cpu, wall }'
done
echo "(one-core whole-file run above: peak RSS $(awk -v r="$pipe_rss" 'BEGIN { printf "%.1f", r / 1024 }') MB)"
