//! How a line names a level of the plan: by a word and a code (« Enjeu 1 »,
//! « AXE 2 – … », « Objectif 3a) », « Orientation A »), or by a code alone whose depth
//! is its level (« 2. », « 2.1 », « 2.1.3 », « A) »).

use crate::calc::search::fold;

/// What places a heading among the plan's levels.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// A level word, folded (« objectif »).
    Word(String),
    /// A code alone, by its number of parts (« 2.1 » is depth 2).
    Depth(usize),
    /// A line without a code between headings with codes (a theme).
    Uncoded,
    /// The rows of a table with a code column and a title column.
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub key: Key,
    /// The level word as written (« AXE », « Objectif »), for the level's name.
    pub word: Option<String>,
    /// The code as written, without its punctuation (« 1 », « 2.1 », « 3a »); empty
    /// when the heading has none (« Objectif global : »).
    pub code: String,
    /// What follows the code; empty when the title is in the next cell.
    pub title: String,
}

/// The words that name a level, folded, longest first so that « axe d'intervention »
/// is read before « axe ».
const WORDS: [&str; 20] = [
    "axe d'intervention",
    "projet strategique",
    "objectif specifique",
    "objectif general",
    "objectif smart",
    "orientation",
    "objectif",
    "objective",
    "priorite",
    "priority",
    "chantier",
    "domaine",
    "pillar",
    "projet",
    "volet",
    "theme",
    "enjeu",
    "issue",
    "goal",
    "axe",
];

/// A heading that starts with a level word followed by a code, or by a colon after at
/// most one word (« Objectif : », « Objectif global : »).
pub fn by_word(text: &str) -> Option<Heading> {
    let folded = fold(text);
    let word = WORDS
        .iter()
        .find(|w| folded.starts_with(*w) && folded[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))?;
    // Folding keeps the number of characters, so the word's length in characters
    // finds where it ends in the text as written.
    let chars = word.chars().count();
    let split = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    let (written, rest) = text.split_at(split);
    let rest = rest.trim_start();
    if let Some((code, after)) = code_after_word(rest) {
        return Some(Heading {
            key: Key::Word((*word).into()),
            word: Some(written.into()),
            code,
            title: title_after(after),
        });
    }
    // No code: a colon must follow, after at most one word (« global »).
    let colon = rest.find(':')?;
    let before = rest[..colon].trim();
    if before.split_whitespace().count() > 1 {
        return None;
    }
    let title = [before, rest[colon + 1..].trim()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>();
    Some(Heading {
        key: Key::Word((*word).into()),
        word: Some(written.into()),
        code: String::new(),
        title: title.join(" : "),
    })
}

/// « 3a) », « 12 », « A », « 2.1 » at the start of `rest`, and what follows it.
fn code_after_word(rest: &str) -> Option<(String, &str)> {
    let code_len =
        rest.char_indices().find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '.')).map_or(rest.len(), |(i, _)| i);
    let code = rest[..code_len].trim_end_matches('.');
    let after = &rest[code_len..];
    let numeric = code.chars().next().is_some_and(|c| c.is_ascii_digit())
        && code.split('.').all(|part| {
            let digits = part.trim_end_matches(|c: char| c.is_ascii_lowercase());
            !digits.is_empty()
                && digits.len() <= 3
                && digits.bytes().all(|b| b.is_ascii_digit())
                && part.len() - digits.len() <= 1
        });
    let letter = code.len() == 1 && code.chars().all(|c| c.is_ascii_uppercase());
    (numeric || letter).then(|| (code.to_string(), after))
}

/// The title after a code: its punctuation (« ) », « – », « : », « . ») taken off.
fn title_after(after: &str) -> String {
    after.trim_start_matches([')', '.', ' ', '\u{a0}']).trim_start_matches(['–', '—', '-', ':']).trim().to_string()
}

/// A line that starts with a code alone: « 2.1 », « 2.1. », « 2.1.3 » (any depth), or
/// at depth 1 with its punctuation, « 2. », « 2) », « A. », « A) », so that a date or a
/// count (« 23 octobre ») is not taken for one.
pub fn by_code(text: &str) -> Option<Heading> {
    let first_space = text.find(char::is_whitespace)?;
    let (token, rest) = text.split_at(first_space);
    let title = rest.trim().to_string();
    if title.is_empty() {
        return None;
    }
    let parts: Vec<&str> = token.trim_end_matches(['.', ')']).split('.').collect();
    let all_numbers = parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    let punctuated = token.ends_with('.') || token.ends_with(')');
    let code = parts.join(".");
    if all_numbers && (parts.len() > 1 || punctuated) {
        return Some(Heading { key: Key::Depth(parts.len()), word: None, code, title });
    }
    let letter = parts.len() == 1 && code.len() == 1 && code.chars().all(|c| c.is_ascii_uppercase());
    let starts_upper = title.chars().next().is_some_and(char::is_uppercase);
    (letter && punctuated && starts_upper).then_some(Heading { key: Key::Depth(1), word: None, code, title })
}

/// The level a table's header cell names (« ENJEUX », « Objectif(s) », « Actions /
/// moyens », « Priorities »): its word as written, its first choice when the header
/// offers two (« / », « ou », « or »), without its plural mark; and the level word,
/// folded, that headings of that level use.
pub fn header_level(cell: &str) -> Option<(String, String)> {
    let written = first_choice(cell);
    let folded = fold(&written);
    let singular: Vec<String> = folded.split_whitespace().map(singular_folded).collect();
    let word = WORDS.iter().find(|w| **w == singular.join(" "))?;
    Some((written, (*word).to_string()))
}

/// A header's first choice: « Actions / moyens » → « Actions », « Moyens ou actions »
/// → « Moyens », « Responsable(s) » → « Responsable ».
pub fn first_choice(cell: &str) -> String {
    let cell = cell.split('\n').next().unwrap_or_default();
    let mut cut = cell.split('/').next().unwrap_or_default().to_string();
    for or in [" ou ", " or ", " OU ", " OR "] {
        if let Some(at) = cut.find(or) {
            cut.truncate(at);
        }
    }
    cut.replace("(s)", "").replace("(S)", "").trim().to_string()
}

fn singular_folded(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match word.strip_suffix(['s', 'x']) {
        Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    }
}

/// A table cell that holds an element of a level: its code and its title. The code
/// is written before the title in the same paragraph (« 1.1 Augmenter… », « AXE C
/// Prévention… »), alone in a first paragraph (« Enjeu 1 », « 1. ») with the title
/// after it, or not at all.
pub fn in_cell(cell: &str) -> (String, String) {
    let mut paragraphs = cell.split('\n').map(str::trim).filter(|p| !p.is_empty());
    let first = paragraphs.next().unwrap_or_default();
    let rest: Vec<&str> = paragraphs.collect();
    // In a level's column, « 3 Title » is a code too: the column says what it is.
    let bare = || {
        let (token, title) = first.split_once(' ')?;
        let title = title.trim();
        let number = (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit());
        (number && title.chars().next().is_some_and(char::is_uppercase)).then(|| Heading {
            key: Key::Depth(1),
            word: None,
            code: token.to_string(),
            title: title.to_string(),
        })
    };
    let found = by_word(first).filter(|h| !h.code.is_empty()).or_else(|| by_code(first)).or_else(bare).or_else(|| {
        by_code(&format!("{first} x")).filter(|_| !first.contains(' ')).map(|h| Heading { title: String::new(), ..h })
    });
    match found {
        Some(heading) => {
            let title = std::iter::once(heading.title.as_str()).chain(rest).filter(|p| !p.is_empty());
            (heading.code, title.collect::<Vec<_>>().join(" "))
        }
        None => (String::new(), std::iter::once(first).chain(rest).collect::<Vec<_>>().join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(&str, &str, &str)>) {
        let heading = by_word(text).or_else(|| by_code(text));
        let got = heading.as_ref().map(|h| {
            let key = match &h.key {
                Key::Word(w) => w.clone(),
                Key::Depth(d) => format!("depth {d}"),
                Key::Uncoded => "uncoded".into(),
                Key::Table => "table".into(),
            };
            (key, h.code.clone(), h.title.clone())
        });
        let expected = expected.map(|(k, c, t)| (k.to_string(), c.to_string(), t.to_string()));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn headings_by_word_and_code() {
        check("Enjeu 1", Some(("enjeu", "1", "")));
        check("AXE 1 – Concordance des visions", Some(("axe", "1", "Concordance des visions")));
        check("Objectif 7 (suite)", Some(("objectif", "7", "(suite)")));
        check("Objectif 3a) PRIMAIRE: D'ici juin", Some(("objectif", "3a", "PRIMAIRE: D'ici juin")));
        check("Objectif 2 : a) D'ici juin", Some(("objectif", "2", "a) D'ici juin")));
        check("Objectif global : Augmenter", Some(("objectif", "", "global : Augmenter")));
        check("Objectif : Entre maintenant et 2026", Some(("objectif", "", "Entre maintenant et 2026")));
        check("Orientation A", Some(("orientation", "A", "")));
        check("Enjeu 2 Des milieux sains.", Some(("enjeu", "2", "Des milieux sains.")));
        check("Axe d'intervention 2 : Milieux", Some(("axe d'intervention", "2", "Milieux")));
    }

    #[test]
    fn headings_by_code_alone_are_as_deep_as_their_code() {
        for (line, depth, code, title) in [
            ("1.1. Collaborer avec les partenaires", 2, "1.1", "Collaborer avec les partenaires"),
            ("4.2.7 Poursuivre la présentation", 3, "4.2.7", "Poursuivre la présentation"),
            ("2. Deuxième axe", 1, "2", "Deuxième axe"),
            ("A) Premier volet", 1, "A", "Premier volet"),
        ] {
            check(line, Some((&format!("depth {depth}"), code, title)));
        }
    }

    #[test]
    fn a_header_names_a_level_in_the_singular_or_plural_with_a_choice() {
        let level = |cell: &str| header_level(cell);
        assert_eq!(level("ENJEUX"), Some(("ENJEUX".into(), "enjeu".into())));
        assert_eq!(level("Objectif(s)"), Some(("Objectif".into(), "objectif".into())));
        assert_eq!(level("Axes / volets"), Some(("Axes".into(), "axe".into())));
        assert_eq!(level("Priorities or themes"), Some(("Priorities".into(), "priority".into())));
        assert_eq!(level("Responsable"), None);
        assert_eq!(first_choice("Moyens ou actions"), "Moyens");
        assert_eq!(first_choice("Actions /s moyens"), "Actions");
    }

    #[test]
    fn a_cell_gives_its_code_written_four_ways() {
        let cell = in_cell;
        assert_eq!(cell("Volet 3\nDes classes ouvertes"), ("3".into(), "Des classes ouvertes".into()));
        assert_eq!(cell("2. Garder le cap"), ("2".into(), "Garder le cap".into()));
        assert_eq!(cell("4.3. Tenir parole"), ("4.3".into(), "Tenir parole".into()));
        assert_eq!(cell("AXE C Prévenir les chutes"), ("C".into(), "Prévenir les chutes".into()));
        assert_eq!(cell("5.\nSemer large"), ("5".into(), "Semer large".into()));
        assert_eq!(cell("Semer large\net récolter"), ("".into(), "Semer large et récolter".into()));
    }

    #[test]
    fn prose_dates_and_counts_are_not_headings() {
        check("23 octobre 2024", None);
        check("Objectifs de la coopérative", None);
        check("Axes d'intervention.....", None);
        check("Objectif de réussite pour tous les élèves", None);
        check("2024-2025 Plan", None);
        check("Enjeux et défis", None);
        check("a) Nombre de rencontres", None);
    }
}
