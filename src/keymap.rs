//! One table of keys per screen. A [`Keymap`] is the single place a key is bound: the
//! screen's state machine asks it which action a key means, the footer shows its short
//! hints, the help overlay lists it, and the README's key tables are generated from it
//! (a test fails when they are stale). A key that is not in its screen's table does not
//! exist for the user.

use crate::i18n::Lang;
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

/// A Dutch and an English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words(pub &'static str, pub &'static str);

impl Words {
    /// In the interface language.
    pub fn text(&self) -> &'static str {
        self.of(crate::i18n::lang())
    }

    pub fn of(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.0,
            Lang::En => self.1,
        }
    }
}

/// One line of the help: keys and the actions they stand for (usually one action; a pair
/// such as "→ / ←" is one line with two).
#[derive(Debug)]
pub struct Binding<A: 'static> {
    pub keys: &'static [(KeyEvent, A)],
    /// How the keys are written: "→ / ←", "spatie".
    pub label: Words,
    /// What it does, for the help and the README.
    pub help: Words,
    /// The few words in the footer, if it is shown there (in this order).
    pub hint: Option<Words>,
}

/// The keys of one screen (or one part of it: its editor, its list).
#[derive(Debug)]
pub struct Keymap<A: 'static> {
    /// The screen, as a heading in the README.
    pub title: Words,
    pub bindings: &'static [Binding<A>],
}

/// A key without modifiers (for the tables).
pub const fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::plain(code)
}

/// A character key (for the tables).
pub const fn ch(c: char) -> KeyEvent {
    KeyEvent::plain(KeyCode::Char(c))
}

/// Ctrl and a character (for the tables).
pub const fn ctrl(c: char) -> KeyEvent {
    KeyEvent::ctrl(c)
}

/// Alt and a key (for the tables).
pub const fn alt(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::ALT)
}

/// A key as the footer writes it: "spatie", "→", "Ctrl+S", "Esc".
pub fn key_name(key: &KeyEvent) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => Words("spatie", "space").text().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
    };
    let mut name = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl+");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        name.push_str("Alt+");
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) && !matches!(key.code, KeyCode::Char(_)) {
        name.push_str("Shift+");
    }
    let base = if key.modifiers.contains(KeyModifiers::CONTROL) {
        base.to_uppercase()
    } else {
        base
    };
    name + &base
}

/// Whether `pressed` is `bound`. Terminals report Shift with capitals and symbols
/// ("?" is Shift+/), so for a character Shift does not count.
fn matches(bound: &KeyEvent, pressed: &KeyEvent) -> bool {
    let modifiers = |k: &KeyEvent| match k.code {
        KeyCode::Char(_) => k.modifiers.without(KeyModifiers::SHIFT),
        _ => k.modifiers,
    };
    bound.code == pressed.code && modifiers(bound) == modifiers(pressed)
}

impl<A: Copy + PartialEq + 'static> Keymap<A> {
    /// The action `key` means here, if any.
    pub fn action(&self, key: KeyEvent) -> Option<A> {
        self.bindings
            .iter()
            .flat_map(|b| b.keys.iter())
            .find(|(bound, _)| matches(bound, &key))
            .map(|(_, action)| *action)
    }

    /// Every key with what it does, for the help overlay.
    pub fn help(&self) -> Vec<(String, String)> {
        self.bindings
            .iter()
            .map(|b| (b.label.text().to_string(), b.help.text().to_string()))
            .collect()
    }

    /// The action `key` means while the keyboard may be in a text field: when `typing`, a
    /// plain character is text, not a command (Ctrl and Alt keys still are).
    pub fn command(&self, key: KeyEvent, typing: bool) -> Option<A> {
        let plain_char = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if typing && plain_char {
            return None;
        }
        self.action(key)
    }

    /// The help lines of the bindings whose (first) action passes `keep`: a screen that
    /// shows some keys only sometimes (a field that is not there).
    pub fn help_where(&self, keep: impl Fn(A) -> bool) -> Vec<(String, String)> {
        self.bindings
            .iter()
            .filter(|b| b.keys.first().is_none_or(|(_, action)| keep(*action)))
            .map(|b| (b.label.text().to_string(), b.help.text().to_string()))
            .collect()
    }

    /// The footer's hints for `actions`, in that order: how the keys are written and the
    /// few words ("spatie pauze", "Enter / Ctrl+S bewaar").
    pub fn hints(&self, actions: &[A]) -> Vec<String> {
        self.hint_pairs(actions)
            .into_iter()
            .map(|(keys, words)| format!("{keys} {words}"))
            .collect()
    }

    /// The footer's hints for `actions` as (keys, words), for footers that style the two
    /// apart.
    pub fn hint_pairs(&self, actions: &[A]) -> Vec<(String, String)> {
        actions
            .iter()
            .filter_map(|action| {
                let binding = self
                    .bindings
                    .iter()
                    .find(|b| b.keys.first().is_some_and(|(_, first)| first == action))?;
                let hint = binding.hint?;
                Some((binding.label.text().to_string(), hint.text().to_string()))
            })
            .collect()
    }

    /// The table for the README, in `lang`.
    pub fn markdown(&self, lang: Lang) -> String {
        let (key, what) = match lang {
            Lang::Nl => ("Toets", "Wat het doet"),
            Lang::En => ("Key", "What it does"),
        };
        let mut out = format!(
            "#### {}\n\n| {key} | {what} |\n|---|---|\n",
            self.title.of(lang)
        );
        for b in self.bindings {
            let label = b.label.of(lang).replace('|', "\\|");
            let help = b.help.of(lang).replace('|', "\\|");
            out.push_str(&format!("| `{label}` | {help} |\n"));
        }
        out
    }

    /// Every key of the table, for checks.
    pub fn keys(&self) -> impl Iterator<Item = (&'static KeyEvent, A)> + '_ {
        self.bindings
            .iter()
            .flat_map(|b| b.keys.iter().map(|(k, a)| (k, *a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Act {
        Help,
        Save,
        Next,
    }

    static MAP: Keymap<Act> = Keymap {
        title: Words("Proef", "Test"),
        bindings: &[
            Binding {
                keys: &[(ch('?'), Act::Help), (key(KeyCode::F(1)), Act::Help)],
                label: Words("? / F1", "? / F1"),
                help: Words("hulp", "help"),
                hint: Some(Words("hulp", "help")),
            },
            Binding {
                keys: &[(ctrl('s'), Act::Save)],
                label: Words("Ctrl+S", "Ctrl+S"),
                help: Words("bewaren", "save"),
                hint: None,
            },
            Binding {
                keys: &[(key(KeyCode::Right), Act::Next)],
                label: Words("→", "→"),
                help: Words("volgende | verder", "next | on"),
                hint: Some(Words("volgende", "next")),
            },
        ],
    };

    #[test]
    fn keys_find_their_action() {
        assert_eq!(MAP.action(ch('?')), Some(Act::Help));
        // "?" arrives as Shift+/ on some terminals: Shift does not count for characters.
        assert_eq!(
            MAP.action(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Act::Help)
        );
        assert_eq!(MAP.action(ctrl('s')), Some(Act::Save));
        assert_eq!(MAP.action(ch('s')), None, "s is not Ctrl+S");
        assert_eq!(MAP.action(key(KeyCode::Right)), Some(Act::Next));
        // While typing, a character is text; Ctrl keys and arrows stay commands.
        assert_eq!(MAP.command(ch('?'), true), None);
        assert_eq!(MAP.command(ch('?'), false), Some(Act::Help));
        assert_eq!(MAP.command(ctrl('s'), true), Some(Act::Save));
        assert_eq!(MAP.command(key(KeyCode::Right), true), Some(Act::Next));
        assert_eq!(
            MAP.action(alt(KeyCode::Right)),
            None,
            "Alt+→ is another key"
        );
    }

    #[test]
    fn help_hints_and_markdown_come_from_the_table() {
        assert_eq!(MAP.help().len(), 3);
        assert_eq!(
            MAP.hints(&[Act::Next, Act::Save, Act::Help]),
            vec!["→ volgende".to_string(), "? / F1 hulp".to_string()]
        );
        let without_save = MAP.help_where(|a| a != Act::Save);
        assert_eq!(without_save.len(), 2);
        assert!(without_save.iter().all(|(label, _)| label != "Ctrl+S"));
        assert_eq!(key_name(&ctrl('s')), "Ctrl+S");
        assert_eq!(key_name(&ch(' ')), "spatie");
        let md = MAP.markdown(Lang::En);
        assert!(md.starts_with("#### Test\n\n| Key | What it does |"));
        assert!(md.contains("| `→` | next \\| on |"), "{md}");
    }
}
