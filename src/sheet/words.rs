//! The words of spreadsheet tables: their column headers in the plan's own names, and
//! what is wrong with a file or a row, cell by cell.

use crate::format::not_text::NotText;
use crate::model::plan::Plan;
use crate::sheet::read::Unreadable;
use crate::sheet::{Cell, Problem};
use crate::words::lang::Lang;
use crate::words::numbers::NBSP;
use crate::words::text::input_error;

fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("«{NBSP}{text}{NBSP}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// A progress column's header with its checkpoint: « État — Bilan de décembre ».
pub fn at_checkpoint(header: &str, checkpoint: &str) -> String {
    format!("{header} — {checkpoint}")
}

/// A value column named for one row's entry: « Valeur (Mesure, 2026-06-30) ».
pub fn at_entry(header: &str, entry: &str, date: &str) -> String {
    format!("{header} ({entry}, {date})")
}

/// A step of the échéancier in its cell's line: « 2024-2025 : mise à l'essai ».
pub fn step(year: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{year}{NBSP}: {text}"),
        Lang::En => format!("{year}: {text}"),
    }
}

/// Why nothing of a file (named `file`) or a paste could be read.
pub fn unreadable(problem: &Unreadable, file: Option<&str>, lang: Lang) -> String {
    let file = file.unwrap_or(match lang {
        Lang::Fr => "Ce fichier",
        Lang::En => "This file",
    });
    match (problem, lang) {
        (Unreadable::Empty, Lang::Fr) => {
            "Le tableau est vide : aucune ligne ne contient de texte.".replace(" :", "\u{a0}:")
        }
        (Unreadable::Empty, Lang::En) => "The table is empty: no row holds any text.".into(),
        (Unreadable::Broken { row }, Lang::Fr) => format!("La ligne {row} ne se lit pas comme une ligne de tableau."),
        (Unreadable::Broken { row }, Lang::En) => format!("Row {row} does not read as a table row."),
        (Unreadable::NotText(kind), _) => {
            let what = crate::words::text::not_text(*kind, lang);
            let excel = *kind == NotText::Excel;
            match (excel, lang) {
                (false, Lang::Fr) => format!("{file} n'est pas un tableau{NBSP}: c'est {what}. Choisissez un fichier CSV, ou collez les cellules copiées d'Excel."),
                (false, Lang::En) => format!("{file} is not a table: it is {what}. Choose a CSV file, or paste the cells copied from Excel."),
                (true, Lang::Fr) => format!("{file} n'est pas un fichier CSV{NBSP}: c'est {what}. Dans Excel, enregistrez-le en «{NBSP}CSV UTF-8{NBSP}» (Fichier › Enregistrer sous), ou copiez ses cellules et collez-les."),
                (true, Lang::En) => format!("{file} is not a CSV file: it is {what}. In Excel, save it as “CSV UTF-8” (File › Save As), or copy its cells and paste them."),
            }
        }
    }
}

/// The place of a cell: « Ligne 3, colonne « Budget prévu ($) » ».
pub fn cell(cell: &Cell, lang: Lang) -> String {
    match (cell.column.is_empty(), lang) {
        (true, Lang::Fr) => format!("Ligne {}", cell.row),
        (true, Lang::En) => format!("Row {}", cell.row),
        (false, Lang::Fr) => format!("Ligne {}, colonne {}", cell.row, quoted(&cell.column, lang)),
        (false, Lang::En) => format!("Row {}, column {}", cell.row, quoted(&cell.column, lang)),
    }
}

/// A problem of a cell, with where it is: « Ligne 3, colonne « Date »{NBSP}: la date
/// « 2023-02-30 » n'existe pas. »
pub fn problem(plan: &Plan, at: &Cell, problem: &Problem, lang: Lang) -> String {
    let place = cell(at, lang);
    let colon = if lang == Lang::Fr { "\u{a0}:" } else { ":" };
    let q = |t: &str| quoted(t, lang);
    let level = crate::words::text::objective_noun(plan, lang).singular.to_lowercase();
    let what = match (problem, lang) {
        (Problem::Input(error), _) => return input_error(&place, error, lang),
        (Problem::Empty, Lang::Fr) => "cette cellule est vide; elle est requise.".replace(';', "\u{a0};"),
        (Problem::Empty, Lang::En) => "this cell is empty; it is required.".into(),
        (Problem::NoSuchDate(t), Lang::Fr) => format!("la date {} n'existe pas.", q(t)),
        (Problem::NoSuchDate(t), Lang::En) => format!("the date {} does not exist.", q(t)),
        (Problem::NoSuchElement(t), Lang::Fr) => format!("aucun élément du plan n'a le code {}.", q(t)),
        (Problem::NoSuchElement(t), Lang::En) => format!("no element of the plan has the code {}.", q(t)),
        (Problem::AmbiguousCode(t), Lang::Fr) => {
            format!("plusieurs éléments ont le code {}{NBSP}: écrivez leur identifiant ou leur titre.", q(t))
        }
        (Problem::AmbiguousCode(t), Lang::En) => {
            format!("several elements have the code {}: write their id or their title.", q(t))
        }
        (Problem::NotAnObjective(t), Lang::Fr) => format!("{} n'est pas un élément de niveau {level}.", q(t)),
        (Problem::NotAnObjective(t), Lang::En) => format!("{} is not an element of level {level}.", q(t)),
        (Problem::TooManyCells { found, header }, Lang::Fr) => format!(
            "{found} cellules, l'en-tête en a {header}{NBSP}; le séparateur du fichier n'est peut-être pas le bon."
        ),
        (Problem::TooManyCells { found, header }, Lang::En) => {
            format!("{found} cells where the header has {header}; the file's separator may not be the one it seems.")
        }
        (Problem::UnknownChoice(t), Lang::Fr) => format!("{} n'est pas l'un des choix de cette colonne.", q(t)),
        (Problem::UnknownChoice(t), Lang::En) => format!("{} is not one of this column's choices.", q(t)),
        (Problem::StepWithoutYear(t), Lang::Fr) => {
            format!("l'étape {} n'a pas d'année (écrivez «{NBSP}2024-2025{NBSP}: …{NBSP}»).", q(t))
        }
        (Problem::StepWithoutYear(t), Lang::En) => format!("the step {} has no year (write “2024-2025: …”).", q(t)),
        (Problem::NoCheckpoint, Lang::Fr) => "choisissez l'étape de suivi de cet état.".into(),
        (Problem::NoCheckpoint, Lang::En) => "choose the checkpoint of this status.".into(),
        (Problem::ClosedCheckpoint(t), Lang::Fr) => format!("l'étape de suivi {} est fermée.", q(t)),
        (Problem::ClosedCheckpoint(t), Lang::En) => format!("the checkpoint {} is closed.", q(t)),
        (Problem::TargetBeforeBaseline { target, baseline }, Lang::Fr) => format!(
            "la cible de {} viendrait avant la situation de départ ({}){NBSP}: datez les cibles après elle.",
            crate::words::text::plan_date(*target, lang),
            crate::words::text::plan_date(*baseline, lang)
        ),
        (Problem::TargetBeforeBaseline { target, baseline }, Lang::En) => format!(
            "the target of {} would come before the baseline ({}): date targets after it.",
            crate::words::text::plan_date(*target, lang),
            crate::words::text::plan_date(*baseline, lang)
        ),
        (Problem::IdTaken(id), Lang::Fr) => format!(
            "l'identifiant {} est déjà pris ({}){NBSP}: laissez la cellule vide pour qu'un nouvel identifiant soit donné.",
            q(id.as_str()),
            crate::words::text::id_holder(plan, id, lang)
        ),
        (Problem::IdTaken(id), Lang::En) => format!(
            "the id {} is already taken ({}): leave the cell empty for a new id to be given.",
            q(id.as_str()),
            crate::words::text::id_holder(plan, id, lang)
        ),
        (Problem::IdRepeated { id, row }, Lang::Fr) => {
            format!("l'identifiant {} est déjà donné à la ligne {row}{NBSP}: deux lignes nouvelles ne peuvent pas porter le même.", q(id.as_str()))
        }
        (Problem::IdRepeated { id, row }, Lang::En) => {
            format!("the id {} is already given to row {row}: two new rows cannot share one.", q(id.as_str()))
        }
        (Problem::MissingColumn(t), Lang::Fr) => format!("le tableau n'a pas de colonne {}.", q(t)),
        (Problem::MissingColumn(t), Lang::En) => format!("the table has no column {}.", q(t)),
    };
    format!("{place}{colon} {what}")
}
