//! One `[[round]]` of a plan: its kind, turns, length, draw and roles.

use toml::Spanned;

use super::Checker;
use super::draw::draw_spec;
use super::length::round_length;
use super::plan_refs::PlanRefs;
use super::raw::RawRound;
use crate::catalog::kinds::{round_kind, round_turns};
use crate::catalog::model::Round;
use crate::tr;

/// Round `index`; `after_teams` says a teams round came before it.
pub(super) fn plan_round(
    c: &mut Checker,
    index: usize,
    round: &Spanned<RawRound>,
    after_teams: bool,
    plan_decks: &[String],
    refs: &mut PlanRefs,
) -> Option<Round> {
    let span = round.span();
    let round = round.get_ref();
    let kind = round_kind(
        c,
        span.clone(),
        round.kind.as_ref(),
        round.teams.as_ref(),
        round.vote.as_ref(),
    );
    let (turns, team_turns) = round_turns(c, round.turns.as_ref(), &kind, after_teams);
    let (length, scale) = round_length(c, span, round);
    let draw = round
        .draw
        .as_ref()
        .map(|draw| draw_spec(c, index, draw, plan_decks, refs));
    if let Some(each) = round.draw.as_ref().and_then(|d| d.get_ref().each.as_ref())
        && *each.get_ref()
        && !turns
    {
        c.report(
            each.span(),
            tr!(
                "`each = true` (ieder trekt in zijn beurt een kaart) hoort bij een ronde met `turns = true`",
                "`each = true` (everyone draws a card in their turn) belongs in a round with `turns = true`"
            ),
        );
    }
    let roles: Vec<String> = round.roles.iter().map(|r| c.text(r, "roles")).collect();
    c.unique(round.roles.iter(), "rol");
    Some(Round {
        title: c.text(&round.title, "title"),
        length,
        scale,
        instruction: c.text(&round.instruction, "instruction"),
        draw,
        turns,
        team_turns,
        roles,
        kind,
    })
}
