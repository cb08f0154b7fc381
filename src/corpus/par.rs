//! Parallel ingest: one thread cuts raw records, rayon workers parse them, ids are checked in
//! input order.
//!
//! The reader thread only finds record boundaries (a `memchr` for `\n` over large reads straight
//! into a batch buffer, reused once the batch is parsed). UTF-8 validation, JSON parsing and
//! whatever the caller does with each document run on the rayon pool. Duplicate ids are then
//! checked on the calling thread in input order, so errors and skips are exactly those of
//! [`Corpus::reader`]: the first bad record in input order wins, naming its file and line.

use std::collections::HashMap;
use std::fs::File;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::{OnceLock, mpsc};

use rayon::prelude::*;

use super::{
    Corpus, Document, Format, Meta, Origin, Skipped, line_record, parse, read_limited, source,
};
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

/// Records cut by the reader thread: the bytes read, and where each record is in them.
struct RawBatch {
    /// Bytes as read from the files (line terminators and blank lines included); its whole
    /// length is initialized, so that a buffer given back can be read into again without
    /// clearing it.
    data: Vec<u8>,
    items: Vec<Item>,
}

/// Bytes read at least per `read` call (and kept free at the end of a buffer).
const READ_AHEAD: usize = 64 << 10;

/// The JSON Lines file being read.
struct OpenFile {
    source: u32,
    file: File,
    /// Lines cut so far.
    line: u64,
    /// The file offset of the first byte not cut yet.
    offset: u64,
    /// The end of the file was reached.
    eof: bool,
    /// A line that is not blank was cut: a file without one is an input problem.
    any: bool,
}

/// A batch being cut: `data[..pos]` is cut into `items`, `data[pos..filled]` is read ahead.
struct Cut {
    data: Vec<u8>,
    filled: usize,
    pos: usize,
    /// Bytes of the records cut, counted against the batch size.
    bytes: usize,
    items: Vec<Item>,
}

impl Cut {
    /// Makes `extra` bytes free after `filled`.
    fn reserve(&mut self, extra: usize) {
        let need = self.filled + extra;
        if self.data.len() < need {
            self.data.resize(need.max(self.data.len() * 2), 0);
        }
    }
}

/// Cuts the corpus into raw batches. Same record boundaries, line numbers, offsets and
/// reader-level problems as [`super::Reader`]. JSON Lines files are read in large blocks
/// straight into the batch buffer and cut there (no copy per line); the bytes read past the end
/// of a batch start the next one.
struct RawReader<'c> {
    corpus: &'c Corpus,
    next_source: usize,
    current: Option<OpenFile>,
    /// Bytes of the current file read past the end of the last batch.
    carry: Vec<u8>,
    /// Buffers of parsed batches, given back to be filled again.
    spare: mpsc::Receiver<Vec<u8>>,
    done: bool,
}

impl RawReader<'_> {
    fn next_batch(&mut self, batch_bytes: usize) -> Option<RawBatch> {
        loop {
            if self.done {
                return None;
            }
            let batch = self.cut(batch_bytes);
            if !batch.items.is_empty() {
                return Some(batch);
            }
        }
    }

    /// Cuts the next batch (which may be empty, of blank lines).
    fn cut(&mut self, batch_bytes: usize) -> RawBatch {
        let mut data = self.spare.try_recv().unwrap_or_default();
        let size = batch_bytes.min(32 << 20) + READ_AHEAD;
        let need = size.max(self.carry.len() + READ_AHEAD);
        if data.len() < need {
            data.resize(need, 0);
        }
        data[..self.carry.len()].copy_from_slice(&self.carry);
        let mut cut = Cut {
            data,
            filled: self.carry.len(),
            pos: 0,
            bytes: 0,
            items: Vec::new(),
        };
        self.carry.clear();
        while cut.bytes < batch_bytes && !self.done {
            if self.current.is_some() {
                if !self.next_line(&mut cut, batch_bytes) {
                    break;
                }
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
                Format::Text => self.text_file(ix as u32, &mut cut),
                Format::JsonLines => match File::open(&source.path) {
                    Ok(file) => {
                        self.current = Some(OpenFile {
                            source: ix as u32,
                            file,
                            line: 0,
                            offset: 0,
                            eof: false,
                            any: false,
                        });
                    }
                    Err(e) => cut.items.push(Item::Bad(
                        Location::file(source.display.clone()),
                        Problem::Unreadable(e.to_string()),
                    )),
                },
            }
        }
        self.carry.extend_from_slice(&cut.data[cut.pos..cut.filled]);
        RawBatch {
            data: cut.data,
            items: cut.items,
        }
    }

    /// Cuts the next line of the current JSON Lines file into the batch, reading more of the
    /// file as needed. False when the batch must end first, to make room for the line.
    fn next_line(&mut self, cut: &mut Cut, batch_bytes: usize) -> bool {
        let limit = self.corpus.options.max_record_bytes;
        loop {
            let Some(open) = self.current.as_mut() else {
                return true;
            };
            let rest = &cut.data[cut.pos..cut.filled];
            if let Some(i) = memchr::memchr(b'\n', rest) {
                self.line(cut, i + 1, true);
                return true;
            }
            if rest.len() as u64 > limit.saturating_add(2) {
                self.too_large(cut);
                return true;
            }
            if open.eof {
                if rest.is_empty() {
                    if !open.any {
                        let source = &self.corpus.sources[open.source as usize];
                        let at = Location::file(source.display.clone());
                        cut.items.push(Item::Bad(at, Problem::EmptyFile));
                    }
                    self.current = None;
                } else {
                    self.line(cut, rest.len(), false);
                }
                return true;
            }
            if cut.data.len() - cut.filled < READ_AHEAD / 4 {
                if cut.pos > 0 {
                    return false; // the partial line starts the next batch
                }
                cut.reserve(READ_AHEAD);
            }
            let want = batch_bytes.saturating_sub(cut.filled).max(READ_AHEAD);
            let end = cut.data.len().min(cut.filled.saturating_add(want));
            match open.file.read(&mut cut.data[cut.filled..end]) {
                Ok(0) => open.eof = true,
                Ok(n) => cut.filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let source = &self.corpus.sources[open.source as usize];
                    cut.items.push(Item::Fatal(Error::from(ErrorKind::Io {
                        at: Location::line(source.display.clone(), open.line + 1),
                        source: e,
                    })));
                    self.current = None;
                    self.done = true;
                    return true;
                }
            }
        }
    }

    /// Cuts the line of `size` bytes at `cut.pos` (its terminator included when `newline`).
    fn line(&mut self, cut: &mut Cut, size: usize, newline: bool) {
        let open = self.current.as_mut().expect("a file is open");
        let limit = self.corpus.options.max_record_bytes;
        open.line += 1;
        let (line, offset) = (open.line, open.offset);
        open.offset += size as u64;
        let start = cut.pos;
        cut.pos += size;
        // As `take(limit + 2).read_until(b'\n')` in the sequential reader: a line is too large
        // when those bytes hold no line end and are more than `limit`.
        let too_large = if newline {
            size as u64 > limit.saturating_add(2)
        } else {
            size as u64 > limit
        };
        if too_large {
            open.any = true;
            let source = &self.corpus.sources[open.source as usize];
            cut.items.push(Item::Bad(
                Location::line(source.display.clone(), line),
                Problem::TooLarge {
                    size: size as u64,
                    limit,
                },
            ));
            return;
        }
        let Some(len) = line_record(&cut.data[start..cut.pos]).map(<[u8]>::len) else {
            return; // a blank line is not a record
        };
        open.any = true;
        cut.bytes += len;
        cut.items.push(Item::Record {
            start,
            origin: Origin {
                source: open.source,
                line,
                offset,
                len: len as u64,
            },
        });
    }

    /// The line at `cut.pos` has no end within the limit: reads on to its end without keeping
    /// it, and cuts it as too large.
    fn too_large(&mut self, cut: &mut Cut) {
        let open = self.current.as_mut().expect("a file is open");
        let limit = self.corpus.options.max_record_bytes;
        let mut size = (cut.filled - cut.pos) as u64;
        cut.filled = cut.pos;
        cut.reserve(READ_AHEAD);
        let at = cut.filled;
        while !open.eof {
            match open.file.read(&mut cut.data[at..at + READ_AHEAD]) {
                Ok(0) => open.eof = true,
                Ok(n) => match memchr::memchr(b'\n', &cut.data[at..at + n]) {
                    Some(i) => {
                        size += i as u64 + 1;
                        cut.data.copy_within(at + i + 1..at + n, at);
                        cut.filled = at + n - (i + 1);
                        break;
                    }
                    None => size += n as u64,
                },
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break, // the next read reports it
            }
        }
        open.line += 1;
        open.any = true;
        let line = open.line;
        open.offset += size;
        let source = &self.corpus.sources[open.source as usize];
        cut.items.push(Item::Bad(
            Location::line(source.display.clone(), line),
            Problem::TooLarge { size, limit },
        ));
    }

    /// Reads one whole-file document into the batch.
    fn text_file(&mut self, source_ix: u32, cut: &mut Cut) {
        let source = &self.corpus.sources[source_ix as usize];
        let at = || Location::file(source.display.clone());
        let limit = self.corpus.options.max_record_bytes;
        match read_limited(&source.path, limit) {
            Ok(Ok(bytes)) => {
                cut.reserve(bytes.len());
                let start = cut.filled;
                cut.data[start..start + bytes.len()].copy_from_slice(&bytes);
                cut.filled += bytes.len();
                cut.pos = cut.filled;
                cut.bytes += bytes.len();
                cut.items.push(Item::Record {
                    start,
                    origin: Origin {
                        source: source_ix,
                        line: 1,
                        offset: 0,
                        len: bytes.len() as u64,
                    },
                });
            }
            Ok(Err(size)) => cut
                .items
                .push(Item::Bad(at(), Problem::TooLarge { size, limit })),
            Err(e) => cut
                .items
                .push(Item::Bad(at(), Problem::Unreadable(e.to_string()))),
        }
    }
}

/// A parsed item, in input order.
enum Parsed<T> {
    /// The document's metadata, the xxh3-128 hash of its id (for the duplicate check, computed
    /// by the worker rather than by the thread that checks ids in order), and `map`'s value.
    Ok(Meta, u128, T),
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

/// Hashes the xxh3-128 hash of an id for the map of ids seen: its low 64 bits are a hash already
/// (SipHash would double the cost of the check, which runs on the calling thread).
#[derive(Default)]
struct IdHashHasher(u64);

impl Hasher for IdHashHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, key: u128) {
        self.0 = key as u64;
    }
}

/// The key of an id in the map of ids seen ([`Accept::new_id`]).
fn id_key(id: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(id.as_bytes())
}

/// Duplicate-id check and skip list, in input order.
struct Accept<'c> {
    corpus: &'c Corpus,
    /// xxh3-128 of each id -> where it was first seen.
    seen: HashMap<u128, (u32, u64), BuildHasherDefault<IdHashHasher>>,
    skipped: Vec<Skipped>,
}

impl Accept<'_> {
    /// A bad record: `Err` to stop, or a skip.
    fn bad(&mut self, at: Location, problem: Problem) -> Result<()> {
        source::reject(at, problem, &self.corpus.options, &mut self.skipped)
    }

    /// True when the id is new; a duplicate is an error or a skip.
    /// `key` is the xxh3-128 hash of the id ([`id_key`]).
    fn new_id(&mut self, meta: &Meta, key: u128) -> Result<bool> {
        let origin = meta.origin.expect("ingested documents have an origin");
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
        f: impl FnMut(Vec<(Meta, T)>) -> Result<bool>,
    ) -> Result<Vec<Skipped>> {
        self.par_map_with(batch_bytes, || (), |_, doc| map(doc), f)
    }

    /// [`Corpus::par_map`] with a value for each batch: `start()` makes it on the calling
    /// thread before the batch is handed to the workers, and `map` gets it with each of the
    /// batch's documents.
    ///
    /// The workers parse a batch while `f` runs on the one before it (so that they need not
    /// wait for `f`): `start()` for a batch is called after `f` has returned for every earlier
    /// batch but the one just before it, and before `f` is called for that one. A value that
    /// `start` computes from what `f` has seen is therefore the same on every run.
    pub fn par_map_with<C: Sync, T: Send>(
        &self,
        batch_bytes: usize,
        mut start: impl FnMut() -> C,
        map: impl Fn(&C, &mut Document) -> T + Sync,
        mut f: impl FnMut(Vec<(Meta, T)>) -> Result<bool>,
    ) -> Result<Vec<Skipped>> {
        let mut accept = Accept {
            corpus: self,
            seen: HashMap::default(),
            skipped: self.resolve_skips.clone(),
        };
        let batch_bytes = batch_bytes.max(1);
        let (back, spare) = mpsc::channel::<Vec<u8>>();
        // Parses a raw batch on the pool and gives its buffer back to the reader.
        let parse = |batch: RawBatch, ctx: &C| -> Vec<Parsed<T>> {
            let data = &batch.data;
            let parsed = batch
                .items
                .into_par_iter()
                .with_min_len(8)
                .map(|item| match item {
                    Item::Record { start, origin } => {
                        let bytes = &data[start..start + origin.len as usize];
                        match parse_record(self, bytes, origin) {
                            Ok(mut doc) => {
                                let value = map(ctx, &mut doc);
                                let key = id_key(&doc.meta.id);
                                Parsed::Ok(doc.meta, key, value)
                            }
                            Err(problem) => Parsed::Bad(self.location(&origin), problem),
                        }
                    }
                    Item::Bad(at, problem) => Parsed::Bad(at, problem),
                    Item::Fatal(e) => Parsed::Fatal(e),
                })
                .collect();
            let _ = back.send(batch.data); // the reader may be done
            parsed
        };
        // Duplicate ids and problems in input order, then `f`.
        let mut consume = |parsed: Vec<Parsed<T>>| -> Result<bool> {
            if accept.seen.is_empty() {
                // Sized for the whole corpus from the first batch, rather than grown (and every
                // id hashed into it again) as it fills.
                let (records, bytes) = parsed.iter().fold((0, 0), |(n, b), item| match item {
                    Parsed::Ok(meta, _, _) => (n + 1, b + meta.origin.map_or(0, |o| o.len + 1)),
                    _ => (n, b),
                });
                if records > 0 {
                    let _ = accept
                        .seen
                        .try_reserve(self.estimate_records(records, bytes));
                }
            }
            let mut out = Vec::with_capacity(parsed.len());
            for item in parsed {
                match item {
                    Parsed::Ok(meta, key, value) => {
                        if accept.new_id(&meta, key)? {
                            out.push((meta, value));
                        }
                    }
                    Parsed::Bad(at, problem) => accept.bad(at, problem)?,
                    Parsed::Fatal(e) => return Err(e),
                }
            }
            f(out)
        };
        std::thread::scope(|scope| -> Result<()> {
            let (tx, rx) = mpsc::sync_channel::<RawBatch>(0);
            scope.spawn(move || {
                let mut reader = RawReader {
                    corpus: self,
                    next_source: 0,
                    current: None,
                    carry: Vec::new(),
                    spare,
                    done: false,
                };
                while let Some(batch) = reader.next_batch(batch_bytes) {
                    if tx.send(batch).is_err() {
                        return;
                    }
                }
            });
            // Dropping `rx` on an early return unblocks and stops the reader thread.
            let mut pending: Option<Vec<Parsed<T>>> = None;
            loop {
                let next = rx.recv().ok();
                if next.is_none() && pending.is_none() {
                    break;
                }
                let ctx = next.as_ref().map(|_| start());
                let mut parsed_next = None;
                let mut outcome = Ok(true);
                rayon::in_place_scope(|s| {
                    if let (Some(batch), Some(ctx)) = (next, ctx.as_ref()) {
                        let slot = &mut parsed_next;
                        let parse = &parse;
                        s.spawn(move |_| *slot = Some(parse(batch, ctx)));
                    }
                    if let Some(parsed) = pending.take() {
                        outcome = consume(parsed);
                    }
                });
                if !outcome? {
                    break;
                }
                pending = parsed_next;
            }
            Ok(())
        })?;
        Ok(accept.skipped)
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
    /// record having been checked whole when it was first read. The line is read into a
    /// per-thread buffer, which `f` does not hold (it may call `with_id_text` again).
    pub fn with_id_text<R>(&self, origin: &Origin, f: impl FnOnce(&str, &str) -> R) -> Result<R> {
        let source = &self.corpus.sources[origin.source as usize];
        if source.format != Format::JsonLines {
            let doc = self.document(origin)?;
            return Ok(f(&doc.meta.id, &doc.text));
        }
        // Read into a per-thread buffer: many records are read again, one at a time per thread,
        // and a fresh buffer each (calloc, then free) cost more than the read on a large run.
        // The buffer is taken out while `f` runs (nothing stays borrowed, so `f` may use rayon,
        // whose work stealing can run another re-read on this thread), then put back unless one
        // huge record made it large.
        let mut buf = REREAD.take();
        let result = self.read_into(origin, &mut buf).and_then(|()| {
            let (id, text) = parse::json_id_text(&buf)
                .map_err(|problem| self.corpus.problem_at(origin, problem))?;
            Ok(f(&id, &text))
        });
        if buf.capacity() <= REREAD_KEEP_BYTES {
            REREAD.set(buf);
        }
        result
    }

    #[cfg(unix)]
    fn raw(&self, origin: &Origin) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        self.read_into(origin, &mut buf)?;
        Ok(buf)
    }

    /// Reads the record at `origin` into `buf` (resized to the record's length).
    #[cfg(unix)]
    fn read_into(&self, origin: &Origin, buf: &mut Vec<u8>) -> Result<()> {
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
        buf.resize(origin.len as usize, 0);
        file.read_exact_at(buf, origin.offset).map_err(io)
    }

    #[cfg(not(unix))]
    fn raw(&self, origin: &Origin) -> Result<Vec<u8>> {
        self.corpus.raw_record(origin)
    }

    #[cfg(not(unix))]
    fn read_into(&self, origin: &Origin, buf: &mut Vec<u8>) -> Result<()> {
        *buf = self.corpus.raw_record(origin)?;
        Ok(())
    }
}

thread_local! {
    /// A thread's buffer for [`Refetch::with_id_text`].
    static REREAD: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A re-read buffer that grew past this is dropped rather than kept for the thread's lifetime.
const REREAD_KEEP_BYTES: usize = 1 << 20;
