//! A fast pre-pass: find the few places where a date can start (digits, month and weekday
//! names, "today", "week", seasons, holidays) with a byte scan and a three-letter prefix table,
//! and cut the text into windows around them. Only the windows are tokenized and matched, so the
//! cost on ordinary prose is one pass over the bytes.
//!
//! A window reaches [`BEFORE`] bytes back (look-behind: "the end of", "since", future cues) and
//! [`AFTER`] bytes ahead of its anchor, both cut at whitespace; overlapping windows are merged,
//! so a match never straddles two windows.

use super::lex::{Kind, Tok};
use super::lexicon::{self as lx, W};

/// Bytes of context before an anchor.
pub(crate) const BEFORE: usize = 100;
/// Bytes of context after an anchor.
pub(crate) const AFTER: usize = 140;

/// Words that can anchor a match, beyond what [`lx::classify`] knows.
const EXTRA_ANCHORS: [&str; 9] = [
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
    "christmas",
    "halloween",
    "new",
    "valentine",
];

/// The index of the first three bytes of `w` in the prefix table, when they are ASCII letters.
#[inline]
const fn prefix_index(w: &[u8]) -> Option<usize> {
    let [a, b, c, ..] = *w else {
        return None;
    };
    // `x | 0x20` is a lowercase letter exactly when `x` is an ASCII letter (and is then `x`
    // lowercased).
    let (a, b, c) = (a | 0x20, b | 0x20, c | 0x20);
    if !(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase()) {
        return None;
    }
    Some(((a - b'a') as usize * 26 + (b - b'a') as usize) * 26 + (c - b'a') as usize)
}

/// The anchor words whose three-letter prefixes [`PREFIXES`] holds, besides [`EXTRA_ANCHORS`].
const PREFIX_WORDS: [&str; 61] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
];

/// Bitmap of the three-letter prefixes of anchor words ([`PREFIX_WORDS`], [`EXTRA_ANCHORS`]).
const PREFIXES: [u64; 275] = {
    let mut t = [0u64; 275];
    let mut i = 0;
    while i < PREFIX_WORDS.len() + EXTRA_ANCHORS.len() {
        let w = if i < PREFIX_WORDS.len() {
            PREFIX_WORDS[i]
        } else {
            EXTRA_ANCHORS[i - PREFIX_WORDS.len()]
        };
        if let Some(k) = prefix_index(w.as_bytes()) {
            t[k / 64] |= 1 << (k % 64);
        }
        i += 1;
    }
    t
};

/// True when the three-letter prefix of `word` is in [`PREFIXES`].
#[inline(always)]
fn has_anchor_prefix(word: &[u8]) -> bool {
    match prefix_index(word) {
        Some(k) => PREFIXES[k / 64] & (1 << (k % 64)) != 0,
        None => false,
    }
}

#[inline]
fn is_anchor_word(word: &str) -> bool {
    if !has_anchor_prefix(word.as_bytes()) {
        return false;
    }
    !matches!(
        lx::classify(word),
        W::Other | W::Rel(_) | W::Past | W::Coming | W::Part(_) | W::EarlierLater(_) | W::Num(_)
    ) || EXTRA_ANCHORS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Start of a window for an anchor at `a`: after the first whitespace in the look-behind.
fn window_start(text: &str, a: usize) -> usize {
    let s0 = floor_boundary(text, a.saturating_sub(BEFORE));
    if s0 == 0 {
        return 0;
    }
    let b = text.as_bytes();
    match b[s0..a].iter().position(|c| c.is_ascii_whitespace()) {
        Some(p) => s0 + p + 1,
        None => s0,
    }
}

/// End of a window for an anchor at `a`: at the last whitespace in the look-ahead.
fn window_end(text: &str, a: usize) -> usize {
    let e0 = ceil_boundary(text, (a + AFTER).min(text.len()));
    if e0 == text.len() {
        return e0;
    }
    let b = text.as_bytes();
    match b[a..e0].iter().rposition(|c| c.is_ascii_whitespace()) {
        Some(p) => a + p,
        None => e0,
    }
}

/// True when `word` may be a date anchor by its first three letters: a necessary condition for
/// [`super::parse::Parser::match_at`] to match at a word (months, weekdays, "today", units,
/// seasons, parts of the day, holidays all have their prefix in the table).
#[inline]
pub(crate) fn may_anchor(word: &str) -> bool {
    has_anchor_prefix(word.as_bytes())
}

/// Adds the window of the anchor at byte `a` to `out`, merging it with the last one.
fn push_window(text: &str, a: usize, out: &mut Vec<(usize, usize)>) {
    let n = text.len();
    let (s, e) = (window_start(text, a), window_end(text, a).max(a + 1).min(n));
    match out.last_mut() {
        Some(last) if s <= last.1 => last.1 = last.1.max(e),
        _ => out.push((s, e)),
    }
}

/// True when a non-ASCII letter starts at byte `i` (it would continue the word before it).
fn glued(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(|&c| c >= 0x80)
        && text[i..]
            .chars()
            .next()
            .is_some_and(super::lex::is_word_char)
}

/// End of the run that a digit at `i` anchors: digits, letters and `,`/`.` between digits.
fn digit_run_end(b: &[u8], mut i: usize) -> usize {
    let n = b.len();
    while i < n
        && (b[i].is_ascii_alphanumeric()
            || ((b[i] == b',' || b[i] == b'.') && i + 1 < n && b[i + 1].is_ascii_digit()))
    {
        i += 1;
    }
    i
}

/// Scans the bytes `[from, to)` of `text` for anchors (see [`windows`]); returns where the scan
/// stopped (past `to` when a digit run continues beyond it).
fn scan_bytes(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = from;
    while i < to {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            // Words glued to non-ASCII letters are not English anchors; a curly apostrophe
            // (`Friday’s`) does not glue.
            if !glued(text, i) && is_anchor_word(&text[s..i]) {
                push_window(text, s, out);
            }
        } else if c.is_ascii_digit() {
            push_window(text, i, out);
            i = digit_run_end(b, i);
        } else {
            i += 1;
        }
    }
    i
}

/// The merged windows `(start, end)` of `text` that may hold dates, in order.
pub(crate) fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    scan_bytes(text, 0, text.len(), &mut out);
    out
}

/// [`windows`] from the tokens of the whole `text` (by [`super::lex::tokenize`]): the same
/// windows, without a second pass over the bytes of ordinary words.
pub(crate) fn windows_in(text: &str, toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Bytes before this were scanned already (a digit run can swallow the next tokens).
    let mut done = 0;
    for t in toks {
        if t.start < done {
            continue;
        }
        match t.kind {
            Kind::Num => {
                push_window(text, t.start, &mut out);
                done = digit_run_end(b, t.start);
            }
            Kind::Word if t.ascii => {
                debug_assert!(t.text.is_ascii());
                // An ASCII word token is one run of ASCII letters, ended by a non-letter.
                // The prefix test first: it rejects most words in a few instructions.
                if has_anchor_prefix(t.text.as_bytes())
                    && !glued(text, t.end)
                    && is_anchor_word(t.text)
                {
                    push_window(text, t.start, &mut out);
                }
                done = t.end;
            }
            Kind::Word => done = scan_bytes(text, t.start, t.end, &mut out),
            Kind::Punct(_) => done = t.end,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_anchors_only() {
        assert!(windows("The minister spoke to the press about the plan.").is_empty());
        let t = "Nothing here. Then on Friday, Jan. 6 it happened.";
        let w = windows(t);
        assert_eq!(w.len(), 1);
        assert!(t[w[0].0..w[0].1].contains("on Friday, Jan. 6"));
        assert!(is_anchor_word("Sept") && is_anchor_word("weekend") && !is_anchor_word("the"));
    }

    /// The prefix index as first written: each byte lowercased, then checked.
    fn reference_index(w: &[u8]) -> Option<usize> {
        if w.len() < 3 {
            return None;
        }
        let mut k = 0usize;
        for &b in &w[..3] {
            let c = b.to_ascii_lowercase();
            if !c.is_ascii_lowercase() {
                return None;
            }
            k = k * 26 + usize::from(c - b'a');
        }
        Some(k)
    }

    #[test]
    fn prefix_index_is_the_lowercased_letters() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in [
                    0, b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', 0x80, 0xC3, 0xFF, a,
                ] {
                    assert_eq!(prefix_index(&[a, b, c]), reference_index(&[a, b, c]));
                    assert_eq!(prefix_index(&[c, a, b, b'x']), reference_index(&[c, a, b]));
                }
            }
        }
        assert_eq!(prefix_index(b"ja"), None);
        let mut t = [0u64; 275];
        for w in PREFIX_WORDS.iter().chain(EXTRA_ANCHORS.iter()) {
            let k = reference_index(w.as_bytes()).unwrap();
            t[k / 64] |= 1 << (k % 64);
        }
        assert_eq!(PREFIXES, t);
    }

    fn same_windows(t: &str) {
        let mut toks = Vec::new();
        super::super::lex::tokenize(t, &mut toks);
        assert_eq!(windows_in(t, &toks), windows(t), "{t:?}");
    }

    #[test]
    fn token_windows_are_byte_windows() {
        for t in [
            "On Friday’s call, Jan. 6 and 12ab34 5km3 5ékm 1,5.6 G7 éjan Décembre x",
            "Friday",
            "",
            "1990sjan, mid-2025; 50,000 troops — on Mon.",
        ] {
            same_windows(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn token_windows_match(s in "(\\PC|[0-9 ,.a-zA-Zé’])*") {
            same_windows(&s);
        }
    }
}
