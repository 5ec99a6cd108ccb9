//! Text the facilitator is typing but has not saved as a note yet: what the app keeps in
//! memory and the shell writes next to the session file (`storage::draft`).

use serde::{Deserialize, Serialize};

use crate::session::event::NoteKind;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: NoteKind,
    /// The id of the note being corrected, or `None` for a new note.
    pub editing: Option<u64>,
    pub text: String,
    pub owner: String,
    pub due: String,
    /// The team the note is written for (an index in the session's latest split). Absent
    /// in drafts written before notes had teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<usize>,
}

impl Draft {
    /// Nothing typed in the text (an agreement's owner or date alone is not a note).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}
