//! `tafel rename ID TITEL` and `tafel delete ID`: a past session gets a new title (also a
//! solo reflection), or goes to the trash inside the sessions directory, from where
//! `tafel sessions --restore ID` puts it back. Archives are never written to.

use std::path::PathBuf;

use super::{Context, Failure, Outcome};
use crate::history::manage;
use crate::history::resolve::{id_of, resolve};
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct RenameArgs {
    /// Sessie-id (of het begin ervan)
    pub target: String,
    /// De nieuwe titel
    pub title: String,
}

#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// Sessie-id (of het begin ervan)
    pub target: String,
}

/// The session meant by `target`, in the user's own sessions: never one in an archive.
pub fn own_session(ctx: &Context, target: &str) -> Result<PathBuf, Failure> {
    let dir = ctx.sessions_dir()?;
    let path = resolve(&dir, Some(target))?;
    refuse_archive(ctx, &path)?;
    Ok(path)
}

/// A session in an archive is read-only: refused with the same words everywhere.
pub fn refuse_archive(ctx: &Context, path: &std::path::Path) -> Result<(), Failure> {
    if ctx.in_archive(path) {
        return Err(Failure::usage(archive_message(path)));
    }
    Ok(())
}

pub fn archive_message(path: &std::path::Path) -> String {
    tr!(
        "{} staat in een archief (alleen-lezen); daar schrijft tafel nooit in",
        "{} is in an archive (read-only); tafel never writes there",
        path.display()
    )
}

pub fn rename(ctx: &Context, args: &RenameArgs) -> Outcome {
    let path = own_session(ctx, &args.target)?;
    let wall = chrono::Local::now().fixed_offset();
    let title = args.title.trim();
    match manage::rename(&path, title, wall)? {
        Some(old) => println!(
            "{}",
            tr!(
                "{}: nieuwe titel „{title}” (was „{}”)",
                "{}: new title “{title}” (was “{}”)",
                id_of(&path),
                crate::text::visible(&old)
            )
        ),
        None => println!(
            "{}",
            tr!(
                "{}: heette al zo; niets veranderd",
                "{}: already has this title; nothing changed",
                id_of(&path)
            )
        ),
    }
    Ok(())
}

pub fn delete(ctx: &Context, args: &DeleteArgs) -> Outcome {
    let path = own_session(ctx, &args.target)?;
    let dir = ctx.sessions_dir()?;
    let now = manage::move_to_trash(&dir, &path)?;
    let id = id_of(&path);
    println!(
        "{}",
        tr!(
            "{id} staat nu in de prullenbak ({}); terugzetten: tafel sessions --restore {id}",
            "{id} is now in the trash ({}); put it back: tafel sessions --restore {id}",
            now.display()
        )
    );
    Ok(())
}
