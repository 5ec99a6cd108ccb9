//! A round's countdown, computed from monotonic timestamps, never from counted ticks:
//! remaining = planned - (time run before the last pause + time since the last resume).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    pub planned_ms: u64,
    /// Run time before the current stretch.
    accumulated_ms: u64,
    /// When the current stretch began, if running.
    running_since: Option<u64>,
}

/// What the timer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerView {
    Running { remaining_ms: u64 },
    LastMinute { remaining_ms: u64 },
    Overtime { over_ms: u64 },
}

impl Timer {
    pub fn started(planned_ms: u64, t: u64) -> Self {
        Timer {
            planned_ms,
            accumulated_ms: 0,
            running_since: Some(t),
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn elapsed_ms(&self, t: u64) -> u64 {
        self.accumulated_ms
            + self
                .running_since
                .map_or(0, |since| t.saturating_sub(since))
    }

    pub fn pause(&mut self, t: u64) {
        if let Some(since) = self.running_since.take() {
            self.accumulated_ms += t.saturating_sub(since);
        }
    }

    pub fn resume(&mut self, t: u64) {
        if self.running_since.is_none() {
            self.running_since = Some(t);
        }
    }

    pub fn adjust(&mut self, delta_ms: i64) {
        self.planned_ms = self.planned_ms.saturating_add_signed(delta_ms);
    }

    pub fn restart(&mut self, t: u64) {
        self.accumulated_ms = 0;
        if self.running_since.is_some() {
            self.running_since = Some(t);
        }
    }

    /// Signed milliseconds left: negative is over time.
    pub fn remaining_ms(&self, t: u64) -> i64 {
        self.planned_ms as i64 - self.elapsed_ms(t) as i64
    }

    pub fn view(&self, t: u64) -> TimerView {
        let remaining = self.remaining_ms(t);
        if remaining <= 0 {
            TimerView::Overtime {
                over_ms: remaining.unsigned_abs(),
            }
        } else if remaining <= 60_000 {
            TimerView::LastMinute {
                remaining_ms: remaining as u64,
            }
        } else {
            TimerView::Running {
                remaining_ms: remaining as u64,
            }
        }
    }

    /// When the shown time changes next (the next whole second), if it runs.
    pub fn next_change(&self, t: u64) -> Option<u64> {
        self.running_since?;
        let remaining = self.remaining_ms(t);
        // Countdown shows ceil(remaining); over time shows floor(over): both tick when
        // remaining crosses a multiple of 1000.
        let to_next = remaining.rem_euclid(1000);
        Some(t + if to_next == 0 { 1000 } else { to_next as u64 })
    }
}

/// "12:34" for a countdown (rounded up, so it shows 0:00 only at zero), "1:02:03" past an hour.
pub fn clock_text(ms: u64, round_up: bool) -> String {
    let secs = if round_up {
        ms.div_ceil(1000)
    } else {
        ms / 1000
    };
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_pauses_and_goes_over_time() {
        let mut timer = Timer::started(120_000, 1_000);
        assert_eq!(timer.remaining_ms(31_000), 90_000);
        timer.pause(31_000);
        assert_eq!(
            timer.remaining_ms(500_000),
            90_000,
            "paused time is excluded"
        );
        timer.resume(500_000);
        assert_eq!(timer.remaining_ms(560_000), 30_000);
        assert!(matches!(timer.view(560_000), TimerView::LastMinute { .. }));
        assert_eq!(timer.view(662_000), TimerView::Overtime { over_ms: 72_000 });
        timer.adjust(60_000);
        assert_eq!(timer.remaining_ms(662_000), -12_000);
        timer.restart(662_000);
        assert_eq!(timer.remaining_ms(662_000), 180_000);
    }

    #[test]
    fn taking_off_more_than_planned_stops_at_zero() {
        let mut timer = Timer::started(60_000, 0);
        timer.adjust(-120_000);
        assert_eq!(timer.planned_ms, 0);
    }

    #[test]
    fn ninety_minutes_are_exact() {
        let timer = Timer::started(90 * 60_000, 7);
        assert_eq!(timer.remaining_ms(90 * 60_000 + 7), 0);
    }

    #[test]
    fn next_change_is_the_next_whole_second() {
        let timer = Timer::started(10_000, 0);
        assert_eq!(timer.next_change(0), Some(1_000));
        assert_eq!(timer.next_change(250), Some(1_000));
        assert_eq!(timer.next_change(10_400), Some(11_000));
        let mut paused = timer;
        paused.pause(5);
        assert_eq!(paused.next_change(5), None);
    }

    #[test]
    fn clock_text_formats() {
        assert_eq!(clock_text(45_000, true), "0:45");
        assert_eq!(clock_text(44_001, true), "0:45");
        assert_eq!(clock_text(72_999, false), "1:12");
        assert_eq!(clock_text(3_723_000, true), "1:02:03");
    }
}
