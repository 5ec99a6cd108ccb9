//! The command line in the user's language: clap's help (headings, "Usage", "Print help",
//! "[possible values: …]") and its errors ("unexpected argument", "invalid value") are
//! replaced by our own words, in Dutch or English like every other message.
//!
//! The language has to be known before the arguments are parsed: `--lang` on the command
//! line, else `TAFEL_LANG`, else `language` in `config.toml`, else Dutch (`early_lang`).
//! Every argument and subcommand has its help here as a `tr!` pair; a test checks that none
//! is missing, so a new option cannot appear in one language only.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::Lang;
use crate::tr;

/// What the command line asks for: run with these arguments, or stop (help shown, version
/// shown, or wrong use) with this exit code.
pub enum Parsed {
    Run(Box<Cli>),
    Exit(u8),
}

/// The language for the help and the errors of the command line, found before parsing.
pub fn early_lang(args: &[OsString]) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut from_args = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(value) = value {
            from_args = crate::config::lang_from_name(value.trim());
        }
    }
    from_args
        .or_else(|| {
            crate::config::env_lang(&|var: &str| std::env::var_os(var))
                .ok()
                .flatten()
        })
        .or_else(|| {
            crate::config::load(crate::paths::config_dir().as_deref())
                .config
                .language
        })
        .unwrap_or_default()
}

/// Parses `args` (the program name first) with help and errors in the current language.
/// Help and version go to stdout; errors to stderr, with the usage line.
pub fn parse(args: Vec<OsString>) -> Parsed {
    let args = help_subcommand_as_flag(args);
    let mut command = localized();
    // The subcommand the arguments are for, to show its usage with an error.
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let sub = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| names.iter().any(|n| n == a))
        .map(|a| a.into_owned());
    let matches = match command.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(err) => return report(&mut command, sub.as_deref(), &err),
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(err) => report(&mut command, sub.as_deref(), &err),
    }
}

/// The help of `tafel` itself, in the current language.
pub fn help() -> String {
    dutch_placeholders(&localized().render_help())
}

/// `tafel help run` means `tafel run --help` (clap's own `help` subcommand speaks English).
fn help_subcommand_as_flag(mut args: Vec<OsString>) -> Vec<OsString> {
    const WITH_VALUE: [&str; 4] = ["--lang", "--theme", "--decks-dir", "--sessions-dir"];
    let mut i = 1;
    while let Some(arg) = args.get(i).map(|a| a.to_string_lossy().into_owned()) {
        if WITH_VALUE.contains(&arg.as_str()) {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            if arg == "help" {
                args.remove(i);
                args.push("--help".into());
            }
            break;
        }
    }
    args
}

/// The command with every text in the current language.
pub fn localized() -> Command {
    let command = Cli::command()
        .about(tr!(
            "tafel: workshops in rondes, met kaarten, timer en notities",
            "tafel: workshops in rounds, with cards, a timer and notes"
        ))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX - 1)
                .help(tr!("Toon het versienummer", "Print the version")),
        );
    localize(command, "")
}

fn localize(command: Command, path: &str) -> Command {
    let template = tr!(
        "{{before-help}}{{about-with-newline}}\nGebruik: {{usage}}\n\n{{all-args}}{{after-help}}",
        "{{before-help}}{{about-with-newline}}\nUsage: {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(tr!("Commando's", "Commands"))
        .subcommand_value_name(tr!("COMMANDO", "COMMAND"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(usize::MAX)
                .help(tr!("Toon deze hulp", "Print this help")),
        );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let texts = arg_text(path, &id);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                tr!("Argumenten", "Arguments")
            } else {
                tr!("Opties", "Options")
            };
            let takes_value = arg.get_action().takes_values();
            // Possible and default values are in our own help text, in the right language.
            let mut arg = arg
                .help_heading(heading)
                .hide_possible_values(takes_value)
                .hide_default_value(takes_value);
            if let Some((help, value_name)) = texts {
                arg = arg.help(help);
                if let Some(name) = value_name {
                    arg = arg.value_name(name);
                }
            }
            arg
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let about = command_about(&name);
        command = command.mut_subcommand(&name, |sub| {
            let sub = match about {
                Some(about) => sub.about(about),
                None => sub,
            };
            localize(sub, &name)
        });
    }
    command
}

/// The about line of a subcommand.
pub fn command_about(name: &str) -> Option<String> {
    Some(match name {
        "decks" => tr!(
            "Toon alle stapels: id, titel, taal, kaarten, herkomst, categorieën",
            "Show all decks: id, title, language, cards, origin, categories"
        ),
        "plans" => tr!(
            "Toon alle werkvormen (id, titel, rondes, minuten, groep, stapels), of één als agenda of TOML",
            "Show all plans (id, title, rounds, minutes, group, decks), or one as an agenda or TOML"
        ),
        "draw" => tr!(
            "Trek kaarten (zonder terugleggen)",
            "Draw cards (without putting them back)"
        ),
        "run" => tr!(
            "Start een sessie: rondes met timer, kaarten en notities",
            "Start a session: rounds with a timer, cards and notes"
        ),
        "solo" => tr!(
            "Solo reflectie: een kaart, een rustig scherm en ruimte om te schrijven",
            "Solo reflection: a card, a quiet screen and room to write"
        ),
        "resume" => tr!(
            "Ga verder met een onderbroken sessie",
            "Continue an interrupted session"
        ),
        "sessions" => tr!(
            "Toon eerdere sessies (nieuwste eerst), zoek erin, of toon open afspraken",
            "Show past sessions (newest first), search them, or show open agreements"
        ),
        "rename" => tr!(
            "Geef een eerdere sessie (of solo reflectie) een nieuwe titel",
            "Give a past session (or solo reflection) a new title"
        ),
        "delete" => tr!(
            "Verplaats een sessie naar de prullenbak in de sessiemap (terug te zetten met sessions --restore)",
            "Move a session to the trash in the sessions directory (put back with sessions --restore)"
        ),
        "export" => tr!(
            "Exporteer een sessie als Markdown, tekst, HTML of OpenDocument",
            "Export a session as Markdown, text, HTML or OpenDocument"
        ),
        "agreements" => tr!(
            "Alle afspraken uit alle sessies: wie, wanneer, status; te laat eerst",
            "All agreements from all sessions: who, when, status; overdue first"
        ),
        "print" => tr!(
            "Kaarten om te printen: een HTML-pagina voor A4 met snijlijnen",
            "Cards to print: an HTML page for A4 with cut marks"
        ),
        "replay" => tr!(
            "Kijk een sessie terug, gebeurtenis voor gebeurtenis (zonder: de nieuwste)",
            "Replay a session, event by event (without an id: the newest)"
        ),
        "room" => tr!(
            "Het scherm voor de zaal: volgt de sessie die nu loopt, alleen-lezen (voor de beamer)",
            "The room's screen: follows the session running now, read-only (for the projector)"
        ),
        "config" => tr!(
            "Toon het configuratiebestand en de instellingen die gelden, en waar ze vandaan komen",
            "Show the configuration file and the settings in effect, and where they come from"
        ),
        "styles" => tr!(
            "Toon de voorkeurstijlen: wat je meebrengt, mist en nodig hebt",
            "Show the preference styles: what you bring, overlook and need"
        ),
        "questionnaire" => tr!(
            "Vul de vragenlijst over voorkeurstijlen in en krijg een code voor de begeleider",
            "Fill in the preference styles questionnaire and get a code for the facilitator"
        ),
        "groups" => tr!(
            "Verdeel deelnemers in teams, gemengd op voorkeurstijl of geloot",
            "Split participants into teams, mixed by preference style or drawn"
        ),
        "check" => tr!(
            "Controleer stapel- en werkvormbestanden",
            "Check deck and plan files"
        ),
        _ => return None,
    })
}

/// The help of an argument of subcommand `command` ("" for `tafel` itself and the global
/// options), and the name of its value where that is a word.
pub fn arg_text(command: &str, id: &str) -> Option<(String, Option<String>)> {
    let dir = || Some(tr!("MAP", "DIR"));
    let deck = || Some(tr!("STAPEL", "DECK"));
    let category = || Some(tr!("CATEGORIE", "CATEGORY"));
    let session = || Some(tr!("ID|PAD", "ID|PATH"));
    let no_bell = || {
        (
            tr!(
                "Geen geluidssignaal als de tijd om is",
                "No sound when the time is up"
            ),
            None,
        )
    };
    Some(match (command, id) {
        (_, "help") => (tr!("Toon deze hulp", "Print this help"), None),
        (_, "version") => (tr!("Toon het versienummer", "Print the version"), None),
        (_, "decks_dir") => (
            tr!(
                "Extra map met stapels en werkvormen (herhaalbaar; ook TAFEL_DECKS_DIR)",
                "Extra directory with decks and plans (repeatable; also TAFEL_DECKS_DIR)"
            ),
            dir(),
        ),
        (_, "sessions_dir") => (
            tr!(
                "Map voor sessies (ook TAFEL_SESSIONS_DIR)",
                "Directory for sessions (also TAFEL_SESSIONS_DIR)"
            ),
            dir(),
        ),
        (_, "archive") => (
            tr!(
                "Map met sessies van anderen (een gedeelde teammap): alleen lezen, nooit schrijven; herhaalbaar",
                "Directory with other people's sessions (a shared team folder): read only, never written; repeatable"
            ),
            dir(),
        ),
        (_, "lang") => (
            tr!(
                "Taal van de meldingen: nl (standaard) of en (ook TAFEL_LANG)",
                "Language of the messages: nl (default) or en (also TAFEL_LANG)"
            ),
            Some(tr!("TAAL", "LANG")),
        ),
        (_, "theme") => (
            tr!(
                "Kleuren: dark (standaard), light (lichte terminal) of contrast (projector)",
                "Colours: dark (default), light (light terminal) or contrast (projector)"
            ),
            Some(tr!("THEMA", "THEME")),
        ),
        ("draw", "deck") => (
            tr!(
                "Stapel-id (standaard: alle stapels samen)",
                "Deck id (default: all decks together)"
            ),
            deck(),
        ),
        ("draw", "category") => (
            tr!(
                "Categorie-id binnen de stapel",
                "Category id within the deck"
            ),
            category(),
        ),
        ("draw", "count") => (
            tr!(
                "Aantal kaarten (standaard 1)",
                "Number of cards (default 1)"
            ),
            Some("N".into()),
        ),
        ("draw", "seed") => (
            tr!(
                "Startwaarde: dezelfde seed geeft altijd dezelfde kaarten",
                "Seed: the same seed always gives the same cards"
            ),
            Some("N".into()),
        ),
        ("run", "plan") => (
            tr!(
                "Werkvorm-id (zonder: kies uit een lijst)",
                "Plan id (without: choose from a list)"
            ),
            Some(tr!("WERKVORM", "PLAN")),
        ),
        ("run", "participants") => (
            tr!(
                "Deelnemers, met komma's: \"Anna,Bram,Chris\", of alleen een aantal: 12",
                "Participants, with commas: \"Anna,Bram,Chris\", or just a number: 12"
            ),
            Some(tr!("NAMEN", "NAMES")),
        ),
        ("plans", "participants") => (
            tr!(
                "Minuten voor dit aantal deelnemers (rondes die met de groep meegroeien)",
                "Minutes for this number of participants (rounds that grow with the group)"
            ),
            Some("N".into()),
        ),
        ("plans", "show") => (
            tr!(
                "Toon één werkvorm als leesbare agenda, om te mailen",
                "Show one plan as a readable agenda, for mailing"
            ),
            Some("ID".into()),
        ),
        ("plans", "export") => (
            tr!(
                "Schrijf de TOML van één werkvorm naar stdout (met > naar een bestand)",
                "Write one plan's TOML to stdout (with > into a file)"
            ),
            Some("ID".into()),
        ),
        ("plans", "start") => (
            tr!(
                "Begintijd bij --show, voor kloktijden per ronde: 13:30",
                "Start time with --show, for clock times per round: 13:30"
            ),
            Some(tr!("UU:MM", "HH:MM")),
        ),
        ("run", "title") => (
            tr!(
                "Titel van de sessie (standaard: werkvorm en datum)",
                "Title of the session (default: plan and date)"
            ),
            Some(tr!("TEKST", "TEXT")),
        ),
        ("run", "seed") => (
            tr!(
                "Startwaarde voor het schudden (standaard willekeurig; wordt bewaard)",
                "Seed for shuffling (random by default; it is kept)"
            ),
            Some("N".into()),
        ),
        ("run", "deck") => (
            tr!(
                "Stapel voor rondes die geen stapel noemen (werkvormen voor elke stapel)",
                "Deck for rounds that name none (plans for any deck)"
            ),
            deck(),
        ),
        ("run" | "solo" | "resume", "no_bell") => no_bell(),
        ("run", "follow_up") => (
            tr!(
                "Vervolgbijeenkomst: begin met de open afspraken van deze eerdere sessie",
                "Follow-up meeting: begin with the open agreements of this earlier session"
            ),
            Some("ID".into()),
        ),
        ("styles" | "questionnaire" | "groups", "set") => (
            tr!(
                "Stijlenset-id (standaard: grenswerkers)",
                "Style set id (default: grenswerkers)"
            ),
            Some("ID".into()),
        ),
        ("questionnaire", "name") => (
            tr!(
                "Je naam, zoals de begeleider je kent (zonder: de vragenlijst vraagt erom)",
                "Your name as the facilitator knows you (without: the questionnaire asks)"
            ),
            Some(tr!("NAAM", "NAME")),
        ),
        ("groups", "participants") => (
            tr!(
                "Deelnemers, gescheiden door komma's; Naam:stijl neemt de stijl mee",
                "Participants, separated by commas; Name:style brings the style along"
            ),
            Some(tr!("NAMEN", "NAMES")),
        ),
        ("groups", "size") => (
            tr!("Teams van ongeveer N mensen", "Teams of about N people"),
            Some("N".into()),
        ),
        ("groups", "teams") => (tr!("Zoveel teams", "This many teams"), Some("K".into())),
        ("groups", "mix") => (
            tr!(
                "Meng de voorkeurstijlen over de teams (anders: geloot)",
                "Mix the preference styles over the teams (else: drawn)"
            ),
            None,
        ),
        ("groups", "seed") => (
            tr!(
                "Startwaarde: dezelfde seed geeft dezelfde teams",
                "Seed: the same seed gives the same teams"
            ),
            Some("N".into()),
        ),
        ("solo", "deck") => (
            tr!(
                "Stapel-id (standaard: de eerste stapel)",
                "Deck id (default: the first deck)"
            ),
            deck(),
        ),
        ("solo", "category") => (
            tr!(
                "Alleen kaarten uit deze categorie",
                "Only cards from this category"
            ),
            category(),
        ),
        ("solo", "minutes") => (
            tr!(
                "Een rustige timer van N minuten (standaard geen timer)",
                "A quiet timer of N minutes (no timer by default)"
            ),
            Some("N".into()),
        ),
        ("resume", "target") => (
            tr!(
                "Sessie-id (of het begin ervan); zonder: de laatste onderbroken sessie",
                "Session id (or its beginning); without: the last interrupted session"
            ),
            Some("ID".into()),
        ),
        ("sessions", "search") => (
            tr!(
                "Zoek in titels, deelnemers, kaarten, notities en afspraken (hoofdletters en accenten tellen niet)",
                "Search titles, participants, cards, notes and agreements (case and accents do not matter)"
            ),
            Some(tr!("TEKST", "TEXT")),
        ),
        ("sessions", "limit") => (
            tr!("Toon hooguit N sessies", "Show at most N sessions"),
            Some("N".into()),
        ),
        ("sessions", "open") => (
            tr!(
                "Toon alle afspraken die nog open staan, uit alle sessies",
                "Show every agreement still open, from all sessions"
            ),
            None,
        ),
        ("sessions", "trash") => (
            tr!(
                "Toon de sessies in de prullenbak (nieuwste eerst)",
                "Show the sessions in the trash (newest first)"
            ),
            None,
        ),
        ("sessions", "restore") => (
            tr!(
                "Zet de sessie met deze id uit de prullenbak terug",
                "Put the session with this id back from the trash"
            ),
            Some("ID".into()),
        ),
        ("rename" | "delete", "target") => (
            tr!(
                "Sessie-id (of het begin ervan), uit je eigen sessies",
                "Session id (or its beginning), from your own sessions"
            ),
            Some("ID".into()),
        ),
        ("rename", "title") => (
            tr!("De nieuwe titel", "The new title"),
            Some(tr!("TITEL", "TITLE")),
        ),
        ("room", "target") => (
            tr!(
                "Sessie-id (of het begin ervan) of pad; zonder: de sessie die nu loopt",
                "Session id (or its beginning) or path; without: the session running now"
            ),
            session(),
        ),
        ("export" | "replay", "target") => (
            tr!(
                "Sessie-id (of het begin ervan) of pad naar het sessiebestand",
                "Session id (or its beginning) or path to the session file"
            ),
            session(),
        ),
        ("export", "format") => (
            tr!(
                "Formaat: md (standaard), txt, html of odt",
                "Format: md (default), txt, html or odt"
            ),
            Some(tr!("FORMAAT", "FORMAT")),
        ),
        ("export", "readable") => (
            tr!(
                "Een beschadigd sessiebestand: exporteer wat vóór de schade staat (het bestand blijft ongewijzigd)",
                "A damaged session file: export what comes before the damage (the file stays unchanged)"
            ),
            None,
        ),
        ("export", "facilitator") => (
            tr!(
                "De versie voor de begeleider: met tips, overgeslagen kaarten, gepland tegen werkelijk en wijzigingen in de agenda",
                "The facilitator's version: with tips, skipped cards, planned against actual and agenda changes"
            ),
            None,
        ),
        ("agreements", "open") => (
            tr!(
                "Alleen afspraken die nog open staan",
                "Only agreements that are still open"
            ),
            None,
        ),
        ("agreements", "overdue") => (
            tr!(
                "Alleen open afspraken waarvan de datum voorbij is",
                "Only open agreements whose date has passed"
            ),
            None,
        ),
        ("agreements", "owner") => (
            tr!(
                "Alleen afspraken van deze persoon (een deel van de naam is genoeg)",
                "Only agreements of this person (part of the name is enough)"
            ),
            Some(tr!("NAAM", "NAME")),
        ),
        ("agreements", "format") => (
            tr!(
                "Formaat: txt (standaard), csv (Excel) of ics (agenda)",
                "Format: txt (default), csv (Excel) or ics (calendar)"
            ),
            Some(tr!("FORMAAT", "FORMAT")),
        ),
        ("agreements", "today") => (
            tr!(
                "Reken met deze dag als vandaag (JJJJ-MM-DD)",
                "Count with this day as today (YYYY-MM-DD)"
            ),
            Some(tr!("DATUM", "DATE")),
        ),
        ("print", "deck") => (
            tr!(
                "Stapel-id (zie `tafel decks`)",
                "Deck id (see `tafel decks`)"
            ),
            deck(),
        ),
        ("print", "category") => (
            tr!(
                "Alleen de kaarten van deze categorie",
                "Only the cards of this category"
            ),
            category(),
        ),
        ("print", "tips") => (
            tr!(
                "Met de tip voor de begeleider op de achterkant (dubbelzijdig, lange zijde)",
                "With the facilitator's tip on the back (double-sided, long edge)"
            ),
            None,
        ),
        ("print", "output") => (
            tr!(
                "Schrijf naar dit bestand in plaats van stdout",
                "Write to this file instead of stdout"
            ),
            Some(tr!("BESTAND", "FILE")),
        ),
        ("print", "force") => (
            tr!(
                "Overschrijf een bestaand bestand",
                "Overwrite an existing file"
            ),
            None,
        ),
        ("export", "output") => (
            tr!(
                "Schrijf naar dit bestand (of in deze map, met een naam uit de titel) in plaats van stdout",
                "Write to this file (or into this directory, named after the title) instead of stdout"
            ),
            Some(tr!("BESTAND|MAP", "FILE|DIR")),
        ),
        ("export", "force") => (
            tr!(
                "Overschrijf een bestaand bestand",
                "Overwrite an existing file"
            ),
            None,
        ),
        ("check", "paths") => (
            tr!(
                "Bestanden of mappen met .toml-bestanden",
                "Files or directories with .toml files"
            ),
            Some(tr!("PAD", "PATH")),
        ),
        _ => return None,
    })
}

/// clap writes `[OPTIONS]` in a usage line whatever the language.
fn dutch_placeholders(text: &StyledStr) -> String {
    let text = text.to_string();
    match crate::i18n::lang() {
        Lang::Nl => text.replace("[OPTIONS]", "[OPTIES]"),
        Lang::En => text,
    }
}

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Help or version to stdout (exit 0), anything else as our own message to stderr (exit 2).
fn report(command: &mut Command, sub: Option<&str>, err: &clap::Error) -> Parsed {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", dutch_placeholders(&err.render()));
            return Parsed::Exit(0);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", dutch_placeholders(&err.render()));
            return Parsed::Exit(2);
        }
        _ => {}
    }
    let usage = match sub.and_then(|name| command.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage(),
        None => command.render_usage(),
    };
    let usage = usage
        .to_string()
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .to_string();
    let usage = match crate::i18n::lang() {
        Lang::Nl => usage.replace("[OPTIONS]", "[OPTIES]"),
        Lang::En => usage,
    };
    // The command the usage is about: `tafel run` for `tafel run [OPTIES] [WERKVORM]`.
    let command_name = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ");
    eprintln!(
        "{}",
        crate::text::visible(&tr!("tafel: {}", "tafel: {}", message(err)))
    );
    eprintln!();
    eprintln!("{}", tr!("Gebruik: {usage}", "Usage: {usage}"));
    eprintln!(
        "{}",
        tr!(
            "Meer hulp: {command_name} --help",
            "More help: {command_name} --help"
        )
    );
    Parsed::Exit(2)
}

/// The error in words, from the parts clap keeps (its own sentence is English).
fn message(err: &clap::Error) -> String {
    let get = |kind| context(err, kind).unwrap_or_default();
    let hint = |kind| match context(err, kind) {
        Some(s) if !s.is_empty() => tr!("; bedoel je `{s}`?", "; did you mean `{s}`?"),
        _ => String::new(),
    };
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let arg = get(ContextKind::InvalidArg);
            let hint = hint(ContextKind::SuggestedArg);
            if arg.starts_with('-') {
                tr!(
                    "onbekende optie `{arg}`{hint}",
                    "unknown option `{arg}`{hint}"
                )
            } else {
                tr!(
                    "onverwacht argument `{arg}`{hint}",
                    "unexpected argument `{arg}`{hint}"
                )
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand);
            let hint = hint(ContextKind::SuggestedSubcommand);
            tr!(
                "onbekend commando `{name}`{hint}",
                "unknown command `{name}`{hint}"
            )
        }
        ErrorKind::InvalidValue => {
            let arg = option_name(&get(ContextKind::InvalidArg));
            let value = get(ContextKind::InvalidValue);
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                tr!("`{arg}` heeft een waarde nodig", "`{arg}` needs a value")
            } else {
                tr!(
                    "ongeldige waarde `{value}` voor `{arg}`: kies uit {valid}",
                    "invalid value `{value}` for `{arg}`: choose from {valid}"
                )
            }
        }
        ErrorKind::ValueValidation => {
            let arg = option_name(&get(ContextKind::InvalidArg));
            let value = get(ContextKind::InvalidValue);
            let reason = std::error::Error::source(err)
                .map(|e| reason_words(&e.to_string()))
                .unwrap_or_default();
            tr!(
                "ongeldige waarde `{value}` voor `{arg}`: {reason}",
                "invalid value `{value}` for `{arg}`: {reason}"
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = get(ContextKind::InvalidArg);
            tr!(
                "dit ontbreekt nog: {missing}",
                "this is still missing: {missing}"
            )
        }
        ErrorKind::ArgumentConflict => {
            let arg = option_name(&get(ContextKind::InvalidArg));
            let prior = option_name(&get(ContextKind::PriorArg));
            tr!(
                "`{arg}` en `{prior}` gaan niet samen",
                "`{arg}` and `{prior}` cannot be used together"
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            let arg = option_name(&get(ContextKind::InvalidArg));
            tr!(
                "verkeerd aantal waarden voor `{arg}`",
                "wrong number of values for `{arg}`"
            )
        }
        _ => {
            let english = err
                .render()
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            tr!(
                "ongeldige opdrachtregel ({english})",
                "invalid command line ({english})"
            )
        }
    }
}

/// `--count <N>` → `--count`.
fn option_name(arg: &str) -> String {
    arg.split_whitespace().next().unwrap_or(arg).to_string()
}

/// Rust's reasons for a number that does not parse.
fn reason_words(reason: &str) -> String {
    match reason {
        "invalid digit found in string" => tr!("geen geheel getal", "not a whole number"),
        "number too large to fit in target type" => {
            tr!("een te groot getal", "a number too large")
        }
        "number too small to fit in target type" => {
            tr!("een te klein getal", "a number too small")
        }
        "cannot parse integer from empty string" => tr!("leeg", "empty"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_on_the_command_line_is_found_before_parsing() {
        assert_eq!(early_lang(&os(&["tafel", "--lang", "en", "x"])), Lang::En);
        assert_eq!(early_lang(&os(&["tafel", "decks", "--lang=en"])), Lang::En);
        assert_eq!(
            early_lang(&os(&["tafel", "--lang=nl", "--", "--lang", "en"])),
            Lang::Nl
        );
    }
}
