//! Plain text for an e-mail body or a chat: headings underlined, lists with hanging indents,
//! every paragraph wrapped at 72 columns, and the lines of a note kept as lines.

use unicode_width::UnicodeWidthStr;

use super::{Block, Document, Inline, Item};

pub const WIDTH: usize = 72;

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                let text = text.replace('\n', " ");
                let lines = wrap(&text, "", "");
                let width = lines.iter().map(|l| l.width()).max().unwrap_or_default();
                let rule = match level {
                    1 => "=",
                    2 => "-",
                    _ => "",
                };
                for line in &lines {
                    out.push_str(line);
                    out.push('\n');
                }
                if !rule.is_empty() {
                    out.push_str(&rule.repeat(width.max(1)));
                    out.push('\n');
                }
            }
            Block::Paragraph(content) => push_lines(&mut out, &wrap(&plain(content), "", "")),
            Block::List(items) => list(&mut out, items, ""),
            Block::Table(table) => list(&mut out, &super::markdown::table_items(table), ""),
        }
    }
    out
}

fn plain(content: &[Inline]) -> String {
    content.iter().map(Inline::text).collect()
}

fn list(out: &mut String, items: &[Item], indent: &str) {
    for item in items {
        let marker = match item.check {
            None => "- ",
            Some(false) => "[ ] ",
            Some(true) => "[x] ",
        };
        let first = format!("{indent}{marker}");
        let rest = format!("{indent}{}", " ".repeat(marker.len()));
        push_lines(out, &wrap(&plain(&item.content), &first, &rest));
        list(out, &item.children, &format!("{indent}  "));
    }
}

fn push_lines(out: &mut String, lines: &[String]) {
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Wrapped at [`WIDTH`]; each line of the text wrapped on its own, the first starting with
/// `first` and every other with `rest`.
fn wrap(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let initial = if i == 0 { first } else { rest };
        if line.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(initial)
            .subsequent_indent(rest)
            .break_words(true);
        lines.extend(
            textwrap::wrap(line.trim_end(), options)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_under_their_marker_and_note_lines_stay() {
        let lines = wrap(&format!("{}\ntweede", "woord ".repeat(20)), "- ", "  ");
        assert!(lines.iter().all(|l| l.width() <= WIDTH));
        assert!(lines[0].starts_with("- woord"));
        assert!(lines[1].starts_with("  woord"));
        assert_eq!(lines.last().unwrap(), "  tweede");
    }
}
