//! Opening a session file for replay. Reading never changes the file (no lock, no
//! setting aside): an incomplete last line is only noted.

use std::path::Path;

use super::Replay;
use crate::tr;

/// The replay of the session in `path`, or a sentence for the user that names the file.
pub fn open(path: &Path) -> Result<Replay, String> {
    let loaded = crate::session::load(path).map_err(|e| e.to_string())?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut replay = Replay::new(loaded.records, name).map_err(|e| {
        tr!(
            "{}: sessiebestand beschadigd: {e}",
            "{}: session file damaged: {e}",
            path.display()
        )
    })?;
    replay.torn_line = loaded.torn_tail.map(|torn| torn.line);
    Ok(replay)
}
