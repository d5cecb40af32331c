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
    if x.fract() == 0.0 && x.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(x as i64));
        return;
    }
    // As `Display` writes it (`super::ryu_display`: a national `deviation_spc` has
    // ~900 000 fractions).
    let mut b = ryu::Buffer::new();
    match super::ryu_display(x, &mut b) {
        Some(s) => out.push_str(s),
        None => {
            let _ = write!(out, "{x}");
        }
    }
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
                // dd.mm.yyyy, digit by digit (a national table has ~300 000 dates).
                let (day, month, year) = (d.day(), d.month(), d.year());
                if (0..10_000).contains(&year) {
                    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
                    let y = year as u32;
                    for c in [
                        digit(day / 10),
                        digit(day),
                        '.',
                        digit(month / 10),
                        digit(month),
                        '.',
                        digit(y / 1000),
                        digit(y / 100),
                        digit(y / 10),
                        digit(y),
                    ] {
                        out.push(c);
                    }
                } else {
                    let _ = write!(out, "{day:02}.{month:02}.{year:04}");
                }
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
    let mut header = String::new();
    record(&mut header, m.df.get_column_names(), |out, name| {
        out.push_str(name)
    });
    out.write_all(header.as_bytes())?;
    let height = m.df.height();
    let blocks: Vec<std::ops::Range<usize>> = (0..height)
        .step_by(super::CELL_BLOCK)
        .map(|from| from..(from + super::CELL_BLOCK).min(height))
        .collect();
    // A few blocks per core at a time: the memory held is a few blocks of text, not the
    // whole file.
    let window = 2 * rayon::current_num_threads().max(1);
    for group in blocks.chunks(window) {
        let texts: Vec<String> = group
            .par_iter()
            .map(|rows| rows_csv(m, metas, threshold, rows.clone()))
            .collect();
        for t in texts {
            out.write_all(t.as_bytes())?;
        }
    }
    Ok(())
}

/// The CSV records of the frame's rows `rows` (no header).
fn rows_csv(
    m: &Masked,
    metas: &[ColumnMeta],
    threshold: i64,
    rows: std::ops::Range<usize>,
) -> String {
    let mut out = String::with_capacity(rows.len() * 64);
    let cols = m.df.columns();
    let hidden: Vec<Option<&Vec<bool>>> = cols
        .iter()
        .map(|c| m.hidden.get(c.name().as_str()))
        .collect();
    let width = metas.len().min(cols.len());
    for (block, cells) in super::cell_blocks(&m.df, rows) {
        for i in block.clone() {
            record(
                &mut out,
                metas.iter().enumerate().take(width),
                |out, (j, meta)| {
                    let h = hidden[j].is_some_and(|h| h[i]).then_some(threshold);
                    cell_into(out, &cells[j].value(i - block.start), meta.kind, h);
                },
            );
        }
    }
    out
}

/// One record appended to `out`, each field written by `field` straight into `out`, as
/// the `csv` crate writes it with `;` and CRLF (`QuoteStyle::Necessary`, read from
/// csv-core 0.1.13): a field holding `;`, `"`, CR or LF is quoted with its quotes
/// doubled, and a record of no bytes is `""`. Through `csv::Writer` every cell was
/// formatted into a buffer of its own and copied again after a second scan (~2 % of a
/// national run's CPU).
fn record<T>(
    out: &mut String,
    fields: impl IntoIterator<Item = T>,
    mut field: impl FnMut(&mut String, T),
) {
    let start = out.len();
    for (j, f) in fields.into_iter().enumerate() {
        if j > 0 {
            out.push(';');
        }
        let from = out.len();
        field(out, f);
        quote_from(out, from);
    }
    if out.len() == start {
        out.push_str("\"\"");
    }
    out.push_str("\r\n");
}

/// Quote the field `out[from..]` if it holds a byte CSV must quote (`;`, `"`, CR, LF),
/// doubling its quotes.
fn quote_from(out: &mut String, from: usize) {
    let special = |b: &u8| matches!(b, b';' | b'"' | b'\r' | b'\n');
    if !out.as_bytes()[from..].iter().any(special) {
        return;
    }
    let field = out.split_off(from);
    out.push('"');
    for (k, part) in field.split('"').enumerate() {
        if k > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `csv` crate's writer as the bundle's tables were written with it: the oracle
    /// of the quoting.
    fn csv_writer<W: std::io::Write>(out: W) -> csv::Writer<W> {
        csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(out)
    }

    /// The records are the bytes the `csv` crate writes for the same cells: quoted where
    /// a field holds `;`, `"`, CR or LF (quotes doubled, a formula's quote inside), and
    /// a record of one empty field as `""`.
    #[test]
    fn records_are_quoted_as_the_csv_crate_quotes_them() {
        let texts = [
            "Helse og velferd",
            "",
            "a;b",
            "si \"hei\"",
            "\"",
            "linje\r\nto",
            "linje\nto",
            "=1;2",
            "-\"x\"",
            "Nordbø; øst",
            ";",
        ];
        let n = texts.len();
        let df = df!(
            "tekst" => texts.iter().map(|t| (!t.is_empty()).then_some(*t)).collect::<Vec<_>>(),
            "antall" => (0..n as i64).collect::<Vec<_>>(),
        )
        .unwrap();
        let metas = vec![
            ColumnMeta::new("tekst", ColumnKind::Text, Default::default()),
            ColumnMeta::new("antall", ColumnKind::Count, Default::default()),
        ];
        let table = Masked {
            df: df.clone(),
            hidden: Default::default(),
        };
        let mut want = csv_writer(Vec::new());
        want.write_record(["tekst", "antall"]).unwrap();
        for (i, t) in texts.iter().enumerate() {
            let text = cell(&AnyValue::String(t), ColumnKind::Text, None);
            want.write_record([text, i.to_string()]).unwrap();
        }
        let want = want.into_inner().unwrap();
        // The whole file: a byte-order mark, the header, the records.
        assert_eq!(
            write(&table, &metas, 5),
            [&[0xEF, 0xBB, 0xBF][..], &want].concat()
        );
        assert!(String::from_utf8_lossy(&want).contains("\"'=1;2\""));

        // One column: an empty cell is a record of its own, `""`.
        let one = Masked {
            df: df.select(["tekst"]).unwrap(),
            hidden: Default::default(),
        };
        let mut want = csv_writer(Vec::new());
        for t in texts {
            want.write_record([cell(&AnyValue::String(t), ColumnKind::Text, None)])
                .unwrap();
        }
        let want = want.into_inner().unwrap();
        assert_eq!(rows_csv(&one, &metas[..1], 5, 0..n).into_bytes(), want);
        assert!(want.starts_with(b"Helse og velferd\r\n\"\"\r\n"));
    }

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

    #[test]
    fn numbers_and_dates_are_the_text_display_writes() {
        // What the cell was before it was written digit by digit: `Display`, a comma for
        // the point, and dates through `chrono`.
        let display = |x: f64| {
            let t = if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{}", x as i64)
            } else {
                format!("{x}")
            };
            t.replacen('.', ",", 1)
        };
        let mut xs = vec![
            0.0,
            -0.0,
            0.1,
            0.2 + 0.1,
            1.0 / 3.0,
            -2.5,
            1e-7,
            1.5e-300,
            5e-324,
            123.456,
            0.038884007029876974,
            1e15,
            1e15 + 0.5,
            9_007_199_254_740_993.0,
            1e16,
            1.2e17,
            // Ties between two shortest texts: …562.25, …562.75, …495.5, …247.75.
            6_632_827_120_354_249.0 / 4.0,
            6_632_827_120_354_251.0 / 4.0,
            4_503_599_627_370_495.5,
            9_007_199_254_740_991.0 / 4.0,
            0.5,
            0.25,
            0.125,
            1e300,
            -1e21,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            xs.push(f64::from_bits(state));
            xs.push((state % 1_000_000) as f64 / 1000.0);
        }
        for x in xs {
            let mut got = String::new();
            number_into(&mut got, x);
            assert_eq!(got, display(x), "{x:e}");
        }
        for day in [-719_162, -1, 0, 20_133, 2_932_896, 2_932_897] {
            let want = format::date_of(day)
                .map(|d| {
                    use chrono::Datelike;
                    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
                })
                .unwrap_or_default();
            assert_eq!(cell(&AnyValue::Date(day), ColumnKind::Date, None), want);
        }
    }
}
