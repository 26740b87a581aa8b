//! The plan file: JSON in an envelope `{ "format": "jalon-plan", "version": N, "plan": … }`.
//! A downloaded copy may also name, as `"base"`, the digest of the copy it was written
//! from (`save_copy`), so that opening it later merges it three ways over that copy.
//!
//! Saving is deterministic (fields in a fixed order, lists in the plan's order,
//! pretty-printed) so that two partners can compare two files line by line. Loading
//! migrates older versions, then refuses what the model cannot hold with the JSON path
//! of the first problem. What the model can hold but a reviewer would question loads,
//! and `check` reports it: nothing a partner wrote is dropped or silently repaired.

pub mod compact;
mod error;
mod migrate;
pub mod not_text;
mod path;
mod reading;
pub mod saving;
mod slices;

use error::Source;
pub use error::{FieldProblem, JsonProblem, LoadError};
pub use reading::Reading;
pub use slices::Slices;

use crate::model::bounded::MAX_LEVEL;
use crate::model::plan::Plan;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

/// The name every Jalon plan file carries.
pub const FORMAT_NAME: &str = "jalon-plan";
/// The newest version this build reads and writes. A plan is written in the oldest
/// version that holds it (`version_for`), so that a plan using nothing newer keeps its
/// bytes and stays readable by earlier pages.
pub const VERSION: u64 = 5;

/// The version a copy that names its base is written in: the first whose envelope holds
/// one.
const VERSION_WITH_BASE: u64 = 5;

/// The version a plan is written in: 4 once it says how long a measurement counts, 3
/// once it records sendings, is a part or is a region's plans made into one, else 2.
pub fn version_for(plan: &Plan) -> u64 {
    if plan.settings.measurement_months.is_some() {
        4
    } else if plan.sendings.is_empty() && plan.part.is_none() && plan.sources.is_empty() {
        2
    } else {
        3
    }
}
/// The largest file read: four times a generated plan of 10 000 indicators and 5 000
/// actions (about 25 MB).
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    plan: &'a Plan,
}

/// The plan as a file: the same plan always gives the same bytes.
pub fn save(plan: &Plan) -> String {
    let envelope = Envelope { format: FORMAT_NAME, version: version_for(plan), plan };
    let mut text = serde_json::to_string_pretty(&envelope)
        .expect("a plan always serializes: its maps have string keys and its numbers are finite");
    text.push('\n');
    text
}

/// The plan as a downloaded copy that names the digest of the copy it was written from
/// (`storage::Exported::base_for`); without one, `save`'s bytes.
pub fn save_copy(plan: &Plan, base: Option<&str>) -> String {
    let saved = save(plan);
    match base {
        Some(base) => copy_naming(&saved, base),
        None => saved,
    }
}

/// `saved`, a plan's file as `save` wrote it, as a copy naming `base`: its envelope
/// rewritten, its plan's text copied as it is (a large plan is not written twice).
pub fn copy_naming(saved: &str, base: &str) -> String {
    const HEAD: &str = "{\n  \"format\": \"jalon-plan\",\n  \"version\": ";
    let rest = saved.strip_prefix(HEAD).expect("save writes its envelope first");
    let digits = rest.find(|c: char| !c.is_ascii_digit()).expect("and its version");
    let version: u64 = rest[..digits].parse().expect("a version is a number");
    let base = serde_json::to_string(base).expect("a string serializes");
    let version = VERSION_WITH_BASE.max(version);
    format!("{HEAD}{version},\n  \"base\": {base}{}", &rest[digits..])
}

/// The name of an exported file: the plan's title in plain letters and the date, such
/// as `plan-d-engagement-vers-la-reussite-2023-2027-2026-11-23.json`.
pub fn file_name(title: &str, date: chrono::NaiveDate) -> String {
    dated_name(&[title], date, "json")
}

/// The one rule of the names of the files Jalon writes: each of `parts` in plain
/// letters, digits and hyphens (accents dropped, the rest a hyphen, at most 80
/// characters), then the date and the extension, safe on every file system.
pub fn dated_name(parts: &[&str], date: chrono::NaiveDate, extension: &str) -> String {
    let mut name = String::new();
    for part in parts {
        let mut plain = String::new();
        for c in part.chars().flat_map(char::to_lowercase) {
            let letter = match c {
                'à' | 'â' | 'ä' | 'á' => 'a',
                'ç' => 'c',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' => 'i',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'œ' => 'o',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if c == 'œ' {
                plain.push_str("oe");
            } else if letter != '-' || !plain.ends_with('-') && !plain.is_empty() {
                plain.push(letter);
            }
        }
        // Keep names short enough for every file system once the date is added.
        let plain: String = plain.chars().take(80).collect();
        let plain = plain.trim_end_matches('-');
        if !plain.is_empty() {
            if !name.is_empty() {
                name.push('-');
            }
            name.push_str(plain);
        }
    }
    if name.is_empty() {
        name.push_str("plan");
    }
    // Written by hand: chrono's `format` would bring its whole formatting machinery
    // into the page.
    use chrono::Datelike;
    format!("{name}-{:04}-{:02}-{:02}.{extension}", date.year(), date.month(), date.day())
}

/// A short fingerprint of a file's text (FNV-1a, 64 bits, in hexadecimal): enough to
/// tell whether the plan changed since it was exported, not a protection.
pub fn digest(text: &str) -> String {
    let mut digest = Digest::new();
    digest.update(text.as_bytes());
    digest.finish()
}

/// `digest`, fed a piece of the text at a time.
#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest::new()
    }
}

impl Digest {
    pub fn new() -> Digest {
        Digest(0xcbf2_9ce4_8422_2325)
    }

    pub fn update(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3));
    }

    pub fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Reads a plan file, migrating it from an older version if needed.
pub fn load(text: &str) -> Result<Plan, LoadError> {
    load_file(text).map(|(plan, _)| plan)
}

/// A plan file as it was read: the plan, the version it was written in, and the digest
/// of the copy it was written from, when it names one (`save_copy`).
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub plan: Plan,
    pub version: u64,
    pub base: Option<String>,
}

/// The UTF-8 byte-order mark that Windows editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a plan file from its bytes, as the page and the command receive them, and says
/// which format version it was written in. The size is checked first, on the bytes,
/// then whether they are text at all (`not_text`), then a byte-order mark is skipped, then bytes that are not UTF-8 are refused where
/// they are: never decoded with replacement characters, which would lose what the user
/// wrote and save it back changed.
pub fn load_bytes(bytes: &[u8]) -> Result<(Plan, u64), LoadError> {
    open(bytes).map(|opened| (opened.plan, opened.version))
}

/// `load_bytes`, with the base the file names.
pub fn open(bytes: &[u8]) -> Result<Opened, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() as u64 });
    }
    if let Some(kind) = crate::format::not_text::not_text(bytes) {
        return Err(LoadError::NotText(kind));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text),
        Err(error) => Err(not_utf8(bytes, error.valid_up_to())),
    }
}

/// Reads a plan file already held as text (local storage, tests) and says which format
/// version it was written in. A leading byte-order mark is skipped, as `load_bytes` does.
pub fn load_file(text: &str) -> Result<(Plan, u64), LoadError> {
    read_text(text).map(|opened| (opened.plan, opened.version))
}

/// `load_file`, with the base the file names.
fn read_text(text: &str) -> Result<Opened, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() as u64 });
    }
    read(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Where the bytes stop being UTF-8, and whether they look like Windows-1252: every
/// invalid sequence a single byte that Windows-1252 defines, and no sign of UTF-16 (its
/// byte-order marks, or the zero bytes of its ASCII characters).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> LoadError {
    let (line, column) = error::position(bytes, valid_up_to);
    // The column of the invalid byte itself, one past the last valid character.
    let column = column + 1;
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || bytes.contains(&0);
    let windows_1252 = !utf16
        && bytes.utf8_chunks().all(|chunk| match chunk.invalid() {
            [] => true,
            [byte] => !matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D),
            _ => false,
        });
    LoadError::NotUtf8 { line, column, byte: bytes[valid_up_to], windows_1252 }
}

/// Reads the text of a file, its byte-order mark and size already dealt with.
fn read(text: &str) -> Result<Opened, LoadError> {
    if text.is_empty() {
        return Err(LoadError::Empty);
    }
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Blank { bytes: text.len() as u64 });
    }
    if let Some(read) = read_as_saved(text) {
        return Ok(read);
    }
    let source = Source::file(text);
    // The envelope first, its plan kept as raw text: a file of the current version is
    // then parsed once, straight into the model, and only older files go through a
    // JSON tree to be migrated.
    let envelope: BTreeMap<String, &RawValue> = serde_json::from_str(text).map_err(|error| {
        if error.classify() == serde_json::error::Category::Data {
            LoadError::NotAPlan
        } else {
            LoadError::from_json(error, text, source)
        }
    })?;
    let format = envelope.get("format").and_then(|raw| serde_json::from_str::<&str>(raw.get()).ok());
    if format != Some(FORMAT_NAME) {
        return Err(LoadError::NotAPlan);
    }
    let version = match envelope.get("version") {
        Some(raw) => {
            serde_json::from_str::<u64>(raw.get()).map_err(|_| LoadError::field("version", FieldProblem::WrongType))?
        }
        None => return Err(LoadError::field("version", FieldProblem::Missing)),
    };
    if version > VERSION {
        return Err(LoadError::NewerVersion { found: version, supported: VERSION });
    }
    // A key of the envelope that the file's own version did not have is refused as
    // unknown, as that version's reader refused it.
    let known =
        |key: &str| matches!(key, "format" | "version" | "plan") || key == "base" && version >= VERSION_WITH_BASE;
    if let Some(key) = envelope.keys().find(|k| !known(k)) {
        return Err(LoadError::field(key, FieldProblem::Unknown));
    }
    let base = match envelope.get("base") {
        Some(raw) => Some(
            serde_json::from_str::<String>(raw.get()).map_err(|_| LoadError::field("base", FieldProblem::WrongType))?,
        ),
        None => None,
    };
    let raw = envelope.get("plan").ok_or_else(|| LoadError::field("plan", FieldProblem::Missing))?;
    // The raw plan is a slice of the file's text: its errors are located from there.
    let plan_offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
    let in_file = Source { file: text, offset: Some(plan_offset), plan: plan_offset };
    // One reader for every version: older files are migrated as a JSON tree, then written
    // back to text and read like a current one; those whose later steps only add fields
    // with a default are read as they are. Instantiating the model's deserializer
    // for a second input type would double its share of the page's WebAssembly.
    let migrated;
    let (plan_text, source) = if migrate::reads_as_is(version) {
        (raw.get(), in_file)
    } else {
        let mut value: Value =
            serde_json::from_str(raw.get()).map_err(|error| LoadError::from_json(error, raw.get(), in_file))?;
        migrate::to_current(version, &mut value)?;
        migrated = value.to_string();
        (migrated.as_str(), Source { offset: None, ..in_file })
    };
    let mut reader = serde_json::Deserializer::from_str(plan_text);
    let plan = Plan::deserialize(&mut reader).map_err(|error| LoadError::from_field(error, plan_text, source))?;
    migrate::refuse_newer_fields(version, &plan)?;
    admit(&plan)?;
    Ok(Opened { plan, version, base })
}

/// A file laid out as `save` lays it out, read in one pass: its plan is found by the
/// envelope's fixed text instead of a first reading of the whole file. Any other
/// layout, and any file this pass cannot read, goes the general way, which says what
/// is wrong.
fn read_as_saved(text: &str) -> Option<Opened> {
    let (version, base, plan_text) = read_envelope(text)?;
    if !migrate::reads_as_is(version) {
        return None;
    }
    let plan: Plan = reading::parse(plan_text).ok()?;
    migrate::refuse_newer_fields(version, &plan).ok()?;
    admit(&plan).ok()?;
    Some(Opened { plan, version, base })
}

/// The envelope of a file laid out as `save` and `save_copy` lay it out: its version
/// (one this build reads), the base it names, and its plan's text.
fn read_envelope(text: &str) -> Option<(u64, Option<String>, &str)> {
    let rest = text.strip_prefix("{\n  \"format\": \"jalon-plan\",\n  \"version\": ")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let version: u64 = rest[..digits].parse().ok()?;
    let mut rest = &rest[digits..];
    // A base as `save_copy` writes it: a digest, plain letters and digits.
    let mut base = None;
    if let Some(quoted) = rest.strip_prefix(",\n  \"base\": \"") {
        let end = quoted.find('"')?;
        if version < VERSION_WITH_BASE || !quoted[..end].bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        base = Some(quoted[..end].to_owned());
        rest = &quoted[end + 1..];
    }
    let plan_text = rest.strip_prefix(",\n  \"plan\": ")?.trim_end().strip_suffix('}')?;
    (version <= VERSION).then_some((version, base, plan_text))
}

/// What the reader refuses in a plan the model can hold: two entities sharing an id,
/// a level beyond `MAX_LEVEL`. Every change is held to it where it is applied
/// (`edit::Change::apply`), so that a plan in memory always saves to a file that reads
/// back.
pub fn admit(plan: &Plan) -> Result<(), LoadError> {
    if let Some(shared) = crate::model::id_holders::first_shared(plan) {
        return Err(LoadError::DuplicateId { id: shared.id.to_string(), path: id_path(shared.again) });
    }
    let beyond = |level: usize| level as u64 > MAX_LEVEL;
    let out_of_range =
        |level: usize| FieldProblem::OutOfRange { value: level.to_string(), min: 0, max: MAX_LEVEL.into() };
    if beyond(plan.objective_level) {
        return Err(LoadError::field("plan.objective_level", out_of_range(plan.objective_level)));
    }
    if let Some((i, e)) = plan.elements.iter().enumerate().find(|(_, e)| beyond(e.level)) {
        return Err(LoadError::field(&format!("plan.elements[{i}].level"), out_of_range(e.level)));
    }
    Ok(())
}

/// The JSON path of the id held at `place`.
fn id_path(place: crate::model::id_holders::Place) -> String {
    use crate::model::id_holders::IdHolder as H;
    let i = place.index;
    match place.holder {
        H::Organisation => format!("plan.organisations[{i}].id"),
        H::Checkpoint => format!("plan.checkpoints[{i}].id"),
        H::Element => format!("plan.elements[{i}].id"),
        H::Indicator => format!("plan.indicators[{i}].id"),
        H::Segment => format!("plan.indicators[{i}].segments[{}].id", place.segment.unwrap_or_default()),
        H::Action => format!("plan.actions[{i}].id"),
        H::Rate => format!("plan.budget.rates[{i}].id"),
        H::Revenue => format!("plan.budget.revenues[{i}].id"),
        H::Category => format!("plan.budget.categories[{i}].id"),
        H::Expense => format!("plan.budget.expenses[{i}].id"),
        H::Allocation => format!("plan.budget.allocations[{i}].id"),
    }
}

#[cfg(test)]
pub(crate) mod tests;
