//! The keys of a session: the round screen (workshop), the note editor and solo reflection.
//! The one place they are bound; help, footer and README come from here.

use crate::keymap::{Binding, Keymap, Words, ch, ctrl, key};
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does on the round screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKey {
    PauseResume,
    NextRound,
    PreviousRound,
    Draw,
    PutBack,
    SkipCard,
    MinuteMore,
    MinuteLess,
    RestartTimer,
    PassTurn,
    NewNote,
    NewAgreement,
    EditNotes,
    HideNotes,
    SilentWriting,
    Reveal,
    NextCardShown,
    Group,
    Console,
    Agenda,
    FollowUp,
    Help,
    End,
    Stop,
}

/// Bindings of the round screen, in the order a facilitator needs them.
pub static SESSION: Keymap<SessionKey> = Keymap {
    title: Words("Workshop: het rondescherm", "Workshop: the round screen"),
    bindings: &[
        Binding {
            keys: &[(ch(' '), SessionKey::PauseResume)],
            label: Words("spatie", "space"),
            help: Words("timer pauzeren / verder", "pause / resume the timer"),
            hint: Some(Words("pauze", "pause")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Right), SessionKey::NextRound),
                (key(KeyCode::Left), SessionKey::PreviousRound),
            ],
            label: Words("→ / ←", "→ / ←"),
            help: Words("volgende / vorige ronde", "next / previous round"),
            hint: Some(Words("ronde", "round")),
        },
        Binding {
            keys: &[(ch('d'), SessionKey::Draw)],
            label: Words("d", "d"),
            help: Words("kaart trekken", "draw a card"),
            hint: Some(Words("kaart", "card")),
        },
        Binding {
            keys: &[(ch('t'), SessionKey::PutBack)],
            label: Words("t", "t"),
            help: Words(
                "kaart terugleggen (terug in de stapel)",
                "put the card back (into the pile)",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ch('s'), SessionKey::SkipCard)],
            label: Words("s", "s"),
            help: Words("kaart overslaan", "skip the card"),
            hint: None,
        },
        Binding {
            keys: &[
                (ch('+'), SessionKey::MinuteMore),
                (ch('='), SessionKey::MinuteMore),
                (ch('-'), SessionKey::MinuteLess),
            ],
            label: Words("+ / -", "+ / -"),
            help: Words("een minuut meer / minder", "a minute more / less"),
            hint: None,
        },
        Binding {
            keys: &[(ch('r'), SessionKey::RestartTimer)],
            label: Words("r", "r"),
            help: Words("timer van de ronde opnieuw", "restart the round's timer"),
            hint: None,
        },
        Binding {
            keys: &[(ch('b'), SessionKey::PassTurn)],
            label: Words("b", "b"),
            help: Words("beurt doorgeven", "pass the turn"),
            hint: None,
        },
        Binding {
            keys: &[(ch('n'), SessionKey::NewNote)],
            label: Words("n", "n"),
            help: Words("nieuwe notitie", "new note"),
            hint: Some(Words("notitie", "note")),
        },
        Binding {
            keys: &[(ch('a'), SessionKey::NewAgreement)],
            label: Words("a", "a"),
            help: Words(
                "nieuwe afspraak (met wie en wanneer)",
                "new agreement (who and when)",
            ),
            hint: Some(Words("afspraak", "agreement")),
        },
        Binding {
            keys: &[(ch('e'), SessionKey::EditNotes)],
            label: Words("e", "e"),
            help: Words(
                "notitie corrigeren of verwijderen",
                "correct or delete a note",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ch('h'), SessionKey::HideNotes)],
            label: Words("h", "h"),
            help: Words(
                "notities verbergen / tonen voor de zaal",
                "hide / show notes to the room",
            ),
            hint: Some(Words("verberg", "hide")),
        },
        Binding {
            keys: &[(ch('w'), SessionKey::SilentWriting)],
            label: Words("w", "w"),
            help: Words(
                "stil schrijven: notities pas tonen bij onthullen",
                "silent writing: show notes only when revealed",
            ),
            hint: Some(Words("stil schrijven", "silent writing")),
        },
        Binding {
            keys: &[(ch('o'), SessionKey::Reveal)],
            label: Words("o", "o"),
            help: Words(
                "verzamelde notities onthullen",
                "reveal the collected notes",
            ),
            hint: Some(Words("onthullen", "reveal")),
        },
        Binding {
            keys: &[(key(KeyCode::Tab), SessionKey::NextCardShown)],
            label: Words("Tab", "Tab"),
            help: Words(
                "volgende kaart op tafel groot in beeld",
                "show the next card on the table large",
            ),
            hint: Some(Words("kaart in beeld", "card shown")),
        },
        Binding {
            keys: &[(ch('i'), SessionKey::Group)],
            label: Words("i", "i"),
            help: Words(
                "notities indelen in thema's: kiezen, samenvoegen, hernoemen",
                "group notes into themes: choose, merge, rename",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ch('c'), SessionKey::Console)],
            label: Words("c", "c"),
            help: Words(
                "console: dit scherm voor de begeleider, de zaal kijkt naar `tafel room`",
                "console: this screen for the facilitator, the room watches `tafel room`",
            ),
            hint: Some(Words("console aan/uit", "console on/off")),
        },
        Binding {
            keys: &[(ch('g'), SessionKey::Agenda)],
            label: Words("g", "g"),
            help: Words(
                "agenda: ronde overslaan, invoegen, langer/korter, tot kloktijd",
                "agenda: skip, insert, lengthen/shorten, until a clock time",
            ),
            hint: Some(Words("agenda", "agenda")),
        },
        Binding {
            keys: &[(ch('v'), SessionKey::FollowUp)],
            label: Words("v", "v"),
            help: Words(
                "vervolg: afspraken van de vorige keer",
                "follow-up: agreements from last time",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ch('?'), SessionKey::Help)],
            label: Words("?", "?"),
            help: Words("deze hulp", "this help"),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[(ch('q'), SessionKey::End)],
            label: Words("q", "q"),
            help: Words(
                "sessie beëindigen (vraagt j/n)",
                "end the session (asks y/n)",
            ),
            hint: Some(Words("stop", "quit")),
        },
        Binding {
            keys: &[(ctrl('c'), SessionKey::Stop)],
            label: Words("Ctrl+C", "Ctrl+C"),
            help: Words(
                "direct stoppen; alles is bewaard, later verder",
                "stop at once; everything is saved",
            ),
            hint: None,
        },
    ],
};

/// The order of the footer on the round screen: the most important first, so a narrow
/// screen shows the start and "…" (`?` lists them all).
pub const ROUND_FOOTER: &[SessionKey] = &[
    SessionKey::Help,
    SessionKey::PauseResume,
    SessionKey::NextRound,
    SessionKey::NewNote,
    SessionKey::NewAgreement,
    SessionKey::Draw,
    SessionKey::End,
    SessionKey::Agenda,
    SessionKey::Console,
    SessionKey::HideNotes,
];

/// The console's footer: the console mode itself first (`c` turns it off).
pub const CONSOLE_FOOTER: &[SessionKey] = &[
    SessionKey::Console,
    SessionKey::Help,
    SessionKey::PauseResume,
    SessionKey::NextRound,
    SessionKey::Draw,
    SessionKey::NextCardShown,
    SessionKey::NewNote,
    SessionKey::NewAgreement,
    SessionKey::SilentWriting,
    SessionKey::Reveal,
    SessionKey::HideNotes,
    SessionKey::Agenda,
];

/// Solo reflection's footer.
pub const SOLO_FOOTER: &[SoloKey] = &[
    SoloKey::Save,
    SoloKey::NewLine,
    SoloKey::End,
    SoloKey::AnotherCard,
    SoloKey::Help,
    SoloKey::PutBack,
];

/// What a key does in the note and agreement editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorKey {
    Save,
    NewLine,
    NextField,
    PreviousField,
    Close,
    /// The next team for the note (in rounds after a teams round).
    Team,
    Help,
}

pub static EDITOR: Keymap<EditorKey> = Keymap {
    title: Words("Workshop: de editor", "Workshop: the editor"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), EditorKey::Save),
                (ctrl('s'), EditorKey::Save),
                // Where the terminal reports it (kitty, xterm's modifyOtherKeys).
                (
                    KeyEvent::new(KeyCode::Enter, KeyModifiers::CONTROL),
                    EditorKey::Save,
                ),
            ],
            label: Words("Enter / Ctrl+S", "Enter / Ctrl+S"),
            help: Words("bewaren", "save"),
            hint: Some(Words("bewaar", "save")),
        },
        Binding {
            keys: &[
                (crate::keymap::alt(KeyCode::Enter), EditorKey::NewLine),
                (
                    KeyEvent::new(KeyCode::Enter, KeyModifiers::SHIFT),
                    EditorKey::NewLine,
                ),
                (
                    KeyEvent::new(
                        KeyCode::Enter,
                        KeyModifiers::from_bits(
                            KeyModifiers::ALT.bits() | KeyModifiers::SHIFT.bits(),
                        ),
                    ),
                    EditorKey::NewLine,
                ),
            ],
            label: Words("Alt+Enter", "Alt+Enter"),
            help: Words("nieuwe regel", "new line"),
            hint: Some(Words("nieuwe regel", "new line")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Tab), EditorKey::NextField),
                (key(KeyCode::BackTab), EditorKey::PreviousField),
            ],
            label: Words("Tab", "Tab"),
            help: Words(
                "volgend veld (afspraak: wie, wanneer)",
                "next field (agreement: who, when)",
            ),
            hint: Some(Words("volgend veld", "next field")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), EditorKey::Close)],
            label: Words("Esc", "Esc"),
            help: Words(
                "sluiten; het concept blijft bewaard",
                "close; the draft is kept",
            ),
            hint: Some(Words("sluit (concept blijft)", "close (draft kept)")),
        },
        Binding {
            keys: &[(ctrl('t'), EditorKey::Team)],
            label: Words("Ctrl+T", "Ctrl+T"),
            help: Words(
                "notitie voor een ander team (na een teamronde)",
                "note for another team (after a teams round)",
            ),
            hint: Some(Words("ander team", "other team")),
        },
        Binding {
            keys: &[(key(KeyCode::F(1)), EditorKey::Help)],
            label: Words("F1", "F1"),
            help: Words("hulp", "help"),
            hint: Some(Words("hulp", "help")),
        },
    ],
};

/// What a key does while writing alone (solo reflection): the writing area always has the
/// keyboard, so every command is a Ctrl key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SoloKey {
    Save,
    NewLine,
    AnotherCard,
    PutBack,
    Help,
    End,
    Stop,
}

pub static SOLO: Keymap<SoloKey> = Keymap {
    title: Words("Solo reflectie", "Solo reflection"),
    bindings: &[
        Binding {
            keys: &[(ctrl('s'), SoloKey::Save)],
            label: Words("Ctrl+S", "Ctrl+S"),
            help: Words("reflectie bewaren", "save the reflection"),
            hint: Some(Words("bewaar", "save")),
        },
        Binding {
            keys: &[(key(KeyCode::Enter), SoloKey::NewLine)],
            label: Words("Enter", "Enter"),
            help: Words("nieuwe regel", "new line"),
            hint: Some(Words("nieuwe regel", "new line")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), SoloKey::End), (ctrl('e'), SoloKey::End)],
            label: Words("Esc / Ctrl+E", "Esc / Ctrl+E"),
            help: Words(
                "einde (vraagt j/n; je tekst blijft bewaard)",
                "end (asks y/n; your text is kept)",
            ),
            hint: Some(Words("einde", "end")),
        },
        Binding {
            keys: &[(ctrl('n'), SoloKey::AnotherCard)],
            label: Words("Ctrl+N", "Ctrl+N"),
            help: Words("andere kaart", "another card"),
            hint: Some(Words("andere kaart", "another card")),
        },
        Binding {
            keys: &[
                (ctrl('h'), SoloKey::Help),
                (key(KeyCode::F(1)), SoloKey::Help),
            ],
            label: Words("Ctrl+H / F1", "Ctrl+H / F1"),
            help: Words("deze hulp", "this help"),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[(ctrl('t'), SoloKey::PutBack)],
            label: Words("Ctrl+T", "Ctrl+T"),
            help: Words("kaart terugleggen", "put the card back"),
            hint: Some(Words("terugleggen", "put back")),
        },
        Binding {
            keys: &[(ctrl('c'), SoloKey::Stop)],
            label: Words("Ctrl+C", "Ctrl+C"),
            help: Words(
                "direct stoppen; alles is bewaard",
                "stop at once; everything is saved",
            ),
            hint: None,
        },
    ],
};
