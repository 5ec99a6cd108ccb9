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
