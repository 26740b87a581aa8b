//! One regional view: its plans seen together as of a date (each organisation's
//! statuses, actions and checks, the region's totals, the levels and target groups the
//! plans share), the indicators that measure the same thing side by side, and the plans
//! to add, from the library or from files. The plans are read, never changed, except
//! when the coordinator takes a newer file of one.

use crate::ui::components::indicator_match::{IndicatorMatch, Members};
use crate::ui::components::pager::{rows_in, use_page, Pager};
use crate::ui::components::region_files::RegionFiles;
use crate::ui::components::stacked_bar::{action_parts, status_parts, StackedBar};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::kit::badge::status_badge;
use crate::ui::kit::copy_table::copyable;
use crate::ui::kit::row::set_to;
use crate::ui::kit::table_head::column_heads;
use crate::ui::kit::tick::plans_to_tick;
use crate::ui::route::Route;
use crate::ui::store::{self, Entry};
use chrono::NaiveDate;
use jalon::format;
use jalon::model::id::Id;
use jalon::model::plan::Plan;
use jalon::region::export::{regional_plan, Exported};
use jalon::region::view::list::Change;
use jalon::region::view::{matches, Edit, Pick, View};
use jalon::region::{consolidate, Names, Regional};
use jalon::words::text;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A change of the view, written at once (see `RegionScreen`).
type ViewEdit = Callback<Edit>;

/// Matches per page: each holds a row and a chart per organisation.
const MATCHES_PER_PAGE: usize = 5;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: Id,
    pub library: Rc<Vec<Entry>>,
}

/// The plan under `id` as the view reads it (the open one as on screen), with the
/// digest of its file.
pub fn member_plan(ctx: &Ctx, id: &Id) -> Option<(Plan, String)> {
    if &ctx.plan.id == id {
        let plan = (*ctx.plan).clone();
        let digest = format::digest(&format::save(&plan));
        return Some((plan, digest));
    }
    match store::load_plan(id) {
        store::Stored::Plan { plan, digest, .. } => Some((*plan, digest)),
        _ => None,
    }
}

impl Members {
    fn read(ctx: &Ctx, ids: &[Id], names: Names) -> Members {
        let mut members = Members { plans: Vec::new(), digests: Vec::new(), missing: Vec::new(), names };
        for id in ids {
            match member_plan(ctx, id) {
                Some((plan, digest)) => {
                    members.plans.push(plan);
                    members.digests.push(digest);
                }
                None => members.missing.push(id.clone()),
            }
        }
        members
    }

    pub fn refs(&self) -> Vec<&Plan> {
        self.plans.iter().collect()
    }
}

#[function_component(RegionScreen)]
pub fn region_screen(props: &Props) -> Html {
    let ctx = use_ctx();
    let view = {
        let id = props.id.clone();
        use_state(move || store::views().view(&id).cloned())
    };
    // Bumped when files change plans of the library: the view reads them again.
    let reread = use_state(|| 0_u32);
    let as_of = use_state(|| ctx.today);
    let failed = use_state(|| None::<String>);
    let matching = use_state(|| false);
    let (matches_page, on_matches_page) = use_page();

    let ids: Vec<Id> = view.as_ref().map(|v| v.plans.iter().map(|f| f.plan.clone()).collect()).unwrap_or_default();
    let names = view.as_ref().map(View::names).unwrap_or_default();
    let open_revision = ids.contains(&ctx.plan.id).then_some(ctx.revision);
    let members = {
        let ctx = ctx.clone();
        use_memo((ids, names, *reread, open_revision), move |(ids, names, _, _)| {
            Members::read(&ctx, ids, names.clone())
        })
    };
    let regional = {
        let members = members.clone();
        use_memo((members, *as_of), |(members, as_of)| consolidate(&members.refs(), &members.names, *as_of))
    };
    // The region as one plan, under an id its view gives it: exported again, it is the
    // same plan, which the file's preview then says it replaces.
    let exported = {
        let named = view
            .as_ref()
            .map(|v| (Id::new(format!("{}-plan", v.id)), v.name.clone()))
            .unwrap_or((Id::new("region-plan"), String::new()));
        use_memo((members.clone(), named), |(members, (id, name))| {
            regional_plan(&members.refs(), &members.names, id.clone(), name.clone(), None)
        })
    };

    // Every change of the view is written at once, to the view as storage holds it; on
    // failure nothing changes on screen.
    let change = {
        let (view, failed, lang) = (view.clone(), failed.clone(), ctx.lang);
        Callback::from(move |edit: Edit| {
            let Some(id) = view.as_ref().map(|v| v.id.clone()) else { return };
            match store::change_views(&Change::Edit(id.clone(), edit)) {
                Ok(written) => {
                    failed.set(None);
                    view.set(written.view(&id).cloned());
                }
                Err(failure) => failed.set(Some(not_saved(failure, lang))),
            }
        })
    };

    let Some(view) = (*view).clone() else {
        return html! {
            <section class="region">
                <h1>{ ctx.words().regions_heading }</h1>
                <p class="empty">{ ctx.words().view_missing }</p>
                <p><a href={Route::Regions.href()}>{ ctx.words().back_to_views }</a></p>
            </section>
        };
    };
    let on_as_of = {
        let as_of = as_of.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(day) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                as_of.set(day);
            }
        })
    };
    let on_taken = {
        let (change, reread) = (change.clone(), reread.clone());
        Callback::from(move |taken: Vec<(Id, String)>| {
            let now = chrono::Utc::now();
            // A plan already followed keeps the version last looked at: its new one is
            // shown as changed until the coordinator marks it seen.
            change.emit(Edit::Follow(taken, now));
            reread.set(*reread + 1);
        })
    };
    let shown = matches(&view, &members.refs());
    let on_confirm = {
        let change = change.clone();
        Callback::from(move |picks: Vec<Pick>| change.emit(Edit::Confirm(picks)))
    };
    let on_dismiss = {
        let change = change.clone();
        Callback::from(move |picks: Vec<Pick>| change.emit(Edit::Dismiss(picks)))
    };

    html! {
        <section class="region" aria-labelledby="region-title">
            <p class="back"><a href={Route::Regions.href()}>{ ctx.words().back_to_views }</a></p>
            <h1 id="region-title">{ &view.name }</h1>
            <div class="as-of">
                <label for="region-as-of">{ ctx.words().as_of }</label>
                <input id="region-as-of" type="date" value={as_of.format("%Y-%m-%d").to_string()} onchange={on_as_of} />
            </div>
            if let Some(message) = &*failed { <p class="file-refused" role="alert">{ message }</p> }
            { for members.missing.iter().map(|id| html! {
                <p class="warn">{ (ctx.words().plan_not_in_browser)(id.as_str()) }</p>
            }) }
            { members_table(&ctx, &view, &members, &regional, &props.library, &change) }
            { held_section(&ctx, &members, &regional) }
            { names_section(&ctx, &view, &members, &change) }
            { shared_section(&ctx, &regional) }
            <section class="card matches" aria-labelledby="matches-title">
                <h2 id="matches-title">{ ctx.words().matches_heading }</h2>
                <p>{ ctx.words().matches_intro }</p>
                if shown.is_empty() {
                    <p class="empty">{ ctx.words().no_matches }</p>
                }
                if *matching {
                    <IndicatorMatch index={usize::MAX} fresh=true found={jalon::region::view::Match { label: String::new(), indicators: Vec::new(), confirmed: false }}
                        members={members.clone()} as_of={*as_of} on_confirm={on_confirm.clone()} on_dismiss={on_dismiss.clone()}
                        on_close={set_to(&matching, false)} />
                } else if members.plans.len() > 1 {
                    <div class="buttons">
                        <button type="button" onclick={set_to(&matching, true)}>{ ctx.words().new_match }</button>
                    </div>
                }
                <Pager total={shown.len()} page={matches_page} size={MATCHES_PER_PAGE} hide_single_page=true
                    label={ctx.words().matches_heading} on_page={on_matches_page} />
                { for rows_in(&shown, matches_page, MATCHES_PER_PAGE).iter().enumerate().map(|(index, found)| html! {
                    <IndicatorMatch key={match_key(found)} {index} found={found.clone()}
                        members={members.clone()} as_of={*as_of}
                        on_confirm={on_confirm.clone()} on_dismiss={on_dismiss.clone()} />
                }) }
            </section>
            <AddFromLibrary view={view.clone()} library={props.library.clone()} change={change.clone()} />
            <RegionFiles {on_taken} />
            { export_section(&ctx, &members, &exported) }
        </section>
    }
}

/// Each organisation's figures as of the date, then the region's.
fn members_table(
    ctx: &Ctx,
    view: &View,
    members: &Rc<Members>,
    regional: &Regional,
    library: &[Entry],
    change: &ViewEdit,
) -> Html {
    let lang = ctx.lang;
    let w = ctx.words();
    let rows = regional.members.iter().zip(&members.plans).zip(&members.digests).map(|((member, plan), digest)| {
        let checkpoint = member.checkpoint.as_ref().and_then(|id| plan.checkpoints.iter().find(|c| &c.id == id));
        let checkpoint = match checkpoint {
            Some(c) => format!("{} ({})", c.label, text::day(c.date, lang)),
            None => w.no_checkpoint_yet.to_string(),
        };
        let kept = library.iter().find(|e| e.id == plan.id).map(|e| (w.kept_on)(&text::day(crate::ui::local_day(e.modified), lang)));
        let seen = view.plans.iter().find(|f| f.plan == plan.id);
        let changed = seen.filter(|f| f.seen != *digest).map(|f| (w.changed_since_seen)(&text::day(crate::ui::local_day(f.seen_at), lang)));
        let on_seen = {
            let (change, id, digest) = (change.clone(), plan.id.clone(), digest.clone());
            Callback::from(move |_: MouseEvent| {
                change.emit(Edit::Seen { plan: id.clone(), digest: digest.clone(), at: chrono::Utc::now() })
            })
        };
        let on_remove = {
            let (change, id) = (change.clone(), plan.id.clone());
            Callback::from(move |_: MouseEvent| change.emit(Edit::Unfollow(id.clone())))
        };
        let on_open = {
            let (ctx, id) = (ctx.clone(), plan.id.clone());
            Callback::from(move |_: MouseEvent| {
                if id == ctx.plan.id {
                    ctx.go(Route::Dashboard);
                } else if let Some((plan, base)) = store::read_plan(&id) {
                    ctx.open(plan, false, Some(base), Some(Route::Dashboard));
                }
            })
        };
        let label = |verb: &str| (w.named)(verb, &member.name);
        html! {
            <tr key={plan.id.to_string()}>
                <th scope="row">{ &member.name }</th>
                <td>
                    <span class="plan-name">{ &plan.title }</span>
                    if let Some(kept) = kept { <br /><span class="hint">{ kept }</span> }
                    if let Some(changed) = changed {
                        <br /><span class="badge changed">{ changed }</span>
                        { " " }<button type="button" class="link" onclick={on_seen} aria-label={label(w.mark_seen)}>{ w.mark_seen }</button>
                    }
                </td>
                <td>{ checkpoint }</td>
                <td>
                    { status_badge(member.figures.indicators.status(&plan.settings), lang) }
                    <StackedBar parts={status_parts(&member.figures.indicators, lang)} />
                    <span class="counts">{ text::status_counts(&member.figures.indicators, lang) }</span>
                </td>
                <td>
                    <StackedBar parts={action_parts(&member.figures.actions, lang)} />
                    <span class="counts">{ text::action_counts(&member.figures.actions, lang) }</span>
                </td>
                <td class="number">{ member.figures.findings }</td>
                <td class="row-actions">
                    <button type="button" onclick={on_open} aria-label={label(w.open_verb)}>{ w.open_verb }</button>
                    <button type="button" onclick={on_remove} aria-label={label(w.remove_from_view)}>{ w.remove_from_view }</button>
                </td>
            </tr>
        }
    });
    let totals = &regional.totals;
    // Bound as the table renders: « Copier » reads the table shown.
    let copy_ref = NodeRef::default();
    html! {
        <section class="card region-members" aria-labelledby="members-title">
            <h2 id="members-title">{ (w.region_as_of)(&text::day(regional.as_of, lang)) }</h2>
            { copyable(&copy_ref, w.organisations_in_view, html! {
                <table>
                    { column_heads(&[w.organisation, w.received, w.up_to, w.indicators, w.actions, w.checks], Some(w.open_verb)) }
                    <tbody>{ for rows }</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ w.region_row }</th>
                            <td>{ (w.view_plan_count)(regional.members.len()) }</td>
                            <td></td>
                            <td>
                                <StackedBar parts={status_parts(&totals.indicators, lang)} />
                                <span class="counts">{ text::status_counts(&totals.indicators, lang) }</span>
                            </td>
                            <td>
                                <StackedBar parts={action_parts(&totals.actions, lang)} />
                                <span class="counts">{ text::action_counts(&totals.actions, lang) }</span>
                            </td>
                            <td class="number">{ totals.findings }</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            }) }
        </section>
    }
}

/// What each plan holds, side by side: its elements at each of its own levels under its
/// own names, its indicators and its actions by its own word, whatever the others'.
fn held_section(ctx: &Ctx, members: &Members, regional: &Regional) -> Html {
    let (lang, w) = (ctx.lang, ctx.words());
    let depth = members.plans.iter().map(|p| p.levels.len()).max().unwrap_or(0);
    let rows = regional.members.iter().zip(&members.plans).map(|(member, plan)| {
        let level = |rank: usize| match (plan.levels.get(rank), member.held.elements_per_level.get(rank)) {
            (Some(level), Some(count)) => text::count_of(*count, &level.name, lang),
            _ => String::new(),
        };
        html! {
            <tr key={plan.id.to_string()}>
                <th scope="row">{ &member.name }</th>
                { for (0..depth).map(|rank| html! { <td>{ level(rank) }</td> }) }
                <td class="number">{ member.held.indicators }</td>
                <td>{ text::count_of(member.held.actions, &plan.action_name, lang) }</td>
            </tr>
        }
    });
    let copy_ref = NodeRef::default();
    html! {
        <section class="card region-held" aria-labelledby="held-title">
            <h2 id="held-title">{ w.held_heading }</h2>
            { copyable(&copy_ref, w.held_heading, html! {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ w.organisation }</th>
                            { for (1..=depth).map(|rank| html! { <th scope="col">{ (w.level_rank)(rank) }</th> }) }
                            <th scope="col">{ w.indicators }</th>
                            <th scope="col">{ w.actions }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}

/// The name the region gives each plan that lists several organisations, typed by the
/// coordinator and kept with the view.
fn names_section(ctx: &Ctx, view: &View, members: &Members, change: &ViewEdit) -> Html {
    let w = ctx.words();
    let several: Vec<&Plan> = members.plans.iter().filter(|p| p.organisations.len() > 1).collect();
    if several.is_empty() {
        return html! {};
    }
    let fields = several.into_iter().map(|plan| {
        let field = format!("member-name-{}", plan.id);
        let given = view.plans.iter().find(|f| f.plan == plan.id).and_then(|f| f.name.clone()).unwrap_or_default();
        let on_change = {
            let (change, id) = (change.clone(), plan.id.clone());
            Callback::from(move |e: Event| {
                let name = e.target_unchecked_into::<HtmlInputElement>().value();
                change.emit(Edit::Name { plan: id.clone(), name })
            })
        };
        html! {
            <div class="field" key={plan.id.to_string()}>
                <label for={field.clone()}>{ (w.name_in_region)(&plan.title) }</label>
                <input id={field} type="text" value={given} placeholder={plan.title.clone()} onchange={on_change} />
            </div>
        }
    });
    html! {
        <section class="card region-names" aria-labelledby="member-names-title">
            <h2 id="member-names-title">{ w.member_names_heading }</h2>
            <p>{ w.member_names_intro }</p>
            { for fields }
        </section>
    }
}

/// The levels and target groups the plans share, each organisation's figures and the
/// region's.
fn shared_section(ctx: &Ctx, regional: &Regional) -> Html {
    let lang = ctx.lang;
    let w = ctx.words();
    let names: Vec<&str> = regional.members.iter().map(|m| m.name.as_str()).collect();
    let head = html! {
        <thead>
            <tr>
                <th scope="col"></th>
                { for names.iter().map(|name| html! { <th scope="col">{ *name }</th> }) }
                <th scope="col">{ w.region_row }</th>
            </tr>
        </thead>
    };
    let levels = regional.levels.iter().map(|level| {
        html! {
            <tr>
                <th scope="row">{ &level.name.plural }</th>
                { for level.members.iter().map(|own| html! { <td>{ text::status_counts(own, lang) }</td> }) }
                <td>{ text::status_counts(&level.statuses, lang) }</td>
            </tr>
        }
    });
    let groups = regional.groups.iter().map(|group| {
        html! {
            <tr>
                <th scope="row">{ format!("{} — {}", group.code, group.label) }</th>
                { for group.members.iter().map(|own| html! { <td>{ text::action_counts(own, lang) }</td> }) }
                <td>{ text::action_counts(&group.actions, lang) }</td>
            </tr>
        }
    });
    html! {
        <section class="card region-shared" aria-labelledby="shared-levels-title">
            <h2 id="shared-levels-title">{ w.shared_levels }</h2>
            if regional.levels.is_empty() {
                <p class="empty">{ w.no_shared_level }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={w.shared_levels}><table>{ head.clone() }<tbody>{ for levels }</tbody></table></div>
            }
            if !regional.groups.is_empty() {
                <h2 id="shared-groups-title">{ w.shared_groups }</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label={w.shared_groups}><table>{ head }<tbody>{ for groups }</tbody></table></div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
/// The library's plans the view does not follow yet, to tick and add.
struct AddProps {
    view: View,
    library: Rc<Vec<Entry>>,
    change: ViewEdit,
}

#[function_component(AddFromLibrary)]
fn add_from_library(props: &AddProps) -> Html {
    let ctx = use_ctx();
    let chosen = use_state(Vec::<Id>::new);
    let mut offered: Vec<(Id, String)> = props.library.iter().map(|e| (e.id.clone(), e.title.clone())).collect();
    if !offered.iter().any(|(id, _)| *id == ctx.plan.id) {
        offered.insert(0, (ctx.plan.id.clone(), ctx.plan.title.clone()));
    }
    offered.retain(|(id, _)| !props.view.follows(id));
    let on_add = {
        let (ctx, chosen, change) = (ctx.clone(), chosen.clone(), props.change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let now = chrono::Utc::now();
            let found: Vec<(Id, String)> =
                chosen.iter().filter_map(|id| member_plan(&ctx, id).map(|(_, d)| (id.clone(), d))).collect();
            change.emit(Edit::Follow(found, now));
            chosen.set(Vec::new());
        })
    };
    if offered.is_empty() {
        return html! {};
    }
    html! {
        <form class="card add-plans" onsubmit={on_add} aria-labelledby="add-plans-title">
            <h2 id="add-plans-title">{ ctx.words().add_plans }</h2>
            { plans_to_tick("add-plan", ctx.words().plans_to_follow, &offered, &chosen) }
            <button type="submit" disabled={chosen.is_empty()}>{ ctx.words().add_chosen }</button>
        </form>
    }
}

/// A match's key among the others: its first indicator, which no other match holds.
fn match_key(found: &jalon::region::view::Match) -> String {
    found.indicators.first().map(|p| format!("{}/{}", p.plan, p.indicator)).unwrap_or_default()
}

/// The region as one plan: what could not be aligned, and the plan to export or open.
fn export_section(ctx: &Ctx, members: &Members, exported: &Rc<Exported>) -> Html {
    let w = ctx.words();
    let plans = members.refs();
    let said: Vec<String> =
        exported.unaligned.iter().map(|u| jalon::region::words::unaligned(u, &exported.plan, ctx.lang)).collect();
    let on_export = {
        let (exported, today) = (exported.clone(), ctx.today);
        Callback::from(move |_: MouseEvent| {
            let plan = &exported.plan;
            crate::ui::download::download(
                &format::file_name(&plan.title, today),
                &format::save(plan),
                "application/json",
            );
        })
    };
    let on_open = {
        let (ctx, exported) = (ctx.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            // A plan of its own: edited later, it never replaces an earlier one.
            let mut plan = exported.plan.clone();
            plan.id = crate::ui::context::fresh_id("plan");
            ctx.open(plan, true, None, Some(Route::Dashboard));
        })
    };
    html! {
        <section class="card region-export" aria-labelledby="region-export-title">
            <h2 id="region-export-title">{ w.region_plan_heading }</h2>
            <p>{ w.region_plan_intro }</p>
            if said.is_empty() {
                <p>{ w.all_aligned }</p>
            } else {
                <h3>{ w.not_aligned_heading }</h3>
                <ul class="unaligned">{ for said.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            }
            <div class="buttons">
                <button type="button" class="primary" onclick={on_export} disabled={plans.is_empty()}>{ w.export_region_plan }</button>
                <button type="button" onclick={on_open} disabled={plans.is_empty()}>{ w.open_region_plan }</button>
            </div>
        </section>
    }
}

pub fn not_saved(failure: store::Failure, lang: jalon::words::text::Lang) -> String {
    (jalon::words::table::words(lang).view_not_saved)(failure == store::Failure::Full)
}
