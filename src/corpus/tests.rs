use super::*;

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

fn open(dir: &std::path::Path, skip: bool) -> Corpus {
    let options = IngestOptions {
        skip_invalid: skip,
        ..IngestOptions::default()
    };
    Corpus::open(&[dir], options).unwrap()
}

#[test]
fn folder_is_walked_in_sorted_order_with_relative_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b/z.md", b"zed");
    write(dir.path(), "a.txt", b"alpha");
    write(dir.path(), ".hidden.txt", b"never read");
    write(dir.path(), "b/c.txt", b"see");
    let docs = open(dir.path(), false).read_all().unwrap().documents;
    let ids: Vec<_> = docs.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "b/c.txt", "b/z.md"]);
}

#[test]
fn front_matter_gives_metadata_and_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.md",
        b"---\nid: wire-1\ntitle: \"Troops: a plan\"\nsource: Wire\ntags:\n  - a\npublished: 2026-01-08T10:00:00Z\n---\nBody text.\n",
    );
    let doc = &open(dir.path(), false).read_all().unwrap().documents[0];
    assert_eq!(doc.meta.id, "wire-1");
    assert_eq!(doc.meta.title.as_deref(), Some("Troops: a plan"));
    assert_eq!(doc.meta.source.as_deref(), Some("Wire"));
    assert_eq!(doc.meta.published.unwrap().to_string(), "2026-01-08");
    assert_eq!(doc.text, "Body text.\n");
}

#[test]
fn unclosed_front_matter_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.md", b"---\nid: a\ntitle: no end");
    let err = open(dir.path(), false).read_all().unwrap_err();
    assert!(err.to_string().contains("never closed"), "{err}");
}

#[test]
fn jsonl_file_without_records_is_an_error_or_a_counted_skip() {
    for (name, bytes) in [
        ("empty.jsonl", &b""[..]),
        ("blank.ndjson", &b"\n \r\n\t\n"[..]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), name, bytes);
        write(
            dir.path(),
            "ok.jsonl",
            b"{\"id\": \"a\", \"text\": \"one\"}\n",
        );
        let err = open(dir.path(), false).read_all().unwrap_err();
        assert!(err.to_string().contains(name), "{err}");
        assert!(err.to_string().contains("empty file: no records"), "{err}");
        let corpus = open(dir.path(), true);
        let ingested = corpus.read_all().unwrap();
        assert_eq!(ingested.documents.len(), 1);
        assert_eq!(ingested.skipped.len(), 1, "{name}");
        assert_eq!(ingested.skipped[0].problem, Problem::EmptyFile);
        assert!(ingested.skipped[0].at.path.ends_with(name));
        // The streaming reader agrees with the parallel one.
        let err = open(dir.path(), false)
            .reader()
            .find_map(Result::err)
            .unwrap();
        assert!(err.to_string().contains("empty file: no records"), "{err}");
        let corpus = open(dir.path(), true);
        let mut reader = corpus.reader();
        let docs: Vec<Document> = reader.by_ref().map(Result::unwrap).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(reader.skipped(), ingested.skipped.as_slice(), "{name}");
    }
    // One non-blank byte after 8 KiB of blank lines is enough to be read (and fail as a record).
    let dir = tempfile::tempdir().unwrap();
    let mut late = vec![b'\n'; 9000];
    late.extend_from_slice(b"{\"id\": \"a\", \"text\": \"one\"}\n");
    write(dir.path(), "late.jsonl", &late);
    let docs = open(dir.path(), false).read_all().unwrap().documents;
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].meta.origin.unwrap().line, 9001);
}

#[test]
fn jsonl_records_with_integer_ids_and_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.jsonl",
        b"{\"id\": 1, \"text\": \"one\", \"published\": \"2025-09-05\"}\n\n{\"id\": \"two\", \"text\": \"two\", \"extra\": [1]}\r\n",
    );
    let corpus = open(dir.path(), false);
    let docs = corpus.read_all().unwrap().documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].meta.id, "1");
    assert_eq!(docs[1].meta.id, "two");
    let origin = docs[1].meta.origin.unwrap();
    assert_eq!(origin.line, 3);
    assert_eq!(
        corpus.raw_record(&origin).unwrap(),
        b"{\"id\": \"two\", \"text\": \"two\", \"extra\": [1]}"
    );
}

#[test]
fn bad_records_name_file_and_line() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2,",
            "c.jsonl:2: malformed JSON",
        ),
        (b"{\"id\": 1}\n", "c.jsonl:1: record has no \"text\""),
        (b"{\"id\": 1, \"text\": \"  \"}\n", "c.jsonl:1: empty text"),
        (b"{\"text\": \"x\"}\n", "c.jsonl:1: record has no \"id\""),
        (
            b"{\"id\": 1, \"text\": \"\xff\"}\n",
            "c.jsonl:1: invalid UTF-8",
        ),
        (
            b"{\"id\": 1, \"text\": \"a\"}\n{\"id\": \"1\", \"text\": \"b\"}\n",
            "c.jsonl:2: duplicate id \"1\"",
        ),
        (
            b"{\"id\": 1, \"text\": \"a\", \"published\": \"soon\"}\n",
            "c.jsonl:1: invalid published",
        ),
        (b"[1, 2]\n", "c.jsonl:1: malformed JSON"),
        (
            b"{\"id\": 1.5, \"text\": \"a\"}\n",
            "c.jsonl:1: malformed JSON",
        ),
    ];
    for (bytes, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "c.jsonl", bytes);
        let err = open(dir.path(), false).read_all().unwrap_err();
        let msg = err.to_string();
        assert!(err.is_bad_input());
        assert!(
            msg.contains(expected),
            "{msg:?} should contain {expected:?}"
        );
    }
}

#[test]
fn skip_invalid_counts_and_lists_every_bad_record() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.jsonl",
        b"{\"id\": 1, \"text\": \"ok\"}\nnot json\n{\"id\": 1, \"text\": \"dup\"}\n{\"id\": 3, \"text\": \"fine\"}\n",
    );
    write(dir.path(), "d.pdf", b"%PDF");
    write(dir.path(), "e.txt", b"\x00\x01binary");
    let ingested = open(dir.path(), true).read_all().unwrap();
    let ids: Vec<_> = ingested
        .documents
        .iter()
        .map(|d| d.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["1", "3"]);
    let skipped: Vec<String> = ingested.skipped.iter().map(|s| s.at.to_string()).collect();
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert!(skipped[0].ends_with("d.pdf"));
    assert!(skipped[1].ends_with("c.jsonl:2"));
    assert!(skipped[2].ends_with("c.jsonl:3"));
    assert!(skipped[3].ends_with("e.txt"));
}

#[test]
fn oversized_line_is_reported_and_reading_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!(
        "{{\"id\": 1, \"text\": \"{}\"}}\n{{\"id\": 2, \"text\": \"ok\"}}\n",
        "x".repeat(5000)
    );
    write(dir.path(), "c.jsonl", long.as_bytes());
    let options = IngestOptions {
        skip_invalid: true,
        max_record_bytes: 1000,
    };
    let ingested = Corpus::open(&[dir.path()], options)
        .unwrap()
        .read_all()
        .unwrap();
    assert_eq!(ingested.documents.len(), 1);
    assert_eq!(ingested.documents[0].meta.id, "2");
    assert_eq!(ingested.documents[0].meta.origin.unwrap().line, 2);
    assert!(matches!(
        ingested.skipped[0].problem,
        Problem::TooLarge { .. }
    ));
}

#[test]
fn missing_input_is_an_error() {
    let err = Corpus::open(&["/nonexistent/crosscheck"], IngestOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/crosscheck: cannot read"),
        "{err}"
    );
}

#[test]
fn bom_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "\u{feff}Text".as_bytes());
    let docs = open(dir.path(), false).read_all().unwrap().documents;
    assert_eq!(docs[0].text, "Text");
}

#[cfg(unix)]
#[test]
fn dangling_symlink_is_an_error_or_a_counted_skip() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"alpha");
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("b.txt")).unwrap();
    let err = Corpus::open(&[dir.path()], IngestOptions::default()).unwrap_err();
    assert!(err.to_string().contains("b.txt: cannot read"), "{err}");
    let ingested = open(dir.path(), true).read_all().unwrap();
    assert_eq!(ingested.documents.len(), 1);
    assert_eq!(ingested.skipped.len(), 1);
    assert!(ingested.skipped[0].at.path.ends_with("b.txt"));
}

/// Documents and skips of the sequential reader, for comparison with `par_map`.
fn sequential(corpus: &Corpus) -> std::result::Result<(Vec<Document>, Vec<String>), String> {
    let mut reader = corpus.reader();
    let mut docs = Vec::new();
    for doc in reader.by_ref() {
        docs.push(doc.map_err(|e| e.to_string())?);
    }
    let skipped = reader
        .skipped()
        .iter()
        .map(|s| format!("{}: {}", s.at, s.problem))
        .collect();
    Ok((docs, skipped))
}

fn parallel(
    corpus: &Corpus,
    batch_bytes: usize,
) -> std::result::Result<(Vec<Document>, Vec<String>), String> {
    let mut docs = Vec::new();
    let skipped = corpus
        .par_map(
            batch_bytes,
            |d| std::mem::take(&mut d.text),
            |batch| {
                docs.extend(
                    batch
                        .into_iter()
                        .map(|(meta, text)| Document { meta, text }),
                );
                Ok(true)
            },
        )
        .map_err(|e| e.to_string())?;
    let skipped = skipped
        .iter()
        .map(|s| format!("{}: {}", s.at, s.problem))
        .collect();
    Ok((docs, skipped))
}

#[test]
fn parallel_ingest_matches_the_reader_at_any_batch_size() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{{\"id\": 9, \"text\": \"{}\"}}\n", "y".repeat(3000));
    let mut jsonl = String::from(
        "{\"id\": 1, \"text\": \"ok\"}\n\n  \r\nnot json\n{\"id\": 1, \"text\": \"dup\"}\r\n",
    );
    jsonl.push_str(&long);
    jsonl.push_str("{\"id\": 3, \"text\": \"fine\", \"published\": \"2026-01-02\"}\n{\"id\": 4}\n");
    // Lines longer than a read (64 KiB), and around the limit of 1000 bytes: the reader cuts
    // lines in its read buffer, where a line may span reads and batches.
    jsonl.push_str(&format!(
        "{{\"id\": 10, \"text\": \"{}\"}}\n",
        "z".repeat(200_000)
    ));
    for (id, len) in [(11, 998), (12, 999), (13, 1000), (14, 1001), (15, 1002)] {
        let pad = len - format!("{{\"id\": {id}, \"text\": \"\"}}").len();
        jsonl.push_str(&format!(
            "{{\"id\": {id}, \"text\": \"{}\"}}\n",
            "w".repeat(pad)
        ));
    }
    jsonl.push_str(&format!(
        "{{\"id\": 16, \"text\": \"{}\"}}\r\n\r\n",
        "v".repeat(1000)
    ));
    jsonl.push_str(&format!(
        "{{\"id\": 17, \"text\": \"{}\"}}\n",
        "u".repeat(70_000)
    ));
    jsonl.push_str("{\"id\": 5, \"text\": \"last, no newline\"}");
    write(dir.path(), "c.jsonl", jsonl.as_bytes());
    // Last lines without a line end, just over and at the limit.
    for (name, id, len) in [("c2.jsonl", 18, 1001), ("c3.jsonl", 19, 1000)] {
        let pad = len - format!("{{\"id\": {id}, \"text\": \"\"}}").len();
        let line = format!("{{\"id\": {id}, \"text\": \"{}\"}}", "t".repeat(pad));
        write(dir.path(), name, line.as_bytes());
    }
    write(dir.path(), "e.txt", b"\x00\x01binary");
    write(dir.path(), "f.md", b"---\nid: 3\n---\nsame id as a record");
    write(dir.path(), "g.txt", b"---\ntitle: T\n---\nbody");
    for skip in [false, true] {
        if skip {
            write(dir.path(), "d.pdf", b"%PDF");
        }
        for limit in [1000, 100_000, 64 << 20] {
            let options = IngestOptions {
                skip_invalid: skip,
                max_record_bytes: limit,
            };
            let corpus = Corpus::open(&[dir.path()], options).unwrap();
            let want = sequential(&corpus);
            for batch_bytes in [1, 7, 40, 5000, 100_000, 1 << 20] {
                assert_eq!(
                    parallel(&corpus, batch_bytes),
                    want,
                    "skip {skip}, limit {limit}, batch {batch_bytes}"
                );
            }
            if let Ok((docs, _)) = &want {
                for doc in docs {
                    let origin = doc.meta.origin.unwrap();
                    assert_eq!(&corpus.document_at(&origin).unwrap(), doc);
                    assert_eq!(&Refetch::new(&corpus).document(&origin).unwrap(), doc);
                    let (id, text) = Refetch::new(&corpus)
                        .with_id_text(&origin, |id, text| (id.to_string(), text.to_string()))
                        .unwrap();
                    assert_eq!((id.as_str(), text.as_str()), (&*doc.meta.id, &*doc.text));
                }
            }
        }
    }
}

#[test]
fn id_and_text_read_again_match_the_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = "{\"title\": \"T\", \"id\": 7, \"text\": \"caf\\u00e9 \\\"quoted\\\"\\nline\", \"x\": [1, {}]}\n\
                 {\"id\": \"b\", \"published\": \"2026-01-02\", \"text\": \"plain text\"}\n";
    write(dir.path(), "c.jsonl", jsonl.as_bytes());
    let corpus = open(dir.path(), false);
    let (docs, _) = sequential(&corpus).unwrap();
    assert_eq!(docs.len(), 2);
    let refetch = Refetch::new(&corpus);
    // Longer then shorter records and back: the per-thread buffer is reused at every length.
    for doc in docs.iter().chain(docs.iter().rev()) {
        let got = refetch
            .with_id_text(&doc.meta.origin.unwrap(), |id, text| {
                (id.to_string(), text.to_string())
            })
            .unwrap();
        assert_eq!(got, (doc.meta.id.clone(), doc.text.clone()));
    }
    assert_eq!(docs[0].text, "caf\u{e9} \"quoted\"\nline");
}

#[test]
fn record_estimate_needs_a_sample_and_stays_within_what_the_files_can_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(3 << 20)
        .unwrap();
    let corpus = Corpus::open(&[&path], IngestOptions::default()).unwrap();
    assert_eq!(corpus.total_bytes(), 3 << 20);
    // A few short records first say nothing about the rest.
    assert_eq!(corpus.estimate_records(1, 20), 1);
    assert_eq!(corpus.estimate_records(5000, 100_000), 5000);
    // A sample of 1 MiB is extrapolated, within what 3 MiB can hold.
    assert_eq!(corpus.estimate_records(1000, 1 << 20), 3000);
    assert_eq!(
        corpus.estimate_records(100_000, 1 << 20),
        ((3u64 << 20) / MIN_RECORD_BYTES) as usize
    );
    // Never below what was seen.
    assert_eq!(corpus.estimate_records(7, 3 << 20), 7);
    // A small input is estimated from all of it.
    let small = dir.path().join("small.jsonl");
    std::fs::write(&small, [b'x'; 100]).unwrap();
    let corpus = Corpus::open(&[&small], IngestOptions::default()).unwrap();
    assert_eq!(corpus.estimate_records(2, 50), 2);
    assert_eq!(corpus.estimate_records(2, 100), 2);
}
