#!/usr/bin/env python3
"""Pair precision and recall of `crosscheck dedup` against the generator's ground truth.

    crosscheck generate --docs 100000 --seed 1 --out target/gen100k
    crosscheck dedup target/gen100k/corpus.jsonl > target/groups.jsonl
    crosscheck dedup --emit pairs target/gen100k/corpus.jsonl > target/pairs.jsonl
    python3 benches/dedup_eval.py target/gen100k/truth.jsonl target/groups.jsonl [target/pairs.jsonl]

Truth pairs: every pair of documents with the same `group` in truth.jsonl. Predicted pairs: every
pair of documents in the same output group (transitive), and, if given, the verified pairs of
`--emit pairs` (direct). Standard library only.
"""

import json
import sys
from collections import defaultdict


def group_pairs(assign):
    members = defaultdict(list)
    for doc, group in assign.items():
        members[group].append(doc)
    pairs = set()
    for docs in members.values():
        docs.sort()
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                pairs.add((docs[i], docs[j]))
    return pairs


def load(path, key):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["id"])] = rec[key]
    return out


def report(name, predicted, truth):
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth) if truth else 1.0
    print(f"{name:<16} predicted {len(predicted):>9}  true {len(truth):>9}  "
          f"tp {tp:>9}  precision {precision:.4f}  recall {recall:.4f}")


def main():
    truth = group_pairs(load(sys.argv[1], "group"))
    report("groups", group_pairs(load(sys.argv[2], "group")), truth)
    if len(sys.argv) > 3:
        pairs = set()
        with open(sys.argv[3], encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                a, b = str(rec["a"]), str(rec["b"])
                pairs.add((min(a, b), max(a, b)))
        report("verified pairs", pairs, truth)


if __name__ == "__main__":
    main()
