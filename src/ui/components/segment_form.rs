//! One segment of an indicator being edited: its name, its baseline, its targets (an
//! « add target » row: date, how it is written, value) and its measurements (date,
//! value, note, and the assessment of a qualitative indicator).
//!
//! What the user types is read by the core's reader (`jalon::words::input`) and every field is
//! pre-filled by its exact inverse; a value it cannot read stays as typed, explained
//! under its field, and changes nothing. A value the checks question (150 % on a
//! percentage) is kept, with the checks' warning under its field.

use super::indicator_card::target_text;
use crate::ui::components::row_buttons::RowButtons;
use crate::ui::context::{use_ctx, use_reset_when};
use crate::ui::drafts;
use crate::ui::kit::field::Problem;
use crate::ui::kit::field::{checked_field, select_field, text_field};
use crate::ui::kit::row::{use_open, Open};
use crate::ui::kit::table_head::column_heads;
use jalon::calc::check::{questioned_target, questioned_value};
use jalon::edit::history::{Act, What};
use jalon::edit::Change;
use jalon::model::date::PlanDate;
use jalon::model::id::Id;
use jalon::model::indicator::IndicatorKind;
use jalon::model::measurement::{Assessment, Measurement, Observation};
use jalon::model::subject::Subject;
use jalon::model::target::Target;
use jalon::words::draft::{Form, Key};
use jalon::words::input::{self, InputError, Relative};
use jalon::words::table::words;
use jalon::words::text::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub indicator: Id,
    pub segment: Id,
}

/// The fields whose typed text can be refused.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    BaselineDate,
    BaselineValue,
    TargetDate,
    TargetValue,
    MeasureDate,
    MeasureValue,
}

fn relative_name(relative: Relative, lang: Lang) -> &'static str {
    match relative {
        Relative::Absolute => words(lang).value,
        Relative::Percent => words(lang).change_baseline,
        Relative::Points => words(lang).change_percentage_points,
    }
}

#[function_component(SegmentForm)]
pub fn segment_form(props: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let indicator = ctx.plan.indicators.iter().find(|i| i.id == props.indicator);
    let segment = indicator.and_then(|i| i.segments.iter().find(|s| s.id == props.segment));
    let (kind, out_of) = indicator.map_or((IndicatorKind::Percentage, None), |i| (i.kind, i.out_of));
    let value_text = |v: &jalon::model::measurement::Value| input::show_value(v, kind, out_of, lang);

    let name = use_state(|| segment.map(|s| s.label.clone()).unwrap_or_default());
    let base_date = use_state(|| {
        segment.and_then(|s| s.baseline.as_ref()).map(|b| input::show_date(b.date, lang)).unwrap_or_default()
    });
    let base_value =
        use_state(|| segment.and_then(|s| s.baseline.as_ref()).map(|b| value_text(&b.value)).unwrap_or_default());
    let target_date = use_state(String::new);
    let target_relative = use_state(|| Relative::Absolute);
    let target_value = use_state(String::new);
    let measure_date = use_state(|| input::show_date(PlanDate::Day(ctx.today), lang));
    let measure_value = use_state(String::new);
    let measure_assessment = use_state(|| Assessment::OnTrack);
    let measure_note = use_state(String::new);
    let error = use_state(|| None::<(Field, Problem)>);
    // The checks' warning about the value last saved from a field.
    let warning = use_state(|| None::<(Field, String)>);
    // The target and the measurement (by position) the rows below are changing, if any.
    let changing_target = use_open::<usize>();
    let changing_measure = use_open::<usize>();
    // What is typed in each of its forms is kept at each keystroke and comes back when
    // the segment shows again.
    let part = |part: &str| Form::Segment {
        indicator: props.indicator.clone(),
        segment: props.segment.clone(),
        part: part.into(),
    };
    let parts = [part("name"), part("baseline"), part("target"), part("measure")];
    let (kept_name, name_mark) = drafts::use_form(parts[0].clone());
    let (kept_baseline, baseline_mark) = drafts::use_form(parts[1].clone());
    let (kept_target, target_mark) = drafts::use_form(parts[2].clone());
    let (kept_measure, measure_mark) = drafts::use_form(parts[3].clone());
    {
        // An undo, a redo or another tab's save puts what the plan now holds back in the
        // name and baseline fields, and ends a change of a target or measurement whose
        // list changed underneath (its position may now name another).
        let held = segment.map(|s| (s.label.clone(), s.baseline.clone()));
        let (name, base_date, base_value) = (name.clone(), base_date.clone(), base_value.clone());
        use_reset_when(held, move |held| {
            let Some((label, baseline)) = held.clone() else { return };
            name.set(label);
            base_date.set(baseline.as_ref().map(|b| input::show_date(b.date, lang)).unwrap_or_default());
            base_value.set(baseline.map(|b| input::show_value(&b.value, kind, out_of, lang)).unwrap_or_default());
        });
        let rows = segment.map(|s| (s.targets.clone(), s.measurements.clone()));
        let (changing_target, changing_measure) = (changing_target.clone(), changing_measure.clone());
        let (target_date, target_value) = (target_date.clone(), target_value.clone());
        let (measure_value, measure_note) = (measure_value.clone(), measure_note.clone());
        use_reset_when(rows, move |_| {
            if changing_target.edited().is_some() {
                changing_target.set(Open::Nothing);
                target_date.set(String::new());
                target_value.set(String::new());
            }
            if changing_measure.edited().is_some() {
                changing_measure.set(Open::Nothing);
                measure_value.set(String::new());
                measure_note.set(String::new());
            }
        });
    }

    let Some(indicator) = indicator else { return html! {} };
    let Some(segment) = segment else { return html! {} };
    let l = words(lang);
    let dom = |field: &str| format!("segment-{}-{field}", segment.id);
    let error_of = |field: Field| {
        (*error).as_ref().filter(|(f, _)| *f == field).map(|(f, problem)| problem.said(&ctx, field_name(*f, lang)))
    };
    let warning_of = |field: Field| (*warning).as_ref().filter(|(f, _)| *f == field).map(|(_, w)| w.clone());
    let (ind_id, seg_id) = (indicator.id.clone(), segment.id.clone());

    // Each form's draft goes once what it holds is in the plan.
    let settled = |at: usize| Key::Form(parts[at].clone());
    let on_rename = {
        let (ctx, name, ind, seg) = (ctx.clone(), name.clone(), ind_id.clone(), seg_id.clone());
        let kept = settled(0);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = (*name).clone();
            let change = Change::RenameSegment { indicator: ind.clone(), segment: seg.clone(), label };
            ctx.edit_settled(kept.clone(), Act::new(What::Segment, Subject::Indicator(ind.clone())), change);
        })
    };
    let act = |what: What| Act::new(what, Subject::Indicator(ind_id.clone()));
    let on_remove =
        ctx.edit_on(act(What::Segment), Change::RemoveSegment { indicator: ind_id.clone(), segment: seg_id.clone() });
    // A dated value as typed in a row, read; what does not read is refused beside its field.
    let read_row = {
        let error = error.clone();
        move |date: &str, value: &str, fields: (Field, Field)| {
            dated(date, fields.0, input::read_value(kind, out_of, value, lang), fields.1, &error)
        }
    };
    let on_baseline = {
        let (ctx, read_row, error, warning) = (ctx.clone(), read_row.clone(), error.clone(), warning.clone());
        let kept = settled(1);
        let (date, value, ind, seg) = (base_date.clone(), base_value.clone(), ind_id.clone(), seg_id.clone());
        let (indicator_now, segment_now) = (indicator.clone(), segment.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((date, value)) = read_row(&date, &value, (Field::BaselineDate, Field::BaselineValue)) else {
                return;
            };
            let questioned = questioned_value(&indicator_now, &segment_now, &value);
            let change = Change::SetBaseline {
                indicator: ind.clone(),
                segment: seg.clone(),
                baseline: Some(Observation { date, value }),
            };
            // A baseline after a target is refused, said under its date.
            if let Some(why) = ctx.edit_or_refused(Act::new(What::Baseline, Subject::Indicator(ind.clone())), change) {
                return error.set(Some((Field::BaselineDate, Problem::Refused(why))));
            }
            error.set(None);
            warning.set(questioned.map(|f| (Field::BaselineValue, text::finding(&ctx.plan, &f, ctx.lang))));
            ctx.settle(kept.clone());
        })
    };
    let on_clear_baseline = {
        let (ctx, ind, seg, kept) = (ctx.clone(), ind_id.clone(), seg_id.clone(), settled(1));
        let (date, value) = (base_date.clone(), base_value.clone());
        Callback::from(move |_| {
            let change = Change::SetBaseline { indicator: ind.clone(), segment: seg.clone(), baseline: None };
            ctx.edit_settled(kept.clone(), Act::new(What::Baseline, Subject::Indicator(ind.clone())), change);
            date.set(String::new());
            value.set(String::new());
        })
    };
    let on_add_target = {
        let (ctx, error, warning) = (ctx.clone(), error.clone(), warning.clone());
        let kept = settled(2);
        let (date, relative, value) = (target_date.clone(), target_relative.clone(), target_value.clone());
        let (ind, seg, changing) = (ind_id.clone(), seg_id.clone(), changing_target.clone());
        let (indicator_now, segment_now) = (indicator.clone(), segment.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let written = input::read_target(kind, *relative, out_of, &value, ctx.lang);
            let Some((when, written)) = dated(&date, Field::TargetDate, written, Field::TargetValue, &error) else {
                return;
            };
            let target = Target { date: when, value: written };
            let questioned = questioned_target(&indicator_now, &segment_now, &target);
            let (indicator, segment) = (ind.clone(), seg.clone());
            let change = match changing.edited().copied() {
                Some(index) => Change::UpdateTarget { indicator, segment, index, target },
                None => Change::AddTarget { indicator, segment, target },
            };
            // A target before the baseline is refused, said under its date, kept as typed.
            if let Some(why) = ctx.edit_or_refused(Act::new(What::Target, Subject::Indicator(ind.clone())), change) {
                return error.set(Some((Field::TargetDate, Problem::Refused(why))));
            }
            ctx.settle(kept.clone());
            error.set(None);
            warning.set(questioned.map(|f| (Field::TargetValue, text::finding(&ctx.plan, &f, ctx.lang))));
            changing.set(Open::Nothing);
            date.set(String::new());
            value.set(String::new());
        })
    };
    let on_add_measure = {
        let (ctx, read_row, error, warning) = (ctx.clone(), read_row.clone(), error.clone(), warning.clone());
        let kept = settled(3);
        let (date, value, assessment, note) =
            (measure_date.clone(), measure_value.clone(), measure_assessment.clone(), measure_note.clone());
        let (ind, seg, changing) = (ind_id.clone(), seg_id.clone(), changing_measure.clone());
        let (indicator_now, segment_now) = (indicator.clone(), segment.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((when, measured)) = read_row(&date, &value, (Field::MeasureDate, Field::MeasureValue)) else {
                return;
            };
            error.set(None);
            let questioned = questioned_value(&indicator_now, &segment_now, &measured);
            warning.set(questioned.map(|f| (Field::MeasureValue, text::finding(&ctx.plan, &f, ctx.lang))));
            let measurement = Measurement {
                date: when,
                value: measured,
                assessment: (kind == IndicatorKind::Qualitative).then_some(*assessment),
                note: note.trim().to_string(),
            };
            let (indicator, segment) = (ind.clone(), seg.clone());
            let change = match changing.edited().copied() {
                Some(index) => Change::UpdateMeasurement { indicator, segment, index, measurement },
                None => Change::AddMeasurement { indicator, segment, measurement },
            };
            ctx.edit_settled(kept.clone(), Act::new(What::Measurement, Subject::Indicator(ind.clone())), change);
            changing.set(Open::Nothing);
            value.set(String::new());
            note.set(String::new());
        })
    };
    // « Modifier » fills the row's fields with the target or measurement it changes.
    let change_target = |index: usize, target: &Target| {
        let (changing, date, relative, value) =
            (changing_target.clone(), target_date.clone(), target_relative.clone(), target_value.clone());
        let written = input::show_target(&target.value, kind, out_of, lang);
        let (when, how) = (input::show_date(target.date, lang), Relative::of(&target.value));
        Callback::from(move |_| {
            changing.set(Open::Editing(index));
            date.set(when.clone());
            relative.set(how);
            value.set(written.clone());
        })
    };
    let change_measure = |index: usize, measurement: &Measurement| {
        let (changing, date, value, assessment, note) = (
            changing_measure.clone(),
            measure_date.clone(),
            measure_value.clone(),
            measure_assessment.clone(),
            measure_note.clone(),
        );
        let (when, written, stated, noted) = (
            input::show_date(measurement.date, lang),
            value_text(&measurement.value),
            measurement.assessment.unwrap_or(Assessment::OnTrack),
            measurement.note.clone(),
        );
        Callback::from(move |_| {
            changing.set(Open::Editing(index));
            date.set(when.clone());
            value.set(written.clone());
            assessment.set(stated);
            note.set(noted.clone());
        })
    };
    let stop_changing = |changing: &UseStateHandle<Open<usize>>, fields: Vec<UseStateHandle<String>>, at: usize| {
        let (ctx, changing, form) = (ctx.clone(), changing.clone(), parts[at].clone());
        Callback::from(move |_| {
            changing.set(Open::Nothing);
            fields.iter().for_each(|f| f.set(String::new()));
            ctx.discard(form.clone());
        })
    };
    let remove_target = |index: usize| {
        let change = Change::RemoveTarget { indicator: ind_id.clone(), segment: seg_id.clone(), index };
        ctx.edit_on(act(What::Target), change)
    };
    let remove_measure = |index: usize| {
        let change = Change::RemoveMeasurement { indicator: ind_id.clone(), segment: seg_id.clone(), index };
        ctx.edit_on(act(What::Measurement), change)
    };

    let segment_name = if segment.label.is_empty() { l.all_segments.to_string() } else { segment.label.clone() };
    let heading_id = dom("heading");
    let relatives: Vec<Relative> = if kind.is_numeric() { Relative::ALL.to_vec() } else { vec![Relative::Absolute] };
    let baseline = segment.baseline.as_ref().and_then(|b| b.value.as_number());
    let qualitative = kind == IndicatorKind::Qualitative;
    let measure_heads: Vec<&str> = [Some(words(lang).date), Some(words(lang).value)]
        .into_iter()
        .chain([qualitative.then_some(words(lang).assessment), Some(words(lang).note)])
        .flatten()
        .collect();
    let value_hint = value_label(kind, lang);
    let date_hint = words(lang).date_hint;
    let target_title = match changing_target.edited() {
        Some(_) => words(lang).change_target,
        None => words(lang).add_target,
    };
    let measure_title = match changing_measure.edited() {
        Some(_) => words(lang).change_measurement,
        None => words(lang).add_measurement,
    };

    html! {
        <section class="segment-form" aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ (words(lang).named)(words(lang).segment, &segment_name) }</h4>
            <form class="inline-form" onsubmit={on_rename} ref={kept_name} data-draft={name_mark}>
                { text_field(dom("name"), words(lang).group_name_empty_all, &name, None) }
                <button type="submit">{ words(lang).rename }</button>
                if indicator.segments.len() > 1 {
                    <button type="button" class="danger" onclick={on_remove}
                        aria-label={(words(lang).named)(words(lang).remove_group, &segment_name)}>
                        { words(lang).remove_group }
                    </button>
                }
            </form>

            { row_form(l.baseline, &segment_name, on_baseline, (kept_baseline, baseline_mark), html! { <>
                { text_field(dom("baseline-date"), date_hint, &base_date, error_of(Field::BaselineDate)) }
                { checked_field(dom("baseline-value"), value_hint, &base_value, error_of(Field::BaselineValue), warning_of(Field::BaselineValue)) }
                <div class="form-actions">
                    <button type="submit">{ words(lang).save_baseline }</button>
                    if segment.baseline.is_some() {
                        <button type="button" onclick={on_clear_baseline}>{ words(lang).clear }</button>
                    }
                </div>
            </> }) }

            { values_table(words(lang).targets, &segment_name, &[words(lang).date, l.target], lang, html! {
                { for segment.targets.iter().enumerate().map(|(i, t)| {
                    let when = text::plan_date(t.date, lang);
                    html! {
                        <tr>
                            <td>{ when.clone() }</td>
                            <td>{ target_text(t, indicator, baseline, lang) }</td>
                            { dated_buttons(&when, words(lang).change_target, words(lang).delete_target, change_target(i, t), remove_target(i)) }
                        </tr>
                    }
                }) }
            }) }
            { row_form(target_title, &segment_name, on_add_target, (kept_target, target_mark), html! { <>
                { text_field(dom("target-date"), date_hint, &target_date, error_of(Field::TargetDate)) }
                if relatives.len() > 1 {
                    { select_field(dom("target-type"), words(lang).target_type,
                        relatives.iter().map(|r| relative_name(*r, lang)).collect(),
                        relatives.iter().position(|r| *r == *target_relative).unwrap_or(0),
                        { let (set, relatives) = (target_relative.clone(), relatives.clone());
                          Callback::from(move |i: usize| set.set(relatives.get(i).copied().unwrap_or(Relative::Absolute))) }) }
                }
                { checked_field(dom("target-value"), if *target_relative == Relative::Absolute { value_hint } else { words(lang).change_hint },
                    &target_value, error_of(Field::TargetValue), warning_of(Field::TargetValue)) }
                { value_form_buttons(changing_target.edited().is_some(), words(lang).save_target, words(lang).add_the_target, lang,
                    stop_changing(&changing_target, vec![target_date.clone(), target_value.clone()], 2)) }
            </> }) }

            { values_table(words(lang).measurements, &segment_name, &measure_heads, lang, html! {
                { for segment.measurements.iter().enumerate().map(|(i, m)| {
                    let when = text::plan_date(m.date, lang);
                    html! {
                        <tr>
                            <td>{ when.clone() }</td>
                            <td>{ value_text(&m.value) }</td>
                            if qualitative { <td>{ m.assessment.map(|s| text::assessment(s, lang)).unwrap_or("—") }</td> }
                            <td>{ &m.note }</td>
                            { dated_buttons(&when, words(lang).change_measurement, words(lang).delete_measurement, change_measure(i, m), remove_measure(i)) }
                        </tr>
                    }
                }) }
            }) }
            { row_form(measure_title, &segment_name, on_add_measure, (kept_measure, measure_mark), html! { <>
                { text_field(dom("measure-date"), date_hint, &measure_date, error_of(Field::MeasureDate)) }
                { checked_field(dom("measure-value"), value_hint, &measure_value, error_of(Field::MeasureValue), warning_of(Field::MeasureValue)) }
                if qualitative {
                    { select_field(dom("measure-assessment"), words(lang).assessment,
                        Assessment::ALL.iter().map(|s| text::assessment(*s, lang)).collect(),
                        Assessment::ALL.iter().position(|s| *s == *measure_assessment).unwrap_or(1),
                        { let set = measure_assessment.clone();
                          Callback::from(move |i: usize| set.set(Assessment::ALL.get(i).copied().unwrap_or(Assessment::OnTrack))) }) }
                }
                { text_field(dom("measure-note"), words(lang).note, &measure_note, None) }
                { value_form_buttons(changing_measure.edited().is_some(), words(lang).save_measurement, words(lang).add_the_measurement, lang,
                    stop_changing(&changing_measure, vec![measure_value.clone(), measure_note.clone()], 3)) }
            </> }) }
        </section>
    }
}

/// A row's date and value as read; the first of them that does not read is refused,
/// and why is shown next to its field.
fn dated<T>(
    date: &str,
    date_field: Field,
    value: Result<T, InputError>,
    value_field: Field,
    error: &UseStateHandle<Option<(Field, Problem)>>,
) -> Option<(PlanDate, T)> {
    let read = input::read_date(date).map_err(|p| (date_field, p)).and_then(|date| match value {
        Ok(value) => Ok((date, value)),
        Err(p) => Err((value_field, p)),
    });
    read.map_err(|(field, problem)| error.set(Some((field, Problem::Unread(problem))))).ok()
}

/// The form of one dated row (the baseline, a target, a measurement), named with the
/// segment's name; `kept` is where its draft is kept (`drafts::use_form`).
fn row_form(
    title: &str,
    segment_name: &str,
    on_submit: Callback<SubmitEvent>,
    kept: (NodeRef, AttrValue),
    fields: Html,
) -> Html {
    html! {
        <form class="row-form" onsubmit={on_submit} aria-label={format!("{title} — {segment_name}")}
            ref={kept.0} data-draft={kept.1}>
            <p class="row-title">{ title }</p>
            { fields }
        </form>
    }
}

/// A table of the segment's targets or measurements, named with the segment's name.
fn values_table(caption: &str, segment_name: &str, headings: &[&str], lang: Lang, rows: Html) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{caption} — {segment_name}")}>
            <table class="values">
                <caption>{ caption }</caption>
                { column_heads(headings, Some(words(lang).actions)) }
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// A dated value's « Modifier » and « Supprimer », each named with its date.
fn dated_buttons(
    when: &str,
    change: &str,
    delete: &str,
    on_edit: Callback<MouseEvent>,
    on_delete: Callback<MouseEvent>,
) -> Html {
    html! {
        <td class="row-actions">
            <RowButtons edit_name={format!("{change} ({when})")} delete_name={format!("{delete} ({when})")} {on_edit} {on_delete} />
        </td>
    }
}

/// Under a form of dated values: add one or, while one is changed, save it or cancel.
fn value_form_buttons(changing: bool, save: &str, add: &str, lang: Lang, on_cancel: Callback<MouseEvent>) -> Html {
    html! {
        <div class="form-actions">
            if changing {
                <button type="submit">{ save }</button>
                <button type="button" onclick={on_cancel}>{ words(lang).cancel }</button>
            } else {
                <button type="submit">{ add }</button>
            }
        </div>
    }
}

/// A field's name in the sentence that says why its text was refused.
fn field_name(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::BaselineDate | Field::TargetDate | Field::MeasureDate => words(lang).date,
        Field::BaselineValue | Field::TargetValue | Field::MeasureValue => words(lang).value,
    }
}

/// The value field's label, with an example of what the kind takes.
fn value_label(kind: IndicatorKind, lang: Lang) -> &'static str {
    match kind {
        IndicatorKind::Percentage => words(lang).percent_hint,
        IndicatorKind::Count => words(lang).number_hint,
        IndicatorKind::Ratio => words(lang).ratio_hint,
        IndicatorKind::Dollars => words(lang).money_hint,
        IndicatorKind::Milestone => words(lang).done_yes_no,
        IndicatorKind::Qualitative => words(lang).assessment_words,
    }
}
