//! Parsing and validating one deck or plan file. Pure: text in, model or problems out.
//! Cross-file checks (a plan that names an unknown deck) are in `check_plan_refs`.
//!
//! One job per file: `raw` reads the TOML into its schema, `checker` collects problems and
//! checks single fields, `deck`, `plan`, `round`, `draw` and `length` build the model,
//! `plan_refs` checks a plan against the decks it names, `suggest` finds the nearest id.

mod checker;
mod deck;
mod draw;
mod length;
mod plan;
mod plan_refs;
mod raw;
mod round;
mod suggest;
#[cfg(test)]
mod tests;

pub(super) use checker::Checker;
pub use checker::is_valid_id;
pub use plan_refs::{PlanRefs, blind_safety_message, check_plan_draws, check_plan_refs};
pub use suggest::{did_you_mean, nearest, suggestion};

use chrono::NaiveTime;

use super::model::{Deck, Plan};
use super::problem::Problem;
use super::styles::{StyleSet, style_set};
use crate::tr;
use raw::{RawFile, read_raw};

pub use crate::rules::MAX_ROUND_MINUTES;
pub const MAX_DRAW_COUNT: i64 = 20;
pub const MAX_GROUP_SIZE: i64 = 500;
/// The most a round may add per person, in minutes.
pub const MAX_PER_PERSON: f64 = 10.0;
/// The most a round may add per team, in minutes.
pub const MAX_PER_TEAM: f64 = 30.0;

/// What a file turned out to be.
#[derive(Debug)]
pub enum Parsed {
    Deck(Deck),
    Plan(Plan, PlanRefs),
    /// Preference styles and their questionnaire (`[styles]`, see `catalog::styles`).
    Styles(StyleSet),
}

/// Parses and validates one file. `file` is the name used in problem reports.
pub fn parse(file: &str, text: &str) -> Result<Parsed, Vec<Problem>> {
    let mut checker = Checker::new(file, text);
    let Some(raw) = read_raw(&mut checker, text) else {
        return Err(checker.problems);
    };
    if raw.styles.is_some() {
        let parsed = styles_file(&mut checker, raw);
        return match parsed {
            Some(set) if checker.problems.is_empty() => Ok(Parsed::Styles(set)),
            _ => Err(checker.problems),
        };
    }
    checker.report_strays(
        raw.style
            .iter()
            .map(|s| s.span())
            .chain(raw.statement.iter().map(|s| s.span())),
        tr!(
            "[[style]] en [[statement]] horen in een stijlenset ([styles]), niet in een stapel of werkvorm",
            "[[style]] and [[statement]] belong in a style set ([styles]), not in a deck or plan"
        ),
    );
    let parsed = match (&raw.deck, &raw.plan) {
        (Some(_), Some(plan)) => {
            checker.report(
                plan.span(),
                tr!(
                    "een bestand is óf een stapel ([deck]) óf een werkvorm ([plan]), niet allebei",
                    "a file is either a deck ([deck]) or a plan ([plan]), not both"
                ),
            );
            None
        }
        (Some(_), None) => deck::deck(&mut checker, raw).map(Parsed::Deck),
        (None, Some(_)) => plan::plan(&mut checker, raw).map(|(p, r)| Parsed::Plan(p, r)),
        (None, None) => {
            checker.report(
                0..0,
                tr!(
                    "geen [deck]-, [plan]- of [styles]-tabel: dit is geen stapel, werkvorm of stijlenset",
                    "no [deck], [plan] or [styles] table: this is neither a deck, a plan nor a style set"
                ),
            );
            None
        }
    };
    match parsed {
        Some(parsed) if checker.problems.is_empty() => Ok(parsed),
        _ => Err(checker.problems),
    }
}

/// A styles file: only `[styles]`, `[[style]]` and `[[statement]]`.
fn styles_file(c: &mut Checker, raw: RawFile) -> Option<StyleSet> {
    let strays = [
        raw.deck.as_ref().map(|d| d.span()),
        raw.plan.as_ref().map(|p| p.span()),
    ]
    .into_iter()
    .flatten()
    .chain(raw.category.iter().map(|s| s.span()))
    .chain(raw.card.iter().map(|s| s.span()))
    .chain(raw.round.iter().map(|s| s.span()));
    c.report_strays(
        strays.collect::<Vec<_>>(),
        tr!(
            "een stijlenset ([styles]) bevat alleen [[style]] en [[statement]]",
            "a style set ([styles]) holds only [[style]] and [[statement]]"
        ),
    );
    let header = raw.styles?;
    Some(style_set(c, header, &raw.style, &raw.statement))
}

/// "14:30" or "9:05" → a time of day.
pub fn parse_clock_time(text: &str) -> Option<NaiveTime> {
    crate::clock_time::parse(text)
}
