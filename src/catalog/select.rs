//! Parsing only the decks and plans one command needs (`tafel draw --deck X`, `tafel run
//! PLAN`): every file is still read (by the caller, `storage::decks`), but only the ones it
//! may need are parsed. At 10,000
//! cards, parsing a deck costs fifty times what starting `tafel` does.
//!
//! Which id a file holds is told from its first lines (see [`declared`]); a file for which
//! that cannot be told for certain is parsed as well. The files kept go through the same
//! [`Library::from_sources`] as a full load, in the same order, so a later file with the same
//! id still replaces an earlier one. Whenever anything is wrong (a file that cannot be read
//! or parsed, the wanted id not found), the answer is `None` and the caller reads everything
//! as before: the problems, hints and warnings are then exactly those of a full load.

use super::Library;
use super::library::Source;
use super::parse::{self, Parsed};

/// What a command needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted<'a> {
    Deck(&'a str),
    /// The plan, the decks it names and the style sets (a plan may sort people by style).
    Plan(&'a str),
}

/// What a file says it is, at its top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Deck,
    Plan,
    Styles,
}

/// The library of the files of `sources` (the bundled ones, then those read from the deck
/// directories, in order) that `wanted` needs, or `None` when a full load must decide.
pub fn load(sources: Vec<Source>, wanted: Wanted) -> Option<Library> {
    let declared: Vec<Option<(Kind, &str)>> = sources.iter().map(|s| declared(&s.text)).collect();
    let decks: Vec<String> = match wanted {
        Wanted::Deck(id) => vec![id.to_string()],
        Wanted::Plan(id) => plan_decks(&sources, &declared, id)?,
    };
    let keep = |found: &Option<(Kind, &str)>| match (*found, wanted) {
        (None, _) => true,
        (Some((Kind::Deck, id)), _) => decks.iter().any(|d| d == id),
        (Some((Kind::Plan, id)), Wanted::Plan(plan)) => id == plan,
        (Some((Kind::Styles, _)), Wanted::Plan(_)) => true,
        (Some(_), Wanted::Deck(_)) => false,
    };
    let kept: Vec<bool> = declared.iter().map(keep).collect();
    drop(declared);
    let chosen: Vec<Source> = sources
        .into_iter()
        .zip(kept)
        .filter_map(|(source, keep)| keep.then_some(source))
        .collect();
    let library = Library::from_sources(chosen);
    let found = match wanted {
        Wanted::Deck(id) => library.deck(id).is_some(),
        Wanted::Plan(id) => library.plan(id).is_some(),
    };
    (found && library.problems.is_empty()).then_some(library)
}

/// The decks the plan `id` names, from the files that hold it (or may: the unsure ones).
/// `None` when such a file does not parse.
fn plan_decks(
    sources: &[Source],
    declared: &[Option<(Kind, &str)>],
    id: &str,
) -> Option<Vec<String>> {
    let mut decks = Vec::new();
    for (source, found) in sources.iter().zip(declared) {
        let may_be_it = match found {
            None => true,
            Some((kind, found)) => *kind == Kind::Plan && *found == id,
        };
        if !may_be_it {
            continue;
        }
        match parse::parse(&source.name, &source.text) {
            Ok(Parsed::Plan(plan, _)) if plan.id == id => decks.extend(plan.decks),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    Some(decks)
}

/// The kind and id a file declares, when its first lines say so for certain: the first table
/// is `[deck]`, `[plan]` or `[styles]`, the first lines in it are one-line `key = value`
/// pairs and one of them is `id` with a plain quoted string, and no other line opens a table
/// of one of those kinds. `None` when unsure (the file is then parsed).
pub fn declared(text: &str) -> Option<(Kind, &str)> {
    let mut lines = text.lines().map(str::trim).filter(|l| !skipped(l));
    let kind = match header(lines.next()?)? {
        "deck" => Kind::Deck,
        "plan" => Kind::Plan,
        "styles" => Kind::Styles,
        _ => return None,
    };
    let mut id = None;
    for line in lines {
        if line.starts_with('[') || !one_line(line) {
            return None;
        }
        if let Some(found) = id_value(line) {
            id = Some(found);
            break;
        }
    }
    // A second table of a kind, even a stray one, makes the file something to parse.
    let second_kind = table_lines(text)
        .skip(1)
        .filter_map(table_name)
        .any(|name| matches!(name, "deck" | "plan" | "styles"));
    if second_kind {
        return None;
    }
    id.map(|id| (kind, id))
}

/// The lines that begin with `[` (after spaces or tabs), found by searching for the `[`s
/// alone: a 10,000-card deck has a hundred thousand lines.
fn table_lines(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('[').filter_map(move |(at, _)| {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let indent = &text[line_start..at];
        if !indent.bytes().all(|b| b == b' ' || b == b'\t') {
            return None;
        }
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        Some(text[at..line_end].trim_end())
    })
}

fn skipped(line: &str) -> bool {
    line.is_empty() || line.starts_with('#')
}

/// The name in a `[name]` line with nothing after it but a comment.
fn header(line: &str) -> Option<&str> {
    let inside = line.strip_prefix('[')?;
    if inside.starts_with('[') {
        return None;
    }
    let (name, rest) = inside.split_once(']')?;
    let rest = rest.trim_start();
    (rest.is_empty() || rest.starts_with('#')).then_some(name.trim())
}

/// The first part of a table's name, `[a.b]` and `[[a]]` alike (quotes removed).
fn table_name(line: &str) -> Option<&str> {
    let inside = line.trim_start_matches('[');
    let end = inside.find([']', '.'])?;
    Some(inside[..end].trim().trim_matches(['"', '\'']))
}

/// `id = "value"` or `id = 'value'`, a plain string, with at most a comment after it.
fn id_value(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("id")?.trim_start();
    let value = rest.strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let (id, after) = value[1..].split_once(quote)?;
    let after = after.trim_start();
    let plain = !id.contains('\\') && !id.chars().any(char::is_control);
    (plain && (after.is_empty() || after.starts_with('#'))).then_some(id)
}

/// A line that is a whole `key = value` (no multi-line string, array or inline table that
/// goes on to the next lines, where a line could look like `id = …`).
fn one_line(line: &str) -> bool {
    if line.contains("\"\"\"") || line.contains("'''") {
        return false;
    }
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                '#' => break,
                _ => {}
            },
        }
    }
    depth == 0 && quote.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_of_a_plain_file_is_read_from_its_top() {
        let deck = "# Een stapel.\n\n[deck]\nid = \"koers\" # de id\ntitle = \"K\"\n\n[[card]]\nid = \"c1\"\n";
        assert_eq!(declared(deck), Some((Kind::Deck, "koers")));
        assert_eq!(
            declared("[plan]\r\ntitle = 'T'\r\nid = 'p-1'\r\n"),
            Some((Kind::Plan, "p-1"))
        );
        assert_eq!(declared("[styles]\nid=\"s\"\n"), Some((Kind::Styles, "s")));
    }

    #[test]
    fn anything_unusual_is_left_to_the_parser() {
        for text in [
            "",
            "id = \"x\"\n[deck]\nid = \"y\"\n",
            "deck.id = \"x\"\n",
            "[deck]\ntitle = \"t\"\n",
            "[deck]\ndescription = \"\"\"\nid = \"x\"\n\"\"\"\nid = \"y\"\n",
            "[plan]\ngroup_size = {\n  id = \"x\",\n}\nid = \"y\"\n",
            "[plan]\nneeds = [\n\"a\",\n]\nid = \"y\"\n",
            "[deck]\nid = \"a\\u0062\"\n",
            "[deck]\nid = \"a\" title = \"b\"\n",
            "[[deck]]\nid = \"x\"\n",
            "[category]\nid = \"x\"\n",
            "[deck]\nid = \"x\"\n[[card]]\nid = \"c\"\n[plan]\nid = \"p\"\n",
            "[deck]\nid = \"x\"\n[ styles ]\nid = \"s\"\n",
            "\u{feff}[deck]\nid = \"x\"\n",
        ] {
            assert_eq!(declared(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_plan_the_builder_writes_declares_its_id() {
        for (name, text) in super::super::bundled::FILES {
            if let Ok(Parsed::Plan(plan, _)) = parse::parse(name, text) {
                let written = super::super::write::plan_toml(&plan);
                assert_eq!(declared(&written), Some((Kind::Plan, plan.id.as_str())));
            }
        }
    }

    #[test]
    fn every_bundled_file_declares_what_it_parses_to() {
        for (name, text) in super::super::bundled::FILES {
            let parsed = match parse::parse(name, text).unwrap() {
                Parsed::Deck(d) => (Kind::Deck, d.id),
                Parsed::Plan(p, _) => (Kind::Plan, p.id),
                Parsed::Styles(s) => (Kind::Styles, s.id),
            };
            assert_eq!(
                declared(text),
                Some((parsed.0, parsed.1.as_str())),
                "{name}"
            );
        }
    }
}
