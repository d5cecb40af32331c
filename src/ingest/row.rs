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
use polars_arrow::array::PrimitiveArray;
use polars_arrow::bitmap::{Bitmap, MutableBitmap};

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

impl Value {
    /// The value as a canonical column of that type holds it (`None`: blank, or a value of
    /// another type, which no column of that type takes).
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// A number; an integer is a number too.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::F64(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    pub fn bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A date as polars holds it: days since 1970-01-01.
    pub fn days(&self) -> Option<i32> {
        use chrono::Datelike;
        // 1970-01-01 counted from 1 January of year 1.
        const EPOCH_DAYS_FROM_CE: i32 = 719_163;
        match self {
            Value::Date(d) => Some(d.num_days_from_ce() - EPOCH_DAYS_FROM_CE),
            _ => None,
        }
    }
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

impl FileCtx<'_> {
    /// The id a row without one gets: `<file stem>-<Excel row>` (01-inputs.md), the same
    /// on every run and pointing back to the row.
    pub fn generated_id(&self, row: u64) -> PlSmallStr {
        format!("{}-{row}", self.stem).into()
    }
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

/// A text column whose values repeat (sector, unit, category, a survey's questions), held
/// as a dictionary: a polars `Categorical` over the global categories, 4 bytes a row, each
/// distinct value's text held once in the process (the form the catalogue keeps
/// canonical text in: `catalog::dictionary_encoded`). Built from its distinct values, so
/// each row costs one lookup here and none when the catalogue is assembled. Should the
/// global categories be full (2³² values), the column is plain text gathered the same way.
pub fn repeated_text<'a>(name: &str, values: impl Iterator<Item = Option<&'a str>>) -> Column {
    let (codes, distinct) = interned(values);
    dictionary_column(name, &distinct, codes)
}

/// Text as a code per value (an index into the distinct values, in order of first
/// appearance) and the distinct values.
pub fn interned<'a>(
    values: impl Iterator<Item = Option<&'a str>>,
) -> (Vec<Option<u32>>, Vec<&'a str>) {
    let mut distinct: Vec<&'a str> = Vec::new();
    let mut index: PlHashMap<&'a str, u32> = PlHashMap::new();
    let codes = values
        .map(|v| {
            v.map(|v| {
                *index.entry(v).or_insert_with(|| {
                    distinct.push(v);
                    (distinct.len() - 1) as u32
                })
            })
        })
        .collect();
    (codes, distinct)
}

/// A `Categorical` column from distinct values and a code (an index into them) per row.
pub fn dictionary_column(
    name: &str,
    distinct: &[&str],
    codes: impl IntoIterator<Item = Option<u32>>,
) -> Column {
    let (codes, validity) = values_and_validity(codes);
    dictionary_codes(name, distinct, codes, validity)
}

/// As `dictionary_column`, from each row's code (any code on a blank row) and which rows
/// hold one (`None`: every row): the codes become the global dictionary's in place, with
/// no per-row builder (building the column row by row was ~2 % of a national run's CPU).
pub fn dictionary_codes(
    name: &str,
    distinct: &[&str],
    mut codes: Vec<u32>,
    validity: Option<Bitmap>,
) -> Column {
    let dtype = DataType::from_categories(Categories::global());
    let ids: Option<Vec<u32>> = dtype.cat_mapping().ok().and_then(|m| {
        distinct
            .iter()
            .map(|v| m.insert_cat(v).ok())
            .collect::<Option<Vec<u32>>>()
    });
    let valid = |i: usize| validity.as_ref().is_none_or(|v| v.get_bit(i));
    match ids {
        Some(ids) => {
            for (i, c) in codes.iter_mut().enumerate() {
                // A blank row's slot may hold any code; it is set to a valid one.
                *c = if valid(i) { ids[*c as usize] } else { 0 };
            }
            let phys = UInt32Chunked::with_chunk(
                name.into(),
                PrimitiveArray::from_vec(codes).with_validity(validity),
            );
            // SAFETY: every valid row's id was just returned by the dtype's own mapping.
            unsafe { Categorical32Chunked::from_cats_and_dtype_unchecked(phys, dtype) }
                .into_series()
                .into_column()
        }
        None => {
            let dict = StringChunked::from_slice(name.into(), distinct);
            let idx = IdxCa::from_iter_options(
                "code".into(),
                codes
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| valid(i).then_some(c as IdxSize)),
            );
            dict.take(&idx)
                .expect("codes index the distinct values")
                .into_column()
        }
    }
}

/// A number or date column from each row's value (`None`: blank), built as one array
/// (its values and which rows hold one), with no per-row builder.
pub fn primitive_column<T: PolarsNumericType>(
    name: PlSmallStr,
    values: impl IntoIterator<Item = Option<T::Native>>,
) -> ChunkedArray<T> {
    let (values, validity) = values_and_validity(values);
    ChunkedArray::with_chunk(
        name,
        PrimitiveArray::from_vec(values).with_validity(validity),
    )
}

/// Each row's value (the type's default on a blank row) and which rows hold one (`None`
/// when every row does), as a primitive array keeps them.
pub fn values_and_validity<T: Default>(
    values: impl IntoIterator<Item = Option<T>>,
) -> (Vec<T>, Option<Bitmap>) {
    let it = values.into_iter();
    let mut out = Vec::with_capacity(it.size_hint().0);
    let mut valid = MutableBitmap::with_capacity(it.size_hint().0);
    for v in it {
        valid.push(v.is_some());
        out.push(v.unwrap_or_default());
    }
    (out, valid.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_text_keeps_every_value_in_order_as_a_dictionary() {
        let long = "Hjemmetjenesten Nordre Aasen";
        let values = [Some(long), None, Some("Helse"), Some(long), Some(long)];
        let c = repeated_text("unit", values.iter().copied());
        assert!(matches!(c.dtype(), DataType::Categorical(..)));
        let got: Vec<Option<&str>> = c.cat32().unwrap().iter_str().collect();
        assert_eq!(got, values);
        assert_eq!(c.name().as_str(), "unit");
        // The same value in another column (another chunk) has the same id: chunks stack
        // and columns join on the ids.
        let other = repeated_text("unit", [Some("Helse"), Some(long)].into_iter());
        let ids =
            |c: &Column| -> Vec<Option<u32>> { c.cat32().unwrap().physical().iter().collect() };
        assert_eq!(ids(&other), vec![ids(&c)[2], ids(&c)[0]]);
    }

    #[test]
    fn a_blank_rows_code_is_ignored_whatever_it_holds() {
        // Row 1 is blank; its slot holds a code no text has.
        let validity: Option<Bitmap> = [true, false, true].into_iter().collect::<Bitmap>().into();
        let c = dictionary_codes("sector", &["Finans", "Helse"], vec![1, 999, 0], validity);
        let got: Vec<Option<&str>> = c.cat32().unwrap().iter_str().collect();
        assert_eq!(got, [Some("Helse"), None, Some("Finans")]);
        // Every row valid: no validity to keep.
        let (values, validity) = values_and_validity([Some(3i64), Some(4)]);
        assert_eq!((values, validity), (vec![3, 4], None));
        let (values, validity) = values_and_validity([Some(3i64), None]);
        assert_eq!(values, [3, 0]);
        assert_eq!(validity.map(|v| v.unset_bits()), Some(1));
        let days = primitive_column::<Int32Type>("d".into(), [Some(20_000), None]).into_date();
        let got: Vec<Option<i32>> = days.physical().iter().collect();
        assert_eq!(got, [Some(20_000), None]);
    }
}
