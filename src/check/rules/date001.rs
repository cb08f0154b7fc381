declare_rule! {
    /// # DATE001: conflicting dates
    ///
    /// ## What it does
    /// Compares two aligned dates (the same happening: the same event verb such as signed, met,
    /// announced, with shared entities) by their day ranges, after relative dates ("on Friday")
    /// were resolved against each article's own publication date. When the ranges do not
    /// overlap, the sources disagree on when it happened. Unresolved relative dates (no
    /// publication date) are not compared.
    ///
    /// Severity: error when both dates are absolute days; warning when one is relative or coarser
    /// than a day; info when one is a relative period with loose edges ("later this year").
    /// The same level rules as QTY001 apply (copies: error; story level: info; articles that
    /// disagree on most things compared: info).
    ///
    /// Not compared: a bare weekday ("on Sunday") against a day of the same weekday (an article
    /// published a week or more after the event resolves it a week late), and a date whose
    /// stated weekday is not the weekday of the day it was resolved to (a wrong year or week).
    ///
    /// ## Why
    /// A shifted date moves an event before or after another one and changes its meaning
    /// (a statement made before or after a ceasefire).
    ///
    /// ## Example
    /// ```text
    /// a: On Jan. 6, the UK and France signed a letter of intent ...
    /// b: The UK and France signed the letter on Jan. 7 in Paris ...
    /// ```
    /// 2026-01-06 against 2026-01-07 for the same signing: DATE001.
    ///
    /// ## Known false positives
    /// A relative date resolved against a wrong or missing publication date (an article dated by
    /// its last update); two happenings with the same verb and actors (two meetings of the same
    /// leaders).
    Date001,
    code: "DATE001",
    kind: Date,
    summary: "conflicting dates: the same happening dated on days that do not overlap"
}
