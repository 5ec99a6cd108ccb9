//! The export form remembers, for the whole run of tafel, where the last export went: after
//! an export in one session, the form of the next session (or the home screen) starts there.
//! Its own test binary: the memory is one per process.

#[path = "common/journal_fixture.rs"]
mod fixture;

use tafel::app::export::{Existing, ExportRequest, Exported};

#[test]
fn the_next_export_form_of_this_run_starts_where_the_last_export_went() {
    let sessions = tempfile::tempdir().unwrap();
    let (journal, _) = fixture::journal_with_notes(sessions.path(), 2);
    let before = tafel::commands::export::form_folder();
    let out = tempfile::tempdir().unwrap();
    assert_ne!(before, out.path().display().to_string());
    let request = ExportRequest {
        format: "md",
        facilitator: false,
        folder: out.path().to_path_buf(),
        existing: Existing::Ask,
    };
    let written = tafel::commands::export::export_request(&journal, &request);
    assert!(matches!(written, Exported::Written(_)), "{written:?}");
    assert_eq!(
        tafel::commands::export::form_folder(),
        out.path().display().to_string()
    );
    // A failed export does not move it.
    let missing = ExportRequest {
        folder: out.path().join("bestaat-niet"),
        ..request
    };
    let failed = tafel::commands::export::export_request(&journal, &missing);
    assert!(matches!(failed, Exported::Failed(_)), "{failed:?}");
    assert_eq!(
        tafel::commands::export::form_folder(),
        out.path().display().to_string()
    );
}
