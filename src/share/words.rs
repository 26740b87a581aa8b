//! Sharing between partners in words: the fields and values of a merge, why a file is
//! not a return of the plan, where a part comes from, and what a return brought.

use crate::model::action::Step;
use crate::model::id::Id;
use crate::model::indicator::IndicatorKind;
use crate::model::plan::Plan;
use crate::model::subject::Subject;
use crate::share::merge::{Field, NoPlace, NotAReturn, Unplaced, Value};
use crate::share::{PartOf, Return};
use crate::words::lang::Lang;
use crate::words::numbers::{day, money, percent, plan_date};
use crate::words::text::{action_status, value as measured_value};
use chrono::NaiveDate;

fn checkpoint_label(plan: &Plan, id: &Id) -> String {
    plan.checkpoints.iter().find(|c| &c.id == id).map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// The name of a field of a merge: « Mise en œuvre », « État d'avancement (Bilan de
/// mi-année) », « Mesure du 12 décembre 2023 (Garçons) ».
pub fn field(plan: &Plan, subject: &Subject, field: &Field, lang: Lang) -> String {
    let at = |noun_fr: &str, noun_en: &str, checkpoint: &Id| {
        format!(
            "{} ({})",
            match lang {
                Lang::Fr => {
                    noun_fr
                }
                Lang::En => {
                    noun_en
                }
            },
            checkpoint_label(plan, checkpoint)
        )
    };
    let plain = |fr_text: &str, en_text: &str| match lang {
        Lang::Fr => fr_text.to_owned(),
        Lang::En => en_text.to_owned(),
    };
    match field {
        Field::Title => plain("Titre", "Title"),
        Field::Groups => plain("Groupes visés", "Target groups"),
        Field::Responsible => plain("Responsable", "Responsible"),
        Field::Partners => plain("Partenaires", "Partners"),
        Field::Implementation => plain("Mise en œuvre", "Implementation"),
        Field::Services => plain("Services concernés", "Services involved"),
        Field::Evaluation => plain("Évaluation", "Evaluation"),
        Field::ExpectedResults => plain("Résultats attendus", "Expected results"),
        Field::Schedule => plain("Échéancier", "Schedule"),
        Field::Steps => plain("Étapes par année", "Steps by year"),
        Field::BudgetPlanned => plain("Budget accordé", "Budget granted"),
        Field::BudgetSpent => plain("Budget dépensé", "Budget spent"),
        Field::Status(c) => at("État d'avancement", "Progress", c),
        Field::Percent(c) => at("Pourcentage de réalisation", "Percent done", c),
        Field::Narrative(c) => at("Commentaire", "Narrative", c),
        Field::Measurement { segment, date } => {
            let named = match subject {
                Subject::Indicator(id) => plan
                    .indicators
                    .iter()
                    .find(|i| &i.id == id)
                    .and_then(|i| i.segments.iter().find(|s| &s.id == segment))
                    .map(|s| s.label.clone())
                    .filter(|label| !label.is_empty()),
                _ => None,
            };
            let date = plan_date(*date, lang);
            match (named, lang) {
                (Some(segment), Lang::Fr) => format!("Mesure du {date} ({segment})"),
                (Some(segment), Lang::En) => format!("Measurement of {date} ({segment})"),
                (None, Lang::Fr) => format!("Mesure du {date}"),
                (None, Lang::En) => format!("Measurement of {date}"),
            }
        }
    }
}

/// A returned value with no place in the plan, said with what it is, what it holds and
/// why it cannot be put in: « Indicateur « … » › Mesure du 30 juin 2025 (Garçons) :
/// 82,0 % — ce segment n'est pas (ou plus) dans votre plan ; la valeur n'est pas reprise. »
pub fn unplaced(plan: &Plan, unplaced: &Unplaced, lang: Lang) -> String {
    let Unplaced { subject, field: what, theirs, why } = unplaced;
    // The segment is named as the return names it: the plan no longer does.
    let named = match (what, why) {
        (Field::Measurement { date, .. }, NoPlace::Segment { label }) if !label.is_empty() => match lang {
            Lang::Fr => format!("Mesure du {} ({label})", plan_date(*date, lang)),
            Lang::En => format!("Measurement of {} ({label})", plan_date(*date, lang)),
        },
        _ => field(plan, subject, what, lang),
    };
    let whole = crate::words::text::subject(plan, subject, lang);
    let shown = value(plan, subject, theirs, lang);
    match (why, lang) {
        (NoPlace::Segment { .. }, Lang::Fr) => format!(
            "{whole} › {named}\u{a0}: {shown} — ce segment n'est pas (ou plus) dans votre plan\u{a0}; la valeur n'est pas reprise."
        ),
        (NoPlace::Segment { .. }, Lang::En) => {
            format!("{whole} › {named}: {shown} — your plan has no such segment (any more); the value is not taken.")
        }
        (NoPlace::Checkpoint, Lang::Fr) => format!(
            "{whole} › {named}\u{a0}: {shown} — cette étape de suivi n'est pas (ou plus) dans votre plan\u{a0}; la valeur n'est pas reprise."
        ),
        (NoPlace::Checkpoint, Lang::En) => {
            format!("{whole} › {named}: {shown} — your plan has no such checkpoint (any more); the value is not taken.")
        }
    }
}

/// A proposed action whose id the plan gives another entity, and the id it goes in under.
pub fn renamed(plan: &Plan, from: &Id, to: &Id, lang: Lang) -> String {
    let holder = crate::words::text::id_holder(plan, from, lang);
    match lang {
        Lang::Fr => {
            format!(
                "L'identifiant « {from} » est déjà pris ({holder})\u{a0}: la proposition est reprise sous « {to} »."
            )
        }
        Lang::En => format!("The id “{from}” is already taken ({holder}): the proposal goes in as “{to}”."),
    }
}

/// A sent action the return holds under another id, found by its title or its code.
pub fn paired(plan: &Plan, returned: &Id, sent: &Id, lang: Lang) -> String {
    let named = crate::words::text::subject(plan, &Subject::Action(sent.clone()), lang);
    match lang {
        Lang::Fr => format!(
            "{named} est revenu sous un autre identifiant (« {returned} »)\u{a0}: reconnu à son titre ou à son code, ses changements sont comparés à ce qui a été envoyé."
        ),
        Lang::En => format!(
            "{named} came back under another id (“{returned}”): known by its title or code, its changes are compared with what was sent."
        ),
    }
}

/// A field's value as the coordinator reads it; « (vide) » when it holds nothing.
pub fn value(plan: &Plan, subject: &Subject, value: &Value, lang: Lang) -> String {
    if value.is_empty() {
        return match lang {
            Lang::Fr => "(vide)".into(),
            Lang::En => "(empty)".into(),
        };
    }
    match value {
        Value::Text(text) => text.clone(),
        Value::List(items) => items.join(" · "),
        Value::Schedule(schedule) => {
            let mut parts: Vec<String> = schedule.years.clone();
            parts.extend(schedule.start.map(|d| plan_date(d, lang)));
            parts.extend(schedule.end.map(|d| plan_date(d, lang)));
            if !schedule.text.is_empty() {
                parts.push(schedule.text.clone());
            }
            parts.join(" · ")
        }
        Value::Steps(steps) => Step::by_year(steps)
            .into_iter()
            .map(|(year, steps)| {
                let texts: Vec<&str> = steps.iter().map(|s| s.text.as_str()).collect();
                let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
                format!("{year}{colon}{}", texts.join(if lang == Lang::Fr { "\u{a0}; " } else { "; " }))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Money(amount) => amount.map(|c| money(c, lang)).unwrap_or_default(),
        Value::Status(status) => status.map(|s| action_status(s, lang).to_owned()).unwrap_or_default(),
        Value::Percent(p) => p.map(|p| percent(f64::from(p), lang)).unwrap_or_default(),
        Value::Measurement(measurement) => {
            let Some(measurement) = measurement else { return String::new() };
            // Written as its indicator's kind writes it; a number alone without one.
            let indicator = match subject {
                Subject::Indicator(id) => plan.indicators.iter().find(|i| &i.id == id),
                _ => None,
            };
            let (kind, out_of) = indicator.map_or((IndicatorKind::Count, None), |i| (i.kind, i.out_of));
            let shown = measured_value(&measurement.value, kind, out_of, lang);
            if measurement.note.is_empty() {
                shown
            } else {
                format!("{shown} — {}", measurement.note)
            }
        }
    }
}

/// Why a file is not a return of this plan, and what to do instead.
pub fn not_a_return(why: &NotAReturn, lang: Lang) -> String {
    match (why, lang) {
        (NotAReturn::WholePlan, Lang::Fr) => "Ce fichier est un plan entier, pas le retour d'une partie envoyée\u{a0}: ouvrez-le depuis l'écran Plans pour le consulter.".into(),
        (NotAReturn::WholePlan, Lang::En) => "This file is a whole plan, not the return of a part that was sent: open it from the Plans screen to read it.".into(),
        (NotAReturn::OtherPlan, Lang::Fr) => "Ce fichier est une partie d'un autre plan\u{a0}: il ne peut pas être fusionné dans celui-ci.".into(),
        (NotAReturn::OtherPlan, Lang::En) => "This file is a part of another plan: it cannot be merged into this one.".into(),
        (NotAReturn::UnknownSending, Lang::Fr) => "Ce fichier est une partie de ce plan, mais d'un envoi que ce plan n'a pas enregistré (envoyé depuis une autre copie du plan, peut-être)\u{a0}: il ne peut pas être fusionné.".into(),
        (NotAReturn::UnknownSending, Lang::En) => "This file is a part of this plan, but of a sending this plan did not record (sent from another copy of the plan, perhaps): it cannot be merged.".into(),
        (NotAReturn::AlreadyMerged { file, .. }, Lang::Fr) => format!("Ce retour a déjà été fusionné (fichier «\u{a0}{file}\u{a0}»)\u{a0}: rien n'a changé."),
        (NotAReturn::AlreadyMerged { file, .. }, Lang::En) => format!("This return was already merged (file “{file}”): nothing changed."),
    }
}

/// « Bilan de mi-année » du 12 décembre 2023: the checkpoint a part is filled in for.
fn checkpoint_of(plan: &Plan, part: &PartOf, lang: Lang) -> String {
    let checkpoint = plan.checkpoints.iter().find(|c| c.id == part.checkpoint);
    let label = checkpoint.map_or_else(|| part.checkpoint.to_string(), |c| c.label.clone());
    match (checkpoint, lang) {
        (Some(c), Lang::Fr) => format!("«\u{a0}{label}\u{a0}» du {}", day(c.date, lang)),
        (Some(c), Lang::En) => format!("“{label}” of {}", day(c.date, lang)),
        (None, Lang::Fr) => format!("«\u{a0}{label}\u{a0}»"),
        (None, Lang::En) => format!("“{label}”"),
    }
}

/// Where a part comes from, for its recipient and before it is opened: « Partie du plan
/// « … », envoyée par … le 29 novembre 2026 à Services éducatifs, pour le suivi « Bilan
/// de mi-année » du 12 décembre 2023. »
pub fn part_origin(plan: &Plan, part: &PartOf, sent: NaiveDate, lang: Lang) -> String {
    let checkpoint = checkpoint_of(plan, part, lang);
    let from = if part.from.is_empty() { "—" } else { part.from.as_str() };
    let (title, sent, to) = (&plan.title, day(sent, lang), &part.to);
    match lang {
        Lang::Fr => format!(
            "Partie du plan «\u{a0}{title}\u{a0}», envoyée par {from} le {sent} à {to}, pour le suivi {checkpoint}."
        ),
        Lang::En => {
            format!("Part of the plan “{title}”, sent by {from} on {sent} to {to}, for the checkpoint {checkpoint}.")
        }
    }
}

/// Whose part is open and until when, under its title on every screen: « Partie de
/// Services éducatifs, à remplir pour le suivi « Bilan de mi-année » du 12 décembre 2023 ».
pub fn part_holder(plan: &Plan, part: &PartOf, lang: Lang) -> String {
    let checkpoint = checkpoint_of(plan, part, lang);
    match lang {
        Lang::Fr => format!("Partie de {}, à remplir pour le suivi {checkpoint}", part.to),
        Lang::En => format!("Part for {}, to fill in for the checkpoint {checkpoint}", part.to),
    }
}

/// Whether this browser keeps the plan a part comes from, and its sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    /// Kept, with the sending the part answers: the part is a return, reviewed there.
    Records,
    /// Kept, without that sending (sent from another copy of the plan).
    WithoutSending,
    /// Not in this browser.
    Absent,
}

/// A part opened among the plans when it is no return of the open plan: the return of
/// `title`, a plan this browser keeps, to review there; or, after its `part_origin`,
/// why it cannot be merged here and what adding it does.
pub fn part_of_other_plan(part: &PartOf, title: &str, whole: Whole, sent: NaiveDate, lang: Lang) -> String {
    let (to, sent) = (&part.to, day(sent, lang));
    match (whole, lang) {
        (Whole::Records, Lang::Fr) => format!("Ce fichier est le retour de {to} pour le plan «\u{a0}{title}\u{a0}» (partie envoyée le {sent}), un plan de ce navigateur qui n'est pas ouvert\u{a0}: ouvrez ce plan pour examiner ce retour et le fusionner. Il n'est pas ajouté comme un nouveau plan."),
        (Whole::Records, Lang::En) => format!("This file is {to}'s return for the plan “{title}” (a part sent on {sent}), a plan of this browser that is not open: open that plan to review this return and merge it. It is not added as a new plan."),
        (Whole::WithoutSending, Lang::Fr) => format!("Ce navigateur garde le plan «\u{a0}{title}\u{a0}», mais pas cet envoi (fait depuis une autre copie du plan, peut-être)\u{a0}: ce fichier ne peut pas y être fusionné. Ajouté ici, il devient un plan à part, la partie de {to} à remplir."),
        (Whole::WithoutSending, Lang::En) => format!("This browser keeps the plan “{title}”, but not this sending (made from another copy of the plan, perhaps): this file cannot be merged into it. Added here, it becomes a plan of its own, {to}'s part to fill in."),
        (Whole::Absent, Lang::Fr) => format!("Le plan «\u{a0}{title}\u{a0}» n'est pas dans ce navigateur\u{a0}: ajouté ici, ce fichier devient un plan à part, la partie de {to} à remplir. Un retour se fusionne dans le navigateur qui garde le plan."),
        (Whole::Absent, Lang::En) => format!("The plan “{title}” is not in this browser: added here, this file becomes a plan of its own, {to}'s part to fill in. A return is merged in the browser that keeps the plan."),
    }
}

/// What a merged return brought: « 12 changements, dont 2 conflits ; 1 proposition
/// d'ajout, 1 acceptée ».
pub fn return_counts(plan: &Plan, record: &Return, lang: Lang) -> String {
    let noun = &plan.action_name;
    let changes = match (record.changes, lang) {
        (0 | 1, Lang::Fr) => format!("{} changement", record.changes),
        (n, Lang::Fr) => format!("{n}\u{a0}changements"),
        (1, Lang::En) => "1 change".to_owned(),
        (n, Lang::En) => format!("{n} changes"),
    };
    let conflicts = match (record.conflicts, lang) {
        (0, _) => String::new(),
        (1, Lang::Fr) => ", dont 1 conflit".into(),
        (n, Lang::Fr) => format!(", dont {n}\u{a0}conflits"),
        (1, Lang::En) => ", 1 of them a conflict".into(),
        (n, Lang::En) => format!(", {n} of them conflicts"),
    };
    let plural = |n: usize| if lang.plural(n) { "s" } else { "" };
    let proposed = match (record.proposed, lang) {
        (0, _) => String::new(),
        // « proposition d'ajout »: the plan's noun for its actions has no gender here.
        (n, Lang::Fr) => format!(
            "\u{a0}; {n}\u{a0}proposition{s} d'ajout, {} acceptée{}",
            record.accepted,
            plural(record.accepted),
            s = plural(n)
        ),
        (n, Lang::En) => format!(
            "; {n} new {} proposed, {} accepted",
            crate::words::numbers::lower_first(if lang.plural(n) { &noun.plural } else { &noun.singular }),
            record.accepted
        ),
    };
    format!("{changes}{conflicts}{proposed}")
}
