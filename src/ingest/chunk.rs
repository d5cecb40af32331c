//! Typing one chunk of rows (at most 16 384) into a canonical frame, column by column.
//!
//! Reading row by row cost a memo lookup, a value copy and a second lookup for the
//! column's dictionary per cell, and the rules looked their columns up by name on every
//! row: CSV ingestion was 1.4 × DuckDB's `read_csv` (issue 8). Here each canonical column
//! is read in one pass down the chunk: a repeating text is read once (the memo is keyed by
//! the cell's text borrowed from the chunk, and the row above is compared first, since
//! exports are sorted), and each row holds only the index of its reading. A second pass
//! goes row by row for what is per row (the row's issues in the order the data-quality
//! table lists them, the source's rules, whether the row is rejected); the rules record
//! only what they set. The kept rows are then gathered into typed columns, each distinct
//! text interned into the column's dictionary once.

use super::grid::{Cell, Grid, Rows};
use super::quality::DqRow;
use super::row::{
    FileCtx, Issue, Value, constant_text, dictionary_codes, primitive_column, record_issues,
    values_and_validity,
};
use super::rules::{RowValues, Rules};
use super::schema::ColumnSpec;
use super::table::{Header, Memo, OutType, ReadResult, out_type, read_value};
use super::values::parse_text;
use crate::i18n::{Reason, Severity};
use polars::prelude::*;
use polars_arrow::array::BooleanArray;
use polars_arrow::bitmap::Bitmap;

/// A value as read, and the issue found in reading it.
struct Reading {
    value: Value,
    issue: Option<(Reason, Severity)>,
}

impl From<ReadResult> for Reading {
    fn from(r: ReadResult) -> Reading {
        match r {
            Ok(value) => Reading { value, issue: None },
            Err((reason, severity)) => Reading {
                // A guessed enum value is used (with a warning); anything else unusable
                // is left blank.
                value: match &reason {
                    Reason::GuessedEnum { guessed } => Value::Str(guessed.as_str().into()),
                    _ => Value::Null,
                },
                issue: Some((reason, severity)),
            },
        }
    }
}

/// One canonical column of a chunk: its distinct readings and, per data row, which one.
struct ColumnRead {
    readings: Vec<Reading>,
    codes: Vec<u32>,
}

static NULL: Value = Value::Null;

/// `a == b` for the short texts of a column (codes, dates, names), without a call to
/// `memcmp` for every row (most of a column's rows repeat the row above, so this is
/// asked ~12 times a row): lengths first, then two overlapping 8-byte words when the
/// texts fit 16 bytes.
#[inline]
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(w)
    };
    match n {
        0..8 => a.iter().zip(b).all(|(x, y)| x == y),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// Rows a column reads at a time before the next column reads the same rows: a block's
/// field spans and text (~250 KB of a national export) stay in the core's cache while
/// every column reads them. Reading each column down the whole chunk (16 384 rows, ~4 MB
/// of spans and text) fetched a row's span and text from memory again for every column:
/// most of the typing's time was those misses.
const BLOCK_ROWS: usize = 1024;

/// One canonical column of a chunk being read, block by block of rows: its distinct
/// readings so far, the reading of each row read, and the text of each reading.
struct ColumnReader<'g> {
    g: usize,
    memoised: bool,
    readings: Vec<Reading>,
    codes: Vec<u32>,
    index: PlHashMap<&'g str, u32>,
    last: Option<(&'g str, u32)>,
}

impl<'g> ColumnReader<'g> {
    /// Grid column `g` read as `spec` (repeated texts read once, unless the column's
    /// values rarely repeat), for a chunk of `rows` data rows.
    fn new(g: usize, spec: &ColumnSpec, rows: usize) -> ColumnReader<'g> {
        ColumnReader {
            g,
            memoised: !Memo::is_unique(spec),
            readings: Vec::new(),
            codes: Vec::with_capacity(rows),
            index: PlHashMap::new(),
            last: None,
        }
    }

    /// Read the next rows of the column.
    fn read(&mut self, grid: &'g Grid, rows: &[usize], spec: &ColumnSpec, ctx: &FileCtx<'_>) {
        let g = self.g;
        let readings = &mut self.readings;
        let read = |cell: Cell<'_>, readings: &mut Vec<Reading>| {
            readings.push(read_value(ctx, spec, cell, grid.date1904).into());
            (readings.len() - 1) as u32
        };
        for &i in rows {
            let cell = grid.cell(i, g);
            let code = match cell {
                Cell::Text(t) if self.memoised => match self.last {
                    Some((l, c)) if same_text(l, t) => c,
                    _ => {
                        let c = match self.index.get(t) {
                            Some(&c) => c,
                            None => {
                                let c = read(cell, readings);
                                self.index.insert(t, c);
                                c
                            }
                        };
                        self.last = Some((t, c));
                        c
                    }
                },
                _ => read(cell, readings),
            };
            self.codes.push(code);
        }
    }

    fn finish(self) -> ColumnRead {
        ColumnRead {
            readings: self.readings,
            codes: self.codes,
        }
    }
}

/// Row `r` of a chunk as the rules see it: the readings, and what the rules set so far
/// (per column, (row, value) in row order).
struct RowView<'a> {
    columns: &'a [Option<ColumnRead>],
    set: &'a mut [Vec<(u32, Value)>],
    r: u32,
}

impl RowView<'_> {
    fn value(&self, j: usize) -> &Value {
        if let Some((row, v)) = self.set[j].last() {
            if *row == self.r {
                return v;
            }
        }
        match &self.columns[j] {
            Some(c) => &c.readings[c.codes[self.r as usize] as usize].value,
            None => &NULL,
        }
    }
}

impl RowValues for RowView<'_> {
    fn is_null(&self, j: usize) -> bool {
        matches!(self.value(j), Value::Null)
    }

    fn get(&self, j: usize) -> Value {
        self.value(j).clone()
    }

    fn set(&mut self, j: usize, v: Value) {
        let r = self.r;
        match self.set[j].last_mut() {
            Some((row, old)) if *row == r => *old = v,
            _ => self.set[j].push((r, v)),
        }
    }
}

/// Where a kept row's value is: a reading of the column, set by a rule, or absent.
enum At<'a> {
    Reading(u32),
    Set(&'a Value),
    Null,
}

/// The value of each kept row of a column, in order.
fn cells<'a>(
    column: Option<&'a ColumnRead>,
    set: &'a [(u32, Value)],
    kept: &'a [u32],
) -> impl Iterator<Item = At<'a>> + 'a {
    let mut k = 0;
    kept.iter().map(move |&r| {
        while k < set.len() && set[k].0 < r {
            k += 1;
        }
        if k < set.len() && set[k].0 == r {
            return At::Set(&set[k].1);
        }
        match column {
            Some(c) => At::Reading(c.codes[r as usize]),
            None => At::Null,
        }
    })
}

fn value_at<'a>(at: &At<'a>, column: Option<&'a ColumnRead>) -> &'a Value {
    match (at, column) {
        (At::Reading(e), Some(c)) => &c.readings[*e as usize].value,
        (At::Set(v), _) => v,
        _ => &NULL,
    }
}

/// A chunk's distinct texts of one column, in order of first appearance.
#[derive(Default)]
struct Interner<'a> {
    distinct: Vec<&'a str>,
    index: PlHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    /// The code of a text value; `None` for anything else.
    fn code(&mut self, v: &'a Value) -> Option<u32> {
        let Value::Str(s) = v else { return None };
        let distinct = &mut self.distinct;
        Some(*self.index.entry(s.as_str()).or_insert_with(|| {
            distinct.push(s.as_str());
            (distinct.len() - 1) as u32
        }))
    }
}

/// The typed column of the kept rows.
fn gather<'a>(
    t: OutType,
    spec: &ColumnSpec,
    column: Option<&'a ColumnRead>,
    set: &'a [(u32, Value)],
    kept: &'a [u32],
) -> Column {
    let name = PlSmallStr::from(spec.name);
    let value = |at: &At<'a>| -> &'a Value { value_at(at, column) };
    let it = || cells(column, set, kept);
    match t {
        OutType::Str if Memo::is_unique(spec) => {
            let mut b = StringChunkedBuilder::new(name, kept.len());
            for at in it() {
                match value(&at) {
                    Value::Str(s) => b.append_value(s),
                    _ => b.append_null(),
                }
            }
            b.finish().into_column()
        }
        OutType::Str => {
            // Each reading is interned once; a text set by a rule is interned per row.
            const UNSET: u32 = u32::MAX;
            const NONE: u32 = u32::MAX - 1;
            let mut of_reading = vec![UNSET; column.map_or(0, |c| c.readings.len())];
            let mut dict = Interner::default();
            let codes = it().map(|at| {
                let code = match at {
                    At::Reading(e) => {
                        let e = e as usize;
                        if of_reading[e] == UNSET {
                            of_reading[e] = dict.code(value(&at)).unwrap_or(NONE);
                        }
                        of_reading[e]
                    }
                    At::Set(v) => dict.code(v).unwrap_or(NONE),
                    At::Null => NONE,
                };
                (code != NONE).then_some(code)
            });
            let (codes, validity) = values_and_validity(codes);
            dictionary_codes(&name, &dict.distinct, codes, validity)
        }
        OutType::Int => primitive::<Int64Type>(name, column, set, kept, Value::int).into_column(),
        OutType::F64 => {
            primitive::<Float64Type>(name, column, set, kept, Value::number).into_column()
        }
        OutType::Bool => {
            let (values, validity) = values_and_validity(it().map(|at| value(&at).bool()));
            let values: Bitmap = values.into_iter().collect();
            BooleanChunked::with_chunk(
                name,
                BooleanArray::new(ArrowDataType::Boolean, values, validity),
            )
            .into_column()
        }
        OutType::Date => primitive::<Int32Type>(name, column, set, kept, Value::days)
            .into_date()
            .into_column(),
    }
}

/// The kept rows of a number or date column as one array: each distinct reading is
/// converted once (a chunk's dates and scores repeat on most rows), then each row takes
/// its reading's value, with no per-row builder.
fn primitive<T: PolarsNumericType>(
    name: PlSmallStr,
    column: Option<&ColumnRead>,
    set: &[(u32, Value)],
    kept: &[u32],
    convert: impl Fn(&Value) -> Option<T::Native>,
) -> ChunkedArray<T> {
    let of_reading: Vec<Option<T::Native>> = column.map_or(Vec::new(), |c| {
        c.readings.iter().map(|r| convert(&r.value)).collect()
    });
    primitive_column(
        name,
        cells(column, set, kept).map(|at| match at {
            At::Reading(e) => of_reading[e as usize],
            At::Set(v) => convert(v),
            At::Null => None,
        }),
    )
}

/// A chunk typed: its frame, data-quality rows, rows read and rows rejected.
pub struct Typed {
    pub df: DataFrame,
    pub dq: Vec<DqRow>,
    pub read: usize,
    pub rejected: usize,
}

/// Type the grid rows `rows` (a chunk of one file, read with `header`) into the source's
/// canonical columns, the extra columns (`extras`: grid column, name), `source_file` and
/// `source_row`. `src_of[j]` is the grid column feeding canonical column `j`.
pub fn type_rows(
    grid: &Grid,
    rows: &[usize],
    header: &Header,
    ctx: &FileCtx<'_>,
    src_of: &[Option<usize>],
    extras: &[(usize, String)],
) -> Typed {
    let cols = ctx.source.columns();
    let header_width = header.texts.len();
    // A row whose cells are all blank is not a row (its used width is 0).
    let (data, used): (Vec<usize>, Vec<usize>) = rows
        .iter()
        .map(|&i| (i, grid.used_width(i)))
        .filter(|&(_, u)| u > 0)
        .unzip();
    let mut readers: Vec<Option<ColumnReader>> = src_of
        .iter()
        .zip(cols)
        .map(|(g, spec)| g.map(|g| ColumnReader::new(g, spec, data.len())))
        .collect();
    for block in data.chunks(BLOCK_ROWS) {
        for (reader, spec) in readers.iter_mut().zip(cols) {
            if let Some(r) = reader {
                r.read(grid, block, spec, ctx);
            }
        }
    }
    let columns: Vec<Option<ColumnRead>> = readers
        .into_iter()
        .map(|r| r.map(ColumnReader::finish))
        .collect();

    // The columns a reading of which has an issue: only their rows are looked at for
    // one (most chunks of an export have none).
    let with_issues: Vec<(&ColumnRead, usize)> = columns
        .iter()
        .zip(src_of)
        .filter_map(|(c, g)| Some((c.as_ref()?, (*g)?)))
        .filter(|(c, _)| c.readings.iter().any(|r| r.issue.is_some()))
        .collect();
    let rules = Rules::new(ctx);
    let mut set: Vec<Vec<(u32, Value)>> = vec![Vec::new(); cols.len()];
    let mut kept: Vec<u32> = Vec::with_capacity(data.len());
    let mut dq = Vec::new();
    let mut issues: Vec<Issue> = Vec::new();
    for (r, (&i, &used)) in data.iter().zip(&used).enumerate() {
        issues.clear();
        if let Rows::Text(_) = grid.rows {
            let w = grid.width(i);
            if used > header_width {
                issues.push((
                    String::new(),
                    grid.cell(i, header_width).display(),
                    Reason::LongRow {
                        found: w,
                        expected: header_width,
                    },
                    Severity::Error,
                ));
            } else if w < header_width {
                issues.push((
                    String::new(),
                    String::new(),
                    Reason::ShortRow {
                        found: w,
                        expected: header_width,
                    },
                    Severity::Warning,
                ));
            }
        }
        for &(c, g) in &with_issues {
            if let Some((reason, severity)) = &c.readings[c.codes[r] as usize].issue {
                issues.push((
                    header.texts[g].clone(),
                    grid.cell(i, g).display(),
                    reason.clone(),
                    *severity,
                ));
            }
        }
        let at = grid.at(i);
        let text_of = |j: usize| -> (String, String) {
            match src_of[j] {
                Some(g) => (header.texts[g].clone(), grid.cell(i, g).display()),
                None => (cols[j].name.to_string(), String::new()),
            }
        };
        let mut view = RowView {
            columns: &columns,
            set: &mut set,
            r: r as u32,
        };
        rules.finish_row(at.row, &mut view, &mut issues, &text_of);
        if !record_issues(&mut dq, ctx, at, issues.drain(..)) {
            kept.push(r as u32);
        }
    }

    let mut out: Vec<Column> = cols
        .iter()
        .enumerate()
        .map(|(j, spec)| {
            gather(
                out_type(ctx.source, spec),
                spec,
                columns[j].as_ref(),
                &set[j],
                &kept,
            )
        })
        .collect();
    for (g, name) in extras {
        let mut b = StringChunkedBuilder::new(name.as_str().into(), kept.len());
        for &r in &kept {
            b.append_option(parse_text(grid.cell(data[r as usize], *g)));
        }
        out.push(b.finish().into_column());
    }
    let height = kept.len();
    out.push(constant_text("source_file", &ctx.label, height));
    out.push(Column::new(
        "source_row".into(),
        kept.iter()
            .map(|&r| grid.row_number(data[r as usize]) as i64)
            .collect::<Vec<i64>>(),
    ));
    Typed {
        df: DataFrame::new(height, out).expect("columns of equal length"),
        dq,
        read: data.len(),
        rejected: data.len() - height,
    }
}

#[cfg(test)]
mod tests {
    use super::same_text;

    #[test]
    fn same_text_is_string_equality_at_every_length() {
        let texts = [
            "",
            "a",
            "b",
            "Lav",
            "Lavt",
            "0301",
            "0302",
            "01.01.2021",
            "01.01.2022",
            "11.01.2021",
            "Helse og velferd",
            "Helse og velferD",
            "helse og velferd",
            "Hjemmetjenesten Nordby",
            "Hjemmetjenesten Nordbø",
            "ÅÆØ",
            "ÅÆÖ",
            "12345678",
            "12345679",
            "1234567890123456",
            "1234567890123457",
            "0234567890123456",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
