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
