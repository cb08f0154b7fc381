//! The counted-noun lexicon: which nouns count the same kind of thing.
//!
//! Two quantities are only compared when they count the same class of thing: "around 50,000
//! soldiers" and "fewer than 30,000 European servicemen" are both counts of military personnel,
//! "26 countries" is not. The built-in classes cover what news reports count most often
//! (people under arms, casualties, people displaced, countries, ...); a JSON configuration file
//! can add words to a class or add new classes (see [`NounLexicon::extend_from_json`]).
//!
//! Nouns are matched by their head (the last word: "European servicemen" -> "servicemen"), lower
//! case, with a crude singular ("troops" -> "troop"), so each class lists singular forms.
//!
//! ```
//! use crosscheck::align::NounLexicon;
//!
//! let lex = NounLexicon::builtin();
//! assert_eq!(lex.class_of("soldiers"), lex.class_of("European servicemen"));
//! assert_eq!(lex.class_of("military personnel").as_deref(), Some("military personnel"));
//! assert_ne!(lex.class_of("countries"), lex.class_of("troops"));
//! // A noun outside every class is its own class.
//! assert_eq!(lex.class_of("Frigates").as_deref(), Some("frigate"));
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Result};

/// The built-in classes: a class name and its members (singular, lower case). Multi-word members
/// are matched on the whole noun phrase before the head is tried.
pub const BUILTIN_CLASSES: &[(&str, &[&str])] = &[
    (
        "military personnel",
        &[
            "soldier",
            "troop",
            "serviceman",
            "servicemen",
            "servicewoman",
            "service member",
            "force",
            "personnel",
            "military personnel",
            "peacekeeper",
            "fighter",
            "marine",
            "paratrooper",
            "reservist",
            "conscript",
            "recruit",
            "boot",
            "military",
            "contingent",
        ],
    ),
    (
        "countries",
        &[
            "country",
            "nation",
            "state",
            "member state",
            "ally",
            "government",
        ],
    ),
    (
        "dead",
        &[
            "dead", "death", "fatality", "casualty", "victim", "body", "killed", "life",
        ],
    ),
    ("injured", &["injured", "wounded", "injury", "hurt"]),
    (
        "displaced",
        &[
            "refugee",
            "displaced",
            "evacuee",
            "asylum seeker",
            "migrant",
            "displaced person",
        ],
    ),
    (
        "people",
        &[
            "people",
            "person",
            "resident",
            "civilian",
            "inhabitant",
            "citizen",
            "individual",
        ],
    ),
    (
        "protesters",
        &["protester", "protestor", "demonstrator", "marcher"],
    ),
    ("arrests", &["arrest", "detainee", "detention", "prisoner"]),
    (
        "aircraft",
        &[
            "aircraft",
            "plane",
            "jet",
            "fighter jet",
            "warplane",
            "airplane",
        ],
    ),
    ("drones", &["drone", "uav", "unmanned aerial vehicle"]),
    ("missiles", &["missile", "rocket", "projectile"]),
    ("tanks", &["tank", "armored vehicle", "armoured vehicle"]),
    ("homes", &["home", "house", "building", "dwelling"]),
    ("jobs", &["job", "position", "post", "worker", "employee"]),
    ("votes", &["vote", "ballot"]),
    ("seats", &["seat", "mandate"]),
];

/// Maps counted nouns to classes. Built-in classes plus those loaded from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounLexicon {
    /// member (singular, lower case) -> class name.
    members: BTreeMap<String, String>,
}

/// The JSON shape of a lexicon extension: `{"noun_classes": {"class": ["word", ...]}}`.
#[derive(Debug, Deserialize)]
struct LexiconFile {
    #[serde(default)]
    noun_classes: BTreeMap<String, Vec<String>>,
}

impl Default for NounLexicon {
    fn default() -> NounLexicon {
        NounLexicon::builtin()
    }
}

impl NounLexicon {
    /// A lexicon with no classes: every noun is its own class.
    pub fn empty() -> NounLexicon {
        NounLexicon {
            members: BTreeMap::new(),
        }
    }

    /// The built-in classes ([`BUILTIN_CLASSES`]).
    pub fn builtin() -> NounLexicon {
        let mut lex = NounLexicon::empty();
        for (class, members) in BUILTIN_CLASSES {
            lex.add_class(class, members.iter().copied());
        }
        lex
    }

    /// Adds members to a class (created if new). A word already in another class moves.
    pub fn add_class<'a>(&mut self, class: &str, members: impl IntoIterator<Item = &'a str>) {
        let class = class.trim().to_lowercase();
        for m in members {
            self.members.insert(normalize_phrase(m), class.clone());
        }
        self.members.insert(normalize_phrase(&class), class.clone());
    }

    /// Extends the lexicon from JSON: `{"noun_classes": {"military personnel": ["sailors"]}}`.
    ///
    /// ```
    /// let mut lex = crosscheck::align::NounLexicon::builtin();
    /// lex.extend_from_json(r#"{"noun_classes": {"military personnel": ["sailors"]}}"#).unwrap();
    /// assert_eq!(lex.class_of("sailors"), lex.class_of("troops"));
    /// ```
    pub fn extend_from_json(&mut self, json: &str) -> Result<()> {
        let file: LexiconFile = serde_json::from_str(json)
            .map_err(|e| Error::config(format!("invalid noun lexicon: {e}")))?;
        for (class, members) in &file.noun_classes {
            self.add_class(class, members.iter().map(String::as_str));
        }
        Ok(())
    }

    /// The class of a counted noun phrase: the whole phrase, then its head (last word), singular
    /// and lower case; a noun in no class is its own class (its singular head). `None` for an
    /// empty noun.
    pub fn class_of(&self, noun: &str) -> Option<String> {
        let phrase = normalize_phrase(noun);
        if phrase.is_empty() {
            return None;
        }
        if let Some(c) = self.members.get(&phrase) {
            return Some(c.clone());
        }
        // Try the last two words, then the head.
        let words: Vec<&str> = phrase.split(' ').collect();
        if words.len() >= 2 {
            let two = words[words.len() - 2..].join(" ");
            if let Some(c) = self.members.get(&two) {
                return Some(c.clone());
            }
        }
        let head = words[words.len() - 1];
        Some(
            self.members
                .get(head)
                .cloned()
                .unwrap_or_else(|| head.to_string()),
        )
    }
}

/// Lower case, single spaces, each word singularized.
pub(crate) fn normalize_phrase(s: &str) -> String {
    let mut out = String::new();
    for w in s.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&singular(&w.to_lowercase()));
    }
    out
}

/// A crude English singular, good enough for counted nouns.
pub(crate) fn singular(w: &str) -> String {
    const KEEP: &[&str] = &[
        "personnel",
        "servicemen",
        "people",
        "aircraft",
        "series",
        "species",
        "news",
        "dead",
        "injured",
        "wounded",
        "displaced",
        "us",
        "bus",
        "gas",
        "status",
    ];
    if KEEP.contains(&w) || w.len() <= 3 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suf in ["sses", "shes", "ches", "xes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with("men") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix('s') {
        if !stem.ends_with('s') {
            return stem.to_string();
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let lex = NounLexicon::builtin();
        let mil = lex.class_of("troops");
        for n in [
            "soldiers",
            "servicemen",
            "European servicemen",
            "forces",
            "personnel",
            "military personnel",
        ] {
            assert_eq!(lex.class_of(n), mil, "{n}");
        }
        assert_eq!(lex.class_of("countries"), lex.class_of("nations"));
        assert_eq!(lex.class_of("countries"), lex.class_of("states"));
        assert_ne!(lex.class_of("countries"), mil);
        assert_eq!(lex.class_of(""), None);
    }

    #[test]
    fn extension() {
        let mut lex = NounLexicon::builtin();
        lex.extend_from_json(r#"{"noun_classes": {"ships": ["vessels", "frigates"]}}"#)
            .unwrap();
        assert_eq!(lex.class_of("frigates"), lex.class_of("ships"));
        assert!(lex.extend_from_json("{").is_err());
    }
}
