//! Shared by the integration tests (`mod common;`): running the real `tafel` binary,
//! isolated from the user's own config and decks (here); the `App` driven the way the shell
//! does it (`harness`) and what the `App` tests look at (`app_helpers`); a real terminal in tmux (`tmux`).
#![allow(dead_code)] // each test file uses a different part

pub mod app_helpers;
pub mod harness;
pub mod tmux;

use std::path::Path;
use std::process::Command;

#[derive(Debug, PartialEq)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Runs `command` (a `tafel`) to the end: its exit code and output as text.
    pub fn of(command: &mut Command) -> Run {
        let output = command.output().expect("run tafel");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
        }
    }
}

impl Run {
    /// Waits for a spawned `tafel` whose output is piped.
    pub fn of_child(child: std::process::Child) -> Run {
        let output = child.wait_with_output().expect("wait for tafel");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
        }
    }
}

pub fn tafel_in(config_dir: &Path, args: &[&str]) -> Run {
    Run::of(
        Command::new(env!("CARGO_BIN_EXE_tafel"))
            .args(args)
            .env("TAFEL_CONFIG_DIR", config_dir)
            .env("TAFEL_CACHE_DIR", config_dir.join("cache"))
            .env_remove("TAFEL_DECKS_DIR")
            .env_remove("TAFEL_SESSIONS_DIR")
            .env_remove("TAFEL_LANG"),
    )
}

/// With an empty config directory: only the bundled decks and plans.
pub fn tafel(args: &[&str]) -> Run {
    let config = tempfile::tempdir().expect("tempdir");
    tafel_in(config.path(), args)
}
