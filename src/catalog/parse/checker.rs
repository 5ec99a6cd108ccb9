//! The problems found in one file, and the checks of single fields (texts, ids, minutes,
//! forms of work) that every part of a deck or plan shares.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::MAX_ROUND_MINUTES;
use super::suggest::suggestion;
use crate::catalog::model::CARD_FORMS;
use crate::catalog::problem::{Locator, Problem};
use crate::tr;

/// Collects problems while a file is validated.
pub(in crate::catalog) struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    pub(super) locator: Locator<'a>,
    pub(super) problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// `file` is the name used in problem reports, `text` the whole file.
    pub(super) fn new(file: &'a str, text: &'a str) -> Self {
        Checker {
            file,
            text,
            locator: Locator::new(text),
            problems: Vec::new(),
        }
    }
    pub(in crate::catalog) fn report(&mut self, span: Range<usize>, message: String) {
        let problem = self.locator.problem(self.file, span, message);
        self.problems.push(problem);
    }

    /// The same words at every table that does not belong in this kind of file.
    pub(super) fn report_strays(
        &mut self,
        strays: impl IntoIterator<Item = Range<usize>>,
        message: String,
    ) {
        for stray in strays {
            self.report(stray, message.clone());
        }
    }

    /// A required text: trimmed, never empty, without control characters. Line breaks are
    /// kept (a Windows line break becomes a plain one).
    pub(in crate::catalog) fn text(&mut self, value: &Spanned<String>, field: &str) -> String {
        self.no_controls(value, field);
        let text = value.get_ref().replace("\r\n", "\n");
        let text = text.trim();
        if text.is_empty() {
            self.report(value.span(), tr!("`{field}` is leeg", "`{field}` is empty"));
        }
        text.to_string()
    }

    /// Reports the first control character (other than a line break) in a text: shown on a
    /// terminal, `ESC ] 2 ; … BEL` retitles it and other sequences do worse. The position is
    /// that of the character, or of the escape (`\u001b`, `\e`, …) that wrote it.
    pub(super) fn no_controls(&mut self, value: &Spanned<String>, field: &str) {
        let text = value.get_ref();
        let mut chars = text.chars().peekable();
        let mut found = None;
        while let Some(c) = chars.next() {
            let crlf = c == '\r' && chars.peek() == Some(&'\n');
            if c.is_control() && c != '\n' && !crlf {
                found = Some(c);
                break;
            }
        }
        let Some(c) = found else {
            return;
        };
        let span = value.span();
        let at = self
            .text
            .get(span.clone())
            .and_then(|raw| escape_offset(raw, c))
            .map_or(span.start, |offset| span.start + offset);
        let code = format!("U+{:04X}", c as u32);
        self.report(
            at..at,
            tr!(
                "`{field}` bevat een stuurteken ({code}); zulke tekens kunnen de terminal overnemen: haal het weg",
                "`{field}` contains a control character ({code}); such characters can take over the terminal: remove it"
            ),
        );
    }

    /// A number of minutes from `low` to `MAX_ROUND_MINUTES`.
    pub(super) fn minutes(&mut self, value: &Spanned<i64>, field: &str, low: i64) -> u32 {
        let m = *value.get_ref();
        let max = i64::from(MAX_ROUND_MINUTES);
        if !(low..=max).contains(&m) {
            self.report(
                value.span(),
                tr!(
                    "`{field} = {m}` kan niet: kies {low} tot en met {MAX_ROUND_MINUTES}",
                    "`{field} = {m}` is not possible: choose {low} to {MAX_ROUND_MINUTES}"
                ),
            );
        }
        m.clamp(low, max) as u32
    }

    /// A card's or draw's form of work: one of `CARD_FORMS`.
    pub(super) fn form(&mut self, value: &Spanned<String>) -> String {
        let form = value.get_ref().trim().to_string();
        if !CARD_FORMS.contains(&form.as_str()) {
            let hint = suggestion(&form, CARD_FORMS.iter().copied());
            let list = CARD_FORMS.map(|f| format!("\"{f}\"")).join(", ");
            self.report(
                value.span(),
                tr!(
                    "onbekende werkwijze `form = \"{form}\"`{hint} (kies uit {list})",
                    "unknown form of work `form = \"{form}\"`{hint} (choose from {list})"
                ),
            );
        }
        form
    }

    pub(in crate::catalog) fn optional_line(
        &mut self,
        value: &Option<Spanned<String>>,
        field: &str,
    ) -> Option<String> {
        let value = value.as_ref()?;
        let text = self.text(value, field);
        if text.contains('\n') {
            self.report(
                value.span(),
                tr!(
                    "`{field}` moet op één regel passen",
                    "`{field}` must fit on one line"
                ),
            );
        }
        Some(text)
    }

    pub(in crate::catalog) fn id(&mut self, value: &Spanned<String>, what: &str) -> String {
        let id = value.get_ref();
        if !is_valid_id(id) {
            self.report(
                value.span(),
                tr!(
                    "ongeldige {what}-id `{id}`: gebruik kleine letters, cijfers en '-', beginnend met een letter",
                    "invalid {what} id `{id}`: use lowercase letters, digits and '-', starting with a letter"
                ),
            );
        }
        id.clone()
    }

    /// Reports the second and later use of an id within one list.
    pub(in crate::catalog) fn unique<'v>(
        &mut self,
        ids: impl Iterator<Item = &'v Spanned<String>>,
        what: &str,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            if let Some(&first) = seen.get(id.get_ref().as_str()) {
                let (line, _) = self.locator.line_col(first);
                let name = id.get_ref();
                self.report(
                    id.span(),
                    tr!(
                        "dubbele {what}-id `{name}` (ook op regel {line})",
                        "duplicate {what} id `{name}` (also on line {line})"
                    ),
                );
            } else {
                seen.insert(id.get_ref(), id.span().start);
            }
        }
    }
}

/// Where in the source of a string literal the control character `c` is written: as itself
/// or as one of TOML's escapes for it. `None` when it cannot be found.
fn escape_offset(raw: &str, c: char) -> Option<usize> {
    let code = c as u32;
    let lower = raw.to_ascii_lowercase();
    let mut spellings = vec![
        c.to_string(),
        format!("\\u{code:04x}"),
        format!("\\u{code:08x}"),
        format!("\\x{code:02x}"),
    ];
    let short = match c {
        '\u{8}' => Some("\\b"),
        '\t' => Some("\\t"),
        '\u{c}' => Some("\\f"),
        '\r' => Some("\\r"),
        '\u{1b}' => Some("\\e"),
        _ => None,
    };
    spellings.extend(short.map(str::to_string));
    spellings
        .iter()
        .filter_map(|spelling| lower.find(spelling.as_str()))
        .min()
}

pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
        && id.len() <= 64
}
