//! A session as Markdown, to mail to participants or paste into the intranet. Text typed in
//! the room is escaped so it can never break the document's structure.

use std::fmt::Write;

use crate::session::event::CardRef;
use crate::session::timer::clock_text;
use crate::session::{Event, NoteKind, Record, Session};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFate {
    Discussed,
    PutBack,
    Skipped,
}

/// Which cards were drawn in each round (by the round's index at the end of the session),
/// and what became of them.
pub fn cards_per_round(records: &[Record], rounds: usize) -> Vec<Vec<(CardRef, CardFate)>> {
    let mut per_round: Vec<Vec<(CardRef, CardFate)>> = Vec::new();
    let mut current: Option<usize> = None;
    for record in records {
        match &record.event {
            Event::SessionStarted { plan, .. } => per_round = vec![Vec::new(); plan.rounds.len()],
            Event::RoundInserted { index, .. } => {
                let index = (*index).min(per_round.len());
                per_round.insert(index, Vec::new());
                if let Some(c) = current.as_mut()
                    && *c >= index
                {
                    *c += 1;
                }
            }
            Event::RoundStarted { round, .. } => current = Some(*round),
            Event::CardDrawn { card } => {
                if let Some(list) = current.and_then(|c| per_round.get_mut(c)) {
                    list.push((card.clone(), CardFate::Discussed));
                }
            }
            Event::CardPutBack { card, .. } | Event::CardSkipped { card } => {
                let fate = if matches!(record.event, Event::CardSkipped { .. }) {
                    CardFate::Skipped
                } else {
                    CardFate::PutBack
                };
                if let Some(list) = current.and_then(|c| per_round.get_mut(c))
                    && let Some(entry) = list
                        .iter_mut()
                        .rev()
                        .find(|(c, f)| c == card && *f == CardFate::Discussed)
                {
                    entry.1 = fate;
                }
            }
            _ => {}
        }
    }
    per_round.resize(rounds, Vec::new());
    per_round
}

/// Escapes text for use inside a Markdown paragraph or list item.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a heading underline would change the structure:
    // escape the character that makes it one ("\\-", "1\\.").
    let at = out.len() - out.trim_start().len();
    let rest = &out[at..];
    if rest.starts_with(['-', '+', '=']) {
        out.insert(at, '\\');
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            out.insert(at + digits, '\\');
        }
    }
    out
}

/// A multi-line note as the body of a list item: every line escaped, continuation lines
/// indented so they stay inside the item.
fn list_item_body(text: &str) -> String {
    text.lines()
        .map(|line| escape_inline(line.trim_end()))
        .collect::<Vec<_>>()
        .join("\n  ")
}

pub fn markdown(session: &Session, records: &[Record], id: &str) -> String {
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(w, "# {}\n", escape_inline(&session.title));
    let start = session.started_at;
    let _ = writeln!(
        w,
        "- **{}** {}–{}",
        tr!("Datum:", "Date:"),
        start.format("%d-%m-%Y %H:%M"),
        session.last_at.format("%H:%M")
    );
    let _ = writeln!(
        w,
        "- **{}** {} (`{}`)",
        tr!("Werkvorm:", "Plan:"),
        escape_inline(&session.plan.title),
        session.plan.id
    );
    if !session.participants.is_empty() {
        let names: Vec<String> = session
            .participants
            .iter()
            .map(|p| escape_inline(p))
            .collect();
        let _ = writeln!(
            w,
            "- **{}** {}",
            tr!("Deelnemers:", "Participants:"),
            names.join(", ")
        );
    }
    let status = if session.ended {
        tr!("afgerond", "finished")
    } else {
        tr!("onderbroken", "interrupted")
    };
    let _ = writeln!(w, "- **{}** {status}", tr!("Status:", "Status:"));
    let _ = writeln!(w, "- **{}** `{id}`", tr!("Sessie:", "Session:"));

    if let Some(follow_up) = &session.follow_up {
        let _ = writeln!(
            w,
            "\n## {} {}\n",
            tr!("Vervolg op", "Follow-up of"),
            escape_inline(&follow_up.title)
        );
        if follow_up.items.is_empty() {
            let _ = writeln!(
                w,
                "_{}_",
                tr!(
                    "Er stonden geen afspraken open.",
                    "No agreements were open."
                )
            );
        }
        for (item, outcome) in &follow_up.items {
            let mark = if *outcome == Some(crate::session::event::ReviewOutcome::Done) {
                "x"
            } else {
                " "
            };
            let state = outcome.map_or_else(
                || tr!("niet besproken", "not discussed"),
                crate::session::state::outcome_label,
            );
            let mut line = format!("- [{mark}] {} — _{state}_", list_item_body(&item.text));
            if let Some(owner) = &item.owner {
                line.push_str(&tr!(" — wie: {}", " — who: {}", escape_inline(owner)));
            }
            let _ = writeln!(w, "{line}");
        }
    }

    let cards = cards_per_round(records, session.rounds.len());
    for (i, round) in session.rounds.iter().enumerate() {
        let _ = writeln!(
            w,
            "\n## {} {} · {}\n",
            tr!("Ronde", "Round"),
            i + 1,
            escape_inline(&round.round.title)
        );
        let planned = round.planned_ms().map_or_else(
            || tr!("tot een kloktijd", "until a clock time"),
            |ms| clock_text(ms, false),
        );
        if round.skipped && !round.visited {
            let _ = writeln!(w, "_{}_", tr!("Overgeslagen.", "Skipped."));
            continue;
        }
        if !round.visited {
            let _ = writeln!(w, "_{}_", tr!("Niet aan toegekomen.", "Not reached."));
            continue;
        }
        let _ = writeln!(
            w,
            "{}",
            tr!(
                "Gepland {planned} · gebruikt {}",
                "Planned {planned} · used {}",
                clock_text(round.spent_ms, false)
            )
        );
        if !cards[i].is_empty() {
            let _ = writeln!(w, "\n{}\n", tr!("Kaarten:", "Cards:"));
            for (card, fate) in &cards[i] {
                let Some((deck, card, category)) = session.card(card) else {
                    continue;
                };
                let category = category.map_or(card.category.as_str(), |c| c.title.as_str());
                let fate = match fate {
                    CardFate::Discussed => String::new(),
                    CardFate::PutBack => tr!(" _(teruggelegd)_", " _(put back)_"),
                    CardFate::Skipped => tr!(" _(overgeslagen)_", " _(skipped)_"),
                };
                let _ = writeln!(
                    w,
                    "- **{}** ({} · {}){fate}: {}",
                    escape_inline(&card.title),
                    escape_inline(&deck.title),
                    escape_inline(category),
                    escape_inline(&card.prompt)
                );
            }
        }
        let notes: Vec<_> = session
            .notes_of_round(i)
            .filter(|n| n.kind == NoteKind::Note)
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(w, "\n{}\n", tr!("Notities:", "Notes:"));
            for note in notes {
                let corrected = if note.history.is_empty() {
                    String::new()
                } else {
                    tr!(" _(gecorrigeerd)_", " _(corrected)_")
                };
                let _ = writeln!(w, "- {}{corrected}", list_item_body(&note.text));
            }
        }
        let deleted = session
            .notes
            .iter()
            .filter(|n| n.round == i && n.deleted)
            .count();
        if deleted > 0 {
            let _ = writeln!(
                w,
                "\n_{}_",
                tr!(
                    "{deleted} notitie(s) verwijderd.",
                    "{deleted} note(s) deleted."
                )
            );
        }
    }

    let agreements: Vec<_> = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .collect();
    let _ = writeln!(w, "\n## {}\n", tr!("Afspraken", "Agreements"));
    if agreements.is_empty() {
        let _ = writeln!(w, "_{}_", tr!("Geen afspraken.", "No agreements."));
    }
    for note in agreements {
        let mut line = format!("- [ ] {}", list_item_body(&note.text));
        if let Some(owner) = &note.owner {
            line.push_str(&tr!(" — wie: {}", " — who: {}", escape_inline(owner)));
        }
        if let Some(due) = &note.due {
            line.push_str(&tr!(" — wanneer: {}", " — when: {}", escape_inline(due)));
        }
        if let Some(round) = session.rounds.get(note.round) {
            line.push_str(&tr!(
                " _(ronde {}: {})_",
                " _(round {}: {})_",
                note.round + 1,
                escape_inline(&round.round.title)
            ));
        }
        let _ = writeln!(w, "{line}");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_structure() {
        assert_eq!(escape_inline("# kop"), "\\# kop");
        assert_eq!(escape_inline("- lijst"), "\\- lijst");
        assert_eq!(escape_inline("1. eerste"), "1\\. eerste");
        assert_eq!(escape_inline("12) twaalf"), "12\\) twaalf");
        assert_eq!(
            escape_inline("a *b* [c](d) <e>"),
            "a \\*b\\* \\[c\\](d) \\<e\\>"
        );
        assert_eq!(escape_inline("één – twee"), "één – twee");
        assert_eq!(
            list_item_body("regel 1\n# regel 2"),
            "regel 1\n  \\# regel 2"
        );
    }
}
