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

/// Abbreviations (lowercase ASCII, without the period) after which a period does not end a
/// sentence.
fn is_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"cmdr"
            | b"adm"
            | b"maj"
            | b"rep"
            | b"sen"
            | b"gov"
            | b"pres"
            | b"st"
            | b"sr"
            | b"jr"
            | b"rev"
            | b"hon"
            | b"gov't"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"no"
            | b"nos"
            | b"vs"
            | b"etc"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"corp"
            | b"approx"
            | b"est"
            | b"fig"
            | b"vol"
            | b"ft"
            | b"mt"
            | b"ave"
            | b"blvd"
            | b"dept"
            | b"univ"
            | b"e.g"
            | b"i.e"
            | b"a.m"
            | b"p.m"
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
///
/// Only `.`, `!`, `?`, a line break and the first byte of `…` can end a sentence: the scan jumps
/// from one of these bytes to the next with `memchr` instead of looking at every byte.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // News sentences average about 50 bytes: one allocation for most texts.
    let mut out = Vec::with_capacity(n / 48 + 1);
    let mut start = 0;
    let mut i = 0;
    // The next `!` or `?` at or after `i` (`n` if none): rare in news, so searched apart from the
    // other candidates and only again once the scan has passed it.
    let mut bang = memchr::memchr2(b'!', b'?', bytes).unwrap_or(n);
    while i < n {
        if bang < i {
            bang = memchr::memchr2(b'!', b'?', &bytes[i..]).map_or(n, |k| i + k);
        }
        i = memchr::memchr3(b'.', b'\n', 0xE2, &bytes[i..bang]).map_or(bang, |k| i + k);
        if i >= n {
            break;
        }
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
                j = skip_closers(bytes, j);
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
            // `…` is E2 80 A6 in UTF-8.
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA6]) => {
                let j = skip_closers(bytes, i + 3);
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

/// Whether the ASCII byte `b` is whitespace for `char::is_whitespace` (which, unlike
/// `u8::is_ascii_whitespace`, includes the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// End of the run of whitespace (`char::is_whitespace`) that starts at byte `k` of `text`.
fn skip_space(text: &str, mut k: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(k) {
        if b < 0x80 {
            if !is_ascii_space(b) {
                break;
            }
            k += 1;
        } else {
            match text[k..].chars().next() {
                Some(c) if c.is_whitespace() => k += c.len_utf8(),
                _ => break,
            }
        }
    }
    k
}

/// Skips closing quotes and brackets (`"`, `'`, `”`, `’`, `)`, `]`, `»`) after terminal
/// punctuation.
fn skip_closers(bytes: &[u8], mut j: usize) -> usize {
    loop {
        match bytes.get(j..) {
            Some([b'"' | b'\'' | b')' | b']', ..]) => j += 1,
            // `”` and `’`.
            Some([0xE2, 0x80, 0x9D | 0x99, ..]) => j += 3,
            // `»`.
            Some([0xC2, 0xBB, ..]) => j += 2,
            _ => return j,
        }
    }
}

/// The word that starts after the whitespace at `j`, past opening quotes and brackets.
fn next_word(text: &str, j: usize) -> &str {
    let bytes = text.as_bytes();
    let mut k = skip_space(text, j);
    loop {
        match bytes.get(k..) {
            Some([b'"' | b'\'' | b'(', ..]) => k += 1,
            // `“` and `‘`.
            Some([0xE2, 0x80, 0x9C | 0x98, ..]) => k += 3,
            _ => break,
        }
    }
    let s = k;
    while let Some(&b) = bytes.get(k) {
        if b < 0x80 {
            if !(b.is_ascii_alphanumeric() || b == b'\'') {
                break;
            }
            k += 1;
        } else {
            match text[k..].chars().next() {
                Some(c) if c.is_alphanumeric() => k += c.len_utf8(),
                _ => break,
            }
        }
    }
    &text[s..k]
}

/// Decides whether the period at `dot` (followed by whitespace at `after`) ends a sentence.
fn ends_sentence_after_period(text: &str, dot: usize, after: usize) -> bool {
    let bytes = text.as_bytes();
    // A line break after the period ends the sentence whatever precedes it.
    if bytes[after..skip_space(text, after)].contains(&b'\n') {
        return true;
    }
    // The word before the period, with inner periods (U.S., a.m).
    let mut k = dot;
    while k > 0 && (bytes[k - 1].is_ascii_alphabetic() || bytes[k - 1] == b'.') {
        k -= 1;
    }
    let word = &bytes[k..dot];
    if word.is_empty() {
        return true;
    }
    let nw = next_word(text, after);
    if nw.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let starts_digit = nw.starts_with(|c: char| c.is_ascii_digit());
    // `word` is ASCII letters and periods.
    let mut buf = [0u8; 8];
    let lower: &[u8] = if word.len() <= buf.len() {
        buf[..word.len()].copy_from_slice(word);
        buf[..word.len()].make_ascii_lowercase();
        &buf[..word.len()]
    } else {
        b""
    };
    if lower == b"no" || lower == b"nos" {
        return !starts_digit;
    }
    // Initials: `J.`, `U.S.`, `U.N.` (periods and no two letters in a row).
    let initials = word.len() == 1 && word[0].is_ascii_uppercase()
        || (word.contains(&b'.')
            && !word
                .windows(2)
                .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic()));
    if initials || is_abbreviation(lower) {
        return is_sentence_starter(nw);
    }
    true
}

/// Pushes `start..end` trimmed of whitespace (`char::is_whitespace`), unless nothing is left.
fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let a = skip_space(&text[..end], start);
    let mut b = end;
    while b > a {
        let last = bytes[b - 1];
        if last < 0x80 {
            if !is_ascii_space(last) {
                break;
            }
            b -= 1;
        } else {
            match text[a..b].chars().next_back() {
                Some(c) if c.is_whitespace() => b -= c.len_utf8(),
                _ => break,
            }
        }
    }
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

/// The splitter as it was before the `memchr` scan (2026-11-21), kept to check that the fast one
/// gives the same spans.
#[cfg(test)]
mod reference {
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
    pub(super) fn sentences(text: &str) -> Vec<Span> {
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
                    if j < n
                        && bytes[j] == b' '
                        && next_word(text, j).starts_with(char::is_uppercase)
                    {
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

    /// Pieces of news-like text: abbreviations, initials, numbers, quotes, brackets, terminal
    /// punctuation, kinds of whitespace and line breaks, sentence starters, non-ASCII letters.
    const PIECES: &[&str] = &[
        "U.S.",
        "U.N.",
        "u.s.",
        "Jan.",
        "jan.",
        "Mr.",
        "Mrs.",
        "Dr.",
        "No.",
        "no.",
        "Nos.",
        "St.",
        "e.g.",
        "i.e.",
        "a.m.",
        "p.m.",
        "etc.",
        "Inc.",
        "gov't.",
        "Corp.",
        "Approx.",
        "Thurs.",
        "J.",
        "A.",
        "x.",
        "Q.E.D.",
        "AB.C.",
        "1.5",
        "10",
        "2026",
        "$3.4",
        "5.",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        " \n ",
        "\n \n",
        "\r\n",
        "\t",
        "\u{b}",
        "\u{c}",
        "\u{a0}",
        "\u{85}",
        "\u{2028}",
        "\u{3000}",
        ".",
        ". ",
        ".\n",
        "...",
        "..",
        "!",
        "?",
        "?!",
        "!?",
        "…",
        "… ",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "«",
        "»",
        "The",
        "He",
        "It",
        "I",
        "An",
        "Meanwhile",
        "However",
        "Their",
        "the",
        "said",
        "smith",
        "Smith",
        "Peskov",
        "Élan",
        "élan",
        "ñ",
        "Ünter",
        "ß",
        "Δ",
        "δ",
        "日本",
        ",",
        ";",
        "—",
        "-",
        "abc",
        "verylongword",
    ];

    /// News-like text built from `PIECES` and arbitrary characters.
    fn news_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    #[test]
    fn same_as_reference_on_generated_news() {
        let config = crate::generate::Config {
            docs: 300,
            seed: 7,
            dup_rate: 0.3,
            ..crate::generate::Config::default()
        };
        let mut bytes = 0;
        for record in crate::generate::Generator::new(config).unwrap() {
            bytes += record.text.len();
            assert_eq!(
                sentences(&record.text),
                reference::sentences(&record.text),
                "{}",
                record.text
            );
        }
        assert!(bytes > 100_000);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn same_as_reference_on_news_like_text(s in news_like()) {
            proptest::prop_assert_eq!(sentences(&s), reference::sentences(&s));
        }

        #[test]
        fn same_as_reference_on_any_text(s in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(sentences(&s), reference::sentences(&s));
        }
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
