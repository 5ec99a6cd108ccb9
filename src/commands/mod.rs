//! The subcommands, one file each. The non-interactive ones print to stdout; the
//! interactive ones (home, run, solo, resume, replay, room) build their screens and hand them
//! to the one loop, `runtime::run`. Each returns how the process should end; `main` maps a
//! `Failure` to its exit code, once.

pub mod agreements;
pub mod build;
pub mod check;
pub mod config;
pub mod decks;
pub mod draw;
pub mod export;
pub mod home;
pub mod manage;
pub mod plans;
pub mod print;
pub mod replay;
pub mod resume;
pub mod room;
pub mod run;
pub mod sessions;
pub mod solo;
pub mod styles;

use std::path::PathBuf;

use crate::catalog::Library;
use crate::catalog::parse::suggestion;
use crate::catalog::select::Wanted;
use crate::history::manage::{ManageError, RenameError};
use crate::history::resolve::ResolveError;
use crate::history::summary::SummaryError;
use crate::tr;

/// How a command failed. `main` turns it into an exit code, and nothing else looks at it
/// to decide what to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// Wrong use: an unknown id, an impossible count, no terminal.
    Usage,
    /// A check found problems, or a file could not be read or written.
    Failed,
}

/// A command that could not do what was asked, in words for the user.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
}

impl Failure {
    pub fn usage(message: String) -> Self {
        Failure {
            kind: FailureKind::Usage,
            message,
        }
    }

    pub fn failed(message: String) -> Self {
        Failure {
            kind: FailureKind::Failed,
            message,
        }
    }
}

/// The session index could not be used at all: the command fails (exit code 1).
impl From<crate::history::error::IndexError> for Failure {
    fn from(err: crate::history::error::IndexError) -> Self {
        Failure::failed(err.to_string())
    }
}

/// No single session is meant by what was typed: wrong use (exit code 2).
impl From<ResolveError> for Failure {
    fn from(err: ResolveError) -> Self {
        Failure::usage(err.to_string())
    }
}

/// A journal without a summary (unreadable, damaged): the command fails (exit code 1).
impl From<SummaryError> for Failure {
    fn from(err: SummaryError) -> Self {
        Failure::failed(err.to_string())
    }
}

/// A title that could not be given: the command fails (exit code 1), a wrong title too.
impl From<RenameError> for Failure {
    fn from(err: RenameError) -> Self {
        Failure::failed(err.to_string())
    }
}

/// Into the trash or back: what the user asked for that cannot be (no such session, a
/// name taken) is wrong use (exit code 2); a file that cannot be moved fails (exit code 1).
impl From<ManageError> for Failure {
    fn from(err: ManageError) -> Self {
        let kind = match &err {
            ManageError::Resolve(_)
            | ManageError::TrashEmpty
            | ManageError::NotAnId
            | ManageError::NotInTrash { .. }
            | ManageError::Exists { .. } => FailureKind::Usage,
            ManageError::NotOwn { .. }
            | ManageError::TrashNotPlain { .. }
            | ManageError::MakeTrash { .. }
            | ManageError::ReadTrash { .. }
            | ManageError::Read { .. }
            | ManageError::NotPlainFile { .. }
            | ManageError::Journal(_)
            | ManageError::Move { .. } => FailureKind::Failed,
        };
        Failure {
            kind,
            message: err.to_string(),
        }
    }
}

pub type Outcome = Result<(), Failure>;

/// Standard input and output are both a terminal (not a pipe or a file).
pub fn on_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The interactive commands refuse a pipe with a clear message instead of a broken screen.
pub fn require_terminal(command: &str) -> Result<(), Failure> {
    if on_terminal() {
        Ok(())
    } else {
        Err(Failure::usage(tr!(
            "tafel {command} heeft een terminal nodig (geen pijp of bestand)",
            "tafel {command} needs a terminal (not a pipe or a file)"
        )))
    }
}

/// What every command may need: the decks and plans, where sessions live, and the settings
/// in effect (with where each comes from).
pub struct Context {
    /// The decks, plans and style sets, read on first use: a command that needs none of them
    /// (listing, replaying, exporting sessions) reads no deck file.
    library: std::cell::OnceCell<Library>,
    /// The library read again after the plan builder saved a plan: the home screen and the
    /// screens it opens borrow from it for as long as tafel runs (a few, at most).
    reread: typed_arena::Arena<Library>,
    /// Only the files the first deck or plan asked for needs (see `catalog::select`), when
    /// that could be done; anything it lacks comes from the whole library.
    selected: std::cell::OnceCell<Option<Library>>,
    /// Whether problems in the deck files are said when they are read (`check` reports them
    /// itself).
    warn_about_decks: bool,
    pub sessions_dir: Option<PathBuf>,
    pub settings: crate::config::Settings,
}

impl Context {
    pub fn new(settings: crate::config::Settings, warn_about_decks: bool) -> Context {
        Context {
            library: std::cell::OnceCell::new(),
            reread: typed_arena::Arena::new(),
            selected: std::cell::OnceCell::new(),
            warn_about_decks,
            sessions_dir: settings.sessions_dir.value.clone(),
            settings,
        }
    }

    /// A context with this library already read (tests).
    pub fn with_library(settings: crate::config::Settings, library: Library) -> Context {
        let ctx = Context::new(settings, false);
        let _ = ctx.library.set(library);
        ctx
    }

    /// The decks, plans and style sets, read (and their problems said) the first time.
    pub fn library(&self) -> &Library {
        self.library.get_or_init(|| {
            let library = crate::storage::decks::load_library(&self.settings.deck_dirs());
            if self.warn_about_decks {
                for problem in &library.problems {
                    eprintln!(
                        "{}",
                        tr!(
                            "waarschuwing: {problem} (overgeslagen)",
                            "warning: {problem} (skipped)"
                        )
                    );
                }
            }
            library
        })
    }

    /// The decks, plans and style sets as they are on disk now (after the builder saved a
    /// plan). Problems were said the first time and show on the home screen.
    pub fn library_again(&self) -> &Library {
        self.reread.alloc(crate::storage::decks::load_library(
            &self.settings.deck_dirs(),
        ))
    }

    /// The library of only the files `wanted` needs, unless the whole one is read already
    /// (or the first thing asked for decided otherwise).
    fn selected(&self, wanted: Wanted) -> Option<&Library> {
        if self.library.get().is_some() {
            return None;
        }
        self.selected
            .get_or_init(|| {
                crate::storage::decks::load_selected(&self.settings.deck_dirs(), wanted)
            })
            .as_ref()
    }

    pub fn deck(&self, id: &str) -> Result<&crate::catalog::Deck, Failure> {
        if let Some(deck) = self.selected(Wanted::Deck(id)).and_then(|l| l.deck(id)) {
            return Ok(deck);
        }
        self.library().deck(id).ok_or_else(|| {
            let hint = suggestion(id, self.library().decks.iter().map(|e| e.item.id.as_str()));
            Failure::usage(tr!(
                "onbekende stapel `{id}`{hint} (zie `tafel decks`)",
                "unknown deck `{id}`{hint} (see `tafel decks`)"
            ))
        })
    }

    /// A style set, from the files read for the plan when it is there.
    pub fn style_set(&self, id: &str) -> Option<&crate::catalog::StyleSet> {
        let selected = match self.library.get() {
            Some(_) => None,
            None => self.selected.get().and_then(Option::as_ref),
        };
        selected
            .and_then(|l| l.style_set(id))
            .or_else(|| self.library().style_set(id))
    }

    pub fn plan(&self, id: &str) -> Result<&crate::catalog::Plan, Failure> {
        if let Some(plan) = self.selected(Wanted::Plan(id)).and_then(|l| l.plan(id)) {
            return Ok(plan);
        }
        self.library().plan(id).ok_or_else(|| {
            let hint = suggestion(id, self.library().plans.iter().map(|e| e.item.id.as_str()));
            Failure::usage(tr!(
                "onbekende werkvorm `{id}`{hint} (zie `tafel plans`)",
                "unknown plan `{id}`{hint} (see `tafel plans`)"
            ))
        })
    }
}
