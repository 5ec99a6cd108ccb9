//! `tafel sessions` and `tafel export` on real journal files: listing, search, unreadable
//! files, and the Markdown export (golden file).

mod common;

use std::path::{Path, PathBuf};

use chrono::DateTime;
use common::harness::{LIBRARY, Setup, journal_text, koers_wat_start, minute_records};
use common::tafel;
use tafel::session::event::NoteKind;
use tafel::session::{CardRef, Event, Session};

/// Writes a finished session with Unicode, Markdown-special text, a correction and a deletion.
fn write_session(dir: &Path, name: &str, title: &str, note: &str) -> PathBuf {
    let start = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let first = koers_wat_start(title, start);
    let session = Session::start(&first).unwrap();
    let pile = &session.piles["koerskaarten"].remaining;
    let card = |i: usize| CardRef {
        deck: "koerskaarten".into(),
        card: pile[i].clone(),
    };
    let mut events = vec![first.event];
    events.extend([
        Event::RoundStarted {
            round: 0,
            planned_ms: 300_000,
        },
        Event::CardDrawn { card: card(0) },
        Event::NoteAdded {
            id: 1,
            kind: NoteKind::Note,
            text: note.into(),
            owner: None,
            due: None,
            due_date: None,
            round: 0,
            card: Some(card(0)),
        },
        Event::NoteAdded {
            id: 2,
            kind: NoteKind::Note,
            text: "Eerste versie".into(),
            owner: None,
            due: None,
            due_date: None,
            round: 0,
            card: None,
        },
        Event::NoteEdited {
            id: 2,
            text: "Tweede versie, na correctie".into(),
            owner: None,
            due: None,
            due_date: None,
        },
        Event::NoteAdded {
            id: 3,
            kind: NoteKind::Note,
            text: "Dit was een vergissing".into(),
            owner: None,
            due: None,
            due_date: None,
            round: 0,
            card: None,
        },
        Event::NoteDeleted { id: 3 },
        Event::CardDrawn { card: card(1) },
        Event::CardPutBack {
            card: card(1),
            position: 3,
        },
        Event::RoundEnded { round: 0 },
        Event::RoundStarted {
            round: 1,
            planned_ms: 840_000,
        },
        Event::NoteAdded {
            id: 4,
            kind: NoteKind::Agreement,
            text: "Verslag *rondsturen* naar [iedereen]".into(),
            owner: Some("Bram".into()),
            due: Some("vrijdag".into()),
            due_date: None,
            round: 1,
            card: None,
        },
        Event::RoundEnded { round: 1 },
        Event::SessionEnded,
    ]);
    let path = dir.join(name);
    std::fs::write(&path, journal_text(&minute_records(start, events))).unwrap();
    path
}

fn dir_arg(dir: &Path) -> String {
    dir.to_str().unwrap().to_string()
}

#[test]
fn export_is_escaped_markdown_with_corrections_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-abcd.jsonl",
        "Teamdag Oost — één koers",
        "# Geen kop\n- geen lijst\n1. geen nummer\n<script>alert(1)</script> & `code` | pijp 🚀",
    );
    let run = tafel(&[
        "export",
        "20261120",
        "--sessions-dir",
        &dir_arg(dir.path()),
        "--facilitator",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("export_markdown", run.stdout);
    // The typed text can never start a heading or a list of its own.
    assert!(!run.stdout.lines().any(|l| l.starts_with("# Geen")));
    assert!(run.stdout.contains("\\<script>"));
    assert!(
        run.stdout
            .contains("Tweede versie, na correctie _(gecorrigeerd)_")
    );
    assert!(!run.stdout.contains("vergissing"));
    assert!(run.stdout.contains("1 notitie(s) verwijderd"));
    assert!(
        run.stdout
            .contains("- [ ] Verslag \\*rondsturen\\* naar \\[iedereen] — wie: Bram")
    );
}

#[test]
fn export_to_a_file_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-abcd.jsonl",
        "Teamdag",
        "notitie",
    );
    let target = out.path().join("verslag.md");
    std::fs::write(&target, "van mij").unwrap();
    let sessions = dir_arg(dir.path());
    let args = |extra: &[&str]| {
        let mut a = vec!["export", "20261120", "--sessions-dir", &sessions, "-o"];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let target_str = target.to_str().unwrap();
    let run = tafel(
        &args(&[target_str])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "van mij");
    let run = tafel(
        &args(&[target_str, "--force"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Teamdag")
    );
}

#[test]
fn export_into_a_directory_names_the_file_after_the_title_safely() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-abcd.jsonl",
        "../../Één/tegen ../boven",
        "x",
    );
    let run = tafel(&[
        "export",
        "20261120",
        "--sessions-dir",
        &dir_arg(dir.path()),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["een-tegen-boven.md"]);
}

#[test]
fn sessions_lists_newest_first_and_names_unreadable_files_without_touching_them() {
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Oudere sessie",
        "a",
    );
    write_session(
        dir.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Nieuwere sessie",
        "b",
    );
    let broken: [(&str, &[u8]); 4] = [
        ("20261119-000000-leeg-0000.jsonl", b""),
        (
            "20261119-000000-vreemd-0001.jsonl",
            b"{\"hallo\": \"wereld\"}\n",
        ),
        (
            "20261119-000000-binair-0002.jsonl",
            &[0, 159, 146, 150, 255],
        ),
        ("20261119-000000-kapot-0003.jsonl", b"[deck]\nid = 1\n"),
    ];
    for (name, bytes) in broken {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    // A torn last line: still listed, as interrupted.
    let torn = write_session(
        dir.path(),
        "20261118-140000-koers-wat-cccc.jsonl",
        "Afgebroken",
        "c",
    );
    let mut text = std::fs::read_to_string(&torn).unwrap();
    let cut = text.trim_end().rfind('\n').unwrap() + 1;
    text.truncate(cut + 10);
    std::fs::write(&torn, &text).unwrap();

    let run = tafel(&["sessions", "--sessions-dir", &dir_arg(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("ID"));
    assert!(lines[1].contains("Nieuwere sessie") && lines[1].contains("afgerond"));
    assert!(lines[2].contains("Oudere sessie"));
    assert!(
        lines[3].contains("Afgebroken") && lines[3].contains("onderbroken"),
        "{}",
        run.stdout
    );
    assert_eq!(lines.len(), 4);
    for (name, bytes) in broken {
        assert!(
            run.stderr.contains(name),
            "{name} not named in\n{}",
            run.stderr
        );
        assert_eq!(
            std::fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name} was changed"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&torn).unwrap(),
        text,
        "the torn file was changed"
    );
    // Second run: from the index, same answer.
    let again = tafel(&["sessions", "--sessions-dir", &dir_arg(dir.path())]);
    assert_eq!(again.stdout, run.stdout);
    assert_eq!(again.stderr, run.stderr);
}

#[test]
fn search_ignores_case_and_accents_and_limit_limits() {
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Teamdag",
        "We kiezen één koersrichting",
    );
    write_session(
        dir.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Heidag",
        "Iets anders",
    );
    let sessions = dir_arg(dir.path());
    let run = tafel(&[
        "sessions",
        "--search",
        "een koersrichting",
        "--sessions-dir",
        &sessions,
    ]);
    assert!(
        run.stdout.contains("Teamdag") && !run.stdout.contains("Heidag"),
        "{}",
        run.stdout
    );
    let run = tafel(&["sessions", "--search", "bram", "--sessions-dir", &sessions]);
    assert_eq!(run.stdout.lines().count(), 3, "participants are searched");
    let run = tafel(&["sessions", "--limit", "1", "--sessions-dir", &sessions]);
    assert_eq!(run.stdout.lines().count(), 2);
    let run = tafel(&[
        "sessions",
        "--search",
        "niets-te-vinden",
        "--sessions-dir",
        &sessions,
    ]);
    assert!(run.stdout.contains("geen sessies gevonden"));
}

#[test]
fn the_index_never_disagrees_with_a_changed_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Voor",
        "x",
    );
    let sessions = dir_arg(dir.path());
    assert!(
        tafel(&["sessions", "--sessions-dir", &sessions])
            .stdout
            .contains("Voor")
    );
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Na de wijziging",
        "x",
    );
    assert!(path.exists());
    let run = tafel(&["sessions", "--sessions-dir", &sessions]);
    assert!(run.stdout.contains("Na de wijziging"), "{}", run.stdout);
}

#[test]
fn open_agreements_across_sessions() {
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Teamdag",
        "x",
    );
    let run = tafel(&["sessions", "--open", "--sessions-dir", &dir_arg(dir.path())]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("Verslag *rondsturen* naar [iedereen]"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Bram") && run.stdout.contains("vrijdag"));
}

#[test]
fn unknown_and_ambiguous_ids() {
    let dir = tempfile::tempdir().unwrap();
    write_session(dir.path(), "20261120-140000-koers-wat-aaaa.jsonl", "A", "x");
    write_session(dir.path(), "20261120-150000-koers-wat-bbbb.jsonl", "B", "x");
    let sessions = dir_arg(dir.path());
    let run = tafel(&["export", "2026112", "--sessions-dir", &sessions]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("past bij 2 sessies"), "{}", run.stderr);
    let run = tafel(&["export", "1999", "--sessions-dir", &sessions]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("geen sessie `1999`"));
    let foreign = dir.path().join("boodschappen.txt");
    std::fs::write(&foreign, "melk\nbrood\n").unwrap();
    let foreign = foreign.to_str().unwrap();
    let run = tafel(&["export", foreign]);
    assert_eq!(run.code, 1, "a file that is not a session");
    assert!(run.stderr.contains(foreign), "{}", run.stderr);
}

#[test]
fn resume_and_run_need_a_terminal() {
    let run = tafel(&["resume"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("terminal"), "{}", run.stderr);
    let run = tafel(&["run", "koers-wat"]);
    assert_eq!(run.code, 2);
}

/// A follow-up session that reviewed agreement 4 of `earlier` with `outcome`.
fn write_follow_up(dir: &Path, name: &str, earlier: &str, outcome: &str) {
    let plan = LIBRARY.plan("check-in-out").unwrap().clone();
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    let start = DateTime::parse_from_rfc3339("2026-12-04T10:00:00+01:00").unwrap();
    let first = Setup::new("Vervolg", plan, vec![deck])
        .session_deck("loyale-tegenspraak")
        .seed(1)
        .wall(start)
        .record();
    let lines = [
        serde_json::to_string(&first).unwrap(),
        format!(
            r#"{{"seq":1,"at":"2026-12-04T10:00:00+01:00","t":0,"type":"follow_up_opened","session":"{earlier}","title":"Teamdag","agreements":[{{"note":4,"text":"Verslag *rondsturen* naar [iedereen]","owner":"Bram"}}]}}"#
        ),
        format!(
            r#"{{"seq":2,"at":"2026-12-04T10:01:00+01:00","t":60000,"type":"agreement_reviewed","session":"{earlier}","note":4,"outcome":"{outcome}"}}"#
        ),
    ];
    std::fs::write(dir.join(name), lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_follow_up_closes_agreements_without_touching_the_earlier_file() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Teamdag",
        "x",
    );
    let before = std::fs::read(&earlier).unwrap();
    let sessions = dir_arg(dir.path());
    write_follow_up(
        dir.path(),
        "20261204-100000-check-in-out-bbbb.jsonl",
        "20261120-140000-koers-wat-aaaa",
        "open",
    );
    let run = tafel(&["sessions", "--open", "--sessions-dir", &sessions]);
    assert!(run.stdout.contains("Verslag"), "kept open: {}", run.stdout);

    write_follow_up(
        dir.path(),
        "20261211-100000-check-in-out-cccc.jsonl",
        "20261120-140000-koers-wat-aaaa",
        "done",
    );
    let run = tafel(&["sessions", "--open", "--sessions-dir", &sessions]);
    assert!(
        run.stdout.contains("geen open afspraken"),
        "done: {}",
        run.stdout
    );
    assert_eq!(
        std::fs::read(&earlier).unwrap(),
        before,
        "the earlier file was changed"
    );

    let run = tafel(&["export", "20261211", "--sessions-dir", &sessions]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("## Vervolg op Teamdag"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "- [x] Verslag \\*rondsturen\\* naar \\[iedereen] — wie: Bram — uitkomst: gedaan"
        ),
        "{}",
        run.stdout
    );
}

/// Issue 8, item 13: an empty journal (from an older tafel, or a disk that filled up) is
/// named once, with what it is, and the listing goes on.
#[test]
fn an_empty_journal_is_reported_once_and_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Goed",
        "Een notitie",
    );
    let empty = dir.path().join("20261120-150000-koers-wat-bbbb.jsonl");
    std::fs::write(&empty, b"").unwrap();
    let run = tafel(&["sessions", "--sessions-dir", &dir_arg(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Goed"), "{}", run.stdout);
    let name = empty.file_name().unwrap().to_str().unwrap();
    assert_eq!(run.stderr.matches(name).count(), 1, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("leeg"), "{}", run.stderr);
}
