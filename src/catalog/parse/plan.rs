//! A plan (werkvorm): its header, its guide and its rounds.

use toml::Spanned;

use super::plan_refs::PlanRefs;
use super::raw::{RawFile, RawPlan};
use super::round::plan_round;
use super::{Checker, MAX_GROUP_SIZE};
use crate::catalog::model::{GroupSize, Guide, Plan, Round, RoundKind};
use crate::tr;

/// The plan of a file with a `[plan]` table, and where it names decks and categories.
pub(super) fn plan(c: &mut Checker, raw: RawFile) -> Option<(Plan, PlanRefs)> {
    let header_span = raw.plan.as_ref()?.span();
    let header = raw.plan?.into_inner();
    c.report_strays(
        raw.category
            .iter()
            .map(|s| s.span())
            .chain(raw.card.iter().map(|s| s.span())),
        tr!(
            "[[category]] en [[card]] horen in een stapel, niet in een werkvorm",
            "[[category]] and [[card]] belong in a deck, not in a plan"
        ),
    );
    let id = c.id(&header.id, "werkvorm");
    if let Err(reserved) = crate::rules::reserved_plan_id(&id) {
        c.report(header.id.span(), reserved.to_string());
    }
    let title = c.text(&header.title, "title");
    let description = c.text(&header.description, "description");
    let guide = guide(c, &header);
    c.unique(header.decks.iter(), "stapel");
    let decks: Vec<String> = header.decks.iter().map(|d| c.id(d, "stapel")).collect();
    if raw.round.is_empty() {
        c.report(
            header_span,
            tr!(
                "de werkvorm heeft geen [[round]]",
                "the plan has no [[round]]"
            ),
        );
    }

    let mut refs = PlanRefs::default();
    for deck in &header.decks {
        refs.refs.push((deck.get_ref().clone(), None, deck.span()));
    }
    let rounds = raw
        .round
        .iter()
        .enumerate()
        .map(|(index, round)| {
            let after_teams = raw.round[..index].iter().any(|r| r.get_ref().is_teams());
            plan_round(c, index, round, after_teams, &decks, &mut refs)
        })
        .collect::<Option<Vec<Round>>>()?;
    if !rounds.iter().any(|r| matches!(r.kind, RoundKind::Teams(_))) {
        for per_team in raw
            .round
            .iter()
            .filter_map(|r| r.get_ref().per_team.as_ref())
        {
            c.report(
                per_team.span(),
                tr!(
                    "`per_team` telt de teams van een teamronde, maar deze werkvorm heeft geen ronde met `kind = \"teams\"`: voeg er een toe of gebruik `per_person`",
                    "`per_team` counts the teams of a teams round, but this plan has no round with `kind = \"teams\"`: add one or use `per_person`"
                ),
            );
        }
    }
    let mut plan = Plan {
        id,
        title,
        description,
        decks,
        rounds,
        guide: Box::new(guide),
        resolved_for: None,
    };
    plan.resolve_lengths(crate::catalog::NOMINAL_GROUP);
    Some((plan, refs))
}

/// The optional description of a werkvorm: doel, voor wie, groepsgrootte, wat je nodig hebt,
/// tips and variaties.
fn guide(c: &mut Checker, header: &RawPlan) -> Guide {
    let group_size = header.group_size.as_ref().map(|size| {
        let raw = size.get_ref();
        let (min, max) = (*raw.min.get_ref(), *raw.max.get_ref());
        if !(1..=MAX_GROUP_SIZE).contains(&min) || !(1..=MAX_GROUP_SIZE).contains(&max) {
            c.report(
                size.span(),
                tr!(
                    "`group_size`: kies aantallen van 1 tot en met {MAX_GROUP_SIZE}",
                    "`group_size`: choose numbers from 1 to {MAX_GROUP_SIZE}"
                ),
            );
        } else if min > max {
            c.report(
                raw.max.span(),
                tr!(
                    "`group_size`: `max` ({max}) is kleiner dan `min` ({min})",
                    "`group_size`: `max` ({max}) is smaller than `min` ({min})"
                ),
            );
        }
        GroupSize {
            min: min.clamp(1, MAX_GROUP_SIZE) as u32,
            max: max.clamp(1, MAX_GROUP_SIZE) as u32,
        }
    });
    let mut list = |items: &[Spanned<String>], field: &str| -> Vec<String> {
        items.iter().map(|item| c.text(item, field)).collect()
    };
    let needs = list(&header.needs, "needs");
    let tips = list(&header.tips, "tips");
    let variations = list(&header.variations, "variations");
    Guide {
        goal: header.goal.as_ref().map(|g| c.text(g, "goal")),
        audience: header.audience.as_ref().map(|a| c.text(a, "audience")),
        group_size,
        needs,
        tips,
        variations,
    }
}
