#!/usr/bin/env bash
# Regenerates the README's figures about the store and its exports, so that none is typed by hand.
#
#   bench/readme_figures.sh [BIN]           rewrite the blocks in README.md
#   bench/readme_figures.sh --check [BIN]   exit 1 if README.md differs from what BIN gives
#
# BIN defaults to this checkout's release build, built first (honouring CARGO_TARGET_DIR).
# Two blocks of README.md are written, each between its marker comments:
#   figures:examples  the real output of ingest, timeline and search on examples/articles
#                     (the ingest line without its timing);
#   figures:pile      the news pile's database (PILE, default ../shared/data/news/news-pile.jsonl.gz):
#                     articles, undated articles, events and mentions as ingest reports them;
#                     the shares of GDELT rows whose geography and country columns are filled;
#                     event dates beyond publication + 30 years or before the year 1000; events
#                     without a date merged across articles. Skipped, with a note, without the pile.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=write
if [ "${1:-}" = "--check" ]; then mode=check; shift; fi
pile=${PILE:-../shared/data/news/news-pile.jsonl.gz}
target=${CARGO_TARGET_DIR:-target}
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet -p chronicle
  bin=$target/release/chronicle
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
untimed='s/ in [0-9.]* s ([0-9]* articles\/s) into / into /'

# figures:examples
(
  cd "$tmp"
  ex=$OLDPWD/examples/articles
  echo '```'
  echo '$ chronicle ingest examples/articles --db ex.db'
  "$bin" ingest "$ex" --db ex.db 2>&1 | tail -n 1 | sed "$untimed"
  echo '$ chronicle timeline --db ex.db --actor PRK'
  "$bin" timeline --db ex.db --actor PRK 2>&1
  echo '$ chronicle timeline --db ex.db --actor PRK --by year'
  "$bin" timeline --db ex.db --actor PRK --by year 2>&1
  echo '$ chronicle search --db ex.db "Yongbyon"'
  "$bin" search --db ex.db "Yongbyon" 2>&1
  echo '```'
) >"$tmp/examples.md"

# figures:pile
if [ -f "$pile" ]; then
  "$bin" ingest "$pile" --db "$tmp/pile.db" 2>&1 | tail -n 1 | sed "$untimed" >"$tmp/ingest.txt"
  "$bin" export --db "$tmp/pile.db" --format gdelt-events --header --extras 2>/dev/null >"$tmp/events.tsv"
  python3 - "$tmp/ingest.txt" "$tmp/events.tsv" "$tmp/pile.db" >"$tmp/pile.md" <<'EOF'
import csv, re, sqlite3, sys
ingest, events, db = sys.argv[1:4]
line = open(ingest).read().strip()
num = lambda pat: int(re.search(pat, line).group(1))
stored, undated = num(r"(\d+) stored"), num(r"(\d+) without a publication date")
n_events, n_mentions = num(r"(\d+) new event"), num(r"(\d+) mention")
csv.field_size_limit(1 << 30)
rows = list(csv.reader(open(events, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
head, rows = rows[0], rows[1:]
col = {h: i for i, h in enumerate(head)}
def share(column, within):
    kept = [r for r in rows if r[col[within]]] if within else rows
    filled = sum(1 for r in kept if r[col[column]])
    return f"{100 * filled / max(len(kept), 1):.1f}% of {len(kept):,}"
conn = sqlite3.connect(db)
q = lambda sql: conn.execute(sql).fetchone()[0]
ahead = q("""SELECT count(*) FROM mentions m JOIN events e USING (event_id) JOIN articles a ON a.aid = m.aid
             WHERE e.day_num IS NOT NULL AND a.published IS NOT NULL
               AND e.day_num / 10000 > CAST(substr(a.published, 1, 4) AS INTEGER) + 30""")
ancient = q("SELECT count(*) FROM events WHERE day_num IS NOT NULL AND day_num / 10000 < 1000")
spanning = q("""SELECT count(*) FROM events e WHERE e.day_num IS NULL
                AND (SELECT count(*) FROM event_stories s WHERE s.event_id = e.event_id) > 1""")
print(f"""The news pile's database (`chronicle ingest ../shared/data/news/news-pile.jsonl.gz`) holds
{stored:,} articles ({undated:,} without a publication date), {n_events:,} events and
{n_mentions:,} mentions. In its `export --format gdelt-events` rows:

| column | filled |
|---|---|
| ActionGeo_CountryCode, where the event's place is known (ActionGeo_FullName) | {share("ActionGeo_CountryCode", "ActionGeo_FullName")} |
| ActionGeo_Type, where the place is known | {share("ActionGeo_Type", "ActionGeo_FullName")} |
| ActionGeo_FullName, every row | {share("ActionGeo_FullName", None)} |
| Actor1Geo_CountryCode, where Actor1 is placed (Actor1Geo_FullName) | {share("Actor1Geo_CountryCode", "Actor1Geo_FullName")} |
| Actor2Geo_CountryCode, where Actor2 is placed (Actor2Geo_FullName) | {share("Actor2Geo_CountryCode", "Actor2Geo_FullName")} |
| Actor1CountryCode, where Actor1 is coded | {share("Actor1CountryCode", "Actor1Code")} |
| Actor2CountryCode, where Actor2 is coded | {share("Actor2CountryCode", "Actor2Code")} |

Event dates more than 30 years after their article's publication: {ahead}; before the year 1000:
{ancient}. Events without a date merged across articles: {spanning}.""")
EOF
else
  echo "(The news pile is absent here: bench/readme_figures.sh writes its figures where it is.)" >"$tmp/pile.md"
fi

python3 - README.md "$tmp" "$mode" <<'EOF'
import sys
path, tmp, mode = sys.argv[1:4]
text = open(path).read()
new = text
for name in ("examples", "pile"):
    begin, end = f"<!-- figures:{name} -->", f"<!-- /figures:{name} -->"
    a, b = new.index(begin) + len(begin), new.index(end)
    new = new[:a] + "\n" + open(f"{tmp}/{name}.md").read().rstrip("\n") + "\n" + new[b:]
if mode == "check":
    if new != text:
        sys.exit("readme_figures.sh: README.md's figures differ from this build's; run bench/readme_figures.sh")
    print("readme_figures.sh: README.md's figures are this build's")
elif new != text:
    open(path, "w").write(new)
    print("readme_figures.sh: README.md rewritten")
EOF
