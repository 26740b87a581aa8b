//! What a part's recipient sees on every screen: where the part comes from, what to do
//! with it, and the one button that exports it to send back, which then says the file
//! it wrote and to whom it goes.

use super::send_part::part_file_name;
use crate::ui::context::use_ctx;
use jalon::share::words as sharing;
use yew::prelude::*;

#[function_component(PartBanner)]
pub fn part_banner() -> Html {
    let ctx = use_ctx();
    // The name of the file last exported, to say where the return is.
    let exported = use_state(|| None::<String>);
    let Some(part) = ctx.plan.part.as_ref() else { return html! {} };
    let sent = crate::ui::local_day(part.at);
    let on_export = {
        let (ctx, exported) = (ctx.clone(), exported.clone());
        let name = part_file_name(ctx.words().return_kind, &part.to, ctx.today);
        Callback::from(move |_: MouseEvent| exported.set(ctx.export(&name).then(|| name.clone())))
    };
    html! {
        <section class="part-banner" aria-labelledby="part-banner-title">
            <h2 id="part-banner-title">{ ctx.words().part_banner_title }</h2>
            <p>{ sharing::part_origin(&ctx.plan, part, sent, ctx.lang) }</p>
            <p>{ (ctx.words().part_instructions)(&ctx.plan.action_name.plural) }</p>
            <button type="button" class="primary" onclick={on_export}>{ ctx.words().export_return }</button>
            <p role="status" class="done">
                if let Some(file) = &*exported { { (ctx.words().return_exported)(file, &part.from) } }
            </p>
        </section>
    }
}
