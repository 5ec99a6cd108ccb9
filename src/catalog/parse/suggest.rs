//! The nearest known id to a mistyped one, for "did you mean" hints.

use crate::tr;

/// ", bedoel je `x`?" for the nearest known id, or nothing when none is close.
pub fn suggestion<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> String {
    did_you_mean(nearest(wrong, known))
}

/// ", bedoel je `x`?" for `best`, found earlier with [`nearest`]; nothing without one.
pub fn did_you_mean(best: Option<&str>) -> String {
    match best {
        Some(best) => tr!("; bedoel je `{best}`?", "; did you mean `{best}`?"),
        None => String::new(),
    }
}

pub fn nearest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::damerau_levenshtein(wrong, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 2).max(2) || k.contains(wrong))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
