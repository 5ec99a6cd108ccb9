//! The form as a plan, and as the text of its file (an own file keeps its comments).

use super::{Builder, Sort, Target};
use crate::catalog::write::update_plan_toml;
use crate::catalog::{GroupSize, Plan, Round};
use crate::input::LineInput;
use crate::tr;

impl Builder<'_> {
    /// The plan as the form says it now, and the mistakes in what was typed.
    pub fn plan(&self) -> (Plan, Vec<String>) {
        let mut problems = Vec::new();
        let rounds: Vec<Round> = self
            .rounds
            .iter()
            .enumerate()
            .map(|(i, r)| r.round(i + 1, &mut problems))
            .collect();
        let decks = self.decks();
        let mut guide = self.base.guide.clone();
        let number = |input: &LineInput| input.text().trim().parse::<u32>().ok();
        guide.group_size = match (
            number(&self.plan.group_min),
            number(&self.plan.group_max),
            self.plan.group_min.text().trim().is_empty()
                && self.plan.group_max.text().trim().is_empty(),
        ) {
            (Some(min), Some(max), _) => Some(GroupSize { min, max }),
            (_, _, true) => None,
            _ => {
                problems.push(tr!(
                    "Groepsgrootte: typ een kleinste en een grootste aantal, of laat beide leeg",
                    "Group size: type a smallest and a largest number, or leave both empty"
                ));
                guide.group_size
            }
        };
        let plan = Plan {
            id: self.plan.id.text().trim().to_string(),
            title: self.plan.title.text().trim().to_string(),
            description: self.plan.description.text().trim().to_string(),
            decks,
            rounds,
            guide,
            resolved_for: None,
        };
        (plan, problems)
    }

    /// The plan's decks: those it was opened with, then those its talk rounds draw from (the
    /// first is the session's deck).
    pub fn decks(&self) -> Vec<String> {
        let mut decks = self.base.decks.clone();
        let drawn = self
            .rounds
            .iter()
            .filter(|r| r.sort == Sort::Talk)
            .filter_map(|r| r.deck.clone().flatten());
        for deck in drawn {
            if !decks.contains(&deck) {
                decks.push(deck);
            }
        }
        decks
    }

    /// The file as it would be saved.
    pub fn toml(&self) -> String {
        let (plan, _) = self.plan();
        let original = match &self.target {
            Target::Own { original, .. } => original.as_str(),
            Target::New { .. } => "",
        };
        update_plan_toml(original, &plan, &self.origins)
            .or_else(|| update_plan_toml("", &plan, &[]))
            .unwrap_or_default()
    }
}
