//! `tafel plans`: every session plan with its rounds, length, group size and decks; one plan
//! as a readable agenda (`--show`) or as its TOML (`--export`).

pub use crate::catalog::timing::minutes_label;
use chrono::NaiveTime;

use super::{Context, Failure, Outcome};
use crate::catalog::library::Origin;
use crate::catalog::parse::parse_clock_time;
use crate::catalog::timing::{clock_times, total_label};
use crate::catalog::{Library, Plan, RoundLength, form_label};
use crate::{table, tr};

#[derive(Debug, Default, clap::Args)]
pub struct PlansArgs {
    /// Totalen voor dit aantal deelnemers
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=500))]
    pub participants: Option<u32>,
    /// Toon één werkvorm als leesbare agenda (om te mailen)
    #[arg(long, value_name = "ID", conflicts_with = "export")]
    pub show: Option<String>,
    /// Schrijf de TOML van één werkvorm naar stdout
    #[arg(long, value_name = "ID")]
    pub export: Option<String>,
    /// Begintijd voor kloktijden per ronde bij --show: "13:30"
    #[arg(long, value_name = "UU:MM")]
    pub start: Option<String>,
}

pub fn run(ctx: &Context, args: &PlansArgs) -> Outcome {
    let start = match args.start.as_deref() {
        Some(text) => Some(parse_clock_time(text).ok_or_else(|| {
            Failure::usage(tr!(
                "`--start {text}` is geen kloktijd; schrijf bijvoorbeeld 13:30",
                "`--start {text}` is not a clock time; write for example 13:30"
            ))
        })?),
        None => None,
    };
    if let Some(id) = &args.export {
        let plan = ctx.plan(id)?;
        print!("{}", plan_source(ctx.library(), plan)?);
        return Ok(());
    }
    if let Some(id) = &args.show {
        let plan = ctx.plan(id)?;
        let people = args.participants.unwrap_or_else(|| plan.nominal_group());
        print!("{}", agenda_text(plan, people, start));
        return Ok(());
    }
    let minutes_header = match args.participants {
        Some(n) => tr!("MINUTEN ({n} P.)", "MINUTES ({n} P.)"),
        None => tr!("MINUTEN", "MINUTES"),
    };
    let header = [
        tr!("ID", "ID"),
        tr!("TITEL", "TITLE"),
        tr!("RONDES", "ROUNDS"),
        minutes_header,
        tr!("GROEP", "GROUP"),
        tr!("STAPELS", "DECKS"),
    ];
    let rows: Vec<Vec<String>> = ctx
        .library()
        .plans
        .iter()
        .map(|entry| {
            let plan = &entry.item;
            let decks = if plan.decks.is_empty() {
                tr!("(elke stapel)", "(any deck)")
            } else {
                plan.decks.join(", ")
            };
            let mut group = plan
                .guide
                .group_size
                .map_or_else(|| "-".to_string(), |size| size.to_string());
            if let Some(n) = args.participants
                && plan.group_warning(n).is_some()
            {
                group.push_str(" (!)");
            }
            vec![
                plan.id.clone(),
                plan.title.clone(),
                plan.rounds.len().to_string(),
                minutes_label(plan, args.participants),
                group,
                decks,
            ]
        })
        .collect();
    print!("{}", table::render(&header, &rows));
    if let Some(n) = args.participants
        && ctx
            .library()
            .plans
            .iter()
            .any(|e| e.item.group_warning(n).is_some())
    {
        println!(
            "{}",
            tr!(
                "(!) niet gemaakt voor {n} deelnemers: zie de groepsgrootte",
                "(!) not made for {n} participants: see the group size"
            )
        );
    }
    Ok(())
}

/// The plan's file as it is on disk (or in the binary), comments and all.
fn plan_source(library: &Library, plan: &Plan) -> Result<String, Failure> {
    let origin = library
        .plans
        .iter()
        .find(|e| e.item.id == plan.id)
        .map(|e| e.origin.clone());
    match origin {
        Some(Origin::File(path)) => std::fs::read_to_string(&path).map_err(|e| {
            Failure::failed(tr!(
                "{} kon niet worden gelezen: {e}",
                "{} could not be read: {e}",
                path.display()
            ))
        }),
        _ => crate::catalog::bundled::FILES
            .iter()
            .find(|(_, text)| {
                matches!(
                    crate::catalog::parse::parse("", text),
                    Ok(crate::catalog::parse::Parsed::Plan(p, _)) if p.id == plan.id
                )
            })
            .map(|(_, text)| (*text).to_string())
            .ok_or_else(|| Failure::failed(crate::catalog::write::plan_toml(plan))),
    }
}

/// One plan as a readable agenda for `people` participants, with clock times from `start`:
/// what a facilitator mails to a co-facilitator.
pub fn agenda_text(plan: &Plan, people: u32, start: Option<NaiveTime>) -> String {
    let resolved = plan.resolved(people);
    let mut out = String::new();
    let line = |out: &mut String, text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    let wrap = |text: &str, indent: &str| -> String {
        let options = textwrap::Options::new(78)
            .initial_indent(indent)
            .subsequent_indent(indent);
        textwrap::fill(text, options)
    };
    line(&mut out, &format!("{} ({})", plan.title, plan.id));
    let mut facts = vec![total_label(plan, people)];
    if let Some(size) = plan.guide.group_size {
        facts.push(tr!("groep {size}", "group {size}"));
    }
    if !plan.decks.is_empty() {
        facts.push(tr!("stapels: {}", "decks: {}", plan.decks.join(", ")));
    }
    line(&mut out, &facts.join(" · "));
    if let Some(warning) = plan.group_warning(people) {
        line(&mut out, &tr!("Let op: {warning}", "Note: {warning}"));
    }
    line(&mut out, "");
    line(&mut out, &wrap(&plan.description, ""));
    let guide = &plan.guide;
    for (label, value) in [
        (tr!("Doel", "Goal"), &guide.goal),
        (tr!("Voor wie", "For whom"), &guide.audience),
    ] {
        if let Some(value) = value {
            line(&mut out, "");
            line(&mut out, &wrap(&format!("{label}: {value}"), ""));
        }
    }
    line(&mut out, "");
    line(&mut out, &tr!("Aanpak", "Approach"));
    let times = start.map(|s| clock_times(&resolved, s));
    for (index, round) in resolved.rounds.iter().enumerate() {
        let clock = times
            .as_ref()
            .map_or(String::new(), |t| format!("{}  ", t[index].format("%H:%M")));
        let length = match round.length {
            RoundLength::Minutes(m) => tr!("{m} min", "{m} min"),
            RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
        };
        let mut head = format!("{clock}{}. {} — {length}", index + 1, round.title);
        if let Some(scale) = &round.scale {
            let mut how = scale.describe();
            if let Some(teams) = resolved.teams_for_round(index, people)
                && scale.per_team()
            {
                how.push_str(&format!("; {}", crate::catalog::teams_text(teams)));
            }
            head.push_str(&format!(" ({how})"));
        }
        if round.turns && round.team_turns {
            head.push_str(&tr!(" · team voor team", " · team by team"));
        } else if round.turns {
            head.push_str(&tr!(" · om de beurt", " · turn by turn"));
        }
        line(&mut out, "");
        line(&mut out, &head);
        let indent = " ".repeat(clock.chars().count() + 3);
        line(&mut out, &wrap(&round.instruction, &indent));
        if let Some(draw) = &round.draw {
            let deck = draw
                .deck
                .clone()
                .or_else(|| plan.decks.first().cloned())
                .unwrap_or_else(|| tr!("de stapel van de sessie", "the session's deck"));
            let mut what = match &draw.category {
                Some(category) => format!("{deck} / {category}"),
                None => deck,
            };
            if !draw.with.is_empty() {
                what.push_str(&tr!(", met tag {}", ", tagged {}", draw.with.join(", ")));
            }
            if let Some(form) = &draw.form {
                what.push_str(&format!(", {}", form_label(form)));
            }
            let cards = match draw.count {
                1 => tr!("1 kaart", "1 card"),
                n => tr!("{n} kaarten", "{n} cards"),
            };
            line(
                &mut out,
                &wrap(
                    &tr!("Trekt: {cards} uit {what}", "Draws: {cards} from {what}"),
                    &indent,
                ),
            );
        }
        if !round.roles.is_empty() {
            line(
                &mut out,
                &wrap(
                    &tr!("Rollen: {}", "Roles: {}", round.roles.join(", ")),
                    &indent,
                ),
            );
        }
    }
    if let Some(times) = &times
        && let Some(end) = times.last()
    {
        line(&mut out, "");
        line(&mut out, &tr!("{}  einde", "{}  end", end.format("%H:%M")));
    }
    for (label, items) in [
        (tr!("Wat je nodig hebt", "What you need"), &guide.needs),
        (tr!("Tips", "Tips"), &guide.tips),
        (tr!("Variaties", "Variations"), &guide.variations),
    ] {
        if items.is_empty() {
            continue;
        }
        line(&mut out, "");
        line(&mut out, &label);
        for item in items {
            let text = wrap(item, "  ");
            line(&mut out, &format!("-{}", &text[1..]));
        }
    }
    out
}
