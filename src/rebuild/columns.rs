//! What a table's header row says its columns hold: the actions' fields (« Groupes
//! visés », « Responsable », « Mise en œuvre », « État d'avancement »…), the indicators'
//! label and targets, or a code and a title.

use super::heading;
use crate::calc::search::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The action's title (« MOYENS », « Actions », « Activités »).
    Title,
    Code,
    /// The code of the objective the action serves.
    Objective,
    Groups,
    Responsible,
    Carrier,
    Partners,
    Implementation,
    Services,
    Evaluation,
    ExpectedResults,
    Schedule,
    /// The état d'avancement, kept as the narrative of a checkpoint.
    Progress,
    /// The indicators of the element the action serves (« Measure of Success »), one
    /// per paragraph.
    Indicator,
}

/// Each column of a header row, `None` where the header says nothing Jalon reads.
pub type Header = Vec<Option<Column>>;

/// The column a header cell names. Order matters: « Mise en oeuvre de l'action » is the
/// implementation, not the action's title.
pub fn column(cell: &str) -> Option<Column> {
    let f = fold(cell);
    let f = f.trim();
    let has = |words: &[&str]| words.iter().any(|w| f.contains(w));
    let starts = |words: &[&str]| words.iter().any(|w| f.starts_with(w));
    if has(&["mise en oeuvre", "implementation"]) {
        Some(Column::Implementation)
    } else if has(&["avancement", "progress", "bilan"]) {
        Some(Column::Progress)
    } else if has(&["evaluation", "mode de suivi"]) {
        Some(Column::Evaluation)
    } else if has(&["indicateur", "indicator", "measure", "mesure de"]) {
        Some(Column::Indicator)
    } else if has(&["groupe", "clientele", "public cible", "public vise", "target group"]) {
        Some(Column::Groups)
    } else if has(&["fiduciaire", "porteur", "carrier", "lead organi"]) {
        Some(Column::Carrier)
    } else if has(&["partenaire", "partner"]) {
        Some(Column::Partners)
    } else if has(&["responsable", "responsible"]) || ["lead", "leads", "porteur"].contains(&f) {
        Some(Column::Responsible)
    } else if has(&["resultat", "expected result"]) {
        Some(Column::ExpectedResults)
    } else if has(&["echeancier", "echeance", "calendrier", "schedule", "deadline", "timeline"]) {
        Some(Column::Schedule)
    } else if starts(&["service"]) {
        Some(Column::Services)
    } else if starts(&["moyen", "action", "activite", "activity", "strateg"]) {
        Some(Column::Title)
    } else if starts(&["objectif", "objective"]) {
        Some(Column::Objective)
    } else if ["no", "n°", "no.", "#", "code", "numero", "number"].contains(&f) {
        Some(Column::Code)
    } else {
        None
    }
}

/// A header row of an actions table: short cells, one title column, at least one
/// other field, and at least half of its cells read (an action whose title starts with
/// « Activité » beside a cell that says « groupe » is a row, not a header).
pub fn actions_header(cells: &[String]) -> Option<Header> {
    if cells.iter().any(|c| c.chars().count() > 80) {
        return None;
    }
    let header: Header = cells.iter().map(|c| column(c)).collect();
    let titles = header.iter().filter(|c| **c == Some(Column::Title)).count();
    // A column that names a level (« ENJEUX ») is read too: its cells open elements.
    let fields = header
        .iter()
        .zip(cells)
        .filter(|(h, c)| h.is_some_and(|h| h != Column::Title) || heading::header_level(c).is_some())
        .count();
    let filled = cells.iter().filter(|c| !c.is_empty()).count();
    (titles == 1 && fields >= 1 && 2 * (titles + fields) >= filled).then_some(header)
}

/// The columns of a table of elements: « NO | TITRE | OBJECTIFS SMART », « Code |
/// Énoncé | Indicateur | Situation de départ | Cible 2027 ».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ElementsHeader {
    pub code: usize,
    pub title: usize,
    /// The column that holds the elements below (« Objectif 1 : … »), if any.
    pub children: Option<usize>,
    /// The column of the element's indicator, and of its target with the year the
    /// header gives it.
    pub indicator: Option<usize>,
    pub target: Option<(usize, Option<i32>)>,
}

pub fn elements_header(cells: &[String]) -> Option<ElementsHeader> {
    if cells.iter().any(|c| c.chars().count() > 40) {
        return None;
    }
    let folded: Vec<String> = cells.iter().map(|c| fold(c).trim().to_string()).collect();
    let code =
        folded.iter().position(|f| ["no", "n°", "no.", "#", "code", "numero", "number"].contains(&f.as_str()))?;
    let titles = ["titre", "intitule", "title", "nom", "name", "enonce", "libelle", "statement"];
    let title = folded.iter().position(|f| titles.contains(&f.as_str()))?;
    let indicator = cells.iter().position(|c| indicator_word(c) == Some(IndicatorWord::Indicator));
    let target = cells.iter().enumerate().find_map(|(i, c)| match indicator_word(c) {
        Some(IndicatorWord::Target(year)) => Some((i, year)),
        _ => None,
    });
    let other = |i: &usize| *i != code && *i != title && !folded[*i].is_empty();
    let children = match indicator {
        // Beside an indicator, only a column that names a level holds elements.
        Some(_) => (0..cells.len()).filter(other).find(|i| heading::header_level(&cells[*i]).is_some()),
        None => (0..cells.len()).find(other),
    };
    Some(ElementsHeader { code, title, children, indicator, target })
}

/// A cell of an indicators table's header: « Indicateur(s) », « Cibles 2027 ». The
/// year of the targets, when the header gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorWord {
    Indicator,
    Target(Option<i32>),
}

pub fn indicator_word(cell: &str) -> Option<IndicatorWord> {
    let f = fold(cell);
    let f = f.trim();
    if f.starts_with("indicateur") || f.starts_with("indicator") {
        return (f.len() <= 16).then_some(IndicatorWord::Indicator);
    }
    if f.starts_with("cible") || f.starts_with("target") {
        let year = f.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4).and_then(|w| w.parse().ok());
        return (f.len() <= 20).then_some(IndicatorWord::Target(year));
    }
    None
}

/// A list of target-group codes: « 1, 2, 4 », « 2 », « 1 et 3 », « 1; 3 ».
pub fn group_codes(cell: &str) -> Option<Vec<String>> {
    let codes: Vec<String> = cell
        .split([',', ';', '/'])
        .flat_map(|part| part.split(" et ").flat_map(|p| p.split(" and ")))
        .map(|p| p.trim().to_string())
        .collect();
    let all_codes = codes.iter().all(|c| (1..=2).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()));
    (all_codes && !codes.is_empty()).then_some(codes)
}

/// « 1.2.1 », « 3.1 »: a code of several parts, as an action or an objective has.
pub fn dotted_code(cell: &str) -> bool {
    let parts: Vec<&str> = cell.trim_end_matches('.').split('.').collect();
    parts.len() > 1 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_headers_are_read() {
        let cells: Vec<String> = [
            "MOYENS",
            "",
            "Groupes visés (élève et/ou personnel)",
            "Responsable",
            "Mise en oeuvre de l'action (durée, fréquence, lieu)",
            "Services",
            "Mode d'évaluation (sondage, Power BI, Mozaik, etc.)",
            "État d'avancement 12 décembre 2023",
        ]
        .map(String::from)
        .to_vec();
        use Column::*;
        assert_eq!(
            actions_header(&cells),
            Some(vec![
                Some(Title),
                None,
                Some(Groups),
                Some(Responsible),
                Some(Implementation),
                Some(Services),
                Some(Evaluation),
                Some(Progress)
            ])
        );
        let cells: Vec<String> = ["NO", "TITRE", "OBJECTIFS SMART"].map(String::from).to_vec();
        assert_eq!(
            elements_header(&cells),
            Some(ElementsHeader { code: 0, title: 1, children: Some(2), indicator: None, target: None })
        );
        assert_eq!(indicator_word("Cibles 2027"), Some(IndicatorWord::Target(Some(2027))));
        assert_eq!(indicator_word("Indicateur(s)"), Some(IndicatorWord::Indicator));
    }

    #[test]
    fn group_codes_and_dotted_codes() {
        assert_eq!(group_codes("1, 2, 4"), Some(vec!["1".into(), "2".into(), "4".into()]));
        assert_eq!(group_codes("1 et 3"), Some(vec!["1".into(), "3".into()]));
        assert_eq!(group_codes("Élèves"), None);
        assert_eq!(group_codes("2024"), None);
        assert!(dotted_code("1.2.1"));
        assert!(!dotted_code("12"));
        assert!(!dotted_code("79,7"));
    }
}
