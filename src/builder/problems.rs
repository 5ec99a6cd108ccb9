//! What keeps the plan from being saved: the checks of `tafel check`, told per round.

use super::{Builder, Target};
use crate::catalog::parse::{self, Parsed};
use crate::tr;

impl Builder<'_> {
    /// Every problem `tafel check` would report, in words ("Ronde 2: …"), and those of the
    /// form itself. Empty: the plan can be saved.
    pub fn problems(&self) -> Vec<String> {
        let (plan, mut problems) = self.plan();
        let text = self.toml();
        let name = format!("{}.toml", plan.id);
        let found = match parse::parse(&name, &text) {
            Err(found) => found,
            Ok(Parsed::Deck(_) | Parsed::Styles(_)) => Vec::new(),
            Ok(Parsed::Plan(parsed, refs)) => {
                let library = self.library;
                let find = |id: &str| library.deck(id);
                let all: Vec<&crate::catalog::Deck> =
                    library.decks.iter().map(|e| &e.item).collect();
                let mut found = parse::check_plan_refs(
                    &name,
                    &text,
                    &parsed,
                    &refs,
                    &find,
                    &library.deck_ids(),
                );
                found.extend(parse::check_plan_draws(
                    &name, &text, &parsed, &refs, &find, &all,
                ));
                found
            }
        };
        // Where in the file: the plan's header, or round N (counted by `[[round]]` lines).
        let round_starts: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[round]]")
            .map(|(i, _)| i + 1)
            .collect();
        let blind_safety = parse::blind_safety_message();
        let empty_description = tr!("`description` is leeg", "`description` is empty");
        for problem in found {
            let round = round_starts.iter().filter(|&&s| s <= problem.line).count();
            // Where the form has a field for it, its words rather than the file's.
            let message = if problem.message == blind_safety {
                tr!(
                    "deze trekking kan kaarten met de tag `veiligheid` delen; kies bij Veiligheidskaarten of ze wegblijven of bewust getrokken worden",
                    "this draw can deal cards tagged `veiligheid`; choose under Safety cards whether they stay out or are drawn on purpose"
                )
            } else if round == 0 && problem.message == empty_description {
                tr!(
                    "de beschrijving is nog leeg; typ bij de werkvorm (p) wat ze oplevert en voor wie",
                    "the description is still empty; type under the plan (p) what it yields and for whom"
                )
            } else {
                crate::text::visible(&problem.message).into_owned()
            };
            problems.push(match round {
                0 => tr!("Werkvorm: {message}", "Plan: {message}"),
                n => {
                    let title = self.rounds[n - 1].title.text();
                    tr!(
                        "Ronde {n} ({title}): {message}",
                        "Round {n} ({title}): {message}"
                    )
                }
            });
        }
        if let Target::New { .. } = self.target
            && self.library.plan(&plan.id).is_some()
        {
            let id = &plan.id;
            problems.push(tr!(
                "Werkvorm: id `{id}` bestaat al; kies een ander id",
                "Plan: id `{id}` already exists; choose another id"
            ));
        }
        problems
    }
}
