//! Sentence context for alignment: content words, entities, event verbs, speaker names.
//!
//! The claim extractors provide these when they can; these helpers fill in what is missing, so
//! alignment works on any claim that has a sentence span.

use crate::text;

/// Function words and reporting filler that say nothing about the subject of a sentence.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "more",
    "most",
    "much",
    "my",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "ms",
    "mrs",
    "per",
    "cent",
    "percent",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "least",
    "fewer",
    "less",
    "however",
    "may",
    "might",
    "must",
    "one",
    "two",
    "three",
    "new",
    "year",
    "years",
    "since",
    "within",
    "yet",
];

/// Negation words: a quote that gains or loses one of these says the opposite.
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "cant", "dont",
    "doesnt", "didnt", "wont", "wouldnt", "isnt", "arent", "wasnt", "werent", "shouldnt",
    "couldnt", "havent", "hasnt", "hadnt", "without",
];

/// Number words recognised inside quotes (a changed number in a quote is QUOTE003).
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "third",
    "quarter",
    "twice",
    "double",
    "triple",
];

/// Event verbs and their base form: the happening a date is about.
const EVENT_VERBS: &[(&str, &[&str])] = &[
    ("sign", &["sign", "signs", "signed", "signing"]),
    ("meet", &["meet", "meets", "met", "meeting"]),
    (
        "announce",
        &["announce", "announces", "announced", "announcing"],
    ),
    ("say", &["say", "says", "said", "stated", "told"]),
    ("kill", &["kill", "kills", "killed", "killing"]),
    (
        "attack",
        &[
            "attack", "attacks", "attacked", "struck", "strike", "strikes", "hit",
        ],
    ),
    (
        "launch",
        &[
            "launch", "launches", "launched", "began", "begin", "begins", "started", "start",
        ],
    ),
    (
        "deploy",
        &[
            "deploy",
            "deploys",
            "deployed",
            "send",
            "sends",
            "sent",
            "dispatch",
            "dispatched",
        ],
    ),
    (
        "visit",
        &["visit", "visits", "visited", "arrived", "arrive"],
    ),
    (
        "agree",
        &[
            "agree", "agreed", "agrees", "approved", "approve", "adopted", "passed",
        ],
    ),
    ("hold", &["hold", "held", "holds"]),
    (
        "elect",
        &["elect", "elected", "won", "win", "voted", "vote"],
    ),
    ("die", &["die", "died", "dies"]),
    (
        "arrest",
        &[
            "arrest", "arrests", "arrested", "detain", "detains", "detained",
        ],
    ),
    (
        "injure",
        &["injure", "injures", "injured", "wound", "wounded", "hurt"],
    ),
    (
        "march",
        &[
            "march",
            "marched",
            "marches",
            "rally",
            "rallied",
            "protest",
            "protested",
            "demonstrate",
            "demonstrated",
            "attend",
            "attended",
            "joined",
            "gathered",
            "took",
        ],
    ),
    (
        "evacuate",
        &[
            "evacuate",
            "evacuated",
            "flee",
            "fled",
            "displace",
            "displaced",
        ],
    ),
    ("invade", &["invade", "invaded", "invasion"]),
    (
        "pledge",
        &["pledge", "pledged", "pledges", "committed", "promised"],
    ),
    ("resign", &["resign", "resigned", "quit"]),
    ("release", &["release", "released", "published", "unveiled"]),
    ("occur", &["occurred", "happened", "erupted", "struck"]),
];

/// True for a stop word (already normalized).
pub fn is_stop_word(w: &str) -> bool {
    // A hash table: this runs for every token of every claim's sentence.
    static TABLE: std::sync::OnceLock<WordTable<()>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| WordTable::new(STOP_WORDS.iter().map(|w| (*w, ()))))
        .get(w)
        .is_some()
}

/// The base form of an event verb form other than "say"'s (the first in [`EVENT_VERBS`] order
/// that lists it).
fn event_base(form: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<WordTable<&'static str>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            WordTable::new(
                EVENT_VERBS
                    .iter()
                    .filter(|(base, _)| *base != "say")
                    .flat_map(|(base, forms)| forms.iter().map(move |f| (*f, *base))),
            )
        })
        .get(form)
        .copied()
}

/// A fixed table of words keyed by their xxh3 hash (the word is compared too, so a hash
/// collision with an input word cannot give a false match). The first entry of a word wins.
struct WordTable<V> {
    map: std::collections::HashMap<
        u64,
        (&'static str, V),
        std::hash::BuildHasherDefault<super::MixHasher>,
    >,
    /// The longest word: longer input words are not looked up.
    longest: usize,
}

impl<V> WordTable<V> {
    fn new(entries: impl Iterator<Item = (&'static str, V)>) -> WordTable<V> {
        let mut map = std::collections::HashMap::default();
        let mut longest = 0;
        for (w, v) in entries {
            longest = longest.max(w.len());
            let e = map
                .entry(xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
                .or_insert((w, v));
            assert_eq!(e.0, w, "no two words of a table share a hash");
        }
        WordTable { map, longest }
    }

    fn get(&self, w: &str) -> Option<&V> {
        if w.len() > self.longest {
            return None;
        }
        self.map
            .get(&xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
            .filter(|(k, _)| *k == w)
            .map(|(_, v)| v)
    }
}

/// True for a negation word (normalized: apostrophes removed).
pub fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w)
}

/// True for a number, as digits or as a word.
pub fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w)
}

/// The content words of a text: normalized tokens that are not stop words, sorted, deduplicated.
///
/// ```
/// let words = crosscheck::align::context::content_words("The troops will be sent to Ukraine.");
/// assert_eq!(words, ["sent", "troops", "ukraine"]);
/// ```
pub fn content_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    text::for_each_token(s, |_, t| {
        if t.chars().count() > 1 && !is_stop_word(t) {
            out.push(t.to_string());
        }
    });
    out.sort();
    out.dedup();
    out
}

/// Capitalized words that are not at the start of a sentence (or are, but are not stop words),
/// normalized, sorted, deduplicated: a cheap entity list.
///
/// ```
/// let e = crosscheck::align::context::entities("The Kremlin said Dmitry Peskov met Macron.");
/// assert_eq!(e, ["dmitry", "kremlin", "macron", "peskov"]);
/// ```
pub fn entities(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    text::for_each_token(s, |span, t| {
        let first = s[span.start..].chars().next().unwrap_or(' ');
        if first.is_uppercase() && !is_stop_word(t) && t.chars().count() > 1 {
            out.push(t.to_string());
        }
    });
    out.sort();
    out.dedup();
    out
}

/// The base form of the first event verb in a text, if any.
///
/// ```
/// use crosscheck::align::context::event_verb;
/// assert_eq!(event_verb("On Jan. 6, the UK and France signed a letter").as_deref(), Some("sign"));
/// assert_eq!(event_verb("A quiet day"), None);
/// ```
pub fn event_verb(s: &str) -> Option<String> {
    let mut found = None;
    text::for_each_token(s, |_, t| {
        if found.is_some() {
            return;
        }
        // "say" is the weakest verb: only used when nothing better is there.
        if let Some(base) = event_base(t) {
            found = Some(base.to_string());
        }
    });
    if found.is_none() {
        text::for_each_token(s, |_, t| {
            if found.is_none() && EVENT_VERBS[3].1.contains(&t) {
                found = Some("say".to_string());
            }
        });
    }
    found
}

/// Normalizes an event verb given by an extractor to the base form used here.
pub fn verb_base(v: &str) -> String {
    let v = v.trim().to_lowercase();
    for (base, forms) in EVENT_VERBS {
        if forms.contains(&v.as_str()) {
            return base.to_string();
        }
    }
    v
}

/// The surname key of a speaker: the last capitalized word, normalized. `None` for a pronoun or a
/// description without a name ("he", "the spokesperson").
///
/// ```
/// use crosscheck::align::context::surname;
/// assert_eq!(surname("Kremlin spokesman Dmitry Peskov").as_deref(), Some("peskov"));
/// assert_eq!(surname("Peskov").as_deref(), Some("peskov"));
/// assert_eq!(surname("he"), None);
/// ```
pub fn surname(name: &str) -> Option<String> {
    let mut last = None;
    text::for_each_token(name, |span, t| {
        let first = name[span.start..].chars().next().unwrap_or(' ');
        if first.is_uppercase() && !is_stop_word(t) {
            last = Some(t.to_string());
        }
    });
    last
}

/// Whether two speakers are the same person: `Some(true)` when their surnames match (Jaro-Winkler
/// at least 0.92, so "Zelensky" = "Zelenskyy"), `Some(false)` when both are named and differ,
/// `None` when either is unknown.
///
/// ```
/// use crosscheck::align::context::same_speaker;
/// assert_eq!(same_speaker("Peskov", "Kremlin spokesman Dmitry Peskov"), Some(true));
/// assert_eq!(same_speaker("Zelensky", "Volodymyr Zelenskyy"), Some(true));
/// assert_eq!(same_speaker("Putin", "Peskov"), Some(false));
/// assert_eq!(same_speaker("he", "Peskov"), None);
/// ```
pub fn same_speaker(a: &str, b: &str) -> Option<bool> {
    let (a, b) = (surname(a)?, surname(b)?);
    Some(same_surname(&a, &b))
}

/// True when two surnames (from [`surname`]) name the same person: equal, or Jaro-Winkler
/// similarity at least 0.92 (a transliteration variant).
pub fn same_surname(a: &str, b: &str) -> bool {
    a == b || strsim::jaro_winkler(a, b) >= 0.92
}

/// The number of words two sorted, deduplicated lists share (what [`jaccard`] counts, without
/// listing them).
pub fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, deduplicated word lists, and the shared words.
pub fn jaccard<'a>(a: &'a [String], b: &[String]) -> (f64, Vec<&'a str>) {
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push(a[i].as_str());
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared.len();
    let score = if union == 0 {
        0.0
    } else {
        shared.len() as f64 / union as f64
    };
    (score, shared)
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// The tables answer as a linear search of the lists does.
    #[test]
    fn tables_as_the_lists() {
        let mut words: Vec<&str> = STOP_WORDS.to_vec();
        for (base, forms) in EVENT_VERBS {
            words.push(base);
            words.extend(forms.iter());
        }
        words.extend(["", "x", "troops", "signedx", "THE", "the ", "émigré"]);
        for w in words {
            assert_eq!(is_stop_word(w), STOP_WORDS.contains(&w), "{w}");
            let expected = EVENT_VERBS
                .iter()
                .filter(|(base, _)| *base != "say")
                .find(|(_, forms)| forms.contains(&w))
                .map(|(base, _)| *base);
            assert_eq!(event_base(w), expected, "{w}");
        }
    }
}
