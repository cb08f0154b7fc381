declare_rule! {
    /// # QUOTE002: same words, different speaker
    ///
    /// ## What it does
    /// Finds quotes with nearly the same words (at least 60% of their content words shared)
    /// attributed to different named speakers (surnames that do not match, fuzzily: "Peskov" =
    /// "Dmitry Peskov" = "Kremlin spokesman Dmitry Peskov").
    ///
    /// Only confident attributions count: each speaker must be a full name (two or more
    /// capitalized words) whose surname the quote's own sentence states, and neither sentence
    /// may name the other speaker. A speaker resolved from a pronoun ("he said"), a title or an
    /// earlier paragraph, or a word taken for a name ("said Romanian emergency services chief
    /// Rafael Green" read as "Romanian"), is too often wrong to accuse a report of
    /// misattribution; such pairs are compared on their wording only (QUOTE001, QUOTE003).
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
    /// ("as Putin said, ..."); an organization named like a person ("Central Bank") when its
    /// spokesperson is not named in the other sentence.
    Quote002,
    code: "QUOTE002",
    kind: Quote,
    summary: "the same quote attributed to different speakers"
}
