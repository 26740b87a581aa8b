//! The plan's organisations: each one's name and short code, changed where they are
//! shown (kept as typed, and saved when the field loses the focus), removed, or added
//! below.

use crate::ui::context::{fresh_id, Ctx};
use crate::ui::kit::setting_rows::{Column, Row, SettingRows};
use jalon::edit::history::What;
use jalon::edit::Change;
use jalon::words::draft::{Field, Form};
use yew::prelude::*;

pub fn organisations(ctx: &Ctx) -> Html {
    let w = ctx.words();
    let rows = ctx.plan.organisations.iter().map(|o| Row {
        key: o.id.to_string(),
        prefix: format!("org-{}", o.id),
        fields: [
            (Field::OrganisationName(o.id.clone()), o.name.clone()),
            (Field::OrganisationCode(o.id.clone()), o.code.clone()),
        ],
        name: o.name.clone(),
        delete: Change::DeleteOrganisation { organisation: o.id.clone() },
    });
    let added = Callback::from(|[name, code]: [String; 2]| Change::AddOrganisation { id: fresh_id("org"), name, code });
    html! {
        <SettingRows title_id="organisations-title" title={w.organisations} empty={w.no_organisation}
            columns={[Column { label: w.organisation_name, suffix: "name", short: false },
                Column { label: w.short_code, suffix: "code", short: true }]}
            rows={rows.collect::<Vec<_>>()} what={What::Organisations}
            new_form={Form::NewOrganisation} new_prefix="org-new" new_name={w.new_organisation}
            add={w.add_organisation} {added} />
    }
}
