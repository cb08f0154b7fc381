//! Dates in news text: absolute ("Jan. 6", "February 2022", "the 1990s") and relative ("on
//! Friday", "last week", "two days ago"), each resolved to an inclusive day range.
//!
//! [`find_dates`] first scans the bytes for anchors (digits, and words whose first three letters
//! can start a month, weekday, "today", "week", season or holiday name), then tokenizes only a
//! window of about 100 bytes before and 140 after each anchor and runs the matcher there. Each
//! match looks at most a handful of tokens before and after its anchor, so the work is linear
//! in the text and there is no regular expression per token (about 100 MB/s of news text per
//! core, see `tests::throughput`).
//!
//! # Resolution
//!
//! Every mention gets a `[start, end]` day range (both inclusive) and a [`Granularity`]:
//!
//! | expression | range | granularity |
//! |---|---|---|
//! | `Jan. 6, 2026`, `2026-01-06`, `on Friday`, `yesterday` | that day | day |
//! | `Sept. 5-6, 2025` | Sept. 5 to Sept. 6 | day |
//! | `this week`, `last week` | Monday to Sunday | week |
//! | `over the weekend` | Saturday and Sunday | week |
//! | `February 2022`, `last month` | the month | month |
//! | `early`/`mid`/`late August` | days 1-10 / 11-20 / 21-end | month |
//! | `spring 2024` | March-May (summer June-August, autumn September-November, winter December-February of the next year) | season |
//! | `2008`, `last year` | the year | year |
//! | `early`/`mid`/`late 2025` | January-April / May-August / September-December | year |
//! | `earlier this year` | January 1 to the published date | year |
//! | `the 1990s` | 1990-01-01 to 1999-12-31 | decade |
//!
//! Relative expressions, and absolute ones without a year ("Jan. 6", "late August"), are resolved
//! against the document's `published` date in the **past reading**: news reports what happened.
//! "On Friday" is the most recent Friday on or before `published`; a month and day without a year
//! is the most recent such day not after `published` plus a margin of
//! [`FUTURE_MARGIN_DAYS`] (7) days, so "Jan. 8" in a piece dated
//! Jan. 5 stays in the same year. When the sentence speaks of the future before the date ("will",
//! "scheduled", "expected", "plans" ...), the next occurrence is taken instead; explicit "next
//! week" / "next Friday" / "tomorrow" are future anyway. These mentions have `relative: true`.
//! Without a `published` date they keep what is known (`weekday`, `month`, `day`) with `start`
//! and `end` set to `None`.
//!
//! A weekday stated with a day and month but no year ("on Tuesday, Feb. 21") chooses the year:
//! of the reading above, the year before it and the year after it, the first whose day falls on
//! that weekday (in that order); when none does, the reading above stays and the mention is
//! marked [`weekday_mismatch`](DateMention::weekday_mismatch), as is a full date whose stated
//! weekday is wrong ("Monday, Jan. 6, 2026", a Tuesday).
//!
//! # What is not a date
//!
//! "we" (not Wednesday), "may be" and "Theresa May" ("May" needs a day, a year or "in/last/early
//! May"), "march on", "Sat"/"Sun" (abbreviated weekdays only count in front of a full date), "US",
//! counts such as "50,000", "2,000 troops", "26 countries" and "1999 soldiers" (a four-digit
//! number followed by a plural noun or a unit is a quantity unless a preposition such as "since"
//! makes it a year), labels such as "Resolution 2334" or "Flight 2008", and times ("2000 GMT").
//!
//! # Spans
//!
//! A span covers the whole expression, including a leading "on" for day-level dates ("On Jan.
//! 6", "on Friday"), modifiers ("late August", "earlier this year", "over the weekend", "the
//! 1990s") and a weekday in front of a date ("Friday, Jan. 6"), but not other prepositions ("in"
//! 2008 gives "2008").
//!
//! ```
//! use crosscheck::claim::date::{find_dates, Granularity};
//! use jiff::civil::date;
//!
//! let text = "Russia said on Jan. 8 that troops deployed since 2014 were targets. \
//!             Putin spoke on Friday; in late August the EU said 2,000 troops were ready.";
//! let found = find_dates(text, Some(date(2026, 1, 10)));
//! let spans: Vec<&str> = found.iter().map(|d| d.span.slice(text)).collect();
//! assert_eq!(spans, ["on Jan. 8", "2014", "on Friday", "late August"]);
//! assert_eq!(found[0].start, Some(date(2026, 1, 8)));
//! assert_eq!(found[2].start, Some(date(2026, 1, 9)));
//! assert_eq!(found[3].granularity, Granularity::Month);
//! assert_eq!((found[3].start, found[3].end), (Some(date(2025, 8, 21)), Some(date(2025, 8, 31))));
//!
//! // Without a published date, relative mentions keep what is known.
//! let unresolved = find_dates("He spoke on Friday.", None);
//! assert_eq!(unresolved[0].start, None);
//! assert!(unresolved[0].relative);
//! assert_eq!(unresolved[0].weekday, Some(jiff::civil::Weekday::Friday));
//! ```

pub(crate) mod lex;
mod lexicon;
mod parse;
mod resolve;
mod windows;

#[cfg(test)]
mod tests;

use jiff::civil::{Date, Weekday};
use serde::{Serialize, Serializer};

use crate::corpus::Span;

use lex::{Kind, Tok};
use lexicon::Unit;
use parse::{Expr, Parser};
pub use resolve::FUTURE_MARGIN_DAYS;
use resolve::{Part, Range};

/// How precise a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A day or a range of days.
    Day,
    /// A week or a weekend.
    Week,
    /// A month, or part of one ("late August").
    Month,
    /// A season ("spring 2024").
    Season,
    /// A year, part of one ("mid-2025") or a range of years.
    Year,
    /// A decade ("the 1990s").
    Decade,
}

impl Granularity {
    /// The lowercase name, as serialized: `"day"`, `"week"`, ...
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
        }
    }
}

/// A date expression found in a text, with its resolved day range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Byte span of the expression in the text.
    pub span: Span,
    /// First day of the range (inclusive); `None` when it cannot be resolved (a relative date
    /// without a published date).
    #[serde(serialize_with = "ser_date")]
    pub start: Option<Date>,
    /// Last day of the range (inclusive); `None` when unresolved.
    #[serde(serialize_with = "ser_date")]
    pub end: Option<Date>,
    /// How precise the expression is.
    pub granularity: Granularity,
    /// True when the value depends on the published date: relative expressions ("on Friday",
    /// "last week") and dates stated without a year ("Jan. 6", "late August").
    pub relative: bool,
    /// The year as stated in the text, if any.
    pub year: Option<i16>,
    /// The month as stated (1-12), if any.
    pub month: Option<i8>,
    /// The day of the month as stated, if any.
    pub day: Option<i8>,
    /// The weekday as stated ("on Friday", "Friday, Jan. 6"), if any.
    #[serde(serialize_with = "ser_weekday")]
    pub weekday: Option<Weekday>,
    /// The stated weekday is not the weekday of the resolved day (a typo, or a wrong year):
    /// see the [module docs](self).
    pub weekday_mismatch: bool,
}

fn ser_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

fn ser_weekday<S: Serializer>(w: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Some(w) => s.serialize_str(weekday_name(*w)),
        None => s.serialize_none(),
    }
}

pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// True when `w` is a lowercase month name or abbreviation (`january`, `jan`, `sept`): the
/// month words of the date lexicon, the one list of them in [`crate::claim`].
pub(crate) fn is_month_word(w: &str) -> bool {
    is_lowercase_ascii_word(w) && matches!(lexicon::classify(w), lexicon::W::Month(..))
}

/// True when `w` is a lowercase full weekday name (`monday`, not `mon`), from the date lexicon.
pub(crate) fn is_weekday_word(w: &str) -> bool {
    is_lowercase_ascii_word(w) && matches!(lexicon::classify(w), lexicon::W::Weekday(_, false))
}

/// [`lexicon::classify`] ignores case; the callers above match lowercase words only.
fn is_lowercase_ascii_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Finds the date expressions in `text`, in order, without overlaps, resolving relative ones
/// against `published`. See the [module docs](self) for the rules.
pub fn find_dates(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for (ws, we) in windows::windows(text) {
        lex::tokenize(&text[ws..we], &mut toks);
        scan(&toks, published, ws, &mut out);
    }
    out
}

/// [`find_dates`] over the tokens of the whole `text` (from [`lex::tokenize`]), when a caller
/// has them anyway: only the tokens inside the anchor windows are matched, as in
/// [`find_dates`].
pub(crate) fn find_dates_in(
    text: &str,
    toks: &[Tok<'_>],
    published: Option<Date>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (ws, we) in windows::windows_in(text, toks) {
        let a = toks.partition_point(|t| t.start < ws);
        let b = a + toks[a..].partition_point(|t| t.start < we);
        scan(&toks[a..b], published, 0, &mut out);
    }
    out
}

/// Runs the matcher over the tokens of one window starting at byte `offset`.
fn scan(toks: &[Tok<'_>], published: Option<Date>, offset: usize, out: &mut Vec<DateMention>) {
    let mut p = Parser { t: toks, floor: 0 };
    let mut i = 0;
    while i < toks.len() {
        if let Some(mut m) = p.match_at(i) {
            // "May last year", "Jan. 6 of this year"
            let mut yrel = None;
            if matches!(
                m.expr,
                Expr::Day { y: None, .. }
                    | Expr::Month {
                        y: None,
                        rel: None,
                        ..
                    }
            ) {
                if let Some((r, last)) = p.year_rel_at(m.last + 1) {
                    yrel = Some(r);
                    m.last = last;
                }
            }
            let mut d = mention(toks, &m, published, yrel);
            d.span = Span::new(d.span.start + offset, d.span.end + offset);
            out.push(d);
            i = m.last + 1;
            p.floor = i;
        } else {
            i += 1;
        }
    }
}

/// True when a future cue ("will", "scheduled" ...) precedes token `first` in its sentence.
fn future_cue(toks: &[Tok<'_>], first: usize) -> bool {
    let mut j = first;
    let mut seen = 0;
    while j > 0 && seen < 12 {
        let t = &toks[j];
        if t.newline_before {
            break;
        }
        j -= 1;
        seen += 1;
        let p = &toks[j];
        match p.kind {
            Kind::Punct('.' | '!' | '?' | ';') => break,
            // "won" only as in "won't" (not the past of "win"), "plan" only as a verb ("plan
            // to", not "under a plan unveiled on ...").
            Kind::Word
                if p.is("won")
                    && toks
                        .get(j + 1)
                        .is_some_and(|a| a.is_punct('\'') || a.is_punct('’'))
                    && toks.get(j + 2).is_some_and(|t| t.is("t")) =>
            {
                return true;
            }
            Kind::Word if p.is("plan") && toks.get(j + 1).is_some_and(|t| t.is("to")) => {
                return true;
            }
            Kind::Word if p.is("won") || p.is("plan") => {}
            Kind::Word if lexicon::is_future_cue(p.text) => return true,
            _ => {}
        }
    }
    false
}

fn mention(
    toks: &[Tok<'_>],
    m: &parse::Match,
    published: Option<Date>,
    yrel: Option<i8>,
) -> DateMention {
    let span = Span::new(toks[m.first].start, toks[m.last].end);
    let mut out = DateMention {
        span,
        start: None,
        end: None,
        granularity: Granularity::Day,
        relative: true,
        year: None,
        month: None,
        day: None,
        weekday: None,
        weekday_mismatch: false,
    };
    let future = || future_cue(toks, m.first);
    let range: Option<Range> = match m.expr {
        Expr::Day {
            y,
            m: mo,
            d,
            end,
            wd,
        } => {
            out.month = Some(mo);
            out.day = Some(d);
            out.weekday = wd;
            out.year = y.and_then(|y| i16::try_from(y).ok());
            out.relative = y.is_none();
            let start = match (y, yrel) {
                (Some(y), _) => resolve::ymd(y, mo, d),
                (None, Some(r)) => {
                    published.and_then(|p| resolve::ymd(i32::from(p.year()) + i32::from(r), mo, d))
                }
                (None, None) => published.and_then(|p| {
                    let base = resolve::infer_year_md(mo, d, p, future())?;
                    // "on Tuesday, Feb. 21": the weekday picks the year near the reading.
                    let Some(w) = wd.filter(|w| base.weekday() != *w) else {
                        return Some(base);
                    };
                    let y = i32::from(base.year());
                    Some(
                        [y - 1, y + 1]
                            .into_iter()
                            .filter_map(|y| resolve::ymd(y, mo, d))
                            .find(|c| c.weekday() == w)
                            .unwrap_or(base),
                    )
                }),
            };
            out.weekday_mismatch = matches!((start, wd), (Some(s), Some(w)) if s.weekday() != w);
            start.and_then(|s| {
                let e = match end {
                    None => s,
                    Some((m2, d2)) => {
                        let y2 = i32::from(s.year()) + i32::from(m2 < mo);
                        resolve::ymd(y2, m2, d2)?
                    }
                };
                Some((s, e, Granularity::Day))
            })
        }
        Expr::Month {
            y,
            m: mo,
            part,
            rel,
        } => {
            out.granularity = Granularity::Month;
            out.month = Some(mo);
            out.year = y.and_then(|y| i16::try_from(y).ok());
            out.relative = y.is_none();
            let year = match (y, rel, published) {
                (Some(y), _, _) => Some(y),
                (None, None, Some(p)) if yrel.is_some() => {
                    Some(i32::from(p.year()) + i32::from(yrel.unwrap_or(0)))
                }
                (None, None, Some(p)) => resolve::infer_year_month(mo, p, future()),
                (None, Some(r), Some(p)) => {
                    let py = i32::from(p.year());
                    Some(match r {
                        r if r < 0 => {
                            if mo < p.month() {
                                py
                            } else {
                                py - 1
                            }
                        }
                        0 => py,
                        _ => {
                            if mo > p.month() {
                                py
                            } else {
                                py + 1
                            }
                        }
                    })
                }
                (None, _, None) => None,
            };
            year.and_then(|y| resolve::month_range(y, mo, part))
        }
        Expr::Year { y, part, end_y } => {
            out.granularity = Granularity::Year;
            out.relative = false;
            out.year = i16::try_from(y).ok();
            match end_y {
                None => resolve::year_range(y, part),
                Some(e) => resolve::year_range(y, Part::Whole)
                    .zip(resolve::year_range(e, Part::Whole))
                    .map(|(a, b)| (a.0, b.1, Granularity::Year)),
            }
        }
        Expr::Decade { y, part } => {
            out.granularity = Granularity::Decade;
            out.relative = false;
            out.year = i16::try_from(y).ok();
            resolve::decade_range(y, part)
        }
        Expr::Season { y, s, part, rel } => {
            out.granularity = Granularity::Season;
            out.year = y.and_then(|y| i16::try_from(y).ok());
            out.relative = y.is_none();
            match (y, published) {
                (Some(y), _) => resolve::season_range(y, s, part),
                (None, Some(p)) => resolve::infer_season(s, rel, p, future())
                    .and_then(|(st, _, _)| resolve::season_range(i32::from(st.year()), s, part)),
                (None, None) => None,
            }
        }
        Expr::Weekday { wd, rel } => {
            out.weekday = Some(wd);
            published.and_then(|p| {
                let d = match rel {
                    None if future() => resolve::weekday_after(p, wd)?,
                    None => resolve::weekday_on_or_before(p, wd)?,
                    Some(r) if r < 0 => {
                        resolve::weekday_on_or_before(resolve::add_days(p, -1)?, wd)?
                    }
                    Some(0) => {
                        let (monday, _) = resolve::week_of(p)?;
                        resolve::add_days(monday, i64::from(wd.to_monday_zero_offset()))?
                    }
                    Some(_) => resolve::weekday_after(p, wd)?,
                };
                Some((d, d, Granularity::Day))
            })
        }
        Expr::DayRel(k) => published.and_then(|p| {
            let d = resolve::add_days(p, i64::from(k))?;
            Some((d, d, Granularity::Day))
        }),
        Expr::Unit {
            unit,
            rel,
            part,
            el,
        } => {
            out.granularity = unit_granularity(unit);
            published.and_then(|p| resolve::relative_unit(unit, rel, part, el, p))
        }
        Expr::Weekend => {
            out.granularity = Granularity::Week;
            published.and_then(|p| resolve::bare_weekend(p, future()))
        }
        Expr::Ago { n, unit } => {
            out.granularity = unit_granularity(unit);
            published.and_then(|p| resolve::ago(n, unit, p))
        }
        Expr::Window { n, unit, dir } => {
            out.granularity = unit_granularity(unit);
            published.and_then(|p| resolve::window(n, unit, dir, p))
        }
    };
    if let Some((s, e, g)) = range {
        out.start = Some(s);
        out.end = Some(e);
        out.granularity = g;
    }
    out
}

fn unit_granularity(u: Unit) -> Granularity {
    match u {
        Unit::Day => Granularity::Day,
        Unit::Week | Unit::Weekend => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
    }
}
