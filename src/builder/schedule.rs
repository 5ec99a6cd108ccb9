//! The group and start time the form shows its totals and clock times for.

use chrono::{NaiveTime, Timelike};

use super::Builder;
use crate::catalog::Plan;
use crate::catalog::parse::parse_clock_time;
use crate::catalog::timing::clock_times;

impl Builder<'_> {
    /// The group totals and clock times are shown for.
    pub fn people(&self) -> u32 {
        self.plan
            .people
            .text()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .unwrap_or_else(|| self.base.nominal_group())
    }

    /// When the session starts: the start field, else now rounded up to five minutes.
    pub fn start(&self) -> NaiveTime {
        parse_clock_time(self.plan.start.text()).unwrap_or_else(|| {
            let minutes = (self.now.hour() * 60 + self.now.minute()).div_ceil(5) * 5;
            NaiveTime::from_hms_opt((minutes / 60) % 24, minutes % 60, 0).unwrap_or(self.now)
        })
    }

    /// The plan resolved for [`Builder::people`], with the clock time each round starts
    /// (the last one is the end).
    pub fn schedule(&self) -> (Plan, Vec<NaiveTime>) {
        let (plan, _) = self.plan();
        let resolved = plan.resolved(self.people());
        let times = clock_times(&resolved, self.start());
        (resolved, times)
    }
}
