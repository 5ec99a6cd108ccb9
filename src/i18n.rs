//! Interface language. Every message is written as a Dutch/English pair at the call site
//! (`tr!`), so a message can never exist in one language and not the other.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set once at start-up from `--lang` (or the configuration).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Nl,
    }
}

/// `tr!("Dutch {x}", "English {x}", ...)`: the message in the current language.
#[macro_export]
macro_rules! tr {
    ($nl:literal, $en:literal $(, $args:expr)* $(,)?) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::Nl => format!($nl $(, $args)*),
            $crate::i18n::Lang::En => format!($en $(, $args)*),
        }
    };
}
