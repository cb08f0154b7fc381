"""Self-tests of the comparison's own parts: tokenizer, shingles, scorer, pin parsing.

    python3 -m unittest discover -s benches/compare -p 'test_*.py'

Needs no peer and no NumPy (the scorer's fallback path runs without it).
"""

import json
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "peers"))

import common  # noqa: E402
import score  # noqa: E402


class Tokens(unittest.TestCase):
    def test_same_as_crosscheck_text_docs(self):
        # The examples of src/text/mod.rs.
        self.assertEqual(
            " ".join(common.tokens("“We’re  monitoring this,” Peskov said – CEASE-FIRE, 50,000 ﬁve")),
            "were monitoring this peskov said ceasefire 50000 five",
        )
        self.assertEqual(common.tokens("Kremlin’s view"), ["kremlins", "view"])
        self.assertEqual(" ".join(common.tokens("U.S.-led coalition")), "us led coalition")
        self.assertEqual(" ".join(common.tokens("end. Next -- word")), "end next word")
        self.assertEqual(" ".join(common.tokens("1,5 and 50,000 and a,b")), "15 and 50000 and a b")
        self.assertEqual(" ".join(common.tokens("'quoted' — dash")), "quoted dash")
        self.assertEqual(common.tokens("..."), [])
        self.assertEqual(common.tokens(""), [])

    def test_fast_path_equals_regex(self):
        import re
        import unicodedata

        def ref(text):
            text = common._JOINERS.sub("", unicodedata.normalize("NFKC", text).lower())
            return re.findall(r"[^\W_]+", text)

        for text in ["naïve café_bar Ünïcode x² 5€ a\u00a0b", "«Bonjour», dit-il.", "a—b–c", "x_y__z"]:
            self.assertEqual(common.tokens(text), ref(text), text)

    def test_shingles(self):
        self.assertEqual(common.shingles(["a", "b", "c", "d"], 3), ["a b c", "b c d"])
        self.assertEqual(common.shingles(["a", "b"], 3), ["a b"])
        self.assertEqual(common.shingles([], 3), [])


class Scorer(unittest.TestCase):
    def setUp(self):
        self.truth = score.Truth(str(HERE / "testdata" / "truth.jsonl"))

    def pairs(self, rows):
        f = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
        for a, b in rows:
            f.write(json.dumps({"a": a, "b": b, "extra": 1}) + "\n")
        f.close()
        self.addCleanup(Path(f.name).unlink)
        return f.name

    def test_truth(self):
        self.assertEqual(self.truth.docs, 12)
        self.assertEqual(self.truth.groups, 6)
        self.assertEqual(self.truth.true_pairs, 6 + 3 + 1)  # groups of 4, 3, 2

    def test_precision_recall_dedupes_pairs(self):
        p = self.pairs([("a1", "a2"), ("a2", "a1"), ("a1", "a1"), ("a1", "b1"), ("c2", "c1")])
        s = score.score(self.truth, p)
        self.assertEqual((s["pairs"], s["tp"]), (3, 2))
        self.assertAlmostEqual(s["precision"], 2 / 3)
        self.assertAlmostEqual(s["recall"], 2 / 10)

    def test_empty(self):
        s = score.score(self.truth, self.pairs([]))
        self.assertEqual(s["pairs"], 0)
        self.assertIsNone(s["precision"])
        self.assertEqual(s["recall"], 0)

    def test_above_threshold(self):
        above = score.above_threshold(self.truth, str(HERE / "testdata" / "corpus.jsonl"), 3, 0.8)
        n = self.truth.docs
        names = {v: k for k, v in self.truth.index.items()}
        found = {(names[k // n], names[k % n]) for k in above}
        self.assertIn(("a1", "a2"), found)  # a dateline and a credit line added: still a copy
        self.assertTrue(all(a[0] == b[0] for a, b in found))  # only pairs inside a group
        s = score.score(self.truth, self.pairs(sorted(found)), above)
        self.assertEqual(s["recall_above"], 1.0)


class Pins(unittest.TestCase):
    def test_every_peer_is_pinned(self):
        sys.argv = ["run.py"]
        import run

        pins = run.read_pins()
        for who in ["scorer", "datasketch", "rensa", "gaoya"]:
            self.assertTrue(pins.get(who), who)
            for req in pins[who]:
                self.assertRegex(req, r"^[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*$")


if __name__ == "__main__":
    unittest.main()
