//! The rebuild held to the corpus of plan tables beside the project
//! (`../shared/corpus`, each folder a table as Word puts it on the clipboard, in both
//! flavours, with the tree a correct reading gives): per level, precision and recall
//! of the elements (right level, right code, right title), then of the actions and
//! the indicators, printed as a table. Nothing of the documents is copied here.

use super::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `JALON_CORPUS` when set, else the first `shared/corpus` going up from the project.
fn corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("JALON_CORPUS") {
        return Some(dir.into());
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().skip(1).map(|up| up.join("shared/corpus")).find(|d| d.is_dir())
}

/// Runs of spaces (non-breaking ones too) made one, ends trimmed.
fn folded(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn code_of(code: Option<&str>) -> String {
    code.map(|c| c.trim().trim_end_matches('.').to_string()).unwrap_or_default()
}

/// What is counted at one row of the table: a level's elements (by rank), the
/// actions or the indicators, each as the key that must match.
type Found = HashMap<String, Vec<String>>;

fn expected_of(expected: &Value) -> (Vec<String>, Found) {
    let levels: Vec<String> =
        expected["levels"].as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_string()).collect();
    let mut found = Found::new();
    fn walk(levels: &[String], elements: &Value, found: &mut Found) {
        for e in elements.as_array().into_iter().flatten() {
            let rank = levels.iter().position(|l| e["level"].as_str() == Some(l)).unwrap();
            let key = format!("{}|{}", code_of(e["code"].as_str()), folded(e["title"].as_str().unwrap()));
            found.entry(format!("{} {}", rank + 1, levels[rank])).or_default().push(key);
            walk(levels, &e["children"], found);
        }
    }
    walk(&levels, &expected["elements"], &mut found);
    for a in expected["actions"].as_array().into_iter().flatten() {
        // An action is right under the right element too: its code, or its title when it has none.
        let under = folded(a["under"].as_str().unwrap_or_default());
        let key = format!("{}|{}|{under}", code_of(a["code"].as_str()), folded(a["title"].as_str().unwrap()));
        found.entry("actions".into()).or_default().push(key);
    }
    for i in expected["indicators"].as_array().into_iter().flatten() {
        found.entry("indicators".into()).or_default().push(folded(i["label"].as_str().unwrap()));
    }
    (levels, found)
}

fn got_of(p: &Proposal, levels: &[String]) -> Found {
    let mut found = Found::new();
    for e in &p.plan.elements {
        let name = levels.get(e.level).cloned().unwrap_or_else(|| "?".into());
        let key = format!("{}|{}", code_of(e.code.as_deref()), folded(&e.title));
        found.entry(format!("{} {name}", e.level + 1)).or_default().push(key);
    }
    for a in &p.plan.actions {
        let under = a.objectives.first().and_then(|o| p.plan.element(o)).map_or(String::new(), |e| {
            let code = code_of(e.code.as_deref());
            if code.is_empty() {
                folded(&e.title)
            } else {
                code
            }
        });
        let key = format!("{}|{}|{under}", code_of(a.code.as_deref()), folded(&a.title));
        found.entry("actions".into()).or_default().push(key);
    }
    for i in &p.plan.indicators {
        found.entry("indicators".into()).or_default().push(folded(&i.label));
    }
    found
}

/// Precision and recall of `got` against `expected`, each key matched once.
fn scores(expected: &[String], got: &[String]) -> (f64, f64) {
    let mut left: Vec<&String> = expected.iter().collect();
    let mut hits = 0;
    for g in got {
        if let Some(i) = left.iter().position(|e| *e == g) {
            left.remove(i);
            hits += 1;
        }
    }
    // Nothing found where something was expected is no precision at all, and the reverse.
    let ratio = |n: usize, other: usize| match (n, other) {
        (0, 0) => 1.0,
        (0, _) => 0.0,
        _ => hits as f64 / n as f64,
    };
    (ratio(got.len(), expected.len()), ratio(expected.len(), got.len()))
}

pub(super) struct Line {
    pub document: String,
    pub flavour: &'static str,
    pub row: String,
    pub precision: f64,
    pub recall: f64,
    pub names: String,
}

pub(super) fn table() -> Option<Vec<Line>> {
    let dir = corpus_dir()?;
    let mut folders: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut lines = Vec::new();
    for folder in folders {
        let document = folder.file_name().unwrap().to_string_lossy().to_string();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(folder.join("expected.json")).unwrap())
            .unwrap_or_else(|e| panic!("{document}: {e}"));
        let (levels, wanted) = expected_of(&expected);
        for flavour in ["tsv", "html"] {
            let text = std::fs::read_to_string(folder.join(format!("paste.{flavour}"))).unwrap();
            let p = match flavour {
                "html" => propose_html(&text, Lang::Fr, Id::new("plan"), today),
                _ => propose(&text, Lang::Fr, Id::new("plan"), today),
            };
            let got = got_of(&p, &levels);
            let names = p.plan.levels.iter().map(|l| l.name.singular.clone()).collect::<Vec<_>>().join(" · ");
            let mut rows: Vec<&String> = wanted.keys().chain(got.keys()).collect();
            rows.sort_by_key(|r| (r.starts_with('a') || r.starts_with('i') || r.starts_with('?'), r.to_string()));
            rows.dedup();
            for row in rows {
                let none = Vec::new();
                let (precision, recall) = scores(wanted.get(row).unwrap_or(&none), got.get(row).unwrap_or(&none));
                lines.push(Line {
                    document: document.clone(),
                    flavour,
                    row: row.clone(),
                    precision,
                    recall,
                    names: names.clone(),
                });
            }
        }
    }
    Some(lines)
}

#[test]
fn every_corpus_document_rebuilds_at_nine_tenths_or_better() {
    let Some(lines) = table() else {
        eprintln!("the corpus is not beside this clone (set JALON_CORPUS): not checked");
        return;
    };
    let mut out =
        String::from("| document | flavour | level | precision | recall | levels read |\n|---|---|---|---|---|---|\n");
    for l in &lines {
        out.push_str(&format!(
            "| {} | {} | {} | {:.2} | {:.2} | {} |\n",
            l.document, l.flavour, l.row, l.precision, l.recall, l.names
        ));
    }
    println!("{out}");
    if let Ok(path) = std::env::var("JALON_CORPUS_TABLE") {
        std::fs::write(path, &out).unwrap();
    }
    let failing: Vec<String> = lines
        .iter()
        .filter(|l| l.precision < 0.9 || l.recall < 0.9)
        .map(|l| format!("{} {} {}", l.document, l.flavour, l.row))
        .collect();
    assert!(failing.is_empty(), "below 0.9: {failing:?}");
}

/// What one document gave, to look at by hand: `JALON_CORPUS_SHOW=07 cargo test show`.
#[test]
fn show() {
    let (Some(dir), Ok(which)) = (corpus_dir(), std::env::var("JALON_CORPUS_SHOW")) else { return };
    let folder = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&which))
        .unwrap();
    let flavour = std::env::var("JALON_CORPUS_FLAVOUR").unwrap_or("tsv".into());
    let text = std::fs::read_to_string(folder.join(format!("paste.{flavour}"))).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let p = if flavour == "html" {
        propose_html(&text, Lang::Fr, Id::new("p"), today)
    } else {
        propose(&text, Lang::Fr, Id::new("p"), today)
    };
    for e in &p.plan.elements {
        println!("E{} {:?} {:?} <{:?}>", e.level, e.code, e.title, e.parent);
    }
    for a in &p.plan.actions {
        println!(
            "A {:?} {:?} {:?} resp={:?} sched={:?}",
            a.objectives, a.code, a.title, a.responsible, a.schedule.text
        );
    }
    for i in &p.plan.indicators {
        println!("I {:?} {:?}", i.objective, i.label);
    }
    for u in &p.unplaced {
        println!("U {} {:?} {:?}", u.row, u.why, u.cells);
    }
}
