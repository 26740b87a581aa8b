//! French and English: the texts of the core's messages. Numbers, money and dates are
//! written by `words::numbers`, which this module re-exports for the texts' callers.

use crate::calc::check::{Finding, Group, Kind, Reference, ScheduleField, Total};
use crate::calc::status::Status;
use crate::format::not_text::NotText;
use crate::format::{FieldProblem, JsonProblem, LoadError};
use crate::model::action::ActionStatus;
use crate::model::date::PlanDate;
use crate::model::id::Id;
use crate::model::indicator::Direction;
use crate::model::indicator::IndicatorKind;
use crate::model::level::Noun;
use crate::model::measurement::Value;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use crate::model::target::{Target, TargetValue};
use chrono::Datelike;

pub use crate::words::lang::Lang;
pub use crate::words::numbers::{clock, count_of, day, lower_first, money, number, percent, plan_date};
use crate::words::numbers::{group_digits, NBSP};

/// An indicator's value as its kind writes it: `79,7 %`, `187`, `4 sur 4`, `12 000,00 $`,
/// `Réalisé`, or the words of a qualitative assessment.
pub fn value(value: &Value, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    match (value, kind) {
        (Value::Number(n), IndicatorKind::Percentage) => percent(*n, lang),
        (Value::Number(n), IndicatorKind::Ratio) => match (out_of, lang) {
            (Some(whole), Lang::Fr) => format!("{} sur {}", number(*n, 2, lang), number(whole, 2, lang)),
            (Some(whole), Lang::En) => format!("{} of {}", number(*n, 2, lang), number(whole, 2, lang)),
            (None, _) => number(*n, 2, lang),
        },
        (Value::Number(n), _) => number(*n, 2, lang),
        (Value::Money(c), _) => money(*c, lang),
        (Value::Done(true), _) => match lang {
            Lang::Fr => "Réalisé".into(),
            Lang::En => "Done".into(),
        },
        (Value::Done(false), _) => match lang {
            Lang::Fr => "Non réalisé".into(),
            Lang::En => "Not done".into(),
        },
        (Value::Text(t), _) => t.clone(),
    }
}

/// A value as the status reads it (a number: percent, dollars, 1 for done), written as
/// its indicator's kind writes it.
pub fn measured(n: f64, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    match kind {
        IndicatorKind::Dollars => money(Cents((n * 100.0).round() as i64), lang),
        IndicatorKind::Milestone => value(&Value::Done(n >= 1.0), kind, None, lang),
        _ => value(&Value::Number(n), kind, out_of, lang),
    }
}

/// A measured value's move between two dates, as a board reads it: « 66 % → 64 %
/// (−2 points) », « 187 → 200 (+13) », « 12 000,00 $ → 9 500,00 $ (−2 500,00 $) »;
/// never a share of the way to the target, which reads as a fall of the value itself.
pub fn value_change(
    before: Option<f64>,
    after: Option<f64>,
    kind: IndicatorKind,
    out_of: Option<f64>,
    lang: Lang,
) -> String {
    let shown = |n: Option<f64>| n.map_or_else(|| "—".to_owned(), |n| measured(n, kind, out_of, lang));
    let moved = format!("{} → {}", shown(before), shown(after));
    let (Some(b), Some(a)) = (before, after) else { return moved };
    if kind == IndicatorKind::Milestone {
        return moved;
    }
    let difference = a - b;
    let sign = if difference < 0.0 { "−" } else { "+" };
    let size = match kind {
        IndicatorKind::Percentage => {
            let points = number(difference.abs(), 1, lang);
            // French keeps the singular below two, English only for exactly one.
            match lang {
                Lang::Fr if difference.abs() < 2.0 => format!("{points}\u{a0}point"),
                Lang::Fr => format!("{points}\u{a0}points"),
                Lang::En if points == "1" => "1 point".to_owned(),
                Lang::En => format!("{points} points"),
            }
        }
        IndicatorKind::Dollars => money(Cents((difference.abs() * 100.0).round() as i64), lang),
        _ => number(difference.abs(), 2, lang),
    };
    format!("{moved} ({sign}{size})")
}

/// An indicator's change between two checkpoints, each segment whose value moved:
/// `« Primaire » 66 % → 64 % (−2 points)`, or the move alone for an unsegmented one.
pub fn value_moves(
    indicator: &crate::model::indicator::Indicator,
    change: &crate::calc::rollup::IndicatorChange,
    lang: Lang,
) -> Vec<String> {
    change
        .values
        .iter()
        .map(|v| {
            let moved = value_change(v.before, v.after, indicator.kind, indicator.out_of, lang);
            match indicator.segments.iter().find(|s| s.id == v.segment).filter(|s| !s.label.is_empty()) {
                Some(segment) => {
                    format!("{} {moved}", (crate::words::table::words(lang).named)("", &segment.label).trim_start())
                }
                None => moved,
            }
        })
        .collect()
}

/// How many characters of a title a list shows (`listed`).
pub const LISTED_CHARS: usize = 300;

/// A title as a list shows it beside others: whole up to `LISTED_CHARS` characters,
/// else its beginning and « … ». A title of a megabyte without a space froze « Mes
/// plans » for half a minute: a browser wraps an unbroken word by shaping again what is
/// left of it at each line, where its font joins or kerns every pair of letters (« TT »,
/// Arabic), the square of its length. The whole title stays in the plan, and in full
/// where it is edited. The cut never parts a letter from the marks that follow it.
pub fn listed(title: &str) -> std::borrow::Cow<'_, str> {
    let Some((cut, _)) = title.char_indices().nth(LISTED_CHARS) else { return title.into() };
    let joins = |c: char| matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}'..='\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}');
    let end = title[cut..].char_indices().find(|(_, c)| !joins(*c)).map_or(title.len(), |(i, _)| cut + i);
    if end == title.len() {
        return title.into();
    }
    format!("{}…", title[..end].trim_end()).into()
}

/// A target group as the screens name it: its code and the plan's label for it
/// (« 1 Jeunes »), or the text as the action holds it when the plan defines no such code.
pub fn target_group(plan: &Plan, group: &str) -> String {
    let group = group.trim();
    match plan.target_groups.iter().find(|g| g.code.trim() == group).filter(|g| !g.label.trim().is_empty()) {
        Some(defined) => format!("{group} {}", defined.label.trim()),
        None => group.to_owned(),
    }
}

/// A target as the plan writes it: `80 %`, `+15 %` of the baseline or `+15 points`.
pub fn target(target: &Target, kind: IndicatorKind, out_of: Option<f64>, lang: Lang) -> String {
    let signed = |n: f64| if n >= 0.0 { format!("+{}", number(n, 2, lang)) } else { number(n, 2, lang) };
    match (&target.value, lang) {
        (TargetValue::Absolute(v), _) => value(v, kind, out_of, lang),
        (TargetValue::RelativePercent(p), Lang::Fr) => format!("{}\u{a0}% par rapport au départ", signed(*p)),
        (TargetValue::RelativePercent(p), Lang::En) => format!("{}% from baseline", signed(*p)),
        (TargetValue::PercentagePoints(p), Lang::Fr) => format!("{}\u{a0}points", signed(*p)),
        (TargetValue::PercentagePoints(p), Lang::En) => format!("{} points", signed(*p)),
    }
}

pub fn status(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Reached, Lang::Fr) => "Atteint",
        (Status::Reached, Lang::En) => "Reached",
        (Status::OnTrack, Lang::Fr) => "En bonne voie",
        (Status::OnTrack, Lang::En) => "On track",
        (Status::ToWatch, Lang::Fr) => "À surveiller",
        (Status::ToWatch, Lang::En) => "To watch",
        (Status::Late, Lang::Fr) => "En retard",
        (Status::Late, Lang::En) => "Late",
        (Status::NotMeasured, Lang::Fr) => "Non mesuré",
        (Status::NotMeasured, Lang::En) => "Not measured",
    }
}

/// How the author judges a qualitative measurement, in the words of the status it
/// stands for.
pub fn assessment(assessment: crate::model::measurement::Assessment, lang: Lang) -> &'static str {
    status(assessment.into(), lang)
}

pub fn action_status(status: ActionStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (ActionStatus::NotStarted, Lang::Fr) => "Non amorcé",
        (ActionStatus::NotStarted, Lang::En) => "Not started",
        (ActionStatus::InProgress, Lang::Fr) => "En cours",
        (ActionStatus::InProgress, Lang::En) => "In progress",
        (ActionStatus::Done, Lang::Fr) => "Réalisé",
        (ActionStatus::Done, Lang::En) => "Done",
        (ActionStatus::OnHold, Lang::Fr) => "En suspens",
        (ActionStatus::OnHold, Lang::En) => "On hold",
        (ActionStatus::Postponed, Lang::Fr) => "Reporté",
        (ActionStatus::Postponed, Lang::En) => "Postponed",
        (ActionStatus::Dropped, Lang::Fr) => "Abandonné",
        (ActionStatus::Dropped, Lang::En) => "Dropped",
    }
}

/// Why what was typed in the field `field` was not read, and what to write instead:
/// « Valeur : « 79,7,5 » ne se lit pas comme un pourcentage. Écrivez un pourcentage,
/// par exemple 79,7 %. »
pub fn input_error(field: &str, error: &crate::words::input::InputError, lang: Lang) -> String {
    use crate::words::input::Problem::*;
    let typed = &error.typed;
    let (what, example) = expected(error.expected, lang);
    let quoted = |t: &str| match lang {
        Lang::Fr => format!("«{NBSP}{t}{NBSP}»"),
        Lang::En => format!("“{t}”"),
    };
    let shown = |n: f64| crate::words::input::show_number(n, lang);
    let problem = match (error.problem, lang) {
        (Empty, Lang::Fr) => "rien n'est inscrit.".to_string(),
        (Empty, Lang::En) => "nothing is written.".to_string(),
        (Unreadable, Lang::Fr) => format!("{} ne se lit pas comme {what}.", quoted(typed)),
        (Unreadable, Lang::En) => format!("{} does not read as {what}.", quoted(typed)),
        (Ambiguous { decimal, thousands }, Lang::Fr) => format!(
            "{} peut se lire {} ou {}{NBSP}: écrivez l'une de ces deux formes.",
            quoted(typed),
            shown(decimal),
            shown(thousands)
        ),
        (Ambiguous { decimal, thousands }, Lang::En) => {
            format!("{} may read {} or {}: write one of these two.", quoted(typed), shown(decimal), shown(thousands))
        }
        (BelowTheCent, Lang::Fr) => {
            format!("{} a plus de deux décimales{NBSP}: un montant s'arrête au cent.", quoted(typed))
        }
        (BelowTheCent, Lang::En) => {
            format!("{} has more than two decimals: an amount stops at the cent.", quoted(typed))
        }
        (Negative, Lang::Fr) => format!("{} est négatif{NBSP}: il faut {what} positif ou nul.", quoted(typed)),
        (Negative, Lang::En) => format!("{} is negative: {what} is zero or more.", quoted(typed)),
        (NotWhole, Lang::Fr) => format!("{} n'est pas un nombre entier.", quoted(typed)),
        (NotWhole, Lang::En) => format!("{} is not a whole number.", quoted(typed)),
        (NotHalfDay, Lang::Fr) => {
            format!("{} n'est pas un nombre de jours entiers ou de demi-journées.", quoted(typed))
        }
        (NotHalfDay, Lang::En) => format!("{} is not a number of whole or half days.", quoted(typed)),
        (TooLarge, Lang::Fr) => format!("{} est trop grand pour être conservé.", quoted(typed)),
        (TooLarge, Lang::En) => format!("{} is too large to hold.", quoted(typed)),
        (OtherWhole { typed: other }, Lang::Fr) => match error.expected {
            crate::words::input::Expected::Ratio { whole: Some(whole) } => format!(
                "{} compte sur {}, mais cet indicateur compte sur {}.",
                quoted(typed),
                shown(other),
                shown(whole)
            ),
            _ => format!("{}{NBSP}: cet indicateur n'indique pas de total.", quoted(typed)),
        },
        (OtherWhole { typed: other }, Lang::En) => match error.expected {
            crate::words::input::Expected::Ratio { whole: Some(whole) } => format!(
                "{} counts out of {}, but this indicator counts out of {}.",
                quoted(typed),
                shown(other),
                shown(whole)
            ),
            _ => format!("{}: this indicator gives no whole.", quoted(typed)),
        },
    };
    match lang {
        Lang::Fr => format!("{field}{NBSP}: {problem} Écrivez {what}, par exemple {example}."),
        Lang::En => format!("{field}: {problem} Write {what}, for example {example}."),
    }
}

/// What a field expects, and an example of it.
fn expected(expected: crate::words::input::Expected, lang: Lang) -> (&'static str, String) {
    use crate::words::input::Expected::*;
    let pick = |f: &'static str, e: &'static str| match lang {
        Lang::Fr => f,
        Lang::En => e,
    };
    match expected {
        Number => (pick("un nombre", "a number"), pick("79,7 ou 1\u{a0}234,5", "79.7 or 1,234.5").into()),
        Percent => (pick("un pourcentage", "a percentage"), pick("79,7\u{a0}%", "79.7%").into()),
        Ratio { whole } => {
            let example = match (whole, lang) {
                (Some(w), Lang::Fr) => format!("3 ou 3 sur {}", crate::words::input::show_number(w, lang)),
                (Some(w), Lang::En) => format!("3 or 3 of {}", crate::words::input::show_number(w, lang)),
                (None, _) => "3".into(),
            };
            (pick("le nombre compté (le x de « x sur y »)", "the number counted (the x of “x of y”)"), example)
        }
        Money => (pick("un montant", "an amount"), pick("18\u{a0}464,15\u{a0}$", "$18,464.15").into()),
        Count => (pick("un nombre entier", "a whole number"), "12".into()),
        Days => (pick("un nombre de jours", "a number of days"), pick("2 ou 2,5", "2 or 2.5").into()),
        Weight => (pick("un poids", "a weight"), pick("1\u{a0}234 ou 12,5", "1,234 or 12.5").into()),
        YesNo => (pick("oui ou non", "yes or no"), pick("oui", "yes").into()),
        Words => {
            (pick("une appréciation en mots", "an assessment in words"), pick("Bien amorcé", "Well under way").into())
        }
        Date => (
            pick("une date", "a date"),
            pick("30 juin 2027, juin 2027, 2027 ou 2027-06-30", "June 30, 2027, June 2027, 2027 or 2027-06-30").into(),
        ),
        Day => {
            (pick("un jour", "a day"), pick("12 décembre 2023 ou 2023-12-12", "December 12, 2023 or 2023-12-12").into())
        }
        Progress => (pick("un pourcentage entier", "a whole percentage"), pick("40 ou 40\u{a0}%", "40 or 40%").into()),
    }
}

/// Why a change to the plan was refused.
pub fn refused(plan: &Plan, refused: &crate::edit::Refused, lang: Lang) -> String {
    use crate::edit::Refused;
    let checkpoint =
        |id: &Id| plan.checkpoints.iter().find(|c| &c.id == id).map_or_else(|| id.to_string(), |c| c.label.clone());
    let element = |id: &Id| match plan.element(id) {
        Some(e) => format!("{} {}", plan.code_of(id), e.title),
        None => id.to_string(),
    };
    match (refused, lang) {
        (Refused::NotFound(id), Lang::Fr) => {
            format!("« {id} » n'est plus dans le plan\u{a0}: il a peut-être été supprimé ailleurs.")
        }
        (Refused::NotFound(id), Lang::En) => {
            format!("“{id}” is no longer in the plan: it may have been deleted elsewhere.")
        }
        (Refused::CheckpointClosed(id), Lang::Fr) => format!(
            "Le suivi « {} » est fermé\u{a0}: ses valeurs sont verrouillées. Rouvrez-le pour les modifier.",
            checkpoint(id)
        ),
        (Refused::CheckpointClosed(id), Lang::En) => {
            format!("The checkpoint “{}” is closed: its values are locked. Reopen it to change them.", checkpoint(id))
        }
        (Refused::WouldCycle(id), Lang::Fr) => {
            format!("« {} » ne peut pas être déplacé sous lui-même ni sous l'un de ses descendants.", element(id))
        }
        (Refused::WouldCycle(id), Lang::En) => {
            format!("“{}” cannot be moved under itself or one of its descendants.", element(id))
        }
        (Refused::OutsideTree(id), Lang::Fr) => {
            format!("« {} » est lui-même hors de l'arbre\u{a0}: choisissez un parent qui y est.", element(id))
        }
        (Refused::OutsideTree(id), Lang::En) => {
            format!("“{}” is itself outside the tree: choose a parent that is in it.", element(id))
        }
        (Refused::WrongLevel(id), Lang::Fr) => {
            format!("« {} » ne peut être placé que sous un élément du niveau juste au-dessus du sien.", element(id))
        }
        (Refused::WrongLevel(id), Lang::En) => {
            format!("“{}” can only be placed under an element of the level just above its own.", element(id))
        }
        (Refused::LastLevel, Lang::Fr) => format!(
            "Le plan doit garder au moins un niveau, dont celui des {}.",
            lower_first(&objective_noun(plan, lang).plural)
        ),
        (Refused::LastLevel, Lang::En) => format!(
            "The plan must keep at least one level, including the level of its {}.",
            lower_first(&objective_noun(plan, lang).plural)
        ),
        (Refused::Blank, Lang::Fr) => "Ce champ ne peut pas rester vide.".into(),
        (Refused::Blank, Lang::En) => "This field cannot be left blank.".into(),
        (Refused::TargetBeforeBaseline { target, baseline }, Lang::Fr) => format!(
            "Une cible datée {} viendrait avant la situation de départ ({})\u{a0}: datez les cibles après elle.",
            of_date(*target),
            plan_date(*baseline, lang)
        ),
        (Refused::TargetBeforeBaseline { target, baseline }, Lang::En) => format!(
            "A target dated {} would come before the baseline ({}): date targets after it.",
            plan_date(*target, lang),
            plan_date(*baseline, lang)
        ),
        (Refused::EndsBeforeStart, Lang::Fr) => "La fin de la période précède son début.".into(),
        (Refused::EndsBeforeStart, Lang::En) => "The period ends before it starts.".into(),
        (Refused::DuplicateCode(code), Lang::Fr) => {
            format!("Un autre groupe visé porte déjà le code «\u{a0}{code}\u{a0}».")
        }
        (Refused::DuplicateCode(code), Lang::En) => format!("Another target group already has the code “{code}”."),
        (Refused::ThresholdOutOfRange, Lang::Fr) => {
            "Un seuil va de 0\u{a0}% à 100\u{a0}% de la progression attendue.".into()
        }
        (Refused::ThresholdOutOfRange, Lang::En) => "A threshold goes from 0% to 100% of the expected progress.".into(),
        (Refused::ThresholdsOutOfOrder, Lang::Fr) => {
            "Le seuil «\u{a0}à surveiller\u{a0}» ne peut pas dépasser le seuil «\u{a0}en bonne voie\u{a0}».".into()
        }
        (Refused::ThresholdsOutOfOrder, Lang::En) => {
            "The “to watch” threshold cannot be above the “on track” one.".into()
        }
        (Refused::OutsidePart, Lang::Fr) => format!("Ce plan est une partie envoyée par le coordonnateur\u{a0}: vous n'y modifiez que vos {}, leur état d'avancement et les mesures de vos indicateurs. Le reste est le contexte du plan.", lower_first(&plan.action_name.plural)),
        (Refused::OutsidePart, Lang::En) => format!("This plan is a part sent by the coordinator: only your {}, their progress and your indicators' measurements can be changed in it. The rest is the plan's context.", lower_first(&plan.action_name.plural)),
        (Refused::Undecided(waiting), Lang::Fr) => match waiting {
            1 => "Un conflit ou une proposition attend encore votre choix.".into(),
            n => format!("{n}\u{a0}conflits ou propositions attendent encore votre choix."),
        },
        (Refused::Undecided(waiting), Lang::En) => match waiting {
            1 => "A conflict or a proposal still waits for your choice.".into(),
            n => format!("{n} conflicts or proposals still wait for your choice."),
        },
        (Refused::AlreadyMerged, Lang::Fr) => "Ce retour a déjà été fusionné dans le plan.".into(),
        (Refused::AlreadyMerged, Lang::En) => "This return was already merged into the plan.".into(),
        (Refused::IdTaken(id), Lang::Fr) => format!(
            "L'identifiant « {id} » est déjà pris ({})\u{a0}: chaque identifiant ne désigne qu'une chose du plan.",
            id_holder(plan, id, lang)
        ),
        (Refused::IdTaken(id), Lang::En) => format!(
            "The id “{id}” is already taken ({}): each id names only one thing in the plan.",
            id_holder(plan, id, lang)
        ),
        (Refused::Unwritable(error), Lang::Fr) => {
            format!("Ce changement rendrait le plan illisible\u{a0}: {}", load_error(error, lang))
        }
        (Refused::Unwritable(error), Lang::En) => {
            format!("This change would make the plan unreadable: {}", load_error(error, lang))
        }
        (Refused::OrganisationInUse { organisation, allocations }, lang) => {
            let name = plan
                .organisations
                .iter()
                .find(|o| &o.id == organisation)
                .map_or_else(|| organisation.to_string(), |o| o.name.clone());
            match lang {
                Lang::Fr => format!(
                    "«\u{a0}{name}\u{a0}» a une part dans {} du budget\u{a0}: retirez-la d'abord.",
                    if *allocations < 2 {
                        "une répartition".to_string()
                    } else {
                        format!("{allocations} répartitions")
                    }
                ),
                Lang::En => format!(
                    "“{name}” has a share in {} of the budget: remove it first.",
                    if *allocations == 1 { "one allocation".to_string() } else { format!("{allocations} allocations") }
                ),
            }
        }
    }
}

/// What a file that is no text is: « une image PNG », « un classeur Excel ».
pub fn not_text(kind: NotText, lang: Lang) -> &'static str {
    use NotText::*;
    match (kind, lang) {
        (Png, Lang::Fr) => "une image PNG",
        (Png, Lang::En) => "a PNG image",
        (Jpeg, Lang::Fr) => "une image JPEG",
        (Jpeg, Lang::En) => "a JPEG image",
        (Gif, Lang::Fr) => "une image GIF",
        (Gif, Lang::En) => "a GIF image",
        (Pdf, Lang::Fr) => "un document PDF",
        (Pdf, Lang::En) => "a PDF document",
        (Word, Lang::Fr) => "un document Word",
        (Word, Lang::En) => "a Word document",
        (Excel, Lang::Fr) => "un classeur Excel",
        (Excel, Lang::En) => "an Excel workbook",
        (PowerPoint, Lang::Fr) => "une présentation PowerPoint",
        (PowerPoint, Lang::En) => "a PowerPoint presentation",
        (Zip, Lang::Fr) => "une archive ZIP",
        (Zip, Lang::En) => "a ZIP archive",
        (OldOffice, Lang::Fr) => "un fichier Word ou Excel d'ancien format (.doc, .xls)",
        (OldOffice, Lang::En) => "a Word or Excel file of the old format (.doc, .xls)",
        (Data, Lang::Fr) => "un fichier de données binaires",
        (Data, Lang::En) => "a file of binary data",
    }
}

/// Why a file could not be opened, saying where and what.
/// Why a plan's file could not be chosen, read or written, and what to do: the end of a
/// sentence that names the file (`file_not_saved`), or a sentence of its own.
pub fn file_failure(failure: crate::storage::link::FileFailure, lang: Lang) -> &'static str {
    use crate::storage::link::FileFailure::*;
    match (failure, lang) {
        (Unavailable, Lang::Fr) => "ce navigateur ne sait pas lier un plan à un fichier (Firefox, Safari)\u{a0}: téléchargez une copie, ou ouvrez Jalon dans Chrome ou Edge pour l'enregistrer dans un fichier",
        (Unavailable, Lang::En) => "this browser cannot link a plan to a file (Firefox, Safari): download a copy, or open Jalon in Chrome or Edge to save it to a file",
        (Denied, Lang::Fr) => "la permission d'écrire dans ce fichier a été retirée\u{a0}: cliquez sur «\u{a0}Autoriser l'écriture\u{a0}»",
        (Denied, Lang::En) => "the permission to write this file was withdrawn: click “Allow writing”",
        (Forbidden, Lang::Fr) => "le navigateur refuse d'écrire dans ce dossier (un dossier système, ou un dossier Documents redirigé sur le réseau) ou la politique de votre organisation l'interdit\u{a0}: choisissez un autre dossier, ou téléchargez une copie",
        (Forbidden, Lang::En) => "the browser refuses to write in this folder (a system folder, or a Documents folder redirected to the network) or your organisation's policy forbids it: choose another folder, or download a copy",
        (Gone, Lang::Fr) => "le fichier a été déplacé ou supprimé\u{a0}: enregistrez le plan ailleurs",
        (Gone, Lang::En) => "the file was moved or deleted: save the plan elsewhere",
        (Locked, Lang::Fr) => "le fichier est ouvert dans un autre programme, ou il a changé pendant l'écriture",
        (Locked, Lang::En) => "the file is open in another program, or it changed during the write",
        (Full, Lang::Fr) => "le disque est plein",
        (Full, Lang::En) => "the disk is full",
        (Cancelled | Other, Lang::Fr) => "le navigateur a refusé l'écriture",
        (Cancelled | Other, Lang::En) => "the browser refused the write",
    }
}

/// `file_failure` as a sentence of its own, for the page's notice.
pub fn file_failure_sentence(failure: crate::storage::link::FileFailure, lang: Lang) -> String {
    let said = file_failure(failure, lang);
    let mut chars = said.chars();
    let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// What a plan's file holds instead of the plan, in a few words.
pub fn not_this_plan(why: &crate::storage::link::NotThisPlan, lang: Lang) -> String {
    use crate::storage::link::NotThisPlan::*;
    match (why, lang) {
        (NotAPlan(_), Lang::Fr) => "ce n'est plus un plan Jalon".into(),
        (NotAPlan(_), Lang::En) => "it is no longer a Jalon plan".into(),
        (OtherPlan { title }, Lang::Fr) => format!("il contient le plan «\u{a0}{title}\u{a0}»"),
        (OtherPlan { title }, Lang::En) => format!("it holds the plan “{title}”"),
        (Newer, Lang::Fr) => "une version plus récente de Jalon l'a écrit".into(),
        (Newer, Lang::En) => "a newer version of Jalon wrote it".into(),
    }
}

pub fn load_error(error: &LoadError, lang: Lang) -> String {
    match (error, lang) {
        (LoadError::Empty, Lang::Fr) => "Le fichier est vide.".into(),
        (LoadError::Empty, Lang::En) => "The file is empty.".into(),
        (LoadError::Blank { bytes }, Lang::Fr) => format!(
            "Le fichier ne contient que des espaces et des sauts de ligne ({}), aucun plan. Vérifiez qu'il s'agit bien d'un plan exporté de Jalon et qu'il a été copié en entier.",
            file_size(*bytes, lang)
        ),
        (LoadError::Blank { bytes }, Lang::En) => format!(
            "The file holds only spaces and line breaks ({}), no plan. Check that it is a plan exported from Jalon and that it was copied whole.",
            file_size(*bytes, lang)
        ),
        (LoadError::NotUtf8 { line, column, byte, windows_1252 }, Lang::Fr) => format!(
            "Ce fichier n'est pas enregistré en UTF-8{NBSP}: l'octet 0x{byte:02X} à la ligne {line}, colonne {column}, n'est pas un caractère UTF-8.{} Enregistrez-le de nouveau en UTF-8, puis ouvrez-le ici{NBSP}: dans le Bloc-notes, Fichier › Enregistrer sous, Encodage{NBSP}: UTF-8{NBSP}; dans Notepad++, Encodage › Convertir en UTF-8, puis Fichier › Enregistrer.",
            if *windows_1252 { " Il semble enregistré en Windows-1252 («\u{a0}ANSI\u{a0}»), l'encodage par défaut de certains logiciels Windows." } else { "" }
        ),
        (LoadError::NotUtf8 { line, column, byte, windows_1252 }, Lang::En) => format!(
            "This file is not saved in UTF-8: byte 0x{byte:02X} at line {line}, column {column}, is not a UTF-8 character.{} Save it again in UTF-8, then open it here: in Notepad, File › Save as, Encoding: UTF-8; in Notepad++, Encoding › Convert to UTF-8, then File › Save.",
            if *windows_1252 { " It seems saved in Windows-1252 (“ANSI”), the default encoding of some Windows software." } else { "" }
        ),
        (LoadError::NotText(kind), Lang::Fr) => format!(
            "Ce fichier n'est pas un plan Jalon{NBSP}: c'est {}, pas du texte. Un plan est un fichier .json que Jalon enregistre (bouton «{NBSP}Exporter le plan (.json){NBSP}»).",
            not_text(*kind, lang)
        ),
        (LoadError::NotText(kind), Lang::En) => format!(
            "This file is not a Jalon plan: it is {}, not text. A plan is a .json file that Jalon saves (button “Export the plan (.json)”).",
            not_text(*kind, lang)
        ),
        (LoadError::Damaged, Lang::Fr) => "Les données compactées de ce plan sont abîmées\u{a0}: elles ne se décompressent plus.".into(),
        (LoadError::Damaged, Lang::En) => "This plan's compacted data is damaged: it no longer unpacks.".into(),
        (LoadError::TooLarge { bytes }, Lang::Fr) => format!(
            "Ce fichier pèse {} Mo\u{a0}: c'est plus que les {} Mo qu'un plan peut occuper. Vérifiez qu'il s'agit bien d'un plan exporté de Jalon.",
            number(*bytes as f64 / 1_048_576.0, 1, lang), crate::format::MAX_FILE_BYTES / 1_048_576
        ),
        (LoadError::TooLarge { bytes }, Lang::En) => format!(
            "This file weighs {} MB: more than the {} MB a plan can take. Check that it is a plan exported from Jalon.",
            number(*bytes as f64 / 1_048_576.0, 1, lang), crate::format::MAX_FILE_BYTES / 1_048_576
        ),
        (LoadError::NotJson { line, column, problem }, Lang::Fr) => format!(
            "Ce fichier n'est pas un fichier JSON lisible\u{a0}: la lecture s'arrête à la ligne {line}, colonne {column}{NBSP}: {}.",
            json_problem(*problem, lang)
        ),
        (LoadError::NotJson { line, column, problem }, Lang::En) => format!(
            "This file is not readable JSON: reading stops at line {line}, column {column}: {}.",
            json_problem(*problem, lang)
        ),
        (LoadError::NotFinite { line, column }, Lang::Fr) => format!(
            "Un nombre est trop grand pour être conservé, à la ligne {line}, colonne {column}."
        ),
        (LoadError::NotFinite { line, column }, Lang::En) => {
            format!("A number is too large to hold, at line {line}, column {column}.")
        }
        (LoadError::NotAPlan, Lang::Fr) => {
            "Ce fichier JSON n'est pas un plan Jalon (il n'indique pas « \"format\": \"jalon-plan\" »).".into()
        }
        (LoadError::NotAPlan, Lang::En) => {
            "This JSON file is not a Jalon plan (it does not say \"format\": \"jalon-plan\").".into()
        }
        (LoadError::NewerVersion { found, supported }, Lang::Fr) => format!(
            "Ce plan a été enregistré par une version plus récente de Jalon (format {found})\u{a0}; cette page lit jusqu'au format {supported}. Ouvrez-le avec la version la plus récente de Jalon."
        ),
        (LoadError::NewerVersion { found, supported }, Lang::En) => format!(
            "This plan was saved by a newer version of Jalon (format {found}); this page reads up to format {supported}. Open it with the newest Jalon."
        ),
        (LoadError::DuplicateId { id, path }, Lang::Fr) => {
            format!("À « {path} »\u{a0}: l'identifiant « {id} » est déjà utilisé par un autre élément du plan.")
        }
        (LoadError::DuplicateId { id, path }, Lang::En) => {
            format!("At \"{path}\": the id \"{id}\" is already used by another part of the plan.")
        }
        (LoadError::Field { path, problem }, lang) => field_problem(path, problem, lang),
    }
}

fn field_problem(path: &str, problem: &FieldProblem, lang: Lang) -> String {
    match (problem, lang) {
        (FieldProblem::Missing, Lang::Fr) => format!("À « {path} »\u{a0}: ce champ obligatoire est absent."),
        (FieldProblem::Missing, Lang::En) => format!("At \"{path}\": this required field is missing."),
        (FieldProblem::Unknown, Lang::Fr) => {
            format!("À « {path} »\u{a0}: ce champ n'existe pas dans un plan Jalon.")
        }
        (FieldProblem::Unknown, Lang::En) => format!("At \"{path}\": no such field in a Jalon plan."),
        (FieldProblem::WrongType, Lang::Fr) => {
            format!("À « {path} »\u{a0}: la valeur n'est pas du type attendu.")
        }
        (FieldProblem::WrongType, Lang::En) => {
            format!("At \"{path}\": the value is not of the expected type.")
        }
        (FieldProblem::UnknownValue(value), Lang::Fr) => {
            format!("À « {path} »\u{a0}: la valeur « {value} » n'est pas permise ici.")
        }
        (FieldProblem::UnknownValue(value), Lang::En) => {
            format!("At \"{path}\": the value \"{value}\" is not allowed here.")
        }
        (FieldProblem::BadDate(text), Lang::Fr) if text.is_empty() => {
            format!("À « {path} »\u{a0}: cette valeur n'est pas une date valide (attendu AAAA-MM-JJ).")
        }
        (FieldProblem::BadDate(text), Lang::En) if text.is_empty() => {
            format!("At \"{path}\": this value is not a valid date (expected YYYY-MM-DD).")
        }
        (FieldProblem::BadDate(text), Lang::Fr) => {
            format!("À « {path} »\u{a0}: « {text} » n'est pas une date (attendu AAAA-MM-JJ, AAAA-MM ou AAAA).")
        }
        (FieldProblem::BadDate(text), Lang::En) => {
            format!("At \"{path}\": \"{text}\" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY).")
        }
        (FieldProblem::BadDays(text), Lang::Fr) => {
            format!("À « {path} »\u{a0}: {text} n'est pas un nombre de jours (un nombre positif, par demi-journées).")
        }
        (FieldProblem::BadDays(text), Lang::En) => {
            format!("At \"{path}\": {text} is not a number of days (a positive number, in half days).")
        }
        (FieldProblem::Duplicate, Lang::Fr) => format!("À « {path} »\u{a0}: ce champ est écrit deux fois."),
        (FieldProblem::Duplicate, Lang::En) => format!("At \"{path}\": this field is written twice."),
        (FieldProblem::NotFinite, Lang::Fr) => {
            format!("À « {path} »\u{a0}: ce nombre est trop grand pour être conservé.")
        }
        (FieldProblem::NotFinite, Lang::En) => format!("At \"{path}\": this number is too large to hold."),
        (FieldProblem::OutOfRange { value, min, max }, Lang::Fr) => format!(
            "À « {path} »{NBSP}: le nombre {} sort des limites permises ici, de {} à {}.",
            integer(value, lang),
            integer(&min.to_string(), lang),
            integer(&max.to_string(), lang)
        ),
        (FieldProblem::OutOfRange { value, min, max }, Lang::En) => format!(
            "At \"{path}\": the number {} is outside what this field allows, {} to {}.",
            integer(value, lang),
            integer(&min.to_string(), lang),
            integer(&max.to_string(), lang)
        ),
        // serde's own words are English: the French sentence goes without them.
        (FieldProblem::Invalid(_), Lang::Fr) => {
            format!("À « {path} »{NBSP}: cette valeur ne peut pas être lue à cet endroit d'un plan Jalon.")
        }
        (FieldProblem::Invalid(detail), Lang::En) => format!("At \"{path}\": value refused ({detail})."),
    }
}

/// What the JSON reader met where it stopped, as a clause.
fn json_problem(problem: JsonProblem, lang: Lang) -> &'static str {
    use JsonProblem::*;
    match (problem, lang) {
        (UnexpectedEnd, Lang::Fr) => "le texte s'arrête avant la fin d'une liste, d'un objet ou d'un texte entre guillemets (le fichier est peut-être incomplet)",
        (UnexpectedEnd, Lang::En) => "the text ends before the end of a list, an object or a quoted text (the file may be incomplete)",
        (ExpectedColon, Lang::Fr) => "un deux-points («\u{a0}:\u{a0}») est attendu après le nom d'un champ",
        (ExpectedColon, Lang::En) => "a colon (“:”) should follow a field's name",
        (ExpectedCommaOrListEnd, Lang::Fr) => "une virgule ou un crochet fermant («\u{a0}]\u{a0}») est attendu",
        (ExpectedCommaOrListEnd, Lang::En) => "a comma or a closing bracket (“]”) should come here",
        (ExpectedCommaOrObjectEnd, Lang::Fr) => "une virgule ou une accolade fermante («\u{a0}}\u{a0}») est attendue",
        (ExpectedCommaOrObjectEnd, Lang::En) => "a comma or a closing brace (“}”) should come here",
        (ExpectedLiteral, Lang::Fr) => "mot inconnu\u{a0}: seuls true, false et null s'écrivent sans guillemets",
        (ExpectedLiteral, Lang::En) => "unknown word: only true, false and null are written without quotes",
        (ExpectedValue, Lang::Fr) => "une valeur est attendue (un texte entre guillemets, un nombre, true, false, null, une liste ou un objet)",
        (ExpectedValue, Lang::En) => "a value should come here (a quoted text, a number, true, false, null, a list or an object)",
        (ExpectedQuote, Lang::Fr) => "un nom de champ entre guillemets droits (\") est attendu",
        (ExpectedQuote, Lang::En) => "a field name in straight double quotes (\") should come here",
        (InvalidEscape, Lang::Fr) => "séquence d'échappement invalide\u{a0}: la barre oblique inverse (\\) n'est suivie ni de \", \\, /, b, f, n, r, t ni de u",
        (InvalidEscape, Lang::En) => "bad escape sequence: the backslash (\\) is followed by none of \", \\, /, b, f, n, r, t or u",
        (InvalidNumber, Lang::Fr) => "nombre mal écrit",
        (InvalidNumber, Lang::En) => "badly written number",
        (UnicodeEscape, Lang::Fr) => "séquence d'échappement \\u invalide (demi-caractère UTF-16 isolé ou incomplet)",
        (UnicodeEscape, Lang::En) => "bad \\u escape sequence (half of a UTF-16 pair alone or cut short)",
        (ControlCharacter, Lang::Fr) => "caractère de contrôle (tabulation, saut de ligne…) dans un texte entre guillemets\u{a0}; il doit s'écrire \\t, \\n…",
        (ControlCharacter, Lang::En) => "a control character (tab, line break…) inside a quoted text; it must be written \\t, \\n…",
        (KeyNotString, Lang::Fr) => "le nom d'un champ doit être entre guillemets",
        (KeyNotString, Lang::En) => "a field's name must be in quotes",
        (TrailingComma, Lang::Fr) => "virgule en trop avant la fin d'une liste ou d'un objet",
        (TrailingComma, Lang::En) => "an extra comma before the end of a list or an object",
        (TrailingCharacters, Lang::Fr) => "du texte suit la fin du plan",
        (TrailingCharacters, Lang::En) => "text follows the end of the plan",
        (TooDeep, Lang::Fr) => "listes ou objets imbriqués trop profondément",
        (TooDeep, Lang::En) => "lists or objects nested too deeply",
        (Other, Lang::Fr) => "texte illisible à cet endroit",
        (Other, Lang::En) => "unreadable text here",
    }
}

/// A file's size for a message: `12 octets`, `3,5 Ko`, `100 Mo` / `12 bytes`, `3.5 KB`.
fn file_size(bytes: u64, lang: Lang) -> String {
    const KIB: f64 = 1024.0;
    let (amount, unit) = match (bytes, lang) {
        (0..=1, Lang::Fr) => return format!("{bytes}{NBSP}octet"),
        (0..1024, Lang::Fr) => return format!("{bytes}{NBSP}octets"),
        (1, Lang::En) => return "1 byte".into(),
        (0..1024, Lang::En) => return format!("{bytes} bytes"),
        (0..1_048_576, Lang::Fr) => (bytes as f64 / KIB, "Ko"),
        (0..1_048_576, Lang::En) => (bytes as f64 / KIB, "KB"),
        (_, Lang::Fr) => (bytes as f64 / KIB / KIB, "Mo"),
        (_, Lang::En) => (bytes as f64 / KIB / KIB, "MB"),
    };
    match lang {
        Lang::Fr => format!("{}{NBSP}{unit}", number(amount, 1, lang)),
        Lang::En => format!("{} {unit}", number(amount, 1, lang)),
    }
}

/// A whole number as written in a file, its digits grouped (`18 446 744 073 709 551 615`);
/// anything else (`1.5e+19`) as written.
fn integer(text: &str, lang: Lang) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let separator = match lang {
        Lang::Fr => NBSP,
        Lang::En => ',',
    };
    format!("{sign}{}", group_digits(digits, separator))
}

/// A finding of the checks, in a sentence that says what is wrong and what was found.
/// Levels and elements are named in the plan's own words (« orientation », « axe »…):
/// the French sentences put them where no article or adjective has to agree with them
/// (after « les », quoted after « niveau », or as a label), since a `Noun` has no gender.
pub fn finding(plan: &Plan, finding: &Finding, lang: Lang) -> String {
    use Finding::*;
    // « objectifs SMART »: the plan's word for its objectives, inside a sentence.
    let objectives = || lower_first(&objective_noun(plan, lang).plural);
    let n = |v: f64| number(v, 2, lang);
    let seg = |s: &str| -> String {
        match (s.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Fr) => format!(" (groupe « {s} »)"),
            (false, Lang::En) => format!(" (group \"{s}\")"),
        }
    };
    match finding {
        LevelMismatch { element, level } => level_mismatch(plan, element, *level, lang),
        ObjectiveLevelMissing { level, .. } => {
            let levels = levels_held(plan, lang);
            match lang { Lang::Fr => {
                format!("Le niveau des objectifs ({}) n'existe pas{NBSP}: {levels}.", level + 1)
            } Lang::En => {
                format!("The objective level ({}) does not exist: {levels}.", level + 1)
            } }
        }
        MissingReference { reference, missing, .. } => missing_reference(*reference, missing, &objectives(), lang),
        ParentCycle { elements } => {
            let mut chain: Vec<String> = elements.iter().map(|e| e.to_string()).collect();
            chain.extend(elements.first().map(|e| e.to_string()));
            let chain = chain.join(" → ");
            match lang { Lang::Fr => {
                format!("Ces éléments sont parents les uns des autres en boucle ({chain})\u{a0}: ni eux ni ce qui est en dessous n'apparaissent dans l'arbre.")
            } Lang::En => {
                format!("These elements are each other's parents in a loop ({chain}): neither they nor anything below them appears in the tree.")
            } }
        }
        NotAnObjective { element, .. } => {
            let target = subject(plan, &Subject::Element(element.clone()), lang);
            match lang { Lang::Fr => {
                format!("Le lien vise {target}, qui n'est pas au niveau des {}.", objectives())
            } Lang::En => {
                format!("The link points to {target}, which is not at the level of the {}.", objectives())
            } }
        }
        DuplicateCode { subject: this, code, other } => {
            let other = subject(plan, other, lang);
            // The checks name the automatic code first: the plan never typed it.
            let automatic = matches!(this, Subject::Element(e) if plan.element(e).is_some_and(|e| e.code.is_none()));
            match (automatic, lang) {
                (true, Lang::Fr) => format!("Le code « {code} », donné par la numérotation automatique, est aussi celui de {other}, tapé dans le plan{NBSP}: donnez-lui son propre code, ou aucun s'il s'agit d'une section."),
                (true, Lang::En) => format!("The code \"{code}\", given by the automatic numbering, is also that of {other}, typed in the plan: give it its own code, or none if it is a section."),
                (false, Lang::Fr) => format!("Le code « {code} » est aussi celui de {other}."),
                (false, Lang::En) => format!("The code \"{code}\" is also that of {other}."),
            }
        }
        CheckpointOutsidePeriod { date, .. } => {
            let period = period(plan, lang);
            match lang { Lang::Fr => {
                format!("Ce bilan, daté du {}, tombe hors de la période du plan ({period}).", day(*date, lang))
            } Lang::En => {
                format!("This checkpoint, dated {}, falls outside the plan's period ({period}).", day(*date, lang))
            } }
        }
        ObjectiveWithoutActionOrIndicator { .. } => {
            let actions = lower_first(&plan.action_name.plural);
            match lang { Lang::Fr => {
                format!("Ni {actions} ni indicateur n'y sont rattachés.")
            } Lang::En => {
                format!("Neither {actions} nor indicators are linked to it.")
            } }
        }
        DeadlineAfterPlanEnd { deadline, end, .. } => {
            match lang { Lang::Fr => {
                format!("L'échéance ({}) tombe après la fin du plan ({}).", plan_date(*deadline, lang), day(*end, lang))
            } Lang::En => {
                format!(
                    "The deadline ({}) falls after the end of the plan ({}).",
                    plan_date(*deadline, lang),
                    day(*end, lang)
                )
            } }
        }
        PeriodReversed { start, end } => {
            match lang { Lang::Fr => {
                format!("La période du plan finit ({}) avant de commencer ({}).", day(*end, lang), day(*start, lang))
            } Lang::En => {
                format!("The plan's period ends ({}) before it starts ({}).", day(*end, lang), day(*start, lang))
            } }
        }
        NoSegment { .. } => {
            match lang { Lang::Fr => {
                "Cet indicateur n'a aucune série de valeurs (aucun groupe).".into()
            } Lang::En => {
                "This indicator has no series of values (no group).".into()
            } }
        }
        PercentageTargetOutOfRange { segment, target, .. } => {
            match lang { Lang::Fr => {
                format!(
                    "La cible {}{} d'un indicateur en pourcentage sort de l'intervalle 0 à 100\u{a0}%.",
                    n(*target),
                    seg(segment)
                )
            } Lang::En => {
                format!("The target {}{} of a percentage indicator is outside 0 to 100%.", n(*target), seg(segment))
            } }
        }
        PercentageValueOutOfRange { segment, value, .. } => {
            match lang { Lang::Fr => {
                format!(
                    "La valeur {}{} d'un indicateur en pourcentage sort de l'intervalle 0 à 100\u{a0}%.",
                    n(*value),
                    seg(segment)
                )
            } Lang::En => {
                format!("The value {}{} of a percentage indicator is outside 0 to 100%.", n(*value), seg(segment))
            } }
        }
        TargetWrongSide { segment, direction, baseline, target, .. } => {
            let (want_fr, want_en) = match direction {
                Direction::Increase => ("augmenter", "increase"),
                Direction::Decrease => ("diminuer", "decrease"),
                Direction::Maintain => ("maintenir", "maintain"),
            };
            match lang { Lang::Fr => {
                format!("La cible {}{} est du mauvais côté de la situation de départ ({}) pour un indicateur qui doit {want_fr}.", n(*target), seg(segment), n(*baseline))
            } Lang::En => {
                format!(
                    "The target {}{} is on the wrong side of the baseline ({}) for an indicator meant to {want_en}.",
                    n(*target),
                    seg(segment),
                    n(*baseline)
                )
            } }
        }
        TargetEqualsBaseline { segment, baseline, .. } => {
            match lang { Lang::Fr => {
                format!(
                    "La cible{} est égale à la situation de départ ({})\u{a0}: aucun progrès n'est attendu.",
                    seg(segment),
                    n(*baseline)
                )
            } Lang::En => {
                format!("The target{} equals the baseline ({}): no progress is expected.", seg(segment), n(*baseline))
            } }
        }
        RelativeTargetWithoutBaseline { segment, .. } => {
            match lang { Lang::Fr => {
                format!("La cible{} est relative à la situation de départ, mais celle-ci manque.", seg(segment))
            } Lang::En => {
                format!("The target{} is relative to the baseline, which is missing.", seg(segment))
            } }
        }
        ValueDoesNotFitKind { segment, .. } => {
            match lang { Lang::Fr => {
                format!("Une valeur{} ne correspond pas au type de l'indicateur.", seg(segment))
            } Lang::En => {
                format!("A value{} does not fit the indicator's kind.", seg(segment))
            } }
        }
        RatioWithoutWhole { .. } => {
            match lang { Lang::Fr => {
                "Cet indicateur « x sur y » n'indique pas le total (y).".into()
            } Lang::En => {
                "This \"x of y\" indicator does not give the whole (y).".into()
            } }
        }
        TargetBeforeBaseline { segment, .. } => {
            match lang { Lang::Fr => {
                format!("Une cible{} est datée avant la situation de départ.", seg(segment))
            } Lang::En => {
                format!("A target{} is dated before the baseline.", seg(segment))
            } }
        }
        ActionWithoutResponsible { .. } => {
            match lang { Lang::Fr => {
                "Aucun responsable n'est indiqué.".into()
            } Lang::En => {
                "No one is named responsible.".into()
            } }
        }
        PlanWithoutResponsible => {
            let actions = lower_first(&plan.action_name.plural);
            match lang { Lang::Fr => {
                format!("Ce plan n'indique aucun responsable pour ses {actions}.")
            } Lang::En => {
                format!("This plan names no one responsible for its {actions}.")
            } }
        }
        ActionWithoutTargetGroup { .. } => {
            let actions = lower_first(&plan.action_name.plural);
            match lang { Lang::Fr => {
                format!("Aucun groupe cible n'est indiqué, alors que la plupart des {actions} du plan en ont un.")
            } Lang::En => {
                format!("No target group is given, while most of the plan's {actions} have one.")
            } }
        }
        SectionWithoutTargetGroup { actions: count, .. } => {
            // The subject before it names the part in the plan's own level word.
            let actions = lower_first(&plan.action_name.plural);
            match lang { Lang::Fr => {
                format!("Aucun groupe cible n'est indiqué pour les {count} {actions} qui en relèvent, alors que la plupart des autres {actions} du plan en ont un.")
            } Lang::En => {
                format!("None of the {count} {actions} under it gives a target group, while most of the plan's other {actions} have one.")
            } }
        }
        MeasurementTooOld { segment, measured, as_of, .. } => {
            match lang { Lang::Fr => {
                format!(
                    "La dernière mesure{} date {}\u{a0}: trop ancienne pour le bilan du {}, elle compte comme non mesurée.",
                    seg(segment),
                    of_date(*measured),
                    day(*as_of, lang)
                )
            } Lang::En => {
                format!(
                    "The latest measurement{} dates from {}: too old for the checkpoint of {}, it counts as not measured.",
                    seg(segment),
                    plan_date(*measured, lang),
                    day(*as_of, lang)
                )
            } }
        }
        DoneBelowFull { checkpoint, percent, .. } => {
            let at = subject(plan, &Subject::Checkpoint(checkpoint.clone()), lang);
            match lang { Lang::Fr => {
                format!("État «\u{a0}Réalisé\u{a0}» à {percent}\u{a0}% ({at})\u{a0}: l'un des deux est à revoir.")
            } Lang::En => {
                format!("Status \"Done\" at {percent}% ({at}): one of the two needs a second look.")
            } }
        }
        ActionOverdue { end, checkpoint, status, .. } => {
            let at = subject(plan, &Subject::Checkpoint(checkpoint.clone()), lang);
            let end = plan_date(*end, lang);
            match (status, lang) {
                (Some(status), Lang::Fr) => format!(
                    "Sa fin était prévue pour {end}, mais son état est «\u{a0}{}\u{a0}» ({at}).",
                    action_status(*status, lang)
                ),
                (Some(status), Lang::En) => {
                    format!(
                        "Its end was planned for {end}, but its status is \"{}\" ({at}).",
                        action_status(*status, lang)
                    )
                }
                (None, Lang::Fr) => format!("Sa fin était prévue pour {end}, mais aucun état n'est rapporté ({at})."),
                (None, Lang::En) => format!("Its end was planned for {end}, but no status is reported ({at})."),
            }
        }
        ScheduleOutsidePeriod { field, written, .. } => schedule_outside(plan, *field, written, lang),
        ActionWithoutObjective { .. } => {
            // The subject before it names the action in the plan's own word
            // (« Activité « … » »): the sentence needs none, nor its gender.
            match lang { Lang::Fr => {
                format!("Aucun lien vers les {} du plan.", objectives())
            } Lang::En => {
                format!("No link to the plan's {}.", objectives())
            } }
        }
        ProgressPercentOutOfRange { percent, .. } => {
            match lang { Lang::Fr => {
                format!("L'avancement indiqué ({percent}\u{a0}%) dépasse 100\u{a0}%.")
            } Lang::En => {
                format!("The progress stated ({percent}%) is above 100%.")
            } }
        }
        StatedTotalMismatch { total, stated, computed, .. } => {
            let what = total_name(*total, lang);
            match lang { Lang::Fr => {
                format!(
                    "{what} indiqué ({}) diffère de la somme des lignes ({})\u{a0}: écart de {}.",
                    money(*stated, lang),
                    money(*computed, lang),
                    money(*stated - *computed, lang)
                )
            } Lang::En => {
                format!(
                    "{what} stated ({}) differs from the sum of the lines ({}): a difference of {}.",
                    money(*stated, lang),
                    money(*computed, lang),
                    money(*stated - *computed, lang)
                )
            } }
        }
        StaffAmountMismatch { index, stated, computed, .. } => {
            match lang { Lang::Fr => {
                format!("La contribution en personnel n°\u{a0}{} est indiquée à {}, alors que participants × jours × taux donne {}.", index + 1, money(*stated, lang), money(*computed, lang))
            } Lang::En => {
                format!(
                    "Staff contribution no. {} is stated as {}, while participants × days × rate gives {}.",
                    index + 1,
                    money(*stated, lang),
                    money(*computed, lang)
                )
            } }
        }
        AllocationSumMismatch { stated, amount, .. } => {
            match lang { Lang::Fr => {
                format!(
                    "Les parts indiquées totalisent {} pour un montant à répartir de {}\u{a0}: écart de {}.",
                    money(*stated, lang),
                    money(*amount, lang),
                    money(*stated - *amount, lang)
                )
            } Lang::En => {
                format!(
                    "The stated parts add up to {} for an amount to allocate of {}: a difference of {}.",
                    money(*stated, lang),
                    money(*amount, lang),
                    money(*stated - *amount, lang)
                )
            } }
        }
        AllocationWithoutWeight { .. } => {
            match lang { Lang::Fr => {
                "La clé de répartition ne donne de poids à aucune organisation\u{a0}: le montant ne peut pas être réparti."
                    .into()
            } Lang::En => {
                "The allocation key gives no weight to any organisation: the amount cannot be split.".into()
            } }
        }
        NegativeAmount { amount, .. } => {
            match lang { Lang::Fr => {
                format!("Le montant est négatif ({}).", money(*amount, lang))
            } Lang::En => {
                format!("The amount is negative ({}).", money(*amount, lang))
            } }
        }
    }
}

/// Why an element's level does not fit: a level the plan lacks, or one that does not
/// follow its parent's (or, at the top, is not the first), each named as the plan does.
fn level_mismatch(plan: &Plan, element: &Id, level: usize, lang: Lang) -> String {
    let named = |level: usize| match (plan.level_name(level), lang) {
        (Some(noun), Lang::Fr) => format!("«{NBSP}{}{NBSP}»", noun.singular),
        (Some(noun), Lang::En) => format!("\"{}\"", noun.singular),
        (None, Lang::Fr) => format!("niveau {}", level + 1),
        (None, Lang::En) => format!("level {}", level + 1),
    };
    if plan.level_name(level).is_none() {
        let levels = levels_held(plan, lang);
        return match lang {
            Lang::Fr => {
                format!("Son niveau ({}) n'existe pas{NBSP}: {levels}.", level + 1)
            }
            Lang::En => {
                format!("Its level ({}) does not exist: {levels}.", level + 1)
            }
        };
    }
    let parent = plan.element(element).and_then(|e| e.parent.as_ref());
    match (parent, lang) {
        (None, Lang::Fr) => format!("Son niveau, {}, n'est pas celui du haut de l'arbre, {}.", named(level), named(0)),
        (None, Lang::En) => format!("Its level, {}, is not the top of the tree's, {}.", named(level), named(0)),
        (Some(parent), _) => {
            let parents = match plan.element(parent) {
                Some(p) => named(p.level),
                None if lang == Lang::Fr => format!("«{NBSP}{parent}{NBSP}»"),
                None => format!("\"{parent}\""),
            };
            match lang {
                Lang::Fr => {
                    format!("Son niveau, {}, ne suit pas celui de son parent, {parents}.", named(level))
                }
                Lang::En => {
                    format!("Its level, {}, does not follow its parent's, {parents}.", named(level))
                }
            }
        }
    }
}

/// « le plan en compte 3 (Enjeu, Orientation, Objectif) »: the levels a plan has.
fn levels_held(plan: &Plan, lang: Lang) -> String {
    let names: Vec<&str> = plan.levels.iter().map(|l| l.name.singular.as_str()).collect();
    match (names.len(), lang) {
        (0, Lang::Fr) => "le plan n'en compte aucun".into(),
        (0, Lang::En) => "the plan has none".into(),
        (n, Lang::Fr) => format!("le plan en compte {n} ({})", names.join(", ")),
        (n, Lang::En) => format!("the plan has {n} ({})", names.join(", ")),
    }
}

/// A reference that points nowhere, in a sentence; `objectives` is the plan's word for
/// its objectives, inside a sentence.
fn missing_reference(reference: Reference, missing: &Id, objectives: &str, lang: Lang) -> String {
    let what = match (reference, lang) {
        (Reference::IndicatorObjective | Reference::ActionObjective, Lang::Fr) => {
            return format!("Le lien vers les {objectives} vise « {missing} », qui n'existe pas dans le plan.")
        }
        (Reference::IndicatorObjective | Reference::ActionObjective, Lang::En) => {
            return format!(
                "The link to the plan's {objectives} points to \"{missing}\", which does not exist in the plan."
            )
        }
        (Reference::Funds, Lang::Fr) => {
            return format!(
                "Cette ligne finance «{NBSP}{missing}{NBSP}», qui n'est plus dans le plan{NBSP}: choisissez ce qu'elle finance, ou «{NBSP}{}{NBSP}».",
                crate::words::table::FR.funds_nothing
            )
        }
        (Reference::Funds, Lang::En) => {
            return format!(
                "This line funds \"{missing}\", which is no longer in the plan: choose what it funds, or \"{}\".",
                crate::words::table::EN.funds_nothing
            )
        }
        (Reference::Parent, Lang::Fr) => "Son parent",
        (Reference::Parent, Lang::En) => "Its parent",
        (Reference::ProgressCheckpoint, Lang::Fr) => "Le bilan",
        (Reference::ProgressCheckpoint, Lang::En) => "The checkpoint",
        (Reference::ExpenseCategory, Lang::Fr) => "La catégorie de dépenses",
        (Reference::ExpenseCategory, Lang::En) => "The expense category",
        (Reference::StaffRate, Lang::Fr) => "Le taux du personnel",
        (Reference::StaffRate, Lang::En) => "The staff rate",
        (Reference::ShareOrganisation, Lang::Fr) => "L'organisation",
        (Reference::ShareOrganisation, Lang::En) => "The organisation",
    };
    match lang {
        Lang::Fr => format!("{what} « {missing} » n'existe pas dans le plan."),
        Lang::En => format!("{what} \"{missing}\" does not exist in the plan."),
    }
}

/// « 1er juillet 2024 au 30 juin 2027 »: the plan's period.
fn period(plan: &Plan, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{} au {}", day(plan.period.start, lang), day(plan.period.end, lang)),
        Lang::En => format!("{} to {}", day(plan.period.start, lang), day(plan.period.end, lang)),
    }
}

/// A year, step or date of a schedule outside the plan's period, as written.
fn schedule_outside(plan: &Plan, field: ScheduleField, written: &str, lang: Lang) -> String {
    let what = match (field, lang) {
        (ScheduleField::Year, Lang::Fr) => format!("L'année «{NBSP}{written}{NBSP}» de l'échéancier"),
        (ScheduleField::Year, Lang::En) => format!("The schedule's year \"{written}\""),
        (ScheduleField::Step, Lang::Fr) => format!("L'étape prévue en «{NBSP}{written}{NBSP}»"),
        (ScheduleField::Step, Lang::En) => format!("The step planned for \"{written}\""),
        (ScheduleField::Start, Lang::Fr) => format!("Le début prévu ({})", shown_date(written, lang)),
        (ScheduleField::Start, Lang::En) => format!("The planned start ({})", shown_date(written, lang)),
        (ScheduleField::End, Lang::Fr) => format!("La fin prévue ({})", shown_date(written, lang)),
        (ScheduleField::End, Lang::En) => format!("The planned end ({})", shown_date(written, lang)),
    };
    let years = plan.years();
    match lang {
        Lang::Fr => format!(
            "{what} tombe hors de la période du plan ({}, {years}{NBSP}an{}).",
            period(plan, lang),
            if years > 1 { "s" } else { "" }
        ),
        Lang::En => format!(
            "{what} falls outside the plan's period ({}, {years} year{}).",
            period(plan, lang),
            if years == 1 { "" } else { "s" }
        ),
    }
}

/// « du 10 décembre 2024 », « de juin 2024 »: a date after the verb « dater ».
fn of_date(date: PlanDate) -> String {
    match date {
        PlanDate::Day(_) => format!("du {}", plan_date(date, Lang::Fr)),
        _ => format!("de {}", plan_date(date, Lang::Fr)),
    }
}

fn shown_date(written: &str, lang: Lang) -> String {
    PlanDate::parse(written).map_or_else(|| written.to_owned(), |d| plan_date(d, lang))
}

fn total_name(total: Total, lang: Lang) -> &'static str {
    match (total, lang) {
        (Total::Revenues, Lang::Fr) => "Le total des revenus",
        (Total::Revenues, Lang::En) => "The revenue total",
        (Total::Expenses, Lang::Fr) => "Le total des dépenses",
        (Total::Expenses, Lang::En) => "The expense total",
        (Total::Staff, Lang::Fr) => "Le total des contributions en personnel",
        (Total::Staff, Lang::En) => "The staff contribution total",
        (Total::Balance, Lang::Fr) => "Le solde",
        (Total::Balance, Lang::En) => "The balance",
        (Total::Line, Lang::Fr) => "Le total de la ligne",
        (Total::Line, Lang::En) => "The line total",
        (Total::Spent, Lang::Fr) => "Le budget dépensé",
        (Total::Spent, Lang::En) => "The budget spent",
    }
}

/// What a finding is about, as a reader would name it, by code and path in the plan's
/// own level names: « Objectif 4 », « Enjeu 2 › Objectif 1.1.1 » when typed codes
/// start again under each enjeu, « Objectif 3.2 › indicateur « … » », « Objectif 3.2 ›
/// moyen 3.2.1 « … » »; an element without a code by its title alone.
pub fn subject(plan: &Plan, subject: &Subject, lang: Lang) -> String {
    SubjectNames::new(plan).name(plan, subject, lang)
}

/// `subject` for many subjects of one plan: the plan's codes, and which codes more
/// than one element of a level shows, are worked out once.
#[derive(Debug, PartialEq)]
pub struct SubjectNames {
    apart: crate::model::plan::CodesApart,
}

impl SubjectNames {
    /// The names of `plan`'s subjects; `name` must be given the same plan.
    pub fn new(plan: &Plan) -> SubjectNames {
        SubjectNames { apart: crate::model::plan::CodesApart::new(plan) }
    }

    /// What `subject` is, named as `subject` names it.
    pub fn name(&self, plan: &Plan, subject: &Subject, lang: Lang) -> String {
        let quoted = |kind: &str, title: &str| match lang {
            Lang::Fr => format!("{kind} « {title} »"),
            Lang::En => format!("{kind} \"{title}\""),
        };
        let missing = |id: &Id| id.to_string();
        // What stands under an objective, after the objective's path.
        let under = |objective: &Id, named: String| format!("{} › {named}", self.element_path(plan, objective, lang));
        match subject {
            Subject::Plan => match lang {
                Lang::Fr => "Plan".into(),
                Lang::En => "Plan".into(),
            },
            Subject::Budget => "Budget".into(),
            Subject::Element(id) => self.element_path(plan, id, lang),
            Subject::Indicator(id) => match plan.indicators.iter().find(|i| &i.id == id) {
                Some(i) => {
                    let word = if lang == Lang::Fr { "Indicateur" } else { "Indicator" };
                    match plan.element(&i.objective) {
                        Some(_) => under(&i.objective, quoted(&word.to_lowercase(), &i.label)),
                        None => quoted(word, &i.label),
                    }
                }
                None => missing(id),
            },
            Subject::Action(id) => match plan.actions.iter().find(|a| &a.id == id) {
                Some(a) => {
                    let code = a.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
                    let named = |noun: String| match code {
                        Some(code) => quoted(&format!("{noun} {code}"), &a.title),
                        None => quoted(&noun, &a.title),
                    };
                    match a.objectives.first().filter(|o| plan.element(o).is_some()) {
                        Some(objective) => under(objective, named(lower_first(&plan.action_name.singular))),
                        None => named(plan.action_name.singular.clone()),
                    }
                }
                None => missing(id),
            },
            Subject::Checkpoint(id) | Subject::Rate(id) | Subject::Revenue(id) | Subject::Category(id) => {
                label_or_id(own_label(plan, subject), id)
            }
            // A line by its category: « Budget › Projets › ligne « Formation » ».
            Subject::Expense(id) => match plan.budget.expenses.iter().find(|r| &r.id == id) {
                Some(line) => {
                    let category = plan.budget.categories.iter().find(|c| c.id == line.category);
                    let category = label_or_id(category.map(|c| c.label.as_str()), &line.category);
                    format!(
                        "Budget › {category} › {}",
                        quoted(if lang == Lang::Fr { "ligne" } else { "line" }, &line.label)
                    )
                }
                None => missing(id),
            },
            Subject::Allocation(id) => label_or_id(own_label(plan, subject), id),
        }
    }

    /// An element by its level's name and its code (« Objectif 1.2 »), by its title when it
    /// has no code; when another element of its level shows the same code (typed codes that
    /// start again under each enjeu), after its top ancestor (« Enjeu 2 › Objectif 1.1.1 »).
    /// Two elements that would still read alike (siblings showing one code) are each
    /// followed by their title: « Enjeu 1 « Coordination » ».
    fn element_path(&self, plan: &Plan, id: &Id, lang: Lang) -> String {
        let Some(element) = plan.element(id) else { return id.to_string() };
        let named = |e: &crate::model::element::Element| {
            let named = self.apart.name(plan, e);
            match (self.apart.alike(e), lang) {
                (false, _) => named,
                (true, Lang::Fr) => format!("{named} « {} »", e.title),
                (true, Lang::En) => format!("{named} \"{}\"", e.title),
            }
        };
        match self.apart.top_beside(plan, element) {
            Some(top) => format!("{} › {}", named(top), named(element)),
            None => named(element),
        }
    }
}

/// Whatever holds `id` in `plan`, named as `subject` names it: an organisation or a
/// segment by its own name, anything else by its subject; « another new entry of the
/// same change » when the plan holds no such id.
pub fn id_holder(plan: &Plan, id: &Id, lang: Lang) -> String {
    use crate::model::id_holders::IdHolder as H;
    let Some(holder) = crate::model::id_holders::holder_of(plan, id) else {
        return match lang {
            Lang::Fr => "par une autre entrée du même changement".into(),
            Lang::En => "by another entry of the same change".into(),
        };
    };
    let id = id.clone();
    let named = match holder {
        H::Organisation => {
            let name = plan.organisations.iter().find(|o| o.id == id).map_or("", |o| o.name.as_str());
            match lang {
                Lang::Fr => format!("organisation « {name} »"),
                Lang::En => format!("organisation \"{name}\""),
            }
        }
        H::Segment => {
            let indicator = plan.indicators.iter().find(|i| i.segments.iter().any(|s| s.id == id));
            let label = indicator.and_then(|i| i.segments.iter().find(|s| s.id == id)).map_or("", |s| &s.label);
            let within = indicator.map(|i| subject(plan, &Subject::Indicator(i.id.clone()), lang)).unwrap_or_default();
            match lang {
                Lang::Fr => format!("{within} › segment « {label} »"),
                Lang::En => format!("{within} › segment \"{label}\""),
            }
        }
        H::Checkpoint => subject(plan, &Subject::Checkpoint(id), lang),
        H::Element => subject(plan, &Subject::Element(id), lang),
        H::Indicator => subject(plan, &Subject::Indicator(id), lang),
        H::Action => subject(plan, &Subject::Action(id), lang),
        H::Rate => subject(plan, &Subject::Rate(id), lang),
        H::Revenue => subject(plan, &Subject::Revenue(id), lang),
        H::Category => subject(plan, &Subject::Category(id), lang),
        H::Expense => subject(plan, &Subject::Expense(id), lang),
        H::Allocation => subject(plan, &Subject::Allocation(id), lang),
    };
    match lang {
        Lang::Fr => format!("par {named}"),
        Lang::En => format!("by {named}"),
    }
}

fn label_or_id(label: Option<&str>, id: &Id) -> String {
    label.map_or_else(|| id.to_string(), str::to_owned)
}

/// The label of a subject named by a label of its own (an indicator, a checkpoint, an
/// entry of the budget), if `plan` holds it.
fn own_label<'a>(plan: &'a Plan, subject: &Subject) -> Option<&'a str> {
    let budget = &plan.budget;
    let label = match subject {
        Subject::Indicator(id) => plan.indicators.iter().find(|i| &i.id == id).map(|i| &i.label),
        Subject::Checkpoint(id) => plan.checkpoints.iter().find(|c| &c.id == id).map(|c| &c.label),
        Subject::Rate(id) => budget.rates.iter().find(|r| &r.id == id).map(|r| &r.label),
        Subject::Revenue(id) => budget.revenues.iter().find(|r| &r.id == id).map(|r| &r.label),
        Subject::Category(id) => budget.categories.iter().find(|c| &c.id == id).map(|c| &c.label),
        Subject::Expense(id) => budget.expenses.iter().find(|e| &e.id == id).map(|e| &e.label),
        Subject::Allocation(id) => budget.allocations.iter().find(|a| &a.id == id).map(|a| &a.label),
        Subject::Plan | Subject::Element(_) | Subject::Action(_) | Subject::Budget => None,
    };
    label.map(String::as_str)
}

/// What an undo or redo step changed, short enough for a button: « titre du plan »,
/// « état d'avancement — Moyen 1.2 », « cible — Indicateur « Taux de réussite » ». The
/// entity is named with the plan's own nouns and codes, from the first of `plans` that
/// holds it (a deleted entity is only in the version before its deletion).
pub fn act(act: &crate::edit::history::Act, plans: &[&Plan], lang: Lang) -> String {
    use crate::edit::history::What;
    let what = match (act.what, lang) {
        (What::Title, Lang::Fr) => "titre",
        (What::Title, Lang::En) => "title",
        (What::Progress, Lang::Fr) => "état d'avancement",
        (What::Progress, Lang::En) => "progress",
        (What::Responsible, Lang::Fr) => "responsable",
        (What::Responsible, Lang::En) => "responsible",
        (What::Details, Lang::Fr) => "modification",
        (What::Details, Lang::En) => "changes",
        (What::Added, Lang::Fr) => "ajout",
        (What::Added, Lang::En) => "addition",
        (What::Deleted, Lang::Fr) => "suppression",
        (What::Deleted, Lang::En) => "deletion",
        (What::Moved, Lang::Fr) => "déplacement",
        (What::Moved, Lang::En) => "move",
        (What::Reordered, Lang::Fr) => "ordre",
        (What::Reordered, Lang::En) => "order",
        (What::Baseline, Lang::Fr) => "situation de départ",
        (What::Baseline, Lang::En) => "baseline",
        (What::Target, Lang::Fr) => "cible",
        (What::Target, Lang::En) => "target",
        (What::Measurement, Lang::Fr) => "mesure",
        (What::Measurement, Lang::En) => "measurement",
        (What::Segment, Lang::Fr) => "segment",
        (What::Segment, Lang::En) => "segment",
        (What::Share, Lang::Fr) => "part",
        (What::Share, Lang::En) => "share",
        (What::StaffContribution, Lang::Fr) => "contribution en personnel",
        (What::StaffContribution, Lang::En) => "staff contribution",
        (What::Columns, Lang::Fr) => "colonnes affichées",
        (What::Columns, Lang::En) => "shown columns",
        (What::LevelNames, Lang::Fr) => "noms des niveaux",
        (What::LevelNames, Lang::En) => "level names",
        (What::Organisations, Lang::Fr) => "organisations",
        (What::Organisations, Lang::En) => "organisations",
        (What::Period, Lang::Fr) => "période",
        (What::Period, Lang::En) => "period",
        (What::TargetGroups, Lang::Fr) => "groupes visés",
        (What::TargetGroups, Lang::En) => "target groups",
        (What::Sent, Lang::Fr) => "envoi d'une partie",
        (What::Sent, Lang::En) => "part sent",
        (What::Merged, Lang::Fr) => "fusion d'un retour",
        (What::Merged, Lang::En) => "return merged",
        (What::Imported, Lang::Fr) => "importation d'un tableau",
        (What::Imported, Lang::En) => "table imported",
        (What::Thresholds, Lang::Fr) => "seuils des statuts",
        (What::Thresholds, Lang::En) => "status thresholds",
        (What::RollUp, Lang::Fr) => "règle de cumul",
        (What::RollUp, Lang::En) => "roll-up rule",
        (What::Numbering, Lang::Fr) => "numérotation",
        (What::Numbering, Lang::En) => "numbering",
        (What::MeasurementMonths, Lang::Fr) => "durée d'une mesure",
        (What::MeasurementMonths, Lang::En) => "how long a measurement counts",
        (What::Closed, Lang::Fr) => "fermeture",
        (What::Closed, Lang::En) => "closing",
        (What::Reopened, Lang::Fr) => "réouverture",
        (What::Reopened, Lang::En) => "reopening",
    };
    let quoted = |noun: &str, name: Option<&str>| match name {
        Some(name) if lang == Lang::Fr => format!("{noun} « {} »", shortened(name)),
        Some(name) => format!("{noun} \"{}\"", shortened(name)),
        None => noun.to_owned(),
    };
    let labelled = || plans.iter().find_map(|plan| own_label(plan, &act.of));
    let pick = |fr, en| match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    let entity = match &act.of {
        Subject::Plan => {
            return match (act.what, lang) {
                (What::Title, Lang::Fr) => "titre du plan".into(),
                (What::Title, Lang::En) => "plan title".into(),
                _ => what.into(),
            }
        }
        Subject::Element(id) => match plans.iter().find_map(|plan| plan.element(id).map(|e| (plan, e))) {
            Some((plan, element)) => {
                let level = plan.level_name(element.level).map_or("", |n| n.singular.as_str());
                format!("{level} {}", plan.code_of(id))
            }
            None => id.to_string(),
        },
        Subject::Action(id) => {
            match plans.iter().find_map(|plan| plan.actions.iter().find(|a| &a.id == id).map(|a| (plan, a))) {
                Some((plan, action)) => match &action.code {
                    Some(code) => format!("{} {code}", plan.action_name.singular),
                    None => quoted(&plan.action_name.singular, Some(&action.title)),
                },
                None => id.to_string(),
            }
        }
        Subject::Indicator(_) => quoted(pick("Indicateur", "Indicator"), labelled()),
        Subject::Checkpoint(_) => quoted(pick("Suivi", "Checkpoint"), labelled()),
        Subject::Rate(_) => quoted(pick("Taux", "Rate"), labelled()),
        Subject::Revenue(_) => quoted(pick("Revenus", "Revenue"), labelled()),
        Subject::Category(_) => quoted(pick("Catégorie", "Category"), labelled()),
        Subject::Expense(_) => quoted(pick("Dépense", "Expense"), labelled()),
        Subject::Allocation(_) => quoted(pick("Répartition", "Allocation"), labelled()),
        Subject::Budget => "Budget".into(),
    };
    format!("{what} — {entity}")
}

/// A user's title cut to a few words, for a button.
fn shortened(text: &str) -> String {
    const MAX: usize = 32;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// One difference between two versions of a plan: « Objectif 1.2 : modifié ». The
/// entity is named from the version that holds it.
pub fn difference(from: &Plan, to: &Plan, difference: &crate::calc::compare::Difference, lang: Lang) -> String {
    use crate::calc::compare::Change;
    let holder = if difference.change == Change::Removed { from } else { to };
    let what = match (difference.change, lang) {
        (Change::Added, Lang::Fr) => "ajouté",
        (Change::Removed, Lang::Fr) => "retiré",
        (Change::Changed, Lang::Fr) => "modifié",
        (Change::Added, Lang::En) => "added",
        (Change::Removed, Lang::En) => "removed",
        (Change::Changed, Lang::En) => "changed",
    };
    let colon = if lang == Lang::Fr { "\u{a0}:" } else { ":" };
    format!("{}{colon} {what}", subject(holder, &difference.subject, lang))
}

/// « 3 codes en double », « 1 moyen sans responsable »: a group of findings' heading,
/// its count with the words of its kind, by each language's plural (French counts 0
/// and 1 in the singular, English only 1).
pub fn group_heading(plan: &Plan, group: &Group, lang: Lang) -> String {
    kind_count(plan, group.kind, group.count(), lang)
}

/// A count of findings of one kind, as `group_heading` writes it.
pub fn kind_count(plan: &Plan, kind: Kind, count: usize, lang: Lang) -> String {
    let (singular, plurals) = kind_words(plan, kind, lang);
    format!("{count} {}", if lang.plural(count) { plurals } else { singular })
}

/// The words after the count of a kind of finding, singular and plural; those about
/// actions use the plan's own word for them.
fn kind_words(plan: &Plan, kind: Kind, lang: Lang) -> (String, String) {
    let actions = |fr_rest: &str, en_rest: &str| {
        let rest = match lang {
            Lang::Fr => fr_rest,
            Lang::En => en_rest,
        };
        let (one, many) = (lower_first(&plan.action_name.singular), lower_first(&plan.action_name.plural));
        (format!("{one} {rest}"), format!("{many} {rest}"))
    };
    let pair = |fr_pair: (&str, &str), en_pair: (&str, &str)| {
        let (one, many) = match lang {
            Lang::Fr => fr_pair,
            Lang::En => en_pair,
        };
        (one.to_owned(), many.to_owned())
    };
    let objective = objective_noun(plan, lang);
    match kind {
        Kind::LevelMismatch => pair(
            ("élément hors de son niveau", "éléments hors de leur niveau"),
            ("element off its level", "elements off their level"),
        ),
        Kind::ObjectiveLevelMissing => pair(
            ("niveau des objectifs absent", "niveaux des objectifs absents"),
            ("missing objective level", "missing objective levels"),
        ),
        Kind::MissingReference => pair(("lien vers rien", "liens vers rien"), ("link to nothing", "links to nothing")),
        Kind::ParentCycle => pair(("boucle de parents", "boucles de parents"), ("parent loop", "parent loops")),
        Kind::NotAnObjective => pair(
            ("lien hors du niveau des objectifs", "liens hors du niveau des objectifs"),
            ("link off the objective level", "links off the objective level"),
        ),
        Kind::DuplicateCode => pair(("code en double", "codes en double"), ("duplicate code", "duplicate codes")),
        Kind::DeadlineAfterPlanEnd => pair(
            ("échéance après la fin du plan", "échéances après la fin du plan"),
            ("deadline after the plan's end", "deadlines after the plan's end"),
        ),
        Kind::PeriodReversed => {
            pair(("période inversée", "périodes inversées"), ("reversed period", "reversed periods"))
        }
        Kind::CheckpointOutsidePeriod => pair(
            ("bilan hors de la période", "bilans hors de la période"),
            ("checkpoint outside the period", "checkpoints outside the period"),
        ),
        Kind::ObjectiveWithoutActionOrIndicator => {
            let (one, many) = (lower_first(&objective.singular), lower_first(&objective.plural));
            let action = lower_first(&plan.action_name.singular);
            let rest = match lang {
                Lang::Fr => {
                    format!("sans {action} ni indicateur")
                }
                Lang::En => {
                    format!("with no {action} nor indicator")
                }
            };
            (format!("{one} {rest}"), format!("{many} {rest}"))
        }
        Kind::NoSegment => pair(
            ("indicateur sans groupe", "indicateurs sans groupe"),
            ("indicator without a group", "indicators without a group"),
        ),
        Kind::PercentageTargetOutOfRange => pair(
            ("cible hors de 0 à 100\u{a0}%", "cibles hors de 0 à 100\u{a0}%"),
            ("target outside 0 to 100%", "targets outside 0 to 100%"),
        ),
        Kind::PercentageValueOutOfRange => pair(
            ("valeur hors de 0 à 100\u{a0}%", "valeurs hors de 0 à 100\u{a0}%"),
            ("value outside 0 to 100%", "values outside 0 to 100%"),
        ),
        Kind::TargetWrongSide => pair(
            ("cible du mauvais côté", "cibles du mauvais côté"),
            ("target on the wrong side", "targets on the wrong side"),
        ),
        Kind::TargetEqualsBaseline => pair(
            ("cible égale au départ", "cibles égales au départ"),
            ("target equal to the baseline", "targets equal to the baseline"),
        ),
        Kind::RelativeTargetWithoutBaseline => pair(
            ("cible relative sans départ", "cibles relatives sans départ"),
            ("relative target without a baseline", "relative targets without a baseline"),
        ),
        Kind::ValueDoesNotFitKind => pair(
            ("valeur d'un autre type", "valeurs d'un autre type"),
            ("value of another kind", "values of another kind"),
        ),
        Kind::RatioWithoutWhole => {
            pair(("ratio sans total", "ratios sans total"), ("ratio without a whole", "ratios without a whole"))
        }
        Kind::TargetBeforeBaseline => pair(
            ("cible datée avant le départ", "cibles datées avant le départ"),
            ("target dated before the baseline", "targets dated before the baseline"),
        ),
        Kind::MeasurementTooOld => {
            pair(("mesure trop ancienne", "mesures trop anciennes"), ("measurement too old", "measurements too old"))
        }
        Kind::ActionWithoutResponsible => actions("sans responsable", "without anyone responsible"),
        Kind::PlanWithoutResponsible => pair(
            ("plan sans aucun responsable", "plans sans aucun responsable"),
            ("plan with no one responsible", "plans with no one responsible"),
        ),
        Kind::ActionWithoutTargetGroup => actions("sans groupe cible", "without a target group"),
        Kind::SectionWithoutTargetGroup => pair(
            ("partie du plan sans groupe cible", "parties du plan sans groupe cible"),
            ("part of the plan without target groups", "parts of the plan without target groups"),
        ),
        Kind::ActionWithoutObjective => {
            let objective = lower_first(&objective.singular);
            match lang {
                Lang::Fr => actions(&format!("sans {objective}"), ""),
                Lang::En => actions("", &format!("without any {objective}")),
            }
        }
        Kind::ProgressPercentOutOfRange => pair(
            ("avancement au-delà de 100\u{a0}%", "avancements au-delà de 100\u{a0}%"),
            ("progress above 100%", "progress figures above 100%"),
        ),
        Kind::DoneBelowFull => pair(
            ("état «\u{a0}Réalisé\u{a0}» sous 100\u{a0}%", "états «\u{a0}Réalisé\u{a0}» sous 100\u{a0}%"),
            ("\"Done\" status below 100%", "\"Done\" statuses below 100%"),
        ),
        Kind::ActionOverdue => {
            let (one, many) = actions("", "");
            let (one, many) = (one.trim_end().to_owned(), many.trim_end().to_owned());
            match lang {
                Lang::Fr => {
                    (format!("{one} en retard sur son échéancier"), format!("{many} en retard sur leur échéancier"))
                }
                Lang::En => (format!("{one} past its planned end"), format!("{many} past their planned end")),
            }
        }
        Kind::ScheduleOutsidePeriod => pair(
            ("échéancier hors de la période", "échéanciers hors de la période"),
            ("schedule entry outside the period", "schedule entries outside the period"),
        ),
        Kind::StatedTotalMismatch => pair(
            ("total qui diffère de ses lignes", "totaux qui diffèrent de leurs lignes"),
            ("total that differs from its lines", "totals that differ from their lines"),
        ),
        Kind::StaffAmountMismatch => pair(
            ("contribution en personnel mal calculée", "contributions en personnel mal calculées"),
            ("miscalculated staff contribution", "miscalculated staff contributions"),
        ),
        Kind::AllocationSumMismatch => pair(
            ("répartition dont les parts ne font pas le montant", "répartitions dont les parts ne font pas le montant"),
            ("allocation whose parts miss the amount", "allocations whose parts miss the amount"),
        ),
        Kind::AllocationWithoutWeight => pair(
            ("répartition sans poids", "répartitions sans poids"),
            ("allocation without weights", "allocations without weights"),
        ),
        Kind::NegativeAmount => pair(("montant négatif", "montants négatifs"), ("negative amount", "negative amounts")),
    }
}

/// A segment's status as of a date; a measurement too old to count is said for what it
/// is, with its month (« Mesure trop ancienne : juin 2024 »), not as nothing measured.
pub fn segment_status(progress: &crate::calc::status::SegmentProgress, lang: Lang) -> String {
    match (progress.status, &progress.too_old) {
        (Status::NotMeasured, Some(old)) => too_old(old.date, lang),
        (other, _) => status(other, lang).to_owned(),
    }
}

/// An indicator's status as of a date: « Mesure trop ancienne » when it is not measured
/// only because a segment's measurement is too old to count.
pub fn indicator_status(progress: &crate::calc::status::IndicatorProgress, lang: Lang) -> String {
    let old = progress.segments.iter().find_map(|s| s.too_old.as_ref());
    match (progress.status, old) {
        (Status::NotMeasured, Some(old)) => too_old(old.date, lang),
        (other, _) => status(other, lang).to_owned(),
    }
}

/// The plan's rule of how long a measurement counts (`status::Window`), said where a
/// measurement is set aside by it.
pub fn measurement_rule(plan: &Plan, lang: Lang) -> String {
    let months = |n: u16| match lang {
        Lang::Fr => {
            format!("une mesure compte pendant {n}{NBSP}mois après sa date")
        }
        Lang::En => {
            format!("a measurement counts for {n} months after its date")
        }
    };
    let rule = match plan.settings.measurement_months {
        Some(n) => months(n),
        None if plan.checkpoints.len() < 2 && lang == Lang::Fr => {
            format!("{} tant que le plan a moins de deux bilans", months(12))
        }
        None if plan.checkpoints.len() < 2 => format!("{} while the plan has fewer than two checkpoints", months(12)),
        None if lang == Lang::Fr => "une mesure compte si elle date du bilan précédent ou d'après".into(),
        None => "a measurement counts if it dates from the previous checkpoint or later".into(),
    };
    match lang {
        Lang::Fr => {
            format!("Règle du plan{NBSP}: {rule}.")
        }
        Lang::En => {
            format!("The plan's rule: {rule}.")
        }
    }
}

/// « Mesure trop ancienne : juin 2024 »: the month of a measurement that no longer
/// counts (`status::Window`).
pub fn too_old(date: PlanDate, lang: Lang) -> String {
    let month = match date {
        PlanDate::Day(d) => PlanDate::Month { year: d.year(), month: d.month() },
        other => other,
    };
    match lang {
        Lang::Fr => format!("Mesure trop ancienne{NBSP}: {}", plan_date(month, lang)),
        Lang::En => format!("Measurement too old: {}", plan_date(month, lang)),
    }
}

/// « 76,9 % (juin 2024) »: a measured value with the date it was taken, in any
/// language.
pub fn value_dated(value: &str, date: PlanDate, lang: Lang) -> String {
    format!("{value} ({})", plan_date(date, lang))
}

/// The plan's word for its objectives (« Objectif SMART », « Objectif »), or the
/// documents' own in `lang` when the plan's objective level has no name.
pub fn objective_noun(plan: &Plan, lang: Lang) -> Noun {
    plan.level_name(plan.objective_level).cloned().unwrap_or_else(|| match lang {
        Lang::Fr => Noun::new("Objectif", "Objectifs"),
        Lang::En => Noun::new("Objective", "Objectives"),
    })
}

/// « En bonne voie : 3 · En retard : 2 »: the non-zero counts of a roll-up, each after
/// its label so that no adjective has to agree with the plan's word.
pub fn status_counts(summary: &crate::calc::rollup::Summary, lang: Lang) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .filter(|s| summary.count(**s) > 0)
        .map(|s| labelled(status(*s, lang), summary.count(*s), lang))
        .collect();
    if parts.is_empty() {
        none(lang).into()
    } else {
        parts.join(" · ")
    }
}

/// « En cours : 3 · Réalisé : 1 · Non rapporté : 1 »: the non-zero counts of actions.
pub fn action_counts(counts: &crate::calc::rollup::ActionCounts, lang: Lang) -> String {
    let mut parts: Vec<String> = ActionStatus::ALL
        .iter()
        .filter(|s| counts.count(**s) > 0)
        .map(|s| labelled(action_status(*s, lang), counts.count(*s), lang))
        .collect();
    if counts.not_reported > 0 {
        let word = match lang {
            Lang::Fr => "Non rapporté",
            Lang::En => "Not reported",
        };
        parts.push(labelled(word, counts.not_reported, lang));
    }
    if parts.is_empty() {
        none(lang).into()
    } else {
        parts.join(" · ")
    }
}

fn labelled(label: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label}\u{a0}: {count}"),
        Lang::En => format!("{label}: {count}"),
    }
}

fn none(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "aucun",
        Lang::En => "none",
    }
}

/// What a plan file holds, line by line: title, organisations, period, format, counts.
pub fn summary_lines(plan: &Plan, summary: &crate::calc::summary::Summary, version: u64, lang: Lang) -> Vec<String> {
    let organisations: Vec<String> = plan
        .organisations
        .iter()
        .map(|o| if o.code.is_empty() { o.name.clone() } else { format!("{} ({})", o.name, o.code) })
        .collect();
    let mut contents: Vec<String> = plan
        .levels
        .iter()
        .zip(&summary.elements_per_level)
        .map(|(level, count)| count_of(*count, &level.name, lang))
        .collect();
    contents.push(count_of(summary.actions, &plan.action_name, lang));
    let (indicators, checkpoints) = match lang {
        Lang::Fr => (("indicateur", "indicateurs"), ("bilan", "bilans")),
        Lang::En => (("indicator", "indicators"), ("checkpoint", "checkpoints")),
    };
    let noun = |(s, p): (&str, &str)| crate::model::level::Noun::new(s, p);
    contents.push(count_of(summary.indicators, &noun(indicators), lang));
    contents.push(count_of(summary.checkpoints, &noun(checkpoints), lang));
    // French puts a no-break space before the colon; English none.
    let field = |fr_word: &str, en_word: &str, value: String| match lang {
        Lang::Fr => format!("{fr_word}\u{a0}: {value}"),
        Lang::En => format!("{en_word}: {value}"),
    };
    let period = match lang {
        Lang::Fr => format!("{} au {}", day(plan.period.start, lang), day(plan.period.end, lang)),
        Lang::En => format!("{} to {}", day(plan.period.start, lang), day(plan.period.end, lang)),
    };
    vec![
        plan.title.clone(),
        field("Organisations", "Organisations", organisations.join(", ")),
        field("Période", "Period", period),
        field("Contenu", "Contents", contents.join(", ")),
        field("Format", "Format", format!("jalon-plan, version {version}")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_budget_and_its_categories_are_subjects_of_findings_and_acts_alike() {
        use crate::edit::history::{Act, What};
        use crate::start::template::{new_plan, Template};
        let plan = new_plan(Template::Cooperative, Id::new("coop"), "Coopérative", ymd(2024, 7, 1), Lang::Fr);
        let category = &plan.budget.categories[0];
        assert_eq!(subject(&plan, &Subject::Category(category.id.clone()), Lang::Fr), category.label);
        let changed = Act::new(What::Details, Subject::Category(category.id.clone()));
        assert_eq!(act(&changed, &[&plan], Lang::Fr), format!("modification — Catégorie « {} »", category.label));
        assert_eq!(subject(&plan, &Subject::Budget, Lang::En), "Budget");
        assert_eq!(act(&Act::new(What::Details, Subject::Budget), &[&plan], Lang::En), "changes — Budget");
    }

    #[test]
    fn acts_are_named_with_the_plans_own_nouns_and_codes() {
        use crate::edit::history::{Act, What};
        let mut plan = crate::start::sample::sample_plan();
        plan.actions[0].code = Some("1.2".into());
        let action = plan.actions[0].clone();
        let code = "1.2";
        let status = Act::new(What::Progress, Subject::Action(action.id.clone()));
        assert_eq!(
            act(&status, &[&plan], Lang::Fr),
            format!("état d'avancement — {} {code}", plan.action_name.singular)
        );
        assert_eq!(act(&status, &[&plan], Lang::En), format!("progress — {} {code}", plan.action_name.singular));
        assert_eq!(act(&Act::typing(What::Title, Subject::Plan), &[&plan], Lang::Fr), "titre du plan");
        assert_eq!(act(&Act::typing(What::Title, Subject::Plan), &[&plan], Lang::En), "plan title");

        // A deleted action is named from the version before its deletion.
        let mut after = plan.clone();
        after.actions.retain(|a| a.id != action.id);
        let deleted = Act::new(What::Deleted, Subject::Action(action.id.clone()));
        assert_eq!(
            act(&deleted, &[&after, &plan], Lang::Fr),
            format!("suppression — {} {code}", plan.action_name.singular)
        );

        let objective = plan.objectives().next().unwrap();
        let level = &plan.level_name(objective.level).unwrap().singular;
        let moved = Act::new(What::Moved, Subject::Element(objective.id.clone()));
        assert_eq!(act(&moved, &[&plan], Lang::Fr), format!("déplacement — {level} {}", plan.code_of(&objective.id)));

        let mut long = plan.clone();
        long.indicators[0].label = "Taux de diplomation et de qualification après sept ans".into();
        let target = Act::new(What::Target, Subject::Indicator(long.indicators[0].id.clone()));
        assert_eq!(act(&target, &[&long], Lang::Fr), "cible — Indicateur « Taux de diplomation et de quali… »");
    }

    #[test]
    fn times_of_day() {
        let at = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(clock(at(14, 5), Lang::Fr), "14 h 05");
        assert_eq!(clock(at(0, 30), Lang::En), "12:30 a.m.");
        assert_eq!(clock(at(12, 0), Lang::En), "12:00 p.m.");
        assert_eq!(clock(at(9, 41), Lang::Fr), "9 h 41");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(79.7, Lang::Fr), "79,7\u{a0}%");
        assert_eq!(percent(79.7, Lang::En), "79.7%");
        assert_eq!(percent(80.0, Lang::Fr), "80\u{a0}%");
        assert_eq!(percent(62.04, Lang::Fr), "62\u{a0}%");
        assert_eq!(percent(1234.56, Lang::Fr), "1\u{a0}234,6\u{a0}%");
        assert_eq!(percent(-0.01, Lang::Fr), "0\u{a0}%");
    }

    #[test]
    fn money_to_the_cent() {
        assert_eq!(money(Cents(1_846_415), Lang::Fr), "18\u{a0}464,15\u{a0}$");
        assert_eq!(money(Cents(1_846_415), Lang::En), "$18,464.15");
        assert_eq!(money(Cents(34_380_001), Lang::Fr), "343\u{a0}800,01\u{a0}$");
        assert_eq!(money(Cents(-5), Lang::Fr), "-0,05\u{a0}$");
        assert_eq!(money(Cents(-70_000_000), Lang::En), "-$700,000.00");
        assert_eq!(money(Cents(0), Lang::Fr), "0,00\u{a0}$");
    }

    #[test]
    fn dates() {
        assert_eq!(day(ymd(2023, 12, 12), Lang::Fr), "12 décembre 2023");
        assert_eq!(day(ymd(2027, 6, 1), Lang::Fr), "1er juin 2027");
        assert_eq!(day(ymd(2023, 12, 12), Lang::En), "December 12, 2023");
        assert_eq!(plan_date(PlanDate::month(2027, 6).unwrap(), Lang::Fr), "juin 2027");
        assert_eq!(plan_date(PlanDate::month(2027, 6).unwrap(), Lang::En), "June 2027");
        assert_eq!(plan_date(PlanDate::year(2027).unwrap(), Lang::Fr), "2027");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(1_234_567.0, 2, Lang::Fr), "1\u{a0}234\u{a0}567");
        assert_eq!(number(1_234_567.126, 2, Lang::En), "1,234,567.13");
        assert_eq!(number(f64::NAN, 2, Lang::En), "—");
    }

    /// Issue 26, item 6: a title of a megabyte froze the library that listed it.
    #[test]
    fn a_list_shows_a_long_title_s_beginning_and_never_parts_a_letter_from_its_marks() {
        assert_eq!(super::listed("Plan 2023-2027"), "Plan 2023-2027");
        let whole = "T".repeat(super::LISTED_CHARS);
        assert_eq!(super::listed(&whole), whole.as_str(), "exactly the limit: whole");
        let huge = "T".repeat(1_000_000);
        assert_eq!(super::listed(&huge), format!("{whole}…"));
        let accented = format!("{}e\u{301}\u{301}suite", "e".repeat(super::LISTED_CHARS - 1));
        assert_eq!(super::listed(&accented), format!("{}e\u{301}\u{301}…", "e".repeat(super::LISTED_CHARS - 1)));
        let spaced = format!("{} suite", "mot ".repeat(100));
        assert!(super::listed(&spaced).ends_with("mot…"), "{}", super::listed(&spaced));
    }
}
