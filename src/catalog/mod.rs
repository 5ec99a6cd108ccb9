//! Decks and session plans: the model, parsing and validation, and where they come from.

pub mod bundled;
pub mod library;
pub mod model;
pub mod parse;
pub mod problem;
pub mod shuffle;

pub use library::{Library, Origin};
pub use model::{
    Card, Category, Deck, DrawSpec, GroupSize, Guide, Plan, Round, RoundLength, SAFETY_TAG,
};
pub use problem::Problem;
