//! A problem found in a deck or plan file, located as `FILE:LINE:COLUMN`.

use std::fmt;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file name and the message may echo text from the file (an id, a key): never
        // raw control characters on the terminal.
        write!(
            f,
            "{}:{}:{}: {}",
            crate::text::visible(&self.file),
            self.line,
            self.column,
            crate::text::visible(&self.message)
        )
    }
}

/// Turns byte offsets of one text into 1-based line and column (columns count characters).
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator { text, line_starts }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        // The offset comes from the parser and lies on a char boundary; guard anyway.
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    pub fn problem(&self, file: &str, span: Range<usize>, message: String) -> Problem {
        let (line, column) = self.line_col(span.start);
        Problem {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let loc = Locator::new("ab\nëé x\n");
        assert_eq!(loc.line_col(0), (1, 1));
        assert_eq!(loc.line_col(3), (2, 1));
        assert_eq!(loc.line_col("ab\nëé ".len()), (2, 4));
        assert_eq!(loc.line_col(999), (3, 1));
    }
}
