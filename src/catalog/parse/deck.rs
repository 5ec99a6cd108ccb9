//! A deck: its header, categories and cards.

use super::Checker;
use super::raw::RawFile;
use super::suggest::suggestion;
use crate::catalog::model::{Card, Category, Deck, SAFETY_TAG};
use crate::tr;

/// The deck of a file with a `[deck]` table.
pub(super) fn deck(c: &mut Checker, raw: RawFile) -> Option<Deck> {
    let header_span = raw.deck.as_ref()?.span();
    let header = raw.deck?.into_inner();
    for round in &raw.round {
        c.report(
            round.span(),
            tr!(
                "[[round]] hoort in een werkvorm, niet in een stapel",
                "[[round]] belongs in a plan, not in a deck"
            ),
        );
    }
    let deck_id = c.id(&header.id, "stapel");
    let title = c.text(&header.title, "title");
    let description = c.text(&header.description, "description");
    let language = c.text(&header.language, "language");
    let source = c.optional_line(&header.source, "source");
    let license = c.optional_line(&header.license, "license");

    if raw.category.is_empty() {
        c.report(
            header_span.clone(),
            tr!(
                "de stapel heeft geen [[category]]",
                "the deck has no [[category]]"
            ),
        );
    }
    if raw.card.is_empty() {
        c.report(
            header_span,
            tr!("de stapel heeft geen [[card]]", "the deck has no [[card]]"),
        );
    }
    c.unique(
        raw.category.iter().map(|cat| &cat.get_ref().id),
        "categorie",
    );
    c.unique(raw.card.iter().map(|card| &card.get_ref().id), "kaart");

    let categories: Vec<Category> = raw
        .category
        .iter()
        .map(|cat| {
            let cat = cat.get_ref();
            Category {
                id: c.id(&cat.id, "categorie"),
                title: c.text(&cat.title, "title"),
                description: cat
                    .description
                    .as_ref()
                    .map(|d| {
                        c.no_controls(d, "description");
                        d.get_ref().replace("\r\n", "\n").trim().to_string()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let category_ids: Vec<&str> = categories.iter().map(|cat| cat.id.as_str()).collect();

    let cards = raw
        .card
        .iter()
        .map(|card| {
            let card = card.get_ref();
            let category = card.category.get_ref();
            if !category_ids.contains(&category.as_str()) {
                let hint = suggestion(category, category_ids.iter().copied());
                c.report(
                    card.category.span(),
                    tr!(
                        "onbekende categorie `{category}`{hint}",
                        "unknown category `{category}`{hint}"
                    ),
                );
            }
            let safety = card.tags.iter().find(|t| t.get_ref().trim() == SAFETY_TAG);
            if let (Some(tag), None) = (safety, &card.hint) {
                c.report(
                    tag.span(),
                    tr!(
                        "een kaart met de tag `{SAFETY_TAG}` heeft een `hint` voor de begeleider nodig: hoe stel je deze vraag veilig?",
                        "a card tagged `{SAFETY_TAG}` needs a facilitator's `hint`: how to ask this question safely?"
                    ),
                );
            }
            Card {
                id: c.id(&card.id, "kaart"),
                category: category.clone(),
                title: c.text(&card.title, "title"),
                prompt: c.text(&card.prompt, "prompt"),
                hint: card.hint.as_ref().map(|h| c.text(h, "hint")),
                tags: card.tags.iter().map(|t| c.text(t, "tags")).collect(),
                form: card.form.as_ref().map(|f| c.form(f)),
                minutes: card.minutes.as_ref().map(|m| c.minutes(m, "minutes", 1)),
            }
        })
        .collect();

    Some(Deck {
        id: deck_id,
        title,
        description,
        language,
        source,
        license,
        categories,
        cards,
    })
}
