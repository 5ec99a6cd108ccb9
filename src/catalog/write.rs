//! Plans written as TOML, the same format a person writes by hand: a new file from the
//! model, or an own file updated in place so its comments and layout survive (`toml_edit`
//! edits the document; only values that changed are rewritten).

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::model::{DrawSpec, Plan, Round, RoundLength};

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

fn write_round(t: &mut Table, round: &Round) {
    set(t, "title", Some(text(&round.title)));
    match (round.scale, round.length) {
        (Some(scale), _) => {
            set(
                t,
                "minutes",
                (scale.base_minutes > 0).then(|| i64::from(scale.base_minutes).into()),
            );
            let per_person: f64 = scale.per_person_text().parse().unwrap_or(1.0);
            set(t, "per_person", Some(per_person.into()));
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
            for key in ["per_person", "min_minutes", "max_minutes", "until"] {
                set(t, key, None);
            }
        }
        (None, RoundLength::Until(time)) => {
            set(t, "until", Some(time.format("%H:%M").to_string().into()));
            for key in ["minutes", "per_person", "min_minutes", "max_minutes"] {
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
    set(t, "turns", round.turns.then(|| true.into()));
    set(
        t,
        "roles",
        (!round.roles.is_empty()).then(|| list(&round.roles)),
    );
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
