//! The group work of a session in the document (issue 10): the result of each vote round,
//! the teams, and the notes grouped into themes. Only plain text goes into the model; the
//! renderers keep it inert like everything else typed in the room.

use super::{Block, Inline, Item, Table};
use crate::session::groupwork::{NoteTeam, Vote};
use crate::session::{NoteKind, Session};
use crate::tr;

/// The vote of round `round`, if it is one: how many voted and the ranking. A result never
/// shown in the room stays out of the participants' version; ballots are never exported.
pub fn vote_blocks(session: &Session, round: usize, facilitator: bool) -> Vec<Block> {
    let Some(vote) = session.group.votes.get(&round) else {
        return Vec::new();
    };
    let points = session.vote_spec(round).is_some_and(|spec| spec.points);
    let mut blocks = vec![Block::Heading(3, tr!("Stemming", "Vote"))];
    let voted = vote.ballots.len();
    let total = session.participants.len().max(voted);
    let mut line = tr!(
        "{voted} van {total} deelnemers hebben gestemd.",
        "{voted} of {total} participants voted."
    );
    if !vote.revealed {
        line.push_str(&if facilitator {
            tr!(
                " De uitslag is niet in de zaal getoond.",
                " The result was not shown in the room."
            )
        } else {
            tr!(" De uitslag is niet getoond.", " The result was not shown.")
        });
    }
    blocks.push(Block::Paragraph(vec![Inline::Emphasis(line)]));
    if vote.revealed || facilitator {
        blocks.push(Block::Table(ranking_table(vote, points)));
    }
    blocks
}

/// Options ranked by total, with their place (equal totals share one).
fn ranking_table(vote: &Vote, points: bool) -> Table {
    let mut table = Table {
        header: vec![
            tr!("Optie", "Option"),
            if points {
                tr!("Punten", "Points")
            } else {
                tr!("Stippen", "Dots")
            },
            tr!("Plaats", "Place"),
        ],
        ..Table::default()
    };
    for ranked in vote.ranking() {
        table.rows.push(vec![
            vote.options.get(ranked.option).cloned().unwrap_or_default(),
            ranked.total.to_string(),
            ranked.place.to_string(),
        ]);
    }
    table
}

/// The notes of round `round` written for a team, under a heading per team ("Team 2: Anna,
/// Bram"), in the teams' order; each with the card it was written at, if any.
pub fn team_notes_blocks(session: &Session, round: usize, facilitator: bool) -> Vec<Block> {
    let mut teams: Vec<&NoteTeam> = session
        .notes_of_round(round)
        .filter(|n| n.kind == NoteKind::Note)
        .filter_map(|n| n.team.as_ref())
        .collect();
    teams.sort_by_key(|t| t.index);
    teams.dedup();
    let mut blocks = Vec::new();
    for team in teams {
        let items: Vec<Item> = session
            .notes_of_round(round)
            .filter(|n| n.kind == NoteKind::Note && n.team.as_ref() == Some(team))
            .map(|n| {
                let mut item = super::note_item(n, facilitator);
                if let Some(title) = n.card.as_ref().and_then(|c| session.card(c)) {
                    item.content.push(Inline::Emphasis(tr!(
                        " (bij {})",
                        " (at {})",
                        title.1.title
                    )));
                }
                item
            })
            .collect();
        blocks.push(Block::Heading(
            3,
            format!("{}: {}", team.label(), team.members.join(", ")),
        ));
        blocks.push(Block::List(items));
    }
    blocks
}

/// The last split into teams, each person with their styles.
pub fn teams_blocks(session: &Session) -> Vec<Block> {
    let group = &session.group;
    if group.teams.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading(2, tr!("Teams", "Teams"))];
    if group.teams_mixed {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(tr!(
            "Gemengd op voorkeurstijl.",
            "Mixed by preference style."
        ))]));
    }
    let items = group
        .teams
        .iter()
        .enumerate()
        .map(|(i, team)| {
            let members: Vec<String> = team
                .iter()
                .map(|p| {
                    let styles = group.style_names(p);
                    if styles.is_empty() {
                        p.clone()
                    } else {
                        format!("{p} ({})", styles.join(" + "))
                    }
                })
                .collect();
            Item {
                check: None,
                content: vec![
                    Inline::Strong(tr!("Team {}:", "Team {}:", i + 1)),
                    Inline::Text(format!(" {}", members.join(", "))),
                ],
                children: Vec::new(),
            }
        })
        .collect();
    blocks.push(Block::List(items));
    blocks
}

/// The themes notes were grouped into, each with its notes; themes left empty are left out.
pub fn themes_blocks(session: &Session) -> Vec<Block> {
    let items: Vec<Item> = session
        .themes()
        .iter()
        .filter_map(|theme| {
            let children: Vec<Item> = session
                .theme_notes(theme)
                .map(|n| Item {
                    check: None,
                    content: vec![Inline::Text(n.text.clone())],
                    children: Vec::new(),
                })
                .collect();
            (!children.is_empty()).then(|| Item {
                check: None,
                content: vec![Inline::Strong(theme.name.clone())],
                children,
            })
        })
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(2, tr!("Thema's", "Themes")),
        Block::List(items),
    ]
}
