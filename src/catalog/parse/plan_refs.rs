//! The checks of a plan against the decks it names, made once every file is read: unknown
//! decks and categories, and what each draw can deal.

use std::ops::Range;

use super::Checker;
use super::suggest::suggestion;
use crate::catalog::model::{Deck, Plan, SAFETY_TAG};
use crate::catalog::problem::Problem;
use crate::tr;

/// Where a plan refers to decks and categories, kept to report problems found later.
#[derive(Debug, Default, Clone)]
pub struct PlanRefs {
    /// (deck id, category id or None, position of the reference)
    pub(super) refs: Vec<(String, Option<String>, Range<usize>)>,
    /// Categories named by rounds without a deck: resolved against the plan's first deck.
    pub(super) session_deck_categories: Vec<(String, Range<usize>)>,
    /// (round index, position of its `draw`), for checks on what a draw can deal.
    pub(super) draws: Vec<(usize, Range<usize>)>,
}

/// Checks a plan's deck and category references against the decks that are known.
pub fn check_plan_refs<'d>(
    file: &str,
    text: &str,
    plan: &Plan,
    refs: &PlanRefs,
    find_deck: &dyn Fn(&str) -> Option<&'d Deck>,
    all_deck_ids: &[String],
) -> Vec<Problem> {
    let mut c = Checker::new(file, text);
    let mut checks: Vec<(String, Option<String>, Range<usize>)> = refs.refs.clone();
    if let Some(deck) = plan.decks.first() {
        for (category, span) in &refs.session_deck_categories {
            checks.push((deck.clone(), Some(category.clone()), span.clone()));
        }
    }
    for (deck_id, category, span) in checks {
        match find_deck(&deck_id) {
            None => {
                let hint = suggestion(&deck_id, all_deck_ids.iter().map(String::as_str));
                c.report(
                    span,
                    tr!(
                        "onbekende stapel `{deck_id}`{hint}",
                        "unknown deck `{deck_id}`{hint}"
                    ),
                );
            }
            Some(deck) => {
                if let Some(category) = category
                    && deck.category(&category).is_none()
                {
                    let hint = suggestion(&category, deck.categories.iter().map(|c| c.id.as_str()));
                    c.report(
                        span,
                        tr!(
                            "stapel `{deck_id}` heeft geen categorie `{category}`{hint}",
                            "deck `{deck_id}` has no category `{category}`{hint}"
                        ),
                    );
                }
            }
        }
    }
    c.problems
}

/// What a plan's draws can deal, checked by `tafel check` (loading a library does not
/// refuse a plan for this): a draw that can deal no card at all, and a draw that can deal a
/// card tagged `veiligheid` without saying so in `with` or `without` (dealing it blind).
/// A draw from the session's deck of a plan with `decks = []` can deal any known deck.
pub fn check_plan_draws<'d>(
    file: &str,
    text: &str,
    plan: &Plan,
    refs: &PlanRefs,
    find_deck: &dyn Fn(&str) -> Option<&'d Deck>,
    all_decks: &[&'d Deck],
) -> Vec<Problem> {
    let mut c = Checker::new(file, text);
    for (index, span) in &refs.draws {
        let Some(draw) = plan.rounds.get(*index).and_then(|r| r.draw.as_ref()) else {
            continue;
        };
        let decks: Vec<&Deck> = match draw
            .deck
            .as_deref()
            .or(plan.decks.first().map(String::as_str))
        {
            Some(id) => find_deck(id).into_iter().collect(),
            None => all_decks.to_vec(),
        };
        if decks.is_empty() {
            continue; // An unknown deck is reported by `check_plan_refs`.
        }
        let dealt = || {
            decks
                .iter()
                .flat_map(|d| d.cards.iter())
                .filter(|card| draw.admits(card))
        };
        // A category that belongs to none of the decks is reported elsewhere; with the
        // session's deck open, only a fixed deck can be checked for an empty draw.
        let category_known = draw
            .category
            .as_ref()
            .is_none_or(|cat| decks.iter().any(|d| d.category(cat).is_some()));
        if dealt().next().is_none() && category_known && decks.len() == 1 {
            c.report(
                span.clone(),
                tr!(
                    "deze trekking vindt geen enkele kaart (kijk naar `category`, `with` en `without`)",
                    "this draw finds no card at all (look at `category`, `with` and `without`)"
                ),
            );
        }
        // A turn round deals a card to each person in turn: the largest group the plan is
        // made for needs that many.
        let round = &plan.rounds[*index];
        let group = plan.guide.group_size.map_or(0, |size| size.max);
        let needed = if round.turns && draw.each {
            draw.count.max(group)
        } else {
            draw.count
        } as usize;
        let available = dealt().count();
        if decks.len() == 1 && category_known && available > 0 && available < needed {
            let message = if needed > draw.count as usize {
                tr!(
                    "deze beurtronde deelt iedereen een kaart, maar de trekking vindt er {available} voor een groep van hooguit {group}: verlaag `group_size.max`, kies een ruimere categorie of haal `turns` weg",
                    "this turn round deals everyone a card, but the draw finds {available} for a group of up to {group}: lower `group_size.max`, choose a wider category or drop `turns`"
                )
            } else {
                tr!(
                    "deze trekking vraagt {needed} kaarten, maar vindt er {available}",
                    "this draw asks for {needed} cards but finds {available}"
                )
            };
            c.report(span.clone(), message);
        }
        if !draw.names_tag(SAFETY_TAG) && dealt().any(|card| card.has_tag(SAFETY_TAG)) {
            c.report(span.clone(), blind_safety_message());
        }
    }
    c.problems
}

/// The problem of a draw that could deal cards tagged `veiligheid` blind (the builder puts
/// its own field's words in its place).
pub fn blind_safety_message() -> String {
    tr!(
        "deze trekking kan kaarten met de tag `{SAFETY_TAG}` delen (lastig met een leidinggevende erbij) zonder dat de werkvorm het zegt: zet `without = [\"{SAFETY_TAG}\"]` in `draw`, of `with = [\"{SAFETY_TAG}\"]` om ze bewust te delen",
        "this draw can deal cards tagged `{SAFETY_TAG}` (hard with a manager in the room) without the plan saying so: put `without = [\"{SAFETY_TAG}\"]` in `draw`, or `with = [\"{SAFETY_TAG}\"]` to deal them on purpose"
    )
}
