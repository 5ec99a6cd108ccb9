//! `cargo bench --bench frame`: time from a key press to a finished frame at 120×40 (a
//! session, and the plan builder's round form at 120×40 and 80×24), and loading +
//! validating a generated 10,000-card deck. Figures, not pass/fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::DateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The tests' harness: a session started and driven like `tafel run`.
#[path = "../tests/common/harness.rs"]
mod harness;

use harness::Setup;

fn main() {
    key_to_frame();
    builder_key_to_frame();
    deck_loading();
    look_back();
}

/// The home screen's look-back list over an archive (`TAFEL_BENCH_ARCHIVE=DIR`, e.g. one
/// made by `bench/gen_sessions.py 50000 DIR`; its index is built once in a temporary cache
/// first): opening the list (query, load, first frame), ↓ to a finished frame, and one
/// typed search letter to a finished frame. Skipped without the variable.
fn look_back() {
    use tafel::history::index::Query;
    use tafel::history::listing::{History, Progress, Source};
    use tafel::home::{Home, Input};
    use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};
    let Some(dir) = std::env::var_os("TAFEL_BENCH_ARCHIVE") else {
        println!("look-back: set TAFEL_BENCH_ARCHIVE=DIR to measure it");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let cache = tempfile::tempdir().unwrap();
    let sources = [Source::own(&dir)];
    drop(History::open(&sources, Some(cache.path()), Progress::Quiet).unwrap());
    let library = &*harness::LIBRARY;
    let area = Rect::new(0, 0, 120, 40);
    let draw = |home: &Home| {
        let mut buf = Buffer::empty(area);
        tafel::ui::home::render(home, area, &mut buf);
        black_box(buf);
    };
    let key = |code| Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    // As the shell asks: a page of rows (see `home::lookback_page`).
    let query = |history: &mut History, search: Option<String>| {
        history.query(&Query {
            search,
            details: true,
            limit: Some(tafel::home::lookback_page()),
            ..Query::default()
        })
    };
    let mut opening = Vec::new();
    let mut home = Home::new(library, "30-11-2026", &[], 7);
    for _ in 0..5 {
        home = Home::new(library, "30-11-2026", &[], 7);
        let began = Instant::now();
        home.update(key(KeyCode::Char('3')));
        let mut history = History::open(&sources, Some(cache.path()), Progress::Quiet).unwrap();
        let listing = query(&mut history, None).map_err(Into::into);
        home.set_sessions(listing);
        draw(&home);
        opening.push(began.elapsed());
    }
    report("look-back: open the list (query + frame)", opening);
    let mut moving = Vec::new();
    for _ in 0..200 {
        let began = Instant::now();
        home.update(key(KeyCode::Down));
        draw(&home);
        moving.push(began.elapsed());
    }
    report("look-back: down to finished frame", moving);
    let mut history = History::open(&sources, Some(cache.path()), Progress::Quiet).unwrap();
    home.update(key(KeyCode::Char('/')));
    let mut typing = Vec::new();
    let mut search = String::new();
    for letter in "wethouder".chars() {
        let began = Instant::now();
        home.update(key(KeyCode::Char(letter)));
        search.push(letter);
        let search = search.clone();
        home.set_sessions(query(&mut history, Some(search)).map_err(Into::into));
        draw(&home);
        typing.push(began.elapsed());
    }
    report("look-back: a search letter to finished frame", typing);
}

/// The builder re-checks the whole plan (`tafel check`'s rules) on every frame: Tab through
/// a round form of the largest bundled plan and draw it.
fn builder_key_to_frame() {
    use tafel::builder::{Builder, Input};
    use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};
    let library = &*harness::LIBRARY;
    let plan = library.plan("grenzeloos-workshop").unwrap();
    let now = chrono::NaiveTime::from_hms_opt(13, 30, 0).unwrap();
    let mut b = Builder::copy_of(library, plan, std::path::PathBuf::from("/tmp"), now);
    let key = |code| Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    b.update(key(KeyCode::Enter), now);
    for (w, h) in [(120, 40), (80, 24)] {
        let area = Rect::new(0, 0, w, h);
        let mut samples = Vec::new();
        for _ in 0..500 {
            let began = Instant::now();
            b.update(key(KeyCode::Tab), now);
            let mut buf = Buffer::empty(area);
            tafel::ui::builder::render(&b, area, &mut buf);
            black_box(&buf);
            samples.push(began.elapsed());
        }
        report(&format!("builder: Tab to finished frame, {w}x{h}"), samples);
    }
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
    let wall = DateTime::parse_from_rfc3339("2026-11-22T14:00:00+01:00").unwrap();
    let mut h = Setup::plan("grenzeloos-workshop")
        .title("Meting")
        .seed(1)
        .participants(&["Anna", "Bram", "Chris"])
        .wall(wall)
        .session_file("x", "x")
        .start();
    let area = Rect::new(0, 0, 120, 40);
    let mut samples = Vec::new();
    // Draw and put back cards, pass turns, pause/resume: each a key and a full frame.
    let keys = ['d', 't', 'b', ' ', ' ', '+', '-'];
    for i in 0..3000 {
        h.clock.advance_ms(250);
        let began = Instant::now();
        h.ch(keys[i % keys.len()]);
        let mut buf = Buffer::empty(area);
        tafel::ui::render(&h.app, area, &mut buf);
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
