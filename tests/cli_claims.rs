//! `crosscheck claims` on the seeds and on small inputs.

use assert_cmd::Command;
use serde_json::Value;

fn claims(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("claims")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// One readable line per claim: doc, offsets, kind, text, and what it says.
fn summary(c: &Value) -> String {
    let mut s = format!(
        "{} {}..{} {} {:?}",
        c["doc"].as_str().unwrap(),
        c["start"],
        c["end"],
        c["kind"].as_str().unwrap(),
        c["text"].as_str().unwrap()
    );
    for k in ["quantity", "date", "quote"] {
        if let Some(d) = c.get(k) {
            s.push_str(&format!(" {d}"));
        }
    }
    let ctx = &c["context"];
    s.push_str(&format!(" source={} verb={}", ctx["source"], ctx["verb"]));
    s
}

#[test]
fn seeds_snapshot() {
    let got = claims(&["seeds", "--kinds", "quantity"]);
    let lines: Vec<String> = got.iter().map(summary).collect();
    let text = lines.join("\n");
    // The claims the check stage needs.
    for want in [
        r#"000_8cff14a7c48be224.txt 1087..1109 quantity "around 50,000 soldiers""#,
        r#"001_b64c64ba8ea95a2e.txt 1158..1195 quantity "fewer than 30,000 European servicemen""#,
        r#"quantity "26 countries""#,
        r#"quantity "\"thousands\" of European troops""#,
        r#"quantity "thousands""#,
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    assert_eq!(text.matches(r#""26 countries""#).count(), 2);
    assert!(!text.contains("2008"), "a year read as a quantity:\n{text}");
    insta::assert_snapshot!("seeds_quantities", text);
}

#[test]
fn offsets_point_at_the_text() {
    for c in claims(&["seeds"]) {
        let doc = c["doc"].as_str().unwrap();
        let body = std::fs::read_to_string(format!("seeds/{doc}")).unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&body[s..e], c["text"].as_str().unwrap());
        let sent = c["sentence"].as_array().unwrap();
        let (ss, se) = (
            sent[0].as_u64().unwrap() as usize,
            sent[1].as_u64().unwrap() as usize,
        );
        assert!(ss <= s && e <= se, "{c}");
    }
}

#[test]
fn formats_and_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "Officials said about 300 people, or 40% of residents, fled.",
    )
    .unwrap();
    let p = p.to_str().unwrap();
    let jl = claims(&[p]);
    assert_eq!(jl.len(), 2);
    assert_eq!(jl[0]["quantity"]["qualifier"], "approx");
    assert_eq!(jl[0]["quantity"]["low"], 270);
    assert_eq!(jl[1]["quantity"]["unit"], "%");
    assert_eq!(jl[1]["quantity"]["noun"], "residents");

    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", p, "--format", "json", "--kinds", "quantity,date"])
        .output()
        .unwrap();
    let arr: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 2);

    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", p, "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[about 300 people]1"), "{text}");
    assert!(text.contains("[40% of residents]2"), "{text}");

    assert!(claims(&[p, "--kinds", "quote"]).is_empty());
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", p, "--kinds", "rumour"])
        .assert()
        .code(2);
}

#[test]
fn seeds_snapshot_all_kinds() {
    let got = claims(&["seeds"]);
    let lines: Vec<String> = got.iter().map(summary).collect();
    let text = lines.join("\n");
    let count = |s: &str| text.matches(s).count();
    // Dates, checked by hand against the seeds.
    assert_eq!(
        count(r#"002_255897178d28edfc.txt 13..22 date "On Jan. 6""#),
        1
    );
    assert_eq!(count(r#"date "On Jan. 6""#), 2);
    assert_eq!(count(r#"date "on Jan. 8""#), 1);
    assert_eq!(count(r#"date "on Jan. 7""#), 1);
    for want in [
        r#"003_77ccc7b56971afc5.txt 69..78 date "on Friday""#,
        r#"date "late August""#,
        r#"date "on Thursday""#,
        r#"date "February 2022" {"day":null,"end":"2022-02-28","granularity":"month","month":2,"relative":false,"start":"2022-02-01","weekday":null,"year":2022}"#,
        r#"001_b64c64ba8ea95a2e.txt 1469..1478 date "this week""#,
        r#"001_b64c64ba8ea95a2e.txt 1712..1716 date "2008" {"day":null,"end":"2008-12-31","granularity":"year","month":null,"relative":false,"start":"2008-01-01","weekday":null,"year":2008}"#,
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    assert!(!text.contains(r#"quantity "2008""#), "{text}");
    // Seeds have no published date: relative dates stay unresolved.
    assert!(text.contains(
        r#"date "on Friday" {"day":null,"end":null,"granularity":"day","month":null,"relative":true,"start":null,"weekday":"friday","year":null}"#
    ));
    // Quotes and speakers.
    for (doc, start, speaker) in [
        ("001_b64c64ba8ea95a2e.txt", 650, "Dmitry Peskov"), // “This takes on ...,” He said.
        ("001_b64c64ba8ea95a2e.txt", 750, "Dmitry Peskov"),
        ("001_b64c64ba8ea95a2e.txt", 1896, "Sergei Lavrov"),
        ("002_255897178d28edfc.txt", 522, "Maria Zakharova"),
        ("002_255897178d28edfc.txt", 1505, "Maria Zakharova"), // “...,” she said, “...”
        ("002_255897178d28edfc.txt", 2729, "Keir Starmer"),
        ("002_255897178d28edfc.txt", 3002, "Emmanuel Macron"),
        ("003_77ccc7b56971afc5.txt", 252, "Vladimir Putin"),
        ("003_77ccc7b56971afc5.txt", 1870, "Volodymyr Zelensky"),
        ("004_dd322a92cbadd1b0.txt", 1614, "Dmitry Peskov"),
    ] {
        let c = got
            .iter()
            .find(|c| c["doc"] == doc && c["start"] == start && c["kind"] == "quote")
            .unwrap_or_else(|| panic!("no quote at {doc}:{start} in\n{text}"));
        assert_eq!(c["quote"]["speaker"], speaker, "{c}");
        assert_eq!(c["context"]["source"], speaker, "{c}");
        assert_eq!(c["quote"]["fragment"], false, "{c}");
    }
    // Scare quotes: kept, flagged, no speaker.
    assert!(text.contains(r#"quote "“Coalition of the Willing”" {"fragment":true,"speaker":null,"text":"Coalition of the Willing","verb":null}"#), "{text}");
    // Sorted by (start, kind) inside each document.
    for w in got.windows(2) {
        if w[0]["doc"] == w[1]["doc"] {
            assert!(
                w[0]["start"].as_u64() <= w[1]["start"].as_u64(),
                "{} {}",
                w[0],
                w[1]
            );
        }
    }
    insta::assert_snapshot!("seeds_all_kinds", text);
}

#[test]
fn kinds_date_and_quote() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "---\npublished: 2026-01-10\n---\nOn Friday, Kremlin spokesman Dmitry Peskov said 2,000 \
         troops had left in 2008.\n“We are watching,” Peskov said.",
    )
    .unwrap();
    let p = p.to_str().unwrap();

    let dates = claims(&[p, "--kinds", "date"]);
    let got: Vec<&str> = dates.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(got, ["On Friday", "2008"]);
    assert!(dates.iter().all(|c| c["kind"] == "date"));
    assert_eq!(dates[0]["date"]["start"], "2026-01-09");
    assert_eq!(dates[0]["date"]["end"], "2026-01-09");
    assert_eq!(dates[0]["date"]["granularity"], "day");
    assert_eq!(dates[0]["date"]["relative"], true);
    assert_eq!(dates[0]["date"]["weekday"], "friday");
    assert_eq!(dates[1]["date"]["start"], "2008-01-01");
    assert_eq!(dates[1]["date"]["end"], "2008-12-31");
    assert_eq!(dates[1]["date"]["relative"], false);
    assert!(dates[0].get("quantity").is_none() && dates[0].get("quote").is_none());

    let quotes = claims(&[p, "--kinds", "quote"]);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "“We are watching,”");
    assert_eq!(quotes[0]["quote"]["text"], "We are watching");
    assert_eq!(quotes[0]["quote"]["speaker"], "Dmitry Peskov");
    assert_eq!(quotes[0]["quote"]["verb"], "said");
    assert_eq!(quotes[0]["quote"]["fragment"], false);
    assert_eq!(quotes[0]["context"]["source"], "Dmitry Peskov");

    // Quantities alone still skip the year.
    let qty = claims(&[p, "--kinds", "quantity"]);
    let got: Vec<&str> = qty.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(got, ["2,000 troops"]);

    // All kinds, as one JSON array, sorted by start.
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", p, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let arr: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = arr
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["date", "quantity", "date", "quote"]);

    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", p, "--format", "text", "--kinds", "date,quote"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[On Friday]1"), "{text}");
    assert!(text.contains("[2008]2"), "{text}");
    assert!(
        text.contains("[“We are watching,”]3 Peskov said."),
        "{text}"
    );
    assert!(
        text.contains("day [2026-01-09, 2026-01-09] relative"),
        "{text}"
    );
    assert!(text.contains("year [2008-01-01, 2008-12-31]"), "{text}");
    assert!(text.contains(r#"source="Dmitry Peskov""#), "{text}");
}
