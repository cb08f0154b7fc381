//! Comparing two aligned claims: quantity intervals, day ranges, quote word diffs.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::align::context::{is_negation, is_number};
use crate::align::{DateRange, Qualifier, Quantity};
use crate::report::DiffOp;
use crate::text;

/// How two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same statement.
    Equal,
    /// Different statements that can both be true.
    Compatible,
    /// Cannot both be true.
    Conflicting,
    /// Not enough information (a vague range without bounds, an unresolved date).
    Unknown,
}

/// The interval `[low, high]` a quantity commits to, before tolerance. Open ends are infinite.
/// `approx` is the relative half-width of an "around" figure when the extractor gave no bounds.
///
/// ```
/// use crosscheck::align::{Quantity, Qualifier};
/// use crosscheck::check::compare::interval;
///
/// let around = Quantity::new(Some(50_000.0), Qualifier::Approx, None, Some("soldiers"));
/// assert_eq!(interval(&around, 0.1), Some((45_000.0, 55_000.0)));
/// let fewer = Quantity::new(Some(30_000.0), Qualifier::Lt, None, None);
/// assert_eq!(interval(&fewer, 0.1), Some((f64::NEG_INFINITY, 30_000.0)));
/// ```
pub fn interval(q: &Quantity, approx: f64) -> Option<(f64, f64)> {
    let v = q.value;
    let (mut lo, mut hi) = (q.low, q.high);
    match q.qualifier {
        Qualifier::Exact => {
            lo = lo.or(v);
            hi = hi.or(v);
        }
        Qualifier::Approx => {
            if let Some(v) = v {
                if lo.is_none() || hi.is_none() || lo == hi {
                    lo = Some(v - v.abs() * approx);
                    hi = Some(v + v.abs() * approx);
                }
            }
        }
        Qualifier::Lt | Qualifier::Le => {
            hi = hi.or(v);
            lo = Some(lo.unwrap_or(f64::NEG_INFINITY));
        }
        Qualifier::Gt | Qualifier::Ge => {
            lo = lo.or(v);
            hi = Some(hi.unwrap_or(f64::INFINITY));
        }
        Qualifier::Range | Qualifier::Vague => {}
    }
    match (lo, hi) {
        (Some(l), Some(h)) if l <= h => Some((l, h)),
        (Some(l), Some(h)) => Some((h, l)),
        _ => None,
    }
}

/// Compares two quantities: equal when the same number with the same qualifier (or the same
/// interval); two different exact figures conflict, unless one is a round number; otherwise
/// compatible when the intervals, each widened by the relative `tolerance`, overlap, conflicting
/// when they do not.
///
/// ```
/// use crosscheck::align::{Quantity, Qualifier};
/// use crosscheck::check::compare::{compare_quantities, Relation};
///
/// let q = |v: f64, k| Quantity::new(Some(v), k, None, Some("troops"));
/// let thousands = Quantity::new(None, Qualifier::Vague, None, Some("troops"))
///     .with_bounds(Some(1_000.0), Some(10_000.0));
/// assert_eq!(compare_quantities(&q(50_000.0, Qualifier::Approx), &q(50_000.0, Qualifier::Exact), 0.05, 0.1), Relation::Compatible);
/// assert_eq!(compare_quantities(&thousands, &q(5_000.0, Qualifier::Exact), 0.05, 0.1), Relation::Compatible);
/// assert_eq!(compare_quantities(&q(50_000.0, Qualifier::Approx), &q(30_000.0, Qualifier::Lt), 0.05, 0.1), Relation::Conflicting);
/// ```
pub fn compare_quantities(a: &Quantity, b: &Quantity, tolerance: f64, approx: f64) -> Relation {
    if a.qualifier == b.qualifier
        && a.value.is_some()
        && a.value == b.value
        && a.low == b.low
        && a.high == b.high
    {
        return Relation::Equal;
    }
    let (Some(ia), Some(ib)) = (interval(a, approx), interval(b, approx)) else {
        return Relation::Unknown;
    };
    if ia == ib {
        return Relation::Equal;
    }
    // Two exact figures differ unless one of them is a round number (a rounding is not a change).
    // The same with two "about N" figures stated to more than two significant digits.
    let precise = |q: &Quantity| {
        matches!(q.qualifier, Qualifier::Exact | Qualifier::Approx)
            && q.value.is_some_and(|v| !is_round(v))
    };
    if a.qualifier == b.qualifier && precise(a) && precise(b) && a.value != b.value {
        return Relation::Conflicting;
    }
    let widen = |(l, h): (f64, f64)| (l - l.abs() * tolerance, h + h.abs() * tolerance);
    let (wa, wb) = (widen(ia), widen(ib));
    if wa.0 <= wb.1 && wb.0 <= wa.1 {
        Relation::Compatible
    } else {
        Relation::Conflicting
    }
}

/// True for a number with at most two significant digits and at least two trailing zeros
/// (`50,000`, `1,200`, `300`): the kind of figure that is often a rounding.
///
/// ```
/// use crosscheck::check::compare::is_round;
/// assert!(is_round(50_000.0) && is_round(1_200.0) && is_round(300.0));
/// assert!(!is_round(385.0) && !is_round(53.7) && !is_round(1_234.0) && !is_round(40.0));
/// ```
pub fn is_round(x: f64) -> bool {
    if !x.is_finite() || x.fract() != 0.0 || x.abs() < 100.0 {
        return false;
    }
    let mut n = x.abs() as u64;
    let mut zeros = 0;
    while n % 10 == 0 {
        n /= 10;
        zeros += 1;
    }
    zeros >= 2 && n < 100
}

/// Compares two day ranges; unresolved dates are [`Relation::Unknown`].
pub fn compare_dates(a: &DateRange, b: &DateRange) -> Relation {
    let (Some(sa), Some(ea), Some(sb), Some(eb)) = (a.start, a.end, b.start, b.end) else {
        return Relation::Unknown;
    };
    if (sa, ea) == (sb, eb) {
        Relation::Equal
    } else if sa <= eb && sb <= ea {
        Relation::Compatible
    } else {
        Relation::Conflicting
    }
}

/// True when a date as written is a weekday and nothing else ("on Friday", "Sunday"): its day
/// depends on which week the reader assumes.
///
/// ```
/// use crosscheck::check::compare::is_bare_weekday;
///
/// assert!(is_bare_weekday("on Sunday"));
/// assert!(!is_bare_weekday("on Sunday, June 29"));
/// assert!(!is_bare_weekday("last week"));
/// ```
pub fn is_bare_weekday(text: &str) -> bool {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const FILLER: &[&str] = &["on", "last", "this", "past", "the", "early", "late"];
    let mut weekday = false;
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if WEEKDAYS.contains(&w.as_str()) {
            weekday = true;
        } else if !FILLER.contains(&w.as_str()) {
            return false;
        }
    }
    weekday
}

/// The weekday a date as written names, if any ("on Tuesday, Feb. 21" -> Tuesday).
///
/// ```
/// use crosscheck::check::compare::stated_weekday;
/// assert_eq!(stated_weekday("on Tuesday, Feb. 21"), Some(jiff::civil::Weekday::Tuesday));
/// assert_eq!(stated_weekday("Feb. 21"), None);
/// ```
pub fn stated_weekday(text: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday::*;
    text.split(|c: char| !c.is_alphanumeric())
        .find_map(|w| match w.to_lowercase().as_str() {
            "monday" => Some(Monday),
            "tuesday" => Some(Tuesday),
            "wednesday" => Some(Wednesday),
            "thursday" => Some(Thursday),
            "friday" => Some(Friday),
            "saturday" => Some(Saturday),
            "sunday" => Some(Sunday),
            _ => None,
        })
}

/// False when the date as written names a weekday and was resolved to a single day that is
/// another weekday (a wrong year or week); true otherwise.
///
/// ```
/// use crosscheck::align::DateRange;
/// use crosscheck::check::compare::weekday_consistent;
///
/// let day = |d: &str| DateRange { start: Some(d.parse().unwrap()), end: Some(d.parse().unwrap()),
///                                 granularity: "day".into(), relative: true, weekday: None,
///                                 bare_weekday: false };
/// assert!(weekday_consistent("on Tuesday, Feb. 21", &day("2023-02-21")));
/// assert!(!weekday_consistent("on Tuesday, Feb. 21", &day("2024-02-21")));
/// assert!(weekday_consistent("on Feb. 21", &day("2024-02-21")));
/// ```
pub fn weekday_consistent(text: &str, d: &DateRange) -> bool {
    stated_weekday_consistent(stated_weekday(text), d)
}

/// [`weekday_consistent`] on the weekday a date states (the parts carried in [`DateRange`]).
///
/// ```
/// use crosscheck::align::DateRange;
/// use crosscheck::check::compare::stated_weekday_consistent;
/// use jiff::civil::Weekday;
///
/// let day = |d: &str, w| DateRange { start: Some(d.parse().unwrap()), end: Some(d.parse().unwrap()),
///                                    granularity: "day".into(), relative: true, weekday: w,
///                                    bare_weekday: false };
/// let tue = Some(Weekday::Tuesday);
/// assert!(stated_weekday_consistent(tue, &day("2023-02-21", tue)));
/// assert!(!stated_weekday_consistent(tue, &day("2024-02-21", tue)));
/// assert!(stated_weekday_consistent(None, &day("2024-02-21", None)));
/// ```
pub fn stated_weekday_consistent(weekday: Option<jiff::civil::Weekday>, d: &DateRange) -> bool {
    match (weekday, d.start, d.end) {
        (Some(w), Some(s), Some(e)) if s == e => s.weekday() == w,
        _ => true,
    }
}

/// True when two resolved single days fall on the same weekday.
pub fn same_weekday(a: &DateRange, b: &DateRange) -> bool {
    match (a.start, a.end, b.start, b.end) {
        (Some(sa), Some(ea), Some(sb), Some(eb)) if sa == ea && sb == eb => {
            sa.weekday() == sb.weekday()
        }
        _ => false,
    }
}

/// Auxiliary verbs that change tense or aspect but not what is said.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "shall", "do", "does",
    "did",
];

/// A word diff of two texts and what changed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct WordDiff {
    /// The diff, consecutive words of one kind merged.
    pub ops: Vec<DiffOp>,
    /// Share of words in common: `2 * equal / (len a + len b)`.
    pub ratio: f64,
    /// True when the normalized words are identical.
    pub identical: bool,
    /// The numbers differ (as sorted multisets).
    pub numbers_changed: bool,
    /// The count of negation words differs.
    pub negation_changed: bool,
    /// One version is the other with words cut at the start or the end only (a partial quote).
    pub truncated: bool,
    /// Only function words and inflections differ ("continues" / "is continuing"): the same
    /// content words, stem by stem, in the same order.
    pub same_content: bool,
}

/// A crude English stem: lower case without -ing, -ed, -es, -s, -ly and a final -e.
///
/// ```
/// use crosscheck::check::compare::stem;
/// assert_eq!(stem("continues"), stem("continuing"));
/// assert_eq!(stem("killed"), stem("kills"));
/// ```
pub fn stem(w: &str) -> String {
    stem_lower(&w.to_lowercase()).to_string()
}

/// [`stem`] of a word, borrowed when it is already lower case ASCII (a normalized token, most
/// often): no allocation.
fn stem_cow(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(stem_lower(w))
    } else {
        std::borrow::Cow::Owned(stem(w))
    }
}

/// [`stem`] of a lower-case word.
fn stem_lower(w: &str) -> &str {
    let mut s = w;
    for suf in ["ing", "ed", "es", "s", "ly"] {
        if let Some(stripped) = s.strip_suffix(suf) {
            if stripped.chars().count() >= 3 {
                s = stripped;
                break;
            }
        }
    }
    s.strip_suffix('e')
        .filter(|x| x.chars().count() >= 3)
        .unwrap_or(s)
}

/// The tokens of a text as [`word_diff`] reads them, with what its summary needs (the numbers,
/// the negations, the content-word stems), computed once per text: a quote compared with several
/// others is tokenized once.
#[derive(Debug, Clone)]
pub struct DiffTokens {
    /// The normalized tokens, concatenated.
    buf: String,
    /// Per token: its span in the text and its end in `buf` (it starts where the previous ends).
    tokens: Vec<(crate::corpus::Span, u32)>,
    /// The tokens that are numbers, sorted.
    numbers: Vec<Box<str>>,
    /// The number of negation words.
    negations: usize,
    /// The stems of the content words, in order, concatenated, with their ends.
    stems: String,
    stem_ends: Vec<u32>,
}

impl DiffTokens {
    /// Tokenizes `text`.
    pub fn new(text: &str) -> DiffTokens {
        let mut buf = String::new();
        let mut tokens = Vec::new();
        text::for_each_token(text, |span, t| {
            buf.push_str(t);
            tokens.push((span, buf.len() as u32));
        });
        let mut d = DiffTokens {
            buf,
            tokens,
            numbers: Vec::new(),
            negations: 0,
            stems: String::new(),
            stem_ends: Vec::new(),
        };
        let words = d.words();
        let mut numbers: Vec<Box<str>> = words
            .iter()
            .filter(|t| is_number(t))
            .map(|t| Box::from(*t))
            .collect();
        numbers.sort_unstable();
        let negations = words.iter().filter(|t| is_negation(t)).count();
        let (mut stems, mut stem_ends) = (String::new(), Vec::new());
        for t in words
            .iter()
            .filter(|t| !crate::align::context::is_stop_word(t) && !AUXILIARIES.contains(t))
        {
            stems.push_str(&stem_cow(t));
            stem_ends.push(stems.len() as u32);
        }
        d.numbers = numbers;
        d.negations = negations;
        d.stems = stems;
        d.stem_ends = stem_ends;
        d
    }

    /// The normalized tokens.
    fn words(&self) -> Vec<&str> {
        let mut start = 0;
        self.tokens
            .iter()
            .map(|&(_, end)| {
                let w = &self.buf[start..end as usize];
                start = end as usize;
                w
            })
            .collect()
    }

    /// The stems of the content words, in order.
    fn stems(&self) -> impl Iterator<Item = &str> + '_ {
        self.stem_ends.iter().scan(0usize, move |start, &end| {
            let w = &self.stems[*start..end as usize];
            *start = end as usize;
            Some(w)
        })
    }
}

/// [`WordDiff`] without the diff itself: what changed between two tokenized texts.
///
/// Kept apart from [`WordDiff`] rather than nested in it: `WordStats` is the `Copy` summary every
/// compared pair of quotes needs (no diff written, no allocation), while `WordDiff`'s flat public
/// fields are read by library users; both are filled by one function (`diff_tokens`), so their
/// figures cannot drift apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordStats {
    /// See [`WordDiff::ratio`].
    pub ratio: f64,
    /// See [`WordDiff::identical`].
    pub identical: bool,
    /// See [`WordDiff::numbers_changed`].
    pub numbers_changed: bool,
    /// See [`WordDiff::negation_changed`].
    pub negation_changed: bool,
    /// See [`WordDiff::truncated`].
    pub truncated: bool,
    /// See [`WordDiff::same_content`].
    pub same_content: bool,
}

/// The word diff of two tokenized texts: the diff operations and the summary of [`WordStats`]
/// (the same for every caller: [`word_diff`] and [`word_stats`] share it).
fn diff_tokens(a: &DiffTokens, b: &DiffTokens) -> (Vec<similar::DiffOp>, WordStats) {
    let (ta, tb) = (a.words(), b.words());
    let ops = capture_diff_slices(Algorithm::Myers, &ta, &tb);
    // The kinds of the merged runs (consecutive words of one kind merged; 0 equal, 1 delete,
    // 2 insert), as `word_diff` writes them.
    let mut runs: Vec<u8> = Vec::new();
    let mut push = |kind: u8, words: usize| {
        if words > 0 && runs.last() != Some(&kind) {
            runs.push(kind);
        }
    };
    let mut equal = 0;
    for op in &ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                equal += ra.len();
                push(0, ra.len());
            }
            DiffTag::Delete => push(1, ra.len()),
            DiffTag::Insert => push(2, rb.len()),
            DiffTag::Replace => {
                push(1, ra.len());
                push(2, rb.len());
            }
        }
    }
    let total = ta.len() + tb.len();
    let ratio = if total == 0 {
        1.0
    } else {
        2.0 * equal as f64 / total as f64
    };
    // Equal runs in the middle, insertions or deletions (of one side only) at the ends.
    let truncated = {
        let changed: Vec<(usize, u8)> = runs
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, k)| k != 0)
            .collect();
        !changed.is_empty()
            && runs.contains(&0)
            && changed.iter().all(|&(i, _)| i == 0 || i == runs.len() - 1)
            && changed.iter().all(|&(_, k)| k == changed[0].1)
    };
    let stats = WordStats {
        truncated,
        identical: ta.len() == tb.len() && equal == ta.len(),
        numbers_changed: a.numbers != b.numbers,
        negation_changed: a.negations != b.negations,
        same_content: a.stems().eq(b.stems()),
        ratio,
    };
    (ops, stats)
}

/// What changed between two tokenized texts ([`word_diff`] without writing the diff).
///
/// ```
/// use crosscheck::check::compare::{word_diff, word_stats, DiffTokens};
///
/// let (a, b) = ("We will send 5,000 troops.", "We will not send 50,000 troops");
/// let s = word_stats(&DiffTokens::new(a), &DiffTokens::new(b));
/// let d = word_diff(a, b);
/// assert!(s.numbers_changed && s.negation_changed);
/// assert_eq!((s.ratio, s.truncated, s.same_content), (d.ratio, d.truncated, d.same_content));
/// ```
pub fn word_stats(a: &DiffTokens, b: &DiffTokens) -> WordStats {
    diff_tokens(a, b).1
}

/// Diffs two texts word by word (on normalized tokens, shown as written).
///
/// ```
/// use crosscheck::check::compare::word_diff;
///
/// let d = word_diff("We will send 5,000 troops.", "We will not send 50,000 troops");
/// assert!(d.numbers_changed && d.negation_changed);
/// let ops: Vec<_> = d.ops.iter().map(|o| (o.op, o.text.as_str())).collect();
/// assert_eq!(ops, [("equal", "We will"), ("insert", "not"), ("equal", "send"),
///                  ("delete", "5,000"), ("insert", "50,000"), ("equal", "troops")]);
/// ```
pub fn word_diff(a: &str, b: &str) -> WordDiff {
    let (da, db) = (DiffTokens::new(a), DiffTokens::new(b));
    let (ops, stats) = diff_tokens(&da, &db);
    let (sa, sb) = (&da.tokens, &db.tokens);
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: &'static str, words: &mut dyn Iterator<Item = &str>| {
        for w in words {
            match out.last_mut() {
                Some(last) if last.op == op => {
                    last.text.push(' ');
                    last.text.push_str(w);
                }
                _ => out.push(DiffOp {
                    op,
                    text: w.to_string(),
                }),
            }
        }
    };
    for op in &ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push("equal", &mut sa[ra].iter().map(|t| t.0.slice(a))),
            DiffTag::Delete => push("delete", &mut sa[ra].iter().map(|t| t.0.slice(a))),
            DiffTag::Insert => push("insert", &mut sb[rb].iter().map(|t| t.0.slice(b))),
            DiffTag::Replace => {
                push("delete", &mut sa[ra].iter().map(|t| t.0.slice(a)));
                push("insert", &mut sb[rb].iter().map(|t| t.0.slice(b)));
            }
        }
    }
    WordDiff {
        truncated: stats.truncated,
        identical: stats.identical,
        numbers_changed: stats.numbers_changed,
        negation_changed: stats.negation_changed,
        same_content: stats.same_content,
        ratio: stats.ratio,
        ops: out,
    }
}

/// Formats a number with thousands separators and at most two decimals.
///
/// ```
/// use crosscheck::check::compare::format_number;
/// assert_eq!(format_number(50_000.0), "50,000");
/// assert_eq!(format_number(1.5), "1.5");
/// assert_eq!(format_number(-1234567.25), "-1,234,567.25");
/// ```
pub fn format_number(x: f64) -> String {
    let mut s = String::new();
    push_number(&mut s, x);
    s
}

/// `|x|` in hundredths, rounded to nearest as `{:.2}` rounds it; `None` for NaN, infinities,
/// `|x| >= 2^45` and exact ties (which `{:.2}` settles by its own rule).
///
/// The candidate `round(|x| * 100)` can be off by one (the product is rounded); it is checked
/// against the exact midpoints: the sign of `|x| * 100 - (n ± 0.5)` computed with one rounding
/// (`mul_add`) is the sign of the exact value, and `n ± 0.5` is exact below 2^52.
fn hundredths(x: f64) -> Option<u64> {
    let a = x.abs();
    if a.is_nan() || a >= 35_184_372_088_832.0 {
        return None; // 2^45
    }
    let mut n = (a * 100.0).round();
    loop {
        let above = a.mul_add(100.0, -(n + 0.5));
        let below = a.mul_add(100.0, -(n - 0.5));
        if above == 0.0 || below == 0.0 {
            return None;
        }
        if above > 0.0 {
            n += 1.0;
        } else if below < 0.0 {
            n -= 1.0;
        } else {
            return Some(n as u64);
        }
    }
}

/// [`format_number`] appended to `out`. Whole numbers below 2^53 (most figures) are written
/// from their integer digits, other numbers below 2^45 from their [`hundredths`]; the rest (and
/// ties) through [`format_number_plain`].
fn push_number(out: &mut String, x: f64) {
    use crate::report::json::decimal_digits;
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is an f64
    let mut digits = [0u8; 20];
    if x.fract() == 0.0 && x.abs() < EXACT {
        let n = x.abs() as u64;
        if x < 0.0 && n != 0 {
            out.push('-');
        }
        let at = decimal_digits(n, &mut digits);
        push_grouped(out, &digits[at..]);
    } else if let Some(n) = hundredths(x) {
        let (int, frac) = (n / 100, n % 100);
        if x < 0.0 && n != 0 {
            out.push('-');
        }
        let at = decimal_digits(int, &mut digits);
        push_grouped(out, &digits[at..]);
        if frac != 0 {
            out.push('.');
            out.push(char::from(b'0' + (frac / 10) as u8));
            if frac % 10 != 0 {
                out.push(char::from(b'0' + (frac % 10) as u8));
            }
        }
    } else {
        out.push_str(&format_number_plain(x));
    }
}

/// `digits` (ASCII) with a comma every three digits from the right.
fn push_grouped(out: &mut String, digits: &[u8]) {
    for (i, &c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(c));
    }
}

/// [`format_number`] by way of `{:.2}`, for any number.
fn format_number_plain(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let s = format!("{:.2}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let sign = if x < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    let mut out = String::from(sign);
    push_grouped(&mut out, int.as_bytes());
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A readable statement of what a quantity commits to: `≈50,000 soldiers (45,000–55,000)`.
pub fn describe_quantity(q: &Quantity, approx: f64) -> String {
    let mut s = String::new();
    push_interval(&mut s, q, approx);
    if let Some(n) = &q.noun {
        s.push(' ');
        s.push_str(n);
    }
    s
}

/// The number part of [`describe_quantity`], with the unit: `≈50,000 (45,000–55,000)`.
pub fn describe_interval(q: &Quantity, approx: f64) -> String {
    let mut s = String::new();
    push_interval(&mut s, q, approx);
    s
}

/// [`describe_interval`] appended to `s`.
fn push_interval(s: &mut String, q: &Quantity, approx: f64) {
    match (q.qualifier, q.value, interval(q, approx)) {
        (Qualifier::Exact, Some(v), _) => push_number(s, v),
        (Qualifier::Approx, Some(v), Some((l, h))) => {
            s.push('≈');
            push_number(s, v);
            s.push_str(" (");
            push_number(s, l);
            s.push('–');
            push_number(s, h);
            s.push(')');
        }
        // A bound: the upper end of the interval for "<" and "≤", the lower for ">" and "≥".
        (Qualifier::Lt | Qualifier::Le, _, Some((_, x)))
        | (Qualifier::Gt | Qualifier::Ge, _, Some((x, _))) => {
            s.push_str(match q.qualifier {
                Qualifier::Lt => "< ",
                Qualifier::Le => "≤ ",
                Qualifier::Gt => "> ",
                _ => "≥ ",
            });
            push_number(s, x);
        }
        (Qualifier::Range, _, Some((l, h))) => {
            push_number(s, l);
            s.push('–');
            push_number(s, h);
        }
        (Qualifier::Vague, _, Some((l, h))) => {
            push_number(s, l);
            s.push('–');
            push_number(s, h);
            s.push_str(" (vague)");
        }
        (_, Some(v), _) => push_number(s, v),
        _ => s.push('?'),
    }
    if let Some(u) = &q.unit {
        s.push(' ');
        s.push_str(u);
    }
}

/// A readable day range: `2026-01-06`, `2026-01-05..2026-01-11 (week)`, `unresolved (relative)`.
pub fn describe_date(d: &DateRange) -> String {
    match (d.start, d.end) {
        (Some(s), Some(e)) if s == e => {
            format!("{s}{}", if d.relative { " (relative)" } else { "" })
        }
        (Some(s), Some(e)) => format!(
            "{s}..{e} ({}{})",
            d.granularity,
            if d.relative { ", relative" } else { "" }
        ),
        _ => format!(
            "unresolved ({})",
            if d.relative {
                "relative"
            } else {
                d.granularity.as_str()
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{format_number, format_number_plain};

    #[test]
    fn whole_numbers_are_grouped() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(-1_234_567.0), "-1,234,567");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1_000.0), "1,000");
        assert_eq!(format_number(f64::INFINITY), "∞");
        assert_eq!(
            format_number(9_007_199_254_740_992.0),
            "9,007,199,254,740,992"
        );
    }

    /// Ties, near-ties and the range edge, which the proptests hit only by chance.
    #[test]
    fn ties_and_edges_match_plain_path() {
        for x in [
            0.125,
            -0.125,
            0.375,
            2.675,
            1.005,
            -0.004,
            -0.001,
            0.005,
            35_184_372_088_831.99,
            35_184_372_088_832.5,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(format_number(x), format_number_plain(x), "{x}");
        }
        assert_eq!(super::hundredths(0.125), None);
        assert_eq!(super::hundredths(2.675), Some(267));
    }

    proptest::proptest! {
        #[test]
        fn fast_path_matches_plain_path(x in proptest::num::f64::ANY) {
            proptest::prop_assert_eq!(format_number(x), format_number_plain(x));
        }

        #[test]
        fn whole_numbers_match_plain_path(n in proptest::num::i64::ANY, shift in 0u32..60) {
            let x = (n >> shift) as f64;
            proptest::prop_assert_eq!(format_number(x), format_number_plain(x));
        }

        #[test]
        fn fractions_match_plain_path(n in proptest::num::i64::ANY, shift in 0u32..63, scale in 1u32..6) {
            // Values around every magnitude with few and many decimals, and near midpoints.
            let x = (n >> shift) as f64 / 10f64.powi(scale as i32);
            proptest::prop_assert_eq!(format_number(x), format_number_plain(x));
            let y = x + 0.005;
            proptest::prop_assert_eq!(format_number(y), format_number_plain(y));
        }

        #[test]
        fn cents_match_plain_path(n in -10_000_000i64..10_000_000) {
            let x = n as f64 / 100.0;
            proptest::prop_assert_eq!(format_number(x), format_number_plain(x));
        }
    }
}
