//! A list the home screen reads from disk when it is opened: not read yet, read, or not
//! readable (why, in words). The look-back list and the open agreements are both one.

#[derive(Debug, Default)]
pub enum Loadable<T> {
    #[default]
    NotLoaded,
    Loaded(T),
    /// It could not be read: why, in words.
    Unavailable(String),
}

impl<T> Loadable<T> {
    pub fn from_result(result: Result<T, String>) -> Loadable<T> {
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
