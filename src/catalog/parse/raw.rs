//! The TOML of one file read into its schema types, part by part, with every syntax and
//! schema mistake reported in the user's words.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::Checker;
use super::suggest::suggestion;
use crate::catalog::kinds::{RawTeams, RawTurns, RawVote};
use crate::catalog::styles::{RawStatement, RawStyle, RawStyles};
use crate::tr;

/// The top level of a file. Read part by part (`read_raw`), so that a mistake in one card
/// does not hide the mistakes in the next.
#[derive(Default)]
pub(super) struct RawFile {
    pub(super) deck: Option<Spanned<RawDeck>>,
    pub(super) category: Vec<Spanned<RawCategory>>,
    pub(super) card: Vec<Spanned<RawCard>>,
    pub(super) plan: Option<Spanned<RawPlan>>,
    pub(super) round: Vec<Spanned<RawRound>>,
    pub(super) styles: Option<Spanned<RawStyles>>,
    pub(super) style: Vec<Spanned<RawStyle>>,
    pub(super) statement: Vec<Spanned<RawStatement>>,
}

const TOP_LEVEL_KEYS: [&str; 8] = [
    "deck",
    "category",
    "card",
    "plan",
    "round",
    "styles",
    "style",
    "statement",
];

/// Syntax errors reported for one file at most: after a few, the rest are mostly echoes.
const MAX_SYNTAX_PROBLEMS: usize = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDeck {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) description: Spanned<String>,
    pub(super) language: Spanned<String>,
    pub(super) source: Option<Spanned<String>>,
    pub(super) license: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCategory {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    #[serde(default)]
    pub(super) description: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCard {
    pub(super) id: Spanned<String>,
    pub(super) category: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) prompt: Spanned<String>,
    pub(super) hint: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) tags: Vec<Spanned<String>>,
    pub(super) form: Option<Spanned<String>>,
    pub(super) minutes: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlan {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) description: Spanned<String>,
    #[serde(default)]
    pub(super) decks: Vec<Spanned<String>>,
    pub(super) goal: Option<Spanned<String>>,
    pub(super) audience: Option<Spanned<String>>,
    pub(super) group_size: Option<Spanned<RawGroupSize>>,
    #[serde(default)]
    pub(super) needs: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) tips: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) variations: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGroupSize {
    pub(super) min: Spanned<i64>,
    pub(super) max: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRound {
    pub(super) title: Spanned<String>,
    pub(super) minutes: Option<Spanned<i64>>,
    pub(super) per_person: Option<Spanned<f64>>,
    pub(super) per_team: Option<Spanned<f64>>,
    pub(super) min_minutes: Option<Spanned<i64>>,
    pub(super) max_minutes: Option<Spanned<i64>>,
    pub(super) until: Option<Spanned<String>>,
    pub(super) instruction: Spanned<String>,
    pub(super) draw: Option<Spanned<RawDraw>>,
    pub(super) turns: Option<Spanned<RawTurns>>,
    #[serde(default)]
    pub(super) roles: Vec<Spanned<String>>,
    pub(super) kind: Option<Spanned<String>>,
    pub(super) teams: Option<Spanned<RawTeams>>,
    pub(super) vote: Option<Spanned<RawVote>>,
}

impl RawRound {
    pub(super) fn is_teams(&self) -> bool {
        self.kind.as_ref().is_some_and(|k| k.get_ref() == "teams")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDraw {
    pub(super) deck: Option<Spanned<String>>,
    pub(super) category: Option<Spanned<String>>,
    pub(super) count: Option<Spanned<i64>>,
    #[serde(default)]
    pub(super) with: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) without: Vec<Spanned<String>>,
    pub(super) form: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) each: Option<Spanned<bool>>,
}

/// The file's tables, or `None` after reporting every syntax error (one per line) or every
/// part that does not fit the schema (each card, category and round on its own).
pub(super) fn read_raw(c: &mut Checker, text: &str) -> Option<RawFile> {
    let (root, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut errors: Vec<(Range<usize>, String)> = errors
            .iter()
            .map(|e| (e.span().unwrap_or(0..0), e.message().to_string()))
            .collect();
        errors.sort_by_key(|(span, _)| span.start);
        let mut lines = HashSet::new();
        for (span, message) in errors {
            let (line, _) = c.locator.line_col(span.start);
            if lines.insert(line) && lines.len() <= MAX_SYNTAX_PROBLEMS {
                c.report(span, explain_toml_error(&message));
            }
        }
        return None;
    }
    let before = c.problems.len();
    let mut raw = RawFile::default();
    for (key, value) in root.into_inner() {
        match key.get_ref().as_ref() {
            "deck" => raw.deck = c.de(value),
            "plan" => raw.plan = c.de(value),
            "category" => raw.category = c.de_list(value),
            "card" => raw.card = c.de_list(value),
            "round" => raw.round = c.de_list(value),
            "styles" => raw.styles = c.de(value),
            "style" => raw.style = c.de_list(value),
            "statement" => raw.statement = c.de_list(value),
            other => {
                let allowed = TOP_LEVEL_KEYS.map(|k| format!("`{k}`")).join(", ");
                let message = format!("unknown field `{other}`, expected one of {allowed}");
                c.report(key.span(), explain_toml_error(&message));
            }
        }
    }
    (c.problems.len() == before).then_some(raw)
}

impl Checker<'_> {
    /// One value into its schema type, or a reported problem.
    fn de<'i, T: Deserialize<'i>>(
        &mut self,
        value: Spanned<toml::de::DeValue<'i>>,
    ) -> Option<Spanned<T>> {
        let at = value.span();
        Spanned::<T>::deserialize(toml::de::ValueDeserializer::from(value))
            .map_err(|err| {
                let span = err.span().unwrap_or(at);
                self.report(span, explain_toml_error(err.message()));
            })
            .ok()
    }

    /// A list of tables (`[[card]]`), each item on its own: every item that does not fit is
    /// reported, not only the first.
    fn de_list<'i, T: Deserialize<'i>>(
        &mut self,
        value: Spanned<toml::de::DeValue<'i>>,
    ) -> Vec<Spanned<T>> {
        let span = value.span();
        match value.into_inner() {
            toml::de::DeValue::Array(items) => {
                items.into_iter().filter_map(|item| self.de(item)).collect()
            }
            other => {
                let whole = Spanned::new(span, other);
                self.de::<Vec<Spanned<T>>>(whole)
                    .map(Spanned::into_inner)
                    .unwrap_or_default()
            }
        }
    }
}

/// The parser's message in the user's words: schema mistakes get their own explanation
/// (with the nearest valid key for a typo), values of the wrong kind and syntax errors are
/// translated (`toml_words`).
fn explain_toml_error(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = suggestion(field, known.iter().copied());
        let list = known.join(", ");
        return tr!(
            "onbekend veld `{field}`{hint} (toegestaan: {list})",
            "unknown field `{field}`{hint} (allowed: {list})"
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return tr!(
            "verplicht veld `{field}` ontbreekt",
            "required field `{field}` is missing"
        );
    }
    crate::toml_words::explain(message)
}
