//! The application state machine, driven without a terminal and with a fake clock: moving between rounds, ending, quitting and the screens on top.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use tafel::keys::{KeyCode, KeyModifiers};

use tafel::app::{Effect, Input, Mode, Status};
use tafel::session::Session;
use tafel::session::event::Event;

use common::app_helpers::{has_persist, is_info, persisted};
use common::harness::{MIN, Setup};

// ---------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------

#[test]
fn right_ends_the_round_and_starts_the_next_recording_the_time_spent() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(100);
    h.ch(' ');
    h.advance_secs(1000);
    h.ch(' ');
    h.advance_ms(23_456);
    let effects = h.right();
    let events = persisted(&effects);
    assert_eq!(events[0], Event::RoundEnded { round: 0 });
    assert_eq!(
        events[1],
        Event::RoundStarted {
            round: 1,
            planned_ms: 14 * MIN
        }
    );
    assert_eq!(h.app.session.rounds[0].spent_ms, 123_456);
    assert_eq!(h.current(), Some(1));
    assert_eq!(h.round_title(), "Onze opgave");
    assert_eq!(h.remaining(), 14 * MIN as i64);
    assert!(h.app.session.rounds[1].visited);
    assert!(!h.app.session.rounds[2].visited);
}

#[test]
fn left_goes_back_and_continues_with_what_was_left() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(90);
    h.right();
    let round_1_table = h.table();
    h.advance_secs(200);
    let effects = h.left();
    assert_eq!(
        persisted(&effects)[..2],
        [
            Event::RoundEnded { round: 1 },
            Event::RoundStarted {
                round: 0,
                planned_ms: 5 * MIN - 90_000
            }
        ]
    );
    assert_eq!(h.current(), Some(0));
    assert_eq!(h.remaining(), 210_000);
    assert_eq!(h.app.session.rounds[1].spent_ms, 200_000);
    h.advance_secs(10);
    assert_eq!(h.remaining(), 200_000);

    // Forward again: round 1 continues too, and does not draw its cards again: the cards
    // that lay on its table come back (issue 8, item 6).
    let drawn = h.drawn().len();
    h.right();
    assert_eq!(h.remaining(), (14 * MIN - 200_000) as i64);
    assert_eq!(
        h.drawn().len(),
        drawn,
        "cards are drawn on the first visit only"
    );
    assert_eq!(h.table(), round_1_table);
    h.left();
    assert_eq!(h.app.session.rounds[0].spent_ms, 100_000);

    // A round that was used up starts over time (and rings).
    h.advance_ms(200_000);
    assert_eq!(h.bells(), 1);
    h.right();
    h.left();
    assert_eq!(h.app.session.timer.planned_ms, 0);
}

#[test]
fn left_on_the_first_round_only_says_so() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    let effects = h.left();
    assert!(effects.is_empty());
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.current(), Some(0));
    assert!(is_info(&h.app.status));
}

#[test]
fn skipped_rounds_are_passed_over_both_ways() {
    let mut h = Setup::plan("koers-wat").start();
    // Skip rounds 1 and 2 in the agenda.
    h.ch('g');
    h.ch('j');
    assert_eq!(
        persisted(&h.ch('x')),
        [Event::RoundSkipped {
            round: 1,
            skipped: true
        }]
    );
    h.ch('j');
    h.ch('x');
    h.esc();
    assert!(h.is_normal());
    assert!(h.app.session.rounds[1].skipped && h.app.session.rounds[2].skipped);

    h.right();
    assert_eq!(h.current(), Some(3));
    assert!(!h.app.session.rounds[1].visited && !h.app.session.rounds[2].visited);
    assert!(
        h.drawn().iter().all(|c| h.category_of(c) == "wat-partijen"),
        "the skipped rounds drew nothing"
    );
    h.left();
    assert_eq!(h.current(), Some(0));

    // A skipped last round: → on the one before it asks to end.
    let mut h = Setup::plan("koers-wat").start();
    let last = h.app.session.rounds.len() - 1;
    h.ch('g');
    for _ in 0..last {
        h.ch('j');
    }
    h.ch('x');
    h.esc();
    for _ in 0..last - 1 {
        h.right();
    }
    assert_eq!(h.current(), Some(last - 1));
    h.right();
    assert!(matches!(h.app.mode, Mode::ConfirmEnd));
}

#[test]
fn right_on_the_last_round_asks_and_n_keeps_the_round_running() {
    let mut h = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    h.right();
    h.right();
    assert_eq!(h.current(), Some(2));
    let before = h.journal.len();
    let effects = h.right();
    assert!(!has_persist(&effects));
    assert!(matches!(h.app.mode, Mode::ConfirmEnd));
    let effects = h.ch('n');
    assert!(effects.is_empty());
    assert!(h.is_normal());
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.current(), Some(2));
    assert!(!h.app.session.ended);
    h.advance_secs(5);
    assert_eq!(h.remaining(), 295_000, "the round kept running");

    // Esc is a no as well.
    h.right();
    h.esc();
    assert!(h.is_normal());
    assert!(!h.app.session.ended);
}

#[test]
fn right_on_the_last_round_then_j_ends_the_session() {
    let mut h = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    h.right();
    h.right();
    h.advance_secs(42);
    h.right();
    let effects = h.ch('j');
    assert_eq!(
        persisted(&effects),
        [Event::RoundEnded { round: 2 }, Event::SessionEnded]
    );
    assert!(h.app.session.ended);
    assert_eq!(h.current(), None);
    assert!(matches!(h.app.mode, Mode::Summary));
    assert_eq!(h.app.session.rounds[2].spent_ms, 42_000);
    assert_eq!(h.journal.last().unwrap().event, Event::SessionEnded);

    // The summary ignores commands and leaves on q.
    let before = h.journal.len();
    assert!(h.right().is_empty());
    assert!(h.ch('d').is_empty());
    assert!(h.paste("tekst").is_empty());
    assert!(matches!(h.app.mode, Mode::Summary));
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.ch('q'), [Effect::Quit]);

    // Y (English) works as well as j.
    let mut h = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    h.keys("q");
    h.ch('y');
    assert!(h.app.session.ended);
}

#[test]
fn e_on_the_summary_chooses_format_version_and_folder_and_asks_before_overwriting() {
    use tafel::app::export::{Existing, ExportRequest, Exported};
    let mut h = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    h.app.export_folder = "/tmp/verslagen".into();
    h.keys("q");
    h.ch('j');
    assert!(matches!(h.app.mode, Mode::Summary));
    let before = h.journal.len();

    // e opens the form: Markdown for the participants, in the folder the shell gave.
    assert!(h.ch('e').is_empty());
    assert!(matches!(h.app.mode, Mode::Export(_)));
    // Esc goes back to the summary, nothing written.
    assert!(h.key(KeyCode::Esc).is_empty());
    assert!(matches!(h.app.mode, Mode::Summary));

    h.ch('e');
    // `o` picks odt; Tab to the version, → for the facilitator's; Tab to the folder.
    h.ch('o');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Right);
    h.key(KeyCode::Tab);
    // In the folder field letters are text, never commands.
    h.key(KeyCode::Backspace);
    h.type_text("-2");
    let effects = h.key(KeyCode::Enter);
    let request = ExportRequest {
        format: "odt",
        facilitator: true,
        folder: "/tmp/verslage-2".into(),
        existing: Existing::Ask,
    };
    assert_eq!(effects, [Effect::Export(request.clone())]);

    // The file is there: the form asks; Esc backs off, o overwrites that very file.
    let there = std::path::PathBuf::from("/tmp/verslage-2/check-in.odt");
    h.app.exported(Exported::Exists(there.clone()));
    assert!(matches!(&h.app.mode, Mode::Export(form) if form.exists.as_ref() == Some(&there)));
    assert_eq!(
        h.ch('o'),
        [Effect::Export(ExportRequest {
            existing: Existing::Overwrite(there.clone()),
            ..request.clone()
        })]
    );
    // Or n: a new name beside it.
    h.app.exported(Exported::Exists(there.clone()));
    assert_eq!(
        h.ch('n'),
        [Effect::Export(ExportRequest {
            existing: Existing::NewName,
            ..request.clone()
        })]
    );
    // A failure stays in the form, said; written goes back to the summary with the path.
    h.app
        .exported(Exported::Failed("de map bestaat niet".into()));
    assert!(
        matches!(&h.app.mode, Mode::Export(form) if form.problem.as_deref() == Some("de map bestaat niet"))
    );
    h.app.exported(Exported::Written(there.clone()));
    assert!(matches!(h.app.mode, Mode::Summary));
    assert!(
        matches!(&h.app.status, Some(Status::Info(text)) if text.contains("/tmp/verslage-2/check-in.odt"))
    );
    // The next export starts in the folder the last one went to.
    h.ch('e');
    assert!(
        matches!(&h.app.mode, Mode::Export(form) if form.folder.text() == "/tmp/verslage-2"),
        "{:?}",
        h.app.mode
    );
    h.key(KeyCode::Esc);
    // Exporting never writes to the journal.
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.ch('q'), [Effect::Quit]);
}

#[test]
fn q_asks_and_j_ends_the_session_in_the_middle() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    h.advance_secs(61);
    let effects = h.ch('q');
    assert!(effects.is_empty());
    assert!(matches!(h.app.mode, Mode::ConfirmQuit));
    assert!(!h.app.session.ended);
    let effects = h.ch('j');
    assert_eq!(
        persisted(&effects),
        [Event::RoundEnded { round: 1 }, Event::SessionEnded]
    );
    assert!(h.app.session.ended);
    assert!(matches!(h.app.mode, Mode::Summary));
    assert_eq!(h.app.session.rounds[1].spent_ms, 61_000);
    assert!(
        !h.log.contains(&Effect::Quit),
        "ending shows the summary first"
    );
}

#[test]
fn q_then_another_key_does_not_end() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    h.ch('q');
    h.ch('n');
    assert!(h.is_normal());
    h.ch('q');
    h.esc();
    assert!(h.is_normal());
    assert_eq!(h.journal.len(), before);
    assert!(!h.app.session.ended);
    assert!(!h.log.contains(&Effect::Quit));
}

#[test]
fn enter_in_normal_mode_never_changes_the_round() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    let before = h.journal.len();
    for _ in 0..5 {
        let effects = h.enter();
        assert!(!has_persist(&effects));
    }
    h.key_with(KeyCode::Enter, KeyModifiers::ALT);
    h.key_with(KeyCode::Enter, KeyModifiers::SHIFT);
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.current(), Some(1));
    assert!(h.is_normal());
}

#[test]
fn key_releases_are_ignored() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    // Releases stop at the edge: the runtime turns only presses into keys for the app.
    use ratatui::crossterm::event as term;
    for code in [term::KeyCode::Right, term::KeyCode::Char(' ')] {
        let release = term::KeyEvent::new_with_kind(
            code,
            term::KeyModifiers::NONE,
            term::KeyEventKind::Release,
        );
        if let Some(key) = tafel::runtime::keys::from_terminal(release) {
            h.send(Input::Key(key));
        }
    }
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.current(), Some(0));
    assert!(h.app.session.timer.is_running());
}

#[test]
fn ctrl_c_quits_at_once_and_keeps_the_draft() {
    let mut h = Setup::plan("koers-wat").start();
    assert_eq!(
        h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL),
        [Effect::KeepDrafts(vec![]), Effect::Quit]
    );
    h.ch('n');
    h.type_text("half af");
    let effects = h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(effects.len(), 2);
    let Effect::KeepDrafts(drafts) = &effects[0] else {
        panic!("expected the draft first, got {effects:?}");
    };
    let [draft] = &drafts[..] else {
        panic!("expected one draft, got {drafts:?}");
    };
    assert_eq!(draft.text, "half af");
    assert_eq!(effects[1], Effect::Quit);
    assert!(h.app.session.notes.is_empty());
    assert_eq!(
        h.app.pending_drafts().pop().map(|d| d.text),
        Some("half af".into())
    );
}

#[test]
fn help_and_console_are_screen_only_hiding_notes_is_journaled() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    h.ch('?');
    assert!(matches!(h.app.mode, Mode::Help));
    h.right(); // any key closes help, and does nothing else
    assert!(h.is_normal());
    assert_eq!(h.current(), Some(0));
    h.ch('c');
    assert!(h.app.console);
    h.ch('c');
    assert!(!h.app.console);
    assert_eq!(h.journal.len(), before);
    // What the room sees is in the journal, so a room screen and replay follow it.
    h.ch('h');
    assert!(h.app.session.notes_hidden);
    assert_eq!(
        h.journal.last().unwrap().event,
        Event::NotesHidden { hidden: true }
    );
    h.ch('h');
    assert!(!h.app.session.notes_hidden);
    assert_eq!(h.journal.len(), before + 2);
}

#[test]
fn silent_writing_then_reveal() {
    let mut h = Setup::plan("koers-wat").start();
    h.note("Gezien");
    h.ch('w');
    assert_eq!(
        h.journal.last().unwrap().event,
        Event::NotesSilent {
            round: 0,
            silent: true
        }
    );
    h.note("Stil een");
    h.note("Stil twee");
    let shown: Vec<bool> = h.app.session.notes.iter().map(|n| n.shown).collect();
    assert_eq!(shown, [true, false, false]);
    h.ch('o');
    // Revealing ends the silent writing: what is typed next is the talk about it.
    let last_two: Vec<&Event> = h.journal.iter().rev().take(2).map(|r| &r.event).collect();
    assert_eq!(
        last_two,
        [
            &Event::NotesSilent {
                round: 0,
                silent: false
            },
            &Event::NotesRevealed { round: 0 }
        ]
    );
    assert!(h.app.session.notes.iter().all(|n| n.shown));
    // Nothing left to reveal: said, not journaled.
    let before = h.journal.len();
    h.ch('o');
    assert_eq!(h.journal.len(), before);
    assert!(
        matches!(&h.app.status, Some(Status::Info(m)) if m.contains("geen verzamelde notities"))
    );
    // Each note is shown as it is saved again; `w` collects silently again.
    h.note("Weer direct");
    assert!(h.app.session.notes.last().unwrap().shown);
    h.ch('w');
    h.note("Tweede ronde stil schrijven");
    assert!(!h.app.session.notes.last().unwrap().shown);
    // Leaving the round with collected notes not revealed: moved on, and said.
    h.right();
    assert_eq!(h.app.session.current, Some(1));
    assert!(
        matches!(&h.app.status, Some(Status::Info(m)) if m.contains("1 verzamelde notitie(s) van de vorige ronde zijn niet onthuld")),
        "{:?}",
        h.app.status
    );
    assert_eq!(
        Session::from_records(&h.journal).unwrap(),
        h.app.session,
        "the fold of the journal is what the live screen has"
    );
}
