//! Properties of the file format: `load` never panics, whatever it is given, its
//! French messages never carry serde's English, and every plan survives `save` then
//! `load` unchanged, to the byte.

use super::super::{load, load_bytes, read_text, save, save_copy, LoadError, Opened, Reading};
use super::arbitrary;
use super::{every_fixture, FIXTURES, V0_DRAFT};
use crate::words::text::{load_error, Lang};
use proptest::prelude::*;
use proptest::sample::select;

/// Values a hand-edited or damaged file may put where another value was.
const REPLACEMENTS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-1",
    "0.5",
    "1e999",
    "-1e999",
    "4294967296",
    "18446744073709551616",
    "\"\"",
    "\"banana\"",
    "\"2027-13\"",
    "\"2027-02-30\"",
    "\"-0001\"",
    "[]",
    "{}",
    "[{}]",
    "{\"id\": \"x\"}",
    "\"\\ud800\"",
    "\"\u{0}\"",
    "2.3",
    "-0.0",
    "1e-400",
    "300",
    "256",
    "18446744073709551615",
    "-9223372036854775809",
    "9223372036854775808",
    "2.0",
    "1e3",
    "\"\\udc00\"",
    "\"a\\ud800b\"",
    "\"\\x\"",
    "\"\\u12\"",
    "\"\t\"",
    "[1,]",
    "{\"a\" 1}",
    "tru",
    "\"\\ud800\\u0041\"",
];

/// serde's English, which must not reach a French message: single words, matched as
/// whole words, and phrases.
const SERDE_WORDS: &[&str] = &[
    "expected",
    "invalid",
    "escape",
    "surrogate",
    "unknown",
    "variant",
    "integer",
    "floating",
    "parsing",
    "while",
    "line",
    "column",
    "EOF",
    "trailing",
    "character",
    "input",
    "range",
    "missing",
    "duplicate",
    "field",
    "length",
    "number",
    "string",
    "sequence",
    "lone",
    "leading",
    "premature",
];
const SERDE_PHRASES: &[&str] =
    &["at line", "unknown variant", "expected one of", "hex escape", "invalid type", "jalon:"];

/// The French message of `error`, or what in it is serde's English. The quoted parts,
/// « … », are the file's own path and values and are left out.
fn serde_english(error: &LoadError) -> Option<String> {
    let message = load_error(error, Lang::Fr);
    let mut own = String::new();
    let mut depth = 0;
    for c in message.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            _ if depth == 0 => own.push(c),
            _ => {}
        }
    }
    let lower = own.to_lowercase();
    let word =
        own.split(|c: char| !c.is_alphanumeric()).find(|w| SERDE_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)));
    let phrase = SERDE_PHRASES.iter().find(|p| lower.contains(*p));
    (word.is_some() || phrase.is_some()).then(|| format!("{word:?} {phrase:?} in {message:?}"))
}

/// One change to a file's text. Positions are taken modulo the length, token numbers
/// modulo the count, so that every edit applies to every file.
#[derive(Debug, Clone)]
enum Edit {
    SetByte(usize, u8),
    DeleteBytes(usize, usize),
    InsertText(usize, &'static str),
    Truncate(usize),
    /// Replaces a value (a string, a number, a literal) with another: the text stays
    /// JSON, and the edit reaches the model.
    ReplaceValue(usize, &'static str),
    SwapValues(usize, usize),
    SwapKeys(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::SetByte(at, byte)),
        1 => (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::DeleteBytes(at, len)),
        1 => (any::<usize>(), select(REPLACEMENTS)).prop_map(|(at, text)| Edit::InsertText(at, text)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        8 => (any::<usize>(), select(REPLACEMENTS)).prop_map(|(n, text)| Edit::ReplaceValue(n, text)),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(m, n)| Edit::SwapValues(m, n)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(m, n)| Edit::SwapKeys(m, n)),
    ]
}

#[derive(Clone, Copy, PartialEq)]
enum Token {
    Key,
    /// A string, a number or a literal.
    Value,
    Punctuation,
}

/// The byte ranges of the JSON tokens of `text`, roughly: enough to aim edits at
/// keys and values rather than at the middle of words.
fn tokens(text: &[u8]) -> Vec<(usize, usize, Token)> {
    let mut spans: Vec<(usize, usize, Token)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let start = i;
        let kind = match text[i] {
            b'"' => {
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(text.len());
                Token::Value
            }
            b'{' | b'[' | b'}' | b']' | b',' => {
                i += 1;
                Token::Punctuation
            }
            b':' => {
                i += 1;
                if let Some(key) = spans.last_mut() {
                    key.2 = Token::Key;
                }
                Token::Punctuation
            }
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => {
                while i < text.len() && !b"{}[]:,\" \n".contains(&text[i]) {
                    i += 1;
                }
                Token::Value
            }
        };
        spans.push((start, i, kind));
    }
    spans
}

fn apply(text: &mut Vec<u8>, edit: &Edit) {
    if text.is_empty() {
        return;
    }
    let len = text.len();
    let spans = tokens(text);
    let nth = |kind: Token, n: usize| {
        let of_kind: Vec<(usize, usize)> = spans.iter().filter(|s| s.2 == kind).map(|s| (s.0, s.1)).collect();
        (!of_kind.is_empty()).then(|| of_kind[n % of_kind.len()])
    };
    let swap = |text: &mut Vec<u8>, first: Option<(usize, usize)>, second: Option<(usize, usize)>| {
        let (Some(first), Some(second)) = (first, second) else { return };
        let ((a, b), (c, d)) = if first.0 <= second.0 { (first, second) } else { (second, first) };
        if b <= c {
            let (left, right) = (text[a..b].to_vec(), text[c..d].to_vec());
            text.splice(c..d, left);
            text.splice(a..b, right);
        }
    };
    match *edit {
        Edit::SetByte(at, byte) => text[at % len] = byte,
        Edit::DeleteBytes(at, n) => {
            let at = at % len;
            text.drain(at..(at + n).min(len));
        }
        Edit::InsertText(at, insert) => {
            let at = at % (len + 1);
            text.splice(at..at, insert.bytes());
        }
        Edit::Truncate(at) => text.truncate(at % len),
        Edit::ReplaceValue(n, value) => {
            if let Some((a, b)) = nth(Token::Value, n) {
                text.splice(a..b, value.bytes());
            }
        }
        Edit::SwapValues(m, n) => swap(text, nth(Token::Value, m), nth(Token::Value, n)),
        Edit::SwapKeys(m, n) => swap(text, nth(Token::Key, m), nth(Token::Key, n)),
    }
}

/// Every fixture as this version saves it, and as a copy naming a base: the layouts
/// `Reading` reads a slice at a time.
fn saved_fixtures() -> Vec<String> {
    every_fixture()
        .into_iter()
        .map(|text| load(text).expect("a fixture loads"))
        .flat_map(|plan| [save(&plan), save_copy(&plan, Some("0123abcd"))])
        .collect()
}

/// `text` read by `Reading` in steps of `budget` bytes.
fn read_in_slices(text: &str, budget: usize) -> Result<Opened, LoadError> {
    let mut reading = Reading::new(text);
    loop {
        if let Some(read) = reading.step(budget) {
            return read;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_bytes_never_make_load_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Err(error) = load_bytes(&bytes) {
            prop_assert_eq!(serde_english(&error), None);
        }
    }

    #[test]
    fn json_like_text_never_makes_load_panic(text in r#"[{}\[\]:,"0-9a-z.eE+\- \\]{0,200}"#) {
        let _ = load(&text);
    }

    /// Whatever a damaged file loads as survives `save` then `load`; whatever it is
    /// refused for is said in French without serde's English, and the same by both
    /// readers when the bytes are text.
    #[test]
    fn damaged_files_never_make_load_panic(
        file in select(FIXTURES.iter().map(|(_, text)| *text).chain([V0_DRAFT]).collect::<Vec<_>>()),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut bytes = file.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let loaded = load_bytes(&bytes);
        if let (Ok(text), None) = (std::str::from_utf8(&bytes), crate::format::not_text::not_text(&bytes)) {
            prop_assert_eq!(&super::super::load_file(text), &loaded);
        }
        match loaded {
            Ok((plan, _)) => prop_assert_eq!(load(&save(&plan)), Ok(plan)),
            Err(error) => prop_assert_eq!(serde_english(&error), None, "{:?}", error),
        }
    }

    /// Read a slice at a time, whatever the slices' size, a file gives what it gives
    /// read whole: the same plan, or the same refusal, however it was damaged.
    #[test]
    fn a_file_read_in_slices_is_the_file_read_whole(
        file in select(saved_fixtures()),
        edits in proptest::collection::vec(edit(), 0..3),
        budget in 1usize..4000,
    ) {
        let mut bytes = file.into_bytes();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(read_in_slices(text, budget), read_text(text));
        }
    }

    /// A refused field is placed where a reader that tracks its path as it goes
    /// (`serde_path_to_error`) places it: the scan after the fact finds the same path.
    #[test]
    fn a_refused_field_has_the_path_a_tracking_reader_gives(
        file in select(FIXTURES.iter().map(|(_, text)| *text).collect::<Vec<_>>()),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut bytes = file.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        if let Some((ours, tracked)) = std::str::from_utf8(&bytes).ok().and_then(both_paths) {
            prop_assert_eq!(ours, tracked);
        }
    }
}

/// The error for the plan of `text` as `load` reports it and as the same error with
/// `serde_path_to_error`'s path, when the plan is refused for a field.
fn both_paths(text: &str) -> Option<(LoadError, LoadError)> {
    use super::super::error::Source;
    let envelope: std::collections::BTreeMap<String, &serde_json::value::RawValue> = serde_json::from_str(text).ok()?;
    let plan = envelope.get("plan")?.get();
    let source = Source::file(plan);
    let ours =
        <crate::model::plan::Plan as serde::Deserialize>::deserialize(&mut serde_json::Deserializer::from_str(plan))
            .err()?;
    let tracked: Result<crate::model::plan::Plan, _> =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(plan));
    let tracked = tracked.err()?;
    if tracked.inner().classify() != serde_json::error::Category::Data {
        return None;
    }
    let mut path = tracked.path().to_string();
    // The tracking reader's path of an unknown field ends with the field itself; the
    // scan's ends at the object that holds it, and the error adds the field's name.
    if let Some(rest) = tracked.inner().to_string().strip_prefix("unknown field ") {
        let name = super::super::error::unknown_name(rest);
        if let Some(object) = path.strip_suffix(name.as_str()) {
            path = match object.strip_suffix('.') {
                Some(object) if !object.is_empty() => object.to_owned(),
                _ if object.is_empty() || object == "." => ".".to_owned(),
                _ => object.to_owned(),
            };
        }
    }
    Some((
        LoadError::from_field(ours, plan, source),
        LoadError::from_field_at(tracked.into_inner(), &path, plan, source),
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_plan_survives_save_then_load(plan in arbitrary::plan()) {
        let text = save(&plan);
        let loaded = load(&text);
        prop_assert!(loaded.is_ok(), "{:?}\n{text}", loaded);
        let loaded = loaded.unwrap();
        prop_assert_eq!(&loaded, &plan);
        prop_assert_eq!(save(&loaded), text);
    }

    /// Read a slice at a time, in slices of any size, a saved plan is that plan.
    #[test]
    fn any_plan_read_in_slices_is_the_plan(plan in arbitrary::plan(), budget in 1usize..2000) {
        let read = read_in_slices(&save(&plan), budget);
        prop_assert_eq!(read.map(|opened| opened.plan), Ok(plan));
    }

    /// Written a slice at a time, in slices of any size, a plan is the file `save`
    /// writes, to the byte.
    #[test]
    fn any_plan_written_in_slices_is_the_saved_file(plan in arbitrary::plan(), budget in 0usize..2000) {
        let mut slices = super::super::Slices::new();
        while !slices.step(&plan, budget) {}
        prop_assert_eq!(slices.into_text(), save(&plan));
    }
}
