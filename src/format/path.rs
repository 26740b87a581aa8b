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

/// The path of the value being read at byte `offset` of `text`, written as the plan's
/// fields are named in messages: keys joined by dots, list positions in brackets, `.`
/// for the whole text.
pub(super) fn path_at(text: &str, offset: usize) -> String {
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
    let mut path = String::new();
    for step in &steps {
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
