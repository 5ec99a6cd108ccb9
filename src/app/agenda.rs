//! The agenda overlay (`g`): the rounds of the session, changed while it runs. Skipping,
//! inserting and resizing rounds are events like any other.

use crate::keys::KeyEvent;

use super::mode_keys::{AGENDA, AGENDA_INPUT, AgendaInputKey, AgendaKey, Answer, QUESTION};
use chrono::NaiveTime;

use super::actions::ms_until;
use super::{App, Effect, Mode};
use crate::catalog::RoundLength;
use crate::catalog::parse::{MAX_ROUND_MINUTES, parse_clock_time};
use crate::input::LineInput;
use crate::session::Event;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaState {
    pub selected: usize,
    pub input: Option<AgendaInput>,
}

/// A one-line question the agenda asks, with the answer being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgendaInput {
    InsertTitle(LineInput),
    InsertMinutes {
        title: String,
        minutes: LineInput,
    },
    Until(LineInput),
    /// The time typed for the running round has passed today: tomorrow, or a mistake?
    PastTime {
        text: String,
        until: NaiveTime,
    },
}

impl AgendaInput {
    /// A new round's title, to be typed.
    pub fn insert_title(title: &str) -> AgendaInput {
        AgendaInput::InsertTitle(LineInput::new(title, MAX_TITLE_CHARS))
    }

    /// A new round's minutes, to be typed (10 filled in).
    pub fn insert_minutes(title: &str, minutes: &str) -> AgendaInput {
        AgendaInput::InsertMinutes {
            title: title.to_string(),
            minutes: LineInput::new(minutes, MAX_NUMBER_CHARS),
        }
    }

    /// A clock time the round runs until, to be typed.
    pub fn until(text: &str) -> AgendaInput {
        AgendaInput::Until(LineInput::new(text, MAX_NUMBER_CHARS))
    }

    /// The field the answer is typed in (none while a yes/no question is asked).
    pub fn field_mut(&mut self) -> Option<&mut LineInput> {
        match self {
            AgendaInput::InsertTitle(field) | AgendaInput::Until(field) => Some(field),
            AgendaInput::InsertMinutes { minutes, .. } => Some(minutes),
            AgendaInput::PastTime { .. } => None,
        }
    }
}

impl AgendaState {
    pub fn new(selected: usize) -> Self {
        AgendaState {
            selected,
            input: None,
        }
    }
}

const MAX_TITLE_CHARS: usize = 80;
/// Minutes or a clock time: short, but room for "14 uur 30".
const MAX_NUMBER_CHARS: usize = 20;

impl App {
    pub(super) fn agenda_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Mode::Agenda(state) = &mut self.mode else {
            return Vec::new();
        };
        let count = self.session.rounds.len();
        let selected = state.selected.min(count.saturating_sub(1));
        if let Some(AgendaInput::PastTime { text, until }) = &state.input {
            let (text, until) = (text.clone(), *until);
            return match QUESTION.action(key) {
                Some(Answer::Yes) => {
                    self.mode = Mode::Normal;
                    self.set_until_now(until, true)
                }
                Some(Answer::No) | None => {
                    // A mistake: the time can be typed again.
                    state.input = Some(AgendaInput::until(&text));
                    Vec::new()
                }
            };
        }
        if let Some(input) = &mut state.input {
            return match AGENDA_INPUT.command(key, true) {
                Some(AgendaInputKey::Cancel) => {
                    state.input = None;
                    Vec::new()
                }
                Some(AgendaInputKey::Confirm) => {
                    let input = state.input.take().expect("checked above");
                    self.agenda_answer(selected, input)
                }
                _ => {
                    if let Some(field) = input.field_mut() {
                        field.key(key);
                    }
                    Vec::new()
                }
            };
        }
        let current = self.session.current;
        match AGENDA.action(key) {
            Some(AgendaKey::Back) => self.mode = Mode::Normal,
            Some(AgendaKey::Up) => state.selected = selected.saturating_sub(1),
            Some(AgendaKey::Down) => state.selected = (selected + 1).min(count.saturating_sub(1)),
            Some(AgendaKey::GoTo) if Some(selected) != current => {
                self.mode = Mode::Normal;
                // Jumping to a skipped round un-skips it, in the same batch.
                let mut events = Vec::new();
                if self.session.rounds[selected].skipped {
                    events.push(Event::RoundSkipped {
                        round: selected,
                        skipped: false,
                    });
                }
                events.extend(self.round_change_events(selected));
                return self.persist(events);
            }
            Some(AgendaKey::Skip) => {
                if Some(selected) == current {
                    self.info(tr!(
                        "de lopende ronde kun je niet overslaan: ga eerst door (→)",
                        "you cannot skip the running round: move on first (→)"
                    ));
                } else {
                    let skipped = !self.session.rounds[selected].skipped;
                    return self.persist(vec![Event::RoundSkipped {
                        round: selected,
                        skipped,
                    }]);
                }
            }
            Some(AgendaKey::Insert) => state.input = Some(AgendaInput::insert_title("")),
            Some(AgendaKey::Until) => {
                if Some(selected) == current || !self.session.rounds[selected].visited {
                    state.input = Some(AgendaInput::until(""));
                } else {
                    self.info(tr!(
                        "deze ronde is al geweest: een eindtijd zet je voor de lopende of een latere ronde",
                        "this round has been: an end time is for the running or a later round"
                    ));
                }
            }
            Some(AgendaKey::Longer) => return self.change_length(selected, 1),
            Some(AgendaKey::Shorter) => return self.change_length(selected, -1),
            _ => {}
        }
        Vec::new()
    }

    fn change_length(&mut self, round: usize, delta: i64) -> Vec<Effect> {
        let state = &self.session.rounds[round];
        let RoundLength::Minutes(minutes) = state.round.length else {
            self.info(tr!(
                "deze ronde loopt tot een kloktijd: u zet een andere tijd",
                "this round runs until a clock time: u sets another time"
            ));
            return Vec::new();
        };
        let minutes = (i64::from(minutes) + delta).clamp(1, i64::from(MAX_ROUND_MINUTES)) as u32;
        self.persist(vec![Event::RoundLengthChanged { round, minutes }])
    }

    fn agenda_answer(&mut self, selected: usize, input: AgendaInput) -> Vec<Effect> {
        match input {
            AgendaInput::InsertTitle(title) => {
                let title = title.text().trim().to_string();
                if title.is_empty() {
                    return Vec::new();
                }
                self.ask(AgendaInput::insert_minutes(&title, "10"));
                Vec::new()
            }
            AgendaInput::InsertMinutes { title, minutes } => match minutes
                .text()
                .trim()
                .parse::<i64>()
                .map_err(|_| ())
                .and_then(|m| crate::rules::round_minutes(m).map_err(|_| ()))
            {
                Ok(m) => {
                    if let Mode::Agenda(state) = &mut self.mode {
                        state.selected = selected + 1;
                    }
                    self.persist(vec![Event::RoundInserted {
                        index: selected + 1,
                        title,
                        minutes: m,
                    }])
                }
                _ => {
                    self.info(tr!(
                        "kies 1 tot en met {MAX_ROUND_MINUTES} minuten",
                        "choose 1 to {MAX_ROUND_MINUTES} minutes"
                    ));
                    if let Mode::Agenda(state) = &mut self.mode {
                        state.input = Some(AgendaInput::InsertMinutes { title, minutes });
                    }
                    Vec::new()
                }
            },
            AgendaInput::Until(field) => {
                let text = field.text().to_string();
                let Some(until) = parse_clock_time(&text) else {
                    self.info(tr!(
                        "schrijf een kloktijd als 14:30, 14.30 of 14u30",
                        "write a clock time like 14:30, 14.30 or 14u30"
                    ));
                    self.ask(AgendaInput::Until(field));
                    return Vec::new();
                };
                let passed = until <= self.now.wall.time();
                let running = self.session.current == Some(selected);
                match (running, passed) {
                    (true, false) => {
                        self.mode = Mode::Normal;
                        self.set_until_now(until, false)
                    }
                    // Never silently: a time that has passed would be instant over-time.
                    (true, true) => {
                        self.ask(AgendaInput::PastTime { text, until });
                        Vec::new()
                    }
                    (false, true) => {
                        let until = until.format("%H:%M");
                        self.info(tr!(
                            "{until} is vandaag al voorbij: kies een latere tijd",
                            "{until} has already passed today: choose a later time"
                        ));
                        self.ask(AgendaInput::Until(field));
                        Vec::new()
                    }
                    (false, false) => self.persist(vec![Event::RoundUntilSet {
                        round: selected,
                        until,
                    }]),
                }
            }
            // Answered in `agenda_key`.
            AgendaInput::PastTime { .. } => Vec::new(),
        }
    }

    /// A paste goes into the answer being typed, if any.
    pub(super) fn agenda_paste(&mut self, text: &str) {
        if let Mode::Agenda(AgendaState {
            input: Some(input), ..
        }) = &mut self.mode
            && let Some(field) = input.field_mut()
        {
            field.insert(text);
        }
    }

    fn ask(&mut self, input: AgendaInput) {
        if let Mode::Agenda(state) = &mut self.mode {
            state.input = Some(input);
        }
    }

    /// The running round now runs until `until`: today, or tomorrow when that was meant.
    fn set_until_now(&mut self, until: NaiveTime, tomorrow: bool) -> Vec<Effect> {
        const DAY_MS: u64 = 24 * 60 * 60 * 1000;
        let elapsed = self.session.timer.elapsed_ms(self.now.t);
        let now = self.now.wall.time();
        let left = if tomorrow {
            DAY_MS - ms_until(until, now)
        } else {
            ms_until(now, until)
        };
        self.persist(vec![Event::TimerSetUntil {
            until,
            planned_ms: elapsed + left,
        }])
    }
}
