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

use super::overlays::{popup, window};
use super::theme;
use crate::app::Status;
use crate::catalog::timing::minutes_label;
use crate::catalog::{Plan, RoundLength};
use crate::home::{
    Browser, Home, Level, LookBack, MenuItem, Screen, SoloField, SoloForm, WorkshopField,
    WorkshopForm,
};
use crate::input::LineInput;
use crate::session::timer::clock_text;
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
    let status_height = match &status {
        Some(Status::Info(text) | Status::Error(text)) if area.height >= 4 => {
            if area.height >= 16 && text.chars().count() + 2 > area.width as usize {
                2
            } else {
                1
            }
        }
        _ => 0,
    };
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
        Screen::Plans { selected } => render_plans(home, *selected, body, buf),
        Screen::Workshop(form) => render_workshop(home, form, body, buf),
        Screen::Solo(form) => render_solo(home, form, body, buf),
        Screen::LookBack(look) => render_look_back(home, look, body, buf),
        Screen::Decks(browser) => render_browser(home, browser, body, buf),
        Screen::Agreements { selected } => render_agreements(home, *selected, body, buf),
    }
    if let Some(status) = &status {
        let (text, style) = match status {
            Status::Info(text) => (text, theme::accent()),
            Status::Error(text) => (text, theme::error()),
        };
        Paragraph::new(Line::styled(format!(" {text} "), style))
            .wrap(Wrap { trim: false })
            .render(status_area, buf);
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
            tr!("Enter = opslaan · Esc = terug", "Enter = save · Esc = back"),
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
        Loadable::Unavailable(why) => Paragraph::new(Line::styled(why.clone(), theme::error()))
            .wrap(Wrap { trim: true })
            .render(area, buf),
    }
    None
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

/// The keys that matter here, in the order they are needed.
pub(super) fn hints(home: &Home) -> Vec<(String, String)> {
    let esc = || ("Esc".to_string(), tr!("terug", "back"));
    let help = || {
        if home.typing() {
            ("F1".to_string(), tr!("hulp", "help"))
        } else {
            ("?".to_string(), tr!("hulp", "help"))
        }
    };
    let choose = || ("↑↓".to_string(), tr!("kiezen", "choose"));
    if home.help {
        return vec![(
            tr!("een toets", "any key"),
            tr!("sluit de hulp", "closes the help"),
        )];
    }
    match &home.screen {
        Screen::Menu => vec![
            choose(),
            ("Enter".into(), tr!("openen", "open")),
            ("q".into(), tr!("stoppen", "quit")),
            ("1–5".into(), tr!("direct", "directly")),
            ("a".into(), tr!("afspraken", "agreements")),
            help(),
        ],
        Screen::Agreements { .. } => vec![
            choose(),
            ("Enter".into(), tr!("vervolgsessie", "follow-up meeting")),
            ("p".into(), tr!("andere werkvorm", "another plan")),
            help(),
            esc(),
        ],
        Screen::Plans { .. } => vec![
            choose(),
            ("Enter".into(), tr!("verder", "next")),
            (
                "n/c/e".into(),
                tr!("nieuw/kopie/aanpassen", "new/copy/edit"),
            ),
            help(),
            esc(),
        ],
        Screen::Workshop(form) => match form.focus {
            WorkshopField::Start => vec![
                (
                    "Enter".into(),
                    tr!("workshop starten", "start the workshop"),
                ),
                ("↑".into(), tr!("vorig veld", "previous field")),
                help(),
                esc(),
            ],
            WorkshopField::Deck => vec![
                ("←→".into(), tr!("stapel kiezen", "choose a deck")),
                ("Tab/↓".into(), tr!("volgend veld", "next field")),
                help(),
                esc(),
            ],
            _ => vec![
                ("Tab/↓".into(), tr!("volgend veld", "next field")),
                esc(),
                ("Ctrl+U".into(), tr!("veld wissen", "clear the field")),
                help(),
            ],
        },
        Screen::Solo(form) => match form.focus {
            SoloField::Start => vec![
                ("Enter".into(), tr!("beginnen", "begin")),
                ("↑".into(), tr!("vorig veld", "previous field")),
                help(),
                esc(),
            ],
            SoloField::Minutes => vec![
                (
                    tr!("cijfers", "digits"),
                    tr!("minuten (leeg: geen timer)", "minutes (empty: no timer)"),
                ),
                ("Tab/↓".into(), tr!("volgend veld", "next field")),
                help(),
                esc(),
            ],
            _ => vec![
                ("←→".into(), tr!("kiezen", "choose")),
                ("Tab/↓".into(), tr!("volgend veld", "next field")),
                help(),
                esc(),
            ],
        },
        Screen::LookBack(look) if look.rename.is_some() => {
            vec![("Enter".into(), tr!("opslaan", "save")), help(), esc()]
        }
        Screen::LookBack(look) if look.confirm_delete.is_some() => vec![
            (
                "j".into(),
                tr!("ja, naar de prullenbak", "yes, to the trash"),
            ),
            ("n".into(), tr!("nee", "no")),
        ],
        Screen::LookBack(look) if look.export.is_some() => vec![
            ("Tab".into(), tr!("volgend veld", "next field")),
            ("←→".into(), tr!("kiezen", "choose")),
            ("Enter".into(), tr!("exporteren", "export")),
            help(),
            esc(),
        ],
        Screen::LookBack(look) if look.searching => search_hints(),
        Screen::LookBack(_) => vec![
            choose(),
            ("Enter".into(), tr!("terugkijken", "replay")),
            ("e".into(), tr!("exporteren", "export")),
            ("r".into(), tr!("verder gaan", "continue")),
            ("n".into(), tr!("nieuwe titel", "rename")),
            ("d".into(), tr!("weggooien", "delete")),
            ("/".into(), tr!("zoeken", "search")),
            help(),
            esc(),
        ],
        Screen::Decks(browser) if browser.shown.is_some() => vec![
            ("d".into(), tr!("nog een trekken", "draw another")),
            ("Esc".into(), tr!("terug naar de lijst", "back to the list")),
        ],
        Screen::Decks(browser) if browser.searching => search_hints(),
        Screen::Decks(browser) => {
            let open = match browser.level {
                Level::Cards => tr!("kaart groot", "card large"),
                _ => tr!("openen", "open"),
            };
            vec![
                choose(),
                ("Enter".into(), open),
                ("/".into(), tr!("zoeken", "search")),
                ("d".into(), tr!("trek er een", "draw one")),
                help(),
                esc(),
            ]
        }
    }
}

pub(super) fn search_hints() -> Vec<(String, String)> {
    vec![
        (tr!("typ", "type"), tr!("zoeken", "search")),
        ("↑↓".into(), tr!("kiezen", "choose")),
        ("Enter".into(), tr!("klaar", "done")),
        ("Esc".into(), tr!("zoekterm wissen", "clear the search")),
        ("F1".into(), tr!("hulp", "help")),
    ]
}

pub(super) fn hint_width(home: &Home) -> usize {
    hints(home)
        .iter()
        .map(|(k, w)| k.chars().count() + w.chars().count() + 4)
        .sum::<usize>()
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

/// Every key of the current screen, for `?` / F1.
pub(super) fn help_lines(home: &Home) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = match &home.screen {
        Screen::Menu => vec![
            ("↑↓ / j k".into(), tr!("kiezen", "choose")),
            ("Enter".into(), tr!("openen", "open")),
            (
                "1 … 5".into(),
                tr!("een keuze direct openen", "open a choice directly"),
            ),
            (
                "a".into(),
                tr!(
                    "de open afspraken, te laat eerst; daaruit een vervolgsessie starten",
                    "the open agreements, overdue first; start a follow-up meeting from them"
                ),
            ),
            ("q".into(), tr!("tafel afsluiten", "leave tafel")),
        ],
        Screen::Agreements { .. } => vec![
            (
                "↑↓ / j k".into(),
                tr!("afspraak kiezen", "choose an agreement"),
            ),
            (
                "Enter".into(),
                tr!(
                    "vervolgsessie van die sessie, met dezelfde werkvorm: de open afspraken komen eerst aan bod",
                    "follow-up meeting of that session, with the same plan: the open agreements come first"
                ),
            ),
            (
                "p".into(),
                tr!(
                    "vervolgsessie met een andere werkvorm",
                    "follow-up meeting with another plan"
                ),
            ),
            (
                "Esc / q".into(),
                tr!("terug naar het menu", "back to the menu"),
            ),
        ],
        Screen::Plans { .. } => vec![
            ("↑↓ / j k".into(), tr!("werkvorm kiezen", "choose a plan")),
            (
                "Enter".into(),
                tr!(
                    "verder: titel en deelnemers",
                    "next: title and participants"
                ),
            ),
            (
                "n".into(),
                tr!(
                    "een nieuwe werkvorm bouwen (zonder TOML)",
                    "build a new plan (without TOML)"
                ),
            ),
            (
                "c".into(),
                tr!(
                    "een kopie van deze werkvorm maken en aanpassen",
                    "copy this plan and change it"
                ),
            ),
            (
                "e".into(),
                tr!(
                    "deze eigen werkvorm aanpassen (opmerkingen in het bestand blijven staan)",
                    "change this own plan (comments in the file stay)"
                ),
            ),
            (
                "Esc / q".into(),
                tr!("terug naar het menu", "back to the menu"),
            ),
        ],
        Screen::Workshop(_) => vec![
            ("Tab / ↓ / Enter".into(), tr!("volgend veld", "next field")),
            ("Shift+Tab / ↑".into(), tr!("vorig veld", "previous field")),
            (
                tr!("Deelnemers", "Participants"),
                tr!(
                    "namen met komma's: Anna, Bram",
                    "names with commas: Anna, Bram"
                ),
            ),
            (
                "←→".into(),
                tr!(
                    "stapel kiezen (werkvormen voor elke stapel)",
                    "choose a deck (plans for any deck)"
                ),
            ),
            (
                "Ctrl+U / Ctrl+W".into(),
                tr!("veld / woord wissen", "clear the field / a word"),
            ),
            (
                tr!("Enter op Start", "Enter on Start"),
                tr!("de workshop begint", "the workshop begins"),
            ),
            (
                "Esc".into(),
                tr!("terug naar de werkvormen", "back to the plans"),
            ),
        ],
        Screen::Solo(_) => vec![
            ("Tab / ↓ / Enter".into(), tr!("volgend veld", "next field")),
            ("Shift+Tab / ↑".into(), tr!("vorig veld", "previous field")),
            (
                "←→".into(),
                tr!("stapel of categorie kiezen", "choose a deck or category"),
            ),
            (
                tr!("Minuten", "Minutes"),
                tr!(
                    "een rustige timer; leeg: geen timer",
                    "a calm timer; empty: none"
                ),
            ),
            (
                tr!("Enter op Begin", "Enter on Begin"),
                tr!("de reflectie begint", "the reflection begins"),
            ),
            ("Esc".into(), tr!("terug naar het menu", "back to the menu")),
        ],
        Screen::LookBack(_) => vec![
            ("↑↓ / j k".into(), tr!("sessie kiezen", "choose a session")),
            (
                "Enter".into(),
                tr!(
                    "terugkijken, gebeurtenis voor gebeurtenis",
                    "replay, event by event"
                ),
            ),
            (
                "e".into(),
                tr!(
                    "exporteren: kies md, txt, html of odt en een map (standaard Documenten)",
                    "export: choose md, txt, html or odt and a folder (Documents by default)"
                ),
            ),
            (
                "n".into(),
                tr!(
                    "de sessie (of solo reflectie) een nieuwe titel geven",
                    "give the session (or solo reflection) a new title"
                ),
            ),
            (
                "d".into(),
                tr!(
                    "naar de prullenbak (terug met tafel sessions --restore)",
                    "to the trash (back with tafel sessions --restore)"
                ),
            ),
            (
                "r".into(),
                tr!(
                    "verder met een onderbroken sessie",
                    "continue an interrupted session"
                ),
            ),
            (
                "/".into(),
                tr!(
                    "zoeken in titels, deelnemers, kaarten en notities",
                    "search titles, participants, cards and notes"
                ),
            ),
            (
                "Esc / q".into(),
                tr!("terug naar het menu", "back to the menu"),
            ),
        ],
        Screen::Decks(_) => vec![
            ("↑↓ / j k".into(), tr!("kiezen", "choose")),
            (
                "Enter / →".into(),
                tr!(
                    "openen: stapel → categorieën → kaarten → kaart groot",
                    "open: deck → categories → cards → card large"
                ),
            ),
            (
                "/".into(),
                tr!(
                    "kaarten zoeken (accenten tellen niet)",
                    "search cards (accents do not matter)"
                ),
            ),
            (
                "d".into(),
                tr!(
                    "trek er een: een willekeurige kaart van hier",
                    "draw one: a random card from here"
                ),
            ),
            ("Esc / ←".into(), tr!("een niveau terug", "one level back")),
        ],
    };
    keys.push((
        "? / F1".into(),
        tr!(
            "deze hulp (F1 ook tijdens het typen)",
            "this help (F1 also while typing)"
        ),
    ));
    keys.push((
        "Ctrl+C".into(),
        tr!("tafel direct afsluiten", "leave tafel at once"),
    ));
    keys
}

pub(super) fn render_help(home: &Home, area: Rect, buf: &mut Buffer) {
    let keys = help_lines(home);
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let lines: Vec<Line> = keys
        .into_iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!(" {key:<key_width$}"), theme::accent()),
                Span::raw(what),
            ])
        })
        .collect();
    let rect = popup(area, 80, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(window(tr!(
            "Toetsen — een toets sluit",
            "Keys — any key closes"
        )))
        .render(rect, buf);
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
