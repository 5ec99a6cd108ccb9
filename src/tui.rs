//! The session's screen on the terminal: the app (a live workshop, solo reflection or a
//! resumed session) as a [`Screen`] of the runtime, its effects carried out through the
//! journal; and the plan picker of `tafel run` without a plan.

use std::io::{self, Write};
use std::path::PathBuf;

use ratatui::Frame;

use crate::app::export::{ExportRequest, Exported};
use crate::app::{self, App, Effect};
use crate::executor::StoreError;
use crate::runtime::{Back, Boxed, Flow, Input, Now, Screen, ShellText, Stop};
use crate::session::Session;
use crate::session::clock::{Clock, SystemClock};
use crate::session::draft::{self, Draft};
use crate::storage::draft::save_drafts;
use crate::storage::journal::Journal;
use crate::tr;

pub use crate::runtime::wake::unkept_lines;

/// Writes an export of the session at a path (the shell's `export_request`).
pub type Exporter = fn(&std::path::Path, &ExportRequest) -> Exported;

/// Opens the plan builder on a session that was asked to be kept as a plan ("bewaar deze
/// agenda als werkvorm"), or says why it cannot. The builder goes back with the id of the
/// plan saved, if any (`Option<String>`).
pub type PlanOffer<'a> =
    Box<dyn Fn(&Session) -> Result<Boxed<'a>, Box<dyn std::error::Error>> + 'a>;

/// What a session screen goes back with.
pub type SessionResult = Result<Finished, SessionTrouble>;

/// What went wrong on the way out of a session; everything confirmed is in its journal.
#[derive(Debug, thiserror::Error)]
pub enum SessionTrouble {
    /// The last unsaved text could not be written; it was printed on the shell instead.
    #[error("{}", tr!(
        "niet-opgeslagen tekst kon niet worden bewaard ({cause}); hij staat hierboven in de terminal. Alles wat bevestigd was staat in {}",
        "unsaved text could not be kept ({cause}); it is printed above in the terminal. Everything confirmed is in {}",
        journal.display()
    ))]
    Unkept { cause: String, journal: PathBuf },
}

/// Where a session left off, when its screen was left.
#[derive(Clone, Debug)]
pub struct Finished {
    pub path: String,
    pub id: String,
    pub ended: bool,
}

impl Finished {
    /// Where the session is and how to go on, for the shell; `signalled`: a signal stopped it.
    pub fn message(&self, signalled: bool) -> [String; 2] {
        let (path, id) = (&self.path, &self.id);
        if self.ended {
            return [
                tr!(
                    "Sessie afgerond en opgeslagen in {path}",
                    "Session finished and saved in {path}"
                ),
                tr!(
                    "Exporteren: tafel export {id} -o verslag.md",
                    "Export: tafel export {id} -o report.md"
                ),
            ];
        }
        let why = match signalled {
            true => tr!("gestopt door een signaal", "stopped by a signal"),
            false => tr!("onderbroken", "interrupted"),
        };
        [
            tr!(
                "Sessie {why}; alles wat bevestigd was staat in {path}",
                "Session {why}; everything confirmed is in {path}"
            ),
            tr!(
                "Verder gaan: tafel resume {id}",
                "Continue: tafel resume {id}"
            ),
        ]
    }

    pub fn print(&self) {
        for line in self.message(false) {
            println!("{line}");
        }
    }
}

/// The app on the terminal: what it asks is carried out through the journal. Goes back
/// with a [`SessionResult`].
pub struct SessionScreen<'a> {
    app: App,
    journal: Journal,
    clock: SystemClock,
    /// What the session starts with (carried out before the first frame).
    initial: Vec<Effect>,
    exporter: Exporter,
    plan_offer: Option<PlanOffer<'a>>,
    /// How far the summary scrolled on the last frame, told to the app before each input.
    summary_end: std::cell::Cell<Option<u16>>,
}

impl<'a> SessionScreen<'a> {
    pub fn new(
        app: App,
        journal: Journal,
        clock: SystemClock,
        initial: Vec<Effect>,
        exporter: Exporter,
    ) -> Self {
        SessionScreen {
            app,
            journal,
            clock,
            initial,
            exporter,
            plan_offer: None,
            summary_end: std::cell::Cell::new(None),
        }
    }

    /// The summary's `w` opens the plan builder on the session, over the summary.
    pub fn offering_plan(mut self, offer: PlanOffer<'a>) -> Self {
        self.plan_offer = Some(offer);
        self
    }

    fn carry_out(&mut self, effects: Vec<Effect>) -> Flow<'a> {
        let store = &mut JournalStore {
            journal: &mut self.journal,
            exporter: self.exporter,
        };
        let carried = crate::executor::carry_out(&mut self.app, store, &self.clock, effects);
        if carried.quit {
            return self.leave();
        }
        if carried.offer_plan {
            return self.open_builder();
        }
        Flow::Stay
    }

    /// The plan builder on this session, over the summary; why not on the status line.
    fn open_builder(&mut self) -> Flow<'a> {
        let Some(offer) = &self.plan_offer else {
            self.app.plan_kept(Err(tr!(
                "hier kan de agenda niet als werkvorm worden bewaard",
                "the agenda cannot be kept as a plan here"
            )));
            return Flow::Stay;
        };
        match offer(&self.app.session) {
            Ok(builder) => Flow::Open(builder),
            Err(why) => {
                self.app.plan_kept(Err(why.to_string()));
                Flow::Stay
            }
        }
    }

    fn finished(&self) -> Finished {
        Finished {
            path: self.journal.path().display().to_string(),
            id: self.journal.id(),
            ended: self.app.session.ended,
        }
    }

    /// The unsaved text kept once more on the way out. Should that fail: the text, for the
    /// shell (where it can still be copied), and why it is there.
    fn keep_last_drafts(&self) -> Option<(Vec<String>, SessionTrouble)> {
        let drafts = self.app.pending_drafts();
        if drafts.is_empty() && self.app.drafts_not_kept.is_none() {
            return None;
        }
        let err = save_drafts(self.journal.path(), &drafts).err()?;
        let cause = crate::storage::io_cause(&err);
        Some((
            unkept_lines(&drafts, &cause),
            SessionTrouble::Unkept {
                cause,
                journal: self.journal.path().to_path_buf(),
            },
        ))
    }

    fn leave(&mut self) -> Flow<'a> {
        if let Some((text, why)) = self.keep_last_drafts() {
            return Flow::Back(Back {
                result: Box::new(SessionResult::Err(why)),
                shell: ShellText {
                    stdout: Vec::new(),
                    stderr: text,
                },
            });
        }
        Flow::back(SessionResult::Ok(self.finished()))
    }
}

impl<'a> Screen<'a> for SessionScreen<'a> {
    fn start(&mut self, _now: Now) -> Flow<'a> {
        crate::runtime::terminal::set_session_path(self.journal.path());
        let initial = std::mem::take(&mut self.initial);
        self.carry_out(initial)
    }

    fn update(&mut self, input: Input, now: Now) -> Flow<'a> {
        let input = match input {
            Input::Key(key) => app::Input::Key(key),
            Input::Paste(text) => app::Input::Paste(text),
            Input::Tick | Input::Changed => app::Input::Tick,
        };
        if let Some(end) = self.summary_end.get() {
            self.app.summary_drawn(end);
        }
        let effects = self.app.update(input, now);
        self.carry_out(effects)
    }

    /// Back from the plan builder, on the summary: the plan saved, if any.
    fn resumed(&mut self, saved: Box<dyn std::any::Any>, _now: Now) -> Flow<'a> {
        let saved = saved.downcast::<Option<String>>().map_or(None, |id| *id);
        self.app.plan_kept(Ok(saved));
        Flow::Stay
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        self.app.next_deadline()
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::draw(frame, &self.app);
        let end = crate::ui::summary_scroll_end(&self.app, frame.area());
        self.summary_end.set(end);
    }

    fn clock(&self) -> Option<&dyn Clock> {
        Some(&self.clock)
    }

    fn unsaved(&self) -> Option<(PathBuf, Vec<Draft>)> {
        Some((self.journal.path().to_path_buf(), self.app.pending_drafts()))
    }

    fn stopped(&mut self, why: Stop) -> ShellText {
        let mut said = ShellText::default();
        if let Some((text, message)) = self.keep_last_drafts() {
            said.stderr = text;
            said.stderr.push(message.to_string());
        }
        if why == Stop::Signal {
            said.stdout.extend(self.finished().message(true));
        }
        said
    }
}

/// The terminal's store: the session's journal and its drafts on disk, the bell on stdout.
pub struct JournalStore<'a> {
    pub journal: &'a mut Journal,
    pub exporter: Exporter,
}

impl crate::executor::Store for JournalStore<'_> {
    fn append(
        &mut self,
        events: Vec<crate::session::Event>,
        at: chrono::DateTime<chrono::FixedOffset>,
        t: u64,
    ) -> Result<Vec<crate::session::Record>, StoreError> {
        Ok(self.journal.append(events, at, t)?)
    }

    fn keep_drafts(&mut self, drafts: &[draft::Draft]) -> Result<(), StoreError> {
        save_drafts(self.journal.path(), drafts).map_err(|source| StoreError::Drafts { source })
    }

    fn export(&mut self, request: &ExportRequest) -> Option<Exported> {
        Some((self.exporter)(self.journal.path(), request))
    }

    fn bell(&mut self) {
        let mut out = io::stdout();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }
}

/// Opens the session of the plan chosen, or says why it cannot.
pub type PlanOpener<'a, E> = Box<dyn Fn(&crate::catalog::Plan) -> Result<Boxed<'a>, E> + 'a>;

/// A list of plans to choose from, for `tafel run` without a plan, each with its total for
/// `participants`; the plan chosen opens over it (`open`) in the same loop. The loop ends
/// with the session's own result, the opener's error `E`, or `None::<usize>` when the user
/// left without choosing.
pub fn pick_plan<'a, E: 'static>(
    library: &'a crate::catalog::Library,
    participants: &'a [String],
    open: PlanOpener<'a, E>,
) -> io::Result<crate::runtime::Ended> {
    if library.plans.is_empty() {
        return Ok(crate::runtime::Ended::Back(Box::new(None::<usize>)));
    }
    let screen = PickerScreen {
        picker: crate::home::picker::PlanPicker::new(library.plans.len()),
        library,
        participants,
        open,
    };
    let clock = SystemClock::starting_at(0);
    crate::runtime::run(Box::new(screen), &clock)
}

/// The plan list; the session chosen opens over it and its result passes through.
struct PickerScreen<'a, E> {
    picker: crate::home::picker::PlanPicker,
    library: &'a crate::catalog::Library,
    participants: &'a [String],
    open: PlanOpener<'a, E>,
}

impl<'a, E: 'static> Screen<'a> for PickerScreen<'a, E> {
    fn update(&mut self, input: Input, _now: Now) -> Flow<'a> {
        let Input::Key(key) = input else {
            return Flow::Stay;
        };
        if !self.picker.key(key) {
            return Flow::Stay;
        }
        let Some(index) = self.picker.chosen() else {
            return Flow::back(None::<usize>);
        };
        match (self.open)(&self.library.plans[index].item) {
            Ok(session) => Flow::Open(session),
            Err(why) => Flow::back(why),
        }
    }

    /// The session is over: tafel ends with what it came to.
    fn resumed(&mut self, result: Box<dyn std::any::Any>, _now: Now) -> Flow<'a> {
        Flow::Back(Back {
            result,
            shell: ShellText::default(),
        })
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::picker::render_plans(
            self.library,
            self.participants,
            self.picker.selected(),
            frame.area(),
            frame.buffer_mut(),
        );
    }
}
