//! The plan builder: make a werkvorm without writing TOML. A new plan, a copy of any plan,
//! or an own plan edited in place.
//!
//! Like the session app and the home screen it is a pure state machine: keys, pastes and the
//! time of day go in, and at most one [`Outcome`] comes out (save this text there, or leave).
//! It reads no files and no clock; `storage::plan_file` writes, `ui::builder` draws.

pub mod keymap;

// One job each: the form's fields and rounds, reading it as a plan, checking it, the keys
// that edit it, and saving.
mod fields;
mod input;
mod labels;
mod open;
mod plan_text;
mod problems;
mod round_edit;
mod round_form;
mod round_model;
mod rounds_list;
mod safety;
mod save;
mod schedule;

pub use fields::{
    INSTRUCTION_CHARS, LENGTH_KINDS, LengthKind, PLAN_FIELDS, PlanField, PlanForm, RoundField,
    SORTS, Sort,
};
pub use labels::{
    VOTE_SOURCES, category_label, deck_label, form_choice_label, is_own, kind_label, sort_label,
    team_by_label, vote_by_label, vote_from_label,
};
pub use round_form::RoundForm;
pub use safety::{Safety, safety_label};

use std::path::PathBuf;

use chrono::NaiveTime;

use crate::app::Status;
use crate::catalog::{Library, Plan};
use crate::keys::KeyEvent;

/// What to build from: a new plan, a copy of any plan, or an own plan edited (by id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    New,
    Copy(String),
    Edit(String),
}

#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
}

/// What the shell is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Write `text` to `path` (a new file must not overwrite one), then [`Builder::saved`].
    Save {
        path: PathBuf,
        text: String,
        new_file: bool,
    },
    /// Back to the home screen; `saved` is the id of the plan saved, if any.
    Close { saved: Option<String> },
}

/// Where the plan goes when it is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new file `<id>.toml` in this directory (the user's own decks directory).
    New { dir: PathBuf },
    /// An own file, edited in place: its text as it was read, so comments survive.
    Own { path: PathBuf, original: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Rounds {
        selected: usize,
    },
    Round {
        index: usize,
        field: RoundField,
    },
    Plan {
        field: PlanField,
    },
    /// Leave without saving? (`j` leaves, anything else stays.)
    ConfirmLeave,
}

#[derive(Debug)]
pub struct Builder<'a> {
    library: &'a Library,
    /// The plan as it was opened (its guide and decks are kept).
    base: Plan,
    pub plan: PlanForm,
    pub rounds: Vec<RoundForm>,
    /// For each round, its index in the file as it was opened (`None`: new).
    origins: Vec<Option<usize>>,
    pub target: Target,
    pub view: View,
    pub status: Option<Status>,
    /// The key help of the view is shown (F1); any key closes it.
    pub help: bool,
    /// Changed since it was opened or last saved.
    pub dirty: bool,
    /// The id is made from the title as it is typed: a new plan whose id field the user
    /// has not edited (an own file keeps its name).
    id_follows_title: bool,
    /// The id saved last, reported when leaving.
    saved: Option<String>,
    /// The time of day of the last input, for clock times without a start.
    now: NaiveTime,
}

impl Builder<'_> {
    pub fn library(&self) -> &Library {
        self.library
    }

    pub fn plan_decks(&self) -> &[String] {
        &self.base.decks
    }
}
