//! The JSON renderer: the versioned schema documented at [`super::SCHEMA_VERSION`].
//!
//! The output is exactly `serde_json::to_writer_pretty` of the [`Report`] plus a newline, but
//! the elements of the large arrays (documents, events, discrepancies, agreements) are
//! serialized in parallel, a bounded batch at a time, while the previous batch is written: a
//! report on 100k documents runs to 600 MB, which one core takes seconds to format. Those
//! elements are written by hand ([`Json`]) with serde_json's pretty layout and string escaping
//! (tested against serde_json): serde's generic path spent most of the time on the strings.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use super::{Agreement, ClaimRef, Discrepancy, DocEntry, EventEntry, Report};

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
fn write_array<T: Json + Sync, W: Write>(items: &[T], out: &mut W) -> io::Result<()> {
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
fn serialize_batch<T: Json + Sync>(
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
                item.write_json(2, &mut buf);
            }
            Ok(buf)
        })
        .collect()
}

/// A value written as serde_json's pretty printer writes its `Serialize` form, `depth` levels
/// deep (see [`pretty_at`]), without serde's generic machinery.
trait Json {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>);
}

/// Writes the fields of an object, one per line, as serde_json's pretty printer does.
struct Object<'b> {
    buf: &'b mut Vec<u8>,
    depth: usize,
    first: bool,
}

impl<'b> Object<'b> {
    fn begin(buf: &'b mut Vec<u8>, depth: usize) -> Object<'b> {
        buf.push(b'{');
        Object {
            buf,
            depth,
            first: true,
        }
    }

    /// Starts a field and returns the buffer to write its value into.
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        self.buf
            .extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        indent(self.buf, self.depth + 1);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
        self.buf
    }

    fn str(&mut self, key: &str, value: &str) {
        escape_str(value, self.key(key));
    }

    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.str(key, v),
            None => self.key(key).extend_from_slice(b"null"),
        }
    }

    fn usize(&mut self, key: &str, value: usize) {
        write_usize(value, self.key(key));
    }

    fn f64(&mut self, key: &str, value: f64) {
        let buf = self.key(key);
        serde_json::to_writer(buf, &value).expect("writing to memory does not fail");
    }

    /// A field whose value is an array, each element written by `write` one level deeper.
    fn array<T>(&mut self, key: &str, items: &[T], write: impl Fn(&T, usize, &mut Vec<u8>)) {
        let depth = self.depth + 1;
        let buf = self.key(key);
        write_list(items, depth, buf, write);
    }

    fn end(self) {
        if !self.first {
            self.buf.push(b'\n');
            indent(self.buf, self.depth);
        }
        self.buf.push(b'}');
    }
}

/// An array `depth` levels deep, each element written by `write` one level deeper.
fn write_list<T>(
    items: &[T],
    depth: usize,
    buf: &mut Vec<u8>,
    write: impl Fn(&T, usize, &mut Vec<u8>),
) {
    buf.push(b'[');
    for (i, item) in items.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        indent(buf, depth + 1);
        write(item, depth + 1, buf);
    }
    if !items.is_empty() {
        buf.push(b'\n');
        indent(buf, depth);
    }
    buf.push(b']');
}

fn indent(buf: &mut Vec<u8>, depth: usize) {
    for _ in 0..depth {
        buf.extend_from_slice(b"  ");
    }
}

fn write_usize(n: usize, buf: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let at = decimal_digits(n as u64, &mut digits);
    buf.extend_from_slice(&digits[at..]);
}

/// The decimal digits of `n`, written into `buf` from the right; returns where they start.
pub(crate) fn decimal_digits(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return at;
        }
    }
}

/// True when some byte of `w` is a control character, `"` or `\`: a byte serde_json escapes.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte below 0x20; some byte equal to `"`; some byte equal to `\` (exact "any" tests).
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let q = w ^ (ONES * u64::from(b'"'));
    let b = w ^ (ONES * u64::from(b'\\'));
    (control | (q.wrapping_sub(ONES) & !q) | (b.wrapping_sub(ONES) & !b)) & HIGH != 0
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `"`, `\`, and the control
/// characters (`\b`, `\t`, `\n`, `\f`, `\r` by name, the others as `\u00XX`); nothing else.
fn escape_str(s: &str, buf: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    // Words of eight bytes without anything to escape are copied as they are.
    let mut clean = 0;
    while clean + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[clean..clean + 8].try_into().expect("8 bytes"));
        if needs_escape(word) {
            break;
        }
        clean += 8;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate().skip(clean) {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(&bytes[start..i]);
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 0xf)]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        buf.extend_from_slice(&bytes[start..i]);
        buf.extend_from_slice(escaped);
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

impl Json for DocEntry {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>) {
        let DocEntry {
            id,
            title,
            source,
            published,
            group,
            event,
            story,
        } = self;
        let mut o = Object::begin(buf, depth);
        o.str("id", id);
        o.opt_str("title", title.as_deref());
        o.opt_str("source", source.as_deref());
        o.opt_str("published", published.as_deref());
        o.str("group", group);
        o.str("event", event);
        o.str("story", story);
        o.end();
    }
}

impl Json for EventEntry {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>) {
        let EventEntry {
            id,
            story,
            documents,
        } = self;
        let mut o = Object::begin(buf, depth);
        o.str("id", id);
        o.str("story", story);
        o.array("documents", documents, |s, _, buf| escape_str(s, buf));
        o.end();
    }
}

impl Json for ClaimRef {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>) {
        let ClaimRef {
            doc,
            start,
            end,
            text,
            sentence,
            context,
            value,
            group,
            event,
            published,
        } = self;
        let mut o = Object::begin(buf, depth);
        o.str("doc", doc);
        o.usize("start", *start);
        o.usize("end", *end);
        o.str("text", text);
        o.array("sentence", sentence, |n, _, buf| write_usize(*n, buf));
        o.str("context", context);
        o.str("value", value);
        o.str("group", group);
        o.str("event", event);
        o.opt_str("published", published.as_deref());
        o.end();
    }
}

impl Json for Discrepancy {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>) {
        let Discrepancy {
            code,
            kind,
            severity,
            confidence,
            message,
            level,
            event,
            story,
            claims,
            diff,
            alignment,
            fingerprint,
        } = self;
        let mut o = Object::begin(buf, depth);
        o.str("code", code);
        o.str("kind", kind.as_str());
        o.str("severity", severity.as_str());
        o.f64("confidence", *confidence);
        o.str("message", message);
        o.str("level", level.as_str());
        o.opt_str("event", event.as_deref());
        o.str("story", story);
        o.array("claims", claims, ClaimRef::write_json);
        o.array("diff", diff, |op, depth, buf| {
            let mut o = Object::begin(buf, depth);
            o.str("op", op.op);
            o.str("text", &op.text);
            o.end();
        });
        let depth = o.depth + 1;
        let mut a = Object::begin(o.key("alignment"), depth);
        a.f64("score", alignment.score);
        a.array("reasons", &alignment.reasons, |s, _, buf| {
            escape_str(s, buf)
        });
        a.end();
        o.str("fingerprint", fingerprint);
        o.end();
    }
}

impl Json for Agreement {
    fn write_json(&self, depth: usize, buf: &mut Vec<u8>) {
        let Agreement {
            kind,
            level,
            event,
            story,
            value,
            sources,
            documents,
            claims,
        } = self;
        let mut o = Object::begin(buf, depth);
        o.str("kind", kind.as_str());
        o.str("level", level.as_str());
        o.opt_str("event", event.as_deref());
        o.str("story", story);
        o.str("value", value);
        o.usize("sources", *sources);
        o.usize("documents", *documents);
        o.array("claims", claims, ClaimRef::write_json);
        o.end();
    }
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
                text: t.as_str().into(),
                sentence: [0, start],
                context: t.as_str().into(),
                value: t.into(),
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

        #[test]
        fn prop_escape_as_serde_json(s in any::<String>(), t in "[\u{0}-\u{7f}é€😀]{0,40}") {
            for s in [&s, &t] {
                let mut buf = Vec::new();
                super::escape_str(s, &mut buf);
                prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(s).unwrap());
            }
        }
    }

    #[test]
    fn escape_every_byte_position() {
        // Each escaped character at each position of a 20-byte string (inside and after the
        // eight-byte words checked at once), and the bytes around the tested ranges.
        for c in [
            '\u{0}', '\u{1f}', '\u{20}', '"', '\\', '\n', '\u{7f}', '!', '#', '[', ']', 'é',
        ] {
            for at in 0..20 {
                let mut s: String = "abcdefghijklmnopqrstu".chars().take(20).collect();
                s.insert(at, c);
                let mut buf = Vec::new();
                super::escape_str(&s, &mut buf);
                assert_eq!(
                    String::from_utf8(buf).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }
}
