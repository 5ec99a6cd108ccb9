//! What can go wrong with the session index beyond what is handled quietly (a damaged index
//! is rebuilt, one that cannot be stored is kept in memory).

use std::path::{Path, PathBuf};

use crate::tr;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Not even an index in memory could be made.
    #[error("{}", cannot_make(.0))]
    Create(#[source] rusqlite::Error),
    /// The index of `dir` failed again after it was started anew.
    #[error("{}", unusable(.dir, .source))]
    Unusable {
        dir: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

fn cannot_make(err: &rusqlite::Error) -> String {
    tr!("index niet te maken: {err}", "cannot make an index: {err}")
}

fn unusable(dir: &Path, err: &rusqlite::Error) -> String {
    tr!(
        "de index van {} is niet te gebruiken: {err}",
        "the index of {} cannot be used: {err}",
        dir.display()
    )
}
