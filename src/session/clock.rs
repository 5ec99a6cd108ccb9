//! Time comes in through a clock so tests can fake it. `t` is monotonic milliseconds since the
//! session started; `wall` is the local time of day for display and "tot 14:30".

use std::cell::Cell;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local};

/// The time as a clock gives it: monotonic ms since the session began, and wall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub t: u64,
    pub wall: DateTime<FixedOffset>,
}

impl Now {
    pub fn of(clock: &dyn Clock) -> Now {
        Now {
            t: clock.t(),
            wall: clock.wall(),
        }
    }
}

pub trait Clock {
    /// Monotonic milliseconds since the session started.
    fn t(&self) -> u64;
    fn wall(&self) -> DateTime<FixedOffset>;
}

/// The real clock. `offset_ms` continues a resumed session's time line.
pub struct SystemClock {
    origin: Instant,
    offset_ms: u64,
}

impl SystemClock {
    pub fn starting_at(offset_ms: u64) -> Self {
        SystemClock {
            origin: Instant::now(),
            offset_ms,
        }
    }
}

impl Clock for SystemClock {
    fn t(&self) -> u64 {
        self.offset_ms + self.origin.elapsed().as_millis() as u64
    }

    fn wall(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that moves only when told to.
pub struct FakeClock {
    t: Cell<u64>,
    wall_start: DateTime<FixedOffset>,
}

impl FakeClock {
    pub fn new(wall_start: DateTime<FixedOffset>) -> Self {
        FakeClock {
            t: Cell::new(0),
            wall_start,
        }
    }

    pub fn advance_ms(&self, ms: u64) {
        self.t.set(self.t.get() + ms);
    }

    pub fn advance_secs(&self, secs: u64) {
        self.advance_ms(secs * 1000);
    }
}

impl Clock for FakeClock {
    fn t(&self) -> u64 {
        self.t.get()
    }

    fn wall(&self) -> DateTime<FixedOffset> {
        self.wall_start + chrono::Duration::milliseconds(self.t.get() as i64)
    }
}
