//! A small session journal for the journal tests: a deck, a plan, records and helpers.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, TimeZone};
use tafel::catalog::{Card, Category, Deck, Plan, Round, RoundLength};
use tafel::session::event::{self, Event, NoteKind, Record};
use tafel::storage::journal::{self, Journal};

pub fn deck() -> Deck {
    Deck {
        id: "proef".into(),
        title: "Proefdeck".into(),
        description: "Een klein deck voor tests.".into(),
        language: "nl".into(),
        source: None,
        license: Some("CC0".into()),
        categories: vec![Category {
            id: "vraag".into(),
            title: "Vragen".into(),
            description: "Open vragen.".into(),
        }],
        cards: vec![Card {
            id: "k1".into(),
            category: "vraag".into(),
            title: "Waarom?".into(),
            prompt: "Waarom doen we dit zo?".into(),
            hint: None,
            tags: vec![],
            form: None,
            minutes: None,
        }],
    }
}

pub fn plan() -> Plan {
    Plan {
        id: "retro".into(),
        title: "Retrospectief".into(),
        description: "Terugkijken.".into(),
        decks: vec!["proef".into()],
        rounds: vec![Round {
            title: "Check-in".into(),
            length: RoundLength::Minutes(5),
            scale: None,
            instruction: "Hoe zit je erbij?".into(),
            draw: None,
            turns: true,
            team_turns: false,
            roles: vec![],
            kind: Default::default(),
        }],
        guide: Default::default(),
        resolved_for: None,
    }
}

pub fn started() -> Event {
    Event::SessionStarted {
        format: event::FORMAT.into(),
        title: "Retro sprint 12".into(),
        plan: plan(),
        decks: vec![deck()],
        session_deck: Some("proef".into()),
        seed: 42,
        participants: vec!["Anna".into(), "Bram".into()],
    }
}

pub fn at() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .unwrap()
}

pub fn local_start() -> DateTime<Local> {
    Local
        .with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .earliest()
        .unwrap()
}

/// One journal line, without its newline: `event` as record `seq` at `at()` and `t`.
pub fn line(seq: u64, t: u64, event: Event) -> String {
    serde_json::to_string(&Record {
        seq,
        at: at(),
        t,
        event,
    })
    .unwrap()
}

pub fn note(id: u64, text: &str) -> Event {
    Event::NoteAdded {
        id,
        kind: NoteKind::Note,
        text: text.into(),
        owner: None,
        due: None,
        due_date: None,
        round: 0,
        card: None,
    }
}

/// A new journal in `dir` with its `session_started` record.
pub fn new_journal(dir: &Path) -> (Journal, Vec<Record>) {
    Journal::create(
        dir,
        local_start(),
        "Retro sprint 12",
        vec![started()],
        at(),
        0,
    )
    .expect("create")
}

/// A journal with a session start and `notes` notes, each appended on its own; closed again.
pub fn journal_with_notes(dir: &Path, notes: u64) -> (PathBuf, Vec<Record>) {
    let (mut journal, mut records) = new_journal(dir);
    for id in 0..notes {
        records.extend(
            journal
                .append(vec![note(id, &format!("notitie {id}"))], at(), 1000 * id)
                .expect("append note"),
        );
    }
    (journal.path().to_path_buf(), records)
}

pub fn seqs(records: &[Record]) -> Vec<u64> {
    records.iter().map(|r| r.seq).collect()
}

/// The records of the journal at `path`, which loads without a torn tail.
pub fn load_whole(path: &Path) -> Vec<Record> {
    let loaded = journal::load(path).unwrap();
    assert_eq!(loaded.torn_tail, None);
    loaded.records
}
