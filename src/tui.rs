//! The interactive shell around the app: the terminal (always restored), the event loop
//! (asleep until a key or the next timer second), and carrying out the app's effects.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use crate::app::{App, Effect, Input, Now};
use crate::session::clock::Clock;
use crate::session::draft;
use crate::session::journal::Journal;
use crate::tr;

/// The longest the loop sleeps: also how quickly SIGTERM/SIGHUP are noticed.
const MAX_SLEEP_MS: u64 = 1000;

static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);
/// The session file, for the message after a panic.
static SESSION_PATH: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore_terminal() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            LeaveAlternateScreen,
            ratatui::crossterm::cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal when dropped, on every way out of the loop.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
        if let Err(err) = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste) {
            restore_terminal();
            return Err(err);
        }
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| {
            restore_terminal();
        })?;
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// After a panic: the terminal first, then a short message that says the notes are safe.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        restore_terminal();
        let path = SESSION_PATH
            .lock()
            .ok()
            .and_then(|p| p.clone())
            .map(|p| p.display().to_string());
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "{}",
            tr!(
                "tafel is onverwacht gestopt ({what}, {place}). Dit is een fout in tafel; meld hem graag.",
                "tafel stopped unexpectedly ({what}, {place}). This is a bug in tafel; please report it."
            )
        );
        if let Some(path) = path {
            eprintln!(
                "{}",
                tr!(
                    "Alles wat bevestigd was staat veilig in {path}",
                    "Everything confirmed is safe in {path}"
                )
            );
        }
    }));
}

/// Watches for SIGTERM, SIGHUP and SIGINT. The loop sees `stop` and ends cleanly; if it
/// does not within two seconds (crossterm can spin on a terminal that was hung up), the
/// watchdog restores the terminal, keeps the draft and exits. Every confirmed event is
/// already on disk, so leaving at any moment loses nothing.
pub struct SignalWatch {
    pub stop: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    drafts: KeptDrafts,
}

/// The session file and its unsaved texts, shared with the watchdog thread.
type KeptDrafts = Arc<Mutex<Option<(PathBuf, Vec<draft::Draft>)>>>;

const FORCED_EXIT_AFTER: Duration = Duration::from_secs(2);

impl SignalWatch {
    pub fn start() -> io::Result<SignalWatch> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let drafts: KeptDrafts = Arc::new(Mutex::new(None));
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let (stop2, done2, drafts2) = (Arc::clone(&stop), Arc::clone(&done), Arc::clone(&drafts));
        std::thread::spawn(move || {
            if signals.forever().next().is_none() {
                return;
            }
            stop2.store(true, Ordering::SeqCst);
            std::thread::sleep(FORCED_EXIT_AFTER);
            if done2.load(Ordering::SeqCst) {
                return;
            }
            restore_terminal();
            if let Ok(slot) = drafts2.lock()
                && let Some((path, drafts)) = slot.as_ref()
                && let Err(err) = draft::save_drafts(path, drafts)
            {
                print_unkept(drafts, &err.to_string());
            }
            eprintln!(
                "{}",
                tr!(
                    "tafel gestopt door een signaal; alles wat bevestigd was, is bewaard",
                    "tafel stopped by a signal; everything confirmed is saved"
                )
            );
            std::process::exit(0);
        });
        Ok(SignalWatch { stop, done, drafts })
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// The unsaved texts the watchdog keeps if it has to end the process itself.
    pub fn keep_drafts(&self, session: &std::path::Path, drafts: Vec<draft::Draft>) {
        if let Ok(mut slot) = self.drafts.lock() {
            *slot = Some((session.to_path_buf(), drafts));
        }
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
    }
}

/// How the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// The app asked to quit (the session ended, or Ctrl+C).
    Quit,
    /// SIGTERM, SIGHUP or SIGINT from outside.
    Signal,
}

fn now(clock: &dyn Clock) -> Now {
    Now {
        t: clock.t(),
        wall: clock.wall(),
    }
}

/// Runs the session screen until the user or a signal ends it.
pub fn run_session(
    app: &mut App,
    journal: &mut Journal,
    clock: &dyn Clock,
    initial: Vec<Effect>,
) -> io::Result<Exit> {
    if let Ok(mut path) = SESSION_PATH.lock() {
        *path = Some(journal.path().to_path_buf());
    }
    let watch = SignalWatch::start()?;
    let mut guard = TerminalGuard::enter()?;
    let mut quit = carry_out(app, journal, clock, initial);
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        if quit {
            return Ok(Exit::Quit);
        }
        watch.keep_drafts(journal.path(), app.pending_drafts());
        if watch.stopped() {
            return Ok(Exit::Signal);
        }
        let t = clock.t();
        let sleep = app
            .next_deadline()
            .map_or(MAX_SLEEP_MS, |deadline| deadline.saturating_sub(t))
            .min(MAX_SLEEP_MS);
        let input = if event::poll(Duration::from_millis(sleep))? {
            match event::read()? {
                Event::Key(key) => {
                    // Debug builds only: lets the end-to-end tests see what a crash leaves.
                    #[cfg(debug_assertions)]
                    if key.code == event::KeyCode::F(12)
                        && std::env::var_os("TAFEL_TEST_PANIC").is_some()
                    {
                        panic!("TAFEL_TEST_PANIC");
                    }
                    Some(Input::Key(key))
                }
                Event::Paste(text) => Some(Input::Paste(text)),
                Event::Resize(_, _) => {
                    dirty = true;
                    None
                }
                _ => None,
            }
        } else {
            Some(Input::Tick)
        };
        if let Some(input) = input {
            let effects = app.update(input, now(clock));
            quit = carry_out(app, journal, clock, effects);
            dirty = true;
        }
    }
}

/// The terminal's store: the session's journal and its drafts on disk, the bell on stdout.
pub struct JournalStore<'a> {
    pub journal: &'a mut Journal,
}

impl crate::executor::Store for JournalStore<'_> {
    fn append(
        &mut self,
        events: Vec<crate::session::Event>,
        at: chrono::DateTime<chrono::FixedOffset>,
        t: u64,
    ) -> Result<Vec<crate::session::Record>, String> {
        self.journal
            .append(events, at, t)
            .map_err(|e| e.to_string())
    }

    fn keep_drafts(&mut self, drafts: &[draft::Draft]) -> Result<(), String> {
        draft::save_drafts(self.journal.path(), drafts).map_err(|e| crate::session::io_cause(&e))
    }

    fn export(
        &mut self,
        request: &crate::app::export::ExportRequest,
    ) -> Option<crate::app::export::Exported> {
        Some(crate::commands::export::export_request(
            self.journal.path(),
            request,
        ))
    }

    fn bell(&mut self) {
        let mut out = io::stdout();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }
}

/// Carries out effects through the journal; whether the app asked to quit.
pub fn carry_out(
    app: &mut App,
    journal: &mut Journal,
    clock: &dyn Clock,
    effects: Vec<Effect>,
) -> bool {
    crate::executor::carry_out(app, &mut JournalStore { journal }, clock, effects).quit
}

/// Text that could not be written anywhere, printed (after the terminal is restored) so it
/// can still be copied: the last place it exists.
pub fn print_unkept(drafts: &[draft::Draft], cause: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "{}",
        tr!(
            "LET OP: deze tekst kon NIET worden bewaard ({cause}). Kopieer hem nu:",
            "ATTENTION: this text could NOT be saved ({cause}). Copy it now:"
        )
    );
    for draft in drafts {
        let _ = writeln!(err, "----------");
        let _ = writeln!(err, "{}", draft.text);
        for extra in [&draft.owner, &draft.due] {
            if !extra.trim().is_empty() {
                let _ = writeln!(err, "  {extra}");
            }
        }
    }
    let _ = writeln!(err, "----------");
}

/// A list of plans to choose from, for `tafel run` without a plan. `None`: the user left.
pub fn pick_plan(library: &crate::catalog::Library) -> io::Result<Option<crate::catalog::Plan>> {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind};
    let plans: Vec<&crate::catalog::Plan> = library.plans.iter().map(|e| &e.item).collect();
    if plans.is_empty() {
        return Ok(None);
    }
    let mut selected = 0usize;
    let mut guard = TerminalGuard::enter()?;
    loop {
        guard.terminal.draw(|frame| {
            crate::ui::picker::render_plans(&plans, selected, frame.area(), frame.buffer_mut())
        })?;
        if let Event::Key(key) = event::read()? {
            if key.kind != KeyEventKind::Press {
                continue;
            }
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    selected = (selected + 1).min(plans.len() - 1)
                }
                KeyCode::Enter => return Ok(Some(plans[selected].clone())),
                KeyCode::Esc | KeyCode::Char('q') => return Ok(None),
                KeyCode::Char('c')
                    if key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
                {
                    return Ok(None);
                }
                _ => {}
            }
        }
    }
}
