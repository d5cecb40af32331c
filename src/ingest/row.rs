//! What a row of any source becomes while it is read: the values of its canonical
//! columns, the issues found in it, and the file it came from. Shared by the readers of
//! plain tables (`table.rs`), the source rules (`rules.rs`) and surveys (`survey.rs`), so
//! that none of them imports another.

use super::quality::DqRow;
use crate::config::Config;
use crate::i18n::{Reason, Severity};
use crate::source::SourceKind;
use chrono::NaiveDate;
use polars::prelude::*;

/// A value read from a cell. Text is a small string (inline up to 24 bytes): sectors,
/// types and dates repeat on every row and are copied from the column's memo without an
/// allocation each.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Str(PlSmallStr),
    Int(i64),
    F64(f64),
    Bool(bool),
    Date(NaiveDate),
}

/// Everything a row processor needs to know about the file.
pub struct FileCtx<'a> {
    pub source: SourceKind,
    pub config: &'a Config,
    /// The file as named in messages and the data-quality table.
    pub label: String,
    /// Used to generate ids (`<stem>-<row>`).
    pub stem: String,
    pub sheet: Option<String>,
}

/// The result of processing a grid.
pub struct Processed {
    pub df: DataFrame,
    pub dq: Vec<DqRow>,
    /// Data rows read (blank rows are not rows).
    pub read: usize,
    pub rejected: usize,
    /// Rows (survey: respondents) put into the table, counted where they are put, not as
    /// read − rejected, so that a test of read = kept + rejected can fail.
    pub kept: usize,
}

/// Where a row is in its file: the row number Excel shows (1-based, header and title
/// rows counted, a quoted field with line breaks inside one row), and for text files the
/// line a text editor shows the record starting on (01-inputs.md, "Bad input").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowAt {
    pub row: u64,
    pub line: Option<u64>,
}

/// A problem found in one row: (column header as written, value, reason, severity).
pub type Issue = (String, String, Reason, Severity);

/// Add a row's issues to the data-quality rows and say whether the row is rejected. The
/// warnings of a rejected row are left out: the row is not in the analysis anyway.
pub fn record_issues(
    dq: &mut Vec<DqRow>,
    ctx: &FileCtx<'_>,
    at: RowAt,
    issues: impl IntoIterator<Item = Issue>,
) -> bool {
    let issues: Vec<Issue> = issues.into_iter().collect();
    let rejected = issues.iter().any(|x| x.3 == Severity::Error);
    for (column, value, reason, severity) in issues {
        if rejected && severity == Severity::Warning {
            continue;
        }
        dq.push(DqRow {
            file: ctx.label.clone(),
            sheet: ctx.sheet.clone(),
            row: at.row,
            line: at.line,
            column,
            value,
            severity,
            reason,
        });
    }
    rejected
}

/// A column holding one text value on every row (`source_file`, `survey`).
pub fn constant_text(name: &str, value: &str, height: usize) -> Column {
    Column::new_scalar(
        name.into(),
        Scalar::new(DataType::String, AnyValue::StringOwned(value.into())),
        height,
    )
}

/// A text column whose values repeat (sector, unit, category, a survey's questions):
/// built from its distinct values, gathered per row. The gathered views point into the
/// distinct values' text, so a value longer than a view's 12 inline bytes is held once,
/// not once per row (national: deviations 92 MB of text bytes before). Values up to 12
/// bytes live inside the views either way.
pub fn repeated_text<'a>(name: &str, values: impl Iterator<Item = Option<&'a str>>) -> Column {
    let mut codes: Vec<Option<IdxSize>> = Vec::new();
    let mut distinct: Vec<&'a str> = Vec::new();
    let mut index: PlHashMap<&'a str, IdxSize> = PlHashMap::new();
    for v in values {
        codes.push(v.map(|v| {
            *index.entry(v).or_insert_with(|| {
                distinct.push(v);
                (distinct.len() - 1) as IdxSize
            })
        }));
    }
    let dict = StringChunked::from_slice(name.into(), &distinct);
    let idx = IdxCa::from_iter_options("code".into(), codes.into_iter());
    dict.take(&idx)
        .expect("codes index the distinct values")
        .into_column()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_text_keeps_every_value_in_order_and_each_long_one_once() {
        let long = "Hjemmetjenesten Nordre Aasen";
        let values = [Some(long), None, Some("Helse"), Some(long), Some(long)];
        let c = repeated_text("unit", values.iter().copied());
        let got: Vec<Option<&str>> = c.str().unwrap().iter().collect();
        assert_eq!(got, values);
        assert_eq!(c.name().as_str(), "unit");
        // The long value's bytes are stored once for its three rows.
        let text_bytes: usize = c
            .str()
            .unwrap()
            .downcast_iter()
            .map(|a| a.total_buffer_len())
            .sum();
        assert_eq!(text_bytes, long.len());
    }
}
