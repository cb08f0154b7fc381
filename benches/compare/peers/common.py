"""What every Python peer shares: reading the corpus, the tokenizer, shingles, writing pairs.

The tokenizer mirrors crosscheck's (src/text/mod.rs) so that every tool sees the same shingle sets:
NFKC, lowercase, a token is a maximal run of letters and digits; apostrophes, hyphens and periods
between two word characters join them (``U.S.`` -> ``us``, ``cease-fire`` -> ``ceasefire``), as do
commas between two ASCII digits (``50,000`` -> ``50000``); everything else separates tokens.
Shingles are ``n`` consecutive tokens joined by one space; a document shorter than ``n`` tokens
has one shingle, all of its tokens.

Each peer prints one JSON object on stdout with its phase timings (seconds) and counts; the
driver (run.py) measures wall time and peak RSS of the whole process from outside.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata

_WORD = r"[^\W_]"
# A joiner between two word characters disappears (the lookbehind runs after the joiner is
# matched, so the scan is driven by the joiner's character class: fast).
_JOINERS = re.compile(rf"[.'’ʼ‘\-‐‑](?<={_WORD}.)(?={_WORD})|,(?<=[0-9],)(?=[0-9])")
_TOKEN = re.compile(rf"{_WORD}+")
# Fast path: every ASCII byte that is not a letter or digit becomes a space (bytes.translate, C
# speed even for non-ASCII text), then str.split; the few pieces that still hold a non-word
# character (a curly quote or a dash glued to a word) are split by the exact regex. Same tokens as
# running the regex over the whole text, about twice as fast.
_SPACES = bytes(c if c >= 128 or chr(c).isalnum() else 32 for c in range(256))


def tokens(text: str) -> list[str]:
    """The normalized tokens of ``text``, in order."""
    text = _JOINERS.sub("", unicodedata.normalize("NFKC", text).lower())
    toks = text.encode("utf-8").translate(_SPACES).decode("utf-8").split()
    if all(map(str.isalnum, toks)):
        return toks
    out: list[str] = []
    findall = _TOKEN.findall
    for t in toks:
        if t.isalnum():
            out.append(t)
        else:
            out.extend(findall(t))
    return out


def shingles(toks: list[str], n: int) -> list[str]:
    """Word n-grams of ``toks`` as strings (tokens joined by one space)."""
    if len(toks) <= n:
        return [" ".join(toks)] if toks else []
    return list(map(" ".join, zip(*(toks[i:] for i in range(n)))))


def read_corpus(path: str) -> tuple[list[str], list[str]]:
    """Ids (as strings) and texts of a JSON Lines corpus."""
    ids, texts = [], []
    loads = json.loads
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = loads(line)
            ids.append(str(rec["id"]))
            texts.append(rec["text"])
    return ids, texts


def write_pairs(path: str, ids: list[str], pairs) -> int:
    """Writes ``{"a","b"}`` lines for index pairs, each pair once, sorted; returns the count."""
    uniq = sorted({(i, j) if i < j else (j, i) for i, j in pairs if i != j})
    dumps = json.dumps
    with open(path, "w", encoding="utf-8") as f:
        for i, j in uniq:
            f.write(dumps({"a": ids[i], "b": ids[j]}, ensure_ascii=False))
            f.write("\n")
    return len(uniq)


def arg_parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("corpus", help="corpus.jsonl ({id, text, ...} per line)")
    p.add_argument("--out", required=True, help="where to write the pairs (JSON Lines {a, b})")
    p.add_argument("--shingle", type=int, default=3, help="words per shingle (default 3)")
    p.add_argument("--perm", type=int, default=128, help="MinHash permutations (default 128)")
    p.add_argument("--threshold", type=float, default=0.8, help="Jaccard threshold (default 0.8)")
    p.add_argument("--bands", type=int, default=16, help="LSH bands; rows = perm / bands (default 16)")
    p.add_argument("--seed", type=int, default=42, help="hash seed (default 42)")
    return p


class Phases:
    """Wall-clock timings of named phases, printed as one JSON object."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.last = self.start
        self.stats: dict[str, float | int | str] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stats[f"{name}_s"] = round(now - self.last, 4)
        self.last = now

    def done(self, **extra) -> None:
        self.stats["inner_s"] = round(time.perf_counter() - self.start, 4)
        self.stats.update(extra)
        print(json.dumps(self.stats), flush=True)
