//! `tafel sessions`: past sessions, newest first (or best match first for a search), or
//! every agreement still open. Reads only what it shows, through the index.

use std::path::Path;

use super::{Context, Failure, Outcome};
use crate::history::index::{MARK_END, MARK_START, Query};
use crate::history::listing::{History, Hit, Progress, Source};
use crate::text::duration_text;
use crate::{table, tr};

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    /// Zoek in titels, deelnemers, kaarten, notities en afspraken (woorden of het begin ervan; hoofdletters en accenten tellen niet); beste treffer eerst
    #[arg(long)]
    pub search: Option<String>,
    /// Toon hooguit N sessies
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Toon alle afspraken die nog open staan, uit alle sessies
    #[arg(long)]
    pub open: bool,
    /// Toon de sessies in de prullenbak
    #[arg(long, conflicts_with_all = ["open", "search", "restore"])]
    pub trash: bool,
    /// Zet een sessie uit de prullenbak terug
    #[arg(long, value_name = "ID", conflicts_with_all = ["open", "search", "limit"])]
    pub restore: Option<String>,
}

pub fn run(ctx: &Context, args: &SessionsArgs) -> Outcome {
    if args.trash {
        return print_trash(ctx, args.limit);
    }
    if let Some(id) = &args.restore {
        let dir = ctx.sessions_dir()?;
        let back = crate::history::manage::restore(&dir, id)?;
        println!("{}", tr!("teruggezet: {}", "put back: {}", back.display()));
        return Ok(());
    }
    let mut history = ctx.history(Progress::OnTerminal)?;
    if args.open {
        print_unreadable(&mut history)?;
        return print_open_agreements(&mut history, args);
    }
    let search = args.search.as_deref().filter(|s| !s.trim().is_empty());
    let mut listing = history
        .query(&Query {
            search: search.map(str::to_string),
            limit: args.limit,
            interrupted_only: false,
            details: false,
        })
        .map_err(Failure::from)?;
    crate::history::listing::mark_running(&mut listing.sessions);
    for note in &listing.notes {
        eprintln!("{note}");
    }
    for (path, why) in &listing.unreadable {
        eprintln!("{}", unreadable_line(path, why));
    }
    let archives = history.sources().any(|s| s.archive);
    let snippets = listing.sessions.iter().any(|h| h.snippet.is_some());
    let bold = std::io::IsTerminal::is_terminal(&std::io::stdout());
    // Made twice (for the widths, then to print) rather than kept: a listing of tens of
    // thousands of sessions is not held twice in memory.
    let row = |hit: &Hit| -> Vec<String> {
        let summary = &hit.summary;
        let status = match (summary.ended, summary.torn) {
            (true, _) => tr!("afgerond", "finished"),
            // Open in another tafel: its last line may be being written.
            (false, _) if hit.running => tr!("loopt nu", "running now"),
            (false, true) => tr!(
                "onderbroken (laatste regel onvolledig)",
                "interrupted (last line incomplete)"
            ),
            (false, false) => tr!("onderbroken", "interrupted"),
        };
        let mut row = vec![
            summary.id.clone(),
            summary.started.format("%Y-%m-%d %H:%M").to_string(),
            summary.title.clone(),
            summary.plan_id.clone(),
            duration_text(summary.spent_ms),
            summary.notes.to_string(),
            summary.agreements.to_string(),
            status,
        ];
        if archives {
            row.push(source_label(hit));
        }
        if snippets {
            row.push(
                hit.snippet
                    .as_deref()
                    .map(|s| marked(s, bold))
                    .unwrap_or_default(),
            );
        }
        row
    };
    if listing.sessions.is_empty() {
        let message = if listing.total == 0 {
            tr!(
                "nog geen sessies in {}",
                "no sessions yet in {}",
                ctx.sessions_dir()?.display()
            )
        } else {
            tr!("geen sessies gevonden", "no sessions found")
        };
        println!("{message}");
        return Ok(());
    }
    let mut header = vec![
        tr!("ID", "ID"),
        tr!("BEGONNEN", "STARTED"),
        tr!("TITEL", "TITLE"),
        tr!("WERKVORM", "PLAN"),
        tr!("DUUR", "DURATION"),
        tr!("NOTITIES", "NOTES"),
        tr!("AFSPRAKEN", "AGREEMENTS"),
        tr!("STATUS", "STATUS"),
    ];
    if archives {
        header.push(tr!("BRON", "SOURCE"));
    }
    if snippets {
        header.push(tr!("GEVONDEN", "FOUND"));
    }
    print_table(&header, listing.sessions.len(), |i| {
        row(&listing.sessions[i])
    })
}

/// A long table goes out as it is made, not first into one string.
fn print_table(header: &[String], count: usize, row: impl Fn(usize) -> Vec<String>) -> Outcome {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = table::write_each(&mut out, header, count, row).and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        // The reader stopped (`tafel sessions | head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::failed(e.to_string())),
    }
}

/// The sessions in the trash: id, start, title, and how to put one back.
fn print_trash(ctx: &Context, limit: Option<usize>) -> Outcome {
    let dir = ctx.sessions_dir()?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Newest first, like the list of sessions.
    for path in crate::history::manage::trashed(&dir).iter().rev() {
        if limit.is_some_and(|n| rows.len() >= n) {
            break;
        }
        let id = crate::history::resolve::id_of(path);
        match crate::storage::load(path)
            .map_err(|e| e.to_string())
            .and_then(|l| {
                crate::session::Session::from_records(&l.records).map_err(|e| e.to_string())
            }) {
            Ok(session) => rows.push(vec![
                id,
                session.started_at.format("%Y-%m-%d %H:%M").to_string(),
                crate::text::visible(&session.title).into_owned(),
            ]),
            Err(why) => eprintln!("{}", unreadable_line(path, &why)),
        }
    }
    if rows.is_empty() {
        println!("{}", tr!("de prullenbak is leeg", "the trash is empty"));
        return Ok(());
    }
    let header = [
        tr!("ID", "ID"),
        tr!("BEGONNEN", "STARTED"),
        tr!("TITEL", "TITLE"),
    ];
    print!("{}", table::render(&header, &rows));
    println!(
        "{}",
        tr!(
            "terugzetten: tafel sessions --restore ID",
            "put back: tafel sessions --restore ID"
        )
    );
    Ok(())
}

/// "eigen" for the user's own sessions, else the archive's folder name.
pub fn source_label(hit: &Hit) -> String {
    if !hit.archive {
        return tr!("eigen", "own");
    }
    let folder = hit
        .path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tr!("archief {folder}", "archive {folder}")
}

/// A snippet with its matching words in bold (on a terminal) or between `**`.
fn marked(snippet: &str, bold: bool) -> String {
    let (start, end) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    snippet
        .chars()
        .filter(|c| !c.is_control() || *c == MARK_START || *c == MARK_END)
        .fold(String::with_capacity(snippet.len()), |mut out, c| {
            match c {
                MARK_START => out.push_str(start),
                MARK_END => out.push_str(end),
                c => out.push(c),
            }
            out
        })
}

/// The reason already names the file (once: an empty journal is reported once, quietly).
fn unreadable_line(_path: &Path, why: &str) -> String {
    tr!(
        "onleesbaar: {}",
        "unreadable: {}",
        crate::text::visible(why)
    )
}

fn print_unreadable(history: &mut History) -> Outcome {
    for note in history.notes.clone() {
        eprintln!("{note}");
    }
    for (path, why) in history.unreadable().map_err(Failure::from)? {
        eprintln!("{}", unreadable_line(&path, &why));
    }
    Ok(())
}

fn print_open_agreements(history: &mut History, args: &SessionsArgs) -> Outcome {
    use crate::history::search;
    let header = [
        tr!("AFSPRAAK", "AGREEMENT"),
        tr!("WIE", "WHO"),
        tr!("WANNEER", "WHEN"),
        tr!("SESSIE", "SESSION"),
        tr!("DATUM", "DATE"),
    ];
    let rows: Vec<Vec<String>> = history
        .open_agreements()
        .map_err(Failure::from)?
        .into_iter()
        .filter(|(hit, a)| {
            args.search.as_deref().is_none_or(|q| {
                search::matches(
                    &search::fold(&format!("{} {} {:?}", a.text, hit.summary.title, a.owner)),
                    q,
                )
            })
        })
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|(hit, a)| {
            vec![
                a.text.lines().next().unwrap_or_default().to_string(),
                a.owner.clone().unwrap_or_else(|| "—".into()),
                a.due.clone().unwrap_or_else(|| "—".into()),
                hit.summary.id.clone(),
                hit.summary.started.format("%Y-%m-%d").to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        println!("{}", tr!("geen open afspraken", "no open agreements"));
    } else {
        print!("{}", table::render(&header, &rows));
    }
    Ok(())
}

impl Context {
    /// The sessions directory, for every command that reads or writes sessions. A path that
    /// exists but is not a directory (a file, a FIFO) is refused with one message, before
    /// anything is listed or created.
    pub fn sessions_dir(&self) -> Result<std::path::PathBuf, Failure> {
        let dir = self.sessions_dir.clone().ok_or_else(|| {
            Failure::usage(tr!(
                "geen map voor sessies gevonden: geef --sessions-dir",
                "no directory for sessions found: give --sessions-dir"
            ))
        })?;
        match std::fs::metadata(&dir) {
            Ok(meta) if !meta.is_dir() => Err(Failure::usage(tr!(
                "de sessiemap {} bestaat al, maar is geen map: kies een map met --sessions-dir (of TAFEL_SESSIONS_DIR / sessions_dir in config.toml)",
                "the sessions directory {} exists but is not a directory: choose a directory with --sessions-dir (or TAFEL_SESSIONS_DIR / sessions_dir in config.toml)",
                crate::text::visible(&dir.display().to_string())
            ))),
            _ => Ok(dir),
        }
    }

    /// The user's own sessions directory, then the archives (read-only).
    pub fn sources(&self) -> Result<Vec<Source>, Failure> {
        let mut sources = vec![Source::own(&self.sessions_dir()?)];
        sources.extend(
            self.settings
                .archives
                .iter()
                .map(|setting| Source::archive(&setting.value)),
        );
        Ok(sources)
    }

    /// The index of every sessions directory, up to date.
    pub fn history(&self, progress: Progress) -> Result<History, Failure> {
        History::open(
            &self.sources()?,
            crate::paths::cache_dir().as_deref(),
            progress,
        )
        .map_err(Failure::from)
    }

    /// Every directory a session id is looked up in: the user's own first.
    pub fn session_dirs(&self) -> Result<Vec<std::path::PathBuf>, Failure> {
        Ok(self.sources()?.into_iter().map(|s| s.dir).collect())
    }

    /// Whether `path` is in an archive (then it is never written to).
    pub fn in_archive(&self, path: &Path) -> bool {
        let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        let Some(parent) = path.parent().map(canonical) else {
            return false;
        };
        self.settings
            .archives
            .iter()
            .any(|a| canonical(&a.value) == parent)
            && self
                .sessions_dir
                .as_deref()
                .is_none_or(|own| canonical(own) != parent)
    }
}
