//! `tafel`: a terminal workshop facilitator. The binary in `main.rs` is a thin shell around
//! this library so tests can drive every part without a terminal.

pub mod app;
pub mod builder;
pub mod catalog;
pub mod cli;
pub mod cli_text;
pub mod clock_time;
pub mod commands;
pub mod config;
pub mod executor;
pub mod files;
pub mod history;
pub mod home;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod keymaps;
pub mod keys;
pub mod list;
pub mod paths;
pub mod replay;
pub mod room;
pub mod rules;
pub mod runtime;
pub mod session;
pub mod storage;
pub mod table;
pub mod text;
pub mod toml_words;
pub mod tui;
pub mod ui;
pub mod view;
