//! Turning a facilitator's action into the events that record it: rounds, cards, turns.
//! The choices that involve chance (which card, where a card goes back, who gets which
//! role) use the session's seed, so the journal can be replayed and the session reproduced.

use chrono::NaiveTime;

use super::{App, Effect, Mode};
use crate::catalog::shuffle::{below, rng_for, shuffle};
use crate::catalog::{DrawSpec, RoundLength};
use crate::session::event::RoleAssignment;
use crate::session::{CardRef, Event};
use crate::tr;

impl App {
    /// The first round after `from` that is not skipped (`None`: from the start).
    pub(super) fn next_round_from(&self, from: Option<usize>) -> Option<usize> {
        let start = from.map_or(0, |i| i + 1);
        (start..self.session.rounds.len()).find(|&i| !self.session.rounds[i].skipped)
    }

    pub(super) fn previous_round(&self) -> Option<usize> {
        let current = self.session.current?;
        (0..current)
            .rev()
            .find(|&i| !self.session.rounds[i].skipped)
    }

    /// Ends the running round and starts `target`: its timer, and on a first visit its
    /// cards and roles; the turn moves on.
    pub(super) fn enter_round(&mut self, target: usize) -> Vec<Effect> {
        // A styles, teams or vote round starts with the first person selected.
        self.group_cursor = 0;
        let events = self.round_change_events(target);
        self.persist(events)
    }

    pub(super) fn round_change_events(&mut self, target: usize) -> Vec<Event> {
        let session = &self.session;
        let mut events = Vec::new();
        if let Some(current) = session.current {
            events.push(Event::RoundEnded { round: current });
        }
        let round = &session.rounds[target];
        let planned_ms = match round.round.length {
            // A round visited before continues with what was left of what it was given.
            RoundLength::Minutes(m) => round
                .planned_ms()
                .unwrap_or(u64::from(m) * 60_000)
                .saturating_sub(round.spent_ms),
            RoundLength::Until(until) => ms_until(self.now.wall.time(), until),
        };
        events.push(Event::RoundStarted {
            round: target,
            planned_ms,
        });
        if !round.visited {
            if let Some(draw) = &round.round.draw {
                let deck = draw
                    .deck
                    .clone()
                    .or_else(|| session.default_deck().map(str::to_string));
                if let Some(deck) = deck {
                    let cards = self.pick_cards(&deck, draw, draw.count as usize);
                    if cards.len() < draw.count as usize {
                        self.status = Some(super::Status::Info(tr!(
                            "de stapel had niet genoeg kaarten voor deze ronde (d trekt, en biedt terugschudden aan)",
                            "the pile did not have enough cards for this round (d draws, and offers to reshuffle)"
                        )));
                    }
                    events.extend(cards.into_iter().map(|card| Event::CardDrawn { card }));
                }
            }
            events.extend(self.group_round_events(target));
            let roles = self.assign_roles(target);
            if !roles.is_empty() {
                events.push(Event::RolesAssigned {
                    round: target,
                    roles,
                });
            }
        } else {
            // Back to a round: what lay on its table comes back, unless a reshuffle has
            // since dealt it elsewhere; the roles stay with the same people.
            for card in &round.left_table {
                let with_pile = session.piles.get(&card.deck).is_some_and(|pile| {
                    pile.aside.contains(&card.card) || pile.remaining.contains(&card.card)
                });
                if with_pile {
                    events.push(Event::CardRestored { card: card.clone() });
                }
            }
            if !round.left_roles.is_empty() {
                events.push(Event::RolesAssigned {
                    round: target,
                    roles: round.left_roles.clone(),
                });
            }
        }
        if round.round.turns && round.round.team_turns && !session.group.teams.is_empty() {
            events.push(Event::TeamTurnPassed {
                team: self.next_team_turn(),
            });
        } else if round.round.turns && !session.participants.is_empty() {
            events.push(Event::TurnPassed {
                to: self.next_turn(),
            });
        }
        events
    }

    /// The next `count` cards of a pile, in order, that the draw admits (its category and
    /// its `with` and `without` tags).
    fn pick_cards(&self, deck: &str, draw: &DrawSpec, count: usize) -> Vec<CardRef> {
        let (Some(pile), Some(deck_model)) =
            (self.session.piles.get(deck), self.session.deck(deck))
        else {
            return Vec::new();
        };
        pile.remaining
            .iter()
            .filter(|id| deck_model.card(id).is_some_and(|c| draw.admits(c)))
            .take(count)
            .map(|id| CardRef {
                deck: deck.to_string(),
                card: id.clone(),
            })
            .collect()
    }

    /// The deck and filter `d` draws with: the round's draw, else the session's whole deck.
    fn draw_source(&self) -> Option<(String, DrawSpec)> {
        let draw = self
            .session
            .current_round()
            .and_then(|r| r.round.draw.clone())
            .unwrap_or(DrawSpec {
                deck: None,
                category: None,
                count: 1,
                with: Vec::new(),
                without: Vec::new(),
                form: None,
                each: false,
            });
        let deck = draw
            .deck
            .clone()
            .or_else(|| self.session.default_deck().map(str::to_string))?;
        Some((deck, draw))
    }

    pub(super) fn draw(&mut self) -> Vec<Effect> {
        let Some((deck, draw)) = self.draw_source() else {
            self.status = Some(super::Status::Info(tr!(
                "deze sessie heeft geen stapel",
                "this session has no deck"
            )));
            return Vec::new();
        };
        match self.pick_cards(&deck, &draw, 1).pop() {
            Some(card) => vec![Effect::Persist(vec![Event::CardDrawn { card }])],
            None => {
                let category = draw.category;
                self.mode = Mode::EmptyPile { deck, category };
                Vec::new()
            }
        }
    }

    /// Shuffles the set-aside cards back into the pile and draws (with the round's tag
    /// filter, so a reshuffle never deals what the round leaves out).
    pub(super) fn reshuffle_and_draw(
        &mut self,
        deck: &str,
        category: Option<String>,
    ) -> Vec<Effect> {
        let Some(pile) = self.session.piles.get(deck) else {
            return Vec::new();
        };
        let mut order: Vec<String> = pile.remaining.iter().chain(&pile.aside).cloned().collect();
        shuffle(
            &mut order,
            &mut rng_for(
                self.session.seed,
                &format!("{deck}#{}", self.session.next_seq),
            ),
        );
        let deck_model = self.session.deck(deck);
        let tags = self.draw_source().map(|(_, draw)| draw);
        let card = order
            .iter()
            .find(|id| {
                deck_model.and_then(|d| d.card(id)).is_some_and(|c| {
                    category.as_deref().is_none_or(|cat| c.category == cat)
                        && tags.as_ref().is_none_or(|t| t.admits_tags(c))
                })
            })
            .cloned();
        let mut events = vec![Event::PileReshuffled {
            deck: deck.to_string(),
            order,
        }];
        match card {
            Some(card) => events.push(Event::CardDrawn {
                card: CardRef {
                    deck: deck.to_string(),
                    card,
                },
            }),
            None => {
                self.status = Some(super::Status::Info(tr!(
                    "ook na terugschudden is er geen kaart: alle kaarten liggen op tafel",
                    "even after reshuffling there is no card: every card is on the table"
                )))
            }
        }
        vec![Effect::Persist(events)]
    }

    pub(super) fn put_back(&mut self) -> Vec<Effect> {
        let Some(card) = self.session.table.last().cloned() else {
            return self.no_card();
        };
        let remaining = self
            .session
            .piles
            .get(&card.deck)
            .map_or(0, |p| p.remaining.len());
        let mut rng = rng_for(
            self.session.seed,
            &format!("terug#{}", self.session.next_seq),
        );
        let position = below(&mut rng, remaining as u64 + 1) as usize;
        vec![Effect::Persist(vec![Event::CardPutBack { card, position }])]
    }

    pub(super) fn skip_card(&mut self) -> Vec<Effect> {
        match self.session.table.last().cloned() {
            Some(card) => vec![Effect::Persist(vec![Event::CardSkipped { card }])],
            None => self.no_card(),
        }
    }

    fn no_card(&mut self) -> Vec<Effect> {
        self.status = Some(super::Status::Info(tr!(
            "er ligt geen kaart op tafel (d trekt er een)",
            "there is no card on the table (d draws one)"
        )));
        Vec::new()
    }

    fn next_turn(&self) -> usize {
        let n = self.session.participants.len().max(1);
        self.session.turn.map_or(0, |t| (t + 1) % n)
    }

    /// The team after the one that has the turn (the first when none has it yet).
    fn next_team_turn(&self) -> usize {
        let n = self.session.group.teams.len().max(1);
        self.session.group.team_turn.map_or(0, |t| (t + 1) % n)
    }

    pub(super) fn pass_turn(&mut self) -> Vec<Effect> {
        if self.session.turns_by_team() {
            return vec![Effect::Persist(vec![Event::TeamTurnPassed {
                team: self.next_team_turn(),
            }])];
        }
        if self.session.participants.is_empty() {
            self.status = Some(super::Status::Info(tr!(
                "geen deelnemers: start met --participants \"Anna,Bram\"",
                "no participants: start with --participants \"Anna,Bram\""
            )));
            return Vec::new();
        }
        vec![Effect::Persist(vec![Event::TurnPassed {
            to: self.next_turn(),
        }])]
    }

    /// Hands the round's roles to the participants, shuffled with the seed. With more
    /// participants than roles, roles are handed out again; with fewer, some stay open.
    fn assign_roles(&self, round: usize) -> Vec<RoleAssignment> {
        let roles = &self.session.rounds[round].round.roles;
        let people = &self.session.participants;
        if roles.is_empty() || people.is_empty() {
            return Vec::new();
        }
        let mut order: Vec<&String> = people.iter().collect();
        shuffle(
            &mut order,
            &mut rng_for(self.session.seed, &format!("rollen#{round}")),
        );
        order
            .into_iter()
            .enumerate()
            .map(|(i, participant)| RoleAssignment {
                participant: participant.clone(),
                role: roles[i % roles.len()].clone(),
            })
            .collect()
    }
}

/// Milliseconds from `now` until the clock time `until` today (0 when it has passed).
pub fn ms_until(now: NaiveTime, until: NaiveTime) -> u64 {
    let delta = until.signed_duration_since(now).num_milliseconds();
    delta.max(0) as u64
}
