//! Browsing the decks: decks, then a deck's categories, then its cards; `/` searches card
//! titles and prompts (accents and capitals do not matter), `d` draws one to try.

use std::cell::OnceCell;

use crate::keys::KeyEvent;

use super::keymap::{CARD, CardKey, DECKS, DecksKey, SEARCH, SearchKey};

use super::{Home, Outcome, Screen, list_key};
use crate::catalog::Library;
use crate::history::search;
use crate::input::LineInput;

const MAX_QUERY_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Decks,
    Categories,
    Cards,
}

#[derive(Debug)]
pub struct Browser {
    pub level: Level,
    /// The selected deck (index into the library's decks).
    pub deck: usize,
    /// 0: all cards of the deck; n: its category n - 1.
    pub category: usize,
    /// The cards list covers every deck (a search started from the deck list).
    pub all_decks: bool,
    /// The selected card in the (filtered) cards list.
    pub card: usize,
    pub query: LineInput,
    /// The search box has the keyboard.
    pub searching: bool,
    /// A card shown large: (deck, card) indices.
    pub shown: Option<(usize, usize)>,
    /// The card on show was drawn at random (`d`), not chosen from the list.
    pub drawn: bool,
    /// Every card's title, prompt and hint folded for the search, made at the first search.
    folded: OnceCell<Vec<Vec<String>>>,
}

impl Default for Browser {
    fn default() -> Self {
        Browser {
            level: Level::Decks,
            deck: 0,
            category: 0,
            all_decks: false,
            card: 0,
            query: LineInput::new("", MAX_QUERY_CHARS),
            searching: false,
            shown: None,
            drawn: false,
            folded: OnceCell::new(),
        }
    }
}

impl Browser {
    /// The category id chosen, if one is.
    pub fn category_id<'l>(&self, library: &'l Library) -> Option<&'l str> {
        let deck = &library.decks.get(self.deck)?.item;
        let category = deck.categories.get(self.category.checked_sub(1)?)?;
        Some(&category.id)
    }

    /// The cards of the deck and category in scope, before the search: (deck, card) indices.
    pub fn scope(&self, library: &Library) -> Vec<(usize, usize)> {
        let category = self.category_id(library);
        library
            .decks
            .iter()
            .enumerate()
            .filter(|(d, _)| {
                if self.all_decks && self.level == Level::Cards {
                    true
                } else {
                    *d == self.deck
                }
            })
            .flat_map(|(d, entry)| {
                entry
                    .item
                    .cards
                    .iter()
                    .enumerate()
                    .filter(move |(_, card)| category.is_none_or(|c| card.category == c))
                    .map(move |(c, _)| (d, c))
            })
            .collect()
    }

    /// The cards listed: the scope, filtered by the search on title, prompt and hint.
    pub fn cards(&self, library: &Library) -> Vec<(usize, usize)> {
        let query = self.query.text();
        if query.trim().is_empty() {
            return self.scope(library);
        }
        let folded = self.folded.get_or_init(|| {
            library
                .decks
                .iter()
                .map(|e| {
                    e.item
                        .cards
                        .iter()
                        .map(|card| {
                            search::fold(&format!(
                                "{}\n{}\n{}",
                                card.title,
                                card.prompt,
                                card.hint.as_deref().unwrap_or_default()
                            ))
                        })
                        .collect()
                })
                .collect()
        });
        let words: Vec<String> = search::fold(query)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.scope(library)
            .into_iter()
            .filter(|&(d, c)| words.iter().all(|w| folded[d][c].contains(w.as_str())))
            .collect()
    }

    /// What `d` draws from here: the selected deck on the deck list, the selected category
    /// on the category list, the cards listed on the cards list.
    fn pool(&self, library: &Library) -> Vec<(usize, usize)> {
        match self.level {
            Level::Decks => library
                .decks
                .get(self.deck)
                .map(|e| (0..e.item.cards.len()).map(|c| (self.deck, c)).collect())
                .unwrap_or_default(),
            Level::Categories => self.scope(library),
            Level::Cards => self.cards(library),
        }
    }

    fn open_cards(&mut self, all_decks: bool, search: bool) {
        self.level = Level::Cards;
        self.all_decks = all_decks;
        if all_decks {
            self.category = 0;
        }
        self.card = 0;
        self.searching = search;
    }
}

impl Home<'_> {
    pub(super) fn browser_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let library = self.library;
        let Screen::Decks(browser) = &mut self.screen else {
            return None;
        };
        // A card shown large: another draw, or back to the list.
        if let Some(shown) = browser.shown {
            match CARD.action(key) {
                Some(CardKey::DrawAnother) => {
                    let pool = if browser.drawn {
                        browser.pool(library)
                    } else {
                        browser.cards(library)
                    };
                    let next = self.draw_from(&pool, Some(shown));
                    if let Screen::Decks(browser) = &mut self.screen {
                        browser.shown = next;
                        browser.drawn = true;
                    }
                }
                Some(CardKey::Close) | None => browser.shown = None,
            }
            return None;
        }
        if browser.searching {
            let count = browser.cards(library).len();
            match SEARCH.command(key, true) {
                Some(SearchKey::Clear) => {
                    browser.searching = false;
                    browser.query.clear();
                    browser.card = 0;
                }
                Some(SearchKey::Done) => browser.searching = false,
                None if list_key(&mut browser.card, count, key, false) => {}
                None => {
                    if browser.query.key(key) {
                        browser.card = 0;
                    }
                }
            }
            return None;
        }
        let action = DECKS.action(key);
        if action == Some(DecksKey::Draw) {
            let pool = browser.pool(library);
            let drawn = self.draw_from(&pool, None);
            if let Screen::Decks(browser) = &mut self.screen {
                browser.shown = drawn;
                browser.drawn = true;
            }
            return None;
        }
        let back = action == Some(DecksKey::Back);
        let forward = action == Some(DecksKey::Open);
        let search = action == Some(DecksKey::Search);
        match browser.level {
            Level::Decks => {
                if back {
                    self.screen = Screen::Menu;
                } else if forward && !library.decks.is_empty() {
                    browser.level = Level::Categories;
                    browser.category = 0;
                } else if search {
                    browser.open_cards(true, true);
                } else {
                    list_key(&mut browser.deck, library.decks.len(), key, true);
                }
            }
            Level::Categories => {
                let count = library
                    .decks
                    .get(browser.deck)
                    .map_or(0, |d| d.item.categories.len() + 1);
                if back {
                    browser.level = Level::Decks;
                } else if forward {
                    browser.open_cards(false, false);
                } else if search {
                    browser.open_cards(false, true);
                } else {
                    list_key(&mut browser.category, count, key, true);
                }
            }
            Level::Cards => {
                let cards = browser.cards(library);
                if back && !browser.query.is_empty() {
                    browser.query.clear();
                    browser.card = 0;
                } else if back {
                    browser.level = if browser.all_decks {
                        Level::Decks
                    } else {
                        Level::Categories
                    };
                    browser.all_decks = false;
                } else if forward {
                    browser.shown = cards.get(browser.card).copied();
                    browser.drawn = false;
                } else if search {
                    browser.searching = true;
                } else {
                    list_key(&mut browser.card, cards.len(), key, true);
                }
            }
        }
        None
    }
}
