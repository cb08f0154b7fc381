//! A light tokenizer for claim extraction: words, numbers (with their value parsed once) and
//! single punctuation characters, each with its byte span. Unlike [`crate::text::tokens`], it
//! keeps punctuation (`$`, `%`, `-`, quotes) because quantities are made of it.
//!
//! Words are compared through an ASCII-lowercased copy of the text, which has the same byte
//! offsets as the original, so no token allocates.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// A run of letters, with inner apostrophes (`Russia’s`).
    Word,
    /// Digits with group separators and decimals, parsed.
    Num,
    /// Any other single non-space character.
    Punct(char),
}

/// Number flags.
pub(crate) mod nf {
    /// Digit groups with `,` or a space (`50,000`, `50 000`).
    pub const GROUPED: u8 = 1;
    /// A decimal part (`1.5`, `1,5`).
    pub const DECIMAL: u8 = 2;
    /// A leading zero on a multi-digit integer part (`007`, `020`).
    pub const LEADING_ZERO: u8 = 4;
    /// More than one period or too many digits: an id, a version, a date.
    pub const ID_LIKE: u8 = 8;
}

/// A token. `glued` is true when no whitespace separates it from the previous token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub glued: bool,
    /// The value of a number token.
    pub num: f64,
    /// [`nf`] flags of a number token.
    pub flags: u8,
    /// Digits before the first separator of a number token.
    pub int_digits: u8,
    /// Digits after the decimal separator of a number token.
    pub dec: u8,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

/// A tokenized text.
pub(crate) struct Lexed<'t> {
    pub text: &'t str,
    pub lower: String,
    pub toks: Vec<Tok>,
}

impl<'t> Lexed<'t> {
    /// Tokenizes `text`.
    pub fn new(text: &'t str) -> Lexed<'t> {
        Lexed::new_in(text, String::new(), Vec::new())
    }

    /// Tokenizes `text` into the buffers `lower` and `toks` (cleared first), reusing their
    /// memory; [`Lexed::into_buffers`] gives them back.
    pub fn new_in(text: &'t str, mut lower: String, mut toks: Vec<Tok>) -> Lexed<'t> {
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        lex_into(text, &mut toks);
        Lexed { text, lower, toks }
    }

    /// The buffers, for reuse by [`Lexed::new_in`].
    pub fn into_buffers(self) -> (String, Vec<Tok>) {
        (self.lower, self.toks)
    }

    /// The lowercased text of token `i` (empty when out of range).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    /// The original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    /// True when token `i` is a word equal (lowercased) to `w`.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && self.low(i) == w
    }

    /// True when token `i` starts with an uppercase letter.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }
}

/// A static set of short words with values, for lookups that a long `match` on strings makes
/// slow (a `match` compares the word with the arms one after the other): open addressing on
/// the word's bytes packed into a `u128` (words of up to 15 bytes; longer ones are never found).
pub(crate) struct WordMap<V> {
    keys: Box<[u128]>,
    values: Box<[V]>,
    shift: u32,
}

impl<V: Copy + Default> WordMap<V> {
    /// The map of `entries` (a later duplicate key replaces an earlier one).
    pub(crate) fn new<'w>(entries: impl IntoIterator<Item = (&'w str, V)>) -> WordMap<V> {
        let entries: Vec<(u128, V)> = entries
            .into_iter()
            .filter_map(|(w, v)| Some((pack(w)?, v)))
            .collect();
        let bits = (entries.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let size = 1usize << bits;
        let mut map = WordMap {
            keys: vec![0u128; size].into_boxed_slice(),
            values: vec![V::default(); size].into_boxed_slice(),
            shift: 64 - bits,
        };
        for (k, v) in entries {
            let mut i = map.slot(k);
            while map.keys[i] != 0 && map.keys[i] != k {
                i = (i + 1) & (size - 1);
            }
            map.keys[i] = k;
            map.values[i] = v;
        }
        map
    }

    #[inline]
    fn slot(&self, k: u128) -> usize {
        let h = (k as u64 ^ (k >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// The value of `w`.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        self.get_packed(pack(w)?)
    }

    /// The value of `w` lowercased (ASCII words only: others are never found).
    #[inline]
    pub(crate) fn get_lower(&self, w: &str) -> Option<V> {
        if !w.is_ascii() {
            return None;
        }
        let k = pack(w)?;
        // ASCII letters to lowercase: set bit 5 of the bytes that are `A`..=`Z`.
        let lo = ascii_lower_u64(k as u64);
        let hi = ascii_lower_u64((k >> 64) as u64 & 0x00FF_FFFF_FFFF_FFFF)
            | ((k >> 64) as u64 & 0xFF00_0000_0000_0000);
        self.get_packed(u128::from(lo) | (u128::from(hi) << 64))
    }

    #[inline]
    fn get_packed(&self, k: u128) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(k);
        loop {
            let key = self.keys[i];
            if key == k {
                return Some(self.values[i]);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when `w` is in the map.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// The eight ASCII bytes of `x` with `A`..=`Z` lowercased (SWAR: no byte loop).
#[inline]
fn ascii_lower_u64(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Bytes are ASCII (< 0x80): adding never carries into the next byte.
    let ge_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let gt_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = ge_a & !gt_z & HIGH;
    x | (upper >> 2)
}

/// The bytes of a non-empty word of at most 15 bytes, with its length in the top byte (never 0).
#[inline]
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    // Overlapping fixed-size loads: `copy_from_slice` of a variable length calls `memcpy`.
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |i: usize| {
        u64::from_le_bytes([
            b[i],
            b[i + 1],
            b[i + 2],
            b[i + 3],
            b[i + 4],
            b[i + 5],
            b[i + 6],
            b[i + 7],
        ])
    };
    let (lo, hi) = match n {
        1..=3 => {
            let mut lo = 0u64;
            for (i, &c) in b.iter().enumerate() {
                lo |= u64::from(c) << (8 * i);
            }
            (lo, 0)
        }
        // The two loads overlap on equal bytes at equal positions.
        4..=7 => (u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))), 0),
        8 => (u64_at(0), 0),
        _ => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
    };
    Some(u128::from(lo) | (u128::from(hi | ((n as u64) << 56)) << 64))
}

/// The end of the run of ASCII letters that starts at byte `i` of `bytes` (`i` itself when
/// `bytes[i]` is not one), eight bytes at a time: a word of news text ends within the first
/// eight bytes, where a byte loop takes a test and a branch per letter.
#[inline]
pub(crate) fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        // Per byte, `y` = the byte with bit 5 set (ASCII letters lowercased) and bit 7 clear:
        // at most 0x7F, so the additions below carry into no other byte. A byte is an ASCII
        // letter when it is below 0x80 and 0x61 <= y <= 0x7A.
        let y = (x | 0x2020_2020_2020_2020) & LOW7;
        let ge_a = y + 0x1F1F_1F1F_1F1F_1F1F;
        let gt_z = y + 0x0505_0505_0505_0505;
        let other = !(ge_a & !gt_z & !x) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// Tokenizes `text`.
#[cfg(test)]
pub(crate) fn lex(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    lex_into(text, &mut toks);
    toks
}

/// Tokenizes `text` into `toks` (cleared first).
pub(crate) fn lex_into(text: &str, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    toks.clear();
    toks.reserve(n / 5 + 1);
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < n {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if is_space(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: i + len,
            kind: Kind::Punct(c),
            glued: start == last_end,
            num: 0.0,
            flags: 0,
            int_digits: 0,
            dec: 0,
        };
        if b.is_ascii_digit() {
            lex_number(bytes, &mut tok);
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter(c)) {
            tok.kind = Kind::Word;
            let mut j = i + len;
            loop {
                j = ascii_letters_end(bytes, j);
                if j >= n {
                    break;
                }
                let b = bytes[j];
                if b < 0x80 && b != b'\'' {
                    break;
                }
                let c = text[j..].chars().next().unwrap_or(' ');
                if is_letter(c)
                    || (matches!(c, '\'' | '’')
                        && text[j + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic))
                {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            tok.end = j;
        }
        last_end = tok.end;
        i = tok.end;
        toks.push(tok);
    }
}

/// Parses the number starting at `tok.start` and sets its end, value and flags.
fn lex_number(bytes: &[u8], tok: &mut Tok) {
    let n = bytes.len();
    let digits_at = |j: usize| {
        let mut k = j;
        while k < n && bytes[k].is_ascii_digit() {
            k += 1;
        }
        k - j
    };
    let mut j = tok.start;
    let mut mant: u64 = 0;
    let mut total_digits = 0usize;
    let mut scale_down = 0i32;
    let mut flags = 0u8;
    let push = |d: u8, mant: &mut u64, total: &mut usize| {
        *total += 1;
        if *total <= 18 {
            *mant = *mant * 10 + u64::from(d - b'0');
        }
    };
    let first = digits_at(j);
    if first > 1 && bytes[j] == b'0' {
        flags |= nf::LEADING_ZERO;
    }
    for k in 0..first {
        push(bytes[j + k], &mut mant, &mut total_digits);
    }
    j += first;
    let int_digits = first;
    let mut group_sep: Option<u8> = None;
    // Digit groups: `,ddd` or ` ddd` (space, no-break or thin space), not followed by a digit.
    loop {
        if j < n && bytes[j] == b',' && group_sep != Some(b' ') && digits_at(j + 1) == 3 {
            group_sep = Some(b',');
            for k in 1..=3 {
                push(bytes[j + k], &mut mant, &mut total_digits);
            }
            j += 4;
            continue;
        }
        if int_digits <= 3 && group_sep != Some(b',') {
            let sep = if j < n && bytes[j] == b' ' {
                1
            } else if j + 1 < n && bytes[j] == 0xC2 && bytes[j + 1] == 0xA0 {
                2
            } else if j + 2 < n
                && bytes[j] == 0xE2
                && bytes[j + 1] == 0x80
                && matches!(bytes[j + 2], 0xAF | 0x89)
            {
                3
            } else {
                0
            };
            if sep > 0 && digits_at(j + sep) == 3 {
                // Not "in 20 000" only: the next group must not continue into a decimal year etc.
                group_sep = Some(b' ');
                for k in 0..3 {
                    push(bytes[j + sep + k], &mut mant, &mut total_digits);
                }
                j += sep + 3;
                continue;
            }
        }
        break;
    }
    if group_sep.is_some() {
        flags |= nf::GROUPED;
    }
    // Decimals: `.d+`, or a European `,d` / `,dd` that is not a list of numbers.
    if j + 1 < n && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
        let d = digits_at(j + 1);
        for k in 0..d {
            push(bytes[j + 1 + k], &mut mant, &mut total_digits);
        }
        scale_down = d as i32;
        flags |= nf::DECIMAL;
        j += 1 + d;
        if j + 1 < n && matches!(bytes[j], b'.' | b',') && bytes[j + 1].is_ascii_digit() {
            flags |= nf::ID_LIKE;
            while j + 1 < n && matches!(bytes[j], b'.' | b',') && bytes[j + 1].is_ascii_digit() {
                j += 1 + digits_at(j + 1);
            }
        }
    } else if group_sep.is_none()
        && j + 1 < n
        && bytes[j] == b','
        && !(tok.start > 0 && bytes[tok.start - 1] == b',')
    {
        let d = digits_at(j + 1);
        let after = j + 1 + d;
        let list = after + 1 < n && bytes[after] == b',' && bytes[after + 1].is_ascii_digit();
        if (1..=2).contains(&d) && !list {
            for k in 0..d {
                push(bytes[j + 1 + k], &mut mant, &mut total_digits);
            }
            scale_down = d as i32;
            flags |= nf::DECIMAL;
            j = after;
        }
    }
    if total_digits > 18 {
        flags |= nf::ID_LIKE;
    }
    tok.kind = Kind::Num;
    tok.end = j;
    tok.flags = flags;
    tok.int_digits = int_digits.min(255) as u8;
    tok.dec = scale_down.min(30) as u8;
    tok.num = mant as f64 / 10f64.powi(scale_down.min(30));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`ascii_letters_end`] as a plain byte loop.
    fn letters_end_plain(bytes: &[u8], mut i: usize) -> usize {
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        i
    }

    #[test]
    fn ascii_letters_end_is_the_byte_loop_on_every_byte() {
        // Each byte value at each position of an eight-byte chunk, after letters and before
        // more letters, and runs crossing one or two chunks.
        for v in 0..=255u8 {
            for pos in 0..20 {
                let mut b = vec![b'a'; 24];
                b[pos] = v;
                b[pos / 2] = if v.is_ascii_alphabetic() { b'Z' } else { b'q' };
                for from in [0, 1, pos, pos.saturating_sub(1), 23, 24] {
                    assert_eq!(
                        ascii_letters_end(&b, from),
                        letters_end_plain(&b, from),
                        "{v:#x} at {pos} from {from}"
                    );
                }
            }
        }
        assert_eq!(ascii_letters_end(b"", 0), 0);
        assert_eq!(ascii_letters_end(b"abcdefghijklmnopqrstuvwxyz", 3), 26);
    }

    proptest::proptest! {
        #[test]
        fn ascii_letters_end_matches_the_byte_loop(
            b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..41,
        ) {
            let from = from.min(b.len());
            proptest::prop_assert_eq!(ascii_letters_end(&b, from), letters_end_plain(&b, from));
        }

        #[test]
        fn ascii_letters_end_matches_on_letter_runs(
            s in "[a-zA-Z]{0,20}[^a-zA-Z]?[a-zA-Z@\\[`{é’ ]{0,20}",
        ) {
            let b = s.as_bytes();
            for from in 0..=b.len() {
                proptest::prop_assert_eq!(ascii_letters_end(b, from), letters_end_plain(b, from));
            }
        }
    }

    fn nums(text: &str) -> Vec<(String, f64, u8)> {
        lex(text)
            .into_iter()
            .filter(|t| t.is_num())
            .map(|t| (text[t.start..t.end].to_string(), t.num, t.flags))
            .collect()
    }

    #[test]
    fn numbers() {
        let got =
            nums("50,000 and 50 000 and 1.5 and 1,5 and 0.3 and 1,2,3 and 2026-01-06 and 1.2.3");
        let vals: Vec<(&str, f64)> = got.iter().map(|(s, v, _)| (s.as_str(), *v)).collect();
        assert_eq!(
            vals,
            [
                ("50,000", 50000.0),
                ("50 000", 50000.0),
                ("1.5", 1.5),
                ("1,5", 1.5),
                ("0.3", 0.3),
                ("1", 1.0),
                ("2", 2.0),
                ("3", 3.0),
                ("2026", 2026.0),
                ("01", 1.0),
                ("06", 6.0),
                ("1.2.3", 1.2),
            ]
        );
        assert_eq!(got[0].2, nf::GROUPED);
        assert_eq!(got[11].2 & nf::ID_LIKE, nf::ID_LIKE);
        assert_eq!(nums("1,234,567.89")[0].1, 1234567.89);
        assert_eq!(nums("in 2008 200 people")[0].1, 2008.0);
    }

    #[test]
    fn pack_is_the_bytes_and_length() {
        let w = "abcdefghijklmno";
        for n in 1..=15 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&w.as_bytes()[..n]);
            buf[15] = n as u8;
            assert_eq!(pack(&w[..n]), Some(u128::from_le_bytes(buf)), "{n}");
        }
        assert_eq!(pack(""), None);
        assert_eq!(pack("abcdefghijklmnop"), None);
    }

    #[test]
    fn word_map() {
        let m = WordMap::new([
            ("said", 1u8),
            ("told", 2),
            ("it's", 3),
            ("fifteen-letters", 4),
        ]);
        assert_eq!(m.get("said"), Some(1));
        assert_eq!(m.get("told"), Some(2));
        assert_eq!(m.get("it's"), Some(3));
        assert_eq!(m.get("fifteen-letters"), Some(4));
        assert_eq!(m.get("sai"), None);
        assert_eq!(m.get(""), None);
        assert_eq!(m.get("sixteen-letters!"), None);
        assert!(!m.contains("saidx"));
        assert_eq!(m.get_lower("SAID"), Some(1));
        assert_eq!(m.get_lower("It'S"), Some(3));
        assert_eq!(m.get_lower("Fifteen-Letters"), Some(4));
        assert_eq!(m.get_lower("Saïd"), None);
        for b in 0u8..128 {
            let w = [b; 8];
            let x = u64::from_le_bytes(w);
            assert_eq!(
                ascii_lower_u64(x),
                u64::from_le_bytes(w.map(|c| c.to_ascii_lowercase()))
            );
        }
    }

    #[test]
    fn words_and_glue() {
        let text = "Russia’s $2bn G7 “x”";
        let toks = lex(text);
        let s: Vec<(&str, bool)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.glued))
            .collect();
        assert_eq!(
            s,
            [
                ("Russia’s", false),
                ("$", false),
                ("2", true),
                ("bn", true),
                ("G", false),
                ("7", true),
                ("“", false),
                ("x", true),
                ("”", true)
            ]
        );
    }
}
