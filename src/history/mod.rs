//! Looking back at past sessions: finding them, summarising, searching and exporting.

pub mod agreements;
pub mod error;
pub mod export;
pub mod index;
pub mod listing;
pub mod manage;
pub mod names;
pub mod resolve;
pub mod scan;
pub mod search;
pub mod summary;
