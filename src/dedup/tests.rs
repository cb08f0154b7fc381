use super::*;
use crate::cluster::GroupId;
use crate::fingerprint::ShingleSet;

/// A tiny deterministic generator (xorshift) for synthetic articles.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `bases` random articles of `words` words from a 2,000-word vocabulary, each followed by
/// `copies` edited copies (a share `edit` of the words substituted, a sentence dropped).
pub(crate) fn corpus(
    seed: u64,
    bases: usize,
    copies: usize,
    words: usize,
    edit: f64,
) -> Vec<Document> {
    let mut rng = Rng::new(seed);
    let mut docs = Vec::new();
    for b in 0..bases {
        let base: Vec<usize> = (0..words).map(|_| rng.below(2000)).collect();
        let text = |ws: &[usize]| {
            ws.iter()
                .map(|w| format!("w{w}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        docs.push(Document::new(format!("b{b}"), text(&base)));
        for c in 0..copies {
            let mut ws = base.clone();
            for w in ws.iter_mut() {
                if (rng.below(10_000) as f64) < edit * 10_000.0 {
                    *w = rng.below(2000);
                }
            }
            if rng.below(2) == 0 && ws.len() > 20 {
                let at = rng.below(ws.len() - 10);
                ws.drain(at..at + 10);
            }
            docs.push(Document::new(format!("b{b}c{c}"), text(&ws)));
        }
    }
    docs
}

/// Per document (id, group, representative, similarity), and the pairs (a, b, jaccard).
type View = (
    Vec<(String, String, bool, Option<f64>)>,
    Vec<(String, String, f64)>,
);

/// Everything a user sees, keyed by id.
fn canonical(r: &Deduplicated) -> View {
    let mut lines: Vec<_> = (0..r.docs().len() as u32)
        .map(|i| {
            let g = &r.groups()[r.group_of(i)];
            (
                r.id(i).to_string(),
                g.id.to_string(),
                g.representative() == i,
                r.similarity(i),
            )
        })
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let pairs = r
        .pairs()
        .iter()
        .map(|p| (r.id(p.a).to_string(), r.id(p.b).to_string(), p.jaccard))
        .collect();
    (lines, pairs)
}

fn brute_force(docs: &[Document], n: usize) -> Vec<(String, String, f64)> {
    let s = Shingler::new(n);
    let sets: Vec<ShingleSet> = docs.iter().map(|d| ShingleSet::of(&s, &d.text)).collect();
    let mut out = Vec::new();
    for i in 0..docs.len() {
        for j in 0..docs.len() {
            if docs[i].meta.id < docs[j].meta.id {
                out.push((
                    docs[i].meta.id.clone(),
                    docs[j].meta.id.clone(),
                    sets[i].jaccard(&sets[j]),
                ));
            }
        }
    }
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

#[test]
fn finds_copies_and_keeps_others_apart() {
    let docs = corpus(1, 10, 3, 300, 0.01);
    let r = Dedup::builder().build().unwrap().run(&docs);
    assert_eq!(r.groups().len(), 10);
    for g in r.groups() {
        assert_eq!(g.members.len(), 4);
    }
    assert_eq!(r.stats().documents, 40);
    assert!(r.state_bytes_per_doc() < 700, "{}", r.state_bytes_per_doc());
}

#[test]
fn simhash_method_finds_close_copies() {
    let docs = corpus(2, 10, 2, 400, 0.002);
    let r = Dedup::builder()
        .method(Method::SimHash)
        .max_hamming(6)
        .build()
        .unwrap()
        .run(&docs);
    assert!(
        r.pairs()
            .iter()
            .all(|p| p.jaccard >= 0.8 && p.hamming.unwrap() <= 6)
    );
    assert!(r.groups().len() < 30, "{}", r.groups().len());
}

#[test]
fn builder_rejects_bad_settings() {
    assert!(Dedup::builder().threshold(0.0).build().is_err());
    assert!(Dedup::builder().threshold(1.5).build().is_err());
    assert!(Dedup::builder().threshold(f64::NAN).build().is_err());
    assert!(Dedup::builder().shingle(0).build().is_err());
    assert!(Dedup::builder().num_hashes(4).build().is_err());
    assert!(Dedup::builder().max_hamming(40).build().is_err());
    assert!(Dedup::builder().threshold(1.0).build().is_ok());
}

#[test]
fn texts_without_tokens_stay_alone() {
    let docs = [
        Document::new("a", "..."),
        Document::new("b", "..."),
        Document::new("c", "x y z"),
    ];
    let r = Dedup::builder().build().unwrap().run(&docs);
    assert_eq!(r.groups().len(), 3);
    assert!(r.pairs().is_empty());
}

#[test]
fn representative_is_earliest_then_smallest_id() {
    let text = "one two three four five six seven eight nine ten eleven twelve";
    let d = |s: &str| s.parse::<Date>().unwrap();
    let docs = [
        Document::new("a", text),
        Document::new("b", text).with_published(d("2026-01-03")),
        Document::new("c", text).with_published(d("2026-01-02")),
        Document::new("d", text).with_published(d("2026-01-02")),
    ];
    let r = Dedup::builder().build().unwrap().run(&docs);
    assert_eq!(r.groups().len(), 1);
    let g = &r.groups()[0];
    assert_eq!(g.members, [2, 0, 1, 3]);
    assert_eq!(g.id, GroupId::of("c"));
    assert_eq!(r.similarity(2), None);
    assert_eq!(r.similarity(0), Some(1.0));
    assert_eq!(r.pairs().len(), 6);
}

#[test]
fn streaming_matches_in_memory() {
    let docs = corpus(3, 8, 2, 200, 0.02);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let mut lines = String::new();
    for d in &docs {
        lines.push_str(&serde_json::json!({"id": d.meta.id, "text": d.text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&path, lines).unwrap();
    let corpus = Corpus::open(&[&path], Default::default()).unwrap();
    // Small batches, to cross batch boundaries; no shingle sets kept, every candidate read again.
    let dedup = Dedup::builder()
        .batch_bytes(3000)
        .cache_bytes(0)
        .cache_bytes_per_doc(0)
        .build()
        .unwrap();
    let streamed = dedup.run_corpus(&corpus, &|_, _| {}).unwrap();
    let in_memory = dedup.run(&docs);
    assert_eq!(canonical(&streamed), canonical(&in_memory));
    assert!(streamed.docs()[0].origin.is_some());
    assert!(streamed.stats().reread > 0);
    assert_eq!(streamed.stats().cached, 0);
    // Shingle sets kept for all, for some (a budget spent part way), for none: same result.
    let all = streamed.stats().reread;
    // A budget that grows with the documents, from nothing or from a fixed part spent early.
    for (budget, per_doc, some_cached, some_reread) in [
        (64 << 20, 0, true, false),
        (2_000, 0, true, true),
        (0, 300, true, true),
        (2_000, 200, true, true),
    ] {
        let dedup = Dedup::builder()
            .batch_bytes(3000)
            .cache_bytes(budget)
            .cache_bytes_per_doc(per_doc)
            .build()
            .unwrap();
        let r = dedup.run_corpus(&corpus, &|_, _| {}).unwrap();
        assert_eq!(
            canonical(&r),
            canonical(&in_memory),
            "budget {budget} {per_doc}"
        );
        let s = r.stats();
        assert_eq!(s.cached + s.reread, all, "budget {budget}");
        assert_eq!(s.cached > 0, some_cached, "budget {budget}");
        assert_eq!(s.reread > 0, some_reread, "budget {budget}");
    }
}

#[test]
fn streaming_reports_the_first_bad_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n").unwrap();
    let corpus = Corpus::open(&[&path], Default::default()).unwrap();
    let err = Dedup::builder()
        .build()
        .unwrap()
        .run_corpus(&corpus, &|_, _| {})
        .unwrap_err();
    assert!(err.to_string().contains("c.jsonl:2"), "{err}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// LSH + verification finds exactly the brute-force pairs above the threshold, away from the
    /// threshold's edge (within 0.05 of it, LSH may miss a pair with small probability).
    #[test]
    fn finds_the_brute_force_pairs(
        seed in 0u64..1_000_000,
        bases in 1usize..6,
        copies in 0usize..4,
        edit in 0.0f64..0.08,
        shingle in 1usize..5,
        threshold in 0.5f64..0.95,
    ) {
        let docs = corpus(seed, bases, copies, 120, edit);
        let r = Dedup::builder().shingle(shingle).threshold(threshold).build().unwrap().run(&docs);
        let got = canonical(&r).1;
        for p in &got {
            proptest::prop_assert!(p.2 >= threshold);
        }
        let found: std::collections::HashSet<(String, String)> =
            got.iter().map(|p| (p.0.clone(), p.1.clone())).collect();
        for (a, b, j) in brute_force(&docs, shingle) {
            if j >= threshold + 0.05 {
                proptest::prop_assert!(found.contains(&(a.clone(), b.clone())), "missed {a} {b} {j}");
            }
            if j < threshold {
                proptest::prop_assert!(!found.contains(&(a.clone(), b.clone())));
            }
        }
    }

    /// The output depends neither on the input order nor on the number of threads.
    #[test]
    fn independent_of_order_and_threads(
        seed in 0u64..1_000_000,
        simhash in proptest::bool::ANY,
        shuffle_seed in 0u64..1000,
    ) {
        let docs = corpus(seed, 5, 3, 150, 0.03);
        let method = if simhash { Method::SimHash } else { Method::MinHash };
        let dedup = Dedup::builder().method(method).max_hamming(8).build().unwrap();
        let pool = |n| rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap();
        let one = pool(1).install(|| dedup.run(&docs));
        let mut shuffled = docs.clone();
        let mut rng = Rng::new(shuffle_seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let three = pool(3).install(|| dedup.run(&shuffled));
        proptest::prop_assert_eq!(canonical(&one), canonical(&three));
    }
}

#[test]
fn equal_bytes_counts_matching_positions() {
    for len in [0usize, 1, 7, 8, 9, 16, 256, 259] {
        let x: Vec<u8> = (0..len).map(|i| (i * 37 % 251) as u8).collect();
        let mut y = x.clone();
        for i in (0..len).step_by(3) {
            y[i] = y[i].wrapping_add(1 + (i % 200) as u8);
        }
        let want = x.iter().zip(&y).filter(|(p, q)| p == q).count();
        assert_eq!(equal_bytes(&x, &y), want, "len {len}");
        assert_eq!(equal_bytes(&x, &x), len);
    }
}

#[test]
fn bit_sketch_layout_fills_256_bits() {
    assert_eq!(sketch_layout(1024), (256, 1));
    assert_eq!(sketch_layout(256), (256, 1));
    assert_eq!(sketch_layout(200), (200, 1));
    assert_eq!(sketch_layout(128), (128, 2));
    assert_eq!(sketch_layout(80), (80, 2));
    assert_eq!(sketch_layout(64), (64, 4));
    assert_eq!(sketch_layout(8), (8, 8));
    for k in 8..=1024 {
        let (values, per_value) = sketch_layout(k);
        assert!(values <= k && values * per_value <= SKETCH_BITS, "{k}");
        assert_eq!(64 % per_value, 0);
    }
    // One bit per value: the figures of the docs.
    assert_eq!(sketch_max_differ(0.8, 256, 1), 55);
    assert_eq!(sketch_max_differ(0.8, 128, 2), 61);
    // More bits per value: the bound in standard deviations, not the count, stays the same.
    assert!(sketch_max_differ(0.8, 128, 2) > sketch_max_differ(0.8, 128, 1));
}

#[test]
fn id_prefix_orders_like_the_id() {
    let ids = [
        "",
        "\0",
        "a",
        "a\0",
        "a\0b",
        "ab",
        "abcdefgh",
        "abcdefgh\0",
        "abcdefghi",
        "abcdefgi",
        "b",
        "é",
        "d000001",
        "d000010",
        "d1",
    ];
    for x in ids {
        for y in ids {
            let key = |s: &'static str| (super::id_prefix(s), s);
            assert_eq!(key(x).cmp(&key(y)), x.cmp(y), "{x:?} {y:?}");
        }
    }
}
