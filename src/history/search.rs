//! Search text folded so that "een" finds "één" and "ELK" finds "elk": lower case, accents
//! removed (Unicode decomposition, then combining marks dropped).

pub use crate::text::fold;

/// Does `haystack` (already folded) contain every word of `query`?
pub fn matches(folded_haystack: &str, query: &str) -> bool {
    fold(query)
        .split_whitespace()
        .all(|word| folded_haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(fold("Één Idee, ÇA"), "een idee, ca");
        assert!(matches(&fold("We kiezen één opgave"), "een OPGAVE"));
        assert!(!matches(&fold("We kiezen één opgave"), "twee"));
    }
}
