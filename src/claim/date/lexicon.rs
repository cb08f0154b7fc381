//! Word classes the date matcher cares about. Lookup is a `match` on a lowercased stack copy of
//! the word, so there is no allocation and no hashing per token.

use jiff::civil::Weekday;

/// A season of the (northern, meteorological) year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A calendar unit named by a word ("week", "months").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// The date-relevant class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// Month number 1-12; `true` when abbreviated ("Jan", "Sept").
    Month(i8, bool),
    /// Weekday; `true` when abbreviated ("Fri").
    Weekday(Weekday, bool),
    /// today (0), yesterday (-1), tomorrow (1), tonight (0).
    DayRel(i8),
    /// last (-1), this (0), next (1), and synonyms.
    Rel(i8),
    /// "past"/"previous" before a count ("the past two weeks").
    Past,
    /// "coming": future window.
    Coming,
    /// early (0), mid (1), late (2), and the "end/beginning/start/middle" of constructions.
    Part(u8),
    /// earlier (-1) / later (1) this week/month/year.
    EarlierLater(i8),
    /// A season word.
    Season(Season),
    /// A unit word; `true` when plural.
    Unit(Unit, bool),
    /// A small number word ("two", "a").
    Num(u8),
    /// Nothing relevant.
    Other,
}

/// Classifies `word` (any case).
pub(crate) fn classify(word: &str) -> W {
    let b = word.as_bytes();
    if b.len() > 10 || b.len() < 2 || !b.iter().all(u8::is_ascii_alphabetic) {
        return W::Other;
    }
    let mut buf = [0u8; 10];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let lw = &buf[..b.len()];
    use Weekday::*;
    match lw {
        b"january" => W::Month(1, false),
        b"february" => W::Month(2, false),
        b"march" => W::Month(3, false),
        b"april" => W::Month(4, false),
        b"may" => W::Month(5, false),
        b"june" => W::Month(6, false),
        b"july" => W::Month(7, false),
        b"august" => W::Month(8, false),
        b"september" => W::Month(9, false),
        b"october" => W::Month(10, false),
        b"november" => W::Month(11, false),
        b"december" => W::Month(12, false),
        b"jan" => W::Month(1, true),
        b"feb" => W::Month(2, true),
        b"mar" => W::Month(3, true),
        b"apr" => W::Month(4, true),
        b"jun" => W::Month(6, true),
        b"jul" => W::Month(7, true),
        b"aug" => W::Month(8, true),
        b"sep" | b"sept" => W::Month(9, true),
        b"oct" => W::Month(10, true),
        b"nov" => W::Month(11, true),
        b"dec" => W::Month(12, true),
        b"monday" => W::Weekday(Monday, false),
        b"tuesday" => W::Weekday(Tuesday, false),
        b"wednesday" => W::Weekday(Wednesday, false),
        b"thursday" => W::Weekday(Thursday, false),
        b"friday" => W::Weekday(Friday, false),
        b"saturday" => W::Weekday(Saturday, false),
        b"sunday" => W::Weekday(Sunday, false),
        b"mon" => W::Weekday(Monday, true),
        b"tue" | b"tues" => W::Weekday(Tuesday, true),
        b"wed" => W::Weekday(Wednesday, true),
        b"thu" | b"thur" | b"thurs" => W::Weekday(Thursday, true),
        b"fri" => W::Weekday(Friday, true),
        b"sat" => W::Weekday(Saturday, true),
        b"sun" => W::Weekday(Sunday, true),
        b"today" | b"tonight" => W::DayRel(0),
        b"yesterday" => W::DayRel(-1),
        b"tomorrow" => W::DayRel(1),
        b"last" => W::Rel(-1),
        b"this" => W::Rel(0),
        b"next" => W::Rel(1),
        b"past" | b"previous" => W::Past,
        b"coming" => W::Coming,
        b"early" | b"beginning" | b"start" => W::Part(0),
        b"mid" | b"middle" => W::Part(1),
        b"late" | b"end" => W::Part(2),
        b"earlier" => W::EarlierLater(-1),
        b"later" => W::EarlierLater(1),
        b"spring" => W::Season(Season::Spring),
        b"summer" => W::Season(Season::Summer),
        b"autumn" | b"fall" => W::Season(Season::Autumn),
        b"winter" => W::Season(Season::Winter),
        b"day" => W::Unit(Unit::Day, false),
        b"days" => W::Unit(Unit::Day, true),
        b"week" => W::Unit(Unit::Week, false),
        b"weeks" => W::Unit(Unit::Week, true),
        b"weekend" => W::Unit(Unit::Weekend, false),
        b"month" => W::Unit(Unit::Month, false),
        b"months" => W::Unit(Unit::Month, true),
        b"year" => W::Unit(Unit::Year, false),
        b"years" => W::Unit(Unit::Year, true),
        b"decade" => W::Unit(Unit::Decade, false),
        b"decades" => W::Unit(Unit::Decade, true),
        b"an" | b"one" => W::Num(1),
        b"two" | b"couple" => W::Num(2),
        b"three" => W::Num(3),
        b"four" => W::Num(4),
        b"five" => W::Num(5),
        b"six" => W::Num(6),
        b"seven" => W::Num(7),
        b"eight" => W::Num(8),
        b"nine" => W::Num(9),
        b"ten" => W::Num(10),
        b"eleven" => W::Num(11),
        b"twelve" => W::Num(12),
        b"fifteen" => W::Num(15),
        b"twenty" => W::Num(20),
        b"thirty" => W::Num(30),
        _ => W::Other,
    }
}

/// Lowercased ASCII copy in a stack buffer, for `match`ing short words; `None` if not short ASCII.
fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.len() > 12 || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// Words after which a bare four-digit number is a label or a count, not a year.
pub(crate) fn is_not_year_before(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"about"
            | b"around"
            | b"approximately"
            | b"nearly"
            | b"almost"
            | b"roughly"
            | b"some"
            | b"than"
            | b"least"
            | b"most"
            | b"only"
            | b"just"
            | b"under"
            | b"top"
            | b"totaling"
            | b"totalling"
            | b"no"
            | b"number"
            | b"nos"
            | b"page"
            | b"pages"
            | b"flight"
            | b"resolution"
            | b"article"
            | b"section"
            | b"route"
            | b"room"
            | b"model"
            | b"chapter"
            | b"rule"
            | b"code"
            | b"paragraph"
            | b"item"
            | b"unit"
            | b"bus"
            | b"highway"
            | b"interstate"
            | b"district"
            | b"precinct"
            | b"apartment"
            | b"suite"
            | b"gate"
            | b"platform"
            | b"channel"
            | b"version"
            | b"vol"
            | b"volume"
            | b"issue"
            | b"episode"
            | b"patent"
            | b"bill"
            | b"decree"
            | b"boeing"
            | b"airbus"
            | b"su"
            | b"mig"
            | b"tu"
            | b"exactly"
            | b"over"
            | b"upwards"
            | b"estimated"
            | b"killed"
            | b"killing"
            | b"kill"
            | b"with"
            | b"additional"
            | b"another"
            | b"extra"
            | b"all"
    )
}

/// Prepositions after which a four-digit number is a year even before a plural noun
/// ("since 2014 troops have ...").
pub(crate) fn is_strong_year_prep(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"since" | b"until" | b"till" | b"during" | b"before" | b"after" | b"of" | b"circa"
    )
}

/// Prepositions and determiners that make a year reading likely for 1000-1899 too.
pub(crate) fn is_year_prep(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    is_strong_year_prep(word)
        || matches!(
            w,
            b"in" | b"by" | b"from" | b"through" | b"to" | b"between" | b"and"
        )
}

/// Words after a four-digit number that make it a count, a measure or a time ("2000 GMT").
pub(crate) fn is_not_year_after(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"percent"
            | b"per"
            | b"pc"
            | b"gmt"
            | b"utc"
            | b"hours"
            | b"hrs"
            | b"local"
            | b"of"
            | b"km"
            | b"kg"
            | b"m"
            | b"mph"
            | b"kph"
            | b"ft"
            | b"feet"
            | b"metres"
            | b"meters"
            | b"miles"
            | b"tonnes"
            | b"tons"
            | b"people"
            | b"men"
            | b"women"
            | b"children"
            | b"personnel"
            | b"staff"
            | b"police"
            | b"more"
            | b"fewer"
            | b"less"
            | b"strong"
            | b"dollars"
            | b"euros"
            | b"pounds"
            | b"rubles"
            | b"roubles"
            | b"yen"
            | b"yuan"
            | b"times"
            | b"other"
            | b"others"
            | b"additional"
            | b"new"
    )
}

/// Plural nouns that follow a year ("the 2024 elections"), not a count.
pub(crate) fn is_event_plural(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"elections"
            | b"olympics"
            | b"games"
            | b"talks"
            | b"protests"
            | b"polls"
            | b"riots"
            | b"midterms"
            | b"floods"
            | b"accords"
            | b"negotiations"
            | b"sanctions"
            | b"attacks"
            | b"events"
            | b"agreements"
            | b"minsk"
            | b"invasions"
            | b"figures"
            | b"levels"
            | b"results"
            | b"records"
            | b"statistics"
            | b"data"
            | b"budgets"
            | b"plans"
            | b"reforms"
            | b"amendments"
            | b"championships"
            | b"finals"
            | b"awards"
            | b"oscars"
            | b"grammys"
            | b"primaries"
            | b"hearings"
            | b"guidelines"
            | b"rules"
            | b"regulations"
            | b"accounts"
            | b"earnings"
            | b"sales"
            | b"prices"
            | b"rates"
            | b"standards"
            | b"protocols"
            | b"revolutions"
            | b"crisis"
    )
}

/// True for a lowercase word that looks like a plural noun ("soldiers", "countries").
pub(crate) fn looks_plural(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_lowercase()
        && b[b.len() - 1] == b's'
        && !matches!(b[b.len() - 2], b's' | b'u' | b'i')
        && !matches!(
            word,
            "was"
                | "has"
                | "does"
                | "goes"
                | "says"
                | "sees"
                | "gets"
                | "lets"
                | "makes"
                | "takes"
                | "comes"
                | "gives"
                | "seems"
                | "means"
                | "keeps"
                | "needs"
                | "wants"
                | "looks"
                | "shows"
                | "tells"
                | "asks"
                | "holds"
                | "runs"
                | "puts"
                | "sets"
                | "its"
                | "hers"
                | "ours"
                | "yours"
                | "theirs"
                | "perhaps"
                | "always"
                | "afterwards"
                | "towards"
                | "besides"
                | "sometimes"
                | "whereas"
                | "news"
                | "marks"
                | "begins"
                | "ends"
                | "remains"
                | "becomes"
                | "follows"
                | "leaves"
                | "brings"
                | "turns"
                | "starts"
        )
}

/// Words before a weekday that make it a name ("Black Friday", "Bloody Sunday").
pub(crate) fn is_weekday_name_prefix(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"black"
            | b"good"
            | b"bloody"
            | b"super"
            | b"ash"
            | b"easter"
            | b"palm"
            | b"cyber"
            | b"holy"
            | b"maundy"
            | b"man"
            | b"girl"
            | b"giving"
            | b"whit"
            | b"shrove"
            | b"mail"
    )
}

/// Words after a weekday that make it a title ("Sunday Times").
pub(crate) fn is_weekday_name_suffix(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"times"
            | b"telegraph"
            | b"express"
            | b"mirror"
            | b"post"
            | b"herald"
            | b"world"
            | b"independent"
            | b"sport"
            | b"people"
            | b"mail"
            | b"night"
    ) && word.as_bytes()[0].is_ascii_uppercase()
}

/// Future-tense cues before a date in the same sentence ("will meet on Friday").
pub(crate) fn is_future_cue(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"will"
            | b"shall"
            | b"ll"
            | b"won"
            | b"upcoming"
            | b"scheduled"
            | b"due"
            | b"expected"
            | b"plans"
            | b"planned"
            | b"plan"
            | b"planning"
            | b"intends"
            | b"slated"
            | b"going"
            | b"deadline"
    )
}

/// Parts of the day that may follow a weekday or "yesterday" ("Friday night").
pub(crate) fn is_day_part(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"morning" | b"afternoon" | b"evening" | b"night" | b"overnight"
    )
}
