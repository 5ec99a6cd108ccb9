//! The keys of the home screen: one table per part of it (the menu, the plans, the forms,
//! looking back, the decks…). The one place they are bound; the footer, the help overlay
//! and the README come from here. Moving through a list is [`crate::list::LIST`]; typing in
//! a field is the field's own (only the command keys are here).

use crate::keymap::{Binding, Keymap, Words, ch, ctrl, key};
use crate::keys::KeyCode;

/// Keys that work on every part of the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HomeKey {
    /// `?`: a letter while typing.
    Help,
    /// F1: also while typing.
    HelpTyping,
    Quit,
}

pub static HOME: Keymap<HomeKey> = Keymap {
    title: Words("Startscherm: overal", "Home screen: everywhere"),
    bindings: &[
        Binding {
            keys: &[(ch('?'), HomeKey::Help)],
            label: Words("?", "?"),
            help: Words("deze hulp", "this help"),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[(key(KeyCode::F(1)), HomeKey::HelpTyping)],
            label: Words("F1", "F1"),
            help: Words(
                "deze hulp, ook tijdens het typen",
                "this help, also while typing",
            ),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[(ctrl('c'), HomeKey::Quit), (ctrl('q'), HomeKey::Quit)],
            label: Words("Ctrl+C", "Ctrl+C"),
            help: Words("tafel direct afsluiten", "leave tafel at once"),
            hint: None,
        },
    ],
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuKey {
    Open,
    /// Open the n-th choice (from 0).
    Direct(usize),
    Agreements,
    Quit,
}

pub static MENU: Keymap<MenuKey> = Keymap {
    title: Words("Startscherm: het menu", "Home screen: the menu"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), MenuKey::Open),
                (key(KeyCode::Right), MenuKey::Open),
                (ch('l'), MenuKey::Open),
            ],
            label: Words("Enter", "Enter"),
            help: Words("openen", "open"),
            hint: Some(Words("openen", "open")),
        },
        Binding {
            keys: &[(ch('q'), MenuKey::Quit)],
            label: Words("q", "q"),
            help: Words("tafel afsluiten", "leave tafel"),
            hint: Some(Words("stoppen", "quit")),
        },
        Binding {
            keys: &[
                (ch('1'), MenuKey::Direct(0)),
                (ch('2'), MenuKey::Direct(1)),
                (ch('3'), MenuKey::Direct(2)),
                (ch('4'), MenuKey::Direct(3)),
                (ch('5'), MenuKey::Direct(4)),
            ],
            label: Words("1–5", "1–5"),
            help: Words("een keuze direct openen", "open a choice directly"),
            hint: Some(Words("direct", "directly")),
        },
        Binding {
            keys: &[(ch('a'), MenuKey::Agreements)],
            label: Words("a", "a"),
            help: Words(
                "de open afspraken, te laat eerst; daaruit een vervolgsessie starten",
                "the open agreements, overdue first; start a follow-up meeting from them",
            ),
            hint: Some(Words("afspraken", "agreements")),
        },
    ],
};

pub const MENU_FOOTER: &[MenuKey] = &[
    MenuKey::Open,
    MenuKey::Quit,
    MenuKey::Direct(0),
    MenuKey::Agreements,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlansKey {
    Next,
    New,
    Copy,
    Edit,
    Back,
}

pub static PLANS: Keymap<PlansKey> = Keymap {
    title: Words(
        "Startscherm: een werkvorm kiezen",
        "Home screen: choosing a plan",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), PlansKey::Next),
                (key(KeyCode::Right), PlansKey::Next),
                (ch('l'), PlansKey::Next),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "verder: titel en deelnemers",
                "next: title and participants",
            ),
            hint: Some(Words("verder", "next")),
        },
        Binding {
            keys: &[(ch('n'), PlansKey::New)],
            label: Words("n", "n"),
            help: Words(
                "een nieuwe werkvorm bouwen (zonder TOML)",
                "build a new plan (without TOML)",
            ),
            hint: Some(Words("nieuw", "new")),
        },
        Binding {
            keys: &[(ch('c'), PlansKey::Copy)],
            label: Words("c", "c"),
            help: Words(
                "een kopie van deze werkvorm maken en aanpassen",
                "copy this plan and change it",
            ),
            hint: Some(Words("kopie", "copy")),
        },
        Binding {
            keys: &[(ch('e'), PlansKey::Edit)],
            label: Words("e", "e"),
            help: Words(
                "deze eigen werkvorm aanpassen (opmerkingen in het bestand blijven staan)",
                "change this own plan (comments in the file stay)",
            ),
            hint: Some(Words("aanpassen", "edit")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), PlansKey::Back),
                (key(KeyCode::Left), PlansKey::Back),
                (ch('q'), PlansKey::Back),
                (ch('h'), PlansKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar het menu (ook q of ←)",
                "back to the menu (q or ← too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// The footers name "back" last, after the help: see `ui::home::hints`.
pub const PLANS_FOOTER: &[PlansKey] = &[
    PlansKey::Next,
    PlansKey::New,
    PlansKey::Copy,
    PlansKey::Edit,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgreementsKey {
    FollowUp,
    OtherPlan,
    Back,
}

pub static AGREEMENTS: Keymap<AgreementsKey> = Keymap {
    title: Words(
        "Startscherm: open afspraken",
        "Home screen: open agreements",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), AgreementsKey::FollowUp),
                (key(KeyCode::Right), AgreementsKey::FollowUp),
                (ch('l'), AgreementsKey::FollowUp),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "vervolgsessie van die sessie, met dezelfde werkvorm: de open afspraken komen eerst aan bod",
                "follow-up meeting of that session, with the same plan: the open agreements come first",
            ),
            hint: Some(Words("vervolgsessie", "follow-up meeting")),
        },
        Binding {
            keys: &[(ch('p'), AgreementsKey::OtherPlan)],
            label: Words("p", "p"),
            help: Words(
                "vervolgsessie met een andere werkvorm",
                "follow-up meeting with another plan",
            ),
            hint: Some(Words("andere werkvorm", "another plan")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), AgreementsKey::Back),
                (key(KeyCode::Left), AgreementsKey::Back),
                (ch('q'), AgreementsKey::Back),
                (ch('h'), AgreementsKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar het menu (ook q of ←)",
                "back to the menu (q or ← too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const AGREEMENTS_FOOTER: &[AgreementsKey] =
    &[AgreementsKey::FollowUp, AgreementsKey::OtherPlan];

/// The keys of the workshop and solo forms. Characters typed in a text field are text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKey {
    NextField,
    PreviousField,
    /// On the last field: begin; on another: the next field.
    Confirm,
    ChooseNext,
    ChoosePrevious,
    /// Clearing the field or a word: the text field does it.
    EditText,
    Back,
}

pub static WORKSHOP_FORM: Keymap<FormKey> = Keymap {
    title: Words(
        "Startscherm: een workshop starten",
        "Home screen: starting a workshop",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Tab), FormKey::NextField),
                (key(KeyCode::Down), FormKey::NextField),
            ],
            label: Words("Tab / ↓", "Tab / ↓"),
            help: Words("volgend veld", "next field"),
            hint: Some(Words("volgend veld", "next field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::BackTab), FormKey::PreviousField),
                (key(KeyCode::Up), FormKey::PreviousField),
            ],
            label: Words("Shift+Tab / ↑", "Shift+Tab / ↑"),
            help: Words("vorig veld", "previous field"),
            hint: Some(Words("vorig veld", "previous field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Enter), FormKey::Confirm),
                (ch(' '), FormKey::Confirm),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "op Start: de workshop begint; op een ander veld: volgend veld",
                "on Start: the workshop begins; on another field: next field",
            ),
            hint: Some(Words("workshop starten", "start the workshop")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Left), FormKey::ChoosePrevious),
                (key(KeyCode::Right), FormKey::ChooseNext),
                (ch('h'), FormKey::ChoosePrevious),
                (ch('l'), FormKey::ChooseNext),
            ],
            label: Words("←→", "←→"),
            help: Words(
                "stapel kiezen (werkvormen voor elke stapel)",
                "choose a deck (plans for any deck)",
            ),
            hint: Some(Words("stapel kiezen", "choose a deck")),
        },
        Binding {
            keys: &[
                (ctrl('u'), FormKey::EditText),
                (ctrl('w'), FormKey::EditText),
            ],
            label: Words("Ctrl+U / Ctrl+W", "Ctrl+U / Ctrl+W"),
            help: Words("veld / woord wissen", "clear the field / a word"),
            hint: Some(Words("veld wissen", "clear the field")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), FormKey::Back), (ch('q'), FormKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar de werkvormen (q ook, buiten een tekstveld)",
                "back to the plans (q too, outside a text field)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub static SOLO_FORM: Keymap<FormKey> = Keymap {
    title: Words(
        "Startscherm: solo reflectie starten",
        "Home screen: starting solo reflection",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Tab), FormKey::NextField),
                (key(KeyCode::Down), FormKey::NextField),
            ],
            label: Words("Tab / ↓", "Tab / ↓"),
            help: Words("volgend veld", "next field"),
            hint: Some(Words("volgend veld", "next field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::BackTab), FormKey::PreviousField),
                (key(KeyCode::Up), FormKey::PreviousField),
            ],
            label: Words("Shift+Tab / ↑", "Shift+Tab / ↑"),
            help: Words("vorig veld", "previous field"),
            hint: Some(Words("vorig veld", "previous field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Enter), FormKey::Confirm),
                (ch(' '), FormKey::Confirm),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "op Begin: de reflectie begint; op een ander veld: volgend veld",
                "on Begin: the reflection begins; on another field: next field",
            ),
            hint: Some(Words("beginnen", "begin")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Left), FormKey::ChoosePrevious),
                (key(KeyCode::Right), FormKey::ChooseNext),
                (ch('h'), FormKey::ChoosePrevious),
                (ch('l'), FormKey::ChooseNext),
            ],
            label: Words("←→", "←→"),
            help: Words("stapel of categorie kiezen", "choose a deck or category"),
            hint: Some(Words("kiezen", "choose")),
        },
        Binding {
            keys: &[
                (ctrl('u'), FormKey::EditText),
                (ctrl('w'), FormKey::EditText),
            ],
            label: Words("Ctrl+U", "Ctrl+U"),
            help: Words("minuten wissen", "clear the minutes"),
            hint: Some(Words("wissen", "clear")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), FormKey::Back), (ch('q'), FormKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar het menu (q ook, buiten het minutenveld)",
                "back to the menu (q too, outside the minutes field)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookBackKey {
    Replay,
    Export,
    Resume,
    Rename,
    Delete,
    Search,
    Back,
}

pub static LOOK_BACK: Keymap<LookBackKey> = Keymap {
    title: Words("Startscherm: terugkijken", "Home screen: looking back"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), LookBackKey::Replay),
                (key(KeyCode::Right), LookBackKey::Replay),
                (ch('l'), LookBackKey::Replay),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "terugkijken, gebeurtenis voor gebeurtenis",
                "replay, event by event",
            ),
            hint: Some(Words("terugkijken", "replay")),
        },
        Binding {
            keys: &[(ch('e'), LookBackKey::Export)],
            label: Words("e", "e"),
            help: Words(
                "exporteren: kies md, txt, html of odt en een map (standaard Documenten)",
                "export: choose md, txt, html or odt and a folder (Documents by default)",
            ),
            hint: Some(Words("exporteren", "export")),
        },
        Binding {
            keys: &[(ch('r'), LookBackKey::Resume)],
            label: Words("r", "r"),
            help: Words(
                "verder met een onderbroken sessie",
                "continue an interrupted session",
            ),
            hint: Some(Words("verder gaan", "continue")),
        },
        Binding {
            keys: &[(ch('n'), LookBackKey::Rename)],
            label: Words("n", "n"),
            help: Words(
                "de sessie (of solo reflectie) een nieuwe titel geven",
                "give the session (or solo reflection) a new title",
            ),
            hint: Some(Words("nieuwe titel", "rename")),
        },
        Binding {
            keys: &[
                (ch('d'), LookBackKey::Delete),
                (ch('x'), LookBackKey::Delete),
                (key(KeyCode::Delete), LookBackKey::Delete),
            ],
            label: Words("d", "d"),
            help: Words(
                "naar de prullenbak (terug met tafel sessions --restore)",
                "to the trash (back with tafel sessions --restore)",
            ),
            hint: Some(Words("naar prullenbak", "to trash")),
        },
        Binding {
            keys: &[(ch('/'), LookBackKey::Search)],
            label: Words("/", "/"),
            help: Words(
                "zoeken in titels, deelnemers, kaarten en notities",
                "search titles, participants, cards and notes",
            ),
            hint: Some(Words("zoeken", "search")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), LookBackKey::Back),
                (key(KeyCode::Left), LookBackKey::Back),
                (ch('q'), LookBackKey::Back),
                (ch('h'), LookBackKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "zoekterm wissen, anders terug naar het menu (ook q of ←)",
                "clear the search, else back to the menu (q or ← too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const LOOK_BACK_FOOTER: &[LookBackKey] = &[
    LookBackKey::Replay,
    LookBackKey::Export,
    LookBackKey::Resume,
    LookBackKey::Rename,
    LookBackKey::Delete,
    LookBackKey::Search,
];

/// Giving a session a new title: the field has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameKey {
    Save,
    Back,
}

pub static RENAME: Keymap<RenameKey> = Keymap {
    title: Words(
        "Startscherm: een nieuwe titel (n)",
        "Home screen: a new title (n)",
    ),
    bindings: &[
        Binding {
            keys: &[(key(KeyCode::Enter), RenameKey::Save)],
            label: Words("Enter", "Enter"),
            help: Words("nieuwe titel opslaan", "save the new title"),
            hint: Some(Words("opslaan", "save")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), RenameKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words("terug, de titel blijft", "back, the title stays"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// A yes/no question (a session to the trash?): every other key is no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmKey {
    Yes,
    No,
}

pub static CONFIRM: Keymap<ConfirmKey> = Keymap {
    title: Words(
        "Startscherm: naar de prullenbak? (d)",
        "Home screen: to the trash? (d)",
    ),
    bindings: &[
        Binding {
            keys: &[
                (ch('j'), ConfirmKey::Yes),
                (ch('y'), ConfirmKey::Yes),
                (ch('J'), ConfirmKey::Yes),
                (ch('Y'), ConfirmKey::Yes),
            ],
            label: Words("j", "y"),
            help: Words(
                "ja, naar de prullenbak (j of y)",
                "yes, to the trash (y or j)",
            ),
            hint: Some(Words("ja, naar de prullenbak", "yes, to the trash")),
        },
        Binding {
            keys: &[
                (ch('n'), ConfirmKey::No),
                (key(KeyCode::Esc), ConfirmKey::No),
            ],
            label: Words("n", "n"),
            help: Words("nee (elke andere toets ook)", "no (any other key too)"),
            hint: Some(Words("nee", "no")),
        },
    ],
};

/// A search box with the keyboard (looking back, the decks): letters are the search text,
/// the arrows still move through the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchKey {
    Done,
    Clear,
}

pub static SEARCH: Keymap<SearchKey> = Keymap {
    title: Words("Startscherm: zoeken (/)", "Home screen: searching (/)"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), SearchKey::Done),
                (key(KeyCode::Tab), SearchKey::Done),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "klaar met typen; de lijst blijft gefilterd",
                "done typing; the list stays filtered",
            ),
            hint: Some(Words("klaar", "done")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), SearchKey::Clear)],
            label: Words("Esc", "Esc"),
            help: Words("zoekterm wissen", "clear the search"),
            hint: Some(Words("zoekterm wissen", "clear the search")),
        },
    ],
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecksKey {
    Open,
    Search,
    Draw,
    Back,
}

pub static DECKS: Keymap<DecksKey> = Keymap {
    title: Words(
        "Startscherm: stapels bekijken",
        "Home screen: browsing decks",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), DecksKey::Open),
                (key(KeyCode::Right), DecksKey::Open),
                (ch('l'), DecksKey::Open),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "openen: stapel → categorieën → kaarten → kaart groot (ook →)",
                "open: deck → categories → cards → card large (→ too)",
            ),
            hint: Some(Words("openen", "open")),
        },
        Binding {
            keys: &[(ch('/'), DecksKey::Search)],
            label: Words("/", "/"),
            help: Words(
                "kaarten zoeken (accenten tellen niet)",
                "search cards (accents do not matter)",
            ),
            hint: Some(Words("zoeken", "search")),
        },
        Binding {
            keys: &[(ch('d'), DecksKey::Draw)],
            label: Words("d", "d"),
            help: Words(
                "trek er een: een willekeurige kaart van hier",
                "draw one: a random card from here",
            ),
            hint: Some(Words("trek er een", "draw one")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), DecksKey::Back),
                (key(KeyCode::Left), DecksKey::Back),
                (ch('q'), DecksKey::Back),
                (ch('h'), DecksKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "een niveau terug, een zoekterm eerst wissen (ook q of ←)",
                "one level back, clearing a search first (q or ← too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const DECKS_FOOTER: &[DecksKey] = &[DecksKey::Open, DecksKey::Search, DecksKey::Draw];

/// A card shown large in the deck browser: every key but `d` goes back to the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKey {
    DrawAnother,
    Close,
}

pub static CARD: Keymap<CardKey> = Keymap {
    title: Words("Startscherm: een kaart groot", "Home screen: a card large"),
    bindings: &[
        Binding {
            keys: &[(ch('d'), CardKey::DrawAnother)],
            label: Words("d", "d"),
            help: Words("nog een kaart trekken", "draw another card"),
            hint: Some(Words("nog een trekken", "draw another")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), CardKey::Close)],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar de lijst (elke andere toets ook)",
                "back to the list (any other key too)",
            ),
            hint: Some(Words("terug naar de lijst", "back to the list")),
        },
    ],
};

/// Every table of the home screen, for the README.
pub fn all_markdown(lang: crate::i18n::Lang) -> Vec<String> {
    vec![
        HOME.markdown(lang),
        MENU.markdown(lang),
        PLANS.markdown(lang),
        WORKSHOP_FORM.markdown(lang),
        SOLO_FORM.markdown(lang),
        LOOK_BACK.markdown(lang),
        RENAME.markdown(lang),
        CONFIRM.markdown(lang),
        SEARCH.markdown(lang),
        DECKS.markdown(lang),
        CARD.markdown(lang),
        AGREEMENTS.markdown(lang),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyEvent;

    fn keys<A: Copy + PartialEq>(map: &Keymap<A>) -> Vec<KeyEvent> {
        map.keys().map(|(k, _)| *k).collect()
    }

    fn no_key_twice(all: &[KeyEvent], what: &str) {
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{k:?} bound twice in {what}");
        }
    }

    #[test]
    fn no_key_means_two_things_on_one_screen() {
        let list = keys(&crate::list::LIST);
        let global = keys(&HOME);
        // The lists move with the list keys (letters too) beside the screen's own.
        for (name, own) in [
            ("menu", keys(&MENU)),
            ("plans", keys(&PLANS)),
            ("agreements", keys(&AGREEMENTS)),
            ("look back", keys(&LOOK_BACK)),
            ("decks", keys(&DECKS)),
        ] {
            no_key_twice(&[own, list.clone(), global.clone()].concat(), name);
        }
        for (name, own) in [
            ("workshop form", keys(&WORKSHOP_FORM)),
            ("solo form", keys(&SOLO_FORM)),
            ("rename", keys(&RENAME)),
            ("confirm", keys(&CONFIRM)),
            ("card", keys(&CARD)),
        ] {
            no_key_twice(&[own, global.clone()].concat(), name);
        }
        // A search box: the arrows and the page keys move, the letters are text.
        let moving: Vec<KeyEvent> = list
            .into_iter()
            .filter(|k| !matches!(k.code, KeyCode::Char(_)))
            .collect();
        no_key_twice(&[keys(&SEARCH), moving, global].concat(), "search");
    }

    #[test]
    fn every_footer_action_has_a_hint() {
        assert_eq!(MENU.hint_pairs(MENU_FOOTER).len(), MENU_FOOTER.len());
        assert_eq!(PLANS.hint_pairs(PLANS_FOOTER).len(), PLANS_FOOTER.len());
        assert_eq!(
            AGREEMENTS.hint_pairs(AGREEMENTS_FOOTER).len(),
            AGREEMENTS_FOOTER.len()
        );
        assert_eq!(
            LOOK_BACK.hint_pairs(LOOK_BACK_FOOTER).len(),
            LOOK_BACK_FOOTER.len()
        );
        assert_eq!(DECKS.hint_pairs(DECKS_FOOTER).len(), DECKS_FOOTER.len());
    }
}
