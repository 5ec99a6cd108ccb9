//! The form's fields: which ones a round and the plan have, and how long each text may be.

use crate::input::LineInput;

pub(super) const TITLE_CHARS: usize = 80;
pub(super) const LINE_CHARS: usize = 400;
pub(super) const NUMBER_CHARS: usize = 6;
/// The longest instruction, in characters.
pub const INSTRUCTION_CHARS: usize = 2000;

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
    /// What the draw does with cards tagged `veiligheid` (only when it can deal them).
    Safety,
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
