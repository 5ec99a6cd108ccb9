//! The room's view of a round, drawn from [`RoomView`]: what the room reads from the back
//! row. Used by the room screen (`tafel room`), the single screen and replay.
//!
//! When space is short, parts are given room in this order: the timer's state, the card's
//! question, the round's title line, the instruction, the card boxes, whose turn it is, bigger
//! digits, and the notes. The question of a card on the table never disappears; text that is
//! cut ends in "…". Safe at every size, down to 1×1.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::{theme, timer};
use crate::session::NoteKind;
use crate::tr;
use crate::view::{
    CardView, GroupView, NoteView, Phase, RoomView, RoundView, TimerLine, WaitingView,
};

/// What the drawing adds to the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Draw {
    /// The facilitator's process is gone: say so on top, keep the rest.
    pub away: bool,
    /// Show the cards' tips (the facilitator's own screen, never the room).
    pub tips: bool,
    /// The position and clock beside the round's title (the single screen has them in its
    /// own header).
    pub header: bool,
}

impl Draw {
    /// As the room screen draws.
    pub fn room(away: bool) -> Draw {
        Draw {
            away,
            tips: false,
            header: true,
        }
    }
}

pub fn render(view: &RoomView, draw: Draw, area: Rect, buf: &mut Buffer) {
    let mut area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if draw.away {
        let band = Rect { height: 1, ..area };
        let text = tr!(
            "de begeleider is even weg · dit is de laatste stand",
            "the facilitator is away for a moment · this is the last state"
        );
        band_line(
            &text,
            theme::error().add_modifier(Modifier::REVERSED),
            band,
            buf,
        );
        area.y += 1;
        area.height -= 1;
        if area.is_empty() {
            return;
        }
    }
    match view {
        RoomView::Waiting(waiting) => render_waiting(waiting, area, buf),
        RoomView::Round(round) => render_round(round, draw, area, buf),
    }
}

/// A full-width line of `text`, centred, cut with "…".
fn band_line(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, style);
    let text = cut(text, usize::from(area.width));
    Paragraph::new(Line::styled(text, style).alignment(Alignment::Center)).render(area, buf);
}

/// `text` wrapped to `width`, at most `max` lines; the last ends in "…" when cut.
pub fn wrap_cut(text: &str, width: usize, max: usize) -> Vec<String> {
    if max == 0 || width == 0 {
        return Vec::new();
    }
    let text = crate::text::visible_lines(text);
    let mut lines: Vec<String> = textwrap::wrap(&text, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.pop().unwrap_or_default();
        lines.push(cut(&format!("{last} …"), width));
        if let Some(l) = lines.last_mut()
            && !l.ends_with('…')
        {
            *l = cut(&format!("{l}…"), width);
        }
    }
    lines
}

/// `text` cut to `width` columns, ending in "…" when something is left out.
pub fn cut(text: &str, width: usize) -> String {
    super::text::ellipsize(text, width)
}

// ----- A round ------------------------------------------------------------------------------

/// Heights given to each part of the round screen.
#[derive(Debug, Default)]
struct Heights {
    header: u16,
    timer: u16,
    group: u16,
    instruction: u16,
    cards: u16,
    people: u16,
    notes: u16,
}

fn render_round(view: &RoundView, draw: Draw, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let inner = width.saturating_sub(2).max(1);
    let instruction = wrap_cut(&view.instruction, inner, usize::MAX);
    let people = people_lines(view, inner);
    let notes_wanted = notes_height(view);
    let group = view
        .group
        .as_ref()
        .map_or_else(Vec::new, |g| group_lines(g, inner));
    let big = big_size(&view.timer.digits, area.width);
    // The question of the card shown large, without a box: what must stay at any size.
    let cards_min = view.cards.get(view.focus).map_or(0, |card| {
        let page = if view.cards.len() > 1 { 16 } else { 0 };
        let text = format!("{}{}", " ".repeat(page), card.question);
        wrap_cut(&text, width.max(1), usize::MAX).len() as u16
    });

    // Greedy, in order of priority: each step takes what it needs from what is left.
    let mut left = area.height;
    let mut h = Heights {
        timer: take(&mut left, 1),
        ..Heights::default()
    };
    h.cards = take(&mut left, cards_min);
    h.header = take(&mut left, 1);
    h.group = take(&mut left, group.len() as u16);
    h.instruction = take(&mut left, instruction.len() as u16);
    // The boxes get what they need, leaving room for whose turn it is and a few notes;
    // when they do not all fit, one card at a time ("kaart 1 van 3").
    let reserve = people.len() as u16 + notes_wanted.min(4);
    let cards_want = cards_height(
        view,
        draw,
        area.width,
        left.saturating_sub(reserve) + h.cards,
    );
    h.cards += take(&mut left, cards_want.saturating_sub(h.cards));
    h.people = take(&mut left, people.len() as u16);
    if let Some((size, rows)) = big {
        let mid = if size == PixelSize::Full { 5 } else { rows };
        // Half-height digits first, full ones only when everything else fits too.
        if half_fits(&view.timer.digits, area.width) {
            h.timer += take(&mut left, mid.saturating_sub(h.timer));
        }
    }
    h.notes = take(&mut left, notes_wanted.min(4));
    if let Some((_, rows)) = big {
        h.timer += take(&mut left, rows.saturating_sub(h.timer));
    }
    h.notes += take(&mut left, notes_wanted.saturating_sub(h.notes));
    // A calm gap above the group work when there is room for it.
    let gap = take(&mut left, u16::from(h.group > 0));
    // What is left goes to the cards (more room for the question) and the gaps.
    let spare = left;

    let [
        header,
        timer_area,
        instruction_area,
        _gap,
        group_area,
        cards_area,
        people_area,
        notes_area,
    ] = Layout::vertical([
        Constraint::Length(h.header),
        Constraint::Length(h.timer),
        Constraint::Length(h.instruction),
        Constraint::Length(gap),
        Constraint::Length(h.group),
        Constraint::Length(h.cards + spare),
        Constraint::Length(h.people),
        Constraint::Length(h.notes),
    ])
    .areas(area);
    render_header(view, draw.header, header, buf);
    render_timer(&view.timer, timer_area, buf);
    let lines: Vec<Line> = instruction
        .into_iter()
        .take(usize::from(h.instruction))
        .map(Line::from)
        .collect();
    Paragraph::new(lines).render(pad(instruction_area), buf);
    render_group(group, group_area, buf);
    render_cards(view, draw, cards_area, buf);
    Paragraph::new(people).render(pad(people_area), buf);
    render_notes(view, notes_area, buf);
}

/// Takes up to `want` lines of what is `left`.
fn take(left: &mut u16, want: u16) -> u16 {
    let got = want.min(*left);
    *left -= got;
    got
}

fn pad(area: Rect) -> Rect {
    if area.width > 2 {
        Rect {
            x: area.x + 1,
            width: area.width - 2,
            ..area
        }
    } else {
        area
    }
}

/// The size of the big digits that fit the width, and the rows they take with their words.
fn big_size(digits: &str, width: u16) -> Option<(PixelSize, u16)> {
    [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
        .into_iter()
        .find(|&size| timer::digits_width(digits, size) <= width)
        .map(|size| (size, timer::digits_height(size) + 1))
}

fn half_fits(digits: &str, width: u16) -> bool {
    timer::digits_width(digits, PixelSize::HalfHeight) <= width
}

fn render_header(view: &RoundView, full: bool, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let right = if full {
        format!(" {} · {} ", view.position, view.clock)
    } else {
        String::new()
    };
    let right_width = (right.width() as u16).min(area.width / 2);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    let title = cut(
        &format!(" {}", view.round_title),
        usize::from(left_area.width),
    );
    Paragraph::new(Line::styled(title, theme::title())).render(left_area, buf);
    let right = cut(&right, usize::from(right_area.width));
    Paragraph::new(Line::styled(right, theme::accent()).alignment(Alignment::Right))
        .render(right_area, buf);
}

/// The big digits and the words; at zero an inverted full-width band nobody can miss.
fn render_timer(timer_line: &TimerLine, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let style = timer_style(timer_line);
    if timer_line.phase == Phase::TimeUp {
        let band = theme::timer_overtime().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        buf.set_style(area, band);
        let words = timer_line.words.clone();
        let big = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
            .into_iter()
            .find(|&size| {
                timer::digits_width(&words, size) <= area.width
                    && timer::digits_height(size) <= area.height
            });
        match big {
            Some(size) => {
                let h = timer::digits_height(size);
                let y = area.y + (area.height - h) / 2;
                BigText::builder()
                    .pixel_size(size)
                    .style(band)
                    .alignment(Alignment::Center)
                    .lines(vec![Line::from(words)])
                    .build()
                    .render(
                        Rect {
                            y,
                            height: h,
                            ..area
                        },
                        buf,
                    );
            }
            None => {
                let y = area.y + area.height / 2;
                band_line(
                    &words,
                    band,
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    buf,
                );
            }
        }
        return;
    }
    let face = timer::TimerFace {
        digits: timer_line.digits.clone(),
        style,
        words: cut(&timer_line.words, usize::from(area.width)),
    };
    if area.height == 1 {
        let text = cut(&timer_line.one_line(), usize::from(area.width));
        Paragraph::new(Line::styled(text, style).alignment(Alignment::Center)).render(area, buf);
    } else {
        timer::render(&face, area, buf);
    }
}

pub fn timer_style(timer_line: &TimerLine) -> Style {
    if timer_line.paused {
        return theme::timer_paused();
    }
    match timer_line.phase {
        Phase::Idle => theme::dim(),
        Phase::Running => theme::timer_running(),
        Phase::Warning => theme::timer_last_minute(),
        Phase::TimeUp | Phase::Overtime => theme::timer_overtime(),
    }
}

// ----- Cards --------------------------------------------------------------------------------

/// How the cards are laid out in the space they get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arrangement {
    SideBySide,
    Stacked,
    /// One card at a time ("kaart 1 van 3"), the focused one.
    Page,
}

/// Lines a card box needs at a width: borders, title, question (and tip).
fn card_box_height(card: &CardView, draw: Draw, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(4)).max(1);
    let question = wrap_cut(&card.question, inner, usize::MAX).len() as u16;
    let tip = match (&card.tip, draw.tips) {
        (Some(tip), true) => 1 + wrap_cut(&tip_text(tip), inner, usize::MAX).len() as u16,
        _ => 0,
    };
    2 + 1 + question.max(1) + tip
}

fn tip_text(tip: &str) -> String {
    tr!("Tip voor de begeleider: {tip}", "Facilitator's tip: {tip}")
}

fn arrangement(view: &RoundView, draw: Draw, width: u16, height: u16) -> (Arrangement, u16) {
    let n = view.cards.len() as u16;
    if n <= 1 {
        let h = view
            .cards
            .first()
            .map_or(0, |c| card_box_height(c, draw, width));
        return (Arrangement::Page, h);
    }
    let side_width = width / n;
    if side_width >= 28 {
        let h = view
            .cards
            .iter()
            .map(|c| card_box_height(c, draw, side_width))
            .max()
            .unwrap_or(0);
        if h <= height {
            return (Arrangement::SideBySide, h);
        }
    }
    let stacked: u16 = view
        .cards
        .iter()
        .map(|c| card_box_height(c, draw, width))
        .sum();
    if stacked <= height {
        return (Arrangement::Stacked, stacked);
    }
    let focus = &view.cards[view.focus.min(view.cards.len() - 1)];
    (Arrangement::Page, card_box_height(focus, draw, width))
}

/// The lines the cards would like, at most `max`.
fn cards_height(view: &RoundView, draw: Draw, width: u16, max: u16) -> u16 {
    if view.cards.is_empty() {
        return 0;
    }
    arrangement(view, draw, width, max).1.min(max)
}

fn render_cards(view: &RoundView, draw: Draw, area: Rect, buf: &mut Buffer) {
    if area.is_empty() || view.cards.is_empty() {
        return;
    }
    let n = view.cards.len();
    match arrangement(view, draw, area.width, area.height).0 {
        Arrangement::SideBySide => {
            let areas = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(area);
            for (card, a) in view.cards.iter().zip(areas.iter()) {
                render_card(card, None, draw, *a, buf);
            }
        }
        Arrangement::Stacked => {
            let heights: Vec<Constraint> = view
                .cards
                .iter()
                .map(|c| Constraint::Length(card_box_height(c, draw, area.width)))
                .collect();
            let areas = Layout::vertical(heights).split(area);
            for (card, a) in view.cards.iter().zip(areas.iter()) {
                render_card(card, None, draw, *a, buf);
            }
        }
        Arrangement::Page => {
            let focus = view.focus.min(n - 1);
            let page = (n > 1).then_some((focus + 1, n));
            render_card(&view.cards[focus], page, draw, area, buf);
        }
    }
}

/// One card: a box with deck and category when there is room, else the question alone.
fn render_card(
    card: &CardView,
    page: Option<(usize, usize)>,
    draw: Draw,
    area: Rect,
    buf: &mut Buffer,
) {
    let page_text = page.map(|(i, n)| tr!("kaart {i} van {n}", "card {i} of {n}"));
    // A box only when the whole question fits in it: the question goes before the frame.
    let box_rows = usize::from(area.height.saturating_sub(2));
    let box_width = usize::from(area.width.saturating_sub(4)).max(1);
    let fits_box = wrap_cut(&card.question, box_width, usize::MAX).len() <= box_rows;
    if area.height < 4 || area.width < 8 || !fits_box {
        // No room for a box: the question, cut, and which card of how many.
        let mut text = card.question.clone();
        if text.is_empty() {
            text.clone_from(&card.title);
        }
        if let Some(page) = &page_text {
            text = format!("({page}) {text}");
        }
        let lines: Vec<Line> = wrap_cut(&text, usize::from(area.width), usize::from(area.height))
            .into_iter()
            .map(|l| Line::styled(l, theme::title()))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let mut title = format!(" {} · {} ", card.deck, card.category);
    if let Some(usage) = &card.usage {
        title.push_str(&format!("· {usage} "));
    }
    if let Some(page) = &page_text {
        title = format!(" {page} ·{title}");
    }
    let title = cut(&title, usize::from(area.width.saturating_sub(2)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::card_border())
        .title(Line::styled(title, theme::accent()));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let width = usize::from(inner.width).max(1);
    let rows = usize::from(inner.height);
    // The question first: the title line only when the question fits beside it.
    let question = wrap_cut(&card.question, width, rows.max(1));
    let mut lines: Vec<Line> = Vec::new();
    if question.len() < rows {
        lines.push(Line::styled(
            cut(&card.title.to_uppercase(), width),
            theme::title(),
        ));
    }
    let question_rows = rows - lines.len();
    lines.extend(
        wrap_cut(&card.question, width, question_rows)
            .into_iter()
            .map(Line::from),
    );
    if let (Some(tip), true) = (&card.tip, draw.tips) {
        let room = rows.saturating_sub(lines.len() + 1);
        if room > 0 {
            lines.push(Line::default());
            lines.extend(
                wrap_cut(&tip_text(tip), width, room)
                    .into_iter()
                    .map(|l| Line::styled(l, theme::dim())),
            );
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

// ----- Group work -------------------------------------------------------------------------

/// The group work as the room reads it, each line cut to `width`: styles, teams, or a vote.
/// Lines a short screen cannot show are left off from the end, the last one shown says "…".
pub fn group_lines(group: &GroupView, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let head = |text: String| Line::styled(cut(&text, width), theme::title());
    match group {
        GroupView::Styles(styles) => {
            if styles.is_empty() {
                lines.push(Line::styled(
                    tr!("geen stijlenset geladen", "no style set loaded"),
                    theme::dim(),
                ));
            }
            for style in styles {
                lines.push(head(style.name.clone()));
                lines.push(Line::raw(cut(&format!("   {}", style.summary), width)));
            }
        }
        GroupView::Teams(teams) => {
            if teams.is_empty() {
                lines.push(Line::styled(
                    tr!("nog geen teams", "no teams yet"),
                    theme::dim(),
                ));
            }
            for team in teams {
                lines.push(head(format!("{}: {}", team.name, team.members.join(", "))));
                if !team.styles.is_empty() {
                    let names = team.styles.join(", ");
                    lines.push(Line::styled(
                        cut(&tr!("   stijlen: {names}", "   styles: {names}"), width),
                        theme::dim(),
                    ));
                }
                // What the team should look out for today: the styles no one in it has.
                if !team.missing.is_empty() {
                    let names = team.missing.join(", ");
                    lines.push(Line::styled(
                        cut(&tr!("   mist: {names}", "   missing: {names}"), width),
                        theme::dim(),
                    ));
                }
            }
        }
        GroupView::Vote(vote) => match &vote.ranking {
            None => {
                for (i, option) in vote.options.iter().enumerate() {
                    let letter = char::from(b'a' + (i % 26) as u8);
                    lines.push(Line::raw(cut(&format!("{letter}  {option}"), width)));
                }
                lines.push(Line::styled(cut(&vote.voted, width), theme::accent()));
            }
            Some(ranking) => {
                let bar_room = width.saturating_sub(16).min(40);
                for rank in ranking {
                    lines.push(head(format!("{}. {}", rank.place, rank.option)));
                    let length = (rank.points as usize * bar_room)
                        .div_ceil(rank.top.max(1) as usize)
                        .min(bar_room);
                    let bar = "█".repeat(length);
                    lines.push(Line::from(vec![
                        Span::styled(format!("   {bar} "), theme::accent()),
                        Span::raw(cut(&rank.words, width.saturating_sub(length + 4))),
                    ]));
                }
                lines.push(Line::styled(cut(&vote.voted, width), theme::dim()));
            }
        },
    }
    lines
}

fn render_group(mut lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let area = pad(area);
    if area.is_empty() {
        return;
    }
    let rows = usize::from(area.height);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(
                cut(&format!("{text}…"), usize::from(area.width)),
                theme::dim(),
            );
        }
    }
    Paragraph::new(lines).render(area, buf);
}

// ----- People and notes ---------------------------------------------------------------------

fn people_lines(view: &RoundView, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(turn) = &view.turn {
        let mut text = tr!("Beurt: {}", "Turn: {}", turn.now);
        if let Some(next) = &turn.next {
            text.push_str(&tr!("   daarna: {next}", "   next: {next}"));
        }
        lines.push(Line::styled(cut(&text, width), theme::title()));
    }
    if !view.roles.is_empty() {
        let label = tr!("Rollen: ", "Roles: ");
        let text = format!("{label}{}", view.roles.join(" · "));
        lines.extend(
            wrap_cut(&text, width, usize::MAX)
                .into_iter()
                .map(Line::from),
        );
    }
    lines
}

fn notes_height(view: &RoundView) -> u16 {
    if view.notes_hidden || (view.notes.is_empty() && view.collected == 0) {
        0
    } else {
        // Every line of a multi-line note counts.
        let lines: usize = view
            .notes
            .iter()
            .map(|n| n.text.lines().count().max(1))
            .sum::<usize>()
            + theme_heads(view).iter().filter(|h| h.is_some()).count();
        1 + lines.min(u16::MAX as usize - 1) as u16
    }
}

fn render_notes(view: &RoundView, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let rows = usize::from(area.height.saturating_sub(1));
    let width = usize::from(area.width);
    // The newest notes that fit, each with all its lines; grouped notes under their theme.
    // A newest note taller than the panel shows its first lines, the last ending in "…".
    let heads = theme_heads(view);
    let mut lines: Vec<Line> = Vec::new();
    let mut shown = 0;
    for (note, head) in view.notes.iter().zip(heads).rev() {
        let mut these = note_lines(note, width);
        if let Some(head) = head {
            these.insert(0, Line::styled(cut(&head, width), theme::title()));
        }
        if !lines.is_empty() && lines.len() + these.len() > rows {
            break;
        }
        if these.len() > rows {
            these.truncate(rows);
            if let Some(last) = these.last_mut() {
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                *last = Line::raw(cut(&format!("{} …", text.trim_end()), width));
            }
        }
        these.append(&mut lines);
        lines = these;
        shown += 1;
    }
    let count = view.notes.len();
    let mut title = tr!(" Notities · {count} ", " Notes · {count} ");
    if shown < count {
        let earlier = count - shown;
        title.push_str(&tr!(
            "· {earlier} eerdere niet in beeld ",
            "· {earlier} earlier out of view "
        ));
    }
    if view.collected > 0 {
        let n = view.collected;
        title.push_str(&tr!(
            "· nog {n} verzameld, volgt straks ",
            "· {n} more collected, shown later "
        ));
    }
    let block = Block::default().borders(Borders::TOP).title(Line::styled(
        cut(&title, usize::from(area.width)),
        theme::dim(),
    ));
    Paragraph::new(Text::from(lines))
        .block(block)
        .render(area, buf);
}

/// For each note, the heading that goes above it: a theme's name above its first note, and
/// "not grouped" above the first other note once there are themes.
fn theme_heads(view: &RoundView) -> Vec<Option<String>> {
    let any = view.notes.iter().any(|n| n.theme.is_some());
    let mut previous: Option<Option<&String>> = None;
    view.notes
        .iter()
        .map(|n| {
            let this = n.theme.as_ref();
            let head = (any && previous != Some(this)).then(|| match this {
                Some(name) => tr!("  Thema: {name}", "  Theme: {name}"),
                None => tr!("  Niet ingedeeld", "  Not grouped"),
            });
            previous = Some(this);
            head
        })
        .collect()
}

/// A note as the notes panel shows it: the first line with its marker, who and when, then
/// each further line indented under it; every line cut with "…".
pub fn note_lines(note: &NoteView, width: usize) -> Vec<Line<'static>> {
    let mut first = note_line(note, width);
    let mut text_lines = note.text.lines();
    text_lines.next();
    let more: Vec<Line<'static>> = text_lines
        .map(|l| Line::raw(cut(&format!("    {l}"), width)))
        .collect();
    if !more.is_empty() {
        // The whole note follows: the first line needs no "…" for the lines under it.
        let one = NoteView {
            text: note.text.lines().next().unwrap_or_default().to_string(),
            ..note.clone()
        };
        first = note_line(&one, width);
    }
    std::iter::once(first).chain(more).collect()
}

/// A note on one line, cut with "…": agreements marked, with who and when.
pub fn note_line(note: &NoteView, width: usize) -> Line<'static> {
    let first = note.text.lines().next().unwrap_or_default();
    let more = if note.text.lines().count() > 1 {
        " …"
    } else {
        ""
    };
    let (marker, style) = match note.kind {
        NoteKind::Note => ("  • ".to_string(), Style::new()),
        NoteKind::Agreement => (tr!("  AFSPRAAK ", "  AGREEMENT "), theme::agreement()),
    };
    let mut rest = format!("{first}{more}");
    if let Some(team) = &note.team {
        rest = format!("[{team}] {rest}");
    }
    if let Some(owner) = &note.owner {
        rest.push_str(&tr!(" — wie: {owner}", " — who: {owner}"));
    }
    if let Some(due) = &note.due {
        rest.push_str(&tr!(" — wanneer: {due}", " — when: {due}"));
    }
    let room = width.saturating_sub(marker.width());
    Line::from(vec![
        Span::styled(cut(&marker, width), style),
        Span::raw(cut(&rest, room)),
    ])
}

// ----- Waiting ------------------------------------------------------------------------------

fn render_waiting(view: &WaitingView, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(title) = &view.title {
        lines.push(Line::styled(cut(title, width), theme::title()));
        lines.push(Line::default());
    }
    lines.push(Line::styled(cut(&view.headline, width), theme::accent()));
    if let Some(next) = &view.next {
        lines.push(Line::default());
        lines.extend(
            wrap_cut(next, width, 2)
                .into_iter()
                .map(|l| Line::from(l).alignment(Alignment::Center)),
        );
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| l.alignment(Alignment::Center))
        .collect();
    let text_height = lines.len() as u16;
    let big =
        big_size(&view.clock, area.width).filter(|&(_, rows)| rows + text_height < area.height);
    let clock_height = big.map_or(1, |(_, rows)| rows - 1);
    let total = (text_height + 1 + clock_height).min(area.height);
    let top = area.y + (area.height - total) / 2;
    let text_area = Rect {
        y: top,
        height: text_height.min(area.height),
        ..area
    };
    Paragraph::new(lines).render(text_area, buf);
    let clock_y = top + text_height + 1;
    if clock_y >= area.bottom() {
        return;
    }
    let clock_area = Rect {
        y: clock_y,
        height: (area.bottom() - clock_y).min(clock_height),
        ..area
    };
    match big {
        Some((size, _)) => BigText::builder()
            .pixel_size(size)
            .style(theme::dim())
            .alignment(Alignment::Center)
            .lines(vec![Line::from(view.clock.clone())])
            .build()
            .render(clock_area, buf),
        None => Paragraph::new(Line::styled(view.clock.clone(), theme::dim()).centered())
            .render(clock_area, buf),
    }
}
