//! `tafel print`: printable cards as one self-contained HTML page for A4.

mod common;

use common::{tafel, tafel_in};

fn bundled_deck() -> tafel::catalog::Deck {
    tafel::catalog::Library::bundled()
        .deck("loyale-tegenspraak")
        .expect("bundled")
        .clone()
}

fn count(text: &str, what: &str) -> usize {
    text.matches(what).count()
}

#[test]
fn a_deck_prints_six_cards_a_sheet_with_deck_and_category_on_each() {
    let run = tafel(&["print", "loyale-tegenspraak"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    let cards = bundled_deck().cards.len();
    assert_eq!(count(html, "<div class=\"card front\">"), cards);
    assert_eq!(
        count(html, "<section class=\"sheet fronts\">"),
        cards.div_ceil(6)
    );
    assert_eq!(
        count(
            html,
            "<div class=\"source\">Gespreksstarter Loyale Tegenspraak · "
        ),
        cards
    );
    assert!(html.contains("Gespreksstarter Loyale Tegenspraak · Openen</div>"));
    let first = &bundled_deck().cards[0];
    assert!(html.contains(&format!("<h2 class=\"title\">{}</h2>", first.title)));
    // Printable and self-contained: A4, cut marks, nothing loaded, no scripts.
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains(".card::before"));
    assert!(html.contains("default-src 'none'"));
    let lower = html.to_lowercase();
    for forbidden in ["<script", "<link", "src=", "href=", "@import", "url("] {
        assert!(!lower.contains(forbidden), "{forbidden}");
    }
    assert_eq!(
        count(html, "class=\"card back\""),
        0,
        "no backs without --tips"
    );
}

#[test]
fn one_category_with_tips_on_mirrored_backs() {
    let run = tafel(&[
        "print",
        "loyale-tegenspraak",
        "--category",
        "openen",
        "--tips",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    let fronts = count(html, "<div class=\"card front\">");
    assert!(
        fronts > 0 && fronts < bundled_deck().cards.len(),
        "{fronts}"
    );
    assert_eq!(count(html, "<div class=\"card back\">"), fronts);
    assert_eq!(
        count(html, "<section class=\"sheet backs\">"),
        count(html, "<section class=\"sheet fronts\">")
    );
    assert!(!html.contains("· Inhoud</div>"));
    // The first back sheet starts with the second card: mirrored for double-sided printing.
    let first_sheet = &html[html.find("sheet fronts").unwrap()..];
    let second_title = first_sheet
        .match_indices("<h2 class=\"title\">")
        .nth(1)
        .map(|(at, _)| &first_sheet[at + 18..])
        .and_then(|rest| rest.split("</h2>").next())
        .unwrap();
    let backs = &html[html.find("sheet backs").unwrap()..];
    let first_back = backs.split("<div class=\"id\">").nth(1).unwrap();
    assert!(first_back.starts_with(second_title), "{first_back}");
    // A tip of the category, word for word (one without characters HTML escapes).
    let tip = bundled_deck()
        .cards
        .iter()
        .filter(|c| c.category == "openen")
        .filter_map(|c| c.hint.clone())
        .find(|h| !h.contains(['<', '>', '&', '"', '\'']))
        .expect("an opening card with a plain tip");
    assert!(html.contains(&tip), "{tip}");
}

#[test]
fn wrong_deck_or_category_is_a_clear_usage_error() {
    let run = tafel(&["print", "loyale-tegenspraak", "--category", "nope"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("onbekende categorie `nope`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("openen"), "{}", run.stderr);
    let run = tafel(&["print", "loyale-tegenspraaak"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("loyale-tegenspraak"), "{}", run.stderr);
}

#[test]
fn text_from_a_shared_deck_file_stays_text_and_files_are_not_overwritten() {
    let config = tempfile::tempdir().unwrap();
    let decks = config.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("vijandig.toml"),
        r#"[deck]
id = "vijandig"
title = "Deck <script>alert(1)</script>"
description = "x"
language = "nl\" onload=\"x"

[[category]]
id = "c"
title = "<img src=x onerror=alert(1)>"
description = "x"

[[card]]
id = "k1"
category = "c"
title = "<b>vet</b> & [link](javascript:x)"
prompt = "<!-- verborgen --> ' \" =cmd"
hint = "<style>body{display:none}</style>"
"#,
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("kaarten.html");
    let file_arg = file.to_str().unwrap();
    let run = tafel_in(
        config.path(),
        &["print", "vijandig", "--tips", "-o", file_arg],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Deck &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;style&gt;body{display:none}&lt;/style&gt;"));
    assert!(html.contains("lang=\"nl&quot; onload=&quot;x\""));
    assert_eq!(count(&html, "<script"), 0);
    assert_eq!(
        count(&html, "<style>"),
        1,
        "only the page's own style sheet"
    );
    assert_eq!(count(&html, "<img"), 0);
    // Never over an existing file without --force.
    let again = tafel_in(config.path(), &["print", "vijandig", "-o", file_arg]);
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
}
