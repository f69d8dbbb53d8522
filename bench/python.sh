#!/usr/bin/env bash
# chronicle.extract_many (the Python package) against `chronicle extract` on the same pile, both
# with every core busy (rayon's default: one worker per core), best of ROUNDS, run alternately.
#
#   bench/python.sh [PILE.jsonl.gz [LIMIT]]   (default: ../shared/data/news/news-pile.jsonl.gz, all)
#
# Prints articles per second (wall clock) for each and the ratio; the issue's target is >= 90%.
# The Python side parses the pile's lines itself (gzip + json in Python, as a notebook would) and
# receives every article as dicts. Builds the release binary and installs ./python (release) into
# a venv under the target dir unless CHRONICLE_BIN / CHRONICLE_PYTHON name ones already built.
#
# Knobs: ROUNDS (default 3), CARGO_TARGET_DIR, CHRONICLE_BIN, CHRONICLE_PYTHON (a python with
# chronicle installed).
set -euo pipefail
cd "$(dirname "$0")/.."

pile=${1:-../shared/data/news/news-pile.jsonl.gz}
limit=${2:-}
rounds=${ROUNDS:-3}
target=${CARGO_TARGET_DIR:-target}
bin=${CHRONICLE_BIN:-$target/release/chronicle}
py=${CHRONICLE_PYTHON:-$target/bench-venv/bin/python}

if [ ! -f "$pile" ]; then
  echo "python.sh: $pile is absent; nothing to measure" >&2
  exit 0
fi
if [ -z "${CHRONICLE_BIN:-}" ]; then
  echo "== building the binary (release)" >&2
  cargo build --release --quiet -p chronicle
fi
if [ -z "${CHRONICLE_PYTHON:-}" ]; then
  echo "== installing ./python (release) into $target/bench-venv" >&2
  [ -x "$py" ] || python3 -m venv "$target/bench-venv"
  "$py" -m pip install --quiet --disable-pip-version-check ./python
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
input="$pile"
if [ -n "$limit" ]; then
  input="$tmp/slice.jsonl.gz"
  zcat "$pile" | head -n "$limit" | gzip -1 > "$input"
fi

best_cli=0
best_py=0
n_cli=0
for round in $(seq "$rounds"); do
  start=$(date +%s.%N)
  "$bin" extract "$input" > /dev/null 2> "$tmp/err"
  end=$(date +%s.%N)
  n_cli=$(grep -o '[0-9]* article(s)' "$tmp/err" | tail -1 | cut -d' ' -f1)
  rate=$(echo "$n_cli / ($end - $start)" | bc -l)
  read -r _ n_py _ rate_py < <("$py" python/bench/extract_many.py "$input")
  printf 'round %d: cli %d articles %.0f/s, python %d articles %.0f/s\n' "$round" "$n_cli" "$rate" "$n_py" "$rate_py"
  best_cli=$(echo "if ($rate > $best_cli) $rate else $best_cli" | bc -l)
  best_py=$(echo "if ($rate_py > $best_py) $rate_py else $best_py" | bc -l)
done
printf 'best of %d: chronicle extract %.0f articles/s, chronicle.extract_many %.0f articles/s: %.1f%% (target >= 90%%)\n' \
  "$rounds" "$best_cli" "$best_py" "$(echo "100 * $best_py / $best_cli" | bc -l)"
