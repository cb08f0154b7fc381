//! What the alignment stage needs around a claim: the content words and entities of its
//! sentence, the attributed speaker or source, and the event verb.
//!
//! - Content words: lowercased words and numbers of the sentence, stop words removed, each once,
//!   in order.
//! - Entities: runs of capitalized words (`Keir Starmer`, `Coalition of the Willing`, `U.S.`),
//!   without a sentence-initial function word or pronoun; possessive `’s` dropped.
//! - Source: `according to X`, `X said` (`the Telegraph newspaper said`), `said X`, `X told`;
//!   pronouns are not sources.
//! - Event verb: the lemma of the verb from a built-in lexicon (`send`, `deploy`, `sign`, `kill`,
//!   ...) nearest to the claim; a reporting verb (`say`) when there is no other.
//!
//! ```
//! use crosscheck::claim::context::Context;
//!
//! let text = "Starmer will send fewer than 30,000 European servicemen, the Telegraph newspaper said.";
//! let ctx = Context::of_sentence(text, crosscheck::Span::new(0, text.len()), 20);
//! assert_eq!(ctx.source.as_deref(), Some("the Telegraph newspaper"));
//! assert_eq!(ctx.verb.as_deref(), Some("send"));
//! assert_eq!(*ctx.entities, ["Starmer", "European", "Telegraph"]);
//! assert!(ctx.words.iter().any(|w| w == "servicemen"));
//! ```

use std::sync::Arc;

use serde::Serialize;

use super::lex::{Kind, Lexed, WordMap};
use super::quantity::is_stop_word;
use crate::corpus::Span;

/// The context of a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Content words of the sentence, lowercased, each once, in order. Shared by the claims of
    /// one sentence.
    #[serde(serialize_with = "ser_list")]
    pub words: Arc<[String]>,
    /// Named entities of the sentence, as written, each once, in order. Shared by the claims of
    /// one sentence.
    #[serde(serialize_with = "ser_list")]
    pub entities: Arc<[String]>,
    /// The attributed speaker or source, as written (`the Telegraph newspaper`).
    pub source: Option<String>,
    /// The lemma of the event verb nearest to the claim (`send`, `deploy`, `sign`).
    pub verb: Option<String>,
}

fn ser_list<S: serde::Serializer>(v: &Arc<[String]>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter())
}

impl Context {
    /// The context of the claim at byte `at` in the sentence `sentence` of `text`.
    pub fn of_sentence(text: &str, sentence: Span, at: usize) -> Context {
        let lx = Lexed::new(text);
        let s = SentenceContext::new(&lx, sentence);
        s.for_claim(at)
    }
}

/// A word list shared by the claims of one sentence.
type SharedList = Arc<[String]>;

/// The claim-independent part of a sentence's context, computed once per sentence; its claims
/// share the word and entity lists. The lists borrow the tokenized text; the `String` lists of
/// the public [`Context`] are built on first use only.
#[derive(Debug, Clone)]
pub(crate) struct SentenceContext<'t> {
    words: Vec<&'t str>,
    entities: Vec<&'t str>,
    /// `words` and `entities` as owned lists, built by the first [`SentenceContext::for_claim`].
    shared: std::cell::OnceCell<(SharedList, SharedList)>,
    source: Option<String>,
    /// The event and reporting verbs, at offsets from `start`.
    verbs: Verbs,
    /// The byte offset of the sentence.
    start: usize,
}

/// The verbs of a sentence: (byte offset from the sentence start, lemma) of its event verbs,
/// and its first reporting verb. A function of the sentence's tokens alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Verbs {
    events: Vec<(usize, &'static str)>,
    reporting: Option<&'static str>,
}

impl Verbs {
    /// The lemma of the event verb nearest to byte `at` of a text where the sentence starts at
    /// byte `start` (the first of the nearest), or the reporting verb.
    pub(crate) fn nearest(&self, start: usize, at: usize) -> Option<&'static str> {
        self.events
            .iter()
            .min_by_key(|(o, _)| (start + o).abs_diff(at))
            .map(|(_, l)| *l)
            .or(self.reporting)
    }
}

/// A sentence's [`SentenceContext`], computed on first use: a caller that remembers contexts
/// by [`LazyContext::key`] need not compute it.
#[derive(Clone, Copy)]
pub(crate) struct LazyContext<'c, 't> {
    lx: &'t Lexed<'t>,
    span: Span,
    cell: &'c std::cell::OnceCell<SentenceContext<'t>>,
}

impl<'c, 't> LazyContext<'c, 't> {
    /// The context of the sentence `span` of `lx`, kept in `cell`.
    pub(crate) fn new(
        lx: &'t Lexed<'t>,
        span: Span,
        cell: &'c std::cell::OnceCell<SentenceContext<'t>>,
    ) -> LazyContext<'c, 't> {
        LazyContext { lx, span, cell }
    }

    /// The context, computed on the first call.
    pub(crate) fn get(&self) -> &'c SentenceContext<'t> {
        self.cell
            .get_or_init(|| SentenceContext::new(self.lx, self.span))
    }

    /// What the context is a function of, when it is one of the sentence's text: `(glued,
    /// text)`, where `glued` says that the first token follows the previous one without a
    /// space. `None` when a token crosses a boundary of the sentence (its tokens then depend on
    /// the text around it).
    ///
    /// The context reads only the tokens that start inside the sentence; when no token crosses
    /// its boundaries they are the tokens of its text alone, but for the first one's `glued`.
    pub(crate) fn key(&self) -> Option<(bool, &'t str)> {
        let toks = &self.lx.toks;
        let a = toks.partition_point(|t| t.start < self.span.start);
        let b = toks.partition_point(|t| t.start < self.span.end);
        let crosses_start = a > 0 && toks[a - 1].end > self.span.start;
        let crosses_end = b > 0 && toks[b - 1].end > self.span.end;
        if crosses_start || crosses_end {
            return None;
        }
        let glued = a < b && toks[a].glued;
        Some((glued, self.span.slice(self.lx.text)))
    }
}

impl<'t> SentenceContext<'t> {
    /// Computes the context of the sentence `span` of a tokenized text.
    pub(crate) fn new(lx: &'t Lexed<'t>, span: Span) -> SentenceContext<'t> {
        let a = lx.toks.partition_point(|t| t.start < span.start);
        let b = lx.toks.partition_point(|t| t.start < span.end);
        let mut words = Distinct::with_capacity(b.saturating_sub(a));
        let mut entities: Vec<&'t str> = Vec::with_capacity(b.saturating_sub(a) / 2);
        let mut verbs = Verbs::default();
        let mut source = None;
        let mut i = a;
        while i < b {
            let t = lx.toks[i];
            match t.kind {
                Kind::Word | Kind::Num => {
                    let w = strip_possessive(lx.low(i));
                    let info = word_info(w);
                    if t.is_num() || (more_than_one_char(w) && !info.stop) {
                        words.push(w);
                    }
                    if let Some(l) = info.event {
                        verbs.events.push((t.start - span.start, l));
                    } else if let Some(l) = info.reporting {
                        verbs.reporting.get_or_insert(l);
                        if source.is_none() {
                            source = source_around(lx, i, a, b);
                        }
                        // `X welcomed ..., saying`: the subject at the start of the sentence.
                        if source.is_none()
                            && w.ends_with("ing")
                            && i > a
                            && lx.toks[i - 1].is_punct(',')
                        {
                            source = subject_entity(lx, a, b);
                        }
                    } else if w == "according" && lx.is(i + 1, "to") && source.is_none() {
                        source = phrase_after(lx, i + 2, b);
                    }
                }
                Kind::Punct(_) => {}
            }
            // Entities.
            if t.is_word() && lx.capitalized(i) {
                let (end, text) = entity_at(lx, i, a, b);
                if let Some(e) = text {
                    push_unique(&mut entities, e);
                }
                if end > i + 1 {
                    for k in i + 1..end {
                        let t = lx.toks[k];
                        if t.is_word() || t.is_num() {
                            let w = strip_possessive(lx.low(k));
                            if t.is_num() || (more_than_one_char(w) && !word_info(w).stop) {
                                words.push(w);
                            }
                        }
                    }
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        SentenceContext {
            words: words.words,
            entities,
            shared: std::cell::OnceCell::new(),
            source,
            verbs,
            start: span.start,
        }
    }

    /// The context of a claim at byte `at`.
    pub(crate) fn for_claim(&self, at: usize) -> Context {
        let (words, entities) = self.shared.get_or_init(|| {
            (
                self.words.iter().map(|w| (*w).to_string()).collect(),
                self.entities.iter().map(|e| (*e).to_string()).collect(),
            )
        });
        Context {
            words: Arc::clone(words),
            entities: Arc::clone(entities),
            source: self.source.clone(),
            verb: self.verb_at(at).map(str::to_string),
        }
    }

    /// The content words of the sentence (as in [`Context::words`], borrowed).
    pub(crate) fn words(&self) -> &[&'t str] {
        &self.words
    }

    /// The entities of the sentence (as in [`Context::entities`], borrowed).
    pub(crate) fn entities(&self) -> &[&'t str] {
        &self.entities
    }

    /// The attributed source of the sentence (as in [`Context::source`]).
    pub(crate) fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The lemma of the event verb nearest to byte `at`, or the reporting verb (as in
    /// [`Context::verb`]).
    pub(crate) fn verb_at(&self, at: usize) -> Option<&'static str> {
        self.verbs.nearest(self.start, at)
    }

    /// The verbs of the sentence, at offsets from its start (see [`Verbs::nearest`]).
    pub(crate) fn verbs(&self) -> &Verbs {
        &self.verbs
    }
}

/// `w.chars().count() > 1`, without counting.
#[inline]
fn more_than_one_char(w: &str) -> bool {
    match w.len() {
        0 | 1 => false,
        2..=4 => w.chars().nth(1).is_some(),
        _ => true,
    }
}

/// What the context needs to know about a lowercased word, in one lookup.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    stop: bool,
    event: Option<&'static str>,
    reporting: Option<&'static str>,
}

fn word_info(w: &str) -> WordInfo {
    static MAP: std::sync::OnceLock<WordMap<WordInfo>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut all: Vec<(&'static str, WordInfo)> = Vec::new();
        let mut entry = |w: &'static str, f: &dyn Fn(&mut WordInfo)| {
            let pos = match all.iter().position(|(k, _)| *k == w) {
                Some(p) => p,
                None => {
                    all.push((w, WordInfo::default()));
                    all.len() - 1
                }
            };
            f(&mut all[pos].1);
        };
        for w in super::quantity::STOP_WORDS {
            entry(w, &|i| i.stop = true);
        }
        for (w, l) in EVENT {
            entry(w, &|i| i.event = Some(l));
        }
        for (w, l) in REPORTING {
            entry(w, &|i| i.reporting = Some(l));
        }
        WordMap::new(all)
    })
    .get(w)
    .unwrap_or_default()
}

fn push_unique<'t>(v: &mut Vec<&'t str>, w: &'t str) {
    if !v.contains(&w) {
        v.push(w);
    }
}

/// A list of distinct words in first-seen order, with a 256-bit filter that spares most
/// linear searches.
struct Distinct<'t> {
    words: Vec<&'t str>,
    seen: [u64; 4],
}

impl<'t> Distinct<'t> {
    fn with_capacity(n: usize) -> Distinct<'t> {
        Distinct {
            words: Vec::with_capacity(n),
            seen: [0; 4],
        }
    }

    #[inline]
    fn push(&mut self, w: &'t str) {
        let b = w.as_bytes();
        let h = match b {
            [] => 0,
            [f, .., l] => (b.len() * 67 + usize::from(*f) * 31 + usize::from(*l) * 7) & 255,
            [f] => (67 + usize::from(*f) * 38) & 255,
        };
        let bit = 1u64 << (h & 63);
        if self.seen[h >> 6] & bit == 0 {
            self.seen[h >> 6] |= bit;
            self.words.push(w);
        } else {
            push_unique(&mut self.words, w);
        }
    }
}

fn strip_possessive(w: &str) -> &str {
    if !w.ends_with('s') {
        // Most words: neither suffix.
        return w;
    }
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Sentence-initial capitalized words that are not names.
fn not_a_name(w: &str) -> bool {
    is_stop_word(w)
        || matches!(
            w,
            "he" | "she"
                | "it"
                | "we"
                | "they"
                | "i"
                | "his"
                | "her"
                | "their"
                | "our"
                | "earlier"
                | "meanwhile"
                | "however"
                | "similarly"
                | "despite"
                | "amid"
                | "following"
                | "during"
                | "why"
                | "how"
                | "what"
                | "select"
        )
}

/// The entity starting at capitalized word `i`: `(one past its last token, its text)`.
fn entity_at<'t>(lx: &Lexed<'t>, i: usize, a: usize, b: usize) -> (usize, Option<&'t str>) {
    let toks = &lx.toks;
    let mut end = i + 1;
    let mut last = i;
    let mut k = i + 1;
    while k < b && k < i + 12 {
        let t = toks[k];
        // Initials: `U.S.`
        if t.is_punct('.') && t.glued && toks[k - 1].is_word() && lx.raw(k - 1).len() == 1 {
            end = k + 1;
            k += 1;
            continue;
        }
        if t.is_word() && lx.capitalized(k) {
            last = k;
            end = k + 1;
            k += 1;
            continue;
        }
        // `Coalition of the Willing`, `Bank of England`
        if t.is_word() && matches!(lx.low(k), "of" | "the" | "for" | "de" | "von" | "der") {
            let mut m = k;
            while m < b
                && toks[m].is_word()
                && matches!(lx.low(m), "of" | "the" | "for" | "de" | "von" | "der")
            {
                m += 1;
            }
            if m < b && toks[m].is_word() && lx.capitalized(m) && m > k {
                k = m;
                continue;
            }
        }
        break;
    }
    let first_low = strip_possessive(lx.low(i));
    let sentence_start = i == a
        || (i > a && toks[i - 1].punct().is_some_and(|c| "\"“‘'(—–-".contains(c)) && i - 1 == a);
    let mut s = i;
    if (sentence_start || last == i) && not_a_name(first_low) {
        if last == i {
            return (end, None);
        }
        s = i + 1;
        while s <= last && !lx.capitalized(s) {
            s += 1;
        }
    }
    let start = toks[s].start;
    let stop = toks[end - 1].end;
    let text = strip_possessive(&lx.text[start..stop]).trim_end_matches('.');
    let text = if end - 1 > last && toks[end - 1].is_punct('.') {
        &lx.text[start..stop]
    } else {
        text
    };
    (end, Some(text))
}

/// The capitalized name that opens the sentence (after `The` and titles), if any.
fn subject_entity(lx: &Lexed<'_>, a: usize, b: usize) -> Option<String> {
    let mut i = a;
    if lx.is(i, "the") {
        i += 1;
    }
    if i >= b || !lx.toks[i].is_word() || !lx.capitalized(i) || not_a_name(lx.low(i)) {
        return None;
    }
    let (end, _) = entity_at(lx, i, a, b);
    let (mut e, toks) = (end, &lx.toks);
    while e > i && !toks[e - 1].is_word() {
        e -= 1;
    }
    Some(strip_possessive(&lx.text[toks[i].start..toks[e - 1].end]).to_string())
}

/// Words that can be part of a source's description before a reporting verb.
fn source_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "newspaper"
            | "paper"
            | "agency"
            | "news"
            | "ministry"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
            | "minister"
            | "president"
            | "government"
            | "police"
            | "army"
            | "military"
            | "report"
            | "reports"
            | "sources"
            | "source"
            | "statement"
            | "data"
            | "figures"
            | "daily"
            | "broadcaster"
            | "channel"
            | "outlet"
            | "chief"
            | "leader"
            | "office"
            | "authorities"
            | "prime"
            | "foreign"
            | "defence"
            | "defense"
            | "health"
            | "interior"
            | "state"
            | "media"
            | "website"
            | "service"
            | "council"
            | "committee"
            | "commission"
            | "analysts"
            | "experts"
            | "diplomats"
            | "a"
            | "an"
    )
}

/// The source around the reporting verb at token `v`: `X said` or `said X`.
fn source_around(lx: &Lexed<'_>, v: usize, a: usize, b: usize) -> Option<String> {
    let toks = &lx.toks;
    // Before: `the Telegraph newspaper said`, skipping `on Thursday`, `also`, `has`.
    let mut v = v;
    loop {
        let p = v.checked_sub(1).filter(|&p| p >= a);
        let Some(p) = p else { break };
        let w = lx.low(p);
        if toks[p].is_word() && (skippable(w) || crate::claim::quantity::is_weekday_word(w)) {
            v = p;
            if crate::claim::quantity::is_weekday_word(w) && p > a && lx.is(p - 1, "on") {
                v = p - 1;
            }
            continue;
        }
        break;
    }
    let mut s = v;
    while s > a {
        let t = toks[s - 1];
        let ok = (t.is_word() && (lx.capitalized(s - 1) || source_word(lx.low(s - 1))))
            || (t.is_punct('.') && t.glued);
        if !ok || v - s >= 6 {
            break;
        }
        s -= 1;
    }
    // Trim leading function words other than `the`.
    while s < v && toks[s].is_word() && matches!(lx.low(s), "a" | "an") {
        s += 1;
    }
    if s < v && (v - s > 1 || !matches!(lx.low(s), "the" | "he" | "she" | "they" | "it")) {
        let has_content = (s..v).any(|k| toks[k].is_word() && lx.low(k) != "the");
        if has_content {
            return Some(lx.text[toks[s].start..toks[v - 1].end].to_string());
        }
    }
    // After: `said Peskov`, `said the Kremlin`.
    let p = phrase_after(lx, v + 1, b)?;
    // Only a closing attribution: `..., said Peskov.` (not `said the U.S. would ...`).
    let stop = toks[v + 1].start + p.len();
    let mut e = v + 1;
    while e < b && toks[e].end <= stop {
        e += 1;
    }
    let closes = e >= b || toks[e].punct().is_some_and(|c| ".,;:!?)\"”".contains(c));
    (closes && (p.starts_with(|c: char| c.is_uppercase()) || p.starts_with("the "))).then_some(p)
}

/// Adverbs and auxiliaries between a subject and its reporting verb.
fn skippable(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "has"
            | "had"
            | "have"
            | "previously"
            | "earlier"
            | "later"
            | "repeatedly"
            | "today"
            | "yesterday"
            | "again"
            | "then"
            | "reportedly"
            | "publicly"
            | "recently"
            | "further"
            | "once"
            | "separately"
            | "initially"
            | "first"
    )
}

/// A capitalized name or `the X` phrase starting at token `i`, up to punctuation.
fn phrase_after(lx: &Lexed<'_>, i: usize, b: usize) -> Option<String> {
    let toks = &lx.toks;
    let mut e = i;
    while e < b && e < i + 6 {
        let t = toks[e];
        let ok = (t.is_word() && (lx.capitalized(e) || source_word(lx.low(e))))
            || (t.is_punct('.') && t.glued && e > i && lx.raw(e - 1).len() == 1);
        if !ok {
            break;
        }
        e += 1;
    }
    if e == i || (e == i + 1 && matches!(lx.low(i), "the" | "a" | "an")) {
        return None;
    }
    let name = &lx.text[toks[i].start..toks[e - 1].end];
    let low = name.to_ascii_lowercase();
    if matches!(low.as_str(), "he" | "she" | "they" | "it" | "we" | "i") {
        return None;
    }
    Some(strip_possessive(name).to_string())
}

/// Reporting verbs: their lemma.
const REPORTING: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("say", "say"),
    ("told", "tell"),
    ("tells", "tell"),
    ("stated", "state"),
    ("states", "state"),
    ("reported", "report"),
    ("reports", "report"),
    ("added", "add"),
    ("adds", "add"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("confirmed", "confirm"),
    ("confirms", "confirm"),
    ("warned", "warn"),
    ("warns", "warn"),
    ("claimed", "claim"),
    ("claims", "claim"),
    ("estimated", "estimate"),
    ("estimates", "estimate"),
    ("emphasized", "emphasize"),
    ("emphasised", "emphasize"),
    ("stressed", "emphasize"),
    ("asserted", "assert"),
    ("affirmed", "assert"),
    ("wrote", "write"),
    ("writes", "write"),
    ("conveyed", "convey"),
    ("saying", "say"),
    ("adding", "add"),
    ("stating", "state"),
    ("explained", "explain"),
    ("explains", "explain"),
    ("revealed", "reveal"),
    ("reveals", "reveal"),
    ("mentioned", "note"),
    ("noted", "note"),
    ("indicated", "note"),
    ("remarked", "note"),
    ("observed", "note"),
    ("argued", "argue"),
    ("insisted", "argue"),
    ("highlighted", "argue"),
    ("underscored", "argue"),
    ("predicted", "predict"),
    ("forecast", "predict"),
    ("projected", "predict"),
    ("showed", "show"),
    ("shows", "show"),
];

/// Event verbs of news: their lemma.
const EVENT: &[(&str, &str)] = &[
    ("send", "send"),
    ("sends", "send"),
    ("sent", "send"),
    ("sending", "send"),
    ("deploy", "deploy"),
    ("deploys", "deploy"),
    ("deployed", "deploy"),
    ("deploying", "deploy"),
    ("dispatch", "send"),
    ("dispatched", "send"),
    ("dispatching", "send"),
    ("station", "station"),
    ("stationed", "station"),
    ("stationing", "station"),
    ("sign", "sign"),
    ("signs", "sign"),
    ("signed", "sign"),
    ("signing", "sign"),
    ("kill", "kill"),
    ("kills", "kill"),
    ("killed", "kill"),
    ("killing", "kill"),
    ("die", "die"),
    ("dies", "die"),
    ("died", "die"),
    ("dying", "die"),
    ("wound", "wound"),
    ("wounded", "wound"),
    ("wounding", "wound"),
    ("injure", "injure"),
    ("injured", "injure"),
    ("injuring", "injure"),
    ("pledge", "pledge"),
    ("pledged", "pledge"),
    ("pledging", "pledge"),
    ("commit", "commit"),
    ("commits", "commit"),
    ("committed", "commit"),
    ("committing", "commit"),
    ("contribute", "contribute"),
    ("contributed", "contribute"),
    ("contributing", "contribute"),
    ("withdraw", "withdraw"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withdrawing", "withdraw"),
    ("attack", "attack"),
    ("attacked", "attack"),
    ("attacking", "attack"),
    ("strike", "strike"),
    ("struck", "strike"),
    ("striking", "strike"),
    ("launch", "launch"),
    ("launched", "launch"),
    ("launching", "launch"),
    ("meet", "meet"),
    ("met", "meet"),
    ("meeting", "meet"),
    ("agree", "agree"),
    ("agreed", "agree"),
    ("agreeing", "agree"),
    ("approve", "approve"),
    ("approved", "approve"),
    ("approving", "approve"),
    ("vote", "vote"),
    ("voted", "vote"),
    ("voting", "vote"),
    ("pay", "pay"),
    ("paid", "pay"),
    ("paying", "pay"),
    ("spend", "spend"),
    ("spent", "spend"),
    ("spending", "spend"),
    ("invest", "invest"),
    ("invested", "invest"),
    ("investing", "invest"),
    ("arrest", "arrest"),
    ("arrested", "arrest"),
    ("arresting", "arrest"),
    ("detain", "detain"),
    ("detained", "detain"),
    ("detaining", "detain"),
    ("evacuate", "evacuate"),
    ("evacuated", "evacuate"),
    ("evacuating", "evacuate"),
    ("displace", "displace"),
    ("displaced", "displace"),
    ("flee", "flee"),
    ("fled", "flee"),
    ("fleeing", "flee"),
    ("build", "build"),
    ("built", "build"),
    ("building", "build"),
    ("establish", "establish"),
    ("established", "establish"),
    ("establishing", "establish"),
    ("provide", "provide"),
    ("provided", "provide"),
    ("providing", "provide"),
    ("offer", "offer"),
    ("offered", "offer"),
    ("offering", "offer"),
    ("donate", "donate"),
    ("donated", "donate"),
    ("donating", "donate"),
    ("allocate", "allocate"),
    ("allocated", "allocate"),
    ("fund", "fund"),
    ("funded", "fund"),
    ("funding", "fund"),
    ("sell", "sell"),
    ("sold", "sell"),
    ("selling", "sell"),
    ("buy", "buy"),
    ("bought", "buy"),
    ("buying", "buy"),
    ("fire", "fire"),
    ("fired", "fire"),
    ("firing", "fire"),
    ("shoot", "shoot"),
    ("shot", "shoot"),
    ("shooting", "shoot"),
    ("capture", "capture"),
    ("captured", "capture"),
    ("capturing", "capture"),
    ("release", "release"),
    ("released", "release"),
    ("releasing", "release"),
    ("free", "free"),
    ("freed", "free"),
    ("invade", "invade"),
    ("invaded", "invade"),
    ("invading", "invade"),
    ("occupy", "occupy"),
    ("occupied", "occupy"),
    ("lose", "lose"),
    ("lost", "lose"),
    ("losing", "lose"),
    ("win", "win"),
    ("won", "win"),
    ("winning", "win"),
    ("elect", "elect"),
    ("elected", "elect"),
    ("ban", "ban"),
    ("banned", "ban"),
    ("impose", "impose"),
    ("imposed", "impose"),
    ("imposing", "impose"),
    ("raise", "raise"),
    ("raised", "raise"),
    ("raising", "raise"),
    ("cut", "cut"),
    ("cuts", "cut"),
    ("cutting", "cut"),
    ("rise", "rise"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("rising", "rise"),
    ("fall", "fall"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("falling", "fall"),
    ("increase", "increase"),
    ("increased", "increase"),
    ("increasing", "increase"),
    ("decrease", "decrease"),
    ("decreased", "decrease"),
    ("decreasing", "decrease"),
    ("reach", "reach"),
    ("reached", "reach"),
    ("reaching", "reach"),
    ("totalled", "total"),
    ("totaled", "total"),
    ("totalling", "total"),
    ("amount", "amount"),
    ("protest", "protest"),
    ("protested", "protest"),
    ("protesting", "protest"),
    ("march", "march"),
    ("marched", "march"),
    ("marching", "march"),
    ("join", "join"),
    ("joined", "join"),
    ("joining", "join"),
    ("hold", "hold"),
    ("held", "hold"),
    ("holding", "hold"),
    ("host", "host"),
    ("hosted", "host"),
    ("hosting", "host"),
    ("guard", "guard"),
    ("guarded", "guard"),
    ("support", "support"),
    ("supported", "support"),
    ("supporting", "support"),
    ("dispatches", "send"),
    ("shell", "shell"),
    ("shelled", "shell"),
    ("shelling", "shell"),
    ("bomb", "bomb"),
    ("bombed", "bomb"),
    ("bombing", "bomb"),
    ("destroy", "destroy"),
    ("destroyed", "destroy"),
    ("destroying", "destroy"),
    ("damage", "damage"),
    ("damaged", "damage"),
    ("seize", "seize"),
    ("seized", "seize"),
    ("seizing", "seize"),
    ("recruit", "recruit"),
    ("recruited", "recruit"),
    ("mobilize", "mobilize"),
    ("mobilise", "mobilize"),
    ("mobilized", "mobilize"),
    ("mobilised", "mobilize"),
    ("train", "train"),
    ("trained", "train"),
    ("training", "train"),
    ("place", "place"),
    ("placed", "place"),
    ("placing", "place"),
    ("form", "form"),
    ("formed", "form"),
    ("forming", "form"),
    ("expand", "expand"),
    ("expanded", "expand"),
    ("consist", "consist"),
    ("consists", "consist"),
    ("consisted", "consist"),
    ("numbered", "number"),
    ("numbering", "number"),
];

#[cfg(test)]
mod key_tests {
    use super::*;

    /// Text made of `pieces` (indices into a list of words, numbers, digit groups and
    /// punctuation), each followed by a separator (nothing, spaces, a line break).
    fn text_of(pieces: &[(usize, usize)]) -> String {
        const PIECES: [&str; 34] = [
            "Peskov",
            "said",
            "the",
            "Telegraph",
            "sent",
            "troops",
            "according",
            "to",
            "50",
            ",000",
            "000",
            "1",
            ".",
            "5",
            "’s",
            "'",
            "s",
            "U",
            "S",
            "“",
            "”",
            "(",
            ")",
            "—",
            "Jan",
            "on",
            "Friday",
            "deployed",
            "saying",
            "welcomed",
            ",",
            "a",
            "Ça",
            "Bank of",
        ];
        const SEPS: [&str; 5] = ["", " ", " ", "\n", "\u{a0}"];
        let mut s = String::new();
        for &(p, sep) in pieces {
            s.push_str(PIECES[p % PIECES.len()]);
            s.push_str(SEPS[sep % SEPS.len()]);
        }
        s
    }

    type Parts<'t> = (Vec<&'t str>, Vec<&'t str>, Option<String>, Verbs);

    /// The context of the sentence placed between `before` and `after`, and its key.
    fn placed(
        before: &str,
        sentence: &str,
        after: &str,
    ) -> (Option<(bool, String)>, Parts<'static>) {
        let text: &'static str = Box::leak(format!("{before}{sentence}{after}").into_boxed_str());
        let lx: &'static Lexed<'static> = Box::leak(Box::new(Lexed::new(text)));
        let span = Span::new(before.len(), before.len() + sentence.len());
        let cell: &'static std::cell::OnceCell<SentenceContext<'static>> =
            Box::leak(Box::default());
        let lazy = LazyContext::new(lx, span, cell);
        let key = lazy.key().map(|(g, t)| (g, t.to_string()));
        let c = lazy.get();
        let parts = (
            c.words().to_vec(),
            c.entities().to_vec(),
            c.source().map(str::to_string),
            c.verbs().clone(),
        );
        (key, parts)
    }

    proptest::proptest! {
        /// A sentence's context is the same wherever the sentence stands, when its keys are equal.
        #[test]
        fn equal_keys_give_equal_contexts(
            sentence in proptest::collection::vec((0usize..64, 0usize..8), 0..14),
            a in proptest::collection::vec((0usize..64, 0usize..8), 0..4),
            b in proptest::collection::vec((0usize..64, 0usize..8), 0..4),
            c in proptest::collection::vec((0usize..64, 0usize..8), 0..4),
            d in proptest::collection::vec((0usize..64, 0usize..8), 0..4),
        ) {
            let s = text_of(&sentence);
            let alone = placed("", &s, "");
            let one = placed(&text_of(&a), &s, &text_of(&b));
            let two = placed(&text_of(&c), &s, &text_of(&d));
            for (x, y) in [(&alone, &one), (&alone, &two), (&one, &two)] {
                if x.0.is_some() && x.0 == y.0 {
                    proptest::prop_assert_eq!(&x.1, &y.1);
                }
            }
        }
    }

    #[test]
    fn a_token_across_the_boundary_gives_no_key() {
        // "50,000": the sentence would start inside the number.
        assert_eq!(placed("50", ",000 troops.", "").0, None);
        assert_eq!(placed("", "Troops 50", ",000").0, None);
        assert_eq!(
            placed("x ", "Troops sent.", " y").0,
            Some((false, "Troops sent.".to_string()))
        );
        assert_eq!(
            placed("x.", "Troops sent.", "").0,
            Some((true, "Troops sent.".to_string()))
        );
    }

    #[test]
    fn verbs_are_found_from_the_sentence_start() {
        let text = "Intro. Troops were deployed and ships sent.";
        let lx = Lexed::new(text);
        let c = SentenceContext::new(&lx, Span::new(7, text.len()));
        assert_eq!(c.verb_at(20), Some("deploy"));
        assert_eq!(c.verb_at(40), Some("send"));
        assert_eq!(c.verbs().nearest(7, 20), Some("deploy"));
        assert_eq!(c.verbs().nearest(0, 40), Some("send"));
    }
}
