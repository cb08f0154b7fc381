//! The whole pipeline in process: near-duplicate groups ([`crate::dedup`]), events and stories
//! ([`crate::cluster`]), claims ([`crate::claim`]: quantities, dates, quotes), then [`crate::check::check`].
//!
//! This is what `crosscheck check INPUT...` runs. The adapters here turn each stage's output into
//! the check's input: dedup groups and cluster ids into [`Labels`] (copies are kept whole inside
//! events), and claims into [`AlignClaim`]s.
//!
//! ```
//! use crosscheck::check::{pipeline, Config};
//! use crosscheck::Document;
//!
//! let docs = [
//!     Document::new("a", "Macron said on Thursday that 26 countries pledged to send troops to Ukraine after a ceasefire."),
//!     Document::new("b", "French President Macron announced that 26 countries are prepared to send troops to Ukraine."),
//! ];
//! let report = pipeline::run(&docs, &Config::default())?;
//! assert_eq!(report.documents.len(), 2);
//! # Ok::<(), crosscheck::Error>(())
//! ```

use rayon::prelude::*;

use super::{Config, Labels, Timings};
use crate::align::{self, AlignClaim, DateRange, Payload, Quantity, Quote, Words};
use crate::claim::{self, Detail};
use crate::cluster::Clusterer;
use crate::corpus::{Document, Skipped};
use crate::dedup::Dedup;
use crate::error::Result;
use crate::report::Report;

/// Runs every stage on `docs` and checks them.
pub fn run(docs: &[Document], config: &Config) -> Result<Report> {
    run_with_skipped(docs, &[], config)
}

/// [`run`], listing records skipped at ingest in the report.
pub fn run_with_skipped(docs: &[Document], skipped: &[Skipped], config: &Config) -> Result<Report> {
    let labels = labels(docs)?;
    let claims = extract_claims_for(docs, &labels);
    Ok(super::check_owned(
        docs,
        &labels,
        claims,
        skipped,
        config,
        &mut Timings::default(),
    ))
}

/// Near-duplicate groups, then events and stories (copies kept whole inside an event).
pub fn labels(docs: &[Document]) -> Result<Labels> {
    labels_timed(docs, &mut Timings::default())
}

/// [`labels`], recording the time of dedup and of clustering in `timings`.
pub fn labels_timed(docs: &[Document], timings: &mut Timings) -> Result<Labels> {
    let t = timings.start();
    let dedup = Dedup::builder().build()?.run(docs);
    let group_index: Vec<usize> = (0..docs.len() as u32).map(|i| dedup.group_of(i)).collect();
    timings.record("dedup", t);
    let t = timings.start();
    let clustering = Clusterer::new().cluster_with_groups(docs, &group_index);
    timings.record("cluster", t);
    Ok(Labels {
        group: group_index
            .iter()
            .map(|&g| dedup.groups()[g].id.to_string())
            .collect(),
        event: (0..docs.len())
            .map(|d| clustering.event_of(d).id.to_string())
            .collect(),
        story: (0..docs.len())
            .map(|d| clustering.story_of(d).id.to_string())
            .collect(),
    })
}

/// The claims of every document (in parallel; the result is in document order).
pub fn extract_claims(docs: &[Document]) -> Vec<AlignClaim> {
    docs.par_iter()
        .enumerate()
        .map(|(i, d)| doc_claims(i as u32, d))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// The claims of the documents that can be compared with another: those whose story (see
/// [`Labels`]) holds at least one other document. Claims are aligned only inside a story, across
/// documents, so a document alone in its story cannot be part of a finding or an agreement; its
/// claims are not extracted. The result is in document order, as [`extract_claims`]'s.
pub fn extract_claims_for(docs: &[Document], labels: &Labels) -> Vec<AlignClaim> {
    assert_eq!(
        labels.story.len(),
        docs.len(),
        "one story label per document"
    );
    let story = Labels::dense(&labels.story);
    let mut size = vec![0u32; story.iter().map(|&s| s as usize + 1).max().unwrap_or(0)];
    for &s in &story {
        size[s as usize] += 1;
    }
    docs.par_iter()
        .enumerate()
        .map(|(i, d)| {
            if size[story[i] as usize] >= 2 {
                doc_claims(i as u32, d)
            } else {
                Vec::new()
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// Adapts one claim of the claims stage.
pub fn from_claim(doc: u32, c: &claim::Claim) -> Option<AlignClaim> {
    let mut a = from_claim_bare(doc, c)?;
    a.content_words = normalized(&c.context.words);
    a.entities = normalized(&c.context.entities);
    Some(a)
}

/// [`from_claim`] without the sentence's content words and entities.
fn from_claim_bare(doc: u32, c: &claim::Claim) -> Option<AlignClaim> {
    let payload = match &c.detail {
        Detail::Quantity(q) => Payload::Quantity(Quantity {
            value: q.value,
            low: q.low,
            high: q.high,
            qualifier: q.qualifier,
            unit: q.unit.clone(),
            noun: q.noun.clone(),
        }),
        Detail::Date(m) => Payload::Date(DateRange {
            start: m.start,
            end: m.end,
            granularity: m.granularity.name().to_string(),
            relative: m.relative,
            // The parts the extractor read: the weekday, and whether nothing else was stated.
            weekday: m.weekday,
            bare_weekday: m.weekday.is_some()
                && m.day.is_none()
                && m.month.is_none()
                && m.year.is_none(),
        }),
        // Scare quotes and one- or two-word fragments are not statements to compare.
        Detail::Quote(q) if q.fragment => return None,
        Detail::Quote(q) => Payload::Quote(Quote::new(q.speaker.clone(), q.text.clone())),
        #[allow(unreachable_patterns)]
        _ => return None,
    };
    let mut a = AlignClaim::new(doc, 0, 0, 0, c.span, c.sentence, c.text.clone(), payload);
    let ctx = &c.context;
    a.speaker = ctx.source.clone();
    a.verb = ctx.verb.as_deref().map(align::context::verb_base);
    Some(a)
}

/// The words of `words`, normalized ([`crate::text::normalize`], split at spaces).
fn normalized(words: &[String]) -> Words {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        // The tokens of `text::normalize(w).split(' ')`, without joining them first.
        crate::text::for_each_token(w, |_, t| {
            out.extend(t.split(' ').filter(|x| !x.is_empty()).map(str::to_string));
        });
    }
    Words::from(out)
}

/// Which context lists a claim shares with the claims of its sentence (compared, never read).
type SentenceKey = (*const [String], *const [String]);

fn doc_claims(doc: u32, d: &Document) -> Vec<AlignClaim> {
    // The claims of one sentence share its context lists: normalize them once per sentence.
    let mut last: Option<(SentenceKey, Words, Words)> = None;
    claim::extract(d)
        .iter()
        .filter_map(|c| {
            let mut a = from_claim_bare(doc, c)?;
            let key = (
                std::sync::Arc::as_ptr(&c.context.words),
                std::sync::Arc::as_ptr(&c.context.entities),
            );
            match &last {
                Some((k, words, entities)) if *k == key => {
                    a.content_words = words.clone();
                    a.entities = entities.clone();
                }
                _ => {
                    a.content_words = normalized(&c.context.words);
                    a.entities = normalized(&c.context.entities);
                    last = Some((key, a.content_words.clone(), a.entities.clone()));
                }
            }
            Some(a)
        })
        .collect()
}
