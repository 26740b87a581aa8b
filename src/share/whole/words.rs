//! A whole-plan merge in words: where each conflict is (« Moyen 2.1 « … » —
//! Responsable »), in the plan's own names for its levels and actions, and each value
//! as the plan's screens write it. Long texts are compared word by word by
//! `share::words_diff::diff`.

use super::{At, Conflict, List, Step};
use crate::model::action::ActionStatus;
use crate::model::date::PlanDate;
use crate::model::id::Id;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use crate::words::lang::Lang;
use crate::words::numbers::{day, lower_first, money, number, percent, plan_date};
use crate::words::text::{action_status, SubjectNames};
use serde_json::Value;

/// A field of the file by its name in French and English; a field not listed is
/// shown by its name in the file.
fn field_name(plan: &Plan, name: &str, lang: Lang) -> String {
    let (fr, en) = match name {
        "title" => ("Titre", "Title"),
        "label" => ("Libellé", "Label"),
        "name" => ("Nom", "Name"),
        "code" => ("Code", "Code"),
        "description" => ("Description", "Description"),
        "deadline" => ("Échéance", "Deadline"),
        "smart" => ("Énoncé SMART", "SMART statement"),
        "parent" => ("Rattachement", "Parent"),
        "level" => ("Niveau", "Level"),
        "objectives" => ("Objectifs visés", "Objectives served"),
        "objective" => ("Objectif", "Objective"),
        "groups" => ("Groupes visés", "Target groups"),
        "responsible" => ("Responsable", "Responsible"),
        "carrier" => ("Fiduciaire", "Carrier"),
        "partners" => ("Partenaires", "Partners"),
        "implementation" => ("Mise en œuvre", "Implementation"),
        "services" => ("Services concernés", "Services involved"),
        "evaluation" => ("Évaluation", "Evaluation"),
        "expected_results" => ("Résultats attendus", "Expected results"),
        "schedule" => ("Échéancier", "Schedule"),
        "years" => ("Années", "Years"),
        "start" => ("Début", "Start"),
        "end" => ("Fin", "End"),
        "text" => ("Texte", "Text"),
        "steps" => ("Étapes par année", "Steps by year"),
        "budget_planned" => ("Budget accordé", "Budget granted"),
        "budget_spent" => ("Budget dépensé", "Budget spent"),
        "progress" => ("État d'avancement", "Progress"),
        "status" => ("Statut", "Status"),
        "percent" => ("Pourcentage de réalisation", "Percent done"),
        "narrative" => ("Commentaire", "Narrative"),
        "kind" => ("Type", "Kind"),
        "direction" => ("Sens", "Direction"),
        "out_of" => ("Sur", "Out of"),
        "segments" => ("Segments", "Segments"),
        "baseline" => ("Situation de départ", "Baseline"),
        "targets" => ("Cibles", "Targets"),
        "measurements" => ("Mesures", "Measurements"),
        "value" => ("Valeur", "Value"),
        "assessment" => ("Appréciation", "Assessment"),
        "note" => ("Note", "Note"),
        "source" => ("Source", "Source"),
        "date" => ("Date", "Date"),
        "closed" => ("Fermé", "Closed"),
        "amount" => ("Montant", "Amount"),
        "per_day" => ("Taux par jour", "Daily rate"),
        "category" => ("Catégorie", "Category"),
        "planned" => ("Prévu", "Planned"),
        "spent" => ("Dépensé", "Spent"),
        "staff" => ("Contribution du personnel", "Staff contribution"),
        "funds" => ("Finance", "Funds"),
        "stated_total" => ("Total indiqué", "Stated total"),
        "stated" => ("Montant indiqué", "Stated amount"),
        "shares" => ("Répartition", "Shares"),
        "revenues" => ("Revenus", "Revenues"),
        "expenses" => ("Dépenses", "Expenses"),
        "balance" => ("Solde", "Balance"),
        "period" => ("Période", "Period"),
        "levels" => ("Niveaux", "Levels"),
        "objective_level" => ("Niveau des objectifs", "Objective level"),
        "action_name" => ("Nom des actions", "Name of the actions"),
        "singular" => ("Singulier", "Singular"),
        "plural" => ("Pluriel", "Plural"),
        "settings" => ("Paramètres", "Settings"),
        "on_track" => ("Seuil « en bonne voie »", "\"On track\" threshold"),
        "to_watch" => ("Seuil « à surveiller »", "\"To watch\" threshold"),
        "roll_up" => ("Regroupement des statuts", "Status roll-up"),
        "actions_in_status" => ("Statut des actions compté", "Actions count in status"),
        "columns" => ("Colonnes", "Columns"),
        "numbering" => ("Numérotation", "Numbering"),
        "measurement_months" => ("Durée de validité des mesures (mois)", "Months a measurement counts"),
        "origin" => ("Origine", "Origin"),
        "to" => ("Destinataire", "Recipient"),
        "organisations" => ("Organisations", "Organisations"),
        "target_groups" => ("Groupes visés du plan", "Plan's target groups"),
        "actions" => return plan.action_name.plural.clone(),
        other => return other.to_owned(),
    };
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A list of the plan, named in the plan's own words where it has them.
fn list_name(plan: &Plan, list: List, lang: Lang) -> String {
    match list {
        List::Actions => plan.action_name.plural.clone(),
        List::Elements => match lang {
            Lang::Fr => "Éléments du plan".into(),
            Lang::En => "Plan elements".into(),
        },
        List::Indicators => (if lang == Lang::Fr { "Indicateurs" } else { "Indicators" }).into(),
        List::Checkpoints => (if lang == Lang::Fr { "Bilans" } else { "Checkpoints" }).into(),
        List::Rates => (if lang == Lang::Fr { "Taux du personnel" } else { "Staff rates" }).into(),
        List::Categories => (if lang == Lang::Fr { "Catégories" } else { "Categories" }).into(),
        List::Allocations => (if lang == Lang::Fr { "Répartitions" } else { "Allocations" }).into(),
        List::Sendings => (if lang == Lang::Fr { "Envois" } else { "Sendings" }).into(),
        List::Sources => (if lang == Lang::Fr { "Plans membres" } else { "Member plans" }).into(),
        other => field_name(plan, other.field(), lang),
    }
}

/// An entry no subject names: an organisation, a target group, a sending, a member.
fn entry_name(plan: &Plan, list: List, key: &Id) -> String {
    let found = match list {
        List::Organisations => plan.organisations.iter().find(|o| &o.id == key).map(|o| o.name.clone()),
        List::TargetGroups => {
            plan.target_groups.iter().find(|g| g.code == key.0).map(|g| format!("{} — {}", g.code, g.label))
        }
        List::Sendings => plan.sendings.iter().find(|s| &s.id == key).map(|s| s.to.clone()),
        List::Sources => plan.sources.iter().find(|s| &s.plan == key).map(|s| s.title.clone()),
        _ => None,
    };
    found.unwrap_or_else(|| key.to_string())
}

/// What an item of a keyed list is, after its list's name.
fn item_name(plan: &Plan, subject: Option<&Subject>, list: &str, key: &str, lang: Lang) -> String {
    let date = || {
        super::typed::<PlanDate>(Value::String(key.to_owned()))
            .map(|d| plan_date(d, lang))
            .unwrap_or_else(|_| key.to_owned())
    };
    match list {
        "progress" => {
            plan.checkpoints.iter().find(|c| c.id.0 == key).map_or_else(|| key.to_owned(), |c| c.label.clone())
        }
        "measurements" | "targets" => date(),
        "segments" => {
            let indicator = match subject {
                Some(Subject::Indicator(id)) => plan.indicators.iter().find(|i| &i.id == id),
                _ => None,
            };
            let segment = indicator.and_then(|i| i.segments.iter().find(|s| s.id.0 == key));
            segment.map(|s| s.label.clone()).filter(|l| !l.is_empty()).unwrap_or_else(|| key.to_owned())
        }
        _ => key.to_owned(),
    }
}

/// Where a conflict is: the entity as `text::subject` names it, then the field
/// (« Moyen 2.1 « Tutorat » — Responsable »); `names` made once for the plan.
pub fn place(plan: &Plan, names: &SubjectNames, conflict: &Conflict, lang: Lang) -> String {
    let order = || if lang == Lang::Fr { "ordre" } else { "order" };
    let (mut out, subject) = match &conflict.at {
        At::Subject(subject) => (names.name(plan, subject, lang), Some(subject)),
        At::Entry(list, key) => (format!("{} › {}", list_name(plan, *list, lang), entry_name(plan, *list, key)), None),
        At::Order(list) => return format!("{} — {}", list_name(plan, *list, lang), order()),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut list = "";
    for step in &conflict.path {
        match step {
            Step::Field(name) => {
                parts.push(field_name(plan, name, lang));
                list = name;
            }
            Step::Item(key) => {
                if let Some(last) = parts.last_mut() {
                    *last = format!("{last} ({})", item_name(plan, subject, list, key, lang));
                }
            }
            Step::Order => parts.push(order().to_owned()),
        }
    }
    if !parts.is_empty() {
        out.push_str(" — ");
        out.push_str(&parts.join(" › "));
    }
    out
}

/// The last field the path names.
fn last_field(path: &[Step]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Field(n) => Some(n.as_str()),
            _ => None,
        })
        .unwrap_or("")
}

/// One version of a conflict's value in words; `value` is one of the conflict's three.
/// Absent: « (retiré) » where the base had it, else « (absent) ».
pub fn value(plan: &Plan, names: &SubjectNames, conflict: &Conflict, value: Option<&Value>, lang: Lang) -> String {
    let Some(value) = value else {
        return match (conflict.base.is_some(), lang) {
            (true, Lang::Fr) => "(retiré)".into(),
            (true, Lang::En) => "(removed)".into(),
            (false, Lang::Fr) => "(absent)".into(),
            (false, Lang::En) => "(absent)".into(),
        };
    };
    let ordered = match (&conflict.at, conflict.path.last()) {
        (At::Order(list), _) => Some(Some(*list)),
        (_, Some(Step::Order)) => Some(None),
        _ => None,
    };
    match (ordered, value) {
        (Some(list), Value::Array(keys)) => keys
            .iter()
            .map(|k| {
                let key = k.as_str().unwrap_or_default();
                match list {
                    Some(list) => key_name(plan, names, list, key, lang),
                    None => item_name(plan, None, last_field(&conflict.path), key, lang),
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => shown(plan, last_field(&conflict.path), value, lang),
    }
}

/// An entry of a list by its key, named as a conflict's place names it.
fn key_name(plan: &Plan, names: &SubjectNames, list: List, key: &str, lang: Lang) -> String {
    match super::at(&super::Target::Entity(list, key.to_owned()), Vec::new()).0 {
        At::Subject(subject) => names.name(plan, &subject, lang),
        _ => entry_name(plan, list, &Id::new(key)),
    }
}

/// Fields that hold money, in cents.
const MONEY: [&str; 11] = [
    "amount",
    "planned",
    "spent",
    "per_day",
    "budget_planned",
    "budget_spent",
    "stated",
    "stated_total",
    "revenues",
    "expenses",
    "balance",
];

/// A value of the field `name`, as the screens write it.
fn shown(plan: &Plan, name: &str, value: &Value, lang: Lang) -> String {
    match value {
        Value::Null => "(absent)".into(),
        Value::Bool(yes) => match (yes, lang) {
            (true, Lang::Fr) => "Oui".into(),
            (false, Lang::Fr) => "Non".into(),
            (true, Lang::En) => "Yes".into(),
            (false, Lang::En) => "No".into(),
        },
        Value::Number(n) => {
            let n = n.as_f64().unwrap_or(f64::NAN);
            match name {
                _ if MONEY.contains(&name) || name == "money" => money(Cents(n as i64), lang),
                "percent" => percent(n, lang),
                "on_track" | "to_watch" => percent(n * 100.0, lang),
                _ => number(n, 2, lang),
            }
        }
        Value::String(text) => match name {
            "date" | "start" | "end" | "deadline" => {
                super::typed::<PlanDate>(value.clone()).map(|d| plan_date(d, lang)).unwrap_or_else(|_| text.clone())
            }
            "modified" | "at" => super::typed::<chrono::DateTime<chrono::Utc>>(value.clone())
                .map(|d| day(d.date_naive(), lang))
                .unwrap_or_else(|_| text.clone()),
            "status" => super::typed::<ActionStatus>(value.clone())
                .map(|s| action_status(s, lang).to_owned())
                .unwrap_or_else(|_| text.clone()),
            _ => text.clone(),
        },
        Value::Array(items) => items.iter().map(|item| shown(plan, name, item, lang)).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => {
            // An enum written as an object: a measurement's value, a target's.
            if fields.len() == 1 {
                let (variant, inner) = fields.iter().next().expect("one field");
                match variant.as_str() {
                    "number" | "text" => return shown(plan, "", inner, lang),
                    "money" => return shown(plan, "money", inner, lang),
                    "done" => {
                        return match (inner.as_bool() == Some(true), lang) {
                            (true, Lang::Fr) => "Réalisé".into(),
                            (false, Lang::Fr) => "Non réalisé".into(),
                            (true, Lang::En) => "Done".into(),
                            (false, Lang::En) => "Not done".into(),
                        }
                    }
                    _ => {}
                }
            }
            match (fields.get("type").and_then(Value::as_str), fields.get("value")) {
                (Some("absolute"), Some(inner)) => return shown(plan, "value", inner, lang),
                (Some("relative_percent"), Some(inner)) => {
                    return format!("+{}", percent(inner.as_f64().unwrap_or_default(), lang))
                }
                (Some("percentage_points"), Some(inner)) => {
                    let points = number(inner.as_f64().unwrap_or_default(), 2, lang);
                    return format!("+{points} points");
                }
                _ => {}
            }
            // A whole entity, by what names it.
            for named in ["title", "label", "name"] {
                if let Some(Value::String(text)) = fields.get(named) {
                    return text.clone();
                }
            }
            fields
                .iter()
                .filter(|(key, _)| key.as_str() != "meta")
                .map(|(key, inner)| {
                    let (field, shown) = (lower_first(&field_name(plan, key, lang)), shown(plan, key, inner, lang));
                    match lang {
                        Lang::Fr => format!("{field}\u{a0}: {shown}"),
                        Lang::En => format!("{field}: {shown}"),
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
    }
}
