//! The text renderer: per event, its documents, agreements and discrepancies, each with both
//! spans quoted in context and the diff highlighted; then the story-level findings. Colour
//! (ANSI) only when asked for, i.e. on a terminal.
//!
//! Without colour the claim is marked `»like this«` in its sentence and the diff is written
//! wdiff-style: `[-only in the primary-]{+only in the other+}`.

use std::fmt::Write;

use super::{Agreement, ClaimRef, DiffOp, Discrepancy, Report, Severity};
use crate::align::Level;

/// Text rendering options.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Use ANSI colours.
    pub color: bool,
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s.as_str())
    }
    fn claim(&self, s: &str) -> String {
        if self.color {
            self.paint("1;4", s)
        } else {
            format!("»{s}«")
        }
    }
    fn delete(&self, s: &str) -> String {
        if self.color {
            self.paint("31;9", s)
        } else {
            format!("[-{s}-]")
        }
    }
    fn insert(&self, s: &str) -> String {
        if self.color {
            self.paint("32", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
}

/// At most `max` bytes of context around the claim, on character boundaries, with ellipses.
fn excerpt(c: &ClaimRef, style: &Style, max: usize) -> String {
    let ctx = c.context.as_str();
    let (s0, e0) = (
        c.start.saturating_sub(c.sentence[0]),
        c.end.saturating_sub(c.sentence[0]),
    );
    if c.context.is_empty()
        || e0 > ctx.len()
        || !ctx.is_char_boundary(s0)
        || !ctx.is_char_boundary(e0)
    {
        return style.claim(&c.text);
    }
    let room = max.saturating_sub(e0 - s0) / 2;
    let mut from = s0.saturating_sub(room);
    while !ctx.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (e0 + room).min(ctx.len());
    while !ctx.is_char_boundary(to) {
        to += 1;
    }
    let before = ctx[from..s0].trim_start();
    let after = ctx[e0..to].trim_end();
    format!(
        "{}{}{}{}{}",
        if from > 0 { "…" } else { "" },
        before.replace('\n', " "),
        style.claim(&ctx[s0..e0]),
        after.replace('\n', " "),
        if to < ctx.len() { "…" } else { "" }
    )
}

fn diff_line(ops: &[DiffOp], style: &Style) -> String {
    ops.iter()
        .map(|o| match o.op {
            "delete" => style.delete(&o.text),
            "insert" => style.insert(&o.text),
            _ => o.text.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_discrepancy(out: &mut String, d: &Discrepancy, style: &Style) {
    let _ = writeln!(
        out,
        "  {} {} {}",
        style.severity(d.severity),
        style.bold(d.code),
        d.message
    );
    for (i, c) in d.claims.iter().enumerate() {
        let mark = if i == 0 { "primary" } else { "   vs  " };
        let _ = writeln!(
            out,
            "    {mark} {} {}:{}-{}",
            style.bold(&c.doc),
            style.dim("bytes"),
            c.start,
            c.end
        );
        let _ = writeln!(out, "            {}", excerpt(c, style, 220));
    }
    if !d.diff.is_empty() {
        let _ = writeln!(out, "    diff    {}", diff_line(&d.diff, style));
    }
    let _ = writeln!(
        out,
        "    {}",
        style.dim(&format!(
            "why paired: {} · confidence {:.2} · fingerprint {}",
            d.alignment.reasons.join("; "),
            d.confidence,
            d.fingerprint
        ))
    );
}

fn write_agreement(out: &mut String, a: &Agreement, style: &Style) {
    let docs: Vec<&str> = a.claims.iter().map(|c| c.doc.as_str()).collect();
    let texts: Vec<String> = a.claims.iter().map(|c| format!("“{}”", c.text)).collect();
    let _ = writeln!(
        out,
        "  {} {} {}: {} — {} independent source{} ({})",
        style.paint("32", "✓"),
        a.kind.as_str(),
        a.value,
        texts.join(" = "),
        a.sources,
        if a.sources == 1 { "" } else { "s" },
        docs.join(", ")
    );
}

/// `1 event`, `2 events`, `2 discrepancies`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// Renders the report as text.
pub fn render(report: &Report, options: TextOptions) -> String {
    let style = Style {
        color: options.color,
    };
    let mut out = String::new();
    let (e, w, i) = report.counts();
    let _ = writeln!(
        out,
        "{} {}, {}, {} ({e} error, {w} warning, {i} info), {}",
        style.bold("crosscheck:"),
        plural(report.documents.len(), "document"),
        plural(report.events.len(), "event"),
        plural(report.discrepancies.len(), "discrepancy"),
        plural(report.agreements.len(), "agreement"),
    );
    for ev in &report.events {
        let agreements: Vec<&Agreement> = report
            .agreements
            .iter()
            .filter(|a| a.event.as_deref() == Some(ev.id.as_str()))
            .collect();
        let discrepancies: Vec<&Discrepancy> = report
            .discrepancies
            .iter()
            .filter(|d| d.event.as_deref() == Some(ev.id.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "\n{} {} (story {}): {} document{}",
            style.bold("Event"),
            style.bold(&ev.id),
            ev.story,
            ev.documents.len(),
            if ev.documents.len() == 1 { "" } else { "s" }
        );
        for id in &ev.documents {
            let Some(doc) = report.documents.iter().find(|d| &d.id == id) else {
                continue;
            };
            let mut line = format!("  - {}", style.bold(&doc.id));
            for part in [&doc.source, &doc.published, &doc.title]
                .into_iter()
                .flatten()
            {
                line.push_str(" · ");
                line.push_str(part);
            }
            if report
                .documents
                .iter()
                .filter(|d| d.group == doc.group)
                .count()
                > 1
            {
                line.push_str(&style.dim(&format!(" (copy group {})", doc.group)));
            }
            let _ = writeln!(out, "{line}");
        }
        if !agreements.is_empty() {
            let _ = writeln!(out, "  {}", style.bold("Agreements"));
            for a in agreements {
                write_agreement(&mut out, a, &style);
            }
        }
        if !discrepancies.is_empty() {
            let _ = writeln!(out, "  {}", style.bold("Discrepancies"));
            for d in discrepancies {
                write_discrepancy(&mut out, d, &style);
            }
        }
    }
    let story_agreements: Vec<&Agreement> = report
        .agreements
        .iter()
        .filter(|a| a.level == Level::Story)
        .collect();
    let story_discrepancies: Vec<&Discrepancy> = report
        .discrepancies
        .iter()
        .filter(|d| d.level == Level::Story)
        .collect();
    if !story_agreements.is_empty() || !story_discrepancies.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Across events of a story"));
        for a in story_agreements {
            write_agreement(&mut out, a, &style);
        }
        for d in story_discrepancies {
            write_discrepancy(&mut out, d, &style);
        }
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(
            out,
            "\n{} {}",
            style.bold("Skipped records:"),
            report.skipped.len()
        );
        for s in &report.skipped {
            let _ = writeln!(out, "  {}: {}", s.at, s.problem);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        let report = crate::report::sample::report();
        insta::assert_snapshot!(render(&report, TextOptions { color: false }));
    }

    #[test]
    fn colour_only_when_asked() {
        let report = crate::report::sample::report();
        assert!(!render(&report, TextOptions { color: false }).contains('\x1b'));
        assert!(render(&report, TextOptions { color: true }).contains("\x1b[31;9m"));
    }
}
