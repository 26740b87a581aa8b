//! The layouts of the corpus written again with other words (a fictional regional
//! sports federation and a fictional library network): a reading that passes the
//! corpus by its words and fails these would be no reading of the layout.

use super::*;
use crate::model::level::Noun;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn text(tsv: &str) -> Proposal {
    propose(tsv, Lang::Fr, Id::new("plan"), today())
}

fn html(html: &str) -> Proposal {
    propose_html(html, Lang::Fr, Id::new("plan"), today())
}

/// Each element as « level code title ← parent's title », each action as « title ←
/// its element's title | responsible | groups | schedule ».
fn tree(p: &Proposal) -> (Vec<String>, Vec<String>) {
    let title = |id: &Id| p.plan.element(id).map_or(String::new(), |e| e.title.clone());
    let elements = p
        .plan
        .elements
        .iter()
        .map(|e| {
            let parent = e.parent.as_ref().map(title).unwrap_or_default();
            format!("{} {} {} ← {parent}", e.level, e.code.as_deref().unwrap_or_default(), e.title)
        })
        .collect();
    let actions = p
        .plan
        .actions
        .iter()
        .map(|a| {
            let under: Vec<String> = a.objectives.iter().map(title).collect();
            let groups = a.groups.join(",");
            let code = a.code.as_deref().unwrap_or_default();
            format!("{code} {} ← {} | {} | {groups} | {}", a.title, under.join("+"), a.responsible, a.schedule.text)
        })
        .collect();
    (elements, actions)
}

/// `tsv` read, after checking it gives these elements and actions (as `tree` writes
/// them), for a test to check the rest.
fn read_as(tsv: &str, elements: &[&str], actions: &[&str]) -> Proposal {
    let p = text(tsv);
    assert_eq!(
        tree(&p),
        (elements.iter().map(|e| e.to_string()).collect(), actions.iter().map(|a| a.to_string()).collect())
    );
    p
}

const LEVEL_COLUMNS_TSV: &str = "Fédération régionale de canot des Deux-Lacs (fictive)\r\n\
AXES / VOLETS\tObjectif(s)\tActions ou moyens\tPublic visé\tResponsable(s)\r\n\
AXE A Relève sportive\t1. Recruter de jeunes pagayeurs\t1.1 Tenir des journées portes ouvertes au quai\t1, 2\tClubs locaux\r\n\
\t\t1.2 Prêter des embarcations aux écoles\t2\t\r\n\
\t2. Garder les athlètes de 15 à 17 ans\t2.1 Créer un circuit de courses régionales\t3,4\tComité des courses\r\n\
Axe B\r\nSécurité sur l'eau\t3. Former les moniteurs\t3.1 Offrir le brevet de sauvetage\t\tCroix fictive\r\n\
Légende : 1 primaire, 2 secondaire\r\n";

const LEVEL_COLUMNS_HTML: &str = "<html><body><!--StartFragment--><p><b>Fédération régionale de canot des Deux-Lacs (fictive)</b></p>\
<table><tr><td><b>AXES / VOLETS</b></td><td><b>Objectif(s)</b></td><td><b>Actions ou moyens</b></td><td><b>Public visé</b></td><td><b>Responsable(s)</b></td></tr>\
<tr><td rowspan=\"3\"><p><b>AXE A</b> Relève sportive</p></td><td rowspan=\"2\"><p><b>1.</b> Recruter de jeunes pagayeurs</p></td><td>1.1 Tenir des journées portes ouvertes au quai</td><td>1, 2</td><td>Clubs locaux</td></tr>\
<tr><td>1.2 Prêter des embarcations aux écoles</td><td>2</td><td></td></tr>\
<tr><td><p>2. Garder les athlètes de 15 à 17 ans</p></td><td>2.1 Créer un circuit de courses régionales</td><td>3,4</td><td>Comité des courses</td></tr>\
<tr><td><p><b>Axe B</b></p><p>Sécurité sur l'eau</p></td><td>3. Former les moniteurs</td><td>3.1 Offrir le brevet de sauvetage</td><td></td><td>Croix fictive</td></tr>\
</table><p>Légende&nbsp;: 1 primaire, 2 secondaire</p><!--EndFragment--></body></html>";

#[test]
fn a_table_of_level_columns_in_other_words_gives_its_tree_in_both_flavours() {
    let from_text = read_as(
        LEVEL_COLUMNS_TSV,
        &[
            "0 A Relève sportive ← ",
            "1 1 Recruter de jeunes pagayeurs ← Relève sportive",
            "1 2 Garder les athlètes de 15 à 17 ans ← Relève sportive",
            "0 B Sécurité sur l'eau ← ",
            "1 3 Former les moniteurs ← Sécurité sur l'eau",
        ],
        &[
            "1.1 Tenir des journées portes ouvertes au quai ← Recruter de jeunes pagayeurs | Clubs locaux | 1,2 | ",
            "1.2 Prêter des embarcations aux écoles ← Recruter de jeunes pagayeurs |  | 2 | ",
            "2.1 Créer un circuit de courses régionales ← Garder les athlètes de 15 à 17 ans | Comité des courses | 3,4 | ",
            "3.1 Offrir le brevet de sauvetage ← Former les moniteurs | Croix fictive |  | ",
        ],
    );
    // The levels and the actions named as the header names them, in the singular,
    // the first of two choices.
    let names: Vec<&Noun> = from_text.plan.levels.iter().map(|l| &l.name).collect();
    assert_eq!(names, vec![&Noun::new("Axe", "Axes"), &Noun::new("Objectif", "Objectifs")]);
    assert_eq!(from_text.plan.action_name, Noun::new("Action", "Actions"));
    // The title above and the legend below stay to be placed, nothing else.
    assert_eq!(
        from_text.unplaced.iter().map(|u| (u.row, u.why.clone())).collect::<Vec<_>>(),
        vec![(1, Why::Prose), (8, Why::Prose)]
    );
    // The clipboard's HTML says the same.
    assert_eq!(tree(&html(LEVEL_COLUMNS_HTML)), tree(&from_text));
}

const TWO_ROW_HEADER_TSV: &str = "Réseau des bibliothèques de la Haute-Rivière (fictif)\r\n\
Objectifs\tActions\tResponsable\tPartenaires\tCalendrier\r\n\
\t\t\t\tT1\tT2\tT3\tT4\r\n\
Élargir les heures d'ouverture\tOuvrir le dimanche dans deux succursales\tDirection des services\tVille fictive\tX\t\tX\t\r\n\
\tEssayer des casiers de retour la nuit\t\tAtelier local\r\nCoopérative fictive\t\tX\tX\t\r\n\
Prêter autrement\tPrêter des outils et des jeux\tBibliothécaire en chef\t\t\t\t\tX\r\n";

const TWO_ROW_HEADER_HTML: &str = "<table><tr><td rowspan=\"2\">Objectifs</td><td rowspan=\"2\">Actions</td><td rowspan=\"2\">Responsable</td><td rowspan=\"2\">Partenaires</td><td colspan=\"4\">Calendrier</td></tr>\
<tr><td>T1</td><td>T2</td><td>T3</td><td>T4</td></tr>\
<tr><td rowspan=\"2\">Élargir les heures d'ouverture</td><td>Ouvrir le dimanche dans deux succursales</td><td>Direction des services</td><td>Ville fictive</td><td>X</td><td></td><td>X</td><td></td></tr>\
<tr><td>Essayer des casiers de retour la nuit</td><td></td><td><p>Atelier local</p><p>Coopérative fictive</p></td><td></td><td>X</td><td>X</td><td></td></tr>\
<tr><td>Prêter autrement</td><td>Prêter des outils et des jeux</td><td>Bibliothécaire en chef</td><td></td><td></td><td></td><td></td><td>X</td></tr></table>";

#[test]
fn a_header_over_two_rows_and_a_first_column_on_its_first_row_only_in_other_words() {
    let from_text = read_as(
        TWO_ROW_HEADER_TSV,
        &["0  Élargir les heures d'ouverture ← ", "0  Prêter autrement ← "],
        &[
            " Ouvrir le dimanche dans deux succursales ← Élargir les heures d'ouverture | Direction des services |  | T1, T3",
            " Essayer des casiers de retour la nuit ← Élargir les heures d'ouverture |  |  | T2, T3",
            " Prêter des outils et des jeux ← Prêter autrement | Bibliothécaire en chef |  | T4",
        ],
    );
    let casiers = &from_text.plan.actions[1];
    assert_eq!(casiers.partners, vec!["Atelier local".to_string(), "Coopérative fictive".into()]);
    assert_eq!(tree(&html(TWO_ROW_HEADER_HTML)), tree(&from_text));
}

const HEADINGS_THEN_TABLES_TSV: &str = "VOLET 2 – DES LIEUX OUVERTS\r\n\
Objectif 2.1\r\n\
Accueillir les familles nouvellement arrivées\r\n\
INDICATEURS\tCIBLE 2025-2026\tCIBLE 2026-2027\r\n\
1. Nombre de cartes d'abonné remises aux familles\t150\t200\r\n\
\r\n\
Moyens\tResponsable\tÉchéance\r\n\
•\tTraduire le guide d'accueil en six langues\r\n\
•\tFormer le personnel à l'accueil interculturel\tRessources humaines\tMars 2026\r\n";

#[test]
fn headings_above_tables_and_bulleted_moyens_in_other_words() {
    let p = read_as(
        HEADINGS_THEN_TABLES_TSV,
        &["0 2 DES LIEUX OUVERTS ← ", "1 2.1 Accueillir les familles nouvellement arrivées ← DES LIEUX OUVERTS"],
        &[
            " Traduire le guide d'accueil en six langues ← Accueillir les familles nouvellement arrivées | Ressources humaines |  | Mars 2026",
            " Former le personnel à l'accueil interculturel ← Accueillir les familles nouvellement arrivées | Ressources humaines |  | Mars 2026",
        ],
    );
    assert_eq!(p.plan.indicators.len(), 1);
    assert_eq!(p.plan.indicators[0].label, "Nombre de cartes d'abonné remises aux familles");
}

const CODES_IN_A_COLUMN_TSV: &str = "No\tLibellé\tIndicateur\tDépart\tCible 2028\r\n\
1\tAméliorer la sécurité des bassins\t\t\t\r\n\
1.1\tRéduire les incidents aux bassins\tIncidents déclarés par saison\t40\t25\r\n\
1.1.1\tAjouter un surveillant aux heures de pointe\t\t\t\r\n\
2\tFaire nager plus d'enfants\t\t\t\r\n\
2.1\tDoubler les cours d'initiation\tInscriptions aux cours d'initiation\t300\t600\r\n\
2.1.1\tOuvrir des cours le samedi matin\t\t\t\r\n";

#[test]
fn codes_in_their_own_column_give_levels_by_depth_in_other_words() {
    let p = read_as(
        CODES_IN_A_COLUMN_TSV,
        &[
            "0 1 Améliorer la sécurité des bassins ← ",
            "1 1.1 Réduire les incidents aux bassins ← Améliorer la sécurité des bassins",
            "0 2 Faire nager plus d'enfants ← ",
            "1 2.1 Doubler les cours d'initiation ← Faire nager plus d'enfants",
        ],
        &[
            "1.1.1 Ajouter un surveillant aux heures de pointe ← Réduire les incidents aux bassins |  |  | ",
            "2.1.1 Ouvrir des cours le samedi matin ← Doubler les cours d'initiation |  |  | ",
        ],
    );
    let labels: Vec<&str> = p.plan.indicators.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, vec!["Incidents déclarés par saison", "Inscriptions aux cours d'initiation"]);
}

#[test]
fn the_html_of_a_paste_is_read_while_the_box_holds_just_that_paste() {
    let plain = "Objectifs\tActions\r\nÉlargir les heures\tOuvrir le dimanche\r\n\tPrêter des jeux";
    let pasted = Pasted { text: plain.into(), html: Some(TWO_ROW_HEADER_HTML.into()) };
    let read = |value: &str| propose_box(value, Some(&pasted), Lang::Fr, Id::new("plan"), today()).plan.actions.len();
    // The box holds what was pasted (the browser writes its line ends as it likes).
    assert_eq!(read(&plain.replace("\r\n", "\n")), 3);
    // The user typed after pasting: the box's own text is read.
    assert_eq!(read(&format!("{plain}\tet plus")), 2);
    let no_table = Pasted { text: plain.into(), html: Some("<p>Objectifs</p>".into()) };
    assert_eq!(propose_box(plain, Some(&no_table), Lang::Fr, Id::new("plan"), today()).plan.actions.len(), 2);
}

#[test]
fn a_header_offering_two_names_gives_the_first() {
    use super::read::noun_of;
    assert_eq!(noun_of("Actions / moyens"), Noun::new("Action", "Actions"));
    assert_eq!(noun_of("Moyens ou actions"), Noun::new("Moyen", "Moyens"));
    assert_eq!(noun_of("Priorities"), Noun::new("Priority", "Priorities"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A tree of 1 to 3 levels, each element with 1 to 3 children, the deepest with 1
    /// to 3 actions: its level words, and per element its path of positions.
    #[derive(Debug, Clone)]
    struct Shape {
        words: Vec<&'static str>,
        coded: bool,
        counts: Vec<usize>,
    }

    fn shape() -> impl Strategy<Value = Shape> {
        let words = prop::sample::select(vec![
            vec!["Chantiers", "Volets", "Objectifs"],
            vec!["Domaines", "Thèmes", "Objectifs"],
            vec!["Priorities", "Goals", "Objectives"],
        ]);
        (words, 1usize..=3, any::<bool>(), prop::collection::vec(1usize..=3, 40))
            .prop_map(|(w, depth, coded, counts)| Shape { words: w[3 - depth..].to_vec(), coded, counts })
    }

    /// The table's rows (level cells, action, responsible), an element's cell filled
    /// on its first row only; the expected elements and actions as `tree` writes them.
    fn rows(shape: &Shape) -> (Vec<Vec<String>>, Vec<String>, Vec<String>) {
        let mut counts = shape.counts.iter().cycle();
        fn walk(
            shape: &Shape,
            level: usize,
            path: &mut Vec<usize>,
            parent: &str,
            row: &mut Vec<String>,
            counts: &mut std::iter::Cycle<std::slice::Iter<usize>>,
            out: &mut (Vec<Vec<String>>, Vec<String>, Vec<String>),
        ) {
            let depth = shape.words.len();
            let n = *counts.next().unwrap();
            for i in 1..=n {
                path.push(i);
                let code: Vec<String> = path.iter().map(usize::to_string).collect();
                let code = code.join(".");
                if level == depth {
                    let title = format!("Mener la tâche {code}");
                    let responsible = format!("Équipe {}", code.len());
                    row.push(title.clone());
                    row.push(responsible.clone());
                    out.0.push(std::mem::take(row));
                    *row = vec![String::new(); depth];
                    out.2.push(format!(" {title} ← {parent} | {responsible} |  | "));
                } else {
                    let title = format!("Viser le but {}", code.replace('.', " et "));
                    let cell = if shape.coded { format!("{code} {title}") } else { title.clone() };
                    row[level] = cell;
                    let shown = if shape.coded { code.clone() } else { String::new() };
                    out.1.push(format!("{level} {shown} {title} ← {parent}"));
                    walk(shape, level + 1, path, &title, row, counts, out);
                }
                path.pop();
            }
        }
        let mut out = (Vec::new(), Vec::new(), Vec::new());
        let mut row = vec![String::new(); shape.words.len()];
        walk(shape, 0, &mut Vec::new(), "", &mut row, &mut counts, &mut out);
        out
    }

    fn header(shape: &Shape) -> Vec<String> {
        let mut header: Vec<String> = shape.words.iter().map(|w| w.to_uppercase()).collect();
        header.push("Actions".into());
        header.push("Responsable".into());
        header
    }

    /// The same table as the clipboard's HTML: each element's cell spanning the rows
    /// of its descendants' actions.
    fn as_html(shape: &Shape, table: &[Vec<String>]) -> String {
        let depth = shape.words.len();
        let mut out = String::from("<table><tr>");
        for cell in header(shape) {
            out.push_str(&format!("<th>{cell}</th>"));
        }
        out.push_str("</tr>");
        for (r, row) in table.iter().enumerate() {
            out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                if c < depth && cell.is_empty() {
                    continue;
                }
                let span = if c < depth {
                    1 + table[r + 1..].iter().take_while(|below| below[..=c].iter().all(String::is_empty)).count()
                } else {
                    1
                };
                out.push_str(&format!("<td rowspan=\"{span}\"><p>{cell}</p></td>"));
            }
            out.push_str("</tr>");
        }
        out + "</table>"
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

        #[test]
        fn a_table_of_level_columns_rebuilds_the_tree_it_was_made_from(shape in shape()) {
            let (table, elements, actions) = rows(&shape);
            let mut lines = vec![header(&shape).join("\t")];
            lines.extend(table.iter().map(|row| row.join("\t")));
            let from_text = text(&lines.join("\r\n"));
            prop_assert_eq!(tree(&from_text), (elements, actions));
            prop_assert!(from_text.unplaced.is_empty(), "{:?}", from_text.unplaced);
            prop_assert_eq!(tree(&html(&as_html(&shape, &table))), tree(&from_text));
        }
    }
}
