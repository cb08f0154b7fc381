//! Quotes (work in progress).

/// Placeholder.
pub fn find_quotes(_text: &str) {}
