//! A store in memory, for the tests of the protocol: its next writes can be made to fail,
//! as a full or throwing store does, and another writer can come in between two of its
//! calls, as another tab does.

use super::{Failure, Store};
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
pub struct Memory {
    pub texts: BTreeMap<String, String>,
    /// Writes to come that fail: after how many more writes that succeed, and how.
    failing: Vec<(usize, Failure)>,
    /// Every write from now on fails so (a full store stays full).
    always: Option<Failure>,
    /// Another writer's text, written after so many more calls.
    between: Vec<(usize, String, String)>,
    /// How many writes were made.
    pub writes: usize,
}

impl Memory {
    pub fn new() -> Memory {
        Memory::default()
    }

    /// The write that comes after `writes` more writes (`set`, `remove`) fails with
    /// `failure`; the others succeed.
    pub fn fail_write(&mut self, writes: usize, failure: Failure) {
        self.failing.push((writes, failure));
    }

    /// Every write fails with `failure`, until this is called with `None`.
    pub fn fail_always(&mut self, failure: Option<Failure>) {
        self.always = failure;
    }

    /// After `calls` more calls of the store, another writer puts `text` under `key`.
    pub fn write_between(&mut self, calls: usize, key: &str, text: &str) {
        self.between.push((calls, key.to_owned(), text.to_owned()));
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// One call made: another writer whose turn has come writes.
    fn call(&mut self) {
        let mut waiting = Vec::new();
        for (calls, key, text) in std::mem::take(&mut self.between) {
            if calls == 0 {
                self.texts.insert(key, text);
            } else {
                waiting.push((calls - 1, key, text));
            }
        }
        self.between = waiting;
    }

    fn writing(&mut self) -> Result<(), Failure> {
        self.call();
        if let Some(failure) = self.always {
            return Err(failure);
        }
        if let Some(at) = self.failing.iter().position(|(writes, _)| *writes == 0) {
            return Err(self.failing.remove(at).1);
        }
        for (writes, _) in &mut self.failing {
            *writes -= 1;
        }
        self.writes += 1;
        Ok(())
    }
}

impl Store for Memory {
    fn get(&mut self, key: &str) -> Result<Option<String>, Failure> {
        self.call();
        Ok(self.texts.get(key).cloned())
    }

    fn set(&mut self, key: &str, text: &str) -> Result<(), Failure> {
        self.writing()?;
        self.texts.insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), Failure> {
        self.writing()?;
        self.texts.remove(key);
        Ok(())
    }

    fn keys(&mut self) -> Result<Vec<String>, Failure> {
        self.call();
        Ok(self.texts.keys().cloned().collect())
    }
}
