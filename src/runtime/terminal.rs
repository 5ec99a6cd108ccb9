//! The terminal while a screen has it: raw mode, the alternate screen and bracketed paste,
//! always put back — on every way out of the loop and after a panic.

use std::io;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use crate::tr;

static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);
/// The session file, for the message after a panic.
static SESSION_PATH: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Names the session whose notes are safe, for the words after a crash.
pub fn set_session_path(path: &std::path::Path) {
    if let Ok(mut slot) = SESSION_PATH.lock() {
        *slot = Some(path.to_path_buf());
    }
}

/// Whether a screen has the terminal now (raw mode, the alternate screen).
pub fn is_active() -> bool {
    TERMINAL_ACTIVE.load(Ordering::SeqCst)
}

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

/// As [`restore_terminal`], for the watchdog: the bytes go straight to the terminal, not
/// through `io::stdout()`, whose lock a loop stuck in a write may hold.
pub fn restore_terminal_without_stdout() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        // Bracketed paste off, the main screen back, the cursor shown.
        const RESTORE: &[u8] = b"\x1b[?2004l\x1b[?1049l\x1b[?25h";
        #[cfg(unix)]
        // SAFETY: writing a static buffer of its own length to fd 1.
        unsafe {
            libc::write(1, RESTORE.as_ptr().cast(), RESTORE.len());
        }
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
        take_terminal()?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| {
            restore_terminal();
        })?;
        Ok(TerminalGuard { terminal })
    }

    /// The shell's own screen for a moment (what `during` prints stays in its scrollback),
    /// then the screens again, drawn whole.
    pub fn lend_to_shell(&mut self, during: impl FnOnce()) -> io::Result<()> {
        restore_terminal();
        during();
        take_terminal()?;
        execute!(io::stdout(), Clear(ClearType::All))?;
        // A new terminal, so the next frame is drawn whole. (`Terminal::clear` would ask the
        // terminal where its cursor is, and the answer goes to the key reader instead.)
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }
}

/// Raw mode, the alternate screen and bracketed paste.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
    if let Err(err) = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste) {
        restore_terminal();
        return Err(err);
    }
    Ok(())
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
