//! The user's settings: `config.toml` in the config directory, and the settings in effect
//! once the command line and the environment have had their say.
//!
//! Precedence, per setting: command line > environment variable > `config.toml` > built-in
//! default. A missing file means the defaults, silently; a broken file is reported as
//! `FILE:LINE:COLUMN: message` and then ignored as a whole, so `tafel` always starts.

use std::ffi::OsString;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::catalog::parse::suggestion;
use crate::catalog::problem::{Locator, Problem};
use crate::i18n::Lang;
use crate::paths;
use crate::rules::{MAX_PARTICIPANTS, RuleError};
use crate::tr;

pub const FILE_NAME: &str = "config.toml";
/// Interface language from the environment: `nl` or `en`.
pub const LANG_ENV: &str = "TAFEL_LANG";

/// Every key `config.toml` knows, in the order `tafel config` shows them.
pub const KEYS: [&str; 8] = [
    "language",
    "bell",
    "theme",
    "participants",
    "sessions_dir",
    "sessions_dirs",
    "decks_dirs",
    "warning_minutes",
];

/// At most this many minutes of warning before a round ends.
pub const MAX_WARNING_MINUTES: u32 = 30;

/// What `config.toml` says. `None` (or an empty list of deck directories) means the file
/// leaves that setting alone. Paths are as written; `Config::expand_paths` resolves them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub language: Option<Lang>,
    pub bell: Option<bool>,
    pub theme: Option<Theme>,
    pub participants: Option<Vec<String>>,
    pub sessions_dir: Option<PathBuf>,
    /// Read-only archives: other people's sessions (a team folder), listed with the user's own.
    pub sessions_dirs: Vec<PathBuf>,
    pub decks_dirs: Vec<PathBuf>,
    /// The warning before a round ends ("nog 1 minuut"), on both screens; 0: none.
    pub warning_minutes: Option<u32>,
}

/// The file as written. Unknown keys are an error so that a typo is noticed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<Spanned<String>>,
    bell: Option<bool>,
    theme: Option<Spanned<String>>,
    participants: Option<Vec<Spanned<String>>>,
    sessions_dir: Option<Spanned<String>>,
    sessions_dirs: Option<Vec<Spanned<String>>>,
    decks_dirs: Option<Vec<Spanned<String>>>,
    warning_minutes: Option<Spanned<u32>>,
}

/// Parses `config.toml`. Pure: `file` is only the name used in the problem report.
pub fn parse(file: &str, text: &str) -> Result<Config, Problem> {
    let locator = Locator::new(text);
    let problem = |span: Range<usize>, message: String| locator.problem(file, span, message);
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        let message = explain_toml_error(err.message().trim(), key_at(text, span.start));
        problem(span, message)
    })?;

    let language = match &raw.language {
        None => None,
        Some(value) => Some(lang_from_name(value.get_ref()).ok_or_else(|| {
            let name = value.get_ref();
            let hint = suggestion(name, ["nl", "en"].into_iter());
            problem(
                value.span(),
                tr!(
                    "onbekende taal `{name}`{hint} (kies \"nl\" of \"en\")",
                    "unknown language `{name}`{hint} (choose \"nl\" or \"en\")"
                ),
            )
        })?),
    };
    let theme = match &raw.theme {
        None => None,
        Some(value) => Some(Theme::from_name(value.get_ref()).ok_or_else(|| {
            let name = value.get_ref();
            // A Dutch name for a theme is understood well enough to suggest the right one.
            let guess = match name.as_str() {
                "donker" => "dark",
                "licht" => "light",
                "projector" | "hoog-contrast" => "contrast",
                other => other,
            };
            let hint = suggestion(guess, Theme::ALL.iter().map(|t| t.name()));
            problem(
                value.span(),
                tr!(
                    "onbekend thema `{name}`{hint} (kies \"dark\", \"light\" of \"contrast\")",
                    "unknown theme `{name}`{hint} (choose \"dark\", \"light\" or \"contrast\")"
                ),
            )
        })?),
    };
    let participants = match &raw.participants {
        None => None,
        Some(names) => {
            if let Some(extra) = names.get(MAX_PARTICIPANTS) {
                return Err(problem(
                    extra.span(),
                    RuleError::TooManyParticipants.to_string(),
                ));
            }
            let mut clean = Vec::with_capacity(names.len());
            for name in names {
                let text = crate::rules::participant_name(name.get_ref()).map_err(|rule| {
                    let message = match rule {
                        RuleError::EmptyName => tr!(
                            "lege naam in `participants`",
                            "empty name in `participants`"
                        ),
                        rule => rule.to_string(),
                    };
                    problem(name.span(), message)
                })?;
                clean.push(text);
            }
            Some(clean)
        }
    };
    let path = |value: &Spanned<String>, key: &str| -> Result<PathBuf, Problem> {
        if value.get_ref().trim().is_empty() {
            return Err(problem(
                value.span(),
                tr!("`{key}` is leeg", "`{key}` is empty"),
            ));
        }
        Ok(PathBuf::from(value.get_ref()))
    };
    let sessions_dir = match &raw.sessions_dir {
        None => None,
        Some(value) => Some(path(value, "sessions_dir")?),
    };
    let sessions_dirs = raw
        .sessions_dirs
        .iter()
        .flatten()
        .map(|value| path(value, "sessions_dirs"))
        .collect::<Result<Vec<_>, _>>()?;
    let decks_dirs = raw
        .decks_dirs
        .iter()
        .flatten()
        .map(|value| path(value, "decks_dirs"))
        .collect::<Result<Vec<_>, _>>()?;
    let warning_minutes = match raw.warning_minutes {
        Some(minutes) if *minutes.get_ref() > MAX_WARNING_MINUTES => {
            return Err(problem(minutes.span(), expectation("warning_minutes")));
        }
        minutes => minutes.map(|m| *m.get_ref()),
    };
    Ok(Config {
        warning_minutes,
        language,
        bell: raw.bell,
        theme,
        participants,
        sessions_dir,
        sessions_dirs,
        decks_dirs,
    })
}

pub fn lang_from_name(name: &str) -> Option<Lang> {
    match name {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

/// The top-level key whose line or value holds `offset`, to name it in a type error.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let table = toml::de::DeTable::parse(text).ok()?;
    table
        .get_ref()
        .iter()
        .find(|(key, value)| {
            let start = key.span().start.min(value.span().start);
            let end = key.span().end.max(value.span().end);
            (start..end.max(start + 1)).contains(&offset)
        })
        .map(|(key, _)| key.get_ref().to_string())
}

/// The parser's message in the user's words: a typo gets the nearest valid key, a value of
/// the wrong kind gets what the key expects, anything else is called invalid TOML.
fn explain_toml_error(message: &str, key: Option<String>) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split_once('`').map_or(rest, |(field, _)| field);
        let hint = suggestion(field, KEYS.into_iter());
        let list = KEYS.join(", ");
        return tr!(
            "onbekende instelling `{field}`{hint} (mogelijk: {list})",
            "unknown setting `{field}`{hint} (possible: {list})"
        );
    }
    let wrong_kind = ["invalid type", "invalid value", "invalid length"]
        .iter()
        .any(|p| message.starts_with(p));
    match key.as_deref() {
        Some(key) if wrong_kind && KEYS.contains(&key) => expectation(key),
        _ => crate::toml_words::explain(message),
    }
}

fn expectation(key: &str) -> String {
    match key {
        "language" => tr!(
            "`language` moet \"nl\" of \"en\" zijn",
            "`language` must be \"nl\" or \"en\""
        ),
        "bell" => tr!(
            "`bell` moet true of false zijn",
            "`bell` must be true or false"
        ),
        "warning_minutes" => tr!(
            "`warning_minutes` moet een aantal minuten van 0 tot en met {MAX_WARNING_MINUTES} zijn (0: geen waarschuwing)",
            "`warning_minutes` must be a number of minutes from 0 to {MAX_WARNING_MINUTES} (0: no warning)"
        ),
        "theme" => tr!(
            "`theme` moet \"dark\", \"light\" of \"contrast\" zijn",
            "`theme` must be \"dark\", \"light\" or \"contrast\""
        ),
        "participants" => tr!(
            "`participants` moet een lijst met namen zijn, zoals [\"Anna\", \"Bram\"]",
            "`participants` must be a list of names, like [\"Anna\", \"Bram\"]"
        ),
        "sessions_dir" => tr!(
            "`sessions_dir` moet een pad zijn, zoals \"~/workshops/sessies\"",
            "`sessions_dir` must be a path, like \"~/workshops/sessions\""
        ),
        _ => tr!(
            "`{key}` moet een lijst met paden zijn, zoals [\"~/stapels\"]",
            "`{key}` must be a list of paths, like [\"~/decks\"]"
        ),
    }
}

/// `~/x` → `<home>/x`, `~` → `<home>`; a relative path is taken relative to `base` (the
/// directory of `config.toml`), so the file means the same wherever `tafel` is started.
pub fn expand_path(path: &Path, home: Option<&Path>, base: &Path) -> PathBuf {
    if let Some(home) = home {
        if path == Path::new("~") {
            return home.to_path_buf();
        }
        if let Some(rest) = path.to_str().and_then(|p| p.strip_prefix("~/")) {
            return home.join(rest);
        }
    }
    if path.is_relative() && !path.starts_with("~") {
        return base.join(path);
    }
    path.to_path_buf()
}

impl Config {
    pub fn expand_paths(mut self, home: Option<&Path>, base: &Path) -> Config {
        if let Some(dir) = &self.sessions_dir {
            self.sessions_dir = Some(expand_path(dir, home, base));
        }
        for dir in self.decks_dirs.iter_mut().chain(&mut self.sessions_dirs) {
            *dir = expand_path(dir, home, base);
        }
        self
    }
}

/// How reading `config.toml` went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    /// There is no config directory at all (no home directory).
    NoConfigDir,
    Missing,
    Loaded,
    /// Broken or unreadable: the message (`FILE:LINE:COLUMN: …`); the defaults apply.
    Ignored(String),
}

/// `config.toml` as read at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub state: FileState,
    pub config: Config,
}

impl Default for Loaded {
    fn default() -> Self {
        Loaded {
            path: None,
            state: FileState::NoConfigDir,
            config: Config::default(),
        }
    }
}

/// Reads `<config dir>/config.toml`. Never fails: what went wrong is in `state`.
pub fn load(config_dir: Option<&Path>) -> Loaded {
    let Some(dir) = config_dir else {
        return Loaded::default();
    };
    let path = dir.join(FILE_NAME);
    let loaded = |state, config| Loaded {
        path: Some(path.clone()),
        state,
        config,
    };
    let text = match crate::files::read_regular(&path, crate::files::MAX_CONFIG_BYTES) {
        Err(crate::files::ReadError::NotFound) => {
            return loaded(FileState::Missing, Config::default());
        }
        Err(err) => {
            let message = format!("{}: {err}", path.display());
            return loaded(FileState::Ignored(message), Config::default());
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                let message = tr!("{}: geen UTF-8-tekst", "{}: not UTF-8 text", path.display());
                return loaded(FileState::Ignored(message), Config::default());
            }
        },
    };
    match parse(&path.display().to_string(), &text) {
        Ok(config) => {
            let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
            loaded(FileState::Loaded, config.expand_paths(home.as_deref(), dir))
        }
        Err(problem) => loaded(FileState::Ignored(problem.to_string()), Config::default()),
    }
}

/// Where a setting in effect comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Environment(&'static str),
    CommandLine(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Source::Default => tr!("standaard", "default"),
            Source::File => FILE_NAME.to_string(),
            Source::Environment(var) => tr!("omgeving ({var})", "environment ({var})"),
            Source::CommandLine(flag) => tr!("opdrachtregel ({flag})", "command line ({flag})"),
        };
        f.write_str(&text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn new(value: T, source: Source) -> Self {
        Setting { value, source }
    }

    fn default(value: T) -> Self {
        Setting::new(value, Source::Default)
    }
}

/// The settings in effect, each with where it comes from. `--no-bell` and `--participants`
/// belong to `tafel run`/`resume` and are applied there, over `bell` and `participants`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `config.toml`, whether or not it exists (`None` without a config directory).
    pub file: Option<PathBuf>,
    pub file_state: FileState,
    pub language: Setting<Lang>,
    pub bell: Setting<bool>,
    /// Minutes of warning before a round ends, on both screens; 0: none.
    pub warn_minutes: Setting<u32>,
    pub theme: Setting<Theme>,
    pub participants: Setting<Vec<String>>,
    pub sessions_dir: Setting<Option<PathBuf>>,
    /// Read-only archives of sessions, listed with the user's own: `config.toml`'s
    /// `sessions_dirs`, then `--archive`.
    pub archives: Vec<Setting<PathBuf>>,
    /// `<config dir>/decks`, always searched (after the bundled decks).
    pub user_decks_dir: Option<PathBuf>,
    /// Further deck directories in search order: `config.toml`, `TAFEL_DECKS_DIR`, `--decks-dir`.
    pub decks_dirs: Vec<Setting<PathBuf>>,
}

impl Default for Settings {
    /// Only the built-in defaults: no files, no directories.
    fn default() -> Self {
        Settings::resolve(&Loaded::default(), &Overrides::default(), &|_| None)
    }
}

/// The colour theme, chosen once at start-up (`--theme`, or `theme` in `config.toml`); the
/// colours themselves are in `ui::theme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Theme {
    // For a dark terminal (the default). Plain comments: doc comments would turn `--help`
    // into its long form.
    #[default]
    Dark,
    // For a light terminal.
    Light,
    // High contrast for a projector: black, white and yellow.
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::Contrast];

    /// The name used on the command line and in `config.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::Contrast => "contrast",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// What the command line says about the global settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub sessions_dir: Option<PathBuf>,
    pub archives: Vec<PathBuf>,
    pub decks_dirs: Vec<PathBuf>,
    pub user_decks_dir: Option<PathBuf>,
    pub default_sessions_dir: Option<PathBuf>,
}

/// `TAFEL_LANG` names a language tafel does not know (`value`, as read).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!(
    "{LANG_ENV}=`{value}` is geen taal die tafel kent (nl of en); genegeerd",
    "{LANG_ENV}=`{value}` is not a language tafel knows (nl or en); ignored"
))]
pub struct UnknownLang {
    pub value: String,
}

/// `TAFEL_LANG`: `Ok(None)` when unset or empty, `Err` for an unknown language.
pub fn env_lang(env: &dyn Fn(&str) -> Option<OsString>) -> Result<Option<Lang>, UnknownLang> {
    let Some(value) = env(LANG_ENV).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let value = value.to_string_lossy().trim().to_lowercase();
    lang_from_name(&value)
        .map(Some)
        .ok_or(UnknownLang { value })
}

impl Settings {
    /// What the screens take from the settings (`warning_minutes`).
    pub fn view_options(&self) -> crate::view::Options {
        crate::view::Options {
            warn_ms: u64::from(self.warn_minutes.value) * 60_000,
        }
    }

    /// Command line > environment > `config.toml` > default, setting by setting. `env`
    /// looks up an environment variable (`std::env::var_os` outside tests).
    pub fn resolve(
        loaded: &Loaded,
        cli: &Overrides,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Settings {
        let config = &loaded.config;
        let env_path = |var: &str| env(var).filter(|v| !v.is_empty()).map(PathBuf::from);

        let language = match (cli.lang, env_lang(env).ok().flatten(), config.language) {
            (Some(lang), _, _) => Setting::new(lang, Source::CommandLine("--lang")),
            (None, Some(lang), _) => Setting::new(lang, Source::Environment(LANG_ENV)),
            (None, None, Some(lang)) => Setting::new(lang, Source::File),
            (None, None, None) => Setting::default(Lang::default()),
        };
        let theme = match (cli.theme, config.theme) {
            (Some(theme), _) => Setting::new(theme, Source::CommandLine("--theme")),
            (None, Some(theme)) => Setting::new(theme, Source::File),
            (None, None) => Setting::default(Theme::default()),
        };
        let bell = match config.bell {
            Some(bell) => Setting::new(bell, Source::File),
            None => Setting::default(true),
        };
        let warn_minutes = match config.warning_minutes {
            Some(minutes) => Setting::new(minutes, Source::File),
            None => Setting::default(1),
        };
        let participants = match &config.participants {
            Some(names) => Setting::new(names.clone(), Source::File),
            None => Setting::default(Vec::new()),
        };
        let sessions_dir = if let Some(dir) = &cli.sessions_dir {
            Setting::new(Some(dir.clone()), Source::CommandLine("--sessions-dir"))
        } else if let Some(dir) = env_path(paths::SESSIONS_DIR_ENV) {
            Setting::new(Some(dir), Source::Environment(paths::SESSIONS_DIR_ENV))
        } else if let Some(dir) = &config.sessions_dir {
            Setting::new(Some(dir.clone()), Source::File)
        } else {
            Setting::default(cli.default_sessions_dir.clone())
        };

        // Later directories win when two name the same deck: the file, then the environment,
        // then the command line.
        let mut decks_dirs: Vec<Setting<PathBuf>> = config
            .decks_dirs
            .iter()
            .map(|dir| Setting::new(dir.clone(), Source::File))
            .collect();
        if let Some(list) = env(paths::DECKS_DIR_ENV) {
            decks_dirs.extend(
                std::env::split_paths(&list)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|dir| Setting::new(dir, Source::Environment(paths::DECKS_DIR_ENV))),
            );
        }
        decks_dirs.extend(
            cli.decks_dirs
                .iter()
                .map(|dir| Setting::new(dir.clone(), Source::CommandLine("--decks-dir"))),
        );

        let archives = config
            .sessions_dirs
            .iter()
            .map(|dir| Setting::new(dir.clone(), Source::File))
            .chain(
                cli.archives
                    .iter()
                    .map(|dir| Setting::new(dir.clone(), Source::CommandLine("--archive"))),
            )
            .collect();

        Settings {
            file: loaded.path.clone(),
            file_state: loaded.state.clone(),
            language,
            bell,
            warn_minutes,
            theme,
            participants,
            sessions_dir,
            archives,
            user_decks_dir: cli.user_decks_dir.clone(),
            decks_dirs,
        }
    }

    /// Every directory decks and plans are read from, in order (after the bundled ones).
    pub fn deck_dirs(&self) -> Vec<PathBuf> {
        self.user_decks_dir
            .iter()
            .cloned()
            .chain(self.decks_dirs.iter().map(|s| s.value.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::MAX_NAME_CHARS;

    fn ok(text: &str) -> Config {
        parse("config.toml", text).unwrap_or_else(|p| panic!("{p}"))
    }

    fn err(text: &str) -> String {
        crate::i18n::set_lang(Lang::Nl);
        parse("config.toml", text)
            .expect_err("should be rejected")
            .to_string()
    }

    #[test]
    fn an_empty_file_changes_nothing() {
        assert_eq!(ok(""), Config::default());
        assert_eq!(ok("# alleen commentaar\n"), Config::default());
    }

    #[test]
    fn every_key_is_read() {
        let config = ok(r#"
language = "en"
bell = false
theme = "contrast"
participants = ["Anna", " Bram ", "Chris"]
sessions_dir = "~/workshops/sessies"
sessions_dirs = ["/gedeeld/team/sessies"]
decks_dirs = ["~/stapels", "/gedeeld/stapels"]
warning_minutes = 2
"#);
        assert_eq!(
            config,
            Config {
                language: Some(Lang::En),
                bell: Some(false),
                theme: Some(Theme::Contrast),
                participants: Some(vec!["Anna".into(), "Bram".into(), "Chris".into()]),
                sessions_dir: Some(PathBuf::from("~/workshops/sessies")),
                sessions_dirs: vec![PathBuf::from("/gedeeld/team/sessies")],
                decks_dirs: vec![
                    PathBuf::from("~/stapels"),
                    PathBuf::from("/gedeeld/stapels")
                ],
                warning_minutes: Some(2),
            }
        );
    }

    #[test]
    fn a_syntax_error_has_file_line_and_column() {
        let message = err("bell = true\nlanguage = \n");
        assert!(
            message.starts_with("config.toml:2:12: ongeldige TOML"),
            "{message}"
        );
    }

    #[test]
    fn an_unknown_key_suggests_the_nearest() {
        let message = err("bell = true\nlanugage = \"en\"\n");
        assert!(
            message.starts_with(
                "config.toml:2:1: onbekende instelling `lanugage`; bedoel je `language`?"
            ),
            "{message}"
        );
        assert!(
            message.contains("mogelijk: language, bell, theme"),
            "{message}"
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_names_the_key() {
        assert_eq!(
            err("bell = \"ja\"\n"),
            "config.toml:1:8: `bell` moet true of false zijn"
        );
        assert_eq!(
            err("participants = \"Anna, Bram\"\n"),
            "config.toml:1:16: `participants` moet een lijst met namen zijn, zoals [\"Anna\", \"Bram\"]"
        );
        assert_eq!(
            err("participants = [\"Anna\", 3]\n"),
            "config.toml:1:25: `participants` moet een lijst met namen zijn, zoals [\"Anna\", \"Bram\"]"
        );
        assert!(err("[bell]\n").contains("`bell` moet true of false zijn"));
        assert!(err("language = 1\n").starts_with("config.toml:1:12: `language` moet"));
    }

    #[test]
    fn unknown_values_are_rejected_with_a_suggestion() {
        assert_eq!(
            err("theme = \"lihgt\"\n"),
            "config.toml:1:9: onbekend thema `lihgt`; bedoel je `light`? (kies \"dark\", \"light\" of \"contrast\")"
        );
        assert!(err("language = \"fr\"\n").starts_with("config.toml:1:12: onbekende taal `fr`"));
    }

    #[test]
    fn names_and_paths_are_checked() {
        assert!(
            err("participants = [\"Anna\", \"  \"]\n").starts_with("config.toml:1:25: lege naam")
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(err(&format!("participants = [\"{long}\"]\n")).contains("naam te lang"));
        let many = vec!["\"A\""; MAX_PARTICIPANTS + 1].join(", ");
        assert!(err(&format!("participants = [{many}]\n")).contains("te veel deelnemers"));
        assert_eq!(
            err("sessions_dir = \"\"\n"),
            "config.toml:1:16: `sessions_dir` is leeg"
        );
    }

    #[test]
    fn paths_expand_home_and_are_relative_to_the_config_dir() {
        let home = Path::new("/home/anna");
        let base = Path::new("/home/anna/.config/tafel");
        let expand = |p: &str| expand_path(Path::new(p), Some(home), base);
        assert_eq!(expand("~/sessies"), PathBuf::from("/home/anna/sessies"));
        assert_eq!(expand("~"), PathBuf::from("/home/anna"));
        assert_eq!(expand("/srv/tafel"), PathBuf::from("/srv/tafel"));
        assert_eq!(
            expand("stapels"),
            PathBuf::from("/home/anna/.config/tafel/stapels")
        );
        assert_eq!(
            expand_path(Path::new("~/x"), None, base),
            PathBuf::from("~/x")
        );
    }

    fn loaded(config: Config) -> Loaded {
        Loaded {
            path: Some(PathBuf::from("/c/config.toml")),
            state: FileState::Loaded,
            config,
        }
    }

    #[test]
    fn command_line_beats_environment_beats_file_beats_default() {
        let file = loaded(Config {
            language: Some(Lang::En),
            sessions_dir: Some(PathBuf::from("/file/sessions")),
            decks_dirs: vec![PathBuf::from("/file/decks")],
            ..Config::default()
        });
        let defaults = Overrides {
            default_sessions_dir: Some(PathBuf::from("/data/sessions")),
            user_decks_dir: Some(PathBuf::from("/c/decks")),
            ..Overrides::default()
        };
        let no_env = |_: &str| None;
        let env = |var: &str| match var {
            "TAFEL_SESSIONS_DIR" => Some(OsString::from("/env/sessions")),
            "TAFEL_DECKS_DIR" => Some(OsString::from("/env/decks")),
            "TAFEL_LANG" => Some(OsString::from("nl")),
            _ => None,
        };

        let s = Settings::resolve(&Loaded::default(), &defaults, &no_env);
        assert_eq!(s.language, Setting::default(Lang::Nl));
        assert_eq!(
            s.sessions_dir,
            Setting::default(Some("/data/sessions".into()))
        );
        assert_eq!(s.bell, Setting::default(true));
        assert_eq!(s.warn_minutes, Setting::default(1));

        let s = Settings::resolve(&file, &defaults, &no_env);
        assert_eq!(s.language, Setting::new(Lang::En, Source::File));
        assert_eq!(s.sessions_dir.value, Some("/file/sessions".into()));

        let s = Settings::resolve(&file, &defaults, &env);
        assert_eq!(
            s.language,
            Setting::new(Lang::Nl, Source::Environment("TAFEL_LANG"))
        );
        assert_eq!(s.sessions_dir.value, Some("/env/sessions".into()));
        assert_eq!(
            s.sessions_dir.source,
            Source::Environment("TAFEL_SESSIONS_DIR")
        );

        let cli = Overrides {
            lang: Some(Lang::En),
            theme: Some(Theme::Light),
            sessions_dir: Some("/cli/sessions".into()),
            decks_dirs: vec!["/cli/decks".into()],
            ..defaults
        };
        let s = Settings::resolve(&file, &cli, &env);
        assert_eq!(s.language.source, Source::CommandLine("--lang"));
        assert_eq!(
            s.theme,
            Setting::new(Theme::Light, Source::CommandLine("--theme"))
        );
        assert_eq!(s.sessions_dir.value, Some("/cli/sessions".into()));
        let dirs: Vec<PathBuf> = s.deck_dirs();
        assert_eq!(
            dirs,
            ["/c/decks", "/file/decks", "/env/decks", "/cli/decks"].map(PathBuf::from)
        );
    }

    #[test]
    fn an_unknown_tafel_lang_is_ignored() {
        crate::i18n::set_lang(Lang::Nl);
        let env = |_: &str| Some(OsString::from("fr"));
        assert!(
            env_lang(&env)
                .unwrap_err()
                .to_string()
                .contains("TAFEL_LANG=`fr`")
        );
        let s = Settings::resolve(&Loaded::default(), &Overrides::default(), &env);
        assert_eq!(s.language, Setting::default(Lang::Nl));
        assert_eq!(
            env_lang(&|_| Some(OsString::from("EN"))),
            Ok(Some(Lang::En))
        );
    }
}
