//! The home screen, what `tafel` without arguments opens: start a workshop, solo reflection,
//! look back at past sessions, browse the decks.
//!
//! Like the session app it is a pure state machine: keys and pastes go in, and at most one
//! [`Outcome`] comes out for the shell (`commands::home`) to carry out. It does no I/O and
//! reads no clock: today's date, the default participants, a seed for "draw one" and the list
//! of past sessions are handed in, so tests drive it without a terminal.

mod agreements;
mod browser;
mod forms;
pub mod keymap;
pub mod loadable;
mod lookback;
pub mod picker;

use std::path::PathBuf;

use crate::keys::KeyEvent;
use keymap::{HomeKey, MenuKey, PlansKey};

pub use agreements::{Agreements, menu_line};
pub use browser::{Browser, Level};
pub use forms::{SoloField, SoloForm, WorkshopField, WorkshopForm};
pub use lookback::LookBack;

/// The look-back list's page: how many rows it asks for at first, and more each time.
pub fn lookback_page() -> usize {
    lookback::PAGE
}

use crate::app::Status;
use crate::catalog::Library;
use crate::catalog::shuffle::{below, rng_for};
use crate::history::listing::{Hit, Listing};
use loadable::{Loadable, Why};

#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
}

/// What the shell is asked to do. Everything but `LoadSessions` and `Export` leaves the home
/// screen for a while; the shell comes back to it afterwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    StartWorkshop {
        plan_id: String,
        title: String,
        participants: Vec<String>,
        /// The deck for a plan that works with any deck (`decks = []`).
        deck: Option<String>,
        /// A follow-up meeting of this session (its id): its open agreements come first.
        follow_up: Option<String>,
    },
    StartSolo {
        deck: String,
        category: Option<String>,
        minutes: Option<u32>,
    },
    /// Read the sessions (those matching [`Home::look_back_search`]) and hand the result to
    /// [`Home::set_sessions`]. Asked for on opening the look-back list and whenever its
    /// search text changes.
    LoadSessions,
    /// Read the open agreements again and hand them to [`Home::set_agreements`]. Asked for
    /// on opening the agreements list.
    LoadAgreements,
    Replay(PathBuf),
    Resume(PathBuf),
    /// Open the plan builder: a new plan, a copy of one, or an own plan edited.
    Build(crate::builder::Request),
    /// Give this session a new title, then [`Home::managed`].
    Rename {
        session: PathBuf,
        title: String,
    },
    /// Move this session to the trash, then [`Home::managed`].
    Trash(PathBuf),
    /// Write this session as the form asked, then [`Home::exported`].
    Export {
        session: PathBuf,
        request: crate::app::export::ExportRequest,
    },
    Quit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuItem {
    Workshop,
    Solo,
    LookBack,
    Decks,
    Quit,
}

impl MenuItem {
    pub const ALL: [MenuItem; 5] = [
        MenuItem::Workshop,
        MenuItem::Solo,
        MenuItem::LookBack,
        MenuItem::Decks,
        MenuItem::Quit,
    ];
}

#[derive(Debug)]
pub enum Screen {
    Menu,
    /// Workshop, step 1: choose a plan.
    Plans {
        selected: usize,
    },
    /// Workshop, step 2: title, participants, deck, start.
    Workshop(WorkshopForm),
    Solo(SoloForm),
    LookBack(LookBack),
    Decks(Browser),
    /// The open agreements, overdue first (`a` on the menu).
    Agreements {
        selected: usize,
    },
}

/// The session a workshop follows up: its open agreements are gone through first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    /// The session's id, as `tafel run --follow-up` takes it.
    pub session: String,
    pub title: String,
    /// Who took part in it: the form for the follow-up starts with them.
    pub participants: Vec<String>,
}

/// The past sessions, as far as they are known (no sessions directory, or one that could
/// not be read, is `Unavailable`).
pub type Sessions = Loadable<Listing>;

pub struct Home<'a> {
    pub library: &'a Library,
    pub screen: Screen,
    /// The selected menu item, kept while away from the menu.
    pub menu: usize,
    /// The key overlay for the current screen.
    pub help: bool,
    /// A line for the facilitator: an export written, a session saved, a problem.
    pub status: Option<Status>,
    /// Own deck or plan files that could not be used: said on the menu and the deck browser
    /// whenever no other status is shown, so a broken deck never just disappears.
    pub skipped: Option<String>,
    pub sessions: Sessions,
    /// The open agreements across sessions, for the line under the menu and its list.
    pub agreements: Agreements,
    /// Choosing a plan for a follow-up meeting of this session (from the agreements list).
    pub follow_up: Option<FollowUp>,
    /// Today, as shown in a default title ("20-11-2026").
    pub today: String,
    /// The participants from the settings, to prefill the form.
    pub participants: Vec<String>,
    /// The folder the export form starts with (the shell sets the user's documents folder).
    pub export_folder: String,
    seed: u64,
    draws: u64,
}

/// "2 eigen bestanden overgeslagen …: FILE:LINE:COLUMN: why" for the library's problems.
fn skipped_warning(library: &Library) -> Option<String> {
    let first = library.problems.first()?;
    let file = std::path::Path::new(&first.file)
        .file_name()
        .map_or(first.file.clone(), |name| {
            name.to_string_lossy().into_owned()
        });
    let problem = crate::text::visible(&format!(
        "{file}:{}:{}: {}",
        first.line, first.column, first.message
    ))
    .into_owned();
    Some(match library.problems.len() {
        1 => crate::tr!(
            "Waarschuwing: een stapel of werkvorm is overgeslagen (tafel check vertelt meer): {problem}",
            "Warning: a deck or plan was skipped (tafel check tells more): {problem}"
        ),
        n => crate::tr!(
            "Waarschuwing: {n} problemen, stapels of werkvormen overgeslagen (tafel check toont ze allemaal); het eerste: {problem}",
            "Warning: {n} problems, decks or plans skipped (tafel check shows them all); the first: {problem}"
        ),
    })
}

impl<'a> Home<'a> {
    pub fn new(library: &'a Library, today: &str, participants: &[String], seed: u64) -> Self {
        Home {
            library,
            screen: Screen::Menu,
            menu: 0,
            help: false,
            status: None,
            skipped: skipped_warning(library),
            sessions: Sessions::NotLoaded,
            agreements: Agreements::NotLoaded,
            follow_up: None,
            today: today.to_string(),
            participants: participants.to_vec(),
            export_folder: String::new(),
            seed,
            draws: 0,
        }
    }

    pub fn update(&mut self, input: Input) -> Option<Outcome> {
        let search = self.look_back_search();
        let outcome = match input {
            Input::Key(key) => self.key(key),
            Input::Paste(text) => {
                self.paste(&text);
                None
            }
        };
        // The list follows the search text: looked up again once per change, from the first
        // page; and it grows by a page as the selection nears the end of what is loaded.
        let changed =
            matches!(self.screen, Screen::LookBack(_)) && self.look_back_search() != search;
        let loaded = lookback::visible(&self.sessions).len();
        let more = match &mut self.screen {
            Screen::LookBack(look) if changed => {
                look.limit = lookback::PAGE;
                false
            }
            Screen::LookBack(look) if lookback::wants_more(look, loaded) => {
                look.limit += lookback::PAGE;
                true
            }
            _ => false,
        };
        match outcome {
            None if changed || more => Some(Outcome::LoadSessions),
            outcome => outcome,
        }
    }

    /// Back from the plan builder with a new library: the plan list, on `plan` if given.
    pub fn show_plan(&mut self, plan: Option<&str>) {
        let selected = plan
            .and_then(|id| self.library.plans.iter().position(|e| e.item.id == id))
            .unwrap_or(0);
        self.screen = Screen::Plans { selected };
    }

    /// The search text of the look-back list (`None` when not looking back, or empty).
    pub fn look_back_search(&self) -> Option<String> {
        match &self.screen {
            Screen::LookBack(look) => Some(look.query.text().trim().to_string()),
            _ => None,
        }
        .filter(|text| !text.is_empty())
    }

    /// How many rows of the look-back list to load (see [`LookBack::limit`]).
    pub fn look_back_limit(&self) -> Option<usize> {
        match &self.screen {
            Screen::LookBack(look) => Some(look.limit),
            _ => None,
        }
    }

    /// The sessions directory was read (or could not be).
    pub fn set_sessions(&mut self, sessions: Result<Listing, Why>) {
        if let Ok(note) = sessions.as_ref().map(|l| l.notes.first())
            && let Some(note) = note
        {
            self.status = Some(Status::Info(note.clone()));
        }
        self.sessions = Loadable::from_result(sessions);
        if let Screen::LookBack(look) = &mut self.screen {
            let rows = lookback::visible(&self.sessions).len();
            look.selected = look.selected.min(rows.saturating_sub(1));
        }
    }

    /// The open agreements were read (or could not be): open ones only, overdue first.
    pub fn set_agreements(
        &mut self,
        agreements: Result<Vec<crate::history::agreements::Agreement>, Why>,
    ) {
        self.agreements = Loadable::from_result(agreements);
        if let Screen::Agreements { selected } = &mut self.screen {
            let rows = self.agreements.rows().len();
            *selected = (*selected).min(rows.saturating_sub(1));
        }
    }

    /// How the export asked for went: written (the form closes, the path is shown), the
    /// file exists (the form asks what to do) or failed (why, in the form).
    pub fn exported(&mut self, result: crate::app::export::Exported) {
        use crate::app::export::Exported;
        let Screen::LookBack(look) = &mut self.screen else {
            return;
        };
        let Some((_, form)) = &mut look.export else {
            return;
        };
        match result {
            Exported::Written(path) => {
                look.export = None;
                self.status = Some(Status::Info(crate::app::export::written_status(&path)));
                // The next export (another format, another session) goes to the same folder.
                if let Some(folder) = path.parent() {
                    self.export_folder = folder.display().to_string();
                }
            }
            Exported::Exists(path) => form.exists(path),
            Exported::Failed(why) => form.failed(why),
        }
    }

    /// A session renamed or moved to the trash (or not: why). The shell then reads the
    /// sessions again ([`Home::set_sessions`]).
    pub fn managed(&mut self, status: Status) {
        if let Screen::LookBack(look) = &mut self.screen {
            look.rename = None;
            look.confirm_delete = None;
        }
        self.status = Some(status);
    }

    /// Back from a session or a replay: a workshop or solo form gives way to the menu, the
    /// look-back list stays. `status` says how it went.
    pub fn returned(&mut self, status: Option<Status>) {
        // A session that could not start leaves the form as it was, to correct it.
        let failed = matches!(status, Some(Status::Error(_)));
        if !failed && matches!(self.screen, Screen::Workshop(_) | Screen::Solo(_)) {
            self.screen = Screen::Menu;
            self.follow_up = None;
        }
        self.help = false;
        self.status = status;
    }

    /// The status line as shown: the current status or, on the menu and in the deck browser,
    /// the warning about skipped files.
    pub fn shown_status(&self) -> Option<Status> {
        self.status.clone().or_else(|| match self.screen {
            Screen::Menu | Screen::Decks(_) => self.skipped.clone().map(Status::Error),
            _ => None,
        })
    }

    /// The sessions in the look-back list as it is now: newest first, or best match first
    /// while searching.
    pub fn look_back_rows(&self) -> &[Hit] {
        match &self.screen {
            Screen::LookBack(_) => lookback::visible(&self.sessions),
            _ => &[],
        }
    }

    /// Whether the keyboard is in a text field (then `?` and `q` are letters; F1 helps).
    pub fn typing(&self) -> bool {
        match &self.screen {
            Screen::Workshop(form) => form.typing(),
            Screen::Solo(form) => form.focus == SoloField::Minutes,
            Screen::LookBack(look) => {
                look.searching
                    || look.rename.is_some()
                    || look.export.as_ref().is_some_and(|(_, f)| f.typing())
            }
            Screen::Decks(browser) => browser.searching && browser.shown.is_none(),
            Screen::Menu | Screen::Plans { .. } | Screen::Agreements { .. } => false,
        }
    }

    fn key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let global = keymap::HOME.command(key, self.typing());
        if global == Some(HomeKey::Quit) {
            return Some(Outcome::Quit);
        }
        self.status = None;
        if self.help {
            self.help = false;
            return None;
        }
        if matches!(global, Some(HomeKey::Help | HomeKey::HelpTyping)) {
            self.help = true;
            return None;
        }
        match &mut self.screen {
            Screen::Menu => self.menu_key(key),
            Screen::Plans { .. } => self.plans_key(key),
            Screen::Workshop(form) => match form.key(self.library, key) {
                forms::Step::Stay => None,
                forms::Step::Back => {
                    self.follow_up = form.follow_up.clone();
                    self.screen = Screen::Plans {
                        selected: form.plan,
                    };
                    None
                }
                forms::Step::Done(outcome) => Some(outcome),
            },
            Screen::Solo(form) => match form.key(self.library, key) {
                forms::Step::Stay => None,
                forms::Step::Back => {
                    self.screen = Screen::Menu;
                    None
                }
                forms::Step::Done(outcome) => Some(outcome),
            },
            Screen::LookBack(_) => self.look_back_key(key),
            Screen::Decks(_) => self.browser_key(key),
            Screen::Agreements { .. } => self.agreements_key(key),
        }
    }

    fn plans_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let Screen::Plans { selected } = &mut self.screen else {
            return None;
        };
        let count = self.library.plans.len();
        let Some(action) = keymap::PLANS.action(key) else {
            list_key(selected, count, key, true);
            return None;
        };
        if count == 0 && action != PlansKey::Back && action != PlansKey::New {
            return None;
        }
        let plan = *selected;
        match action {
            PlansKey::Back => {
                // Choosing a plan for a follow-up: back to the agreements.
                self.screen = match self.follow_up.take() {
                    Some(_) => Screen::Agreements { selected: 0 },
                    None => Screen::Menu,
                };
            }
            PlansKey::New => return Some(Outcome::Build(crate::builder::Request::New)),
            PlansKey::Copy => {
                let id = self.library.plans[plan].item.id.clone();
                return Some(Outcome::Build(crate::builder::Request::Copy(id)));
            }
            PlansKey::Edit => {
                let entry = &self.library.plans[plan];
                if crate::builder::is_own(&entry.origin) {
                    let id = entry.item.id.clone();
                    return Some(Outcome::Build(crate::builder::Request::Edit(id)));
                }
                self.status = Some(Status::Error(crate::tr!(
                    "Deze werkvorm is ingebouwd: c maakt een eigen kopie om aan te passen",
                    "This plan is bundled: c makes an own copy to change"
                )));
            }
            PlansKey::Next => {
                self.screen = Screen::Workshop(match self.follow_up.clone() {
                    Some(follow_up) => WorkshopForm::follow_up(
                        self.library,
                        plan,
                        &self.today,
                        &self.participants,
                        follow_up,
                    ),
                    None => WorkshopForm::new(self.library, plan, &self.today, &self.participants),
                });
            }
        }
        None
    }

    fn menu_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let count = MenuItem::ALL.len();
        let item = match keymap::MENU.action(key) {
            Some(MenuKey::Direct(n)) => MenuItem::ALL[n.min(count - 1)],
            Some(MenuKey::Open) => MenuItem::ALL[self.menu],
            Some(MenuKey::Quit) => return Some(Outcome::Quit),
            Some(MenuKey::Agreements) => {
                self.screen = Screen::Agreements { selected: 0 };
                return Some(Outcome::LoadAgreements);
            }
            // Esc is "back"; on the menu there is no back, and leaving takes a deliberate q.
            None => {
                list_key(&mut self.menu, count, key, true);
                return None;
            }
        };
        self.menu = MenuItem::ALL.iter().position(|i| *i == item).unwrap_or(0);
        match item {
            MenuItem::Workshop => {
                self.follow_up = None;
                self.screen = Screen::Plans { selected: 0 };
                None
            }
            MenuItem::Solo => {
                self.screen = Screen::Solo(SoloForm::new());
                None
            }
            MenuItem::LookBack => {
                self.screen = Screen::LookBack(LookBack::default());
                Some(Outcome::LoadSessions)
            }
            MenuItem::Decks => {
                self.screen = Screen::Decks(Browser::default());
                None
            }
            MenuItem::Quit => Some(Outcome::Quit),
        }
    }

    fn paste(&mut self, text: &str) {
        self.status = None;
        if self.help {
            return;
        }
        match &mut self.screen {
            Screen::Workshop(form) => form.paste(text),
            Screen::Solo(form) => form.paste(text),
            Screen::LookBack(look) if look.rename.is_some() => {
                if let Some((_, field)) = &mut look.rename {
                    field.insert(text);
                }
            }
            Screen::LookBack(look) if look.export.is_some() => {
                if let Some((_, form)) = &mut look.export {
                    form.paste(text);
                }
            }
            Screen::LookBack(look) if look.searching => {
                look.query.insert(text);
                look.selected = 0;
            }
            Screen::Decks(browser) if browser.searching && browser.shown.is_none() => {
                browser.query.insert(text);
                browser.card = 0;
            }
            _ => {}
        }
    }

    /// A card picked at random from `pool`, never the one on show when there is a choice.
    fn draw_from(
        &mut self,
        pool: &[(usize, usize)],
        avoid: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let choices: Vec<(usize, usize)> = if pool.len() > 1 {
            pool.iter().copied().filter(|c| Some(*c) != avoid).collect()
        } else {
            pool.to_vec()
        };
        if choices.is_empty() {
            return None;
        }
        self.draws += 1;
        let mut rng = rng_for(self.seed.wrapping_add(self.draws), "home-draw");
        Some(choices[below(&mut rng, choices.len() as u64) as usize])
    }
}

pub(crate) use crate::list::move_in as list_key;
