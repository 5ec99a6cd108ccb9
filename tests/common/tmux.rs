//! A real terminal for end-to-end tests: a tmux server of its own (`tmux -L <socket>`, no
//! config file) with one window, `tafel`, driven with key presses and read back from the
//! screen, in a temporary directory with its own config and sessions. The server is killed
//! when the `Term` is dropped, also when a test fails, so tests run in parallel and never
//! touch a user's own tmux. Without tmux these tests fail: CI installs it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long a screen may take to show what we wait for.
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(40);

/// `text` as one word for `sh`.
pub fn sh_quote(text: &str) -> String {
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
            "tmux is not installed ({err}): the end-to-end tests drive tafel in tmux; install \
             it (apt-get install tmux / brew install tmux)"
        ),
    }
}

/// The first lines of a test's script: tafel's config and index in the test's own
/// directory, and none of the caller's deck, session or language settings.
pub fn private_env(config: &Path) -> String {
    format!(
        "export TAFEL_CONFIG_DIR={0}\nexport TAFEL_CACHE_DIR={0}/cache\nunset TAFEL_DECKS_DIR TAFEL_SESSIONS_DIR TAFEL_LANG",
        sh_quote(&config.display().to_string()),
    )
}

/// The script for `tafel` without arguments (the home screen), run in the test's directory
/// with its own config, index and sessions: for [`Term::with_script`].
pub fn home_script(dir: &Path, config: &Path, sessions: &Path) -> (String, String) {
    let setup = format!(
        "{}\nexport TAFEL_SESSIONS_DIR={}\ncd {}",
        private_env(config),
        sh_quote(&sessions.display().to_string()),
        sh_quote(&dir.display().to_string()),
    );
    (setup, sh_quote(env!("CARGO_BIN_EXE_tafel")))
}

/// The one session file in `sessions`.
pub fn only_journal(sessions: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(sessions)
        .expect("sessions dir exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    assert_eq!(files.len(), 1, "expected one journal, found {files:?}");
    files.into_iter().next().unwrap()
}

pub struct Term {
    socket: String,
    /// The server's socket file; tmux leaves it behind after `kill-server`.
    socket_path: Option<PathBuf>,
    /// The config directory (`TAFEL_CONFIG_DIR`), empty.
    pub config: PathBuf,
    /// Where the sessions are to go; not made yet.
    pub sessions: PathBuf,
    /// Last field: removed after `Drop::drop` has killed the server.
    pub dir: tempfile::TempDir,
}

impl Term {
    /// A new temporary directory with `config` and `sessions` in it, and a new tmux server on
    /// `socket` whose one window, `tafel`, is `width`×`height` and runs a shell script.
    /// `script` gives, for the directory, config and sessions, the script's first lines (the
    /// environment) and the command that runs tafel. Around that command the script prints
    /// whether the terminal settings came back as they were (`TTY-RESTORED`, `TTY-CHANGED`)
    /// and tafel's exit code (`TAFEL-EXIT=<code>.`), then stays, so the screen after tafel can
    /// be read. Fails the test when tmux is missing.
    pub fn with_script(
        socket: String,
        width: u16,
        height: u16,
        script: impl FnOnce(&Path, &Path, &Path) -> (String, String),
    ) -> Term {
        tmux_installed();
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("config");
        fs::create_dir(&config).expect("config dir");
        let sessions = dir.path().join("sessions");
        let (setup, command) = script(dir.path(), &config, &sessions);
        let script_path = dir.path().join("run.sh");
        fs::write(
            &script_path,
            format!(
                r#"{setup}
# Watchdog: if the test process dies without cleaning up, the server goes anyway.
(sleep 120; tmux -L {socket} kill-server) </dev/null >/dev/null 2>&1 &
before=$(stty -g)
{command}
code=$?
if [ "$(stty -g)" = "$before" ]; then echo TTY-RESTORED; else echo TTY-CHANGED; fi
echo "TAFEL-EXIT=$code."
exec sleep 60
"#,
                socket = sh_quote(&socket),
            ),
        )
        .expect("write script");
        let mut term = Term {
            socket,
            socket_path: None,
            config,
            sessions,
            dir,
        };
        let command = format!("sh {}", sh_quote(&script_path.display().to_string()));
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

    pub fn tmux_output(&self, args: &[&str]) -> Output {
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

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Named keys, as tmux spells them: `Right`, `Enter`, `Tab`, `C-c`, `q`.
    pub fn keys(&self, keys: &[&str]) {
        self.pane("tafel").keys(keys);
    }

    /// Text typed as it is (no key names).
    pub fn type_text(&self, text: &str) {
        self.pane("tafel").type_text(text);
    }

    /// The visible screen, wrapped lines joined.
    pub fn screen(&self) -> String {
        self.pane("tafel").screen()
    }

    /// The screen and what scrolled off it (for small windows after tafel left).
    pub fn screen_with_history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-S", "-", "-t", "tafel"])
    }

    pub fn pane_flag(&self, format: &str) -> String {
        self.pane("tafel").flag(format)
    }

    /// Polls the screen until `ready` holds; fails with the last screen after the timeout.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.pane("tafel").wait_until(what, ready)
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.pane("tafel").wait_for(text)
    }

    /// Waits until the screen shows all of `present` and none of `absent` at once. A screen
    /// may be caught halfway through a redraw: check what matters here, not afterwards.
    pub fn wait_for_screen(&self, present: &[&str], absent: &[&str]) -> String {
        self.pane("tafel").wait_for_screen(present, absent)
    }

    /// Another session on the same server, `name`, `width`×`height`, running `command` (a
    /// shell command line). The first session, `tafel`, is the one `Term`'s own methods use.
    pub fn open_session(&self, name: &str, width: u16, height: u16, command: &str) -> Pane<'_> {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["new-session", "-d", "-x", &w, "-y", &h, "-s", name, command]);
        self.pane(name)
    }

    /// The window of session `name` on this server.
    pub fn pane(&self, name: &str) -> Pane<'_> {
        Pane {
            term: self,
            target: name.to_string(),
        }
    }

    /// Waits until tafel has exited; its exit code and everything the pane shows then. The
    /// script around tafel prints `TAFEL-EXIT=<code>.` when it ends.
    pub fn wait_exit(&self) -> (i32, String) {
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
}

/// The window of one session on a `Term`'s server: keys in, screen out.
pub struct Pane<'a> {
    term: &'a Term,
    /// The tmux target: the session's name.
    pub target: String,
}

impl Pane<'_> {
    /// Named keys, as tmux spells them: `Right`, `Enter`, `Tab`, `C-c`, `q`.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.target];
        args.extend_from_slice(keys);
        self.term.tmux(&args);
    }

    /// Text typed as it is (no key names).
    pub fn type_text(&self, text: &str) {
        self.term
            .tmux(&["send-keys", "-t", &self.target, "-l", text]);
    }

    /// The visible screen, wrapped lines joined.
    pub fn screen(&self) -> String {
        self.term
            .tmux(&["capture-pane", "-p", "-J", "-t", &self.target])
    }

    /// The visible screen with its colours and attributes as escape sequences (`-e`), one
    /// line a row.
    pub fn styled_screen(&self) -> String {
        self.term
            .tmux(&["capture-pane", "-p", "-e", "-t", &self.target])
    }

    pub fn flag(&self, format: &str) -> String {
        self.term
            .tmux(&["display-message", "-p", "-t", &self.target, format])
            .trim()
            .to_string()
    }

    /// Replaces what runs in the window with `command` (a shell command line).
    pub fn respawn(&self, command: &str) {
        self.term
            .tmux(&["respawn-pane", "-k", "-t", &self.target, command]);
    }

    /// Polls `capture` of the screen until `ready` holds; fails with the last screen after
    /// the timeout.
    pub fn wait_until_with(
        &self,
        what: &str,
        capture: impl Fn(&Self) -> String,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = capture(self);
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what} in `{}`; the screen:\n{screen}",
                    self.target
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Polls the screen until `ready` holds; fails with the last screen after the timeout.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_until_with(what, Pane::screen, ready)
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the screen shows all of `present` and none of `absent` at once. A screen
    /// may be caught halfway through a redraw: check what matters here, not afterwards.
    pub fn wait_for_screen(&self, present: &[&str], absent: &[&str]) -> String {
        self.wait_until(&format!("{present:?} without {absent:?}"), |s| {
            present.iter().all(|p| s.contains(p)) && !absent.iter().any(|a| s.contains(a))
        })
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
