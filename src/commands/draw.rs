//! `tafel draw`: cards from a seeded shuffle, without replacement.

use super::{Context, Failure, Outcome};
use crate::catalog::parse::suggestion;
use crate::catalog::shuffle::{rng_for, shuffle};
use crate::catalog::{Card, Deck};
use crate::tr;

/// The stream name for a draw from all decks together.
const ALL_DECKS_STREAM: &str = "*";

#[derive(Debug, clap::Args)]
pub struct DrawArgs {
    /// Stapel-id (standaard: alle stapels samen)
    #[arg(long)]
    pub deck: Option<String>,
    /// Categorie-id binnen de stapel
    #[arg(long)]
    pub category: Option<String>,
    /// Aantal kaarten
    #[arg(long, default_value_t = 1)]
    pub count: usize,
    /// Startwaarde: dezelfde seed geeft altijd dezelfde kaarten
    #[arg(long)]
    pub seed: Option<u64>,
}

pub fn run(ctx: &Context, args: &DrawArgs) -> Outcome {
    let seed = args.seed.unwrap_or_else(rand::random);
    let cards = draw(ctx, args, seed)?;
    for (i, (deck, card)) in cards.iter().enumerate() {
        if i > 0 {
            println!();
        }
        print!("{}", format_card(deck, card));
    }
    eprintln!(
        "{}",
        tr!(
            "seed {seed}: met --seed {seed} trek je dezelfde kaarten opnieuw",
            "seed {seed}: --seed {seed} draws the same cards again"
        )
    );
    Ok(())
}

/// The first `count` cards of the seeded pile. A deck's pile is the whole deck shuffled with
/// the seed, so `tafel draw --deck X --seed S` shows what a session with seed S draws first.
pub fn draw<'a>(
    ctx: &'a Context,
    args: &DrawArgs,
    seed: u64,
) -> Result<Vec<(&'a Deck, &'a Card)>, Failure> {
    let (mut pile, stream): (Vec<(&Deck, &Card)>, &str) = match &args.deck {
        Some(id) => {
            let deck = ctx.deck(id)?;
            (deck.cards.iter().map(|c| (deck, c)).collect(), &deck.id)
        }
        None => (
            ctx.library()
                .decks
                .iter()
                .flat_map(|e| e.item.cards.iter().map(move |c| (&e.item, c)))
                .collect(),
            ALL_DECKS_STREAM,
        ),
    };
    if let Some(category) = &args.category {
        let known: Vec<&str> = match &args.deck {
            Some(_) => pile
                .first()
                .map(|(d, _)| d.categories.iter().map(|c| c.id.as_str()).collect())
                .unwrap_or_default(),
            None => ctx
                .library()
                .decks
                .iter()
                .flat_map(|e| e.item.categories.iter().map(|c| c.id.as_str()))
                .collect(),
        };
        if !known.contains(&category.as_str()) {
            let hint = suggestion(category, known.iter().copied());
            return Err(Failure::usage(tr!(
                "onbekende categorie `{category}`{hint}",
                "unknown category `{category}`{hint}"
            )));
        }
    }
    shuffle(&mut pile, &mut rng_for(seed, stream));
    if let Some(category) = &args.category {
        pile.retain(|(_, card)| &card.category == category);
    }
    if args.count == 0 || args.count > pile.len() {
        let available = pile.len();
        let wanted = args.count;
        return Err(Failure::usage(tr!(
            "je vraagt {wanted} kaarten, maar deze stapel heeft er {available}: kies --count 1 tot en met {available}",
            "you asked for {wanted} cards, but this pile has {available}: choose --count 1 to {available}"
        )));
    }
    pile.truncate(args.count);
    Ok(pile)
}

/// The card as text. Decks are checked for control characters when they are loaded; they are
/// made visible here as well, as every text from a file is before it reaches the terminal.
fn format_card(deck: &Deck, card: &Card) -> String {
    let out = format_card_text(deck, card);
    crate::text::visible_lines(&out).into_owned()
}

fn format_card_text(deck: &Deck, card: &Card) -> String {
    let category = deck
        .category(&card.category)
        .map_or(card.category.as_str(), |c| c.title.as_str());
    let wrap = |text: &str, prefix: &str| {
        let options = textwrap::Options::new(78)
            .initial_indent(prefix)
            .subsequent_indent("   ");
        textwrap::fill(text, options)
    };
    let mut out = format!("{} · {}\n", deck.title, category);
    out.push_str(&wrap(&card.title.to_uppercase(), "   "));
    out.push('\n');
    out.push_str(&wrap(&card.prompt, "   "));
    out.push('\n');
    if let Some(hint) = &card.hint {
        out.push_str(&wrap(hint, &tr!("   Tip: ", "   Tip: ")));
        out.push('\n');
    }
    out.push_str(&format!("   [{}/{}]\n", deck.id, card.id));
    out
}
