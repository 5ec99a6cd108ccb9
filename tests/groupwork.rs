//! Group work in a session (issue 10): the styles round, mixed teams and the vote, driven
//! through the real `App` with a fake clock; the team mixer's properties; the new screens.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use tafel::catalog::{Library, RoundKind};
use tafel::keys::KeyCode;
use tafel::session::groupwork::{form_teams, team_coverage};
use tafel::session::{Event, Session};

use common::app_helpers::{NINE, grenzeloos_for, grenzeloos_for_nine};
use common::harness::{Harness, Setup, screen_text, wall_time};

/// A `grenzeloos-workshop` session for nine people with the bundled style set loaded, as
/// `tafel run` starts it, in its first round (the styles round).
fn workshop() -> Harness {
    grenzeloos_for_nine(42, "2026-11-22T14:00:00+01:00")
}

fn screen(h: &Harness, w: u16, height: u16) -> String {
    screen_text(w, height, |frame| tafel::ui::draw(frame, &h.app))
}

/// Records the styles 1–6 round-robin, one key per person, the first person with a second.
fn record_styles(h: &mut Harness) {
    for i in 0..NINE.len() {
        let digit = char::from(b'1' + (i % 6) as u8);
        h.ch(digit);
    }
    h.key(KeyCode::Up);
    for _ in 0..NINE.len() {
        h.key(KeyCode::Up);
    }
    h.ch('o');
    h.ch('3');
}

#[test]
fn a_styles_round_records_one_key_per_person_and_an_optional_second() {
    let mut h = workshop();
    assert_eq!(
        h.app.session.current_round().unwrap().round.kind,
        RoundKind::Styles
    );
    record_styles(&mut h);
    let styles = &h.app.session.group.styles;
    assert_eq!(styles["Anna"], ["verbinder", "doorzetter"]);
    assert_eq!(styles["Bram"], ["verkenner"]);
    assert_eq!(styles["Gijs"], ["verbinder"]);
    assert_eq!(styles.len(), 9);
    // 0 clears a pick (the cursor moved on to Bram).
    h.ch('0');
    assert!(!h.app.session.group.styles.contains_key("Bram"));
    let text = screen(&h, 120, 40);
    assert!(text.contains("1 Verbinder"), "{text}");
    assert!(text.contains("Anna: Verbinder + Doorzetter"), "{text}");
    assert!(text.contains("Bram: nog geen stijl"), "{text}");
    insta::assert_snapshot!("styles_round_120x40", text);
    insta::assert_snapshot!("styles_round_80x24", screen(&h, 80, 24));
    let mid = screen(&h, 120, 35);
    assert!(mid.contains("Verbinder"), "{mid}");
    insta::assert_snapshot!("styles_round_120x35", mid);
}

/// Twenty people: more than an 80×24 screen has lines for.
const TWENTY: [&str; 20] = [
    "Anna", "Bram", "Chris", "Dewi", "Eva", "Fer", "Gijs", "Hanna", "Ilse", "Joost", "Karin",
    "Lotte", "Mehmet", "Noor", "Otto", "Pien", "Quinten", "Rosa", "Sem", "Tess",
];

#[test]
fn at_80x24_the_styles_round_shows_everyone_and_the_style_names_shrink() {
    let mut h = workshop();
    h.ch('1');
    let text = screen(&h, 80, 24);
    // The descriptions gave way to one or two lines of names; the nine people all show.
    assert!(text.contains("1 Verbinder · 2 Verkenner"), "{text}");
    assert!(!text.contains("Je kent mensen"), "{text}");
    assert!(text.contains("Anna: Verbinder"), "{text}");
    assert!(text.contains("▶ Bram: nog geen stijl"), "{text}");
    for person in NINE {
        assert!(text.contains(&format!("{person}: ")), "{person}: {text}");
    }
    insta::assert_snapshot!("styles_round_nine_80x24", text);
    // Down to the last person, who gets the sixth style: each key lands where it is seen.
    for _ in 1..NINE.len() - 1 {
        h.ch('2');
    }
    h.ch('6');
    let text = screen(&h, 80, 24);
    assert!(text.contains("Ilse: Spiegelaar"), "{text}");
    assert!(text.contains("Hanna: Verkenner"), "{text}");
    // The console shows the picks too.
    h.ch('c');
    assert!(h.app.console);
    let console = screen(&h, 80, 24);
    assert!(console.contains("Ilse: Spiegelaar"), "{console}");
    assert!(console.contains("▶ "), "{console}");
    insta::assert_snapshot!("styles_console_nine_80x24", console);
}

#[test]
fn at_80x24_a_long_list_of_people_scrolls_with_the_selection() {
    let mut h = grenzeloos_for(&TWENTY, 42, "2026-11-22T14:00:00+01:00");
    let first = screen(&h, 80, 24);
    assert!(first.contains("▶ Anna: nog geen stijl"), "{first}");
    assert!(first.contains("deelnemers 1–"), "{first}");
    assert!(!first.contains("Tess"), "{first}");
    for _ in 0..18 {
        h.key(KeyCode::Down);
    }
    h.ch('4');
    // The pick moved the cursor on to the last person; Sem's pick is on screen.
    let text = screen(&h, 80, 24);
    assert!(text.contains("Sem: Speelveldkenner"), "{text}");
    assert!(text.contains("▶ Tess: nog geen stijl"), "{text}");
    assert!(text.contains("van 20"), "{text}");
    assert!(!text.contains("Anna"), "{text}");
    insta::assert_snapshot!("styles_round_twenty_80x24", text);
    h.ch('c');
    let console = screen(&h, 80, 24);
    assert!(console.contains("▶ Tess"), "{console}");
    assert!(console.contains("Sem: Speelveldkenner"), "{console}");
}

#[test]
fn a_teams_round_mixes_styles_and_can_mix_again() {
    let mut h = workshop();
    record_styles(&mut h);
    h.right();
    let teams = h.app.session.group.teams.clone();
    assert_eq!(teams.len(), 3);
    assert!(teams.iter().all(|t| t.len() == 3));
    let mut everyone: Vec<&String> = teams.iter().flatten().collect();
    everyone.sort();
    assert_eq!(everyone.len(), 9);
    everyone.dedup();
    assert_eq!(everyone.len(), 9, "everyone exactly once");
    // Two people per first style for styles 1–3 and one for 4–6: no team has a style twice.
    for team in &teams {
        let mut firsts: Vec<&String> = team
            .iter()
            .map(|p| &h.app.session.group.styles[p][0])
            .collect();
        firsts.sort();
        let n = firsts.len();
        firsts.dedup();
        assert_eq!(firsts.len(), n, "{team:?}");
    }
    let text = screen(&h, 120, 40);
    assert!(text.contains("Team 1:") && text.contains("mist:"), "{text}");
    insta::assert_snapshot!("teams_round_120x40", text);
    insta::assert_snapshot!("teams_round_80x24", screen(&h, 80, 24));
    let mid = screen(&h, 120, 35);
    assert!(mid.contains("Team 3:") && mid.contains("mist:"), "{mid}");
    insta::assert_snapshot!("teams_round_120x35", mid);

    h.ch('m');
    assert_ne!(h.app.session.group.teams, teams, "m mixes again");
    assert_eq!(h.app.session.group.team_splits, 2);
    let replayed = Session::from_records(&h.journal).unwrap();
    assert_eq!(replayed, h.app.session);
}

/// The vote round of `prioriteren` after two ideas were noted in the first round.
fn vote_round() -> Harness {
    let library = Library::bundled();
    let mut h = Setup::plan_in(&library, "prioriteren")
        .participants(&["Anna", "Bram", "Chris"])
        .session_deck("koerskaarten")
        .wall(wall_time("2026-11-22T14:00:00+01:00"))
        .strict()
        .start();
    h.note("Vaste koffiedate met de uitvoering");
    h.note("Eén gedeeld dossier");
    h.note("Spreekuur voor inwoners");
    h.right();
    h.right();
    h
}

#[test]
fn a_vote_is_secret_until_revealed_and_keeps_to_the_budget() {
    let mut h = vote_round();
    let round = h.app.session.current.unwrap();
    let vote = &h.app.session.group.votes[&round];
    assert_eq!(vote.options.len(), 3);
    // Anna: two dots on a, a third on a is refused (at most two per option), one on c.
    h.keys("aaa");
    assert!(
        h.app.status.is_some(),
        "the third dot on one option is refused"
    );
    h.ch('c');
    h.ch('b');
    assert_eq!(
        h.app.session.group.votes[&round].ballots["Anna"],
        [2, 0, 1],
        "three dots in all: the fourth is refused"
    );
    h.key(KeyCode::Down);
    h.keys("bbC");
    h.ch('c');
    h.ch('C');
    let text = screen(&h, 120, 40);
    assert!(text.contains("2 van 3 hebben gestemd"), "{text}");
    assert!(
        !text.contains("2 stippen") && !text.contains("1 stip "),
        "secret until revealed: {text}"
    );
    insta::assert_snapshot!("vote_secret_120x40", text);
    let mid = screen(&h, 120, 35);
    assert!(mid.contains("2 van 3 hebben gestemd"), "{mid}");
    assert!(
        !mid.contains("2 stippen") && !mid.contains("1 stip "),
        "secret until revealed: {mid}"
    );
    insta::assert_snapshot!("vote_secret_120x35", mid);

    h.enter();
    assert!(h.app.session.group.votes[&round].revealed);
    let text = screen(&h, 120, 40);
    // a and b have two dots each (equal: one shared place, in listed order), c one.
    let a = text.find("1. Vaste koffiedate").expect(&text);
    let b = text.find("1. Eén gedeeld dossier").expect(&text);
    let c = text.find("3. Spreekuur voor inwoners").expect(&text);
    assert!(a < b && b < c, "{text}");
    assert!(
        text.contains("2 stippen") && text.contains("1 stip"),
        "{text}"
    );
    insta::assert_snapshot!("vote_revealed_120x40", text);
    insta::assert_snapshot!("vote_revealed_80x24", screen(&h, 80, 24));
    let mid = screen(&h, 120, 35);
    assert!(mid.contains("3. Spreekuur voor inwoners"), "{mid}");
    insta::assert_snapshot!("vote_revealed_120x35", mid);

    // Letters are refused while the result shows; Enter reopens.
    h.ch('a');
    assert_eq!(h.app.session.group.votes[&round].ballots["Bram"], [0, 2, 0]);
    h.enter();
    assert!(!h.app.session.group.votes[&round].revealed);
    let replayed = Session::from_records(&h.journal).unwrap();
    assert_eq!(replayed, h.app.session);
}

fn people(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("p{i}")).collect()
}

proptest! {
    #[test]
    fn the_mixer_places_everyone_once_in_balanced_teams(
        n in 1usize..60,
        k in 1usize..12,
        styles in prop::collection::vec(prop::option::of(0u8..6), 60),
        mix in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let names = people(n);
        let picks: BTreeMap<String, Vec<String>> = names
            .iter()
            .zip(&styles)
            .filter_map(|(p, s)| s.map(|s| (p.clone(), vec![format!("s{s}")])))
            .collect();
        let teams = form_teams(&names, &picks, k, mix, seed, "t");
        let mut all: Vec<&String> = teams.iter().flatten().collect();
        all.sort();
        let mut expected: Vec<&String> = names.iter().collect();
        expected.sort();
        prop_assert_eq!(all, expected);
        let sizes: Vec<usize> = teams.iter().map(Vec::len).collect();
        prop_assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
        prop_assert_eq!(teams.len(), k.min(n));
        prop_assert_eq!(&teams, &form_teams(&names, &picks, k, mix, seed, "t"));
        if mix {
            // Every style is spread over as many teams as it can be: the most there is.
            let mut count: BTreeMap<&String, usize> = BTreeMap::new();
            for s in picks.values() {
                *count.entry(&s[0]).or_default() += 1;
            }
            let best: usize = count.values().map(|c| (*c).min(teams.len())).sum();
            let got: usize = teams
                .iter()
                .map(|t| team_coverage(t, &picks, None).0.len())
                .sum();
            prop_assert_eq!(got, best);
        }
    }
}

#[test]
fn the_mixer_is_optimal_for_small_cases_by_brute_force() {
    // Six people, styles a a a b b c, two teams of three: the best split covers five
    // (style, team) pairs (a in both, b in both, c once).
    let names = people(6);
    let styles = ["a", "a", "a", "b", "b", "c"];
    let picks: BTreeMap<String, Vec<String>> = names
        .iter()
        .zip(styles)
        .map(|(p, s)| (p.clone(), vec![s.to_string()]))
        .collect();
    let mut best = 0;
    for mask in 0u32..64 {
        if mask.count_ones() != 3 {
            continue;
        }
        let (a, b): (Vec<String>, Vec<String>) = names
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p.clone()))
            .partition(|(i, _)| mask & (1 << i) != 0)
            .into_iter_pair();
        let cover =
            team_coverage(&a, &picks, None).0.len() + team_coverage(&b, &picks, None).0.len();
        best = best.max(cover);
    }
    assert_eq!(best, 5);
    for seed in 0..50 {
        let teams = form_teams(&names, &picks, 2, true, seed, "t");
        let got: usize = teams
            .iter()
            .map(|t| team_coverage(t, &picks, None).0.len())
            .sum();
        assert_eq!(got, best, "seed {seed}: {teams:?}");
    }
}

trait IntoIterPair {
    fn into_iter_pair(self) -> (Vec<String>, Vec<String>);
}

impl IntoIterPair for (Vec<(usize, String)>, Vec<(usize, String)>) {
    fn into_iter_pair(self) -> (Vec<String>, Vec<String>) {
        (
            self.0.into_iter().map(|(_, p)| p).collect(),
            self.1.into_iter().map(|(_, p)| p).collect(),
        )
    }
}

#[test]
fn one_person_moves_to_another_team_and_the_cursor_follows() {
    let mut h = workshop();
    record_styles(&mut h);
    h.right();
    let before = h.app.session.group.teams.clone();
    // The cursor walks the teams' order: the second person of team 1.
    h.key(KeyCode::Down);
    let moving = before[0][1].clone();
    assert_eq!(h.app.selected_participant(), Some(&moving));
    h.ch('3');
    let teams = &h.app.session.group.teams;
    assert_eq!(teams[0].len(), 2);
    assert_eq!(teams[2].last(), Some(&moving));
    assert_eq!(teams[2].len(), 4);
    assert_eq!(
        h.app.selected_participant(),
        Some(&moving),
        "the cursor follows"
    );
    assert!(matches!(
        h.journal.last().unwrap().event,
        Event::TeamMemberMoved { team: 2, .. }
    ));
    // No team 4, and moving into one's own team, only explain.
    let saved = h.journal.len();
    h.ch('4');
    assert!(h.app.status.is_some());
    h.ch('3');
    assert!(h.app.status.is_some());
    assert_eq!(h.journal.len(), saved);
    let text = screen(&h, 120, 40);
    assert!(text.contains(&format!("▶{moving}")), "{text}");
    // Emptying a team removes it.
    let last_team = h.app.session.group.teams[0].clone();
    for person in &last_team {
        h.move_to_team(person, '2');
    }
    assert_eq!(h.app.session.group.teams.len(), 2);
    let replayed = Session::from_records(&h.journal).unwrap();
    assert_eq!(replayed, h.app.session);
}

/// A plan whose vote takes its options from the cards of the first round, then its notes.
const CARDS_VOTE: &str = r#"[plan]
id = "bronnen"
title = "Bronnen"
description = "Stemmen over de kaarten en de notities."
decks = ["koerskaarten"]

[[round]]
title = "Kaarten"
minutes = 5
instruction = "Trek twee kaarten."
draw = { count = 2, without = ["veiligheid"] }

[[round]]
title = "Stemmen"
minutes = 5
instruction = "Stem."
kind = "vote"
vote = { dots = 3, from = ["cards", "notes"] }
"#;

#[test]
fn a_vote_takes_its_options_from_the_cards_of_earlier_rounds_and_the_notes() {
    let library = Library::bundled();
    let plan = match tafel::catalog::parse::parse("bronnen.toml", CARDS_VOTE) {
        Ok(tafel::catalog::parse::Parsed::Plan(plan, _)) => plan,
        Ok(_) => panic!("a plan"),
        Err(problems) => panic!("{problems:?}"),
    };
    let deck = library.deck("koerskaarten").unwrap().clone();
    let mut h = Setup::new("Bronnen", plan, vec![deck])
        .participants(&["Anna", "Bram"])
        .strict()
        .start();
    h.ch('d');
    let titles: Vec<String> = tafel::view::cards(&h.app.session)
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert!(!titles.is_empty());
    h.note("Een eigen idee");
    h.right();
    let round = h.app.session.current.unwrap();
    let mut expected = titles.clone();
    expected.push("Een eigen idee".into());
    assert_eq!(h.app.session.group.votes[&round].options, expected);
}

#[test]
fn check_reports_a_wrong_vote_source_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bronnen.toml");
    let text = CARDS_VOTE.replace(
        r#"from = ["cards", "notes"]"#,
        r#"from = ["notes", "kaarten", "notes"]"#,
    ) + "\n[[round]]\ntitle = \"Nog eens\"\nminutes = 5\ninstruction = \"Stem.\"\nkind = \"vote\"\nvote = { options = [\"a\", \"b\"], from = [\"cards\"] }\n";
    std::fs::write(&file, text).unwrap();
    let run = common::tafel(&["check", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let path = file.to_str().unwrap();
    for expected in [
        "18:37: onbekende bron `kaarten` (kies uit notes, cards)",
        "18:48: `notes` staat twee keer in `from`",
        "25:39: geef `options` óf `from`, niet allebei",
    ] {
        let want = format!("{path}:{expected}");
        assert!(
            run.stdout.lines().any(|l| l == want),
            "{want}\nnot in\n{}",
            run.stdout
        );
    }
    let good = dir.path().join("goed.toml");
    std::fs::write(&good, CARDS_VOTE).unwrap();
    let run = common::tafel(&["check", good.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

// ----- The room screen (`tafel room`) -------------------------------------------------------

fn room_view(h: &Harness) -> tafel::view::RoomView {
    tafel::view::room(
        &h.app.session,
        h.app.now.t,
        h.app.now.wall,
        tafel::view::Options::default(),
    )
}

fn room_group(h: &Harness) -> tafel::view::GroupView {
    match room_view(h) {
        tafel::view::RoomView::Round(round) => round.group.expect("a group-work round"),
        waiting => panic!("expected a round, got {waiting:?}"),
    }
}

fn room_screen(h: &Harness, w: u16, height: u16) -> String {
    let view = room_view(h);
    screen_text(w, height, |frame| {
        tafel::ui::room::render(
            &view,
            tafel::ui::room::Draw::room(false),
            frame.area(),
            frame.buffer_mut(),
        )
    })
}

/// Nothing of the facilitator's on the room screen: no keys, no one selected.
fn assert_calm(text: &str) {
    for bad in ["▶", "↑↓", "Tip"] {
        assert!(!text.contains(bad), "`{bad}` on the room screen: {text}");
    }
}

#[test]
fn the_room_shows_the_six_styles_in_a_styles_round() {
    use tafel::view::GroupView;
    let mut h = workshop();
    record_styles(&mut h);
    let GroupView::Styles(styles) = room_group(&h) else {
        panic!("a styles round shows the styles");
    };
    assert_eq!(styles.len(), 6);
    assert_eq!(styles[0].name, "Verbinder");
    assert!(styles.iter().all(|s| !s.summary.is_empty()));
    let text = room_screen(&h, 120, 35);
    assert!(text.contains("Verbinder"), "{text}");
    assert!(
        !text.contains("Anna"),
        "no one's pick on the room screen: {text}"
    );
    assert_calm(&text);
    insta::assert_snapshot!("room_styles_120x35", text);
    let small = room_screen(&h, 80, 24);
    assert!(small.contains(":"), "the timer first: {small}");
    assert_calm(&small);
    insta::assert_snapshot!("room_styles_80x24", small);
    // Space short: the timer's state first, then as many styles as fit, cut with "…".
    let tiny = room_screen(&h, 40, 6);
    assert!(tiny.contains("nog 8:00"), "{tiny}");
    assert!(tiny.contains('…'), "{tiny}");
}

#[test]
fn the_room_shows_the_teams_with_their_styles_in_a_teams_round() {
    use tafel::view::GroupView;
    let mut h = workshop();
    record_styles(&mut h);
    h.right();
    let GroupView::Teams(teams) = room_group(&h) else {
        panic!("a teams round shows the teams");
    };
    assert_eq!(teams.len(), 3);
    assert_eq!(teams[0].name, "Team 1");
    assert_eq!(teams[0].members, h.app.session.group.teams[0]);
    // Nine people over six styles (Anna has a second): each team has three or four styles.
    assert!(teams.iter().all(|t| t.styles.len() >= 3), "{teams:?}");
    // Every style of the set is either present in a team or named as missing there.
    assert!(
        teams.iter().all(|t| t.styles.len() + t.missing.len() == 6),
        "{teams:?}"
    );
    let text = room_screen(&h, 120, 35);
    assert!(
        text.contains("Team 1: ") && text.contains("stijlen: ") && text.contains("mist: "),
        "{text}"
    );
    assert_calm(&text);
    insta::assert_snapshot!("room_teams_120x35", text);
    let small = room_screen(&h, 80, 24);
    assert!(small.contains("Team 3: "), "{small}");
    assert_calm(&small);
    insta::assert_snapshot!("room_teams_80x24", small);
}

#[test]
fn the_room_shows_a_vote_secret_then_ranked_with_bars_and_words() {
    use tafel::view::GroupView;
    let mut h = vote_round();
    let round = h.app.session.current.unwrap();
    h.keys("aac");
    h.key(KeyCode::Down);
    h.keys("bb");
    let GroupView::Vote(vote) = room_group(&h) else {
        panic!("a vote round shows the vote");
    };
    assert_eq!(vote.options.len(), 3);
    assert_eq!(vote.voted, "2 van 3 hebben gestemd");
    assert!(vote.ranking.is_none(), "secret until revealed");
    let text = room_screen(&h, 120, 35);
    assert!(text.contains("2 van 3 hebben gestemd"), "{text}");
    assert!(text.contains("Vaste koffiedate"), "{text}");
    assert!(
        !text.contains("punt") && !text.lines().any(|l| l.starts_with("\"    █")),
        "no ballots, no bars: {text}"
    );
    assert_calm(&text);
    insta::assert_snapshot!("room_vote_secret_120x35", text);
    insta::assert_snapshot!("room_vote_secret_80x24", room_screen(&h, 80, 24));

    h.enter();
    assert!(h.app.session.group.votes[&round].revealed);
    let GroupView::Vote(vote) = room_group(&h) else {
        panic!("a vote round shows the vote");
    };
    let ranking = vote.ranking.expect("revealed");
    let placed: Vec<(usize, &str, u32, &str)> = ranking
        .iter()
        .map(|r| (r.place, r.option.as_str(), r.points, r.words.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            (1, "Vaste koffiedate met de uitvoering", 2, "2 stippen"),
            (1, "Eén gedeeld dossier", 2, "2 stippen"),
            (3, "Spreekuur voor inwoners", 1, "1 stip"),
        ]
    );
    let text = room_screen(&h, 120, 35);
    let a = text.find("1. Vaste koffiedate").expect(&text);
    let c = text.find("3. Spreekuur voor inwoners").expect(&text);
    assert!(a < c, "{text}");
    assert!(text.contains("█") && text.contains("2 stippen") && text.contains("1 stip"));
    assert_calm(&text);
    insta::assert_snapshot!("room_vote_revealed_120x35", text);
    let small = room_screen(&h, 80, 24);
    assert!(small.contains("1 stip"), "{small}");
    insta::assert_snapshot!("room_vote_revealed_80x24", small);
}

#[test]
fn a_talk_round_has_no_group_work_in_the_room() {
    let library = Library::bundled();
    let h = Setup::plan_in(&library, "prioriteren")
        .participants(&["Anna", "Bram"])
        .start();
    let tafel::view::RoomView::Round(round) = room_view(&h) else {
        panic!("the first round runs");
    };
    assert!(round.group.is_none());
}
