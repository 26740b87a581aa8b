//! A rebuilt plan in words: the names Jalon gives what the pasted text does not name,
//! why a row could not be placed, why a placement was refused.

use crate::model::level::Noun;
use crate::model::plan::Plan;
use crate::rebuild::{DocxRefused, Refused, Why};
use crate::words::lang::Lang;

/// The title of a plan rebuilt from pasted tables, until the user gives it one.
pub fn default_title(lang: Lang) -> String {
    match lang {
        Lang::Fr => "Plan reconstruit".into(),
        Lang::En => "Rebuilt plan".into(),
    }
}

/// A level no word names (a theme, a code alone), by its rank from the top, from 1.
pub fn level_by_rank(lang: Lang, rank: usize) -> Noun {
    match lang {
        Lang::Fr => Noun::new(&format!("Niveau {rank}"), &format!("Niveaux {rank}")),
        Lang::En => Noun::new(&format!("Level {rank}"), &format!("Levels {rank}")),
    }
}

/// The actions' name when no table header names them.
pub fn default_action(lang: Lang) -> Noun {
    match lang {
        Lang::Fr | Lang::En => Noun::new("Action", "Actions"),
    }
}

/// Why a row was not placed, in `plan`'s own words.
pub fn why(why: &Why, plan: &Plan, lang: Lang) -> String {
    match (why, lang) {
        (Why::Prose, Lang::Fr) => "Texte hors de tout tableau et de tout niveau.".into(),
        (Why::Prose, Lang::En) => "Text outside any table and any level.".into(),
        (Why::Contents, Lang::Fr) => "Ligne d'une table des matières.".into(),
        (Why::Contents, Lang::En) => "A line of a table of contents.".into(),
        (Why::Repeated, Lang::Fr) => "Ligne répétée telle quelle dans le texte (en-tête de page).".into(),
        (Why::Repeated, Lang::En) => "A line the text repeats as it is (a running header).".into(),
        (Why::Fragment, Lang::Fr) => {
            "Cellules sans titre sous l'en-tête d'un tableau : la suite d'une ligne coupée.".replace(" :", "\u{a0}:")
        }
        (Why::Fragment, Lang::En) => "Cells without a title under a table's header: part of a cut row.".into(),
        (Why::NoObjective, Lang::Fr) => {
            format!("Aucun élément de niveau «\u{a0}{}\u{a0}» au-dessus de cette ligne.", objective_name(plan))
        }
        (Why::NoObjective, Lang::En) => format!("No “{}” above this row.", objective_name(plan)),
        (Why::NoParent, Lang::Fr) => "Aucun élément du niveau supérieur au-dessus de ce titre.".into(),
        (Why::NoParent, Lang::En) => "No element of the level above this heading.".into(),
        (Why::OtherTitle { element }, lang) => {
            let found = plan.element(element);
            let existing = found.map(|e| e.title.as_str()).unwrap_or_default();
            let level = found.and_then(|e| plan.level_name(e.level)).map(|n| n.singular.as_str()).unwrap_or_default();
            let code = format!("{level} {}", plan.code_of(element)).trim().to_string();
            match lang {
                Lang::Fr => {
                    format!("{code} porte déjà le titre «\u{a0}{existing}\u{a0}»\u{a0}; ce titre-ci n'a pas été gardé.")
                }
                Lang::En => format!("{code} already has the title “{existing}”; this one was not kept."),
            }
        }
        (Why::Beside, Lang::Fr) => "Cellules à côté d'un titre ou sous une colonne que Jalon ne lit pas.".into(),
        (Why::Beside, Lang::En) => "Cells beside a heading or under a column Jalon does not read.".into(),
    }
}

fn objective_name(plan: &Plan) -> String {
    plan.levels.get(plan.objective_level).map(|l| l.name.singular.clone()).unwrap_or_default()
}

/// Why a placement was refused.
pub fn refused(refused: &Refused, lang: Lang) -> String {
    match (refused, lang) {
        (Refused::NoSuchRow, Lang::Fr) => "Cette ligne n'est plus à placer.".into(),
        (Refused::NoSuchRow, Lang::En) => "This row is no longer to be placed.".into(),
        (Refused::NoSuchElement, Lang::Fr) => "L'élément choisi n'existe pas dans le plan proposé.".into(),
        (Refused::NoSuchElement, Lang::En) => "The chosen element is not in the proposed plan.".into(),
        (Refused::NoSuchAction, Lang::Fr) => "L'action choisie n'existe pas dans le plan proposé.".into(),
        (Refused::NoSuchAction, Lang::En) => "The chosen action is not in the proposed plan.".into(),
        (Refused::BelowObjectives, Lang::Fr) => "Sous le dernier niveau, le plan a des actions, pas d'éléments.".into(),
        (Refused::BelowObjectives, Lang::En) => "Below the last level, the plan has actions, not elements.".into(),
        (Refused::NoColumns, Lang::Fr) => "Aucune cellule de cette ligne n'est sous une colonne d'action.".into(),
        (Refused::NoColumns, Lang::En) => "No cell of this row is under an action's column.".into(),
        (Refused::EmptyName, Lang::Fr) => "Le nom d'un niveau ne peut pas être vide.".into(),
        (Refused::EmptyName, Lang::En) => "A level's name cannot be empty.".into(),
    }
}

/// Where an unplaced row is: its place in the tables, or its line outside them.
pub fn place(row: &crate::rebuild::Unplaced, lang: Lang) -> String {
    let Some(at) = row.at else {
        return match lang {
            Lang::Fr => format!("Ligne {}", row.row),
            Lang::En => format!("Line {}", row.row),
        };
    };
    let (table, row_word, first_row_word, column) = match lang {
        Lang::Fr => ("Tableau", "rangée", "Rangée", "colonne"),
        Lang::En => ("Table", "row", "Row", "column"),
    };
    match at.table {
        Some(n) => format!("{table} {n}, {row_word} {}, {column} {}", at.row, at.column),
        None => format!("{first_row_word} {}, {column} {}", at.row, at.column),
    }
}

/// Why the file `name` could not be read as tables.
pub fn file_refused(name: &str, refused: &DocxRefused, lang: Lang) -> String {
    match (refused, lang) {
        (DocxRefused::NotZip(Some(kind)), Lang::Fr) => {
            format!("«\u{a0}{name}\u{a0}» est {}\u{a0}: Jalon y lit des tableaux d'un document Word (.docx), d'une page HTML ou d'un texte.", crate::words::text::not_text(*kind, lang))
        }
        (DocxRefused::NotZip(Some(kind)), Lang::En) => {
            format!(
                "“{name}” is {}: Jalon reads tables from a Word document (.docx), an HTML page or a text.",
                crate::words::text::not_text(*kind, lang)
            )
        }
        (DocxRefused::NotZip(None), Lang::Fr) => {
            format!(
                "«\u{a0}{name}\u{a0}» n'est pas un document Word (.docx)\u{a0}: son contenu n'est pas une archive ZIP."
            )
        }
        (DocxRefused::NotZip(None), Lang::En) => {
            format!("“{name}” is not a Word document (.docx): its content is no ZIP archive.")
        }
        (DocxRefused::Damaged, Lang::Fr) => {
            format!("«\u{a0}{name}\u{a0}» est endommagé\u{a0}: Jalon n'y trouve pas de document Word lisible.")
        }
        (DocxRefused::Damaged, Lang::En) => {
            format!("“{name}” is damaged: Jalon finds no readable Word document in it.")
        }
    }
}
