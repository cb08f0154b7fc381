//! The counted noun after a quantity: the head of a short noun phrase (`30,000 European
//! servicemen` -> `servicemen`), found without a tagger by stopping at function words, verbs and
//! punctuation, and after the first plural.

use crate::claim::lex::{Lexed, WordMap};

/// Words that cannot be part of a counted noun phrase.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "through",
    "during",
    "before",
    "after",
    "since",
    "until",
    "across",
    "per",
    "via",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "than",
    "then",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "this",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "it's",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "him",
    "we",
    "us",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "no",
    "also",
    "only",
    "just",
    "even",
    "still",
    "already",
    "more",
    "most",
    "less",
    "least",
    "fewer",
    "very",
    "too",
    "such",
    "each",
    "every",
    "all",
    "both",
    "some",
    "any",
    "many",
    "much",
    "other",
    "another",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "added",
    "according",
    "reported",
    "ago",
    "earlier",
    "later",
    "last",
    "next",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "apiece",
    "total",
    "strong",
    "old",
    "long",
    "high",
    "wide",
    "deep",
    "tall",
    "away",
    "off",
    "up",
    "down",
    "out",
    "back",
    "again",
    "while",
    "if",
    "because",
    "although",
    "though",
    "whether",
    "around",
    "above",
    "below",
    "near",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "respectively",
    "instead",
    "including",
    "plus",
    "minus",
    "times",
    "percent",
    "cent",
    "million",
    "billion",
    "thousand",
    "hundred",
    "trillion",
    "got",
    "get",
    "gets",
    "went",
    "came",
    "come",
    "made",
    "make",
    "took",
    "take",
    "gave",
    "give",
    "saw",
    "see",
    "rose",
    "fell",
    "died",
    "left",
    "remain",
    "remained",
    "remains",
    "lost",
    "abroad",
    "overseas",
    "apart",
    "alone",
    "together",
    "home",
    "annually",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "ended",
    "end",
    "ends",
];

/// Words that cannot be part of a counted noun phrase.
pub(crate) fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<WordMap<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordMap::new(STOP_WORDS.iter().map(|w| (*w, ()))))
        .contains(w)
}

/// Words that read as a plural head though they do not end in `s`.
fn irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "aircraft"
            | "livestock"
            | "cattle"
            | "sheep"
            | "fish"
            | "deer"
            | "militia"
            | "infantry"
            | "crew"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "data"
            | "media"
            | "dead"
            | "injured"
            | "wounded"
            | "missing"
            | "displaced"
            | "homeless"
            | "unemployed"
            | "elderly"
            | "youth"
            | "offspring"
            | "clergy"
            | "folk"
            | "poultry"
            | "swine"
            | "troop"
    )
}

/// True when `w` looks like a plural noun.
pub(crate) fn looks_plural(w: &str) -> bool {
    if irregular_plural(w) || w.ends_with("men") || w.ends_with("people") {
        return true;
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !matches!(
            w,
            "was" | "has" | "does" | "this" | "its" | "yes" | "whereas" | "news"
        )
}

/// Verbs in `-s` that follow a singular subject and would pass for plurals: `the budget goes`.
fn verb_in_s(w: &str) -> bool {
    matches!(
        w,
        "goes"
            | "remains"
            | "comes"
            | "says"
            | "means"
            | "seems"
            | "becomes"
            | "includes"
            | "requires"
            | "represents"
            | "accounts"
            | "appears"
            | "depends"
    )
}

/// Adverbs and verb forms that end a noun phrase when they come first.
fn verbish(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4 && !matches!(w, "family" | "supply" | "ally" | "assembly"))
        || (w.ends_with("ed") && !irregular_plural(w) && !matches!(w, "armed" | "hundred"))
}

/// The noun phrase starting at token `i`: `(head token, last token)`, at most four words.
pub(crate) fn noun_phrase(lx: &Lexed<'_>, mut i: usize) -> Option<(usize, usize)> {
    let mut last: Option<usize> = None;
    let mut first: Option<usize> = None;
    let mut words = 0;
    // True when the phrase ends at punctuation, a function word or the end of the text, so
    // that its last word is the head (`aid package for`, `of global turnover.`).
    let mut clean = true;
    while i < lx.toks.len() && words < 4 {
        let t = lx.toks[i];
        if !t.is_word() {
            // A hyphenated modifier: `Ukrainian-born residents`, `peace-keeping troops`.
            if t.is_punct('-')
                && last == Some(i.wrapping_sub(1))
                && lx.toks.get(i + 1).is_some_and(|n| n.is_word() && n.glued)
                && t.glued
            {
                i += 1;
                continue;
            }
            break;
        }
        let w = lx.low(i);
        // `3,000 more troops`, `500 additional staff`
        if words == 0
            && matches!(w, "more" | "fewer" | "additional" | "extra" | "further")
            && lx.toks.get(i + 1).is_some_and(|t| t.is_word())
            && looks_plural(lx.low(i + 1))
        {
            i += 1;
            continue;
        }
        // Initials as a modifier: `U.S. troops`, `U.N. peacekeepers`.
        if w.len() == 1
            && lx
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_punct('.') && t.glued)
        {
            let mut k = i;
            while k + 1 < lx.toks.len()
                && lx.toks[k].is_word()
                && lx.low(k).len() == 1
                && lx.toks[k + 1].is_punct('.')
                && lx.toks[k + 1].glued
            {
                k += 2;
                if !lx.toks.get(k).is_some_and(|t| t.glued) {
                    break;
                }
            }
            if k > i + 2 {
                i = k;
                continue;
            }
            break;
        }
        if w.len() > 24 || is_stop(w) {
            break;
        }
        if super::number::is_month(w) || super::number::is_weekday(w) {
            break;
        }
        if words == 0 && verbish(w) && !irregular_plural(w) {
            break;
        }
        if words > 0 && (verbish(w) || w.ends_with("ing") || verb_in_s(w)) {
            clean = false;
            break;
        }
        last = Some(i);
        first.get_or_insert(i);
        words += 1;
        i += 1;
        if looks_plural(w) {
            // `police officers`, `staff members`: an irregular plural used as a modifier.
            let modifier = (!w.ends_with('s') || lx.capitalized(i - 1))
                && lx.toks.get(i).is_some_and(|t| t.is_word())
                && !lx.capitalized(i)
                && looks_plural(lx.low(i))
                && lx.low(i).ends_with('s')
                && !is_stop(lx.low(i));
            if !modifier {
                return last.map(|l| (l, l));
            }
        }
    }
    // No plural: a singular head is one word (`$2bn package`, `10-day ceasefire`), or the last
    // of two when the phrase ends cleanly (`€1.2 billion aid package for`).
    if words == 2 && clean && i < lx.toks.len() && !lx.toks[i].is_word() {
        return last.map(|l| (l, l));
    }
    if words == 2 && clean && (i >= lx.toks.len() || is_stop(lx.low(i))) {
        return last.map(|l| (l, l));
    }
    first.map(|f| (f, f))
}
