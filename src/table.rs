//! Plain-text tables for the terminal, aligned by display width (so "é" and emoji line up).

use unicode_width::UnicodeWidthStr;

/// Renders rows under a header; every column but the last is padded to its widest cell.
/// Cells come from files and journals: control characters in them are shown visibly.
pub fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = Vec::new();
    write_each(&mut out, header, rows.len(), |i| rows[i].clone()).expect("writing to memory");
    String::from_utf8(out).expect("cells are text")
}

/// [`render`] of `count` rows made by `row`, straight into `out`: each row is made twice
/// (for the widths, then to write it), so a long table is never held in memory.
pub fn write_each(
    out: &mut impl std::io::Write,
    header: &[String],
    count: usize,
    row: impl Fn(usize) -> Vec<String>,
) -> std::io::Result<()> {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for i in 0..count {
        for (i, cell) in row(i).iter().enumerate().take(columns) {
            widths[i] = widths[i].max(crate::text::visible(cell).width());
        }
    }
    let mut line = String::new();
    let mut put = |cells: &[String]| -> std::io::Result<()> {
        line.clear();
        for (i, cell) in cells.iter().enumerate() {
            let cell = crate::text::visible(cell);
            line.push_str(&cell);
            if i + 1 < cells.len() {
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.width())
                    + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")
    };
    put(header)?;
    for i in 0..count {
        put(&row(i))?;
    }
    Ok(())
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
