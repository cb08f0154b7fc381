//! The rules: one file per code, each documented in the source (What it does / Why / Example /
//! Known false positives); `crosscheck explain CODE` prints the same text.
//!
//! | code | kind | what |
//! |------|------|------|
//! | QTY001 | quantity | aligned quantities whose intervals do not overlap |
//! | DATE001 | date | aligned dates whose day ranges do not overlap |
//! | QUOTE001 | quote | the same speaker's quote worded differently |
//! | QUOTE002 | quote | the same words attributed to different speakers |
//! | QUOTE003 | quote | a number or a negation changed inside a quote |
//!
//! ```
//! let rule = crosscheck::check::rules::find("qty001").unwrap();
//! assert_eq!(rule.code, "QTY001");
//! assert!(rule.explanation.contains("## What it does"));
//! ```

/// Declares a rule: a unit struct carrying the documentation, and its [`Rule`] constant.
macro_rules! declare_rule {
    ($(#[doc = $doc:expr])+ $name:ident, code: $code:literal, kind: $kind:ident, summary: $summary:literal) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// The rule's code, summary and documentation.
            pub const RULE: crate::check::rules::Rule = crate::check::rules::Rule {
                code: $code,
                kind: crate::align::ClaimKind::$kind,
                summary: $summary,
                explanation: concat!($($doc, "\n"),+),
            };
        }
    };
}

mod date001;
mod qty001;
mod quote001;
mod quote002;
mod quote003;

pub use date001::Date001;
pub use qty001::Qty001;
pub use quote001::Quote001;
pub use quote002::Quote002;
pub use quote003::Quote003;

use crate::align::ClaimKind;

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The code, e.g. `QTY001`.
    pub code: &'static str,
    /// The claim kind it checks.
    pub kind: ClaimKind,
    /// One line.
    pub summary: &'static str,
    /// Markdown: What it does / Why / Example / Known false positives.
    pub explanation: &'static str,
}

/// Every rule, sorted by code.
pub const ALL: &[Rule] = &[
    Date001::RULE,
    Qty001::RULE,
    Quote001::RULE,
    Quote002::RULE,
    Quote003::RULE,
];

/// The rule with this code (case-insensitive).
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented() {
        for r in ALL {
            for section in [
                "## What it does",
                "## Why",
                "## Example",
                "## Known false positives",
            ] {
                assert!(
                    r.explanation.contains(section),
                    "{} lacks {section}",
                    r.code
                );
            }
        }
        let mut codes: Vec<_> = ALL.iter().map(|r| r.code).collect();
        codes.sort();
        assert_eq!(codes, ALL.iter().map(|r| r.code).collect::<Vec<_>>());
    }
}
