//! The text fields of every screen, low in the house so `app/`, `home/`, `replay/` and
//! `builder/` share them: [`LineInput`] for one line, [`MultiLineInput`] for notes and
//! instructions. Both take tafel's own keys and clean what is typed or pasted
//! (`rules::clean_typed`); the views in `ui/` only draw them.

pub mod keymap;
mod line;
mod multiline;

pub use line::LineInput;
pub use multiline::MultiLineInput;
