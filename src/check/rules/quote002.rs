declare_rule! {
    /// # QUOTE002: same words, different speaker
    ///
    /// ## What it does
    /// Finds quotes with nearly the same words (at least 60% of their content words shared)
    /// attributed to different named speakers (surnames that do not match, fuzzily: "Peskov" =
    /// "Dmitry Peskov" = "Kremlin spokesman Dmitry Peskov").
    ///
    /// Severity: error when the words are nearly identical (90% or more), warning otherwise.
    ///
    /// ## Why
    /// A misattributed quote puts words in someone's mouth; it is one of the most damaging errors
    /// a news report can make.
    ///
    /// ## Example
    /// ```text
    /// a: "We will not send troops," Macron said.
    /// b: "We will not send troops," Starmer said.
    /// ```
    ///
    /// ## Known false positives
    /// Two people repeating the same slogan or an official line; a speaker quoting someone else
    /// ("as Putin said, ...").
    Quote002,
    code: "QUOTE002",
    kind: Quote,
    summary: "the same quote attributed to different speakers"
}
