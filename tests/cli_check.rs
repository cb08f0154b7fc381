//! CLI tests of `crosscheck check` and `crosscheck explain`, on the fixtures in
//! `fixtures/check/`: one folder per rule code with a planted discrepancy, and `clean/`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check")
}

fn check_cmd(case: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.arg("check")
        .arg(case.join("docs"))
        .arg("--claims")
        .arg(case.join("claims.jsonl"))
        .arg("--clusters")
        .arg(case.join("clusters.jsonl"));
    cmd
}

#[test]
fn fixtures_give_the_expected_findings() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 6, "fixtures missing: {cases:?}");
    for case in cases {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let out = check_cmd(&case)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\n{}",
                case.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert_eq!(report["schema_version"], 1);
        let found: Vec<Value> = report["discrepancies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let mut docs: Vec<&str> = d["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["doc"].as_str().unwrap())
                    .collect();
                docs.sort();
                serde_json::json!({"code": d["code"], "severity": d["severity"], "docs": docs})
            })
            .collect();
        assert_eq!(
            found,
            expected["findings"].as_array().unwrap().clone(),
            "{}",
            case.display()
        );
        assert_eq!(
            report["agreements"].as_array().unwrap().len() as u64,
            expected["agreements"].as_u64().unwrap(),
            "{}",
            case.display()
        );
        assert_eq!(
            out.status.code(),
            Some(expected["exit"].as_i64().unwrap() as i32),
            "{}",
            case.display()
        );
    }
}

#[test]
fn text_and_markdown_quote_both_spans_and_the_diff() {
    let case = fixtures().join("QTY001");
    let out = check_cmd(&case)
        .args(["--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("killing »41 people« and injuring 37"),
        "{text}"
    );
    assert!(
        text.contains("killing »14 people« and injuring 37"),
        "{text}"
    );
    assert!(text.contains("[-41-] {+Fourteen+}"), "{text}");
    assert!(!text.contains('\x1b'));
    let out = check_cmd(&case)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| error | `QTY001` |"), "{md}");
    assert!(md.contains("~~41~~ **Fourteen**"), "{md}");
}

#[test]
fn baseline_makes_ci_fail_only_on_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let case = fixtures().join("QTY001");
    check_cmd(&case)
        .arg("--write-baseline")
        .arg(&baseline)
        .args(["-o"])
        .arg(dir.path().join("r.json"))
        .assert()
        .code(0);
    check_cmd(&case)
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "json"])
        .assert()
        .code(0);
    // Another case's findings are new.
    check_cmd(&fixtures().join("DATE001"))
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "json"])
        .assert()
        .code(1);
    // --fail-on error ignores the QUOTE001 warning.
    check_cmd(&fixtures().join("QUOTE001"))
        .args(["--format", "json", "--fail-on", "error"])
        .assert()
        .code(0);
}

#[test]
fn planted_change_found_end_to_end() {
    // Without --claims/--clusters the stages run in process and still find the changed toll.
    let case = fixtures().join("QTY001");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("check")
        .arg(case.join("docs"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &report["discrepancies"][0];
    assert_eq!(
        (d["code"].as_str(), d["severity"].as_str()),
        (Some("QTY001"), Some("error"))
    );
    assert_eq!(d["claims"][0]["doc"], "copy.txt");
}

#[test]
fn errors_exit_2() {
    let case = fixtures().join("QTY001");
    check_cmd(&case)
        .arg("--baseline")
        .arg(case.join("missing.json"))
        .assert()
        .code(2);
    check_cmd(&case).args(["--tolerance", "3"]).assert().code(2);
}

#[test]
fn explain_prints_the_rule() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["explain", "qty001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# QTY001: conflicting quantities"),
        "{text}"
    );
    for section in [
        "## What it does",
        "## Why",
        "## Example",
        "## Known false positives",
    ] {
        assert!(text.contains(section));
    }
    let list = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("explain")
        .output()
        .unwrap();
    assert!(String::from_utf8(list.stdout).unwrap().contains("QUOTE002"));
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["explain", "NOPE001"])
        .assert()
        .code(2);
}

/// The seeds with hand-written claims and clusters (what the claims and cluster stages are
/// specified to produce for them, see fixtures/check/seeds/README.md): the "Done when".
#[test]
fn seeds_with_reference_claims() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let case = fixtures().join("seeds");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("check")
        .arg(&seeds)
        .arg("--claims")
        .arg(case.join("claims.jsonl"))
        .arg("--clusters")
        .arg(case.join("clusters.jsonl"))
        .args(["--format", "json", "--fail-on", "info"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json = String::from_utf8(out.stdout).unwrap();
    let report: Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<(&str, &str, &str)> = report["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["claims"][0]["text"].as_str().unwrap(),
                d["claims"][1]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert_eq!(codes[0].0, "QUOTE001");
    assert_eq!(
        codes[1],
        (
            "QTY001",
            "around 50,000 soldiers",
            "fewer than 30,000 European servicemen"
        )
    );
    let agreements = report["agreements"].as_array().unwrap();
    assert_eq!(agreements.len(), 1);
    assert_eq!(
        (
            agreements[0]["value"].as_str(),
            agreements[0]["sources"].as_u64()
        ),
        (Some("26 countries"), Some(2))
    );
    insta::assert_snapshot!("seeds_reference_claims_json", json);
}

/// `crosscheck check seeds/` end to end: dedup, clustering and claim extraction in process.
/// Reviewed by hand: 003 and 004 one event; QTY001 "around 50,000 soldiers" (000) against "fewer
/// than 30,000 European servicemen" (001) at story level with both spans; QUOTE001 on Putin's
/// "legitimate targets" quote with the word diff; "26 countries" agreed by 003 and 004 (two
/// independent sources); no other pairing.
#[test]
fn seeds_end_to_end() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("check")
        .arg(&seeds)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8(out.stdout).unwrap();
    let report: Value = serde_json::from_str(&json).unwrap();
    let events: Vec<Vec<&str>> = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| &d.as_str().unwrap()[..3])
                .collect()
        })
        .collect();
    assert!(events.contains(&vec!["003", "004"]), "{events:?}");
    insta::assert_snapshot!("seeds_end_to_end_json", json);
}

/// The text report locates claims as `path:line:col` (from the text, at render time), not as
/// byte offsets; `--timings` writes a stage breakdown to stderr only.
#[test]
fn text_report_shows_line_and_column() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("check")
        .arg(&seeds)
        .args(["--format", "text", "--timings"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // "around 50,000 soldiers": line 5, column 112 of seed 000.
    assert!(
        text.contains("primary 000_8cff14a7c48be224.txt:5:112"),
        "{text}"
    );
    assert!(
        text.contains("vs   001_b64c64ba8ea95a2e.txt:9:312"),
        "{text}"
    );
    assert!(!text.contains("bytes:"), "{text}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("align") && stderr.contains("total"),
        "{stderr}"
    );
    assert!(!text.contains("peak "), "{text}");
}
