//! `tafel agreements [--open] [--overdue] [--owner NAAM] [--format txt|csv|ics]`: every
//! agreement across sessions, overdue first.

use std::io::Write;

use chrono::NaiveDate;

use super::{Context, Failure, Outcome};
use crate::history::agreements::{self, Filter};
use crate::history::index::Query;
use crate::history::listing::Progress;
use crate::tr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Een tabel voor de terminal
    #[default]
    Txt,
    /// Voor Excel: puntkomma's, UTF-8 met BOM, formules als tekst
    Csv,
    /// Agenda-items op de datum (Outlook, Thunderbird)
    Ics,
}

#[derive(Debug, clap::Args)]
pub struct AgreementsArgs {
    /// Alleen afspraken die nog open staan
    #[arg(long)]
    pub open: bool,
    /// Alleen afspraken waarvan de datum voorbij is en die nog open staan
    #[arg(long)]
    pub overdue: bool,
    /// Alleen afspraken van deze persoon (een deel van de naam is genoeg)
    #[arg(long, value_name = "NAAM")]
    pub owner: Option<String>,
    /// Formaat: txt (standaard), csv of ics
    #[arg(long, value_enum, default_value = "txt")]
    pub format: Format,
    /// Rekent met deze dag als vandaag (JJJJ-MM-DD), voor tests en terugblikken
    #[arg(long, value_name = "DATUM", hide = true)]
    pub today: Option<NaiveDate>,
}

pub fn run(ctx: &Context, args: &AgreementsArgs) -> Outcome {
    // Every session, the archives' included: agreements made in a shared folder count too.
    let mut history = ctx.history(Progress::OnTerminal)?;
    let listing = history
        .query(&Query {
            details: true,
            ..Query::default()
        })
        .map_err(Failure::from)?;
    for note in &listing.notes {
        eprintln!("{note}");
    }
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
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = Filter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner.clone(),
    };
    let found = agreements::collect(&listing, &filter, today);
    let text = match args.format {
        Format::Txt if found.is_empty() => {
            tr!("geen afspraken gevonden", "no agreements found") + "\n"
        }
        Format::Txt => agreements::table(&found),
        Format::Csv => agreements::csv(&found),
        Format::Ics => {
            // The stamp is the moment the file is made; in tests the given day at noon.
            let stamp = match args.today {
                Some(day) => day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
                None => chrono::Utc::now(),
            };
            let (text, undated) = agreements::ics(&found, stamp);
            if undated > 0 {
                eprintln!(
                    "{}",
                    tr!(
                        "{undated} afspraak/afspraken zonder datum niet in de agenda gezet",
                        "{undated} agreement(s) without a date left out of the calendar"
                    )
                );
            }
            text
        }
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| Failure::failed(e.to_string()))
}
