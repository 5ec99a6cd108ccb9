//! The plan builder (issue 11): its state machine driven by keys without a terminal (every
//! field, validation in words, save, reopen, an edit that keeps the file's comments), its
//! screens as insta snapshots at 120×40 and 80×24, and one run of the real binary in tmux:
//! copy a bundled plan, change a round, save, run it.
//!
//! The interface language is process-wide: every test holds `LOCK` and leaves Dutch behind.
//! Accept changed snapshots with `INSTA_UPDATE=always cargo test --test builder`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveTime;
use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};

use tafel::builder::{
    Builder, Input, LengthKind, Outcome, PlanField, RoundField, Safety, Sort, View,
};
use tafel::catalog::library::Origin;
use tafel::catalog::{Library, RoundKind, RoundLength, TeamCount, TeamSpec, VoteSpec};
use tafel::i18n::{Lang, set_lang};
use tafel::storage::plan_file;

use common::harness::{LIBRARY, screen_text};
use common::tmux::Term;

static LOCK: Mutex<()> = Mutex::new(());

fn dutch() -> MutexGuard<'static, ()> {
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    set_lang(Lang::Nl);
    guard
}

fn half_past_one() -> NaiveTime {
    NaiveTime::from_hms_opt(13, 28, 0).unwrap()
}

fn key(builder: &mut Builder, code: KeyCode, modifiers: KeyModifiers) -> Option<Outcome> {
    builder.update(Input::Key(KeyEvent::new(code, modifiers)), half_past_one())
}

fn press(builder: &mut Builder, code: KeyCode) -> Option<Outcome> {
    key(builder, code, KeyModifiers::NONE)
}

fn type_text(builder: &mut Builder, text: &str) {
    for c in text.chars() {
        assert_eq!(press(builder, KeyCode::Char(c)), None, "typing {c:?}");
    }
}

/// Clears the text field with the focus (Ctrl+U from its end).
fn clear(builder: &mut Builder) {
    press(builder, KeyCode::End);
    key(builder, KeyCode::Char('u'), KeyModifiers::CONTROL);
}

/// Tab (then Shift+Tab) until the round form's focus is on `field`.
fn focus(builder: &mut Builder, field: RoundField) {
    for i in 0..40 {
        if let View::Round { field: at, .. } = builder.view
            && at == field
        {
            return;
        }
        press(
            builder,
            if i < 20 {
                KeyCode::Tab
            } else {
                KeyCode::BackTab
            },
        );
    }
    panic!("no field {field:?} in {:?}", builder.view);
}

fn save(builder: &mut Builder) -> Option<Outcome> {
    key(builder, KeyCode::Char('s'), KeyModifiers::CONTROL)
}

/// Saves through `storage::plan_file`, as the shell does; the path written.
fn save_to_disk(builder: &mut Builder) -> PathBuf {
    let Some(Outcome::Save {
        path,
        text,
        new_file,
    }) = save(builder)
    else {
        panic!("not saved: {:?}", builder.status);
    };
    let result = plan_file::save(&path, &text, new_file);
    let written = result.as_ref().ok().cloned();
    builder.saved(result);
    written.expect("written")
}

fn library_with(dir: &Path) -> Library {
    tafel::storage::decks::load_library(&[dir.to_path_buf()])
}

fn screen(builder: &Builder, width: u16, height: u16) -> String {
    screen_text(width, height, |frame| {
        tafel::ui::builder::render(builder, frame.area(), frame.buffer_mut())
    })
}

const PLANS_DIR: &str = "/home/anna/.config/tafel/decks/plans";

#[test]
fn a_copy_of_a_bundled_plan_changes_every_field_and_saves_readable_toml() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let original = LIBRARY.plan("koers-wat").unwrap();
    let mut b = Builder::copy_of(&LIBRARY, original, plans.clone(), half_past_one());
    assert_eq!(b.plan.id.text(), "koers-wat-eigen");
    assert!(!b.dirty);
    assert!(b.problems().is_empty(), "{:?}", b.problems());

    // Round 2, every field.
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    assert_eq!(
        b.view,
        View::Round {
            index: 1,
            field: RoundField::Title
        }
    );
    clear(&mut b);
    type_text(&mut b, "Onze opgave, scherper");
    // Per person stays; the fixed part, per person and the maximum change.
    focus(&mut b, RoundField::Minutes);
    clear(&mut b);
    type_text(&mut b, "3");
    focus(&mut b, RoundField::PerPerson);
    clear(&mut b);
    type_text(&mut b, "1,5");
    focus(&mut b, RoundField::MaxMinutes);
    clear(&mut b);
    type_text(&mut b, "30");
    // A multi-line instruction: Enter is a new line there.
    focus(&mut b, RoundField::Instruction);
    press(&mut b, KeyCode::End);
    press(&mut b, KeyCode::Enter);
    type_text(&mut b, "Sluit af met een rondje.");
    // Cards chosen from lists: the deck stays, the category, count and form change.
    focus(&mut b, RoundField::Category);
    press(&mut b, KeyCode::Right);
    focus(&mut b, RoundField::Count);
    press(&mut b, KeyCode::Right);
    focus(&mut b, RoundField::Form);
    press(&mut b, KeyCode::Right);
    focus(&mut b, RoundField::Each);
    press(&mut b, KeyCode::Char(' '));
    focus(&mut b, RoundField::Roles);
    type_text(&mut b, "Opdrachtgever, Burger");
    press(&mut b, KeyCode::Esc);
    assert!(b.dirty);
    // Everyone a card of their own, for up to 16 people: the category has 12. Said in the
    // words of `tafel check`, before saving; a group of at most 12 fits.
    let problems = b.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("Ronde 2 (Onze opgave, scherper): deze beurtronde deelt iedereen een kaart, maar de trekking vindt er 12 voor een groep van hooguit 16"),
        "{problems:?}"
    );
    press(&mut b, KeyCode::Char('p'));
    for _ in 0..4 {
        press(&mut b, KeyCode::Tab);
    }
    assert_eq!(
        b.view,
        View::Plan {
            field: PlanField::GroupMax
        }
    );
    clear(&mut b);
    type_text(&mut b, "12");
    press(&mut b, KeyCode::Esc);

    let (plan, problems) = b.plan();
    assert!(problems.is_empty(), "{problems:?}");
    let round = &plan.rounds[1];
    assert_eq!(round.title, "Onze opgave, scherper");
    let scale = round.scale.unwrap();
    assert_eq!(
        (
            scale.base_minutes,
            scale.per_person_seconds,
            scale.max_minutes
        ),
        (3, 90, Some(30))
    );
    assert!(
        round
            .instruction
            .ends_with("verschillen.\nSluit af met een rondje.")
    );
    let draw = round.draw.as_ref().unwrap();
    assert_eq!(draw.deck.as_deref(), Some("koerskaarten"));
    assert_eq!(draw.category.as_deref(), Some("wat-effect"));
    assert_eq!(draw.count, 3);
    assert_eq!(draw.form.as_deref(), Some("beurt"));
    assert!(draw.each && round.turns);
    assert_eq!(round.roles, ["Opdrachtgever", "Burger"]);

    // The live total and clock times, for the group shown (8) from the start time typed.
    press(&mut b, KeyCode::Char('p'));
    for _ in 0..6 {
        press(&mut b, KeyCode::Tab);
    }
    assert_eq!(
        b.view,
        View::Plan {
            field: PlanField::Start
        }
    );
    type_text(&mut b, "13:30");
    press(&mut b, KeyCode::Up);
    clear(&mut b);
    type_text(&mut b, "12");
    press(&mut b, KeyCode::Esc);
    let (resolved, times) = b.schedule();
    // 3 min + 12 × 90 s = 21 min.
    assert_eq!(resolved.rounds[1].length, RoundLength::Minutes(21));
    assert_eq!(times[1], NaiveTime::from_hms_opt(13, 37, 0).unwrap());

    let path = save_to_disk(&mut b);
    assert_eq!(path, plans.join("koers-wat-eigen.toml"));
    assert!(!b.dirty);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("[plan]\nid = \"koers-wat-eigen\"\n"),
        "{text}"
    );
    assert!(
        text.contains("per_person = 1.5\nmax_minutes = 30\n"),
        "{text}"
    );
    assert!(
        text.contains("instruction = \"\"\"\n"),
        "multi-line: {text}"
    );
    assert!(
        text.contains("draw = { deck = \"koerskaarten\", category = \"wat-effect\", count = 3, form = \"beurt\", each = true }"),
        "{text}"
    );
    // `tafel plans` reads it at once, the same plan.
    let library = library_with(&plans);
    let saved = library.plan("koers-wat-eigen").expect("listed");
    assert_eq!(saved.rounds, plan.rounds);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
}

#[test]
fn problems_are_shown_in_words_before_saving_and_nothing_is_written() {
    let _lang = dutch();
    let mut b = Builder::new_plan(&LIBRARY, PathBuf::from(PLANS_DIR), half_past_one());
    // A new plan has no description and its round no instruction yet: the things to fill
    // in. The example in the empty description is never taken for one.
    assert_eq!(
        b.problems(),
        [
            "Werkvorm: de beschrijving is nog leeg; typ bij de werkvorm (p) wat ze oplevert en voor wie",
            "Ronde 1 (Nieuwe ronde): `instruction` is leeg"
        ]
    );
    describe(&mut b);
    assert_eq!(
        b.problems(),
        ["Ronde 1 (Nieuwe ronde): `instruction` is leeg"]
    );
    // A typo in the minutes, an empty title, a clock time that is none.
    press(&mut b, KeyCode::Enter);
    clear(&mut b);
    focus(&mut b, RoundField::Minutes);
    clear(&mut b);
    type_text(&mut b, "tien");
    press(&mut b, KeyCode::Esc);
    let problems = b.problems();
    assert!(
        problems.contains(&"Ronde 1: minuten `tien` is geen getal".to_string()),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("Ronde 1 (): `title` is leeg")),
        "{problems:?}"
    );
    // Saving refuses and says why.
    assert_eq!(save(&mut b), None);
    let shown = screen(&b, 120, 40);
    assert!(
        shown.contains("Nog niet bewaard: Ronde 1: minuten `tien` is geen getal"),
        "{shown}"
    );
    assert!(shown.contains("Wat `tafel check` nog meldt"), "{shown}");
    // Corrected; then a group size that does not fit the opening category.
    press(&mut b, KeyCode::Enter);
    type_text(&mut b, "Openen");
    focus(&mut b, RoundField::Minutes);
    clear(&mut b);
    type_text(&mut b, "1");
    focus(&mut b, RoundField::Instruction);
    type_text(&mut b, "Om de beurt een kaart.");
    press(&mut b, KeyCode::Esc);
    assert!(b.problems().is_empty(), "{:?}", b.problems());
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Kind);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].kind, LengthKind::PerPerson);
    focus(&mut b, RoundField::Deck);
    for _ in 0..5 {
        if b.rounds[0].deck == Some(Some("loyale-tegenspraak".into())) {
            break;
        }
        press(&mut b, KeyCode::Right);
    }
    focus(&mut b, RoundField::Category);
    press(&mut b, KeyCode::Right);
    focus(&mut b, RoundField::Turns);
    press(&mut b, KeyCode::Char(' '));
    focus(&mut b, RoundField::Each);
    press(&mut b, KeyCode::Char(' '));
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('p'));
    for _ in 0..3 {
        press(&mut b, KeyCode::Tab);
    }
    type_text(&mut b, "4");
    press(&mut b, KeyCode::Tab);
    type_text(&mut b, "30");
    // The plan's own form has no problems of its own, but does not promise a save.
    let shown = screen(&b, 80, 24);
    assert!(
        shown.contains("Hier is alles in orde; elders nog 1 probleem"),
        "{shown}"
    );
    assert!(!shown.contains("Geen problemen"), "{shown}");
    press(&mut b, KeyCode::Esc);
    let problems = b.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("deze beurtronde deelt iedereen een kaart")),
        "{problems:?}"
    );
    // The category holds cards tagged `veiligheid`: the form asks, and leaves them out
    // until told otherwise, so the draw never deals them blind.
    assert!(b.rounds[0].fields().contains(&RoundField::Safety));
    assert_eq!(b.rounds[0].safety(), Safety::LeaveOut);
    assert!(
        !problems.iter().any(|p| p.contains("`veiligheid`")),
        "{problems:?}"
    );
    // A new plan does not take an id that exists.
    press(&mut b, KeyCode::Char('p'));
    press(&mut b, KeyCode::Tab);
    clear(&mut b);
    type_text(&mut b, "koers-wat");
    assert!(
        b.problems()
            .contains(&"Werkvorm: id `koers-wat` bestaat al; kies een ander id".to_string())
    );
}

/// F1 (or `?` outside a text field) shows the keys of the view from its table; any key
/// closes; in a text field `?` is text (issue 15).
#[test]
fn the_help_lists_the_views_keys_from_its_table() {
    use tafel::builder::keymap::{BUILDER, ROUND, ROUNDS};
    let _lang = dutch();
    let plan = LIBRARY.plan("teamoverleg-starter").unwrap();
    let mut b = Builder::copy_of(&LIBRARY, plan, PathBuf::from(PLANS_DIR), half_past_one());
    press(&mut b, KeyCode::Char('?'));
    assert!(b.help);
    let shown = screen(&b, 120, 40);
    for (keys, what) in ROUNDS.help().iter().chain(&BUILDER.help()) {
        assert!(shown.contains(keys.as_str()), "{keys:?} not in\n{shown}");
        let start: String = what.chars().take(30).collect();
        assert!(shown.contains(&start), "{what:?} not in\n{shown}");
    }
    let wide = screen(&b, 160, 40);
    assert!(
        wide.contains("F1 hulp"),
        "the footer names the help:\n{wide}"
    );
    press(&mut b, KeyCode::Char('a'));
    assert!(!b.help, "any key closes the help");
    assert!(
        matches!(b.view, View::Rounds { .. }),
        "and does nothing else"
    );
    // In the round's title `?` is text; F1 helps there with the round's keys.
    press(&mut b, KeyCode::Enter);
    press(&mut b, KeyCode::End);
    type_text(&mut b, "?");
    assert!(!b.help);
    assert!(b.rounds[0].title.text().ends_with('?'));
    press(&mut b, KeyCode::F(1));
    let shown = screen(&b, 120, 40);
    for (keys, _) in ROUND.help() {
        assert!(shown.contains(keys.as_str()), "{keys:?} not in\n{shown}");
    }
}

#[test]
fn rounds_are_added_removed_and_reordered() {
    let _lang = dutch();
    let plan = LIBRARY.plan("teamoverleg-starter").unwrap();
    let mut b = Builder::copy_of(&LIBRARY, plan, PathBuf::from(PLANS_DIR), half_past_one());
    let titles = |b: &Builder| -> Vec<String> {
        b.rounds
            .iter()
            .map(|r| r.title.text().to_string())
            .collect()
    };
    assert_eq!(titles(&b), ["De kaart", "Het gesprek", "Eén afspraak"]);
    press(&mut b, KeyCode::Char('a'));
    type_text(&mut b, " (stil)");
    press(&mut b, KeyCode::Esc);
    assert_eq!(titles(&b)[1], "Nieuwe ronde (stil)");
    key(&mut b, KeyCode::Down, KeyModifiers::SHIFT);
    assert_eq!(
        titles(&b),
        [
            "De kaart",
            "Het gesprek",
            "Nieuwe ronde (stil)",
            "Eén afspraak"
        ]
    );
    press(&mut b, KeyCode::Char('K'));
    press(&mut b, KeyCode::Char('K'));
    assert_eq!(titles(&b)[0], "Nieuwe ronde (stil)");
    press(&mut b, KeyCode::Char('x'));
    assert_eq!(titles(&b), ["De kaart", "Het gesprek", "Eén afspraak"]);
    for _ in 0..2 {
        press(&mut b, KeyCode::Char('x'));
    }
    assert_eq!(b.rounds.len(), 1);
    press(&mut b, KeyCode::Char('x'));
    assert_eq!(b.rounds.len(), 1, "a plan keeps one round");
    // Leaving with changes asks first.
    assert_eq!(press(&mut b, KeyCode::Esc), None);
    assert_eq!(b.view, View::ConfirmLeave);
    assert_eq!(press(&mut b, KeyCode::Char('n')), None);
    press(&mut b, KeyCode::Esc);
    assert_eq!(
        press(&mut b, KeyCode::Char('j')),
        Some(Outcome::Close { saved: None })
    );
}

const OWN: &str = "# Ons eigen teamoverleg, van Anna\n[plan]\nid = \"ons-overleg\"\ntitle = \"Ons overleg\"   # zo heet het in de agenda\ndescription = \"Kort.\"\ndecks = [\"koerskaarten\"]\ngroup_size = { min = 3, max = 10 }\n\n# Altijd eerst\n[[round]]\ntitle = \"Rondje\"\nminutes = 2\nper_person = 1.0   # een minuut p.p.\nmax_minutes = 12\ninstruction = \"Om de beurt.\"\nturns = true\n\n# Dan de kaart\n[[round]]\ntitle = \"Kaart\"\nminutes = 10\ninstruction = \"\"\"\nLees voor.\nPraat.\"\"\"\ndraw = { category = \"wat-opgave\" }\n";

#[test]
fn an_own_plan_is_reopened_and_edited_with_its_comments_kept() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ons-overleg.toml");
    std::fs::write(&path, OWN).unwrap();
    let library = library_with(dir.path());
    let entry = library
        .plans
        .iter()
        .find(|e| e.item.id == "ons-overleg")
        .unwrap();
    assert_eq!(entry.origin, Origin::File(path.clone()));
    let mut b = Builder::edit(
        &library,
        &entry.item,
        path.clone(),
        plan_file::read(&path).unwrap(),
        half_past_one(),
    );
    assert_eq!(b.toml(), OWN, "unchanged, it is written back as it was");
    // Swap the rounds, and give the card round (now the first) 12 minutes.
    press(&mut b, KeyCode::Char('J'));
    press(&mut b, KeyCode::Up);
    press(&mut b, KeyCode::Enter);
    assert_eq!(b.rounds[0].title.text(), "Kaart");
    focus(&mut b, RoundField::Minutes);
    clear(&mut b);
    type_text(&mut b, "12");
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# Ons eigen teamoverleg, van Anna\n"),
        "{text}"
    );
    assert!(text.contains("title = \"Ons overleg\"   # zo heet het in de agenda"));
    assert!(
        text.contains("per_person = 1.0   # een minuut p.p."),
        "{text}"
    );
    let kaart = text.find("# Dan de kaart").unwrap();
    let eerst = text.find("# Altijd eerst").unwrap();
    assert!(
        kaart < eerst,
        "the comments moved with their rounds:\n{text}"
    );
    assert!(text.contains("minutes = 12\n"), "{text}");
    assert!(text.contains("\"\"\"\nLees voor.\nPraat.\"\"\""), "{text}");
    // Reopened from disk: the same plan as the builder had.
    let again = library_with(dir.path());
    let reread = again.plan("ons-overleg").unwrap();
    assert_eq!(reread.rounds[0].title, "Kaart");
    assert_eq!(reread.rounds[0].length, RoundLength::Minutes(12));
    // Saved again: a file already there is this plan's own, so it is replaced.
    let mut b = Builder::edit(
        &again,
        reread,
        path.clone(),
        plan_file::read(&path).unwrap(),
        half_past_one(),
    );
    press(&mut b, KeyCode::Char('p'));
    type_text(&mut b, "!");
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("title = \"Ons overleg!\"   # zo heet het in de agenda")
    );
}

#[test]
fn the_agenda_of_a_session_as_run_becomes_a_plan() {
    let _lang = dutch();
    use common::harness::Setup;
    let mut h = Setup::plan("teamoverleg-starter")
        .session_deck("koerskaarten")
        .start();
    // Round 1 one minute more, round 2 skipped in the agenda.
    h.key(KeyCode::Char('+'));
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    let b = Builder::from_session(
        &LIBRARY,
        &h.app.session,
        PathBuf::from(PLANS_DIR),
        half_past_one(),
    );
    let (plan, problems) = b.plan();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(plan.id, "teamoverleg-starter-zoals-gedaan");
    assert_eq!(plan.rounds[0].length, RoundLength::Minutes(4));
    assert_eq!(plan.rounds.len(), 3);
}

/// Types a description into the plan's form, from the list of rounds and back to it.
fn describe(builder: &mut Builder) {
    assert_eq!(builder.view, View::Rounds { selected: 0 });
    press(builder, KeyCode::Char('p'));
    while builder.view
        != (View::Plan {
            field: PlanField::Description,
        })
    {
        press(builder, KeyCode::Tab);
    }
    type_text(builder, "Om te oefenen.");
    press(builder, KeyCode::Esc);
}

/// Types an instruction into the round form.
fn instruct(builder: &mut Builder) {
    focus(builder, RoundField::Instruction);
    type_text(builder, "Doe het.");
}

/// Each kind of round chosen in the form, saved as a person writes it, reopened the same.
#[test]
fn each_kind_of_round_is_chosen_saved_and_reopened() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let library = library_with(dir.path());
    let plans = plan_file::plans_dir(dir.path());
    let mut b = Builder::new_plan(&library, plans.clone(), half_past_one());
    describe(&mut b);
    assert_eq!(b.rounds[0].sort, Sort::Talk);
    // Round 1 styles, then a teams round and a vote round added after it.
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Sort);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].sort, Sort::Styles);
    assert!(!b.rounds[0].fields().contains(&RoundField::TeamBy));
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('a'));
    focus(&mut b, RoundField::Sort);
    press(&mut b, KeyCode::Right);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[1].sort, Sort::Teams);
    focus(&mut b, RoundField::TeamBy);
    press(&mut b, KeyCode::Right);
    focus(&mut b, RoundField::TeamNumber);
    clear(&mut b);
    type_text(&mut b, "4");
    focus(&mut b, RoundField::TeamMix);
    press(&mut b, KeyCode::Char(' '));
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('a'));
    focus(&mut b, RoundField::Sort);
    press(&mut b, KeyCode::Left);
    assert_eq!(b.rounds[2].sort, Sort::Vote);
    // Points: the budget follows (3 dots become 100 points) unless one was typed.
    focus(&mut b, RoundField::VoteBy);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[2].vote_budget.text(), "100");
    focus(&mut b, RoundField::VoteOptions);
    type_text(&mut b, "Eén optie");
    // One option is a problem, in words, before saving; nothing is written.
    assert_eq!(save(&mut b), None);
    let problems = b.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("Ronde 3 (") && p.contains("opties")),
        "{problems:?}"
    );
    type_text(&mut b, ", Tweede optie ,Derde");
    // A budget that is no number is a problem too.
    focus(&mut b, RoundField::VoteBudget);
    clear(&mut b);
    type_text(&mut b, "veel");
    assert!(
        b.problems()
            .iter()
            .any(|p| p == "Ronde 3: punten per persoon `veel` is geen getal"),
        "{:?}",
        b.problems()
    );
    clear(&mut b);
    type_text(&mut b, "10");
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    assert_eq!(b.problems(), Vec::<String>::new());
    let path = save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("kind = \"styles\"\n"), "{text}");
    assert!(
        text.contains("kind = \"teams\"\nteams = { count = 4, mix = true }\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "kind = \"vote\"\nvote = { options = [\"Eén optie\", \"Tweede optie\", \"Derde\"], points = 10 }\n"
        ),
        "{text}"
    );
    // Reopened from disk: the same kinds, and the form shows them again.
    let again = library_with(dir.path());
    let plan = again.plan("mijn-werkvorm").unwrap();
    let kinds: Vec<RoundKind> = plan.rounds.iter().map(|r| r.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            RoundKind::Styles,
            RoundKind::Teams(TeamSpec {
                count: TeamCount::Teams(4),
                mix: true
            }),
            RoundKind::Vote(VoteSpec {
                options: vec!["Eén optie".into(), "Tweede optie".into(), "Derde".into()],
                budget: 10,
                max_per_option: None,
                points: true,
                from: Vec::new(),
            }),
        ]
    );
    let mut b = Builder::edit(&again, plan, path.clone(), text.clone(), half_past_one());
    assert_eq!(b.toml(), text, "unchanged, written back as it was");
    let sorts: Vec<Sort> = b.rounds.iter().map(|r| r.sort).collect();
    assert_eq!(sorts, [Sort::Styles, Sort::Teams, Sort::Vote]);
    // Back to talk: `kind` and `vote` go.
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Sort);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[2].sort, Sort::Talk);
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("vote"), "{text}");
    let plan = library_with(dir.path())
        .plan("mijn-werkvorm")
        .unwrap()
        .clone();
    assert_eq!(plan.rounds[2].kind, RoundKind::Talk);
}

/// Turns in the form go: no, yes, per team, and round again; per team is saved as
/// `turns = "team"` and needs a teams round before it, said before saving.
#[test]
fn turns_per_team_are_chosen_in_the_form_and_saved() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let library = library_with(dir.path());
    let plans = plan_file::plans_dir(dir.path());
    let mut b = Builder::new_plan(&library, plans, half_past_one());
    describe(&mut b);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Turns);
    press(&mut b, KeyCode::Right);
    assert!(b.rounds[0].turns && !b.rounds[0].team_turns);
    press(&mut b, KeyCode::Right);
    assert!(b.rounds[0].turns && b.rounds[0].team_turns);
    assert!(screen(&b, 120, 35).contains("per team"));
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    // Without a teams round before it: a problem in words, nothing written.
    assert_eq!(save(&mut b), None);
    assert!(
        b.problems().iter().any(|p| p.contains("teamronde")),
        "{:?}",
        b.problems()
    );
    // A teams round first (added after, moved up), then it saves.
    press(&mut b, KeyCode::Char('a'));
    focus(&mut b, RoundField::Sort);
    press(&mut b, KeyCode::Right);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[1].sort, Sort::Teams);
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('K'));
    assert_eq!(b.rounds[0].sort, Sort::Teams, "{:?}", b.view);
    assert_eq!(b.problems(), Vec::<String>::new());
    let path = save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("turns = \"team\"\n"), "{text}");
    let plan = library_with(dir.path())
        .plan("mijn-werkvorm")
        .unwrap()
        .clone();
    assert!(plan.rounds[1].turns && plan.rounds[1].team_turns);
    // Once more round: no turns.
    let again = library_with(dir.path());
    let mut b = Builder::edit(&again, &plan, path, text, half_past_one());
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Turns);
    press(&mut b, KeyCode::Right);
    assert!(!b.rounds[1].turns && !b.rounds[1].team_turns);
}

const OWN_TEAMS: &str = r#"# Teams, met commentaar
[plan]
id = "ons-teamwerk"
title = "Ons teamwerk"
description = "Teams maken."
decks = []

# De teams
[[round]]
title = "Teams"
minutes = 5
instruction = "Zoek je team."
kind = "teams"   # gemengd
teams = { size = 3, mix = true }   # drie per team
"#;

/// An own file with a teams round: unchanged settings stay as written, a changed one keeps
/// its comment.
#[test]
fn an_own_teams_round_keeps_its_comments() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ons-teamwerk.toml");
    std::fs::write(&path, OWN_TEAMS).unwrap();
    let library = library_with(dir.path());
    let plan = library.plan("ons-teamwerk").unwrap();
    let mut b = Builder::edit(
        &library,
        plan,
        path.clone(),
        OWN_TEAMS.to_string(),
        half_past_one(),
    );
    assert_eq!(b.toml(), OWN_TEAMS);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::TeamNumber);
    clear(&mut b);
    type_text(&mut b, "4");
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Teams, met commentaar\n"), "{text}");
    assert!(text.contains("# De teams\n[[round]]"), "{text}");
    assert!(text.contains("kind = \"teams\"   # gemengd\n"), "{text}");
    assert!(
        text.contains("teams = { size = 4, mix = true }   # drie per team\n"),
        "{text}"
    );
}

const GOOD: &str = "Geen problemen: Ctrl+S bewaart de werkvorm.";

/// Each kind of round shows its own settings and leaves out what belongs to a talk round
/// (cards, turns, roles); a round that grows per team counts the teams of the teams round.
#[test]
fn each_kind_of_round_shows_only_the_fields_that_apply() {
    use RoundField as F;
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let library = library_with(dir.path());
    let plans = plan_file::plans_dir(dir.path());
    let mut b = Builder::new_plan(&library, plans.clone(), half_past_one());
    describe(&mut b);
    // A talk round with the session's deck, turns and roles.
    press(&mut b, KeyCode::Enter);
    instruct(&mut b);
    focus(&mut b, F::Deck);
    press(&mut b, KeyCode::Right);
    focus(&mut b, F::Turns);
    press(&mut b, KeyCode::Char(' '));
    focus(&mut b, F::Roles);
    type_text(&mut b, "Voorzitter, Notulist");
    assert_eq!(
        b.rounds[0].fields(),
        [
            F::Title,
            F::Sort,
            F::Kind,
            F::Minutes,
            F::Instruction,
            F::Deck,
            F::Category,
            F::Count,
            F::Form,
            // Any deck may be the session's (`decks = []`), and some hold such cards.
            F::Safety,
            F::Turns,
            F::Each,
            F::Roles
        ]
    );
    assert!(!b.rounds[0].drops_talk_settings());
    // Styles: no cards, turns or roles, and the form says they are not kept.
    focus(&mut b, F::Sort);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].sort, Sort::Styles);
    assert_eq!(
        b.rounds[0].fields(),
        [F::Title, F::Sort, F::Kind, F::Minutes, F::Instruction]
    );
    assert!(b.rounds[0].drops_talk_settings());
    let shown = screen(&b, 80, 24);
    assert!(!shown.contains("Kaarten uit"), "{shown}");
    assert!(
        shown.contains("Kaarten, beurten en rollen horen bij een gesprek"),
        "{shown}"
    );
    assert!(shown.contains(GOOD), "{shown}");
    // Teams: its own three settings.
    press(&mut b, KeyCode::Right);
    assert_eq!(
        b.rounds[0].fields(),
        [
            F::Title,
            F::Sort,
            F::TeamBy,
            F::TeamNumber,
            F::TeamMix,
            F::Kind,
            F::Minutes,
            F::Instruction
        ]
    );
    // Vote: dots or points, how many, at most per option, options, and where options come
    // from while none are typed.
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].sort, Sort::Vote);
    assert_eq!(
        b.rounds[0].fields(),
        [
            F::Title,
            F::Sort,
            F::VoteBy,
            F::VoteBudget,
            F::VoteMax,
            F::VoteOptions,
            F::VoteFrom,
            F::Kind,
            F::Minutes,
            F::Instruction
        ]
    );
    focus(&mut b, F::VoteFrom);
    press(&mut b, KeyCode::Right);
    let shown = screen(&b, 80, 24);
    assert!(shown.contains("◀ de besproken kaarten ▶"), "{shown}");
    // Without the header: it names the temporary directory.
    let body: Vec<&str> = shown.lines().skip(1).collect();
    insta::assert_snapshot!("vote_round_80x24", body.join("\n"));
    focus(&mut b, F::VoteMax);
    type_text(&mut b, "5");
    // More on one option than a person has: `tafel check`'s words, before saving.
    assert!(
        b.problems()
            .iter()
            .any(|p| p.starts_with("Ronde 1 (") && p.contains("`max_per_option = 5`")),
        "{:?}",
        b.problems()
    );
    press(&mut b, KeyCode::Backspace);
    type_text(&mut b, "2");
    // A teams round before it, and the vote's length per team: three teams of twelve.
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('a'));
    assert_eq!(
        b.view,
        View::Round {
            index: 1,
            field: F::Title
        }
    );
    // The new round goes first and becomes the teams round.
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('K'));
    assert_eq!(b.view, View::Rounds { selected: 0 });
    press(&mut b, KeyCode::Enter);
    focus(&mut b, F::Sort);
    press(&mut b, KeyCode::Right);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].sort, Sort::Teams);
    focus(&mut b, F::TeamNumber);
    clear(&mut b);
    type_text(&mut b, "4");
    instruct(&mut b);
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, F::Kind);
    press(&mut b, KeyCode::Right);
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[1].kind, LengthKind::PerTeam);
    focus(&mut b, F::Minutes);
    clear(&mut b);
    type_text(&mut b, "2");
    focus(&mut b, F::PerTeam);
    clear(&mut b);
    type_text(&mut b, "3");
    b.plan.people = tafel::input::LineInput::new("12", 6);
    let (resolved, _) = b.schedule();
    assert_eq!(resolved.rounds[1].length, RoundLength::Minutes(11));
    let shown = screen(&b, 80, 24);
    assert!(shown.contains("3 teams bij 12 deelnemers"), "{shown}");
    assert!(shown.contains("Deze ronde: 11 min"), "{shown}");
    press(&mut b, KeyCode::Esc);
    assert_eq!(b.problems(), Vec::<String>::new());
    let path = save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("minutes = 2\nper_team = 3.0\ninstruction = \"Doe het.\"\nkind = \"vote\"\nvote = { dots = 3, max_per_option = 2, from = [\"cards\"] }\n"),
        "{text}"
    );
    assert!(!text.contains("draw"), "{text}");
    assert!(!text.contains("turns"), "{text}");
    assert!(!text.contains("roles"), "{text}");
    // Back to a talk round: the cards, turns and roles it had come back, and are saved.
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, F::Sort);
    press(&mut b, KeyCode::Left);
    press(&mut b, KeyCode::Left);
    press(&mut b, KeyCode::Left);
    assert_eq!(b.rounds[1].sort, Sort::Talk);
    assert!(b.rounds[1].fields().contains(&F::Roles));
    let (plan, _) = b.plan();
    assert!(plan.rounds[1].turns);
    assert_eq!(plan.rounds[1].roles, ["Voorzitter", "Notulist"]);
    assert!(plan.rounds[1].draw.is_some());
}

#[test]
fn snapshots_of_the_builder() {
    let _lang = dutch();
    let plan = LIBRARY.plan("koers-wat").unwrap();
    let mut b = Builder::copy_of(&LIBRARY, plan, PathBuf::from(PLANS_DIR), half_past_one());
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("rounds_{w}x{h}"), screen(&b, w, h));
    }
    press(&mut b, KeyCode::Down);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::PerPerson);
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("round_{w}x{h}"), screen(&b, w, h));
    }
    // The problems line is always on screen, also with the last field in focus (the form
    // scrolls, the round's times, the total and the problems stay).
    focus(&mut b, RoundField::Roles);
    for (w, h) in [(120, 40), (80, 24)] {
        let shown = screen(&b, w, h);
        for line in [
            "▶ Rollen (komma's)",
            "Deze ronde: 12 min",
            "Totaal: ± 54 min",
            GOOD,
        ] {
            assert!(shown.contains(line), "{w}×{h} lacks {line:?}:\n{shown}");
        }
    }
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Char('p'));
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("plan_{w}x{h}"), screen(&b, w, h));
        assert!(screen(&b, w, h).contains(GOOD));
    }
    // Every size down to nothing draws without a panic.
    for (w, h) in [(1, 1), (2, 3), (20, 5), (40, 10)] {
        screen(&b, w, h);
    }
}

/// `tafel` without arguments in its own tmux server, with an empty config directory (so
/// the user's decks directory is in it) and its own sessions directory.
fn start_home(test: &str) -> Term {
    start_home_at(test, 120, 40)
}

fn start_home_at(test: &str, width: u16, height: u16) -> Term {
    start_home_with(test, width, height, &[])
}

/// As [`start_home`], with own plans (file name, text) in the user's decks directory.
fn start_home_with(test: &str, width: u16, height: u16, plans: &[(&str, &str)]) -> Term {
    let socket = format!("tafel-builder-{}-{test}", std::process::id());
    Term::with_script(socket, width, height, |dir, config, sessions| {
        let own = config.join("decks/plans");
        std::fs::create_dir_all(&own).unwrap();
        for (name, text) in plans {
            std::fs::write(own.join(name), text).unwrap();
        }
        common::tmux::home_script(dir, config, sessions)
    })
}

/// The real binary: copy a bundled plan, change a round, save, and run it.
#[test]
fn e2e_copy_change_save_and_run() {
    let term = start_home("copy");
    term.wait_for("Wat gaan we doen?");
    term.keys(&["Enter"]);
    term.wait_for("kies een werkvorm");
    term.keys(&["c"]);
    term.wait_for("Werkvorm bouwen");
    term.keys(&["Enter"]);
    term.wait_for("Ronde 1 van 6");
    term.keys(&["C-u"]);
    term.type_text("Binnenkomen");
    term.keys(&["Enter", "Enter", "Right"]);
    term.wait_for("◀ per team (van de teamronde) ▶");
    // Koers-wat has no teams round: the form says so before anything is saved.
    term.wait_for("geen teamronde in deze werkvorm");
    term.keys(&["Right"]);
    term.wait_for("◀ tot een kloktijd ▶");
    term.keys(&["Left", "Left", "Left"]);
    term.wait_for("◀ vaste minuten ▶");
    term.keys(&["Tab", "C-u"]);
    term.type_text("7");
    term.keys(&["Escape"]);
    term.wait_for("1. Binnenkomen  7 min");
    term.keys(&["C-s"]);
    term.wait_for("Bewaard in");
    term.keys(&["q"]);
    let screen = term.wait_for("kies een werkvorm");
    assert!(
        screen.contains("Koerskaarten: de Wat-kaart (eigen versie)"),
        "{screen}"
    );
    // The saved plan is selected: start it.
    term.keys(&["Enter"]);
    term.wait_for("Start de workshop");
    term.keys(&["Tab", "Tab"]);
    term.wait_for("Enter workshop starten");
    term.keys(&["Enter"]);
    term.wait_for_screen(&["Binnenkomen", "ronde 1 van 6"], &["Start de workshop"]);
    // The file is in the user's decks directory, readable and valid.
    let file = term.config.join("decks/plans/koers-wat-eigen.toml");
    let text = std::fs::read_to_string(&file).expect("saved");
    assert!(
        text.contains("title = \"Binnenkomen\"\nminutes = 7\n"),
        "{text}"
    );
}

/// The real binary at 80×24: with the last field of a long round in focus, and in the plan's
/// own form, the problems line is on screen.
#[test]
fn e2e_the_problems_line_shows_at_80_by_24() {
    let term = start_home_at("small", 80, 24);
    term.wait_for("Wat gaan we doen?");
    term.keys(&["Enter"]);
    term.wait_for("kies een werkvorm");
    term.keys(&["c"]);
    term.wait_for("Werkvorm bouwen");
    term.keys(&["Down", "Enter"]);
    term.wait_for("Ronde 2 van 6");
    term.wait_for("Geen problemen: Ctrl+S bewaart de werkvorm.");
    // Tab on to the last field, Rollen: the form scrolls, its foot stays.
    for _ in 0..15 {
        term.keys(&["Tab"]);
    }
    let screen = term.wait_for("▶ Rollen (komma's)");
    assert!(
        screen.contains("Geen problemen: Ctrl+S bewaart de werkvorm."),
        "{screen}"
    );
    assert!(screen.contains("Deze ronde: 12 min"), "{screen}");
    // Escape on its own: followed at once by `p` a terminal reads Alt+P.
    term.keys(&["Escape"]);
    term.wait_for("einde");
    term.keys(&["p"]);
    let screen = term.wait_for("De werkvorm");
    assert!(
        screen.contains("Geen problemen: Ctrl+S bewaart de werkvorm."),
        "{screen}"
    );
}

const TEAMS_PLAN: &str = "# Teams die terugkoppelen\n[plan]\nid = \"teams-terug\"\ntitle = \"Teams die terugkoppelen\"\ndescription = \"D\"\ndecks = [\"koerskaarten\"]\n\n[[round]]\ntitle = \"Teams\"\nminutes = 2\ninstruction = \"Zoek je team op.\"\nkind = \"teams\"\nteams = { size = 4 }   # vier per team\n\n[[round]]\ntitle = \"Terugkoppelen\"\nminutes = 10   # elk team kort\ninstruction = \"Elk team vertelt.\"\n";

/// The real binary: an own plan's round made to grow per team in the builder, saved, and run
/// for twelve people: three teams of four, so 2 + 3 × 3 = 11 minutes in the agenda.
#[test]
fn e2e_a_round_per_team_is_built_saved_and_run_for_twelve() {
    let term = start_home_with("perteam", 120, 40, &[("teams-terug.toml", TEAMS_PLAN)]);
    term.wait_for("Wat gaan we doen?");
    term.keys(&["Enter"]);
    term.wait_for("kies een werkvorm");
    // Own plans come last.
    term.keys(&["End"]);
    term.wait_for("Teams die terugkoppelen");
    term.keys(&["e"]);
    term.wait_for("Werkvorm bouwen");
    term.keys(&["Down", "Enter"]);
    term.wait_for("Ronde 2 van 2");
    term.keys(&["Enter", "Enter", "Right", "Right"]);
    term.wait_for("◀ per team (van de teamronde) ▶");
    term.wait_for("2 teams bij 8 deelnemers");
    term.keys(&["Tab", "C-u"]);
    term.type_text("2");
    term.keys(&["Tab", "C-u"]);
    term.type_text("3");
    term.wait_for("Deze ronde: 8 min");
    term.keys(&["Escape"]);
    term.wait_for("2. Terugkoppelen  8 min (2 min + 3 min voor elk team) · 2 teams");
    term.keys(&["C-s"]);
    term.wait_for("Bewaard in");
    term.keys(&["q"]);
    term.wait_for("kies een werkvorm");
    term.keys(&["Enter"]);
    term.wait_for("Start de workshop");
    term.keys(&["Tab", "C-u"]);
    term.type_text("12");
    term.wait_for("2. Terugkoppelen  11 min (3 teams)");
    term.keys(&["Tab", "Tab"]);
    term.wait_for("Enter workshop starten");
    term.keys(&["Enter"]);
    term.wait_for_screen(&["Teams", "ronde 1 van 2"], &["Start de workshop"]);
    term.keys(&["g"]);
    term.wait_for("Terugkoppelen  (11 min, 3 teams)");
    // The file is the person's own, edited in place: its comments stay.
    let text = std::fs::read_to_string(term.config.join("decks/plans/teams-terug.toml")).unwrap();
    assert!(text.starts_with("# Teams die terugkoppelen\n"), "{text}");
    assert!(
        text.contains("teams = { size = 4 }   # vier per team\n"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "title = \"Terugkoppelen\"\nminutes = 2   # elk team kort\nper_team = 3.0\ninstruction = \"Elk team vertelt.\"\n"
        ),
        "{text}"
    );
}

#[test]
fn the_summary_offers_to_keep_the_agenda_as_a_plan() {
    let _lang = dutch();
    use common::harness::Setup;
    let mut h = Setup::plan("teamoverleg-starter")
        .session_deck("koerskaarten")
        .start();
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('j'));
    let text = screen_text(120, 40, |frame| {
        tafel::ui::render(&h.app, frame.area(), frame.buffer_mut())
    });
    assert!(text.contains("w bewaar deze agenda als werkvorm"), "{text}");
    // The builder opens over the summary: the session stays where it is.
    let effects = h.key(KeyCode::Char('w'));
    assert_eq!(effects, [tafel::app::Effect::OfferPlan]);
    assert!(matches!(h.app.mode, tafel::app::Mode::Summary));
    // Back from the builder with a plan saved: said, still on the summary.
    h.app.plan_kept(Ok(Some("mijn-overleg".into())));
    let text = screen_text(120, 40, |frame| {
        tafel::ui::render(&h.app, frame.area(), frame.buffer_mut())
    });
    assert!(
        text.contains("Bewaard als werkvorm `mijn-overleg`"),
        "{text}"
    );
    assert!(matches!(h.app.mode, tafel::app::Mode::Summary));
}

/// Tab (then Shift+Tab) to the round's deck field and ←→ until the draw is from `deck`
/// and its category is `category`.
fn draw_from(builder: &mut Builder, index: usize, deck: &str, category: &str) {
    focus(builder, RoundField::Deck);
    for _ in 0..10 {
        if builder.rounds[index].deck == Some(Some(deck.into())) {
            break;
        }
        press(builder, KeyCode::Right);
    }
    assert_eq!(builder.rounds[index].deck, Some(Some(deck.into())));
    focus(builder, RoundField::Category);
    for _ in 0..10 {
        if builder.rounds[index].category.as_deref() == Some(category) {
            break;
        }
        press(builder, KeyCode::Right);
    }
    assert_eq!(builder.rounds[index].category.as_deref(), Some(category));
}

/// The new-user trial's blocker: a round drawing from "Ongeschreven regels" (which holds a
/// card tagged `veiligheid`) could not be saved. The form asks, leaves such cards out by
/// default, saves `without`, passes `tafel check`, and an edit of the file keeps it.
#[test]
fn a_round_with_safety_cards_asks_leaves_them_out_saves_and_passes_check() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let library = library_with(dir.path());
    let plans = plan_file::plans_dir(dir.path());
    let mut b = Builder::new_plan(&library, plans, half_past_one());
    describe(&mut b);
    press(&mut b, KeyCode::Enter);
    instruct(&mut b);
    // A category without such cards: no question.
    draw_from(&mut b, 0, "grenzeloos-samenwerken", "wicked-problems");
    assert!(!b.rounds[0].fields().contains(&RoundField::Safety));
    draw_from(&mut b, 0, "grenzeloos-samenwerken", "ongeschreven-regels");
    assert!(b.rounds[0].fields().contains(&RoundField::Safety));
    assert_eq!(b.rounds[0].safety(), Safety::LeaveOut);
    assert_eq!(b.problems(), Vec::<String>::new());
    focus(&mut b, RoundField::Safety);
    let shown = screen(&b, 80, 24);
    assert!(
        shown.contains("▶ Veiligheidskaarten  ◀ weglaten (lastig met een leidinggevende erbij) ▶"),
        "{shown}"
    );
    let body: Vec<&str> = shown.lines().skip(1).collect();
    insta::assert_snapshot!("safety_round_80x24", body.join("\n"));
    // Dealt on purpose: only those cards, and still a valid draw.
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].safety(), Safety::OnPurpose);
    assert!(
        screen(&b, 120, 40).contains("alleen deze kaarten, bewust: in een veilige setting"),
        "{}",
        screen(&b, 120, 40)
    );
    assert_eq!(b.problems(), Vec::<String>::new());
    let (plan, _) = b.plan();
    let draw = plan.rounds[0].draw.as_ref().unwrap();
    assert_eq!(
        (draw.with.as_slice(), draw.without.len()),
        (&["veiligheid".to_string()][..], 0)
    );
    press(&mut b, KeyCode::Left);
    assert_eq!(b.rounds[0].safety(), Safety::LeaveOut);
    press(&mut b, KeyCode::Esc);
    let path = save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("draw = { deck = \"grenzeloos-samenwerken\", category = \"ongeschreven-regels\", without = [\"veiligheid\"] }"),
        "{text}"
    );
    let check = common::tafel(&["check", path.to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}\n{}\n{text}", check.stdout, check.stderr);
    assert!(check.stdout.contains(": in orde ("), "{}", check.stdout);
    // Reopened and edited elsewhere: the draw keeps `without`.
    let library = library_with(dir.path());
    let id = path.file_stem().unwrap().to_str().unwrap();
    let plan = library.plan(id).unwrap().clone();
    let original = std::fs::read_to_string(&path).unwrap();
    let mut b = Builder::edit(&library, &plan, path.clone(), original, half_past_one());
    assert_eq!(b.rounds[0].safety(), Safety::LeaveOut);
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Title);
    type_text(&mut b, " (bewerkt)");
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("(bewerkt)"), "{text}");
    assert!(text.contains("without = [\"veiligheid\"]"), "{text}");
    assert_eq!(common::tafel(&["check", path.to_str().unwrap()]).code, 0);
}

/// A file written by hand that says nothing about such cards is not changed on opening: the
/// form shows "not chosen yet" and the problem names the field; one key fixes it.
#[test]
fn an_own_draw_that_says_nothing_about_safety_cards_is_shown_and_fixed_in_the_form() {
    let _lang = dutch();
    let dir = tempfile::tempdir().unwrap();
    let plans = plan_file::plans_dir(dir.path());
    std::fs::create_dir_all(&plans).unwrap();
    let path = plans.join("regels.toml");
    let original = "[plan]\nid = \"regels\"\ntitle = \"Regels\"\ndescription = \"Wat ongeschreven is.\"\ndecks = [\"grenzeloos-samenwerken\"]\n\n[[round]]\ntitle = \"Regels\"\nminutes = 10\ninstruction = \"Bespreek de kaart.\"\ndraw = { category = \"ongeschreven-regels\" }\n";
    std::fs::write(&path, original).unwrap();
    let library = library_with(dir.path());
    let plan = library.plan("regels").unwrap().clone();
    let mut b = Builder::edit(
        &library,
        &plan,
        path.clone(),
        original.into(),
        half_past_one(),
    );
    assert_eq!(b.rounds[0].safety(), Safety::Unsaid);
    assert!(!b.dirty);
    assert_eq!(
        b.problems(),
        [
            "Ronde 1 (Regels): deze trekking kan kaarten met de tag `veiligheid` delen; kies bij Veiligheidskaarten of ze wegblijven of bewust getrokken worden"
        ]
    );
    press(&mut b, KeyCode::Enter);
    focus(&mut b, RoundField::Safety);
    assert!(screen(&b, 120, 40).contains("◀ nog niet gekozen: kies met ←→ ▶"));
    press(&mut b, KeyCode::Right);
    assert_eq!(b.rounds[0].safety(), Safety::LeaveOut);
    assert_eq!(b.problems(), Vec::<String>::new());
    press(&mut b, KeyCode::Esc);
    save_to_disk(&mut b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("without = [\"veiligheid\"]"), "{text}");
    assert_eq!(common::tafel(&["check", path.to_str().unwrap()]).code, 0);
}

/// The trial's second finding: the description's example was saved as the description.
#[test]
fn the_description_example_is_shown_but_never_saved() {
    let _lang = dutch();
    let mut b = Builder::new_plan(&LIBRARY, PathBuf::from(PLANS_DIR), half_past_one());
    assert_eq!(b.plan.description.text(), "");
    assert_eq!(b.plan().0.description, "");
    press(&mut b, KeyCode::Char('p'));
    let shown = screen(&b, 80, 24);
    assert!(
        shown.contains("Beschrijving           bijv. wat het oplevert en voor wie"),
        "{shown}"
    );
    assert!(!b.toml().contains("oplevert"), "{}", b.toml());
    // Saving asks for one, in words.
    assert_eq!(save(&mut b), None);
    assert!(
        screen(&b, 120, 40).contains("Nog niet bewaard: Werkvorm: de beschrijving is nog leeg"),
        "{}",
        screen(&b, 120, 40)
    );
}

/// The trial's third finding: the id stayed `mijn-werkvorm`. It follows the title of a new
/// plan until the user types an id; an own plan keeps its id (its file name).
#[test]
fn a_new_plans_id_follows_its_title_until_an_id_is_typed() {
    let _lang = dutch();
    let mut b = Builder::new_plan(&LIBRARY, PathBuf::from(PLANS_DIR), half_past_one());
    press(&mut b, KeyCode::Char('p'));
    assert_eq!(
        b.view,
        View::Plan {
            field: PlanField::Title
        }
    );
    clear(&mut b);
    type_text(&mut b, "Teamdag Ideeën");
    assert_eq!(b.plan.id.text(), "teamdag-ideeen");
    // A title that is an existing plan's id gets a number.
    clear(&mut b);
    type_text(&mut b, "Koers wat");
    assert_eq!(b.plan.id.text(), "koers-wat-2");
    // Typed in the id field: the title no longer changes it.
    press(&mut b, KeyCode::Tab);
    type_text(&mut b, "x");
    assert_eq!(b.plan.id.text(), "koers-wat-2x");
    press(&mut b, KeyCode::BackTab);
    type_text(&mut b, " en meer");
    assert_eq!(b.plan.id.text(), "koers-wat-2x");
    // An own plan, edited in its file, keeps its id.
    let dir = tempfile::tempdir().unwrap();
    let plans = plan_file::plans_dir(dir.path());
    std::fs::create_dir_all(&plans).unwrap();
    let path = plans.join("eigen.toml");
    let original = "[plan]\nid = \"eigen\"\ntitle = \"Eigen\"\ndescription = \"D.\"\ndecks = []\n\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I.\"\n";
    std::fs::write(&path, original).unwrap();
    let library = library_with(dir.path());
    let plan = library.plan("eigen").unwrap().clone();
    let mut b = Builder::edit(&library, &plan, path, original.into(), half_past_one());
    press(&mut b, KeyCode::Char('p'));
    type_text(&mut b, " en anders");
    assert_eq!(b.plan.title.text(), "Eigen en anders");
    assert_eq!(b.plan.id.text(), "eigen");
}

/// The trial's fourth finding: a plan made from a session of twelve showed its totals for
/// eight. It shows them for the group that took part.
#[test]
fn a_plan_as_run_shows_its_totals_for_the_group_that_took_part() {
    let _lang = dutch();
    use common::harness::Setup;
    let names = [
        "Anna", "Bram", "Cor", "Dirk", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joost", "Kim",
        "Lotte",
    ];
    let h = Setup::plan_in(&LIBRARY, "koers-wat")
        .participants(&names)
        .start();
    let b = Builder::from_session(
        &LIBRARY,
        &h.app.session,
        PathBuf::from(PLANS_DIR),
        half_past_one(),
    );
    assert_eq!(b.people(), 12);
    let shown = screen(&b, 120, 40);
    assert!(shown.contains("voor 12 deelnemers"), "{shown}");
    // Started for twelve without names (`--participants 12`): the plan says so.
    let plan = LIBRARY.plan("koers-wat").unwrap().resolved(12);
    let decks = vec![LIBRARY.deck("koerskaarten").unwrap().clone()];
    let h = Setup::new("Twaalf", plan, decks).start();
    assert!(h.app.session.participants.is_empty());
    let b = Builder::from_session(
        &LIBRARY,
        &h.app.session,
        PathBuf::from(PLANS_DIR),
        half_past_one(),
    );
    assert_eq!(b.people(), 12);
}
