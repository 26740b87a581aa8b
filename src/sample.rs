//! The plan a new user sees first: a fictional school service centre's success plan,
//! written in the project's own words, with the shape of a Quebec PEVR (enjeux,
//! orientations, objectifs with a deadline, indicateurs with 2027 targets, some per
//! segment, and moyens with their état d'avancement at a mid-year checkpoint).

use crate::action::{Action, ActionStatus, ProgressRecord};
use crate::checkpoint::Checkpoint;
use crate::date::PlanDate;
use crate::element::Element;
use crate::id::{Id, Meta};
use crate::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::level::{pevr_levels, Noun};
use crate::measurement::{Measurement, Observation, Value};
use crate::plan::{Organisation, Period, Plan, Settings};
use crate::target::{Target, TargetValue};
use chrono::NaiveDate;

const CHECKPOINT: &str = "bilan-2023-12";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid sample date")
}

fn objective(id: &str, parent: &str, title: &str) -> Element {
    let mut e = Element::new(id, 2, Some(parent), title);
    e.deadline = PlanDate::month(2027, 6);
    e
}

/// One segment with a baseline in June 2022, a target for 2027 and optional
/// measurements (date, value).
fn segment(id: &str, label: &str, baseline: f64, target: f64, measured: &[(PlanDate, f64)]) -> Segment {
    Segment {
        id: Id::new(id),
        label: label.into(),
        baseline: Some(Observation {
            date: PlanDate::month(2022, 6).expect("June 2022"),
            value: Value::Number(baseline),
        }),
        targets: vec![Target {
            date: PlanDate::year(2027).expect("2027"),
            value: TargetValue::Absolute(Value::Number(target)),
        }],
        measurements: measured
            .iter()
            .map(|(date, v)| Measurement {
                date: *date,
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

pub fn sample_plan() -> Plan {
    let mid_2023 = PlanDate::month(2023, 6).expect("June 2023");
    let elements = vec![
        Element::new("enjeu-1", 0, None, "La réussite de chaque élève, à chaque étape de son parcours"),
        Element::new(
            "orientation-1-1",
            1,
            Some("enjeu-1"),
            "Soutenir chaque élève au moment où il en a besoin, de l'entrée au préscolaire jusqu'à la diplomation",
        ),
        objective(
            "objectif-1",
            "orientation-1-1",
            "D'ici juin 2027, augmenter la proportion d'élèves qui lisent et écrivent sans difficulté",
        ),
        objective(
            "objectif-2",
            "orientation-1-1",
            "D'ici juin 2027, augmenter la proportion d'élèves qui réussissent en mathématique",
        ),
        objective(
            "objectif-3",
            "orientation-1-1",
            "D'ici juin 2027, hausser le taux de diplomation et de qualification après sept ans au secondaire",
        ),
        Element::new("enjeu-2", 0, None, "Des milieux de vie et de travail où chacun se sent bien"),
        Element::new("orientation-2-1", 1, Some("enjeu-2"), "Prendre soin du personnel pour qu'il choisisse de rester"),
        objective(
            "objectif-4",
            "orientation-2-1",
            "D'ici juin 2027, garder dans nos établissements 85 % du personnel nouvellement embauché",
        ),
        Element::new("orientation-2-2", 1, Some("enjeu-2"), "Faire de chaque école un lieu sûr et accueillant"),
        objective(
            "objectif-5",
            "orientation-2-2",
            "D'ici juin 2027, augmenter le sentiment de sécurité des élèves dans leur école",
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
    let elements = elements
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
            vec![segment("seg-lecture-4e", "", 68.0, 78.0, &[(mid_2023, 71.5)])],
            "Résultats aux épreuves ministérielles",
        ),
        percentage(
            "ind-zone-francais",
            "objectif-1",
            "Élèves dans la zone « sans risque » en français",
            vec![
                segment("seg-zone-fr-prim", "Primaire", 71.0, 79.7, &[(mid_2023, 73.2)]),
                segment("seg-zone-fr-sec", "Secondaire", 55.0, 62.0, &[(mid_2023, 55.4)]),
            ],
            "Tableau de bord (Lumix)",
        ),
        percentage(
            "ind-math-6e",
            "objectif-2",
            "Élèves de 6e année ayant 70 % ou plus en résolution de problèmes",
            vec![segment("seg-math-6e", "", 66.0, 75.0, &[(mid_2023, 67.0)])],
            "Résultats aux épreuves ministérielles",
        ),
        percentage(
            "ind-diplomation",
            "objectif-3",
            "Taux de diplomation et de qualification en sept ans",
            vec![
                segment("seg-dipl-tous", "Tous les élèves", 80.5, 86.0, &[(mid_2023, 82.1)]),
                segment("seg-dipl-garcons", "Garçons", 74.0, 81.0, &[]),
            ],
            "Données ministérielles",
        ),
        percentage(
            "ind-retention",
            "objectif-4",
            "Personnel nouvellement embauché toujours en poste après deux ans",
            vec![segment("seg-retention", "", 78.0, 85.0, &[(mid_2023, 80.0)])],
            "Système de paie",
        ),
        percentage(
            "ind-securite",
            "objectif-5",
            "Élèves qui se disent en sécurité à l'école",
            vec![segment("seg-securite", "", 82.0, 90.0, &[])],
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
            narrative: "Le choix des écoles sera fait en janvier.",
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
            narrative: "Liste des élèves à relancer établie; premiers appels faits en novembre.",
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
            narrative: "Portrait des codes de vie actuels terminé; la suite attend le comité de janvier.",
        }),
    ];

    Plan {
        id: Id::new("plan-exemple-csqv"),
        title: "Plan d'engagement vers la réussite 2023-2027".into(),
        organisations: vec![Organisation {
            id: Id::new("org-csqv"),
            name: "Centre de services scolaire des Quatre-Vents".into(),
            code: "CSQV".into(),
        }],
        period: Period { start: date(2023, 7, 1), end: date(2027, 6, 30) },
        levels: pevr_levels(),
        objective_level: 2,
        action_name: Noun::new("Moyen", "Moyens"),
        target_groups: Vec::new(),
        checkpoints: vec![Checkpoint {
            id: Id::new(CHECKPOINT),
            label: "Bilan de mi-année".into(),
            date: date(2023, 12, 12),
            closed: false,
            meta: Meta::default(),
        }],
        settings: Settings::default(),
        elements,
        indicators,
        actions,
        budget: Default::default(),
        sendings: Vec::new(),
        part: None,
        sources: Vec::new(),
        meta: Meta::default(),
    }
}
