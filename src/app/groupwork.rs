//! Keys of the group-work rounds (issue 10): a styles round (the facilitator records each
//! participant's style, one key per person), a teams round (the split is made on entering;
//! `m` mixes again) and a vote round (letters give the selected participant's dots, secret
//! until Enter reveals). Everything becomes events, as elsewhere.

use crate::keys::{KeyEvent, KeyModifiers};

use super::group_keys::{GroupKey, STYLES, TEAMS, VOTE};

use super::{App, Effect};
use crate::catalog::{RoundKind, TeamSpec, VoteSource, VoteSpec};
use crate::session::Event;
use crate::session::groupwork::{form_teams, team_total};
use crate::tr;

/// Points per key press in a "100 points" vote: a twentieth of the budget.
pub fn points_step(spec: &VoteSpec) -> u32 {
    if spec.points {
        (spec.budget / 20).max(1)
    } else {
        1
    }
}

impl App {
    /// The kind of the running round.
    pub fn round_kind(&self) -> Option<&RoundKind> {
        self.session
            .current
            .map(|i| &self.session.rounds[i].round.kind)
    }

    /// The participant the cursor is on: in a styles or vote round in the participants'
    /// order, in a teams round in the teams' order.
    pub fn selected_participant(&self) -> Option<&String> {
        let people: Vec<&String> = match self.round_kind() {
            Some(RoundKind::Teams(_)) => self.session.group.teams.iter().flatten().collect(),
            _ => self.session.participants.iter().collect(),
        };
        let n = people.len();
        (n > 0).then(|| people[self.group_cursor.min(n - 1)])
    }

    /// The keys of a styles or vote round; `None` leaves the key to the normal keys.
    pub(super) fn group_key(&mut self, key: KeyEvent) -> Option<Vec<Effect>> {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        let count = self.session.participants.len();
        let kind = self.round_kind()?.clone();
        let action = match &kind {
            RoundKind::Styles => STYLES.action(key),
            RoundKind::Teams(_) => TEAMS.action(key),
            RoundKind::Vote(_) => VOTE.action(key),
            _ => None,
        }?;
        match (kind, action) {
            (_, GroupKey::Up) if count > 0 => {
                self.group_cursor = self.group_cursor.min(count - 1).saturating_sub(1);
                Some(Vec::new())
            }
            (_, GroupKey::Down) if count > 0 => {
                self.group_cursor = (self.group_cursor + 1).min(count - 1);
                Some(Vec::new())
            }
            (RoundKind::Styles, action) => self.styles_key(action),
            (RoundKind::Teams(spec), GroupKey::Mix) => {
                let round = self.session.current?;
                Some(self.persist(self.teams_events(round, spec)))
            }
            (RoundKind::Teams(_), GroupKey::Pick(team)) => self.move_to_team(team),
            (RoundKind::Vote(spec), action) => self.vote_key(spec, action),
            _ => None,
        }
    }

    fn styles_key(&mut self, action: GroupKey) -> Option<Vec<Effect>> {
        let set = self.session.group.style_set.clone()?;
        let participant = self.selected_participant()?.clone();
        let current = self
            .session
            .group
            .styles
            .get(&participant)
            .cloned()
            .unwrap_or_default();
        let styles = match action {
            GroupKey::SecondStyle => {
                self.second_style = !self.second_style;
                if self.second_style {
                    self.info(tr!(
                        "tweede stijl voor {participant}: kies een cijfer",
                        "second style for {participant}: choose a digit"
                    ));
                }
                return Some(Vec::new());
            }
            GroupKey::NoStyle => Vec::new(),
            GroupKey::Pick(index) => {
                let id = set.styles.get(index)?.id.clone();
                match (std::mem::take(&mut self.second_style), current.first()) {
                    (true, Some(first)) if *first != id => vec![first.clone(), id],
                    (true, _) => return Some(Vec::new()),
                    (false, _) => vec![id],
                }
            }
            _ => return None,
        };
        // On to the next person, so a room is recorded with one key each.
        let count = self.session.participants.len();
        self.group_cursor = (self.group_cursor + 1).min(count.saturating_sub(1));
        Some(self.persist(vec![Event::StylesPicked {
            participant,
            styles,
        }]))
    }

    /// Moves the selected person to team `digit`; the cursor follows them.
    fn move_to_team(&mut self, team: usize) -> Option<Vec<Effect>> {
        let digit = team + 1;
        let participant = self.selected_participant()?.clone();
        let teams = &self.session.group.teams;
        if team >= teams.len() {
            let n = teams.len();
            self.info(tr!(
                "er zijn {n} teams: kies 1 tot en met {n}",
                "there are {n} teams: choose 1 to {n}"
            ));
            return Some(Vec::new());
        }
        if teams[team].contains(&participant) {
            self.info(tr!(
                "{participant} zit al in team {digit}",
                "{participant} is in team {digit} already"
            ));
            return Some(Vec::new());
        }
        // After the move they are the last of their new team (a team left empty is gone, but
        // it had no one left to count).
        let before: usize = teams.iter().take(team + 1).map(Vec::len).sum::<usize>();
        let own_before = teams.iter().take(team).any(|t| t.contains(&participant));
        self.group_cursor = before - usize::from(own_before);
        Some(self.persist(vec![Event::TeamMemberMoved { participant, team }]))
    }

    fn vote_key(&mut self, spec: VoteSpec, action: GroupKey) -> Option<Vec<Effect>> {
        let round = self.session.current?;
        let vote = self.session.group.votes.get(&round)?;
        match action {
            GroupKey::Reveal => {
                let event = if vote.revealed {
                    Event::VoteReopened { round }
                } else {
                    Event::VoteRevealed { round }
                };
                Some(self.persist(vec![event]))
            }
            GroupKey::Pick(option) | GroupKey::Less(option) => {
                // A letter past the options is an ordinary key (q ends the session).
                if option >= vote.options.len() {
                    return None;
                }
                if vote.revealed {
                    self.info(tr!(
                        "de uitslag staat open: Enter heropent de stemming",
                        "the result is shown: Enter reopens the vote"
                    ));
                    return Some(Vec::new());
                }
                let participant = self.selected_participant()?.clone();
                let mut points = vote
                    .ballots
                    .get(&participant)
                    .cloned()
                    .unwrap_or_else(|| vec![0; vote.options.len()]);
                let step = points_step(&spec);
                if matches!(action, GroupKey::Less(_)) {
                    points[option] = points[option].saturating_sub(step);
                } else {
                    let used: u32 = points.iter().sum();
                    let cap = spec.max_per_option.unwrap_or(spec.budget);
                    if used + step > spec.budget || points[option] + step > cap {
                        self.info(tr!(
                            "{participant} heeft niets meer te verdelen op deze optie",
                            "{participant} has nothing left to give to this option"
                        ));
                        return Some(Vec::new());
                    }
                    points[option] += step;
                }
                Some(self.persist(vec![Event::VoteCast {
                    round,
                    participant,
                    points,
                }]))
            }
            GroupKey::ClearBallot => {
                let participant = self.selected_participant()?.clone();
                let points = vec![0; vote.options.len()];
                Some(self.persist(vec![Event::VoteCast {
                    round,
                    participant,
                    points,
                }]))
            }
            _ => None,
        }
    }

    /// A new split into teams for `round`, from the next stream of the session's seed.
    pub(super) fn teams_events(&self, round: usize, spec: TeamSpec) -> Vec<Event> {
        let session = &self.session;
        if session.participants.is_empty() {
            return Vec::new();
        }
        let k = team_total(spec.count, session.participants.len());
        let stream = format!("teams-{}", session.group.team_splits);
        let teams = form_teams(
            &session.participants,
            &session.group.styles,
            k,
            spec.mix,
            session.seed,
            &stream,
        );
        vec![Event::TeamsFormed {
            round,
            teams,
            mixed: spec.mix,
        }]
    }

    /// A vote's options from `sources` (none: the notes), in the order given, each once, at
    /// most `MAX_VOTE_OPTIONS`.
    fn source_options(&self, round: usize, sources: &[VoteSource]) -> Vec<String> {
        let sources = if sources.is_empty() {
            &[VoteSource::Notes][..]
        } else {
            sources
        };
        let mut options: Vec<String> = Vec::new();
        for source in sources {
            let more = match source {
                VoteSource::Notes => self.note_options(round),
                VoteSource::Cards => self.card_options(round),
            };
            for option in more {
                if !options.contains(&option) {
                    options.push(option);
                }
            }
        }
        options.truncate(crate::catalog::kinds::MAX_VOTE_OPTIONS);
        options
    }

    /// The titles of the cards on the table when each round before `round` was left (the
    /// round being left now: its table).
    fn card_options(&self, round: usize) -> Vec<String> {
        let session = &self.session;
        (0..round.min(session.rounds.len()))
            .flat_map(|i| {
                if session.current == Some(i) {
                    &session.table
                } else {
                    &session.rounds[i].left_table
                }
            })
            .map(|card| crate::replay::describe::card_title(session, card))
            .collect()
    }

    /// A vote's options from the notes of the rounds before `round`: the themes they were
    /// grouped into (`i`), then each note in no theme.
    fn note_options(&self, round: usize) -> Vec<String> {
        let session = &self.session;
        let earlier = |n: &&crate::session::state::Note| n.round < round;
        let themes = session
            .themes()
            .iter()
            .filter(|t| session.theme_notes(t).any(|n| earlier(&n)))
            .map(|t| t.name.clone());
        let loose = session
            .live_notes()
            .filter(earlier)
            .filter(|n| session.theme_of(n.id).is_none())
            .map(|n| crate::replay::describe::first_line(&n.text));
        themes
            .chain(loose)
            .take(crate::catalog::kinds::MAX_VOTE_OPTIONS)
            .collect()
    }

    /// What a group-work round sets up on its first visit: the teams, or the vote's options.
    pub(super) fn group_round_events(&self, round: usize) -> Vec<Event> {
        match &self.session.rounds[round].round.kind {
            RoundKind::Teams(spec) => self.teams_events(round, *spec),
            RoundKind::Vote(spec) => {
                let options = if spec.options.is_empty() {
                    self.source_options(round, &spec.from)
                } else {
                    spec.options.clone()
                };
                vec![Event::VoteOpened { round, options }]
            }
            _ => Vec::new(),
        }
    }
}
