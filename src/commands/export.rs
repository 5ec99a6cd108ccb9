//! `tafel export ID|PATH [--format md|txt|html|odt] [--facilitator] [-o FILE]`: a session as
//! a document to send around.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::app::export::{Existing, ExportRequest, Exported};
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
        false => resolve_in(&ctx.session_dirs()?, Some(&args.target))?,
    };
    let loaded = if args.readable {
        let (loaded, damaged) =
            crate::storage::load_readable(&path).map_err(|e| Failure::failed(e.to_string()))?;
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
        crate::storage::load(&path).map_err(|e| Failure::failed(e.to_string()))?
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
    let loaded = crate::storage::load(session).map_err(|e| Failure::failed(e.to_string()))?;
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
            // Taken in the meantime: the next name.
            Err(WriteError::Exists(_)) => continue,
            Err(error) => return Err(error.into()),
            Ok(()) => return Ok(target),
        }
    }
    Err(Failure::failed(tr!(
        "te veel bestanden met de naam {name} in {}",
        "too many files named {name} in {}",
        dir.display()
    )))
}

/// Carries out what an export form asked (the summary's or the home screen's `e`): the
/// session at `session` in the chosen format into the chosen folder, named from its title.
/// An existing file is never replaced unless the user said so for that very file.
pub fn export_request(session: &Path, request: &ExportRequest) -> Exported {
    match export_request_inner(session, request) {
        Ok(Exported::Written(path)) => {
            if let (Some(folder), Ok(mut last)) = (path.parent(), LAST_FOLDER.lock()) {
                *last = Some(folder.to_path_buf());
            }
            Exported::Written(path)
        }
        Ok(done) => done,
        Err(failure) => Exported::Failed(failure.message),
    }
}

/// Where the last export of this run went: the next export form, in any session or on the
/// home screen, starts there.
static LAST_FOLDER: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// The folder an export form starts with: where the last export of this run went, else
/// [`crate::paths::export_folder`].
pub fn form_folder() -> String {
    LAST_FOLDER
        .lock()
        .ok()
        .and_then(|last| last.clone())
        .unwrap_or_else(crate::paths::export_folder)
        .display()
        .to_string()
}

fn export_request_inner(session: &Path, request: &ExportRequest) -> Result<Exported, Failure> {
    let format = <Format as clap::ValueEnum>::from_str(request.format, true)
        .map_err(|e| Failure::failed(e.to_string()))?;
    let audience = if request.facilitator {
        Audience::Facilitator
    } else {
        Audience::Participants
    };
    let folder = expand_home(&request.folder);
    if !folder.is_dir() {
        return Err(Failure::failed(tr!(
            "de map {} bestaat niet",
            "the folder {} does not exist",
            crate::text::visible(&folder.display().to_string())
        )));
    }
    if request.existing == Existing::NewName {
        return export_as(session, &folder, format, audience).map(Exported::Written);
    }
    let loaded = crate::storage::load(session).map_err(|e| Failure::failed(e.to_string()))?;
    let parsed = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", session.display())))?;
    let target = folder.join(file_name_from_title(&parsed.title, format));
    let overwrite = match &request.existing {
        Existing::Overwrite(path) => path == &target,
        _ => false,
    };
    match std::fs::symlink_metadata(&target) {
        // A link or anything but a plain file is never written through.
        Ok(meta) if !meta.is_file() => {
            return Err(Failure::failed(tr!(
                "{} bestaat al en is geen gewoon bestand; kies een andere map",
                "{} already exists and is not a plain file; choose another folder",
                target.display()
            )));
        }
        Ok(_) if !overwrite => return Ok(Exported::Exists(target)),
        _ => {}
    }
    let bytes = render(&parsed, &loaded.records, &id_of(session), format, audience)?;
    match write_new(&target, &bytes, overwrite) {
        // Made in the meantime: ask again.
        Err(WriteError::Exists(_)) => Ok(Exported::Exists(target)),
        Err(error) => Err(error.into()),
        Ok(()) => Ok(Exported::Written(target)),
    }
}

/// `~/x` as typed in a folder field: the home folder's `x`.
fn expand_home(folder: &Path) -> PathBuf {
    match folder.strip_prefix("~") {
        Ok(rest) => directories::BaseDirs::new()
            .map(|b| b.home_dir().join(rest))
            .unwrap_or_else(|| folder.to_path_buf()),
        Err(_) => folder.to_path_buf(),
    }
}

/// Why a file could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// It exists and may not be overwritten.
    Exists(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            WriteError::Exists(path) => tr!(
                "{} bestaat al; gebruik --force om het te overschrijven",
                "{} already exists; use --force to overwrite it",
                path.display()
            ),
            WriteError::Io { path, source } => tr!(
                "kan {} niet schrijven: {}",
                "cannot write {}: {}",
                path.display(),
                crate::storage::io_cause(source)
            ),
        })
    }
}

impl std::error::Error for WriteError {}

/// An existing file is a usage error (exit 2, the user can say --force); anything else a
/// failure (exit 1).
impl From<WriteError> for Failure {
    fn from(error: WriteError) -> Failure {
        match error {
            WriteError::Exists(_) => Failure::usage(error.to_string()),
            WriteError::Io { .. } => Failure::failed(error.to_string()),
        }
    }
}

/// Writes `bytes` to a new file at `path` (0600), or over an existing one with `force`;
/// fsynced before it counts as written.
pub(crate) fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(io)
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
