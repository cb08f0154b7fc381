//! The document model used for attribution: tokens, sentences, which tokens are quoted, and the
//! names mentioned outside quotes, with a per-document table from surnames to full names.

use std::borrow::Cow;

use super::marks::RawQuote;
use super::words::{self, Role};
use crate::claim::date::lex::{self, Kind, Tok};

/// A capitalized name run outside quotes, with the titles around it.
#[derive(Debug, Clone)]
pub(crate) struct Name<'a> {
    /// First token of the name proper (titles excluded).
    pub first: usize,
    /// The name tokens, joined by spaces (borrowed from the text when written that way).
    pub name: Cow<'a, str>,
    /// Number of name words (`Min-ji Greco` and `Mohamed El-Erian` have two).
    pub ntoks: usize,
    /// Last token of the name.
    pub last: usize,
    /// Title, office and nationality words before the name, lowercased.
    pub titles: Vec<String>,
    /// Introduced like a person (a title before it, or a two-to-four-word proper name).
    pub person: bool,
    /// Sentence of the name.
    pub sent: u32,
}

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    /// Sentence id of each token.
    pub sent: Vec<u32>,
    /// True for tokens inside a quote (marks included).
    pub in_quote: Vec<bool>,
    /// Names outside quotes, in order.
    pub names: Vec<Name<'a>>,
    /// Surname -> full name; `None` when two people share it.
    surnames: Surnames,
}

/// Surname -> full name (`None` when two people share it): a short list per document, searched
/// linearly (cheaper than hashing for the few people of an article).
#[derive(Default)]
struct Surnames(Vec<(String, Option<String>)>);

impl Surnames {
    fn get(&self, surname: &str) -> Option<&Option<String>> {
        self.0.iter().find(|(s, _)| s == surname).map(|(_, f)| f)
    }

    fn insert(&mut self, surname: String, full: Option<String>) {
        match self.0.iter_mut().find(|(s, _)| *s == surname) {
            Some(slot) => slot.1 = full,
            None => self.0.push((surname, full)),
        }
    }
}

pub(crate) fn is_cap(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word
        && match t.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => t.text.chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
}

fn is_all_caps(s: &str) -> bool {
    s.len() > 1 && s.chars().all(|c| !c.is_lowercase())
}

fn is_abbrev(word: &str) -> bool {
    (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
        || matches!(
            word,
            "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Lt"
                | "Col"
                | "No"
                | "Prof"
                | "Jr"
                | "Sr"
                | "Maj"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Rev"
                | "vs"
                | "Inc"
                | "Co"
                | "Corp"
                | "Ltd"
        )
}

/// Token `j` joins two parts of one name without spaces: `El-Erian`, `Min-ji`, `O'Brien`.
pub(crate) fn is_joiner(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    if t.space_before || j == 0 {
        return false;
    }
    let (Some(prev), Some(next)) = (toks.get(j - 1), toks.get(j + 1)) else {
        return false;
    };
    if next.space_before || prev.kind != Kind::Word || next.kind != Kind::Word || !is_cap(prev) {
        return false;
    }
    match t.kind {
        // `Pierre-Olivier`, and short lowercase second parts of given names (`Min-ji`, `Ji-woo`).
        Kind::Punct('-' | '‐') => is_cap(next) || (next.text.len() <= 3 && prev.text.len() <= 4),
        // `O'Brien`, `D’Souza`.
        Kind::Punct('\'' | '’') => prev.text.len() == 1 && is_cap(next),
        _ => false,
    }
}

/// [`join_name`], borrowing from `text` when the tokens are written with single spaces between
/// words.
fn join_name_in<'a>(text: &'a str, toks: &[Tok<'a>], idx: &[usize]) -> Cow<'a, str> {
    let (Some(&f), Some(&l)) = (idx.first(), idx.last()) else {
        return Cow::Borrowed("");
    };
    let written = &text[toks[f].start..toks[l].end];
    let contiguous = idx.windows(2).all(|w| w[1] == w[0] + 1);
    let single_spaced = contiguous
        && idx[1..].iter().all(|&x| {
            let gap = toks[x].start - toks[x - 1].end;
            gap == 0 && !toks[x].space_before
                || gap == 1 && text.as_bytes()[toks[x - 1].end] == b' '
        });
    if single_spaced {
        Cow::Borrowed(written)
    } else {
        Cow::Owned(join_name(toks, idx))
    }
}

/// Joins name tokens `idx` as written: a space between words, none around a joiner.
pub(crate) fn join_name(toks: &[Tok<'_>], idx: &[usize]) -> String {
    let mut out = String::new();
    for (k, &x) in idx.iter().enumerate() {
        if k > 0 && (toks[x].space_before || x != idx[k - 1] + 1) {
            out.push(' ');
        }
        out.push_str(toks[x].text);
    }
    out
}

fn is_open_quote_tok(t: &Tok<'_>) -> bool {
    matches!(t.kind, Kind::Punct('"' | '“' | '‘' | '\'' | '„' | '«'))
}

impl<'a> Doc<'a> {
    #[cfg(test)]
    pub(crate) fn new(text: &'a str, quotes: &[RawQuote]) -> Doc<'a> {
        Doc::new_with(text, quotes, None)
    }

    /// The document model of `text`; `toks` are its tokens (from `lex::tokenize` over the whole
    /// text) if the caller has them.
    pub(crate) fn new_with(
        text: &'a str,
        quotes: &[RawQuote],
        toks: Option<Vec<Tok<'a>>>,
    ) -> Doc<'a> {
        let toks = toks.unwrap_or_else(|| {
            let mut toks = Vec::with_capacity(text.len() / 5 + 1);
            lex::tokenize(text, &mut toks);
            toks
        });
        let n = toks.len();
        // Quoted tokens.
        let mut in_quote = vec![false; n];
        let mut qi = 0;
        for (i, t) in toks.iter().enumerate() {
            while qi < quotes.len() && quotes[qi].span.end <= t.start {
                qi += 1;
            }
            if qi < quotes.len() && quotes[qi].span.start <= t.start {
                in_quote[i] = true;
            }
        }
        // Sentences.
        let mut sent = vec![0u32; n];
        let mut sid = 0u32;
        for i in 1..n {
            let t = &toks[i];
            let mut boundary = t.newline_before;
            if !boundary && (is_cap(t) || is_open_quote_tok(t) || t.kind == Kind::Num) {
                let mut j = i - 1;
                // `.”` then the next sentence
                while j > 0
                    && i - j < 3
                    && matches!(
                        toks[j].kind,
                        Kind::Punct('"' | '”' | '’' | '\'' | ')' | '»')
                    )
                {
                    j -= 1;
                }
                match toks[j].kind {
                    Kind::Punct('!' | '?') => boundary = true,
                    Kind::Punct('.') => {
                        boundary = j == 0
                            || !(toks[j - 1].kind == Kind::Word
                                && is_abbrev(toks[j - 1].text)
                                && !toks[j].space_before);
                    }
                    _ => {}
                }
            }
            if boundary {
                sid += 1;
            }
            sent[i] = sid;
        }
        let mut doc = Doc {
            text,
            toks,
            sent,
            in_quote,
            names: Vec::new(),
            surnames: Surnames::default(),
        };
        doc.find_names();
        doc
    }

    fn find_names(&mut self) {
        let n = self.toks.len();
        let mut items: Vec<usize> = Vec::new();
        // The word classes of `items`, looked up once.
        let mut classes: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < n {
            if self.in_quote[i] || !is_cap(&self.toks[i]) {
                i += 1;
                continue;
            }
            items.clear();
            let mut j = i;
            while j < n && !self.in_quote[j] {
                let t = &self.toks[j];
                let cap = is_cap(t) && (items.is_empty() || !t.newline_before);
                let particle = !items.is_empty()
                    && t.kind == Kind::Word
                    && words::is_name_particle(t.text)
                    && self.toks.get(j + 1).is_some_and(is_cap);
                if cap || particle {
                    items.push(j);
                    j += 1;
                } else if !items.is_empty() && is_joiner(&self.toks, j) {
                    items.push(j);
                    items.push(j + 1);
                    j += 2;
                } else if !items.is_empty()
                    && t.is_punct('(')
                    && self.toks.get(j + 1).is_some_and(is_cap)
                    && self.toks.get(j + 2).is_some_and(|t| t.is_punct(')'))
                    && self.toks.get(j + 3).is_some_and(is_cap)
                {
                    items.push(j + 1);
                    j += 3;
                } else {
                    break;
                }
            }
            if items.is_empty() {
                i += 1;
                continue;
            }
            classes.clear();
            classes.extend(items.iter().map(|&x| words::class(self.toks[x].text)));
            self.add_name(&items, &classes);
            i = j.max(i + 1);
        }
        // Surname table from full person names.
        let mut surnames = Surnames::default();
        for nm in self.names.iter().filter(|n| n.person && n.ntoks >= 2) {
            let last = nm.name.rsplit(' ').next().unwrap_or(&nm.name).to_string();
            match surnames.get(&last) {
                None => {
                    surnames.insert(last, Some(nm.name.to_string()));
                }
                Some(Some(existing)) if *existing != *nm.name => {
                    // A longer form of the same person ("Ursula von der Leyen" vs "von der Leyen")
                    // would share a suffix; different first names are different people.
                    if !(existing.ends_with(&*nm.name) || nm.name.ends_with(existing.as_str())) {
                        surnames.insert(last, None);
                    } else if nm.name.len() > existing.len() {
                        surnames.insert(last, Some(nm.name.to_string()));
                    }
                }
                _ => {}
            }
        }
        self.surnames = surnames;
        for nm in &mut self.names {
            if !nm.person && nm.ntoks == 1 && matches!(self.surnames.get(&nm.name), Some(Some(_))) {
                nm.person = true;
            }
        }
    }

    /// Splits a capitalized run into titles and name, and records it; `classes` are the
    /// [`words::class`]es of the `items`.
    fn add_name(&mut self, items: &[usize], classes: &[u8]) {
        debug_assert_eq!(items.len(), classes.len());
        let mut k = 0;
        while k < items.len() && classes[k] & words::FUNCTION != 0 {
            k += 1;
        }
        let mut titles: Vec<String> = Vec::new();
        while k < items.len() {
            let w = self.toks[items[k]].text;
            let c = classes[k];
            if c & words::TITLE != 0
                || words::nationality_in(w, c)
                || (c & words::ORG != 0 && k + 1 < items.len())
            {
                titles.push(w.to_ascii_lowercase());
                k += 1;
            } else {
                break;
            }
        }
        // A capitalized office before the title: `Bank of England Governor Andrew Bailey`,
        // `Health Secretary Wes Streeting`: the name starts after the last title word, when a
        // two-to-four-word name follows it.
        let last_title = if items.len() >= k + 3 {
            classes[k..]
                .iter()
                .rposition(|&c| c & words::PERSON_TITLE != 0)
                .map(|p| p + k)
        } else {
            None
        };
        if let Some(last_title) = last_title {
            let rest = items.len() - last_title - 1;
            if (2..=4).contains(&rest)
                && !classes[last_title + 1..]
                    .iter()
                    .any(|&c| c & words::TITLE != 0)
            {
                while k <= last_title {
                    titles.push(self.toks[items[k]].text.to_ascii_lowercase());
                    k += 1;
                }
            }
        }
        let mut name_items = &items[k..];
        let mut name_classes = &classes[k..];
        if name_items.is_empty() {
            return;
        }
        // `former mayor of Liege Paul Wright`: after `<title> of`, a run of three words or more
        // is a place or an organisation followed by a two-word name.
        let after_title_of = items[0] >= 2
            && self.toks[items[0] - 1].is("of")
            && words::is_person_title(self.toks[items[0] - 2].text);
        if after_title_of && titles.is_empty() {
            let word_starts: Vec<usize> = (0..name_items.len())
                .filter(|&p| {
                    p == 0
                        || self.toks[name_items[p]].space_before
                        || name_items[p] != name_items[p - 1] + 1
                })
                .collect();
            if word_starts.len() >= 3 {
                let cut = word_starts[word_starts.len() - 2];
                for &x in &name_items[..cut] {
                    titles.push(self.toks[x].text.to_ascii_lowercase());
                }
                name_items = &name_items[cut..];
                name_classes = &name_classes[cut..];
            }
        }
        // Titles just before the run: lowercase title words, a preceding capitalized run of
        // titles/orgs, one comma of apposition ("His spokesperson, Dmitry Peskov").
        let first = name_items[0];
        let mut j = items[0];
        let mut budget = 6;
        let mut comma = false;
        while j > 0 && budget > 0 {
            let p = &self.toks[j - 1];
            if self.in_quote[j - 1] {
                break;
            }
            if p.is_punct(',') && !comma && titles.is_empty() {
                comma = true;
            } else if p.kind == Kind::Word && {
                let c = words::class(p.text);
                c & words::TITLE != 0
                    || words::nationality_in(p.text, c)
                    || (is_cap(p) && c & words::ORG != 0)
            } {
                titles.push(p.text.to_ascii_lowercase());
            } else {
                break;
            }
            j -= 1;
            budget -= 1;
        }
        if comma && titles.is_empty() {
            // a bare comma before the name is not apposition
        }
        let org = name_classes.iter().any(|&c| c & words::ORG != 0);
        let acronym = name_items.iter().any(|&x| is_all_caps(self.toks[x].text));
        let has_role = titles.iter().any(|t| {
            words::title_role(t).is_some_and(|r| r != Role::Other)
                || matches!(
                    t.as_str(),
                    "spokesman"
                        | "spokesperson"
                        | "minister"
                        | "president"
                        | "chief"
                        | "envoy"
                        | "ambassador"
                        | "mr"
                        | "mrs"
                        | "ms"
                        | "dr"
                        | "general"
                        | "gen"
                        | "senator"
                        | "sen"
                        | "governor"
                        | "mayor"
                        | "official"
                        | "adviser"
                        | "advisor"
                        | "aide"
                        | "director"
                        | "chairman"
                        | "commander"
                        | "secretary"
                )
        });
        let name = join_name_in(self.text, &self.toks, name_items);
        let nwords = name.split(' ').count();
        let person = !org && !acronym && (has_role || (2..=4).contains(&nwords));
        self.names.push(Name {
            first,
            name,
            ntoks: nwords,
            last: name_items[name_items.len() - 1],
            titles,
            person,
            sent: self.sent[first],
        });
    }

    /// The canonical name for name tokens `idx`: a surname resolves to the full name introduced
    /// in the document.
    pub(crate) fn canonical(&self, idx: &[usize]) -> String {
        let joined = join_name(&self.toks, idx);
        let surname = joined.rsplit(' ').next().unwrap_or("");
        if let Some(Some(full)) = self.surnames.get(surname) {
            if full.ends_with(&joined) {
                return full.clone();
            }
        }
        joined
    }

    /// Index of the first token starting at or after byte `pos`.
    pub(crate) fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// The canonical names of the persons mentioned before token `before` (outside quotes), the
    /// closest sentence first, each sentence in order.
    pub(crate) fn persons_before(&self, before: usize, max_sentences: u32) -> Vec<(u32, String)> {
        let end = self.names.partition_point(|n| n.first < before);
        let Some(cur) = before.checked_sub(1).map(|b| self.sent[b]).or(Some(0)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut k = end;
        let floor = end.saturating_sub(200);
        while k > floor {
            let nm = &self.names[k - 1];
            if cur.saturating_sub(nm.sent) > max_sentences {
                break;
            }
            if nm.person {
                let full = match self.surnames.get(&nm.name) {
                    Some(Some(f)) if nm.ntoks == 1 => f.clone(),
                    _ => nm.name.to_string(),
                };
                out.push((nm.sent, full));
            }
            k -= 1;
        }
        // Closest sentence first; inside a sentence, in text order (subject first).
        out.reverse();
        out.sort_by_key(|p| std::cmp::Reverse(p.0));
        out
    }

    /// The person a descriptor ("the Russian leader", "the spokesperson") points to, when
    /// exactly one person in the document was introduced with a matching title.
    pub(crate) fn resolve_descriptor(&self, desc: &[String]) -> Option<String> {
        let role_word = desc.last()?;
        let role = words::title_role(role_word)?;
        let prime = desc.iter().any(|w| w == "prime");
        let want = if prime { Role::Head } else { role };
        if want == Role::Other {
            return None;
        }
        let quals: Vec<&String> = desc[..desc.len() - 1]
            .iter()
            .filter(|w| {
                words::is_nationality(&capitalize(w))
                    || w.as_str() == "kremlin"
                    || w.as_str() == "foreign"
                    || w.as_str() == "defence"
                    || w.as_str() == "defense"
            })
            .collect();
        let mut found: Option<String> = None;
        // Bounded: the people introduced in the last 2000 names.
        let from = self.names.len().saturating_sub(2000);
        for nm in self.names[from..].iter().filter(|n| n.person) {
            let t = &nm.titles;
            let has_prime = t.iter().any(|w| w == "prime");
            let ok_role = t.iter().any(|w| match words::title_role(w) {
                Some(Role::Head) => want == Role::Head,
                Some(Role::Minister) => {
                    (want == Role::Head && has_prime) || (want == Role::Minister && !has_prime)
                }
                Some(r) => r == want,
                None => false,
            });
            if !ok_role || !quals.iter().all(|q| t.contains(q)) {
                continue;
            }
            let full = match self.surnames.get(&nm.name) {
                Some(Some(f)) if nm.ntoks == 1 => f.clone(),
                _ => nm.name.to_string(),
            };
            match &found {
                None => found = Some(full),
                Some(f) if *f == full => {}
                Some(_) => return None,
            }
        }
        found
    }
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
