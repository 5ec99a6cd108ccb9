//! Every key table of tafel, in the order a facilitator meets them: for the README's key
//! tables (generated from here; `tests/readme_keys.rs` fails when they are stale).

use crate::i18n::Lang;

/// All key tables as Markdown, in `lang`.
pub fn markdown(lang: Lang) -> String {
    let mut tables = crate::home::keymap::all_markdown(lang);
    tables.extend([
        crate::app::keymap::SESSION.markdown(lang),
        crate::app::keymap::EDITOR.markdown(lang),
        crate::app::keymap::SOLO.markdown(lang),
    ]);
    tables.extend([
        crate::app::group_keys::STYLES.markdown(lang),
        crate::app::group_keys::TEAMS.markdown(lang),
        crate::app::group_keys::VOTE.markdown(lang),
    ]);
    tables.extend(crate::app::mode_keys::all_markdown(lang));
    tables.extend([
        crate::replay::keymap::REPLAY.markdown(lang),
        crate::replay::keymap::SEARCH_BOX.markdown(lang),
        crate::room::ROOM.markdown(lang),
        crate::home::picker::PICKER.markdown(lang),
        crate::builder::keymap::BUILDER.markdown(lang),
        crate::builder::keymap::ROUNDS.markdown(lang),
        crate::builder::keymap::ROUND.markdown(lang),
        crate::builder::keymap::PLAN.markdown(lang),
        crate::builder::keymap::LEAVE.markdown(lang),
        crate::app::export::EXPORT.markdown(lang),
        crate::app::export::EXISTS.markdown(lang),
        crate::list::LIST.markdown(lang),
        crate::input::keymap::LINE.markdown(lang),
    ]);
    tables.join("\n")
}
