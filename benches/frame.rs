//! `cargo bench --bench frame`: time from a key press to a finished frame at 120×40, and
//! loading + validating a generated 10,000-card deck. Figures, not pass/fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::DateTime;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use tafel::app::{App, Effect, Input, Now};
use tafel::catalog::Library;
use tafel::session::event::FORMAT;
use tafel::session::{Event, Record, Session};

fn main() {
    key_to_frame();
    deck_loading();
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<44} median {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}  (n={})",
        pick(0.5),
        pick(0.99),
        samples[samples.len() - 1],
        samples.len()
    );
}

fn key_to_frame() {
    let library = Library::load(&[]);
    let plan = library.plan("grenzeloos-workshop").unwrap().clone();
    let decks = vec![library.deck("grenzeloos-samenwerken").unwrap().clone()];
    let wall = DateTime::parse_from_rfc3339("2026-11-22T14:00:00+01:00").unwrap();
    let start = Record {
        seq: 0,
        at: wall,
        t: 0,
        event: Event::SessionStarted {
            format: FORMAT.into(),
            title: "Meting".into(),
            plan,
            decks,
            session_deck: None,
            seed: 1,
            participants: vec!["Anna".into(), "Bram".into(), "Chris".into()],
        },
    };
    let mut t = 0;
    let now = |t: u64| Now { t, wall };
    let mut app = App::new(
        Session::start(&start).unwrap(),
        "x".into(),
        "x".into(),
        now(0),
    );
    let mut seq = 1;
    let mut run = |app: &mut App, effects: Vec<Effect>, t: u64| {
        for effect in effects {
            if let Effect::Persist(events) = effect {
                let records: Vec<Record> = events
                    .into_iter()
                    .map(|event| {
                        seq += 1;
                        Record {
                            seq: seq - 1,
                            at: wall,
                            t,
                            event,
                        }
                    })
                    .collect();
                app.confirmed(&records);
            }
        }
    };
    let effects = app.begin(now(0));
    run(&mut app, effects, 0);
    let area = Rect::new(0, 0, 120, 40);
    let mut samples = Vec::new();
    // Draw and put back cards, pass turns, pause/resume: each a key and a full frame.
    let keys = ['d', 't', 'b', ' ', ' ', '+', '-'];
    for i in 0..3000 {
        t += 250;
        let key = KeyEvent::new(KeyCode::Char(keys[i % keys.len()]), KeyModifiers::NONE);
        let began = Instant::now();
        let effects = app.update(Input::Key(key), now(t));
        run(&mut app, effects, t);
        let mut buf = Buffer::empty(area);
        tafel::ui::render(&app, area, &mut buf);
        black_box(&buf);
        samples.push(began.elapsed());
    }
    report("key press to finished frame, 120x40", samples);
}

fn deck_loading() {
    let mut text = String::from(
        "[deck]\nid = \"groot\"\ntitle = \"Groot\"\ndescription = \"Meting\"\nlanguage = \"nl\"\n\n",
    );
    for c in 0..20 {
        text.push_str(&format!(
            "[[category]]\nid = \"cat-{c}\"\ntitle = \"Categorie {c}\"\n\n"
        ));
    }
    for i in 0..10_000 {
        text.push_str(&format!(
            "[[card]]\nid = \"kaart-{i}\"\ncategory = \"cat-{}\"\ntitle = \"Kaart {i}\"\nprompt = \"Wat betekent vraag {i} voor onze gezamenlijke opgave?\"\nhint = \"Tip {i}\"\ntags = [\"a\", \"b\"]\n\n",
            i % 20
        ));
    }
    let samples = (0..20)
        .map(|_| {
            let began = Instant::now();
            let parsed = tafel::catalog::parse::parse("groot.toml", &text);
            assert!(parsed.is_ok());
            black_box(parsed.ok());
            began.elapsed()
        })
        .collect();
    report("parse + validate 10,000-card deck", samples);
}
