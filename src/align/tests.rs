use super::*;

fn claim(
    doc: u32,
    group: u32,
    event: u32,
    sentence: &str,
    text: &str,
    payload: Payload,
) -> AlignClaim {
    let start = sentence.find(text).expect("claim text in sentence");
    AlignClaim::new(
        doc,
        group,
        event,
        0,
        Span::new(start, start + text.len()),
        Span::new(0, sentence.len()),
        text,
        payload,
    )
    .with_sentence_text(sentence)
}

fn qty(value: f64, q: Qualifier, noun: &str) -> Payload {
    Payload::Quantity(Quantity::new(Some(value), q, None, Some(noun)))
}

fn quote(speaker: &str, text: &str) -> Payload {
    Payload::Quote(Quote::new(Some(speaker.to_string()), text))
}

#[test]
fn no_absurd_quantity_pairs() {
    let claims = [
        claim(
            0,
            0,
            0,
            "Macron said 26 countries pledged troops.",
            "26 countries",
            qty(26.0, Qualifier::Exact, "countries"),
        ),
        claim(
            1,
            1,
            0,
            "Starmer wants to send fewer than 30,000 European servicemen.",
            "fewer than 30,000 European servicemen",
            qty(30_000.0, Qualifier::Lt, "servicemen"),
        ),
        claim(
            1,
            1,
            0,
            "Some 26 nations took part.",
            "26 nations",
            qty(26.0, Qualifier::Exact, "nations"),
        ),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
    assert_eq!(pairs[0].level, Level::Event);
}

#[test]
fn one_to_one_per_document_pair_prefers_the_best() {
    let claims = [
        claim(
            0,
            0,
            0,
            "Macron said 26 countries pledged troops.",
            "26 countries",
            qty(26.0, Qualifier::Exact, "countries"),
        ),
        claim(
            1,
            1,
            0,
            "The 26 nations are overwhelmingly European.",
            "26 nations",
            qty(26.0, Qualifier::Exact, "nations"),
        ),
        claim(
            1,
            1,
            0,
            "Macron said that 26 countries pledged forces.",
            "26 countries",
            qty(26.0, Qualifier::Exact, "countries"),
        ),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
}

#[test]
fn quotes_pair_by_speaker_and_words_and_input_order_does_not_matter() {
    let a = "If some troops appear there, especially now during the fighting, we proceed from the premise that they will be legitimate targets";
    let b = "If any troops appear there, especially now, during the course of hostilities, we assume that they will be legitimate targets for their destruction";
    let c = "It is impossible to ensure the security of one country at the expense of another";
    let mut claims = vec![
        claim(0, 0, 0, a, a, quote("Vladimir Putin", a)),
        claim(1, 1, 0, b, b, quote("Putin", b)),
        claim(1, 1, 0, c, c, quote("Peskov", c)),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert!(
        pairs[0].reasons[0].starts_with("same speaker"),
        "{:?}",
        pairs[0].reasons
    );
    claims.reverse();
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!((pairs.len(), pairs[0].a, pairs[0].b), (1, 1, 2));
}

#[test]
fn dates_need_the_same_happening() {
    let d = |s: &str| {
        Payload::Date(DateRange {
            start: Some(s.parse().unwrap()),
            end: Some(s.parse().unwrap()),
            granularity: "day".into(),
            relative: false,
            weekday: None,
            bare_weekday: false,
        })
    };
    let claims = [
        claim(
            0,
            0,
            0,
            "On Jan. 6, the UK and France signed a letter of intent.",
            "On Jan. 6",
            d("2026-01-06"),
        ),
        claim(
            1,
            1,
            0,
            "The UK and France signed the letter on Jan. 7 in Paris.",
            "on Jan. 7",
            d("2026-01-07"),
        ),
        claim(
            1,
            1,
            0,
            "Starmer told Parliament on Jan. 7 about the plan.",
            "on Jan. 7",
            d("2026-01-07"),
        ),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
    assert!(pairs[0].reasons.iter().any(|r| r.contains("sign")));
}

#[test]
fn story_level_across_events() {
    let claims = [
        claim(
            0,
            0,
            0,
            "An expected total of around 50,000 soldiers.",
            "around 50,000 soldiers",
            qty(50_000.0, Qualifier::Approx, "soldiers"),
        ),
        claim(
            1,
            1,
            1,
            "A plan to dispatch fewer than 30,000 European servicemen.",
            "fewer than 30,000 European servicemen",
            qty(30_000.0, Qualifier::Lt, "servicemen"),
        ),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].level, Level::Story);
}

#[test]
fn big_blocks_align_inside_events_only() {
    let claims = [
        claim(
            0,
            0,
            0,
            "Around 50,000 soldiers.",
            "Around 50,000 soldiers",
            qty(50_000.0, Qualifier::Approx, "soldiers"),
        ),
        claim(
            1,
            1,
            1,
            "Fewer than 30,000 servicemen.",
            "Fewer than 30,000 servicemen",
            qty(30_000.0, Qualifier::Lt, "servicemen"),
        ),
    ];
    assert_eq!(align(&claims, &AlignConfig::default()).len(), 1);
    let config = AlignConfig {
        max_story_block: 1,
        ..AlignConfig::default()
    };
    assert!(align(&claims, &config).is_empty());
}

#[test]
fn claims_paired_inside_their_event_are_not_paired_across_events() {
    let claims = [
        claim(
            0,
            0,
            0,
            "Around 50,000 soldiers.",
            "Around 50,000 soldiers",
            qty(50_000.0, Qualifier::Approx, "soldiers"),
        ),
        claim(
            1,
            1,
            0,
            "Some 50,000 troops.",
            "Some 50,000 troops",
            qty(50_000.0, Qualifier::Approx, "troops"),
        ),
        claim(
            2,
            2,
            1,
            "Fewer than 30,000 servicemen.",
            "Fewer than 30,000 servicemen",
            qty(30_000.0, Qualifier::Lt, "servicemen"),
        ),
    ];
    let pairs = align(&claims, &AlignConfig::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!(
        (pairs[0].a, pairs[0].b, pairs[0].level),
        (0, 1, Level::Event)
    );
}

#[test]
fn figures_of_one_sentence_pair_by_the_words_around_them() {
    let s1 = "Istra reported revenue of $21.8 billion, while net profit fell 4.5% to $280 million.";
    let s2 = "Istra said net profit fell to $280 million on revenue of $21.8 billion.";
    let money =
        |v: f64| Payload::Quantity(Quantity::new(Some(v), Qualifier::Exact, Some("USD"), None));
    let c = |doc, s: &str, text: &str, v| {
        let mut c = claim(doc, doc, 0, s, text, money(v));
        c = c.with_local_context(s);
        c
    };
    let claims = [
        c(0, s1, "$21.8 billion", 21.8e9),
        c(0, s1, "$280 million", 280e6),
        c(1, s2, "$280 million", 280e6),
        c(1, s2, "$21.8 billion", 21.8e9),
    ];
    let mut pairs: Vec<(usize, usize)> = align(&claims, &AlignConfig::default())
        .iter()
        .map(|p| (p.a, p.b))
        .collect();
    pairs.sort();
    assert_eq!(pairs, [(0, 3), (1, 2)]);
}

proptest::proptest! {
    /// The branchless merge counts what the generic one counts.
    #[test]
    fn shared_hashes_as_shared_count(
        a in proptest::collection::btree_set(0u64..64, 0..40),
        b in proptest::collection::btree_set(0u64..64, 0..40),
    ) {
        let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
        proptest::prop_assert_eq!(
            super::shared_hashes(&a, &b),
            super::context::shared_count(&a, &b)
        );
    }
}
