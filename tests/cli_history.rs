//! `tafel sessions` and `tafel export` on real journal files: listing, search, unreadable
//! files, and the Markdown export (golden file).

mod common;

use std::path::{Path, PathBuf};

use chrono::DateTime;
use common::harness::{LIBRARY, Setup, journal_text, koers_wat_start, minute_records};
use common::{tafel, tafel_in};
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

// ---------------------------------------------------------------------------------------------
// The index (in the cache directory, reused between runs) never disagrees with the journals.

/// `tafel sessions` with a config (and so cache) directory kept between runs.
fn sessions_in(config: &Path, dir: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["sessions", "--sessions-dir", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    tafel_in(config, &args)
}

/// The session ids listed, in order.
fn listed(run: &common::Run) -> Vec<String> {
    run.stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The index files in the cache directory.
fn index_files(config: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(config.join("cache").join("index")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_listing_follows_every_change_of_the_journals() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Eerste",
        "x",
    );
    let b = write_session(
        dir.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Tweede",
        "y",
    );
    // An interrupted session: its last line (session_ended) comes later.
    let full = std::fs::read_to_string(&b).unwrap();
    let cut = full.trim_end().rfind('\n').unwrap() + 1;
    std::fs::write(&b, &full[..cut]).unwrap();

    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        listed(&run),
        [
            "20261121-140000-koers-wat-bbbb",
            "20261120-140000-koers-wat-aaaa"
        ]
    );
    assert!(run.stdout.lines().nth(1).unwrap().contains("onderbroken"));
    assert_eq!(
        index_files(config.path()).len(),
        1,
        "one index, in the cache"
    );

    // Appended (same file, same inode): the session is now finished.
    {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().append(true).open(&b).unwrap();
        file.write_all(&full.as_bytes()[cut..]).unwrap();
    }
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert!(
        run.stdout.lines().nth(1).unwrap().contains("afgerond"),
        "appended: {}",
        run.stdout
    );

    // Replaced (a new file renamed over it): the new title.
    let other = tempfile::tempdir().unwrap();
    let new = write_session(other.path(), "nieuw.jsonl", "Vervangen sessie", "z");
    std::fs::copy(&new, dir.path().join("tmp.part")).unwrap();
    std::fs::rename(dir.path().join("tmp.part"), &a).unwrap();
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert!(
        run.stdout.contains("Vervangen sessie"),
        "replaced: {}",
        run.stdout
    );
    assert!(!run.stdout.contains("Eerste"), "replaced: {}", run.stdout);

    // Truncated: no longer a session, named as unreadable.
    std::fs::write(&a, "").unwrap();
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(listed(&run), ["20261121-140000-koers-wat-bbbb"]);
    assert!(
        run.stderr.contains("20261120-140000-koers-wat-aaaa.jsonl"),
        "truncated: {}",
        run.stderr
    );

    // Deleted: gone, also from the unreadable ones.
    std::fs::remove_file(&a).unwrap();
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(listed(&run), ["20261121-140000-koers-wat-bbbb"]);
    assert_eq!(run.stderr, "", "deleted");

    // Foreign files: a .jsonl that is no session is named; anything else is ignored.
    std::fs::write(dir.path().join("export.jsonl"), "{\"a\": 1}\n").unwrap();
    std::fs::write(dir.path().join("lees-mij.txt"), "hallo").unwrap();
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(listed(&run), ["20261121-140000-koers-wat-bbbb"]);
    assert!(run.stderr.contains("export.jsonl"), "{}", run.stderr);
    assert!(!run.stderr.contains("lees-mij"), "{}", run.stderr);

    // A new session appears, also through a search; the index stays out of the directory.
    write_session(
        dir.path(),
        "20261122-140000-koers-wat-cccc.jsonl",
        "Derde",
        "koersrichting",
    );
    let run = sessions_in(config.path(), dir.path(), &["--search", "KOERSRICHTING"]);
    assert_eq!(listed(&run), ["20261122-140000-koers-wat-cccc"]);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".jsonl") && n != "lees-mij.txt")
        .collect();
    assert!(
        names.is_empty(),
        "written into the sessions directory: {names:?}"
    );
}

#[test]
fn search_ranks_and_shows_the_matching_words_in_context() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Heidag",
        "Gesprek met de wethouder over doorzettingsmacht, en nog eens doorzettingsmacht",
    );
    write_session(
        dir.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Teamdag",
        "Kort over doorzettingsmacht",
    );
    let run = sessions_in(
        config.path(),
        dir.path(),
        &["--search", "Doorzettingsmacht"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The older session mentions it twice: it comes first.
    assert_eq!(
        listed(&run),
        [
            "20261120-140000-koers-wat-aaaa",
            "20261121-140000-koers-wat-bbbb"
        ]
    );
    assert!(run.stdout.lines().next().unwrap().contains("GEVONDEN"));
    assert!(
        run.stdout
            .contains("de wethouder over **doorzettingsmacht**"),
        "{}",
        run.stdout
    );
    // The start of a word is enough; accents and capitals do not matter.
    let run = sessions_in(config.path(), dir.path(), &["--search", "WÉTHOUD"]);
    assert_eq!(listed(&run), ["20261120-140000-koers-wat-aaaa"]);
    // Nothing typed is taken as search syntax.
    let run = sessions_in(config.path(), dir.path(), &["--search", "\"wet* OR NEAR("]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("geen sessies gevonden"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_corrupt_index_is_rebuilt_with_only_a_note() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Eerste",
        "x",
    );
    let first = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let [index] = index_files(config.path()).try_into().unwrap();
    let mut garbage = b"dit is geen database ".repeat(400);
    garbage.truncate(8192);
    std::fs::write(&index, &garbage).unwrap();

    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, first.stdout);
    assert!(run.stderr.contains("opnieuw opgebouwd"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "only a note: {}", run.stderr);
    let again = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(again.stderr, "", "rebuilt once");
}

#[cfg(unix)]
#[test]
fn the_index_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Eerste",
        "x",
    );
    assert_eq!(sessions_in(config.path(), dir.path(), &[]).code, 0);
    let [index] = index_files(config.path()).try_into().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&index), 0o600);
    assert_eq!(mode(index.parent().unwrap()), 0o700);
    assert_eq!(mode(&config.path().join("cache")), 0o700);
}

#[test]
fn two_processes_update_one_index_at_once() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let template = write_session(
        dir.path(),
        "20261101-090000-koers-wat-0000.jsonl",
        "Sessie",
        "x",
    );
    let text = std::fs::read(&template).unwrap();
    for i in 1..300 {
        let name = format!(
            "20261101-{:02}{:02}00-koers-wat-{i:04x}.jsonl",
            9 + i / 60,
            i % 60
        );
        std::fs::write(dir.path().join(name), &text).unwrap();
    }
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_tafel"))
                .args(["sessions", "--sessions-dir", dir.path().to_str().unwrap()])
                .env("TAFEL_CONFIG_DIR", config.path())
                .env("TAFEL_CACHE_DIR", config.path().join("cache"))
                .env_remove("TAFEL_SESSIONS_DIR")
                .env_remove("TAFEL_LANG")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let after = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(listed(&after).len(), 300, "{}", after.stderr);
    for output in outputs {
        assert!(output.status.success());
        assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
        assert_eq!(String::from_utf8(output.stdout).unwrap(), after.stdout);
    }
    assert_eq!(index_files(config.path()).len(), 1);
}

/// Every file in `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[cfg(unix)]
#[test]
fn an_archive_is_listed_searched_exported_and_never_written_to() {
    use std::os::unix::fs::PermissionsExt;
    let config = tempfile::tempdir().unwrap();
    let own = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    let archive = team.path().join("teamarchief");
    std::fs::create_dir(&archive).unwrap();
    write_session(
        own.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Eigen sessie",
        "x",
    );
    let theirs = write_session(
        &archive,
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Sessie van Anna",
        "wijkaanpak",
    );
    let interrupted = write_session(
        &archive,
        "20261119-140000-koers-wat-cccc.jsonl",
        "Onderbroken bij Anna",
        "y",
    );
    let text = std::fs::read_to_string(&interrupted).unwrap();
    let cut = text.trim_end().rfind('\n').unwrap() + 1;
    std::fs::write(&interrupted, &text[..cut]).unwrap();
    // An old JSON index left there by an earlier tafel stays as it is, too.
    std::fs::write(archive.join(".tafel-index.json"), "{}").unwrap();
    for file in std::fs::read_dir(&archive).unwrap() {
        std::fs::set_permissions(file.unwrap().path(), std::fs::Permissions::from_mode(0o444))
            .unwrap();
    }
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(&archive);

    let own_dir = own.path().to_str().unwrap();
    let archive_dir = archive.to_str().unwrap();
    let with_archive = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--sessions-dir", own_dir, "--archive", archive_dir]);
        tafel_in(config.path(), &all)
    };
    let run = with_archive(&["sessions"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        listed(&run),
        [
            "20261121-140000-koers-wat-bbbb",
            "20261120-140000-koers-wat-aaaa",
            "20261119-140000-koers-wat-cccc"
        ]
    );
    assert!(run.stdout.lines().next().unwrap().contains("BRON"));
    assert!(
        run.stdout
            .lines()
            .nth(1)
            .unwrap()
            .contains("archief teamarchief")
    );
    assert!(run.stdout.lines().nth(2).unwrap().contains("eigen"));

    let run = with_archive(&["sessions", "--search", "wijkaanpak"]);
    assert_eq!(listed(&run), ["20261121-140000-koers-wat-bbbb"]);
    let run = with_archive(&["sessions", "--open"]);
    assert!(
        run.stdout.contains("20261121-140000-koers-wat-bbbb"),
        "{}",
        run.stdout
    );
    let run = with_archive(&["export", "20261121"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("# Sessie van Anna"));
    // Replay reads (then needs a terminal); resume would write, and refuses.
    let run = with_archive(&["replay", "20261121"]);
    assert!(run.stderr.contains("terminal"), "{}", run.stderr);
    let run = with_archive(&["resume", interrupted.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    // The archive also comes from config.toml.
    std::fs::write(
        config.path().join("config.toml"),
        format!("sessions_dirs = [{:?}]\n", archive_dir),
    )
    .unwrap();
    let run = tafel_in(config.path(), &["sessions", "--sessions-dir", own_dir]);
    assert_eq!(listed(&run).len(), 3, "{}", run.stderr);

    assert_eq!(snapshot(&archive), before, "the archive was written to");
    assert_eq!(
        std::fs::metadata(&archive).unwrap().permissions().mode() & 0o777,
        0o555
    );
    assert!(theirs.exists());
    // One index per directory, both in the cache.
    assert_eq!(index_files(config.path()).len(), 2);
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o755)).unwrap();
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

/// Issue 8, item 14: a session damaged in the middle says how to export what is readable,
/// and `--readable` does so without changing the file.
#[test]
fn a_session_damaged_in_the_middle_can_be_exported_as_far_as_it_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_session(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Beschadigd",
        "Een notitie die blijft",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let damaged_line = lines.len() - 2;
    lines[damaged_line - 1] = "{kapot";
    let damaged = lines.join("\n") + "\n";
    std::fs::write(&path, &damaged).unwrap();

    let run = tafel(&["export", "20261120", "--sessions-dir", &dir_arg(dir.path())]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--readable"), "{}", run.stderr);

    let run = tafel(&[
        "export",
        "20261120",
        "--readable",
        "--sessions-dir",
        &dir_arg(dir.path()),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Een notitie die blijft"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains(&format!("beschadigd vanaf regel {damaged_line}")),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        damaged,
        "unchanged"
    );
}

// ---------------------------------------------------------------------------------------------
// A session open in another tafel is "loopt nu", not "onderbroken" (new-user trial).

/// A session as [`write_session`] writes it, without its last record: not ended.
fn write_interrupted(dir: &Path, name: &str, title: &str) -> PathBuf {
    let path = write_session(dir, name, title, "open");
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = text.trim_end().rfind('\n').unwrap() + 1;
    assert!(text[cut..].contains("session_ended"), "{text}");
    std::fs::write(&path, &text[..cut]).unwrap();
    path
}

/// The status cell of the row of session `id`.
fn status_of(run: &common::Run, id: &str) -> String {
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with(id))
        .unwrap_or_else(|| panic!("no row for {id}:\n{}", run.stdout));
    let header = run.stdout.lines().next().unwrap();
    let at = header.find("STATUS").expect("a STATUS column");
    line.chars()
        .skip(header[..at].chars().count())
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn a_session_open_in_another_tafel_is_listed_as_running_now() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let held = write_interrupted(
        dir.path(),
        "20261120-140000-koers-wat-aaaa.jsonl",
        "Loopt nog",
    );
    write_interrupted(
        dir.path(),
        "20261121-140000-koers-wat-bbbb.jsonl",
        "Gestopt",
    );
    write_session(
        dir.path(),
        "20261122-140000-koers-wat-cccc.jsonl",
        "Klaar",
        "klaar",
    );
    let (aaaa, bbbb, cccc) = (
        "20261120-140000-koers-wat-aaaa",
        "20261121-140000-koers-wat-bbbb",
        "20261122-140000-koers-wat-cccc",
    );

    // Held open here, as a facilitator's tafel holds it: the listing is another process.
    let (journal, _) = tafel::storage::journal::Journal::open_for_append(&held).unwrap();
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(status_of(&run, aaaa), "loopt nu", "{}", run.stdout);
    assert_eq!(status_of(&run, bbbb), "onderbroken", "{}", run.stdout);
    assert_eq!(status_of(&run, cccc), "afgerond", "{}", run.stdout);

    // Closed: interrupted again, though the index kept its summary.
    drop(journal);
    let run = sessions_in(config.path(), dir.path(), &[]);
    assert_eq!(status_of(&run, aaaa), "onderbroken", "{}", run.stdout);
    assert_eq!(status_of(&run, bbbb), "onderbroken", "{}", run.stdout);
}
