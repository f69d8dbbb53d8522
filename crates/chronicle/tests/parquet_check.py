"""Reads Chronicle's Parquet exports back with pyarrow (and DuckDB when installed) and checks
their column types and row counts.

usage: parquet_check.py EVENTS.parquet N_EVENTS ARTICLES.parquet N_ARTICLES
Run by crates/chronicle/tests/store_cli.rs; needs `pip install pyarrow duckdb`.
"""

import sys

import pyarrow as pa
import pyarrow.parquet as pq

EVENTS = {
    "event_id": pa.int64(), "day": pa.string(), "date": pa.date32(), "date_precision": pa.string(),
    "source": pa.string(),
    "target": pa.string(), "code": pa.string(), "plover": pa.string(), "goldstein": pa.float64(),
    "quad_class": pa.int64(), "num_mentions": pa.int64(), "num_sources": pa.int64(),
    "num_articles": pa.int64(), "place": pa.string(), "iso_week": pa.string(),
    "source_url": pa.string(), "date_added": pa.string(), "code_name": pa.string(),
    "source_country": pa.string(), "target_country": pa.string(),
}
ARTICLES = {
    "article_rowid": pa.int64(), "id": pa.string(), "url": pa.string(), "source": pa.string(),
    "published": pa.date32(), "title": pa.string(), "body": pa.string(), "copy_of": pa.int64(),
    "tone": pa.float64(), "ingested_at": pa.string(), "entities": pa.int64(),
    "quotes": pa.int64(), "event_mentions": pa.int64(),
}


def check(path, rows, types):
    table = pq.read_table(path)
    got = {f.name: f.type for f in table.schema}
    assert got == types, f"{path}: schema {got}"
    assert table.num_rows == rows, f"{path}: {table.num_rows} rows, expected {rows}"
    for name in types:
        table.column(name).to_pylist()  # every value decodes
    return table


def main():
    events, n_events, articles, n_articles = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    ev = check(events, n_events, EVENTS)
    check(articles, n_articles, ARTICLES)
    assert sum(ev.column("num_mentions").to_pylist()) == 3 * n_articles, "mentions"
    assert all(d is not None for d in ev.column("date").to_pylist()), "event dates"
    try:
        import duckdb
    except ImportError:
        print("note: duckdb not installed; pyarrow checks only")
        return
    con = duckdb.connect()
    [(n,)] = con.execute(f"SELECT count(*) FROM '{events}'").fetchall()
    assert n == n_events, f"duckdb counts {n} events"
    [(n, t)] = con.execute(f"SELECT count(*), typeof(min(published)) FROM '{articles}'").fetchall()
    assert (n, t) == (n_articles, "DATE"), f"duckdb: {n} articles, published is {t}"
    print("parquet ok: pyarrow and duckdb agree")


if __name__ == "__main__":
    main()
