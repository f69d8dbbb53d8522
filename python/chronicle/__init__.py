"""Chronicle from Python: news articles in, event data out.

The same Rust code as the ``chronicle`` binary, loaded into the interpreter::

    import chronicle
    article = chronicle.extract("Kim Jong Un met Donald Trump in Hanoi on Wednesday.",
                                published="2019-02-27")
    article["events"]          # CAMEO/PLOVER events, each with its own date

    for article in chronicle.extract_many(records):   # dicts or strings; parallel, in order
        ...

    db = chronicle.Database("news.db", writable=True)
    db.ingest(records)         # the counts `chronicle ingest` prints
    db.events_frame(actor="PRK", target="USA")        # a pandas DataFrame

Every article is the JSON contract of ``chronicle extract`` (see the project's DESIGN.md) as
Python dicts and lists: ``json.dumps(article, sort_keys=True)`` equals the binary's line after
the same ``json.dumps``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _chronicle
from ._errors import (
    ChronicleError,
    DatabaseError,
    RecordError,
    RecordWarning,
    ResourceError,
)

__all__ = [
    "extract",
    "extract_many",
    "Pipeline",
    "Database",
    "Timeline",
    "ChronicleError",
    "RecordError",
    "ResourceError",
    "DatabaseError",
    "RecordWarning",
]

Pipeline = _chronicle.Pipeline
extract = _chronicle.extract
extract_many = _chronicle.extract_many

DateLike = Union[str, _dt.date, None]

# Column types of the store's answers, for DataFrames: what is not named here is text.
_INTEGER = {
    "event_id", "quad_class", "mentions", "sources", "articles", "start", "end",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "utterance",
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "events",
}
_FLOAT = {"goldstein"}
_DAY = {"published"}


def _day_arg(value: DateLike, name: str) -> Optional[str]:
    """A filter's day: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as text, or a date."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):  # datetime and pandas.Timestamp are dates too
        return value.isoformat()[:10]
    raise TypeError(f"{name}: expected a date or 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY', "
                    f"not {type(value).__name__}")


def _pandas(what: str):
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"Database.{what} returns a pandas DataFrame and needs pandas: "
            "pip install pandas (or pip install 'chronicle-events[pandas]'); "
            f"Database.{what.replace('_frame', '')}() gives the same rows as dicts"
        ) from e
    return pandas


def _frame(what: str, columns: List[str], rows: List[tuple]):
    """Rows as a DataFrame with typed columns: dates as datetime64, counts as nullable
    integers, Goldstein as float."""
    pd = _pandas(what)
    df = pd.DataFrame.from_records(rows, columns=columns)
    for name in columns:
        if name in _INTEGER:
            df[name] = df[name].astype("Int64")
        elif name in _FLOAT:
            df[name] = df[name].astype("float64")
        elif name in _DAY:
            df[name] = pd.to_datetime(df[name], format="%Y-%m-%d", errors="coerce")
    return df


def _first_days(pd, values: List[Optional[str]]):
    """Dates (``2019-02``, ``2019-W09``, ``2019``) as the first day they name, as the store
    dates them for range queries; NaT for those without a calendar year."""
    days = _chronicle.first_days(list(values))
    return pd.to_datetime(pd.Series(days, dtype="object"), errors="coerce")


class Timeline(list):
    """A timeline's rows (dicts), oldest period first, and ``left_out``: how many of the
    selected events are dated less precisely than the period (a month in a weekly timeline),
    so in no row."""

    left_out: int

    def __init__(self, rows: Iterable[Dict[str, Any]], left_out: int) -> None:
        super().__init__(rows)
        self.left_out = left_out


class Database:
    """A Chronicle database (the SQLite file of ``chronicle ingest``).

    Opened read-only unless ``writable=True``; a missing file is a ``DatabaseError`` when
    read-only, and is created when writable. Queries take the filters of the ``chronicle``
    commands: actor, target and CAMEO code prefixes in any case (``"prk"`` matches
    ``PRKGOV``, ``"12"`` matches 120 and 1211), ``start``/``end`` as a day, a month or a year
    (inclusive), ``side="either"`` to match the actor as source or target.
    Use it as a context manager, or call ``close()``.
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"], writable: bool = False) -> None:
        self._store = _chronicle.Store(path, writable)

    @property
    def path(self):
        """The database file."""
        return self._store.path

    @property
    def writable(self) -> bool:
        """Whether the database was opened for writing."""
        return self._store.writable

    def close(self) -> None:
        """Closes the connection; later calls raise ``DatabaseError``."""
        self._store.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "writable" if self.writable else "read-only"
        return f"chronicle.Database({str(self.path)!r}, {mode})"

    def ingest(
        self,
        records: Iterable[Union[Dict[str, Any], str]],
        *,
        pipeline: Optional[Pipeline] = None,
        threads: Optional[int] = None,
        date: DateLike = None,
        verbatim: bool = False,
        on_error: str = "raise",
    ) -> Dict[str, int]:
        """Extracts every record (dicts ``{id, url, source, title, published, text | html}``
        or strings) and stores it, as ``chronicle ingest`` does: parallel, one transaction per
        batch, skipping what is already stored (same id, URL or text) and linking wire copies.

        Returns the counts ``chronicle ingest`` prints: ``read``, ``stored``,
        ``near_duplicate_copies``, ``undated``, ``skipped`` (``skipped_same_id``,
        ``skipped_same_url``, ``skipped_same_text``), ``new_events``, ``mentions``,
        ``input_errors``, ``warnings``.

        A record that cannot be read never stops the ingest. With ``on_error="raise"`` (the
        default) a ``RecordError`` naming every bad record is raised once the others are
        stored, with these counts as its ``report``; ``"warn"`` warns (``RecordWarning``) and
        ``"skip"`` says nothing. ``date`` is the publication date of records without one
        (``--date``); ``verbatim`` keeps text exactly as the body (``--verbatim``).
        """
        return self._store.ingest(
            records, pipeline, threads, date, verbatim, on_error
        )

    # -- queries: lists of dicts -------------------------------------------------------------

    def _events(self, actor, target, code, start, end, limit, side):
        return self._store.events(
            actor, side, target, code, _day_arg(start, "start"), _day_arg(end, "end"), limit
        )

    def events(
        self,
        actor: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        start: DateLike = None,
        end: DateLike = None,
        limit: Optional[int] = None,
        *,
        side: str = "source",
    ) -> List[Dict[str, Any]]:
        """Events newest first (undated last), as ``chronicle events --format jsonl``:
        ``event_id, date`` (TIMEX value: ``2019-02-27``, ``2019-02``, ``2019``), ``source,
        target, code, quad_class, goldstein, mentions, sources, articles, place,
        first_source_url, code_name, source_country, target_country``."""
        columns, rows = self._events(actor, target, code, start, end, limit, side)
        return [dict(zip(columns, row)) for row in rows]

    def quotes(
        self,
        speaker: Optional[str] = None,
        actor: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """Quotations whose speaker's name contains ``speaker`` (any case) or whose speaker's
        actor code starts with ``actor``, in publication order, with character offsets into
        the article's body."""
        columns, rows = self._store.quotes(speaker, actor, limit)
        return [dict(zip(columns, row)) for row in rows]

    def search(self, q: str, limit: Optional[int] = None) -> List[Dict[str, Any]]:
        """Articles whose title or body match ``q`` (SQLite FTS5: ``"a phrase"``, ``AND``,
        ``OR``, ``NOT``, ``prefix*``), best first, with a snippet around the hit."""
        columns, rows = self._store.search(q, limit)
        return [dict(zip(columns, row)) for row in rows]

    def _timeline(self, by, actor, target, code, start, end, side):
        (columns, rows), left_out = self._store.timeline(
            by, actor, side, target, code, _day_arg(start, "start"), _day_arg(end, "end")
        )
        return columns, rows, left_out

    def timeline(
        self,
        by: str = "week",
        actor: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        start: DateLike = None,
        end: DateLike = None,
        *,
        side: str = "source",
    ) -> Timeline:
        """Event counts by ``week`` (ISO), ``month`` or ``year`` and quad class, as
        ``chronicle timeline``. An event counts only in periods its date pins down (one dated
        "in February 2019" is in 2019-02 and 2019, in no week); ``.left_out`` counts the
        others."""
        columns, rows, left_out = self._timeline(by, actor, target, code, start, end, side)
        return Timeline((dict(zip(columns, row)) for row in rows), left_out)

    def stats(self) -> Dict[str, Any]:
        """What the database holds: articles, originals, near-duplicate copies, sources, first
        and last publication dates, entities, quotes, events, event mentions, schema version,
        size in bytes."""
        _, rows = self._store.stats()
        return {what: value for what, value in rows}

    # -- the same as pandas DataFrames --------------------------------------------------------

    def events_frame(
        self,
        actor: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        start: DateLike = None,
        end: DateLike = None,
        limit: Optional[int] = None,
        *,
        side: str = "source",
    ):
        """``events()`` as a DataFrame: ``date`` is datetime64 (the first day of the period
        the event's date names; NaT when undated), ``date_value`` keeps the TIMEX value,
        ``goldstein`` is float, counts are nullable integers."""
        columns, rows = self._events(actor, target, code, start, end, limit, side)
        df = _frame("events_frame", columns, rows)
        pd = _pandas("events_frame")
        at = df.columns.get_loc("date")
        values = df["date"].tolist()
        df["date"] = _first_days(pd, values)
        df.insert(at + 1, "date_value", pd.Series(values, dtype="object"))
        return df

    def quotes_frame(
        self,
        speaker: Optional[str] = None,
        actor: Optional[str] = None,
        limit: Optional[int] = None,
    ):
        """``quotes()`` as a DataFrame: ``published`` as datetime64, offsets as integers."""
        columns, rows = self._store.quotes(speaker, actor, limit)
        return _frame("quotes_frame", columns, rows)

    def search_frame(self, q: str, limit: Optional[int] = None):
        """``search()`` as a DataFrame: ``published`` as datetime64."""
        columns, rows = self._store.search(q, limit)
        return _frame("search_frame", columns, rows)

    def timeline_frame(
        self,
        by: str = "week",
        actor: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        start: DateLike = None,
        end: DateLike = None,
        *,
        side: str = "source",
    ):
        """``timeline()`` as a DataFrame: ``period`` is the period's first day (datetime64),
        ``label`` its name (``2019-W09``, ``2019-02``, ``2019``), counts are integers;
        ``.attrs["left_out"]`` counts the events in no row."""
        columns, rows, left_out = self._timeline(by, actor, target, code, start, end, side)
        df = _frame("timeline_frame", columns, rows)
        pd = _pandas("timeline_frame")
        labels = df[columns[0]].tolist()
        df = df.drop(columns=[columns[0]])
        df.insert(0, "label", pd.Series(labels, dtype="object"))
        df.insert(0, "period", _first_days(pd, labels))
        df.attrs["left_out"] = left_out
        return df
