//! The home screen: the menu, the workshop and solo forms, the look-back list and the deck
//! browser. Only draws; reads the `Home` state and never changes it. Safe at any size, down
//! to 0×0; at every size the bottom line names the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, BorderType, Borders, Cell, Clear, HighlightSpacing, List, ListItem, ListState, Padding,
    Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};
use unicode_width::UnicodeWidthChar;

use super::overlays::{popup, window};
use super::theme;
use crate::app::Status;
use crate::catalog::{Plan, RoundLength};
use crate::commands::plans::minutes_label;
use crate::home::input::LineInput;
use crate::home::{
    Browser, Home, Level, LookBack, MenuItem, Screen, Sessions, SoloField, SoloForm, WorkshopField,
    WorkshopForm,
};
use crate::session::timer::clock_text;
use crate::tr;

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
    let status_height = match &home.status {
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
    }
    if let Some(status) = &home.status {
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
    if let Screen::Decks(browser) = &home.screen
        && let Some(shown) = browser.shown
        && !home.help
    {
        render_card_large(home, browser, shown, area, buf);
    }
}

// ---------------------------------------------------------------------------------------------
// Header, hints and help

fn screen_title(home: &Home) -> String {
    match &home.screen {
        Screen::Menu => tr!("Wat gaan we doen?", "What shall we do?"),
        Screen::Plans { .. } => tr!(
            "Workshop starten — kies een werkvorm",
            "Start a workshop — choose a plan"
        ),
        Screen::Workshop(form) => tr!(
            "Workshop starten — {}",
            "Start a workshop — {}",
            home.library.plans[form.plan].item.title
        ),
        Screen::Solo(_) => tr!("Solo reflectie", "Solo reflection"),
        Screen::LookBack(_) => tr!("Terugkijken", "Look back"),
        Screen::Decks(_) => tr!("Stapels bekijken", "Browse decks"),
    }
}

fn render_header(home: &Home, area: Rect, buf: &mut Buffer) {
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
fn hints(home: &Home) -> Vec<(String, String)> {
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
            help(),
        ],
        Screen::Plans { .. } => vec![
            choose(),
            ("Enter".into(), tr!("verder", "next")),
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
        Screen::LookBack(look) if look.searching => search_hints(),
        Screen::LookBack(_) => vec![
            choose(),
            ("Enter".into(), tr!("terugkijken", "replay")),
            ("e".into(), tr!("exporteren", "export")),
            ("r".into(), tr!("verder gaan", "continue")),
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

fn search_hints() -> Vec<(String, String)> {
    vec![
        (tr!("typ", "type"), tr!("zoeken", "search")),
        ("↑↓".into(), tr!("kiezen", "choose")),
        ("Enter".into(), tr!("klaar", "done")),
        ("Esc".into(), tr!("zoekterm wissen", "clear the search")),
        ("F1".into(), tr!("hulp", "help")),
    ]
}

fn hint_width(home: &Home) -> usize {
    hints(home)
        .iter()
        .map(|(k, w)| k.chars().count() + w.chars().count() + 4)
        .sum::<usize>()
        + 1
}

/// The hints on at most `rows` lines of `width`, each hint whole; what does not fit is left
/// out, except the help key, which always stays.
fn hint_lines(home: &Home, width: u16, rows: u16) -> Vec<Line<'static>> {
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
fn help_lines(home: &Home) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = match &home.screen {
        Screen::Menu => vec![
            ("↑↓ / j k".into(), tr!("kiezen", "choose")),
            ("Enter".into(), tr!("openen", "open")),
            (
                "1 … 5".into(),
                tr!("een keuze direct openen", "open a choice directly"),
            ),
            ("q".into(), tr!("tafel afsluiten", "leave tafel")),
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
                    "exporteren als Markdown in de huidige map",
                    "export as Markdown into the current directory"
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

fn render_help(home: &Home, area: Rect, buf: &mut Buffer) {
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

// ---------------------------------------------------------------------------------------------
// Menu

fn menu_label(item: MenuItem) -> (String, String) {
    match item {
        MenuItem::Workshop => (
            tr!("Workshop starten", "Start a workshop"),
            tr!(
                "Kies een werkvorm, vul titel en deelnemers in en begin.",
                "Choose a plan, fill in title and participants, and begin."
            ),
        ),
        MenuItem::Solo => (
            tr!("Solo reflectie", "Solo reflection"),
            tr!(
                "Eén kaart, rust en ruimte om te schrijven.",
                "One card, some quiet and room to write."
            ),
        ),
        MenuItem::LookBack => (
            tr!("Terugkijken", "Look back"),
            tr!(
                "Eerdere sessies: terugkijken, exporteren of verder gaan.",
                "Past sessions: replay, export or continue."
            ),
        ),
        MenuItem::Decks => (
            tr!("Stapels bekijken", "Browse decks"),
            tr!(
                "Kaarten per categorie, zoeken, er een trekken om te proberen.",
                "Categories and cards, search, draw one to try."
            ),
        ),
        MenuItem::Quit => (
            tr!("Stoppen", "Quit"),
            tr!("Terug naar de terminal.", "Back to the terminal."),
        ),
    }
}

fn render_menu(home: &Home, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let roomy = area.height >= 20 && area.width >= 50;
    let mut lines: Vec<Line> = Vec::new();
    for (i, item) in MenuItem::ALL.into_iter().enumerate() {
        let (label, what) = menu_label(item);
        let selected = i == home.menu;
        let marker = if selected { "▶" } else { " " };
        let text = format!("{marker} {}  {label} ", i + 1);
        let style = if selected {
            theme::selected()
        } else {
            theme::title()
        };
        lines.push(Line::styled(text, style));
        if roomy {
            lines.push(Line::styled(format!("     {what}"), theme::dim()));
            if i + 1 < MenuItem::ALL.len() {
                lines.push(Line::default());
            }
        }
    }
    if !roomy {
        let rect = Rect {
            height: area.height.min(lines.len() as u16),
            ..area
        };
        Paragraph::new(lines).render(rect, buf);
        return;
    }
    let width = area.width.min(72);
    let height = (lines.len() as u16 + 4).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height.saturating_sub(height + 2)) / 2,
        width,
        height,
    };
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Rounded)
                .border_style(theme::card_border())
                .padding(Padding::new(2, 2, 1, 1)),
        )
        .render(rect, buf);
    let library = home.library;
    let cards: usize = library.decks.iter().map(|e| e.item.cards.len()).sum();
    let summary = tr!(
        "{} werkvormen · {} stapels met {} kaarten",
        "{} plans · {} decks with {} cards",
        library.plans.len(),
        library.decks.len(),
        cards
    );
    let below = Rect {
        y: rect.bottom().min(area.bottom().saturating_sub(1)),
        height: 1,
        ..area
    };
    if rect.bottom() < area.bottom() {
        Paragraph::new(Line::styled(summary, theme::dim()).alignment(Alignment::Center))
            .render(below, buf);
    }
}

// ---------------------------------------------------------------------------------------------
// Workshop: plans, then the form

fn length_text(length: RoundLength) -> String {
    match length {
        RoundLength::Minutes(m) => format!("{m} min"),
        RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
    }
}

fn plan_summary(plan: &Plan) -> String {
    tr!(
        "{} rondes · {} min",
        "{} rounds · {} min",
        plan.rounds.len(),
        minutes_label(plan)
    )
}

fn plan_details(home: &Home, plan: &Plan) -> Vec<Line<'static>> {
    let decks: Vec<String> = plan
        .decks
        .iter()
        .map(|id| {
            home.library
                .deck(id)
                .map_or(id.clone(), |d| d.title.clone())
        })
        .collect();
    let decks = if decks.is_empty() {
        tr!(
            "stapel naar keuze (in de volgende stap)",
            "deck of your choice (in the next step)"
        )
    } else {
        tr!("stapel: {}", "deck: {}", decks.join(", "))
    };
    // The total first: on a small screen it must not fall off the bottom.
    let mut lines = vec![
        Line::styled(plan.title.clone(), theme::title()),
        Line::styled(
            tr!(
                "Totaal: {} min in {} rondes · {decks}",
                "Total: {} min in {} rounds · {decks}",
                minutes_label(plan),
                plan.rounds.len()
            ),
            theme::accent(),
        ),
        Line::default(),
        Line::from(plan.description.clone()),
        Line::default(),
    ];
    for (i, round) in plan.rounds.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2}. ", i + 1), theme::dim()),
            Span::raw(round.title.clone()),
            Span::styled(format!("  {}", length_text(round.length)), theme::dim()),
        ]));
    }
    lines
}

fn render_plans(home: &Home, selected: usize, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let plans: Vec<&Plan> = home.library.plans.iter().map(|e| &e.item).collect();
    if plans.is_empty() {
        Paragraph::new(tr!(
            "Er zijn geen werkvormen. Zie `tafel check` voor problemen met bestanden.",
            "There are no plans. See `tafel check` for problems with files."
        ))
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let wide = area.width >= 90;
    let (list_area, detail_area) = if wide {
        let [l, d] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Min(10)]).areas(area);
        (l, d)
    } else {
        let list_height = (plans.len() as u16 + 2).min(area.height / 2).max(3);
        let [l, d] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Min(0)]).areas(area);
        (l, d)
    };
    let items: Vec<ListItem> = plans
        .iter()
        .map(|plan| {
            if wide {
                ListItem::new(vec![
                    Line::styled(plan.title.clone(), theme::title()),
                    Line::styled(format!("  {}", plan_summary(plan)), theme::dim()),
                ])
            } else {
                ListItem::new(Line::from(vec![
                    Span::raw(plan.title.clone()),
                    Span::styled(format!("  ({})", plan_summary(plan)), theme::dim()),
                ]))
            }
        })
        .collect();
    render_list(
        items,
        selected,
        Some(tr!(" Werkvormen ", " Plans ")),
        list_area,
        buf,
    );
    if let Some(plan) = plans.get(selected) {
        Paragraph::new(plan_details(home, plan))
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(if wide { Borders::NONE } else { Borders::TOP })
                    .padding(Padding::horizontal(2)),
            )
            .render(detail_area, buf);
    }
}

fn render_list(
    items: Vec<ListItem<'static>>,
    selected: usize,
    title: Option<String>,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    // No taller than its items: an empty box to the bottom of the screen is only noise.
    let area = Rect {
        height: area
            .height
            .min(items.iter().map(ListItem::height).sum::<usize>() as u16 + 2),
        ..area
    };
    let mut state = ListState::default().with_selected(Some(selected));
    let mut block = Block::default().borders(Borders::ALL);
    if let Some(title) = title {
        block = block.title(Line::styled(title, theme::title()));
    }
    let block = if area.height >= 3 && area.width >= 6 {
        block
    } else {
        Block::default()
    };
    StatefulWidget::render(
        List::new(items)
            .block(block)
            .highlight_style(theme::selected())
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always),
        area,
        buf,
        &mut state,
    );
}

/// One field of a form: its label, then what it holds.
struct FieldRow {
    label: String,
    value: Line<'static>,
    focused: bool,
    note: Option<String>,
}

fn render_form(rows: Vec<FieldRow>, error: Option<&str>, area: Rect, buf: &mut Buffer) -> u16 {
    if area.is_empty() {
        return 0;
    }
    let spacious = area.height >= 16;
    let label_width: u16 = if area.width >= 50 { 14 } else { 0 };
    let mut y = area.y;
    let bottom = area.bottom();
    for row in rows {
        if y >= bottom {
            break;
        }
        let marker = if row.focused { "▶ " } else { "  " };
        let label_style = if row.focused {
            theme::accent()
        } else {
            theme::title()
        };
        let line_area = Rect {
            y,
            height: 1,
            ..area
        };
        if label_width > 0 {
            let [label_area, value_area] =
                Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)])
                    .areas(line_area);
            Paragraph::new(Line::styled(format!("{marker}{}", row.label), label_style))
                .render(label_area, buf);
            Paragraph::new(row.value).render(value_area, buf);
            y += 1;
            if let Some(note) = row.note
                && y < bottom
                && spacious
            {
                let note_area = Rect {
                    x: value_area.x,
                    y,
                    width: value_area.width,
                    height: 1,
                };
                Paragraph::new(Line::styled(note, theme::dim())).render(note_area, buf);
                y += 1;
            }
        } else {
            // Narrow: the label on its own line, the value under it.
            Paragraph::new(Line::styled(format!("{marker}{}", row.label), label_style))
                .render(line_area, buf);
            y += 1;
            if y < bottom {
                Paragraph::new(row.value).render(
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    buf,
                );
                y += 1;
            }
        }
        if spacious {
            y += 1;
        }
    }
    if let Some(error) = error
        && y < bottom
    {
        Paragraph::new(Line::styled(format!(" {error} "), theme::error()))
            .wrap(Wrap { trim: true })
            .render(
                Rect {
                    y,
                    height: (bottom - y).min(2),
                    ..area
                },
                buf,
            );
        y += 2;
    }
    y.min(bottom) - area.y
}

/// The text of a field, underlined across the field so an empty one shows too; when it has
/// the keyboard, the cursor is a reversed cell and the text scrolls to keep it in view.
fn input_line(input: &LineInput, width: usize, focused: bool) -> Line<'static> {
    let field = Style::new().add_modifier(Modifier::UNDERLINED);
    let width = width.clamp(1, 60);
    let chars: Vec<char> = input.text().chars().collect();
    let w = |c: char| UnicodeWidthChar::width(c).unwrap_or(0);
    let pad = |used: usize| Span::styled(" ".repeat(width.saturating_sub(used)), field);
    if !focused {
        let used: usize = chars.iter().map(|c| w(*c)).sum();
        return Line::from(vec![
            Span::styled(input.text().to_string(), field),
            pad(used),
        ]);
    }
    let cursor = input.cursor().min(chars.len());
    let mut start = cursor;
    let mut used = 1;
    while start > 0 && used + w(chars[start - 1]) <= width {
        used += w(chars[start - 1]);
        start -= 1;
    }
    let before: String = chars[start..cursor].iter().collect();
    let at = chars.get(cursor).copied().unwrap_or(' ');
    let mut after = String::new();
    for &c in chars.get(cursor + 1..).unwrap_or_default() {
        if used + w(c) > width {
            break;
        }
        used += w(c);
        after.push(c);
    }
    Line::from(vec![
        Span::styled(before, field),
        Span::styled(at.to_string(), theme::selected()),
        Span::styled(after, field),
        pad(used),
    ])
}

fn choice_line(text: String, focused: bool) -> Line<'static> {
    if focused {
        Line::from(vec![
            Span::styled("◀ ", theme::accent()),
            Span::styled(text, theme::title()),
            Span::styled(" ▶", theme::accent()),
        ])
    } else {
        Line::from(format!("  {text}"))
    }
}

fn button_line(text: String, focused: bool) -> Line<'static> {
    let style = if focused {
        theme::key()
    } else {
        theme::title()
    };
    Line::styled(format!("[ {text} ]"), style)
}

fn value_width(area: Rect) -> usize {
    let label: u16 = if area.width >= 50 { 14 } else { 0 };
    area.width.saturating_sub(label) as usize
}

fn render_workshop(home: &Home, form: &WorkshopForm, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let plan = &home.library.plans[form.plan].item;
    let width = value_width(area);
    let mut rows = vec![
        FieldRow {
            label: tr!("Werkvorm", "Plan"),
            value: Line::from(vec![
                Span::raw(plan.title.clone()),
                Span::styled(format!("  ({})", plan_summary(plan)), theme::dim()),
            ]),
            focused: false,
            note: None,
        },
        FieldRow {
            label: tr!("Titel", "Title"),
            value: input_line(&form.title, width, form.focus == WorkshopField::Title),
            focused: form.focus == WorkshopField::Title,
            note: None,
        },
        FieldRow {
            label: tr!("Deelnemers", "Participants"),
            value: input_line(
                &form.participants,
                width,
                form.focus == WorkshopField::Participants,
            ),
            focused: form.focus == WorkshopField::Participants,
            note: Some(tr!(
                "met komma's ertussen: Anna, Bram, Chris (mag leeg)",
                "with commas between them: Anna, Bram, Chris (may be empty)"
            )),
        },
    ];
    if let Some(deck) = form.deck {
        let title = home
            .library
            .decks
            .get(deck)
            .map_or(String::new(), |d| d.item.title.clone());
        rows.push(FieldRow {
            label: tr!("Stapel", "Deck"),
            value: choice_line(title, form.focus == WorkshopField::Deck),
            focused: form.focus == WorkshopField::Deck,
            note: Some(tr!(
                "deze werkvorm werkt met elke stapel",
                "this plan works with any deck"
            )),
        });
    }
    rows.push(FieldRow {
        label: String::new(),
        value: button_line(
            tr!("Start de workshop", "Start the workshop"),
            form.focus == WorkshopField::Start,
        ),
        focused: form.focus == WorkshopField::Start,
        note: None,
    });
    let used = render_form(rows, form.error.as_deref(), area, buf);
    // Below the form, when there is room: the rounds as a reminder.
    let rest = Rect {
        y: area.y + used,
        height: area.height.saturating_sub(used),
        ..area
    };
    if rest.height >= 4 {
        let mut lines = vec![Line::styled(tr!("Rondes", "Rounds"), theme::dim())];
        for (i, round) in plan.rounds.iter().enumerate() {
            lines.push(Line::styled(
                format!(
                    "{:>2}. {}  {}",
                    i + 1,
                    round.title,
                    length_text(round.length)
                ),
                theme::dim(),
            ));
        }
        Paragraph::new(lines)
            .block(Block::default().padding(Padding::horizontal(2)))
            .render(rest, buf);
    }
}

fn render_solo(home: &Home, form: &SoloForm, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let Some(deck) = home.library.decks.get(form.deck).map(|e| &e.item) else {
        Paragraph::new(tr!("Er zijn geen stapels.", "There are no decks.")).render(area, buf);
        return;
    };
    let category = form
        .category
        .checked_sub(1)
        .and_then(|i| deck.categories.get(i));
    let cards = deck
        .cards
        .iter()
        .filter(|c| category.is_none_or(|cat| c.category == cat.id))
        .count();
    let width = value_width(area);
    let rows = vec![
        FieldRow {
            label: tr!("Stapel", "Deck"),
            value: choice_line(deck.title.clone(), form.focus == SoloField::Deck),
            focused: form.focus == SoloField::Deck,
            note: None,
        },
        FieldRow {
            label: tr!("Categorie", "Category"),
            value: choice_line(
                category.map_or_else(
                    || tr!("alle categorieën", "every category"),
                    |c| c.title.clone(),
                ),
                form.focus == SoloField::Category,
            ),
            focused: form.focus == SoloField::Category,
            note: Some(tr!("{cards} kaarten", "{cards} cards")),
        },
        FieldRow {
            label: tr!("Minuten", "Minutes"),
            value: input_line(&form.minutes, width, form.focus == SoloField::Minutes),
            focused: form.focus == SoloField::Minutes,
            note: Some(tr!(
                "leeg: geen timer; anders een rustige timer (1 tot en met 240)",
                "empty: no timer; otherwise a calm timer (1 to 240)"
            )),
        },
        FieldRow {
            label: String::new(),
            value: button_line(tr!("Begin", "Begin"), form.focus == SoloField::Start),
            focused: form.focus == SoloField::Start,
            note: None,
        },
    ];
    let used = render_form(rows, form.error.as_deref(), area, buf);
    let rest = Rect {
        y: area.y + used,
        height: area.height.saturating_sub(used),
        ..area
    };
    if rest.height >= 3 {
        let about = category.map_or(deck.description.clone(), |c| c.description.clone());
        Paragraph::new(Line::styled(about, theme::dim()))
            .wrap(Wrap { trim: true })
            .block(Block::default().padding(Padding::horizontal(2)))
            .render(rest, buf);
    }
}

// ---------------------------------------------------------------------------------------------
// Look back

fn search_line(
    label: String,
    input: &LineInput,
    focused: bool,
    found: String,
    width: u16,
) -> Line<'static> {
    let room = (width as usize).saturating_sub(label.chars().count() + found.chars().count() + 3);
    let mut spans = vec![Span::styled(label, theme::accent())];
    spans.extend(input_line(input, room, focused).spans);
    spans.push(Span::styled(format!("  {found}"), theme::dim()));
    Line::from(spans)
}

fn render_look_back(home: &Home, look: &LookBack, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let listing = match &home.sessions {
        Sessions::NotLoaded => {
            Paragraph::new(tr!("Sessies laden…", "Loading sessions…")).render(area, buf);
            return;
        }
        Sessions::Unavailable(why) => {
            Paragraph::new(Line::styled(why.clone(), theme::error()))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        Sessions::Loaded(listing) => listing,
    };
    if listing.sessions.is_empty() {
        Paragraph::new(vec![
            Line::from(tr!("Nog geen sessies.", "No sessions yet.")),
            Line::styled(
                tr!(
                    "Start een workshop of een solo reflectie: die verschijnen hier.",
                    "Start a workshop or a solo reflection: they appear here."
                ),
                theme::dim(),
            ),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let rows = home.look_back_rows();
    let search_height = u16::from(look.searching || !look.query.is_empty());
    let unreadable_height = u16::from(!listing.unreadable.is_empty() && area.height >= 8);
    let detail_height = if area.height >= 30 {
        10
    } else if area.height >= 16 {
        5
    } else {
        0
    };
    let [search, list, unreadable, detail] = Layout::vertical([
        Constraint::Length(search_height),
        Constraint::Max(rows.len().max(1) as u16 + 3),
        Constraint::Length(unreadable_height),
        Constraint::Min(detail_height),
    ])
    .areas(area);
    if search_height > 0 {
        let found = tr!("{} van {}", "{} of {}", rows.len(), listing.sessions.len());
        Paragraph::new(search_line(
            tr!("Zoeken: ", "Search: "),
            &look.query,
            look.searching,
            found,
            search.width,
        ))
        .render(search, buf);
    }
    let wide = list.width >= 140;
    let roomy = list.width >= 100;
    let narrow = list.width < 60;
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|(_, s)| {
            let status = if s.ended {
                Span::styled(tr!("afgerond", "finished"), theme::dim())
            } else {
                Span::styled(tr!("onderbroken", "interrupted"), theme::accent())
            };
            let date = if narrow {
                s.started.format("%d-%m %H:%M").to_string()
            } else {
                s.started.format("%d-%m-%Y %H:%M").to_string()
            };
            let mut cells = vec![Cell::from(date), Cell::from(s.title.clone())];
            if wide {
                cells.push(Cell::from(s.plan_title.clone()));
            }
            if roomy {
                cells.push(Cell::from(counts(s.notes, s.agreements)));
            }
            if !narrow {
                cells.push(Cell::from(Line::from(status)));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(if narrow { 11 } else { 16 }),
        Constraint::Min(10),
    ];
    let mut header = vec![tr!("Datum", "Date"), tr!("Titel", "Title")];
    if wide {
        widths.push(Constraint::Length(32));
        header.push(tr!("Werkvorm", "Plan"));
    }
    if roomy {
        widths.push(Constraint::Length(26));
        header.push(tr!("Notities · afspraken", "Notes · agreements"));
    }
    if !narrow {
        widths.push(Constraint::Length(12));
        header.push(tr!("Status", "Status"));
    }
    let block = if list.height >= 4 {
        Block::default().borders(Borders::ALL).title(Line::styled(
            tr!(
                " Eerdere sessies, nieuwste eerst ",
                " Past sessions, newest first "
            ),
            theme::title(),
        ))
    } else {
        Block::default()
    };
    let mut state = TableState::default().with_selected(Some(look.selected));
    StatefulWidget::render(
        Table::new(table_rows, widths)
            .header(Row::new(header).style(theme::dim()))
            .block(block)
            .row_highlight_style(theme::selected())
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always)
            .column_spacing(2),
        list,
        buf,
        &mut state,
    );
    if rows.is_empty() && list.height > 3 {
        Paragraph::new(Line::styled(
            tr!("Geen sessie gevonden.", "No session found."),
            theme::dim(),
        ))
        .render(
            Rect {
                x: list.x + 2,
                y: list.y + 2,
                width: list.width.saturating_sub(4),
                height: 1,
            },
            buf,
        );
    }
    if unreadable_height > 0 {
        let n = listing.unreadable.len();
        Paragraph::new(Line::styled(
            tr!(
                "{n} sessiebestand(en) onleesbaar: zie `tafel sessions`",
                "{n} session file(s) unreadable: see `tafel sessions`"
            ),
            theme::dim(),
        ))
        .render(unreadable, buf);
    }
    if detail_height > 0
        && let Some((_, s)) = rows.get(look.selected)
    {
        let mut lines = vec![
            Line::styled(s.title.clone(), theme::title()),
            Line::styled(
                format!(
                    "{} · {} · {}",
                    s.plan_title,
                    tr!("duur {}", "duration {}", clock_text(s.spent_ms, false)),
                    counts(s.notes, s.agreements)
                ),
                theme::dim(),
            ),
        ];
        if !s.participants.is_empty() {
            lines.push(Line::styled(
                tr!(
                    "Deelnemers: {}",
                    "Participants: {}",
                    s.participants.join(", ")
                ),
                theme::dim(),
            ));
        }
        for agreement in &s.open_agreements {
            let mut text = format!("• {}", agreement.text.lines().next().unwrap_or_default());
            if let Some(owner) = &agreement.owner {
                text.push_str(&tr!(" — wie: {owner}", " — who: {owner}"));
            }
            if let Some(due) = &agreement.due {
                text.push_str(&tr!(" — wanneer: {due}", " — when: {due}"));
            }
            lines.push(Line::styled(text, theme::agreement()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::default().padding(Padding::horizontal(1)))
            .render(detail, buf);
    }
}

fn counts(notes: usize, agreements: usize) -> String {
    let notes = match notes {
        1 => tr!("1 notitie", "1 note"),
        n => tr!("{n} notities", "{n} notes"),
    };
    let agreements = match agreements {
        1 => tr!("1 afspraak", "1 agreement"),
        n => tr!("{n} afspraken", "{n} agreements"),
    };
    format!("{notes} · {agreements}")
}

// ---------------------------------------------------------------------------------------------
// Deck browser

fn render_browser(home: &Home, browser: &Browser, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let library = home.library;
    if library.decks.is_empty() {
        Paragraph::new(tr!("Er zijn geen stapels.", "There are no decks.")).render(area, buf);
        return;
    }
    let deck = &library.decks[browser.deck.min(library.decks.len() - 1)].item;
    let category = browser
        .category_id(library)
        .and_then(|id| deck.category(id));
    // Where we are: Stapels › deck › category.
    let mut trail = vec![tr!("Stapels", "Decks")];
    match browser.level {
        Level::Decks => {}
        Level::Cards if browser.all_decks => trail.push(tr!("alle stapels", "every deck")),
        _ => {
            trail.push(deck.title.clone());
            if browser.level == Level::Cards {
                trail.push(
                    category.map_or_else(|| tr!("alle kaarten", "all cards"), |c| c.title.clone()),
                );
            }
        }
    }
    let cards = browser.cards(library);
    let show_search =
        browser.level == Level::Cards && (browser.searching || !browser.query.is_empty());
    let trail_height = u16::from(area.height >= 6);
    let [trail_area, search_area, main] = Layout::vertical([
        Constraint::Length(trail_height),
        Constraint::Length(u16::from(show_search)),
        Constraint::Min(0),
    ])
    .areas(area);
    Paragraph::new(Line::styled(trail.join(" › "), theme::dim())).render(trail_area, buf);
    if show_search {
        let total = browser.scope(library).len();
        Paragraph::new(search_line(
            tr!("Zoeken: ", "Search: "),
            &browser.query,
            browser.searching,
            tr!("{} van {} kaarten", "{} of {} cards", cards.len(), total),
            search_area.width,
        ))
        .render(search_area, buf);
    }
    let wide = main.width >= 70;
    let (list_area, detail_area) = if wide {
        let left = (list_width(home, browser, &cards) as u16).clamp(24, main.width / 2);
        let [l, d] = Layout::horizontal([Constraint::Length(left), Constraint::Min(0)]).areas(main);
        (l, d)
    } else if main.height >= 14 {
        let [l, d] = Layout::vertical([Constraint::Percentage(55), Constraint::Min(0)]).areas(main);
        (l, d)
    } else {
        (main, Rect::default())
    };
    let (items, selected, details): (Vec<ListItem>, usize, Vec<Line>) = match browser.level {
        Level::Decks => {
            let items = library
                .decks
                .iter()
                .map(|e| {
                    ListItem::new(Line::from(vec![
                        Span::raw(e.item.title.clone()),
                        Span::styled(format!("  ({})", e.item.cards.len()), theme::dim()),
                    ]))
                })
                .collect();
            let mut details = vec![
                Line::styled(deck.title.clone(), theme::title()),
                Line::from(deck.description.clone()),
                Line::default(),
                Line::styled(tr!("Categorieën", "Categories"), theme::dim()),
            ];
            for c in &deck.categories {
                let n = deck.cards.iter().filter(|k| k.category == c.id).count();
                details.push(Line::from(format!("• {}  ({n})", c.title)));
            }
            (items, browser.deck, details)
        }
        Level::Categories => {
            let mut items = vec![ListItem::new(Line::from(vec![
                Span::raw(tr!("Alle kaarten", "All cards")),
                Span::styled(format!("  ({})", deck.cards.len()), theme::dim()),
            ]))];
            items.extend(deck.categories.iter().map(|c| {
                let n = deck.cards.iter().filter(|k| k.category == c.id).count();
                ListItem::new(Line::from(vec![
                    Span::raw(c.title.clone()),
                    Span::styled(format!("  ({n})"), theme::dim()),
                ]))
            }));
            let details = match category {
                Some(c) => vec![
                    Line::styled(c.title.clone(), theme::title()),
                    Line::from(c.description.clone()),
                ],
                None => vec![
                    Line::styled(deck.title.clone(), theme::title()),
                    Line::from(deck.description.clone()),
                ],
            };
            (items, browser.category, details)
        }
        Level::Cards => {
            let items = cards
                .iter()
                .map(|&(d, c)| {
                    let card = &library.decks[d].item.cards[c];
                    let mut spans = vec![Span::raw(card.title.clone())];
                    if browser.all_decks {
                        spans.push(Span::styled(
                            format!("  · {}", library.decks[d].item.title),
                            theme::dim(),
                        ));
                    }
                    ListItem::new(Line::from(spans))
                })
                .collect();
            let details = cards
                .get(browser.card)
                .map(|&(d, c)| card_lines(home, d, c))
                .unwrap_or_else(|| {
                    vec![Line::styled(
                        tr!("Geen kaart gevonden.", "No card found."),
                        theme::dim(),
                    )]
                });
            (items, browser.card, details)
        }
    };
    render_list(items, selected, None, list_area, buf);
    if !detail_area.is_empty() {
        Paragraph::new(details)
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(if wide { Borders::NONE } else { Borders::TOP })
                    .padding(Padding::horizontal(2)),
            )
            .render(detail_area, buf);
    }
}

/// How wide the browser's list would like to be: its longest line, with room for the
/// border and the selection mark.
fn list_width(home: &Home, browser: &Browser, cards: &[(usize, usize)]) -> usize {
    let library = home.library;
    let count = |n: usize| n.to_string().len() + 4;
    let longest = match browser.level {
        Level::Decks => library
            .decks
            .iter()
            .map(|e| e.item.title.chars().count() + count(e.item.cards.len()))
            .max(),
        Level::Categories => library.decks.get(browser.deck).and_then(|e| {
            e.item
                .categories
                .iter()
                .map(|c| c.title.chars().count() + 6)
                .max()
        }),
        Level::Cards => cards
            .iter()
            .map(|&(d, c)| {
                let deck = &library.decks[d].item;
                let extra = if browser.all_decks {
                    deck.title.chars().count() + 4
                } else {
                    0
                };
                deck.cards[c].title.chars().count() + extra
            })
            .max(),
    };
    longest.unwrap_or(20) + 5
}

/// A card as text: its place, title, prompt and hint.
fn card_lines(home: &Home, deck: usize, card: usize) -> Vec<Line<'static>> {
    let deck = &home.library.decks[deck].item;
    let card = &deck.cards[card];
    let category = deck
        .category(&card.category)
        .map_or(card.category.clone(), |c| c.title.clone());
    let mut lines = vec![
        Line::styled(format!("{} · {category}", deck.title), theme::dim()),
        Line::default(),
        Line::styled(card.title.clone(), theme::title()),
        Line::default(),
        Line::from(card.prompt.clone()),
    ];
    if let Some(hint) = &card.hint {
        lines.push(Line::default());
        lines.push(Line::styled(
            tr!("Tip: {hint}", "Tip: {hint}"),
            theme::dim(),
        ));
    }
    lines
}

fn render_card_large(
    home: &Home,
    browser: &Browser,
    (deck_index, card_index): (usize, usize),
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(deck) = home.library.decks.get(deck_index).map(|e| &e.item) else {
        return;
    };
    let Some(card) = deck.cards.get(card_index) else {
        return;
    };
    let category = deck
        .category(&card.category)
        .map_or(card.category.clone(), |c| c.title.clone());
    let width = area.width.min(84);
    // As tall as the card needs: borders, padding, title, prompt and hint, wrapped.
    let text_width = (width as usize).saturating_sub(8).max(1);
    let wrapped = |text: &str| textwrap::wrap(text, text_width).len();
    let needed = 2
        + 1
        + wrapped(&card.title)
        + 1
        + wrapped(&card.prompt)
        + 1
        + card
            .hint
            .as_deref()
            .map_or(0, |h| 1 + wrapped(&tr!("Tip: {h}", "Tip: {h}")));
    let height = (needed as u16).min(area.height);
    let rect = popup(area, width, height);
    Clear.render(rect, buf);
    let heading = if browser.drawn {
        tr!("Getrokken", "Drawn")
    } else {
        tr!("Kaart", "Card")
    };
    let mut lines = vec![
        Line::default(),
        Line::styled(card.title.to_uppercase(), theme::accent()).alignment(Alignment::Center),
        Line::default(),
        Line::from(card.prompt.clone()),
    ];
    if let Some(hint) = &card.hint {
        lines.push(Line::default());
        lines.push(Line::styled(
            tr!("Tip: {hint}", "Tip: {hint}"),
            theme::dim(),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::card_border())
        .title(Line::styled(
            format!(" {heading}: {} · {category} ", deck.title),
            theme::title(),
        ))
        .title_bottom(
            Line::styled(
                tr!(" d nog een · Esc terug ", " d another · Esc back "),
                theme::dim(),
            )
            .alignment(Alignment::Right),
        )
        .padding(Padding::horizontal(3));
    Paragraph::new(Text::from(lines))
        .style(Style::new())
        .wrap(Wrap { trim: true })
        .block(block)
        .render(rect, buf);
}
