//! What happens in a session, as recorded in its journal. Every change a facilitator makes is
//! one of these; the live screen, replay and resume all rebuild the state from them.
//! The serialized form is the file format: keep changes backwards compatible.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::catalog::{Deck, Plan, StyleSet};

/// The format marker in the first record; a file without it is not a tafel session.
pub const FORMAT: &str = "tafel-sessie/1";

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// 0, 1, 2, … without gaps: a gap or repeat means the file was damaged.
    pub seq: u64,
    /// Wall-clock time, for people reading the file and for "tot 14:30".
    pub at: DateTime<FixedOffset>,
    /// Milliseconds since the session started, by the monotonic clock. The timer uses only
    /// this, so changing the computer's clock cannot disturb a running round.
    pub t: u64,
    #[serde(flatten)]
    pub event: Event,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Note,
    Agreement,
}

/// A card on the table or in a pile: a deck id and a card id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CardRef {
    pub deck: String,
    pub card: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    SessionStarted {
        format: String,
        title: String,
        /// A copy of the plan and decks as they were, so the session can be replayed and
        /// exported even after the decks on disk change.
        plan: Plan,
        decks: Vec<Deck>,
        /// The deck for rounds whose draw names no deck.
        session_deck: Option<String>,
        seed: u64,
        participants: Vec<String>,
    },
    /// The round's timer starts running. `planned_ms` is resolved when the round starts
    /// (a round "tot 14:30" becomes the time left until then).
    RoundStarted {
        round: usize,
        planned_ms: u64,
    },
    RoundEnded {
        round: usize,
    },
    TimerPaused,
    TimerResumed,
    /// A minute more (+60000) or less (-60000).
    TimerAdjusted {
        delta_ms: i64,
    },
    TimerRestarted,
    /// The round now runs until a clock time, decided on the spot.
    TimerSetUntil {
        until: NaiveTime,
        planned_ms: u64,
    },
    CardDrawn {
        card: CardRef,
    },
    /// The room screen shows this card of the table large, when they do not all fit.
    CardShown {
        card: CardRef,
    },
    /// Back into the pile at `position` (0 = drawn next), chosen by the seeded generator.
    CardPutBack {
        card: CardRef,
        position: usize,
    },
    /// Off the table without being discussed; set aside with the used cards.
    CardSkipped {
        card: CardRef,
    },
    /// Back on the table of a round that is visited again: a card that lay there when the
    /// round was left, taken from the set-aside cards (or the pile, after a reshuffle).
    CardRestored {
        card: CardRef,
    },
    /// An empty pile takes back the cards that were set aside, in this order.
    PileReshuffled {
        deck: String,
        order: Vec<String>,
    },
    TurnPassed {
        to: usize,
    },
    RolesAssigned {
        round: usize,
        roles: Vec<RoleAssignment>,
    },
    NoteAdded {
        id: u64,
        kind: NoteKind,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<String>,
        /// The date `due` was read as when the agreement was saved (see `session::due`);
        /// absent in journals written before dates were read, and when `due` is no date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_date: Option<NaiveDate>,
        round: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        card: Option<CardRef>,
    },
    /// A correction: the new text; the old one stays in the earlier record.
    NoteEdited {
        id: u64,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<String>,
        /// The date `due` was read as when the agreement was saved (see `session::due`);
        /// absent in journals written before dates were read, and when `due` is no date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_date: Option<NaiveDate>,
    },
    NoteDeleted {
        id: u64,
    },
    /// The room screen shows no notes at all (`hidden`), or shows them again.
    NotesHidden {
        hidden: bool,
    },
    /// A round's notes are collected silently (`silent`: the room sees them only when they
    /// are revealed), or shown to the room as each is saved (the default).
    NotesSilent {
        round: usize,
        silent: bool,
    },
    /// Every note of the round saved so far is shown to the room (silent writing, then
    /// reveal).
    NotesRevealed {
        round: usize,
    },
    /// `index` is where the new round goes (named so it cannot clash with the record's `at`).
    RoundInserted {
        index: usize,
        title: String,
        minutes: u32,
    },
    /// Skipped rounds stay in the agenda but next/previous pass over them.
    RoundSkipped {
        round: usize,
        skipped: bool,
    },
    RoundLengthChanged {
        round: usize,
        minutes: u32,
    },
    /// A later round now runs until a clock time ("tot 15:10"), resolved when it starts.
    RoundUntilSet {
        round: usize,
        until: NaiveTime,
    },
    SessionEnded,
    /// The session has a new title (`tafel rename`, or `n` in the look-back list); the old
    /// title stays in the earlier records. Also after the session ended: a past session is
    /// renamed by appending this to its journal.
    SessionRenamed {
        title: String,
    },
    /// The round's timer was still running at this moment. Written every few seconds while
    /// it runs untouched, so a session resumed after a crash loses at most those seconds.
    Checkpoint,
    /// A follow-up meeting: the agreements of an earlier session that were still open.
    /// The earlier file is never touched; everything is recorded here.
    FollowUpOpened {
        session: String,
        title: String,
        agreements: Vec<ReviewItem>,
    },
    /// What became of an agreement from the earlier session (or, carried along, from the
    /// session it was made in).
    AgreementReviewed {
        session: String,
        note: u64,
        outcome: ReviewOutcome,
    },

    // ---- Group work (issue 10): preference styles, teams, votes. Kept together so that
    // ---- other additions to this enum merge cleanly. State: `session::groupwork`.
    /// The preference styles a session or questionnaire uses, copied in like the decks so
    /// the journal can be replayed after the file on disk changes.
    StyleSetLoaded {
        set: StyleSet,
    },
    /// A questionnaire filled in: the answers (1–5) in statement order, and the styles they
    /// point to.
    QuestionnaireAnswered {
        participant: String,
        answers: Vec<u8>,
        styles: Vec<String>,
    },
    /// A participant's styles as recorded by the facilitator: the first fits best, a second
    /// is optional; none clears the pick.
    StylesPicked {
        participant: String,
        styles: Vec<String>,
    },
    /// The participants split into teams, in this order (a later split replaces it).
    TeamsFormed {
        round: usize,
        teams: Vec<Vec<String>>,
        mixed: bool,
    },
    /// One person moved by hand to team `team` (its index in the latest split); a team left
    /// empty is gone.
    TeamMemberMoved {
        participant: String,
        team: usize,
    },
    /// A vote round opens on these options (typed in the plan, or the notes so far).
    VoteOpened {
        round: usize,
        options: Vec<String>,
    },
    /// A participant's vote in a vote round: points per option, in the options' order.
    VoteCast {
        round: usize,
        participant: String,
        points: Vec<u32>,
    },
    VoteRevealed {
        round: usize,
    },
    /// The result is hidden again and votes can be changed.
    VoteReopened {
        round: usize,
    },
    /// Notes grouped into a new theme (a note is in at most one theme: these leave the one
    /// they were in). `theme` is a new id: one more than the highest so far.
    ThemeCreated {
        theme: u64,
        name: String,
        notes: Vec<u64>,
    },
    /// Notes put into an existing theme (leaving the one they were in).
    NotesThemed {
        theme: u64,
        notes: Vec<u64>,
    },
    ThemeRenamed {
        theme: u64,
        name: String,
    },
    /// The notes of theme `from` join theme `into`; `from` is gone.
    ThemesMerged {
        from: u64,
        into: u64,
    },
    /// Notes taken out of their theme; a theme left empty stays until merged away.
    NotesUnthemed {
        notes: Vec<u64>,
    },
    /// In a round with turns per team (`turns = "team"`): team `team` (its index in the
    /// latest split) has the turn.
    TeamTurnPassed {
        team: usize,
    },
    /// Note `id` belongs to team `team` (its index in the latest split), or to no team. Written
    /// with the note when it is saved while there are teams, and when it is changed.
    NoteTeamSet {
        id: u64,
        team: Option<usize>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// The session the agreement was made in, when it is not the one being followed up (an
    /// agreement kept open there, carried along the chain of follow-ups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    pub note: u64,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    Done,
    Open,
    Dropped,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub participant: String,
    pub role: String,
}

impl ReviewItem {
    /// The session the agreement was made in: its own, or else the one followed up.
    pub fn origin<'a>(&'a self, followed_up: &'a str) -> &'a str {
        self.session.as_deref().unwrap_or(followed_up)
    }
}
