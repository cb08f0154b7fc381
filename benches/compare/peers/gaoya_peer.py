"""gaoya peer: MinHashStringIndex with parallel bulk insert and parallel bulk query.

- The documents are normalized in Python with the shared tokenizer and handed to gaoya as
  space-joined tokens; gaoya's own Rust ``word`` analyzer then builds the word n-grams
  (``ngram_range=(n, n)``), which is its documented fast path ("built-in analyzers are implemented
  in Rust, and generally faster").
- ``par_bulk_insert_docs`` and ``par_bulk_query`` use all cores (rayon inside gaoya).
- ``par_bulk_query`` returns only documents whose signature-estimated Jaccard is >= the threshold:
  gaoya verifies itself.
- ``id_container="smallvec"``: its docs recommend it when near-duplicate groups are small.
"""

import sys

from common import Phases, arg_parser, read_corpus, tokens, write_pairs


def main() -> int:
    p = arg_parser(__doc__.splitlines()[0])
    p.add_argument("--hash-size", type=int, default=32, choices=[16, 32, 64],
                   help="bits per signature slot (default 32, gaoya's default)")
    args = p.parse_args()
    ph = Phases()
    import gaoya

    ph.lap("import")
    ids, texts = read_corpus(args.corpus)
    ph.lap("load")
    docs = [" ".join(tokens(t)) for t in texts]
    del texts
    ph.lap("normalize")
    index = gaoya.minhash.MinHashStringIndex(
        hash_size=args.hash_size,
        jaccard_threshold=args.threshold,
        num_bands=args.bands,
        band_size=args.perm // args.bands,
        analyzer="word",
        lowercase=False,
        ngram_range=(args.shingle, args.shingle),
        id_container="smallvec",
    )
    index.par_bulk_insert_docs(list(range(len(docs))), docs)
    ph.lap("index")
    results = index.par_bulk_query(docs)
    ph.lap("query")
    pairs = [(i, j) for i, js in enumerate(results) for j in js if j > i]
    n = write_pairs(args.out, ids, pairs)
    ph.lap("write")
    ph.done(docs=len(ids), pairs=n, bands=args.bands, rows=args.perm // args.bands)
    return 0


if __name__ == "__main__":
    sys.exit(main())
