//! All sessions in a directory, newest first, with the unreadable ones named and why.

use std::path::{Path, PathBuf};

use super::index::{Entry, Index, Stamp};
use super::resolve::session_files;
use super::summary::{OpenAgreement, Summary, summarize};
use crate::session::event::ReviewOutcome;

#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<(PathBuf, Summary)>,
    pub unreadable: Vec<(PathBuf, String)>,
}

pub fn list(dir: &Path) -> Listing {
    let files = session_files(dir);
    let mut index = Index::load(dir);
    let mut changed = false;

    // Files whose cache entry is missing or stale are summarised again, in parallel.
    let mut stale: Vec<(usize, Stamp)> = Vec::new();
    let mut entries: Vec<Option<Entry>> = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let name = file_name(file);
        let Ok(meta) = std::fs::metadata(file) else {
            entries.push(None);
            continue;
        };
        let stamp = Stamp::of(&meta);
        match index.entries.get(&name) {
            Some(entry) if entry.stamp == stamp => entries.push(Some(entry.clone())),
            _ => {
                stale.push((i, stamp));
                entries.push(None);
            }
        }
    }
    for (i, entry) in summarize_all(&files, stale) {
        index.entries.insert(file_name(&files[i]), entry.clone());
        entries[i] = Some(entry);
        changed = true;
    }
    let names: std::collections::BTreeSet<String> = files.iter().map(|f| file_name(f)).collect();
    let before = index.entries.len();
    index.entries.retain(|name, _| names.contains(name));
    changed |= index.entries.len() != before;
    if changed {
        index.save(dir);
    }

    let mut listing = Listing::default();
    for (file, entry) in files.into_iter().zip(entries) {
        match entry.map(|e| e.summary) {
            Some(Ok(summary)) => listing.sessions.push((file, summary)),
            Some(Err(why)) => listing.unreadable.push((file, why)),
            None => {}
        }
    }
    listing
        .sessions
        .sort_by(|a, b| b.1.started.cmp(&a.1.started).then(b.1.id.cmp(&a.1.id)));
    listing
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn summarize_all(files: &[PathBuf], stale: Vec<(usize, Stamp)>) -> Vec<(usize, Entry)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = stale.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = stale
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(i, stamp)| {
                            (
                                *i,
                                Entry {
                                    stamp: stamp.clone(),
                                    summary: summarize(&files[*i]),
                                },
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Every agreement not yet marked done or dropped in a later follow-up meeting, newest
/// session first. The latest review of an agreement counts.
pub fn open_agreements(listing: &Listing) -> Vec<(&Summary, &OpenAgreement)> {
    use std::collections::HashMap;
    // Oldest first, so a later review overwrites an earlier one.
    let mut latest: HashMap<(&str, u64), ReviewOutcome> = HashMap::new();
    for (_, summary) in listing.sessions.iter().rev() {
        for review in &summary.reviews {
            latest.insert((review.session.as_str(), review.note), review.outcome);
        }
    }
    listing
        .sessions
        .iter()
        .flat_map(|(_, s)| s.open_agreements.iter().map(move |a| (s, a)))
        .filter(|(s, a)| {
            !matches!(
                latest.get(&(s.id.as_str(), a.note)),
                Some(ReviewOutcome::Done | ReviewOutcome::Dropped)
            )
        })
        .collect()
}
