use super::*;
use crate::calc::rollup::report;
use crate::fixtures;
use crate::model::checkpoint::Checkpoint;
use proptest::prelude::*;

const REFERENCE_PLANS: [&str; 3] = ["plan-000-pevr", "plan-001-regional", "plan-002-cooperative"];
const PRINTED: &str = "2026-11-28";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
}

fn at(checkpoint: &str, lang: Lang) -> Options {
    Options { checkpoint: Some(Id::new(checkpoint)), lang, ..Options::default() }
}

/// Calls `check` on each bilan of the reference plans: at each of their checkpoints, in
/// each language, with the plan's name and the bilan's body.
fn each_bilan(mut check: impl FnMut(&str, &Plan, &Checkpoint, Lang, &str)) {
    for name in REFERENCE_PLANS {
        let plan = fixtures::plan(name);
        for checkpoint in &plan.checkpoints {
            for lang in [Lang::Fr, Lang::En] {
                check(name, &plan, checkpoint, lang, &body(&plan, &at(checkpoint.id.as_str(), lang), day(PRINTED)));
            }
        }
    }
}

/// A text as the bilan writes it inside an element.
fn escaped(text: &str) -> String {
    let mut html = Html::new();
    html.text(text);
    html.into_string()
}

/// The table row whose header cell holds `title`, up to its end.
fn row<'a>(body: &'a str, title: &str) -> &'a str {
    let start =
        body.find(&format!("<th scope=\"row\">{}</th>", escaped(title))).unwrap_or_else(|| panic!("no row {title}"));
    let end = body[start..].find("</tr>").expect("the row ends") + start;
    &body[start..end]
}

/// Every tag opened is closed, in order: the writer's calls are balanced.
fn balanced(markup: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = markup;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').ok_or("a tag never ends")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.ends_with('/') || tag.starts_with("meta ") {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            open.push(tag.split(' ').next().unwrap_or(tag));
        }
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {open:?}"))
    }
}

#[test]
fn every_objective_indicator_and_action_is_in_the_bilan_with_the_dashboard_s_figures() {
    each_bilan(|name, plan, checkpoint, lang, body| {
        balanced(body).unwrap_or_else(|e| panic!("{name}: {e}"));
        // What the dashboard shows as of the checkpoint's date.
        let report = report(plan, checkpoint.date);
        let codes = plan.codes();
        for objective in plan.objectives() {
            assert!(body.contains(&escaped(&objective.title)), "{name}: {}", objective.title);
            if let Some(code) = codes.get(&objective.id).filter(|c| !c.is_empty()) {
                assert!(body.contains(&format!("{} {code}", plan.levels[plan.objective_level].name.singular)));
            }
        }
        for (indicator, progress) in plan.indicators.iter().zip(&report.indicators) {
            for (segment, p) in indicator.segments.iter().zip(&progress.segments) {
                let title = match segment.label.as_str() {
                    "" => indicator.label.clone(),
                    group => format!("{} — {group}", indicator.label),
                };
                let row = row(body, &title);
                assert!(row.contains(&format!("</svg>{}</span>", text::segment_status(p, lang))), "{name}: {row}");
                // Too old to count, still shown (issue 27).
                if let Some(old) = &p.too_old {
                    let value = text::value(&old.value, indicator.kind, indicator.out_of, lang);
                    assert!(row.contains(&escaped(&text::value_dated(&value, old.date, lang))), "{row}");
                }
                if let (Some(value), Some(date)) = (p.current, p.measured_on) {
                    let latest = text::measured(value, indicator.kind, indicator.out_of, lang);
                    assert!(row.contains(&format!("{} ({})", escaped(&latest), text::plan_date(date, lang))), "{row}");
                }
            }
        }
        for action in &plan.actions {
            let row = row(body, &action.title);
            let word = match action.progress_at(&checkpoint.id) {
                Some(record) => text::action_status(record.status, lang),
                None => words(lang).no_report,
            };
            assert!(row.contains(&format!("</svg>{word}</span>")), "{name}: {row}");
            if let Some(narrative) = action.progress_at(&checkpoint.id).map(|r| &r.narrative) {
                assert!(row.contains(&escaped(narrative)), "{row}");
            }
        }
        let whole = report.plan.status(&plan.settings);
        let plan_status =
            format!("{}{}", (words(lang).plan_as_of)(&text::day(checkpoint.date, lang)), words(lang).colon);
        let line = &body[body.find(&escaped(&plan_status)).expect("the plan's status")..];
        assert!(line[..line.find("</p>").unwrap()].contains(text::status(whole, lang)));
    });
}

#[test]
fn the_cover_names_the_plan_its_organisations_and_both_dates_in_quebec_typography() {
    let plan = fixtures::plan("plan-000-pevr");
    let body = body(&plan, &at("bilan-2023-12", Lang::Fr), day(PRINTED));
    let cover = &body[..body.find("bilan-summary").unwrap()];
    assert!(cover.contains("Bilan au 12 décembre 2023"), "{cover}");
    assert!(cover.contains("Imprimé le 28 novembre 2026"));
    assert!(cover.contains(&escaped(&plan.title)));
    for organisation in &plan.organisations {
        assert!(cover.contains(&escaped(&organisation.name)));
    }
    let english = super::body(&plan, &at("bilan-2023-12", Lang::En), day(PRINTED));
    assert!(
        english.contains("Progress report as of December 12, 2023") && english.contains("Printed on November 28, 2026")
    );
    assert!(english.contains("lang=\"en\""));
    // « 74,2 % » in French, "74.2%" in English.
    assert!(body.contains("74,2\u{a0}%") && english.contains("74.2%"), "the baseline of the first indicator");
}

#[test]
fn a_short_bilan_leaves_out_charts_and_narratives_and_each_section_can_be_left_out() {
    let plan = fixtures::plan("plan-000-pevr");
    let full = body(&plan, &at("bilan-2024-06", Lang::Fr), day(PRINTED));
    assert!(full.contains("<svg class=\"indicator-chart\"") && full.contains("class=\"narrative\""));
    let short = body(&plan, &Options { length: Length::Short, ..at("bilan-2024-06", Lang::Fr) }, day(PRINTED));
    assert!(!short.contains("indicator-chart") && !short.contains("narrative"));
    assert!(short.contains("class=\"bilan letter short\""));

    let none = Include { indicators: false, actions: false, budget: false, checks: false, changes: false };
    let bare = body(&plan, &Options { include: none, ..at("bilan-2024-06", Lang::Fr) }, day(PRINTED));
    for gone in ["table class=\"indicators\"", "table class=\"actions", "bilan-findings", "bilan-changes"] {
        assert!(full.contains(gone) && !bare.contains(gone), "{gone}");
    }
    assert!(bare.contains("bilan-summary") && bare.contains(&escaped(&plan.elements[0].title)));

    let cooperative = fixtures::plan("plan-002-cooperative");
    let with_budget = body(&cooperative, &at("bilan-2025-06", Lang::Fr), day(PRINTED));
    assert!(with_budget.contains("bilan-budget"));
    let totals = cooperative.budget.totals();
    assert!(with_budget.contains(&text::money(totals.expenses.total(), Lang::Fr)));
    let without = body(
        &cooperative,
        &Options { include: Include { budget: false, ..Include::default() }, ..at("bilan-2025-06", Lang::Fr) },
        day(PRINTED),
    );
    assert!(!without.contains("bilan-budget"));
}

#[test]
fn the_findings_are_judged_at_the_bilan_s_checkpoint() {
    let mut plan = fixtures::plan("plan-000-pevr");
    // One segment left with its measurements of 2023 only: too old at the second checkpoint.
    let year = plan.year_end();
    let segment = plan.indicators.iter_mut().flat_map(|i| &mut i.segments).find(|s| s.measurements.len() > 1).unwrap();
    segment.measurements.retain(|m| m.date.end(year) < chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    for checkpoint in &plan.checkpoints {
        let body = body(&plan, &at(checkpoint.id.as_str(), Lang::Fr), day(PRINTED));
        let count = check_at(&plan, Some(checkpoint)).len();
        let heading = format!("Vérifications au {} ({count})", text::day(checkpoint.date, Lang::Fr));
        assert!(body.contains(&heading), "{heading}");
    }
    let first = check_at(&plan, plan.checkpoints.first());
    let last = check_at(&plan, plan.checkpoints.last());
    assert_ne!(first, last, "a measurement too old at one checkpoint is not at the other");
}

#[test]
fn what_changed_since_the_checkpoint_before_is_listed_and_needs_two_checkpoints() {
    let plan = fixtures::plan("plan-000-pevr");
    let later = body(&plan, &at("bilan-2024-06", Lang::Fr), day(PRINTED));
    let changes = rollup::changes(&plan, &Id::new("bilan-2023-12"), &Id::new("bilan-2024-06"));
    let section = &later[later.find("bilan-changes").unwrap()..];
    assert_eq!(
        section.matches("<li>").count() - section[section.find("bilan-findings").unwrap()..].matches("<li>").count(),
        changes.actions.len() + changes.indicators.len()
    );
    let first = body(&plan, &at("bilan-2023-12", Lang::Fr), day(PRINTED));
    assert!(first.contains(&escaped(words(Lang::Fr).two_checkpoints_needed)));
}

#[test]
fn without_a_checkpoint_the_bilan_is_as_of_the_day_printed() {
    let mut plan = fixtures::plan("plan-001-regional");
    plan.checkpoints.clear();
    let options = Options::default();
    assert_eq!(as_of(&plan, &options, day(PRINTED)), day(PRINTED));
    let body = body(&plan, &options, day(PRINTED));
    assert!(body.contains("Bilan au 28 novembre 2026"));
    for action in &plan.actions {
        assert!(row(&body, &action.title).contains(words(Lang::Fr).no_report));
    }
    assert_eq!(
        file_name(&plan, &options, day(PRINTED)),
        "plan-d-action-regional-2024-2025-apprentissage-par-l-experience-et-transitions-bilan-2026-11-28.html"
    );
}

#[test]
fn the_saved_copy_is_named_after_the_plan_and_its_checkpoint_never_an_id() {
    let plan = fixtures::plan("plan-000-pevr");
    for lang in [Lang::Fr, Lang::En] {
        assert_eq!(
            file_name(&plan, &at("bilan-2023-12", lang), day(PRINTED)),
            "plan-d-engagement-vers-la-reussite-2023-2027-bilan-de-mi-annee-2023-12-12.html"
        );
    }
    let mut odd = plan.clone();
    odd.title = "Plan « 2030 » : école/famille".into();
    odd.checkpoints[1].label = "Bilan d'été\\final?".into();
    assert_eq!(
        file_name(&odd, &at("bilan-2024-06", Lang::Fr), day(PRINTED)),
        "plan-2030-ecole-famille-bilan-d-ete-final-2024-06-20.html"
    );
}

#[test]
fn no_heading_and_no_sentence_of_the_bilan_is_printed_twice() {
    each_bilan(|name, _, checkpoint, lang, body| {
        let mut seen = std::collections::HashSet::new();
        for tag in ["<h2", "<h3"] {
            for (at, _) in body.match_indices(tag) {
                let heading = &body[at..at + body[at..].find("</h").expect("closed")];
                assert!(seen.insert(heading.split_once('>').expect("a tag").1), "{name}: {heading} twice");
            }
        }
        let needed = escaped(words(lang).two_checkpoints_needed);
        assert!(body.matches(&needed).count() <= 1, "{name} {}: said twice", checkpoint.id);
    });
}

#[test]
fn the_saved_copy_allows_its_own_stylesheet_and_nothing_else() {
    use sha2::{Digest, Sha256};
    let plan = fixtures::plan("plan-000-pevr");
    let document = document(&plan, &at("bilan-2024-06", Lang::Fr), day(PRINTED));
    assert!(document.starts_with("<!doctype html><html lang=\"fr\">"));
    balanced(&document).unwrap();
    let digest = Sha256::digest(STYLE.as_bytes());
    let hash = format!("sha256-{}", base64(&digest));
    assert_eq!(STYLE_HASH, hash);
    assert!(document.contains(&format!("content=\"default-src 'none'; style-src '{hash}'; img-src data:;")));
    assert!(document.contains(&format!("<style>{STYLE}</style>")));
    assert!(!document.contains("<script"), "nothing runs in the copy");
    assert!(document.contains(&body(&plan, &at("bilan-2024-06", Lang::Fr), day(PRINTED))));
}

/// Base64 by the book, to check the build's own.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = String::new();
    for byte in bytes {
        bits.push_str(&format!("{byte:08b}"));
    }
    while bits.len() % 6 != 0 {
        bits.push('0');
    }
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| ALPHABET[usize::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap()] as char)
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_plan_s_bilan_is_well_formed_and_names_each_action_escaped(
        plan in crate::format::tests::arbitrary::plan(),
        fr in any::<bool>(),
        short in any::<bool>(),
    ) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let length = if short { Length::Short } else { Length::Full };
        let checkpoint = plan.checkpoints.first().map(|c| c.id.clone());
        let options = Options { checkpoint, lang, length, ..Options::default() };
        let document = document(&plan, &options, day(PRINTED));
        prop_assert!(balanced(&document).is_ok(), "{:?}", balanced(&document));
        prop_assert!(!document.contains("<script"));
        for action in plan.actions.iter().filter(|a| a.objectives.iter().any(|o| plan.element(o).is_some_and(|e| e.level == plan.objective_level))) {
            prop_assert!(document.contains(&escaped(&action.title)));
        }
    }
}
