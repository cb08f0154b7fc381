//! `crosscheck check`: align claims across sources and report discrepancies.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use crosscheck::check::{self, Config, input, pipeline};
use crosscheck::report::{self, Baseline, Severity};
use crosscheck::{Error, Result};

use super::output::output_error;
use super::{InputArgs, Outcome, Output, report_skipped};

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable, per event (default on a terminal).
    Text,
    /// The versioned JSON schema (default when not on a terminal).
    Json,
    /// A pull-request comment or desk note.
    Markdown,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal only.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Align claims across sources inside each event and story, and report where they disagree.
///
/// Exit codes: 0 no finding at or above --fail-on outside the baseline, 1 such findings, 2 error.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Output format. By default, text on a terminal and JSON otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_name = "LEVEL", default_value = "warning", value_parser = ["info", "warning", "error"])]
    fail_on: String,

    /// Known findings (a file written by --write-baseline): only new findings fail.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Record the fingerprints of the current findings in FILE, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Claims as JSON Lines (the output of `crosscheck claims --format jsonl`, or hand-written)
    /// instead of extracting them.
    #[arg(long, value_name = "FILE")]
    claims: Option<PathBuf>,

    /// Event, story and copy-group labels as JSON Lines (the output of `crosscheck cluster
    /// --format jsonl`) instead of clustering. A missing `group` is filled by near-duplicate
    /// detection.
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,

    /// A JSON configuration: tolerance, thresholds, extra noun classes (see `check::Config`).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Relative tolerance for comparing quantities. By default, 0.05.
    #[arg(long, value_name = "X")]
    tolerance: Option<f64>,

    /// When to use colour in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,

    /// Print the wall-clock time and peak memory of each stage on standard error.
    #[arg(long)]
    timings: bool,
}

fn read(path: &PathBuf) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// Runs `crosscheck check`.
pub fn run(args: CheckArgs) -> Result<Outcome> {
    let fail_on: Severity = args.fail_on.parse().map_err(Error::config)?;
    let mut config = Config::default();
    if let Some(path) = &args.config {
        config
            .apply_json(&read(path)?)
            .map_err(|e| Error::config(format!("{}: {e}", path.display())))?;
    }
    if let Some(t) = args.tolerance {
        if !(0.0..1.0).contains(&t) {
            return Err(Error::config("--tolerance must be in [0, 1)"));
        }
        config.tolerance = t;
    }
    let baseline = args
        .baseline
        .as_ref()
        .map(|p| Baseline::read(p))
        .transpose()?;

    let mut timings = check::Timings::when(args.timings);
    let t = timings.start();
    let corpus = args.input.open()?;
    let ingested = corpus.read_all()?;
    timings.record("read", t);
    report_skipped(&ingested.skipped);
    let docs = ingested.documents;

    let labels = match &args.clusters {
        Some(path) => {
            let mut labels = input::parse_clusters(&read(path)?, &docs)
                .map_err(|e| Error::config(format!("{}: {e}", path.display())))?;
            if labels.has_missing_groups() {
                labels.fill_groups(&check::labels_from_dedup(&docs)?.group);
            }
            labels
        }
        None => pipeline::labels_timed(&docs, &mut timings)?,
    };
    let t = timings.start();
    let claims = match &args.claims {
        Some(path) => input::parse_claims(&read(path)?, &docs)
            .map_err(|e| Error::config(format!("{}: {e}", path.display())))?,
        None => pipeline::extract_claims_for(&docs, &labels),
    };
    timings.record("claims", t);
    let report = check::check_owned(
        &docs,
        &labels,
        claims,
        &ingested.skipped,
        &config,
        &mut timings,
    );
    let t = timings.start();

    let mut out = Output::to(args.output.as_deref())?;
    let format = args.format.unwrap_or(if out.is_terminal() {
        Format::Text
    } else {
        Format::Json
    });
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => out.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match format {
        Format::Json => report::json::write(&report, out.writer()).map_err(output_error)?,
        Format::Text | Format::Markdown => {
            let rendered = if format == Format::Text {
                let by_id: HashMap<&str, &str> = docs
                    .iter()
                    .map(|d| (d.meta.id.as_str(), d.text.as_str()))
                    .collect();
                let texts = |id: &str| by_id.get(id).copied();
                report::text::render_with_texts(
                    &report,
                    report::text::TextOptions { color },
                    &texts,
                )
            } else {
                report::markdown::render(&report)
            };
            out.writer()
                .write_all(rendered.as_bytes())
                .map_err(output_error)?;
        }
    }
    out.finish()?;
    timings.record("render", t);
    if args.timings {
        eprint!("{}", timings.render());
    }

    let outcome = if let Some(path) = &args.write_baseline {
        Baseline::from_report(&report).write(path)?;
        Outcome::Clean
    } else {
        let failing = report.count_failing(fail_on, baseline.as_ref());
        if failing > 0 {
            eprintln!(
                "crosscheck: {failing} finding{} at or above {fail_on}{}",
                if failing == 1 { "" } else { "s" },
                if baseline.is_some() {
                    " not in the baseline"
                } else {
                    ""
                }
            );
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    };
    // The process exits next and the system takes its memory back at once; freeing the
    // documents and the report one allocation at a time took 2-3 s at 100k documents.
    std::mem::forget(report);
    std::mem::forget(labels);
    std::mem::forget(docs);
    Ok(outcome)
}
