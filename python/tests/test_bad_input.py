"""Bad input: a Python exception with the reason, naming the record; the other records still
come out; nothing panics across the boundary."""

import warnings

import pytest

import chronicle

GOOD = "North Korea fired a missile into the sea on Monday. Japan protested."


def test_extract_without_an_article_or_with_a_bad_date_says_why():
    with pytest.raises(TypeError, match="text=... or html="):
        chronicle.extract()
    with pytest.raises(ValueError, match=r'published: "2020-13-45" is not a date'):
        chronicle.extract(GOOD, published="2020-13-45")
    with pytest.raises(ValueError, match="expected a date"):
        chronicle.extract(GOOD, published=20200706)
    with pytest.raises(ValueError, match="empty"):
        chronicle.extract("   \n ")


def test_dates_may_be_datetime_objects():
    import datetime

    a = chronicle.extract(GOOD, published=datetime.date(2020, 7, 6))
    b = chronicle.extract(GOOD, published=datetime.datetime(2020, 7, 6, 12, 30))
    assert a["published"] == b["published"] == "2020-07-06"


RECORDS = [
    {"id": "a", "text": GOOD},
    {"id": "b", "title": 3, "text": GOOD},
    {"id": "c", "text": GOOD},
    ["not", "a", "record"],
    {"id": "e", "published": "last Tuesday", "text": GOOD},
    {"id": "f"},
    {"id": "g", "text": GOOD},
]


def test_a_bad_record_raises_at_its_place_naming_it():
    got = []
    with pytest.raises(chronicle.RecordError) as err:
        for article in chronicle.extract_many(RECORDS):
            got.append(article["id"])
    assert got == ["a"], "the records before the bad one come out first"
    assert str(err.value) == 'records[1] (id "b"): `title` must be a string, not int'
    assert err.value.index == 1
    assert isinstance(err.value, ValueError)


def test_warn_and_skip_go_on_with_the_other_records():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ids = [a["id"] for a in chronicle.extract_many(RECORDS, on_error="warn")]
    assert ids == ["a", "c", "g"]
    messages = [str(w.message) for w in caught if w.category is chronicle.RecordWarning]
    assert messages == [
        'records[1] (id "b"): `title` must be a string, not int',
        "records[3]: expected a dict {id, url, title, published, text | html} or a string, not list",
        'records[4] (id "e"): `published`: "last Tuesday" is not a date (expected YYYY-MM-DD or YYYYMMDD)',
        'records[5] (id "f"): no `text` or `html` field',
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [a["id"] for a in chronicle.extract_many(RECORDS, on_error="skip")] == ["a", "c", "g"]


def test_missing_values_from_pandas_are_absent_fields():
    nan = float("nan")
    [a] = chronicle.extract_many([{"id": "a", "text": GOOD, "published": nan, "url": None}])
    assert a["published"] is None and a["url"] is None


def test_an_iterable_that_raises_ends_the_stream_with_its_error():
    def records():
        yield {"id": "a", "text": GOOD}
        raise OSError("the feed went away")

    it = chronicle.extract_many(records())
    assert next(it)["id"] == "a"
    with pytest.raises(chronicle.RecordError, match=r"records\[1\]: the iterable raised OSError: the feed went away"):
        next(it)


def test_bad_arguments_are_value_errors():
    with pytest.raises(ValueError, match="threads must be at least 1"):
        chronicle.extract_many([GOOD], threads=0)
    with pytest.raises(ValueError, match="on_error"):
        chronicle.extract_many([GOOD], on_error="ignore")
    with pytest.raises(TypeError):
        chronicle.extract_many(42)


def test_a_missing_or_foreign_database_is_a_database_error(tmp_path):
    with pytest.raises(chronicle.DatabaseError, match="no such database"):
        chronicle.Database(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists(), "reading never creates a database"
    foreign = tmp_path / "foreign.db"
    import sqlite3

    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(chronicle.DatabaseError, match="not a Chronicle database"):
        chronicle.Database(foreign, writable=True)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(chronicle.DatabaseError):
        chronicle.Database(garbage)
