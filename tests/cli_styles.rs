//! Preference styles on the command line (issue 10): `tafel styles`, the questionnaire a
//! participant fills in at the terminal, and `tafel groups`.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Run, tafel};
use tafel::session::{Event, Session};
use tafel::storage::journal;

/// `tafel questionnaire ARGS` with `input` typed on stdin, sessions in `dir`.
fn questionnaire(dir: &std::path::Path, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tafel"))
        .arg("questionnaire")
        .args(args)
        .env("TAFEL_CONFIG_DIR", dir.join("config"))
        .env("TAFEL_CACHE_DIR", dir.join("cache"))
        .env("TAFEL_SESSIONS_DIR", dir.join("sessions"))
        .env_remove("TAFEL_DECKS_DIR")
        .env_remove("TAFEL_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tafel");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Run::of_child(child)
}

/// Answers that favour one style: 5 for its statements, 1 for the others.
fn answers_for(style: &str) -> String {
    let text = include_str!("../decks/styles/grenswerkers.toml");
    let mut out = String::new();
    for line in text.lines() {
        if let Some(s) = line.strip_prefix("style = \"") {
            let id = s.trim_end_matches('"');
            // `[[style]]` tables have `id`, statements have `style`: only statements count.
            out.push_str(if id == style { "5\n" } else { "1\n" });
        }
    }
    out
}

#[test]
fn the_questionnaire_names_a_style_saves_a_session_and_prints_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("Anna\n{}", answers_for("vertaler"));
    let run = questionnaire(dir.path(), &[], &input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Je voorkeurstijl: Vertaler"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Je mist makkelijk:"));
    assert!(run.stdout.contains("\nAnna:vertaler\n"), "{}", run.stdout);
    assert!(run.stdout.contains("18/18"));

    // Saved like a solo session: one finished journal that replays.
    let sessions: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sessions.len(), 1);
    let records = journal::load(&sessions[0]).expect("journal reads").records;
    let session = Session::from_records(&records).expect("journal replays");
    assert!(session.ended);
    assert_eq!(session.group.styles["Anna"], ["vertaler"]);
    let answered = records
        .iter()
        .find_map(|r| match &r.event {
            Event::QuestionnaireAnswered { answers, .. } => Some(answers.clone()),
            _ => None,
        })
        .expect("answers journaled");
    assert_eq!(answered.len(), 18);
    assert_eq!(answered.iter().filter(|a| **a == 5).count(), 3);
}

#[test]
fn a_wrong_answer_is_asked_again_and_english_works_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("7\nja\n{}", answers_for("spiegelaar"));
    let run = questionnaire(dir.path(), &["--lang", "en", "--name", "Bram"], &input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.matches("type a digit from 1 to 5").count(), 2);
    assert!(run.stdout.contains("Your preference style: Spiegelaar"));
    assert!(run.stdout.contains("\nBram:spiegelaar\n"));
}

#[test]
fn a_questionnaire_stopped_halfway_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = questionnaire(dir.path(), &["--name", "Chris"], "3\n4\n");
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("niets bewaard"), "{}", run.stderr);
    assert!(!dir.path().join("sessions").exists());
}

#[test]
fn styles_lists_six_styles_of_tafels_own_model() {
    let run = tafel(&["styles"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in [
        "Verbinder",
        "Verkenner",
        "Doorzetter",
        "Speelveldkenner",
        "Vertaler",
        "Spiegelaar",
    ] {
        assert!(run.stdout.contains(name), "{name} missing");
    }
    assert!(run.stdout.contains("Eigen model van tafel"));
    assert_eq!(run.stdout.matches("Vraag voor je team:").count(), 6);
    let unknown = tafel(&["styles", "--set", "grenswerker"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("bedoel je `grenswerkers`?"));
}

#[test]
fn groups_mixes_styles_reproducibly() {
    let people =
        "Anna:verbinder,Bram:verbinder,Chris:verbinder,Dewi:doorzetter,Eva:doorzetter,Fer:vertaler";
    let args = [
        "groups",
        "--participants",
        people,
        "--teams",
        "3",
        "--mix",
        "--seed",
        "5",
    ];
    let run = tafel(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run, tafel(&args), "same seed, same teams");
    let teams: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("Team"))
        .collect();
    assert_eq!(teams.len(), 3);
    // Three verbinders over three teams: one each.
    for team in &teams {
        assert_eq!(team.matches(":verbinder").count(), 1, "{team}");
    }
    let bad = tafel(&["groups", "--participants", "Anna:koffie", "--size", "2"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("onbekende stijl `koffie`"),
        "{}",
        bad.stderr
    );
    let neither = tafel(&["groups", "--participants", "Anna,Bram"]);
    assert_eq!(neither.code, 2);
}

#[test]
fn check_validates_a_style_set() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stijlen.toml");
    std::fs::write(
        &file,
        "[styles]\nid = \"eigen\"\ntitle = \"T\"\ndescription = \"D\"\nlanguage = \"nl\"\n\n[[style]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\nbrings = \"b\"\noverlooks = \"o\"\nneeds = \"n\"\nprompt = \"p\"\n\n[[statement]]\nstyle = \"b\"\ntext = \"t\"\n",
    )
    .unwrap();
    let run = tafel(&["check", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("stijlen.toml:17:9: onbekende stijl `b`; bedoel je `a`?"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("minstens twee [[style]]"));
    let good = tafel(&["check", "decks/styles/grenswerkers.toml"]);
    assert_eq!(good.code, 0, "{}", good.stdout);
    assert!(good.stdout.contains("6 stijlen, 18 stellingen"));
}
