//! Direct quotes in news text, with their speakers.
//!
//! [`find_quotes`] pairs quote marks ([`marks`](self) rules below), joins a quote split around
//! its attribution into one mention, finds the attribution, and resolves the speaker to a
//! canonical name inside the document.
//!
//! # Marks
//!
//! Straight and curly marks (`"` `“` `”` `'` `‘` `’`, and `«` `»`), mismatched pairs from
//! scraped text (`"...”`), quotes over several sentences or lines. A mark's role comes from its
//! surroundings (after a space it opens, before a space or punctuation it closes), so reversed
//! marks still pair; `’` between letters is an apostrophe (`Russia’s`, `we’re`). A new paragraph
//! that opens with a quote mark continues a quote the previous paragraph left open (news style).
//! Single marks are quotes only outside double quotes (inside, they are nested quotes and stay
//! part of the text).
//!
//! # Attribution
//!
//! In order of preference:
//! 1. between the parts of a split quote: `“Its core element,” she said, “is ...”`;
//! 2. right after the closing mark, in both orders: `,” Putin said`, `,” said Putin`,
//!    `,” the Russian leader added`, `,” according to Peskov`;
//! 3. on the next line (no blank line between), when the quote ends its paragraph: `He said.`,
//!    `Peskov conveyed to reporters.`;
//! 4. before the opening mark, in the same sentence: `Macron said: “...”`, `Peskov emphasized
//!    that this issue is of "..."`, `..., saying that “...”` (a participle after a comma takes
//!    the sentence's subject); a quote that ends its sentence inside its marks (`said: “... .”
//!    Officials said 259 ...`) takes this attribution before 2. and 3., and after such a quote
//!    a verb followed by its object (`Johnson said nothing more`) starts a new sentence rather
//!    than an attribution;
//! 5. continuation: a quote that opens a paragraph right after another attributed quote (and its
//!    attribution sentence) has the same speaker, with no verb.
//!
//! # Speakers
//!
//! Titles and offices are not part of a name (`Kremlin spokesman Dmitry Peskov` -> `Dmitry
//! Peskov`, `UK PM Keir Starmer` -> `Keir Starmer`, `said Romanian emergency services chief
//! Rafael Green` -> `Rafael Green`, `Central Bank of Ireland Governor Jun Mizrahi` -> `Jun
//! Mizrahi`, `Medellin Mayor Thandiwe Medina` -> `Thandiwe Medina`). Hyphens and apostrophes
//! join name parts (`Mohamed El-Erian`, `Min-ji Greco`, `Avi O'Brien`). An age or a title in
//! apposition sits between name and verb (`Johnson, 59, said`, `Diego Clarke, analyst at
//! Brightwater Capital, said`). A surname alone resolves to the full name
//! introduced in the document (`Peskov` -> `Dmitry Peskov`). `he`/`she` resolve to the first
//! person named in the closest preceding sentence that names one (the subject, in news style),
//! skipping a person whose first name says the pronoun does not fit, then to the last speaker,
//! then to a single capitalized word opening the previous sentence (`Johnson spoke. “Yes,” he
//! said.`).
//! A descriptor (`the Russian leader`, `the spokesperson`) resolves only when exactly one person
//! in the document was introduced with a matching title (role and nationality); otherwise the
//! speaker stays `None` while `speaker_span` still points at the attribution (`Officials said`,
//! `his wife, Anna, said`, `China’s foreign ministry said`). Non-person sources keep their name
//! (`the Telegraph newspaper said` -> `Telegraph`, `the Bank of England said` -> `Bank of
//! England`, `a Downing Street spokesman said` -> `Downing Street`); a lowercase source such as
//! `the letter reads` has no speaker.
//!
//! # Scare quotes and partial quotes
//!
//! A quote of one or two words, or a short run of capitalized words (`"willing alliance"`,
//! `‘Legitimate Targets’`, `“Coalition of the Willing”`), is emitted with `fragment: true` and no
//! speaker, unless an attribution claims it:
//! - a partial quote that opens the reported clause of a speech verb (`saying on Friday that
//!   "thousands" of troops ...`), or completes a copula in it (`Trump said he was “very
//!   disappointed”`), keeps `fragment: true` and gets the speaker and verb; a quote after a
//!   determiner stays a scare quote (`Critics say the “reforms” will ...`);
//! - a short quote that closes a sentence right after an attributed quote (`“These are lies,”
//!   Zakharova said. “Pure lies.”`) continues it: `fragment: false`, same speaker;
//! - a short quote closed by a comma or a stop inside the marks and followed by an attribution
//!   (`“Stop,” Peskov said.`) is a full quote: `fragment: false`, with its speaker.
//!
//! Scare quotes are kept rather than skipped so that the check can still compare wordings, but a
//! consumer looking for statements should filter on `fragment == false` or `speaker.is_some()`.
//!
//! # Limits
//!
//! A pronoun resolves to a person the document introduced: with a title ("Russian President
//! Vladimir Putin", "Kremlin spokesman Peskov"), as a two-to-four-word name, or by the surname of
//! one; a bare surname never introduced counts only when it opens the previous sentence
//! ("Johnson spoke."), so "Putin's comments ... He said" leaves the speaker `None`. The next-line attribution must follow on the very next line (no blank line) and be at
//! most 14 tokens long.
//!
//! ```
//! use crosscheck::claim::quote::find_quotes;
//!
//! let text = "Kremlin spokesman Dmitry Peskov spoke on Friday.\n\
//!             “This causes concern for us,” Peskov said, “because it is close.”\n\
//!             “We’re monitoring this.”\n\
//!             He said.";
//! let q = find_quotes(text);
//! assert_eq!(q.len(), 2);
//! assert_eq!(q[0].text, "This causes concern for us because it is close.");
//! assert_eq!(q[0].parts.len(), 2);
//! assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
//! assert_eq!(q[0].verb.as_deref(), Some("said"));
//! assert_eq!(q[1].speaker.as_deref(), Some("Dmitry Peskov"));
//! assert_eq!(q[1].speaker_span.map(|s| s.slice(text)), Some("He"));
//! ```

mod attrib;
mod marks;
mod names;
mod words;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::corpus::Span;

/// A direct quote and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteMention {
    /// The whole quote, marks included; a quote split around its attribution is one mention
    /// spanning both parts (and the attribution between them).
    pub span: Span,
    /// The quoted words: the parts, trimmed, without the comma that precedes an attribution,
    /// joined by a space, whitespace collapsed.
    pub text: String,
    /// Inner span of each part (without marks).
    pub parts: Vec<Span>,
    /// The speaker's canonical name in this document ("Dmitry Peskov"), if resolved.
    pub speaker: Option<String>,
    /// Where the attribution names the speaker: a name, a descriptor or a pronoun ("He").
    pub speaker_span: Option<Span>,
    /// The speech verb of the attribution ("said", "told", "according to"), lowercased.
    pub verb: Option<String>,
    /// One or two words: a scare quote or a partial quote (see the module docs).
    pub fragment: bool,
}

/// Finds the quotes in `text`, in order. See the [module docs](self).
pub fn find_quotes(text: &str) -> Vec<QuoteMention> {
    let marks = marks::find_marks(text);
    if marks.is_empty() {
        return Vec::new();
    }
    let raw = marks::pair_quotes(text, &marks);
    if raw.is_empty() {
        return Vec::new();
    }
    attrib::attribute_with(text, raw, None)
}

/// [`find_quotes`] with the tokens of the whole `text` already computed (by
/// `date::lex::tokenize`), so that dates and quotes share one tokenization.
/// The tokens are handed back for reuse.
pub(crate) fn find_quotes_in<'a>(
    text: &'a str,
    toks: Vec<crate::claim::date::lex::Tok<'a>>,
) -> (Vec<QuoteMention>, Vec<crate::claim::date::lex::Tok<'a>>) {
    let marks = marks::find_marks(text);
    if marks.is_empty() {
        return (Vec::new(), toks);
    }
    let raw = marks::pair_quotes(text, &marks);
    if raw.is_empty() {
        return (Vec::new(), toks);
    }
    attrib::attribute_keep(text, raw, Some(toks))
}

/// The quoted words of `parts`: trimmed, a trailing comma dropped, joined, whitespace collapsed.
fn quote_text(text: &str, parts: &[Span]) -> String {
    let mut out = String::new();
    for p in parts {
        let mut s = p.slice(text).trim();
        if let Some(t) = s.strip_suffix(',') {
            s = t.trim_end();
        }
        if single_spaced(s) {
            // The common case: words already separated by single ASCII spaces.
            if !out.is_empty() && !s.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
            continue;
        }
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// True when `s` (trimmed) has no whitespace but single ASCII spaces: no tab or line break, no
/// two spaces in a row, no Unicode space (no-break, en/em and thin spaces, line separators).
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if prev_space => return false,
            b' ' => {
                prev_space = true;
                continue;
            }
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => return false,
            // U+0085, U+00A0
            0xC2 if matches!(b.get(i + 1), Some(0x85 | 0xA0)) => return false,
            // U+1680
            0xE1 if b.get(i + 1) == Some(&0x9A) => return false,
            // U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
            0xE2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
            ) =>
            {
                return false;
            }
            // U+3000
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => return false,
            _ => {}
        }
        prev_space = false;
    }
    true
}

#[cfg(test)]
mod text_tests {
    use super::single_spaced;

    #[test]
    fn single_spacing_is_checked_against_split_whitespace() {
        for s in [
            "We will respond",
            "We  will",
            "We\twill",
            "We\u{a0}will",
            "We\u{2009}will",
            "We\u{3000}will",
            "We\u{1680}will",
            "We\u{85}will",
            "We’re “here” — now…",
            "",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), joined == s, "{s:?}");
        }
    }
}
