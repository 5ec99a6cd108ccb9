//! A round's `draw`: which cards it deals, checked against the plan's `decks`.

use toml::Spanned;

use super::plan_refs::PlanRefs;
use super::raw::RawDraw;
use super::{Checker, MAX_DRAW_COUNT};
use crate::catalog::model::DrawSpec;
use crate::tr;

/// The draw of round `index`; where it names a deck or category is kept in `refs` for the
/// checks against the decks that exist.
pub(super) fn draw_spec(
    c: &mut Checker,
    index: usize,
    draw: &Spanned<RawDraw>,
    plan_decks: &[String],
    refs: &mut PlanRefs,
) -> DrawSpec {
    let raw = draw.get_ref();
    let count = raw.count.as_ref().map_or(1, |n| *n.get_ref());
    if let Some(n) = &raw.count
        && !(1..=MAX_DRAW_COUNT).contains(&count)
    {
        c.report(
            n.span(),
            tr!(
                "`count = {count}`: trek 1 tot en met {MAX_DRAW_COUNT} kaarten",
                "`count = {count}`: draw 1 to {MAX_DRAW_COUNT} cards"
            ),
        );
    }
    match &raw.deck {
        Some(deck) => {
            let name = deck.get_ref();
            if !plan_decks.contains(name) {
                c.report(
                    deck.span(),
                    tr!(
                        "stapel `{name}` staat niet in `decks` van deze werkvorm",
                        "deck `{name}` is not listed in this plan's `decks`"
                    ),
                );
            }
            let category = raw.category.as_ref().map(|c| c.get_ref().clone());
            let at = raw.category.as_ref().map_or(deck.span(), |c| c.span());
            refs.refs.push((name.clone(), category, at));
        }
        None => {
            if let Some(category) = &raw.category {
                refs.session_deck_categories
                    .push((category.get_ref().clone(), category.span()));
            }
        }
    }
    let with: Vec<String> = raw.with.iter().map(|t| c.text(t, "with")).collect();
    let without: Vec<String> = raw.without.iter().map(|t| c.text(t, "without")).collect();
    for tag in &raw.without {
        if with.contains(&tag.get_ref().trim().to_string()) {
            let name = tag.get_ref();
            c.report(
                tag.span(),
                tr!(
                    "tag `{name}` staat in `with` én in `without`",
                    "tag `{name}` is in both `with` and `without`"
                ),
            );
        }
    }
    refs.draws.push((index, draw.span()));
    DrawSpec {
        deck: raw.deck.as_ref().map(|d| d.get_ref().clone()),
        category: raw.category.as_ref().map(|c| c.get_ref().clone()),
        count: count.clamp(1, MAX_DRAW_COUNT) as u32,
        with,
        without,
        form: raw.form.as_ref().map(|f| c.form(f)),
        each: raw.each.as_ref().is_some_and(|e| *e.get_ref()),
    }
}
