//! One round as the form holds it, made from a model round, and the fields it shows.

use super::fields::{LINE_CHARS, NUMBER_CHARS, TITLE_CHARS};
use super::{INSTRUCTION_CHARS, LengthKind, RoundField, Sort};
use crate::catalog::kinds::DEFAULT_DOTS;
use crate::catalog::{Round, RoundKind, RoundLength, TeamCount, VoteSource};
use crate::input::{LineInput, MultiLineInput};
use crate::tr;

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
    pub(super) with: Vec<String>,
    pub(super) without: Vec<String>,
    /// The deck and category hold cards tagged `veiligheid` (kept by the builder, which
    /// knows the decks): the form asks what to do with them.
    pub(super) safety_cards: bool,
    pub(super) min_minutes: Option<u32>,
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

impl RoundForm {
    pub fn new() -> RoundForm {
        RoundForm::from_round(&Round::plain(
            tr!("Nieuwe ronde", "New round"),
            RoundLength::Minutes(10),
        ))
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
            safety_cards: false,
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
        if self.asks_safety() {
            fields.push(RoundField::Safety);
        }
        fields.push(RoundField::Turns);
        if self.deck.is_some() && self.turns {
            fields.push(RoundField::Each);
        }
        fields.push(RoundField::Roles);
        fields
    }
}

impl Default for RoundForm {
    fn default() -> Self {
        RoundForm::new()
    }
}
