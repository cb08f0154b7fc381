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

/// Words the random claims below are made of: names (entities), event verbs, content words.
const VOCABULARY: &[&str] = &[
    "Kyiv",
    "Moscow",
    "Paris",
    "Berlin",
    "Macron",
    "Starmer",
    "signed",
    "met",
    "announced",
    "troops",
    "border",
    "talks",
    "ceasefire",
    "plan",
    "letter",
    "coalition",
    "the",
    "and",
];

/// A claim of `kind` (0 date, 1 quote) in document `doc`, its sentence made of `words`
/// (indices into [`VOCABULARY`]).
fn random_claim(kind: u8, doc: u32, event: u32, words: &[usize]) -> AlignClaim {
    let body: Vec<&str> = words
        .iter()
        .map(|&w| VOCABULARY[w % VOCABULARY.len()])
        .collect();
    let body = body.join(" ");
    match kind {
        0 => {
            let sentence = format!("{body} on Jan. 6.");
            let day = "2026-01-06".parse().unwrap();
            claim(
                doc,
                doc,
                event,
                &sentence,
                "on Jan. 6",
                Payload::Date(DateRange {
                    start: Some(day),
                    end: Some(day),
                    granularity: "day".into(),
                    relative: false,
                    weekday: None,
                    bare_weekday: false,
                }),
            )
        }
        _ => {
            let text = format!("“{body}”");
            let sentence = format!("{text} Macron said.");
            claim(doc, doc, event, &sentence, &text, quote("Macron", &body))
        }
    }
}

/// The pruned path is not vacuous: two documents saying the same thing in one event make a
/// candidate pair, for dates (shared entities) and quotes (shared quote words).
#[test]
fn pruned_candidates_keep_a_shared_pair() {
    let idx = |w: &str| VOCABULARY.iter().position(|v| *v == w).unwrap();
    let words: Vec<usize> = ["Macron", "met", "Starmer", "Berlin", "ceasefire", "talks"]
        .iter()
        .map(|w| idx(w))
        .collect();
    for kind in 0..2 {
        let claims = [
            random_claim(kind, 0, 0, &words),
            random_claim(kind, 1, 0, &words),
        ];
        let config = AlignConfig::default();
        let features: Vec<Features> = claims.iter().map(|c| Features::of(c, &config)).collect();
        let pairs = super::candidate_pairs_with(&claims, &[0, 1], &features, &config, true);
        assert_eq!(pairs.len(), 1, "kind {kind}");
        assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
    }
}

proptest::proptest! {
    /// The inverted index finds the pairs of a double loop that share `min` keys, in its order.
    #[test]
    fn partners_as_double_loop(
        keys in proptest::collection::vec(proptest::collection::btree_set(0u64..24, 0..8), 0..30),
        min in 1u32..4,
    ) {
        let keys: Vec<Vec<u64>> = keys.into_iter().map(|k| k.into_iter().collect()).collect();
        let members: Vec<usize> = (0..keys.len()).map(|i| i * 2 + 1).collect();
        let of = |i: usize| &keys[(i - 1) / 2][..];
        let mut fast = Vec::new();
        super::partners(&members, of, min, |i, j| fast.push((i, j)));
        let mut plain = Vec::new();
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if super::shared_hashes(of(i), of(j)) >= min as usize {
                    plain.push((i, j));
                }
            }
        }
        proptest::prop_assert_eq!(fast, plain);
    }

    /// Pruned candidate generation scores the same candidates as every pair of the block.
    #[test]
    fn pruned_candidates_as_plain(
        kind in 0u8..2,
        docs in proptest::collection::vec(
            (0u32..3, proptest::collection::vec(0usize..VOCABULARY.len(), 1..9)),
            0..24,
        ),
    ) {
        let claims: Vec<AlignClaim> = docs
            .iter()
            .enumerate()
            .map(|(d, (event, words))| random_claim(kind, d as u32 / 2, *event, words))
            .collect();
        let config = AlignConfig::default();
        let features: Vec<Features> = claims.iter().map(|c| Features::of(c, &config)).collect();
        let members: Vec<usize> = (0..claims.len()).collect();
        let run = |prune| {
            let mut out: Vec<(usize, usize, u64, Level)> =
                super::candidate_pairs_with(&claims, &members, &features, &config, prune)
                    .into_iter()
                    .map(|c| (c.a, c.b, c.score.to_bits(), c.level))
                    .collect();
            out.sort();
            out
        };
        proptest::prop_assert_eq!(run(true), run(false));
    }
}

/// [`AlignClaim::with_local_context`] the plain way: the whole sentence tokenized, the last
/// three tokens before the claim and the first two after it, content words only.
fn local_words_plain(sentence: &str, start: usize, end: usize) -> Words {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    crate::text::for_each_token(sentence, |span, t| {
        if span.end <= start {
            before.push(t.to_string());
        } else if span.start >= end && after.len() < 2 {
            after.push(t.to_string());
        }
    });
    let skip = before.len().saturating_sub(3);
    let words: Vec<String> = before
        .into_iter()
        .skip(skip)
        .chain(after)
        .filter(|w| !context::is_stop_word(w) && !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    Words::from(words)
}

/// Words of the random sentences below: short and long, numbers, punctuation, curly quotes.
const LOCAL_WORDS: &[&str] = &[
    "the",
    "troops",
    "50,000",
    "said",
    "“Peace",
    "now,”",
    "Kyiv.",
    "and",
    "—",
    "l’armée",
    "U.S.",
    "x",
    "reconnaissance",
    "(about",
    "soldiers)",
    "Starmer’s",
    "2026",
    "a",
    "deployment",
];

proptest::proptest! {
    /// The windows around the claim give the words the whole sentence gives.
    #[test]
    fn local_context_as_whole_sentence(
        words in proptest::collection::vec(0usize..LOCAL_WORDS.len(), 1..40),
        at in 0usize..1000,
        len in 0usize..60,
    ) {
        let sentence: Vec<&str> = words.iter().map(|&w| LOCAL_WORDS[w]).collect();
        let sentence = sentence.join(" ");
        let bounds: Vec<usize> = (0..=sentence.len()).filter(|&i| sentence.is_char_boundary(i)).collect();
        let start = bounds[at % bounds.len()];
        let end = bounds[(at % bounds.len() + len).min(bounds.len() - 1)];
        // The sentence inside a document, after another one.
        let doc = format!("It rained. {sentence} Then it stopped.");
        let off = "It rained. ".len();
        let c = AlignClaim::new(
            0,
            0,
            0,
            0,
            Span::new(off + start, off + end),
            Span::new(off, off + sentence.len()),
            &sentence[start..end],
            qty(1.0, Qualifier::Exact, "troops"),
        )
        .with_local_context(&doc);
        proptest::prop_assert_eq!(c.local_words, local_words_plain(&sentence, start, end));
    }
}
