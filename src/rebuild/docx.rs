//! A Word document (.docx) read as the HTML Word puts on the clipboard: its
//! `word/document.xml` taken from the ZIP and its tables, rows, cells (merged across
//! with `w:gridSpan`, down with `w:vMerge`), paragraphs and bullets written as HTML,
//! so that a pasted table and a chosen file go through one reader.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxRefused {
    /// Not a ZIP archive: what it is when it is no text, else `None`.
    NotZip(Option<crate::format::not_text::NotText>),
    /// A ZIP archive without a Word document in it, or one whose entries cannot be read.
    Damaged,
}

/// How large a document's XML may grow when inflated (a guard against a ZIP bomb).
const LIMIT: usize = 64 << 20;

/// The HTML of the Word document `bytes`.
pub fn html(bytes: &[u8]) -> Result<String, DocxRefused> {
    if !bytes.starts_with(b"PK") {
        return Err(DocxRefused::NotZip(crate::format::not_text::not_text(bytes)));
    }
    let xml = entry(bytes, "word/document.xml").ok_or(DocxRefused::Damaged)?;
    Ok(to_html(&String::from_utf8_lossy(&xml)))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// The inflated bytes of the entry `name`, found through the central directory.
fn entry(zip: &[u8], name: &str) -> Option<Vec<u8>> {
    let end = (0..zip.len().saturating_sub(21)).rev().find(|&i| zip[i..].starts_with(b"PK\x05\x06"))?;
    let (count, mut at) = (u16_at(zip, end + 10)?, u32_at(zip, end + 16)?);
    for _ in 0..count {
        if !zip.get(at..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let (method, size) = (u16_at(zip, at + 10)?, u32_at(zip, at + 20)?);
        let (name_len, extra, comment) = (u16_at(zip, at + 28)?, u16_at(zip, at + 30)?, u16_at(zip, at + 32)?);
        let local = u32_at(zip, at + 42)?;
        if zip.get(at + 46..at + 46 + name_len)? == name.as_bytes() {
            if !zip.get(local..)?.starts_with(b"PK\x03\x04") {
                return None;
            }
            let start = local + 30 + u16_at(zip, local + 26)? + u16_at(zip, local + 28)?;
            let data = zip.get(start..start + size)?;
            return match method {
                0 => Some(data.to_vec()),
                8 => decompress_to_vec_with_limit(data, LIMIT).ok(),
                _ => None,
            };
        }
        at += 46 + name_len + extra + comment;
    }
    None
}

/// A cell being written: its HTML, how many grid columns it spans, whether it
/// continues the merged cell above (its text is then the one above's).
struct Cell {
    html: String,
    span: usize,
    below: bool,
}

/// The document's XML as HTML: `w:tbl`, `w:tr`, `w:tc` as a table, each `w:p` a
/// paragraph (a list's paragraph bulleted « • »), `w:t` its text.
fn to_html(xml: &str) -> String {
    let mut out = String::from("<body>");
    let mut cells: Vec<Cell> = Vec::new();
    let mut in_text = false;
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        if in_text {
            write(&mut out, &mut cells, &rest[..open]);
        }
        let Some(close) = rest[open..].find('>').map(|c| open + c) else { break };
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let name = tag.split([' ', '/']).find(|n| !n.is_empty()).unwrap_or_default();
        let closing = tag.starts_with('/');
        let attribute = |key: &str| {
            tag.find(&format!("{key}=\"")).map(|at| {
                let value = &tag[at + key.len() + 2..];
                value[..value.find('"').unwrap_or(value.len())].to_string()
            })
        };
        match (name, closing) {
            ("w:t", false) => in_text = !tag.ends_with('/'),
            ("w:t", true) => in_text = false,
            ("w:tbl", false) => write(&mut out, &mut cells, "<table>"),
            ("w:tbl", true) => write(&mut out, &mut cells, "</table>"),
            ("w:tr", false) => write(&mut out, &mut cells, "<tr>"),
            ("w:tr", true) => write(&mut out, &mut cells, "</tr>"),
            ("w:tc", false) => cells.push(Cell { html: String::new(), span: 1, below: false }),
            ("w:tc", true) => {
                if let Some(cell) = cells.pop() {
                    let text = if cell.below { "" } else { &cell.html };
                    let td = format!("<td colspan=\"{}\">{text}</td>", cell.span);
                    write(&mut out, &mut cells, &td);
                }
            }
            ("w:gridSpan", false) => {
                if let (Some(cell), Some(span)) = (cells.last_mut(), attribute("w:val").and_then(|v| v.parse().ok())) {
                    cell.span = span;
                }
            }
            ("w:vMerge", false) => {
                if let Some(cell) = cells.last_mut() {
                    cell.below = attribute("w:val").is_none_or(|v| v == "continue");
                }
            }
            ("w:p", false) => write(&mut out, &mut cells, "<p>"),
            ("w:p", true) => write(&mut out, &mut cells, "</p>"),
            ("w:numPr", false) => write(&mut out, &mut cells, "• "),
            ("w:br" | "w:cr", false) => write(&mut out, &mut cells, "<br>"),
            // A run's tab (`<w:tab/>`), not a paragraph's tab stop (`<w:tab w:val=…/>`).
            ("w:tab", false) if tag.trim_end_matches('/').trim_end() == "w:tab" => write(&mut out, &mut cells, " "),
            _ => {}
        }
    }
    out
}

/// Appends to the innermost open cell, or to the document outside any cell.
fn write(out: &mut String, cells: &mut [Cell], html: &str) {
    match cells.last_mut() {
        Some(cell) => cell.html.push_str(html),
        None => out.push_str(html),
    }
}
