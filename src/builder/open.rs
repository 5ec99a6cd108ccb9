//! Opening the builder: a new plan, a copy, an own plan in place, or a session as it was run.

use std::path::PathBuf;

use chrono::NaiveTime;

use super::fields::{LINE_CHARS, NUMBER_CHARS, TITLE_CHARS};
use super::{Builder, PlanForm, RoundForm, Target, View};
use crate::catalog::parse::is_valid_id;
use crate::catalog::{Library, Plan, RoundLength};
use crate::input::LineInput;
use crate::tr;

impl<'a> Builder<'a> {
    /// A new plan, saved in `dir`.
    pub fn new_plan(library: &'a Library, dir: PathBuf, now: NaiveTime) -> Builder<'a> {
        let plan = Plan {
            id: unique_id(library, "mijn-werkvorm"),
            title: tr!("Mijn werkvorm", "My plan"),
            // Empty: the form shows an example in its place, and saving asks for one.
            description: String::new(),
            decks: Vec::new(),
            rounds: vec![RoundForm::new().round(1, &mut Vec::new())],
            guide: Box::default(),
            resolved_for: None,
        };
        Builder::open(library, plan, Target::New { dir }, now)
    }

    /// A copy of `plan` (bundled or own), saved as a new file in `dir`.
    pub fn copy_of(library: &'a Library, plan: &Plan, dir: PathBuf, now: NaiveTime) -> Builder<'a> {
        let mut copy = plan.clone();
        copy.id = unique_id(library, &format!("{}-eigen", plan.id));
        copy.title = tr!("{} (eigen versie)", "{} (own version)", plan.title);
        copy.resolved_for = None;
        Builder::open(library, copy, Target::New { dir }, now)
    }

    /// An own plan, edited in its file (`original` is the file's text).
    pub fn edit(
        library: &'a Library,
        plan: &Plan,
        path: PathBuf,
        original: String,
        now: NaiveTime,
    ) -> Builder<'a> {
        let mut builder = Builder::open(library, plan.clone(), Target::Own { path, original }, now);
        builder.origins = (0..plan.rounds.len()).map(Some).collect();
        builder
    }

    /// The plan of a session as it was actually run (inserted, skipped and resized rounds
    /// included), as a new own plan in `dir`.
    pub fn from_session(
        library: &'a Library,
        session: &crate::session::Session,
        dir: PathBuf,
        now: NaiveTime,
    ) -> Builder<'a> {
        let mut plan = session.plan.clone();
        plan.rounds = session
            .rounds
            .iter()
            .filter(|r| !r.skipped)
            .map(|r| {
                let mut round = r.round.clone();
                // A round that was given another length keeps that length, fixed.
                if let Some(given) = r.given_ms {
                    let minutes = given.div_ceil(60_000).max(1) as u32;
                    if round.length != RoundLength::Minutes(minutes) {
                        round.length = RoundLength::Minutes(minutes);
                        round.scale = None;
                    }
                }
                round
            })
            .collect();
        plan.id = unique_id(library, &format!("{}-zoals-gedaan", session.plan.id));
        plan.title = tr!("{} (zoals gedaan)", "{} (as run)", session.plan.title);
        plan.resolved_for = None;
        // Its totals for the group that took part, not the plan's nominal group.
        let people = session.plan.resolved_for.or_else(|| {
            let named = session.participants.len() as u32;
            (named > 0).then_some(named)
        });
        let mut builder = Builder::open(library, plan, Target::New { dir }, now);
        if let Some(people) = people {
            builder.plan.people = LineInput::new(&people.to_string(), NUMBER_CHARS);
        }
        builder
    }

    /// A new plan's id from its title as typed (`base-2` when that id is taken), while the
    /// user has not typed an id of their own.
    pub(super) fn id_from_title(&mut self) {
        if !self.id_follows_title {
            return;
        }
        let slug = crate::text::slug(self.plan.title.text(), 56);
        let id = unique_id(self.library, &slug);
        if self.plan.id.text() != id {
            self.plan.id = LineInput::new(&id, 64);
        }
    }

    fn open(library: &'a Library, plan: Plan, target: Target, now: NaiveTime) -> Builder<'a> {
        let size = plan.guide.group_size;
        let number = |n: Option<u32>| {
            LineInput::new(&n.map(|n| n.to_string()).unwrap_or_default(), NUMBER_CHARS)
        };
        let form = PlanForm {
            title: LineInput::new(&plan.title, TITLE_CHARS),
            id: LineInput::new(&plan.id, 64),
            description: LineInput::new(&plan.description, LINE_CHARS),
            group_min: number(size.map(|s| s.min)),
            group_max: number(size.map(|s| s.max)),
            people: number(Some(plan.nominal_group())),
            start: LineInput::new("", NUMBER_CHARS),
        };
        let id_follows_title = matches!(target, Target::New { .. });
        let mut builder = Builder {
            library,
            rounds: plan.rounds.iter().map(RoundForm::from_round).collect(),
            origins: vec![None; plan.rounds.len()],
            base: plan,
            plan: form,
            target,
            view: View::Rounds { selected: 0 },
            status: None,
            help: false,
            dirty: false,
            id_follows_title,
            saved: None,
            now,
        };
        builder.note_safety_cards();
        builder
    }
}

/// `base`, or `base-2`, `base-3`, … when a plan already has that id.
fn unique_id(library: &Library, base: &str) -> String {
    let mut base: String = base.chars().take(56).collect();
    if !is_valid_id(&base) {
        base = "mijn-werkvorm".into();
    }
    if library.plan(&base).is_none() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| library.plan(id).is_none())
        .unwrap_or(base)
}
