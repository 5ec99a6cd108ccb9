//! The open agreements across sessions, overdue first (`a` on the menu): Enter starts a
//! follow-up meeting of the chosen agreement's session with the same plan, `p` lets the
//! facilitator pick another plan for it.

use crate::keys::KeyEvent;

use super::keymap::{AGREEMENTS, AgreementsKey};

use super::{FollowUp, Home, Outcome, Screen, WorkshopForm, list_key};
use crate::app::Status;
use crate::history::agreements::Agreement;
use crate::tr;

/// The open agreements, as far as they are known: open ones only, overdue first (as
/// `history::agreements::collect` orders them).
pub type Agreements = super::loadable::Loadable<Vec<Agreement>>;

impl Agreements {
    /// How many are open and how many of those overdue; `None` when not known.
    pub fn counts(&self) -> Option<(usize, usize)> {
        self.loaded()
            .map(|list| (list.len(), list.iter().filter(|a| a.overdue).count()))
    }

    pub fn rows(&self) -> &[Agreement] {
        self.loaded().map_or(&[], Vec::as_slice)
    }
}

/// "7 open afspraken, waarvan 2 te laat · a bekijken", for under the menu.
pub fn menu_line(agreements: &Agreements) -> Option<String> {
    let (open, overdue) = agreements.counts()?;
    let count = match (open, overdue) {
        (0, _) => tr!("Geen open afspraken", "No open agreements"),
        (1, 1) => tr!("1 open afspraak, te laat", "1 open agreement, overdue"),
        (1, _) => tr!("1 open afspraak", "1 open agreement"),
        (n, 0) => tr!("{n} open afspraken", "{n} open agreements"),
        (n, d) => tr!(
            "{n} open afspraken, waarvan {d} te laat",
            "{n} open agreements, {d} of them overdue"
        ),
    };
    Some(tr!("{count} · a bekijken", "{count} · a to view"))
}

impl FollowUp {
    pub fn of(agreement: &Agreement) -> FollowUp {
        FollowUp {
            session: agreement.session.clone(),
            title: agreement.session_title.clone(),
            participants: agreement.session_participants.clone(),
        }
    }
}

impl Home<'_> {
    pub(super) fn agreements_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let Screen::Agreements { selected } = &mut self.screen else {
            return None;
        };
        let rows = self.agreements.rows();
        let chosen = rows.get(*selected).cloned();
        match AGREEMENTS.action(key) {
            Some(AgreementsKey::Back) => {
                self.screen = Screen::Menu;
            }
            Some(AgreementsKey::FollowUp) => {
                let agreement = chosen?;
                let plan = self
                    .library
                    .plans
                    .iter()
                    .position(|e| e.item.id == agreement.plan_id);
                match plan {
                    Some(plan) => {
                        self.screen = Screen::Workshop(WorkshopForm::follow_up(
                            self.library,
                            plan,
                            &self.today,
                            &self.participants,
                            FollowUp::of(&agreement),
                        ));
                    }
                    None => {
                        // The plan is gone (an own plan removed): any other will do.
                        self.status = Some(Status::Error(tr!(
                            "Werkvorm `{}` bestaat niet meer: kies er een voor de vervolgsessie",
                            "Plan `{}` no longer exists: choose one for the follow-up meeting",
                            crate::text::visible(&agreement.plan_id)
                        )));
                        self.follow_up = Some(FollowUp::of(&agreement));
                        self.screen = Screen::Plans { selected: 0 };
                    }
                }
            }
            Some(AgreementsKey::OtherPlan) => {
                if let Some(agreement) = chosen {
                    let selected = self
                        .library
                        .plans
                        .iter()
                        .position(|e| e.item.id == agreement.plan_id)
                        .unwrap_or(0);
                    self.follow_up = Some(FollowUp::of(&agreement));
                    self.screen = Screen::Plans { selected };
                }
            }
            None => {
                let count = rows.len();
                list_key(selected, count, key, true);
            }
        }
        None
    }
}
