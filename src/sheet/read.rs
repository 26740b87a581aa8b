//! A sheet from a file's bytes or from pasted cells: the encoding, the separator and
//! the quoting found out, never asked.

use super::cells::restore;
use super::{Read, Sheet};
use crate::words::lang::Lang;

/// Why nothing could be read at all (a row's own problems are the import's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Nothing but blank lines.
    Empty,
    /// The reader gave up at this row.
    Broken { row: usize },
    /// The file is no text (an image, a Word file): no table is read from it.
    NotText(crate::format::not_text::NotText),
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F (the rest of the range is
/// Latin-1, the same code points as the bytes); the five bytes it leaves undefined
/// read as the control characters of the same value, as browsers read them.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A file's text: UTF-16 when its byte-order mark or its zero bytes say so (Excel's
/// « Texte Unicode », tab-separated, is UTF-16 little-endian with a mark); else UTF-8
/// (its byte-order mark dropped) when it is valid UTF-8, and otherwise Windows-1252,
/// what French Excel writes when asked for plain « CSV ».
pub fn decode(bytes: &[u8]) -> String {
    if let Some(text) = utf16(bytes) {
        return text;
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}

/// The text of UTF-16 bytes (`not_text::utf16` says which); a lone surrogate, or a
/// last lone byte, reads as U+FFFD, as a browser reads it.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = crate::format::not_text::utf16(bytes)?;
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    // A file cut after half a character: its last byte said, not dropped.
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some(text)
}

/// The separator of the header line: a tab (cells pasted from Excel), else whichever
/// of `;` and `,` it holds more of outside quotes.
fn separator(text: &str) -> u8 {
    let mut quoted = false;
    let (mut tabs, mut semicolons, mut commas) = (0, 0, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            '\t' if !quoted => tabs += 1,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        b'\t'
    } else if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// A sheet from text: blank rows skipped, cells trimmed of the apostrophe that kept
/// them inert, trailing empty cells kept (a row may have fewer cells than the header).
/// `page` is the page's language, which pasted cells' numbers are read in; a file's
/// numbers are read in the language its separator says.
pub fn read(text: &str, page: Lang) -> Result<Read, Unreadable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = separator(text);
    let numbers = match separator {
        b';' => Lang::Fr,
        b',' => Lang::En,
        _ => page,
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(separator).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|_| Unreadable::Broken { row: index + 1 })?;
        let cells: Vec<String> = record.iter().map(|c| restore(c).to_owned()).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(cells);
    }
    if rows.is_empty() {
        return Err(Unreadable::Empty);
    }
    let header = rows.remove(0).into_iter().map(|h| h.trim().to_owned()).collect();
    Ok(Read { sheet: Sheet { header, rows }, numbers })
}

/// A file's bytes, decoded then read; a file that is no text is not read.
pub fn read_bytes(bytes: &[u8], page: Lang) -> Result<Read, Unreadable> {
    if let Some(kind) = crate::format::not_text::not_text(bytes) {
        return Err(Unreadable::NotText(kind));
    }
    read(&decode(bytes), page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::write;

    #[test]
    fn windows_1252_is_read_when_the_bytes_are_not_utf8() {
        let bytes = b"Responsable;\x80 pr\xe9vu\r\n\x93SR\xc9\x94;12\r\n";
        let read = read_bytes(bytes, Lang::En).unwrap();
        assert_eq!(read.sheet.header, vec!["Responsable", "€ prévu"]);
        assert_eq!(read.sheet.rows, vec![vec!["“SRÉ”", "12"]]);
        assert_eq!(read.numbers, Lang::Fr);
    }

    /// `text` as UTF-16 bytes, little- or big-endian, with or without a byte-order mark.
    fn utf16_bytes(text: &str, little: bool, mark: bool) -> Vec<u8> {
        let units = mark.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn utf16_is_read_little_or_big_endian_with_or_without_its_mark() {
        // Excel's « Texte Unicode »: tab-separated, little-endian, marked; a character
        // beyond the basic plane takes two units.
        let text = "Moyen\tResponsable\tÉtat\r\n1.1.1\tÉquipe « école » 🎓\t79,7\r\n";
        for (little, mark) in [(true, true), (false, true), (true, false), (false, false)] {
            let read = read_bytes(&utf16_bytes(text, little, mark), Lang::Fr).unwrap();
            assert_eq!(read.sheet.header, vec!["Moyen", "Responsable", "État"], "little {little}, mark {mark}");
            assert_eq!(read.sheet.rows, vec![vec!["1.1.1", "Équipe « école » 🎓", "79,7"]]);
        }
        let comma = read_bytes(&utf16_bytes("Title,Rate\r\nA,79.7\r\n", false, true), Lang::Fr).unwrap();
        assert_eq!((comma.sheet.rows[0][1].as_str(), comma.numbers), ("79.7", Lang::En));
    }

    #[test]
    fn bytes_of_other_encodings_are_not_taken_for_utf16() {
        // Even lengths, no zero byte: UTF-8 and Windows-1252 as before.
        assert_eq!(decode("Moyen;État\r\n".as_bytes()), "Moyen;État\r\n");
        assert_eq!(decode(b"Moyen;\xc9tat\r\n"), "Moyen;État\r\n");
        // A lone surrogate, unmarked big-endian: replaced, the rest read.
        assert_eq!(decode(&[0, b'A', 0xD8, 0x00, 0, b'B']), "A\u{fffd}B");
        assert_eq!(decode(&[0xFF, 0xFE, b'A', 0, b'B']), "A\u{fffd}");
    }

    #[test]
    fn the_separator_is_found_from_the_header_and_says_how_numbers_are_written() {
        let comma = read("Title,\"Rate; share\"\r\nA,79.7\r\n", Lang::Fr).unwrap();
        assert_eq!(comma.sheet.header, vec!["Title", "Rate; share"]);
        assert_eq!(comma.numbers, Lang::En);
        let pasted = read("Titre\tTaux\n\"Deux\nlignes\"\t79,7\n", Lang::Fr).unwrap();
        assert_eq!(pasted.sheet.rows, vec![vec!["Deux\nlignes", "79,7"]]);
        assert_eq!(pasted.numbers, Lang::Fr);
    }

    #[test]
    fn what_was_written_is_read_back_cell_for_cell() {
        let sheet = Sheet {
            header: vec!["Titre".into(), "Récit".into()],
            rows: vec![vec!["=1+1".into(), "a; b\n\"c\"".into()], vec!["x".into(), String::new()]],
        };
        for lang in [Lang::Fr, Lang::En] {
            let file = read_bytes(&write::csv(&sheet, lang), Lang::Fr).unwrap();
            assert_eq!(file.sheet, sheet);
            assert_eq!(file.numbers, lang);
            let pasted = read(&write::copied(&sheet, lang), lang).unwrap();
            assert_eq!(pasted.sheet, sheet);
        }
    }

    #[test]
    fn an_image_or_a_word_file_is_refused_for_what_it_is_not_read_as_rows() {
        use crate::format::not_text::NotText;
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80".to_vec();
        png.extend((0..600u32).flat_map(|i| [b'\n', (i % 251) as u8, 0x8F]));
        assert_eq!(read_bytes(&png, Lang::Fr), Err(Unreadable::NotText(NotText::Png)));
        let docx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x11\0\0\0word/document.xml";
        assert_eq!(read_bytes(docx, Lang::Fr), Err(Unreadable::NotText(NotText::Word)));
    }

    #[test]
    fn blank_input_is_empty() {
        assert_eq!(read("\r\n;;\r\n", Lang::Fr), Err(Unreadable::Empty));
    }
}
