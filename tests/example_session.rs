//! The recorded example in `sessions/` keeps loading, replaying and exporting.

mod common;

use std::path::PathBuf;

use common::tafel;
use tafel::session::{Event, Session};
use tafel::storage::journal;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/20261122-151251-tegenspraak-gesprek-0cd4.jsonl")
}

#[test]
fn the_example_replays_to_a_finished_session_at_every_step() {
    let loaded = journal::load(&example()).expect("the example loads");
    assert!(loaded.torn_tail.is_none());
    // Every prefix is a valid state, and the last one is the finished session.
    let mut session = Session::start(&loaded.records[0]).unwrap();
    for record in &loaded.records[1..] {
        session.apply(record).expect("each record applies");
    }
    assert_eq!(session, Session::from_records(&loaded.records).unwrap());
    assert!(session.ended);
    assert_eq!(session.participants.len(), 5);
    let agreements = session
        .live_notes()
        .filter(|n| n.kind == tafel::session::NoteKind::Agreement)
        .count();
    assert_eq!(agreements, 3);
    assert!(
        session.notes.iter().any(|n| !n.history.is_empty()),
        "a correction"
    );
    assert!(
        loaded
            .records
            .iter()
            .any(|r| matches!(r.event, Event::CardPutBack { .. }))
    );
}

#[test]
fn the_example_exports_as_recorded() {
    let run = tafel(&["export", example().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("example_export", run.stdout);
}

#[test]
fn the_example_is_listed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let copy = tempfile::tempdir().unwrap();
    // A copy: listing writes its cache next to the sessions, and the repository stays clean.
    std::fs::copy(example(), copy.path().join(example().file_name().unwrap())).unwrap();
    assert!(dir.join("README.md").exists());
    let run = tafel(&["sessions", "--sessions-dir", copy.path().to_str().unwrap()]);
    assert!(
        run.stdout.contains("Teamgesprek loyale tegenspraak"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("afgerond"));
}
