//! The home menu: what the facilitator can do.

use super::*;

// ---------------------------------------------------------------------------------------------
// Menu

pub(super) fn menu_label(item: MenuItem) -> (String, String) {
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

pub(super) fn render_menu(home: &Home, area: Rect, buf: &mut Buffer) {
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
    // The open agreements at a glance, and the key to their list.
    if let Some(line) = crate::home::menu_line(&home.agreements) {
        let overdue = home.agreements.counts().is_some_and(|(_, late)| late > 0);
        if roomy {
            lines.push(Line::default());
        }
        let style = if overdue {
            theme::accent()
        } else {
            theme::dim()
        };
        lines.push(Line::styled(format!("  {line}"), style));
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
