//! Managing past sessions from the command line (issue 12): `tafel rename`, `tafel delete`,
//! `tafel sessions --trash` and `--restore`, on real journal files with the real binary.
//! A new title is a journaled event; deleting only ever moves files into the trash folder
//! inside the sessions directory; archives are never written to.

mod common;

use std::path::{Path, PathBuf};

use chrono::DateTime;
use common::harness::{LIBRARY, Setup, journal_text, koers_wat_start, minute_records};
use common::tafel_in;
use tafel::session::event::NoteKind;
use tafel::session::{Event, Record, Session};

/// A finished `koers-wat` session with one agreement.
fn write_session(dir: &Path, name: &str, title: &str) -> PathBuf {
    let start = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let first = koers_wat_start(title, start);
    let events = vec![
        first.event,
        Event::RoundStarted {
            round: 0,
            planned_ms: 300_000,
        },
        Event::NoteAdded {
            id: 1,
            kind: NoteKind::Agreement,
            text: "Verslag rondsturen".into(),
            owner: Some("Bram".into()),
            due: Some("vrijdag".into()),
            due_date: None,
            round: 0,
            card: None,
        },
        Event::RoundEnded { round: 0 },
        Event::SessionEnded,
    ];
    let path = dir.join(name);
    std::fs::write(&path, journal_text(&minute_records(start, events))).unwrap();
    path
}

/// A solo reflection, written the way `tafel solo` writes one.
fn write_solo(dir: &Path, name: &str) -> PathBuf {
    let deck = LIBRARY.deck("loyale-tegenspraak").unwrap().clone();
    let plan = tafel::app::solo_plan(&deck, None, 0);
    let mut h = Setup::new("Solo reflectie 20-11-2026", plan, vec![deck]).start();
    h.keys("q");
    h.ch('j');
    let path = dir.join(name);
    std::fs::write(&path, journal_text(&h.journal)).unwrap();
    path
}

fn records(path: &Path) -> Vec<Record> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `tafel ARGS --sessions-dir DIR`, with the config and cache in `config`.
fn run(config: &Path, dir: &Path, args: &[&str]) -> common::Run {
    let mut all = args.to_vec();
    all.extend(["--sessions-dir", dir.to_str().unwrap()]);
    tafel_in(config, &all)
}

fn listed(run: &common::Run) -> Vec<String> {
    run.stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|id| id.starts_with("2026"))
        .map(str::to_string)
        .collect()
}

#[test]
fn rename_appends_a_journaled_title_that_the_listing_and_export_show() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Teamdag",
    );
    let before = std::fs::read(&path).unwrap();
    // The index knows the old title first.
    let listed_before = run(config.path(), dir.path(), &["sessions"]);
    assert!(
        listed_before.stdout.contains("Teamdag"),
        "{}",
        listed_before.stdout
    );

    let renamed = run(
        config.path(),
        dir.path(),
        &["rename", "20261120", "Teamdag Oost: koers"],
    );
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    assert!(
        renamed.stdout.contains("Teamdag Oost: koers"),
        "{}",
        renamed.stdout
    );
    assert!(renamed.stdout.contains("Teamdag"), "{}", renamed.stdout);

    // Appended, never rewritten: the old bytes are the start of the file.
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(&before));
    let all = records(&path);
    assert_eq!(
        all.last().unwrap().event,
        Event::SessionRenamed {
            title: "Teamdag Oost: koers".into()
        }
    );
    let session = Session::from_records(&all).unwrap();
    assert_eq!(session.title, "Teamdag Oost: koers");
    assert!(session.ended);

    let listing = run(config.path(), dir.path(), &["sessions"]);
    assert!(
        listing.stdout.contains("Teamdag Oost: koers"),
        "{}",
        listing.stdout
    );
    let search = run(config.path(), dir.path(), &["sessions", "--search", "oost"]);
    assert_eq!(listed(&search), ["20261120-140000-koers-wat-aaaa"]);
    let export = run(config.path(), dir.path(), &["export", "20261120"]);
    assert!(
        export.stdout.starts_with("# Teamdag Oost: koers"),
        "{}",
        export.stdout
    );

    // The same title again writes nothing; an empty one is refused.
    let same = run(
        config.path(),
        dir.path(),
        &["rename", "20261120", "Teamdag Oost: koers"],
    );
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(same.stdout.contains("niets veranderd"), "{}", same.stdout);
    let empty = run(config.path(), dir.path(), &["rename", "20261120", "  "]);
    assert_eq!(empty.code, 1);
    assert!(
        empty.stderr.contains("1 tot 200 tekens"),
        "{}",
        empty.stderr
    );
    assert_eq!(records(&path).len(), all.len());

    // In English too.
    let english = run(
        config.path(),
        dir.path(),
        &["--lang", "en", "rename", "20261120", "Team day East"],
    );
    assert!(english.stdout.contains("new title"), "{}", english.stdout);
}

#[test]
fn a_solo_reflection_gets_a_title_the_same_way() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_solo(dir.path(), "20261120-090000-solo-cccc.jsonl");
    let renamed = run(
        config.path(),
        dir.path(),
        &["rename", "20261120-090000", "Wat ik niet durfde te zeggen"],
    );
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    let session = Session::from_records(&records(&path)).unwrap();
    assert_eq!(session.title, "Wat ik niet durfde te zeggen");
    let listing = run(config.path(), dir.path(), &["sessions"]);
    assert!(
        listing.stdout.contains("Wat ik niet durfde te zeggen"),
        "{}",
        listing.stdout
    );
}

#[test]
fn delete_moves_to_the_trash_and_restore_puts_it_back_whole() {
    use std::os::unix::fs::PermissionsExt;
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keep = write_session(dir.path(), "20261119-140000-koers-wat-bbbb.jsonl", "Blijft");
    let gone = write_session(dir.path(), "20261120-140000-koers-wat-aaaa.jsonl", "Weg");
    // A kept draft belongs to the session and goes along.
    let draft = tafel::storage::draft::draft_path(&gone);
    std::fs::write(&draft, "[]").unwrap();
    let bytes = std::fs::read(&gone).unwrap();
    assert_eq!(
        listed(&run(config.path(), dir.path(), &["sessions"])),
        [
            "20261120-140000-koers-wat-aaaa",
            "20261119-140000-koers-wat-bbbb"
        ]
    );

    let deleted = run(config.path(), dir.path(), &["delete", "20261120"]);
    assert_eq!(deleted.code, 0, "{}", deleted.stderr);
    assert!(
        deleted
            .stdout
            .contains("tafel sessions --restore 20261120-140000-koers-wat-aaaa"),
        "{}",
        deleted.stdout
    );
    let trash = dir.path().join("prullenbak");
    let in_trash = trash.join("20261120-140000-koers-wat-aaaa.jsonl");
    assert!(!gone.exists());
    assert_eq!(std::fs::read(&in_trash).unwrap(), bytes, "moved, unchanged");
    assert!(trash.join(draft.file_name().unwrap()).exists());
    assert_eq!(
        std::fs::metadata(&trash).unwrap().permissions().mode() & 0o777,
        0o700
    );
    // The index follows: the trash is not listed, not searched, not found by id.
    assert_eq!(
        listed(&run(config.path(), dir.path(), &["sessions"])),
        ["20261119-140000-koers-wat-bbbb"]
    );
    let search = run(config.path(), dir.path(), &["sessions", "--search", "weg"]);
    assert!(listed(&search).is_empty(), "{}", search.stdout);
    let export = run(config.path(), dir.path(), &["export", "20261120"]);
    assert_eq!(export.code, 2, "{}", export.stdout);

    let trashed = run(config.path(), dir.path(), &["sessions", "--trash"]);
    assert_eq!(trashed.code, 0, "{}", trashed.stderr);
    assert_eq!(listed(&trashed), ["20261120-140000-koers-wat-aaaa"]);
    assert!(trashed.stdout.contains("Weg"), "{}", trashed.stdout);

    let restored = run(
        config.path(),
        dir.path(),
        &["sessions", "--restore", "20261120"],
    );
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert_eq!(std::fs::read(&gone).unwrap(), bytes);
    assert!(draft.exists());
    assert_eq!(
        listed(&run(config.path(), dir.path(), &["sessions"])),
        [
            "20261120-140000-koers-wat-aaaa",
            "20261119-140000-koers-wat-bbbb"
        ]
    );
    let empty = run(config.path(), dir.path(), &["sessions", "--trash"]);
    assert!(
        empty.stdout.contains("de prullenbak is leeg"),
        "{}",
        empty.stdout
    );
    let again = run(
        config.path(),
        dir.path(),
        &["sessions", "--restore", "20261120"],
    );
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("20261120"), "{}", again.stderr);
    assert!(keep.exists());

    // Back while one of the same name is there again: nothing is overwritten.
    run(config.path(), dir.path(), &["delete", "20261120"]);
    std::fs::write(&gone, "anders").unwrap();
    let clash = run(
        config.path(),
        dir.path(),
        &["sessions", "--restore", "20261120"],
    );
    assert_eq!(clash.code, 2, "{}", clash.stdout);
    assert!(clash.stderr.contains("bestaat al"), "{}", clash.stderr);
    assert_eq!(std::fs::read_to_string(&gone).unwrap(), "anders");
    assert_eq!(std::fs::read(&in_trash).unwrap(), bytes);
}

#[test]
fn a_link_in_place_of_the_trash_is_never_followed() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = write_session(dir.path(), "20261120-140000-koers-wat-aaaa.jsonl", "Blijft");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("prullenbak")).unwrap();
    let deleted = run(config.path(), dir.path(), &["delete", "20261120"]);
    assert_eq!(deleted.code, 1, "{}", deleted.stdout);
    assert!(
        deleted.stderr.contains("geen gewone map"),
        "{}",
        deleted.stderr
    );
    assert!(path.exists());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn archives_are_never_renamed_or_deleted() {
    let config = tempfile::tempdir().unwrap();
    let own = tempfile::tempdir().unwrap();
    let archive = tempfile::tempdir().unwrap();
    let theirs = write_session(
        archive.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Van Anna",
    );
    let before = std::fs::read(&theirs).unwrap();
    let with_archive = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend([
            "--sessions-dir",
            own.path().to_str().unwrap(),
            "--archive",
            archive.path().to_str().unwrap(),
        ]);
        tafel_in(config.path(), &all)
    };
    // By id: only the user's own sessions are looked in.
    let by_id = with_archive(&["rename", "20261121", "Nieuw"]);
    assert_eq!(by_id.code, 2, "{}", by_id.stdout);
    // By path: refused as an archive.
    let by_path = with_archive(&["rename", theirs.to_str().unwrap(), "Nieuw"]);
    assert_eq!(by_path.code, 2, "{}", by_path.stdout);
    assert!(by_path.stderr.contains("archief"), "{}", by_path.stderr);
    let delete = with_archive(&["delete", theirs.to_str().unwrap()]);
    assert_eq!(delete.code, 2, "{}", delete.stdout);
    assert_eq!(std::fs::read(&theirs).unwrap(), before);
    assert!(!archive.path().join("prullenbak").exists());
}

#[test]
fn a_session_open_in_another_tafel_is_not_moved() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(dir.path(), "20261120-140000-koers-wat-aaaa.jsonl", "Loopt");
    // A running session holds its journal's lock.
    let (_journal, _) = tafel::storage::open_for_append(&path).unwrap();
    let deleted = run(config.path(), dir.path(), &["delete", "20261120"]);
    assert_eq!(deleted.code, 1, "{}", deleted.stdout);
    assert!(
        deleted.stderr.contains("andere tafel"),
        "{}",
        deleted.stderr
    );
    assert!(path.exists());
    let renamed = run(config.path(), dir.path(), &["rename", "20261120", "Nieuw"]);
    assert_eq!(renamed.code, 1, "{}", renamed.stdout);
}

#[test]
fn a_session_not_found_or_not_movable_is_said_in_both_languages_with_its_exit_code() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_session(dir.path(), "20261120-140000-koers-wat-aaaa.jsonl", "Een");
    write_session(dir.path(), "20261120-150000-koers-wat-bbbb.jsonl", "Twee");
    let shown = dir.path().display().to_string();
    let said = |lang: &str, args: &[&str]| {
        let mut all = vec!["--lang", lang];
        all.extend(args);
        let out = run(config.path(), dir.path(), &all);
        (out.code, out.stderr.trim().to_string())
    };
    let ids = "20261120-140000-koers-wat-aaaa, 20261120-150000-koers-wat-bbbb";
    assert_eq!(
        said("nl", &["export", "20261120"]),
        (
            2,
            format!("tafel: `20261120` past bij 2 sessies ({ids}); typ meer tekens")
        )
    );
    assert_eq!(
        said("en", &["export", "20261120"]),
        (
            2,
            format!("tafel: `20261120` matches 2 sessions ({ids}); type more characters")
        )
    );
    assert_eq!(
        said("nl", &["delete", "2027"]),
        (
            2,
            format!("tafel: geen sessie `2027` in {shown} (zie `tafel sessions`)")
        )
    );
    assert_eq!(
        said("en", &["replay", "20261120-140000-koers-wat-aaab"]),
        (
            2,
            format!(
                "tafel: no session `20261120-140000-koers-wat-aaab` in {shown}; did you mean \
                 `20261120-140000-koers-wat-aaaa`? (see `tafel sessions`)"
            )
        )
    );
    assert_eq!(
        said("en", &["sessions", "--restore", "20261120"]),
        (2, "tafel: the trash is empty".to_string())
    );
    assert_eq!(
        said("en", &["rename", "20261120-14", " "]),
        (1, "tafel: a title has 1 to 200 characters".to_string())
    );
    assert_eq!(said("en", &["delete", "20261120-14"]).0, 0);
    assert_eq!(
        said("nl", &["sessions", "--restore", "../20261120-14"]),
        (
            2,
            "tafel: geef de id van een sessie in de prullenbak (zie `tafel sessions --trash`)"
                .to_string()
        )
    );
}
