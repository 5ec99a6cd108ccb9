//! The parser's own rules, one file at a time (cross-file checks are tested in tests/).

use chrono::NaiveTime;

use super::*;
use crate::catalog::model::{Card, DrawSpec, GroupSize, RoundLength, SAFETY_TAG};

fn plan_problems(rounds: &str) -> Vec<String> {
    let text =
        format!("[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = []\n{rounds}");
    match parse("p.toml", &text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_round_runs_for_minutes_or_until_a_clock_time() {
    let ok = "[[round]]\ntitle = \"R\"\nuntil = \"14:30\"\ninstruction = \"I\"\n";
    let Ok(Parsed::Plan(plan, _)) = parse(
        "p.toml",
        &format!("[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n{ok}"),
    ) else {
        panic!("valid plan rejected");
    };
    assert_eq!(
        plan.rounds[0].length,
        RoundLength::Until(NaiveTime::from_hms_opt(14, 30, 0).unwrap())
    );
    let both = "[[round]]\ntitle = \"R\"\nminutes = 5\nuntil = \"14:30\"\ninstruction = \"I\"\n";
    assert_eq!(
        plan_problems(both),
        ["p.toml:8:11: geef `minutes` óf `until`, niet allebei"]
    );
    let neither = "[[round]]\ntitle = \"R\"\ninstruction = \"I\"\n";
    assert_eq!(plan_problems(neither).len(), 1);
    let bad = "[[round]]\ntitle = \"R\"\nuntil = \"half drie\"\ninstruction = \"I\"\n";
    assert!(plan_problems(bad)[0].contains("geen kloktijd"));
}

#[test]
fn a_deck_reference_must_be_listed_in_decks() {
    let round = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { deck = \"x\", count = 50 }\n";
    let problems = plan_problems(round);
    assert!(problems.iter().any(|p| p.contains("staat niet in `decks`")));
    assert!(problems.iter().any(|p| p.contains("`count = 50`")));
}

#[test]
fn a_plan_describes_itself_like_a_werkvorm() {
    let text = "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ngoal = \"Afspraken\"\naudience = \"Een team\"\ngroup_size = { min = 3, max = 12 }\nneeds = [\"Een scherm\", \"Post-its\"]\ntips = [\"Begin op tijd\"]\nvariations = [\"Online\"]\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n";
    let Ok(Parsed::Plan(plan, _)) = parse("p.toml", text) else {
        panic!("valid plan rejected");
    };
    assert_eq!(plan.guide.goal.as_deref(), Some("Afspraken"));
    assert_eq!(plan.guide.audience.as_deref(), Some("Een team"));
    assert_eq!(plan.guide.group_size, Some(GroupSize { min: 3, max: 12 }));
    assert_eq!(plan.guide.group_size.unwrap().to_string(), "3–12");
    assert_eq!(plan.guide.needs, ["Een scherm", "Post-its"]);
    assert_eq!(plan.guide.tips, ["Begin op tijd"]);
    assert_eq!(plan.guide.variations, ["Online"]);

    // Without the optional fields the guide is empty and is not written to a journal.
    let Ok(Parsed::Plan(bare, _)) = parse(
        "p.toml",
        "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n",
    ) else {
        panic!("valid plan rejected");
    };
    assert!(bare.guide.is_empty());
    assert!(!serde_json::to_string(&bare).unwrap().contains("guide"));
}

#[test]
fn a_group_size_must_make_sense() {
    let problems = |size: &str| {
        let text = format!(
            "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ngroup_size = {size}\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n"
        );
        match parse("p.toml", &text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    };
    assert!(problems("{ min = 2, max = 8 }").is_empty());
    assert!(problems("{ min = 9, max = 4 }")[0].contains("kleiner dan `min`"));
    assert!(problems("{ min = 0, max = 4 }")[0].contains("1 tot en met"));
    assert!(problems("{ min = 2 }")[0].contains("`max`"));
}

#[test]
fn a_draw_filters_on_tags_and_cannot_want_and_refuse_one() {
    let round = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { with = [\"a\"], without = [\"b\"] }\n";
    assert!(plan_problems(round).is_empty());
    let both = "[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = { with = [\"a\"], without = [\"a\"] }\n";
    assert!(plan_problems(both)[0].contains("in `with` én in `without`"));

    let card = |tags: &[&str]| Card {
        id: "k".into(),
        category: "c".into(),
        title: "T".into(),
        prompt: "P".into(),
        hint: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        form: None,
        minutes: None,
    };
    let draw = DrawSpec {
        deck: None,
        category: Some("c".into()),
        count: 1,
        with: vec![],
        without: vec![SAFETY_TAG.into()],
        form: None,
        each: false,
    };
    assert!(draw.admits(&card(&["start"])));
    assert!(!draw.admits(&card(&["start", SAFETY_TAG])));
    let only = DrawSpec {
        with: vec![SAFETY_TAG.into()],
        without: vec![],
        ..draw.clone()
    };
    assert!(only.admits(&card(&[SAFETY_TAG])));
    assert!(!only.admits(&card(&[])));
    let other_category = Card {
        category: "d".into(),
        ..card(&[])
    };
    assert!(!draw.admits(&other_category));
    assert!(draw.admits_tags(&other_category));
}

#[test]
fn a_safety_card_needs_a_hint() {
    let deck = |hint: &str| {
        format!(
            "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\ntags = [\"veiligheid\"]\n{hint}"
        )
    };
    let Err(problems) = parse("d.toml", &deck("")) else {
        panic!("a safety card without a hint was accepted");
    };
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("d.toml:14:9: een kaart met de tag `veiligheid`")
    );
    assert!(
        parse(
            "d.toml",
            &deck("hint = \"Vraag eerst of de leiding weg mag.\"\n")
        )
        .is_ok()
    );
}

#[test]
fn a_draw_that_deals_safety_cards_blind_is_reported() {
    let deck_text = "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"open\"\ntitle = \"Open\"\n[[category]]\nid = \"rust\"\ntitle = \"Rust\"\n[[card]]\nid = \"a\"\ncategory = \"open\"\ntitle = \"A\"\nprompt = \"A?\"\ntags = [\"veiligheid\"]\nhint = \"H\"\n[[card]]\nid = \"b\"\ncategory = \"rust\"\ntitle = \"B\"\nprompt = \"B?\"\n";
    let Ok(Parsed::Deck(deck)) = parse("d.toml", deck_text) else {
        panic!("deck rejected");
    };
    let check = |decks: &str, draw: &str| -> Vec<String> {
        let text = format!(
            "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\ndecks = {decks}\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\ndraw = {draw}\n"
        );
        let Ok(Parsed::Plan(plan, refs)) = parse("p.toml", &text) else {
            panic!("plan rejected: {draw}");
        };
        let find = |id: &str| (id == "d").then_some(&deck);
        check_plan_draws("p.toml", &text, &plan, &refs, &find, &[&deck])
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let blind = check("[\"d\"]", "{ category = \"open\" }");
    assert_eq!(blind.len(), 1, "{blind:?}");
    assert!(
        blind[0]
            .starts_with("p.toml:10:8: deze trekking kan kaarten met de tag `veiligheid` delen")
    );
    // A whole deck chosen at the start (decks = []) may hold them too.
    assert_eq!(check("[]", "{ count = 1 }").len(), 1);
    // Said out loud: left out, dealt on purpose, or a category without them.
    assert!(
        check(
            "[\"d\"]",
            "{ category = \"open\", with = [\"veiligheid\"] }"
        )
        .is_empty()
    );
    assert!(check("[]", "{ without = [\"veiligheid\"] }").is_empty());
    assert!(check("[\"d\"]", "{ category = \"rust\" }").is_empty());
    // A filter that leaves nothing to deal.
    let empty = check(
        "[\"d\"]",
        "{ category = \"rust\", with = [\"veiligheid\"] }",
    );
    assert!(empty[0].contains("vindt geen enkele kaart"), "{empty:?}");
}

#[test]
fn a_card_says_its_form_of_work_and_a_draw_filters_on_it() {
    crate::i18n::set_lang(crate::i18n::Lang::Nl);
    let deck = |extra: &str| {
        format!(
            "[deck]\nid = \"d\"\ntitle = \"D\"\ndescription = \"D\"\nlanguage = \"nl\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n[[card]]\nid = \"k\"\ncategory = \"c\"\ntitle = \"T\"\nprompt = \"P\"\n{extra}"
        )
    };
    let Ok(Parsed::Deck(ok)) = parse("d.toml", &deck("form = \"beurt\"\nminutes = 5\n")) else {
        panic!("a card with a form was rejected");
    };
    let card = &ok.cards[0];
    assert_eq!(card.form.as_deref(), Some("beurt"));
    assert_eq!(card.minutes, Some(5));
    assert_eq!(card.usage().as_deref(), Some("om de beurt · ± 5 minuten"));
    let Err(problems) = parse("d.toml", &deck("form = \"bert\"\nminutes = 0\n")) else {
        panic!("a wrong form was accepted");
    };
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems[0]
            .starts_with("d.toml:14:8: onbekende werkwijze `form = \"bert\"`; bedoel je `beurt`?"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("d.toml:15:11: `minutes = 0` kan niet"),
        "{problems:?}"
    );

    // A draw for turns deals cards for turns, and cards that name no form.
    let draw = DrawSpec {
        deck: None,
        category: None,
        count: 1,
        with: vec![],
        without: vec![],
        form: Some("beurt".into()),
        each: false,
    };
    let with_form = |form: Option<&str>| Card {
        form: form.map(str::to_string),
        ..card.clone()
    };
    assert!(draw.admits(&with_form(Some("beurt"))));
    assert!(draw.admits(&with_form(None)));
    assert!(!draw.admits(&with_form(Some("groep"))));
}

#[test]
fn ids_are_checked() {
    assert!(is_valid_id("wat-opgave-01"));
    assert!(!is_valid_id("Wat"));
    assert!(!is_valid_id("1-a"));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id("a b"));
}

#[test]
fn nearest_id_is_suggested_only_when_close() {
    let known = ["koerskaarten", "loyale-tegenspraak"];
    assert_eq!(
        nearest("koerskaart", known.iter().copied()),
        Some("koerskaarten")
    );
    assert_eq!(nearest("xyz", known.iter().copied()), None);
}
