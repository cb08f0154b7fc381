//! Argument parsing and dispatch. No algorithms live here: each subcommand turns its arguments
//! into library calls and renders the result.

mod claims;
mod cluster;
mod dedup;
mod generate;
mod input;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use input::InputArgs;
pub use output::Output;

/// Find near-duplicate copies, same-event clusters and cross-source discrepancies in news corpora.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract quantities, dates and quotes with byte offsets (JSON Lines by default).
    Claims(claims::Args),
    /// Write a synthetic corpus with ground truth (for tests and benchmarks).
    #[command(hide = true)]
    Generate(generate::Args),
    /// Find near-duplicate copies and write groups, the deduplicated corpus, or pairs.
    Dedup(dedup::Args),
    /// Group articles into events and stories.
    Cluster(cluster::Args),
}

/// What a subcommand reports back to `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, nothing to flag: exit 0.
    Clean,
    /// Done, with findings at or above the failure level: exit 1.
    #[allow(dead_code)]
    Findings,
}

/// Runs the command line and maps the result to an exit code: 0 done, 1 findings, 2 error.
/// A broken pipe (the reader went away, as with `| head`) is not an error.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("crosscheck: error: {err}");
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> crosscheck::Result<Outcome> {
    match cli.command {
        Command::Claims(args) => claims::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Dedup(args) => dedup::run(args),
        Command::Cluster(args) => cluster::run(args),
    }
}
