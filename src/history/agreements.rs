//! Every agreement across sessions, with its status and due date, for `tafel agreements`: as a
//! table, as CSV for a Dutch Excel, and as an iCalendar file for Outlook and Thunderbird.

use chrono::{NaiveDate, Utc};

use super::listing::Listing;
use super::search;
use crate::session::due;
use crate::session::event::ReviewOutcome;
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    Done,
    Dropped,
}

impl Status {
    pub fn label(self, overdue: bool) -> String {
        match (self, overdue) {
            (Status::Open, true) => tr!("te laat", "overdue"),
            (Status::Open, false) => tr!("open", "open"),
            (Status::Done, _) => tr!("gedaan", "done"),
            (Status::Dropped, _) => tr!("vervallen", "dropped"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub text: String,
    pub owner: Option<String>,
    /// The words typed for "wanneer".
    pub due: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub status: Status,
    pub overdue: bool,
    pub session: String,
    pub session_title: String,
    pub session_day: NaiveDate,
    /// The plan the session followed: a follow-up meeting starts from it.
    pub plan_id: String,
    /// Who took part in the session: a follow-up meeting starts with the same people.
    pub session_participants: Vec<String>,
    pub note: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub open: bool,
    pub overdue: bool,
    pub owner: Option<String>,
}

/// Every agreement in `listing` that passes `filter`, as of `today`: overdue ones first (the
/// oldest date first), then the rest by date (undated last), newest session first.
pub fn collect(listing: &Listing, filter: &Filter, today: NaiveDate) -> Vec<Agreement> {
    use std::collections::HashMap;
    // Oldest session first, so a later review overwrites an earlier one.
    let mut latest: HashMap<(&str, u64), ReviewOutcome> = HashMap::new();
    for hit in listing.sessions.iter().rev() {
        for review in &hit.summary.reviews {
            latest.insert((review.session.as_str(), review.note), review.outcome);
        }
    }
    let owner = filter.owner.as_deref().map(search::fold);
    let mut found: Vec<Agreement> = Vec::new();
    for hit in &listing.sessions {
        let summary = &hit.summary;
        let day = summary.started.date_naive();
        for a in &summary.open_agreements {
            let status = match latest.get(&(summary.id.as_str(), a.note)) {
                Some(ReviewOutcome::Done) => Status::Done,
                Some(ReviewOutcome::Dropped) => Status::Dropped,
                Some(ReviewOutcome::Open) | None => Status::Open,
            };
            // A summary cached before dates were read has none: read the words now.
            let due_date = due::stored_or_read(a.due_date, a.due.as_deref(), day);
            let overdue = status == Status::Open && due_date.is_some_and(|d| d < today);
            found.push(Agreement {
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                due_date,
                status,
                overdue,
                session: summary.id.clone(),
                session_title: summary.title.clone(),
                session_day: day,
                plan_id: summary.plan_id.clone(),
                session_participants: summary.participants.clone(),
                note: a.note,
            });
        }
    }
    found.retain(|a| {
        (!filter.open || a.status == Status::Open)
            && (!filter.overdue || a.overdue)
            && owner.as_deref().is_none_or(|o| {
                a.owner
                    .as_deref()
                    .is_some_and(|name| search::fold(name).contains(o))
            })
    });
    // Stable: within the same date, the listing's order (newest session first) stays.
    found.sort_by_key(|a| (!a.overdue, a.due_date.is_none(), a.due_date));
    found
}

/// "vrijdag (vr 27-11-2026)", or "—" when nothing was said.
pub fn when(a: &Agreement) -> String {
    match (&a.due, a.due_date) {
        (None, None) => "—".into(),
        (typed, date) => due::with_words(typed.as_deref().unwrap_or_default(), date),
    }
}

/// The date first, then the words typed ("vr 27-11-2026 · vrijdag volgende week"), so that a
/// narrow column cuts the words and never the date; the words alone when no date was read,
/// "—" when nothing was said.
pub fn when_date_first(a: &Agreement) -> String {
    let typed = a.due.as_deref().unwrap_or_default().trim();
    match a.due_date {
        None if typed.is_empty() => "—".into(),
        None => typed.to_string(),
        Some(date) if typed.is_empty() => due::label(date),
        Some(date) => format!("{} · {typed}", due::label(date)),
    }
}

/// The table for the terminal.
pub fn table(agreements: &[Agreement]) -> String {
    let header = [
        tr!("AFSPRAAK", "AGREEMENT"),
        tr!("WIE", "WHO"),
        tr!("WANNEER", "WHEN"),
        tr!("STATUS", "STATUS"),
        tr!("SESSIE", "SESSION"),
    ];
    let rows: Vec<Vec<String>> = agreements
        .iter()
        .map(|a| {
            vec![
                a.text.lines().next().unwrap_or_default().to_string(),
                a.owner.clone().unwrap_or_else(|| "—".into()),
                when(a),
                a.status.label(a.overdue),
                a.session.clone(),
            ]
        })
        .collect();
    crate::table::render(&header, &rows)
}

/// One CSV cell for Excel: a formula start (`= + - @`, tab, carriage return) gets a leading
/// `'` so Excel shows it as text; quoted when it holds the separator, a quote or a line end.
pub fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// CSV as a Dutch Excel opens it with a double click: UTF-8 with a byte order mark (so "é"
/// stays "é"), `;` between cells (the Dutch list separator), CRLF line ends, dates as
/// dd-mm-jjjj.
pub fn csv(agreements: &[Agreement]) -> String {
    let header = [
        tr!("Afspraak", "Agreement"),
        tr!("Wie", "Who"),
        tr!("Wanneer (getypt)", "When (typed)"),
        tr!("Datum", "Date"),
        tr!("Status", "Status"),
        tr!("Sessie", "Session"),
        tr!("Sessiedatum", "Session date"),
        tr!("Sessietitel", "Session title"),
    ];
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(";")
            + "\r\n"
    };
    out.push_str(&line(header.to_vec()));
    for a in agreements {
        out.push_str(&line(vec![
            a.text.clone(),
            a.owner.clone().unwrap_or_default(),
            a.due.clone().unwrap_or_default(),
            a.due_date
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_default(),
            a.status.label(a.overdue),
            a.session.clone(),
            a.session_day.format("%d-%m-%Y").to_string(),
            a.session_title.clone(),
        ]));
    }
    out
}

/// Text for an iCalendar value: backslash, `;`, `,` and line ends escaped.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1), never inside a character, with CRLF.
fn fold_line(line: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// The agreements with a date as all-day events on their due date (Outlook does not import
/// to-dos; Thunderbird and Outlook both import all-day events), marked free time so they do
/// not block an agenda. Returns the file and how many agreements had no date.
pub fn ics(agreements: &[Agreement], stamp: chrono::DateTime<Utc>) -> (String, usize) {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//tafel//afspraken//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let mut undated = 0;
    for a in agreements {
        let Some(date) = a.due_date else {
            undated += 1;
            continue;
        };
        let next = date.succ_opt().unwrap_or(date);
        let mut description = Vec::new();
        if let Some(owner) = &a.owner {
            description.push(tr!("Wie: {owner}", "Who: {owner}"));
        }
        if let Some(typed) = &a.due {
            description.push(tr!("Wanneer: {typed}", "When: {typed}"));
        }
        description.push(tr!(
            "Afgesproken in: {} ({})",
            "Agreed in: {} ({})",
            a.session_title,
            a.session_day.format("%d-%m-%Y")
        ));
        let summary = match &a.owner {
            Some(owner) => format!("{} — {owner}", a.text.replace('\n', " ")),
            None => a.text.replace('\n', " "),
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{}@tafel", a.session, a.note),
            format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", ics_text(&summary)),
            format!("DESCRIPTION:{}", ics_text(&description.join("\n"))),
            "TRANSP:TRANSPARENT".to_string(),
            format!(
                "STATUS:{}",
                if a.status == Status::Dropped {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }
            ),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    (lines.iter().map(|l| fold_line(l)).collect(), undated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_in_csv() {
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("+31 6"), "'+31 6");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@Anna"), "'@Anna");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("zeg \"ja\""), "\"zeg \"\"ja\"\"\"");
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv_cell("gewoon"), "gewoon");
    }

    #[test]
    fn ics_lines_fold_at_75_octets_between_characters() {
        let folded = fold_line(&format!("SUMMARY:{}", "é".repeat(60)));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
