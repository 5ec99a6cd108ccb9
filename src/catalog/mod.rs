//! Decks and session plans: the model, parsing and validation, and where they come from.

pub mod bundled;
pub mod kinds;
pub mod library;
pub mod model;
pub mod parse;
pub mod plan_file_error;
pub mod problem;
pub mod select;
pub mod shuffle;
pub mod styles;
pub mod timing;
pub mod write;

pub use library::{Library, Origin};
pub use model::{
    CARD_FORMS, Card, Category, Deck, DrawSpec, GroupSize, Guide, NOMINAL_GROUP, Plan, Round,
    RoundKind, RoundLength, SAFETY_TAG, Scale, TeamCount, TeamSpec, VoteSource, VoteSpec,
    form_label, teams_text,
};
pub use plan_file_error::PlanFileError;
pub use problem::Problem;
pub use styles::{Style, StyleSet};
