//! Quote marks and their pairing into quoted spans.
//!
//! A mark's role (opening or closing) comes from its surroundings first and its glyph second:
//! scraped text mixes straight and curly marks and sometimes reverses them (`’rebuilding‘`), so a
//! mark after a space and before a letter opens, a mark after a letter and before a space or
//! punctuation closes. `’` and `'` between two letters are apostrophes (`Russia’s`, `we’re`), as
//! is a leading `'` before digits (`'90s`).
//!
//! Pairing is a single pass per family (double marks first, then single marks outside double
//! quotes). A quote may not run past the end of its paragraph (a line break) unless the next
//! paragraph opens with a quote mark: that is news style for a quote continued over several
//! paragraphs. An unclosed quote is kept only when it opened its paragraph (a quote whose closing
//! mark was lost in scraping); other stray marks are ignored. Parts are capped at
//! [`MAX_PART`] bytes, so the pass is linear and bounded on any input.

use crate::corpus::Span;

/// Longest quote part, in bytes: a longer "quote" is a stray mark.
pub(crate) const MAX_PART: usize = 8000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fam {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub pos: usize,
    pub len: usize,
    pub fam: Fam,
    pub role: Role,
    /// A single closing mark that may be a plural possessive (`countries’ `).
    pub weak: bool,
}

/// A quote found by pairing: the marks' outer span and the inner span of each part.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    pub span: Span,
    pub parts: Vec<Span>,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»')
}

fn left_flank(p: Option<char>) -> bool {
    p.is_none_or(|p| {
        p.is_whitespace()
            || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
            || is_quote_char(p)
    })
}

fn right_flank(n: Option<char>) -> bool {
    n.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '…' | '-'
            )
            || is_quote_char(n)
    })
}

fn classify(text: &str, pos: usize, c: char) -> Option<Mark> {
    let len = c.len_utf8();
    let prev = text[..pos].chars().next_back();
    let next = text[pos + len..].chars().next();
    let fam = match c {
        '"' | '“' | '”' | '„' | '«' | '»' => Fam::Double,
        _ => Fam::Single,
    };
    let glyph = match c {
        '“' | '„' | '«' | '‘' => Some(Role::Open),
        '”' | '»' | '’' => Some(Role::Close),
        _ => None,
    };
    let (lf, rf) = (left_flank(prev), right_flank(next));
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut weak = false;
    let role = match (lf, rf) {
        (true, false) => {
            if fam == Fam::Single && next.is_some_and(|n| n.is_ascii_digit()) {
                return None; // '90s
            }
            Role::Open
        }
        (false, true) => {
            if fam == Fam::Single
                && prev.is_some_and(|p| p == 's' || p == 'S')
                && next.is_some_and(char::is_whitespace)
            {
                weak = true;
            }
            Role::Close
        }
        (true, true) => glyph.unwrap_or(Role::Either),
        (false, false) => {
            if fam == Fam::Single {
                if alnum(prev) && alnum(next) {
                    // An apostrophe, except a glued closing ’ before a capital in scraped
                    // headlines (`Targets’Russia`), which may close a quote.
                    if c == '’' && next.is_some_and(char::is_uppercase) {
                        weak = true;
                        Role::Close
                    } else {
                        return None;
                    }
                } else {
                    glyph?
                }
            } else {
                glyph.unwrap_or(Role::Either)
            }
        }
    };
    Some(Mark {
        pos,
        len,
        fam,
        role,
        weak,
    })
}

/// All quote marks of `text`, in order. Linear; jumps between candidate bytes with `memchr`.
pub(crate) fn find_marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..]) {
        let p = i + off;
        i = p + 1;
        let c = match bytes[p] {
            b'"' => '"',
            b'\'' => '\'',
            _ => {
                if bytes.get(p + 1) != Some(&0x80) {
                    continue;
                }
                match bytes.get(p + 2) {
                    Some(0x98) => '‘',
                    Some(0x99) => '’',
                    Some(0x9C) => '“',
                    Some(0x9D) => '”',
                    Some(0x9E) => '„',
                    _ => continue,
                }
            }
        };
        if let Some(m) = classify(text, p, c) {
            out.push(m);
        }
    }
    // Guillemets are rare in English news; find them in a second cheap pass.
    if memchr::memchr(0xC2, bytes).is_some() {
        for (p, c) in text.char_indices() {
            if c == '«' || c == '»' {
                if let Some(m) = classify(text, p, c) {
                    out.push(m);
                }
            }
        }
        out.sort_by_key(|m| m.pos);
    }
    out
}

fn trim_span(text: &str, s: usize, e: usize) -> Span {
    let sub = &text[s..e];
    let start = s + (sub.len() - sub.trim_start().len());
    let end = s + sub.trim_end().len();
    Span::new(start, end.max(start))
}

fn only_ws(text: &str, s: usize, e: usize) -> bool {
    text[s..e].chars().all(char::is_whitespace)
}

/// True when only whitespace lies between the last line break before `pos` (or the start) and `pos`.
fn at_para_start(text: &str, pos: usize) -> bool {
    // Bounded look-behind: only whitespace may precede the mark on its line.
    let from = pos.saturating_sub(64);
    match memchr::memrchr(b'\n', &text.as_bytes()[from..pos]) {
        Some(p) => only_ws(text, from + p + 1, pos),
        None => from == 0 && only_ws(text, 0, pos),
    }
}

/// The first line break at or after `from`, looking at most `MAX_PART + 1` bytes ahead.
fn next_newline(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let end = (from + MAX_PART + 1).min(b.len());
    memchr::memchr(b'\n', &b[from.min(end)..end]).map(|p| from + p)
}

fn line_end(text: &str, from: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |p| from + p)
}

struct Cur {
    open: usize,
    part_start: usize,
    /// The first line break after `part_start` within `MAX_PART` bytes.
    nl: Option<usize>,
    parts: Vec<Span>,
    para_start: bool,
    /// Single quotes: a weak closing mark to fall back on.
    fallback: Option<usize>,
}

/// Pairs the marks of one family. `skip` spans (the double quotes, for single marks) are ignored.
fn pair(text: &str, marks: &[Mark], fam: Fam, skip: &[Span], out: &mut Vec<RawQuote>) {
    let mut cur: Option<Cur> = None;
    let mut sk = 0;
    let finish_unclosed = |c: Cur, end: usize, out: &mut Vec<RawQuote>| {
        if c.para_start {
            let mut parts = c.parts;
            let last = trim_span(text, c.part_start, end);
            if !last.is_empty() {
                parts.push(last);
            }
            if !parts.is_empty() {
                let end = parts.last().map_or(end, |p| p.end);
                out.push(RawQuote {
                    span: Span::new(c.open, end),
                    parts,
                });
            }
        } else if !c.parts.is_empty() {
            let end = c.parts.last().map_or(end, |p| p.end);
            out.push(RawQuote {
                span: Span::new(c.open, end),
                parts: c.parts,
            });
        }
    };
    let close_at = |c: Cur, pos: usize, len: usize, out: &mut Vec<RawQuote>| {
        let mut parts = c.parts;
        parts.push(trim_span(text, c.part_start, pos));
        out.push(RawQuote {
            span: Span::new(c.open, pos + len),
            parts,
        });
    };
    for m in marks.iter().filter(|m| m.fam == fam) {
        while sk < skip.len() && skip[sk].end <= m.pos {
            sk += 1;
        }
        if sk < skip.len() && skip[sk].start <= m.pos {
            continue;
        }
        if let Some(mut c) = cur.take() {
            let nl = c.nl.filter(|&nl| nl < m.pos);
            if m.pos - c.part_start > MAX_PART {
                // A stray opening mark: forget it.
            } else if let Some(nl) = nl {
                let end = c.fallback.filter(|&f| f < nl).unwrap_or(nl);
                if c.fallback.is_some_and(|f| f < nl) {
                    close_at(c, end, 1, out);
                    // `fallback` positions point at the mark; its byte length is 3 for ’.
                    fix_last_len(text, out);
                } else if m.role != Role::Close
                    && only_ws(text, nl, m.pos)
                    && at_para_start(text, m.pos)
                {
                    c.parts.push(trim_span(text, c.part_start, nl));
                    c.part_start = m.pos + m.len;
                    c.nl = next_newline(text, c.part_start);
                    cur = Some(c);
                    continue;
                } else {
                    finish_unclosed(c, nl, out);
                }
            } else if m.role != Role::Open {
                if fam == Fam::Single && m.weak {
                    if c.fallback.is_none() {
                        c.fallback = Some(m.pos);
                    }
                    cur = Some(c);
                    continue;
                }
                close_at(c, m.pos, m.len, out);
                continue;
            } else if let Some(f) = c.fallback {
                close_at(c, f, 1, out);
                fix_last_len(text, out);
            }
            // else: a second opening mark in the same paragraph; the first was stray.
        }
        if m.role != Role::Close {
            cur = Some(Cur {
                open: m.pos,
                part_start: m.pos + m.len,
                nl: next_newline(text, m.pos + m.len),
                parts: Vec::new(),
                para_start: at_para_start(text, m.pos),
                fallback: None,
            });
        }
    }
    if let Some(c) = cur {
        let end = line_end(text, c.part_start);
        if let Some(f) = c.fallback.filter(|&f| f < end) {
            close_at(c, f, 1, out);
            fix_last_len(text, out);
        } else if end - c.part_start <= MAX_PART {
            finish_unclosed(c, end, out);
        }
    }
}

/// A quote closed at a fallback mark was recorded with a one-byte mark: widen to the mark's
/// real length.
fn fix_last_len(text: &str, out: &mut [RawQuote]) {
    if let Some(q) = out.last_mut() {
        let mark_start = q.span.end - 1;
        let len = text[mark_start..].chars().next().map_or(1, char::len_utf8);
        q.span.end = mark_start + len;
    }
}

/// Pairs all marks into quotes, sorted by position.
pub(crate) fn pair_quotes(text: &str, marks: &[Mark]) -> Vec<RawQuote> {
    let mut doubles = Vec::new();
    pair(text, marks, Fam::Double, &[], &mut doubles);
    let skip: Vec<Span> = doubles.iter().map(|q| q.span).collect();
    let mut singles = Vec::new();
    pair(text, marks, Fam::Single, &skip, &mut singles);
    if singles.is_empty() {
        return doubles;
    }
    doubles.extend(singles);
    doubles.sort_by_key(|q| q.span.start);
    doubles
}
