//! Looking back: the past sessions, newest first, with a search box; Enter replays, `e`
//! exports, `r` resumes an interrupted one.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::input::LineInput;
use super::{Home, Outcome, Screen, Sessions, list_key};
use crate::app::Status;
use crate::history::listing::Hit;
use crate::tr;

const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug)]
pub struct LookBack {
    pub selected: usize,
    pub query: LineInput,
    /// The search box has the keyboard.
    pub searching: bool,
}

impl Default for LookBack {
    fn default() -> Self {
        LookBack {
            selected: 0,
            query: LineInput::new("", MAX_QUERY_CHARS),
            searching: false,
        }
    }
}

/// The sessions the shell found for the search text as it is (it looks again, through the
/// index, each time the text changes: see [`Home::look_back_search`]).
pub(super) fn visible(sessions: &Sessions) -> &[Hit] {
    match sessions {
        Sessions::Loaded(listing) => &listing.sessions,
        _ => &[],
    }
}

impl Home<'_> {
    pub(super) fn look_back_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let Screen::LookBack(look) = &mut self.screen else {
            return None;
        };
        let rows = visible(&self.sessions);
        let count = rows.len();
        let chosen = rows
            .get(look.selected)
            .map(|hit| (hit.path.clone(), hit.summary.ended, hit.archive));
        if look.searching {
            match key.code {
                KeyCode::Esc => {
                    look.searching = false;
                    look.query.clear();
                }
                KeyCode::Enter | KeyCode::Tab => look.searching = false,
                _ if list_key(&mut look.selected, count, key, false) => {}
                _ => {
                    if look.query.key(key) {
                        look.selected = 0;
                    }
                }
            }
            return None;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Left | KeyCode::Char('h') => {
                if look.query.is_empty() {
                    self.screen = Screen::Menu;
                } else {
                    look.query.clear();
                }
                None
            }
            KeyCode::Char('/') => {
                look.searching = true;
                None
            }
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                chosen.map(|(path, _, _)| Outcome::Replay(path))
            }
            KeyCode::Char('e') => chosen.map(|(path, _, _)| Outcome::Export(path)),
            KeyCode::Char('r') => match chosen {
                Some((path, false, false)) => Some(Outcome::Resume(path)),
                Some((_, false, true)) => {
                    self.status = Some(Status::Error(tr!(
                        "Deze sessie staat in een archief (alleen-lezen); verder kan alleen in je eigen sessies",
                        "This session is in an archive (read-only); only your own sessions can continue"
                    )));
                    None
                }
                Some((_, true, _)) => {
                    self.status = Some(Status::Error(tr!(
                        "Deze sessie is afgerond; alleen een onderbroken sessie kan verder",
                        "This session has finished; only an interrupted session can continue"
                    )));
                    None
                }
                None => None,
            },
            _ => {
                list_key(&mut look.selected, count, key, true);
                None
            }
        }
    }
}
