//! `crosscheck generate`: a synthetic corpus with ground truth (hidden; for tests and benches).

use std::path::PathBuf;

use clap::Args as ClapArgs;
use crosscheck::Result;
use crosscheck::generate::{self, Config};

use super::Outcome;

/// Write a synthetic news corpus with ground truth: DIR/corpus.jsonl, DIR/truth.jsonl (group,
/// event and story of every document, same order) and DIR/edits.jsonl (what each copy changed).
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Number of documents.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    docs: usize,

    /// Seed: the same arguments always give the same files, byte for byte.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Share of documents that are syndicated copies of another (0 to 0.95).
    #[arg(long, value_name = "RATE", default_value_t = 0.3)]
    dup_rate: f64,

    /// Share of copies edited harder (5-gram Jaccard with their base 0.6 to 0.88 instead of at
    /// least 0.88), 0 to 1.
    #[arg(long, value_name = "RATE", default_value_t = 0.05)]
    hard_rate: f64,

    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR", default_value = ".")]
    out: PathBuf,
}

/// Generates the corpus and prints a one-line summary on stderr.
pub fn run(args: Args) -> Result<Outcome> {
    let config = Config {
        docs: args.docs,
        seed: args.seed,
        dup_rate: args.dup_rate,
        hard_rate: args.hard_rate,
    };
    let s = generate::write(&config, &args.out)?;
    eprintln!(
        "generated {} documents ({} copies) in {} groups, {} events, {} stories into {}",
        s.docs,
        s.copies,
        s.groups,
        s.events,
        s.stories,
        args.out.display()
    );
    Ok(Outcome::Clean)
}
