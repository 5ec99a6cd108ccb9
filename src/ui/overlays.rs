//! Windows over the round screen: help, questions, the note editor, the notes list and
//! the agenda.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use super::round::note_line;
use super::theme;
use crate::app::editor::{Editor, Field};
use crate::app::keymap::{self, EditorKey};
use crate::app::mode_keys::{self, AgendaInputKey, NotesKey, ReviewKey};
use crate::app::{AgendaInput, AgendaState, App};
use crate::catalog::RoundLength;
use crate::input::LineInput;
use crate::session::NoteKind;
use crate::text::duration_text;
use crate::tr;
use crate::ui::line_input::{input_line, with_bar};

/// A centred window of at most `width`×`height`, never larger than the screen.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

pub fn window(title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .title(Line::styled(format!(" {title} "), theme::title()))
}

/// Every key of the round screen, then those of this round's group work (styles, teams, a
/// vote) and the editor's, in the order a facilitator needs them.
pub fn help_lines(app: &App) -> Vec<(String, String)> {
    use crate::app::group_keys;
    use crate::catalog::RoundKind;
    let mut lines = keymap::SESSION.help();
    let group = match app.round_kind() {
        Some(RoundKind::Styles) => Some(&group_keys::STYLES),
        Some(RoundKind::Teams(_)) => Some(&group_keys::TEAMS),
        Some(RoundKind::Vote(_)) => Some(&group_keys::VOTE),
        _ => None,
    };
    if let Some(group) = group {
        lines.push((
            tr!("In deze ronde (gaat voor)", "In this round (first)"),
            String::new(),
        ));
        lines.extend(group.help());
    }
    lines.push((tr!("In de editor", "In the editor"), String::new()));
    lines.extend(keymap::EDITOR.help());
    lines
}

/// The keys of solo reflection, where the writing area always has the keyboard.
pub fn solo_help_lines() -> Vec<(String, String)> {
    keymap::SOLO.help()
}

pub fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    render_key_help(
        help_lines(app),
        tr!("Toetsen — een toets sluit", "Keys — any key closes"),
        area,
        buf,
    );
}

pub fn render_solo_help(area: Rect, buf: &mut Buffer) {
    render_key_help(
        solo_help_lines(),
        tr!("Toetsen — een toets sluit", "Keys — any key closes"),
        area,
        buf,
    );
}

/// The keys of the note and agreement editor (F1 there): its table, without the fields
/// and the team key it does not have now, and two things that are not keys.
pub fn render_editor_help(editor: &Editor, area: Rect, buf: &mut Buffer) {
    let agreement = editor.kind == NoteKind::Agreement;
    let mut keys = keymap::EDITOR.help_where(|action| match action {
        EditorKey::NextField | EditorKey::PreviousField => agreement,
        EditorKey::Team => editor.teams > 0,
        _ => true,
    });
    keys.push((
        tr!("plakken", "paste"),
        tr!(
            "komt als tekst binnen, voert nooit een toets uit",
            "arrives as text, never runs a key"
        ),
    ));
    if agreement {
        keys.push((
            tr!("wanneer", "when"),
            tr!(
                "\"vrijdag\", \"12-12\", \"over twee weken\": de datum staat erboven",
                "\"friday\", \"12-12\", \"in two weeks\": the date shows above it"
            ),
        ));
    }
    render_key_help(
        keys,
        tr!(
            "Toetsen in de editor — een toets sluit",
            "Editor keys — any key closes"
        ),
        area,
        buf,
    );
}

/// The keys of the agenda (`?` or F1 there).
pub fn render_agenda_help(area: Rect, buf: &mut Buffer) {
    render_key_help(
        mode_keys::AGENDA.help(),
        tr!(
            "Toetsen in de agenda — een toets sluit",
            "Agenda keys — any key closes"
        ),
        area,
        buf,
    );
}

/// "↑↓ kiezen · …": moving through the list, then `hints`.
fn list_then(hints: Vec<String>) -> String {
    let mut all = crate::list::LIST.hints(&[crate::list::Move::Up]);
    all.extend(hints);
    all.join(" · ")
}

/// A window listing keys and what they do; a key with no description is a heading.
pub fn render_key_help(keys: Vec<(String, String)>, title: String, area: Rect, buf: &mut Buffer) {
    // The key column as wide as the longest key (at least 13, as it always was), plus a gap.
    let column = keys
        .iter()
        .filter(|(_, what)| !what.is_empty())
        .map(|(key, _)| super::text::width(key) + 1)
        .max()
        .unwrap_or(0)
        .max(13);
    // As high as the entries need once wrapped, so the last key is never cut off.
    let inner = usize::from(area.width.min(84).saturating_sub(2)).max(1);
    let one_column: Vec<Vec<Line>> = keys
        .iter()
        .map(|entry| help_entry(entry, column, inner, true))
        .collect();
    let height: usize = one_column.iter().map(Vec::len).sum();
    if height + 2 > usize::from(area.height) && area.width >= 60 {
        render_key_help_in_two_columns(&keys, title, area, buf);
        return;
    }
    let rect = popup(area, 84, height as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(one_column.concat())
        .block(window(title))
        .render(rect, buf);
}

/// A short screen: the keys in two columns, each with its own key width. A description
/// wraps at word boundaries under itself where the rows allow; the rest are cut after a
/// whole word ("kaart terugleggen…"), never in the middle of one. The split between the
/// columns is the one that leaves the fewest descriptions cut, and never leaves a heading at
/// the bottom of the left column.
fn render_key_help_in_two_columns(
    keys: &[(String, String)],
    title: String,
    area: Rect,
    buf: &mut Buffer,
) {
    let room = usize::from(area.height.saturating_sub(2));
    let inner = usize::from(area.width.saturating_sub(2));
    let (left_width, right_width) = (inner / 2, inner - inner / 2);
    // (rows over the screen, descriptions cut, rows), the left and the right column.
    type Fit = (
        (usize, usize, usize),
        Vec<Line<'static>>,
        Vec<Line<'static>>,
    );
    let mut best: Option<Fit> = None;
    for split in 1..keys.len() {
        if keys[split - 1].1.is_empty() {
            continue; // a heading stays with the keys under it
        }
        let (left, left_cut) = fit_column(&keys[..split], left_width, room);
        let (right, right_cut) = fit_column(&keys[split..], right_width, room);
        let taller = left.len().max(right.len());
        let score = (taller.saturating_sub(room), left_cut + right_cut, taller);
        if best.as_ref().is_none_or(|(b, _, _)| score < *b) {
            best = Some((score, left, right));
        }
    }
    let (left_lines, right_lines) = match best {
        Some((_, left, right)) => (left, right),
        None => (fit_column(keys, left_width, room).0, Vec::new()),
    };
    let rows = left_lines.len().max(right_lines.len());
    let rect = popup(area, area.width, rows as u16 + 2);
    Clear.render(rect, buf);
    let block = window(title);
    let inside = block.inner(rect);
    block.render(rect, buf);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width as u16), Constraint::Min(0)])
            .areas(inside);
    Paragraph::new(left_lines).render(left, buf);
    Paragraph::new(right_lines).render(right, buf);
}

/// `entries` as one column `width` wide in at most `room` rows where it can: every entry
/// gets its first row, then the ones needing the fewest extra rows are wrapped whole, the
/// others cut after a whole word. Returns the lines and how many entries were cut.
fn fit_column(
    entries: &[(String, String)],
    width: usize,
    room: usize,
) -> (Vec<Line<'static>>, usize) {
    let column = entries
        .iter()
        .filter(|(_, what)| !what.is_empty())
        .map(|(key, _)| super::text::width(key) + 1)
        .max()
        .unwrap_or(0);
    let wrapped: Vec<Vec<Line>> = entries
        .iter()
        .map(|entry| help_entry(entry, column, width, true))
        .collect();
    let mut whole: Vec<bool> = wrapped.iter().map(|lines| lines.len() == 1).collect();
    let mut rows = entries.len();
    let mut longer: Vec<usize> = (0..entries.len()).filter(|&i| !whole[i]).collect();
    longer.sort_by_key(|&i| wrapped[i].len());
    for i in longer {
        let extra = wrapped[i].len() - 1;
        if rows + extra <= room {
            rows += extra;
            whole[i] = true;
        }
    }
    let cut = whole.iter().filter(|w| !**w).count();
    let lines = wrapped
        .into_iter()
        .zip(entries)
        .zip(whole)
        .flat_map(|((lines, entry), whole)| {
            if whole {
                lines
            } else {
                help_entry(entry, column, width, false)
            }
        })
        .collect();
    (lines, cut)
}

/// One help entry as lines `width` wide: the key, then its description, wrapped at word
/// boundaries under itself (`wrap`) or cut after the last whole word that fits. A heading
/// (no description) is one line.
fn help_entry(
    (key, what): &(String, String),
    column: usize,
    width: usize,
    wrap: bool,
) -> Vec<Line<'static>> {
    if what.is_empty() {
        return vec![Line::styled(
            super::text::ellipsize_words(key, width),
            theme::title(),
        )];
    }
    let indent = column + 1;
    let room = width.saturating_sub(indent).max(1);
    let pad = column.saturating_sub(super::text::width(key));
    let key_cell = Span::styled(format!(" {key}{}", " ".repeat(pad)), theme::accent());
    if !wrap {
        return vec![Line::from(vec![
            key_cell,
            Span::raw(super::text::ellipsize_words(what, room)),
        ])];
    }
    let mut lines = Vec::new();
    for (i, part) in textwrap::wrap(what, room).into_iter().enumerate() {
        let lead = if i == 0 {
            key_cell.clone()
        } else {
            Span::raw(" ".repeat(indent))
        };
        lines.push(Line::from(vec![lead, Span::raw(part.into_owned())]));
    }
    lines
}

pub fn render_question(area: Rect, buf: &mut Buffer, question: String) {
    // As tall as the wrapped question needs, so a longer question is never cut.
    let inner_width = usize::from(area.width.min(60).saturating_sub(2)).max(1);
    let lines = textwrap::wrap(&question, inner_width).len() as u16;
    let rect = popup(area, 60, lines + 4);
    Clear.render(rect, buf);
    Paragraph::new(vec![
        Line::from(question),
        Line::styled(mode_keys::answer_line(), theme::accent()),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
    .block(window(tr!("Vraag", "Question")))
    .render(rect, buf);
}

/// The label of the "wanneer" field: the date the typed words are read as, live.
fn due_label(editor: &Editor, day: chrono::NaiveDate) -> String {
    let typed = editor.due.text();
    if typed.trim().is_empty() {
        return tr!(" wanneer ", " when ");
    }
    match crate::session::due::resolve(typed, day) {
        Some(date) => tr!(
            " wanneer → {} ",
            " when → {} ",
            crate::session::due::label(date)
        ),
        None => tr!(" wanneer (geen datum) ", " when (no date) "),
    }
}

/// The note editor; `day` is the session's day, from which "vrijdag" is counted.
pub fn render_editor(editor: &Editor, day: chrono::NaiveDate, area: Rect, buf: &mut Buffer) {
    let agreement = editor.kind == NoteKind::Agreement;
    let rect = popup(area, 90, if agreement { 16 } else { 12 });
    Clear.render(rect, buf);
    let title = match (editor.kind, editor.editing.is_some()) {
        (_, true) => tr!("Notitie corrigeren", "Correct the note"),
        (NoteKind::Note, false) => tr!("Nieuwe notitie", "New note"),
        (NoteKind::Agreement, false) => tr!("Nieuwe afspraak", "New agreement"),
    };
    // Written while teams work: for which team (Ctrl+T changes it).
    let title = match (editor.teams, editor.team) {
        (0, _) => title,
        (_, Some(team)) => tr!(
            "{title} · voor {}",
            "{title} · for {}",
            crate::session::groupwork::team_label(team)
        ),
        (_, None) => tr!("{title} · voor geen team", "{title} · for no team"),
    };
    let outer = window(title);
    let inner = outer.inner(rect);
    outer.render(rect, buf);
    // Too little room for three boxes: show only the field being typed in, so what is
    // typed is always visible.
    let compact = agreement && inner.height < 11;
    let field_height = if agreement && !compact { 3 } else { 0 };
    let [text_area, owner_area, due_area, hint_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(field_height),
        Constraint::Length(field_height),
        Constraint::Length(1),
    ])
    .areas(inner);
    let field_block = |label: String, focused: bool| {
        Block::default()
            .borders(Borders::ALL)
            .title(label)
            .border_style(if focused {
                theme::accent()
            } else {
                theme::dim()
            })
    };
    // A one-line field in its box: the text, and the cursor when it has the keyboard.
    let line_field =
        |field: &LineInput, block: Block, focused: bool, area: Rect, buf: &mut Buffer| {
            let inner = block.inner(area);
            block.render(area, buf);
            Paragraph::new(input_line(field, usize::from(inner.width), focused)).render(inner, buf);
        };
    if compact && editor.focus != Field::Text {
        let (field, label) = match editor.focus {
            Field::Owner => (&editor.owner, tr!(" wie ", " who ")),
            _ => (&editor.due, due_label(editor, day)),
        };
        line_field(field, field_block(label, true), true, text_area, buf);
    } else {
        let focused = editor.focus == Field::Text;
        let block = field_block(tr!(" tekst ", " text "), focused);
        super::text_view::render(&editor.text, block, focused, text_area, buf);
    }
    if agreement && !compact {
        let owner_focused = editor.focus == Field::Owner;
        let block = field_block(tr!(" wie ", " who "), owner_focused);
        line_field(&editor.owner, block, owner_focused, owner_area, buf);
        let due_focused = editor.focus == Field::Due;
        let block = field_block(due_label(editor, day), due_focused);
        line_field(&editor.due, block, due_focused, due_area, buf);
    }
    let mut order = vec![EditorKey::Save, EditorKey::Close];
    if editor.teams > 0 {
        order.push(EditorKey::Team);
    }
    if agreement {
        order.push(EditorKey::NextField);
    }
    order.extend([EditorKey::Help, EditorKey::NewLine]);
    let hint = super::fit_hints(&keymap::EDITOR.hints(&order), hint_area.width);
    Paragraph::new(Line::styled(hint.trim_start().to_string(), theme::dim()))
        .render(hint_area, buf);
}

pub fn render_notes_picker(
    app: &App,
    selected: usize,
    confirm_delete: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let notes = app.round_notes();
    let rect = popup(area, 90, notes.len() as u16 + 5);
    Clear.render(rect, buf);
    let mut lines: Vec<Line> = notes
        .iter()
        .enumerate()
        .map(|(i, note)| {
            let line = note_line(note);
            if i == selected {
                line.style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        if confirm_delete {
            tr!(
                "Deze notitie verwijderen? {}",
                "Delete this note? {}",
                mode_keys::answer_line()
            )
        } else {
            list_then(mode_keys::NOTES.hints(&[
                NotesKey::Correct,
                NotesKey::Delete,
                NotesKey::Close,
            ]))
        },
        if confirm_delete {
            theme::error()
        } else {
            theme::dim()
        },
    ));
    Paragraph::new(lines)
        .block(window(tr!(
            "Notities van deze ronde",
            "Notes of this round"
        )))
        .render(rect, buf);
}

pub fn render_review(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let Some(follow_up) = &app.session.follow_up else {
        return;
    };
    let rect = popup(area, 100, follow_up.items.len() as u16 + 7);
    Clear.render(rect, buf);
    let mut lines: Vec<Line> = follow_up
        .items
        .iter()
        .enumerate()
        .map(|(i, (item, outcome))| {
            let state = outcome.map_or_else(
                || tr!("nog bespreken", "to discuss"),
                crate::session::state::outcome_label,
            );
            let mut text = format!("[{state}] {}", item.text.lines().next().unwrap_or_default());
            if let Some(owner) = &item.owner {
                text.push_str(&tr!(" — wie: {owner}", " — who: {owner}"));
            }
            // The words with the date they meant, as the agreements list shows them:
            // "vrijdag volgende week" alone is ambiguous weeks later.
            if item.due.is_some() || item.due_date.is_some() {
                let when = crate::session::due::with_words(
                    item.due.as_deref().unwrap_or_default(),
                    item.due_date,
                );
                text.push_str(&tr!(" — wanneer: {when}", " — when: {when}"));
            }
            let style = if i == selected {
                theme::selected()
            } else if outcome.is_some() {
                theme::dim()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(tr!(
            "Er stonden geen afspraken meer open.",
            "No agreements were still open."
        )));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        list_then(mode_keys::REVIEW.hints(&[
            ReviewKey::Done,
            ReviewKey::KeptOpen,
            ReviewKey::Dropped,
            ReviewKey::Continue,
        ])),
        theme::dim(),
    ));
    let title = tr!("Vervolg op: {}", "Follow-up of: {}", follow_up.title);
    Paragraph::new(Text::from(lines))
        .wrap(Wrap { trim: false })
        .block(window(title))
        .render(rect, buf);
}

pub fn render_agenda(app: &App, state: &AgendaState, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let rect = popup(area, 90, session.rounds.len() as u16 + 7);
    Clear.render(rect, buf);
    let starts = expected_starts(app);
    // Inside the window's borders; a round's line that does not fit ends in "…".
    let line_width = usize::from(rect.width.saturating_sub(2));
    let mut lines: Vec<Line> = session
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let marker = if session.current == Some(i) {
                "▶"
            } else {
                " "
            };
            let length = match round.round.length {
                RoundLength::Minutes(m) => tr!("{m} min", "{m} min"),
                RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
            };
            let mut length = length;
            // A round that grows per team says for how many teams it was given its time.
            if let (Some(scale), Some(people)) = (round.round.scale, session.plan.resolved_for)
                && scale.per_team()
                // The session's rounds, not the plan's: a round inserted live shifts them.
                && let Some(teams) = crate::catalog::model::teams_for_round(
                    session.rounds.iter().map(|r| &r.round),
                    i,
                    people,
                )
            {
                length.push_str(&format!(", {}", crate::catalog::teams_text(teams)));
            }
            let mut text = format!("{marker} {:>2}. {}  ({length})", i + 1, round.round.title);
            if let Some(start) = starts[i] {
                text.push_str(&format!("  ± {}", start.format("%H:%M")));
            }
            if round.spent_ms > 0 {
                text.push_str(&tr!(
                    "  gebruikt {}",
                    "  used {}",
                    duration_text(round.spent_ms)
                ));
            }
            if round.skipped {
                text.push_str(&tr!("  — overgeslagen", "  — skipped"));
            }
            let style = if i == state.selected {
                theme::selected()
            } else if round.skipped {
                theme::dim()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(super::text::ellipsize(&text, line_width), style)
        })
        .collect();
    lines.push(Line::default());
    let prompt = match &state.input {
        Some(AgendaInput::InsertTitle(field)) => {
            let text = with_bar(field);
            Some(tr!(
                "Titel van de nieuwe ronde: {text}",
                "Title of the new round: {text}"
            ))
        }
        Some(AgendaInput::InsertMinutes { minutes, .. }) => {
            let minutes = with_bar(minutes);
            Some(tr!("Minuten: {minutes}", "Minutes: {minutes}"))
        }
        Some(AgendaInput::Until(field)) => {
            let text = with_bar(field);
            Some(tr!(
                "Deze ronde loopt tot (bijv. 14:30 of 14u30): {text}",
                "This round runs until (e.g. 14:30): {text}"
            ))
        }
        Some(AgendaInput::PastTime { until, .. }) => {
            let until = until.format("%H:%M");
            Some(tr!(
                "{until} is vandaag al voorbij. Bedoel je morgen {until}?",
                "{until} has already passed today. Do you mean {until} tomorrow?"
            ))
        }
        None => None,
    };
    let answer_keys = if matches!(state.input, Some(AgendaInput::PastTime { .. })) {
        mode_keys::answer_line()
    } else {
        mode_keys::AGENDA_INPUT
            .hints(&[
                AgendaInputKey::Confirm,
                AgendaInputKey::Cancel,
                AgendaInputKey::Help,
            ])
            .join(" · ")
    };
    match prompt {
        Some(prompt) => {
            lines.push(Line::styled(prompt, theme::accent()));
            lines.push(Line::styled(answer_keys, theme::dim()));
        }
        None => lines.push(Line::styled(
            mode_keys::AGENDA
                .hints(mode_keys::AGENDA_FOOTER)
                .join(" · "),
            theme::dim(),
        )),
    }
    if let Some(crate::app::Status::Info(message) | crate::app::Status::Error(message)) =
        &app.status
    {
        lines.push(Line::styled(message.clone(), theme::accent()));
    }
    // On a short screen the list scrolls so the selected round stays in view.
    let visible = rect.height.saturating_sub(2 + 4);
    let scroll = (state.selected as u16).saturating_sub(visible.saturating_sub(1));
    Paragraph::new(Text::from(lines))
        .scroll((scroll, 0))
        .block(window(agenda_title(app)))
        .render(rect, buf);
}

/// The clock time each round still to come starts at this pace: after what is left of the
/// running round, the later rounds that have not run and are not skipped, in order.
fn expected_starts(app: &App) -> Vec<Option<chrono::NaiveTime>> {
    let session = &app.session;
    let left = session
        .current
        .map_or(0, |_| session.timer.remaining_ms(app.now.t).max(0));
    let mut at = app.now.wall + chrono::Duration::milliseconds(left);
    session
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let upcoming = !session.ended
                && session.current.is_none_or(|c| i > c)
                && !round.skipped
                && !round.visited;
            if !upcoming {
                return None;
            }
            let start = at.time();
            match (round.planned_ms(), round.round.length) {
                (Some(ms), _) => at += chrono::Duration::milliseconds(ms as i64),
                // A round "tot 14:30" ends then (or at once, when that time has passed).
                (None, RoundLength::Until(until)) => {
                    let end = at.with_time(until).single().unwrap_or(at);
                    at = at.max(end);
                }
                (None, RoundLength::Minutes(_)) => {}
            }
            Some(start)
        })
        .collect()
}

/// "Agenda · ± 71 min voor 12 deelnemers · klaar ± 14:11": the planned total for the group
/// the plan was resolved for, and when the rounds still to come end at this pace.
fn agenda_title(app: &App) -> String {
    let session = &app.session;
    let total = session.planned_total_ms().div_ceil(60_000);
    let mut title = match session.plan.resolved_for {
        Some(n) if session.plan.scales() => tr!(
            "Agenda · ± {total} min voor {n} deelnemers",
            "Agenda · ± {total} min for {n} participants"
        ),
        _ => tr!("Agenda · {total} minuten", "Agenda · {total} minutes"),
    };
    if !session.ended {
        let left = session.remaining_ms(app.now.t);
        let end = app.now.wall + chrono::Duration::milliseconds(left as i64);
        title.push_str(&tr!(" · klaar ± {}", " · done ± {}", end.format("%H:%M")));
    }
    title
}
