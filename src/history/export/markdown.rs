//! Markdown that reads well as plain text too: a character typed in the room is escaped only
//! where, in its place, it would change the rendering (start a heading, a list, a link, a
//! code span, raw HTML, emphasis, a table), so "Jeugd & Veiligheid" and "#hoedan" stay as
//! typed while `<script>`, `[x](javascript:…)` and "# kop" stay inert text.

use super::{Block, Document, Inline, Item, Table};

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let line = text.replace('\n', " ");
                out.push_str(&format!("{hashes} {}\n", heading_text(&line)));
            }
            Block::Paragraph(content) => {
                out.push_str(&inline(content, ""));
                out.push('\n');
            }
            Block::List(items) => list(&mut out, items, ""),
            Block::Table(table) => list(&mut out, &table_items(table), ""),
        }
    }
    out
}

/// A table as a list: the first cell, then "header: cell" for the other cells that are filled.
pub(super) fn table_items(table: &Table) -> Vec<Item> {
    table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut content = Vec::new();
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                if c == 0 {
                    content.push(Inline::Text(cell.clone()));
                } else {
                    let header = table.header.get(c).map(String::as_str).unwrap_or_default();
                    content.push(Inline::Text(format!(
                        " — {}: {cell}",
                        header.to_lowercase()
                    )));
                }
            }
            Item {
                check: table.checks.get(r).copied(),
                content,
                children: Vec::new(),
            }
        })
        .collect()
}

fn list(out: &mut String, items: &[Item], indent: &str) {
    for item in items {
        let marker = match item.check {
            None => "- ",
            Some(false) => "- [ ] ",
            Some(true) => "- [x] ",
        };
        // Continuation lines line up with the text after "- ", which keeps them in the item.
        let inner = format!("{indent}  ");
        out.push_str(indent);
        out.push_str(marker);
        out.push_str(&inline(&item.content, &inner));
        out.push('\n');
        list(out, &item.children, &inner);
    }
}

/// `text` between `mark`s; spaces around it stay outside them, or the mark would not take
/// ("partijen_(bij …)_" is not emphasis, "partijen _(bij …)_" is).
fn marked(mark: &str, text: &str, context: &str) -> String {
    let space = |s: &str| if s.is_empty() { "" } else { " " };
    let before = &text[..text.len() - text.trim_start().len()];
    let after = &text[text.trim_end().len()..];
    format!(
        "{}{mark}{}{mark}{}",
        space(before),
        escape(text.trim(), context),
        space(after)
    )
}

/// The pieces of one paragraph, escaped with the whole paragraph as context; lines after the
/// first start with `indent`.
fn inline(content: &[Inline], indent: &str) -> String {
    let context: String = content.iter().map(Inline::text).collect();
    let mut out = String::new();
    for piece in content {
        match piece {
            Inline::Text(text) => out.push_str(&escape(text, &context)),
            Inline::Strong(text) => out.push_str(&marked("**", text, &context)),
            Inline::Emphasis(text) => out.push_str(&marked("_", text, &context)),
            Inline::Code(text) => out.push_str(&code(text)),
        }
    }
    // Lines: each line's start escaped on its own, a hard break ("\" at the end) between two
    // lines with text so a note keeps its lines, blank lines kept as paragraph breaks.
    let lines: Vec<String> = out
        .split('\n')
        .map(|line| escape_line_start(line.trim()))
        .collect();
    let mut joined = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
            if !line.is_empty() {
                joined.push_str(indent);
            }
        }
        joined.push_str(line);
        if lines.get(i + 1).is_some_and(|next| !next.is_empty()) && !line.is_empty() {
            joined.push('\\');
        }
    }
    joined
}

fn code(text: &str) -> String {
    let text = text.replace('\n', " ");
    let longest = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A heading ends at its line; a closing run of '#' after a space would be taken away.
fn heading_text(text: &str) -> String {
    let mut escaped = escape_line_start(&escape(text.trim(), text));
    let trailing = escaped.len() - escaped.trim_end_matches('#').len();
    let before = escaped[..escaped.len() - trailing].chars().next_back();
    if trailing > 0 && before.is_some_and(char::is_whitespace) {
        escaped.insert(escaped.len() - trailing, '\\');
    }
    escaped
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Between two spaces (not at the edge of the text, whose neighbours are not known here).
fn between_spaces(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace)
}

/// A line of a table's delimiter row ("--|--", "|:-:|"): with a line above it, a table.
fn delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && (line.contains('|') || line.contains(':'))
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Escapes the characters of `text` that would change the rendering inside a paragraph whose
/// whole typed text is `context`.
pub fn escape(text: &str, context: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let closes_bracket = context.contains(']');
    let tildes = context.matches('~').count() >= 2;
    let table = context.lines().any(delimiter_row);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation() || n == '\n'),
            '`' => true,
            '*' => !between_spaces(prev, next),
            '_' => {
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                !inside_word && !between_spaces(prev, next)
            }
            '~' => tildes && !between_spaces(prev, next),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => {
                let name: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .collect();
                !name.is_empty() && chars.get(i + 1 + name.chars().count()) == Some(&';')
            }
            '[' => closes_bracket,
            '|' => table,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would make a line (already inline-escaped, trimmed) a block of its own: a
/// heading, quote, list item, thematic break, setext underline or code fence.
fn escape_line_start(line: &str) -> String {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = chars.next();
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let start = match first {
        '#' => hashes <= 6 && is_space(line.chars().nth(hashes)),
        '>' => true,
        '-' | '+' | '*' | '=' | '_' => {
            is_space(second)
                || line
                    .chars()
                    .all(|c| matches!(c, '-' | '=' | '_' | '*' | '+' | ' '))
        }
        '~' => line.starts_with("~~~"),
        _ => false,
    };
    if start {
        return format!("\\{line}");
    }
    // "1. " and "12) " start a numbered list.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(['.', ')']) && is_space(rest[1..].chars().next()) {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        escape_line_start(&escape(text, text))
    }

    #[test]
    fn a_space_before_emphasis_stays_outside_the_marks() {
        let line = inline(
            &[
                Inline::Text("Team 2 ziet veel partijen".into()),
                Inline::Emphasis(" (bij Een kettingreactie)".into()),
            ],
            "",
        );
        assert_eq!(line, "Team 2 ziet veel partijen _(bij Een kettingreactie)_");
        let strong = inline(
            &[Inline::Strong("Tip: ".into()), Inline::Text("kort".into())],
            "",
        );
        assert_eq!(strong, "**Tip:** kort");
    }

    #[test]
    fn plain_text_stays_as_typed() {
        for text in [
            "Jeugd & Veiligheid",
            "#hoedan en #samen",
            "3 * 4 = 12",
            "snake_case_naam",
            "kosten -5%",
            "a < b > c",
            "ca. ~5 minuten",
            "één – twee | drie",
            "vraag?!",
            "zie [bijlage",
            "in 2026. Een jaar",
        ] {
            assert_eq!(clean(text), text);
        }
    }

    #[test]
    fn structure_and_markup_are_escaped() {
        assert_eq!(clean("# kop"), "\\# kop");
        assert_eq!(clean("- lijst"), "\\- lijst");
        assert_eq!(clean("1. eerste"), "1\\. eerste");
        assert_eq!(clean("12) twaalf"), "12\\) twaalf");
        assert_eq!(clean("2026. Een jaar"), "2026\\. Een jaar");
        assert_eq!(clean("> citaat"), "\\> citaat");
        assert_eq!(clean("---"), "\\---");
        assert_eq!(clean("==="), "\\===");
        assert_eq!(clean("*vet*"), "\\*vet\\*");
        assert_eq!(clean("_schuin_"), "\\_schuin\\_");
        assert_eq!(
            clean("[x](javascript:alert(1))"),
            "\\[x](javascript:alert(1))"
        );
        assert_eq!(clean("<script>"), "\\<script>");
        assert_eq!(clean("<!-- x -->"), "\\<!-- x -->");
        assert_eq!(clean("&amp; &#60;"), "\\&amp; \\&#60;");
        assert_eq!(clean("`code`"), "\\`code\\`");
        assert_eq!(clean("~~weg~~"), "\\~\\~weg\\~\\~");
        assert_eq!(clean("~~~"), "\\~\\~\\~");
        assert_eq!(clean("eind\\"), "eind\\\\");
        assert_eq!(escape("a | b", "a | b\n--|--"), "a \\| b");
    }

    #[test]
    fn a_bracket_in_one_field_and_its_partner_in_another_are_both_seen() {
        let content = vec![
            Inline::Text("[klik".into()),
            Inline::Text(" — ".into()),
            Inline::Text("hier](javascript:x)".into()),
        ];
        assert_eq!(inline(&content, ""), "\\[klik — hier](javascript:x)");
    }

    #[test]
    fn lines_of_a_note_stay_lines_inside_the_item() {
        let content = vec![Inline::Text("regel 1\n# regel 2\n\nalinea".into())];
        assert_eq!(
            inline(&content, "  "),
            "regel 1\\\n  \\# regel 2\n\n  alinea"
        );
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("id"), "`id`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn headings_keep_a_closing_hash() {
        assert_eq!(heading_text("Sprint #"), "Sprint \\#");
        assert_eq!(heading_text("C#"), "C#");
    }
}
