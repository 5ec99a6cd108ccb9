use std::process::ExitCode;

use clap::Parser;

use tafel::catalog::Library;
use tafel::cli::{Cli, Command};
use tafel::commands::{self, Context, Failure};
use tafel::{i18n, paths, tr};

fn main() -> ExitCode {
    let cli = Cli::parse();
    i18n::set_lang(cli.lang.unwrap_or_default());
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("tafel: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let mut deck_dirs: Vec<_> = paths::user_decks_dir().into_iter().collect();
    deck_dirs.extend(paths::extra_decks_dirs(&cli.decks_dir));
    let library = Library::load(&deck_dirs);
    // `check` reports problems itself; elsewhere a broken user file is a warning, not a stop.
    if !matches!(cli.command, Some(Command::Check { .. })) {
        for problem in &library.problems {
            eprintln!(
                "{}",
                tr!(
                    "waarschuwing: {problem} (overgeslagen)",
                    "warning: {problem} (skipped)"
                )
            );
        }
    }
    let ctx = Context {
        library,
        deck_dirs,
        sessions_dir: paths::sessions_dir(cli.sessions_dir.as_ref()),
    };
    match &cli.command {
        Some(Command::Decks) => commands::decks::run(&ctx),
        Some(Command::Plans) => commands::plans::run(&ctx),
        Some(Command::Draw(args)) => commands::draw::run(&ctx, args),
        Some(Command::Check { paths }) => commands::check::run(&ctx, paths),
        Some(Command::Run(args)) => commands::run::run(&ctx, args),
        Some(Command::Resume(args)) => commands::resume::run(&ctx, args),
        Some(Command::Sessions(args)) => commands::sessions::run(&ctx, args),
        Some(Command::Export(args)) => commands::export::run(&ctx, args),
        None => {
            use clap::CommandFactory;
            Cli::command().print_help().ok();
            Ok(())
        }
    }
}
