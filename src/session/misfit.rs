//! Why a record does not fit the session it is applied to. Made where the fold finds it
//! (`state.rs`, `groupwork.rs`, `themes.rs`); worded once, here, in both languages.

use crate::tr;

use super::state::MAX_TITLE_CHARS;
use super::themes::MAX_THEME_CHARS;

/// A record that cannot follow the ones before it: the file is damaged or was not written
/// by tafel. Team numbers are indexes (0-based) and are shown counting from 1.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Misfit {
    #[error("{}", tr!("de sessie is leeg", "the session is empty"))]
    Empty,
    #[error("{}", tr!(
        "de eerste gebeurtenis is niet het begin van een sessie",
        "the first event is not the start of a session"
    ))]
    FirstNotStart,
    #[error("{}", tr!("onbekend formaat `{format}`", "unknown format `{format}`"))]
    UnknownFormat { format: String },
    #[error("{}", tr!("volgnummer {got}, verwacht {want}", "sequence number {got}, expected {want}"))]
    Sequence { got: u64, want: u64 },
    #[error("{}", tr!("de sessie was al beëindigd", "the session had already ended"))]
    AlreadyEnded,
    #[error("{}", tr!("de sessie begint twee keer", "the session starts twice"))]
    StartsTwice,
    #[error("{}", tr!("ronde {round} bestaat niet", "round {round} does not exist"))]
    NoRound { round: usize },
    #[error("{}", tr!("ronde {round} loopt niet", "round {round} is not running"))]
    RoundNotRunning { round: usize },
    #[error("{}", tr!("er loopt geen ronde", "no round is running"))]
    NoRunningRound,
    #[error("{}", tr!("ronde {round} loopt nog", "round {round} is still running"))]
    RoundStillRunning { round: usize },
    #[error("{}", tr!(
        "ronde {round} loopt al; haar eindtijd is een timerwijziging",
        "round {round} is running; its end time is a timer change"
    ))]
    UntilWhileRunning { round: usize },
    #[error("{}", tr!("onbekende stapel `{deck}`", "unknown deck `{deck}`"))]
    UnknownDeck { deck: String },
    #[error("{}", tr!("kaart `{card}` ligt niet op de stapel", "card `{card}` is not in the pile"))]
    CardNotInPile { card: String },
    #[error("{}", tr!("kaart `{card}` ligt niet op tafel", "card `{card}` is not on the table"))]
    CardNotOnTable { card: String },
    #[error("{}", tr!(
        "kaart `{card}` kan niet terug op tafel: ze ligt niet bij de stapel",
        "card `{card}` cannot go back on the table: it is not with the pile"
    ))]
    CardNotWithPile { card: String },
    #[error("{}", tr!(
        "de geschudde stapel `{deck}` klopt niet",
        "the reshuffled pile `{deck}` does not match"
    ))]
    ReshuffleMismatch { deck: String },
    #[error("{}", tr!("deelnemer {index} bestaat niet", "participant {index} does not exist"))]
    NoParticipant { index: usize },
    #[error("{}", tr!("notitie {id} bestaat al", "note {id} already exists"))]
    NoteExists { id: u64 },
    #[error("{}", tr!("notitie {id} bestaat niet", "note {id} does not exist"))]
    NoNote { id: u64 },
    #[error("{}", tr!(
        "de sessie volgt al een andere op",
        "the session already follows up another"
    ))]
    AlreadyFollowsUp,
    #[error("{}", tr!(
        "afspraak {note} van {session} staat niet op de lijst",
        "agreement {note} of {session} is not on the list"
    ))]
    AgreementNotListed { note: u64, session: String },
    #[error("{}", tr!(
        "een nieuwe titel moet 1 tot {MAX_TITLE_CHARS} tekens hebben",
        "a new title must have 1 to {MAX_TITLE_CHARS} characters"
    ))]
    TitleLength,

    // Group work (`groupwork.rs`).
    #[error("{}", tr!(
        "de vragenlijst heeft {got} antwoorden, verwacht {expected}",
        "the questionnaire has {got} answers, expected {expected}"
    ))]
    AnswerCount { got: usize, expected: usize },
    #[error("{}", tr!("onbekende stijl `{style}`", "unknown style `{style}`"))]
    UnknownStyle { style: String },
    #[error("{}", tr!(
        "de teams bevatten niet precies alle deelnemers",
        "the teams do not hold exactly all participants"
    ))]
    TeamsMismatch,
    #[error("{}", tr!("team {} bestaat niet", "team {} does not exist", team + 1))]
    NoTeam { team: usize },
    #[error("{}", tr!("{participant} zit in geen team", "{participant} is in no team"))]
    InNoTeam { participant: String },
    #[error("{}", tr!(
        "{participant} zit al in team {}",
        "{participant} is in team {} already",
        team + 1
    ))]
    AlreadyInTeam { participant: String, team: usize },
    #[error("{}", tr!("ronde {round} is geen stemronde", "round {round} is not a vote round"))]
    NotAVoteRound { round: usize },
    #[error("{}", tr!(
        "in ronde {round} is geen stemming geopend",
        "no vote was opened in round {round}"
    ))]
    NoVote { round: usize },
    #[error("{}", tr!(
        "een stem met {numbers} getallen voor {options} opties",
        "a vote with {numbers} numbers for {options} options"
    ))]
    BallotSize { numbers: usize, options: usize },
    #[error("{}", tr!("meer dan {budget} punten uitgedeeld", "more than {budget} points given"))]
    OverBudget { budget: u32 },
    #[error("{}", tr!("geen groepswerk", "not group work"))]
    NotGroupWork,

    // Themes (`themes.rs`).
    #[error("{}", tr!("thema {theme} bestaat al", "theme {theme} already exists"))]
    ThemeExists { theme: u64 },
    #[error("{}", tr!("thema {theme} bestaat niet", "theme {theme} does not exist"))]
    NoTheme { theme: u64 },
    #[error("{}", tr!(
        "een thema kan niet met zichzelf samengaan",
        "a theme cannot merge with itself"
    ))]
    SelfMerge,
    #[error("{}", tr!("geen notities gekozen", "no notes chosen"))]
    NoNotesChosen,
    #[error("{}", tr!("notitie {id} staat er twee keer in", "note {id} is listed twice"))]
    NoteTwice { id: u64 },
    #[error("{}", tr!("een thema zonder naam", "a theme without a name"))]
    ThemeWithoutName,
    #[error("{}", tr!(
        "een themanaam van meer dan {MAX_THEME_CHARS} tekens of met stuurtekens",
        "a theme name of more than {MAX_THEME_CHARS} characters or with control characters"
    ))]
    ThemeName,
    #[error("{}", tr!("geen thema", "not a theme"))]
    NotATheme,
}
