//! The plan's own settings, as the settings screen changes them: its organisations, its
//! period, its target-group codes, its status thresholds, its roll-up rule, its
//! numbering and how long a measurement counts. The title and the level names are changed by `structure`, which the header
//! and the structure screen call too.
//!
//! A value the plan could hold but no plan means (a period that ends before it starts,
//! two target groups of one code, a « to watch » threshold above « on track ») is refused
//! here, with why, rather than left for the checks to report.

use super::{Edited, Refused};
use crate::model::id::Id;
use crate::model::plan::{Numbering, Organisation, Period, Plan, RollUp, TargetGroup};
use chrono::NaiveDate;

/// Adds an organisation (« Centre de services scolaire des Trois-Lacs », « CSSTL »).
pub fn add_organisation(plan: &mut Plan, id: Id, name: &str, code: &str) -> Edited {
    let (name, code) = named(name, code)?;
    plan.organisations.push(Organisation { id, name, code });
    Ok(())
}

/// Changes an organisation's name and short code; its id, which budget shares name,
/// stays.
pub fn update_organisation(plan: &mut Plan, id: &Id, name: &str, code: &str) -> Edited {
    let (name, code) = named(name, code)?;
    let organisation =
        plan.organisations.iter_mut().find(|o| &o.id == id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    organisation.name = name;
    organisation.code = code;
    Ok(())
}

/// Removes an organisation that no allocation of the budget shares to: its shares would
/// otherwise point at nothing.
pub fn delete_organisation(plan: &mut Plan, id: &Id) -> Edited {
    let at = plan.organisations.iter().position(|o| &o.id == id).ok_or_else(|| Refused::NotFound(id.clone()))?;
    let allocations = plan.budget.allocations.iter().filter(|a| a.shares.iter().any(|s| &s.organisation == id)).count();
    if allocations > 0 {
        return Err(Refused::OrganisationInUse { organisation: id.clone(), allocations });
    }
    plan.organisations.remove(at);
    Ok(())
}

/// A name trimmed and written, and a short code trimmed.
fn named(name: &str, code: &str) -> Result<(String, String), Refused> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refused::Blank);
    }
    Ok((name.to_owned(), code.trim().to_owned()))
}

/// The period from `start` to `end`, or why not: the form asks before it changes anything,
/// so that the refusal shows under its field.
pub fn period(start: NaiveDate, end: NaiveDate) -> Result<Period, Refused> {
    if end < start {
        return Err(Refused::EndsBeforeStart);
    }
    Ok(Period { start, end })
}

/// Sets the plan's period; an end before the start is refused.
pub fn set_period(plan: &mut Plan, start: NaiveDate, end: NaiveDate) -> Edited {
    plan.period = period(start, end)?;
    Ok(())
}

/// Adds a target group, its code written and used by no other group.
pub fn add_target_group(plan: &mut Plan, code: &str, label: &str) -> Edited {
    let group = target_group(plan, None, code, label)?;
    plan.target_groups.push(group);
    Ok(())
}

/// Changes the target group of code `current`: its code (kept unique) and its label.
/// Actions that wrote the old code keep it as written: their groups are free text.
pub fn update_target_group(plan: &mut Plan, current: &str, code: &str, label: &str) -> Edited {
    let at =
        plan.target_groups.iter().position(|g| g.code == current).ok_or_else(|| Refused::NotFound(Id::new(current)))?;
    plan.target_groups[at] = target_group(plan, Some(at), code, label)?;
    Ok(())
}

pub fn delete_target_group(plan: &mut Plan, code: &str) -> Edited {
    let at = plan.target_groups.iter().position(|g| g.code == code).ok_or_else(|| Refused::NotFound(Id::new(code)))?;
    plan.target_groups.remove(at);
    Ok(())
}

/// A target group of a code written and held by no other group than the one at `except`.
fn target_group(plan: &Plan, except: Option<usize>, code: &str, label: &str) -> Result<TargetGroup, Refused> {
    let code = code.trim();
    if code.is_empty() {
        return Err(Refused::Blank);
    }
    let taken = plan.target_groups.iter().enumerate().any(|(i, g)| Some(i) != except && g.code == code);
    if taken {
        return Err(Refused::DuplicateCode(code.to_owned()));
    }
    Ok(TargetGroup { code: code.to_owned(), label: label.trim().to_owned() })
}

/// The status thresholds, as shares of the expected progress (0.95 is 95 %), or why not:
/// each from 0 to 100 %, and « to watch » at most « on track ».
pub fn thresholds(on_track: f64, to_watch: f64) -> Result<(f64, f64), Refused> {
    let within = |share: f64| (0.0..=1.0).contains(&share);
    if !within(on_track) || !within(to_watch) {
        return Err(Refused::ThresholdOutOfRange);
    }
    if to_watch > on_track {
        return Err(Refused::ThresholdsOutOfOrder);
    }
    Ok((on_track, to_watch))
}

pub fn set_thresholds(plan: &mut Plan, on_track: f64, to_watch: f64) -> Edited {
    (plan.settings.on_track, plan.settings.to_watch) = thresholds(on_track, to_watch)?;
    Ok(())
}

pub fn set_roll_up(plan: &mut Plan, roll_up: RollUp) -> Edited {
    plan.settings.roll_up = roll_up;
    Ok(())
}

pub fn set_numbering(plan: &mut Plan, numbering: Numbering) -> Edited {
    plan.settings.numbering = numbering;
    Ok(())
}

/// How many months a measurement counts (`Settings::measurement_months`); `None` goes
/// back to the rule of checkpoints, and the plan to the file version it had.
pub fn set_measurement_months(plan: &mut Plan, months: Option<u16>) -> Edited {
    plan.settings.measurement_months = months;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::{Allocation, Share};
    use crate::start::sample::sample_plan;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    /// Runs `edit` on the sample: what it answered and the plan after, which is the
    /// sample untouched when it refused.
    fn check(edit: impl FnOnce(&mut Plan) -> Edited) -> (Plan, Edited) {
        let mut plan = sample_plan();
        let edited = edit(&mut plan);
        if edited.is_err() {
            assert_eq!(plan, sample_plan(), "a refused change changes nothing");
        }
        (plan, edited)
    }

    #[test]
    fn the_period_ends_on_or_after_its_start() {
        let (plan, edited) = check(|p| set_period(p, day("2024-07-01"), day("2028-06-30")));
        assert_eq!(edited, Ok(()));
        assert_eq!((plan.period.start, plan.period.end), (day("2024-07-01"), day("2028-06-30")));
        assert_eq!(check(|p| set_period(p, day("2024-07-01"), day("2024-07-01"))).1, Ok(()), "one day");
        assert_eq!(check(|p| set_period(p, day("2024-07-01"), day("2024-06-30"))).1, Err(Refused::EndsBeforeStart));
    }

    #[test]
    fn organisations_are_added_renamed_and_removed_by_id() {
        let (plan, edited) = check(|p| {
            add_organisation(p, Id::new("org-b"), "  Cégep de la Rive  ", " CR ")?;
            update_organisation(p, &Id::new("org-b"), "Cégep de la Rive-Sud", "CRS")
        });
        assert_eq!(edited, Ok(()));
        let last = plan.organisations.last().unwrap();
        assert_eq!(
            (last.id.as_str(), last.name.as_str(), last.code.as_str()),
            ("org-b", "Cégep de la Rive-Sud", "CRS")
        );
        assert_eq!(check(|p| add_organisation(p, Id::new("org-c"), " ", "X")).1, Err(Refused::Blank));
        assert_eq!(
            check(|p| update_organisation(p, &Id::new("absente"), "Nom", "")).1,
            Err(Refused::NotFound(Id::new("absente")))
        );
        let first = sample_plan().organisations[0].id.clone();
        let (plan, edited) = check(|p| delete_organisation(p, &first));
        assert_eq!(edited, Ok(()));
        assert!(plan.organisations.iter().all(|o| o.id != first));
    }

    #[test]
    fn an_organisation_with_a_share_of_the_budget_stays() {
        let mut plan = sample_plan();
        let first = plan.organisations[0].id.clone();
        plan.budget.allocations.push(Allocation {
            id: Id::new("repartition"),
            label: "Mesure 15025".into(),
            amount: crate::model::money::Cents(100_000),
            shares: vec![Share { organisation: first.clone(), weight: 1.0, stated: None }],
            meta: Default::default(),
        });
        let before = plan.clone();
        let edited = delete_organisation(&mut plan, &first);
        assert_eq!(edited, Err(Refused::OrganisationInUse { organisation: first, allocations: 1 }));
        assert_eq!(plan, before);
    }

    #[test]
    fn target_group_codes_are_written_and_unique() {
        let (plan, edited) = check(|p| {
            p.target_groups.clear();
            add_target_group(p, " 1 ", "Jeunes")?;
            add_target_group(p, "2", "Familles")?;
            update_target_group(p, "2", "2", "Familles et proches")?;
            update_target_group(p, "1", "J", "Jeunes de 0 à 20 ans")
        });
        assert_eq!(edited, Ok(()));
        let groups: Vec<(&str, &str)> =
            plan.target_groups.iter().map(|g| (g.code.as_str(), g.label.as_str())).collect();
        assert_eq!(groups, [("J", "Jeunes de 0 à 20 ans"), ("2", "Familles et proches")]);

        let mut plan = plan;
        let before = plan.clone();
        assert_eq!(add_target_group(&mut plan, "2", "Écoles"), Err(Refused::DuplicateCode("2".into())));
        assert_eq!(update_target_group(&mut plan, "J", " 2", "Jeunes"), Err(Refused::DuplicateCode("2".into())));
        assert_eq!(add_target_group(&mut plan, "", "Écoles"), Err(Refused::Blank));
        assert_eq!(plan, before);
        assert_eq!(delete_target_group(&mut plan, "J"), Ok(()));
        assert_eq!(plan.target_groups.len(), 1);
        assert_eq!(delete_target_group(&mut plan, "J"), Err(Refused::NotFound(Id::new("J"))));
    }

    #[test]
    fn thresholds_stay_within_100_percent_and_in_order() {
        let (plan, edited) = check(|p| set_thresholds(p, 0.9, 0.75));
        assert_eq!(edited, Ok(()));
        assert_eq!((plan.settings.on_track, plan.settings.to_watch), (0.9, 0.75));
        assert_eq!(check(|p| set_thresholds(p, 0.8, 0.8)).1, Ok(()), "equal: nothing is « to watch »");
        assert_eq!(check(|p| set_thresholds(p, 0.8, 0.9)).1, Err(Refused::ThresholdsOutOfOrder));
        assert_eq!(check(|p| set_thresholds(p, 1.2, 0.9)).1, Err(Refused::ThresholdOutOfRange));
        assert_eq!(check(|p| set_thresholds(p, 0.9, -0.1)).1, Err(Refused::ThresholdOutOfRange));
        assert_eq!(check(|p| set_thresholds(p, f64::NAN, 0.5)).1, Err(Refused::ThresholdOutOfRange));
    }

    #[test]
    fn the_roll_up_rule_and_the_numbering_are_set() {
        let (plan, edited) = check(|p| {
            set_roll_up(p, RollUp::Weighted)?;
            set_numbering(p, Numbering::PerLevel)
        });
        assert_eq!(edited, Ok(()));
        assert_eq!((plan.settings.roll_up, plan.settings.numbering), (RollUp::Weighted, Numbering::PerLevel));
    }
}
