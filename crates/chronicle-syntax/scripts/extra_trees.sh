#!/usr/bin/env bash
# The extra trees of `chronicle train syntax --extra-trees` (tri-training, Li, Zhang and Chen
# 2014; Søgaard and Rishøj 2010): the news pile parsed by the shipped model (left to right) and
# by a parser trained on EWT's sentences reversed (right to left), kept where the two agree on
# every word's tag, head and relation. Deterministic; a few CPU-minutes.
#
#   crates/chronicle-syntax/scripts/extra_trees.sh OUT_DIR [CHRONICLE]
#
# Run from the repository's root. CHRONICLE is the binary whose embedded model parses the pile
# (by default target/release's).
# Writes OUT_DIR/extra_trees.conllu, and the right-to-left model and the parses beside it.
set -euo pipefail
out=${1:?usage: extra_trees.sh OUT_DIR [CHRONICLE]}
chronicle=${2:-target/release/chronicle}
data=../shared/data
here=crates/chronicle-syntax/scripts
mkdir -p "$out"
"$chronicle" parse "$data/news/news-pile.jsonl.gz" > "$out/pile.conllu"
python3 "$here/extra_trees.py" candidates "$out/pile.conllu" "$out/candidates.conllu"
python3 "$here/extra_trees.py" reverse "$data/syntax/en_ewt-ud-train.conllu.gz" "$out/rtrain.conllu"
python3 "$here/extra_trees.py" reverse "$data/syntax/en_ewt-ud-dev.conllu" "$out/rdev.conllu"
python3 "$here/extra_trees.py" reverse "$out/candidates.conllu" "$out/rcandidates.conllu"
"$chronicle" train syntax --train "$out/rtrain.conllu" --dev "$out/rdev.conllu" \
    --clusters crates/chronicle-syntax/data/en_clusters.tsv --members 1 --seed 5 \
    --out "$out/right_to_left.chsyn"
cargo run --release -q -p chronicle-syntax --example parse_syntax -- \
    "$out/right_to_left.chsyn" "$out/rcandidates.conllu" > "$out/rparsed.conllu"
python3 "$here/extra_trees.py" reverse "$out/rparsed.conllu" "$out/parsed_right_to_left.conllu"
python3 "$here/extra_trees.py" agree "$out/candidates.conllu" "$out/parsed_right_to_left.conllu" \
    "$out/extra_trees.conllu"
