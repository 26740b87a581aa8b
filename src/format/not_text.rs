//! What a file is when it is not text: an image, a PDF, an Office document, or bytes
//! that no text holds. The plan reader and the sheet reader both ask `not_text` before
//! reading a file as text, so that « logo.png » is called an image rather than read as
//! 607 rows of a column « ‰PNG » or refused with advice about saving in UTF-8.
//!
//! The verdict comes from the bytes alone: the file's first bytes (the magic numbers of
//! its format), then its first `WINDOW` bytes. Text seldom holds a control character
//! (a zero byte is one) and never a byte that is neither UTF-8 nor Windows-1252; bytes
//! that start with a byte-order mark, and UTF-16 (« Texte Unicode » of Excel and
//! Notepad), are text.

/// A file that is not text, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Png,
    Jpeg,
    Gif,
    Pdf,
    Word,
    Excel,
    PowerPoint,
    /// A ZIP archive that is no Office document.
    Zip,
    /// A Word or Excel file of the format before 2007 (.doc, .xls).
    OldOffice,
    /// Bytes of no format named here.
    Data,
}

/// How far into a file the bytes are looked at.
const WINDOW: usize = 8192;

/// What `bytes` are, when they are not text.
pub fn not_text(bytes: &[u8]) -> Option<NotText> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(NotText::Png);
    }
    if starts(b"\xFF\xD8\xFF") {
        return Some(NotText::Jpeg);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(NotText::Gif);
    }
    if starts(b"%PDF-") {
        return Some(NotText::Pdf);
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(NotText::OldOffice);
    }
    if starts(b"PK\x03\x04") {
        return Some(office(bytes));
    }
    // A byte-order mark says text: Jalon's exports and Excel's « CSV UTF-8 » carry one.
    if starts(b"\xEF\xBB\xBF") || utf16(bytes).is_some() {
        return None;
    }
    let window = &bytes[..bytes.len().min(WINDOW)];
    // Tab, line breaks, vertical tab (a line break copied from Word), form feed,
    // end-of-file and escape are text's own control characters; a few others are a
    // damaged text, for its reader to locate, many are data.
    let controls = window.iter().filter(|&&b| b < 0x20 && !matches!(b, 0x09..=0x0D | 0x1A | 0x1B)).count();
    if controls * 32 > window.len() {
        return Some(NotText::Data);
    }
    // The bytes UTF-8 does not read: Windows-1252 text, unless one of them is a byte
    // Windows-1252 leaves undefined. A character cut by the window's end is not one.
    let chunks: Vec<_> = window.utf8_chunks().collect();
    let read = chunks.len() - usize::from(bytes.len() > WINDOW && !chunks.is_empty());
    let undefined = |chunk: &[u8]| chunk.iter().any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
    chunks[..read].iter().any(|chunk| undefined(chunk.invalid())).then_some(NotText::Data)
}

/// Which Office document a ZIP archive is, by the names of its parts: the list of
/// names at its end, or the first parts' names at its start.
fn office(bytes: &[u8]) -> NotText {
    let start = &bytes[..bytes.len().min(WINDOW)];
    let end = &bytes[bytes.len().saturating_sub(4 * WINDOW)..];
    let holds = |name: &[u8]| [start, end].iter().any(|part| part.windows(name.len()).any(|w| w == name));
    if holds(b"word/document") {
        NotText::Word
    } else if holds(b"xl/workbook") {
        NotText::Excel
    } else if holds(b"ppt/presentation") {
        NotText::PowerPoint
    } else {
        NotText::Zip
    }
}

/// UTF-16 bytes: whether little-endian, and the text's bytes after its byte-order mark.
/// Marked, or unmarked with a zero byte on one side of most of its first characters
/// (the Latin letters of a header); `None` for bytes of any other encoding, where a
/// zero byte never stands.
pub(crate) fn utf16(bytes: &[u8]) -> Option<(bool, &[u8])> {
    match bytes {
        [0xFF, 0xFE, body @ ..] => Some((true, body)),
        [0xFE, 0xFF, body @ ..] => Some((false, body)),
        _ => {
            let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(256).collect();
            let second = pairs.iter().filter(|p| p[0] != 0 && p[1] == 0).count();
            let first = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
            match bytes.len() % 2 == 0 {
                true if second * 2 > pairs.len() => Some((true, bytes)),
                true if first * 2 > pairs.len() => Some((false, bytes)),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ZIP archive whose first part is `name`, as Office writes one.
    fn zip(name: &str) -> Vec<u8> {
        let mut bytes = b"PK\x03\x04\x14\x00\x06\x00\x08\x00".to_vec();
        bytes.extend([0u8; 16]);
        bytes.extend((name.len() as u16).to_le_bytes());
        bytes.extend([0, 0]);
        bytes.extend(name.as_bytes());
        bytes.extend([0x8F, 0x00, 0x13, 0x9D, 0xFF]);
        bytes
    }

    #[test]
    fn formats_are_known_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(not_text(png), Some(NotText::Png));
        assert_eq!(not_text(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some(NotText::Jpeg));
        assert_eq!(not_text(b"GIF89a\x01\0\x01\0"), Some(NotText::Gif));
        assert_eq!(not_text(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Some(NotText::Pdf));
        assert_eq!(not_text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), Some(NotText::OldOffice));
        assert_eq!(not_text(&zip("word/document.xml")), Some(NotText::Word));
        assert_eq!(not_text(&zip("xl/workbook.xml")), Some(NotText::Excel));
        assert_eq!(not_text(&zip("ppt/presentation.xml")), Some(NotText::PowerPoint));
        assert_eq!(not_text(&zip("photos/ete.jpg")), Some(NotText::Zip));
        // The part names of a Word file listed at its end, after compressed parts.
        let mut docx = zip("[Content_Types].xml");
        docx.extend(vec![0x41; 3 * WINDOW]);
        docx.extend(b"PK\x01\x02word/document.xml");
        assert_eq!(not_text(&docx), Some(NotText::Word));
    }

    #[test]
    fn text_in_every_encoding_the_readers_take_is_text() {
        let csv = "Moyen;État;Commentaire\r\n1.1;En cours;« Bien » — vu\u{b}revu\r\n";
        assert_eq!(not_text(csv.as_bytes()), None);
        assert_eq!(not_text(b"Moyen;\xC9tat\r\n\x93SR\xC9\x94;12 \x80\r\n"), None, "Windows-1252");
        let utf16: Vec<u8> = "\u{feff}Moyen\tÉtat\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(not_text(&utf16), None);
        assert_eq!(not_text(&utf16[2..]), None, "unmarked");
        assert_eq!(not_text(b"{\"plan\": 1}\n\x1a"), None, "an end-of-file mark");
        // UTF-8 cut inside a character, at the window's end or anywhere: damaged text.
        assert_eq!(not_text(b"{\"titre\": \"\xF0\x9F\x98\"}"), None);
        assert_eq!(not_text(b""), None);
    }

    #[test]
    fn bytes_that_no_text_holds_are_data() {
        assert_eq!(not_text(b"Moyen;\0;\r\n"), Some(NotText::Data), "a zero byte");
        assert_eq!(not_text(b"\xEF\xBB\xBFMoyen;\0\x01;\r\n"), None, "marked as text");
        assert_eq!(not_text(b"\x01\x02\x03\x04 abc"), Some(NotText::Data), "control characters");
        // One stray control character among text is text, for its reader to locate.
        assert_eq!(not_text(b"{\"titre\": \"Un \x07 dans un titre de plan\"}"), None);
        // A byte Windows-1252 leaves undefined, where UTF-8 does not read.
        assert_eq!(not_text(b"abc\x9D\xFFdef"), Some(NotText::Data));
        assert_eq!(not_text("Á".as_bytes()), None, "0x81 inside a UTF-8 character");
    }
}
