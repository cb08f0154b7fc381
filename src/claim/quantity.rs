//! Quantities in news prose: numbers with their qualifier, interval, unit and counted noun.
//!
//! One pass over the claim lexer's tokens (`claim::lex`): at each token that can start a number
//! (digits, a number word, a currency sign, a vague magnitude), parse the amount (`$2bn`, `1.5 million`,
//! `twenty-six`, `two-thirds`, `tens of thousands`), an optional range (`20-30,000`,
//! `between 2 and 3 million`), the unit (`%`, `per cent`, `km`, `euros`), the counted noun
//! phrase (`European servicemen` -> `servicemen`), and the qualifier before or after
//! (`around`, `fewer than`, `at least`, `or more`). Lookahead is bounded (a few tokens), so the
//! pass is linear.
//!
//! # Intervals
//!
//! | qualifier | example | `value` | `low` | `high` |
//! | --- | --- | --- | --- | --- |
//! | `exact` | 26 countries | 26 | 26 | 26 |
//! | `approx` | around 50,000 soldiers | 50000 | 45000 | 55000 (± the tolerance, 10% by default) |
//! | `lt` / `le` | fewer than 30,000 / up to 30,000 | 30000 | null | 30000 |
//! | `gt` / `ge` | more than 300 / at least 300 | 300 | 300 | null |
//! | `range` | between 20,000 and 30,000 | null | 20000 | 30000 |
//! | `vague` | thousands | null | 1000 | 10000 |
//!
//! Vague magnitudes: tens [10, 100], dozens [12, 120], scores [40, 200], hundreds [100, 1,000],
//! thousands [1,000, 10,000], millions [1e6, 1e7], billions [1e9, 1e10]; `tens of thousands`
//! [10,000, 100,000], `hundreds of thousands` [100,000, 1e6]; `several` [3, 9] and `a few`,
//! `a handful` [2, 5], times a scale word when one follows (`several thousand` [3,000, 9,000]).
//! `nearly`, `almost` and `some` are approximate, as the issue asks.
//!
//! # Not quantities
//!
//! Years (a bare 1000-2100 that does not count a plural noun, or follows `in`, `since`...),
//! dates next to a month name, times of day (`10:30`, `3 pm`, `0800 GMT`), ordinals (`26th`),
//! decades (`1990s`), ids and versions (`1.2.3`, `007`, numbers of seven or more digits without
//! separators), phone numbers, `page 5`, `Article 5`, `No. 10`, numbers glued to a name (`G7`,
//! `Covid-19`, `F-16`, `MH17`), numbers after a capitalized name that count nothing
//! (`Boeing 737`, `Apollo 11`), scores (`3-2`), and a bare `one` (`one of the`, `one day`).
//!
//! ```
//! use crosscheck::claim::quantity::{find_quantities, Qualifier};
//!
//! let text = "Starmer plans to send fewer than 30,000 European servicemen, the Telegraph said.";
//! let q = &find_quantities(text)[0];
//! assert_eq!(q.span.slice(text), "fewer than 30,000 European servicemen");
//! assert_eq!(q.quantity.qualifier, Qualifier::Lt);
//! assert_eq!((q.quantity.low, q.quantity.high), (None, Some(30000.0)));
//! assert_eq!(q.quantity.noun.as_deref(), Some("servicemen"));
//! ```

mod noun;
mod number;
mod qualifier;
mod unit;

use serde::Serialize;

use super::lex::{Lexed, nf};
use crate::corpus::Span;
pub(crate) use noun::STOP_WORDS;
pub(crate) use noun::is_stop as is_stop_word;
pub(crate) use number::is_weekday as is_weekday_word;

/// The default relative tolerance of an approximate quantity: ±10%.
pub const DEFAULT_APPROX_TOLERANCE: f64 = 0.1;

/// How a quantity is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// As stated: `26 countries`.
    Exact,
    /// `around`, `about`, `approximately`, `roughly`, `some`, `nearly`, `almost`, `or so`.
    Approx,
    /// `fewer than`, `less than`, `under`, `below`.
    Lt,
    /// `up to`, `at most`, `no more than`, `as many as`, `or fewer`.
    Le,
    /// `more than`, `over`, `above`, `in excess of`.
    Gt,
    /// `at least`, `no fewer than`, `or more`, `30+`.
    Ge,
    /// `between 20,000 and 30,000`, `20-30,000`, `20,000 to 30,000`.
    Range,
    /// A magnitude without a number: `thousands`, `dozens`, `several`.
    Vague,
}

impl Qualifier {
    /// Parses the JSON name.
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "approx" => Qualifier::Approx,
            "lt" => Qualifier::Lt,
            "le" => Qualifier::Le,
            "gt" => Qualifier::Gt,
            "ge" => Qualifier::Ge,
            "range" => Qualifier::Range,
            "vague" => Qualifier::Vague,
            _ => return None,
        })
    }

    /// True for a number stated as a point or a closed range (not a bound, not vague).
    pub fn is_pointlike(self) -> bool {
        matches!(
            self,
            Qualifier::Exact | Qualifier::Approx | Qualifier::Range
        )
    }
}

/// A quantity: the number as stated, the interval it commits to, its unit and counted noun.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The number as stated (scaled: `1.5 million` is 1500000); `None` for a range or a vague
    /// magnitude.
    #[serde(serialize_with = "ser_num")]
    pub value: Option<f64>,
    /// Lower bound of the interval, `None` when unbounded.
    #[serde(serialize_with = "ser_num")]
    pub low: Option<f64>,
    /// Upper bound of the interval, `None` when unbounded.
    #[serde(serialize_with = "ser_num")]
    pub high: Option<f64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// `%`, `percentage point`, an ISO 4217 currency code (`USD`, `EUR`, `GBP`), or a measure
    /// (`km`, `kg`, `t`, `year`, `day`, ...).
    pub unit: Option<String>,
    /// Lowercased head of the counted noun phrase: `servicemen`, `countries`.
    pub noun: Option<String>,
}

/// A quantity and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityMention {
    /// The whole phrase: qualifier, number, unit and noun phrase (`around 50,000 soldiers`).
    pub span: Span,
    /// What it says.
    pub quantity: Quantity,
}

/// Serializes whole numbers as JSON integers.
fn ser_num<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
    }
}

/// Rounds to ten significant digits, so that `0.9 * 50000` prints as `45000`.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let e = 9 - x.abs().log10().floor() as i32;
    if e >= 0 {
        let m = 10f64.powi(e.min(300));
        (x * m).round() / m
    } else {
        let m = 10f64.powi((-e).min(300));
        (x / m).round() * m
    }
}

/// Finds the quantities of `text`, with the default tolerance and no excluded spans.
pub fn find_quantities(text: &str) -> Vec<QuantityMention> {
    find_quantities_with(text, &[], DEFAULT_APPROX_TOLERANCE)
}

/// Finds the quantities of `text`, skipping numbers inside the `exclude` spans (sorted by start;
/// the dates found first), with `tolerance` as the relative half-width of an approximate one.
pub fn find_quantities_with(text: &str, exclude: &[Span], tolerance: f64) -> Vec<QuantityMention> {
    find_in(&Lexed::new(text), exclude, tolerance)
}

/// A parsed amount: an optional currency, a number or magnitude, a scale, a unit.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// First token (the currency sign, the sign, or the number).
    start: usize,
    /// One past the last token.
    end: usize,
    /// The main number token.
    core: usize,
    /// The value (scaled); meaningless when `vague` is set.
    value: f64,
    /// The interval of a vague magnitude.
    vague: Option<(f64, f64)>,
    /// The scale applied (1 when none).
    scale: f64,
    /// The value before scaling, and its decimals (for exact scaling).
    base: f64,
    dec: u8,
    unit: Option<&'static str>,
    /// Spelled out (`twenty-six`).
    words: bool,
    /// A currency came before the number.
    currency_before: bool,
    /// A compound `27-nation`, `10-day`: the word after the hyphen.
    compound: Option<usize>,
}

/// Scales `base` (with `dec` decimals) by `scale` without binary noise (`1.1 * 1e6`).
fn scaled(base: f64, dec: u8, scale: f64) -> f64 {
    if dec == 0 {
        return base * scale;
    }
    let p = 10f64.powi(i32::from(dec));
    (base * p).round() * scale / p
}

/// The quantities of a tokenized text.
pub(crate) fn find_in(lx: &Lexed<'_>, exclude: &[Span], tolerance: f64) -> Vec<QuantityMention> {
    let mut out = Vec::new();
    let n = lx.toks.len();
    let mut i = 0;
    let mut floor = 0; // tokens before this belong to an earlier quantity
    while i < n {
        if !may_start(lx, i) {
            i += 1;
            continue;
        }
        match parse_at(lx, i, floor, exclude, tolerance) {
            Parsed::Found(m, end) => {
                out.push(m);
                floor = end;
                i = end;
            }
            Parsed::Skip(end) => i = end.max(i + 1),
        }
    }
    out
}

enum Parsed {
    Found(QuantityMention, usize),
    Skip(usize),
}

/// Cheap test: can token `i` start an amount?
fn may_start(lx: &Lexed<'_>, i: usize) -> bool {
    let t = lx.toks[i];
    match t.kind {
        super::lex::Kind::Num => true,
        super::lex::Kind::Punct(c) => {
            (unit::currency_symbol(c).is_some() || matches!(c, '-' | '−'))
                && lx.toks.get(i + 1).is_some_and(|n| n.glued && n.is_num())
        }
        super::lex::Kind::Word => {
            let w = lx.low(i);
            starter_word(w)
                || (lx
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_num() || n.is_punct('$'))
                    && (unit::currency_code(w).is_some() || unit::dollar_prefix(w).is_some()))
        }
    }
}

/// Words that can start an amount by themselves: [`number::small`], [`number::vague_plural`],
/// `a`, `an`, `half`, `several`, `minus`.
const STARTERS: [&str; 41] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "tens",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "a",
    "an",
    "half",
    "several",
    "minus",
];

/// One hashed lookup for `small(w) || vague_plural(w) || w in [a, an, half, several, minus]`,
/// after a cheaper test on the word's shape (most words fail it, "the" and "said" among them).
fn starter_word(w: &str) -> bool {
    type Set = (Shapes, crate::claim::lex::WordMap<()>);
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    let (shapes, map) = SET.get_or_init(|| {
        (
            Shapes::of(&STARTERS),
            crate::claim::lex::WordMap::new(STARTERS.iter().map(|w| (*w, ()))),
        )
    });
    shapes.may_hold(w) && map.contains(w)
}

/// The shapes (length, first and last byte) of a set of lowercase ASCII words of up to
/// [`Shapes::MAX_LEN`] bytes, as a bitmap: a word whose shape is not in it is not in the set.
struct Shapes([u64; Shapes::WORDS]);

impl Shapes {
    const MAX_LEN: usize = 9;
    const WORDS: usize = (Shapes::MAX_LEN * 26 * 26).div_ceil(64);

    /// The shape index of `w`, if it can be the shape of a word of the set.
    #[inline]
    fn index(w: &[u8]) -> Option<usize> {
        let (&f, &l) = (w.first()?, w.last()?);
        (w.len() <= Shapes::MAX_LEN && f.is_ascii_lowercase() && l.is_ascii_lowercase())
            .then(|| (w.len() - 1) * 676 + usize::from(f - b'a') * 26 + usize::from(l - b'a'))
    }

    /// The shapes of `words` (each must have one: lowercase ASCII, at most `MAX_LEN` bytes).
    fn of(words: &[&str]) -> Shapes {
        let mut bits = [0u64; Shapes::WORDS];
        for w in words {
            let k = Shapes::index(w.as_bytes()).expect("a lowercase ASCII word of 9 bytes or less");
            bits[k / 64] |= 1 << (k % 64);
        }
        Shapes(bits)
    }

    /// False when `w` is not in the set; true when it may be.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        Shapes::index(w.as_bytes()).is_some_and(|k| self.0[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// Parses a currency prefix, a number or magnitude, a scale and a unit starting at token `i`.
fn amount(lx: &Lexed<'_>, i: usize) -> Option<Amount> {
    let toks = &lx.toks;
    let n = toks.len();
    if i >= n {
        return None;
    }
    let mut k = i;
    let mut unit: Option<&'static str> = None;
    let mut sign = 1.0;
    // Currency before: `$`, `US$`, `USD 5`, `Rs 300`, `€`.
    if toks[k].is_word() {
        let w = lx.low(k);
        if let Some(code) = unit::dollar_prefix(w)
            && toks.get(k + 1).is_some_and(|t| t.is_punct('$') && t.glued)
            && toks.get(k + 2).is_some_and(|t| t.is_num() && t.glued)
        {
            unit = Some(code);
            k += 2;
        } else if let Some(code) = unit::currency_code(w)
            && toks.get(k + 1).is_some_and(|t| t.is_num())
            && (w != "try" && w != "rs" || lx.raw(k) != "try")
        {
            unit = Some(code);
            k += 1;
        } else if w == "minus" && toks.get(k + 1).is_some_and(|t| t.is_num()) {
            sign = -1.0;
            k += 1;
        }
    } else if let Some(c) = toks[k].punct() {
        if let Some(code) = unit::currency_symbol(c) {
            unit = Some(code);
            k += 1;
            if toks
                .get(k)
                .is_some_and(|t| matches!(t.punct(), Some('-' | '−')) && t.glued)
            {
                sign = -1.0;
                k += 1;
            }
        } else if matches!(c, '-' | '−') {
            // A sign, not a hyphen: nothing glued before it.
            if k > 0 && toks[k].glued && !toks[k - 1].punct().is_some_and(|p| "([".contains(p)) {
                return None;
            }
            sign = -1.0;
            k += 1;
        }
    }
    let currency_before = unit.is_some();
    if k >= n {
        return None;
    }
    let t = toks[k];
    let mut a = Amount {
        start: i,
        end: k + 1,
        core: k,
        value: 0.0,
        vague: None,
        scale: 1.0,
        base: 0.0,
        dec: 0,
        unit,
        words: false,
        currency_before,
        compound: None,
    };
    if t.is_num() {
        a.base = t.num;
        a.dec = t.dec;
        let mut j = k + 1;
        // Glued suffix: `30k`, `2bn`, `5km`, `26th`, `1990s`, `10am`, `3D`.
        if let Some(s) = toks.get(j).filter(|s| s.glued && s.is_word()) {
            let w = lx.low(j);
            if let Some(sc) = number::scale_suffix(w) {
                let metres = w == "m" && !currency_before && !next_counts(lx, j + 1);
                let bare_b = w == "b" && !currency_before;
                if metres {
                    a.unit = Some("m");
                } else if bare_b {
                    return None;
                } else {
                    a.scale = sc;
                }
                j += 1;
            } else if let Some(u) = unit::unit_word(w) {
                a.unit = a.unit.or(Some(u));
                j += 1;
            } else if matches!(lx.raw(j), "C" | "F")
                && !currency_before
                && !toks
                    .get(j + 1)
                    .is_some_and(|n| n.glued && !n.is_punct('.') && !n.is_punct(','))
            {
                // `45C`, `104F` (BBC style): degrees.
                a.unit = Some(if lx.raw(j) == "C" { "°C" } else { "°F" });
                j += 1;
            } else if number::is_non_quantity_suffix(w) || s.is_word() {
                return None;
            }
        }
        // Spaced scale: `1.5 million`, `2 dozen`, `5 bn`.
        if a.scale == 1.0
            && let Some(s) = toks.get(j).filter(|s| s.is_word())
        {
            let w = lx.low(j);
            if let Some(sc) = number::scale_word(w) {
                a.scale = sc;
                j += 1;
                // `two hundred thousand`, `1.2 thousand million`.
                if sc == 100.0
                    && let Some(sc2) = number::scale_word(lx.low(j)).filter(|&s| s >= 1e3)
                {
                    a.scale *= sc2;
                    j += 1;
                }
            } else if matches!(w, "bn" | "mn" | "tn" | "mln" | "bln")
                || (w == "m" && currency_before && !s.glued)
            {
                a.scale = number::scale_suffix(w).unwrap_or(1.0);
                j += 1;
            }
        }
        a.value = sign * scaled(a.base, a.dec, a.scale);
        a.base *= sign;
        a.end = j;
    } else if t.is_word() {
        a.words = true;
        words_amount(lx, k, &mut a)?;
    } else {
        return None;
    }
    unit_after(lx, &mut a);
    Some(a)
}

/// True when the token at `j` is a plural noun (so `10m people` is ten million).
fn next_counts(lx: &Lexed<'_>, j: usize) -> bool {
    lx.toks.get(j).is_some_and(|t| t.is_word()) && noun::looks_plural(lx.low(j))
}

/// Spelled-out numbers, fractions and vague magnitudes starting at word token `k`.
fn words_amount(lx: &Lexed<'_>, k: usize, a: &mut Amount) -> Option<()> {
    let toks = &lx.toks;
    let w = lx.low(k);
    let w1 = lx.low(k + 1);
    let w2 = lx.low(k + 2);
    // Vague magnitudes.
    if let Some((lo, hi)) = number::vague_plural(w) {
        let mut lo_hi = (lo, hi);
        let mut end = k + 1;
        if (w == "tens" || w == "hundreds" || w == "dozens")
            && w1 == "of"
            && let Some((l2, _)) = number::vague_plural(w2)
                .filter(|_| matches!(w2, "thousands" | "millions" | "billions"))
        {
            lo_hi = (lo * l2, hi * l2);
            end = k + 3;
        } else if matches!(w, "tens" | "scores") && w1 != "of" {
            return None;
        }
        a.vague = Some(lo_hi);
        a.end = end;
        return Some(());
    }
    if w == "several" || ((w == "a" || w == "an") && matches!(w1, "few" | "handful" | "couple")) {
        let (lo, hi, mut end) = match w {
            "several" => (3.0, 9.0, k + 1),
            _ if w1 == "couple" => (2.0, 3.0, k + 2),
            _ => (2.0, 5.0, k + 2),
        };
        let mut scale = 1.0;
        if let Some(sc) = number::scale_word(lx.low(end)) {
            scale = sc;
            end += 1;
        } else if (matches!(w1, "handful" | "couple") && lx.low(end) != "of")
            || (w == "several" && !next_counts(lx, end))
        {
            return None;
        }
        a.vague = Some((lo * scale, hi * scale));
        a.end = end;
        return Some(());
    }
    // `a hundred`, `a dozen`, `half a million`, `a third of`, `half of`.
    if w == "a" || w == "an" {
        if let Some(f) = number::fraction(w1).filter(|_| w2 == "of" && !w1.ends_with('s')) {
            a.value = f;
            a.base = f;
            a.end = k + 2;
            return Some(());
        }
        number::scale_word(w1)?;
    }
    if w == "half" {
        if let Some(sc) = number::scale_word(w2).filter(|_| w1 == "a" || w1 == "an") {
            a.value = 0.5 * sc;
            a.base = 0.5;
            a.scale = sc;
            a.end = k + 3;
            return Some(());
        }
        if matches!(w1, "of" | "the") {
            a.value = 0.5;
            a.base = 0.5;
            a.end = k + 1;
            return Some(());
        }
        return None;
    }
    // Cardinal words: `three hundred and fifty thousand`, `twenty-six`, `two-thirds`.
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut j = k;
    let mut any = false;
    let mut last_small = false;
    let mut scale_seen: f64 = 1.0;
    while j < toks.len() && j < k + 12 {
        let t = toks[j];
        if !t.is_word() {
            // `twenty-six`, `two-thirds`
            if t.is_punct('-') && t.glued && last_small && toks.get(j + 1).is_some_and(|n| n.glued)
            {
                let nw = lx.low(j + 1);
                if number::is_tens(lx.low(j - 1))
                    && number::small(nw).is_some_and(|v| (1.0..10.0).contains(&v))
                {
                    cur += number::small(nw).unwrap_or(0.0);
                    j += 2;
                    continue;
                }
                if let Some(f) = number::fraction(nw).filter(|_| cur < 10.0 && cur > 0.0) {
                    a.value = cur * f;
                    a.base = a.value;
                    a.end = j + 2;
                    return Some(());
                }
            }
            break;
        }
        let w = lx.low(j);
        if let Some(v) = number::small(w) {
            if last_small && !(number::is_tens(lx.low(j - 1)) && v < 10.0 && cur % 10.0 == 0.0) {
                break;
            }
            if cur != 0.0 && cur % 100.0 != 0.0 && !last_small {
                break;
            }
            cur += v;
            last_small = true;
            any = true;
            j += 1;
            continue;
        }
        if any && last_small && cur < 10.0 && cur > 0.0 {
            if let Some(f) = number::fraction(w).filter(|_| w.ends_with('s') || cur == 1.0) {
                if cur == 1.0 && !w.ends_with('s') && lx.low(j + 1) != "of" {
                    break;
                }
                a.value = cur * f;
                a.base = a.value;
                a.end = j + 1;
                return Some(());
            }
        }
        if (w == "a" || w == "an") && !any {
            cur = 1.0;
            any = true;
            last_small = false;
            j += 1;
            continue;
        }
        if let Some(sc) = number::scale_word(w).filter(|_| any) {
            if sc == 100.0 || sc == 12.0 {
                cur = cur.max(1.0) * sc;
            } else {
                total += cur.max(1.0) * sc;
                cur = 0.0;
            }
            scale_seen = scale_seen.max(sc);
            last_small = false;
            j += 1;
            continue;
        }
        if w == "and" && any && !last_small && number::small(lx.low(j + 1)).is_some() {
            j += 1;
            continue;
        }
        break;
    }
    if !any {
        return None;
    }
    a.value = total + cur;
    a.base = a.value;
    a.scale = if scale_seen > 1.0 { scale_seen } else { 1.0 };
    a.end = j;
    Some(())
}

/// The unit after an amount: `%`, `per cent`, `percentage points`, `km`, `euros`, `10-day`.
fn unit_after(lx: &Lexed<'_>, a: &mut Amount) {
    let toks = &lx.toks;
    let j = a.end;
    let Some(t) = toks.get(j) else { return };
    if t.is_punct('%') {
        a.unit = Some("%");
        a.end = j + 1;
        return;
    }
    if t.is_punct('°') && t.glued {
        match lx.low(j + 1) {
            "c" => a.unit = Some("°C"),
            "f" => a.unit = Some("°F"),
            _ => a.unit = Some("°"),
        }
        a.end = if a.unit == Some("°") { j + 1 } else { j + 2 };
        return;
    }
    if t.is_punct('-') && t.glued && a.vague.is_none() {
        // `10-day`, `20-year-old`, `27-nation`
        if let Some(n) = toks.get(j + 1).filter(|n| n.glued && n.is_word()) {
            let w = lx.low(j + 1);
            if let Some(u) = unit::unit_word(w) {
                a.unit = Some(u);
                a.end = j + 2;
                if toks.get(j + 2).is_some_and(|t| t.is_punct('-') && t.glued)
                    && lx.low(j + 3) == "old"
                {
                    a.end = j + 4;
                }
            } else if w == "strong" {
                // `a 25,000-strong force`: the noun follows.
                a.end = j + 2;
            } else if n.is_word() && !noun::is_stop(w) && number::small(w).is_none() && w != "plus"
            {
                a.compound = Some(j + 1);
                a.end = j + 2;
            }
        }
        return;
    }
    if !t.is_word() || a.unit.is_some() && a.currency_before {
        return;
    }
    let w = lx.low(j);
    let w1 = lx.low(j + 1);
    let (u, len): (&'static str, usize) = match (w, w1) {
        ("per", "cent") => ("%", 2),
        ("percentage", "point" | "points") => ("percentage point", 2),
        ("basis", "point" | "points") => ("bp", 2),
        ("square" | "sq", "kilometres" | "kilometers" | "km" | "kilometre" | "kilometer") => {
            ("km2", 2)
        }
        ("square" | "sq", "miles" | "mile" | "mi") => ("mi2", 2),
        ("square" | "sq", "metres" | "meters" | "m" | "metre" | "meter") => ("m2", 2),
        ("cubic", "metres" | "meters" | "metre" | "meter" | "m") => ("m3", 2),
        ("nautical", "miles" | "mile") => ("nmi", 2),
        ("light", "years" | "year") => ("ly", 2),
        ("us" | "american", "dollars" | "dollar") => ("USD", 2),
        ("pounds", "sterling") => ("GBP", 2),
        ("degrees", "celsius" | "c") => ("°C", 2),
        ("degrees", "fahrenheit" | "f") => ("°F", 2),
        ("pound" | "pounds", _) => (if a.scale >= 1e6 { "GBP" } else { "lb" }, 1),
        _ => {
            if let Some(c) = unit::currency_word(w) {
                (c, 1)
            } else if let Some(c) = unit::currency_code(w).filter(|_| {
                lx.raw(j).len() == 3 && lx.raw(j).chars().all(|c| c.is_ascii_uppercase())
            }) {
                (c, 1)
            } else if let Some(u) = unit::unit_word(w) {
                if u == "bp" {
                    return;
                }
                (u, 1)
            } else {
                return;
            }
        }
    };
    a.unit = Some(u);
    a.end = j + len;
    if u == "year" && lx.low(a.end) == "old" {
        a.end += 1;
    }
}

/// True when token `k` is a bare number that reads as a year.
fn year_like(lx: &Lexed<'_>, k: usize) -> bool {
    let t = lx.toks[k];
    t.is_num()
        && t.flags & (nf::GROUPED | nf::DECIMAL) == 0
        && t.int_digits == 4
        && (1000.0..=2100.0).contains(&t.num)
}

/// Rejects numbers that are not quantities, judging from the tokens around the core number.
fn rejected(lx: &Lexed<'_>, a: &Amount, counts: bool, qualified: bool) -> bool {
    let toks = &lx.toks;
    let k = a.core;
    let t = toks[k];
    if !t.is_num() {
        // A bare `one` (`one of the`, `one day`) or `a` is not worth a claim.
        return a.words && a.value == 1.0 && a.vague.is_none() && !qualified && a.scale == 1.0;
    }
    if t.flags & nf::ID_LIKE != 0 || (t.flags & nf::LEADING_ZERO != 0 && t.flags & nf::DECIMAL == 0)
    {
        return true;
    }
    if t.int_digits >= 7 && t.flags & nf::GROUPED == 0 && a.scale == 1.0 && !a.currency_before {
        return true;
    }
    let prev = k.checked_sub(1).map(|p| toks[p]);
    let next = toks.get(k + 1).copied();
    if let Some(p) = prev {
        if t.glued {
            // `G7`, `MH17`, `#1`, `+44`, `6/1`, `10:30`
            if p.is_word() && a.start == k {
                return true;
            }
            if matches!(p.punct(), Some('#' | '+' | '/' | ':' | '№')) && a.start == k {
                return true;
            }
            // `F-16`, `Covid-19`, `mid-2025`, `S-400`
            if matches!(p.punct(), Some('-' | '‐' | '‑'))
                && k >= 2
                && toks[k - 1].glued
                && toks[k - 2].is_word()
                && a.start != k - 1
            {
                return true;
            }
        }
    }
    if let Some(nx) = next
        && nx.glued
        && matches!(nx.punct(), Some(':' | '/'))
        && toks.get(k + 2).is_some_and(|t| t.is_num() && t.glued)
    {
        return true;
    }
    // Times of day: `3 pm`, `0800 GMT`, `3 p.m.`
    let w_next = lx.low(a.end.max(k + 1));
    if number::is_time_word(w_next) && a.unit.is_none() {
        return true;
    }
    if matches!(lx.low(k + 1), "a" | "p")
        && toks.get(k + 2).is_some_and(|t| t.is_punct('.'))
        && lx.low(k + 3) == "m"
    {
        return true;
    }
    // Dates: `Jan. 6`, `January 6`, `6 January`.
    let mut p = k;
    if p > 0 && toks[p - 1].is_punct('.') {
        p -= 1;
    }
    if p > 0 && toks[p - 1].is_word() && number::is_month(lx.low(p - 1)) && lx.capitalized(p - 1) {
        return true;
    }
    if number::is_month(lx.low(k + 1)) && lx.capitalized(k + 1) && toks[k + 1].is_word() {
        return true;
    }
    if a.currency_before || a.scale != 1.0 || a.unit.is_some() {
        return false;
    }
    let pw = if k > 0 && toks[k - 1].is_word() {
        lx.low(k - 1)
    } else if k > 1 && toks[k - 1].is_punct('.') && toks[k - 2].is_word() {
        lx.low(k - 2)
    } else {
        ""
    };
    // Years.
    if year_like(lx, k) {
        if !counts || qualified {
            return !qualified;
        }
        if matches!(
            pw,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "of"
                | "year"
                | "during"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "through"
                | "circa"
        ) {
            return true;
        }
    }
    if counts || qualified {
        return false;
    }
    // `page 5`, `Article 5`, `No. 10`, `the emergency number is 112`
    if number::is_id_word(pw)
        || (matches!(pw, "is" | "was")
            && k >= 2
            && toks[k - 2].is_word()
            && number::is_id_word(lx.low(k - 2)))
    {
        return true;
    }
    // Phone numbers in groups: `020 7946 0958` (a neighbour group with a leading zero).
    let zero_led = |t: Option<&super::lex::Tok>| {
        t.is_some_and(|t| t.is_num() && t.flags & nf::LEADING_ZERO != 0 && !t.glued)
    };
    if t.flags & (nf::GROUPED | nf::DECIMAL) == 0
        && ((k > 0 && zero_led(toks.get(k - 1)))
            || (!next.is_some_and(|n| n.glued) && zero_led(toks.get(k + 1))))
    {
        return true;
    }
    // `Boeing 737`, `Apollo 11`, `World War 2`, `iPhone 15`: a name before, nothing counted
    // after. At the start of a sentence the word may be an adverb (`Exactly 12 ...`).
    let sentence_start = k <= 1 || toks[k - 2].punct().is_some_and(|c| ".!?\"“‘'(".contains(c));
    if k > 0
        && toks[k - 1].is_word()
        && lx.raw(k - 1).chars().any(char::is_uppercase)
        && !noun::is_stop(pw)
        && !number::is_weekday(pw)
        && !(sentence_start && (pw.ends_with("ly") || !lx.capitalized(k - 1)))
    {
        return true;
    }
    false
}

/// Parses a quantity whose amount starts at token `i`.
fn parse_at(lx: &Lexed<'_>, i: usize, floor: usize, exclude: &[Span], tol: f64) -> Parsed {
    let toks = &lx.toks;
    let Some(mut a) = amount(lx, i) else {
        return Parsed::Skip(i + 1);
    };
    let core_span = Span::new(toks[a.core].start, toks[a.core].end);
    if overlaps_any(exclude, core_span) {
        return Parsed::Skip(a.end);
    }
    // Phone numbers, ISO dates, ids: `555-123-4567`, `2026-01-06`.
    if toks[a.core].is_num()
        && toks.get(a.end).is_some_and(|t| t.glued && t.is_punct('-'))
        && toks.get(a.end + 1).is_some_and(|t| t.glued && t.is_num())
        && toks
            .get(a.end + 2)
            .is_some_and(|t| t.glued && matches!(t.punct(), Some('-' | '/' | '.')))
        && toks.get(a.end + 3).is_some_and(|t| t.glued && t.is_num())
    {
        return Parsed::Skip(a.end + 4);
    }
    // Ratios: `one in five`, `1 in 3`.
    if lx.is(a.end, "in")
        && a.unit.is_none()
        && a.scale == 1.0
        && toks
            .get(a.end + 1)
            .is_some_and(|t| t.is_num() || number::small(lx.low(a.end + 1)).is_some())
    {
        return Parsed::Skip(a.end + 2);
    }
    // Range.
    let mut b: Option<Amount> = None;
    let before_word = if a.start > floor {
        lx.low(a.start - 1)
    } else {
        ""
    };
    let between = before_word == "between";
    let from = before_word == "from";
    if a.vague.is_none()
        && let Some(c) = toks.get(a.end)
    {
        let conn = match c.kind {
            super::lex::Kind::Punct('-' | '–' | '—' | '‐' | '‑') => Some('-'),
            super::lex::Kind::Word => match lx.low(a.end) {
                "to" if !(from && change_verb(lx, a.start.wrapping_sub(2), floor)) => Some('t'),
                "and" if between => Some('a'),
                "or" => Some('o'),
                _ => None,
            },
            _ => None,
        };
        if let Some(conn) = conn
            && let Some(mut bb) = amount(lx, a.end + 1)
            && bb.vague.is_none()
            && !(bb.words && conn == '-')
        {
            // Shared scale and unit: `2 to 3 million`, `20-30,000`, `$20-30m`, `20 to 30%`.
            if a.scale == 1.0 && bb.scale > 1.0 && a.value * bb.scale <= bb.value {
                a.scale = bb.scale;
                a.value = scaled(a.base, a.dec, bb.scale);
            } else if conn != 'o'
                && a.scale == 1.0
                && bb.scale == 1.0
                && toks[a.core].is_num()
                && toks[a.core].flags & nf::GROUPED == 0
                && toks[bb.core].is_num()
                && toks[bb.core].flags & nf::GROUPED != 0
                && a.value < 1000.0
                && a.value * 1000.0 <= bb.value
            {
                a.value *= 1000.0;
            }
            let both_years =
                year_like(lx, a.core) && (year_like(lx, bb.core) || toks[bb.core].int_digits == 2);
            if conn == '-' && (both_years || a.value > bb.value) {
                // A year range, a score or a vote tally: not a quantity.
                return Parsed::Skip(bb.end);
            }
            if bb.value > a.value && !(conn == 'o' && bb.value > a.value * 10.0) {
                if a.unit.is_none() {
                    a.unit = bb.unit;
                } else if bb.unit.is_none() {
                    bb.unit = a.unit;
                }
                if a.unit == bb.unit {
                    b = Some(bb);
                }
            }
        }
    }
    let end_amount = b.map_or(a.end, |b| b.end);
    // Qualifier before.
    let mut start = a.start;
    let mut qual = None;
    if b.is_some() && (between || from) {
        start -= 1;
        qual = Some(Qualifier::Range);
        if let Some((_, s)) = qualifier::before(lx, start, floor) {
            start = s;
        }
    } else if let Some((q, s)) = qualifier::before(lx, a.start, floor) {
        qual = Some(q);
        start = s;
    }
    if b.is_some() {
        qual = Some(Qualifier::Range);
    }
    // Quoted magnitude: `"thousands" of troops`.
    let mut j = end_amount;
    if start > floor
        && toks[start - 1].punct().is_some_and(|c| "\"“‘'".contains(c))
        && toks
            .get(j)
            .is_some_and(|t| t.glued && t.punct().is_some_and(|c| "\"”’'".contains(c)))
    {
        start -= 1;
        j += 1;
    }
    // Qualifier right after the number: `50 or more troops`, `30+`.
    let mut post = None;
    if let Some((q, e)) = qualifier::after(lx, j) {
        post = Some(q);
        j = e;
    }
    // Counted noun.
    let mut noun_tok = a.compound;
    let mut end = j;
    if noun_tok.is_none() {
        let mut s = j;
        let of = lx.is(s, "of");
        if of {
            s += 1;
            // `half of all households`, `of all the`
            if lx.is(s, "all") {
                s += 1;
            }
            if matches!(
                lx.low(s),
                "the" | "their" | "its" | "his" | "her" | "those" | "these" | "our" | "them"
            ) && toks[s].is_word()
            {
                s += 1;
            }
        }
        // A percentage counts what follows `of` only: `40% of the vote`, not `95% effective`.
        let percent_without_of = !of && a.unit == Some("%");
        if percent_without_of {
        } else if let Some((head, last)) = noun::noun_phrase(lx, s) {
            noun_tok = Some(head);
            end = last + 1;
        }
    }
    let counts = noun_tok.is_some_and(|h| noun::looks_plural(lx.low(h)));
    if post.is_none()
        && let Some((q, e)) = qualifier::after(lx, end)
    {
        post = Some(q);
        end = e;
    }
    if qual.is_none() {
        qual = post;
    }
    let qualified = qual.is_some();
    if rejected(lx, &a, counts, qualified) || b.is_some_and(|b| rejected(lx, &b, counts, true)) {
        return Parsed::Skip(end_amount);
    }
    // A bare spelled-out number with nothing after it is seldom a claim (`the two`).
    if a.words
        && a.vague.is_none()
        && noun_tok.is_none()
        && a.unit.is_none()
        && !qualified
        && a.scale == 1.0
    {
        return Parsed::Skip(end_amount);
    }
    let unit = a.unit.map(str::to_string);
    let noun = noun_tok.map(|h| lx.low(h).to_string());
    let q = match (b, a.vague) {
        (Some(b), _) => Quantity {
            value: None,
            low: Some(tidy(a.value)),
            high: Some(tidy(b.value)),
            qualifier: Qualifier::Range,
            unit,
            noun,
        },
        (None, Some((lo, hi))) => {
            let (qualifier, low, high) = match qual {
                Some(Qualifier::Gt | Qualifier::Ge) => {
                    (qual.unwrap_or(Qualifier::Gt), Some(lo), None)
                }
                Some(Qualifier::Lt | Qualifier::Le) => {
                    (qual.unwrap_or(Qualifier::Lt), None, Some(hi))
                }
                _ => (Qualifier::Vague, Some(lo), Some(hi)),
            };
            Quantity {
                value: None,
                low,
                high,
                qualifier,
                unit,
                noun,
            }
        }
        (None, None) => {
            let v = a.value;
            let qualifier = qual.unwrap_or(Qualifier::Exact);
            let (low, high) = match qualifier {
                Qualifier::Approx => {
                    let d = (v * tol).abs();
                    (Some(v - d), Some(v + d))
                }
                Qualifier::Lt | Qualifier::Le => (None, Some(v)),
                Qualifier::Gt | Qualifier::Ge => (Some(v), None),
                _ => (Some(v), Some(v)),
            };
            Quantity {
                value: Some(tidy(v)),
                low: low.map(tidy),
                high: high.map(tidy),
                qualifier,
                unit,
                noun,
            }
        }
    };
    let span = Span::new(toks[start].start, toks[end - 1].end);
    Parsed::Found(QuantityMention { span, quantity: q }, end)
}

/// Verbs of change before `from X to Y`, which make it two values rather than a range.
fn change_verb(lx: &Lexed<'_>, k: usize, floor: usize) -> bool {
    if k == usize::MAX || k < floor {
        return false;
    }
    matches!(
        lx.low(k),
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "increased"
            | "increase"
            | "decreased"
            | "climbed"
            | "dropped"
            | "jumped"
            | "grew"
            | "grown"
            | "up"
            | "down"
            | "cut"
            | "raised"
            | "lowered"
            | "reduced"
            | "slipped"
            | "surged"
            | "soared"
            | "plunged"
            | "declined"
            | "edged"
            | "widened"
            | "narrowed"
            | "went"
            | "changed"
            | "slashed"
            | "boosted"
            | "shrank"
            | "expanded"
            | "tumbled"
            | "doubled"
            | "moved"
            | "revised"
            | "grow"
            | "grows"
            | "growing"
            | "rising"
            | "falling"
            | "increasing"
            | "dropping"
            | "climbing"
            | "jump"
            | "jumps"
            | "shrink"
            | "shrinks"
            | "expand"
            | "expands"
            | "expanding"
            | "reduce"
            | "reduces"
            | "cutting"
            | "raising"
            | "changing"
            | "moving"
    )
}

/// True when `span` overlaps one of the sorted `spans`.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(span))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod starter_tests {
    use super::{STARTERS, starter_word};

    fn plain(w: &str) -> bool {
        STARTERS.contains(&w)
    }

    #[test]
    fn shape_test_keeps_every_starter() {
        for w in STARTERS {
            assert!(starter_word(w), "{w}");
        }
        for w in [
            "",
            "the",
            "said",
            "ones",
            "twos",
            "tenth",
            "Two",
            "a.",
            "millionth",
            "x",
            "an’",
        ] {
            assert_eq!(starter_word(w), plain(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn shape_test_is_the_set(w in "[a-zA-Z’é]{0,11}|(zero|one|two|ten|tens|a|an|half|several|minus|dozens|millions)[a-z]?") {
            proptest::prop_assert_eq!(starter_word(&w), plain(&w));
        }
    }
}
