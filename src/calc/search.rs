//! How words typed in a search box find a text: case and accents ignored, so that
//! « ecole » finds « École » and « Elementaire » finds « élémentaire ». One rule, used by
//! every search of the page.

/// `text` as a search compares it: lower case, French accents and ligatures taken off.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' | 'í' | 'ì' => folded.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'ÿ' | 'ý' => folded.push('y'),
            'ç' => folded.push('c'),
            'ñ' => folded.push('n'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            // Typographic apostrophes and spaces read as their plain forms.
            '\u{2019}' | '\u{2018}' => folded.push('\''),
            '\u{a0}' | '\u{202f}' => folded.push(' '),
            c => folded.push(c),
        }
    }
    folded
}

/// What was typed, ready to be looked for with `holds`; `None` when nothing was typed.
pub fn query(typed: &str) -> Option<String> {
    let folded = fold(typed.trim());
    (!folded.is_empty()).then_some(folded)
}

/// Whether `text` holds the folded `query`.
pub fn holds(text: &str, query: &str) -> bool {
    fold(text).contains(query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn case_and_accents_are_ignored_both_ways() {
        let q = query("  Ecole élémentaire ").expect("typed");
        assert!(holds("Visites dans chaque ÉCOLE ELEMENTAIRE du centre", &q));
        assert!(holds("Cœur de l\u{2019}école", &query("coeur de l'ecole").unwrap()));
        assert!(!holds("Collège", &query("ecole").unwrap()));
        assert_eq!(query("   "), None);
    }

    proptest! {
        #[test]
        fn folding_is_idempotent_and_any_text_holds_itself(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
            if let Some(q) = query(&text) {
                prop_assert!(holds(&text, &q));
            }
        }
    }
}
