//! The application state machine, driven without a terminal and with a fake clock: the note editor, notes, agreements, drafts, corrections and paste.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use tafel::keys::{KeyCode, KeyModifiers};

use tafel::app::{Effect, Mode};
use tafel::session::clock::Clock;
use tafel::session::draft::Draft;
use tafel::session::event::{Event, NoteKind};

use common::app_helpers::{has_persist, is_info, persisted};
use common::harness::Setup;

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

#[test]
fn n_then_typing_and_enter_saves_a_note_with_the_round_and_the_card() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    let card = h.app.card_on_table().cloned().expect("a card");
    assert!(h.ch('n').is_empty());
    assert!(matches!(h.app.mode, Mode::Editor(_)));
    // Command keys are just letters in the editor.
    h.type_text("Wij doen dit samen, q d b g");
    assert_eq!(h.current(), Some(1));
    assert!(h.editor_draft().is_some());
    let effects = h.enter();
    assert_eq!(
        persisted(&effects),
        [Event::NoteAdded {
            id: 1,
            kind: NoteKind::Note,
            text: "Wij doen dit samen, q d b g".into(),
            owner: None,
            due: None,
            due_date: None,
            round: 1,
            card: Some(card.clone()),
        }]
    );
    assert!(effects.contains(&Effect::KeepDrafts(vec![])));
    assert!(h.is_normal());
    let notes = h.app.round_notes();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Wij doen dit samen, q d b g");
    assert_eq!(notes[0].card.as_ref(), Some(&card));
    assert_eq!(notes[0].at, h.clock.wall());
    assert_eq!(h.app.pending_drafts().pop(), None);

    // The next note gets the next id; a note without a card on the table has none.
    h.ch('s');
    h.ch('s');
    h.ch('n');
    h.type_text("  zonder kaart  ");
    assert_eq!(
        persisted(&h.enter()),
        [Event::NoteAdded {
            id: 2,
            kind: NoteKind::Note,
            text: "zonder kaart".into(),
            owner: None,
            due: None,
            due_date: None,
            round: 1,
            card: None,
        }]
    );
}

#[test]
fn alt_enter_makes_a_new_line() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('n');
    h.type_text("eerste regel");
    let effects = h.key_with(KeyCode::Enter, KeyModifiers::ALT);
    assert!(!has_persist(&effects));
    h.type_text("tweede");
    h.key_with(KeyCode::Enter, KeyModifiers::SHIFT);
    h.type_text("derde");
    assert_eq!(
        h.editor_draft().unwrap().text,
        "eerste regel\ntweede\nderde"
    );
    h.enter();
    assert_eq!(h.app.session.notes[0].text, "eerste regel\ntweede\nderde");
}

#[test]
fn a_makes_an_agreement_with_owner_and_due_date() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    h.type_agreement("Verslag rondsturen", "Anna", "vrijdag");
    let draft = h.editor_draft().unwrap();
    assert_eq!(draft.kind, NoteKind::Agreement);
    assert_eq!(
        (
            draft.text.as_str(),
            draft.owner.as_str(),
            draft.due.as_str()
        ),
        ("Verslag rondsturen", "Anna", "vrijdag")
    );
    // Back to the owner with Shift+Tab to correct it.
    h.key(KeyCode::BackTab);
    h.type_text(" de Vries");
    let effects = h.enter();
    let card = h.table().last().cloned();
    assert_eq!(
        persisted(&effects),
        [Event::NoteAdded {
            id: 1,
            kind: NoteKind::Agreement,
            text: "Verslag rondsturen".into(),
            owner: Some("Anna de Vries".into()),
            due: Some("vrijdag".into()),
            // The session is on Friday 14 March 2025: "vrijdag" is the next one.
            due_date: chrono::NaiveDate::from_ymd_opt(2025, 3, 21),
            round: 1,
            card,
        }]
    );
    let note = &h.app.session.notes[0];
    assert_eq!(note.kind, NoteKind::Agreement);
    assert_eq!(note.owner.as_deref(), Some("Anna de Vries"));

    // Tab in a plain note does not move anywhere.
    h.ch('n');
    h.type_text("x");
    h.key(KeyCode::Tab);
    h.type_text("y");
    assert_eq!(h.editor_draft().unwrap().text, "xy");
    assert_eq!(h.editor_draft().unwrap().owner, "");
}

#[test]
fn a_kept_note_draft_is_not_lost_when_a_opens_the_editor() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('n');
    h.type_text("Nog niet af");
    h.esc();
    // `a` brings the kept draft back instead of an empty agreement that would replace it.
    h.ch('a');
    let draft = h.editor_draft().unwrap();
    assert_eq!(draft.text, "Nog niet af");
    assert_eq!(draft.kind, NoteKind::Note);
}

#[test]
fn esc_keeps_the_draft_and_n_continues_it() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('n');
    h.type_text("Halverwege");
    let effects = h.esc();
    assert!(h.is_normal());
    assert!(!has_persist(&effects));
    let [Effect::KeepDrafts(drafts)] = &effects[..] else {
        panic!("expected KeepDrafts, got {effects:?}");
    };
    let [draft] = &drafts[..] else {
        panic!("expected one draft, got {drafts:?}");
    };
    assert_eq!(
        draft,
        &Draft {
            kind: NoteKind::Note,
            editing: None,
            text: "Halverwege".into(),
            owner: String::new(),
            due: String::new(),
            team: None,
        }
    );
    assert!(is_info(&h.app.status));
    assert!(h.app.session.notes.is_empty());
    assert_eq!(h.app.pending_drafts().pop(), Some(draft.clone()));

    // Commands work again while the draft waits.
    h.right();
    assert_eq!(h.current(), Some(1));

    h.ch('n');
    assert_eq!(h.editor_draft().unwrap().text, "Halverwege");
    h.type_text(" en klaar");
    let effects = h.enter();
    assert!(effects.contains(&Effect::KeepDrafts(vec![])));
    assert_eq!(h.app.session.notes[0].text, "Halverwege en klaar");
    assert_eq!(h.app.pending_drafts().pop(), None);

    // The next note starts empty.
    h.ch('n');
    assert_eq!(h.editor_draft().unwrap().text, "");
}

#[test]
fn esc_on_an_empty_editor_clears_the_draft() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('n');
    h.type_text("weg");
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    let effects = h.esc();
    assert_eq!(effects, [Effect::KeepDrafts(vec![])]);
    assert_eq!(h.app.pending_drafts().pop(), None);
    h.ch('n');
    assert_eq!(h.editor_draft().unwrap().text, "");
}

#[test]
fn a_restored_draft_opens_in_the_editor() {
    let mut h = Setup::plan("koers-wat").start();
    h.app.restore_drafts(vec![Draft {
        kind: NoteKind::Agreement,
        editing: None,
        text: "Na de crash".into(),
        owner: "Bram".into(),
        due: "morgen".into(),
        team: None,
    }]);
    assert!(is_info(&h.app.status));
    let draft = h.editor_draft().unwrap();
    assert_eq!(draft.text, "Na de crash");
    h.enter();
    let note = &h.app.session.notes[0];
    assert_eq!(note.kind, NoteKind::Agreement);
    assert_eq!(note.owner.as_deref(), Some("Bram"));
    assert_eq!(note.due.as_deref(), Some("morgen"));
    assert!(h.log.contains(&Effect::KeepDrafts(vec![])));
}

#[test]
fn a_paste_in_normal_mode_opens_the_editor_and_never_runs_a_command() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    let table = h.table();
    let before = h.journal.len();
    let effects = h.paste("q d → n\x1b[31m\r\nb g x");
    assert!(!has_persist(&effects));
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(
        h.journal.len(),
        before,
        "nothing was drawn, passed or ended"
    );
    assert_eq!(h.current(), Some(1));
    assert_eq!(h.table(), table);
    assert!(!h.app.session.ended);
    let draft = h.editor_draft().expect("the editor is open");
    assert_eq!(
        draft.text, "q d → n[31m\nb g x",
        "escapes dropped, line end kept"
    );

    // A second paste goes into the same note.
    h.paste(" en meer");
    assert_eq!(h.editor_draft().unwrap().text, "q d → n[31m\nb g x en meer");
    h.enter();
    assert_eq!(h.app.session.notes[0].text, "q d → n[31m\nb g x en meer");
    assert_eq!(h.app.session.notes[0].round, 1);

    // A paste in a question (here: quit?) is ignored.
    h.ch('q');
    assert!(h.paste("j").is_empty());
    assert!(matches!(h.app.mode, Mode::ConfirmQuit));
    assert!(!h.app.session.ended);
}

#[test]
fn e_then_enter_corrects_a_note_and_keeps_the_old_text() {
    let mut h = Setup::plan("koers-wat").start();
    h.note("Eerste versie");
    h.note("Andere notitie");

    h.ch('e');
    match h.app.mode {
        Mode::Notes {
            selected,
            confirm_delete,
        } => {
            assert_eq!(selected, 1, "the newest note is selected");
            assert!(!confirm_delete);
        }
        _ => panic!("expected the notes picker"),
    }
    h.key(KeyCode::Up);
    h.enter();
    let draft = h.editor_draft().expect("the editor with the note");
    assert_eq!(draft.editing, Some(1));
    assert_eq!(draft.text, "Eerste versie");
    for _ in 0.."versie".len() {
        h.key(KeyCode::Backspace);
    }
    h.type_text("poging");
    let effects = h.enter();
    assert_eq!(
        persisted(&effects),
        [Event::NoteEdited {
            id: 1,
            text: "Eerste poging".into(),
            owner: None,
            due: None,
            due_date: None,
        }]
    );
    assert!(h.is_normal());
    let note = &h.app.session.notes[0];
    assert_eq!(note.text, "Eerste poging");
    assert_eq!(note.history, ["Eerste versie"]);
    assert_eq!(
        h.app.session.notes.len(),
        2,
        "a correction is not a new note"
    );

    // Corrected twice: both old texts are kept, oldest first.
    h.ch('e');
    h.ch('k');
    h.ch('e');
    h.type_text("!");
    h.enter();
    assert_eq!(h.app.session.notes[0].text, "Eerste poging!");
    assert_eq!(
        h.app.session.notes[0].history,
        ["Eerste versie", "Eerste poging"]
    );
}

#[test]
fn e_without_notes_only_says_so() {
    let mut h = Setup::plan("koers-wat").start();
    assert!(h.ch('e').is_empty());
    assert!(h.is_normal());
    assert!(is_info(&h.app.status));
}

#[test]
fn e_then_x_then_j_deletes_a_note() {
    let mut h = Setup::plan("koers-wat").start();
    h.note("Blijft");
    h.note("Weg ermee");

    // x then no: nothing.
    h.ch('e');
    h.ch('x');
    assert!(matches!(
        h.app.mode,
        Mode::Notes {
            confirm_delete: true,
            ..
        }
    ));
    assert!(h.ch('n').is_empty());
    assert!(matches!(
        h.app.mode,
        Mode::Notes {
            confirm_delete: false,
            ..
        }
    ));
    assert_eq!(h.app.round_notes().len(), 2);
    h.esc();
    assert!(h.is_normal());

    // x then j: deleted.
    h.ch('e');
    h.ch('x');
    let effects = h.ch('j');
    assert_eq!(persisted(&effects), [Event::NoteDeleted { id: 2 }]);
    assert!(h.is_normal());
    let live: Vec<&str> = h
        .app
        .session
        .live_notes()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(live, ["Blijft"]);
    assert!(
        h.app.session.notes[1].deleted,
        "kept in the record, marked deleted"
    );

    // A new note does not reuse the id.
    h.note("Nieuw");
    assert_eq!(h.app.session.notes[2].id, 3);
}

#[test]
fn an_empty_note_is_not_saved() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    h.ch('n');
    let effects = h.enter();
    assert!(!has_persist(&effects));
    assert!(is_info(&h.app.status));
    assert!(
        matches!(h.app.mode, Mode::Editor(_)),
        "the editor stays open"
    );
    h.type_text("   ");
    h.key_with(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text("  ");
    assert!(!has_persist(&h.enter()));
    assert_eq!(h.journal.len(), before);
    assert!(h.app.session.notes.is_empty());
}
