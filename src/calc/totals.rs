//! The budget's arithmetic: staff contributions, line and category totals, the balance,
//! and what was spent against what was planned, in exact cents, ready for a screen.

use crate::model::budget::{Budget, Days, ExpenseLine, StaffContribution, StaffRate};
use crate::model::id::Id;
use crate::model::money::Cents;
use std::collections::HashMap;
use std::ops::AddAssign;

/// participants × days × daily rate.
///
/// Days count in half days and half a day costs half the daily rate (140 $ for 280 $). With
/// an odd number of cents per day, an odd number of half days leaves half a cent per
/// participant-day pair; the product is rounded once, half up (away from zero, so that a
/// negative rate gives the exact opposite). The product saturates like every `Cents` sum.
pub fn staff_cost(per_day: Cents, participants: u32, days: Days) -> Cents {
    // u32 × u32 × i64 stays below 2^127: an i128 holds it without overflow.
    let half_cents = i128::from(participants) * i128::from(days.half_days) * i128::from(per_day.0);
    let rounded = (half_cents + half_cents.signum()) / 2;
    Cents(i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX }))
}

/// The computed amount of one contribution, or `None` if its rate is not in `rates`.
/// For many lines, [`Rates`] finds each rate without scanning the table.
pub fn staff_amount(contribution: &StaffContribution, rates: &[StaffRate]) -> Option<Cents> {
    let rate = rates.iter().find(|r| r.id == contribution.rate)?;
    Some(staff_cost(rate.per_day, contribution.participants, contribution.days))
}

/// The daily rates of a budget by id.
#[derive(Debug, Clone)]
pub struct Rates<'a> {
    by_id: HashMap<&'a Id, &'a StaffRate>,
}

impl<'a> Rates<'a> {
    pub fn new(rates: &'a [StaffRate]) -> Rates<'a> {
        let mut by_id = HashMap::with_capacity(rates.len());
        for rate in rates {
            // The first of two rates with one id wins, as in `staff_amount` (the loader
            // refuses duplicate ids anyway).
            by_id.entry(&rate.id).or_insert(rate);
        }
        Rates { by_id }
    }

    pub fn get(&self, id: &Id) -> Option<&'a StaffRate> {
        self.by_id.get(id).copied()
    }

    /// participants × days × rate, or `None` if the rate is missing.
    pub fn amount(&self, contribution: &StaffContribution) -> Option<Cents> {
        let rate = self.get(&contribution.rate)?;
        Some(staff_cost(rate.per_day, contribution.participants, contribution.days))
    }

    /// The amount as the document shows it: the stated amount where there is one, else
    /// the computed one (0 if the rate is missing). The document's own totals add these.
    pub fn documented(&self, contribution: &StaffContribution) -> Cents {
        contribution.stated.or_else(|| self.amount(contribution)).unwrap_or(Cents::ZERO)
    }

    /// The totals of one expense line, its staff computed from the rates.
    pub fn line(&self, line: &ExpenseLine) -> LineTotals {
        let mut staff = Cents::ZERO;
        let mut unpriced = 0;
        for contribution in &line.staff {
            match self.amount(contribution) {
                Some(amount) => staff += amount,
                None => unpriced += 1,
            }
        }
        LineTotals {
            id: line.id.clone(),
            amounts: Amounts { planned: line.planned, staff, spent: line.spent.unwrap_or(Cents::ZERO) },
            unpriced,
        }
    }
}

/// What a line, a category or the whole budget plans and spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    /// Direct expenses planned, staff excluded.
    pub planned: Cents,
    /// Staff contributions, computed: participants × days × rate.
    pub staff: Cents,
    /// What was spent, on the lines that report it (direct and staff alike: one figure
    /// per line, as the bilans report it).
    pub spent: Cents,
}

impl Amounts {
    /// Planned in all: direct + staff.
    pub fn total(self) -> Cents {
        self.planned + self.staff
    }

    /// What remains of the total once the spending is taken off (negative when overspent).
    pub fn remaining(self) -> Cents {
        self.total() - self.spent
    }
}

impl AddAssign for Amounts {
    fn add_assign(&mut self, other: Amounts) {
        self.planned += other.planned;
        self.staff += other.staff;
        self.spent += other.spent;
    }
}

/// The totals of one expense line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineTotals {
    pub id: Id,
    pub amounts: Amounts,
    /// Staff contributions whose rate the budget does not have, counted as 0.
    pub unpriced: usize,
}

/// The totals of one category's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryTotals {
    pub category: Id,
    pub amounts: Amounts,
    /// How many lines the category has.
    pub lines: usize,
}

/// Everything a budget screen shows, computed in one pass over the lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BudgetTotals {
    /// The sum of the revenue lines.
    pub revenues: Cents,
    /// One per expense line, in the order of the lines.
    pub lines: Vec<LineTotals>,
    /// One per category, in the order of the categories, empty ones included.
    pub categories: Vec<CategoryTotals>,
    /// Lines whose category the budget does not have, so that the categories and this
    /// still add up to `expenses`.
    pub uncategorised: Amounts,
    /// All the expense lines: `expenses.total()` is the total expense, `expenses.staff`
    /// the total staff contribution.
    pub expenses: Amounts,
    /// Revenues − total expenses.
    pub balance: Cents,
    /// Staff contributions whose rate is missing, over all lines.
    pub unpriced: usize,
}

impl Budget {
    pub fn rate_table(&self) -> Rates<'_> {
        Rates::new(&self.rates)
    }

    pub fn totals(&self) -> BudgetTotals {
        let rates = self.rate_table();
        let index: HashMap<&Id, usize> = self.categories.iter().enumerate().rev().map(|(i, c)| (&c.id, i)).collect();
        let mut categories: Vec<CategoryTotals> = self
            .categories
            .iter()
            .map(|c| CategoryTotals { category: c.id.clone(), amounts: Amounts::default(), lines: 0 })
            .collect();
        let mut uncategorised = Amounts::default();
        let mut expenses = Amounts::default();
        let mut unpriced = 0;
        let mut lines = Vec::with_capacity(self.expenses.len());
        for line in &self.expenses {
            let totals = rates.line(line);
            match index.get(&line.category) {
                Some(&i) => {
                    categories[i].amounts += totals.amounts;
                    categories[i].lines += 1;
                }
                None => uncategorised += totals.amounts,
            }
            expenses += totals.amounts;
            unpriced += totals.unpriced;
            lines.push(totals);
        }
        let revenues = self.revenues.iter().map(|r| r.amount).sum();
        BudgetTotals {
            revenues,
            lines,
            categories,
            uncategorised,
            expenses,
            balance: revenues - expenses.total(),
            unpriced,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::{Category, RevenueLine};

    fn rates() -> Vec<StaffRate> {
        let rate = |id: &str, label: &str, dollars| StaffRate {
            id: Id::new(id),
            label: label.into(),
            per_day: Cents::from_dollars(dollars),
        };
        vec![
            rate("professionnels", "Professionnelles, professionnels", 280),
            rate("enseignants", "Enseignantes, enseignants", 260),
            rate("techniciens", "Techniciennes et techniciens en éducation spécialisés", 260),
            rate("gestionnaires", "Gestionnaires", 0),
        ]
    }

    fn contribution(rate: &str, participants: u32, half_days: u32, stated: Option<i64>) -> StaffContribution {
        StaffContribution { rate: Id::new(rate), participants, days: Days { half_days }, stated: stated.map(Cents) }
    }

    /// The computed amount with the 2024-2025 rates of reference plan 002.
    fn amount(rate: &str, participants: u32, half_days: u32) -> Option<Cents> {
        staff_amount(&contribution(rate, participants, half_days, None), &rates())
    }

    fn line(id: &str, category: &str, planned: i64, spent: Option<i64>, staff: Vec<StaffContribution>) -> ExpenseLine {
        ExpenseLine {
            id: Id::new(id),
            category: Id::new(category),
            label: id.into(),
            planned: Cents(planned),
            spent: spent.map(Cents),
            staff,
            funds: None,
            stated_total: None,
            meta: Default::default(),
        }
    }

    #[test]
    fn ten_professionals_for_five_days_cost_fourteen_thousand_dollars() {
        // « 37-Bien-être (10 CP) 5J »: 10 × 5 × 280 $ (the document states 8 400 $).
        assert_eq!(amount("professionnels", 10, 10), Some(Cents::from_dollars(14_000)));
    }

    #[test]
    fn half_days_cost_half_the_daily_rate() {
        assert_eq!(amount("professionnels", 3, 5), Some(Cents::from_dollars(2_100)));
        assert_eq!(amount("professionnels", 1, 1), Some(Cents::from_dollars(140)));
    }

    #[test]
    fn teachers_and_technicians_cost_260_dollars_a_day_and_managers_nothing() {
        assert_eq!(amount("enseignants", 1, 2), Some(Cents::from_dollars(260)));
        assert_eq!(amount("techniciens", 2, 6), Some(Cents::from_dollars(1_560)));
        assert_eq!(amount("gestionnaires", 4, 10), Some(Cents::ZERO));
    }

    #[test]
    fn an_odd_number_of_cents_per_half_day_rounds_half_up_once() {
        let odd = Cents(28_001);
        assert_eq!(staff_cost(odd, 1, Days { half_days: 1 }), Cents(14_001));
        // Three half days: 42 001,5 cents, rounded once, not three times 14 000,5.
        assert_eq!(staff_cost(odd, 1, Days { half_days: 3 }), Cents(42_002));
        assert_eq!(staff_cost(odd, 2, Days { half_days: 1 }), Cents(28_001));
        assert_eq!(staff_cost(Cents(-28_001), 1, Days { half_days: 1 }), Cents(-14_001));
    }

    #[test]
    fn a_contribution_without_its_rate_has_no_amount() {
        assert_eq!(amount("chercheurs", 5, 10), None);
    }

    #[test]
    fn huge_contributions_saturate_instead_of_wrapping() {
        let most = staff_cost(Cents(i64::MAX), u32::MAX, Days { half_days: u32::MAX });
        assert_eq!(most, Cents(i64::MAX));
    }

    #[test]
    fn the_rate_table_agrees_with_the_scan_and_keeps_the_first_of_two_ids() {
        let mut table = rates();
        table.push(StaffRate { id: Id::new("professionnels"), label: "Doublon".into(), per_day: Cents(1) });
        let by_id = Rates::new(&table);
        let c = contribution("professionnels", 10, 10, None);
        assert_eq!(by_id.amount(&c), staff_amount(&c, &table));
        assert_eq!(by_id.amount(&c), Some(Cents::from_dollars(14_000)));
    }

    #[test]
    fn the_documented_amount_is_the_stated_one_else_the_computed_one() {
        let table = rates();
        let by_id = Rates::new(&table);
        assert_eq!(by_id.documented(&contribution("professionnels", 10, 10, Some(840_000))), Cents(840_000));
        assert_eq!(by_id.documented(&contribution("professionnels", 10, 10, None)), Cents(1_400_000));
        assert_eq!(by_id.documented(&contribution("chercheurs", 5, 10, None)), Cents::ZERO);
    }

    fn budget() -> Budget {
        let category = |id: &str| Category { id: Id::new(id), label: id.into() };
        let revenue = |id: &str, amount| RevenueLine {
            id: Id::new(id),
            label: id.into(),
            amount: Cents(amount),
            meta: Default::default(),
        };
        Budget {
            rates: rates(),
            // Reference plan 002's revenues: 667 088,00 $, with a « Déficit » line of 0.
            revenues: vec![
                revenue("cotisation", 26_275_400),
                revenue("surplus", 15_000_000),
                revenue("deficit", 0),
                revenue("salaires", 18_000_000),
                revenue("groupes", 7_060_000),
                revenue("cvi", 373_400),
            ],
            categories: vec![category("projets"), category("asrse"), category("admin")],
            expenses: vec![
                // 5 000 $ + 10 × 5 days × 280 $.
                line(
                    "bien-etre",
                    "projets",
                    500_000,
                    Some(1_200_000),
                    vec![contribution("professionnels", 10, 10, Some(840_000))],
                ),
                // 2 000 $ + 12 × 5 days × 280 $ + 2 teachers × 2,5 days × 260 $.
                line(
                    "numeratie",
                    "projets",
                    200_000,
                    None,
                    vec![contribution("professionnels", 12, 10, None), contribution("enseignants", 2, 5, None)],
                ),
                // 15 × 5 days × 280 $.
                line("tc-trp", "asrse", 0, Some(2_200_000), vec![contribution("professionnels", 15, 10, None)]),
                line("comite", "admin", 21_000_000, Some(20_000_000), vec![]),
                // A category and a rate the budget does not have.
                line("orphan", "ailleurs", 10_000, None, vec![contribution("chercheurs", 5, 10, None)]),
            ],
            ..Budget::default()
        }
    }

    #[test]
    fn line_totals_add_direct_expenses_and_computed_staff() {
        let totals = budget().totals();
        let ids: Vec<&str> = totals.lines.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["bien-etre", "numeratie", "tc-trp", "comite", "orphan"]);
        let bien_etre = totals.lines[0].amounts;
        assert_eq!(bien_etre, Amounts { planned: Cents(500_000), staff: Cents(1_400_000), spent: Cents(1_200_000) });
        assert_eq!(bien_etre.total(), Cents(1_900_000));
        assert_eq!(bien_etre.remaining(), Cents(700_000));
        assert_eq!(totals.lines[1].amounts.staff, Cents(1_680_000 + 130_000));
        assert_eq!(totals.lines[4].unpriced, 1);
        assert_eq!(totals.lines[4].amounts.total(), Cents(10_000));
    }

    #[test]
    fn an_overspent_line_has_a_negative_remainder() {
        let totals = budget().totals();
        assert_eq!(totals.lines[2].amounts.remaining(), Cents(2_100_000 - 2_200_000));
    }

    #[test]
    fn category_totals_follow_the_order_of_the_categories() {
        let totals = budget().totals();
        let summary: Vec<(&str, usize, Cents, Cents, Cents)> = totals
            .categories
            .iter()
            .map(|c| (c.category.as_str(), c.lines, c.amounts.planned, c.amounts.staff, c.amounts.spent))
            .collect();
        assert_eq!(
            summary,
            [
                ("projets", 2, Cents(700_000), Cents(1_400_000 + 1_810_000), Cents(1_200_000)),
                ("asrse", 1, Cents(0), Cents(2_100_000), Cents(2_200_000)),
                ("admin", 1, Cents(21_000_000), Cents(0), Cents(20_000_000)),
            ]
        );
        assert_eq!(totals.uncategorised, Amounts { planned: Cents(10_000), ..Amounts::default() });
    }

    #[test]
    fn revenues_expenses_staff_and_balance_add_up() {
        let totals = budget().totals();
        assert_eq!(totals.revenues, Cents(66_708_800));
        let staff = 1_400_000 + 1_810_000 + 2_100_000;
        assert_eq!(totals.expenses.staff, Cents(staff));
        assert_eq!(totals.expenses.planned, Cents(700_000 + 21_000_000 + 10_000));
        assert_eq!(totals.expenses.total(), Cents(21_710_000 + staff));
        assert_eq!(totals.expenses.spent, Cents(1_200_000 + 2_200_000 + 20_000_000));
        assert_eq!(totals.balance, Cents(66_708_800 - 21_710_000 - staff));
        assert_eq!(totals.unpriced, 1);
        let mut categories = totals.uncategorised;
        totals.categories.iter().for_each(|c| categories += c.amounts);
        assert_eq!(categories, totals.expenses);
    }

    #[test]
    fn an_empty_budget_totals_zero() {
        assert_eq!(Budget::default().totals(), BudgetTotals::default());
    }
}
