#!/usr/bin/env python3
"""TF-IDF + K-means given the true number of events: the reference baseline of issue 3.

usage: kmeans_baseline.py CORPUS.jsonl TRUTH.jsonl [--level event|story] [--seeds 3]
                          [--max-features N] [--pred OUT.jsonl]

Vectorizes title + text with scikit-learn's TfidfVectorizer (English stop words, sublinear tf,
unigrams, L2 norm: the textbook setup), runs KMeans with k = the number of distinct truth labels
at LEVEL (the baseline is *told* k; crosscheck is not), and prints B-cubed precision / recall / F1
(the same formula as benches/bcubed.py), one line per seed and the median. `--pred` writes the
labels of the median seed as `{"id", "event"}` JSON Lines (or `story`).

The first run creates target/kmeans-venv with the pinned versions below (wheels only) and
re-executes itself there; later runs reuse it. Needs python3 (3.11) with venv and PyPI access.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "kmeans-venv"
VENV_PY = VENV / "bin" / "python"
PINS = [
    "numpy==2.4.6",
    "scipy==1.17.1",
    "scikit-learn==1.9.1",
    "joblib==1.6.0",
    "threadpoolctl==3.8.0",
    "narwhals==2.28.0",
    "cloudpickle==3.1.2",
]


def log(msg: str) -> None:
    print(f"kmeans_baseline: {msg}", file=sys.stderr, flush=True)


def bootstrap() -> None:
    """Re-executes this script inside target/kmeans-venv, creating it first if needed."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not VENV_PY.exists():
        log(f"creating {VENV.relative_to(ROOT)} with {' '.join(PINS)}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(VENV_PY), "-m", "pip", "install", "--quiet", "--only-binary=:all:", *PINS],
            check=True,
        )
    os.execv(str(VENV_PY), [str(VENV_PY), str(Path(__file__).resolve()), *sys.argv[1:]])


def bcubed(pred: list, truth: list) -> tuple[float, float, float]:
    ps, ts, both = Counter(pred), Counter(truth), Counter(zip(pred, truth))
    n = len(pred)
    p = sum(both[(a, b)] / ps[a] for a, b in zip(pred, truth)) / n
    r = sum(both[(a, b)] / ts[b] for a, b in zip(pred, truth)) / n
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("truth")
    ap.add_argument("--level", choices=["event", "story"], default="event")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--max-features", type=int, default=None)
    ap.add_argument("--pred")
    a = ap.parse_args()
    bootstrap()

    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    truth = {r["id"]: r[a.level] for r in map(json.loads, open(a.truth, encoding="utf-8"))}
    docs = [json.loads(l) for l in open(a.corpus, encoding="utf-8") if l.strip()]
    docs = [d for d in docs if str(d["id"]) in truth]
    ids = [str(d["id"]) for d in docs]
    texts = [(d.get("title") or "") + "\n" + d["text"] for d in docs]
    labels = [truth[i] for i in ids]
    k = len(set(labels))
    t0 = time.perf_counter()
    x = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, max_features=a.max_features
    ).fit_transform(texts)
    log(f"{len(docs)} docs, {x.shape[1]} terms, k = {k} true {a.level}s")
    runs = []
    for seed in range(a.seeds):
        t = time.perf_counter()
        pred = KMeans(n_clusters=k, n_init=1, random_state=seed).fit_predict(x)
        p, r, f = bcubed(list(pred), labels)
        runs.append((f, p, r, seed, pred))
        print(
            f"seed {seed}: {a.level} precision={p:.4f} recall={r:.4f} f1={f:.4f} "
            f"({time.perf_counter() - t:.1f} s)",
            flush=True,
        )
    runs.sort(key=lambda x: x[0])
    f, p, r, seed, pred = runs[len(runs) // 2]
    print(
        f"median of {len(runs)}: {a.level} n={len(docs)} k={k} precision={p:.4f} recall={r:.4f} "
        f"f1={f:.4f} (min {runs[0][0]:.4f}, max {runs[-1][0]:.4f}; "
        f"{time.perf_counter() - t0:.1f} s in all)"
    )
    if a.pred:
        with open(a.pred, "w", encoding="utf-8") as out:
            for i, c in zip(ids, pred):
                out.write(json.dumps({"id": i, a.level: f"k{c}"}) + "\n")


if __name__ == "__main__":
    main()
