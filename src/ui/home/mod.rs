//! The home screen: the menu, the workshop and solo forms, the look-back list and the deck
//! browser. Only draws; reads the `Home` state and never changes it. Safe at any size, down
//! to 0×0; at every size the bottom line names the keys.

mod agreements;
mod browser;
pub(crate) mod forms;
mod lookback;
mod menu;

use agreements::*;
use browser::*;
use forms::*;
use lookback::*;
use menu::*;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, BorderType, Borders, Cell, Clear, HighlightSpacing, List, ListItem, ListState, Padding,
    Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

use super::overlays::popup;
use super::theme;
use crate::app::Status;
use crate::catalog::timing::minutes_label;
use crate::catalog::{Plan, RoundLength};
use crate::home::{
    Browser, Home, Level, LookBack, MenuItem, Screen, SoloField, SoloForm, WorkshopField,
    WorkshopForm,
};
use crate::input::LineInput;
use crate::text::duration_text;
use crate::tr;
use crate::ui::line_input::input_line;

pub fn render(home: &Home, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let hint_height = if area.height >= 16 && hint_width(home) > area.width as usize {
        2
    } else {
        1
    };
    let status = home.shown_status();
    // The status line wraps under itself (up to three lines on a screen of 16 or more), the
    // last one ending in "…" if it must be cut: a path and what to do next both stay readable.
    let status_lines = match &status {
        Some(Status::Info(text) | Status::Error(text)) if area.height >= 4 => {
            let max = if area.height >= 16 { 3 } else { 1 };
            crate::ui::room::wrap_cut(text, usize::from(area.width.saturating_sub(2)).max(1), max)
        }
        _ => Vec::new(),
    };
    let status_height = status_lines.len() as u16;
    let header_height = u16::from(area.height >= 8);
    let [header, body, status_area, footer] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Min(0),
        Constraint::Length(status_height),
        Constraint::Length(hint_height),
    ])
    .areas(area);
    render_header(home, header, buf);
    let body = if body.width > 4 {
        body.inner(ratatui::layout::Margin::new(1, 0))
    } else {
        body
    };
    match &home.screen {
        Screen::Menu => render_menu(home, body, buf),
        Screen::Plans { selected } => {
            render_plan_list(home.library, &home.participants, *selected, body, buf)
        }
        Screen::Workshop(form) => render_workshop(home, form, body, buf),
        Screen::Solo(form) => render_solo(home, form, body, buf),
        Screen::LookBack(look) => render_look_back(home, look, body, buf),
        Screen::Decks(browser) => render_browser(home, browser, body, buf),
        Screen::Agreements { selected } => render_agreements(home, *selected, body, buf),
    }
    if let Some(status) = &status {
        let style = match status {
            Status::Info(_) => theme::accent(),
            Status::Error(_) => theme::error(),
        };
        let lines: Vec<Line> = status_lines
            .iter()
            .map(|line| Line::styled(format!(" {line}"), style))
            .collect();
        Paragraph::new(lines).render(status_area, buf);
    }
    Paragraph::new(hint_lines(home, footer.width, footer.height)).render(footer, buf);
    if home.help {
        render_help(home, area, buf);
    }
    if let Screen::LookBack(look) = &home.screen
        && !home.help
    {
        if let Some((_, form)) = &look.export {
            crate::ui::export_form::render(form, area, buf);
        }
        if let Some((_, field)) = &look.rename {
            render_rename(field, area, buf);
        }
        if look.confirm_delete.is_some() {
            crate::ui::overlays::render_question(
                area,
                buf,
                tr!(
                    "Deze sessie naar de prullenbak verplaatsen? Terugzetten kan met tafel sessions --restore.",
                    "Move this session to the trash? It can be put back with tafel sessions --restore."
                ),
            );
        }
    }
    if let Screen::Decks(browser) = &home.screen
        && let Some(shown) = browser.shown
        && !home.help
    {
        render_card_large(home, browser, shown, area, buf);
    }
}

/// The field for a session's new title, over the look-back list.
fn render_rename(field: &LineInput, area: Rect, buf: &mut Buffer) {
    let rect = crate::ui::overlays::popup(area, 70, 5);
    if rect.is_empty() {
        return;
    }
    Clear.render(rect, buf);
    let width = usize::from(rect.width.saturating_sub(4));
    Paragraph::new(vec![
        input_line(field, width, true),
        Line::styled(
            crate::home::keymap::RENAME
                .hint_pairs(&[
                    crate::home::keymap::RenameKey::Save,
                    crate::home::keymap::RenameKey::Back,
                ])
                .into_iter()
                .map(|(keys, words)| format!("{keys} = {words}"))
                .collect::<Vec<_>>()
                .join(" · "),
            theme::accent(),
        ),
    ])
    .block(crate::ui::overlays::window(tr!(
        "Nieuwe titel",
        "New title"
    )))
    .render(rect, buf);
}

/// What a list read from disk holds; until then "loading…" or why it could not be read,
/// drawn in `area`.
pub(super) fn loaded_or_say<'a, T>(
    list: &'a crate::home::loadable::Loadable<T>,
    loading: impl Fn() -> String,
    area: Rect,
    buf: &mut Buffer,
) -> Option<&'a T> {
    use crate::home::loadable::Loadable;
    match list {
        Loadable::Loaded(value) => return Some(value),
        Loadable::NotLoaded => Paragraph::new(loading()).render(area, buf),
        Loadable::Unavailable(why) => Paragraph::new(Line::styled(why.to_string(), theme::error()))
            .wrap(Wrap { trim: true })
            .render(area, buf),
    }
    None
}

/// A list with nothing in it yet: what it is, and a dim line on how it fills.
pub(super) fn render_empty(what: String, how: String, area: Rect, buf: &mut Buffer) {
    Paragraph::new(vec![Line::from(what), Line::styled(how, theme::dim())])
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

// ---------------------------------------------------------------------------------------------
// Header, hints and help

pub(super) fn screen_title(home: &Home) -> String {
    match &home.screen {
        Screen::Menu => tr!("Wat gaan we doen?", "What shall we do?"),
        Screen::Plans { .. } if home.follow_up.is_some() => tr!(
            "Vervolgsessie — kies een werkvorm",
            "Follow-up meeting — choose a plan"
        ),
        Screen::Plans { .. } => tr!(
            "Workshop starten — kies een werkvorm",
            "Start a workshop — choose a plan"
        ),
        Screen::Workshop(form) if form.follow_up.is_some() => tr!(
            "Vervolgsessie — {}",
            "Follow-up meeting — {}",
            home.library.plans[form.plan].item.title
        ),
        Screen::Workshop(form) => tr!(
            "Workshop starten — {}",
            "Start a workshop — {}",
            home.library.plans[form.plan].item.title
        ),
        Screen::Solo(_) => tr!("Solo reflectie", "Solo reflection"),
        Screen::LookBack(_) => tr!("Terugkijken", "Look back"),
        Screen::Decks(_) => tr!("Stapels bekijken", "Browse decks"),
        Screen::Agreements { .. } => tr!("Open afspraken", "Open agreements"),
    }
}

pub(super) fn render_header(home: &Home, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    Paragraph::new(Line::from(vec![
        Span::styled(" tafel ", theme::accent()),
        Span::styled(format!("· {}", screen_title(home)), theme::title()),
    ]))
    .render(area, buf);
}

/// The keys that matter here, in the order they are needed: from the screen's key tables.
pub(super) fn hints(home: &Home) -> Vec<(String, String)> {
    use crate::home::keymap::*;
    use crate::list::{LIST, Move};
    if home.help {
        return vec![(
            tr!("een toets", "any key"),
            tr!("sluit de hulp", "closes the help"),
        )];
    }
    let help = HOME.hint_pairs(&[if home.typing() {
        HomeKey::HelpTyping
    } else {
        HomeKey::Help
    }]);
    let choose = || LIST.hint_pairs(&[Move::Up]);
    let with = |mut first: Vec<(String, String)>, rest: &[Vec<(String, String)>]| {
        for more in rest {
            first.extend(more.iter().cloned());
        }
        first
    };
    match &home.screen {
        Screen::Menu => with(choose(), &[MENU.hint_pairs(MENU_FOOTER), help]),
        Screen::Agreements { .. } => with(
            choose(),
            &[
                AGREEMENTS.hint_pairs(AGREEMENTS_FOOTER),
                help,
                AGREEMENTS.hint_pairs(&[AgreementsKey::Back]),
            ],
        ),
        Screen::Plans { .. } => with(
            choose(),
            &[
                PLANS.hint_pairs(PLANS_FOOTER),
                help,
                PLANS.hint_pairs(&[PlansKey::Back]),
            ],
        ),
        Screen::Workshop(form) => {
            let keys = |order: &[FormKey]| WORKSHOP_FORM.hint_pairs(order);
            match form.focus {
                WorkshopField::Start => with(
                    keys(&[FormKey::Confirm, FormKey::PreviousField]),
                    &[help, keys(&[FormKey::Back])],
                ),
                WorkshopField::Deck => with(
                    keys(&[FormKey::ChooseNext, FormKey::NextField]),
                    &[help, keys(&[FormKey::Back])],
                ),
                _ => with(
                    keys(&[FormKey::NextField, FormKey::Back, FormKey::EditText]),
                    &[help],
                ),
            }
        }
        Screen::Solo(form) => {
            let keys = |order: &[FormKey]| SOLO_FORM.hint_pairs(order);
            match form.focus {
                SoloField::Start => with(
                    keys(&[FormKey::Confirm, FormKey::PreviousField]),
                    &[help, keys(&[FormKey::Back])],
                ),
                SoloField::Minutes => with(
                    keys(&[FormKey::NextField, FormKey::EditText]),
                    &[help, keys(&[FormKey::Back])],
                ),
                _ => with(
                    keys(&[FormKey::ChooseNext, FormKey::NextField]),
                    &[help, keys(&[FormKey::Back])],
                ),
            }
        }
        Screen::LookBack(look) if look.rename.is_some() => with(
            RENAME.hint_pairs(&[RenameKey::Save]),
            &[help, RENAME.hint_pairs(&[RenameKey::Back])],
        ),
        Screen::LookBack(look) if look.confirm_delete.is_some() => {
            CONFIRM.hint_pairs(&[ConfirmKey::Yes, ConfirmKey::No])
        }
        Screen::LookBack(look) if look.export.is_some() => {
            let typing = look.export.as_ref().is_some_and(|(_, f)| f.typing());
            with(crate::app::export::export_hints(typing), &[help])
        }
        Screen::LookBack(look) if look.searching => search_hints(help),
        Screen::LookBack(_) => with(
            choose(),
            &[
                LOOK_BACK.hint_pairs(LOOK_BACK_FOOTER),
                help,
                LOOK_BACK.hint_pairs(&[LookBackKey::Back]),
            ],
        ),
        Screen::Decks(browser) if browser.shown.is_some() => {
            CARD.hint_pairs(&[CardKey::DrawAnother, CardKey::Close])
        }
        Screen::Decks(browser) if browser.searching => search_hints(help),
        Screen::Decks(_) => with(
            choose(),
            &[
                DECKS.hint_pairs(DECKS_FOOTER),
                help,
                DECKS.hint_pairs(&[DecksKey::Back]),
            ],
        ),
    }
}

/// While a search box has the keyboard: the arrows still choose.
fn search_hints(help: Vec<(String, String)>) -> Vec<(String, String)> {
    use crate::home::keymap::{SEARCH, SearchKey};
    let mut hints = crate::list::LIST.hint_pairs(&[crate::list::Move::Up]);
    hints.extend(SEARCH.hint_pairs(&[SearchKey::Done, SearchKey::Clear]));
    hints.extend(help);
    hints
}

/// The width of the hints on one line: a space before, " · " between.
pub(super) fn hint_width(home: &Home) -> usize {
    let hints = hints(home);
    hints
        .iter()
        .map(|(k, w)| k.chars().count() + w.chars().count() + 1)
        .sum::<usize>()
        + 3 * hints.len().saturating_sub(1)
        + 1
}

/// The hints on at most `rows` lines of `width`, each hint whole; what does not fit is left
/// out, except the help key, which always stays.
pub(super) fn hint_lines(home: &Home, width: u16, rows: u16) -> Vec<Line<'static>> {
    let width = width as usize;
    let mut all = hints(home);
    let help = all
        .iter()
        .position(|(k, _)| k == "?" || k == "F1")
        .map(|i| all.remove(i));
    let mut lines: Vec<Vec<Span<'static>>> = vec![vec![Span::raw(" ")]];
    let mut used = 1;
    let mut place =
        |key: String, what: String, reserve: usize, lines: &mut Vec<Vec<Span<'static>>>| {
            let len = key.chars().count() + what.chars().count() + 1;
            let sep = if used > 1 { 3 } else { 0 };
            if used + sep + len + reserve > width {
                if lines.len() >= rows as usize || len + 1 + reserve > width {
                    return false;
                }
                lines.push(vec![Span::raw(" ")]);
                used = 1;
            }
            let line = lines.last_mut().expect("a line");
            if used > 1 {
                line.push(Span::styled(" · ", theme::dim()));
                used += 3;
            }
            line.push(Span::styled(key, theme::accent()));
            line.push(Span::styled(format!(" {what}"), theme::dim()));
            used += len;
            true
        };
    let help_len = help
        .as_ref()
        .map_or(0, |(k, w)| k.chars().count() + w.chars().count() + 4);
    for (key, what) in all {
        if !place(key, what, help_len, &mut lines) {
            break;
        }
    }
    if let Some((key, what)) = help {
        place(key, what, 0, &mut lines);
    }
    lines.into_iter().map(Line::from).collect()
}

/// Every key of the current screen, for `?` / F1: its key tables.
pub(super) fn help_lines(home: &Home) -> Vec<(String, String)> {
    use crate::home::keymap::*;
    let list = crate::list::LIST.help();
    let mut keys: Vec<(String, String)> = match &home.screen {
        Screen::Menu => [list, MENU.help()].concat(),
        Screen::Agreements { .. } => [list, AGREEMENTS.help()].concat(),
        Screen::Plans { .. } => [list, PLANS.help()].concat(),
        Screen::Workshop(_) => WORKSHOP_FORM.help(),
        Screen::Solo(_) => SOLO_FORM.help(),
        Screen::LookBack(look) if look.rename.is_some() => RENAME.help(),
        Screen::LookBack(look) if look.confirm_delete.is_some() => CONFIRM.help(),
        Screen::LookBack(look) if look.export.is_some() => crate::app::export::help_lines(),
        Screen::LookBack(look) if look.searching => [list, SEARCH.help()].concat(),
        Screen::LookBack(_) => [list, LOOK_BACK.help()].concat(),
        Screen::Decks(browser) if browser.shown.is_some() => CARD.help(),
        Screen::Decks(browser) if browser.searching => [list, SEARCH.help()].concat(),
        Screen::Decks(_) => [list, DECKS.help()].concat(),
    };
    keys.extend(HOME.help());
    keys
}

/// The help window: the same as the session's, so a wrapped line never pushes the last key
/// out of the window (and a short screen gets two columns).
pub(super) fn render_help(home: &Home, area: Rect, buf: &mut Buffer) {
    crate::ui::overlays::render_key_help(
        help_lines(home),
        tr!("Toetsen — een toets sluit", "Keys — any key closes"),
        area,
        buf,
    );
}

/// The details beside a list (or under it on a narrow screen).
pub(super) fn render_details(lines: Vec<Line<'static>>, wide: bool, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(if wide { Borders::NONE } else { Borders::TOP })
                .padding(Padding::horizontal(2)),
        )
        .render(area, buf);
}

/// What is left of `area` under its first `used` rows.
pub(super) fn below(area: Rect, used: u16) -> Rect {
    Rect {
        y: area.y + used.min(area.height),
        height: area.height.saturating_sub(used),
        ..area
    }
}

/// The facilitator's tip of a card, after a blank line, if it has one.
pub(super) fn tip_lines(card: &crate::catalog::Card) -> Vec<Line<'static>> {
    card.hint
        .iter()
        .flat_map(|hint| {
            [
                Line::default(),
                Line::styled(tr!("Tip: {hint}", "Tip: {hint}"), theme::dim()),
            ]
        })
        .collect()
}
