//! The solo reflection screen at 120×40 and 80×24, in Dutch and English, and in the
//! high-contrast theme for projectors.

mod common;

use std::sync::Mutex;

use chrono::DateTime;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tafel::keys::{KeyCode, KeyModifiers};

use tafel::app::App;
use tafel::i18n::{self, Lang};
use tafel::ui::theme::{self, Theme};

use common::harness::{LIBRARY, Setup, terminal, trimmed_rows};

/// Language and theme are global: one test at a time in this file.
static GLOBALS: Mutex<()> = Mutex::new(());

fn solo_app(minutes: u32) -> App {
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    let plan = tafel::app::solo_plan(&deck, Some("openen".into()), minutes);
    let wall = DateTime::parse_from_rfc3339("2026-11-22T20:15:00+01:00").unwrap();
    let mut solo = Setup::new("Solo reflectie — 22-11-2026", plan, vec![deck])
        .seed(3)
        .wall(wall)
        .session_file("x", "x")
        .start();
    solo.type_text("Ik zweeg vandaag in het overleg");
    solo.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    solo.type_text("Waarom? Ik wilde de sfeer niet verstoren.");
    solo.app
}

fn render(app: &App, width: u16, height: u16) -> (String, Buffer) {
    let terminal = terminal(width, height, |f| tafel::ui::draw(f, app));
    let buffer = terminal.backend().buffer().clone();
    (trimmed_rows(&buffer), buffer)
}

#[test]
fn solo_in_dutch_and_english() {
    let _lock = GLOBALS.lock().unwrap_or_else(|e| e.into_inner());
    theme::set(Theme::Dark);
    i18n::set_lang(Lang::Nl);
    let app = solo_app(0);
    assert_eq!(
        app.session.live_notes().count(),
        1,
        "Ctrl+S saved the first line"
    );
    for (w, h) in [(120, 40), (80, 24)] {
        let (text, _) = render(&app, w, h);
        assert!(text.contains("Jouw reflectie"), "{text}");
        assert!(text.contains("Ik zweeg vandaag in het overleg"));
        assert!(text.contains("Waarom? Ik wilde de sfeer niet verstoren."));
        assert!(text.contains("Ctrl+S bewaar"));
        insta::assert_snapshot!(format!("solo_nl_{w}x{h}"), text);
    }
    i18n::set_lang(Lang::En);
    let app = solo_app(10);
    for (w, h) in [(120, 40), (80, 24)] {
        let (text, _) = render(&app, w, h);
        assert!(text.contains("Your reflection"), "{text}");
        assert!(text.contains("10:00 left"), "a timer was asked for: {text}");
        insta::assert_snapshot!(format!("solo_en_{w}x{h}"), text);
    }
    i18n::set_lang(Lang::Nl);
}

#[test]
fn the_contrast_theme_uses_no_mid_greys() {
    let _lock = GLOBALS.lock().unwrap_or_else(|e| e.into_inner());
    i18n::set_lang(Lang::Nl);
    theme::set(Theme::Contrast);
    let app = solo_app(5);
    let (text, buffer) = render(&app, 120, 40);
    theme::set(Theme::Dark);
    insta::assert_snapshot!("solo_contrast_120x40", text);
    let allowed = [
        Color::Reset,
        Color::Black,
        Color::White,
        Color::Yellow,
        Color::LightYellow,
    ];
    for cell in buffer.content() {
        assert!(
            allowed.contains(&cell.fg),
            "foreground {:?} in the contrast theme",
            cell.fg
        );
        assert!(
            allowed.contains(&cell.bg),
            "background {:?} in the contrast theme",
            cell.bg
        );
    }
}

/// On a small terminal the card still shows its question, not only its title; the writing
/// area keeps at least three lines.
#[test]
fn a_small_solo_screen_shows_the_cards_question() {
    let _lock = GLOBALS.lock().unwrap_or_else(|e| e.into_inner());
    let app = solo_app(0);
    let card = app
        .card_on_table()
        .and_then(|c| app.session.card(c))
        .unwrap()
        .1;
    let first_words: String = card
        .prompt
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    for (w, h) in [(40, 12), (40, 16), (60, 14)] {
        let (text, _) = render(&app, w, h);
        assert!(text.contains(&first_words), "{w}×{h}: {text}");
        assert!(text.contains("Jouw reflectie"), "{w}×{h}: {text}");
    }
}
