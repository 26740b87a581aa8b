//! Changes to the budget: revenue lines, expense categories and lines with their staff
//! contributions, the rate table, allocations and their shares.
//!
//! Deleting a category takes its expense lines with it, and deleting a rate takes the
//! staff contributions priced by it: nothing is left pointing at what is gone.

use super::{Edited, Refused};
use crate::model::budget::{
    Allocation, Budget, Category, ExpenseLine, RevenueLine, Share, StaffContribution, StaffRate,
};
use crate::model::id::{Id, Meta};
use crate::model::money::Cents;
use crate::model::plan::Plan;

// ---------------------------------------------------------------------------------------
// Finding what to change

fn find<'a, T>(items: &'a mut [T], id: &Id, id_of: impl Fn(&T) -> &Id) -> Edited<&'a mut T> {
    items.iter_mut().find(|item| id_of(item) == id).ok_or_else(|| Refused::NotFound(id.clone()))
}

fn remove<T>(items: &mut Vec<T>, id: &Id, id_of: impl Fn(&T) -> &Id) -> Edited {
    let before = items.len();
    items.retain(|item| id_of(item) != id);
    if items.len() == before {
        Err(Refused::NotFound(id.clone()))
    } else {
        Ok(())
    }
}

fn expense<'a>(budget: &'a mut Budget, id: &Id) -> Edited<&'a mut ExpenseLine> {
    find(&mut budget.expenses, id, |l| &l.id)
}

fn allocation<'a>(budget: &'a mut Budget, id: &Id) -> Edited<&'a mut Allocation> {
    find(&mut budget.allocations, id, |a| &a.id)
}

fn require_category(budget: &Budget, id: &Id) -> Edited {
    budget.categories.iter().any(|c| &c.id == id).then_some(()).ok_or_else(|| Refused::NotFound(id.clone()))
}

fn require_rate(budget: &Budget, id: &Id) -> Edited {
    budget.rates.iter().any(|r| &r.id == id).then_some(()).ok_or_else(|| Refused::NotFound(id.clone()))
}

// ---------------------------------------------------------------------------------------
// Revenue lines

pub fn add_revenue(plan: &mut Plan, id: Id, label: &str, amount: Cents) -> Edited {
    plan.budget.revenues.push(RevenueLine { id, label: label.trim().to_owned(), amount, meta: Meta::default() });
    Ok(())
}

pub fn update_revenue(plan: &mut Plan, id: &Id, label: &str, amount: Cents) -> Edited {
    let line = find(&mut plan.budget.revenues, id, |r| &r.id)?;
    line.label = label.trim().to_owned();
    line.amount = amount;
    Ok(())
}

pub fn delete_revenue(plan: &mut Plan, id: &Id) -> Edited {
    remove(&mut plan.budget.revenues, id, |r| &r.id)
}

// ---------------------------------------------------------------------------------------
// Categories

pub fn add_category(plan: &mut Plan, id: Id, label: &str) -> Edited {
    plan.budget.categories.push(Category { id, label: label.trim().to_owned() });
    Ok(())
}

pub fn rename_category(plan: &mut Plan, id: &Id, label: &str) -> Edited {
    find(&mut plan.budget.categories, id, |c| &c.id)?.label = label.trim().to_owned();
    Ok(())
}

/// Deletes a category and its expense lines.
pub fn delete_category(plan: &mut Plan, id: &Id) -> Edited {
    remove(&mut plan.budget.categories, id, |c| &c.id)?;
    plan.budget.expenses.retain(|line| &line.category != id);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Expense lines

/// What the screen edits of an expense line; its staff contributions change one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpenseFields {
    pub category: Id,
    pub label: String,
    pub planned: Cents,
    pub spent: Option<Cents>,
    /// The action or element the line funds, if any.
    pub funds: Option<Id>,
}

/// What a line funds must be in the plan: one of its actions or elements.
fn require_funded(plan: &Plan, funds: &Option<Id>) -> Edited {
    match funds {
        Some(id) if !plan.actions.iter().any(|a| &a.id == id) && plan.element(id).is_none() => {
            Err(Refused::NotFound(id.clone()))
        }
        _ => Ok(()),
    }
}

pub fn add_expense(plan: &mut Plan, id: Id, fields: ExpenseFields) -> Edited {
    require_category(&plan.budget, &fields.category)?;
    require_funded(plan, &fields.funds)?;
    plan.budget.expenses.push(ExpenseLine {
        id,
        category: fields.category,
        label: fields.label.trim().to_owned(),
        planned: fields.planned,
        spent: fields.spent,
        staff: Vec::new(),
        funds: fields.funds,
        stated_total: None,
        meta: Meta::default(),
    });
    Ok(())
}

pub fn update_expense(plan: &mut Plan, id: &Id, fields: ExpenseFields) -> Edited {
    require_category(&plan.budget, &fields.category)?;
    require_funded(plan, &fields.funds)?;
    let line = expense(&mut plan.budget, id)?;
    line.category = fields.category;
    line.label = fields.label.trim().to_owned();
    line.planned = fields.planned;
    line.spent = fields.spent;
    line.funds = fields.funds;
    Ok(())
}

pub fn delete_expense(plan: &mut Plan, id: &Id) -> Edited {
    remove(&mut plan.budget.expenses, id, |l| &l.id)
}

/// The line's total as the document states it, or none.
pub fn set_line_stated_total(plan: &mut Plan, id: &Id, stated: Option<Cents>) -> Edited {
    expense(&mut plan.budget, id)?.stated_total = stated;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Staff contributions

pub fn add_staff(plan: &mut Plan, line: &Id, contribution: StaffContribution) -> Edited {
    require_rate(&plan.budget, &contribution.rate)?;
    expense(&mut plan.budget, line)?.staff.push(contribution);
    Ok(())
}

pub fn update_staff(plan: &mut Plan, line: &Id, index: usize, contribution: StaffContribution) -> Edited {
    require_rate(&plan.budget, &contribution.rate)?;
    let slot = expense(&mut plan.budget, line)?.staff.get_mut(index).ok_or_else(|| Refused::NotFound(line.clone()))?;
    *slot = contribution;
    Ok(())
}

pub fn delete_staff(plan: &mut Plan, line: &Id, index: usize) -> Edited {
    let staff = &mut expense(&mut plan.budget, line)?.staff;
    if index >= staff.len() {
        return Err(Refused::NotFound(line.clone()));
    }
    staff.remove(index);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The rate table

pub fn add_rate(plan: &mut Plan, id: Id, label: &str, per_day: Cents) -> Edited {
    plan.budget.rates.push(StaffRate { id, label: label.trim().to_owned(), per_day });
    Ok(())
}

pub fn update_rate(plan: &mut Plan, id: &Id, label: &str, per_day: Cents) -> Edited {
    let rate = find(&mut plan.budget.rates, id, |r| &r.id)?;
    rate.label = label.trim().to_owned();
    rate.per_day = per_day;
    Ok(())
}

/// How many staff contributions a rate prices: what deleting it would take away.
pub fn contributions_priced_by(budget: &Budget, rate: &Id) -> usize {
    budget.expenses.iter().flat_map(|l| &l.staff).filter(|c| &c.rate == rate).count()
}

/// Deletes a rate and the staff contributions it prices.
pub fn delete_rate(plan: &mut Plan, id: &Id) -> Edited {
    remove(&mut plan.budget.rates, id, |r| &r.id)?;
    for line in &mut plan.budget.expenses {
        line.staff.retain(|c| &c.rate != id);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Allocations to member organisations

pub fn add_allocation(plan: &mut Plan, id: Id, label: &str, amount: Cents) -> Edited {
    plan.budget.allocations.push(Allocation {
        id,
        label: label.trim().to_owned(),
        amount,
        shares: Vec::new(),
        meta: Meta::default(),
    });
    Ok(())
}

pub fn update_allocation(plan: &mut Plan, id: &Id, label: &str, amount: Cents) -> Edited {
    let a = allocation(&mut plan.budget, id)?;
    a.label = label.trim().to_owned();
    a.amount = amount;
    Ok(())
}

pub fn delete_allocation(plan: &mut Plan, id: &Id) -> Edited {
    remove(&mut plan.budget.allocations, id, |a| &a.id)
}

/// Gives an organisation its weight and stated part in an allocation: a new share, or
/// the organisation's share changed in place.
pub fn set_share(plan: &mut Plan, allocation_id: &Id, share: Share) -> Edited {
    if !plan.organisations.iter().any(|o| o.id == share.organisation) {
        return Err(Refused::NotFound(share.organisation));
    }
    let a = allocation(&mut plan.budget, allocation_id)?;
    match a.shares.iter_mut().find(|s| s.organisation == share.organisation) {
        Some(existing) => *existing = share,
        None => a.shares.push(share),
    }
    Ok(())
}

pub fn delete_share(plan: &mut Plan, allocation_id: &Id, organisation: &Id) -> Edited {
    let a = allocation(&mut plan.budget, allocation_id)?;
    remove(&mut a.shares, organisation, |s| &s.organisation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::Days;
    use crate::start::sample::sample_plan;

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    fn dollars(d: i64) -> Cents {
        Cents::from_dollars(d)
    }

    /// A plan with one category, one line, one rate, one allocation and one share.
    fn plan() -> Plan {
        let mut plan = sample_plan();
        add_category(&mut plan, id("projets"), " Projets stratégiques ").unwrap();
        add_rate(&mut plan, id("pro"), "Professionnels", dollars(280)).unwrap();
        add_expense(&mut plan, id("bien-etre"), fields("projets", "Bien-être", 5_000, None)).unwrap();
        add_staff(&mut plan, &id("bien-etre"), staff("pro", 10, 5)).unwrap();
        add_allocation(&mut plan, id("alloc"), "Allocation", dollars(100)).unwrap();
        set_share(&mut plan, &id("alloc"), share("org-csqv", 1.0)).unwrap();
        plan
    }

    fn fields(category: &str, label: &str, planned: i64, spent: Option<i64>) -> ExpenseFields {
        ExpenseFields {
            category: id(category),
            label: label.into(),
            planned: dollars(planned),
            spent: spent.map(dollars),
            funds: None,
        }
    }

    fn staff(rate: &str, participants: u32, days: u32) -> StaffContribution {
        StaffContribution { rate: id(rate), participants, days: Days::whole(days), stated: None }
    }

    fn share(organisation: &str, weight: f64) -> Share {
        Share { organisation: id(organisation), weight, stated: None }
    }

    fn missing(what: &str) -> Edited {
        Err(Refused::NotFound(id(what)))
    }

    #[test]
    fn a_line_funds_an_action_of_the_plan_or_is_refused() {
        let mut plan = sample_plan();
        let action = plan.actions[0].id.clone();
        add_category(&mut plan, id("projets"), "Projets").unwrap();
        let funding = ExpenseFields { funds: Some(action.clone()), ..fields("projets", "Formation", 1_000, None) };
        add_expense(&mut plan, id("ligne"), funding).unwrap();
        assert_eq!(plan.budget.expenses[0].funds.as_ref(), Some(&action));
        let elsewhere =
            ExpenseFields { funds: Some(id("moyen-disparu")), ..fields("projets", "Formation", 1_000, None) };
        let before = plan.clone();
        assert_eq!(update_expense(&mut plan, &id("ligne"), elsewhere), Err(Refused::NotFound(id("moyen-disparu"))));
        assert_eq!(plan, before);
    }

    #[test]
    fn revenue_lines_are_added_changed_and_deleted() {
        let mut plan = plan();
        add_revenue(&mut plan, id("meq"), " Allocation du ministère ", dollars(700_000)).unwrap();
        assert_eq!(plan.budget.revenues[0].label, "Allocation du ministère");
        update_revenue(&mut plan, &id("meq"), "Allocation", dollars(650_000)).unwrap();
        assert_eq!(plan.budget.totals().revenues, dollars(650_000));
        delete_revenue(&mut plan, &id("meq")).unwrap();
        assert!(plan.budget.revenues.is_empty());
        assert_eq!(update_revenue(&mut plan, &id("meq"), "x", Cents::ZERO), missing("meq"));
        assert_eq!(delete_revenue(&mut plan, &id("meq")), missing("meq"));
    }

    #[test]
    fn an_expense_line_needs_an_existing_category() {
        let mut plan = plan();
        assert_eq!(add_expense(&mut plan, id("l"), fields("ailleurs", "L", 1, None)), missing("ailleurs"));
        assert_eq!(update_expense(&mut plan, &id("bien-etre"), fields("ailleurs", "L", 1, None)), missing("ailleurs"));
        assert_eq!(update_expense(&mut plan, &id("absente"), fields("projets", "L", 1, None)), missing("absente"));
        assert_eq!(plan.budget.expenses.len(), 1);
    }

    #[test]
    fn an_expense_line_is_changed_and_its_staff_kept() {
        let mut plan = plan();
        update_expense(&mut plan, &id("bien-etre"), fields("projets", "Bien-être des élèves", 6_000, Some(2_000)))
            .unwrap();
        let line = &plan.budget.expenses[0];
        assert_eq!(
            (line.label.as_str(), line.planned, line.spent),
            ("Bien-être des élèves", dollars(6_000), Some(dollars(2_000)))
        );
        assert_eq!(line.staff.len(), 1);
        let totals = plan.budget.totals();
        // 6 000 $ + 10 × 5 × 280 $.
        assert_eq!(totals.lines[0].amounts.total(), dollars(20_000));
        set_line_stated_total(&mut plan, &id("bien-etre"), Some(dollars(19_400))).unwrap();
        assert_eq!(plan.budget.expenses[0].stated_total, Some(dollars(19_400)));
        delete_expense(&mut plan, &id("bien-etre")).unwrap();
        assert!(plan.budget.expenses.is_empty());
        assert_eq!(delete_expense(&mut plan, &id("bien-etre")), missing("bien-etre"));
    }

    #[test]
    fn staff_contributions_are_priced_by_an_existing_rate() {
        let mut plan = plan();
        assert_eq!(add_staff(&mut plan, &id("bien-etre"), staff("chercheurs", 1, 1)), missing("chercheurs"));
        assert_eq!(add_staff(&mut plan, &id("absente"), staff("pro", 1, 1)), missing("absente"));
        update_staff(
            &mut plan,
            &id("bien-etre"),
            0,
            StaffContribution { stated: Some(dollars(8_400)), ..staff("pro", 10, 5) },
        )
        .unwrap();
        assert_eq!(plan.budget.expenses[0].staff[0].stated, Some(dollars(8_400)));
        assert_eq!(update_staff(&mut plan, &id("bien-etre"), 3, staff("pro", 1, 1)), missing("bien-etre"));
        assert_eq!(delete_staff(&mut plan, &id("bien-etre"), 3), missing("bien-etre"));
        delete_staff(&mut plan, &id("bien-etre"), 0).unwrap();
        assert!(plan.budget.expenses[0].staff.is_empty());
    }

    #[test]
    fn deleting_a_category_takes_its_lines_and_leaves_the_others() {
        let mut plan = plan();
        add_category(&mut plan, id("admin"), "Administration").unwrap();
        add_expense(&mut plan, id("comite"), fields("admin", "Comité", 210_000, None)).unwrap();
        rename_category(&mut plan, &id("projets"), "Projets").unwrap();
        assert_eq!(plan.budget.categories[0].label, "Projets");
        delete_category(&mut plan, &id("projets")).unwrap();
        let lines: Vec<&str> = plan.budget.expenses.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(lines, ["comite"]);
        assert_eq!(delete_category(&mut plan, &id("projets")), missing("projets"));
        assert_eq!(rename_category(&mut plan, &id("projets"), "x"), missing("projets"));
    }

    #[test]
    fn deleting_a_rate_takes_the_contributions_it_prices() {
        let mut plan = plan();
        add_rate(&mut plan, id("ens"), "Enseignants", dollars(260)).unwrap();
        add_staff(&mut plan, &id("bien-etre"), staff("ens", 2, 1)).unwrap();
        update_rate(&mut plan, &id("pro"), "Professionnelles, professionnels", dollars(300)).unwrap();
        assert_eq!(plan.budget.totals().expenses.staff, dollars(10 * 5 * 300 + 2 * 260));
        assert_eq!(contributions_priced_by(&plan.budget, &id("pro")), 1);
        delete_rate(&mut plan, &id("pro")).unwrap();
        assert_eq!(plan.budget.expenses[0].staff, [staff("ens", 2, 1)]);
        assert_eq!(delete_rate(&mut plan, &id("pro")), missing("pro"));
        assert_eq!(update_rate(&mut plan, &id("pro"), "x", Cents::ZERO), missing("pro"));
        assert!(crate::calc::check::check(&plan).is_empty(), "no contribution is left without its rate");
    }

    #[test]
    fn a_share_is_set_once_per_organisation_of_the_plan() {
        let mut plan = plan();
        set_share(&mut plan, &id("alloc"), Share { stated: Some(dollars(100)), ..share("org-csqv", 3.0) }).unwrap();
        let shares = &plan.budget.allocations[0].shares;
        assert_eq!(shares.len(), 1);
        assert_eq!((shares[0].weight, shares[0].stated), (3.0, Some(dollars(100))));
        assert_eq!(set_share(&mut plan, &id("alloc"), share("org-inconnue", 1.0)), missing("org-inconnue"));
        assert_eq!(set_share(&mut plan, &id("absente"), share("org-csqv", 1.0)), missing("absente"));
        assert_eq!(delete_share(&mut plan, &id("alloc"), &id("org-inconnue")), missing("org-inconnue"));
        delete_share(&mut plan, &id("alloc"), &id("org-csqv")).unwrap();
        assert!(plan.budget.allocations[0].shares.is_empty());
    }

    #[test]
    fn an_allocation_is_changed_and_deleted_with_its_shares() {
        let mut plan = plan();
        update_allocation(&mut plan, &id("alloc"), "Allocation aux centres", dollars(343_800)).unwrap();
        assert_eq!(plan.budget.allocations[0].split(), Some(vec![dollars(343_800)]));
        delete_allocation(&mut plan, &id("alloc")).unwrap();
        assert!(plan.budget.allocations.is_empty());
        assert_eq!(update_allocation(&mut plan, &id("alloc"), "x", Cents::ZERO), missing("alloc"));
        assert_eq!(delete_allocation(&mut plan, &id("alloc")), missing("alloc"));
    }
}
