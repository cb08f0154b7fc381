//! B-cubed quality of event and story clustering on `fixtures/events/` and the seeds.

use std::collections::HashMap;
use std::path::Path;

use crosscheck::Document;
use crosscheck::cluster::{BCubed, ClusterConfig, Clusterer, bcubed};
use crosscheck::corpus::{Corpus, IngestOptions};

fn fixture(name: &str) -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/events")
        .join(name);
    Corpus::open(&[path], IngestOptions::default())
        .expect("open")
        .read_all()
        .expect("read")
        .documents
}

fn truth() -> HashMap<String, (String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/events/truth.jsonl");
    std::fs::read_to_string(path)
        .expect("truth")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            let s = |k: &str| v[k].as_str().expect("string").to_string();
            (s("id"), (s("event"), s("story")))
        })
        .collect()
}

fn strip_dates(docs: &[Document]) -> Vec<Document> {
    docs.iter()
        .cloned()
        .map(|mut d| {
            d.meta.published = None;
            d
        })
        .collect()
}

/// (event, story) B-cubed scores of `clusterer` on `docs`.
fn score(clusterer: &Clusterer, docs: &[Document]) -> (BCubed, BCubed) {
    let truth = truth();
    let c = clusterer.cluster(docs);
    let ev_true: Vec<&str> = docs.iter().map(|d| truth[&d.meta.id].0.as_str()).collect();
    let st_true: Vec<&str> = docs.iter().map(|d| truth[&d.meta.id].1.as_str()).collect();
    (
        bcubed(c.event_labels(), &ev_true),
        bcubed(c.story_labels(), &st_true),
    )
}

fn sets() -> Vec<(&'static str, Vec<Document>)> {
    let full = fixture("articles.jsonl");
    let short = fixture("excerpts.jsonl");
    vec![
        ("full", full.clone()),
        ("full-nodate", strip_dates(&full)),
        ("excerpt", short.clone()),
        ("excerpt-nodate", strip_dates(&short)),
    ]
}

#[test]
fn default_thresholds_on_fixtures() {
    let clusterer = Clusterer::new();
    for (name, docs) in sets() {
        let (event, story) = score(&clusterer, &docs);
        eprintln!("{name}: event {event:?} story {story:?}");
        let bar = if name.starts_with("full") { 0.95 } else { 0.90 };
        assert!(event.f1 >= bar, "{name}: event F1 {:.3} < {bar}", event.f1);
        assert!(story.f1 >= 0.85, "{name}: story F1 {:.3}", story.f1);
    }
}

/// The candidate budget (off by default): one larger than any document's postings changes
/// nothing; a tight one still leaves the events of the fixtures above the bar, and its result
/// does not depend on the thread count.
#[test]
fn candidate_budget() {
    let unbounded = Clusterer::new();
    let generous = ClusterConfig::builder()
        .candidate_budget(1 << 20)
        .build()
        .expect("config");
    let tight = ClusterConfig::builder()
        .candidate_budget(16)
        .build()
        .expect("config");
    for (name, docs) in sets() {
        assert_eq!(
            labels_by_id(&docs, &generous),
            labels_by_id(&docs, &unbounded),
            "{name}: a budget nobody reaches"
        );
        let (event, _) = score(&tight, &docs);
        let bar = if name.starts_with("full") { 0.95 } else { 0.90 };
        assert!(
            event.f1 >= bar,
            "{name}: budget 16, event F1 {:.3}",
            event.f1
        );
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool");
        let two = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("pool");
        assert_eq!(
            one.install(|| labels_by_id(&docs, &tight)),
            two.install(|| labels_by_id(&docs, &tight)),
            "{name}: budget 16, 1 vs 2 threads"
        );
    }
}

/// `cargo test --test cluster_quality sweep -- --ignored --nocapture` prints F1 per threshold.
#[test]
#[ignore]
fn sweep() {
    let sets = sets();
    for t in [
        0.10f32, 0.14, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6,
    ] {
        let mut line = format!("event {t:.2}:");
        for (name, docs) in &sets {
            let c = ClusterConfig::builder()
                .event_threshold(t)
                .story_threshold(t.min(0.1))
                .build()
                .expect("config");
            let (event, _) = score(&c, docs);
            line += &format!(
                " {name} {:.3} (p {:.2} r {:.2})",
                event.f1, event.precision, event.recall
            );
        }
        eprintln!("{line}");
    }
    for s in [0.04f32, 0.06, 0.08, 0.1, 0.12, 0.15] {
        let mut line = format!("story {s:.2}:");
        for (name, docs) in &sets {
            let c = ClusterConfig::builder()
                .story_threshold(s)
                .build()
                .expect("config");
            let (_, story) = score(&c, docs);
            line += &format!(
                " {name} {:.3} (p {:.2} r {:.2})",
                story.f1, story.precision, story.recall
            );
        }
        eprintln!("{line}");
    }
}

/// Per document id: (event id, story id).
fn labels_by_id(docs: &[Document], clusterer: &Clusterer) -> Vec<(String, String, String)> {
    let c = clusterer.cluster(docs);
    let mut v: Vec<_> = (0..docs.len())
        .map(|i| {
            (
                docs[i].meta.id.clone(),
                c.event_of(i).id.to_string(),
                c.story_of(i).id.to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn independent_of_input_order_and_thread_count(
        seed in proptest::prelude::any::<u64>(),
        threads in 1usize..5,
        take in 2usize..31,
    ) {
        let mut docs = fixture("excerpts.jsonl");
        docs.truncate(take);
        let clusterer = Clusterer::new();
        let expected = labels_by_id(&docs, &clusterer);
        // A seeded Fisher-Yates shuffle.
        let mut state = seed | 1;
        for i in (1..docs.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            docs.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
        let got = pool.install(|| labels_by_id(&docs, &clusterer));
        proptest::prop_assert_eq!(got, expected);
    }
}
