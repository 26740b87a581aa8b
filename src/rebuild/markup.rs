//! What text extraction leaves in a cell (`<b>`, `<p>`, `<u>`, `<br>`, `&amp;`,
//! `&nbsp;`, `**`, `\$`, a leading `## `) taken off; the words themselves, their case,
//! accents and punctuation, kept exactly. Paragraphs and line breaks become `\n`.

/// `cell` without its markup. Idempotent: the cleaning is repeated until nothing
/// changes, and every pass that changes the text shortens it, so it ends, and a cleaned
/// text is left as it is (`&amp;lt;` is read as `<`, as a second reading would).
pub fn clean(cell: &str) -> String {
    let mut text = once(cell);
    loop {
        let again = once(&text);
        if again == text {
            return text;
        }
        text = again;
    }
}

fn once(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some((tag, len)) = tag_at(rest) {
                if matches!(tag.as_str(), "p" | "/p" | "br" | "/br" | "li" | "/li" | "tr" | "/tr" | "div" | "/div") {
                    out.push('\n');
                }
                rest = &rest[len..];
                continue;
            }
        }
        if c == '&' {
            if let Some((decoded, len)) = entity_at(rest) {
                out.push(decoded);
                rest = &rest[len..];
                continue;
            }
        }
        if rest.starts_with("**") {
            rest = &rest[2..];
            continue;
        }
        if c == '\\' {
            if let Some(escaped) = rest[1..].chars().next().filter(|e| "$*_#\\".contains(*e)) {
                out.push(escaped);
                rest = &rest[1 + escaped.len_utf8()..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    tidy(&out)
}

/// The lines of a cleaned cell trimmed, blank lines and a markdown heading's `#`s
/// taken off; spaces inside a line are kept as they are.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| {
            let line = line.trim_matches(is_blank);
            let hashes = line.len() - line.trim_start_matches('#').len();
            match line[hashes..].strip_prefix(' ') {
                Some(after) if (1..=6).contains(&hashes) => after.trim_matches(is_blank),
                _ => line,
            }
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.join("\n")
}

fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

/// A tag at the start of `text`: `<b>`, `</p>`, `<table border="1">`, `<br/>`: its
/// lowercase name (with `/` for a closing tag) and its length. `< 5 %` is not a tag.
fn tag_at(text: &str) -> Option<(String, usize)> {
    let end = text.find('>')?;
    let inside = &text[1..end];
    if inside.contains('<') || inside.contains('\n') {
        return None;
    }
    let (slash, name_part) = match inside.strip_prefix('/') {
        Some(after) => ("/", after),
        None => ("", inside),
    };
    let name: String = name_part.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let first = name.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let after_name = &name_part[name.len()..];
    if !(after_name.is_empty() || after_name.starts_with(' ') || after_name.starts_with('/')) {
        return None;
    }
    Some((format!("{slash}{}", name.to_ascii_lowercase()), end + 1))
}

/// An HTML entity at the start of `text`, decoded, and its length.
fn entity_at(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|(_, c)| *c == ';')?.0;
    let name = &text[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((decoded, end + 1))
}

/// The rows of the HTML tables in `cell` (`<tr>` of `<td>` or `<th>`), each cell
/// cleaned; empty when the cell holds no table row.
pub fn table_rows(cell: &str) -> Vec<Vec<String>> {
    let lower = cell.to_ascii_lowercase();
    let mut rows = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<tr").map(|s| s + at) {
        let end = lower[start..].find("</tr>").map_or(lower.len(), |e| start + e);
        let row = &cell[start..end];
        let row_lower = &lower[start..end];
        let mut cells = Vec::new();
        let mut from = 0;
        while let Some(open) = find_cell(&row_lower[from..]).map(|o| o + from) {
            let content_start = row_lower[open..].find('>').map_or(row.len(), |g| open + g + 1);
            let close = find_cell_end(&row_lower[content_start..]).map_or(row.len(), |c| content_start + c);
            cells.push(clean(&row[content_start..close]));
            from = close;
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        at = end.min(lower.len());
        if at >= lower.len() {
            break;
        }
        at += 1;
    }
    rows
}

fn find_cell(text: &str) -> Option<usize> {
    [text.find("<td"), text.find("<th")].into_iter().flatten().min()
}

fn find_cell_end(text: &str) -> Option<usize> {
    [text.find("</td"), text.find("</th"), text.find("<td"), text.find("<th")].into_iter().flatten().min()
}

/// `cell` without its HTML tables (their rows are read by `table_rows`).
pub fn without_tables(cell: &str) -> String {
    let lower = cell.to_ascii_lowercase();
    let mut out = String::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<table").map(|s| s + at) {
        out.push_str(&cell[at..start]);
        at = lower[start..].find("</table>").map_or(cell.len(), |e| start + e + "</table>".len());
    }
    out.push_str(&cell[at..]);
    out
}

/// The lines an HTML clipboard or file holds, in order: each row of a table as its
/// cells, a merged cell's text once and the cells it covers empty (as Word writes the
/// text flavour), with its table's number from 1; each paragraph outside the tables as
/// one cell, `None`.
pub fn html_lines(html: &str) -> Vec<(Vec<String>, Option<usize>)> {
    let lower = html.to_ascii_lowercase();
    let body = lower.find("<body").and_then(|b| lower[b..].find('>').map(|g| b + g + 1)).unwrap_or(0);
    let mut lines = Vec::new();
    let mut at = body;
    let mut tables = 0;
    while at < html.len() {
        let start = lower[at..].find("<table").map_or(html.len(), |s| s + at);
        paragraphs(&html[at..start], &mut lines);
        if start >= html.len() {
            break;
        }
        let end = lower[start..].find("</table").map_or(html.len(), |e| start + e);
        tables += 1;
        lines.extend(grid(&html[start..end], &lower[start..end]).into_iter().map(|cells| (cells, Some(tables))));
        at = lower[end..].find('>').map_or(html.len(), |g| end + g + 1);
    }
    lines
}

/// The paragraphs of `html` outside any table, each a line of one cell.
fn paragraphs(html: &str, lines: &mut Vec<(Vec<String>, Option<usize>)>) {
    let cleaned = clean(&without_comments(html));
    lines.extend(cleaned.split('\n').filter(|l| !l.is_empty()).map(|l| (vec![l.to_string()], None)));
}

fn without_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        rest = rest[open..].find("-->").map_or("", |c| &rest[open + c + 3..]);
    }
    out.push_str(rest);
    let lower = out.to_ascii_lowercase();
    // A document's head (its title, its styles) is no paragraph of the plan.
    match (lower.find("<head"), lower.find("</head>")) {
        (Some(open), Some(close)) => format!("{}{}", &out[..open], &out[close + 7..]),
        _ => out,
    }
}

/// The rows of one table, merged cells spread over the grid: a cell spanning rows
/// leaves the rows below empty in its column, one spanning columns the columns after it.
fn grid(table: &str, lower: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    // Rows still covered by a cell above, per column.
    let mut covered: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<tr").map(|s| s + at) {
        let end = lower[start + 3..].find("<tr").map_or(lower.len(), |e| start + 3 + e);
        let (row, row_lower) = (&table[start..end], &lower[start..end]);
        let mut cells: Vec<String> = Vec::new();
        let take_covered = |cells: &mut Vec<String>, covered: &mut Vec<usize>| {
            while covered.get(cells.len()).is_some_and(|n| *n > 0) {
                covered[cells.len()] -= 1;
                cells.push(String::new());
            }
        };
        let mut from = 0;
        while let Some(open) = find_cell(&row_lower[from..]).map(|o| o + from) {
            let tag_end = row_lower[open..].find('>').map_or(row.len(), |g| open + g + 1);
            let tag = &row_lower[open..tag_end];
            let close = find_cell_end(&row_lower[tag_end..]).map_or(row.len(), |c| tag_end + c);
            take_covered(&mut cells, &mut covered);
            let span = |name: &str| span_in(tag, name).clamp(1, 100);
            let (rowspan, colspan) = (span("rowspan"), span("colspan"));
            for i in 0..colspan {
                let column = cells.len();
                if covered.len() <= column {
                    covered.resize(column + 1, 0);
                }
                covered[column] = rowspan - 1;
                cells.push(if i == 0 { clean(&row[tag_end..close]) } else { String::new() });
            }
            from = close.max(tag_end);
        }
        take_covered(&mut cells, &mut covered);
        while cells.len() < covered.len() {
            let column = cells.len();
            covered[column] = covered[column].saturating_sub(1);
            cells.push(String::new());
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        at = end;
    }
    rows
}

/// `rowspan="3"` in a cell's opening tag: 3; 1 when absent.
fn span_in(tag: &str, name: &str) -> usize {
    let Some(at) = tag.find(name) else { return 1 };
    let digits: String =
        tag[at + name.len()..].chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: &str) {
        assert_eq!(clean(raw), expected, "{raw:?}");
    }

    #[test]
    fn markup_goes_and_the_words_stay() {
        check("<b>Enjeu 1</b>", "Enjeu 1");
        check("**Mise en commun des pratiques**", "Mise en commun des pratiques");
        check("<u>Primaire</u> : 12 sur 20 &amp; <u>FP</u>", "Primaire : 12 sur 20 & FP");
        check("<p>a) Nombre.</p> <p>b) Taux.</p>", "a) Nombre.\nb) Taux.");
        check("moins de <5 % et > 3", "moins de <5 % et > 3");
        check("2 000\\$ par projet", "2 000$ par projet");
        check("## PLAN 2023-2027", "PLAN 2023-2027");
        check("Jean&nbsp;Tremblay", "Jean\u{a0}Tremblay");
        check("*pratiques gagnantes*", "*pratiques gagnantes*");
        check("  Toute l'année  ", "Toute l'année");
        check("<p style=\"x\"><b>LECTURE</b></p> ", "LECTURE");
    }

    #[test]
    fn an_html_table_in_a_cell_gives_its_rows() {
        let cell = "<table> <thead> <tr> <th>Indicateur(s)</th> <th>Cibles</th> </tr> </thead> \
                    <tbody> <tr> <td>Taux <b>A</b></td> <td>80 %</td> </tr> </tbody> </table> après";
        assert_eq!(
            table_rows(cell),
            vec![vec!["Indicateur(s)".to_string(), "Cibles".into()], vec!["Taux A".into(), "80 %".into()]]
        );
        assert_eq!(clean(&without_tables(cell)), "après");
    }
}
