//! The words the form shows for its choices, and where the plan will be saved.

use super::{Builder, LengthKind, RoundForm, Sort, Target};
use crate::catalog::library::Origin;
use crate::catalog::{Library, VoteSource, form_label};
use crate::tr;

/// Words for a choice in the form: the deck, category, form of work, length kind.
pub fn deck_label(library: &Library, deck: &Option<Option<String>>) -> String {
    match deck {
        None => tr!("geen kaarten", "no cards"),
        Some(None) => tr!("de stapel van de sessie", "the session's deck"),
        Some(Some(id)) => library
            .deck(id)
            .map_or_else(|| id.clone(), |d| d.title.clone()),
    }
}

pub fn category_label(library: &Library, round: &RoundForm, plan_decks: &[String]) -> String {
    let Some(category) = &round.category else {
        return tr!("hele stapel", "whole deck");
    };
    round
        .deck
        .clone()
        .flatten()
        .or_else(|| plan_decks.first().cloned())
        .and_then(|id| library.deck(&id))
        .and_then(|d| d.category(category))
        .map_or_else(|| category.clone(), |c| c.title.clone())
}

pub fn form_choice_label(form: &Option<String>) -> String {
    match form {
        None => tr!("elke kaart", "any card"),
        Some(form) => form_label(form),
    }
}

pub fn kind_label(kind: LengthKind) -> String {
    match kind {
        LengthKind::Minutes => tr!("vaste minuten", "fixed minutes"),
        LengthKind::PerPerson => tr!("per persoon", "per person"),
        LengthKind::PerTeam => tr!(
            "per team (van de teamronde)",
            "per team (of the teams round)"
        ),
        LengthKind::Until => tr!("tot een kloktijd", "until a clock time"),
    }
}

pub fn sort_label(sort: Sort) -> String {
    match sort {
        Sort::Talk => tr!(
            "gesprek (kaarten, beurten, rollen)",
            "talk (cards, turns, roles)"
        ),
        Sort::Styles => tr!("voorkeurstijlen vastleggen", "record preference styles"),
        Sort::Teams => tr!("teams maken", "make teams"),
        Sort::Vote => tr!("stemming", "vote"),
    }
}

/// What the teams number means: people per team, or the number of teams.
pub fn team_by_label(count: bool) -> String {
    if count {
        tr!("aantal teams", "number of teams")
    } else {
        tr!("mensen per team", "people per team")
    }
}

/// Where a vote's options come from when none are typed: the notes (the default), the cards
/// discussed, or both.
pub const VOTE_SOURCES: [&[VoteSource]; 3] = [
    &[],
    &[VoteSource::Cards],
    &[VoteSource::Notes, VoteSource::Cards],
];

pub fn vote_from_label(from: &[VoteSource]) -> String {
    let notes = from.is_empty() || from.contains(&VoteSource::Notes);
    match (notes, from.contains(&VoteSource::Cards)) {
        (true, false) => tr!(
            "de notities (thema's en losse notities)",
            "the notes (themes and loose notes)"
        ),
        (false, _) => tr!("de besproken kaarten", "the cards discussed"),
        (true, true) => tr!(
            "de notities en de besproken kaarten",
            "the notes and the cards discussed"
        ),
    }
}

/// What the vote's budget is: dots or points per person.
pub fn vote_by_label(points: bool) -> String {
    if points {
        tr!("punten per persoon", "points per person")
    } else {
        tr!("stippen per persoon", "dots per person")
    }
}

impl Builder<'_> {
    /// Where the plan will be saved, for the header.
    pub fn target_label(&self) -> String {
        match &self.target {
            Target::New { dir } => tr!("nieuw bestand in {}", "new file in {}", dir.display()),
            Target::Own { path, .. } => path.display().to_string(),
        }
    }
}

/// Whether an entry of the library is a file the user may edit in place.
pub fn is_own(origin: &Origin) -> bool {
    matches!(origin, Origin::File(_))
}
