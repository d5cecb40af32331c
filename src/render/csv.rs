//! `tables/<name>.csv` and `data-quality.csv`, for Norwegian Excel by double-click:
//! UTF-8 with a byte-order mark (else Excel reads Windows-1252), `;` between fields,
//! decimal comma, dates as `14.02.2025`, CRLF. Numbers keep their full value (a share is
//! `0,196`, as stored); hidden cells are `<5` / `–`; text that Excel would run as a
//! formula is neutralised.

use crate::analytics::registry::{ColumnKind, ColumnMeta};
use crate::report::format;
use crate::report::privacy::Masked;
use polars::prelude::*;

/// A number with a decimal comma and no grouping, so Excel reads it as a number,
/// appended to `out`.
fn number_into(out: &mut String, x: f64) {
    use std::fmt::Write;
    let from = out.len();
    let _ = if x.fract() == 0.0 && x.abs() < 1e15 {
        write!(out, "{}", x as i64)
    } else {
        write!(out, "{x}")
    };
    // Excel reads an ASCII hyphen as minus; the typographic minus is for the report.
    if let Some(dot) = out[from..].find('.') {
        out.replace_range(from + dot..from + dot + 1, ",");
    }
}

/// One cell as CSV text, appended to `out` (a buffer reused for every cell of a table:
/// a national table has millions).
fn cell_into(out: &mut String, v: &AnyValue, kind: ColumnKind, hidden: Option<i64>) {
    use std::fmt::Write;
    if let Some(t) = hidden {
        if kind == ColumnKind::Count {
            let _ = write!(out, "<{t}");
        } else {
            out.push('–');
        }
        return;
    }
    match v {
        AnyValue::Null => {}
        AnyValue::Date(d) => {
            if let Some(d) = format::date_of(*d) {
                use chrono::Datelike;
                let _ = write!(out, "{:02}.{:02}.{:04}", d.day(), d.month(), d.year());
            }
        }
        AnyValue::String(s) => text_into(out, s),
        AnyValue::StringOwned(s) => text_into(out, s),
        AnyValue::Boolean(b) => out.push(if *b { '1' } else { '0' }),
        v => match format::number(v) {
            Some(x) => number_into(out, x),
            None => text_into(out, &v.to_string()),
        },
    }
}

/// Text appended to `out`, with a quote before what a spreadsheet would run as a formula
/// (`super::is_formula_like`).
fn text_into(out: &mut String, s: &str) {
    if super::is_formula_like(s) {
        out.push('\'');
    }
    out.push_str(s);
}

/// One cell as CSV text.
pub fn cell(v: &AnyValue, kind: ColumnKind, hidden: Option<i64>) -> String {
    let mut out = String::new();
    cell_into(&mut out, v, kind, hidden);
    out
}

/// A whole table as CSV bytes.
pub fn write(m: &Masked, metas: &[ColumnMeta], threshold: i64) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_to(&mut out, m, metas, threshold);
    out
}

/// As `write`, into any writer: the bundle streams each table into its file (a national-x10
/// `deviation_spc` is 180 MB of CSV, which as one buffer was grown by doubling and its
/// fresh pages faulted in). The rows are formatted a block at a time on every core and
/// written in order: formatting is the costly part, and a national-x10 `deviation_spc`
/// formatted on one core was the bundle's last 1.5 s with the other core idle.
pub fn write_to<W: std::io::Write>(
    mut out: W,
    m: &Masked,
    metas: &[ColumnMeta],
    threshold: i64,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    out.write_all(&[0xEF, 0xBB, 0xBF])?;
    {
        let mut w = csv_writer(&mut out);
        w.write_record(m.df.get_column_names().iter().map(|c| c.as_str()))?;
        w.flush()?;
    }
    let height = m.df.height();
    let blocks: Vec<std::ops::Range<usize>> = (0..height)
        .step_by(super::CELL_BLOCK)
        .map(|from| from..(from + super::CELL_BLOCK).min(height))
        .collect();
    // A few blocks per core at a time: the memory held is a few blocks of text, not the
    // whole file.
    let window = 2 * rayon::current_num_threads().max(1);
    for group in blocks.chunks(window) {
        let texts: Vec<std::io::Result<Vec<u8>>> = group
            .par_iter()
            .map(|rows| rows_csv(m, metas, threshold, rows.clone()))
            .collect();
        for t in texts {
            out.write_all(&t?)?;
        }
    }
    Ok(())
}

/// The `;`-separated, CRLF-terminated writer every part of a table is written with.
fn csv_writer<W: std::io::Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The CSV records of the frame's rows `rows` (no header).
fn rows_csv(
    m: &Masked,
    metas: &[ColumnMeta],
    threshold: i64,
    rows: std::ops::Range<usize>,
) -> std::io::Result<Vec<u8>> {
    let mut w = csv_writer(Vec::with_capacity(rows.len() * 64));
    let cols = m.df.columns();
    let hidden: Vec<Option<&Vec<bool>>> = cols
        .iter()
        .map(|c| m.hidden.get(c.name().as_str()))
        .collect();
    // One buffer per column, cleared and refilled for every row: no allocation per cell.
    let width = metas.len().min(cols.len());
    let mut rec: Vec<String> = vec![String::new(); width];
    for (block, cells) in super::cell_blocks(&m.df, rows) {
        for i in block.clone() {
            for (j, meta) in metas.iter().enumerate().take(width) {
                let h = hidden[j].is_some_and(|h| h[i]).then_some(threshold);
                rec[j].clear();
                cell_into(&mut rec[j], &cells[j].value(i - block.start), meta.kind, h);
            }
            w.write_record(&rec)?;
        }
    }
    w.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dates_and_formulas() {
        assert_eq!(
            cell(&AnyValue::Float64(0.196), ColumnKind::Share, None),
            "0,196"
        );
        assert_eq!(
            cell(&AnyValue::Int64(1234), ColumnKind::Count, None),
            "1234"
        );
        assert_eq!(
            cell(&AnyValue::Float64(-2.5), ColumnKind::Mean, None),
            "-2,5"
        );
        assert_eq!(cell(&AnyValue::Int64(3), ColumnKind::Count, Some(5)), "<5");
        assert_eq!(
            cell(
                &AnyValue::String("=HYPERLINK(\"x\")"),
                ColumnKind::Text,
                None
            ),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(cell(&AnyValue::String("-2"), ColumnKind::Text, None), "'-2");
        // 2025-02-14 is day 20 133 after 1970-01-01.
        assert_eq!(
            cell(&AnyValue::Date(20_133), ColumnKind::Date, None),
            "14.02.2025"
        );
        assert_eq!(cell(&AnyValue::Float64(12.0), ColumnKind::Days, None), "12");
        assert_eq!(cell(&AnyValue::Null, ColumnKind::Count, None), "");
        assert_eq!(cell(&AnyValue::Int64(3), ColumnKind::Share, Some(5)), "–");
    }
}
