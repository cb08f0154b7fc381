//! `crosscheck dedup` end to end: every flag, exit code and bad-input case.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SEED_003: &str = "003_77ccc7b56971afc5.txt";

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A JSON Lines corpus: two copies of one story, a third copy with edits, and an unrelated one.
fn small_corpus() -> Vec<String> {
    let story = "The ministry said on Friday that the talks in Geneva would resume next week after \
                 a pause of two months, and that both delegations had agreed on an agenda covering \
                 prisoner exchanges, grain exports and the safety of the nuclear plant at \
                 Zaporizhzhia, which has been shelled repeatedly since the spring.";
    let edited = story.replace("next week", "next Tuesday");
    let other = "Heavy rain flooded the valley on Sunday, closing the main road to the city and \
                 cutting power to thousands of homes, officials said, as rescue teams searched for \
                 two hikers missing since Saturday evening near the northern pass.";
    [
        serde_json::json!({"id": "d", "text": story, "published": "2026-01-03"}),
        serde_json::json!({"id": "a", "text": story}),
        serde_json::json!({"id": "c", "text": edited, "published": "2026-01-02", "title": "Talks"}),
        serde_json::json!({"id": "b", "text": other}),
    ]
    .iter()
    .map(|v| v.to_string())
    .collect()
}

fn write_corpus(dir: &Path, name: &str, records: &[String]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, records.join("\n") + "\n").unwrap();
    path
}

#[test]
fn seeds_are_five_singletons() {
    let out = crosscheck()
        .args(["dedup", "seeds/"])
        .current_dir(root())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = lines(&out);
    assert_eq!(lines.len(), 5);
    for l in &lines {
        assert_eq!(l["representative"], true);
        assert_eq!(l["similarity"], Value::Null);
    }
}

#[test]
fn edited_copy_of_seed_003_lands_in_its_group() {
    let before = lines(
        &crosscheck()
            .args(["dedup", "seeds/"])
            .current_dir(root())
            .output()
            .unwrap()
            .stdout,
    );
    let group_003 = before.iter().find(|l| l["id"] == SEED_003).unwrap()["group"].clone();
    let out = crosscheck()
        .args(["dedup", "seeds/", "fixtures/dedup/003_edited.txt"])
        .current_dir(root())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let after = lines(&out);
    assert_eq!(after.len(), 6);
    let copy = after
        .iter()
        .find(|l| l["id"] == "wire-copy-of-003")
        .unwrap();
    assert_eq!(copy["group"], group_003);
    assert_eq!(copy["representative"], false);
    assert!(copy["similarity"].as_f64().unwrap() >= 0.8);
    // The other seeds keep their groups.
    for l in &before {
        assert!(after.contains(l), "{l}");
    }
}

#[test]
fn groups_output_shape_and_representative() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "c.jsonl", &small_corpus());
    let out = crosscheck()
        .arg("dedup")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = lines(&out);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    // Groups sorted by representative id; representative first, then members by id.
    assert_eq!(ids, ["b", "c", "a", "d"]);
    assert_eq!(lines[1]["representative"], true, "earliest published");
    assert_eq!(lines[1]["group"], lines[2]["group"]);
    assert_eq!(lines[1]["group"], lines[3]["group"]);
    assert_ne!(lines[0]["group"], lines[1]["group"]);
    let sim = lines[2]["similarity"].as_f64().unwrap();
    assert!((0.8..1.0).contains(&sim), "{sim}");
    for l in &lines {
        let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["group", "id", "representative", "similarity"]);
        assert_eq!(l["group"].as_str().unwrap().len(), 16);
    }
}

#[test]
fn emit_pairs_exact_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "c.jsonl", &small_corpus());
    for method in ["minhash", "simhash"] {
        let out = crosscheck()
            .args([
                "dedup",
                "--emit",
                "pairs",
                "--method",
                method,
                "--max-hamming",
                "12",
            ])
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let lines = lines(&out);
        let pairs: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l["a"].as_str().unwrap(), l["b"].as_str().unwrap()))
            .collect();
        assert_eq!(pairs, [("a", "c"), ("a", "d"), ("c", "d")], "{method}");
        for l in &lines {
            let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["a", "b", "hamming", "jaccard", "method", "why"]);
            assert_eq!(l["method"], method);
            assert!(l["jaccard"].as_f64().unwrap() >= 0.8);
            assert_eq!(l["hamming"].is_null(), method == "minhash");
            assert!(l["why"].as_str().unwrap().contains("exact Jaccard"));
        }
    }
}

#[test]
fn emit_keep_writes_original_lines_and_text_records() {
    let dir = tempfile::tempdir().unwrap();
    let records = small_corpus();
    let path = write_corpus(dir.path(), "c.jsonl", &records);
    let out = crosscheck()
        .args(["dedup", "--emit", "keep"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    // One record per group, the representative's original bytes: b, then c.
    let want = format!("{}\n{}\n", records[3], records[2]);
    assert_eq!(String::from_utf8(out).unwrap(), want);

    // Text files become JSON objects with their front matter.
    let out = crosscheck()
        .args([
            "dedup",
            "--emit",
            "keep",
            "seeds/",
            "fixtures/dedup/003_edited.txt",
        ])
        .current_dir(root())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let kept = lines(&out);
    assert_eq!(kept.len(), 5);
    assert!(kept.iter().all(|k| k["id"] != "wire-copy-of-003"));
    let seed = std::fs::read_to_string(root().join("seeds").join(SEED_003)).unwrap();
    let k = kept.iter().find(|k| k["id"] == SEED_003).unwrap();
    assert_eq!(k["text"], seed.as_str());
    assert!(k.get("title").is_none());
}

#[test]
fn format_json_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "c.jsonl", &small_corpus());
    for emit in ["groups", "pairs", "keep"] {
        let jsonl = crosscheck()
            .args(["dedup", "--format", "jsonl", "--emit", emit])
            .arg(&path)
            .output()
            .unwrap()
            .stdout;
        let json = crosscheck()
            .args(["dedup", "--format", "json", "--emit", emit])
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let array: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(array.as_array().unwrap(), &lines(&jsonl), "{emit}");
    }
    crosscheck()
        .args(["dedup", "--format", "text"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "4 documents, 2 groups: 1 with copies",
        ))
        .stdout(predicate::str::contains("* c  (representative)"));
    crosscheck()
        .args(["dedup", "--format", "text", "--emit", "pairs"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("3 verified pairs"));
}

#[test]
fn threshold_changes_the_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "c.jsonl", &small_corpus());
    let out = crosscheck()
        .args(["dedup", "--emit", "pairs", "--threshold", "1.0"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0]["a"].as_str(), lines[0]["b"].as_str()),
        (Some("a"), Some("d"))
    );
}

#[test]
fn output_is_identical_for_any_thread_count_and_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = small_corpus();
    let forward = write_corpus(dir.path(), "f.jsonl", &records);
    records.reverse();
    let backward = write_corpus(dir.path(), "b.jsonl", &records);
    for emit in ["groups", "pairs"] {
        let run = |path: &Path, threads: &str| {
            crosscheck()
                .args(["dedup", "--emit", emit, "--threads", threads])
                .arg(path)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let one = run(&forward, "1");
        assert_eq!(one, run(&forward, "2"));
        assert_eq!(one, run(&backward, "3"));
    }
}

#[test]
fn stdin_is_read_as_json_lines() {
    let input = small_corpus().join("\n");
    let out = crosscheck()
        .args(["dedup", "-", "--emit", "pairs"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "c.jsonl", &small_corpus());
    for args in [
        &["--threshold", "0"][..],
        &["--threshold", "1.5"],
        &["--threshold", "x"],
        &["--method", "cosine"],
        &["--format", "xml"],
        &["--emit", "all"],
        &["--threads", "0"],
        &["--shingle", "0"],
        &["--num-hashes", "2"],
    ] {
        crosscheck()
            .arg("dedup")
            .args(args)
            .arg(&path)
            .assert()
            .code(2)
            .stdout("");
    }
    crosscheck().arg("dedup").assert().code(2).stdout("");
}

/// Each bad input: exit 2, empty stdout, the file and line named; `--skip-invalid` lists the
/// record on stderr and goes on with the rest.
#[test]
fn bad_input_exits_2_or_is_skipped() {
    let good = small_corpus();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "utf8.jsonl",
            b"{\"id\": \"x\", \"text\": \"caf\xe9\"}".to_vec(),
            "utf8.jsonl:5",
        ),
        (
            "malformed.jsonl",
            b"{\"id\": \"x\", \"text\": ".to_vec(),
            "malformed.jsonl:5",
        ),
        (
            "missing.jsonl",
            b"{\"id\": \"x\"}".to_vec(),
            "missing.jsonl:5",
        ),
        (
            "empty.jsonl",
            b"{\"id\": \"x\", \"text\": \"  \"}".to_vec(),
            "empty.jsonl:5",
        ),
        (
            "dup.jsonl",
            b"{\"id\": \"a\", \"text\": \"again\"}".to_vec(),
            "dup.jsonl:5",
        ),
    ];
    for (name, bad, at) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = (good.join("\n") + "\n").into_bytes();
        bytes.extend_from_slice(&bad);
        bytes.push(b'\n');
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        crosscheck()
            .arg("dedup")
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(at));
        let out = crosscheck()
            .args(["dedup", "--skip-invalid"])
            .arg(&path)
            .assert()
            .success()
            .stderr(predicate::str::contains("skipped 1 invalid record"))
            .stderr(predicate::str::contains(at))
            .get_output()
            .stdout
            .clone();
        assert_eq!(lines(&out).len(), 4, "{name}");
    }
}

/// A folder holding the small corpus and one file with a whole-file problem: `dedup` exits 2
/// naming the file and the problem, and `--skip-invalid` counts the file and keeps the corpus.
fn whole_file_problem(dir: &Path, name: &str, bytes: &[u8], problem: &str) {
    std::fs::write(dir.join(name), bytes).unwrap();
    crosscheck()
        .arg("dedup")
        .arg(dir)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!("{name}: {problem}")));
    let out = crosscheck()
        .args(["dedup", "--skip-invalid"])
        .arg(dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped 1 invalid record"))
        .stderr(predicate::str::contains(name))
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out).len(), 4, "{name}");
    std::fs::remove_file(dir.join(name)).unwrap();
}

#[test]
fn jsonl_input_without_records_exits_2_or_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path(), "c.jsonl", &small_corpus());
    whole_file_problem(dir.path(), "empty.jsonl", b"", "empty file: no records");
    whole_file_problem(
        dir.path(),
        "blank.ndjson",
        b"\n \n",
        "empty file: no records",
    );
    crosscheck()
        .args(["dedup", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-: empty file: no records"));
}

#[test]
fn unknown_extension_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path(), "c.jsonl", &small_corpus());
    whole_file_problem(dir.path(), "notes.pdf", b"x", "unknown file extension");

    // A file that cannot be read: a dangling symlink inside the folder, and a missing input.    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("link.txt"))
            .unwrap();
        crosscheck()
            .arg("dedup")
            .arg(dir.path())
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("link.txt"));
        // Ingest reports a broken link while resolving the folder, before any record is read,
        // so `--skip-invalid` does not skip it (a corpus-level decision, see src/corpus).
    }
    crosscheck()
        .args(["dedup", "no/such/file.jsonl"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no/such/file.jsonl"));
}

#[test]
fn stats_count_the_shingle_sets_kept_from_the_first_pass() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), "small.jsonl", &small_corpus());
    crosscheck()
        .args(["dedup", "--stats"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "3 shingle sets kept from the first pass",
        ));
}

/// JSON Lines are formatted in parallel chunks: with more groups and pairs than one chunk,
/// they are still the elements of the JSON array (formatted in one pass), in the same order.
#[test]
fn jsonl_in_chunks_matches_the_json_array() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = Vec::new();
    for i in 0..1200 {
        let words: Vec<String> = (0..40).map(|w| format!("w{}x{}", i, w)).collect();
        let text = words.join(" ");
        records.push(format!(r#"{{"id":"d{i:04}","text":"{text}"}}"#));
        if i % 2 == 0 {
            records.push(format!(r#"{{"id":"c{i:04}","text":"{text}"}}"#));
        }
    }
    let path = write_corpus(dir.path(), "many.jsonl", &records);
    for emit in ["groups", "pairs"] {
        let run = |format: &str| {
            crosscheck()
                .args([
                    "dedup",
                    "--threads",
                    "2",
                    "--emit",
                    emit,
                    "--format",
                    format,
                ])
                .arg(&path)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let jsonl = lines(&run("jsonl"));
        let json: Vec<Value> = serde_json::from_slice(&run("json")).unwrap();
        assert_eq!(jsonl, json, "--emit {emit}");
        assert!(jsonl.len() >= 600, "--emit {emit}: {}", jsonl.len());
    }
}
