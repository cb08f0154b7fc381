//! Turning the bytes of one record (a JSON line, a whole text file) into a [`Document`].

use std::borrow::Cow;

use serde::Deserialize;

use super::{Date, Document, Meta, Origin};
use crate::error::Problem;

/// Parses a `published` value: `YYYY-MM-DD`, or an RFC 3339 timestamp whose calendar date (as
/// written, in its own offset) is kept.
///
/// ```
/// use crosscheck::corpus::parse_published;
/// assert_eq!(parse_published("2026-01-08").unwrap().to_string(), "2026-01-08");
/// assert_eq!(parse_published("2026-01-08T23:30:00-05:00").unwrap().to_string(), "2026-01-08");
/// assert!(parse_published("08/01/2026").is_none());
/// ```
pub fn parse_published(value: &str) -> Option<Date> {
    let value = value.trim();
    let date: Date = value.get(..10)?.parse().ok()?;
    if value.len() == 10 {
        return Some(date);
    }
    // Validate the whole timestamp, keep the date as written.
    value.parse::<jiff::Timestamp>().ok()?;
    Some(date)
}

/// Checks that `bytes` is text: UTF-8 without NUL bytes.
fn as_text(bytes: &[u8]) -> Result<&str, Problem> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Problem::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| Problem::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

fn check_text(text: &str) -> Result<(), Problem> {
    if text.trim().is_empty() {
        Err(Problem::EmptyText)
    } else {
        Ok(())
    }
}

fn published(value: Option<String>) -> Result<Option<Date>, Problem> {
    match value {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => parse_published(&s).map(Some).ok_or(Problem::InvalidDate(s)),
    }
}

#[derive(Deserialize)]
struct JsonRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// The fields of a record that are read again to verify candidates: the other fields are
/// skipped without being kept, and the text is borrowed from the line when it has no escapes.
#[derive(Deserialize)]
struct IdText<'a> {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
}

/// The id of a record, from its `id` value.
fn record_id(value: Option<serde_json::Value>) -> Result<String, Problem> {
    match value {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(serde_json::Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        Some(serde_json::Value::Null | serde_json::Value::String(_)) | None => {
            Err(Problem::MissingId)
        }
        Some(other) => Err(Problem::MalformedJson(format!(
            "\"id\" must be a string or an integer, not {other}"
        ))),
    }
}

/// Parses a JSON Lines record for its id and text only (the record was checked whole when it
/// was first read): no title, source, url or date is kept.
pub(super) fn json_id_text(bytes: &[u8]) -> Result<(String, Cow<'_, str>), Problem> {
    let line = as_text(bytes)?;
    let record: IdText<'_> = serde_json::from_str(line).map_err(json_problem)?;
    let id = record_id(record.id)?;
    let text = record.text.ok_or(Problem::MissingText)?;
    check_text(&text)?;
    Ok((id, text))
}

/// A serde_json error as a problem of the record.
fn json_problem(e: serde_json::Error) -> Problem {
    // serde_json reports "line 1 column N"; the line is ours to give, keep the column.
    let msg = e.to_string();
    let msg = match msg.rsplit_once(" at line 1 column ") {
        Some((head, col)) => format!("{head} at column {col}"),
        None => msg,
    };
    Problem::MalformedJson(msg)
}

/// Parses one JSON Lines record (without its line terminator).
pub(super) fn json_record(bytes: &[u8], origin: Origin) -> Result<Document, Problem> {
    let line = as_text(bytes)?;
    let record: JsonRecord = serde_json::from_str(line).map_err(json_problem)?;
    let id = record_id(record.id)?;
    let text = record.text.ok_or(Problem::MissingText)?;
    check_text(&text)?;
    Ok(Document {
        meta: Meta {
            id,
            title: record.title,
            source: record.source,
            url: record.url,
            published: published(record.published)?,
            origin: Some(origin),
        },
        text,
    })
}

/// Parses a whole `.txt` / `.md` file: an optional front-matter block, then the text.
pub(super) fn text_file(
    bytes: Vec<u8>,
    default_id: &str,
    origin: Origin,
) -> Result<Document, Problem> {
    as_text(&bytes)?;
    let mut text = String::from_utf8(bytes).expect("checked above");
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    let mut meta = Meta {
        id: default_id.to_string(),
        origin: Some(origin),
        ..Meta::default()
    };
    if let Some((fields, body_start)) = front_matter(&text)? {
        let mut published_raw = None;
        for (key, value) in fields {
            let value = Some(value).filter(|v| !v.is_empty());
            match key.to_ascii_lowercase().as_str() {
                "id" => {
                    if let Some(v) = value {
                        meta.id = v;
                    }
                }
                "title" => meta.title = value,
                "source" => meta.source = value,
                "url" => meta.url = value,
                "published" | "date" => published_raw = value,
                _ => {}
            }
        }
        meta.published = published(published_raw)?;
        text.drain(..body_start);
    }
    check_text(&text)?;
    Ok(Document { meta, text })
}

/// Finds a front-matter block: `---` on the first line, `key: value` lines, `---`. Returns the
/// fields and the byte offset where the body starts.
/// Front-matter fields, in order, and the byte offset where the body starts.
type FrontMatter = (Vec<(String, String)>, usize);

fn front_matter(text: &str) -> Result<Option<FrontMatter>, Problem> {
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => return Ok(None),
    }
    let mut offset = text.split_inclusive('\n').next().map_or(0, str::len);
    let mut fields = Vec::new();
    for line in lines {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Some((fields, offset)));
        }
        // Blank lines, comments, YAML list items and indented continuations are not fields.
        if trimmed.trim().is_empty()
            || trimmed.starts_with('#')
            || trimmed.starts_with(' ')
            || trimmed.starts_with('\t')
            || trimmed.starts_with('-')
        {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(Problem::FrontMatter(format!(
                "line {trimmed:?} is not `key: value`"
            )));
        };
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        fields.push((key.trim().to_string(), value.to_string()));
    }
    Err(Problem::FrontMatter(
        "the block opened by `---` on the first line is never closed".to_string(),
    ))
}
