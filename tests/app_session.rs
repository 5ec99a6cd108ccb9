//! The application state machine, driven without a terminal and with a fake clock: what cannot be saved, replay and resume, follow-ups and crash safety.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use std::collections::BTreeSet;

use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};

use tafel::app::{App, Effect, Input, Mode, Now, Status};
use tafel::session::Session;
use tafel::session::event::{CardRef, Event, Record};

use common::app_helpers::has_persist;
use common::harness::{Harness, LIBRARY, MIN, Setup};

// ---------------------------------------------------------------------------------------------
// Persistence failures
// ---------------------------------------------------------------------------------------------

#[test]
fn a_note_that_cannot_be_saved_stays_in_the_editor() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('n');
    h.type_text("Belangrijk besluit");
    let before = h.journal.len();
    h.fail_next = Some("schijf vol".into());
    let effects = h.enter();
    assert!(has_persist(&effects), "the app asked to save");
    assert!(
        !effects.contains(&Effect::KeepDrafts(vec![])),
        "the draft is not thrown away"
    );
    assert_eq!(h.journal.len(), before);
    assert!(h.app.session.notes.is_empty(), "nothing applied");
    match &h.app.status {
        Some(Status::Error(message)) => assert!(message.contains("schijf vol"), "{message}"),
        other => panic!("expected an error, got {other:?}"),
    }
    assert_eq!(h.editor_draft().unwrap().text, "Belangrijk besluit");
    assert_eq!(
        h.app.pending_drafts().pop().map(|d| d.text),
        Some("Belangrijk besluit".into())
    );

    // Trying again once the disk has room works.
    let effects = h.enter();
    assert!(effects.contains(&Effect::KeepDrafts(vec![])));
    assert!(h.is_normal());
    assert_eq!(h.app.session.notes[0].text, "Belangrijk besluit");
    assert_eq!(h.app.session.notes[0].id, 1);
}

#[test]
fn a_round_change_that_cannot_be_saved_changes_nothing() {
    let mut h = Setup::plan("koers-wat").start();
    h.advance_secs(30);
    let session = h.app.session.clone();
    h.fail_next = Some("kapot".into());
    h.right();
    assert_eq!(h.app.session, session);
    assert_eq!(h.current(), Some(0));
    assert!(matches!(h.app.status, Some(Status::Error(_))));
    h.fail_next = Some("kapot".into());
    h.ch('q');
    h.ch('j');
    assert!(!h.app.session.ended);
    assert!(
        !matches!(h.app.mode, Mode::Summary),
        "no summary for an end that was not saved"
    );
    h.right();
    assert_eq!(h.current(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Replay and resume
// ---------------------------------------------------------------------------------------------

/// A long session that uses every kind of event.
fn long_session() -> Harness {
    let mut h = Setup::plan("grenzeloos-workshop")
        .participants(&["Anna", "Bram", "Cem", "Dewi"])
        .seed(7)
        .start();
    // Opgave kiezen
    h.advance_secs(30);
    h.ch('b');
    h.ch(' ');
    h.advance_secs(10);
    h.ch(' ');
    h.note("Opgave: de wijkaanpak");
    // Silent writing, then reveal; notes hidden from the room and shown again.
    h.ch('w');
    h.note("Stil opgeschreven");
    h.ch('o');
    h.ch('w');
    h.ch('h');
    h.ch('h');
    // Drie vragen vooraf
    h.right();
    h.agreement("Elke week kort afstemmen", "Bram", "maandag");
    h.advance_secs(90);
    h.ch('+');
    h.run_secs(5);
    // Wicked problems
    h.right();
    h.keys("dtds");
    h.ch('d');
    // Two cards on the table: the room is shown the other one.
    h.key(KeyCode::Tab);
    h.advance_ms(12_345);
    h.note("Bij deze kaart");
    h.ch('e');
    h.enter();
    h.type_text(" (aangevuld)");
    h.enter();
    h.note("Vergissing");
    h.ch('e');
    h.ch('x');
    h.ch('j');
    // Agenda: skip round 3, lengthen round 4, insert a break after this round.
    h.ch('g');
    h.ch('j');
    h.ch('x');
    h.ch('j');
    h.ch('+');
    h.keys("kk");
    h.ch('i');
    h.type_text("Pauze");
    h.enter();
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.ch('5');
    h.enter();
    h.esc();
    // Pauze, over time with a bell
    h.right();
    assert_eq!(h.round_title(), "Pauze");
    h.run_secs(5 * 60 + 3);
    // Back and forth
    h.left();
    h.advance_secs(40);
    h.ch('r');
    h.advance_secs(3);
    h.right();
    h.right(); // skips "Ongeschreven regels"
    assert_eq!(h.round_title(), "Het bestuurlijke speelveld");
    // Run out of this category, set some aside and reshuffle.
    for _ in 0..20 {
        h.ch('d');
        if matches!(h.app.mode, Mode::EmptyPile { .. }) {
            break;
        }
    }
    h.esc();
    h.keys("ss");
    h.ch('d');
    h.ch('j');
    h.paste("geplakt\r\nmet twee regels");
    h.enter();
    // A note that failed to save, then saved.
    h.ch('n');
    h.type_text("Tweede poging");
    h.fail_next = Some("schijf vol".into());
    h.enter();
    h.enter();
    // Run until a clock time.
    h.ch('g');
    h.ch('u');
    h.type_text("15:00");
    h.enter();
    h.advance_secs(100);
    // Jump back to the skipped round through the agenda.
    h.ch('g');
    h.ch('k');
    h.enter();
    assert_eq!(h.round_title(), "Ongeschreven regels");
    h.ch('b');
    h.right();
    h.right();
    h.go_to("Tien lessen, vier rollen");
    h.ch(' ');
    h.advance_secs(100);
    h.right();
    h.advance_secs(61);
    h.right();
    assert!(matches!(h.app.mode, Mode::ConfirmEnd));
    h.ch('j');
    assert!(h.app.session.ended);
    h
}

#[test]
fn replaying_the_journal_rebuilds_exactly_the_same_session() {
    let h = long_session();
    let kinds: BTreeSet<&'static str> = h
        .journal
        .iter()
        .map(|r| match r.event {
            Event::SessionStarted { .. } => "SessionStarted",
            Event::RoundStarted { .. } => "RoundStarted",
            Event::RoundEnded { .. } => "RoundEnded",
            Event::TimerPaused => "TimerPaused",
            Event::TimerResumed => "TimerResumed",
            Event::TimerAdjusted { .. } => "TimerAdjusted",
            Event::TimerRestarted => "TimerRestarted",
            Event::TimerSetUntil { .. } => "TimerSetUntil",
            Event::CardDrawn { .. } => "CardDrawn",
            Event::CardPutBack { .. } => "CardPutBack",
            Event::CardSkipped { .. } => "CardSkipped",
            Event::CardRestored { .. } => "CardRestored",
            Event::PileReshuffled { .. } => "PileReshuffled",
            Event::TurnPassed { .. } => "TurnPassed",
            Event::RolesAssigned { .. } => "RolesAssigned",
            Event::NoteAdded { .. } => "NoteAdded",
            Event::NoteEdited { .. } => "NoteEdited",
            Event::NoteDeleted { .. } => "NoteDeleted",
            Event::NotesHidden { .. } => "NotesHidden",
            Event::NotesSilent { .. } => "NotesSilent",
            Event::NotesRevealed { .. } => "NotesRevealed",
            Event::CardShown { .. } => "CardShown",
            Event::RoundInserted { .. } => "RoundInserted",
            Event::RoundSkipped { .. } => "RoundSkipped",
            Event::RoundLengthChanged { .. } => "RoundLengthChanged",
            // Made in tests/rounds.rs (a later round until a clock time).
            Event::RoundUntilSet { .. } => "RoundUntilSet",
            Event::SessionEnded => "SessionEnded",
            // Only a past session is renamed; see tests/cli_manage.rs.
            Event::SessionRenamed { .. } => "SessionRenamed",
            Event::Checkpoint => "Checkpoint",
            // Only a follow-up meeting has these; see the follow-up test.
            Event::FollowUpOpened { .. } => "FollowUpOpened",
            Event::AgreementReviewed { .. } => "AgreementReviewed",
            // Only sessions with styles, teams or vote rounds have these; see tests/groupwork.rs.
            Event::StyleSetLoaded { .. } => "StyleSetLoaded",
            Event::QuestionnaireAnswered { .. } => "QuestionnaireAnswered",
            Event::StylesPicked { .. } => "StylesPicked",
            Event::TeamsFormed { .. } => "TeamsFormed",
            Event::TeamMemberMoved { .. } => "TeamMemberMoved",
            Event::VoteOpened { .. } => "VoteOpened",
            Event::VoteCast { .. } => "VoteCast",
            Event::VoteRevealed { .. } => "VoteRevealed",
            Event::VoteReopened { .. } => "VoteReopened",
            // Only sessions whose notes are grouped into themes; see tests/grouping.rs.
            Event::ThemeCreated { .. } => "ThemeCreated",
            Event::NotesThemed { .. } => "NotesThemed",
            Event::ThemeRenamed { .. } => "ThemeRenamed",
            Event::ThemesMerged { .. } => "ThemesMerged",
            Event::NotesUnthemed { .. } => "NotesUnthemed",
            Event::TeamTurnPassed { .. } => "TeamTurnPassed",
            Event::NoteTeamSet { .. } => "NoteTeamSet",
        })
        .collect();
    assert_eq!(
        kinds.len(),
        27,
        "the script uses every other event: {kinds:?}"
    );
    assert!(h.bells() >= 1);
    assert!(matches!(h.app.mode, Mode::Summary));

    for (i, record) in h.journal.iter().enumerate() {
        assert_eq!(record.seq, i as u64, "no gaps");
    }
    let replayed = Session::from_records(&h.journal).expect("the journal replays");
    assert_eq!(replayed, h.app.session);

    // Through the file format too.
    for record in &h.journal {
        let line = serde_json::to_string(record).unwrap();
        let read: Record = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("record {} does not read back: {e}\n{line}", record.seq));
        assert_eq!(&read, record);
    }

    // Every prefix replays as well (a crash can stop the file anywhere between records).
    for n in 1..h.journal.len() {
        Session::from_records(&h.journal[..n])
            .unwrap_or_else(|e| panic!("prefix of {n} records: {e}"));
    }
}

#[test]
fn a_journal_with_an_inserted_round_reads_back() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('g');
    h.ch('i');
    h.type_text("Pauze");
    h.enter();
    h.enter();
    let record = h.journal.last().unwrap().clone();
    assert!(matches!(
        record.event,
        Event::RoundInserted { index: 1, .. }
    ));
    let line = serde_json::to_string(&record).unwrap();
    let read: Record =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("does not read back: {e}\n{line}"));
    assert_eq!(read, record);

    // And so the whole session can be replayed from its file.
    let lines: Vec<String> = h
        .journal
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    let read: Vec<Record> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(Session::from_records(&read).unwrap(), h.app.session);
}

#[test]
fn a_resumed_session_continues_where_it_was() {
    let mut h = Setup::plan("koers-wat")
        .participants(&["Anna", "Bram"])
        .start();
    h.advance_secs(100);
    h.right();
    h.ch('d');
    h.advance_secs(50);
    h.ch(' ');
    h.advance_secs(7);

    let journal = h.journal.clone();
    let mut resumed = Harness::resume(journal.clone(), h.t());
    assert_eq!(
        resumed.journal.len(),
        journal.len(),
        "begin adds nothing to a started session"
    );
    assert_eq!(resumed.app.session, h.app.session);
    assert!(resumed.is_normal());
    assert_eq!(resumed.current(), Some(1));
    assert_eq!(resumed.table(), h.table());
    assert!(!resumed.app.session.timer.is_running(), "still paused");
    assert_eq!(resumed.remaining(), (14 * MIN - 50_000) as i64);

    // The same keys lead to the same events in both.
    for harness in [&mut h, &mut resumed] {
        harness.ch(' ');
        harness.advance_secs(3);
        harness.keys("dsb");
        harness.right();
    }
    assert_eq!(resumed.journal[journal.len()..], h.journal[journal.len()..]);
    assert_eq!(resumed.app.session, h.app.session);

    // An ended session opens on its summary and starts nothing.
    h.ch('q');
    h.ch('j');
    let ended = Harness::resume(h.journal.clone(), h.t());
    assert!(matches!(ended.app.mode, Mode::Summary));
    assert_eq!(ended.journal.len(), h.journal.len());
}

#[test]
fn a_follow_up_starts_with_the_open_agreements_and_records_each_outcome() {
    use tafel::session::event::{ReviewItem, ReviewOutcome};
    let wall = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00+01:00").unwrap();
    let start = Setup::new(
        "Vervolg",
        LIBRARY.plan("koers-wat").unwrap().clone(),
        vec![LIBRARY.deck("koerskaarten").unwrap().clone()],
    )
    .seed(1)
    .wall(wall);
    let item = |note: u64, text: &str| ReviewItem {
        session: None,
        note,
        text: text.into(),
        owner: Some("Bram".into()),
        due: None,
        due_date: None,
    };
    let records = vec![
        start.record(),
        Record {
            seq: 1,
            at: wall,
            t: 0,
            event: Event::FollowUpOpened {
                session: "eerder".into(),
                title: "Teamdag".into(),
                agreements: vec![item(4, "Verslag sturen"), item(9, "Zaal boeken")],
            },
        },
    ];
    let session = Session::from_records(&records).unwrap();
    let now = Now { t: 0, wall };
    let mut app = App::new(session, "x".into(), "x".into(), now);
    assert!(matches!(app.mode, Mode::Review { selected: 0 }));
    let press = |app: &mut App, c: char| {
        app.update(
            Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            now,
        )
    };
    let effects = press(&mut app, 'd');
    let Some(Effect::Persist(events)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        events,
        &[Event::AgreementReviewed {
            session: "eerder".into(),
            note: 4,
            outcome: ReviewOutcome::Done,
        }]
    );
    let record = Record {
        seq: 2,
        at: wall,
        t: 0,
        event: events[0].clone(),
    };
    app.confirmed(&[record]);
    // The selection moved on: the next key reviews the second agreement.
    let effects = press(&mut app, 'x');
    assert!(matches!(
        effects.first(),
        Some(Effect::Persist(e)) if matches!(e[0], Event::AgreementReviewed { note: 9, outcome: ReviewOutcome::Dropped, .. })
    ));
    let follow_up = app.session.follow_up.as_ref().unwrap();
    assert_eq!(follow_up.items[0].1, Some(ReviewOutcome::Done));
    // Enter goes on to the session; v brings the list back.
    app.update(
        Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        now,
    );
    assert!(matches!(app.mode, Mode::Normal));
    press(&mut app, 'v');
    assert!(matches!(app.mode, Mode::Review { .. }));
}

#[test]
fn a_running_timer_is_written_down_every_few_seconds_and_a_paused_one_is_not() {
    use tafel::app::CHECKPOINT_EVERY_MS as EVERY;
    const { assert!(EVERY <= 5_000, "resume may lose at most a few seconds") };
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    h.advance_ms(EVERY - 1000);
    assert_eq!(h.journal.len(), before, "nothing before the interval");
    h.advance_ms(1000);
    assert_eq!(h.journal.last().unwrap().event, Event::Checkpoint);
    assert_eq!(h.journal.last().unwrap().t, EVERY);
    h.advance_ms(EVERY);
    assert_eq!(h.journal.len(), before + 2);
    // A key resets the interval: the next checkpoint comes a full interval after it.
    h.ch('+');
    let after_key = h.journal.len();
    h.advance_ms(EVERY - 1000);
    assert_eq!(h.journal.len(), after_key);
    // Paused: nothing to write down.
    h.ch(' ');
    let paused = h.journal.len();
    h.run_secs(300);
    assert_eq!(h.journal.len(), paused);
    // The checkpoints replay to the same state.
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

/// Issue 8, item 5: "nog 5:40", a kill, resume: the timer comes back within seconds of
/// where it was, not at the last minute.
#[test]
fn after_a_crash_a_running_round_loses_at_most_a_few_seconds() {
    let mut h = Setup::plan("koers-wat").start();
    h.run_secs(20 * 60 + 38);
    let shown = h.remaining();
    // The process dies here: what is on disk is the journal.
    let on_disk = Session::from_records(&h.journal).unwrap();
    let resumed = on_disk.timer.remaining_ms(on_disk.last_t);
    assert!(
        resumed >= shown && resumed - shown <= tafel::app::CHECKPOINT_EVERY_MS as i64,
        "shown {shown} ms left, resumed with {resumed} ms left"
    );
}

#[test]
fn a_round_that_leaves_safety_cards_out_never_deals_one_not_even_after_a_reshuffle() {
    use tafel::catalog::SAFETY_TAG;
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap();
    let in_openen = |safety: bool| {
        deck.cards
            .iter()
            .filter(|c| c.category == "openen" && c.has_tag(SAFETY_TAG) == safety)
            .count()
    };
    assert!(
        in_openen(true) > 0,
        "the test needs a safety card in `openen`"
    );
    let safe = in_openen(false);
    let is_safety = |c: &CardRef| deck.card(&c.card).unwrap().has_tag(SAFETY_TAG);
    for seed in 0..12 {
        // Round 1 of the dissent conversation deals the ground rules; round 2 draws an
        // opening card, never a safety card.
        let mut h = Setup::plan("tegenspraak-gesprek").seed(seed).start();
        let rules = h.table();
        assert_eq!(rules.len(), 1);
        assert!(deck.card(&rules[0].card).unwrap().has_tag("spelregels"));
        h.right();
        assert_eq!(h.table().len(), 1, "a new round has its own table");
        // The ground rules card left the pile in round 1: the other safe ones remain.
        let left = safe - 1;
        while h.table().len() < left {
            h.ch('d');
            assert!(h.is_normal(), "seed {seed}: the pile ran out early");
        }
        let table = h.table();
        assert!(
            table.iter().all(|c| !is_safety(c)),
            "seed {seed}: {table:?}"
        );
        assert!(table.iter().all(|c| h.category_of(c) == "openen"));
        // Every safe opening card is out; the safety card is still in the pile.
        h.ch('d');
        assert!(matches!(h.app.mode, Mode::EmptyPile { .. }), "seed {seed}");
        h.ch('j');
        // The reshuffle brings back the ground rules card set aside after round 1: the
        // only admissible card, while the safety card lies in the pile as well.
        assert_eq!(h.table().last(), Some(&rules[0]), "seed {seed}");
        // Set two aside; the reshuffle brings one of them back, not the safety card.
        let skipped = h.table()[left - 1..].to_vec();
        h.keys("ss");
        h.ch('d');
        assert!(matches!(h.app.mode, Mode::EmptyPile { .. }));
        h.ch('j');
        let last = h.table().last().cloned().unwrap();
        assert!(!is_safety(&last), "seed {seed}: {last:?}");
        assert!(skipped.contains(&last), "seed {seed}: {last:?}");
    }
}
