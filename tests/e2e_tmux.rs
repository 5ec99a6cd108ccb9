//! End to end, as a person uses it: the real `tafel run` in a real terminal (tmux), driven
//! with key presses and read back from the screen, then the journal on disk checked.
//!
//! Every test has its own tmux server (`tmux -L <unique socket>`, no config file), so the
//! tests run in parallel and never touch a user's own tmux. The server is killed when the
//! test ends, also when it fails. Without tmux these tests fail: CI installs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long a screen may take to show what we wait for.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(40);

const NOTE: &str = "Opgave: één gezamenlijke koers — 🚀 samen";

fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

fn tmux_installed() {
    match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "`tmux -V` failed ({}): these end-to-end tests need a working tmux",
            out.status
        ),
        Err(err) => panic!(
            "tmux is not installed ({err}): the end-to-end tests in tests/e2e_tmux.rs drive \
             tafel in tmux; install it (apt-get install tmux / brew install tmux)"
        ),
    }
}

/// One `tafel run` in its own tmux server, with its own config and sessions directories.
struct Term {
    socket: String,
    /// The server's socket file; tmux leaves it behind after `kill-server`.
    socket_path: Option<PathBuf>,
    sessions: PathBuf,
    pidfile: PathBuf,
    /// Last field: removed after `Drop::drop` has killed the server.
    _dir: tempfile::TempDir,
}

impl Term {
    /// Starts `tafel run koers-wat` in a `width`×`height` window. The shell around it prints
    /// whether the terminal settings came back as they were and tafel's exit code, then
    /// stays, so the screen after tafel can be read.
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
        tmux_installed();
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("config");
        fs::create_dir(&config).expect("config dir");
        let sessions = dir.path().join("sessions");
        let pidfile = dir.path().join("tafel.pid");
        let socket = format!("tafel-e2e-{}-{test}", std::process::id());
        let script = dir.path().join("run.sh");
        let tafel = env!("CARGO_BIN_EXE_tafel");
        fs::write(
            &script,
            format!(
                r#"export TAFEL_CONFIG_DIR={config}
unset TAFEL_DECKS_DIR TAFEL_SESSIONS_DIR
# Watchdog: if the test process dies without cleaning up, the server goes anyway.
(sleep 120; tmux -L {socket} kill-server) </dev/null >/dev/null 2>&1 &
before=$(stty -g)
sh -c 'echo $$ > "$0"; exec "$@"' {pidfile} {tafel} {args} --sessions-dir {sessions}
code=$?
if [ "$(stty -g)" = "$before" ]; then echo TTY-RESTORED; else echo TTY-CHANGED; fi
echo "TAFEL-EXIT=$code."
exec sleep 60
"#,
                config = sh_quote(&config.display().to_string()),
                socket = sh_quote(&socket),
                pidfile = sh_quote(&pidfile.display().to_string()),
                tafel = sh_quote(tafel),
                sessions = sh_quote(&sessions.display().to_string()),
                args = args,
            ),
        )
        .expect("write script");
        let mut term = Term {
            socket,
            socket_path: None,
            sessions,
            pidfile,
            _dir: dir,
        };
        let command = format!("sh {}", sh_quote(&script.display().to_string()));
        let (w, h) = (width.to_string(), height.to_string());
        // `-f /dev/null`: none of the user's tmux configuration.
        term.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "tafel",
            &command,
        ]);
        term.socket_path = Some(PathBuf::from(term.pane_flag("#{socket_path}")));
        term
    }

    /// Replaces what runs in the window with another tafel command on the same sessions.
    fn respawn(&self, args: &str) {
        let config = self._dir.path().join("config");
        let command = format!(
            "TAFEL_CONFIG_DIR={} sh -c 'echo $$ > \"$0\"; exec \"$@\"' {} {} {args} --sessions-dir {}; echo TAFEL-EXIT=$?.; exec sleep 60",
            sh_quote(&config.display().to_string()),
            sh_quote(&self.pidfile.display().to_string()),
            sh_quote(env!("CARGO_BIN_EXE_tafel")),
            sh_quote(&self.sessions.display().to_string()),
        );
        self.tmux(&["respawn-pane", "-k", "-t", "tafel", &command]);
    }

    fn tmux_output(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("run tmux")
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Named keys, as tmux spells them: `Right`, `Enter`, `Tab`, `C-c`, `q`.
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "tafel"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Text typed as it is (no key names).
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "tafel", "-l", text]);
    }

    /// The visible screen, wrapped lines joined.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-t", "tafel"])
    }

    /// The screen and what scrolled off it (for small windows after tafel left).
    fn screen_with_history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-S", "-", "-t", "tafel"])
    }

    fn pane_flag(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "tafel", format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ready` holds; fails with the last screen after the timeout.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the screen shows all of `present` and none of `absent` at once. A screen
    /// may be caught halfway through a redraw: check what matters here, not afterwards.
    fn wait_for_screen(&self, present: &[&str], absent: &[&str]) -> String {
        self.wait_until(&format!("{present:?} without {absent:?}"), |s| {
            present.iter().all(|p| s.contains(p)) && !absent.iter().any(|a| s.contains(a))
        })
    }

    /// Waits until tafel has exited; its exit code and everything the pane shows then.
    fn wait_exit(&self) -> (i32, String) {
        let start = Instant::now();
        loop {
            let all = self.screen_with_history();
            if let Some(code) = all
                .lines()
                .find_map(|l| l.trim().strip_prefix("TAFEL-EXIT=")?.strip_suffix('.'))
            {
                // The line is only used once its final '.' shows it was written whole.
                let code = code.parse().expect("exit code");
                return (code, all);
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out after {TIMEOUT:?} waiting for tafel to exit; the pane:\n{all}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// The pid of the tafel process (written by the shell just before it becomes tafel).
    fn tafel_pid(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(pid) = fs::read_to_string(&self.pidfile)
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
        let files: Vec<PathBuf> = fs::read_dir(&self.sessions)
            .expect("sessions dir exists")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
            .collect();
        assert_eq!(files.len(), 1, "expected one journal, found {files:?}");
        files.into_iter().next().unwrap()
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

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.tmux_output(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = fs::remove_file(path);
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
            "╭ Koerskaarten · Wat-kaart: onze opgave · 2 kaarten op tafel",
            "╰──",
        ],
        &["Geen kaart op tafel"],
    );

    term.keys(&["d"]);
    term.wait_for("3 kaarten op tafel");

    term.keys(&["n"]);
    term.wait_for("Nieuwe notitie");
    term.type_text(NOTE);
    term.wait_for(NOTE);
    term.keys(&["Enter"]);
    let listed_note = format!("• {NOTE}");
    let screen = term.wait_for_screen(
        &["deze ronde: 1", &listed_note, "opgeslagen"],
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

    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for_screen(
        &[
            "Samenvatting",
            "2. Onze opgave",
            "Totaal: gepland 1:01:00",
            "q of Enter sluit af",
        ],
        &[],
    );
    term.keys(&["q"]);

    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    let journal = term.journal();
    assert!(
        all.contains(&format!(
            "Sessie afgerond en opgeslagen in {}",
            journal.display()
        )),
        "no exit message:\n{all}"
    );
    term.assert_terminal_restored(&all);

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
        !PathBuf::from(format!("{}.draft", journal.display())).exists(),
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
    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["q"]);
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
    term.keys(&["n"]);
    term.wait_for("Nieuwe notitie");
    let typed = "Nog niet bewaard: één idee";
    term.type_text(typed);
    term.wait_for(typed);
    term.keys(&["C-c"]);

    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    let journal = term.journal();
    assert!(
        all.contains(&format!(
            "Sessie onderbroken; alles wat bevestigd was staat in {}",
            journal.display()
        )),
        "no exit message:\n{all}"
    );
    term.assert_terminal_restored(&all);

    let records = records(&journal);
    assert!(of_type(&records, "session_ended").is_empty());
    assert!(of_type(&records, "note_added").is_empty());
    let draft_path = PathBuf::from(format!("{}.draft", journal.display()));
    let draft = fs::read_to_string(&draft_path)
        .unwrap_or_else(|e| panic!("no draft at {}: {e}", draft_path.display()));
    let draft: Value = serde_json::from_str(&draft).expect("draft is JSON");
    assert_eq!(draft["text"], typed);
    assert_eq!(draft["kind"], "note");
    #[cfg(unix)]
    assert_eq!(mode(&draft_path), 0o600, "draft mode");
}

#[test]
fn a_tiny_terminal_still_works() {
    let term = Term::start("tiny", 20, 6);
    term.wait_for_screen(&["nog ", "ronde 1"], &[]);
    term.keys(&["q"]);
    term.wait_for("j = ja");
    term.keys(&["j"]);
    term.wait_for("Samenv");
    term.keys(&["q"]);
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
    term.keys(&["n"]);
    term.wait_for("Nieuwe notitie");
    term.type_text("half af");
    term.wait_for("half af");
    let pid = term.tafel_pid();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -TERM {pid} failed");

    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    let journal = term.journal();
    assert!(
        all.contains(&format!(
            "Sessie gestopt door een signaal; alles wat bevestigd was staat in {}",
            journal.display()
        )),
        "no exit message:\n{all}"
    );
    term.assert_terminal_restored(&all);
    let records = records(&journal);
    assert!(of_type(&records, "session_ended").is_empty());
    assert_eq!(of_type(&records, "round_started").len(), 1);
    let draft = fs::read_to_string(format!("{}.draft", journal.display())).expect("draft");
    let draft: Value = serde_json::from_str(&draft).expect("draft is JSON");
    assert_eq!(draft["text"], "half af");
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
    let draft = PathBuf::from(format!("{}.draft", journal.display()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !draft.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(draft.exists(), "the draft was not written before the kill");
    let before = records(&journal);
    let pid = term.tafel_pid();
    let status = Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .expect("kill");
    assert!(status.success());

    term.respawn("resume");
    let screen = term.wait_for_screen(&["ronde 2 van 6", "concept na crash"], &[]);
    assert!(screen.contains("• voor de crash"), "{screen}");
    term.keys(&["Escape"]);
    let screen = term.wait_for("pauze");
    assert!(screen.contains("ronde 2 van 6"), "{screen}");
    term.keys(&["q"]);
    term.wait_for("j = ja");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["q"]);
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
    term.keys(&["Escape"]);
    term.wait_for("j = ja");
    term.keys(&["j"]);
    term.wait_for("Samenvatting");
    term.keys(&["q"]);
    let (code, _) = term.wait_exit();
    assert_eq!(code, 0);
    let records = records(&term.journal());
    let notes = of_type(&records, "note_added");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "Eerste regel\ntweede regel");
    assert_eq!(records[0]["plan"]["id"], "solo");
}
