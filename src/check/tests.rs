use super::*;
use crate::report::sample;

fn codes(r: &Report) -> Vec<(&str, Vec<&str>)> {
    r.discrepancies
        .iter()
        .map(|d| (d.code, d.claims.iter().map(|c| c.doc.as_str()).collect()))
        .collect()
}

#[test]
fn sample_findings() {
    let r = sample::report();
    assert_eq!(
        codes(&r),
        [
            ("DATE001", vec!["c", "a", "b"]),
            ("QTY001", vec!["b", "a", "c"]),
            ("QUOTE003", vec!["c", "a", "b"]),
            ("QTY001", vec!["d", "e"]),
        ]
    );
}

#[test]
fn copies_do_not_corroborate() {
    let r = sample::report();
    // a and b are copies (group g1): "On Jan. 6" has two documents but one source.
    let jan6 = r
        .agreements
        .iter()
        .find(|a| a.claims[0].text == "On Jan. 6")
        .unwrap();
    assert_eq!((jan6.documents, jan6.sources), (2, 1));
    // "12 people" in a and c: two independent sources.
    let twelve = r
        .agreements
        .iter()
        .find(|a| a.claims[0].text == "12 people")
        .unwrap();
    assert_eq!((twelve.documents, twelve.sources), (2, 2));
    // A changed number in a copy is an error.
    let qty = r
        .discrepancies
        .iter()
        .find(|d| d.code == "QTY001" && d.claims[0].doc == "b")
        .unwrap();
    assert_eq!(qty.severity, Severity::Error);
    assert!(
        qty.message.contains("copies of the same article"),
        "{}",
        qty.message
    );
}

#[test]
fn story_level_is_info() {
    let r = sample::report();
    let d = r
        .discrepancies
        .iter()
        .find(|d| d.claims[0].doc == "d")
        .unwrap();
    assert_eq!(
        (d.level, d.severity, d.event.as_deref()),
        (Level::Story, Severity::Info, None)
    );
}

#[test]
fn change_over_time_is_info() {
    let mut docs = sample::documents();
    docs[4].meta.published = Some("2026-03-20".parse().unwrap());
    let claims = input::parse_claims(sample::CLAIMS, &docs).unwrap();
    let r = check(&docs, &sample::labels(), &claims, &Config::default());
    let d = r
        .discrepancies
        .iter()
        .find(|d| d.claims[0].doc == "d")
        .unwrap();
    assert_eq!(d.severity, Severity::Info);
    assert!(d.message.contains("47 days apart"), "{}", d.message);
}

#[test]
fn independent_of_input_order_and_unrelated_documents() {
    let base = sample::report();
    // Reverse documents and claims.
    let mut docs = sample::documents();
    let mut labels = sample::labels();
    docs.reverse();
    labels.group.reverse();
    labels.event.reverse();
    labels.story.reverse();
    let mut claims = input::parse_claims(sample::CLAIMS, &docs).unwrap();
    claims.reverse();
    let r = check(&docs, &labels, &claims, &Config::default());
    assert_eq!(r, base);
    // An unrelated document (another story) with claims changes no fingerprint.
    let mut docs = sample::documents();
    let mut labels = sample::labels();
    docs.insert(
        0,
        crate::Document::new("0-unrelated", "Floods killed 40 people in Spain."),
    );
    labels.group.insert(0, "gx".into());
    labels.event.insert(0, "ex".into());
    labels.story.insert(0, "sx".into());
    let extra = "\n{\"doc\": \"0-unrelated\", \"kind\": \"quantity\", \"text\": \"40 people\", \"quantity\": {\"value\": 40, \"qualifier\": \"exact\", \"noun\": \"people\"}}";
    let claims = input::parse_claims(&format!("{}{extra}", sample::CLAIMS), &docs).unwrap();
    let r = check(&docs, &labels, &claims, &Config::default());
    let fps = |r: &Report| {
        r.discrepancies
            .iter()
            .map(|d| d.fingerprint.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(fps(&r), fps(&base));
}

#[test]
fn vague_magnitudes_are_not_compared_across_events() {
    let docs = [
        crate::Document::new("x", "The force would total around 50,000 soldiers."),
        crate::Document::new(
            "y",
            "Zelensky said thousands of European troops would be deployed.",
        ),
    ];
    let labels = Labels {
        group: vec!["1".into(), "2".into()],
        event: vec!["e1".into(), "e2".into()],
        story: vec!["s".into(), "s".into()],
    };
    let jsonl = r#"{"doc": "x", "kind": "quantity", "text": "around 50,000 soldiers", "quantity": {"value": 50000, "qualifier": "approx", "noun": "soldiers"}}
{"doc": "y", "kind": "quantity", "text": "thousands of European troops", "quantity": {"value": null, "low": 1000, "high": 10000, "qualifier": "vague", "noun": "troops"}}"#;
    let claims = input::parse_claims(jsonl, &docs).unwrap();
    let r = check(&docs, &labels, &claims, &Config::default());
    assert!(r.discrepancies.is_empty() && r.agreements.is_empty());
    // Inside one event, the same pair is an info-level finding.
    let r = check(
        &docs,
        &Labels::single_event(&docs),
        &claims,
        &Config::default(),
    );
    assert_eq!(r.discrepancies.len(), 1);
    assert_eq!(r.discrepancies[0].severity, Severity::Info);
}

#[test]
fn baseline_hides_known_findings() {
    let r = sample::report();
    assert_eq!(r.count_failing(Severity::Info, None), 4);
    assert_eq!(r.count_failing(Severity::Warning, None), 3);
    assert_eq!(r.count_failing(Severity::Error, None), 3);
    let b = crate::report::Baseline::from_report(&r);
    assert_eq!(r.count_failing(Severity::Info, Some(&b)), 0);
}

#[test]
fn shortened_quote_is_info_and_same_relative_wording_is_not_a_date_conflict() {
    let docs = [
        crate::Document::new("x", "Huang said: “My opponent offers slogans, not solutions.” Campaigning ends 21 days from now, officials in Manila said.")
            .with_published("2024-05-24".parse().unwrap()),
        crate::Document::new("y", "Huang said: “My opponent offers slogans.” Campaigning ends 21 days from now, officials in Manila said.")
            .with_published("2024-05-25".parse().unwrap()),
    ];
    let jsonl = r#"{"doc": "x", "kind": "quote", "text": "My opponent offers slogans, not solutions.", "quote": {"speaker": "Hao Huang", "text": "My opponent offers slogans, not solutions."}}
{"doc": "y", "kind": "quote", "text": "My opponent offers slogans.", "quote": {"speaker": "Hao Huang", "text": "My opponent offers slogans."}}
{"doc": "x", "kind": "date", "text": "21 days from now", "date": {"start": "2024-06-14", "end": "2024-06-14", "granularity": "day", "relative": true}, "verb": "ends"}
{"doc": "y", "kind": "date", "text": "21 days from now", "date": {"start": "2024-06-15", "end": "2024-06-15", "granularity": "day", "relative": true}, "verb": "ends"}"#;
    let claims = input::parse_claims(jsonl, &docs).unwrap();
    let r = check(
        &docs,
        &Labels::single_event(&docs),
        &claims,
        &Config::default(),
    );
    assert_eq!(codes(&r), [("QUOTE001", vec!["x", "y"])]);
    assert_eq!(r.discrepancies[0].severity, Severity::Info);
    assert!(r.discrepancies[0].message.contains("shortened"));
}

#[test]
fn claims_are_extracted_only_for_documents_sharing_a_story() {
    use crate::check::pipeline;
    let text = "The force would total around 50,000 soldiers, officials said on Friday.";
    let docs = [
        Document::new("a", text),
        Document::new("b", text),
        Document::new("c", text),
    ];
    let labels = Labels {
        group: vec!["g0".into(), "g1".into(), "g2".into()],
        event: vec!["e0".into(), "e0".into(), "e1".into()],
        story: vec!["s0".into(), "s0".into(), "s1".into()],
    };
    let all = pipeline::extract_claims(&docs);
    let some = pipeline::extract_claims_for(&docs, &labels);
    assert!(!all.is_empty());
    let expected: Vec<_> = all.iter().filter(|c| c.doc < 2).cloned().collect();
    assert_eq!(some, expected);
    // The report is the same either way.
    let config = Config::default();
    assert_eq!(
        check(&docs, &labels, &all, &config),
        check(&docs, &labels, &some, &config)
    );
}

#[test]
fn date_claims_carry_their_stated_weekday() {
    use crate::check::pipeline;
    use jiff::civil::Weekday;
    let mut doc = Document::new(
        "a",
        "The talks were held on Sunday. The accord was signed on Tuesday, Feb. 21, 2023.",
    );
    doc.meta.published = Some("2023-03-01".parse().unwrap());
    let dates: Vec<(String, Option<Weekday>, bool)> = pipeline::extract_claims(&[doc])
        .into_iter()
        .filter_map(|c| match &c.payload {
            Payload::Date(d) => Some((c.text.clone(), d.weekday, d.bare_weekday)),
            _ => None,
        })
        .collect();
    let find = |w: &str| dates.iter().find(|d| d.0.contains(w)).cloned();
    let sunday = find("Sunday").expect("a date claim for Sunday");
    assert_eq!((sunday.1, sunday.2), (Some(Weekday::Sunday), true));
    let tuesday = find("Tuesday").expect("a date claim for Tuesday");
    assert_eq!((tuesday.1, tuesday.2), (Some(Weekday::Tuesday), false));
    // The same as reading the text.
    for (text, weekday, bare) in &dates {
        assert_eq!(*weekday, compare::stated_weekday(text), "{text}");
        assert_eq!(*bare, compare::is_bare_weekday(text), "{text}");
    }
}
