//! `tafel print DECK [--category ID] [--tips] [-o FILE]`: the cards of a deck as one
//! self-contained HTML page that prints on A4, six cards a sheet with cut marks, the deck and
//! category on every card. With `--tips` every sheet of fronts is followed by a sheet of backs
//! with the facilitator's tip, mirrored so that double-sided printing (flip on the long edge)
//! puts each tip behind its card.

use std::io::Write;
use std::path::PathBuf;

use super::{Context, Failure, Outcome};
use crate::catalog::{Card, Deck};
use crate::history::export::html::{escape, head};
use crate::tr;

/// Cards on one A4 sheet: two columns, three rows.
pub const PER_SHEET: usize = 6;
const COLUMNS: usize = 2;

#[derive(Debug, clap::Args)]
pub struct PrintArgs {
    /// Stapel-id (zie `tafel decks`)
    pub deck: String,
    /// Alleen de kaarten van deze categorie
    #[arg(long)]
    pub category: Option<String>,
    /// Met de tip voor de begeleider op de achterkant (dubbelzijdig afdrukken, lange zijde)
    #[arg(long)]
    pub tips: bool,
    /// Schrijf naar dit bestand in plaats van stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overschrijf een bestaand bestand
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: &PrintArgs) -> Outcome {
    let deck = ctx.deck(&args.deck)?;
    if let Some(id) = &args.category
        && deck.category(id).is_none()
    {
        let known: Vec<&str> = deck.categories.iter().map(|c| c.id.as_str()).collect();
        let known = known.join(", ");
        return Err(Failure::usage(tr!(
            "onbekende categorie `{id}` in `{}` (wel: {known})",
            "unknown category `{id}` in `{}` (there are: {known})",
            deck.id
        )));
    }
    let page = render(deck, args.category.as_deref(), args.tips);
    match &args.output {
        None => std::io::stdout()
            .lock()
            .write_all(page.as_bytes())
            .map_err(|e| Failure::failed(e.to_string())),
        Some(path) => {
            super::export::write_new(path, page.as_bytes(), args.force)?;
            eprintln!("{}", tr!("geschreven: {}", "written: {}", path.display()));
            Ok(())
        }
    }
}

const STYLE: &str = "\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Segoe UI', Calibri, Arial, sans-serif; color: #1a1a1a; }
.sheet { width: 210mm; height: 297mm; padding: 13.5mm 10mm; display: grid;
  grid-template-columns: 90mm 90mm; grid-template-rows: repeat(3, 90mm);
  column-gap: 10mm; justify-content: center; align-content: center;
  break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.card { position: relative; width: 90mm; height: 90mm; padding: 7mm;
  outline: 0.2mm dashed #bbb; display: flex; flex-direction: column; overflow: hidden; }
.card::before, .card::after { content: ''; position: absolute; pointer-events: none; }
.card::before { top: -3mm; left: -3mm; width: 3mm; height: 3mm;
  border-right: 0.3mm solid #000; border-bottom: 0.3mm solid #000; }
.card::after { bottom: -3mm; right: -3mm; width: 3mm; height: 3mm;
  border-left: 0.3mm solid #000; border-top: 0.3mm solid #000; }
.source { font-size: 8pt; text-transform: uppercase; letter-spacing: .04em; color: #555;
  border-bottom: 0.3mm solid #999; padding-bottom: 1.5mm; margin-bottom: 4mm; }
.title { font-size: 15pt; font-weight: 700; margin: 0 0 3mm; }
.prompt { font-size: 11pt; line-height: 1.4; margin: 0; }
.tip { font-size: 10.5pt; line-height: 1.4; margin: 0; font-style: italic; }
.id { margin-top: auto; font-size: 7pt; color: #888; }
.empty { outline: none; }
.empty::before, .empty::after { display: none; }
@page { size: A4; margin: 0; }
@media screen { body { background: #ddd; } .sheet { background: #fff; margin: 5mm auto; } }
";

/// The page for the cards of `deck` (of one category when given).
pub fn render(deck: &Deck, category: Option<&str>, tips: bool) -> String {
    let cards: Vec<&Card> = deck
        .cards
        .iter()
        .filter(|c| category.is_none_or(|id| c.category == id))
        .collect();
    let title = match category.and_then(|id| deck.category(id)) {
        Some(c) => format!("{} · {}", deck.title, c.title),
        None => deck.title.clone(),
    };
    let mut out = head(&deck.language, &title, STYLE);
    out.push_str("<body>\n");
    for sheet in cards.chunks(PER_SHEET) {
        out.push_str("<section class=\"sheet fronts\">\n");
        for card in sheet {
            front(&mut out, deck, card);
        }
        out.push_str("</section>\n");
        if tips {
            out.push_str("<section class=\"sheet backs\">\n");
            for slot in mirrored(sheet.len()) {
                match slot {
                    Some(i) => back(&mut out, deck, sheet[i]),
                    None => out.push_str("<div class=\"card empty\"></div>\n"),
                }
            }
            out.push_str("</section>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The order of the backs on a sheet of `count` fronts: each row's columns swapped, so a
/// back lands behind its front when the sheet is turned over its long edge. `None` is an
/// empty place that keeps the others in position.
pub fn mirrored(count: usize) -> Vec<Option<usize>> {
    let rows = count.div_ceil(COLUMNS);
    let mut order = Vec::new();
    for row in 0..rows {
        for column in (0..COLUMNS).rev() {
            let i = row * COLUMNS + column;
            order.push((i < count).then_some(i));
        }
    }
    order
}

fn source(deck: &Deck, card: &Card) -> String {
    let category = deck
        .category(&card.category)
        .map_or(card.category.as_str(), |c| c.title.as_str());
    format!(
        "<div class=\"source\">{} · {}</div>\n",
        escape(&deck.title),
        escape(category)
    )
}

fn front(out: &mut String, deck: &Deck, card: &Card) {
    out.push_str("<div class=\"card front\">\n");
    out.push_str(&source(deck, card));
    out.push_str(&format!(
        "<h2 class=\"title\">{}</h2>\n<p class=\"prompt\">{}</p>\n<div class=\"id\">{}</div>\n",
        escape(&card.title),
        escape(&card.prompt),
        escape(&card.id)
    ));
    out.push_str("</div>\n");
}

fn back(out: &mut String, deck: &Deck, card: &Card) {
    out.push_str("<div class=\"card back\">\n");
    out.push_str(&source(deck, card));
    out.push_str(&format!(
        "<h2 class=\"title\">{}</h2>\n",
        escape(&tr!("Tip voor de begeleider", "Tip for the facilitator"))
    ));
    if let Some(hint) = &card.hint {
        out.push_str(&format!("<p class=\"tip\">{}</p>\n", escape(hint)));
    }
    out.push_str(&format!(
        "<div class=\"id\">{} · {}</div>\n",
        escape(&card.title),
        escape(&card.id)
    ));
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_are_mirrored_per_row() {
        assert_eq!(
            mirrored(6),
            [Some(1), Some(0), Some(3), Some(2), Some(5), Some(4)]
        );
        assert_eq!(mirrored(3), [Some(1), Some(0), None, Some(2)]);
        assert_eq!(mirrored(1), [None, Some(0)]);
    }
}
