//! A zone that takes files: chosen with its button (`file_pick`, in the page's
//! language) or dropped on it, the zone marked while files are dragged over it. The
//! screen says what it does with them, below its heading and introduction.

use crate::ui::kit::file_pick::file_pick;
use web_sys::{FileList, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The hidden file input's id; the heading's is « <input>-title ».
    pub input: &'static str,
    /// The section's classes beside « plan-import card ».
    #[prop_or_default]
    pub class: Classes,
    pub heading: AttrValue,
    pub intro: AttrValue,
    pub button: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
    /// The files chosen or dropped, in their order.
    pub on_files: Callback<Vec<web_sys::File>>,
    #[prop_or_default]
    pub children: Html,
}

fn files_of(list: Option<FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default()
}

#[function_component(DropZone)]
pub fn drop_zone(props: &Props) -> Html {
    let dragging = use_state(|| false);
    // Never called with no file (a drop of text, a cancelled choice).
    let take = {
        let on_files = props.on_files.clone();
        move |files: Vec<web_sys::File>| {
            if !files.is_empty() {
                on_files.emit(files);
            }
        }
    };
    let on_pick = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            take(files_of(input.files()));
            // The same file can be chosen again after a cancel.
            input.set_value("");
        })
    };
    let drag = |over: bool| {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(over);
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            take(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let title = format!("{}-title", props.input);
    html! {
        <section class={classes!("plan-import", props.class.clone(), "card", dragging.then_some("dragging"))}
            aria-labelledby={title.clone()} ondragover={drag(true)} ondragleave={drag(false)} ondrop={on_drop}>
            <h2 id={title}>{ props.heading.clone() }</h2>
            <p>{ props.intro.clone() }</p>
            { file_pick(props.input, &props.button, ".json,application/json", props.multiple, on_pick) }
            { props.children.clone() }
        </section>
    }
}
