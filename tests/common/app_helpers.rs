//! What the `App` state-machine tests (`tests/app_*.rs`) look at: views on the harness
//! (`harness.rs`) and small helpers on effects and statuses.

use chrono::NaiveTime;

use tafel::app::{Effect, Mode, Status};
use tafel::session::draft::Draft;
use tafel::session::event::{CardRef, Event};
use tafel::session::timer::TimerView;

use super::harness::{Harness, Setup, wall_time};

/// Nine participants, for the group-work tests.
pub const NINE: [&str; 9] = [
    "Anna", "Bram", "Chris", "Dewi", "Eva", "Fer", "Gijs", "Hanna", "Ilse",
];

/// A `grenzeloos-workshop` session for [`NINE`] with the bundled style set loaded, as
/// `tafel run` starts it, in its first round (the styles round).
pub fn grenzeloos_for_nine(seed: u64, wall: &str) -> Harness {
    grenzeloos_for(&NINE, seed, wall)
}

/// A `grenzeloos-workshop` session for `people`, as [`grenzeloos_for_nine`].
#[allow(dead_code)]
pub fn grenzeloos_for(people: &[&str], seed: u64, wall: &str) -> Harness {
    let library = tafel::catalog::Library::bundled();
    let set = library.style_set("grenswerkers").unwrap().clone();
    let mut h = Setup::plan_in(&library, "grenzeloos-workshop")
        .participants(people)
        .seed(seed)
        .wall(wall_time(wall))
        .strict()
        .open();
    h.process(vec![Effect::Persist(vec![Event::StyleSetLoaded { set }])]);
    h.begin();
    h
}

impl Harness {
    /// In a teams round: the cursor on `person`, then the team key `team` (1–9).
    pub fn move_to_team(&mut self, person: &str, team: char) {
        let at = self
            .app
            .session
            .group
            .teams
            .iter()
            .flatten()
            .position(|p| p == person)
            .expect("a person in a team");
        self.app.group_cursor = at;
        self.ch(team);
    }

    pub fn remaining(&self) -> i64 {
        self.app.session.timer.remaining_ms(self.t())
    }

    pub fn view(&self) -> TimerView {
        self.app.session.timer.view(self.t())
    }

    pub fn current(&self) -> Option<usize> {
        self.app.session.current
    }

    pub fn round_title(&self) -> String {
        self.app
            .session
            .current_round()
            .expect("a running round")
            .round
            .title
            .clone()
    }

    pub fn table(&self) -> Vec<CardRef> {
        self.app.session.table.clone()
    }

    pub fn editor_draft(&self) -> Option<Draft> {
        match &self.app.mode {
            Mode::Editor(editor) => Some(editor.to_draft()),
            _ => None,
        }
    }

    pub fn is_normal(&self) -> bool {
        matches!(self.app.mode, Mode::Normal)
    }

    pub fn events(&self) -> Vec<Event> {
        self.journal.iter().map(|r| r.event.clone()).collect()
    }

    /// The cards drawn so far in the session, in order.
    pub fn drawn(&self) -> Vec<CardRef> {
        self.journal
            .iter()
            .filter_map(|r| match &r.event {
                Event::CardDrawn { card } => Some(card.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn category_of(&self, card: &CardRef) -> String {
        self.app
            .session
            .card(card)
            .expect("a known card")
            .1
            .category
            .clone()
    }

    /// Presses `→` until the round with this title runs.
    pub fn go_to(&mut self, title: &str) {
        for _ in 0..self.app.session.rounds.len() {
            if self.current().is_some() && self.round_title() == title {
                return;
            }
            self.right();
        }
        panic!("never reached round `{title}`");
    }
}

/// The events in a list of effects, in order.
pub fn persisted(effects: &[Effect]) -> Vec<Event> {
    effects
        .iter()
        .flat_map(|e| match e {
            Effect::Persist(events) => events.clone(),
            _ => Vec::new(),
        })
        .collect()
}

pub fn has_persist(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Persist(_)))
}

pub fn is_info(status: &Option<Status>) -> bool {
    matches!(status, Some(Status::Info(_)))
}

pub fn clock_time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}
