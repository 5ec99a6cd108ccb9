//! The index's shortcuts (`history::scan`): an unchanged sessions directory is trusted only
//! for journals that cannot have changed, and every change is still seen — an append in
//! place, a title given by tafel, a journal replaced, added or removed, and (by the daily
//! full look) another program's rewrite of an ended journal in place; what is shown is
//! checked against its journal at once.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tafel::history::index::{Index, Look, Query};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/20261122-151251-tegenspraak-gesprek-0cd4.jsonl"
);
const TITLE: &str = "Teamgesprek loyale tegenspraak, team Jeugd & Veiligheid";
const HOUR: Duration = Duration::from_secs(3600);

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

/// The example journal without its last line (`session_ended`): an interrupted session.
fn interrupted() -> (String, String) {
    let full = example();
    let cut = full.trim_end().rfind('\n').unwrap() + 1;
    (full[..cut].to_string(), full[cut..].to_string())
}

fn set_modified(path: &Path, ago: Duration) {
    std::fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::now() - ago)
        .unwrap();
}

/// Journals written two hours ago in a directory last changed a minute ago: old enough for
/// the index to vouch for the directory and to take them as no longer being written.
fn age(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        set_modified(&entry.unwrap().path(), 2 * HOUR);
    }
    set_modified(dir, Duration::from_secs(60));
}

fn dir_modified(dir: &Path) -> SystemTime {
    std::fs::metadata(dir).unwrap().modified().unwrap()
}

fn open(dir: &Path, cache: &Path) -> Index {
    Index::open(dir, Some(cache)).unwrap().0
}

fn sync(index: &mut Index) -> Look {
    index.sync(&mut |_, _| {}).unwrap().look
}

/// (file name, title, ended) of every readable session, by file name.
fn listed(index: &Index) -> Vec<(String, String, bool)> {
    let mut found: Vec<(String, String, bool)> = index
        .query(&Query::default())
        .unwrap()
        .into_iter()
        .map(|f| {
            (
                f.path.file_name().unwrap().to_string_lossy().into_owned(),
                f.summary.title,
                f.summary.ended,
            )
        })
        .collect();
    found.sort();
    found
}

fn setup() -> (tempfile::TempDir, tempfile::TempDir, PathBuf, PathBuf) {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ended = dir.path().join("20261122-151251-a-aaaa.jsonl");
    let open = dir.path().join("20261122-161251-b-bbbb.jsonl");
    std::fs::write(&ended, example()).unwrap();
    std::fs::write(&open, interrupted().0).unwrap();
    age(dir.path());
    (cache, dir, ended, open)
}

#[test]
fn an_unchanged_directory_is_looked_at_quickly_and_an_append_in_place_is_seen() {
    let (cache, dir, _ended, open_journal) = setup();
    let mut index = open(dir.path(), cache.path());
    assert_eq!(sync(&mut index), Look::Full, "first look");
    assert_eq!(sync(&mut index), Look::Quick, "nothing changed");
    assert_eq!(
        listed(&index),
        [
            ("20261122-151251-a-aaaa.jsonl".into(), TITLE.into(), true),
            ("20261122-161251-b-bbbb.jsonl".into(), TITLE.into(), false),
        ]
    );

    // The interrupted session ends: appended in place, the directory does not change.
    let before = dir_modified(dir.path());
    {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&open_journal)
            .unwrap();
        file.write_all(interrupted().1.as_bytes()).unwrap();
    }
    assert_eq!(dir_modified(dir.path()), before);
    assert_eq!(sync(&mut index), Look::Quick);
    assert!(
        listed(&index).iter().all(|(_, _, ended)| *ended),
        "{:?}",
        listed(&index)
    );

    // A new process, the same index: still quick, still right.
    let mut again = open(dir.path(), cache.path());
    assert_eq!(sync(&mut again), Look::Quick);
    assert_eq!(listed(&again), listed(&index));
}

#[test]
fn a_title_given_by_tafel_to_an_ended_journal_is_seen_quickly() {
    let (cache, dir, ended, _open) = setup();
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);

    let before = dir_modified(dir.path());
    let wall = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let old =
        tafel::history::manage::rename_with_cache(&ended, "Nieuwe titel", wall, Some(cache.path()))
            .unwrap();
    assert_eq!(old.as_deref(), Some(TITLE));
    assert_eq!(dir_modified(dir.path()), before, "written in place");

    assert_eq!(sync(&mut index), Look::Quick);
    let titles: Vec<String> = listed(&index).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(titles, ["Nieuwe titel", TITLE]);
}

#[test]
fn replaced_added_and_removed_journals_are_seen_through_the_directory() {
    let (cache, dir, ended, open_journal) = setup();
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);

    // Replaced by renaming another file over it (as sync tools and editors do), with the
    // same length and an old modification time: only the inode number tells.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("kopie.jsonl");
    std::fs::write(&copy, example().replace("team Jeugd", "team Wonen")).unwrap();
    set_modified(&copy, 2 * HOUR);
    assert_eq!(
        std::fs::metadata(&copy).unwrap().len(),
        std::fs::metadata(&ended).unwrap().len()
    );
    std::fs::rename(&copy, &ended).unwrap();
    // Added and removed.
    let added = dir.path().join("20261123-090000-c-cccc.jsonl");
    std::fs::write(&added, example()).unwrap();
    std::fs::remove_file(&open_journal).unwrap();

    assert_eq!(sync(&mut index), Look::Listing);
    assert_eq!(
        listed(&index),
        [
            (
                "20261122-151251-a-aaaa.jsonl".into(),
                "Teamgesprek loyale tegenspraak, team Wonen & Veiligheid".into(),
                true
            ),
            ("20261123-090000-c-cccc.jsonl".into(), TITLE.into(), true),
        ]
    );

    // Just changed: the directory is not vouched for yet (a change within the same coarse
    // modification time would go unseen), so it is read again.
    assert_eq!(sync(&mut index), Look::Listing);
    age(dir.path());
    assert_eq!(sync(&mut index), Look::Listing);
    assert_eq!(sync(&mut index), Look::Quick);
}

#[test]
fn another_programs_rewrite_of_an_ended_journal_in_place_is_seen_by_the_daily_full_look() {
    let (cache, dir, ended, _open) = setup();
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);

    // A journal written just now is rewritten in place (same inode): written recently, it
    // is still watched.
    let fresh = dir.path().join("20261123-090000-c-cccc.jsonl");
    std::fs::write(&fresh, example()).unwrap();
    set_modified(dir.path(), Duration::from_secs(60));
    assert_eq!(sync(&mut index), Look::Listing);
    assert_eq!(sync(&mut index), Look::Quick);
    std::fs::write(&fresh, example().replace("team Jeugd", "team Zorg")).unwrap();
    assert_eq!(sync(&mut index), Look::Quick);
    assert!(
        listed(&index)
            .iter()
            .any(|(n, t, _)| n == "20261123-090000-c-cccc.jsonl" && t.contains("team Zorg")),
        "{:?}",
        listed(&index)
    );

    // Rewritten in place long after, keeping an old time: seen by the full look, at the
    // latest a day after the last one.
    std::fs::write(&ended, example().replace("team Jeugd", "team Klimaat")).unwrap();
    set_modified(&ended, 2 * HOUR);
    let tomorrow = tafel::history::scan::now_ns() + 25 * 3600 * 1_000_000_000;
    let look = index.sync_at(tomorrow, &mut |_, _| {}).unwrap().look;
    assert_eq!(look, Look::Full);
    assert!(
        listed(&index)
            .iter()
            .any(|(_, t, _)| t.contains("team Klimaat")),
        "{:?}",
        listed(&index)
    );
}

#[cfg(unix)]
#[test]
fn a_linked_journal_is_always_looked_at() {
    let (cache, dir, _ended, _open) = setup();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("echt.jsonl");
    std::fs::write(&target, example()).unwrap();
    set_modified(&target, 2 * HOUR);
    let link = dir.path().join("20261124-090000-d-dddd.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    age(dir.path());
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);

    // The link's target changes; the link and the directory do not.
    std::fs::write(&target, example().replace("team Jeugd", "team Zorg")).unwrap();
    set_modified(&target, 2 * HOUR);
    assert_eq!(sync(&mut index), Look::Quick);
    assert!(
        listed(&index)
            .iter()
            .any(|(n, t, _)| n.starts_with("20261124") && t.contains("team Zorg")),
        "{:?}",
        listed(&index)
    );
}

#[test]
fn an_interrupted_first_build_resumes_where_it_stopped() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = example();
    for i in 0..1_100 {
        std::fs::write(
            dir.path().join(format!("20261122-{i:06}-a-{i:04x}.jsonl")),
            &text,
        )
        .unwrap();
    }
    // Stopped (here: a panic) after the first batch was stored.
    let mut index = open(dir.path(), cache.path());
    let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        index.sync(&mut |done, total| {
            assert_eq!(total, 1_100);
            panic!("stopped after {done}");
        })
    }));
    assert!(stopped.is_err());
    drop(index);

    let mut again = open(dir.path(), cache.path());
    let mut first_total = None;
    again
        .sync(&mut |_, total| {
            first_total.get_or_insert(total);
        })
        .unwrap();
    let left = first_total.expect("progress reported");
    // At least the first batch (500) was kept; only the rest is read again.
    assert!(left <= 600, "read again: {left}");
    assert_eq!(again.count().unwrap(), 1_100);
}

/// The example journal rewritten in place by another program (an editor, `cp` over it):
/// same file, same directory entry, a modification time long past.
fn rewrite_in_place(journal: &Path, dir: &Path) {
    let before = dir_modified(dir);
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(journal).unwrap());
    std::fs::write(journal, example().replace(TITLE, NEW_TITLE)).unwrap();
    set_modified(journal, 2 * HOUR);
    assert_eq!(dir_modified(dir), before, "written in place");
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(journal).unwrap()),
        inode
    );
}

const NEW_TITLE: &str = "Heidag Klimaatakkoord, team Wonen";

fn titles(found: &[tafel::history::index::Found]) -> Vec<(String, String)> {
    let mut titles: Vec<(String, String)> = found
        .iter()
        .map(|f| {
            (
                f.path.file_name().unwrap().to_string_lossy().into_owned(),
                f.summary.title.clone(),
            )
        })
        .collect();
    titles.sort();
    titles
}

#[test]
fn an_ended_journal_rewritten_in_place_long_after_is_shown_as_it_is_now() {
    let (cache, dir, ended, _open) = setup();
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);

    rewrite_in_place(&ended, dir.path());
    // The quick look does not stat an ended, old journal: the rows shown are checked instead.
    assert_eq!(sync(&mut index), Look::Quick);
    let a = "20261122-151251-a-aaaa.jsonl".to_string();
    let b = "20261122-161251-b-bbbb.jsonl".to_string();
    let limited = index
        .query(&Query {
            limit: Some(2),
            ..Query::default()
        })
        .unwrap();
    assert_eq!(
        titles(&limited),
        [(a.clone(), NEW_TITLE.into()), (b.clone(), TITLE.into())]
    );
    assert_eq!(
        titles(&index.query(&Query::default()).unwrap()),
        titles(&limited)
    );
    // Searched: a word only the old text had no longer finds it, one in both shows the new.
    let search = |words: &str| {
        titles(
            &index
                .query(&Query {
                    search: Some(words.into()),
                    ..Query::default()
                })
                .unwrap(),
        )
    };
    assert_eq!(search("jeugd"), [(b.clone(), TITLE.into())]);
    assert_eq!(
        search("tegenspraak"),
        [(a.clone(), NEW_TITLE.into()), (b.clone(), TITLE.into())]
    );
    assert_eq!(search("klimaatakkoord"), [(a.clone(), NEW_TITLE.into())]);
    let summary = index.entry(&a).unwrap().unwrap().unwrap();
    assert_eq!(summary.title, NEW_TITLE);

    // Read into the index for good: the next process sees it without reading it again.
    drop(index);
    let mut again = open(dir.path(), cache.path());
    assert_eq!(sync(&mut again), Look::Quick);
    assert_eq!(again.entry(&a).unwrap().unwrap().unwrap().title, NEW_TITLE);
}

#[test]
fn a_journal_removed_after_the_look_is_not_shown() {
    let (cache, dir, ended, _open) = setup();
    let mut index = open(dir.path(), cache.path());
    sync(&mut index);
    assert_eq!(sync(&mut index), Look::Quick);
    std::fs::remove_file(&ended).unwrap();
    let names: Vec<String> = listed(&index).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["20261122-161251-b-bbbb.jsonl"]);
    assert_eq!(index.count().unwrap(), 1);
}

#[test]
fn tafel_sessions_shows_an_ended_journal_rewritten_in_place_at_once() {
    let (_unused, dir, ended, _open) = setup();
    let config = tempfile::tempdir().unwrap();
    let cache = config.path().join("cache");
    let sessions = dir.path().to_str().unwrap();
    let list = || {
        common::tafel_in(
            config.path(),
            &["sessions", "--limit", "2", "--sessions-dir", sessions],
        )
    };
    let run = list();
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout.matches("team Jeugd").count(),
        2,
        "{}",
        run.stdout
    );

    // The index now trusts the directory: the next look is a quick one.
    assert_eq!(sync(&mut open(dir.path(), &cache)), Look::Quick);
    rewrite_in_place(&ended, dir.path());
    assert_eq!(sync(&mut open(dir.path(), &cache)), Look::Quick);

    let run = list();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(NEW_TITLE), "{}", run.stdout);
    assert_eq!(
        run.stdout.matches("team Jeugd").count(),
        1,
        "{}",
        run.stdout
    );
}
