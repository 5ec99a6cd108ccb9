//! Multi-line text being typed, drawn wrapped at spaces: a word stays whole ("wijkteam,"
//! never splits before its comma) and a new line never starts with the space between two
//! words. The field (`input::MultiLineInput`) edits; this only draws what it holds, with its
//! cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

use crate::input::MultiLineInput;

/// The rows `line` takes at `width` columns, as character ranges `start..end`. Spaces after
/// a word stay on its row (they may hang past the edge); a word wider than a row is split.
pub fn wrap_ranges(line: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let chars: Vec<char> = line.chars().collect();
    let w = |c: char| c.width().unwrap_or(0);
    let mut rows = Vec::new();
    let (mut start, mut used) = (0usize, 0usize);
    let mut i = 0;
    while i < chars.len() {
        // A word and the spaces after it.
        let word_start = i;
        while i < chars.len() && chars[i] != ' ' {
            i += 1;
        }
        let word_end = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let word_width: usize = chars[word_start..word_end].iter().map(|&c| w(c)).sum();
        let spaces = i - word_end;
        if used > 0 && used + word_width > width {
            rows.push((start, word_start));
            (start, used) = (word_start, 0);
        }
        if word_width > width {
            // Too long for any row: split it where the row is full.
            let mut at = word_start;
            for (k, &c) in chars[word_start..word_end].iter().enumerate() {
                if used + w(c) > width && used > 0 {
                    rows.push((start, word_start + k));
                    (start, used) = (word_start + k, 0);
                }
                used += w(c);
                at = word_start + k + 1;
            }
            debug_assert_eq!(at, word_end);
        } else {
            used += word_width;
        }
        used += spaces;
    }
    rows.push((start, chars.len()));
    rows
}

/// Draws `text` inside `block`, wrapped at spaces, scrolled so the cursor shows; the cursor
/// is a reversed cell when `focused`.
pub fn render(text: &MultiLineInput, block: Block, focused: bool, area: Rect, buf: &mut Buffer) {
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let (cursor_row, cursor_col) = text.cursor();
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_at = 0usize;
    for (row, line) in text.lines().iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let ranges = wrap_ranges(line, width);
        for (k, &(start, end)) in ranges.iter().enumerate() {
            let last = k + 1 == ranges.len();
            let here = row == cursor_row
                && cursor_col >= start
                && (cursor_col < end || (last && cursor_col == end));
            let piece: String = chars[start..end].iter().collect();
            if here && focused {
                cursor_at = lines.len();
                let at = cursor_col - start;
                let before: String = chars[start..start + at].iter().collect();
                let under = chars.get(cursor_col).copied().unwrap_or(' ');
                let after: String = chars[(cursor_col + 1).min(end)..end].iter().collect();
                lines.push(Line::from(vec![
                    Span::raw(before),
                    Span::styled(
                        under.to_string(),
                        Style::new().add_modifier(Modifier::REVERSED),
                    ),
                    Span::raw(after),
                ]));
            } else {
                if here {
                    cursor_at = lines.len();
                }
                lines.push(Line::raw(piece));
            }
        }
    }
    let height = usize::from(inner.height);
    let top = (cursor_at + 1).saturating_sub(height);
    Paragraph::new(lines)
        .scroll((top.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        wrap_ranges(line, width)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn words_stay_whole_and_rows_never_start_with_a_space() {
        // Issue 8, item 21: "wijkteam│, GI" split the word from its comma.
        let line = format!("{} wijkteam, GI en de rest", "x".repeat(67));
        let wrapped = rows(&line, 76);
        assert_eq!(wrapped[1], "wijkteam, GI en de rest");
        for width in 5..40 {
            for row in rows("Bram belt morgen het wijkteam, GI en de wethouder", width) {
                assert!(!row.starts_with(' '), "{width}: {row:?}");
            }
        }
        assert_eq!(rows("", 10), [""]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("één 🚀🚀 x", 4), ["één ", "🚀🚀 ", "x"]);
    }
}
