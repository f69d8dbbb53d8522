"""extract_many streams: an endless iterable is read a bounded way ahead, and let go when the
caller stops."""

import itertools
import time

import chronicle


def test_an_endless_iterable_is_read_a_bounded_way_ahead_and_let_go():
    pulled = 0
    closed = []

    def endless():
        nonlocal pulled
        try:
            for i in itertools.count():
                pulled += 1
                yield {"id": f"n{i}", "text": f"Japan protested to China on day {i}."}
        finally:
            closed.append(True)

    it = chronicle.extract_many(endless(), batch=32)
    first = [a["id"] for a in itertools.islice(it, 100)]
    assert first == [f"n{i}" for i in range(100)]
    # The reader's queue (1,024 records) and a few batches in flight, not the whole stream.
    assert pulled < 3000, pulled
    del it
    deadline = time.time() + 20
    while not closed and time.time() < deadline:
        time.sleep(0.05)
    assert closed, "the generator was never closed after the iterator was dropped"
    settled = pulled
    time.sleep(0.3)
    assert pulled == settled, "records are still pulled after the caller went away"
