//! All decks and plans known to this run: the bundled ones, then the user's decks directory,
//! then extra directories. A later one with the same id replaces an earlier one.
//! Broken files never stop `tafel`: they are reported as problems and skipped.

use std::fmt;
use std::path::{Path, PathBuf};

use super::bundled;
use super::model::{Deck, Plan};
use super::parse::{self, Parsed, PlanRefs};
use super::problem::Problem;
use super::styles::StyleSet;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str(&tr!("ingebouwd", "bundled")),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entry<T> {
    pub item: T,
    pub origin: Origin,
    /// The origin of the entry with the same id that this one replaced.
    pub replaced: Option<Origin>,
}

#[derive(Debug, Default)]
pub struct Library {
    pub decks: Vec<Entry<Deck>>,
    pub plans: Vec<Entry<Plan>>,
    /// Preference styles with their questionnaire (see `catalog::styles`).
    pub styles: Vec<Entry<StyleSet>>,
    /// Files that could not be used, with why.
    pub problems: Vec<Problem>,
}

/// A file read from disk or the binary, before cross-checks.
pub struct Source {
    pub name: String,
    pub text: String,
    pub origin: Origin,
}

impl Library {
    /// Bundled files, then every `*.toml` under each directory in order.
    pub fn load(dirs: &[PathBuf]) -> Library {
        let (sources, mut problems) = all_sources(dirs);
        let mut library = Library::from_sources(sources);
        problems.append(&mut library.problems);
        library.problems = problems;
        library
    }

    /// Parses every source, lets later ids replace earlier ones, then checks plans against
    /// the decks that remain.
    pub fn from_sources(sources: Vec<Source>) -> Library {
        let mut library = Library::default();
        let mut plans: Vec<(Entry<Plan>, PlanRefs, usize)> = Vec::new();
        for (index, source) in sources.iter().enumerate() {
            match parse::parse(&source.name, &source.text) {
                Err(mut problems) => library.problems.append(&mut problems),
                Ok(Parsed::Deck(deck)) => {
                    insert(&mut library.decks, deck, source.origin.clone(), |d| &d.id)
                }
                Ok(Parsed::Styles(set)) => {
                    insert(&mut library.styles, set, source.origin.clone(), |s| &s.id)
                }
                Ok(Parsed::Plan(plan, refs)) => {
                    let entry = Entry {
                        item: plan,
                        origin: source.origin.clone(),
                        replaced: None,
                    };
                    match plans
                        .iter()
                        .position(|(p, _, _)| p.item.id == entry.item.id)
                    {
                        Some(i) => {
                            let old = std::mem::replace(&mut plans[i], (entry, refs, index));
                            plans[i].0.replaced = Some(old.0.origin);
                        }
                        None => plans.push((entry, refs, index)),
                    }
                }
            }
        }
        let deck_ids = library.deck_ids();
        for (entry, refs, index) in plans {
            let source = &sources[index];
            let problems = parse::check_plan_refs(
                &source.name,
                &source.text,
                &entry.item,
                &refs,
                &|id| library.deck(id),
                &deck_ids,
            );
            if problems.is_empty() {
                library.plans.push(entry);
            } else {
                library.problems.extend(problems);
            }
        }
        library
    }

    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().map(|e| &e.item).find(|d| d.id == id)
    }

    pub fn style_set(&self, id: &str) -> Option<&StyleSet> {
        self.styles
            .iter()
            .find(|e| e.item.id == id)
            .map(|e| &e.item)
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().map(|e| &e.item).find(|p| p.id == id)
    }

    pub fn deck_ids(&self) -> Vec<String> {
        self.decks.iter().map(|e| e.item.id.clone()).collect()
    }
}

/// The bundled files, then every `*.toml` under each directory in order, read but not parsed;
/// and the files that could not be read.
pub fn all_sources(dirs: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources: Vec<Source> = bundled::FILES
        .iter()
        .map(|(name, text)| Source {
            name: (*name).to_string(),
            text: (*text).to_string(),
            origin: Origin::Bundled,
        })
        .collect();
    let mut problems = Vec::new();
    for dir in dirs {
        read_dir_sources(dir, &mut sources, &mut problems);
    }
    (sources, problems)
}

fn insert<T>(list: &mut Vec<Entry<T>>, item: T, origin: Origin, id: impl Fn(&T) -> &String) {
    match list.iter().position(|e| id(&e.item) == id(&item)) {
        Some(i) => {
            let old = std::mem::replace(
                &mut list[i],
                Entry {
                    item,
                    origin,
                    replaced: None,
                },
            );
            list[i].replaced = Some(old.origin);
        }
        None => list.push(Entry {
            item,
            origin,
            replaced: None,
        }),
    }
}

/// Reads the `*.toml` files of a directory and its subdirectories (one level), sorted by
/// path so the result does not depend on the file system's order.
pub fn read_dir_sources(dir: &Path, sources: &mut Vec<Source>, problems: &mut Vec<Problem>) {
    let mut files = Vec::new();
    collect_toml_files(dir, 1, &mut files);
    files.sort();
    for path in files {
        match read_source(&path) {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
}

fn collect_toml_files(dir: &Path, depth: u32, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return; // A missing user decks directory is normal.
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth > 0 {
            collect_toml_files(&path, depth - 1, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            // Not only regular files: a FIFO or device called `*.toml` is reported, not read.
            files.push(path);
        }
    }
}

pub fn read_source(path: &Path) -> Result<Source, Problem> {
    let name = path.display().to_string();
    let failed = |message: String| Problem {
        file: name.clone(),
        line: 1,
        column: 1,
        message,
    };
    let bytes = crate::files::read_regular(path, crate::files::MAX_DECK_BYTES)
        .map_err(|e| failed(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        failed(tr!(
            "geen geldige UTF-8-tekst (bij byte {offset})",
            "not valid UTF-8 text (at byte {offset})"
        ))
    })?;
    Ok(Source {
        name,
        text,
        origin: Origin::File(path.to_path_buf()),
    })
}
