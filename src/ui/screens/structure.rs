//! The structure screen: the elements outside the tree (to put back), the plan's tree
//! as an editor, and the plan's own names for its levels and its actions.

use crate::ui::components::level_names::LevelNames;
use crate::ui::components::outside_tree::OutsideTree;
use crate::ui::components::plan_tree::PlanTree;
use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Structure)]
pub fn structure() -> Html {
    let ctx = use_ctx();
    let levels: Vec<&str> = ctx.plan.levels.iter().map(|l| l.name.plural.as_str()).collect();
    html! {
        <div class="structure">
            <h1>{ ctx.tr("Structure du plan", "Plan structure") }</h1>
            <p class="help">
                { ctx.tr("Les niveaux de ce plan\u{a0}: ", "This plan's levels: ") }
                { levels.join(" → ") }
                { format!(" → {}.", ctx.plan.action_name.plural) }
            </p>
            <OutsideTree />
            <PlanTree />
            <LevelNames />
        </div>
    }
}
