//! A journal's summary and stamp as rows of the index: written, deleted and read back.

use rusqlite::{Connection, OptionalExtension, params};

use crate::history::names::KnownNames;
use crate::history::scan::{Known, Seen, Stamp};
use crate::history::summary::{OpenAgreement, Review, Summary, SummaryError};

/// The columns a summary is made of, in the order [`summary_from_row`] reads them, then the
/// stamp the index holds (read by [`known_from_columns`], to check a shown row is current).
pub(super) const COLUMNS: &str = "files.name, files.sid, files.started, files.title, files.plan_id, \
    files.plan_title, files.spent_ms, files.notes, files.agreements, files.ended, files.torn, \
    details.participants, details.open_agreements, details.reviews, \
    files.len, files.modified_ns, files.inode, files.dirent_ino, files.settled";
/// The column after [`COLUMNS`] (and [`LIGHT_COLUMNS`]).
pub(super) const AFTER_COLUMNS: usize = 19;
/// The tables [`COLUMNS`] come from.
pub(super) const TABLES: &str = "files LEFT JOIN details ON details.id = files.id";
/// The same without the lists (participants, agreements, reviews), for long listings.
pub(super) const LIGHT_COLUMNS: &str = "files.name, files.sid, files.started, files.title, files.plan_id, \
    files.plan_title, files.spent_ms, files.notes, files.agreements, files.ended, files.torn, \
    NULL, NULL, NULL, files.len, files.modified_ns, files.inode, files.dirent_ino, files.settled";

/// Rows read to be shown, each with its journal's name and what the index knows of it.
pub(super) type Shown<T> = Vec<(T, (String, Known))>;

fn known_from_row(row: &rusqlite::Row, settled: bool) -> rusqlite::Result<(String, Known)> {
    Ok((row.get(0)?, known_at(row, 1, settled)?))
}

/// What the index knows of a journal, from `len, modified_ns, inode, dirent_ino` in the
/// columns from `first` on.
fn known_at(row: &rusqlite::Row, first: usize, settled: bool) -> rusqlite::Result<Known> {
    Ok(Known {
        stamp: Stamp {
            len: row.get(first)?,
            modified_ns: row.get(first + 1)?,
            inode: row.get(first + 2)?,
        },
        dirent_ino: row.get(first + 3)?,
        settled,
    })
}

/// The journals that may have been written in place since they were read: not settled, or
/// written recently.
pub(super) fn watched(
    conn: &Connection,
    recent_since: i64,
) -> rusqlite::Result<Vec<(String, Known)>> {
    let mut found: Vec<(String, Known)> = conn
        .prepare_cached(
            "SELECT name, len, modified_ns, inode, dirent_ino FROM files WHERE settled = 0",
        )?
        .query_map([], |r| known_from_row(r, false))?
        .collect::<rusqlite::Result<_>>()?;
    let recent = conn
        .prepare_cached(
            "SELECT name, len, modified_ns, inode, dirent_ino FROM files \
             WHERE modified_ns > ?1 AND settled = 1",
        )?
        .query_map(params![recent_since], |r| known_from_row(r, true))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    found.extend(recent);
    Ok(found)
}

/// Everything the index knows of the journals, sorted by name (bytes, as SQLite's BINARY
/// collation and Rust compare them; read in the order of the `files_stamps` index). The
/// names are copied as bytes into one buffer, not a `String` each.
pub(super) fn known(conn: &Connection) -> rusqlite::Result<KnownNames> {
    let mut statement = conn.prepare_cached(
        "SELECT name, len, modified_ns, inode, dirent_ino, settled FROM files ORDER BY name",
    )?;
    let mut rows = statement.query([])?;
    let mut known = KnownNames::default();
    while let Some(row) = rows.next()? {
        let known_row = known_at(row, 1, row.get(5)?)?;
        known.push(row.get_ref(0)?.as_bytes()?, known_row);
    }
    Ok(known)
}

pub(super) fn delete_entry(conn: &Connection, name: &str) -> rusqlite::Result<()> {
    let id: Option<i64> = conn
        .prepare_cached("DELETE FROM files WHERE name = ?1 RETURNING id")?
        .query_row(params![name], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?
            .execute(params![id])?;
        conn.prepare_cached("DELETE FROM details WHERE id = ?1")?
            .execute(params![id])?;
    }
    Ok(())
}

pub(super) fn write_entry(
    conn: &Connection,
    seen: &Seen,
    summary: Result<(Summary, String), SummaryError>,
) -> rusqlite::Result<()> {
    let (name, stamp) = (seen.name.as_str(), &seen.stamp);
    delete_entry(conn, name)?;
    let (summary, body) = match summary {
        Ok(found) => found,
        Err(problem) => {
            // Stored as words: what the listing says about it.
            let problem = problem.to_string();
            conn.prepare_cached(
                "INSERT INTO files (name, len, modified_ns, inode, dirent_ino, problem) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                name,
                stamp.len,
                stamp.modified_ns,
                stamp.inode,
                seen.dirent_ino,
                problem
            ])?;
            return Ok(());
        }
    };
    let json =
        |empty: bool, value: serde_json::Result<String>| -> rusqlite::Result<Option<String>> {
            if empty {
                return Ok(None);
            }
            value
                .map(Some)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
        };
    let started_us = summary.started.timestamp_micros();
    conn.prepare_cached(
        "INSERT INTO files (name, len, modified_ns, inode, dirent_ino, settled, sid, started_us, \
         started, title, plan_id, plan_title, spent_ms, notes, agreements, ended, torn) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        name,
        stamp.len,
        stamp.modified_ns,
        stamp.inode,
        seen.dirent_ino,
        seen.plain && summary.ended && !summary.torn,
        summary.id,
        started_us,
        summary.started.to_rfc3339(),
        summary.title,
        summary.plan_id,
        summary.plan_title,
        i64::try_from(summary.spent_ms).unwrap_or(i64::MAX),
        summary.notes as i64,
        summary.agreements as i64,
        summary.ended,
        summary.torn,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO details (id, participants, open_agreements, reviews) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        json(
            summary.participants.is_empty(),
            serde_json::to_string(&summary.participants)
        )?,
        json(
            summary.open_agreements.is_empty(),
            serde_json::to_string(&summary.open_agreements)
        )?,
        json(
            summary.reviews.is_empty(),
            serde_json::to_string(&summary.reviews)
        )?,
    ])?;
    conn.prepare_cached("INSERT INTO search (rowid, body) VALUES (?1, ?2)")?
        .execute(params![id, body])?;
    Ok(())
}

/// What the index knows of the journal of a row read with [`COLUMNS`] or [`LIGHT_COLUMNS`].
pub(super) fn known_from_columns(row: &rusqlite::Row) -> rusqlite::Result<Known> {
    known_at(row, 14, row.get(18)?)
}

pub(super) fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<(String, Summary)> {
    fn list<T: serde::de::DeserializeOwned>(
        row: &rusqlite::Row,
        i: usize,
    ) -> rusqlite::Result<Vec<T>> {
        match row.get::<_, Option<String>>(i)? {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(&text).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            }),
        }
    }
    let name: String = row.get(0)?;
    let started: String = row.get(2)?;
    let started = chrono::DateTime::parse_from_rfc3339(&started).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let summary = Summary {
        id: row.get(1)?,
        started,
        title: row.get(3)?,
        plan_id: row.get(4)?,
        plan_title: row.get(5)?,
        spent_ms: row.get::<_, i64>(6)?.max(0) as u64,
        notes: row.get::<_, i64>(7)?.max(0) as usize,
        agreements: row.get::<_, i64>(8)?.max(0) as usize,
        ended: row.get(9)?,
        torn: row.get(10)?,
        participants: list(row, 11)?,
        open_agreements: list::<OpenAgreement>(row, 12)?,
        reviews: list::<Review>(row, 13)?,
    };
    Ok((name, summary))
}
