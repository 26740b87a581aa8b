//! The native command's sentences (`src/bin/jalon.rs`): how to call it, what is wrong
//! with a command line or a file, and the headings of its report. The findings, the
//! statuses and a refused file are said in the page's own words (`words::text`).

use crate::words::lang::Lang;
use crate::words::numbers::day;
use chrono::NaiveDate;
use std::io::{self, ErrorKind};

/// How to call the command.
pub fn usage(lang: Lang) -> String {
    match lang {
        Lang::Fr => "usage\u{a0}: jalon check FICHIER [--lang fr|en] [--date AAAA-MM-JJ]".into(),
        Lang::En => "usage: jalon check FILE [--lang fr|en] [--date YYYY-MM-DD]".into(),
    }
}

/// An argument that is not UTF-8 text, as the system shows it, then how to call.
pub fn argument_not_text(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("l'argument «\u{a0}{shown}\u{a0}» n'est pas du texte UTF-8.\n{}", usage(lang)),
        Lang::En => format!("the argument “{shown}” is not UTF-8 text.\n{}", usage(lang)),
    }
}

pub fn unknown_language(code: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("langue inconnue «\u{a0}{code}\u{a0}»\u{a0}: fr ou en"),
        Lang::En => format!("unknown language “{code}”: fr or en"),
    }
}

pub fn invalid_date(typed: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("date invalide «\u{a0}{typed}\u{a0}»\u{a0}: attendu AAAA-MM-JJ"),
        Lang::En => format!("invalid date “{typed}”: expected YYYY-MM-DD"),
    }
}

/// An input or output error in words; the system's own for the rare kinds.
pub fn io_problem(error: &io::Error, lang: Lang) -> String {
    match (error.kind(), lang) {
        (ErrorKind::NotFound, Lang::Fr) => "fichier introuvable".into(),
        (ErrorKind::NotFound, Lang::En) => "no such file".into(),
        (ErrorKind::PermissionDenied, Lang::Fr) => "accès refusé".into(),
        (ErrorKind::PermissionDenied, Lang::En) => "permission denied".into(),
        (ErrorKind::StorageFull, Lang::Fr) => "le disque est plein".into(),
        (ErrorKind::StorageFull, Lang::En) => "the disk is full".into(),
        (_, Lang::Fr) => format!("erreur du système ({error})"),
        (_, Lang::En) => format!("system error ({error})"),
    }
}

/// The path named is a folder.
pub fn a_folder(lang: Lang) -> String {
    match lang {
        Lang::Fr => "c'est un dossier, pas un fichier. Indiquez le fichier du plan (.json).".into(),
        Lang::En => "this is a folder, not a file. Give the plan's file (.json).".into(),
    }
}

/// The path named is a pipe, a device or a socket.
pub fn not_a_regular_file(lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            "ce n'est pas un fichier ordinaire (un tube ou un périphérique, par exemple). Indiquez le fichier du plan (.json).".into()
        }
        Lang::En => "this is not a regular file (a pipe or a device, for instance). Give the plan's file (.json).".into(),
    }
}

pub fn cannot_read(error: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("impossible de lire le fichier\u{a0}: {}.", io_problem(error, lang)),
        Lang::En => format!("cannot read the file: {}.", io_problem(error, lang)),
    }
}

pub fn cannot_write(error: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("impossible d'écrire le résultat\u{a0}: {}.", io_problem(error, lang)),
        Lang::En => format!("cannot write the result: {}.", io_problem(error, lang)),
    }
}

/// What comes between a label and what it says: « Vérifications : », "Checks:".
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// The heading of the indicators' line.
pub fn indicators_as_of(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Indicateurs au {}", day(date, lang)),
        Lang::En => format!("Indicators as of {}", day(date, lang)),
    }
}

/// The checks' line: how many findings.
pub fn checks(count: usize, lang: Lang) -> String {
    let s = if lang.plural(count) { "s" } else { "" };
    match (count, lang) {
        (0, Lang::Fr) => "Vérifications\u{a0}: aucun avertissement.".into(),
        (0, Lang::En) => "Checks: no warnings.".into(),
        (n, Lang::Fr) => format!("Vérifications\u{a0}: {n} avertissement{s}"),
        (n, Lang::En) => format!("Checks: {n} warning{s}"),
    }
}

/// The heading of the counts per kind of finding.
pub fn by_kind(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Par type",
        Lang::En => "By kind",
    }
}
