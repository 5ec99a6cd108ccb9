//! Plain-text tables for the terminal, aligned by display width (so "é" and emoji line up).

use unicode_width::UnicodeWidthStr;

/// Renders rows under a header; every column but the last is padded to its widest cell.
/// Cells come from files and journals: control characters in them are shown visibly.
pub fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| crate::text::visible(cell).into_owned())
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(cell.width()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let out = render(
            &["a".into(), "b".into()],
            &[
                vec!["één".into(), "x".into()],
                vec!["zz".into(), "y".into()],
            ],
        );
        assert_eq!(out, "a    b\néén  x\nzz   y\n");
    }
}
