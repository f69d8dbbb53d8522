"""Database: a round trip through the store, the counts and the answers of the binary's
commands on the same database."""

import re

import pytest

import chronicle
from conftest import EXAMPLES, canonical, json_lines


@pytest.fixture()
def db_path(tmp_path, example_records):
    path = tmp_path / "ex.db"
    with chronicle.Database(path, writable=True) as db:
        db.ingest(example_records)
    return path


def _counts(summary):
    """The numbers of `chronicle ingest`'s closing line, by their words."""
    line = [l for l in summary.splitlines() if "chronicle: ingest:" in l][-1]
    n = lambda pattern: int(re.search(r"(\d+) " + pattern, line).group(1))
    return {
        "read": n(r"article\(s\) read"),
        "stored": n("stored"),
        "near_duplicate_copies": n("near-duplicate"),
        "undated": n("without a publication date"),
        "skipped": n("skipped as already stored"),
        "skipped_same_id": n("same id"),
        "skipped_same_url": n("same URL"),
        "skipped_same_text": n("same text"),
        "new_events": n(r"new event\(s\)"),
        "mentions": n(r"mention\(s\)"),
        "input_errors": n(r"input error\(s\)"),
        "warnings": n(r"warning\(s\)"),
    }


def test_ingest_returns_the_counts_the_binary_prints(cli, tmp_path, example_records):
    code, _, err = cli("ingest", EXAMPLES, "--db", tmp_path / "cli.db")
    assert code == 0, err
    with chronicle.Database(tmp_path / "py.db", writable=True) as db:
        first = db.ingest(example_records)
        assert first == _counts(err)
        assert first["stored"] == len(example_records) and first["new_events"] > 0
        again = db.ingest(example_records)
    assert again["read"] == len(example_records)
    assert again["stored"] == 0 and again["skipped_same_id"] == len(example_records)


def test_the_round_trip_answers_as_the_binary_does(cli, db_path):
    def rows(*args):
        code, out, err = cli(*args, "--db", db_path, "--format", "jsonl")
        assert code == 0, err
        return [canonical(r) for r in json_lines(out)]

    with chronicle.Database(db_path) as db:
        assert [canonical(r) for r in db.events(limit=100000)] == rows("events", "--limit", "100000")
        assert [canonical(r) for r in db.events(actor="prk", side="either", start="2019", end="2019-06")] == rows(
            "events", "--actor", "prk", "--side", "either", "--from", "2019", "--to", "2019-06"
        )
        assert [canonical(r) for r in db.quotes(speaker="trump")] == rows("quotes", "--speaker", "trump")
        assert [canonical(r) for r in db.search("Yongbyon")] == rows("search", "Yongbyon")
        timeline = db.timeline(by="month", actor="PRK")
        assert [canonical(r) for r in timeline] == rows("timeline", "--actor", "PRK", "--by", "month")
        assert isinstance(timeline.left_out, int)
        stats = db.stats()
    assert stats["articles"] == 6 and stats["events"] > 0
    assert stats == {r["what"]: r["value"] for r in json_lines(cli("stats", "--db", db_path, "--format", "jsonl")[1])}


def test_limits_and_filters(db_path):
    with chronicle.Database(db_path) as db:
        every = db.events()
        assert len(db.events(limit=3)) == 3 and db.events(limit=3) == every[:3]
        prk = db.events(actor="PRK")
        assert prk and all(e["source"].startswith("PRK") for e in prk)
        import datetime

        assert db.events(start=datetime.date(2019, 1, 1), end="2019") == db.events(start="2019", end="2019-12-31")
        with pytest.raises(ValueError, match="expected a date"):
            db.events(start="2019-13")
        with pytest.raises(ValueError, match="by="):
            db.timeline(by="day")


def test_read_only_unless_writable(db_path, example_records):
    db = chronicle.Database(db_path)
    assert not db.writable
    with pytest.raises(chronicle.DatabaseError, match="writable=True"):
        db.ingest(example_records)
    db.close()
    with pytest.raises(chronicle.DatabaseError, match="closed"):
        db.stats()


def test_an_ingest_stores_the_good_records_and_names_the_bad(tmp_path, example_records):
    records = example_records[:2] + [{"id": "bad"}] + example_records[2:3]
    with chronicle.Database(tmp_path / "x.db", writable=True) as db:
        with pytest.raises(chronicle.RecordError) as err:
            db.ingest(records)
        assert 'records[2] (id "bad"): no `text` or `html` field' in str(err.value)
        assert err.value.report["stored"] == 3 and err.value.report["input_errors"] == 1
        assert db.stats()["articles"] == 3
