//! An OpenDocument text file (ODF 1.3), the open standard government exchanges documents in:
//! LibreOffice and Word open it. The container is written by the `zip` crate and the XML by
//! `quick-xml`, which escapes every piece of text; nothing here builds markup from strings.

use std::io::{Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{Block, Document, Inline, Item, Table};
use crate::tr;

pub const MIME: &str = "application/vnd.oasis.opendocument.text";

const NS: &[(&str, &str)] = &[
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
];

/// Why an ODT file could not be made (in practice: never, it is all in memory).
#[derive(Debug)]
pub struct OdtError(String);

impl std::fmt::Display for OdtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = &self.0;
        f.write_str(&tr!(
            "kan het OpenDocument-bestand niet maken: {why}",
            "cannot make the OpenDocument file: {why}"
        ))
    }
}

impl From<std::io::Error> for OdtError {
    fn from(e: std::io::Error) -> Self {
        OdtError(e.to_string())
    }
}

impl From<zip::result::ZipError> for OdtError {
    fn from(e: zip::result::ZipError) -> Self {
        OdtError(e.to_string())
    }
}

/// The `.odt` file's bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, OdtError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // The mime type comes first and uncompressed, so tools recognise the file by its start.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)?;
    zip.write_all(MIME.as_bytes())?;
    for (name, bytes) in [
        ("content.xml", content(doc)?),
        ("styles.xml", styles()?),
        ("meta.xml", meta(doc)?),
        ("META-INF/manifest.xml", manifest()?),
    ] {
        zip.start_file(name, deflated)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

type Xml = Writer<Vec<u8>>;

fn start(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut tag = BytesStart::new(name);
    for attr in attrs {
        tag.push_attribute(*attr);
    }
    w.write_event(Event::Start(tag))
}

fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut tag = BytesStart::new(name);
    for attr in attrs {
        tag.push_attribute(*attr);
    }
    w.write_event(Event::Empty(tag))
}

fn end(w: &mut Xml, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn document_start(w: &mut Xml, root: &str) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut attrs: Vec<(&str, &str)> = NS.to_vec();
    attrs.push(("office:version", "1.3"));
    start(w, root, &attrs)
}

/// Text as ODF wants it: line ends as `<text:line-break/>`, the second and later of several
/// spaces (and a space at the start) as `<text:s/>`, and characters XML cannot hold dropped.
struct Runs {
    after_space: bool,
}

impl Runs {
    fn new() -> Runs {
        Runs { after_space: true }
    }

    fn write(&mut self, w: &mut Xml, text: &str) -> std::io::Result<()> {
        let mut run = String::new();
        for c in text.chars() {
            match c {
                '\n' => {
                    flush(w, &mut run)?;
                    empty(w, "text:line-break", &[])?;
                    self.after_space = true;
                }
                ' ' | '\t' if self.after_space => {
                    flush(w, &mut run)?;
                    empty(w, "text:s", &[])?;
                }
                ' ' | '\t' => {
                    run.push(' ');
                    self.after_space = true;
                }
                c if c.is_control() => {}
                c => {
                    run.push(c);
                    self.after_space = false;
                }
            }
        }
        flush(w, &mut run)
    }
}

fn flush(w: &mut Xml, run: &mut String) -> std::io::Result<()> {
    if !run.is_empty() {
        w.write_event(Event::Text(BytesText::new(run)))?;
        run.clear();
    }
    Ok(())
}

fn paragraph(w: &mut Xml, style: &str, content: &[Inline]) -> std::io::Result<()> {
    start(w, "text:p", &[("text:style-name", style)])?;
    inline(w, content)?;
    end(w, "text:p")
}

fn inline(w: &mut Xml, content: &[Inline]) -> std::io::Result<()> {
    let mut runs = Runs::new();
    for piece in content {
        let style = match piece {
            Inline::Text(_) => None,
            Inline::Strong(_) => Some("Strong"),
            Inline::Emphasis(_) => Some("Emphasis"),
            Inline::Code(_) => Some("Code"),
        };
        if let Some(style) = style {
            start(w, "text:span", &[("text:style-name", style)])?;
        }
        runs.write(w, piece.text())?;
        if style.is_some() {
            end(w, "text:span")?;
        }
    }
    Ok(())
}

fn list(w: &mut Xml, items: &[Item], top: bool) -> std::io::Result<()> {
    if top {
        start(w, "text:list", &[("text:style-name", "Bullets")])?;
    } else {
        start(w, "text:list", &[])?;
    }
    for item in items {
        start(w, "text:list-item", &[])?;
        let mut content = item.content.clone();
        match item.check {
            Some(true) => content.insert(0, Inline::Text("☑ ".into())),
            Some(false) => content.insert(0, Inline::Text("☐ ".into())),
            None => {}
        }
        paragraph(w, "List_20_Contents", &content)?;
        if !item.children.is_empty() {
            list(w, &item.children, false)?;
        }
        end(w, "text:list-item")?;
    }
    end(w, "text:list")
}

fn table(w: &mut Xml, table: &Table, number: usize) -> std::io::Result<()> {
    let name = format!("{}{number}", tr!("Tabel", "Table"));
    start(
        w,
        "table:table",
        &[("table:name", &name), ("table:style-name", "Tbl")],
    )?;
    let checks = !table.checks.is_empty();
    if checks {
        empty(w, "table:table-column", &[("table:style-name", "ColCheck")])?;
    }
    empty(w, "table:table-column", &[("table:style-name", "ColMain")])?;
    let others = table.header.len().saturating_sub(1).to_string();
    empty(
        w,
        "table:table-column",
        &[
            ("table:style-name", "ColOther"),
            ("table:number-columns-repeated", &others),
        ],
    )?;
    start(w, "table:table-header-rows", &[])?;
    start(w, "table:table-row", &[])?;
    if checks {
        cell(w, "Table_20_Heading", "")?;
    }
    for header in &table.header {
        cell(w, "Table_20_Heading", header)?;
    }
    end(w, "table:table-row")?;
    end(w, "table:table-header-rows")?;
    for (r, row) in table.rows.iter().enumerate() {
        start(w, "table:table-row", &[])?;
        match table.checks.get(r) {
            Some(true) => cell(w, "Table_20_Contents", "☑")?,
            Some(false) => cell(w, "Table_20_Contents", "☐")?,
            None => {}
        }
        for text in row {
            cell(w, "Table_20_Contents", text)?;
        }
        end(w, "table:table-row")?;
    }
    end(w, "table:table")
}

fn cell(w: &mut Xml, style: &str, text: &str) -> std::io::Result<()> {
    start(
        w,
        "table:table-cell",
        &[
            ("table:style-name", "Cell"),
            ("office:value-type", "string"),
        ],
    )?;
    paragraph(w, style, &[Inline::Text(text.to_string())])?;
    end(w, "table:table-cell")
}

fn text_style(w: &mut Xml, name: &str, props: &[(&str, &str)]) -> std::io::Result<()> {
    start(
        w,
        "style:style",
        &[("style:name", name), ("style:family", "text")],
    )?;
    empty(w, "style:text-properties", props)?;
    end(w, "style:style")
}

fn content(doc: &Document) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    document_start(&mut w, "office:document-content")?;
    start(&mut w, "office:automatic-styles", &[])?;
    text_style(
        &mut w,
        "Strong",
        &[
            ("fo:font-weight", "bold"),
            ("style:font-weight-complex", "bold"),
        ],
    )?;
    text_style(&mut w, "Emphasis", &[("fo:font-style", "italic")])?;
    text_style(
        &mut w,
        "Code",
        &[("fo:font-family", "'DejaVu Sans Mono', monospace")],
    )?;
    start(
        &mut w,
        "style:style",
        &[("style:name", "Tbl"), ("style:family", "table")],
    )?;
    empty(
        &mut w,
        "style:table-properties",
        &[
            ("style:width", "17cm"),
            ("table:align", "margins"),
            ("fo:margin-top", "0.1cm"),
            ("fo:margin-bottom", "0.2cm"),
        ],
    )?;
    end(&mut w, "style:style")?;
    for (name, width) in [
        ("ColCheck", "0.8cm"),
        ("ColMain", "7.2cm"),
        ("ColOther", "3cm"),
    ] {
        start(
            &mut w,
            "style:style",
            &[("style:name", name), ("style:family", "table-column")],
        )?;
        empty(
            &mut w,
            "style:table-column-properties",
            &[("style:column-width", width)],
        )?;
        end(&mut w, "style:style")?;
    }
    start(
        &mut w,
        "style:style",
        &[("style:name", "Cell"), ("style:family", "table-cell")],
    )?;
    empty(
        &mut w,
        "style:table-cell-properties",
        &[
            ("fo:border", "0.5pt solid #808080"),
            ("fo:padding", "0.08cm"),
        ],
    )?;
    end(&mut w, "style:style")?;
    end(&mut w, "office:automatic-styles")?;
    start(&mut w, "office:body", &[])?;
    start(&mut w, "office:text", &[])?;
    let mut tables = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let level = (*level).clamp(1, 6).to_string();
                let style = format!("Heading_20_{level}");
                start(
                    &mut w,
                    "text:h",
                    &[("text:style-name", &style), ("text:outline-level", &level)],
                )?;
                Runs::new().write(&mut w, &text.replace('\n', " "))?;
                end(&mut w, "text:h")?;
            }
            Block::Paragraph(content) => paragraph(&mut w, "Text_20_body", content)?,
            Block::List(items) => list(&mut w, items, true)?,
            Block::Table(t) => {
                tables += 1;
                table(&mut w, t, tables)?;
            }
        }
    }
    end(&mut w, "office:text")?;
    end(&mut w, "office:body")?;
    end(&mut w, "office:document-content")?;
    Ok(w.into_inner())
}

fn paragraph_style(
    w: &mut Xml,
    name: &str,
    display: &str,
    parent: Option<&str>,
    paragraph: &[(&str, &str)],
    text: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut attrs = vec![
        ("style:name", name),
        ("style:display-name", display),
        ("style:family", "paragraph"),
    ];
    if let Some(parent) = parent {
        attrs.push(("style:parent-style-name", parent));
    }
    start(w, "style:style", &attrs)?;
    if !paragraph.is_empty() {
        empty(w, "style:paragraph-properties", paragraph)?;
    }
    if !text.is_empty() {
        empty(w, "style:text-properties", text)?;
    }
    end(w, "style:style")
}

fn styles() -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    document_start(&mut w, "office:document-styles")?;
    start(&mut w, "office:styles", &[])?;
    start(
        &mut w,
        "style:default-style",
        &[("style:family", "paragraph")],
    )?;
    empty(
        &mut w,
        "style:text-properties",
        &[
            (
                "fo:font-family",
                "Calibri, Carlito, 'Liberation Sans', sans-serif",
            ),
            ("fo:font-size", "11pt"),
            ("fo:language", "nl"),
            ("fo:country", "NL"),
        ],
    )?;
    end(&mut w, "style:default-style")?;
    paragraph_style(&mut w, "Standard", "Standard", None, &[], &[])?;
    paragraph_style(
        &mut w,
        "Text_20_body",
        "Text body",
        Some("Standard"),
        &[("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.2cm")],
        &[],
    )?;
    paragraph_style(
        &mut w,
        "Heading",
        "Heading",
        Some("Standard"),
        &[
            ("fo:margin-top", "0.42cm"),
            ("fo:margin-bottom", "0.21cm"),
            ("fo:keep-with-next", "always"),
        ],
        &[("fo:font-weight", "bold")],
    )?;
    for (level, size) in [("1", "18pt"), ("2", "14pt"), ("3", "12pt")] {
        let name = format!("Heading_20_{level}");
        let display = format!("Heading {level}");
        paragraph_style(
            &mut w,
            &name,
            &display,
            Some("Heading"),
            &[],
            &[("fo:font-size", size), ("fo:font-weight", "bold")],
        )?;
    }
    paragraph_style(
        &mut w,
        "List_20_Contents",
        "List Contents",
        Some("Standard"),
        &[("fo:margin-bottom", "0.1cm")],
        &[],
    )?;
    paragraph_style(
        &mut w,
        "Table_20_Contents",
        "Table Contents",
        Some("Standard"),
        &[],
        &[],
    )?;
    paragraph_style(
        &mut w,
        "Table_20_Heading",
        "Table Heading",
        Some("Table_20_Contents"),
        &[],
        &[("fo:font-weight", "bold")],
    )?;
    start(&mut w, "text:list-style", &[("style:name", "Bullets")])?;
    for level in 1..=6u32 {
        let level_text = level.to_string();
        let bullet = if level % 2 == 1 { "•" } else { "◦" };
        start(
            &mut w,
            "text:list-level-style-bullet",
            &[("text:level", &level_text), ("text:bullet-char", bullet)],
        )?;
        start(
            &mut w,
            "style:list-level-properties",
            &[("text:list-level-position-and-space-mode", "label-alignment")],
        )?;
        let margin = format!("{:.2}cm", 0.6 * f64::from(level));
        empty(
            &mut w,
            "style:list-level-label-alignment",
            &[
                ("text:label-followed-by", "listtab"),
                ("text:list-tab-stop-position", &margin),
                ("fo:text-indent", "-0.5cm"),
                ("fo:margin-left", &margin),
            ],
        )?;
        end(&mut w, "style:list-level-properties")?;
        end(&mut w, "text:list-level-style-bullet")?;
    }
    end(&mut w, "text:list-style")?;
    end(&mut w, "office:styles")?;
    start(&mut w, "office:automatic-styles", &[])?;
    start(&mut w, "style:page-layout", &[("style:name", "A4")])?;
    empty(
        &mut w,
        "style:page-layout-properties",
        &[
            ("fo:page-width", "21cm"),
            ("fo:page-height", "29.7cm"),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", "2cm"),
            ("fo:margin-bottom", "2cm"),
            ("fo:margin-left", "2cm"),
            ("fo:margin-right", "2cm"),
        ],
    )?;
    end(&mut w, "style:page-layout")?;
    end(&mut w, "office:automatic-styles")?;
    start(&mut w, "office:master-styles", &[])?;
    empty(
        &mut w,
        "style:master-page",
        &[("style:name", "Standard"), ("style:page-layout-name", "A4")],
    )?;
    end(&mut w, "office:master-styles")?;
    end(&mut w, "office:document-styles")?;
    Ok(w.into_inner())
}

fn meta(doc: &Document) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    document_start(&mut w, "office:document-meta")?;
    start(&mut w, "office:meta", &[])?;
    start(&mut w, "meta:generator", &[])?;
    Runs::new().write(&mut w, concat!("tafel ", env!("CARGO_PKG_VERSION")))?;
    end(&mut w, "meta:generator")?;
    start(&mut w, "dc:title", &[])?;
    Runs::new().write(&mut w, &doc.title.replace('\n', " "))?;
    end(&mut w, "dc:title")?;
    start(&mut w, "dc:language", &[])?;
    Runs::new().write(&mut w, doc.language)?;
    end(&mut w, "dc:language")?;
    end(&mut w, "office:meta")?;
    end(&mut w, "office:document-meta")?;
    Ok(w.into_inner())
}

fn manifest() -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "manifest:manifest",
        &[
            (
                "xmlns:manifest",
                "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
            ),
            ("manifest:version", "1.3"),
        ],
    )?;
    empty(
        &mut w,
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:version", "1.3"),
            ("manifest:media-type", MIME),
        ],
    )?;
    for file in ["content.xml", "styles.xml", "meta.xml"] {
        empty(
            &mut w,
            "manifest:file-entry",
            &[
                ("manifest:full-path", file),
                ("manifest:media-type", "text/xml"),
            ],
        )?;
    }
    end(&mut w, "manifest:manifest")?;
    Ok(w.into_inner())
}
