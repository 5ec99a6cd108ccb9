//! The command line, as clap parses it. Validation beyond syntax happens in the commands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "tafel",
    version,
    about = "tafel: workshops in rondes, met kaarten, timer en notities (Dutch-first workshop facilitator)",
    long_about = None,
)]
pub struct Cli {
    /// Extra map met stapels en werkvormen (herhaalbaar; ook TAFEL_DECKS_DIR)
    #[arg(long = "decks-dir", value_name = "DIR", global = true)]
    pub decks_dir: Vec<PathBuf>,

    /// Map voor sessies (ook TAFEL_SESSIONS_DIR)
    #[arg(long = "sessions-dir", value_name = "DIR", global = true)]
    pub sessions_dir: Option<PathBuf>,

    /// Extra map met sessies van anderen, alleen-lezen: getoond, doorzocht, terug te kijken
    /// en te exporteren, nooit beschreven (herhaalbaar; ook `sessions_dirs` in config.toml)
    #[arg(long = "archive", value_name = "DIR", global = true)]
    pub archive: Vec<PathBuf>,

    /// Taal van de meldingen: nl (standaard) of en (ook TAFEL_LANG)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Kleuren: dark (standaard), light (lichte terminal) of contrast (projector)
    #[arg(long, value_enum, value_name = "THEMA", global = true)]
    pub theme: Option<crate::config::Theme>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Toon alle stapels: id, titel, taal, kaarten, categorieën, herkomst
    Decks,
    /// Toon alle werkvormen (id, titel, rondes, minuten, groep, stapels), of één als agenda of TOML
    Plans(crate::commands::plans::PlansArgs),
    /// Trek kaarten (zonder terugleggen)
    Draw(crate::commands::draw::DrawArgs),
    /// Start een sessie: rondes met timer, kaarten en notities
    Run(crate::commands::run::RunArgs),
    /// Solo reflectie: een kaart, een rustig scherm en ruimte om te schrijven
    Solo(crate::commands::solo::SoloArgs),
    /// Ga verder met een onderbroken sessie
    Resume(crate::commands::resume::ResumeArgs),
    /// Toon eerdere sessies (nieuwste eerst), zoek erin, of toon open afspraken
    Sessions(crate::commands::sessions::SessionsArgs),
    /// Geef een eerdere sessie (of solo reflectie) een nieuwe titel
    Rename(crate::commands::manage::RenameArgs),
    /// Verplaats een sessie naar de prullenbak in de sessiemap (terug te zetten)
    Delete(crate::commands::manage::DeleteArgs),
    /// Alle afspraken uit alle sessies, met wie, wanneer en status; te late eerst
    Agreements(crate::commands::agreements::AgreementsArgs),
    /// Kaarten om af te drukken: een HTML-pagina voor A4 met snijtekens
    Print(crate::commands::print::PrintArgs),
    /// Exporteer een sessie als document: md, txt, html of odt
    Export(crate::commands::export::ExportArgs),
    /// Kijk een sessie terug, gebeurtenis voor gebeurtenis (zonder: de nieuwste)
    Replay {
        /// Sessie-id (of het begin ervan) of pad naar het sessiebestand
        #[arg(value_name = "ID|PATH")]
        target: Option<String>,
    },
    /// Het scherm voor de zaal: volgt de sessie die nu loopt, alleen-lezen (voor de beamer)
    Room(crate::commands::room::RoomArgs),
    /// Toon het configuratiebestand en de instellingen die gelden, en waar ze vandaan komen
    Config,
    /// Toon de voorkeurstijlen: wat je meebrengt, mist en nodig hebt
    Styles(crate::commands::styles::StylesArgs),
    /// Vul de vragenlijst over voorkeurstijlen in en krijg een code voor de begeleider
    Questionnaire(crate::commands::styles::QuestionnaireArgs),
    /// Verdeel deelnemers in teams, gemengd op voorkeurstijl of geloot
    Groups(crate::commands::styles::GroupsArgs),
    /// Controleer stapel- en werkvormbestanden
    Check {
        /// Bestanden of mappen met .toml-bestanden
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

impl Cli {
    /// The global options as settings overrides, with the platform directories.
    pub fn overrides(&self) -> crate::config::Overrides {
        crate::config::Overrides {
            lang: self.lang,
            theme: self.theme,
            sessions_dir: self.sessions_dir.clone(),
            archives: self.archive.clone(),
            decks_dirs: self.decks_dir.clone(),
            user_decks_dir: crate::paths::user_decks_dir(),
            default_sessions_dir: crate::paths::default_sessions_dir(),
        }
    }
}
