#!/usr/bin/env bash
# Counts the name and place collisions of issue #26 on the news pile, and lists the most frequent
# places and actor-coded people, so that a namesake's office or a surname read as a town shows at
# a glance.
#
#   bench/names_places.sh [BIN]           run BIN (default: this checkout's release build) on the pile
#   bench/names_places.sh --json FILE     read `chronicle extract` output already written
#
# PILE defaults to ../shared/data/news/news-pile.jsonl.gz; TOP (default 50) is the length of the lists.
#
# What it counts (each a mistake a reader sees at once):
#   - namesakes: people coded with an office their namesake holds ("Michael Howard" AUSGOV from
#     John Howard), i.e. an actor-coded person whose full name (the referent's canonical name,
#     two words or more) is no name or alias of `dictionaries/actors/leaders.txt` while its surname
#     is one: a leader's code reached through the surname alone;
#   - words as places: places whose text lies inside a person's or organisation's name ("Cruz"
#     of Ted Cruz, "Wall" of Wall Street), abbreviations of months and titles ("Nov.", "Gen."),
#     and the named cases of the issue;
#   - which Georgia: "Georgia" resolved to the US state in an article that names Tbilisi or
#     Saakashvili and nothing of the state (Atlanta, ...), and to the country in one that names
#     the state's places and nothing of the country. The cue words live here, in the measuring
#     script, not in Chronicle.
set -euo pipefail
cd "$(dirname "$0")/.."

pile=${PILE:-../shared/data/news/news-pile.jsonl.gz}
top=${TOP:-50}
target=${CARGO_TARGET_DIR:-target}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${1:-}" = "--json" ]; then
  out=${2:?"--json needs a FILE"}
else
  if [ ! -f "$pile" ]; then
    echo "names_places.sh: $pile is absent; nothing to count" >&2
    exit 0
  fi
  bin=${1:-$target/release/chronicle}
  if [ -z "${1:-}" ]; then
    echo "== building the release binary of this checkout" >&2
    cargo build --release --quiet -p chronicle
  fi
  out=$tmp/pile.jsonl
  "$bin" extract "$pile" >"$out"
fi

python3 - "$out" dictionaries/actors/leaders.txt "$top" <<'EOF'
import collections, json, re, sys

out, leaders_file, top = sys.argv[1], sys.argv[2], int(sys.argv[3])

# Every name and alias of the leaders file, and the surnames (one-word aliases) it lists.
full_names, surnames = set(), set()
for line in open(leaders_file, encoding="utf-8"):
    line = line.split(" #")[0].strip()
    if not line or line.startswith("#"):
        continue
    fields = [f.strip() for f in line.split(" | ")]
    full_names.add(fields[0])
    for f in fields[1:]:
        if f.startswith("alias="):
            for a in f[len("alias="):].split("; "):
                (surnames if len(a.split()) == 1 else full_names).add(a.strip())

ABBREV = re.compile(r"^(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|Co|Corp|Inc)\.$")
GEO_STATE = re.compile(r"\b(Atlanta|Savannah|Macon|Peach State|Fulton County|Kemp|Deal)\b")
GEO_COUNTRY = re.compile(r"\b(Tbilisi|Saakashvili|Abkhazia|Ossetia|Shevardnadze|Caucasus)\b")

namesake = collections.Counter()
named_cases = collections.Counter()
inside_name = collections.Counter()
abbrev = collections.Counter()
georgia = collections.Counter()
georgia_wrong = collections.Counter()
places = collections.Counter()
people = collections.Counter()
articles = 0

for line in open(out, encoding="utf-8"):
    a = json.loads(line)
    articles += 1
    ents = a.get("entities") or []
    body = a.get("body") or ""
    for e in ents:
        actor = e.get("actor")
        if e["type"] != "PERSON" or not actor:
            continue
        canon = e.get("canonical") or e["text"]
        people[(canon, actor)] += 1
        words = canon.split()
        if len(words) >= 2 and canon not in full_names and words[-1] in surnames:
            namesake[(canon, actor)] += 1
        if canon in ("Michael Howard", "Tim Howard", "Clint Howard") and actor.startswith("AUS"):
            named_cases[f'"{canon}" coded {actor[:3]}*'] += 1
        if canon.endswith(" Hill") and canon != "Robert Hill" and actor.startswith("AUS"):
            named_cases['"... Hill" (not Robert Hill) coded AUS*'] += 1
    spans = [(e["start"], e["end"], e["type"]) for e in ents if e["type"] in ("PERSON", "ORG")]
    for p in a.get("places") or []:
        places[(p["name"], p.get("country"), p.get("kind"))] += 1
        text = p["text"]
        if text in ("Cruz", "Nov.", "Wall"):
            named_cases[f'"{text}" as a place'] += 1
        if any(s <= p["start"] and p["end"] <= e and (s, e) != (p["start"], p["end"]) for s, e, _ in spans):
            inside_name[text] += 1
        if ABBREV.match(text):
            abbrev[text] += 1
        if text == "Georgia":
            cc = p.get("country")
            georgia[cc] += 1
            state, country = bool(GEO_STATE.search(body)), bool(GEO_COUNTRY.search(body))
            if cc == "US" and country and not state:
                georgia_wrong["state where the article is about the country"] += 1
            if cc == "GE" and state and not country:
                georgia_wrong["country where the article is about the state"] += 1

print(f"articles: {articles}")
print("\n== collisions named in issue #26")
for k in ['"Michael Howard" coded AUS*', '"Tim Howard" coded AUS*', '"Clint Howard" coded AUS*',
          '"... Hill" (not Robert Hill) coded AUS*', '"Cruz" as a place', '"Nov." as a place',
          '"Wall" as a place']:
    print(f"{named_cases[k]:7d}  {k}")
print(f"{georgia['US']:7d}  \"Georgia\" as the US state")
print(f"{georgia['GE']:7d}  \"Georgia\" as the country")
for k in ["state where the article is about the country", "country where the article is about the state"]:
    print(f"{georgia_wrong[k]:7d}  \"Georgia\" as the {k}")

print(f"\n== namesakes: actor-coded people whose full name is no leader's but whose surname is ({sum(namesake.values())} mentions)")
for (canon, actor), n in namesake.most_common(15):
    print(f"{n:7d}  {canon}  {actor}")
print(f"\n== places inside a person's or organisation's name ({sum(inside_name.values())} mentions)")
for text, n in inside_name.most_common(15):
    print(f"{n:7d}  {text}")
print(f"\n== abbreviations as places ({sum(abbrev.values())} mentions)")
for text, n in abbrev.most_common(10):
    print(f"{n:7d}  {text}")
print(f"\n== top {top} places")
for (name, cc, kind), n in places.most_common(top):
    print(f"{n:7d}  {name} ({cc}, {kind})")
print(f"\n== top {top} actor-coded people")
for (canon, actor), n in people.most_common(top):
    print(f"{n:7d}  {canon}  {actor}")
EOF
