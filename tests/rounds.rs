//! Going back and forth between rounds, and the time a round was given (issue 8, items 6
//! and 7): what the facilitator sees live is what the summary, replay and export count.

mod common;

use chrono::NaiveTime;
use tafel::keys::KeyCode;

use tafel::catalog::{DrawSpec, Plan, Round, RoundLength};
use tafel::session::Session;

use common::harness::{Harness, LIBRARY, MIN, Setup};

fn round(title: &str, length: RoundLength) -> Round {
    Round::plain(title.into(), length)
}

/// Two rounds; the second deals two cards of the first bundled deck and hands out roles.
fn dealing_plan() -> Setup {
    let deck = LIBRARY.decks[0].item.clone();
    let mut second = round("Rollen", RoundLength::Minutes(10));
    second.draw = Some(DrawSpec {
        deck: Some(deck.id.clone()),
        category: None,
        count: 2,
        with: Vec::new(),
        without: Vec::new(),
        form: None,
        each: false,
    });
    second.roles = vec!["Opdrachtgever".into(), "Adviseur".into()];
    let plan = Plan {
        id: "heen-en-weer".into(),
        title: "Heen en weer".into(),
        description: String::new(),
        guide: Default::default(),
        resolved_for: None,
        decks: vec![deck.id.clone()],
        rounds: vec![round("Start", RoundLength::Minutes(5)), second],
    };
    Setup::new("Heen en weer", plan, vec![deck]).participants(&["Anna", "Bram", "Chris"])
}

#[test]
fn back_and_forth_keeps_the_cards_and_roles_on_the_table() {
    let mut h = dealing_plan().strict().start();
    h.right();
    let table = h.app.session.table.clone();
    let roles = h.app.session.roles.clone();
    assert_eq!(table.len(), 2);
    assert_eq!(roles.len(), 3);
    h.left();
    assert!(h.app.session.table.is_empty(), "round 1 has no cards");
    h.right();
    assert_eq!(h.app.session.table, table, "the same cards, in order");
    assert_eq!(
        h.app.session.roles, roles,
        "the same people in the same roles"
    );
    // The pile did not lose or double anything.
    let pile = &h.app.session.piles[&table[0].deck];
    for card in &table {
        assert!(!pile.aside.contains(&card.card) && !pile.remaining.contains(&card.card));
    }
    // And the journal replays to exactly this.
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

#[test]
fn a_card_put_back_stays_off_the_table_when_the_round_comes_back() {
    let mut h = dealing_plan().strict().start();
    h.right();
    let kept = h.app.session.table[0].clone();
    h.ch('t'); // the last card goes back into the pile
    h.left();
    h.right();
    assert_eq!(h.app.session.table, [kept]);
}

fn minutes_plan() -> Harness {
    Setup::custom(&[("Gesprek", 14), ("Afronden", 5)])
        .strict()
        .start()
}

fn planned(h: &Harness, round: usize) -> Option<u64> {
    h.app.session.rounds[round].planned_ms()
}

#[test]
fn over_time_made_with_minus_is_over_time_in_the_summary() {
    let mut h = minutes_plan();
    h.run_secs(25);
    for _ in 0..14 {
        h.ch('-');
    }
    h.run_secs(7);
    // The screen: 32 s over time.
    assert_eq!(h.app.session.timer.remaining_ms(h.t()), -32_000);
    h.right();
    assert_eq!(planned(&h, 0), Some(0), "planned follows the minus key");
    assert_eq!(h.app.session.rounds[0].spent_ms, 32_000);
    // A minute more in the next round counts too.
    h.ch('+');
    assert_eq!(planned(&h, 1), Some(6 * MIN));
    assert_eq!(h.app.session.planned_total_ms(), 6 * MIN);
}

#[test]
fn a_round_until_a_clock_time_counts_the_time_it_was_given() {
    let plan = Plan {
        id: "tot".into(),
        title: "Tot".into(),
        description: String::new(),
        guide: Default::default(),
        resolved_for: None,
        decks: Vec::new(),
        rounds: vec![round(
            "Tot de pauze",
            RoundLength::Until(NaiveTime::from_hms_opt(13, 20, 0).unwrap()),
        )],
    };
    // The default wall clock starts at 13:00.
    let h = Setup::new("Tot", plan, Vec::new()).strict().start();
    assert_eq!(planned(&h, 0), Some(20 * MIN), "not 'gepland 0 min'");
}

#[test]
fn going_back_to_a_round_keeps_what_it_was_given() {
    let mut h = minutes_plan();
    h.ch('+');
    h.run_secs(60);
    h.right();
    h.left();
    // 15 minutes given, one used: the timer holds the 14 left.
    assert_eq!(planned(&h, 0), Some(15 * MIN));
    assert_eq!(h.app.session.timer.remaining_ms(h.t()), 14 * 60_000);
}

// ---------------------------------------------------------------------------------------------
// The agenda: clock times the Dutch way, past times asked about, "tot" for a later round
// (issue 8, item 9), and help over the agenda and the editor (item 18).

use tafel::app::{AgendaInput, Mode};
use tafel::session::Event;

fn until_typed(h: &mut Harness, text: &str) -> Vec<tafel::app::Effect> {
    h.ch('u');
    h.type_text(text);
    h.enter()
}

fn last_event(h: &Harness) -> &Event {
    &h.journal.last().unwrap().event
}

#[test]
fn the_running_round_runs_until_a_time_written_the_dutch_way() {
    for text in ["13u30", "13.30", "13:30", "1330", "13.30 uur"] {
        let mut h = minutes_plan(); // the wall clock starts at 13:00
        h.ch('g');
        until_typed(&mut h, text);
        assert_eq!(
            last_event(&h),
            &Event::TimerSetUntil {
                until: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
                planned_ms: 30 * MIN,
            },
            "{text}"
        );
        assert!(matches!(h.app.mode, Mode::Normal));
    }
}

#[test]
fn a_time_that_has_passed_is_asked_about_never_taken_silently() {
    let mut h = minutes_plan();
    h.run_secs(60);
    h.ch('g');
    let before = h.journal.len();
    until_typed(&mut h, "12.00");
    assert_eq!(h.journal.len(), before, "nothing saved yet");
    let Mode::Agenda(state) = &h.app.mode else {
        panic!("still in the agenda");
    };
    assert!(matches!(state.input, Some(AgendaInput::PastTime { .. })));
    // A mistake: type another time.
    h.ch('n');
    let Mode::Agenda(state) = &h.app.mode else {
        panic!("still in the agenda");
    };
    assert_eq!(state.input, Some(AgendaInput::until("12.00")));
    // Or tomorrow, when that is what was meant: 23 hours from 13:01.
    h.enter();
    h.ch('j');
    assert_eq!(
        last_event(&h),
        &Event::TimerSetUntil {
            until: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            planned_ms: MIN + 23 * 60 * MIN - MIN,
        }
    );
}

#[test]
fn a_later_round_can_run_until_a_clock_time() {
    let mut h = minutes_plan();
    h.ch('g');
    h.key(KeyCode::Down);
    until_typed(&mut h, "13u40");
    assert_eq!(
        last_event(&h),
        &Event::RoundUntilSet {
            round: 1,
            until: NaiveTime::from_hms_opt(13, 40, 0).unwrap(),
        }
    );
    h.esc();
    h.run_secs(10 * 60);
    h.right();
    // Started at 13:10: thirty minutes to 13:40.
    assert_eq!(h.app.session.timer.planned_ms, 30 * MIN);
    assert_eq!(planned(&h, 1), Some(30 * MIN));
    assert_eq!(Session::from_records(&h.journal).unwrap(), h.app.session);
}

#[test]
fn help_opens_over_the_agenda_and_the_editor_and_returns_to_them() {
    let mut h = minutes_plan();
    h.ch('g');
    h.ch('?');
    assert!(matches!(h.app.mode, Mode::Help));
    h.ch('x'); // any key closes, and does nothing else
    assert!(matches!(h.app.mode, Mode::Agenda(_)));
    assert!(!h.app.session.rounds[1].skipped);
    h.esc();

    h.ch('n');
    h.type_text("Wat is de vraag?");
    h.key(KeyCode::F(1));
    assert!(matches!(h.app.mode, Mode::Help));
    h.esc();
    let Mode::Editor(editor) = &h.app.mode else {
        panic!("back in the editor");
    };
    assert_eq!(
        editor.to_draft().text,
        "Wat is de vraag?",
        "'?' is text here"
    );
}

#[test]
fn the_help_windows_list_their_own_keys_at_80_by_24() {
    let mut h = minutes_plan();
    h.ch('g');
    h.ch('?');
    let screen = common::harness::screen_text(80, 24, |f| tafel::ui::draw(f, &h.app));
    assert!(screen.contains("Toetsen in de agenda"), "{screen}");
    assert!(screen.contains("tot een kloktijd"), "{screen}");
    h.esc();
    h.esc();
    h.ch('a');
    h.key(KeyCode::F(1));
    let screen = common::harness::screen_text(80, 24, |f| tafel::ui::draw(f, &h.app));
    assert!(screen.contains("Toetsen in de editor"), "{screen}");
    assert!(screen.contains("volgend veld"), "{screen}");
}

/// Issue 11: a round that grows with the group gets its length when the session starts, from
/// the participants, and the journal's first record keeps it so replay gives the same times.
#[test]
fn a_plan_for_three_and_for_twelve_gives_turn_rounds_their_own_length() {
    let plan = LIBRARY.plan("koers-wat").unwrap();
    let names = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("P{i}")).collect() };
    let run = |participants: Vec<String>| {
        let (resolved, kept, warning) = tafel::commands::run::plan_for_group(plan, &participants);
        let mut setup = Setup::plan("koers-wat").strict();
        setup.plan = resolved;
        setup.participants = kept;
        let mut h = setup.start();
        // "Onze opgave" is the second round: 2 min + 75 s per person, at most 24.
        h.key(KeyCode::Right);
        assert_eq!(h.app.session.current, Some(1));
        let given = h.app.session.timer.planned_ms;
        let record = h.journal[0].clone();
        (given, record, warning)
    };
    let (three, first_three, warning) = run(names(3));
    let (twelve, first_twelve, none) = run(names(12));
    assert_eq!(three, 6 * MIN, "2 min + 3 × 75 s = 5:45, rounded up");
    assert_eq!(twelve, 17 * MIN, "2 min + 12 × 75 s");
    // The resolved plan is in the first record, with the group it was resolved for.
    let resolved_for = |record: &tafel::session::event::Record| match &record.event {
        tafel::session::event::Event::SessionStarted { plan, .. } => {
            (plan.resolved_for, plan.rounds[1].length)
        }
        other => panic!("not a start: {other:?}"),
    };
    assert_eq!(
        resolved_for(&first_three),
        (Some(3), RoundLength::Minutes(6))
    );
    assert_eq!(
        resolved_for(&first_twelve),
        (Some(12), RoundLength::Minutes(17))
    );
    // Three is below the plan's group size (4–16): said in words; twelve fits.
    assert!(warning.unwrap().contains("minstens 4"));
    assert!(none.is_none());
    // A number instead of names: twelve people without names.
    let (by_number, kept, _) = tafel::commands::run::plan_for_group(plan, &["12".to_string()]);
    assert!(kept.is_empty());
    assert_eq!(by_number.rounds[1].length, RoundLength::Minutes(17));
}

/// Issue 11: a round that grows per team gets its time from the teams its plan's teams
/// round makes of the participants at start: one team of three, three teams of twelve.
#[test]
fn a_round_per_team_gets_its_length_from_the_teams_at_start() {
    let text = "[plan]\nid = \"teams-terug\"\ntitle = \"Teams en terugkoppeling\"\ndescription = \"D\"\n\
                group_size = { min = 3, max = 16 }\n\
                [[round]]\ntitle = \"Teams\"\nminutes = 2\ninstruction = \"Zoek je team op.\"\nkind = \"teams\"\nteams = { size = 4 }\n\
                [[round]]\ntitle = \"Terugkoppelen\"\nminutes = 2\nper_team = 3\nmax_minutes = 20\ninstruction = \"Elk team vertelt.\"\n";
    let Ok(tafel::catalog::parse::Parsed::Plan(plan, _)) =
        tafel::catalog::parse::parse("teams-terug.toml", text)
    else {
        panic!("plan rejected")
    };
    let names = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("P{i}")).collect() };
    let run = |participants: Vec<String>| {
        let (resolved, kept, _) = tafel::commands::run::plan_for_group(&plan, &participants);
        let mut setup = Setup::new("Teams", resolved, Vec::new()).strict();
        setup.participants = kept;
        let mut h = setup.start();
        h.key(KeyCode::Right);
        assert_eq!(h.app.session.current, Some(1));
        let teams = h.app.session.group.teams.len();
        let given = h.app.session.timer.planned_ms;
        h.ch('g');
        let agenda = common::harness::screen_text(120, 40, |f| tafel::ui::draw(f, &h.app));
        (teams, given, agenda, h.journal[0].clone())
    };
    let (teams_of_three, three, agenda_three, first_three) = run(names(3));
    let (teams_of_twelve, twelve, agenda_twelve, _) = run(names(12));
    // The teams formed in the session are the teams the length counted.
    assert_eq!((teams_of_three, teams_of_twelve), (1, 3));
    assert_eq!(three, 5 * MIN, "2 min + 1 team × 3 min");
    assert_eq!(twelve, 11 * MIN, "2 min + 3 teams × 3 min");
    assert!(
        agenda_three.contains("Terugkoppelen  (5 min, 1 team)"),
        "{agenda_three}"
    );
    assert!(
        agenda_twelve.contains("Terugkoppelen  (11 min, 3 teams)"),
        "{agenda_twelve}"
    );
    assert!(
        agenda_twelve.contains("± 13 min voor 12 deelnemers"),
        "{agenda_twelve}"
    );
    // A round inserted live before it: the agenda still counts the teams of its teams round.
    let (resolved, kept, _) = tafel::commands::run::plan_for_group(&plan, &names(12));
    let mut setup = Setup::new("Teams", resolved, Vec::new()).strict();
    setup.participants = kept;
    let mut h = setup.start();
    h.ch('g');
    h.ch('i');
    h.type_text("Pauze");
    h.enter();
    h.type_text("5");
    h.enter();
    assert_eq!(h.app.session.rounds[1].round.title, "Pauze");
    let agenda = common::harness::screen_text(120, 40, |f| tafel::ui::draw(f, &h.app));
    assert!(
        agenda.contains("3. Terugkoppelen  (11 min, 3 teams)"),
        "{agenda}"
    );
    // The journal keeps the plan as resolved, with the scale it was resolved from.
    match &first_three.event {
        tafel::session::event::Event::SessionStarted { plan, .. } => {
            assert_eq!(plan.resolved_for, Some(3));
            assert_eq!(plan.rounds[1].length, RoundLength::Minutes(5));
            assert_eq!(plan.rounds[1].scale.map(|s| s.per_team_seconds), Some(180));
        }
        other => panic!("not a start: {other:?}"),
    }
}

/// Issue 11: a card that says how to use it shows that on the shared screen.
#[test]
fn the_card_view_says_how_a_card_is_used() {
    let mut h = Setup::plan("tegenspraak-gesprek")
        .participants(&["Anna", "Bram"])
        .strict()
        .start();
    // Round 1 deals the card with ground rules: the whole group, about five minutes.
    let text = common::harness::screen_text(120, 40, |frame| {
        tafel::ui::render(&h.app, frame.area(), frame.buffer_mut())
    });
    assert!(
        text.contains("Openen · met de hele groep · ± 5 minuten"),
        "{text}"
    );
    h.key(KeyCode::Right);
    let text = common::harness::screen_text(120, 40, |frame| {
        tafel::ui::render(&h.app, frame.area(), frame.buffer_mut())
    });
    assert!(text.contains("Openen · om de beurt"), "{text}");
}
