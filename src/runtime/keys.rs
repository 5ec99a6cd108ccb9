//! The terminal's key events in the state machines' terms ([`crate::keys`]).

use ratatui::crossterm::event as term;

use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

/// A key press as the state machines see it (a held key's repeats count as presses); `None`
/// for a release or a key tafel has no use for (media keys, lone modifiers…).
pub fn from_terminal(key: term::KeyEvent) -> Option<KeyEvent> {
    if key.kind == term::KeyEventKind::Release {
        return None;
    }
    let code = match key.code {
        term::KeyCode::Char(c) => KeyCode::Char(c),
        term::KeyCode::Enter => KeyCode::Enter,
        term::KeyCode::Esc => KeyCode::Esc,
        term::KeyCode::Tab => KeyCode::Tab,
        term::KeyCode::BackTab => KeyCode::BackTab,
        term::KeyCode::Backspace => KeyCode::Backspace,
        term::KeyCode::Delete => KeyCode::Delete,
        term::KeyCode::Insert => KeyCode::Insert,
        term::KeyCode::Up => KeyCode::Up,
        term::KeyCode::Down => KeyCode::Down,
        term::KeyCode::Left => KeyCode::Left,
        term::KeyCode::Right => KeyCode::Right,
        term::KeyCode::Home => KeyCode::Home,
        term::KeyCode::End => KeyCode::End,
        term::KeyCode::PageUp => KeyCode::PageUp,
        term::KeyCode::PageDown => KeyCode::PageDown,
        term::KeyCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (theirs, ours) in [
        (term::KeyModifiers::SHIFT, KeyModifiers::SHIFT),
        (term::KeyModifiers::CONTROL, KeyModifiers::CONTROL),
        (term::KeyModifiers::ALT, KeyModifiers::ALT),
    ] {
        if key.modifiers.contains(theirs) {
            modifiers = modifiers | ours;
        }
    }
    // Terminals send Shift+Tab as BackTab *with* Shift; BackTab already says Shift, and the
    // key tables bind it without.
    if code == KeyCode::BackTab {
        modifiers = modifiers.without(KeyModifiers::SHIFT);
    }
    Some(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presses_pass_and_releases_do_not() {
        let press = term::KeyEvent::new(term::KeyCode::Char('n'), term::KeyModifiers::CONTROL);
        assert_eq!(from_terminal(press), Some(KeyEvent::ctrl('n')));
        let release = term::KeyEvent {
            kind: term::KeyEventKind::Release,
            ..press
        };
        assert_eq!(from_terminal(release), None);
        let media = term::KeyEvent::new(
            term::KeyCode::Media(term::MediaKeyCode::Play),
            term::KeyModifiers::NONE,
        );
        assert_eq!(from_terminal(media), None);
    }

    #[test]
    fn shift_tab_is_back_tab_whatever_the_terminal_adds() {
        for modifiers in [term::KeyModifiers::SHIFT, term::KeyModifiers::NONE] {
            let back = term::KeyEvent::new(term::KeyCode::BackTab, modifiers);
            assert_eq!(
                from_terminal(back),
                Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE))
            );
        }
    }
}
