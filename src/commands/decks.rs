//! `tafel decks`: every deck with where it came from.

use super::{Context, Outcome};
use crate::catalog::Origin;
use crate::{table, tr};

pub fn run(ctx: &Context) -> Outcome {
    let header = [
        tr!("ID", "ID"),
        tr!("TITEL", "TITLE"),
        tr!("TAAL", "LANGUAGE"),
        tr!("KAARTEN", "CARDS"),
        tr!("HERKOMST", "SOURCE"),
        tr!("CATEGORIEËN", "CATEGORIES"),
    ];
    let rows: Vec<Vec<String>> = ctx
        .library()
        .decks
        .iter()
        .map(|entry| {
            let deck = &entry.item;
            let origin = match &entry.replaced {
                Some(Origin::Bundled) => tr!(
                    "{} (vervangt de ingebouwde)",
                    "{} (replaces the bundled one)",
                    entry.origin
                ),
                Some(other) => tr!("{} (vervangt {})", "{} (replaces {})", entry.origin, other),
                None => entry.origin.to_string(),
            };
            let categories = deck
                .categories
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                deck.id.clone(),
                deck.title.clone(),
                deck.language.clone(),
                deck.cards.len().to_string(),
                origin,
                categories,
            ]
        })
        .collect();
    print!("{}", table::render(&header, &rows));
    Ok(())
}
