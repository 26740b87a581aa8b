//! A list of plans to tick (those a regional view follows, those added to it): each a
//! box named by the plan's title, the plans ticked kept in the order they were ticked.

use jalon::model::id::Id;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `chosen` once `id` is ticked or not: ticked at the end, unticked taken out.
pub fn ticked(chosen: &[Id], id: &Id, tick: bool) -> Vec<Id> {
    let mut next: Vec<Id> = chosen.iter().filter(|c| *c != id).cloned().collect();
    if tick {
        next.push(id.clone());
    }
    next
}

/// The boxes of `plans` (id, title) under `legend`, their ids « <prefix>-<n> ».
pub fn plans_to_tick(prefix: &str, legend: &str, plans: &[(Id, String)], chosen: &UseStateHandle<Vec<Id>>) -> Html {
    let boxes = plans.iter().enumerate().map(|(index, (id, title))| {
        let field = format!("{prefix}-{index}");
        let on_change = {
            let (chosen, id) = (chosen.clone(), id.clone());
            Callback::from(move |e: Event| {
                chosen.set(ticked(&chosen, &id, e.target_unchecked_into::<HtmlInputElement>().checked()))
            })
        };
        html! {
            <div class="choice" key={id.to_string()}>
                <input type="checkbox" id={field.clone()} checked={chosen.contains(id)} onchange={on_change} />
                <label for={field}>{ title }</label>
            </div>
        }
    });
    html! {
        <fieldset class="follow">
            <legend>{ legend }</legend>
            { for boxes }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::ticked;
    use jalon::model::id::Id;

    #[test]
    fn a_plan_ticked_goes_last_and_unticked_goes() {
        let (a, b) = (Id::new("a"), Id::new("b"));
        assert_eq!(ticked(std::slice::from_ref(&a), &b, true), [a.clone(), b.clone()]);
        assert_eq!(ticked(&[b.clone(), a.clone()], &b, true), [a.clone(), b.clone()]);
        assert_eq!(ticked(&[a.clone(), b.clone()], &a, false), [b]);
        assert!(ticked(&[], &a, false).is_empty());
    }
}
