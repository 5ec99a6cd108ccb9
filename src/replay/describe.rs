//! A record in words, for the line that says what happened: "14:32 kaart getrokken: …".

use crate::session::{CardRef, Event, NoteKind, Record, Session};
use crate::tr;

/// What the record did, in words. `after` is the session just after it: it still knows
/// a corrected note's old text, a deleted note and the round that ended.
pub fn describe(record: &Record, after: &Session) -> String {
    let card = |card: &CardRef| card_title(after, card);
    let round_title = |session: &Session, round: usize| {
        session
            .rounds
            .get(round)
            .map(|r| r.round.title.clone())
            .unwrap_or_default()
    };
    match &record.event {
        Event::SessionStarted { title, .. } => {
            tr!("sessie gestart: {title}", "session started: {title}")
        }
        Event::RoundStarted { round, .. } => {
            let n = round + 1;
            let title = round_title(after, *round);
            tr!("ronde {n} begonnen: {title}", "round {n} started: {title}")
        }
        Event::RoundEnded { round } => {
            let n = round + 1;
            let title = round_title(after, *round);
            tr!("ronde {n} afgesloten: {title}", "round {n} ended: {title}")
        }
        Event::TimerPaused => tr!("timer gepauzeerd", "timer paused"),
        Event::TimerResumed => tr!("timer loopt weer", "timer resumed"),
        Event::TimerAdjusted { delta_ms } => {
            let minutes = delta_ms.unsigned_abs().div_ceil(60_000);
            let unit = if minutes == 1 {
                tr!("minuut", "minute")
            } else {
                tr!("minuten", "minutes")
            };
            if *delta_ms >= 0 {
                tr!(
                    "timer: {minutes} {unit} erbij",
                    "timer: {minutes} {unit} more"
                )
            } else {
                tr!(
                    "timer: {minutes} {unit} eraf",
                    "timer: {minutes} {unit} less"
                )
            }
        }
        Event::TimerRestarted => tr!("timer opnieuw gestart", "timer restarted"),
        Event::TimerSetUntil { until, .. } => {
            let clock = until.format("%H:%M");
            tr!("ronde loopt nu tot {clock}", "round now runs until {clock}")
        }
        Event::CardDrawn { card: c } => {
            tr!("kaart getrokken: {}", "card drawn: {}", card(c))
        }
        Event::CardPutBack { card: c, .. } => {
            tr!("kaart teruggelegd: {}", "card put back: {}", card(c))
        }
        Event::CardSkipped { card: c } => {
            tr!("kaart overgeslagen: {}", "card skipped: {}", card(c))
        }
        Event::CardRestored { card: c } => {
            tr!(
                "kaart weer op tafel: {}",
                "card back on the table: {}",
                card(c)
            )
        }
        Event::PileReshuffled { deck, .. } => {
            let title = after.deck(deck).map_or(deck.as_str(), |d| d.title.as_str());
            tr!("stapel teruggeschud: {title}", "pile reshuffled: {title}")
        }
        Event::TurnPassed { to } => {
            let name = after.participants.get(*to).cloned().unwrap_or_default();
            tr!("beurt naar {name}", "turn to {name}")
        }
        Event::RolesAssigned { roles, .. } => {
            let list = roles
                .iter()
                .map(|r| format!("{}: {}", r.participant, r.role))
                .collect::<Vec<_>>()
                .join(", ");
            tr!("rollen verdeeld: {list}", "roles assigned: {list}")
        }
        Event::NoteAdded { kind, text, .. } => {
            let text = first_line(text);
            match kind {
                NoteKind::Note => tr!("notitie toegevoegd: {text}", "note added: {text}"),
                NoteKind::Agreement => {
                    tr!("afspraak toegevoegd: {text}", "agreement added: {text}")
                }
            }
        }
        Event::NoteEdited { id, text, .. } => {
            let old = after
                .notes
                .iter()
                .find(|n| n.id == *id)
                .and_then(|n| n.history.last())
                .map(|old| first_line(old))
                .unwrap_or_default();
            let new = first_line(text);
            tr!(
                "notitie gecorrigeerd: {old} → {new}",
                "note corrected: {old} → {new}"
            )
        }
        Event::NoteDeleted { id } => {
            let text = note_text(after, *id);
            tr!("notitie verwijderd: {text}", "note deleted: {text}")
        }
        Event::RoundInserted {
            index,
            title,
            minutes,
        } => {
            let n = index + 1;
            tr!(
                "ronde ingevoegd als {n}: {title} ({minutes} min)",
                "round inserted as {n}: {title} ({minutes} min)"
            )
        }
        Event::RoundSkipped { round, skipped } => {
            let n = round + 1;
            let title = round_title(after, *round);
            if *skipped {
                tr!(
                    "ronde {n} overgeslagen: {title}",
                    "round {n} skipped: {title}"
                )
            } else {
                tr!(
                    "ronde {n} weer op de agenda: {title}",
                    "round {n} back on the agenda: {title}"
                )
            }
        }
        Event::RoundLengthChanged { round, minutes } => {
            let n = round + 1;
            tr!(
                "ronde {n} duurt nu {minutes} min",
                "round {n} now takes {minutes} min"
            )
        }
        Event::RoundUntilSet { round, until } => {
            let n = round + 1;
            let until = until.format("%H:%M");
            tr!(
                "ronde {n} loopt nu tot {until}",
                "round {n} now runs until {until}"
            )
        }
        Event::CardShown { card } => {
            let title = card_title(after, card);
            tr!("de zaal ziet kaart {title}", "the room sees card {title}")
        }
        Event::NotesHidden { hidden: true } => tr!(
            "notities verborgen voor de zaal",
            "notes hidden from the room"
        ),
        Event::NotesHidden { hidden: false } => {
            tr!(
                "notities weer zichtbaar voor de zaal",
                "notes visible to the room again"
            )
        }
        Event::NotesSilent { round, silent } => {
            let n = round + 1;
            if *silent {
                tr!(
                    "ronde {n}: stil schrijven, de zaal ziet notities pas bij onthullen",
                    "round {n}: silent writing, the room sees notes only when revealed"
                )
            } else {
                tr!(
                    "ronde {n}: de zaal ziet elke notitie zodra ze is opgeslagen",
                    "round {n}: the room sees each note as soon as it is saved"
                )
            }
        }
        Event::NotesRevealed { round } => {
            let count = after.notes_of_round(*round).count();
            tr!(
                "notities onthuld aan de zaal: {count}",
                "notes revealed to the room: {count}"
            )
        }
        Event::SessionEnded => tr!("sessie afgerond", "session finished"),
        Event::SessionRenamed { title } => tr!(
            "nieuwe titel: {}",
            "new title: {}",
            crate::text::visible(title)
        ),
        Event::Checkpoint => tr!(
            "tussenstand: de timer liep",
            "checkpoint: the timer was running"
        ),
        Event::FollowUpOpened {
            title, agreements, ..
        } => {
            let n = agreements.len();
            tr!(
                "vervolg op {title}: {n} open afspraken",
                "follow-up of {title}: {n} open agreements"
            )
        }
        Event::AgreementReviewed { note, outcome, .. } => {
            let text = after
                .follow_up
                .as_ref()
                .and_then(|f| f.items.iter().find(|(i, _)| i.note == *note))
                .map(|(i, _)| i.text.clone())
                .unwrap_or_default();
            let outcome = crate::session::state::outcome_label(*outcome);
            tr!("afspraak {outcome}: {text}", "agreement {outcome}: {text}")
        }
        event => describe_group(event, after),
    }
}

/// The group-work events (issue 10): styles, teams, votes.
fn describe_group(event: &Event, after: &Session) -> String {
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| match &after.group.style_set {
                Some(set) => set.name(id).to_string(),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match event {
        Event::StyleSetLoaded { set } => {
            let title = &set.title;
            tr!("voorkeurstijlen: {title}", "preference styles: {title}")
        }
        Event::QuestionnaireAnswered {
            participant,
            styles,
            ..
        } => {
            let styles = names(styles);
            tr!(
                "vragenlijst ingevuld door {participant}: {styles}",
                "questionnaire filled in by {participant}: {styles}"
            )
        }
        Event::StylesPicked {
            participant,
            styles,
        } if styles.is_empty() => tr!(
            "stijl van {participant} gewist",
            "style of {participant} cleared"
        ),
        Event::StylesPicked {
            participant,
            styles,
        } => {
            let styles = names(styles);
            tr!(
                "stijl van {participant}: {styles}",
                "style of {participant}: {styles}"
            )
        }
        Event::TeamsFormed { teams, mixed, .. } => {
            let list = teams
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{} ({})", i + 1, t.join(", ")))
                .collect::<Vec<_>>()
                .join("; ");
            let n = teams.len();
            if *mixed {
                tr!(
                    "{n} teams gemengd op stijl: {list}",
                    "{n} teams mixed by style: {list}"
                )
            } else {
                tr!("{n} teams geloot: {list}", "{n} teams drawn: {list}")
            }
        }
        Event::TeamMemberMoved { participant, team } => {
            let n = team + 1;
            tr!(
                "{participant} naar team {n}",
                "{participant} moved to team {n}"
            )
        }
        Event::VoteOpened { options, .. } => {
            let n = options.len();
            tr!(
                "stemming geopend over {n} opties",
                "vote opened on {n} options"
            )
        }
        Event::VoteCast { participant, .. } => {
            // Secret until revealed: the replay says who voted, not for what.
            tr!("{participant} heeft gestemd", "{participant} voted")
        }
        Event::VoteRevealed { round } => {
            let ranking = after
                .group
                .votes
                .get(round)
                .map(|vote| {
                    vote.ranking()
                        .iter()
                        .map(|r| format!("{} {}", vote.options[r.option], r.total))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            tr!("uitslag getoond: {ranking}", "result revealed: {ranking}")
        }
        Event::VoteReopened { .. } => tr!("stemming heropend", "vote reopened"),
        Event::TeamTurnPassed { team } => {
            let label = crate::session::groupwork::team_label(*team);
            let members = after.group.teams.get(*team).map(|t| t.join(", "));
            let members = members.unwrap_or_default();
            tr!(
                "beurt naar {label} ({members})",
                "turn to {label} ({members})"
            )
        }
        Event::NoteTeamSet { id, team } => {
            let text = note_text(after, *id);
            match team {
                Some(t) => {
                    let label = crate::session::groupwork::team_label(*t);
                    tr!("notitie van {label}: {text}", "note of {label}: {text}")
                }
                None => tr!("notitie van geen team: {text}", "note of no team: {text}"),
            }
        }
        Event::ThemeCreated { name, notes, .. } => {
            let n = notes.len();
            tr!(
                "thema gemaakt: {name} ({n} notities)",
                "theme made: {name} ({n} notes)"
            )
        }
        Event::NotesThemed { theme, notes } => {
            let name = theme_name(after, *theme);
            let n = notes.len();
            tr!(
                "{n} notitie(s) in thema {name}",
                "{n} note(s) into theme {name}"
            )
        }
        Event::ThemeRenamed { name, .. } => {
            tr!("thema hernoemd: {name}", "theme renamed: {name}")
        }
        Event::ThemesMerged { into, .. } => {
            let name = theme_name(after, *into);
            tr!(
                "twee thema's samengevoegd tot {name}",
                "two themes merged into {name}"
            )
        }
        Event::NotesUnthemed { notes } => {
            let n = notes.len();
            tr!(
                "{n} notitie(s) uit hun thema gehaald",
                "{n} note(s) taken out of their theme"
            )
        }
        _ => String::new(),
    }
}

/// The name of a theme, or its number when the session does not have it.
fn theme_name(session: &Session, theme: u64) -> String {
    session
        .themes()
        .iter()
        .find(|t| t.id == theme)
        .map_or_else(|| theme.to_string(), |t| t.name.clone())
}

/// "Titel" of a card, or its id when the deck copy does not have it.
pub fn card_title(session: &Session, card: &CardRef) -> String {
    session
        .card(card)
        .map_or_else(|| card.card.clone(), |(_, c, _)| c.title.clone())
}

/// The first line of note `id` (kept in the state, deleted ones too), or nothing.
fn note_text(state: &Session, id: u64) -> String {
    state
        .notes
        .iter()
        .find(|n| n.id == id)
        .map(|n| first_line(&n.text))
        .unwrap_or_default()
}

/// The first line of a text, with " …" when there is more.
pub fn first_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first.to_string()
    }
}
