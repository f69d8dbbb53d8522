"""DataFrames with typed columns, and a clear ImportError without pandas."""

import sys

import pytest

import chronicle

pd = pytest.importorskip("pandas")


@pytest.fixture()
def db(tmp_path, example_records):
    with chronicle.Database(tmp_path / "ex.db", writable=True) as db:
        db.ingest(example_records)
        yield db


def test_events_frame_has_dates_as_datetime64_and_goldstein_as_float(db):
    df = db.events_frame()
    assert len(df) == len(db.events())
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert df["goldstein"].dtype == "float64"
    assert pd.api.types.is_integer_dtype(df["quad_class"])
    assert pd.api.types.is_integer_dtype(df["mentions"])
    # A partial date stands for its period's first day; the value itself is kept.
    for value, day in zip(df["date_value"], df["date"]):
        if isinstance(value, str) and len(value) == 7 and value[4] == "-":
            assert day == pd.Timestamp(value + "-01")
        if isinstance(value, str) and len(value) == 10:
            assert day == pd.Timestamp(value)


def test_timeline_frame_by_month_for_a_dyad(db):
    df = db.timeline_frame(by="month", actor="PRK")
    assert list(df.columns[:2]) == ["period", "label"]
    assert pd.api.types.is_datetime64_any_dtype(df["period"])
    assert [p.strftime("%Y-%m") for p in df["period"]] == list(df["label"])
    assert df["events"].sum() == sum(r["events"] for r in db.timeline(by="month", actor="PRK"))
    assert df.attrs["left_out"] == db.timeline(by="month", actor="PRK").left_out
    weeks = db.timeline_frame(actor="PRK")
    assert all(p.weekday() == 0 for p in weeks["period"]), "an ISO week starts on Monday"


def test_quotes_and_search_frames_have_publication_dates(db):
    quotes = db.quotes_frame()
    assert len(quotes) == len(db.quotes())
    assert pd.api.types.is_datetime64_any_dtype(quotes["published"])
    assert pd.api.types.is_integer_dtype(quotes["start"])
    found = db.search_frame("Yongbyon")
    assert pd.api.types.is_datetime64_any_dtype(found["published"])


def test_without_pandas_the_frames_say_how_to_get_it(db, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        db.events_frame()
    assert db.events(), "the list form needs no pandas"
