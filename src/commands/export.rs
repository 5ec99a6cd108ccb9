//! `tafel export ID|PATH [--format md|txt|html|odt] [--facilitator] [-o FILE]`: a session as
//! a document to send around.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::history::export::{self, Audience};
use crate::history::resolve::{id_of, resolve_in};
use crate::session::Session;
use crate::tr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown: leesbaar als tekst, netjes in Teams, GitLab of een wiki
    #[default]
    Md,
    /// Platte tekst voor een e-mail of chat, afgebroken op 72 tekens
    Txt,
    /// Eén HTML-bestand met printopmaak voor A4 (afdrukken als PDF)
    Html,
    /// OpenDocument-tekst (LibreOffice, Word)
    Odt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Odt => "odt",
        }
    }
}

/// The session at `records` as a document in `format`, for `audience`.
pub fn render(
    session: &Session,
    records: &[crate::session::Record],
    id: &str,
    format: Format,
    audience: Audience,
) -> Result<Vec<u8>, Failure> {
    let doc = export::document(session, records, id, audience);
    Ok(match format {
        Format::Md => export::markdown::render(&doc).into_bytes(),
        Format::Txt => export::text::render(&doc).into_bytes(),
        Format::Html => export::html::render(&doc).into_bytes(),
        Format::Odt => export::odt::render(&doc).map_err(|e| Failure::failed(e.to_string()))?,
    })
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Sessie-id (of het begin ervan) of pad naar het sessiebestand
    pub target: String,
    /// Formaat: md (standaard), txt, html of odt
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// De versie voor de facilitator: ook tips, overgeslagen en teruggelegde kaarten,
    /// geplande tegen gebruikte tijd en de wijzigingen in de agenda
    #[arg(long)]
    pub facilitator: bool,
    /// Schrijf naar dit bestand (of in deze map, met een naam uit de titel) in plaats van stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overschrijf een bestaand bestand
    #[arg(long)]
    pub force: bool,
    /// Een beschadigd bestand: exporteer wat vóór de schade staat
    #[arg(long)]
    pub readable: bool,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Outcome {
    let path = match Path::new(&args.target).is_file() {
        true => PathBuf::from(&args.target),
        false => resolve_in(&ctx.session_dirs()?, Some(&args.target)).map_err(Failure::usage)?,
    };
    let loaded = if args.readable {
        let (loaded, damaged) =
            crate::session::load_readable(&path).map_err(|e| Failure::failed(e.to_string()))?;
        if let Some(line) = damaged {
            let kept = loaded.records.len();
            eprintln!(
                "{}",
                tr!(
                    "let op: {} is beschadigd vanaf regel {line}; alleen de {kept} gebeurtenissen daarvoor zijn geëxporteerd",
                    "note: {} is damaged from line {line}; only the {kept} events before it were exported",
                    path.display()
                )
            );
        }
        loaded
    } else {
        crate::session::load(&path).map_err(|e| Failure::failed(e.to_string()))?
    };
    let session = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
    let audience = if args.facilitator {
        Audience::Facilitator
    } else {
        Audience::Participants
    };
    let bytes = render(
        &session,
        &loaded.records,
        &id_of(&path),
        args.format,
        audience,
    )?;
    match &args.output {
        None if args.format == Format::Odt
            && std::io::IsTerminal::is_terminal(&std::io::stdout()) =>
        {
            return Err(Failure::usage(tr!(
                "een odt-bestand is geen tekst voor de terminal: geef -o BESTAND",
                "an odt file is not text for the terminal: give -o FILE"
            )));
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .map_err(|e| Failure::failed(e.to_string()))?;
        }
        Some(output) => {
            let target = if output.is_dir() {
                output.join(file_name_from_title(&session.title, args.format))
            } else {
                output.clone()
            };
            write_new(&target, &bytes, args.force)?;
            eprintln!("{}", tr!("geschreven: {}", "written: {}", target.display()));
        }
    }
    Ok(())
}

/// A safe file name from a title: letters, digits and '-' only, so it stays in the directory.
pub fn file_name_from_title(title: &str, format: Format) -> String {
    let extension = format.extension();
    match crate::text::slug(title, 60) {
        name if name.is_empty() => format!("sessie.{extension}"),
        name => format!("{name}.{extension}"),
    }
}

/// Writes the session at `session` as Markdown into `dir`, named from its title, and never
/// over an existing file: `titel-2.md`, `titel-3.md`, … when the name is taken. Returns the
/// file written. The home screen's `e`.
pub fn export_into(session: &Path, dir: &Path) -> Result<PathBuf, Failure> {
    export_as(session, dir, Format::Md, Audience::Participants)
}

/// Writes the session at `session` in `format` into `dir`, named from its title, and never
/// over an existing file (a number is added instead). Returns the file written.
pub fn export_as(
    session: &Path,
    dir: &Path,
    format: Format,
    audience: Audience,
) -> Result<PathBuf, Failure> {
    let loaded = crate::session::load(session).map_err(|e| Failure::failed(e.to_string()))?;
    let parsed = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", session.display())))?;
    let bytes = render(&parsed, &loaded.records, &id_of(session), format, audience)?;
    let text = bytes.as_slice();
    let extension = format.extension();
    let name = file_name_from_title(&parsed.title, format);
    let stem = name.strip_suffix(&format!(".{extension}")).unwrap_or(&name);
    for n in 1..=999 {
        let target = match n {
            1 => dir.join(&name),
            n => dir.join(format!("{stem}-{n}.{extension}")),
        };
        if target.exists() {
            continue;
        }
        match write_new(&target, text, false) {
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

pub(crate) fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
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
            file_name_from_title("Teamdag Oost — één", Format::Md),
            "teamdag-oost-een.md"
        );
        assert_eq!(
            file_name_from_title("../../etc/passwd", Format::Odt),
            "etc-passwd.odt"
        );
        assert_eq!(file_name_from_title("///", Format::Html), "sessie.html");
    }
}
