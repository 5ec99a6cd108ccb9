//! The README's key tables are generated from the keymaps the program itself uses; this
//! fails when they are stale. `TAFEL_UPDATE_README=1 cargo test --test readme_keys` writes
//! them again.

use std::path::Path;

use tafel::i18n::Lang;

const SECTIONS: [(&str, Lang); 2] = [("toetsen:nl", Lang::Nl), ("keys:en", Lang::En)];

/// `text` with the block between `<!-- name -->` and `<!-- /name -->` replaced by `body`.
fn with_block(text: &str, name: &str, body: &str) -> String {
    let open = format!("<!-- {name} -->\n");
    let close = format!("<!-- /{name} -->");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("README lacks {open}"))
        + open.len();
    let end = text[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("README lacks {close}"))
        + start;
    format!("{}{body}{}", &text[..start], &text[end..])
}

#[test]
fn the_readme_key_tables_are_the_programs_own() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let mut expected = readme.clone();
    for (name, lang) in SECTIONS {
        expected = with_block(&expected, name, &tafel::keymaps::markdown(lang));
    }
    if std::env::var_os("TAFEL_UPDATE_README").is_some() {
        std::fs::write(&path, &expected).expect("write README.md");
        return;
    }
    assert!(
        readme == expected,
        "README.md's key tables are stale: run TAFEL_UPDATE_README=1 cargo test --test readme_keys"
    );
}

#[test]
fn every_key_table_says_what_each_key_does_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        let tables = tafel::keymaps::markdown(lang);
        for line in tables.lines().filter(|l| l.starts_with("| `")) {
            let what = line.rsplit('|').nth(1).unwrap_or("").trim();
            assert!(!what.is_empty(), "a key without words: {line}");
        }
    }
    let nl = tafel::keymaps::markdown(Lang::Nl);
    let en = tafel::keymaps::markdown(Lang::En);
    assert_eq!(nl.lines().count(), en.lines().count());
    assert_ne!(nl, en);
}
