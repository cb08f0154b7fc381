//! Syndication variants: copies of a base article with a new headline and byline, boilerplate,
//! dropped, added or reordered sentences, substituted words, typos, truncation, or a changed
//! figure or date. Edits are kept moderate: a copy must stay a copy.

use serde::Serialize;

use super::event::{Event, Story, changed_value, digits};
use super::measure::{jaccard_sets, shingles};
use super::render::{Article, Ctx, Style, phrasing};
use super::rng::{Day, Rng};
use super::templates::EXPLAINERS;
use super::vocab::{
    BOILERPLATE_HEAD, BOILERPLATE_TAIL, FIRST_NAMES, LAST_NAMES, OUTLETS, SYNONYMS, WIRES,
};

/// One edit applied to a copy, as written to `edits.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Edit {
    /// A new headline.
    Headline {
        /// The copy's headline.
        new: String,
    },
    /// A line put before the text (byline, update stamp).
    Prepend {
        /// The line.
        text: String,
    },
    /// The dateline replaced or added.
    Dateline {
        /// The new dateline, e.g. `PARIS (Continental Wire) —`.
        new: String,
    },
    /// A line appended after the text ("This article was originally published by ...").
    Append {
        /// The line.
        text: String,
    },
    /// A sentence removed.
    Drop {
        /// The removed sentence.
        sentence: String,
    },
    /// A sentence inserted.
    Add {
        /// The new sentence.
        sentence: String,
    },
    /// Two neighbouring sentences swapped.
    Reorder {
        /// The sentence moved down.
        sentence: String,
    },
    /// A word replaced by a synonym.
    Synonym {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A misspelled word.
    Typo {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// The last paragraph cut.
    Truncate {
        /// Number of sentences cut.
        sentences: usize,
    },
    /// A figure changed everywhere it appears: a planted discrepancy.
    Figure {
        /// What the figure counts (the template key, e.g. `dead`).
        field: String,
        /// The digits before, e.g. `1,240`.
        old: String,
        /// The digits after.
        new: String,
    },
    /// The event's date changed everywhere it appears: a planted discrepancy.
    Date {
        /// The event day before, `YYYY-MM-DD`.
        old: String,
        /// The day the copy reports.
        new: String,
        /// Text replacements made, `[before, after]` (weekday and "Sept. 5" forms).
        replaced: Vec<[String; 2]>,
    },
}

/// A syndicated copy.
pub(crate) struct Variant {
    pub title: String,
    pub text: String,
    pub source: &'static str,
    pub edits: Vec<Edit>,
}

/// A planned operation; resolved to an [`Edit`] when it applies.
#[derive(Debug, Clone)]
enum Op {
    Headline(String),
    Prepend(String),
    Dateline(String),
    Append(String),
    Truncate,
    Drop(usize),
    Add(usize, String),
    Reorder(usize),
    Synonym(usize, &'static str, &'static str),
    Typo(usize, usize, u8),
    Figure(&'static str, String, String),
    Date(Day, Day),
}

impl Op {
    /// Edits that can be undone to bring a copy back above its similarity floor.
    fn is_heavy(&self) -> bool {
        !matches!(
            self,
            Op::Headline(_) | Op::Figure(..) | Op::Date(..) | Op::Dateline(_)
        )
    }
}

/// The sentences of an article, each tagged with its paragraph.
type Flat = Vec<(usize, String)>;

fn flatten(a: &Article) -> Flat {
    a.paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, s)| s.iter().map(move |s| (p, s.clone())))
        .collect()
}

fn unflatten(flat: &Flat) -> String {
    let mut out = String::new();
    let mut last = None;
    for (p, s) in flat {
        match last {
            None => {}
            Some(l) if l == *p => out.push(' '),
            Some(_) => out.push_str("\n\n"),
        }
        out.push_str(s);
        last = Some(*p);
    }
    out
}

fn is_boundary(b: Option<u8>) -> bool {
    b.is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Byte offset of the first whole-word occurrence of `word` in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        if is_boundary(at.checked_sub(1).map(|j| bytes[j])) && is_boundary(bytes.get(end).copied())
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Replaces every whole-number occurrence of `old` (not part of a longer number).
fn replace_number(s: &str, old: &str, new: &str) -> (String, usize) {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    let mut count = 0;
    let digitish = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
    while let Some(i) = s[from..].find(old) {
        let at = from + i;
        let end = at + old.len();
        let before = at.checked_sub(1).map(|j| bytes[j]);
        let before_num = digitish(before)
            || (matches!(before, Some(b'.' | b','))
                && digitish(at.checked_sub(2).map(|j| bytes[j])));
        let after = bytes.get(end).copied();
        let after_num = digitish(after)
            || (matches!(after, Some(b'.' | b',')) && digitish(bytes.get(end + 1).copied()));
        out.push_str(&s[from..at]);
        if before_num || after_num {
            out.push_str(old);
        } else {
            out.push_str(new);
            count += 1;
        }
        from = end;
    }
    out.push_str(&s[from..]);
    (out, count)
}

/// Replaces every whole-word occurrence of `old`.
fn replace_words(s: &str, old: &str, new: &str) -> (String, usize) {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut count = 0;
    while let Some(at) = find_word(rest, old) {
        out.push_str(&rest[..at]);
        out.push_str(new);
        rest = &rest[at + old.len()..];
        count += 1;
    }
    out.push_str(rest);
    (out, count)
}

fn typo(word: &str, how: u8) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut c = chars.clone();
    match how % 3 {
        0 => c.swap(n / 2 - 1, n / 2),
        1 => {
            c.remove(n / 2);
        }
        _ => c.insert(n / 2, chars[n / 2]),
    }
    c.into_iter().collect()
}

/// Applies the plan; returns the flat sentences, the title and the edits that took effect.
fn apply(base: &Article, base_title: &str, ops: &[Op]) -> (Flat, String, Vec<Edit>) {
    let mut flat = flatten(base);
    let mut title = base_title.to_string();
    let mut edits = Vec::new();
    let mut head: Vec<String> = Vec::new();
    let mut tail: Vec<String> = Vec::new();
    // Figures and dates change last, so that no later edit drops the changed sentence.
    let is_fact = |op: &&Op| matches!(op, Op::Figure(..) | Op::Date(..));
    for op in ops
        .iter()
        .filter(|o| !is_fact(o))
        .chain(ops.iter().filter(is_fact))
    {
        match op {
            Op::Headline(t) => {
                title = t.clone();
                edits.push(Edit::Headline { new: t.clone() });
            }
            Op::Prepend(t) => {
                head.push(t.clone());
                edits.push(Edit::Prepend { text: t.clone() });
            }
            Op::Append(t) => {
                tail.push(t.clone());
                edits.push(Edit::Append { text: t.clone() });
            }
            Op::Dateline(d) => {
                let first = &mut flat[0].1;
                if let Some(i) = first.find(" — ") {
                    first.replace_range(..i + " — ".len(), "");
                }
                *first = format!("{d} {first}");
                edits.push(Edit::Dateline { new: d.clone() });
            }
            Op::Truncate => {
                let last = flat.last().map(|l| l.0).unwrap_or(0);
                let keep = flat.iter().take_while(|(p, _)| *p != last).count();
                if keep >= 3 {
                    let cut = flat.len() - keep;
                    flat.truncate(keep);
                    edits.push(Edit::Truncate { sentences: cut });
                }
            }
            &Op::Drop(i) => {
                if i > 0 && i < flat.len() && flat.len() > 4 {
                    let (_, s) = flat.remove(i);
                    edits.push(Edit::Drop { sentence: s });
                }
            }
            Op::Add(i, s) => {
                let i = (*i).clamp(1, flat.len());
                let p = flat[i - 1].0;
                flat.insert(i, (p, s.clone()));
                edits.push(Edit::Add {
                    sentence: s.clone(),
                });
            }
            &Op::Reorder(i) => {
                if i > 0 && i + 1 < flat.len() {
                    let a = flat[i].1.clone();
                    flat[i].1 = std::mem::replace(&mut flat[i + 1].1, a.clone());
                    edits.push(Edit::Reorder { sentence: a });
                }
            }
            &Op::Synonym(i, old, new) => {
                if let Some((_, s)) = flat.get_mut(i)
                    && let Some(at) = find_word(s, old)
                {
                    s.replace_range(at..at + old.len(), new);
                    edits.push(Edit::Synonym {
                        old: old.into(),
                        new: new.into(),
                    });
                }
            }
            &Op::Typo(i, w, how) => {
                if let Some((_, s)) = flat.get_mut(i) {
                    let words: Vec<(usize, &str)> = s
                        .split(' ')
                        .scan(0, |pos, w| {
                            let at = *pos;
                            *pos += w.len() + 1;
                            Some((at, w))
                        })
                        .filter(|(_, w)| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
                        .collect();
                    if !words.is_empty() {
                        let (at, word) = words[w % words.len()];
                        let new = typo(word, how);
                        let old = word.to_string();
                        s.replace_range(at..at + old.len(), &new);
                        edits.push(Edit::Typo { old, new });
                    }
                }
            }
            Op::Figure(field, old, new) => {
                let mut n = 0;
                for (_, s) in flat.iter_mut() {
                    let (r, c) = replace_number(s, old, new);
                    *s = r;
                    n += c;
                }
                title = replace_number(&title, old, new).0;
                if n > 0 {
                    edits.push(Edit::Figure {
                        field: field.to_string(),
                        old: old.clone(),
                        new: new.clone(),
                    });
                }
            }
            &Op::Date(old, new) => {
                let mut replaced = Vec::new();
                for (o, n) in [
                    (old.weekday().to_string(), new.weekday().to_string()),
                    (old.month_day(), new.month_day()),
                ] {
                    let mut count = 0;
                    for (_, s) in flat.iter_mut() {
                        let (r, c) = replace_words(s, &o, &n);
                        *s = r;
                        count += c;
                    }
                    title = replace_words(&title, &o, &n).0;
                    if count > 0 {
                        replaced.push([o, n]);
                    }
                }
                if !replaced.is_empty() {
                    edits.push(Edit::Date {
                        old: old.iso(),
                        new: new.iso(),
                        replaced,
                    });
                }
            }
        }
    }
    // Framing lines become their own paragraphs.
    let mut out: Flat = head.into_iter().map(|h| (usize::MAX - 1, h)).collect();
    out.extend(flat);
    out.extend(tail.into_iter().map(|t| (usize::MAX, t)));
    (out, title, edits)
}

fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

/// Fills a boilerplate line.
fn boilerplate(
    t: &str,
    outlet: &str,
    wire: &str,
    other_title: &str,
    date: Day,
    rng: &mut Rng,
) -> String {
    t.replace("{outlet}", outlet)
        .replace("{wire}", wire)
        .replace("{title}", other_title)
        .replace("{reporter}", &person_name(rng))
        .replace("{editor}", &person_name(rng))
        .replace("{date}", &date.iso())
}

/// Everything a copy is made from.
pub(crate) struct Base<'a> {
    /// Shingles of the article's text.
    pub shingles: &'a [u64],
    pub story: &'a Story,
    pub event: &'a Event,
    pub article: &'a Article,
    pub title: &'a str,
    pub outlet: &'static str,
    pub published: Day,
}

/// How hard a copy is: the floor on its shingle Jaccard with the base.
const EASY_FLOOR: f64 = 0.88;
const HARD_FLOOR: f64 = 0.6;
/// Share of copies that differ from the base only by one figure or one date.
const ONLY_FACT_SHARE: f64 = 0.1;

/// Makes one syndicated copy of `base`. `other_title` is an unrelated headline for "Read more".
pub(crate) fn syndicate(
    base: &Base<'_>,
    other_title: &str,
    copy_no: usize,
    hard_rate: f64,
    rng: &mut Rng,
) -> Variant {
    let source: &'static str = if rng.chance(0.6) {
        rng.choose(WIRES)
    } else {
        rng.choose(OUTLETS)
    };
    let flat = flatten(base.article);
    let event = base.event;
    let mut ops: Vec<Op> = Vec::new();

    let figure_op = |rng: &mut Rng| -> Option<Op> {
        let text = base.article.text();
        let present: Vec<_> = event
            .figures
            .iter()
            .filter(|f| replace_number(&text, &digits(f.kind, f.value), "").1 > 0)
            .collect();
        if present.is_empty() {
            return None;
        }
        let f = *rng.choose(&present);
        let new = changed_value(rng, f);
        Some(Op::Figure(
            f.key,
            digits(f.kind, f.value),
            digits(f.kind, new),
        ))
    };
    let date_op = |rng: &mut Rng| {
        let shift = [-2, -1, 1, 2][rng.below(4)];
        Op::Date(event.day, event.day.plus(shift))
    };

    if rng.chance(ONLY_FACT_SHARE) {
        let op = if rng.chance(0.6) {
            figure_op(rng)
        } else {
            None
        }
        .unwrap_or_else(|| date_op(rng));
        let (flat, title, edits) = apply(base.article, base.title, &[op]);
        return Variant {
            title,
            text: unflatten(&flat),
            source,
            edits,
        };
    }

    let hard = rng.chance(hard_rate);
    let floor = if hard { HARD_FLOOR } else { EASY_FLOOR };

    // Headline: another phrasing of the event, sometimes tagged with the syndicator.
    let mut head = Ctx::new(base.story, event, Style::random(rng));
    head.mention_all();
    let k = event.kind.headlines.len();
    let mut title = head.expand(event.kind.headlines[(copy_no + 1 + rng.below(k)) % k], rng);
    if title == base.title || rng.chance(0.2) {
        title = format!("{title} | {source}");
    }
    ops.push(Op::Headline(title));
    if rng.chance(0.3) {
        let city = event.city.to_uppercase();
        ops.push(Op::Dateline(format!("{city} ({source}) —")));
    }
    if rng.chance(0.08) {
        if let Some(op) = figure_op(rng) {
            ops.push(op);
        }
    } else if rng.chance(0.04) {
        ops.push(date_op(rng));
    }
    // Heavier edits follow; they are undone from the end while the copy is too far from its base.
    let n = flat.len();
    if rng.chance(if hard { 0.8 } else { 0.2 }) {
        ops.push(Op::Truncate);
    }
    let drops = if hard {
        1 + rng.below(3)
    } else if rng.chance(0.5) {
        1 + rng.below(2)
    } else {
        0
    };
    let mut dropped: Vec<usize> = rng
        .sample(n.saturating_sub(1), drops)
        .into_iter()
        .map(|i| i + 1)
        .collect();
    dropped.sort_unstable_by(|a, b| b.cmp(a));
    ops.extend(dropped.into_iter().map(Op::Drop));
    if rng.chance(if hard { 0.6 } else { 0.25 }) {
        let adds = if hard { 1 + rng.below(2) } else { 1 };
        let mut ctx = Ctx::new(base.story, event, Style::random(rng));
        ctx.mention_all();
        for _ in 0..adds {
            let role = rng.below(EXPLAINERS.len());
            let t = EXPLAINERS[role][phrasing(rng.next_u64(), 0, 0, EXPLAINERS[role].len())];
            let s = ctx.expand(t, rng);
            ops.push(Op::Add(1 + rng.below(n.max(2) - 1), s));
        }
    }
    if rng.chance(0.3) {
        ops.push(Op::Reorder(1 + rng.below(n.max(3) - 2)));
    }
    if rng.chance(0.5) {
        let mut found: Vec<(usize, &'static str, &'static str)> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for (i, (_, s)) in flat.iter().enumerate() {
            words.clear();
            words.extend(
                s.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty()),
            );
            words.sort_unstable();
            let has = |phrase: &str| {
                let first = phrase.split(' ').next().unwrap_or(phrase);
                words.binary_search(&first).is_ok() && find_word(s, phrase).is_some()
            };
            for &(a, b) in SYNONYMS {
                if has(a) {
                    found.push((i, a, b));
                } else if has(b) {
                    found.push((i, b, a));
                }
            }
        }
        let k = (1 + rng.below(if hard { 8 } else { 3 })).min(found.len());
        for j in rng.sample(found.len(), k) {
            let (i, a, b) = found[j];
            ops.push(Op::Synonym(i, a, b));
        }
    }
    if rng.chance(0.4) {
        for _ in 0..1 + rng.below(if hard { 5 } else { 2 }) {
            ops.push(Op::Typo(rng.below(n), rng.below(64), rng.below(3) as u8));
        }
    }
    // Framing goes last so that it is undone first.
    let date = base.published;
    if rng.chance(0.5) {
        let t = rng.pick(BOILERPLATE_HEAD);
        ops.push(Op::Prepend(boilerplate(
            t,
            base.outlet,
            source,
            other_title,
            date,
            rng,
        )));
    }
    for _ in 0..[0, 1, 1, 2][rng.below(4)] {
        let t = rng.pick(BOILERPLATE_TAIL);
        ops.push(Op::Append(boilerplate(
            t,
            base.outlet,
            source,
            other_title,
            date,
            rng,
        )));
    }

    let base_shingles = base.shingles;
    loop {
        let (flat, title, edits) = apply(base.article, base.title, &ops);
        let text = unflatten(&flat);
        if jaccard_sets(base_shingles, &shingles(&text)) >= floor {
            return Variant {
                title,
                text,
                source,
                edits,
            };
        }
        // Undo the lightest-to-undo heavy edit: the last one planned.
        match ops.iter().rposition(Op::is_heavy) {
            Some(i) => {
                ops.remove(i);
            }
            None => {
                return Variant {
                    title,
                    text,
                    source,
                    edits,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_replaced_only_whole() {
        let (s, n) = replace_number(
            "26 countries, 126 troops, 2.6 and 26.5, 1,260; 26.",
            "26",
            "27",
        );
        assert_eq!(s, "27 countries, 126 troops, 2.6 and 26.5, 1,260; 27.");
        assert_eq!(n, 2);
        let (s, n) = replace_number("$3.2 billion and 3.25", "3.2", "3.4");
        assert_eq!((s.as_str(), n), ("$3.4 billion and 3.25", 1));
    }

    #[test]
    fn words_are_replaced_only_whole() {
        assert_eq!(
            replace_words("Friday, Fridays", "Friday", "Monday"),
            ("Monday, Fridays".to_string(), 1)
        );
        assert_eq!(find_word("the saidx said", "said"), Some(10));
        assert_eq!(typo("monitoring", 0), "moniotring");
        assert_eq!(typo("monitoring", 1), "monitring");
        assert_eq!(typo("monitoring", 2), "monitooring");
    }
}
