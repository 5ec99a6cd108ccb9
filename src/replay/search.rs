//! Finding records by their words: a note's text (and who and when), a card's title and
//! prompt, a round's title. Case-insensitive, from the position onwards, wrapping round.

use crate::session::{CardRef, Event, Record, Session};

/// The searchable text of every record, lowercased once.
#[derive(Debug, Default)]
pub struct Index {
    texts: Vec<String>,
}

impl Index {
    /// `decks` is the session at its start: it holds the copies of the decks.
    pub fn new(records: &[Record], start: &Session) -> Index {
        let card = |c: &CardRef| {
            start
                .card(c)
                .map(|(_, card, _)| format!("{}\n{}", card.title, card.prompt))
                .unwrap_or_else(|| c.card.clone())
        };
        let texts = records
            .iter()
            .map(|record| {
                let text = match &record.event {
                    Event::NoteAdded {
                        text, owner, due, ..
                    }
                    | Event::NoteEdited {
                        text, owner, due, ..
                    } => [Some(text), owner.as_ref(), due.as_ref()]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Event::CardDrawn { card: c }
                    | Event::CardPutBack { card: c, .. }
                    | Event::CardSkipped { card: c } => card(c),
                    Event::RoundInserted { title, .. } => title.clone(),
                    Event::SessionStarted { title, .. } => title.clone(),
                    _ => String::new(),
                };
                // Accents and case do not matter, as in `tafel sessions --search`.
                crate::history::search::fold(&text)
            })
            .collect();
        Index { texts }
    }

    /// The first record after `from` whose text contains `query` (any case), wrapping
    /// round to the start; `from` itself comes last. `None` for an empty query.
    pub fn find_after(&self, query: &str, from: usize) -> Option<usize> {
        let query = crate::history::search::fold(query.trim());
        let n = self.texts.len();
        if query.is_empty() || n == 0 {
            return None;
        }
        (1..=n)
            .map(|step| (from + step) % n)
            .find(|&i| self.texts[i].contains(&query))
    }
}
