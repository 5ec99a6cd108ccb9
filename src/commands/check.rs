//! `tafel check PATH...`: validates deck and plan files, reporting `FILE:LINE:COLUMN: message`.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Context, Failure, Outcome};
use crate::catalog::library::{Origin, Source};
use crate::catalog::parse::{self, Parsed};
use crate::catalog::{Deck, Problem};
use crate::storage::decks::{read_deck_dir, read_deck_file};
use crate::tr;

pub fn run(ctx: &Context, paths: &[PathBuf]) -> Outcome {
    let report = check(ctx, paths);
    // A line may name a file or an id from a file: never raw control characters.
    for line in &report.lines {
        println!("{}", crate::text::visible(line));
    }
    if report.problems == 0 {
        Ok(())
    } else {
        Err(Failure::failed(match report.problems {
            1 => tr!("1 probleem gevonden", "1 problem found"),
            n => tr!("{n} problemen gevonden", "{n} problems found"),
        }))
    }
}

pub struct Report {
    pub lines: Vec<String>,
    pub problems: usize,
}

/// Checks files, or every `.toml` file in directories. Plans are checked against the decks
/// in the same run first, then against the decks `tafel` already knows.
pub fn check(ctx: &Context, paths: &[PathBuf]) -> Report {
    let mut sources: Vec<Source> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for path in paths {
        if path.is_dir() {
            read_deck_dir(path, &mut sources, &mut problems);
        } else {
            match read_deck_file(path) {
                Ok(source) => sources.push(source),
                Err(problem) => problems.push(problem),
            }
        }
    }
    // A file named twice (`tafel check decks decks/plans` reads `decks/plans` in both) is
    // checked once.
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| match &s.origin {
        Origin::File(path) => seen.insert(std::fs::canonicalize(path).unwrap_or(path.clone())),
        Origin::Bundled => true,
    });
    let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let mut count = problems.len();

    let parsed: Vec<(&Source, Result<Parsed, Vec<Problem>>)> = sources
        .iter()
        .map(|s| (s, parse::parse(&s.name, &s.text)))
        .collect();
    let mut local_decks: HashMap<&str, &Deck> = HashMap::new();
    let mut first_seen: HashMap<(u8, &str), &str> = HashMap::new();
    for (source, result) in &parsed {
        let (is_deck, id) = match result {
            Ok(Parsed::Deck(deck)) => {
                local_decks.entry(deck.id.as_str()).or_insert(deck);
                (0, deck.id.as_str())
            }
            Ok(Parsed::Plan(plan, _)) => (1, plan.id.as_str()),
            Ok(Parsed::Styles(set)) => (2, set.id.as_str()),
            Err(_) => continue,
        };
        if let Some(other) = first_seen.insert((is_deck, id), &source.name) {
            count += 1;
            lines.push(format!(
                "{}:1:1: {}",
                source.name,
                tr!(
                    "id `{id}` wordt ook gebruikt in {other}",
                    "id `{id}` is also used in {other}"
                )
            ));
        }
    }
    let mut all_deck_ids: Vec<String> = ctx.library().deck_ids();
    all_deck_ids.extend(local_decks.keys().map(|k| k.to_string()));
    let find = |id: &str| {
        local_decks
            .get(id)
            .copied()
            .or_else(|| ctx.library().deck(id))
    };
    // Every deck a plan with `decks = []` could be run with: the local ones, then the known.
    let mut all_decks: Vec<&Deck> = local_decks.values().copied().collect();
    all_decks.sort_by(|a, b| a.id.cmp(&b.id));
    for deck in ctx.library().decks.iter().map(|e| &e.item) {
        if !local_decks.contains_key(deck.id.as_str()) {
            all_decks.push(deck);
        }
    }

    for (source, result) in &parsed {
        let found = match result {
            Err(problems) => problems.clone(),
            Ok(Parsed::Deck(_) | Parsed::Styles(_)) => Vec::new(),
            Ok(Parsed::Plan(plan, refs)) => {
                let mut found = parse::check_plan_refs(
                    &source.name,
                    &source.text,
                    plan,
                    refs,
                    &find,
                    &all_deck_ids,
                );
                found.extend(parse::check_plan_draws(
                    &source.name,
                    &source.text,
                    plan,
                    refs,
                    &find,
                    &all_decks,
                ));
                found
            }
        };
        if found.is_empty() {
            let what = match result {
                Ok(Parsed::Deck(d)) => tr!(
                    "stapel `{}`, {} kaarten",
                    "deck `{}`, {} cards",
                    d.id,
                    d.cards.len()
                ),
                Ok(Parsed::Plan(p, _)) => tr!(
                    "werkvorm `{}`, {} rondes",
                    "plan `{}`, {} rounds",
                    p.id,
                    p.rounds.len()
                ),
                Ok(Parsed::Styles(s)) => tr!(
                    "stijlenset `{}`, {} stijlen, {} stellingen",
                    "style set `{}`, {} styles, {} statements",
                    s.id,
                    s.styles.len(),
                    s.statements.len()
                ),
                Err(_) => unreachable!("a parse error always carries problems"),
            };
            lines.push(tr!(
                "{}: in orde ({what})",
                "{}: valid ({what})",
                source.name
            ));
        } else {
            count += found.len();
            lines.extend(found.iter().map(ToString::to_string));
        }
    }
    Report {
        lines,
        problems: count,
    }
}
