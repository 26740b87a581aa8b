//! Why a file could not be read. Data only: `text::load_error` writes the sentence.

use crate::model::bounded::OUT_OF_RANGE;
/// Tags that the model's own deserializers put before the refused text.
use crate::model::budget::BAD_DAYS;
use crate::model::date::BAD_DATE;

/// chrono's messages for a date or a time it cannot read (`Period`, checkpoints, `Meta`).
const CHRONO_DATE_ERRORS: [&str; 6] = [
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// The first problem found in a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file holds no byte, or only a UTF-8 byte-order mark.
    Empty,
    /// The file holds only spaces, tabs and line breaks, `bytes` of them: not the same
    /// mistake as an empty file (a copy cut short, a template never filled).
    Blank { bytes: u64 },
    /// Larger than `format::MAX_FILE_BYTES`: no plan is that large, and reading it
    /// would exhaust the page's memory.
    TooLarge { bytes: u64 },
    /// The bytes are not UTF-8. `line` and `column` (in characters, from 1) locate the
    /// first byte that is not, `byte` is its value. `windows_1252` when every such byte
    /// stands alone in 0x80–0xFF, as in a file saved « ANSI » by Notepad or Excel: the
    /// message can then say which setting to change.
    NotUtf8 { line: usize, column: usize, byte: u8, windows_1252: bool },
    /// The file is no text at all: an image, a PDF, an Office document, bytes of no
    /// text (`not_text`).
    NotText(crate::format::not_text::NotText),
    /// A plan kept compactly (see `compact`) whose data no longer unpacks.
    Damaged,
    /// The text is not JSON; `line` and `column` (from the start of the file, the column
    /// in characters) locate where reading stopped, `problem` says what was found there.
    NotJson { line: usize, column: usize, problem: JsonProblem },
    /// A number too large to hold (`1e999`): the model keeps only finite numbers.
    NotFinite { line: usize, column: usize },
    /// JSON, but not a Jalon plan (no `"format": "jalon-plan"`).
    NotAPlan,
    /// Written by a newer version of Jalon.
    NewerVersion { found: u64, supported: u64 },
    /// A field the model cannot hold, at a JSON path such as `plan.elements[3].title`.
    Field { path: String, problem: FieldProblem },
    /// Two entities share one id.
    DuplicateId { id: String, path: String },
}

/// What the JSON reader met where it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text ends inside a list, an object or a string: a file cut short.
    UnexpectedEnd,
    ExpectedColon,
    ExpectedCommaOrListEnd,
    ExpectedCommaOrObjectEnd,
    /// A bare word other than `true`, `false` and `null`.
    ExpectedLiteral,
    ExpectedValue,
    /// A field name without its double quotes.
    ExpectedQuote,
    /// A backslash followed by a letter that starts no escape (`\x`).
    InvalidEscape,
    InvalidNumber,
    /// A `\u` escape naming no character: half a UTF-16 pair (`\ud800`) or a cut escape.
    UnicodeEscape,
    /// A raw control character (a tab, a line break) inside a string.
    ControlCharacter,
    KeyNotString,
    TrailingComma,
    /// Text after the end of the plan's closing brace.
    TrailingCharacters,
    /// Lists or objects nested deeper than the reader goes (128 levels).
    TooDeep,
    /// A case serde_json may add later.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Missing,
    Unknown,
    /// The value has the wrong type: `found` and `expected` are short descriptions.
    WrongType,
    /// A value outside the allowed set (a status, a kind…); the offending value.
    UnknownValue(String),
    /// A text that is not a date (`AAAA-MM-JJ`, `AAAA-MM` or `AAAA`).
    BadDate(String),
    /// A number of days that is negative or not a whole number of half days.
    BadDays(String),
    /// A number too large to hold (`1e999`).
    NotFinite,
    /// A whole number outside what the field holds (a negative count, a level of 300):
    /// the number as written in the file, and the bounds, the same on every platform.
    OutOfRange {
        value: String,
        min: i128,
        max: i128,
    },
    /// The same field twice in one object.
    Duplicate,
    /// Anything else serde refuses, in its own words: kept for the English message and
    /// for a report, never shown in French.
    Invalid(String),
}

/// The line and column (in characters, from 1) of the byte at `offset` of `text`.
/// Columns count characters rather than bytes: « é » is one column, as in an editor.
pub(crate) fn position(text: &[u8], offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    // A character starts at every byte that is not a UTF-8 continuation byte.
    let column = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

/// The byte offset in `text` of serde_json's `line` and `column` (in bytes, the byte
/// just read: column 0 is the start of a line).
pub(super) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// Where the text handed to serde lies in the file: lines and columns of its errors are
/// counted from the start of the file, not of the `plan` value.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a> {
    /// The file's text, its byte-order mark skipped.
    pub file: &'a str,
    /// Where the parsed text starts in `file`, when it is a part of it; `None` for a
    /// migrated plan, which was written anew: its errors point at the start of the plan.
    pub offset: Option<usize>,
    /// Where the plan's value starts in `file`.
    pub plan: usize,
}

impl Source<'_> {
    /// The whole file, as parsed for the envelope.
    pub(crate) fn file(file: &str) -> Source<'_> {
        Source { file, offset: Some(0), plan: 0 }
    }

    /// The file's line and column of serde_json's `line` and `column` within `parsed`.
    fn locate(&self, parsed: &str, line: usize, column: usize) -> (usize, usize) {
        let at = match self.offset {
            Some(offset) => offset + offset_of(parsed, line, column),
            None => self.plan,
        };
        position(self.file.as_bytes(), at)
    }
}

/// The last number written before `offset`: the value as the user typed it, where
/// serde would give its own rounding (`1.8446744073709552e+19`).
fn number_before(text: &str, offset: usize) -> Option<&str> {
    let before = &text[..offset.min(text.len())];
    let start =
        before.bytes().rposition(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')).map_or(0, |i| i + 1);
    let number = &before[start..];
    number.bytes().any(|b| b.is_ascii_digit()).then_some(number)
}

/// The range of serde's fixed-width integer types, by the name its messages give them.
/// `usize` and `isize` are absent on purpose: no field of the format uses them (see
/// `format::bounded`).
fn integer_range(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

/// A whole number given to an integer field that cannot hold it: serde says
/// « invalid value: integer `300`, expected u8 », or, for a number beyond 64 bits that
/// serde_json read as a float, « invalid type: floating point `1.8e19`, expected u32 ».
fn out_of_range(message: &str) -> Option<(String, i128, i128)> {
    if let Some(rest) = message.strip_prefix("invalid value: integer `") {
        let (value, name) = rest.split_once("`, expected ")?;
        let (min, max) = integer_range(name)?;
        return Some((value.to_owned(), min, max));
    }
    let rest = message.strip_prefix("invalid type: floating point `")?;
    let (value, name) = rest.split_once("`, expected ")?;
    let (min, max) = integer_range(name)?;
    let number: f64 = value.parse().ok()?;
    // A whole number too large for the type; a fraction is a wrong type.
    (number.fract() == 0.0 && (number < min as f64 || number > max as f64)).then(|| (value.to_owned(), min, max))
}

/// The key serde names in « unknown field `…`, expected … »: the file's own key, which
/// may hold a backtick itself.
pub(super) fn unknown_name(rest: &str) -> String {
    let rest = rest.strip_prefix('`').unwrap_or(rest);
    let end = rest.rfind("`, expected").or_else(|| rest.rfind("`, there are no fields")).unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// serde_json's message without its « at line L column C » tail.
fn bare(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rsplit_once(" at line ") {
        Some((bare, _)) if error.line() > 0 => bare.to_owned(),
        _ => message,
    }
}

fn json_problem(message: &str) -> JsonProblem {
    use JsonProblem::*;
    match message {
        m if m.starts_with("EOF while parsing") => UnexpectedEnd,
        "expected `:`" => ExpectedColon,
        "expected `,` or `]`" => ExpectedCommaOrListEnd,
        "expected `,` or `}`" => ExpectedCommaOrObjectEnd,
        "expected ident" => ExpectedLiteral,
        "expected value" => ExpectedValue,
        "expected `\"`" => ExpectedQuote,
        "invalid escape" => InvalidEscape,
        "invalid number" => InvalidNumber,
        // serde_json names a trailing half of a pair « lone leading surrogate », and a
        // leading half not followed by its other half « unexpected end of hex escape ».
        "invalid unicode code point" | "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            UnicodeEscape
        }
        m if m.starts_with("control character") => ControlCharacter,
        "key must be a string" => KeyNotString,
        "trailing comma" => TrailingComma,
        "trailing characters" => TrailingCharacters,
        "recursion limit exceeded" => TooDeep,
        _ => Other,
    }
}

impl LoadError {
    pub(crate) fn field(path: &str, problem: FieldProblem) -> LoadError {
        LoadError::Field { path: path.to_owned(), problem }
    }

    /// A syntax error in `parsed`, a text that starts at `source.offset` in the file.
    pub(crate) fn from_json(error: serde_json::Error, parsed: &str, source: Source) -> LoadError {
        let (line, column) = source.locate(parsed, error.line(), error.column());
        let message = bare(&error);
        if message == "number out of range" {
            LoadError::NotFinite { line, column }
        } else {
            LoadError::NotJson { line, column, problem: json_problem(&message) }
        }
    }

    /// Sorts serde's error into the problems a user can act on. serde gives English
    /// sentences; their stable prefixes are what tells the cases apart.
    pub(crate) fn from_field(error: serde_json::Error, parsed: &str, source: Source) -> LoadError {
        let at = offset_of(parsed, error.line(), error.column());
        let inner = super::path::path_of_error(parsed, at, &bare(&error));
        LoadError::from_field_at(error, &inner, parsed, source)
    }

    /// `from_field` with the path of the value refused (`indicators[3].label`).
    pub(crate) fn from_field_at(error: serde_json::Error, inner: &str, parsed: &str, source: Source) -> LoadError {
        let mut path = String::from("plan");
        if inner != "." {
            if !inner.starts_with('[') {
                path.push('.');
            }
            path.push_str(inner);
        }
        let message = bare(&error);
        let quoted = |text: &str| text.split('`').nth(1).unwrap_or_default().to_owned();
        let problem = if let Some(rest) = message.strip_prefix("missing field ") {
            path.push('.');
            path.push_str(&quoted(rest));
            FieldProblem::Missing
        } else if let Some(rest) = message.strip_prefix("unknown field ") {
            // The path ends at the object: the unknown key has no value read yet.
            path.push('.');
            path.push_str(&unknown_name(rest));
            FieldProblem::Unknown
        } else if let Some(rest) = message.strip_prefix("duplicate field ") {
            path.push('.');
            path.push_str(&quoted(rest));
            FieldProblem::Duplicate
        } else if let Some((value, min, max)) = out_of_range(&message) {
            let end = offset_of(parsed, error.line(), error.column());
            let value = number_before(parsed, end).map_or(value, str::to_owned);
            FieldProblem::OutOfRange { value, min, max }
        } else if message.starts_with("invalid type")
            || message.starts_with("invalid length")
            || message.starts_with("invalid value")
            // An enum given a number, an object or null where a name was expected:
            // serde_json calls it a syntax error, but the text is JSON.
            || message == "expected value"
        {
            FieldProblem::WrongType
        } else if let Some(rest) = message.strip_prefix("unknown variant ") {
            FieldProblem::UnknownValue(quoted(rest))
        } else if message == "number out of range" {
            FieldProblem::NotFinite
        } else if error.classify() != serde_json::error::Category::Data {
            // A string the envelope's quick pass let through (`"\ud800"`): the text is
            // not JSON there, whatever field it is in.
            let (line, column) = source.locate(parsed, error.line(), error.column());
            return LoadError::NotJson { line, column, problem: json_problem(&message) };
        } else if let Some(date) = message.strip_prefix(BAD_DATE) {
            FieldProblem::BadDate(date.to_owned())
        } else if CHRONO_DATE_ERRORS.contains(&message.as_str()) {
            // A calendar date or time that chrono refused: no text to quote.
            FieldProblem::BadDate(String::new())
        } else if let Some(days) = message.strip_prefix(BAD_DAYS) {
            FieldProblem::BadDays(days.to_owned())
        } else if let Some(range) = message.strip_prefix(OUT_OF_RANGE) {
            let mut parts = range.rsplitn(3, ':');
            let (max, min, value) = (parts.next(), parts.next(), parts.next());
            match (value, min.and_then(|m| m.parse().ok()), max.and_then(|m| m.parse().ok())) {
                (Some(value), Some(min), Some(max)) => {
                    let end = offset_of(parsed, error.line(), error.column());
                    let value = number_before(parsed, end).unwrap_or(value).to_owned();
                    FieldProblem::OutOfRange { value, min, max }
                }
                _ => FieldProblem::Invalid(message),
            }
        } else {
            FieldProblem::Invalid(message)
        };
        LoadError::Field { path, problem }
    }
}
