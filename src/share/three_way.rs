//! The one rule of a three-way decision on one value, for both merges: a partner's
//! return (`merge`) and two versions of a whole plan (`whole`).
//!
//! A value is compared as the two sides last shared it (the base) and as each side
//! holds it now. A base that is not known (two copies of one plan whose common version
//! is lost) leaves no side unchanged: every difference is a conflict.

/// What becomes of a value compared three ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Both sides hold the base's value (or the same value, the base unknown).
    Unchanged,
    /// Both sides changed it to the same value.
    Same,
    /// Only mine changed it: mine is kept.
    Mine,
    /// Only theirs changed it: theirs is taken.
    Theirs,
    /// Changed on both sides to different values, or different with no known base.
    Conflict,
}

impl Outcome {
    /// Whether theirs differs from the base: what a return changes.
    pub fn theirs_changed(self) -> bool {
        matches!(self, Outcome::Same | Outcome::Theirs | Outcome::Conflict)
    }
}

/// Which side a conflict is settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Mine,
    Theirs,
}

/// Decides a value three ways; `base` is `None` when the common version is unknown.
pub fn decide<T: PartialEq + ?Sized>(base: Option<&T>, mine: &T, theirs: &T) -> Outcome {
    match base {
        _ if mine == theirs => match base {
            Some(base) if base != mine => Outcome::Same,
            _ => Outcome::Unchanged,
        },
        Some(base) if base == theirs => Outcome::Mine,
        Some(base) if base == mine => Outcome::Theirs,
        _ => Outcome::Conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::{decide, Outcome};

    #[test]
    fn each_side_changed_or_not_gives_its_outcome() {
        assert_eq!(decide(Some(&1), &1, &1), Outcome::Unchanged);
        assert_eq!(decide(Some(&1), &2, &2), Outcome::Same);
        assert_eq!(decide(Some(&1), &2, &1), Outcome::Mine);
        assert_eq!(decide(Some(&1), &1, &2), Outcome::Theirs);
        assert_eq!(decide(Some(&1), &2, &3), Outcome::Conflict);
    }

    #[test]
    fn without_a_base_every_difference_is_a_conflict() {
        assert_eq!(decide(None, &1, &1), Outcome::Unchanged);
        assert_eq!(decide(None, &1, &2), Outcome::Conflict);
        assert_eq!(decide::<Option<i32>>(None, &None, &Some(2)), Outcome::Conflict);
    }
}
