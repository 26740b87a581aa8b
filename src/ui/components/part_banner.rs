//! What a part's recipient sees on every screen: where the part comes from, what to do
//! with it, and the one button that exports it to send back.

use super::send_part::part_file_name;
use crate::ui::app::Msg;
use crate::ui::context::use_ctx;
use crate::ui::download::download;
use crate::ui::store::{self, Exported};
use jalon::format;
use jalon::text::sharing;
use yew::prelude::*;

#[function_component(PartBanner)]
pub fn part_banner() -> Html {
    let ctx = use_ctx();
    let Some(part) = ctx.plan.part.as_ref() else { return html! {} };
    let sent = part.at.with_timezone(&chrono::Local).date_naive();
    let on_export = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(part) = ctx.plan.part.as_ref() else { return };
            let file = format::save(&ctx.plan);
            let name = part_file_name(ctx.words().return_kind, &part.to, ctx.today);
            if download(&name, &file, "application/json") {
                let record = Exported { at: Some(chrono::Utc::now()), digest: format::digest(&file) };
                store::set_exported(&ctx.plan.id, &record);
                ctx.dispatch.emit(Msg::Exported(record));
            }
        })
    };
    html! {
        <section class="part-banner" aria-labelledby="part-banner-title">
            <h2 id="part-banner-title">{ ctx.words().part_banner_title }</h2>
            <p>{ sharing::part_origin(&ctx.plan, part, sent, ctx.lang) }</p>
            <p>{ ctx.words().part_instructions }</p>
            <button type="button" class="primary" onclick={on_export}>{ ctx.words().export_return }</button>
        </section>
    }
}
