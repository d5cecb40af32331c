//! Cells as the reader sees them, by the column's kind in the registry: `1 234`,
//! `19,6 %`, `14.02.2025`, `mars 2025`, and `<5` / `–` where disclosure control hid a
//! count / a share or mean (03-report.md).

use crate::analytics::registry::ColumnKind;
use crate::i18n::{Lang, num};
use chrono::NaiveDate;
use polars::prelude::*;

/// A cell's display text. `hidden` cells show `<threshold` for counts, `–` otherwise.
pub fn cell(
    v: &AnyValue,
    kind: ColumnKind,
    decimals: u32,
    lang: Lang,
    hidden: Option<i64>,
) -> String {
    if let Some(t) = hidden {
        return match kind {
            ColumnKind::Count => format!("<{t}"),
            _ => "–".into(),
        };
    }
    match v {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => crate::i18n::value_text(s, lang),
        AnyValue::StringOwned(s) => crate::i18n::value_text(s, lang),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Date(d) => match date_of(*d) {
            Some(d) if kind == ColumnKind::Month => month(d, lang),
            Some(d) => num::date(d, lang),
            None => String::new(),
        },
        v => match number(v) {
            Some(x) => match kind {
                ColumnKind::Share => num::percent(x, decimals, lang),
                ColumnKind::Code => {
                    if x.fract() == 0.0 {
                        format!("{}", x as i64)
                    } else {
                        x.to_string()
                    }
                }
                _ => num::decimal(x, decimals, lang),
            },
            None => v.to_string(),
        },
    }
}

/// A numeric AnyValue as f64.
pub fn number(v: &AnyValue) -> Option<f64> {
    match v {
        AnyValue::Int8(x) => Some(*x as f64),
        AnyValue::Int16(x) => Some(*x as f64),
        AnyValue::Int32(x) => Some(*x as f64),
        AnyValue::Int64(x) => Some(*x as f64),
        AnyValue::UInt8(x) => Some(*x as f64),
        AnyValue::UInt16(x) => Some(*x as f64),
        AnyValue::UInt32(x) => Some(*x as f64),
        AnyValue::UInt64(x) => Some(*x as f64),
        AnyValue::Float32(x) => Some(*x as f64),
        AnyValue::Float64(x) => Some(*x),
        _ => None,
    }
}

/// Days since 1970-01-01 as a date (the analyses' own conversion).
pub use crate::analytics::frame::date_of_day as date_of;

/// A month: "mars 2025" / "March 2025".
pub fn month(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let names = crate::i18n::message(lang, "month-long", None);
    let name = names
        .split(',')
        .nth(d.month0() as usize)
        .map(str::trim)
        .unwrap_or("");
    format!("{name} {}", d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_their_kind() {
        let nb = Lang::Nb;
        let c = |v: AnyValue, k: ColumnKind, d: u32| cell(&v, k, d, nb, None);
        assert_eq!(c(AnyValue::Int64(1234), ColumnKind::Count, 0), "1\u{a0}234");
        assert_eq!(
            c(AnyValue::Float64(0.196), ColumnKind::Share, 1),
            "19,6\u{a0}%"
        );
        assert_eq!(c(AnyValue::Int32(2025), ColumnKind::Code, 0), "2025");
        assert_eq!(c(AnyValue::Float64(12.25), ColumnKind::Days, 0), "12");
        assert_eq!(c(AnyValue::Float64(0.0123), ColumnKind::Mean, 3), "0,012");
        assert_eq!(
            cell(&AnyValue::Int64(3), ColumnKind::Count, 0, nb, Some(5)),
            "<5"
        );
        assert_eq!(
            cell(&AnyValue::Null, ColumnKind::Share, 1, nb, Some(5)),
            "–"
        );
        let d = (NaiveDate::from_ymd_opt(2025, 2, 14).unwrap()
            - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap())
        .num_days() as i32;
        assert_eq!(c(AnyValue::Date(d), ColumnKind::Date, 0), "14.02.2025");
    }
}
