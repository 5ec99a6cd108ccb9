//! `config.toml` and `tafel config`: what the file sets, what wins over it (environment,
//! command line), and that a broken file is a warning with FILE:LINE:COLUMN, never a stop.

mod common;
#[path = "common/config.rs"]
mod config_helpers;

use std::path::Path;

use config_helpers::{tafel_with_env, write_config};

/// A tiny deck, to see which deck directories were read.
fn deck(id: &str, title: &str) -> String {
    format!(
        r#"[deck]
id = "{id}"
title = "{title}"
description = "Een stapel voor de test."
language = "nl"

[[category]]
id = "c"
title = "C"

[[card]]
id = "k1"
category = "c"
title = "Kaart"
prompt = "Wat nu?"
"#
    )
}

struct Dirs {
    config: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Dirs {
    fn new() -> Self {
        Dirs {
            config: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self, text: &str) -> &Self {
        write_config(self.config.path(), text);
        self
    }

    fn tafel(&self, env: &[(&str, &str)], args: &[&str]) -> common::Run {
        tafel_with_env(self.config.path(), self.home.path(), env, args)
    }

    fn file(&self) -> String {
        self.config.path().join("config.toml").display().to_string()
    }
}

/// The row of `tafel config` for one setting: (value, source).
fn setting(stdout: &str, key: &str) -> (String, String) {
    let line = stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no row for {key} in\n{stdout}"));
    let cells: Vec<&str> = line.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(cells.len(), 3, "{line}");
    (cells[1].trim().to_string(), cells[2].trim().to_string())
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn without_a_config_file_every_setting_is_the_default() {
    let dirs = Dirs::new();
    let run = dirs.tafel(&[], &["config"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with(&format!(
            "Configuratiebestand: {} (bestaat niet",
            dirs.file()
        )),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("INSTELLING"));
    for (key, value) in [
        ("language", "nl"),
        ("bell", "true"),
        ("theme", "dark"),
        ("participants", "—"),
        ("decks_dirs", "—"),
    ] {
        assert_eq!(
            setting(&run.stdout, key),
            (value.to_string(), "standaard".to_string()),
            "{key}"
        );
    }
    assert_eq!(setting(&run.stdout, "sessions_dir").1, "standaard");
    // The user's own decks directory, inside the config directory.
    let decks = path(&dirs.config.path().join("decks"));
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("(eigen stapels)") && l.contains(&decks)),
        "{}",
        run.stdout
    );
}

#[test]
fn the_config_file_sets_language_sessions_participants_theme_and_bell() {
    let dirs = Dirs::new();
    dirs.config(
        r#"# mijn instellingen
language = "en"
bell = false
theme = "contrast"
participants = ["Anna", "Bram"]
sessions_dir = "~/workshops/sessies"
"#,
    );
    let run = dirs.tafel(&[], &["config"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout
            .starts_with(&format!("Configuration file: {} (loaded)", dirs.file())),
        "{}",
        run.stdout
    );
    let from_file = |value: &str| (value.to_string(), "config.toml".to_string());
    assert_eq!(setting(&run.stdout, "language"), from_file("en"));
    assert_eq!(setting(&run.stdout, "bell"), from_file("false"));
    assert_eq!(setting(&run.stdout, "theme"), from_file("contrast"));
    assert_eq!(
        setting(&run.stdout, "participants"),
        from_file("Anna, Bram")
    );
    let sessions = dirs.home.path().join("workshops").join("sessies");
    assert_eq!(
        setting(&run.stdout, "sessions_dir"),
        from_file(&path(&sessions))
    );

    // Messages are in English now, and the sessions directory is the configured one.
    let run = dirs.tafel(&[], &["draw", "--deck", "koerskaart"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown deck `koerskaart`; did you mean `koerskaarten`?"),
        "{}",
        run.stderr
    );
    let run = dirs.tafel(&[], &["sessions"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        format!("no sessions yet in {}", path(&sessions))
    );
}

#[test]
fn deck_directories_from_the_file_come_before_the_environment_and_the_command_line() {
    let dirs = Dirs::new();
    let relative = dirs.config.path().join("stapels");
    let env_dir = tempfile::tempdir().unwrap();
    let cli_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(&relative).unwrap();
    std::fs::write(relative.join("a.toml"), deck("mijn", "Uit het bestand")).unwrap();
    std::fs::write(relative.join("b.toml"), deck("alleen-hier", "Alleen hier")).unwrap();
    std::fs::write(
        env_dir.path().join("a.toml"),
        deck("mijn", "Uit de omgeving"),
    )
    .unwrap();
    std::fs::write(
        cli_dir.path().join("a.toml"),
        deck("mijn", "Van de opdrachtregel"),
    )
    .unwrap();
    // A relative path in config.toml is relative to the config directory.
    dirs.config("decks_dirs = [\"stapels\"]\n");

    let run = dirs.tafel(&[], &["decks"]);
    assert!(run.stdout.contains("Uit het bestand"), "{}", run.stdout);
    assert!(run.stdout.contains("Alleen hier"), "{}", run.stdout);

    let env = [("TAFEL_DECKS_DIR", env_dir.path().to_str().unwrap())];
    let run = dirs.tafel(&env, &["decks"]);
    assert!(run.stdout.contains("Uit de omgeving"), "{}", run.stdout);
    assert!(run.stdout.contains("Alleen hier"), "{}", run.stdout);

    let cli = ["--decks-dir", cli_dir.path().to_str().unwrap()];
    let run = dirs.tafel(&env, &[&cli[..], &["decks"]].concat());
    assert!(
        run.stdout.contains("Van de opdrachtregel"),
        "{}",
        run.stdout
    );

    let run = dirs.tafel(&env, &[&cli[..], &["config"]].concat());
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("decks_dirs"))
        .take(3)
        .collect();
    assert!(rows[0].contains(&path(&relative)) && rows[0].ends_with("config.toml"));
    assert!(rows[1].contains(&path(env_dir.path())));
    assert!(
        rows[1].ends_with("omgeving (TAFEL_DECKS_DIR)"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(&path(cli_dir.path())));
    assert!(
        rows[2].ends_with("opdrachtregel (--decks-dir)"),
        "{}",
        rows[2]
    );
}

#[test]
fn the_environment_beats_the_config_file() {
    let dirs = Dirs::new();
    let file_sessions = tempfile::tempdir().unwrap();
    let env_sessions = tempfile::tempdir().unwrap();
    dirs.config(&format!(
        "language = \"en\"\nsessions_dir = {:?}\n",
        path(file_sessions.path())
    ));
    let env = [
        ("TAFEL_SESSIONS_DIR", env_sessions.path().to_str().unwrap()),
        ("TAFEL_LANG", "nl"),
    ];
    let run = dirs.tafel(&env, &["config"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        setting(&run.stdout, "sessions_dir"),
        (
            path(env_sessions.path()),
            "omgeving (TAFEL_SESSIONS_DIR)".to_string()
        )
    );
    assert_eq!(
        setting(&run.stdout, "language"),
        ("nl".to_string(), "omgeving (TAFEL_LANG)".to_string())
    );
    let run = dirs.tafel(&env, &["sessions"]);
    assert_eq!(
        run.stdout.trim(),
        format!("nog geen sessies in {}", path(env_sessions.path()))
    );
}

#[test]
fn the_command_line_beats_the_environment() {
    let dirs = Dirs::new();
    let env_sessions = tempfile::tempdir().unwrap();
    let cli_sessions = tempfile::tempdir().unwrap();
    dirs.config("theme = \"light\"\nlanguage = \"nl\"\n");
    let env = [
        ("TAFEL_SESSIONS_DIR", env_sessions.path().to_str().unwrap()),
        ("TAFEL_LANG", "nl"),
    ];
    let cli_dir = cli_sessions.path().to_str().unwrap();
    let run = dirs.tafel(
        &env,
        &[
            "--sessions-dir",
            cli_dir,
            "--lang",
            "en",
            "--theme",
            "contrast",
            "config",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        setting(&run.stdout, "sessions_dir"),
        (
            cli_dir.to_string(),
            "command line (--sessions-dir)".to_string()
        )
    );
    assert_eq!(
        setting(&run.stdout, "language"),
        ("en".to_string(), "command line (--lang)".to_string())
    );
    assert_eq!(
        setting(&run.stdout, "theme"),
        ("contrast".to_string(), "command line (--theme)".to_string())
    );
    let run = dirs.tafel(&env, &["--sessions-dir", cli_dir, "sessions"]);
    assert_eq!(run.stdout.trim(), format!("nog geen sessies in {cli_dir}"));
}

/// A broken file: a warning naming FILE:LINE:COLUMN, then the defaults, and the command
/// itself still does its work.
fn assert_broken(text: &str, location: &str, message: &str) {
    let dirs = Dirs::new();
    dirs.config(text);
    let run = dirs.tafel(&[], &["decks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = format!("waarschuwing: {}:{location}: {message}", dirs.file());
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(run.stderr.contains("standaardinstellingen gebruikt"));
    assert!(run.stdout.contains("koerskaarten"), "{}", run.stdout);

    let run = dirs.tafel(&[], &["config"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("(genegeerd wegens een fout"),
        "{}",
        run.stdout
    );
    for key in ["language", "bell", "theme", "participants", "sessions_dir"] {
        assert_eq!(setting(&run.stdout, key).1, "standaard", "{key}");
    }
}

#[test]
fn a_syntax_error_is_a_warning_with_file_line_and_column() {
    assert_broken(
        "bell = false\nlanguage = en\n",
        "2:12",
        "ongeldige TOML: string values must be quoted",
    );
}

#[test]
fn an_unknown_key_is_a_warning_that_suggests_the_right_one() {
    assert_broken(
        "bell = false\n\nlanugage = \"en\"\n",
        "3:1",
        "onbekende instelling `lanugage`; bedoel je `language`?",
    );
}

#[test]
fn a_bad_theme_or_a_value_of_the_wrong_kind_is_a_warning() {
    assert_broken(
        "language = \"en\"\ntheme = \"donker\"\n",
        "2:9",
        "onbekend thema `donker`; bedoel je `dark`?",
    );
    assert_broken("bell = \"ja\"\n", "1:8", "`bell` moet true of false zijn");
}

#[test]
fn a_broken_file_with_lang_en_warns_in_english() {
    let dirs = Dirs::new();
    dirs.config("theme = \"dim\"\n");
    let run = dirs.tafel(&[], &["--lang", "en", "plans"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.starts_with(&format!(
            "warning: {}:1:9: unknown theme `dim`",
            dirs.file()
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("using the default settings"));
    assert!(run.stdout.contains("koers-wat"));
}

#[test]
fn an_unknown_tafel_lang_is_a_warning_too() {
    let dirs = Dirs::new();
    let run = dirs.tafel(&[("TAFEL_LANG", "fr")], &["config"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("TAFEL_LANG=`fr`"), "{}", run.stderr);
    assert_eq!(
        setting(&run.stdout, "language"),
        ("nl".to_string(), "standaard".to_string())
    );
}
