#!/usr/bin/env bash
# Checks that a change left Chronicle's output byte for byte the same on the news pile.
#
#   bench/same_output.sh OLD_BIN [NEW_BIN]    compare two built binaries' output
#   bench/same_output.sh --digest FILE [NEW_BIN]
#                                             compare against a digest recorded earlier
#   bench/same_output.sh --record FILE [BIN]  record BIN's digests in FILE (before a change)
#
# NEW_BIN (or BIN) defaults to this checkout's release build, built first (`cargo build
# --release`, honouring CARGO_TARGET_DIR). OLD_BIN is typically main's release binary
# (`/work/main/target/release/chronicle`) or a copy of it kept before the change.
#
# Every run compares, on the pile (PILE, default ../shared/data/news/news-pile.jsonl.gz):
#   - `extract` of the whole pile (standard output, every layer of every article);
#   - `extract --verbatim` of the whole pile (the evaluation harnesses' mode);
#   - `extract -` with the pile on standard input (ids by URL or digest, the Spark path);
#   - `ingest` of the pile into a new database, then again (every article skipped): the closing
#     summary lines without their timing, and `export --format jsonl` of the database;
#   - the closing summary line on standard error (article, error and warning counts).
# and prints the SHA-256 of each beside the reference. It exits 1 on the first difference,
# naming the first differing line of the output when both binaries are at hand.
set -euo pipefail
cd "$(dirname "$0")/.."

pile=${PILE:-../shared/data/news/news-pile.jsonl.gz}
target=${CARGO_TARGET_DIR:-target}

if [ ! -f "$pile" ]; then
  echo "same_output.sh: $pile is absent; nothing to compare" >&2
  exit 0
fi

mode=compare
reference=
case "${1:-}" in
  --digest) mode=digest; reference=${2:?"--digest needs a FILE"}; shift 2 ;;
  --record) mode=record; reference=${2:?"--record needs a FILE"}; shift 2 ;;
  "" | -h | --help) sed -n '2,20p' "$0" >&2; exit 2 ;;
  *) reference=$1; shift ;;
esac
# "--record FILE" writes FILE: refuse an executable there, which is a binary given in FILE's place
if [ "$mode" = record ] && [ -x "$reference" ] && [ ! -d "$reference" ]; then
  echo "same_output.sh: $reference is an executable; --record takes the digest FILE first, then BIN" >&2
  exit 2
fi
new=${1:-}
if [ -z "$new" ]; then
  echo "== building the release binary of this checkout" >&2
  cargo build --release --quiet -p chronicle
  new=$target/release/chronicle
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# runs BIN (the first argument) on every case; writes NAME.out and NAME.err under the folder given
run_cases() {
  local bin=$1 dir=$2
  mkdir -p "$dir"
  "$bin" extract "$pile" >"$dir/extract.out" 2>"$dir/extract.err" || true
  "$bin" extract --verbatim "$pile" >"$dir/verbatim.out" 2>"$dir/verbatim.err" || true
  zcat "$pile" | "$bin" extract - >"$dir/stdin.out" 2>"$dir/stdin.err" || true
  local untimed='s/ in [0-9.]* s ([0-9]* articles\/s) into .*//'
  "$bin" ingest "$pile" --db "$dir/pile.db" 2>&1 | tail -n 1 | sed "$untimed" >"$dir/ingest.err" || true
  "$bin" ingest "$pile" --db "$dir/pile.db" 2>&1 | tail -n 1 | sed "$untimed" >>"$dir/ingest.err" || true
  "$bin" export --db "$dir/pile.db" --format jsonl >"$dir/ingest.out" 2>/dev/null || true
  rm -f "$dir"/pile.db*
}

# one line per case: NAME SHA256(stdout) SHA256(last line of stderr)
digests() {
  local dir=$1 case
  for case in extract verbatim stdin ingest; do
    printf '%s %s %s\n' "$case" \
      "$(sha256sum <"$dir/$case.out" | cut -d' ' -f1)" \
      "$(tail -n 2 "$dir/$case.err" | sha256sum | cut -d' ' -f1)"
  done
}

echo "== running $new" >&2
run_cases "$new" "$tmp/new"
digests "$tmp/new" >"$tmp/new.sha"

case $mode in
  record)
    cp "$tmp/new.sha" "$reference"
    echo "recorded in $reference:" >&2
    cat "$reference"
    exit 0
    ;;
  digest)
    cp "$reference" "$tmp/old.sha"
    ;;
  compare)
    echo "== running $reference" >&2
    run_cases "$reference" "$tmp/old"
    digests "$tmp/old" >"$tmp/old.sha"
    ;;
esac

status=0
while read -r case out err; do
  read -r _ old_out old_err < <(grep "^$case " "$tmp/old.sha")
  lines=$(wc -l <"$tmp/new/$case.out")
  if [ "$out" = "$old_out" ] && [ "$err" = "$old_err" ]; then
    echo "same      $case: $lines line(s), sha256 $out"
  else
    status=1
    echo "DIFFERENT $case: stdout $out (was $old_out), summary $err (was $old_err)"
    if [ -f "$tmp/old/$case.out" ]; then
      cmp "$tmp/old/$case.out" "$tmp/new/$case.out" | head -n 1 || true
      diff <(tail -n 2 "$tmp/old/$case.err") <(tail -n 2 "$tmp/new/$case.err") || true
    fi
  fi
done <"$tmp/new.sha"
exit $status
