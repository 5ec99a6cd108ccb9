//! Every key table of tafel, in the order a facilitator meets them: for the README's key
//! tables (generated from here; `tests/readme_keys.rs` fails when they are stale).

use crate::i18n::Lang;

/// All key tables as Markdown, in `lang`.
pub fn markdown(lang: Lang) -> String {
    [
        crate::app::keymap::SESSION.markdown(lang),
        crate::app::keymap::EDITOR.markdown(lang),
        crate::app::keymap::SOLO.markdown(lang),
        crate::replay::keymap::REPLAY.markdown(lang),
        crate::room::ROOM.markdown(lang),
        crate::home::picker::PICKER.markdown(lang),
        crate::list::LIST.markdown(lang),
        crate::input::keymap::LINE.markdown(lang),
    ]
    .join("\n")
}
