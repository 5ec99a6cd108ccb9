//! Issue 15: a paste reaches every text field, whatever screen it is on, and arrives the same
//! way everywhere: one line in a one-line field (line ends become spaces), escapes dropped,
//! cut at the field's length, inserted at the cursor. Each test pastes into one kind of
//! field through the screen's own state machine, as the terminal loop does.

mod common;

use std::path::PathBuf;

use chrono::NaiveTime;
use tafel::app::Mode;
use tafel::app::export::ExportForm;
use tafel::builder::{self, Builder, PLAN_FIELDS, RoundField, View};
use tafel::home::{Browser, Home, Input, LookBack, Screen, SoloField, WorkshopField};
use tafel::input::LineInput;
use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};
use tafel::replay::Replay;
use tafel::session::Event;

use common::harness::{LIBRARY, Setup};

/// What every one-line field makes of this paste: "Teamdag [1mnoord".
const PASTE: &str = "Teamdag\r\n\x1b[1mnoord";
const CLEAN: &str = "Teamdag [1mnoord";

fn home() -> Home<'static> {
    Home::new(&LIBRARY, "30-11-2026", &[], 7)
}

fn press(home: &mut Home, code: KeyCode) {
    home.update(Input::Key(KeyEvent::plain(code)));
}

#[test]
fn a_paste_reaches_the_workshop_and_solo_forms() {
    let mut home = home();
    press(&mut home, KeyCode::Enter);
    press(&mut home, KeyCode::Enter);
    let Screen::Workshop(form) = &home.screen else {
        panic!("the workshop form: {:?}", home.screen)
    };
    assert_eq!(form.focus, WorkshopField::Title);
    // The default title is a suggestion: the paste replaces it.
    home.update(Input::Paste(PASTE.into()));
    press(&mut home, KeyCode::Down);
    home.update(Input::Paste("Anna,\nBram".into()));
    let Screen::Workshop(form) = &home.screen else {
        panic!()
    };
    assert_eq!(form.title.text(), CLEAN);
    assert_eq!(form.participants.text(), "Anna, Bram");

    // The solo form's minutes take the digits of a paste.
    let mut home = self::home();
    press(&mut home, KeyCode::Char('2'));
    for _ in 0..5 {
        if let Screen::Solo(form) = &home.screen
            && form.focus == SoloField::Minutes
        {
            break;
        }
        press(&mut home, KeyCode::Tab);
    }
    home.update(Input::Paste(" 25 min\n".into()));
    let Screen::Solo(form) = &home.screen else {
        panic!("the solo form: {:?}", home.screen)
    };
    assert_eq!(form.focus, SoloField::Minutes);
    assert_eq!(form.minutes.text(), "25");
}

#[test]
fn a_paste_reaches_the_search_boxes_the_rename_field_and_the_export_folder() {
    let mut home = home();
    home.screen = Screen::LookBack(LookBack {
        searching: true,
        ..LookBack::default()
    });
    home.update(Input::Paste(PASTE.into()));
    let Screen::LookBack(look) = &mut home.screen else {
        panic!()
    };
    assert_eq!(look.query.text(), CLEAN);

    look.searching = false;
    look.rename = Some((PathBuf::from("x.jsonl"), LineInput::new("Oud", 80)));
    home.update(Input::Paste(PASTE.into()));
    let Screen::LookBack(look) = &mut home.screen else {
        panic!()
    };
    let (_, field) = look.rename.take().unwrap();
    assert_eq!(
        field.text(),
        format!("Oud{CLEAN}"),
        "at the cursor, the end"
    );

    look.export = Some((PathBuf::from("x.jsonl"), ExportForm::new("")));
    home.update(Input::Paste(" /home/anna/Documenten\n".into()));
    let Screen::LookBack(look) = &home.screen else {
        panic!()
    };
    let (_, form) = look.export.as_ref().unwrap();
    assert_eq!(form.folder.text(), "/home/anna/Documenten");

    let mut browser = Browser::default();
    browser.searching = true;
    home.screen = Screen::Decks(browser);
    home.update(Input::Paste(PASTE.into()));
    let Screen::Decks(browser) = &home.screen else {
        panic!()
    };
    assert_eq!(browser.query.text(), CLEAN);
}

#[test]
fn a_paste_reaches_the_agenda_questions() {
    let mut h = Setup::plan("koers-wat").start();
    let rounds = h.app.session.rounds.len();
    h.ch('g');
    h.ch('i');
    assert!(h.paste(PASTE).is_empty(), "no note is opened for it");
    h.enter();
    // The minutes: 10 filled in, replaced by a pasted number.
    h.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.paste("15");
    h.enter();
    assert!(matches!(h.app.mode, Mode::Agenda(ref s) if s.input.is_none()));
    assert_eq!(h.app.session.rounds.len(), rounds + 1);
    let inserted = h.journal.iter().rev().find_map(|r| match &r.event {
        Event::RoundInserted { title, minutes, .. } => Some((title.clone(), *minutes)),
        _ => None,
    });
    assert_eq!(inserted, Some((CLEAN.to_string(), 15)));
}

#[test]
fn a_paste_reaches_the_theme_name_and_the_agreement_fields() {
    let mut h = Setup::plan("koers-wat").start();
    h.note("Meer ruimte voor het wijkteam");
    h.ch('i');
    h.ch('n');
    h.paste(PASTE);
    h.enter();
    let named = h
        .journal
        .iter()
        .any(|r| matches!(&r.event, Event::ThemeCreated { name, .. } if name == CLEAN));
    assert!(named, "{:?}", h.journal.last());
    h.esc();

    h.ch('a');
    h.paste("Verslag rondsturen");
    h.key(KeyCode::Tab);
    h.paste("Anna\nde Vries");
    h.key(KeyCode::Tab);
    h.paste("vrijdag\x1b[0m");
    h.enter();
    let agreed = h.journal.iter().rev().find_map(|r| match &r.event {
        Event::NoteAdded { owner, due, .. } => Some((owner.clone(), due.clone())),
        _ => None,
    });
    assert_eq!(
        agreed,
        Some((Some("Anna de Vries".into()), Some("vrijdag[0m".into())))
    );
}

#[test]
fn a_paste_reaches_the_replay_search_box_at_its_cursor() {
    let mut h = Setup::plan("koers-wat").start();
    h.note("We willen eerst draagvlak bij de wethouder");
    let mut replay = Replay::new(h.journal.clone(), "test".into()).unwrap();
    replay.paste("niets");
    assert!(replay.search_box.is_none(), "no box, no paste");
    replay.key(KeyEvent::plain(KeyCode::Char('/')), 0);
    replay.paste("houder");
    replay.key(KeyEvent::plain(KeyCode::Home), 0);
    replay.paste("WET\x1b[2J");
    assert_eq!(replay.search_box.as_ref().unwrap().text(), "WET[2Jhouder");
    // Ctrl+U takes what is before the cursor: the pasted "WET[2J".
    replay.key(KeyEvent::ctrl('u'), 0);
    replay.key(KeyEvent::plain(KeyCode::End), 0);
    replay.paste("\n");
    assert_eq!(replay.search_box.as_ref().unwrap().text(), "houder ");
    replay.key(KeyEvent::plain(KeyCode::Backspace), 0);
    replay.key(KeyEvent::plain(KeyCode::Enter), 0);
    let status = replay.status.clone().unwrap_or_default();
    assert!(status.contains("houder"), "{status}");
    assert!(!status.starts_with("niet"), "{status}");
}

#[test]
fn a_paste_reaches_every_builder_field() {
    let now = NaiveTime::from_hms_opt(13, 28, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut b = Builder::new_plan(&LIBRARY, dir.path().to_path_buf(), now);
    let line_fields = [
        RoundField::Title,
        RoundField::TeamNumber,
        RoundField::VoteBudget,
        RoundField::VoteMax,
        RoundField::VoteOptions,
        RoundField::Minutes,
        RoundField::PerPerson,
        RoundField::PerTeam,
        RoundField::MaxMinutes,
        RoundField::Until,
        RoundField::Roles,
    ];
    for field in line_fields {
        b.view = View::Round { index: 0, field };
        b.rounds[0].line_input(field).unwrap().clear();
        b.update(builder::Input::Paste("42\n".into()), now);
        let text = b.rounds[0].line_input(field).unwrap().text().to_string();
        assert_eq!(text, "42 ", "{field:?}");
    }
    assert!(b.dirty);
    // A choice field takes no paste.
    b.view = View::Round {
        index: 0,
        field: RoundField::Deck,
    };
    let before = b.rounds[0].clone();
    b.update(builder::Input::Paste("koerskaarten".into()), now);
    assert_eq!(b.rounds[0], before);

    // The instruction keeps its lines.
    b.view = View::Round {
        index: 0,
        field: RoundField::Instruction,
    };
    b.update(
        builder::Input::Paste("Eerst alleen\r\nDan samen\x1b[0m".into()),
        now,
    );
    assert_eq!(b.rounds[0].instruction.text(), "Eerst alleen\nDan samen[0m");
    let long = "x".repeat(builder::INSTRUCTION_CHARS * 2);
    b.update(builder::Input::Paste(long), now);
    assert_eq!(
        b.rounds[0].instruction.char_count(),
        builder::INSTRUCTION_CHARS
    );

    // The plan's fields: the clean text, cut at a number field's six characters.
    for field in PLAN_FIELDS {
        b.view = View::Plan { field };
        b.plan_input(field).clear();
        b.update(builder::Input::Paste(PASTE.into()), now);
        let text = b.plan_input(field).text();
        assert!(
            text.chars().count() >= 6 && CLEAN.starts_with(text),
            "{field:?}: {text}"
        );
    }
}

/// A paste cut to fit says the limit of the field it went into: 200 characters for "wanneer",
/// not the 20,000 of a note.
#[test]
fn a_paste_cut_to_fit_says_the_limit_of_its_own_field() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('a');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.paste(&"volgende week vrijdag ".repeat(300));
    let said = format!("{:?}", h.app.status);
    assert!(said.contains("ingekort tot 200 tekens"), "{said}");
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    h.paste(&"x".repeat(25_000));
    let said = format!("{:?}", h.app.status);
    assert!(said.contains("ingekort tot 20000 tekens"), "{said}");
}
