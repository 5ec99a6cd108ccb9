//! Saving: the shell is asked to write the file when the plan has no problems, and tells
//! the builder how that went.

use std::path::PathBuf;

use super::{Builder, Outcome, Target};
use crate::app::Status;
use crate::catalog::PlanFileError;
use crate::tr;

impl Builder<'_> {
    /// The shell wrote the file (or could not: the status line says why, naming the file).
    pub fn saved(&mut self, result: Result<PathBuf, PlanFileError>) {
        match result {
            Ok(path) => {
                let text = self.toml();
                let (plan, _) = self.plan();
                self.origins = (0..self.rounds.len()).map(Some).collect();
                self.target = Target::Own {
                    path: path.clone(),
                    original: text,
                };
                self.base = plan.clone();
                self.dirty = false;
                // Saved under its name: a new title no longer renames the file.
                self.id_follows_title = false;
                self.saved = Some(plan.id.clone());
                self.status = Some(Status::Info(tr!(
                    "Bewaard in {}; `tafel plans` toont hem meteen",
                    "Saved in {}; `tafel plans` lists it at once",
                    path.display()
                )));
            }
            Err(error) => self.status = Some(Status::Error(error.to_string())),
        }
    }

    pub(super) fn save(&mut self) -> Option<Outcome> {
        let problems = self.problems();
        if let Some(first) = problems.first() {
            let more = problems.len() - 1;
            self.status = Some(Status::Error(if more == 0 {
                tr!("Nog niet bewaard: {first}", "Not saved yet: {first}")
            } else {
                tr!(
                    "Nog niet bewaard: {first} (en {more} meer)",
                    "Not saved yet: {first} (and {more} more)"
                )
            }));
            return None;
        }
        let text = self.toml();
        let (path, new_file) = match &self.target {
            Target::New { dir } => (
                dir.join(format!("{}.toml", self.plan.id.text().trim())),
                true,
            ),
            Target::Own { path, .. } => (path.clone(), false),
        };
        Some(Outcome::Save {
            path,
            text,
            new_file,
        })
    }
}
