//! The order of a list merged three ways, the one rule for the plan's lists and the
//! lists inside its entities alike, on keys (ids, dates, checkpoints).
//!
//! The keys both sides hold keep the order of the side that reordered them (the base's
//! when neither did); both reordered differently is a conflict, settled by `side`. A key
//! only one side holds goes after its predecessor in that side; keys of both sides after
//! one predecessor go in key order, so that the result does not depend on which side is
//! mine.

use crate::share::three_way::Side;
use std::collections::{HashMap, HashSet};

/// The keys in their merged order, those `kept` only, and whether the sides' orders
/// conflict.
pub(super) fn arrange<'k>(
    base: Option<&[&'k str]>,
    mine: &[&'k str],
    theirs: &[&'k str],
    kept: impl Fn(&str) -> bool,
    side: Side,
) -> (Vec<&'k str>, bool) {
    let in_mine: HashSet<&str> = mine.iter().copied().collect();
    let in_theirs: HashSet<&str> = theirs.iter().copied().collect();
    let mine_shared: Vec<&'k str> = mine.iter().copied().filter(|k| in_theirs.contains(k)).collect();
    let theirs_shared: Vec<&'k str> = theirs.iter().copied().filter(|k| in_mine.contains(k)).collect();
    // A side kept the order when the shared keys stand as the base had them.
    let base_shared: Option<Vec<&str>> =
        base.map(|b| b.iter().copied().filter(|k| in_mine.contains(k) && in_theirs.contains(k)).collect());
    let as_base = |shared: &[&str]| base_shared.as_deref() == Some(shared);
    let (skeleton, conflict) = if mine_shared == theirs_shared || as_base(&theirs_shared) {
        (mine_shared, false)
    } else if as_base(&mine_shared) {
        (theirs_shared, false)
    } else {
        match side {
            Side::Mine => (mine_shared, true),
            Side::Theirs => (theirs_shared, true),
        }
    };
    // Each key one side alone holds hangs after its predecessor in that side.
    let mut placed: HashSet<&str> = skeleton.iter().copied().collect();
    let mut after: HashMap<Option<&'k str>, Vec<&'k str>> = HashMap::new();
    for sequence in [mine, theirs] {
        let mut last = None;
        for &key in sequence {
            if placed.contains(key) {
                last = Some(key);
            } else if kept(key) {
                placed.insert(key);
                after.entry(last).or_default().push(key);
                last = Some(key);
            }
        }
    }
    for hanging in after.values_mut() {
        hanging.sort_unstable();
    }
    // Depth first, without recursion: a side may add thousands of keys in a row.
    let mut out = Vec::with_capacity(placed.len());
    let mut stack: Vec<&'k str> = Vec::new();
    let push_after = |stack: &mut Vec<&'k str>, anchor: Option<&'k str>| {
        if let Some(hanging) = after.get(&anchor) {
            stack.extend(hanging.iter().rev());
        }
    };
    push_after(&mut stack, None);
    let emit = |stack: &mut Vec<&'k str>, out: &mut Vec<&'k str>| {
        while let Some(key) = stack.pop() {
            out.push(key);
            push_after(stack, Some(key));
        }
    };
    emit(&mut stack, &mut out);
    for key in skeleton.into_iter().filter(|k| kept(k)) {
        out.push(key);
        stack.clear();
        if let Some(hanging) = after.get(&Some(key)) {
            stack.extend(hanging.iter().rev());
        }
        emit(&mut stack, &mut out);
    }
    (out, conflict)
}

#[cfg(test)]
mod tests {
    use super::arrange;
    use crate::share::three_way::Side;

    fn check(base: Option<&str>, mine: &str, theirs: &str, expected: &str, conflict: bool) {
        let keys = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        let base = base.map(|b| keys(Box::leak(b.to_owned().into_boxed_str())));
        let (mine, theirs) =
            (keys(Box::leak(mine.to_owned().into_boxed_str())), keys(Box::leak(theirs.to_owned().into_boxed_str())));
        let (order, found) = arrange(base.as_deref(), &mine, &theirs, |_| true, Side::Mine);
        assert_eq!((order.join(" "), found), (expected.to_owned(), conflict));
        let (swapped, found) = arrange(base.as_deref(), &theirs, &mine, |_| true, Side::Theirs);
        assert_eq!((swapped.join(" "), found), (expected.to_owned(), conflict), "either side mine");
    }

    #[test]
    fn the_side_that_reordered_wins() {
        check(Some("a b c"), "a b c", "c a b", "c a b", false);
        check(Some("a b c"), "b a c", "a b c", "b a c", false);
        check(Some("a b c"), "b a c", "b a c", "b a c", false);
    }

    #[test]
    fn additions_follow_their_predecessor_and_go_by_key_after_the_same_one() {
        check(Some("a b"), "a x y b", "a b", "a x y b", false);
        check(Some("a b"), "a z b", "a m b", "a m z b", false);
        check(Some("a b"), "n a b", "a b", "n a b", false);
        check(Some("a b c"), "a c", "a b c z", "a b c z", false);
    }

    #[test]
    fn both_reordered_differently_is_a_conflict() {
        let (order, conflict) =
            arrange(Some(&["a", "b", "c"]), &["c", "b", "a"], &["b", "a", "c"], |_| true, Side::Theirs);
        assert_eq!((order, conflict), (vec!["b", "a", "c"], true));
        check(None, "a b", "b a", "a b", true);
    }
}
