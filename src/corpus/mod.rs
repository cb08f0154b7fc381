//! The corpus: documents, their metadata, byte spans, and ingest of files, folders and JSON Lines.
//!
//! A [`Document`] is an article: its [`Meta`] (id, title, source, url, published date, where it
//! came from) and its text. Every later stage points into the text with byte [`Span`]s; line and
//! column numbers are only computed when rendering.
//!
//! Ingest is streaming: [`Corpus::reader`] yields one document at a time, so a pipeline can
//! fingerprint a document and drop its text before the next one is read. [`Corpus::read_all`]
//! collects everything for stages that need the text.
//!
//! ```
//! use crosscheck::corpus::{Corpus, IngestOptions};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("a.txt"), "---\npublished: 2026-01-08\n---\nRussia said on Jan. 8 ...")?;
//! std::fs::write(dir.path().join("b.jsonl"), "{\"id\": 7, \"text\": \"Paris, Jan. 6 ...\"}\n")?;
//!
//! let corpus = Corpus::open(&[dir.path()], IngestOptions::default())?;
//! let ingested = corpus.read_all()?;
//! let ids: Vec<&str> = ingested.documents.iter().map(|d| d.meta.id.as_str()).collect();
//! assert_eq!(ids, ["a.txt", "7"]);
//! assert_eq!(ingested.documents[0].text, "Russia said on Jan. 8 ...");
//! assert_eq!(ingested.documents[0].meta.published.unwrap().to_string(), "2026-01-08");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod par;
mod parse;
mod source;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use serde::Serialize;

use crate::error::{Error, ErrorKind, Location, Problem, Result};

pub use par::Refetch;
pub use parse::parse_published;
pub use source::{Format, Source};

/// A civil (calendar) date, as used for `published`.
pub type Date = jiff::civil::Date;

/// A half-open byte range `[start, end)` into a document's text.
///
/// Spans are UTF-8 byte offsets and always fall on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The spanned text. Panics if the span is out of bounds, like slicing.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where a document came from: which source, which line, which byte offset in the file.
///
/// Enough to read the record again ([`Corpus::raw_record`]) after its text was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    /// Index into [`Corpus::sources`].
    pub source: u32,
    /// Line of the record, from 1 (always 1 for a whole-file document).
    pub line: u64,
    /// Byte offset of the record in the file.
    pub offset: u64,
    /// Length of the record in bytes (the line without its terminator, or the whole file).
    pub len: u64,
}

/// Everything about a document except its text: what survives after fingerprinting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// Unique id: from the record, the front matter, or the path relative to the input folder.
    pub id: String,
    /// Headline, if given.
    pub title: Option<String>,
    /// Outlet or publisher, if given.
    pub source: Option<String>,
    /// URL, if given.
    pub url: Option<String>,
    /// Publication date, if given.
    pub published: Option<Date>,
    /// Where the record is; `None` for documents built in memory.
    pub origin: Option<Origin>,
}

/// An article: metadata plus text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Id, title, source, url, published date and origin.
    pub meta: Meta,
    /// The article text (the body, without front matter). Spans index into it.
    pub text: String,
}

impl Document {
    /// A document built in memory, with an id and a text and no other metadata.
    ///
    /// ```
    /// let doc = crosscheck::Document::new("a", "Some text.").with_title("A headline");
    /// assert_eq!(doc.meta.title.as_deref(), Some("A headline"));
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            text: text.into(),
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        self.meta.title = Some(title.into());
        self
    }

    /// Sets the source (outlet).
    pub fn with_source(mut self, source: impl Into<String>) -> Document {
        self.meta.source = Some(source.into());
        self
    }

    /// Sets the publication date.
    pub fn with_published(mut self, date: Date) -> Document {
        self.meta.published = Some(date);
        self
    }
}

/// A record that was skipped under `--skip-invalid`, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is.
    pub at: Location,
    /// What was wrong.
    pub problem: Problem,
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Skip bad records (counted and listed) instead of failing. By default, false.
    pub skip_invalid: bool,
    /// The largest record accepted, in bytes. By default, 64 MiB.
    pub max_record_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            skip_invalid: false,
            max_record_bytes: 64 << 20,
        }
    }
}

/// Documents read in full, plus the records skipped on the way.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// Records skipped under `--skip-invalid`, in input order.
    pub skipped: Vec<Skipped>,
}

/// The fewest bytes a record takes in a file: `{"text":"x"}` and its newline.
pub const MIN_RECORD_BYTES: u64 = 13;

/// The least input [`Corpus::estimate_records`] extrapolates from, unless it is all of it.
pub const MIN_SAMPLE_BYTES: u64 = 1 << 20;

/// A set of inputs (files, folders, standard input) resolved to a sorted list of [`Source`]s.
#[derive(Debug)]
pub struct Corpus {
    sources: Vec<Source>,
    options: IngestOptions,
    /// Problems found while resolving inputs (unknown extensions inside folders), when skipping.
    resolve_skips: Vec<Skipped>,
    /// The sum of the sources' sizes, once asked for.
    total_bytes: std::sync::OnceLock<u64>,
}

impl Corpus {
    /// Resolves `inputs`: a file, a folder (walked recursively in sorted order; hidden entries,
    /// whose names start with `.`, are not read), or `-` for JSON Lines on standard input, which is
    /// spooled to a temporary file so that it can be read twice. A JSON Lines file without a
    /// single record (empty, or blank lines only) is reported when it is read, in input order:
    /// an error naming the file, or a counted skip.
    pub fn open<P: AsRef<std::path::Path>>(inputs: &[P], options: IngestOptions) -> Result<Corpus> {
        let mut sources = Vec::new();
        let mut resolve_skips = Vec::new();
        for input in inputs {
            source::resolve(input.as_ref(), &options, &mut sources, &mut resolve_skips)?;
        }
        if sources.len() > u32::MAX as usize {
            return Err(Error::config("too many input files"));
        }
        Ok(Corpus {
            sources,
            options,
            resolve_skips,
            total_bytes: std::sync::OnceLock::new(),
        })
    }

    /// The sum of the sizes of the source files in bytes (a file whose size cannot be read
    /// counts 0).
    pub fn total_bytes(&self) -> u64 {
        *self.total_bytes.get_or_init(|| {
            self.sources
                .iter()
                .map(|s| std::fs::metadata(&s.path).map_or(0, |m| m.len()))
                .sum()
        })
    }

    /// About how many records the corpus holds, given that the first `records` take `bytes`
    /// bytes of the files: for sizing buffers before a run (never below `records`). An
    /// estimate, which may be far off when record sizes vary along the input; it is never
    /// more than the files could hold (a record takes at least [`MIN_RECORD_BYTES`]), and a
    /// sample under [`MIN_SAMPLE_BYTES`] that is not the whole input gives no estimate
    /// (`records`): a few short records first would predict far too many.
    pub fn estimate_records(&self, records: usize, bytes: u64) -> usize {
        let total = self.total_bytes().max(bytes);
        if bytes < total.min(MIN_SAMPLE_BYTES) {
            return records;
        }
        let estimate = (total as f64 * records as f64 / bytes.max(1) as f64).ceil();
        let most = (total / MIN_RECORD_BYTES) as f64;
        (estimate.min(most) as usize).max(records)
    }

    /// The resolved sources, in reading order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The ingest options.
    pub fn options(&self) -> &IngestOptions {
        &self.options
    }

    /// A streaming reader over all documents, in input order.
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            corpus: self,
            next_source: 0,
            current: None,
            seen: HashMap::new(),
            skipped: self.resolve_skips.clone(),
            failed: false,
        }
    }

    /// Reads every document into memory.
    ///
    /// Records are parsed in parallel on the current rayon pool ([`Corpus::par_map`]); the
    /// documents, errors and skips are those of [`Corpus::reader`], in input order.
    pub fn read_all(&self) -> Result<Ingested> {
        let mut documents = Vec::new();
        let skipped = self.par_map(
            8 << 20,
            |doc| std::mem::take(&mut doc.text),
            |batch| {
                documents.extend(
                    batch
                        .into_iter()
                        .map(|(meta, text)| Document { meta, text }),
                );
                Ok(true)
            },
        )?;
        Ok(Ingested { documents, skipped })
    }

    /// The location of a record, for messages.
    pub fn location(&self, origin: &Origin) -> Location {
        let source = &self.sources[origin.source as usize];
        match source.format {
            Format::Text => Location::file(source.display.clone()),
            Format::JsonLines => Location::line(source.display.clone(), origin.line),
        }
    }

    /// The raw bytes of a record, read again from its file: the JSON line as it was, or the whole
    /// text file including its front matter. Used to write a deduplicated corpus.
    pub fn raw_record(&self, origin: &Origin) -> Result<Vec<u8>> {
        let source = &self.sources[origin.source as usize];
        let at = self.location(origin);
        let io = |source| {
            Error::from(ErrorKind::Io {
                at: at.clone(),
                source,
            })
        };
        let mut file = File::open(&source.path).map_err(io)?;
        file.seek(SeekFrom::Start(origin.offset)).map_err(io)?;
        let mut buf = vec![0; origin.len as usize];
        file.read_exact(&mut buf).map_err(io)?;
        Ok(buf)
    }
}

/// Streaming iterator over a corpus's documents. See [`Corpus::reader`].
///
/// Yields `Err` for the first bad record (and then stops) unless skipping is on, in which case
/// bad records are collected in [`Reader::skipped`].
pub struct Reader<'c> {
    corpus: &'c Corpus,
    next_source: usize,
    /// The JSON Lines file being read: source, reader, lines read, offset, and whether a line
    /// that is not blank was read (a file without one is an input problem).
    current: Option<(u32, BufReader<File>, u64, u64, bool)>,
    /// xxh3-128 of each id -> where it was first seen.
    seen: HashMap<u128, (u32, u64)>,
    skipped: Vec<Skipped>,
    failed: bool,
}

impl Reader<'_> {
    /// Records skipped so far.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Consumes the reader, returning the records it skipped.
    pub fn into_skipped(self) -> Vec<Skipped> {
        self.skipped
    }

    /// Handles a bad record: an error, or a skip.
    fn bad(&mut self, at: Location, problem: Problem) -> Option<Result<Document>> {
        if self.corpus.options.skip_invalid {
            self.skipped.push(Skipped { at, problem });
            None
        } else {
            self.failed = true;
            Some(Err(Error::from(ErrorKind::Input { at, problem })))
        }
    }

    /// Checks the id is new, then yields the document.
    fn accept(&mut self, doc: Document) -> Option<Result<Document>> {
        let origin = doc.meta.origin.expect("ingested documents have an origin");
        let key = xxhash_rust::xxh3::xxh3_128(doc.meta.id.as_bytes());
        match self.seen.get(&key) {
            Some(&(source, line)) => {
                let first_origin = Origin {
                    source,
                    line,
                    offset: 0,
                    len: 0,
                };
                let problem = Problem::DuplicateId {
                    id: doc.meta.id,
                    first: self.corpus.location(&first_origin),
                };
                self.bad(self.corpus.location(&origin), problem)
            }
            None => {
                self.seen.insert(key, (origin.source, origin.line));
                Some(Ok(doc))
            }
        }
    }

    /// The next item from the current JSON Lines file, if one is open.
    fn next_line(&mut self) -> Option<Option<Result<Document>>> {
        let (source_ix, reader, line_no, offset, any) = self.current.as_mut()?;
        let source_ix = *source_ix;
        let limit = self.corpus.options.max_record_bytes;
        let source = &self.corpus.sources[source_ix as usize];
        let mut buf = Vec::new();
        let read = (&mut *reader)
            .take(limit.saturating_add(2))
            .read_until(b'\n', &mut buf);
        *line_no += 1;
        let line = *line_no;
        let start = *offset;
        let at = Location::line(source.display.clone(), line);
        match read {
            Err(e) => {
                self.current = None;
                self.failed = true;
                return Some(Some(Err(Error::from(ErrorKind::Io { at, source: e }))));
            }
            Ok(0) => {
                let empty = !*any;
                self.current = None;
                if empty {
                    let at = Location::file(source.display.clone());
                    return Some(self.bad(at, Problem::EmptyFile));
                }
                return None;
            }
            Ok(n) => *offset += n as u64,
        }
        *any |= line_record(&buf).is_some() || buf.len() as u64 > limit;
        if buf.last() != Some(&b'\n') && buf.len() as u64 > limit {
            // Too long: drain the rest of the line so the next record starts clean.
            let size = buf.len() as u64 + drain_line(reader);
            *offset = start + size;
            return Some(self.bad(at, Problem::TooLarge { size, limit }));
        }
        let Some(len) = line_record(&buf).map(<[u8]>::len) else {
            return Some(None);
        };
        buf.truncate(len);
        let origin = Origin {
            source: source_ix,
            line,
            offset: start,
            len: len as u64,
        };
        Some(match parse::json_record(&buf, origin) {
            Ok(doc) => self.accept(doc),
            Err(problem) => self.bad(at, problem),
        })
    }

    /// Reads one whole-file document.
    fn read_text_file(&mut self, source_ix: u32) -> Option<Result<Document>> {
        let source = &self.corpus.sources[source_ix as usize];
        let at = Location::file(source.display.clone());
        let limit = self.corpus.options.max_record_bytes;
        let bytes = match read_limited(&source.path, limit) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(size)) => return self.bad(at, Problem::TooLarge { size, limit }),
            Err(e) => return self.bad(at, Problem::Unreadable(e.to_string())),
        };
        let origin = Origin {
            source: source_ix,
            line: 1,
            offset: 0,
            len: bytes.len() as u64,
        };
        match parse::text_file(bytes, &source.default_id, origin) {
            Ok(doc) => self.accept(doc),
            Err(problem) => self.bad(at, problem),
        }
    }
}

/// The record on a JSON Lines line: the line without its terminator (every trailing `\n` and
/// `\r`), or `None` for a blank line (ASCII whitespace only), which is not a record. Both
/// readers, [`Reader`] and [`Corpus::par_map`]'s, cut lines by this rule.
fn line_record(line: &[u8]) -> Option<&[u8]> {
    let mut len = line.len();
    while len > 0 && matches!(line[len - 1], b'\n' | b'\r') {
        len -= 1;
    }
    let record = &line[..len];
    (!record.iter().all(u8::is_ascii_whitespace)).then_some(record)
}

/// Reads a whole file, or returns its size if it is over the limit.
fn read_limited(path: &std::path::Path, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Ok(Err(size));
    }
    Ok(Ok(bytes))
}

impl Iterator for Reader<'_> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        if self.failed {
            return None;
        }
        loop {
            if let Some(item) = self.next_line() {
                match item {
                    Some(result) => return Some(result),
                    None => continue,
                }
            }
            let ix = self.next_source;
            if ix >= self.corpus.sources.len() {
                return None;
            }
            self.next_source += 1;
            let source = &self.corpus.sources[ix];
            match source.format {
                Format::Text => {
                    if let Some(result) = self.read_text_file(ix as u32) {
                        return Some(result);
                    }
                }
                Format::JsonLines => match File::open(&source.path) {
                    Ok(file) => {
                        self.current = Some((
                            ix as u32,
                            BufReader::with_capacity(1 << 20, file),
                            0,
                            0,
                            false,
                        ))
                    }
                    Err(e) => {
                        let at = Location::file(source.display.clone());
                        if let Some(result) = self.bad(at, Problem::Unreadable(e.to_string())) {
                            return Some(result);
                        }
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests;

/// Skips the rest of the current line (up to and including its `\n`, or to the end of the input
/// or the first read error) and returns how many bytes it skipped: a record over the size limit
/// is drained, not buffered, so that the next record starts clean.
fn drain_line(reader: &mut impl std::io::BufRead) -> u64 {
    let mut size = 0;
    loop {
        let (done, used) = match reader.fill_buf() {
            Ok([]) => (true, 0),
            Ok(bytes) => match memchr::memchr(b'\n', bytes) {
                Some(i) => (true, i + 1),
                None => (false, bytes.len()),
            },
            Err(_) => (true, 0),
        };
        reader.consume(used);
        size += used as u64;
        if done {
            return size;
        }
    }
}
