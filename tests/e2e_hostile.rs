//! Hostile input seen through a real terminal (tmux): `tafel run` with a sessions
//! "directory" that is a file, and a broken own deck on the home screen.

mod common;

use std::path::Path;

use common::tmux::{Term, sh_quote};

/// tafel in its own tmux server, with an empty config directory. `prepare` may put files in
/// the test's directory and the config directory, and gives tafel's arguments (shell text).
fn start(test: &str, prepare: impl FnOnce(&Path, &Path) -> String) -> Term {
    let socket = format!("tafel-hostile-{}-{test}", std::process::id());
    Term::with_script(socket, 100, 30, |dir, config, _sessions| {
        let args = prepare(dir, config);
        let setup = format!(
            "export TAFEL_CONFIG_DIR={}\nunset TAFEL_DECKS_DIR TAFEL_SESSIONS_DIR TAFEL_LANG",
            sh_quote(&config.display().to_string()),
        );
        let command = format!("{} {args}", sh_quote(env!("CARGO_BIN_EXE_tafel")));
        (setup, command)
    })
}

/// Item 16: `run` said "File exists (os error 17)"; now the same message as `sessions`.
#[test]
fn run_with_a_sessions_dir_that_is_a_file_says_so() {
    let term = start("sessions-file", |dir, _| {
        let file = dir.join("sessies");
        std::fs::write(&file, "geen map").unwrap();
        let file = sh_quote(&file.display().to_string());
        format!("run check-in-out --deck koerskaarten --sessions-dir {file}")
    });
    let (code, screen) = term.wait_exit();
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("bestaat al, maar is geen map"), "{screen}");
    assert!(!screen.contains("os error"), "{screen}");
}
