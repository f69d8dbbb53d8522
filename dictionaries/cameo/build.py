#!/usr/bin/env python3
"""Builds event_codes.tsv, Chronicle's compact CAMEO event-code table, from the shared reference.

Usage: python3 build.py ../../../shared/reference/cameo_event_codes.tsv > event_codes.tsv
Standard library only. See README.md for where each column comes from.
"""
import csv
import sys


def main(path):
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"])
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            goldstein = row["goldstein_scale"] or row["goldstein_icews"]
            plover = row["plover_event_2021"]
            if plover == "(dropped)":
                plover = ""
            out.writerow([row["code"], row["name"], goldstein, row["quad_class"], plover,
                          row["plover_mode_2021"], row["plover_context_2021"]])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../../shared/reference/cameo_event_codes.tsv")
