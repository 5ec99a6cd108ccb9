//! The deck browser: decks, categories, cards, search and a card drawn to try.

use super::*;

// ---------------------------------------------------------------------------------------------
// Deck browser

pub(super) fn render_browser(home: &Home, browser: &Browser, area: Rect, buf: &mut Buffer) {
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
        render_details(details, wide, detail_area, buf);
    }
}

/// How wide the browser's list would like to be: its longest line, with room for the
/// border and the selection mark.
pub(super) fn list_width(home: &Home, browser: &Browser, cards: &[(usize, usize)]) -> usize {
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
pub(super) fn card_lines(home: &Home, deck: usize, card: usize) -> Vec<Line<'static>> {
    let deck = &home.library.decks[deck].item;
    let card = &deck.cards[card];
    let category = deck
        .category(&card.category)
        .map_or(card.category.clone(), |c| c.title.clone());
    let mut lines = vec![Line::styled(
        format!("{} · {category}", deck.title),
        theme::dim(),
    )];
    if let Some(usage) = card.usage() {
        lines.push(Line::styled(usage, theme::accent()));
    }
    lines.extend([
        Line::default(),
        Line::styled(card.title.clone(), theme::title()),
        Line::default(),
        Line::from(card.prompt.clone()),
    ]);
    lines.extend(tip_lines(card));
    lines
}

pub(super) fn render_card_large(
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
            .map_or(0, |h| 1 + wrapped(&tr!("Tip: {h}", "Tip: {h}")))
        + card.usage().map_or(0, |u| 1 + wrapped(&u));
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
    if let Some(usage) = card.usage() {
        lines.push(Line::default());
        lines.push(Line::styled(usage, theme::accent()).alignment(Alignment::Center));
    }
    lines.extend(tip_lines(card));
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
