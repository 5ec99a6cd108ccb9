//! The application state machine, driven without a terminal and with a fake clock: the agenda: skipping, inserting, lengthening and jumping to rounds.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use chrono::NaiveTime;
use tafel::keys::KeyCode;

use tafel::app::{AgendaInput, Mode};
use tafel::catalog::RoundLength;
use tafel::session::clock::Clock;
use tafel::session::event::Event;
use tafel::session::timer::TimerView;

use common::app_helpers::{clock_time, has_persist, is_info, persisted};
use common::harness::{Harness, MIN, Setup};

// ---------------------------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------------------------

fn agenda_selected(h: &Harness) -> usize {
    match &h.app.mode {
        Mode::Agenda(state) => state.selected,
        _ => panic!("the agenda is not open"),
    }
}

#[test]
fn agenda_x_skips_and_unskips_a_round_but_not_the_running_one() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    h.ch('g');
    assert_eq!(
        agenda_selected(&h),
        1,
        "the agenda opens at the running round"
    );
    let before = h.journal.len();
    assert!(h.ch('x').is_empty());
    assert!(is_info(&h.app.status));
    assert_eq!(h.journal.len(), before);

    h.key(KeyCode::Down);
    assert_eq!(
        persisted(&h.ch('x')),
        [Event::RoundSkipped {
            round: 2,
            skipped: true
        }]
    );
    assert!(h.app.session.rounds[2].skipped);
    assert_eq!(
        h.app.session.planned_total_ms(),
        (5 + 14 + 12 + 10 + 8) * MIN
    );
    assert_eq!(
        persisted(&h.ch('x')),
        [Event::RoundSkipped {
            round: 2,
            skipped: false
        }]
    );
    assert!(!h.app.session.rounds[2].skipped);
    h.ch('x');
    h.ch('g');
    assert!(h.is_normal());
    h.right();
    assert_eq!(h.current(), Some(3));
}

#[test]
fn agenda_i_inserts_a_round_after_the_selected_one() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    h.note("in ronde 1");
    h.ch('g');
    h.ch('i');
    assert!(matches!(
        &h.app.mode,
        Mode::Agenda(state) if state.input == Some(AgendaInput::insert_title(""))
    ));
    // Letters that are commands elsewhere are text here.
    h.type_text("Pauze xj");
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.enter();
    assert!(matches!(
        &h.app.mode,
        Mode::Agenda(state) if state.input == Some(AgendaInput::insert_minutes("Pauze", "10"))
    ));
    // An impossible length is refused and asked again.
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.ch('0');
    let before = h.journal.len();
    assert!(!has_persist(&h.enter()));
    assert_eq!(h.journal.len(), before);
    assert!(is_info(&h.app.status));
    h.key(KeyCode::Backspace);
    h.ch('7');
    let effects = h.enter();
    assert_eq!(
        persisted(&effects),
        [Event::RoundInserted {
            index: 2,
            title: "Pauze".into(),
            minutes: 7
        }]
    );
    assert_eq!(agenda_selected(&h), 2, "the new round is selected");
    let rounds = &h.app.session.rounds;
    assert_eq!(rounds.len(), 7);
    assert_eq!(rounds[2].round.title, "Pauze");
    assert_eq!(rounds[2].round.length, RoundLength::Minutes(7));
    assert!(rounds[2].inserted);
    assert_eq!(rounds[3].round.title, "Het maatschappelijk effect");
    assert_eq!(h.current(), Some(1), "the running round did not move");
    assert_eq!(h.app.session.notes[0].round, 1);

    h.esc();
    h.right();
    assert_eq!(h.round_title(), "Pauze");
    assert_eq!(h.remaining(), 7 * MIN as i64);
    assert!(h.table().is_empty(), "an inserted round draws no cards");

    // Esc in a question leaves the question, not the agenda.
    h.ch('g');
    h.ch('i');
    h.type_text("Niet");
    h.esc();
    assert!(matches!(&h.app.mode, Mode::Agenda(state) if state.input.is_none()));
    assert_eq!(h.app.session.rounds.len(), 7);
}

#[test]
fn inserting_before_the_running_round_moves_the_running_round_and_its_notes() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    h.right();
    h.note("effect");
    h.ch('g');
    h.key(KeyCode::Up);
    h.key(KeyCode::Up);
    assert_eq!(agenda_selected(&h), 0);
    h.ch('i');
    h.type_text("Energizer");
    h.enter();
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.ch('3');
    h.enter();
    assert_eq!(h.app.session.rounds[1].round.title, "Energizer");
    assert_eq!(h.current(), Some(3));
    assert_eq!(h.round_title(), "Het maatschappelijk effect");
    assert_eq!(h.app.session.notes[0].round, 3);
    assert_eq!(h.app.round_notes().len(), 1);
    h.esc();
    h.left();
    assert_eq!(h.round_title(), "Onze opgave");
    h.left();
    assert_eq!(h.round_title(), "Energizer");
}

#[test]
fn agenda_plus_and_minus_change_a_rounds_length() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('g');
    h.ch('j');
    assert_eq!(
        persisted(&h.ch('+')),
        [Event::RoundLengthChanged {
            round: 1,
            minutes: 15
        }]
    );
    h.ch('+');
    h.ch('-');
    assert_eq!(
        h.app.session.rounds[1].round.length,
        RoundLength::Minutes(15)
    );
    assert_eq!(h.app.session.planned_total_ms(), 62 * MIN);

    // The running round's timer follows.
    h.ch('k');
    h.advance_secs(30);
    h.ch('-');
    h.ch('-');
    assert_eq!(h.app.session.timer.planned_ms, 3 * MIN);
    assert_eq!(h.remaining(), 150_000);
    // Never below one minute.
    h.keys("-----");
    assert_eq!(
        h.app.session.rounds[0].round.length,
        RoundLength::Minutes(1)
    );
    assert_eq!(h.remaining(), 30_000);
    h.esc();

    h.right();
    assert_eq!(h.remaining(), 15 * MIN as i64, "the changed length is used");
}

#[test]
fn changing_the_length_of_a_revisited_round_keeps_the_time_already_spent() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(120);
    h.right();
    h.left();
    assert_eq!(
        h.remaining(),
        3 * MIN as i64,
        "continues with what was left"
    );
    h.advance_secs(30);
    h.ch('g');
    h.ch('+'); // 5 → 6 minutes for the whole round
    assert_eq!(
        h.app.session.rounds[0].round.length,
        RoundLength::Minutes(6)
    );
    // 6 minutes, of which 2 were spent before and 30 s now: 3:30 left.
    assert_eq!(h.remaining(), 210_000);
    assert_eq!(h.app.session.planned_total_ms(), 62 * MIN);
}

#[test]
fn agenda_u_makes_the_running_round_run_until_a_clock_time() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(10 * 60); // 13:10, 10 minutes into a round of 5
    h.ch('g');
    h.ch('u');
    assert!(matches!(
        &h.app.mode,
        Mode::Agenda(state) if state.input == Some(AgendaInput::until(""))
    ));
    h.type_text("half drie");
    let before = h.journal.len();
    assert!(!has_persist(&h.enter()));
    assert!(is_info(&h.app.status));
    assert_eq!(h.journal.len(), before);
    for _ in 0.."half drie".len() {
        h.key(KeyCode::Backspace);
    }
    h.type_text("14:30");
    let effects = h.enter();
    assert_eq!(
        persisted(&effects),
        [Event::TimerSetUntil {
            until: clock_time(14, 30),
            planned_ms: 10 * MIN + 80 * MIN
        }]
    );
    assert!(h.is_normal());
    assert_eq!(h.app.session.until, Some(clock_time(14, 30)));
    assert_eq!(h.remaining(), 80 * MIN as i64);
    h.advance_ms(80 * MIN - 1);
    assert_eq!(h.view(), TimerView::LastMinute { remaining_ms: 1 });
    assert_eq!(
        h.clock.wall().time(),
        NaiveTime::from_hms_milli_opt(14, 29, 59, 999).unwrap()
    );

    // u on a later round asks for its end time too (tests/rounds.rs goes on from there);
    // on a round that has already been, it only says so.
    h.ch('g');
    h.ch('j');
    h.ch('u');
    assert!(matches!(
        &h.app.mode,
        Mode::Agenda(state) if state.input == Some(AgendaInput::until(""))
    ));
    h.esc();
    h.esc();
    h.right();
    h.ch('g');
    h.ch('k');
    h.ch('u');
    assert!(matches!(&h.app.mode, Mode::Agenda(state) if state.input.is_none()));
    assert!(is_info(&h.app.status));
}

#[test]
fn a_round_until_a_clock_time_gets_the_time_left_when_it_starts() {
    let mut setup = Setup::custom(&[("Welkom", 5), ("Tot de pauze", 1), ("Slot", 5)]);
    setup.plan.rounds[1].length = RoundLength::Until(clock_time(13, 20));
    let mut h = setup.start();
    h.advance_secs(7 * 60); // 13:07
    let events = persisted(&h.right());
    assert_eq!(
        events[1],
        Event::RoundStarted {
            round: 1,
            planned_ms: 13 * MIN
        }
    );
    assert_eq!(h.app.session.until, Some(clock_time(13, 20)));
    assert_eq!(h.app.session.planned_total_ms(), (5 + 13 + 5) * MIN);
    // Its length is a clock time: + and - in the agenda only explain.
    h.ch('g');
    let before = h.journal.len();
    assert!(h.ch('+').is_empty());
    assert!(is_info(&h.app.status));
    assert_eq!(h.journal.len(), before);
    h.esc();
    h.advance_secs(13 * 60);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 0 });
    assert_eq!(h.clock.wall().time(), clock_time(13, 20));
    // Started after its time: nothing left.
    h.left();
    h.right();
    assert_eq!(h.app.session.timer.planned_ms, 0);
}

#[test]
fn agenda_enter_jumps_to_a_round() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(20);
    h.ch('g');
    h.keys("jjj");
    // Enter on a round: end this one, start that one (with its cards).
    let effects = h.enter();
    let events = persisted(&effects);
    assert_eq!(events[0], Event::RoundEnded { round: 0 });
    assert_eq!(
        events[1],
        Event::RoundStarted {
            round: 3,
            planned_ms: 12 * MIN
        }
    );
    assert!(h.is_normal());
    assert_eq!(h.current(), Some(3));
    assert_eq!(h.table().len(), 1);
    assert_eq!(h.category_of(&h.table()[0]), "wat-partijen");
    assert_eq!(h.app.session.rounds[0].spent_ms, 20_000);
    assert!(!h.app.session.rounds[1].visited);

    // Enter on the running round does nothing.
    h.ch('g');
    let before = h.journal.len();
    assert!(h.enter().is_empty());
    assert_eq!(h.journal.len(), before);
    assert!(matches!(h.app.mode, Mode::Agenda(_)));

    // Jumping to a skipped round un-skips it in the same batch.
    h.keys("kk");
    h.ch('x');
    assert!(h.app.session.rounds[1].skipped);
    let events = persisted(&h.enter());
    assert_eq!(
        events[..3],
        [
            Event::RoundSkipped {
                round: 1,
                skipped: false
            },
            Event::RoundEnded { round: 3 },
            Event::RoundStarted {
                round: 1,
                planned_ms: 14 * MIN
            },
        ]
    );
    assert!(!h.app.session.rounds[1].skipped);
    assert_eq!(h.round_title(), "Onze opgave");
    assert_eq!(h.table().len(), 2);
}
