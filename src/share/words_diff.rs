//! Two versions of a long text compared word by word, for a conflict shown to the
//! coordinator: what both keep, what only the first has, what only the second has.

/// A run of words, each with the spaces that follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Both(&'a str),
    /// In the first version only.
    Removed(&'a str),
    /// In the second version only.
    Added(&'a str),
}

/// Words with their trailing whitespace: joined back, they give the text.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Above this many cells, the table of common words would take too much memory: the
/// texts are shown as one removal and one addition.
const MAX_CELLS: usize = 4_000_000;

/// The pieces that turn `from` into `to`, the longest common run of words kept.
/// Neighbouring pieces of one kind are joined.
pub fn diff<'a>(from: &'a str, to: &'a str) -> Vec<Piece<'a>> {
    let (a, b) = (words(from), words(to));
    // The common start and end need no table.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut pieces: Vec<Piece<'a>> = a[..head].iter().map(|w| Piece::Both(w)).collect();
    if mid_a.len().saturating_mul(mid_b.len()) > MAX_CELLS {
        pieces.extend(mid_a.iter().map(|w| Piece::Removed(w)));
        pieces.extend(mid_b.iter().map(|w| Piece::Added(w)));
    } else {
        // lengths[i][j]: the longest common run of mid_a[i..] and mid_b[j..].
        let width = mid_b.len() + 1;
        let mut lengths = vec![0u32; (mid_a.len() + 1) * width];
        for i in (0..mid_a.len()).rev() {
            for j in (0..mid_b.len()).rev() {
                lengths[i * width + j] = if mid_a[i] == mid_b[j] {
                    lengths[(i + 1) * width + j + 1] + 1
                } else {
                    lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < mid_a.len() || j < mid_b.len() {
            if i < mid_a.len() && j < mid_b.len() && mid_a[i] == mid_b[j] {
                pieces.push(Piece::Both(mid_a[i]));
                (i, j) = (i + 1, j + 1);
            } else if j == mid_b.len()
                || (i < mid_a.len() && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])
            {
                pieces.push(Piece::Removed(mid_a[i]));
                i += 1;
            } else {
                pieces.push(Piece::Added(mid_b[j]));
                j += 1;
            }
        }
    }
    pieces.extend(a[a.len() - tail..].iter().map(|w| Piece::Both(w)));
    join(pieces, from, to)
}

/// Neighbouring pieces of one kind as one: each is a slice of its own text, so two
/// neighbours are one longer slice of it.
fn join<'a>(pieces: Vec<Piece<'a>>, from: &'a str, to: &'a str) -> Vec<Piece<'a>> {
    let extend = |text: &'a str, first: &'a str, next: &'a str| -> Option<&'a str> {
        let start = first.as_ptr() as usize - text.as_ptr() as usize;
        let end = next.as_ptr() as usize - text.as_ptr() as usize + next.len();
        (next.as_ptr() as usize == first.as_ptr() as usize + first.len()).then(|| &text[start..end])
    };
    let mut out: Vec<Piece<'a>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let merged = match (out.last(), piece) {
            (Some(Piece::Removed(first)), Piece::Removed(next)) => extend(from, first, next).map(Piece::Removed),
            (Some(Piece::Added(first)), Piece::Added(next)) => extend(to, first, next).map(Piece::Added),
            // Common words are slices of `from`.
            (Some(Piece::Both(first)), Piece::Both(next)) => extend(from, first, next).map(Piece::Both),
            _ => None,
        };
        match merged {
            Some(joined) => *out.last_mut().expect("merged with the last") = joined,
            None => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn side(pieces: &[Piece], first: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match (p, first) {
                (Piece::Both(w), _) | (Piece::Removed(w), true) | (Piece::Added(w), false) => Some(*w),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_one_removal_and_one_addition_among_common_words() {
        let pieces = diff("Ateliers offerts aux parents en mai", "Ateliers offerts aux familles en mai");
        assert_eq!(
            pieces,
            [
                Piece::Both("Ateliers offerts aux "),
                Piece::Removed("parents "),
                Piece::Added("familles "),
                Piece::Both("en mai")
            ]
        );
    }

    #[test]
    fn an_empty_side_is_all_added_or_all_removed() {
        assert_eq!(diff("", "Deux mots"), [Piece::Added("Deux mots")]);
        assert_eq!(diff("Deux mots", ""), [Piece::Removed("Deux mots")]);
        assert_eq!(diff("", ""), []);
    }

    proptest! {
        #[test]
        fn each_side_reads_back_whole(from in "[a-c ]{0,40}", to in "[a-c ]{0,40}") {
            let pieces = diff(&from, &to);
            prop_assert_eq!(side(&pieces, true), from.as_str());
            prop_assert_eq!(side(&pieces, false), to.as_str());
        }
    }
}
