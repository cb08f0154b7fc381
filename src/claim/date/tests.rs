use super::*;
use jiff::civil::date;
use proptest::prelude::*;

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    for e in std::fs::read_dir(dir).expect("seeds dir") {
        let p = e.expect("entry").path();
        if p.file_name()
            .and_then(|f| f.to_str())
            .is_some_and(|f| f.starts_with(name))
        {
            return std::fs::read_to_string(p).expect("seed text");
        }
    }
    panic!("no seed {name}");
}

fn spans(text: &str, published: Option<Date>) -> Vec<String> {
    find_dates(text, published)
        .iter()
        .map(|d| d.span.slice(text).to_string())
        .collect()
}

#[test]
fn seeds() {
    assert_eq!(spans(&seed("000"), None), ["on Friday"]);
    assert_eq!(spans(&seed("001"), None), ["this week", "2008", "today"]);
    assert_eq!(
        spans(&seed("002"), None),
        ["On Jan. 6", "on Jan. 8", "On Jan. 6", "on Jan. 7", "today"]
    );
    assert_eq!(
        spans(&seed("003"), None),
        [
            "on Friday",
            "February 2022",
            "late August",
            "on Thursday",
            "on Friday",
            "on Friday"
        ]
    );
    assert_eq!(spans(&seed("004"), None), ["On Friday"]);
}

#[test]
fn seeds_unresolved_keep_what_is_known() {
    let text = seed("002");
    let d = find_dates(&text, None);
    assert_eq!(
        (d[0].start, d[0].month, d[0].day, d[0].relative),
        (None, Some(1), Some(6), true)
    );
    let d = find_dates(&seed("003"), None);
    assert_eq!((d[0].start, d[0].weekday), (None, Some(Weekday::Friday)));
    assert_eq!(
        (d[1].start, d[1].end, d[1].relative),
        (Some(date(2022, 2, 1)), Some(date(2022, 2, 28)), false)
    );
    assert_eq!(
        (d[2].start, d[2].month, d[2].granularity),
        (None, Some(8), Granularity::Month)
    );
}

#[test]
fn seeds_resolved() {
    // 002 was published on 2026-01-08 (a Thursday).
    let d = find_dates(&seed("002"), Some(date(2026, 1, 8)));
    assert_eq!(d[0].start, Some(date(2026, 1, 6)));
    assert_eq!(d[1].start, Some(date(2026, 1, 8)));
    // 003 was published on 2025-09-06 (a Saturday).
    let d = find_dates(&seed("003"), Some(date(2025, 9, 6)));
    assert_eq!(d[0].start, Some(date(2025, 9, 5)));
    assert_eq!(
        (d[2].start, d[2].end),
        (Some(date(2025, 8, 21)), Some(date(2025, 8, 31)))
    );
    assert_eq!(d[3].start, Some(date(2025, 9, 4)));
}

#[test]
fn serializes_lowercase_and_iso() {
    let d = find_dates("on Friday", Some(date(2026, 1, 10)));
    let json = serde_json::to_string(&d[0]).expect("json");
    assert!(json.contains(r#""granularity":"day""#), "{json}");
    assert!(json.contains(r#""start":"2026-01-09""#), "{json}");
    assert!(json.contains(r#""weekday":"friday""#), "{json}");
}

/// The table in `fixtures/claims/dates.tsv`: see its header for the format.
#[test]
fn fixture_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/claims/dates.tsv");
    let table = std::fs::read_to_string(path).expect("dates.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (lineno, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        n += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 2,
            "line {}: need at least 2 columns",
            lineno + 1
        );
        let published = match cols[0] {
            "-" => None,
            s => Some(
                s.parse::<Date>()
                    .unwrap_or_else(|e| panic!("line {}: {e}", lineno + 1)),
            ),
        };
        // Strip [[...]] markers, remembering the marked spans.
        let marked = cols[1];
        let mut text = String::new();
        let mut want_spans = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after
                .find("]]")
                .unwrap_or_else(|| panic!("line {}: unclosed [[", lineno + 1));
            let start = text.len();
            text.push_str(&after[..close]);
            want_spans.push(Span::new(start, text.len()));
            rest = &after[close + 2..];
        }
        text.push_str(rest);
        let expected: Vec<(Option<Date>, Option<Date>, Option<&str>)> = if cols.len() > 2 {
            cols[2]
                .split(';')
                .map(|v| {
                    let v = v.trim();
                    let mut it = v.split_whitespace();
                    let s = it.next().unwrap_or("-");
                    let e = it.next().unwrap_or(s);
                    let g = it.next();
                    let pd = |x: &str| {
                        if x == "-" {
                            None
                        } else {
                            Some(x.parse::<Date>().expect("date"))
                        }
                    };
                    (pd(s), pd(e), g)
                })
                .collect()
        } else {
            Vec::new()
        };
        let got = find_dates(&text, published);
        let got_spans: Vec<Span> = got.iter().map(|d| d.span).collect();
        if got_spans != want_spans {
            failures.push(format!(
                "line {}: {text:?}: spans {:?}, want {:?}",
                lineno + 1,
                got.iter().map(|d| d.span.slice(&text)).collect::<Vec<_>>(),
                want_spans
                    .iter()
                    .map(|s| s.slice(&text))
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        for (k, (s, e, g)) in expected.iter().enumerate() {
            let Some(d) = got.get(k) else { break };
            let gran = serde_json::to_value(d.granularity).expect("json");
            if d.start != *s || d.end != *e || g.is_some_and(|g| gran != g) {
                failures.push(format!(
                    "line {}: {text:?} {:?}: got {:?}..{:?} {:?}, want {s:?}..{e:?} {g:?}",
                    lineno + 1,
                    d.span.slice(&text),
                    d.start,
                    d.end,
                    d.granularity
                ));
            }
        }
    }
    assert!(n >= 10, "table too small");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics(s in "\\PC{0,300}", y in 1i16..9999, m in 1i8..=12, d in 1i8..=28) {
        let p = Date::new(y, m, d).ok();
        for dm in find_dates(&s, p) {
            prop_assert!(s.is_char_boundary(dm.span.start) && s.is_char_boundary(dm.span.end));
            if let (Some(a), Some(b)) = (dm.start, dm.end) {
                prop_assert!(a <= b);
            }
        }
    }

    #[test]
    fn never_panics_on_date_soup(s in "((on |last |next |this |early |mid-|late |the |since |in )?(Jan\\. |January |May |Friday|Sun |week|year|weekend|spring |2008|1990s|'90s|5|31|2026-01-06|1/6/2026|-|, | |ago|two days ago)){0,40}") {
        for p in [None, Some(date(2026, 1, 1)), Some(date(9999, 12, 31)), Some(date(-9999, 1, 1))] {
            for dm in find_dates(&s, p) {
                if let (Some(a), Some(b)) = (dm.start, dm.end) {
                    prop_assert!(a <= b, "{:?} in {s:?}", dm);
                }
            }
        }
    }
}

/// CPU time of this thread in seconds (Linux `schedstat`), or wall time elsewhere: the build
/// machines are shared, so wall-clock throughput understates what one core does.
fn cpu_seconds(wall: std::time::Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// Throughput on the seeds repeated to ~10 MB, per core (CPU time):
/// `cargo test --release --lib claim::date::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run by hand"]
fn throughput() {
    let mut one = String::new();
    for s in ["000", "001", "002", "003", "004"] {
        one.push_str(&seed(s));
        one.push_str("\n\n");
    }
    let docs: Vec<String> = (0..(10_000_000 / one.len())).map(|_| one.clone()).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let p = Some(date(2026, 1, 8));
    let w = std::time::Instant::now();
    let c0 = cpu_seconds(w);
    let nd: usize = docs.iter().map(|d| find_dates(d, p).len()).sum();
    let c1 = cpu_seconds(w);
    let nq: usize = docs
        .iter()
        .map(|d| crate::claim::quote::find_quotes(d).len())
        .sum();
    let c2 = cpu_seconds(w);
    let (td, tq) = (c1 - c0, c2 - c1);
    println!(
        "dates:  {mb:.1} MB in {td:.3} s CPU = {:.0} MB/s ({nd} mentions)",
        mb / td
    );
    println!(
        "quotes: {mb:.1} MB in {tq:.3} s CPU = {:.0} MB/s ({nq} quotes)",
        mb / tq
    );
    println!(
        "both:   {:.0} MB/s; wall {:.3} s",
        mb / (td + tq),
        w.elapsed().as_secs_f64()
    );
}

#[test]
fn pathological_inputs_stay_fast() {
    let cases = [
        "on Friday, Jan. 6, 2026-01-06 last week the 1990s mid-2025 ".repeat(20_000),
        "1 ".repeat(300_000),
        "-".repeat(500_000),
        "May May May in May ".repeat(30_000),
    ];
    for s in &cases {
        let t = std::time::Instant::now();
        let d = find_dates(s, Some(date(2026, 1, 8)));
        assert!(
            t.elapsed().as_secs_f64() < 3.0,
            "{} bytes took {:?} ({} dates)",
            s.len(),
            t.elapsed(),
            d.len()
        );
    }
}

#[test]
fn whole_text_tokens_give_the_same_dates() {
    use crate::generate::{Config, Generator};
    let config = Config {
        docs: 150,
        seed: 7,
        ..Config::default()
    };
    let mut texts: Vec<String> = Generator::new(config).unwrap().map(|r| r.text).collect();
    for e in std::fs::read_dir("seeds").unwrap() {
        texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    texts.push("On Friday\n\nlast week, on Jan. 6 2026 and \"2008\" — mid-2025.".to_string());
    let published = Some(jiff::civil::date(2026, 1, 10));
    for t in &texts {
        let mut toks = Vec::new();
        lex::tokenize(t, &mut toks);
        assert_eq!(
            super::find_dates_in(t, &toks, published),
            find_dates(t, published),
            "{t}"
        );
    }
}

/// The weekday picks the year of a day stated without one; a weekday that fits no nearby year,
/// or a full date with the wrong weekday, is kept and marked.
#[test]
fn weekday_mismatch() {
    let p = Some(date(2026, 1, 8));
    let check = |text: &str, start: Date, mismatch: bool| {
        let d = find_dates(text, p);
        assert_eq!(d.len(), 1, "{text}");
        assert_eq!(d[0].start, Some(start), "{text}");
        assert_eq!(d[0].weekday_mismatch, mismatch, "{text}");
    };
    check(
        "Talks were held on Friday, Feb. 21.",
        date(2025, 2, 21),
        false,
    );
    check(
        "Talks were held on Wednesday, Feb. 21.",
        date(2024, 2, 21),
        false,
    );
    check(
        "Talks were held on Tuesday, Feb. 21.",
        date(2025, 2, 21),
        true,
    );
    check(
        "Talks were held on Tuesday, Jan. 5, 2026.",
        date(2026, 1, 5),
        true,
    );
    check(
        "Talks were held on Monday, Jan. 5, 2026.",
        date(2026, 1, 5),
        false,
    );
    check("Talks were held on Friday.", date(2026, 1, 2), false);
    // Without a published date nothing is resolved, nothing is marked.
    let d = find_dates("Talks were held on Tuesday, Feb. 21.", None);
    assert!(!d[0].weekday_mismatch);
}

/// The month and weekday words that quantities and contexts test come from the lexicon: the
/// names and abbreviations it knows, in lowercase only.
#[test]
fn month_and_weekday_words_are_the_lexicons() {
    let months = "january february march april may june july august september october november \
                  december jan feb mar apr jun jul aug sep sept oct nov dec";
    let weekdays = "monday tuesday wednesday thursday friday saturday sunday";
    let (mut m, mut d) = (0, 0);
    for w in months.split_whitespace() {
        assert!(super::is_month_word(w) && !super::is_weekday_word(w), "{w}");
        m += 1;
    }
    for w in weekdays.split(' ') {
        assert!(super::is_weekday_word(w) && !super::is_month_word(w), "{w}");
        d += 1;
    }
    assert_eq!((m, d), (24, 7));
    let neither = "January MAY mayday ma mon fri Friday today week décembre";
    for w in neither.split(' ').chain([""]) {
        assert!(
            !super::is_month_word(w) && !super::is_weekday_word(w),
            "{w:?}"
        );
    }
}
