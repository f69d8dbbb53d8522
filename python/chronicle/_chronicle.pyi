"""The native half of ``chronicle`` (Rust, PyO3). Use it through ``chronicle``."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, Union

DateLike = Union[str, datetime.date]
Record = Union[Dict[str, Any], str]
OnError = Literal["raise", "warn", "skip"]
Article = Dict[str, Any]

class Extraction(Iterator[Article]):
    """Contract dicts in input order; see ``extract_many``."""

    def __iter__(self) -> "Extraction": ...
    def __next__(self) -> Article: ...

class Pipeline:
    """Chronicle's pipeline with its resources loaded once.

    ``Pipeline()`` is the embedded default (shared with ``chronicle.extract``);
    ``petrarch_dictionaries`` is a folder of PETRARCH/TABARI dictionaries used instead of the
    embedded ones and ``gazetteer`` a file of places added to the embedded gazetteer, as
    ``chronicle extract --dictionaries DIR --gazetteer FILE`` takes them. A file that cannot be
    read raises ``ResourceError`` naming the file and line.
    """

    def __init__(
        self,
        petrarch_dictionaries: Optional[Union[str, os.PathLike[str]]] = None,
        gazetteer: Optional[Union[str, os.PathLike[str]]] = None,
    ) -> None: ...
    @property
    def stages(self) -> List[str]:
        """The stages, in order: segment, syntax, names, places, time, quotes, events, gist."""
    def extract(
        self,
        text: Optional[str] = None,
        *,
        html: Optional[str] = None,
        published: Optional[DateLike] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        id: Optional[str] = None,
        source: Optional[str] = None,
        date: Optional[DateLike] = None,
        verbatim: bool = False,
    ) -> Article:
        """One article with this pipeline; see ``chronicle.extract``."""
    def extract_many(
        self,
        records: Iterable[Record],
        *,
        threads: Optional[int] = None,
        date: Optional[DateLike] = None,
        verbatim: bool = False,
        on_error: OnError = "raise",
        batch: int = 256,
    ) -> Extraction:
        """Many articles with this pipeline; see ``chronicle.extract_many``."""

def extract(
    text: Optional[str] = None,
    *,
    html: Optional[str] = None,
    published: Optional[DateLike] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
    date: Optional[DateLike] = None,
    verbatim: bool = False,
) -> Article:
    """One article in, the JSON contract of ``chronicle extract`` out, as Python objects.

    ``text`` is the article (a scraped page saved as text is cleaned: its title, description,
    sections and image credit are lifted into fields) or ``html`` a web page (its main text is
    found). ``published`` is the article's own publication date (``"2020-07-06"``,
    ``"20200706"`` or a ``datetime.date``); ``date`` is the date to use when neither the
    argument nor the page gives one (``--date``). ``verbatim=True`` keeps ``text`` exactly as
    ``body`` (``--verbatim``), so that offsets index it. Without ``id`` the article is named
    by its ``url``, else by a digest of its content (``text:…``).

    Raises ``TypeError`` without ``text`` or ``html``, ``ValueError`` for a date that cannot
    be read or an empty article. The interpreter is released while the article is annotated.
    """

def extract_many(
    records: Iterable[Record],
    *,
    threads: Optional[int] = None,
    date: Optional[DateLike] = None,
    verbatim: bool = False,
    on_error: OnError = "raise",
    batch: int = 256,
) -> Extraction:
    """Many articles in, an iterator of contract dicts out, in input order.

    ``records`` is any iterable (a list, a generator, an endless stream) of dicts
    ``{id, url, source, title, published, text | html}`` (``date``, ``publication_date`` and
    ``dct`` are read as ``published``, a numeric ``id`` as its digits, ``None``/NaN as absent)
    or strings (the article's text). Records are read on a thread of their own a bounded way
    ahead, annotated in parallel batches of ``batch`` on ``threads`` worker threads (one per
    core by default) with the interpreter released, and handed out in input order; memory
    stays bounded whatever the length of ``records``. Leaving the loop early stops the work.

    A record that cannot be read (not a dict or string, a field of the wrong type, a date that
    cannot be read, no ``text`` or ``html``) is named by its place and id
    (``records[3] (id "a1"): ...``). ``on_error="raise"`` raises ``RecordError`` at its place,
    after every article before it; ``"warn"`` warns (``RecordWarning``) and goes on; ``"skip"``
    goes on silently.
    """

def first_days(values: List[Optional[str]]) -> List[Optional[datetime.date]]:
    """The first day each TIMEX date value names (``2019-02`` → 1 February 2019)."""

class Store:
    """The database connection behind ``chronicle.Database``."""

    def __init__(self, path: Union[str, os.PathLike[str]], writable: bool = False) -> None: ...
    @property
    def path(self) -> os.PathLike[str]: ...
    @property
    def writable(self) -> bool: ...
    def close(self) -> None: ...
    def events(
        self, actor: Optional[str], side: str, target: Optional[str], code: Optional[str],
        start: Optional[str], end: Optional[str], limit: Optional[int],
    ) -> Tuple[List[str], List[tuple]]: ...
    def quotes(
        self, speaker: Optional[str], actor: Optional[str], limit: Optional[int]
    ) -> Tuple[List[str], List[tuple]]: ...
    def search(self, text: str, limit: Optional[int]) -> Tuple[List[str], List[tuple]]: ...
    def timeline(
        self, by: str, actor: Optional[str], side: str, target: Optional[str],
        code: Optional[str], start: Optional[str], end: Optional[str],
    ) -> Tuple[Tuple[List[str], List[tuple]], int]: ...
    def stats(self) -> Tuple[List[str], List[tuple]]: ...
    def ingest(
        self, records: Iterable[Record], pipeline: Optional[Pipeline], threads: Optional[int],
        date: Optional[DateLike], verbatim: bool, on_error: OnError,
    ) -> Dict[str, int]: ...
