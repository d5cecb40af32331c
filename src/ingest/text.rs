//! Delimited text files: encoding and delimiter detection, then the `csv` crate for
//! quoting (embedded delimiters and newlines) into a `Grid`.
//!
//! Encodings (01-inputs.md): UTF-8 with or without BOM, UTF-16 with BOM (Excel's
//! "Unicode text"), and Windows-1252, the default of Excel's "CSV (semikolonseparert)" on
//! Norwegian Windows. A file that is not valid UTF-8 is read as Windows-1252, which maps
//! every byte, so nothing is lost.

use super::grid::{Grid, Rows, TextRows};
use std::borrow::Cow;

/// What was detected about a text file (shown by `validate`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TextFormat {
    pub encoding: &'static str,
    pub delimiter: char,
}

/// Why a text file could not be read.
#[derive(Debug, PartialEq)]
pub enum TextError {
    Empty,
    Binary,
    /// More than 4 GiB of text in one file.
    TooLarge,
}

/// Decode bytes to text, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), TextError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((String::from_utf8_lossy(rest), "UTF-8 (BOM)"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (t, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return Ok((t, "UTF-16LE"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (t, _, _) = encoding_rs::UTF_16BE.decode(bytes);
        return Ok((t, "UTF-16BE"));
    }
    // Binary files (a spreadsheet or image with a .csv name) have NUL bytes early on.
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(TextError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), "UTF-8")),
        Err(_) => {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((t, "Windows-1252"))
        }
    }
}

/// Count a delimiter outside double quotes on one logical line.
fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == d && !quoted {
            n += 1;
        }
    }
    n
}

/// Detect the delimiter among `;` `,` tab `|`: the one that splits the most of the first
/// lines into the same number (> 0) of fields wins; ties go to the order above (`;` is
/// what Norwegian Excel writes).
pub fn detect_delimiter(text: &str) -> char {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (';', 0usize, 0usize);
    for d in [';', ',', '\t', '|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut freq = std::collections::BTreeMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        if let Some((&mode, &lines_with_mode)) = freq.iter().max_by_key(|(c, n)| (**n, **c)) {
            if (lines_with_mode, mode) > (best.1, best.2) {
                best = (d, lines_with_mode, mode);
            }
        }
    }
    best.0
}

/// Read a delimited text file into a grid.
pub fn read(bytes: &[u8]) -> Result<(Grid, TextFormat), TextError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(TextError::Empty);
    }
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    let mut rows = TextRows::default();
    let mut record = csv::StringRecord::new();
    // Excel shows each record as one row, also when a quoted field holds line breaks, and
    // an empty line as an empty row (which the csv reader skips). So the Excel row of a
    // record is the previous record's row plus the lines between the previous record's
    // end and this one's start.
    let (mut row, mut end_line) = (0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                // The line where the record starts (a quoted field may span lines). With
                // CRLF endings the reader stops at `\r` and the record's recorded start is
                // the `\n` of the previous line: count that line too.
                let line = record.position().map_or(rows.len() as u64 + 1, |p| {
                    let at_lf = text.as_bytes().get(p.byte() as usize) == Some(&b'\n');
                    p.line() + u64::from(at_lf)
                });
                row += line.saturating_sub(end_line).max(1);
                let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
                end_line = line + breaks as u64;
                if !rows.push(row, line, record.iter()) {
                    return Err(TextError::TooLarge);
                }
            }
            Ok(false) => break,
            // Text decoded above is valid UTF-8 and flexible() accepts ragged rows, so
            // the csv reader has nothing left to fail on; stop rather than loop.
            Err(_) => break,
        }
    }
    Ok((
        Grid {
            sheet: None,
            rows: Rows::Text(rows),
            date1904: false,
        },
        TextFormat {
            encoding,
            delimiter,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_utf16_are_decoded() {
        let (t, e) = decode(b"Sektor;\xc5rsak\r\n").unwrap();
        assert_eq!(e, "Windows-1252");
        assert_eq!(t, "Sektor;Årsak\r\n");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Årsak".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).unwrap().0, "Årsak");
        assert_eq!(
            decode("\u{feff}Å".as_bytes()).unwrap(),
            (Cow::Borrowed("Å"), "UTF-8 (BOM)")
        );
    }

    #[test]
    fn delimiters_are_detected_with_quotes() {
        assert_eq!(detect_delimiter("a;b;c\n1;\"2,5\";3\n"), ';');
        assert_eq!(detect_delimiter("a,b,c\n1,\"x;y\",3\n"), ',');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), '\t');
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n"), '|');
    }

    #[test]
    fn quoted_multiline_fields_keep_their_line_numbers() {
        let (g, _) = read(b"a;b\n1;\"two\nlines\"\n3;4\n").unwrap();
        assert_eq!(g.len(), 3);
        // Excel shows the third record as row 3; a text editor has it on line 4.
        assert_eq!(g.row_number(2), 3);
        assert_eq!(g.at(2).line, Some(4));
        assert_eq!(g.cell(1, 1), super::super::grid::Cell::Text("two\nlines"));
        // An empty line is an empty row in Excel.
        let (g, _) = read(b"a;b\n\n1;\"x\ny\nz\"\n\n3;4\n").unwrap();
        assert_eq!((g.row_number(1), g.at(1).line), (3, Some(3)));
        assert_eq!((g.row_number(2), g.at(2).line), (5, Some(7)));
        let (g, _) = read(b"a;b\r\n1;\"two\r\nlines\"\r\n3;4\r\n").unwrap();
        assert_eq!(
            (g.row_number(0), g.row_number(1), g.row_number(2)),
            (1, 2, 3)
        );
        assert_eq!(g.at(2).line, Some(4));
    }
}
