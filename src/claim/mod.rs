//! Claims: the dates, quotes (and, on another branch, quantities) that articles state, with
//! exact byte spans, for the alignment and check stages.

pub mod date;
pub mod quote;
