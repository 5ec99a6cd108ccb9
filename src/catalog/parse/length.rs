//! How long a round lasts: fixed minutes, until a clock time, or scaled with the group.

use std::ops::Range;

use super::raw::RawRound;
use super::{Checker, MAX_PER_PERSON, MAX_PER_TEAM, MAX_ROUND_MINUTES, parse_clock_time};
use crate::catalog::model::{RoundLength, Scale};
use crate::tr;

/// A round's length: `minutes`, or `until` a clock time, or a fixed part plus `per_person`
/// (with optional `min_minutes` and `max_minutes`). A scaled round's length is resolved for
/// the plan's nominal group until a session resolves it for its own.
pub(super) fn round_length(
    c: &mut Checker,
    span: Range<usize>,
    round: &RawRound,
) -> (RoundLength, Option<Scale>) {
    if let (Some(_), Some(per_team)) = (&round.per_person, &round.per_team) {
        c.report(
            per_team.span(),
            tr!(
                "geef `per_person` óf `per_team`, niet allebei",
                "give `per_person` or `per_team`, not both"
            ),
        );
    }
    let growth = match (&round.per_person, &round.per_team) {
        (Some(pp), _) => Some((pp, "per_person", MAX_PER_PERSON)),
        (None, Some(pt)) => Some((pt, "per_team", MAX_PER_TEAM)),
        (None, None) => None,
    };
    if let Some((per, field, most)) = growth {
        let value = *per.get_ref();
        if !(value > 0.0 && value <= most) {
            c.report(
                per.span(),
                tr!(
                    "`{field} = {value}` kan niet: kies een aantal minuten groter dan 0 en hooguit {most} (1.25 is 75 seconden)",
                    "`{field} = {value}` is not possible: choose minutes above 0 and at most {most} (1.25 is 75 seconds)"
                ),
            );
        }
        if let Some(until) = &round.until {
            c.report(
                until.span(),
                tr!(
                    "een ronde met `{field}` loopt niet `until` een kloktijd: kies één van beide",
                    "a round with `{field}` does not run `until` a clock time: choose one"
                ),
            );
        }
        let base = round
            .minutes
            .as_ref()
            .map_or(0, |m| c.minutes(m, "minutes", 0));
        let min = round
            .min_minutes
            .as_ref()
            .map(|m| c.minutes(m, "min_minutes", 1));
        let max = round
            .max_minutes
            .as_ref()
            .map(|m| c.minutes(m, "max_minutes", 1));
        if let (Some(low), Some(high), Some(at)) = (min, max, &round.max_minutes)
            && high < low
        {
            c.report(
                at.span(),
                tr!(
                    "`max_minutes` ({high}) is kleiner dan `min_minutes` ({low})",
                    "`max_minutes` ({high}) is smaller than `min_minutes` ({low})"
                ),
            );
        }
        let seconds = (value.clamp(0.0, most) * 60.0).round() as u32;
        let per_team = field == "per_team";
        let scale = Scale {
            base_minutes: base,
            per_person_seconds: if per_team { 0 } else { seconds },
            per_team_seconds: if per_team { seconds } else { 0 },
            min_minutes: min,
            max_minutes: max,
        };
        // The plan gives the length for its nominal group once all rounds are read (the
        // number of teams depends on its teams round).
        let length = RoundLength::Minutes(scale.minutes_for(crate::catalog::NOMINAL_GROUP, 0));
        return (length, Some(scale));
    }
    for bound in [&round.min_minutes, &round.max_minutes]
        .into_iter()
        .flatten()
    {
        c.report(
            bound.span(),
            tr!(
                "`min_minutes` en `max_minutes` horen bij `per_person` of `per_team`: zonder is de ronde altijd `minutes` lang",
                "`min_minutes` and `max_minutes` belong with `per_person` or `per_team`: without it the round always lasts `minutes`"
            ),
        );
    }
    let length = match (&round.minutes, &round.until) {
        (Some(minutes), None) => {
            let m = *minutes.get_ref();
            if let Err(rule) = crate::rules::round_minutes(m) {
                c.report(minutes.span(), rule.to_string());
            }
            RoundLength::Minutes(m.clamp(1, i64::from(MAX_ROUND_MINUTES)) as u32)
        }
        (None, Some(until)) => match parse_clock_time(until.get_ref()) {
            Some(time) => RoundLength::Until(time),
            None => {
                let value = until.get_ref();
                c.report(
                    until.span(),
                    tr!(
                        "`until = \"{value}\"` is geen kloktijd; schrijf bijvoorbeeld \"14:30\"",
                        "`until = \"{value}\"` is not a clock time; write for example \"14:30\""
                    ),
                );
                RoundLength::Minutes(1)
            }
        },
        (Some(minutes), Some(_)) => {
            c.report(
                minutes.span(),
                tr!(
                    "geef `minutes` óf `until`, niet allebei",
                    "give `minutes` or `until`, not both"
                ),
            );
            RoundLength::Minutes(1)
        }
        (None, None) => {
            c.report(
                span,
                tr!(
                    "de ronde mist `minutes` (of `per_person` of `per_team`, of `until = \"14:30\"`)",
                    "the round lacks `minutes` (or `per_person` or `per_team`, or `until = \"14:30\"`)"
                ),
            );
            RoundLength::Minutes(1)
        }
    };
    (length, None)
}
