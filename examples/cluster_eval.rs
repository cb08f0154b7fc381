//! Event and story B-cubed of the clusterer on a generated corpus, with settings from the
//! command line: `cargo run --release --example cluster_eval -- DIR [event story entity number
//! date title excerpt_words]` (DIR holds `corpus.jsonl` and `truth.jsonl` from `crosscheck
//! generate`; `excerpt_words` > 0 cuts every text to its first that many words).

use std::collections::HashMap;

use crosscheck::cluster::{ClusterConfig, EventPipeline, bcubed};
use crosscheck::corpus::{Corpus, IngestOptions};
use crosscheck::dedup::Dedup;

fn main() -> crosscheck::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new(&args[0]);
    let num = |i: usize, default: f32| args.get(i).map_or(default, |s| s.parse().expect("number"));
    let d = ClusterConfig::default();
    let corpus = Corpus::open(&[dir.join("corpus.jsonl")], IngestOptions::default())?;
    let mut docs = corpus.read_all()?.documents;
    let excerpt = num(7, 0.0) as usize;
    if excerpt > 0 {
        for doc in &mut docs {
            doc.text = doc
                .text
                .split_whitespace()
                .take(excerpt)
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    let mut truth: HashMap<String, (String, String)> = HashMap::new();
    for line in std::fs::read_to_string(dir.join("truth.jsonl"))
        .expect("truth")
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let s = |k: &str| v[k].as_str().expect(k).to_string();
        truth.insert(s("id"), (s("event"), s("story")));
    }
    let clusterer = ClusterConfig::builder()
        .event_threshold(num(1, d.event_threshold()))
        .story_threshold(num(2, d.story_threshold()))
        .feature_weights(num(3, 1.5), num(4, 3.0), num(5, 4.0))
        .title_weight(num(6, 2.0))
        .build()?;
    let start = std::time::Instant::now();
    let out = EventPipeline::new(Dedup::builder().build()?, clusterer).run(&docs);
    let elapsed = start.elapsed();
    let c = out.clustering();
    let t_event: Vec<&str> = docs.iter().map(|d| truth[&d.meta.id].0.as_str()).collect();
    let t_story: Vec<&str> = docs.iter().map(|d| truth[&d.meta.id].1.as_str()).collect();
    let e = bcubed(c.event_labels(), &t_event);
    let s = bcubed(c.story_labels(), &t_story);
    println!(
        "docs {} events {} stories {} | event P {:.4} R {:.4} F1 {:.4} | story P {:.4} R {:.4} F1 {:.4} | {:.2?}",
        docs.len(),
        c.events().len(),
        c.stories().len(),
        e.precision,
        e.recall,
        e.f1,
        s.precision,
        s.recall,
        s.f1,
        elapsed
    );
    Ok(())
}
