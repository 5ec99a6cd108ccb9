//! Plans written as TOML, the same format a person writes by hand: a new file from the
//! model, or an own file updated in place so its comments and layout survive (`toml_edit`
//! edits the document; only values that changed are rewritten).

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::model::{
    DrawSpec, Plan, Round, RoundKind, RoundLength, TeamCount, TeamSpec, VoteSource, VoteSpec,
};

/// A new file for `plan`.
pub fn plan_toml(plan: &Plan) -> String {
    update_plan_toml("", plan, &[]).unwrap_or_default()
}

/// `original` with `plan` written into it. `origins[i]` is the index in `original` of the
/// round that became round `i` (`None`: a new round), so a moved round keeps its comments.
/// `None` when `original` is no TOML document.
pub fn update_plan_toml(original: &str, plan: &Plan, origins: &[Option<usize>]) -> Option<String> {
    let mut doc: DocumentMut = original.parse().ok()?;
    let header = doc
        .entry("plan")
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut()?;
    write_header(header, plan);
    let first = header.position().unwrap_or(0) + 1;
    let old: Vec<Table> = doc
        .get("round")
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().cloned().collect())
        .unwrap_or_default();
    // Rounds come after the header, in the new order (a kept table keeps its comments, but
    // not its old place).
    let mut rounds = ArrayOfTables::new();
    for (index, round) in plan.rounds.iter().enumerate() {
        let mut table = origins
            .get(index)
            .copied()
            .flatten()
            .and_then(|i| old.get(i).cloned())
            .unwrap_or_default();
        write_round(&mut table, round);
        table.set_position(Some(first + index as isize));
        rounds.push(table);
    }
    doc.remove("round");
    doc.insert("round", Item::ArrayOfTables(rounds));
    Some(doc.to_string())
}

fn write_header(t: &mut Table, plan: &Plan) {
    set(t, "id", Some(plan.id.as_str().into()));
    set(t, "title", Some(text(&plan.title)));
    set(t, "description", Some(text(&plan.description)));
    set(t, "decks", Some(list(&plan.decks)));
    let guide = &plan.guide;
    set(t, "goal", guide.goal.as_deref().map(text));
    set(t, "audience", guide.audience.as_deref().map(text));
    set(
        t,
        "group_size",
        guide.group_size.map(|size| {
            let mut table = InlineTable::new();
            table.insert("min", i64::from(size.min).into());
            table.insert("max", i64::from(size.max).into());
            Value::InlineTable(table)
        }),
    );
    for (key, items) in [
        ("needs", &guide.needs),
        ("tips", &guide.tips),
        ("variations", &guide.variations),
    ] {
        set(t, key, (!items.is_empty()).then(|| list(items)));
    }
}

/// The keys of a round's length, in the order a person writes them.
const LENGTH_KEYS: [&str; 7] = [
    "title",
    "minutes",
    "per_person",
    "per_team",
    "min_minutes",
    "max_minutes",
    "until",
];

fn write_round(t: &mut Table, round: &Round) {
    let had: Vec<bool> = LENGTH_KEYS.iter().map(|k| t.contains_key(k)).collect();
    write_round_values(t, round);
    // A length key that is new to the round goes beside the others, not after the
    // instruction and the cards (`toml_edit` adds a key at the end of its table).
    for (i, key) in LENGTH_KEYS.iter().enumerate().skip(1) {
        if !had[i] && t.contains_key(key) {
            let before = LENGTH_KEYS[..i].iter().rev().find(|k| t.contains_key(k));
            if let Some(before) = before {
                place_after(t, key, before);
            }
        }
    }
}

/// Moves `key` to just after `anchor`, keeping every key's comments and layout.
fn place_after(t: &mut Table, key: &str, anchor: &str) {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let mut entries: Vec<(toml_edit::Key, Item)> =
        keys.iter().filter_map(|k| t.remove_entry(k)).collect();
    let Some(from) = entries.iter().position(|(k, _)| k.get() == key) else {
        return;
    };
    let moved = entries.remove(from);
    let to = entries
        .iter()
        .position(|(k, _)| k.get() == anchor)
        .map_or(entries.len(), |i| i + 1);
    entries.insert(to, moved);
    for (k, item) in entries {
        t.insert_formatted(&k, item);
    }
}

fn write_round_values(t: &mut Table, round: &Round) {
    set(t, "title", Some(text(&round.title)));
    match (round.scale, round.length) {
        (Some(scale), _) => {
            set(
                t,
                "minutes",
                (scale.base_minutes > 0).then(|| i64::from(scale.base_minutes).into()),
            );
            // One of the two, as a number of minutes: "per_person = 1.25".
            let (key, other, per) = if scale.per_team() {
                ("per_team", "per_person", scale.per_team_text())
            } else {
                ("per_person", "per_team", scale.per_person_text())
            };
            let per: f64 = per.parse().unwrap_or(1.0);
            set(t, key, Some(per.into()));
            set(t, other, None);
            set(
                t,
                "min_minutes",
                scale.min_minutes.map(|m| i64::from(m).into()),
            );
            set(
                t,
                "max_minutes",
                scale.max_minutes.map(|m| i64::from(m).into()),
            );
            set(t, "until", None);
        }
        (None, RoundLength::Minutes(m)) => {
            set(t, "minutes", Some(i64::from(m).into()));
            for key in [
                "per_person",
                "per_team",
                "min_minutes",
                "max_minutes",
                "until",
            ] {
                set(t, key, None);
            }
        }
        (None, RoundLength::Until(time)) => {
            set(t, "until", Some(time.format("%H:%M").to_string().into()));
            for key in [
                "minutes",
                "per_person",
                "per_team",
                "min_minutes",
                "max_minutes",
            ] {
                set(t, key, None);
            }
        }
    }
    set(t, "instruction", Some(text(&round.instruction)));
    // A draw that says the same as the one there (a missing `count` is 1) stays as written.
    let unchanged = match (t.get("draw").and_then(Item::as_value), &round.draw) {
        (Some(existing), Some(draw)) => draw_of(existing).as_ref() == Some(draw),
        _ => false,
    };
    if !unchanged {
        set(t, "draw", round.draw.as_ref().map(draw_value));
    }
    let turns = match (round.turns, round.team_turns) {
        (true, true) => Some("team".into()),
        (true, false) => Some(true.into()),
        (false, _) => None,
    };
    set(t, "turns", turns);
    set(
        t,
        "roles",
        (!round.roles.is_empty()).then(|| list(&round.roles)),
    );
    write_kind(t, &round.kind);
}

/// `kind`, with `teams` or `vote` as a person writes them. Settings that mean the same as
/// the ones there (an inline table or a `[round.teams]` table) stay as written.
fn write_kind(t: &mut Table, kind: &RoundKind) {
    let (name, teams, vote) = match kind {
        RoundKind::Talk => (None, None, None),
        RoundKind::Styles => (Some("styles"), None, None),
        RoundKind::Teams(spec) => (Some("teams"), Some(spec), None),
        RoundKind::Vote(spec) => (Some("vote"), None, Some(spec)),
    };
    let written_talk = t
        .get("kind")
        .and_then(Item::as_str)
        .is_some_and(|k| k == "talk");
    if name.is_some() || !written_talk {
        set(t, "kind", name.map(Value::from));
    }
    match teams {
        Some(spec) if item_value(t.get("teams")).and_then(|v| teams_of(&v)) == Some(*spec) => {}
        Some(spec) => {
            remove_table(t, "teams");
            set(t, "teams", Some(teams_value(spec)));
        }
        None => set(t, "teams", None),
    }
    match vote {
        Some(spec)
            if item_value(t.get("vote")).and_then(|v| vote_of(&v)).as_ref() == Some(spec) => {}
        Some(spec) => {
            remove_table(t, "vote");
            set(t, "vote", Some(vote_value(spec)));
        }
        None => set(t, "vote", None),
    }
}

/// Removes `key` when it is a table (`[round.teams]`): it is written as an inline value
/// instead. A value stays, so [`set`] keeps its comment.
fn remove_table(t: &mut Table, key: &str) {
    if t.get(key).is_some_and(|item| !item.is_value()) {
        t.remove(key);
    }
}

/// A value or a table (`[round.vote]`) as one value, to compare it.
fn item_value(item: Option<&Item>) -> Option<Value> {
    match item? {
        Item::Value(v) => Some(v.clone()),
        Item::Table(t) => Some(Value::InlineTable(t.clone().into_inline_table())),
        _ => None,
    }
}

fn teams_value(spec: &TeamSpec) -> Value {
    let mut t = InlineTable::new();
    match spec.count {
        TeamCount::Size(n) => t.insert("size", i64::from(n).into()),
        TeamCount::Teams(n) => t.insert("count", i64::from(n).into()),
    };
    if spec.mix {
        t.insert("mix", true.into());
    }
    Value::InlineTable(t)
}

fn vote_value(spec: &VoteSpec) -> Value {
    let mut t = InlineTable::new();
    if !spec.options.is_empty() {
        t.insert("options", list(&spec.options));
    }
    let key = if spec.points { "points" } else { "dots" };
    t.insert(key, i64::from(spec.budget).into());
    if let Some(max) = spec.max_per_option {
        t.insert("max_per_option", i64::from(max).into());
    }
    if !spec.from.is_empty() {
        let names: Vec<String> = spec.from.iter().map(|s| source_name(*s).into()).collect();
        t.insert("from", list(&names));
    }
    Value::InlineTable(t)
}

fn source_name(source: VoteSource) -> &'static str {
    match source {
        VoteSource::Notes => "notes",
        VoteSource::Cards => "cards",
    }
}

/// A written value read as `T` (for comparing what it means).
fn read_value<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    let mut value = value.clone();
    value.decor_mut().clear();
    let table: toml::Table = format!("v = {value}").parse().ok()?;
    table.get("v")?.clone().try_into().ok()
}

/// The teams a written value means.
fn teams_of(value: &Value) -> Option<TeamSpec> {
    #[derive(serde::Deserialize)]
    struct Written {
        size: Option<u32>,
        count: Option<u32>,
        #[serde(default)]
        mix: bool,
    }
    let w: Written = read_value(value)?;
    let count = match (w.size, w.count) {
        (Some(n), None) => TeamCount::Size(n),
        (None, Some(n)) => TeamCount::Teams(n),
        _ => return None,
    };
    Some(TeamSpec { count, mix: w.mix })
}

/// The vote a written value means.
fn vote_of(value: &Value) -> Option<VoteSpec> {
    #[derive(serde::Deserialize)]
    struct Written {
        #[serde(default)]
        options: Vec<String>,
        dots: Option<u32>,
        points: Option<u32>,
        max_per_option: Option<u32>,
        #[serde(default)]
        from: Vec<String>,
    }
    let w: Written = read_value(value)?;
    let (budget, points) = match (w.dots, w.points) {
        (Some(d), None) => (d, false),
        (None, Some(p)) => (p, true),
        (None, None) => (super::kinds::DEFAULT_DOTS, false),
        _ => return None,
    };
    Some(VoteSpec {
        options: w.options,
        budget,
        max_per_option: w.max_per_option,
        points,
        from: w
            .from
            .iter()
            .map(|n| VoteSource::from_name(n))
            .collect::<Option<Vec<_>>>()?,
    })
}

fn draw_value(draw: &DrawSpec) -> Value {
    let mut t = InlineTable::new();
    if let Some(deck) = &draw.deck {
        t.insert("deck", deck.as_str().into());
    }
    if let Some(category) = &draw.category {
        t.insert("category", category.as_str().into());
    }
    if draw.count != 1 {
        t.insert("count", i64::from(draw.count).into());
    }
    if !draw.with.is_empty() {
        t.insert("with", list(&draw.with));
    }
    if !draw.without.is_empty() {
        t.insert("without", list(&draw.without));
    }
    if let Some(form) = &draw.form {
        t.insert("form", form.as_str().into());
    }
    if draw.each {
        t.insert("each", true.into());
    }
    Value::InlineTable(t)
}

/// The draw a written value means, as the model has it.
fn draw_of(value: &Value) -> Option<DrawSpec> {
    #[derive(serde::Deserialize)]
    struct Written {
        deck: Option<String>,
        category: Option<String>,
        count: Option<u32>,
        #[serde(default)]
        with: Vec<String>,
        #[serde(default)]
        without: Vec<String>,
        form: Option<String>,
        #[serde(default)]
        each: bool,
    }
    let mut value = value.clone();
    value.decor_mut().clear();
    let table: toml::Table = format!("v = {value}").parse().ok()?;
    let written: Written = table.get("v")?.clone().try_into().ok()?;
    Some(DrawSpec {
        deck: written.deck,
        category: written.category,
        count: written.count.unwrap_or(1),
        with: written.with,
        without: written.without,
        form: written.form,
        each: written.each,
    })
}

/// A text value; one with line breaks is written as a multi-line string.
fn text(value: &str) -> Value {
    value.into()
}

fn list(items: &[String]) -> Value {
    let mut array = Array::new();
    for item in items {
        array.push(item.as_str());
    }
    Value::Array(array)
}

/// Sets `key` to `value`, or removes it for `None`. A value that means the same as the one
/// there (however it is written) is left alone; a changed one keeps its comment.
fn set(t: &mut Table, key: &str, value: Option<Value>) {
    let Some(mut value) = value else {
        t.remove(key);
        return;
    };
    match t.get_mut(key).and_then(Item::as_value_mut) {
        Some(existing) => {
            if same(existing, &value) {
                return;
            }
            let decor = existing.decor().clone();
            *value.decor_mut() = decor;
            *existing = value;
        }
        None => {
            value.decor_mut().clear();
            t.insert(key, Item::Value(value));
        }
    }
}

/// Whether two values mean the same, however they are written.
fn same(a: &Value, b: &Value) -> bool {
    let read = |v: &Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        format!("v = {v}").parse::<toml::Table>().ok()
    };
    matches!((read(a), read(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::parse::{Parsed, parse};

    fn read(text: &str) -> Plan {
        match parse("p.toml", text) {
            Ok(Parsed::Plan(plan, _)) => plan,
            other => panic!("plan rejected: {other:?}\n{text}"),
        }
    }

    const OWN: &str = "# Mijn eigen werkvorm\n[plan]\nid = \"eigen\"\ntitle = \"Eigen\"   # de titel\ndescription = \"D\"\ndecks = [\"koerskaarten\"]\ngroup_size = { min = 3, max = 12 }\n\n# Eerst inchecken\n[[round]]\ntitle = \"In\"\nminutes = 5 # kort\ninstruction = \"\"\"\nRegel een\nregel twee\"\"\"\n\n# Dan de kaarten\n[[round]]\ntitle = \"Kaarten\"\nminutes = 2\nper_person = 1.25\nmax_minutes = 20\ninstruction = \"Om de beurt.\"\ndraw = { category = \"opgave\", count = 1 }\nturns = true\n";

    #[test]
    fn a_new_file_reads_back_as_the_same_plan() {
        let plan = read(OWN);
        let written = plan_toml(&plan);
        assert_eq!(read(&written), plan, "{written}");
        assert!(written.contains("per_person = 1.25"), "{written}");
        assert!(
            written.contains("\"\"\""),
            "multi-line instruction: {written}"
        );
    }

    #[test]
    fn turns_per_team_are_written_as_team_and_read_back() {
        let with_teams = OWN.replace(
            "# Dan de kaarten",
            "[[round]]\ntitle = \"Teams\"\nminutes = 3\ninstruction = \"I\"\nkind = \"teams\"\nteams = { count = 2 }\n\n# Dan de kaarten",
        );
        let mut plan = read(&with_teams);
        plan.rounds[2].team_turns = true;
        let written = plan_toml(&plan);
        assert!(written.contains("turns = \"team\""), "{written}");
        assert_eq!(read(&written), plan, "{written}");
        // Back to person by person: `turns = true` again, in place.
        plan.rounds[2].team_turns = false;
        let updated = update_plan_toml(&written, &plan, &[Some(0), Some(1), Some(2)]).unwrap();
        assert!(updated.contains("turns = true"), "{updated}");
        assert_eq!(read(&updated), plan, "{updated}");
    }

    #[test]
    fn editing_an_own_file_keeps_its_comments_and_moves_them_with_rounds() {
        let mut plan = read(OWN);
        plan.title = "Eigen, beter".into();
        plan.rounds[0].length = RoundLength::Minutes(7);
        plan.rounds.swap(0, 1);
        let updated = update_plan_toml(OWN, &plan, &[Some(1), Some(0)]).unwrap();
        assert_eq!(read(&updated), plan, "{updated}");
        assert!(updated.starts_with("# Mijn eigen werkvorm\n"), "{updated}");
        assert!(
            updated.contains("title = \"Eigen, beter\"   # de titel"),
            "{updated}"
        );
        assert!(updated.contains("minutes = 7 # kort"), "{updated}");
        let dan = updated.find("# Dan de kaarten").unwrap();
        let eerst = updated.find("# Eerst inchecken").unwrap();
        assert!(
            dan < eerst,
            "the comments moved with their rounds:\n{updated}"
        );
        // Unchanged values keep their spelling.
        assert!(updated.contains("Regel een\nregel twee\"\"\""), "{updated}");
    }
}
