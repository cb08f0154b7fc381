declare_rule! {
    /// # QTY001: conflicting quantities
    ///
    /// ## What it does
    /// Compares two aligned quantities (the same counted-noun class, e.g. soldiers ~ troops ~
    /// servicemen, and the same unit) by the intervals they commit to: "around 50,000" is about
    /// 45,000-55,000, "fewer than 30,000" is below 30,000, "thousands" is 1,000-10,000. Each
    /// interval is widened by the relative tolerance (`--tolerance`, 5% by default). When the
    /// intervals do not overlap, the sources disagree.
    ///
    /// Severity: error when both numbers are stated as points or closed ranges; warning when one
    /// is a bound ("fewer than", "at least"); info when one is a vague magnitude. Between copies
    /// of the same article (one near-duplicate group) it is always an error, and any change of
    /// the stated number counts, even one a rounding or a bound could explain ("at least 57" in
    /// the original, "at least 61" in the copy): someone changed the number. A figure with
    /// neither counted noun nor unit ("attended by 114,100") is compared only with a figure with
    /// the same words around it in a similar sentence. Two articles of one event that disagree
    /// on two or more aligned claims and agree on none, or on three or more and agree on fewer,
    /// probably describe different events (a clustering error): info. Across events of a story it is info (a lead: a change between two happenings of
    /// the story, or over time when the articles were published two weeks or more apart).
    ///
    /// ## Why
    /// Figures are what gets changed, rounded, inflated or mistyped as a story travels from
    /// outlet to outlet, and they are what readers remember.
    ///
    /// ## Example
    /// ```text
    /// 000: ... with an expected total of around 50,000 soldiers.
    /// 001: ... to dispatch fewer than 30,000 European servicemen to Ukraine ...
    /// ```
    /// about 45,000-55,000 against below 30,000: QTY001.
    /// "thousands of troops" against "5,000 troops" is compatible, not flagged.
    ///
    /// ## Known false positives
    /// Two different counts of the same kind of thing in one story (the size of a whole force and
    /// of one country's contribution; deaths on two different days) are aligned when nothing in
    /// their sentences tells them apart. The message shows both sentences so that the reader can
    /// dismiss such pairs quickly; a baseline keeps them dismissed.
    Qty001,
    code: "QTY001",
    kind: Quantity,
    summary: "conflicting quantities: aligned numbers whose intervals do not overlap"
}
