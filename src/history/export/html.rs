//! One self-contained HTML file: no scripts, no external resources (a content security policy
//! forbids both even if a browser were asked), and a print stylesheet for A4, so "print to
//! PDF" gives a good document. Every piece of text is escaped; only this file writes tags.

use super::{Block, Document, Inline, Item, Table};

/// The style sheet shared by the exported document and the printable cards.
pub const BASE_STYLE: &str = "\
:root { color-scheme: light; }
body { font-family: 'Segoe UI', Calibri, Arial, sans-serif; line-height: 1.45; color: #1a1a1a;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .8rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
ul { padding-left: 1.3rem; margin: .3rem 0; }
li { margin: .15rem 0; }
ul.checks { list-style: none; padding-left: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code { font-family: Consolas, 'DejaVu Sans Mono', monospace; font-size: .9em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
}
";

/// The head of a page: the policy that forbids scripts and loading anything, and the styles.
pub fn head(language: &str, title: &str, style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{style}</style>\n</head>\n",
        escape(language),
        escape(title)
    )
}

pub fn render(doc: &Document) -> String {
    let mut out = head(doc.language, &doc.title, BASE_STYLE);
    out.push_str("<body>\n<main>\n");
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let level = (*level).clamp(1, 6);
                out.push_str(&format!("<h{level}>{}</h{level}>\n", lines(text)));
            }
            Block::Paragraph(content) => out.push_str(&format!("<p>{}</p>\n", inline(content))),
            Block::List(items) => list(&mut out, items),
            Block::Table(table) => self::table(&mut out, table),
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn list(out: &mut String, items: &[Item]) {
    let checks = items.iter().any(|i| i.check.is_some());
    out.push_str(if checks {
        "<ul class=\"checks\">\n"
    } else {
        "<ul>\n"
    });
    for item in items {
        out.push_str("<li>");
        match item.check {
            Some(true) => out.push_str("☑ "),
            Some(false) => out.push_str("☐ "),
            None => {}
        }
        out.push_str(&inline(&item.content));
        if !item.children.is_empty() {
            out.push('\n');
            list(out, &item.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    if !table.checks.is_empty() {
        out.push_str("<th></th>");
    }
    for header in &table.header {
        out.push_str(&format!("<th>{}</th>", lines(header)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in table.rows.iter().enumerate() {
        out.push_str("<tr>");
        match table.checks.get(r) {
            Some(true) => out.push_str("<td>☑</td>"),
            Some(false) => out.push_str("<td>☐</td>"),
            None => {}
        }
        for cell in row {
            out.push_str(&format!("<td>{}</td>", lines(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn inline(content: &[Inline]) -> String {
    content
        .iter()
        .map(|piece| match piece {
            Inline::Text(t) => lines(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", lines(t)),
            Inline::Emphasis(t) => format!("<em>{}</em>", lines(t)),
            Inline::Code(t) => format!("<code>{}</code>", lines(t)),
        })
        .collect()
}

/// Escaped text whose line ends become `<br>`.
fn lines(text: &str) -> String {
    text.split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// Text made safe for an element's content or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(lines("a\n<b>"), "a<br>\n&lt;b&gt;");
    }
}
