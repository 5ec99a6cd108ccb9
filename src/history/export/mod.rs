//! A session as a document, to send around after the workshop: Markdown, plain text, HTML or
//! OpenDocument. The session is first turned into one neutral [`Document`] (headings,
//! paragraphs, lists, tables of plain text); each format only renders that. Text typed in the
//! room is always plain text in the model, and every renderer keeps it inert.

mod groupwork;
pub mod html;
pub mod markdown;
pub mod odt;
pub mod text;

use crate::session::event::{CardRef, ReviewOutcome, RoleAssignment};
use crate::session::state::Note;
use crate::session::{Event, NoteKind, Record, Session};
use crate::text::duration_text;
use crate::tr;

/// A piece of a paragraph. The text is always literal: a renderer never reads markup in it.
/// A `'\n'` is a line break inside the paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) | Inline::Code(t) => t,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// A check box: `Some(true)` ticked. `None`: a plain list item.
    pub check: Option<bool>,
    pub content: Vec<Inline>,
    pub children: Vec<Item>,
}

impl Item {
    fn new(content: Vec<Inline>) -> Item {
        Item {
            check: None,
            content,
            children: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the document's title, 2 a section, 3 a part of a section.
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    List(Vec<Item>),
    /// A table of plain text; the first column is the main one (formats without tables show
    /// each row as a list item: the first cell, then "header: cell" for the others).
    Table(Table),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// One per row when the rows are to-dos (ticked when done); empty otherwise.
    pub checks: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The language of the fixed text, for formats that record it ("nl", "en").
    pub language: &'static str,
    pub blocks: Vec<Block>,
}

/// Who the document is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// Rounds, the cards that were discussed with the notes under them, roles, agreements.
    #[default]
    Participants,
    /// Also tips, skipped and put-back cards, planned against used time, agenda changes,
    /// corrections and deletions.
    Facilitator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFate {
    Discussed,
    PutBack,
    Skipped,
}

/// What happened in one round, by the round's index at the end of the session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundLog {
    /// Each card once, in the order it was first drawn in the round, with its final fate (a
    /// card put back and drawn again counts as discussed).
    pub cards: Vec<(CardRef, CardFate)>,
    /// The last roles handed out in the round.
    pub roles: Vec<RoleAssignment>,
}

/// A change to the agenda during the session, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaChange {
    pub at: String,
    pub what: String,
}

/// The cards and roles of every round, following rounds inserted along the way.
pub fn round_logs(records: &[Record], rounds: usize) -> Vec<RoundLog> {
    let mut logs: Vec<RoundLog> = Vec::new();
    let mut current: Option<usize> = None;
    for record in records {
        match &record.event {
            Event::SessionStarted { plan, .. } => {
                logs = vec![RoundLog::default(); plan.rounds.len()];
            }
            Event::RoundInserted { index, .. } => {
                let index = (*index).min(logs.len());
                logs.insert(index, RoundLog::default());
                if let Some(c) = current.as_mut()
                    && *c >= index
                {
                    *c += 1;
                }
            }
            Event::RoundStarted { round, .. } => current = Some(*round),
            Event::RoundEnded { .. } => current = None,
            Event::RolesAssigned { round, roles } => {
                if let Some(log) = logs.get_mut(*round) {
                    log.roles = roles.clone();
                }
            }
            Event::CardDrawn { card } => {
                if let Some(log) = current.and_then(|c| logs.get_mut(c)) {
                    match log.cards.iter_mut().find(|(c, _)| c == card) {
                        Some(entry) => entry.1 = CardFate::Discussed,
                        None => log.cards.push((card.clone(), CardFate::Discussed)),
                    }
                }
            }
            Event::CardPutBack { card, .. } | Event::CardSkipped { card } => {
                let fate = if matches!(record.event, Event::CardSkipped { .. }) {
                    CardFate::Skipped
                } else {
                    CardFate::PutBack
                };
                if let Some(entry) = current
                    .and_then(|c| logs.get_mut(c))
                    .and_then(|log| log.cards.iter_mut().find(|(c, _)| c == card))
                {
                    entry.1 = fate;
                }
            }
            _ => {}
        }
    }
    logs.resize(rounds, RoundLog::default());
    logs
}

/// Rounds added, skipped, brought back and made longer or shorter, in the order they happened.
pub fn agenda_changes(records: &[Record]) -> Vec<AgendaChange> {
    let mut titles: Vec<String> = Vec::new();
    let mut changes = Vec::new();
    for record in records {
        let at = record.at.format("%H:%M").to_string();
        let title = |titles: &[String], i: usize| titles.get(i).cloned().unwrap_or_default();
        let what = match &record.event {
            Event::SessionStarted { plan, .. } => {
                titles = plan.rounds.iter().map(|r| r.title.clone()).collect();
                None
            }
            Event::RoundInserted {
                index,
                title: new,
                minutes,
            } => {
                titles.insert((*index).min(titles.len()), new.clone());
                Some(tr!(
                    "ronde toegevoegd: {new} ({minutes} min)",
                    "round added: {new} ({minutes} min)"
                ))
            }
            Event::RoundSkipped { round, skipped } => {
                let name = title(&titles, *round);
                Some(if *skipped {
                    tr!("ronde overgeslagen: {name}", "round skipped: {name}")
                } else {
                    tr!("ronde teruggezet: {name}", "round brought back: {name}")
                })
            }
            Event::RoundLengthChanged { round, minutes } => {
                let name = title(&titles, *round);
                Some(tr!(
                    "nieuwe lengte voor {name}: {minutes} min",
                    "new length for {name}: {minutes} min"
                ))
            }
            _ => None,
        };
        if let Some(what) = what {
            changes.push(AgendaChange { at, what });
        }
    }
    changes
}

/// "vrijdag (vr 27-11-2026)": the words as typed, and the date they were read as.
pub fn when_text(typed: Option<&str>, date: Option<chrono::NaiveDate>) -> String {
    crate::session::due::with_words(typed.unwrap_or_default(), date)
}

/// The document for a session. `records` are the journal's records, `id` the session's id.
pub fn document(session: &Session, records: &[Record], id: &str, audience: Audience) -> Document {
    let facilitator = audience == Audience::Facilitator;
    let mut blocks = Vec::new();
    blocks.push(Block::Heading(1, session.title.clone()));
    blocks.push(Block::List(facts(session, id, facilitator)));

    if let Some(follow_up) = &session.follow_up {
        blocks.push(Block::Heading(
            2,
            tr!("Vervolg op {}", "Follow-up of {}", follow_up.title.as_str()),
        ));
        if follow_up.items.is_empty() {
            blocks.push(Block::Paragraph(vec![Inline::Emphasis(tr!(
                "Er stonden geen afspraken open.",
                "No agreements were open."
            ))]));
        } else {
            let mut table = Table {
                header: vec![
                    tr!("Afspraak", "Agreement"),
                    tr!("Wie", "Who"),
                    tr!("Wanneer", "When"),
                    tr!("Uitkomst", "Outcome"),
                ],
                ..Table::default()
            };
            for (item, outcome) in &follow_up.items {
                table.rows.push(vec![
                    item.text.clone(),
                    item.owner.clone().unwrap_or_default(),
                    when_text(item.due.as_deref(), item.due_date),
                    outcome.map_or_else(
                        || tr!("niet besproken", "not discussed"),
                        crate::session::state::outcome_label,
                    ),
                ]);
                table.checks.push(*outcome == Some(ReviewOutcome::Done));
            }
            blocks.push(Block::Table(table));
        }
    }

    let logs = round_logs(records, session.rounds.len());
    let several_decks = session.decks.len() > 1;
    for (i, round) in session.rounds.iter().enumerate() {
        let unvisited = if round.skipped && !round.visited {
            Some(tr!("Overgeslagen.", "Skipped."))
        } else if !round.visited {
            Some(tr!("Niet aan toegekomen.", "Not reached."))
        } else {
            None
        };
        if unvisited.is_some() && !facilitator {
            continue;
        }
        blocks.push(Block::Heading(
            2,
            tr!(
                "Ronde {} · {}",
                "Round {} · {}",
                i + 1,
                round.round.title.as_str()
            ),
        ));
        if let Some(why) = unvisited {
            blocks.push(Block::Paragraph(vec![Inline::Emphasis(why)]));
            continue;
        }
        if facilitator {
            let planned = round.planned_ms().map_or_else(
                || tr!("tot een kloktijd", "until a clock time"),
                duration_text,
            );
            let mut line = tr!(
                "Gepland {planned} · gebruikt {}",
                "Planned {planned} · used {}",
                duration_text(round.spent_ms)
            );
            if round.inserted {
                line.push_str(&tr!(
                    " · tijdens de sessie toegevoegd",
                    " · added during the session"
                ));
            }
            blocks.push(Block::Paragraph(vec![Inline::Emphasis(line)]));
        }
        let log = &logs[i];
        if !log.roles.is_empty() {
            let roles: Vec<String> = log
                .roles
                .iter()
                .map(|r| format!("{}: {}", r.participant, r.role))
                .collect();
            blocks.push(Block::Paragraph(vec![
                Inline::Strong(tr!("Rollen:", "Roles:")),
                Inline::Text(format!(" {}", roles.join(", "))),
            ]));
        }
        // Notes written for a team go under their team, after the round's other notes.
        let notes: Vec<&Note> = session
            .notes_of_round(i)
            .filter(|n| n.kind == NoteKind::Note && n.team.is_none())
            .collect();
        let mut under_a_card = vec![false; notes.len()];
        let mut cards = Vec::new();
        for (card_ref, fate) in &log.cards {
            let Some((deck, card, category)) = session.card(card_ref) else {
                continue;
            };
            let card_notes: Vec<usize> = notes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.card.as_ref() == Some(card_ref))
                .map(|(at, _)| at)
                .collect();
            // Participants see what was talked about: the cards discussed, and any card that
            // has notes (a card skipped after a conversation was still talked about).
            if !facilitator && *fate != CardFate::Discussed && card_notes.is_empty() {
                continue;
            }
            let category = category.map_or(card.category.as_str(), |c| c.title.as_str());
            let source = if several_decks {
                format!("{} · {category}", deck.title)
            } else {
                category.to_string()
            };
            let mut content = vec![
                Inline::Strong(card.title.clone()),
                Inline::Text(format!(" ({source})")),
            ];
            if facilitator {
                match fate {
                    CardFate::Discussed => {}
                    CardFate::PutBack => {
                        content.push(Inline::Text(" ".into()));
                        content.push(Inline::Emphasis(tr!("(teruggelegd)", "(put back)")));
                    }
                    CardFate::Skipped => {
                        content.push(Inline::Text(" ".into()));
                        content.push(Inline::Emphasis(tr!("(overgeslagen)", "(skipped)")));
                    }
                }
            }
            content.push(Inline::Text(format!(": {}", card.prompt)));
            let mut item = Item::new(content);
            if facilitator && let Some(hint) = &card.hint {
                item.children.push(Item::new(vec![
                    Inline::Emphasis(tr!("Tip:", "Tip:")),
                    Inline::Text(format!(" {hint}")),
                ]));
            }
            for at in card_notes {
                under_a_card[at] = true;
                item.children.push(note_item(notes[at], facilitator));
            }
            cards.push(item);
        }
        if !cards.is_empty() {
            blocks.push(Block::Heading(3, tr!("Kaarten", "Cards")));
            blocks.push(Block::List(cards));
        }
        let loose: Vec<Item> = notes
            .iter()
            .zip(&under_a_card)
            .filter(|(_, under)| !**under)
            .map(|(note, _)| note_item(note, facilitator))
            .collect();
        if !loose.is_empty() {
            blocks.push(Block::Heading(3, tr!("Notities", "Notes")));
            blocks.push(Block::List(loose));
        }
        blocks.extend(groupwork::team_notes_blocks(session, i, facilitator));
        let deleted = session
            .notes
            .iter()
            .filter(|n| n.round == i && n.deleted)
            .count();
        if facilitator && deleted > 0 {
            blocks.push(Block::Paragraph(vec![Inline::Emphasis(tr!(
                "{deleted} notitie(s) verwijderd.",
                "{deleted} note(s) deleted."
            ))]));
        }
        blocks.extend(groupwork::vote_blocks(session, i, facilitator));
    }
    blocks.extend(groupwork::teams_blocks(session));
    blocks.extend(groupwork::themes_blocks(session));

    blocks.push(Block::Heading(2, tr!("Afspraken", "Agreements")));
    let agreements: Vec<&Note> = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .collect();
    if agreements.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(tr!(
            "Geen afspraken.",
            "No agreements."
        ))]));
    } else {
        let mut table = Table {
            header: vec![
                tr!("Afspraak", "Agreement"),
                tr!("Wie", "Who"),
                tr!("Wanneer", "When"),
                tr!("Ronde", "Round"),
            ],
            ..Table::default()
        };
        for note in agreements {
            table.rows.push(vec![
                note.text.clone(),
                note.owner.clone().unwrap_or_default(),
                when_text(
                    note.due.as_deref(),
                    crate::session::due::stored_or_read(
                        note.due_date,
                        note.due.as_deref(),
                        session.started_at.date_naive(),
                    ),
                ),
                session
                    .rounds
                    .get(note.round)
                    .map(|r| {
                        let round = format!("{}. {}", note.round + 1, r.round.title);
                        // An agreement made for a team says which.
                        match &note.team {
                            Some(team) => format!("{round} · {}", team.label()),
                            None => round,
                        }
                    })
                    .unwrap_or_default(),
            ]);
            table.checks.push(false);
        }
        blocks.push(Block::Table(table));
    }

    if facilitator {
        let changes = agenda_changes(records);
        if !changes.is_empty() {
            blocks.push(Block::Heading(
                2,
                tr!("Agendawijzigingen", "Agenda changes"),
            ));
            blocks.push(Block::List(
                changes
                    .into_iter()
                    .map(|c| Item::new(vec![Inline::Text(format!("{} {}", c.at, c.what))]))
                    .collect(),
            ));
        }
    }
    Document {
        title: session.title.clone(),
        language: match crate::i18n::lang() {
            crate::i18n::Lang::Nl => "nl",
            crate::i18n::Lang::En => "en",
        },
        blocks,
    }
}

fn fact(label: String, value: Vec<Inline>) -> Item {
    let mut content = vec![Inline::Strong(label), Inline::Text(" ".into())];
    content.extend(value);
    Item::new(content)
}

fn facts(session: &Session, id: &str, facilitator: bool) -> Vec<Item> {
    let mut facts = vec![
        fact(
            tr!("Datum:", "Date:"),
            vec![Inline::Text(format!(
                "{}–{}",
                session.started_at.format("%d-%m-%Y %H:%M"),
                session.last_at.format("%H:%M")
            ))],
        ),
        fact(
            tr!("Werkvorm:", "Plan:"),
            vec![Inline::Text(session.plan.title.clone())],
        ),
    ];
    if !session.participants.is_empty() {
        facts.push(fact(
            tr!("Deelnemers:", "Participants:"),
            vec![Inline::Text(session.participants.join(", "))],
        ));
    }
    if facilitator {
        let status = if session.ended {
            tr!("afgerond", "finished")
        } else {
            tr!("niet afgerond", "not finished")
        };
        facts.push(fact(tr!("Status:", "Status:"), vec![Inline::Text(status)]));
        facts.push(fact(
            tr!("Tijd:", "Time:"),
            vec![Inline::Text(tr!(
                "gepland {} · gebruikt {}",
                "planned {} · used {}",
                duration_text(session.planned_total_ms()),
                duration_text(session.spent_total_ms(session.last_t))
            ))],
        ));
    }
    facts.push(fact(
        tr!("Sessie:", "Session:"),
        vec![Inline::Code(id.to_string())],
    ));
    facts
}

fn note_item(note: &Note, facilitator: bool) -> Item {
    let mut content = vec![Inline::Text(note.text.clone())];
    if facilitator && !note.history.is_empty() {
        content.push(Inline::Text(" ".into()));
        content.push(Inline::Emphasis(tr!("(gecorrigeerd)", "(corrected)")));
    }
    Item::new(content)
}

/// The session as Markdown for participants (the default export).
pub fn markdown(session: &Session, records: &[Record], id: &str) -> String {
    markdown::render(&document(session, records, id, Audience::Participants))
}
