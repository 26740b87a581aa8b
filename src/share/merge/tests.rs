use super::*;
use crate::calc::check::check;
use crate::share::part::{actions_for, part, sending, Choice};
use crate::start::generate::{large_plan, Spec};
use crate::start::sample::sample_plan;
use chrono::TimeZone;
use proptest::prelude::*;

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, hour, 0, 0).unwrap()
}

/// The plan with a part sent to `to` (its actions and indicators), and that part.
fn send(plan: &mut Plan, to: &str, id: &str) -> Plan {
    let choice = Choice {
        to: to.into(),
        checkpoint: plan.checkpoints[0].id.clone(),
        actions: actions_for(plan, to),
        indicators: true,
    };
    let record = sending(plan, &choice, Id::new(id), at(9));
    let part = part(plan, &record);
    plan.sendings.push(record);
    part
}

/// The sample plan with its first action's responsible sent a part, and that part.
fn sent() -> (Plan, Plan) {
    let mut plan = sample_plan();
    let to = plan.actions[0].responsible.clone();
    let returned = send(&mut plan, &to, "envoi-1");
    (plan, returned)
}

/// The recipient's measurement `value` in the first segment of its first indicator at
/// `checkpoint`: gives the indicator and the segment.
fn measure_first_segment(returned: &mut Plan, checkpoint: &Id, value: f64) -> (Id, Id) {
    let indicator = returned.indicators[0].id.clone();
    let segment = returned.indicators[0].segments[0].id.clone();
    let value = Some(crate::model::measurement::Value::Number(value));
    crate::edit::followup::set_measurement_at(returned, &indicator, &segment, checkpoint, value).expect("measured");
    (indicator, segment)
}

fn action_mut<'a>(plan: &'a mut Plan, id: &Id) -> &'a mut Action {
    plan.actions.iter_mut().find(|a| &a.id == id).expect("action")
}

/// Merges with every conflict and proposal decided as `decide` says.
fn merge(plan: &mut Plan, returned: &Plan, decide: Resolution) -> Review {
    let review = review(plan, returned).expect("a return of this plan");
    let mut decisions = Decisions::undecided(&review);
    for (change, decision) in review.changes.iter().zip(decisions.changes.iter_mut()) {
        if change.kind != Kind::Taken {
            *decision = Some(decide.clone());
        }
    }
    decisions.proposals = vec![Some(true); review.proposals.len()];
    // The merge as ordinary changes leaves the plan that the merge made in place does.
    let mut in_place = plan.clone();
    apply(&mut in_place, &review, &decisions, "retour.json", at(15)).expect("merged");
    let change = changes(plan, &review, &decisions, "retour.json", at(15)).expect("merged");
    assert!(matches!(&change, crate::edit::Change::Import { .. }), "one step");
    change.apply(plan).expect("its changes are made");
    assert_eq!(*plan, in_place);
    review
}

#[test]
fn a_field_only_the_recipient_changed_is_taken_and_the_return_recorded() {
    let (mut plan, mut returned) = sent();
    let id = returned.actions[0].id.clone();
    action_mut(&mut returned, &id).implementation = "Deux rencontres par étape".into();
    let review = merge(&mut plan, &returned, Resolution::Mine);
    assert_eq!(review.changes.len(), 1);
    assert_eq!((review.changes[0].kind, &review.changes[0].field), (Kind::Taken, &Field::Implementation));
    assert_eq!(action_mut(&mut plan, &id).implementation, "Deux rencontres par étape");
    let record = &plan.sendings[0].returns;
    assert_eq!(record.len(), 1);
    assert_eq!((record[0].changes, record[0].conflicts, record[0].file.as_str()), (1, 0, "retour.json"));
}

#[test]
fn a_field_changed_on_both_sides_is_a_conflict_that_waits_for_the_coordinator() {
    let (mut plan, mut returned) = sent();
    let id = returned.actions[0].id.clone();
    action_mut(&mut returned, &id).evaluation = "Sondage auprès des parents".into();
    action_mut(&mut plan, &id).evaluation = "Taux de participation".into();
    let review = review(&plan, &returned).expect("reviewed");
    assert_eq!(review.conflicts(), 1);
    let change = &review.changes[0];
    assert_eq!(change.mine, Value::Text("Taux de participation".into()));
    assert_eq!(change.theirs, Value::Text("Sondage auprès des parents".into()));
    let before = plan.clone();
    let refused = apply(&mut plan, &review, &Decisions::undecided(&review), "retour.json", at(15));
    assert_eq!(refused, Err(Refused::Undecided(1)));
    assert_eq!(plan, before, "nothing changes while a conflict waits");
    let mut decisions = Decisions::undecided(&review);
    decisions.changes[0] = Some(Resolution::Edited(Value::Text("Sondage et taux de participation".into())));
    apply(&mut plan, &review, &decisions, "retour.json", at(15)).expect("merged");
    assert_eq!(action_mut(&mut plan, &id).evaluation, "Sondage et taux de participation");
}

#[test]
fn a_new_responsible_and_a_new_action_are_proposals() {
    let (mut plan, mut returned) = sent();
    let to = plan.actions[0].responsible.clone();
    let id = returned.actions[0].id.clone();
    action_mut(&mut returned, &id).responsible = "Services complémentaires".into();
    let mut proposed = Action::new("action-proposee", "Club de lecture le midi", &[]);
    proposed.objectives = returned.actions[0].objectives.clone();
    returned.actions.push(proposed.clone());
    let review = review(&plan, &returned).expect("reviewed");
    assert_eq!(review.changes[0].kind, Kind::Proposal);
    assert_eq!(review.proposals, vec![proposed.clone()]);
    let mut decisions = Decisions::undecided(&review);
    assert_eq!(decisions.waiting(&review), 2);
    decisions.changes[0] = Some(Resolution::Mine);
    decisions.proposals[0] = Some(true);
    apply(&mut plan, &review, &decisions, "retour.json", at(15)).expect("merged");
    assert_eq!(action_mut(&mut plan, &id).responsible, to, "declined");
    assert_eq!(plan.actions.last(), Some(&proposed), "accepted");
    assert_eq!(plan.sendings[0].returns[0].accepted, 1);
}

#[test]
fn progress_and_measurements_come_back_field_by_field() {
    let (mut plan, mut returned) = sent();
    let checkpoint = plan.checkpoints[0].id.clone();
    let id = returned.actions[0].id.clone();
    crate::edit::followup::set_progress(&mut returned, &id, &checkpoint, ActionStatus::Done, Some(100), "Terminé")
        .expect("progress");
    let (indicator, _) = measure_first_segment(&mut returned, &checkpoint, 71.5);
    merge(&mut plan, &returned, Resolution::Theirs);
    let merged = action_mut(&mut plan, &id).progress_at(&checkpoint).cloned().expect("progress");
    assert_eq!((merged.status, merged.percent, merged.narrative.as_str()), (ActionStatus::Done, Some(100), "Terminé"));
    let segment_now = &plan.indicators.iter().find(|i| i.id == indicator).unwrap().segments[0];
    assert!(segment_now.measurements.iter().any(|m| m.value == crate::model::measurement::Value::Number(71.5)));
}

#[test]
fn a_whole_plan_another_plans_part_and_an_unknown_sending_are_told_apart() {
    let (plan, returned) = sent();
    assert_eq!(review(&plan, &plan.clone()).err(), Some(NotAReturn::WholePlan));
    let mut other = returned.clone();
    other.part.as_mut().unwrap().plan = Id::new("un-autre-plan");
    assert_eq!(review(&plan, &other).err(), Some(NotAReturn::OtherPlan));
    let mut unknown = returned.clone();
    unknown.part.as_mut().unwrap().sending = Id::new("envoi-inconnu");
    assert_eq!(review(&plan, &unknown).err(), Some(NotAReturn::UnknownSending));
}

#[test]
fn a_return_opened_again_was_already_merged_and_changes_nothing() {
    let (mut plan, mut returned) = sent();
    returned.actions[0].title.push_str(" (révisé)");
    let review_once = merge(&mut plan, &returned, Resolution::Theirs);
    assert!(matches!(review(&plan, &returned), Err(NotAReturn::AlreadyMerged { .. })));
    let before = plan.clone();
    let decisions = Decisions::undecided(&review_once);
    assert_eq!(apply(&mut plan, &review_once, &decisions, "retour.json", at(16)), Err(Refused::AlreadyMerged));
    assert_eq!(plan, before);
}

#[test]
fn a_changed_entity_the_plan_no_longer_holds_is_named_not_put_back() {
    let (mut plan, mut returned) = sent();
    let id = returned.actions[0].id.clone();
    action_mut(&mut returned, &id).title.push_str(" (révisé)");
    plan.actions.retain(|a| a.id != id);
    let review = review(&plan, &returned).expect("reviewed");
    assert_eq!(review.gone, vec![Subject::Action(id.clone())]);
    merge(&mut plan, &returned, Resolution::Theirs);
    assert!(!plan.actions.iter().any(|a| a.id == id));
}

/// The plan `merge` leaves, as it reads back from its file.
fn reread(plan: &Plan) -> Plan {
    format::load(&format::save(plan)).expect("the merged plan reads back")
}

#[test]
fn a_proposed_action_under_an_id_the_plan_gives_another_entity_goes_in_under_a_free_one() {
    // Issue 26.2: accepted as it came, it made the coordinator's plan unreadable.
    let (mut plan, mut returned) = sent();
    let objective = returned.actions[0].objectives[0].clone();
    let segment = plan.indicators[0].segments[0].id.clone();
    for (taken, title) in [
        (objective.clone(), "Club de lecture"),
        (segment.clone(), "Atelier"),
        (Id::new(format!("{objective}-2")), "Sortie"),
    ] {
        let mut proposed = Action::new(taken.as_str(), title, &[]);
        proposed.objectives = vec![objective.clone()];
        returned.actions.push(proposed);
    }
    let review = merge(&mut plan, &returned, Resolution::Theirs);
    // The third proposal asked for the id the first is given: it takes the next one.
    let given = vec![
        (objective.clone(), Id::new(format!("{objective}-2"))),
        (segment.clone(), Id::new(format!("{segment}-2"))),
        (Id::new(format!("{objective}-2")), Id::new(format!("{objective}-2-2"))),
    ];
    assert_eq!(review.renamed, given);
    assert_eq!(reread(&plan), plan);
    assert!(plan.element(&objective).is_some(), "the objective keeps its id");
    let said = crate::share::words::renamed(&sample_plan(), &objective, &given[0].1, crate::words::lang::Lang::Fr);
    assert!(said.starts_with(&format!("L'identifiant « {objective} » est déjà pris (par ")), "{said}");
    assert!(said.ends_with(&format!("la proposition est reprise sous « {objective}-2 ».")), "{said}");
}

#[test]
fn a_measurement_whose_segment_is_gone_is_shown_unplaced_never_said_taken() {
    // Issue 26.3: it was listed « Repris » and went nowhere.
    let (mut plan, mut returned) = sent();
    let checkpoint = plan.checkpoints[0].id.clone();
    let indicator = returned.indicators[0].id.clone();
    let segments: Vec<Id> = returned.indicators[0].segments.iter().map(|s| s.id.clone()).collect();
    let measured = |returned: &mut Plan, segment: &Id, value: f64| {
        crate::edit::followup::set_measurement_at(
            returned,
            &indicator,
            segment,
            &checkpoint,
            Some(crate::model::measurement::Value::Number(value)),
        )
        .expect("measured");
    };
    measured(&mut returned, &segments[0], 71.5);
    // The coordinator removes the segment; the partner's value has nowhere to go.
    let gone_from = plan.indicators.iter_mut().find(|i| i.id == indicator).unwrap();
    gone_from.segments.retain(|s| s.id != segments[0]);
    gone_from.segments.push(crate::model::indicator::Segment {
        id: Id::new("seg-neuf"),
        ..returned.indicators[0].segments[0].clone()
    });
    gone_from.segments.last_mut().unwrap().measurements.clear();
    let before = plan.clone();
    let review = merge(&mut plan, &returned, Resolution::Theirs);
    assert!(review.changes.is_empty(), "{:?}", review.changes);
    assert_eq!(review.unplaced.len(), 1);
    assert_eq!(review.unplaced[0].why, NoPlace::Segment { label: returned.indicators[0].segments[0].label.clone() });
    let said = crate::share::words::unplaced(&before, &review.unplaced[0], crate::words::lang::Lang::Fr);
    assert!(said.contains("71,5"), "{said}");
    assert!(
        said.ends_with("ce segment n'est pas (ou plus) dans votre plan\u{a0}; la valeur n'est pas reprise."),
        "{said}"
    );
    assert_eq!(plan.sendings[0].returns[0].changes, 0, "nothing recorded as taken");
    assert_eq!(plan.indicators, before.indicators);
}

#[test]
fn a_measurement_of_a_renamed_segment_goes_to_that_segment() {
    let (mut plan, mut returned) = sent();
    let checkpoint = plan.checkpoints[0].id.clone();
    let (indicator, segment) = measure_first_segment(&mut returned, &checkpoint, 64.0);
    crate::edit::indicators::rename_segment(&mut plan, &indicator, &segment, "Tous les élèves (révisé)".into())
        .expect("renamed");
    let review = merge(&mut plan, &returned, Resolution::Theirs);
    assert!(review.unplaced.is_empty());
    let now = plan.indicators.iter().find(|i| i.id == indicator).unwrap();
    let renamed = now.segments.iter().find(|s| s.id == segment).unwrap();
    assert!(renamed.measurements.iter().any(|m| m.value == crate::model::measurement::Value::Number(64.0)));
}

#[test]
fn edited_ids_in_a_return_never_remove_the_coordinator_s_progress() {
    // Issue 26.3: a return whose checkpoint ids were edited removed the records at the
    // real checkpoint, listed as ordinary changes, and made records at a checkpoint the
    // plan does not have.
    let mut plan = sample_plan();
    let checkpoint = plan.checkpoints[0].id.clone();
    let to = plan.actions[0].responsible.clone();
    let id = plan.actions[0].id.clone();
    crate::edit::followup::set_progress(&mut plan, &id, &checkpoint, ActionStatus::InProgress, Some(40), "En cours")
        .unwrap();
    let mut returned = send(&mut plan, &to, "envoi-1");
    for action in &mut returned.actions {
        for record in &mut action.progress {
            record.checkpoint = Id::new(format!("{}-edite", record.checkpoint));
        }
    }
    // A segment's id edited too: its measurements are no removal of the plan's.
    let measured = returned.indicators.iter_mut().find(|i| i.segments.iter().any(|s| !s.measurements.is_empty()));
    let segment = measured.expect("a measured indicator sent").segments.iter_mut().find(|s| !s.measurements.is_empty());
    let segment = segment.unwrap();
    segment.id = Id::new(format!("{}-edite", segment.id));
    let before = plan.clone();
    let review = merge(&mut plan, &returned, Resolution::Theirs);
    assert!(review.changes.is_empty(), "{:?}", review.changes);
    assert!(!review.unplaced.is_empty());
    assert!(review.unplaced.iter().any(|u| u.why == NoPlace::Checkpoint));
    assert!(review.unplaced.iter().any(|u| matches!(u.why, NoPlace::Segment { .. })));
    assert_eq!(plan.actions, before.actions, "the coordinator's records stay, none is made elsewhere");
    assert_eq!(plan.indicators, before.indicators, "the coordinator's measurements stay");
    assert_eq!(reread(&plan), plan);
}

#[test]
fn a_merge_whose_segment_went_after_the_review_is_refused_not_half_said() {
    let (mut plan, mut returned) = sent();
    let checkpoint = plan.checkpoints[0].id.clone();
    let (indicator, segment) = measure_first_segment(&mut returned, &checkpoint, 64.0);
    let review = review(&plan, &returned).unwrap();
    assert_eq!(review.changes.len(), 1);
    plan.indicators.iter_mut().find(|i| i.id == indicator).unwrap().segments.retain(|s| s.id != segment);
    let decisions = Decisions::undecided(&review);
    assert_eq!(apply(&mut plan.clone(), &review, &decisions, "retour.json", at(15)), Err(Refused::NotFound(segment)));
}

#[test]
fn a_sent_action_returned_under_another_id_is_compared_with_what_was_sent_not_proposed() {
    // Issue 26.7: renamed by the coordinator since, it came back as a look-alike
    // proposal and the partner's changes to it were not shown.
    let (mut plan, mut returned) = sent();
    let id = returned.actions[0].id.clone();
    action_mut(&mut plan, &id).title.push_str(" (titre revu par la coordination)");
    let twin = action_mut(&mut returned, &id);
    twin.id = Id::new("copie-de-la-partenaire");
    twin.implementation = "Deux rencontres par étape".into();
    let review = merge(&mut plan, &returned, Resolution::Theirs);
    assert_eq!(review.paired, vec![(Id::new("copie-de-la-partenaire"), id.clone())]);
    assert!(review.proposals.is_empty(), "{:?}", review.proposals);
    assert_eq!(review.changes.len(), 1, "{:?}", review.changes);
    assert_eq!(
        (&review.changes[0].subject, &review.changes[0].field),
        (&Subject::Action(id.clone()), &Field::Implementation)
    );
    assert_eq!(action_mut(&mut plan, &id).implementation, "Deux rencontres par étape");
    assert!(
        action_mut(&mut plan, &id).title.ends_with("(titre revu par la coordination)"),
        "the coordinator's title stays"
    );
    assert!(!plan.actions.iter().any(|a| a.id.as_str() == "copie-de-la-partenaire"));
    let said = crate::share::words::paired(&plan, &review.paired[0].0, &id, crate::words::lang::Lang::Fr);
    assert!(said.contains("est revenu sous un autre identifiant (« copie-de-la-partenaire »)"), "{said}");
}

// Properties, on generated plans.

/// A change a side makes to one field of one action: which action (an index into the
/// part's actions), which field, and a seed for its value.
#[derive(Debug, Clone)]
struct Edit {
    action: usize,
    field: usize,
    seed: u8,
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (0usize..64, 0usize..6, any::<u8>()).prop_map(|(action, field, seed)| Edit { action, field, seed }),
        0..8,
    )
}

/// Makes the edit on the action among `ids`, in `plan`; `side` tells the two sides'
/// values apart.
fn make(plan: &mut Plan, ids: &[Id], edit: &Edit, side: &str) -> Option<(Id, Field)> {
    let id = ids.get(edit.action % ids.len().max(1))?.clone();
    let checkpoint = plan.checkpoints[0].id.clone();
    let action = action_mut(plan, &id);
    let text = format!("{side} {}", edit.seed);
    let field = match edit.field {
        0 => {
            action.title = text;
            Field::Title
        }
        1 => {
            action.implementation = text;
            Field::Implementation
        }
        2 => {
            action.partners.push(text);
            Field::Partners
        }
        3 => {
            // The side's first letter in the cents: two sides never write one amount.
            action.budget_planned =
                Some(crate::model::money::Cents(i64::from(edit.seed) * 1000 + i64::from(side.as_bytes()[0])));
            Field::BudgetPlanned
        }
        4 => {
            record_at(action, &checkpoint).narrative = text;
            Field::Narrative(checkpoint)
        }
        _ => {
            // Even for one side, odd for the other: two sides never write one percent.
            record_at(action, &checkpoint).percent = Some((edit.seed % 50) * 2 + side.as_bytes()[0] % 2);
            Field::Percent(checkpoint)
        }
    };
    Some((id, field))
}

fn generated(seed: u64) -> Plan {
    large_plan(&Spec { objectives: 12, indicators: 20, actions: 40, seed })
}

/// A generated plan, and the part sent from it to a recipient it names with some actions.
fn generated_and_sent(seed: u64) -> (Plan, Plan) {
    let mut plan = generated(seed);
    let to = plan.actions[0].responsible.clone();
    let returned = send(&mut plan, &to, "envoi-1");
    (plan, returned)
}

fn by_id<T: Clone, K: Ord + Clone>(items: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let mut sorted = items.to_vec();
    sorted.sort_by_key(|item| key(item));
    sorted
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn an_unchanged_return_changes_no_entity_only_the_record(seed in 0u64..1000) {
        let (mut plan, returned) = generated_and_sent(seed);
        let before = plan.clone();
        let review = merge(&mut plan, &returned, Resolution::Theirs);
        prop_assert!(review.is_empty());
        let mut without_record = plan.clone();
        without_record.sendings[0].returns.clear();
        prop_assert_eq!(without_record, before);
        prop_assert_eq!(plan.sendings[0].returns.len(), 1);
    }

    #[test]
    fn merging_twice_is_merging_once(seed in 0u64..1000, theirs in edits(), mine in edits()) {
        let (mut plan, mut returned) = generated_and_sent(seed);
        let ids: Vec<Id> = returned.actions.iter().map(|a| a.id.clone()).collect();
        for edit in &theirs { make(&mut returned, &ids, edit, "leur"); }
        for edit in &mine { make(&mut plan, &ids, edit, "mien"); }
        merge(&mut plan, &returned, Resolution::Theirs);
        let once = plan.clone();
        let again = review(&plan, &returned);
        prop_assert!(matches!(again, Err(NotAReturn::AlreadyMerged { .. })), "{:?}", again);
        prop_assert_eq!(plan, once);
    }

    #[test]
    fn every_field_changed_on_both_sides_is_a_conflict(seed in 0u64..1000, theirs in edits(), mine in edits()) {
        let (mut plan, mut returned) = generated_and_sent(seed);
        let ids: Vec<Id> = returned.actions.iter().map(|a| a.id.clone()).collect();
        let theirs: HashSet<(Id, Field)> = theirs.iter().filter_map(|e| make(&mut returned, &ids, e, "leur")).collect();
        let mine: HashSet<(Id, Field)> = mine.iter().filter_map(|e| make(&mut plan, &ids, e, "mien")).collect();
        // A field a side set to the value it was sent with is not changed on that side.
        let sent = plan.sendings[0].actions.clone();
        let changed = |side: &Plan, edited: HashSet<(Id, Field)>| -> HashSet<(Id, Field)> {
            edited.into_iter().filter(|(id, field)| {
                let base = sent.iter().find(|a| &a.id == id).expect("sent");
                let now = side.actions.iter().find(|a| &a.id == id).expect("kept");
                action_value(base, field) != action_value(now, field)
            }).collect()
        };
        let (theirs, mine) = (changed(&returned, theirs), changed(&plan, mine));
        let review = review(&plan, &returned).expect("reviewed");
        for (id, field) in theirs.intersection(&mine) {
            let found = review.changes.iter().find(|c| c.subject == Subject::Action(id.clone()) && &c.field == field);
            // The two sides' values differ by construction ("leur" and "mien").
            prop_assert_eq!(found.map(|c| c.kind), Some(Kind::Conflict), "{:?} {:?}", id, field);
        }
        for change in review.changes.iter().filter(|c| c.kind == Kind::Conflict) {
            prop_assert!(change.mine != change.base && change.theirs != change.base && change.mine != change.theirs);
        }
        if review.conflicts() > 0 {
            let before = plan.clone();
            prop_assert!(apply(&mut plan, &review, &Decisions::undecided(&review), "r.json", at(15)).is_err());
            prop_assert_eq!(plan, before);
        }
    }

    #[test]
    fn returns_touching_different_actions_merge_to_the_same_entities_in_either_order(
        seed in 0u64..1000, first in edits(), second in edits()
    ) {
        let mut plan = generated(seed);
        let recipients: Vec<String> = crate::share::part::recipients(&plan)
            .into_iter().filter(|r| !actions_for(&plan, r).is_empty()).collect();
        prop_assume!(recipients.len() >= 2);
        let mut a = send(&mut plan, &recipients[0], "envoi-a");
        let mut b = send(&mut plan, &recipients[1], "envoi-b");
        let ids_a: Vec<Id> = a.actions.iter().map(|x| x.id.clone()).collect();
        let ids_b: Vec<Id> = b.actions.iter().map(|x| x.id.clone()).filter(|id| !ids_a.contains(id)).collect();
        for edit in &first { make(&mut a, &ids_a, edit, "a"); }
        for edit in &second { make(&mut b, &ids_b, edit, "b"); }
        let mut one = plan.clone();
        merge(&mut one, &a, Resolution::Theirs);
        merge(&mut one, &b, Resolution::Theirs);
        let mut other = plan.clone();
        merge(&mut other, &b, Resolution::Theirs);
        merge(&mut other, &a, Resolution::Theirs);
        prop_assert_eq!(by_id(&one.actions, |x| x.id.clone()), by_id(&other.actions, |x| x.id.clone()));
        prop_assert_eq!(by_id(&one.indicators, |x| x.id.clone()), by_id(&other.indicators, |x| x.id.clone()));
        // Both returns' changes are in.
        for (returned, ids) in [(&a, &ids_a), (&b, &ids_b)] {
            for id in ids.iter() {
                let theirs = returned.actions.iter().find(|x| &x.id == id).unwrap();
                let merged = one.actions.iter().find(|x| &x.id == id).unwrap();
                prop_assert_eq!(&merged.title, &theirs.title);
                prop_assert_eq!(&merged.implementation, &theirs.implementation);
            }
        }
    }

    #[test]
    fn a_merged_plan_saves_and_reads_back_and_raises_findings_only_where_the_return_changed(
        seed in 0u64..1000, theirs in edits()
    ) {
        let (mut plan, mut returned) = generated_and_sent(seed);
        let ids: Vec<Id> = returned.actions.iter().map(|a| a.id.clone()).collect();
        let touched: HashSet<Id> = theirs.iter().filter_map(|e| make(&mut returned, &ids, e, "leur")).map(|(id, _)| id).collect();
        let before = check(&plan);
        merge(&mut plan, &returned, Resolution::Theirs);
        let text = crate::format::save(&plan);
        prop_assert_eq!(&crate::format::load(&text).expect("reads back"), &plan);
        for finding in check(&plan) {
            if !before.contains(&finding) {
                let subject = finding.subject();
                prop_assert!(matches!(&subject, Subject::Action(id) if touched.contains(id)), "{:?}", finding);
            }
        }
    }
}
