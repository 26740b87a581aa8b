//! How a cell names an objective, both ways: by its code, or where codes restart under
//! other parents and several objectives share it, by its title, or where titles are
//! shared too, by its id; read back by code, id or title (case and accents ignored).

use super::Problem;
use crate::calc::search::fold;
use crate::model::element::Element;
use crate::model::id::Id;
use crate::model::plan::Plan;
use std::collections::HashMap;

/// The objective-level elements of a plan with their codes, looked up both ways.
pub struct Objectives<'a> {
    plan: &'a Plan,
    codes: HashMap<Id, String>,
    by_code: HashMap<String, Vec<&'a Element>>,
    by_title: HashMap<String, Vec<&'a Element>>,
}

impl<'a> Objectives<'a> {
    pub fn new(plan: &'a Plan) -> Objectives<'a> {
        let codes = plan.codes();
        let mut by_code: HashMap<String, Vec<&Element>> = HashMap::new();
        let mut by_title: HashMap<String, Vec<&Element>> = HashMap::new();
        for objective in plan.objectives() {
            if let Some(code) = codes.get(&objective.id).filter(|c| !c.is_empty()) {
                by_code.entry(code.clone()).or_default().push(objective);
            }
            by_title.entry(fold(objective.title.trim())).or_default().push(objective);
        }
        Objectives { plan, codes, by_code, by_title }
    }

    /// The name a cell gives the element `id`.
    pub fn name(&self, id: &Id) -> String {
        let Some(element) = self.plan.element(id) else { return id.to_string() };
        let code = self.codes.get(id).map(String::as_str).unwrap_or("");
        if self.by_code.get(code).is_some_and(|found| found.len() == 1) {
            code.to_owned()
        } else if self.by_title.get(&fold(element.title.trim())).is_some_and(|found| found.len() == 1) {
            element.title.clone()
        } else {
            id.to_string()
        }
    }

    /// The objective a cell names.
    pub fn read(&self, name: &str) -> Result<Id, Problem> {
        let name = name.trim();
        match self.by_code.get(name).map(Vec::as_slice) {
            Some([one]) => return Ok(one.id.clone()),
            Some([_, _, ..]) => return Err(Problem::AmbiguousCode(name.to_owned())),
            _ => {}
        }
        if let Some(element) = self.plan.element(&Id::new(name)) {
            return if element.level == self.plan.objective_level {
                Ok(element.id.clone())
            } else {
                Err(Problem::NotAnObjective(name.to_owned()))
            };
        }
        match self.by_title.get(&fold(name)).map(Vec::as_slice) {
            Some([one]) => Ok(one.id.clone()),
            Some([_, _, ..]) => Err(Problem::AmbiguousCode(name.to_owned())),
            _ => Err(Problem::NoSuchElement(name.to_owned())),
        }
    }
}
