//! Every interface message exists in Dutch and English. Messages are written as
//! `tr!("Dutch", "English")` pairs, so both always exist; this test catches the two ways
//! around that: user-facing text written without `tr!`, and a pair whose two halves are
//! the same sentence (one language copied into the other).

use std::path::Path;

/// Calls whose first string argument is shown to the user.
const SHOWN: &[&str] = &[
    "println!(\"",
    "eprintln!(\"",
    "print!(\"",
    "Line::from(\"",
    "Line::styled(\"",
    "Span::raw(\"",
    "Span::styled(\"",
    "Paragraph::new(\"",
    ".title(\"",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust file of the program (`src/`).
fn src_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files
}

/// The string literal starting right after `start` (which follows an opening quote).
fn literal_at(text: &str, start: usize) -> String {
    let mut out = String::new();
    let mut escaped = false;
    for c in text[start..].chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => break,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Words a person would read: letters outside `{…}` placeholders (the program's own
/// name is the same in every language).
fn has_words(literal: &str) -> bool {
    let literal = literal.replace("tafel", "");
    let mut depth = 0;
    let mut letters = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    letters >= 2
}

#[test]
fn no_interface_text_bypasses_tr() {
    let files = src_files();
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests inside the file may use any text.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for pattern in SHOWN {
            for (at, _) in text.match_indices(pattern) {
                let literal = literal_at(text, at + pattern.len());
                if has_words(&literal) {
                    let line = text[..at].lines().count();
                    found.push(format!("{}:{line}: {literal}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "text shown without tr!:\n{}",
        found.join("\n")
    );
}

#[test]
fn both_halves_of_every_message_are_written() {
    let files = src_files();
    let mut same = Vec::new();
    let mut pairs = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("tr!(") {
            let rest = &text[at + 4..];
            let Some(first) = rest.find('"') else {
                continue;
            };
            if !rest[..first].trim().is_empty() {
                continue; // the macro definition itself
            }
            let nl = literal_at(rest, first + 1);
            let after = &rest[first + 1 + nl.len() + 1..];
            let Some(second) = after.find('"') else {
                continue;
            };
            if !after[..second]
                .trim()
                .trim_start_matches(',')
                .trim()
                .is_empty()
            {
                continue;
            }
            let en = literal_at(after, second + 1);
            pairs += 1;
            assert!(
                !en.is_empty() || nl.is_empty(),
                "{}: English missing for {nl:?}",
                file.display()
            );
            assert!(
                !nl.is_empty() || en.is_empty(),
                "{}: Dutch missing for {en:?}",
                file.display()
            );
            // Words that are the same in both languages are fine (names, "Tip", "Agenda").
            if nl == en && nl.split_whitespace().count() > 2 {
                same.push(format!("{}: {nl}", file.display()));
            }
        }
    }
    assert!(
        pairs > 200,
        "found only {pairs} messages: is the scan broken?"
    );
    assert!(
        same.is_empty(),
        "untranslated (same in both languages):\n{}",
        same.join("\n")
    );
}
