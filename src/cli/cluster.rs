//! `crosscheck cluster`: events and stories, one line per document.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use crosscheck::Document;
use crosscheck::cluster::{Cluster, ClusterConfig, EventPipeline, Explanation, GroupedClustering};
use crosscheck::dedup::Dedup;
use crosscheck::timings::Timings;
use serde::Serialize;
use serde_json::json;

use super::input::report_skipped;
use super::output::output_error;
use super::{InputArgs, Outcome, Output};

/// Group articles about the same event and, one level up, the same ongoing story.
///
/// Prints one record per document, `{"id", "event", "story", "group"}`, sorted by document id,
/// where `group` is the near-duplicate group (as `crosscheck dedup` finds it with its defaults);
/// a group always lies inside one event. Ids are stable: a hash of the cluster's smallest
/// document id (of the group's representative for groups).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Output format: JSON Lines (one record per document), one JSON document, or text for a
    /// terminal (stories, their events, and each article's date, source and title). By default,
    /// text on a terminal and JSON Lines otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Minimum average cosine similarity inside an event. Raise it to split events more finely.
    #[arg(long, value_name = "X", default_value_t = ClusterConfig::default().event_threshold())]
    event_threshold: f32,

    /// Minimum average cosine similarity inside a story; at most the event threshold.
    #[arg(long, value_name = "Y", default_value_t = ClusterConfig::default().story_threshold())]
    story_threshold: f32,

    /// Articles published more than D days apart are never one event (undated articles are
    /// judged on their text alone).
    #[arg(long, value_name = "D", default_value_t = ClusterConfig::default().window_days())]
    window_days: u32,

    /// Score at most N postings per document in the candidate search, its strongest features
    /// first. Bounds the work per document on very large corpora (768: about 6% less time at
    /// 1M documents) at a cost in story recall. By default, no bound.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    candidate_budget: Option<u32>,

    /// Add, per cluster, the shared terms and entities and the pairwise similarities.
    #[arg(long)]
    explain: bool,

    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print the wall-clock and CPU time of each phase (reading, dedup, each clustering step,
    /// writing) and the peak memory to standard error.
    #[arg(long)]
    timings: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON record per line, per document.
    Jsonl,
    /// A single JSON document with documents, events and stories.
    Json,
    /// Readable clusters for a terminal.
    Text,
}

/// One output line per document.
#[derive(Serialize)]
struct DocRecord<'a> {
    id: &'a str,
    event: String,
    story: String,
    group: String,
}

pub fn run(args: Args) -> crosscheck::Result<Outcome> {
    let mut timings = Timings::when(args.timings);
    let t = timings.start();
    let corpus = args.input.open()?;
    let ingested = corpus.read_all()?;
    timings.record("read", t);
    report_skipped(&ingested.skipped);
    let docs = ingested.documents;
    let default = ClusterConfig::default();
    let mut builder = ClusterConfig::builder();
    builder
        .event_threshold(args.event_threshold)
        .story_threshold(args.story_threshold)
        .window_days(args.window_days)
        .story_window_days(default.story_window_days().max(args.window_days))
        .explain(args.explain);
    if let Some(n) = args.candidate_budget {
        builder.candidate_budget(n as usize);
    }
    let clusterer = builder.build()?;
    let pipeline = EventPipeline::new(Dedup::builder().build()?, clusterer);
    let grouped = pipeline.run_timed(&docs, &mut timings);
    let clustering = &grouped;
    let t = timings.start();

    let mut out = Output::to(args.output.as_deref())?;
    let format = args.format.unwrap_or(if out.is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let w = out.writer();
    match format {
        Format::Jsonl => write_jsonl(w, &docs, clustering, args.explain),
        Format::Json => write_json(w, &docs, clustering, args.explain),
        Format::Text => write_text(w, &docs, clustering, args.explain),
    }
    .map_err(output_error)?;
    out.finish()?;
    timings.record("write", t);
    if args.timings {
        eprint!("{}", timings.render());
    }
    Ok(Outcome::Clean)
}

/// Input indices sorted by document id.
fn by_id(docs: &[Document]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].meta.id.cmp(&docs[b].meta.id).then(a.cmp(&b)));
    order
}

fn doc_record<'a>(docs: &'a [Document], g: &GroupedClustering, i: usize) -> DocRecord<'a> {
    let c = g.clustering();
    DocRecord {
        id: &docs[i].meta.id,
        event: c.event_of(i).id.to_string(),
        story: c.story_of(i).id.to_string(),
        group: g.group_id(i).to_string(),
    }
}

fn explain_json(docs: &[Document], e: &Explanation) -> serde_json::Value {
    json!({
        "cohesion": round(e.cohesion),
        "shared": e.shared.iter().map(|s| json!({
            "feature": s.feature.to_string(),
            "weight": round(s.weight),
            "members": s.members,
        })).collect::<Vec<_>>(),
        "pairs": e.pairs.iter().map(|p| json!({
            "a": docs[p.a].meta.id,
            "b": docs[p.b].meta.id,
            "similarity": round(p.similarity),
        })).collect::<Vec<_>>(),
    })
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn cluster_json(docs: &[Document], level: &str, cl: &Cluster, explain: bool) -> serde_json::Value {
    let mut v = json!({
        "level": level,
        "cluster": cl.id.to_string(),
        "size": cl.members.len(),
        "members": cl.members.iter().map(|&i| docs[i].meta.id.as_str()).collect::<Vec<_>>(),
    });
    if explain && let Some(e) = &cl.explanation {
        v["explain"] = explain_json(docs, e);
    }
    v
}

fn write_jsonl(
    w: &mut impl Write,
    docs: &[Document],
    g: &GroupedClustering,
    explain: bool,
) -> std::io::Result<()> {
    let c = g.clustering();
    for i in by_id(docs) {
        serde_json::to_writer(&mut *w, &doc_record(docs, g, i))?;
        w.write_all(b"\n")?;
    }
    if explain {
        for (level, clusters) in [("event", c.events()), ("story", c.stories())] {
            for cl in clusters.iter().filter(|cl| cl.members.len() > 1) {
                serde_json::to_writer(&mut *w, &cluster_json(docs, level, cl, true))?;
                w.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

fn write_json(
    w: &mut impl Write,
    docs: &[Document],
    g: &GroupedClustering,
    explain: bool,
) -> std::io::Result<()> {
    let c = g.clustering();
    let documents: Vec<DocRecord<'_>> = by_id(docs)
        .into_iter()
        .map(|i| doc_record(docs, g, i))
        .collect();
    let events: Vec<_> = c
        .events()
        .iter()
        .map(|cl| cluster_json(docs, "event", cl, explain))
        .collect();
    let stories: Vec<_> = c
        .stories()
        .iter()
        .map(|cl| cluster_json(docs, "story", cl, explain))
        .collect();
    serde_json::to_writer_pretty(
        &mut *w,
        &json!({"documents": documents, "events": events, "stories": stories}),
    )?;
    w.write_all(b"\n")
}

/// The title, or the first non-empty line, shortened to `max` characters.
fn headline(doc: &Document, max: usize) -> String {
    let line = doc
        .meta
        .title
        .as_deref()
        .or_else(|| {
            // The first line that reads like a sentence: skips "Select Page" and bylines.
            let mut lines = doc.text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.clone().next();
            lines.find(|l| l.split_whitespace().count() >= 5).or(first)
        })
        .unwrap_or("");
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

fn date_range(docs: &[Document], members: &[usize]) -> String {
    let mut dates: Vec<_> = members
        .iter()
        .filter_map(|&i| docs[i].meta.published)
        .collect();
    dates.sort();
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => format!(", {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn write_text(
    w: &mut impl Write,
    docs: &[Document],
    g: &GroupedClustering,
    explain: bool,
) -> std::io::Result<()> {
    let c = g.clustering();
    // Stories with most documents first, then by id; events likewise inside each story.
    let mut stories: Vec<&Cluster> = c.stories().iter().collect();
    stories.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then(a.id.cmp(&b.id)));
    let id_width = docs
        .iter()
        .map(|d| d.meta.id.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let date_width = if docs.iter().any(|d| d.meta.published.is_some()) {
        12
    } else {
        0
    };
    let source_width = docs
        .iter()
        .filter_map(|d| d.meta.source.as_deref())
        .map(|s| s.chars().count() + 2)
        .max()
        .unwrap_or(0)
        .min(18);
    writeln!(
        w,
        "{} in {} and {}",
        plural(docs.len(), "document"),
        plural(c.events().len(), "event"),
        plural(c.stories().len(), "story").replace("storys", "stories"),
    )?;
    for story in stories {
        let story_index = c.story_labels()[story.members[0]];
        let mut events: Vec<&Cluster> = c
            .events()
            .iter()
            .filter(|e| c.story_labels()[e.members[0]] == story_index)
            .collect();
        events.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then(a.id.cmp(&b.id)));
        writeln!(w)?;
        writeln!(
            w,
            "story {}: {}, {}{}",
            story.id,
            plural(events.len(), "event"),
            plural(story.members.len(), "document"),
            date_range(docs, &story.members)
        )?;
        if explain && let Some(e) = &story.explanation {
            write_explanation(w, docs, e, "  ")?;
        }
        for event in events {
            writeln!(
                w,
                "  event {}: {}{}",
                event.id,
                plural(event.members.len(), "document"),
                date_range(docs, &event.members)
            )?;
            // Each group's representative, then its copies indented under it.
            for &i in &event.members {
                let group = g.group_of(i);
                if group.representative() as usize != i {
                    continue;
                }
                for (k, &m) in group.members.iter().enumerate() {
                    let d = &docs[m as usize];
                    let date = d.meta.published.map(|p| p.to_string()).unwrap_or_default();
                    let source = d.meta.source.as_deref().unwrap_or("");
                    let (mark, width) = if k == 0 {
                        ("", id_width)
                    } else {
                        ("= ", id_width.saturating_sub(2))
                    };
                    writeln!(
                        w,
                        "    {mark}{:<width$}  {date:<date_width$}{:<source_width$}{}",
                        d.meta.id,
                        headline_of(source, source_width.saturating_sub(2)),
                        headline(d, 72)
                    )?;
                }
            }
            if explain && let Some(e) = &event.explanation {
                write_explanation(w, docs, e, "      ")?;
            }
        }
    }
    Ok(())
}

fn headline_of(s: &str, max: usize) -> String {
    if max == 0 {
        String::new()
    } else if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn write_explanation(
    w: &mut impl Write,
    docs: &[Document],
    e: &Explanation,
    indent: &str,
) -> std::io::Result<()> {
    let shared: Vec<String> = e.shared.iter().map(|s| s.feature.to_string()).collect();
    writeln!(w, "{indent}shared: {}", shared.join(", "))?;
    let pairs: Vec<String> = e
        .pairs
        .iter()
        .map(|p| {
            format!(
                "{}~{} {:.2}",
                docs[p.a].meta.id, docs[p.b].meta.id, p.similarity
            )
        })
        .collect();
    writeln!(
        w,
        "{indent}cohesion {:.2}; pairs: {}",
        e.cohesion,
        pairs.join(", ")
    )
}
