//! The unsaved texts of a session: at most one new note and one correction per note, each
//! kept until it is saved as a note. Keeping them side by side means that starting a
//! correction never overwrites a new note that was put aside, and the other way round.

use crate::session::draft::Draft;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drafts {
    /// Oldest change first.
    list: Vec<Draft>,
}

impl Drafts {
    pub fn from_list(list: Vec<Draft>) -> Drafts {
        let mut drafts = Drafts::default();
        for draft in list {
            drafts.put(draft);
        }
        drafts
    }

    /// The draft for a new note (`None`) or for the correction of a note.
    pub fn get(&self, editing: Option<u64>) -> Option<&Draft> {
        self.list.iter().find(|d| d.editing == editing)
    }

    /// Keeps `draft` in place of the earlier one for the same note, as the newest change.
    /// A blank draft replaces nothing: it removes the earlier one.
    pub fn put(&mut self, draft: Draft) {
        self.remove(draft.editing);
        if !draft.is_blank() {
            self.list.push(draft);
        }
    }

    pub fn remove(&mut self, editing: Option<u64>) {
        self.list.retain(|d| d.editing != editing);
    }

    pub fn list(&self) -> &[Draft] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The most recently changed draft.
    pub fn newest(&self) -> Option<&Draft> {
        self.list.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::NoteKind;

    fn draft(editing: Option<u64>, text: &str) -> Draft {
        Draft {
            kind: NoteKind::Note,
            editing,
            text: text.into(),
            owner: String::new(),
            due: String::new(),
            team: None,
        }
    }

    #[test]
    fn a_correction_and_a_new_note_are_kept_side_by_side() {
        let mut drafts = Drafts::default();
        drafts.put(draft(None, "CONCEPT A"));
        drafts.put(draft(Some(1), "eerste x"));
        assert_eq!(drafts.get(None).unwrap().text, "CONCEPT A");
        assert_eq!(drafts.get(Some(1)).unwrap().text, "eerste x");
        drafts.put(draft(None, "CONCEPT AB"));
        assert_eq!(drafts.list().len(), 2);
        assert_eq!(drafts.newest().unwrap().text, "CONCEPT AB");
        drafts.remove(Some(1));
        assert_eq!(drafts.list(), [draft(None, "CONCEPT AB")]);
        drafts.put(draft(None, "  \n"));
        assert!(drafts.is_empty());
    }
}
