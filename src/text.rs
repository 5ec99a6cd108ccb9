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

/// A length of time in words that cannot be misread as a clock time: "45 s", "15 min",
/// "1 u 11 min" ("1 h 11 min"). "1:00" read aloud sounds like an hour; m:ss stays only for a
/// running countdown, where it is the convention. Whole minutes (rounded to the nearest)
/// from one minute on, seconds below it.
pub fn duration_text(ms: u64) -> String {
    let secs = ms / 1000;
    if secs == 0 {
        return "0 min".to_string();
    }
    if secs < 60 {
        return format!("{secs} s");
    }
    let minutes = (ms + 30_000) / 60_000;
    let (hours, minutes) = (minutes / 60, minutes % 60);
    match (hours, minutes) {
        (0, m) => format!("{m} min"),
        (h, 0) => crate::tr!("{h} u", "{h} h"),
        (h, m) => crate::tr!("{h} u {m} min", "{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_said_in_words_never_as_a_clock() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        assert_eq!(duration_text(0), "0 min");
        assert_eq!(duration_text(15_000), "15 s");
        assert_eq!(duration_text(59_999), "59 s");
        assert_eq!(duration_text(60_000), "1 min");
        assert_eq!(duration_text(89_999), "1 min");
        assert_eq!(duration_text(90_000), "2 min");
        assert_eq!(duration_text(15 * 60_000), "15 min");
        assert_eq!(duration_text(59 * 60_000 + 40_000), "1 u");
        assert_eq!(duration_text(71 * 60_000), "1 u 11 min");
        assert_eq!(duration_text(3 * 3_600_000 + 5 * 60_000), "3 u 5 min");
    }

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
