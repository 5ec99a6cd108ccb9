//! The plan builder: make a werkvorm without writing TOML. A new plan, a copy of any plan,
//! or an own plan edited in place.
//!
//! Like the session app and the home screen it is a pure state machine: keys, pastes and the
//! time of day go in, and at most one [`Outcome`] comes out (save this text there, or leave).
//! It reads no files and no clock; `store` writes, `ui::builder` draws.

pub mod keymap;
pub mod store;

use std::path::PathBuf;

use crate::keys::KeyEvent;
use chrono::{NaiveTime, Timelike};
use keymap::{BUILDER, BuilderKey, LEAVE, PLAN, ROUND, ROUNDS};

use crate::app::Status;
use crate::catalog::kinds::{DEFAULT_DOTS, DEFAULT_POINTS};
use crate::catalog::library::Origin;
use crate::catalog::parse::{self, Parsed, is_valid_id, parse_clock_time};
use crate::catalog::timing::clock_times;
use crate::catalog::write::update_plan_toml;
use crate::catalog::{
    CARD_FORMS, DrawSpec, GroupSize, Library, Plan, Round, RoundKind, RoundLength, Scale,
    TeamCount, TeamSpec, VoteSource, VoteSpec, form_label,
};
use crate::input::{LineInput, MultiLineInput};
use crate::tr;

const TITLE_CHARS: usize = 80;
const LINE_CHARS: usize = 400;
const NUMBER_CHARS: usize = 6;
/// The longest instruction, in characters.
pub const INSTRUCTION_CHARS: usize = 2000;

/// What to build from: a new plan, a copy of any plan, or an own plan edited (by id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    New,
    Copy(String),
    Edit(String),
}

#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
}

/// What the shell is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Write `text` to `path` (a new file must not overwrite one), then [`Builder::saved`].
    Save {
        path: PathBuf,
        text: String,
        new_file: bool,
    },
    /// Back to the home screen; `saved` is the id of the plan saved, if any.
    Close { saved: Option<String> },
}

/// Where the plan goes when it is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new file `<id>.toml` in this directory (the user's own decks directory).
    New { dir: PathBuf },
    /// An own file, edited in place: its text as it was read, so comments survive.
    Own { path: PathBuf, original: String },
}

/// How a round's length is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthKind {
    Minutes,
    PerPerson,
    /// A fixed part plus minutes per team (the teams of the plan's teams round).
    PerTeam,
    Until,
}

pub const LENGTH_KINDS: [LengthKind; 4] = [
    LengthKind::Minutes,
    LengthKind::PerPerson,
    LengthKind::PerTeam,
    LengthKind::Until,
];

/// What kind of round it is (`kind` in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Talk,
    Styles,
    Teams,
    Vote,
}

pub const SORTS: [Sort; 4] = [Sort::Talk, Sort::Styles, Sort::Teams, Sort::Vote];

/// One round as the form holds it: texts as typed, choices as indexes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundForm {
    pub title: LineInput,
    pub kind: LengthKind,
    /// The length, or the fixed part of a round per person or per team.
    pub minutes: LineInput,
    pub per_person: LineInput,
    pub per_team: LineInput,
    pub max_minutes: LineInput,
    pub until: LineInput,
    pub instruction: MultiLineInput,
    /// `None`: no cards. `Some(None)`: the session's deck. `Some(Some(id))`: that deck.
    pub deck: Option<Option<String>>,
    pub category: Option<String>,
    pub count: u32,
    pub form: Option<String>,
    pub turns: bool,
    /// The turn goes from team to team (`turns = "team"`).
    pub team_turns: bool,
    pub each: bool,
    pub roles: LineInput,
    /// What the round had that the form does not show (tag filters), kept as it was.
    with: Vec<String>,
    without: Vec<String>,
    min_minutes: Option<u32>,
    /// The round's kind (`kind`): talk, styles, teams or vote.
    pub sort: Sort,
    /// Teams: `true` a number of teams (`count`), `false` people per team (`size`).
    pub team_count: bool,
    pub team_number: LineInput,
    pub team_mix: bool,
    /// Vote: points (`points`) rather than dots (`dots`), and how many each person has.
    pub vote_points: bool,
    pub vote_budget: LineInput,
    /// Typed options, comma-separated; empty: the group votes on the notes (or `from`).
    pub vote_options: LineInput,
    /// At most this many dots or points on one option; empty: no limit.
    pub vote_max: LineInput,
    /// Where options come from when none are typed (`from`).
    pub vote_from: Vec<VoteSource>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundField {
    Title,
    /// The kind of round (talk, styles, teams, vote).
    Sort,
    TeamBy,
    TeamNumber,
    TeamMix,
    VoteBy,
    VoteBudget,
    VoteMax,
    VoteOptions,
    VoteFrom,
    Kind,
    Minutes,
    PerPerson,
    PerTeam,
    MaxMinutes,
    Until,
    Instruction,
    Deck,
    Category,
    Count,
    Form,
    Turns,
    Each,
    Roles,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    Title,
    Id,
    Description,
    GroupMin,
    GroupMax,
    People,
    Start,
}

pub const PLAN_FIELDS: [PlanField; 7] = [
    PlanField::Title,
    PlanField::Id,
    PlanField::Description,
    PlanField::GroupMin,
    PlanField::GroupMax,
    PlanField::People,
    PlanField::Start,
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Rounds {
        selected: usize,
    },
    Round {
        index: usize,
        field: RoundField,
    },
    Plan {
        field: PlanField,
    },
    /// Leave without saving? (`j` leaves, anything else stays.)
    ConfirmLeave,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanForm {
    pub title: LineInput,
    pub id: LineInput,
    pub description: LineInput,
    pub group_min: LineInput,
    pub group_max: LineInput,
    /// Not saved: the group the totals and clock times are shown for.
    pub people: LineInput,
    /// Not saved: when the session starts, for clock times ("13:30"; empty: now).
    pub start: LineInput,
}

#[derive(Debug)]
pub struct Builder<'a> {
    library: &'a Library,
    /// The plan as it was opened (its guide and decks are kept).
    base: Plan,
    pub plan: PlanForm,
    pub rounds: Vec<RoundForm>,
    /// For each round, its index in the file as it was opened (`None`: new).
    origins: Vec<Option<usize>>,
    pub target: Target,
    pub view: View,
    pub status: Option<Status>,
    /// The key help of the view is shown (F1); any key closes it.
    pub help: bool,
    /// Changed since it was opened or last saved.
    pub dirty: bool,
    /// The id saved last, reported when leaving.
    saved: Option<String>,
    /// The time of day of the last input, for clock times without a start.
    now: NaiveTime,
}

impl RoundForm {
    pub fn new() -> RoundForm {
        RoundForm::from_round(&Round {
            title: tr!("Nieuwe ronde", "New round"),
            kind: Default::default(),
            length: RoundLength::Minutes(10),
            scale: None,
            instruction: String::new(),
            draw: None,
            turns: false,
            team_turns: false,
            roles: Vec::new(),
        })
    }

    pub fn from_round(round: &Round) -> RoundForm {
        let number = |n: u32| LineInput::new(&n.to_string(), NUMBER_CHARS);
        let empty = || LineInput::new("", NUMBER_CHARS);
        // Per person and per team start at a minute, or at what the round says.
        let minute = || LineInput::new("1.0", NUMBER_CHARS);
        let (mut per_person, mut per_team) = (minute(), minute());
        let (kind, minutes, max_minutes, until, min_minutes) = match (round.scale, round.length) {
            (Some(scale), _) => {
                let kind = if scale.per_team() {
                    per_team = LineInput::new(&scale.per_team_text(), NUMBER_CHARS);
                    LengthKind::PerTeam
                } else {
                    per_person = LineInput::new(&scale.per_person_text(), NUMBER_CHARS);
                    LengthKind::PerPerson
                };
                (
                    kind,
                    number(scale.base_minutes),
                    scale.max_minutes.map_or_else(empty, number),
                    empty(),
                    scale.min_minutes,
                )
            }
            (None, RoundLength::Minutes(m)) => {
                (LengthKind::Minutes, number(m), empty(), empty(), None)
            }
            (None, RoundLength::Until(t)) => (
                LengthKind::Until,
                number(10),
                empty(),
                LineInput::new(&t.format("%H:%M").to_string(), NUMBER_CHARS),
                None,
            ),
        };
        let draw = round.draw.as_ref();
        let (sort, teams, vote) = match &round.kind {
            RoundKind::Talk => (Sort::Talk, None, None),
            RoundKind::Styles => (Sort::Styles, None, None),
            RoundKind::Teams(spec) => (Sort::Teams, Some(*spec), None),
            RoundKind::Vote(spec) => (Sort::Vote, None, Some(spec)),
        };
        let (team_count, team_number) = match teams.map(|t| t.count) {
            Some(TeamCount::Teams(n)) => (true, n),
            Some(TeamCount::Size(n)) => (false, n),
            None => (false, 3),
        };
        RoundForm {
            title: LineInput::new(&round.title, TITLE_CHARS),
            kind,
            minutes,
            per_person,
            per_team,
            max_minutes,
            until,
            instruction: MultiLineInput::new(&round.instruction, INSTRUCTION_CHARS),
            deck: draw.map(|d| d.deck.clone()),
            category: draw.and_then(|d| d.category.clone()),
            count: draw.map_or(1, |d| d.count),
            form: draw.and_then(|d| d.form.clone()),
            turns: round.turns,
            team_turns: round.turns && round.team_turns,
            each: draw.is_some_and(|d| d.each),
            roles: LineInput::new(&round.roles.join(", "), LINE_CHARS),
            with: draw.map(|d| d.with.clone()).unwrap_or_default(),
            without: draw.map(|d| d.without.clone()).unwrap_or_default(),
            min_minutes,
            sort,
            team_count,
            team_number: number(team_number),
            team_mix: teams.is_some_and(|t| t.mix),
            vote_points: vote.is_some_and(|v| v.points),
            vote_budget: number(vote.map_or(DEFAULT_DOTS, |v| v.budget)),
            vote_options: LineInput::new(
                &vote.map(|v| v.options.join(", ")).unwrap_or_default(),
                LINE_CHARS,
            ),
            vote_max: vote
                .and_then(|v| v.max_per_option)
                .map_or_else(empty, number),
            vote_from: vote.map(|v| v.from.clone()).unwrap_or_default(),
        }
    }

    /// The one-line field behind `field`, if it is one (not a choice or the instruction).
    pub fn line_input(&mut self, field: RoundField) -> Option<&mut LineInput> {
        Some(match field {
            RoundField::Title => &mut self.title,
            RoundField::Minutes => &mut self.minutes,
            RoundField::PerPerson => &mut self.per_person,
            RoundField::PerTeam => &mut self.per_team,
            RoundField::MaxMinutes => &mut self.max_minutes,
            RoundField::Until => &mut self.until,
            RoundField::Roles => &mut self.roles,
            RoundField::TeamNumber => &mut self.team_number,
            RoundField::VoteBudget => &mut self.vote_budget,
            RoundField::VoteMax => &mut self.vote_max,
            RoundField::VoteOptions => &mut self.vote_options,
            _ => return None,
        })
    }

    /// The fields the form shows for this round, in order: those of its kind, its length,
    /// the instruction, and for a talk round the cards, turns and roles.
    pub fn fields(&self) -> Vec<RoundField> {
        let mut fields = vec![RoundField::Title, RoundField::Sort];
        match self.sort {
            Sort::Talk | Sort::Styles => {}
            Sort::Teams => fields.extend([
                RoundField::TeamBy,
                RoundField::TeamNumber,
                RoundField::TeamMix,
            ]),
            Sort::Vote => {
                fields.extend([
                    RoundField::VoteBy,
                    RoundField::VoteBudget,
                    RoundField::VoteMax,
                    RoundField::VoteOptions,
                ]);
                // Where options come from matters only when none are typed.
                if self.vote_options.text().trim().is_empty() {
                    fields.push(RoundField::VoteFrom);
                }
            }
        }
        fields.push(RoundField::Kind);
        match self.kind {
            LengthKind::Minutes => fields.push(RoundField::Minutes),
            LengthKind::PerPerson => fields.extend([
                RoundField::Minutes,
                RoundField::PerPerson,
                RoundField::MaxMinutes,
            ]),
            LengthKind::PerTeam => fields.extend([
                RoundField::Minutes,
                RoundField::PerTeam,
                RoundField::MaxMinutes,
            ]),
            LengthKind::Until => fields.push(RoundField::Until),
        }
        fields.push(RoundField::Instruction);
        if self.sort != Sort::Talk {
            return fields;
        }
        fields.push(RoundField::Deck);
        if self.deck.is_some() {
            fields.extend([RoundField::Category, RoundField::Count, RoundField::Form]);
        }
        fields.push(RoundField::Turns);
        if self.deck.is_some() && self.turns {
            fields.push(RoundField::Each);
        }
        fields.push(RoundField::Roles);
        fields
    }

    /// The round as the model has it, and the mistakes in typed numbers (in words).
    pub fn round(&self, number: usize, problems: &mut Vec<String>) -> Round {
        let mut wrong = |field: String, text: &str| {
            problems.push(tr!(
                "Ronde {number}: {field} `{text}` is geen getal",
                "Round {number}: {field} `{text}` is not a number"
            ))
        };
        let whole = |input: &LineInput, field: String, wrong: &mut dyn FnMut(String, &str)| {
            let text = input.text().trim();
            if text.is_empty() {
                return None;
            }
            match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    wrong(field, text);
                    None
                }
            }
        };
        let (length, scale) = match self.kind {
            LengthKind::Minutes => {
                let m = whole(&self.minutes, tr!("minuten", "minutes"), &mut wrong).unwrap_or(0);
                (RoundLength::Minutes(m), None)
            }
            LengthKind::PerPerson | LengthKind::PerTeam => {
                let base =
                    whole(&self.minutes, tr!("vast deel", "fixed part"), &mut wrong).unwrap_or(0);
                let per_team = self.kind == LengthKind::PerTeam;
                let (input, field) = if per_team {
                    (&self.per_team, tr!("per team", "per team"))
                } else {
                    (&self.per_person, tr!("per persoon", "per person"))
                };
                let text = input.text().trim().replace(',', ".");
                let per = match text.parse::<f64>() {
                    Ok(p) => p,
                    Err(_) => {
                        wrong(field, &text);
                        1.0
                    }
                };
                let max = whole(&self.max_minutes, tr!("hooguit", "at most"), &mut wrong);
                // Out of range stays out of range, so `tafel check` names it rather than the
                // form quietly changing it.
                let seconds = (per.clamp(0.0, 1000.0) * 60.0).round() as u32;
                let scale = Scale {
                    base_minutes: base,
                    per_person_seconds: if per_team { 0 } else { seconds },
                    per_team_seconds: if per_team { seconds } else { 0 },
                    min_minutes: self.min_minutes,
                    max_minutes: max,
                };
                (RoundLength::Minutes(scale.minutes_for(8, 0)), Some(scale))
            }
            LengthKind::Until => match parse_clock_time(self.until.text()) {
                Some(time) => (RoundLength::Until(time), None),
                None => {
                    let text = self.until.text();
                    problems.push(tr!(
                        "Ronde {number}: tot `{text}` is geen kloktijd; typ bijvoorbeeld 14:30",
                        "Round {number}: until `{text}` is not a clock time; type for example 14:30"
                    ));
                    (RoundLength::Until(NaiveTime::MIN), None)
                }
            },
        };
        let kind = self.round_kind(number, problems);
        // Cards, turns and roles belong to a talk round: another kind does not keep them
        // (the form holds them, so going back to talk brings them back).
        let talk = self.sort == Sort::Talk;
        let draw = self.deck.as_ref().filter(|_| talk).map(|deck| DrawSpec {
            deck: deck.clone(),
            category: self.category.clone(),
            count: self.count,
            with: self.with.clone(),
            without: self.without.clone(),
            form: self.form.clone(),
            each: self.each && self.turns,
        });
        Round {
            title: self.title.text().trim().to_string(),
            kind,
            length,
            scale,
            instruction: self.instruction.text().trim().to_string(),
            draw,
            turns: self.turns && talk,
            team_turns: self.turns && self.team_turns && talk,
            roles: if talk { self.roles() } else { Vec::new() },
        }
    }

    fn roles(&self) -> Vec<String> {
        self.roles
            .text()
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Whether the form holds cards, turns or roles that a round of this kind does not keep.
    pub fn drops_talk_settings(&self) -> bool {
        self.sort != Sort::Talk && (self.deck.is_some() || self.turns || !self.roles().is_empty())
    }
}

impl RoundForm {
    /// The kind as the model has it; an empty or wrong number is a problem in words.
    fn round_kind(&self, number: usize, problems: &mut Vec<String>) -> RoundKind {
        let mut whole = |input: &LineInput, field: String, fallback: u32| {
            let text = input.text().trim();
            match text.parse::<u32>() {
                Ok(n) => n,
                Err(_) if text.is_empty() => {
                    problems.push(tr!(
                        "Ronde {number}: {field} is leeg; typ een getal",
                        "Round {number}: {field} is empty; type a number"
                    ));
                    fallback
                }
                Err(_) => {
                    problems.push(tr!(
                        "Ronde {number}: {field} `{text}` is geen getal",
                        "Round {number}: {field} `{text}` is not a number"
                    ));
                    fallback
                }
            }
        };
        match self.sort {
            Sort::Talk => RoundKind::Talk,
            Sort::Styles => RoundKind::Styles,
            Sort::Teams => {
                let n = whole(&self.team_number, team_by_label(self.team_count), 3);
                RoundKind::Teams(TeamSpec {
                    count: if self.team_count {
                        TeamCount::Teams(n)
                    } else {
                        TeamCount::Size(n)
                    },
                    mix: self.team_mix,
                })
            }
            Sort::Vote => {
                let fallback = if self.vote_points {
                    DEFAULT_POINTS
                } else {
                    DEFAULT_DOTS
                };
                let budget = whole(&self.vote_budget, vote_by_label(self.vote_points), fallback);
                let max_per_option = if self.vote_max.text().trim().is_empty() {
                    None
                } else {
                    Some(whole(
                        &self.vote_max,
                        tr!("hooguit per optie", "at most per option"),
                        1,
                    ))
                };
                let options: Vec<String> = self
                    .vote_options
                    .text()
                    .split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_string)
                    .collect();
                RoundKind::Vote(VoteSpec {
                    from: if options.is_empty() {
                        self.vote_from.clone()
                    } else {
                        Vec::new()
                    },
                    options,
                    budget,
                    max_per_option,
                    points: self.vote_points,
                })
            }
        }
    }
}

impl Default for RoundForm {
    fn default() -> Self {
        RoundForm::new()
    }
}

impl<'a> Builder<'a> {
    /// A new plan, saved in `dir`.
    pub fn new_plan(library: &'a Library, dir: PathBuf, now: NaiveTime) -> Builder<'a> {
        let plan = Plan {
            id: unique_id(library, "mijn-werkvorm"),
            title: tr!("Mijn werkvorm", "My plan"),
            description: tr!(
                "Wat het oplevert en voor wie.",
                "What it yields and for whom."
            ),
            decks: Vec::new(),
            rounds: vec![RoundForm::new().round(1, &mut Vec::new())],
            guide: Box::default(),
            resolved_for: None,
        };
        Builder::open(library, plan, Target::New { dir }, now)
    }

    /// A copy of `plan` (bundled or own), saved as a new file in `dir`.
    pub fn copy_of(library: &'a Library, plan: &Plan, dir: PathBuf, now: NaiveTime) -> Builder<'a> {
        let mut copy = plan.clone();
        copy.id = unique_id(library, &format!("{}-eigen", plan.id));
        copy.title = tr!("{} (eigen versie)", "{} (own version)", plan.title);
        copy.resolved_for = None;
        Builder::open(library, copy, Target::New { dir }, now)
    }

    /// An own plan, edited in its file (`original` is the file's text).
    pub fn edit(
        library: &'a Library,
        plan: &Plan,
        path: PathBuf,
        original: String,
        now: NaiveTime,
    ) -> Builder<'a> {
        let mut builder = Builder::open(library, plan.clone(), Target::Own { path, original }, now);
        builder.origins = (0..plan.rounds.len()).map(Some).collect();
        builder
    }

    /// The plan of a session as it was actually run (inserted, skipped and resized rounds
    /// included), as a new own plan in `dir`.
    pub fn from_session(
        library: &'a Library,
        session: &crate::session::Session,
        dir: PathBuf,
        now: NaiveTime,
    ) -> Builder<'a> {
        let mut plan = session.plan.clone();
        plan.rounds = session
            .rounds
            .iter()
            .filter(|r| !r.skipped)
            .map(|r| {
                let mut round = r.round.clone();
                // A round that was given another length keeps that length, fixed.
                if let Some(given) = r.given_ms {
                    let minutes = given.div_ceil(60_000).max(1) as u32;
                    if round.length != RoundLength::Minutes(minutes) {
                        round.length = RoundLength::Minutes(minutes);
                        round.scale = None;
                    }
                }
                round
            })
            .collect();
        plan.id = unique_id(library, &format!("{}-zoals-gedaan", session.plan.id));
        plan.title = tr!("{} (zoals gedaan)", "{} (as run)", session.plan.title);
        plan.resolved_for = None;
        Builder::open(library, plan, Target::New { dir }, now)
    }

    fn open(library: &'a Library, plan: Plan, target: Target, now: NaiveTime) -> Builder<'a> {
        let size = plan.guide.group_size;
        let number = |n: Option<u32>| {
            LineInput::new(&n.map(|n| n.to_string()).unwrap_or_default(), NUMBER_CHARS)
        };
        let form = PlanForm {
            title: LineInput::new(&plan.title, TITLE_CHARS),
            id: LineInput::new(&plan.id, 64),
            description: LineInput::new(&plan.description, LINE_CHARS),
            group_min: number(size.map(|s| s.min)),
            group_max: number(size.map(|s| s.max)),
            people: number(Some(plan.nominal_group())),
            start: LineInput::new("", NUMBER_CHARS),
        };
        Builder {
            library,
            rounds: plan.rounds.iter().map(RoundForm::from_round).collect(),
            origins: vec![None; plan.rounds.len()],
            base: plan,
            plan: form,
            target,
            view: View::Rounds { selected: 0 },
            status: None,
            help: false,
            dirty: false,
            saved: None,
            now,
        }
    }

    pub fn library(&self) -> &Library {
        self.library
    }

    /// The plan as the form says it now, and the mistakes in what was typed.
    pub fn plan(&self) -> (Plan, Vec<String>) {
        let mut problems = Vec::new();
        let rounds: Vec<Round> = self
            .rounds
            .iter()
            .enumerate()
            .map(|(i, r)| r.round(i + 1, &mut problems))
            .collect();
        let mut decks = self.base.decks.clone();
        for deck in rounds
            .iter()
            .filter_map(|r| r.draw.as_ref().and_then(|d| d.deck.clone()))
        {
            if !decks.contains(&deck) {
                decks.push(deck);
            }
        }
        let mut guide = self.base.guide.clone();
        let number = |input: &LineInput| input.text().trim().parse::<u32>().ok();
        guide.group_size = match (
            number(&self.plan.group_min),
            number(&self.plan.group_max),
            self.plan.group_min.text().trim().is_empty()
                && self.plan.group_max.text().trim().is_empty(),
        ) {
            (Some(min), Some(max), _) => Some(GroupSize { min, max }),
            (_, _, true) => None,
            _ => {
                problems.push(tr!(
                    "Groepsgrootte: typ een kleinste en een grootste aantal, of laat beide leeg",
                    "Group size: type a smallest and a largest number, or leave both empty"
                ));
                guide.group_size
            }
        };
        let plan = Plan {
            id: self.plan.id.text().trim().to_string(),
            title: self.plan.title.text().trim().to_string(),
            description: self.plan.description.text().trim().to_string(),
            decks,
            rounds,
            guide,
            resolved_for: None,
        };
        (plan, problems)
    }

    /// The file as it would be saved.
    pub fn toml(&self) -> String {
        let (plan, _) = self.plan();
        let original = match &self.target {
            Target::Own { original, .. } => original.as_str(),
            Target::New { .. } => "",
        };
        update_plan_toml(original, &plan, &self.origins)
            .or_else(|| update_plan_toml("", &plan, &[]))
            .unwrap_or_default()
    }

    /// Every problem `tafel check` would report, in words ("Ronde 2: …"), and those of the
    /// form itself. Empty: the plan can be saved.
    pub fn problems(&self) -> Vec<String> {
        let (plan, mut problems) = self.plan();
        let text = self.toml();
        let name = format!("{}.toml", plan.id);
        let found = match parse::parse(&name, &text) {
            Err(found) => found,
            Ok(Parsed::Deck(_) | Parsed::Styles(_)) => Vec::new(),
            Ok(Parsed::Plan(parsed, refs)) => {
                let library = self.library;
                let find = |id: &str| library.deck(id);
                let all: Vec<&crate::catalog::Deck> =
                    library.decks.iter().map(|e| &e.item).collect();
                let mut found = parse::check_plan_refs(
                    &name,
                    &text,
                    &parsed,
                    &refs,
                    &find,
                    &library.deck_ids(),
                );
                found.extend(parse::check_plan_draws(
                    &name, &text, &parsed, &refs, &find, &all,
                ));
                found
            }
        };
        // Where in the file: the plan's header, or round N (counted by `[[round]]` lines).
        let round_starts: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[round]]")
            .map(|(i, _)| i + 1)
            .collect();
        for problem in found {
            let round = round_starts.iter().filter(|&&s| s <= problem.line).count();
            let message = crate::text::visible(&problem.message);
            problems.push(match round {
                0 => tr!("Werkvorm: {message}", "Plan: {message}"),
                n => {
                    let title = self.rounds[n - 1].title.text();
                    tr!(
                        "Ronde {n} ({title}): {message}",
                        "Round {n} ({title}): {message}"
                    )
                }
            });
        }
        if let Target::New { .. } = self.target
            && self.library.plan(&plan.id).is_some()
        {
            let id = &plan.id;
            problems.push(tr!(
                "Werkvorm: id `{id}` bestaat al; kies een ander id",
                "Plan: id `{id}` already exists; choose another id"
            ));
        }
        problems
    }

    /// The group totals and clock times are shown for.
    pub fn people(&self) -> u32 {
        self.plan
            .people
            .text()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .unwrap_or_else(|| self.base.nominal_group())
    }

    /// When the session starts: the start field, else now rounded up to five minutes.
    pub fn start(&self) -> NaiveTime {
        parse_clock_time(self.plan.start.text()).unwrap_or_else(|| {
            let minutes = (self.now.hour() * 60 + self.now.minute()).div_ceil(5) * 5;
            NaiveTime::from_hms_opt((minutes / 60) % 24, minutes % 60, 0).unwrap_or(self.now)
        })
    }

    /// The plan resolved for [`Builder::people`], with the clock time each round starts
    /// (the last one is the end).
    pub fn schedule(&self) -> (Plan, Vec<NaiveTime>) {
        let (plan, _) = self.plan();
        let resolved = plan.resolved(self.people());
        let times = clock_times(&resolved, self.start());
        (resolved, times)
    }

    /// Whether the keyboard is in a text field.
    pub fn typing(&self) -> bool {
        match &self.view {
            View::Round { field, .. } => matches!(
                field,
                RoundField::Title
                    | RoundField::Minutes
                    | RoundField::PerPerson
                    | RoundField::PerTeam
                    | RoundField::MaxMinutes
                    | RoundField::Until
                    | RoundField::Instruction
                    | RoundField::Roles
                    | RoundField::TeamNumber
                    | RoundField::VoteBudget
                    | RoundField::VoteMax
                    | RoundField::VoteOptions
            ),
            View::Plan { .. } => true,
            View::Rounds { .. } | View::ConfirmLeave => false,
        }
    }

    pub fn update(&mut self, input: Input, now: NaiveTime) -> Option<Outcome> {
        self.now = now;
        match input {
            Input::Key(key) => self.key(key),
            Input::Paste(text) => {
                self.paste(&text);
                None
            }
        }
    }

    /// The shell wrote the file (or could not).
    pub fn saved(&mut self, result: Result<PathBuf, String>) {
        match result {
            Ok(path) => {
                let text = self.toml();
                let (plan, _) = self.plan();
                self.origins = (0..self.rounds.len()).map(Some).collect();
                self.target = Target::Own {
                    path: path.clone(),
                    original: text,
                };
                self.base = plan.clone();
                self.dirty = false;
                self.saved = Some(plan.id.clone());
                self.status = Some(Status::Info(tr!(
                    "Bewaard in {}; `tafel plans` toont hem meteen",
                    "Saved in {}; `tafel plans` lists it at once",
                    path.display()
                )));
            }
            Err(why) => self.status = Some(Status::Error(why)),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Option<Outcome> {
        self.status = None;
        if std::mem::take(&mut self.help) {
            return None;
        }
        match BUILDER.command(key, self.typing()) {
            Some(BuilderKey::Save) => return self.save(),
            Some(BuilderKey::Help) => {
                self.help = true;
                return None;
            }
            _ => {}
        }
        match self.view.clone() {
            View::ConfirmLeave => {
                if LEAVE.action(key) == Some(BuilderKey::Leave) {
                    return Some(Outcome::Close {
                        saved: self.saved.clone(),
                    });
                }
                self.view = View::Rounds { selected: 0 };
                None
            }
            View::Rounds { selected } => self.rounds_key(selected, key),
            View::Round { index, field } => {
                self.round_key(index, field, key);
                None
            }
            View::Plan { field } => {
                self.plan_key(field, key);
                None
            }
        }
    }

    fn save(&mut self) -> Option<Outcome> {
        let problems = self.problems();
        if let Some(first) = problems.first() {
            let more = problems.len() - 1;
            self.status = Some(Status::Error(if more == 0 {
                tr!("Nog niet bewaard: {first}", "Not saved yet: {first}")
            } else {
                tr!(
                    "Nog niet bewaard: {first} (en {more} meer)",
                    "Not saved yet: {first} (and {more} more)"
                )
            }));
            return None;
        }
        let text = self.toml();
        let (path, new_file) = match &self.target {
            Target::New { dir } => (
                dir.join(format!("{}.toml", self.plan.id.text().trim())),
                true,
            ),
            Target::Own { path, .. } => (path.clone(), false),
        };
        Some(Outcome::Save {
            path,
            text,
            new_file,
        })
    }

    fn rounds_key(&mut self, selected: usize, key: KeyEvent) -> Option<Outcome> {
        let count = self.rounds.len();
        let select = |builder: &mut Builder, index: usize| {
            builder.view = View::Rounds { selected: index };
        };
        match ROUNDS.action(key) {
            Some(BuilderKey::Back) => {
                if self.dirty {
                    self.view = View::ConfirmLeave;
                    return None;
                }
                return Some(Outcome::Close {
                    saved: self.saved.clone(),
                });
            }
            Some(BuilderKey::MoveUp) => self.move_round(selected, -1),
            Some(BuilderKey::MoveDown) => self.move_round(selected, 1),
            Some(BuilderKey::Edit) if count > 0 => {
                self.view = View::Round {
                    index: selected,
                    field: RoundField::Title,
                };
            }
            Some(BuilderKey::Add) => {
                let at = if count == 0 { 0 } else { selected + 1 };
                self.rounds.insert(at, RoundForm::new());
                self.origins.insert(at, None);
                self.dirty = true;
                self.view = View::Round {
                    index: at,
                    field: RoundField::Title,
                };
            }
            Some(BuilderKey::Remove) if count > 1 => {
                let removed = self.rounds.remove(selected);
                self.origins.remove(selected);
                self.dirty = true;
                self.status = Some(Status::Info(tr!(
                    "Ronde \"{}\" weggehaald",
                    "Round \"{}\" removed",
                    removed.title.text()
                )));
                select(self, selected.min(self.rounds.len() - 1));
            }
            Some(BuilderKey::Remove) => {
                self.status = Some(Status::Error(tr!(
                    "Een werkvorm heeft minstens één ronde",
                    "A plan has at least one round"
                )));
            }
            Some(BuilderKey::Plan) => {
                self.view = View::Plan {
                    field: PlanField::Title,
                };
            }
            _ => {
                let mut index = selected;
                crate::list::move_in(&mut index, count, key, true);
                select(self, index);
            }
        }
        None
    }

    fn move_round(&mut self, selected: usize, by: isize) {
        let target = selected as isize + by;
        if target < 0 || target as usize >= self.rounds.len() {
            return;
        }
        let target = target as usize;
        self.rounds.swap(selected, target);
        self.origins.swap(selected, target);
        self.dirty = true;
        self.view = View::Rounds { selected: target };
    }

    fn round_key(&mut self, index: usize, field: RoundField, key: KeyEvent) {
        let fields = self.rounds[index].fields();
        let at = fields.iter().position(|f| *f == field).unwrap_or(0);
        let next = |builder: &mut Builder, by: isize| {
            let fields = builder.rounds[index].fields();
            let at = (at as isize + by).clamp(0, fields.len() as isize - 1) as usize;
            builder.view = View::Round {
                index,
                field: fields[at],
            };
        };
        let action = ROUND.command(key, self.typing());
        match action {
            Some(BuilderKey::Back) => {
                self.view = View::Rounds { selected: index };
                return;
            }
            Some(BuilderKey::NextField) => return next(self, 1),
            Some(BuilderKey::PreviousField) => return next(self, -1),
            Some(BuilderKey::Enter) if field != RoundField::Instruction => return next(self, 1),
            _ => {}
        }
        let library = self.library;
        let plan_decks = self.base.decks.clone();
        let round = &mut self.rounds[index];
        let before = round.clone();
        // In a text field ←→ move the cursor: the field below takes the key.
        let step = match action {
            Some(BuilderKey::ChoosePrevious) => -1,
            Some(BuilderKey::ChooseNext | BuilderKey::Toggle) => 1,
            _ => 0,
        };
        match field {
            RoundField::Title => {
                round.title.key(key);
            }
            RoundField::Minutes => {
                round.minutes.key(key);
            }
            RoundField::PerPerson => {
                round.per_person.key(key);
            }
            RoundField::PerTeam => {
                round.per_team.key(key);
            }
            RoundField::MaxMinutes => {
                round.max_minutes.key(key);
            }
            RoundField::Until => {
                round.until.key(key);
            }
            RoundField::Roles => {
                round.roles.key(key);
            }
            RoundField::TeamNumber => {
                round.team_number.key(key);
            }
            RoundField::VoteBudget => {
                round.vote_budget.key(key);
            }
            RoundField::VoteMax => {
                round.vote_max.key(key);
            }
            RoundField::VoteOptions => {
                round.vote_options.key(key);
            }
            RoundField::VoteFrom if step != 0 => {
                let choices: Vec<Vec<VoteSource>> =
                    VOTE_SOURCES.iter().map(|s| s.to_vec()).collect();
                // `from = ["notes"]` says what no `from` says.
                let current = if round.vote_from == [VoteSource::Notes] {
                    Vec::new()
                } else {
                    round.vote_from.clone()
                };
                round.vote_from = cycle(&choices, &current, step);
            }
            RoundField::Sort if step != 0 => {
                round.sort = cycle(&SORTS, &round.sort, step);
            }
            RoundField::TeamBy if step != 0 => round.team_count = !round.team_count,
            RoundField::TeamMix if step != 0 => round.team_mix = !round.team_mix,
            RoundField::VoteBy if step != 0 => {
                round.vote_points = !round.vote_points;
                // The other default, unless a budget of one's own was typed.
                let (from, to) = if round.vote_points {
                    (DEFAULT_DOTS, DEFAULT_POINTS)
                } else {
                    (DEFAULT_POINTS, DEFAULT_DOTS)
                };
                if round.vote_budget.text().trim() == from.to_string() {
                    round.vote_budget = LineInput::new(&to.to_string(), NUMBER_CHARS);
                }
            }
            RoundField::Instruction => {
                round.instruction.key(key);
            }
            RoundField::Kind if step != 0 => {
                round.kind = cycle(&LENGTH_KINDS, &round.kind, step);
                if round.kind == LengthKind::Until && round.until.is_empty() {
                    round.until = LineInput::new("14:30", NUMBER_CHARS);
                }
            }
            RoundField::Deck if step != 0 => {
                let mut choices: Vec<Option<Option<String>>> = vec![None, Some(None)];
                choices.extend(library.decks.iter().map(|e| Some(Some(e.item.id.clone()))));
                round.deck = cycle(&choices, &round.deck, step);
                round.category = None;
            }
            RoundField::Category if step != 0 => {
                let deck_id = round
                    .deck
                    .clone()
                    .flatten()
                    .or_else(|| plan_decks.first().cloned());
                let mut choices: Vec<Option<String>> = vec![None];
                if let Some(deck) = deck_id.and_then(|id| library.deck(&id)) {
                    choices.extend(deck.categories.iter().map(|c| Some(c.id.clone())));
                }
                round.category = cycle(&choices, &round.category, step);
            }
            RoundField::Count if step != 0 => {
                round.count = (round.count as i64 + step).clamp(1, 20) as u32;
            }
            RoundField::Form if step != 0 => {
                let mut choices: Vec<Option<String>> = vec![None];
                choices.extend(CARD_FORMS.iter().map(|f| Some(f.to_string())));
                round.form = cycle(&choices, &round.form, step);
            }
            // No turns, person by person, team by team, and round again.
            RoundField::Turns if step != 0 => {
                let order = [(false, false), (true, false), (true, true)];
                let at = order
                    .iter()
                    .position(|o| *o == (round.turns, round.team_turns))
                    .unwrap_or(0);
                let next = if step > 0 {
                    at + 1
                } else {
                    at + order.len() - 1
                };
                (round.turns, round.team_turns) = order[next % order.len()];
            }
            RoundField::Each if step != 0 => round.each = !round.each,
            _ => {}
        }
        if *round != before {
            self.dirty = true;
        }
    }

    fn plan_key(&mut self, field: PlanField, key: KeyEvent) {
        let at = PLAN_FIELDS.iter().position(|f| *f == field).unwrap_or(0);
        let go = |builder: &mut Builder, by: isize| {
            let at = (at as isize + by).clamp(0, PLAN_FIELDS.len() as isize - 1) as usize;
            builder.view = View::Plan {
                field: PLAN_FIELDS[at],
            };
        };
        match PLAN.command(key, true) {
            Some(BuilderKey::Back) => {
                self.view = View::Rounds { selected: 0 };
                return;
            }
            Some(BuilderKey::NextField) => return go(self, 1),
            Some(BuilderKey::PreviousField) => return go(self, -1),
            _ => {}
        }
        let input = self.plan_input(field);
        let before = input.clone();
        input.key(key);
        let changed = *input != before;
        // People and start time only change what is shown, not the plan.
        if changed && !matches!(field, PlanField::People | PlanField::Start) {
            self.dirty = true;
        }
    }

    pub fn plan_input(&mut self, field: PlanField) -> &mut LineInput {
        match field {
            PlanField::Title => &mut self.plan.title,
            PlanField::Id => &mut self.plan.id,
            PlanField::Description => &mut self.plan.description,
            PlanField::GroupMin => &mut self.plan.group_min,
            PlanField::GroupMax => &mut self.plan.group_max,
            PlanField::People => &mut self.plan.people,
            PlanField::Start => &mut self.plan.start,
        }
    }

    fn paste(&mut self, text: &str) {
        match self.view.clone() {
            View::Round { index, field } => {
                let round = &mut self.rounds[index];
                let before = round.clone();
                match round.line_input(field) {
                    Some(input) => {
                        input.insert(text);
                    }
                    None if field == RoundField::Instruction => {
                        round.instruction.insert(text);
                    }
                    // A choice field: a paste is no choice.
                    None => return,
                }
                if *round != before {
                    self.dirty = true;
                }
            }
            View::Plan { field } => {
                self.plan_input(field).insert(text);
                if !matches!(field, PlanField::People | PlanField::Start) {
                    self.dirty = true;
                }
            }
            _ => {}
        }
    }
}

/// The next (or previous) item after `current` in `items`, going round.
fn cycle<T: Clone + PartialEq>(items: &[T], current: &T, step: i64) -> T {
    let at = items.iter().position(|i| i == current).unwrap_or(0) as i64;
    let len = items.len() as i64;
    items[((at + step).rem_euclid(len)) as usize].clone()
}

/// `base`, or `base-2`, `base-3`, … when a plan already has that id.
fn unique_id(library: &Library, base: &str) -> String {
    let mut base: String = base.chars().take(56).collect();
    if !is_valid_id(&base) {
        base = "mijn-werkvorm".into();
    }
    if library.plan(&base).is_none() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| library.plan(id).is_none())
        .unwrap_or(base)
}

/// Words for a choice in the form: the deck, category, form of work, length kind.
pub fn deck_label(library: &Library, deck: &Option<Option<String>>) -> String {
    match deck {
        None => tr!("geen kaarten", "no cards"),
        Some(None) => tr!("de stapel van de sessie", "the session's deck"),
        Some(Some(id)) => library
            .deck(id)
            .map_or_else(|| id.clone(), |d| d.title.clone()),
    }
}

pub fn category_label(library: &Library, round: &RoundForm, plan_decks: &[String]) -> String {
    let Some(category) = &round.category else {
        return tr!("hele stapel", "whole deck");
    };
    round
        .deck
        .clone()
        .flatten()
        .or_else(|| plan_decks.first().cloned())
        .and_then(|id| library.deck(&id))
        .and_then(|d| d.category(category))
        .map_or_else(|| category.clone(), |c| c.title.clone())
}

pub fn form_choice_label(form: &Option<String>) -> String {
    match form {
        None => tr!("elke kaart", "any card"),
        Some(form) => form_label(form),
    }
}

pub fn kind_label(kind: LengthKind) -> String {
    match kind {
        LengthKind::Minutes => tr!("vaste minuten", "fixed minutes"),
        LengthKind::PerPerson => tr!("per persoon", "per person"),
        LengthKind::PerTeam => tr!(
            "per team (van de teamronde)",
            "per team (of the teams round)"
        ),
        LengthKind::Until => tr!("tot een kloktijd", "until a clock time"),
    }
}

pub fn sort_label(sort: Sort) -> String {
    match sort {
        Sort::Talk => tr!(
            "gesprek (kaarten, beurten, rollen)",
            "talk (cards, turns, roles)"
        ),
        Sort::Styles => tr!("voorkeurstijlen vastleggen", "record preference styles"),
        Sort::Teams => tr!("teams maken", "make teams"),
        Sort::Vote => tr!("stemming", "vote"),
    }
}

/// What the teams number means: people per team, or the number of teams.
pub fn team_by_label(count: bool) -> String {
    if count {
        tr!("aantal teams", "number of teams")
    } else {
        tr!("mensen per team", "people per team")
    }
}

/// Where a vote's options come from when none are typed: the notes (the default), the cards
/// discussed, or both.
pub const VOTE_SOURCES: [&[VoteSource]; 3] = [
    &[],
    &[VoteSource::Cards],
    &[VoteSource::Notes, VoteSource::Cards],
];

pub fn vote_from_label(from: &[VoteSource]) -> String {
    let notes = from.is_empty() || from.contains(&VoteSource::Notes);
    match (notes, from.contains(&VoteSource::Cards)) {
        (true, false) => tr!(
            "de notities (thema's en losse notities)",
            "the notes (themes and loose notes)"
        ),
        (false, _) => tr!("de besproken kaarten", "the cards discussed"),
        (true, true) => tr!(
            "de notities en de besproken kaarten",
            "the notes and the cards discussed"
        ),
    }
}

/// What the vote's budget is: dots or points per person.
pub fn vote_by_label(points: bool) -> String {
    if points {
        tr!("punten per persoon", "points per person")
    } else {
        tr!("stippen per persoon", "dots per person")
    }
}

impl Builder<'_> {
    pub fn plan_decks(&self) -> &[String] {
        &self.base.decks
    }

    /// Where the plan will be saved, for the header.
    pub fn target_label(&self) -> String {
        match &self.target {
            Target::New { dir } => tr!("nieuw bestand in {}", "new file in {}", dir.display()),
            Target::Own { path, .. } => path.display().to_string(),
        }
    }
}

/// Whether an entry of the library is a file the user may edit in place.
pub fn is_own(origin: &Origin) -> bool {
    matches!(origin, Origin::File(_))
}
