"""Pair precision and recall of a pairs file against the generator's truth.jsonl.

truth.jsonl has one line per document, ``{"id", "group", ...}``; every pair of documents that share
a ``group`` is a true pair. A pairs file has one line per pair, ``{"a": id, "b": id, ...}`` (other
fields are ignored; a pair listed twice, in either order, counts once; ``a == b`` is ignored).

Memory: ids are mapped to dense ints once; a predicted pair is one int64 key
(``min * n + max``) in a NumPy array that is sorted and de-duplicated, so 10M pairs cost ~80 MB.
Without NumPy it falls back to a Python set (fine for small runs).

    python score.py truth.jsonl pairs.jsonl [pairs2.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from array import array
from pathlib import Path


class Truth:
    """Document ids, their group indices and the number of true pairs."""

    def __init__(self, path: str) -> None:
        self.index: dict[str, int] = {}
        groups: dict[str, int] = {}
        group_of = array("l")
        sizes: list[int] = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                doc, group = str(rec["id"]), str(rec["group"])
                if doc in self.index:
                    raise ValueError(f"{path}: duplicate id {doc!r}")
                g = groups.setdefault(group, len(groups))
                if g == len(sizes):
                    sizes.append(0)
                sizes[g] += 1
                self.index[doc] = len(group_of)
                group_of.append(g)
        self.group_of = group_of
        self.docs = len(group_of)
        self.true_pairs = sum(k * (k - 1) // 2 for k in sizes)
        self.groups = len(sizes)


def above_threshold(truth: Truth, corpus_path: str, n: int, threshold: float) -> list[int]:
    """Keys of the true pairs whose exact Jaccard of word n-shingle sets is >= threshold.

    The generator's truth counts every syndicated copy, also the heavily edited ones below the
    threshold that no tool at that threshold should report; this subset is what a perfect
    tool at the threshold finds, so ``len(result) / truth.true_pairs`` is the recall ceiling.
    Tokens come from peers/common.py (the same tokens as crosscheck). Group by group, so memory
    holds only the texts of documents that have a copy.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent / "peers"))
    from common import shingles, tokens

    n_docs = truth.docs
    size = {}
    for g in truth.group_of:
        size[g] = size.get(g, 0) + 1
    members: dict[int, list[tuple[int, str]]] = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            i = truth.index.get(str(rec["id"]))
            if i is not None and size[truth.group_of[i]] > 1:
                members.setdefault(truth.group_of[i], []).append((i, rec["text"]))
    keys = []
    for docs in members.values():
        sets = [(i, set(shingles(tokens(text), n))) for i, text in docs]
        for x, (a, sa) in enumerate(sets):
            for b, sb in sets[x + 1 :]:
                union = len(sa | sb)
                if union and len(sa & sb) / union >= threshold:
                    keys.append(min(a, b) * n_docs + max(a, b))
    return keys


def _keys(truth: Truth, pairs_path: str):
    """Yields one int key per predicted pair; counts ids unknown to the truth file."""
    index, n = truth.index, truth.docs
    unknown = 0
    loads = json.loads
    with open(pairs_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = loads(line)
            a, b = index.get(str(rec["a"])), index.get(str(rec["b"]))
            if a is None or b is None:
                unknown += 1
                continue
            if a == b:
                continue
            yield (a * n + b) if a < b else (b * n + a)
    if unknown:
        print(f"score: {pairs_path}: {unknown} pairs name ids not in the truth file", file=sys.stderr)


def score(truth: Truth, pairs_path: str, above: list[int] | None = None) -> dict:
    """{"pairs", "tp", "precision", "recall", "true_pairs"} for one pairs file, and with
    ``above`` (from :func:`above_threshold`) "recall_above": the share of those pairs found."""
    n = truth.docs
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - the venv has NumPy
        np = None
    if np is not None:
        keys = np.unique(np.fromiter(_keys(truth, pairs_path), dtype=np.int64))
        groups = np.asarray(truth.group_of, dtype=np.int64)
        tp = int(np.count_nonzero(groups[keys // n] == groups[keys % n])) if len(keys) else 0
        predicted = int(len(keys))
        found_above = int(np.count_nonzero(np.isin(np.asarray(above, dtype=np.int64), keys))) if above else 0
    else:
        keys = set(_keys(truth, pairs_path))
        g = truth.group_of
        tp = sum(1 for k in keys if g[k // n] == g[k % n])
        predicted = len(keys)
        found_above = sum(1 for k in above if k in keys) if above else 0
    return {
        "pairs": predicted,
        "tp": tp,
        "true_pairs": truth.true_pairs,
        "precision": tp / predicted if predicted else None,
        "recall": tp / truth.true_pairs if truth.true_pairs else None,
        "recall_above": found_above / len(above) if above else None,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    truth = Truth(argv[0])
    print(f"truth: {truth.docs} docs, {truth.groups} groups, {truth.true_pairs} true pairs")
    for path in argv[1:]:
        s = score(truth, path)
        p = "n/a" if s["precision"] is None else f"{s['precision']:.4f}"
        r = "n/a" if s["recall"] is None else f"{s['recall']:.4f}"
        print(f"{path}: {s['pairs']} pairs, {s['tp']} true, precision {p}, recall {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
