//! Looking back: the past sessions, newest first, with a search box; Enter replays, `e`
//! exports, `r` resumes an interrupted one.

use crate::keys::KeyEvent;

use super::keymap::{
    CONFIRM, ConfirmKey, LOOK_BACK, LookBackKey, RENAME, RenameKey, SEARCH, SearchKey,
};

use super::{Home, Outcome, Screen, Sessions, list_key};
use crate::app::Status;
use crate::app::export::{ExportForm, ExportStep};
use crate::history::listing::Hit;
use crate::input::LineInput;
use crate::tr;

const MAX_QUERY_CHARS: usize = 100;
const MAX_TITLE_CHARS: usize = crate::session::state::MAX_TITLE_CHARS;

#[derive(Debug)]
pub struct LookBack {
    pub selected: usize,
    /// How many rows are asked for: a page at first, more as the selection nears the end
    /// (an archive of 50,000 is not loaded whole to show twenty).
    pub limit: usize,
    pub query: LineInput,
    /// The search box has the keyboard.
    pub searching: bool,
    /// Exporting this session: the form over the list (`e`).
    pub export: Option<(std::path::PathBuf, ExportForm)>,
    /// Giving this session a new title (`n`): the field over the list.
    pub rename: Option<(std::path::PathBuf, LineInput)>,
    /// Asked: move this session to the trash (`d`)?
    pub confirm_delete: Option<std::path::PathBuf>,
}

impl Default for LookBack {
    fn default() -> Self {
        LookBack {
            selected: 0,
            limit: PAGE,
            query: LineInput::new("", MAX_QUERY_CHARS),
            searching: false,
            export: None,
            rename: None,
            confirm_delete: None,
        }
    }
}

/// The sessions the shell found for the search text as it is (it looks again, through the
/// index, each time the text changes: see [`Home::look_back_search`]).
/// The rows asked for at first, and how many more each time the end comes near.
pub const PAGE: usize = 500;

/// Whether the selection is near the end of the rows loaded while more may exist.
pub(super) fn wants_more(look: &LookBack, loaded: usize) -> bool {
    loaded >= look.limit && look.selected + PAGE / 10 >= loaded
}

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
        if let Some((session, form)) = &mut look.export {
            return match form.key(key) {
                ExportStep::Stay => None,
                ExportStep::Cancel => {
                    look.export = None;
                    None
                }
                ExportStep::Write(request) => Some(Outcome::Export {
                    session: session.clone(),
                    request,
                }),
            };
        }
        if let Some((session, field)) = &mut look.rename {
            match RENAME.command(key, true) {
                Some(RenameKey::Back) => look.rename = None,
                Some(RenameKey::Save) if field.text().trim().is_empty() => {
                    self.status = Some(Status::Error(tr!(
                        "Een titel mag niet leeg zijn",
                        "A title cannot be empty"
                    )));
                }
                Some(RenameKey::Save) => {
                    return Some(Outcome::Rename {
                        session: session.clone(),
                        title: field.text().trim().to_string(),
                    });
                }
                None => {
                    field.key(key);
                }
            }
            return None;
        }
        if let Some(session) = look.confirm_delete.take() {
            return match CONFIRM.action(key) {
                Some(ConfirmKey::Yes) => Some(Outcome::Trash(session)),
                Some(ConfirmKey::No) | None => None,
            };
        }
        let rows = visible(&self.sessions);
        let count = rows.len();
        let title = rows.get(look.selected).map(|hit| hit.summary.title.clone());
        let running = rows.get(look.selected).is_some_and(|hit| hit.running);
        let chosen = rows
            .get(look.selected)
            .map(|hit| (hit.path.clone(), hit.summary.ended, hit.archive));
        if look.searching {
            match SEARCH.command(key, true) {
                Some(SearchKey::Clear) => {
                    look.searching = false;
                    look.query.clear();
                }
                Some(SearchKey::Done) => look.searching = false,
                None if list_key(&mut look.selected, count, key, false) => {}
                None => {
                    if look.query.key(key) {
                        look.selected = 0;
                    }
                }
            }
            return None;
        }
        let Some(action) = LOOK_BACK.action(key) else {
            list_key(&mut look.selected, count, key, true);
            return None;
        };
        match action {
            LookBackKey::Back => {
                if look.query.is_empty() {
                    self.screen = Screen::Menu;
                } else {
                    look.query.clear();
                }
                None
            }
            LookBackKey::Search => {
                look.searching = true;
                None
            }
            LookBackKey::Replay => chosen.map(|(path, _, _)| Outcome::Replay(path)),
            LookBackKey::Export => {
                if let Some((path, _, _)) = chosen {
                    look.export = Some((path, ExportForm::new(&self.export_folder)));
                }
                None
            }
            LookBackKey::Rename | LookBackKey::Delete
                if chosen.as_ref().is_some_and(|(_, _, archive)| *archive) =>
            {
                self.status = Some(Status::Error(tr!(
                    "Deze sessie staat in een archief (alleen-lezen); alleen je eigen sessies kun je hernoemen of weggooien",
                    "This session is in an archive (read-only); only your own sessions can be renamed or deleted"
                )));
                None
            }
            LookBackKey::Rename => {
                if let (Some((path, _, _)), Some(title)) = (chosen, title) {
                    look.rename = Some((path, LineInput::new(&title, MAX_TITLE_CHARS)));
                }
                None
            }
            LookBackKey::Delete => {
                look.confirm_delete = chosen.map(|(path, _, _)| path);
                None
            }
            LookBackKey::Resume => match chosen {
                Some((_, false, _)) if running => {
                    self.status = Some(Status::Error(tr!(
                        "Deze sessie loopt nu in een andere tafel; ga daar verder, of sluit die eerst",
                        "This session is running now in another tafel; continue there, or close that one first"
                    )));
                    None
                }
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
        }
    }
}
