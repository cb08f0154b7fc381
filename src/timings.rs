//! Wall-clock time, CPU time (all threads) and peak memory per stage, for `crosscheck check
//! --timings` and `crosscheck cluster --timings`. On a shared machine the CPU time is the figure
//! to compare.
//!
//! Diagnostics only: nothing here changes the report. A [`Timings::off`] records nothing and
//! reads nothing (the library's untimed entry points use it), so only a run that asks for
//! timings reads `/proc`.
//!
//! ```
//! use crosscheck::timings::Timings;
//!
//! let mut t = Timings::default();
//! let start = t.start();
//! t.record("align", start);
//! assert_eq!(t.stages()[0].0, "align");
//! assert!(t.render().starts_with("align"));
//!
//! let mut off = Timings::off();
//! let start = off.start();
//! off.record("align", start);
//! assert!(off.stages().is_empty());
//! ```

use std::time::{Duration, Instant};

/// The stages timed so far, in order. `Default` times; [`Timings::off`] does not.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    stages: Vec<(&'static str, Duration, Option<u64>)>,
    cpu: Vec<Option<f64>>,
    last_cpu: Option<f64>,
    off: bool,
}

impl Timings {
    /// Timings that record nothing: [`Timings::start`] and [`Timings::record`] do no I/O.
    pub fn off() -> Timings {
        Timings {
            off: true,
            ..Timings::default()
        }
    }

    /// Timings when `on`, else [`Timings::off`] (for a `--timings` flag).
    pub fn when(on: bool) -> Timings {
        if on {
            Timings::default()
        } else {
            Timings::off()
        }
    }

    /// The current instant (to pass to [`Timings::record`]).
    pub fn start(&mut self) -> Instant {
        if !self.off {
            self.last_cpu = cpu_seconds();
        }
        Instant::now()
    }

    /// Records a stage that began at `since` and ends now, with the peak resident memory so far
    /// (nothing when [`Timings::off`]).
    pub fn record(&mut self, stage: &'static str, since: Instant) {
        if self.off {
            return;
        }
        self.stages.push((stage, since.elapsed(), peak_rss_kb()));
        let cpu = match (self.last_cpu, cpu_seconds()) {
            (Some(a), Some(b)) => Some(b - a),
            _ => None,
        };
        self.cpu.push(cpu);
    }

    /// Every stage: name, duration, peak RSS in kB so far (where the OS tells).
    pub fn stages(&self) -> &[(&'static str, Duration, Option<u64>)] {
        &self.stages
    }

    /// One line per stage: `name  wall seconds  CPU seconds  peak RSS`, and a total.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut total = Duration::ZERO;
        let mut total_cpu = 0.0;
        for (k, (name, d, rss)) in self.stages.iter().enumerate() {
            total += *d;
            let rss = rss.map_or_else(String::new, |kb| format!("  peak {} MB", kb / 1024));
            let cpu = self.cpu.get(k).copied().flatten();
            total_cpu += cpu.unwrap_or(0.0);
            let cpu = cpu.map_or_else(String::new, |c| format!("  cpu {c:>8.2} s"));
            out.push_str(&format!(
                "{name:<12} wall {:>8.3} s{cpu}{rss}\n",
                d.as_secs_f64()
            ));
        }
        out.push_str(&format!(
            "{:<12} wall {:>8.3} s  cpu {total_cpu:>8.2} s\n",
            "total",
            total.as_secs_f64()
        ));
        out
    }
}

/// User + system CPU time of the whole process so far, all threads (Linux: `/proc/self/stat`,
/// in clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident set size of this process in kB (Linux: `VmHWM` of `/proc/self/status`).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
