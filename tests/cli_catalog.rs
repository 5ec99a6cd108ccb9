//! `tafel decks`, `plans`, `draw` and `check` as a user runs them: output and exit codes.

mod common;

use common::{tafel, tafel_in};

#[test]
fn decks_lists_the_four_bundled_decks_with_their_origin() {
    let run = tafel(&["decks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("ID"), "{}", lines[0]);
    assert!(lines[0].contains("CATEGORIEËN"));
    for id in [
        "koerskaarten",
        "grenzeloos-samenwerken",
        "loyale-tegenspraak",
        "bedoeling",
    ] {
        let line = lines
            .iter()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} missing in\n{}", run.stdout));
        assert!(line.contains("ingebouwd"), "{line}");
        assert!(line.contains(" nl "), "{line}");
    }
    assert_eq!(lines.len(), 5);
}

#[test]
fn bundled_decks_have_enough_cards() {
    let run = tafel(&["decks"]);
    let cards = |id: &str| -> usize {
        let line = run.stdout.lines().find(|l| l.starts_with(id)).unwrap();
        let fields: Vec<&str> = line.split("  ").filter(|f| !f.trim().is_empty()).collect();
        fields[3].trim().parse().unwrap()
    };
    assert!(cards("koerskaarten") >= 40);
    assert!(cards("grenzeloos-samenwerken") >= 48);
    assert!(cards("loyale-tegenspraak") >= 36);
    assert!(cards("bedoeling") >= 40);
}

#[test]
fn plans_lists_rounds_minutes_and_decks() {
    let run = tafel(&["plans"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = |id: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} missing"))
            .to_string()
    };
    assert!(line("grenzeloos-workshop").contains("grenzeloos-samenwerken"));
    assert!(line("check-in-out").contains("(elke stapel)"));
    assert!(line("koers-wat").contains("koerskaarten"));
    assert!(line("koers-hoedan").contains("koerskaarten"));
    assert!(line("tegenspraak-gesprek").contains("loyale-tegenspraak"));
    // Rounds that grow with the group: the total for the smallest and largest group.
    assert!(line("teamoverleg-starter").contains(" 14–24 "));
    assert!(
        line("tegenspraak-gesprek").contains("4–9"),
        "the group size"
    );
    let header = run.stdout.lines().next().unwrap();
    assert!(header.contains("RONDES") && header.contains("MINUTEN") && header.contains("GROEP"));
}

#[test]
fn draw_with_a_seed_gives_fixed_cards() {
    let run = tafel(&[
        "draw",
        "--deck",
        "koerskaarten",
        "--seed",
        "7",
        "--count",
        "3",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[koerskaarten/"))
        .collect();
    // Pinned: a seed must mean the same cards in every later release (as long as the
    // deck itself is unchanged: the pile is the deck in file order, shuffled).
    assert_eq!(
        ids,
        ["wat-effect-12]", "wat-effect-09]", "hoedan-anders-10]"]
    );
    assert!(run.stderr.contains("--seed 7"));
}

#[test]
fn draw_is_without_replacement_and_respects_the_category() {
    let run = tafel(&[
        "draw",
        "--deck",
        "loyale-tegenspraak",
        "--category",
        "openen",
        "--count",
        "9",
        "--seed",
        "3",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut ids: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[loyale-tegenspraak/"))
        .collect();
    assert_eq!(ids.len(), 9);
    assert!(ids.iter().all(|id| id.starts_with("openen-")), "{ids:?}");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 9, "a card came up twice");
}

#[test]
fn draw_without_seed_still_works_and_tells_the_seed() {
    let run = tafel(&["draw"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("seed "), "{}", run.stderr);
    assert_eq!(run.stdout.matches("\n   [").count(), 1);
}

#[test]
fn draw_more_than_the_pile_is_a_clear_error() {
    let run = tafel(&["draw", "--deck", "loyale-tegenspraak", "--count", "500"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("je vraagt 500 kaarten"),
        "{}",
        run.stderr
    );
    let zero = tafel(&["draw", "--count", "0"]);
    assert_eq!(zero.code, 2);
}

#[test]
fn unknown_ids_suggest_the_nearest() {
    let run = tafel(&["draw", "--deck", "koerskaart"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bedoel je `koerskaarten`?"),
        "{}",
        run.stderr
    );
    let run = tafel(&[
        "draw",
        "--deck",
        "koerskaarten",
        "--category",
        "hoedan-stapp",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bedoel je `hoedan-stap`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_flags_and_subcommands_exit_2_with_a_hint() {
    let run = tafel(&["draw", "--seeed", "1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--seed"), "{}", run.stderr);
    let run = tafel(&["deks"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("decks"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn english_messages_with_lang_en() {
    let run = tafel(&["--lang", "en", "draw", "--deck", "nope"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown deck `nope`"), "{}", run.stderr);
    let run = tafel(&["decks", "--lang", "en"]);
    assert!(run.stdout.contains("bundled"));
}

#[test]
fn every_bundled_deck_and_plan_passes_check() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = tafel(&["check", &format!("{root}/decks")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let files = std::fs::read_dir(format!("{root}/decks"))
        .unwrap()
        .chain(std::fs::read_dir(format!("{root}/decks/plans")).unwrap())
        .chain(std::fs::read_dir(format!("{root}/decks/styles")).unwrap())
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    assert_eq!(
        files,
        tafel::catalog::bundled::FILES.len(),
        "every file is bundled"
    );
    assert_eq!(
        run.stdout.matches(": in orde (").count(),
        files,
        "{}",
        run.stdout
    );
    // Naming the plans directory as well (it is inside `decks`) checks each file once.
    let twice = tafel(&[
        "check",
        &format!("{root}/decks"),
        &format!("{root}/decks/plans"),
    ]);
    assert_eq!(twice.code, 0, "{}", twice.stdout);
    assert_eq!(twice.stdout, run.stdout);
}

/// Every kind of problem, with its line and column.
#[test]
fn check_reports_file_line_and_column() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cases = [
        ("syntax.toml", "3:15: ongeldige TOML"),
        (
            "unknown-field.toml",
            "14:1: onbekend veld `titel`; bedoel je `title`?",
        ),
        (
            "missing-field.toml",
            "1:1: verplicht veld `language` ontbreekt",
        ),
        (
            "duplicate-ids.toml",
            "18:6: dubbele kaart-id `a-01` (ook op regel 12)",
        ),
        (
            "unknown-category.toml",
            "13:12: onbekende categorie `opgaven`; bedoel je `opgave`?",
        ),
        ("empty-prompt.toml", "15:10: `prompt` is leeg"),
        (
            "plan-unknown-deck.toml",
            "5:10: onbekende stapel `koerskaart`; bedoel je `koerskaarten`?",
        ),
        (
            "plan-unknown-deck.toml",
            "11:17: onbekende stapel `koerskaart`",
        ),
        (
            "plan-unknown-category.toml",
            "11:44: stapel `koerskaarten` heeft geen categorie `wat-opgaaf`; bedoel je `wat-opgave`?",
        ),
        (
            "plan-round-length.toml",
            "9:11: een ronde van 0 minuten kan niet",
        ),
        (
            "plan-round-length.toml",
            "14:11: een ronde van 1000 minuten kan niet",
        ),
        ("not-a-deck.toml", "1:5: ongeldige TOML"),
        (
            "plan-blind-safety.toml",
            "11:8: deze trekking kan kaarten met de tag `veiligheid` delen",
        ),
    ];
    for (file, expected) in cases {
        let path = format!("{root}/tests/invalid/{file}");
        let run = tafel(&["check", &path]);
        assert_eq!(run.code, 1, "{file}: {}", run.stdout);
        let want = format!("{path}:{expected}");
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&want)),
            "{file}: expected a line starting with\n{want}\ngot\n{}",
            run.stdout
        );
        assert!(!run.stderr.contains("panicked"));
    }
}

#[test]
fn check_of_a_missing_or_binary_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("blob.toml");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let run = tafel(&["check", binary.to_str().unwrap(), "/nonexistent/deck.toml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("blob.toml:1:1: geen geldige UTF-8-tekst"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("/nonexistent/deck.toml:1:1: kan het bestand niet lezen")
    );
}

const USER_DECK: &str = r#"
[deck]
id = "koerskaarten"
title = "Onze eigen koers"
description = "Een eigen versie."
language = "nl"

[[category]]
id = "eigen"
title = "Eigen"

[[card]]
id = "eigen-01"
category = "eigen"
title = "Eigen kaart"
prompt = "Wat willen wij?"
"#;

#[test]
fn a_user_deck_replaces_the_bundled_one_and_decks_says_so() {
    let config = tempfile::tempdir().unwrap();
    let decks = config.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("eigen.toml"), USER_DECK).unwrap();
    let run = tafel_in(config.path(), &["decks"]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("koerskaarten"))
        .unwrap();
    assert!(line.contains("Onze eigen koers"), "{line}");
    assert!(line.contains("(vervangt de ingebouwde)"), "{line}");
    // The bundled koers plans name categories the replacement lacks: reported, skipped.
    let run = tafel_in(config.path(), &["plans"]);
    assert!(!run.stdout.contains("koers-wat"));
    assert!(run.stderr.contains("waarschuwing:"), "{}", run.stderr);
}

#[test]
fn a_broken_deck_in_decks_dir_is_reported_and_skipped() {
    let config = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    std::fs::write(extra.path().join("kapot.toml"), "[deck]\nid = 3\n").unwrap();
    std::fs::write(
        extra.path().join("goed.toml"),
        USER_DECK.replace("\"koerskaarten\"", "\"eigen\""),
    )
    .unwrap();
    let run = tafel_in(
        config.path(),
        &["--decks-dir", extra.path().to_str().unwrap(), "decks"],
    );
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.lines().any(|l| l.starts_with("eigen ")),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("kapot.toml:2:6:"), "{}", run.stderr);
    assert!(run.stderr.contains("(overgeslagen)"));
}

#[test]
fn decks_dir_also_comes_from_the_environment() {
    let config = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    std::fs::write(
        extra.path().join("goed.toml"),
        USER_DECK.replace("\"koerskaarten\"", "\"uit-env\""),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tafel"))
        .arg("decks")
        .env("TAFEL_CONFIG_DIR", config.path())
        .env("TAFEL_DECKS_DIR", extra.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.lines().any(|l| l.starts_with("uit-env ")),
        "{stdout}"
    );
}

/// Every card that does not fit is reported, not only the first, and serde's English
/// ("invalid type: string \"10\", expected i64") is said in the user's language.
#[test]
fn check_reports_every_broken_card_and_round_in_dutch_or_english() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("stapel.toml");
    std::fs::write(
        &deck,
        "[deck]\nid = \"s\"\ntitle = \"S\"\ndescription = \"D\"\nlanguage = \"nl\"\n\n\
         [[category]]\nid = \"c\"\ntitle = \"C\"\n\n\
         [[card]]\nid = 5\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\n\n\
         [[card]]\nid = \"b\"\ncategory = \"c\"\ntitel = \"T\"\nprompt = \"P\"\n\n\
         [[card]]\nid = \"d\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\ntags = \"x\"\n",
    )
    .unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = []\n\n\
         [[round]]\ntitle = \"R\"\nminutes = \"10\"\ninstruction = \"I\"\n\n\
         [[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\nturns = \"ja\"\n",
    )
    .unwrap();
    let (deck, plan) = (deck.to_str().unwrap(), plan.to_str().unwrap());
    let run = tafel(&["check", deck, plan]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let expected = [
        format!(
            "{deck}:12:6: verkeerd soort waarde: getal 5, verwacht tekst tussen aanhalingstekens"
        ),
        format!(
            "{deck}:20:1: onbekend veld `titel`; bedoel je `title`? (toegestaan: id, category, title, prompt, hint, tags, form, minutes)"
        ),
        format!(
            "{deck}:28:8: verkeerd soort waarde: tekst \"x\", verwacht een lijst, zoals [\"a\", \"b\"]"
        ),
        format!(
            "{plan}:9:11: verkeerd soort waarde: tekst \"10\", verwacht een geheel getal; schrijf het getal zonder aanhalingstekens: 10"
        ),
        format!(
            "{plan}:16:9: verkeerd soort waarde: tekst \"ja\", verwacht true, false of \"team\""
        ),
    ];
    for line in &expected {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "missing\n{line}\nin\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr.contains("5 problemen gevonden"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("invalid type"), "{}", run.stdout);

    let run = tafel(&["--lang", "en", "check", plan]);
    assert!(
        run.stdout.contains(&format!(
            "{plan}:9:11: wrong kind of value: text \"10\", expected a whole number; write the number without quotes: 10"
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn check_reports_syntax_errors_on_several_lines() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("kapot.toml");
    std::fs::write(
        &deck,
        "[deck]\nid = \"s\"\ntitle = \"S\ndescription = \"D\"\n[card\nlanguage = = \"nl\"\n",
    )
    .unwrap();
    let deck = deck.to_str().unwrap();
    let run = tafel(&["check", deck]);
    assert_eq!(run.code, 1);
    for line in [
        format!("{deck}:3:11: ongeldige TOML: tekst zonder afsluitend aanhalingsteken `\"`"),
        format!("{deck}:5:6: ongeldige TOML: tabelkop zonder afsluitende `]`"),
        format!("{deck}:6:12: ongeldige TOML: een `=` te veel"),
    ] {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "missing\n{line}\nin\n{}",
            run.stdout
        );
    }
}

/// Issue 11: totals for the group at hand, one plan as an agenda, and its TOML.
#[test]
fn plans_for_a_number_of_participants_show_and_export() {
    let run = tafel(&["plans", "--participants", "12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let koers = run
        .stdout
        .lines()
        .find(|l| l.starts_with("koers-wat"))
        .unwrap();
    // 1+6 (in) 2+15 (opgave) 2+12 (effect) 2+12 (partijen) 10 3+6 (afspraken) = 71.
    assert!(koers.contains(" 71 "), "{koers}");
    assert!(run.stdout.lines().next().unwrap().contains("(12 P.)"));
    // moreel-beraad is made for at most 10.
    let moreel = run
        .stdout
        .lines()
        .find(|l| l.starts_with("moreel-beraad"))
        .unwrap();
    assert!(moreel.contains("(!)"), "{moreel}");

    let show = tafel(&[
        "plans",
        "--show",
        "koers-wat",
        "--participants",
        "12",
        "--start",
        "13:30",
    ]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout
            .starts_with("Koerskaarten: de Wat-kaart (koers-wat)\n")
    );
    assert!(
        show.stdout.contains("± 71 min voor 12 deelnemers"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("13:37  2. Onze opgave — 17 min"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("14:41  einde"), "{}", show.stdout);
    assert!(
        show.stdout
            .contains("Trekt: 2 kaarten uit koerskaarten / wat-opgave")
    );

    let export = tafel(&["plans", "--export", "koers-wat"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert_eq!(
        export.stdout,
        include_str!("../decks/plans/koers-wat.toml"),
        "the file itself, comments and all"
    );
    let unknown = tafel(&["plans", "--show", "koers-wa"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert!(unknown.stderr.contains("bedoel je `koers-wat`"));
}

#[test]
fn check_reports_scaled_rounds_and_card_forms_with_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = [\"loyale-tegenspraak\"]\ngroup_size = { min = 4, max = 15 }\n\n\
         [[round]]\ntitle = \"A\"\nper_person = 0\ninstruction = \"I\"\n\n\
         [[round]]\ntitle = \"B\"\nminutes = 2\nper_person = 1.0\nmin_minutes = 10\nmax_minutes = 5\ninstruction = \"I\"\n\n\
         [[round]]\ntitle = \"C\"\nminutes = 5\nmax_minutes = 8\ninstruction = \"I\"\n\n\
         [[round]]\ntitle = \"D\"\nper_person = 1.0\ninstruction = \"I\"\nturns = true\ndraw = { category = \"openen\", without = [\"veiligheid\"], each = true, form = \"beurt\" }\n\n\
         [[round]]\ntitle = \"E\"\nminutes = 5\ninstruction = \"I\"\ndraw = { category = \"inhoud\", form = \"dansen\", without = [\"veiligheid\"] }\n",
    )
    .unwrap();
    let path = plan.to_str().unwrap();
    let run = tafel(&["check", path]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let expected = [
        format!("{path}:10:14: `per_person = 0` kan niet"),
        format!("{path}:18:15: `max_minutes` (5) is kleiner dan `min_minutes` (10)"),
        format!("{path}:24:15: `min_minutes` en `max_minutes` horen bij `per_person`"),
        format!("{path}:38:38: onbekende werkwijze `form = \"dansen\"`"),
    ];
    for line in &expected {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(line.as_str())),
            "missing\n{line}\nin\n{}",
            run.stdout
        );
    }
    let fixed = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("per_person = 0\n", "per_person = 0.5\n")
        .replace("min_minutes = 10\n", "")
        .replace("max_minutes = 8\n", "")
        .replace("\"dansen\"", "\"groep\"");
    std::fs::write(&plan, fixed).unwrap();
    let run = tafel(&["check", path]);
    // What is left: the turn round deals everyone an opening card, for up to 15 people.
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("deze beurtronde deelt iedereen een kaart"),
        "{}",
        run.stdout
    );
}

/// Issue 11: `per_team` counts the teams of the plan's teams round; without one, `tafel
/// check` says where; with one, `plans --show` gives the length and the teams for the group.
#[test]
fn a_round_per_team_is_checked_and_shown_for_the_group() {
    let config = tempfile::tempdir().unwrap();
    let plans = config.path().join("decks/plans");
    std::fs::create_dir_all(&plans).unwrap();
    let file = plans.join("terugkoppelen.toml");
    let rounds = "[[round]]\ntitle = \"Terugkoppelen\"\nminutes = 2\nper_team = 3\nmax_minutes = 20\ninstruction = \"Elk team vertelt wat het vond.\"\n";
    let header = "[plan]\nid = \"terugkoppelen\"\ntitle = \"Terugkoppelen\"\ndescription = \"D\"\ngroup_size = { min = 3, max = 16 }\n\n";
    std::fs::write(&file, format!("{header}{rounds}")).unwrap();
    let path = file.to_str().unwrap();
    let run = tafel_in(config.path(), &["check", path]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.lines().any(|l| l.starts_with(&format!(
            "{path}:10:12: `per_team` telt de teams van een teamronde"
        ))),
        "{}",
        run.stdout
    );
    let teams = "[[round]]\ntitle = \"Teams\"\nminutes = 2\ninstruction = \"Zoek je team op.\"\nkind = \"teams\"\nteams = { size = 4 }\n\n";
    std::fs::write(&file, format!("{header}{teams}{rounds}")).unwrap();
    let run = tafel_in(config.path(), &["check", path]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let show = tafel_in(
        config.path(),
        &["plans", "--show", "terugkoppelen", "--participants", "12"],
    );
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout.contains(
            "2. Terugkoppelen — 11 min (2 min + 3 min voor elk team, hooguit 20 min; 3 teams)"
        ),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("± 13 min voor 12 deelnemers"),
        "{}",
        show.stdout
    );
    let export = tafel_in(config.path(), &["plans", "--export", "terugkoppelen"]);
    assert!(
        export.stdout.contains("per_team = 3\n"),
        "{}",
        export.stdout
    );
}
