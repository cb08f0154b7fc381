//! Corpus-level checks: determinism, ids, truth structure, and the similarity distribution that
//! makes the truth meaningful (copies are copies, independent write-ups are not).

use super::*;

fn corpus(docs: usize, seed: u64, dup_rate: f64) -> Vec<Record> {
    Generator::new(Config {
        docs,
        seed,
        dup_rate,
        ..Config::default()
    })
    .expect("valid config")
    .collect()
}

/// Shingle Jaccard over pairs of a corpus, by relation.
#[derive(Debug, Default)]
struct Distribution {
    /// Copy and its base.
    base_copy: Vec<f64>,
    /// Two copies of one base.
    copy_copy: Vec<f64>,
    /// Different groups, same event (independent write-ups and their copies).
    same_event: Vec<f64>,
    /// Different events, same story.
    same_story: Vec<f64>,
    /// Everything else.
    other_max: f64,
    other_pairs: usize,
}

fn distribution(docs: &[Record]) -> Distribution {
    let sh: Vec<Vec<u64>> = docs.iter().map(|d| shingles(&d.text)).collect();
    let mut dist = Distribution::default();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (a, b) = (&docs[i], &docs[j]);
            let jac = jaccard_sets(&sh[i], &sh[j]);
            if a.group == b.group {
                if a.base.is_none() || b.base.is_none() {
                    dist.base_copy.push(jac);
                } else {
                    dist.copy_copy.push(jac);
                }
            } else if a.event == b.event {
                dist.same_event.push(jac);
            } else if a.story == b.story {
                dist.same_story.push(jac);
            } else {
                dist.other_max = dist.other_max.max(jac);
                dist.other_pairs += 1;
            }
        }
    }
    dist
}

fn share_at_least(v: &[f64], t: f64) -> f64 {
    v.iter().filter(|&&x| x >= t).count() as f64 / v.len().max(1) as f64
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(1.0, f64::min)
}

fn quantiles(v: &[f64]) -> String {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return "none".into();
    }
    let q = |p: f64| s[((s.len() - 1) as f64 * p) as usize];
    format!(
        "n={} min={:.3} p05={:.3} p50={:.3} p95={:.3} max={:.3}",
        s.len(),
        s[0],
        q(0.05),
        q(0.5),
        q(0.95),
        s[s.len() - 1]
    )
}

fn report(dist: &Distribution) {
    println!("base-copy : {}", quantiles(&dist.base_copy));
    println!(
        "            >=0.8: {:.3}  >=0.6: {:.3}",
        share_at_least(&dist.base_copy, 0.8),
        share_at_least(&dist.base_copy, 0.6)
    );
    println!("copy-copy : {}", quantiles(&dist.copy_copy));
    println!(
        "            >=0.8: {:.3}  >=0.6: {:.3}",
        share_at_least(&dist.copy_copy, 0.8),
        share_at_least(&dist.copy_copy, 0.6)
    );
    println!("same event: {}", quantiles(&dist.same_event));
    println!("same story: {}", quantiles(&dist.same_story));
    println!(
        "unrelated : n={} max={:.3}",
        dist.other_pairs, dist.other_max
    );
}

#[test]
fn copies_are_copies_and_write_ups_are_not() {
    let docs = corpus(400, 11, 0.3);
    let dist = distribution(&docs);
    report(&dist);
    assert!(dist.base_copy.len() > 50 && dist.same_event.len() > 100);
    // Hard copies are 5% by default: nearly all base-copy pairs are at 0.85 or more.
    assert!(share_at_least(&dist.base_copy, 0.85) >= 0.9);
    assert!(min(&dist.base_copy) >= 0.6);
    assert!(share_at_least(&dist.copy_copy, 0.6) >= 0.9);
    assert!(max(&dist.same_event) < 0.3, "{}", max(&dist.same_event));
    assert!(max(&dist.same_story) < 0.3);
    assert!(dist.other_max < 0.3);
}

/// The figures for the report: `cargo test --release --lib generate::tests::distribution_large
/// -- --ignored --nocapture`.
#[test]
#[ignore]
fn distribution_large() {
    let docs = corpus(3000, 1, 0.3);
    report(&distribution(&docs));
}

#[test]
fn same_config_same_documents() {
    assert_eq!(corpus(300, 5, 0.3), corpus(300, 5, 0.3));
    assert_ne!(corpus(50, 5, 0.3), corpus(50, 6, 0.3));
}

#[test]
fn ids_are_a_padded_permutation() {
    let docs = corpus(1000, 2, 0.3);
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert!(ids.iter().all(|id| id.len() == 5 && id.starts_with('d')));
    // Copies are not next to their base in the output.
    let adjacent = docs.windows(2).filter(|w| w[0].group == w[1].group).count();
    assert!(adjacent > 0, "generation order keeps groups together");
    ids.sort_unstable();
    let want: Vec<String> = (1..=1000).map(|i| format!("d{i:04}")).collect();
    assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
    for d in &docs {
        assert_eq!(d.id, format!("d{:04}", d.position + 1));
    }
}

#[test]
fn truth_is_nested_and_copies_name_their_base() {
    let docs = corpus(600, 3, 0.4);
    let by_id: std::collections::BTreeMap<&str, &Record> =
        docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut group_event = std::collections::BTreeMap::new();
    let mut event_story = std::collections::BTreeMap::new();
    for d in &docs {
        assert_eq!(*group_event.entry(&d.group).or_insert(&d.event), &d.event);
        assert_eq!(*event_story.entry(&d.event).or_insert(&d.story), &d.story);
        if let Some(base) = &d.base {
            let b = by_id.get(base.as_str()).expect("base in corpus");
            assert!(b.base.is_none() && b.group == d.group);
            assert!(!d.edits.is_empty());
        } else {
            assert!(d.edits.is_empty());
        }
        let words = d.text.split_whitespace().count();
        assert!((120..=900).contains(&words), "{words} words");
    }
    let copies = docs.iter().filter(|d| d.base.is_some()).count() as f64 / docs.len() as f64;
    assert!((0.3..0.5).contains(&copies), "copy share {copies}");
    // Several outlets per event, several events per story.
    assert!(group_event.len() > event_story.len() * 3 / 2);
}

#[test]
fn figure_and_date_changes_are_recorded_with_both_values() {
    let docs = corpus(1500, 4, 0.5);
    let mut figures = 0;
    let mut dates = 0;
    for d in &docs {
        for e in &d.edits {
            match e {
                Edit::Figure { old, new, .. } => {
                    assert_ne!(old, new);
                    assert!(d.text.contains(new.as_str()));
                    figures += 1;
                }
                Edit::Date { old, new, replaced } => {
                    assert_ne!(old, new);
                    assert!(!replaced.is_empty());
                    dates += 1;
                }
                _ => {}
            }
        }
    }
    assert!(
        figures > 10 && dates > 5,
        "{figures} figure and {dates} date changes"
    );
}

#[test]
fn files_are_written_in_id_order_and_reproducibly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config {
        docs: 200,
        seed: 9,
        ..Config::default()
    };
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    let summary = write(&config, &a).expect("write");
    write(&config, &b).expect("write");
    assert_eq!(summary.docs, 200);
    for f in ["corpus.jsonl", "truth.jsonl", "edits.jsonl"] {
        let x = std::fs::read(a.join(f)).unwrap();
        assert_eq!(x, std::fs::read(b.join(f)).unwrap(), "{f} differs");
    }
    let corpus = std::fs::read_to_string(a.join("corpus.jsonl")).unwrap();
    let truth = std::fs::read_to_string(a.join("truth.jsonl")).unwrap();
    assert_eq!(corpus.lines().count(), 200);
    for (i, (c, t)) in corpus.lines().zip(truth.lines()).enumerate() {
        let c: serde_json::Value = serde_json::from_str(c).unwrap();
        let t: serde_json::Value = serde_json::from_str(t).unwrap();
        assert_eq!(c["id"], format!("d{:03}", i + 1));
        assert_eq!(c["id"], t["id"]);
        assert!(c["published"].as_str().unwrap().len() == 10);
    }
    let edits = std::fs::read_to_string(a.join("edits.jsonl")).unwrap();
    assert_eq!(edits.lines().count(), summary.copies);
    // The tool's own reader accepts the corpus.
    let ingested = crate::Corpus::open(&[a.join("corpus.jsonl")], Default::default())
        .and_then(|c| c.read_all())
        .expect("ingest");
    assert_eq!(ingested.documents.len(), 200);
}

#[test]
fn bad_configs_are_refused() {
    for rate in [-0.1, 0.96, f64::NAN] {
        let config = Config {
            dup_rate: rate,
            ..Config::default()
        };
        assert!(Generator::new(config).is_err());
        let config = Config {
            hard_rate: rate + 0.05,
            ..Config::default()
        };
        assert!(Generator::new(config).is_err());
    }
}

#[test]
#[ignore]
fn worst_same_event_pair() {
    let docs = corpus(400, 11, 0.3);
    let bases: Vec<&Record> = docs.iter().filter(|d| d.base.is_none()).collect();
    let mut best = (0.0, 0, 0);
    for i in 0..bases.len() {
        for j in i + 1..bases.len() {
            if bases[i].event == bases[j].event {
                let jac = shingle_jaccard(&bases[i].text, &bases[j].text);
                if jac > best.0 {
                    best = (jac, i, j);
                }
            }
        }
    }
    println!(
        "{:.3}\n{}\n\n----\n\n{}",
        best.0, bases[best.1].text, bases[best.2].text
    );
}

#[test]
fn text_has_no_template_leftovers() {
    for d in corpus(800, 8, 0.3) {
        for s in [&d.title, &d.text] {
            for bad in ["{", "}", "[", "]", ",.", ",:", "  ", " ,", "..", "|]"] {
                assert!(!s.contains(bad), "{bad:?} in {s}");
            }
            assert!(s.chars().next().is_some_and(|c| !c.is_lowercase()), "{s}");
        }
    }
}

#[test]
fn bucketed_writing_equals_in_memory_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config {
        docs: 300,
        seed: 12,
        ..Config::default()
    };
    writer::write_in_buckets(&config, &dir.path().join("mem"), 1000).expect("write");
    writer::write_in_buckets(&config, &dir.path().join("files"), 7).expect("write");
    for f in ["corpus.jsonl", "truth.jsonl", "edits.jsonl"] {
        let a = std::fs::read(dir.path().join("mem").join(f)).unwrap();
        assert_eq!(
            a,
            std::fs::read(dir.path().join("files").join(f)).unwrap(),
            "{f}"
        );
    }
    // The temporary buckets are gone.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("files"))
        .unwrap()
        .collect();
    assert_eq!(left.len(), 3);
}
