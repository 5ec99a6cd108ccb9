//! Grouping notes into themes by keyboard (issue 10): the grouping screen (`i`) driven
//! through the real `App` with a fake clock, the theme events' rules, the room's view of the
//! themes, and a vote on themes.

mod common;

use chrono::Duration;
use tafel::app::Mode;
use tafel::catalog::Library;
use tafel::keys::KeyCode;
use tafel::session::{Event, Record, Session};
use tafel::view::{Options, RoomView};

use common::harness::{Harness, Setup, screen_text, wall_time};

const IDEAS: [&str; 5] = [
    "Vaste koffiedate met de uitvoering",
    "Eén gedeeld dossier",
    "Spreekuur voor inwoners",
    "Inwonerspanel per wijk",
    "Gezamenlijke intake",
];

/// `prioriteren` with five ideas noted in the first round, now in the second ("Ordenen").
fn ordering_round() -> Harness {
    let library = Library::bundled();
    let mut h = Setup::plan_in(&library, "prioriteren")
        .participants(&["Anna", "Bram", "Chris"])
        .session_deck("koerskaarten")
        .wall(wall_time("2026-11-22T14:00:00+01:00"))
        .strict()
        .start();
    for idea in IDEAS {
        h.note(idea);
    }
    h.right();
    h
}

fn screen(h: &Harness, w: u16, height: u16) -> String {
    screen_text(w, height, |frame| tafel::ui::draw(frame, &h.app))
}

/// The themes as (name, note texts), in order.
fn themes(h: &Harness) -> Vec<(String, Vec<String>)> {
    let session = &h.app.session;
    session
        .themes()
        .iter()
        .map(|t| {
            let notes = session.theme_notes(t).map(|n| n.text.clone()).collect();
            (t.name.clone(), notes)
        })
        .collect()
}

fn theme_events(h: &Harness) -> Vec<Event> {
    h.journal
        .iter()
        .map(|r| r.event.clone())
        .filter(tafel::session::themes::is_theme_event)
        .collect()
}

/// Two themes: "Samenwerking" (ideas 1, 2 and 5) and "Inwoners" (3 and 4).
fn two_themes(h: &mut Harness) {
    h.ch('i');
    // Space chooses and moves on: ideas 1 and 2.
    h.keys("  ");
    h.ch('n');
    h.type_text("Samenwerking");
    h.enter();
    // The cursor is on idea 3: choose 3 and 4, a new theme.
    h.keys("  n");
    h.type_text("Inwoners");
    h.enter();
    // Idea 5 alone (the cursor is on it, nothing chosen) into theme 1.
    h.ch('1');
}

#[test]
fn notes_are_grouped_renamed_merged_and_taken_out_by_keyboard() {
    let mut h = ordering_round();
    two_themes(&mut h);
    assert!(matches!(h.app.mode, Mode::Grouping(_)));
    assert_eq!(
        themes(&h),
        [
            (
                "Samenwerking".to_string(),
                vec![
                    IDEAS[0].to_string(),
                    IDEAS[1].to_string(),
                    IDEAS[4].to_string()
                ]
            ),
            (
                "Inwoners".to_string(),
                vec![IDEAS[2].to_string(), IDEAS[3].to_string()]
            ),
        ]
    );
    // The round has no notes of its own: the screen lists the whole session's.
    let text = screen(&h, 120, 40);
    assert!(text.contains("alle notities van de sessie"), "{text}");
    assert!(text.contains("1 Samenwerking (3)"), "{text}");
    assert!(text.contains("2 Inwoners (2)"), "{text}");
    insta::assert_snapshot!("grouping_120x40", text);
    insta::assert_snapshot!("grouping_80x24", screen(&h, 80, 24));

    // Rename theme 2 from a note in it (idea 3): the old name is there to change.
    h.keys("kk");
    h.ch('r');
    for _ in 0.."Inwoners".len() {
        h.key(KeyCode::Backspace);
    }
    h.type_text("Inwoners erbij");
    h.enter();
    assert_eq!(themes(&h)[1].0, "Inwoners erbij");

    // Merge theme 2 into theme 1 (the cursor is still in theme 2).
    h.ch('m');
    h.ch('1');
    assert_eq!(themes(&h).len(), 1);
    assert_eq!(themes(&h)[0].1.len(), 5);

    // Take idea 2 out: one up from idea 3, chosen with the space bar.
    h.keys("k ");
    h.ch('x');
    assert_eq!(themes(&h)[0].1.len(), 4);
    assert!(!themes(&h)[0].1.contains(&IDEAS[1].to_string()));

    let kinds: Vec<&str> = theme_events(&h)
        .iter()
        .map(|e| match e {
            Event::ThemeCreated { .. } => "created",
            Event::NotesThemed { .. } => "themed",
            Event::ThemeRenamed { .. } => "renamed",
            Event::ThemesMerged { .. } => "merged",
            Event::NotesUnthemed { .. } => "unthemed",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "created", "created", "themed", "renamed", "merged", "unthemed"
        ]
    );
    // The journal alone rebuilds the themes; Esc leaves the screen.
    let replayed = Session::from_records(&h.journal).unwrap();
    assert_eq!(replayed, h.app.session);
    h.esc();
    assert!(matches!(h.app.mode, Mode::Normal));
}

#[test]
fn the_grouping_screen_refuses_what_cannot_be_done_without_saving_anything() {
    let mut h = ordering_round();
    h.ch('i');
    // No theme yet: a digit, m and r explain, and nothing is saved.
    for key in ['3', 'm', 'r', 'x'] {
        let before = h.journal.len();
        h.ch(key);
        assert_eq!(h.journal.len(), before, "{key}");
        assert!(h.app.status.is_some(), "{key} explains");
    }
    // A theme needs a name; Esc leaves the question and keeps the screen.
    h.ch('n');
    h.enter();
    assert!(h.app.status.is_some());
    h.type_text("   ");
    h.enter();
    assert!(theme_events(&h).is_empty());
    h.esc();
    assert!(matches!(h.app.mode, Mode::Grouping(ref s) if s.input.is_none()));
    // A pasted name is one line without control characters, and no longer than allowed.
    h.ch('n');
    h.paste("Twee\nregels\u{1b}[31m");
    h.enter();
    assert_eq!(themes(&h)[0].0, "Twee regels[31m");
    h.ch('n');
    h.paste(&"x".repeat(500));
    h.enter();
    assert_eq!(
        themes(&h)[1].0.chars().count(),
        tafel::session::themes::MAX_THEME_CHARS
    );
    // Merging a theme into itself is refused.
    h.ch('m');
    h.ch('2');
    assert_eq!(themes(&h).len(), 2, "{:?}", h.app.status);
    assert!(h.app.status.is_some());
}

#[test]
fn a_session_without_notes_has_nothing_to_group() {
    let library = Library::bundled();
    let mut h = Setup::plan_in(&library, "prioriteren")
        .session_deck("koerskaarten")
        .strict()
        .start();
    h.ch('i');
    assert!(matches!(h.app.mode, Mode::Normal));
    assert!(h.app.status.is_some());
}

#[test]
fn in_a_round_with_notes_grouping_starts_with_that_round_and_tab_shows_all() {
    let mut h = ordering_round();
    h.note("Een idee uit het ordenen");
    h.ch('i');
    let Mode::Grouping(state) = &h.app.mode else {
        panic!("grouping");
    };
    assert_eq!(state.round, Some(1));
    assert_eq!(h.app.grouping_notes(state.round).len(), 1);
    h.key(KeyCode::Tab);
    let Mode::Grouping(state) = &h.app.mode else {
        panic!("grouping");
    };
    assert_eq!(state.round, None);
    assert_eq!(h.app.grouping_notes(None).len(), 6);
}

/// Applies one more event to the session the journal makes.
fn apply(h: &Harness, event: Event) -> Result<Session, String> {
    let mut session = Session::from_records(&h.journal).unwrap();
    let last = h.journal.last().unwrap();
    let record = Record {
        seq: last.seq + 1,
        at: last.at + Duration::seconds(1),
        t: last.t + 1000,
        event,
    };
    session.apply(&record).map_err(|e| e.to_string())?;
    Ok(session)
}

#[test]
fn theme_events_that_do_not_fit_the_session_are_refused() {
    let mut h = ordering_round();
    two_themes(&mut h);
    let bad = [
        Event::ThemeCreated {
            theme: 1,
            name: "Dubbel".into(),
            notes: vec![1],
        },
        Event::ThemeCreated {
            theme: 9,
            name: " ".into(),
            notes: vec![1],
        },
        Event::ThemeCreated {
            theme: 9,
            name: "Stuur\u{7}teken".into(),
            notes: vec![1],
        },
        Event::ThemeCreated {
            theme: 9,
            name: "Leeg".into(),
            notes: vec![],
        },
        Event::NotesThemed {
            theme: 7,
            notes: vec![1],
        },
        Event::NotesThemed {
            theme: 1,
            notes: vec![99],
        },
        Event::NotesThemed {
            theme: 1,
            notes: vec![2, 2],
        },
        Event::ThemeRenamed {
            theme: 7,
            name: "Niets".into(),
        },
        Event::ThemesMerged { from: 1, into: 1 },
        Event::ThemesMerged { from: 1, into: 7 },
        Event::NotesUnthemed { notes: vec![99] },
    ];
    for event in bad {
        assert!(apply(&h, event.clone()).is_err(), "{event:?}");
    }
    // A deleted note leaves its theme's list, and cannot be put in a theme again.
    let mut session = Session::from_records(&h.journal).unwrap();
    let last = h.journal.last().unwrap().clone();
    let record = |seq: u64, event: Event| Record {
        seq,
        at: last.at,
        t: last.t,
        event,
    };
    session
        .apply(&record(last.seq + 1, Event::NoteDeleted { id: 1 }))
        .unwrap();
    let first = &session.themes()[0];
    assert_eq!(session.theme_notes(first).count(), 2);
    assert!(
        session
            .apply(&record(
                last.seq + 2,
                Event::NotesThemed {
                    theme: 2,
                    notes: vec![1]
                }
            ))
            .is_err()
    );
}

#[test]
fn the_room_sees_the_themes_and_a_later_vote_is_on_them() {
    let mut h = ordering_round();
    two_themes(&mut h);
    h.esc();
    let RoomView::Round(view) =
        tafel::view::room(&h.app.session, h.t(), h.app.now.wall, Options::default())
    else {
        panic!("a round runs");
    };
    // The Ordenen round has no notes of its own: the room sees the grouped ones, together.
    let shown: Vec<(Option<&str>, &str)> = view
        .notes
        .iter()
        .map(|n| (n.theme.as_deref(), n.text.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (Some("Samenwerking"), IDEAS[0]),
            (Some("Samenwerking"), IDEAS[1]),
            (Some("Samenwerking"), IDEAS[4]),
            (Some("Inwoners"), IDEAS[2]),
            (Some("Inwoners"), IDEAS[3]),
        ]
    );
    let text = screen(&h, 120, 40);
    assert!(
        text.contains("Thema: Samenwerking") && text.contains("Thema: Inwoners"),
        "{text}"
    );
    // Idea 5 out again: the vote is on the two themes and the one loose idea.
    h.ch('i');
    h.keys("jjjj");
    h.ch('x');
    h.esc();
    h.right();
    let round = h.app.session.current.unwrap();
    assert_eq!(
        h.app.session.group.votes[&round].options,
        ["Samenwerking", "Inwoners", IDEAS[4]]
    );
}

#[test]
fn the_summary_and_the_export_show_the_themes_and_the_vote() {
    let mut h = ordering_round();
    two_themes(&mut h);
    h.esc();
    h.right();
    // Anna: two dots on Inwoners, one on Samenwerking; then the result is shown.
    h.keys("bba");
    h.enter();
    h.ch('q');
    h.ch('j');
    assert!(matches!(h.app.mode, Mode::Summary));
    let text = screen(&h, 120, 40);
    assert!(
        text.contains("Stemming Stemmen: 1. Inwoners (2 stippen) · 2. Samenwerking (1 stip)"),
        "{text}"
    );
    assert!(
        text.contains("Thema's: Samenwerking (3) · Inwoners (2)"),
        "{text}"
    );
    let md = tafel::history::export::markdown(&h.app.session, &h.journal, "sessie");
    let themes = md.find("## Thema's").expect(&md);
    let samenwerking = md[themes..].find("**Samenwerking**").expect(&md);
    let koffie = md[themes..].find(IDEAS[0]).expect(&md);
    assert!(samenwerking < koffie, "{md}");
    assert!(md.contains("1 van 3 deelnemers hebben gestemd"), "{md}");
}

/// Replay at the ordering round shows the themes as the live screen and the room did, not
/// "this round so far: 0" (second new-user trial).
#[test]
fn the_replay_of_an_ordering_round_shows_the_themes_so_far() {
    let mut h = ordering_round();
    two_themes(&mut h);
    let records = h.journal.clone();
    let mut replay = tafel::replay::Replay::new(records.clone(), "x".into()).unwrap();
    let last_theme = records
        .iter()
        .rposition(|r| matches!(r.event, Event::ThemeCreated { .. }))
        .unwrap();
    replay.go_to(last_theme, 0);
    let text = screen_text(120, 40, |frame| {
        tafel::ui::replay::render(&replay, frame.area(), frame.buffer_mut())
    });
    assert!(text.contains("Thema's tot nu toe"), "{text}");
    assert!(text.contains("Thema: Samenwerking"), "{text}");
    assert!(text.contains("Thema: Inwoners"), "{text}");
    assert!(!text.contains("(nog geen notities)"), "{text}");
}
