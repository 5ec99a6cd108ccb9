//! The room's screen and the views of a round (issue 9): the pure view model, the room
//! screen at several sizes, the waiting and "begeleider weg" screens, and following a journal
//! as it grows.

mod common;

use std::io::Write;

use common::harness::{Harness, MIN, Setup, screen_text, wall_time};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tafel::catalog::RoundLength;
use tafel::room::Follower;
use tafel::session::{Event, NoteKind, Session};
use tafel::ui::room::Draw;
use tafel::view::{self, Options, Phase, RoomView};

/// `koers-wat`, first round begun, with `cards` cards on the table, a note shown, and
/// three participants taking turns.
fn round_with_cards(cards: usize) -> Harness {
    let mut h = Setup::plan("koers-wat")
        .participants(&["Anna", "Bram", "Chris"])
        .start();
    for _ in 0..cards {
        h.ch('d');
    }
    h.ch('b');
    h.note("Iedereen is er");
    h.advance_secs(60);
    h
}

fn room_view(h: &Harness) -> RoomView {
    view::room(
        &h.app.session,
        h.app.now.t,
        h.app.now.wall,
        Options::default(),
    )
}

fn room_screen(view: &RoomView, away: bool, w: u16, h: u16) -> String {
    screen_text(w, h, |frame| {
        tafel::ui::room::render(view, Draw::room(away), frame.area(), frame.buffer_mut())
    })
}

fn round(view: &RoomView) -> &view::RoundView {
    match view {
        RoomView::Round(round) => round,
        RoomView::Waiting(w) => panic!("expected a round, got {w:?}"),
    }
}

// ----- The view model -----------------------------------------------------------------------

#[test]
fn the_room_view_has_every_card_and_no_tips() {
    let h = round_with_cards(3);
    let view = room_view(&h);
    let r = round(&view);
    assert_eq!(r.position, "ronde 1 van 6");
    assert_eq!(r.cards.len(), 3, "every card on the table");
    assert_eq!(r.focus, 2, "the last drawn is shown large");
    assert!(r.cards.iter().all(|c| c.tip.is_none()), "never the tips");
    assert!(r.cards.iter().all(|c| !c.question.is_empty()));
    assert_eq!(r.turn.as_ref().unwrap().now, "Bram");
    assert_eq!(r.turn.as_ref().unwrap().next.as_deref(), Some("Chris"));
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.timer.phase, Phase::Running);
    // The console has the tips.
    let console = view::console::console(&h.app.session, h.app.now.t, h.app.now.wall);
    assert!(console.cards.iter().any(|c| c.tip.is_some()));
}

#[test]
fn silent_notes_are_counted_not_shown_until_revealed_and_hidden_notes_are_gone() {
    let mut h = round_with_cards(1);
    h.ch('w');
    h.note("Stil een");
    h.note("Stil twee");
    let r = room_view(&h);
    let r = round(&r);
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.collected, 2);
    let console = view::console::console(&h.app.session, h.app.now.t, h.app.now.wall);
    assert_eq!(console.notes.len(), 3, "the console sees every note");
    assert!(console.silent);
    h.ch('o');
    let r = room_view(&h);
    assert_eq!(round(&r).notes.len(), 3);
    assert_eq!(round(&r).collected, 0);
    h.ch('h');
    let r = room_view(&h);
    assert!(round(&r).notes.is_empty());
    assert!(round(&r).notes_hidden);
}

#[test]
fn timer_phases_warning_time_up_and_over_time_in_words() {
    let mut h = round_with_cards(0);
    let planned = h.app.session.timer.planned_ms;
    let line =
        |h: &Harness, warn_ms| view::timer_line(&h.app.session, h.app.now.t, Options { warn_ms });
    h.advance_ms(planned - 60_000 - h.app.now.t + 500);
    let warned = line(&h, 60_000);
    assert_eq!(warned.phase, Phase::Warning);
    assert_eq!(warned.words, "nog 1 minuut");
    assert_eq!(
        line(&h, 0).phase,
        Phase::Running,
        "no warning when it is off"
    );
    h.advance_ms(60_000);
    let up = line(&h, 60_000);
    assert_eq!(up.phase, Phase::TimeUp);
    assert_eq!(up.words, "DE TIJD IS OM");
    h.advance_ms(view::TIME_UP_MS + 2 * MIN);
    let over = line(&h, 60_000);
    assert_eq!(over.phase, Phase::Overtime);
    assert_eq!(over.words, "2 minuten over tijd");
}

#[test]
fn waiting_between_rounds_names_the_next_and_the_console_projects_the_end() {
    let mut h = round_with_cards(0);
    // Ten minutes in a five-minute round: we run five minutes late.
    h.advance_secs(9 * 60);
    let console = view::console::console(&h.app.session, h.app.now.t, h.app.now.wall);
    assert_eq!(console.schedule, "we lopen 5 min uit");
    assert_eq!(console.agenda[0].clock.as_deref(), Some("13:00"));
    assert!(console.next.is_some());
    h.app
        .session
        .apply(&next_record(&h, Event::RoundEnded { round: 0 }))
        .unwrap();
    let RoomView::Waiting(waiting) = room_view(&h) else {
        panic!("between rounds the room waits");
    };
    assert_eq!(waiting.headline, "Even pauze");
    assert!(waiting.next.unwrap().starts_with("Straks: ronde 2 · "));
    let none = view::waiting(None, wall_time("2025-03-14T13:00:00+01:00"));
    assert_eq!(none.headline, "Er loopt nu geen sessie");
}

/// The agenda's clock times, the projected end and the schedule in words, at this moment.
fn agenda_now(h: &Harness) -> (Vec<Option<String>>, String, String) {
    let console = view::console::console(&h.app.session, h.app.now.t, h.app.now.wall);
    let clocks = console.agenda.iter().map(|r| r.clock.clone()).collect();
    (clocks, console.projected_end, console.schedule)
}

fn clocks(times: &[&str]) -> Vec<Option<String>> {
    times.iter().map(|t| Some(t.to_string())).collect()
}

#[test]
fn a_round_until_a_clock_time_takes_up_the_delay_before_it_and_is_on_time_itself() {
    let mut setup = Setup::custom(&[("Welkom", 5), ("Tot de pauze", 1), ("Slot", 5)]);
    setup.plan.rounds[1].length =
        RoundLength::Until(chrono::NaiveTime::from_hms_opt(13, 20, 0).unwrap());
    let mut h = setup.start();
    let end = |at: &str| at.to_string();
    assert_eq!(
        agenda_now(&h),
        (
            clocks(&["13:00", "13:05", "13:20"]),
            end("13:25"),
            "op schema".into()
        )
    );
    // Two minutes over in the first round: the round until 13:20 is shorter, the end stays.
    h.advance_secs(7 * 60);
    assert_eq!(
        agenda_now(&h),
        (
            clocks(&["13:00", "13:07", "13:20"]),
            end("13:25"),
            "op schema".into()
        )
    );
    // In the round until 13:20, with time left: on time.
    h.right();
    h.advance_secs(3 * 60);
    assert_eq!(
        agenda_now(&h),
        (
            clocks(&["13:00", "13:07", "13:20"]),
            end("13:25"),
            "op schema".into()
        )
    );
    // Five minutes past 13:20 in it: five minutes late.
    h.advance_secs(15 * 60);
    assert_eq!(
        agenda_now(&h),
        (
            clocks(&["13:00", "13:07", "13:25"]),
            end("13:30"),
            "we lopen 5 min uit".into()
        )
    );
    // Started only after 13:20: no time left in it, the delay stays.
    let mut setup = Setup::custom(&[("Welkom", 5), ("Tot de pauze", 1), ("Slot", 5)]);
    setup.plan.rounds[1].length =
        RoundLength::Until(chrono::NaiveTime::from_hms_opt(13, 20, 0).unwrap());
    let mut h = setup.start();
    h.advance_secs(23 * 60);
    assert_eq!(
        agenda_now(&h),
        (
            clocks(&["13:00", "13:23", "13:23"]),
            end("13:28"),
            "we lopen 3 min uit".into()
        )
    );
}

fn next_record(h: &Harness, event: Event) -> tafel::session::Record {
    tafel::session::Record {
        seq: h.app.session.next_seq,
        at: h.app.now.wall,
        t: h.app.now.t,
        event,
    }
}

// ----- The room screen ----------------------------------------------------------------------

const SIZES: [(u16, u16); 3] = [(120, 35), (80, 24), (24, 6)];

#[test]
fn snapshots_of_the_room_with_one_two_and_three_cards() {
    for cards in 1..=3 {
        let h = round_with_cards(cards);
        let view = room_view(&h);
        for (w, ht) in SIZES {
            let text = room_screen(&view, false, w, ht);
            insta::assert_snapshot!(format!("room_{cards}_cards_{w}x{ht}"), text);
            let r = round(&view);
            // The question of the card shown large is never gone (its start, at least).
            let focus = &r.cards[r.focus].question;
            let start: String = focus.split_whitespace().take(1).collect();
            assert!(
                text.contains(&start),
                "{w}x{ht} shows the question:\n{text}"
            );
            assert!(!text.contains("Tip voor de begeleider"), "no tips: {text}");
            assert!(!text.contains("? hulp"), "no key hints: {text}");
            if w >= 80 {
                assert!(text.contains("nog 4:00"), "the timer in words: {text}");
            }
            // Notes come last: three stacked cards at 80×24 leave no room for them.
            if w >= 120 || (w >= 80 && cards < 3) {
                assert!(text.contains("Iedereen is er"), "the shown note: {text}");
            }
        }
    }
}

#[test]
fn every_card_is_on_the_large_room_screen_or_paged() {
    let h = round_with_cards(3);
    let view = room_view(&h);
    let r = round(&view);
    let large = room_screen(&view, false, 120, 35);
    for card in &r.cards {
        assert!(large.contains(&card.title.to_uppercase()), "{large}");
    }
    let small = room_screen(&view, false, 80, 24);
    let all_there = r
        .cards
        .iter()
        .all(|c| small.contains(&c.title.to_uppercase()));
    assert!(all_there || small.contains("kaart 3 van 3"), "{small}");
}

#[test]
fn snapshots_of_waiting_away_and_time_up() {
    let mut h = round_with_cards(1);
    let away = room_screen(&room_view(&h), true, 80, 24);
    insta::assert_snapshot!("room_away_80x24", away);
    assert!(away.contains("de begeleider is even weg"));
    assert!(away.contains("nog 4:00"), "the last state stays");
    let planned = h.app.session.timer.planned_ms;
    h.advance_ms(planned - h.app.now.t + 1_000);
    let up = room_screen(&room_view(&h), false, 80, 24);
    insta::assert_snapshot!("room_time_up_80x24", up);
    // The band is inverted across the full width.
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    tafel::ui::room::render(&room_view(&h), Draw::room(false), buf.area, &mut buf);
    let reversed_rows = (0..24)
        .filter(|&y| {
            (0..80).all(|x| {
                buf[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED)
            })
        })
        .count();
    assert!(reversed_rows >= 3, "an inverted full-width band");
    let h = Setup::plan("koers-wat").open();
    let waiting = view::room(&h.app.session, 0, h.app.now.wall, Options::default());
    for (w, ht) in SIZES {
        let text = room_screen(&waiting, false, w, ht);
        insta::assert_snapshot!(format!("room_waiting_{w}x{ht}"), text);
    }
    let text = room_screen(&waiting, false, 80, 24);
    assert!(text.contains("We beginnen zo"));
    assert!(text.contains("Straks: ronde 1"));
}

#[test]
fn the_room_screen_never_panics_at_any_size() {
    let views = [
        room_view(&round_with_cards(3)),
        room_view(&round_with_cards(0)),
        RoomView::Waiting(view::waiting(None, wall_time("2025-03-14T13:00:00+01:00"))),
    ];
    for view in &views {
        for w in 0..=40 {
            for ht in 0..=12 {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, ht));
                for away in [false, true] {
                    tafel::ui::room::render(view, Draw::room(away), buf.area, &mut buf);
                }
            }
        }
    }
}

// ----- Following a journal ------------------------------------------------------------------

fn lines(h: &Harness) -> Vec<Vec<u8>> {
    h.journal
        .iter()
        .map(|r| {
            let mut line = serde_json::to_vec(r).unwrap();
            line.push(b'\n');
            line
        })
        .collect()
}

#[test]
fn the_follower_waits_for_a_torn_line_and_rereads_a_shrunk_journal() {
    let h = round_with_cards(2);
    let lines = lines(&h);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    let (head, tail) = lines.split_at(lines.len() - 1);
    for line in head {
        file.write_all(line).unwrap();
    }
    let last = &tail[0];
    file.write_all(&last[..last.len() / 2]).unwrap();
    file.flush().unwrap();
    let mut follower = Follower::new(path.clone());
    assert!(follower.refresh());
    let partial = follower.session.clone().unwrap();
    assert_eq!(
        partial.next_seq,
        h.journal.len() as u64 - 1,
        "the torn line waits"
    );
    file.write_all(&last[last.len() / 2..]).unwrap();
    file.flush().unwrap();
    assert!(follower.refresh());
    assert_eq!(follower.session.as_ref(), Some(&h.app.session));
    assert!(!follower.refresh(), "nothing new: nothing changes");
    // Replaced by a shorter journal: read again from the start.
    let short: Vec<u8> = head[..3].concat();
    std::fs::write(&path, &short).unwrap();
    assert!(follower.refresh());
    let expected = Session::from_records(&h.journal[..3]).unwrap();
    assert_eq!(follower.session.as_ref(), Some(&expected));
    assert!(
        follower
            .session
            .as_ref()
            .unwrap()
            .notes
            .iter()
            .all(|n| n.kind == NoteKind::Note)
    );
}

// ----- The facilitator's console ------------------------------------------------------------

#[test]
fn snapshots_of_the_console() {
    let mut h = round_with_cards(2);
    h.ch('w');
    h.note("Stil bedacht");
    let console = view::console::console(&h.app.session, h.app.now.t, h.app.now.wall);
    for (w, ht) in [(120, 35), (80, 24)] {
        let text = screen_text(w, ht, |frame| {
            tafel::ui::console::render(&h.app, frame.area(), frame.buffer_mut())
        });
        insta::assert_snapshot!(format!("console_{w}x{ht}"), text);
        assert!(text.contains("CONSOLE · ronde 1 van 6"), "{text}");
        assert!(text.contains("nog 4:00"), "the timer in words: {text}");
        assert!(
            !text.contains("4:00 · nog 4:00"),
            "the time is said once (new-user trial): {text}"
        );
        assert!(
            text.contains("einde rond 14:01 · op schema"),
            "the projected end: {text}"
        );
        assert!(
            text.contains("stil schrijven (o onthult)"),
            "silent writing is on: {text}"
        );
        // Every note that fits, the newest last, and which ones the room does not see yet.
        if w >= 120 {
            assert!(text.contains("• Iedereen is er"), "{text}");
        }
        assert!(
            text.contains("• Stil bedacht (zaal ziet nog niet)"),
            "{text}"
        );
        // Every card on the table, the one the room sees large marked, with the tips.
        for card in &console.cards {
            assert!(text.contains(&card.title.to_uppercase()), "{text}");
        }
        let shown = console.cards[1].title.to_uppercase();
        assert!(text.contains(&format!("{shown} (in beeld) · ")), "{text}");
        for tip in console.cards.iter().filter_map(|c| c.tip.as_deref()) {
            let start: String = tip.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&format!("Tip: {start}")), "{text}");
        }
        // The agenda with clock times, the round running now marked.
        assert!(text.contains("13:00 ▶ 1 · Inchecken"), "{text}");
        assert!(text.contains("13:05 › 2 · Onze opgave"), "{text}");
        assert!(text.contains("c console aan/uit"), "the keys: {text}");
    }
}

/// Solo reflection is private: `tafel room` without an id follows the workshop, never a
/// solo reflection, also when the reflection is newer and open in a running tafel.
#[test]
fn the_room_never_follows_a_solo_reflection_of_its_own_accord() {
    use tafel::storage::journal::Journal;
    let dir = tempfile::tempdir().unwrap();
    let library = &common::harness::LIBRARY;
    let started = |plan: tafel::catalog::Plan, decks| Event::SessionStarted {
        format: tafel::session::event::FORMAT.into(),
        title: plan.title.clone(),
        plan,
        decks,
        session_deck: None,
        seed: 1,
        participants: Vec::new(),
    };
    let open = |at: &str, slug: &str, event: Event| {
        let local = chrono::DateTime::parse_from_rfc3339(at)
            .unwrap()
            .with_timezone(&chrono::Local);
        Journal::create(
            dir.path(),
            local,
            slug,
            vec![event],
            local.fixed_offset(),
            0,
        )
        .unwrap()
        .0
    };
    let plan = library.plan("koers-wat").unwrap().clone();
    let deck = library.deck("koerskaarten").unwrap().clone();
    let workshop = open(
        "2026-11-30T09:00:00+01:00",
        "koers-wat",
        started(plan, vec![deck.clone()]),
    );
    let solo = open(
        "2026-11-30T09:30:00+01:00",
        "solo",
        started(tafel::app::solo_plan(&deck, None, 0), vec![deck]),
    );
    let followed = tafel::room::running_session(dir.path());
    assert_eq!(followed.as_deref(), Some(workshop.path()), "both open");
    let (workshop_path, solo_path) = (workshop.path().to_path_buf(), solo.path().to_path_buf());
    drop((workshop, solo));
    assert_eq!(
        tafel::room::running_session(dir.path()),
        Some(workshop_path),
        "both closed, neither ended"
    );
    assert!(solo_path.exists());
}

/// A note taller than the notes panel shows its first lines and ends in "…"; notes that no
/// longer fit are counted in the title, never dropped without a word.
#[test]
fn notes_that_do_not_fit_are_said_and_a_long_note_ends_in_an_ellipsis() {
    let mut h = round_with_cards(1);
    let long: Vec<String> = (1..=40).map(|i| format!("Regel {i}")).collect();
    h.ch('n');
    h.paste(&long.join("\n"));
    h.enter();
    let view = room_view(&h);
    let screen = room_screen(&view, false, 120, 35);
    assert!(
        screen.contains("Notities · 2 · 1 eerdere niet in beeld"),
        "{screen}"
    );
    assert!(!screen.contains("Iedereen is er"), "{screen}");
    let last = screen
        .lines()
        .rfind(|l| l.contains("Regel"))
        .expect("the note's lines");
    assert!(
        last.trim_end_matches(['"', ' ']).ends_with("Regel 17 …"),
        "{screen}"
    );
    assert!(!screen.contains("Regel 40"), "{screen}");
}
