//! `tafel plans`: every session plan with its rounds, length, group size and decks.

use super::{Context, Outcome};
use crate::catalog::Plan;
use crate::{table, tr};

pub fn run(ctx: &Context) -> Outcome {
    let header = [
        tr!("ID", "ID"),
        tr!("TITEL", "TITLE"),
        tr!("RONDES", "ROUNDS"),
        tr!("MINUTEN", "MINUTES"),
        tr!("GROEP", "GROUP"),
        tr!("STAPELS", "DECKS"),
    ];
    let rows: Vec<Vec<String>> = ctx
        .library
        .plans
        .iter()
        .map(|entry| {
            let plan = &entry.item;
            let decks = if plan.decks.is_empty() {
                tr!("(elke stapel)", "(any deck)")
            } else {
                plan.decks.join(", ")
            };
            vec![
                plan.id.clone(),
                plan.title.clone(),
                plan.rounds.len().to_string(),
                minutes_label(plan),
                plan.guide
                    .group_size
                    .map_or_else(|| "-".to_string(), |size| size.to_string()),
                decks,
            ]
        })
        .collect();
    print!("{}", table::render(&header, &rows));
    Ok(())
}

/// "90", or "60 + 1 tot kloktijd" when rounds run until a time of day.
pub fn minutes_label(plan: &Plan) -> String {
    match plan.until_rounds() {
        0 => plan.total_minutes().to_string(),
        n => tr!(
            "{} + {} tot kloktijd",
            "{} + {} until a clock time",
            plan.total_minutes(),
            n
        ),
    }
}
