//! Near-duplicate groups and events computed together, so that groups nest in events.

use crate::corpus::Document;
use crate::dedup::{Dedup, Deduplicated};
use crate::timings::Timings;

use super::{Clusterer, Clustering, Group, GroupId};

/// Dedup then event and story clustering, with each near-duplicate group kept whole.
///
/// This is what `crosscheck cluster` runs; the check stage calls the same thing so both see the
/// same groups and events.
///
/// ```
/// use crosscheck::Document;
/// use crosscheck::cluster::{Clusterer, EventPipeline};
/// use crosscheck::dedup::Dedup;
///
/// let wire = "Russian President Vladimir Putin on Friday said that any Western military forces \
///     deployed in Ukraine to maintain peace would be legitimate targets, speaking at the \
///     Eastern Economic Forum in Vladivostok after 26 countries pledged to send troops.";
/// let docs = [
///     Document::new("wire", wire),
///     Document::new("copy", wire.replace("on Friday", "on Friday,")),
///     Document::new("own", "Speaking in Vladivostok at the Eastern Economic Forum, Putin \
///         warned that foreign troops in Ukraine would be legitimate targets after 26 \
///         countries pledged forces."),
///     Document::new("quake", "A magnitude 6.1 earthquake struck central Peru on Tuesday."),
/// ];
/// let pipeline = EventPipeline::new(Dedup::builder().build()?, Clusterer::new());
/// let out = pipeline.run(&docs);
/// assert_eq!(out.group_id(0), out.group_id(1));
/// assert_ne!(out.group_id(0), out.group_id(2));
/// assert_eq!(out.clustering().event_of(0).id, out.clustering().event_of(2).id);
/// assert_ne!(out.clustering().event_of(0).id, out.clustering().event_of(3).id);
/// # Ok::<(), crosscheck::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EventPipeline {
    dedup: Dedup,
    clusterer: Clusterer,
}

/// The outcome of an [`EventPipeline`]: near-duplicate groups, events and stories.
#[derive(Debug, Clone)]
pub struct GroupedClustering {
    dedup: Deduplicated,
    clustering: Clustering,
}

impl EventPipeline {
    /// A pipeline with this near-duplicate detector and this clusterer.
    pub fn new(dedup: Dedup, clusterer: Clusterer) -> EventPipeline {
        EventPipeline { dedup, clusterer }
    }

    /// The clusterer.
    pub fn clusterer(&self) -> &Clusterer {
        &self.clusterer
    }

    /// Finds the near-duplicate groups of `docs`, then clusters them into events and stories
    /// with every group inside one event ([`Clusterer::cluster_with_groups`]).
    pub fn run(&self, docs: &[Document]) -> GroupedClustering {
        self.run_timed(docs, &mut Timings::off())
    }

    /// [`EventPipeline::run`], recording the wall and CPU time of dedup and of each clustering
    /// phase in `timings` (diagnostics only: the result is the same).
    pub fn run_timed(&self, docs: &[Document], timings: &mut Timings) -> GroupedClustering {
        let t = timings.start();
        let dedup = self.dedup.run(docs);
        let labels: Vec<usize> = (0..docs.len() as u32).map(|i| dedup.group_of(i)).collect();
        timings.record("dedup", t);
        let clustering = self
            .clusterer
            .cluster_with_groups_timed(docs, &labels, timings);
        GroupedClustering { dedup, clustering }
    }
}

impl GroupedClustering {
    /// Events and stories.
    pub fn clustering(&self) -> &Clustering {
        &self.clustering
    }

    /// The near-duplicate detection result (pairs, groups, statistics).
    pub fn dedup(&self) -> &Deduplicated {
        &self.dedup
    }

    /// The near-duplicate group of input document `doc`.
    pub fn group_of(&self, doc: usize) -> &Group {
        &self.dedup.groups()[self.dedup.group_of(doc as u32)]
    }

    /// The stable id of input document `doc`'s near-duplicate group.
    pub fn group_id(&self, doc: usize) -> GroupId {
        self.group_of(doc).id
    }
}
