//! Adapters from the documented JSON Lines interfaces of the earlier stages to the check's input.
//!
//! - claims (issue 4, `crosscheck claims --format jsonl`): one claim per line,
//!   `{"doc", "kind", "text", "start", "end", "sentence": [start, end], "quantity" | "date" |
//!   "quote": {...}}` plus optional context fields `speaker` (or `source`), `verb`, `entities`,
//!   `content_words` (or `context`). Missing context is computed from the sentence. For
//!   hand-written fixtures, `start`/`end` may be left out (the first occurrence of `text` in the
//!   document is used, or the `occurrence`-th, from 1) and so may `sentence` (the sentence around
//!   the claim is found).
//! - clusters (issue 3, `crosscheck cluster --format jsonl`): one document per line,
//!   `{"id", "event", "story", "group"}`. A document without a line is its own group, event and
//!   story.
//!
//! ```
//! use crosscheck::check::input::{parse_claims, parse_clusters};
//! use crosscheck::Document;
//!
//! let docs = [Document::new("a", "Officials said 12 people died. Rescue went on.")];
//! let claims = parse_claims(
//!     r#"{"doc": "a", "kind": "quantity", "text": "12 people", "quantity": {"value": 12, "qualifier": "exact", "noun": "people"}}"#,
//!     &docs,
//! ).unwrap();
//! assert_eq!((claims[0].span.start, claims[0].span.end), (15, 24));
//! assert_eq!(claims[0].sentence.end, 30);
//! let labels = parse_clusters(r#"{"id": "a", "event": "e1", "story": "s1", "group": "g1"}"#, &docs).unwrap();
//! assert_eq!(labels.event, ["e1"]);
//! ```

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::Labels;
use crate::align::{AlignClaim, DateRange, Payload, Qualifier, Quantity, Quote, Words, context};
use crate::corpus::{Document, Span};
use crate::error::{Error, Result};

#[derive(Debug, Deserialize)]
struct ClaimRecord {
    doc: Value,
    kind: String,
    text: String,
    start: Option<usize>,
    end: Option<usize>,
    sentence: Option<[usize; 2]>,
    occurrence: Option<usize>,
    quantity: Option<QuantityRecord>,
    date: Option<DateRecord>,
    quote: Option<QuoteRecord>,
    speaker: Option<String>,
    source: Option<String>,
    verb: Option<String>,
    entities: Option<Vec<String>>,
    content_words: Option<Vec<String>>,
    context: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct QuantityRecord {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: String,
    unit: Option<String>,
    noun: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DateRecord {
    start: Option<String>,
    end: Option<String>,
    #[serde(default)]
    granularity: Option<String>,
    #[serde(default)]
    relative: bool,
}

#[derive(Debug, Deserialize)]
struct QuoteRecord {
    speaker: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
struct ClusterRecord {
    id: Value,
    event: Value,
    story: Value,
    group: Option<Value>,
}

fn id_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn bad(line: usize, msg: impl std::fmt::Display) -> Error {
    Error::config(format!("claims line {line}: {msg}"))
}

/// The sentence around a span: from after the previous sentence end (`.`, `!`, `?` followed by
/// white space, or a line break) to the next one.
pub fn sentence_around(text: &str, span: Span) -> Span {
    const ABBREVIATIONS: &[&str] = &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
        "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov", "sen", "rep", "no", "vs", "u.s",
        "u.k", "e.g", "i.e", "inc", "corp", "co", "ltd", "jr", "sr", "prof",
    ];
    let bytes = text.as_bytes();
    let is_end = |i: usize| -> bool {
        match bytes[i] {
            b'\n' => true,
            b'!' | b'?' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
            b'.' => {
                if !bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) {
                    return false;
                }
                // The word before the period: an abbreviation or an initial does not end a sentence.
                let mut w = i;
                while w > 0 && (bytes[w - 1].is_ascii_alphabetic() || bytes[w - 1] == b'.') {
                    w -= 1;
                }
                let word = text[w..i].to_ascii_lowercase();
                !(ABBREVIATIONS.contains(&word.as_str())
                    || (word.len() == 1 && bytes[w].is_ascii_uppercase()))
            }
            _ => false,
        }
    };
    let mut start = span.start.min(text.len());
    while start > 0 && !is_end(start - 1) {
        start -= 1;
    }
    while start < span.start && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    let mut end = span.end.min(text.len());
    while end < text.len() && !is_end(end) {
        end += 1;
    }
    if end < text.len() && bytes[end] != b'\n' {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// Parses claims JSON Lines against the documents they point into. Blank lines are skipped.
pub fn parse_claims(jsonl: &str, docs: &[Document]) -> Result<Vec<AlignClaim>> {
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.meta.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let r: ClaimRecord = serde_json::from_str(line).map_err(|e| bad(line_no, e))?;
        let doc_id = id_string(&r.doc);
        let Some(&d) = index.get(doc_id.as_str()) else {
            return Err(bad(line_no, format!("unknown document {doc_id:?}")));
        };
        let text = &docs[d].text;
        let span = match (r.start, r.end) {
            (Some(s), Some(e))
                if s <= e
                    && e <= text.len()
                    && text.is_char_boundary(s)
                    && text.is_char_boundary(e) =>
            {
                Span::new(s, e)
            }
            (Some(_), Some(_)) => return Err(bad(line_no, "start/end out of bounds")),
            _ => {
                let k = r.occurrence.unwrap_or(1).max(1);
                let Some((s, _)) = text.match_indices(r.text.as_str()).nth(k - 1) else {
                    return Err(bad(
                        line_no,
                        format!("text {:?} not found in document {doc_id:?}", r.text),
                    ));
                };
                Span::new(s, s + r.text.len())
            }
        };
        let sentence = match r.sentence {
            Some([s, e])
                if s <= e
                    && e <= text.len()
                    && text.is_char_boundary(s)
                    && text.is_char_boundary(e) =>
            {
                Span::new(s, e)
            }
            Some(_) => return Err(bad(line_no, "sentence out of bounds")),
            None => sentence_around(text, span),
        };
        let payload = match r.kind.as_str() {
            "quantity" => {
                let q = r
                    .quantity
                    .ok_or_else(|| bad(line_no, "kind quantity without \"quantity\""))?;
                let qualifier = Qualifier::parse(&q.qualifier)
                    .ok_or_else(|| bad(line_no, format!("unknown qualifier {:?}", q.qualifier)))?;
                Payload::Quantity(Quantity {
                    value: q.value,
                    low: q.low,
                    high: q.high,
                    qualifier,
                    unit: q.unit,
                    noun: q.noun,
                })
            }
            "date" => {
                let dr = r
                    .date
                    .ok_or_else(|| bad(line_no, "kind date without \"date\""))?;
                let parse = |s: &Option<String>| -> Result<Option<crate::corpus::Date>> {
                    s.as_deref()
                        .map(|s| {
                            s.parse()
                                .map_err(|e| bad(line_no, format!("bad date {s:?}: {e}")))
                        })
                        .transpose()
                };
                Payload::Date(DateRange {
                    start: parse(&dr.start)?,
                    end: parse(&dr.end)?,
                    granularity: dr.granularity.unwrap_or_else(|| "day".into()),
                    relative: dr.relative,
                    // A claims file gives no date parts: they are read from the text.
                    weekday: super::compare::stated_weekday(&r.text),
                    bare_weekday: super::compare::is_bare_weekday(&r.text),
                })
            }
            "quote" => {
                let q = r
                    .quote
                    .ok_or_else(|| bad(line_no, "kind quote without \"quote\""))?;
                Payload::Quote(Quote::new(q.speaker, q.text))
            }
            other => return Err(bad(line_no, format!("unknown kind {other:?}"))),
        };
        let mut claim = AlignClaim::new(d as u32, 0, 0, 0, span, sentence, r.text, payload);
        // Context: top-level fields, or a `context` object `{words, entities, source, verb}`
        // (the shape `crosscheck claims` writes), or a `context` array of words.
        let (mut words, mut entities, mut source, mut verb) =
            (r.content_words, r.entities, r.speaker.or(r.source), r.verb);
        match r.context {
            Some(Value::Array(a)) => {
                words = words.or_else(|| {
                    Some(
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                    )
                });
            }
            Some(Value::Object(o)) => {
                let strings = |k: &str| {
                    o.get(k).and_then(Value::as_array).map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect::<Vec<_>>()
                    })
                };
                words = words.or_else(|| strings("words"));
                entities = entities.or_else(|| strings("entities"));
                source =
                    source.or_else(|| o.get("source").and_then(Value::as_str).map(str::to_string));
                verb = verb.or_else(|| o.get("verb").and_then(Value::as_str).map(str::to_string));
            }
            _ => {}
        }
        if claim.speaker.is_none() {
            claim.speaker = source;
        }
        claim.verb = verb.map(|v| context::verb_base(&v));
        let normalize_all = |v: Vec<String>| {
            let mut out: Vec<String> = v
                .iter()
                .flat_map(|x| {
                    crate::text::normalize(x)
                        .split(' ')
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|w| !w.is_empty())
                .collect();
            out.sort();
            out.dedup();
            out
        };
        if let Some(e) = entities {
            claim.entities = Words::from(normalize_all(e));
        }
        if let Some(w) = words {
            claim.content_words = Words::from(normalize_all(w));
        }
        out.push(claim.with_sentence_text(&text[sentence.start..sentence.end]));
    }
    Ok(out)
}

/// Parses cluster JSON Lines into labels parallel to `docs`. A record without `group` leaves the
/// group empty (see [`super::Labels::fill_groups`]).
pub fn parse_clusters(jsonl: &str, docs: &[Document]) -> Result<Labels> {
    let mut by_id: HashMap<String, (String, String, String)> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: ClusterRecord = serde_json::from_str(line)
            .map_err(|e| Error::config(format!("clusters line {}: {e}", n + 1)))?;
        let id = id_string(&r.id);
        let group = r.group.as_ref().map_or_else(String::new, id_string);
        by_id.insert(id, (group, id_string(&r.event), id_string(&r.story)));
    }
    let mut labels = Labels::default();
    for d in docs {
        let id = &d.meta.id;
        let (g, e, s) = by_id
            .get(id)
            .cloned()
            .unwrap_or_else(|| (format!("g:{id}"), format!("e:{id}"), format!("s:{id}")));
        labels.group.push(g);
        labels.event.push(e);
        labels.story.push(s);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_bounds() {
        let t = "First one. Second has 12 people here! Third.\nFourth";
        let feb = "KYIV, Feb. 11 – A strike killed 14 people. Next.";
        let s = feb.find("14").unwrap();
        assert_eq!(
            sentence_around(feb, Span::new(s, s + 2)).slice(feb),
            "KYIV, Feb. 11 – A strike killed 14 people."
        );
        let s = t.find("12").unwrap();
        let sp = sentence_around(t, Span::new(s, s + 2));
        assert_eq!(sp.slice(t), "Second has 12 people here!");
        let s = t.find("Fourth").unwrap();
        assert_eq!(sentence_around(t, Span::new(s, s + 6)).slice(t), "Fourth");
    }

    #[test]
    fn errors_name_the_line() {
        let docs = [Document::new("a", "x")];
        let err = parse_claims(
            "\n{\"doc\": \"b\", \"kind\": \"quote\", \"text\": \"x\"}",
            &docs,
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
