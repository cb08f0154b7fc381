//! [`Words`]: a claim's sorted word list, stored compactly and shared between the claims of one
//! sentence.

use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

/// A sorted, deduplicated list of normalized words (a claim's sentence context), with the xxh3
/// hash of each word.
///
/// The words are stored in one string with their end offsets, not as one `String` each, and the
/// list is reference-counted: the claims of one sentence share it (`clone` is cheap). Overlaps
/// between two lists are counted on the sorted hashes ([`Words::hashes`]); the words themselves
/// are read only to explain a pair.
///
/// ```
/// use crosscheck::align::Words;
///
/// let w = Words::from(vec!["troops".to_string(), "sent".into(), "troops".into()]);
/// assert_eq!(w.iter().collect::<Vec<_>>(), ["sent", "troops"]);
/// assert_eq!(w.len(), 2);
/// assert_eq!(w, Words::from(vec!["sent".to_string(), "troops".into()]));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Words(Option<Arc<Inner>>);

#[derive(PartialEq, Eq)]
struct Inner {
    /// The words, in order, concatenated.
    text: Box<str>,
    /// End offset of each word in `text`.
    ends: Box<[u32]>,
    /// xxh3 of each word, sorted, deduplicated.
    hashes: Box<[u64]>,
}

impl Words {
    /// The words from a list in any order (sorted and deduplicated here).
    pub fn new<S: AsRef<str>>(words: &[S]) -> Words {
        let mut sorted: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.is_empty() {
            return Words::default();
        }
        let mut text = String::with_capacity(sorted.iter().map(|w| w.len()).sum());
        let mut ends = Vec::with_capacity(sorted.len());
        let mut hashes = Vec::with_capacity(sorted.len());
        for w in &sorted {
            text.push_str(w);
            ends.push(u32::try_from(text.len()).expect("a sentence's words fit in 4 GiB"));
            hashes.push(xxh3_64(w.as_bytes()));
        }
        hashes.sort_unstable();
        hashes.dedup();
        Words(Some(Arc::new(Inner {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
            hashes: hashes.into_boxed_slice(),
        })))
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |i| i.ends.len())
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The words, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let (text, ends): (&str, &[u32]) = match &self.0 {
            Some(i) => (&i.text, &i.ends),
            None => ("", &[]),
        };
        ends.iter().scan(0usize, move |start, &end| {
            let w = &text[*start..end as usize];
            *start = end as usize;
            Some(w)
        })
    }

    /// The xxh3 hashes of the words, sorted, deduplicated.
    pub fn hashes(&self) -> &[u64] {
        self.0.as_ref().map_or(&[], |i| &i.hashes)
    }

    /// The words this list shares with `other`, in sorted order.
    pub fn shared<'a>(&'a self, other: &Words) -> Vec<&'a str> {
        let mut out = Vec::new();
        let mut theirs = other.iter().peekable();
        for w in self.iter() {
            while theirs.next_if(|t| *t < w).is_some() {}
            if theirs.next_if(|t| *t == w).is_some() {
                out.push(w);
            }
        }
        out
    }
}

impl From<Vec<String>> for Words {
    fn from(words: Vec<String>) -> Words {
        Words::new(&words)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Words {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Words {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_deduplicated_and_hashed() {
        let w = Words::new(&["b", "a", "b", "ça"]);
        assert_eq!(w, ["a", "b", "ça"]);
        let mut h: Vec<u64> = ["a", "b", "ça"]
            .iter()
            .map(|x| xxh3_64(x.as_bytes()))
            .collect();
        h.sort_unstable();
        assert_eq!(w.hashes(), &h[..]);
        assert!(Words::new::<&str>(&[]).is_empty());
        assert_eq!(Words::default(), Words::new::<&str>(&[]));
    }

    #[test]
    fn shared_words_in_order() {
        let a = Words::new(&["alpha", "beta", "delta", "gamma"]);
        let b = Words::new(&["beta", "epsilon", "gamma", "zeta"]);
        assert_eq!(a.shared(&b), ["beta", "gamma"]);
        assert_eq!(b.shared(&a), ["beta", "gamma"]);
        assert!(a.shared(&Words::default()).is_empty());
    }

    #[test]
    fn clones_share_the_list() {
        let a = Words::new(&["x", "y"]);
        let b = a.clone();
        assert!(Arc::ptr_eq(a.0.as_ref().unwrap(), b.0.as_ref().unwrap()));
    }
}
