//! A field for a text that is one line as a rule (a title): an `<input type=text>`,
//! unless the text holds a line break (a file written elsewhere may have one), then a
//! `<textarea>`, because an input drops line breaks and the next keystroke would save
//! the text without them. Once a textarea, it stays one while shown, so that deleting
//! the break does not swap the field (and lose the caret) under the user's fingers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The DOM id, which the label's `for` names.
    pub id: AttrValue,
    pub value: AttrValue,
    /// Called with the whole text at each change.
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub node: NodeRef,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// Shown but not changed here (the context of a part).
    #[prop_or_default]
    pub readonly: bool,
}

fn has_break(text: &str) -> bool {
    text.contains(['\n', '\r'])
}

#[function_component(LineField)]
pub fn line_field(props: &Props) -> Html {
    let multiline = use_mut_ref(|| false);
    if has_break(&props.value) {
        *multiline.borrow_mut() = true;
    }
    let invalid = props.invalid.then_some("true");
    if *multiline.borrow() {
        let on_input =
            props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value());
        let rows = props.value.lines().count().clamp(2, 6).to_string();
        html! {
            <textarea id={props.id.clone()} ref={props.node.clone()} class={props.class.clone()} {rows}
                value={props.value.clone()} oninput={on_input} required={props.required} readonly={props.readonly}
                aria-invalid={invalid} aria-describedby={props.described_by.clone()} />
        }
    } else {
        let on_input =
            props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
        html! {
            <input id={props.id.clone()} type="text" ref={props.node.clone()} class={props.class.clone()}
                value={props.value.clone()} oninput={on_input} required={props.required} readonly={props.readonly}
                aria-invalid={invalid} aria-describedby={props.described_by.clone()} />
        }
    }
}
