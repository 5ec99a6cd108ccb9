//! A round form read back as the model's round; typed numbers that are no number become
//! problems in words, not silent defaults.

use chrono::NaiveTime;

use super::{LengthKind, RoundForm, Sort, team_by_label, vote_by_label};
use crate::catalog::kinds::{DEFAULT_DOTS, DEFAULT_POINTS};
use crate::catalog::parse::parse_clock_time;
use crate::catalog::{
    DrawSpec, Round, RoundKind, RoundLength, Scale, TeamCount, TeamSpec, VoteSpec,
};
use crate::input::LineInput;
use crate::tr;

impl RoundForm {
    /// The round as the model has it, and the mistakes in typed numbers (in words).
    pub fn round(&self, number: usize, problems: &mut Vec<String>) -> Round {
        let mut wrong = |field: String, text: &str| {
            problems.push(tr!(
                "Ronde {number}: {field} `{text}` is geen getal",
                "Round {number}: {field} `{text}` is not a number"
            ))
        };
        let whole = |input: &LineInput, field: String, wrong: &mut dyn FnMut(String, &str)| {
            let text = input.text().trim();
            if text.is_empty() {
                return None;
            }
            match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    wrong(field, text);
                    None
                }
            }
        };
        let (length, scale) = match self.kind {
            LengthKind::Minutes => {
                let m = whole(&self.minutes, tr!("minuten", "minutes"), &mut wrong).unwrap_or(0);
                (RoundLength::Minutes(m), None)
            }
            LengthKind::PerPerson | LengthKind::PerTeam => {
                let base =
                    whole(&self.minutes, tr!("vast deel", "fixed part"), &mut wrong).unwrap_or(0);
                let per_team = self.kind == LengthKind::PerTeam;
                let (input, field) = if per_team {
                    (&self.per_team, tr!("per team", "per team"))
                } else {
                    (&self.per_person, tr!("per persoon", "per person"))
                };
                let text = input.text().trim().replace(',', ".");
                let per = match text.parse::<f64>() {
                    Ok(p) => p,
                    Err(_) => {
                        wrong(field, &text);
                        1.0
                    }
                };
                let max = whole(&self.max_minutes, tr!("hooguit", "at most"), &mut wrong);
                // Out of range stays out of range, so `tafel check` names it rather than the
                // form quietly changing it.
                let seconds = (per.clamp(0.0, 1000.0) * 60.0).round() as u32;
                let scale = Scale {
                    base_minutes: base,
                    per_person_seconds: if per_team { 0 } else { seconds },
                    per_team_seconds: if per_team { seconds } else { 0 },
                    min_minutes: self.min_minutes,
                    max_minutes: max,
                };
                (RoundLength::Minutes(scale.minutes_for(8, 0)), Some(scale))
            }
            LengthKind::Until => match parse_clock_time(self.until.text()) {
                Some(time) => (RoundLength::Until(time), None),
                None => {
                    let text = self.until.text();
                    problems.push(tr!(
                        "Ronde {number}: tot `{text}` is geen kloktijd; typ bijvoorbeeld 14:30",
                        "Round {number}: until `{text}` is not a clock time; type for example 14:30"
                    ));
                    (RoundLength::Until(NaiveTime::MIN), None)
                }
            },
        };
        let kind = self.round_kind(number, problems);
        // Cards, turns and roles belong to a talk round: another kind does not keep them
        // (the form holds them, so going back to talk brings them back).
        let talk = self.sort == Sort::Talk;
        let draw = self.deck.as_ref().filter(|_| talk).map(|deck| DrawSpec {
            deck: deck.clone(),
            category: self.category.clone(),
            count: self.count,
            with: self.with.clone(),
            without: self.without.clone(),
            form: self.form.clone(),
            each: self.each && self.turns,
        });
        Round {
            title: self.title.text().trim().to_string(),
            kind,
            length,
            scale,
            instruction: self.instruction.text().trim().to_string(),
            draw,
            turns: self.turns && talk,
            team_turns: self.turns && self.team_turns && talk,
            roles: if talk { self.roles() } else { Vec::new() },
        }
    }

    fn roles(&self) -> Vec<String> {
        self.roles
            .text()
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Whether the form holds cards, turns or roles that a round of this kind does not keep.
    pub fn drops_talk_settings(&self) -> bool {
        self.sort != Sort::Talk && (self.deck.is_some() || self.turns || !self.roles().is_empty())
    }

    /// The kind as the model has it; an empty or wrong number is a problem in words.
    fn round_kind(&self, number: usize, problems: &mut Vec<String>) -> RoundKind {
        let mut whole = |input: &LineInput, field: String, fallback: u32| {
            let text = input.text().trim();
            match text.parse::<u32>() {
                Ok(n) => n,
                Err(_) if text.is_empty() => {
                    problems.push(tr!(
                        "Ronde {number}: {field} is leeg; typ een getal",
                        "Round {number}: {field} is empty; type a number"
                    ));
                    fallback
                }
                Err(_) => {
                    problems.push(tr!(
                        "Ronde {number}: {field} `{text}` is geen getal",
                        "Round {number}: {field} `{text}` is not a number"
                    ));
                    fallback
                }
            }
        };
        match self.sort {
            Sort::Talk => RoundKind::Talk,
            Sort::Styles => RoundKind::Styles,
            Sort::Teams => {
                let n = whole(&self.team_number, team_by_label(self.team_count), 3);
                RoundKind::Teams(TeamSpec {
                    count: if self.team_count {
                        TeamCount::Teams(n)
                    } else {
                        TeamCount::Size(n)
                    },
                    mix: self.team_mix,
                })
            }
            Sort::Vote => {
                let fallback = if self.vote_points {
                    DEFAULT_POINTS
                } else {
                    DEFAULT_DOTS
                };
                let budget = whole(&self.vote_budget, vote_by_label(self.vote_points), fallback);
                let max_per_option = if self.vote_max.text().trim().is_empty() {
                    None
                } else {
                    Some(whole(
                        &self.vote_max,
                        tr!("hooguit per optie", "at most per option"),
                        1,
                    ))
                };
                let options: Vec<String> = self
                    .vote_options
                    .text()
                    .split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_string)
                    .collect();
                RoundKind::Vote(VoteSpec {
                    from: if options.is_empty() {
                        self.vote_from.clone()
                    } else {
                        Vec::new()
                    },
                    options,
                    budget,
                    max_per_option,
                    points: self.vote_points,
                })
            }
        }
    }
}
