//! Why a file could not be read. Data only: `text::load_error` writes the sentence.

/// Tags that the model's own deserializers put before the refused text.
pub(crate) const BAD_DATE: &str = "jalon:bad-date:";
pub(crate) const BAD_DAYS: &str = "jalon:bad-days:";

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
    /// The file is empty or holds only spaces.
    Empty,
    /// Larger than `format::MAX_FILE_BYTES`: no plan is that large, and reading it
    /// would exhaust the page's memory.
    TooLarge { bytes: u64 },
    /// A plan kept compactly (see `compact`) whose data no longer unpacks.
    Damaged,
    /// The text is not JSON; `line` and `column` locate where reading stopped.
    NotJson { line: usize, column: usize },
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
    /// The same field twice in one object.
    Duplicate,
    /// Anything else serde refuses, in its own words.
    Invalid(String),
}

impl LoadError {
    pub(crate) fn field(path: &str, problem: FieldProblem) -> LoadError {
        LoadError::Field { path: path.to_owned(), problem }
    }

    pub(crate) fn from_json(error: serde_json::Error) -> LoadError {
        let (line, column) = (error.line(), error.column());
        if error.to_string().starts_with("number out of range") {
            LoadError::NotFinite { line, column }
        } else {
            LoadError::NotJson { line, column }
        }
    }

    /// Sorts serde's error into the problems a user can act on. serde gives English
    /// sentences; their stable prefixes are what tells the cases apart.
    pub(crate) fn from_field(error: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
        let mut path = String::from("plan");
        let inner = error.path().to_string();
        if inner != "." {
            if !inner.starts_with('[') {
                path.push('.');
            }
            path.push_str(&inner);
        }
        let message = error.into_inner().to_string();
        let quoted = |text: &str| text.split('`').nth(1).unwrap_or_default().to_owned();
        let problem = if let Some(rest) = message.strip_prefix("missing field ") {
            path.push('.');
            path.push_str(&quoted(rest));
            FieldProblem::Missing
        } else if let Some(rest) = message.strip_prefix("unknown field ") {
            let name = quoted(rest);
            if !path.ends_with(&name) {
                path.push('.');
                path.push_str(&name);
            }
            FieldProblem::Unknown
        } else if let Some(rest) = message.strip_prefix("duplicate field ") {
            path.push('.');
            path.push_str(&quoted(rest));
            FieldProblem::Duplicate
        } else if message.starts_with("invalid type")
            || message.starts_with("invalid length")
            // An enum given a number, an object or null where a name was expected.
            || message.starts_with("expected value")
        {
            FieldProblem::WrongType
        } else if let Some(rest) = message.strip_prefix("unknown variant ") {
            FieldProblem::UnknownValue(quoted(rest))
        } else if message.starts_with("number out of range") {
            FieldProblem::NotFinite
        } else if message.starts_with("invalid value") {
            FieldProblem::WrongType
        } else {
            // Our own deserializers tag their messages (see `BAD_DATE`, `BAD_DAYS`).
            let text = message.split(" at line ").next().unwrap_or(&message);
            if let Some(date) = text.strip_prefix(BAD_DATE) {
                FieldProblem::BadDate(date.to_owned())
            } else if CHRONO_DATE_ERRORS.contains(&text) {
                // A calendar date or time that chrono refused: no text to quote.
                FieldProblem::BadDate(String::new())
            } else if let Some(days) = text.strip_prefix(BAD_DAYS) {
                FieldProblem::BadDays(days.to_owned())
            } else {
                FieldProblem::Invalid(text.to_owned())
            }
        };
        LoadError::Field { path, problem }
    }
}
