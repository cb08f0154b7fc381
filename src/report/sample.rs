//! The one sample report every renderer snapshots (ruff's `create_diagnostics()`).

use crate::check::input::parse_claims;
use crate::check::{Config, Labels, check};
use crate::corpus::Document;
use crate::report::Report;

fn date(s: &str) -> crate::corpus::Date {
    s.parse().unwrap()
}

/// Five documents: a wire story (a), a syndicated copy that changed the death toll (b), an
/// independent write-up with a shifted date and an altered quote (c), and two later articles of
/// the same story with different force sizes (d, e).
pub(crate) fn documents() -> Vec<Document> {
    vec![
        Document::new(
            "a",
            "On Jan. 6, the UK and France signed a letter of intent in Paris.\nOfficials said 12 people were killed in the strike on Kharkiv.\n“We will not send troops before a ceasefire,” Macron said.",
        )
        .with_source("Wire")
        .with_published(date("2026-01-08"))
        .with_title("UK and France sign letter of intent"),
        Document::new(
            "b",
            "On Jan. 6, the UK and France signed a letter of intent in Paris.\nOfficials said 21 people were killed in the strike on Kharkiv.\n“We will not send troops before a ceasefire,” Macron said.",
        )
        .with_source("Daily Copy")
        .with_published(date("2026-01-08")),
        Document::new(
            "c",
            "The UK and France signed the letter of intent on Jan. 7 in Paris.\nIn Kharkiv 12 people were killed, officials said.\n“We will send troops before a ceasefire,” Macron said.",
        )
        .with_source("Independent Tribune")
        .with_published(date("2026-01-09")),
        Document::new("d", "Macron said the force would total around 50,000 soldiers.")
            .with_source("Le Monde")
            .with_published(date("2026-02-01")),
        Document::new("e", "Starmer plans to dispatch fewer than 30,000 European servicemen.")
            .with_source("Telegraph")
            .with_published(date("2026-02-03")),
    ]
}

pub(crate) const CLAIMS: &str = r#"
{"doc": "a", "kind": "date", "text": "On Jan. 6", "date": {"start": "2026-01-06", "end": "2026-01-06", "granularity": "day", "relative": false}}
{"doc": "a", "kind": "quantity", "text": "12 people", "quantity": {"value": 12, "low": 12, "high": 12, "qualifier": "exact", "unit": null, "noun": "people"}}
{"doc": "a", "kind": "quote", "text": "We will not send troops before a ceasefire", "quote": {"speaker": "Macron", "text": "We will not send troops before a ceasefire"}}
{"doc": "b", "kind": "date", "text": "On Jan. 6", "date": {"start": "2026-01-06", "end": "2026-01-06", "granularity": "day", "relative": false}}
{"doc": "b", "kind": "quantity", "text": "21 people", "quantity": {"value": 21, "low": 21, "high": 21, "qualifier": "exact", "unit": null, "noun": "people"}}
{"doc": "b", "kind": "quote", "text": "We will not send troops before a ceasefire", "quote": {"speaker": "Macron", "text": "We will not send troops before a ceasefire"}}
{"doc": "c", "kind": "date", "text": "on Jan. 7", "date": {"start": "2026-01-07", "end": "2026-01-07", "granularity": "day", "relative": false}}
{"doc": "c", "kind": "quantity", "text": "12 people", "quantity": {"value": 12, "low": 12, "high": 12, "qualifier": "exact", "unit": null, "noun": "people"}}
{"doc": "c", "kind": "quote", "text": "We will send troops before a ceasefire", "quote": {"speaker": "Emmanuel Macron", "text": "We will send troops before a ceasefire"}}
{"doc": "d", "kind": "quantity", "text": "around 50,000 soldiers", "quantity": {"value": 50000, "low": 45000, "high": 55000, "qualifier": "approx", "unit": null, "noun": "soldiers"}}
{"doc": "e", "kind": "quantity", "text": "fewer than 30,000 European servicemen", "quantity": {"value": 30000, "low": null, "high": 30000, "qualifier": "lt", "unit": null, "noun": "servicemen"}}
"#;

pub(crate) fn labels() -> Labels {
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Labels {
        group: v(&["g1", "g1", "g2", "g3", "g4"]),
        event: v(&["e1", "e1", "e1", "e2", "e3"]),
        story: v(&["s1", "s1", "s1", "s1", "s1"]),
    }
}

/// The sample report.
pub(crate) fn report() -> Report {
    let docs = documents();
    let claims = parse_claims(CLAIMS, &docs).unwrap();
    check(&docs, &labels(), &claims, &Config::default())
}
