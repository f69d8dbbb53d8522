"""The Spark example, run for real: pyspark in local[2] on the example articles, its Parquet rows
checked against the local `chronicle extract` output.

    python3 examples/spark/test_spark.py          (or: python3 -m pytest examples/spark)

Needs pyspark (`pip install pyspark`), Java 17 and a built binary: CHRONICLE_BIN, else
the newer of target/release/chronicle and target/debug/chronicle (under CARGO_TARGET_DIR when
set).
Without pyspark it says so and skips, unless CHRONICLE_REQUIRE_SPARK=1.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import extract_events as ee  # noqa: E402

try:
    import pyspark  # noqa: F401

    HAVE_SPARK = True
except ImportError:
    HAVE_SPARK = False


def chronicle_bin():
    if os.environ.get("CHRONICLE_BIN"):
        return os.path.abspath(os.environ["CHRONICLE_BIN"])
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    built = [os.path.join(target, p, "chronicle") for p in ("release", "debug")]
    built = [p for p in built if os.access(p, os.X_OK)]
    if built:
        return os.path.abspath(max(built, key=os.path.getmtime))  # the freshest build
    raise RuntimeError("no chronicle binary: build it (cargo build -p chronicle) or set CHRONICLE_BIN")


def warc_record(kind, uri, block):
    block = block.encode("utf-8")
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-01T08:00:00Z\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def make_inputs(work):
    """The example articles as two JSON-lines files (one gzipped), and two of them as HTML pages
    in a WARC file."""
    articles = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "articles", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            articles.append((os.path.splitext(os.path.basename(path))[0], f.read()))
    assert len(articles) >= 4, "examples/articles has the example articles"
    half = len(articles) // 2
    first = os.path.join(work, "first.jsonl")
    with open(first, "w", encoding="utf-8") as f:
        for stem, text in articles[:half]:
            f.write(json.dumps({"id": stem, "text": text}) + "\n")
        # No id: the example gives it one from the line's hash, the same wherever it lands.
        stem, text = articles[half]
        f.write(json.dumps({"text": text, "published": "2020-11-10"}) + "\n")
    second = os.path.join(work, "second.jsonl")
    with open(second, "w", encoding="utf-8") as f:
        for stem, text in articles[half + 1 :]:
            f.write(json.dumps({"id": stem, "text": text}) + "\n")
    subprocess.run(["gzip", second], check=True)
    warc = os.path.join(work, "crawl.warc")
    with open(warc, "wb") as f:
        for stem, text in articles[:2]:
            title, _, rest = text.partition("\n")
            paras = "".join(f"<p>{p}</p>" for p in rest.split("\n\n") if p.strip())
            page = (
                f"<html><head><title>{title}</title></head><body><nav><a href=/>Home</a></nav>"
                f"<article><h1>{title}</h1>{paras}</article><footer>Copyright Example</footer></body></html>"
            )
            http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}"
            f.write(warc_record("response", f"https://news.example/{stem}", http))
    return [first, second + ".gz", warc]


def local_output(binary, inputs):
    """What `chronicle extract` prints for `inputs` run locally, with the example's ids."""
    docs = []
    for path in inputs:
        if path.endswith(".warc"):
            run = subprocess.run([binary, "extract", path], capture_output=True, check=True)
        else:
            opener = "zcat" if path.endswith(".gz") else "cat"
            lines = subprocess.run([opener, path], capture_output=True, check=True).stdout.decode()
            stdin = "".join(ee.with_id(line) + "\n" for line in lines.splitlines() if line.strip())
            run = subprocess.run([binary, "extract", "-"], input=stdin.encode(), capture_output=True, check=True)
        docs += [json.loads(line) for line in run.stdout.decode().splitlines()]
    return docs


def plain(value):
    """A Spark Row value as plain Python (Rows to tuples, arrays to lists)."""
    if hasattr(value, "asDict"):
        return tuple(plain(v) for v in value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def sort_key(row):
    return json.dumps(row, sort_keys=True, default=str)


def test_spark_rows_equal_local_output():
    if not HAVE_SPARK:
        if os.environ.get("CHRONICLE_REQUIRE_SPARK") == "1":
            raise AssertionError("pyspark is not installed and CHRONICLE_REQUIRE_SPARK=1")
        print("test_spark: pyspark is not installed; skipped (pip install pyspark)")
        return "skipped"
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    binary = chronicle_bin()
    work = tempfile.mkdtemp(prefix="chronicle-spark-")
    try:
        inputs = make_inputs(work)
        expected_docs = local_output(binary, inputs)
        assert len(expected_docs) == 8, [d["id"] for d in expected_docs]
        assert sum(len(d["events"]) for d in expected_docs) > 0, "the example articles report events"

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("chronicle-test")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .getOrCreate()
        )
        try:
            out = os.path.join(work, "out")
            # 8 partitions for 6 JSON lines: some are empty, and must cost nothing.
            n_articles, n_events = ee.run(spark, inputs, out, binary, partitions=8)
            articles = [plain(r) for r in spark.read.parquet(os.path.join(out, "articles")).collect()]
            names = [c for c, _ in ee.EVENT_COLUMNS]
            events = spark.read.parquet(os.path.join(out, "events")).select(*names).collect()
            events = [plain(r) for r in events]
        finally:
            spark.stop()

        want_articles = [ee.article_row(d) for d in expected_docs]
        want_events = [r for d in expected_docs for r in ee.event_rows(d)]
        assert (n_articles, n_events) == (len(want_articles), len(want_events))
        assert sorted(articles, key=sort_key) == sorted(want_articles, key=sort_key)
        assert sorted(events, key=sort_key) == sorted(want_events, key=sort_key)
        # Partitioned by the events' own dates.
        dirs = {os.path.basename(p) for p in glob.glob(os.path.join(out, "events", "event_date=*"))}
        dates = {e[-1] if e[-1] is not None else "__HIVE_DEFAULT_PARTITION__" for e in want_events}
        assert dirs == {f"event_date={d}" for d in dates}, (dirs, dates)
        # The line without an id was named by its hash, the same in Spark as locally.
        assert any(a[0].startswith("sha1:") for a in articles)
        assert any((a[2] or "") == "news.example" for a in articles), "WARC records came through"
        print(f"test_spark: {len(articles)} articles, {len(events)} events, {len(dirs)} event dates: equal to local")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    start = time.time()
    passed = failed = skipped = 0
    try:
        if test_spark_rows_equal_local_output() == "skipped":
            skipped = 1
        else:
            passed = 1
    except Exception:
        import traceback

        traceback.print_exc()
        failed = 1
    sys.stderr.flush()
    print(f"test_spark: {time.time() - start:.1f} s")
    print(f"spark: {passed} passed, {failed} failed, {skipped} skipped")
    sys.exit(failed)
