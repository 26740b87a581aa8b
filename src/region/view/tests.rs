use super::*;
use crate::start::sample::sample_plan;

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").unwrap().with_timezone(&Utc)
}

fn pick(plan: &Plan, index: usize) -> Pick {
    Pick { plan: plan.id.clone(), indicator: plan.indicators[index].id.clone() }
}

/// Two copies of the sample under other ids: every indicator label is shared.
fn two_plans() -> (Plan, Plan) {
    let mut a = sample_plan();
    a.id = Id::new("plan-a");
    let mut b = sample_plan();
    b.id = Id::new("plan-b");
    (a, b)
}

/// Two plans and a view that follows both.
fn both_followed() -> (Plan, Plan, View) {
    let (a, b) = two_plans();
    let view = view_of(&[&a, &b]);
    (a, b, view)
}

fn view_of(plans: &[&Plan]) -> View {
    let mut view = View::new(Id::new("vue"), "Région".into());
    for plan in plans {
        view.follow(plan.id.clone(), format!("digest-{}", plan.id), at());
    }
    view
}

#[test]
fn a_plan_is_followed_once() {
    let (a, _) = two_plans();
    let mut view = view_of(&[&a]);
    assert!(!view.follow(a.id.clone(), "other".into(), at()));
    assert_eq!(view.plans.len(), 1);
    assert_eq!(view.plans[0].seen, "digest-plan-a", "the version first seen stays");
}

#[test]
fn a_plan_changed_since_it_was_seen_is_told() {
    let (a, _) = two_plans();
    let mut view = view_of(&[&a]);
    assert!(!view.changed_since_seen(&a.id, "digest-plan-a"));
    assert!(view.changed_since_seen(&a.id, "newer"));
    view.seen(&a.id, "newer".into(), at());
    assert!(!view.changed_since_seen(&a.id, "newer"));
    assert!(!view.changed_since_seen(&Id::new("not-followed"), "x"));
}

#[test]
fn indicators_of_one_label_are_proposed_until_decided() {
    let (a, b, view) = both_followed();
    let shown = matches(&view, &[&a, &b]);
    assert_eq!(shown.len(), a.indicators.len(), "each label shared by both plans");
    assert!(shown.iter().all(|m| !m.confirmed && m.indicators.len() == 2));
    assert_eq!(shown[0].indicators, vec![pick(&a, 0), pick(&b, 0)]);
}

#[test]
fn a_confirmed_match_comes_first_and_is_not_proposed_again() {
    let (a, b, mut view) = both_followed();
    // The coordinator pairs a's first indicator with b's second instead.
    view.confirm(vec![pick(&b, 1), pick(&a, 0)]);
    let shown = matches(&view, &[&a, &b]);
    assert!(shown[0].confirmed);
    assert_eq!(shown[0].indicators, vec![pick(&a, 0), pick(&b, 1)], "in the view's order of plans");
    assert_eq!(shown[0].label, a.indicators[0].label);
    let proposed: Vec<&Match> = shown.iter().filter(|m| !m.confirmed).collect();
    assert_eq!(proposed.len(), a.indicators.len() - 2, "the two labels whose indicators were taken");
    assert!(proposed.iter().all(|m| !m.indicators.contains(&pick(&a, 0)) && !m.indicators.contains(&pick(&b, 1))));
}

#[test]
fn confirming_again_replaces_the_earlier_match_of_an_indicator() {
    let (a, b, mut view) = both_followed();
    view.confirm(vec![pick(&a, 0), pick(&b, 1)]);
    view.confirm(vec![pick(&a, 0), pick(&b, 0)]);
    assert_eq!(view.decisions.len(), 1);
    assert_eq!(matches(&view, &[&a, &b])[0].indicators, vec![pick(&a, 0), pick(&b, 0)]);
}

#[test]
fn a_dismissed_proposal_is_not_shown_again() {
    let (a, b, mut view) = both_followed();
    let first = matches(&view, &[&a, &b]).remove(0);
    view.dismiss(first.indicators.clone());
    let shown = matches(&view, &[&a, &b]);
    assert_eq!(shown.len(), a.indicators.len() - 1);
    assert!(!shown.iter().any(|m| m.indicators == first.indicators));
}

#[test]
fn a_match_loses_what_left_the_view() {
    let (a, b) = two_plans();
    let mut c = sample_plan();
    c.id = Id::new("plan-c");
    let mut view = view_of(&[&a, &b, &c]);
    view.confirm(vec![pick(&a, 0), pick(&b, 0), pick(&c, 0)]);
    view.unfollow(&c.id);
    assert_eq!(matches(&view, &[&a, &b, &c])[0].indicators, vec![pick(&a, 0), pick(&b, 0)]);
    view.unfollow(&b.id);
    assert!(matches(&view, &[&a, &b, &c]).is_empty(), "one indicator is not a match");
}

#[test]
fn compared_indicators_are_judged_by_their_own_plans() {
    let (a, mut b) = two_plans();
    b.settings.on_track = 0.99;
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
    let rows = compared(&[&a, &b], &[pick(&a, 0), pick(&b, 0)], as_of);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let window = Window::new(row.plan, as_of);
        assert_eq!(row.progress, indicator_progress(row.indicator, window, &row.plan.settings));
    }
}

#[test]
fn a_view_reads_back_as_it_was_written() {
    let (a, b, mut view) = both_followed();
    view.confirm(vec![pick(&a, 0), pick(&b, 0)]);
    view.dismiss(vec![pick(&a, 1), pick(&b, 1)]);
    let text = serde_json::to_string(&view).unwrap();
    assert_eq!(serde_json::from_str::<View>(&text).unwrap(), view);
}

#[test]
fn the_coordinators_name_for_a_plan_is_kept_with_the_view_and_a_blank_one_forgotten() {
    let mut view = View::new(Id::new("v"), "Région".into());
    let at = chrono::DateTime::from_timestamp(0, 0).unwrap();
    view.follow(Id::new("p"), "d".into(), at);
    view.name(&Id::new("p"), " Table des partenaires ");
    view.name(&Id::new("absent"), "rien");
    assert_eq!(view.names(), Names(vec![(Id::new("p"), "Table des partenaires".into())]));
    let text = serde_json::to_string(&view).unwrap();
    assert_eq!(serde_json::from_str::<View>(&text).unwrap(), view);
    view.name(&Id::new("p"), "  ");
    assert_eq!(view.names(), Names::default());
    assert!(!serde_json::to_string(&view).unwrap().contains("\"name\":null"), "no name is not written");
}
