//! The export form over the summary and over the look-back list: format, version, folder,
//! and the question before an existing file is replaced.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::overlays::{popup, window};
use super::theme;
use crate::app::export::{ExistsKey, ExportField, ExportForm, FORMATS};
use crate::tr;

pub fn render(form: &ExportForm, area: Rect, buf: &mut Buffer) {
    let rect = popup(area, 70, 10);
    if rect.is_empty() {
        return;
    }
    Clear.render(rect, buf);
    let width = usize::from(rect.width.saturating_sub(4));
    let label = |field: ExportField, text: String| {
        let style = if form.focus == field && form.exists.is_none() {
            theme::selected()
        } else {
            theme::title()
        };
        Span::styled(format!("{text:<11}"), style)
    };
    let mut formats = vec![label(ExportField::Format, tr!("Formaat", "Format"))];
    for (i, name) in FORMATS.iter().enumerate() {
        let style = if i == form.format {
            theme::selected()
        } else {
            theme::dim()
        };
        formats.push(Span::styled(format!(" {name} "), style));
        formats.push(Span::raw(" "));
    }
    let version = if form.facilitator {
        tr!(
            "voor de facilitator (met tips en tijden)",
            "for the facilitator (with tips and times)"
        )
    } else {
        tr!("voor de deelnemers", "for the participants")
    };
    let mut folder = vec![label(ExportField::Folder, tr!("Map", "Folder"))];
    folder.extend(
        crate::ui::line_input::input_line(&form.folder, width.saturating_sub(11), form.typing())
            .spans,
    );
    let mut lines = vec![
        Line::from(formats),
        Line::from(vec![
            label(ExportField::Version, tr!("Versie", "Version")),
            Span::raw(format!("‹ {version} ›")),
        ]),
        Line::from(folder),
        Line::default(),
    ];
    match (&form.exists, &form.problem) {
        (Some(path), _) => {
            lines.push(Line::styled(
                tr!(
                    "{} bestaat al.",
                    "{} already exists.",
                    crate::text::visible(&path.display().to_string())
                ),
                theme::error(),
            ));
            lines.push(Line::styled(
                keys_line(crate::app::export::EXISTS.hint_pairs(&[
                    ExistsKey::Overwrite,
                    ExistsKey::NewName,
                    ExistsKey::Back,
                ])),
                theme::accent(),
            ));
        }
        (None, Some(problem)) => {
            lines.push(Line::styled(problem.clone(), theme::error()));
        }
        (None, None) => {}
    }
    if form.exists.is_none() {
        lines.push(Line::styled(
            keys_line(crate::app::export::export_hints(form.typing())),
            theme::accent(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(window(tr!("Exporteren", "Export")))
        .render(rect, buf);
}

/// "Tab = volgend veld · Enter = exporteren", from the form's key table.
fn keys_line(hints: Vec<(String, String)>) -> String {
    hints
        .into_iter()
        .map(|(keys, words)| format!("{keys} = {words}"))
        .collect::<Vec<_>>()
        .join(" · ")
}
