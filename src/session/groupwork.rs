//! Group work in a session (issue 10): the participants' preference styles, the teams, and
//! the votes. Part of the fold in `state.rs`: `Session::apply_group` applies the events of
//! the group-work block in `event.rs`. Also the team mixer, a pure function.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::event::Event;
use super::misfit::Misfit;
use super::state::Session;
use crate::catalog::shuffle::{rng_for, shuffle};
use crate::catalog::{RoundKind, StyleSet, TeamCount};
use crate::tr;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupWork {
    /// The preference styles this session uses (shared: the state is cloned per record).
    pub style_set: Option<Arc<StyleSet>>,
    /// Each participant's styles, the best fit first.
    pub styles: BTreeMap<String, Vec<String>>,
    /// Questionnaires filled in (a questionnaire session holds one).
    pub answers: Vec<Answered>,
    /// The latest split into teams.
    pub teams: Vec<Vec<String>>,
    /// The team whose turn it is, in a round with turns per team.
    pub team_turn: Option<usize>,
    pub teams_mixed: bool,
    /// How many times teams were formed (the next split uses a new stream of the seed).
    pub team_splits: u32,
    /// Vote rounds by round index.
    pub votes: BTreeMap<usize, Vote>,
    /// Notes grouped into named themes, in the order the themes were made.
    pub themes: Vec<super::themes::Theme>,
}

/// The team a note was written for: its number then (from 0) and who was in it, so a later
/// split does not change what the note belonged to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteTeam {
    pub index: usize,
    pub members: Vec<String>,
}

impl NoteTeam {
    /// "Team 2".
    pub fn label(&self) -> String {
        team_label(self.index)
    }
}

/// "Team 2" for the team at index 1.
pub fn team_label(index: usize) -> String {
    tr!("Team {}", "Team {}", index + 1)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub participant: String,
    pub answers: Vec<u8>,
    pub styles: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vote {
    pub options: Vec<String>,
    /// Points per option, per participant who voted.
    pub ballots: BTreeMap<String, Vec<u32>>,
    pub revealed: bool,
}

impl Vote {
    /// Total points per option.
    pub fn totals(&self) -> Vec<u32> {
        let mut totals = vec![0; self.options.len()];
        for ballot in self.ballots.values() {
            for (t, p) in totals.iter_mut().zip(ballot) {
                *t += p;
            }
        }
        totals
    }

    /// Option indexes by total, highest first; equal totals keep the options' order.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut ranked: Vec<(usize, u32)> = self.totals().into_iter().enumerate().collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        // Equal totals share a place: 1, 2, 2, 4.
        let mut place = 0;
        let mut previous = None;
        ranked
            .into_iter()
            .enumerate()
            .map(|(at, (option, total))| {
                if previous != Some(total) {
                    place = at + 1;
                    previous = Some(total);
                }
                Ranked {
                    option,
                    total,
                    place,
                }
            })
            .collect()
    }
}

/// An option in a vote's result: its index, its total and its place (equal totals share one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub option: usize,
    pub total: u32,
    pub place: usize,
}

pub fn is_group_event(event: &Event) -> bool {
    matches!(
        event,
        Event::StyleSetLoaded { .. }
            | Event::QuestionnaireAnswered { .. }
            | Event::StylesPicked { .. }
            | Event::TeamsFormed { .. }
            | Event::TeamMemberMoved { .. }
            | Event::VoteOpened { .. }
            | Event::VoteCast { .. }
            | Event::VoteRevealed { .. }
            | Event::VoteReopened { .. }
            | Event::TeamTurnPassed { .. }
            | Event::NoteTeamSet { .. }
    ) || super::themes::is_theme_event(event)
}

impl GroupWork {
    /// A round was inserted at `at`: votes of later rounds move up.
    pub fn round_inserted(&mut self, at: usize) {
        let moved: BTreeMap<usize, Vote> = std::mem::take(&mut self.votes)
            .into_iter()
            .map(|(round, vote)| (if round >= at { round + 1 } else { round }, vote))
            .collect();
        self.votes = moved;
    }

    /// The styles of a participant, as names.
    pub fn style_names(&self, participant: &str) -> Vec<String> {
        let Some(ids) = self.styles.get(participant) else {
            return Vec::new();
        };
        ids.iter()
            .map(|id| match &self.style_set {
                Some(set) => set.name(id).to_string(),
                None => id.clone(),
            })
            .collect()
    }
}

impl Session {
    /// Applies an event of the group-work block (see `is_group_event`).
    pub(super) fn apply_group(&mut self, event: &Event) -> Result<(), Misfit> {
        let known_style = |set: &Option<Arc<StyleSet>>, id: &str| {
            set.as_ref().is_none_or(|s| s.style(id).is_some())
        };
        match event {
            Event::StyleSetLoaded { set } => self.group.style_set = Some(Arc::new(set.clone())),
            Event::QuestionnaireAnswered {
                participant,
                answers,
                styles,
            } => {
                if let Some(set) = &self.group.style_set
                    && answers.len() != set.statements.len()
                {
                    return Err(Misfit::AnswerCount {
                        got: answers.len(),
                        expected: set.statements.len(),
                    });
                }
                self.group.answers.push(Answered {
                    participant: participant.clone(),
                    answers: answers.clone(),
                    styles: styles.clone(),
                });
                self.group
                    .styles
                    .insert(participant.clone(), styles.clone());
            }
            Event::StylesPicked {
                participant,
                styles,
            } => {
                if let Some(bad) = styles
                    .iter()
                    .find(|s| !known_style(&self.group.style_set, s))
                {
                    return Err(Misfit::UnknownStyle { style: bad.clone() });
                }
                if styles.is_empty() {
                    self.group.styles.remove(participant);
                } else {
                    self.group
                        .styles
                        .insert(participant.clone(), styles.clone());
                }
            }
            Event::TeamsFormed {
                round,
                teams,
                mixed,
            } => {
                self.round_index(*round)?;
                let mut everyone: Vec<&String> = teams.iter().flatten().collect();
                let mut expected: Vec<&String> = self.participants.iter().collect();
                everyone.sort();
                expected.sort();
                if everyone != expected {
                    return Err(Misfit::TeamsMismatch);
                }
                self.group.teams = teams.clone();
                self.group.teams_mixed = *mixed;
                self.group.team_splits += 1;
                // New teams: the turn starts again with the first.
                self.group.team_turn = None;
            }
            Event::TeamMemberMoved { participant, team } => {
                let teams = &mut self.group.teams;
                if *team >= teams.len() {
                    return Err(Misfit::NoTeam { team: *team });
                }
                let Some(from) = teams.iter().position(|t| t.contains(participant)) else {
                    return Err(Misfit::InNoTeam {
                        participant: participant.clone(),
                    });
                };
                if from == *team {
                    return Err(Misfit::AlreadyInTeam {
                        participant: participant.clone(),
                        team: *team,
                    });
                }
                teams[from].retain(|p| p != participant);
                teams[*team].push(participant.clone());
                if teams[from].is_empty() {
                    teams.remove(from);
                    // The teams after the one that is gone move up; its turn passes on.
                    self.group.team_turn = match self.group.team_turn {
                        Some(t) if t > from => Some(t - 1),
                        Some(t) if t == from => Some(from % teams.len().max(1)),
                        other => other,
                    };
                }
            }
            Event::VoteOpened { round, options } => {
                self.round_index(*round)?;
                self.group.votes.insert(
                    *round,
                    Vote {
                        options: options.clone(),
                        ..Vote::default()
                    },
                );
            }
            Event::VoteCast {
                round,
                participant,
                points,
            } => {
                let budget = match &self.rounds.get(*round).map(|r| &r.round.kind) {
                    Some(RoundKind::Vote(spec)) => spec.budget,
                    _ => {
                        return Err(Misfit::NotAVoteRound { round: *round });
                    }
                };
                let vote = self.vote_mut(*round)?;
                if points.len() != vote.options.len() {
                    return Err(Misfit::BallotSize {
                        numbers: points.len(),
                        options: vote.options.len(),
                    });
                }
                if points.iter().sum::<u32>() > budget {
                    return Err(Misfit::OverBudget { budget });
                }
                if points.iter().all(|p| *p == 0) {
                    vote.ballots.remove(participant);
                } else {
                    vote.ballots.insert(participant.clone(), points.clone());
                }
            }
            Event::TeamTurnPassed { team } => {
                self.known_team(*team)?;
                self.group.team_turn = Some(*team);
            }
            Event::NoteTeamSet { id, team } => {
                let team = match team {
                    Some(t) => {
                        self.known_team(*t)?;
                        Some(NoteTeam {
                            index: *t,
                            members: self.group.teams[*t].clone(),
                        })
                    }
                    None => None,
                };
                let Some(note) = self.notes.iter_mut().find(|n| n.id == *id && !n.deleted) else {
                    return Err(Misfit::NoNote { id: *id });
                };
                note.team = team;
            }
            Event::VoteRevealed { round } => self.vote_mut(*round)?.revealed = true,
            Event::VoteReopened { round } => self.vote_mut(*round)?.revealed = false,
            event if super::themes::is_theme_event(event) => self.apply_theme(event)?,
            _ => return Err(Misfit::NotGroupWork),
        }
        Ok(())
    }

    fn known_team(&self, team: usize) -> Result<(), Misfit> {
        if team < self.group.teams.len() {
            Ok(())
        } else {
            Err(Misfit::NoTeam { team })
        }
    }

    /// The team whose turn it is: in a round with turns per team the team that has the turn,
    /// else the team of the person whose turn it is. New notes are written for it.
    pub fn turn_team(&self) -> Option<usize> {
        let teams = &self.group.teams;
        let round = &self.current_round()?.round;
        if !round.turns {
            return None;
        }
        if round.team_turns {
            return self.group.team_turn.filter(|t| *t < teams.len());
        }
        let person = self.turn_name()?;
        teams.iter().position(|t| t.iter().any(|p| p == person))
    }

    /// Whether the running round passes the turn from team to team (it has turns per team,
    /// and there are teams).
    pub fn turns_by_team(&self) -> bool {
        self.current_round()
            .is_some_and(|r| r.round.turns && r.round.team_turns)
            && !self.group.teams.is_empty()
    }

    fn vote_mut(&mut self, round: usize) -> Result<&mut Vote, Misfit> {
        self.group
            .votes
            .get_mut(&round)
            .ok_or(Misfit::NoVote { round })
    }
}

/// How many teams `count` makes of `people` participants (at least one, at most one per
/// person).
pub fn team_total(count: TeamCount, people: usize) -> usize {
    count.teams_for(u32::try_from(people).unwrap_or(u32::MAX)) as usize
}

/// Splits `participants` into `teams` teams whose sizes differ by at most one, reproducibly
/// for `seed` and `stream`. With `mix`, participants are dealt out style by style (their first
/// style; the most common style first, people without a style last), so every style is spread
/// over as many teams as it has people: no split covers more (style, team) pairs.
/// Without `mix`, the order is random.
pub fn form_teams(
    participants: &[String],
    styles: &BTreeMap<String, Vec<String>>,
    teams: usize,
    mix: bool,
    seed: u64,
    stream: &str,
) -> Vec<Vec<String>> {
    let teams = teams.clamp(1, participants.len().max(1));
    let mut rng = rng_for(seed, stream);
    let mut order: Vec<String> = participants.to_vec();
    shuffle(&mut order, &mut rng);
    if mix {
        let first = |p: &String| styles.get(p).and_then(|s| s.first()).cloned();
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for p in &order {
            if let Some(style) = first(p) {
                *count.entry(style).or_default() += 1;
            }
        }
        // Styles with as many people come in a random order, so mixing again can differ.
        let mut tiebreak: Vec<&String> = count.keys().collect();
        shuffle(&mut tiebreak, &mut rng);
        let rank = |style: &String| tiebreak.iter().position(|s| *s == style).unwrap_or(0);
        // Common styles first, so the dealing of rare ones fills the gaps; within a style
        // the shuffled order; people without a style last.
        order.sort_by_key(|p| match first(p) {
            Some(style) => (0, usize::MAX - count[&style], rank(&style)),
            None => (1, 0, 0),
        });
    }
    let mut split: Vec<Vec<String>> = vec![Vec::new(); teams];
    for (i, person) in order.into_iter().enumerate() {
        split[i % teams].push(person);
    }
    split.retain(|t| !t.is_empty());
    split
}

/// The styles present in a team (as ids, in the set's order when there is one) and the ones
/// missing.
pub fn team_coverage(
    team: &[String],
    styles: &BTreeMap<String, Vec<String>>,
    set: Option<&StyleSet>,
) -> (Vec<String>, Vec<String>) {
    let mut present: Vec<String> = team
        .iter()
        .filter_map(|p| styles.get(p))
        .flatten()
        .cloned()
        .collect();
    present.sort();
    present.dedup();
    match set {
        Some(set) => {
            let ids = set.styles.iter().map(|s| s.id.clone());
            let (have, missing): (Vec<String>, Vec<String>) =
                ids.partition(|id| present.contains(id));
            (have, missing)
        }
        None => (present, Vec::new()),
    }
}
