//! Cards tagged `veiligheid` in a round's draw. `tafel check` refuses a draw that could deal
//! them blind (hard to answer with a manager in the room), so the form asks what to do with
//! them whenever the chosen deck and category hold such cards: leave them out (`without`,
//! the default) or deal only them, on purpose (`with`).

use super::{Builder, RoundForm, Sort};
use crate::catalog::{Deck, DrawSpec, SAFETY_TAG};
use crate::tr;

/// What a round does with cards tagged `veiligheid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    /// `without = ["veiligheid"]`.
    LeaveOut,
    /// `with = ["veiligheid"]`: on purpose, in a safe setting.
    OnPurpose,
    /// Neither: `tafel check` reports the draw (a file written by hand can say nothing).
    Unsaid,
}

pub fn safety_label(safety: Safety) -> String {
    match safety {
        Safety::LeaveOut => tr!(
            "weglaten (lastig met een leidinggevende erbij)",
            "leave out (hard with a manager in the room)"
        ),
        Safety::OnPurpose => tr!(
            "alleen deze kaarten, bewust: in een veilige setting",
            "only these cards, on purpose: in a safe setting"
        ),
        Safety::Unsaid => tr!(
            "nog niet gekozen: kies met ←→",
            "not chosen yet: choose with ←→"
        ),
    }
}

impl RoundForm {
    /// What the draw says about cards tagged `veiligheid`.
    pub fn safety(&self) -> Safety {
        if self.without.iter().any(|t| t == SAFETY_TAG) {
            Safety::LeaveOut
        } else if self.with.iter().any(|t| t == SAFETY_TAG) {
            Safety::OnPurpose
        } else {
            Safety::Unsaid
        }
    }

    /// Says it in `with` or `without`; the draw's other tags stay.
    pub fn set_safety(&mut self, safety: Safety) {
        self.with.retain(|t| t != SAFETY_TAG);
        self.without.retain(|t| t != SAFETY_TAG);
        match safety {
            Safety::LeaveOut => self.without.push(SAFETY_TAG.to_string()),
            Safety::OnPurpose => self.with.push(SAFETY_TAG.to_string()),
            Safety::Unsaid => {}
        }
    }

    /// Whether the form shows the safety field: the draw can deal such cards.
    pub fn asks_safety(&self) -> bool {
        self.safety_cards && self.deck.is_some() && self.sort == Sort::Talk
    }
}

impl Builder<'_> {
    /// The decks a round's draw deals from, as `tafel check` sees them: its own deck, else
    /// the session's (the plan's first), else any deck the facilitator may choose.
    fn draw_decks(&self, round: &RoundForm, session_deck: Option<&str>) -> Vec<&Deck> {
        match round.deck.clone().flatten().as_deref().or(session_deck) {
            Some(id) => self.library.deck(id).into_iter().collect(),
            None => self.library.decks.iter().map(|e| &e.item).collect(),
        }
    }

    /// Whether the round's deck and category (and its other filters) hold cards tagged
    /// `veiligheid`, whatever the draw says about that tag.
    fn can_deal_safety_cards(&self, round: &RoundForm, session_deck: Option<&str>) -> bool {
        let Some(deck) = &round.deck else {
            return false;
        };
        let draw = DrawSpec {
            deck: deck.clone(),
            category: round.category.clone(),
            count: round.count,
            with: round
                .with
                .iter()
                .filter(|t| *t != SAFETY_TAG)
                .cloned()
                .collect(),
            without: round
                .without
                .iter()
                .filter(|t| *t != SAFETY_TAG)
                .cloned()
                .collect(),
            form: round.form.clone(),
            each: false,
        };
        self.draw_decks(round, session_deck)
            .iter()
            .flat_map(|d| d.cards.iter())
            .any(|card| draw.admits(card) && card.has_tag(SAFETY_TAG))
    }

    /// After every change: which rounds can deal cards tagged `veiligheid`. A round that
    /// comes to hold them by the user's change leaves them out unless it said otherwise; a
    /// round that no longer holds them drops `with = ["veiligheid"]` (it would find no card).
    pub(super) fn refresh_safety(&mut self) {
        let session_deck = self.decks().first().cloned();
        for index in 0..self.rounds.len() {
            let can = self.can_deal_safety_cards(&self.rounds[index], session_deck.as_deref());
            let round = &mut self.rounds[index];
            if can == round.safety_cards {
                continue;
            }
            round.safety_cards = can;
            match (can, round.safety()) {
                (true, Safety::Unsaid) => round.set_safety(Safety::LeaveOut),
                (false, Safety::OnPurpose) => round.set_safety(Safety::Unsaid),
                _ => continue,
            }
            self.dirty = true;
        }
    }

    /// When a plan is opened: which rounds can deal such cards, without changing the draws
    /// (a file that says nothing is shown as "not chosen yet" and reported).
    pub(super) fn note_safety_cards(&mut self) {
        let session_deck = self.decks().first().cloned();
        for index in 0..self.rounds.len() {
            let can = self.can_deal_safety_cards(&self.rounds[index], session_deck.as_deref());
            self.rounds[index].safety_cards = can;
        }
    }
}
