//! A small, allocation-light tokenizer for date matching.
//!
//! Tokens are words (letters), numbers (digits, with `,`/`.` digit groups and a letter suffix such
//! as `1990s` or `6th` folded in) and single punctuation characters. Whitespace is not a token; each
//! token records whether whitespace (and whether a newline) came before it, so matchers can insist on
//! adjacency (`2026-01-06`, `mid-2025`) or on a sentence/paragraph break.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of digits, possibly with digit-group separators and a letter suffix.
    Num,
    /// One punctuation (or symbol) character.
    Punct(char),
}

/// One token, pointing into the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The token text (for numbers: digits, separators and suffix).
    pub text: &'a str,
    /// Whitespace between the previous token and this one.
    pub space_before: bool,
    /// A line break between the previous token and this one.
    pub newline_before: bool,
    /// For numbers: the value of the digits (separators ignored), saturating.
    pub value: u64,
    /// For numbers: the count of digits before any separator or suffix.
    pub lead_digits: u8,
    /// For numbers: a `,` or `.` joined digit groups (`50,000`, `1.5`).
    pub has_sep: bool,
    /// For numbers: byte length of the letter suffix (`s`, `th`, `k`).
    pub suffix_len: u8,
    /// For words: every letter is ASCII (`text.is_ascii()`, known without a second look).
    pub ascii: bool,
}

impl<'a> Tok<'a> {
    /// The letter suffix of a number (`"s"` for `1990s`), empty otherwise.
    pub fn suffix(&self) -> &'a str {
        &self.text[self.text.len() - self.suffix_len as usize..]
    }

    /// True for a word equal (ASCII case-insensitively) to `w`.
    pub fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(w)
    }

    /// True for a punctuation token `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for a word starting with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A plain number: digits only, no separators, no suffix.
    pub fn plain_num(&self) -> Option<u64> {
        (self.kind == Kind::Num && !self.has_sep && self.suffix_len == 0 && self.lead_digits <= 9)
            .then_some(self.value)
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    // Fast path for the punctuation blocks that fill news text (curly quotes, dashes, spaces).
    if ('\u{2000}'..='\u{206F}').contains(&c) || c == '\u{A0}' {
        return false;
    }
    c.is_alphabetic()
}

/// Tokenizes `text` into `out` (cleared first). Linear time.
pub(crate) fn tokenize<'a>(text: &'a str, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if b == b' ' || b == b'\t' || b == b'\r' {
                space = true;
                i += 1;
                continue;
            }
            if b == b'\n' {
                space = true;
                newline = true;
                i += 1;
                continue;
            }
        }
        let start = i;
        let tok = if b.is_ascii_digit() {
            let mut value: u64 = 0;
            let mut lead: u32 = 0;
            let mut sep = false;
            let mut in_lead = true;
            while i < n {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    value = value.saturating_mul(10).saturating_add(u64::from(c - b'0'));
                    if in_lead {
                        lead += 1;
                    }
                    i += 1;
                } else if (c == b',' || c == b'.') && i + 1 < n && bytes[i + 1].is_ascii_digit() {
                    sep = true;
                    in_lead = false;
                    i += 1;
                } else {
                    break;
                }
            }
            let digits_end = i;
            while i < n && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Tok {
                start,
                end: i,
                kind: Kind::Num,
                text: &text[start..i],
                space_before: space,
                newline_before: newline,
                value,
                lead_digits: lead.min(255) as u8,
                has_sep: sep,
                suffix_len: (i - digits_end).min(255) as u8,
                ascii: false,
            }
        } else {
            let c = if b < 0x80 {
                b as char
            } else {
                text[i..].chars().next().unwrap_or('\u{FFFD}')
            };
            if is_word_char(c) {
                i += c.len_utf8();
                let mut ascii = b < 0x80;
                loop {
                    i = crate::claim::lex::ascii_letters_end(bytes, i);
                    if i >= n || bytes[i] < 0x80 {
                        break;
                    }
                    let c2 = text[i..].chars().next().unwrap_or(' ');
                    if is_word_char(c2) {
                        i += c2.len_utf8();
                        ascii = false;
                    } else {
                        break;
                    }
                }
                Tok {
                    start,
                    end: i,
                    kind: Kind::Word,
                    text: &text[start..i],
                    space_before: space,
                    newline_before: newline,
                    value: 0,
                    lead_digits: 0,
                    has_sep: false,
                    suffix_len: 0,
                    ascii,
                }
            } else {
                i += c.len_utf8();
                if c.is_whitespace() {
                    // Non-ASCII whitespace (no-break space, em space, line separator).
                    space = true;
                    if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                        newline = true;
                    }
                    continue;
                }
                Tok {
                    start,
                    end: i,
                    kind: Kind::Punct(c),
                    text: &text[start..i],
                    space_before: space,
                    newline_before: newline,
                    value: 0,
                    lead_digits: 0,
                    has_sep: false,
                    suffix_len: 0,
                    ascii: false,
                }
            }
        };
        out.push(tok);
        space = false;
        newline = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let mut v = Vec::new();
        tokenize("On Jan. 6, 50,000 in the 1990s mid-2025 Russia’s", &mut v);
        let texts: Vec<&str> = v.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "On", "Jan", ".", "6", ",", "50,000", "in", "the", "1990s", "mid", "-", "2025",
                "Russia", "’", "s"
            ]
        );
        assert_eq!(v[5].value, 50_000);
        assert!(v[5].has_sep);
        assert_eq!(v[8].suffix(), "s");
        assert_eq!(v[8].value, 1990);
        assert!(!v[11].space_before);
        assert!(v[0].ascii && v[13].kind == Kind::Punct('’') && !v[13].ascii);
    }

    proptest::proptest! {
        /// `ascii` says whether a word token's text is ASCII; other tokens have it false.
        #[test]
        fn ascii_flag_is_the_text(s in "([a-zA-Zé’ßΩ0-9 ,.\n\u{a0}\u{2009}-]|Éa|aé){0,60}") {
            let mut v = Vec::new();
            tokenize(&s, &mut v);
            for t in &v {
                proptest::prop_assert_eq!(t.ascii, t.kind == Kind::Word && t.text.is_ascii(), "{:?}", t);
            }
        }
    }
}
