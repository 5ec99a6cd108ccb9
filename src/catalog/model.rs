//! The validated deck and plan model: what the rest of `tafel` works with.
//! Parsing and validation live in `parse.rs`; these types are always valid.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub language: String,
    pub source: Option<String>,
    pub license: Option<String>,
    pub categories: Vec<Category>,
    pub cards: Vec<Card>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub category: String,
    pub title: String,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Deck {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Decks the plan draws from; empty means "works with any deck".
    pub decks: Vec<String>,
    pub rounds: Vec<Round>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub title: String,
    pub length: RoundLength,
    pub instruction: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<DrawSpec>,
    #[serde(default)]
    pub turns: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundLength {
    Minutes(u32),
    /// Runs until a wall-clock time of the day ("tot 14:30").
    Until(NaiveTime),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawSpec {
    /// `None`: the session's deck (the plan's first deck, or the one chosen at start).
    pub deck: Option<String>,
    pub category: Option<String>,
    pub count: u32,
}

impl Plan {
    /// Minutes of the rounds with a fixed length; rounds that run until a clock time
    /// are counted by `until_rounds`.
    pub fn total_minutes(&self) -> u32 {
        self.rounds
            .iter()
            .map(|r| match r.length {
                RoundLength::Minutes(m) => m,
                RoundLength::Until(_) => 0,
            })
            .sum()
    }

    pub fn until_rounds(&self) -> usize {
        self.rounds
            .iter()
            .filter(|r| matches!(r.length, RoundLength::Until(_)))
            .count()
    }
}
