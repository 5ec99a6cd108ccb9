//! The room screen of a group-work round (issue 10), drawn where a talk round shows its
//! card: the styles with each participant's pick, the teams with the styles present and
//! missing, or a vote (who has voted, then the ranking with bars and numbers in words).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::App;
use crate::app::group_keys::GroupKey;
use crate::catalog::RoundKind;
use crate::session::groupwork::team_coverage;
use crate::tr;

/// Whether the running round draws this panel instead of the card.
pub fn shows_panel(app: &App) -> bool {
    app.round_kind().is_some_and(|k| !k.is_talk())
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::card_border())
        .padding(ratatui::widgets::Padding::horizontal(1));
    let (title, text) = match app.round_kind() {
        Some(RoundKind::Styles) => {
            // Inside the border and the padding of one column each side.
            let width = usize::from(area.width.saturating_sub(4));
            let height = usize::from(area.height.saturating_sub(2));
            let text = super::styles_panel::lines(app, width, height, true);
            (tr!(" Voorkeurstijlen ", " Preference styles "), text)
        }
        Some(RoundKind::Teams(_)) => (tr!(" Teams ", " Teams "), teams(app)),
        Some(RoundKind::Vote(_)) => (tr!(" Stemming ", " Vote "), vote(app)),
        _ => return,
    };
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(block.title(Line::styled(title, theme::accent())))
        .render(area, buf);
}

fn teams(app: &App) -> Text<'static> {
    let group = &app.session.group;
    let mut text = Text::default();
    if group.teams.is_empty() {
        text.push_line(Line::styled(
            tr!(
                "nog geen teams (er zijn geen deelnemers)",
                "no teams yet (there are no participants)"
            ),
            theme::dim(),
        ));
        return text;
    }
    let set = group.style_set.as_deref();
    let selected = app.selected_participant();
    for (i, team) in group.teams.iter().enumerate() {
        let n = i + 1;
        let members = team
            .iter()
            .map(|p| {
                let names = group.style_names(p);
                let marker = if Some(p) == selected { "▶" } else { "" };
                if names.is_empty() {
                    format!("{marker}{p}")
                } else {
                    format!("{marker}{p} ({})", names.join(" + "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        text.push_line(Line::from(vec![
            Span::styled(tr!("Team {n}: ", "Team {n}: "), theme::title()),
            Span::raw(members),
        ]));
        if let Some(set) = set {
            let (_, missing) = team_coverage(team, &group.styles, Some(set));
            let line = if missing.is_empty() {
                tr!(
                    "        alle stijlen aanwezig",
                    "        every style present"
                )
            } else {
                let names = missing
                    .iter()
                    .map(|id| set.name(id).to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                tr!("        mist: {names}", "        missing: {names}")
            };
            text.push_line(Line::styled(line, theme::dim()));
        }
    }
    text.push_line(Line::default());
    text.push_line(Line::styled(
        crate::app::group_keys::TEAMS
            .hints(&[GroupKey::Up, GroupKey::Pick(0), GroupKey::Mix])
            .join(" · "),
        theme::dim(),
    ));
    text
}

fn vote(app: &App) -> Text<'static> {
    let mut text = Text::default();
    let Some(round) = app.session.current else {
        return text;
    };
    let Some(vote) = app.session.group.votes.get(&round) else {
        return text;
    };
    if vote.options.is_empty() {
        text.push_line(Line::styled(
            tr!(
                "geen opties: er zijn nog geen notities om over te stemmen",
                "no options: there are no notes to vote on yet"
            ),
            theme::dim(),
        ));
        return text;
    }
    let total = app.session.participants.len();
    let voted = vote.ballots.len();
    if !vote.revealed {
        for (i, option) in vote.options.iter().enumerate() {
            let letter = (b'a' + i as u8) as char;
            text.push_line(Line::from(vec![
                Span::styled(format!("{letter}  "), theme::title()),
                Span::raw(option.clone()),
            ]));
        }
        text.push_line(Line::default());
        text.push_line(Line::styled(
            tr!(
                "{voted} van {total} hebben gestemd",
                "{voted} of {total} have voted"
            ),
            theme::accent(),
        ));
        if let Some(p) = app.selected_participant() {
            let done = if vote.ballots.contains_key(p) {
                tr!("heeft gestemd", "has voted")
            } else {
                tr!("nog niet gestemd", "not voted yet")
            };
            text.push_line(Line::styled(
                tr!("aan de beurt: {p} ({done})", "now entering: {p} ({done})"),
                theme::dim(),
            ));
        }
        return text;
    }
    let ranking = vote.ranking();
    let top = ranking.first().map_or(0, |r| r.total).max(1);
    let width = 30usize;
    let spec = app.session.vote_spec(round);
    for ranked in &ranking {
        let points = ranked.total;
        let bar = "█".repeat((points as usize * width).div_ceil(top as usize).min(width));
        let amount = spec.map_or_else(|| points.to_string(), |s| s.amount(points));
        text.push_line(Line::from(vec![
            Span::styled(format!("{}. ", ranked.place), theme::title()),
            Span::raw(format!("{}  ", vote.options[ranked.option])),
        ]));
        text.push_line(Line::from(vec![
            Span::styled(format!("   {bar} "), theme::accent()),
            Span::raw(amount),
        ]));
    }
    text.push_line(Line::styled(
        tr!(
            "{voted} van {total} hebben gestemd · Enter heropent",
            "{voted} of {total} have voted · Enter reopens"
        ),
        theme::dim(),
    ));
    text
}
