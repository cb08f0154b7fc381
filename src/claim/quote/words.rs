//! Word lists for attribution and speaker resolution: speech verbs, titles, nationality
//! adjectives, name particles, pronouns. All lookups are ASCII case-insensitive.

use std::sync::OnceLock;

use crate::claim::lex::WordMap;

fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.len() > 16 || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// How a speech verb relates to its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// "said", "told", "warns": the subject is next to it.
    Finite,
    /// "saying", "adding": after a comma, the subject is the sentence's subject.
    Participle,
}

/// A speech verb ("said", "told", "conveyed", "saying").
pub(crate) fn speech_verb(word: &str) -> Option<VerbForm> {
    let mut buf = [0u8; 16];
    let w = lower(word, &mut buf)?;
    let finite = matches!(
        w,
        b"said"
            | b"says"
            | b"say"
            | b"told"
            | b"tells"
            | b"added"
            | b"adds"
            | b"stated"
            | b"states"
            | b"warned"
            | b"warns"
            | b"emphasized"
            | b"emphasised"
            | b"emphasizes"
            | b"emphasises"
            | b"stressed"
            | b"stresses"
            | b"noted"
            | b"notes"
            | b"explained"
            | b"explains"
            | b"asserted"
            | b"asserts"
            | b"affirmed"
            | b"affirms"
            | b"declared"
            | b"declares"
            | b"insisted"
            | b"insists"
            | b"argued"
            | b"argues"
            | b"claimed"
            | b"claims"
            | b"wrote"
            | b"writes"
            | b"conveyed"
            | b"announced"
            | b"announces"
            | b"remarked"
            | b"continued"
            | b"replied"
            | b"responded"
            | b"asked"
            | b"asks"
            | b"urged"
            | b"urges"
            | b"acknowledged"
            | b"admitted"
            | b"confirmed"
            | b"confirms"
            | b"commented"
            | b"reiterated"
            | b"reasserted"
            | b"underscored"
            | b"underlined"
            | b"highlighted"
            | b"observed"
            | b"posted"
            | b"tweeted"
            | b"reads"
            | b"recalled"
            | b"suggested"
            | b"predicted"
            | b"vowed"
            | b"cautioned"
            | b"concluded"
            | b"mentioned"
            | b"indicated"
            | b"revealed"
            | b"echoed"
            | b"countered"
            | b"objected"
            | b"complained"
            | b"lamented"
            | b"boasted"
            | b"joked"
            | b"quipped"
            | b"shouted"
            | b"whispered"
            | b"conceded"
            | b"maintained"
            | b"charged"
            | b"alleged"
            | b"contended"
            | b"proclaimed"
    );
    if finite {
        return Some(VerbForm::Finite);
    }
    let part = matches!(
        w,
        b"saying"
            | b"stating"
            | b"adding"
            | b"telling"
            | b"warning"
            | b"noting"
            | b"explaining"
            | b"asserting"
            | b"insisting"
            | b"emphasizing"
            | b"emphasising"
            | b"stressing"
            | b"arguing"
            | b"claiming"
            | b"writing"
            | b"declaring"
            | b"urging"
            | b"asking"
            | b"affirming"
            | b"confirming"
            | b"announcing"
            | b"remarking"
            | b"recalling"
            | b"reiterating"
            | b"underscoring"
            | b"promising"
            | b"vowing"
            | b"cautioning"
            | b"acknowledging"
            | b"admitting"
            | b"replying"
            | b"responding"
            | b"tweeting"
            | b"posting"
    );
    part.then_some(VerbForm::Participle)
}

/// Words that may sit between a subject and its verb ("Zakharova also said", "Peskov has said").
pub(crate) fn is_adverb_or_aux(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"also"
            | b"later"
            | b"then"
            | b"previously"
            | b"further"
            | b"again"
            | b"repeatedly"
            | b"once"
            | b"earlier"
            | b"recently"
            | b"has"
            | b"had"
            | b"have"
            | b"reportedly"
            | b"simply"
            | b"publicly"
            | b"separately"
            | b"similarly"
            | b"likewise"
            | b"bluntly"
            | b"flatly"
            | b"firmly"
            | b"openly"
            | b"clearly"
            | b"explicitly"
            | b"frequently"
            | b"often"
            | b"quickly"
            | b"immediately"
            | b"subsequently"
            | b"additionally"
            | b"moreover"
            | b"just"
            | b"himself"
            | b"herself"
            | b"on"
            | b"in"
            | b"at"
            | b"last"
            | b"this"
            | b"today"
            | b"yesterday"
            | b"tonight"
            | b"early"
            | b"late"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"week"
            | b"month"
            | b"year"
            | b"morning"
            | b"evening"
            | b"afternoon"
            | b"night"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
    )
}

/// Role class of a title word, for matching descriptors ("the Russian leader") to people
/// introduced with a title ("Russian President Vladimir Putin").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Head of state or government: president, prime minister, chancellor, leader, king ...
    Head,
    /// Spokesman, spokeswoman, spokesperson, press secretary.
    Spokes,
    /// A minister or secretary of a department.
    Minister,
    /// Any other title (envoy, ambassador, general, chief, official ...).
    Other,
}

/// If `word` is a title or office word, its role class.
pub(crate) fn title_role(word: &str) -> Option<Role> {
    static MAP: OnceLock<WordMap<Option<Role>>> = OnceLock::new();
    MAP.get_or_init(|| WordMap::new(TITLES.iter().map(|(w, r)| (*w, Some(*r)))))
        .get_lower(word)
        .flatten()
}

const TITLES: &[(&str, Role)] = &[
    ("president", Role::Head),
    ("leader", Role::Head),
    ("chancellor", Role::Head),
    ("premier", Role::Head),
    ("pm", Role::Head),
    ("king", Role::Head),
    ("queen", Role::Head),
    ("emperor", Role::Head),
    ("monarch", Role::Head),
    ("taoiseach", Role::Head),
    ("ayatollah", Role::Head),
    ("emir", Role::Head),
    ("sultan", Role::Head),
    ("pope", Role::Head),
    ("head", Role::Head),
    ("spokesman", Role::Spokes),
    ("spokeswoman", Role::Spokes),
    ("spokesperson", Role::Spokes),
    ("spokespeople", Role::Spokes),
    ("mouthpiece", Role::Spokes),
    ("minister", Role::Minister),
    ("secretary", Role::Minister),
    ("prime", Role::Other),
    ("foreign", Role::Other),
    ("defence", Role::Other),
    ("defense", Role::Other),
    ("interior", Role::Other),
    ("finance", Role::Other),
    ("deputy", Role::Other),
    ("vice", Role::Other),
    ("general", Role::Other),
    ("gen", Role::Other),
    ("lt", Role::Other),
    ("col", Role::Other),
    ("colonel", Role::Other),
    ("lieutenant", Role::Other),
    ("major", Role::Other),
    ("sergeant", Role::Other),
    ("admiral", Role::Other),
    ("commander", Role::Other),
    ("chief", Role::Other),
    ("envoy", Role::Other),
    ("ambassador", Role::Other),
    ("special", Role::Other),
    ("senior", Role::Other),
    ("official", Role::Other),
    ("officials", Role::Other),
    ("adviser", Role::Other),
    ("advisor", Role::Other),
    ("aide", Role::Other),
    ("director", Role::Other),
    ("chairman", Role::Other),
    ("chairwoman", Role::Other),
    ("chair", Role::Other),
    ("ceo", Role::Other),
    ("governor", Role::Other),
    ("gov", Role::Other),
    ("mayor", Role::Other),
    ("senator", Role::Other),
    ("sen", Role::Other),
    ("rep", Role::Other),
    ("representative", Role::Other),
    ("congressman", Role::Other),
    ("congresswoman", Role::Other),
    ("lawmaker", Role::Other),
    ("mp", Role::Other),
    ("judge", Role::Other),
    ("justice", Role::Other),
    ("attorney", Role::Other),
    ("prosecutor", Role::Other),
    ("mr", Role::Other),
    ("mrs", Role::Other),
    ("ms", Role::Other),
    ("dr", Role::Other),
    ("prof", Role::Other),
    ("professor", Role::Other),
    ("sir", Role::Other),
    ("dame", Role::Other),
    ("lord", Role::Other),
    ("lady", Role::Other),
    ("prince", Role::Other),
    ("princess", Role::Other),
    ("former", Role::Other),
    ("acting", Role::Other),
    ("interim", Role::Other),
    ("incoming", Role::Other),
    ("outgoing", Role::Other),
    ("top", Role::Other),
    ("press", Role::Other),
    ("state", Role::Other),
    ("commission", Role::Other),
    ("ministry", Role::Other),
    ("council", Role::Other),
    ("kremlin", Role::Other),
    ("white", Role::Other),
    ("house", Role::Other),
    ("cabinet", Role::Other),
    ("government", Role::Other),
    ("opposition", Role::Other),
    ("party", Role::Other),
    ("national", Role::Other),
    ("security", Role::Other),
    ("intelligence", Role::Other),
    ("military", Role::Other),
    ("army", Role::Other),
    ("navy", Role::Other),
    ("nato", Role::Other),
    ("eu", Role::Other),
    ("un", Role::Other),
    ("us", Role::Other),
    ("uk", Role::Other),
    ("executive", Role::Other),
    ("diplomat", Role::Other),
    ("negotiator", Role::Other),
    ("analyst", Role::Other),
    ("expert", Role::Other),
    ("economist", Role::Other),
    ("correspondent", Role::Other),
    ("reporter", Role::Other),
    ("editor", Role::Other),
    ("founder", Role::Other),
    ("owner", Role::Other),
    ("coach", Role::Other),
    ("captain", Role::Other),
    ("member", Role::Other),
    ("speaker", Role::Other),
    ("rev", Role::Other),
    ("father", Role::Other),
    ("bishop", Role::Other),
    ("archbishop", Role::Other),
    ("cardinal", Role::Other),
    ("sheikh", Role::Other),
    ("crown", Role::Other),
    ("coordinator", Role::Other),
    ("officer", Role::Other),
    ("candidate", Role::Other),
    ("nominee", Role::Other),
    ("organizer", Role::Other),
    ("organiser", Role::Other),
    ("lawyer", Role::Other),
    ("nurse", Role::Other),
    ("doctor", Role::Other),
    ("teacher", Role::Other),
    ("student", Role::Other),
    ("activist", Role::Other),
    ("inspector", Role::Other),
    ("superintendent", Role::Other),
    ("commissioner", Role::Other),
];

/// Word classes, as bits of [`class`]: one lookup for the lists a capitalized run is checked
/// against.
pub(crate) const FUNCTION: u8 = 1;
/// A title or office word ([`title_role`] is `Some`).
pub(crate) const TITLE: u8 = 2;
/// In the nationality list (without the capital-letter condition of [`is_nationality`]).
pub(crate) const NATIONALITY: u8 = 4;
/// An organisation or place word ([`is_org_word`]).
pub(crate) const ORG: u8 = 8;
/// A person's title ([`is_person_title`]).
pub(crate) const PERSON_TITLE: u8 = 16;

/// The classes of `word` (ASCII case-insensitive), or 0.
pub(crate) fn class(word: &str) -> u8 {
    static MAP: OnceLock<WordMap<u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut all: std::collections::BTreeMap<&str, u8> = std::collections::BTreeMap::new();
        for w in FUNCTION_WORDS {
            *all.entry(w).or_default() |= FUNCTION;
        }
        for (w, _) in TITLES {
            *all.entry(w).or_default() |= TITLE;
            if !is_title_modifier(w) {
                *all.entry(w).or_default() |= PERSON_TITLE;
            }
        }
        for w in NATIONALITIES {
            *all.entry(w).or_default() |= NATIONALITY;
        }
        for w in ORG_WORDS {
            *all.entry(w).or_default() |= ORG;
        }
        WordMap::new(all)
    })
    .get_lower(word)
    .unwrap_or(0)
}

/// [`is_nationality`] from the classes of `word`.
pub(crate) fn nationality_in(word: &str, class: u8) -> bool {
    class & NATIONALITY != 0 && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

/// A title that names a person's position ("spokesperson", "mayor", "chief", "governor"), as
/// opposed to the modifiers and institutions among the title words ("foreign", "deputy",
/// "ministry", "White House").
pub(crate) fn is_person_title(word: &str) -> bool {
    title_role(word).is_some() && !is_title_modifier(word)
}

/// Title words that qualify a title or name an institution rather than a position.
fn is_title_modifier(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"prime"
            | b"foreign"
            | b"defence"
            | b"defense"
            | b"interior"
            | b"finance"
            | b"deputy"
            | b"vice"
            | b"special"
            | b"senior"
            | b"former"
            | b"acting"
            | b"interim"
            | b"incoming"
            | b"outgoing"
            | b"top"
            | b"press"
            | b"state"
            | b"commission"
            | b"ministry"
            | b"council"
            | b"kremlin"
            | b"white"
            | b"house"
            | b"cabinet"
            | b"government"
            | b"opposition"
            | b"party"
            | b"national"
            | b"security"
            | b"intelligence"
            | b"military"
            | b"army"
            | b"navy"
            | b"nato"
            | b"eu"
            | b"un"
            | b"us"
            | b"uk"
            | b"crown"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"sir"
            | b"dame"
            | b"lord"
            | b"lady"
            | b"rev"
    )
}

/// Linking verbs after which a quoted phrase completes the clause ("he was “very
/// disappointed”").
pub(crate) fn is_copula(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"is"
            | b"was"
            | b"were"
            | b"are"
            | b"be"
            | b"been"
            | b"being"
            | b"remains"
            | b"remained"
            | b"seemed"
            | b"seems"
            | b"felt"
            | b"feels"
            | b"looked"
            | b"looks"
    )
}

/// Words that open the object or the clause of a verb ("said nothing more", "said the report
/// was ..."): after a quote closed by a full stop, a speech verb followed by one of them starts
/// a new sentence rather than an attribution.
pub(crate) fn opens_object(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"nothing"
            | b"little"
            | b"that"
            | b"the"
            | b"a"
            | b"an"
            | b"it"
            | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"his"
            | b"her"
            | b"their"
            | b"its"
            | b"this"
            | b"there"
            | b"what"
            | b"how"
            | b"why"
            | b"no"
            | b"so"
            | b"yes"
            | b"something"
            | b"anything"
    )
}

/// A nationality or regional adjective ("Russian", "French", "Ukrainian").
pub(crate) fn is_nationality(word: &str) -> bool {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| WordMap::new(NATIONALITIES.iter().map(|w| (*w, ()))))
        .get_lower(word)
        .is_some()
}

const NATIONALITIES: &[&str] = &[
    "russian",
    "ukrainian",
    "french",
    "british",
    "german",
    "american",
    "european",
    "chinese",
    "japanese",
    "israeli",
    "iraqi",
    "iranian",
    "turkish",
    "polish",
    "italian",
    "spanish",
    "canadian",
    "australian",
    "indian",
    "pakistani",
    "saudi",
    "kurdish",
    "syrian",
    "palestinian",
    "lebanese",
    "egyptian",
    "greek",
    "swiss",
    "swedish",
    "finnish",
    "norwegian",
    "danish",
    "belgian",
    "austrian",
    "hungarian",
    "czech",
    "slovak",
    "romanian",
    "bulgarian",
    "serbian",
    "croatian",
    "georgian",
    "armenian",
    "azerbaijani",
    "belarusian",
    "estonian",
    "latvian",
    "lithuanian",
    "korean",
    "taiwanese",
    "vietnamese",
    "thai",
    "brazilian",
    "mexican",
    "argentine",
    "venezuelan",
    "nigerian",
    "kenyan",
    "dutch",
    "irish",
    "scottish",
    "welsh",
    "english",
    "portuguese",
    "qatari",
    "emirati",
    "jordanian",
    "afghan",
    "moldovan",
    "kazakh",
    "uzbek",
    "western",
    "eastern",
    "soviet",
    "us",
    "uk",
    "eu",
    "un",
    "nato",
    "kremlin",
];

/// Lowercase particles inside names ("Ursula von der Leyen", "Charles de Gaulle").
pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "dos"
            | "das"
            | "ter"
            | "zu"
    )
}

/// Capitalized words that start a sentence but are not names ("The", "Despite", "How").
pub(crate) fn is_function_word(word: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| WordMap::new(FUNCTION_WORDS.iter().map(|w| (*w, ()))))
        .get_lower(word)
        .is_some()
}

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "how",
    "why",
    "what",
    "when",
    "where",
    "who",
    "whom",
    "which",
    "despite",
    "amid",
    "in",
    "on",
    "at",
    "during",
    "following",
    "after",
    "before",
    "while",
    "earlier",
    "similarly",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "its",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "and",
    "or",
    "if",
    "as",
    "with",
    "without",
    "under",
    "over",
    "from",
    "by",
    "for",
    "of",
    "to",
    "meanwhile",
    "however",
    "also",
    "according",
    "speaking",
    "asked",
    "although",
    "though",
    "since",
    "until",
    "so",
    "yet",
    "still",
    "there",
    "here",
    "now",
    "then",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "mr",
    "mrs",
    "ms",
    "dr",
    "not",
    "no",
    "all",
    "some",
    "any",
    "every",
    "each",
    "both",
    "many",
    "most",
    "more",
    "several",
    "other",
    "another",
    "such",
    "let",
    "select",
    "read",
    "see",
    "watch",
    "click",
    "related",
    "photo",
    "video",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "advertisement",
];

/// Capitalized words that mark an organisation or a place rather than a person.
pub(crate) fn is_org_word(word: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| WordMap::new(ORG_WORDS.iter().map(|w| (*w, ()))))
        .get_lower(word)
        .is_some()
}

const ORG_WORDS: &[&str] = &[
    "ministry",
    "council",
    "forum",
    "federation",
    "states",
    "union",
    "alliance",
    "region",
    "coalition",
    "parliament",
    "commission",
    "forces",
    "agency",
    "news",
    "times",
    "post",
    "newspaper",
    "press",
    "party",
    "organization",
    "organisation",
    "office",
    "department",
    "committee",
    "court",
    "bank",
    "fund",
    "group",
    "institute",
    "university",
    "company",
    "corporation",
    "inc",
    "ltd",
    "house",
    "kingdom",
    "republic",
    "nations",
    "army",
    "navy",
    "guard",
    "command",
    "service",
    "services",
    "government",
    "administration",
    "assembly",
    "congress",
    "senate",
    "street",
    "square",
    "city",
    "county",
    "province",
    "sea",
    "ocean",
    "river",
    "atlantic",
    "pacific",
    "east",
    "west",
    "north",
    "south",
    "middle",
    "economic",
    "summit",
    "conference",
    "page",
    "network",
    "channel",
    "television",
    "radio",
    "journal",
    "telegraph",
    "guardian",
    "herald",
    "tribune",
    "daily",
    "weekly",
    "review",
    "center",
    "centre",
    "foundation",
    "association",
    "society",
    "club",
    "league",
    "cup",
    "war",
    "treaty",
    "pact",
    "accord",
    "agreement",
    "act",
    "plan",
    "program",
    "programme",
    "initiative",
    "declaration",
    "charter",
    "strategy",
    "operation",
    "willing",
    "morning",
];

/// Personal pronouns that can be attribution subjects; `Some(true)` for feminine, `Some(false)`
/// for masculine, `None` for others (I, we, they).
pub(crate) fn pronoun(word: &str) -> Option<Option<bool>> {
    let mut buf = [0u8; 16];
    let w = lower(word, &mut buf)?;
    match w {
        b"he" => Some(Some(false)),
        b"she" => Some(Some(true)),
        b"they" | b"we" | b"i" => Some(None),
        _ => None,
    }
}

/// Gender hint from a first name: `Some(true)` feminine, `Some(false)` masculine.
pub(crate) fn first_name_gender(word: &str) -> Option<bool> {
    let mut buf = [0u8; 16];
    let w = lower(word, &mut buf)?;
    let f = matches!(
        w,
        b"maria"
            | b"ursula"
            | b"kaja"
            | b"theresa"
            | b"kamala"
            | b"hillary"
            | b"angela"
            | b"giorgia"
            | b"annalena"
            | b"liz"
            | b"marine"
            | b"nancy"
            | b"jacinda"
            | b"sanna"
            | b"mette"
            | b"roberta"
            | b"kristalina"
            | b"christine"
            | b"olena"
            | b"yulia"
            | b"julia"
            | b"anna"
            | b"elizabeth"
            | b"victoria"
            | b"iryna"
            | b"svitlana"
            | b"natalia"
            | b"tulsi"
            | b"karoline"
            | b"kristi"
            | b"marjorie"
            | b"nikki"
            | b"sarah"
            | b"claudia"
            | b"amy"
            | b"rachel"
            | b"yvette"
            | b"kemi"
            | b"priti"
            | b"suella"
            | b"mary"
            | b"jennifer"
            | b"susan"
            | b"margaret"
            | b"catherine"
            | b"caroline"
            | b"laura"
            | b"emily"
            | b"emma"
            | b"sophie"
            | b"olga"
            | b"valentina"
            | b"helen"
            | b"linda"
            | b"patricia"
            | b"barbara"
            | b"lisa"
            | b"karen"
            | b"michelle"
            | b"jill"
            | b"melania"
            | b"ivanka"
            | b"condoleezza"
            | b"madeleine"
            | b"samantha"
            | b"ilhan"
            | b"alexandria"
            | b"elise"
            | b"kristen"
            | b"hanna"
            | b"hannah"
            | b"irina"
            | b"tatiana"
            | b"elena"
            | b"ekaterina"
            | b"maia"
            | b"salome"
            | b"zuzana"
            | b"ingrid"
            | b"frederiksen"
            | b"magdalena"
            | b"ulf"
    );
    if f {
        return Some(true);
    }
    let m = matches!(
        w,
        b"vladimir"
            | b"dmitry"
            | b"dmitri"
            | b"sergei"
            | b"sergey"
            | b"emmanuel"
            | b"keir"
            | b"donald"
            | b"joe"
            | b"volodymyr"
            | b"olaf"
            | b"friedrich"
            | b"boris"
            | b"rishi"
            | b"xi"
            | b"recep"
            | b"benjamin"
            | b"antony"
            | b"marco"
            | b"mark"
            | b"andriy"
            | b"mykhailo"
            | b"ihor"
            | b"denys"
            | b"pete"
            | b"lloyd"
            | b"jens"
            | b"josep"
            | b"charles"
            | b"michel"
            | b"pedro"
            | b"viktor"
            | b"robert"
            | b"narendra"
            | b"mohammed"
            | b"muhammad"
            | b"ali"
            | b"abbas"
            | b"yair"
            | b"naftali"
            | b"jean"
            | b"pierre"
            | b"jacques"
            | b"nicolas"
            | b"dmytro"
            | b"oleksandr"
            | b"petro"
            | b"kyrylo"
            | b"rustem"
            | b"yevgeny"
            | b"alexei"
            | b"alexander"
            | b"nikolai"
            | b"mikhail"
            | b"john"
            | b"james"
            | b"michael"
            | b"david"
            | b"william"
            | b"richard"
            | b"thomas"
            | b"steven"
            | b"steve"
            | b"andrew"
            | b"george"
            | b"barack"
            | b"bill"
            | b"mike"
            | b"jd"
            | b"kim"
            | b"justin"
            | b"anthony"
            | b"sebastien"
            | b"jan"
            | b"andrzej"
            | b"radoslaw"
            | b"petr"
            | b"ivan"
            | b"igor"
            | b"yuri"
            | b"valery"
            | b"ramzan"
            | b"alexandr"
            | b"aleksandr"
            | b"gabriel"
            | b"luiz"
            | b"javier"
            | b"matteo"
            | b"mario"
            | b"giuseppe"
            | b"wang"
            | b"li"
            | b"hakan"
            | b"abdel"
            | b"bashar"
            | b"hassan"
            | b"ebrahim"
            | b"masoud"
            | b"hossein"
            | b"mahmoud"
            | b"ismail"
            | b"yahya"
            | b"kyriakos"
            | b"ulrich"
            | b"herbert"
            | b"frank"
            | b"walter"
            | b"karl"
            | b"hans"
            | b"wolfgang"
            | b"christian"
            | b"peter"
            | b"paul"
            | b"tony"
            | b"gordon"
            | b"nigel"
            | b"ed"
            | b"jeremy"
            | b"dominic"
            | b"grant"
            | b"ben"
            | b"matt"
            | b"josh"
            | b"chris"
            | b"tom"
    );
    m.then_some(false)
}
