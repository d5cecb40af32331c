//! Small helpers to read columns out of DataFrames and build result frames, so that the
//! Rust analyses read as arithmetic rather than as polars plumbing.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use polars::prelude::*;

fn err(e: PolarsError) -> Error {
    Error::polars("column", e)
}

/// A text column, borrowed: plain text or a dictionary (`catalog::dictionary_encoded`).
pub enum Text<'a> {
    Plain(&'a StringChunked),
    Dictionary(&'a Categorical32Chunked),
}

impl<'a> Text<'a> {
    /// The values in row order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = Option<&'a str>> + 'a> {
        match *self {
            Text::Plain(s) => Box::new(s.iter()),
            Text::Dictionary(c) => Box::new(c.iter_str()),
        }
    }
}

/// A text column as a code per row and the text of each code, for counting on integer
/// keys: a dictionary's own ids, or for plain text ids given in order of appearance.
pub struct Coded<'a> {
    pub codes: Vec<Option<u32>>,
    dictionary: Option<&'a Categorical32Chunked>,
    plain: Vec<&'a str>,
}

impl<'a> Coded<'a> {
    /// The text of a code of this column.
    pub fn text(&self, code: u32) -> &'a str {
        match self.dictionary {
            Some(c) => c.get_mapping().cat_to_str(code).unwrap_or_default(),
            None => self.plain.get(code as usize).copied().unwrap_or_default(),
        }
    }
}

impl<'a> Text<'a> {
    pub fn coded(&self) -> Coded<'a> {
        match *self {
            Text::Dictionary(c) => Coded {
                codes: c.physical().iter().collect(),
                dictionary: Some(c),
                plain: Vec::new(),
            },
            Text::Plain(s) => {
                let (codes, plain) = crate::ingest::row::interned(s.iter());
                Coded {
                    codes,
                    dictionary: None,
                    plain,
                }
            }
        }
    }
}

/// Per row, the year and the month (1–12).
pub type YearsMonths = (Vec<Option<i32>>, Vec<Option<i8>>);

/// The year and the month (1–12) of each date of a date column, from its day numbers by
/// integer arithmetic (`civil_from_days`): a `NaiveDate` per row cost more than the
/// counting it fed, and polars' own `year()`/`month()` go through chrono per row too.
pub fn years_months(df: &DataFrame, name: &str) -> Result<YearsMonths> {
    let c = df
        .column(name)
        .map_err(err)?
        .cast(&DataType::Date)
        .map_err(err)?;
    let days = c.date().map_err(err)?.physical();
    let n = days.len();
    let (mut years, mut months) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for d in days.iter() {
        let ym = d.map(civil_from_days);
        years.push(ym.map(|(y, _)| y));
        months.push(ym.map(|(_, m)| m as i8));
    }
    Ok((years, months))
}

/// The year and month (1–12) of a day number counted from 1970-01-01 in the proleptic
/// Gregorian calendar: Howard Hinnant's `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>), which shifts the year to
/// start in March so that the leap day is the year's last.
pub fn civil_from_days(days: i32) -> (i32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // day of the 400-year era, 0..=146 096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32)
}

/// A text column, borrowed: for tables as long as the canonical ones, where a copy of
/// every value as a `String` would cost more memory than the column itself.
pub fn str_col<'a>(df: &'a DataFrame, name: &str) -> Result<Text<'a>> {
    let c = df
        .column(name)
        .map_err(|e| Error::polars(format!("kolonnen {name}"), e))?;
    match c.dtype() {
        DataType::Categorical(..) => c.cat32().map(Text::Dictionary),
        _ => c.str().map(Text::Plain),
    }
    .map_err(|e| Error::polars(format!("kolonnen {name}"), e))
}

pub fn strs(df: &DataFrame, name: &str) -> Result<Vec<Option<String>>> {
    let c = df
        .column(name)
        .map_err(err)?
        .cast(&DataType::String)
        .map_err(err)?;
    Ok(c.str()
        .map_err(err)?
        .iter()
        .map(|v| v.map(String::from))
        .collect())
}

pub fn f64s(df: &DataFrame, name: &str) -> Result<Vec<Option<f64>>> {
    let c = df
        .column(name)
        .map_err(err)?
        .cast(&DataType::Float64)
        .map_err(err)?;
    Ok(c.f64().map_err(err)?.iter().collect())
}

pub fn i64s(df: &DataFrame, name: &str) -> Result<Vec<Option<i64>>> {
    let c = df
        .column(name)
        .map_err(err)?
        .cast(&DataType::Int64)
        .map_err(err)?;
    Ok(c.i64().map_err(err)?.iter().collect())
}

pub fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

/// A date column's day numbers (days since 1970-01-01).
fn day_numbers(df: &DataFrame, name: &str) -> Result<Int32Chunked> {
    let c = df
        .column(name)
        .map_err(err)?
        .cast(&DataType::Int32)
        .map_err(err)?;
    Ok(c.i32().map_err(err)?.clone())
}

/// The date of a day number. Day 719 163 of the common era is 1970-01-01 (chrono's own
/// example); one addition, where a `Duration` added to the epoch went through seconds.
pub fn date_of_day(d: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(d.checked_add(719_163)?)
}

/// The latest date of a date column, from polars' own maximum of the day numbers: the
/// report year is chosen from it before any analysis runs, on one core, and a
/// national-x10 deviation table as one `NaiveDate` per row was 111 MB of fresh memory.
pub fn max_date(df: &DataFrame, name: &str) -> Result<Option<NaiveDate>> {
    Ok(day_numbers(df, name)?.max().and_then(date_of_day))
}

pub fn dates(df: &DataFrame, name: &str) -> Result<Vec<Option<NaiveDate>>> {
    Ok(day_numbers(df, name)?
        .iter()
        .map(|d| d.and_then(date_of_day))
        .collect())
}

/// A column builder for result frames.
pub enum Col<'a> {
    Str(&'static str, Vec<Option<String>>),
    /// Text borrowed from the analysis' own keys: a long result (a row per municipality,
    /// sector and month) without a `String` per row.
    Text(&'static str, Vec<Option<&'a str>>),
    Int(&'static str, Vec<Option<i64>>),
    F64(&'static str, Vec<Option<f64>>),
    Date(&'static str, Vec<Option<NaiveDate>>),
    /// A float column whose name is made at run time.
    F64Named(String, Vec<Option<f64>>),
    /// A text column whose name is made at run time.
    StrNamed(String, Vec<Option<String>>),
}

/// Build a frame from columns of equal length.
pub fn frame(cols: Vec<Col<'_>>) -> Result<DataFrame> {
    let height = match cols.first() {
        Some(Col::Str(_, v)) => v.len(),
        Some(Col::Text(_, v)) => v.len(),
        Some(Col::Int(_, v)) => v.len(),
        Some(Col::F64(_, v)) => v.len(),
        Some(Col::Date(_, v)) => v.len(),
        Some(Col::F64Named(_, v)) => v.len(),
        Some(Col::StrNamed(_, v)) => v.len(),
        None => 0,
    };
    let columns: Vec<Column> = cols
        .into_iter()
        .map(|c| match c {
            Col::Str(n, v) => Ok(Column::new(n.into(), v)),
            Col::Text(n, v) => Ok(Column::new(n.into(), v)),
            Col::Int(n, v) => Ok(Column::new(n.into(), v)),
            Col::F64(n, v) => Ok(Column::new(n.into(), v)),
            Col::F64Named(n, v) => Ok(Column::new(n.into(), v)),
            Col::StrNamed(n, v) => Ok(Column::new(n.into(), v)),
            Col::Date(n, v) => Column::new(
                n.into(),
                v.into_iter()
                    .map(|d| d.map(|d| (d - epoch()).num_days() as i32))
                    .collect::<Vec<_>>(),
            )
            .cast(&DataType::Date)
            .map_err(err),
        })
        .collect::<Result<_>>()?;
    DataFrame::new(height, columns).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report year's source: the latest date, nulls skipped, none in an empty or
    /// all-blank column.
    #[test]
    fn max_date_is_the_latest_date_and_skips_blanks() {
        // 2025-02-14 is day 20 133 after 1970-01-01; 2024-12-31 is day 20 088.
        let df = df!("d" => [Some(20_088i32), None, Some(20_133), Some(-1)]).unwrap();
        let df = df
            .lazy()
            .select([col("d").cast(DataType::Date)])
            .collect()
            .unwrap();
        assert_eq!(
            max_date(&df, "d").unwrap(),
            NaiveDate::from_ymd_opt(2025, 2, 14)
        );
        let blank = df!("d" => [None::<i32>, None]).unwrap();
        assert_eq!(max_date(&blank, "d").unwrap(), None);
    }

    #[test]
    fn civil_from_days_agrees_with_the_calendar() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        // Every day from 1600 to 2400 (leap centuries 1600, 2000 and 2400 included) and
        // a stride beyond.
        let days = (-135_140..157_000).chain((-3_000_000..3_000_000).step_by(997));
        for n in days {
            let d = epoch + chrono::Duration::days(n);
            use chrono::Datelike;
            assert_eq!(
                civil_from_days(n as i32),
                (d.year(), d.month()),
                "day {n}: {d}"
            );
        }
        assert_eq!(civil_from_days(0), (1970, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2)); // 2000-02-29
        assert_eq!(civil_from_days(-1), (1969, 12));
    }

    #[test]
    fn dates_are_the_calendar_days_of_the_day_numbers() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        let df = df!("month" => [Some(0i32), Some(-1), Some(11_016), Some(20_089), None])
            .unwrap()
            .lazy()
            .with_column(col("month").cast(DataType::Date))
            .collect()
            .unwrap();
        assert_eq!(
            dates(&df, "month").unwrap(),
            [
                d(1970, 1, 1),
                d(1969, 12, 31),
                d(2000, 2, 29),
                d(2025, 1, 1),
                None
            ]
        );
    }

    #[test]
    fn text_coded_from_plain_or_dictionary_names_every_row() {
        let values = [Some("Helse"), None, Some("Skole"), Some("Helse")];
        let plain = df!("sector" => values).unwrap();
        let dict = crate::catalog::dictionary_encoded(plain.clone()).unwrap();
        assert!(matches!(
            dict.column("sector").unwrap().dtype(),
            DataType::Categorical(..)
        ));
        for df in [&plain, &dict] {
            let c = str_col(df, "sector").unwrap().coded();
            let named: Vec<Option<&str>> = c.codes.iter().map(|k| k.map(|k| c.text(k))).collect();
            assert_eq!(named, values);
            // The same text has the same code; different texts differ.
            assert_eq!(c.codes[0], c.codes[3]);
            assert_ne!(c.codes[0], c.codes[2]);
        }
        let d = df!("d" => [Some(20_089i32), None]).unwrap(); // 2025-01-01
        let d = d
            .lazy()
            .select([col("d").cast(DataType::Date)])
            .collect()
            .unwrap();
        assert_eq!(
            years_months(&d, "d").unwrap(),
            (vec![Some(2025), None], vec![Some(1), None])
        );
    }
}
