//! The raw grid every reader produces: rows of cells with the row number the user sees
//! (1-based, header counted, as Excel shows it) and, for text files, the line a text
//! editor shows the record starting on. Readers differ; everything after the grid is
//! shared.

use super::row::RowAt;
use calamine::Data;
use chrono::NaiveDateTime;

/// One cell as read, borrowed from the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Bool(bool),
    /// A real date cell (spreadsheet date format or Parquet date), already converted.
    DateTime(NaiveDateTime),
    /// A spreadsheet error value such as `#REF!`.
    Error,
}

impl Cell<'_> {
    /// True when the cell holds nothing (blank text counts as empty).
    #[inline]
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user would read it, for messages and the data-quality table.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.to_string(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => b.to_string(),
            Cell::DateTime(d) => d.date().format("%d.%m.%Y").to_string(),
            Cell::Error => "#FEIL".into(),
        }
    }
}

/// The fields of a chunk of a delimited text file (or of a whole small one) in one
/// buffer: one allocation for the text, one for the field spans and one for the rows,
/// rather than two per record, and reused from chunk to chunk (`clear_for_reuse`).
#[derive(Debug, Default)]
pub struct TextRows {
    buf: String,
    spans: Vec<(u32, u32)>,
    /// (row as Excel shows it, line in a text editor or 0, first span, number of fields)
    rows: Vec<(u64, u64, u32, u32)>,
}

impl TextRows {
    /// Append a row. Fails (returns false) past 4 GiB of text, where spans no longer fit.
    pub fn push<'a>(
        &mut self,
        row: u64,
        line: u64,
        fields: impl IntoIterator<Item = &'a str>,
    ) -> bool {
        let first = self.spans.len();
        for f in fields {
            let start = self.buf.len();
            self.buf.push_str(f);
            let (Ok(a), Ok(b)) = (u32::try_from(start), u32::try_from(self.buf.len())) else {
                return false;
            };
            self.spans.push((a, b));
        }
        let (Ok(first), Ok(n)) = (
            u32::try_from(first),
            u32::try_from(self.spans.len() - first),
        ) else {
            return false;
        };
        self.rows.push((row, line, first, n));
        true
    }

    /// Append a row whose fields were written into the buffer by the CSV reader from
    /// byte `base` on, ending at `base + ends[i]`; the buffer is given by `set_buf`.
    pub fn push_spans(&mut self, row: u64, line: u64, base: usize, ends: &[usize]) -> bool {
        let first = self.spans.len();
        let mut start = base;
        for &e in ends {
            let (Ok(a), Ok(b)) = (u32::try_from(start), u32::try_from(base + e)) else {
                return false;
            };
            self.spans.push((a, b));
            start = base + e;
        }
        let (Ok(first), Ok(n)) = (u32::try_from(first), u32::try_from(ends.len())) else {
            return false;
        };
        self.rows.push((row, line, first, n));
        true
    }

    /// Append a row whose fields are at these byte ranges of the buffer `set_buf` gives
    /// (not next to each other: delimiters may lie between them). Fails (returns false)
    /// past 4 G fields.
    pub fn push_ranges(&mut self, row: u64, line: u64, ranges: &[(u32, u32)]) -> bool {
        let (Ok(first), Ok(n)) = (u32::try_from(self.spans.len()), u32::try_from(ranges.len()))
        else {
            return false;
        };
        if first.checked_add(n).is_none() {
            return false;
        }
        self.spans.extend_from_slice(ranges);
        self.rows.push((row, line, first, n));
        true
    }

    /// Empty the rows for reuse, keeping their allocations; the text buffer is returned
    /// for the CSV reader to write into (reused buffers spare the kernel zeroing fresh
    /// pages for every chunk of a large file).
    pub fn clear_for_reuse(&mut self) -> Vec<u8> {
        self.spans.clear();
        self.rows.clear();
        let mut b = std::mem::take(&mut self.buf).into_bytes();
        b.clear();
        b
    }

    /// The text the spans of `push_spans` point into.
    pub fn set_buf(&mut self, buf: String) {
        self.buf = buf;
    }

    /// Append another chunk's rows. Fails past 4 GiB of text.
    pub fn append(&mut self, other: TextRows) -> bool {
        let (Ok(shift), Ok(first)) = (
            u32::try_from(self.buf.len()),
            u32::try_from(self.spans.len()),
        ) else {
            return false;
        };
        if u32::try_from(self.buf.len() + other.buf.len()).is_err() {
            return false;
        }
        self.buf.push_str(&other.buf);
        self.spans
            .extend(other.spans.iter().map(|(a, b)| (a + shift, b + shift)));
        self.rows.extend(
            other
                .rows
                .iter()
                .map(|&(row, line, f, n)| (row, line, f + first, n)),
        );
        true
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    #[inline]
    fn field(&self, i: usize, c: usize) -> Option<&str> {
        let (_, _, first, n) = self.rows[i];
        (c < n as usize).then(|| {
            let (a, b) = self.spans[first as usize + c];
            &self.buf[a as usize..b as usize]
        })
    }
}

/// Rows of a file: text records from CSV, typed cells from spreadsheets and Parquet.
#[derive(Debug)]
pub enum Rows {
    /// The records of a delimited text file.
    Text(TextRows),
    /// (row number, cells) of a spreadsheet or Parquet file.
    Cells(Vec<(u64, Vec<Data>)>),
}

/// A sheet of raw rows. `date1904` is the workbook's date system (Excel on old Macs).
#[derive(Debug)]
pub struct Grid {
    pub sheet: Option<String>,
    pub rows: Rows,
    pub date1904: bool,
}

impl Grid {
    /// The grid of a text file (or a chunk of one).
    pub fn text(rows: TextRows) -> Grid {
        Grid {
            sheet: None,
            rows: Rows::Text(rows),
            date1904: false,
        }
    }

    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Text(r) => r.len(),
            Rows::Cells(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows of a text grid back, for reuse.
    pub fn into_text(self) -> Option<TextRows> {
        match self.rows {
            Rows::Text(r) => Some(r),
            Rows::Cells(_) => None,
        }
    }

    /// The row number Excel shows for row `i`.
    #[inline]
    pub fn row_number(&self, i: usize) -> u64 {
        match &self.rows {
            Rows::Text(r) => r.rows[i].0,
            Rows::Cells(r) => r[i].0,
        }
    }

    /// Where row `i` is: its Excel row, and for text files its line.
    pub fn at(&self, i: usize) -> RowAt {
        match &self.rows {
            // Line 0: rows that have no text line (Parquet is read into text rows too).
            Rows::Text(r) => RowAt {
                row: r.rows[i].0,
                line: Some(r.rows[i].1).filter(|l| *l > 0),
            },
            Rows::Cells(r) => RowAt {
                row: r[i].0,
                line: None,
            },
        }
    }

    /// Number of fields in row `i`.
    #[inline]
    pub fn width(&self, i: usize) -> usize {
        match &self.rows {
            Rows::Text(r) => r.rows[i].3 as usize,
            Rows::Cells(r) => r[i].1.len(),
        }
    }

    /// Cell `c` of row `i` (Empty past the end of a short row).
    #[inline]
    pub fn cell(&self, i: usize, c: usize) -> Cell<'_> {
        match &self.rows {
            Rows::Text(r) => match r.field(i, c) {
                Some(s) => Cell::Text(s),
                None => Cell::Empty,
            },
            Rows::Cells(r) => match r[i].1.get(c) {
                Some(d) => data_cell(d, self.date1904),
                None => Cell::Empty,
            },
        }
    }

    /// True when every cell of row `i` is blank.
    pub fn row_is_blank(&self, i: usize) -> bool {
        (0..self.width(i)).all(|c| self.cell(i, c).is_blank())
    }

    /// Index of the last non-blank cell of row `i` + 1.
    #[inline]
    pub fn used_width(&self, i: usize) -> usize {
        (0..self.width(i))
            .rev()
            .find(|&c| !self.cell(i, c).is_blank())
            .map_or(0, |c| c + 1)
    }
}

fn data_cell(d: &Data, _date1904: bool) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            // calamine converts with the workbook's own epoch (1900 or 1904).
            let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            match chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
                .and_then(|date| date.and_hms_opt(h as u32, mi as u32, s as u32))
            {
                Some(v) => Cell::DateTime(v),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Error(_) => Cell::Error,
    }
}
