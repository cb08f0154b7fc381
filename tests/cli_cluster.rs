//! `crosscheck cluster` on the seeds and the event fixtures: every flag and format.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn cluster() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("binary");
    cmd.arg("cluster");
    cmd
}

/// The standard output of a successful `cluster INPUT ARGS...`.
fn stdout_of(input: &std::path::Path, args: &[&str]) -> Vec<u8> {
    cluster()
        .arg(input)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect()
}

fn label<'a>(records: &'a [serde_json::Value], id_prefix: &str, key: &str) -> &'a str {
    records
        .iter()
        .find(|r| r["id"].as_str().is_some_and(|id| id.starts_with(id_prefix)))
        .and_then(|r| r[key].as_str())
        .expect("record")
}

#[test]
fn jsonl_on_the_seeds_one_line_per_document_sorted() {
    let out = cluster()
        .arg(path("seeds"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    assert_eq!(records.len(), 5);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    for r in &records {
        let keys: Vec<&String> = r.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["event", "group", "id", "story"]);
    }
    assert_eq!(
        label(&records, "003", "event"),
        label(&records, "004", "event")
    );
    assert_ne!(
        label(&records, "002", "event"),
        label(&records, "003", "event")
    );
    let story = label(&records, "000", "story");
    assert!(records.iter().all(|r| r["story"] == story));
}

#[test]
fn a_near_duplicate_shares_its_group_and_event() {
    let out = cluster()
        .arg(path("seeds"))
        .arg(path("fixtures/dedup/003_edited.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    assert_eq!(records.len(), 6);
    let copy = records
        .iter()
        .find(|r| !r["id"].as_str().expect("id").starts_with('0'))
        .expect("the copy");
    let original = records
        .iter()
        .find(|r| r["id"].as_str().expect("id").starts_with("003"))
        .expect("003");
    assert_eq!(copy["group"], original["group"]);
    assert_eq!(copy["event"], original["event"]);
    // Every other document is its own group, and 004 shares 003's event but not its group.
    let groups: std::collections::BTreeSet<&str> = records
        .iter()
        .map(|r| r["group"].as_str().expect("group"))
        .collect();
    assert_eq!(groups.len(), 5);
    assert_ne!(
        label(&records, "004", "group"),
        label(&records, "003", "group")
    );
    assert_eq!(
        label(&records, "004", "event"),
        label(&records, "003", "event")
    );

    let text = cluster()
        .arg(path("seeds"))
        .arg(path("fixtures/dedup/003_edited.txt"))
        .args(["--format", "text"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&text);
    let copy_id = copy["id"].as_str().expect("id");
    let at = |needle: &str| text.lines().position(|l| l.contains(needle)).expect(needle);
    assert!(text.contains(&format!("= {copy_id}")), "{text}");
    assert_eq!(at(copy_id), at("003_") + 1, "{text}");
}

#[test]
fn json_has_documents_events_and_stories() {
    let out = cluster()
        .arg(path("fixtures/events/articles.jsonl"))
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["documents"].as_array().expect("documents").len(), 31);
    assert_eq!(v["events"].as_array().expect("events").len(), 11);
    assert_eq!(v["stories"].as_array().expect("stories").len(), 9);
    assert!(v["events"][0].get("explain").is_none());
}

#[test]
fn text_lists_stories_events_titles_and_dates() {
    cluster()
        .arg(path("fixtures/events/articles.jsonl"))
        .args(["--format", "text"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("31 documents in 11 events and 9 stories")
                .and(predicate::str::contains("story "))
                .and(predicate::str::contains("event "))
                .and(predicate::str::contains("2025-03-03 to 2025-03-07"))
                .and(predicate::str::contains("PSG crush Inter 5-0")),
        );
}

#[test]
fn explain_adds_shared_features_and_pairs() {
    let out = cluster()
        .arg(path("seeds"))
        .arg("--explain")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    let clusters: Vec<_> = records
        .iter()
        .filter(|r| r.get("level").is_some())
        .collect();
    let event = clusters
        .iter()
        .find(|r| r["level"] == "event")
        .expect("the 003/004 event");
    assert_eq!(event["size"], 2);
    let shared: Vec<&str> = event["explain"]["shared"]
        .as_array()
        .expect("shared")
        .iter()
        .map(|s| s["feature"].as_str().expect("feature"))
        .collect();
    assert!(
        shared.contains(&"@vladivostok") || shared.contains(&"#26"),
        "{shared:?}"
    );
    assert_eq!(
        event["explain"]["pairs"].as_array().expect("pairs").len(),
        1
    );
    cluster()
        .arg(path("seeds"))
        .args(["--explain", "--format", "text"])
        .assert()
        .success()
        .stdout(predicate::str::contains("shared: ").and(predicate::str::contains("cohesion")));
}

#[test]
fn thresholds_change_the_partition() {
    let count = |args: &[&str]| {
        let out = stdout_of(&path("seeds"), args);
        let records = lines(&out);
        let mut events: Vec<&str> = records
            .iter()
            .map(|r| r["event"].as_str().expect("e"))
            .collect();
        events.sort();
        events.dedup();
        let mut stories: Vec<&str> = records
            .iter()
            .map(|r| r["story"].as_str().expect("s"))
            .collect();
        stories.sort();
        stories.dedup();
        (events.len(), stories.len())
    };
    assert_eq!(count(&[]), (4, 1));
    assert_eq!(
        count(&["--event-threshold", "0.99", "--story-threshold", "0.99"]),
        (5, 5)
    );
    assert_eq!(
        count(&["--event-threshold", "0.1", "--story-threshold", "0.1"]),
        (1, 1)
    );
    cluster()
        .arg(path("seeds"))
        .args(["--story-threshold", "0.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must not exceed"));
}

#[test]
fn window_days_splits_events_by_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Two wordings (not near-duplicates: a copy would join its original's event whatever the
    // dates).
    let text = "Putin told the Eastern Economic Forum in Vladivostok that foreign troops in Ukraine \
                would be legitimate targets after 26 countries pledged forces.";
    let other = "Speaking in Vladivostok at the Eastern Economic Forum, Putin warned that any \
                 foreign troops in Ukraine would be legitimate targets once 26 countries pledged.";
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        format!(
            "{{\"id\":\"a\",\"published\":\"2025-09-05\",\"text\":\"{text}\"}}\n\
             {{\"id\":\"b\",\"published\":\"2025-09-12\",\"text\":\"{other}\"}}\n"
        ),
    )
    .expect("write");
    let events = |args: &[&str]| {
        let out = stdout_of(&corpus, args);
        let r = lines(&out);
        r[0]["event"] == r[1]["event"]
    };
    assert!(!events(&[]), "a week apart: two events by default");
    assert!(events(&["--window-days", "7"]));
}

#[test]
fn candidate_budget() {
    let run = |args: &[&str]| stdout_of(&path("seeds"), args);
    // A budget no seed document reaches gives the same clustering as none.
    assert_eq!(run(&["--candidate-budget", "1000000"]), run(&[]));
    // A tight one still clusters every document, with the seeds' events intact.
    let tight = lines(&run(&["--candidate-budget", "4"]));
    assert_eq!(tight.len(), 5);
    assert_eq!(
        tight[3]["event"], tight[4]["event"],
        "003 and 004: one event"
    );
    cluster()
        .arg(path("seeds"))
        .args(["--candidate-budget", "0"])
        .assert()
        .code(2);
}

#[test]
fn output_file_and_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("out.jsonl");
    cluster()
        .arg(path("seeds"))
        .args(["--threads", "1", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let one = std::fs::read(&file).expect("read");
    let four = cluster()
        .arg(path("seeds"))
        .args(["--threads", "4"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(one, four);
}

#[test]
fn timings_go_to_stderr_and_leave_the_output_alone() {
    let plain = stdout_of(&path("seeds"), &[]);
    let timed = cluster()
        .arg(path("seeds"))
        .arg("--timings")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("dedup")
                .and(predicate::str::contains("features"))
                .and(predicate::str::contains("cand verify"))
                .and(predicate::str::contains("story split"))
                .and(predicate::str::contains("total")),
        )
        .get_output()
        .stdout
        .clone();
    assert_eq!(timed, plain);
}
