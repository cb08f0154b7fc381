declare_rule! {
    /// # QUOTE001: quote wording differs
    ///
    /// ## What it does
    /// Compares two quotes of the same speaker that share most of their content words, with a
    /// word-level diff. When the words differ (and no number or negation changed, see QUOTE003),
    /// the quote is reported with the diff.
    ///
    /// Severity: warning when the quotes are nearly identical (at least 75% of the words in
    /// common): a small edit inside quotation marks, as if the quote had been altered; info when
    /// they are reworded more freely, as independent translations of the same statement read.
    /// Between copies of the same article it is at least a warning.
    ///
    /// ## Why
    /// Words inside quotation marks are presented as the speaker's own. A fact-checker needs to
    /// know when outlets quote differently, and to go back to the original.
    ///
    /// ## Example
    /// ```text
    /// 003: "If some troops appear there ..., we proceed from the premise that they will be legitimate targets," Putin said
    /// 004: "If any troops appear there ..., we assume that they will be legitimate targets for their destruction," he stated
    /// ```
    /// Two translations of Putin's words: QUOTE001 (info) with the diff.
    ///
    /// ## Known false positives
    /// Translations from another language always differ; they are info only. Two different
    /// statements of the same speaker on the same subject can share enough words to be aligned.
    Quote001,
    code: "QUOTE001",
    kind: Quote,
    summary: "quote wording differs between sources (word diff)"
}
