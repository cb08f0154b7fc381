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

struct Style<'t> {
    color: bool,
    /// A document's text by id, to turn byte offsets into line:column.
    texts: &'t dyn Fn(&str) -> Option<&'t str>,
}

/// The 1-based line and column (in characters) of byte `offset` in `text`; `None` when the
/// offset is past the end or not on a character boundary.
///
/// ```
/// use crosscheck::report::text::line_col;
///
/// assert_eq!(line_col("ab\ncé d", 7), Some((2, 4)));
/// assert_eq!(line_col("ab", 0), Some((1, 1)));
/// assert_eq!(line_col("ab", 3), None);
/// ```
pub fn line_col(text: &str, offset: usize) -> Option<(usize, usize)> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + memchr::memchr_iter(b'\n', before.as_bytes()).count();
    Some((line, before[line_start..].chars().count() + 1))
}

/// `doc:line:col` of a claim when its document's text is known, else `doc bytes:start-end`.
fn location(c: &ClaimRef, style: &Style) -> String {
    match (style.texts)(&c.doc).and_then(|t| line_col(t, c.start)) {
        Some((line, col)) => format!("{}:{line}:{col}", style.bold(&c.doc)),
        None => format!(
            "{} {}:{}-{}",
            style.bold(&c.doc),
            style.dim("bytes"),
            c.start,
            c.end
        ),
    }
}

impl Style<'_> {
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
        let _ = writeln!(out, "    {mark} {}", location(c, style));
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

/// Renders the report as text. Claims are located by byte offsets (`doc bytes:46-55`); see
/// [`render_with_texts`] for `doc:line:col`.
pub fn render(report: &Report, options: TextOptions) -> String {
    render_with_texts(report, options, &|_| None)
}

/// Renders the report as text, locating each claim as `doc:line:col` (line and column from 1,
/// columns in characters) computed from its document's text, which `texts` gives by document
/// id (`None`: byte offsets instead).
pub fn render_with_texts<'t>(
    report: &Report,
    options: TextOptions,
    texts: &'t dyn Fn(&str) -> Option<&'t str>,
) -> String {
    use std::collections::HashMap;

    let style = Style {
        color: options.color,
        texts,
    };
    // Indexes, so that a report with many events does not search every list per event.
    let mut agreements_of: HashMap<&str, Vec<&Agreement>> = HashMap::new();
    for a in &report.agreements {
        if let Some(e) = a.event.as_deref() {
            agreements_of.entry(e).or_default().push(a);
        }
    }
    let mut discrepancies_of: HashMap<&str, Vec<&Discrepancy>> = HashMap::new();
    for d in &report.discrepancies {
        if let Some(e) = d.event.as_deref() {
            discrepancies_of.entry(e).or_default().push(d);
        }
    }
    let doc_by_id: HashMap<&str, &super::DocEntry> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut group_size: HashMap<&str, usize> = HashMap::new();
    for d in &report.documents {
        *group_size.entry(d.group.as_str()).or_default() += 1;
    }
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
        let agreements = agreements_of.remove(ev.id.as_str()).unwrap_or_default();
        let discrepancies = discrepancies_of.remove(ev.id.as_str()).unwrap_or_default();
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
            let Some(doc) = doc_by_id.get(id.as_str()) else {
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
            if group_size.get(doc.group.as_str()).copied().unwrap_or(0) > 1 {
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
    fn snapshot_with_line_and_column() {
        let report = crate::report::sample::report();
        let docs = crate::report::sample::documents();
        let texts = |id: &str| {
            docs.iter()
                .find(|d| d.meta.id == id)
                .map(|d| d.text.as_str())
        };
        insta::assert_snapshot!(render_with_texts(
            &report,
            TextOptions { color: false },
            &texts
        ));
    }

    #[test]
    fn colour_only_when_asked() {
        let report = crate::report::sample::report();
        assert!(!render(&report, TextOptions { color: false }).contains('\x1b'));
        assert!(render(&report, TextOptions { color: true }).contains("\x1b[31;9m"));
    }
}
