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

use super::lex::{Kind, Lexed};
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

/// The claim-independent part of a sentence's context, computed once per sentence; its claims
/// share the word and entity lists.
#[derive(Debug, Clone)]
pub(crate) struct SentenceContext {
    words: Arc<[String]>,
    entities: Arc<[String]>,
    source: Option<String>,
    /// (byte offset, lemma) of event verbs; reporting verbs separately.
    verbs: Vec<(usize, &'static str)>,
    reporting: Option<&'static str>,
}

impl SentenceContext {
    /// Computes the context of the sentence `span` of a tokenized text.
    pub(crate) fn new<'t>(lx: &'t Lexed<'t>, span: Span) -> SentenceContext {
        let a = lx.toks.partition_point(|t| t.start < span.start);
        let b = lx.toks.partition_point(|t| t.start < span.end);
        let mut words: Vec<&'t str> = Vec::with_capacity(b.saturating_sub(a));
        let mut entities: Vec<&'t str> = Vec::with_capacity(b.saturating_sub(a) / 2);
        let mut verbs = Vec::new();
        let mut reporting = None;
        let mut source = None;
        let mut i = a;
        while i < b {
            let t = lx.toks[i];
            match t.kind {
                Kind::Word | Kind::Num => {
                    let w = strip_possessive(lx.low(i));
                    if t.is_num() || (more_than_one_char(w) && !is_stop_word(w)) {
                        push_unique(&mut words, w);
                    }
                    if w.len() < 3 {
                        // No event or reporting verb, nor `according`, is that short.
                    } else if let Some(l) = event_lemma(w) {
                        verbs.push((t.start, l));
                    } else if let Some(l) = reporting_lemma(w) {
                        reporting.get_or_insert(l);
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
                            if t.is_num() || (more_than_one_char(w) && !is_stop_word(w)) {
                                push_unique(&mut words, w);
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
            words: words.iter().map(|w| (*w).to_string()).collect(),
            entities: entities.iter().map(|e| (*e).to_string()).collect(),
            source,
            verbs,
            reporting,
        }
    }

    /// The context of a claim at byte `at`.
    pub(crate) fn for_claim(&self, at: usize) -> Context {
        let verb = self
            .verbs
            .iter()
            .min_by_key(|(o, _)| o.abs_diff(at))
            .map(|(_, l)| *l)
            .or(self.reporting)
            .map(str::to_string);
        Context {
            words: Arc::clone(&self.words),
            entities: Arc::clone(&self.entities),
            source: self.source.clone(),
            verb,
        }
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

fn push_unique<'t>(v: &mut Vec<&'t str>, w: &'t str) {
    if !v.contains(&w) {
        v.push(w);
    }
}

fn strip_possessive(w: &str) -> &str {
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
fn reporting_lemma(w: &str) -> Option<&'static str> {
    Some(match w {
        "said" | "says" | "say" => "say",
        "told" | "tells" => "tell",
        "stated" | "states" => "state",
        "reported" | "reports" => "report",
        "added" | "adds" => "add",
        "announced" | "announces" => "announce",
        "confirmed" | "confirms" => "confirm",
        "warned" | "warns" => "warn",
        "claimed" | "claims" => "claim",
        "estimated" | "estimates" => "estimate",
        "emphasized" | "emphasised" | "stressed" => "emphasize",
        "asserted" | "affirmed" => "assert",
        "wrote" | "writes" => "write",
        "conveyed" => "convey",
        "saying" => "say",
        "adding" => "add",
        "stating" => "state",
        "explained" | "explains" => "explain",
        "revealed" | "reveals" => "reveal",
        "mentioned" | "noted" | "indicated" | "remarked" | "observed" => "note",
        "argued" | "insisted" | "highlighted" | "underscored" => "argue",
        "predicted" | "forecast" | "projected" => "predict",
        "showed" | "shows" => "show",
        _ => return None,
    })
}

/// Event verbs of news: their lemma.
fn event_lemma(w: &str) -> Option<&'static str> {
    Some(match w {
        "send" | "sends" | "sent" | "sending" => "send",
        "deploy" | "deploys" | "deployed" | "deploying" => "deploy",
        "dispatch" | "dispatched" | "dispatching" => "send",
        "station" | "stationed" | "stationing" => "station",
        "sign" | "signs" | "signed" | "signing" => "sign",
        "kill" | "kills" | "killed" | "killing" => "kill",
        "die" | "dies" | "died" | "dying" => "die",
        "wound" | "wounded" | "wounding" => "wound",
        "injure" | "injured" | "injuring" => "injure",
        "pledge" | "pledged" | "pledging" => "pledge",
        "commit" | "commits" | "committed" | "committing" => "commit",
        "contribute" | "contributed" | "contributing" => "contribute",
        "withdraw" | "withdrew" | "withdrawn" | "withdrawing" => "withdraw",
        "attack" | "attacked" | "attacking" => "attack",
        "strike" | "struck" | "striking" => "strike",
        "launch" | "launched" | "launching" => "launch",
        "meet" | "met" | "meeting" => "meet",
        "agree" | "agreed" | "agreeing" => "agree",
        "approve" | "approved" | "approving" => "approve",
        "vote" | "voted" | "voting" => "vote",
        "pay" | "paid" | "paying" => "pay",
        "spend" | "spent" | "spending" => "spend",
        "invest" | "invested" | "investing" => "invest",
        "arrest" | "arrested" | "arresting" => "arrest",
        "detain" | "detained" | "detaining" => "detain",
        "evacuate" | "evacuated" | "evacuating" => "evacuate",
        "displace" | "displaced" => "displace",
        "flee" | "fled" | "fleeing" => "flee",
        "build" | "built" | "building" => "build",
        "establish" | "established" | "establishing" => "establish",
        "provide" | "provided" | "providing" => "provide",
        "offer" | "offered" | "offering" => "offer",
        "donate" | "donated" | "donating" => "donate",
        "allocate" | "allocated" => "allocate",
        "fund" | "funded" | "funding" => "fund",
        "sell" | "sold" | "selling" => "sell",
        "buy" | "bought" | "buying" => "buy",
        "fire" | "fired" | "firing" => "fire",
        "shoot" | "shot" | "shooting" => "shoot",
        "capture" | "captured" | "capturing" => "capture",
        "release" | "released" | "releasing" => "release",
        "free" | "freed" => "free",
        "invade" | "invaded" | "invading" => "invade",
        "occupy" | "occupied" => "occupy",
        "lose" | "lost" | "losing" => "lose",
        "win" | "won" | "winning" => "win",
        "elect" | "elected" => "elect",
        "ban" | "banned" => "ban",
        "impose" | "imposed" | "imposing" => "impose",
        "raise" | "raised" | "raising" => "raise",
        "cut" | "cuts" | "cutting" => "cut",
        "rise" | "rose" | "risen" | "rising" => "rise",
        "fall" | "fell" | "fallen" | "falling" => "fall",
        "increase" | "increased" | "increasing" => "increase",
        "decrease" | "decreased" | "decreasing" => "decrease",
        "reach" | "reached" | "reaching" => "reach",
        "totalled" | "totaled" | "totalling" => "total",
        "amount" => "amount",
        "protest" | "protested" | "protesting" => "protest",
        "march" | "marched" | "marching" => "march",
        "join" | "joined" | "joining" => "join",
        "hold" | "held" | "holding" => "hold",
        "host" | "hosted" | "hosting" => "host",
        "guard" | "guarded" => "guard",
        "support" | "supported" | "supporting" => "support",
        "dispatches" => "send",
        "shell" | "shelled" | "shelling" => "shell",
        "bomb" | "bombed" | "bombing" => "bomb",
        "destroy" | "destroyed" | "destroying" => "destroy",
        "damage" | "damaged" => "damage",
        "seize" | "seized" | "seizing" => "seize",
        "recruit" | "recruited" => "recruit",
        "mobilize" | "mobilise" | "mobilized" | "mobilised" => "mobilize",
        "train" | "trained" | "training" => "train",
        "place" | "placed" | "placing" => "place",
        "form" | "formed" | "forming" => "form",
        "expand" | "expanded" => "expand",
        "consist" | "consists" | "consisted" => "consist",
        "numbered" | "numbering" => "number",
        _ => return None,
    })
}
