//! Grouping notes into themes by keyboard (`i`, "indelen"; issue 10): over the notes of the
//! round or of the whole session, select notes, put them in a new or existing theme, rename a
//! theme, merge two, take a note out. Every change is an event, as elsewhere; the selection
//! and the cursor are this screen's own.

use std::collections::BTreeSet;

use crate::keys::KeyEvent;

use super::mode_keys::{GROUPING, GroupingKey, NameKey, THEME_NAME};
use super::{App, Effect, Mode};
use crate::input::LineInput;
use crate::session::state::Note;
use crate::session::themes::MAX_THEME_CHARS;
use crate::session::{Event, NoteKind};
use crate::tr;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupingState {
    /// The notes of this round (`Some`), or of the whole session.
    pub round: Option<usize>,
    /// The note the cursor is on, by position in the list.
    pub cursor: usize,
    /// Notes chosen with the space bar, by id.
    pub selected: BTreeSet<u64>,
    pub input: Option<GroupingInput>,
}

/// What the grouping screen is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupingInput {
    /// The name of a new theme for these notes.
    NewTheme {
        notes: Vec<u64>,
        name: LineInput,
    },
    Rename {
        theme: u64,
        name: LineInput,
    },
    /// The number of the theme that theme `from` goes into.
    MergeInto {
        from: u64,
    },
}

impl App {
    /// Opens the grouping screen over this round's notes, or all notes when the round has
    /// none.
    pub(super) fn open_grouping(&mut self) -> Vec<Effect> {
        let round = self.note_round();
        let in_round = self
            .session
            .notes_of_round(round)
            .any(|n| n.kind == NoteKind::Note);
        let any = self.session.live_notes().any(|n| n.kind == NoteKind::Note);
        if !any {
            self.info(tr!(
                "nog geen notities om in thema's in te delen",
                "no notes yet to group into themes"
            ));
            return Vec::new();
        }
        self.mode = Mode::Grouping(GroupingState {
            round: in_round.then_some(round),
            ..GroupingState::default()
        });
        Vec::new()
    }

    /// The notes the grouping screen lists, oldest first: the notes (not agreements) of its
    /// round, or of the whole session.
    pub fn grouping_notes(&self, round: Option<usize>) -> Vec<&Note> {
        self.session
            .live_notes()
            .filter(|n| n.kind == NoteKind::Note && round.is_none_or(|r| n.round == r))
            .collect()
    }

    pub(super) fn grouping_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Mode::Grouping(state) = &self.mode else {
            return Vec::new();
        };
        let mut state = state.clone();
        let effects = if state.input.is_some() {
            self.grouping_input_key(&mut state, key)
        } else {
            self.grouping_list_key(&mut state, key)
        };
        if matches!(self.mode, Mode::Grouping(_)) {
            self.mode = Mode::Grouping(state);
        }
        effects
    }

    /// A paste while a theme name is asked for goes into the name.
    pub(super) fn grouping_paste(&mut self, text: &str) {
        if let Mode::Grouping(GroupingState {
            input: Some(GroupingInput::NewTheme { name, .. } | GroupingInput::Rename { name, .. }),
            ..
        }) = &mut self.mode
        {
            name.insert(text);
        }
    }

    fn grouping_list_key(&mut self, state: &mut GroupingState, key: KeyEvent) -> Vec<Effect> {
        let notes: Vec<u64> = self
            .grouping_notes(state.round)
            .iter()
            .map(|n| n.id)
            .collect();
        let count = notes.len();
        state.cursor = state.cursor.min(count.saturating_sub(1));
        let at_cursor = notes.get(state.cursor).copied();
        // The notes an action is for: the ones chosen, else the one under the cursor.
        let chosen: Vec<u64> = if state.selected.is_empty() {
            at_cursor.into_iter().collect()
        } else {
            notes
                .iter()
                .copied()
                .filter(|id| state.selected.contains(id))
                .collect()
        };
        let cursor_theme = at_cursor.and_then(|id| self.session.theme_of(id).map(|t| t.id));
        match GROUPING.action(key) {
            Some(GroupingKey::Back) => self.mode = Mode::Normal,
            Some(GroupingKey::Up) => state.cursor = state.cursor.saturating_sub(1),
            Some(GroupingKey::Down) => {
                state.cursor = (state.cursor + 1).min(count.saturating_sub(1))
            }
            Some(GroupingKey::Choose) => {
                if let Some(id) = at_cursor
                    && !state.selected.remove(&id)
                {
                    state.selected.insert(id);
                }
                // On to the next note, so a run of notes is chosen with the space bar alone.
                state.cursor = (state.cursor + 1).min(count.saturating_sub(1));
            }
            Some(GroupingKey::Scope) => {
                state.round = match state.round {
                    Some(_) => None,
                    None => Some(self.note_round()),
                };
                state.cursor = 0;
                state.selected.clear();
                if self.grouping_notes(state.round).is_empty() {
                    self.info(tr!(
                        "deze ronde heeft geen notities: Tab toont alle",
                        "this round has no notes: Tab shows them all"
                    ));
                }
            }
            Some(GroupingKey::NewTheme) if !chosen.is_empty() => {
                state.input = Some(GroupingInput::NewTheme {
                    notes: chosen,
                    name: LineInput::new("", MAX_THEME_CHARS),
                });
            }
            Some(GroupingKey::Theme(index)) if !chosen.is_empty() => {
                let c = index + 1;
                let Some(theme) = self.session.themes().get(index).map(|t| t.id) else {
                    self.info(tr!(
                        "er is geen thema {c}: n maakt een nieuw thema",
                        "there is no theme {c}: n makes a new theme"
                    ));
                    return Vec::new();
                };
                state.selected.clear();
                return self.persist(vec![Event::NotesThemed {
                    theme,
                    notes: chosen,
                }]);
            }
            Some(GroupingKey::TakeOut) => {
                let themed: Vec<u64> = chosen
                    .into_iter()
                    .filter(|id| self.session.theme_of(*id).is_some())
                    .collect();
                if themed.is_empty() {
                    self.info(tr!(
                        "deze notitie zit in geen thema",
                        "this note is in no theme"
                    ));
                    return Vec::new();
                }
                state.selected.clear();
                return self.persist(vec![Event::NotesUnthemed { notes: themed }]);
            }
            Some(GroupingKey::Rename) => match cursor_theme {
                Some(theme) => {
                    let name = self
                        .session
                        .themes()
                        .iter()
                        .find(|t| t.id == theme)
                        .map(|t| t.name.clone())
                        .unwrap_or_default();
                    state.input = Some(GroupingInput::Rename {
                        theme,
                        name: LineInput::new(&name, MAX_THEME_CHARS),
                    });
                }
                None => self.info(tr!(
                    "deze notitie zit in geen thema om te hernoemen",
                    "this note is in no theme to rename"
                )),
            },
            Some(GroupingKey::Merge) => match cursor_theme {
                Some(from) if self.session.themes().len() > 1 => {
                    state.input = Some(GroupingInput::MergeInto { from });
                }
                Some(_) => self.info(tr!(
                    "er is maar één thema: niets om mee samen te voegen",
                    "there is only one theme: nothing to merge with"
                )),
                None => self.info(tr!(
                    "zet de cursor op een notitie in het thema dat samengaat",
                    "put the cursor on a note in the theme to merge"
                )),
            },
            _ => {}
        }
        Vec::new()
    }

    fn grouping_input_key(&mut self, state: &mut GroupingState, key: KeyEvent) -> Vec<Effect> {
        let Some(input) = &mut state.input else {
            return Vec::new();
        };
        if THEME_NAME.action(key) == Some(NameKey::Back) {
            state.input = None;
            return Vec::new();
        }
        match input {
            GroupingInput::MergeInto { from } => {
                let from = *from;
                state.input = None;
                let Some(GroupingKey::Theme(index)) = GROUPING.action(key) else {
                    return Vec::new();
                };
                let c = index + 1;
                match self.session.themes().get(index).map(|t| t.id) {
                    Some(into) if into != from => {
                        self.persist(vec![Event::ThemesMerged { from, into }])
                    }
                    Some(_) => {
                        self.info(tr!("dat is hetzelfde thema", "that is the same theme"));
                        Vec::new()
                    }
                    None => {
                        self.info(tr!("er is geen thema {c}", "there is no theme {c}"));
                        Vec::new()
                    }
                }
            }
            GroupingInput::NewTheme { name, .. } | GroupingInput::Rename { name, .. } => {
                match THEME_NAME.command(key, true) {
                    Some(NameKey::Save) => {
                        let name = name.text().trim().to_string();
                        if name.is_empty() {
                            self.info(tr!(
                                "geef het thema een naam (Esc: toch niet)",
                                "give the theme a name (Esc: never mind)"
                            ));
                            return Vec::new();
                        }
                        let event = match state.input.take() {
                            Some(GroupingInput::NewTheme { notes, .. }) => Event::ThemeCreated {
                                theme: self.session.next_theme_id(),
                                name,
                                notes,
                            },
                            Some(GroupingInput::Rename { theme, .. }) => {
                                Event::ThemeRenamed { theme, name }
                            }
                            _ => return Vec::new(),
                        };
                        state.selected.clear();
                        return self.persist(vec![event]);
                    }
                    _ => {
                        name.key(key);
                    }
                }
                Vec::new()
            }
        }
    }
}
