//! Which of the files chosen together for a region is taken for each plan. Two files may
//! hold two versions of one plan (one id, different content): both stay in view, and
//! one is taken, the coordinator's choice, else the file changed last, else the first
//! chosen. A file of the same content as one chosen before is the same file twice.

use crate::model::id::Id;

/// A file as the choice sees it: the plan it holds (`None` while it is read, or when
/// it is no plan), the digest of that plan as Jalon writes it, and when the file was
/// last changed (milliseconds since 1970, as the browser says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chosen<'a> {
    pub plan: Option<(&'a Id, &'a str)>,
    pub modified: i64,
}

/// Why a version of a plan is the one taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The only version among the files.
    Only,
    /// The coordinator kept it.
    Kept,
    /// Its file was changed last.
    ChangedLast,
    /// Its file was changed at the same time as the last changed, and chosen first.
    ChosenFirst,
}

/// A file's place among the files of its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    /// The version taken, of `versions` distinct ones.
    Taken { versions: usize, why: Why },
    /// The same content as the file `first`, chosen before.
    Twice { first: usize },
    /// Another version of the plan of the file `taken`, left for it.
    Left { taken: usize, why: Why },
}

/// Each file's place; `None` for a file that holds no plan. `kept` lists the files the
/// coordinator kept, the last word last.
pub fn among(files: &[Chosen], kept: &[usize]) -> Vec<Option<Among>> {
    let first = |index: usize| {
        let (_, digest) = files[index].plan?;
        (0..index).find(|&i| files[i].plan.is_some_and(|(_, d)| d == digest))
    };
    (0..files.len())
        .map(|index| {
            let (id, _) = files[index].plan?;
            if let Some(first) = first(index) {
                return Some(Among::Twice { first });
            }
            let versions: Vec<usize> = (0..files.len())
                .filter(|&i| files[i].plan.is_some_and(|(other, _)| other == id) && first(i).is_none())
                .collect();
            let (taken, why) = match kept.iter().rev().find(|k| versions.contains(k)) {
                Some(&kept) => (kept, Why::Kept),
                None => {
                    let latest = versions.iter().map(|&i| files[i].modified).max().unwrap_or_default();
                    let at_latest: Vec<usize> =
                        versions.iter().copied().filter(|&i| files[i].modified == latest).collect();
                    let why = match (versions.len(), at_latest.len()) {
                        (1, _) => Why::Only,
                        (_, 1) => Why::ChangedLast,
                        _ => Why::ChosenFirst,
                    };
                    (at_latest.first().copied().unwrap_or(index), why)
                }
            };
            Some(if taken == index {
                Among::Taken { versions: versions.len(), why }
            } else {
                Among::Left { taken, why }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(files: &[(&str, &str, i64)], kept: &[usize], expected: &[Among]) {
        let ids: Vec<Id> = files.iter().map(|(id, _, _)| Id::new(*id)).collect();
        let chosen: Vec<Chosen> = files
            .iter()
            .zip(&ids)
            .map(|((_, digest, modified), id)| Chosen { plan: Some((id, *digest)), modified: *modified })
            .collect();
        let found: Vec<Among> = among(&chosen, kept).into_iter().map(Option::unwrap).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn of_two_versions_of_one_plan_the_file_changed_last_is_taken() {
        let left = Among::Left { taken: 1, why: Why::ChangedLast };
        let taken = Among::Taken { versions: 2, why: Why::ChangedLast };
        let other = Among::Taken { versions: 1, why: Why::Only };
        check(&[("a", "v1", 100), ("a", "v2", 200), ("b", "w", 50)], &[], &[left, taken, other]);
    }

    #[test]
    fn files_changed_at_the_same_time_leave_the_first_chosen() {
        let taken = Among::Taken { versions: 2, why: Why::ChosenFirst };
        check(&[("a", "v1", 100), ("a", "v2", 100)], &[], &[taken, Among::Left { taken: 0, why: Why::ChosenFirst }]);
    }

    #[test]
    fn the_coordinator_keeps_either_version_the_last_word_counting() {
        let files = [("a", "v1", 100), ("a", "v2", 200)];
        let kept = Among::Taken { versions: 2, why: Why::Kept };
        check(&files, &[0], &[kept, Among::Left { taken: 0, why: Why::Kept }]);
        check(&files, &[0, 1], &[Among::Left { taken: 1, why: Why::Kept }, kept]);
    }

    #[test]
    fn the_same_content_twice_is_one_version() {
        let files = [("a", "v1", 300), ("a", "v2", 200), ("a", "v1", 400)];
        let taken = Among::Taken { versions: 2, why: Why::ChangedLast };
        check(&files, &[], &[taken, Among::Left { taken: 0, why: Why::ChangedLast }, Among::Twice { first: 0 }]);
        let files: Vec<Chosen> = vec![Chosen { plan: None, modified: 0 }];
        assert_eq!(among(&files, &[]), vec![None]);
    }
}
