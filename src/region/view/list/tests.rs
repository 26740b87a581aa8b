use super::*;
use chrono::{DateTime, Utc};

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").unwrap().with_timezone(&Utc)
}

fn view(id: &str, name: &str) -> View {
    let mut view = View::new(Id::new(id), name.into());
    view.follow(Id::new("plan-a"), "0123456789abcdef".into(), at());
    view
}

/// The list as this page wrote it before it read views one by one.
fn stored(views: &[View]) -> String {
    serde_json::to_string(views).unwrap()
}

fn names(views: &Views) -> Vec<&str> {
    views.views().map(|v| v.name.as_str()).collect()
}

#[test]
fn a_list_this_page_wrote_reads_whole_and_writes_the_same_bytes() {
    let text = stored(&[view("v1", "Est"), view("v2", "Ouest")]);
    let views = read(Some(&text));
    assert_eq!(views.damage, None);
    assert_eq!(names(&views), ["Est", "Ouest"]);
    assert_eq!(views.write(), text);
    assert_eq!(read(None), Views { entries: Vec::new(), damage: None });
}

#[test]
fn an_entry_that_is_no_view_hides_none_of_the_others() {
    let good = serde_json::to_string(&view("v1", "Est")).unwrap();
    let also = serde_json::to_string(&view("v4", "Nord")).unwrap();
    // A number, a view without its id, a view whose date cannot be read.
    let bad_date = good.replace("2026-11-28T10:00:00Z", "hier").replace("v1", "v3");
    let text = format!("[{good},42,{{\"name\":\"Sud\"}},{bad_date},{also}]");
    let views = read(Some(&text));
    assert_eq!(names(&views), ["Est", "Nord"]);
    assert_eq!(views.damage, Some(Damage::Entries { unread: vec![2, 3, 4], of: 5 }));
    assert_eq!(views.write(), stored(&[view("v1", "Est"), view("v4", "Nord")]), "the unread entries are not written");
}

#[test]
fn text_that_is_no_list_is_damage_with_its_length() {
    for text in ["[{\"id\":\"v1\",\"name\":\"Est\"", "{\"v1\":\"Est\"}", "", "nul"] {
        let views = read(Some(text));
        assert!(views.entries.is_empty(), "{text:?}");
        assert_eq!(views.damage, Some(Damage::NotAList { chars: text.chars().count() }), "{text:?}");
    }
}

#[test]
fn a_view_with_a_later_field_is_kept_as_it_was_written_and_never_replaced() {
    // Spaced and ordered as this page never writes: kept byte for byte all the same.
    let later = r#"{ "name": "Région « Est »", "id": "v2", "colour": "bleu",
        "plans": [{"plan": "plan-a", "seen": "x", "seen_at": "2026-11-28T10:00:00Z", "weight": 2}, {"plan": "plan-b"}] }"#;
    let nested = r#"{"id":"v3","name":"Sud","plans":[{"plan":"plan-a","seen":"x","seen_at":"2026-11-28T10:00:00Z","weight":2}]}"#;
    let text = format!("[{},{later},{nested}]", serde_json::to_string(&view("v1", "Ouest")).unwrap());
    let mut views = read(Some(&text));
    assert_eq!(views.damage, None, "a later page's view is not damage");
    assert_eq!(names(&views), ["Ouest"]);
    let Entry::Later(kept) = &views.entries[1] else { panic!("{:?}", views.entries[1]) };
    assert_eq!((kept.id.as_str(), kept.name.as_str(), kept.plans), ("v2", "Région « Est »", 2));
    assert!(matches!(&views.entries[2], Entry::Later(l) if l.name == "Sud"), "a later field in a followed plan");
    assert_eq!(views.write(), text);

    let mut taken = view("v2", "Autre");
    taken.plans.clear();
    assert!(!views.put(taken), "the later view's id");
    assert!(views.put(view("v5", "Nord")));
    let mut renamed = view("v1", "Ouest 2");
    renamed.plans.clear();
    assert!(views.put(renamed));
    let written = views.write();
    assert!(written.contains(later) && written.contains(nested), "{written}");
    assert_eq!(names(&read(Some(&written))), ["Ouest 2", "Nord"]);

    views.remove(&Id::new("v2"));
    assert!(!views.write().contains("colour"), "deleted when the user asks");
}
