//! Scrolling the summary at the end of a session, when it is longer than the screen.

use super::App;
use super::mode_keys::{SUMMARY_PAGE, SummaryKey};
use crate::session::NoteKind;

impl App {
    /// A line or a page down or up, never past the top nor far past the end.
    pub(super) fn scroll_summary(&mut self, step: SummaryKey) {
        let scroll = self.summary_scroll.min(self.summary_scroll_limit());
        self.summary_scroll = match step {
            SummaryKey::Down => scroll.saturating_add(1),
            SummaryKey::Up => scroll.saturating_sub(1),
            SummaryKey::PageDown => scroll.saturating_add(SUMMARY_PAGE),
            SummaryKey::PageUp => scroll.saturating_sub(SUMMARY_PAGE),
            _ => scroll,
        }
        .min(self.summary_scroll_limit());
    }

    /// The shell drew the summary: on that screen it scrolls at most `end` lines. An input
    /// like the time, so ↓ at the end does nothing and ↑ works at once.
    pub fn summary_drawn(&mut self, end: u16) {
        self.summary_end = Some(end);
        self.summary_scroll = self.summary_scroll.min(end);
    }

    /// How far ↓ goes: as far as the last drawn screen allowed; before any frame, more than
    /// the summary's lines at any width it is drawn at in full (the table, and every other
    /// line wrapped three times); the view stops at the real end.
    fn summary_scroll_limit(&self) -> u16 {
        if let Some(end) = self.summary_end {
            return end;
        }
        let agreements = self
            .session
            .live_notes()
            .filter(|n| n.kind == NoteKind::Agreement)
            .count();
        let group = self.session.group.votes.len() + 3;
        let lines = self.session.rounds.len() + 1 + 3 * (agreements + group + 6);
        u16::try_from(lines).unwrap_or(u16::MAX)
    }
}
