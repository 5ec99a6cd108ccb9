//! The decks and plans compiled into the binary, so `tafel` works from any directory.

/// (path shown to the user, contents)
pub const FILES: &[(&str, &str)] = &[
    (
        "decks/koerskaarten.toml",
        include_str!("../../decks/koerskaarten.toml"),
    ),
    (
        "decks/grenzeloos-samenwerken.toml",
        include_str!("../../decks/grenzeloos-samenwerken.toml"),
    ),
    (
        "decks/loyale-tegenspraak.toml",
        include_str!("../../decks/loyale-tegenspraak.toml"),
    ),
    (
        "decks/plans/koers-wat.toml",
        include_str!("../../decks/plans/koers-wat.toml"),
    ),
    (
        "decks/plans/koers-hoedan.toml",
        include_str!("../../decks/plans/koers-hoedan.toml"),
    ),
    (
        "decks/plans/grenzeloos-workshop.toml",
        include_str!("../../decks/plans/grenzeloos-workshop.toml"),
    ),
    (
        "decks/plans/tegenspraak-gesprek.toml",
        include_str!("../../decks/plans/tegenspraak-gesprek.toml"),
    ),
    (
        "decks/plans/check-in-out.toml",
        include_str!("../../decks/plans/check-in-out.toml"),
    ),
];
