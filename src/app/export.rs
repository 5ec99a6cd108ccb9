//! Choosing how to export a session, from the end-of-session summary and from the home
//! screen's look-back list: the format, the version (participants or facilitator) and the
//! folder. Pure like the rest of the app: it hands a [`ExportRequest`] to the shell, which
//! writes the file and reports back with [`ExportForm::written`] or [`ExportForm::exists`].

use std::path::PathBuf;

use crate::keys::{KeyCode, KeyEvent};

use crate::input::LineInput;
use crate::keymap::{Binding, Keymap, Words, ch, key};
use crate::tr;

/// What a key does in the export form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKey {
    Write,
    Cancel,
    NextField,
    PreviousField,
    ChooseNext,
    ChoosePrevious,
    /// The format by its first letter (index in [`FORMATS`]).
    Format(usize),
}

pub static EXPORT: Keymap<ExportKey> = Keymap {
    title: Words("Exporteren", "Export"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Tab), ExportKey::NextField),
                (key(KeyCode::Down), ExportKey::NextField),
                (key(KeyCode::BackTab), ExportKey::PreviousField),
                (key(KeyCode::Up), ExportKey::PreviousField),
            ],
            label: Words("Tab", "Tab"),
            help: Words(
                "volgend veld (Shift+Tab / ↑: vorig)",
                "next field (Shift+Tab / ↑: previous)",
            ),
            hint: Some(Words("volgend veld", "next field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Right), ExportKey::ChooseNext),
                (key(KeyCode::Left), ExportKey::ChoosePrevious),
                (ch(' '), ExportKey::ChooseNext),
            ],
            label: Words("←→", "←→"),
            help: Words("formaat of versie kiezen", "choose the format or version"),
            hint: Some(Words("kiezen", "choose")),
        },
        Binding {
            keys: &[
                (ch('m'), ExportKey::Format(0)),
                (ch('t'), ExportKey::Format(1)),
                (ch('h'), ExportKey::Format(2)),
                (ch('o'), ExportKey::Format(3)),
            ],
            label: Words("m t h o", "m t h o"),
            help: Words(
                "formaat direct: md, txt, html, odt",
                "format directly: md, txt, html, odt",
            ),
            hint: None,
        },
        Binding {
            keys: &[(key(KeyCode::Enter), ExportKey::Write)],
            label: Words("Enter", "Enter"),
            help: Words("exporteren", "export"),
            hint: Some(Words("exporteren", "export")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), ExportKey::Cancel)],
            label: Words("Esc", "Esc"),
            help: Words("terug, niets geschreven", "back, nothing written"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// The chosen file exists: what a key does then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExistsKey {
    Overwrite,
    NewName,
    Back,
}

pub static EXISTS: Keymap<ExistsKey> = Keymap {
    title: Words(
        "Exporteren: het bestand bestaat al",
        "Export: the file exists",
    ),
    bindings: &[
        Binding {
            keys: &[
                (ch('o'), ExistsKey::Overwrite),
                (ch('O'), ExistsKey::Overwrite),
            ],
            label: Words("o", "o"),
            help: Words("overschrijven", "overwrite"),
            hint: Some(Words("overschrijven", "overwrite")),
        },
        Binding {
            keys: &[(ch('n'), ExistsKey::NewName), (ch('N'), ExistsKey::NewName)],
            label: Words("n", "n"),
            help: Words("nieuwe naam ernaast", "new name beside it"),
            hint: Some(Words("nieuwe naam ernaast", "new name beside it")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), ExistsKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words("terug (elke andere toets ook)", "back (any other key too)"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// The form's footer hints: in the folder field (`typing`) ←→ move in the text.
pub fn export_hints(typing: bool) -> Vec<(String, String)> {
    let order: &[ExportKey] = if typing {
        &[ExportKey::NextField, ExportKey::Write, ExportKey::Cancel]
    } else {
        &[
            ExportKey::NextField,
            ExportKey::ChooseNext,
            ExportKey::Write,
            ExportKey::Cancel,
        ]
    };
    EXPORT.hint_pairs(order)
}

/// The form's help: every key of it.
pub fn help_lines() -> Vec<(String, String)> {
    EXPORT.help()
}

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
            self.exists = None;
            return match EXISTS.action(key) {
                Some(ExistsKey::Overwrite) => {
                    ExportStep::Write(self.request(Existing::Overwrite(path)))
                }
                Some(ExistsKey::NewName) => ExportStep::Write(self.request(Existing::NewName)),
                Some(ExistsKey::Back) | None => ExportStep::Stay,
            };
        }
        self.problem = None;
        let action = EXPORT.command(key, self.typing());
        match (action, self.focus) {
            (Some(ExportKey::Cancel), _) => return ExportStep::Cancel,
            (Some(ExportKey::Write), _) => {
                if self.folder.text().trim().is_empty() {
                    self.problem = Some(tr!("Geef een map", "Give a folder"));
                    self.focus = ExportField::Folder;
                    return ExportStep::Stay;
                }
                return ExportStep::Write(self.request(Existing::Ask));
            }
            (Some(ExportKey::NextField), _) => self.focus = next(self.focus),
            (Some(ExportKey::PreviousField), _) => self.focus = next(next(self.focus)),
            (Some(ExportKey::ChoosePrevious), ExportField::Format) => {
                self.format = (self.format + FORMATS.len() - 1) % FORMATS.len()
            }
            (Some(ExportKey::ChooseNext), ExportField::Format) => {
                self.format = (self.format + 1) % FORMATS.len()
            }
            (Some(ExportKey::Format(i)), ExportField::Format) => self.format = i,
            (Some(ExportKey::ChooseNext | ExportKey::ChoosePrevious), ExportField::Version) => {
                self.facilitator = !self.facilitator
            }
            (_, ExportField::Folder) => {
                self.folder.key(key);
            }
            _ => {}
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
