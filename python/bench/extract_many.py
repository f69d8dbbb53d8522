"""Articles per second of chronicle.extract_many over a JSON-lines pile, as a notebook reads it:
records parsed from the gzip file by Python, contract dicts consumed in Python.

    python python/bench/extract_many.py PILE.jsonl.gz [LIMIT]

Prints one line: `python <articles> <seconds> <articles/s>`.
"""

import gzip
import itertools
import json
import sys
import time

import chronicle


def records(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    start = time.perf_counter()  # loading the resources counts, as it does for the binary
    n = 0
    for article in chronicle.extract_many(
        itertools.islice(records(path), limit), on_error="skip"
    ):
        n += len(article["events"]) >= 0
    seconds = time.perf_counter() - start
    print(f"python {n} {seconds:.2f} {n / seconds:.0f}")


if __name__ == "__main__":
    main()
