//! Parquet input: read with polars and presented as a text grid (row 1 is the column
//! names), so that Parquet files go through the same header matching and value checks
//! as CSV and spreadsheets. Dates become ISO text, which the date reader accepts.

use super::grid::{Grid, Rows, TextRows};
use polars::prelude::*;

/// Why a Parquet file could not be read.
#[derive(Debug)]
pub enum ParquetError {
    /// polars' message.
    Unreadable(String),
    /// More than 4 GiB of text.
    TooLarge,
}

/// Read a Parquet file into a grid.
pub fn read(bytes: Vec<u8>) -> Result<Grid, ParquetError> {
    let unreadable = |e: PolarsError| ParquetError::Unreadable(e.to_string());
    let df = ParquetReader::new(std::io::Cursor::new(bytes))
        .finish()
        .map_err(unreadable)?;
    let mut cols = Vec::with_capacity(df.width());
    let names: Vec<String> = df.columns().iter().map(|c| c.name().to_string()).collect();
    for c in df.columns() {
        let s = c
            .as_materialized_series()
            .cast(&DataType::String)
            .map_err(unreadable)?;
        cols.push(s.str().map_err(unreadable)?.clone());
    }
    let mut rows = TextRows::default();
    rows.push(1, 0, names.iter().map(String::as_str));
    for i in 0..df.height() {
        if !rows.push(i as u64 + 2, 0, cols.iter().map(|c| c.get(i).unwrap_or(""))) {
            return Err(ParquetError::TooLarge);
        }
    }
    Ok(Grid {
        sheet: None,
        rows: Rows::Text(rows),
        date1904: false,
    })
}
