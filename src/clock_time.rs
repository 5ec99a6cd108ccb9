//! Clock times the way people write them in a Dutch meeting: "14:30", "14.30", "14u30",
//! "7u", "7 uur", "7.00", "0730", "14:30 uur". One parser for plans ("tot") and for the
//! agenda, so what a plan file accepts and what the facilitator can type are the same.

use chrono::NaiveTime;

/// The time of day in `text`, or `None` when it is not one.
pub fn parse(text: &str) -> Option<NaiveTime> {
    let text = text.trim().to_lowercase();
    let text = text
        .strip_suffix("uur")
        .or_else(|| text.strip_suffix('u'))
        .or_else(|| text.strip_suffix('h'))
        .unwrap_or(&text)
        .trim_end();
    let (hours, minutes) = split(text)?;
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !(minutes.is_empty() || (minutes.len() == 2 && all_digits(minutes))) {
        return None;
    }
    let minutes = if minutes.is_empty() { "0" } else { minutes };
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

/// Hours and minutes ("" for a whole hour).
fn split(text: &str) -> Option<(&str, &str)> {
    for separator in [':', '.', 'u'] {
        if let Some((h, m)) = text.split_once(separator) {
            return Some((h.trim(), m.trim()));
        }
    }
    match text.len() {
        1 | 2 => Some((text, "")),
        // "0730", "1430"
        3 | 4 => Some(text.split_at(text.len() - 2)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn the_common_dutch_ways_of_writing_a_time() {
        for (text, want) in [
            ("14:30", t(14, 30)),
            ("14.30", t(14, 30)),
            ("14u30", t(14, 30)),
            ("14u", t(14, 0)),
            ("7u", t(7, 0)),
            ("7.00", t(7, 0)),
            ("7:05", t(7, 5)),
            ("7 uur", t(7, 0)),
            ("14:30 uur", t(14, 30)),
            ("14.30u", t(14, 30)),
            ("0730", t(7, 30)),
            ("1430", t(14, 30)),
            ("930", t(9, 30)),
            ("14", t(14, 0)),
            (" 9:45 ", t(9, 45)),
            ("9h", t(9, 0)),
            ("09:00", t(9, 0)),
            ("24:00", None),
            ("14:60", None),
            ("14:3", None),
            ("14:300", None),
            ("half drie", None),
            ("", None),
            ("-1:00", None),
            ("14::30", None),
            ("12345", None),
        ] {
            assert_eq!(parse(text), want, "{text:?}");
        }
    }
}
