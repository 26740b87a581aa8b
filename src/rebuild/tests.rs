use super::expected::{self, Counts};
use super::*;
use crate::fixtures::day;
use crate::format::{load, save};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/pasted/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn proposal(text: &str) -> Proposal {
    propose(text, Lang::Fr, Id::new("plan"), today())
}

/// The pasted fixture `name` and what it proposes, after checking the period it gives.
fn pasted(name: &str, period: (NaiveDate, NaiveDate)) -> (String, Proposal) {
    let text = fixture(name);
    let p = proposal(&text);
    assert_eq!((p.plan.period.start, p.plan.period.end), period, "{name}");
    (text, p)
}

/// The counts per level, indicators and actions of a proposal, as `Counts` writes them.
fn counted(p: &Proposal) -> (Vec<(String, usize)>, usize, usize) {
    let levels = p
        .plan
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.name.singular.clone(), p.plan.elements.iter().filter(|e| e.level == i).count()))
        .collect();
    (levels, p.plan.indicators.len(), p.plan.actions.len())
}

fn check_counts(p: &Proposal, expected: &Counts) {
    let levels = expected.levels.iter().map(|(n, c)| (n.to_string(), *c)).collect();
    assert_eq!(counted(p), (levels, expected.indicators, expected.actions));
}

/// The line number of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1).unwrap_or_else(|| panic!("no line has {needle:?}"))
}

#[test]
fn each_fixture_gives_the_counts_written_down() {
    check_counts(&proposal(&fixture("pevr.txt")), &expected::PEVR);
    check_counts(&proposal(&fixture("regional.txt")), &expected::REGIONAL);
    check_counts(&proposal(&fixture("coop.txt")), &expected::COOP);
}

/// Where the reference plans are kept, beside the project and never copied into it:
/// `JALON_SEEDS` when set, else the first `shared/seeds` found going up from the
/// project (`../shared/seeds` in the workspace, and from a clone made inside it).
fn seeds_dir() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("JALON_SEEDS") {
        return Some(dir.into());
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|up| up.join("shared/seeds"))
        .find(|dir| dir.is_dir())
}

fn seed(dir: &std::path::Path, prefix: &str) -> String {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt")))
        .unwrap_or_else(|| panic!("no {prefix}*.txt in {}", dir.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn each_reference_plan_gives_the_counts_read_by_hand() {
    // A clone outside the workspace has no reference plans beside it: said, not failed.
    let Some(dir) = seeds_dir() else {
        eprintln!("the reference plans are not beside this clone (set JALON_SEEDS): their counts are not checked");
        return;
    };
    check_counts(&proposal(&seed(&dir, "000_")), &expected::SEED_000);
    check_counts(&proposal(&seed(&dir, "001_")), &expected::SEED_001);
    check_counts(&proposal(&seed(&dir, "002_")), &expected::SEED_002);
}

fn element<'a>(p: &'a Proposal, level: usize, code: &str, title_start: &str) -> &'a crate::model::element::Element {
    p.plan
        .elements
        .iter()
        .find(|e| e.level == level && e.code.as_deref() == Some(code) && e.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no element {code} « {title_start} » at level {level}"))
}

fn action<'a>(p: &'a Proposal, title_start: &str) -> &'a crate::model::action::Action {
    p.plan
        .actions
        .iter()
        .find(|a| a.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no action « {title_start} »"))
}

fn indicators_of<'a>(p: &'a Proposal, objective: &Id) -> Vec<&'a crate::model::indicator::Indicator> {
    p.plan.indicators.iter().filter(|i| &i.objective == objective).collect()
}

fn narrative(a: &crate::model::action::Action) -> &str {
    a.progress.first().map_or("", |r| r.narrative.as_str())
}

fn unplaced_kinds(p: &Proposal) -> Vec<(usize, Why)> {
    p.unplaced.iter().map(|u| (u.row, u.why.clone())).collect()
}

#[test]
fn a_pevr_pasted_gives_its_tree_indicators_and_moyens() {
    use crate::model::date::PlanDate;
    use crate::model::indicator::IndicatorKind;
    use crate::model::level::Noun;
    let (text, p) = pasted("pevr.txt", (day(2023, 7, 1), day(2027, 6, 30)));
    assert_eq!(p.plan.action_name, Noun::new("Moyen", "Moyens"));
    assert_eq!(p.plan.objective_level, 2);
    let enjeu1 = element(&p, 0, "1", "Des élèves qui lisent, comptent et persévèrent.");
    let enjeu2 = element(&p, 0, "2", "Des milieux où chacun se sent bien.");
    let orientation2 = element(&p, 1, "2", "Développer les compétences du personnel");
    assert_eq!(orientation2.parent.as_ref(), Some(&enjeu1.id));
    assert_eq!(element(&p, 1, "1", "Offrir un milieu de travail").parent.as_ref(), Some(&enjeu2.id));

    // Objective 1: the deadline of its title, three indicators read from shifted columns.
    let objective1 = element(&p, 2, "1", "D'ici juin 2027, porter à 80 %");
    assert_eq!(objective1.deadline, PlanDate::month(2027, 6));
    let found = indicators_of(&p, &objective1.id);
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].label, "Part des élèves de 2e année qui lisent un texte du niveau attendu.");
    assert_eq!(found[0].kind, IndicatorKind::Percentage);
    assert_eq!(found[0].segments[0].targets[0].resolve(None), Some(80.0));
    assert_eq!(found[0].segments[0].targets[0].date, PlanDate::month(2027, 6).unwrap());
    assert_eq!(found[0].note, "80% (plan stratégique)");
    assert_eq!(found[2].kind, IndicatorKind::Qualitative);
    assert_eq!(found[2].note, "Primaire : 78,5% Secondaire 64%");
    assert!(found[2].segments[0].targets.is_empty());

    // Its moyens: columns by the header, markup gone, the état d'avancement at the
    // checkpoint its header dates.
    assert_eq!(p.plan.checkpoints.len(), 1);
    assert_eq!(p.plan.checkpoints[0].date, day(2023, 12, 12));
    assert_eq!(p.plan.checkpoints[0].label, "État d'avancement 12 décembre 2023");
    let former = action(&p, "Former les enseignantes et enseignants du 1er cycle");
    assert_eq!(former.objectives, vec![objective1.id.clone()]);
    assert_eq!(former.groups, vec!["Enseignants du 1er cycle".to_string()]);
    assert_eq!(former.responsible, "Services éducatifs primaire");
    assert_eq!(former.implementation, "Quatre demi-journées par année, au centre administratif.");
    assert_eq!(former.services, "Services éducatifs");
    assert_eq!(former.evaluation, "a) Nombre de personnes formées.  b) Taux de présence.");
    assert_eq!(narrative(former), "a) 42 personnes formées à ce jour.  b) 91 % de présence.");
    let bibliotheque = action(&p, "Ouvrir une bibliothèque");
    assert_eq!(narrative(bibliotheque), "Primaire : 12 sur 20 & Secondaire : en attente");

    // Objective 2: paragraphs kept as lines.
    let ateliers = action(&p, "Offrir des ateliers");
    assert_eq!(ateliers.title, "Offrir des ateliers de manipulation en classe.");
    assert_eq!(ateliers.evaluation, "a) Nombre d'ateliers donnés.\nb) Appréciation des enseignants.");

    // Objective 3: the HTML table and the rows that repeat it are two indicators; its
    // « suite » adds moyens to the same objective; a row cut by a page break is one.
    let objective3 = element(&p, 2, "3", "D'ici juin 2027, offrir à chaque direction");
    let found = indicators_of(&p, &objective3.id);
    assert_eq!(found.len(), 2);
    assert_eq!((found[1].kind, found[1].out_of), (IndicatorKind::Ratio, Some(1.0)));
    assert_eq!(p.plan.actions.iter().filter(|a| a.objectives.contains(&objective3.id)).count(), 4);
    let jumeler = action(&p, "Jumeler");
    assert_eq!(jumeler.title, "Jumeler chaque nouvelle direction à une direction d'expérience.");
    assert_eq!(jumeler.groups, vec!["Nouvelles directions et directions adjointes".to_string()]);
    assert_eq!(jumeler.evaluation, "Nombre de directions jumelées.");
    let visites = action(&p, "Visites de classes");
    assert_eq!(visites.groups, vec!["Directions et directions adjointes".to_string()]);
    assert_eq!(visites.responsible, "Direction générale");
    assert_eq!(narrative(visites), "Première visite faite en novembre.");
    let bilan = action(&p, "Bilan annuel");
    assert_eq!(
        (bilan.groups.clone(), bilan.evaluation.as_str()),
        (vec!["Directions d'école".to_string()], "Questionnaire")
    );

    // Objective 4: an undated état d'avancement goes to the last checkpoint; a row cut
    // over two rows, a blank line between, is one moyen.
    let parcours = action(&p, "Faire connaître les parcours");
    assert_eq!(
        parcours.title,
        "Faire connaître les parcours de carrière offerts à l'ensemble du personnel de soutien."
    );
    assert_eq!(parcours.groups, vec!["Personnel de soutien".to_string()]);
    assert_eq!(parcours.services, "Direction générale");
    assert_eq!(narrative(parcours), "Deux séances tenues en décembre.");
    assert_eq!(parcours.progress[0].checkpoint, p.plan.checkpoints[0].id);
    let objective4 = element(&p, 2, "4", "D'ici juin 2027, garder");
    let found = indicators_of(&p, &objective4.id);
    assert_eq!((found[1].kind, found[1].segments[0].targets[0].resolve(None)), (IndicatorKind::Count, Some(240.0)));

    // What could not be placed, row by row.
    let repeated = |needle: &str| (line_of(&text, needle), Why::Repeated);
    let mut expected = vec![
        repeated("Le plan d'engagement du Centre"),
        repeated("PEVR\t"),
        repeated("PEVR (MISE EN ŒUVRE)"),
        (line_of(&text, "a) Nombre de classes visitées."), Why::Fragment),
        (line_of(&text, "Mise en commun des pratiques"), Why::Prose),
        (line_of(&text, "Portrait de la réussite"), Why::OtherTitle { element: enjeu1.id.clone() }),
        (line_of(&text, "Temps de concertation"), Why::Fragment),
        (line_of(&text, "--\t--"), Why::Fragment),
        (line_of(&text, "<table"), Why::Beside),
        (line_of(&text, "PLAN D'ENGAGEMENT VERS LA RÉUSSITE 2023-2027"), Why::Prose),
    ];
    expected.sort_by_key(|(row, _)| *row);
    let got: Vec<(usize, Why)> = unplaced_kinds(&p).into_iter().filter(|(_, why)| *why != Why::Repeated).collect();
    let expected_here: Vec<(usize, Why)> = expected.iter().filter(|(_, why)| *why != Why::Repeated).cloned().collect();
    assert_eq!(got, expected_here);
    // Twice the preamble, four times « PEVR », five times « PEVR (MISE EN ŒUVRE) ».
    assert_eq!(p.unplaced.iter().filter(|u| u.why == Why::Repeated).count(), 11);
    let beside = p.unplaced.iter().find(|u| u.why == Why::Beside).unwrap();
    assert_eq!(beside.cells, vec!["Directions accompagnées par une".to_string()]);
}

#[test]
fn a_regional_plan_pasted_gives_axes_themes_objectives_and_activities() {
    let (text, p) = pasted("regional.txt", (day(2025, 7, 1), day(2026, 6, 30)));
    let axe1 = element(&p, 0, "1", "Une vision commune entre les conseils");
    let theme = element(&p, 1, "", "Suivi des cibles provinciales");
    assert_eq!(theme.parent.as_ref(), Some(&axe1.id));
    let objective = element(&p, 2, "1.2", "Suivre chaque trimestre");
    assert_eq!(objective.parent.as_ref(), Some(&theme.id));
    let presenter = action(&p, "Présenter le tableau");
    assert_eq!(presenter.title, "Présenter le tableau au comité directeur & aux directions des écoles");
    assert_eq!((presenter.code.as_deref(), presenter.carrier.as_str()), (Some("1.2.2"), "CSRN"));
    assert_eq!(presenter.objectives, vec![objective.id.clone()]);
    let relever = action(&p, "Relever");
    assert_eq!(relever.title, "Relever les *pratiques gagnantes* des écoles qui dépassent leurs cibles");
    assert_eq!(relever.carrier, "");
    assert_eq!(action(&p, "Présenter le mandat").carrier, "collaboration");
    assert_eq!(
        element(&p, 2, "3.1", "Offrir aux élèves").title,
        "Offrir aux élèves de 11^e et 12^e année des visites chez des employeurs de la région"
    );

    // Axe 3 has no heading in the body: its objective's code makes it, the table of
    // contents titles it, and the theme read just before moves under it.
    let axe3 = element(&p, 0, "3", "Des transitions réussies après le secondaire");
    let row = line_of(&text, "3.1 Offrir");
    assert!(p.read.contains(&Read { row, what: ReadAs::Made(axe3.id.clone()) }));
    let visites = element(&p, 1, "", "Visites en milieu de travail");
    assert_eq!(visites.parent.as_ref(), Some(&axe3.id));
    let position = |id: &Id| p.plan.elements.iter().position(|e| &e.id == id).unwrap();
    assert!(position(&axe3.id) < position(&visites.id));
    assert_eq!(p.plan.outside_tree(), Vec::new());

    let kinds: Vec<Why> = p.unplaced.iter().map(|u| u.why.clone()).collect();
    assert_eq!(kinds, [vec![Why::Prose; 4], vec![Why::Contents; 7]].concat());
}

#[test]
fn a_cooperative_framework_pasted_gives_projects_objectives_and_linked_actions() {
    let (text, p) = pasted("coop.txt", (day(2025, 7, 1), day(2026, 6, 30)));
    let lecture = element(&p, 0, "1", "LECTURE");
    let math = element(&p, 0, "2", "MATHÉMATIQUE");
    let bien_etre = element(&p, 0, "3", "BIEN-ÊTRE");
    assert_eq!(lecture.title, "LECTURE");
    let children = |parent: &Id| -> Vec<(String, String)> {
        p.plan
            .elements
            .iter()
            .filter(|e| e.parent.as_ref() == Some(parent))
            .map(|e| (e.code.clone().unwrap_or_default(), e.title.chars().take(24).collect()))
            .collect()
    };
    assert_eq!(
        children(&math.id),
        vec![
            ("1".into(), "D'ici juin 2026, une équ".into()),
            ("2".into(), "a) D'ici juin 2027, l'éq".into()),
            ("2b".into(), "D'ici juin 2027, l'équip".into()),
        ]
    );
    let general = element(&p, 1, "", "global : Améliorer le climat");
    assert_eq!(general.parent.as_ref(), Some(&bien_etre.id));
    let vision = element(&p, 1, "1", "Développer une vision commune");
    assert_eq!(vision.description, "D'ici décembre 2026, une équipe regroupera les définitions reconnues.");

    // Actions linked by their objective's code; one shifted right, one with its groups
    // and responsible swapped by the extraction.
    let objective = |project: &Id, code: &str| {
        p.plan
            .elements
            .iter()
            .find(|e| e.parent.as_ref() == Some(project) && e.code.as_deref() == Some(code))
            .unwrap()
            .id
            .clone()
    };
    let guide = action(&p, "Rédiger le guide");
    assert_eq!(guide.objectives, vec![objective(&lecture.id, "1")]);
    assert_eq!(
        (guide.groups.clone(), guide.responsible.as_str()),
        (vec!["1".to_string(), "2".into()], "Projet Lecture")
    );
    assert_eq!(guide.schedule.text, "Juin 2027");
    let recueillir = action(&p, "Recueillir");
    assert_eq!(recueillir.code.as_deref(), Some("1.2.1"));
    assert_eq!(recueillir.objectives, vec![objective(&lecture.id, "2")]);
    assert_eq!((recueillir.groups.clone(), recueillir.schedule.text.as_str()), (vec!["2".to_string()], "Mai 2026"));
    let taches = action(&p, "Concevoir");
    assert_eq!(taches.groups, vec!["1".to_string(), "3".into()]);
    assert_eq!(taches.responsible, "Projet Mathématique");
    assert_eq!(action(&p, "Tenir deux journées").objectives, vec![vision.id.clone()]);

    let no_objective: Vec<usize> = p.unplaced.iter().filter(|u| u.why == Why::NoObjective).map(|u| u.row).collect();
    assert_eq!(no_objective, vec![line_of(&text, "Septembre\t"), line_of(&text, "Juin\tFaire")]);
}

#[test]
fn unplaced_rows_are_placed_or_dropped_and_levels_renamed() {
    use crate::model::level::Noun;
    let text = fixture("pevr.txt");
    let mut p = proposal(&text);
    let index_of =
        |p: &Proposal, needle: &str| p.unplaced.iter().position(|u| u.filled().any(|c| c.contains(needle))).unwrap();
    let former = action(&p, "Former les enseignantes").id.clone();
    let objective2 = element(&p, 2, "2", "D'ici juin 2027, porter à 75 %").id.clone();
    let orientation1 = element(&p, 1, "1", "Soutenir chaque élève").id.clone();

    // A fragment joins the moyen it was cut from, under the column it was in.
    let i = index_of(&p, "a) Nombre de classes visitées.");
    assert_eq!(p.place(i, Place::Into { action: former.clone() }), Ok(former.clone()));
    assert_eq!(
        narrative(action(&p, "Former les enseignantes")),
        "a) 42 personnes formées à ce jour.  b) 91 % de présence. a) Nombre de classes visitées."
    );
    // A line of prose becomes an objective, or a moyen; below the objectives, refused.
    let i = index_of(&p, "Mise en commun des pratiques");
    assert_eq!(p.place(i, Place::Element { parent: Some(objective2.clone()) }), Err(Refused::BelowObjectives));
    let made = p.place(i, Place::Element { parent: Some(orientation1.clone()) }).unwrap();
    assert_eq!(p.plan.element(&made).map(|e| (e.level, e.title.as_str())), Some((2, "Mise en commun des pratiques")));
    let i = index_of(&p, "Temps de concertation");
    let moyen = p.place(i, Place::Action { objective: objective2.clone() }).unwrap();
    assert_eq!(p.plan.actions.iter().find(|a| a.id == moyen).map(|a| a.title.as_str()), Some("Temps de concertation"));
    assert_eq!(p.place(99, Place::Into { action: former }), Err(Refused::NoSuchRow));

    // Dropped: one row, then every running header at once; nothing else moves.
    let before = p.unplaced.len();
    let i = index_of(&p, "--");
    p.discard(i).unwrap();
    let repeated = p.discard_all(&Why::Repeated);
    assert_eq!(repeated, 11);
    assert_eq!(p.unplaced.len(), before - 1 - repeated);
    assert_eq!(p.dropped.len(), 1 + repeated);
    assert!(p.unplaced.iter().all(|u| u.why != Why::Repeated));

    p.rename_level(0, Noun::new("Défi", "Défis")).unwrap();
    p.rename_level(3, Noun::new("Mesure", "Mesures")).unwrap();
    assert_eq!(p.rename_level(1, Noun::new(" ", "x")), Err(Refused::EmptyName));
    assert_eq!(p.rename_level(4, Noun::new("x", "x")), Err(Refused::NoSuchElement));
    assert_eq!((p.plan.levels[0].name.plural.as_str(), p.plan.action_name.singular.as_str()), ("Défis", "Mesure"));
    assert_eq!(load(&save(&p.plan)).as_ref(), Ok(&p.plan));
}

#[test]
fn an_empty_or_unreadable_paste_gives_an_empty_plan_and_lists_every_line() {
    let p = proposal("");
    assert!(p.plan.elements.is_empty() && p.unplaced.is_empty());
    assert_eq!(p.plan.levels.len(), 1);
    let p = proposal("Bonjour\n\nUne deuxième ligne\tet sa cellule");
    assert_eq!(unplaced_kinds(&p), vec![(1, Why::Prose), (3, Why::Prose)]);
    assert_eq!(load(&save(&p.plan)).as_ref(), Ok(&p.plan));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("Enjeu 1".to_string()),
            Just("<b>Orientation 2</b>".to_string()),
            Just("Objectif 3 (suite)".to_string()),
            Just("AXE 2 – Un axe".to_string()),
            Just("2.1 Un objectif".to_string()),
            Just("2.1.3 Une activité (CSBO)".to_string()),
            Just("Indicateur(s)".to_string()),
            Just("Cibles 2027".to_string()),
            Just("MOYENS".to_string()),
            Just("Groupes visés".to_string()),
            Just("Responsable".to_string()),
            Just("État d'avancement 12 décembre 2023".to_string()),
            Just("NO".to_string()),
            Just("TITRE".to_string()),
            Just("<p><b>Objectif 1 :</b> D'ici juin 2026, x.</p> <p>Suite.</p>".to_string()),
            Just("1, 2, 4".to_string()),
            Just("80 %".to_string()),
            Just("<table><tr><td>Taux</td><td>4 sur 4</td></tr></table>".to_string()),
            Just("**Titre**".to_string()),
            Just("&amp;".to_string()),
            "[a-zA-Zéà .]{0,12}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::collection::vec(cell(), 1..5), 0..25)
            .prop_map(|rows| rows.iter().map(|cells| cells.join("\t")).collect::<Vec<_>>().join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn every_row_with_text_is_read_or_listed(text in text()) {
            let p = proposal(&text);
            let accounted: std::collections::HashSet<usize> =
                p.read.iter().map(|r| r.row).chain(p.unplaced.iter().map(|u| u.row)).collect();
            for (i, line) in text.split('\n').enumerate() {
                let has_text = line.split('\t').any(|c| !clean(c).is_empty() || c.contains("<tr"));
                prop_assert!(!has_text || accounted.contains(&(i + 1)), "row {} {:?} vanished", i + 1, line);
            }
        }

        #[test]
        fn the_proposal_is_a_whole_plan_that_saves_and_loads(text in text()) {
            let p = proposal(&text);
            let plan = &p.plan;
            let loaded = load(&save(plan));
            prop_assert_eq!(loaded.as_ref(), Ok(plan));
            prop_assert!(plan.objective_level < plan.levels.len());
            prop_assert_eq!(plan.outside_tree(), Vec::new());
            for e in &plan.elements {
                prop_assert!(e.level < plan.levels.len());
            }
            for a in &plan.actions {
                prop_assert!(a.objectives.iter().all(|o| plan.element(o).is_some()));
            }
            for i in &plan.indicators {
                prop_assert!(plan.element(&i.objective).is_some());
            }
        }

        #[test]
        fn dropping_every_unplaced_row_leaves_none_and_keeps_them_all(text in text()) {
            let mut p = proposal(&text);
            let count = p.unplaced.len();
            while !p.unplaced.is_empty() {
                p.discard(0).unwrap();
            }
            prop_assert_eq!(p.dropped.len(), count);
        }

        #[test]
        fn cleaning_is_idempotent(raw in "(<[a-z/]{0,3}>?|&[a-z#0-9]{0,5};?|\\*\\*|[a-zé <>&;#*\\$]){0,30}") {
            let once = clean(&raw);
            prop_assert_eq!(clean(&once), once);
        }
    }
}

#[test]
fn a_heading_with_another_title_is_told_by_its_level_and_code() {
    let p = proposal(&fixture("pevr.txt"));
    let other = p.unplaced.iter().find(|u| matches!(u.why, Why::OtherTitle { .. })).unwrap();
    assert_eq!(
        crate::rebuild::words::why(&other.why, &p.plan, Lang::Fr),
        "Enjeu 1 porte déjà le titre «\u{a0}Des élèves qui lisent, comptent et persévèrent.\u{a0}»\u{a0}; ce titre-ci n'a pas été gardé."
    );
    assert_eq!(
        crate::rebuild::words::why(&other.why, &p.plan, Lang::En),
        "Enjeu 1 already has the title “Des élèves qui lisent, comptent et persévèrent.”; this one was not kept."
    );
}

/// An unplaced row says where it is in the tables: « Tableau 2, rangée 3, colonne 2 »
/// when the text holds several tables, the table's number left out when it holds one,
/// « Ligne N » outside any table; merged cells of the HTML flavour spread over the grid.
#[test]
fn an_unplaced_row_says_its_place_in_the_tables() {
    let text = "Plan des Bouleaux\n\
                Indicateurs\tCibles\n\
                Taux de lecture\t80 %\n\
                \n\
                Note libre\n\
                Actions\tResponsables\tÉchéancier\n\
                Ateliers de lecture\tÉquipe\t2025\n\
                \tSoutien au parascolaire\t\n";
    let p = proposal(text);
    let at = |needle: &str| {
        let row = p.unplaced.iter().find(|u| u.filled().any(|c| c.contains(needle))).expect(needle);
        (crate::rebuild::words::place(row, Lang::Fr), crate::rebuild::words::place(row, Lang::En))
    };
    assert_eq!(at("Plan des Bouleaux"), ("Ligne 1".to_string(), "Line 1".to_string()));
    assert_eq!(
        at("Soutien au parascolaire"),
        ("Tableau 2, rangée 3, colonne 2".into(), "Table 2, row 3, column 2".into())
    );

    let one = proposal("Actions\tResponsables\tÉchéancier\nAteliers\tÉquipe\t2025\n\t\tSoutien ponctuel\n");
    let row = one.unplaced.iter().find(|u| u.filled().any(|c| c == "Soutien ponctuel")).expect("unplaced");
    assert_eq!(crate::rebuild::words::place(row, Lang::Fr), "Rangée 3, colonne 3");

    let html = "<p>Plan des Bouleaux</p><table><tr><td>Actions</td><td>Responsables</td><td>Échéancier</td></tr>\
                <tr><td colspan=\"2\">Ateliers</td><td>2025</td></tr>\
                <tr><td></td><td></td><td>Soutien ponctuel</td></tr></table>";
    let p = propose_html(html, Lang::Fr, Id::new("plan"), today());
    let row = p.unplaced.iter().find(|u| u.filled().any(|c| c == "Soutien ponctuel")).expect("unplaced");
    assert_eq!(crate::rebuild::words::place(row, Lang::Fr), "Rangée 3, colonne 3");
}

/// A ZIP archive of `entries` stored without compression (the reader checks no CRC).
fn stored_zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let (mut zip, mut directory) = (Vec::new(), Vec::new());
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    for (name, content) in entries {
        let offset = zip.len();
        zip.extend(b"PK\x03\x04");
        zip.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        zip.extend(le32(content.len()));
        zip.extend(le32(content.len()));
        zip.extend(le16(name.len()));
        zip.extend(le16(0));
        zip.extend(name.as_bytes());
        zip.extend(content.as_bytes());
        directory.extend(b"PK\x01\x02");
        directory.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        directory.extend(le32(content.len()));
        directory.extend(le32(content.len()));
        directory.extend(le16(name.len()));
        directory.extend([0; 12]);
        directory.extend(le32(offset));
        directory.extend(name.as_bytes());
    }
    let start = zip.len();
    zip.extend(&directory);
    zip.extend(b"PK\x05\x06\0\0\0\0");
    zip.extend(le16(entries.len()));
    zip.extend(le16(entries.len()));
    zip.extend(le32(directory.len()));
    zip.extend(le32(start));
    zip.extend([0, 0]);
    zip
}

fn tc(props: &str, paragraphs: &[&str]) -> String {
    let ps: String =
        paragraphs.iter().map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>")).collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{ps}</w:tc>")
}

/// A Word document is read as its HTML: headings between tables, a cell merged down
/// (`w:vMerge`) read once, a cell merged across (`w:gridSpan`) spread over the grid.
#[test]
fn a_word_document_is_read_as_its_tables() {
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let table = [
        row(&[tc("", &["Objectifs"]), tc("", &["Actions"]), tc("", &["Responsables"])]),
        row(&[
            tc("<w:vMerge w:val=\"restart\"/>", &["1.1 Hausser la lecture chez les jeunes de l&apos;Érablière"]),
            tc("", &["Club de lecture du midi"]),
            tc("", &["Bibliothèque"]),
        ]),
        row(&[tc("<w:vMerge/>", &[]), tc("<w:gridSpan w:val=\"2\"/>", &["Visites d'auteurs en classe"])]),
    ]
    .concat();
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document><w:body>\
         <w:p><w:pPr><w:pStyle w:val=\"Titre1\"/></w:pPr><w:r><w:t>Orientation 1 Lire chaque jour</w:t></w:r></w:p>\
         <w:tbl><w:tblGrid/>{table}</w:tbl></w:body></w:document>"
    );
    let docx = stored_zip(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &xml)]);
    let p = propose_file("plan des Érables.docx", &docx, Lang::Fr, Id::new("plan"), today()).expect("read");
    let titles: Vec<&str> = p.plan.elements.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Lire chaque jour", "Hausser la lecture chez les jeunes de l'Érablière"]);
    let actions: Vec<&str> = p.plan.actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(actions, ["Club de lecture du midi", "Visites d'auteurs en classe"]);
}

/// A damaged archive, and a file that is no archive, are refused with the file's name.
#[test]
fn a_damaged_word_document_is_refused_by_name() {
    let mut docx = stored_zip(&[("word/document.xml", "<w:document/>")]);
    docx.truncate(docx.len() - 30);
    let refused = propose_file("plan.docx", &docx, Lang::Fr, Id::new("plan"), today()).unwrap_err();
    assert_eq!(refused, DocxRefused::Damaged);
    let said = crate::rebuild::words::file_refused("plan.docx", &refused, Lang::Fr);
    assert!(said.starts_with("«\u{a0}plan.docx\u{a0}» est endommagé"), "{said}");
    let png = propose_file("logo.docx", b"\x89PNG\r\n\x1a\nxxxx", Lang::En, Id::new("plan"), today()).unwrap_err();
    let said = crate::rebuild::words::file_refused("logo.docx", &png, Lang::En);
    assert!(said.starts_with("“logo.docx” is a PNG image"), "{said}");
    let text = propose_file("notes.docx", b"Objectif 1", Lang::Fr, Id::new("plan"), today()).unwrap_err();
    assert_eq!(text, DocxRefused::NotZip(None));
}
