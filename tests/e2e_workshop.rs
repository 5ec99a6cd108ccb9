//! End to end (issue 10): the bundled Grenzeloos Samenwerken workshop with nine people in a
//! real terminal (tmux) — styles, mixed teams, a round with turns per team and notes for a
//! team, the vote, the reveal, the summary and the export — read back from the screen, the
//! exported file and the journal. Its own tmux server, like `e2e_tmux.rs`.

mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;

use common::tmux::{Term, sh_quote};

const NINE: &str = "Anna,Bram,Chris,Dewi,Eva,Fer,Gijs,Hanna,Ilse";

/// `tafel run grenzeloos-workshop` for nine people in a 120×35 window, with a home of its own
/// (the export form starts there).
fn start_workshop() -> Term {
    let socket = format!("tafel-e2e-{}-workshop", std::process::id());
    Term::with_script(socket, 120, 35, |dir, config, sessions| {
        let setup = format!(
            "{}\nexport HOME={}\nunset XDG_DOCUMENTS_DIR XDG_CONFIG_HOME",
            common::tmux::private_env(config),
            sh_quote(&dir.display().to_string()),
        );
        let command = format!(
            "{} run grenzeloos-workshop --participants '{NINE}' --seed 7 --title 'Grenzeloos Oost' --sessions-dir {}",
            sh_quote(env!("CARGO_BIN_EXE_tafel")),
            sh_quote(&sessions.display().to_string()),
        );
        (setup, command)
    })
}

fn records(journal: &Path) -> Vec<Value> {
    let text = fs::read_to_string(journal).expect("read journal");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a journal line"))
        .collect()
}

fn of_type<'a>(records: &'a [Value], kind: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["type"] == kind).collect()
}

/// Goes on with → until the screen says `ronde {n} van 11`.
fn to_round(term: &Term, n: usize) {
    let label = format!("ronde {n} van 11");
    while !term.screen().contains(&label) {
        let before = term.screen();
        term.keys(&["Right"]);
        term.wait_until("the next round", |screen| screen != before);
    }
}

#[test]
fn the_grenzeloos_workshop_with_nine_people_from_styles_to_export() {
    let term = start_workshop();
    // 1. Styles: one digit per person, the cursor moves on by itself.
    term.wait_for_screen(&["ronde 1 van 11", "Voorkeurstijlen", "6 Spiegelaar"], &[]);
    for digit in ["1", "2", "3", "4", "5", "6", "1", "2", "3"] {
        term.keys(&[digit]);
    }
    term.wait_for_screen(
        &["Anna: Verbinder", "Fer: Spiegelaar", "Ilse: Doorzetter"],
        &["nog geen stijl"],
    );

    // 2. Teams of three, mixed by style.
    term.keys(&["Right"]);
    let screen = term.wait_for_screen(&["ronde 2 van 11", "Team 1:", "Team 3:"], &["Team 4:"]);
    assert!(screen.contains("mist:"), "{screen}");

    // 3. A round with turns per team: the turn is a team's, a note is for that team.
    term.keys(&["Right"]);
    term.wait_for_screen(
        &["ronde 3 van 11", "Beurt: Team 1 (", "daarna: Team 2"],
        &[],
    );
    term.keys(&["n"]);
    term.wait_for("Nieuwe notitie · voor Team 1");
    term.type_text("Zorg en veiligheid in de wijk");
    term.wait_for("Zorg en veiligheid in de wijk");
    term.keys(&["Enter"]);
    term.wait_for("[Team 1] Zorg en veiligheid in de wijk");
    term.keys(&["b"]);
    term.wait_for_screen(&["Beurt: Team 2 ("], &[]);
    term.keys(&["n"]);
    term.wait_for("Nieuwe notitie · voor Team 2");
    term.type_text("Een loket voor ondernemers");
    term.wait_for("Een loket voor ondernemers");
    // Ctrl+T twice: team 3, then no team; once more: team 1 … back to team 2 at the end.
    term.keys(&["C-t"]);
    term.wait_for("Nieuwe notitie · voor Team 3");
    term.keys(&["C-t", "C-t", "C-t"]);
    term.wait_for("Nieuwe notitie · voor Team 2");
    term.keys(&["Enter"]);
    term.wait_for("[Team 2] Een loket voor ondernemers");

    // 10. The vote, over the notes: secret, then revealed.
    to_round(&term, 10);
    term.wait_for_screen(
        &[
            "Wat nemen we mee?",
            "a  Zorg en veiligheid in de wijk",
            "b  Een loket voor ondernemers",
            "0 van 9 hebben gestemd",
        ],
        &[],
    );
    // Anna two dots on a and one on b, Bram one on a, Chris one on b.
    term.keys(&["a", "a", "b", "Down", "a", "Down", "b"]);
    let secret = term.wait_for("3 van 9 hebben gestemd");
    assert!(
        !secret.contains("3 stippen") && !secret.contains("2 stippen"),
        "secret until revealed: {secret}"
    );
    term.keys(&["Enter"]);
    term.wait_for_screen(
        &[
            "1. Zorg en veiligheid in de wijk",
            "2. Een loket voor ondernemers",
            "3 stippen",
            "2 stippen",
        ],
        &[],
    );

    // End: the summary has the vote and the notes per team; the export has it all.
    term.keys(&["q"]);
    term.wait_for("De sessie beëindigen?");
    term.keys(&["j"]);
    term.wait_for_screen(
        &[
            "Samenvatting",
            "Notities per team: Team 1 (1) · Team 2 (1)",
            "Stemming Wat nemen we mee?: 1. Zorg en veiligheid in de wijk (3 stippen)",
        ],
        &[],
    );
    term.keys(&["e"]);
    term.wait_for_screen(&["Exporteren", "Formaat"], &[]);
    term.keys(&["Enter"]);
    let exported = term.dir.path().join("grenzeloos-oost.md");
    term.wait_for(&format!("Geëxporteerd naar {}", exported.display()));
    term.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");

    let records = records(&common::tmux::only_journal(&term.sessions));
    let picks = of_type(&records, "styles_picked");
    assert_eq!(picks.len(), 9);
    let teams = of_type(&records, "teams_formed");
    assert_eq!(teams.len(), 1);
    let teams: Vec<Vec<String>> = serde_json::from_value(teams[0]["teams"].clone()).unwrap();
    assert_eq!(teams.len(), 3);
    assert!(teams.iter().all(|t| t.len() == 3), "{teams:?}");
    let team_of_note: Vec<&Value> = of_type(&records, "note_team_set")
        .iter()
        .map(|r| &r["team"])
        .collect();
    assert_eq!(team_of_note, [&Value::from(0), &Value::from(1)]);
    assert_eq!(of_type(&records, "vote_cast").len(), 5);
    assert_eq!(of_type(&records, "vote_revealed").len(), 1);
    assert_eq!(records.last().unwrap()["type"], "session_ended");

    let md = fs::read_to_string(&exported).expect("the exported file");
    let team_one = format!("### Team 1: {}", teams[0].join(", "));
    let team_two = format!("### Team 2: {}", teams[1].join(", "));
    let at = |text: &str| {
        md.find(text)
            .unwrap_or_else(|| panic!("`{text}` in:\n{md}"))
    };
    assert!(at(&team_one) < at("Zorg en veiligheid in de wijk"), "{md}");
    assert!(at(&team_two) < at("Een loket voor ondernemers"), "{md}");
    assert!(at("### Stemming") > at(&team_two), "{md}");
    assert!(md.contains("_3 van 9 deelnemers hebben gestemd._"), "{md}");
    let first = at("- Zorg en veiligheid in de wijk — stippen: 3 — plaats: 1");
    let second = at("- Een loket voor ondernemers — stippen: 2 — plaats: 2");
    assert!(first < second, "{md}");
    assert!(md.contains("Gemengd op voorkeurstijl."), "{md}");
    for (i, team) in teams.iter().enumerate() {
        let line = format!("- **Team {}:** {}", i + 1, team[0]);
        assert!(md.contains(&line), "{line} in:\n{md}");
    }
}
