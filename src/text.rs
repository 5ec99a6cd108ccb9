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

/// Text folded for searching, so that "een" finds "één" and "ELK" finds "elk": lower case,
/// accents removed (Unicode decomposition, then combining marks dropped). Used by every
/// search in tafel: sessions, replay, the deck browser, agreements.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title as a file-name part: lowercase `a-z`, `0-9` and single `-`, at most `max`
/// characters, accents folded ("Ideeën" → "ideeen"); empty when nothing is left. One rule
/// for session files and exported documents, so a name never leaves its directory.
pub fn slug(title: &str, max: usize) -> String {
    let mut out = String::new();
    for c in fold(title).chars() {
        let plain = match c {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ĳ' => "ij",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if plain == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(plain);
        }
    }
    let mut out: String = out.chars().take(max).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(slug("Retro Sprint 12", 40), "retro-sprint-12");
        assert_eq!(slug("  Ideeën & Afspraken!! ", 40), "ideeen-afspraken");
        assert_eq!(slug("../../etc/passwd", 40), "etc-passwd");
        assert_eq!(slug("Straße Œuvre", 40), "strasse-oeuvre");
        assert_eq!(slug("💥", 40), "");
        let long = slug(&"ab ".repeat(50), 40);
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("gewoon één"), "gewoon één");
        assert_eq!(visible("a\u{1b}]2;X\u{7}b"), "a\\u{1b}]2;X\\u{7}b");
        assert_eq!(visible("\u{9b}\n"), "\\u{9b}\\u{a}");
        assert_eq!(visible_lines("a\nb\u{1b}"), "a\nb\\u{1b}");
    }
}
