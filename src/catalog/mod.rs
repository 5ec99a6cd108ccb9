//! Decks and session plans: the model, parsing and validation, and where they come from.

pub mod bundled;
pub mod kinds;
pub mod library;
pub mod model;
pub mod parse;
pub mod problem;
pub mod shuffle;
pub mod styles;

pub use library::{Library, Origin};
pub use model::{
    Card, Category, Deck, DrawSpec, GroupSize, Guide, Plan, Round, RoundKind, RoundLength,
    SAFETY_TAG, TeamCount, TeamSpec, VoteSource, VoteSpec,
};
pub use problem::Problem;
pub use styles::{Style, StyleSet};
