//! `tables/<name>.csv` and `data-quality.csv`, for Norwegian Excel by double-click:
//! UTF-8 with a byte-order mark (else Excel reads Windows-1252), `;` between fields,
//! decimal comma, dates as `14.02.2025`, CRLF. Numbers keep their full value (a share is
//! `0,196`, as stored); hidden cells are `<5` / `–`; text that Excel would run as a
//! formula is neutralised.

use crate::analytics::registry::{ColumnKind, ColumnMeta};
use crate::report::format;
use crate::report::privacy::Masked;
use polars::prelude::*;

/// A number with a decimal comma and no grouping, so Excel reads it as a number.
fn number(x: f64) -> String {
    let s = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    };
    // Excel reads an ASCII hyphen as minus; the typographic minus is for the report.
    s.replace('.', ",")
}

/// One cell as CSV text.
pub fn cell(v: &AnyValue, kind: ColumnKind, hidden: Option<i64>) -> String {
    if let Some(t) = hidden {
        return if kind == ColumnKind::Count {
            format!("<{t}")
        } else {
            "–".into()
        };
    }
    match v {
        AnyValue::Null => String::new(),
        AnyValue::Date(d) => format::date_of(*d)
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default(),
        AnyValue::String(s) => super::neutralise(s),
        AnyValue::StringOwned(s) => super::neutralise(s),
        AnyValue::Boolean(b) => if *b { "1" } else { "0" }.into(),
        v => match format::number(v) {
            Some(x) => number(x),
            None => super::neutralise(&v.to_string()),
        },
    }
}

/// A whole table as CSV bytes.
pub fn write(m: &Masked, metas: &[ColumnMeta], threshold: i64) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let _ = w.write_record(m.df.get_column_names().iter().map(|c| c.as_str()));
        let cols = m.df.columns();
        let cells: Vec<super::Cells> = cols.iter().map(super::Cells::of).collect();
        let hidden: Vec<Option<&Vec<bool>>> = cols
            .iter()
            .map(|c| m.hidden.get(c.name().as_str()))
            .collect();
        let mut rec: Vec<String> = Vec::with_capacity(cols.len());
        for i in 0..m.df.height() {
            rec.clear();
            for (j, meta) in metas.iter().enumerate().take(cols.len()) {
                let h = hidden[j].is_some_and(|h| h[i]).then_some(threshold);
                let v = cells[j].value(i);
                rec.push(cell(&v, meta.kind, h));
            }
            let _ = w.write_record(&rec);
        }
        let _ = w.flush();
    }
    out
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
    }
}
