//! Keys and pastes: which view takes them, and the plan's own fields.

use chrono::NaiveTime;

use super::keymap::{BUILDER, BuilderKey, LEAVE, PLAN};
use super::{Builder, Input, Outcome, PLAN_FIELDS, PlanField, RoundField, View};
use crate::input::LineInput;
use crate::keys::KeyEvent;

impl Builder<'_> {
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
        let outcome = match input {
            Input::Key(key) => self.key(key),
            Input::Paste(text) => {
                self.paste(&text);
                None
            }
        };
        // A deck, category or round order changed: what the draws can deal.
        self.refresh_safety();
        outcome
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
        if changed {
            self.typed_in(field);
        }
    }

    /// The id follows the title until the user types in the id field.
    fn typed_in(&mut self, field: PlanField) {
        match field {
            PlanField::Title => self.id_from_title(),
            PlanField::Id => self.id_follows_title = false,
            _ => {}
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
                self.typed_in(field);
            }
            _ => {}
        }
    }
}
