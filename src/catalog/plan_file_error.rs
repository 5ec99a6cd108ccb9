//! Why a plan file could not be written or read: what `storage::plan_file` answers and the
//! plan builder shows (`builder::Builder::saved`). Here, below both, so that neither has to
//! import the other.

use std::io;
use std::path::PathBuf;

use crate::tr;

/// Why a plan file could not be written or read; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    /// A new plan would replace a file that is there.
    #[error("{}", tr!(
        "{} bestaat al; kies een ander id",
        "{} already exists; choose another id",
        path.display()
    ))]
    Exists { path: PathBuf },
    #[error("{}", tr!(
        "{} kon niet worden bewaard: {source}",
        "{} could not be saved: {source}",
        path.display()
    ))]
    Save { path: PathBuf, source: io::Error },
    #[error("{}", tr!(
        "{} kon niet worden gelezen: {source}",
        "{} could not be read: {source}",
        path.display()
    ))]
    Read { path: PathBuf, source: io::Error },
}
