//! The regional views kept in this browser: open one, delete one (confirmed; its plans
//! stay), or make one from plans of the library. A later page's view is listed and
//! kept, not opened; a list set aside because it could not be read whole is said, with
//! its key, until the user deletes it. Plans received as files join a view
//! from the view itself (see `region_files`).

use crate::ui::components::confirm::Confirm;
use crate::ui::context::{fresh_id, use_ctx};
use crate::ui::download::set_aside_text;
use crate::ui::kit::row::{delete_and_reread, set_to, use_open, Open};
use crate::ui::kit::tick::plans_to_tick;
use crate::ui::route::Route;
use crate::ui::screens::region::member_plan;
use crate::ui::screens::region::not_saved;
use crate::ui::store::{self, Entry};
use jalon::model::id::Id;
use jalon::region::view::list::{Change, Entry as Listed};
use jalon::region::view::View;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub library: Rc<Vec<Entry>>,
}

#[function_component(Regions)]
pub fn regions(props: &Props) -> Html {
    let ctx = use_ctx();
    let views = use_state(store::views);
    let deleting = use_open::<Id>();
    let failed = use_state(|| None::<String>);

    // Read after the views: a list they could not read whole is set aside by then.
    let aside = store::views_aside();
    let aside_revision = use_state(|| 0_u32);
    let deleting_aside = use_open::<String>();

    let rows = views.entries.iter().map(|entry| {
        let (id, name, plans) = match entry {
            Listed::View(view) => (&view.id, &view.name, view.plans.len()),
            Listed::Later(later) => (&later.id, &later.name, later.plans),
        };
        let later = matches!(entry, Listed::Later(_));
        let label = |verb: &str| (ctx.words().named)(verb, name);
        let on_open = { let (ctx, id) = (ctx.clone(), id.clone()); Callback::from(move |_| ctx.go(Route::Region(id.clone()))) };
        let on_delete = set_to(&deleting, Open::Deleting(id.clone()));
        let on_confirm = {
            let (views, deleting, failed, id, lang) = (views.clone(), deleting.clone(), failed.clone(), id.clone(), ctx.lang);
            Callback::from(move |_| {
                deleting.set(Open::Nothing);
                match store::change_views(&Change::Delete(id.clone())) {
                    Ok(written) => views.set(written),
                    Err(failure) => failed.set(Some(not_saved(failure, lang))),
                }
            })
        };
        let on_keep = set_to(&deleting, Open::Nothing);
        html! {
            <li class="plan-entry" key={id.to_string()}>
                <div class="plan-entry-title"><span class="plan-name">{ name }</span></div>
                <div class="plan-entry-date">{ (ctx.words().view_plan_count)(plans) }</div>
                if later { <p class="later-view">{ ctx.words().later_view }</p> }
                if deleting.deleting(id) {
                    <Confirm label={label(ctx.words().delete)} message={ctx.words().delete_view_message}
                        yes={ctx.words().delete_good} no={ctx.words().keep_view} on_yes={on_confirm} on_no={on_keep} />
                } else {
                    <div class="plan-entry-actions">
                        if !later {
                            <button type="button" onclick={on_open} aria-label={label(ctx.words().open_verb)}>{ ctx.words().open_verb }</button>
                        }
                        <button type="button" class="danger" onclick={on_delete} aria-label={label(ctx.words().delete)}>{ ctx.words().delete }</button>
                    </div>
                }
            </li>
        }
    });
    let notices = aside.iter().map(|copy| {
        let key = copy.key.clone();
        let said = jalon::region::words::views_set_aside(&copy.damage, copy.chars, &copy.key, ctx.lang);
        let on_download = set_aside_text(key.clone());
        let on_delete = set_to(&deleting_aside, Open::Deleting(key.clone()));
        let on_confirm = delete_and_reread(&deleting_aside, &aside_revision, move || {
            store::delete_views_aside(&key);
        });
        let on_keep = set_to(&deleting_aside, Open::Nothing);
        html! {
            <div class="notice views-aside" role="alert" key={copy.key.clone()}>
                <p>{ said }</p>
                if deleting_aside.deleting(&copy.key) {
                    <Confirm label={ctx.words().delete} message={ctx.words().delete_set_aside_question}
                        yes={ctx.words().delete_good} no={ctx.words().keep} on_yes={on_confirm} on_no={on_keep} />
                } else {
                    <div class="buttons">
                        <button type="button" onclick={on_download}>{ ctx.words().download_data_set_aside }</button>
                        <button type="button" class="danger" onclick={on_delete}>{ ctx.words().delete }</button>
                    </div>
                }
            </div>
        }
    });

    html! {
        <section class="regions" aria-labelledby="regions-title">
            <h1 id="regions-title">{ ctx.words().regions_heading }</h1>
            <p>{ ctx.words().regions_intro }</p>
            { for notices }
            if let Some(message) = &*failed { <p class="file-refused" role="alert">{ message }</p> }
            if views.entries.is_empty() {
                <p class="empty">{ ctx.words().no_views }</p>
            } else {
                <ul class="plan-list">{ for rows }</ul>
            }
            <NewView library={props.library.clone()} on_failed={Callback::from(move |m| failed.set(Some(m)))} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NewViewProps {
    library: Rc<Vec<Entry>>,
    on_failed: Callback<String>,
}

/// The form that makes a view: a name and the library's plans to follow.
#[function_component(NewView)]
fn new_view(props: &NewViewProps) -> Html {
    let ctx = use_ctx();
    let name = use_state(String::new);
    let chosen = use_state(Vec::<Id>::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_submit = {
        let (ctx, name, chosen, on_failed) = (ctx.clone(), name.clone(), chosen.clone(), props.on_failed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut view = View::new(fresh_id("region"), name.trim().to_string());
            let now = chrono::Utc::now();
            for id in chosen.iter() {
                if let Some((_, digest)) = member_plan(&ctx, id) {
                    view.follow(id.clone(), digest, now);
                }
            }
            match store::change_views(&Change::Put(view.clone())) {
                Ok(_) => ctx.go(Route::Region(view.id)),
                Err(failure) => on_failed.emit(not_saved(failure, ctx.lang)),
            }
        })
    };
    // The open plan is offered even where storage refused to keep it.
    let mut entries: Vec<(Id, String)> = props.library.iter().map(|e| (e.id.clone(), e.title.clone())).collect();
    if !entries.iter().any(|(id, _)| *id == ctx.plan.id) {
        entries.insert(0, (ctx.plan.id.clone(), ctx.plan.title.clone()));
    }
    html! {
        <form class="new-view card" onsubmit={on_submit} aria-labelledby="new-view-title">
            <h2 id="new-view-title">{ ctx.words().new_view }</h2>
            <label for="new-view-name">{ ctx.words().view_name }</label>
            <input id="new-view-name" type="text" value={(*name).clone()} oninput={on_name} required=true
                placeholder={ctx.words().view_name_example} />
            { plans_to_tick("follow", ctx.words().plans_to_follow, &entries, &chosen) }
            <p class="hint">{ ctx.words().files_later }</p>
            <button type="submit" class="primary">{ ctx.words().create_view }</button>
        </form>
    }
}
