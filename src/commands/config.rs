//! `tafel config`: where `config.toml` is, and every setting in effect with where it comes
//! from (default, `config.toml`, environment or command line).

use std::path::Path;

use super::{Context, Outcome};
use crate::config::{FileState, Setting, Source, lang_name};
use crate::{paths, table, tr};

pub fn run(ctx: &Context) -> Outcome {
    let settings = &ctx.settings;
    let file = match &settings.file {
        Some(path) => {
            let state = match &settings.file_state {
                FileState::Loaded => tr!("ingelezen", "loaded"),
                FileState::Missing => tr!(
                    "bestaat niet; de standaardwaarden gelden",
                    "does not exist; the defaults apply"
                ),
                FileState::Ignored(_) => tr!(
                    "genegeerd wegens een fout, zie de waarschuwing; de standaardwaarden gelden",
                    "ignored because of an error, see the warning; the defaults apply"
                ),
                FileState::NoConfigDir => String::new(),
            };
            format!("{} ({state})", path.display())
        }
        None => tr!(
            "geen (geen configuratiemap gevonden)",
            "none (no configuration directory found)"
        ),
    };
    println!(
        "{}",
        tr!("Configuratiebestand: {file}", "Configuration file: {file}")
    );
    println!();

    let none = || "—".to_string();
    let row = |key: &str, value: String, source: &Source| {
        vec![key.to_string(), value, source.to_string()]
    };
    let mut rows = vec![
        row(
            "language",
            lang_name(settings.language.value).to_string(),
            &settings.language.source,
        ),
        row(
            "bell",
            settings.bell.value.to_string(),
            &settings.bell.source,
        ),
        row(
            "warning_minutes",
            settings.warn_minutes.value.to_string(),
            &settings.warn_minutes.source,
        ),
        row(
            "theme",
            settings.theme.value.name().to_string(),
            &settings.theme.source,
        ),
        row(
            "participants",
            Some(settings.participants.value.join(", "))
                .filter(|names| !names.is_empty())
                .unwrap_or_else(none),
            &settings.participants.source,
        ),
        row(
            "sessions_dir",
            settings
                .sessions_dir
                .value
                .as_deref()
                .map_or_else(none, display),
            &settings.sessions_dir.source,
        ),
    ];
    if settings.archives.is_empty() {
        rows.push(row("sessions_dirs", none(), &Source::Default));
    }
    for (i, Setting { value, source }) in settings.archives.iter().enumerate() {
        let key = if i == 0 { "sessions_dirs" } else { "" };
        rows.push(row(key, display(value), source));
    }
    if settings.decks_dirs.is_empty() {
        rows.push(row("decks_dirs", none(), &Source::Default));
    }
    for (i, Setting { value, source }) in settings.decks_dirs.iter().enumerate() {
        let key = if i == 0 { "decks_dirs" } else { "" };
        rows.push(row(key, display(value), source));
    }
    // The user's own decks live in the config directory, which TAFEL_CONFIG_DIR replaces.
    let config_dir_source = match std::env::var_os(paths::CONFIG_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Source::Environment(paths::CONFIG_DIR_ENV),
        _ => Source::Default,
    };
    rows.push(row(
        &tr!("(eigen stapels)", "(own decks)"),
        settings
            .user_decks_dir
            .as_deref()
            .map_or_else(none, display),
        &config_dir_source,
    ));
    let header = [
        tr!("INSTELLING", "SETTING"),
        tr!("WAARDE", "VALUE"),
        tr!("BRON", "SOURCE"),
    ];
    print!("{}", table::render(&header, &rows));
    Ok(())
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
