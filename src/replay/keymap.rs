//! The keys of the replay: the one place they are bound; help, footer and README come
//! from here.

use crate::keymap::{Binding, Keymap, Words, ch, key};
use crate::keys::KeyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplayKey {
    Forward,
    Back,
    NextRound,
    PreviousRound,
    First,
    Last,
    Play,
    Speed(usize),
    Chart,
    Agreements,
    Search,
    SearchNext,
    Help,
    Quit,
}

pub static REPLAY: Keymap<ReplayKey> = Keymap {
    title: Words("Terugkijken", "Replay"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Right), ReplayKey::Forward),
                (key(KeyCode::Left), ReplayKey::Back),
                (ch('l'), ReplayKey::Forward),
                (ch('h'), ReplayKey::Back),
            ],
            label: Words("→ / ←", "→ / ←"),
            help: Words("gebeurtenis verder / terug", "event forward / back"),
            hint: Some(Words("gebeurtenis", "event")),
        },
        Binding {
            keys: &[
                (ch(']'), ReplayKey::NextRound),
                (ch('['), ReplayKey::PreviousRound),
                (key(KeyCode::PageDown), ReplayKey::NextRound),
                (key(KeyCode::PageUp), ReplayKey::PreviousRound),
            ],
            label: Words("] / [", "] / ["),
            help: Words(
                "begin van de volgende / vorige ronde (ook PgDn / PgUp)",
                "start of the next / previous round (also PgDn / PgUp)",
            ),
            hint: Some(Words("ronde", "round")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Home), ReplayKey::First),
                (key(KeyCode::End), ReplayKey::Last),
            ],
            label: Words("Home / End", "Home / End"),
            help: Words("eerste / laatste gebeurtenis", "first / last event"),
            hint: Some(Words("begin / eind", "start / end")),
        },
        Binding {
            keys: &[(ch(' '), ReplayKey::Play)],
            label: Words("spatie", "space"),
            help: Words("afspelen / stilzetten", "play / pause"),
            hint: Some(Words("afspelen", "play")),
        },
        Binding {
            keys: &[
                (ch('1'), ReplayKey::Speed(0)),
                (ch('2'), ReplayKey::Speed(1)),
                (ch('3'), ReplayKey::Speed(2)),
                (ch('4'), ReplayKey::Speed(3)),
            ],
            label: Words("1 2 3 4", "1 2 3 4"),
            help: Words(
                "snelheid 1×, 10×, 60×, 300× van de echte tijd",
                "speed 1×, 10×, 60×, 300× of real time",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ch('b'), ReplayKey::Chart)],
            label: Words("b", "b"),
            help: Words(
                "grafiek: geplande en werkelijke minuten",
                "chart: planned and actual minutes",
            ),
            hint: Some(Words("grafiek", "chart")),
        },
        Binding {
            keys: &[(ch('a'), ReplayKey::Agreements)],
            label: Words("a", "a"),
            help: Words("alle afspraken", "all agreements"),
            hint: Some(Words("afspraken", "agreements")),
        },
        Binding {
            keys: &[(ch('/'), ReplayKey::Search)],
            label: Words("/", "/"),
            help: Words("zoeken in notities en kaarten", "search notes and cards"),
            hint: Some(Words("zoeken", "search")),
        },
        Binding {
            keys: &[(ch('n'), ReplayKey::SearchNext)],
            label: Words("n", "n"),
            help: Words("volgende treffer", "next match"),
            hint: None,
        },
        Binding {
            keys: &[(ch('?'), ReplayKey::Help)],
            label: Words("?", "?"),
            help: Words("deze hulp", "this help"),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[
                (ch('q'), ReplayKey::Quit),
                (key(KeyCode::Esc), ReplayKey::Quit),
            ],
            label: Words("q / Esc", "q / Esc"),
            help: Words(
                "stoppen (Esc sluit eerst grafiek of lijst)",
                "quit (Esc first closes a chart or list)",
            ),
            hint: Some(Words("stop", "quit")),
        },
    ],
};

/// The footer on a wide screen, and on a narrow one.
pub const WIDE_FOOTER: &[ReplayKey] = &[
    ReplayKey::Forward,
    ReplayKey::NextRound,
    ReplayKey::First,
    ReplayKey::Play,
    ReplayKey::Chart,
    ReplayKey::Agreements,
    ReplayKey::Search,
    ReplayKey::Help,
    ReplayKey::Quit,
];

pub const NARROW_FOOTER: &[ReplayKey] = &[
    ReplayKey::Forward,
    ReplayKey::NextRound,
    ReplayKey::Play,
    ReplayKey::Chart,
    ReplayKey::Agreements,
    ReplayKey::Search,
    ReplayKey::Help,
];

/// The replay's search box (`/`): letters are the search text, these keys finish it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchBoxKey {
    Search,
    Close,
}

pub static SEARCH_BOX: Keymap<SearchBoxKey> = Keymap {
    title: Words("Terugkijken: zoeken (/)", "Replay: searching (/)"),
    bindings: &[
        Binding {
            keys: &[(key(KeyCode::Enter), SearchBoxKey::Search)],
            label: Words("Enter", "Enter"),
            help: Words(
                "zoeken, verder vanaf hier (n: de volgende treffer)",
                "search, on from here (n: the next match)",
            ),
            hint: Some(Words("zoekt verder vanaf hier", "searches on from here")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), SearchBoxKey::Close)],
            label: Words("Esc", "Esc"),
            help: Words("zoekvak sluiten", "close the search box"),
            hint: Some(Words("sluit", "closes")),
        },
    ],
};
