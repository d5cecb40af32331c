//! Parquet input: read with polars and presented as a text grid (row 1 is the column
//! names), so that Parquet files go through the same header matching and value checks
//! as CSV and spreadsheets. Dates become ISO text, which the date reader accepts.

use super::grid::{Grid, Rows};
use polars::prelude::*;

/// Read a Parquet file into a grid; the error is polars' message.
pub fn read(bytes: Vec<u8>) -> Result<Grid, String> {
    let df = ParquetReader::new(std::io::Cursor::new(bytes))
        .finish()
        .map_err(|e| e.to_string())?;
    let mut header = csv::StringRecord::new();
    let mut cols = Vec::with_capacity(df.width());
    for c in df.columns() {
        header.push_field(c.name());
        let s = c
            .as_materialized_series()
            .cast(&DataType::String)
            .map_err(|e| e.to_string())?;
        cols.push(s.str().map_err(|e| e.to_string())?.clone());
    }
    let mut rows = Vec::with_capacity(df.height() + 1);
    rows.push((1u64, header));
    for i in 0..df.height() {
        let mut rec = csv::StringRecord::new();
        for c in &cols {
            rec.push_field(c.get(i).unwrap_or(""));
        }
        rows.push((i as u64 + 2, rec));
    }
    Ok(Grid {
        sheet: None,
        rows: Rows::Text(rows),
        date1904: false,
    })
}
