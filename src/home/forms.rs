//! The two small forms before a session: a workshop (title, participants, a deck for plans
//! that work with any deck) and solo reflection (deck, category, optional minutes).

use crate::keys::KeyEvent;

use super::keymap::{FormKey, SOLO_FORM, WORKSHOP_FORM};

use super::Outcome;
use crate::catalog::Library;
use crate::catalog::parse::MAX_ROUND_MINUTES;
use crate::input::LineInput;
use crate::tr;

const MAX_TITLE_CHARS: usize = 200;
/// Room for the most participants `tafel run` accepts, with their longest names.
const MAX_PARTICIPANTS_CHARS: usize = 3000;

/// What a key did to a form.
pub(super) enum Step {
    Stay,
    Back,
    Done(Outcome),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkshopField {
    Title,
    Participants,
    Deck,
    Start,
}

#[derive(Debug)]
pub struct WorkshopForm {
    /// Index into the library's plans.
    pub plan: usize,
    pub title: LineInput,
    pub participants: LineInput,
    /// Index into the library's decks, for a plan with `decks = []`; `None` otherwise.
    pub deck: Option<usize>,
    pub focus: WorkshopField,
    pub error: Option<String>,
    /// A follow-up meeting of this session: its open agreements come first.
    pub follow_up: Option<super::FollowUp>,
    default_title: String,
}

impl WorkshopForm {
    /// The form for a follow-up meeting of `follow_up`'s session, titled after it, with its
    /// participants (the usual ones, `participants`, when it named nobody).
    pub fn follow_up(
        library: &Library,
        plan: usize,
        today: &str,
        participants: &[String],
        follow_up: super::FollowUp,
    ) -> Self {
        let people = match follow_up.participants.is_empty() {
            true => participants,
            false => &follow_up.participants,
        };
        let mut form = WorkshopForm::new(library, plan, today, people);
        form.default_title = tr!(
            "Vervolg: {} — {today}",
            "Follow-up: {} — {today}",
            follow_up.title
        );
        form.title = LineInput::suggestion(&form.default_title, MAX_TITLE_CHARS);
        form.follow_up = Some(follow_up);
        form
    }

    pub fn new(library: &Library, plan: usize, today: &str, participants: &[String]) -> Self {
        let plan_item = &library.plans[plan].item;
        let default_title = format!("{} — {today}", plan_item.title);
        let any_deck = plan_item.decks.is_empty() && !library.decks.is_empty();
        WorkshopForm {
            plan,
            title: LineInput::suggestion(&default_title, MAX_TITLE_CHARS),
            participants: LineInput::new(&participants.join(", "), MAX_PARTICIPANTS_CHARS),
            deck: any_deck.then_some(0),
            focus: WorkshopField::Title,
            error: None,
            follow_up: None,
            default_title,
        }
    }

    /// The fields in the order Tab visits them.
    pub fn fields(&self) -> Vec<WorkshopField> {
        let mut fields = vec![WorkshopField::Title, WorkshopField::Participants];
        if self.deck.is_some() {
            fields.push(WorkshopField::Deck);
        }
        fields.push(WorkshopField::Start);
        fields
    }

    pub fn typing(&self) -> bool {
        matches!(
            self.focus,
            WorkshopField::Title | WorkshopField::Participants
        )
    }

    fn move_focus(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1).min(fields.len() - 1)
        } else {
            at.saturating_sub(1)
        };
        self.focus = fields[next];
    }

    pub(super) fn paste(&mut self, text: &str) {
        match self.focus {
            WorkshopField::Title => {
                self.title.insert(text);
            }
            WorkshopField::Participants => {
                self.participants.insert(text);
            }
            WorkshopField::Deck | WorkshopField::Start => {}
        }
    }

    pub(super) fn key(&mut self, library: &Library, key: KeyEvent) -> Step {
        match WORKSHOP_FORM.command(key, self.typing()) {
            Some(FormKey::Back) => return Step::Back,
            Some(FormKey::NextField) => self.move_focus(true),
            Some(FormKey::PreviousField) => self.move_focus(false),
            Some(FormKey::Confirm) if self.focus == WorkshopField::Start => {
                return self.submit(library);
            }
            Some(FormKey::Confirm) => self.move_focus(true),
            Some(choose @ (FormKey::ChooseNext | FormKey::ChoosePrevious))
                if self.focus == WorkshopField::Deck =>
            {
                if let Some(deck) = &mut self.deck {
                    *deck = cycle(*deck, library.decks.len(), choose == FormKey::ChooseNext);
                }
            }
            // Text, or a key the text field knows (←→ move in it, Ctrl+U clears it).
            _ => {
                let input = match self.focus {
                    WorkshopField::Title => &mut self.title,
                    WorkshopField::Participants => &mut self.participants,
                    _ => return Step::Stay,
                };
                if input.key(key) {
                    self.error = None;
                }
            }
        }
        Step::Stay
    }

    fn submit(&mut self, library: &Library) -> Step {
        let participants = match crate::rules::participant_list(self.participants.text()) {
            Ok(names) => names,
            Err(rule) => {
                self.error = Some(rule.to_string());
                self.focus = WorkshopField::Participants;
                return Step::Stay;
            }
        };
        let title = self.title.text().trim();
        let title = if title.is_empty() {
            self.default_title.clone()
        } else {
            title.to_string()
        };
        Step::Done(Outcome::StartWorkshop {
            plan_id: library.plans[self.plan].item.id.clone(),
            title,
            participants,
            deck: self.deck.map(|d| library.decks[d].item.id.clone()),
            follow_up: self.follow_up.as_ref().map(|f| f.session.clone()),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SoloField {
    Deck,
    Category,
    Minutes,
    Start,
}

const SOLO_FIELDS: [SoloField; 4] = [
    SoloField::Deck,
    SoloField::Category,
    SoloField::Minutes,
    SoloField::Start,
];

#[derive(Debug)]
pub struct SoloForm {
    /// Index into the library's decks.
    pub deck: usize,
    /// 0: every category; n: the deck's category n - 1.
    pub category: usize,
    /// Empty: no timer.
    pub minutes: LineInput,
    pub focus: SoloField,
    pub error: Option<String>,
}

impl Default for SoloForm {
    fn default() -> Self {
        Self::new()
    }
}

impl SoloForm {
    pub fn new() -> Self {
        SoloForm {
            deck: 0,
            category: 0,
            minutes: LineInput::new("", 3),
            focus: SoloField::Deck,
            error: None,
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let at = SOLO_FIELDS
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        let next = if forward {
            (at + 1).min(SOLO_FIELDS.len() - 1)
        } else {
            at.saturating_sub(1)
        };
        self.focus = SOLO_FIELDS[next];
    }

    pub(super) fn paste(&mut self, text: &str) {
        if self.focus == SoloField::Minutes {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            self.minutes.insert(&digits);
        }
    }

    pub(super) fn key(&mut self, library: &Library, key: KeyEvent) -> Step {
        let typing = self.focus == SoloField::Minutes;
        match SOLO_FORM.command(key, typing) {
            Some(FormKey::Back) => return Step::Back,
            Some(FormKey::NextField) => self.move_focus(true),
            Some(FormKey::PreviousField) => self.move_focus(false),
            Some(FormKey::Confirm) if self.focus == SoloField::Start => {
                return self.submit(library);
            }
            Some(FormKey::Confirm) => self.move_focus(true),
            Some(choose @ (FormKey::ChooseNext | FormKey::ChoosePrevious))
                if matches!(self.focus, SoloField::Deck | SoloField::Category) =>
            {
                let forward = choose == FormKey::ChooseNext;
                if self.focus == SoloField::Deck {
                    self.deck = cycle(self.deck, library.decks.len(), forward);
                    self.category = 0;
                } else if let Some(deck) = library.decks.get(self.deck) {
                    self.category = cycle(self.category, deck.item.categories.len() + 1, forward);
                }
            }
            // The minutes field takes digits only.
            _ if !typing => {}
            None if matches!(key.code, crate::keys::KeyCode::Char(c) if !c.is_ascii_digit()) => {}
            _ => {
                if self.minutes.key(key) {
                    self.error = None;
                }
            }
        }
        Step::Stay
    }

    fn submit(&mut self, library: &Library) -> Step {
        let Some(deck) = library.decks.get(self.deck).map(|e| &e.item) else {
            self.error = Some(tr!("er zijn geen stapels", "there are no decks"));
            return Step::Stay;
        };
        let minutes = match self.minutes.text().trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(m) if crate::rules::round_minutes(i64::from(m)).is_ok() => Some(m),
                _ => {
                    self.error = Some(tr!(
                        "minuten: kies 1 tot en met {MAX_ROUND_MINUTES}, of laat het leeg",
                        "minutes: choose 1 to {MAX_ROUND_MINUTES}, or leave it empty"
                    ));
                    self.focus = SoloField::Minutes;
                    return Step::Stay;
                }
            },
        };
        Step::Done(Outcome::StartSolo {
            deck: deck.id.clone(),
            category: self
                .category
                .checked_sub(1)
                .and_then(|i| deck.categories.get(i))
                .map(|c| c.id.clone()),
            minutes,
        })
    }
}

/// The next (or previous) of `count` choices, round the end.
fn cycle(at: usize, count: usize, forward: bool) -> usize {
    if count == 0 {
        0
    } else if forward {
        (at + 1) % count
    } else {
        (at + count - 1) % count
    }
}
