#!/usr/bin/env python3
"""Recall of planted changes and noise of `crosscheck check` on a generated corpus.

Usage:
    crosscheck generate --docs 10000 --seed 1 --out DIR
    crosscheck check DIR/corpus.jsonl --format json -o report.json
    python3 benches/check_eval.py DIR report.json [--examples N]

The generator plants changed figures (`op: figure`, old -> new digits) and shifted dates
(`op: date`, with the words it replaced, e.g. Thursday -> Friday) in some syndicated copies and
lists them in DIR/edits.jsonl. Everything else in the corpus is consistent by construction.

- recall: a planted change is found when a discrepancy at warning or above has a claim in the
  edited copy whose text contains the new figure (QTY001 / QUOTE003) or a replaced date word
  (DATE001). Also given at any severity.
- noise: discrepancies at warning or above that no planted change explains (none of their claims
  is a changed figure or date of an edited copy), per 100 documents, broken down by code.

Standard library only.
"""

import json
import re
import sys
from collections import Counter


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    examples = 0
    if "--examples" in sys.argv:
        examples = int(sys.argv[sys.argv.index("--examples") + 1])
        args = [a for a in args if a != str(examples)]
    corpus, report_path = args[0], args[1]
    planted = {}  # doc id -> [(kind, [new strings])]
    n_planted = 0
    with open(f"{corpus}/edits.jsonl") as f:
        for line in f:
            r = json.loads(line)
            for e in r["edits"]:
                if e["op"] == "figure":
                    planted.setdefault(r["id"], []).append(("figure", [e["new"]], e))
                    n_planted += 1
                elif e["op"] == "date":
                    news = [new for _, new in e.get("replaced", [])]
                    planted.setdefault(r["id"], []).append(("date", news, e))
                    n_planted += 1
    with open(report_path) as f:
        report = json.load(f)
    n_docs = len(report["documents"])

    def contains(text, value):
        # The figure as a whole number ("24" is not in "124" or "2,400").
        return re.search(r"(?<![\d,.])" + re.escape(value) + r"(?![\d]|,\d)", text) is not None

    def explained(d):
        """The planted changes (doc, index) that this discrepancy's claims show."""
        hits = set()
        for c in d["claims"]:
            for k, (kind, news, _) in enumerate(planted.get(c["doc"], [])):
                if kind == "figure" and d["kind"] in ("quantity", "quote"):
                    if any(contains(c["text"], v) for v in news):
                        hits.add((c["doc"], k))
                elif kind == "date" and d["kind"] == "date":
                    if any(v in c["text"] for v in news):
                        hits.add((c["doc"], k))
        return hits

    found_warn, found_any = set(), set()
    noise = Counter()
    noise_examples = []
    total_warn = 0
    for d in report["discrepancies"]:
        hits = explained(d)
        found_any |= hits
        if d["severity"] in ("warning", "error"):
            total_warn += 1
            found_warn |= hits
            if not hits:
                noise[(d["code"], d["severity"], d["level"])] += 1
                if len(noise_examples) < examples:
                    noise_examples.append(d)
    n_noise = sum(noise.values())
    print(f"documents: {n_docs}, planted changes: {n_planted}")
    print(f"recall at warning+: {len(found_warn)}/{n_planted} = {len(found_warn) / max(n_planted, 1):.3f}")
    print(f"recall at any severity: {len(found_any)}/{n_planted} = {len(found_any) / max(n_planted, 1):.3f}")
    print(f"findings at warning+: {total_warn} ({100 * total_warn / n_docs:.1f} per 100 docs)")
    print(f"unexplained (noise) at warning+: {n_noise} ({100 * n_noise / n_docs:.2f} per 100 docs)")
    for (code, sev, level), n in noise.most_common():
        print(f"  {code} {sev} {level}: {n}")
    missed = [(doc, k) for doc, lst in planted.items() for k in range(len(lst)) if (doc, k) not in found_warn]
    print(f"missed at warning+ (first 10 of {len(missed)}):")
    for doc, k in sorted(missed)[:10]:
        kind, news, e = planted[doc][k]
        print(f"  {doc}: {json.dumps(e)}")
    for d in noise_examples:
        print("---")
        print(d["code"], d["severity"], d["level"], d["message"])
        for c in d["claims"]:
            print(f"   {c['doc']} [{c['group']}] {c['text']!r} :: {c['context'][:200]!r}")
        print("   why:", "; ".join(d["alignment"]["reasons"]))


if __name__ == "__main__":
    main()
