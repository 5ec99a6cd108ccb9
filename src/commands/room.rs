//! `tafel room [ID]`: the room's screen, for the projector. A second process that follows the
//! session's journal and shows what the room should see; it never writes, takes no lock and
//! never waits for the facilitator's process.
//!
//! The loop sleeps until something happens: a change to the journal or its directory
//! (inotify on Linux, through libc; elsewhere a stat every 200 ms), a key, or the next second
//! of a running timer.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{Context, Failure, Outcome};
use crate::history::resolve::resolve_in;
use crate::room::{Follower, facilitator_present, running_session, session_t, silent_too_long};
use crate::tr;
use crate::tui::TerminalGuard;
use crate::ui::room::Draw;
use crate::view::{Options, RoomView};

/// The longest the loop sleeps: how quickly a signal or a missed change is noticed at worst.
const MAX_SLEEP_MS: u64 = 5_000;

#[derive(Debug, clap::Args)]
pub struct RoomArgs {
    /// Sessie-id (of het begin ervan) of pad; zonder: de sessie die nu loopt
    #[arg(value_name = "ID|PATH")]
    pub target: Option<String>,
}

/// What wakes the loop.
enum Wake {
    Input(Event),
    /// The journal or the sessions directory changed.
    Files,
}

pub fn run(ctx: &Context, args: &RoomArgs) -> Outcome {
    let dir = ctx.sessions_dir().ok();
    let fixed = match &args.target {
        Some(target) => {
            Some(resolve_in(&ctx.session_dirs()?, Some(target)).map_err(Failure::usage)?)
        }
        None => None,
    };
    super::require_terminal("room")?;
    let options = Options::from_settings(&ctx.settings);
    run_loop(dir, fixed, options)
        .map_err(|err| Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}")))
}

fn wall() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn run_loop(dir: Option<PathBuf>, fixed: Option<PathBuf>, options: Options) -> std::io::Result<()> {
    let watch = crate::tui::SignalWatch::start()?;
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    let mut watcher = Watcher::new(tx);
    // The sessions directory may not exist yet (no session ever ran): until it does, the
    // loop looks for it once a second.
    let mut dir_watched = dir.as_deref().is_some_and(|d| watcher.watch_dir(d));
    let pick = || {
        fixed
            .clone()
            .or_else(|| dir.as_deref().and_then(running_session))
    };
    let mut follower = pick().map(Follower::new);
    if let Some(f) = &mut follower {
        watcher.watch_file(f.path());
        f.refresh();
    }
    let mut guard = TerminalGuard::enter()?;
    // The facilitator's time, frozen when they went away: the room keeps the last state.
    let mut frozen: Option<u64> = None;
    loop {
        let now = wall();
        let session = follower.as_ref().and_then(|f| f.session.as_ref());
        let away = match (session, follower.as_ref()) {
            (Some(s), Some(f)) if !s.ended => match facilitator_present(f.path()) {
                Some(present) => !present,
                None => silent_too_long(s, now),
            },
            _ => false,
        };
        let t = session.map(|s| session_t(s, now));
        let t = match (away, frozen, t) {
            (true, Some(at), _) => Some(at),
            (true, None, t) => {
                frozen = t;
                t
            }
            (false, _, t) => {
                frozen = None;
                t
            }
        };
        let view = match (session, t) {
            (Some(s), Some(t)) => crate::view::room(s, t, now, options),
            _ => RoomView::Waiting(crate::view::waiting(None, now)),
        };
        guard.terminal.draw(|frame| {
            crate::ui::room::render(&view, Draw::room(away), frame.area(), frame.buffer_mut())
        })?;
        if watch.stopped() {
            return Ok(());
        }
        // Asleep until a change; once a second while a timer runs (or while away, to see
        // the facilitator come back), else at the next minute for the clock.
        let running = session.is_some_and(|s| s.current.is_some() && s.timer.is_running());
        let sleep = if running && !away {
            let t = t.unwrap_or(0);
            session
                .and_then(|s| s.timer.next_change(t))
                .map_or(1_000, |next| next.saturating_sub(t).max(1))
        } else if away || (dir.is_some() && !dir_watched) {
            1_000
        } else {
            let secs = u64::from(60 - chrono::Timelike::second(&now));
            secs * 1_000
        };
        match rx.recv_timeout(Duration::from_millis(sleep.min(MAX_SLEEP_MS))) {
            Ok(Wake::Input(Event::Key(key))) if key.kind == KeyEventKind::Press => {
                let ctrl_c =
                    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
                if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                    return Ok(());
                }
            }
            Ok(Wake::Files) => {
                // Coalesce a burst of changes into one read.
                while let Ok(Wake::Files) = rx.try_recv() {}
                let ended = follower
                    .as_ref()
                    .and_then(|f| f.session.as_ref())
                    .is_none_or(|s| s.ended);
                // After the end the room keeps thanking everyone, until another session
                // begins.
                if fixed.is_none()
                    && ended
                    && let Some(next) = pick()
                    && Some(next.as_path()) != follower.as_ref().map(Follower::path)
                {
                    let f = Follower::new(next);
                    watcher.watch_file(f.path());
                    follower = Some(f);
                }
                if let Some(f) = &mut follower {
                    f.refresh();
                }
            }
            Ok(Wake::Input(_)) => {}
            Err(RecvTimeoutError::Timeout) => {
                if let Some(dir) = dir.as_deref().filter(|_| !dir_watched) {
                    dir_watched = watcher.watch_dir(dir);
                    // The directory has just appeared: a session may have begun in it
                    // before the watch.
                    if dir_watched && follower.is_none() {
                        follower = pick().map(Follower::new);
                        if let Some(f) = &follower {
                            watcher.watch_file(f.path());
                        }
                    }
                }
                if let Some(f) = &mut follower {
                    f.refresh();
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Keys and resizes, read on their own thread so the loop can wait on files and keys at once.
fn spawn_input(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Wake::Input(event)).is_err() {
                return;
            }
        }
    });
}

/// Tells the loop when the journal or the sessions directory changes.
struct Watcher {
    tx: Sender<Wake>,
    #[cfg(target_os = "linux")]
    inotify: Option<Inotify>,
}

#[cfg(target_os = "linux")]
struct Inotify {
    fd: i32,
    file: Option<i32>,
}

impl Watcher {
    #[cfg(target_os = "linux")]
    fn new(tx: Sender<Wake>) -> Watcher {
        // SAFETY: plain system call; a negative result is an error and handled.
        let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC) };
        let inotify = (fd >= 0).then_some(Inotify { fd, file: None });
        if let Some(inotify) = &inotify {
            let (fd, tx) = (inotify.fd, tx.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                loop {
                    // SAFETY: `buf` is valid for its length; the fd stays open for the process.
                    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                    if n <= 0 || tx.send(Wake::Files).is_err() {
                        return;
                    }
                }
            });
        } else {
            spawn_poll(tx.clone(), Vec::new());
        }
        Watcher { tx, inotify }
    }

    #[cfg(not(target_os = "linux"))]
    fn new(tx: Sender<Wake>) -> Watcher {
        Watcher { tx }
    }

    /// Watches `dir` for new sessions. `false`: it cannot be watched (yet), e.g. because
    /// it does not exist.
    fn watch_dir(&mut self, dir: &Path) -> bool {
        #[cfg(target_os = "linux")]
        if let Some(inotify) = &self.inotify {
            return add_watch(inotify.fd, dir, libc::IN_CREATE | libc::IN_MOVED_TO).is_some();
        }
        // The poll notices the directory when it appears.
        spawn_poll(self.tx.clone(), vec![dir.to_path_buf()]);
        true
    }

    fn watch_file(&mut self, path: &Path) {
        #[cfg(target_os = "linux")]
        if let Some(inotify) = &mut self.inotify {
            if let Some(old) = inotify.file.take() {
                // SAFETY: removing a watch this process added.
                unsafe { libc::inotify_rm_watch(inotify.fd, old) };
            }
            // A write, the facilitator's process closing it (also when killed), and the file
            // being replaced or removed.
            let mask = libc::IN_MODIFY
                | libc::IN_CLOSE_WRITE
                | libc::IN_ATTRIB
                | libc::IN_MOVE_SELF
                | libc::IN_DELETE_SELF;
            inotify.file = add_watch(inotify.fd, path, mask);
            return;
        }
        spawn_poll(self.tx.clone(), vec![path.to_path_buf()]);
    }
}

#[cfg(target_os = "linux")]
fn add_watch(fd: i32, path: &Path, mask: u32) -> Option<i32> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    let wd = unsafe { libc::inotify_add_watch(fd, c.as_ptr(), mask) };
    (wd >= 0).then_some(wd)
}

/// Without inotify: a stat of each path every 200 ms, a wake when one changed.
fn spawn_poll(tx: Sender<Wake>, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        let stamp = |p: &PathBuf| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.len(), m.modified().ok()))
        };
        let mut last: Vec<_> = paths.iter().map(stamp).collect();
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let now: Vec<_> = paths.iter().map(stamp).collect();
            if now != last {
                last = now;
                if tx.send(Wake::Files).is_err() {
                    return;
                }
            }
        }
    });
}
