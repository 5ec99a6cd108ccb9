//! What wakes the loop, gathered on one channel for the whole process: the terminal's
//! events (read on their own thread), a followed file changing, and SIGTERM/SIGHUP/SIGINT.
//! Because a signal arrives as a message, the loop can sleep without a timeout when its
//! screen has no deadline: an idle screen wakes for nothing.
//!
//! After a signal, a watchdog gives the loop two seconds to end cleanly. If it does not
//! (crossterm can spin on a terminal that was hung up), the watchdog restores the terminal,
//! keeps the unsaved text and exits. Every confirmed event is already on disk, so leaving
//! at any moment loses nothing.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::session::draft::Draft;
use crate::storage::draft;
use crate::tr;

/// One reason to wake.
#[derive(Debug)]
pub enum Wake {
    Terminal(Event),
    /// A followed file or directory changed.
    Changed,
    Signal,
    /// The deadline passed without anything else.
    Timeout,
}

/// The receiving end, for the loop.
pub struct Wakes {
    receiver: &'static Mutex<Receiver<Message>>,
}

enum Message {
    Wake(Wake),
    /// Reading the terminal failed; it will not deliver anything again.
    TerminalGone(String),
}

struct Channel {
    sender: Sender<Message>,
    receiver: Mutex<Receiver<Message>>,
}

static CHANNEL: OnceLock<Channel> = OnceLock::new();
static STARTED: OnceLock<io::Result<()>> = OnceLock::new();
static SIGNALLED: AtomicBool = AtomicBool::new(false);
static TERMINAL_GONE: Mutex<Option<String>> = Mutex::new(None);
/// How many loops are running; the watchdog only acts while one is.
static LOOPING: AtomicUsize = AtomicUsize::new(0);
/// The session file and its unsaved texts, for the watchdog.
static KEPT: Mutex<Option<(PathBuf, Vec<Draft>)>> = Mutex::new(None);

const FORCED_EXIT_AFTER: Duration = Duration::from_secs(2);

fn channel() -> &'static Channel {
    CHANNEL.get_or_init(|| {
        let (sender, receiver) = mpsc::channel();
        Channel {
            sender,
            receiver: Mutex::new(receiver),
        }
    })
}

/// Starts (once per process) the terminal reader and the signal watch.
pub fn start() -> io::Result<Wakes> {
    let started = STARTED.get_or_init(|| {
        let sender = channel().sender.clone();
        watch_signals(sender.clone())?;
        std::thread::spawn(move || {
            loop {
                let message = match event::read() {
                    Ok(event) => Message::Wake(Wake::Terminal(event)),
                    Err(err) => Message::TerminalGone(err.to_string()),
                };
                let gone = matches!(message, Message::TerminalGone(_));
                if sender.send(message).is_err() || gone {
                    return;
                }
            }
        });
        Ok(())
    });
    match started {
        Ok(()) => Ok(Wakes {
            receiver: &channel().receiver,
        }),
        Err(err) => Err(io::Error::new(err.kind(), err.to_string())),
    }
}

/// A sender for "a followed file changed".
pub fn changes() -> ChangeSender {
    ChangeSender(channel().sender.clone())
}

/// Tells the loop that something it follows changed.
#[derive(Clone)]
pub struct ChangeSender(Sender<Message>);

impl ChangeSender {
    /// `false` when nobody listens any more (the channel lives as long as the process, so in
    /// practice always `true`).
    pub fn changed(&self) -> bool {
        self.0.send(Message::Wake(Wake::Changed)).is_ok()
    }
}

/// Whether SIGTERM, SIGHUP or SIGINT arrived (at any time since tafel started).
pub fn signalled() -> bool {
    SIGNALLED.load(Ordering::SeqCst)
}

/// The unsaved texts the watchdog keeps if it has to end the process itself.
pub fn keep_for_watchdog(unsaved: Option<(PathBuf, Vec<Draft>)>) {
    if let Ok(mut slot) = KEPT.lock() {
        *slot = unsaved;
    }
}

/// Marks a running loop for as long as it lives.
pub struct Looping;

impl Looping {
    pub fn enter() -> Looping {
        LOOPING.fetch_add(1, Ordering::SeqCst);
        Looping
    }
}

impl Drop for Looping {
    fn drop(&mut self) {
        LOOPING.fetch_sub(1, Ordering::SeqCst);
        keep_for_watchdog(None);
    }
}

impl Wakes {
    /// The next reason to wake, waiting at most `timeout` (`None`: as long as it takes).
    pub fn next(&self, timeout: Option<Duration>) -> io::Result<Wake> {
        if let Some(why) = TERMINAL_GONE.lock().ok().and_then(|g| g.clone()) {
            return Err(io::Error::other(why));
        }
        let receiver = self
            .receiver
            .lock()
            .map_err(|_| io::Error::other("wake channel poisoned"))?;
        let message = match timeout {
            Some(timeout) => match receiver.recv_timeout(timeout) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => return Ok(Wake::Timeout),
                Err(RecvTimeoutError::Disconnected) => return Ok(Wake::Signal),
            },
            None => match receiver.recv() {
                Ok(message) => message,
                Err(_) => return Ok(Wake::Signal),
            },
        };
        match message {
            Message::Wake(wake) => Ok(wake),
            Message::TerminalGone(why) => {
                if let Ok(mut gone) = TERMINAL_GONE.lock() {
                    *gone = Some(why.clone());
                }
                Err(io::Error::other(why))
            }
        }
    }
}

fn watch_signals(sender: Sender<Message>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            let first = !SIGNALLED.swap(true, Ordering::SeqCst);
            let _ = sender.send(Message::Wake(Wake::Signal));
            if first {
                std::thread::spawn(watchdog);
            }
        }
    });
    Ok(())
}

/// Ends the process if a loop is still running two seconds after a signal.
fn watchdog() {
    std::thread::sleep(FORCED_EXIT_AFTER);
    if LOOPING.load(Ordering::SeqCst) == 0 {
        return;
    }
    // The text first: the loop may be stuck writing to the terminal, holding stdout.
    let unkept = KEPT.lock().ok().and_then(|slot| {
        let (path, drafts) = slot.as_ref()?;
        let err = draft::save_drafts(path, drafts).err()?;
        Some((drafts.clone(), err.to_string()))
    });
    super::terminal::restore_terminal_without_stdout();
    if let Some((drafts, cause)) = unkept {
        print_unkept(&drafts, &cause);
    }
    eprintln!(
        "{}",
        tr!(
            "tafel gestopt door een signaal; alles wat bevestigd was, is bewaard",
            "tafel stopped by a signal; everything confirmed is saved"
        )
    );
    std::process::exit(0);
}

/// Text that could not be written anywhere, printed (after the terminal is restored) so it
/// can still be copied: the last place it exists.
pub fn print_unkept(drafts: &[Draft], cause: &str) {
    use std::io::Write;
    let mut err = io::stderr().lock();
    for line in unkept_lines(drafts, cause) {
        let _ = writeln!(err, "{line}");
    }
}

/// The lines [`print_unkept`] prints: a warning, then each text between rules.
pub fn unkept_lines(drafts: &[Draft], cause: &str) -> Vec<String> {
    const RULE: &str = "----------";
    let mut lines = vec![tr!(
        "LET OP: deze tekst kon NIET worden bewaard ({cause}). Kopieer hem nu:",
        "ATTENTION: this text could NOT be saved ({cause}). Copy it now:"
    )];
    for draft in drafts {
        lines.push(RULE.to_string());
        lines.push(draft.text.clone());
        for extra in [&draft.owner, &draft.due] {
            if !extra.trim().is_empty() {
                lines.push(format!("  {extra}"));
            }
        }
    }
    lines.push(RULE.to_string());
    lines
}
