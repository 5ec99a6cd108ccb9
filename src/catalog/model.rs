//! The validated deck and plan model: what the rest of `tafel` works with.
//! Parsing and validation live in `parse/`; these types are always valid.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub language: String,
    pub source: Option<String>,
    pub license: Option<String>,
    pub categories: Vec<Category>,
    pub cards: Vec<Card>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub category: String,
    pub title: String,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How the card is worked on (`form`: one of `CARD_FORMS`); `None`: any way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// A suggested time for the card, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// The forms of work a card may name, with their words for the screen.
pub const CARD_FORMS: [&str; 4] = ["beurt", "groep", "stil-schrijven", "tweetallen"];

/// "om de beurt", "met de hele groep", … for a card's `form`.
pub fn form_label(form: &str) -> String {
    match form {
        "beurt" => crate::tr!("om de beurt", "turn by turn"),
        "groep" => crate::tr!("met de hele groep", "as a whole group"),
        "stil-schrijven" => crate::tr!("eerst stil schrijven", "silent writing first"),
        "tweetallen" => crate::tr!("in tweetallen", "in pairs"),
        other => other.to_string(),
    }
}

impl Deck {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

/// The tag of a card that is hard to answer with a manager in the room. Such a card has a
/// facilitator's `hint`, and a plan's draw must say whether it deals these cards (`with`)
/// or leaves them out (`without`); `tafel check` reports a draw that would deal them blind.
pub const SAFETY_TAG: &str = "veiligheid";

impl Card {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// How the card is meant to be used, in words: "om de beurt · ± 5 min"; `None` when
    /// the card says neither.
    pub fn usage(&self) -> Option<String> {
        let mut parts: Vec<String> = self.form.as_deref().map(form_label).into_iter().collect();
        if let Some(minutes) = self.minutes {
            parts.push(crate::tr!("± {minutes} minuten", "± {minutes} minutes"));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Decks the plan draws from; empty means "works with any deck".
    pub decks: Vec<String>,
    pub rounds: Vec<Round>,
    /// The facilitator's description of the werkvorm (all optional). Boxed: a plan is
    /// copied into every session's first event, which should stay small when it is unused.
    #[serde(default, skip_serializing_if = "guide_is_empty")]
    pub guide: Box<Guide>,
    /// The number of participants the scaled rounds' lengths were resolved for (set when a
    /// session starts, so the copy in the journal says it); `None`: the nominal group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_for: Option<u32>,
}

/// A werkvorm described the way Dutch werkvorm collections do: doel, voor wie, wat je nodig
/// hebt, groepsgrootte, tips, variaties. The duration is the sum of the rounds; the rounds
/// are the approach (aanpak).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// Doel: what the session yields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Voor wie / bruikbaar bij.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Groepsgrootte: the number of participants it works for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_size: Option<GroupSize>,
    /// Wat je nodig hebt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tips: Vec<String>,
    /// Variaties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variations: Vec<String>,
}

impl Guide {
    pub fn is_empty(&self) -> bool {
        self == &Guide::default()
    }
}

fn guide_is_empty(guide: &Guide) -> bool {
    guide.is_empty()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSize {
    pub min: u32,
    pub max: u32,
}

impl std::fmt::Display for GroupSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub title: String,
    /// For a round that scales with the group: its length resolved for the participants
    /// (see `Scale` and `Plan::resolved`).
    pub length: RoundLength,
    /// How the length grows with the group (`per_person`, `min_minutes`, `max_minutes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    pub instruction: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<DrawSpec>,
    #[serde(default)]
    pub turns: bool,
    /// The turn passes from team to team rather than from person to person
    /// (`turns = "team"`, after a teams round); only with `turns`. Absent in journals written
    /// before teams had turns.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub team_turns: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// What the round is for; a talk round (cards, turns, notes) unless the plan says
    /// otherwise. Absent in journals written before rounds had kinds.
    #[serde(default, skip_serializing_if = "RoundKind::is_talk")]
    pub kind: RoundKind,
}

impl Round {
    /// A plain talk round of `length`: no cards, turns, roles or instruction (a round added
    /// during a session, a new round in the builder).
    pub fn plain(title: String, length: RoundLength) -> Round {
        Round {
            title,
            length,
            scale: None,
            instruction: String::new(),
            draw: None,
            turns: false,
            team_turns: false,
            roles: Vec::new(),
            kind: RoundKind::default(),
        }
    }
}

/// The kinds of round a plan can hold (issue 10).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// Cards, turns, roles and notes: the round tafel always had.
    #[default]
    Talk,
    /// Each participant's preference style is recorded.
    Styles,
    /// The participants are split into teams.
    Teams(TeamSpec),
    /// The participants vote on options.
    Vote(VoteSpec),
}

impl RoundKind {
    pub fn is_talk(&self) -> bool {
        matches!(self, RoundKind::Talk)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamCount {
    /// Teams of about this many people.
    Size(u32),
    /// This many teams.
    Teams(u32),
}

/// How many teams `people` participants work in during round `index` of `rounds`: the split
/// of the last teams round up to and including it, else of the first teams round after it.
/// `None`: no teams round.
pub fn teams_for_round<'a>(
    rounds: impl Iterator<Item = &'a Round>,
    index: usize,
    people: u32,
) -> Option<u32> {
    let specs: Vec<Option<TeamSpec>> = rounds
        .map(|round| match round.kind {
            RoundKind::Teams(spec) => Some(spec),
            _ => None,
        })
        .collect();
    let before = specs.iter().take(index + 1).rev().find_map(|s| *s);
    let spec = before.or_else(|| specs.iter().skip(index + 1).find_map(|s| *s))?;
    Some(spec.count.teams_for(people))
}

/// "1 team", "3 teams".
pub fn teams_text(teams: u32) -> String {
    match teams {
        1 => crate::tr!("1 team", "1 team"),
        n => crate::tr!("{n} teams", "{n} teams"),
    }
}

impl TeamCount {
    /// How many teams this makes of `people` participants (at least one, at most one per
    /// person).
    pub fn teams_for(self, people: u32) -> u32 {
        let teams = match self {
            TeamCount::Teams(k) => k,
            TeamCount::Size(size) => people.div_ceil(size.max(1)),
        };
        teams.clamp(1, people.max(1))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSpec {
    pub count: TeamCount,
    /// Spread the preference styles over the teams (else: at random).
    pub mix: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteSpec {
    /// Options typed into the plan; empty: the notes of the earlier rounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Dots (or points) each participant has.
    pub budget: u32,
    /// At most this many dots on one option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_option: Option<u32>,
    /// Points to distribute (100 over N options) rather than dots: typed as numbers.
    #[serde(default)]
    pub points: bool,
    /// Where options come from when none are typed; empty: the notes (the default, and what
    /// plans copied into journals before this setting mean).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<VoteSource>,
}

impl VoteSpec {
    /// `n` in the vote's own unit: "1 stip", "3 stippen", or "1 punt", "30 punten".
    pub fn amount(&self, n: u32) -> String {
        match (self.points, n) {
            (true, 1) => crate::tr!("1 punt", "1 point"),
            (true, _) => crate::tr!("{n} punten", "{n} points"),
            (false, 1) => crate::tr!("1 stip", "1 dot"),
            (false, _) => crate::tr!("{n} stippen", "{n} dots"),
        }
    }
}

/// A source of a vote's options (`from = ["notes", "cards"]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteSource {
    /// The notes of the earlier rounds: the themes they were grouped into, and each note in
    /// no theme.
    Notes,
    /// The cards on the table when each earlier round ended (the cards that were discussed).
    Cards,
}

impl VoteSource {
    pub const NAMES: [&str; 2] = ["notes", "cards"];

    pub fn from_name(name: &str) -> Option<VoteSource> {
        match name {
            "notes" => Some(VoteSource::Notes),
            "cards" => Some(VoteSource::Cards),
            _ => None,
        }
    }
}

/// A round whose length depends on the group: a fixed part plus a time per person or per
/// team, rounded up to whole minutes and kept between an optional minimum and maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// The fixed part (`minutes`), in minutes; may be 0.
    pub base_minutes: u32,
    /// `per_person = 1.25` is 75 seconds; 0 in a round that grows per team.
    pub per_person_seconds: u32,
    /// `per_team = 4` is 240 seconds: each team reports back, say. The number of teams comes
    /// from the plan's teams round (see [`Plan::teams_for_round`]). Absent in journals
    /// written before rounds could grow per team.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub per_team_seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_minutes: Option<u32>,
}

/// The group a plan's scaled rounds are shown for when no number is known: 8 people, or the
/// nearest size the plan is made for.
pub const NOMINAL_GROUP: u32 = 8;

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Scale {
    /// Whole minutes for `people` participants in `teams` teams.
    pub fn minutes_for(&self, people: u32, teams: u32) -> u32 {
        let seconds = self.base_minutes * 60
            + self.per_person_seconds * people
            + self.per_team_seconds * teams;
        let mut minutes = seconds.div_ceil(60);
        if let Some(min) = self.min_minutes {
            minutes = minutes.max(min);
        }
        if let Some(max) = self.max_minutes {
            minutes = minutes.min(max);
        }
        minutes.clamp(1, crate::rules::MAX_ROUND_MINUTES)
    }

    /// Whether the round grows per team rather than per person.
    pub fn per_team(&self) -> bool {
        self.per_team_seconds > 0
    }

    /// `per_person` as written in a plan: "1.25".
    pub fn per_person_text(&self) -> String {
        minutes_text(self.per_person_seconds)
    }

    /// `per_team` as written in a plan: "4.0".
    pub fn per_team_text(&self) -> String {
        minutes_text(self.per_team_seconds)
    }

    /// "3 min + 75 s per persoon, hooguit 25 min" or "2 min + 4 min per team": how the
    /// length is made, for a facilitator.
    pub fn describe(&self) -> String {
        let growth = if self.per_team() {
            let per = minutes_text(self.per_team_seconds);
            let per = per.strip_suffix(".0").unwrap_or(&per).to_string();
            // Dutch writes a decimal comma: "1,5 min".
            let per_nl = per.replace('.', ",");
            crate::tr!("{per_nl} min voor elk team", "{per} min per team")
        } else {
            let seconds = self.per_person_seconds;
            crate::tr!("{seconds} s per persoon", "{seconds} s per person")
        };
        let mut text = if self.base_minutes > 0 {
            format!("{} min + {growth}", self.base_minutes)
        } else {
            growth
        };
        match (self.min_minutes, self.max_minutes) {
            (Some(min), Some(max)) => text.push_str(&format!(", {min}–{max} min")),
            (Some(min), None) => {
                text.push_str(&crate::tr!(", minstens {min} min", ", at least {min} min"))
            }
            (None, Some(max)) => {
                text.push_str(&crate::tr!(", hooguit {max} min", ", at most {max} min"))
            }
            (None, None) => {}
        }
        text
    }
}

/// Seconds as minutes written in a plan: 75 → "1.25", 240 → "4.0".
fn minutes_text(seconds: u32) -> String {
    let minutes = f64::from(seconds) / 60.0;
    let text = format!("{minutes:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.contains('.') {
        text.to_string()
    } else {
        format!("{text}.0")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundLength {
    Minutes(u32),
    /// Runs until a wall-clock time of the day ("tot 14:30").
    Until(NaiveTime),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawSpec {
    /// `None`: the session's deck (the plan's first deck, or the one chosen at start).
    pub deck: Option<String>,
    pub category: Option<String>,
    pub count: u32,
    /// Only cards with at least one of these tags (empty: no such limit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// Never cards with one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub without: Vec<String>,
    /// Only cards for this form of work, or cards that name none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// In a turn round: everyone draws a card of their own in their turn, so the largest
    /// group the plan is made for needs that many cards.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub each: bool,
}

impl DrawSpec {
    /// Whether the tags of `card` let this draw deal it (the category is checked apart).
    pub fn admits_tags(&self, card: &Card) -> bool {
        (self.with.is_empty() || self.with.iter().any(|t| card.has_tag(t)))
            && !self.without.iter().any(|t| card.has_tag(t))
            && (self.form.is_none() || card.form.is_none() || card.form == self.form)
    }

    /// Whether this draw can deal `card`: its category and its tags.
    pub fn admits(&self, card: &Card) -> bool {
        self.category.as_ref().is_none_or(|c| &card.category == c) && self.admits_tags(card)
    }

    /// Whether the draw says what it does with `tag`: deals it on purpose or leaves it out.
    pub fn names_tag(&self, tag: &str) -> bool {
        self.with.iter().chain(&self.without).any(|t| t == tag)
    }
}

impl Plan {
    /// Minutes of the rounds with a fixed length; rounds that run until a clock time
    /// are counted by `until_rounds`.
    pub fn total_minutes(&self) -> u32 {
        self.rounds
            .iter()
            .map(|r| match r.length {
                RoundLength::Minutes(m) => m,
                RoundLength::Until(_) => 0,
            })
            .sum()
    }

    /// The plan with every scaled round's length resolved for `people` participants.
    pub fn resolved(&self, people: u32) -> Plan {
        let mut plan = self.clone();
        plan.resolve_lengths(people);
        plan.resolved_for = Some(people);
        plan
    }

    /// Gives every scaled round its length for `people` participants (in the teams the
    /// plan's teams round makes of them).
    pub fn resolve_lengths(&mut self, people: u32) {
        for index in 0..self.rounds.len() {
            if let Some(scale) = self.rounds[index].scale {
                let teams = self.teams_for_round(index, people).unwrap_or(0);
                self.rounds[index].length = RoundLength::Minutes(scale.minutes_for(people, teams));
            }
        }
    }

    /// How many teams `people` participants work in during round `index`: the split of the
    /// last teams round up to and including it, else of the first teams round after it.
    /// `None`: the plan has no teams round.
    pub fn teams_for_round(&self, index: usize, people: u32) -> Option<u32> {
        teams_for_round(self.rounds.iter(), index, people)
    }

    /// Whether some round's length depends on the group.
    pub fn scales(&self) -> bool {
        self.rounds.iter().any(|r| r.scale.is_some())
    }

    /// The group the plan is shown for when no number is known (`NOMINAL_GROUP`, kept
    /// inside the plan's group size).
    pub fn nominal_group(&self) -> u32 {
        match self.guide.group_size {
            Some(size) => NOMINAL_GROUP.clamp(size.min, size.max),
            None => NOMINAL_GROUP,
        }
    }

    /// The total of the fixed-length rounds for `people` participants.
    pub fn total_minutes_for(&self, people: u32) -> u32 {
        self.resolved(people).total_minutes()
    }

    /// Words when `people` does not fit the plan's group size, else `None`.
    pub fn group_warning(&self, people: u32) -> Option<String> {
        let size = self.guide.group_size?;
        if people > size.max {
            Some(crate::tr!(
                "deze werkvorm is gemaakt voor hooguit {} deelnemers; met {people} worden rondes lang en krijgt niet iedereen een beurt of kaart",
                "this plan is made for at most {} participants; with {people} rounds grow long and not everyone gets a turn or a card",
                size.max
            ))
        } else if people < size.min {
            Some(crate::tr!(
                "deze werkvorm is gemaakt voor minstens {} deelnemers; met {people} wordt het gesprek dun",
                "this plan is made for at least {} participants; with {people} the conversation runs thin",
                size.min
            ))
        } else {
            None
        }
    }

    pub fn until_rounds(&self) -> usize {
        self.rounds
            .iter()
            .filter(|r| matches!(r.length, RoundLength::Until(_)))
            .count()
    }
}
