//! Checks of the budget: stated totals, staff contributions, allocations, negative
//! amounts, references, and what an action's form says was spent beside its lines.
//!
//! Each stated figure is compared with the figures the document shows one level below it:
//! a line total with its direct amount and its stated staff amounts, the « Total des
//! dépenses » with the line totals, the balance with the stated revenue and expense totals.
//! A multiplication error is thus reported once, on its contribution, and an addition
//! error once, on the total that adds wrong, rather than again on every total above it.

use super::{Finding, Reference, Subject, Total};
use crate::calc::totals::Rates;
use crate::model::budget::{Budget, ExpenseLine};
use crate::model::id::Id;
use crate::model::money::Cents;
use crate::model::plan::Plan;
use std::collections::HashSet;

pub(super) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let budget = &plan.budget;
    let rates = budget.rate_table();
    let categories: HashSet<&Id> = budget.categories.iter().map(|c| &c.id).collect();
    let organisations: HashSet<&Id> = plan.organisations.iter().map(|o| &o.id).collect();
    let fundable: HashSet<&Id> =
        plan.elements.iter().map(|e| &e.id).chain(plan.actions.iter().map(|a| &a.id)).collect();

    for rate in &budget.rates {
        negative(findings, Subject::Rate(rate.id.clone()), rate.per_day);
    }
    for revenue in &budget.revenues {
        // A « Déficit » line of 0 is a placeholder, not an error: only below 0 is flagged.
        negative(findings, Subject::Revenue(revenue.id.clone()), revenue.amount);
    }
    for line in &budget.expenses {
        check_line(line, &rates, &categories, &fundable, findings);
    }
    for allocation in &budget.allocations {
        let subject = || Subject::Allocation(allocation.id.clone());
        negative(findings, subject(), allocation.amount);
        if allocation.split().is_none() {
            findings.push(Finding::AllocationWithoutWeight { allocation: allocation.id.clone() });
        }
        for share in &allocation.shares {
            if !organisations.contains(&share.organisation) {
                findings.push(Finding::missing(subject(), Reference::ShareOrganisation, &share.organisation));
            }
        }
        if let Some(stated) = allocation.stated_sum() {
            if stated != allocation.amount {
                findings.push(Finding::AllocationSumMismatch {
                    allocation: allocation.id.clone(),
                    stated,
                    amount: allocation.amount,
                });
            }
        }
    }
    check_stated_totals(budget, &rates, findings);
    // What an action's form says was spent, once its lines report what they spent.
    for row in crate::calc::funding::action_budgets(plan).rows.iter().filter(|r| r.spent_on_lines) {
        let action = &plan.actions[row.action];
        if let (Some(stated), Some(computed)) = (action.budget_spent, row.spent) {
            if stated != computed {
                let subject = Subject::Action(action.id.clone());
                findings.push(Finding::StatedTotalMismatch { subject, total: Total::Spent, stated, computed });
            }
        }
    }
}

fn check_line(
    line: &ExpenseLine,
    rates: &Rates,
    categories: &HashSet<&Id>,
    fundable: &HashSet<&Id>,
    findings: &mut Vec<Finding>,
) {
    let subject = || Subject::Expense(line.id.clone());
    let missing = |reference, id: &Id| Finding::missing(subject(), reference, id);
    if !categories.contains(&line.category) {
        findings.push(missing(Reference::ExpenseCategory, &line.category));
    }
    if let Some(funds) = line.funds.as_ref().filter(|id| !fundable.contains(id)) {
        findings.push(missing(Reference::Funds, funds));
    }
    negative(findings, subject(), line.planned);
    if let Some(spent) = line.spent {
        negative(findings, subject(), spent);
    }
    for (index, contribution) in line.staff.iter().enumerate() {
        match (rates.amount(contribution), contribution.stated) {
            (None, _) => findings.push(missing(Reference::StaffRate, &contribution.rate)),
            (Some(computed), Some(stated)) if stated != computed => {
                findings.push(Finding::StaffAmountMismatch { expense: line.id.clone(), index, stated, computed });
            }
            _ => {}
        }
    }
    // The document writes a line's total from its stated staff amounts (« 37-Bien-être »:
    // 5 000 $ + 8 400 $ = 13 400 $, although 10 × 5 × 280 $ is 14 000 $), so the line total
    // is compared with those; a wrong staff amount is reported just above, once.
    if let Some(stated) = line.stated_total {
        let computed = documented_total(line, rates);
        if stated != computed {
            findings.push(Finding::StatedTotalMismatch { subject: subject(), total: Total::Line, stated, computed });
        }
    }
}

/// Direct planned + staff as the document states it (computed where it states nothing).
fn documented_total(line: &ExpenseLine, rates: &Rates) -> Cents {
    line.planned + documented_staff(line, rates)
}

fn documented_staff(line: &ExpenseLine, rates: &Rates) -> Cents {
    line.staff.iter().map(|c| rates.documented(c)).sum()
}

/// The budget's stated totals. The expense total adds each line's stated total where it has
/// one; the balance subtracts the stated revenue and expense totals where they exist.
fn check_stated_totals(budget: &Budget, rates: &Rates, findings: &mut Vec<Finding>) {
    let stated = &budget.stated;
    let revenues: Cents = budget.revenues.iter().map(|r| r.amount).sum();
    let expenses: Cents =
        budget.expenses.iter().map(|l| l.stated_total.unwrap_or_else(|| documented_total(l, rates))).sum();
    let staff: Cents = budget.expenses.iter().map(|l| documented_staff(l, rates)).sum();
    let balance = stated.revenues.unwrap_or(revenues) - stated.expenses.unwrap_or(expenses);
    let totals = [
        (Total::Revenues, stated.revenues, revenues),
        (Total::Expenses, stated.expenses, expenses),
        (Total::Staff, stated.staff, staff),
        (Total::Balance, stated.balance, balance),
    ];
    for (total, stated, computed) in totals {
        if let Some(stated) = stated.filter(|&s| s != computed) {
            findings.push(Finding::StatedTotalMismatch { subject: Subject::Budget, total, stated, computed });
        }
    }
}

fn negative(findings: &mut Vec<Finding>, subject: Subject, amount: Cents) {
    if amount < Cents::ZERO {
        findings.push(Finding::NegativeAmount { subject, amount });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::{
        Allocation, Category, Days, RevenueLine, Share, StaffContribution, StaffRate, StatedTotals,
    };
    use crate::model::plan::Organisation;
    use crate::start::sample::sample_plan;

    /// The budget's findings, within a plan that has the organisations `css-1` to `css-9`
    /// and the sample plan's elements and actions.
    fn check(budget: Budget) -> Vec<Finding> {
        let mut plan = sample_plan();
        plan.organisations = (1..=9)
            .map(|i| Organisation { id: Id::new(format!("css-{i}")), name: format!("CSS {i}"), code: String::new() })
            .collect();
        plan.budget = budget.into();
        let mut findings = Vec::new();
        super::check(&plan, &mut findings);
        findings
    }

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    /// The 2024-2025 rates of reference plan 002 and one category.
    fn budget(expenses: Vec<ExpenseLine>) -> Budget {
        let rate =
            |id: &str, dollars| StaffRate { id: Id::new(id), label: id.into(), per_day: Cents::from_dollars(dollars) };
        Budget {
            rates: vec![rate("professionnels", 280), rate("enseignants", 260), rate("gestionnaires", 0)],
            categories: vec![Category { id: id("projets"), label: "Projets stratégiques".into() }],
            expenses,
            ..Budget::default()
        }
    }

    fn staff(rate: &str, participants: u32, days: u32, stated: Option<i64>) -> StaffContribution {
        StaffContribution { rate: id(rate), participants, days: Days::whole(days), stated: stated.map(Cents) }
    }

    fn revenue(id_: &str, label: &str, amount: i64) -> RevenueLine {
        RevenueLine { id: id(id_), label: label.into(), amount: Cents(amount), meta: Default::default() }
    }

    /// The totals a budget states: its revenues, expenses, staff and balance.
    fn stated(revenues: i64, expenses: i64, staff: Option<i64>, balance: i64) -> StatedTotals {
        StatedTotals {
            revenues: Some(Cents(revenues)),
            expenses: Some(Cents(expenses)),
            staff: staff.map(Cents),
            balance: Some(Cents(balance)),
        }
    }

    fn line(id_: &str, planned: i64, staff: Vec<StaffContribution>, stated_total: Option<i64>) -> ExpenseLine {
        ExpenseLine {
            id: id(id_),
            category: id("projets"),
            label: id_.into(),
            planned: Cents(planned),
            spent: None,
            staff,
            funds: None,
            stated_total: stated_total.map(Cents),
            meta: Default::default(),
        }
    }

    /// Issue 27: a line funding an action deleted since is reported by its category,
    /// and an action's stated spending beside what its lines report.
    #[test]
    fn a_line_funding_an_action_no_longer_in_the_plan_is_named_by_its_category() {
        let mut plan = sample_plan();
        let action = plan.actions[0].id.clone();
        plan.budget =
            budget(vec![ExpenseLine { funds: Some(action.clone()), ..line("formation", 100_000, vec![], None) }])
                .into();
        let mut findings = Vec::new();
        super::check(&plan, &mut findings);
        assert_eq!(findings, vec![]);
        crate::edit::actions::delete_action(&mut plan, &action).unwrap();
        let mut findings = Vec::new();
        super::check(&plan, &mut findings);
        let expected = Finding::MissingReference {
            subject: Subject::Expense(id("formation")),
            reference: Reference::Funds,
            missing: action.clone(),
        };
        assert_eq!(findings, vec![expected.clone()]);
        let names = crate::words::text::SubjectNames::new(&plan);
        let fr = crate::words::text::Lang::Fr;
        assert_eq!(names.name(&plan, &expected.subject(), fr), "Budget › Projets stratégiques › ligne « formation »");
        assert_eq!(
            crate::words::text::finding(&plan, &expected, fr),
            format!("Cette ligne finance «\u{a0}{action}\u{a0}», qui n'est plus dans le plan\u{a0}: choisissez ce qu'elle finance, ou «\u{a0}(aucun en particulier)\u{a0}».")
        );
    }

    #[test]
    fn an_action_s_stated_spending_is_compared_with_what_its_lines_report() {
        let mut plan = sample_plan();
        let action = plan.actions[0].id.clone();
        plan.actions[0].budget_spent = Some(Cents(400_000));
        let funding = ExpenseLine { funds: Some(action.clone()), ..line("formation", 100_000, vec![], None) };
        plan.budget = budget(vec![funding.clone()]).into();
        let findings = |plan: &Plan| {
            let mut findings = Vec::new();
            super::check(plan, &mut findings);
            findings
        };
        // The line reports nothing: the form's figure is what was spent.
        assert_eq!(findings(&plan), vec![]);
        plan.budget.expenses[0].spent = Some(Cents(350_000));
        let expected = Finding::StatedTotalMismatch {
            subject: Subject::Action(action),
            total: Total::Spent,
            stated: Cents(400_000),
            computed: Cents(350_000),
        };
        assert_eq!(findings(&plan), vec![expected.clone()]);
        assert_eq!(
            crate::words::text::finding(&plan, &expected, crate::words::text::Lang::Fr),
            "Le budget dépensé indiqué (4\u{a0}000,00\u{a0}$) diffère de la somme des lignes (3\u{a0}500,00\u{a0}$)\u{a0}: écart de 500,00\u{a0}$."
        );
        plan.budget.expenses[0].spent = Some(Cents(400_000));
        assert_eq!(findings(&plan), vec![]);
    }

    /// « 37-Bien-être (10 CP) 5J 5 chercheurs 5000$ »: 5 000 $ + 8 400 $ = 13 400 $.
    fn bien_etre() -> ExpenseLine {
        line("bien-etre", 500_000, vec![staff("professionnels", 10, 5, Some(840_000))], Some(1_340_000))
    }

    fn allocation(amount: i64, shares: Vec<Share>) -> Allocation {
        Allocation {
            id: id("allocation"),
            label: "Allocation aux CSS".into(),
            amount: Cents(amount),
            shares,
            meta: Default::default(),
        }
    }

    fn share(organisation: &str, weight: f64, stated: Option<i64>) -> Share {
        Share { organisation: id(organisation), weight, stated: stated.map(Cents) }
    }

    #[test]
    fn a_budget_that_adds_up_has_no_finding() {
        let mut b = budget(vec![line(
            "numeratie",
            200_000,
            vec![staff("professionnels", 12, 5, Some(1_680_000))],
            Some(1_880_000),
        )]);
        b.revenues = vec![revenue("meq", "Allocation du MEQ", 2_000_000)];
        b.stated = stated(2_000_000, 1_880_000, Some(1_680_000), 120_000);
        b.allocations =
            vec![allocation(120_000, vec![share("css-1", 1.0, Some(60_000)), share("css-2", 1.0, Some(60_000))])];
        assert_eq!(check(b), []);
    }

    #[test]
    fn plan_002_bien_etre_states_8400_dollars_for_14000_dollars_of_staff() {
        assert_eq!(
            check(budget(vec![bien_etre()])),
            [Finding::StaffAmountMismatch {
                expense: id("bien-etre"),
                index: 0,
                stated: Cents(840_000),
                computed: Cents(1_400_000)
            }]
        );
    }

    #[test]
    fn the_staff_mismatch_names_the_contribution_by_its_place_in_the_line() {
        let l =
            line("l", 0, vec![staff("enseignants", 2, 1, Some(52_000)), staff("gestionnaires", 3, 5, Some(100))], None);
        assert_eq!(
            check(budget(vec![l])),
            [Finding::StaffAmountMismatch { expense: id("l"), index: 1, stated: Cents(100), computed: Cents(0) }]
        );
    }

    #[test]
    fn a_line_total_is_compared_with_its_stated_staff_amounts() {
        // 13 400 $ agrees with 5 000 $ + the stated 8 400 $: only the staff amount is wrong.
        let findings = check(budget(vec![bien_etre()]));
        assert!(!findings.iter().any(|f| matches!(f, Finding::StatedTotalMismatch { .. })), "{findings:?}");
    }

    #[test]
    fn a_line_total_that_adds_wrong_is_reported() {
        let l = line("l", 500_000, vec![staff("professionnels", 10, 5, Some(1_400_000))], Some(1_340_000));
        assert_eq!(
            check(budget(vec![l])),
            [Finding::StatedTotalMismatch {
                subject: Subject::Expense(id("l")),
                total: Total::Line,
                stated: Cents(1_340_000),
                computed: Cents(1_900_000),
            }]
        );
    }

    #[test]
    fn a_line_total_uses_the_computed_staff_where_none_is_stated() {
        let right = line("right", 200_000, vec![staff("professionnels", 3, 2, None)], Some(368_000));
        let wrong = line("wrong", 200_000, vec![staff("professionnels", 3, 2, None)], Some(200_000));
        assert_eq!(
            check(budget(vec![right, wrong])),
            [Finding::StatedTotalMismatch {
                subject: Subject::Expense(id("wrong")),
                total: Total::Line,
                stated: Cents(200_000),
                computed: Cents(368_000),
            }]
        );
    }

    #[test]
    fn plan_002_staff_lines_sum_to_243040_dollars_against_a_stated_220640() {
        // The staff column of plan 002's « Budget CRDP 2024-2025 », as stated, in dollars;
        // each is a whole number of professional days at 280 $, so no line disagrees.
        let column = [
            8_400, 8_400, 16_800, 17_920, 16_800, 22_400, 10_920, 2_800, 11_200, 11_200, 21_000, 11_200, 11_200,
            16_800, 16_800, 16_800, 11_200, 11_200,
        ];
        let lines = column
            .iter()
            .enumerate()
            .map(|(i, &dollars)| {
                line(
                    &format!("l{i}"),
                    0,
                    vec![staff("professionnels", dollars / 280, 1, Some(i64::from(dollars) * 100))],
                    None,
                )
            })
            .collect();
        let mut b = budget(lines);
        b.stated.staff = Some(Cents(22_064_000));
        assert_eq!(
            check(b),
            [Finding::StatedTotalMismatch {
                subject: Subject::Budget,
                total: Total::Staff,
                stated: Cents(22_064_000),
                computed: Cents(24_304_000),
            }]
        );
    }

    #[test]
    fn plan_002_expense_total_is_compared_with_the_line_totals() {
        // Two lines whose stated totals add to 32 200 $, under a stated 29 400 $.
        let mut b = budget(vec![
            bien_etre(),
            line("numeratie", 200_000, vec![staff("professionnels", 12, 5, Some(1_680_000))], Some(1_880_000)),
        ]);
        b.stated.expenses = Some(Cents(2_940_000));
        b.stated.staff = Some(Cents(2_520_000));
        let totals: Vec<Finding> =
            check(b).into_iter().filter(|f| matches!(f, Finding::StatedTotalMismatch { .. })).collect();
        assert_eq!(
            totals,
            [Finding::StatedTotalMismatch {
                subject: Subject::Budget,
                total: Total::Expenses,
                stated: Cents(2_940_000),
                computed: Cents(3_220_000)
            }]
        );
    }

    /// Plan 002's first table: 700 000 $ of revenue, four expense lines.
    fn plan_002_first_table() -> Budget {
        let mut b = budget(vec![
            line("gestion", 18_000_000, vec![], None),
            line("asrse", 7_060_000, vec![], None),
            line("tables", 6_640_000, vec![], None),
            line("mesures", 3_920_000, vec![], None),
        ]);
        b.revenues = vec![revenue("meq", "Allocation du MEQ", 70_000_000)];
        b.stated = stated(70_000_000, 35_620_000, None, 34_380_000);
        b
    }

    #[test]
    fn plan_002_first_table_adds_up() {
        assert_eq!(check(plan_002_first_table()), []);
    }

    #[test]
    fn a_mistyped_revenue_total_is_reported() {
        let mut b = plan_002_first_table();
        b.stated.revenues = Some(Cents(7_000_000));
        b.stated.balance = None;
        assert_eq!(
            check(b),
            [Finding::StatedTotalMismatch {
                subject: Subject::Budget,
                total: Total::Revenues,
                stated: Cents(7_000_000),
                computed: Cents(70_000_000),
            }]
        );
    }

    #[test]
    fn the_balance_is_the_stated_revenues_less_the_stated_expenses() {
        let mut b = plan_002_first_table();
        b.stated.balance = Some(Cents(34_390_000));
        assert_eq!(
            check(b),
            [Finding::StatedTotalMismatch {
                subject: Subject::Budget,
                total: Total::Balance,
                stated: Cents(34_390_000),
                computed: Cents(34_380_000),
            }]
        );
    }

    #[test]
    fn without_stated_revenue_and_expense_totals_the_balance_uses_the_sums() {
        let mut b = plan_002_first_table();
        b.stated = StatedTotals { balance: Some(Cents(34_380_000)), ..StatedTotals::default() };
        assert_eq!(check(b.clone()), []);
        b.expenses[0].planned = Cents(18_000_100);
        assert_eq!(
            check(b),
            [Finding::StatedTotalMismatch {
                subject: Subject::Budget,
                total: Total::Balance,
                stated: Cents(34_380_000),
                computed: Cents(34_379_900),
            }]
        );
    }

    #[test]
    fn plan_002_allocations_state_one_cent_more_than_the_amount() {
        let parts = [1_846_415, 2_649_181, 974_196, 5_006_213, 3_711_940, 6_464_383, 3_140_321, 3_181_663, 7_405_689];
        let shares =
            parts.iter().enumerate().map(|(i, &c)| share(&format!("css-{}", i + 1), c as f64, Some(c))).collect();
        let mut b = budget(vec![]);
        b.allocations = vec![allocation(34_380_000, shares)];
        assert_eq!(
            check(b),
            [Finding::AllocationSumMismatch {
                allocation: id("allocation"),
                stated: Cents(34_380_001),
                amount: Cents(34_380_000)
            }]
        );
    }

    #[test]
    fn partly_stated_parts_are_not_yet_a_mismatch() {
        let mut b = budget(vec![]);
        b.allocations = vec![allocation(100_000, vec![share("css-1", 1.0, Some(10)), share("css-2", 1.0, None)])];
        assert_eq!(check(b), []);
    }

    #[test]
    fn an_allocation_without_a_positive_weight_cannot_be_split() {
        let mut b = budget(vec![]);
        b.allocations = vec![allocation(100_000, vec![share("css-1", 0.0, None), share("css-2", -1.0, None)])];
        assert_eq!(check(b), [Finding::AllocationWithoutWeight { allocation: id("allocation") }]);
    }

    #[test]
    fn negative_amounts_are_flagged_but_a_zero_deficit_line_is_not() {
        let mut b = budget(vec![ExpenseLine { spent: Some(Cents(-5)), ..line("l", -100, vec![], None) }]);
        b.revenues = vec![revenue("deficit", "Déficit cours d'été", 0), revenue("perte", "Perte", -1)];
        b.rates.push(StaffRate { id: id("negatif"), label: "Négatif".into(), per_day: Cents(-2) });
        b.allocations = vec![allocation(-300, vec![share("css-1", 1.0, None)])];
        assert_eq!(
            check(b),
            [
                Finding::NegativeAmount { subject: Subject::Rate(id("negatif")), amount: Cents(-2) },
                Finding::NegativeAmount { subject: Subject::Revenue(id("perte")), amount: Cents(-1) },
                Finding::NegativeAmount { subject: Subject::Expense(id("l")), amount: Cents(-100) },
                Finding::NegativeAmount { subject: Subject::Expense(id("l")), amount: Cents(-5) },
                Finding::NegativeAmount { subject: Subject::Allocation(id("allocation")), amount: Cents(-300) },
            ]
        );
    }

    #[test]
    fn references_to_what_the_plan_does_not_have_are_reported_in_line_order() {
        let mut first =
            line("first", 0, vec![staff("professionnels", 1, 1, None), staff("chercheurs", 5, 5, None)], None);
        first.category = id("ailleurs");
        first.funds = Some(id("nulle-part"));
        let mut second = line("second", 0, vec![], None);
        second.funds = Some(id("objectif-1"));
        let mut b = budget(vec![first, second]);
        b.allocations = vec![allocation(100, vec![share("css-1", 1.0, None), share("css-inconnu", 1.0, None)])];
        let expense = || Subject::Expense(id("first"));
        assert_eq!(
            check(b),
            [
                Finding::MissingReference {
                    subject: expense(),
                    reference: Reference::ExpenseCategory,
                    missing: id("ailleurs")
                },
                Finding::MissingReference {
                    subject: expense(),
                    reference: Reference::Funds,
                    missing: id("nulle-part")
                },
                Finding::MissingReference {
                    subject: expense(),
                    reference: Reference::StaffRate,
                    missing: id("chercheurs")
                },
                Finding::MissingReference {
                    subject: Subject::Allocation(id("allocation")),
                    reference: Reference::ShareOrganisation,
                    missing: id("css-inconnu"),
                },
            ]
        );
    }

    #[test]
    fn a_line_may_fund_an_action_as_well_as_an_element() {
        let mut l = line("l", 0, vec![], None);
        l.funds = Some(sample_plan().actions[0].id.clone());
        assert_eq!(check(budget(vec![l])), []);
    }
}
