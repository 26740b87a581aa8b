//! A target cell as plans write it: « 80% (plan stratégique) », « 85 % », « 592 »,
//! « 4 référentiels sur 4 ». What cannot be read as one number (« Primaire : 79,7%
//! Secondaire 62% ») stays as written in the indicator's note, and nothing is guessed.

use crate::model::indicator::IndicatorKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub kind: IndicatorKind,
    pub value: f64,
    /// The whole of a ratio (« sur 4 »).
    pub out_of: Option<f64>,
}

/// The number a target cell starts with, when the rest is only a percent sign, a
/// parenthesis (« (plan stratégique) ») or « sur N »; `None` otherwise.
pub fn read(cell: &str) -> Option<Read> {
    let (value, rest) = number_at(cell)?;
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let (kind, rest) = match rest.strip_prefix('%') {
        Some(after) => (IndicatorKind::Percentage, after.trim()),
        None => (IndicatorKind::Count, rest.trim()),
    };
    if rest.is_empty() || rest.starts_with('(') {
        return Some(Read { kind, value, out_of: None });
    }
    if kind == IndicatorKind::Count {
        // « 4 référentiels sur 4 »: a few words, then « sur » or « out of » and a number.
        let marker = [" sur ", " out of "].iter().find_map(|m| rest.find(m).map(|at| (at, m.len())));
        let (at, len) = marker.or_else(|| rest.starts_with("sur ").then_some((0, 4)))?;
        if rest[..at].split_whitespace().count() > 4 {
            return None;
        }
        let (whole, after) = number_at(rest[at + len..].trim_start())?;
        if after.trim().is_empty() || after.trim_start().starts_with('(') {
            return Some(Read { kind: IndicatorKind::Ratio, value, out_of: Some(whole) });
        }
    }
    None
}

/// A number at the start of `text`, with a comma or a point for decimals and spaces
/// between thousands (« 18 464,15 »), and what follows it.
fn number_at(text: &str) -> Option<(f64, &str)> {
    let text = text.trim_start();
    let mut end = 0;
    let mut digits = String::new();
    for (i, c) in text.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            ',' | '.' if !digits.contains('.') => digits.push('.'),
            ' ' | '\u{a0}' | '\u{202f}' => {
                // A space between thousands is followed by exactly three digits.
                let next: String = text[i + c.len_utf8()..].chars().take(4).collect();
                let three = next.chars().take(3).all(|d| d.is_ascii_digit()) && next.chars().count() >= 3;
                let fourth = next.chars().nth(3).is_some_and(|d| d.is_ascii_digit());
                if !(three && !fourth && !digits.is_empty()) {
                    break;
                }
            }
            _ => break,
        }
        end = i + c.len_utf8();
    }
    let digits = digits.trim_end_matches('.');
    if digits.is_empty() {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    let consumed = text[..end].trim_end_matches([',', '.']).len();
    Some((value, &text[consumed..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use IndicatorKind::*;

    fn check(cell: &str, expected: Option<(IndicatorKind, f64, Option<f64>)>) {
        let got = read(cell).map(|r| (r.kind, r.value, r.out_of));
        assert_eq!(got, expected, "{cell:?}");
    }

    #[test]
    fn targets_read_as_one_number_or_left_as_written() {
        check("80% (plan stratégique)", Some((Percentage, 80.0, None)));
        check("85 %", Some((Percentage, 85.0, None)));
        check("79,7 %", Some((Percentage, 79.7, None)));
        check("592", Some((Count, 592.0, None)));
        check("4 référentiels sur 4", Some((Ratio, 4.0, Some(4.0))));
        check("2 plans de développement sur 4", Some((Ratio, 2.0, Some(4.0))));
        check("18 464,15", Some((Count, 18464.15, None)));
        check("85 % pour toutes les catégories d'emploi", None);
        check("Primaire : 79,7% Secondaire 62%", None);
        check("Résoudre : 75 % (plan stratégique)", None);
        check("2027", Some((Count, 2027.0, None)));
    }
}
