//! Notes grouped into named themes (issue 10): the state the theme events of the group-work
//! block in `event.rs` add up to. A theme holds note ids; a note is in at most one theme.
//! Applied from `Session::apply_group`.

use super::event::Event;
use super::misfit::Misfit;
use super::state::{Note, Session};

/// The longest theme name, in characters.
pub const MAX_THEME_CHARS: usize = 80;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub id: u64,
    pub name: String,
    /// Note ids in the order they were put in (a deleted note stays listed; views skip it).
    pub notes: Vec<u64>,
}

pub fn is_theme_event(event: &Event) -> bool {
    matches!(
        event,
        Event::ThemeCreated { .. }
            | Event::NotesThemed { .. }
            | Event::ThemeRenamed { .. }
            | Event::ThemesMerged { .. }
            | Event::NotesUnthemed { .. }
    )
}

impl Session {
    /// The themes, in the order they were made.
    pub fn themes(&self) -> &[Theme] {
        &self.group.themes
    }

    /// The theme a note is in.
    pub fn theme_of(&self, note: u64) -> Option<&Theme> {
        self.group.themes.iter().find(|t| t.notes.contains(&note))
    }

    /// The id the next theme gets.
    pub fn next_theme_id(&self) -> u64 {
        self.group
            .themes
            .iter()
            .map(|t| t.id + 1)
            .max()
            .unwrap_or(1)
    }

    /// The live notes of a theme, in the theme's order.
    pub fn theme_notes<'a>(&'a self, theme: &'a Theme) -> impl Iterator<Item = &'a Note> {
        theme
            .notes
            .iter()
            .filter_map(|id| self.notes.iter().find(|n| n.id == *id && !n.deleted))
    }

    /// Applies a theme event (see `is_theme_event`).
    pub(super) fn apply_theme(&mut self, event: &Event) -> Result<(), Misfit> {
        match event {
            Event::ThemeCreated { theme, name, notes } => {
                check_name(name)?;
                if self.group.themes.iter().any(|t| t.id == *theme) {
                    return Err(Misfit::ThemeExists { theme: *theme });
                }
                self.check_notes(notes)?;
                self.unthemed(notes);
                self.group.themes.push(Theme {
                    id: *theme,
                    name: name.clone(),
                    notes: notes.clone(),
                });
            }
            Event::NotesThemed { theme, notes } => {
                self.theme_index(*theme)?;
                self.check_notes(notes)?;
                self.unthemed(notes);
                let i = self.theme_index(*theme)?;
                self.group.themes[i].notes.extend(notes.iter().copied());
            }
            Event::ThemeRenamed { theme, name } => {
                check_name(name)?;
                let i = self.theme_index(*theme)?;
                self.group.themes[i].name = name.clone();
            }
            Event::ThemesMerged { from, into } => {
                if from == into {
                    return Err(Misfit::SelfMerge);
                }
                self.theme_index(*into)?;
                let from = self.theme_index(*from)?;
                let moved = self.group.themes.remove(from);
                let into = self.theme_index(*into)?;
                self.group.themes[into].notes.extend(moved.notes);
            }
            Event::NotesUnthemed { notes } => {
                self.check_notes(notes)?;
                self.unthemed(notes);
            }
            _ => return Err(Misfit::NotATheme),
        }
        Ok(())
    }

    fn theme_index(&self, theme: u64) -> Result<usize, Misfit> {
        self.group
            .themes
            .iter()
            .position(|t| t.id == theme)
            .ok_or(Misfit::NoTheme { theme })
    }

    fn check_notes(&self, notes: &[u64]) -> Result<(), Misfit> {
        if notes.is_empty() {
            return Err(Misfit::NoNotesChosen);
        }
        for (i, id) in notes.iter().enumerate() {
            if notes[..i].contains(id) {
                return Err(Misfit::NoteTwice { id: *id });
            }
            if !self.notes.iter().any(|n| n.id == *id && !n.deleted) {
                return Err(Misfit::NoNote { id: *id });
            }
        }
        Ok(())
    }

    /// Takes `notes` out of whatever theme they are in.
    fn unthemed(&mut self, notes: &[u64]) {
        for theme in &mut self.group.themes {
            theme.notes.retain(|id| !notes.contains(id));
        }
    }
}

fn check_name(name: &str) -> Result<(), Misfit> {
    if name.trim().is_empty() {
        return Err(Misfit::ThemeWithoutName);
    }
    if name.chars().count() > MAX_THEME_CHARS || name.chars().any(char::is_control) {
        return Err(Misfit::ThemeName);
    }
    Ok(())
}
