//! The JSON renderer: the versioned schema documented at [`super::SCHEMA_VERSION`].
//!
//! The output is exactly `serde_json::to_writer_pretty` of the [`Report`] plus a newline, but
//! the elements of the large arrays (documents, events, discrepancies, agreements) are
//! serialized in parallel, a bounded batch at a time, while the previous batch is written: a
//! report on 100k documents runs to 600 MB, which one core takes seconds to format.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use super::Report;

/// Renders the report as pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes what [`render`] returns to `out`, without building it in memory first (a report on a
/// large corpus runs to hundreds of megabytes): at most two batches of array elements (a few
/// MiB per thread each) are held at a time.
pub fn write<W: Write>(report: &Report, mut out: W) -> io::Result<()> {
    // Every field, so that a new one cannot be forgotten here.
    let Report {
        schema_version,
        documents,
        events,
        discrepancies,
        agreements,
        skipped,
    } = report;
    out.write_all(b"{\n  \"schema_version\": ")?;
    let mut buf = Vec::new();
    pretty_at(schema_version, 1, &mut buf)?;
    out.write_all(&buf)?;
    out.write_all(b",\n  \"documents\": ")?;
    write_array(documents, &mut out)?;
    out.write_all(b",\n  \"events\": ")?;
    write_array(events, &mut out)?;
    out.write_all(b",\n  \"discrepancies\": ")?;
    write_array(discrepancies, &mut out)?;
    out.write_all(b",\n  \"agreements\": ")?;
    write_array(agreements, &mut out)?;
    out.write_all(b",\n  \"skipped\": ")?;
    buf.clear();
    pretty_at(skipped, 1, &mut buf)?;
    out.write_all(&buf)?;
    out.write_all(b"\n}\n")
}

/// Appends `value` pretty-printed as serde_json prints it `depth` levels deep (two spaces per
/// level): the first line is not indented, the following ones are.
fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut formatter = PrettyFormatter::new();
    // Opening (and never closing) `depth` arrays on a sink leaves the formatter at that depth.
    for _ in 0..depth {
        formatter.begin_array(&mut io::sink())?;
    }
    let mut ser = Serializer::with_formatter(buf, formatter);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Output bytes a parallel task aims at.
const TASK_BYTES: usize = 256 << 10;

/// Writes a top-level field's array, two levels deep, as serde_json's pretty printer does.
fn write_array<T: Serialize + Sync, W: Write>(items: &[T], out: &mut W) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let tasks = rayon::current_num_threads().max(1) * 2;
    // Elements per task: a small guess first, then from the bytes per element so far.
    let mut per_task = 8usize;
    let (mut done, mut bytes) = (0usize, 0usize);
    let mut ready: Vec<Vec<u8>> = Vec::new();
    // The buffers of the batch before, written: reused, so that memory is not faulted in again.
    let mut spare: Vec<Vec<u8>> = Vec::new();
    while done < items.len() || !ready.is_empty() {
        let end = items.len().min(done + per_task * tasks);
        let batch = &items[done..end];
        let first = done == 0;
        let mut next: io::Result<Vec<Vec<u8>>> = Ok(Vec::new());
        let mut written = Ok(());
        // Serialize the next batch on the pool while this thread writes the previous one.
        rayon::in_place_scope(|s| {
            if !batch.is_empty() {
                let next = &mut next;
                let spare = &mut spare;
                s.spawn(move |_| *next = serialize_batch(batch, first, per_task, spare));
            }
            written = ready.iter().try_for_each(|b| out.write_all(b));
        });
        written?;
        spare = std::mem::replace(&mut ready, next?);
        bytes += ready.iter().map(Vec::len).sum::<usize>();
        done = end;
        per_task = (TASK_BYTES / (bytes / done).max(1)).clamp(1, 1 << 16);
    }
    out.write_all(b"\n  ]")
}

/// The elements of `batch`, each preceded by the separator of serde_json's pretty printer, in
/// one buffer per `per_task` elements.
fn serialize_batch<T: Serialize + Sync>(
    batch: &[T],
    first: bool,
    per_task: usize,
    spare: &mut Vec<Vec<u8>>,
) -> io::Result<Vec<Vec<u8>>> {
    let chunks = batch.len().div_ceil(per_task);
    spare.resize_with(chunks, Vec::new);
    spare
        .par_drain(..chunks)
        .zip(batch.par_chunks(per_task))
        .enumerate()
        .map(|(c, (mut buf, chunk))| {
            buf.clear();
            for (i, item) in chunk.iter().enumerate() {
                let sep: &[u8] = if first && c == 0 && i == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                };
                buf.extend_from_slice(sep);
                pretty_at(item, 2, &mut buf)?;
            }
            Ok(buf)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{AlignmentInfo, ClaimRef, DiffOp, Discrepancy, DocEntry, Report};
    use proptest::prelude::*;

    fn reference(report: &Report) -> String {
        let mut s = serde_json::to_string_pretty(report).unwrap();
        s.push('\n');
        s
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(super::render(&super::super::sample::report()));
    }

    #[test]
    fn write_is_render() {
        let report = super::super::sample::report();
        let mut out = Vec::new();
        super::write(&report, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), super::render(&report));
    }

    #[test]
    fn same_bytes_as_serde_json() {
        let sample = super::super::sample::report();
        assert_eq!(super::render(&sample), reference(&sample));
        let empty = Report::default();
        assert_eq!(super::render(&empty), reference(&empty));
        // Many elements: several batches, tasks of varying sizes.
        let mut big = sample.clone();
        for i in 0..3000 {
            let mut d = sample.documents[i % sample.documents.len()].clone();
            d.id = format!("d{i}\n\"{}\"", "x".repeat(i % 97));
            big.documents.push(d);
            let mut x = sample.discrepancies[i % sample.discrepancies.len()].clone();
            x.message = "m".repeat(i * 7 % 5000);
            big.discrepancies.push(x);
        }
        assert_eq!(super::render(&big), reference(&big));
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            assert_eq!(pool.install(|| super::render(&big)), reference(&big));
        }
    }

    fn text() -> impl Strategy<Value = String> {
        "[a-z\"\\\\\n\t\u{1}é€ ]{0,12}"
    }

    fn claim() -> impl Strategy<Value = ClaimRef> {
        (text(), 0usize..1000, text(), proptest::option::of(text())).prop_map(
            |(doc, start, t, published)| ClaimRef {
                doc: doc.into(),
                start,
                end: start + t.len(),
                text: t.clone(),
                sentence: [0, start],
                context: t.clone(),
                value: t,
                group: "g".into(),
                event: "e".into(),
                published: published.map(Into::into),
            },
        )
    }

    fn report() -> impl Strategy<Value = Report> {
        let doc = (text(), proptest::option::of(text())).prop_map(|(id, title)| DocEntry {
            id,
            title,
            source: None,
            published: None,
            group: "g".into(),
            event: "e".into(),
            story: "s".into(),
        });
        let disc = (
            text(),
            -1e300f64..1e300,
            proptest::collection::vec(claim(), 0..3),
            proptest::collection::vec(text(), 0..3),
        )
            .prop_map(|(message, score, claims, reasons)| Discrepancy {
                code: "QTY001",
                kind: crate::align::ClaimKind::Quantity,
                severity: super::super::Severity::Warning,
                confidence: score.abs().fract(),
                message,
                level: crate::align::Level::Event,
                event: None,
                story: "s".into(),
                claims,
                diff: vec![DiffOp {
                    op: "equal",
                    text: "a b".into(),
                }],
                alignment: AlignmentInfo { score, reasons },
                fingerprint: "0123456789abcdef".into(),
            });
        (
            proptest::collection::vec(doc, 0..40),
            proptest::collection::vec(disc, 0..40),
        )
            .prop_map(|(documents, discrepancies)| Report {
                documents,
                discrepancies,
                ..Report::default()
            })
    }

    proptest! {
        #[test]
        fn prop_same_bytes_as_serde_json(r in report()) {
            prop_assert_eq!(super::render(&r), reference(&r));
        }
    }
}
