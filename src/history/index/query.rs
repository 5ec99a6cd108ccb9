//! Reading the index: counting, listing newest first, searching with the matching words in
//! context, one journal's entry and the unreadable ones.

use std::collections::HashMap;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, params};

use super::Index;
use super::rows::{
    AFTER_COLUMNS, COLUMNS, LIGHT_COLUMNS, Shown, TABLES, known_from_columns, summary_from_row,
};
use crate::history::scan::Known;
use crate::history::summary::{Summary, SummaryError};

/// Search results that show the matching words in context: the best ones.
pub const SNIPPETS: usize = 100;
/// Marks around the matching words in a snippet (never typed in a session: control characters
/// are removed from what is typed).
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

impl Index {
    /// A row read with [`COLUMNS`] as a hit (no snippet, no rank yet), with what the index
    /// knows of its journal.
    fn found_row(&self, row: &rusqlite::Row) -> rusqlite::Result<(Found, (String, Known))> {
        let (name, summary) = summary_from_row(row)?;
        let found = Found {
            path: self.dir.join(&name),
            summary,
            snippet: None,
            rank: 0.0,
            archive: false,
            running: false,
        };
        Ok((found, (name, known_from_columns(row)?)))
    }

    /// Readable sessions in the index.
    pub fn count(&self) -> rusqlite::Result<usize> {
        self.conn
            // All rows less the unreadable ones: SQLite counts a whole table without reading
            // its rows, ten times faster at 50,000 than counting the readable ones.
            .query_row(
                "SELECT (SELECT count(*) FROM files) \
                 - (SELECT count(*) FROM files WHERE problem IS NOT NULL)",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as usize)
    }

    /// Newest first (`search`: best match first, with the matching words in context).
    /// `details`: also participants, open agreements and reviews. The journals of the rows
    /// found are checked to be unchanged (see [`Index::fresh`]).
    pub fn query(&self, query: &Query) -> rusqlite::Result<Vec<Found>> {
        self.fresh(|index| index.query_once(query))
    }

    fn query_once(&self, query: &Query) -> rusqlite::Result<Shown<Found>> {
        let (columns, details) = if query.details {
            (COLUMNS, " LEFT JOIN details ON details.id = files.id")
        } else {
            (LIGHT_COLUMNS, "")
        };
        let limit = query
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let interrupted = if query.interrupted_only {
            "AND files.ended = 0"
        } else {
            ""
        };
        let read = |row: &rusqlite::Row| self.found_row(row);
        match query.search.as_deref().and_then(match_expression) {
            None => {
                let sql = format!(
                    "SELECT {columns} FROM files{details} WHERE files.problem IS NULL {interrupted} \
                     ORDER BY files.started_us DESC, files.sid DESC LIMIT ?1"
                );
                let mut statement = self.conn.prepare_cached(&sql)?;
                let rows = statement.query_map(params![limit], read)?;
                rows.collect()
            }
            Some(expression) => {
                // The order first, sorting small rows (rank, start, id)…
                let sql = format!(
                    "WITH hit AS MATERIALIZED ( \
                       SELECT rowid, rank FROM search WHERE search MATCH ?1) \
                     SELECT files.id, hit.rank FROM hit JOIN files ON files.id = hit.rowid \
                     WHERE files.problem IS NULL {interrupted} \
                     ORDER BY hit.rank, files.started_us DESC, files.sid DESC LIMIT ?2"
                );
                let order: Vec<(i64, f64)> = self
                    .conn
                    .prepare_cached(&sql)?
                    .query_map(params![expression, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                // …then the rows shown, put back in that order.
                let ids =
                    serde_json::to_string(&order.iter().map(|(id, _)| *id).collect::<Vec<_>>())
                        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                let sql = format!(
                    "SELECT {columns}, ids.key FROM json_each(?1) AS ids \
                     JOIN files ON files.id = ids.value{details}"
                );
                let mut found: Vec<(usize, Found, (String, Known))> =
                    Vec::with_capacity(order.len());
                let mut statement = self.conn.prepare_cached(&sql)?;
                let mut rows = statement.query(params![ids])?;
                while let Some(row) = rows.next()? {
                    let (name, summary) = summary_from_row(row)?;
                    let known = known_from_columns(row)?;
                    let at =
                        usize::try_from(row.get::<_, i64>(AFTER_COLUMNS)?).unwrap_or(usize::MAX);
                    let Some((_, rank)) = order.get(at) else {
                        continue;
                    };
                    let hit = Found {
                        path: self.dir.join(&name),
                        summary,
                        snippet: None,
                        rank: *rank,
                        archive: false,
                        running: false,
                    };
                    found.push((at, hit, (name, known)));
                }
                found.sort_unstable_by_key(|(at, _, _)| *at);
                // The words in context for the best matches only: making a snippet means
                // reading the text again, too slow for tens of thousands of matches.
                let ids: Vec<String> = found
                    .iter()
                    .take(SNIPPETS)
                    .map(|(at, _, _)| order[*at].0.to_string())
                    .collect();
                if !ids.is_empty() {
                    // One search for all of them: each search merges the lists of every word
                    // that starts with what was typed. The `+` keeps the ids a filter on that
                    // one pass; as a constraint FTS5 would search again for every id.
                    let sql = format!(
                        "SELECT rowid, snippet(search, 0, char(2), char(3), '…', 12) \
                         FROM search WHERE search MATCH ?1 AND +rowid IN ({})",
                        ids.join(",")
                    );
                    let mut statement = self.conn.prepare(&sql)?;
                    let snippets: HashMap<i64, String> = statement
                        .query_map(params![expression], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    for (at, hit, _) in found.iter_mut().take(SNIPPETS) {
                        hit.snippet = snippets.get(&order[*at].0).cloned();
                    }
                }
                Ok(found
                    .into_iter()
                    .map(|(_, hit, known)| (hit, known))
                    .collect())
            }
        }
    }

    /// How many sessions a search finds (all of them without a search).
    pub fn count_matching(&self, search: Option<&str>) -> rusqlite::Result<usize> {
        match search.and_then(match_expression) {
            None => self.count(),
            Some(expression) => self
                .conn
                .query_row(
                    "SELECT count(*) FROM search JOIN files ON files.id = search.rowid \
                     WHERE search MATCH ?1 AND files.problem IS NULL",
                    params![expression],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n as usize),
        }
    }

    /// Sessions with open agreements or reviews of earlier ones, newest first, in full (their
    /// journals checked to be unchanged, see [`Index::fresh`]).
    pub fn with_agreements(&self) -> rusqlite::Result<Vec<Found>> {
        self.fresh(Index::with_agreements_once)
    }

    fn with_agreements_once(&self) -> rusqlite::Result<Shown<Found>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM {TABLES} WHERE files.problem IS NULL \
             AND (details.open_agreements IS NOT NULL OR details.reviews IS NOT NULL) \
             ORDER BY files.started_us DESC, files.sid DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], |row| self.found_row(row))?;
        rows.collect()
    }

    /// The summary of one journal (by file name), or why it could not be read; the journal
    /// checked to be unchanged (see [`Index::fresh`]).
    pub fn entry(&self, name: &str) -> rusqlite::Result<Option<Result<Summary, SummaryError>>> {
        Ok(self
            .fresh(|index| index.entry_once(name))?
            .into_iter()
            .next())
    }

    fn entry_once(&self, name: &str) -> rusqlite::Result<Shown<Result<Summary, SummaryError>>> {
        let sql = format!("SELECT {COLUMNS}, files.problem FROM {TABLES} WHERE files.name = ?1");
        let found = self
            .conn
            .query_row(&sql, params![name], |row| {
                let summary = match row.get::<_, Option<String>>(AFTER_COLUMNS)? {
                    Some(problem) => Err(SummaryError::Stored(problem)),
                    None => Ok(summary_from_row(row)?.1),
                };
                Ok((summary, (name.to_string(), known_from_columns(row)?)))
            })
            .optional()?;
        Ok(found.into_iter().collect())
    }

    /// The journals that could not be read, by name, and why.
    pub fn unreadable(&self) -> rusqlite::Result<Vec<(PathBuf, String)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name, problem FROM files WHERE problem IS NOT NULL ORDER BY name",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                self.dir.join(r.get::<_, String>(0)?),
                r.get::<_, String>(1)?,
            ))
        })?;
        rows.collect()
    }
}

/// A session the index found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub summary: Summary,
    /// The matching words in context, marked with [`MARK_START`] and [`MARK_END`].
    pub snippet: Option<String>,
    /// How well it matches the search (lower is better; bm25).
    pub rank: f64,
    /// From an archive (read-only), not from the user's own sessions directory: set by
    /// `listing::History`, which knows.
    pub archive: bool,
    /// Not ended and open in a tafel right now (its journal is locked). Live, never kept in
    /// the index: set by `listing::mark_running` for the rows about to be shown.
    pub running: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words to find (every one, at the start of a word; case and accents do not matter).
    pub search: Option<String>,
    pub limit: Option<usize>,
    pub interrupted_only: bool,
    /// Also participants, open agreements and reviews (left empty otherwise).
    pub details: bool,
}

/// The FTS5 expression for what the user typed: every word must occur, as a word or the
/// start of one; `None` when there is nothing to look for. Words are quoted, so nothing
/// typed is taken as FTS5 syntax.
pub fn match_expression(search: &str) -> Option<String> {
    let words: Vec<String> = search
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            format!(
                "\"{}\"*",
                crate::history::search::fold(w).replace('"', "\"\"")
            )
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}
