//! Preference styles on the command line (issue 10):
//! `tafel styles` lists the styles of a set, `tafel questionnaire` lets one participant fill
//! in the questionnaire at the terminal (saved as a session of its own) and prints the code
//! for the facilitator, and `tafel groups` prints a split into teams.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use super::run::parse_participants;
use super::{Context, Failure, Outcome};
use crate::catalog::parse::suggestion;
use crate::catalog::styles::{self, DEFAULT_STYLE_SET, MAX_ANSWER, MIN_ANSWER, StyleSet};
use crate::catalog::{Plan, Round, RoundKind, RoundLength, TeamCount};
use crate::session::event::FORMAT;
use crate::session::groupwork::{form_teams, team_coverage, team_total};
use crate::session::{Event, Session};
use crate::storage::journal::Journal;
use crate::tr;

/// The plan id of a questionnaire session (reserved like `solo`).
pub use crate::rules::QUESTIONNAIRE_PLAN;

#[derive(Debug, clap::Args)]
pub struct StylesArgs {
    /// Stijlenset-id (standaard: grenswerkers)
    #[arg(long = "set", value_name = "ID")]
    pub set: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct QuestionnaireArgs {
    /// Je naam, zoals de begeleider je kent (zonder: de vragenlijst vraagt erom)
    #[arg(long)]
    pub name: Option<String>,
    /// Stijlenset-id (standaard: grenswerkers)
    #[arg(long = "set", value_name = "ID")]
    pub set: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct GroupsArgs {
    /// Deelnemers, gescheiden door komma's; Naam:stijl neemt de stijl mee
    #[arg(long, required = true)]
    pub participants: String,
    /// Teams van ongeveer N mensen
    #[arg(long, value_name = "N", conflicts_with = "teams")]
    pub size: Option<u32>,
    /// Zoveel teams
    #[arg(long, value_name = "K")]
    pub teams: Option<u32>,
    /// Meng de voorkeurstijlen over de teams
    #[arg(long)]
    pub mix: bool,
    /// Startwaarde: dezelfde seed geeft dezelfde teams
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Stijlenset-id (standaard: grenswerkers)
    #[arg(long = "set", value_name = "ID")]
    pub set: Option<String>,
}

fn style_set<'a>(ctx: &'a Context, id: Option<&str>) -> Result<&'a StyleSet, Failure> {
    let id = id.unwrap_or(DEFAULT_STYLE_SET);
    ctx.library().style_set(id).ok_or_else(|| {
        let hint = suggestion(id, ctx.library().styles.iter().map(|e| e.item.id.as_str()));
        Failure::usage(tr!(
            "onbekende stijlenset `{id}`{hint}",
            "unknown style set `{id}`{hint}"
        ))
    })
}

pub fn run_styles(ctx: &Context, args: &StylesArgs) -> Outcome {
    let set = style_set(ctx, args.set.as_deref())?;
    let mut out = format!("{}\n{}\n", set.title, set.description);
    if let Some(source) = &set.source {
        out.push_str(&tr!("Herkomst: {source}\n", "Source: {source}\n"));
    }
    for style in &set.styles {
        out.push('\n');
        out.push_str(&describe_style(set, &style.id));
    }
    print!("{}", crate::text::visible_lines(&out));
    Ok(())
}

/// A style in a few lines: name and summary, what you bring, overlook and need, the prompt.
pub fn describe_style(set: &StyleSet, id: &str) -> String {
    let Some(style) = set.style(id) else {
        return String::new();
    };
    format!(
        "{} ({})\n  {}\n  {} {}\n  {} {}\n  {} {}\n  {} {}\n",
        style.name,
        style.id,
        style.summary,
        tr!("Je brengt:", "You bring:"),
        style.brings,
        tr!("Je mist makkelijk:", "You easily overlook:"),
        style.overlooks,
        tr!("Je hebt nodig:", "You need:"),
        style.needs,
        tr!("Vraag voor je team:", "Question for your team:"),
        style.prompt,
    )
}

pub fn run_questionnaire(ctx: &Context, args: &QuestionnaireArgs) -> Outcome {
    let set = style_set(ctx, args.set.as_deref())?.clone();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout();
    let io = |e: std::io::Error| Failure::failed(e.to_string());
    let aborted = || {
        Failure::failed(tr!(
            "vragenlijst afgebroken: er is niets bewaard",
            "questionnaire stopped: nothing was saved"
        ))
    };
    writeln!(out, "{}\n{}\n", set.title, set.description).map_err(io)?;
    let name = match &args.name {
        Some(name) => clean_name(name)?,
        None => loop {
            write!(out, "{}", tr!("Je naam: ", "Your name: ")).map_err(io)?;
            out.flush().map_err(io)?;
            let Some(line) = read_line(&mut input).map_err(io)? else {
                return Err(aborted());
            };
            match clean_name(&line) {
                Ok(name) => break name,
                Err(failure) => writeln!(out, "{}", failure.message).map_err(io)?,
            }
        },
    };
    writeln!(
        out,
        "\n{}\n",
        tr!(
            "Hoe goed past elke uitspraak bij jou? 1 = helemaal niet, 5 = helemaal wel. Typ een cijfer en Enter.",
            "How well does each statement fit you? 1 = not at all, 5 = completely. Type a digit and Enter."
        )
    )
    .map_err(io)?;
    let total = set.statements.len();
    let mut answers = Vec::with_capacity(total);
    for (i, statement) in set.statements.iter().enumerate() {
        let n = i + 1;
        writeln!(
            out,
            "{n}/{total}  {}",
            crate::text::visible(&statement.text)
        )
        .map_err(io)?;
        loop {
            write!(out, "      1 2 3 4 5 > ").map_err(io)?;
            out.flush().map_err(io)?;
            let Some(line) = read_line(&mut input).map_err(io)? else {
                return Err(aborted());
            };
            match line.trim().parse::<u8>() {
                Ok(a) if (MIN_ANSWER..=MAX_ANSWER).contains(&a) => {
                    answers.push(a);
                    break;
                }
                _ => writeln!(
                    out,
                    "      {}",
                    tr!(
                        "typ een cijfer van 1 tot en met 5",
                        "type a digit from 1 to 5"
                    )
                )
                .map_err(io)?,
            }
        }
    }
    let result = set.result(&answers);
    let path = save_questionnaire(ctx, &set, &name, &answers, &result)?;
    writeln!(out).map_err(io)?;
    let first = set.name(&result[0]);
    writeln!(
        out,
        "{}",
        tr!(
            "Je voorkeurstijl: {first}",
            "Your preference style: {first}"
        )
    )
    .map_err(io)?;
    if let Some(second) = result.get(1) {
        let second = set.name(second);
        writeln!(
            out,
            "{}",
            tr!(
                "Daar dichtbij: {second}. Je mag er twee hebben.",
                "Close to it: {second}. You may have two."
            )
        )
        .map_err(io)?;
    }
    writeln!(out).map_err(io)?;
    for id in &result {
        writeln!(out, "{}", describe_style(&set, id)).map_err(io)?;
    }
    let points = set
        .scores(&answers)
        .iter()
        .map(|(id, p)| format!("{} {p}", set.name(id)))
        .collect::<Vec<_>>()
        .join(", ");
    let max = (MAX_ANSWER as usize) * total / set.styles.len().max(1);
    writeln!(
        out,
        "{}",
        tr!(
            "Punten per stijl (hooguit {max}): {points}",
            "Points per style (at most {max}): {points}"
        )
    )
    .map_err(io)?;
    writeln!(
        out,
        "{}",
        tr!(
            "Een voorkeur is geen hokje: in een team vul je elkaar aan.",
            "A preference is not a box: in a team you complement each other."
        )
    )
    .map_err(io)?;
    writeln!(
        out,
        "\n{}\n{}\n",
        tr!(
            "Geef deze code aan de begeleider:",
            "Give this code to the facilitator:"
        ),
        styles::code(&name, &result)
    )
    .map_err(io)?;
    writeln!(out, "{}", tr!("Bewaard in {path}", "Saved in {path}")).map_err(io)?;
    Ok(())
}

fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    Ok((input.read_line(&mut line)? > 0).then_some(line))
}

/// A participant's name: one line, no control characters, no `:` or `,` (they separate codes
/// and participants).
fn clean_name(text: &str) -> Result<String, Failure> {
    let name = crate::rules::clean_typed(text, false).trim().to_string();
    if name.is_empty() || name.contains([':', ',']) {
        return Err(Failure::usage(tr!(
            "geef een naam zonder : of ,",
            "give a name without : or ,"
        )));
    }
    Ok(name)
}

/// The questionnaire as a session of its own, written at once: start, the style set, the
/// answers, the end. Returns the file's path.
fn save_questionnaire(
    ctx: &Context,
    set: &StyleSet,
    name: &str,
    answers: &[u8],
    result: &[String],
) -> Result<String, Failure> {
    let sessions_dir = ctx.sessions_dir()?;
    let started = chrono::Local::now();
    let plan = Plan {
        id: QUESTIONNAIRE_PLAN.to_string(),
        title: tr!(
            "Vragenlijst voorkeurstijlen",
            "Preference styles questionnaire"
        ),
        description: set.title.clone(),
        decks: Vec::new(),
        resolved_for: None,
        rounds: vec![Round {
            title: tr!("Vragenlijst", "Questionnaire"),
            length: RoundLength::Minutes(0),
            scale: None,
            instruction: tr!(
                "Beantwoord de uitspraken van 1 tot en met 5.",
                "Answer the statements from 1 to 5."
            ),
            draw: None,
            turns: false,
            team_turns: false,
            roles: Vec::new(),
            kind: RoundKind::Styles,
        }],
        guide: Default::default(),
    };
    let events = vec![
        Event::SessionStarted {
            format: FORMAT.to_string(),
            title: tr!(
                "Vragenlijst — {name} — {}",
                "Questionnaire — {name} — {}",
                started.format("%d-%m-%Y")
            ),
            plan,
            decks: Vec::new(),
            session_deck: None,
            seed: 0,
            participants: vec![name.to_string()],
        },
        Event::StyleSetLoaded { set: set.clone() },
        Event::QuestionnaireAnswered {
            participant: name.to_string(),
            answers: answers.to_vec(),
            styles: result.to_vec(),
        },
        Event::SessionEnded,
    ];
    let (journal, records) = Journal::create(
        &sessions_dir,
        started,
        QUESTIONNAIRE_PLAN,
        events,
        started.fixed_offset(),
        0,
    )
    .map_err(|e| Failure::failed(e.to_string()))?;
    // The file must read back as the session it is meant to be.
    Session::from_records(&records).map_err(|e| Failure::failed(e.to_string()))?;
    Ok(journal.path().display().to_string())
}

/// Each participant's styles, the best fit first.
pub type StylePicks = BTreeMap<String, Vec<String>>;

/// Participants as typed (`Anna:verbinder, Bram`): names, and the styles of those with a code.
pub fn split_codes(
    set: &StyleSet,
    participants: &[String],
) -> Result<(Vec<String>, StylePicks), Failure> {
    let mut names = Vec::new();
    let mut picks = BTreeMap::new();
    for p in participants {
        if p.contains(':') {
            let (name, ids) =
                styles::parse_code(set, p).map_err(|e| Failure::usage(e.to_string()))?;
            picks.insert(name.clone(), ids);
            names.push(name);
        } else {
            names.push(p.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = names.iter().find(|n| !seen.insert(n.as_str())) {
        return Err(Failure::usage(tr!(
            "{twice} staat twee keer in de lijst",
            "{twice} is in the list twice"
        )));
    }
    Ok((names, picks))
}

pub fn run_groups(ctx: &Context, args: &GroupsArgs) -> Outcome {
    let set = style_set(ctx, args.set.as_deref())?;
    let typed = parse_participants(Some(&args.participants))?;
    let (names, picks) = split_codes(set, &typed)?;
    if names.is_empty() {
        return Err(Failure::usage(tr!(
            "geef minstens één deelnemer",
            "give at least one participant"
        )));
    }
    let count = match (args.size, args.teams) {
        (Some(size), None) if size > 0 => TeamCount::Size(size),
        (None, Some(k)) if k > 0 => TeamCount::Teams(k),
        _ => {
            return Err(Failure::usage(tr!(
                "geef --size N (mensen per team) of --teams K (aantal teams), groter dan 0",
                "give --size N (people per team) or --teams K (number of teams), above 0"
            )));
        }
    };
    let seed = args.seed.unwrap_or_else(rand::random);
    let k = team_total(count, names.len());
    let teams = form_teams(&names, &picks, k, args.mix, seed, "teams");
    let mut out = String::new();
    for (i, team) in teams.iter().enumerate() {
        let n = i + 1;
        let members = team
            .iter()
            .map(|p| match picks.get(p) {
                Some(ids) => styles::code(p, ids),
                None => p.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&tr!("Team {n} — {members}\n", "Team {n}: {members}\n"));
        if !picks.is_empty() {
            let (_, missing) = team_coverage(team, &picks, Some(set));
            if !missing.is_empty() {
                let missing = missing
                    .iter()
                    .map(|id| set.name(id))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push_str(&tr!(
                    "        mist: {missing}\n",
                    "        missing: {missing}\n"
                ));
            }
        }
    }
    out.push_str(&tr!(
        "(seed {seed}: dezelfde seed geeft dezelfde teams)\n",
        "(seed {seed}: the same seed gives the same teams)\n"
    ));
    print!("{}", crate::text::visible_lines(&out));
    Ok(())
}
