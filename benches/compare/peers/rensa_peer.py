"""rensa peer: R-MinHash batch sketches + RMinHashLSH, its recommended fast path for pairs.

- ``RMinHash.from_token_sets`` builds all sketches in one call (Rust, batched; rensa's README:
  "batch APIs build sketches from token lists in one call").
- ``RMinHashLSH.insert_many`` then ``query_all`` index and query the whole batch natively.
- Every candidate pair is verified by the sketches' estimated Jaccard >= threshold (what
  ``RMinHashDeduplicator`` does internally; the deduplicator itself returns keep-flags, not pairs).

rensa's "rho" pipeline and its digest-matrix LSH only return duplicate flags, not pairs, and rho
samples token positions (order-dependent); they cannot be scored pair by pair, so they are not used.
"""

import sys

from common import Phases, arg_parser, read_corpus, shingles, tokens, write_pairs


def main() -> int:
    args = arg_parser(__doc__.splitlines()[0]).parse_args()
    ph = Phases()
    from rensa import RMinHash, RMinHashLSH

    ph.lap("import")
    ids, texts = read_corpus(args.corpus)
    ph.lap("load")
    sets = [shingles(tokens(t), args.shingle) for t in texts]
    del texts
    ph.lap("shingle")
    mhs = RMinHash.from_token_sets(sets, num_perm=args.perm, seed=args.seed)
    del sets
    ph.lap("sketch")
    lsh = RMinHashLSH(threshold=args.threshold, num_perm=args.perm, num_bands=args.bands)
    lsh.insert_many(mhs)
    ph.lap("index")
    cands = lsh.query_all(mhs)
    ph.lap("query")
    candidates = 0
    pairs = []
    thr = args.threshold
    for i, js in enumerate(cands):
        m = mhs[i]
        for j in js:
            if j > i:
                candidates += 1
                if m.jaccard(mhs[j]) >= thr:
                    pairs.append((i, j))
    ph.lap("verify")
    n = write_pairs(args.out, ids, pairs)
    ph.lap("write")
    ph.done(docs=len(ids), candidates=candidates, pairs=n, bands=args.bands,
            rows=args.perm // args.bands)
    return 0


if __name__ == "__main__":
    sys.exit(main())
