//! The layers of the crate, held: every `crate::…` path a module of the core names
//! outside its tests must lead to a layer below its own (or to its own folder), as
//! `src/lib.rs` lists them and ARCHITECTURE.md explains. A path that runs the wrong way
//! fails here with its file and line.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the ground up: each may use those before it in this list.
const LAYERS: [&str; 7] = ["model", "format", "storage", "calc", "edit", "words", "start"];

/// The features: each may use every layer, and no other feature.
const FEATURES: [&str; 5] = ["share", "region", "sheet", "rebuild", "report"];

/// Inside `words`, the order of its own files: how numbers and dates are written and the
/// languages at the bottom, then the command's sentences, the typed reader, the drafts,
/// the table of words, the texts.
const WORDS: [&str; 7] = ["lang", "numbers", "command", "input", "draft", "table", "text"];

/// What a file may not name, and why, or `None` when the path is allowed.
fn refusal(file: &str, used: &str) -> Option<String> {
    let from = folder_of(file)?;
    if from == used || used == "ui" && from == "ui" {
        return None;
    }
    if used == "ui" {
        return Some("the core never names the shell".into());
    }
    let rank = |layer: &str| LAYERS.iter().position(|l| *l == layer);
    match (rank(&from), rank(used)) {
        (Some(own), Some(theirs)) if theirs > own => Some(format!("the layer `{from}` may use only {}", below(own))),
        (Some(own), None) => Some(format!("the layer `{from}` may use only {}, never a feature", below(own))),
        (None, None) if FEATURES.contains(&from.as_str()) => {
            Some(format!("the feature `{from}` may not use the feature `{used}`"))
        }
        _ => None,
    }
}

/// What the layer of this rank may use, said.
fn below(rank: usize) -> String {
    if rank == 0 {
        return "may use nothing else of the crate".into();
    }
    let layers: Vec<String> = LAYERS[..rank].iter().map(|l| format!("`{l}`")).collect();
    format!("may use only {}", layers.join(", "))
}

/// Inside `words`: a file names only the files below it.
fn words_refusal(file: &str, path: &str) -> Option<String> {
    let own = file.strip_prefix("words/")?.split(['/', '.']).next()?;
    let used = path.strip_prefix("words::")?.split("::").next()?;
    let rank = |name: &str| WORDS.iter().position(|w| *w == name);
    match (rank(own), rank(used)) {
        (Some(a), Some(b)) if b > a => Some(format!("`words::{own}` may not use `words::{used}`, which is above it")),
        _ => None,
    }
}

/// The top folder of a core file (`model/plan.rs` is `model`, `rebuild.rs` is `rebuild`),
/// or `None` for what the rule does not cover (the shell, the command, `lib.rs`).
fn folder_of(file: &str) -> Option<String> {
    let top = file.split('/').next()?.trim_end_matches(".rs");
    match top {
        "ui" | "bin" | "lib" | "robustness" | "fixtures" => None,
        _ => Some(top.to_owned()),
    }
}

/// Every `.rs` file under `dir`, as paths relative to `src`.
fn sources(dir: &Path, root: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, root, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path.strip_prefix(root).expect("under src").to_path_buf());
        }
    }
}

/// A file of tests: `tests.rs`, or any file under a `tests` folder.
fn is_test_file(file: &str) -> bool {
    file.split('/').any(|part| part == "tests" || part == "tests.rs")
}

/// The lines of `text` outside its `#[cfg(test)]` items, with their numbers.
fn outside_tests(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if lines[at].trim_start().starts_with("#[cfg(test)]") {
            at += 1;
            while at < lines.len() && lines[at].trim_start().starts_with("#[") {
                at += 1;
            }
            at = item_end(&lines, at);
            continue;
        }
        kept.push((at + 1, lines[at]));
        at += 1;
    }
    kept
}

/// The line after the item that starts at `start`: a block to its closing brace, else
/// up to its semicolon. Braces in strings, characters and comments do not count.
fn item_end(lines: &[&str], start: usize) -> usize {
    let mut depth = 0i32;
    let mut opened = false;
    let mut in_string = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while at < chars.len() {
            let c = chars[at];
            if in_string {
                match c {
                    '\\' => at += 1,
                    '"' => in_string = false,
                    _ => {}
                }
            } else {
                match c {
                    '"' => in_string = true,
                    '/' if chars.get(at + 1) == Some(&'/') => break,
                    // A character literal ('{', '\u{a0}'); a lifetime has no closing quote.
                    '\'' if chars.get(at + 1) == Some(&'\\') => {
                        at += 2 + chars[at + 2..].iter().position(|c| *c == '\'').unwrap_or(0);
                    }
                    '\'' if chars.get(at + 2) == Some(&'\'') => at += 2,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened && depth == 0 => return index + 1,
                    _ => {}
                }
            }
            at += 1;
        }
        if opened && depth <= 0 {
            return index + 1;
        }
    }
    lines.len()
}

/// The paths a statement names after `crate::`, each with its first two segments:
/// `crate::{a::B, c::{d, e}}` names `a::B`, `c::d` and `c::e`.
fn paths(statement: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = statement;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        expand("", rest, &mut found);
    }
    found.retain(|p| !p.is_empty() && p != "self" && !p.starts_with("self::"));
    found.dedup();
    found
}

/// The paths of `tree` (`a::{b, c::d}` or `a::B`) under `prefix`, cut to two segments.
fn expand(prefix: &str, tree: &str, found: &mut Vec<String>) {
    let tree = tree.trim_start();
    let end = tree.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(tree.len());
    let path = format!("{prefix}{}", &tree[..end]);
    match tree[end..].strip_prefix('{') {
        Some(group) if path.is_empty() || path.ends_with("::") => {
            let mut depth = 1;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 || (c == ',' && depth == 1) {
                    if !item.trim().is_empty() {
                        expand(&path, &item, found);
                    }
                    item.clear();
                    if depth == 0 {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
        }
        _ => found.push(head(&path)),
    }
}

/// The first two segments of a path: `words::text::finding(x)` is `words::text`.
fn head(path: &str) -> String {
    let path = path.trim();
    let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(path.len());
    path[..end].split("::").filter(|s| !s.is_empty()).take(2).collect::<Vec<_>>().join("::")
}

/// A `use` statement, whatever its visibility.
fn is_use(statement: &str) -> bool {
    let statement = statement.trim_start();
    let statement =
        statement.strip_prefix("pub(crate) ").or_else(|| statement.strip_prefix("pub ")).unwrap_or(statement);
    statement.starts_with("use ")
}

/// Every wrong-way path of the core, as « file:line: path: why ».
fn wrong_way(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    sources(root, root, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in files {
        let name = file.to_string_lossy().replace('\\', "/");
        if is_test_file(&name) {
            continue;
        }
        let text = fs::read_to_string(root.join(&file)).expect("a source file is text");
        let mut statement = String::new();
        let mut first_line = 0;
        for (number, line) in outside_tests(&text) {
            let code = line.split("//").next().unwrap_or("");
            if statement.is_empty() {
                first_line = number;
            }
            statement.push_str(code);
            let open = statement.matches('{').count() > statement.matches('}').count();
            if is_use(&statement) && (!code.contains(';') || open) {
                continue;
            }
            for path in paths(&statement) {
                let used = path.split("::").next().unwrap_or("");
                let why = refusal(&name, used).or_else(|| words_refusal(&name, &path));
                if let Some(why) = why {
                    wrong.push(format!("src/{name}:{first_line}: crate::{path}: {why}"));
                }
            }
            statement.clear();
        }
    }
    wrong
}

#[test]
fn every_import_runs_down_the_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = wrong_way(&root);
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

/// The rule fails where it should: a planted import the wrong way is named by file and
/// line, in a copy of the tree.
/// `src/lib.rs` lists the layers and the features in the order this rule reads them.
#[test]
fn lib_lists_the_layers_in_their_order() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let listed: Vec<&str> =
        lib.lines().filter_map(|l| l.strip_prefix("pub mod ")).map(|l| l.trim_end_matches(';')).collect();
    let rule: Vec<&str> = LAYERS.iter().chain(FEATURES.iter()).copied().collect();
    assert_eq!(listed, rule);
}

#[test]
fn a_wrong_way_import_is_named() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let copy = std::env::temp_dir().join(format!("jalon-layers-{}", std::process::id()));
    let _ = fs::remove_dir_all(&copy);
    copy_tree(&root, &copy);
    let plan = copy.join("model/plan.rs");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(&plan, format!("use crate::calc::status::Status;\n{text}")).unwrap();
    let edit = copy.join("sheet.rs");
    let text = fs::read_to_string(&edit).unwrap();
    fs::write(&edit, format!("use crate::{{model::id::Id, share::part}};\n{text}")).unwrap();
    let wrong = wrong_way(&copy);
    fs::remove_dir_all(&copy).unwrap();
    assert!(wrong.iter().any(|w| w.starts_with("src/model/plan.rs:1: crate::calc::status")), "{wrong:?}");
    assert!(wrong.iter().any(|w| w.starts_with("src/sheet.rs:1: crate::share::part")), "{wrong:?}");
    assert_eq!(wrong.len(), 2, "{wrong:?}");
}

#[test]
fn tests_and_group_imports_are_read_as_written() {
    let text = "use crate::{a::B, c::{d, e}};\n#[cfg(test)]\nmod tests {\n    use crate::x::Y;\n}\nfn f() {}\n";
    let kept: Vec<&str> = outside_tests(text).into_iter().map(|(_, line)| line).collect();
    assert_eq!(kept, ["use crate::{a::B, c::{d, e}};", "fn f() {}"]);
    assert_eq!(paths(kept[0]), ["a::B", "c::d", "c::e"]);
    assert_eq!(paths("use crate::words::{input::{read, Problem}, text};"), ["words::input", "words::text"]);
    assert_eq!(head("words::text::finding(plan)"), "words::text");
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}
