//! Playing a session back at a chosen speed. The replay clock runs `speed` times as fast
//! as real time from an anchor; a record is shown once the clock reaches its `t`. Real time
//! is passed in (milliseconds from any fixed origin), never read here.

/// The speeds under the keys `1`..`4`.
pub const SPEEDS: [u64; 4] = [1, 10, 60, 300];

/// The loop wakes at most this often while playing (a few frames a second).
pub const MIN_WAKE_MS: u64 = 250;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Playback {
    pub speed: u64,
    /// Real time when the clock was last set…
    anchor_real: u64,
    /// …and the session time it was set to.
    anchor_t: u64,
}

impl Playback {
    pub fn start(speed: u64, now: u64, t: u64) -> Playback {
        Playback {
            speed: speed.max(1),
            anchor_real: now,
            anchor_t: t,
        }
    }

    /// Session time on the replay clock at real time `now`.
    pub fn clock(&self, now: u64) -> u64 {
        self.anchor_t
            + now
                .saturating_sub(self.anchor_real)
                .saturating_mul(self.speed)
    }

    /// The same clock at another speed, without a jump.
    pub fn with_speed(&self, speed: u64, now: u64) -> Playback {
        Playback::start(speed, now, self.clock(now))
    }

    /// Real time at which the clock reaches session time `t`.
    pub fn real_time_of(&self, t: u64) -> u64 {
        self.anchor_real + t.saturating_sub(self.anchor_t).div_ceil(self.speed)
    }

    /// When the loop should wake next: when the next record is due or the shown second
    /// changes, whichever is first, but not sooner than [`MIN_WAKE_MS`] from `now`.
    pub fn next_wake(&self, now: u64, next_record_t: Option<u64>) -> u64 {
        let clock = self.clock(now);
        let next_second = (clock / 1000 + 1) * 1000;
        let due = next_record_t.map_or(next_second, |t| t.min(next_second));
        self.real_time_of(due).max(now + MIN_WAKE_MS)
    }
}
