//! Preference styles (voorkeurstijlen) for working on a shared task across boundaries: a
//! set of styles and the questionnaire statements that point to them, bundled as a TOML file
//! in the deck and plan family (`[styles]`, `[[style]]`, `[[statement]]`). The bundled set is
//! tafel's own; a facilitator with another model replaces the file (same id) or adds one.
//!
//! Also here: scoring a questionnaire, and the one-line code a participant hands the
//! facilitator (`Anna:verbinder`, `Bram:vertaler+doorzetter`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::parse::{Checker, suggestion};
use crate::tr;

/// The set the questionnaire and a styles round use when the plan names none.
pub const DEFAULT_STYLE_SET: &str = "grenswerkers";

/// Agreement with a statement: 1 (helemaal niet) to 5 (helemaal wel).
pub const MIN_ANSWER: u8 = 1;
pub const MAX_ANSWER: u8 = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleSet {
    pub id: String,
    pub title: String,
    pub description: String,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub styles: Vec<Style>,
    pub statements: Vec<Statement>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Style {
    pub id: String,
    pub name: String,
    /// One sentence: the style in short.
    pub summary: String,
    /// What you bring to the team.
    pub brings: String,
    /// What you easily overlook.
    pub overlooks: String,
    /// What you need from the others.
    pub needs: String,
    /// A card-style question for the team conversation.
    pub prompt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub style: String,
    pub text: String,
}

impl StyleSet {
    pub fn style(&self, id: &str) -> Option<&Style> {
        self.styles.iter().find(|s| s.id == id)
    }

    /// The name of a style, or its id when the set does not know it.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.style(id).map_or(id, |s| s.name.as_str())
    }

    /// Points per style (in the set's order) for answers given in statement order.
    pub fn scores(&self, answers: &[u8]) -> Vec<(String, u32)> {
        self.styles
            .iter()
            .map(|style| {
                let total = self
                    .statements
                    .iter()
                    .zip(answers)
                    .filter(|(s, _)| s.style == style.id)
                    .map(|(_, &a)| u32::from(a))
                    .sum();
                (style.id.clone(), total)
            })
            .collect()
    }

    /// The style with the most points and, when another comes within two points of it, that
    /// one as a second style. Ties go to the style listed first.
    pub fn result(&self, answers: &[u8]) -> Vec<String> {
        let mut scores = self.scores(answers);
        // Stable: equal scores keep the set's order.
        scores.sort_by_key(|s| std::cmp::Reverse(s.1));
        let mut picked = Vec::new();
        if let Some((first, top)) = scores.first() {
            picked.push(first.clone());
            if let Some((second, points)) = scores.get(1)
                && top - points <= 2
            {
                picked.push(second.clone());
            }
        }
        picked
    }

    /// Reads one style as a participant or facilitator writes it: the id or the name, in any
    /// case ("Verbinder", "verbinder").
    pub fn find(&self, word: &str) -> Option<&Style> {
        let word = word.trim().to_lowercase();
        self.styles
            .iter()
            .find(|s| s.id == word || s.name.to_lowercase() == word)
    }
}

/// `Naam:stijl` or `Naam:stijl+stijl` for a participant and their styles.
pub fn code(name: &str, styles: &[String]) -> String {
    format!("{name}:{}", styles.join("+"))
}

/// Why a typed `Naam:stijl` is not one; each quotes what was typed (`text`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("{}", tr!(
        "`{text}`: schrijf naam:stijl, bijvoorbeeld Anna:verbinder",
        "`{text}`: write name:style, for example Anna:verbinder"
    ))]
    NoColon { text: String },
    #[error("{}", tr!("`{text}`: de naam ontbreekt", "`{text}`: the name is missing"))]
    NoName { text: String },
    /// `hint`: a near style id, already worded (or empty).
    #[error("{}", tr!(
        "`{text}`: onbekende stijl `{word}`{hint}",
        "`{text}`: unknown style `{word}`{hint}"
    ))]
    UnknownStyle {
        text: String,
        word: String,
        hint: String,
    },
    #[error("{}", tr!("`{text}`: kies één stijl, of twee", "`{text}`: choose one style, or two"))]
    TooMany { text: String },
}

/// Reads `Naam:stijl[+stijl]` against a set: the name and the style ids, or why not.
pub fn parse_code(set: &StyleSet, text: &str) -> Result<(String, Vec<String>), CodeError> {
    let Some((name, styles)) = text.rsplit_once(':') else {
        return Err(CodeError::NoColon { text: text.into() });
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(CodeError::NoName { text: text.into() });
    }
    let mut ids = Vec::new();
    for word in styles.split('+') {
        match set.find(word) {
            Some(style) if !ids.contains(&style.id) => ids.push(style.id.clone()),
            Some(_) => {}
            None => {
                let word = word.trim();
                let hint = suggestion(
                    &word.to_lowercase(),
                    set.styles.iter().map(|s| s.id.as_str()),
                );
                return Err(CodeError::UnknownStyle {
                    text: text.into(),
                    word: word.into(),
                    hint,
                });
            }
        }
    }
    if ids.len() > 2 {
        return Err(CodeError::TooMany { text: text.into() });
    }
    Ok((name.to_string(), ids))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStyles {
    id: Spanned<String>,
    title: Spanned<String>,
    description: Spanned<String>,
    language: Spanned<String>,
    source: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStyle {
    id: Spanned<String>,
    name: Spanned<String>,
    summary: Spanned<String>,
    brings: Spanned<String>,
    overlooks: Spanned<String>,
    needs: Spanned<String>,
    prompt: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStatement {
    style: Spanned<String>,
    text: Spanned<String>,
}

/// Fewest statements per style: fewer and one answer decides the style.
pub const MIN_STATEMENTS_PER_STYLE: usize = 3;

/// Validates a styles file: ids, texts, every statement naming a known style, and enough
/// statements for each style.
pub(super) fn style_set(
    c: &mut Checker,
    header: Spanned<RawStyles>,
    styles: &[Spanned<RawStyle>],
    statements: &[Spanned<RawStatement>],
) -> StyleSet {
    let header_span = header.span();
    let header = header.into_inner();
    let id = c.id(&header.id, "stijlenset");
    let title = c.text(&header.title, "title");
    let description = c.text(&header.description, "description");
    let language = c.text(&header.language, "language");
    let source = c.optional_line(&header.source, "source");
    if styles.len() < 2 {
        c.report(
            header_span.clone(),
            tr!(
                "een stijlenset heeft minstens twee [[style]] nodig",
                "a style set needs at least two [[style]]"
            ),
        );
    }
    c.unique(styles.iter().map(|s| &s.get_ref().id), "stijl");
    let styles: Vec<Style> = styles
        .iter()
        .map(|s| {
            let s = s.get_ref();
            Style {
                id: c.id(&s.id, "stijl"),
                name: c.text(&s.name, "name"),
                summary: c.text(&s.summary, "summary"),
                brings: c.text(&s.brings, "brings"),
                overlooks: c.text(&s.overlooks, "overlooks"),
                needs: c.text(&s.needs, "needs"),
                prompt: c.text(&s.prompt, "prompt"),
            }
        })
        .collect();
    let ids: Vec<&str> = styles.iter().map(|s| s.id.as_str()).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let statements: Vec<Statement> = statements
        .iter()
        .map(|s| {
            let s = s.get_ref();
            let style = s.style.get_ref();
            if let Some(known) = ids.iter().find(|id| **id == style.as_str()) {
                *counts.entry(known).or_default() += 1;
            } else {
                let hint = suggestion(style, ids.iter().copied());
                c.report(
                    s.style.span(),
                    tr!(
                        "onbekende stijl `{style}`{hint}",
                        "unknown style `{style}`{hint}"
                    ),
                );
            }
            Statement {
                style: style.clone(),
                text: c.text(&s.text, "text"),
            }
        })
        .collect();
    for style in &ids {
        let n = counts.get(style).copied().unwrap_or(0);
        if n < MIN_STATEMENTS_PER_STYLE {
            c.report(
                header_span.clone(),
                tr!(
                    "stijl `{style}` heeft {n} [[statement]]; geef elke stijl er minstens {MIN_STATEMENTS_PER_STYLE}",
                    "style `{style}` has {n} [[statement]]; give every style at least {MIN_STATEMENTS_PER_STYLE}"
                ),
            );
        }
    }
    StyleSet {
        id,
        title,
        description,
        language,
        source,
        styles,
        statements,
    }
}
