//! The list of rounds: open, add, remove and move one.

use super::keymap::{BuilderKey, ROUNDS};
use super::{Builder, Outcome, PlanField, RoundField, RoundForm, View};
use crate::app::Status;
use crate::keys::KeyEvent;
use crate::tr;

impl Builder<'_> {
    pub(super) fn rounds_key(&mut self, selected: usize, key: KeyEvent) -> Option<Outcome> {
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
}
