//! Writing an article: template expansion, an outlet's style, and the assembly of sentences
//! into paragraphs.

use super::event::{Event, Story, write_figure};
use super::rng::Rng;
use super::templates::{AFTER_QUOTE, CLOSERS, EXPLAINERS};

/// How an outlet writes dates, percentages and datelines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// 0: "on Friday", 1: "on Sept. 5", 2: "on Friday, Sept. 5".
    pub date: u8,
    /// "4.5 percent" rather than "4.5%".
    pub percent_word: bool,
    /// Start with "CITY —".
    pub dateline: bool,
}

impl Style {
    /// A random house style.
    pub(crate) fn random(rng: &mut Rng) -> Style {
        Style {
            date: [0, 0, 0, 1, 2][rng.below(5)],
            percent_word: rng.chance(0.5),
            dateline: rng.chance(0.5),
        }
    }
}

/// A written article: headline and paragraphs of sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Article {
    pub title: String,
    pub paragraphs: Vec<Vec<String>>,
}

impl Article {
    /// The text: sentences joined by spaces, paragraphs by blank lines.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            for (j, s) in p.iter().enumerate() {
                if j > 0 {
                    out.push(' ');
                }
                out.push_str(s);
            }
        }
        out
    }
}

/// Expands templates for one article about one event.
pub(crate) struct Ctx<'a> {
    pub story: &'a Story,
    pub event: &'a Event,
    pub style: Style,
    /// Cast members already named in full in this article.
    mentioned: Vec<&'static str>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(story: &'a Story, event: &'a Event, style: Style) -> Ctx<'a> {
        Ctx {
            story,
            event,
            style,
            mentioned: Vec::new(),
        }
    }

    /// Expands one template into `out`.
    fn expand_into(&mut self, template: &str, rng: &mut Rng, out: &mut String) {
        let mut rest = template;
        while let Some(pos) = rest.find(['{', '[']) {
            out.push_str(&rest[..pos]);
            let open = rest.as_bytes()[pos];
            let close_ch = if open == b'{' { '}' } else { ']' };
            let close = rest[pos..].find(close_ch).map_or(rest.len(), |c| pos + c);
            let inner = &rest[pos + 1..close];
            if open == b'{' {
                self.resolve(inner, out);
            } else {
                let alts: Vec<&str> = inner.split('|').collect();
                let alt = alts[rng.below(alts.len())];
                self.expand_into(alt, rng, out);
            }
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out.push_str(rest);
    }

    /// Expands a template as a sentence or headline: first letter capitalized.
    pub(crate) fn expand(&mut self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        self.expand_into(template, rng, &mut out);
        capitalize(out)
    }

    /// Marks every cast member as named already (headlines and added sentences use last names).
    pub(crate) fn mention_all(&mut self) {
        self.mentioned = self.story.cast.iter().map(|(k, _)| *k).collect();
    }

    /// A cast member: full at the first mention, last name after.
    pub(crate) fn mention(&mut self, role: &str) -> String {
        let Some((key, p)) = self.story.cast.iter().find(|(k, _)| *k == role) else {
            return "officials".to_string();
        };
        if self.mentioned.contains(key) {
            p.last.to_string()
        } else {
            self.mentioned.push(key);
            p.full()
        }
    }

    fn on_day(&self) -> String {
        let d = self.event.day;
        match self.style.date {
            0 => format!("on {}", d.weekday()),
            1 => format!("on {}", d.month_day()),
            _ => format!("on {}, {}", d.weekday(), d.month_day()),
        }
    }

    fn resolve(&mut self, key: &str, out: &mut String) {
        if let Some(role) = key.strip_prefix('@') {
            match role.strip_suffix(".last") {
                Some(r) => match self.story.person(r) {
                    Some(p) => out.push_str(p.last),
                    None => out.push_str("officials"),
                },
                None => {
                    let m = self.mention(role);
                    out.push_str(&m);
                }
            }
            return;
        }
        if let Some(fig) = key.strip_prefix('#') {
            if let Some(f) = self.event.figures.iter().find(|f| f.key == fig) {
                let cur = self.story.country.currency;
                out.push_str(&write_figure(*f, cur, self.style.percent_word));
            }
            return;
        }
        let day = self.event.day;
        match key {
            "on_day" => out.push_str(&self.on_day()),
            "weekday" => out.push_str(day.weekday()),
            "since" => out.push_str(&self.story.start.relative_to(day)),
            "since_bare" => {
                let r = self.story.start.relative_to(day);
                let r = r
                    .strip_prefix("in ")
                    .or_else(|| r.strip_prefix("on "))
                    .unwrap_or(&r);
                out.push_str(if r == "earlier this month" {
                    "the start of the month"
                } else {
                    r
                });
            }
            "prev" => match self.event.prev {
                Some(p) => out.push_str(&p.relative_to(day)),
                None => out.push_str("earlier"),
            },
            "city" => out.push_str(self.event.city),
            _ => out.push_str(self.story.slot(key).unwrap_or(key)),
        }
    }
}

/// Capitalizes the first letter and folds the punctuation that an appositive title leaves at
/// a clause end ("Gomez, analyst at X,." -> "Gomez, analyst at X.").
fn capitalize(mut s: String) -> String {
    if s.contains(",.") || s.contains(",:") || s.contains(",,") || s.contains(",’") {
        s = s
            .replace(",.", ".")
            .replace(",:", ":")
            .replace(",,", ",")
            .replace(",’", "’");
    }
    if let Some(c) = s.chars().next()
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
    s
}

/// The phrasing an outlet uses for a sentence role with `n` phrasings: the first `n` outlets of
/// an event get distinct phrasings, in an order that differs from role to role.
pub(crate) fn phrasing(event_seed: u64, tag: u64, outlet: usize, n: usize) -> usize {
    let block = (outlet / n) as u64;
    let mut order: Vec<usize> = (0..n).collect();
    Rng::derive(event_seed, tag.wrapping_mul(64).wrapping_add(block)).shuffle(&mut order);
    order[outlet % n]
}

/// Rough number of words a template expands to.
fn approx_words(t: &str) -> usize {
    t.split_whitespace().count() + 2
}

/// A planned sentence: section (0 lede .. 4 closer), order inside it, what to write.
struct Plan {
    section: u8,
    order: u32,
    item: Item,
}

enum Item {
    Template(&'static str),
    Quote {
        role: &'static str,
        words: &'static str,
        form: usize,
        short: bool,
    },
    AfterQuote(&'static str, &'static str),
}

/// Writes the `outlet`-th independent article about `event`.
pub(crate) fn write_up(story: &Story, event: &Event, outlet: usize, rng: &mut Rng) -> Article {
    let style = Style::random(rng);
    let kind = event.kind;
    let domain = story.domain;
    let seed = event.seed;
    let pick =
        |tag: u64, list: &'static [&'static str]| list[phrasing(seed, tag, outlet, list.len())];

    let target = [220, 300, 380, 460, 540, 640][rng.below(6)] + rng.below(60);
    let mut plans: Vec<Plan> = Vec::new();
    let mut optional: Vec<Plan> = Vec::new();
    let lede = pick(2, kind.ledes);
    plans.push(Plan {
        section: 0,
        order: 0,
        item: Item::Template(lede),
    });
    let mut words = approx_words(lede);

    let mut facts: Vec<usize> = (0..kind.facts.len()).collect();
    rng.shuffle(&mut facts);
    for (n, &j) in facts.iter().enumerate() {
        let t = pick(100 + j as u64, kind.facts[j]);
        let plan = Plan {
            section: 1,
            order: (j as u32) * 10,
            item: Item::Template(t),
        };
        if n < 2 {
            words += approx_words(t);
            plans.push(plan);
        } else {
            optional.push(plan);
        }
    }
    let nq = 2 + rng.below(kind.quotes.len().min(5) - 1);
    for (n, q) in rng.sample(kind.quotes.len(), nq).into_iter().enumerate() {
        let (role, words_) = kind.quotes[q];
        let plan = Plan {
            section: 1,
            order: rng.below(kind.facts.len() * 10 + 5) as u32,
            item: Item::Quote {
                role,
                words: words_,
                form: rng.below(6),
                short: rng.chance(0.25),
            },
        };
        if n < 2 {
            words += approx_words(words_) + 3;
            plans.push(plan);
        } else {
            optional.push(plan);
        }
        if rng.chance(0.15) {
            let order = plan_order_after(&plans, &optional);
            optional.push(Plan {
                section: 1,
                order,
                item: Item::AfterQuote(role, rng.choose(AFTER_QUOTE)),
            });
        }
    }
    for (j, role) in domain.context.iter().enumerate() {
        let order = rng.below(100) as u32;
        optional.push(Plan {
            section: 2,
            order,
            item: Item::Template(pick(200 + j as u64, role)),
        });
    }
    if event.prev.is_some() {
        for (j, role) in domain.followup.iter().enumerate() {
            let order = rng.below(100) as u32;
            optional.push(Plan {
                section: 2,
                order,
                item: Item::Template(pick(300 + j as u64, role)),
            });
        }
    }
    for (j, role) in EXPLAINERS.iter().enumerate() {
        let order = rng.below(100) as u32;
        optional.push(Plan {
            section: 3,
            order,
            item: Item::Template(pick(400 + j as u64, role)),
        });
    }
    let c = rng.below(CLOSERS.len());
    optional.push(Plan {
        section: 4,
        order: 0,
        item: Item::Template(pick(500 + c as u64, CLOSERS[c])),
    });

    // Fill up to the target length with optional sentences in random order, explainers last.
    rng.shuffle(&mut optional);
    optional.sort_by_key(|p| p.section == 3);
    for plan in optional {
        if words >= target {
            break;
        }
        words += match plan.item {
            Item::Template(t) => approx_words(t),
            Item::Quote { words, .. } => approx_words(words) + 3,
            Item::AfterQuote(..) => 5,
        };
        plans.push(plan);
    }
    plans.sort_by_key(|p| (p.section, p.order));

    let mut ctx = Ctx::new(story, event, style);
    let title = {
        // The headline never consumes a first mention.
        let mut head = Ctx::new(story, event, style);
        head.mention_all();
        head.expand(pick(1, kind.headlines), rng)
    };
    let mut sentences: Vec<String> = Vec::with_capacity(plans.len());
    for plan in &plans {
        let s = match plan.item {
            Item::Template(t) => ctx.expand(t, rng),
            Item::Quote {
                role,
                words,
                form,
                short,
            } => quote(&mut ctx, rng, role, words, form, short),
            Item::AfterQuote(role, t) => {
                let who = story.person(role).map_or("The official", |p| p.last);
                capitalize(t.replace("{who}", who))
            }
        };
        sentences.push(s);
    }
    if style.dateline {
        let city = event.city.to_uppercase();
        sentences[0] = if rng.chance(0.5) {
            format!("{city} — {}", sentences[0])
        } else {
            format!(
                "{city}, {} — {}",
                story.country.name.trim_start_matches("the "),
                sentences[0]
            )
        };
    }
    Article {
        title,
        paragraphs: paragraphs(sentences, rng),
    }
}

fn plan_order_after(plans: &[Plan], optional: &[Plan]) -> u32 {
    // Right after the quote just planned (the last one pushed to either list).
    let last = match (plans.last(), optional.last()) {
        (_, Some(p)) if matches!(p.item, Item::Quote { .. }) => p.order,
        (Some(p), _) => p.order,
        _ => 0,
    };
    last + 1
}

/// A quote with its attribution; `short` keeps only the first clause.
fn quote(
    ctx: &mut Ctx<'_>,
    rng: &mut Rng,
    role: &str,
    words: &str,
    form: usize,
    short: bool,
) -> String {
    let mut q = ctx.expand(words, rng);
    if short && let Some(i) = q.find(", ") {
        q.truncate(i);
    }
    let who = ctx.mention(role);
    capitalize(match form {
        0 => format!("“{q},” {who} said."),
        1 => format!("“{q},” said {who}."),
        2 => format!("{who} said: “{q}.”"),
        3 => format!("“{q},” {who} told reporters."),
        4 => format!("“{q},” {who} said in a statement."),
        _ => format!("In remarks to reporters, {who} said: “{q}.”"),
    })
}

/// Groups sentences into paragraphs of one to three sentences.
fn paragraphs(sentences: Vec<String>, rng: &mut Rng) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut size = 0;
    for s in sentences {
        if size == 0 || out.last().is_none_or(|p| p.len() >= size) {
            size = [1, 1, 2, 2, 2, 3][rng.below(6)];
            out.push(Vec::new());
        }
        out.last_mut().expect("pushed").push(s);
    }
    out
}
