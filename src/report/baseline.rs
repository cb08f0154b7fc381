//! Baselines: the fingerprints of known findings, so that CI fails only on new ones.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Report, SCHEMA_VERSION};
use crate::error::{Error, Result};

/// A set of finding fingerprints, stored as
/// `{"schema_version": 1, "fingerprints": ["<16 hex digits>", ...]}` (sorted).
///
/// ```
/// use crosscheck::report::{Baseline, Report};
///
/// let baseline = Baseline::from_report(&Report::default());
/// let json = baseline.to_json();
/// assert_eq!(Baseline::from_json(&json).unwrap(), baseline);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Schema version of the file.
    pub schema_version: u32,
    /// Fingerprints.
    pub fingerprints: BTreeSet<String>,
}

impl Baseline {
    /// The fingerprints of every discrepancy in a report.
    pub fn from_report(report: &Report) -> Baseline {
        Baseline {
            schema_version: SCHEMA_VERSION,
            fingerprints: report
                .discrepancies
                .iter()
                .map(|d| d.fingerprint.clone())
                .collect(),
        }
    }

    /// True when the fingerprint is known.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.fingerprints.contains(fingerprint)
    }

    /// Parses the JSON form.
    pub fn from_json(json: &str) -> Result<Baseline> {
        serde_json::from_str(json).map_err(|e| Error::config(format!("invalid baseline: {e}")))
    }

    /// The JSON form, pretty-printed, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("baseline serializes");
        s.push('\n');
        s
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline> {
        let json = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Baseline::from_json(&json).map_err(|e| Error::config(format!("{}: {e}", path.display())))
    }

    /// Writes a baseline file.
    pub fn write(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_json()).map_err(|e| Error::io(path, e))
    }
}
