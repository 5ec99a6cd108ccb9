//! The application state machine, driven without a terminal and with a fake clock: the round timer, the bell and time kept exactly.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use tafel::app::{CHECKPOINT_EVERY_MS, Effect, Mode};
use tafel::session::event::{Event, NoteKind};
use tafel::session::timer::TimerView;

use common::app_helpers::persisted;
use common::harness::{LIBRARY, Lcg, MIN, Setup};

// ---------------------------------------------------------------------------------------------
// Timer
// ---------------------------------------------------------------------------------------------

#[test]
fn the_first_round_starts_at_once_and_counts_down_from_its_minutes() {
    let mut h = Setup::plan("koers-wat").start();
    assert_eq!(
        h.events()[1..],
        [Event::RoundStarted {
            round: 0,
            planned_ms: 5 * MIN
        }]
    );
    assert_eq!(h.current(), Some(0));
    assert!(h.app.session.timer.is_running());
    assert_eq!(h.remaining(), 300_000);
    h.advance_secs(1);
    assert_eq!(h.remaining(), 299_000);
    h.advance_ms(61_234);
    assert_eq!(h.remaining(), 237_766);
    assert_eq!(
        h.view(),
        TimerView::Running {
            remaining_ms: 237_766
        }
    );
    assert!(h.app.saved_at.is_some(), "the start was confirmed");
}

#[test]
fn space_pauses_and_resumes_and_paused_time_does_not_count() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(60);
    let effects = h.ch(' ');
    assert_eq!(persisted(&effects), [Event::TimerPaused]);
    assert!(!h.app.session.timer.is_running());
    assert_eq!(h.remaining(), 240_000);

    h.advance_secs(600);
    assert_eq!(h.remaining(), 240_000, "ten paused minutes change nothing");

    let effects = h.ch(' ');
    assert_eq!(persisted(&effects), [Event::TimerResumed]);
    assert!(h.app.session.timer.is_running());
    h.advance_ms(30_500);
    assert_eq!(h.remaining(), 209_500);

    // The round records only the time it ran.
    h.right();
    assert_eq!(h.app.session.rounds[0].spent_ms, 90_500);
}

#[test]
fn plus_and_minus_add_and_remove_a_minute() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(10);
    assert_eq!(
        persisted(&h.ch('+')),
        [Event::TimerAdjusted { delta_ms: 60_000 }]
    );
    assert_eq!(h.remaining(), 350_000);
    assert_eq!(h.app.session.timer.planned_ms, 6 * MIN);
    h.ch('='); // the same key without shift
    assert_eq!(h.remaining(), 410_000);
    assert_eq!(
        persisted(&h.ch('-')),
        [Event::TimerAdjusted { delta_ms: -60_000 }]
    );
    h.ch('-');
    assert_eq!(h.remaining(), 290_000);

    // Taking off more than there is stops at zero planned: over time.
    h.keys("------");
    assert_eq!(h.app.session.timer.planned_ms, 0);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 10_000 });

    // Also while paused.
    h.ch(' ');
    h.ch('+');
    assert_eq!(h.remaining(), 50_000);
    assert!(!h.app.session.timer.is_running());
}

#[test]
fn r_restarts_the_round_timer_running_or_paused() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(100);
    assert_eq!(persisted(&h.ch('r')), [Event::TimerRestarted]);
    assert_eq!(h.remaining(), 300_000);
    assert!(h.app.session.timer.is_running());
    h.advance_secs(20);
    assert_eq!(h.remaining(), 280_000);

    // A paused timer restarts paused.
    h.ch(' ');
    h.advance_secs(20);
    h.ch('r');
    assert_eq!(h.remaining(), 300_000);
    assert!(!h.app.session.timer.is_running());
    h.advance_secs(20);
    assert_eq!(h.remaining(), 300_000);
    h.ch(' ');
    h.advance_secs(1);
    assert_eq!(h.remaining(), 299_000);

    // A restart keeps a changed length.
    h.ch('+');
    h.ch('r');
    assert_eq!(h.remaining(), 360_000);
}

#[test]
fn the_last_minute_and_over_time_are_shown_and_over_time_keeps_counting() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_ms(4 * MIN - 1);
    assert_eq!(
        h.view(),
        TimerView::Running {
            remaining_ms: 60_001
        }
    );
    h.advance_ms(1);
    assert_eq!(
        h.view(),
        TimerView::LastMinute {
            remaining_ms: 60_000
        }
    );
    h.advance_ms(59_999);
    assert_eq!(h.view(), TimerView::LastMinute { remaining_ms: 1 });
    h.advance_ms(1);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 0 });
    h.advance_secs(75);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 75_000 });
    h.advance_ms(60 * MIN);
    assert_eq!(
        h.view(),
        TimerView::Overtime {
            over_ms: 60 * MIN + 75_000
        }
    );
    assert_eq!(h.current(), Some(0), "over time never moves on by itself");
    // A pause stops the over-time count too.
    h.ch(' ');
    h.advance_secs(30);
    assert_eq!(
        h.view(),
        TimerView::Overtime {
            over_ms: 60 * MIN + 75_000
        }
    );
}

#[test]
fn the_bell_rings_exactly_once_when_the_timer_crosses_zero() {
    let mut h = Setup::plan("koers-wat").start();
    h.run_secs(299);
    assert_eq!(h.bells(), 0);
    let effects = h.advance_ms(1000);
    // At 5:00 the minute's checkpoint is due too (the last event was at 4:00).
    assert_eq!(
        effects,
        [Effect::Bell, Effect::Persist(vec![Event::Checkpoint])],
        "rings at zero"
    );
    h.run_secs(120);
    assert_eq!(h.bells(), 1, "and only once");

    // Minutes more put it back above zero: the next crossing rings again.
    h.keys("+++"); // 8 minutes planned, 7 run: 60 s left
    assert_eq!(h.remaining(), 60_000);
    h.run_secs(10);
    assert_eq!(h.bells(), 1);
    h.run_secs(50);
    assert_eq!(h.bells(), 2);

    // So does a restart.
    h.ch('r');
    h.run_secs(8 * 60 - 1);
    assert_eq!(h.bells(), 2);
    h.run_secs(1);
    assert_eq!(h.bells(), 3);

    // A big jump (the computer slept) rings once, too.
    h.right();
    assert_eq!(h.round_title(), "Onze opgave");
    h.advance_ms(20 * MIN);
    h.advance_ms(1);
    h.tick();
    assert_eq!(h.bells(), 4);
}

#[test]
fn no_bell_when_the_bell_is_off() {
    let mut h = Setup::plan("koers-wat").start();
    h.app.bell = false;
    h.run_secs(5 * 60 + 30);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 30_000 });
    assert_eq!(h.bells(), 0);
    assert!(!h.log.contains(&Effect::Bell));
}

#[test]
fn next_deadline_is_the_next_whole_second_while_running() {
    let mut h = Setup::plan("koers-wat").start();
    assert_eq!(h.app.next_deadline(), Some(1_000));
    h.advance_ms(250);
    assert_eq!(h.app.next_deadline(), Some(1_000));
    h.advance_ms(750);
    assert_eq!(h.app.next_deadline(), Some(2_000));
    h.advance_ms(1);
    assert_eq!(h.app.next_deadline(), Some(2_000));

    // It follows the shown countdown, so it stays in step after a pause at an odd moment.
    h.advance_ms(499); // t = 1500, remaining 298_500
    h.ch(' ');
    h.advance_ms(10_123); // t = 11_623
    h.ch(' ');
    // remaining is 298_500 → shows 4:59 until it reaches 298_000, 500 ms from now.
    assert_eq!(h.app.next_deadline(), Some(11_623 + 500));

    // Over time it still wakes every whole second.
    h.advance_ms(298_500); // exactly zero
    assert_eq!(h.app.next_deadline(), Some(h.t() + 1_000));
    h.advance_ms(300);
    assert_eq!(h.app.next_deadline(), Some(h.t() + 700));
}

#[test]
fn next_deadline_is_none_when_paused_and_no_draft_is_pending() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_ms(1_234);
    h.ch(' ');
    assert_eq!(h.app.next_deadline(), None, "paused: sleep until a key");

    // A changed draft wants to be written a little later, even while paused.
    h.ch('n');
    assert_eq!(
        h.app.next_deadline(),
        None,
        "an empty editor has nothing to save"
    );
    h.type_text("Ko");
    let due = h.app.next_deadline().expect("a draft is pending");
    assert!(due > h.t(), "the draft is written a moment after typing");
    assert!(!h.log.iter().any(|e| matches!(e, Effect::KeepDrafts(_))));
    h.clock.advance_ms(due - h.t());
    let effects = h.tick();
    let Some(Effect::KeepDrafts(drafts)) = effects.first() else {
        panic!("expected KeepDrafts, got {effects:?}");
    };
    let [draft] = &drafts[..] else {
        panic!("expected one draft, got {drafts:?}");
    };
    assert_eq!(draft.text, "Ko");
    assert_eq!(draft.kind, NoteKind::Note);
    assert_eq!(h.app.next_deadline(), None, "written: nothing pending");

    // Typing more schedules one more write.
    h.ch('e');
    assert!(h.app.next_deadline().is_some());

    // After the session there is nothing to wake for.
    let mut done = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    done.ch('q');
    done.ch('j');
    assert!(matches!(done.app.mode, Mode::Summary));
    assert_eq!(done.app.next_deadline(), None);
}

#[test]
fn a_ninety_minute_round_with_many_pauses_is_exact_to_the_millisecond() {
    let mut h = Setup::custom(&[("Alles", 90)]).start();
    assert_eq!(h.remaining(), 90 * MIN as i64);
    let mut rng = Lcg(2024);
    let mut ran: u64 = 0;
    for _ in 0..60 {
        let run = 1 + rng.below(80_000);
        // Wake at odd moments while running, as the real loop does.
        let first = run / 3;
        h.advance_ms(first);
        h.advance_ms(run - first);
        ran += run;
        assert_eq!(h.remaining(), (90 * MIN - ran) as i64);
        h.ch(' ');
        let pause = 1 + rng.below(400_000);
        h.advance_ms(pause);
        assert_eq!(
            h.remaining(),
            (90 * MIN - ran) as i64,
            "a pause costs nothing"
        );
        h.ch(' ');
    }
    assert!(ran < 90 * MIN, "the script leaves time on the clock: {ran}");
    assert!(
        h.t() > 90 * MIN,
        "but the wall clock went well past 90 minutes"
    );
    assert_eq!(h.bells(), 0);

    // Run exactly to zero, then one millisecond more.
    let left = 90 * MIN - ran;
    h.advance_ms(left);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 0 });
    assert_eq!(h.bells(), 1);
    h.advance_ms(1);
    assert_eq!(h.view(), TimerView::Overtime { over_ms: 1 });

    h.right();
    assert!(matches!(h.app.mode, Mode::ConfirmEnd));
    h.ch('j');
    assert_eq!(h.app.session.rounds[0].spent_ms, 90 * MIN + 1);
    assert_eq!(h.app.session.spent_total_ms(h.t()), 90 * MIN + 1);
}

#[test]
fn a_ninety_minute_workshop_with_pauses_in_every_round_adds_up_exactly() {
    let mut h = Setup::plan("grenzeloos-workshop")
        .participants(&["Anna", "Bram", "Cem"])
        .start();
    let rounds = h.app.session.rounds.len();
    assert_eq!(h.app.session.planned_total_ms(), 90 * MIN);
    let mut rng = Lcg(90);
    let mut total = 0u64;
    for round in 0..rounds {
        assert_eq!(h.current(), Some(round));
        let planned = h.app.session.rounds[round].planned_ms().unwrap();
        let mut ran = 0u64;
        for _ in 0..7 {
            let run = 1 + rng.below(planned / 8);
            h.advance_ms(run);
            ran += run;
            h.ch(' ');
            h.advance_ms(1 + rng.below(5 * MIN));
            assert_eq!(h.remaining(), planned as i64 - ran as i64);
            h.ch(' ');
        }
        total += ran;
        assert_eq!(h.app.session.spent_total_ms(h.t()), total);
        h.right();
        if round + 1 == rounds {
            assert!(matches!(h.app.mode, Mode::ConfirmEnd));
            h.ch('j');
            assert!(h.app.session.ended);
        }
        assert_eq!(h.app.session.rounds[round].spent_ms, ran);
    }
    let spent: u64 = h.app.session.rounds.iter().map(|r| r.spent_ms).sum();
    assert_eq!(spent, total);
    assert_eq!(h.app.session.planned_total_ms(), 90 * MIN);
}

/// Solo reflection without minutes shows the clock, not the timer: it wakes for the next
/// checkpoint (every few seconds, for the room) and the clock's next minute, not every second.
#[test]
fn a_timer_out_of_view_wakes_for_checkpoints_and_the_minute_only() {
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    let plan = tafel::app::solo_plan(&deck, None, 0);
    // 20:15:57: the clock turns 3 s from now, before the first checkpoint is due.
    let wall = chrono::DateTime::parse_from_rfc3339("2026-11-22T20:15:57+01:00").unwrap();
    let mut solo = Setup::new("Solo", plan, vec![deck]).wall(wall).start();
    assert_eq!(solo.app.next_deadline(), Some(3_000));
    solo.advance_ms(3_000);
    assert_eq!(solo.app.next_deadline(), Some(CHECKPOINT_EVERY_MS));
    solo.advance_ms(2_000);
    assert_eq!(
        solo.app.next_deadline(),
        Some(2 * CHECKPOINT_EVERY_MS),
        "a checkpoint was written at 5 s"
    );

    // With minutes the countdown is on screen: every second.
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    let timed = tafel::app::solo_plan(&deck, None, 10);
    let solo = Setup::new("Solo", timed, vec![deck]).wall(wall).start();
    assert_eq!(solo.app.next_deadline(), Some(1_000));
}
