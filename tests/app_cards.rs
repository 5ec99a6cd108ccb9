//! The application state machine, driven without a terminal and with a fake clock: drawing, putting back, skipping and reshuffling cards; turns and roles.
//!
//! The harness (`tests/common/harness.rs`) plays the shell: it feeds keys, pastes and ticks to
//! `App::update`, and handles the effects the way the real loop does. `Effect::Persist`
//! becomes journal records (consecutive `seq`, the fake clock's `t` and wall time) that are
//! handed back to `App::confirmed`; bells, drafts and quitting are recorded so tests can look
//! at them. What the tests look at is in `tests/common/app_helpers.rs`.

mod common;

use std::collections::BTreeSet;

use tafel::app::Mode;
use tafel::session::Session;
use tafel::session::event::{CardRef, Event, Record, RoleAssignment};

use common::app_helpers::{has_persist, is_info, persisted};
use common::harness::{LIBRARY, Setup};

// ---------------------------------------------------------------------------------------------
// Cards
// ---------------------------------------------------------------------------------------------

#[test]
fn a_round_with_draw_draws_its_cards_when_it_starts() {
    let mut h = Setup::plan("koers-wat").start();
    assert!(h.table().is_empty(), "the first round draws nothing");
    let effects = h.right();
    let drawn: Vec<CardRef> = persisted(&effects)
        .into_iter()
        .filter_map(|e| match e {
            Event::CardDrawn { card } => Some(card),
            _ => None,
        })
        .collect();
    assert_eq!(drawn.len(), 2);
    assert_eq!(h.table(), drawn);
    assert_ne!(drawn[0], drawn[1]);
    for card in &drawn {
        assert_eq!(card.deck, "koerskaarten");
        assert_eq!(h.category_of(card), "wat-opgave");
    }
    // They are the top of the pile as the seed shuffled it.
    let at_start = Session::from_records(&h.journal[..1]).unwrap();
    let pile = &at_start.piles["koerskaarten"];
    let first_two: Vec<&String> = pile
        .remaining
        .iter()
        .filter(|id| {
            h.category_of(&CardRef {
                deck: "koerskaarten".into(),
                card: (*id).clone(),
            }) == "wat-opgave"
        })
        .take(2)
        .collect();
    assert_eq!(first_two, [&drawn[0].card, &drawn[1].card]);
    assert_eq!(h.app.card_on_table(), Some(&drawn[1]));

    // Leaving the round puts them aside.
    h.right();
    assert_eq!(
        h.app.session.piles["koerskaarten"].aside,
        [drawn[0].card.clone(), drawn[1].card.clone()]
    );
    assert_eq!(h.table().len(), 1, "round 3 drew its own card");
}

#[test]
fn d_draws_the_whole_deck_without_repeats_then_offers_to_reshuffle() {
    let mut setup = Setup::plan("check-in-out").session_deck("koerskaarten");
    // The whole deck: the bundled round leaves the `veiligheid` cards out, this one not.
    setup.plan.rounds[0].draw.as_mut().unwrap().without.clear();
    let mut h = setup.start();
    let size = LIBRARY.deck("koerskaarten").unwrap().cards.len();
    assert_eq!(h.table().len(), 1, "Inchecken draws one card");
    for _ in 1..size {
        let events = persisted(&h.ch('d'));
        assert!(matches!(events[..], [Event::CardDrawn { .. }]));
    }
    let drawn = h.drawn();
    assert_eq!(drawn.len(), size);
    let distinct: BTreeSet<&CardRef> = drawn.iter().collect();
    assert_eq!(distinct.len(), size, "never the same card twice");
    assert!(h.app.session.piles["koerskaarten"].remaining.is_empty());
    assert_eq!(h.app.card_on_table(), drawn.last());

    // One more: the pile is empty.
    let effects = h.ch('d');
    assert!(!has_persist(&effects));
    match &h.app.mode {
        Mode::EmptyPile { deck, category } => {
            assert_eq!(deck, "koerskaarten");
            assert_eq!(category, &None);
        }
        _ => panic!("expected the empty-pile question"),
    }
    // Yes, but every card is on the table: nothing to draw.
    let effects = h.ch('j');
    assert_eq!(
        persisted(&effects),
        [Event::PileReshuffled {
            deck: "koerskaarten".into(),
            order: Vec::new()
        }]
    );
    assert!(is_info(&h.app.status));
    assert!(h.is_normal());
    assert_eq!(h.table().len(), size);

    // Skip one card: it is set aside, and the reshuffle brings exactly it back.
    let skipped = h.table().last().cloned().unwrap();
    h.ch('s');
    h.ch('d');
    assert!(matches!(h.app.mode, Mode::EmptyPile { .. }));
    let effects = h.ch('j');
    assert_eq!(
        persisted(&effects),
        [
            Event::PileReshuffled {
                deck: "koerskaarten".into(),
                order: vec![skipped.card.clone()]
            },
            Event::CardDrawn {
                card: skipped.clone()
            }
        ]
    );
    assert_eq!(h.app.card_on_table(), Some(&skipped));
}

#[test]
fn cards_drawn_earlier_in_the_session_do_not_come_back() {
    let mut h = Setup::plan("check-in-out")
        .session_deck("koerskaarten")
        .start();
    h.keys("ddddd");
    let first_round: Vec<CardRef> = h.drawn();
    assert_eq!(first_round.len(), 6);
    h.right();
    assert!(h.table().is_empty());
    h.keys("dd"); // the middle round draws from the session deck too
    h.right();
    h.keys("ddddd");
    let all = h.drawn();
    assert_eq!(all.len(), 6 + 2 + 6);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len());
    let aside = &h.app.session.piles["koerskaarten"].aside;
    for card in &all[..8] {
        assert!(aside.contains(&card.card), "used cards are set aside");
    }
}

#[test]
fn t_puts_the_card_back_into_the_pile_where_it_can_be_drawn_again() {
    let mut h = Setup::plan("koers-wat").start();
    h.ch('d');
    let card = h.app.card_on_table().cloned().expect("a card");
    let size_before = h.app.session.piles["koerskaarten"].remaining.len();
    let effects = h.ch('t');
    let events = persisted(&effects);
    let [
        Event::CardPutBack {
            card: back,
            position,
        },
    ] = &events[..]
    else {
        panic!("expected a put-back, got {effects:?}");
    };
    assert_eq!(back, &card);
    assert!(*position <= size_before);
    assert!(h.table().is_empty());
    let pile = &h.app.session.piles["koerskaarten"];
    assert_eq!(pile.remaining.len(), size_before + 1);
    assert_eq!(pile.remaining[*position], card.card);
    assert!(
        !pile.aside.contains(&card.card),
        "put back is not set aside"
    );

    // It comes up again exactly when the pile reaches it.
    let position = *position;
    for _ in 0..position {
        h.ch('d');
        assert_ne!(h.app.card_on_table(), Some(&card));
    }
    h.ch('d');
    assert_eq!(h.app.card_on_table(), Some(&card));
    assert_eq!(h.drawn().iter().filter(|c| **c == card).count(), 2);
}

#[test]
fn s_skips_the_card_and_sets_it_aside() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    let table = h.table();
    let top = table[1].clone();
    let effects = h.ch('s');
    assert_eq!(
        persisted(&effects),
        [Event::CardSkipped { card: top.clone() }]
    );
    assert_eq!(h.table(), [table[0].clone()]);
    assert_eq!(h.app.card_on_table(), Some(&table[0]));
    let pile = &h.app.session.piles["koerskaarten"];
    assert_eq!(pile.aside, std::slice::from_ref(&top.card));
    assert!(!pile.remaining.contains(&top.card));
}

#[test]
fn t_and_s_without_a_card_only_say_so() {
    let mut h = Setup::plan("koers-wat").start();
    let before = h.journal.len();
    assert!(h.ch('t').is_empty());
    assert!(is_info(&h.app.status));
    assert!(h.ch('s').is_empty());
    assert!(is_info(&h.app.status));
    assert_eq!(h.journal.len(), before);
}

#[test]
fn an_empty_category_asks_and_j_reshuffles_the_set_aside_cards_and_draws() {
    let mut h = Setup::plan("koers-wat").start();
    h.right();
    assert_eq!(h.table().len(), 2);
    for _ in 0..10 {
        h.ch('d');
    }
    let table = h.table();
    assert_eq!(table.len(), 12);
    assert!(table.iter().all(|c| h.category_of(c) == "wat-opgave"));
    let others = h.app.session.piles["koerskaarten"].remaining.len();
    assert!(others > 0, "other categories are still in the pile");

    h.ch('d');
    match &h.app.mode {
        Mode::EmptyPile { deck, category } => {
            assert_eq!(deck, "koerskaarten");
            assert_eq!(category.as_deref(), Some("wat-opgave"));
        }
        _ => panic!("expected the empty-pile question"),
    }
    // Another key than yes: nothing happens.
    let before = h.journal.len();
    assert!(h.ch('n').is_empty());
    assert!(h.is_normal());
    assert_eq!(h.journal.len(), before);

    // Set three aside, then reshuffle: one of those three comes back.
    let skipped: Vec<CardRef> = table[9..].to_vec();
    h.keys("sss");
    h.ch('d');
    assert!(matches!(h.app.mode, Mode::EmptyPile { .. }));
    let events = persisted(&h.ch('j'));
    assert_eq!(events.len(), 2);
    let Event::PileReshuffled { deck, order } = &events[0] else {
        panic!("expected a reshuffle first: {events:?}");
    };
    assert_eq!(deck, "koerskaarten");
    assert_eq!(order.len(), others + 3, "the pile and the set-aside cards");
    let Event::CardDrawn { card } = &events[1] else {
        panic!("expected a draw: {events:?}");
    };
    assert!(skipped.contains(card), "{card:?} was set aside");
    let pile = &h.app.session.piles["koerskaarten"];
    assert!(pile.aside.is_empty());
    assert_eq!(pile.remaining.len(), others + 2);
    assert_eq!(h.table().len(), 10);
    assert_eq!(h.table().iter().collect::<BTreeSet<_>>().len(), 10);
}

#[test]
fn the_same_seed_gives_the_same_draws() {
    let script = |seed: u64| {
        let mut h = Setup::plan("koers-wat").seed(seed).start();
        h.advance_secs(30);
        h.right();
        h.keys("dtdsd");
        h.advance_secs(30);
        h.right();
        h.keys("dtd");
        h.right();
        h.journal
    };
    let one = script(42);
    let two = script(42);
    assert_eq!(one, two, "the same seed replays the same session");
    let draws = |journal: &[Record]| -> Vec<Event> {
        journal
            .iter()
            .filter(|r| matches!(r.event, Event::CardDrawn { .. } | Event::CardPutBack { .. }))
            .map(|r| r.event.clone())
            .collect()
    };
    let distinct: BTreeSet<String> = (1..=6)
        .map(|seed| format!("{:?}", draws(&script(seed))))
        .collect();
    assert!(distinct.len() > 1, "different seeds can draw differently");
}

// ---------------------------------------------------------------------------------------------
// Turns and roles
// ---------------------------------------------------------------------------------------------

#[test]
fn the_turn_is_set_when_a_round_starts_and_b_passes_it_around() {
    let mut h = Setup::plan("grenzeloos-workshop")
        .participants(&["Anna", "Bram", "Cem"])
        .start();
    assert!(h.events().contains(&Event::TurnPassed { to: 0 }));
    assert_eq!(h.app.session.turn_name(), Some("Anna"));
    assert_eq!(persisted(&h.ch('b')), [Event::TurnPassed { to: 1 }]);
    assert_eq!(h.app.session.turn_name(), Some("Bram"));
    h.ch('b');
    assert_eq!(h.app.session.turn_name(), Some("Cem"));
    assert_eq!(persisted(&h.ch('b')), [Event::TurnPassed { to: 0 }]);
    assert_eq!(h.app.session.turn_name(), Some("Anna"));

    // Rounds without turns leave the turn alone; the next round with turns moves it on.
    h.right();
    assert!(!h.app.session.current_round().unwrap().round.turns);
    assert_eq!(h.app.session.turn, Some(0));
    h.right();
    h.right();
    assert!(h.app.session.current_round().unwrap().round.turns);
    assert_eq!(h.app.session.turn_name(), Some("Bram"));

    // b also works in rounds without turns.
    h.right();
    h.ch('b');
    assert_eq!(h.app.session.turn_name(), Some("Cem"));
}

#[test]
fn without_participants_b_only_says_so() {
    let mut h = Setup::plan("grenzeloos-workshop").start();
    assert!(
        !h.events()
            .iter()
            .any(|e| matches!(e, Event::TurnPassed { .. }))
    );
    let before = h.journal.len();
    assert!(h.ch('b').is_empty());
    assert!(is_info(&h.app.status));
    assert_eq!(h.journal.len(), before);
    assert_eq!(h.app.session.turn, None);

    // Nobody to give roles to.
    h.go_to("Tien lessen, vier rollen");
    assert!(h.app.session.roles.is_empty());
    assert!(
        !h.events()
            .iter()
            .any(|e| matches!(e, Event::RolesAssigned { .. }))
    );
}

fn roles_for(seed: u64, people: &[&str]) -> Vec<RoleAssignment> {
    let mut h = Setup::plan("grenzeloos-workshop")
        .participants(people)
        .seed(seed)
        .start();
    h.go_to("Tien lessen, vier rollen");
    assert_eq!(h.current(), Some(6));
    let assigned: Vec<&Event> = h
        .journal
        .iter()
        .map(|r| &r.event)
        .filter(|e| matches!(e, Event::RolesAssigned { .. }))
        .collect();
    assert_eq!(
        assigned,
        [&Event::RolesAssigned {
            round: 6,
            roles: h.app.session.roles.clone()
        }]
    );
    let roles = h.app.session.roles.clone();
    // The next round has no roles: they are gone from the screen.
    h.right();
    assert!(h.app.session.roles.is_empty());
    roles
}

#[test]
fn roles_go_to_every_participant_deterministically() {
    let people = ["Anna", "Bram", "Cem", "Dewi", "Eva"];
    let plan_roles = [
        "Opdrachtgever",
        "Opdrachtnemer",
        "Staande organisatie",
        "Adviseur of procesbegeleider",
    ];
    let roles = roles_for(11, &people);
    assert_eq!(roles.len(), people.len());
    let who: BTreeSet<&str> = roles.iter().map(|r| r.participant.as_str()).collect();
    assert_eq!(who, people.iter().copied().collect(), "each exactly once");
    for role in &roles {
        assert!(plan_roles.contains(&role.role.as_str()), "{role:?}");
    }
    let used: BTreeSet<&str> = roles.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(used.len(), 4, "five people cover all four roles");
    assert_eq!(
        roles_for(11, &people),
        roles,
        "the same seed, the same roles"
    );

    // With fewer people than roles, everyone gets a different one.
    let three = roles_for(3, &["Anna", "Bram", "Cem"]);
    assert_eq!(three.len(), 3);
    assert_eq!(
        three.iter().map(|r| &r.role).collect::<BTreeSet<_>>().len(),
        3
    );
}

#[test]
fn different_seeds_can_hand_out_roles_differently() {
    let people = ["Anna", "Bram", "Cem", "Dewi"];
    let distinct: BTreeSet<String> = (1..=8)
        .map(|seed| format!("{:?}", roles_for(seed, &people)))
        .collect();
    assert!(distinct.len() > 1);
}
