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

# North Korea and the United States, either way, by month.
import pandas as pd
db = chronicle.Database("pile.db")
ways = [db.timeline_frame(by="month", actor="PRK", target="USA"),
        db.timeline_frame(by="month", actor="USA", target="PRK")]
months = pd.concat(ways).groupby("period").sum(numeric_only=True)
print(months.to_string())
events = db.events_frame(actor="PRK", target="USA")
print(events[["date", "date_value", "code_name", "goldstein", "place"]].head(3).to_string(index=False))
print(events.dtypes[["date", "goldstein", "mentions"]].to_dict())

import matplotlib
matplotlib.use("Agg")
quads = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
ax = months[quads].set_axis([p.strftime("%Y-%m") for p in months.index]).plot(
    kind="bar", stacked=True, figsize=(8, 3.5), rot=0,
    title="North Korea and the United States, either way: events by month (news pile)")
ax.set_ylabel("events")
ax.figure.tight_layout()
ax.figure.savefig("docs/prk_usa_by_month.png", dpi=100)
