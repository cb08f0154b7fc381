declare_rule! {
    /// # QUOTE003: number or negation changed inside a quote
    ///
    /// ## What it does
    /// Among aligned quotes (same speaker, similar wording), flags those where the numbers in the
    /// quote differ ("50,000" against "5,000", "two" against "three") or where a negation was
    /// added or removed ("will" against "will not", "never", "no").
    ///
    /// Severity: error.
    ///
    /// ## Why
    /// A changed number or a dropped "not" inside quotation marks reverses or distorts what the
    /// speaker said while still looking like a faithful quote. This is the change a hurried
    /// editor makes and a reader cannot detect.
    ///
    /// ## Example
    /// ```text
    /// a: "We will send 5,000 troops," the minister said.
    /// b: "We will send 50,000 troops," the minister said.
    /// ```
    ///
    /// ## Known false positives
    /// A number written as digits in one outlet and as words in the other ("five" and "5") is
    /// read as a change; so is "cannot" against "is unable to".
    Quote003,
    code: "QUOTE003",
    kind: Quote,
    summary: "a number or a negation changed inside a quote"
}
