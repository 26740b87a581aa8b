use super::memory::Memory;
use super::*;
use crate::format::saving::prepare;
use crate::region::view::list::{self, Change, Damage, Views};
use crate::region::view::{Edit, View};
use crate::start::generate::{large_plan, Spec};
use crate::start::sample::sample_plan;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T09:30:00Z").unwrap().with_timezone(&Utc)
}

fn session(store: &mut Memory) -> Session<'_> {
    Session::new(store, now())
}

fn save(store: &mut Memory, plan: &Plan, base: Option<&str>) -> Save {
    session(store).save(plan, base, &prepare(plan))
}

/// Saves and returns the new base; the save must be done.
fn saved(store: &mut Memory, plan: &Plan, base: Option<&str>) -> String {
    match save(store, plan, base) {
        Save::Done { base, .. } => base,
        other => panic!("not saved: {other:?}"),
    }
}

fn retitled(plan: &Plan, title: &str) -> Plan {
    let mut plan = plan.clone();
    plan.title = title.to_owned();
    plan
}

fn snapshot(store: &Memory) -> BTreeMap<String, String> {
    store.texts.clone()
}

#[test]
fn a_saved_plan_loads_as_it_was_written() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let base = saved(&mut store, &plan, None);
    // The bytes as the page always wrote them: the file itself, under its key.
    let file = format::save(&plan);
    assert_eq!(store.text(&format!("jalon.v1.plans.{}", plan.id)), Some(file.as_str()));
    assert_eq!(base, format::digest(&file));
    match session(&mut store).load_plan(&plan.id) {
        Stored::Plan { plan: loaded, digest, base: loaded_base } => {
            assert_eq!(*loaded, plan);
            assert_eq!(digest, format::digest(&file));
            assert_eq!(loaded_base, base);
        }
        _ => panic!("the plan was not read back"),
    }
    let library = session(&mut store).library();
    assert_eq!(library.len(), 1);
    assert_eq!((library[0].id.clone(), library[0].title.clone()), (plan.id.clone(), plan.title.clone()));
    assert_eq!(library[0].modified, now());
}

#[test]
fn saving_the_same_text_again_writes_nothing_but_the_library() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let base = saved(&mut store, &plan, None);
    let writes = store.writes;
    assert_eq!(saved(&mut store, &plan, Some(&base)), base);
    assert_eq!(store.writes, writes + 1, "only the library is written again");
}

#[test]
fn a_write_over_a_base_another_writer_changed_hands_back_the_conflict_and_writes_nothing() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let first = saved(&mut store, &plan, None);
    // Another tab, which read `first` too, saves its change.
    let theirs = retitled(&plan, "Plan de l'autre onglet");
    let their_base = saved(&mut store, &theirs, Some(&first));
    let before = snapshot(&store);
    match save(&mut store, &retitled(&plan, "Plan de cet onglet"), Some(&first)) {
        Save::Conflict { plan, base, .. } => {
            assert_eq!(plan.title, "Plan de l'autre onglet");
            assert_eq!(base, their_base);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(snapshot(&store), before, "nothing was written");
}

#[test]
fn a_plan_stored_before_this_page_read_it_is_not_overwritten() {
    let mut store = Memory::new();
    let plan = sample_plan();
    saved(&mut store, &plan, None);
    let before = snapshot(&store);
    assert!(matches!(save(&mut store, &retitled(&plan, "Autre"), None), Save::Conflict { .. }));
    assert_eq!(snapshot(&store), before);
}

#[test]
fn the_lineage_tells_a_version_written_over_mine_from_one_that_was_not() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let first = saved(&mut store, &plan, None);
    let second = saved(&mut store, &retitled(&plan, "Deux"), Some(&first));
    let third = saved(&mut store, &retitled(&plan, "Trois"), Some(&second));
    let mut session = session(&mut store);
    assert!(session.descends_from(&plan.id, &third, &second));
    assert!(session.descends_from(&plan.id, &third, &first), "through the second save");
    assert!(!session.descends_from(&plan.id, &first, &third));
    assert!(!session.descends_from(&plan.id, &third, "0123456789abcdef"));
    assert_eq!(session.current_base(&plan.id), Some(third));
}

#[test]
fn the_lineage_keeps_only_the_last_versions() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let mut base = saved(&mut store, &plan, None);
    let mut bases = vec![base.clone()];
    for n in 0..(LINEAGE_KEPT + 4) {
        base = saved(&mut store, &retitled(&plan, &format!("Version {n}")), Some(&base));
        bases.push(base.clone());
    }
    let records = store.texts.keys().filter(|key| is_lineage_of(&plan.id, key)).count();
    assert_eq!(records, LINEAGE_KEPT);
    let mut session = session(&mut store);
    let last = bases.last().unwrap().clone();
    assert!(session.descends_from(&plan.id, &last, &bases[bases.len() - 1 - LINEAGE_KEPT]));
    assert!(!session.descends_from(&plan.id, &last, &bases[0]), "beyond the records kept");
}

#[test]
fn another_writer_between_the_check_and_the_write_is_told_its_version_was_not_read() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let first = saved(&mut store, &plan, None);
    // The other writer's text lands after this save has checked the base.
    let theirs = format::save(&retitled(&plan, "Écrit entre deux"));
    let key = key_of(&plan.id);
    store.write_between(3, &key, &theirs);
    let mine = saved(&mut store, &retitled(&plan, "Le mien"), Some(&first));
    // Storage holds this save, which records that it was written over `first`, not over
    // the other writer's version: that writer keeps its own for the user to choose.
    let mut session = session(&mut store);
    assert_eq!(session.current_base(&plan.id), Some(mine.clone()));
    assert!(session.descends_from(&plan.id, &mine, &first));
    assert!(!session.descends_from(&plan.id, &mine, &base_of(&theirs)));
}

#[test]
fn an_unreadable_stored_plan_is_set_aside_once_per_distinct_text_and_never_overwritten() {
    let mut store = Memory::new();
    let id = Id::new("abimee");
    let key = key_of(&id);
    store.texts.insert(key.clone(), "{ pas un plan".into());
    let aside = match session(&mut store).load_plan(&id) {
        Stored::Unreadable { key, .. } => key,
        _ => panic!("not set aside"),
    };
    assert_eq!(aside, format!("jalon.v1.unreadable.abimee.{}", base_of("{ pas un plan")));
    assert_eq!(store.text(&aside), Some("{ pas un plan"));
    assert_eq!(store.text(&key), None, "the plan's key is freed once the copy is safe");
    // The same damage again: the same key, still one copy.
    store.texts.insert(key.clone(), "{ pas un plan".into());
    session(&mut store).load_plan(&id);
    // Another damage: a second copy beside the first.
    store.texts.insert(key.clone(), "encore autre chose".into());
    session(&mut store).load_plan(&id);
    let found = session(&mut store).set_aside();
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|copy| copy.id == "abimee"));
    assert_eq!(store.text(&aside), Some("{ pas un plan"), "the first copy is untouched");
    // Deleted at the user's request only, and only copies set aside.
    assert!(!session(&mut store).delete_set_aside(&key_of(&Id::new("autre"))));
    assert!(session(&mut store).delete_set_aside(&aside));
    assert_eq!(session(&mut store).set_aside().len(), 1);
}

#[test]
fn an_unreadable_plan_without_room_to_set_it_aside_stays_and_is_not_replaced() {
    let mut store = Memory::new();
    let plan = sample_plan();
    store.texts.insert(key_of(&plan.id), "abîmé".into());
    store.fail_always(Some(Failure::Full));
    assert!(
        matches!(session(&mut store).load_plan(&plan.id), Stored::Unreadable { key, .. } if key == key_of(&plan.id))
    );
    assert!(matches!(save(&mut store, &plan, None), Save::Failed(Failure::Full)));
    assert_eq!(store.text(&key_of(&plan.id)), Some("abîmé"));
    // Room again: the damage is set aside, then the plan written.
    store.fail_always(None);
    saved(&mut store, &plan, None);
    assert_eq!(session(&mut store).set_aside().len(), 1);
}

#[test]
fn a_full_store_fails_the_save_and_loses_nothing() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let first = saved(&mut store, &plan, None);
    let before = snapshot(&store);
    store.fail_always(Some(Failure::Full));
    assert!(matches!(save(&mut store, &retitled(&plan, "Plus long"), Some(&first)), Save::Failed(Failure::Full)));
    assert_eq!(snapshot(&store), before);
    // Room for the record of the version written over, not for the plan: the record
    // is taken back.
    store.fail_always(None);
    store.fail_write(1, Failure::Full);
    assert!(matches!(save(&mut store, &retitled(&plan, "Plus long"), Some(&first)), Save::Failed(Failure::Full)));
    assert_eq!(snapshot(&store), before);
    // A store that throws says so, and keeps everything too.
    store.fail_write(0, Failure::Other);
    assert!(matches!(save(&mut store, &retitled(&plan, "Plus long"), Some(&first)), Save::Failed(Failure::Other)));
    assert_eq!(snapshot(&store), before);
    // Room again: the same base still holds.
    saved(&mut store, &retitled(&plan, "Plus long"), Some(&first));
}

#[test]
fn a_plan_written_by_a_later_page_is_not_replaced() {
    let mut store = Memory::new();
    let plan = sample_plan();
    // A later page's compact scheme.
    let key = key_of(&plan.id);
    store.texts.insert(key.clone(), "jalon-deflate-9:AAAA".into());
    assert!(matches!(session(&mut store).load_plan(&plan.id), Stored::Newer(_)));
    assert!(matches!(save(&mut store, &plan, None), Save::Newer));
    assert_eq!(store.text(&key), Some("jalon-deflate-9:AAAA"));
    // A later version of the file, as the library lists it.
    let mut store = Memory::new();
    let first = saved(&mut store, &plan, None);
    let mut library = session(&mut store).library();
    library[0].version = format::VERSION + 1;
    store.texts.insert(KEY_LIBRARY.into(), serde_json::to_string(&library).unwrap());
    let before = snapshot(&store);
    assert!(matches!(save(&mut store, &retitled(&plan, "Ancienne page"), Some(&first)), Save::Newer));
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_large_plan_is_kept_compactly_and_read_back() {
    let mut store = Memory::new();
    let spec = Spec { objectives: 4, indicators: 120, actions: 60, seed: 7 };
    let plan = large_plan(&spec);
    assert!(format::save(&plan).len() > compact::PLAIN_LIMIT);
    let base = saved(&mut store, &plan, None);
    let stored = store.text(&key_of(&plan.id)).unwrap().to_owned();
    assert!(stored.starts_with(compact::MARK));
    assert_eq!(base, base_of(&stored));
    match session(&mut store).load_plan(&plan.id) {
        Stored::Plan { plan: loaded, .. } => assert!(*loaded == plan),
        Stored::Unreadable { error, .. } | Stored::Newer(error) => panic!("{error:?}"),
        Stored::Nothing => panic!("nothing"),
    }
}

#[test]
fn a_library_lost_is_rebuilt_from_the_plans() {
    let mut store = Memory::new();
    let plan = sample_plan();
    saved(&mut store, &plan, None);
    store.texts.insert(KEY_LIBRARY.into(), "pas une liste".into());
    let library = session(&mut store).library();
    assert_eq!(library.len(), 1);
    assert_eq!(library[0].title, plan.title);
}

#[test]
fn deleting_a_plan_takes_its_drafts_record_and_lineage_with_it() {
    let mut store = Memory::new();
    let plan = sample_plan();
    let first = saved(&mut store, &plan, None);
    saved(&mut store, &retitled(&plan, "Deux"), Some(&first));
    let mut session = session(&mut store);
    session.set_drafts(&plan.id, "brouillon");
    session.set_exported(&plan.id, &Exported::baseline("d".into()));
    session.set_lang("en");
    assert!(session.delete_plan(&plan.id));
    assert!(session.library().is_empty());
    assert_eq!(store.texts.keys().collect::<Vec<_>>(), vec![KEY_LANG, KEY_LIBRARY], "{:?}", store.texts);
}

#[test]
fn drafts_are_kept_and_none_leaves_no_key() {
    let mut store = Memory::new();
    let id = Id::new("plan");
    session(&mut store).set_drafts(&id, "texte tapé");
    assert_eq!(session(&mut store).drafts(&id).as_deref(), Some("texte tapé"));
    assert_eq!(store.text("jalon.v1.drafts.plan"), Some("texte tapé"));
    // Another save of the plan leaves them.
    saved(&mut store, &sample_plan(), None);
    assert_eq!(session(&mut store).drafts(&id).as_deref(), Some("texte tapé"));
    session(&mut store).set_drafts(&id, "");
    assert_eq!(session(&mut store).drafts(&id), None);
    assert!(!store.texts.keys().any(|key| is_drafts_key(key)));
}

#[test]
fn the_export_record_the_language_and_the_plan_open_last_are_kept() {
    let mut store = Memory::new();
    let id = Id::new("plan");
    let record = Exported { at: Some(now()), ..Exported::baseline("0123456789abcdef".into()) };
    let mut session = session(&mut store);
    assert!(session.set_exported(&id, &record));
    assert_eq!(session.exported(&id), Some(record));
    assert!(session.set_lang("en"));
    assert_eq!(session.lang().as_deref(), Some("en"));
    session.set_current(&id);
    assert_eq!(session.current(), Some(id));
    assert_eq!(session.access(), Access::Open);
    assert!(!store.texts.contains_key("jalon.v1.probe"));
}

#[test]
fn changes_in_no_copy_are_reminded_once_the_last_copy_is_a_day_old_and_at_once_without_one() {
    let copied = now();
    let record = Exported { at: Some(copied), ..Exported::baseline("copie".into()) };
    let later = |hours| copied + chrono::TimeDelta::hours(hours);
    assert!(!record.reminds("copie", later(48)), "the copy holds every change");
    assert!(!record.reminds("modifié", later(23)));
    assert!(record.reminds("modifié", later(24)));
    let never = Exported::baseline("tel quel".into());
    assert!(!never.reminds("tel quel", later(0)));
    assert!(never.reminds("modifié", later(0)));
}

#[test]
fn access_says_full_and_refused() {
    let mut store = Memory::new();
    store.fail_always(Some(Failure::Full));
    assert_eq!(session(&mut store).access(), Access::Full);
    store.fail_always(Some(Failure::Refused));
    assert_eq!(session(&mut store).access(), Access::Refused);
}

fn view(id: &str, name: &str) -> View {
    View::new(Id::new(id), name.to_owned())
}

#[test]
fn views_change_through_messages_applied_to_the_list_as_stored() {
    let mut store = Memory::new();
    let mut session = session(&mut store);
    session.change_views::<Views>(|views| views.apply(&Change::Put(view("est", "Région de l'Est")))).unwrap();
    // Another tab adds its view meanwhile: kept.
    session.change_views::<Views>(|views| views.apply(&Change::Put(view("nord", "Nord")))).unwrap();
    let edit = Edit::Follow(vec![(Id::new("plan-a"), "d1".into())], now());
    let views = session.change_views::<Views>(|views| views.apply(&Change::Edit(Id::new("est"), edit))).unwrap();
    assert_eq!(views.view(&Id::new("est")).unwrap().plans.len(), 1);
    let read: Views = session.views();
    assert_eq!(read, views);
    assert_eq!(read.entries.len(), 2);
    // An edit of a view no longer there writes nothing.
    let before = snapshot(&store);
    let mut session = self::session(&mut store);
    let gone = Change::Edit(Id::new("ouest"), Edit::Unfollow(Id::new("plan-a")));
    assert_eq!(session.change_views::<Views>(|views| views.apply(&gone)), Err(Failure::Refused));
    session.change_views::<Views>(|views| views.apply(&Change::Delete(Id::new("nord")))).unwrap();
    assert_ne!(snapshot(&store), before);
    assert_eq!(self::session(&mut store).views::<Views>().entries.len(), 1);
}

#[test]
fn views_holding_damage_are_set_aside_before_the_list_is_written_and_listed() {
    let mut store = Memory::new();
    let damaged = r#"[{"id":"est","name":"Est","plans":[]}, 42]"#;
    store.texts.insert(KEY_REGIONS.into(), damaged.into());
    let views: Views = session(&mut store).views();
    assert_eq!(views.damage, Some(Damage::Entries { unread: vec![2], of: 2 }));
    let aside_key = format!("{VIEWS_ASIDE}{}", base_of(damaged));
    assert_eq!(store.text(&aside_key), Some(damaged));
    // Written again without the damage; the copy stays, listed with what it holds.
    session(&mut store).change_views::<Views>(|views| views.apply(&Change::Put(view("nord", "Nord")))).unwrap();
    assert_eq!(session(&mut store).views::<Views>().damage, None);
    let aside = list::aside(session(&mut store).views_aside());
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].key, aside_key);
    assert_eq!(aside[0].damage, Damage::Entries { unread: vec![2], of: 2 });
    assert!(session(&mut store).delete_views_aside(&aside_key));
    assert!(session(&mut store).views_aside().is_empty());
}

#[test]
fn damaged_views_are_not_written_over_without_room_to_set_them_aside() {
    let mut store = Memory::new();
    store.texts.insert(KEY_REGIONS.into(), "pas une liste".into());
    store.fail_always(Some(Failure::Full));
    let put = Change::Put(view("est", "Est"));
    assert_eq!(session(&mut store).change_views::<Views>(|views| views.apply(&put)), Err(Failure::Full));
    assert_eq!(store.text(KEY_REGIONS), Some("pas une liste"));
    assert!(session(&mut store).views_aside().is_empty());
}

/// One writer's step: which writer, and the title it saves.
#[derive(Debug, Clone)]
struct Step {
    writer: usize,
    title: u8,
    /// The writer first takes what storage holds (as it does when told of a conflict).
    reload: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (0..2_usize, any::<u8>(), any::<bool>()).prop_map(|(writer, title, reload)| Step { writer, title, reload })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Two writers saving in any order: a save either writes over the very version its
    /// writer read, or writes nothing and hands back what is stored.
    #[test]
    fn no_save_ever_writes_over_a_version_its_writer_did_not_read(steps in prop::collection::vec(step(), 1..12)) {
        let mut store = Memory::new();
        let plan = sample_plan();
        let mut bases: [Option<String>; 2] = [None, None];
        for step in steps {
            if step.reload {
                bases[step.writer] = session(&mut store).current_base(&plan.id);
            }
            let stored_before = session(&mut store).current_base(&plan.id);
            let before = snapshot(&store);
            let mine = retitled(&plan, &format!("Version {}", step.title));
            match save(&mut store, &mine, bases[step.writer].as_deref()) {
                Save::Done { base, .. } => {
                    prop_assert!(stored_before.is_none() || stored_before == bases[step.writer]);
                    if stored_before.is_some() && stored_before != Some(base.clone()) {
                        let written_over = bases[step.writer].clone().unwrap();
                        prop_assert!(session(&mut store).descends_from(&plan.id, &base, &written_over));
                    }
                    bases[step.writer] = Some(base);
                }
                Save::Conflict { base, .. } => {
                    prop_assert_eq!(Some(base), stored_before);
                    prop_assert_eq!(snapshot(&store), before);
                }
                other => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}

/// A copy names the last copy when the plan changed since, and that copy's own base
/// when it did not (the same plan, the same file); a plan in no copy whose text is kept
/// names none. A record written before copies named a base reads as one of those.
#[test]
fn a_copy_names_the_last_copy_it_comes_from() {
    let never = Exported::baseline("tel quel".into());
    assert_eq!(never.base_for("tel quel"), None);
    assert_eq!(never.base_for("modifié"), None, "no copy's text is kept to merge over");
    let first = Exported { at: Some(now()), file: Some("copie-1".into()), ..Exported::baseline("plan-1".into()) };
    assert_eq!(first.base_for("plan-1"), None, "the same plan gives the first copy's file again");
    assert_eq!(first.base_for("plan-2").as_deref(), Some("copie-1"));
    let second =
        Exported { file: Some("copie-2".into()), base: Some("copie-1".into()), ..Exported::baseline("plan-2".into()) };
    assert_eq!(second.base_for("plan-2").as_deref(), Some("copie-1"));
    assert_eq!(second.base_for("plan-3").as_deref(), Some("copie-2"));
    let before: Exported = serde_json::from_str(r#"{"at":null,"digest":"plan-0"}"#).expect("an older record reads");
    assert_eq!(before, Exported::baseline("plan-0".into()));
    assert_eq!(serde_json::to_string(&before).unwrap(), r#"{"at":null,"digest":"plan-0"}"#, "and is written as it was");
}
