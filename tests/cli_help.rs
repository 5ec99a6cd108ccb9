//! The command line's own words (issue 8, item 17): help, usage and errors follow the
//! language (`--lang`, `TAFEL_LANG`, `language` in config.toml), with no English left in the
//! Dutch help and no Dutch in the English.

mod common;

use clap::CommandFactory;

use common::{Run, tafel, tafel_in};

const SUBCOMMANDS: [&str; 19] = [
    "decks",
    "plans",
    "draw",
    "run",
    "solo",
    "resume",
    "sessions",
    "rename",
    "delete",
    "agreements",
    "print",
    "export",
    "replay",
    "room",
    "config",
    "styles",
    "questionnaire",
    "groups",
    "check",
];

/// Words clap writes in English whatever the language.
const CLAP_ENGLISH: [&str; 9] = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "possible values",
    "[default:",
    "[OPTIONS]",
];

const DUTCH: [&str; 6] = [
    "Gebruik:",
    "Opties:",
    "Toon ",
    "Commando's:",
    "standaard",
    "[OPTIES]",
];

fn assert_dutch(what: &str, text: &str) {
    for english in CLAP_ENGLISH {
        assert!(!text.contains(english), "{what}: {english:?} in\n{text}");
    }
    assert!(text.contains("Gebruik:"), "{what}:\n{text}");
}

fn assert_english(what: &str, text: &str) {
    for dutch in DUTCH {
        assert!(!text.contains(dutch), "{what}: {dutch:?} in\n{text}");
    }
    assert!(text.contains("Usage:"), "{what}:\n{text}");
}

#[test]
fn help_of_every_command_is_dutch_or_english() {
    let run = tafel(&["--help"]);
    assert_eq!(run.code, 0);
    assert_dutch("tafel --help", &run.stdout);
    assert!(run.stdout.contains("Commando's:") && run.stdout.contains("Toon deze hulp"));
    let run = tafel(&["--lang", "en", "--help"]);
    assert_english("tafel --lang en --help", &run.stdout);
    assert!(run.stdout.contains("Commands:") && run.stdout.contains("Print this help"));
    for sub in SUBCOMMANDS {
        let run = tafel(&[sub, "--help"]);
        assert_eq!(run.code, 0, "{sub}: {}", run.stderr);
        assert_dutch(sub, &run.stdout);
        let run = tafel(&["--lang", "en", sub, "--help"]);
        assert_eq!(run.code, 0, "{sub}: {}", run.stderr);
        assert_english(sub, &run.stdout);
        // `tafel help SUB` is the same help.
        let help = tafel(&["--lang", "en", "help", sub]);
        assert_eq!(help.stdout, run.stdout, "tafel help {sub}");
    }
}

#[test]
fn the_language_also_comes_from_the_environment_and_config_toml() {
    let config = tempfile::tempdir().unwrap();
    let run = Run::of(
        std::process::Command::new(env!("CARGO_BIN_EXE_tafel"))
            .arg("--help")
            .env("TAFEL_CONFIG_DIR", config.path())
            .env("TAFEL_LANG", "en"),
    );
    assert_english("TAFEL_LANG=en", &run.stdout);
    std::fs::write(config.path().join("config.toml"), "language = \"en\"\n").unwrap();
    let run = tafel_in(config.path(), &["draw", "--help"]);
    assert_english("language = \"en\"", &run.stdout);
    // The command line wins.
    let run = tafel_in(config.path(), &["--lang", "nl", "draw", "--help"]);
    assert_dutch("--lang nl over config.toml", &run.stdout);
}

#[test]
fn clap_errors_are_in_the_language_with_the_usage_of_the_command() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["--frobnicate"],
            "tafel: onbekende optie `--frobnicate`",
            "tafel: unknown option `--frobnicate`",
        ),
        (
            &["draw", "--count", "abc"],
            "tafel: ongeldige waarde `abc` voor `--count`: geen geheel getal",
            "tafel: invalid value `abc` for `--count`: not a whole number",
        ),
        (
            &["--theme", "roze", "decks"],
            "tafel: ongeldige waarde `roze` voor `--theme`: kies uit dark, light, contrast",
            "tafel: invalid value `roze` for `--theme`: choose from dark, light, contrast",
        ),
        (
            &["exprt"],
            "tafel: onbekend commando `exprt`; bedoel je `export`?",
            "tafel: unknown command `exprt`; did you mean `export`?",
        ),
        (
            &["export"],
            "tafel: dit ontbreekt nog: <ID|PAD>",
            "tafel: this is still missing: <ID|PATH>",
        ),
    ];
    for (args, dutch, english) in cases {
        let run = tafel(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.starts_with(dutch), "{args:?}:\n{}", run.stderr);
        assert!(run.stderr.contains("Gebruik: tafel"), "{}", run.stderr);
        assert!(!run.stderr.contains("error:"), "{}", run.stderr);
        let mut en = vec!["--lang", "en"];
        en.extend_from_slice(args);
        let run = tafel(&en);
        assert_eq!(run.code, 2, "{en:?}");
        assert!(run.stderr.starts_with(english), "{en:?}:\n{}", run.stderr);
        assert!(run.stderr.contains("Usage: tafel"), "{}", run.stderr);
    }
    let run = tafel(&["draw", "--count", "abc"]);
    assert!(
        run.stderr.contains("Gebruik: tafel draw [OPTIES]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Meer hulp: tafel draw --help"),
        "{}",
        run.stderr
    );
}

/// Every option and subcommand has its help in both languages (`tafel::cli_text`), so a new
/// option cannot be added in one language only.
#[test]
fn every_option_has_help_in_both_languages() {
    use tafel::i18n::{Lang, set_lang};
    let root = tafel::cli::Cli::command();
    let mut missing = Vec::new();
    let check = |command: &clap::Command, path: &str, missing: &mut Vec<String>| {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            let mut texts = Vec::new();
            for lang in [Lang::Nl, Lang::En] {
                set_lang(lang);
                texts.push(tafel::cli_text::arg_text(path, id));
            }
            match (&texts[0], &texts[1]) {
                (Some((nl, _)), Some((en, _))) => assert_ne!(nl, en, "{path} {id}"),
                _ => missing.push(format!("{path} --{id}")),
            }
        }
    };
    check(&root, "", &mut missing);
    for sub in root.get_subcommands() {
        check(sub, sub.get_name(), &mut missing);
        let about = [Lang::Nl, Lang::En].map(|lang| {
            set_lang(lang);
            tafel::cli_text::command_about(sub.get_name())
        });
        match &about {
            [Some(nl), Some(en)] => assert_ne!(nl, en),
            _ => missing.push(format!("about of {}", sub.get_name())),
        }
    }
    set_lang(Lang::Nl);
    assert!(missing.is_empty(), "no help text for: {missing:?}");
    let names: Vec<&str> = root.get_subcommands().map(|s| s.get_name()).collect();
    assert_eq!(names, SUBCOMMANDS);
}
