//! Sentence splitting with byte spans, tuned for news prose.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (plus any closing quotes and brackets) when the
//! next character is whitespace, unless the period ends an abbreviation (`Jan.`, `Dr.`, `Mr.`,
//! `U.S.`, `No.` before a digit, an initial like `J.`) that is not followed by a line break. A
//! blank line always ends a sentence; a single line break ends one unless the next line starts
//! with a lowercase letter (hard-wrapped text). Spans are trimmed of surrounding whitespace and
//! never empty.
//!
//! ```
//! use crosscheck::text::sentence::sentences;
//!
//! let text = "On Jan. 6, the U.S. and Dr. Smith met. “It works,” he said.\nNext line";
//! let got: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
//! assert_eq!(got, ["On Jan. 6, the U.S. and Dr. Smith met.", "“It works,” he said.", "Next line"]);
//! ```

use crate::corpus::Span;

/// Abbreviations (lowercase, without the period) after which a period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "cmdr"
            | "adm"
            | "maj"
            | "rep"
            | "sen"
            | "gov"
            | "pres"
            | "st"
            | "sr"
            | "jr"
            | "rev"
            | "hon"
            | "gov't"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "no"
            | "nos"
            | "vs"
            | "etc"
            | "inc"
            | "ltd"
            | "co"
            | "corp"
            | "approx"
            | "est"
            | "fig"
            | "vol"
            | "ft"
            | "mt"
            | "ave"
            | "blvd"
            | "dept"
            | "univ"
            | "e.g"
            | "i.e"
            | "a.m"
            | "p.m"
    )
}

/// Words that start a new sentence even after an abbreviation such as `U.S.` or `etc.`.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "He"
            | "She"
            | "It"
            | "We"
            | "They"
            | "I"
            | "In"
            | "But"
            | "And"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "On"
            | "At"
            | "As"
            | "After"
            | "Meanwhile"
            | "However"
    )
}

/// Byte spans of the sentences of `text`, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        match b {
            b'\n' => {
                // Count the line breaks in this run of whitespace.
                let mut j = i;
                let mut breaks = 0;
                while j < n && bytes[j].is_ascii_whitespace() {
                    if bytes[j] == b'\n' {
                        breaks += 1;
                    }
                    j += 1;
                }
                let next_lower = j < n && bytes[j].is_ascii_lowercase();
                if breaks >= 2 || !next_lower {
                    push(text, start, i, &mut out);
                    start = j;
                }
                i = j;
            }
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // Runs of terminal punctuation: `?!`, `...`.
                while j < n && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                j = skip_closers(text, j);
                if j >= n {
                    i = j;
                    continue;
                }
                if !bytes[j].is_ascii_whitespace() {
                    i = j.max(i + 1);
                    continue;
                }
                if b == b'.' && j == i + 1 && !ends_sentence_after_period(text, i, j) {
                    i = j;
                    continue;
                }
                push(text, start, j, &mut out);
                start = j;
                i = j;
            }
            0xE2 if text[i..].starts_with('…') => {
                let j = skip_closers(text, i + '…'.len_utf8());
                if j < n && bytes[j] == b' ' && next_word(text, j).starts_with(char::is_uppercase) {
                    push(text, start, j, &mut out);
                    start = j;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    push(text, start, n, &mut out);
    out
}

/// Skips closing quotes and brackets after terminal punctuation.
fn skip_closers(text: &str, mut j: usize) -> usize {
    while let Some(c) = text[j..].chars().next() {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The word that starts after the whitespace at `j`.
fn next_word(text: &str, j: usize) -> &str {
    let rest = text[j..].trim_start();
    let rest = rest.trim_start_matches(['"', '“', '‘', '\'', '(']);
    let end = rest
        .find(|c: char| !c.is_alphanumeric() && c != '\'')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Decides whether the period at `dot` (followed by whitespace at `after`) ends a sentence.
fn ends_sentence_after_period(text: &str, dot: usize, after: usize) -> bool {
    let bytes = text.as_bytes();
    // A line break after the period ends the sentence whatever precedes it.
    let ws_end = after
        + text[after..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(text.len() - after);
    if text[after..ws_end].contains('\n') {
        return true;
    }
    let nw = next_word(text, after);
    // The word before the period, with inner periods (U.S., a.m).
    let mut k = dot;
    while k > 0 && (bytes[k - 1].is_ascii_alphabetic() || bytes[k - 1] == b'.') {
        k -= 1;
    }
    let word = &text[k..dot];
    if word.is_empty() {
        return true;
    }
    let first_lower = nw.starts_with(|c: char| c.is_lowercase());
    if first_lower {
        return false;
    }
    let starts_digit = nw.starts_with(|c: char| c.is_ascii_digit());
    let mut buf = [0u8; 8];
    let lower = if word.len() <= buf.len() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
    } else {
        ""
    };
    if lower == "no" || lower == "nos" {
        return !starts_digit;
    }
    // Initials: `J.`, `U.S.`, `U.N.`.
    let initials = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()
        || (word.contains('.')
            && word
                .split('.')
                .all(|p| p.len() <= 1 && p.bytes().all(|b| b.is_ascii_alphabetic())));
    if initials || is_abbreviation(lower) {
        return is_sentence_starter(nw);
    }
    true
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let trimmed = s.trim_start();
    let a = start + (s.len() - trimmed.len());
    let b = a + trimmed.trim_end().len();
    if b > a {
        out.push(Span::new(a, b));
    }
}

/// Sentences of a text with a fast lookup from a byte offset to its sentence.
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    spans: Vec<Span>,
}

impl Sentences {
    /// Splits `text`.
    pub fn new(text: &str) -> Sentences {
        Sentences {
            spans: sentences(text),
        }
    }

    /// The sentence spans, in order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Index of the sentence that contains byte `offset`, or the nearest one before it.
    pub fn index_of(&self, offset: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.start <= offset);
        i.checked_sub(1)
    }

    /// The sentence span around `span`: from the sentence of its start to the sentence of its
    /// end (a claim may straddle a sentence boundary, like a quote).
    pub fn around(&self, span: Span) -> Span {
        let a = self.index_of(span.start).map(|i| self.spans[i]);
        let b = self
            .index_of(span.end.saturating_sub(1).max(span.start))
            .map(|i| self.spans[i]);
        match (a, b) {
            (Some(a), Some(b)) => Span::new(a.start.min(span.start), b.end.max(span.end)),
            _ => span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Jones on Jan. 6 in the U.S. capital. They talked."),
            [
                "Mr. Smith met Gen. Jones on Jan. 6 in the U.S. capital.",
                "They talked."
            ]
        );
        assert_eq!(
            split("He lives at No. 10 Downing St. in London."),
            ["He lives at No. 10 Downing St. in London."]
        );
        assert_eq!(
            split("Donald J. Trump spoke. It was late."),
            ["Donald J. Trump spoke.", "It was late."]
        );
        assert_eq!(
            split("Aid came from the U.S. The EU followed."),
            ["Aid came from the U.S.", "The EU followed."]
        );
        assert_eq!(
            split("It rose 1.5 percent. Prices fell."),
            ["It rose 1.5 percent.", "Prices fell."]
        );
    }

    #[test]
    fn quotes_and_lines() {
        assert_eq!(
            split("“We’re monitoring this.” He left!\n“Yes,”\nPeskov said.\n\nnew para"),
            [
                "“We’re monitoring this.”",
                "He left!",
                "“Yes,”",
                "Peskov said.",
                "new para"
            ]
        );
        assert_eq!(
            split("a hard-wrapped\nline goes on. Next"),
            ["a hard-wrapped\nline goes on.", "Next"]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  \n \n"), Vec::<&str>::new());
        assert_eq!(split("Wait… What?! Yes"), ["Wait…", "What?!", "Yes"]);
    }

    #[test]
    fn lookup() {
        let text = "One. Two three. Four";
        let s = Sentences::new(text);
        assert_eq!(s.index_of(0), Some(0));
        assert_eq!(s.index_of(6), Some(1));
        assert_eq!(s.around(Span::new(5, 8)).slice(text), "Two three.");
        assert_eq!(s.around(Span::new(2, 8)).slice(text), "One. Two three.");
    }

    proptest::proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC*") {
            let mut last = 0;
            for sp in sentences(&s) {
                proptest::prop_assert!(sp.start >= last && sp.end > sp.start);
                proptest::prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                last = sp.end;
            }
        }
    }
}
