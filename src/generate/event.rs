//! The event model: stories (an ongoing subject with a cast), and events (one happening on one
//! day, with its place and figures).

use super::rng::{Day, Rng};
use super::templates::{DOMAINS, Domain, Kind, NumKind};
use super::vocab::{
    COMPANY_STEMS, COUNTRIES, Country, FIRST_NAMES, INDUSTRIES, LAST_NAMES, PARTIES, TRADES,
};

/// A named person in a story.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub title: String,
    pub first: &'static str,
    pub last: &'static str,
}

impl Person {
    /// "French President Claire Dubois".
    ///
    /// Titles that read as a description ("analyst at Veridian Capital", "head of the national
    /// disaster agency") follow the name instead: "Mette Gomez, analyst at Veridian Capital".
    pub(crate) fn full(&self) -> String {
        let t = &self.title;
        if t.contains(" at ") || t.starts_with("head of") {
            format!("{} {}, {t},", self.first, self.last)
        } else {
            format!("{t} {} {}", self.first, self.last)
        }
    }
}

/// An ongoing subject: a domain, two countries, organizations, a cast, a start day.
pub(crate) struct Story {
    pub domain: &'static Domain,
    pub country: &'static Country,
    pub home_city: &'static str,
    /// Story-level slots (`country`, `org`, `issue`, ...), looked up linearly: there are few.
    pub slots: Vec<(&'static str, String)>,
    pub cast: Vec<(&'static str, Person)>,
    pub start: Day,
}

/// A figure of an event: what it counts, how it is written, its value (units of the kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    pub key: &'static str,
    pub kind: NumKind,
    pub value: u64,
}

/// One happening: a kind, a day, a city, figures; `seq` is its number inside the story.
pub(crate) struct Event {
    pub kind: &'static Kind,
    pub day: Day,
    pub prev: Option<Day>,
    pub city: &'static str,
    pub figures: Vec<Figure>,
    /// Seed for per-event phrasing choices shared by all write-ups of the event.
    pub seed: u64,
}

fn person(rng: &mut Rng, title: String) -> Person {
    Person {
        title,
        first: rng.choose(FIRST_NAMES),
        last: rng.choose(LAST_NAMES),
    }
}

/// Expands `{slot}` references in a title pattern from story slots (no alternations).
fn fill(pattern: &str, slots: &[(&'static str, String)]) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let key = &rest[open + 1..close];
        match slots.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(key),
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// The head of government's title.
fn leader(country: &Country) -> &'static str {
    const PRESIDENTIAL: &[&str] = &[
        "the United States",
        "France",
        "Brazil",
        "Argentina",
        "Chile",
        "Peru",
        "Colombia",
        "Mexico",
        "Ukraine",
        "Russia",
        "Turkey",
        "South Korea",
        "Indonesia",
        "the Philippines",
        "Kenya",
        "Nigeria",
        "South Africa",
        "Egypt",
        "Kazakhstan",
        "Iran",
        "China",
    ];
    if PRESIDENTIAL.contains(&country.name) {
        "President"
    } else {
        "Prime Minister"
    }
}

fn company(rng: &mut Rng) -> (String, &'static str, &'static str) {
    let (suffix, what, make) = rng.choose(INDUSTRIES);
    (format!("{} {suffix}", rng.pick(COMPANY_STEMS)), what, make)
}

impl Story {
    /// A new story drawn from `rng`, starting on a day in 2023-2025.
    pub(crate) fn new(rng: &mut Rng) -> Story {
        let domain = rng.pick(DOMAINS);
        let a = rng.below(COUNTRIES.len());
        let b = (a + 1 + rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
        let (country, other) = (&COUNTRIES[a], &COUNTRIES[b]);
        let home_city = rng.choose(country.cities);
        let start = Day::from_ymd(2023, 1, 1).plus(rng.below(3 * 365) as i32);
        let mut slots: Vec<(&'static str, String)> = vec![
            ("country", country.name.to_string()),
            ("cadj", country.adj.to_string()),
            ("capital", country.capital.to_string()),
            ("country2", other.name.to_string()),
            ("cadj2", other.adj.to_string()),
            ("capital2", other.capital.to_string()),
            ("city", home_city.to_string()),
            ("issue", rng.pick(domain.issues).to_string()),
            ("leader", leader(country).to_string()),
            ("leader2", leader(other).to_string()),
        ];
        let stem = rng.choose(COMPANY_STEMS);
        let (org, org2) = match domain.name {
            "election" => {
                let i = rng.below(PARTIES.len());
                let j = (i + 1 + rng.below(PARTIES.len() - 1)) % PARTIES.len();
                (PARTIES[i].to_string(), PARTIES[j].to_string())
            }
            "labor" => {
                let (c, what, make) = company(rng);
                slots.push(("what", what.to_string()));
                slots.push(("make", make.to_string()));
                let union = if rng.chance(0.5) {
                    format!("National Union of {}", rng.pick(TRADES))
                } else {
                    format!("{} {} Union", country.adj, rng.pick(TRADES))
                };
                (union, c)
            }
            "business" => {
                let (c, what, make) = company(rng);
                slots.push(("what", what.to_string()));
                slots.push(("make", make.to_string()));
                (c, format!("{stem} Capital"))
            }
            "economy" => (
                format!(
                    "Central Bank of {}",
                    country.name.trim_start_matches("the ")
                ),
                format!("{stem} Capital"),
            ),
            "protest" => (
                rng.pick(&[
                    "Citizens' Front",
                    "Public Voice movement",
                    "Students' Coalition",
                    "Together movement",
                    "Civic Alliance",
                ])
                .to_string(),
                String::new(),
            ),
            "disaster" => ("national disaster agency".to_string(), String::new()),
            _ => ("foreign ministry".to_string(), String::new()),
        };
        slots.push(("org", org));
        slots.push(("org2", org2));
        let cast = domain
            .roles
            .iter()
            .map(|role| {
                let title = fill(rng.choose(role.titles), &slots);
                (role.key, person(rng, title))
            })
            .collect();
        Story {
            domain,
            country,
            home_city,
            slots,
            cast,
            start,
        }
    }

    /// A story slot.
    pub(crate) fn slot(&self, key: &str) -> Option<&str> {
        self.slots
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A cast member.
    pub(crate) fn person(&self, key: &str) -> Option<&Person> {
        self.cast.iter().find(|(k, _)| *k == key).map(|(_, p)| p)
    }

    /// The story's events: 1 to 7, a few days to weeks apart, same cast.
    pub(crate) fn events(&self, rng: &mut Rng) -> Vec<Event> {
        let n = [1, 1, 2, 3, 3, 4, 5, 6, 7][rng.below(9)];
        let mut day = self.start;
        let mut prev = None;
        (0..n)
            .map(|i| {
                if i > 0 {
                    day = day.plus(rng.range(1, 16) as i32);
                }
                let kind = rng.pick(self.domain.kinds);
                let city = if rng.chance(0.7) {
                    self.home_city
                } else {
                    rng.pick(self.country.cities)
                };
                let event = Event {
                    kind,
                    day,
                    prev,
                    city,
                    figures: consistent(
                        kind.nums
                            .iter()
                            .map(|&(key, kind)| Figure {
                                key,
                                kind,
                                value: draw(rng, kind),
                            })
                            .collect(),
                    ),
                    seed: rng.next_u64(),
                };
                prev = Some(day);
                event
            })
            .collect()
    }
}

/// Makes an event's figures agree with each other: profit below revenue, the winner ahead of
/// the runner-up, an offer below the demand, basis points in steps of 25.
fn consistent(mut figs: Vec<Figure>) -> Vec<Figure> {
    let get = |figs: &[Figure], key: &str| figs.iter().find(|f| f.key == key).map(|f| f.value);
    fn set(figs: &mut [Figure], key: &str, v: u64) {
        if let Some(f) = figs.iter_mut().find(|f| f.key == key) {
            f.value = round(f.kind, v.max(1));
        }
    }
    let snapshot = figs.clone();
    if let (Some(rev), Some(profit)) = (get(&snapshot, "revenue"), get(&snapshot, "profit")) {
        set(&mut figs, "profit", profit.min(rev / 6));
    }
    if let (Some(a), Some(b)) = (get(&snapshot, "share"), get(&snapshot, "rshare"))
        && b + 20 > a
    {
        set(&mut figs, "rshare", a.saturating_sub(20 + b % 40));
    }
    if let (Some(raise), Some(offer)) = (get(&snapshot, "raise"), get(&snapshot, "offer"))
        && offer >= raise
    {
        set(&mut figs, "offer", raise / 2);
    }
    if let Some(bps) = get(&snapshot, "bps") {
        set(&mut figs, "bps", bps.div_ceil(25) * 25);
    }
    if let (Some(dead), Some(injured)) = (get(&snapshot, "dead"), get(&snapshot, "injured"))
        && injured <= dead
    {
        set(&mut figs, "injured", dead * 3);
    }
    figs
}

/// Rounds a value the way news rounds it: big counts to tens or hundreds, big money to
/// hundreds of millions.
fn round(kind: NumKind, v: u64) -> u64 {
    match kind {
        NumKind::Count(..) if v >= 10_000 => v / 100 * 100,
        NumKind::Count(..) if v >= 1_000 => v / 10 * 10,
        NumKind::Money(..) if v >= 1_000 => v / 100 * 100,
        NumKind::Money(..) if v >= 100 => v / 10 * 10,
        _ => v,
    }
}

fn draw(rng: &mut Rng, kind: NumKind) -> u64 {
    let (lo, hi) = match kind {
        NumKind::Count(lo, hi)
        | NumKind::Money(lo, hi)
        | NumKind::Pct(lo, hi)
        | NumKind::Dec(lo, hi) => (lo, hi),
    };
    // Skew towards the low end: the smaller of two uniform draws.
    let v = rng.range(lo, hi).min(rng.range(lo, hi));
    round(kind, v).max(1)
}

/// A different but plausible value for a figure: what a changed copy reports.
pub(crate) fn changed_value(rng: &mut Rng, fig: Figure) -> u64 {
    for _ in 0..8 {
        let v = fig.value;
        let delta = (v / 5).max(1);
        let d = rng.range(1, delta.max(1).min(v.max(2)));
        let new = if rng.chance(0.6) {
            v + d
        } else {
            v.saturating_sub(d)
        };
        let new = round(fig.kind, new).max(1);
        if new != v {
            return new;
        }
    }
    fig.value + 1
}

/// The core digits of a figure as written in text: "1,240", "3.2", "4.5", "6.8".
pub(crate) fn digits(kind: NumKind, value: u64) -> String {
    match kind {
        NumKind::Count(..) => thousands(value),
        NumKind::Money(..) if value >= 1000 => tenths(value / 100),
        NumKind::Money(..) => thousands(value),
        NumKind::Pct(..) if value % 10 == 0 => (value / 10).to_string(),
        NumKind::Pct(..) | NumKind::Dec(..) => tenths(value),
    }
}

fn tenths(v: u64) -> String {
    format!("{}.{}", thousands(v / 10), v % 10)
}

fn thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A figure written out: `percent_word` chooses "4.5 percent" over "4.5%".
pub(crate) fn write_figure(fig: Figure, currency: &str, percent_word: bool) -> String {
    let d = digits(fig.kind, fig.value);
    match fig.kind {
        NumKind::Money(..) if fig.value >= 1000 => {
            let d = d.trim_end_matches(".0");
            format!("{currency}{d} billion")
        }
        NumKind::Money(..) => format!("{currency}{d} million"),
        NumKind::Pct(..) if percent_word => format!("{d} percent"),
        NumKind::Pct(..) => format!("{d}%"),
        _ => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_like_news() {
        let f = |kind, value| Figure {
            key: "x",
            kind,
            value,
        };
        assert_eq!(
            write_figure(f(NumKind::Count(0, 0), 12400), "$", false),
            "12,400"
        );
        assert_eq!(
            write_figure(f(NumKind::Money(0, 0), 3200), "€", false),
            "€3.2 billion"
        );
        assert_eq!(
            write_figure(f(NumKind::Money(0, 0), 2000), "$", false),
            "$2 billion"
        );
        assert_eq!(
            write_figure(f(NumKind::Money(0, 0), 450), "$", false),
            "$450 million"
        );
        assert_eq!(
            write_figure(f(NumKind::Pct(0, 0), 45), "$", true),
            "4.5 percent"
        );
        assert_eq!(write_figure(f(NumKind::Pct(0, 0), 40), "$", false), "4%");
        assert_eq!(write_figure(f(NumKind::Dec(0, 0), 68), "$", false), "6.8");
    }

    #[test]
    fn stories_have_a_cast_and_dated_events() {
        let mut rng = Rng::new(7);
        for _ in 0..50 {
            let story = Story::new(&mut rng);
            assert_eq!(story.cast.len(), story.domain.roles.len());
            let events = story.events(&mut rng);
            assert!(!events.is_empty());
            assert!(events.windows(2).all(|w| w[0].day < w[1].day));
            for e in &events {
                for f in &e.figures {
                    let new = changed_value(&mut rng, *f);
                    assert_ne!(digits(f.kind, new), digits(f.kind, f.value));
                }
            }
        }
    }
}
