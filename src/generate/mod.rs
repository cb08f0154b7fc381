//! A deterministic, seeded generator of news-like corpora with ground truth, for tests and
//! benchmarks.
//!
//! The model has three levels, which are also the three levels of the ground truth:
//!
//! - a **story** is an ongoing subject (a labor dispute, a trial, a diplomatic row) with a cast of
//!   named people, two countries and its organizations, lasting days to weeks;
//! - an **event** is one happening in a story, on one day, in one city, with its own figures
//!   (counts, money, percentages) and quotes. One to six outlets write about it independently:
//!   same facts, different sentences (every sentence role has several phrasings, and outlets of
//!   one event get different ones), so their write-ups share names and numbers but few word
//!   5-grams;
//! - a **group** is a base article and its syndicated copies (share `dup_rate` of the corpus):
//!   new headline, byline and dateline, boilerplate, dropped, added or reordered sentences,
//!   synonyms, typos, a cut last paragraph, or only a figure or a date changed. Each copy stays
//!   within a bound of its base (word 5-gram Jaccard >= 0.88, or >= 0.6 for the share
//!   `hard_rate` of harder copies), checked with [`shingle_jaccard`] while it is made.
//!
//! Hard negatives come for free: stories of the same domain report the same kinds of events in
//! other places on other days, and the events of one story share their cast.
//!
//! Everything is drawn from one seeded SplitMix64 stream per story and static tables: the same
//! [`Config`] gives the same documents, byte for byte, on every platform.
//!
//! ```
//! use crosscheck::generate::{Config, Generator};
//!
//! let config = Config { docs: 50, seed: 7, ..Config::default() };
//! let docs: Vec<_> = Generator::new(config.clone())?.collect();
//! assert_eq!(docs.len(), 50);
//! assert!(docs.iter().all(|d| d.id.starts_with('d') && d.text.contains(". ")));
//! // Copies point at their base article and say what was changed.
//! let copy = docs.iter().find(|d| d.base.is_some()).expect("some copies");
//! assert!(docs.iter().any(|d| Some(&d.id) == copy.base.as_ref() && d.group == copy.group));
//!
//! // Deterministic:
//! let again: Vec<_> = Generator::new(config)?.collect();
//! assert_eq!(docs, again);
//! # Ok::<(), crosscheck::Error>(())
//! ```
//!
//! [`write()`] writes `corpus.jsonl`, `truth.jsonl` and `edits.jsonl` into a folder, streaming:
//! a million documents need one bucket of 8192 documents in memory.

mod event;
mod measure;
mod render;
mod rng;
mod templates;
mod variant;
mod vocab;
mod writer;

use std::collections::VecDeque;

use crate::error::{Error, Result};

pub use measure::{SHINGLE, jaccard_sets, shingle_jaccard, shingles};
pub use variant::Edit;
pub use writer::write;

use event::Story;
use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Number of documents. By default, 10,000.
    pub docs: usize,
    /// Seed: the same seed gives the same corpus. By default, 1.
    pub seed: u64,
    /// Share of documents that are syndicated copies of another, in `[0, 0.95]`. By default, 0.3.
    pub dup_rate: f64,
    /// Share of copies that are edited harder: word 5-gram Jaccard with their base between 0.6
    /// and 0.88 instead of at least 0.88, in `[0, 1]`. By default, 0.05.
    pub hard_rate: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            docs: 10_000,
            seed: 1,
            dup_rate: 0.3,
            hard_rate: 0.05,
        }
    }
}

/// One generated document with its ground truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// `d0000042`: zero-padded to the width of the corpus size.
    pub id: String,
    /// Row in the output files, from 0 (the id's number minus one).
    pub position: u32,
    /// Headline.
    pub title: String,
    /// Outlet or agency.
    pub source: String,
    /// Publication day, `YYYY-MM-DD`.
    pub published: String,
    /// The article.
    pub text: String,
    /// Near-duplicate group: a base article and its copies.
    pub group: String,
    /// Event: the write-ups of one happening and their copies.
    pub event: String,
    /// Story: the events of one ongoing subject.
    pub story: String,
    /// For a copy, the id of the article it copies.
    pub base: Option<String>,
    /// For a copy, what was changed.
    pub edits: Vec<Edit>,
}

/// Counts of what was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents.
    pub docs: usize,
    /// Copies among them.
    pub copies: usize,
    /// Near-duplicate groups (base articles).
    pub groups: usize,
    /// Events.
    pub events: usize,
    /// Stories.
    pub stories: usize,
}

/// Generates documents one event at a time, in story order, with shuffled ids. An iterator:
/// memory stays bounded by one story's documents plus a permutation of the ids (4 bytes each).
pub struct Generator {
    config: Config,
    /// Output row of the k-th generated document.
    rows: Vec<u32>,
    width: usize,
    queue: VecDeque<Record>,
    produced: usize,
    summary: Summary,
    last_title: String,
}

/// How many outlets write about one event, 1 to 6.
const OUTLET_WEIGHTS: [u32; 6] = [20, 25, 20, 15, 10, 10];
/// Upper bound on the word 5-gram Jaccard of two independent articles of one story.
const MAX_INDEPENDENT_JACCARD: f64 = 0.2;
/// At most this many copies of one article.
const MAX_COPIES: usize = 8;

impl Generator {
    /// A generator for `config`; fails on a `dup_rate` outside `[0, 0.95]` or more than
    /// `u32::MAX` documents.
    pub fn new(config: Config) -> Result<Generator> {
        if !(0.0..=0.95).contains(&config.dup_rate) {
            return Err(Error::config(format!(
                "dup rate must be between 0 and 0.95, got {}",
                config.dup_rate
            )));
        }
        if !(0.0..=1.0).contains(&config.hard_rate) {
            return Err(Error::config(format!(
                "hard rate must be between 0 and 1, got {}",
                config.hard_rate
            )));
        }
        let n = u32::try_from(config.docs)
            .map_err(|_| Error::config(format!("too many documents: {}", config.docs)))?;
        let mut rows: Vec<u32> = (0..n).collect();
        Rng::derive(config.seed, u64::MAX).shuffle(&mut rows);
        Ok(Generator {
            width: config.docs.to_string().len(),
            config,
            rows,
            queue: VecDeque::new(),
            produced: 0,
            summary: Summary::default(),
            last_title: "Markets open higher as investors weigh central bank signals".to_string(),
        })
    }

    /// What was generated so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    fn id(&self, prefix: char, n: usize) -> String {
        format!("{prefix}{n:0w$}", w = self.width)
    }

    /// Writes the `outlet`-th base article about `event`, redrawing its phrasings until it is
    /// far from every base article of the story so far (5-gram Jaccard below
    /// [`MAX_INDEPENDENT_JACCARD`]), so that no two independent write-ups look like copies.
    fn independent(
        &self,
        story: &Story,
        event: &event::Event,
        outlet: usize,
        rng: &mut Rng,
        written: &mut Vec<Vec<u64>>,
    ) -> render::Article {
        let mut best: Option<(f64, render::Article, Vec<u64>)> = None;
        for attempt in 0..8 {
            let article = render::write_up(story, event, outlet + attempt * 6, rng);
            let sh = shingles(&article.text());
            let worst = written
                .iter()
                .map(|w| jaccard_sets(w, &sh))
                .fold(0.0, f64::max);
            if best.as_ref().is_none_or(|b| worst < b.0) {
                best = Some((worst, article, sh));
            }
            if worst < MAX_INDEPENDENT_JACCARD {
                break;
            }
        }
        let (_, article, sh) = best.expect("at least one attempt");
        written.push(sh);
        article
    }

    /// Generates the next story into the queue.
    fn next_story(&mut self) {
        self.summary.stories += 1;
        let story_id = self.id('s', self.summary.stories);
        let mut rng = Rng::derive(self.config.seed, self.summary.stories as u64);
        let story = Story::new(&mut rng);
        let mut k = self.produced + self.queue.len();
        // Shingles of the story's base articles so far: new write-ups must stay unlike them.
        let mut written: Vec<Vec<u64>> = Vec::new();
        for event in story.events(&mut rng) {
            self.summary.events += 1;
            let event_id = self.id('e', self.summary.events);
            let outlets = 1 + rng.weighted(&OUTLET_WEIGHTS);
            for (i, o) in rng
                .sample(vocab::OUTLETS.len(), outlets)
                .into_iter()
                .enumerate()
            {
                if k >= self.config.docs {
                    return;
                }
                self.summary.groups += 1;
                let group_id = self.id('g', self.summary.groups);
                let outlet = vocab::OUTLETS[o];
                let article = self.independent(&story, &event, i, &mut rng, &mut written);
                let published = event.day.plus(i32::from(rng.chance(0.3)));
                let base_id = self.id('d', self.rows[k] as usize + 1);
                let text = article.text();
                let title = article.title.clone();
                self.queue.push_back(Record {
                    id: base_id.clone(),
                    position: self.rows[k],
                    title: title.clone(),
                    source: outlet.to_string(),
                    published: published.iso(),
                    text,
                    group: group_id.clone(),
                    event: event_id.clone(),
                    story: story_id.clone(),
                    base: None,
                    edits: Vec::new(),
                });
                k += 1;
                let base = variant::Base {
                    shingles: written.last().expect("just written"),
                    story: &story,
                    event: &event,
                    article: &article,
                    title: &title,
                    outlet,
                    published,
                };
                let mut copies = 0;
                while copies < MAX_COPIES
                    && k < self.config.docs
                    && rng.chance(self.config.dup_rate)
                {
                    let v = variant::syndicate(
                        &base,
                        &self.last_title,
                        copies,
                        self.config.hard_rate,
                        &mut rng,
                    );
                    self.queue.push_back(Record {
                        id: self.id('d', self.rows[k] as usize + 1),
                        position: self.rows[k],
                        title: v.title,
                        source: v.source.to_string(),
                        published: published.plus(rng.below(3) as i32).iso(),
                        text: v.text,
                        group: group_id.clone(),
                        event: event_id.clone(),
                        story: story_id.clone(),
                        base: Some(base_id.clone()),
                        edits: v.edits,
                    });
                    self.summary.copies += 1;
                    copies += 1;
                    k += 1;
                }
                self.last_title = title;
            }
        }
    }
}

impl Iterator for Generator {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.produced >= self.config.docs {
            return None;
        }
        while self.queue.is_empty() {
            self.next_story();
        }
        self.produced += 1;
        self.summary.docs += 1;
        self.queue.pop_front()
    }
}

#[cfg(test)]
mod tests;
