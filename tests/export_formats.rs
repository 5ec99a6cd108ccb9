//! `tafel export` in every format, on the recorded example and on a hostile session whose
//! every typed text tries to become markup: golden files, and checks that the typed text stays
//! text (Markdown parsed back, HTML tags compared with a harmless twin, ODT unpacked).

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use common::harness::{journal_text, minute_records};
use common::tafel;
use tafel::catalog::{Card, Category, Deck, DrawSpec, Plan, Round, RoundLength};
use tafel::commands::export::{Format, render};
use tafel::history::export::Audience;
use tafel::session::event::{FORMAT, RoleAssignment};
use tafel::session::{CardRef, Event, NoteKind, Record, Session};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/20261122-151251-tegenspraak-gesprek-0cd4.jsonl")
}

/// Text typed in the room that would be markup, a link, a script or a formula if it leaked.
const HOSTILE: &[&str] = &[
    "<script>alert('x')</script> na",
    "# Kop\n- lijst\n1. nummer\n> citaat",
    "[klik hier](javascript:alert(1)) ![beeld](x.png)",
    "a | b\n--|--\nc | d",
    "=cmd|' /C calc'!A0",
    "`code` en ``` blok ```",
    "<!-- verborgen --> <img src=x onerror=alert(1)>",
    "&amp; &#60; *vet* _schuin_ ~~weg~~",
    "regel\n---\n===\nslot\\",
];

/// A session in which every text a person typed (or a shared deck file held) goes through
/// `typed`: the hostile strings as they are, or a harmless twin of the same shape.
fn session_records(typed: &dyn Fn(&str) -> String) -> Vec<Record> {
    let start = DateTime::parse_from_rfc3339("2026-12-01T09:30:00+01:00").unwrap();
    let deck = Deck {
        id: "gedeeld".into(),
        title: typed("Gedeeld <b>deck</b>"),
        description: String::new(),
        language: "nl".into(),
        source: None,
        license: None,
        categories: vec![Category {
            id: "vragen".into(),
            title: typed("Vragen & *meer*"),
            description: String::new(),
        }],
        cards: (0..3)
            .map(|i| Card {
                id: format!("k{i}"),
                category: "vragen".into(),
                title: typed(HOSTILE[i % HOSTILE.len()]),
                prompt: typed(HOSTILE[(i + 4) % HOSTILE.len()]),
                hint: Some(typed("Tip <i>met</i> [link](javascript:x)")),
                tags: Vec::new(),
                form: None,
                minutes: None,
            })
            .collect(),
    };
    let round = |title: &str, minutes: u32, draw: bool, roles: &[&str]| Round {
        title: typed(title),
        length: RoundLength::Minutes(minutes),
        scale: None,
        instruction: String::new(),
        draw: draw.then_some(DrawSpec {
            deck: None,
            category: None,
            count: 1,
            with: Vec::new(),
            without: Vec::new(),
            form: None,
            each: false,
        }),
        turns: false,
        team_turns: false,
        roles: roles.iter().map(|r| typed(r)).collect(),
        kind: Default::default(),
    };
    let plan = Plan {
        id: "vijandig".into(),
        title: typed("Werkvorm | <em>vet</em>"),
        description: String::new(),
        guide: Default::default(),
        resolved_for: None,
        decks: vec!["gedeeld".into()],
        rounds: vec![
            round("# Ronde", 10, true, &["=Rol()"]),
            round("Overslaan`", 5, false, &[]),
            round("<!-- slot -->", 5, false, &[]),
        ],
    };
    let first = Event::SessionStarted {
        format: FORMAT.into(),
        title: typed("# Titel <script>x</script> | =1+1"),
        plan,
        decks: vec![deck],
        session_deck: Some("gedeeld".into()),
        seed: 3,
        participants: vec![typed("=HYPERLINK(\"x\")"), typed("<b>Bram</b>")],
    };
    let session = Session::start(&Record {
        seq: 0,
        at: start,
        t: 0,
        event: first.clone(),
    })
    .unwrap();
    let pile = &session.piles["gedeeld"].remaining;
    let card = |i: usize| CardRef {
        deck: "gedeeld".into(),
        card: pile[i].clone(),
    };
    let note = |id: u64, text: &str, card: Option<CardRef>, round: usize| Event::NoteAdded {
        id,
        kind: NoteKind::Note,
        text: typed(text),
        owner: None,
        due: None,
        due_date: None,
        round,
        card,
    };
    let mut events = vec![
        first,
        Event::RoundStarted {
            round: 0,
            planned_ms: 600_000,
        },
        Event::RolesAssigned {
            round: 0,
            roles: vec![RoleAssignment {
                participant: typed("=HYPERLINK(\"x\")"),
                role: typed("=Rol()"),
            }],
        },
        Event::CardDrawn { card: card(0) },
    ];
    for (i, text) in HOSTILE.iter().enumerate() {
        events.push(note(i as u64 + 1, text, Some(card(0)), 0));
    }
    events.extend([
        Event::CardDrawn { card: card(1) },
        Event::CardPutBack {
            card: card(1),
            position: 0,
        },
        Event::CardDrawn { card: card(1) },
        Event::CardDrawn { card: card(2) },
        Event::CardSkipped { card: card(2) },
        note(20, "Losse notitie <u>zonder</u> kaart", None, 0),
        Event::NoteAdded {
            id: 21,
            kind: NoteKind::Agreement,
            text: typed("[Afspraak](javascript:alert(1)) | `x`\n=SUM(A1)"),
            owner: Some(typed("@Anna <b>")),
            due: Some(typed("vrijdag <script>")),
            due_date: None,
            round: 0,
            card: None,
        },
        Event::RoundEnded { round: 0 },
        Event::RoundInserted {
            index: 1,
            title: typed("Extra <ronde>"),
            minutes: 7,
        },
        Event::RoundSkipped {
            round: 2,
            skipped: true,
        },
        Event::RoundLengthChanged {
            round: 3,
            minutes: 3,
        },
        Event::RoundStarted {
            round: 3,
            planned_ms: 180_000,
        },
        note(22, "-cmd\n+cmd\n@cmd", None, 3),
        Event::RoundEnded { round: 3 },
        Event::SessionEnded,
    ]);
    minute_records(start, events)
}

fn hostile() -> Vec<Record> {
    session_records(&|t| t.to_string())
}

/// The same session with every typed character that is not a letter, digit or space or line
/// end replaced by a letter: what its documents look like without anything to escape.
fn harmless() -> Vec<Record> {
    session_records(&|t| {
        t.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == ' ' || c == '\n' {
                    c
                } else {
                    'x'
                }
            })
            .collect()
    })
}

fn export(records: &[Record], format: Format, audience: Audience) -> Vec<u8> {
    let session = Session::from_records(records).expect("the session folds");
    render(
        &session,
        records,
        "20261201-093000-vijandig-0000",
        format,
        audience,
    )
    .unwrap()
}

fn text(records: &[Record], format: Format, audience: Audience) -> String {
    String::from_utf8(export(records, format, audience)).unwrap()
}

fn write_journal(dir: &Path, records: &[Record]) -> PathBuf {
    let path = dir.join("20261201-093000-vijandig-0000.jsonl");
    std::fs::write(&path, journal_text(records)).unwrap();
    path
}

/// `content.xml` of an ODT, indented one element a line, for a readable golden file.
fn odt_content(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut writer = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 1);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            event => writer.write_event(event).unwrap(),
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

// ----- Golden files -------------------------------------------------------------------------

#[test]
fn the_example_in_every_format() {
    let loaded = tafel::storage::journal::load(&example()).unwrap();
    let records = &loaded.records;
    let id = "20261122-151251-tegenspraak-gesprek-0cd4";
    let session = Session::from_records(records).unwrap();
    let out = |format, audience| render(&session, records, id, format, audience).unwrap();
    let utf8 = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    insta::assert_snapshot!("example_md", utf8(out(Format::Md, Audience::Participants)));
    insta::assert_snapshot!(
        "example_md_facilitator",
        utf8(out(Format::Md, Audience::Facilitator))
    );
    insta::assert_snapshot!(
        "example_txt",
        utf8(out(Format::Txt, Audience::Participants))
    );
    insta::assert_snapshot!(
        "example_html",
        utf8(out(Format::Html, Audience::Participants))
    );
    insta::assert_snapshot!(
        "example_odt_content",
        odt_content(&out(Format::Odt, Audience::Facilitator))
    );
}

#[test]
fn the_hostile_session_in_every_format() {
    let records = hostile();
    insta::assert_snapshot!(
        "hostile_md",
        text(&records, Format::Md, Audience::Facilitator)
    );
    insta::assert_snapshot!(
        "hostile_txt",
        text(&records, Format::Txt, Audience::Facilitator)
    );
    insta::assert_snapshot!(
        "hostile_html",
        text(&records, Format::Html, Audience::Facilitator)
    );
    insta::assert_snapshot!(
        "hostile_odt_content",
        odt_content(&export(&records, Format::Odt, Audience::Facilitator))
    );
}

// ----- Markdown -----------------------------------------------------------------------------

fn markdown_events(md: &str) -> Vec<pulldown_cmark::Event<'_>> {
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_GFM;
    pulldown_cmark::Parser::new_ext(md, options).collect()
}

/// What a Markdown viewer shows as structure: the blocks and inline markup, without text.
fn markdown_shape(md: &str) -> Vec<String> {
    use pulldown_cmark::Event as E;
    markdown_events(md)
        .into_iter()
        .filter_map(|e| match e {
            E::Text(_) => None,
            E::Code(_) => Some("code".into()),
            other => Some(format!("{other:?}")),
        })
        .collect()
}

#[test]
fn typed_markdown_renders_as_the_text_that_was_typed() {
    use pulldown_cmark::{Event as E, Tag};
    for audience in [Audience::Participants, Audience::Facilitator] {
        let md = text(&hostile(), Format::Md, audience);
        // The same structure as the harmless twin: nothing typed made a heading, list, link,
        // table, quote, code span or HTML.
        assert_eq!(
            markdown_shape(&md),
            markdown_shape(&text(&harmless(), Format::Md, audience)),
            "{md}"
        );
        let events = markdown_events(&md);
        for event in &events {
            assert!(
                !matches!(
                    event,
                    E::Html(_)
                        | E::InlineHtml(_)
                        | E::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Table(_))
                ),
                "{event:?} in\n{md}"
            );
        }
        // And what a reader sees is what was typed: each line of a note, whole.
        let shown: String = events
            .iter()
            .filter_map(|e| match e {
                E::Text(t) | E::Code(t) => Some(t.to_string()),
                E::SoftBreak | E::HardBreak => Some("\n".into()),
                _ => None,
            })
            .collect();
        for note in HOSTILE {
            for line in note.lines() {
                assert!(
                    shown.contains(line),
                    "{line:?} not shown as typed:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn lines_of_a_note_stay_lines_in_markdown() {
    let md = text(&hostile(), Format::Md, Audience::Participants);
    let breaks = markdown_events(&md)
        .iter()
        .filter(|e| matches!(e, pulldown_cmark::Event::HardBreak))
        .count();
    let note_breaks: usize = HOSTILE.iter().map(|n| n.lines().count() - 1).sum();
    assert!(breaks >= note_breaks, "{breaks} < {note_breaks}:\n{md}");
}

// ----- HTML ---------------------------------------------------------------------------------

/// Every tag in an HTML text, with its attributes, in order.
fn tags(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        found.push(rest[at..end].to_string());
        rest = &rest[end..];
    }
    found
}

#[test]
fn html_has_only_the_elements_and_attributes_the_program_writes() {
    for audience in [Audience::Participants, Audience::Facilitator] {
        let html = text(&hostile(), Format::Html, audience);
        let twin = text(&harmless(), Format::Html, audience);
        // Tag for tag the same as the harmless twin: typed text added no element or attribute.
        assert_eq!(tags(&html), tags(&twin));
        let names: BTreeSet<String> = tags(&html)
            .iter()
            .map(|t| {
                t.trim_start_matches(['<', '/'])
                    .split([' ', '>'])
                    .next()
                    .unwrap_or_default()
                    .to_lowercase()
            })
            .collect();
        let allowed: BTreeSet<String> = [
            "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
            "p", "ul", "li", "strong", "em", "code", "br", "table", "thead", "tbody", "tr", "th",
            "td",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        assert!(names.is_subset(&allowed), "{names:?}");
        // No scripts, no event handlers, nothing loaded from elsewhere.
        let lower = html.to_lowercase();
        for tag in tags(&lower) {
            assert!(!tag.contains("script") && !tag.contains(" on"), "{tag}");
            assert!(!tag.contains("src=") && !tag.contains("href="), "{tag}");
        }
        assert!(lower.contains("default-src 'none'"));
        assert!(lower.contains("@page { size: a4"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }
}

// ----- ODT ----------------------------------------------------------------------------------

#[test]
fn odt_unpacks_into_a_valid_open_document() {
    let bytes = export(&hostile(), Format::Odt, Audience::Facilitator);
    // The mime type first and stored, so tools recognise the file by its first bytes.
    assert_eq!(&bytes[..2], b"PK");
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(
        &bytes[38..38 + 39],
        b"application/vnd.oasis.opendocument.text"
    );
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(
        zip.by_index(0).unwrap().compression(),
        zip::CompressionMethod::Stored
    );
    let names: BTreeSet<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    for name in [
        "mimetype",
        "content.xml",
        "styles.xml",
        "meta.xml",
        "META-INF/manifest.xml",
    ] {
        assert!(names.contains(name), "{name} missing: {names:?}");
    }
    // Every XML part is well-formed; the content has headings, lists and tables, and the
    // typed text is in it as text, never as elements.
    let mut elements = BTreeSet::new();
    let mut shown = String::new();
    for name in [
        "content.xml",
        "styles.xml",
        "meta.xml",
        "META-INF/manifest.xml",
    ] {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader
                .read_event()
                .unwrap_or_else(|e| panic!("{name}: {e}"))
            {
                quick_xml::events::Event::Eof => break,
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                    let tag = e.name().as_ref().to_string();
                    if name == "content.xml" && tag == "text:line-break" {
                        shown.push('\n');
                    }
                    elements.insert(tag);
                }
                quick_xml::events::Event::Text(t) if name == "content.xml" => {
                    shown.push_str(&t.xml10_content());
                }
                quick_xml::events::Event::GeneralRef(r) if name == "content.xml" => {
                    let entity = r.borrow().into_inner().to_string();
                    shown.push_str(match entity.as_str() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("entity {other}"),
                    });
                }
                _ => {}
            }
        }
    }
    for element in [
        "text:h",
        "text:list",
        "text:list-item",
        "table:table",
        "table:table-cell",
    ] {
        assert!(elements.contains(element), "{element} missing");
    }
    assert!(
        elements.iter().all(|e| e.contains(':')),
        "an element without a namespace: {elements:?}"
    );
    for note in HOSTILE {
        for line in note.lines() {
            assert!(
                shown.contains(line),
                "{line:?} not in the document:\n{shown}"
            );
        }
    }
}

/// LibreOffice, where installed, opens the file and turns it into text with the notes in it.
#[test]
fn libreoffice_reads_the_odt_where_it_is_installed() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("LibreOffice not installed: the ODT is checked by unpacking it only");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let odt = dir.path().join("verslag.odt");
    std::fs::write(&odt, export(&hostile(), Format::Odt, Audience::Facilitator)).unwrap();
    let status = std::process::Command::new(office)
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&odt)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let txt = std::fs::read_to_string(dir.path().join("verslag.txt")).unwrap();
    assert!(txt.contains("<script>alert('x')</script> na"), "{txt}");
    assert!(txt.contains("=cmd|' /C calc'!A0"), "{txt}");
}

// ----- The command --------------------------------------------------------------------------

#[test]
fn export_writes_each_format_to_a_file_named_after_the_title() {
    let sessions = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_journal(sessions.path(), &hostile());
    let dirs = sessions.path().to_str().unwrap();
    for (format, extension) in [
        ("md", "md"),
        ("txt", "txt"),
        ("html", "html"),
        ("odt", "odt"),
    ] {
        let run = tafel(&[
            "export",
            "20261201",
            "--sessions-dir",
            dirs,
            "--format",
            format,
            "-o",
            out.path().to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let file = out
            .path()
            .join(format!("titel-script-x-script-1-1.{extension}"));
        assert!(file.exists(), "{}: {}", file.display(), run.stderr);
        assert!(
            run.stderr.contains(file.to_str().unwrap()),
            "{}",
            run.stderr
        );
    }
    let run = tafel(&[
        "export",
        "20261201",
        "--sessions-dir",
        dirs,
        "--format",
        "pdf",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("md"), "{}", run.stderr);
}

#[test]
fn the_facilitator_version_adds_what_only_the_facilitator_needs() {
    let records = hostile();
    let participants = text(&records, Format::Txt, Audience::Participants);
    let facilitator = text(&records, Format::Txt, Audience::Facilitator);
    for only in [
        "Tip:",
        "(overgeslagen)",
        "Gepland",
        "Agendawijzigingen",
        "Status:",
    ] {
        assert!(!participants.contains(only), "{only} in\n{participants}");
        assert!(facilitator.contains(only), "{only} not in\n{facilitator}");
    }
    // A card put back and drawn again is listed once, as discussed.
    let session = Session::from_records(&records).unwrap();
    let logs = tafel::history::export::round_logs(&records, session.rounds.len());
    assert_eq!(logs[0].cards.len(), 3);
    assert_eq!(
        logs[0].cards[1].1,
        tafel::history::export::CardFate::Discussed
    );
    assert_eq!(
        logs[0].cards[2].1,
        tafel::history::export::CardFate::Skipped
    );
    assert_eq!(logs[0].roles.len(), 1);
    // Roles are in both versions.
    assert!(participants.contains("Rollen:"));
    // A session exported before its end may still be running elsewhere: "niet afgerond",
    // never a claim that it was interrupted.
    let unended: Vec<_> = records
        .iter()
        .filter(|r| !matches!(r.event, tafel::session::Event::SessionEnded))
        .cloned()
        .collect();
    let status = text(&unended, Format::Txt, Audience::Facilitator);
    assert!(status.contains("Status: niet afgerond"), "{status}");
}

// ----- Group work ---------------------------------------------------------------------------

/// A session with a teams round, notes grouped into themes and a revealed vote, every typed
/// text going through `typed` as in `session_records`.
fn group_records(typed: &dyn Fn(&str) -> String) -> Vec<Record> {
    use tafel::catalog::{RoundKind, TeamCount, TeamSpec, VoteSpec};
    let start = DateTime::parse_from_rfc3339("2026-12-01T09:30:00+01:00").unwrap();
    let round = |title: &str, kind: RoundKind| Round {
        kind,
        ..Round::plain(typed(title), RoundLength::Minutes(5))
    };
    let plan = Plan {
        id: "groepswerk".into(),
        title: typed("Prioriteren <b>samen</b>"),
        description: String::new(),
        guide: Default::default(),
        resolved_for: None,
        decks: Vec::new(),
        rounds: vec![
            round(
                "Teams",
                RoundKind::Teams(TeamSpec {
                    count: TeamCount::Teams(2),
                    mix: true,
                }),
            ),
            round("Verzamelen", RoundKind::Talk),
            round(
                "Stemmen",
                RoundKind::Vote(VoteSpec {
                    options: Vec::new(),
                    budget: 3,
                    max_per_option: Some(2),
                    points: false,
                    from: Vec::new(),
                }),
            ),
        ],
    };
    let people: Vec<String> = [HOSTILE[0], HOSTILE[4], "Chris"]
        .iter()
        .map(|p| typed(p))
        .collect();
    let note = |id: u64, text: &str| Event::NoteAdded {
        id,
        kind: NoteKind::Note,
        text: typed(text),
        owner: None,
        due: None,
        due_date: None,
        round: 1,
        card: None,
    };
    let theme_a = typed(HOSTILE[2]);
    let theme_b = typed(HOSTILE[6]);
    let loose = typed(HOSTILE[8]);
    let events = vec![
        Event::SessionStarted {
            format: FORMAT.into(),
            title: typed("Groepswerk | <em>export</em>"),
            plan,
            decks: Vec::new(),
            session_deck: None,
            seed: 5,
            participants: people.clone(),
        },
        Event::StylesPicked {
            participant: people[0].clone(),
            styles: vec!["verbinder".into(), "vertaler".into()],
        },
        Event::RoundStarted {
            round: 0,
            planned_ms: 300_000,
        },
        Event::TeamsFormed {
            round: 0,
            teams: vec![
                vec![people[0].clone(), people[2].clone()],
                vec![people[1].clone()],
            ],
            mixed: true,
        },
        Event::RoundEnded { round: 0 },
        Event::RoundStarted {
            round: 1,
            planned_ms: 300_000,
        },
        note(1, HOSTILE[1]),
        note(2, HOSTILE[3]),
        note(3, HOSTILE[5]),
        note(4, HOSTILE[8]),
        Event::ThemeCreated {
            theme: 1,
            name: theme_a.clone(),
            notes: vec![1, 2],
        },
        Event::ThemeCreated {
            theme: 2,
            name: theme_b.clone(),
            notes: vec![3],
        },
        Event::ThemeCreated {
            theme: 3,
            name: typed("Leeg <thema>"),
            notes: vec![4],
        },
        Event::NotesUnthemed { notes: vec![4] },
        Event::RoundEnded { round: 1 },
        Event::RoundStarted {
            round: 2,
            planned_ms: 300_000,
        },
        Event::VoteOpened {
            round: 2,
            options: vec![theme_a, theme_b, loose],
        },
        Event::VoteCast {
            round: 2,
            participant: people[0].clone(),
            points: vec![2, 0, 1],
        },
        Event::VoteCast {
            round: 2,
            participant: people[1].clone(),
            points: vec![0, 2, 1],
        },
        Event::VoteCast {
            round: 2,
            participant: people[2].clone(),
            points: vec![1, 0, 0],
        },
        Event::VoteRevealed { round: 2 },
        Event::RoundEnded { round: 2 },
        Event::SessionEnded,
    ];
    minute_records(start, events)
}

fn hostile_group() -> Vec<Record> {
    group_records(&|t| t.to_string())
}

fn harmless_group() -> Vec<Record> {
    group_records(&|t| {
        t.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == ' ' || c == '\n' {
                    c
                } else {
                    'x'
                }
            })
            .collect()
    })
}

#[test]
fn votes_teams_and_themes_in_every_format() {
    let records = hostile_group();
    let out = |format| text(&records, format, Audience::Participants);
    let md = out(Format::Md);
    // The ranking (3, 2 and 2 dots: the last two share second place), the teams with
    // styles, the themes with their notes; the theme left empty is left out.
    assert!(md.contains("## Teams") && md.contains("## Thema's"), "{md}");
    assert!(md.contains("3 van 3 deelnemers hebben gestemd"), "{md}");
    assert!(md.contains("(verbinder + vertaler)"), "{md}");
    assert!(!md.contains("Leeg"), "{md}");
    assert!(md.contains("stippen: 3 — plaats: 1"), "{md}");
    assert_eq!(md.matches("stippen: 2 — plaats: 2").count(), 2, "{md}");
    insta::assert_snapshot!("groupwork_md", md);
    insta::assert_snapshot!("groupwork_txt", out(Format::Txt));
    insta::assert_snapshot!("groupwork_html", out(Format::Html));
    insta::assert_snapshot!(
        "groupwork_odt_content",
        odt_content(&export(&records, Format::Odt, Audience::Participants))
    );
}

#[test]
fn typed_text_in_votes_teams_and_themes_stays_inert() {
    for audience in [Audience::Participants, Audience::Facilitator] {
        let md = text(&hostile_group(), Format::Md, audience);
        assert_eq!(
            markdown_shape(&md),
            markdown_shape(&text(&harmless_group(), Format::Md, audience)),
            "{md}"
        );
        let html = text(&hostile_group(), Format::Html, audience);
        assert_eq!(
            tags(&html),
            tags(&text(&harmless_group(), Format::Html, audience))
        );
        // Element for element the same ODT as the harmless twin.
        let elements = |records: &[Record]| -> Vec<String> {
            let xml = odt_content(&export(records, Format::Odt, audience));
            let mut reader = quick_xml::Reader::from_str(&xml);
            let mut names = Vec::new();
            loop {
                match reader.read_event().expect("well-formed XML") {
                    quick_xml::events::Event::Eof => break,
                    quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                        names.push(e.name().0.to_string())
                    }
                    _ => {}
                }
            }
            names
        };
        assert_eq!(elements(&hostile_group()), elements(&harmless_group()));
    }
}

#[test]
fn a_vote_never_revealed_stays_out_of_the_participants_version() {
    let mut records = hostile_group();
    let at = records
        .iter()
        .position(|r| matches!(r.event, Event::VoteRevealed { .. }))
        .unwrap();
    records.remove(at);
    for (seq, record) in records.iter_mut().enumerate() {
        record.seq = seq as u64;
    }
    let participants = text(&records, Format::Md, Audience::Participants);
    assert!(
        participants.contains("De uitslag is niet getoond") && !participants.contains("plaats:"),
        "{participants}"
    );
    let facilitator = text(&records, Format::Md, Audience::Facilitator);
    assert!(
        facilitator.contains("niet in de zaal getoond") && facilitator.contains("plaats: 1"),
        "{facilitator}"
    );
}
