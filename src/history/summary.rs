//! One line's worth of a past session, for `tafel sessions`: computed from the journal by the
//! same state machine as everything else.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::session::event::ReviewOutcome;
use crate::session::state::StateError;
use crate::session::{NoteKind, Session};
use crate::storage::journal::LoadError;
use crate::tr;

/// Why a journal has no summary: it is listed as unreadable, with this said about it.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    /// Not readable, not a session, or damaged.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Read, but the records do not fold to a session.
    #[error("{}: {source}", path.display())]
    NotASession {
        path: PathBuf,
        #[source]
        source: StateError,
    },
    /// Reading it hit a bug in tafel (a panic), caught so that one file does not end a
    /// listing.
    #[error("{}", tr!(
        "fout bij het lezen van dit bestand",
        "error while reading this file"
    ))]
    Crashed,
    /// What the index stored when it read the journal: these words, in the language of the
    /// run that read it (the index keeps text, not the error).
    #[error("{0}")]
    Stored(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub started: DateTime<FixedOffset>,
    pub title: String,
    pub plan_id: String,
    pub plan_title: String,
    pub participants: Vec<String>,
    /// Time spent in rounds, pauses excluded.
    pub spent_ms: u64,
    pub notes: usize,
    pub agreements: usize,
    /// Ended with "q" and "j"; otherwise interrupted (and resumable).
    pub ended: bool,
    /// The last line was incomplete (the process was killed while writing it).
    pub torn: bool,
    pub open_agreements: Vec<OpenAgreement>,
    /// Agreements of earlier sessions reviewed in this one (a follow-up meeting).
    #[serde(default)]
    pub reviews: Vec<Review>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub session: String,
    pub note: u64,
    pub outcome: ReviewOutcome,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAgreement {
    pub note: u64,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// The date `due` stands for (stored when saved, or read from older journals).
    #[serde(default)]
    pub due_date: Option<chrono::NaiveDate>,
    pub round: String,
}

/// The summary of a journal and the text that `--search` looks in.
pub fn summarize(path: &Path) -> Result<(Summary, String), SummaryError> {
    let (loaded, session) = crate::storage::load_folded(path)?;
    let session = session.map_err(|source| SummaryError::NotASession {
        path: path.to_path_buf(),
        source,
    })?;
    let mut summary = from_session(&session, &super::resolve::id_of(path));
    summary.torn = loaded.torn_tail.is_some();
    Ok((summary, search_text(&session, &loaded.records)))
}

/// Titles, participants, the cards drawn and the notes and agreements as they stand (not
/// deleted ones nor earlier versions, which the results would otherwise show in context):
/// what `--search` finds a session by. Kept as typed (accents, capitals): the index folds it.
pub fn search_text(session: &Session, records: &[crate::session::Record]) -> String {
    let mut search = vec![
        session.title.clone(),
        session.plan.title.clone(),
        session.plan.id.clone(),
    ];
    search.extend(session.participants.iter().cloned());
    for record in records {
        if let crate::session::Event::CardDrawn { card } = &record.event
            && let Some((_, card, _)) = session.card(card)
        {
            search.push(card.title.clone());
            search.push(card.prompt.clone());
        }
    }
    for note in session.live_notes() {
        search.push(note.text.clone());
        search.extend(note.owner.iter().cloned());
    }
    // One line per piece, so a snippet never runs from one note into the next unmarked.
    search
        .iter()
        .map(|piece| piece.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn from_session(session: &Session, id: &str) -> Summary {
    let notes = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Note)
        .count();
    let agreements: Vec<OpenAgreement> = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .map(|n| OpenAgreement {
            note: n.id,
            text: n.text.clone(),
            owner: n.owner.clone(),
            due: n.due.clone(),
            due_date: crate::session::due::stored_or_read(
                n.due_date,
                n.due.as_deref(),
                session.started_at.date_naive(),
            ),
            round: session
                .rounds
                .get(n.round)
                .map(|r| r.round.title.clone())
                .unwrap_or_default(),
        })
        .collect();
    Summary {
        id: id.to_string(),
        started: session.started_at,
        title: session.title.clone(),
        plan_id: session.plan.id.clone(),
        plan_title: session.plan.title.clone(),
        participants: session.participants.clone(),
        spent_ms: session.spent_total_ms(session.last_t),
        notes,
        agreements: agreements.len(),
        ended: session.ended,
        torn: false,
        open_agreements: agreements,
        reviews: session
            .follow_up
            .iter()
            .flat_map(|f| {
                f.items.iter().filter_map(|(item, outcome)| {
                    outcome.map(|outcome| Review {
                        session: item.origin(&f.session).to_string(),
                        note: item.note,
                        outcome,
                    })
                })
            })
            .collect(),
    }
}
