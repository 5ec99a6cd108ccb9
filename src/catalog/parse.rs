//! Parsing and validating one deck or plan file. Pure: text in, model or problems out.
//! Cross-file checks (a plan that names an unknown deck) are in `check_plan_refs`.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveTime;
use serde::Deserialize;
use toml::Spanned;

use super::kinds::{RawTeams, RawTurns, RawVote, round_kind, round_turns};
use super::model::RoundKind;
use super::model::{
    CARD_FORMS, Card, Category, Deck, DrawSpec, GroupSize, Guide, Plan, Round, RoundLength,
    SAFETY_TAG, Scale,
};
use super::problem::{Locator, Problem};
use super::styles::{RawStatement, RawStyle, RawStyles, StyleSet, style_set};
use crate::tr;

pub use crate::rules::MAX_ROUND_MINUTES;
pub const MAX_DRAW_COUNT: i64 = 20;
pub const MAX_GROUP_SIZE: i64 = 500;
/// The most a round may add per person, in minutes.
pub const MAX_PER_PERSON: f64 = 10.0;
/// The most a round may add per team, in minutes.
pub const MAX_PER_TEAM: f64 = 30.0;

/// What a file turned out to be.
#[derive(Debug)]
pub enum Parsed {
    Deck(Deck),
    Plan(Plan, PlanRefs),
    /// Preference styles and their questionnaire (`[styles]`, see `catalog::styles`).
    Styles(StyleSet),
}

/// Where a plan refers to decks and categories, kept to report problems found later.
#[derive(Debug, Default, Clone)]
pub struct PlanRefs {
    /// (deck id, category id or None, position of the reference)
    refs: Vec<(String, Option<String>, Range<usize>)>,
    /// Categories named by rounds without a deck: resolved against the plan's first deck.
    session_deck_categories: Vec<(String, Range<usize>)>,
    /// (round index, position of its `draw`), for checks on what a draw can deal.
    draws: Vec<(usize, Range<usize>)>,
}

/// The top level of a file. Read part by part (`read_raw`), so that a mistake in one card
/// does not hide the mistakes in the next.
#[derive(Default)]
struct RawFile {
    deck: Option<Spanned<RawDeck>>,
    category: Vec<Spanned<RawCategory>>,
    card: Vec<Spanned<RawCard>>,
    plan: Option<Spanned<RawPlan>>,
    round: Vec<Spanned<RawRound>>,
    styles: Option<Spanned<RawStyles>>,
    style: Vec<Spanned<RawStyle>>,
    statement: Vec<Spanned<RawStatement>>,
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
struct RawDeck {
    id: Spanned<String>,
    title: Spanned<String>,
    description: Spanned<String>,
    language: Spanned<String>,
    source: Option<Spanned<String>>,
    license: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    description: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCard {
    id: Spanned<String>,
    category: Spanned<String>,
    title: Spanned<String>,
    prompt: Spanned<String>,
    hint: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    form: Option<Spanned<String>>,
    minutes: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    id: Spanned<String>,
    title: Spanned<String>,
    description: Spanned<String>,
    #[serde(default)]
    decks: Vec<Spanned<String>>,
    goal: Option<Spanned<String>>,
    audience: Option<Spanned<String>>,
    group_size: Option<Spanned<RawGroupSize>>,
    #[serde(default)]
    needs: Vec<Spanned<String>>,
    #[serde(default)]
    tips: Vec<Spanned<String>>,
    #[serde(default)]
    variations: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroupSize {
    min: Spanned<i64>,
    max: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    title: Spanned<String>,
    minutes: Option<Spanned<i64>>,
    per_person: Option<Spanned<f64>>,
    per_team: Option<Spanned<f64>>,
    min_minutes: Option<Spanned<i64>>,
    max_minutes: Option<Spanned<i64>>,
    until: Option<Spanned<String>>,
    instruction: Spanned<String>,
    draw: Option<Spanned<RawDraw>>,
    turns: Option<Spanned<RawTurns>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    kind: Option<Spanned<String>>,
    teams: Option<Spanned<RawTeams>>,
    vote: Option<Spanned<RawVote>>,
}

impl RawRound {
    fn is_teams(&self) -> bool {
        self.kind.as_ref().is_some_and(|k| k.get_ref() == "teams")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDraw {
    deck: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    count: Option<Spanned<i64>>,
    #[serde(default)]
    with: Vec<Spanned<String>>,
    #[serde(default)]
    without: Vec<Spanned<String>>,
    form: Option<Spanned<String>>,
    #[serde(default)]
    each: Option<Spanned<bool>>,
}

/// Collects problems while a file is validated.
pub(super) struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    locator: Locator<'a>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    pub(super) fn report(&mut self, span: Range<usize>, message: String) {
        let problem = self.locator.problem(self.file, span, message);
        self.problems.push(problem);
    }

    /// The same words at every table that does not belong in this kind of file.
    fn report_strays(&mut self, strays: impl IntoIterator<Item = Range<usize>>, message: String) {
        for stray in strays {
            self.report(stray, message.clone());
        }
    }

    /// A required text: trimmed, never empty, without control characters. Line breaks are
    /// kept (a Windows line break becomes a plain one).
    pub(super) fn text(&mut self, value: &Spanned<String>, field: &str) -> String {
        self.no_controls(value, field);
        let text = value.get_ref().replace("\r\n", "\n");
        let text = text.trim();
        if text.is_empty() {
            self.report(value.span(), tr!("`{field}` is leeg", "`{field}` is empty"));
        }
        text.to_string()
    }

    /// Reports the first control character (other than a line break) in a text: shown on a
    /// terminal, `ESC ] 2 ; … BEL` retitles it and other sequences do worse. The position is
    /// that of the character, or of the escape (`\u001b`, `\e`, …) that wrote it.
    fn no_controls(&mut self, value: &Spanned<String>, field: &str) {
        let text = value.get_ref();
        let mut chars = text.chars().peekable();
        let mut found = None;
        while let Some(c) = chars.next() {
            let crlf = c == '\r' && chars.peek() == Some(&'\n');
            if c.is_control() && c != '\n' && !crlf {
                found = Some(c);
                break;
            }
        }
        let Some(c) = found else {
            return;
        };
        let span = value.span();
        let at = self
            .text
            .get(span.clone())
            .and_then(|raw| escape_offset(raw, c))
            .map_or(span.start, |offset| span.start + offset);
        let code = format!("U+{:04X}", c as u32);
        self.report(
            at..at,
            tr!(
                "`{field}` bevat een stuurteken ({code}); zulke tekens kunnen de terminal overnemen: haal het weg",
                "`{field}` contains a control character ({code}); such characters can take over the terminal: remove it"
            ),
        );
    }

    /// A number of minutes from `low` to `MAX_ROUND_MINUTES`.
    fn minutes(&mut self, value: &Spanned<i64>, field: &str, low: i64) -> u32 {
        let m = *value.get_ref();
        let max = i64::from(MAX_ROUND_MINUTES);
        if !(low..=max).contains(&m) {
            self.report(
                value.span(),
                tr!(
                    "`{field} = {m}` kan niet: kies {low} tot en met {MAX_ROUND_MINUTES}",
                    "`{field} = {m}` is not possible: choose {low} to {MAX_ROUND_MINUTES}"
                ),
            );
        }
        m.clamp(low, max) as u32
    }

    /// A card's or draw's form of work: one of `CARD_FORMS`.
    fn form(&mut self, value: &Spanned<String>) -> String {
        let form = value.get_ref().trim().to_string();
        if !CARD_FORMS.contains(&form.as_str()) {
            let hint = suggestion(&form, CARD_FORMS.iter().copied());
            let list = CARD_FORMS.map(|f| format!("\"{f}\"")).join(", ");
            self.report(
                value.span(),
                tr!(
                    "onbekende werkwijze `form = \"{form}\"`{hint} (kies uit {list})",
                    "unknown form of work `form = \"{form}\"`{hint} (choose from {list})"
                ),
            );
        }
        form
    }

    pub(super) fn optional_line(
        &mut self,
        value: &Option<Spanned<String>>,
        field: &str,
    ) -> Option<String> {
        let value = value.as_ref()?;
        let text = self.text(value, field);
        if text.contains('\n') {
            self.report(
                value.span(),
                tr!(
                    "`{field}` moet op één regel passen",
                    "`{field}` must fit on one line"
                ),
            );
        }
        Some(text)
    }

    pub(super) fn id(&mut self, value: &Spanned<String>, what: &str) -> String {
        let id = value.get_ref();
        if !is_valid_id(id) {
            self.report(
                value.span(),
                tr!(
                    "ongeldige {what}-id `{id}`: gebruik kleine letters, cijfers en '-', beginnend met een letter",
                    "invalid {what} id `{id}`: use lowercase letters, digits and '-', starting with a letter"
                ),
            );
        }
        id.clone()
    }

    /// Reports the second and later use of an id within one list.
    pub(super) fn unique<'v>(
        &mut self,
        ids: impl Iterator<Item = &'v Spanned<String>>,
        what: &str,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            if let Some(&first) = seen.get(id.get_ref().as_str()) {
                let (line, _) = self.locator.line_col(first);
                let name = id.get_ref();
                self.report(
                    id.span(),
                    tr!(
                        "dubbele {what}-id `{name}` (ook op regel {line})",
                        "duplicate {what} id `{name}` (also on line {line})"
                    ),
                );
            } else {
                seen.insert(id.get_ref(), id.span().start);
            }
        }
    }
}

/// Where in the source of a string literal the control character `c` is written: as itself
/// or as one of TOML's escapes for it. `None` when it cannot be found.
fn escape_offset(raw: &str, c: char) -> Option<usize> {
    let code = c as u32;
    let lower = raw.to_ascii_lowercase();
    let mut spellings = vec![
        c.to_string(),
        format!("\\u{code:04x}"),
        format!("\\u{code:08x}"),
        format!("\\x{code:02x}"),
    ];
    let short = match c {
        '\u{8}' => Some("\\b"),
        '\t' => Some("\\t"),
        '\u{c}' => Some("\\f"),
        '\r' => Some("\\r"),
        '\u{1b}' => Some("\\e"),
        _ => None,
    };
    spellings.extend(short.map(str::to_string));
    spellings
        .iter()
        .filter_map(|spelling| lower.find(spelling.as_str()))
        .min()
}

pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
        && id.len() <= 64
}

/// Parses and validates one file. `file` is the name used in problem reports.
pub fn parse(file: &str, text: &str) -> Result<Parsed, Vec<Problem>> {
    let mut checker = Checker {
        file,
        text,
        locator: Locator::new(text),
        problems: Vec::new(),
    };
    let Some(raw) = read_raw(&mut checker, text) else {
        return Err(checker.problems);
    };
    if raw.styles.is_some() {
        let parsed = styles_file(&mut checker, raw);
        return match parsed {
            Some(set) if checker.problems.is_empty() => Ok(Parsed::Styles(set)),
            _ => Err(checker.problems),
        };
    }
    checker.report_strays(
        raw.style
            .iter()
            .map(|s| s.span())
            .chain(raw.statement.iter().map(|s| s.span())),
        tr!(
            "[[style]] en [[statement]] horen in een stijlenset ([styles]), niet in een stapel of werkvorm",
            "[[style]] and [[statement]] belong in a style set ([styles]), not in a deck or plan"
        ),
    );
    let parsed = match (&raw.deck, &raw.plan) {
        (Some(_), Some(plan)) => {
            checker.report(
                plan.span(),
                tr!(
                    "een bestand is óf een stapel ([deck]) óf een werkvorm ([plan]), niet allebei",
                    "a file is either a deck ([deck]) or a plan ([plan]), not both"
                ),
            );
            None
        }
        (Some(_), None) => deck(&mut checker, raw).map(Parsed::Deck),
        (None, Some(_)) => plan(&mut checker, raw).map(|(p, r)| Parsed::Plan(p, r)),
        (None, None) => {
            checker.report(
                0..0,
                tr!(
                    "geen [deck]-, [plan]- of [styles]-tabel: dit is geen stapel, werkvorm of stijlenset",
                    "no [deck], [plan] or [styles] table: this is neither a deck, a plan nor a style set"
                ),
            );
            None
        }
    };
    match parsed {
        Some(parsed) if checker.problems.is_empty() => Ok(parsed),
        _ => Err(checker.problems),
    }
}

/// The file's tables, or `None` after reporting every syntax error (one per line) or every
/// part that does not fit the schema (each card, category and round on its own).
fn read_raw(c: &mut Checker, text: &str) -> Option<RawFile> {
    let (root, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut errors: Vec<(Range<usize>, String)> = errors
            .iter()
            .map(|e| (e.span().unwrap_or(0..0), e.message().to_string()))
            .collect();
        errors.sort_by_key(|(span, _)| span.start);
        let mut lines = std::collections::HashSet::new();
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

/// A styles file: only `[styles]`, `[[style]]` and `[[statement]]`.
fn styles_file(c: &mut Checker, raw: RawFile) -> Option<StyleSet> {
    let strays = [
        raw.deck.as_ref().map(|d| d.span()),
        raw.plan.as_ref().map(|p| p.span()),
    ]
    .into_iter()
    .flatten()
    .chain(raw.category.iter().map(|s| s.span()))
    .chain(raw.card.iter().map(|s| s.span()))
    .chain(raw.round.iter().map(|s| s.span()));
    c.report_strays(
        strays.collect::<Vec<_>>(),
        tr!(
            "een stijlenset ([styles]) bevat alleen [[style]] en [[statement]]",
            "a style set ([styles]) holds only [[style]] and [[statement]]"
        ),
    );
    let header = raw.styles?;
    Some(style_set(c, header, &raw.style, &raw.statement))
}

fn deck(c: &mut Checker, raw: RawFile) -> Option<Deck> {
    let header_span = raw.deck.as_ref()?.span();
    let header = raw.deck?.into_inner();
    for round in &raw.round {
        c.report(
            round.span(),
            tr!(
                "[[round]] hoort in een werkvorm, niet in een stapel",
                "[[round]] belongs in a plan, not in a deck"
            ),
        );
    }
    let deck_id = c.id(&header.id, "stapel");
    let title = c.text(&header.title, "title");
    let description = c.text(&header.description, "description");
    let language = c.text(&header.language, "language");
    let source = c.optional_line(&header.source, "source");
    let license = c.optional_line(&header.license, "license");

    if raw.category.is_empty() {
        c.report(
            header_span.clone(),
            tr!(
                "de stapel heeft geen [[category]]",
                "the deck has no [[category]]"
            ),
        );
    }
    if raw.card.is_empty() {
        c.report(
            header_span,
            tr!("de stapel heeft geen [[card]]", "the deck has no [[card]]"),
        );
    }
    c.unique(
        raw.category.iter().map(|cat| &cat.get_ref().id),
        "categorie",
    );
    c.unique(raw.card.iter().map(|card| &card.get_ref().id), "kaart");

    let categories: Vec<Category> = raw
        .category
        .iter()
        .map(|cat| {
            let cat = cat.get_ref();
            Category {
                id: c.id(&cat.id, "categorie"),
                title: c.text(&cat.title, "title"),
                description: cat
                    .description
                    .as_ref()
                    .map(|d| {
                        c.no_controls(d, "description");
                        d.get_ref().replace("\r\n", "\n").trim().to_string()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let category_ids: Vec<&str> = categories.iter().map(|cat| cat.id.as_str()).collect();

    let cards = raw
        .card
        .iter()
        .map(|card| {
            let card = card.get_ref();
            let category = card.category.get_ref();
            if !category_ids.contains(&category.as_str()) {
                let hint = suggestion(category, category_ids.iter().copied());
                c.report(
                    card.category.span(),
                    tr!(
                        "onbekende categorie `{category}`{hint}",
                        "unknown category `{category}`{hint}"
                    ),
                );
            }
            let safety = card.tags.iter().find(|t| t.get_ref().trim() == SAFETY_TAG);
            if let (Some(tag), None) = (safety, &card.hint) {
                c.report(
                    tag.span(),
                    tr!(
                        "een kaart met de tag `{SAFETY_TAG}` heeft een `hint` voor de begeleider nodig: hoe stel je deze vraag veilig?",
                        "a card tagged `{SAFETY_TAG}` needs a facilitator's `hint`: how to ask this question safely?"
                    ),
                );
            }
            Card {
                id: c.id(&card.id, "kaart"),
                category: category.clone(),
                title: c.text(&card.title, "title"),
                prompt: c.text(&card.prompt, "prompt"),
                hint: card.hint.as_ref().map(|h| c.text(h, "hint")),
                tags: card.tags.iter().map(|t| c.text(t, "tags")).collect(),
                form: card.form.as_ref().map(|f| c.form(f)),
                minutes: card.minutes.as_ref().map(|m| c.minutes(m, "minutes", 1)),
            }
        })
        .collect();

    Some(Deck {
        id: deck_id,
        title,
        description,
        language,
        source,
        license,
        categories,
        cards,
    })
}

fn plan(c: &mut Checker, raw: RawFile) -> Option<(Plan, PlanRefs)> {
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

fn plan_round(
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
    let draw = round.draw.as_ref().map(|draw| {
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
    });
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

/// A round's length: `minutes`, or `until` a clock time, or a fixed part plus `per_person`
/// (with optional `min_minutes` and `max_minutes`). A scaled round's length is resolved for
/// the plan's nominal group until a session resolves it for its own.
fn round_length(
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

/// "14:30" or "9:05" → a time of day.
pub fn parse_clock_time(text: &str) -> Option<NaiveTime> {
    crate::clock_time::parse(text)
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
    let mut c = Checker {
        file,
        text,
        locator: Locator::new(text),
        problems: Vec::new(),
    };
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
    let mut c = Checker {
        file,
        text,
        locator: Locator::new(text),
        problems: Vec::new(),
    };
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
            c.report(
                span.clone(),
                tr!(
                    "deze trekking kan kaarten met de tag `{SAFETY_TAG}` delen (lastig met een leidinggevende erbij) zonder dat de werkvorm het zegt: zet `without = [\"{SAFETY_TAG}\"]` in `draw`, of `with = [\"{SAFETY_TAG}\"]` om ze bewust te delen",
                    "this draw can deal cards tagged `{SAFETY_TAG}` (hard with a manager in the room) without the plan saying so: put `without = [\"{SAFETY_TAG}\"]` in `draw`, or `with = [\"{SAFETY_TAG}\"]` to deal them on purpose"
                ),
            );
        }
    }
    c.problems
}

/// ", bedoel je `x`?" for the nearest known id, or nothing when none is close.
pub fn suggestion<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> String {
    did_you_mean(nearest(wrong, known))
}

/// ", bedoel je `x`?" for `best`, found earlier with [`nearest`]; nothing without one.
pub fn did_you_mean(best: Option<&str>) -> String {
    match best {
        Some(best) => tr!("; bedoel je `{best}`?", "; did you mean `{best}`?"),
        None => String::new(),
    }
}

pub fn nearest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::damerau_levenshtein(wrong, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 2).max(2) || k.contains(wrong))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_problems(rounds: &str) -> Vec<String> {
        let text =
            format!("[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = []\n{rounds}");
        match parse("p.toml", &text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_round_runs_for_minutes_or_until_a_clock_time() {
        let ok = "[[round]]\ntitle = \"R\"\nuntil = \"14:30\"\ninstruction = \"I\"\n";
        let Ok(Parsed::Plan(plan, _)) = parse(
            "p.toml",
            &format!("[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n{ok}"),
        ) else {
            panic!("valid plan rejected");
        };
        assert_eq!(
            plan.rounds[0].length,
            RoundLength::Until(NaiveTime::from_hms_opt(14, 30, 0).unwrap())
        );
        let both =
            "[[round]]\ntitle = \"R\"\nminutes = 5\nuntil = \"14:30\"\ninstruction = \"I\"\n";
        assert_eq!(
            plan_problems(both),
            ["p.toml:8:11: geef `minutes` óf `until`, niet allebei"]
        );
        let neither = "[[round]]\ntitle = \"R\"\ninstruction = \"I\"\n";
        assert_eq!(plan_problems(neither).len(), 1);
        let bad = "[[round]]\ntitle = \"R\"\nuntil = \"half drie\"\ninstruction = \"I\"\n";
        assert!(plan_problems(bad)[0].contains("geen kloktijd"));
    }

    #[test]
    fn a_deck_reference_must_be_listed_in_decks() {
        let round = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { deck = \"x\", count = 50 }\n";
        let problems = plan_problems(round);
        assert!(problems.iter().any(|p| p.contains("staat niet in `decks`")));
        assert!(problems.iter().any(|p| p.contains("`count = 50`")));
    }

    #[test]
    fn a_plan_describes_itself_like_a_werkvorm() {
        let text = "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ngoal = \"Afspraken\"\naudience = \"Een team\"\ngroup_size = { min = 3, max = 12 }\nneeds = [\"Een scherm\", \"Post-its\"]\ntips = [\"Begin op tijd\"]\nvariations = [\"Online\"]\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n";
        let Ok(Parsed::Plan(plan, _)) = parse("p.toml", text) else {
            panic!("valid plan rejected");
        };
        assert_eq!(plan.guide.goal.as_deref(), Some("Afspraken"));
        assert_eq!(plan.guide.audience.as_deref(), Some("Een team"));
        assert_eq!(plan.guide.group_size, Some(GroupSize { min: 3, max: 12 }));
        assert_eq!(plan.guide.group_size.unwrap().to_string(), "3–12");
        assert_eq!(plan.guide.needs, ["Een scherm", "Post-its"]);
        assert_eq!(plan.guide.tips, ["Begin op tijd"]);
        assert_eq!(plan.guide.variations, ["Online"]);

        // Without the optional fields the guide is empty and is not written to a journal.
        let Ok(Parsed::Plan(bare, _)) = parse(
            "p.toml",
            "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n",
        ) else {
            panic!("valid plan rejected");
        };
        assert!(bare.guide.is_empty());
        assert!(!serde_json::to_string(&bare).unwrap().contains("guide"));
    }

    #[test]
    fn a_group_size_must_make_sense() {
        let problems = |size: &str| {
            let text = format!(
                "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ngroup_size = {size}\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n"
            );
            match parse("p.toml", &text) {
                Ok(_) => Vec::new(),
                Err(problems) => problems.iter().map(ToString::to_string).collect(),
            }
        };
        assert!(problems("{ min = 2, max = 8 }").is_empty());
        assert!(problems("{ min = 9, max = 4 }")[0].contains("kleiner dan `min`"));
        assert!(problems("{ min = 0, max = 4 }")[0].contains("1 tot en met"));
        assert!(problems("{ min = 2 }")[0].contains("`max`"));
    }

    #[test]
    fn a_draw_filters_on_tags_and_cannot_want_and_refuse_one() {
        let round = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { with = [\"a\"], without = [\"b\"] }\n";
        assert!(plan_problems(round).is_empty());
        let both = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { with = [\"a\"], without = [\"a\"] }\n";
        assert!(plan_problems(both)[0].contains("in `with` én in `without`"));

        let card = |tags: &[&str]| Card {
            id: "k".into(),
            category: "c".into(),
            title: "T".into(),
            prompt: "P".into(),
            hint: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            form: None,
            minutes: None,
        };
        let draw = DrawSpec {
            deck: None,
            category: Some("c".into()),
            count: 1,
            with: vec![],
            without: vec![SAFETY_TAG.into()],
            form: None,
            each: false,
        };
        assert!(draw.admits(&card(&["start"])));
        assert!(!draw.admits(&card(&["start", SAFETY_TAG])));
        let only = DrawSpec {
            with: vec![SAFETY_TAG.into()],
            without: vec![],
            ..draw.clone()
        };
        assert!(only.admits(&card(&[SAFETY_TAG])));
        assert!(!only.admits(&card(&[])));
        let other_category = Card {
            category: "d".into(),
            ..card(&[])
        };
        assert!(!draw.admits(&other_category));
        assert!(draw.admits_tags(&other_category));
    }

    #[test]
    fn a_safety_card_needs_a_hint() {
        let deck = |hint: &str| {
            format!(
                "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\ntags = [\"veiligheid\"]\n{hint}"
            )
        };
        let Err(problems) = parse("d.toml", &deck("")) else {
            panic!("a safety card without a hint was accepted");
        };
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("d.toml:14:9: een kaart met de tag `veiligheid`")
        );
        assert!(
            parse(
                "d.toml",
                &deck("hint = \"Vraag eerst of de leiding weg mag.\"\n")
            )
            .is_ok()
        );
    }

    #[test]
    fn a_draw_that_deals_safety_cards_blind_is_reported() {
        let deck_text = "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"open\"\ntitle = \"Open\"\n[[category]]\nid = \"rust\"\ntitle = \"Rust\"\n[[card]]\nid = \"a\"\ncategory = \"open\"\ntitle = \"A\"\nprompt = \"A?\"\ntags = [\"veiligheid\"]\nhint = \"H\"\n[[card]]\nid = \"b\"\ncategory = \"rust\"\ntitle = \"B\"\nprompt = \"B?\"\n";
        let Ok(Parsed::Deck(deck)) = parse("d.toml", deck_text) else {
            panic!("deck rejected");
        };
        let check = |decks: &str, draw: &str| -> Vec<String> {
            let text = format!(
                "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = {decks}\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = {draw}\n"
            );
            let Ok(Parsed::Plan(plan, refs)) = parse("p.toml", &text) else {
                panic!("plan rejected: {draw}");
            };
            let find = |id: &str| (id == "d").then_some(&deck);
            check_plan_draws("p.toml", &text, &plan, &refs, &find, &[&deck])
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        let blind = check("[\"d\"]", "{ category = \"open\" }");
        assert_eq!(blind.len(), 1, "{blind:?}");
        assert!(
            blind[0].starts_with(
                "p.toml:10:8: deze trekking kan kaarten met de tag `veiligheid` delen"
            )
        );
        // A whole deck chosen at the start (decks = []) may hold them too.
        assert_eq!(check("[]", "{ count = 1 }").len(), 1);
        // Said out loud: left out, dealt on purpose, or a category without them.
        assert!(
            check(
                "[\"d\"]",
                "{ category = \"open\", with = [\"veiligheid\"] }"
            )
            .is_empty()
        );
        assert!(check("[]", "{ without = [\"veiligheid\"] }").is_empty());
        assert!(check("[\"d\"]", "{ category = \"rust\" }").is_empty());
        // A filter that leaves nothing to deal.
        let empty = check(
            "[\"d\"]",
            "{ category = \"rust\", with = [\"veiligheid\"] }",
        );
        assert!(empty[0].contains("vindt geen enkele kaart"), "{empty:?}");
    }

    #[test]
    fn a_card_says_its_form_of_work_and_a_draw_filters_on_it() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let deck = |extra: &str| {
            format!(
                "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\n{extra}"
            )
        };
        let Ok(Parsed::Deck(ok)) = parse("d.toml", &deck("form = \"beurt\"\nminutes = 5\n")) else {
            panic!("a card with a form was rejected");
        };
        let card = &ok.cards[0];
        assert_eq!(card.form.as_deref(), Some("beurt"));
        assert_eq!(card.minutes, Some(5));
        assert_eq!(card.usage().as_deref(), Some("om de beurt · ± 5 minuten"));
        let Err(problems) = parse("d.toml", &deck("form = \"bert\"\nminutes = 0\n")) else {
            panic!("a wrong form was accepted");
        };
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            problems[0].starts_with(
                "d.toml:14:8: onbekende werkwijze `form = \"bert\"`; bedoel je `beurt`?"
            ),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("d.toml:15:11: `minutes = 0` kan niet"),
            "{problems:?}"
        );

        // A draw for turns deals cards for turns, and cards that name no form.
        let draw = DrawSpec {
            deck: None,
            category: None,
            count: 1,
            with: vec![],
            without: vec![],
            form: Some("beurt".into()),
            each: false,
        };
        let with_form = |form: Option<&str>| Card {
            form: form.map(str::to_string),
            ..card.clone()
        };
        assert!(draw.admits(&with_form(Some("beurt"))));
        assert!(draw.admits(&with_form(None)));
        assert!(!draw.admits(&with_form(Some("groep"))));
    }

    #[test]
    fn ids_are_checked() {
        assert!(is_valid_id("wat-opgave-01"));
        assert!(!is_valid_id("Wat"));
        assert!(!is_valid_id("1-a"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
    }

    #[test]
    fn nearest_id_is_suggested_only_when_close() {
        let known = ["koerskaarten", "loyale-tegenspraak"];
        assert_eq!(
            nearest("koerskaart", known.iter().copied()),
            Some("koerskaarten")
        );
        assert_eq!(nearest("xyz", known.iter().copied()), None);
    }
}
