//! `crosscheck claims INPUT... [--format jsonl|json|text] [--kinds quantity,date,quote]`

use std::io::Write;

use clap::ValueEnum;
use crosscheck::Result;
use crosscheck::claim::{Claim, Detail, Extractor, Kind};
use rayon::prelude::*;

use super::input::report_skipped;
use super::output::output_error;
use super::{InputArgs, Outcome, Output};

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines: one claim per line.
    Jsonl,
    /// One JSON array of claims.
    Json,
    /// Each document with its claims highlighted, then listed.
    Text,
}

/// Extract quantities, dates and quotes, with byte offsets into each document's text.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,

    /// The kinds of claims to extract, comma-separated. By default, all.
    #[arg(long, value_delimiter = ',', value_name = "KIND,...")]
    kinds: Vec<Kind>,

    /// Relative tolerance of approximate quantities (`around 50,000` is ±10% at 0.1).
    #[arg(long, default_value_t = 0.1, value_name = "FRACTION")]
    approx_tolerance: f64,
}

/// Runs `claims`.
pub fn run(args: Args) -> Result<Outcome> {
    if !(0.0..1.0).contains(&args.approx_tolerance) {
        return Err(crosscheck::Error::config(
            "--approx-tolerance must be at least 0 and below 1",
        ));
    }
    let corpus = args.input.open()?;
    let ingested = corpus.read_all()?;
    let mut extractor = Extractor::new().approx_tolerance(args.approx_tolerance);
    if !args.kinds.is_empty() {
        extractor = extractor.kinds(args.kinds.iter().copied());
    }
    let per_doc: Vec<Vec<Claim>> = ingested
        .documents
        .par_iter()
        .map(|d| extractor.extract(d))
        .collect();
    let mut out = Output::stdout();
    let colour = out.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let w = out.writer();
    match args.format {
        Format::Jsonl => {
            for claim in per_doc.iter().flatten() {
                serde_json::to_writer(&mut *w, claim).map_err(|e| output_error(e.into()))?;
                w.write_all(b"\n").map_err(output_error)?;
            }
        }
        Format::Json => {
            let all: Vec<&Claim> = per_doc.iter().flatten().collect();
            serde_json::to_writer_pretty(&mut *w, &all).map_err(|e| output_error(e.into()))?;
            w.write_all(b"\n").map_err(output_error)?;
        }
        Format::Text => {
            for (doc, claims) in ingested.documents.iter().zip(&per_doc) {
                write_text(w, doc, claims, colour).map_err(output_error)?;
            }
        }
    }
    out.finish()?;
    report_skipped(&ingested.skipped);
    Ok(Outcome::Clean)
}

/// A document with its claims marked `[like this]¹` in the text, then the list of claims.
fn write_text(
    w: &mut impl Write,
    doc: &crosscheck::Document,
    claims: &[Claim],
    colour: bool,
) -> std::io::Result<()> {
    let text = doc.text.as_str();
    write!(w, "== {}", doc.meta.id)?;
    if let Some(t) = &doc.meta.title {
        write!(w, " — {t}")?;
    }
    writeln!(
        w,
        " ({} claim{})",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" }
    )?;
    // Markers: opens at starts, closes at ends; nested claims (a number in a quote) nest.
    let mut marks: Vec<(usize, bool, usize)> = Vec::new();
    for (n, c) in claims.iter().enumerate() {
        marks.push((c.span.start, true, n));
        marks.push((c.span.end, false, n));
    }
    // Closes before opens at the same offset; among opens, the longer claim first.
    marks.sort_by_key(|&(at, open, n)| {
        let len = claims[n].span.len();
        (at, open, if open { usize::MAX - len } else { len })
    });
    let (on, off) = if colour {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut pos = 0;
    for (at, open, n) in marks {
        w.write_all(&text.as_bytes()[pos..at])?;
        pos = at;
        if open {
            write!(w, "{on}[")?;
        } else {
            write!(w, "]{}{off}", n + 1)?;
        }
    }
    w.write_all(&text.as_bytes()[pos..])?;
    if !text.ends_with('\n') {
        writeln!(w)?;
    }
    if !claims.is_empty() {
        writeln!(w, "--")?;
    }
    for (n, c) in claims.iter().enumerate() {
        write!(
            w,
            "{:>3}. {:<8} {}..{}  {:?}",
            n + 1,
            c.kind,
            c.span.start,
            c.span.end,
            c.text
        )?;
        // Other kinds print their own details once they exist.
        #[allow(irrefutable_let_patterns)]
        if let Detail::Quantity(q) = &c.detail {
            let f = |v: Option<f64>| v.map_or("·".to_string(), |v| format!("{v}"));
            let qual = serde_json::to_value(q.qualifier).ok();
            let qual = qual.as_ref().and_then(|v| v.as_str()).unwrap_or("");
            write!(w, "  {qual} [{}, {}]", f(q.low), f(q.high))?;
            if let Some(u) = &q.unit {
                write!(w, " unit={u}")?;
            }
            if let Some(n) = &q.noun {
                write!(w, " noun={n}")?;
            }
        }
        if let Some(s) = &c.context.source {
            write!(w, " source={s:?}")?;
        }
        if let Some(v) = &c.context.verb {
            write!(w, " verb={v}")?;
        }
        writeln!(w)?;
    }
    writeln!(w)
}
