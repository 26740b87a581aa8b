//! New plans: blank, or shaped like one of the reference plans, with their level
//! names, their word for actions and their table columns preset (all editable).

use crate::action::ActionColumn;
use crate::budget::{Budget, Category, StaffRate};
use crate::id::{Id, Meta};
use crate::level::{pevr_levels, Level, Noun};
use crate::money::Cents;
use crate::plan::{Period, Plan, Settings};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// Two levels, orientations and objectives, and actions.
    Blank,
    /// A Quebec success plan (PEVR): enjeux, orientations, objectifs, moyens; four years.
    Pevr,
    /// A regional partners' plan: axes, thèmes, objectifs, activités with fiduciaire,
    /// partenaires and échéancier; one school year.
    Regional,
    /// A cooperative's framework and budget: projets stratégiques, objectifs SMART,
    /// actions, budget categories and a staff rate table.
    Cooperative,
}

impl Template {
    pub const ALL: [Template; 4] = [Template::Blank, Template::Pevr, Template::Regional, Template::Cooperative];
}

fn levels(names: &[(&str, &str)]) -> Vec<Level> {
    names.iter().map(|(s, p)| Level { name: Noun::new(s, p) }).collect()
}

/// The school year under way on `today` starts on July 1st.
fn school_year_start(today: NaiveDate) -> NaiveDate {
    let year = if today.month() >= 7 { today.year() } else { today.year() - 1 };
    NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(today)
}

fn period(today: NaiveDate, years: i32) -> Period {
    let start = school_year_start(today);
    let end = NaiveDate::from_ymd_opt(start.year() + years, 6, 30).unwrap_or(start);
    Period { start, end }
}

/// A new, empty plan of the template's shape. The caller chooses the id (the page draws
/// a random one) and passes today's date, which sets the period.
pub fn new_plan(template: Template, id: Id, title: &str, today: NaiveDate) -> Plan {
    let mut plan = Plan {
        id,
        title: title.into(),
        organisations: Vec::new(),
        period: period(today, 1),
        levels: levels(&[("Orientation", "Orientations"), ("Objectif", "Objectifs")]),
        objective_level: 1,
        action_name: Noun::new("Action", "Actions"),
        target_groups: Vec::new(),
        checkpoints: Vec::new(),
        settings: Settings::default(),
        elements: Vec::new(),
        indicators: Vec::new(),
        actions: Vec::new(),
        budget: Budget::default(),
        sendings: Vec::new(),
        part: None,
        sources: Vec::new(),
        meta: Meta::default(),
    };
    match template {
        Template::Blank => {}
        Template::Pevr => {
            plan.period = period(today, 4);
            plan.levels = pevr_levels();
            plan.objective_level = 2;
            plan.action_name = Noun::new("Moyen", "Moyens");
        }
        Template::Regional => {
            plan.levels = levels(&[("Axe", "Axes"), ("Thème", "Thèmes"), ("Objectif", "Objectifs")]);
            plan.objective_level = 2;
            plan.action_name = Noun::new("Activité", "Activités");
            plan.settings.columns = Some(vec![
                ActionColumn::Objectives,
                ActionColumn::Carrier,
                ActionColumn::Partners,
                ActionColumn::Schedule,
                ActionColumn::ExpectedResults,
                ActionColumn::Progress,
            ]);
        }
        Template::Cooperative => {
            plan.period = period(today, 3);
            plan.levels =
                levels(&[("Projet stratégique", "Projets stratégiques"), ("Objectif SMART", "Objectifs SMART")]);
            plan.objective_level = 1;
            plan.settings.columns = Some(vec![
                ActionColumn::Objectives,
                ActionColumn::Responsible,
                ActionColumn::Partners,
                ActionColumn::Schedule,
                ActionColumn::Progress,
            ]);
            plan.budget.categories = vec![
                Category { id: Id::new("categorie-projets"), label: "Projets stratégiques".into() },
                Category { id: Id::new("categorie-communautes"), label: "Communautés de pratique".into() },
            ];
            plan.budget.rates = [
                ("taux-professionnels", "Professionnelles, professionnels", 280),
                ("taux-enseignants", "Enseignantes, enseignants", 250),
                ("taux-gestionnaires", "Gestionnaires", 350),
            ]
            .into_iter()
            .map(|(id, label, dollars)| StaffRate {
                id: Id::new(id),
                label: label.into(),
                per_day: Cents::from_dollars(dollars),
            })
            .collect();
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::format::{load, save};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_template_makes_a_plan_that_saves_loads_and_raises_no_warning() {
        for template in Template::ALL {
            let plan = new_plan(template, Id::new("p"), "Plan", today());
            assert_eq!(load(&save(&plan)).expect("loads"), plan, "{template:?}");
            assert_eq!(check(&plan), Vec::new(), "{template:?}");
            assert!(plan.objective_level < plan.levels.len(), "{template:?}");
        }
    }

    #[test]
    fn the_period_starts_with_the_school_year_under_way() {
        let plan = new_plan(Template::Pevr, Id::new("p"), "Plan", today());
        assert_eq!(plan.period.start, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(plan.period.end, NaiveDate::from_ymd_opt(2030, 6, 30).unwrap());
        let spring = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(new_plan(Template::Blank, Id::new("p"), "Plan", spring).period.start.year(), 2026);
    }
}
