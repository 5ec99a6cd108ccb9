//! A command about one deck or plan (`draw --deck`, `print`, `plans --show`) parses only the
//! files it needs; problems in those files, and duplicate ids, are found as before.

mod common;

use common::tafel_in;

fn deck(id: &str, title: &str) -> String {
    format!(
        r#"# Een eigen stapel.

[deck]
id = "{id}"
title = "{title}"
description = "Een eigen stapel."
language = "nl"

[[category]]
id = "eigen"
title = "Eigen"

[[card]]
id = "{id}-01"
category = "eigen"
title = "Kaart van {title}"
prompt = "Wat willen wij?"
"#
    )
}

/// A deck whose top is fine, with a card that lacks its question (line 15).
fn deck_with_a_broken_card(id: &str) -> String {
    deck(id, "Kapot").replace("prompt = \"Wat willen wij?\"\n", "")
}

struct Dirs {
    config: tempfile::TempDir,
    decks: std::path::PathBuf,
}

fn with_decks(files: &[(&str, String)]) -> Dirs {
    let config = tempfile::tempdir().unwrap();
    let decks = config.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    for (name, text) in files {
        std::fs::write(decks.join(name), text).unwrap();
    }
    Dirs { config, decks }
}

fn draw(dirs: &Dirs, deck: &str) -> common::Run {
    tafel_in(dirs.config.path(), &["draw", "--deck", deck, "--seed", "7"])
}

#[test]
fn a_broken_deck_that_is_clearly_another_one_does_not_touch_a_draw() {
    let clean = with_decks(&[]);
    let dirs = with_decks(&[("ander.toml", deck_with_a_broken_card("ander"))]);
    let run = draw(&dirs, "koerskaarten");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, draw(&clean, "koerskaarten").stdout);
    // Not parsed, so not warned about: the commands that read every deck still are.
    assert!(!run.stderr.contains("ander.toml"), "{}", run.stderr);
    let decks = tafel_in(dirs.config.path(), &["decks"]);
    assert!(
        decks.stderr.contains("ander.toml:13:1:"),
        "{}",
        decks.stderr
    );
    let check = tafel_in(dirs.config.path(), &["check", dirs.decks.to_str().unwrap()]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains("ander.toml:13:1:"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_file_whose_id_cannot_be_told_is_read_and_warned_about_as_before() {
    let dirs = with_decks(&[("kapot.toml", "[deck]\nid = 3\n".to_string())]);
    let run = draw(&dirs, "koerskaarten");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("[koerskaarten/"), "{}", run.stdout);
    assert!(run.stderr.contains("kapot.toml:2:6:"), "{}", run.stderr);
    assert!(run.stderr.contains("(overgeslagen)"), "{}", run.stderr);
}

#[test]
fn a_broken_deck_asked_for_is_reported_with_its_position() {
    let dirs = with_decks(&[("eigen.toml", deck_with_a_broken_card("eigen"))]);
    let run = draw(&dirs, "eigen");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("eigen.toml:13:1:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("onbekende stapel `eigen`"),
        "{}",
        run.stderr
    );
    let run = tafel_in(dirs.config.path(), &["print", "eigen"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("eigen.toml:13:1:"), "{}", run.stderr);
}

#[test]
fn the_later_of_two_decks_with_one_id_is_drawn_and_check_names_both() {
    let dirs = with_decks(&[
        ("a.toml", deck("eigen", "Eerste")),
        ("b.toml", deck("eigen", "Tweede")),
    ]);
    let run = draw(&dirs, "eigen");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Tweede · Eigen"), "{}", run.stdout);
    let check = tafel_in(dirs.config.path(), &["check", dirs.decks.to_str().unwrap()]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("b.toml:1:1: id `eigen` wordt ook gebruikt in"),
        "{}",
        check.stdout
    );
    // The same for a user deck that replaces a bundled one.
    let dirs = with_decks(&[("k.toml", deck("koerskaarten", "Onze koers"))]);
    let run = draw(&dirs, "koerskaarten");
    assert!(
        run.stdout.starts_with("Onze koers · Eigen"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_plan_is_shown_with_the_decks_it_names_and_checked_against_them() {
    let plan = |deck: &str| {
        format!(
            r#"[plan]
id = "eigen-plan"
title = "Eigen werkvorm"
description = "Een ronde met een eigen kaart."
decks = ["{deck}"]

[[round]]
title = "Trekken"
minutes = 5
instruction = "Trek een kaart en bespreek hem."
draw = {{ category = "eigen", count = 1 }}
"#
        )
    };
    let dirs = with_decks(&[
        ("eigen.toml", deck("eigen", "Eigen")),
        ("plan.toml", plan("eigen")),
        ("ander.toml", deck_with_a_broken_card("ander")),
    ]);
    let run = tafel_in(dirs.config.path(), &["plans", "--show", "eigen-plan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Trekken"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
    // A plan that names a deck that is not there: the error of a full load, with its hint.
    let dirs = with_decks(&[("plan.toml", plan("eign"))]);
    std::fs::write(dirs.decks.join("eigen.toml"), deck("eigen", "Eigen")).unwrap();
    let run = tafel_in(dirs.config.path(), &["plans", "--show", "eigen-plan"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("plan.toml:5:"), "{}", run.stderr);
    assert!(run.stderr.contains("eigen"), "{}", run.stderr);
}

/// What `tafel draw --deck` and `tafel run PLAN` read, seen from the library they get.
#[test]
fn only_the_files_asked_for_are_parsed() {
    use tafel::catalog::select::Wanted;
    use tafel::storage::decks::load_selected as load;
    let dirs = with_decks(&[
        ("eigen.toml", deck("eigen", "Eigen")),
        // Clearly another deck, and broken: not parsed, so no problem.
        ("ander.toml", "[deck]\nid = \"ander\"\n".to_string()),
    ]);
    let decks = [dirs.decks.clone()];
    let library = load(&decks, Wanted::Deck("eigen")).unwrap();
    assert_eq!(library.deck_ids(), ["eigen"]);
    assert!(library.plans.is_empty() && library.problems.is_empty());
    let library = load(&decks, Wanted::Plan("koers-wat")).unwrap();
    assert_eq!(library.deck_ids(), ["koerskaarten"]);
    let plans: Vec<&str> = library.plans.iter().map(|e| e.item.id.as_str()).collect();
    assert_eq!(plans, ["koers-wat"]);
    assert!(!library.styles.is_empty());
    // Not found, or broken: the caller reads everything.
    assert!(load(&decks, Wanted::Deck("onbekend")).is_none());
    assert!(load(&decks, Wanted::Deck("ander")).is_none());
    // A file that may be anything is parsed; broken, it sends the caller to a full load.
    std::fs::write(dirs.decks.join("raar.toml"), "[deck]\nid = 3\n").unwrap();
    assert!(load(&decks, Wanted::Deck("eigen")).is_none());
}
