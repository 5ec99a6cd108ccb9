//! Runs `tafel` with a `config.toml` and chosen environment variables, isolated from the
//! user's own settings. Included by `tests/cli_config.rs` with `#[path]`.

use std::path::Path;
use std::process::Command;

use crate::common::Run;

/// Every variable `tafel` reads; each test sets only the ones it means.
const TAFEL_VARS: [&str; 5] = [
    "TAFEL_CACHE_DIR",
    "TAFEL_DECKS_DIR",
    "TAFEL_SESSIONS_DIR",
    "TAFEL_LANG",
    "TAFEL_CONFIG_DIR",
];

/// `tafel ARGS` with `config_dir` as the config directory, `home` as `$HOME` (so `~/` in
/// the config is predictable) and the given extra environment variables.
pub fn tafel_with_env(config_dir: &Path, home: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tafel"));
    for var in TAFEL_VARS {
        command.env_remove(var);
    }
    Run::of(
        command
            .args(args)
            .env("TAFEL_CONFIG_DIR", config_dir)
            .env("TAFEL_CACHE_DIR", config_dir.join("cache"))
            .env("HOME", home)
            .envs(env.iter().copied()),
    )
}

/// Writes `<config_dir>/config.toml`.
pub fn write_config(config_dir: &Path, text: &str) {
    std::fs::write(config_dir.join("config.toml"), text).expect("write config.toml");
}
