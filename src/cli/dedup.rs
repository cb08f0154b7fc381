//! `crosscheck dedup`: near-duplicate groups, the deduplicated corpus, or the verified pairs.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use clap::ValueEnum;
use crosscheck::cluster::Group;
use crosscheck::corpus::{Corpus, Format as SourceFormat};
use crosscheck::dedup::{Dedup, Deduplicated, Method, Pair, Stage};
use crosscheck::{Document, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use super::input::report_skipped;
use super::output::output_error;
use super::{InputArgs, Outcome, Output};

/// Find exact and near-duplicate copies (syndicated wire copies, edited reprints) and write the
/// groups, the deduplicated corpus, or the verified pairs.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Jaccard similarity of word-shingle sets at or above which two documents are copies.
    #[arg(long, default_value_t = 0.8, value_name = "J")]
    threshold: f64,

    /// How candidate pairs are found; every pair is verified with the exact Jaccard similarity.
    #[arg(long, value_enum, default_value_t = MethodArg::Minhash)]
    method: MethodArg,

    /// Output format. By default, text when standard output is a terminal, else jsonl.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// What to write: one line per document with its group, one record per group (the
    /// deduplicated corpus), or the verified pairs.
    #[arg(long, value_enum, default_value_t = Emit::Groups)]
    emit: Emit,

    /// Shingle length in words.
    #[arg(long, default_value_t = 1, value_name = "N")]
    shingle: usize,

    /// MinHash values per document.
    #[arg(long, default_value_t = 256, value_name = "K")]
    num_hashes: usize,

    /// SimHash Hamming radius for candidates (with --method simhash).
    #[arg(long, default_value_t = 3, value_name = "K")]
    max_hamming: u32,

    /// Print counts, sizes and timings on stderr.
    #[arg(long, hide = true)]
    stats: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MethodArg {
    Minhash,
    Simhash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Jsonl,
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Emit {
    Groups,
    Keep,
    Pairs,
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<Outcome> {
    let dedup = Dedup::builder()
        .threshold(args.threshold)
        .method(match args.method {
            MethodArg::Minhash => Method::MinHash,
            MethodArg::Simhash => Method::SimHash,
        })
        .shingle(args.shingle)
        .num_hashes(args.num_hashes)
        .max_hamming(args.max_hamming)
        .build()?;
    let started = std::time::Instant::now();
    let corpus = args.input.open()?;
    let bar = progress_bar(&corpus);
    let stage = AtomicU8::new(0);
    let result = dedup.run_corpus(&corpus, &|s, bytes| {
        if s == Stage::Verify && stage.swap(1, Ordering::Relaxed) == 0 {
            bar.set_position(0);
            bar.set_message("verifying");
        }
        bar.inc(bytes);
    });
    bar.finish_and_clear();
    let result = result?;
    report_skipped(result.skipped());
    if args.stats {
        let s = result.stats();
        eprintln!(
            "crosscheck: {} documents, {} text bytes, {} candidate pairs ({} rejected), {} documents \
             read again, {} shingle sets kept from the first pass, {} bytes of state per document, {:.3} s (stages {:.3?})",
            s.documents,
            s.text_bytes,
            s.candidates,
            s.rejected,
            s.reread,
            s.cached,
            result.state_bytes_per_doc(),
            started.elapsed().as_secs_f64(),
            s.seconds
        );
    }

    let mut out = Output::stdout();
    let format = args.format.unwrap_or(if out.is_terminal() {
        FormatArg::Text
    } else {
        FormatArg::Jsonl
    });
    let kept = match args.emit {
        Emit::Keep => Some(kept_records(&corpus, &result)?),
        _ => None,
    };
    let w = out.writer();
    match (format, args.emit) {
        (FormatArg::Text, Emit::Pairs) => text_pairs(w, &result),
        (FormatArg::Text, _) => text_summary(w, &result),
        (FormatArg::Jsonl, Emit::Groups) => par_jsonl(w, result.groups(), |g, out| {
            jsonl_into(out, group_lines_of(&result, g))
        }),
        (FormatArg::Jsonl, Emit::Pairs) => par_jsonl(w, result.pairs(), |p, out| {
            jsonl_into(out, std::iter::once(pair_line(&result, p)))
        }),
        (format, Emit::Groups) => json_items(w, format, group_lines(&result)),
        (format, Emit::Pairs) => json_items(w, format, pair_lines(&result)),
        (format, Emit::Keep) => {
            let kept = kept.expect("computed above");
            raw_items(w, format, &kept)
        }
    }
    .map_err(output_error)?;
    out.finish()?;
    // The process exits right after this returns: freeing a large result (an id, a group and
    // a few arrays per document: about a tenth of the calling thread's work on 10k documents)
    // would only delay the exit, serially. The operating system takes the memory back. Only
    // `result` is left so (the corpus and error paths are freed as usual).
    std::mem::forget(result);
    Ok(Outcome::Clean)
}

fn progress_bar(corpus: &Corpus) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = corpus
        .sources()
        .iter()
        .filter_map(|s| std::fs::metadata(&s.path).ok())
        .map(|m| m.len())
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>13} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar.set_message("fingerprinting");
    bar
}

/// Rounds a similarity for display (the comparison with the threshold uses the exact value).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[derive(Serialize)]
struct GroupLine<'a> {
    id: &'a str,
    group: String,
    representative: bool,
    similarity: Option<f64>,
}

fn group_lines(r: &Deduplicated) -> impl Iterator<Item = GroupLine<'_>> {
    r.groups().iter().flat_map(move |g| group_lines_of(r, g))
}

/// The lines of one group's members, the representative first.
fn group_lines_of<'a>(r: &'a Deduplicated, g: &'a Group) -> impl Iterator<Item = GroupLine<'a>> {
    let group = g.id.to_string();
    g.members.iter().enumerate().map(move |(k, &m)| GroupLine {
        id: r.id(m),
        group: group.clone(),
        representative: k == 0,
        similarity: r.similarity(m).map(round4),
    })
}

#[derive(Serialize)]
struct PairLine<'a> {
    a: &'a str,
    b: &'a str,
    method: &'static str,
    jaccard: Option<f64>,
    hamming: Option<u32>,
    why: String,
}

fn why(r: &Deduplicated, p: &Pair) -> String {
    match (p.bands, p.hamming) {
        (Some(bands), _) => format!(
            "{bands} of {} LSH bands ({}x{} MinHash rows) agree; exact Jaccard {:.4} >= {}",
            r.lsh().bands(),
            r.lsh().bands(),
            r.lsh().rows(),
            p.jaccard,
            r.threshold()
        ),
        (None, Some(h)) => format!(
            "SimHash Hamming distance {h} <= {}; exact Jaccard {:.4} >= {}",
            r.max_hamming(),
            p.jaccard,
            r.threshold()
        ),
        (None, None) => format!("exact Jaccard {:.4} >= {}", p.jaccard, r.threshold()),
    }
}

fn pair_lines(r: &Deduplicated) -> impl Iterator<Item = PairLine<'_>> {
    r.pairs().iter().map(move |p| pair_line(r, p))
}

fn pair_line<'a>(r: &'a Deduplicated, p: &Pair) -> PairLine<'a> {
    PairLine {
        a: r.id(p.a),
        b: r.id(p.b),
        method: r.method().name(),
        jaccard: Some(round4(p.jaccard)),
        hamming: p.hamming,
        why: why(r, p),
    }
}

/// Appends items to `out` as JSON Lines.
fn jsonl_into<T: Serialize>(
    out: &mut Vec<u8>,
    items: impl Iterator<Item = T>,
) -> std::io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, &item)?;
        out.push(b'\n');
    }
    Ok(())
}

/// Writes the JSON Lines of `units` in order, formatting chunks of them in parallel (on the
/// rayon pool), one window at a time so that the formatted text in memory stays bounded.
fn par_jsonl<U: Sync>(
    w: &mut impl Write,
    units: &[U],
    lines: impl Fn(&U, &mut Vec<u8>) -> std::io::Result<()> + Sync,
) -> std::io::Result<()> {
    const CHUNK: usize = 512;
    const WINDOW: usize = 64 * CHUNK;
    for window in units.chunks(WINDOW) {
        let parts: Vec<Vec<u8>> = window
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut out = Vec::with_capacity(chunk.len() * 96);
                for u in chunk {
                    lines(u, &mut out)?;
                }
                Ok(out)
            })
            .collect::<std::io::Result<_>>()?;
        for part in &parts {
            w.write_all(part)?;
        }
    }
    Ok(())
}

/// Writes items as JSON Lines, or as one JSON array.
fn json_items<T: Serialize>(
    w: &mut impl Write,
    format: FormatArg,
    items: impl Iterator<Item = T>,
) -> std::io::Result<()> {
    let mut raw: Vec<Vec<u8>> = Vec::new();
    if format == FormatArg::Jsonl {
        for item in items {
            serde_json::to_writer(&mut *w, &item)?;
            w.write_all(b"\n")?;
        }
        return Ok(());
    }
    for item in items {
        raw.push(serde_json::to_vec(&item)?);
    }
    raw_items(w, format, &raw)
}

/// Writes records that are already JSON objects, as JSON Lines or one JSON array.
fn raw_items(w: &mut impl Write, format: FormatArg, items: &[Vec<u8>]) -> std::io::Result<()> {
    match format {
        FormatArg::Json => {
            w.write_all(b"[")?;
            for (k, item) in items.iter().enumerate() {
                w.write_all(if k == 0 { b"\n" } else { b",\n" })?;
                w.write_all(item)?;
            }
            w.write_all(if items.is_empty() { b"]\n" } else { b"\n]\n" })
        }
        _ => {
            for item in items {
                w.write_all(item)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        }
    }
}

/// The representative of every group, as a JSON object: the original line for JSON Lines
/// input, `{id, text, title?, source?, url?, published?}` for a text file.
fn kept_records(corpus: &Corpus, r: &Deduplicated) -> Result<Vec<Vec<u8>>> {
    let reps: Vec<u32> = r.groups().iter().map(|g| g.representative()).collect();
    let is_text = |i: u32| {
        r.docs()[i as usize]
            .origin
            .is_some_and(|o| corpus.sources()[o.source as usize].format == SourceFormat::Text)
    };
    // Whole-file documents are read again through the reader (front matter parsed), only when
    // some representative is one.
    let mut text_docs: std::collections::HashMap<String, Document> = Default::default();
    if reps.iter().any(|&i| is_text(i)) {
        let wanted: std::collections::HashSet<&str> = reps
            .iter()
            .filter(|&&i| is_text(i))
            .map(|&i| r.id(i))
            .collect();
        for doc in corpus.reader() {
            let doc = doc?;
            if wanted.contains(doc.meta.id.as_str()) {
                text_docs.insert(doc.meta.id.clone(), doc);
            }
        }
    }
    reps.iter()
        .map(|&i| {
            let info = &r.docs()[i as usize];
            let origin = info.origin.expect("corpus documents have an origin");
            if let Some(doc) = text_docs.get(&*info.id) {
                Ok(text_record(doc))
            } else {
                corpus.raw_record(&origin)
            }
        })
        .collect()
}

fn text_record(doc: &Document) -> Vec<u8> {
    #[derive(Serialize)]
    struct Record<'a> {
        id: &'a str,
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        published: Option<String>,
    }
    let m = &doc.meta;
    serde_json::to_vec(&Record {
        id: &m.id,
        text: &doc.text,
        title: m.title.as_deref(),
        source: m.source.as_deref(),
        url: m.url.as_deref(),
        published: m.published.map(|d| d.to_string()),
    })
    .expect("strings serialize")
}

fn text_summary(w: &mut impl Write, r: &Deduplicated) -> std::io::Result<()> {
    let n = r.docs().len();
    let copies = r.groups().iter().filter(|g| g.members.len() > 1).count();
    let redundant: usize = r.groups().iter().map(|g| g.members.len() - 1).sum();
    writeln!(
        w,
        "{n} document{}, {} group{}: {copies} with copies ({redundant} redundant document{}), \
         {} verified pair{}",
        plural(n),
        r.groups().len(),
        plural(r.groups().len()),
        plural(redundant),
        r.pairs().len(),
        plural(r.pairs().len()),
    )?;
    writeln!(
        w,
        "method {}, Jaccard threshold {}",
        r.method().name(),
        r.threshold()
    )?;
    let mut largest: Vec<_> = r.groups().iter().filter(|g| g.members.len() > 1).collect();
    largest.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    for g in largest.iter().take(10) {
        writeln!(w)?;
        writeln!(w, "group {} ({} documents)", g.id, g.members.len())?;
        for &m in g.members.iter().take(8) {
            match r.similarity(m) {
                None => writeln!(w, "  * {}  (representative)", r.id(m))?,
                Some(s) => writeln!(w, "    {}  similarity {:.3}", r.id(m), s)?,
            }
        }
        if g.members.len() > 8 {
            writeln!(w, "    ... and {} more", g.members.len() - 8)?;
        }
    }
    if largest.len() > 10 {
        writeln!(
            w,
            "\n... and {} more groups with copies",
            largest.len() - 10
        )?;
    }
    Ok(())
}

fn text_pairs(w: &mut impl Write, r: &Deduplicated) -> std::io::Result<()> {
    writeln!(
        w,
        "{} verified pair{} (method {}, Jaccard threshold {})",
        r.pairs().len(),
        plural(r.pairs().len()),
        r.method().name(),
        r.threshold()
    )?;
    for p in r.pairs() {
        writeln!(w, "  {}  {}  {}", r.id(p.a), r.id(p.b), why(r, p))?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
