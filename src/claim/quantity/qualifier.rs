//! Qualifiers before and after a number: `around`, `fewer than`, `at least`, `or more`.

use super::Qualifier;
use crate::claim::lex::Lexed;

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
    'pattern: for (words, q) in BEFORE {
        let k = words.len();
        // The last word first: it rules out almost every phrase.
        if i < floor + k || words[k - 1] != last {
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
