//! Normalization for matching (never for display) and word tokens with byte spans.
//!
//! A token is a maximal run of letters and digits (any script). Apostrophes and hyphens between
//! two letters or digits join them (`Russia’s` → `russias`, `cease-fire` → `ceasefire`), as do
//! periods (`U.S.` → `us`, `1.5` → `15`) and digit group commas (`50,000` → `50000`); every other
//! character separates tokens, so punctuation disappears and whitespace collapses. Each token is
//! NFKC-normalized and lowercased; curly quotes and dashes never survive because they are not
//! letters. Numbers stay tokens.
//!
//! ```
//! use crosscheck::text::{normalize, tokens};
//!
//! assert_eq!(normalize("“We’re  monitoring this,” Peskov said – CEASE-FIRE, 50,000 ﬁve"),
//!            "were monitoring this peskov said ceasefire 50000 five");
//! let toks = tokens("Kremlin’s view");
//! assert_eq!(toks[0].text, "kremlins");
//! assert_eq!((toks[0].span.start, toks[0].span.end), (0, 11)); // byte span of `Kremlin’s`
//! ```

pub mod sentence;

use unicode_normalization::UnicodeNormalization;

use crate::corpus::Span;

/// A normalized word and where it is in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the token in the original text (joiners included).
    pub span: Span,
    /// The normalized form.
    pub text: String,
}

/// Characters that join two word characters into one token.
#[inline]
fn is_joiner(c: char, prev: char, next: char) -> bool {
    match c {
        '\'' | '’' | 'ʼ' | '‘' | '-' | '‐' | '‑' | '.' => true,
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
    }
}

/// Calls `f(span, normalized)` for every token of `text`, in order, without allocating per token.
///
/// This is the primitive the fingerprinting hot path uses; [`tokens`] and [`normalize`] are built
/// on it.
pub fn for_each_token(text: &str, f: impl FnMut(Span, &str)) {
    Tokenizer::default().for_each(text, f);
}

/// [`for_each_token`] with its buffers kept from call to call: for callers that tokenize many
/// short texts (single words, names), where allocating the buffers would cost more than the
/// tokenizing.
///
/// ```
/// let mut t = crosscheck::text::Tokenizer::default();
/// let mut out = Vec::new();
/// for w in ["Kremlin’s", "CEASE-FIRE"] {
///     t.for_each(w, |_, tok| out.push(tok.to_string()));
/// }
/// assert_eq!(out, ["kremlins", "ceasefire"]);
/// ```
#[derive(Debug, Default, Clone)]
pub struct Tokenizer {
    buf: String,
    raw: String,
}

impl Tokenizer {
    /// Calls `f(span, normalized)` for every token of `text`, as [`for_each_token`] does.
    pub fn for_each(&mut self, text: &str, f: impl FnMut(Span, &str)) {
        if self.buf.capacity() == 0 {
            self.buf.reserve(32);
        }
        tokens_with(text, &mut self.buf, &mut self.raw, f);
    }
}

fn tokens_with(text: &str, buf: &mut String, raw: &mut String, mut f: impl FnMut(Span, &str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        // Skip separators quickly.
        let b = bytes[i];
        if b < 0x80 {
            if CLASS[b as usize] == OTHER {
                i += 1;
                while i < n && CLASS[bytes[i] as usize] == OTHER {
                    i += 1;
                }
                continue;
            }
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            if !is_word(c) {
                i += c.len_utf8();
                continue;
            }
        }
        // A token starts at i.
        let start = i;
        if let Some((end, plain)) = ascii_token(bytes, start) {
            i = end;
            if plain {
                // Already normalized: lowercase letters and digits only.
                f(Span::new(start, end), &text[start..end]);
            } else {
                buf.clear();
                buf.extend(
                    bytes[start..end]
                        .iter()
                        .filter(|b| b.is_ascii_alphanumeric())
                        .map(|&b| char::from(b.to_ascii_lowercase())),
                );
                f(Span::new(start, end), buf);
            }
            continue;
        }
        buf.clear();
        let mut ascii = true;
        let mut prev = '\0';
        let mut end = i;
        let mut chars = text[i..].char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            if is_word(c) {
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    ascii = false;
                    buf.push(c);
                }
                prev = c;
                end = i + off + c.len_utf8();
            } else {
                let next = chars.peek().map_or(' ', |&(_, c)| c);
                if is_joiner(c, prev, next) && is_word(next) {
                    continue;
                }
                break;
            }
        }
        i = end;
        if ascii {
            f(Span::new(start, end), buf);
        } else {
            raw.clear();
            raw.extend(buf.nfkc().flat_map(char::to_lowercase));
            f(Span::new(start, end), raw);
        }
    }
}

/// Byte classes of the ASCII fast path.
const LOWER: u8 = 1; // lowercase letter or digit: kept as is
const UPPER: u8 = 2; // uppercase letter: lowercased
const OTHER: u8 = 0; // any other ASCII byte: a joiner or a separator
const HIGH: u8 = 3; // not ASCII: the general path decides

const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// The fast path of [`for_each_token`]: a token made of ASCII bytes only, whose joiners and
/// following characters are ASCII too. Returns its end and whether it is already normalized
/// (lowercase letters and digits only, no joiner), or `None` as soon as a non-ASCII byte
/// matters, in which case the caller takes the general path from `start`. Same rules as the
/// general path, byte by byte.
#[inline]
fn ascii_token(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let n = bytes.len();
    let mut j = start;
    let mut plain = true;
    loop {
        while j < n && CLASS[bytes[j] as usize] == LOWER {
            j += 1;
        }
        if j >= n {
            return Some((j, plain));
        }
        let b = bytes[j];
        match CLASS[b as usize] {
            UPPER => {
                plain = false;
                j += 1;
                continue;
            }
            HIGH => return None,
            _ => {}
        }
        // A joiner or a separator; the byte before it is a word byte.
        let joiner = match b {
            b'\'' | b'-' | b'.' => true,
            b',' => {
                bytes[j - 1].is_ascii_digit() && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            }
            _ => false,
        };
        if !joiner {
            return Some((j, plain));
        }
        match bytes.get(j + 1) {
            Some(&next) if next >= 0x80 => return None,
            Some(next) if next.is_ascii_alphanumeric() => {
                plain = false;
                j += 1;
            }
            _ => return Some((j, plain)),
        }
    }
}

/// The tokens of `text`, collected.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, |span, t| {
        out.push(Token {
            span,
            text: t.to_string(),
        })
    });
    out
}

/// The normalized text: tokens joined by single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_token(text, |_, t| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_only_between_word_characters() {
        assert_eq!(normalize("U.S.-led coalition"), "us led coalition");
        assert_eq!(normalize("end. Next -- word"), "end next word");
        assert_eq!(normalize("1,5 and 50,000 and a,b"), "15 and 50000 and a b");
        assert_eq!(normalize("'quoted' — dash"), "quoted dash");
        assert_eq!(normalize("..."), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn unicode_is_folded() {
        assert_eq!(
            normalize("ＫＹＩＶ Zelenskyy ÉCOLE"),
            "kyiv zelenskyy école"
        );
        assert_eq!(normalize("Cafe\u{301}"), "café");
        assert_eq!(normalize("Москва\u{301} 2026"), "москва\u{301} 2026");
    }

    #[test]
    fn spans_point_at_the_original_bytes() {
        let text = "  “Peskov’s” – 26 countries.";
        for t in tokens(text) {
            let raw = t.span.slice(text);
            assert_eq!(normalize(raw), t.text);
        }
        let toks = tokens(text);
        assert_eq!(toks.len(), 3);
        assert_eq!(toks[1].span.slice(text), "26");
    }

    /// The general path alone, as it was before the ASCII fast path.
    fn slow_tokens(text: &str) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().expect("char boundary");
            if !is_word(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let mut buf = String::new();
            let mut prev = '\0';
            let mut end = i;
            let mut chars = text[i..].char_indices().peekable();
            while let Some((off, c)) = chars.next() {
                if is_word(c) {
                    buf.push(c);
                    prev = c;
                    end = i + off + c.len_utf8();
                } else {
                    let next = chars.peek().map_or(' ', |&(_, c)| c);
                    if is_joiner(c, prev, next) && is_word(next) {
                        continue;
                    }
                    break;
                }
            }
            i = end;
            let norm: String = buf.nfkc().flat_map(char::to_lowercase).collect();
            out.push((Span::new(start, end), norm));
        }
        out
    }

    #[test]
    fn fast_path_agrees_on_joiners() {
        for s in [
            "U.S.-led a,b 1,5 50,000 x, 5,a a,5 end. -x x- 'a' a'b a'é é'a a.é a-",
            "Russia’s cease‑fire, 1,é 2,3 x.\u{301}y ab\u{301} A.B.",
        ] {
            let got: Vec<(Span, String)> =
                tokens(s).into_iter().map(|t| (t.span, t.text)).collect();
            assert_eq!(got, slow_tokens(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_the_general_path(s in "[a-zA-Z0-9 ,.'\\-é’\u{301}Ａ]{0,40}") {
            let got: Vec<(Span, String)> = tokens(&s).into_iter().map(|t| (t.span, t.text)).collect();
            proptest::prop_assert_eq!(got, slow_tokens(&s));
        }

        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC*") {
            for t in tokens(&s) {
                proptest::prop_assert!(s.is_char_boundary(t.span.start));
                proptest::prop_assert!(s.is_char_boundary(t.span.end));
                proptest::prop_assert!(!t.span.is_empty());
            }
        }
    }
}
