//! Qualifiers before and after a number: `around`, `fewer than`, `at least`, `or more`.

use std::sync::OnceLock;

use super::Qualifier;
use crate::claim::lex::{Lexed, WordMap};

/// Phrases before a number, longest first within each qualifier; matched on lowercase words.
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "more", "than"], Qualifier::Le),
    (&["not", "more", "than"], Qualifier::Le),
    (&["no", "fewer", "than"], Qualifier::Ge),
    (&["no", "less", "than"], Qualifier::Ge),
    (&["not", "less", "than"], Qualifier::Ge),
    (&["not", "fewer", "than"], Qualifier::Ge),
    (&["as", "many", "as"], Qualifier::Le),
    (&["as", "much", "as"], Qualifier::Le),
    (&["as", "high", "as"], Qualifier::Le),
    (&["in", "excess", "of"], Qualifier::Gt),
    (&["a", "minimum", "of"], Qualifier::Ge),
    (&["a", "maximum", "of"], Qualifier::Le),
    (&["more", "or", "less"], Qualifier::Approx),
    (&["in", "the", "region", "of"], Qualifier::Approx),
    (&["on", "the", "order", "of"], Qualifier::Approx),
    (&["just", "over"], Qualifier::Gt),
    (&["just", "under"], Qualifier::Lt),
    (&["just", "below"], Qualifier::Lt),
    (&["just", "above"], Qualifier::Gt),
    (&["well", "over"], Qualifier::Gt),
    (&["well", "above"], Qualifier::Gt),
    (&["well", "below"], Qualifier::Lt),
    (&["well", "under"], Qualifier::Lt),
    (&["more", "than"], Qualifier::Gt),
    (&["greater", "than"], Qualifier::Gt),
    (&["higher", "than"], Qualifier::Gt),
    (&["fewer", "than"], Qualifier::Lt),
    (&["less", "than"], Qualifier::Lt),
    (&["lower", "than"], Qualifier::Lt),
    (&["up", "to"], Qualifier::Le),
    (&["at", "most"], Qualifier::Le),
    (&["at", "least"], Qualifier::Ge),
    (&["upwards", "of"], Qualifier::Gt),
    (&["upward", "of"], Qualifier::Gt),
    (&["close", "to"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["an", "approximate"], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["nigh"], Qualifier::Approx),
    (&["over"], Qualifier::Gt),
    (&["above"], Qualifier::Gt),
    (&["exceeding"], Qualifier::Gt),
    (&["under"], Qualifier::Lt),
    (&["below"], Qualifier::Lt),
    (&["beyond"], Qualifier::Gt),
    (&["exactly"], Qualifier::Exact),
    (&["precisely"], Qualifier::Exact),
];

/// The qualifier phrase ending just before token `i`, not reaching before token `floor`:
/// `(qualifier, first token of the phrase)`.
pub(crate) fn before(lx: &Lexed<'_>, i: usize, floor: usize) -> Option<(Qualifier, usize)> {
    if i == 0 || i <= floor {
        return None;
    }
    // Symbols glued to the number: `~50`, `<5`, `>100`.
    if let Some(c) = lx.toks[i - 1].punct() {
        let q = match c {
            '~' | '≈' => Qualifier::Approx,
            '<' => Qualifier::Lt,
            '>' => Qualifier::Gt,
            '≤' => Qualifier::Le,
            '≥' => Qualifier::Ge,
            _ => return None,
        };
        return Some((q, i - 1));
    }
    if !lx.toks[i - 1].is_word() {
        return None;
    }
    let last = lx.low(i - 1);
    // Only the phrases ending with `last`, in order.
    let mut phrases = ending_with(last);
    'pattern: while phrases != 0 {
        let (words, q) = &BEFORE[phrases.trailing_zeros() as usize];
        phrases &= phrases - 1;
        let k = words.len();
        if i < floor + k {
            continue;
        }
        for (n, w) in words.iter().enumerate().take(k - 1) {
            if !lx.is(i - k + n, w) {
                continue 'pattern;
            }
        }
        // `about` at the start of `about 300` is fine; `talk about` too. But `some of` or
        // `over the` never reach here because the next token is the number.
        return Some((*q, i - k));
    }
    None
}

/// The set of [`BEFORE`] phrases whose last word is `last`, as a bitmap of their indices.
fn ending_with(last: &str) -> u64 {
    const _: () = assert!(BEFORE.len() <= 64, "one bit per phrase");
    static MAP: OnceLock<WordMap<u64>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut ends: Vec<(&str, u64)> = Vec::new();
        for (p, (words, _)) in BEFORE.iter().enumerate() {
            let w = words[words.len() - 1];
            assert!(w.len() <= 15, "WordMap keys have at most 15 bytes");
            match ends.iter_mut().find(|(e, _)| *e == w) {
                Some((_, bits)) => *bits |= 1 << p,
                None => ends.push((w, 1 << p)),
            }
        }
        WordMap::new(ends)
    })
    .get(last)
    .unwrap_or(0)
}

/// A qualifier after the quantity at token `i`: `or more`, `or so`, `+`, `-plus`.
/// Returns `(qualifier, one past the last token)`.
pub(crate) fn after(lx: &Lexed<'_>, i: usize) -> Option<(Qualifier, usize)> {
    let t = lx.toks.get(i)?;
    if t.is_punct('+') && t.glued {
        return Some((Qualifier::Ge, i + 1));
    }
    if t.is_punct('-') && t.glued && lx.is(i + 1, "plus") {
        return Some((Qualifier::Ge, i + 2));
    }
    if lx.is(i, "plus")
        && !lx
            .toks
            .get(i + 1)
            .is_some_and(|n| n.is_num() || super::number::small(lx.low(i + 1)).is_some())
    {
        return Some((Qualifier::Ge, i + 1));
    }
    let q = match (lx.low(i), lx.low(i + 1)) {
        ("or", "more") | ("or", "greater") | ("or", "higher") | ("or", "above") => Qualifier::Ge,
        ("and", "above") | ("and", "over") | ("and", "up") | ("or", "over") => Qualifier::Ge,
        ("or", "fewer") | ("or", "less") | ("or", "lower") | ("or", "below") => Qualifier::Le,
        ("or", "so") => Qualifier::Approx,
        _ => return None,
    };
    if !lx.toks[i].is_word() || !lx.toks.get(i + 1).is_some_and(|t| t.is_word()) {
        return None;
    }
    Some((q, i + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`before`] as a plain scan of every phrase.
    fn before_scan(lx: &Lexed<'_>, i: usize, floor: usize) -> Option<(Qualifier, usize)> {
        if i == 0 || i <= floor {
            return None;
        }
        if lx.toks[i - 1].punct().is_some() {
            // Symbols: the same code.
            return before(lx, i, floor);
        }
        if !lx.toks[i - 1].is_word() {
            return None;
        }
        BEFORE.iter().find_map(|(words, q)| {
            let k = words.len();
            (i >= floor + k && (0..k).all(|n| lx.is(i - k + n, words[n]))).then(|| (*q, i - k))
        })
    }

    proptest::proptest! {
        /// The phrases looked up by their last word are the phrases a scan finds.
        #[test]
        fn lookup_by_last_word_matches_the_scan(
            picks in proptest::collection::vec(0usize..200, 1..8),
            floor in 0usize..4,
        ) {
            let mut vocab: Vec<&str> = BEFORE.iter().flat_map(|(w, _)| w.iter().copied()).collect();
            vocab.extend(["The", "Than", "~", "troops", "AT", "-", "x"]);
            let mut text: Vec<&str> = picks.iter().map(|&p| vocab[p % vocab.len()]).collect();
            text.push("50");
            let text = text.join(" ");
            let lx = Lexed::new(&text);
            for i in 0..=lx.toks.len() {
                proptest::prop_assert_eq!(before(&lx, i, floor), before_scan(&lx, i, floor), "{} at {}", text, i);
            }
        }
    }

    #[test]
    fn phrases_by_last_word() {
        let lx = Lexed::new("no more than 50, well over 50, as many as 50, some 50");
        let q: Vec<_> = (0..lx.toks.len())
            .filter_map(|i| before(&lx, i, 0))
            .collect();
        assert_eq!(
            q,
            [
                (Qualifier::Le, 0),
                (Qualifier::Gt, 5),
                (Qualifier::Le, 9),
                (Qualifier::Approx, 14)
            ]
        );
    }
}
