//! The kind of a plan round (`kind = "styles" | "teams" | "vote"`, issue 10) and its settings,
//! read from the round's TOML and validated with `FILE:LINE:COL` like the rest of a plan.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::model::{RoundKind, TeamCount, TeamSpec, VoteSource, VoteSpec};
use super::parse::{Checker, MAX_GROUP_SIZE, suggestion};
use crate::tr;

pub const KINDS: [&str; 4] = ["talk", "styles", "teams", "vote"];
pub const MAX_VOTE_OPTIONS: usize = 26;
pub const MAX_BUDGET: i64 = 1000;
pub const DEFAULT_DOTS: u32 = 3;
pub const DEFAULT_POINTS: u32 = 100;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTeams {
    size: Option<Spanned<i64>>,
    count: Option<Spanned<i64>>,
    #[serde(default)]
    mix: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVote {
    #[serde(default)]
    options: Vec<Spanned<String>>,
    dots: Option<Spanned<i64>>,
    points: Option<Spanned<i64>>,
    max_per_option: Option<Spanned<i64>>,
    from: Option<Spanned<Vec<Spanned<String>>>>,
}

/// `turns = true` (person to person), `false`, or `turns = "team"` (team to team). Read
/// here so a wrong value is reported with its place, like every other wrong kind of value.
pub(super) enum RawTurns {
    Flag(bool),
    Team,
}

use crate::toml_words::TURNS_EXPECTED;

impl<'de> Deserialize<'de> for RawTurns {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawTurns;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(TURNS_EXPECTED)
            }
            fn visit_bool<E: serde::de::Error>(self, on: bool) -> Result<RawTurns, E> {
                Ok(RawTurns::Flag(on))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RawTurns, E> {
                if text == "team" {
                    Ok(RawTurns::Team)
                } else {
                    Err(E::invalid_type(serde::de::Unexpected::Str(text), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The round's turns from `turns`: whether it has turns, and whether they go per team. Turns
/// per team need a talk round and a teams round before it in the plan.
pub(super) fn round_turns(
    c: &mut Checker,
    turns: Option<&Spanned<RawTurns>>,
    kind: &RoundKind,
    after_teams: bool,
) -> (bool, bool) {
    let Some(turns) = turns else {
        return (false, false);
    };
    match turns.get_ref() {
        RawTurns::Flag(on) => (*on, false),
        RawTurns::Team => {
            if !kind.is_talk() {
                c.report(
                    turns.span(),
                    tr!(
                        "`turns = \"team\"` hoort bij een gespreksronde, niet bij een ronde met `kind`",
                        "`turns = \"team\"` belongs to a talk round, not to a round with `kind`"
                    ),
                );
                return (false, false);
            }
            if !after_teams {
                c.report(
                    turns.span(),
                    tr!(
                        "`turns = \"team\"`: zet eerst een teamronde (`kind = \"teams\"`) in de werkvorm, dan weet deze ronde welke teams er zijn",
                        "`turns = \"team\"`: put a teams round (`kind = \"teams\"`) before it in the plan, so this round knows the teams"
                    ),
                );
            }
            (true, true)
        }
    }
}

/// The round's kind from `kind`, `teams` and `vote`; settings that belong to another kind
/// are reported.
pub(super) fn round_kind(
    c: &mut Checker,
    round_span: Range<usize>,
    kind: Option<&Spanned<String>>,
    teams: Option<&Spanned<RawTeams>>,
    vote: Option<&Spanned<RawVote>>,
) -> RoundKind {
    let name = kind.map_or("talk", |k| k.get_ref().as_str());
    if let Some(k) = kind
        && !KINDS.contains(&name)
    {
        let hint = suggestion(name, KINDS.iter().copied());
        let all = KINDS.join(", ");
        c.report(
            k.span(),
            tr!(
                "onbekende soort ronde `{name}`{hint} (kies uit {all})",
                "unknown kind of round `{name}`{hint} (choose from {all})"
            ),
        );
        return RoundKind::Talk;
    }
    if name != "teams"
        && let Some(t) = teams
    {
        c.report(
            t.span(),
            tr!(
                "`teams` hoort bij een ronde met `kind = \"teams\"`",
                "`teams` belongs to a round with `kind = \"teams\"`"
            ),
        );
    }
    if name != "vote"
        && let Some(v) = vote
    {
        c.report(
            v.span(),
            tr!(
                "`vote` hoort bij een ronde met `kind = \"vote\"`",
                "`vote` belongs to a round with `kind = \"vote\"`"
            ),
        );
    }
    match name {
        "styles" => RoundKind::Styles,
        "teams" => RoundKind::Teams(team_spec(c, round_span, teams)),
        "vote" => RoundKind::Vote(vote_spec(c, vote)),
        _ => RoundKind::Talk,
    }
}

fn positive(c: &mut Checker, value: &Spanned<i64>, field: &str, max: i64) -> u32 {
    let n = *value.get_ref();
    if !(1..=max).contains(&n) {
        c.report(
            value.span(),
            tr!(
                "`{field} = {n}`: kies 1 tot en met {max}",
                "`{field} = {n}`: choose 1 to {max}"
            ),
        );
    }
    n.clamp(1, max) as u32
}

fn team_spec(
    c: &mut Checker,
    round_span: Range<usize>,
    teams: Option<&Spanned<RawTeams>>,
) -> TeamSpec {
    let Some(teams) = teams else {
        c.report(
            round_span,
            tr!(
                "een teamronde heeft `teams = {{ size = N }}` of `teams = {{ count = N }}` nodig",
                "a teams round needs `teams = {{ size = N }}` or `teams = {{ count = N }}`"
            ),
        );
        return TeamSpec {
            count: TeamCount::Size(3),
            mix: false,
        };
    };
    let raw = teams.get_ref();
    let count = match (&raw.size, &raw.count) {
        (Some(size), None) => TeamCount::Size(positive(c, size, "size", MAX_GROUP_SIZE)),
        (None, Some(count)) => TeamCount::Teams(positive(c, count, "count", MAX_GROUP_SIZE)),
        _ => {
            c.report(
                teams.span(),
                tr!(
                    "geef in `teams` óf `size` (mensen per team) óf `count` (aantal teams)",
                    "give `teams` either `size` (people per team) or `count` (number of teams)"
                ),
            );
            TeamCount::Size(3)
        }
    };
    TeamSpec {
        count,
        mix: raw.mix,
    }
}

fn vote_spec(c: &mut Checker, vote: Option<&Spanned<RawVote>>) -> VoteSpec {
    let Some(vote) = vote else {
        return VoteSpec {
            options: Vec::new(),
            budget: DEFAULT_DOTS,
            max_per_option: None,
            points: false,
            from: Vec::new(),
        };
    };
    let raw = vote.get_ref();
    let options: Vec<String> = raw.options.iter().map(|o| c.text(o, "options")).collect();
    c.unique(raw.options.iter(), "optie");
    if options.len() == 1 || options.len() > MAX_VOTE_OPTIONS {
        c.report(
            vote.span(),
            tr!(
                "geef 2 tot en met {MAX_VOTE_OPTIONS} opties, of geen (dan stemt de groep over de notities)",
                "give 2 to {MAX_VOTE_OPTIONS} options, or none (then the group votes on the notes)"
            ),
        );
    }
    let (budget, points) = match (&raw.dots, &raw.points) {
        (Some(_), Some(p)) => {
            c.report(
                p.span(),
                tr!(
                    "geef `dots` óf `points`, niet allebei",
                    "give `dots` or `points`, not both"
                ),
            );
            (DEFAULT_DOTS, false)
        }
        (Some(d), None) => (positive(c, d, "dots", MAX_BUDGET), false),
        (None, Some(p)) => (positive(c, p, "points", MAX_BUDGET), true),
        (None, None) => (DEFAULT_DOTS, false),
    };
    let max_per_option = raw
        .max_per_option
        .as_ref()
        .map(|m| positive(c, m, "max_per_option", i64::from(budget)));
    let from = vote_sources(c, raw, !options.is_empty());
    VoteSpec {
        options,
        budget,
        max_per_option,
        points,
        from,
    }
}

/// `from = ["notes", "cards"]`: where the options come from when none are typed.
fn vote_sources(c: &mut Checker, raw: &RawVote, typed: bool) -> Vec<VoteSource> {
    let Some(from) = &raw.from else {
        return Vec::new();
    };
    if typed {
        c.report(
            from.span(),
            tr!(
                "geef `options` óf `from`, niet allebei",
                "give `options` or `from`, not both"
            ),
        );
        return Vec::new();
    }
    if from.get_ref().is_empty() {
        let all = VoteSource::NAMES.join(", ");
        c.report(
            from.span(),
            tr!(
                "`from` is leeg: noem een of meer van {all}",
                "`from` is empty: name one or more of {all}"
            ),
        );
    }
    let mut sources = Vec::new();
    for name in from.get_ref() {
        match VoteSource::from_name(name.get_ref()) {
            Some(source) if sources.contains(&source) => c.report(
                name.span(),
                tr!(
                    "`{}` staat twee keer in `from`",
                    "`{}` is in `from` twice",
                    name.get_ref()
                ),
            ),
            Some(source) => sources.push(source),
            None => {
                let wrong = name.get_ref();
                let hint = suggestion(wrong, VoteSource::NAMES.iter().copied());
                let all = VoteSource::NAMES.join(", ");
                c.report(
                    name.span(),
                    tr!(
                        "onbekende bron `{wrong}`{hint} (kies uit {all})",
                        "unknown source `{wrong}`{hint} (choose from {all})"
                    ),
                );
            }
        }
    }
    sources
}
