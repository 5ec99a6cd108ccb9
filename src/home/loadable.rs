//! A list the home screen reads from disk when it is opened: not read yet, read, or not
//! readable (and why). The look-back list and the open agreements are both one.

/// Why a list could not be read: the error the shell met, kept as it is. The screen decides
/// nothing by it; it only shows it (its `Display`, in the user's language).
pub type Why = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, Default)]
pub enum Loadable<T> {
    #[default]
    NotLoaded,
    Loaded(T),
    /// It could not be read: why.
    Unavailable(Why),
}

impl<T> Loadable<T> {
    pub fn from_result(result: Result<T, Why>) -> Loadable<T> {
        match result {
            Ok(value) => Loadable::Loaded(value),
            Err(why) => Loadable::Unavailable(why),
        }
    }

    pub fn loaded(&self) -> Option<&T> {
        match self {
            Loadable::Loaded(value) => Some(value),
            _ => None,
        }
    }
}
