//! `cargo bench --bench groupwork`: the team mixer on 200 participants, and from key press to
//! finished frame on the vote screen and the grouping screen. Figures, not pass/fail (issue 10).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tafel::catalog::{Plan, Round, RoundKind, RoundLength, VoteSpec};
use tafel::keys::KeyCode;
use tafel::session::groupwork::form_teams;

/// The tests' harness: a session started and driven like `tafel run`.
#[path = "../tests/common/harness.rs"]
mod harness;

use harness::Setup;

const STYLES: [&str; 6] = [
    "verbinder",
    "verkenner",
    "doorzetter",
    "speelveldkenner",
    "vertaler",
    "spiegelaar",
];

fn main() {
    mixer();
    vote_frame();
    grouping_frame();
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<52} median {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}  (n={})",
        pick(0.5),
        pick(0.99),
        samples[samples.len() - 1],
        samples.len()
    );
}

fn mixer() {
    let people: Vec<String> = (0..200).map(|i| format!("Deelnemer {i}")).collect();
    // Uneven styles, a second style for some, and a few people without one.
    let styles: BTreeMap<String, Vec<String>> = people
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 17 != 0)
        .map(|(i, p)| {
            let mut picks = vec![STYLES[(i * i) % 6].to_string()];
            if i % 3 == 0 {
                picks.push(STYLES[(i + 1) % 6].to_string());
            }
            (p.clone(), picks)
        })
        .collect();
    for (teams, mix) in [(40, true), (40, false), (8, true)] {
        let samples = (0..500u64)
            .map(|seed| {
                let began = Instant::now();
                let split = form_teams(&people, &styles, teams, mix, seed, "teams-0");
                black_box(&split);
                began.elapsed()
            })
            .collect();
        let how = if mix { "mixed by style" } else { "random" };
        report(
            &format!("team mixer, 200 people into {teams} teams, {how}"),
            samples,
        );
    }
}

fn vote_frame() {
    let options: Vec<String> = (1..=12)
        .map(|i| format!("Idee {i}: een optie met een redelijk lange naam"))
        .collect();
    let plan = Plan {
        id: "meting".into(),
        title: "Meting".into(),
        description: String::new(),
        guide: Default::default(),
        resolved_for: None,
        decks: Vec::new(),
        rounds: vec![Round {
            title: "Stemmen".into(),
            length: RoundLength::Minutes(10),
            scale: None,
            instruction: "Ieder drie stippen.".into(),
            draw: None,
            turns: false,
            team_turns: false,
            roles: Vec::new(),
            kind: RoundKind::Vote(VoteSpec {
                options,
                budget: 3,
                max_per_option: None,
                points: false,
                from: Vec::new(),
            }),
        }],
    };
    let names: Vec<String> = (0..30).map(|i| format!("Deelnemer {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut h = Setup::new("Meting", plan, Vec::new())
        .participants(&names)
        .start();
    for (area, label) in [
        (Rect::new(0, 0, 120, 40), "120x40"),
        (Rect::new(0, 0, 80, 24), "80x24"),
    ] {
        for revealed in [false, true] {
            let mut samples = Vec::new();
            // Give a dot, take it back, next person: each a key and a full frame.
            let keys = [
                KeyCode::Char('a'),
                KeyCode::Char('A'),
                KeyCode::Char('l'),
                KeyCode::Down,
            ];
            for i in 0..2000 {
                h.clock.advance_ms(100);
                let began = Instant::now();
                h.key(keys[i % keys.len()]);
                let mut buf = Buffer::empty(area);
                tafel::ui::render(&h.app, area, &mut buf);
                black_box(&buf);
                samples.push(began.elapsed());
            }
            let state = if revealed { "result shown" } else { "secret" };
            report(
                &format!("vote screen, 30 people, 12 options, {state}, {label}"),
                samples,
            );
            // Letters are refused while the result shows: measure the frame alone there.
            h.enter();
        }
    }
}

fn grouping_frame() {
    let mut h = Setup::custom(&[("Verzamelen", 30)]).start();
    for i in 0..200 {
        h.note(&format!(
            "Notitie {i} over iets wat de groep belangrijk vindt"
        ));
    }
    h.ch('i');
    // Twenty themes of ten notes each.
    for _ in 0..20 {
        h.keys("          n");
        h.type_text("Thema");
        h.enter();
    }
    let area = Rect::new(0, 0, 120, 40);
    let keys = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Char(' '),
    ];
    let mut samples = Vec::new();
    for i in 0..2000 {
        let began = Instant::now();
        h.key(keys[i % keys.len()]);
        let mut buf = Buffer::empty(area);
        tafel::ui::render(&h.app, area, &mut buf);
        black_box(&buf);
        samples.push(began.elapsed());
    }
    report("grouping screen, 200 notes in 20 themes, 120x40", samples);
}
