//! The input options every subcommand shares.

use std::path::PathBuf;

use clap::Args;
use crosscheck::corpus::{Corpus, IngestOptions, Skipped};
use crosscheck::{Error, Result};

/// INPUT..., `--skip-invalid`, `--threads`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files (.txt, .md, .jsonl, .ndjson), folders (read recursively, in sorted order), or `-`
    /// for JSON Lines on standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Skip invalid records (bad UTF-8, malformed JSON, missing text, duplicate ids, unknown file
    /// types) instead of failing; they are counted and listed on stderr.
    #[arg(long)]
    pub skip_invalid: bool,

    /// Worker threads. By default, one per core.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

impl InputArgs {
    /// Sets up the thread pool and resolves the inputs.
    pub fn open(&self) -> Result<Corpus> {
        if let Some(n) = self.threads {
            if n == 0 {
                return Err(Error::config("--threads must be at least 1"));
            }
            // Fails only if a pool already exists, which cannot happen before this call.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global();
        }
        let options = IngestOptions {
            skip_invalid: self.skip_invalid,
            ..IngestOptions::default()
        };
        Corpus::open(&self.inputs, options)
    }
}

/// Lists skipped records on stderr, with their count.
pub fn report_skipped(skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    let n = skipped.len();
    eprintln!(
        "crosscheck: skipped {n} invalid record{}:",
        if n == 1 { "" } else { "s" }
    );
    for s in skipped {
        eprintln!("  {}: {}", s.at, s.problem);
    }
}
