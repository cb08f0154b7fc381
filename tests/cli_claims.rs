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
