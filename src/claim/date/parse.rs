//! The matcher: one left-to-right pass over the tokens, trying a few patterns at each anchor
//! token (a month, weekday, number, season, "today", "week" ...) with bounded look-behind and
//! look-ahead. Anchors that match consume their tokens, so the pass is linear.

use jiff::civil::Weekday;

use super::lex::{Kind, Tok};
use super::lexicon::{self as lx, Season, Unit, W};
use super::resolve::Part;

/// A parsed date expression, before resolution against the published date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A day or a day range: "Jan. 6", "Sept. 5-6, 2025", "2026-01-06".
    Day {
        y: Option<i32>,
        m: i8,
        d: i8,
        /// Inclusive end (month, day) for a range.
        end: Option<(i8, i8)>,
        wd: Option<Weekday>,
    },
    /// A month or part of one: "February 2022", "late August", "last May".
    Month {
        y: Option<i32>,
        m: i8,
        part: Part,
        rel: Option<i8>,
    },
    /// A year, part of one, or a range of years: "2008", "mid-2025", "2014-2016".
    Year {
        y: i32,
        part: Part,
        end_y: Option<i32>,
    },
    /// A decade: "the 1990s", "the early 2000s".
    Decade { y: i32, part: Part },
    /// A season: "spring 2024", "last summer", "in the autumn".
    Season {
        y: Option<i32>,
        s: Season,
        part: Part,
        rel: Option<i8>,
    },
    /// A weekday: "on Friday" (rel None), "last Friday" (-1), "this Friday" (0), "next Friday" (1).
    Weekday { wd: Weekday, rel: Option<i8> },
    /// today (0), yesterday (-1), tomorrow (1), "the day before yesterday" (-2).
    DayRel(i8),
    /// "last week", "earlier this year", "early next month".
    Unit {
        unit: Unit,
        rel: i8,
        part: Part,
        el: i8,
    },
    /// "over the weekend", "the weekend".
    Weekend,
    /// "two days ago".
    Ago { n: i64, unit: Unit },
    /// "the past two weeks" (dir -1), "the next three days" (dir 1).
    Window { n: i64, unit: Unit, dir: i8 },
}

/// A match: tokens `first..=last` and what they mean.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

pub(crate) struct Parser<'t, 'a> {
    pub t: &'t [Tok<'a>],
    /// Tokens before `floor` belong to an earlier match and may not be reused.
    pub floor: usize,
}

fn is_dash(t: &Tok<'_>) -> bool {
    matches!(t.kind, Kind::Punct('-' | '–' | '—' | '‐' | '‑'))
}

fn is_apostrophe(t: &Tok<'_>) -> bool {
    matches!(t.kind, Kind::Punct('\'' | '’' | 'ʼ'))
}

impl<'a> Parser<'_, 'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    /// Token `k` places before `i`, if it is not part of an earlier match.
    fn back(&self, i: usize, k: usize) -> Option<&Tok<'a>> {
        let j = i.checked_sub(k)?;
        if j < self.floor {
            return None;
        }
        self.t.get(j)
    }

    fn word(&self, i: usize) -> W {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => lx::classify(t.text),
            _ => W::Other,
        }
    }

    fn back_word(&self, i: usize, k: usize) -> W {
        match i.checked_sub(k) {
            Some(j) if j >= self.floor => self.word(j),
            _ => W::Other,
        }
    }

    fn back_is(&self, i: usize, k: usize, w: &str) -> bool {
        self.back(i, k).is_some_and(|t| t.is(w))
    }

    /// `t[i]` directly follows `t[i-1]` with no space.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    /// A day-of-month number at `i` ("6", "6th").
    fn day_at(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.has_sep || t.lead_digits > 2 || !(1..=31).contains(&t.value) {
            return None;
        }
        let suf = t.suffix();
        if !(suf.is_empty()
            || suf.eq_ignore_ascii_case("st")
            || suf.eq_ignore_ascii_case("nd")
            || suf.eq_ignore_ascii_case("rd")
            || suf.eq_ignore_ascii_case("th"))
        {
            return None;
        }
        // "Jan. 6:30", "6.5" are not days.
        if let Some(n) = self.tok(i + 1) {
            if !n.space_before && matches!(n.kind, Kind::Punct(':' | '%' | '/')) {
                return None;
            }
        }
        Some(t.value as i8)
    }

    /// A four-digit year number at `i` (no separators, no suffix).
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num
            && t.lead_digits == 4
            && !t.has_sep
            && t.suffix_len == 0
            && (1000..=2999).contains(&t.value)
        {
            // "2026-01": leave ISO to its own matcher; "2026.5" has a separator already.
            Some(t.value as i32)
        } else {
            None
        }
    }

    /// A month word at `i` usable with a day or year next to it.
    fn month_word(&self, i: usize) -> Option<(i8, bool)> {
        match self.word(i) {
            W::Month(m, abbr) => {
                let t = self.tok(i)?;
                // Lowercase "may"/"march"/"august" are words, not months.
                if !t.is_capitalized() && matches!(m, 3 | 5 | 8) {
                    return None;
                }
                Some((m, abbr))
            }
            _ => None,
        }
    }

    /// Skips the period of an abbreviated month ("Jan."): returns the index after it.
    fn after_month(&self, i: usize, abbr: bool) -> usize {
        if abbr
            && self
                .tok(i + 1)
                .is_some_and(|t| t.is_punct('.') && !t.space_before)
        {
            i + 2
        } else {
            i + 1
        }
    }

    /// Optional year after a day: ", 2026" or " 2026". Returns (year, last token).
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let t = self.tok(j)?;
        if t.is_punct(',') {
            let y = self.year_at(j + 1)?;
            if self.year_continues_as_count(j + 1) {
                return None;
            }
            return Some((y, j + 1));
        }
        let y = self.year_at(j)?;
        if self.year_continues_as_count(j) {
            return None;
        }
        Some((y, j))
    }

    /// "2000 people": the number at `i` is followed by a plural noun or a unit.
    fn year_continues_as_count(&self, i: usize) -> bool {
        match self.tok(i + 1) {
            Some(n) if n.kind == Kind::Word => {
                lx::is_not_year_after(n.text)
                    || (lx::looks_plural(n.text) && !lx::is_event_plural(n.text))
            }
            Some(n) => matches!(n.kind, Kind::Punct('%')),
            None => false,
        }
    }

    /// Early/mid/late before token `i`: "late August", "mid-2025", "the end of 2025".
    /// Returns the new first token and the part.
    fn part_before(&self, i: usize) -> Option<(usize, Part)> {
        // "mid-2025", "mid-March"
        if self
            .back(i, 1)
            .is_some_and(|t| is_dash(t) && !t.space_before)
            && self.glued(i)
        {
            if let W::Part(p @ (0..=2)) = self.back_word(i, 2) {
                let w = self.back(i, 2)?;
                if w.is("mid") || w.is("early") || w.is("late") {
                    return Some((i - 2, Part::from_code(p)));
                }
            }
        }
        if let Some(w) = self.back(i, 1) {
            if w.is("early") || w.is("mid") || w.is("late") {
                if let W::Part(p) = self.back_word(i, 1) {
                    return Some((i - 1, Part::from_code(p)));
                }
            }
            if w.is("of") {
                if let Some(w2) = self.back(i, 2) {
                    let p = if w2.is("end") {
                        Part::Late
                    } else if w2.is("beginning") || w2.is("start") {
                        Part::Early
                    } else if w2.is("middle") {
                        Part::Mid
                    } else {
                        return None;
                    };
                    let first = if self.back_is(i, 3, "the") {
                        i - 3
                    } else {
                        i - 2
                    };
                    return Some((first, p));
                }
            }
        }
        None
    }

    /// Includes a preceding "on" ("on Friday", "On Jan. 6").
    fn with_on(&self, first: usize) -> usize {
        if self.back_is(first, 1, "on") {
            first - 1
        } else {
            first
        }
    }

    /// A weekday right before `i` ("Friday, Jan. 6", "Fri. Jan. 6"). Returns (first, weekday).
    fn weekday_before(&self, i: usize) -> Option<(usize, Weekday)> {
        // "Friday, Jan. 6", "Tues., Dec. 30"
        let mut k = 1;
        while k <= 2
            && self
                .back(i, k)
                .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
        {
            k += 1;
        }
        match self.back_word(i, k) {
            W::Weekday(wd, abbr) => {
                let t = self.back(i, k)?;
                if abbr && !t.is_capitalized() {
                    return None;
                }
                Some((i - k, wd))
            }
            _ => None,
        }
    }

    /// "last year", "of this year", "next year" starting at `k`: (rel, last token).
    pub(crate) fn year_rel_at(&self, k: usize) -> Option<(i8, usize)> {
        let k = if self.tok(k).is_some_and(|t| t.is("of")) {
            k + 1
        } else {
            k
        };
        match (self.word(k), self.tok(k + 1)) {
            (W::Rel(r), Some(y)) if y.is("year") => Some((r, k + 1)),
            _ => None,
        }
    }

    /// Fixed-date holidays: Christmas (Eve/Day), New Year's Day/Eve, Halloween, Valentine's Day.
    fn holiday_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        if !t.is_capitalized() {
            return None;
        }
        let (m, d, mut last) = if t.is("christmas") {
            match self.tok(i + 1) {
                Some(n) if n.is("eve") => (12, 24, i + 1),
                Some(n) if n.is("day") => (12, 25, i + 1),
                _ => (12, 25, i),
            }
        } else if t.is("halloween") {
            (10, 31, i)
        } else if t.is("new") || t.is("valentine") {
            // New Year's Day / Eve, Valentine's Day
            let mut k = i + 1;
            if t.is("new") {
                if !self.tok(k).is_some_and(|w| w.is("year")) {
                    return None;
                }
                k += 1;
            }
            if self.tok(k).is_some_and(is_apostrophe)
                && self.tok(k + 1).is_some_and(|w| w.text == "s")
            {
                k += 2;
            }
            match self.tok(k) {
                Some(w) if w.is("day") && t.is("new") => (1, 1, k),
                Some(w) if w.is("eve") && t.is("new") => (12, 31, k),
                Some(w) if w.is("day") => (2, 14, k),
                _ => return None,
            }
        } else {
            return None;
        };
        let mut y = None;
        if let Some((yy, k)) = self.trailing_year(last + 1) {
            y = Some(yy);
            last = k;
        }
        Some(Match {
            first: self.with_on(i),
            last,
            expr: Expr::Day {
                y,
                m,
                d,
                end: None,
                wd: None,
            },
        })
    }

    /// European dotted dates: 6.1.2026 (day first).
    fn dotted_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        if t.suffix_len != 0 {
            return None;
        }
        let mut it = t.text.split('.');
        let (d, m, y) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        let (d, m, y): (i8, i8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        if !(1..=31).contains(&d) || !(1..=12).contains(&m) || !(1000..=2999).contains(&y) {
            return None;
        }
        Some(Match {
            first: self.with_on(i),
            last: i,
            expr: Expr::Day {
                y: Some(y),
                m,
                d,
                end: None,
                wd: None,
            },
        })
    }

    // Called for each token of each window: inlined into the scan loop, whatever the codegen
    // units (gen2k: 523k calls).
    #[inline]
    pub(crate) fn match_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        match t.kind {
            // Every word that can start a match has an anchor prefix: skip the rest cheaply.
            Kind::Word if !super::windows::may_anchor(t.text) => None,
            Kind::Word => match lx::classify(t.text) {
                W::Month(m, abbr) => self.month_at(i, m, abbr),
                W::Weekday(wd, abbr) => self.weekday_at(i, wd, abbr),
                W::DayRel(k) => self.dayrel_at(i, k),
                W::Unit(u, plural) => self.unit_at(i, u, plural),
                W::Season(s) => self.season_at(i, s),
                W::Other if lx::is_day_part(t.text) => self.day_part_at(i),
                W::Other => self.holiday_at(i),
                _ => None,
            },
            Kind::Num => self.num_at(i),
            Kind::Punct(c) if c == '\'' || c == '’' || c == '‘' => self.short_decade_at(i),
            Kind::Punct(_) => None,
        }
    }

    fn month_at(&self, i: usize, m: i8, abbr: bool) -> Option<Match> {
        let t = self.tok(i)?;
        let cap = t.is_capitalized();
        if !cap && matches!(m, 3 | 5 | 8) {
            return None;
        }
        if abbr && !cap {
            return None;
        }
        let j = self.after_month(i, abbr);
        // Month day [- day | - Month day] [, year]
        if let Some(d) = self.day_at(j) {
            let mut last = j;
            let mut end = None;
            if let Some(sep) = self.tok(j + 1) {
                if is_dash(sep) || sep.is("to") || sep.is("through") || sep.is("and") {
                    if let Some(d2) = self.day_at(j + 2) {
                        // "Jan. 6 and 7 people" is unlikely; require the second day to be later.
                        if d2 > d && !self.year_continues_as_count(j + 2) {
                            end = Some((m, d2));
                            last = j + 2;
                        }
                    } else if let Some((m2, abbr2)) = self.month_word(j + 2) {
                        let k = self.after_month(j + 2, abbr2);
                        if let Some(d2) = self.day_at(k) {
                            end = Some((m2, d2));
                            last = k;
                        }
                    }
                }
            }
            if end.is_none() && self.year_continues_as_count(j) {
                // "May 5 people": a count after all.
                if self.tok(j).is_none_or(|t| t.suffix_len == 0) {
                    return None;
                }
            }
            let mut y = None;
            if let Some((yy, k)) = self.trailing_year(last + 1) {
                y = Some(yy);
                last = k;
            }
            let (mut first, mut wd) = (i, None);
            if let Some((f, w)) = self.weekday_before(i) {
                first = f;
                wd = Some(w);
            }
            // "the 6th" handled by num_at; "on Jan. 6"
            let first = self.with_on(first);
            return Some(Match {
                first,
                last,
                expr: Expr::Day { y, m, d, end, wd },
            });
        }
        // Month year: "February 2022", "Feb. 2022", "February of 2022"
        let (year, last) = if let Some(y) = self.year_at(j) {
            (Some(y), j)
        } else if self.tok(j).is_some_and(|t| t.is("of")) && self.year_at(j + 1).is_some() {
            (self.year_at(j + 1), j + 1)
        } else {
            (None, i)
        };
        if let Some(y) = year {
            if self.year_continues_as_count(last) {
                return None;
            }
            let (first, part) = self.part_before(i).unwrap_or((i, Part::Whole));
            return Some(Match {
                first,
                last,
                expr: Expr::Month {
                    y: Some(y),
                    m,
                    part,
                    rel: None,
                },
            });
        }
        // A month alone needs a context word, and a capital for the ambiguous ones.
        if abbr {
            return None;
        }
        if t.text.len() > 1 && t.text.bytes().all(|b| b.is_ascii_uppercase()) && matches!(m, 3 | 5)
        {
            return None;
        }
        if let Some((first, part)) = self.part_before(i) {
            return Some(Match {
                first,
                last: i,
                expr: Expr::Month {
                    y: None,
                    m,
                    part,
                    rel: None,
                },
            });
        }
        if self.year_rel_at(i + 1).is_some() && !matches!(m, 5) {
            // "March last year": the year-relative suffix is added by the caller.
            return Some(Match {
                first: i,
                last: i,
                expr: Expr::Month {
                    y: None,
                    m,
                    part: Part::Whole,
                    rel: None,
                },
            });
        }
        let prev = self.back(i, 1)?;
        if let W::Rel(r) = lx::classify(prev.text) {
            if prev.kind == Kind::Word {
                let mut first = i - 1;
                let mut part = Part::Whole;
                if let Some(p) = self.back(i, 2) {
                    if p.is("early") || p.is("late") || p.is("mid") {
                        if let W::Part(c) = lx::classify(p.text) {
                            part = Part::from_code(c);
                            first = i - 2;
                        }
                    }
                }
                return Some(Match {
                    first,
                    last: i,
                    expr: Expr::Month {
                        y: None,
                        m,
                        part,
                        rel: Some(r),
                    },
                });
            }
        }
        let ok = prev.kind == Kind::Word
            && [
                "in",
                "since",
                "until",
                "till",
                "by",
                "from",
                "through",
                "during",
                "before",
                "after",
                "throughout",
                "between",
                "of",
            ]
            .iter()
            .any(|w| prev.is(w))
            || (!matches!(m, 3 | 5) && (prev.is("to") || prev.is("and") || prev.is("or")));
        if !ok {
            return None;
        }
        // "in May" followed by a lowercase verb-ish word ("trust in May to") is rare; "of May"
        // needs a period noun before it ("the end of May" is handled above, "the 5th of May" by
        // num_at).
        if prev.is("of") {
            let pp = self.back(i, 2)?;
            let okp = [
                "month", "week", "weeks", "part", "half", "days", "day", "rest",
            ]
            .iter()
            .any(|w| pp.is(w));
            if !okp {
                return None;
            }
        }
        Some(Match {
            first: i,
            last: i,
            expr: Expr::Month {
                y: None,
                m,
                part: Part::Whole,
                rel: None,
            },
        })
    }

    fn weekday_at(&self, i: usize, wd: Weekday, abbr: bool) -> Option<Match> {
        let t = self.tok(i)?;
        if let Some(p) = self.back(i, 1) {
            if p.is_capitalized() && lx::is_weekday_name_prefix(p.text) {
                return None;
            }
            if p.is("on") && self.back_is(i, 2, "mail") {
                return None;
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if n.kind == Kind::Word && lx::is_weekday_name_suffix(n.text) {
                return None;
            }
        }
        // Weekday followed by an absolute date: let the date matcher take both.
        let mut j = i + 1;
        if self
            .tok(j)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct('('))
        {
            j += 1;
        }
        if let Some(m) = self.absolute_day_at(j) {
            if let Expr::Day {
                y, m: mm, d, end, ..
            } = m.expr
            {
                let mut last = m.last;
                if self.tok(last + 1).is_some_and(|t| t.is_punct(')'))
                    && self.tok(i + 1).is_some_and(|t| t.is_punct('('))
                {
                    last += 1;
                }
                return Some(Match {
                    first: self.with_on(i),
                    last,
                    expr: Expr::Day {
                        y,
                        m: mm,
                        d,
                        end,
                        wd: Some(wd),
                    },
                });
            }
        }
        if abbr {
            return None;
        }
        if !t.is_capitalized() && t.text.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let mut first = i;
        let mut rel = None;
        match self.back_word(i, 1) {
            W::Rel(r) => {
                rel = Some(r);
                first = i - 1;
            }
            W::Coming => {
                rel = Some(1);
                first = i - 1;
                if self.back_is(i, 2, "this") {
                    first = i - 2;
                }
            }
            W::Past if self.back_is(i, 2, "this") => {
                rel = Some(-1);
                first = i - 2;
            }
            _ => {
                first = self.with_on(first);
            }
        }
        let mut last = i;
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && lx::is_day_part(n.text))
        {
            last = i + 1;
        }
        Some(Match {
            first,
            last,
            expr: Expr::Weekday { wd, rel },
        })
    }

    /// An absolute day starting at `j` (month-day or day-month), for the weekday prefix.
    fn absolute_day_at(&self, j: usize) -> Option<Match> {
        let m = match self.word(j) {
            W::Month(m, abbr) => self.month_at(j, m, abbr)?,
            _ => self.num_at(j)?,
        };
        matches!(m.expr, Expr::Day { .. }).then_some(m)
    }

    fn dayrel_at(&self, i: usize, k: i8) -> Option<Match> {
        let t = self.tok(i)?;
        // "Russia Today", "USA Today": a capitalized "Today" right after a capitalized word.
        if t.text.starts_with('T') && t.is("today") {
            if let Some(p) = self.back(i, 1) {
                if p.kind == Kind::Word
                    && p.text.chars().next().is_some_and(char::is_uppercase)
                    && !t.newline_before
                {
                    return None;
                }
            }
        }
        let mut first = i;
        let mut k = k;
        // "the day before yesterday", "the day after tomorrow"
        if k != 0
            && self.back_is(i, 2, "day")
            && (self.back_is(i, 1, "before") && k < 0 || self.back_is(i, 1, "after") && k > 0)
        {
            k *= 2;
            first = if self.back_is(i, 3, "the") {
                i - 3
            } else {
                i - 2
            };
        }
        let mut last = i;
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && lx::is_day_part(n.text))
            && !t.is("tonight")
        {
            last = i + 1;
        }
        Some(Match {
            first,
            last,
            expr: Expr::DayRel(k),
        })
    }

    /// "this morning", "last night".
    fn day_part_at(&self, i: usize) -> Option<Match> {
        let p = self.back(i, 1)?;
        let k = if p.is("this") {
            0
        } else if p.is("last") && self.tok(i)?.is("night") {
            -1
        } else {
            return None;
        };
        Some(Match {
            first: i - 1,
            last: i,
            expr: Expr::DayRel(k),
        })
    }

    /// A count before token `i`: a number, a number word, "a"/"an". Returns (first, n).
    fn count_before(&self, i: usize) -> Option<(usize, i64)> {
        let p = self.back(i, 1)?;
        match p.kind {
            Kind::Num => {
                let v = p.plain_num()?;
                (1..=1000).contains(&v).then_some((i - 1, v as i64))
            }
            Kind::Word => {
                if p.is("a") {
                    return Some((i - 1, 1));
                }
                match lx::classify(p.text) {
                    W::Num(2) if p.is("couple") => {
                        // "a couple of days"
                        None
                    }
                    W::Num(n) => Some((i - 1, i64::from(n))),
                    _ => {
                        if p.is("of") && self.back_is(i, 2, "couple") {
                            let first = if self.back_is(i, 3, "a") {
                                i - 3
                            } else {
                                i - 2
                            };
                            Some((first, 2))
                        } else {
                            None
                        }
                    }
                }
            }
            Kind::Punct(_) => None,
        }
    }

    fn unit_at(&self, i: usize, unit: Unit, plural: bool) -> Option<Match> {
        // N units ago
        if self.tok(i + 1).is_some_and(|t| t.is("ago")) {
            let (first, n) = self.count_before(i)?;
            if (n == 1) == plural
                && !(n == 1 && self.back(first, 0).is_some_and(|t| t.kind == Kind::Num))
            {
                // "two day ago" / "a days ago": leave it
                if n != 1 || plural {
                    return None;
                }
            }
            if unit == Unit::Weekend {
                return None;
            }
            return Some(Match {
                first,
                last: i + 1,
                expr: Expr::Ago { n, unit },
            });
        }
        // N units from now/today; within N units
        if self.tok(i + 1).is_some_and(|t| t.is("from"))
            && self
                .tok(i + 2)
                .is_some_and(|t| t.is("now") || t.is("today"))
            && unit != Unit::Weekend
        {
            let (first, n) = self.count_before(i)?;
            return Some(Match {
                first,
                last: i + 2,
                expr: Expr::Ago { n: -n, unit },
            });
        }
        if plural && unit != Unit::Weekend {
            if let Some((cfirst, n)) = self.count_before(i) {
                if self.back_is(cfirst, 1, "within") {
                    return Some(Match {
                        first: cfirst - 1,
                        last: i,
                        expr: Expr::Window { n, unit, dir: 1 },
                    });
                }
            }
        }
        // the past/last/next/coming N units
        if plural {
            let (cfirst, n) = self.count_before(i)?;
            let dir = match self.back_word(cfirst, 1) {
                W::Past | W::Rel(-1) => -1,
                W::Rel(1) | W::Coming => 1,
                _ => return None,
            };
            let mut first = cfirst - 1;
            if self.back_is(first, 1, "the") {
                first -= 1;
            }
            return Some(Match {
                first,
                last: i,
                expr: Expr::Window { n, unit, dir },
            });
        }
        if unit == Unit::Weekend {
            if self.back_word(i, 1) == W::Past && self.back_is(i, 2, "this") {
                return Some(Match {
                    first: i - 2,
                    last: i,
                    expr: Expr::Unit {
                        unit,
                        rel: -1,
                        part: Part::Whole,
                        el: 0,
                    },
                });
            }
            if let W::Rel(r) = self.back_word(i, 1) {
                return Some(Match {
                    first: i - 1,
                    last: i,
                    expr: Expr::Unit {
                        unit,
                        rel: r,
                        part: Part::Whole,
                        el: 0,
                    },
                });
            }
            if self.back_is(i, 1, "the") {
                let mut first = i - 1;
                if ["over", "at", "during", "on", "across", "throughout"]
                    .iter()
                    .any(|w| self.back_is(i, 2, w))
                {
                    first = i - 2;
                }
                return Some(Match {
                    first,
                    last: i,
                    expr: Expr::Weekend,
                });
            }
            return None;
        }
        if unit == Unit::Day {
            return None;
        }
        match self.back_word(i, 1) {
            W::Past if self.back_is(i, 2, "this") => Some(Match {
                first: i - 2,
                last: i,
                expr: Expr::Unit {
                    unit,
                    rel: -1,
                    part: Part::Whole,
                    el: 0,
                },
            }),
            W::Past if self.back_is(i, 2, "the") => Some(Match {
                first: i - 2,
                last: i,
                expr: Expr::Window {
                    n: 1,
                    unit,
                    dir: -1,
                },
            }),
            W::Coming if self.back_is(i, 2, "the") => Some(Match {
                first: i - 2,
                last: i,
                expr: Expr::Unit {
                    unit,
                    rel: 1,
                    part: Part::Whole,
                    el: 0,
                },
            }),
            W::Rel(r) => {
                let mut first = i - 1;
                let mut part = Part::Whole;
                let mut el = 0;
                match self.back_word(i, 2) {
                    W::EarlierLater(e) => {
                        el = e;
                        first = i - 2;
                    }
                    W::Part(p) => {
                        let w = self.back(i, 2)?;
                        if w.is("early") || w.is("mid") || w.is("late") {
                            part = Part::from_code(p);
                            first = i - 2;
                        }
                    }
                    _ => {
                        // "the end of last year"
                        if let Some((f, p)) = self.part_before(i - 1) {
                            part = p;
                            first = f;
                        }
                    }
                }
                if part != Part::Whole && unit == Unit::Week {
                    part = Part::Whole;
                }
                Some(Match {
                    first,
                    last: i,
                    expr: Expr::Unit {
                        unit,
                        rel: r,
                        part,
                        el,
                    },
                })
            }
            _ => None,
        }
    }

    fn season_at(&self, i: usize, s: Season) -> Option<Match> {
        let t = self.tok(i)?;
        let is_fall = t.is("fall");
        // spring 2024, the spring of 2024
        let year = if let Some(y) = self.year_at(i + 1) {
            Some((y, i + 1))
        } else if self.tok(i + 1).is_some_and(|t| t.is("of")) {
            self.year_at(i + 2).map(|y| (y, i + 2))
        } else {
            None
        };
        let (mut first, mut part) = (i, Part::Whole);
        if let Some(p) = self.back(i, 1) {
            if p.is("early") || p.is("late") || p.is("mid") {
                if let W::Part(c) = lx::classify(p.text) {
                    part = Part::from_code(c);
                    first = i - 1;
                }
            }
        }
        if let Some((y, last)) = year {
            if self.year_continues_as_count(last) {
                return None;
            }
            if self.back_is(first, 1, "the") {
                first -= 1;
            }
            return Some(Match {
                first,
                last,
                expr: Expr::Season {
                    y: Some(y),
                    s,
                    part,
                    rel: None,
                },
            });
        }
        // last/this/next summer, this past summer, this coming winter
        match self.back_word(first, 1) {
            W::Rel(r) => {
                return Some(Match {
                    first: first - 1,
                    last: i,
                    expr: Expr::Season {
                        y: None,
                        s,
                        part,
                        rel: Some(r),
                    },
                });
            }
            W::Past if self.back_is(first, 2, "this") => {
                return Some(Match {
                    first: first - 2,
                    last: i,
                    expr: Expr::Season {
                        y: None,
                        s,
                        part,
                        rel: Some(-1),
                    },
                });
            }
            W::Coming if self.back_is(first, 2, "this") => {
                return Some(Match {
                    first: first - 2,
                    last: i,
                    expr: Expr::Season {
                        y: None,
                        s,
                        part,
                        rel: Some(1),
                    },
                });
            }
            _ => {}
        }
        // in the spring / in spring / during the summer
        if t.is_capitalized()
            && !t.newline_before
            && self.back(first, 1).is_some_and(|p| p.is_capitalized())
        {
            return None; // "Arab Spring"
        }
        let mut k = 1;
        if self.back_is(first, 1, "the") {
            k = 2;
        } else if is_fall {
            return None;
        }
        let preps = [
            "in",
            "during",
            "by",
            "until",
            "over",
            "through",
            "since",
            "throughout",
            "this",
        ];
        if !preps.iter().any(|w| self.back_is(first, k, w)) {
            return None;
        }
        if is_fall && self.tok(i + 1).is_some_and(|t| t.is("of")) {
            return None; // "the fall of Kabul"
        }
        // "in the summer offensive": a season used as an adjective.
        if self.tok(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && n.text.bytes().all(|b| b.is_ascii_lowercase())
                && !n.is("and")
                && !n.is("when")
                && !n.is("as")
        }) {
            return None;
        }
        Some(Match {
            first: if k == 2 { first - 1 } else { first },
            last: i,
            expr: Expr::Season {
                y: None,
                s,
                part,
                rel: None,
            },
        })
    }

    /// '90s
    fn short_decade_at(&self, i: usize) -> Option<Match> {
        let n = self.tok(i + 1)?;
        if n.space_before
            || n.kind != Kind::Num
            || n.lead_digits != 2
            || n.has_sep
            || !n.suffix().eq_ignore_ascii_case("s")
            || n.value % 10 != 0
        {
            return None;
        }
        let y = if n.value >= 30 {
            1900 + n.value as i32
        } else {
            2000 + n.value as i32
        };
        let (mut first, part) = self.part_before(i).unwrap_or((i, Part::Whole));
        if self.back_is(first, 1, "the") {
            first -= 1;
        }
        Some(Match {
            first,
            last: i + 1,
            expr: Expr::Decade { y, part },
        })
    }

    fn num_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        if t.has_sep {
            return self.dotted_at(i);
        }
        // Glued to a preceding number or symbol: "3/2008", "$2008", "#2008"
        if let Some(p) = self
            .back(i, 1)
            .or_else(|| i.checked_sub(1).and_then(|j| self.t.get(j)))
        {
            if !t.space_before
                && matches!(
                    p.kind,
                    Kind::Num
                        | Kind::Punct(
                            '$' | '£'
                                | '€'
                                | '¥'
                                | '#'
                                | '№'
                                | '+'
                                | '/'
                                | '.'
                                | ':'
                                | ','
                                | '×'
                                | 'x'
                        )
                )
            {
                return None;
            }
            if matches!(p.kind, Kind::Punct('$' | '£' | '€' | '¥' | '#' | '№')) {
                return None;
            }
            // "555-2008": a number glued to a dash glued to a number.
            if !t.space_before
                && matches!(p.kind, Kind::Punct('-' | '–'))
                && i >= 2
                && !p.space_before
                && self.t[i - 2].kind == Kind::Num
            {
                return None;
            }
        }
        if t.lead_digits == 4 && (1000..=2999).contains(&t.value) {
            return self.year_num_at(i);
        }
        if t.lead_digits <= 2 {
            return self.day_num_at(i);
        }
        None
    }

    fn day_num_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        // US numeric date 1/6/2026 (month first unless the first number is over 12).
        if t.suffix_len == 0
            && self
                .tok(i + 1)
                .is_some_and(|s| s.is_punct('/') && !s.space_before)
            && self.glued(i + 2)
            && self.glued(i + 3)
            && self.glued(i + 4)
        {
            let a = self.tok(i + 2).and_then(Tok::plain_num)?;
            if self.tok(i + 3)?.is_punct('/') {
                let y = self.year_at(i + 4)?;
                let (m, d) = if t.value > 12 {
                    (a, t.value)
                } else {
                    (t.value, a)
                };
                if (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return Some(Match {
                        first: self.with_on(i),
                        last: i + 4,
                        expr: Expr::Day {
                            y: Some(y),
                            m: m as i8,
                            d: d as i8,
                            end: None,
                            wd: None,
                        },
                    });
                }
            }
            return None;
        }
        let d = self.day_at(i)?;
        let mut j = i + 1;
        let mut end_day = None;
        if let Some(sep) = self.tok(j) {
            if is_dash(sep) || sep.is("to") || sep.is("and") {
                if let Some(d2) = self.day_at(j + 1) {
                    if d2 > d && matches!(self.word(j + 2), W::Month(..)) {
                        end_day = Some(d2);
                        j += 2;
                    }
                }
            }
        }
        if self.tok(j).is_some_and(|t| t.is("of")) && t.suffix_len > 0 {
            j += 1;
        }
        let (m, abbr) = self.month_word(j)?;
        let mut last = self.after_month(j, abbr) - 1;
        let mut y = None;
        if let Some(yy) = self.year_at(last + 1) {
            if !self.year_continues_as_count(last + 1) {
                y = Some(yy);
                last += 1;
            }
        } else if self.tok(last + 1).is_some_and(|t| t.is_punct(',')) {
            if let Some(yy) = self.year_at(last + 2) {
                if !self.year_continues_as_count(last + 2) {
                    y = Some(yy);
                    last += 2;
                }
            }
        }
        let mut first = i;
        if t.suffix_len > 0 && self.back_is(i, 1, "the") {
            first = i - 1;
        }
        let mut wd = None;
        if let Some((f, w)) = self.weekday_before(first) {
            first = f;
            wd = Some(w);
        }
        Some(Match {
            first: self.with_on(first),
            last,
            expr: Expr::Day {
                y,
                m,
                d,
                end: end_day.map(|d2| (m, d2)),
                wd,
            },
        })
    }

    fn year_num_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        let v = t.value as i32;
        let suf = t.suffix();
        // Decades: 1990s, the early 2000s, 1990's
        let possessive_s = self
            .tok(i + 1)
            .is_some_and(|a| is_apostrophe(a) && !a.space_before)
            && self
                .tok(i + 2)
                .is_some_and(|s| s.text == "s" && !s.space_before);
        if (suf.eq_ignore_ascii_case("s") || possessive_s && self.back_is(i, 1, "the"))
            && v % 10 == 0
        {
            let (mut first, part) = self.part_before(i).unwrap_or((i, Part::Whole));
            if self.back_is(first, 1, "the") {
                first -= 1;
            }
            let last = if possessive_s { i + 2 } else { i };
            return Some(Match {
                first,
                last,
                expr: Expr::Decade { y: v, part },
            });
        }
        if !suf.is_empty() {
            return None;
        }
        // ISO 2026-01-06 / 2026/01/06 / 2026-01
        if let Some(s1) = self.tok(i + 1) {
            if matches!(s1.kind, Kind::Punct('-' | '/')) && !s1.space_before && self.glued(i + 2) {
                if let Some(n1) = self.tok(i + 2) {
                    if n1.kind == Kind::Num
                        && n1.lead_digits == 2
                        && !n1.has_sep
                        && n1.suffix_len == 0
                    {
                        let m = n1.value;
                        let s2 = self.tok(i + 3);
                        if s2.is_some_and(|s2| s2.kind == s1.kind && !s2.space_before)
                            && self.glued(i + 4)
                        {
                            let n2 = self.tok(i + 4)?;
                            if n2.kind == Kind::Num
                                && n2.lead_digits == 2
                                && !n2.has_sep
                                && n2.suffix_len == 0
                                && (1..=12).contains(&m)
                                && (1..=31).contains(&n2.value)
                            {
                                return Some(Match {
                                    first: self.with_on(i),
                                    last: i + 4,
                                    expr: Expr::Day {
                                        y: Some(v),
                                        m: m as i8,
                                        d: n2.value as i8,
                                        end: None,
                                        wd: None,
                                    },
                                });
                            }
                            return None;
                        }
                        if (1..=12).contains(&m) && s1.is_punct('-') && v >= 1900 {
                            // 2026-01 (year-month), but not "2014-15" (a year range, below) when m > 12.
                            let y_range_reading = n1.value as i32 > v % 100;
                            if !y_range_reading {
                                return Some(Match {
                                    first: i,
                                    last: i + 2,
                                    expr: Expr::Month {
                                        y: Some(v),
                                        m: m as i8,
                                        part: Part::Whole,
                                        rel: None,
                                    },
                                });
                            }
                        }
                    }
                }
            }
            // Year ranges: 2014-2016, 2014-15, 2014 – 2016
            if is_dash(s1) {
                if let Some(n1) = self.tok(i + 2) {
                    if n1.kind == Kind::Num
                        && !n1.has_sep
                        && n1.suffix_len == 0
                        && !self.year_continues_as_count(i + 2)
                    {
                        let end = match n1.lead_digits {
                            4 => n1.value as i32,
                            2 => v / 100 * 100 + n1.value as i32,
                            _ => 0,
                        };
                        if end > v && end - v <= 100 && self.year_ok(i) {
                            return Some(Match {
                                first: i,
                                last: i + 2,
                                expr: Expr::Year {
                                    y: v,
                                    part: Part::Whole,
                                    end_y: Some(end),
                                },
                            });
                        }
                        return None;
                    }
                }
            }
        }
        let (first, part) = self.part_before(i).unwrap_or((i, Part::Whole));
        if part == Part::Whole && !self.year_ok(i) {
            return None;
        }
        Some(Match {
            first,
            last: i,
            expr: Expr::Year {
                y: v,
                part,
                end_y: None,
            },
        })
    }

    /// Is the bare four-digit number at `i` a year (and not a count, label or time)?
    fn year_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let v = t.value;
        let prev = i.checked_sub(1).and_then(|j| self.t.get(j));
        let prev_word = prev.filter(|p| p.kind == Kind::Word);
        if let Some(p) = prev {
            if matches!(p.kind, Kind::Punct('$' | '£' | '€' | '¥' | '#' | '№')) {
                return false;
            }
            if p.is_punct('.') && i >= 2 && self.t[i - 2].is("no") {
                return false;
            }
        }
        if prev_word.is_some_and(|p| lx::is_not_year_before(p.text)) {
            return false;
        }
        let strong = prev_word.is_some_and(|p| lx::is_strong_year_prep(p.text));
        let yprep = prev_word.is_some_and(|p| lx::is_year_prep(p.text));
        if !(1900..=2099).contains(&v) && !yprep {
            return false;
        }
        if let Some(n) = self.tok(i + 1) {
            match n.kind {
                Kind::Punct('%') => return false,
                Kind::Punct(':')
                    if !n.space_before && self.tok(i + 2).is_some_and(|d| d.kind == Kind::Num) =>
                {
                    return false;
                }
                Kind::Punct(c) if is_dash(n) && !n.space_before => {
                    let _ = c;
                    // "2000-strong", "2008-page"
                    if self
                        .tok(i + 2)
                        .is_some_and(|w| w.kind == Kind::Word && !w.space_before)
                    {
                        return false;
                    }
                }
                Kind::Word => {
                    if lx::is_not_year_after(n.text) {
                        return false;
                    }
                    if !strong && lx::looks_plural(n.text) && !lx::is_event_plural(n.text) {
                        return false;
                    }
                    // "2000 to 3000 troops"
                    if (n.is("to") || n.is("and") || n.is("or"))
                        && self.tok(i + 2).is_some_and(|x| x.kind == Kind::Num)
                        && self.year_continues_as_count(i + 2)
                    {
                        return false;
                    }
                }
                _ => {}
            }
            if is_dash(n)
                && self.tok(i + 2).is_some_and(|x| x.kind == Kind::Num)
                && self.year_continues_as_count(i + 2)
            {
                return false;
            }
        }
        true
    }
}
