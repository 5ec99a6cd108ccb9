//! Editing one round: typing in its text fields and stepping through its choices.

use super::fields::NUMBER_CHARS;
use super::keymap::{BuilderKey, ROUND};
use super::{Builder, LENGTH_KINDS, LengthKind, RoundField, SORTS, Safety, VOTE_SOURCES, View};
use crate::catalog::kinds::{DEFAULT_DOTS, DEFAULT_POINTS};
use crate::catalog::{CARD_FORMS, VoteSource};
use crate::input::LineInput;
use crate::keys::KeyEvent;

impl Builder<'_> {
    pub(super) fn round_key(&mut self, index: usize, field: RoundField, key: KeyEvent) {
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
            RoundField::Safety if step != 0 => {
                let choice = match round.safety() {
                    Safety::LeaveOut => Safety::OnPurpose,
                    Safety::OnPurpose | Safety::Unsaid => Safety::LeaveOut,
                };
                round.set_safety(choice);
            }
            _ => {}
        }
        if *round != before {
            self.dirty = true;
        }
    }
}

/// The next (or previous) item after `current` in `items`, going round.
fn cycle<T: Clone + PartialEq>(items: &[T], current: &T, step: i64) -> T {
    let at = items.iter().position(|i| i == current).unwrap_or(0) as i64;
    let len = items.len() as i64;
    items[((at + step).rem_euclid(len)) as usize].clone()
}
