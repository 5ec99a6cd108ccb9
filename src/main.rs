use std::process::ExitCode;

use tafel::cli::{Cli, Command};
use tafel::commands::{self, Context, Failure, FailureKind};
use tafel::config::{self, FileState, Settings};
use tafel::ui::theme;
use tafel::{cli_text, i18n, paths, tr};

fn main() -> ExitCode {
    // The command line's help and errors follow the language too: found before parsing.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set_lang(cli_text::early_lang(&args));
    let cli = match cli_text::parse(args) {
        cli_text::Parsed::Run(cli) => *cli,
        cli_text::Parsed::Exit(code) => return ExitCode::from(code),
    };
    let settings = settings(&cli);
    match run(cli, settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("tafel: {}", tafel::text::visible(&failure.message));
            ExitCode::from(exit_code(failure.kind))
        }
    }
}

/// Exit codes, decided here only: 1 when a check found problems or a file failed, 2 for
/// wrong use (unknown id, impossible count).
fn exit_code(kind: FailureKind) -> u8 {
    match kind {
        FailureKind::Failed => 1,
        FailureKind::Usage => 2,
    }
}

/// The settings in effect: command line > environment > config.toml > default. A broken
/// config.toml (or TAFEL_LANG) is a warning and the defaults apply, never a stop.
fn settings(cli: &Cli) -> Settings {
    let env = |var: &str| std::env::var_os(var);
    // Messages about the configuration itself follow the command line or the environment:
    // what config.toml says about the language is only known once it has been read.
    let env_lang = config::env_lang(&env);
    i18n::set_lang(
        cli.lang
            .or(env_lang.clone().ok().flatten())
            .unwrap_or_default(),
    );
    if let Err(message) = env_lang {
        eprintln!("{}", tr!("waarschuwing: {message}", "warning: {message}"));
    }
    let loaded = config::load(paths::config_dir().as_deref());
    if let FileState::Ignored(problem) = &loaded.state {
        eprintln!(
            "{}",
            tr!(
                "waarschuwing: {} (config.toml genegeerd; standaardinstellingen gebruikt)",
                "warning: {} (config.toml ignored; using the default settings)",
                tafel::text::visible(problem)
            )
        );
    }
    let settings = Settings::resolve(&loaded, &cli.overrides(), &env);
    i18n::set_lang(settings.language.value);
    theme::set(settings.theme.value);
    settings
}

fn run(cli: Cli, settings: Settings) -> Result<(), Failure> {
    // `check` reports problems itself; elsewhere a broken user file is a warning, not a stop.
    let warn_about_decks = !matches!(cli.command, Some(Command::Check { .. }));
    let ctx = Context::new(settings, warn_about_decks);
    match &cli.command {
        Some(Command::Decks) => commands::decks::run(&ctx),
        Some(Command::Plans(args)) => commands::plans::run(&ctx, args),
        Some(Command::Draw(args)) => commands::draw::run(&ctx, args),
        Some(Command::Check { paths }) => commands::check::run(&ctx, paths),
        Some(Command::Room(args)) => commands::room::run(&ctx, args),
        Some(Command::Config) => commands::config::run(&ctx),
        Some(Command::Run(args)) => commands::run::run(&ctx, args),
        Some(Command::Resume(args)) => commands::resume::run(&ctx, args),
        Some(Command::Solo(args)) => commands::solo::run(&ctx, args),
        Some(Command::Styles(args)) => commands::styles::run_styles(&ctx, args),
        Some(Command::Questionnaire(args)) => commands::styles::run_questionnaire(&ctx, args),
        Some(Command::Groups(args)) => commands::styles::run_groups(&ctx, args),
        Some(Command::Sessions(args)) => commands::sessions::run(&ctx, args),
        Some(Command::Rename(args)) => commands::manage::rename(&ctx, args),
        Some(Command::Delete(args)) => commands::manage::delete(&ctx, args),
        Some(Command::Export(args)) => commands::export::run(&ctx, args),
        Some(Command::Agreements(args)) => commands::agreements::run(&ctx, args),
        Some(Command::Print(args)) => commands::print::run(&ctx, args),
        Some(Command::Replay { target }) => commands::replay::run(&ctx, target.as_deref()),
        // On a terminal: the home screen. Piped or redirected: the help, as before.
        None if commands::on_terminal() => commands::home::run(&ctx),
        None => {
            print!("{}", cli_text::help());
            Ok(())
        }
    }
}
