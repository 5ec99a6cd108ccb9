//! Killed processes never lose a confirmed record. In a test binary of its own: a file lock
//! lives as long as any copy of its descriptor, and a child forked by this test holds copies
//! of every descriptor open in the process until it execs, so a journal another test had just
//! closed could briefly still look locked.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use tafel::session::event::Event;
use tafel::storage::journal::{self, Journal};

#[path = "common/journal_fixture.rs"]
mod fixture;
use fixture::*;

// ---------------------------------------------------------------------------------------------
// Killed processes

const CHILD_ENV: &str = "TAFEL_JOURNAL_CHILD";
const CHILD_BIG_ENV: &str = "TAFEL_JOURNAL_CHILD_BIG";
const BIG_NOTE: usize = 512 << 10;

/// Not a test on its own: the worker for `sigkill_never_loses_a_confirmed_record`, which runs it
/// in a separate process (this same test binary) and kills it. Without the variable it returns.
#[test]
fn sigkill_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let big = std::env::var_os(CHILD_BIG_ENV).is_some();
    let (mut journal, loaded) = Journal::open_for_append(Path::new(&path)).expect("open");
    let mut id = loaded.records.len() as u64;
    let mut out = std::io::stdout().lock();
    loop {
        let count = if big { 1 } else { rand::random_range(1..=3) };
        let events = (0..count)
            .map(|_| {
                id += 1;
                // Mostly short notes, sometimes bigger ones; in "big" runs one large note,
                // which takes long enough to write that a kill can land inside the write.
                let len = if big {
                    BIG_NOTE
                } else if rand::random_range(0..3) == 0 {
                    rand::random_range(10_000..120_000)
                } else {
                    rand::random_range(0..200)
                };
                note(id, &"é🙂x".repeat(len / 7))
            })
            .collect();
        if big {
            writeln!(out, "writing").unwrap();
            out.flush().unwrap();
        }
        let records = journal.append(events, at(), id).expect("append");
        writeln!(out, "confirmed {}", records.last().unwrap().seq).unwrap();
        out.flush().unwrap();
    }
}

#[cfg(unix)]
#[test]
fn sigkill_never_loses_a_confirmed_record() {
    use std::os::unix::process::ExitStatusExt;

    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = new_journal(dir.path());
    let path = journal.path().to_path_buf();
    drop(journal);
    let exe = std::env::current_exe().unwrap();

    let mut confirmed: Vec<u64> = vec![0];
    let mut torn = 0;
    let mut at_least = 1;
    for run in 0..35 {
        // Three kinds of runs, so the test is meaningful however busy the machine is:
        // - killed at a random moment after the start, start-up and resume included;
        // - killed shortly after a random number of confirmations (it surely made progress);
        // - one big note, killed as soon as the file starts to grow (inside the write).
        let big = run % 4 == 3;
        let after_confirmations = (run % 4 == 1).then(|| rand::random_range(1..=8));
        let mut command = Command::new(&exe);
        command
            .args([
                "--exact",
                "sigkill_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if big {
            command.env(CHILD_BIG_ENV, "1");
        }
        let mut child = command.spawn().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut output = String::new();
        if big {
            while stdout.read_line(&mut output).unwrap() > 0 && !output.ends_with("writing\n") {}
            // Kill as soon as the file starts to grow: in the middle of the write.
            let before = fs::metadata(&path).unwrap().len();
            let start = std::time::Instant::now();
            while fs::metadata(&path).unwrap().len() == before
                && start.elapsed() < Duration::from_secs(2)
            {}
        } else if let Some(wanted) = after_confirmations {
            let mut seen = 0;
            while seen < wanted && stdout.read_line(&mut output).unwrap() > 0 {
                seen = output.matches("confirmed ").count();
            }
            assert_eq!(
                seen, wanted,
                "run {run}: the child stopped early:\n{output}"
            );
            at_least += wanted;
            std::thread::sleep(Duration::from_micros(rand::random_range(0..3000)));
        } else {
            std::thread::sleep(Duration::from_millis(rand::random_range(0..120)));
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        stdout.read_to_string(&mut output).unwrap();
        if status.signal() != Some(9) {
            let mut stderr = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            panic!("run {run}: the child stopped by itself ({status}):\n{output}\n{stderr}");
        }
        // Only whole lines: a line cut off by the kill was not a confirmation yet. (The first
        // one shares its line with the test harness's "test sigkill_child ... ".)
        let whole = &output[..output.rfind('\n').map_or(0, |i| i + 1)];
        confirmed.extend(
            whole
                .lines()
                .filter_map(|l| l.rsplit_once("confirmed ").map(|(_, n)| n))
                .map(|n| n.parse::<u64>().unwrap()),
        );

        let loaded = journal::load(&path).unwrap_or_else(|e| panic!("run {run}: {e}"));
        torn += usize::from(loaded.torn_tail.is_some());
        let last = loaded.records.last().unwrap().seq;
        assert_eq!(seqs(&loaded.records), (0..=last).collect::<Vec<_>>());
        let max = *confirmed.iter().max().unwrap();
        assert!(
            max <= last,
            "run {run}: seq {max} was confirmed but the file ends at {last}"
        );
    }
    eprintln!(
        "sigkill: {} confirmations, {torn} runs ended in a torn tail, {} bytes",
        confirmed.len(),
        fs::metadata(&path).unwrap().len()
    );

    // Resuming once more cleans up and continues right after the last record.
    let (mut journal, loaded) = Journal::open_for_append(&path).unwrap();
    let last = loaded.records.last().unwrap().seq;
    let next = journal.append(vec![Event::SessionEnded], at(), 0).unwrap();
    assert_eq!(next[0].seq, last + 1);
    drop(journal);
    let all = seqs(&load_whole(&path));
    assert_eq!(all, (0..=last + 1).collect::<Vec<_>>());
    for seq in &confirmed {
        assert!(all.contains(seq), "confirmed seq {seq} is missing");
    }
    assert!(confirmed.len() >= at_least, "{confirmed:?}");
}
