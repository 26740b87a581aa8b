//! The structure screen: the elements outside the tree (to put back), the plan's tree
//! as an editor, and the plan's own names for its levels and its actions.

use crate::ui::components::context_only::ContextOnly;
use crate::ui::components::level_names::LevelNames;
use crate::ui::components::outside_tree::OutsideTree;
use crate::ui::components::plan_tree::PlanTree;
use crate::ui::context::use_ctx;
use yew::prelude::*;

#[function_component(Structure)]
pub fn structure() -> Html {
    let ctx = use_ctx();
    let mut levels: Vec<&str> = ctx.plan.levels.iter().map(|l| l.name.plural.as_str()).collect();
    levels.push(&ctx.plan.action_name.plural);
    html! {
        <div class="structure">
            <h1>{ ctx.words().plan_structure }</h1>
            <p class="help">
                { (ctx.words().plan_levels_are)(&levels.join(" → ")) }
            </p>
            <ContextOnly>
                <OutsideTree />
                <PlanTree />
                <LevelNames />
            </ContextOnly>
        </div>
    }
}
