# The README's "From Python" session, as one script (run from the repository's root, with the
# package installed: pip install ./python pandas matplotlib). It writes docs/prk_usa_by_month.png.
import gzip, itertools, json
import chronicle

# One article.
text = open("../shared/articles/000_6ecb41acef5f7571.txt").read()
article = chronicle.extract(text, published="2020-07-06")
print(article["title"])
for e in article["events"]:
    print(e["date"], e["source"], e["cameo"], e["target"], e["trigger"])

# The pile, streamed from its gzip file into a database.
def pile(path="../shared/data/news/news-pile.jsonl.gz"):
    with gzip.open(path, "rt") as f:
        for line in f:
            yield json.loads(line)

with chronicle.Database("pile.db", writable=True) as db:
    print(db.ingest(pile()))

# North Korea's events towards the United States, by month.
db = chronicle.Database("pile.db")
months = db.timeline_frame(by="month", actor="PRK", target="USA")
print(months[["period", "events", "verbal_conflict", "material_conflict"]].tail(8).to_string(index=False))
events = db.events_frame(actor="PRK", target="USA")
print(events.dtypes[["date", "goldstein", "mentions"]].to_dict())

import matplotlib
matplotlib.use("Agg")
ax = months.set_index("period")[["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]] \
    .plot(kind="bar", stacked=True, figsize=(10, 4), width=0.9,
          title="North Korea → United States: events by month (news pile)")
ax.set_xticklabels([p.strftime("%Y-%m") for p in months["period"]], rotation=90, fontsize=7)
ax.set_xlabel(""); ax.set_ylabel("events")
ax.figure.tight_layout()
ax.figure.savefig("docs/prk_usa_by_month.png", dpi=110)
