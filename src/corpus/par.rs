//! Parallel ingest: one thread cuts raw records, rayon workers parse them, ids are checked in
//! input order.
//!
//! The reader thread only finds record boundaries (a `memchr` for `\n` over large buffered
//! reads) and copies the record bytes into a batch buffer. UTF-8 validation, JSON parsing and
//! whatever the caller does with each document run on the rayon pool. Duplicate ids are then
//! checked on the calling thread in input order, so errors and skips are exactly those of
//! [`Corpus::reader`]: the first bad record in input order wins, naming its file and line.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::{OnceLock, mpsc};

use rayon::prelude::*;

use super::{Corpus, Document, Format, Meta, Origin, Skipped, drain_line, parse, read_limited};
use crate::error::{Error, ErrorKind, Location, Problem, Result};

/// One item of a raw batch, in input order.
enum Item {
    /// A record whose bytes are `data[start..start + origin.len]`.
    Record { start: usize, origin: Origin },
    /// A record that is bad before parsing (too large, unreadable file).
    Bad(Location, Problem),
    /// A read error: the run stops here whatever the options.
    Fatal(Error),
}

/// Records cut by the reader thread: their bytes, one after the other, and where each one is.
struct RawBatch {
    data: Vec<u8>,
    items: Vec<Item>,
}

/// Cuts the corpus into raw batches. Same record boundaries, line numbers, offsets and
/// reader-level problems as [`super::Reader`].
struct RawReader<'c> {
    corpus: &'c Corpus,
    next_source: usize,
    /// The JSON Lines file being read: source index, reader, last line number, offset.
    current: Option<(u32, BufReader<File>, u64, u64)>,
    done: bool,
}

impl RawReader<'_> {
    fn next_batch(&mut self, batch_bytes: usize) -> Option<RawBatch> {
        if self.done {
            return None;
        }
        let mut batch = RawBatch {
            data: Vec::with_capacity(batch_bytes + (64 << 10)),
            items: Vec::new(),
        };
        while batch.data.len() < batch_bytes && !self.done {
            if self.current.is_some() {
                self.next_line(&mut batch);
                continue;
            }
            let ix = self.next_source;
            if ix >= self.corpus.sources.len() {
                self.done = true;
                break;
            }
            self.next_source += 1;
            let source = &self.corpus.sources[ix];
            match source.format {
                Format::Text => self.text_file(ix as u32, &mut batch),
                Format::JsonLines => match File::open(&source.path) {
                    Ok(file) => {
                        self.current =
                            Some((ix as u32, BufReader::with_capacity(1 << 20, file), 0, 0));
                    }
                    Err(e) => batch.items.push(Item::Bad(
                        Location::file(source.display.clone()),
                        Problem::Unreadable(e.to_string()),
                    )),
                },
            }
        }
        if batch.items.is_empty() {
            None
        } else {
            Some(batch)
        }
    }

    /// Cuts the next line of the current JSON Lines file into the batch.
    fn next_line(&mut self, batch: &mut RawBatch) {
        let Some((source_ix, reader, line_no, offset)) = self.current.as_mut() else {
            return;
        };
        let source_ix = *source_ix;
        let limit = self.corpus.options.max_record_bytes;
        let source = &self.corpus.sources[source_ix as usize];
        let start = batch.data.len();
        let read = (&mut *reader)
            .take(limit.saturating_add(2))
            .read_until(b'\n', &mut batch.data);
        *line_no += 1;
        let line = *line_no;
        let record_offset = *offset;
        let at = || Location::line(source.display.clone(), line);
        match read {
            Err(e) => {
                batch.data.truncate(start);
                batch.items.push(Item::Fatal(Error::from(ErrorKind::Io {
                    at: at(),
                    source: e,
                })));
                self.current = None;
                self.done = true;
                return;
            }
            Ok(0) => {
                self.current = None;
                return;
            }
            Ok(n) => *offset += n as u64,
        }
        let got = batch.data.len() - start;
        if batch.data.last() != Some(&b'\n') && got as u64 > limit {
            // Too long: drain the rest of the line so the next record starts clean.
            batch.data.truncate(start);
            let size = got as u64 + drain_line(reader);
            *offset = record_offset + size;
            batch
                .items
                .push(Item::Bad(at(), Problem::TooLarge { size, limit }));
            return;
        }
        let mut end = batch.data.len();
        while end > start && matches!(batch.data[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        batch.data.truncate(end);
        if batch.data[start..].iter().all(u8::is_ascii_whitespace) {
            batch.data.truncate(start); // a blank line is not a record
            return;
        }
        batch.items.push(Item::Record {
            start,
            origin: Origin {
                source: source_ix,
                line,
                offset: record_offset,
                len: (end - start) as u64,
            },
        });
    }

    /// Reads one whole-file document into the batch.
    fn text_file(&mut self, source_ix: u32, batch: &mut RawBatch) {
        let source = &self.corpus.sources[source_ix as usize];
        let at = || Location::file(source.display.clone());
        let limit = self.corpus.options.max_record_bytes;
        match read_limited(&source.path, limit) {
            Ok(Ok(bytes)) => {
                let start = batch.data.len();
                batch.data.extend_from_slice(&bytes);
                batch.items.push(Item::Record {
                    start,
                    origin: Origin {
                        source: source_ix,
                        line: 1,
                        offset: 0,
                        len: bytes.len() as u64,
                    },
                });
            }
            Ok(Err(size)) => batch
                .items
                .push(Item::Bad(at(), Problem::TooLarge { size, limit })),
            Err(e) => batch
                .items
                .push(Item::Bad(at(), Problem::Unreadable(e.to_string()))),
        }
    }
}

/// A parsed item, in input order.
enum Parsed<T> {
    Ok(Meta, T),
    Bad(Location, Problem),
    Fatal(Error),
}

/// Parses the bytes of one record of `corpus`.
fn parse_record(corpus: &Corpus, bytes: &[u8], origin: Origin) -> Result<Document, Problem> {
    let source = &corpus.sources[origin.source as usize];
    match source.format {
        Format::JsonLines => parse::json_record(bytes, origin),
        Format::Text => parse::text_file(bytes.to_vec(), &source.default_id, origin),
    }
}

/// Duplicate-id check and skip list, in input order.
struct Accept<'c> {
    corpus: &'c Corpus,
    /// xxh3-128 of each id -> where it was first seen.
    seen: HashMap<u128, (u32, u64)>,
    skipped: Vec<Skipped>,
}

impl Accept<'_> {
    /// A bad record: `Err` to stop, or a skip.
    fn bad(&mut self, at: Location, problem: Problem) -> Result<()> {
        if self.corpus.options.skip_invalid {
            self.skipped.push(Skipped { at, problem });
            Ok(())
        } else {
            Err(Error::from(ErrorKind::Input { at, problem }))
        }
    }

    /// True when the id is new; a duplicate is an error or a skip.
    fn new_id(&mut self, meta: &Meta) -> Result<bool> {
        let origin = meta.origin.expect("ingested documents have an origin");
        let key = xxhash_rust::xxh3::xxh3_128(meta.id.as_bytes());
        if let Some(&(source, line)) = self.seen.get(&key) {
            let first = self.corpus.location(&Origin {
                source,
                line,
                offset: 0,
                len: 0,
            });
            let problem = Problem::DuplicateId {
                id: meta.id.clone(),
                first,
            };
            self.bad(self.corpus.location(&origin), problem)?;
            return Ok(false);
        }
        self.seen.insert(key, (origin.source, origin.line));
        Ok(true)
    }
}

impl Corpus {
    /// Reads the corpus in parallel: a helper thread cuts batches of about `batch_bytes` of raw
    /// records, the rayon pool parses them and calls `map` on each document (which may take its
    /// text), and `f` gets each batch's `(meta, map(doc))` in input order. `f` returns false to
    /// stop early. Returns the records skipped.
    ///
    /// Errors and skips are those of [`Corpus::reader`], in the same order; on an error, `f` is
    /// not called for the batch that holds the bad record.
    pub fn par_map<T: Send>(
        &self,
        batch_bytes: usize,
        map: impl Fn(&mut Document) -> T + Sync,
        mut f: impl FnMut(Vec<(Meta, T)>) -> Result<bool>,
    ) -> Result<Vec<Skipped>> {
        let mut accept = Accept {
            corpus: self,
            seen: HashMap::new(),
            skipped: self.resolve_skips.clone(),
        };
        let batch_bytes = batch_bytes.max(1);
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<RawBatch>(1);
            scope.spawn(move || {
                let mut reader = RawReader {
                    corpus: self,
                    next_source: 0,
                    current: None,
                    done: false,
                };
                while let Some(batch) = reader.next_batch(batch_bytes) {
                    if tx.send(batch).is_err() {
                        return;
                    }
                }
            });
            // Dropping `rx` on an early return unblocks and stops the reader thread.
            for batch in rx {
                let data = &batch.data;
                let parsed: Vec<Parsed<T>> = batch
                    .items
                    .into_par_iter()
                    .with_min_len(8)
                    .map(|item| match item {
                        Item::Record { start, origin } => {
                            let bytes = &data[start..start + origin.len as usize];
                            match parse_record(self, bytes, origin) {
                                Ok(mut doc) => {
                                    let value = map(&mut doc);
                                    Parsed::Ok(doc.meta, value)
                                }
                                Err(problem) => Parsed::Bad(self.location(&origin), problem),
                            }
                        }
                        Item::Bad(at, problem) => Parsed::Bad(at, problem),
                        Item::Fatal(e) => Parsed::Fatal(e),
                    })
                    .collect();
                drop(batch.data);
                let mut out = Vec::with_capacity(parsed.len());
                for item in parsed {
                    match item {
                        Parsed::Ok(meta, value) => {
                            if accept.new_id(&meta)? {
                                out.push((meta, value));
                            }
                        }
                        Parsed::Bad(at, problem) => accept.bad(at, problem)?,
                        Parsed::Fatal(e) => return Err(e),
                    }
                }
                if !f(out)? {
                    break;
                }
            }
            Ok(std::mem::take(&mut accept.skipped))
        })
    }

    /// Reads the document at `origin` again from its file and parses it. For reading a few
    /// documents back after their text was dropped; see [`Refetch`] for many.
    pub fn document_at(&self, origin: &Origin) -> Result<Document> {
        let bytes = self.raw_record(origin)?;
        parse_record(self, &bytes, *origin).map_err(|problem| self.problem_at(origin, problem))
    }

    /// The error for `problem` in the record at `origin` (its location is built only here, on
    /// the error path).
    fn problem_at(&self, origin: &Origin, problem: Problem) -> Error {
        Error::from(ErrorKind::Input {
            at: self.location(origin),
            problem,
        })
    }
}

/// Reads documents back from their files by origin, from many threads at once, keeping each
/// file open (positioned reads, no seeking).
#[derive(Debug)]
pub struct Refetch<'c> {
    corpus: &'c Corpus,
    files: Vec<OnceLock<std::result::Result<File, String>>>,
}

impl<'c> Refetch<'c> {
    /// A reader over `corpus`'s sources.
    pub fn new(corpus: &'c Corpus) -> Refetch<'c> {
        Refetch {
            corpus,
            files: (0..corpus.sources.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The document at `origin`, read and parsed again.
    pub fn document(&self, origin: &Origin) -> Result<Document> {
        let bytes = self.raw(origin)?;
        parse_record(self.corpus, &bytes, *origin)
            .map_err(|problem| self.corpus.problem_at(origin, problem))
    }

    /// `f(id, text)` of the record at `origin`, read again; of a JSON Lines record only the id
    /// and the text are parsed (the text borrowed from the line when it has no escapes), the
    /// record having been checked whole when it was first read.
    pub fn with_id_text<R>(&self, origin: &Origin, f: impl FnOnce(&str, &str) -> R) -> Result<R> {
        let source = &self.corpus.sources[origin.source as usize];
        if source.format != Format::JsonLines {
            let doc = self.document(origin)?;
            return Ok(f(&doc.meta.id, &doc.text));
        }
        let bytes = self.raw(origin)?;
        let (id, text) = parse::json_id_text(&bytes)
            .map_err(|problem| self.corpus.problem_at(origin, problem))?;
        Ok(f(&id, &text))
    }

    #[cfg(unix)]
    fn raw(&self, origin: &Origin) -> Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let source = &self.corpus.sources[origin.source as usize];
        let io = |e: std::io::Error| {
            Error::from(ErrorKind::Io {
                at: self.corpus.location(origin),
                source: e,
            })
        };
        let file = self.files[origin.source as usize]
            .get_or_init(|| File::open(&source.path).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| io(std::io::Error::other(e.clone())))?;
        let mut buf = vec![0; origin.len as usize];
        file.read_exact_at(&mut buf, origin.offset).map_err(io)?;
        Ok(buf)
    }

    #[cfg(not(unix))]
    fn raw(&self, origin: &Origin) -> Result<Vec<u8>> {
        self.corpus.raw_record(origin)
    }
}
