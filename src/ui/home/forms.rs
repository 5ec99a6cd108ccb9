//! Starting a workshop or solo reflection: the plan list and the small forms.

use super::*;
use crate::catalog::Library;

// ---------------------------------------------------------------------------------------------
// Workshop: plans, then the form

pub(super) fn length_text(length: RoundLength) -> String {
    match length {
        RoundLength::Minutes(m) => format!("{m} min"),
        RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
    }
}

pub(super) fn plan_summary(plan: &Plan) -> String {
    tr!(
        "{} rondes · {} min",
        "{} rounds · {} min",
        plan.rounds.len(),
        minutes_label(plan, None)
    )
}

/// The group the home screen shows a plan for: the participants from the settings (a name
/// each, or one number), else the plan's nominal group.
fn people_at_hand(participants: &[String], plan: &Plan) -> u32 {
    match crate::rules::headcount(participants).1 {
        0 => plan.nominal_group(),
        n => n,
    }
}

fn plan_details(library: &Library, participants: &[String], plan: &Plan) -> Vec<Line<'static>> {
    let people = people_at_hand(participants, plan);
    let resolved = plan.resolved(people);
    let decks: Vec<String> = plan
        .decks
        .iter()
        .map(|id| library.deck(id).map_or(id.clone(), |d| d.title.clone()))
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
                "Totaal: {} in {} rondes · {decks}",
                "Total: {} in {} rounds · {decks}",
                crate::catalog::timing::total_label(plan, people),
                plan.rounds.len()
            ),
            theme::accent(),
        ),
        Line::default(),
        Line::from(plan.description.clone()),
        Line::default(),
    ];
    // The werkvorm's description in the order facilitators know: doel, voor wie, aanpak
    // (the rounds), wat je nodig hebt, groepsgrootte, tips, variaties. Duur is the total above.
    let guide = &plan.guide;
    let field = |label: String, text: &str| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme::accent()),
            Span::raw(text.to_string()),
        ])
    };
    if let Some(goal) = &guide.goal {
        lines.push(field(tr!("Doel", "Goal"), goal));
    }
    if let Some(audience) = &guide.audience {
        lines.push(field(tr!("Voor wie", "For whom"), audience));
    }
    if let Some(size) = guide.group_size {
        lines.push(field(
            tr!("Groepsgrootte", "Group size"),
            &tr!("{size} deelnemers", "{size} participants"),
        ));
        if let Some(warning) = plan.group_warning(people) {
            lines.push(Line::styled(warning, theme::accent()));
        }
    }
    if guide.goal.is_some() || guide.audience.is_some() || guide.group_size.is_some() {
        lines.push(Line::default());
    }
    lines.push(Line::styled(tr!("Aanpak", "Approach"), theme::accent()));
    for (i, round) in resolved.rounds.iter().enumerate() {
        let mut length = length_text(round.length);
        match (round.scale, resolved.teams_for_round(i, people)) {
            (Some(scale), Some(teams)) if scale.per_team() => length.push_str(&tr!(
                " ({}, groeit per team)",
                " ({}, grows per team)",
                crate::catalog::teams_text(teams)
            )),
            (Some(_), _) => {
                length.push_str(&tr!(" (groeit met de groep)", " (grows with the group)"))
            }
            (None, _) => {}
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2}. ", i + 1), theme::dim()),
            Span::raw(round.title.clone()),
            Span::styled(format!("  {length}"), theme::dim()),
        ]));
    }
    let lists = [
        (tr!("Wat je nodig hebt", "What you need"), &guide.needs),
        (tr!("Tips", "Tips"), &guide.tips),
        (tr!("Variaties", "Variations"), &guide.variations),
    ];
    for (label, items) in lists {
        if items.is_empty() {
            continue;
        }
        lines.push(Line::default());
        lines.push(Line::styled(label, theme::accent()));
        lines.extend(items.iter().map(|item| Line::from(format!("• {item}"))));
    }
    lines
}

/// The plans of `library` to choose from, the selected one's description beside or below
/// them, its total worked out for `participants`: on the home screen and for `tafel run`
/// without a plan.
pub(crate) fn render_plan_list(
    library: &Library,
    participants: &[String],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    let plans: Vec<&Plan> = library.plans.iter().map(|e| &e.item).collect();
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
        render_details(
            plan_details(library, participants, plan),
            wide,
            detail_area,
            buf,
        );
    }
}

pub(super) fn render_list(
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
pub(super) struct FieldRow {
    label: String,
    value: Line<'static>,
    focused: bool,
    note: Option<String>,
}

pub(super) fn render_form(
    rows: Vec<FieldRow>,
    error: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
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
                // Cut with "…", never silently: a cut example reads as another example.
                let note = crate::ui::room::cut(&note, usize::from(note_area.width));
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

pub(super) fn choice_line(text: String, focused: bool) -> Line<'static> {
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

pub(super) fn button_line(text: String, focused: bool) -> Line<'static> {
    let style = if focused {
        theme::key()
    } else {
        theme::title()
    };
    Line::styled(format!("[ {text} ]"), style)
}

pub(super) fn value_width(area: Rect) -> usize {
    let label: u16 = if area.width >= 50 { 14 } else { 0 };
    area.width.saturating_sub(label) as usize
}

pub(super) fn render_workshop(home: &Home, form: &WorkshopForm, area: Rect, buf: &mut Buffer) {
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
                "Anna, Bram, Chris — of alleen een aantal: 12 (mag leeg)",
                "Anna, Bram, Chris — or just a number: 12 (may be empty)"
            )),
        },
    ];
    if let Some(follow_up) = &form.follow_up {
        rows.insert(
            1,
            FieldRow {
                label: tr!("Vervolg op", "Follows up"),
                value: Line::from(vec![
                    Span::raw(follow_up.title.clone()),
                    Span::styled(
                        tr!(
                            "  (open afspraken komen eerst aan bod)",
                            "  (open agreements come first)"
                        ),
                        theme::dim(),
                    ),
                ]),
                focused: false,
                note: None,
            },
        );
    }
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
    let rest = below(area, used);
    if rest.height >= 4 {
        // The rounds for the participants typed so far (names, or a number).
        let typed: Vec<String> = form
            .participants
            .text()
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        let people = match crate::rules::headcount(&typed).1 {
            0 => plan.nominal_group(),
            n => n,
        };
        let resolved = plan.resolved(people);
        let mut lines = vec![Line::styled(
            tr!(
                "Rondes · {}",
                "Rounds · {}",
                crate::catalog::timing::total_label(plan, people)
            ),
            theme::dim(),
        )];
        if let Some(warning) = plan.group_warning(people).filter(|_| !typed.is_empty()) {
            lines.push(Line::styled(warning, theme::accent()));
        }
        for (i, round) in resolved.rounds.iter().enumerate() {
            let mut text = format!(
                "{:>2}. {}  {}",
                i + 1,
                round.title,
                length_text(round.length)
            );
            // A round per team: for how many teams of the group typed.
            if let (Some(scale), Some(teams)) = (round.scale, resolved.teams_for_round(i, people))
                && scale.per_team()
            {
                text.push_str(&format!(" ({})", crate::catalog::teams_text(teams)));
            }
            lines.push(Line::styled(text, theme::dim()));
        }
        // Wrapped: the group-size warning is a sentence that must be read whole.
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().padding(Padding::horizontal(2)))
            .render(rest, buf);
    }
}

pub(super) fn render_solo(home: &Home, form: &SoloForm, area: Rect, buf: &mut Buffer) {
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
                "leeg: geen timer; anders een rustige timer (1 tot en met {})",
                "empty: no timer; otherwise a calm timer (1 to {})",
                crate::rules::MAX_ROUND_MINUTES
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
    let rest = below(area, used);
    if rest.height >= 3 {
        let about = category.map_or(deck.description.clone(), |c| c.description.clone());
        Paragraph::new(Line::styled(about, theme::dim()))
            .wrap(Wrap { trim: true })
            .block(Block::default().padding(Padding::horizontal(2)))
            .render(rest, buf);
    }
}
