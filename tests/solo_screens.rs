//! The solo reflection screen at 120×40 and 80×24, in Dutch and English, and in the
//! high-contrast theme for projectors.

use std::sync::Mutex;

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use tafel::app::{App, Effect, Input, Now, SOLO_PLAN};
use tafel::catalog::{DrawSpec, Library, Plan, Round, RoundLength};
use tafel::i18n::{self, Lang};
use tafel::session::event::FORMAT;
use tafel::session::{Event, Record, Session};
use tafel::ui::theme::{self, Theme};

/// Language and theme are global: one test at a time in this file.
static GLOBALS: Mutex<()> = Mutex::new(());

fn solo_app(minutes: u32) -> App {
    let library = Library::load(&[]);
    let deck = library.deck("loyale-tegenspraak").unwrap().clone();
    let plan = Plan {
        id: SOLO_PLAN.into(),
        title: "Solo reflectie".into(),
        description: "Eén kaart.".into(),
        decks: vec![deck.id.clone()],
        rounds: vec![Round {
            title: "Reflectie".into(),
            length: RoundLength::Minutes(minutes),
            instruction: "Lees en schrijf.".into(),
            draw: Some(DrawSpec {
                deck: Some(deck.id.clone()),
                category: Some("openen".into()),
                count: 1,
            }),
            turns: false,
            roles: vec![],
        }],
    };
    let wall = DateTime::parse_from_rfc3339("2026-11-22T20:15:00+01:00").unwrap();
    let start = Record {
        seq: 0,
        at: wall,
        t: 0,
        event: Event::SessionStarted {
            format: FORMAT.into(),
            title: "Solo reflectie — 22-11-2026".into(),
            plan,
            decks: vec![deck],
            session_deck: None,
            seed: 3,
            participants: vec![],
        },
    };
    let now = Now { t: 0, wall };
    let mut app = App::new(Session::start(&start).unwrap(), "x".into(), "x".into(), now);
    let mut seq = 1;
    let mut pending = app.begin(now);
    let mut type_keys: Vec<KeyEvent> = "Ik zweeg vandaag in het overleg"
        .chars()
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .collect();
    type_keys.push(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    type_keys.extend(
        "Waarom? Ik wilde de sfeer niet verstoren."
            .chars()
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
    let mut keys = type_keys.into_iter();
    loop {
        for effect in std::mem::take(&mut pending) {
            if let Effect::Persist(events) = effect {
                let records: Vec<Record> = events
                    .into_iter()
                    .map(|event| {
                        seq += 1;
                        Record {
                            seq: seq - 1,
                            at: wall,
                            t: 0,
                            event,
                        }
                    })
                    .collect();
                pending.extend(app.confirmed(&records));
            }
        }
        match keys.next() {
            Some(key) => pending = app.update(Input::Key(key), now),
            None => break,
        }
    }
    app
}

fn render(app: &App, width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| tafel::ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, buffer)
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
