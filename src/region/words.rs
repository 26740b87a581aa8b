//! A region in words: what could not be aligned when its plans were made into one.

use crate::model::id::Id;
use crate::model::level::Noun;
use crate::model::plan::Plan;
use crate::region::export::Unaligned;
use crate::region::versions::Why;
use crate::region::view::list::Damage;
use crate::words::lang::Lang;
use crate::words::numbers::day;
use crate::words::numbers::number;
use crate::words::table::{english, french, in_words};

/// « «\u{a0}A\u{a0}», «\u{a0}B\u{a0}» »: names quoted in the language's marks.
fn quoted(names: impl IntoIterator<Item = String>, lang: Lang) -> String {
    let quote = |name: String| match lang {
        Lang::Fr => format!("«\u{a0}{name}\u{a0}»"),
        Lang::En => format!("“{name}”"),
    };
    names.into_iter().map(quote).collect::<Vec<_>>().join(", ")
}

/// A member by the name the regional plan gives it (its origin's), or its id when it
/// is not among the plan's sources.
fn named(region: &Plan, id: &Id) -> String {
    let origin = region.sources.iter().find(|s| &s.plan == id).map(|s| &s.organisation);
    let organisation = origin.and_then(|o| region.organisations.iter().find(|each| each.id == *o));
    organisation.map_or_else(|| id.to_string(), |o| o.name.clone())
}

fn singulars(names: &[Noun]) -> impl Iterator<Item = String> + '_ {
    names.iter().map(|n| n.singular.clone())
}

/// One thing the regional plan `region` could not align, said plainly.
pub fn unaligned(item: &Unaligned, region: &Plan, lang: Lang) -> String {
    let level = |depth: &usize| region.levels.get(*depth).map_or_else(String::new, |l| l.name.singular.clone());
    match item {
        Unaligned::Period { plan, start, end } => match lang {
            Lang::Fr => format!(
                "{}\u{a0}: période du {} au {}, autre que celle de la région (du {} au {}).",
                named(region, plan),
                day(*start, lang),
                day(*end, lang),
                day(region.period.start, lang),
                day(region.period.end, lang)
            ),
            Lang::En => format!(
                "{}: period from {} to {}, not the region's ({} to {}).",
                named(region, plan),
                day(*start, lang),
                day(*end, lang),
                day(region.period.start, lang),
                day(region.period.end, lang)
            ),
        },
        Unaligned::LevelNames { depth, names } => match lang {
            Lang::Fr => format!(
                "Les plans nomment différemment un même niveau ({})\u{a0}; la région l'appelle {}.",
                quoted(singulars(names), lang),
                quoted([level(depth)], lang)
            ),
            Lang::En => format!(
                "The plans name one level differently ({}); the region calls it {}.",
                quoted(singulars(names), lang),
                quoted([level(depth)], lang)
            ),
        },
        Unaligned::MissingLevels { plan, levels } => {
            let missing = quoted(levels.iter().map(level), lang);
            match lang {
                Lang::Fr => format!(
                    "{}\u{a0}: aucun niveau {missing}\u{a0}; ses éléments sont placés sous une section sans code.",
                    named(region, plan)
                ),
                Lang::En => format!(
                    "{}: no {missing} level; its elements are placed under a section without a code.",
                    named(region, plan)
                ),
            }
        }
        Unaligned::ActionName { names } => match lang {
            Lang::Fr => format!(
                "Les plans appellent leurs actions {}\u{a0}; la région les appelle {}.",
                quoted(singulars(names), lang),
                quoted([region.action_name.plural.clone()], lang)
            ),
            Lang::En => format!(
                "The plans call their actions {}; the region calls them {}.",
                quoted(singulars(names), lang),
                quoted([region.action_name.plural.clone()], lang)
            ),
        },
        Unaligned::Settings { plan } => {
            let first = region.sources.first().map(|s| named(region, &s.plan)).unwrap_or_default();
            match lang {
                Lang::Fr => format!(
                    "{}\u{a0}: seuils, cumul ou numérotation autres que ceux de {first}, que la région reprend.",
                    named(region, plan)
                ),
                Lang::En => format!(
                    "{}: thresholds, roll-up or numbering other than {first}'s, which the region takes.",
                    named(region, plan)
                ),
            }
        }
        Unaligned::TargetGroup { code, labels } => {
            let kept = labels.first().cloned().unwrap_or_default();
            match lang {
                Lang::Fr => format!(
                    "Groupe cible {code}\u{a0}: libellés différents ({})\u{a0}; la région garde {}.",
                    quoted(labels.iter().cloned(), lang),
                    quoted([kept], lang)
                ),
                Lang::En => format!(
                    "Target group {code}: different labels ({}); the region keeps {}.",
                    quoted(labels.iter().cloned(), lang),
                    quoted([kept], lang)
                ),
            }
        }
        Unaligned::Checkpoint { date, label, plans: having } => {
            let names = having.iter().map(|id| named(region, id)).collect::<Vec<_>>().join(", ");
            match lang {
                Lang::Fr => format!("Suivi {} du {}\u{a0}: seulement dans {names}.", quoted([label.clone()], lang), day(*date, lang)),
                Lang::En => format!("Checkpoint {} of {}: only in {names}.", quoted([label.clone()], lang), day(*date, lang)),
            }
        }
        Unaligned::StatedTotals { plan } => match lang {
            Lang::Fr => format!(
                "{}\u{a0}: son budget n'indique pas un total qu'un autre plan indique\u{a0}; la région n'indique pas ce total.",
                named(region, plan)
            ),
            Lang::En => format!(
                "{}: its budget does not state a total another plan states; the region does not state that total.",
                named(region, plan)
            ),
        },
    }
}

/// The regional views' list could not be read, whole or in part: what is set aside and
/// where.
pub fn views_set_aside(damage: &Damage, chars: usize, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            let length = number(chars as f64, 0, Lang::Fr);
            let kept = format!("sous la clé «\u{a0}{key}\u{a0}» du stockage local, jusqu'à ce que vous l'effaciez");
            match damage {
                Damage::NotAList { .. } => format!("La liste des vues régionales de ce navigateur n'a pas pu être lue\u{a0}: son texte ({length} caractères) est mis de côté tel quel {kept}. Les vues créées ici ne l'écrasent pas."),
                Damage::Entries { unread, of } => {
                    let (verb, ranks) = if unread.len() > 1 { ("n'ont pas pu être lues", "rangs") } else { ("n'a pas pu être lue", "rang") };
                    format!("{} sur {of} de la liste des vues régionales {verb} ({ranks} {})\u{a0}: la liste ({length} caractères) est mise de côté telle quelle {kept}. Les autres vues restent ci-dessous.", french(unread.len(), "vue", "vues"), in_words(unread, "et"))
                }
            }
        }
        Lang::En => {
            let length = number(chars as f64, 0, Lang::En);
            let kept = format!("under the local storage key “{key}”, until you delete it");
            match damage {
                Damage::NotAList { .. } => format!("The list of regional views of this browser could not be read: its text ({length} characters) is set aside as it was {kept}. Views created here do not write over it."),
                Damage::Entries { unread, of } => {
                    let ranks = if unread.len() > 1 { "positions" } else { "position" };
                    format!("{} of the {of} in the list of regional views could not be read ({ranks} {}): the list ({length} characters) is set aside as it was {kept}. The other views are below.", english(unread.len(), "view", "views"), in_words(unread, "and"))
                }
            }
        }
    }
}

/// A file chosen for a view that is another version of a plan already taken, and why
/// the other was taken.
pub fn file_other_version(title: &str, what: &str, taken: &str, why: Why, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            let why = match why {
                Why::Kept => format!("vous avez pris «\u{a0}{taken}\u{a0}»"),
                Why::ChangedLast => format!("«\u{a0}{taken}\u{a0}» a été modifié plus récemment"),
                Why::Only | Why::ChosenFirst => {
                    format!("les deux fichiers datent du même moment et «\u{a0}{taken}\u{a0}» a été choisi en premier")
                }
            };
            format!("«\u{a0}{title}\u{a0}»\u{a0}: autre version du même plan que «\u{a0}{taken}\u{a0}» (même identifiant, contenu différent\u{a0}; par rapport à ce fichier-là\u{a0}: {what})\u{a0}; elle n'est pas prise, car {why}.")
        }
        Lang::En => {
            let why = match why {
                Why::Kept => format!("you took “{taken}”"),
                Why::ChangedLast => format!("“{taken}” was changed more recently"),
                Why::Only | Why::ChosenFirst => {
                    format!("both files date from the same moment and “{taken}” was chosen first")
                }
            };
            format!("“{title}”: another version of the same plan as “{taken}” (same identifier, different content; compared with it: {what}); it is not taken, as {why}.")
        }
    }
}

/// After a plan's name: which of its versions is shown, and why.
pub fn version_taken(versions: usize, why: Why, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            let why = match why {
                Why::Kept => "votre choix",
                Why::ChangedLast => "son fichier est le plus récemment modifié",
                Why::Only | Why::ChosenFirst => "fichiers du même moment, choisie en premier",
            };
            format!("\u{a0}; version prise parmi {versions} versions de ce plan ({why})")
        }
        Lang::En => {
            let why = match why {
                Why::Kept => "your choice",
                Why::ChangedLast => "its file was changed last",
                Why::Only | Why::ChosenFirst => "files of the same moment, chosen first",
            };
            format!("; the version taken among {versions} versions of this plan ({why})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::region::export::regional_plan;

    #[test]
    fn what_could_not_be_aligned_is_said_in_each_language() {
        let plans = ["plan-000-pevr", "plan-work-yearly-steps", "plan-001-regional"].map(fixtures::plan);
        let refs: Vec<&Plan> = plans.iter().collect();
        let exported = regional_plan(&refs, &crate::region::Names::default(), Id::new("region"), "Région".into(), None);
        let said: Vec<String> = exported.unaligned.iter().map(|u| unaligned(u, &exported.plan, Lang::Fr)).collect();
        let rives = "Table régionale éducation-emploi des Rives-du-Nord\u{a0}: aucun niveau «\u{a0}Enjeu / Axe\u{a0}», «\u{a0}Orientation / Thème\u{a0}»\u{a0}; ses éléments sont placés sous une section sans code.";
        assert!(said.iter().any(|s| s == rives), "{said:#?}");
        assert!(said.iter().any(|s| s.starts_with("Les plans appellent leurs actions «\u{a0}")), "{said:#?}");
        for item in &exported.unaligned {
            let english = unaligned(item, &exported.plan, Lang::En);
            assert!(!english.contains('«') && !english.contains('\u{a0}'), "{english}");
        }
    }

    #[test]
    fn a_list_of_views_set_aside_says_which_views_and_where() {
        let damage = Damage::Entries { unread: vec![2, 4, 5], of: 6 };
        let key = "jalon.v1.unreadable-regions.0123456789abcdef";
        let french = views_set_aside(&damage, 1_200, key, Lang::Fr);
        assert!(
            french.starts_with("3 vues sur 6 de la liste des vues régionales n'ont pas pu être lues (rangs 2, 4 et 5)\u{a0}: la liste (1\u{a0}200 caractères)"),
            "{french}"
        );
        assert!(french.contains("«\u{a0}jalon.v1.unreadable-regions.0123456789abcdef\u{a0}»"), "{french}");
        let english = views_set_aside(&Damage::Entries { unread: vec![3], of: 3 }, 1_200, key, Lang::En);
        assert!(english.starts_with("1 view of the 3 in the list of regional views could not be read (position 3): the list (1,200 characters)"), "{english}");
    }
}
