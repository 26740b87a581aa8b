//! New plans: blank, or shaped like one of the reference plans, with their level
//! names, their word for actions and their table columns preset (all editable), in
//! the language of the page that makes them.

use crate::model::action::ActionColumn;
use crate::model::budget::{Category, StaffRate};
use crate::model::id::Id;
use crate::model::level::{Level, Noun};
use crate::model::money::Cents;
use crate::model::plan::{Period, Plan};
use crate::words::lang::Lang;
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

/// The template's levels from the top, then its word for actions, in `lang`; its
/// objectives are its last level.
fn names(template: Template, lang: Lang) -> &'static [(&'static str, &'static str)] {
    match (template, lang) {
        (Template::Blank, Lang::Fr) => {
            &[("Orientation", "Orientations"), ("Objectif", "Objectifs"), ("Action", "Actions")]
        }
        (Template::Blank, Lang::En) => {
            &[("Orientation", "Orientations"), ("Objective", "Objectives"), ("Action", "Actions")]
        }
        (Template::Pevr, Lang::Fr) => {
            &[("Enjeu", "Enjeux"), ("Orientation", "Orientations"), ("Objectif", "Objectifs"), ("Moyen", "Moyens")]
        }
        (Template::Pevr, Lang::En) => &[
            ("Challenge", "Challenges"),
            ("Orientation", "Orientations"),
            ("Objective", "Objectives"),
            ("Means", "Means"),
        ],
        (Template::Regional, Lang::Fr) => {
            &[("Axe", "Axes"), ("Thème", "Thèmes"), ("Objectif", "Objectifs"), ("Activité", "Activités")]
        }
        (Template::Regional, Lang::En) => {
            &[("Area", "Areas"), ("Theme", "Themes"), ("Objective", "Objectives"), ("Activity", "Activities")]
        }
        (Template::Cooperative, Lang::Fr) => &[
            ("Projet stratégique", "Projets stratégiques"),
            ("Objectif SMART", "Objectifs SMART"),
            ("Action", "Actions"),
        ],
        (Template::Cooperative, Lang::En) => &[
            ("Strategic project", "Strategic projects"),
            ("SMART objective", "SMART objectives"),
            ("Action", "Actions"),
        ],
    }
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

/// A new, empty plan of the template's shape, its words in `lang`. The caller chooses
/// the id (the page draws a random one) and passes today's date, which sets the period.
pub fn new_plan(template: Template, id: Id, title: &str, today: NaiveDate, lang: Lang) -> Plan {
    let (action, levels) = names(template, lang).split_last().expect("a template names its actions");
    let en = lang == Lang::En;
    let mut plan = Plan::new(
        id,
        title.into(),
        period(today, 1),
        levels.iter().map(|(s, p)| Level { name: Noun::new(s, p) }).collect(),
        levels.len() - 1,
        Noun::new(action.0, action.1),
    );
    match template {
        Template::Blank => {}
        Template::Pevr => plan.period = period(today, 4),
        Template::Regional => {
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
            plan.settings.columns = Some(vec![
                ActionColumn::Objectives,
                ActionColumn::Responsible,
                ActionColumn::Partners,
                ActionColumn::Schedule,
                ActionColumn::Progress,
            ]);
            plan.budget.categories = [
                ("categorie-projets", if en { "Strategic projects" } else { "Projets stratégiques" }),
                ("categorie-communautes", if en { "Communities of practice" } else { "Communautés de pratique" }),
            ]
            .map(|(id, label)| Category { id: Id::new(id), label: label.into() })
            .to_vec();
            plan.budget.rates = [
                ("taux-professionnels", if en { "Professionals" } else { "Professionnelles, professionnels" }, 280),
                ("taux-enseignants", if en { "Teachers" } else { "Enseignantes, enseignants" }, 250),
                ("taux-gestionnaires", if en { "Managers" } else { "Gestionnaires" }, 350),
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
    use crate::calc::check::check;
    use crate::format::{load, save};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_template_makes_a_plan_that_saves_loads_and_raises_no_warning() {
        for (template, lang) in Template::ALL.into_iter().flat_map(|t| [(t, Lang::Fr), (t, Lang::En)]) {
            let plan = new_plan(template, Id::new("p"), "Plan", today(), lang);
            assert_eq!(load(&save(&plan)).expect("loads"), plan, "{template:?}");
            assert_eq!(check(&plan), Vec::new(), "{template:?}");
            assert!(plan.objective_level < plan.levels.len(), "{template:?}");
        }
    }

    #[test]
    fn a_template_speaks_the_language_of_the_page_that_makes_it() {
        let words = |template, lang| {
            let plan = new_plan(template, Id::new("p"), "Plan", today(), lang);
            let mut words: Vec<String> = plan.levels.iter().map(|l| l.name.plural.clone()).collect();
            words.push(plan.action_name.plural);
            words.extend(plan.budget.categories.iter().map(|c| c.label.clone()));
            words.extend(plan.budget.rates.iter().map(|r| r.label.clone()));
            words.join(", ")
        };
        assert_eq!(words(Template::Pevr, Lang::Fr), "Enjeux, Orientations, Objectifs, Moyens");
        assert_eq!(words(Template::Pevr, Lang::En), "Challenges, Orientations, Objectives, Means");
        assert_eq!(words(Template::Regional, Lang::En), "Areas, Themes, Objectives, Activities");
        assert_eq!(
            words(Template::Cooperative, Lang::En),
            "Strategic projects, SMART objectives, Actions, Strategic projects, Communities of practice, \
             Professionals, Teachers, Managers"
        );
        // The same shape in either language: the same levels, objectives and columns.
        for template in Template::ALL {
            let [fr, en] = [Lang::Fr, Lang::En].map(|lang| new_plan(template, Id::new("p"), "Plan", today(), lang));
            assert_eq!(
                (fr.levels.len(), fr.objective_level, &fr.settings),
                (en.levels.len(), en.objective_level, &en.settings)
            );
        }
    }

    #[test]
    fn the_period_starts_with_the_school_year_under_way() {
        let plan = new_plan(Template::Pevr, Id::new("p"), "Plan", today(), Lang::Fr);
        assert_eq!(plan.period.start, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(plan.period.end, NaiveDate::from_ymd_opt(2030, 6, 30).unwrap());
        let spring = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(new_plan(Template::Blank, Id::new("p"), "Plan", spring, Lang::Fr).period.start.year(), 2026);
    }
}
