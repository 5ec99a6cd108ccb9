//! The plan builder on screen: the rounds with their clock times and the live total, the
//! form of one round or of the plan, and every problem in words. Only draws; reads the
//! `Builder` and never changes it. Safe at any size; the bottom line names the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme;
use crate::app::Status;
use crate::builder::keymap::{self, BuilderKey};
use crate::builder::{
    Builder, LengthKind, PLAN_FIELDS, PlanField, RoundField, View, category_label, deck_label,
    form_choice_label, kind_label, safety_label, sort_label, team_by_label, vote_by_label,
    vote_from_label,
};
use crate::catalog::RoundLength;
use crate::catalog::timing::total_label;
use crate::input::LineInput;
use crate::tr;

pub fn render(builder: &Builder, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(u16::from(area.height >= 6)),
        Constraint::Min(0),
        Constraint::Length(u16::from(area.height >= 4)),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = builder.plan.title.text();
    let mark = if builder.dirty { " •" } else { "" };
    Paragraph::new(Line::from(vec![
        Span::styled(
            tr!(" tafel · Werkvorm bouwen — ", " tafel · Plan builder — "),
            theme::dim(),
        ),
        Span::styled(format!("{title}{mark}"), theme::title()),
        Span::styled(format!("  ({})", builder.target_label()), theme::dim()),
    ]))
    .render(header, buf);
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    match &builder.view {
        View::Rounds { selected } => render_rounds(builder, *selected, body, buf),
        View::Round { index, field } => render_round(builder, *index, *field, body, buf),
        View::Plan { field } => render_plan(builder, *field, body, buf),
        View::ConfirmLeave => {
            let lines = vec![
                Line::styled(
                    tr!(
                        "Er zijn wijzigingen die nog niet bewaard zijn.",
                        "There are changes that are not saved yet."
                    ),
                    theme::title(),
                ),
                Line::default(),
                Line::from(
                    keymap::LEAVE
                        .hint_pairs(&[BuilderKey::Leave, BuilderKey::Stay])
                        .into_iter()
                        .chain(keymap::BUILDER.hint_pairs(&[BuilderKey::Save]))
                        .map(|(keys, words)| format!("{keys} = {words}"))
                        .collect::<Vec<_>>()
                        .join(" · "),
                ),
            ];
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(body, buf);
        }
    }
    if let Some(Status::Info(text) | Status::Error(text)) = &builder.status {
        let style = match builder.status {
            Some(Status::Error(_)) => theme::error(),
            _ => theme::accent(),
        };
        Paragraph::new(Line::styled(format!(" {text}"), style)).render(status, buf);
    }
    let hints = footer_hints(&builder.view);
    Paragraph::new(Line::styled(
        super::fit_hints(&hints, footer.width),
        theme::dim(),
    ))
    .render(footer, buf);
    if builder.help {
        super::overlays::render_key_help(
            help_lines(&builder.view),
            tr!("Toetsen — een toets sluit", "Keys — any key closes"),
            area,
            buf,
        );
    }
}

/// Every key of the view, for F1: its table, the list keys on the rounds, and Ctrl+S / F1.
pub fn help_lines(view: &View) -> Vec<(String, String)> {
    let mut lines = match view {
        View::Rounds { .. } => [crate::list::LIST.help(), keymap::ROUNDS.help()].concat(),
        View::Round { .. } => keymap::ROUND.help(),
        View::Plan { .. } => keymap::PLAN.help(),
        View::ConfirmLeave => keymap::LEAVE.help(),
    };
    lines.extend(keymap::BUILDER.help());
    lines
}

/// The footer of each view, from the builder's key tables: saving and going back before the
/// help, so a narrow footer keeps them.
fn footer_hints(view: &View) -> Vec<String> {
    let save = || keymap::BUILDER.hints(&[BuilderKey::Save]);
    let help = || keymap::BUILDER.hints(&[BuilderKey::Help]);
    match view {
        View::Rounds { .. } => [
            keymap::ROUNDS.hints(keymap::ROUNDS_FOOTER),
            save(),
            keymap::ROUNDS.hints(&[BuilderKey::Back]),
            help(),
            crate::list::LIST.hints(&[crate::list::Move::Up]),
        ]
        .concat(),
        View::Round { .. } => [
            keymap::ROUND.hints(&[
                BuilderKey::NextField,
                BuilderKey::ChooseNext,
                BuilderKey::Toggle,
            ]),
            save(),
            keymap::ROUND.hints(&[BuilderKey::Back]),
            help(),
            keymap::ROUND.hints(&[BuilderKey::Enter]),
        ]
        .concat(),
        View::Plan { .. } => [
            keymap::PLAN.hints(&[BuilderKey::NextField]),
            save(),
            keymap::PLAN.hints(&[BuilderKey::Back]),
            help(),
        ]
        .concat(),
        View::ConfirmLeave => Vec::new(),
    }
}

fn length_text(length: RoundLength) -> String {
    match length {
        RoundLength::Minutes(m) => format!("{m} min"),
        RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
    }
}

/// The total for the group and the time the plan ends.
fn total_line(builder: &Builder) -> Line<'static> {
    let (plan, _) = builder.plan();
    let (_, times) = builder.schedule();
    let (start, end) = (times[0], times[times.len() - 1]);
    Line::styled(
        tr!(
            "Totaal: {} · {}–{}",
            "Total: {} · {}–{}",
            total_label(&plan, builder.people()),
            start.format("%H:%M"),
            end.format("%H:%M")
        ),
        theme::accent(),
    )
}

fn problem_lines(problems: &[String], room: usize) -> Vec<Line<'static>> {
    if problems.is_empty() {
        return vec![Line::styled(
            tr!(
                "Geen problemen: Ctrl+S bewaart de werkvorm.",
                "No problems: Ctrl+S saves the plan."
            ),
            theme::dim(),
        )];
    }
    let mut lines = vec![Line::styled(
        tr!(
            "Wat `tafel check` nog meldt ({}):",
            "What `tafel check` still reports ({}):",
            problems.len()
        ),
        theme::error(),
    )];
    lines.extend(
        problems
            .iter()
            .take(room.max(1))
            .map(|p| Line::from(format!("• {p}"))),
    );
    lines
}

fn render_rounds(builder: &Builder, selected: usize, area: Rect, buf: &mut Buffer) {
    let (resolved, times) = builder.schedule();
    let library = builder.library();
    let problems = builder.problems();
    let problem_height = (problems.len() as u16 + 1).min(area.height / 3).max(1);
    let [list, total, _, problem_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(problem_height),
    ])
    .areas(area);
    let wide = area.width >= 110;
    let mut lines = Vec::new();
    for (i, round) in resolved.rounds.iter().enumerate() {
        let marker = if i == selected { "▶" } else { " " };
        let mut text = format!(
            "{marker} {}  {:>2}. {}  {}",
            times[i].format("%H:%M"),
            i + 1,
            round.title,
            length_text(round.length)
        );
        match round.scale {
            Some(scale) if wide => text.push_str(&format!(" ({})", scale.describe())),
            Some(scale) if scale.per_team() => text.push_str(&tr!(" p.team", " per team")),
            Some(_) => text.push_str(&tr!(" p.p.", " pp")),
            None => {}
        }
        if let (Some(scale), Some(teams)) =
            (round.scale, resolved.teams_for_round(i, builder.people()))
            && scale.per_team()
        {
            text.push_str(&format!(" · {}", crate::catalog::teams_text(teams)));
        }
        if round.turns && round.team_turns {
            text.push_str(&tr!(" · beurten per team", " · turns per team"));
        } else if round.turns {
            text.push_str(&tr!(" · beurten", " · turns"));
        }
        if let Some(draw) = &round.draw {
            let deck = deck_label(library, &Some(draw.deck.clone()));
            text.push_str(&match draw.count {
                1 => tr!(" · 1 kaart uit {deck}", " · 1 card from {deck}"),
                n => tr!(" · {n} kaarten uit {deck}", " · {n} cards from {deck}"),
            });
        }
        let style = if i == selected {
            theme::selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    let end = times[times.len() - 1];
    lines.push(Line::styled(
        tr!("  {}  einde", "  {}  end", end.format("%H:%M")),
        theme::dim(),
    ));
    let visible = list.height.saturating_sub(1) as usize;
    let scroll = selected.saturating_sub(visible.saturating_sub(1)) as u16;
    Paragraph::new(Text::from(lines))
        .scroll((scroll, 0))
        .render(list, buf);
    Paragraph::new(total_line(builder)).render(total, buf);
    Paragraph::new(problem_lines(
        &problems,
        problem_area.height.saturating_sub(1) as usize,
    ))
    .wrap(Wrap { trim: true })
    .render(problem_area, buf);
}

fn field_label(field: RoundField) -> String {
    match field {
        RoundField::Title => tr!("Titel", "Title"),
        RoundField::Sort => tr!("Soort ronde", "Kind of round"),
        RoundField::TeamBy => tr!("Teams op", "Teams by"),
        RoundField::TeamNumber | RoundField::VoteBudget => tr!("Hoeveel", "How many"),
        RoundField::TeamMix => tr!("Stijlen mengen", "Mix the styles"),
        RoundField::VoteBy => tr!("Stemmen met", "Vote with"),
        RoundField::VoteOptions => tr!("Opties (komma's)", "Options (commas)"),
        RoundField::VoteMax => tr!("Hooguit per optie", "At most per option"),
        RoundField::VoteFrom => tr!("Opties uit", "Options from"),
        RoundField::Kind => tr!("Lengte", "Length"),
        RoundField::Minutes => tr!("Minuten", "Minutes"),
        RoundField::PerPerson => tr!("Per persoon (min)", "Per person (min)"),
        RoundField::PerTeam => tr!("Per team (minuten)", "Per team (min)"),
        RoundField::MaxMinutes => tr!("Hooguit (min)", "At most (min)"),
        RoundField::Until => tr!("Tot (UU:MM)", "Until (HH:MM)"),
        RoundField::Instruction => tr!("Instructie", "Instruction"),
        RoundField::Deck => tr!("Kaarten uit", "Cards from"),
        RoundField::Category => tr!("Categorie", "Category"),
        RoundField::Count => tr!("Aantal", "Count"),
        RoundField::Form => tr!("Werkwijze", "Form of work"),
        RoundField::Turns => tr!("Om de beurt", "Turn by turn"),
        RoundField::Each => tr!("Ieder een kaart", "A card each"),
        RoundField::Safety => tr!("Veiligheidskaarten", "Safety cards"),
        RoundField::Roles => tr!("Rollen (komma's)", "Roles (commas)"),
    }
}

fn input_spans(input: &LineInput, focused: bool) -> Vec<Span<'static>> {
    let field = Style::new().add_modifier(Modifier::UNDERLINED);
    if !focused {
        return vec![Span::styled(format!("{} ", input.text()), field)];
    }
    let chars: Vec<char> = input.text().chars().collect();
    let cursor = input.cursor().min(chars.len());
    let before: String = chars[..cursor].iter().collect();
    let at = chars.get(cursor).copied().unwrap_or(' ');
    let after: String = chars.get(cursor + 1..).unwrap_or_default().iter().collect();
    vec![
        Span::styled(before, field),
        Span::styled(at.to_string(), theme::selected()),
        Span::styled(format!("{after} "), field),
    ]
}

fn choice_spans(text: String, focused: bool) -> Vec<Span<'static>> {
    if focused {
        vec![
            Span::styled("◀ ", theme::accent()),
            Span::styled(text, theme::title()),
            Span::styled(" ▶", theme::accent()),
        ]
    } else {
        vec![Span::raw(text)]
    }
}

fn yes_no(value: bool) -> String {
    if value {
        tr!("ja", "yes")
    } else {
        tr!("nee", "no")
    }
}

fn render_round(builder: &Builder, index: usize, focus: RoundField, area: Rect, buf: &mut Buffer) {
    let round = &builder.rounds[index];
    let library = builder.library();
    let mut lines = vec![Line::styled(
        tr!(
            "Ronde {} van {}",
            "Round {} of {}",
            index + 1,
            builder.rounds.len()
        ),
        theme::title(),
    )];
    let mut focus_line = 0;
    for field in round.fields() {
        let focused = field == focus;
        if focused {
            focus_line = lines.len();
        }
        let marker = if focused { "▶ " } else { "  " };
        let label = Span::styled(
            format!("{marker}{:<20}", field_label(field)),
            if focused {
                theme::accent()
            } else {
                theme::dim()
            },
        );
        let value: Vec<Span<'static>> = match field {
            RoundField::Title => input_spans(&round.title, focused),
            RoundField::Sort => choice_spans(sort_label(round.sort), focused),
            RoundField::TeamBy => choice_spans(team_by_label(round.team_count), focused),
            RoundField::TeamNumber => input_spans(&round.team_number, focused),
            RoundField::TeamMix => choice_spans(yes_no(round.team_mix), focused),
            RoundField::VoteBy => choice_spans(vote_by_label(round.vote_points), focused),
            RoundField::VoteBudget => input_spans(&round.vote_budget, focused),
            RoundField::VoteMax => {
                let mut spans = input_spans(&round.vote_max, focused);
                spans.push(Span::styled(
                    tr!("  leeg: geen grens", "  empty: no limit"),
                    theme::dim(),
                ));
                spans
            }
            RoundField::VoteOptions => {
                let mut spans = input_spans(&round.vote_options, focused);
                if round.vote_options.text().trim().is_empty() {
                    spans.push(Span::styled(
                        tr!(
                            "  leeg: opties uit de sessie",
                            "  empty: options from the session"
                        ),
                        theme::dim(),
                    ));
                }
                spans
            }
            RoundField::VoteFrom => choice_spans(vote_from_label(&round.vote_from), focused),
            RoundField::Kind => choice_spans(kind_label(round.kind), focused),
            RoundField::Minutes => {
                let mut spans = input_spans(&round.minutes, focused);
                if matches!(round.kind, LengthKind::PerPerson | LengthKind::PerTeam) {
                    spans.push(Span::styled(
                        tr!("  vast deel", "  fixed part"),
                        theme::dim(),
                    ));
                }
                spans
            }
            RoundField::PerPerson => {
                let mut spans = input_spans(&round.per_person, focused);
                spans.push(Span::styled(
                    tr!("  1.25 = 75 seconden", "  1.25 = 75 seconds"),
                    theme::dim(),
                ));
                spans
            }
            RoundField::PerTeam => {
                let mut spans = input_spans(&round.per_team, focused);
                spans.push(teams_hint(builder, index));
                spans
            }
            RoundField::MaxMinutes => input_spans(&round.max_minutes, focused),
            RoundField::Until => input_spans(&round.until, focused),
            RoundField::Instruction => Vec::new(),
            RoundField::Deck => choice_spans(deck_label(library, &round.deck), focused),
            RoundField::Category => choice_spans(
                category_label(library, round, builder.plan_decks()),
                focused,
            ),
            RoundField::Count => choice_spans(round.count.to_string(), focused),
            RoundField::Form => choice_spans(form_choice_label(&round.form), focused),
            RoundField::Turns if round.turns && round.team_turns => {
                choice_spans(tr!("per team", "by team"), focused)
            }
            RoundField::Turns => choice_spans(yes_no(round.turns), focused),
            RoundField::Each => choice_spans(yes_no(round.each), focused),
            RoundField::Safety => choice_spans(safety_label(round.safety()), focused),
            RoundField::Roles => input_spans(&round.roles, focused),
        };
        let mut spans = vec![label];
        spans.extend(value);
        lines.push(Line::from(spans));
        if field == RoundField::Instruction {
            let field_style = Style::new().add_modifier(Modifier::UNDERLINED);
            let (cursor_row, cursor_col) = round.instruction.cursor();
            for (row, line) in round.instruction.lines().iter().enumerate() {
                let mut spans = vec![Span::raw("    ")];
                if focused && row == cursor_row {
                    focus_line = lines.len();
                    let chars: Vec<char> = line.chars().collect();
                    let c = cursor_col.min(chars.len());
                    spans.push(Span::styled(
                        chars[..c].iter().collect::<String>(),
                        field_style,
                    ));
                    spans.push(Span::styled(
                        chars.get(c).map_or(" ".to_string(), |ch| ch.to_string()),
                        theme::selected(),
                    ));
                    spans.push(Span::styled(
                        chars
                            .get(c + 1..)
                            .unwrap_or_default()
                            .iter()
                            .collect::<String>(),
                        field_style,
                    ));
                } else {
                    spans.push(Span::styled(line.to_string(), field_style));
                }
                lines.push(Line::from(spans));
            }
        }
    }
    let mut bottom = Vec::new();
    if round.drops_talk_settings() {
        bottom.push(Line::styled(
            tr!(
                "Kaarten, beurten en rollen horen bij een gesprek: deze ronde bewaart ze niet.",
                "Cards, turns and roles belong to a talk round: this round does not keep them."
            ),
            theme::dim(),
        ));
    }
    let (resolved, times) = builder.schedule();
    if let Some(r) = resolved.rounds.get(index) {
        bottom.push(Line::styled(
            tr!(
                "Deze ronde: {} · van {} tot {} bij {} deelnemers",
                "This round: {} · from {} to {} with {} participants",
                length_text(r.length),
                times[index].format("%H:%M"),
                times[index + 1].format("%H:%M"),
                builder.people()
            ),
            theme::accent(),
        ));
    }
    bottom.push(total_line(builder));
    let number = index + 1;
    let all = builder.problems();
    let mine: Vec<String> = all
        .iter()
        .filter(|p| {
            p.starts_with(&tr!("Ronde {number} ", "Round {number} "))
                || p.starts_with(&tr!("Ronde {number}:", "Round {number}:"))
        })
        .cloned()
        .collect();
    match elsewhere_line(mine.len(), all.len()) {
        Some(line) => bottom.push(line),
        None => bottom.extend(problem_lines(&mine, 6)),
    }
    render_form(lines, focus_line, bottom, area, buf);
}

/// Draws a form above its `bottom` lines (the round's times, the total, the problems),
/// which always show, first lines first, in up to half the area (the problems' first line
/// at least): the form scrolls so line `focus` stays in view.
fn render_form(
    form: Vec<Line<'static>>,
    focus: usize,
    bottom: Vec<Line<'static>>,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = |lines: &[Line<'static>]| -> u16 {
        let count = Paragraph::new(Text::from(lines.to_vec()))
            .wrap(Wrap { trim: false })
            .line_count(area.width);
        u16::try_from(count).unwrap_or(u16::MAX)
    };
    let bottom_rows = rows(&bottom).min((area.height / 2).max(3)).min(area.height);
    let gap = u16::from(area.height > bottom_rows + 4);
    // Right under the form when it fits, else at the foot of the area.
    let form_rows = rows(&form).min(area.height.saturating_sub(bottom_rows + gap));
    let [form_area, _, bottom_area, _] = Layout::vertical([
        Constraint::Length(form_rows),
        Constraint::Length(gap),
        Constraint::Length(bottom_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    let focus = focus.min(form.len().saturating_sub(1));
    let before = rows(&form[..focus]);
    let through = before + rows(&form[focus..(focus + 1).min(form.len())]);
    let scroll = through.saturating_sub(form_area.height);
    Paragraph::new(Text::from(form))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(form_area, buf);
    Paragraph::new(Text::from(bottom))
        .wrap(Wrap { trim: false })
        .render(bottom_area, buf);
}

/// "4 teams bij 12 deelnemers", or that the plan has no teams round.
fn teams_hint(builder: &Builder, index: usize) -> Span<'static> {
    let (plan, _) = builder.plan();
    let people = builder.people();
    match plan.teams_for_round(index, people) {
        Some(teams) => Span::styled(
            tr!(
                "  {} bij {people} deelnemers",
                "  {} with {people} participants",
                crate::catalog::teams_text(teams)
            ),
            theme::dim(),
        ),
        None => Span::styled(
            tr!(
                "  geen teamronde in deze werkvorm",
                "  no teams round in this plan"
            ),
            theme::error(),
        ),
    }
}

fn plan_label(field: PlanField) -> String {
    match field {
        PlanField::Title => tr!("Titel", "Title"),
        PlanField::Id => tr!("Id (bestandsnaam)", "Id (file name)"),
        PlanField::Description => tr!("Beschrijving", "Description"),
        PlanField::GroupMin => tr!("Groep: minstens", "Group: at least"),
        PlanField::GroupMax => tr!("Groep: hooguit", "Group: at most"),
        PlanField::People => tr!("Tonen voor (mensen)", "Show for (people)"),
        PlanField::Start => tr!("Begintijd (UU:MM)", "Start time (HH:MM)"),
    }
}

/// Shown in an empty description, never saved.
pub fn description_example() -> String {
    tr!(
        "bijv. wat het oplevert en voor wie",
        "e.g. what it yields and for whom"
    )
}

fn render_plan(builder: &Builder, focus: PlanField, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::styled(tr!("De werkvorm", "The plan"), theme::title())];
    let mut focus_line = 0;
    for field in PLAN_FIELDS {
        let focused = field == focus;
        if focused {
            focus_line = lines.len();
        }
        let input = match field {
            PlanField::Title => &builder.plan.title,
            PlanField::Id => &builder.plan.id,
            PlanField::Description => &builder.plan.description,
            PlanField::GroupMin => &builder.plan.group_min,
            PlanField::GroupMax => &builder.plan.group_max,
            PlanField::People => &builder.plan.people,
            PlanField::Start => &builder.plan.start,
        };
        let marker = if focused { "▶ " } else { "  " };
        let mut spans = vec![Span::styled(
            format!("{marker}{:<22}", plan_label(field)),
            if focused {
                theme::accent()
            } else {
                theme::dim()
            },
        )];
        spans.extend(input_spans(input, focused));
        if field == PlanField::Description && input.is_empty() {
            spans.push(Span::styled(description_example(), theme::dim()));
        }
        if matches!(field, PlanField::People | PlanField::Start) {
            spans.push(Span::styled(
                tr!("  (niet bewaard)", "  (not saved)"),
                theme::dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let mut bottom = vec![total_line(builder)];
    let plan_problems: Vec<String> = builder
        .problems()
        .into_iter()
        .filter(|p| !p.starts_with(&tr!("Ronde ", "Round ")))
        .collect();
    let all = builder.problems().len();
    match elsewhere_line(plan_problems.len(), all) {
        Some(line) => bottom.push(line),
        None => bottom.extend(problem_lines(&plan_problems, 6)),
    }
    render_form(lines, focus_line, bottom, area, buf);
}

/// When this form has no problems but the plan still has some elsewhere: not "Ctrl+S saves"
/// (it would not), but how many are left and where to see them.
fn elsewhere_line(here: usize, all: usize) -> Option<Line<'static>> {
    if here > 0 || all == 0 {
        return None;
    }
    let text = match all {
        1 => tr!(
            "Hier is alles in orde; elders nog 1 probleem (Esc: de lijst met rondes).",
            "All fine here; 1 problem elsewhere (Esc: the list of rounds)."
        ),
        n => tr!(
            "Hier is alles in orde; elders nog {n} problemen (Esc: de lijst met rondes).",
            "All fine here; {n} problems elsewhere (Esc: the list of rounds)."
        ),
    };
    Some(Line::styled(text, theme::error()))
}
