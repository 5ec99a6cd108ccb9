//! Unsaved text: what the facilitator typed and was told is kept must survive corrections,
//! the end of a session, and solo reflection (issue 8, items 1 and 3).

mod common;

use tafel::keys::{KeyCode, KeyModifiers};

use tafel::app::{App, Effect, Mode};
use tafel::session::Event;
use tafel::session::draft::Draft;

use common::harness::{Harness, LIBRARY, Setup};

/// The drafts as the last `KeepDrafts` left them on disk.
fn on_disk(h: &Harness) -> Vec<Draft> {
    h.log
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::KeepDrafts(drafts) => Some(drafts.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn texts(drafts: &[Draft]) -> Vec<&str> {
    drafts.iter().map(|d| d.text.as_str()).collect()
}

fn editor_text(app: &App) -> Option<String> {
    match &app.mode {
        Mode::Editor(editor) => Some(editor.to_draft().text),
        _ => None,
    }
}

fn live_texts(h: &Harness) -> Vec<String> {
    h.app.session.live_notes().map(|n| n.text.clone()).collect()
}

#[test]
fn correcting_a_note_keeps_the_draft_that_was_put_aside() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.ch('n');
    h.type_text("eerste");
    h.enter();
    h.ch('n');
    h.type_text("CONCEPT A");
    h.esc();
    assert_eq!(texts(&on_disk(&h)), ["CONCEPT A"]);

    // Correct note 1: open it, type, let the draft be written, save.
    h.ch('e');
    h.enter();
    assert_eq!(editor_text(&h.app).as_deref(), Some("eerste"));
    h.type_text(" x");
    h.advance_secs(1);
    assert_eq!(
        texts(&on_disk(&h)),
        ["CONCEPT A", "eerste x"],
        "the correction is kept beside the draft, not over it"
    );
    h.enter();
    assert_eq!(live_texts(&h), ["eerste x"]);
    assert_eq!(
        texts(&on_disk(&h)),
        ["CONCEPT A"],
        "only the correction went"
    );

    h.ch('n');
    assert_eq!(editor_text(&h.app).as_deref(), Some("CONCEPT A"));
}

#[test]
fn a_correction_put_aside_comes_back_on_its_own_note() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.note("eerste");
    h.ch('e');
    h.enter();
    h.type_text(" half gecorrigeerd");
    h.esc();
    assert_eq!(texts(&on_disk(&h)), ["eerste half gecorrigeerd"]);
    // A new note starts empty: the correction is not a new note.
    h.ch('n');
    assert_eq!(editor_text(&h.app).as_deref(), Some(""));
    h.esc();
    h.ch('e');
    h.enter();
    assert_eq!(
        editor_text(&h.app).as_deref(),
        Some("eerste half gecorrigeerd")
    );
    // Opening a note and closing it unchanged keeps nothing.
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.note("eerste");
    h.ch('e');
    h.enter();
    h.esc();
    assert!(on_disk(&h).is_empty());
}

#[test]
fn ending_a_workshop_saves_unsaved_text_as_notes() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.note("bewaard");
    h.ch('n');
    h.type_text("nog niet bewaard");
    h.esc();
    h.ch('e');
    h.enter();
    h.type_text(" en gecorrigeerd");
    h.esc();
    h.ch('q');
    assert!(h.app.draft_count() == 2);
    h.ch('j');
    assert!(h.app.session.ended);
    assert_eq!(
        live_texts(&h),
        ["bewaard en gecorrigeerd", "nog niet bewaard"]
    );
    assert!(on_disk(&h).is_empty(), "nothing left in a draft");
}

fn solo() -> Harness {
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    Setup::new("Solo", tafel::app::solo_plan(&deck, None, 0), vec![deck]).start()
}

#[test]
fn ending_solo_reflection_saves_what_was_not_saved_with_ctrl_s() {
    let mut h = solo();
    h.type_text("wat ik opschreef");
    h.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    h.type_text("en wat ik nog niet bewaarde");
    h.esc();
    assert!(matches!(h.app.mode, Mode::ConfirmQuit));
    h.ch('j');
    assert!(h.app.session.ended);
    assert_eq!(
        live_texts(&h),
        ["wat ik opschreef", "en wat ik nog niet bewaarde"]
    );
    let last: Vec<&Event> = h.journal.iter().rev().take(3).map(|r| &r.event).collect();
    assert!(matches!(last[0], Event::SessionEnded), "{last:?}");
    assert!(on_disk(&h).is_empty());
}

#[test]
fn a_failed_draft_write_is_said_and_remembered() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.ch('n');
    h.type_text("kostbaar");
    h.app.drafts_failed("schijf vol".into());
    assert_eq!(h.app.drafts_not_kept.as_deref(), Some("schijf vol"));
    let effects = h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(texts(&h.app.pending_drafts()), ["kostbaar"]);
    assert!(effects.contains(&Effect::Quit));
    h.app.drafts_kept();
    assert_eq!(h.app.drafts_not_kept, None);
}

/// Issue 8, item 21: a note of several lines shows every line on the round screen.
#[test]
fn a_multi_line_note_shows_all_its_lines() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.ch('n');
    h.type_text("eerste regel");
    h.key_with(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text("tweede regel");
    h.enter();
    let screen = common::harness::screen_text(120, 40, |f| tafel::ui::draw(f, &h.app));
    assert!(screen.contains("• eerste regel"), "{screen}");
    assert!(screen.contains("    tweede regel"), "{screen}");
}

/// Issue 8, item 21: Ctrl+S saves in the workshop editor as in solo reflection, and each
/// screen says what Enter does there.
#[test]
fn ctrl_s_saves_everywhere_and_enter_is_named_on_screen() {
    let mut h = Setup::plan("tegenspraak-gesprek").start();
    h.ch('n');
    h.type_text("met Ctrl+S");
    let screen = common::harness::screen_text(120, 40, |f| tafel::ui::draw(f, &h.app));
    assert!(screen.contains("Enter / Ctrl+S bewaar"), "{screen}");
    h.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(live_texts(&h), ["met Ctrl+S"]);

    let h = solo();
    let screen = common::harness::screen_text(120, 40, |f| tafel::ui::draw(f, &h.app));
    assert!(screen.contains("Enter nieuwe regel"), "{screen}");
}
