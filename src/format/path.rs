//! Where in a plan's JSON an error stands, as a path (`indicators[3].segments[0].id`),
//! found from serde_json's line and column after the fact.
//!
//! The model is read once, straight from the text, without tracking its path as it
//! goes (a path kept for every value of a large plan would cost a string per key);
//! only a refused file is scanned again, up to where serde_json stopped.

/// One step of the path: a key whose value has begun, or the place in a list of the
/// item under way.
enum Step {
    /// In an object: the key whose value is being read, once its `:` is passed.
    Object(Option<String>),
    /// In a list: how many items have begun.
    List(usize),
}

/// The path of the value serde_json refused with `message` after reading `text` up to
/// byte `offset`, as a path-tracking reader gives it. Two refusals, both `expected
/// value`, stand apart from the value being read there:
/// - where an enum should start, serde_json counts the byte it only looked at as read
///   (a `[` would open a list): the path is the one before that byte;
/// - after an enum written as an object (`{"number": 1, "a": 2}`), the refusal is the
///   enum's: its variant's key is dropped.
pub(super) fn path_of_error(text: &str, offset: usize, message: &str) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    if message == "expected value" {
        let looked_at = end.checked_sub(1).filter(|&at| !bytes[at].is_ascii_whitespace());
        let before = bytes[..looked_at.unwrap_or(end)].iter().rposition(|b| !b.is_ascii_whitespace());
        if let Some(at) = looked_at.filter(|_| before.is_none_or(|b| matches!(bytes[b], b':' | b'[' | b',' | b'{'))) {
            return write(&scan(text, at));
        }
        let mut steps = scan(text, end);
        if let Some(Step::Object(Some(_))) = steps.last() {
            steps.pop();
        }
        return write(&steps);
    }
    write(&scan(text, end))
}

/// The steps open at byte `offset` of `text`.
fn scan(text: &str, offset: usize) -> Vec<Step> {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut steps: Vec<Step> = Vec::new();
    // The last string read, while it may still turn out to be a key.
    let mut last_string: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last_string = Some((start, (i + 1).min(bytes.len())));
            }
            b'{' => {
                steps.push(Step::Object(None));
                last_string = None;
            }
            b'[' => {
                steps.push(Step::List(0));
                last_string = None;
            }
            b'}' | b']' => {
                steps.pop();
                last_string = None;
            }
            b':' => {
                if let (Some(Step::Object(key)), Some((start, stop))) = (steps.last_mut(), last_string.take()) {
                    *key = Some(unescape(&text[start..stop]));
                }
            }
            b',' => {
                match steps.last_mut() {
                    Some(Step::Object(key)) => *key = None,
                    Some(Step::List(count)) => *count += 1,
                    None => {}
                }
                last_string = None;
            }
            b if b.is_ascii_whitespace() => {}
            _ => {
                // A number or a literal: an item of a list begins with it as well.
                last_string = None;
            }
        }
        i += 1;
    }
    steps
}

fn write(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Object(None) => {}
            Step::List(count) => {
                path.push('[');
                path.push_str(&count.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A key as the model reads it: the JSON string's escapes resolved.
fn unescape(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_owned())
}
