//! End to end, as a person uses it: the real `tafel run` in a real terminal (tmux), driven
//! with key presses and read back from the screen, then the journal on disk checked.
//!
//! Every test has its own tmux server (`tmux -L <unique socket>`, no config file), so the
//! tests run in parallel and never touch a user's own tmux. The server is killed when the
//! test ends, also when it fails. Without tmux these tests fail: CI installs it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use common::tmux::{POLL, TIMEOUT, Term, sh_quote};

const NOTE: &str = "Opgave: één gezamenlijke koers — 🚀 samen";

/// One `tafel run` in its own tmux server, with its own config and sessions directories.
impl Term {
    /// Starts `tafel run koers-wat` in a `width`×`height` window (see `Term::with_script` for
    /// the shell around it).
    fn start(test: &str, width: u16, height: u16) -> Term {
        Term::start_args(
            test,
            width,
            height,
            "run koers-wat --participants 'Anna,Bram' --seed 7",
        )
    }

    /// As `start`, with other arguments for tafel (trusted text, put in the script as is).
    fn start_args(test: &str, width: u16, height: u16, args: &str) -> Term {
        Term::start_env(test, width, height, "", args)
    }

    /// As `start_args`, with more shell lines (`export …`) before tafel starts; `{dir}` in
    /// them is the test's directory.
    fn start_env(test: &str, width: u16, height: u16, env: &str, args: &str) -> Term {
        let socket = format!("tafel-e2e-{}-{test}", std::process::id());
        Term::with_script(socket, width, height, |dir, config, sessions| {
            let setup = format!(
                "{}\n{}",
                common::tmux::private_env(config),
                env.replace("{dir}", &sh_quote(&dir.display().to_string())),
            );
            (setup, tafel_command(dir, sessions, args))
        })
    }

    /// Replaces what runs in the window with another tafel command on the same sessions.
    fn respawn(&self, args: &str) {
        let command = format!(
            "TAFEL_CONFIG_DIR={} {}; echo TAFEL-EXIT=$?.; exec sleep 60",
            sh_quote(&self.config.display().to_string()),
            tafel_command(self.dir.path(), &self.sessions, args),
        );
        self.tmux(&["respawn-pane", "-k", "-t", "tafel", &command]);
    }

    /// The pid of the tafel process (written by the shell just before it becomes tafel).
    fn tafel_pid(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(pid) = fs::read_to_string(pidfile(self.dir.path()))
                && !pid.trim().is_empty()
            {
                return pid.trim().to_string();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no pid file from the tafel shell"
            );
            std::thread::sleep(POLL);
        }
    }

    /// The one session file in the sessions directory.
    fn journal(&self) -> PathBuf {
        common::tmux::only_journal(&self.sessions)
    }

    /// Opens a new note with `n` and types `text` in it, not saved yet.
    fn type_note(&self, text: &str) {
        self.keys(&["n"]);
        self.wait_for("Nieuwe notitie");
        self.type_text(text);
        self.wait_for(text);
    }

    /// Sends `signal` (`-TERM`, `-KILL`) to the tafel process.
    fn signal(&self, signal: &str) {
        let pid = self.tafel_pid();
        let status = Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill {signal} {pid} failed");
    }

    /// Ends the session: `key` asks whether to, `j` says yes, and once the summary shows all
    /// of `summary`, `q` leaves it.
    fn end_session(&self, key: &str, question: &str, summary: &[&str]) {
        self.keys(&[key]);
        self.wait_for(question);
        self.keys(&["j"]);
        self.wait_for_screen(summary, &[]);
        self.keys(&["q"]);
    }

    /// Waits until tafel has exited with code 0, saying `message` and the journal's path,
    /// with the terminal restored; returns the journal.
    fn exits_cleanly_saying(&self, message: &str) -> PathBuf {
        let (code, all) = self.wait_exit();
        assert_eq!(code, 0, "{all}");
        let journal = self.journal();
        assert!(
            all.contains(&format!("{message} {}", journal.display())),
            "no exit message:\n{all}"
        );
        self.assert_terminal_restored(&all);
        journal
    }

    /// Asserts the pane is back to the plain shell: no alternate screen, cursor visible,
    /// terminal settings as before, and none of tafel's screen left on it.
    fn assert_terminal_restored(&self, all: &str) {
        assert!(
            all.contains("TTY-RESTORED"),
            "stty settings changed:\n{all}"
        );
        assert_eq!(
            self.pane_flag("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(self.pane_flag("#{cursor_flag}"), "1", "cursor still hidden");
        let screen = self.screen();
        for tafel_only in ["ronde ", "Samenvatting", "╭", "┌", "║", "nog "] {
            assert!(
                !screen.contains(tafel_only),
                "tafel's screen ({tafel_only:?}) is still on the pane after exit:\n{screen}"
            );
        }
    }
}

/// Every line of the journal parsed (the journal is intact), with gap-free `seq`.
fn records(journal: &Path) -> Vec<Value> {
    let text = fs::read_to_string(journal).expect("read journal");
    assert!(text.ends_with('\n'), "journal does not end with a newline");
    let records: Vec<Value> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("journal line {} does not parse ({e}): {line}", i + 1))
        })
        .collect();
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["seq"], i as u64, "seq gap at line {}", i + 1);
    }
    assert_eq!(records[0]["type"], "session_started");
    records
}

fn of_type<'a>(records: &'a [Value], kind: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["type"] == kind).collect()
}

/// The shell command for `tafel ARGS` on `sessions`, which first writes its pid to the pid
/// file in `dir` (trusted `args`, put in as they are).
fn tafel_command(dir: &Path, sessions: &Path, args: &str) -> String {
    format!(
        r#"sh -c 'echo $$ > "$0"; exec "$@"' {} {} {args} --sessions-dir {}"#,
        sh_quote(&pidfile(dir).display().to_string()),
        sh_quote(env!("CARGO_BIN_EXE_tafel")),
        sh_quote(&sessions.display().to_string()),
    )
}

/// Where the shell writes the pid of tafel, in the test's directory `dir`.
fn pidfile(dir: &Path) -> PathBuf {
    dir.join("tafel.pid")
}

/// Where tafel keeps the unsaved note of `journal`.
fn draft_path(journal: &Path) -> PathBuf {
    PathBuf::from(format!("{}.draft", journal.display()))
}

/// The unsaved notes of `journal` (the draft file must be there), oldest change first.
fn read_drafts(journal: &Path) -> Vec<Value> {
    let path = draft_path(journal);
    let draft =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("no draft at {}: {e}", path.display()));
    serde_json::from_str(&draft).expect("draft is a JSON list")
}

/// The one unsaved note of `journal`.
fn read_draft(journal: &Path) -> Value {
    let drafts = read_drafts(journal);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    drafts.into_iter().next().unwrap()
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn a_whole_session_with_cards_a_note_and_an_agreement() {
    let term = Term::start("whole", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.wait_for("Geen kaart op tafel");

    // Round 2 draws two cards itself.
    term.keys(&["Right"]);
    // A card box: its top with the deck in the title, and its bottom.
    term.wait_for_screen(
        &[
            "ronde 2 van 6",
            "╭ Koerskaarten · Wat-kaart: onze opgave",
            "╰──",
        ],
        &["Geen kaart op tafel"],
    );

    term.keys(&["d"]);
    // Every card on the table: three boxes, or one at a time when they do not fit.
    term.wait_until("three cards on the table", |screen| {
        screen.matches("╭ Koerskaarten").count() == 3 || screen.contains("kaart 3 van 3")
    });

    term.type_note(NOTE);
    term.keys(&["Enter"]);
    let listed_note = format!("• {NOTE}");
    let screen = term.wait_for_screen(
        &["Notities · 1", &listed_note, "opgeslagen"],
        &["Nieuwe notitie"],
    );
    // The note is on the shared screen, in the notes list under the card.
    let listed = screen
        .lines()
        .find(|l| l.trim_start().starts_with("• "))
        .unwrap_or_else(|| panic!("no note in the list:\n{screen}"));
    assert_eq!(listed.trim(), listed_note, "{screen}");

    term.keys(&["a"]);
    term.wait_for("Nieuwe afspraak");
    term.type_text("Verslag rondsturen");
    term.keys(&["Tab"]);
    term.type_text("Bram");
    term.keys(&["Tab"]);
    term.type_text("vrijdag");
    term.wait_for("vrijdag");
    term.keys(&["Enter"]);
    term.wait_for("AFSPRAAK Verslag rondsturen — wie: Bram — wanneer: vrijdag");

    term.end_session(
        "q",
        "De sessie beëindigen?",
        &[
            "Samenvatting",
            "2. Onze opgave",
            "Totaal: gepland 29 min", // rounds resolved for Anna and Bram
            "q of Enter sluit af",
        ],
    );

    let journal = term.exits_cleanly_saying("Sessie afgerond en opgeslagen in");

    #[cfg(unix)]
    assert_eq!(mode(&journal), 0o600, "journal mode");
    let records = records(&journal);
    let notes = of_type(&records, "note_added");
    let note = notes
        .iter()
        .find(|r| r["kind"] == "note")
        .unwrap_or_else(|| panic!("no note in {notes:?}"));
    assert_eq!(note["text"], NOTE);
    assert_eq!(note["round"], 1);
    let agreement = notes
        .iter()
        .find(|r| r["kind"] == "agreement")
        .unwrap_or_else(|| panic!("no agreement in {notes:?}"));
    assert_eq!(agreement["text"], "Verslag rondsturen");
    assert_eq!(agreement["owner"], "Bram");
    assert_eq!(agreement["due"], "vrijdag");
    assert_eq!(of_type(&records, "card_drawn").len(), 3);
    assert_eq!(records.last().unwrap()["type"], "session_ended");
    assert!(
        !draft_path(&journal).exists(),
        "a draft was left after the note was saved"
    );
}

#[test]
fn an_80_by_24_terminal_shows_timer_and_card() {
    let term = Term::start("medium", 80, 24);
    term.wait_for("ronde 1 van 6");
    term.wait_for("nog ");
    term.keys(&["d"]);
    term.wait_for_screen(&["╭ Koerskaarten · ", "nog "], &["Geen kaart op tafel"]);
    term.end_session("q", "De sessie beëindigen?", &["Samenvatting"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    term.assert_terminal_restored(&all);
    let records = records(&term.journal());
    assert_eq!(of_type(&records, "card_drawn").len(), 1);
    assert_eq!(records.last().unwrap()["type"], "session_ended");
}

#[test]
fn ctrl_c_leaves_at_once_and_keeps_the_unsaved_note_as_draft() {
    let term = Term::start("ctrlc", 120, 35);
    term.wait_for("ronde 1 van 6");
    let typed = "Nog niet bewaard: één idee";
    term.type_note(typed);
    term.keys(&["C-c"]);

    let journal = term.exits_cleanly_saying("Sessie onderbroken; alles wat bevestigd was staat in");

    let records = records(&journal);
    assert!(of_type(&records, "session_ended").is_empty());
    assert!(of_type(&records, "note_added").is_empty());
    let draft = read_draft(&journal);
    assert_eq!(draft["text"], typed);
    assert_eq!(draft["kind"], "note");
    #[cfg(unix)]
    assert_eq!(mode(&draft_path(&journal)), 0o600, "draft mode");
}

#[test]
fn a_tiny_terminal_still_works() {
    let term = Term::start("tiny", 20, 6);
    term.wait_for_screen(&["nog ", "ronde 1"], &[]);
    term.end_session("q", "j = ja", &["Samenv"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    assert!(
        collapse_spaces(&all).contains("Sessie afgerond en opgeslagen in"),
        "no exit message:\n{all}"
    );
    assert!(all.contains("TTY-RESTORED"), "{all}");
    assert_eq!(term.pane_flag("#{alternate_on}"), "0");
    let records = records(&term.journal());
    assert_eq!(records.last().unwrap()["type"], "session_ended");
}

#[test]
fn sigterm_ends_cleanly_and_keeps_the_draft() {
    let term = Term::start("sigterm", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.type_note("half af");
    term.signal("-TERM");

    let journal = term
        .exits_cleanly_saying("Sessie gestopt door een signaal; alles wat bevestigd was staat in");
    let records = records(&journal);
    assert!(of_type(&records, "session_ended").is_empty());
    assert_eq!(of_type(&records, "round_started").len(), 1);
    assert_eq!(read_draft(&journal)["text"], "half af");
}

#[test]
fn resume_after_a_kill_continues_with_the_confirmed_state_and_the_draft() {
    let term = Term::start("resume", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.keys(&["Right"]);
    term.wait_for("ronde 2 van 6");
    term.keys(&["n"]);
    term.type_text("voor de crash");
    term.keys(&["Enter"]);
    term.wait_for("• voor de crash");
    term.keys(&["n"]);
    term.type_text("concept na crash");
    term.wait_for("concept na crash");
    let journal = term.journal();
    let draft = draft_path(&journal);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !draft.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(draft.exists(), "the draft was not written before the kill");
    let before = records(&journal);
    term.signal("-KILL");

    term.respawn("resume");
    // All three at once: the killed process's last screen may still be in the pane for a
    // moment, with the editor over the notes.
    term.wait_for_screen(
        &["ronde 2 van 6", "concept na crash", "• voor de crash"],
        &[],
    );
    term.keys(&["Escape"]);
    // Wait until the editor is gone: a key sent right after Escape would reach the
    // terminal as Alt+key.
    let screen = term.wait_for_screen(&["pauze", "concept bewaard"], &["Nieuwe notitie"]);
    assert!(screen.contains("ronde 2 van 6"), "{screen}");
    term.end_session("q", "j = ja", &["Samenvatting"]);
    let (code, _) = term.wait_exit();
    assert_eq!(code, 0);

    let after = records(&journal);
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "confirmed records changed"
    );
    let resumed: Vec<&str> = after[before.len()..]
        .iter()
        .map(|r| r["type"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(resumed.first(), Some(&"timer_paused"), "{resumed:?}");
    assert_eq!(resumed.last(), Some(&"session_ended"), "{resumed:?}");
}

#[test]
fn solo_reflection_is_saved_with_ctrl_s() {
    let term = Term::start_args("solo", 100, 30, "solo --deck loyale-tegenspraak");
    term.wait_for("Jouw reflectie");
    term.type_text("Eerste regel");
    term.keys(&["Enter"]);
    term.type_text("tweede regel");
    term.keys(&["C-s"]);
    term.wait_for("Bewaard in deze sessie");
    term.wait_for("Eerste regel");
    term.end_session("Escape", "j = ja", &["Samenvatting"]);
    let (code, _) = term.wait_exit();
    assert_eq!(code, 0);
    let records = records(&term.journal());
    let notes = of_type(&records, "note_added");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "Eerste regel\ntweede regel");
    assert_eq!(records[0]["plan"]["id"], "solo");
}

#[test]
fn after_a_panic_the_terminal_is_restored_and_the_session_file_is_named() {
    let socket = format!("tafel-e2e-{}-panic", std::process::id());
    let term = Term::with_script(socket, 120, 35, |dir, config, sessions| {
        let setup = format!(
            "{}\nexport TAFEL_TEST_PANIC=1",
            common::tmux::private_env(config),
        );
        (
            setup,
            tafel_command(dir, sessions, "run koers-wat --seed 7"),
        )
    });
    term.wait_for("ronde 1 van 6");
    term.keys(&["n"]);
    term.type_text("bewaard voor de crash");
    term.keys(&["Enter"]);
    term.wait_for("• bewaard voor de crash");
    // A debug build panics on F12 when TAFEL_TEST_PANIC is set.
    term.keys(&["F12"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 101, "{all}");
    let journal = term.journal();
    assert!(all.contains("tafel is onverwacht gestopt"), "{all}");
    assert!(
        all.contains(&format!(
            "Alles wat bevestigd was staat veilig in {}",
            journal.display()
        )),
        "{all}"
    );
    term.assert_terminal_restored(&all);
    let records = records(&journal);
    let notes = of_type(&records, "note_added");
    assert_eq!(notes[0]["text"], "bewaard voor de crash");
}

// ---------------------------------------------------------------------------------------------
// Issue 8: text the user was told is kept

/// Item 1: correcting a note while a draft is kept leaves that draft alone.
#[test]
fn a_correction_keeps_the_kept_draft() {
    let term = Term::start_args("correction", 120, 35, "run tegenspraak-gesprek --seed 3");
    term.wait_for("ronde 1 van");
    term.keys(&["n"]);
    term.type_text("eerste");
    term.keys(&["Enter"]);
    term.wait_for("• eerste");
    term.type_note("CONCEPT A");
    term.keys(&["Escape"]);
    term.wait_for("concept bewaard");
    term.keys(&["e"]);
    term.wait_for("eerste");
    term.keys(&["Enter"]);
    term.wait_for("Notitie corrigeren");
    term.type_text(" x");
    std::thread::sleep(std::time::Duration::from_millis(1000));
    term.keys(&["Enter"]);
    term.wait_for("• eerste x");
    let journal = term.journal();
    assert_eq!(read_draft(&journal)["text"], "CONCEPT A");
    term.keys(&["n"]);
    term.wait_for_screen(&["Nieuwe notitie", "CONCEPT A"], &[]);
    term.keys(&["C-c"]);
    term.wait_exit();
    assert_eq!(read_draft(&journal)["text"], "CONCEPT A");
}

/// Item 2: when the draft cannot be written anywhere, leaving prints the text and says so.
#[test]
fn unsaved_text_that_cannot_be_written_is_printed_on_exit() {
    let term = Term::start_env(
        "diskfull",
        120,
        35,
        "export TAFEL_TEST_DISK_FULL={dir}/vol",
        "run koers-wat --seed 7",
    );
    term.wait_for("ronde 1 van 6");
    fs::write(term.dir.path().join("vol"), b"").unwrap();
    term.type_note("Dit mag niet verloren gaan");
    term.keys(&["Enter"]);
    term.wait_for("schijf vol");
    term.keys(&["Escape"]);
    term.wait_for_screen(&["NIET bewaard"], &["Nieuwe notitie"]);
    term.keys(&["C-c"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 1, "{all}");
    assert_printed_as_unkept(&term, &all, "Dit mag niet verloren gaan");
}

/// Item 3: ending solo reflection saves what was not yet saved with Ctrl+S.
#[test]
fn ending_solo_saves_the_unsaved_text() {
    let term = Term::start_args("soloend", 100, 30, "solo --deck loyale-tegenspraak");
    term.wait_for("Ctrl+S");
    term.type_text("gedachte zonder Ctrl+S");
    term.wait_for("gedachte zonder Ctrl+S");
    term.keys(&["Escape"]);
    term.wait_for("notitie bewaard.");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    let journal = term.journal();
    let records = records(&journal);
    let notes = of_type(&records, "note_added");
    assert_eq!(notes.len(), 1, "{records:?}");
    assert_eq!(notes[0]["text"], "gedachte zonder Ctrl+S");
    assert!(!draft_path(&journal).exists());
}

/// Item 4: a damaged draft is set aside and named on screen, not ignored and deleted.
#[test]
fn a_damaged_draft_is_set_aside_and_reported_on_resume() {
    let term = Term::start("baddraft", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.keys(&["C-c"]);
    term.wait_exit();
    let journal = term.journal();
    fs::write(draft_path(&journal), b"{\"kind\":\"note\",\"te").unwrap();
    term.respawn("resume");
    term.wait_for("apart gezet");
    term.keys(&["n"]);
    term.type_text("nieuw");
    term.keys(&["Enter"]);
    term.wait_for("• nieuw");
    term.keys(&["C-c"]);
    term.wait_exit();
    let side: Vec<PathBuf> = fs::read_dir(&term.sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".draft.unreadable-"))
        .collect();
    assert_eq!(side.len(), 1, "{side:?}");
    assert_eq!(fs::read(&side[0]).unwrap(), b"{\"kind\":\"note\",\"te");
}

/// Item 13: a full disk at `tafel run` leaves no empty session file behind.
#[test]
fn a_full_disk_at_start_leaves_no_empty_session() {
    let term = Term::start_env(
        "fullstart",
        100,
        30,
        ": > {dir}/vol\nexport TAFEL_TEST_DISK_FULL={dir}/vol",
        "run koers-wat --seed 7",
    );
    let (code, all) = term.wait_exit();
    assert_eq!(code, 1, "{all}");
    assert!(collapse_spaces(&all).contains("schijf vol"), "{all}");
    let left: Vec<_> = fs::read_dir(&term.sessions)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_summary_exports_to_a_chosen_folder_and_asks_before_overwriting() {
    // A home of its own: the export form starts in it (there is no Documents folder).
    let term = Term::start_env(
        "summaryexport",
        120,
        35,
        "export HOME={dir}\nunset XDG_DOCUMENTS_DIR XDG_CONFIG_HOME",
        "run koers-wat --participants 'Anna,Bram' --seed 7 --title 'Teamdag Oost'",
    );
    term.wait_for("ronde 1 van 6");
    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["e"]);
    let home = term.dir.path().display().to_string();
    term.wait_for_screen(&["Exporteren", "Formaat", &home], &[]);
    // → → : html; Enter writes it into the home folder and says where.
    term.keys(&["Right", "Right", "Enter"]);
    let html = term.dir.path().join("teamdag-oost.html");
    term.wait_for(&format!("Geëxporteerd naar {}", html.display()));
    let text = fs::read_to_string(&html).unwrap();
    assert!(text.contains("Teamdag Oost"), "{text}");
    assert_eq!(mode(&html), 0o600);
    // Again: the file is there, the form asks; n writes beside it, the first stays.
    term.keys(&["e"]);
    term.wait_for("Exporteren");
    term.keys(&["Right", "Right", "Enter"]);
    term.wait_for("bestaat al");
    term.keys(&["n"]);
    let beside = term.dir.path().join("teamdag-oost-2.html");
    term.wait_for(&format!("Geëxporteerd naar {}", beside.display()));
    assert_eq!(fs::read_to_string(&html).unwrap(), text);
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    term.assert_terminal_restored(&all);
    // Exporting wrote nothing into the journal.
    assert_eq!(
        records(&term.journal()).last().unwrap()["type"],
        "session_ended"
    );
}

/// A summary longer than the terminal (eleven rounds at 80×20): the keys stay at the bottom,
/// PgDn scrolls to the end and no further, so the first ↑ moves at once (the screen tells
/// the app how far the drawn summary reaches).
#[test]
fn a_long_summary_scrolls_in_a_real_terminal() {
    let term = Term::start_args(
        "longsummary",
        80,
        20,
        "run grenzeloos-workshop --participants 'Anna,Bram,Chris,Dewi,Eva,Femke,Gert,Hanna,Ivo' --seed 7",
    );
    term.wait_for("ronde 1 van 11");
    for round in 2..=11 {
        term.keys(&["Right"]);
        term.wait_for(&format!("ronde {round} van 11"));
    }
    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for_screen(
        &["Samenvatting", "1. Voorkeurstijlen", "↓ meer", "sluit af"],
        &[],
    );
    term.keys(&["PageDown", "PageDown", "PageDown"]);
    term.wait_for_screen(
        &["↑ einde", "Opgeslagen in:", "sluit af"],
        &["1. Voorkeurstijlen"],
    );
    term.keys(&["Up"]);
    term.wait_for("↑↓ meer");
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    term.assert_terminal_restored(&all);
}

/// Issue 15: a paste through the real terminal (bracketed paste) reaches a one-line field
/// that is not the note editor: the agenda's question for a new round's title, on one line.
#[test]
fn a_paste_reaches_the_agenda_question() {
    let term = Term::start("agenda-paste", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.keys(&["g"]);
    term.wait_for("i invoegen");
    term.keys(&["i"]);
    term.wait_for("Titel van de nieuwe ronde");
    term.tmux(&["set-buffer", "--", "Pauze\nvan tien"]);
    term.tmux(&["paste-buffer", "-p", "-t", "tafel"]);
    term.wait_for("Titel van de nieuwe ronde: Pauze van tien▏");
    term.keys(&["Enter"]);
    term.wait_for("Minuten: 10▏");
    term.keys(&["C-u"]);
    term.type_text("5");
    term.keys(&["Enter"]);
    term.wait_for("Pauze van tien");
    term.keys(&["Escape"]);
    // The agenda closed before the next key: an Escape and a letter that reach the terminal
    // together read as Alt+letter.
    term.wait_for_screen(&["ronde 1 van"], &["i invoegen"]);
    term.end_session("q", "De sessie beëindigen?", &["Samenvatting"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    let records = records(&term.journal());
    let inserted: Vec<&Value> = records
        .iter()
        .filter(|r| r["type"] == "round_inserted")
        .collect();
    assert_eq!(inserted.len(), 1, "{records:?}");
    assert_eq!(inserted[0]["title"], "Pauze van tien");
    assert_eq!(inserted[0]["minutes"], 5);
}

/// The home screen with solo reflection opened over it (the runtime's stack), the
/// reflection's editor waiting for text.
fn solo_from_home(test: &str, env: &str) -> Term {
    let term = Term::start_env(test, 120, 35, env, "");
    term.wait_for("Wat gaan we doen?");
    term.keys(&["2"]);
    term.wait_for("[ Begin ]");
    term.keys(&["Down", "Down", "Down"]);
    term.wait_for("Enter beginnen");
    term.keys(&["Enter"]);
    term.wait_for("Jouw reflectie");
    term
}

#[test]
fn a_session_opened_from_home_goes_back_to_home_saying_where_it_is() {
    let term = solo_from_home("homesolo", "");
    term.type_text("een gedachte");
    term.wait_for("een gedachte");
    term.keys(&["C-s"]);
    term.wait_for("Bewaard in deze sessie");
    term.keys(&["C-c"]);
    let journal = term.journal();
    term.wait_for_screen(
        &["Sessie onderbroken", "Wat gaan we doen?"],
        &["Jouw reflectie"],
    );
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    term.assert_terminal_restored(&all);
    let notes = records(&journal);
    assert_eq!(of_type(&notes, "note_added")[0]["text"], "een gedachte");
}

/// Leaving a session opened from home when its text cannot be written: the text is printed
/// on the shell's own screen right away (it stays in the scrollback), and home comes back
/// saying so.
#[test]
fn text_that_cannot_be_kept_on_leaving_a_session_from_home_is_printed_on_the_shell() {
    let term = solo_from_home("homefull", "export TAFEL_TEST_DISK_FULL={dir}/vol");
    fs::write(term.dir.path().join("vol"), b"").unwrap();
    term.type_text("Dit mag niet verloren gaan");
    term.wait_for("Dit mag niet verloren gaan");
    term.keys(&["C-c"]);
    term.wait_for_screen(&["hij staat hierboven in de terminal", "[ Begin ]"], &[]);
    term.keys(&["Escape"]);
    term.wait_for("Wat gaan we doen?");
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    assert_printed_as_unkept(&term, &all, "Dit mag niet verloren gaan");
}

#[test]
fn a_signal_during_a_session_from_home_keeps_the_draft_and_says_how_to_go_on() {
    let term = solo_from_home("homesignal", "");
    term.type_text("nog niet bewaard");
    term.wait_for("nog niet bewaard");
    term.signal("-TERM");
    let journal = term
        .exits_cleanly_saying("Sessie gestopt door een signaal; alles wat bevestigd was staat in");
    assert_eq!(read_draft(&journal)["text"], "nog niet bewaard");
}

/// `text` was printed on the shell as not saved (the disk was full), and the terminal was
/// restored.
fn assert_printed_as_unkept(term: &Term, all: &str, text: &str) {
    let flat = collapse_spaces(all);
    assert!(
        flat.contains("kon NIET worden bewaard (schijf vol)"),
        "{all}"
    );
    assert!(flat.contains(text), "{all}");
    term.assert_terminal_restored(all);
}

/// `w` on the summary opens the plan builder over it; saving and leaving the builder comes
/// back to the summary (to export still), and only `q` leaves tafel.
#[test]
fn the_builder_opened_from_the_summary_goes_back_to_the_summary() {
    let term = Term::start("keepplan", 120, 35);
    term.wait_for("ronde 1 van 6");
    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["w"]);
    term.wait_for("Werkvorm bouwen");
    term.keys(&["C-s"]);
    term.wait_for("Bewaard in");
    term.keys(&["Escape"]);
    term.wait_for_screen(
        &["Samenvatting", "Bewaard als werkvorm"],
        &["Werkvorm bouwen"],
    );
    term.keys(&["q"]);
    term.exits_cleanly_saying("Sessie afgerond en opgeslagen in");
    let plans = term.config.join("decks/plans");
    let saved: Vec<_> = fs::read_dir(&plans).unwrap().collect();
    assert_eq!(saved.len(), 1, "{}", plans.display());
}

/// `tafel run` without a plan: the plan list, and the plan chosen starts over it in the same
/// loop; leaving the session leaves tafel with where the session is.
#[test]
fn the_plan_chosen_from_the_list_starts_and_leaving_it_says_where_it_is() {
    let term = Term::start_args("picker", 120, 35, "run --participants 4");
    term.wait_for_screen(&["Werkvormen", "voor 4 deelnemers", "Enter starten"], &[]);
    term.keys(&["Enter"]);
    term.wait_for("ronde 1 van");
    term.keys(&["C-c"]);
    term.exits_cleanly_saying("Sessie onderbroken; alles wat bevestigd was staat in");
}

/// `tafel resume` without an id passes over the newest interrupted session when it is running
/// in another tafel (its journal locked), and goes on with the newest one that is not,
/// rather than failing with "geopend in een andere tafel" (new-user trial).
#[test]
fn resume_without_an_id_passes_over_a_session_running_elsewhere() {
    use common::harness::{journal_text, koers_wat_start, minute_records};
    use tafel::session::Event;
    let term = Term::start("resume-running", 120, 35);
    term.wait_for("ronde 1 van 6");
    let running = term.journal();
    // An older session, interrupted after it began: what `resume` should find.
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let events = vec![
        koers_wat_start("Eerder onderbroken", start).event,
        Event::RoundStarted {
            round: 0,
            planned_ms: 300_000,
        },
    ];
    let older = term.sessions.join("20261120-140000-koers-wat-aaaa.jsonl");
    fs::write(&older, journal_text(&minute_records(start, events))).unwrap();

    let command = format!(
        "TAFEL_CONFIG_DIR={} {}; echo TAFEL-EXIT=$?.; exec sleep 60",
        sh_quote(&term.config.display().to_string()),
        tafel_command(term.dir.path(), &term.sessions, "resume"),
    );
    let second = term.open_session("second", 120, 35, &command);
    second.wait_for("Eerder onderbroken");
    let screen = second.screen();
    assert!(!screen.contains("andere tafel"), "{screen}");
    // The running one was left alone: still the first tafel's, not ended.
    let first = term.screen();
    assert!(first.contains("ronde 1 van 6"), "{first}");
    assert!(
        !fs::read_to_string(&running)
            .unwrap()
            .contains("session_ended")
    );
}
