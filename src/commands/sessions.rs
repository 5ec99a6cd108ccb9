//! `tafel sessions`: past sessions, newest first, or every agreement still open.

use super::{Context, Failure, Outcome};
use crate::history::listing::{Listing, list, open_agreements};
use crate::history::search;
use crate::session::timer::clock_text;
use crate::{table, tr};

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    /// Zoek in titels, deelnemers, kaarten, notities en afspraken (hoofdletters en accenten tellen niet)
    #[arg(long)]
    pub search: Option<String>,
    /// Toon hooguit N sessies
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Toon alle afspraken die nog open staan, uit alle sessies
    #[arg(long)]
    pub open: bool,
}

pub fn run(ctx: &Context, args: &SessionsArgs) -> Outcome {
    let dir = ctx.sessions_dir()?;
    let listing = list(&dir);
    // Each reason already names its file.
    for (_, why) in &listing.unreadable {
        eprintln!(
            "{}",
            tr!(
                "onleesbaar: {}",
                "unreadable: {}",
                crate::text::visible(why)
            )
        );
    }
    if args.open {
        print_open_agreements(&listing, args);
        return Ok(());
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (_, summary) in listing
        .sessions
        .iter()
        .filter(|(_, s)| {
            args.search
                .as_deref()
                .is_none_or(|q| search::matches(&s.search, q))
        })
        .take(args.limit.unwrap_or(usize::MAX))
    {
        let status = match (summary.ended, summary.torn) {
            (true, _) => tr!("afgerond", "finished"),
            (false, true) => tr!(
                "onderbroken (laatste regel onvolledig)",
                "interrupted (last line incomplete)"
            ),
            (false, false) => tr!("onderbroken", "interrupted"),
        };
        rows.push(vec![
            summary.id.clone(),
            summary.started.format("%Y-%m-%d %H:%M").to_string(),
            summary.title.clone(),
            summary.plan_id.clone(),
            clock_text(summary.spent_ms, false),
            summary.notes.to_string(),
            summary.agreements.to_string(),
            status,
        ]);
    }
    if rows.is_empty() {
        let message = if listing.sessions.is_empty() {
            tr!(
                "nog geen sessies in {}",
                "no sessions yet in {}",
                dir.display()
            )
        } else {
            tr!("geen sessies gevonden", "no sessions found")
        };
        println!("{message}");
        return Ok(());
    }
    let header = [
        tr!("ID", "ID"),
        tr!("BEGONNEN", "STARTED"),
        tr!("TITEL", "TITLE"),
        tr!("WERKVORM", "PLAN"),
        tr!("DUUR", "DURATION"),
        tr!("NOTITIES", "NOTES"),
        tr!("AFSPRAKEN", "AGREEMENTS"),
        tr!("STATUS", "STATUS"),
    ];
    print!("{}", table::render(&header, &rows));
    Ok(())
}

fn print_open_agreements(listing: &Listing, args: &SessionsArgs) {
    let header = [
        tr!("AFSPRAAK", "AGREEMENT"),
        tr!("WIE", "WHO"),
        tr!("WANNEER", "WHEN"),
        tr!("SESSIE", "SESSION"),
        tr!("DATUM", "DATE"),
    ];
    let rows: Vec<Vec<String>> = open_agreements(listing)
        .into_iter()
        .filter(|(s, a)| {
            args.search.as_deref().is_none_or(|q| {
                search::matches(
                    &search::fold(&format!("{} {} {:?}", a.text, s.title, a.owner)),
                    q,
                )
            })
        })
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|(s, a)| {
            vec![
                a.text.lines().next().unwrap_or_default().to_string(),
                a.owner.clone().unwrap_or_else(|| "—".into()),
                a.due.clone().unwrap_or_else(|| "—".into()),
                s.id.clone(),
                s.started.format("%Y-%m-%d").to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        println!("{}", tr!("geen open afspraken", "no open agreements"));
    } else {
        print!("{}", table::render(&header, &rows));
    }
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
}
