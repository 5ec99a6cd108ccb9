//! Past sessions, from the user's own sessions directory and any read-only archives (a team's
//! shared folder), through their indexes: newest first or best match first, with the
//! unreadable journals named and why.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::error::IndexError;
use super::index::{Found, Index, Opened, Query, is_corrupt};
use super::summary::{OpenAgreement, Summary, SummaryError};
use crate::session::event::ReviewOutcome;
use crate::tr;

/// A directory of session journals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub dir: PathBuf,
    /// Someone else's sessions, shared with the user: listed and read, never written to.
    pub archive: bool,
}

impl Source {
    pub fn own(dir: &Path) -> Source {
        Source {
            dir: dir.to_path_buf(),
            archive: false,
        }
    }

    pub fn archive(dir: &Path) -> Source {
        Source {
            dir: dir.to_path_buf(),
            archive: true,
        }
    }
}

/// A session found (`Found::archive` says whether in an archive).
pub type Hit = Found;

#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Hit>,
    pub unreadable: Vec<(PathBuf, String)>,
    /// Readable sessions in all directories, found or not.
    pub total: usize,
    /// Short remarks for the user (an index that was rebuilt).
    pub notes: Vec<String>,
}

/// Show how far a (re)build of an index is, on standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Quiet,
    /// Only when standard error is a terminal, and only for a long job.
    OnTerminal,
}

struct Part {
    source: Source,
    index: Index,
    odd_names: Vec<PathBuf>,
}

/// The indexes of all session directories, brought up to date when opened.
pub struct History {
    parts: Vec<Part>,
    cache: Option<PathBuf>,
    pub notes: Vec<String>,
}

impl History {
    /// Opens (and updates) the index of every source, kept in `cache`. Problems with the index
    /// are handled here (rebuilt, or kept in memory); only an index that cannot be made at
    /// all is an error.
    pub fn open(
        sources: &[Source],
        cache: Option<&Path>,
        progress: Progress,
    ) -> Result<History, IndexError> {
        let mut history = History {
            parts: Vec::new(),
            cache: cache.map(Path::to_path_buf),
            notes: Vec::new(),
        };
        for source in sources {
            if history.parts.iter().any(|p| p.source.dir == source.dir) {
                continue;
            }
            let (index, opened) = Index::open(&source.dir, cache)?;
            if opened == Opened::Rebuilt {
                history.notes.push(rebuilt_note(&source.dir));
            }
            history.parts.push(Part {
                source: source.clone(),
                index,
                odd_names: Vec::new(),
            });
            let i = history.parts.len() - 1;
            history.sync(i, progress)?;
        }
        Ok(history)
    }

    fn sync(&mut self, i: usize, progress: Progress) -> Result<(), IndexError> {
        let mut shown = ProgressLine::new(progress, &self.parts[i].source.dir);
        let result = self.parts[i]
            .index
            .sync(&mut |done, total| shown.update(done, total));
        shown.finish();
        let odd_names = match result {
            Ok(synced) => synced.odd_names,
            Err(err) => {
                // Damaged (or unusable) on the way: start anew, once.
                self.rebuild(i, &err)?;
                let mut shown = ProgressLine::new(progress, &self.parts[i].source.dir);
                let result = self.parts[i]
                    .index
                    .sync(&mut |done, total| shown.update(done, total));
                shown.finish();
                result
                    .map_err(|e| index_error(&self.parts[i].source.dir, e))?
                    .odd_names
            }
        };
        self.parts[i].odd_names = odd_names;
        Ok(())
    }

    /// After `err`: a damaged index file is started anew; any other problem (a full disk,
    /// a lock held too long) leaves the file alone and keeps this run's index in memory.
    fn rebuild(&mut self, i: usize, err: &rusqlite::Error) -> Result<(), IndexError> {
        let dir = self.parts[i].source.dir.clone();
        let (index, opened) = match &self.parts[i].index.file {
            Some(file) if is_corrupt(err) => Index::rebuild(&dir, file)?,
            _ => Index::open(&dir, None)?,
        };
        if opened == Opened::Rebuilt && !self.notes.iter().any(|n| n == &rebuilt_note(&dir)) {
            self.notes.push(rebuilt_note(&dir));
        }
        self.parts[i].index = index;
        Ok(())
    }

    /// Runs `read` on every index; an index found damaged is rebuilt and read again.
    fn each<T>(
        &mut self,
        read: impl Fn(&Index) -> rusqlite::Result<T>,
    ) -> Result<Vec<(usize, T)>, IndexError> {
        let mut out = Vec::with_capacity(self.parts.len());
        for i in 0..self.parts.len() {
            let value = match read(&self.parts[i].index) {
                Ok(value) => value,
                Err(err) => {
                    self.rebuild(i, &err)?;
                    self.sync(i, Progress::Quiet)?;
                    read(&self.parts[i].index)
                        .map_err(|e| index_error(&self.parts[i].source.dir, e))?
                }
            };
            out.push((i, value));
        }
        Ok(out)
    }

    /// The sessions a query finds in all directories: newest first, or best match first
    /// for a search. Unreadable journals and the total come along.
    pub fn query(&mut self, query: &Query) -> Result<Listing, IndexError> {
        let found = self.each(|index| index.query(query))?;
        let mut sessions: Vec<Hit> = Vec::new();
        for (i, hits) in found {
            let archive = self.parts[i].source.archive;
            add(&mut sessions, hits, archive);
        }
        if self.parts.len() > 1 {
            if query
                .search
                .as_deref()
                .and_then(super::index::match_expression)
                .is_some()
            {
                sessions.sort_by(|a, b| {
                    a.rank
                        .total_cmp(&b.rank)
                        .then_with(|| newest_first(&a.summary, &b.summary))
                });
            } else {
                sessions.sort_by(|a, b| newest_first(&a.summary, &b.summary));
            }
            if let Some(limit) = query.limit {
                sessions.truncate(limit);
            }
        }
        let total = self.each(Index::count)?.into_iter().map(|(_, n)| n).sum();
        let unreadable = self.unreadable()?;
        Ok(Listing {
            sessions,
            unreadable,
            total,
            notes: self.notes.clone(),
        })
    }

    /// How many sessions a search finds in all directories.
    pub fn count_matching(&mut self, search: Option<&str>) -> Result<usize, IndexError> {
        Ok(self
            .each(|index| index.count_matching(search))?
            .into_iter()
            .map(|(_, n)| n)
            .sum())
    }

    pub fn unreadable(&mut self) -> Result<Vec<(PathBuf, String)>, IndexError> {
        let mut all = Vec::new();
        for (i, found) in self.each(Index::unreadable)? {
            all.extend(found);
            all.extend(
                self.parts[i]
                    .odd_names
                    .iter()
                    .map(|p| (p.clone(), tr!("naam is geen UTF-8", "name is not UTF-8"))),
            );
        }
        Ok(all)
    }

    /// The summary of one journal, or why it cannot be read; `None` when no index knows it.
    pub fn summary_of(
        &mut self,
        path: &Path,
    ) -> Result<Option<Result<Summary, SummaryError>>, IndexError> {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return Ok(None);
        };
        let dir = path.parent().map(canonical);
        let found = self.each(|index| {
            if dir.as_deref() == Some(canonical(index.dir()).as_path()) {
                index.entry(name)
            } else {
                Ok(None)
            }
        })?;
        Ok(found.into_iter().find_map(|(_, entry)| entry))
    }

    /// Every agreement not yet marked done or dropped in a later follow-up meeting, newest
    /// session first. The latest review of an agreement counts.
    pub fn open_agreements(&mut self) -> Result<Vec<(Hit, OpenAgreement)>, IndexError> {
        let mut sessions: Vec<Hit> = Vec::new();
        for (i, found) in self.each(Index::with_agreements)? {
            let archive = self.parts[i].source.archive;
            add(&mut sessions, found, archive);
        }
        sessions.sort_by(|a, b| newest_first(&a.summary, &b.summary));
        Ok(open_agreements(sessions))
    }

    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.parts.iter().map(|p| &p.source)
    }

    pub fn cache(&self) -> Option<&Path> {
        self.cache.as_deref()
    }
}

/// The hits of one source, marked as from an archive or not, after the others.
fn add(sessions: &mut Vec<Hit>, mut hits: Vec<Found>, archive: bool) {
    for hit in &mut hits {
        hit.archive = archive;
    }
    if sessions.is_empty() {
        // Not copied: a long listing is not held twice.
        *sessions = hits;
    } else {
        sessions.extend(hits);
    }
}

fn newest_first(a: &Summary, b: &Summary) -> std::cmp::Ordering {
    b.started.cmp(&a.started).then_with(|| b.id.cmp(&a.id))
}

fn canonical(dir: &Path) -> PathBuf {
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

fn rebuilt_note(dir: &Path) -> String {
    tr!(
        "opmerking: de index van {} was beschadigd en is opnieuw opgebouwd",
        "note: the index of {} was damaged and has been rebuilt",
        dir.display()
    )
}

fn index_error(dir: &Path, err: rusqlite::Error) -> IndexError {
    IndexError::Unusable {
        dir: dir.to_path_buf(),
        source: err,
    }
}

/// Marks the sessions among `hits` that a tafel has open right now ("loopt nu"), so they
/// are not offered as interrupted. Live, never cached: only the not-ended rows are asked,
/// each with a shared lock tried and let go at once (see `storage::held`). Call it for the
/// rows about to be shown, not for every session the index knows.
pub fn mark_running(hits: &mut [Hit]) {
    let open: Vec<usize> = (0..hits.len())
        .filter(|&i| !hits[i].summary.ended)
        .collect();
    // Thousands of them in a full listing of a big archive: spread over the cores.
    let running = super::scan::on_every_core(&open, |&i| {
        crate::storage::held::locked_elsewhere(&hits[i].path)
    });
    for (i, running) in open.into_iter().zip(running) {
        hits[i].running = running;
    }
}

/// Every session in `dir` (the user's own), newest first, in full.
pub fn list(dir: &Path) -> Result<Listing, IndexError> {
    History::open(
        &[Source::own(dir)],
        crate::paths::cache_dir().as_deref(),
        Progress::Quiet,
    )?
    .query(&Query {
        details: true,
        ..Query::default()
    })
}

/// Every agreement not yet marked done or dropped in a later follow-up meeting, of the
/// `sessions` given newest first. The latest review of an agreement counts.
pub fn open_agreements(sessions: Vec<Hit>) -> Vec<(Hit, OpenAgreement)> {
    // Oldest first, so a later review overwrites an earlier one.
    let mut latest: HashMap<(String, u64), ReviewOutcome> = HashMap::new();
    for hit in sessions.iter().rev() {
        for review in &hit.summary.reviews {
            latest.insert((review.session.clone(), review.note), review.outcome);
        }
    }
    let mut open = Vec::new();
    for hit in sessions {
        for agreement in &hit.summary.open_agreements {
            let closed = matches!(
                latest.get(&(hit.summary.id.clone(), agreement.note)),
                Some(ReviewOutcome::Done | ReviewOutcome::Dropped)
            );
            if !closed {
                open.push((hit.clone(), agreement.clone()));
            }
        }
    }
    open
}

/// "Index bijwerken: 1500 van 50000" on standard error while a long (re)build runs.
struct ProgressLine {
    show: bool,
    dir: String,
    drawn: bool,
}

impl ProgressLine {
    /// Fewer journals than this to read: no progress line.
    const MIN: usize = 1000;

    fn new(progress: Progress, dir: &Path) -> ProgressLine {
        use std::io::IsTerminal;
        ProgressLine {
            show: progress == Progress::OnTerminal && std::io::stderr().is_terminal(),
            dir: dir.display().to_string(),
            drawn: false,
        }
    }

    fn update(&mut self, done: usize, total: usize) {
        if !self.show || total < Self::MIN {
            return;
        }
        use std::io::Write;
        let line = tr!(
            "Index van {} bijwerken: {done} van {total} sessies gelezen",
            "Updating the index of {}: {done} of {total} sessions read",
            self.dir
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    fn finish(&mut self) {
        if self.drawn {
            use std::io::Write;
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}
