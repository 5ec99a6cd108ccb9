//! Text that must fit a width on screen: measured in terminal columns (a wide character
//! counts two), and cut with "…" so a reader sees that something is missing.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` as it is when it fits in `max` columns, else cut so that it ends in "…" within
/// `max` columns.
pub fn ellipsize(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `text` as it is when it fits in `max` columns, else cut after the last whole word that
/// fits, ending in "…" (a separator such as "·" is not left dangling). A first word longer
/// than `max` is cut as [`ellipsize`] does.
pub fn ellipsize_words(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut kept = String::new();
    for word in text.split(' ') {
        let longer = if kept.is_empty() {
            word.to_string()
        } else {
            format!("{kept} {word}")
        };
        let candidate = longer.trim_end_matches([' ', '·', ',', ':', ';', '—', '-']);
        if width(candidate) + 1 > max {
            break;
        }
        kept = longer;
    }
    let kept = kept.trim_end_matches([' ', '·', ',', ':', ';', '—', '-']);
    if kept.is_empty() {
        return ellipsize(text, max);
    }
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_whole() {
        assert_eq!(
            ellipsize_words("vr 27-11-2026 · vrijdag", 30),
            "vr 27-11-2026 · vrijdag"
        );
        assert_eq!(
            ellipsize_words("vr 27-11-2026 · vrijdag volgende week", 26),
            "vr 27-11-2026 · vrijdag…"
        );
        assert_eq!(
            ellipsize_words("vr 27-11-2026 · vrijdag volgende week", 20),
            "vr 27-11-2026…"
        );
        assert_eq!(ellipsize_words("Teamgesprek", 5), "Team…");
        for max in 0..40 {
            let cut = ellipsize_words("zo 31-01-2027 · eind januari 🚀", max);
            assert!(width(&cut) <= max, "{cut:?} in {max}");
        }
    }

    #[test]
    fn cut_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(ellipsize("Teamgesprek", 20), "Teamgesprek");
        assert_eq!(
            ellipsize("Teamgesprek Loyale Tegenspraak", 21),
            "Teamgesprek Loyale T…"
        );
        assert_eq!(ellipsize("tot 06:30", 8), "tot 06:…");
        assert_eq!(ellipsize("één twee", 5), "één…");
        assert_eq!(ellipsize("🚀🚀🚀", 4), "🚀…");
        assert_eq!(ellipsize("abc", 1), "…");
        assert_eq!(ellipsize("abc", 0), "");
        for max in 0..12 {
            assert!(width(&ellipsize("Één koers 🚀 samen", max)) <= max);
        }
    }
}
