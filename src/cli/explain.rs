//! `crosscheck explain CODE`: what a rule checks, why, an example, known false positives.

use std::io::Write;

use clap::Args;
use crosscheck::check::rules;
use crosscheck::{Error, Result};

use super::output::output_error;
use super::{Outcome, Output};

/// Explain a finding code (QTY001, DATE001, QUOTE001, ...). Without a code, list them all.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, e.g. QTY001 (case-insensitive).
    code: Option<String>,
}

/// Runs `crosscheck explain`.
pub fn run(args: ExplainArgs) -> Result<Outcome> {
    let text = match &args.code {
        None => rules::ALL
            .iter()
            .map(|r| format!("{:<9} {:<8} {}\n", r.code, r.kind.as_str(), r.summary))
            .collect::<String>(),
        Some(code) => {
            let rule = rules::find(code).ok_or_else(|| {
                let codes: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
                Error::config(format!(
                    "unknown code {code:?} (known: {})",
                    codes.join(", ")
                ))
            })?;
            rule.explanation
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
    };
    let mut out = Output::stdout();
    out.writer()
        .write_all(text.as_bytes())
        .map_err(output_error)?;
    out.finish()?;
    Ok(Outcome::Clean)
}
