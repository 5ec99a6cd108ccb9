//! What the room sees: the round screen, its overlays, the summary and the plan picker,
//! driven through the real `App` state machine with a hand-moved clock and a fixed seed,
//! rendered into a `TestBackend` and kept as insta snapshots. Beside every snapshot, plain
//! assertions name the facts that matter, so a reviewer need not read the whole picture.
//!
//! Accept changed snapshots with `INSTA_UPDATE=always cargo test --test screens`.

mod common;

use chrono::{DateTime, Duration, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use tafel::app::{App, Mode, Status};
use tafel::catalog::Library;
use tafel::keys::{KeyCode, KeyModifiers};

use common::harness::{Harness, Setup, screen_text};

// ---------------------------------------------------------------------------------------------
// Harness

const PLAN: &str = "grenzeloos-workshop";
/// Round 7 of 8 ("Tien lessen, vier rollen") hands out roles and draws three cards.
const ROLES_ROUND: usize = 6;
const ROLES_ROUND_MS: u64 = 16 * 60_000;

fn start_wall() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T14:00:00+01:00").unwrap()
}

fn library() -> Library {
    let library = Library::bundled();
    assert!(
        library.problems.is_empty(),
        "bundled files have problems: {:?}",
        library.problems
    );
    library
}

/// A session of `plan_id` with four participants, its app, and a clock moved by hand (see
/// `tests/common/harness.rs`); not begun yet. A confirmed record that does not fit the
/// session fails the test.
fn opened(plan_id: &str) -> Harness {
    // The plans as they were before issue 11, so these screens do not move with revisions.
    Setup::plan_in(&common::harness::FROZEN, plan_id)
        .title("Teamdag Oost")
        .participants(&["Anna", "Bram", "Chris", "Dewi"])
        .wall(start_wall())
        .session_file("/tmp/sessies/x.jsonl", "x")
        .strict()
        .open()
}

/// A session already in its first round.
fn begun(plan_id: &str) -> Harness {
    let mut rig = opened(plan_id);
    rig.begin();
    rig
}

/// The screen as `tafel run` would draw it, one quoted line per row.
fn screen(app: &App, width: u16, height: u16) -> String {
    screen_text(width, height, |frame| tafel::ui::draw(frame, app))
}

/// Round 7 of `grenzeloos-workshop`, reached the way a facilitator gets there: every earlier
/// round runs its planned minutes, then →. The roles are handed out and three cards drawn;
/// two minutes in, a note and an agreement are written down.
fn round_seven() -> Harness {
    let mut rig = begun(PLAN);
    while rig.app.session.current != Some(ROLES_ROUND) {
        let minutes = rig
            .app
            .session
            .current_round()
            .unwrap()
            .planned_ms()
            .unwrap()
            / 60_000;
        rig.advance_secs(minutes * 60);
        rig.key(KeyCode::Right);
    }
    rig.advance_secs(120);
    rig.note("Opdrachtgever wil eerst draagvlak bij de wethouder");
    rig.advance_secs(60);
    rig.agreement(
        "Procesbegeleider plant de vervolgsessie",
        "Dewi",
        "vrijdag 28 november",
    );
    rig.advance_secs(30);
    assert!(matches!(rig.app.mode, Mode::Normal));
    rig
}

/// Seconds since round 7 started, for a given state of its 16-minute timer.
fn into_round_seven(rig: &Harness) -> u64 {
    rig.app.session.timer.elapsed_ms(rig.t()) / 1000
}

/// The title of the card shown large, as the screen spells it (upper case).
fn card_on_table(rig: &Harness) -> String {
    let card = rig.app.card_on_table().expect("a card on the table");
    let (_, card, _) = rig
        .app
        .session
        .card(card)
        .expect("card in the session's decks");
    card.title.to_uppercase()
}

/// The background colour of the timer's words at 120×40: states are shown by colour as well
/// as in words (the text snapshots do not show colour).
fn timer_background(app: &App, words: &str) -> Color {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    tafel::ui::render(app, area, &mut buf);
    for y in 0..area.height {
        let row: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        if let Some(x) = row.concat().find(words) {
            // Every cell here holds one single-width character; map the byte offset back.
            let x = row.concat()[..x].chars().count() as u16;
            return buf[(x, y)].bg;
        }
    }
    panic!("`{words}` is not on the screen");
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (30, 10)];

/// Snapshots `rig` at the three layouts as `{name}_{w}x{h}` and returns the screens.
fn snap_all(name: &str, rig: &Harness) -> [String; 3] {
    SIZES.map(|(w, h)| {
        let text = screen(&rig.app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
        text
    })
}

// ---------------------------------------------------------------------------------------------
// The round screen

#[test]
fn round_with_card_note_agreement_turn_and_roles() {
    let rig = round_seven();
    let session = &rig.app.session;
    assert_eq!(session.table.len(), 3, "round 7 draws three cards");
    assert_eq!(session.roles.len(), 4, "everyone gets a role");
    assert_eq!(rig.app.round_notes().len(), 2);
    assert_eq!(into_round_seven(&rig), 210);
    let card = card_on_table(&rig);
    let turn = session.turn_name().unwrap().to_string();

    let [large, medium, small] = snap_all("round", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Teamdag Oost"));
        assert!(text.contains("ronde 7 van 8  15:07"));
        assert!(text.contains("Tien lessen, vier rollen"));
        assert!(text.contains("nog 12:30"), "the timer in words");
        assert!(text.contains(&card), "the card's title, large: {card}");
        let all = rig.app.session.table.iter().all(|c| {
            let (_, card, _) = rig.app.session.card(c).unwrap();
            text.contains(&card.title.to_uppercase())
        });
        assert!(
            all || text.contains("kaart 3 van 3"),
            "every card, or paged"
        );
        assert!(text.contains(&format!("Beurt: {turn}")));
        assert!(text.contains("Rollen: "));
        assert!(text.contains("opgeslagen 15:07:30"));
    }
    // Notes come last when space is short (issue 9): on the large screen they are there.
    assert!(large.contains("Notities · 2"));
    assert!(large.contains("Opdrachtgever wil eerst draagvlak bij de wethouder"));
    assert!(large.contains("AFSPRAAK Procesbegeleider plant de vervolgsessie"));
    assert!(large.contains("wie: Dewi"));
    assert!(
        large.contains("sessie 1 u 8 min van 1 u 30 min"),
        "the session's progress, as durations in words: {large}"
    );
    assert_eq!(timer_background(&rig.app, "nog 12:30"), Color::Reset);
    for role in [
        "Opdrachtgever",
        "Opdrachtnemer",
        "Staande organisatie",
        "Procesbegeleider",
    ] {
        assert!(large.contains(role), "role {role} on the large screen");
    }
    // The time is said once, not "12:30 · nog 12:30" (new-user trial).
    assert!(small.contains("nog 12:30"), "{small}");
    assert!(!small.contains("12:30 · nog"), "{small}");
}

#[test]
fn timer_in_its_last_minute() {
    let mut rig = round_seven();
    let to_go = 16 * 60 - 45 - into_round_seven(&rig);
    let bells = rig.bells();
    rig.advance_secs(to_go);
    assert_eq!(rig.bells(), bells, "no bell before zero");
    let [large, medium, small] = snap_all("last_minute", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("nog 1 minuut"), "{text}");
    }
    assert!(small.contains("0:45"), "{small}");
    assert_eq!(timer_background(&rig.app, "nog 1 minuut"), Color::Yellow);
}

#[test]
fn over_time() {
    let mut rig = round_seven();
    let to_go = 16 * 60 + 72 - into_round_seven(&rig);
    let bells = rig.bells();
    rig.advance_secs(to_go);
    assert_eq!(rig.bells(), bells + 1, "the bell rings once at zero");
    let [large, medium, small] = snap_all("overtime", &rig);
    for text in [&large, &medium, &small] {
        assert!(text.contains("1 minuut over tijd"), "{text}");
    }
    assert_eq!(timer_background(&rig.app, "1 minuut over tijd"), Color::Red);
}

#[test]
fn paused() {
    let mut rig = round_seven();
    rig.ch(' ');
    assert!(!rig.app.session.timer.is_running());
    // Paused time does not count.
    rig.advance_secs(600);
    let [large, medium, small] = snap_all("paused", &rig);
    for text in [&large, &medium, &small] {
        assert!(text.contains("pauze · nog 12:30"), "{text}");
    }
    assert_eq!(timer_background(&rig.app, "pauze · nog 12:30"), Color::Gray);
    assert!(large.contains("15:17"), "the wall clock still moves");
}

#[test]
fn notes_hidden() {
    let mut rig = round_seven();
    rig.ch('h');
    assert!(rig.app.session.notes_hidden);
    let [large, medium, _] = snap_all("notes_hidden", &rig);
    for text in [&large, &medium] {
        assert!(!text.contains("Notities en afspraken"));
        assert!(!text.contains("wethouder"), "no note on the shared screen");
        assert!(
            !text.contains("Tip voor de begeleider"),
            "no facilitator's tip"
        );
        assert!(text.contains(&card_on_table(&rig)), "the card stays");
        assert!(text.contains("nog 12:30"), "the timer stays");
    }
}

// ---------------------------------------------------------------------------------------------
// Overlays

#[test]
fn help_overlay() {
    let mut rig = round_seven();
    rig.ch('?');
    assert!(matches!(rig.app.mode, Mode::Help));
    let [large, medium, _] = snap_all("help", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Toetsen — een toets sluit"));
        assert!(text.contains("timer pauzeren / verder"));
        assert!(text.contains("kaart trekken"));
    }
    assert!(large.contains("direct stoppen; alles is bewaard, later verder"));
    assert!(large.contains("sluiten; het concept blijft bewaard"));
}

/// Every word inside a help window is whole: a word of the help texts, or one cut after a
/// whole word ("terugleggen…"). The new-user trial saw "kaart terugleggen (teru" at 80×24.
fn assert_words_whole(text: &str, entries: &[(String, String)]) {
    let words: std::collections::HashSet<&str> = entries
        .iter()
        .flat_map(|(key, what)| key.split_whitespace().chain(what.split_whitespace()))
        .collect();
    let mut seen = 0;
    for row in text.lines() {
        let (Some(start), Some(end)) = (row.find('║'), row.rfind('║')) else {
            continue;
        };
        for token in row[start + '║'.len_utf8()..end].split_whitespace() {
            let word = token.strip_suffix('…').unwrap_or(token);
            assert!(words.contains(word), "{token:?} is cut mid-word:\n{text}");
            seen += 1;
        }
    }
    assert!(seen > 20, "no help window found:\n{text}");
}

#[test]
fn help_text_is_never_cut_mid_word() {
    let mut rig = round_seven();
    rig.ch('?');
    let entries = tafel::ui::overlays::help_lines(&rig.app);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&rig.app, w, h);
        assert_words_whole(&text, &entries);
        // At 80×24 the descriptions wrap under themselves rather than being lost.
        assert!(text.contains("kaart terugleggen (terug in"), "{text}");
    }
    rig.ch('x');
    rig.ch('g');
    rig.ch('?');
    let entries = tafel::app::mode_keys::AGENDA.help();
    for (w, h) in [(80, 24), (120, 40)] {
        assert_words_whole(&screen(&rig.app, w, h), &entries);
    }
}

#[test]
fn agreement_editor_with_text() {
    let mut rig = round_seven();
    rig.type_agreement(
        "Staande organisatie levert een contactpersoon",
        "Chris",
        "voor 1 december",
    );
    assert!(matches!(rig.app.mode, Mode::Editor(_)));
    let [large, medium, _] = snap_all("editor", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Nieuwe afspraak"));
        assert!(text.contains(" tekst "));
        assert!(text.contains(" wie "));
        assert!(text.contains(" wanneer "));
        assert!(text.contains("Chris"));
        assert!(text.contains("voor 1 december"));
        // The date the words are read as, counted from the session's day, live.
        assert!(text.contains("wanneer → di 01-12-2026"), "{text}");
    }
    assert!(large.contains("Staande organisatie levert een contactpersoon"));
    assert!(large.contains("Enter / Ctrl+S bewaar"));
}

#[test]
fn agenda_overlay() {
    let mut rig = round_seven();
    rig.ch('g');
    assert!(matches!(rig.app.mode, Mode::Agenda(_)));
    let [large, medium, _] = snap_all("agenda", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Agenda"));
        assert!(text.contains("▶  7. Tien lessen, vier rollen  (16 min)"));
        assert!(
            text.contains("1. Opgave kiezen  (8 min)  gebruikt 8 min"),
            "{text}"
        );
        assert!(text.contains("8. Afspraken en afsluiting  (10 min)"));
    }
}

#[test]
fn quit_question() {
    let mut rig = round_seven();
    rig.ch('q');
    assert!(matches!(rig.app.mode, Mode::ConfirmQuit));
    let [large, medium, small] = snap_all("quit", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("De sessie beëindigen?"));
        assert!(text.contains("j = ja · n = nee"));
    }
    assert!(
        small.contains("Vraag") || small.contains("beëindigen"),
        "{small}"
    );
}

/// All eleven rounds of `grenzeloos-workshop` with nine people, two agreements in the last
/// round, ended: a summary longer than 80×24.
fn long_summary() -> Harness {
    let mut rig = common::app_helpers::grenzeloos_for_nine(42, "2026-11-27T14:00:00+01:00");
    while rig.app.session.current != Some(rig.app.session.rounds.len() - 1) {
        rig.advance_secs(60);
        rig.key(KeyCode::Right);
    }
    rig.agreement(
        "Jeugdzorg en wijkteam spreken één aanspreekpunt af voor gezinnen met schulden",
        "Femke",
        "vrijdag",
    );
    rig.agreement(
        "Gemeente nodigt het zorgkantoor uit voor de volgende sessie over de wachtlijst",
        "Ivo",
        "over twee weken",
    );
    rig.ch('q');
    rig.ch('j');
    assert!(matches!(rig.app.mode, Mode::Summary));
    rig
}

#[test]
fn a_long_summary_pins_the_keys_and_the_file_and_scrolls_the_rest() {
    let mut rig = long_summary();
    assert_eq!(rig.app.session.rounds.len(), 11);
    let text = screen(&rig.app, 80, 24);
    // The bottom lines stay: where it is kept and every key, scrolling included.
    assert!(text.contains("Opgeslagen in:"), "{text}");
    assert!(text.contains("e exporteert"), "{text}");
    assert!(text.contains("sluit af"), "{text}");
    assert!(text.contains("PgDn scrollt"), "{text}");
    assert!(text.contains("↓ meer"), "{text}");
    assert!(text.contains("1. Voorkeurstijlen"), "{text}");
    assert!(!text.contains("zorgkantoor"), "{text}");
    insta::assert_snapshot!("summary_long_80x24", text);
    // Down to the end: the second agreement shows, the table's top has gone.
    let end = tafel::ui::summary_scroll_end(&rig.app, Rect::new(0, 0, 80, 24)).unwrap();
    assert!(end > 0);
    rig.app.summary_drawn(end);
    for _ in 0..end + 5 {
        rig.key(KeyCode::Down);
    }
    assert_eq!(rig.app.summary_scroll, end, "↓ stops at the end");
    let bottom = screen(&rig.app, 80, 24);
    assert!(bottom.contains("zorgkantoor"), "{bottom}");
    assert!(bottom.contains("Opgeslagen in:"), "{bottom}");
    assert!(!bottom.contains("1. Voorkeurstijlen"), "{bottom}");
    assert!(bottom.contains("↑ einde"), "{bottom}");
    insta::assert_snapshot!("summary_long_80x24_end", bottom);
    // At 120×40 it all fits: nothing scrolls and nothing says so.
    let large = screen(&rig.app, 120, 40);
    assert_eq!(
        tafel::ui::summary_scroll_end(&rig.app, Rect::new(0, 0, 120, 40)),
        Some(0)
    );
    assert!(
        large.contains("zorgkantoor") && !large.contains("↓ meer"),
        "{large}"
    );
}

#[test]
fn summary_keys_scroll_by_a_line_and_a_page_within_the_summary() {
    let mut rig = long_summary();
    assert_eq!(rig.app.summary_scroll, 0);
    rig.key(KeyCode::Up);
    assert_eq!(rig.app.summary_scroll, 0, "never above the top");
    rig.key(KeyCode::Down);
    assert_eq!(rig.app.summary_scroll, 1);
    rig.key(KeyCode::PageDown);
    assert_eq!(rig.app.summary_scroll, 11);
    rig.key(KeyCode::PageUp);
    assert_eq!(rig.app.summary_scroll, 1);
    rig.key(KeyCode::Up);
    assert_eq!(rig.app.summary_scroll, 0);
    // The screen drawn allows 4 lines: PgDn stops there, ↑ comes back at once.
    rig.app.summary_drawn(4);
    rig.key(KeyCode::PageDown);
    assert_eq!(rig.app.summary_scroll, 4);
    rig.key(KeyCode::Up);
    assert_eq!(rig.app.summary_scroll, 3);
    // A larger screen where it all fits: back to the top.
    rig.app.summary_drawn(0);
    assert_eq!(rig.app.summary_scroll, 0);
    assert!(matches!(rig.app.mode, Mode::Summary));
    assert!(!rig.quit());
}

#[test]
fn summary_after_ending() {
    let mut rig = round_seven();
    rig.advance_secs(5 * 60);
    rig.ch('q');
    rig.ch('j');
    assert!(matches!(rig.app.mode, Mode::Summary));
    assert!(rig.app.session.ended);
    assert!(!rig.quit(), "the summary stays until a key");
    let [large, medium, small] = snap_all("summary", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Samenvatting: Teamdag Oost"));
        assert!(text.contains("7. Tien lessen, vier rollen"));
        // Durations in words, never "1:00" that reads as an hour (new-user trial).
        assert!(
            text.contains(
                "Totaal: gepland 1 u 30 min, gebruikt 1 u 13 min. 1 notitie, 1 afspraak."
            ),
            "{text}"
        );
        assert!(text.contains("/tmp/sessies/x.jsonl"));
        assert!(text.contains("tafel export x -o verslag.md"));
        // The agreements, to read back to the group: who and when, with the date.
        assert!(text.contains("Afspraken:"), "{text}");
        assert!(
            text.contains("• Procesbegeleider plant de vervolgsessie — wie: Dewi"),
            "{text}"
        );
    }
    assert!(
        large.contains("wanneer: vrijdag 28 november (za 28-11-2026)"),
        "{large}"
    );
    assert!(small.contains("Samenvatting"), "{small}");
    assert!(
        large.contains("e exporteert (md, txt, html, odt)"),
        "{large}"
    );

    // e: the export form over the summary; written, the summary shows where.
    rig.app.export_folder = "/home/dewi/Documenten".into();
    rig.ch('e');
    assert!(matches!(rig.app.mode, Mode::Export(_)));
    let [large, medium, _] = snap_all("summary_export", &rig);
    for text in [&large, &medium] {
        assert!(text.contains("Exporteren"), "{text}");
        assert!(text.contains("/home/dewi/Documenten"), "{text}");
    }
    rig.app.exported(tafel::app::export::Exported::Written(
        "/home/dewi/Documenten/teamdag-oost.md".into(),
    ));
    assert!(matches!(rig.app.mode, Mode::Summary));
    let [large, medium, _] = snap_all("summary_exported", &rig);
    for text in [&large, &medium] {
        assert!(
            text.contains("Geëxporteerd naar /home/dewi/Documenten/teamdag-oost.md"),
            "{text}"
        );
    }
    rig.key(KeyCode::Enter);
    assert!(rig.quit());
}

// ---------------------------------------------------------------------------------------------
// The plan picker

#[test]
fn plan_picker() {
    let library = library();
    let selected = library
        .plans
        .iter()
        .position(|e| e.item.id == PLAN)
        .unwrap();
    let text = screen_text(80, 24, |frame| {
        tafel::ui::picker::render_plans(&library, &[], selected, frame.area(), frame.buffer_mut())
    });
    insta::assert_snapshot!("picker_80x24", text);
    // The home screen's plan list. Rounds that grow with the group: the smallest to the
    // largest group in the list, the total for the nominal group of eight beside it.
    assert!(text.contains("Werkvormen"));
    assert!(text.contains("▶ Workshop Grenzeloos Samenwerken  (11 rondes · 86–120 min)"));
    assert!(text.contains("Totaal: ± 94 min voor 8 deelnemers in 11 rondes"));
    assert!(
        text.contains("↑↓ kiezen · Enter starten · Esc / q terug"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Any size, any mode: no panic

/// Every screen and mode the app can show, by name.
fn all_screens() -> Vec<(&'static str, App)> {
    let mut screens = Vec::new();
    let mut add = |name: &'static str, rig: Harness| screens.push((name, rig.app));

    add("not started", opened(PLAN));
    let mut rig = begun(PLAN);
    assert!(rig.app.card_on_table().is_none());
    add("no card", rig);
    rig = begun(PLAN);
    rig.ch('t');
    assert!(matches!(rig.app.status, Some(Status::Info(_))));
    add("no card, status message", rig);
    add("card, note, agreement", round_seven());

    rig = round_seven();
    rig.advance_secs(16 * 60 - 45 - into_round_seven(&rig));
    add("last minute", rig);
    rig = round_seven();
    // Over an hour over time: the longest timer text.
    rig.advance_secs(2 * 3600);
    add("long over time", rig);
    rig = round_seven();
    rig.ch(' ');
    add("paused", rig);
    rig = round_seven();
    rig.ch('h');
    add("notes hidden", rig);
    rig = round_seven();
    rig.ch('?');
    add("help", rig);
    rig = round_seven();
    rig.ch('q');
    add("quit question", rig);
    rig = round_seven();
    rig.key(KeyCode::Right);
    rig.key(KeyCode::Right);
    assert!(matches!(rig.app.mode, Mode::ConfirmEnd));
    add("end question", rig);
    rig = round_seven();
    rig.app.mode = Mode::EmptyPile {
        deck: "grenzeloos-samenwerken".into(),
        category: Some("tien-lessen".into()),
    };
    add("empty pile question", rig);
    rig = round_seven();
    rig.ch('n');
    rig.type_text("een notitie ");
    rig.key_with(KeyCode::Enter, KeyModifiers::ALT);
    rig.type_text(&"lang ".repeat(200));
    add("note editor", rig);
    rig = round_seven();
    rig.ch('a');
    rig.type_text("afspraak");
    rig.key(KeyCode::Tab);
    rig.type_text("Anna");
    add("agreement editor", rig);
    rig = round_seven();
    rig.ch('e');
    assert!(matches!(rig.app.mode, Mode::Notes { .. }));
    add("notes list", rig);
    rig = round_seven();
    rig.ch('e');
    rig.ch('x');
    add("notes list, delete question", rig);
    rig = round_seven();
    rig.ch('g');
    add("agenda", rig);
    rig = round_seven();
    rig.ch('g');
    rig.ch('i');
    rig.type_text("Extra pauze");
    add("agenda, insert", rig);
    rig = round_seven();
    rig.ch('q');
    rig.ch('j');
    assert!(matches!(rig.app.mode, Mode::Summary));
    add("summary", rig);
    screens
}

/// The sizes to try: every size from 0×0 to 12×12; then steps of 7 wide by 3 high over the
/// region where the layouts change (minimal below 60×18, medium, large from 100×30), coarser
/// steps on to 300×100 (the layouts no longer change there; in debug, a full 7×3 grid up to
/// 300×100 costs about 4.5 s of CPU per screen); and the edges of each layout.
fn all_sizes() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    for w in 0..=12 {
        for h in 0..=12 {
            sizes.push((w, h));
        }
    }
    let widths = (0..=140).step_by(7).chain((150..=300).step_by(25));
    for w in widths {
        let heights = (0..=60).step_by(3).chain((70..=100).step_by(10));
        for h in heights {
            sizes.push((w, h));
        }
    }
    sizes.extend([(1, 1), (300, 100), (300, 1), (1, 100), (300, 2), (2, 100)]);
    // Either side of the medium (60×18) and large (100×30) layouts.
    for (w, h) in [(60, 18), (100, 30)] {
        for dw in [-1, 0, 1] {
            for dh in [-1, 0, 1] {
                sizes.push(((w + dw) as u16, (h + dh) as u16));
            }
        }
    }
    sizes
}

fn render_everywhere(screens: &[(&str, App)]) {
    for (w, h) in all_sizes() {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        for (name, app) in screens {
            buf.reset();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                tafel::ui::render(app, area, &mut buf)
            }));
            assert!(result.is_ok(), "`{name}` panicked at {w}×{h}");
        }
    }
}

#[test]
fn every_screen_renders_at_every_size() {
    const THREADS: usize = 4;
    // `App` is not `Sync` (the editor's text area), so each thread builds its own screens
    // and sweeps a quarter of them.
    let count = all_screens().len();
    std::thread::scope(|scope| {
        for part in 0..THREADS {
            // Neighbouring screens share layouts, which ratatui caches per thread.
            let range = part * count / THREADS..(part + 1) * count / THREADS;
            scope.spawn(move || {
                let screens: Vec<_> = all_screens().drain(range).collect();
                render_everywhere(&screens);
            });
        }
    });
}

#[test]
fn the_plan_picker_renders_at_every_size() {
    let library = library();
    for (w, h) in all_sizes() {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        for selected in [0, library.plans.len() - 1] {
            buf.reset();
            let participants = ["Anna".to_string(), "Bram".to_string()];
            tafel::ui::picker::render_plans(&library, &participants, selected, area, &mut buf);
        }
    }
}

#[test]
fn a_screen_in_a_smaller_buffer_than_its_area_draws_only_the_buffer() {
    let rig = round_seven();
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 5));
    tafel::ui::render(&rig.app, Rect::new(0, 0, 120, 40), &mut buf);
    tafel::ui::render(&rig.app, Rect::new(5, 3, 120, 40), &mut buf);
}

#[test]
fn resize_mid_round() {
    let mut rig = round_seven();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| tafel::ui::draw(f, &rig.app)).unwrap();
    assert!(terminal.backend().to_string().contains("ronde 7 van 8"));

    terminal.backend_mut().resize(3, 3);
    terminal.autoresize().unwrap();
    terminal.draw(|f| tafel::ui::draw(f, &rig.app)).unwrap();
    assert_eq!(terminal.backend().buffer().area, Rect::new(0, 0, 3, 3));

    rig.advance_secs(30);
    terminal.backend_mut().resize(80, 24);
    terminal.autoresize().unwrap();
    terminal.draw(|f| tafel::ui::draw(f, &rig.app)).unwrap();
    let text = terminal.backend().to_string();
    assert_eq!(terminal.backend().buffer().area, Rect::new(0, 0, 80, 24));
    assert!(text.contains("ronde 7 van 8"), "{text}");
    assert!(text.contains("nog 12:00"), "{text}");
    assert_eq!(
        text,
        screen(&rig.app, 80, 24),
        "after resizing, the screen is what a fresh 80×24 terminal shows"
    );
}

#[test]
fn the_session_holds_what_the_harness_confirmed() {
    let rig = round_seven();
    assert_eq!(rig.app.session.next_seq, rig.journal.len() as u64);
    // The last save is the checkpoint of the running timer, 30 s after the agreement.
    assert_eq!(
        rig.app.saved_at,
        Some(start_wall() + Duration::seconds(67 * 60 + 30))
    );
    assert_eq!(
        rig.app.session.timer.planned_ms, ROLES_ROUND_MS,
        "the first visit to round 7 gets all of its 16 minutes"
    );
}

/// The review at the start of a follow-up meeting shows the date each agreement's words
/// meant, as the agreements list does: "vrijdag volgende week" alone is ambiguous weeks
/// later (new-user trial). Words that are no date stay as typed.
#[test]
fn the_follow_up_review_shows_the_resolved_date_beside_the_words() {
    use tafel::app::Now;
    use tafel::session::Session;
    use tafel::session::event::{Event, Record, ReviewItem};
    let wall = DateTime::parse_from_rfc3339("2026-12-14T10:00:00+01:00").unwrap();
    let start = Setup::new(
        "Vervolg",
        common::harness::LIBRARY.plan("koers-wat").unwrap().clone(),
        vec![
            common::harness::LIBRARY
                .deck("koerskaarten")
                .unwrap()
                .clone(),
        ],
    )
    .seed(1)
    .wall(wall);
    let item = |note: u64, text: &str, due: Option<&str>, date: Option<&str>| ReviewItem {
        session: None,
        note,
        text: text.into(),
        owner: Some("Bram".into()),
        due: due.map(str::to_string),
        due_date: date.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
    };
    let records = vec![
        start.record(),
        Record {
            seq: 1,
            at: wall,
            t: 0,
            event: Event::FollowUpOpened {
                session: "eerder".into(),
                title: "Teamdag".into(),
                agreements: vec![
                    item(
                        4,
                        "Verslag sturen",
                        Some("vrijdag volgende week"),
                        Some("2026-12-04"),
                    ),
                    item(9, "Zaal boeken", Some("na de zomer"), None),
                ],
            },
        },
    ];
    let session = Session::from_records(&records).unwrap();
    let app = App::new(session, "x".into(), "x".into(), Now { t: 0, wall });
    assert!(matches!(app.mode, Mode::Review { selected: 0 }));
    let text = screen(&app, 120, 30);
    assert!(
        text.contains(
            "Verslag sturen — wie: Bram — wanneer: vrijdag volgende week (vr 04-12-2026)"
        ),
        "{text}"
    );
    assert!(
        text.contains("Zaal boeken — wie: Bram — wanneer: na de zomer"),
        "{text}"
    );
    assert!(!text.contains("na de zomer ("), "{text}");
}
