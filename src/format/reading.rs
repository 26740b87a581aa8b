//! A plan file read a slice at a time: the same plan, or the same refusal, as `open`,
//! in steps of about a given size, so that a page reading a colleague's 25 MB version
//! can paint between the steps. Parsing JSON cannot stop half-way; a plan's three long
//! lists can be parsed an item at a time instead.
//!
//! The plan's text is scanned for the spans of those lists' items (strings, nesting and
//! the commas between items followed exactly); the plan without its lists' items is
//! parsed as the plan, then each item as what it is. The separators are checked here and
//! every other byte by the parser, so the parts together accept exactly what the whole
//! would. Anything else, and any part refused, is read by `open`'s own way in one step,
//! which says what is wrong and where.

use super::{migrate, read_envelope, read_text, LoadError, Opened, MAX_FILE_BYTES};
use crate::model::plan::Plan;
use serde::de::DeserializeOwned;
use std::ops::Range;

/// The plan's lists read an item at a time, in the plan's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Elements,
    Indicators,
    Actions,
}

impl List {
    fn named(key: &[u8]) -> Option<List> {
        match key {
            b"elements" => Some(List::Elements),
            b"indicators" => Some(List::Indicators),
            b"actions" => Some(List::Actions),
            _ => None,
        }
    }
}

/// One list found in the plan's text: its items' spans, and the span between its
/// brackets, left out of the plan parsed first.
#[derive(Debug)]
struct Found {
    list: List,
    inside: Range<usize>,
    items: Vec<Range<usize>>,
}

/// Where the scan of the plan's text is. Positions are in the plan's text.
#[derive(Debug, Default)]
struct Scan {
    at: usize,
    depth: u32,
    /// The last string met directly in the plan's object: the key of the member whose
    /// value opens next.
    key: Range<usize>,
    /// The list open, its item under way, and whether an item just ended (a comma, or
    /// the list's end, must follow).
    open: Option<(Found, Option<usize>, bool)>,
    found: Vec<Found>,
}

#[derive(Debug)]
enum Stage {
    Scanning(Scan),
    Items { plan: Box<Plan>, found: Vec<Found>, list: usize, item: usize },
    Done,
}

/// A file's text under way. The text must not change between two steps.
#[derive(Debug)]
pub struct Reading<'t> {
    text: &'t str,
    /// The file's version and base, and where its plan's text lies, when it is laid out
    /// as `save` writes it (otherwise read whole at the first step).
    envelope: Option<(u64, Option<String>, Range<usize>)>,
    stage: Stage,
}

impl<'t> Reading<'t> {
    pub fn new(text: &'t str) -> Reading<'t> {
        let envelope = read_envelope(text)
            .filter(|(version, _, _)| migrate::reads_as_is(*version) && text.len() as u64 <= MAX_FILE_BYTES)
            .map(|(version, base, plan)| {
                let start = plan.as_ptr() as usize - text.as_ptr() as usize;
                (version, base, start..start + plan.len())
            });
        Reading { text, envelope, stage: Stage::Scanning(Scan::default()) }
    }

    /// Reads about `budget` more bytes of the file; the plan, or why it is refused,
    /// once the file is read.
    pub fn step(&mut self, budget: usize) -> Option<Result<Opened, LoadError>> {
        let text = self.text;
        let Some((version, base, span)) = self.envelope.clone() else { return Some(self.whole()) };
        let plan_text = &text[span];
        let mut budget = budget.max(1);
        match &mut self.stage {
            Stage::Scanning(scan) => {
                let goal = scan.at.saturating_add(budget).min(plan_text.len());
                match scan.run(plan_text.as_bytes(), goal) {
                    Err(Unlike) => return Some(self.whole()),
                    Ok(false) => return None,
                    Ok(true) => {}
                }
                let found = std::mem::take(&mut scan.found);
                let Ok(plan) = parse::<Plan>(&without_items(plan_text, &found)) else { return Some(self.whole()) };
                self.stage = Stage::Items { plan: Box::new(plan), found, list: 0, item: 0 };
                None
            }
            Stage::Items { plan, found, list, item } => {
                while let Some(this) = found.get(*list) {
                    let Some(span) = this.items.get(*item) else {
                        (*list, *item) = (*list + 1, 0);
                        continue;
                    };
                    let text = &plan_text[span.clone()];
                    let parsed = match this.list {
                        List::Elements => parse(text).map(|e| plan.elements.push(e)),
                        List::Indicators => parse(text).map(|i| plan.indicators.push(i)),
                        List::Actions => parse(text).map(|a| plan.actions.push(a)),
                    };
                    if parsed.is_err() {
                        return Some(self.whole());
                    }
                    *item += 1;
                    budget = budget.saturating_sub(span.len());
                    if budget == 0 {
                        return None;
                    }
                }
                let Stage::Items { plan, .. } = std::mem::replace(&mut self.stage, Stage::Done) else {
                    unreachable!("the stage matched above")
                };
                let checked = migrate::refuse_newer_fields(version, &plan).and_then(|()| super::admit(&plan));
                Some(match checked {
                    Ok(()) => Ok(Opened { plan: *plan, version, base }),
                    Err(_) => self.whole(),
                })
            }
            Stage::Done => Some(self.whole()),
        }
    }

    /// The file read whole, `open`'s way: what it says of a file is the reference.
    fn whole(&mut self) -> Result<Opened, LoadError> {
        self.stage = Stage::Done;
        read_text(self.text)
    }
}

/// The text is not laid out as this reader follows it: read whole.
struct Unlike;

impl Scan {
    /// Scans the plan's text up to about `goal`; whether its object is closed.
    fn run(&mut self, bytes: &[u8], goal: usize) -> Result<bool, Unlike> {
        while self.at < goal {
            let byte = bytes[self.at];
            match byte {
                b'"' => {
                    let end = string_end(bytes, self.at).ok_or(Unlike)?;
                    if self.depth == 1 {
                        self.key = self.at + 1..end - 1;
                    }
                    self.not_an_item()?;
                    self.at = end;
                    continue;
                }
                b'{' | b'[' => {
                    self.depth += 1;
                    match &mut self.open {
                        Some((_, item @ None, ended)) if self.depth == 3 => {
                            if byte != b'{' || *ended {
                                return Err(Unlike);
                            }
                            *item = Some(self.at);
                        }
                        None if self.depth == 2 && byte == b'[' => {
                            if let Some(list) = List::named(&bytes[self.key.clone()]) {
                                let inside = self.at + 1..self.at + 1;
                                self.open = Some((Found { list, inside, items: Vec::new() }, None, false));
                            }
                        }
                        _ => {}
                    }
                }
                b'}' | b']' => {
                    match self.open.take() {
                        Some((mut found, Some(start), _)) if self.depth == 3 => {
                            found.items.push(start..self.at + 1);
                            self.open = Some((found, None, true));
                        }
                        Some((mut found, None, ended)) if self.depth == 2 => {
                            // A comma with no item after it.
                            if !ended && !found.items.is_empty() {
                                return Err(Unlike);
                            }
                            found.inside.end = self.at;
                            self.found.push(found);
                        }
                        open => self.open = open,
                    }
                    self.depth = self.depth.checked_sub(1).ok_or(Unlike)?;
                    if self.depth == 0 {
                        self.at += 1;
                        let rest = &bytes[self.at..];
                        return if rest.iter().all(u8::is_ascii_whitespace) { Ok(true) } else { Err(Unlike) };
                    }
                }
                b',' if self.depth == 2 => match &mut self.open {
                    Some((_, None, ended)) if *ended => *ended = false,
                    Some(_) => return Err(Unlike),
                    None => {}
                },
                b' ' | b'\n' | b'\r' | b'\t' => {}
                _ => self.not_an_item()?,
            }
            self.at += 1;
        }
        if self.at >= bytes.len() {
            // The text ended inside the plan's object.
            return Err(Unlike);
        }
        Ok(false)
    }

    /// Refuses a value other than an object directly in an open list.
    fn not_an_item(&self) -> Result<(), Unlike> {
        match self.open {
            Some((_, None, _)) if self.depth == 2 => Err(Unlike),
            _ => Ok(()),
        }
    }
}

/// Just past the string that opens at `start` (a quote), or `None` if it never closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        at += bytes.get(at..)?.iter().position(|b| matches!(b, b'"' | b'\\'))?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        at += 2;
    }
}

/// The plan's text with its lists emptied.
fn without_items(plan_text: &str, found: &[Found]) -> String {
    let mut text = String::with_capacity(plan_text.len() - found.iter().map(|f| f.inside.len()).sum::<usize>());
    let mut from = 0;
    for found in found {
        text.push_str(&plan_text[from..found.inside.start]);
        from = found.inside.end;
    }
    text.push_str(&plan_text[from..]);
    text
}

/// One value of the file, which must hold nothing after it.
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}
