//! `tafel export ID|PATH [-o FILE]`: a session as Markdown.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::history::export::markdown;
use crate::history::resolve::{id_of, resolve_in};
use crate::session::Session;
use crate::session::journal;
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Sessie-id (of het begin ervan) of pad naar het sessiebestand
    pub target: String,
    /// Formaat
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Schrijf naar dit bestand (of in deze map, met een naam uit de titel) in plaats van stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overschrijf een bestaand bestand
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Outcome {
    let path = match Path::new(&args.target).is_file() {
        true => PathBuf::from(&args.target),
        false => resolve_in(&ctx.session_dirs()?, Some(&args.target)).map_err(Failure::usage)?,
    };
    let loaded = journal::load(&path).map_err(|e| Failure::failed(e.to_string()))?;
    let session = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
    let text = markdown(&session, &loaded.records, &id_of(&path));
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .map_err(|e| Failure::failed(e.to_string()))?;
        }
        Some(output) => {
            let target = if output.is_dir() {
                output.join(file_name_from_title(&session.title))
            } else {
                output.clone()
            };
            write_new(&target, text.as_bytes(), args.force)?;
            eprintln!("{}", tr!("geschreven: {}", "written: {}", target.display()));
        }
    }
    Ok(())
}

/// A safe file name from a title: letters, digits and '-' only, so it stays in the directory.
pub fn file_name_from_title(title: &str) -> String {
    let folded = crate::history::search::fold(title);
    let mut name = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name: String = name.trim_matches('-').chars().take(60).collect();
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "sessie.md".to_string()
    } else {
        format!("{name}.md")
    }
}

/// Writes the session at `session` as Markdown into `dir`, named from its title, and never
/// over an existing file: `titel-2.md`, `titel-3.md`, … when the name is taken. Returns the
/// file written. The home screen's `e`.
pub fn export_into(session: &Path, dir: &Path) -> Result<PathBuf, Failure> {
    let loaded = journal::load(session).map_err(|e| Failure::failed(e.to_string()))?;
    let parsed = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", session.display())))?;
    let text = markdown(&parsed, &loaded.records, &id_of(session));
    let name = file_name_from_title(&parsed.title);
    let stem = name.strip_suffix(".md").unwrap_or(&name);
    for n in 1..=999 {
        let target = match n {
            1 => dir.join(&name),
            n => dir.join(format!("{stem}-{n}.md")),
        };
        if target.exists() {
            continue;
        }
        match write_new(&target, text.as_bytes(), false) {
            // Taken in the meantime (`write_new` says so with a usage failure): the next name.
            Err(failure) if failure.code == 2 => continue,
            Err(failure) => return Err(failure),
            Ok(()) => return Ok(target),
        }
    }
    Err(Failure::failed(tr!(
        "te veel bestanden met de naam {name} in {}",
        "too many files named {name} in {}",
        dir.display()
    )))
}

fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::usage(tr!(
                "{} bestaat al; gebruik --force om het te overschrijven",
                "{} already exists; use --force to overwrite it",
                path.display()
            ))
        } else {
            Failure::failed(tr!(
                "kan {} niet schrijven: {e}",
                "cannot write {}: {e}",
                path.display()
            ))
        }
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            Failure::failed(tr!(
                "kan {} niet schrijven: {e}",
                "cannot write {}: {e}",
                path.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_titles_stay_in_the_directory() {
        assert_eq!(
            file_name_from_title("Teamdag Oost — één"),
            "teamdag-oost-een.md"
        );
        assert_eq!(file_name_from_title("../../etc/passwd"), "etc-passwd.md");
        assert_eq!(file_name_from_title("///"), "sessie.md");
    }
}
