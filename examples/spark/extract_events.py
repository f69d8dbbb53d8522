"""Chronicle under Apache Spark: articles in, Parquet event tables out.

The `chronicle` binary does the work; Spark only moves lines. Each partition of JSON lines is
piped through `chronicle extract -` with `RDD.pipe` (JSON lines in, JSON lines out, in order,
constant memory), and the articles it writes back are parsed into two tables:

    OUT/articles/                       one row per article (id, metadata, body, counts, tone)
    OUT/events/event_date=YYYY-MM-DD/   one row per event, with its article's id

Events are partitioned by their own date (an event of February 2019 reported in 2020 lands
under event_date=2019-02), undated ones under event_date=__HIVE_DEFAULT_PARTITION__.

JSON lines (.jsonl, .jsonl.gz: one article a line, `{id?, url?, source?, title?, published?,
text | html}`) are read by Spark and split across partitions. WARC files (.warc, .warc.gz) are
read by the binary itself: their paths are distributed, one file per task, and each task runs
`chronicle extract PATH...`, so the paths must be readable on every worker (a shared mount).

    spark-submit examples/spark/extract_events.py --chronicle /opt/chronicle/bin/chronicle \\
        --out events.parquet news/*.jsonl.gz crawl/*.warc.gz

The binary must be at the same path on every worker. Each task runs one chronicle process with
RAYON_NUM_THREADS = spark.task.cpus (default 1): Spark already runs one task per core.
Lines without an `id` get one from a hash of the line, so ids do not depend on partitioning.
"""

import argparse
import hashlib
import json
import os
import shlex
import sys

# Exit codes of `chronicle extract`: 0 every input read, 1 some input (a malformed line, an
# unreadable file) reported on stderr and skipped, the others processed. Anything else is a
# failure of the run itself and fails the task (Spark retries it). `RDD.pipe(checkCode=True)`
# fails on any non-zero code, so the command runs inside a shell that accepts 1.
ACCEPT_INPUT_ERRORS = 'rc=0; "$@" || rc=$?; [ "$rc" -le 1 ] || exit "$rc"'
# The same for WARC: the task's lines are paths, added to the command line (none: nothing to run).
PATHS_AS_ARGUMENTS = 'n=$#; while IFS= read -r p; do set -- "$@" "$p"; done; [ "$#" -gt "$n" ] || exit 0; ' + ACCEPT_INPUT_ERRORS

EVENT_COLUMNS = [
    ("article_id", "string"),
    ("event", "int"),  # index of the event in its article
    ("sentence", "int"),
    ("source", "string"),
    ("target", "string"),
    ("cameo", "string"),
    ("plover", "string"),
    ("goldstein", "double"),
    ("quad_class", "int"),
    ("date", "string"),
    ("date_basis", "string"),
    ("context", "array<string>"),
    ("place", "string"),
    ("trigger", "string"),
    ("source_text", "string"),
    ("target_text", "string"),
    ("rule", "string"),
    ("event_date", "string"),  # partition column: `date`, as written
]

ARTICLE_COLUMNS = [
    ("id", "string"),
    ("url", "string"),
    ("source", "string"),
    ("published", "string"),
    ("title", "string"),
    ("description", "string"),
    ("sections", "array<string>"),
    ("body", "string"),
    ("sentences", "int"),
    ("entities", "int"),
    ("dates", "int"),
    ("quotes", "int"),
    ("places", "int"),
    ("events", "int"),
    ("tone", "double"),
    ("word_count", "int"),
]


def schema(columns):
    """A Spark DDL schema string for `columns`."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def with_id(line):
    """The JSON line, given an id from a hash of its content when it has none."""
    line = line.strip()
    if not line or '"id"' in line:
        return line
    doc = json.loads(line)
    if doc.get("id") is None:
        doc["id"] = "sha1:" + hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]
        return json.dumps(doc, ensure_ascii=False)
    return line


def article_row(doc):
    """One row of the articles table from one output line of `chronicle extract`."""
    tone = doc.get("tone") or {}
    return (
        doc["id"],
        doc.get("url"),
        doc.get("source"),
        doc.get("published"),
        doc.get("title"),
        doc.get("description"),
        list(doc.get("sections") or []),
        doc.get("body"),
        len(doc.get("sentences") or []),
        len(doc.get("entities") or []),
        len(doc.get("dates") or []),
        len(doc.get("quotes") or []),
        len(doc.get("places") or []),
        len(doc.get("events") or []),
        tone.get("score"),
        tone.get("word_count"),
    )


def event_rows(doc):
    """Rows of the events table (one per event) from one output line of `chronicle extract`."""
    rows = []
    for i, e in enumerate(doc.get("events") or []):
        goldstein = e.get("goldstein")
        rows.append(
            (
                doc["id"],
                i,
                e.get("sentence"),
                e.get("source"),
                e.get("target"),
                e.get("cameo"),
                e.get("plover"),
                None if goldstein is None else float(goldstein),
                e.get("quad_class"),
                e.get("date"),
                e.get("date_basis"),
                list(e.get("context") or []),
                e.get("place"),
                e.get("trigger"),
                e.get("source_text"),
                e.get("target_text"),
                e.get("rule"),
                e.get("date"),
            )
        )
    return rows


def pipe_command(script, *argv):
    """The command line `RDD.pipe` runs: `argv` inside the shell `script`."""
    return " ".join(shlex.quote(a) for a in ["sh", "-c", script, "sh", *argv])


def annotate(sc, inputs, binary, extra_args=(), partitions=None):
    """An RDD of `chronicle extract` output lines (JSON strings) for every input path."""
    warc = [p for p in inputs if p.endswith((".warc", ".warc.gz"))]
    lines = [p for p in inputs if p not in warc]
    env = {
        "RAYON_NUM_THREADS": sc.getConf().get("spark.task.cpus", "1"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    parts = []
    if lines:
        rdd = sc.textFile(",".join(lines))
        if partitions:
            rdd = rdd.repartition(partitions) if partitions > rdd.getNumPartitions() else rdd.coalesce(partitions)
        rdd = rdd.map(with_id).filter(bool)
        parts.append(rdd.pipe(pipe_command(ACCEPT_INPUT_ERRORS, binary, "extract", *extra_args, "-"), env=env, checkCode=True))
    if warc:
        # One WARC file per task; each task's chronicle reads its files itself.
        paths = sc.parallelize(warc, len(warc))
        command = pipe_command(PATHS_AS_ARGUMENTS, binary, "extract", *extra_args)
        parts.append(paths.pipe(command, env=env, checkCode=True))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def run(spark, inputs, out, binary, extra_args=(), partitions=None):
    """Annotates `inputs` and writes OUT/articles and OUT/events (partitioned by event date).
    Returns (articles, events) written."""
    from pyspark import StorageLevel

    # The workers unpickle this module's functions: ship it to them when it was imported.
    if __name__ != "__main__":
        spark.sparkContext.addPyFile(os.path.abspath(__file__))

    # Both tables come from one run of chronicle over each partition: keep its output (spilling
    # to disk when it does not fit) rather than piping everything twice.
    docs = annotate(spark.sparkContext, inputs, binary, extra_args, partitions).map(json.loads)
    docs.persist(StorageLevel.MEMORY_AND_DISK)
    articles = spark.createDataFrame(docs.map(article_row), schema(ARTICLE_COLUMNS))
    events = spark.createDataFrame(docs.flatMap(event_rows), schema(EVENT_COLUMNS))
    articles.write.mode("overwrite").parquet(os.path.join(out, "articles"))
    events.write.mode("overwrite").partitionBy("event_date").parquet(os.path.join(out, "events"))
    counts = (docs.count(), docs.map(lambda d: len(d.get("events") or [])).sum())
    docs.unpersist()
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help=".jsonl, .jsonl.gz, .warc or .warc.gz paths (or globs Spark understands)")
    parser.add_argument("--out", required=True, help="output folder: OUT/articles and OUT/events")
    parser.add_argument("--chronicle", default="chronicle", help="path of the chronicle binary on every worker")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) of articles that give none")
    parser.add_argument("--partitions", type=int, help="repartition the JSON lines to this many tasks")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, or local[*])")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("chronicle-extract-events")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    extra = ["--date", args.date] if args.date else []
    try:
        n_articles, n_events = run(spark, args.inputs, args.out, args.chronicle, extra, args.partitions)
    finally:
        spark.stop()
    print(f"extract_events: {n_articles} article(s), {n_events} event(s) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
