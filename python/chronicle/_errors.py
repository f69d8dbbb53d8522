"""Chronicle's exceptions and warnings.

They live in Python so that each can also be the builtin a caller would catch anyway: a record
that cannot be read is a ``ValueError``, a database that cannot be used an ``OSError``.
"""


class ChronicleError(Exception):
    """Base of every error Chronicle raises on purpose."""


class RecordError(ChronicleError, ValueError):
    """A record could not be read: its message names it (``records[3] (id "a1"): ...``).

    ``index`` is the position of the (first) bad record in the iterable, 0-based.
    ``Database.ingest`` raises it after storing every other record, with the ingest's counts
    as ``report``.
    """

    index: int
    report: dict


class ResourceError(ChronicleError, ValueError):
    """A dictionary folder or gazetteer file could not be loaded: the message names the file
    and line."""


class DatabaseError(ChronicleError, OSError):
    """The database could not be opened, read or written (missing, not a Chronicle database,
    newer schema, closed, opened read-only for an ingest)."""


class RecordWarning(UserWarning):
    """A record was read with a problem (or skipped, with ``on_error="warn"``)."""
