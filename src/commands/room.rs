//! `tafel room [ID]`: the room's screen, for the projector. A second process that follows the
//! session's journal and shows what the room should see; it never writes, takes no lock and
//! never waits for the facilitator's process.
//!
//! The loop sleeps until something happens: a change to the journal or its directory
//! (inotify on Linux, through libc; elsewhere a stat every 200 ms), a key, the next second
//! of a running timer, or the next minute for the clock.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::Frame;

use super::{Context, Failure, Outcome};
use crate::history::resolve::resolve_in;
use crate::room::{Follower, facilitator_present, running_session, session_t, silent_too_long};
use crate::runtime::wake::ChangeSender;
use crate::runtime::{Flow, Input, Now, Screen};
use crate::tr;
use crate::ui::room::Draw;
use crate::view::{Options, RoomView};

/// The longest the screen sleeps: changes to the journal arrive as they happen (inotify, or a
/// stat every 200 ms elsewhere) and signals through the runtime, so this only bounds a
/// change that was somehow missed; the clock needs a minute anyway.
const MAX_SLEEP_MS: u64 = 60_000;

#[derive(Debug, clap::Args)]
pub struct RoomArgs {
    /// Sessie-id (of het begin ervan) of pad; zonder: de sessie die nu loopt
    #[arg(value_name = "ID|PATH")]
    pub target: Option<String>,
}

pub fn run(ctx: &Context, args: &RoomArgs) -> Outcome {
    let dir = ctx.sessions_dir().ok();
    let fixed = match &args.target {
        Some(target) => Some(resolve_in(&ctx.session_dirs()?, Some(target))?),
        None => None,
    };
    super::require_terminal("room")?;
    let options = ctx.settings.view_options();
    run_loop(dir, fixed, options)
        .map_err(|err| Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}")))
}

fn wall() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn run_loop(dir: Option<PathBuf>, fixed: Option<PathBuf>, options: Options) -> std::io::Result<()> {
    let mut watcher = Watcher::new(crate::runtime::wake::changes());
    // The sessions directory may not exist yet (no session ever ran): until it does, the
    // screen looks for it once a second.
    let dir_watched = dir.as_deref().is_some_and(|d| watcher.watch_dir(d));
    let mut screen = RoomScreen {
        dir,
        fixed,
        options,
        watcher,
        dir_watched,
        follower: None,
        frozen: None,
        away: false,
        view: RoomView::Waiting(crate::view::waiting(None, wall())),
    };
    screen.follower = screen.pick().map(Follower::new);
    if let Some(f) = &mut screen.follower {
        screen.watcher.watch_file(f.path());
        f.refresh();
    }
    let clock = crate::session::clock::SystemClock::starting_at(0);
    crate::runtime::run(Box::new(screen), &clock).map(|_| ())
}

/// The room's screen: a follower of the running (or given) session's journal.
struct RoomScreen {
    dir: Option<PathBuf>,
    /// The session given on the command line; `None`: whichever runs.
    fixed: Option<PathBuf>,
    options: Options,
    watcher: Watcher,
    dir_watched: bool,
    follower: Option<Follower>,
    /// The facilitator's time, frozen when they went away: the room keeps the last state.
    frozen: Option<u64>,
    away: bool,
    view: RoomView,
}

impl RoomScreen {
    fn pick(&self) -> Option<PathBuf> {
        self.fixed
            .clone()
            .or_else(|| self.dir.as_deref().and_then(running_session))
    }

    fn session(&self) -> Option<&crate::session::Session> {
        self.follower.as_ref().and_then(|f| f.session.as_ref())
    }

    /// What the room sees now.
    fn look(&mut self, now: DateTime<FixedOffset>) {
        let session = self.follower.as_ref().and_then(|f| f.session.as_ref());
        self.away = match (session, self.follower.as_ref()) {
            (Some(s), Some(f)) if !s.ended => match facilitator_present(f.path()) {
                Some(present) => !present,
                None => silent_too_long(s, now),
            },
            _ => false,
        };
        let t = session.map(|s| session_t(s, now));
        let t = match (self.away, self.frozen, t) {
            (true, Some(at), _) => Some(at),
            (true, None, t) => {
                self.frozen = t;
                t
            }
            (false, _, t) => {
                self.frozen = None;
                t
            }
        };
        self.view = match (session, t) {
            (Some(s), Some(t)) => crate::view::room(s, t, now, self.options),
            _ => RoomView::Waiting(crate::view::waiting(None, now)),
        };
    }

    /// The journal or the directory changed: read what is new, or follow a new session.
    fn files_changed(&mut self) {
        let ended = self.session().is_none_or(|s| s.ended);
        // After the end the room keeps thanking everyone, until another session begins.
        if self.fixed.is_none()
            && ended
            && let Some(next) = self.pick()
            && Some(next.as_path()) != self.follower.as_ref().map(Follower::path)
        {
            let f = Follower::new(next);
            self.watcher.watch_file(f.path());
            self.follower = Some(f);
        }
        if let Some(f) = &mut self.follower {
            f.refresh();
        }
    }

    /// Time passed: the directory may have appeared, a change may have been missed.
    fn timed_out(&mut self) {
        if let Some(dir) = self.dir.clone().filter(|_| !self.dir_watched) {
            self.dir_watched = self.watcher.watch_dir(&dir);
            // The directory has just appeared: a session may have begun in it before the
            // watch.
            if self.dir_watched && self.follower.is_none() {
                self.follower = self.pick().map(Follower::new);
                if let Some(f) = &self.follower {
                    self.watcher.watch_file(f.path());
                }
            }
        }
        if let Some(f) = &mut self.follower {
            f.refresh();
        }
    }
}

impl<'a> Screen<'a> for RoomScreen {
    fn start(&mut self, _now: Now) -> Flow<'a> {
        self.look(wall());
        Flow::Stay
    }

    fn update(&mut self, input: Input, _now: Now) -> Flow<'a> {
        match input {
            Input::Key(key) => {
                if crate::room::ROOM.action(key) == Some(crate::room::RoomKey::Leave) {
                    return Flow::back(());
                }
            }
            Input::Paste(_) => {}
            Input::Changed => self.files_changed(),
            Input::Tick => self.timed_out(),
        }
        self.look(wall());
        Flow::Stay
    }

    /// Asleep until a change; once a second while a timer runs (or while away, to see the
    /// facilitator come back), else at the next minute for the clock.
    fn deadline(&self, now: Now) -> Option<u64> {
        let wall = wall();
        let session = self.session();
        let running = session.is_some_and(|s| s.current.is_some() && s.timer.is_running());
        let sleep = match session {
            Some(s) if running && !self.away => {
                let t = self.frozen.unwrap_or_else(|| session_t(s, wall));
                s.timer
                    .next_change(t)
                    .map_or(1_000, |next| next.saturating_sub(t).max(1))
            }
            _ if self.away || (self.dir.is_some() && !self.dir_watched) => 1_000,
            _ => u64::from(60 - chrono::Timelike::second(&wall)) * 1_000,
        };
        Some(now.t + sleep.min(MAX_SLEEP_MS))
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::room::render(
            &self.view,
            Draw::room(self.away),
            frame.area(),
            frame.buffer_mut(),
        );
    }
}

/// Tells the loop when the journal or the sessions directory changes.
struct Watcher {
    tx: ChangeSender,
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
    fn new(tx: ChangeSender) -> Watcher {
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
                    if n <= 0 || !tx.changed() {
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
    fn new(tx: ChangeSender) -> Watcher {
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
fn spawn_poll(tx: ChangeSender, paths: Vec<PathBuf>) {
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
                if !tx.changed() {
                    return;
                }
            }
        }
    });
}
