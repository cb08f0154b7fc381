//! Number words, scale words and suffixes, vague magnitudes and fractions (lowercase lookups).

/// A cardinal number word below one hundred: `one` ... `ninety`.
pub(crate) fn small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// True for `twenty` ... `ninety`, which take a hyphenated unit (`twenty-six`).
pub(crate) fn is_tens(w: &str) -> bool {
    matches!(
        w,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    )
}

/// A scale word after a number: `1.5 million`, `two dozen`, `5 lakh`.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bln" => 1e9,
        "trillion" => 1e12,
        "dozen" => 12.0,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// A scale suffix glued to digits or spaced after them: `30k`, `$2bn`, `£1.5m`, `5 bn`.
/// `m` and `b` only count after a currency (see the caller).
pub(crate) fn scale_suffix(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" | "mil" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" | "tr" => 1e12,
        _ => return None,
    })
}

/// Plural magnitudes read as intervals: `thousands` = [1,000, 10,000].
pub(crate) fn vague_plural(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "tens" => (10.0, 100.0),
        "dozens" => (12.0, 120.0),
        "scores" => (40.0, 200.0),
        "hundreds" => (1e2, 1e3),
        "thousands" => (1e3, 1e4),
        "millions" => (1e6, 1e7),
        "billions" => (1e9, 1e10),
        "trillions" => (1e12, 1e13),
        _ => return None,
    })
}

/// A fraction word: `third`/`thirds` = 1/3, `half` = 1/2.
pub(crate) fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 0.5,
        "third" | "thirds" => 1.0 / 3.0,
        "quarter" | "quarters" => 0.25,
        "fourth" | "fourths" => 0.25,
        "fifth" | "fifths" => 0.2,
        "sixth" | "sixths" => 1.0 / 6.0,
        "seventh" | "sevenths" => 1.0 / 7.0,
        "eighth" | "eighths" => 0.125,
        "ninth" | "ninths" => 1.0 / 9.0,
        "tenth" | "tenths" => 0.1,
        _ => return None,
    })
}

/// Suffixes glued to digits that make them not a quantity: ordinals, decades, times of day.
pub(crate) fn is_non_quantity_suffix(w: &str) -> bool {
    matches!(
        w,
        "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "h" | "hrs" | "gmt" | "utc"
    )
}

/// Month names and abbreviations, lowercase (the date lexicon's list).
pub(crate) fn is_month(w: &str) -> bool {
    crate::claim::date::is_month_word(w)
}

/// Weekday names, lowercase (the date lexicon's list).
pub(crate) fn is_weekday(w: &str) -> bool {
    crate::claim::date::is_weekday_word(w)
}

/// Words after a number that make it a time of day.
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "edt"
            | "est"
            | "pdt"
            | "pst"
            | "et"
            | "pt"
            | "o'clock"
            | "hrs"
            | "msk"
            | "ist"
    )
}

/// Words before a number that make it an identifier: `page 5`, `Article 5`, `flight 17`.
pub(crate) fn is_id_word(w: &str) -> bool {
    matches!(
        w,
        "page"
            | "pages"
            | "p"
            | "pp"
            | "section"
            | "sections"
            | "article"
            | "articles"
            | "chapter"
            | "paragraph"
            | "para"
            | "clause"
            | "resolution"
            | "no"
            | "nos"
            | "number"
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "platform"
            | "gate"
            | "version"
            | "episode"
            | "season"
            | "volume"
            | "vol"
            | "grade"
            | "phase"
            | "stage"
            | "round"
            | "category"
            | "amendment"
            | "rule"
            | "item"
            | "title"
            | "tier"
            | "channel"
            | "bill"
            | "exit"
            | "apartment"
            | "apt"
            | "suite"
            | "floor"
            | "figure"
            | "fig"
            | "table"
            | "code"
            | "id"
            | "ward"
            | "district"
            | "precinct"
            | "unit"
            | "lane"
            | "block"
            | "building"
            | "plot"
            | "case"
            | "docket"
            | "model"
            | "type"
            | "size"
            | "level"
            | "week"
            | "day"
            | "year"
            | "game"
            | "match"
            | "hole"
            | "lap"
            | "pier"
            | "terminal"
            | "hall"
            | "box"
            | "act"
            | "scene"
            | "verse"
            | "psalm"
            | "line"
            | "bus"
            | "train"
            | "car"
    )
}
