//! The one screen runtime. Every interactive screen — home, a live or solo session, replay,
//! the room, the plan builder, the plan picker — implements [`Screen`]: input and the time
//! in, what to do next out, a next deadline, a render. One loop ([`run`]) carries a stack of
//! them: it sleeps until a key, a paste, a followed file changing, a signal or the top
//! screen's next deadline (never on a fixed tick, so an idle screen costs nothing), draws
//! only when something changed, and always restores the terminal.
//!
//! What a screen asks of the runtime is a [`Flow`]: stay, open another screen over this one
//! (the home screen opens a session, the builder, a replay), or go back to the screen below
//! with what it came to. What a screen asks of storage (saving, loading, writing a file) its
//! shell carries out inside `update`, through a store: the session's effects go through
//! [`crate::executor`], the same executor the tests drive.

pub mod keys;
pub mod terminal;
pub mod wake;

use std::any::Any;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::Event;

use crate::keys::KeyEvent;

use crate::session::clock::Clock;
pub use crate::session::clock::Now;
use crate::session::draft::Draft;

pub use terminal::{TerminalGuard, restore_terminal};

/// What reaches a screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// The screen's deadline came.
    Tick,
    /// A file the screen follows changed.
    Changed,
}

/// A screen on the runtime's stack.
pub type Boxed<'a> = Box<dyn Screen<'a> + 'a>;

/// What the loop does after an input.
pub enum Flow<'a> {
    Stay,
    /// Open this screen over the current one; when it goes back, the current one's
    /// [`Screen::resumed`] gets what it came to.
    Open(Boxed<'a>),
    /// The screen is done: back to the one below (none: the loop ends with it).
    Back(Back),
}

impl Flow<'_> {
    /// Back, having come to `result`.
    pub fn back(result: impl Any) -> Self {
        Flow::Back(Back {
            result: Box::new(result),
            shell: ShellText::default(),
        })
    }
}

/// What a screen came to when it went back.
pub struct Back {
    /// For the screen that opened it, which knows its type (or the caller of [`run`]).
    pub result: Box<dyn Any>,
    /// Said on the shell's own screen on the way back — the terminal is lent back to the
    /// shell for a moment, so it stays in the scrollback (text that could not be saved).
    pub shell: ShellText,
}

/// Lines for the shell, out of the alternate screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShellText {
    pub stdout: Vec<String>,
    pub stderr: Vec<String>,
}

impl ShellText {
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty()
    }

    pub fn extend(&mut self, other: ShellText) {
        self.stdout.extend(other.stdout);
        self.stderr.extend(other.stderr);
    }

    pub fn print(&self) {
        let mut err = io::stderr().lock();
        for line in &self.stderr {
            let _ = writeln!(err, "{line}");
        }
        let mut out = io::stdout().lock();
        for line in &self.stdout {
            let _ = writeln!(out, "{line}");
        }
        let _ = out.flush();
    }
}

/// Why the loop stops every screen at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// SIGTERM, SIGHUP or SIGINT from outside.
    Signal,
    /// The terminal could no longer be read or written.
    TerminalFailed,
}

/// An interactive screen. `'a`: what the screens on one stack may borrow (the command's
/// context).
pub trait Screen<'a> {
    /// Once, when it comes on the stack, before its first frame (e.g. carrying out what a
    /// session starts with).
    fn start(&mut self, _now: Now) -> Flow<'a> {
        Flow::Stay
    }
    /// One input at `now`.
    fn update(&mut self, input: Input, now: Now) -> Flow<'a>;
    /// The screen it opened went back with `result`.
    fn resumed(&mut self, _result: Box<dyn Any>, _now: Now) -> Flow<'a> {
        Flow::Stay
    }
    /// When the screen changes by itself next (on the same clock as `now.t`); `None`: only
    /// on input.
    fn deadline(&self, now: Now) -> Option<u64>;
    fn render(&self, frame: &mut Frame);
    /// The screen's own time line (a session resumed goes on where its journal stopped);
    /// `None`: the runtime's clock.
    fn clock(&self) -> Option<&dyn Clock> {
        None
    }
    /// Text typed and not yet in the journal, with the session it belongs to: what the
    /// watchdog keeps if a signal has to end the process.
    fn unsaved(&self) -> Option<(PathBuf, Vec<Draft>)> {
        None
    }
    /// The loop stops every screen (a signal, a terminal gone): keep what must be kept; what
    /// to say on the shell once the terminal is back.
    fn stopped(&mut self, _why: Stop) -> ShellText {
        ShellText::default()
    }
}

/// How the loop ended.
pub enum Ended {
    /// The last screen went back with this result (the user was done, or asked to quit).
    Back(Box<dyn Any>),
    /// SIGTERM, SIGHUP or SIGINT from outside; every screen was stopped.
    Signal,
}

impl Ended {
    /// The result the last screen went back with, if it is a `T`.
    pub fn result<T: 'static>(self) -> Option<T> {
        match self {
            Ended::Back(result) => result.downcast::<T>().ok().map(|b| *b),
            Ended::Signal => None,
        }
    }
}

/// Runs `root`, and every screen it opens, on the terminal until it goes back or a signal
/// ends it. `clock`: the time of screens without a clock of their own.
pub fn run<'a>(root: Boxed<'a>, clock: &dyn Clock) -> io::Result<Ended> {
    let wakes = wake::start()?;
    if wake::signalled() {
        return Ok(Ended::Signal);
    }
    let _looping = wake::Looping::enter();
    let mut stack = Stack::of(root, clock);
    let mut guard = TerminalGuard::enter()?;
    let (ended, shell) = match stack.run(&mut guard, &wakes) {
        Ok(Some(back)) => (Ok(Ended::Back(back.result)), back.shell),
        // Every screen keeps what it must before the terminal is touched.
        Ok(None) => (Ok(Ended::Signal), stack.stop(Stop::Signal)),
        Err(err) => (Err(err), stack.stop(Stop::TerminalFailed)),
    };
    drop(guard);
    shell.print();
    ended
}

/// The screens open on the terminal, the top one shown.
struct Stack<'a, 'c> {
    screens: Vec<Boxed<'a>>,
    clock: &'c dyn Clock,
}

impl<'a, 'c> Stack<'a, 'c> {
    fn of(root: Boxed<'a>, clock: &'c dyn Clock) -> Self {
        Stack {
            screens: vec![root],
            clock,
        }
    }

    /// The loop: `Some` when the last screen went back, `None` after a signal.
    fn run(&mut self, guard: &mut TerminalGuard, wakes: &wake::Wakes) -> io::Result<Option<Back>> {
        let now = self.now();
        let first = self.top().start(now);
        let mut lend = |said: &ShellText| guard.lend_to_shell(|| said.print());
        if let Some(back) = self.follow(first, &mut lend)? {
            return Ok(Some(back));
        }
        // Before every frame: should drawing hang (a stalled terminal), the watchdog keeps
        // what was typed up to the last input.
        self.keep_for_watchdog();
        let mut dirty = true;
        loop {
            if dirty {
                let top = self.screens.last().expect("a screen is open");
                guard.terminal.draw(|frame| top.render(frame))?;
                dirty = false;
            }
            if wake::signalled() {
                return Ok(None);
            }
            let now = self.now();
            let sleep = self
                .top()
                .deadline(now)
                .map(|deadline| Duration::from_millis(deadline.saturating_sub(now.t)));
            let input = match wakes.next(sleep)? {
                wake::Wake::Timeout => Input::Tick,
                wake::Wake::Changed => Input::Changed,
                wake::Wake::Signal => continue,
                wake::Wake::Terminal(event) => match event {
                    Event::Key(key) => match keys::from_terminal(key) {
                        Some(key) => {
                            test_panic(&key);
                            Input::Key(key)
                        }
                        None => continue,
                    },
                    Event::Paste(text) => Input::Paste(text),
                    Event::Resize(_, _) => {
                        dirty = true;
                        continue;
                    }
                    _ => continue,
                },
            };
            let now = self.now();
            let flow = self.top().update(input, now);
            let mut lend = |said: &ShellText| guard.lend_to_shell(|| said.print());
            if let Some(back) = self.follow(flow, &mut lend)? {
                return Ok(Some(back));
            }
            self.keep_for_watchdog();
            dirty = true;
        }
    }

    /// Carries out `flow` (and what the screens answer to it): `Some` when the last screen
    /// went back. `lend` says text on the shell's own screen.
    fn follow(
        &mut self,
        mut flow: Flow<'a>,
        lend: &mut dyn FnMut(&ShellText) -> io::Result<()>,
    ) -> io::Result<Option<Back>> {
        loop {
            flow = match flow {
                Flow::Stay => return Ok(None),
                Flow::Open(screen) => {
                    self.screens.push(screen);
                    let now = self.now();
                    self.top().start(now)
                }
                Flow::Back(back) => {
                    self.screens.pop();
                    if self.screens.is_empty() {
                        return Ok(Some(back));
                    }
                    if !back.shell.is_empty() {
                        lend(&back.shell)?;
                    }
                    let now = self.now();
                    self.top().resumed(back.result, now)
                }
            };
        }
    }

    fn top(&mut self) -> &mut Boxed<'a> {
        self.screens.last_mut().expect("a screen is open")
    }

    /// The time on the top screen's clock.
    fn now(&self) -> Now {
        let top = self.screens.last().expect("a screen is open");
        Now::of(top.clock().unwrap_or(self.clock))
    }

    fn keep_for_watchdog(&self) {
        wake::keep_for_watchdog(self.screens.iter().rev().find_map(|s| s.unsaved()));
    }

    /// Stops every screen, the top one first; what they say for the shell.
    fn stop(&mut self, why: Stop) -> ShellText {
        let mut said = ShellText::default();
        while let Some(mut screen) = self.screens.pop() {
            said.extend(screen.stopped(why));
        }
        said
    }
}

/// Debug builds only: F12 with `TAFEL_TEST_PANIC` set panics, so the end-to-end tests can
/// see what a crash leaves.
fn test_panic(key: &KeyEvent) {
    #[cfg(debug_assertions)]
    if key.code == crate::keys::KeyCode::F(12) && std::env::var_os("TAFEL_TEST_PANIC").is_some() {
        panic!("TAFEL_TEST_PANIC");
    }
    #[cfg(not(debug_assertions))]
    let _ = key;
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::session::clock::FakeClock;

    type Log = Rc<RefCell<Vec<String>>>;

    /// A screen that writes what happens to it in a log.
    struct Probe<'a> {
        name: &'static str,
        log: Log,
        /// What its next update answers.
        next: Option<Flow<'a>>,
        /// What it says for the shell when stopped.
        said: ShellText,
        clock: Option<FakeClock>,
    }

    impl<'a> Probe<'a> {
        fn new(name: &'static str, log: &Log) -> Self {
            Probe {
                name,
                log: log.clone(),
                next: None,
                said: ShellText::default(),
                clock: None,
            }
        }

        fn answering(mut self, flow: Flow<'a>) -> Self {
            self.next = Some(flow);
            self
        }

        fn note(&self, what: String) {
            self.log.borrow_mut().push(format!("{} {what}", self.name));
        }
    }

    impl<'a> Screen<'a> for Probe<'a> {
        fn start(&mut self, now: Now) -> Flow<'a> {
            self.note(format!("start t={}", now.t));
            Flow::Stay
        }
        fn update(&mut self, _input: Input, now: Now) -> Flow<'a> {
            self.note(format!("update t={}", now.t));
            self.next.take().unwrap_or(Flow::Stay)
        }
        fn resumed(&mut self, result: Box<dyn Any>, _now: Now) -> Flow<'a> {
            self.note(format!("resumed with {:?}", result.downcast_ref::<i32>()));
            Flow::Stay
        }
        fn deadline(&self, _now: Now) -> Option<u64> {
            None
        }
        fn render(&self, _frame: &mut Frame) {}
        fn clock(&self) -> Option<&dyn Clock> {
            self.clock.as_ref().map(|clock| clock as &dyn Clock)
        }
        fn stopped(&mut self, why: Stop) -> ShellText {
            self.note(format!("stopped by {why:?}"));
            self.said.clone()
        }
    }

    fn wall() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-11-30T14:00:00+01:00").unwrap()
    }

    fn key() -> Input {
        Input::Key(KeyEvent::from(crate::keys::KeyCode::Enter))
    }

    /// The stack's answer to one key on its top screen; what the shell was lent for, in
    /// the log as "shell: …".
    fn press<'a>(stack: &mut Stack<'a, '_>, log: &Log) -> Option<Back> {
        let now = stack.now();
        let flow = stack.top().update(key(), now);
        let mut lend = |said: &ShellText| {
            log.borrow_mut()
                .push(format!("shell: {}", said.stderr.join("|")));
            Ok(())
        };
        stack.follow(flow, &mut lend).unwrap()
    }

    #[test]
    fn an_opened_screen_goes_back_to_the_one_that_opened_it_with_its_result() {
        let log = Log::default();
        let clock = FakeClock::new(wall());
        let child = Probe::new("child", &log).answering(Flow::back(42));
        let root = Probe::new("root", &log).answering(Flow::Open(Box::new(child)));
        let mut stack = Stack::of(Box::new(root), &clock);
        assert!(press(&mut stack, &log).is_none());
        assert_eq!(stack.screens.len(), 2, "the child is on top");
        assert!(press(&mut stack, &log).is_none());
        assert_eq!(stack.screens.len(), 1);
        assert_eq!(
            *log.borrow(),
            [
                "root update t=0",
                "child start t=0",
                "child update t=0",
                "root resumed with Some(42)",
            ]
        );
    }

    #[test]
    fn the_last_screen_going_back_ends_the_loop_with_its_result() {
        let log = Log::default();
        let clock = FakeClock::new(wall());
        let root = Probe::new("root", &log).answering(Flow::back(7));
        let mut stack = Stack::of(Box::new(root), &clock);
        let back = press(&mut stack, &log).expect("the loop ends");
        assert!(stack.screens.is_empty());
        assert_eq!(Ended::Back(back.result).result::<i32>(), Some(7));
    }

    #[test]
    fn text_for_the_shell_is_said_before_the_screen_below_resumes() {
        let log = Log::default();
        let clock = FakeClock::new(wall());
        let back = Flow::Back(Back {
            result: Box::new(1),
            shell: ShellText {
                stdout: Vec::new(),
                stderr: vec!["LET OP".into(), "de tekst".into()],
            },
        });
        let child = Probe::new("child", &log).answering(back);
        let root = Probe::new("root", &log).answering(Flow::Open(Box::new(child)));
        let mut stack = Stack::of(Box::new(root), &clock);
        press(&mut stack, &log);
        press(&mut stack, &log);
        let log = log.borrow();
        assert_eq!(
            log[log.len() - 2..],
            ["shell: LET OP|de tekst", "root resumed with Some(1)"]
        );
    }

    #[test]
    fn stopping_stops_every_screen_top_first_and_gathers_what_they_say() {
        let log = Log::default();
        let clock = FakeClock::new(wall());
        let mut child = Probe::new("child", &log);
        child.said.stdout = vec!["Verder gaan: tafel resume x".into()];
        let mut root = Probe::new("root", &log).answering(Flow::Open(Box::new(child)));
        root.said.stderr = vec!["root's words".into()];
        let mut stack = Stack::of(Box::new(root), &clock);
        press(&mut stack, &log);
        let said = stack.stop(Stop::Signal);
        assert!(stack.screens.is_empty());
        assert_eq!(said.stdout, ["Verder gaan: tafel resume x"]);
        assert_eq!(said.stderr, ["root's words"]);
        assert_eq!(
            log.borrow()[2..],
            ["child stopped by Signal", "root stopped by Signal"]
        );
    }

    #[test]
    fn a_screen_with_its_own_clock_gets_its_own_time() {
        let log = Log::default();
        let clock = FakeClock::new(wall());
        clock.advance_ms(5);
        let mut child = Probe::new("child", &log);
        let resumed_session = FakeClock::new(wall());
        resumed_session.advance_secs(600);
        child.clock = Some(resumed_session);
        let root = Probe::new("root", &log).answering(Flow::Open(Box::new(child)));
        let mut stack = Stack::of(Box::new(root), &clock);
        press(&mut stack, &log);
        press(&mut stack, &log);
        assert_eq!(
            *log.borrow(),
            [
                "root update t=5",
                "child start t=600000",
                "child update t=600000"
            ]
        );
    }
}
