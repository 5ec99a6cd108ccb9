//! The TOML parser's and serde's English messages in the user's language: syntax errors
//! ("invalid basic string, expected `\"`") and values of the wrong kind
//! ("invalid type: string \"10\", expected i64"). Messages not known here are kept as they
//! are, after "ongeldige TOML:".

use crate::tr;

/// What a plan's `turns` accepts, as serde says it was expected (`catalog::kinds` says it
/// to serde; here it is said in Dutch).
pub const TURNS_EXPECTED: &str = "true, false or \"team\"";

/// A parser or serde message, explained. Unknown and missing fields are explained by the
/// callers, who know which keys are allowed.
pub fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return wrong_kind(found, expected);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        let found = found_words(found);
        let expected = expected_words(expected);
        return tr!(
            "ongeldige waarde {found}: verwacht {expected}",
            "invalid value {found}: expected {expected}"
        );
    }
    let syntax = syntax_words(message);
    tr!("ongeldige TOML: {syntax}", "invalid TOML: {syntax}")
}

fn wrong_kind(found: &str, expected: &str) -> String {
    let number_in_quotes = found
        .strip_prefix("string \"")
        .and_then(|s| s.strip_suffix('"'))
        .filter(|s| s.trim().parse::<i64>().is_ok() && is_integer(expected));
    let found_text = found_words(found);
    let expected_text = expected_words(expected);
    match number_in_quotes {
        Some(number) => {
            let number = number.trim();
            tr!(
                "verkeerd soort waarde: {found_text}, verwacht {expected_text}; schrijf het getal zonder aanhalingstekens: {number}",
                "wrong kind of value: {found_text}, expected {expected_text}; write the number without quotes: {number}"
            )
        }
        None => tr!(
            "verkeerd soort waarde: {found_text}, verwacht {expected_text}",
            "wrong kind of value: {found_text}, expected {expected_text}"
        ),
    }
}

fn is_integer(expected: &str) -> bool {
    matches!(
        expected,
        "i8" | "i16"
            | "i32"
            | "i64"
            | "i128"
            | "u8"
            | "u16"
            | "u32"
            | "u64"
            | "u128"
            | "usize"
            | "isize"
            | "an integer"
    )
}

/// serde's name for the value that was found ("string \"10\"", "integer `5`").
fn found_words(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_end_matches(" as i128").trim_matches('`').to_string())
    };
    if let Some(text) = found.strip_prefix("string ") {
        return tr!("tekst {text}", "text {text}");
    }
    if let Some(n) = quoted("integer ") {
        return tr!("getal {n}", "number {n}");
    }
    if let Some(n) = quoted("floating point ") {
        return tr!("kommagetal {n}", "decimal number {n}");
    }
    if let Some(b) = quoted("boolean ") {
        return tr!("waarheidswaarde {b}", "boolean {b}");
    }
    match found {
        "sequence" => tr!("een lijst", "a list"),
        "map" => tr!("een tabel", "a table"),
        "string" => tr!("tekst", "text"),
        other => other.to_string(),
    }
}

/// serde's name for what was expected ("i64", "a string", "struct RawDeck").
fn expected_words(expected: &str) -> String {
    if is_integer(expected) {
        return tr!("een geheel getal", "a whole number");
    }
    if expected.starts_with("struct ") || expected == "a map" {
        return tr!("een tabel", "a table");
    }
    match expected {
        "a string" => tr!(
            "tekst tussen aanhalingstekens",
            "text between quotation marks"
        ),
        "a boolean" => tr!("true of false", "true or false"),
        TURNS_EXPECTED => {
            tr!("true, false of \"team\"", "true, false or \"team\"")
        }
        "a sequence" => tr!(
            "een lijst, zoals [\"a\", \"b\"]",
            "a list, such as [\"a\", \"b\"]"
        ),
        "f64" | "f32" => tr!("een getal", "a number"),
        other => other.to_string(),
    }
}

/// The TOML parser's common syntax errors.
fn syntax_words(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    let known = [
        (
            "invalid basic string, expected non-double-quote visible characters",
            tr!(
                "een regeleinde of stuurteken in een tekst; gebruik \"\"\"…\"\"\" voor tekst over meer regels",
                "a line break or control character in a text; use \"\"\"…\"\"\" for text on several lines"
            ),
        ),
        (
            "invalid basic string",
            tr!(
                "tekst zonder afsluitend aanhalingsteken `\"`",
                "text without a closing quotation mark `\"`"
            ),
        ),
        (
            "invalid literal string",
            tr!(
                "tekst zonder afsluitend aanhalingsteken `'`",
                "text without a closing quotation mark `'`"
            ),
        ),
        (
            "duplicate key",
            tr!(
                "deze sleutel of tabel staat er al",
                "this key or table is already there"
            ),
        ),
        (
            "key with no value",
            tr!(
                "sleutel zonder waarde: verwacht `= waarde`",
                "key without a value: expected `= value`"
            ),
        ),
        (
            "unclosed table",
            tr!(
                "tabelkop zonder afsluitende `]`",
                "table header without a closing `]`"
            ),
        ),
        (
            "unclosed array",
            tr!("lijst zonder afsluitende `]`", "list without a closing `]`"),
        ),
        (
            "unclosed inline table",
            tr!(
                "tabel zonder afsluitende `}}`",
                "table without a closing `}}`"
            ),
        ),
        ("extra `=`", tr!("een `=` te veel", "one `=` too many")),
        (
            "unexpected key or value",
            tr!(
                "onverwachte tekst: na een waarde hoort een nieuwe regel",
                "unexpected text: a value is followed by a new line"
            ),
        ),
        (
            "invalid unquoted key",
            tr!(
                "ongeldige sleutel: gebruik letters, cijfers, `-` en `_`, of zet de sleutel tussen aanhalingstekens",
                "invalid key: use letters, digits, `-` and `_`, or put the key between quotation marks"
            ),
        ),
        (
            "invalid escape",
            tr!(
                "onbekende escape na `\\`; schrijf `\\\\` voor een backslash",
                "unknown escape after `\\`; write `\\\\` for a backslash"
            ),
        ),
    ];
    known
        .into_iter()
        .find(|(english, _)| first.starts_with(english))
        .map_or_else(|| message.replace('\n', " "), |(_, words)| words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_messages_are_translated() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        assert_eq!(
            explain("invalid type: string \"10\", expected i64"),
            "verkeerd soort waarde: tekst \"10\", verwacht een geheel getal; schrijf het getal zonder aanhalingstekens: 10"
        );
        assert_eq!(
            explain("invalid type: integer `5`, expected a string"),
            "verkeerd soort waarde: getal 5, verwacht tekst tussen aanhalingstekens"
        );
        assert_eq!(
            explain("invalid type: string \"ja\", expected a boolean"),
            "verkeerd soort waarde: tekst \"ja\", verwacht true of false"
        );
        assert_eq!(
            explain("invalid basic string, expected `\"`"),
            "ongeldige TOML: tekst zonder afsluitend aanhalingsteken `\"`"
        );
        assert_eq!(explain("something new"), "ongeldige TOML: something new");
    }
}
