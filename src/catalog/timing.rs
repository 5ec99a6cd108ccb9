//! A plan's times for the group at hand: the total ("± 95 min voor 12 deelnemers") and the
//! clock time each round starts when the start of the session is known.

use chrono::{Duration, NaiveTime};

use super::model::{Plan, RoundLength};
use crate::tr;

/// The clock time each round starts, from `start`: a round "tot 14:30" ends at 14:30 (or at
/// once when that time has passed). The last item is the end of the plan.
pub fn clock_times(plan: &Plan, start: NaiveTime) -> Vec<NaiveTime> {
    let mut at = start;
    let mut times = vec![at];
    for round in &plan.rounds {
        at = match round.length {
            RoundLength::Minutes(m) => at + Duration::minutes(i64::from(m)),
            RoundLength::Until(until) => until.max(at),
        };
        times.push(at);
    }
    times
}

/// "± 95 min voor 12 deelnemers" for `plan` as resolved for `people` (a plan without
/// scaled rounds: "60 min"). Rounds until a clock time are named apart.
pub fn total_label(plan: &Plan, people: u32) -> String {
    let resolved = plan.resolved(people);
    let minutes = resolved.total_minutes();
    let mut text = if plan.scales() {
        tr!(
            "± {minutes} min voor {people} deelnemers",
            "± {minutes} min for {people} participants"
        )
    } else {
        tr!("{minutes} min", "{minutes} min")
    };
    match plan.until_rounds() {
        0 => {}
        1 => text.push_str(&tr!(
            " + 1 ronde tot een kloktijd",
            " + 1 round until a clock time"
        )),
        n => text.push_str(&tr!(
            " + {n} rondes tot een kloktijd",
            " + {n} rounds until a clock time"
        )),
    }
    text
}

/// "90", "45–80" (smallest to largest group when rounds scale), the total for `people` when
/// given, and "+ 1 tot kloktijd" when rounds run until a time of day.
pub fn minutes_label(plan: &Plan, people: Option<u32>) -> String {
    let total = match people {
        Some(n) => plan.total_minutes_for(n).to_string(),
        None => minutes_range(plan),
    };
    match plan.until_rounds() {
        0 => total,
        n => tr!(
            "{} + {} tot kloktijd",
            "{} + {} until a clock time",
            total,
            n
        ),
    }
}

/// The total for the smallest and the largest group the plan is made for: "45–80", or one
/// number when it does not scale (or has no group size).
pub fn minutes_range(plan: &Plan) -> String {
    match plan.guide.group_size {
        Some(size) if plan.scales() => {
            let (low, high) = (
                plan.total_minutes_for(size.min),
                plan.total_minutes_for(size.max),
            );
            if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            }
        }
        _ => plan.total_minutes().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::parse::{Parsed, parse};

    fn plan(rounds: &str, group: &str) -> Plan {
        let text =
            format!("[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n{group}\n{rounds}");
        match parse("p.toml", &text) {
            Ok(Parsed::Plan(plan, _)) => plan,
            other => panic!("plan rejected: {other:?}"),
        }
    }

    const ROUNDS: &str = "[[round]]\ntitle = \"Open\"\nminutes = 5\ninstruction = \"I\"\n[[round]]\ntitle = \"Rond\"\nminutes = 2\nper_person = 1.25\nmax_minutes = 20\ninstruction = \"I\"\nturns = true\n[[round]]\ntitle = \"Pauze\"\nminutes = 10\ninstruction = \"I\"\n";

    #[test]
    fn a_scaled_round_grows_with_the_group_within_its_bounds() {
        let plan = plan(ROUNDS, "group_size = { min = 3, max = 16 }");
        let scale = plan.rounds[1].scale.expect("scaled");
        assert_eq!(scale.per_person_seconds, 75);
        // 2 min + 3 × 75 s = 5:45 → 6 min; 12 people: 2 + 15 = 17; 16 people: 22 → 20.
        assert_eq!(scale.minutes_for(3, 0), 6);
        assert_eq!(scale.minutes_for(12, 0), 17);
        assert_eq!(scale.minutes_for(16, 0), 20);
        assert_eq!(plan.total_minutes_for(3), 21);
        assert_eq!(plan.total_minutes_for(12), 32);
        // Until a session resolves it, the plan is shown for its nominal group (8).
        assert_eq!(plan.rounds[1].length, RoundLength::Minutes(12));
        let resolved = plan.resolved(12);
        assert_eq!(resolved.resolved_for, Some(12));
        assert_eq!(resolved.rounds[1].length, RoundLength::Minutes(17));
        assert_eq!(resolved.rounds[0].length, RoundLength::Minutes(5));
        assert_eq!(minutes_range(&plan), "21–35");
    }

    #[test]
    fn totals_and_clock_times_are_said_in_words() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let plan = plan(ROUNDS, "group_size = { min = 3, max = 16 }");
        assert_eq!(total_label(&plan, 12), "± 32 min voor 12 deelnemers");
        let start = NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        let times: Vec<String> = clock_times(&plan.resolved(12), start)
            .iter()
            .map(|t| t.format("%H:%M").to_string())
            .collect();
        assert_eq!(times, ["13:30", "13:35", "13:52", "14:02"]);
        let fixed = super::super::parse::parse(
            "q.toml",
            "[plan]\nid = \"q\"\ntitle = \"Q\"\ndescription = \"D\"\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n[[round]]\ntitle = \"S\"\nuntil = \"15:00\"\ninstruction = \"I\"\n",
        );
        let Ok(Parsed::Plan(fixed, _)) = fixed else {
            panic!("plan rejected")
        };
        assert_eq!(total_label(&fixed, 12), "5 min + 1 ronde tot een kloktijd");
        let times = clock_times(&fixed, start);
        assert_eq!(times[2], NaiveTime::from_hms_opt(15, 0, 0).unwrap());
    }

    const TEAM_ROUNDS: &str = "[[round]]\ntitle = \"Open\"\nminutes = 5\ninstruction = \"I\"\n[[round]]\ntitle = \"Terugkoppelen\"\nminutes = 2\nper_team = 3.0\nmax_minutes = 20\ninstruction = \"I\"\n[[round]]\ntitle = \"Teams\"\nminutes = 2\ninstruction = \"I\"\nkind = \"teams\"\nteams = { size = 4 }\n[[round]]\ntitle = \"Presenteren\"\nper_team = 4\ninstruction = \"I\"\n[[round]]\ntitle = \"Drie teams\"\nminutes = 2\ninstruction = \"I\"\nkind = \"teams\"\nteams = { count = 3 }\n[[round]]\ntitle = \"Oogsten\"\nminutes = 1\nper_team = 2.5\ninstruction = \"I\"\n";

    #[test]
    fn a_round_per_team_counts_the_teams_of_the_teams_round() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let plan = plan(TEAM_ROUNDS, "group_size = { min = 3, max = 16 }");
        let scale = plan.rounds[3].scale.expect("scaled");
        assert_eq!((scale.per_team_seconds, scale.per_person_seconds), (240, 0));
        assert_eq!(scale.per_team_text(), "4.0");
        assert_eq!(scale.describe(), "4 min voor elk team");
        // Teams of four: 3 people make 1 team, 12 make 3, 13 make 4.
        assert_eq!(plan.teams_for_round(3, 3), Some(1));
        assert_eq!(plan.teams_for_round(3, 12), Some(3));
        assert_eq!(plan.teams_for_round(3, 13), Some(4));
        // Before any teams round: the first one after it; after the second: three teams.
        assert_eq!(plan.teams_for_round(1, 12), Some(3));
        assert_eq!(plan.teams_for_round(5, 12), Some(3));
        assert_eq!(
            plan.teams_for_round(5, 2),
            Some(2),
            "never more teams than people"
        );
        let lengths = |people: u32| -> Vec<RoundLength> {
            plan.resolved(people)
                .rounds
                .iter()
                .map(|r| r.length)
                .collect()
        };
        let m = RoundLength::Minutes;
        // 3 people: one team of four (2 + 3, then 4), and three teams of one (1 + 7.5 → 9).
        assert_eq!(lengths(3), [m(5), m(5), m(2), m(4), m(2), m(9)]);
        // 12 people, 3 teams each time: 2 + 9, 12, 1 + 7.5 → 9 (up from 8:30).
        assert_eq!(lengths(12), [m(5), m(11), m(2), m(12), m(2), m(9)]);
        // 16 people: 4 teams of four.
        assert_eq!(lengths(16)[1], m(14));
        assert_eq!(lengths(16)[3], m(16));
        // Until a session resolves it: the nominal group of 8 (2 teams).
        assert_eq!(plan.rounds[3].length, m(8));
        assert_eq!(total_label(&plan, 12), "± 41 min voor 12 deelnemers");
        assert_eq!(minutes_range(&plan), "27–48");
    }

    #[test]
    fn per_team_without_a_teams_round_is_a_problem_with_its_place() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let text = "[plan]\nid = \"p\"\ntitle = \"P\"\ndescription = \"D\"\n[[round]]\ntitle = \"R\"\nminutes = 2\nper_team = 3.0\ninstruction = \"I\"\n[[round]]\ntitle = \"S\"\nminutes = 1\nper_person = 1.0\nper_team = 2\ninstruction = \"I\"\n[[round]]\ntitle = \"T\"\nper_team = 40\ninstruction = \"I\"\n";
        let problems = match parse("p.toml", text) {
            Err(problems) => problems,
            Ok(_) => panic!("accepted a per_team round without teams"),
        };
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
            .collect();
        assert!(
            said.iter()
                .any(|p| p.starts_with("8:12: `per_team` telt de teams van een teamronde")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|p| p.starts_with("14:12: geef `per_person` óf `per_team`")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|p| p.starts_with("18:12: `per_team = 40` kan niet")),
            "{said:?}"
        );
    }

    #[test]
    fn a_group_outside_the_plan_size_is_warned_in_words() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let plan = plan(ROUNDS, "group_size = { min = 4, max = 10 }");
        assert!(plan.group_warning(6).is_none());
        assert!(plan.group_warning(12).unwrap().contains("hooguit 10"));
        assert!(plan.group_warning(3).unwrap().contains("minstens 4"));
        assert_eq!(plan.nominal_group(), 8);
    }
}
