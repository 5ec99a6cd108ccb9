//! "Wanneer" as people say it: "vrijdag", "volgende week", "12-12", "12 december", "over twee
//! weken", "eind januari", "week 50", an ISO date, and the same in English. [`resolve`] reads
//! it as a date relative to the session's day; what is not a date gives `None` and stays text.
//! Pure: no clock, no locale.
//!
//! Choices, so the same words always mean the same day:
//! - a weekday ("vrijdag", "volgende vrijdag", "next friday") is the first one after the day
//!   itself; "vrijdag volgende week" / "next week friday" is the one in the next week;
//! - "deze week" / "volgende week" is the Friday of that week (the end of the working week),
//!   "begin volgende week" its Monday;
//! - a day and month without a year ("12-12", "12 december") is the first one on or after the
//!   day; "eind januari" the last day of that month, "half januari" the 15th, "begin januari"
//!   the 1st; "volgende maand" the last day of next month;
//! - "week 50" is the Friday of that ISO week (this year, or next year once it has passed).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::tr;

/// The date `text` names, counted from `today`; `None` when it is not a date.
pub fn resolve(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let cleaned = normalize(text);
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = strip_prefixes(&words);
    if words.is_empty() {
        return None;
    }
    // "vrijdag 28 november", "vr 12-12": the date says it all; the weekday is a courtesy.
    if let [first, rest @ ..] = words
        && weekday(first).is_some()
        && !rest.is_empty()
    {
        let phrase = rest.join(" ");
        if let Some(date) = iso(&phrase)
            .or_else(|| numeric(&phrase, today))
            .or_else(|| day_and_month(rest, today))
        {
            return Some(date);
        }
    }
    let phrase = words.join(" ");
    relative_day(&phrase, today)
        .or_else(|| iso(&phrase))
        .or_else(|| numeric(&phrase, today))
        .or_else(|| span(words, today))
        .or_else(|| week_phrase(words, today))
        .or_else(|| weekday_phrase(words, today))
        .or_else(|| month_part(words, today))
        .or_else(|| day_and_month(words, today))
        .or_else(|| week_number(words, today))
}

/// "vr 27-11-2026" (Dutch) or "Fri 27-11-2026" (English).
pub fn label(date: NaiveDate) -> String {
    let day = match date.weekday() {
        Weekday::Mon => tr!("ma", "Mon"),
        Weekday::Tue => tr!("di", "Tue"),
        Weekday::Wed => tr!("wo", "Wed"),
        Weekday::Thu => tr!("do", "Thu"),
        Weekday::Fri => tr!("vr", "Fri"),
        Weekday::Sat => tr!("za", "Sat"),
        Weekday::Sun => tr!("zo", "Sun"),
    };
    format!("{day} {}", date.format("%d-%m-%Y"))
}

/// The typed words with the date beside them: "vrijdag (vr 27-11-2026)"; just the words when
/// they are no date, or just the date when the words were the date itself.
pub fn with_words(typed: &str, date: Option<NaiveDate>) -> String {
    let typed = typed.trim();
    match date {
        None => typed.to_string(),
        Some(date) if typed.is_empty() => label(date),
        Some(date) => format!("{typed} ({})", label(date)),
    }
}

/// The date stored with an agreement, or for one saved before dates were read, its words
/// read now against the session's `day`.
pub fn stored_or_read(
    stored: Option<NaiveDate>,
    typed: Option<&str>,
    day: NaiveDate,
) -> Option<NaiveDate> {
    stored.or_else(|| typed.and_then(|t| resolve(t, day)))
}

/// Lower case, accents on the vowels Dutch uses dropped, punctuation around words removed (the
/// separators inside "12-12" and "12.12.2026" stay).
fn normalize(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'ë' | 'è' | 'ê' => 'e',
            'ó' | 'ö' | 'ò' => 'o',
            'á' | 'à' | 'ä' => 'a',
            'í' | 'ï' => 'i',
            'ú' | 'ü' => 'u',
            ',' | ';' | '!' | '?' | '(' | ')' | '\'' | '"' => ' ',
            c => c,
        })
        .collect();
    lower
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words around a date that do not change it: "vanaf", "uiterlijk", "voor", "by", "on", …
fn strip_prefixes<'a>(mut words: &'a [&'a str]) -> &'a [&'a str] {
    const PREFIXES: &[&str] = &[
        "vanaf",
        "voor",
        "uiterlijk",
        "op",
        "per",
        "tot",
        "tegen",
        "rond",
        "by",
        "before",
        "on",
        "from",
        "until",
        "due",
        "around",
        "latest",
        "deadline",
        "the",
        "de",
        "het",
    ];
    while let Some((first, rest)) = words.split_first() {
        if PREFIXES.contains(first) && !rest.is_empty() {
            words = rest;
        } else {
            break;
        }
    }
    while let Some((last, rest)) = words.split_last() {
        if matches!(*last, "uiterlijk" | "latest" | "a.s" | "as") && !rest.is_empty() {
            words = rest;
        } else {
            break;
        }
    }
    words
}

fn relative_day(phrase: &str, today: NaiveDate) -> Option<NaiveDate> {
    let days = match phrase {
        "vandaag" | "today" | "vanavond" | "tonight" => 0,
        "morgen" | "tomorrow" => 1,
        "overmorgen" | "day after tomorrow" => 2,
        _ => return None,
    };
    today.checked_add_days(Days::new(days))
}

fn iso(phrase: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(phrase, "%Y-%m-%d")
        .ok()
        .filter(|_| phrase.len() >= 8 && phrase.as_bytes()[4] == b'-')
}

/// "12-12", "12/12", "12.12", with an optional year ("12-12-2026", "12/12/26").
fn numeric(phrase: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = phrase.split(['-', '/', '.']).collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    match parts.get(2) {
        None => next_on_or_after(day, month, today),
        Some(year) => {
            let year: i32 = year.parse().ok()?;
            let year = match year {
                0..=99 => 2000 + year,
                1000..=9999 => year,
                _ => return None,
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// The first `day`-`month` on or after `today`.
fn next_on_or_after(day: u32, month: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
    match this_year {
        Some(date) if date >= today => Some(date),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
    }
}

fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    Some(match word {
        "een" | "a" | "an" | "one" => 1,
        "twee" | "two" => 2,
        "drie" | "three" => 3,
        "vier" | "four" => 4,
        "vijf" | "five" => 5,
        "zes" | "six" => 6,
        "zeven" | "seven" => 7,
        "acht" | "eight" => 8,
        "negen" | "nine" => 9,
        "tien" | "ten" => 10,
        "elf" | "eleven" => 11,
        "twaalf" | "twelve" => 12,
        _ => return None,
    })
}

/// "over twee weken", "in 3 days", "binnen een maand", "within a week".
fn span(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let [lead, count, unit] = words else {
        return match words {
            // "over een week" without a number word in the middle: "over een week" has one.
            [lead, unit] if matches!(*lead, "over" | "in" | "binnen" | "within") => {
                add(today, 1, unit)
            }
            _ => None,
        };
    };
    if !matches!(*lead, "over" | "in" | "binnen" | "within") {
        return None;
    }
    add(today, number(count)?, unit)
}

fn add(today: NaiveDate, count: u32, unit: &str) -> Option<NaiveDate> {
    match unit {
        "dag" | "dagen" | "day" | "days" => today.checked_add_days(Days::new(count.into())),
        "week" | "weken" | "weeks" => today.checked_add_days(Days::new(u64::from(count) * 7)),
        "maand" | "maanden" | "month" | "months" => today.checked_add_months(Months::new(count)),
        _ => None,
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "maandag" | "ma" | "monday" | "mon" => Weekday::Mon,
        "dinsdag" | "di" | "tuesday" | "tue" | "tues" => Weekday::Tue,
        "woensdag" | "wo" | "wednesday" | "wed" => Weekday::Wed,
        "donderdag" | "do" | "thursday" | "thu" | "thurs" => Weekday::Thu,
        "vrijdag" | "vr" | "friday" | "fri" => Weekday::Fri,
        "zaterdag" | "za" | "saturday" | "sat" => Weekday::Sat,
        "zondag" | "zo" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// The Monday of the week `today` is in.
fn monday_of(today: NaiveDate) -> NaiveDate {
    today - Days::new(today.weekday().num_days_from_monday().into())
}

fn in_week(monday: NaiveDate, day: Weekday) -> NaiveDate {
    monday + Days::new(day.num_days_from_monday().into())
}

fn is_next(word: &str) -> bool {
    matches!(word, "volgende" | "komende" | "next")
}

fn is_this(word: &str) -> bool {
    matches!(word, "deze" | "dit" | "this")
}

fn is_end(word: &str) -> bool {
    matches!(word, "eind" | "einde" | "end")
}

fn is_start(word: &str) -> bool {
    matches!(word, "begin" | "start" | "early")
}

/// "volgende week", "deze week", "eind volgende week", "begin volgende week", "end of next
/// week", "eind van de week".
fn week_phrase(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "of" | "van" | "de" | "the"))
        .collect();
    let (part, rest) = match words.split_first() {
        Some((first, rest)) if is_end(first) => (Weekday::Fri, rest),
        Some((first, rest)) if is_start(first) => (Weekday::Mon, rest),
        _ => (Weekday::Fri, &words[..]),
    };
    let monday = match rest {
        [which, "week"] if is_next(which) => monday_of(today) + Days::new(7),
        [which, "week"] if is_this(which) => monday_of(today),
        ["week"] if part == Weekday::Fri && words.len() == 2 => monday_of(today),
        _ => return None,
    };
    Some(in_week(monday, part).max(today))
}

/// "vrijdag", "volgende vrijdag", "next friday", "vrijdag volgende week", "next week friday".
fn weekday_phrase(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let next_week = monday_of(today) + Days::new(7);
    let coming = |day: Weekday| {
        let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        today + Days::new(if ahead == 0 { 7 } else { ahead.into() })
    };
    match words {
        [day] => weekday(day).map(coming),
        [which, day] if is_next(which) || is_this(which) => weekday(day).map(coming),
        [day, which, "week"] if is_next(which) => weekday(day).map(|d| in_week(next_week, d)),
        [which, "week", day] if is_next(which) => weekday(day).map(|d| in_week(next_week, d)),
        _ => None,
    }
}

fn month(word: &str) -> Option<u32> {
    Some(match word {
        "januari" | "january" | "jan" => 1,
        "februari" | "february" | "feb" | "febr" => 2,
        "maart" | "march" | "mrt" | "mar" | "maa" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "augustus" | "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// "12", "12e", "12th", "1st", "2nd", "3rd": a day of the month.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "e" | "ste" | "de" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    word.parse().ok().filter(|y| (2000..=2999).contains(y))
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// "12 december", "december 12", "12th of december", "12 dec 2026".
fn day_and_month(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = words.iter().copied().filter(|w| *w != "of").collect();
    let (day, month_number, rest) = match words.as_slice() {
        [d, m, rest @ ..] if day_number(d).is_some() && month(m).is_some() => {
            (day_number(d)?, month(m)?, rest)
        }
        [m, d, rest @ ..] if day_number(d).is_some() && month(m).is_some() => {
            (day_number(d)?, month(m)?, rest)
        }
        _ => return None,
    };
    match rest {
        [] => next_on_or_after(day, month_number, today),
        [y] => NaiveDate::from_ymd_opt(year(y)?, month_number, day),
        _ => None,
    }
}

/// "eind januari", "half maart", "begin april 2027", "eind van de maand", "end of next month",
/// "volgende maand", "eind dit jaar".
fn month_part(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "of" | "van" | "de" | "the" | "het"))
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum Part {
        Start,
        Middle,
        End,
    }
    let (part, rest) = match words.split_first()? {
        (first, rest) if is_end(first) => (Part::End, rest),
        (first, rest) if is_start(first) => (Part::Start, rest),
        (first, rest) if matches!(*first, "half" | "medio" | "mid" | "midden") => {
            (Part::Middle, rest)
        }
        // "volgende maand" on its own: by the end of next month.
        _ => (Part::End, &words[..]),
    };
    let in_month = |year: i32, month: u32| match part {
        Part::Start => NaiveDate::from_ymd_opt(year, month, 1),
        Part::Middle => NaiveDate::from_ymd_opt(year, month, 15),
        Part::End => last_day(year, month),
    };
    let explicit = part != Part::End || words.len() > rest.len();
    match rest {
        ["maand" | "month"] if explicit => in_month(today.year(), today.month()),
        [which, "maand" | "month"] if is_this(which) => in_month(today.year(), today.month()),
        [which, "maand" | "month"] if is_next(which) => {
            let next = today.with_day(1)?.checked_add_months(Months::new(1))?;
            in_month(next.year(), next.month())
        }
        ["jaar" | "year"] if explicit && part == Part::End => {
            NaiveDate::from_ymd_opt(today.year(), 12, 31)
        }
        [which, "jaar" | "year"] if is_this(which) && part == Part::End => {
            NaiveDate::from_ymd_opt(today.year(), 12, 31)
        }
        [m] if explicit => {
            let m = month(m)?;
            let date = in_month(today.year(), m)?;
            if last_day(today.year(), m)? < today {
                in_month(today.year() + 1, m)
            } else {
                Some(date.max(today))
            }
        }
        [m, y] if explicit => in_month(year(y)?, month(m)?),
        _ => None,
    }
}

/// "week 50", "wk 50", "week 2 2027": the Friday of that ISO week.
fn week_number(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let (week, year) = match words {
        ["week" | "wk", n] => {
            let week: u32 = n.parse().ok()?;
            let this_year = NaiveDate::from_isoywd_opt(today.iso_week().year(), week, Weekday::Fri);
            match this_year {
                Some(date) if date >= today => return Some(date),
                _ => (week, today.iso_week().year() + 1),
            }
        }
        ["week" | "wk", n, y] => (n.parse().ok()?, year(y)?),
        _ => return None,
    };
    NaiveDate::from_isoywd_opt(year, week, Weekday::Fri)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// The example session's day: Sunday 22 November 2026.
    const TODAY: &str = "2026-11-22";

    #[test]
    fn phrasings_in_dutch_and_english() {
        let today = day(TODAY);
        let table: &[(&str, Option<&str>)] = &[
            // Weekdays: the first one after the session's day.
            ("vrijdag", Some("2026-11-27")),
            ("Vrijdag", Some("2026-11-27")),
            ("vr", Some("2026-11-27")),
            ("maandag", Some("2026-11-23")),
            ("zondag", Some("2026-11-29")),
            ("volgende vrijdag", Some("2026-11-27")),
            ("komende dinsdag", Some("2026-11-24")),
            ("vrijdag volgende week", Some("2026-11-27")),
            ("volgende week woensdag", Some("2026-11-25")),
            ("uiterlijk vrijdag", Some("2026-11-27")),
            ("friday", Some("2026-11-27")),
            ("next Tuesday", Some("2026-11-24")),
            ("Thursday next week", Some("2026-11-26")),
            ("by Friday", Some("2026-11-27")),
            // Days counted from today.
            ("vandaag", Some("2026-11-22")),
            ("morgen", Some("2026-11-23")),
            ("overmorgen", Some("2026-11-24")),
            ("today", Some("2026-11-22")),
            ("tomorrow", Some("2026-11-23")),
            ("over twee weken", Some("2026-12-06")),
            ("over 2 weken", Some("2026-12-06")),
            ("over een week", Some("2026-11-29")),
            ("over één week", Some("2026-11-29")),
            ("over zes weken", Some("2027-01-03")),
            ("over 10 dagen", Some("2026-12-02")),
            ("binnen een maand", Some("2026-12-22")),
            ("in two weeks", Some("2026-12-06")),
            ("in 3 days", Some("2026-11-25")),
            ("within a month", Some("2026-12-22")),
            // Weeks: the Friday of the week (on a Sunday, next week starts tomorrow).
            ("volgende week", Some("2026-11-27")),
            ("deze week", Some("2026-11-22")),
            ("eind volgende week", Some("2026-11-27")),
            ("begin volgende week", Some("2026-11-23")),
            ("next week", Some("2026-11-27")),
            ("end of next week", Some("2026-11-27")),
            ("week 50", Some("2026-12-11")),
            ("wk 2", Some("2027-01-15")),
            ("week 3 2027", Some("2027-01-22")),
            // Day and month: the next one on or after today.
            ("12-12", Some("2026-12-12")),
            ("12/12", Some("2026-12-12")),
            ("1-3", Some("2027-03-01")),
            ("12-12-2026", Some("2026-12-12")),
            ("3.2.27", Some("2027-02-03")),
            ("12 december", Some("2026-12-12")),
            ("12 dec", Some("2026-12-12")),
            ("vrijdag 27 november", Some("2026-11-27")),
            ("vr 4-12", Some("2026-12-04")),
            ("Friday, December 4th", Some("2026-12-04")),
            ("vanaf 1 december", Some("2026-12-01")),
            ("15 januari", Some("2027-01-15")),
            ("22 november", Some("2026-11-22")),
            ("21 november", Some("2027-11-21")),
            ("1 maart 2027", Some("2027-03-01")),
            ("December 12", Some("2026-12-12")),
            ("12th of December", Some("2026-12-12")),
            ("Jan 3rd", Some("2027-01-03")),
            ("2026-12-12", Some("2026-12-12")),
            ("2027-01-05", Some("2027-01-05")),
            // Parts of a month or year.
            ("eind januari", Some("2027-01-31")),
            ("begin februari", Some("2027-02-01")),
            ("half maart", Some("2027-03-15")),
            ("medio april 2027", Some("2027-04-15")),
            ("eind november", Some("2026-11-30")),
            ("end of January", Some("2027-01-31")),
            ("mid February", Some("2027-02-15")),
            ("eind van de maand", Some("2026-11-30")),
            ("end of the month", Some("2026-11-30")),
            ("volgende maand", Some("2026-12-31")),
            ("begin volgende maand", Some("2026-12-01")),
            ("next month", Some("2026-12-31")),
            ("eind dit jaar", Some("2026-12-31")),
            ("end of the year", Some("2026-12-31")),
            // Not a date: stays text.
            ("z.s.m.", None),
            ("asap", None),
            ("doorlopend", None),
            ("na de zomer", None),
            ("31-02", None),
            ("32 december", None),
            ("13-13-2026", None),
            ("week 60", None),
            ("", None),
            ("vrijdag of maandag", None),
            ("garbage", None),
            ("<script>", None),
        ];
        let mut wrong = Vec::new();
        for (text, want) in table {
            let got = resolve(text, today);
            let want = want.map(day);
            if got != want {
                wrong.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(table.len() >= 40);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn midweek_a_weekday_is_this_week_and_next_week_is_the_one_after() {
        let wednesday = day("2026-11-25");
        assert_eq!(resolve("vrijdag", wednesday), Some(day("2026-11-27")));
        assert_eq!(
            resolve("vrijdag volgende week", wednesday),
            Some(day("2026-12-04"))
        );
        assert_eq!(resolve("volgende week", wednesday), Some(day("2026-12-04")));
        assert_eq!(resolve("deze week", wednesday), Some(day("2026-11-27")));
        assert_eq!(resolve("maandag", wednesday), Some(day("2026-11-30")));
    }

    #[test]
    fn on_a_friday_vrijdag_is_the_next_one() {
        let friday = day("2026-11-27");
        assert_eq!(resolve("vrijdag", friday), Some(day("2026-12-04")));
        assert_eq!(resolve("volgende week", friday), Some(day("2026-12-04")));
        assert_eq!(resolve("deze week", friday), Some(friday));
    }

    #[test]
    fn the_words_stay_beside_the_date() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let date = day("2026-11-27");
        assert_eq!(with_words("vrijdag", Some(date)), "vrijdag (vr 27-11-2026)");
        assert_eq!(with_words("z.s.m.", None), "z.s.m.");
        assert_eq!(with_words("", Some(date)), "vr 27-11-2026");
    }
}
