//! The Markdown renderer: a pull-request comment or a fact-check desk note. A summary table,
//! then each discrepancy with both claims quoted in context (claim in bold) and the diff
//! (`~~removed~~ **added**`), then the agreements.

use std::fmt::Write;

use super::text::plural;
use super::{ClaimRef, Report};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '|' | '[' | ']' | '<' | '>' | '~' | '#') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn quoted(c: &ClaimRef) -> String {
    let ctx = &c.context;
    let (s0, e0) = (
        c.start.saturating_sub(c.sentence[0]),
        c.end.saturating_sub(c.sentence[0]),
    );
    if ctx.is_empty() || e0 > ctx.len() || !ctx.is_char_boundary(s0) || !ctx.is_char_boundary(e0) {
        return format!("**{}**", escape(&c.text));
    }
    format!(
        "{}**{}**{}",
        escape(&ctx[..s0]),
        escape(&ctx[s0..e0]),
        escape(&ctx[e0..])
    )
}

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let (e, w, i) = report.counts();
    let _ = writeln!(
        out,
        "## crosscheck: {} ({e} error, {w} warning, {i} info), {}\n",
        plural(report.discrepancies.len(), "discrepancy"),
        plural(report.agreements.len(), "agreement"),
    );
    let _ = writeln!(
        out,
        "{} in {}.\n",
        plural(report.documents.len(), "document"),
        plural(report.events.len(), "event"),
    );
    if !report.discrepancies.is_empty() {
        let _ = writeln!(out, "| Severity | Code | Level | Documents | Message |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for d in &report.discrepancies {
            let docs: Vec<&str> = d.claims.iter().map(|c| c.doc.as_str()).collect();
            let level = match &d.event {
                Some(e) => format!("event {e}"),
                None => format!("story {}", d.story),
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {} |",
                d.severity,
                d.code,
                escape(&level),
                escape(&docs.join(", ")),
                escape(&d.message)
            );
        }
        let _ = writeln!(out);
        for d in &report.discrepancies {
            let _ = writeln!(
                out,
                "### `{}` {}: {}\n",
                d.code,
                d.severity,
                escape(&d.message)
            );
            for c in &d.claims {
                let _ = writeln!(
                    out,
                    "> **{}** ({}–{}): {}\n>",
                    escape(&c.doc),
                    c.start,
                    c.end,
                    quoted(c)
                );
            }
            out.truncate(out.trim_end_matches(">\n").len());
            out.push_str("\n\n");
            if !d.diff.is_empty() {
                let diff: Vec<String> = d
                    .diff
                    .iter()
                    .map(|o| match o.op {
                        "delete" => format!("~~{}~~", escape(&o.text)),
                        "insert" => format!("**{}**", escape(&o.text)),
                        _ => escape(&o.text),
                    })
                    .collect();
                let _ = writeln!(out, "Diff: {}\n", diff.join(" "));
            }
            let _ = writeln!(
                out,
                "<sub>why paired: {} · confidence {:.2} · fingerprint `{}` · `crosscheck explain {}`</sub>\n",
                escape(&d.alignment.reasons.join("; ")),
                d.confidence,
                d.fingerprint,
                d.code
            );
        }
    }
    if !report.agreements.is_empty() {
        let _ = writeln!(out, "### Agreements\n");
        for a in &report.agreements {
            let docs: Vec<&str> = a.claims.iter().map(|c| c.doc.as_str()).collect();
            let texts: Vec<String> = a
                .claims
                .iter()
                .map(|c| format!("“{}”", escape(&c.text)))
                .collect();
            let _ = writeln!(
                out,
                "- {} {}: {} — **{} independent source{}** ({})",
                a.kind.as_str(),
                escape(&a.value),
                texts.join(" = "),
                a.sources,
                if a.sources == 1 { "" } else { "s" },
                escape(&docs.join(", "))
            );
        }
        let _ = writeln!(out);
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(out, "{} skipped records.", report.skipped.len());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn snapshot() {
        insta::assert_snapshot!(super::render(&crate::report::sample::report()));
    }
}
