//! Agreements with real dates: the date stored when saved, `tafel agreements` in every format,
//! and the chain of follow-up meetings (an agreement kept open in B comes up again after B).

mod common;

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use common::harness::{Setup, journal_text, koers_wat_start, minute_records};
use common::tafel;
use tafel::session::event::{ReviewItem, ReviewOutcome};
use tafel::session::{Event, NoteKind, Session};

const A: &str = "20261120-140000-koers-wat-aaaa";
const B: &str = "20261204-100000-koers-wat-bbbb";
const C: &str = "20261218-100000-koers-wat-cccc";

/// What a command gets, for sessions in `dir`; the index goes to a temporary cache.
fn context(dir: &Path) -> tafel::commands::Context {
    static CACHE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        let cache = tempfile::tempdir().unwrap();
        // SAFETY: set once, before any test in this binary reads the environment for it.
        unsafe { std::env::set_var("TAFEL_CACHE_DIR", cache.path()) };
        cache
    });
    assert!(cache.path().is_dir());
    let mut ctx = tafel::commands::Context::with_library(
        tafel::config::Settings::default(),
        tafel::catalog::Library::bundled(),
    );
    ctx.sessions_dir = Some(dir.to_path_buf());
    ctx
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn agreement(id: u64, text: &str, owner: &str, due: &str, due_date: Option<&str>) -> Event {
    Event::NoteAdded {
        id,
        kind: NoteKind::Agreement,
        text: text.into(),
        owner: Some(owner.into()),
        due: Some(due.into()),
        due_date: due_date.map(date),
        round: 0,
        card: None,
    }
}

/// A session on disk: started at `start`, one round with `events` in it, ended.
fn write(dir: &Path, id: &str, start: &str, title: &str, head: Vec<Event>, events: Vec<Event>) {
    let start = DateTime::parse_from_rfc3339(start).unwrap();
    let mut all = vec![koers_wat_start(title, start).event];
    all.extend(head);
    all.push(Event::RoundStarted {
        round: 0,
        planned_ms: 300_000,
    });
    all.extend(events);
    all.extend([Event::RoundEnded { round: 0 }, Event::SessionEnded]);
    let text = journal_text(&minute_records(start, all));
    std::fs::write(dir.join(format!("{id}.jsonl")), text).unwrap();
}

/// A (Friday 20 November): three agreements; the third written before dates were stored.
fn write_a(dir: &Path) {
    write(
        dir,
        A,
        "2026-11-20T14:00:00+01:00",
        "Teamdag",
        Vec::new(),
        vec![
            agreement(
                1,
                "Verslag rondsturen",
                "Bram",
                "vrijdag",
                Some("2026-11-27"),
            ),
            agreement(2, "=HYPERLINK(\"x\")", "@Anna", "z.s.m.", None),
            agreement(3, "Wijkbezoek plannen", "Chris", "15 januari", None),
        ],
    );
}

fn item(session: Option<&str>, note: u64, text: &str) -> ReviewItem {
    ReviewItem {
        session: session.map(String::from),
        note,
        text: text.into(),
        owner: None,
        due: None,
        due_date: None,
    }
}

/// B (4 December) follows up A: 1 kept open, 2 done, 3 not reached; one agreement of its own.
fn write_b(dir: &Path) {
    write(
        dir,
        B,
        "2026-12-04T10:00:00+01:00",
        "Vervolg 1",
        vec![
            Event::FollowUpOpened {
                session: A.into(),
                title: "Teamdag".into(),
                agreements: vec![
                    item(None, 1, "Verslag rondsturen"),
                    item(None, 2, "=HYPERLINK(\"x\")"),
                    item(None, 3, "Wijkbezoek plannen"),
                ],
            },
            Event::AgreementReviewed {
                session: A.into(),
                note: 1,
                outcome: ReviewOutcome::Open,
            },
            Event::AgreementReviewed {
                session: A.into(),
                note: 2,
                outcome: ReviewOutcome::Done,
            },
        ],
        vec![agreement(
            1,
            "Nieuwe afspraak",
            "Anna de Vries",
            "over twee weken",
            Some("2026-12-18"),
        )],
    );
}

#[test]
fn a_saved_agreement_keeps_the_date_its_words_were_read_as() {
    // The default session starts on Friday 14 March 2025: "vrijdag" is the next Friday.
    let mut rig = Setup::custom(&[("Een", 10)]).start();
    rig.agreement("Verslag rondsturen", "Anna", "vrijdag");
    rig.agreement("Iets anders", "Bram", "z.s.m.");
    let dates: Vec<(Option<String>, Option<NaiveDate>)> = rig
        .journal
        .iter()
        .filter_map(|r| match &r.event {
            Event::NoteAdded { due, due_date, .. } => Some((due.clone(), *due_date)),
            _ => None,
        })
        .collect();
    assert_eq!(
        dates,
        [
            (Some("vrijdag".into()), Some(date("2025-03-21"))),
            (Some("z.s.m.".into()), None),
        ]
    );
    // Written as an optional field: a journal without it still reads.
    let line = serde_json::to_string(&rig.journal[rig.journal.len() - 1]).unwrap();
    assert!(!line.contains("due_date"), "{line}");
    let old = r#"{"seq":3,"at":"2026-11-22T15:16:01Z","t":1,"type":"note_added","id":9,"kind":"agreement","text":"x","due":"vrijdag","round":0}"#;
    let record: tafel::session::Record = serde_json::from_str(old).unwrap();
    assert!(matches!(
        record.event,
        Event::NoteAdded { due_date: None, .. }
    ));
}

#[test]
fn an_agreement_kept_open_in_b_comes_up_again_when_following_up_b() {
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    write_b(dir.path());
    let Event::FollowUpOpened {
        session,
        agreements,
        ..
    } = tafel::commands::run::follow_up_event(&context(dir.path()), B).unwrap()
    else {
        panic!("a follow-up event");
    };
    assert_eq!(session, B);
    let listed: Vec<(Option<&str>, u64, &str)> = agreements
        .iter()
        .map(|i| (i.session.as_deref(), i.note, i.text.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (Some(A), 1, "Verslag rondsturen"),
            (Some(A), 3, "Wijkbezoek plannen"),
            (None, 1, "Nieuwe afspraak"),
        ]
    );
    // Meeting C follows up B and closes A's agreement: the review names A, where it was made.
    write(
        dir.path(),
        C,
        "2026-12-18T10:00:00+01:00",
        "Vervolg 2",
        vec![
            Event::FollowUpOpened {
                session: B.into(),
                title: "Vervolg 1".into(),
                agreements: agreements.clone(),
            },
            Event::AgreementReviewed {
                session: A.into(),
                note: 1,
                outcome: ReviewOutcome::Done,
            },
            Event::AgreementReviewed {
                session: B.into(),
                note: 1,
                outcome: ReviewOutcome::Dropped,
            },
        ],
        Vec::new(),
    );
    let loaded = tafel::storage::journal::load(&dir.path().join(format!("{C}.jsonl"))).unwrap();
    let c = Session::from_records(&loaded.records).expect("the reviews fit the list");
    let outcomes: Vec<Option<ReviewOutcome>> =
        c.follow_up.unwrap().items.iter().map(|(_, o)| *o).collect();
    assert_eq!(
        outcomes,
        [
            Some(ReviewOutcome::Done),
            None,
            Some(ReviewOutcome::Dropped)
        ]
    );
    let sessions = dir.path().to_str().unwrap();
    let run = tafel(&["agreements", "--open", "--sessions-dir", sessions]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Wijkbezoek plannen"), "{}", run.stdout);
    assert!(!run.stdout.contains("Verslag rondsturen"), "{}", run.stdout);
    assert!(!run.stdout.contains("Nieuwe afspraak"), "{}", run.stdout);
    // And following up C brings the one still open, from A.
    let Event::FollowUpOpened { agreements, .. } =
        tafel::commands::run::follow_up_event(&context(dir.path()), C).unwrap()
    else {
        panic!("a follow-up event");
    };
    let listed: Vec<(Option<&str>, u64)> = agreements
        .iter()
        .map(|i| (i.session.as_deref(), i.note))
        .collect();
    assert_eq!(listed, [(Some(A), 3)]);
}

fn agreements_run(dir: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "agreements",
        "--sessions-dir",
        dir.to_str().unwrap(),
        "--today",
        "2026-12-10",
    ];
    args.extend_from_slice(extra);
    let run = tafel(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

#[test]
fn agreements_are_listed_overdue_first_with_their_dates() {
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    write_b(dir.path());
    let run = agreements_run(dir.path(), &[]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("AFSPRAAK"), "{}", run.stdout);
    // Overdue (27 November, still open after B), then by date, then undated; done included.
    assert!(lines[1].starts_with("Verslag rondsturen"), "{}", run.stdout);
    assert!(
        lines[1].contains("vrijdag (vr 27-11-2026)"),
        "{}",
        run.stdout
    );
    assert!(lines[1].contains("te laat"), "{}", run.stdout);
    assert!(lines[2].starts_with("Nieuwe afspraak"), "{}", run.stdout);
    assert!(lines[2].contains("over twee weken (vr 18-12-2026)"));
    // Stored before dates were read: the words are read against A's day.
    assert!(
        lines[3].contains("15 januari (vr 15-01-2027)"),
        "{}",
        run.stdout
    );
    assert!(lines[4].contains("gedaan"), "{}", run.stdout);
    assert_eq!(lines.len(), 5);

    let open = agreements_run(dir.path(), &["--open"]);
    assert!(!open.stdout.contains("gedaan"), "{}", open.stdout);
    assert_eq!(open.stdout.lines().count(), 4);
    let overdue = agreements_run(dir.path(), &["--overdue"]);
    assert_eq!(overdue.stdout.lines().count(), 2, "{}", overdue.stdout);
    let owner = agreements_run(dir.path(), &["--owner", "ANNA"]);
    assert!(owner.stdout.contains("Nieuwe afspraak"), "{}", owner.stdout);
    assert!(owner.stdout.contains("HYPERLINK"), "{}", owner.stdout);
    assert_eq!(owner.stdout.lines().count(), 3, "{}", owner.stdout);
    let nobody = agreements_run(dir.path(), &["--owner", "Zoë"]);
    assert_eq!(nobody.stdout.trim(), "geen afspraken gevonden");
}

#[test]
fn csv_opens_in_a_dutch_excel_without_formulas() {
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    write_b(dir.path());
    let run = agreements_run(dir.path(), &["--format", "csv"]);
    let csv = &run.stdout;
    assert!(csv.starts_with('\u{feff}'), "a byte order mark for Excel");
    assert!(csv.ends_with("\r\n"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Afspraak;Wie;Wanneer (getypt);Datum;Status;Sessie;Sessiedatum;Sessietitel"
    );
    assert!(
        lines[1].starts_with("Verslag rondsturen;Bram;vrijdag;27-11-2026;te laat;"),
        "{csv}"
    );
    // Cells that Excel would run as a formula start with a quote: shown as text.
    let hyperlink = lines.iter().find(|l| l.contains("HYPERLINK")).unwrap();
    assert!(
        hyperlink.starts_with("\"'=HYPERLINK(\"\"x\"\")\";'@Anna;"),
        "{hyperlink}"
    );
    for line in &lines[1..] {
        for cell in line.split(';') {
            assert!(
                !cell
                    .trim_start_matches('"')
                    .starts_with(['=', '+', '-', '@']),
                "{cell}"
            );
        }
    }
}

/// A small iCalendar reader: unfolds lines, checks the structure RFC 5545 asks for, and
/// returns each event's properties.
fn parse_ics(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = text.replace("\r\n ", "");
    let mut stack: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').expect("NAME:value");
        let name = name.split(';').next().unwrap().to_string();
        assert!(
            name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{name}"
        );
        match name.as_str() {
            "BEGIN" => stack.push(value.to_string()),
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(value), "unbalanced END");
                if value == "VEVENT" {
                    events.push(std::mem::take(&mut current));
                }
            }
            _ => current.push((name, value.to_string())),
        }
    }
    assert!(stack.is_empty());
    events
}

#[test]
fn ics_gives_all_day_events_that_parse() {
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    write_b(dir.path());
    let run = agreements_run(dir.path(), &["--format", "ics"]);
    let ics = &run.stdout;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    let events = parse_ics(ics);
    // The undated agreement ("z.s.m.") is left out, and said so.
    assert_eq!(events.len(), 3);
    assert!(run.stderr.contains("1 afspraak"), "{}", run.stderr);
    let mut uids = std::collections::BTreeSet::new();
    for event in &events {
        let get = |name: &str| {
            event
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("{name} missing in {event:?}"))
        };
        assert!(uids.insert(get("UID")), "UIDs are unique");
        let start = NaiveDate::parse_from_str(&get("DTSTART"), "%Y%m%d").unwrap();
        let end = NaiveDate::parse_from_str(&get("DTEND"), "%Y%m%d").unwrap();
        assert_eq!(end, start.succ_opt().unwrap());
        assert!(get("DTSTAMP").ends_with('Z'));
        assert_eq!(get("TRANSP"), "TRANSPARENT");
        get("SUMMARY");
    }
    assert!(ics.contains("DTSTART;VALUE=DATE:20261127\r\n"));
    assert!(ics.contains("SUMMARY:Verslag rondsturen — Bram\r\n"));
    assert!(
        ics.replace("\r\n ", "")
            .contains("\\nAfgesproken in: Teamdag (20-11-2026)")
    );
}

/// Following up A: each agreement to review carries the date its words meant, also one
/// written before dates were stored (read against A's day, as `tafel agreements` does), so
/// the review can show "15 januari (vr 15-01-2027)".
#[test]
fn a_follow_up_carries_the_date_of_each_agreement_to_review() {
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    let Event::FollowUpOpened { agreements, .. } =
        tafel::commands::run::follow_up_event(&context(dir.path()), A).unwrap()
    else {
        panic!("a follow-up event");
    };
    let dates: Vec<(u64, Option<&str>, Option<NaiveDate>)> = agreements
        .iter()
        .map(|i| (i.note, i.due.as_deref(), i.due_date))
        .collect();
    assert_eq!(
        dates,
        [
            (1, Some("vrijdag"), Some(date("2026-11-27"))),
            (2, Some("z.s.m."), None),
            (3, Some("15 januari"), Some(date("2027-01-15"))),
        ]
    );
}

/// `tafel run --follow-up A` without `--participants` meets the group of A; `--participants`
/// still wins, and without a follow-up the settings' participants stand.
#[test]
fn a_follow_up_meets_the_group_of_the_earlier_session() {
    use tafel::commands::run::{RunArgs, participants_for};
    let dir = tempfile::tempdir().unwrap();
    write_a(dir.path());
    let ctx = context(dir.path());
    let mut args = RunArgs {
        plan: Some("koers-wat".into()),
        participants: None,
        title: None,
        seed: None,
        deck: None,
        no_bell: false,
        follow_up: Some(A.into()),
    };
    assert_eq!(participants_for(&ctx, &args).unwrap(), ["Anna", "Bram"]);
    args.participants = Some("Chris, Dewi".into());
    assert_eq!(participants_for(&ctx, &args).unwrap(), ["Chris", "Dewi"]);
    args.participants = None;
    args.follow_up = None;
    assert_eq!(
        participants_for(&ctx, &args).unwrap(),
        ctx.settings.participants.value
    );
}
