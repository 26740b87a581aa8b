//! The plan's target-group codes (« 1 » = jeunes, « 2 » = familles…): each code and
//! label changed where it is shown (kept as typed, and saved when the field loses the
//! focus), removed, or added below. A code taken by another group is refused under its
//! field.

use crate::ui::context::Ctx;
use crate::ui::kit::setting_rows::{Column, Row, SettingRows};
use jalon::edit::history::What;
use jalon::edit::Change;
use jalon::words::draft::{Field, Form};
use yew::prelude::*;

pub fn target_groups(ctx: &Ctx) -> Html {
    let w = ctx.words();
    // Fields are named by position: a code is what the user changes here.
    let rows = ctx.plan.target_groups.iter().enumerate().map(|(index, g)| Row {
        key: format!("{index}-{}", g.code),
        prefix: format!("group-{index}"),
        fields: [
            (Field::GroupCode(g.code.clone()), g.code.clone()),
            (Field::GroupLabel(g.code.clone()), g.label.clone()),
        ],
        name: g.code.clone(),
        delete: Change::DeleteTargetGroup { group: g.code.clone() },
    });
    let added = Callback::from(|[code, label]: [String; 2]| Change::AddTargetGroup { code, label });
    html! {
        <SettingRows title_id="target-groups-title" title={w.target_groups}
            help={(w.target_groups_help)(&ctx.plan.action_name.plural)} empty={w.no_target_groups_defined}
            columns={[Column { label: w.code, suffix: "code", short: true },
                Column { label: w.label, suffix: "label", short: false }]}
            rows={rows.collect::<Vec<_>>()} what={What::TargetGroups}
            new_form={Form::NewGroup} new_prefix="group-new" new_name={w.new_target_group}
            add={w.add_target_group} {added} />
    }
}
