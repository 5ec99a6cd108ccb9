//! Choosing how to export a session, from the end-of-session summary and from the home
//! screen's look-back list: the format, the version (participants or facilitator) and the
//! folder. Pure like the rest of the app: it hands a [`ExportRequest`] to the shell, which
//! writes the file and reports back with [`ExportForm::written`] or [`ExportForm::exists`].

use std::path::PathBuf;

use crate::keys::{KeyCode, KeyEvent};

use crate::input::LineInput;
use crate::tr;

/// The formats, in the order the form offers them (the extensions `tafel export` knows).
pub const FORMATS: [&str; 4] = ["md", "txt", "html", "odt"];

const MAX_FOLDER_CHARS: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportField {
    Format,
    Version,
    Folder,
}

/// What the shell is asked to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// One of [`FORMATS`].
    pub format: &'static str,
    pub facilitator: bool,
    pub folder: PathBuf,
    /// What to do when the file is there already.
    pub existing: Existing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Do not write; report it ([`ExportForm::exists`]), so the user is asked.
    Ask,
    /// The user said to replace this file.
    Overwrite(PathBuf),
    /// The user chose a new name beside it (`titel-2.md`).
    NewName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportStep {
    Stay,
    Cancel,
    Write(ExportRequest),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportForm {
    /// Index in [`FORMATS`].
    pub format: usize,
    pub facilitator: bool,
    pub folder: LineInput,
    pub focus: ExportField,
    /// The file the chosen name gives exists: overwrite it, write beside it, or go back?
    pub exists: Option<PathBuf>,
    /// Why the last try failed (a folder that does not exist).
    pub problem: Option<String>,
}

impl ExportForm {
    /// A form with `folder` filled in (the user's documents folder, as the shell found it).
    pub fn new(folder: &str) -> ExportForm {
        ExportForm {
            format: 0,
            facilitator: false,
            folder: LineInput::new(folder, MAX_FOLDER_CHARS),
            focus: ExportField::Format,
            exists: None,
            problem: None,
        }
    }

    pub fn format(&self) -> &'static str {
        FORMATS[self.format]
    }

    /// Whether the keyboard is in the folder field (then letters are text).
    pub fn typing(&self) -> bool {
        self.exists.is_none() && self.focus == ExportField::Folder
    }

    fn request(&self, existing: Existing) -> ExportRequest {
        ExportRequest {
            format: self.format(),
            facilitator: self.facilitator,
            folder: PathBuf::from(self.folder.text().trim()),
            existing,
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> ExportStep {
        if let Some(path) = self.exists.clone() {
            return match key.code {
                KeyCode::Char('o' | 'O') => {
                    self.exists = None;
                    ExportStep::Write(self.request(Existing::Overwrite(path)))
                }
                KeyCode::Char('n' | 'N') => {
                    self.exists = None;
                    ExportStep::Write(self.request(Existing::NewName))
                }
                _ => {
                    self.exists = None;
                    ExportStep::Stay
                }
            };
        }
        self.problem = None;
        match key.code {
            KeyCode::Esc => return ExportStep::Cancel,
            KeyCode::Enter => {
                if self.folder.text().trim().is_empty() {
                    self.problem = Some(tr!("Geef een map", "Give a folder"));
                    self.focus = ExportField::Folder;
                    return ExportStep::Stay;
                }
                return ExportStep::Write(self.request(Existing::Ask));
            }
            KeyCode::Tab | KeyCode::Down => self.focus = next(self.focus),
            KeyCode::BackTab | KeyCode::Up => self.focus = next(next(self.focus)),
            _ => match self.focus {
                ExportField::Format => match key.code {
                    KeyCode::Left => {
                        self.format = (self.format + FORMATS.len() - 1) % FORMATS.len()
                    }
                    KeyCode::Right | KeyCode::Char(' ') => {
                        self.format = (self.format + 1) % FORMATS.len()
                    }
                    KeyCode::Char(c) => {
                        if let Some(i) = FORMATS.iter().position(|f| f.starts_with(c)) {
                            self.format = i;
                        }
                    }
                    _ => {}
                },
                ExportField::Version => {
                    if matches!(
                        key.code,
                        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                    ) {
                        self.facilitator = !self.facilitator;
                    }
                }
                ExportField::Folder => {
                    self.folder.key(key);
                }
            },
        }
        ExportStep::Stay
    }

    /// Pasted text goes into the folder field (a path copied from a file manager).
    pub fn paste(&mut self, text: &str) {
        if self.exists.is_none() {
            self.focus = ExportField::Folder;
            self.folder.insert(text.trim());
        }
    }

    /// The chosen file exists: ask before anything is written.
    pub fn exists(&mut self, path: PathBuf) {
        self.exists = Some(path);
    }

    /// The export could not be written: why, shown in the form.
    pub fn failed(&mut self, why: String) {
        self.problem = Some(why);
    }
}

fn next(field: ExportField) -> ExportField {
    match field {
        ExportField::Format => ExportField::Version,
        ExportField::Version => ExportField::Folder,
        ExportField::Folder => ExportField::Format,
    }
}

/// How an export asked for by a form ended, as the shell reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exported {
    Written(PathBuf),
    /// Nothing written: this file is there already.
    Exists(PathBuf),
    Failed(String),
}

/// "Geëxporteerd naar …": the status line after a written export.
pub fn written_status(path: &std::path::Path) -> String {
    tr!(
        "Geëxporteerd naar {}",
        "Exported to {}",
        crate::text::visible(&path.display().to_string())
    )
}
