//! Changes to the budget: revenue lines, expense categories and lines with their staff
//! contributions, the rate table, allocations and their shares; and the reading of the
//! amounts, days and weights a treasurer types (« 18 464,15 $ », « 18464.15 », « 2,5 »).
//!
//! Deleting a category takes its expense lines with it, and deleting a rate takes the
//! staff contributions priced by it: nothing is left pointing at what is gone.

use super::{Edited, Refused};
use crate::budget::{
    Allocation, Budget, Category, Days, ExpenseLine, RevenueLine, Share, StaffContribution, StaffRate,
};
use crate::id::{Id, Meta};
use crate::money::Cents;
use crate::plan::Plan;
use crate::text::Lang;

// ---------------------------------------------------------------------------------------
// Reading typed figures

/// Why a typed figure was not read. `message` says it in French or English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Nothing was typed where a figure is required.
    Empty,
    /// The text is not a number (« 12 abc »).
    NotANumber(String),
    /// An amount with more than two decimals: money is kept to the cent.
    BelowTheCent(String),
    /// A number too large to hold.
    TooLarge(String),
    /// Days must be whole or half days, not negative.
    NotHalfDays(String),
    /// A count of participants must be a whole number, not negative.
    NotACount(String),
    /// A weight in an allocation key must not be negative.
    NegativeWeight(String),
}

impl InputError {
    pub fn message(&self, lang: Lang) -> String {
        use InputError::*;
        match (self, lang) {
            (Empty, Lang::Fr) => "Indiquez un nombre.".into(),
            (Empty, Lang::En) => "Enter a number.".into(),
            (NotANumber(t), Lang::Fr) => {
                format!("« {t} » n'est pas un montant lisible : écrivez par exemple 18 464,15 $ ou 18464.15.")
            }
            (NotANumber(t), Lang::En) => {
                format!("“{t}” is not a readable amount: write for example $18,464.15 or 18464.15.")
            }
            (BelowTheCent(t), Lang::Fr) => format!("« {t} » a plus de deux décimales : un montant s'arrête au cent."),
            (BelowTheCent(t), Lang::En) => format!("“{t}” has more than two decimals: an amount stops at the cent."),
            (TooLarge(t), Lang::Fr) => format!("« {t} » est trop grand pour être conservé."),
            (TooLarge(t), Lang::En) => format!("“{t}” is too large to hold."),
            (NotHalfDays(t), Lang::Fr) => {
                format!("« {t} » n'est pas un nombre de jours : indiquez des jours entiers ou des demi-journées (2 ou 2,5).")
            }
            (NotHalfDays(t), Lang::En) => {
                format!("“{t}” is not a number of days: give whole or half days (2 or 2.5).")
            }
            (NotACount(t), Lang::Fr) => format!("« {t} » n'est pas un nombre entier de participants."),
            (NotACount(t), Lang::En) => format!("“{t}” is not a whole number of participants."),
            (NegativeWeight(t), Lang::Fr) => {
                format!("« {t} » est négatif : un poids de répartition est positif ou nul.")
            }
            (NegativeWeight(t), Lang::En) => format!("“{t}” is negative: an allocation weight is zero or more."),
        }
    }
}

/// A decimal number as typed: its sign, its digits before and after the decimal mark.
struct Decimal {
    negative: bool,
    whole: String,
    fraction: String,
}

/// How to read a lone comma or period followed by exactly three digits (« 18,464 »).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lone {
    /// As thousands, as amounts are written in English: « 18,464 » is 18 464.
    GroupsThousands,
    /// As the decimal mark, as weights with three decimals are: « 5,371 » is 5,371.
    IsDecimal,
}

/// Reads « 18 464,15 $ », « $18,464.15 », « 18464.15 », « 18 464 », « -5 ».
///
/// Spaces (plain, no-break, narrow no-break) and a dollar sign are ignored. When both a
/// comma and a period appear, the last one is the decimal mark and the other groups
/// thousands. When only one of them appears more than once, it groups thousands; once,
/// it is the decimal mark, unless followed by exactly three digits and `lone` says
/// those group thousands.
fn decimal(text: &str, lone: Lone) -> Result<Decimal, InputError> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err(InputError::Empty);
    }
    let bad = || InputError::NotANumber(typed.to_owned());
    let compact: String = typed.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '$')).collect();
    let (negative, body) = match compact.strip_prefix('-').or_else(|| compact.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(bad());
    }
    let decimal_mark = decimal_mark(body, lone);
    let (whole, fraction) = match decimal_mark.and_then(|mark| body.rsplit_once(mark)) {
        Some((whole, fraction)) => (whole, fraction),
        None => (body, ""),
    };
    if fraction.contains([',', '.']) {
        return Err(bad());
    }
    // What is left of the whole part may only group thousands, by threes.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well || (whole.is_empty() && fraction.is_empty()) {
        return Err(bad());
    }
    Ok(Decimal { negative, whole: groups.concat(), fraction: fraction.to_owned() })
}

fn decimal_mark(body: &str, lone: Lone) -> Option<char> {
    let last_comma = body.rfind(',');
    let last_period = body.rfind('.');
    match (last_comma, last_period) {
        (Some(c), Some(p)) => Some(if c > p { ',' } else { '.' }),
        (Some(_), None) => single_mark(body, ',', lone),
        (None, Some(_)) => single_mark(body, '.', lone),
        (None, None) => None,
    }
}

/// The one kind of separator typed is the decimal mark unless it groups thousands.
fn single_mark(body: &str, mark: char, lone: Lone) -> Option<char> {
    let count = body.matches(mark).count();
    let after = body.rsplit_once(mark).map_or(0, |(_, tail)| tail.len());
    let groups_thousands = count > 1 || (after == 3 && lone == Lone::GroupsThousands);
    (!groups_thousands).then_some(mark)
}

/// An amount of money, to the cent.
pub fn parse_money(text: &str) -> Result<Cents, InputError> {
    let d = decimal(text, Lone::GroupsThousands)?;
    let typed = || text.trim().to_owned();
    if d.fraction.len() > 2 {
        return Err(InputError::BelowTheCent(typed()));
    }
    let cents_text = format!("{}{:0<2}", d.whole, d.fraction);
    let cents: i64 = cents_text.parse().map_err(|_| InputError::TooLarge(typed()))?;
    Ok(Cents(if d.negative { -cents } else { cents }))
}

/// An amount that may be left blank (a spent amount not reported yet).
pub fn parse_optional_money(text: &str) -> Result<Option<Cents>, InputError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_money(text).map(Some)
    }
}

/// A number of days, whole or half (« 2,5 »).
pub fn parse_days(text: &str) -> Result<Days, InputError> {
    let d = decimal(text, Lone::IsDecimal)?;
    let not_days = || InputError::NotHalfDays(text.trim().to_owned());
    let fraction = d.fraction.trim_end_matches('0');
    if d.negative || !(fraction.is_empty() || fraction == "5") {
        return Err(not_days());
    }
    let whole: u32 = if d.whole.is_empty() { 0 } else { d.whole.parse().map_err(|_| not_days())? };
    let half_days = whole.checked_mul(2).and_then(|h| h.checked_add(u32::from(fraction == "5")));
    half_days.map(|half_days| Days { half_days }).ok_or_else(not_days)
}

/// A whole number of participants.
pub fn parse_participants(text: &str) -> Result<u32, InputError> {
    let d = decimal(text, Lone::GroupsThousands)?;
    let not_count = || InputError::NotACount(text.trim().to_owned());
    if d.negative || d.whole.is_empty() || !d.fraction.trim_end_matches('0').is_empty() {
        return Err(not_count());
    }
    d.whole.parse().map_err(|_| not_count())
}

/// A weight of an allocation key (a student count, a percentage, an amount).
pub fn parse_weight(text: &str) -> Result<f64, InputError> {
    let d = decimal(text, Lone::IsDecimal)?;
    let typed = || text.trim().to_owned();
    if d.negative {
        return Err(InputError::NegativeWeight(typed()));
    }
    let whole = if d.whole.is_empty() { "0" } else { d.whole.as_str() };
    let weight: f64 = format!("{whole}.{}0", d.fraction).parse().map_err(|_| InputError::NotANumber(typed()))?;
    if weight.is_finite() {
        Ok(weight)
    } else {
        Err(InputError::TooLarge(typed()))
    }
}

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
}

pub fn add_expense(plan: &mut Plan, id: Id, fields: ExpenseFields) -> Edited {
    require_category(&plan.budget, &fields.category)?;
    plan.budget.expenses.push(ExpenseLine {
        id,
        category: fields.category,
        label: fields.label.trim().to_owned(),
        planned: fields.planned,
        spent: fields.spent,
        staff: Vec::new(),
        funds: None,
        stated_total: None,
        meta: Meta::default(),
    });
    Ok(())
}

pub fn update_expense(plan: &mut Plan, id: &Id, fields: ExpenseFields) -> Edited {
    require_category(&plan.budget, &fields.category)?;
    let line = expense(&mut plan.budget, id)?;
    line.category = fields.category;
    line.label = fields.label.trim().to_owned();
    line.planned = fields.planned;
    line.spent = fields.spent;
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
    use crate::sample::sample_plan;

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
    fn money_is_read_in_french_and_english_writing() {
        for (typed, cents) in [
            ("18 464,15 $", 1_846_415),
            ("18\u{a0}464,15\u{a0}$", 1_846_415),
            ("18\u{202f}464,15", 1_846_415),
            ("18464.15", 1_846_415),
            ("$18,464.15", 1_846_415),
            ("18.464,15", 1_846_415),
            ("18 464", 1_846_400),
            ("18,464", 1_846_400),
            ("343 800,01 $", 34_380_001),
            ("1 234 567", 123_456_700),
            ("12,5", 1_250),
            ("0,05", 5),
            (",5", 50),
            ("-5", -500),
            ("  280 ", 28_000),
        ] {
            assert_eq!(parse_money(typed), Ok(Cents(cents)), "{typed}");
        }
    }

    #[test]
    fn money_that_cannot_be_read_is_refused_with_its_reason() {
        assert_eq!(parse_money("  "), Err(InputError::Empty));
        assert_eq!(parse_money("12 abc"), Err(InputError::NotANumber("12 abc".into())));
        assert_eq!(parse_money("1,2,3"), Err(InputError::NotANumber("1,2,3".into())));
        assert_eq!(parse_money("12,34,5"), Err(InputError::NotANumber("12,34,5".into())));
        assert_eq!(parse_money("$"), Err(InputError::NotANumber("$".into())));
        assert_eq!(parse_money("1.5.5"), Err(InputError::NotANumber("1.5.5".into())));
        assert_eq!(parse_money("12,345.678"), Err(InputError::BelowTheCent("12,345.678".into())));
        assert_eq!(parse_money("99999999999999999999"), Err(InputError::TooLarge("99999999999999999999".into())));
    }

    #[test]
    fn an_optional_amount_may_be_left_blank() {
        assert_eq!(parse_optional_money(""), Ok(None));
        assert_eq!(parse_optional_money("12"), Ok(Some(dollars(12))));
        assert!(parse_optional_money("douze").is_err());
    }

    #[test]
    fn days_are_whole_or_half() {
        assert_eq!(parse_days("5"), Ok(Days::whole(5)));
        assert_eq!(parse_days("2,5"), Ok(Days { half_days: 5 }));
        assert_eq!(parse_days("10.50"), Ok(Days { half_days: 21 }));
        assert_eq!(parse_days("2,25"), Err(InputError::NotHalfDays("2,25".into())));
        assert_eq!(parse_days("-1"), Err(InputError::NotHalfDays("-1".into())));
    }

    #[test]
    fn participants_are_whole_numbers() {
        assert_eq!(parse_participants("12"), Ok(12));
        assert_eq!(parse_participants("1,5"), Err(InputError::NotACount("1,5".into())));
        assert_eq!(parse_participants("-2"), Err(InputError::NotACount("-2".into())));
    }

    #[test]
    fn weights_keep_their_decimals_and_are_never_negative() {
        assert_eq!(parse_weight("18 464,15"), Ok(18_464.15));
        assert_eq!(parse_weight("5,371"), Ok(5.371), "a weight's lone comma is its decimal mark");
        assert_eq!(parse_weight("18,464.15"), Ok(18_464.15));
        assert_eq!(parse_weight("5,3712"), Ok(5.3712));
        assert_eq!(parse_weight("-1"), Err(InputError::NegativeWeight("-1".into())));
    }

    #[test]
    fn every_input_error_is_said_in_both_languages() {
        let errors = [
            InputError::Empty,
            InputError::NotANumber("x".into()),
            InputError::BelowTheCent("x".into()),
            InputError::TooLarge("x".into()),
            InputError::NotHalfDays("x".into()),
            InputError::NotACount("x".into()),
            InputError::NegativeWeight("x".into()),
        ];
        for error in errors {
            let (fr, en) = (error.message(Lang::Fr), error.message(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{error:?}");
        }
        assert!(InputError::NotANumber("douze".into()).message(Lang::Fr).contains("« douze »"));
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
        assert!(crate::check::check(&plan).is_empty(), "no contribution is left without its rate");
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
