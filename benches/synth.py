#!/usr/bin/env python3
"""Synthetic multi-outlet news corpus for timing `crosscheck cluster` until the generator lands.

usage: synth.py N SEED OUT_DIR  -> OUT_DIR/corpus.jsonl, OUT_DIR/truth.jsonl
Events of 1-12 articles (~150 words each) sharing names, places, numbers and a date; stories
of ~4 events sharing two names; generic words drawn from a Zipf-like vocabulary.
"""
import json, os, random, sys

n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
syll = ["ka", "lo", "mi", "ra", "ten", "vo", "zu", "pe", "sha", "dri", "an", "ko", "bel", "gor", "ni", "tas"]
def word(k): return "".join(rng.choice(syll) for _ in range(k))
generic = [word(rng.randint(2, 3)) for _ in range(20000)]
weights = [1.0 / (i + 1) for i in range(len(generic))]
cum = list(__import__('itertools').accumulate(weights))
names = [word(2).capitalize() + " " + word(3).capitalize() for _ in range(max(1000, n // 5))]
places = [word(3).capitalize() for _ in range(max(500, n // 20))]
stop = "the of and to in a that for on with as by at from was is it said".split()
months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
os.makedirs(out, exist_ok=True)
docs, k, ev, st = [], 0, 0, 0
while k < n:
    story_names = rng.sample(names, 2)
    story_words = rng.choices(generic, cum_weights=cum, k=6)
    for _ in range(rng.randint(1, 6)):
        ents = story_names + rng.sample(names, 3)
        place = rng.choice(places)
        nums = [str(rng.randint(2, 90000)) for _ in range(3)]
        date = f"{rng.choice(months)} {rng.randint(1, 28)}"
        key = rng.choices(generic, cum_weights=cum, k=12) + story_words
        for _ in range(rng.randint(1, 12)):
            if k >= n: break
            words = []
            pool = iter(rng.choices(generic, cum_weights=cum, k=150))
            for _ in range(150):
                r = rng.random()
                if r < 0.30: words.append(rng.choice(stop))
                elif r < 0.42: words.append(rng.choice(key))
                elif r < 0.47: words.append(rng.choice(ents))
                elif r < 0.49: words.append(rng.choice(nums))
                elif r < 0.50: words.append(place)
                elif r < 0.51: words.append(date)
                else: words.append(next(pool))
            text = " ".join(words) + "."
            docs.append(({"id": f"d{k:07d}", "title": " ".join(rng.sample(key, 4) + [place]), "text": text},
                         {"id": f"d{k:07d}", "event": f"e{ev}", "story": f"s{st}"}))
            k += 1
        ev += 1
    st += 1
rng.shuffle(docs)
with open(os.path.join(out, "corpus.jsonl"), "w") as f, open(os.path.join(out, "truth.jsonl"), "w") as t:
    for d, tr in docs:
        f.write(json.dumps(d) + "\n"); t.write(json.dumps(tr) + "\n")
