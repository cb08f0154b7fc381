//! CLI tests for the hidden `generate` subcommand.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn generate(dir: &std::path::Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["generate", "--docs", "120", "--seed", "4", "--out"])
        .arg(dir)
        .args(extra)
        .assert()
}

#[test]
fn writes_three_files_byte_identically() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    generate(&a, &[])
        .success()
        .stderr(contains("generated 120 documents"));
    generate(&b, &[]).success();
    for f in ["corpus.jsonl", "truth.jsonl", "edits.jsonl"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap()
        );
    }
    let truth = std::fs::read_to_string(a.join("truth.jsonl")).unwrap();
    assert_eq!(truth.lines().count(), 120);
    assert!(truth.starts_with("{\"id\":\"d001\",\"group\":\"g"));
}

#[test]
fn dup_rate_zero_writes_no_copies() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), &["--dup-rate", "0"])
        .success()
        .stderr(contains("(0 copies)"));
    assert_eq!(std::fs::read(tmp.path().join("edits.jsonl")).unwrap(), b"");
}

#[test]
fn bad_rates_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), &["--dup-rate", "1.5"])
        .code(2)
        .stderr(contains("dup rate"));
    generate(tmp.path(), &["--hard-rate=-1"])
        .code(2)
        .stderr(contains("hard rate"));
}

#[test]
fn hidden_from_help() {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("generate").not());
}
