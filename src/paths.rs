//! Where `tafel` finds decks and keeps sessions: the platform directories, overridden by
//! command-line options and environment variables.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

pub const DECKS_DIR_ENV: &str = "TAFEL_DECKS_DIR";
pub const SESSIONS_DIR_ENV: &str = "TAFEL_SESSIONS_DIR";
/// Replaces the platform config directory; tests use it to stay away from the user's files.
pub const CONFIG_DIR_ENV: &str = "TAFEL_CONFIG_DIR";
/// Replaces the platform cache directory (where the session index lives); tests use it too.
pub const CACHE_DIR_ENV: &str = "TAFEL_CACHE_DIR";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("nl", "tafel", "tafel")
}

pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => project_dirs().map(|d| d.config_dir().to_path_buf()),
    }
}

/// Where the session index lives: `TAFEL_CACHE_DIR`, else the platform cache directory
/// (`~/.cache/tafel` on Linux). Never inside a sessions directory, which may be synced.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => project_dirs().map(|d| d.cache_dir().to_path_buf()),
    }
}

/// The user's own decks and plans: `<config dir>/decks`.
pub fn user_decks_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("decks"))
}

/// Extra deck directories: `TAFEL_DECKS_DIR` (a path list) first, then `--decks-dir` options,
/// so the command line wins when both name a deck with the same id.
pub fn extra_decks_dirs(from_cli: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os(DECKS_DIR_ENV)
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    dirs.extend(from_cli.iter().cloned());
    dirs
}

/// `--sessions-dir`, else `TAFEL_SESSIONS_DIR`, else `<data dir>/sessions`.
pub fn sessions_dir(from_cli: Option<&PathBuf>) -> Option<PathBuf> {
    if let Some(dir) = from_cli {
        return Some(dir.clone());
    }
    match std::env::var_os(SESSIONS_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => default_sessions_dir(),
    }
}

/// The built-in sessions directory: `<data dir>/sessions`.
pub fn default_sessions_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("sessions"))
}

/// The folder an export form starts with: the user's documents folder, else the home
/// folder, else the current one.
pub fn export_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .filter(|d| d.is_dir())
                .map(Path::to_path_buf)
                .or_else(|| Some(dirs.home_dir().to_path_buf()))
        })
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}
