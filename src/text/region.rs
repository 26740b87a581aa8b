//! A region in words: what could not be aligned when its plans were made into one.

use super::day;
use crate::model::id::Id;
use crate::words::lang::Lang;
use crate::model::level::Noun;
use crate::model::plan::Plan;
use crate::region::export::Unaligned;

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
    let fr = lang == Lang::Fr;
    let level = |depth: &usize| region.levels.get(*depth).map_or_else(String::new, |l| l.name.singular.clone());
    match item {
        Unaligned::Period { plan, start, end } => match fr {
            true => format!(
                "{}\u{a0}: période du {} au {}, autre que celle de la région (du {} au {}).",
                named(region, plan),
                day(*start, lang),
                day(*end, lang),
                day(region.period.start, lang),
                day(region.period.end, lang)
            ),
            false => format!(
                "{}: period from {} to {}, not the region's ({} to {}).",
                named(region, plan),
                day(*start, lang),
                day(*end, lang),
                day(region.period.start, lang),
                day(region.period.end, lang)
            ),
        },
        Unaligned::LevelNames { depth, names } => match fr {
            true => format!(
                "Les plans nomment différemment un même niveau ({})\u{a0}; la région l'appelle {}.",
                quoted(singulars(names), lang),
                quoted([level(depth)], lang)
            ),
            false => format!(
                "The plans name one level differently ({}); the region calls it {}.",
                quoted(singulars(names), lang),
                quoted([level(depth)], lang)
            ),
        },
        Unaligned::MissingLevels { plan, levels } => {
            let missing = quoted(levels.iter().map(level), lang);
            match fr {
                true => format!(
                    "{}\u{a0}: aucun niveau {missing}\u{a0}; ses éléments sont placés sous une section sans code.",
                    named(region, plan)
                ),
                false => format!(
                    "{}: no {missing} level; its elements are placed under a section without a code.",
                    named(region, plan)
                ),
            }
        }
        Unaligned::ActionName { names } => match fr {
            true => format!(
                "Les plans appellent leurs actions {}\u{a0}; la région les appelle {}.",
                quoted(singulars(names), lang),
                quoted([region.action_name.plural.clone()], lang)
            ),
            false => format!(
                "The plans call their actions {}; the region calls them {}.",
                quoted(singulars(names), lang),
                quoted([region.action_name.plural.clone()], lang)
            ),
        },
        Unaligned::Settings { plan } => {
            let first = region.sources.first().map(|s| named(region, &s.plan)).unwrap_or_default();
            match fr {
                true => format!(
                    "{}\u{a0}: seuils, cumul ou numérotation autres que ceux de {first}, que la région reprend.",
                    named(region, plan)
                ),
                false => format!(
                    "{}: thresholds, roll-up or numbering other than {first}'s, which the region takes.",
                    named(region, plan)
                ),
            }
        }
        Unaligned::TargetGroup { code, labels } => {
            let kept = labels.first().cloned().unwrap_or_default();
            match fr {
                true => format!(
                    "Groupe cible {code}\u{a0}: libellés différents ({})\u{a0}; la région garde {}.",
                    quoted(labels.iter().cloned(), lang),
                    quoted([kept], lang)
                ),
                false => format!(
                    "Target group {code}: different labels ({}); the region keeps {}.",
                    quoted(labels.iter().cloned(), lang),
                    quoted([kept], lang)
                ),
            }
        }
        Unaligned::Checkpoint { date, label, plans: having } => {
            let names = having.iter().map(|id| named(region, id)).collect::<Vec<_>>().join(", ");
            match fr {
                true => format!("Suivi {} du {}\u{a0}: seulement dans {names}.", quoted([label.clone()], lang), day(*date, lang)),
                false => format!("Checkpoint {} of {}: only in {names}.", quoted([label.clone()], lang), day(*date, lang)),
            }
        }
        Unaligned::StatedTotals { plan } => match fr {
            true => format!(
                "{}\u{a0}: son budget n'indique pas un total qu'un autre plan indique\u{a0}; la région n'indique pas ce total.",
                named(region, plan)
            ),
            false => format!(
                "{}: its budget does not state a total another plan states; the region does not state that total.",
                named(region, plan)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::export::regional_plan;

    fn fixture(name: &str) -> Plan {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        crate::format::load(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
    }

    #[test]
    fn what_could_not_be_aligned_is_said_in_each_language() {
        let plans =
            [fixture("plan-000-pevr.json"), fixture("plan-work-yearly-steps.json"), fixture("plan-001-regional.json")];
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
}
