#!/usr/bin/env python3
"""B-cubed F1 of `crosscheck cluster` JSON Lines output against a truth file.

usage: bcubed.py PRED.jsonl TRUTH.jsonl   (truth lines: {"id", "event", "story", ...})
"""
import json, sys
from collections import Counter

def load(path):
    return {r["id"]: r for r in map(json.loads, open(path)) if "id" in r}

pred, truth = load(sys.argv[1]), load(sys.argv[2])
ids = sorted(set(pred) & set(truth))
for level in ("event", "story"):
    p = [pred[i][level] for i in ids]
    t = [truth[i][level] for i in ids]
    ps, ts, both = Counter(p), Counter(t), Counter(zip(p, t))
    prec = sum(both[(a, b)] / ps[a] for a, b in zip(p, t)) / len(ids)
    rec = sum(both[(a, b)] / ts[b] for a, b in zip(p, t)) / len(ids)
    print(f"{level}: n={len(ids)} precision={prec:.4f} recall={rec:.4f} f1={2*prec*rec/(prec+rec):.4f}")
