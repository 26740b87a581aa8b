//! The plan a new user sees first: a fictional school service centre's success plan,
//! written in the project's own words, with the shape of a Quebec PEVR (enjeux,
//! orientations, objectifs with a deadline, indicateurs with targets at the plan's end,
//! some per segment, and moyens with their état d'avancement at the bilan that closed
//! the plan's first year).
//!
//! Its dates follow the school year (July to June) of the day it is created: the plan
//! runs four years from the school year before, measured and reported last June, so
//! that whatever the day a newcomer opens it, its dashboard shows statuses as of today,
//! its actions at a past bilan, and no measurement too old to count.

use crate::model::action::{Action, ActionStatus, ProgressRecord};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::level::{pevr_levels, Noun};
use crate::model::measurement::{Measurement, Observation, Value};
use crate::model::plan::{Organisation, Period, Plan};
use crate::model::target::{Target, TargetValue};
use chrono::{Datelike, NaiveDate};

/// The id of the sample's one checkpoint, the bilan of the end of its first year.
pub const CHECKPOINT: &str = "bilan-fin-annee-1";

/// The sample's years: it runs from July of `first` to June of `last`, was measured in
/// June of `measured` and reported on 20 June of that year.
#[derive(Clone, Copy)]
struct Years {
    first: i32,
    measured: i32,
    last: i32,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn june(year: i32) -> PlanDate {
    PlanDate::Month { year, month: 6 }
}

fn objective(years: Years, id: &str, parent: &str, title: &str) -> Element {
    let mut e = Element::new(id, 2, Some(parent), &format!("D'ici juin {}, {title}", years.last));
    e.deadline = Some(june(years.last));
    e
}

/// One segment with a baseline in June of the plan's first year, a target for its last
/// and a measurement of June of its measured year when there is one.
fn segment(years: Years, id: &str, label: &str, baseline: f64, target: f64, measured: Option<f64>) -> Segment {
    Segment {
        id: Id::new(id),
        label: label.into(),
        baseline: Some(Observation { date: june(years.first), value: Value::Number(baseline) }),
        targets: vec![Target { date: PlanDate::Year(years.last), value: TargetValue::Absolute(Value::Number(target)) }],
        measurements: measured
            .iter()
            .map(|v| Measurement {
                date: june(years.measured),
                value: Value::Number(*v),
                assessment: None,
                note: String::new(),
            })
            .collect(),
    }
}

fn percentage(id: &str, objective: &str, label: &str, segments: Vec<Segment>, source: &str) -> Indicator {
    Indicator {
        id: Id::new(id),
        objective: Id::new(objective),
        label: label.into(),
        kind: IndicatorKind::Percentage,
        direction: Direction::Increase,
        out_of: None,
        segments,
        source: source.into(),
        note: "Cible du plan stratégique".into(),
        meta: Meta::default(),
    }
}

struct Moyen<'a> {
    id: &'a str,
    title: &'a str,
    objectives: &'a [&'a str],
    groups: &'a [&'a str],
    responsible: &'a str,
    implementation: &'a str,
    evaluation: &'a str,
    status: ActionStatus,
    percent: u8,
    narrative: &'a str,
}

fn moyen(m: Moyen) -> Action {
    let mut a = Action::new(m.id, m.title, m.objectives);
    a.groups = m.groups.iter().map(|g| g.to_string()).collect();
    a.responsible = m.responsible.into();
    a.services = m.responsible.into();
    a.implementation = m.implementation.into();
    a.evaluation = m.evaluation.into();
    a.progress = vec![ProgressRecord {
        checkpoint: Id::new(CHECKPOINT),
        status: m.status,
        percent: Some(m.percent),
        narrative: m.narrative.into(),
        meta: Meta::default(),
    }];
    a
}

/// The sample as created on `today`, dated from the school year that holds it: created
/// on 28 November 2026, it runs from July 2025 to June 2029, was measured in June 2026
/// and reported on 20 June 2026.
pub fn sample_plan_on(today: NaiveDate) -> Plan {
    let school_year = if today.month() >= 7 { today.year() } else { today.year() - 1 };
    dated(Years { first: school_year - 1, measured: school_year, last: school_year + 3 })
}

/// The sample as created in the school year 2024-2025, the plan the core's tests start
/// from: July 2023 to June 2027, measured and reported in June 2024.
pub fn sample_plan() -> Plan {
    sample_plan_on(date(2024, 11, 28))
}

fn dated(years: Years) -> Plan {
    let elements = vec![
        Element::new("enjeu-1", 0, None, "La réussite de chaque élève, à chaque étape de son parcours"),
        Element::new(
            "orientation-1-1",
            1,
            Some("enjeu-1"),
            "Soutenir chaque élève au moment où il en a besoin, de l'entrée au préscolaire jusqu'à la diplomation",
        ),
        objective(
            years,
            "objectif-1",
            "orientation-1-1",
            "augmenter la proportion d'élèves qui lisent et écrivent sans difficulté",
        ),
        objective(
            years,
            "objectif-2",
            "orientation-1-1",
            "augmenter la proportion d'élèves qui réussissent en mathématique",
        ),
        objective(
            years,
            "objectif-3",
            "orientation-1-1",
            "hausser le taux de diplomation et de qualification après sept ans au secondaire",
        ),
        Element::new("enjeu-2", 0, None, "Des milieux de vie et de travail où chacun se sent bien"),
        Element::new("orientation-2-1", 1, Some("enjeu-2"), "Prendre soin du personnel pour qu'il choisisse de rester"),
        objective(
            years,
            "objectif-4",
            "orientation-2-1",
            "garder dans nos établissements 85 % du personnel nouvellement embauché",
        ),
        Element::new("orientation-2-2", 1, Some("enjeu-2"), "Faire de chaque école un lieu sûr et accueillant"),
        objective(
            years,
            "objectif-5",
            "orientation-2-2",
            "augmenter le sentiment de sécurité des élèves dans leur école",
        ),
    ];
    let smart = [
        ("objectif-1", "Faire passer de 68 % à 78 % la proportion d'élèves de 4e année qui obtiennent 70 % ou plus à l'épreuve de lecture."),
        ("objectif-3", "Atteindre un taux de diplomation et de qualification de 86 % en sept ans, et de 81 % chez les garçons."),
    ];
    // As in a PEVR, orientations are numbered within their enjeu and objectives across
    // the whole plan: typed codes, not the automatic « 1.1.1 ».
    let typed_codes = [
        ("orientation-1-1", "1"),
        ("orientation-2-1", "1"),
        ("orientation-2-2", "2"),
        ("objectif-1", "1"),
        ("objectif-2", "2"),
        ("objectif-3", "3"),
        ("objectif-4", "4"),
        ("objectif-5", "5"),
    ];
    let elements: Vec<Element> = elements
        .into_iter()
        .map(|mut e| {
            if let Some((_, text)) = smart.iter().find(|(id, _)| e.id.as_str() == *id) {
                e.smart = (*text).into();
            }
            if let Some((_, code)) = typed_codes.iter().find(|(id, _)| e.id.as_str() == *id) {
                e.code = Some((*code).into());
            }
            e
        })
        .collect();

    let indicators = vec![
        percentage(
            "ind-lecture-4e",
            "objectif-1",
            "Élèves de 4e année ayant 70 % ou plus à l'épreuve de lecture",
            vec![segment(years, "seg-lecture-4e", "", 68.0, 78.0, Some(71.5))],
            "Résultats aux épreuves ministérielles",
        ),
        percentage(
            "ind-zone-francais",
            "objectif-1",
            "Élèves dans la zone « sans risque » en français",
            vec![
                segment(years, "seg-zone-fr-prim", "Primaire", 71.0, 79.7, Some(73.2)),
                segment(years, "seg-zone-fr-sec", "Secondaire", 55.0, 62.0, Some(55.4)),
            ],
            "Tableau de bord (Lumix)",
        ),
        percentage(
            "ind-math-6e",
            "objectif-2",
            "Élèves de 6e année ayant 70 % ou plus en résolution de problèmes",
            vec![segment(years, "seg-math-6e", "", 66.0, 75.0, Some(68.0))],
            "Résultats aux épreuves ministérielles",
        ),
        percentage(
            "ind-diplomation",
            "objectif-3",
            "Taux de diplomation et de qualification en sept ans",
            vec![
                segment(years, "seg-dipl-tous", "Tous les élèves", 80.5, 86.0, Some(82.1)),
                segment(years, "seg-dipl-garcons", "Garçons", 74.0, 81.0, None),
            ],
            "Données ministérielles",
        ),
        percentage(
            "ind-retention",
            "objectif-4",
            "Personnel nouvellement embauché toujours en poste après deux ans",
            vec![segment(years, "seg-retention", "", 78.0, 85.0, Some(80.0))],
            "Système de paie",
        ),
        percentage(
            "ind-securite",
            "objectif-5",
            "Élèves qui se disent en sécurité à l'école",
            vec![segment(years, "seg-securite", "", 82.0, 90.0, None)],
            "Sondage annuel auprès des élèves",
        ),
    ];

    let actions = vec![
        moyen(Moyen {
            id: "moyen-cap",
            title: "Mettre en place des communautés d'apprentissage professionnelles dans les équipes-écoles",
            objectives: &["objectif-1", "objectif-2", "objectif-3"],
            groups: &["Enseignants", "Conseillers pédagogiques", "Directions"],
            responsible: "Services éducatifs",
            implementation: "Quatre à six rencontres par année, dans chaque école",
            evaluation: "Nombre de rencontres tenues; questionnaire aux participants",
            status: ActionStatus::InProgress,
            percent: 40,
            narrative: "Deux rencontres tenues avec les conseillers pédagogiques et les directions; la moitié des directions adjointes ont amorcé la démarche.",
        }),
        moyen(Moyen {
            id: "moyen-lecture",
            title: "Offrir une formation sur l'enseignement explicite de la lecture",
            objectives: &["objectif-1"],
            groups: &["Enseignants du primaire"],
            responsible: "Services éducatifs — primaire",
            implementation: "Trois demi-journées à l'automne, au centre administratif",
            evaluation: "Nombre d'inscriptions; observation en classe",
            status: ActionStatus::Done,
            percent: 100,
            narrative: "92 enseignantes et enseignants formés cette année.",
        }),
        moyen(Moyen {
            id: "moyen-math",
            title: "Accompagner les écoles ciblées dans l'utilisation de la manipulation en mathématique",
            objectives: &["objectif-2"],
            groups: &["Enseignants", "Orthopédagogues"],
            responsible: "Services éducatifs — primaire",
            implementation: "Accompagnement mensuel dans quatre écoles",
            evaluation: "Grille d'observation commune",
            status: ActionStatus::NotStarted,
            percent: 0,
            narrative: "Le choix des écoles sera fait à la rentrée.",
        }),
        moyen(Moyen {
            id: "moyen-relance",
            title: "Relancer les élèves qui ont quitté sans diplôme",
            objectives: &["objectif-3"],
            groups: &["Élèves du secondaire", "Éducation des adultes"],
            responsible: "Services éducatifs — secondaire, FGA et FP",
            implementation: "Une relance par mois",
            evaluation: "Proportion des élèves relancés qui reviennent en formation",
            status: ActionStatus::InProgress,
            percent: 25,
            narrative: "Liste des élèves à relancer établie; premiers appels faits au printemps.",
        }),
        moyen(Moyen {
            id: "moyen-mentorat",
            title: "Jumeler chaque nouvelle personne embauchée à un mentor",
            objectives: &["objectif-4"],
            groups: &["Personnel nouvellement embauché"],
            responsible: "Ressources humaines",
            implementation: "Toute l'année, dans chaque établissement",
            evaluation: "Taux de participation; sondage de satisfaction",
            status: ActionStatus::InProgress,
            percent: 60,
            narrative: "68 jumelages en cours.",
        }),
        moyen(Moyen {
            id: "moyen-code-vie",
            title: "Revoir les codes de vie des écoles à partir de pratiques reconnues",
            objectives: &["objectif-5"],
            groups: &["Écoles primaires et secondaires"],
            responsible: "Services éducatifs — adaptation scolaire",
            implementation: "Toute l'année",
            evaluation: "Proportion des écoles dont le code de vie a été revu",
            status: ActionStatus::OnHold,
            percent: 10,
            narrative: "Portrait des codes de vie actuels terminé; la suite attend le comité de l'automne.",
        }),
    ];

    Plan {
        organisations: vec![Organisation {
            id: Id::new("org-csqv"),
            name: "Centre de services scolaire des Quatre-Vents".into(),
            code: "CSQV".into(),
        }],
        checkpoints: vec![Checkpoint {
            id: Id::new(CHECKPOINT),
            label: "Bilan de fin d'année".into(),
            date: date(years.measured, 6, 20),
            closed: false,
            meta: Meta::default(),
        }],
        elements: elements.into(),
        indicators: indicators.into(),
        actions: actions.into(),
        ..Plan::new(
            Id::new("plan-exemple-csqv"),
            format!("Plan d'engagement vers la réussite {}-{}", years.first, years.last),
            Period { start: date(years.first, 7, 1), end: date(years.last, 6, 30) },
            pevr_levels(),
            2,
            Noun::new("Moyen", "Moyens"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 27: whatever the day a newcomer opens the page, the sample is alive: its
    /// indicators have statuses as of that day, its actions a bilan on or before it,
    /// and no check speaks of its age.
    #[test]
    fn the_sample_is_alive_on_any_day_of_any_school_year() {
        let mut day = date(2026, 7, 1);
        while day < date(2028, 7, 1) {
            let plan = sample_plan_on(day);
            let report = crate::calc::rollup::report(&plan, day);
            assert_eq!(report.plan.counts, [0, 3, 1, 1, 1], "{day}");
            assert!(plan.checkpoint_at(day).is_some(), "a bilan on or before {day}");
            assert_eq!(crate::calc::check::check(&plan), vec![], "{day}");
            assert!(plan.period.start <= day && day <= plan.period.end, "{day}");
            day = day + chrono::Days::new(5);
        }
        let november = sample_plan_on(date(2026, 11, 28));
        assert_eq!(november.title, "Plan d'engagement vers la réussite 2025-2029");
        assert_eq!(november.checkpoints[0].date, date(2026, 6, 20));
        assert_eq!(sample_plan_on(date(2027, 5, 31)), november, "one school year, one sample");
    }
}
