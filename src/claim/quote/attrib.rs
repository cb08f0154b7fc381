//! Attribution: joining split quotes, finding the speech verb and its subject, and resolving
//! the subject to a speaker.

use super::marks::RawQuote;
use super::names::{Doc, is_cap, is_joiner};
use super::words::{self, VerbForm};
use super::{QuoteMention, quote_text};
use crate::claim::date::lex::{Kind, Tok};
use crate::corpus::Span;

/// Who an attribution names.
#[derive(Debug, Clone)]
enum SubjKind {
    /// he/she (`Some(true)` = she), or they/we/I (`None`).
    Pronoun(Option<bool>),
    /// Name tokens (titles excluded).
    Name(Vec<usize>),
    /// Title words without a name ("the Russian leader"), lowercased, and whether every word
    /// was capitalized ("the Kremlin").
    Descriptor(Vec<String>, bool),
}

#[derive(Debug, Clone)]
struct Subject {
    first: usize,
    last: usize,
    kind: SubjKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Split,
    After,
    NextLine,
    Before,
}

#[derive(Debug, Clone)]
struct Attr {
    subj: Option<Subject>,
    verb: String,
    verb_tok: usize,
    place: Where,
    /// Before-attributions: only adverbials and "that" between the verb and the quote.
    governs: bool,
}

const DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "its", "their"];

fn is_det(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word && DETERMINERS.iter().any(|d| t.is(d))
}

fn is_title_word(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word && (words::title_role(t.text).is_some() || words::is_nationality(t.text))
}

/// A finite speech verb in lowercase (`States` in `Central Bank of United States head ... said`
/// is a name).
fn finite_verb(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word && !is_cap(t) && words::speech_verb(t.text) == Some(VerbForm::Finite)
}

fn sentence_end(t: &Tok<'_>) -> bool {
    matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';'))
}

fn is_quote_tok(t: &Tok<'_>) -> bool {
    matches!(
        t.kind,
        Kind::Punct('"' | '“' | '”' | '‘' | '’' | '\'' | '„' | '«' | '»')
    )
}

impl Doc<'_> {
    /// Interprets subject-phrase tokens `first..=last` (determiners, titles, names).
    fn interpret(&self, first: usize, last: usize) -> Option<Subject> {
        let toks = &self.toks;
        let mut k = first;
        while k <= last && is_det(&toks[k]) {
            k += 1;
        }
        if k > last {
            return None;
        }
        // Trailing run of name tokens (capitalized, not titles), with particles.
        let mut name: Vec<usize> = Vec::new();
        let mut j = last + 1;
        while j > k {
            let t = &toks[j - 1];
            let name_tok = t.kind == Kind::Word
                && is_cap(t)
                && !is_title_word(t)
                && !words::is_function_word(t.text);
            let particle =
                t.kind == Kind::Word && words::is_name_particle(t.text) && !name.is_empty();
            // `Min-ji`: a short lowercase part after a joiner.
            let joined = t.kind == Kind::Word && j >= 2 && is_joiner(toks, j - 2);
            let joiner = !name.is_empty() && is_joiner(toks, j - 1);
            if name_tok || particle || joined || joiner {
                name.push(j - 1);
            } else if matches!(t.kind, Kind::Punct('(' | ')')) && !name.is_empty() {
                // President (Vladimir) Putin
            } else {
                break;
            }
            j -= 1;
        }
        name.reverse();
        let span_first = first;
        // `the Bank of England`, `Central Bank of Ireland`: a name after `of` ends an
        // organisation's name.
        if name.first().is_some_and(|&n| n > k && toks[n - 1].is("of")) {
            let all_cap = toks[k..=last]
                .iter()
                .all(|t| t.kind != Kind::Word || is_cap(t) || t.is("of"));
            return Some(Subject {
                first: span_first,
                last,
                kind: SubjKind::Descriptor(
                    toks[k..=last]
                        .iter()
                        .filter(|t| t.kind == Kind::Word)
                        .map(|t| t.text.to_ascii_lowercase())
                        .collect(),
                    all_cap,
                ),
            });
        }
        if !name.is_empty() {
            return Some(Subject {
                first: span_first,
                last,
                kind: SubjKind::Name(name),
            });
        }
        let desc: Vec<&Tok<'_>> = toks[k..=last]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        if desc.is_empty() {
            return None;
        }
        let all_cap = desc.iter().all(|t| is_cap(t));
        Some(Subject {
            first: span_first,
            last,
            kind: SubjKind::Descriptor(
                desc.iter().map(|t| t.text.to_ascii_lowercase()).collect(),
                all_cap,
            ),
        })
    }

    /// The subject right before verb token `v`, not before token `floor`.
    fn subject_before(&self, v: usize, floor: usize) -> Option<Subject> {
        let toks = &self.toks;
        let mut j = v;
        let mut skipped = 0;
        while j > floor && skipped < 7 {
            let p = &toks[j - 1];
            let skip = match p.kind {
                Kind::Word => {
                    words::is_adverb_or_aux(p.text)
                        && !(is_cap(p) && words::pronoun(p.text).is_some())
                }
                Kind::Num => true,
                Kind::Punct('.') => {
                    j >= 2
                        && toks[j - 2].kind == Kind::Word
                        && toks[j - 2].text.len() <= 4
                        && is_cap(&toks[j - 2])
                        && !p.space_before
                }
                _ => false,
            };
            if !skip || self.in_quote[j - 1] {
                break;
            }
            j -= 1;
            skipped += 1;
        }
        // An appositive between the subject and the verb: "Peskov, the Kremlin spokesman, said".
        if j > floor + 1 && toks[j - 1].is_punct(',') {
            let lo = (j - 1).saturating_sub(8).max(floor);
            if let Some(c) = (lo..j - 1).rev().find(|&c| toks[c].is_punct(',')) {
                let inner = &toks[c + 1..j - 1];
                let inner_ok = !self.in_quote[c]
                    && !inner.is_empty()
                    && inner.iter().all(|t| t.kind == Kind::Word);
                // `Johnson, 59, said`: an age; `his wife, Anna, said`: a name in apposition
                // to a descriptor (the subject is the descriptor).
                let age = inner.len() == 1 && inner[0].plain_num().is_some_and(|n| n < 130);
                let name_after_desc = inner_ok
                    && inner.len() <= 3
                    && inner.iter().all(|t| is_cap(t))
                    && c >= 1
                    && toks[c - 1].kind == Kind::Word
                    && !is_cap(&toks[c - 1]);
                // `Diego Clarke, analyst at Brightwater Capital, said`, `Mateus Kang, head of
                // the national disaster agency, said`: a title opening the apposition.
                let title_first = is_title_word(&toks[c + 1]) && !is_cap(&toks[c + 1]);
                if c > floor
                    && ((inner_ok && (is_det(&toks[c + 1]) || title_first))
                        || age
                        || name_after_desc)
                {
                    j = c;
                }
            }
        }
        // If skipping ate the whole subject (e.g. "May" as a name), back off.
        if j <= floor || self.in_quote[j - 1] {
            return None;
        }
        let k = j - 1;
        let t = &toks[k];
        if t.kind == Kind::Word {
            if let Some(g) = words::pronoun(t.text) {
                return Some(Subject {
                    first: k,
                    last: k,
                    kind: SubjKind::Pronoun(g),
                });
            }
        }
        // Collect the phrase backwards.
        let mut f = j;
        let mut n = 0;
        while f > floor && n < 10 && !self.in_quote[f - 1] {
            let p = &toks[f - 1];
            let ok = match p.kind {
                Kind::Word => {
                    is_cap(p)
                        || is_title_word(p)
                        || words::is_name_particle(p.text)
                        || is_det(p)
                        || (f >= 2 && is_joiner(toks, f - 2))
                        || (p.is("of")
                            && f >= 2
                            && f < j
                            && is_cap(&toks[f - 2])
                            && is_cap(&toks[f]))
                }
                Kind::Punct('(' | ')') => true,
                _ => is_joiner(toks, f - 1),
            };
            if !ok {
                break;
            }
            f -= 1;
            n += 1;
            if is_det(p) || (f < j && p.newline_before) {
                break;
            }
        }
        if f == j {
            // "the letter reads", "A joint statement said": up to three lowercase words after a
            // determiner.
            let mut g = j;
            let mut m = 0;
            while g > floor && m < 4 && !self.in_quote[g - 1] && toks[g - 1].kind == Kind::Word {
                let p = &toks[g - 1];
                g -= 1;
                m += 1;
                if words::is_function_word(p.text) && !is_det(p) {
                    return None;
                }
                if is_det(p) {
                    let desc: Vec<String> = toks[g + 1..j]
                        .iter()
                        .map(|t| t.text.to_ascii_lowercase())
                        .collect();
                    if desc.is_empty() {
                        return None;
                    }
                    return Some(Subject {
                        first: g,
                        last: j - 1,
                        kind: SubjKind::Descriptor(desc, false),
                    });
                }
            }
            return None;
        }
        // Drop a leading function word that is not a determiner ("Despite").
        while f < j
            && !is_det(&toks[f])
            && words::is_function_word(toks[f].text)
            && toks[f].kind == Kind::Word
        {
            f += 1;
        }
        if f >= j {
            return None;
        }
        self.interpret(f, j - 1)
    }

    /// The subject right after verb token `v` ("said Putin", "said the Russian leader", "said
    /// Romanian emergency services chief Rafael Green", "said Central Bank of India Governor
    /// John Shevchenko").
    fn subject_after(&self, v: usize) -> Option<Subject> {
        let toks = &self.toks;
        let s = v + 1;
        let mut e = s;
        // The first connector (`of`, `and`, a possessive, a lowercase modifier): a phrase that
        // goes on past one must reach a title ("... services chief Rafael Green").
        let mut connector: Option<usize> = None;
        let mut title_after = false;
        while e < toks.len()
            && e - s < 14
            && !self.in_quote[e]
            && (e == s || !toks[e].newline_before)
        {
            let t = &toks[e];
            let plain = match t.kind {
                Kind::Word => {
                    is_cap(t)
                        || is_title_word(t)
                        || words::is_name_particle(t.text)
                        || (is_det(t) && e == s)
                        || words::pronoun(t.text).is_some() && e == s
                        || (e >= 2 && is_joiner(toks, e - 1))
                }
                Kind::Punct('(' | ')') => e > s,
                // `U.S. Transport Minister`
                Kind::Punct('.') => {
                    e > s
                        && !t.space_before
                        && toks[e - 1].kind == Kind::Word
                        && toks[e - 1].text.len() == 1
                        && is_cap(&toks[e - 1])
                        && (toks.get(e + 1).is_some_and(|n| is_cap(n))
                            || (e >= 2 && toks[e - 2].is_punct('.')))
                }
                _ => is_joiner(toks, e),
            };
            let joins = e > s
                && !plain
                && match t.kind {
                    Kind::Word => {
                        let between_caps = (t.is("of") || t.is("and"))
                            && is_cap(&toks[e - 1])
                            && toks.get(e + 1).is_some_and(|n| is_cap(n));
                        let possessive_s = t.is("s")
                            && !t.space_before
                            && matches!(toks[e - 1].kind, Kind::Punct('\'' | '’'));
                        let modifier = !is_cap(t)
                            && !words::is_function_word(t.text)
                            && !words::is_adverb_or_aux(t.text)
                            && words::speech_verb(t.text).is_none()
                            && !t.text.ends_with("ly");
                        between_caps || possessive_s || modifier
                    }
                    // `Students' Coalition`, `China’s`.
                    Kind::Punct('\'' | '’') => {
                        !t.space_before
                            && toks[e - 1].kind == Kind::Word
                            && toks.get(e + 1).is_some_and(|n| {
                                n.kind == Kind::Word && (n.is("s") || n.space_before)
                            })
                    }
                    _ => false,
                };
            if !plain && !joins {
                break;
            }
            if joins && connector.is_none() {
                connector = Some(e);
            }
            if connector.is_some_and(|c| c < e)
                && t.kind == Kind::Word
                && words::is_person_title(t.text)
            {
                title_after = true;
            }
            e += 1;
        }
        if let Some(c) = connector {
            if !title_after {
                e = c;
            }
        }
        // Trailing lowercase words that are not titles ("said Peskov tersely").
        while e > s + 1
            && toks[e - 1].kind == Kind::Word
            && !is_cap(&toks[e - 1])
            && !is_title_word(&toks[e - 1])
            && !(e >= 3 && is_joiner(toks, e - 2))
        {
            e -= 1;
        }
        if e == s {
            return None;
        }
        if e == s + 1 {
            if let Some(g) = words::pronoun(toks[s].text) {
                return Some(Subject {
                    first: s,
                    last: s,
                    kind: SubjKind::Pronoun(g),
                });
            }
        }
        self.interpret(s, e - 1)
    }

    /// The main subject of the sentence of token `v`: its first person outside quotes before `v`,
    /// or a sentence-initial he/she.
    fn sentence_subject(&self, v: usize) -> Option<Subject> {
        let sid = self.sent[v];
        let first_tok = self.sent[..v].partition_point(|&s| s < sid);
        let lo = self.names.partition_point(|n| n.first < first_tok);
        let hi = self.names.partition_point(|n| n.first < v);
        let in_sentence = &self.names[lo..hi.max(lo)];
        let name_subject = |nm: &super::names::Name| -> Option<Subject> {
            let idx: Vec<usize> = (nm.first..=nm.last)
                .filter(|&i| self.toks[i].kind == Kind::Word || is_joiner(&self.toks, i))
                .collect();
            Some(Subject {
                first: nm.first,
                last: *idx.last()?,
                kind: SubjKind::Name(idx),
            })
        };
        if let Some(nm) = in_sentence.iter().find(|n| n.person) {
            return name_subject(nm);
        }
        // A name opening the sentence ("Zelensky has welcomed ..., saying").
        if let Some(nm) = in_sentence.first() {
            if nm.first <= first_tok + 3
                && nm.ntoks <= 4
                && (nm.first..=nm.last)
                    .all(|i| self.toks[i].kind == Kind::Word || is_joiner(&self.toks, i))
            {
                return name_subject(nm);
            }
        }
        let t = self.toks.get(first_tok)?;
        if t.kind == Kind::Word {
            if let Some(g) = words::pronoun(t.text) {
                return Some(Subject {
                    first: first_tok,
                    last: first_tok,
                    kind: SubjKind::Pronoun(g),
                });
            }
        }
        None
    }

    /// Attribution in the gap between two parts of a split quote, or right after a quote.
    fn after(&self, from: usize) -> Option<Attr> {
        let toks = &self.toks;
        let mut i = self.tok_at(from);
        if i >= toks.len() || toks[i].newline_before {
            return None;
        }
        // The quote closed a sentence with a full stop inside its marks (`“It was a mistake.”`).
        let stop_inside = i >= 2 && toks[i - 2].is_punct('.') && is_quote_tok(&toks[i - 1]);
        let mut lead = 0;
        while i < toks.len()
            && lead < 2
            && matches!(toks[i].kind, Kind::Punct(',' | '—' | '–' | '-'))
            && !toks[i].newline_before
        {
            i += 1;
            lead += 1;
        }
        if i >= toks.len() || toks[i].newline_before {
            return None;
        }
        if toks[i].is("according") && toks.get(i + 1).is_some_and(|t| t.is("to")) {
            return Some(Attr {
                subj: self.subject_after(i + 1),
                verb: "according to".to_string(),
                verb_tok: i,
                place: Where::After,
                governs: false,
            });
        }
        let mut lower_run = 0;
        let mut det_seen = false;
        for (v, t) in toks
            .iter()
            .enumerate()
            .take((i + 10).min(toks.len()))
            .skip(i)
        {
            // `China’s`, `Students' Coalition`: a possessive mark, not a quote.
            let possessive = v > i
                && matches!(t.kind, Kind::Punct('\'' | '’'))
                && !t.space_before
                && toks[v - 1].kind == Kind::Word
                && toks
                    .get(v + 1)
                    .is_some_and(|n| n.is("s") && !n.space_before || n.space_before && is_cap(n));
            if possessive {
                det_seen = true;
                continue;
            }
            if (v > i && t.newline_before)
                || sentence_end(t)
                || (is_quote_tok(t) && !is_joiner(toks, v))
                || self.in_quote[v]
            {
                // "Jan." inside "on Jan. 7" is not an end; the verb comes before dates anyway.
                return None;
            }
            if finite_verb(t) {
                let subj = if v == i {
                    self.subject_after(v)
                } else {
                    self.subject_before(v, i)
                };
                if v > i && subj.is_none() {
                    return None;
                }
                // `“It was a mistake.” Johnson said nothing more.`: a new sentence.
                if stop_inside
                    && v > i
                    && !(t.is("told") || t.is("tells") || t.is("asked") || t.is("asks"))
                    && toks.get(v + 1).is_some_and(|n| {
                        n.kind == Kind::Num || n.kind == Kind::Word && words::opens_object(n.text)
                    })
                {
                    return None;
                }
                return Some(Attr {
                    subj,
                    verb: t.text.to_ascii_lowercase(),
                    verb_tok: v,
                    place: Where::After,
                    governs: false,
                });
            }
            if is_det(t) {
                det_seen = true;
            }
            // Allowed lowercase words: name particles between capitalized words (`Ursula von
            // der Leyen`), a modifier of a title (`fire chief Kristin Crowley`), `one` as a
            // determiner (`one diplomat said`).
            let particle = words::is_name_particle(t.text)
                && v > i
                && toks
                    .get(v + 1)
                    .is_some_and(|n| is_cap(n) || words::is_name_particle(n.text));
            // `fire chief`, `emergency services chief`: lowercase modifiers of a title.
            let title_modifier = (v + 1..(v + 4).min(toks.len()))
                .take_while(|&n| {
                    toks[n].kind == Kind::Word
                        && !is_cap(&toks[n])
                        && !words::is_function_word(toks[n].text)
                })
                .any(|n| is_title_word(&toks[n]));
            if t.is("one") {
                det_seen = true;
            }
            let possessive_s = t.is("s") && !t.space_before && v > i && is_quote_tok(&toks[v - 1]);
            let between_caps = (t.is("of") || t.is("and"))
                && v > i
                && is_cap(&toks[v - 1])
                && toks.get(v + 1).is_some_and(|n| is_cap(n));
            let joined = v > i && is_joiner(toks, v - 1);
            if t.kind == Kind::Word
                && !possessive_s
                && !between_caps
                && !joined
                && !is_cap(t)
                && !is_title_word(t)
                && !is_det(t)
                && !t.is("one")
                && !particle
                && !title_modifier
                && words::pronoun(t.text).is_none()
                && !words::is_adverb_or_aux(t.text)
            {
                // Lowercase words only in a descriptor ("the letter", "a joint statement").
                lower_run += 1;
                if !det_seen
                    || lower_run > 3
                    || words::is_function_word(t.text)
                    || words::speech_verb(t.text).is_some()
                {
                    return None;
                }
            }
        }
        None
    }

    /// Attribution on the line after a quote that ends its paragraph ("He said.").
    fn next_line(&self, q_end: usize) -> Option<Attr> {
        let text = self.text;
        // Only spaces (or a stray stop) between the quote and the line break.
        let rest = text.as_bytes().get(q_end..)?;
        let ws = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'.'))?;
        if rest[ws] != b'\n' {
            return None;
        }
        let line_end = q_end + ws;
        // The attribution line follows directly: no blank line in between.
        let next = line_end + 1;
        let rest = &text[next.min(text.len())..];
        if rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
            return None;
        }
        let s = self.tok_at(line_end);
        let toks = &self.toks;
        if s >= toks.len() || is_quote_tok(&toks[s]) {
            return None;
        }
        let mut e = s + 1;
        while e < toks.len() && e - s <= 15 && !toks[e].newline_before {
            e += 1;
        }
        if e - s > 14 {
            return None;
        }
        for (v, t) in toks.iter().enumerate().take(e).skip(s) {
            if finite_verb(t) {
                let subj = if v == s {
                    self.subject_after(v)
                } else {
                    self.subject_before(v, s)
                };
                subj.as_ref()?;
                return Some(Attr {
                    subj,
                    verb: toks[v].text.to_ascii_lowercase(),
                    verb_tok: v,
                    place: Where::NextLine,
                    governs: false,
                });
            }
        }
        None
    }

    /// Attribution before the opening mark, in the same sentence.
    fn before(&self, open: usize) -> Option<Attr> {
        let o = self.tok_at(open);
        if o == 0 || o >= self.toks.len() || self.toks[o].newline_before {
            return None;
        }
        let sid = self.sent[o];
        let toks = &self.toks;
        let mut j = o;
        let mut seen = 0;
        let mut v = None;
        let mut verbs_tried = 0;
        while j > 0 && seen < 80 {
            j -= 1;
            seen += 1;
            if self.sent[j] != sid {
                break;
            }
            if self.in_quote[j] {
                continue;
            }
            let t = &toks[j];
            if t.is("according") && toks.get(j + 1).is_some_and(|n| n.is("to")) {
                return Some(Attr {
                    subj: self.subject_after(j + 1),
                    verb: "according to".to_string(),
                    verb_tok: j,
                    place: Where::Before,
                    governs: true,
                });
            }
            if t.kind == Kind::Word {
                if let Some(form) = words::speech_verb(t.text) {
                    // "the letter reads" reads as a verb only after a subject; skip nouns like
                    // "claims" after a determiner.
                    if form == VerbForm::Finite && j > 0 && is_det(&toks[j - 1]) {
                        continue;
                    }
                    // A verb without a subject ("countries have warned") may be embedded in
                    // a clause; try the next verb back once.
                    let sent_first = self.sent[..j].partition_point(|&s| s < sid);
                    let after_comma = j > 0 && toks[j - 1].is_punct(',');
                    let subj = match form {
                        VerbForm::Participle if after_comma => self.sentence_subject(j),
                        VerbForm::Participle => self
                            .subject_before(j, sent_first)
                            .or_else(|| self.sentence_subject(j)),
                        VerbForm::Finite => self.subject_before(j, sent_first),
                    };
                    verbs_tried += 1;
                    if subj.is_some() || verbs_tried >= 2 {
                        v = Some((j, subj));
                        break;
                    }
                }
            }
        }
        let (v, subj) = v?;
        // `Trump said he was “very disappointed”`: a partial quote completing a copula in the
        // reported clause (a quote after a determiner is a scare quote: `say the “reforms”`).
        let reported = o - v <= 24
            && o >= 2
            && toks[o - 1].kind == Kind::Word
            && words::is_copula(toks[o - 1].text)
            && toks[v + 1..o].iter().enumerate().all(|(k, t)| {
                let verb = t.kind == Kind::Word && words::speech_verb(t.text).is_some();
                !(self.in_quote[v + 1 + k] || sentence_end(t) || verb)
            });
        let governs = reported
            || toks[v + 1..o].iter().all(|t| match t.kind {
                Kind::Word => {
                    t.is("that")
                        || words::is_adverb_or_aux(t.text)
                        || t.is("reporters")
                        || t.is("journalists")
                }
                Kind::Num => true,
                Kind::Punct(c) => matches!(c, ',' | ':' | '.'),
            });
        Some(Attr {
            subj,
            verb: toks[v].text.to_ascii_lowercase(),
            verb_tok: v,
            place: Where::Before,
            governs,
        })
    }

    /// End byte of the sentence holding token `v` (its final punctuation, or the line end).
    fn sentence_tail(&self, v: usize) -> usize {
        let toks = &self.toks;
        let mut e = v;
        while e + 1 < toks.len() && !toks[e + 1].newline_before && e - v < 60 {
            e += 1;
            if sentence_end(&toks[e])
                && !(toks[e].is_punct('.')
                    && toks[e - 1].kind == Kind::Word
                    && toks[e - 1].text.len() <= 4
                    && is_cap(&toks[e - 1])
                    && toks.get(e + 1).is_some_and(|n| n.kind == Kind::Num))
            {
                break;
            }
        }
        toks.get(e).map_or(self.text.len(), |t| t.end)
    }

    /// `Johnson spoke. “Yes,” he said.`: a single capitalized word opening the sentence before
    /// the one of token `at`, followed by a lowercase word (its verb), taken as a surname.
    fn bare_subject_before(&self, at: usize) -> Option<String> {
        let cur = self.sent[at];
        let prev = cur.checked_sub(1)?;
        let first = self.sent[..at].partition_point(|&s| s < prev);
        let t = self.toks.get(first)?;
        let next = self.toks.get(first + 1)?;
        let bare = self.sent[first] == prev
            && !self.in_quote[first]
            && is_cap(t)
            && t.text.len() > 2
            && !is_all_caps_word(t.text)
            && !words::is_function_word(t.text)
            && !is_title_word(t)
            && !words::is_org_word(t.text)
            && words::pronoun(t.text).is_none()
            && next.kind == Kind::Word
            && !is_cap(next)
            && !next.text.ends_with("ly");
        bare.then(|| t.text.to_string())
    }

    fn resolve(&self, subj: &Subject, last_speaker: Option<&str>) -> Option<String> {
        match &subj.kind {
            SubjKind::Name(idx) => Some(self.canonical(idx)),
            SubjKind::Pronoun(None) => None,
            SubjKind::Pronoun(Some(fem)) => {
                let compatible = |name: &str| {
                    let first = name.split(' ').next().unwrap_or("");
                    words::first_name_gender(first) != Some(!*fem)
                };
                for (_, name) in self.persons_before(subj.first, 6) {
                    if compatible(&name) {
                        return Some(name);
                    }
                }
                last_speaker
                    .filter(|s| compatible(s))
                    .map(str::to_string)
                    .or_else(|| self.bare_subject_before(subj.first))
            }
            SubjKind::Descriptor(desc, all_cap) => {
                // `Officials`, `a State Department spokesperson`, `Local officials`: a person
                // described, not named; it resolves only to someone the document introduced.
                if desc.last().is_some_and(|w| words::is_person_title(w)) {
                    if let Some(p) = self.resolve_descriptor(desc) {
                        return Some(p);
                    }
                    // `a Downing Street spokesman`, `a State Department spokesperson`: the
                    // organisation is the source; a nationality or `Local` is not.
                    let caps: Vec<&str> = self.toks[subj.first..=subj.last]
                        .iter()
                        .filter(|t| {
                            is_cap(t)
                                && !is_det(t)
                                && !words::is_nationality(t.text)
                                && !words::is_person_title(t.text)
                        })
                        .map(|t| t.text)
                        .collect();
                    return caps
                        .iter()
                        .any(|w| words::is_org_word(w))
                        .then(|| caps.join(" "));
                }
                if *all_cap {
                    let s = Span::new(self.toks[subj.first].start, self.toks[subj.last].end);
                    let raw = s.slice(self.text);
                    let raw = raw
                        .strip_prefix("the ")
                        .or_else(|| raw.strip_prefix("The "))
                        .unwrap_or(raw);
                    return Some(raw.to_string());
                }
                if let Some(p) = self.resolve_descriptor(desc) {
                    return Some(p);
                }
                // "the Telegraph newspaper": keep the proper name.
                let caps: Vec<&str> = self.toks[subj.first..=subj.last]
                    .iter()
                    .filter(|t| is_cap(t) && !is_det(t) && !is_title_word(t))
                    .map(|t| t.text)
                    .collect();
                (!caps.is_empty()).then(|| caps.join(" "))
            }
        }
    }
}

fn is_all_caps_word(s: &str) -> bool {
    s.chars().all(|c| !c.is_lowercase())
}

/// One quote after merging split parts.
struct Merged {
    span: Span,
    parts: Vec<Span>,
    split: Option<Attr>,
}

/// Attributes and resolves the paired quotes; `toks` are the tokens of the whole text if the
/// caller has them.
pub(crate) fn attribute_with<'a>(
    text: &'a str,
    raw: Vec<RawQuote>,
    toks: Option<Vec<Tok<'a>>>,
) -> Vec<QuoteMention> {
    attribute_keep(text, raw, toks).0
}

/// [`attribute_with`], handing back the tokens for reuse.
pub(crate) fn attribute_keep<'a>(
    text: &'a str,
    raw: Vec<RawQuote>,
    toks: Option<Vec<Tok<'a>>>,
) -> (Vec<QuoteMention>, Vec<Tok<'a>>) {
    let mut doc = Doc::new_with(text, &raw, toks);
    // Merge quotes split around their attribution.
    let mut merged: Vec<Merged> = Vec::with_capacity(raw.len());
    for q in raw {
        if let Some(prev) = merged.last_mut() {
            let gap_ok = q.span.start >= prev.span.end
                && q.span.start - prev.span.end <= 160
                && !text[prev.span.end..q.span.start].contains('\n');
            let prev_comma = prev
                .parts
                .last()
                .is_some_and(|p| p.slice(text).trim_end().ends_with(','));
            if gap_ok
                && prev_comma
                && text[prev.span.end..q.span.start].trim_end().ends_with(',')
                && prev.split.is_none()
            {
                if let Some(a) = doc.after(prev.span.end) {
                    if a.subj.is_some() {
                        prev.span.end = q.span.end;
                        prev.parts.extend(q.parts);
                        prev.split = Some(Attr {
                            place: Where::Split,
                            ..a
                        });
                        continue;
                    }
                }
            }
        }
        merged.push(Merged {
            span: q.span,
            parts: q.parts,
            split: None,
        });
    }
    let mut out = Vec::with_capacity(merged.len());
    let mut last_speaker: Option<String> = None;
    // End of the previous quote's own attribution sentence, and its speaker, for continuations.
    let mut prev_tail: Option<(usize, Option<String>)> = None;
    for m in merged {
        let qtext = quote_text(text, &m.parts);
        let fragment = is_fragment(&qtext);
        // A quote that ends its sentence inside the marks (`said: “... .” Officials said 259
        // buildings ...`) keeps the attribution that introduces it: what follows is a new
        // sentence.
        let ends_sentence = m
            .parts
            .last()
            .is_some_and(|p| p.slice(text).trim_end().ends_with(['.', '?', '!']));
        let attr = m
            .split
            .clone()
            .or_else(|| {
                if ends_sentence {
                    doc.before(m.span.start)
                        .filter(|a| a.governs && a.subj.is_some())
                } else {
                    None
                }
            })
            .or_else(|| doc.after(m.span.end))
            .or_else(|| doc.next_line(m.span.end))
            .or_else(|| doc.before(m.span.start));
        let mut speaker = None;
        let mut speaker_span = None;
        let mut verb = None;
        // A short quote is a full quote when an attribution follows a closing comma or stop
        // inside the marks (`“Stop,” Peskov said`); it is a partial quote when it opens the
        // reported clause of a verb (`saying that “thousands” ...`); otherwise a scare quote.
        let closes_sentence = m.parts.last().is_some_and(|p| {
            p.slice(text)
                .trim_end()
                .ends_with([',', '.', '?', '!', '…'])
        });
        let mut fragment = fragment;
        let usable = match &attr {
            Some(a) if a.place == Where::Before => !fragment || a.governs,
            Some(_) if fragment && closes_sentence => {
                fragment = false;
                true
            }
            Some(_) => !fragment,
            None => false,
        };
        match &attr {
            Some(a) if usable => {
                verb = Some(a.verb.clone());
                if let Some(s) = &a.subj {
                    speaker_span = Some(Span::new(doc.toks[s.first].start, doc.toks[s.last].end));
                    speaker = doc.resolve(s, last_speaker.as_deref());
                }
            }
            _ => {
                // A continuation: a full quote, or a short one closing its sentence (`“Pure
                // lies.”`), right after an attributed quote and its attribution.
                if !fragment || closes_sentence {
                    if let Some((tail, Some(sp))) = &prev_tail {
                        if *tail <= m.span.start
                            && text[*tail..m.span.start]
                                .chars()
                                .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
                        {
                            speaker = Some(sp.clone());
                            fragment = false;
                        }
                    }
                }
            }
        }
        if !fragment {
            let tail = match &attr {
                Some(a) if matches!(a.place, Where::After | Where::NextLine | Where::Split) => {
                    doc.sentence_tail(a.verb_tok).max(m.span.end)
                }
                _ => m.span.end,
            };
            prev_tail = Some((tail, speaker.clone()));
        }
        if speaker.is_some() && !fragment {
            last_speaker.clone_from(&speaker);
        }
        out.push(QuoteMention {
            span: m.span,
            text: qtext,
            parts: m.parts,
            speaker,
            speaker_span,
            verb,
            fragment,
        });
    }
    (out, std::mem::take(&mut doc.toks))
}

/// One or two words, or a short capitalized title ("Coalition of the Willing"): a scare quote,
/// a term or a name in quotes rather than a quotation.
fn is_fragment(q: &str) -> bool {
    let n = q.split_whitespace().count();
    n <= 2
        || n <= 6
            && q.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(
                        w,
                        "of" | "the"
                            | "and"
                            | "for"
                            | "in"
                            | "on"
                            | "a"
                            | "to"
                            | "at"
                            | "with"
                            | "from"
                            | "by"
                    )
            })
}
