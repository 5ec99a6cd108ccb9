//! Text from files and journals on its way to the terminal. A deck, a session file or a file
//! name may hold control characters (an escape sequence retitles or clears the terminal);
//! `tafel` never prints them raw, but shows them visibly as `\u{1b}`.

use std::borrow::Cow;

/// `text` with every control character (C0, DEL, C1) written as a visible escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `visible`, keeping line breaks (for text that is printed over several lines).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<str>> = text.split('\n').map(visible).collect();
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("gewoon één"), "gewoon één");
        assert_eq!(visible("a\u{1b}]2;X\u{7}b"), "a\\u{1b}]2;X\\u{7}b");
        assert_eq!(visible("\u{9b}\n"), "\\u{9b}\\u{a}");
        assert_eq!(visible_lines("a\nb\u{1b}"), "a\nb\\u{1b}");
    }
}
