//! Hostile and odd input on the command line: a sessions "directory" that is a file, deck
//! files that are FIFOs, devices or too big, and control characters in deck text. Each must
//! give a clear message naming the file (and line and column where there is one), never a
//! hang, a panic or raw control characters on the terminal.

mod common;

use std::path::Path;

use common::{Run, tafel, tafel_in};

fn assert_no_raw_controls(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "raw control character in {name}:\n{text:?}"
        );
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Item 16: `--sessions-dir` naming a regular file

#[test]
fn a_sessions_dir_that_is_a_file_is_one_clear_message_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sessies");
    std::fs::write(&file, "geen map").unwrap();
    let file = file.to_str().unwrap();
    for args in [
        vec!["--sessions-dir", file, "sessions"],
        vec!["--sessions-dir", file, "sessions", "--open"],
        vec!["--sessions-dir", file, "replay"],
        vec!["--sessions-dir", file, "export", "20261120"],
    ] {
        let run = tafel(&args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr
                .contains(&format!("de sessiemap {file} bestaat al, maar is geen map")),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains("nog geen sessies"), "{}", run.stdout);
    }
    let config = tempfile::tempdir().unwrap();
    let run = Run::of(
        std::process::Command::new(env!("CARGO_BIN_EXE_tafel"))
            .args(["--lang", "en", "sessions"])
            .env("TAFEL_CONFIG_DIR", config.path())
            .env("TAFEL_SESSIONS_DIR", file),
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "the sessions directory {file} exists but is not a directory"
        )),
        "{}",
        run.stderr
    );
    // The file itself is left alone.
    assert_eq!(std::fs::read_to_string(file).unwrap(), "geen map");
}

// ---------------------------------------------------------------------------------------------
// Item 12: FIFOs, devices, directories and huge files

/// Runs tafel with a deadline: a hang fails the test instead of blocking it forever.
fn tafel_within(config: &Path, args: &[&str], seconds: u64) -> Run {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tafel"))
        .args(args)
        .env("TAFEL_CONFIG_DIR", config)
        .env_remove("TAFEL_DECKS_DIR")
        .env_remove("TAFEL_SESSIONS_DIR")
        .env_remove("TAFEL_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tafel");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("tafel {args:?} still running after {seconds} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8"),
        stderr: String::from_utf8(output.stderr).expect("utf-8"),
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[test]
fn check_refuses_a_fifo_a_device_and_a_huge_file_without_hanging() {
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let zero = dir.path().join("nul.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let huge = dir.path().join("groot.toml");
    std::fs::write(&huge, "# ".repeat(3 * 1024 * 1024)).unwrap();
    let (fifo, zero, huge) = (
        fifo.to_str().unwrap(),
        zero.to_str().unwrap(),
        huge.to_str().unwrap(),
    );
    let run = tafel_within(config.path(), &["check", fifo, zero, huge], 20);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = [
        format!("{fifo}:1:1: dit is een pijp (FIFO), geen gewoon bestand: niet gelezen"),
        format!(
            "{zero}:1:1: dit is een apparaat (zoals /dev/zero), geen gewoon bestand: niet gelezen"
        ),
        format!("{huge}:1:1: te groot (6,0 MB; hooguit 4,0 MB): niet gelezen"),
    ];
    for line in &expected {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "{line}\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr.contains("3 problemen gevonden"),
        "{}",
        run.stderr
    );

    let run = tafel_within(config.path(), &["--lang", "en", "check", fifo, huge], 20);
    assert!(
        run.stdout.contains(&format!(
            "{fifo}:1:1: this is a pipe (FIFO), not a regular file"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("{huge}:1:1: too big (6.0 MB; at most 4.0 MB)")),
        "{}",
        run.stdout
    );
}

#[test]
fn strange_files_in_a_decks_dir_and_as_config_are_warnings_not_hangs() {
    let config = tempfile::tempdir().unwrap();
    mkfifo(&config.path().join("config.toml"));
    let decks = config.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    mkfifo(&decks.join("pijp.toml"));
    std::os::unix::fs::symlink("/dev/zero", decks.join("nul.toml")).unwrap();
    let run = tafel_within(config.path(), &["decks"], 20);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("koerskaarten"), "{}", run.stdout);
    assert!(
        run.stderr.contains("config.toml: dit is een pijp (FIFO)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("pijp.toml:1:1: dit is een pijp (FIFO), geen gewoon bestand"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nul.toml:1:1: dit is een apparaat"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Item 11: terminal escape sequences in deck and plan files

const DECK_HEAD: &str = "[deck]\nid = \"boze\"\ntitle = \"Boze stapel\"\ndescription = \"D\"\nlanguage = \"nl\"\n\n[[category]]\nid = \"c\"\ntitle = \"C\"\n\n";

#[test]
fn check_rejects_control_characters_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("boos.toml");
    // Line 15: the escape starts at column 15, after `prompt = "Wat `.
    std::fs::write(
        &deck,
        format!(
            "{DECK_HEAD}[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"Wat \\u001b]2;PWNED\\u0007 nu?\"\n"
        ),
    )
    .unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = []\n\n[[round]]\ntitle = \"R\\e[2J\"\nminutes = 5\ninstruction = \"I\"\n",
    )
    .unwrap();
    let run = tafel(&["check", deck.to_str().unwrap(), plan.to_str().unwrap()]);
    assert_no_raw_controls(&run);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let want = format!(
        "{}:15:15: `prompt` bevat een stuurteken (U+001B)",
        deck.display()
    );
    assert!(
        run.stdout.lines().any(|l| l.starts_with(&want)),
        "{want}\n{}",
        run.stdout
    );
    let want = format!(
        "{}:8:11: `title` bevat een stuurteken (U+001B)",
        plan.display()
    );
    assert!(
        run.stdout.lines().any(|l| l.starts_with(&want)),
        "{want}\n{}",
        run.stdout
    );
    let run = tafel(&["--lang", "en", "check", deck.to_str().unwrap()]);
    assert!(
        run.stdout
            .contains("`prompt` contains a control character (U+001B)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_deck_with_an_escape_sequence_never_reaches_the_terminal() {
    let config = tempfile::tempdir().unwrap();
    let decks = config.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    std::fs::write(
        decks.join("boos.toml"),
        format!(
            "{DECK_HEAD}[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"\\u001b]2;PWNED\\u0007\"\n"
        ),
    )
    .unwrap();
    for args in [
        vec!["decks"],
        vec!["draw", "--count", "200", "--seed", "1"],
        vec!["draw", "--deck", "boze"],
    ] {
        let run = tafel_in(config.path(), &args);
        assert_no_raw_controls(&run);
        assert!(!run.stdout.contains("PWNED"), "{args:?}: {}", run.stdout);
        assert!(
            run.stderr
                .contains("boos.toml:15:11: `prompt` bevat een stuurteken"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn ids_keys_and_file_names_from_a_file_are_echoed_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.toml");
    std::fs::write(
        &ids,
        format!(
            "{DECK_HEAD}[[card]]\nid = \"k\\u001b[2J\"\ncategory = \"c\\u009b\"\ntitle = \"T\"\nprompt = \"P\"\n"
        ),
    )
    .unwrap();
    let key = dir.path().join("key.toml");
    std::fs::write(&key, "[deck]\n\"x\\u001b]2;PWNED\\u0007\" = 1\n").unwrap();
    let name = dir.path().join("naam\u{1b}]2;PWNED\u{7}.toml");
    std::fs::write(&name, "geen toml").unwrap();
    let run = tafel(&[
        "check",
        ids.to_str().unwrap(),
        key.to_str().unwrap(),
        name.to_str().unwrap(),
    ]);
    assert_no_raw_controls(&run);
    assert!(
        run.stdout.contains("ongeldige kaart-id `k\\u{1b}[2J`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("onbekende categorie `c\\u{9b}`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("`x\\u{1b}]2;PWNED\\u{7}`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("naam\\u{1b}]2;PWNED\\u{7}.toml:1:"),
        "{}",
        run.stdout
    );
}

#[test]
fn windows_line_breaks_in_a_multi_line_prompt_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("crlf.toml");
    let text = format!(
        "{DECK_HEAD}[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"\"\"Eerste regel\ntweede regel\"\"\"\n"
    )
    .replace('\n', "\r\n");
    std::fs::write(&deck, text).unwrap();
    let run = tafel(&["check", deck.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("in orde (stapel `boze`, 1 kaarten)"),
        "{}",
        run.stdout
    );
}
