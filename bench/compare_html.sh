#!/usr/bin/env bash
# Chronicle's main text beside trafilatura's on the dev pages, same snippets, same scorer, same run.
#
#   bench/compare_html.sh [DIR]         (default: ../shared/data/html)
#
# Installs trafilatura from PyPI into a venv (TRAF_VENV, default /tmp/chronicle-traf-venv, kept
# between runs), builds the `eval_html` example of chronicle-eval (release) unless CHRONICLE_EVAL
# names a built one, and prints both reports: snippet recall, noise, precision/recall/F1 and speed.
# bench/html_trafilatura.py scores trafilatura exactly as crates/chronicle-eval/src/html.rs does.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-../shared/data/html}
venv=${TRAF_VENV:-/tmp/chronicle-traf-venv}
target=${CARGO_TARGET_DIR:-target}
eval_bin=${CHRONICLE_EVAL:-$target/release/examples/eval_html}

if [ ! -f "$dir/gold.json" ]; then
  echo "compare_html.sh: $dir/gold.json is absent; nothing to compare" >&2
  exit 0
fi
if [ -z "${CHRONICLE_EVAL:-}" ]; then
  echo "== building chronicle-eval's eval_html (release)" >&2
  cargo build --release --quiet -p chronicle-eval --example eval_html
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trafilatura' 2> /dev/null; then
  echo "== installing trafilatura into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura lxml_html_clean
fi

echo "== Chronicle"
"$eval_bin" "$dir"
echo
echo "== trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')"
"$venv/bin/python" bench/html_trafilatura.py "$dir"
