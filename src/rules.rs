//! Rules that several parts of tafel check — a plan file, the agenda, the home screen's
//! forms, the command line, `config.toml` — kept once, low in the house, so they cannot
//! drift apart: how long a round may be, who may take part, which plan ids are reserved,
//! and what typed or pasted text may contain.

use std::fmt;

use crate::tr;

/// A round lasts 1 to this many minutes.
pub const MAX_ROUND_MINUTES: u32 = 240;
/// At most this many participants in a session.
pub const MAX_PARTICIPANTS: usize = 60;
/// A participant's name is at most this many characters.
pub const MAX_NAME_CHARS: usize = 40;

/// The plan id that marks a solo reflection (a deck file cannot use it).
pub const SOLO_PLAN: &str = "solo";
/// The plan id that marks a filled-in preference styles questionnaire.
pub const QUESTIONNAIRE_PLAN: &str = "vragenlijst";

/// A rule that a value breaks, in words for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    RoundMinutes(i64),
    TooManyParticipants,
    EmptyName,
    NameTooLong(String),
    ReservedPlanId(String),
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = MAX_ROUND_MINUTES;
        let text = match self {
            RuleError::RoundMinutes(m) => tr!(
                "een ronde van {m} minuten kan niet: kies 1 tot en met {max}",
                "a round of {m} minutes is not possible: choose 1 to {max}"
            ),
            RuleError::TooManyParticipants => tr!(
                "te veel deelnemers (hooguit {MAX_PARTICIPANTS})",
                "too many participants (at most {MAX_PARTICIPANTS})"
            ),
            RuleError::EmptyName => tr!("lege naam", "empty name"),
            RuleError::NameTooLong(name) => tr!(
                "naam te lang (hooguit {MAX_NAME_CHARS} tekens): {name}",
                "name too long (at most {MAX_NAME_CHARS} characters): {name}"
            ),
            RuleError::ReservedPlanId(id) if id == SOLO_PLAN => tr!(
                "de werkvorm-id `solo` is gereserveerd voor solo reflectie",
                "the plan id `solo` is reserved for solo reflection"
            ),
            RuleError::ReservedPlanId(id) => tr!(
                "de werkvorm-id `{id}` is gereserveerd voor de vragenlijst over voorkeurstijlen",
                "the plan id `{id}` is reserved for the preference styles questionnaire"
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RuleError {}

/// `m` minutes as a round length, or why not.
pub fn round_minutes(m: i64) -> Result<u32, RuleError> {
    u32::try_from(m)
        .ok()
        .filter(|m| (1..=MAX_ROUND_MINUTES).contains(m))
        .ok_or(RuleError::RoundMinutes(m))
}

/// A plan id that a plan file may not use.
pub fn reserved_plan_id(id: &str) -> Result<(), RuleError> {
    if id == SOLO_PLAN || id == QUESTIONNAIRE_PLAN {
        Err(RuleError::ReservedPlanId(id.to_string()))
    } else {
        Ok(())
    }
}

/// One participant's name, cleaned (see [`clean_typed`]) and checked.
pub fn participant_name(name: &str) -> Result<String, RuleError> {
    let name = clean_typed(name, false).trim().to_string();
    if name.is_empty() {
        Err(RuleError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(RuleError::NameTooLong(name))
    } else {
        Ok(name)
    }
}

/// Names from "Anna, Bram,Chris": cleaned, empty ones dropped, count and length checked.
pub fn participant_list(text: &str) -> Result<Vec<String>, RuleError> {
    let names: Vec<String> = text
        .split(',')
        .filter(|n| !clean_typed(n, false).trim().is_empty())
        .map(participant_name)
        .collect::<Result<_, _>>()?;
    if names.len() > MAX_PARTICIPANTS {
        return Err(RuleError::TooManyParticipants);
    }
    Ok(names)
}

/// The names and the number of people in a session. A single number instead of names
/// (`--participants 12`) is a group of that size without names; without names or number the
/// plan's nominal group (`Plan::nominal_group`) is used by the caller.
pub fn headcount(participants: &[String]) -> (Vec<String>, u32) {
    if let [only] = participants
        && let Ok(n) = only.trim().parse::<u32>()
        && (1..=MAX_PARTICIPANTS as u32).contains(&n)
    {
        return (Vec::new(), n);
    }
    (participants.to_vec(), participants.len() as u32)
}

/// Typed or pasted text made safe: line ends unified, tabs expanded, escape and other
/// control characters dropped (they could move the cursor or recolour the projector).
pub fn clean_typed(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if multiline => out.push('\n'),
            '\n' => out.push(' '),
            '\t' => out.push_str("    "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_lengths_are_one_to_240_minutes() {
        assert_eq!(round_minutes(1), Ok(1));
        assert_eq!(round_minutes(240), Ok(240));
        assert_eq!(round_minutes(0), Err(RuleError::RoundMinutes(0)));
        assert_eq!(round_minutes(241), Err(RuleError::RoundMinutes(241)));
        assert_eq!(round_minutes(-5), Err(RuleError::RoundMinutes(-5)));
    }

    #[test]
    fn participants_are_cleaned_and_checked_once() {
        assert_eq!(
            participant_list(" Anna, Bram,,\tChris\u{1b}[31m ").unwrap(),
            ["Anna", "Bram", "Chris[31m"]
        );
        let many = vec!["x"; MAX_PARTICIPANTS + 1].join(",");
        assert_eq!(participant_list(&many), Err(RuleError::TooManyParticipants));
        let long = "y".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            participant_list(&long),
            Err(RuleError::NameTooLong(long.clone()))
        );
        assert_eq!(participant_name("  "), Err(RuleError::EmptyName));
    }

    #[test]
    fn solo_and_the_questionnaire_are_reserved() {
        assert!(reserved_plan_id("solo").is_err());
        assert!(reserved_plan_id("vragenlijst").is_err());
        assert!(reserved_plan_id("koers-wat").is_ok());
    }

    #[test]
    fn typed_text_loses_escapes_and_expands_tabs() {
        assert_eq!(clean_typed("a\tb\x1b[31mc\r\nd", true), "a    b[31mc\nd");
        assert_eq!(clean_typed("x\ny", false), "x y");
    }
}
