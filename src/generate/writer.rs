//! Writing the corpus, truth and edits files in id order with bounded memory.
//!
//! Documents come out of the [`Generator`] in story order with shuffled ids. Each record is
//! serialized at once and appended to the bucket of its id (a temporary file per 8192 ids when
//! the corpus is larger than that); the buckets are then sorted one at a time and written out.
//! Peak memory is one bucket, whatever the corpus size.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Config, Generator, Record, Summary};
use crate::error::{Error, Result};

const BUCKET: usize = 8192;

#[derive(Serialize)]
struct CorpusLine<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    published: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct TruthLine<'a> {
    id: &'a str,
    group: &'a str,
    event: &'a str,
    story: &'a str,
}

#[derive(Serialize)]
struct EditsLine<'a> {
    id: &'a str,
    base: &'a str,
    edits: &'a [super::Edit],
}

/// The three JSON lines of a record, each ending in `\n` (the edits line may be empty).
fn lines(r: &Record) -> [Vec<u8>; 3] {
    let mut corpus = serde_json::to_vec(&CorpusLine {
        id: &r.id,
        title: &r.title,
        source: &r.source,
        published: &r.published,
        text: &r.text,
    })
    .expect("strings serialize");
    corpus.push(b'\n');
    let mut truth = serde_json::to_vec(&TruthLine {
        id: &r.id,
        group: &r.group,
        event: &r.event,
        story: &r.story,
    })
    .expect("strings serialize");
    truth.push(b'\n');
    let mut edits = Vec::new();
    if let Some(base) = &r.base {
        edits = serde_json::to_vec(&EditsLine {
            id: &r.id,
            base,
            edits: &r.edits,
        })
        .expect("edits serialize");
        edits.push(b'\n');
    }
    [corpus, truth, edits]
}

fn put(buf: &mut impl Write, position: u32, lines: &[Vec<u8>; 3]) -> std::io::Result<()> {
    buf.write_all(&position.to_le_bytes())?;
    for l in lines {
        buf.write_all(&(l.len() as u64).to_le_bytes())?;
        buf.write_all(l)?;
    }
    Ok(())
}

/// Parses a bucket back into `(position, lines)` records.
fn records(bytes: &[u8]) -> Vec<(u32, [&[u8]; 3])> {
    let mut out = Vec::new();
    let mut at = 0;
    let take = |at: &mut usize, n: usize| {
        let s = &bytes[*at..*at + n];
        *at += n;
        s
    };
    while at < bytes.len() {
        let pos = u32::from_le_bytes(take(&mut at, 4).try_into().expect("4 bytes"));
        let mut ls: [&[u8]; 3] = [&[]; 3];
        for l in &mut ls {
            let n = u64::from_le_bytes(take(&mut at, 8).try_into().expect("8 bytes")) as usize;
            *l = take(&mut at, n);
        }
        out.push((pos, ls));
    }
    out
}

struct Outputs {
    files: [(PathBuf, BufWriter<File>); 3],
}

impl Outputs {
    fn create(dir: &Path) -> Result<Outputs> {
        let open = |name: &str| -> Result<(PathBuf, BufWriter<File>)> {
            let path = dir.join(name);
            let f = File::create(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, BufWriter::with_capacity(1 << 20, f)))
        };
        Ok(Outputs {
            files: [
                open("corpus.jsonl")?,
                open("truth.jsonl")?,
                open("edits.jsonl")?,
            ],
        })
    }

    fn write_bucket(&mut self, bytes: &[u8]) -> Result<()> {
        let mut recs = records(bytes);
        recs.sort_unstable_by_key(|r| r.0);
        for (_, ls) in recs {
            for (l, (path, f)) in ls.iter().zip(self.files.iter_mut()) {
                f.write_all(l).map_err(|e| Error::io(&*path, e))?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        for (path, mut f) in self.files {
            f.flush().map_err(|e| Error::io(&path, e))?;
        }
        Ok(())
    }
}

/// Generates the corpus described by `config` into `dir` (created if missing):
/// `corpus.jsonl`, `truth.jsonl` and `edits.jsonl`.
pub fn write(config: &Config, dir: &Path) -> Result<Summary> {
    write_in_buckets(config, dir, BUCKET)
}

/// [`write`] with `bucket` ids per temporary file.
pub(crate) fn write_in_buckets(config: &Config, dir: &Path, bucket: usize) -> Result<Summary> {
    let bucket = bucket.max(1);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut out = Outputs::create(dir)?;
    let mut generator = Generator::new(config.clone())?;
    let n = config.docs;
    if n <= bucket {
        let mut buf = Vec::new();
        for r in generator.by_ref() {
            put(&mut buf, r.position, &lines(&r)).expect("writing to memory");
        }
        out.write_bucket(&buf)?;
    } else {
        let tmp = tempfile::Builder::new()
            .prefix(".generate-")
            .tempdir_in(dir)
            .map_err(|e| Error::io(dir, e))?;
        let count = n.div_ceil(bucket);
        let paths: Vec<PathBuf> = (0..count)
            .map(|i| tmp.path().join(format!("{i}")))
            .collect();
        let mut buckets = paths
            .iter()
            .map(|p| {
                File::create(p)
                    .map(|f| BufWriter::with_capacity(1 << 16, f))
                    .map_err(|e| Error::io(p, e))
            })
            .collect::<Result<Vec<_>>>()?;
        for r in generator.by_ref() {
            let b = r.position as usize / bucket;
            put(&mut buckets[b], r.position, &lines(&r)).map_err(|e| Error::io(&paths[b], e))?;
        }
        for (b, p) in buckets.into_iter().zip(&paths) {
            b.into_inner().map_err(|e| Error::io(p, e.into_error()))?;
        }
        let mut bytes = Vec::new();
        for p in &paths {
            bytes.clear();
            BufReader::new(File::open(p).map_err(|e| Error::io(p, e))?)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(p, e))?;
            out.write_bucket(&bytes)?;
            std::fs::remove_file(p).map_err(|e| Error::io(p, e))?;
        }
    }
    out.finish()?;
    Ok(generator.summary())
}
