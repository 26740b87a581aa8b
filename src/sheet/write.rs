//! A sheet as the bytes of a CSV file for Excel, or as the text a copy puts on the
//! clipboard for pasting into Excel.

use super::cells::inert;
use super::Sheet;
use crate::words::lang::Lang;

/// The byte-order mark: without it, Excel reads UTF-8 as the system's code page.
pub const BOM: &str = "\u{feff}";

/// The separator Excel expects in `lang`: French Excel splits on `;` (the comma is its
/// decimal mark), English Excel on `,`.
pub fn separator(lang: Lang) -> u8 {
    match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    }
}

fn write(sheet: &Sheet, separator: u8, lang: Lang) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail: the errors csv reports are the writer's.
    for row in std::iter::once(&sheet.header).chain(&sheet.rows) {
        let _ = writer.write_record(row.iter().map(|cell| inert(cell, lang).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// A CSV file for Excel in `lang`: UTF-8 with a byte-order mark, the language's
/// separator, CRLF line ends, cells with a separator, a quote or a line end quoted (a
/// multi-line narrative stays one cell), text cells inert.
pub fn csv(sheet: &Sheet, lang: Lang) -> Vec<u8> {
    let mut bytes = BOM.as_bytes().to_vec();
    bytes.extend(write(sheet, separator(lang), lang));
    bytes
}

/// The text a copy puts on the clipboard: cells separated by tabs, rows by CRLF,
/// multi-line cells quoted, as Excel itself copies them; numbers in `lang`.
pub fn copied(sheet: &Sheet, lang: Lang) -> String {
    String::from_utf8(write(sheet, b'\t', lang)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        Sheet {
            header: vec!["Titre".into(), "Taux".into(), "Récit".into()],
            rows: vec![
                vec!["=1+1".into(), "79,7".into(), "Première ligne\nseconde; avec \"guillemets\"".into()],
                vec!["Simple".into(), "-2,5".into(), String::new()],
            ],
        }
    }

    #[test]
    fn a_french_file_has_its_mark_its_separator_crlf_and_inert_formulas() {
        let bytes = csv(&sheet(), Lang::Fr);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Titre;Taux;Récit\r\n'=1+1;79,7;\"Première ligne\nseconde; avec \"\"guillemets\"\"\"\r\nSimple;-2,5;\r\n"
        );
    }

    #[test]
    fn a_copy_is_tab_separated_with_its_multi_line_cell_quoted() {
        let text = copied(&sheet(), Lang::Fr);
        assert!(text.starts_with("Titre\tTaux\tRécit\r\n'=1+1\t79,7\t\"Première ligne\n"), "{text}");
    }
}
