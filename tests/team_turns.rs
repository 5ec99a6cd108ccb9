//! After a teams round (issue 10): a round with `turns = "team"` passes the turn from team to
//! team, and notes are written for a team — the team whose turn it is, Ctrl+T another —,
//! journaled, shown under their team in the room, the summary, the replay and the export.

mod common;

use tafel::app::Mode;
use tafel::keys::{KeyCode, KeyModifiers};
use tafel::session::{Event, Record, Session};

use common::app_helpers::{NINE, grenzeloos_for_nine};
use common::harness::{Harness, Setup, screen_text};

/// The bundled workshop for nine people, styles recorded (1–6 round-robin), in its first
/// round with turns per team ("Een eigen opgave per team").
fn first_team_round() -> Harness {
    let mut h = grenzeloos_for_nine(7, "2026-11-30T13:00:00+01:00");
    for i in 0..NINE.len() {
        h.ch(char::from(b'1' + (i % 6) as u8));
    }
    h.right();
    assert_eq!(h.app.session.group.teams.len(), 3);
    h.right();
    assert_eq!(h.round_title(), "Een eigen opgave per team");
    h
}

fn ctrl_t(h: &mut Harness) {
    h.key_with(KeyCode::Char('t'), KeyModifiers::CONTROL);
}

fn last_events(h: &Harness, n: usize) -> Vec<Event> {
    let records: &[Record] = &h.journal;
    records[records.len() - n..]
        .iter()
        .map(|r| r.event.clone())
        .collect()
}

fn note_team(h: &Harness, text: &str) -> Option<(usize, Vec<String>)> {
    let note = h
        .app
        .session
        .live_notes()
        .find(|n| n.text == text)
        .unwrap_or_else(|| panic!("note `{text}`"));
    note.team.as_ref().map(|t| (t.index, t.members.clone()))
}

#[test]
fn the_turn_passes_from_team_to_team_and_wraps() {
    let mut h = first_team_round();
    let teams = h.app.session.group.teams.clone();
    assert_eq!(h.app.session.group.team_turn, Some(0), "entering: team 1");
    assert!(
        h.journal
            .iter()
            .any(|r| r.event == Event::TeamTurnPassed { team: 0 })
    );
    let turn = tafel::view::turn(&h.app.session).unwrap();
    assert_eq!(turn.now, format!("Team 1 ({})", teams[0].join(", ")));
    assert_eq!(turn.next.as_deref(), Some("Team 2"));
    h.ch('b');
    assert_eq!(h.app.session.group.team_turn, Some(1));
    h.ch('b');
    h.ch('b');
    assert_eq!(
        h.app.session.group.team_turn,
        Some(0),
        "after the last, the first"
    );
    // The room and the facilitator's screen both say which team has the turn.
    let text = screen_text(120, 35, |frame| tafel::ui::draw(frame, &h.app));
    assert!(text.contains("Beurt: Team 1 ("), "{text}");
    assert!(text.contains("Team 2"), "{text}");
    // The next round with turns per team goes on with the next team.
    h.right();
    assert_eq!(h.round_title(), "Drie vragen vooraf");
    assert_eq!(h.app.session.group.team_turn, Some(1));
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

#[test]
fn a_note_is_for_the_team_whose_turn_it_is_and_ctrl_t_changes_it() {
    let mut h = first_team_round();
    let teams = h.app.session.group.teams.clone();
    h.ch('b');
    h.note("Wijkteam en woningcorporatie");
    let id = h.app.session.live_notes().last().unwrap().id;
    assert!(matches!(
        &last_events(&h, 2)[..],
        [Event::NoteAdded { id: a, .. }, Event::NoteTeamSet { id: b, team: Some(1) }]
            if *a == id && *b == id
    ));
    assert_eq!(
        note_team(&h, "Wijkteam en woningcorporatie"),
        Some((1, teams[1].clone()))
    );

    // Ctrl+T: the next team, then no team; the editor's title says which.
    h.ch('n');
    h.type_text("Voor team drie");
    ctrl_t(&mut h);
    let Mode::Editor(editor) = &h.app.mode else {
        panic!("the editor stays open");
    };
    assert_eq!(editor.team, Some(2));
    let text = screen_text(120, 35, |frame| tafel::ui::draw(frame, &h.app));
    assert!(text.contains("Nieuwe notitie · voor Team 3"), "{text}");
    assert!(text.contains("Ctrl+T"), "{text}");
    h.enter();
    assert_eq!(note_team(&h, "Voor team drie"), Some((2, teams[2].clone())));
    h.ch('n');
    h.type_text("Voor niemand");
    ctrl_t(&mut h);
    ctrl_t(&mut h);
    h.enter();
    assert_eq!(note_team(&h, "Voor niemand"), None);
    assert!(
        matches!(last_events(&h, 1)[..], [Event::NoteAdded { .. }]),
        "no team: no team event"
    );

    // A correction can give a note another team; only a change is written.
    h.ch('e');
    h.enter();
    h.enter();
    assert!(
        !matches!(last_events(&h, 1)[..], [Event::NoteTeamSet { .. }]),
        "the same team: no team event"
    );
    h.ch('e');
    h.enter();
    ctrl_t(&mut h);
    h.enter();
    assert_eq!(note_team(&h, "Voor niemand"), Some((0, teams[0].clone())));
    assert!(matches!(
        last_events(&h, 1)[..],
        [Event::NoteTeamSet { team: Some(0), .. }]
    ));
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

#[test]
fn a_draft_keeps_its_team_through_a_crash() {
    let mut h = first_team_round();
    h.ch('b');
    h.ch('n');
    h.type_text("Half af");
    let draft = h.app.pending_drafts().pop().unwrap();
    assert_eq!(draft.team, Some(1));
    let json = serde_json::to_string(&draft).unwrap();
    assert!(json.contains("\"team\":1"), "{json}");
    // A draft file from before teams reads as a draft for no team.
    let old: tafel::session::draft::Draft =
        serde_json::from_str(r#"{"kind":"note","editing":null,"text":"oud","owner":"","due":""}"#)
            .unwrap();
    assert_eq!(old.team, None);
}

#[test]
fn notes_stand_under_their_team_in_the_room_summary_replay_and_export() {
    let mut h = first_team_round();
    let teams = h.app.session.group.teams.clone();
    h.note("Opgave van team een");
    h.ch('b');
    h.note("Opgave van team twee");
    h.ch('n');
    h.type_text("Voor de hele groep");
    ctrl_t(&mut h); // team 3
    ctrl_t(&mut h); // no team
    h.enter();

    let tafel::view::RoomView::Round(round) = tafel::view::room(
        &h.app.session,
        h.app.now.t,
        h.app.now.wall,
        tafel::view::Options::default(),
    ) else {
        panic!("a round runs");
    };
    let labels: Vec<Option<&str>> = round.notes.iter().map(|n| n.team.as_deref()).collect();
    assert_eq!(labels, [Some("Team 1"), Some("Team 2"), None]);
    let room = screen_text(120, 35, |frame| {
        tafel::ui::room::render(
            &tafel::view::RoomView::Round(round.clone()),
            tafel::ui::room::Draw::room(false),
            frame.area(),
            frame.buffer_mut(),
        )
    });
    assert!(room.contains("[Team 2] Opgave van team twee"), "{room}");
    let screen = |w, height| screen_text(w, height, |frame| tafel::ui::draw(frame, &h.app));
    let large = screen(120, 35);
    assert!(large.contains("Beurt: Team 2 ("), "{large}");
    insta::assert_snapshot!("team_turns_round_120x35", large);
    let small = screen(80, 24);
    assert!(small.contains("[Team 1]"), "{small}");
    insta::assert_snapshot!("team_turns_round_80x24", small);

    // Replay says which team a note is for.
    let after = Session::from_records(&h.journal).unwrap();
    let described: Vec<String> = h
        .journal
        .iter()
        .filter(|r| {
            matches!(
                r.event,
                Event::NoteTeamSet { .. } | Event::TeamTurnPassed { .. }
            )
        })
        .map(|r| tafel::replay::describe::describe(r, &after))
        .collect();
    assert!(
        described.contains(&"notitie van Team 2: Opgave van team twee".to_string()),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|d| d == &format!("beurt naar Team 2 ({})", teams[1].join(", "))),
        "{described:?}"
    );

    // The export: each team's notes under a heading with its members, the rest as before.
    let md = tafel::history::export::markdown(&h.app.session, &h.journal, "sessie");
    let team_two = format!("### Team 2: {}", teams[1].join(", "));
    let heading = md.find(&team_two).unwrap_or_else(|| panic!("{md}"));
    let note = md.find("Opgave van team twee").unwrap();
    assert!(heading < note, "{md}");
    let loose = md.find("Voor de hele groep").unwrap();
    let team_one = md.find("### Team 1: ").unwrap();
    assert!(loose < team_one, "notes for no team first: {md}");

    // An agreement made while a team has the turn says which team in the export's table.
    h.agreement("Wijkagent schuift aan", "Bram", "vrijdag");
    let md = tafel::history::export::markdown(&h.app.session, &h.journal, "sessie");
    assert!(md.contains("3. Een eigen opgave per team · Team 2"), "{md}");

    // The summary counts the notes per team.
    h.ch('q');
    h.ch('j');
    assert!(matches!(h.app.mode, Mode::Summary));
    let summary = screen_text(120, 35, |frame| tafel::ui::draw(frame, &h.app));
    assert!(
        summary.contains("Notities per team: Team 1 (1) · Team 2 (2)"),
        "{summary}"
    );
}

/// A plan with a teams round and a round with turns person by person.
const PERSON_TURNS: &str = r#"[plan]
id = "mensen"
title = "Beurten per persoon"
description = "Teams, dan om de beurt."

[[round]]
title = "Teams"
minutes = 5
instruction = "Teams maken."
kind = "teams"
teams = { count = 2 }

[[round]]
title = "Rondje"
minutes = 5
instruction = "Om de beurt."
turns = true

[[round]]
title = "Per team"
minutes = 5
instruction = "Per team."
turns = "team"
"#;

fn parsed(text: &str) -> tafel::catalog::Plan {
    match tafel::catalog::parse::parse("mensen.toml", text) {
        Ok(tafel::catalog::parse::Parsed::Plan(plan, _)) => plan,
        Ok(_) => panic!("a plan"),
        Err(problems) => panic!("{problems:?}"),
    }
}

#[test]
fn with_person_turns_a_note_is_for_the_team_of_the_person_whose_turn_it_is() {
    let plan = parsed(PERSON_TURNS);
    assert!(plan.rounds[1].turns && !plan.rounds[1].team_turns);
    assert!(plan.rounds[2].turns && plan.rounds[2].team_turns);
    let mut h = Setup::new("Mensen", plan, Vec::new())
        .participants(&["Anna", "Bram", "Chris", "Dewi"])
        .strict()
        .start();
    let teams = h.app.session.group.teams.clone();
    h.right();
    let person = h.app.session.turn_name().unwrap().to_string();
    let team = teams.iter().position(|t| t.contains(&person)).unwrap();
    h.note("Wat de persoon zei");
    assert_eq!(note_team(&h, "Wat de persoon zei").map(|t| t.0), Some(team));
    // A round with no turns writes notes for no team.
    h.left();
    h.note("In de teamronde");
    assert_eq!(note_team(&h, "In de teamronde"), None);
}

#[test]
fn turns_per_team_without_teams_go_person_by_person() {
    // The teams round left out (a plan made elsewhere, or a facilitator who skips it).
    let mut plan = parsed(PERSON_TURNS);
    plan.rounds.remove(0);
    let mut h = Setup::new("Mensen", plan, Vec::new())
        .participants(&["Anna", "Bram"])
        .strict()
        .start();
    assert!(h.app.session.group.teams.is_empty());
    h.right();
    assert_eq!(h.round_title(), "Per team");
    assert!(h.app.session.turn_name().is_some(), "a person has the turn");
    assert_eq!(h.app.session.group.team_turn, None);
    h.ch('b');
    assert!(matches!(last_events(&h, 1)[..], [Event::TurnPassed { .. }]));
    h.note("Zonder teams");
    assert_eq!(note_team(&h, "Zonder teams"), None);
}

#[test]
fn the_fold_refuses_a_team_or_note_that_does_not_exist_and_moves_the_turn_with_the_teams() {
    let mut h = first_team_round();
    let session = h.app.session.clone();
    let record = |event: Event| Record {
        seq: session.next_seq,
        at: session.last_at,
        t: session.last_t,
        event,
    };
    let mut s = session.clone();
    assert!(s.apply(&record(Event::TeamTurnPassed { team: 3 })).is_err());
    assert!(
        s.apply(&record(Event::NoteTeamSet {
            id: 99,
            team: Some(0)
        }))
        .is_err()
    );
    h.note("Een notitie");
    let id = h.app.session.live_notes().last().unwrap().id;
    let mut s = h.app.session.clone();
    let r = Record {
        seq: s.next_seq,
        at: s.last_at,
        t: s.last_t,
        event: Event::NoteTeamSet { id, team: Some(5) },
    };
    assert!(s.apply(&r).is_err());

    // Team 3 has the turn; its members move to team 1 one by one: the team is gone and the
    // turn passes to the team in its place (wrapping to the first).
    h.ch('b');
    h.ch('b');
    assert_eq!(h.app.session.group.team_turn, Some(2));
    let mut s = h.app.session.clone();
    for person in s.group.teams[2].clone() {
        let r = Record {
            seq: s.next_seq,
            at: s.last_at,
            t: s.last_t,
            event: Event::TeamMemberMoved {
                participant: person,
                team: 0,
            },
        };
        s.apply(&r).unwrap();
    }
    assert_eq!(s.group.teams.len(), 2);
    assert_eq!(s.group.team_turn, Some(0));
}

#[test]
fn old_journals_read_as_rounds_without_team_turns_and_notes_without_a_team() {
    let round: tafel::catalog::Round = serde_json::from_str(
        r#"{"title":"Oud","length":{"minutes":5},"instruction":"I","turns":true}"#,
    )
    .unwrap();
    assert!(round.turns && !round.team_turns);
    // A round without team turns is written as before: no new key in the file.
    let json = serde_json::to_string(&round).unwrap();
    assert!(!json.contains("team_turns"), "{json}");
    // A round with team turns says so, and reads back the same.
    let team_round = tafel::catalog::Round {
        team_turns: true,
        ..round
    };
    let json = serde_json::to_string(&team_round).unwrap();
    assert!(json.contains("\"team_turns\":true"), "{json}");
    let back: tafel::catalog::Round = serde_json::from_str(&json).unwrap();
    assert_eq!(back, team_round);
}

#[test]
fn check_reports_turns_per_team_where_they_do_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("beurten.toml");
    let text = "[plan]\nid = \"b\"\ntitle = \"B\"\ndescription = \"D\"\n\n[[round]]\ntitle = \"Te vroeg\"\nminutes = 5\ninstruction = \"I\"\nturns = \"team\"\n\n[[round]]\ntitle = \"T\"\nminutes = 5\ninstruction = \"I\"\nkind = \"teams\"\nteams = { size = 2 }\n\n[[round]]\ntitle = \"Stem\"\nminutes = 5\ninstruction = \"I\"\nkind = \"vote\"\nturns = \"team\"\n";
    std::fs::write(&bad, text).unwrap();
    let run = common::tafel(&["check", bad.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    let path = bad.to_str().unwrap();
    assert!(
        run.stdout.contains(&format!(
            "{path}:10:9: `turns = \"team\"`: zet eerst een teamronde"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "{path}:24:9: `turns = \"team\"` hoort bij een gespreksronde"
        )),
        "{}",
        run.stdout
    );
    // A value that is neither true, false nor "team" is a wrong kind of value, in its place.
    let typo = dir.path().join("tikfout.toml");
    let text = "[plan]\nid = \"b\"\ntitle = \"B\"\ndescription = \"D\"\n\n[[round]]\ntitle = \"Tikfout\"\nminutes = 5\ninstruction = \"I\"\nturns = \"teams\"\n";
    std::fs::write(&typo, text).unwrap();
    let run = common::tafel(&["check", typo.to_str().unwrap()]);
    let path = typo.to_str().unwrap();
    assert!(
        run.stdout.contains(&format!(
            "{path}:10:9: verkeerd soort waarde: tekst \"teams\", verwacht true, false of \"team\""
        )),
        "{}",
        run.stdout
    );
    // The plan as an agenda to mail says which rounds go team by team.
    let run = common::tafel(&["plans", "--show", "grenzeloos-workshop"]);
    assert!(
        run.stdout
            .contains("3. Een eigen opgave per team — 9 min (4 min + 1,5 min voor elk team, hooguit 14 min; 3 teams) · team voor team"),
        "{}",
        run.stdout
    );
    // The bundled workshop uses it and is in order.
    let workshop = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/decks/plans/grenzeloos-workshop.toml"
    );
    let run = common::tafel(&["check", workshop]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn correcting_the_text_keeps_the_team_even_after_the_teams_changed() {
    let mut h = first_team_round();
    h.ch('b');
    h.ch('b');
    h.note("Voor het derde team");
    let third = h.app.session.group.teams[2].clone();
    assert_eq!(
        note_team(&h, "Voor het derde team"),
        Some((2, third.clone()))
    );
    // Back in the teams round, team 3 is emptied: there are two teams now.
    h.left();
    for person in &third {
        h.move_to_team(person, '1');
    }
    assert_eq!(h.app.session.group.teams.len(), 2);
    h.right();
    // The text corrected: the note stays the third team's, as the team was then.
    h.ch('e');
    h.enter();
    h.type_text(" (aangevuld)");
    h.enter();
    assert_eq!(
        note_team(&h, "Voor het derde team (aangevuld)"),
        Some((2, third))
    );
    assert!(matches!(last_events(&h, 1)[..], [Event::NoteEdited { .. }]));
    // Ctrl+T from a team that is gone: no team, then the first.
    h.ch('e');
    h.enter();
    ctrl_t(&mut h);
    h.enter();
    assert_eq!(note_team(&h, "Voor het derde team (aangevuld)"), None);
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

#[test]
fn replay_shows_the_turn_and_the_notes_under_their_team_step_by_step() {
    let mut h = first_team_round();
    h.ch('b');
    h.note("Een loket voor ondernemers");
    let mut replay = tafel::replay::Replay::new(h.journal.clone(), "test".into()).unwrap();
    let at = |kind: fn(&Event) -> bool| h.journal.iter().position(|r| kind(&r.event)).unwrap();
    // At the note's own record it has no team yet; one step on, the team is set.
    let added = at(|e| matches!(e, Event::NoteAdded { .. }));
    replay.go_to(added, 0);
    assert!(replay.description().starts_with("notitie toegevoegd"));
    replay.step_forward(0);
    assert_eq!(
        replay.description(),
        "notitie van Team 2: Een loket voor ondernemers"
    );
    let text = screen_text(120, 50, |frame| {
        tafel::ui::replay::render(&replay, frame.area(), frame.buffer_mut())
    });
    assert!(
        text.contains("[Team 2] Een loket voor ondernemers"),
        "{text}"
    );
    assert!(text.contains("Beurt: Team 2 ("), "{text}");
}
