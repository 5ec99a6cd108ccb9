use super::Index;
use super::sync::summarize_safely;
use crate::history::summary::SummaryError;
use crate::storage::journal::LoadError;

#[test]
fn why_a_journal_is_unreadable_is_kept_as_the_words_it_was_said_in() {
    let dir = tempfile::tempdir().unwrap();
    let name = "20261120-140000-koers-wat-aaaa.jsonl";
    let path = dir.path().join(name);
    std::fs::write(&path, "geen sessie\n").unwrap();
    let made = summarize_safely(&path).unwrap_err();
    assert!(
        matches!(made, SummaryError::Load(LoadError::NotASession { .. })),
        "{made:?}"
    );
    let (mut index, _) = Index::open(dir.path(), None).unwrap();
    index.sync(&mut |_, _| {}).unwrap();
    match index.entry(name).unwrap() {
        Some(Err(SummaryError::Stored(words))) => assert_eq!(words, made.to_string()),
        other => panic!("not stored as unreadable: {other:?}"),
    }
    assert_eq!(
        index.unreadable().unwrap(),
        [(path.clone(), made.to_string())]
    );
}
