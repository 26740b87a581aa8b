//! A large part of a plan, shared between its versions until one of them writes to it.
//!
//! Every edit makes a new version of the plan and undo keeps the one before: with 10 000
//! indicators and 5 000 actions, copying all of it costs more than the edit. A `Shared`
//! part is copied as a pointer and for real only when a version writes to it
//! (`Rc::make_mut`, on `DerefMut`), so a status changed copies the actions and shares the
//! indicators; two versions holding the same part are equal without reading it, which is
//! how the dashboard tells what an edit left alone. In a file it is exactly its value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

#[derive(Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// Whether both are the very same part, shared since one version was made from the
    /// other and neither wrote to it. `false` says nothing: equal values may be apart.
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

/// A part remembered without being kept alive: a `Shared` held elsewhere would make the
/// next version that writes to the part copy it.
pub struct Seen<T>(std::rc::Weak<T>);

impl<T> Shared<T> {
    pub fn seen(&self) -> Seen<T> {
        Seen(Rc::downgrade(&self.0))
    }
}

impl<T> Seen<T> {
    /// The part, while some version still holds it.
    pub fn get(&self) -> Option<Shared<T>> {
        self.0.upgrade().map(Shared)
    }
}

impl<T: Clone> Shared<T> {
    /// The value, taken without a copy when no other version shares it.
    pub fn into_inner(self) -> T {
        Rc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    /// Written to: this version's own copy, made now if another version shares it.
    fn deref_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<A, T: FromIterator<A>> FromIterator<A> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = A>>(items: I) -> Shared<T> {
        Shared::new(items.into_iter().collect())
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    /// The same part is equal without being read. (A plan holds no NaN: JSON has none
    /// and the readers refuse one, so `same` implies equal values.)
    fn eq(&self, other: &Shared<T>) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (**self).into_iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<T>
where
    &'a mut T: IntoIterator,
{
    type Item = <&'a mut T as IntoIterator>::Item;
    type IntoIter = <&'a mut T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (**self).into_iter()
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shared<T>, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_until_written_and_the_earlier_version_stays_as_it_was() {
        let before = Shared::new(vec![1, 2, 3]);
        let mut after = before.clone();
        assert!(Shared::same(&before, &after), "a copy is a pointer");
        after.push(4);
        assert!(!Shared::same(&before, &after), "written to: its own copy");
        assert_eq!(*before, vec![1, 2, 3]);
        assert_eq!(*after, vec![1, 2, 3, 4]);
    }

    #[test]
    fn equal_when_shared_or_when_the_values_are() {
        let a = Shared::new(vec![1, 2]);
        assert_eq!(a, a.clone());
        assert_eq!(a, Shared::new(vec![1, 2]));
        assert_ne!(a, Shared::new(vec![2, 1]));
    }

    #[test]
    fn read_and_written_exactly_as_its_value() {
        let value = vec![Some("un".to_owned()), None];
        let shared = Shared::new(value.clone());
        let text = serde_json::to_string(&shared).unwrap();
        assert_eq!(text, serde_json::to_string(&value).unwrap());
        let read: Shared<Vec<Option<String>>> = serde_json::from_str(&text).unwrap();
        assert_eq!(*read, value);
    }

    #[test]
    fn seen_does_not_keep_a_part_alive_nor_make_it_copied() {
        let mut part = Shared::new(vec![1, 2]);
        let seen = part.seen();
        assert!(seen.get().is_some_and(|again| Shared::same(&again, &part)));
        let pointer = part.as_ptr();
        part.push(3);
        assert_eq!(part.as_ptr(), pointer, "written in place: nothing else held it");
        drop(part);
        assert!(seen.get().is_none());
    }

    #[test]
    fn taken_out_without_a_copy_when_alone() {
        let shared = Shared::new(vec![String::from("seul")]);
        let pointer = shared[0].as_ptr();
        assert_eq!(shared.into_inner()[0].as_ptr(), pointer);
    }
}
