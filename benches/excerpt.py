#!/usr/bin/env python3
"""Cuts a JSON Lines corpus to short excerpts, as in held-out "short excerpt" event sets.

usage: excerpt.py IN.jsonl OUT.jsonl [--words 90] [--keep-title] [--no-dates]

Each record keeps its id, source and published date; its text becomes the first WORDS
whitespace-separated words, and the title is dropped (unless --keep-title), so the excerpt is all
the clusterer sees. --no-dates also drops `published` (text alone). Standard library only.
"""
import argparse
import json


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--words", type=int, default=90)
    ap.add_argument("--keep-title", action="store_true")
    ap.add_argument("--no-dates", action="store_true")
    a = ap.parse_args()
    with open(a.input, encoding="utf-8") as src, open(a.output, "w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            r = json.loads(line)
            r["text"] = " ".join(r["text"].split()[: a.words])
            if not a.keep_title:
                r.pop("title", None)
            if a.no_dates:
                r.pop("published", None)
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
