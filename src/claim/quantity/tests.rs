//! Table-driven tests over `fixtures/claims/quantities.txt`, plus properties.

use super::*;

/// One expected quantity: span text, qualifier, value, low, high, unit, noun.
#[derive(Debug)]
struct Expect {
    span: String,
    qualifier: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    noun: Option<String>,
}

fn opt_num(s: &str) -> Option<f64> {
    match s.trim() {
        "-" => None,
        v => Some(
            v.replace('_', "")
                .parse()
                .unwrap_or_else(|_| panic!("bad number {v}")),
        ),
    }
}

fn opt_str(s: &str) -> Option<String> {
    match s.trim() {
        "-" => None,
        v => Some(v.to_string()),
    }
}

fn cases() -> Vec<(usize, String, Vec<Expect>)> {
    let src = include_str!("../../../fixtures/claims/quantities.txt");
    let mut out: Vec<(usize, String, Vec<Expect>)> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if let Some(s) = line.strip_prefix("> ") {
            out.push((n + 1, s.to_string(), Vec::new()));
        } else if let Some(e) = line.strip_prefix("= ") {
            let f: Vec<&str> = e.split(" | ").collect();
            assert_eq!(f.len(), 7, "line {}: 7 fields expected", n + 1);
            let case = out.last_mut().expect("a case before its expectations");
            case.2.push(Expect {
                span: f[0].trim().to_string(),
                qualifier: f[1].trim().to_string(),
                value: opt_num(f[2]),
                low: opt_num(f[3]),
                high: opt_num(f[4]),
                unit: opt_str(f[5]),
                noun: opt_str(f[6]),
            });
        }
    }
    out
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

fn describe(text: &str, m: &QuantityMention) -> String {
    let q = &m.quantity;
    let f = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v}"));
    format!(
        "= {} | {} | {} | {} | {} | {} | {}",
        m.span.slice(text),
        serde_json::to_value(q.qualifier).unwrap().as_str().unwrap(),
        f(q.value),
        f(q.low),
        f(q.high),
        q.unit.as_deref().unwrap_or("-"),
        q.noun.as_deref().unwrap_or("-")
    )
}

#[test]
fn fixtures() {
    let cases = cases();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (line, text, expected) in &cases {
        let got = find_quantities(text);
        let mut ok = got.len() == expected.len();
        for e in expected {
            let hit = got.iter().find(|m| m.span.slice(text) == e.span);
            match hit {
                Some(m) => {
                    let q = &m.quantity;
                    let qual = serde_json::to_value(q.qualifier).unwrap();
                    if qual.as_str() != Some(e.qualifier.as_str())
                        || !close(q.value, e.value)
                        || !close(q.low, e.low)
                        || !close(q.high, e.high)
                        || q.unit != e.unit
                        || q.noun != e.noun
                    {
                        ok = false;
                        fneg += 1;
                    } else {
                        tp += 1;
                    }
                }
                None => {
                    ok = false;
                    fneg += 1;
                }
            }
        }
        fp += got
            .iter()
            .filter(|m| !expected.iter().any(|e| e.span == m.span.slice(text)))
            .count();
        if !ok {
            let got: Vec<String> = got.iter().map(|m| describe(text, m)).collect();
            failures.push(format!(
                "line {line}: > {text}\n  got:\n    {}",
                got.join("\n    ")
            ));
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    eprintln!(
        "{} cases, precision {p:.3}, recall {r:.3}, F1 {:.3}",
        cases.len(),
        2.0 * p * r / (p + r).max(1e-9)
    );
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn tolerance_and_exclusions() {
    let text = "about 200 people and 300 more";
    let got = find_quantities_with(text, &[Span::new(21, 24)], 0.5);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].quantity.low, got[0].quantity.high),
        (Some(100.0), Some(300.0))
    );
}

#[test]
fn json_shape() {
    let got = find_quantities("fewer than 30,000 European servicemen");
    let v = serde_json::to_string(&got[0].quantity).unwrap();
    assert_eq!(
        v,
        r#"{"value":30000,"low":null,"high":30000,"qualifier":"lt","unit":null,"noun":"servicemen"}"#
    );
}

#[test]
fn pathological_inputs_are_fast() {
    let long =
        "1,000 ".repeat(20_000) + &"twenty-".repeat(20_000) + &"thousands of ".repeat(20_000);
    let t = std::time::Instant::now();
    let _ = find_quantities(&long);
    assert!(t.elapsed().as_secs() < 5);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(s in "\\PC{0,200}") {
        for m in find_quantities(&s) {
            proptest::prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            proptest::prop_assert!(m.span.start < m.span.end);
        }
    }

    #[test]
    fn never_panics_on_number_soup(s in "([0-9]{1,5}|[,. \\-$%k]|million|a|thousands|of|to|between|and|more|than|twenty|six|-){0,40}") {
        for m in find_quantities(&s) {
            proptest::prop_assert!(m.span.end <= s.len());
            if let (Some(l), Some(h)) = (m.quantity.low, m.quantity.high) {
                proptest::prop_assert!(l <= h, "{:?}", m);
            }
        }
    }
}

#[test]
fn starter_words_are_the_number_words() {
    let old = |w: &str| {
        number::small(w).is_some()
            || number::vague_plural(w).is_some()
            || matches!(w, "a" | "an" | "half" | "several" | "minus")
    };
    for w in super::STARTERS {
        assert!(old(w), "{w}");
    }
    let text: String = crate::generate::Generator::new(crate::generate::Config {
        docs: 200,
        seed: 3,
        ..crate::generate::Config::default()
    })
    .unwrap()
    .map(|r| r.text)
    .collect::<Vec<_>>()
    .join(" ")
    .to_ascii_lowercase();
    let extra = "zero one two three four five six seven eight nine ten eleven twelve thirteen \
                 fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty \
                 sixty seventy eighty ninety hundred thousand dozen tens dozens scores hundreds \
                 thousands millions billions trillions a an half several minus";
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .chain(extra.split(' '))
    {
        assert_eq!(super::starter_word(w), old(w), "{w}");
    }
}
