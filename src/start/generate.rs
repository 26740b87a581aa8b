//! Deterministic generator of large plans, for benchmarks and tests.
//!
//! `large_plan(&Spec::benchmark())` builds the plan of a big school service centre:
//! 4 enjeux × 5 orientations, 1 000 objectives, 10 000 indicators with two segments each
//! (baseline, 2027 target, one or two measurements), 5 000 moyens linked to one to three
//! objectives with one progress record at one of two checkpoints, and a budget whose
//! lines fund some of the moyens. Its texts are assembled from word lists to the lengths
//! real plans have, so that file sizes and text handling are realistic.
//!
//! The same `Spec` always gives the same plan, to the byte once saved: a small seeded
//! generator (splitmix64) draws every choice, and nothing reads the clock or the system.

use crate::model::action::{Action, ActionStatus, ProgressRecord, Schedule};
use crate::model::budget::{Budget, Category, Days, ExpenseLine, StaffContribution, StaffRate};
use crate::model::checkpoint::Checkpoint;
use crate::model::date::PlanDate;
use crate::model::element::Element;
use crate::model::id::{Id, Meta};
use crate::model::indicator::{Direction, Indicator, IndicatorKind, Segment};
use crate::model::level::{pevr_levels, Noun};
use crate::model::measurement::{Measurement, Observation, Value};
use crate::model::money::Cents;
use crate::model::plan::{Organisation, Period, Plan};
use crate::model::target::{Target, TargetValue};
use chrono::NaiveDate;

/// The size of the plan to generate, and the seed of its choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub objectives: usize,
    pub indicators: usize,
    pub actions: usize,
    pub seed: u64,
}

impl Spec {
    /// The plan the benchmarks measure: 1 000 objectives, 10 000 indicators, 5 000 actions.
    pub fn benchmark() -> Spec {
        Spec { objectives: 1_000, indicators: 10_000, actions: 5_000, seed: 2023 }
    }
}

const ENJEUX: usize = 4;
const ORIENTATIONS_PER_ENJEU: usize = 5;
const MID_YEAR: &str = "bilan-2023-12";
const END_OF_YEAR: &str = "bilan-2024-06";

/// splitmix64: tiny, fast, and the same sequence on every platform; the fuzz run draws
/// its inputs from it too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0); the modulo bias is irrelevant here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }

    /// A number with one decimal in `low..high`.
    fn tenths(&mut self, low: f64, high: f64) -> f64 {
        let steps = ((high - low) * 10.0) as usize;
        low + self.below(steps.max(1)) as f64 / 10.0
    }
}

const ENJEU_TITLES: [&str; ENJEUX] = [
    "La réussite éducative de chaque élève, du préscolaire à la formation des adultes",
    "Des milieux de vie sains, sécuritaires et bienveillants pour les élèves et le personnel",
    "Un personnel compétent, reconnu et engagé dans son développement professionnel",
    "Une organisation efficiente, tournée vers les besoins des établissements",
];

const VERBS: &[&str] = &[
    "accroître",
    "consolider",
    "développer",
    "soutenir",
    "renforcer",
    "favoriser",
    "améliorer",
    "déployer",
    "valoriser",
    "structurer",
    "promouvoir",
    "harmoniser",
];

const FIELDS: &[&str] = &[
    "la réussite en littératie",
    "la réussite en numératie",
    "la persévérance scolaire",
    "la diplomation et la qualification",
    "les transitions entre les ordres d'enseignement",
    "le bien-être des élèves",
    "le sentiment de sécurité",
    "l'engagement des familles",
    "l'inclusion des élèves HDAA",
    "la francisation des élèves allophones",
    "la formation professionnelle",
    "la rétention du personnel",
    "l'usage pédagogique du numérique",
    "les saines habitudes de vie",
    "la collaboration entre les équipes-écoles",
];

const POPULATIONS: &[&str] = &[
    "des élèves du primaire",
    "des élèves du secondaire",
    "des élèves HDAA",
    "des garçons",
    "des élèves issus de l'immigration",
    "des élèves de la formation générale des adultes",
    "des élèves de la formation professionnelle",
    "du personnel enseignant",
    "du personnel de soutien",
    "des directions d'établissement",
];

const MEASURES: &[&str] = &[
    "la proportion d'élèves qui obtiennent 70 % ou plus",
    "le taux de réussite à l'épreuve ministérielle",
    "le taux d'obtention d'un premier diplôme",
    "la part des élèves dans la zone « sans risque »",
    "le taux de satisfaction mesuré par sondage",
    "le taux de rétention après cinq ans",
    "l'indice de bien-être mesuré au sondage biannuel",
];

const RATE_LABELS: &[&str] = &[
    "Proportion des élèves qui obtiennent entre 70 % et 100 % à l'épreuve de lecture",
    "Taux de réussite à l'épreuve ministérielle d'écriture",
    "Taux d'obtention d'un premier diplôme ou d'une première qualification en sept ans",
    "Part des élèves dans la zone « sans risque » en mathématique",
    "Taux de satisfaction du personnel quant au développement de ses compétences",
    "Taux de rétention du personnel régulier après cinq ans",
    "Indice de bien-être mesuré par le sondage biannuel",
    "Sentiment de sécurité des élèves mesuré par sondage",
];

const COUNT_LABELS: &[&str] = &[
    "Nombre d'établissements qui appliquent la démarche",
    "Nombre d'enseignantes et d'enseignants inscrits à la formation",
    "Nombre de rencontres de communautés de pratique tenues",
    "Nombre de parents joints par les ateliers",
];

const SEGMENT_PAIRS: &[(&str, &str)] = &[
    ("Primaire", "Secondaire"),
    ("Garçons", "Filles"),
    ("Élèves HDAA", "Élèves ordinaires"),
    ("1er cycle du secondaire", "2e cycle du secondaire"),
    ("Personnel enseignant", "Personnel de soutien"),
    ("Formation générale des adultes", "Formation professionnelle"),
];

const SOURCES: &[&str] = &["Power BI", "Mozaïk", "Lumix", "Sondage annuel", "Ministère de l'Éducation"];

const ACTION_VERBS: &[&str] = &[
    "Mettre en place",
    "Offrir",
    "Animer",
    "Élaborer",
    "Déployer",
    "Planifier",
    "Documenter",
    "Consolider",
    "Évaluer",
    "Diffuser",
];

const ACTION_OBJECTS: &[&str] = &[
    "une communauté de pratique",
    "un programme d'insertion professionnelle",
    "un tableau de bord partagé",
    "une offre de formation continue",
    "un comité de suivi",
    "un référentiel de pratiques probantes",
    "des ateliers pour les parents",
    "un plan de relance des élèves décrocheurs",
    "un protocole de transition",
    "des capsules de formation en ligne",
    "un mécanisme de dépistage précoce",
    "une campagne de valorisation",
];

const ACTION_PURPOSES: &[&str] = &[
    "pour soutenir les équipes enseignantes dans leur planification",
    "afin de mieux suivre les résultats des élèves à chaque étape",
    "en collaboration avec les organismes communautaires du territoire",
    "pour harmoniser les pratiques entre les établissements",
    "afin de rejoindre les élèves les plus vulnérables",
    "en s'appuyant sur les données probantes et les résultats de la recherche",
];

const GROUPS: &[&str] = &[
    "Enseignants",
    "Conseillers pédagogiques",
    "Directions d'établissement",
    "Orthopédagogues",
    "Élèves du primaire",
    "Élèves du secondaire",
    "Parents",
    "Techniciens en éducation spécialisée",
    "Personnel de soutien",
];

const SERVICES: &[&str] = &[
    "Services éducatifs, primaire",
    "Services éducatifs, secondaire",
    "Services éducatifs, adultes et FP",
    "Services complémentaires",
    "Adaptation scolaire",
    "Ressources humaines",
    "Ressources financières",
    "Ressources matérielles",
    "Technologies de l'information",
    "Communications",
    "Secrétariat général",
    "Direction générale",
    "Organisation scolaire",
    "Transport scolaire",
    "Service de la francisation",
];

const PARTNERS: &[&str] = &[
    "Carrefour jeunesse-emploi",
    "CISSS régional",
    "Municipalité",
    "Maison de la famille",
    "Cégep régional",
    "Table de concertation jeunesse",
];

const FREQUENCIES: &[&str] = &[
    "de quatre à six rencontres par année",
    "une fois par mois",
    "trois fois par année",
    "toute l'année",
    "à chaque étape",
    "deux journées de formation à l'automne",
];

const PLACES: &[&str] =
    &["dans chaque établissement", "au centre administratif", "en ligne", "dans les écoles ciblées"];

const EVALUATIONS: &[&str] = &[
    "Nombre de rencontres tenues et taux de participation",
    "Sondage de satisfaction auprès des participants",
    "Suivi des indicateurs dans le tableau de bord Power BI",
    "Bilan écrit déposé au comité de pilotage",
    "Nombre d'établissements qui appliquent la démarche",
];

const IN_PROGRESS: &[&str] = &[
    "Les premières rencontres ont eu lieu et les participants ont défini leurs priorités pour l'année.",
    "La démarche est en place dans la moitié des établissements ; les autres suivront au printemps.",
    "Les outils sont en rédaction ; une première version sera présentée aux directions en février.",
];

fn narrative(status: ActionStatus, rng: &mut Rng) -> &'static str {
    match status {
        ActionStatus::NotStarted => {
            "Le comité est formé ; le calendrier des travaux sera présenté aux directions en janvier."
        }
        ActionStatus::Done => {
            "Les outils sont produits et diffusés ; un bilan de leur usage est prévu à la fin de l'année."
        }
        ActionStatus::OnHold | ActionStatus::Postponed | ActionStatus::Dropped => {
            "Les travaux ont pris du retard faute de ressources ; un ajustement de l'échéancier est proposé."
        }
        ActionStatus::InProgress => rng.pick(IN_PROGRESS),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid generator date")
}

fn month(year: i32, month: u32) -> PlanDate {
    PlanDate::month(year, month).expect("a valid generator month")
}

/// A plan of the size `spec` asks for. Without objectives there is nothing to attach
/// indicators and actions to, and the plan has none.
pub fn large_plan(spec: &Spec) -> Plan {
    let mut rng = Rng(spec.seed);
    let elements = tree(spec.objectives, &mut rng);
    let objectives: Vec<Id> = elements.iter().filter(|e| e.level == 2).map(|e| e.id.clone()).collect();
    let (indicators, actions) = if objectives.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let indicators = (0..spec.indicators)
            .map(|i| indicator(i, &objectives[i * objectives.len() / spec.indicators], &mut rng))
            .collect();
        let actions = (0..spec.actions).map(|i| action(i, &objectives, &mut rng)).collect();
        (indicators, actions)
    };
    let budget = budget(&actions, &mut rng);
    Plan {
        organisations: vec![Organisation {
            id: Id::new("org-cssgl"),
            name: "Centre de services scolaire des Grands-Lacs-Fictifs".into(),
            code: "CSSGL".into(),
        }],
        checkpoints: vec![
            checkpoint(MID_YEAR, "Bilan de mi-année", date(2023, 12, 12)),
            checkpoint(END_OF_YEAR, "Bilan de fin d'année", date(2024, 6, 20)),
        ],
        elements: elements.into(),
        indicators: indicators.into(),
        actions: actions.into(),
        budget: budget.into(),
        ..Plan::new(
            Id::new(format!("plan-genere-{}", spec.seed)),
            "Plan d'engagement vers la réussite 2023-2027 (plan généré)".into(),
            Period { start: date(2023, 7, 1), end: date(2027, 6, 30) },
            pevr_levels(),
            2,
            Noun::new("Moyen", "Moyens"),
        )
    }
}

fn checkpoint(id: &str, label: &str, date: NaiveDate) -> Checkpoint {
    Checkpoint { id: Id::new(id), label: label.into(), date, closed: false, meta: Meta::default() }
}

/// Enjeux, orientations and objectives in display order, the objectives shared out in
/// consecutive blocks among the orientations.
fn tree(objectives: usize, rng: &mut Rng) -> Vec<Element> {
    let orientations = ENJEUX * ORIENTATIONS_PER_ENJEU;
    let mut elements = Vec::with_capacity(ENJEUX + orientations + objectives);
    let mut next_objective = 0;
    for (e, enjeu_title) in ENJEU_TITLES.iter().enumerate() {
        let enjeu = format!("enjeu-{}", e + 1);
        elements.push(Element::new(&enjeu, 0, None, enjeu_title));
        for o in 0..ORIENTATIONS_PER_ENJEU {
            let orientation = format!("orientation-{}-{}", e + 1, o + 1);
            let title = format!(
                "{} {} {}, par des pratiques concertées entre les services et les établissements",
                capitalised(rng.pick(VERBS)),
                rng.pick(FIELDS),
                rng.pick(POPULATIONS)
            );
            elements.push(Element::new(&orientation, 1, Some(&enjeu), &title));
            let block_end = (e * ORIENTATIONS_PER_ENJEU + o + 1) * objectives / orientations;
            while next_objective < block_end {
                next_objective += 1;
                elements.push(objective(next_objective, &orientation, rng));
            }
        }
    }
    elements
}

fn objective(number: usize, parent: &str, rng: &mut Rng) -> Element {
    let (verb, field, population) = (rng.pick(VERBS), rng.pick(FIELDS), rng.pick(POPULATIONS));
    let mut element = Element::new(
        &format!("objectif-{number}"),
        2,
        Some(parent),
        &format!("{} {field} {population}", capitalised(verb)),
    );
    element.deadline = Some(month(2027, 6));
    element.smart = format!(
        "D'ici juin 2027, {verb} {field} {population} en faisant passer {} de {} % à {} %, mesuré chaque année en juin.",
        rng.pick(MEASURES),
        55 + rng.below(20),
        76 + rng.below(15),
    );
    element
}

fn indicator(number: usize, objective: &Id, rng: &mut Rng) -> Indicator {
    // Mostly rates, as in real plans; some counts.
    let kind = if rng.below(5) == 0 { IndicatorKind::Count } else { IndicatorKind::Percentage };
    let (first, second) = SEGMENT_PAIRS[rng.below(SEGMENT_PAIRS.len())];
    let segments = [first, second]
        .iter()
        .enumerate()
        .map(|(s, label)| segment(format!("segment-{number}-{}", s + 1), label, kind, rng))
        .collect();
    Indicator {
        id: Id::new(format!("indicateur-{number}")),
        objective: objective.clone(),
        label: rng.pick(if kind == IndicatorKind::Count { COUNT_LABELS } else { RATE_LABELS }).into(),
        kind,
        direction: Direction::Increase,
        out_of: None,
        segments,
        source: rng.pick(SOURCES).into(),
        note: "plan stratégique".into(),
        meta: Meta::default(),
    }
}

fn segment(id: String, label: &str, kind: IndicatorKind, rng: &mut Rng) -> Segment {
    let scale = if kind == IndicatorKind::Count { 10.0 } else { 1.0 };
    let baseline = rng.tenths(50.0, 80.0);
    let target = baseline + rng.tenths(3.0, 15.0);
    let mut measurements = vec![measurement(month(2023, 6), (baseline + rng.tenths(-2.0, 4.0)) * scale)];
    if rng.below(2) == 0 {
        measurements.push(measurement(month(2024, 6), (baseline + rng.tenths(-1.0, 8.0)) * scale));
    }
    Segment {
        id: Id::new(id),
        label: label.into(),
        baseline: Some(Observation { date: month(2022, 6), value: Value::Number(baseline * scale) }),
        targets: vec![Target {
            date: PlanDate::year(2027).expect("2027"),
            value: TargetValue::Absolute(Value::Number(target * scale)),
        }],
        measurements,
    }
}

fn measurement(date: PlanDate, value: f64) -> Measurement {
    // Rounded to the tenth, as the sources publish them.
    Measurement { date, value: Value::Number((value * 10.0).round() / 10.0), assessment: None, note: String::new() }
}

fn action(number: usize, objectives: &[Id], rng: &mut Rng) -> Action {
    let title = format!("{} {} {}", rng.pick(ACTION_VERBS), rng.pick(ACTION_OBJECTS), rng.pick(ACTION_PURPOSES));
    let mut action = Action::new(&format!("moyen-{number}"), &title, &[]);
    // One to three distinct objectives, near one another as in a real plan.
    let first = rng.below(objectives.len());
    let links = (1 + rng.below(3)).min(objectives.len());
    action.objectives = (0..links).map(|k| objectives[(first + k) % objectives.len()].clone()).collect();
    let first_group = rng.below(GROUPS.len());
    action.groups = (0..1 + rng.below(3)).map(|k| GROUPS[(first_group + k) % GROUPS.len()].to_string()).collect();
    action.responsible = rng.pick(SERVICES).into();
    action.services = format!("{} ; {}", action.responsible, rng.pick(SERVICES));
    if rng.below(4) == 0 {
        action.partners = vec![rng.pick(PARTNERS).into()];
    }
    action.implementation = format!("{}, {}", capitalised(rng.pick(FREQUENCIES)), rng.pick(PLACES));
    action.evaluation = rng.pick(EVALUATIONS).into();
    action.schedule = Schedule { years: vec!["2023-2024".into(), "2024-2025".into()], ..Schedule::default() };
    let status = ActionStatus::ALL[rng.below(4)];
    let percent = match status {
        ActionStatus::NotStarted => 0,
        ActionStatus::Done => 100,
        _ => 10 * (1 + rng.below(9)) as u8,
    };
    action.progress = vec![ProgressRecord {
        checkpoint: Id::new(if rng.below(2) == 0 { MID_YEAR } else { END_OF_YEAR }),
        status,
        percent: Some(percent),
        narrative: narrative(status, rng).into(),
        meta: Meta::default(),
    }];
    action
}

/// One expense line for every fiftieth action, with its professionals' days.
fn budget(actions: &[Action], rng: &mut Rng) -> Budget {
    let rate = |id: &str, label: &str, dollars: i64| StaffRate {
        id: Id::new(id),
        label: label.into(),
        per_day: Cents::from_dollars(dollars),
    };
    let expenses = actions
        .iter()
        .step_by(50)
        .enumerate()
        .map(|(i, action)| {
            let participants = 4 + rng.below(12) as u32;
            let days = Days::whole(2 + rng.below(4) as u32);
            ExpenseLine {
                id: Id::new(format!("depense-{}", i + 1)),
                category: Id::new(if i % 3 == 0 { "categorie-formation" } else { "categorie-projets" }),
                label: format!("{} ({participants} CP) {} J", capitalised(rng.pick(FIELDS)), days.as_f64()),
                planned: Cents::from_dollars(500 * (1 + rng.below(20)) as i64),
                spent: None,
                staff: vec![StaffContribution {
                    rate: Id::new("taux-professionnels"),
                    participants,
                    days,
                    stated: None,
                }],
                funds: Some(action.id.clone()),
                stated_total: None,
                meta: Meta::default(),
            }
        })
        .collect();
    Budget {
        rates: vec![
            rate("taux-professionnels", "Professionnelles, professionnels", 280),
            rate("taux-enseignants", "Enseignantes, enseignants", 260),
        ],
        categories: vec![
            Category { id: Id::new("categorie-projets"), label: "Projets".into() },
            Category { id: Id::new("categorie-formation"), label: "Formation".into() },
        ],
        expenses,
        ..Budget::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{load, save};

    #[test]
    fn the_benchmark_plan_has_the_asked_size_and_survives_its_own_file() {
        let plan = large_plan(&Spec::benchmark());
        assert_eq!(plan.objectives().count(), 1_000);
        assert_eq!(plan.elements.len(), 4 + 20 + 1_000);
        assert_eq!(plan.indicators.len(), 10_000);
        assert!(plan.indicators.iter().all(|i| i.segments.len() == 2));
        assert_eq!(plan.actions.len(), 5_000);
        assert!(plan.actions.iter().all(|a| (1..=3).contains(&a.objectives.len()) && a.progress.len() == 1));
        // Every objective has its indicators: ten each.
        assert!(plan.objectives().all(|o| plan.indicators_of(&o.id).count() == 10));

        let text = save(&plan);
        assert_eq!(load(&text).expect("the generated plan loads"), plan);
        assert!(save(&large_plan(&Spec::benchmark())) == text, "a second run gives other bytes");
    }

    #[test]
    fn another_seed_gives_another_plan() {
        let spec = Spec { objectives: 60, indicators: 300, actions: 150, seed: 7 };
        assert_ne!(large_plan(&spec), large_plan(&Spec { seed: 8, ..spec }));
    }

    #[test]
    fn a_plan_without_objectives_has_no_indicators_or_actions() {
        let plan = large_plan(&Spec { objectives: 0, indicators: 10, actions: 10, seed: 1 });
        assert_eq!((plan.elements.len(), plan.indicators.len(), plan.actions.len()), (24, 0, 0));
    }
}
