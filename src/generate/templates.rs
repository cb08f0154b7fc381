//! Sentence templates: domains of news (diplomacy, disasters, elections, ...), their kinds of
//! events, and several phrasings for every sentence role.
//!
//! Template syntax, expanded by [`super::render`]:
//! - `{city}`, `{country}`, `{cadj}`, `{capital}`, `{country2}`, `{cadj2}`, `{capital2}`,
//!   `{org}`, `{org2}`, `{issue}`, `{what}`: story and event slots;
//! - `{@role}`: a person, in full at the first mention in an article and by last name after;
//!   `{@role.last}`: always the last name;
//! - `{#key}`: a figure of the event (count, money, percentage, decimal);
//! - `{on_day}`: the event's day in the outlet's style ("on Friday", "on Sept. 5");
//!   `{weekday}`; `{since}`: when the story began, relative ("in late August");
//!   `{prev}`: when the previous event of the story happened, relative;
//! - `[a|b|c]`: one of the alternatives.

/// How a figure is drawn and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    /// An integer in `lo..=hi`, written with thousands separators.
    Count(u64, u64),
    /// Money in millions, `lo..=hi`: "$450 million", "€3.2 billion".
    Money(u64, u64),
    /// A percentage in tenths, `lo..=hi`: "4.5%" or "4.5 percent".
    Pct(u64, u64),
    /// A decimal in tenths, `lo..=hi`: "6.8".
    Dec(u64, u64),
}

/// A person in a story's cast: the slot key and title patterns (expanded with story slots).
pub(crate) struct Role {
    pub key: &'static str,
    pub titles: &'static [&'static str],
}

/// A kind of event: its figures and the sentences that report it.
pub(crate) struct Kind {
    /// For debugging and docs.
    #[allow(dead_code)]
    pub name: &'static str,
    pub nums: &'static [(&'static str, NumKind)],
    pub headlines: &'static [&'static str],
    pub ledes: &'static [&'static str],
    /// Fact roles, each with several phrasings.
    pub facts: &'static [&'static [&'static str]],
    /// `(role, words)`: what a cast member says.
    pub quotes: &'static [(&'static str, &'static str)],
}

/// A domain of news: a cast, story-level slots and kinds of events.
pub(crate) struct Domain {
    pub name: &'static str,
    pub roles: &'static [Role],
    /// Choices for `{issue}`.
    pub issues: &'static [&'static str],
    pub kinds: &'static [Kind],
    /// Background roles, each with several phrasings.
    pub context: &'static [&'static [&'static str]],
    /// Sentences tying an event to earlier ones in its story (used after the first event).
    pub followup: &'static [&'static [&'static str]],
}

use NumKind::*;

/// Generic closing sentences, any domain.
pub(crate) const CLOSERS: &[&[&str]] = &[
    &[
        "Further details were expected [in the coming days|later in the week|after the weekend].",
        "Officials said more information would be released [in the coming days|as it becomes available].",
        "The situation [remained fluid|was still developing] late {weekday}, and it was not clear what would happen next.",
    ],
    &[
        "It was not immediately possible to verify all of the figures independently.",
        "Some of the figures could not be independently confirmed.",
        "[The numbers|These figures] could not be independently verified [by this newspaper|at the time of publication].",
    ],
];

/// Every domain.
pub(crate) const DOMAINS: &[Domain] = &[
    DIPLOMACY, DISASTER, ELECTION, LABOR, COURTS, BUSINESS, MILITARY, ECONOMY, PROTEST,
];

const DIPLOMACY: Domain = Domain {
    name: "diplomacy",
    roles: &[
        Role {
            key: "lead",
            titles: &["{cadj} {leader}"],
        },
        Role {
            key: "guest",
            titles: &["{cadj2} {leader2}", "{cadj2} Chancellor"],
        },
        Role {
            key: "spox",
            titles: &[
                "{cadj} Foreign Ministry spokesperson",
                "{cadj} government spokesperson",
            ],
        },
        Role {
            key: "fm",
            titles: &["{cadj2} Foreign Minister", "{cadj2} top diplomat"],
        },
    ],
    issues: &[
        "energy cooperation",
        "the disputed border crossings",
        "security guarantees",
        "tariffs on steel and grain",
        "the reconstruction of the ports",
        "migration across the shared frontier",
        "a stalled gas pipeline",
        "fishing rights in the shared waters",
        "visa rules for students",
        "the fate of detained citizens",
    ],
    kinds: &[
        Kind {
            name: "summit",
            nums: &[
                ("deals", Count(3, 24)),
                ("invest", Money(200, 9000)),
                ("delegates", Count(40, 400)),
                ("hours", Count(2, 9)),
            ],
            headlines: &[
                "{@lead.last} and {@guest.last} sign {#deals} agreements at {city} summit",
                "{cadj} and {cadj2} leaders pledge closer ties as {issue} dominates talks",
                "{@guest.last} visit to {country} yields {#invest} in deals, no breakthrough on {issue}",
                "Leaders meet in {city}, agree {#deals} deals worth {#invest}",
            ],
            ledes: &[
                "{@lead} and {@guest} signed {#deals} agreements worth {#invest} {on_day} at a summit in {city}, pledging to deepen cooperation on {issue}.",
                "{cadj} and {cadj2} leaders [met|held talks] in {city} {on_day}, agreeing on a package of {#deals} deals valued at {#invest} while remaining divided over {issue}.",
                "{@guest} arrived in {city} {on_day} for talks with {@lead}, the first such visit in years, with {issue} at the top of the agenda.",
                "A summit between {country} and {country2} ended in {city} {on_day} with {#deals} signed agreements and a promise to return to {issue} before the end of the year.",
            ],
            facts: &[
                &[
                    "The agreements cover energy, transport and education, and together are worth {#invest}, according to a joint statement.",
                    "According to a joint statement released after the meeting, the {#deals} deals are valued at {#invest} and span energy, transport and education.",
                    "Officials said the package, worth {#invest}, includes {#deals} separate agreements on energy, transport and schools.",
                ],
                &[
                    "More than {#delegates} delegates accompanied the two leaders, officials said.",
                    "The {cadj2} delegation numbered {#delegates} people, among them ministers and business executives.",
                    "{@guest.last} travelled with a delegation of {#delegates} officials and executives.",
                ],
                &[
                    "The talks lasted about {#hours} hours, longer than planned.",
                    "Discussions ran for {#hours} hours behind closed doors, according to a person familiar with the meeting.",
                    "The leaders spent {#hours} hours together, aides said, including a working lunch.",
                ],
                &[
                    "The two sides did not announce any progress on {issue}.",
                    "No agreement was reached on {issue}, which has strained relations between the two capitals.",
                    "On {issue}, the sides said only that working groups would continue to meet.",
                ],
            ],
            quotes: &[
                (
                    "lead",
                    "We have opened a new chapter in the relations between our two countries",
                ),
                (
                    "lead",
                    "Nobody expected us to solve every problem in one day, but we have made real progress",
                ),
                (
                    "guest",
                    "Our partnership rests on trust, and today we have shown that trust with concrete decisions",
                ),
                (
                    "guest",
                    "There are still differences on {issue}, and we will not hide them",
                ),
                (
                    "spox",
                    "The atmosphere was constructive and the results speak for themselves",
                ),
            ],
        },
        Kind {
            name: "briefing",
            nums: &[("diplomats", Count(2, 30)), ("days", Count(2, 14))],
            headlines: &[
                "{country} rejects {cadj2} proposal on {issue}",
                "{@spox.last}: {country} will not accept conditions on {issue}",
                "{country} orders {#diplomats} {cadj2} diplomats to leave",
                "{cadj} foreign ministry accuses {country2} of stalling on {issue}",
            ],
            ledes: &[
                "{@spox} {on_day} rejected a proposal by {country2} on {issue}, telling reporters that the plan ignored {cadj} interests.",
                "The {cadj} foreign ministry said {on_day} it had ordered {#diplomats} {cadj2} diplomats to leave the country within {#days} days, escalating a dispute over {issue}.",
                "{country} will not accept any settlement of {issue} drawn up without its participation, {@spox} said {on_day}.",
                "Speaking at a regular briefing in {capital} {on_day}, {@spox} accused {country2} of stalling talks on {issue} and announced the expulsion of {#diplomats} diplomats.",
            ],
            facts: &[
                &[
                    "The {#diplomats} diplomats were given {#days} days to leave, the ministry said.",
                    "The ministry said the {#diplomats} envoys must leave within {#days} days.",
                    "Under the order, {#diplomats} members of the {cadj2} embassy staff have {#days} days to depart.",
                ],
                &[
                    "The {cadj2} ambassador was summoned to the ministry earlier in the day.",
                    "Earlier, the ambassador of {country2} had been called in to receive a formal protest.",
                    "The envoy of {country2} was handed a note of protest in {capital}, officials said.",
                ],
                &[
                    "{country2} has not yet responded to the decision.",
                    "There was no immediate reaction from {capital2}.",
                    "Officials in {capital2} did not immediately respond to requests for comment.",
                ],
                &[
                    "{@spox.last} also answered questions on trade and visas during the hour-long briefing.",
                    "The briefing, held weekly, also touched on trade and visa rules.",
                    "Much of the rest of the briefing was devoted to trade and student visas.",
                ],
            ],
            quotes: &[
                (
                    "spox",
                    "Any decision about {issue} taken without us has no legal force for {country}",
                ),
                (
                    "spox",
                    "We are monitoring the situation closely and will respond if necessary",
                ),
                (
                    "spox",
                    "The door to dialogue remains open, but dialogue is a two-way street",
                ),
                ("fm", "We regret this decision and consider it unjustified"),
                ("fm", "Our proposal on {issue} is still on the table"),
            ],
        },
        Kind {
            name: "sanctions",
            nums: &[
                ("entities", Count(10, 250)),
                ("frozen", Money(20, 3000)),
                ("banks", Count(2, 15)),
            ],
            headlines: &[
                "{country} imposes sanctions on {#entities} {cadj2} companies and individuals",
                "New {cadj} sanctions target {cadj2} banks over {issue}",
                "{capital} freezes {#frozen} in {cadj2} assets",
                "{country2} vows response as {country} widens sanctions",
            ],
            ledes: &[
                "{country} {on_day} imposed sanctions on {#entities} {cadj2} companies and individuals, including {#banks} banks, in the latest escalation of a dispute over {issue}.",
                "The {cadj} government announced a new round of sanctions against {country2} {on_day}, freezing assets worth {#frozen} and barring {#entities} firms and people from doing business with {cadj} companies.",
                "{country} widened its sanctions on {country2} {on_day}, adding {#banks} lenders to a blacklist that now covers {#entities} entities.",
            ],
            facts: &[
                &[
                    "Assets worth about {#frozen} have been frozen under the measures, the finance ministry said.",
                    "The finance ministry estimated the value of the frozen assets at {#frozen}.",
                    "Officials put the value of assets frozen so far at {#frozen}.",
                ],
                &[
                    "The list includes {#banks} banks and several shipping companies.",
                    "Among those targeted are {#banks} lenders as well as shipping and insurance firms.",
                    "{#banks} banks were named, along with insurers and ship owners.",
                ],
                &[
                    "The measures take effect immediately.",
                    "The sanctions come into force at midnight, according to the decree.",
                    "A decree published on the government website said the measures apply from the day of publication.",
                ],
            ],
            quotes: &[
                ("lead", "Those who undermine {issue} will pay a price"),
                ("spox", "These measures are targeted and proportionate"),
                (
                    "fm",
                    "This is economic blackmail, and we will respond in a way that hurts",
                ),
                (
                    "guest",
                    "Sanctions have never solved anything and they will not solve this",
                ),
            ],
        },
    ],
    context: &[
        &[
            "Relations between {country} and {country2} have been strained for years over {issue}.",
            "{issue} has long been a source of friction between the two governments.",
            "The two countries have clashed repeatedly over {issue} in recent years.",
        ],
        &[
            "Trade between the two countries has grown steadily despite the political tensions.",
            "Despite the frosty relations, {country2} remains one of the largest trading partners of {country}.",
            "Business ties have held up even as diplomatic relations cooled.",
        ],
        &[
            "Analysts said the outcome would be watched closely in neighboring capitals.",
            "Diplomats in {capital} said privately that expectations had been low.",
            "Observers cautioned that similar pledges in the past had not been followed by action.",
        ],
        &[
            "{@fm} is due to visit {capital} later this year, according to officials.",
            "A further round of talks at the level of foreign ministers is planned.",
            "Both governments have said they want to keep channels of communication open.",
        ],
    ],
    followup: &[
        &[
            "The dispute over {issue} flared up {since}.",
            "Tensions over {issue} have been rising since {since_bare}.",
            "The row began {since}, when {capital2} first raised {issue} publicly.",
        ],
        &[
            "The move comes after a previous round of contacts {prev}.",
            "It follows an earlier exchange between the two governments {prev}.",
            "The two sides last [spoke|clashed] publicly {prev}.",
        ],
    ],
};

const DISASTER: Domain = Domain {
    name: "disaster",
    roles: &[
        Role {
            key: "chief",
            titles: &[
                "{cadj} emergency services chief",
                "head of the national disaster agency",
                "{cadj} civil protection director",
            ],
        },
        Role {
            key: "gov",
            titles: &["{city} Mayor", "Regional Governor", "Provincial Governor"],
        },
        Role {
            key: "pm",
            titles: &["{cadj} {leader}"],
        },
        Role {
            key: "aid",
            titles: &[
                "Red Cross coordinator",
                "World Relief country director",
                "aid agency spokesperson",
            ],
        },
    ],
    issues: &[
        "building codes",
        "the early warning system",
        "emergency funding",
        "the slow pace of rescue work",
        "reconstruction plans",
        "flood defenses",
    ],
    kinds: &[
        Kind {
            name: "earthquake",
            nums: &[
                ("mag", Dec(48, 79)),
                ("depth", Count(5, 70)),
                ("dead", Count(3, 480)),
                ("injured", Count(20, 3200)),
                ("buildings", Count(12, 900)),
            ],
            headlines: &[
                "Magnitude {#mag} earthquake strikes near {city}, killing at least {#dead}",
                "Quake kills {#dead} in {country}, hundreds of buildings damaged",
                "Rescuers search rubble after {#mag} quake hits {country}",
                "Death toll rises to {#dead} after earthquake near {city}",
            ],
            ledes: &[
                "A magnitude {#mag} earthquake struck near {city} {on_day}, killing at least {#dead} people and injuring {#injured}, officials said.",
                "At least {#dead} people were killed and {#injured} injured when a powerful earthquake hit {country} {on_day}, toppling buildings in and around {city}.",
                "Rescue teams worked through the night in {city} after a {#mag}-magnitude quake {on_day} left at least {#dead} people dead.",
                "The earthquake that shook {city} {on_day} killed at least {#dead} people, {@chief} said, warning that the toll could rise.",
            ],
            facts: &[
                &[
                    "The quake had a depth of {#depth} kilometers, according to the national seismological service.",
                    "Seismologists said the tremor struck at a depth of {#depth} kilometers.",
                    "It was centered {#depth} kilometers below the surface, the geological survey said.",
                ],
                &[
                    "At least {#buildings} buildings collapsed or were badly damaged.",
                    "Officials said {#buildings} buildings had been destroyed or damaged beyond repair.",
                    "The quake brought down or damaged {#buildings} buildings, many of them older apartment blocks.",
                ],
                &[
                    "Hospitals in {city} were treating {#injured} injured people, many with fractures.",
                    "The number of injured stood at {#injured}, the health ministry said.",
                    "Some {#injured} people were hurt, and several hospitals moved patients outside as aftershocks continued.",
                ],
                &[
                    "Dozens of aftershocks followed the main tremor.",
                    "Several strong aftershocks rattled the area through the night.",
                    "Residents spent the night outdoors, fearing aftershocks.",
                ],
            ],
            quotes: &[
                (
                    "chief",
                    "Our teams are still pulling people out of the rubble, and we fear the toll will rise",
                ),
                (
                    "gov",
                    "Entire streets have been flattened, and we need tents, blankets and water",
                ),
                ("pm", "The whole nation stands with the people of {city}"),
                (
                    "aid",
                    "The first 72 hours are critical, and every hour counts",
                ),
                (
                    "gov",
                    "We have never seen anything like this in our lifetime",
                ),
            ],
        },
        Kind {
            name: "flood",
            nums: &[
                ("rain", Count(80, 420)),
                ("dead", Count(2, 140)),
                ("evacuated", Count(300, 60000)),
                ("homes", Count(50, 9000)),
            ],
            headlines: &[
                "Floods kill {#dead} in {country} as rivers burst their banks",
                "{#evacuated} evacuated as flooding hits {city}",
                "Heavy rain floods {city}, leaving {#dead} dead",
                "Thousands flee rising water in {country}",
            ],
            ledes: &[
                "Flooding caused by days of heavy rain killed at least {#dead} people in {country} {on_day} and forced {#evacuated} residents from their homes around {city}.",
                "Authorities evacuated {#evacuated} people from low-lying districts of {city} {on_day} as rivers rose to record levels, and at least {#dead} deaths were reported.",
                "At least {#dead} people died {on_day} as floods swept through towns around {city}, {@chief} said.",
            ],
            facts: &[
                &[
                    "Up to {#rain} millimeters of rain fell in 24 hours, the weather service said.",
                    "The weather service recorded {#rain} millimeters of rain in a single day.",
                    "Some areas received {#rain} millimeters of rain, more than a normal month's total.",
                ],
                &[
                    "About {#homes} homes were flooded, according to local authorities.",
                    "Local officials said {#homes} houses had been inundated.",
                    "Water entered {#homes} homes, and several bridges were closed.",
                ],
                &[
                    "Soldiers and volunteers filled sandbags along the riverbanks.",
                    "The army was deployed to help with evacuations and sandbagging.",
                    "Boats were used to rescue people stranded on rooftops.",
                ],
            ],
            quotes: &[
                (
                    "chief",
                    "The water is still rising, and we urge people to follow evacuation orders",
                ),
                ("gov", "People have lost everything, and they need help now"),
                (
                    "pm",
                    "We will release emergency funds to rebuild what the water destroyed",
                ),
                ("aid", "Clean drinking water is now the biggest concern"),
            ],
        },
        Kind {
            name: "aftermath",
            nums: &[
                ("dead", Count(10, 600)),
                ("fund", Money(15, 2500)),
                ("shelters", Count(5, 180)),
                ("missing", Count(3, 120)),
            ],
            headlines: &[
                "{country} pledges {#fund} for reconstruction as toll reaches {#dead}",
                "Anger grows over {issue} as {country} counts its dead",
                "{#missing} still missing in {city}, officials say",
                "Survivors in {city} wait for aid as government promises {#fund}",
            ],
            ledes: &[
                "The government of {country} {on_day} pledged {#fund} to rebuild homes and roads around {city}, as the confirmed death toll reached {#dead}.",
                "Survivors in {city} criticized {issue} {on_day} as officials raised the number of dead to {#dead} and said {#missing} people were still missing.",
                "{@pm} visited {city} {on_day} and promised {#fund} in reconstruction aid, as the death toll climbed to {#dead}.",
            ],
            facts: &[
                &[
                    "{#missing} people remain unaccounted for, officials said.",
                    "Officials said {#missing} people were still missing.",
                    "Search teams were still looking for {#missing} missing people.",
                ],
                &[
                    "About {#shelters} temporary shelters have been set up in schools and sports halls.",
                    "Authorities opened {#shelters} emergency shelters for displaced families.",
                    "Families are living in {#shelters} shelters set up by the army and volunteers.",
                ],
                &[
                    "The reconstruction fund of {#fund} will be paid out over two years.",
                    "Payments from the {#fund} fund are due to start next month.",
                    "Officials said the {#fund} package would cover housing, roads and schools.",
                ],
            ],
            quotes: &[
                ("pm", "No family will be left to rebuild alone"),
                (
                    "gov",
                    "The money is welcome, but people need roofs before winter",
                ),
                ("aid", "The needs are enormous and will last for months"),
                ("chief", "We are moving from rescue to recovery"),
            ],
        },
    ],
    context: &[
        &[
            "{country} [lies|sits] in an area prone to [earthquakes and floods|natural disasters].",
            "The region has suffered several deadly disasters in the past two decades.",
            "Disasters of this kind are not uncommon in this part of {country}.",
        ],
        &[
            "Critics have long questioned {issue}.",
            "Experts have warned for years about {issue}.",
            "The disaster has renewed debate about {issue}.",
        ],
        &[
            "Neighboring countries offered to send rescue teams.",
            "Several governments sent messages of condolence and offers of help.",
            "International aid groups said they were ready to send supplies.",
        ],
    ],
    followup: &[
        &[
            "The disaster struck {since}.",
            "The region has been recovering since the disaster {since}.",
            "It is the latest blow to the area since {since_bare}.",
        ],
        &[
            "Officials last updated the figures {prev}.",
            "The previous official update came {prev}.",
            "The government last addressed the situation {prev}.",
        ],
    ],
};

const ELECTION: Domain = Domain {
    name: "election",
    roles: &[
        Role {
            key: "cand",
            titles: &["{org} leader", "{org} candidate", "opposition leader"],
        },
        Role {
            key: "rival",
            titles: &["incumbent {leader}", "{org2} leader"],
        },
        Role {
            key: "comm",
            titles: &[
                "election commission chairman",
                "head of the {cadj} electoral commission",
            ],
        },
        Role {
            key: "analyst",
            titles: &["political analyst", "political scientist"],
        },
    ],
    issues: &[
        "the cost of living",
        "corruption",
        "immigration",
        "pensions",
        "the energy transition",
        "housing",
    ],
    kinds: &[
        Kind {
            name: "vote",
            nums: &[
                ("share", Pct(280, 520)),
                ("rshare", Pct(180, 350)),
                ("turnout", Pct(450, 820)),
                ("seats", Count(40, 260)),
            ],
            headlines: &[
                "{org} wins {country} election with {#share} of the vote",
                "{@cand.last} claims victory in {country} as {org} takes {#seats} seats",
                "{country} votes: turnout at {#turnout}, {org} ahead",
                "Opposition {org} tops {cadj} poll, short of majority",
            ],
            ledes: &[
                "The {org} won {country}'s parliamentary election {on_day}, taking {#share} of the vote and {#seats} seats, according to preliminary results.",
                "{@cand} claimed victory in {country}'s election {on_day} after results showed the {org} with {#share} of the vote against {#rshare} for the {org2}.",
                "Voters in {country} handed the {org} a clear win {on_day}, with turnout at {#turnout}, the electoral commission said.",
            ],
            facts: &[
                &[
                    "Turnout was {#turnout}, the commission said.",
                    "The commission put turnout at {#turnout}.",
                    "Some {#turnout} of eligible voters cast a ballot.",
                ],
                &[
                    "The {org2} of {@rival} came second with {#rshare}.",
                    "{@rival}'s {org2} trailed with {#rshare}.",
                    "The governing {org2} won {#rshare}, its worst result in decades.",
                ],
                &[
                    "With {#seats} seats, the {org} will need a partner to govern.",
                    "The {org} is projected to hold {#seats} seats in the new parliament.",
                    "Its {#seats} seats leave it short of an outright majority.",
                ],
            ],
            quotes: &[
                ("cand", "Tonight the people of {country} have chosen change"),
                (
                    "cand",
                    "We will be a government for everyone, including those who did not vote for us",
                ),
                (
                    "rival",
                    "We accept the result and we will be a strong opposition",
                ),
                (
                    "comm",
                    "The vote was conducted in an orderly manner across the country",
                ),
                (
                    "analyst",
                    "This result shows how much {issue} weighed on voters",
                ),
            ],
        },
        Kind {
            name: "campaign",
            nums: &[
                ("crowd", Count(2000, 60000)),
                ("lead", Pct(10, 90)),
                ("days", Count(3, 30)),
            ],
            headlines: &[
                "{@cand.last} rallies {#crowd} in {city} as campaign enters final stretch",
                "Polls show {org} ahead by {#lead} points with {#days} days to go",
                "{@rival.last} and {@cand.last} clash over {issue}",
            ],
            ledes: &[
                "{@cand} addressed a crowd of about {#crowd} people in {city} {on_day}, promising action on {issue} with {#days} days left before the vote.",
                "With {#days} days to go before {country} votes, {@cand} and {@rival} traded accusations over {issue} {on_day}.",
                "The {org} held a lead of {#lead} percentage points in polls published {on_day}, as {@cand} took the campaign to {city}.",
            ],
            facts: &[
                &[
                    "Police estimated the crowd at {#crowd}.",
                    "Organizers said {#crowd} people attended.",
                    "The rally drew around {#crowd} supporters, according to police.",
                ],
                &[
                    "Recent polls give the {org} a lead of {#lead} points.",
                    "The {org} leads by {#lead} points in an average of recent polls.",
                    "Surveys put the party {#lead} points ahead of the {org2}.",
                ],
                &[
                    "The election is in {#days} days.",
                    "Voters go to the polls in {#days} days.",
                    "Campaigning ends {#days} days from now, the day before the vote.",
                ],
            ],
            quotes: &[
                (
                    "cand",
                    "They have had their chance and they have failed on {issue}",
                ),
                ("rival", "My opponent offers slogans, not solutions"),
                (
                    "analyst",
                    "The race is tighter than the headline numbers suggest",
                ),
                ("cand", "Every vote will count, so do not stay at home"),
            ],
        },
    ],
    context: &[
        &[
            "The campaign was dominated by {issue}.",
            "{issue} was the main concern of voters, according to surveys.",
            "Concerns about {issue} shaped much of the campaign.",
        ],
        &[
            "{country} has a population of several million and a parliament elected by proportional representation.",
            "Parliament is elected by proportional representation, which usually produces coalition governments.",
            "No party has won an outright majority in {country} in more than two decades.",
        ],
        &[
            "International observers monitored the vote.",
            "Observers from several European organizations were present at polling stations.",
            "Election monitors reported only minor irregularities.",
        ],
    ],
    followup: &[
        &[
            "The campaign formally began {since}.",
            "Campaigning has been under way since {since_bare}.",
            "The election was called {since}.",
        ],
        &[
            "{@cand.last} last spoke publicly {prev}.",
            "The candidates last met face to face {prev}.",
            "The last major campaign event took place {prev}.",
        ],
    ],
};

const LABOR: Domain = Domain {
    name: "labor",
    roles: &[
        Role {
            key: "union",
            titles: &["{org} general secretary", "{org} leader", "{org} president"],
        },
        Role {
            key: "ceo",
            titles: &["{org2} chief executive", "{org2} CEO", "{org2} chairman"],
        },
        Role {
            key: "min",
            titles: &["{cadj} Labor Minister", "{cadj} Transport Minister"],
        },
        Role {
            key: "worker",
            titles: &["union representative", "shop steward", "veteran worker"],
        },
    ],
    issues: &[
        "pay",
        "pensions",
        "working hours",
        "job security",
        "safety rules",
        "staffing levels",
    ],
    kinds: &[
        Kind {
            name: "strike",
            nums: &[
                ("workers", Count(800, 120000)),
                ("raise", Pct(30, 180)),
                ("offer", Pct(10, 60)),
                ("hours", Count(24, 96)),
            ],
            headlines: &[
                "{#workers} walk out as {org} strike hits {org2}",
                "Strike over {issue} halts {org2} operations across {country}",
                "{org} launches {#hours}-hour strike, demands {#raise} raise",
                "Workers at {org2} strike after talks on {issue} collapse",
            ],
            ledes: &[
                "About {#workers} workers at {org2} walked off the job {on_day} in a {#hours}-hour strike called by the {org} over {issue}.",
                "A strike by the {org} disrupted {org2} operations across {country} {on_day}, as {#workers} employees stopped work to demand a {#raise} pay rise.",
                "The {org} began a {#hours}-hour walkout at {org2} {on_day}, saying the company's offer of {#offer} fell far short of its demand of {#raise}.",
            ],
            facts: &[
                &[
                    "The union is demanding a raise of {#raise}, while the company has offered {#offer}.",
                    "The company has offered {#offer}, well below the union's demand of {#raise}.",
                    "{org2} has put forward a {#offer} increase, against the {#raise} sought by the union.",
                ],
                &[
                    "The stoppage is scheduled to last {#hours} hours.",
                    "The walkout will last {#hours} hours unless a deal is reached, the union said.",
                    "Union leaders said the strike would run for {#hours} hours.",
                ],
                &[
                    "Picket lines formed outside depots in {city} early in the morning.",
                    "Striking workers gathered outside the company's main site in {city}.",
                    "Hundreds of strikers marched through central {city}.",
                ],
            ],
            quotes: &[
                (
                    "union",
                    "Our members have had enough of being asked to do more for less",
                ),
                (
                    "ceo",
                    "This strike will hurt our customers and will not change the economics of the business",
                ),
                (
                    "min",
                    "I call on both sides to return to the negotiating table",
                ),
                (
                    "worker",
                    "We did not want to strike, but they left us no choice",
                ),
                (
                    "union",
                    "The offer on the table is an insult to people who kept this company running",
                ),
            ],
        },
        Kind {
            name: "deal",
            nums: &[
                ("raise", Pct(25, 120)),
                ("bonus", Count(300, 3000)),
                ("years", Count(2, 4)),
                ("vote", Pct(520, 940)),
            ],
            headlines: &[
                "{org} and {org2} reach deal, ending dispute over {issue}",
                "{org2} workers accept {#raise} pay rise",
                "Strike called off after {org} members back {#years}-year deal",
            ],
            ledes: &[
                "The {org} and {org2} reached an agreement {on_day} that gives workers a {#raise} raise over {#years} years, ending a dispute over {issue}.",
                "Members of the {org} voted to accept a new contract with {org2} {on_day}, with {#vote} in favor, bringing an end to weeks of strikes.",
                "{org2} employees will get a {#raise} pay increase and a one-off bonus of {#bonus} under a deal announced {on_day}.",
            ],
            facts: &[
                &[
                    "The deal includes a one-off payment of {#bonus} per worker.",
                    "Each worker will also receive a one-time bonus of {#bonus}.",
                    "A bonus of {#bonus} will be paid to every employee.",
                ],
                &[
                    "{#vote} of members who voted backed the agreement.",
                    "The agreement was approved by {#vote} of voting members.",
                    "Union members endorsed it with {#vote} support.",
                ],
                &[
                    "The contract runs for {#years} years.",
                    "The agreement covers the next {#years} years.",
                    "It will remain in force for {#years} years.",
                ],
            ],
            quotes: &[
                (
                    "union",
                    "This deal shows what workers can achieve when they stand together",
                ),
                (
                    "ceo",
                    "We are pleased to have reached a fair agreement and to focus again on our customers",
                ),
                ("min", "Common sense has prevailed"),
                (
                    "worker",
                    "It is not everything we wanted, but it is a good deal",
                ),
            ],
        },
    ],
    context: &[
        &[
            "The dispute over {issue} is one of the longest at {org2} in decades.",
            "Talks over {issue} have dragged on for months.",
            "Negotiations on {issue} broke down earlier this year.",
        ],
        &[
            "{org2} employs tens of thousands of people in {country}.",
            "The company is one of the largest employers in {country}.",
            "{org2} reported higher profits last year, a point the union has raised repeatedly.",
        ],
        &[
            "Inflation has eroded wages across {country} over the past two years.",
            "Rising prices have fueled a wave of wage demands across Europe.",
            "Unions in several sectors have pressed for raises to offset inflation.",
        ],
    ],
    followup: &[
        &[
            "The dispute began {since}.",
            "Workers first walked out {since}.",
            "The conflict has simmered since {since_bare}.",
        ],
        &[
            "The two sides last met {prev}.",
            "Previous talks took place {prev}.",
            "The last round of negotiations was held {prev}.",
        ],
    ],
};

const COURTS: Domain = Domain {
    name: "courts",
    roles: &[
        Role {
            key: "def",
            titles: &[
                "former {cadj} minister",
                "business executive",
                "former mayor of {city}",
            ],
        },
        Role {
            key: "judge",
            titles: &["Judge", "presiding judge"],
        },
        Role {
            key: "pros",
            titles: &["prosecutor", "chief prosecutor"],
        },
        Role {
            key: "lawyer",
            titles: &["defense lawyer", "defense attorney"],
        },
    ],
    issues: &[
        "bribery",
        "fraud",
        "money laundering",
        "abuse of office",
        "tax evasion",
        "embezzlement",
    ],
    kinds: &[
        Kind {
            name: "verdict",
            nums: &[
                ("years", Count(2, 14)),
                ("fine", Money(1, 40)),
                ("counts", Count(2, 18)),
                ("witnesses", Count(8, 90)),
            ],
            headlines: &[
                "{@def.last} sentenced to {#years} years for {issue}",
                "Court convicts {@def.last} on {#counts} counts of {issue}",
                "{@def.last} found guilty, fined {#fine}",
                "Ex-official {@def.last} jailed in {issue} case",
            ],
            ledes: &[
                "A court in {city} {on_day} sentenced {@def} to {#years} years in prison after finding {@def.last} guilty on {#counts} counts of {issue}.",
                "{@def} was convicted of {issue} {on_day} and ordered to pay a fine of {#fine}, in one of the most closely watched trials in {country} in years.",
                "Judges in {city} found {@def} guilty of {issue} {on_day}, handing down a {#years}-year prison term.",
            ],
            facts: &[
                &[
                    "The court also imposed a fine of {#fine}.",
                    "In addition to the prison term, {@def.last} must pay {#fine}.",
                    "A fine of {#fine} was also ordered.",
                ],
                &[
                    "Prosecutors had called {#witnesses} witnesses during the trial.",
                    "The trial heard from {#witnesses} witnesses over several months.",
                    "More than {#witnesses} witnesses testified.",
                ],
                &[
                    "{@def.last} has denied wrongdoing and can appeal.",
                    "The verdict can be appealed, and the defense said it would do so.",
                    "{@def.last}, who has always denied the charges, is expected to appeal.",
                ],
            ],
            quotes: &[
                (
                    "judge",
                    "The defendant abused the trust placed in him for personal gain",
                ),
                ("pros", "This verdict shows that nobody is above the law"),
                (
                    "lawyer",
                    "We will appeal, because this judgment is based on assumptions, not evidence",
                ),
                ("def", "I am innocent and I will prove it"),
            ],
        },
        Kind {
            name: "trial",
            nums: &[
                ("counts", Count(2, 18)),
                ("sum", Money(2, 300)),
                ("years", Count(4, 20)),
            ],
            headlines: &[
                "Trial of {@def.last} opens in {city}",
                "{@def.last} goes on trial accused of {issue}",
                "Prosecutors seek {#years} years for {@def.last}",
            ],
            ledes: &[
                "The trial of {@def} on charges of {issue} opened in {city} {on_day}, with prosecutors alleging that {#sum} was diverted.",
                "{@def} went on trial {on_day} accused of {issue} involving {#sum}, charges the defendant denies.",
                "Prosecutors in {city} {on_day} asked for a sentence of {#years} years for {@def}, accused on {#counts} counts of {issue}.",
            ],
            facts: &[
                &[
                    "The indictment runs to {#counts} counts.",
                    "{@def.last} faces {#counts} counts in total.",
                    "Prosecutors brought {#counts} charges.",
                ],
                &[
                    "Prosecutors say {#sum} was involved.",
                    "The alleged scheme involved {#sum}, according to the indictment.",
                    "The case concerns {#sum} in public funds.",
                ],
                &[
                    "If convicted, {@def.last} faces up to {#years} years in prison.",
                    "The charges carry a maximum sentence of {#years} years.",
                    "A conviction could bring up to {#years} years behind bars.",
                ],
            ],
            quotes: &[
                (
                    "pros",
                    "The evidence will show a pattern of deliberate deception",
                ),
                ("lawyer", "My client is the victim of a political campaign"),
                ("def", "I have nothing to hide"),
                (
                    "judge",
                    "The court will hear all the evidence before reaching any conclusion",
                ),
            ],
        },
    ],
    context: &[
        &[
            "The case has drawn wide attention in {country}.",
            "The case has been followed closely by the {cadj} media.",
            "Anti-corruption campaigners have called the case a test for the courts.",
        ],
        &[
            "{country} has pledged to tighten its laws on {issue}.",
            "The government has promised a crackdown on {issue}.",
            "Several officials have been prosecuted for {issue} in recent years.",
        ],
        &[
            "{@def.last} was arrested after an investigation by anti-corruption prosecutors.",
            "The investigation began after a tip from a former employee.",
            "The case grew out of an audit of public contracts.",
        ],
    ],
    followup: &[
        &[
            "The case began {since}.",
            "{@def.last} was first charged {since}.",
            "The proceedings have been under way since {since_bare}.",
        ],
        &[
            "The court last sat {prev}.",
            "At the previous hearing {prev}, the defense asked for more time.",
            "The last hearing took place {prev}.",
        ],
    ],
};

const BUSINESS: Domain = Domain {
    name: "business",
    roles: &[
        Role {
            key: "ceo",
            titles: &["{org} chief executive", "{org} CEO"],
        },
        Role {
            key: "cfo",
            titles: &["{org} chief financial officer", "{org} finance chief"],
        },
        Role {
            key: "analyst",
            titles: &["analyst at {org2}", "{org2} analyst"],
        },
        Role {
            key: "union",
            titles: &["works council head", "union representative"],
        },
    ],
    issues: &[
        "weak demand",
        "higher energy costs",
        "a price war",
        "supply chain problems",
        "the strong currency",
        "new tariffs",
    ],
    kinds: &[
        Kind {
            name: "results",
            nums: &[
                ("revenue", Money(800, 60000)),
                ("profit", Money(20, 6000)),
                ("change", Pct(10, 350)),
                ("shares", Pct(10, 140)),
            ],
            headlines: &[
                "{org} profit falls {#change} on {issue}",
                "{org} revenue reaches {#revenue}, shares move {#shares}",
                "{org} beats forecasts despite {issue}",
                "{org} shares slide after results",
            ],
            ledes: &[
                "{org} reported quarterly revenue of {#revenue} {on_day}, while net profit fell {#change} to {#profit} as {issue} weighed on the business.",
                "Shares in {org} moved {#shares} {on_day} after the {what} posted a net profit of {#profit} on revenue of {#revenue}.",
                "{org}, the {cadj} {what}, said {on_day} that profit dropped {#change} to {#profit}, blaming {issue}.",
            ],
            facts: &[
                &[
                    "Revenue came in at {#revenue}.",
                    "Sales totaled {#revenue} in the quarter.",
                    "Quarterly revenue was {#revenue}, the company said.",
                ],
                &[
                    "Net profit was {#profit}, down {#change} from a year earlier.",
                    "Profit fell {#change} year on year to {#profit}.",
                    "The company earned {#profit}, a decline of {#change}.",
                ],
                &[
                    "The shares moved {#shares} in {city} trading.",
                    "Its stock changed {#shares} by midday.",
                    "Investors sent the shares {#shares} lower in early trading.",
                ],
            ],
            quotes: &[
                (
                    "ceo",
                    "We are navigating a difficult market, but our strategy is the right one",
                ),
                (
                    "cfo",
                    "We expect conditions to improve in the second half of the year",
                ),
                (
                    "analyst",
                    "The numbers were weaker than the market had hoped",
                ),
                ("ceo", "We will not compromise on quality to chase volume"),
            ],
        },
        Kind {
            name: "layoffs",
            nums: &[
                ("jobs", Count(150, 12000)),
                ("savings", Money(40, 2500)),
                ("sites", Count(2, 14)),
            ],
            headlines: &[
                "{org} to cut {#jobs} jobs",
                "{org} plans {#jobs} job cuts, closure of {#sites} sites",
                "{org} announces restructuring to save {#savings}",
            ],
            ledes: &[
                "{org} said {on_day} it would cut {#jobs} jobs and close {#sites} sites as the {what} tries to save {#savings} a year.",
                "The {cadj} {what} {org} announced {#jobs} job cuts {on_day}, citing {issue}.",
                "{org} will shed {#jobs} positions under a restructuring plan unveiled {on_day} that aims to save {#savings}.",
            ],
            facts: &[
                &[
                    "The plan is expected to save {#savings} a year by 2027.",
                    "Annual savings are projected at {#savings}.",
                    "The company expects to save {#savings} annually.",
                ],
                &[
                    "{#sites} sites will close, including one near {city}.",
                    "Among the {#sites} sites to close is a plant near {city}.",
                    "The closures affect {#sites} locations, one of them in {city}.",
                ],
                &[
                    "Unions said they would fight the plan.",
                    "Worker representatives vowed to oppose the cuts.",
                    "The works council said it had not been consulted.",
                ],
            ],
            quotes: &[
                (
                    "ceo",
                    "These are painful decisions, but they are necessary to secure our future",
                ),
                (
                    "union",
                    "Workers are paying the price for management mistakes",
                ),
                ("analyst", "The cuts were long overdue"),
                (
                    "cfo",
                    "The restructuring will pay for itself within two years",
                ),
            ],
        },
    ],
    context: &[
        &[
            "{org} is one of the largest companies of its kind in {country}, making {make}.",
            "The company, which makes {make}, employs thousands of people.",
            "{org} makes {make} and sells in more than 40 countries.",
        ],
        &[
            "The sector has struggled with {issue}.",
            "Rivals have also been hit by {issue}.",
            "{issue} has hurt the whole industry this year.",
        ],
        &[
            "{org} will give an update on its strategy later this year.",
            "The company is due to present a new strategy to investors in the autumn.",
            "Management has promised a detailed plan at the next investor day.",
        ],
    ],
    followup: &[
        &[
            "The company first warned of trouble {since}.",
            "{org} has been under pressure since {since_bare}.",
            "Investors have been worried since {since}, when the company cut its outlook.",
        ],
        &[
            "The company last updated investors {prev}.",
            "Its previous announcement came {prev}.",
            "{org} last spoke about its plans {prev}.",
        ],
    ],
};

const MILITARY: Domain = Domain {
    name: "military",
    roles: &[
        Role {
            key: "min",
            titles: &["{cadj} Defense Minister", "{cadj} Defence Secretary"],
        },
        Role {
            key: "army",
            titles: &[
                "army spokesperson",
                "{cadj} military spokesperson",
                "chief of the general staff",
            ],
        },
        Role {
            key: "rival",
            titles: &[
                "{cadj2} Foreign Ministry spokesperson",
                "{cadj2} Defense Minister",
            ],
        },
        Role {
            key: "leader",
            titles: &["{cadj} {leader}"],
        },
    ],
    issues: &[
        "the border",
        "the air defense gap",
        "the security of the shipping lanes",
        "the ceasefire line",
        "the northern flank",
    ],
    kinds: &[
        Kind {
            name: "deployment",
            nums: &[
                ("troops", Count(200, 12000)),
                ("jets", Count(4, 48)),
                ("months", Count(3, 18)),
                ("cost", Money(30, 2000)),
            ],
            headlines: &[
                "{country} to deploy {#troops} troops near {issue}",
                "{@min.last} announces deployment of {#troops} soldiers and {#jets} jets",
                "{country2} condemns {cadj} troop deployment",
                "{country} sends {#troops} troops for {#months} months",
            ],
            ledes: &[
                "{country} will deploy {#troops} troops and {#jets} fighter jets to strengthen {issue}, {@min} said {on_day}.",
                "{@min} announced {on_day} that {#troops} soldiers would be sent for {#months} months, a move that drew an angry response from {country2}.",
                "The {cadj} government {on_day} approved the deployment of {#troops} troops at a cost of {#cost}, citing threats to {issue}.",
            ],
            facts: &[
                &[
                    "The deployment will last {#months} months.",
                    "The troops will stay for {#months} months, officials said.",
                    "The mission is planned for {#months} months.",
                ],
                &[
                    "It will cost about {#cost}, according to the defense ministry.",
                    "The ministry estimated the cost at {#cost}.",
                    "Parliament must approve the {#cost} budget for the mission.",
                ],
                &[
                    "{#jets} fighter jets will also be stationed at a base near {city}.",
                    "The force includes {#jets} jets based near {city}.",
                    "Air support will come from {#jets} jets at an airfield outside {city}.",
                ],
            ],
            quotes: &[
                ("min", "This is a defensive step to protect our citizens"),
                (
                    "army",
                    "Our forces are ready and the first units will move within days",
                ),
                (
                    "rival",
                    "This deployment is a provocation and will not go unanswered",
                ),
                (
                    "leader",
                    "We do not seek confrontation, but we will defend every meter of our territory",
                ),
            ],
        },
        Kind {
            name: "exercise",
            nums: &[
                ("troops", Count(1000, 40000)),
                ("ships", Count(3, 60)),
                ("days", Count(3, 21)),
                ("nations", Count(2, 20)),
            ],
            headlines: &[
                "{country} begins military drills with {#troops} troops",
                "{#nations} nations join exercises near {city}",
                "{country2} warns over {cadj} war games",
            ],
            ledes: &[
                "{country} launched military exercises involving {#troops} troops and {#ships} ships near {city} {on_day}, the defense ministry said.",
                "Forces from {#nations} countries began {#days} days of drills near {city} {on_day}, in a show of strength aimed at {country2}.",
                "About {#troops} soldiers took part in large-scale exercises that began {on_day}, drawing a sharp warning from {capital2}.",
            ],
            facts: &[
                &[
                    "The drills will last {#days} days.",
                    "The exercises are scheduled to run for {#days} days.",
                    "The maneuvers continue for {#days} days.",
                ],
                &[
                    "{#ships} warships are taking part.",
                    "The navy contributed {#ships} ships.",
                    "Some {#ships} vessels joined the naval part of the drills.",
                ],
                &[
                    "Troops from {#nations} countries are involved.",
                    "{#nations} allied nations sent units.",
                    "The exercise brings together forces from {#nations} nations.",
                ],
            ],
            quotes: &[
                (
                    "army",
                    "These exercises test our ability to respond quickly to any threat",
                ),
                ("rival", "Such drills near our borders only raise tensions"),
                (
                    "min",
                    "The exercise was planned long in advance and is not directed at anyone",
                ),
                ("leader", "Strength is the best guarantee of peace"),
            ],
        },
    ],
    context: &[
        &[
            "Tensions between {country} and {country2} have risen sharply this year.",
            "Relations between {capital} and {capital2} have deteriorated over {issue}.",
            "{country2} has accused {country} of militarizing {issue}.",
        ],
        &[
            "{country} has increased defense spending for three years in a row.",
            "The government raised the military budget this year.",
            "Defense spending has grown rapidly under the current government.",
        ],
        &[
            "Allies of {country} have expressed support.",
            "Several allied governments have backed the move.",
            "Allies were briefed in advance, officials said.",
        ],
    ],
    followup: &[
        &[
            "The standoff began {since}.",
            "Tensions have been building since {since_bare}.",
            "The crisis started {since}.",
        ],
        &[
            "{country} last moved troops in the area {prev}.",
            "The previous military announcement came {prev}.",
            "{capital2} last protested {prev}.",
        ],
    ],
};

const ECONOMY: Domain = Domain {
    name: "economy",
    roles: &[
        Role {
            key: "gov",
            titles: &["{org} Governor", "{org} head"],
        },
        Role {
            key: "fin",
            titles: &["{cadj} Finance Minister", "{cadj} Economy Minister"],
        },
        Role {
            key: "econ",
            titles: &["chief economist at {org2}", "{org2} economist"],
        },
        Role {
            key: "deputy",
            titles: &["{org} deputy governor", "{org} board member"],
        },
    ],
    issues: &[
        "inflation",
        "the weak currency",
        "slowing growth",
        "household debt",
        "rising energy prices",
    ],
    kinds: &[
        Kind {
            name: "rates",
            nums: &[
                ("rate", Pct(5, 160)),
                ("bps", Count(25, 150)),
                ("infl", Pct(12, 140)),
                ("votes", Count(5, 9)),
            ],
            headlines: &[
                "{org} raises rates to {#rate}",
                "{org} cuts key rate by {#bps} basis points",
                "{org} holds rate at {#rate} as inflation stays at {#infl}",
                "Central bank moves on rates amid {issue}",
            ],
            ledes: &[
                "The {org} changed its key interest rate by {#bps} basis points to {#rate} {on_day}, citing {issue}.",
                "{country}'s central bank set its benchmark rate at {#rate} {on_day}, a move of {#bps} basis points, as inflation ran at {#infl}.",
                "The {org} moved its main rate to {#rate} {on_day}, {@gov} said, after inflation reached {#infl}.",
            ],
            facts: &[
                &[
                    "Inflation was {#infl} last month.",
                    "Consumer prices rose {#infl} from a year earlier.",
                    "Annual inflation stands at {#infl}.",
                ],
                &[
                    "The decision was backed by {#votes} members of the board.",
                    "{#votes} board members voted for the move.",
                    "The rate setters voted {#votes} in favor.",
                ],
                &[
                    "The move of {#bps} basis points was in line with forecasts.",
                    "Most economists had expected a change of {#bps} basis points.",
                    "Markets had priced in a move of {#bps} points.",
                ],
            ],
            quotes: &[
                (
                    "gov",
                    "We will do whatever is necessary to bring inflation back to target",
                ),
                (
                    "fin",
                    "The government respects the independence of the central bank",
                ),
                (
                    "econ",
                    "The bank is walking a fine line between growth and prices",
                ),
                ("deputy", "Further moves cannot be ruled out"),
            ],
        },
        Kind {
            name: "data",
            nums: &[
                ("gdp", Pct(1, 45)),
                ("infl", Pct(12, 140)),
                ("jobless", Pct(30, 140)),
            ],
            headlines: &[
                "{country} economy grows {#gdp} as {issue} persists",
                "{cadj} inflation at {#infl}, unemployment at {#jobless}",
                "{country} avoids recession, growth at {#gdp}",
            ],
            ledes: &[
                "{country}'s economy grew {#gdp} in the last quarter, official data showed {on_day}, while inflation stood at {#infl}.",
                "Unemployment in {country} reached {#jobless}, the statistics office said {on_day}, as {issue} weighed on the economy.",
                "Figures published {on_day} showed growth of {#gdp} in {country}, better than some economists had feared.",
            ],
            facts: &[
                &[
                    "Growth was {#gdp} quarter on quarter.",
                    "Gross domestic product rose {#gdp}.",
                    "The economy expanded by {#gdp}.",
                ],
                &[
                    "The unemployment rate was {#jobless}.",
                    "Joblessness stood at {#jobless}.",
                    "Some {#jobless} of the workforce is out of work.",
                ],
                &[
                    "Inflation remained at {#infl}.",
                    "Prices rose {#infl} year on year.",
                    "Annual inflation eased to {#infl}.",
                ],
            ],
            quotes: &[
                ("fin", "The economy is more resilient than many predicted"),
                ("econ", "The underlying picture remains fragile"),
                ("gov", "We are watching wage growth very closely"),
                ("econ", "Households are still feeling the squeeze"),
            ],
        },
    ],
    context: &[
        &[
            "The {org} has been fighting {issue} for more than a year.",
            "{issue} has dominated policy debates in {country}.",
            "Policymakers have struggled with {issue}.",
        ],
        &[
            "The next rate decision is due in six weeks.",
            "The bank's board meets eight times a year.",
            "Markets will look for clues in the minutes of the meeting.",
        ],
        &[
            "The {cadj} currency has been volatile in recent months.",
            "Investors have been wary of {cadj} assets.",
            "Government bond yields have climbed this year.",
        ],
    ],
    followup: &[
        &[
            "Pressure on the economy has grown since {since_bare}.",
            "Prices began accelerating {since}.",
            "The slowdown started {since}.",
        ],
        &[
            "The last policy move came {prev}.",
            "Previous data were published {prev}.",
            "The bank last acted {prev}.",
        ],
    ],
};

const PROTEST: Domain = Domain {
    name: "protest",
    roles: &[
        Role {
            key: "org",
            titles: &[
                "protest organizer",
                "{org} spokesperson",
                "{org} coordinator",
            ],
        },
        Role {
            key: "police",
            titles: &["{city} police chief", "police spokesperson"],
        },
        Role {
            key: "min",
            titles: &[
                "{cadj} Interior Minister",
                "{cadj} Interior Ministry spokesperson",
            ],
        },
        Role {
            key: "marcher",
            titles: &["student", "retired teacher", "nurse"],
        },
    ],
    issues: &[
        "a new tax law",
        "pension reform",
        "fuel prices",
        "a contested media law",
        "corruption",
        "the cost of housing",
    ],
    kinds: &[Kind {
        name: "protest",
        nums: &[
            ("crowd", Count(2000, 250000)),
            ("arrests", Count(3, 400)),
            ("injured", Count(2, 120)),
        ],
        headlines: &[
            "Tens of thousands march in {city} against {issue}",
            "Police arrest {#arrests} as protests over {issue} spread",
            "{#crowd} protest in {country}, police say",
            "Clashes in {city} as protesters denounce {issue}",
        ],
        ledes: &[
            "About {#crowd} people marched through {city} {on_day} to protest against {issue}, in one of the largest demonstrations in {country} in years.",
            "Police in {city} arrested {#arrests} people {on_day} after clashes broke out at a protest against {issue} attended by {#crowd}, officials said.",
            "Protesters angry over {issue} filled the streets of {city} {on_day}, and {#injured} people were injured when police used tear gas.",
        ],
        facts: &[
            &[
                "Police put the crowd at {#crowd}; organizers gave a higher figure.",
                "Police estimated the turnout at {#crowd}.",
                "The interior ministry said {#crowd} people took part.",
            ],
            &[
                "{#arrests} people were detained.",
                "Police said they had made {#arrests} arrests.",
                "Officers detained {#arrests} protesters.",
            ],
            &[
                "{#injured} people, including police officers, were injured.",
                "Medics treated {#injured} injured people.",
                "The number of injured stood at {#injured}.",
            ],
        ],
        quotes: &[
            ("org", "We will keep coming back until {issue} is withdrawn"),
            ("police", "The vast majority of protesters were peaceful"),
            ("min", "Violence will not be tolerated"),
            (
                "marcher",
                "I have never protested before, but this time I had to",
            ),
        ],
    }],
    context: &[
        &[
            "The government says {issue} is needed to balance the budget.",
            "Ministers have defended {issue} as necessary.",
            "The government has refused to back down on {issue}.",
        ],
        &[
            "The {org} has organized protests in several cities.",
            "The movement has spread to other cities in {country}.",
            "Unions and student groups have joined the protests.",
        ],
    ],
    followup: &[
        &[
            "Protests began {since}.",
            "The protest movement has grown since {since_bare}.",
            "Demonstrations started {since}.",
        ],
        &[
            "The last large protest took place {prev}.",
            "A previous march was held {prev}.",
            "Protesters last gathered {prev}.",
        ],
    ],
};

/// Generic background sentences, any domain: they pad long articles.
pub(crate) const EXPLAINERS: &[&[&str]] = &[
    &[
        "The question of {issue} has featured prominently in public debate in {country}, where opinion is sharply divided.",
        "Public opinion in {country} remains split on {issue}, according to recent surveys.",
        "Polls suggest that {cadj} voters are deeply divided over {issue}.",
    ],
    &[
        "Opposition politicians accused the government of mishandling {issue} and demanded a debate in parliament.",
        "Opposition lawmakers called for an urgent parliamentary session [on the matter|to discuss the developments].",
        "Critics in parliament said the government had been [slow|too slow] to act [on {issue}|and had ignored warnings].",
    ],
    &[
        "Local media in {city} reported long queues at government offices as residents sought information.",
        "Residents of {city} described a mood of uncertainty [in the city|on the streets].",
        "In {city}, many residents said they were waiting to see what would happen next.",
    ],
    &[
        "The government has said it will publish a detailed plan within weeks.",
        "Ministers have promised a full review [of the situation|of what went wrong].",
        "A government review is expected to report [by the end of the year|within months].",
    ],
    &[
        "Economists warned that the uncertainty could weigh on investment [and hiring|in the months ahead].",
        "Business groups said [prolonged|continued] uncertainty was bad for investment.",
        "Some investors have held back, waiting for clarity [from the authorities|on what comes next].",
    ],
    &[
        "International partners have urged [calm|restraint] and called for dialogue.",
        "The European Union said it was following developments [closely|with concern].",
        "The United Nations called on all sides to act responsibly.",
    ],
    &[
        "Social media was flooded with images and videos from {city}.",
        "Videos shared online showed crowds gathering in central {city}.",
        "Images circulating on social media could not be immediately verified.",
    ],
    &[
        "Newspapers in {capital} devoted their front pages to the news.",
        "The story led evening news bulletins across {country}.",
        "{cadj} television channels carried [live coverage|extended reports] throughout the day.",
    ],
    &[
        "The issue is likely to remain on the political agenda for months.",
        "Analysts expect the debate to continue well into next year.",
        "Few expect the matter to be settled quickly.",
    ],
    &[
        "Officials declined to say how long the process would take.",
        "No timetable was given [for the next steps|by the authorities].",
        "It was unclear how long [the process|any of this] would take.",
    ],
    &[
        "Earlier, officials had played down expectations.",
        "Expectations had been modest beforehand, according to people familiar with the matter.",
        "In the days before, officials had sought to lower expectations.",
    ],
    &[
        "Regional leaders have been consulted, according to a person with knowledge of the discussions who asked not to be named.",
        "A senior official, speaking on condition of anonymity, said several options were still being considered.",
        "People familiar with the matter said further announcements were possible [this month|in the coming weeks].",
    ],
    &[
        "The developments come at a sensitive time for the government, which faces [elections next year|slumping approval ratings].",
        "The government's approval ratings have fallen [in recent months|since the start of the year].",
        "The timing is awkward for the government, which is already under pressure over {issue}.",
    ],
    &[
        "Trade unions and employer groups have both said they want to be consulted.",
        "Civil society groups said they had not been consulted [in advance|before the announcement].",
        "Several groups said they would study the details before commenting.",
    ],
];

/// Short sentences that follow a quote.
pub(crate) const AFTER_QUOTE: &[&str] = &[
    "{who} did not elaborate.",
    "{who} did not give further details.",
    "{who} declined to take questions.",
    "{who} gave no timetable.",
    "{who} did not say what would happen next.",
];
