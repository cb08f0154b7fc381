//! Calendar arithmetic: turning a parsed expression and an anchor date into a day range.
//!
//! Every function returns `None` instead of panicking when a date falls outside jiff's range.

use jiff::civil::{Date, Weekday};

use super::Granularity;
use super::lexicon::{Season, Unit};

/// How far after `published` a date without a year may fall and still be read in the
/// published year (reports of "Jan. 8" in a piece dated Jan. 5 are about the coming days).
pub const FUTURE_MARGIN_DAYS: i64 = 7;

/// A day range with its granularity.
pub(crate) type Range = (Date, Date, Granularity);

/// Part of a period: the whole, or its early, middle or late third.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

impl Part {
    pub(crate) fn from_code(code: u8) -> Part {
        match code {
            0 => Part::Early,
            1 => Part::Mid,
            _ => Part::Late,
        }
    }
}

pub(crate) fn ymd(y: i32, m: i8, d: i8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m, d).ok()
}

pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// First day of the month `delta` months from `d`'s month.
pub(crate) fn add_months(d: Date, delta: i32) -> Option<Date> {
    let total = i32::from(d.year()) * 12 + i32::from(d.month()) - 1 + delta;
    ymd(total.div_euclid(12), (total.rem_euclid(12) + 1) as i8, 1)
}

/// The whole month, or its early (1-10), mid (11-20) or late (21-end) part.
pub(crate) fn month_range(y: i32, m: i8, part: Part) -> Option<Range> {
    let first = ymd(y, m, 1)?;
    let last = first.last_of_month();
    let (s, e) = match part {
        Part::Whole => (first, last),
        Part::Early => (first, ymd(y, m, 10)?),
        Part::Mid => (ymd(y, m, 11)?, ymd(y, m, 20)?),
        Part::Late => (ymd(y, m, 21)?, last),
    };
    Some((s, e, Granularity::Month))
}

/// The whole year, or January-April (early), May-August (mid), September-December (late).
pub(crate) fn year_range(y: i32, part: Part) -> Option<Range> {
    let (m1, m2) = match part {
        Part::Whole => (1, 12),
        Part::Early => (1, 4),
        Part::Mid => (5, 8),
        Part::Late => (9, 12),
    };
    let end = ymd(y, m2, 1)?.last_of_month();
    Some((ymd(y, m1, 1)?, end, Granularity::Year))
}

/// The decade starting at `start` (1990), or its years 0-3, 4-6, 7-9.
pub(crate) fn decade_range(start: i32, part: Part) -> Option<Range> {
    let (a, b) = match part {
        Part::Whole => (0, 9),
        Part::Early => (0, 3),
        Part::Mid => (4, 6),
        Part::Late => (7, 9),
    };
    Some((
        ymd(start + a, 1, 1)?,
        ymd(start + b, 12, 31)?,
        Granularity::Decade,
    ))
}

/// A season occurrence, named by the year it starts in: spring = March-May, summer =
/// June-August, autumn = September-November, winter = December-February (of the next year).
pub(crate) fn season_range(y: i32, s: Season, part: Part) -> Option<Range> {
    let m = match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    };
    let first = ymd(y, m, 1)?;
    let (a, b) = match part {
        Part::Whole => (0, 2),
        Part::Early => (0, 0),
        Part::Mid => (1, 1),
        Part::Late => (2, 2),
    };
    let s = add_months(first, a)?;
    let e = add_months(first, b + 1)?;
    Some((s, add_days(e, -1)?, Granularity::Season))
}

/// Monday-to-Sunday week containing `d`.
pub(crate) fn week_of(d: Date) -> Option<(Date, Date)> {
    let monday = add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))?;
    Some((monday, add_days(monday, 6)?))
}

/// The most recent `wd` on or before `anchor`.
pub(crate) fn weekday_on_or_before(anchor: Date, wd: Weekday) -> Option<Date> {
    let delta =
        (anchor.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
    add_days(anchor, -i64::from(delta))
}

/// The first `wd` strictly after `anchor`.
pub(crate) fn weekday_after(anchor: Date, wd: Weekday) -> Option<Date> {
    let mut delta =
        (wd.to_monday_zero_offset() - anchor.weekday().to_monday_zero_offset()).rem_euclid(7);
    if delta == 0 {
        delta = 7;
    }
    add_days(anchor, i64::from(delta))
}

/// The year for a month/day given without one: the most recent occurrence not after
/// `published + FUTURE_MARGIN_DAYS` (past reading), or the first occurrence on or after
/// `published` when the sentence speaks of the future.
pub(crate) fn infer_year_md(m: i8, d: i8, published: Date, future: bool) -> Option<Date> {
    let y = i32::from(published.year());
    if future {
        (0..8).find_map(|k| ymd(y + k, m, d).filter(|c| *c >= published))
    } else {
        let limit = add_days(published, FUTURE_MARGIN_DAYS)?;
        (0..8).find_map(|k| ymd(y - k, m, d).filter(|c| *c <= limit))
    }
}

/// The year for a month given without one (same rule as [`infer_year_md`], on the month).
pub(crate) fn infer_year_month(m: i8, published: Date, future: bool) -> Option<i32> {
    let y = i32::from(published.year());
    if future {
        let last = ymd(y, m, 1)?.last_of_month();
        Some(if last >= published { y } else { y + 1 })
    } else {
        let limit = add_days(published, FUTURE_MARGIN_DAYS)?;
        Some(if ymd(y, m, 1)? <= limit { y } else { y - 1 })
    }
}

/// The season occurrence for "last/this/next spring" (`rel` = -1/0/1), or a bare "in the spring"
/// (`rel` = None: past reading, or the next occurrence when `future`).
pub(crate) fn infer_season(
    s: Season,
    rel: Option<i8>,
    published: Date,
    future: bool,
) -> Option<Range> {
    let y = i32::from(published.year());
    let range = |yy: i32| season_range(yy, s, Part::Whole);
    match rel {
        Some(0) => {
            let yy = if s == Season::Winter && published.month() <= 2 {
                y - 1
            } else {
                y
            };
            range(yy)
        }
        Some(r) if r < 0 => {
            let mut yy = y;
            while range(yy)?.1 >= published {
                yy -= 1;
            }
            range(yy)
        }
        Some(_) => {
            let mut yy = y - 1;
            while range(yy)?.0 <= published {
                yy += 1;
            }
            range(yy)
        }
        None if future => {
            let mut yy = y - 1;
            while range(yy)?.1 < published {
                yy += 1;
            }
            range(yy)
        }
        None => {
            let limit = add_days(published, FUTURE_MARGIN_DAYS)?;
            let mut yy = y;
            while range(yy)?.0 > limit {
                yy -= 1;
            }
            range(yy)
        }
    }
}

/// "last/this/next week|month|year|weekend" with an optional early/mid/late part, or
/// "earlier/later this ..." (`el` = -1/1: from the start of the period to `published`, or from
/// `published` to its end).
pub(crate) fn relative_unit(
    unit: Unit,
    rel: i8,
    part: Part,
    el: i8,
    published: Date,
) -> Option<Range> {
    let (s, e, g) = match unit {
        Unit::Day => {
            let d = add_days(published, i64::from(rel))?;
            (d, d, Granularity::Day)
        }
        Unit::Week => {
            let (m, s) = week_of(add_days(published, 7 * i64::from(rel))?)?;
            (m, s, Granularity::Week)
        }
        Unit::Weekend => {
            let (m, _) = week_of(add_days(published, 7 * i64::from(rel))?)?;
            (add_days(m, 5)?, add_days(m, 6)?, Granularity::Week)
        }
        Unit::Month => {
            let first = add_months(published, i32::from(rel))?;
            let r = month_range(i32::from(first.year()), first.month(), part)?;
            (r.0, r.1, Granularity::Month)
        }
        Unit::Year => {
            let r = year_range(i32::from(published.year()) + i32::from(rel), part)?;
            (r.0, r.1, Granularity::Year)
        }
        Unit::Decade => {
            let y = i32::from(published.year()).div_euclid(10) * 10 + 10 * i32::from(rel);
            decade_range(y, part)?
        }
    };
    match el {
        e2 if e2 < 0 && s <= published && published <= e => Some((s, published, g)),
        e2 if e2 > 0 && s <= published && published <= e => Some((published, e, g)),
        _ => Some((s, e, g)),
    }
}

/// "N units ago": the day, or the week/month/year that contains the day N units back.
pub(crate) fn ago(n: i64, unit: Unit, published: Date) -> Option<Range> {
    match unit {
        Unit::Day => {
            let d = add_days(published, -n)?;
            Some((d, d, Granularity::Day))
        }
        Unit::Week | Unit::Weekend => {
            let (m, s) = week_of(add_days(published, -7 * n)?)?;
            Some((m, s, Granularity::Week))
        }
        Unit::Month => {
            let first = add_months(published, -i32::try_from(n).ok()?)?;
            month_range(i32::from(first.year()), first.month(), Part::Whole)
        }
        Unit::Year => year_range(
            i32::from(published.year()) - i32::try_from(n).ok()?,
            Part::Whole,
        ),
        Unit::Decade => {
            let y = i32::from(published.year()) - 10 * i32::try_from(n).ok()?;
            year_range(y, Part::Whole).map(|(s, e, _)| (s, e, Granularity::Decade))
        }
    }
}

/// "the past N units" (`dir` = -1) or "the next/coming N units" (`dir` = 1): a window that ends
/// (or starts) at `published`.
pub(crate) fn window(n: i64, unit: Unit, dir: i8, published: Date) -> Option<Range> {
    let (other, g) = match unit {
        Unit::Day => (add_days(published, i64::from(dir) * n)?, Granularity::Day),
        Unit::Week | Unit::Weekend => (
            add_days(published, i64::from(dir) * 7 * n)?,
            Granularity::Week,
        ),
        Unit::Month => {
            let n32 = i32::try_from(n).ok()?;
            let first = add_months(published, i32::from(dir) * n32)?;
            let d = ymd(i32::from(first.year()), first.month(), published.day())
                .unwrap_or_else(|| first.last_of_month());
            (d, Granularity::Month)
        }
        Unit::Year => {
            let y = i32::from(published.year()) + i32::from(dir) * i32::try_from(n).ok()?;
            (
                ymd(y, published.month(), published.day())
                    .or_else(|| ymd(y, published.month(), 28))?,
                Granularity::Year,
            )
        }
        Unit::Decade => {
            let y = i32::from(published.year()) + i32::from(dir) * 10 * i32::try_from(n).ok()?;
            (ymd(y, published.month(), 1)?, Granularity::Decade)
        }
    };
    Some(if dir < 0 {
        (other, published, g)
    } else {
        (published, other, g)
    })
}

/// The weekend meant by a bare "the weekend" / "over the weekend": the one in progress on a
/// Saturday or Sunday, else the last one (or the next one when the sentence speaks of the future).
pub(crate) fn bare_weekend(published: Date, future: bool) -> Option<Range> {
    let off = published.weekday().to_monday_zero_offset();
    let (m, _) = week_of(published)?;
    let sat = if off >= 5 || future {
        add_days(m, 5)?
    } else {
        add_days(m, -2)?
    };
    Some((sat, add_days(sat, 1)?, Granularity::Week))
}
