"""trafilatura's main text on the dev pages, scored as `chronicle eval html` scores Chronicle.

    python bench/html_trafilatura.py [DIR]      (default: ../shared/data/html)

Reads DIR/gold.json (url -> {file, with, without}), runs `trafilatura.extract` with its defaults
on each page's bytes (decompressed when .gz) and its URL, and counts snippets the same way as
crates/chronicle-eval/src/html.rs: whitespace squashed on both sides, a snippet counts when it is a
substring of the extracted text; precision = with found / (with found + without present),
recall = with found / with.
"""
import gzip
import json
import os
import sys
import time

import trafilatura


def squash(s):
    return " ".join(s.split())


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/html"
    gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
    wf = wt = wp = wot = pages = nbytes = 0
    seconds = 0.0
    for url, e in gold.items():
        name = e.get("html_file") or e.get("file") or ""
        cands = [os.path.join(d, name), os.path.join(d, "html", name), os.path.join(d, "html", name + ".gz")]
        path = next(p for p in cands if os.path.isfile(p))
        raw = open(path, "rb").read()
        if path.endswith(".gz"):
            raw = gzip.decompress(raw)
        t0 = time.process_time()
        text = trafilatura.extract(raw, url=url) or ""
        seconds += time.process_time() - t0
        nbytes += len(raw)
        pages += 1
        body = squash(text)
        for s in e.get("with") or []:
            wt += 1
            wf += squash(s) in body
        for s in e.get("without") or []:
            wot += 1
            wp += squash(s) in body
    p = wf / (wf + wp) if wf + wp else 0.0
    r = wf / wt if wt else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pages: {pages}")
    print(f"with snippets found: {wf}/{wt} = {100 * r:.1f}%")
    print(f"without snippets present: {wp}/{wot} = {100 * wp / max(wot, 1):.1f}%")
    print(f"precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")
    print(f"speed: {nbytes / 1e6:.1f} MB of HTML in {seconds:.2f} s CPU = {nbytes / 1e6 / max(seconds, 1e-9):.1f} MB/s")


if __name__ == "__main__":
    main()
