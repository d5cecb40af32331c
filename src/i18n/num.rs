//! Numbers and dates as a reader of the report language expects them.
//!
//! Norwegian (Språkrådet's rules, used by SSB and the municipalities' own reports):
//! thousands grouped with a non-breaking space (`1 234`), decimal comma (`19,6`), a space
//! before the percent sign (`19,6 %`), the minus sign U+2212 (`−3`) and dates as
//! `14.02.2025`. English: `1,234`, `19.6%`, `−3`, and ISO dates (`2025-02-14`), which read
//! unambiguously to any English reader of a Norwegian report.
//!
//! Rounding is half away from zero on the decimal value, as Excel's ROUND does: the
//! analyst who checks a figure in Excel sees the same digit. Rust's `{:.1}` rounds the
//! binary value (0.25 → "0.2", 1.005 → "1.00"); here the number is first taken to 15
//! significant digits, as Excel does, and then rounded in decimal.

use super::Lang;
use chrono::NaiveDate;

/// Non-breaking space: keeps `1 234` and `19,6 %` on one line.
pub const NBSP: char = '\u{a0}';
/// The minus sign (U+2212), which screen readers read as "minus" and which does not
/// break from its number.
pub const MINUS: char = '\u{2212}';

/// `x` rounded half away from zero to `decimals` decimals, as (negative, integer of the
/// scaled value): 0.25 with 1 decimal → (false, 3).
fn round_scaled(x: f64, decimals: u32) -> (bool, u128) {
    if !x.is_finite() || x == 0.0 {
        return (false, 0);
    }
    // 15 significant digits, as Excel keeps: d.dddddddddddddde±X
    let s = format!("{:.14e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: u128 = mant.replace('.', "").parse().unwrap_or(0);
    let exp: i32 = exp.parse().unwrap_or(0);
    let shift = exp - 14 + decimals as i32;
    let n = if shift >= 0 {
        digits.saturating_mul(10u128.saturating_pow(shift.min(38) as u32))
    } else if shift < -38 {
        0
    } else {
        let div = 10u128.pow((-shift) as u32);
        let (q, r) = (digits / div, digits % div);
        if r * 2 >= div { q + 1 } else { q }
    };
    (x < 0.0 && n != 0, n)
}

/// Group the digits of an integer text by three.
fn group(int: &str, sep: char) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A number with `decimals` decimals in the language's style: `1 234,5` / `1,234.5`.
pub fn decimal(x: f64, decimals: u32, lang: Lang) -> String {
    if x.is_nan() {
        return "–".into();
    }
    let (neg, n) = round_scaled(x, decimals);
    let s = n.to_string();
    let d = decimals as usize;
    let (int, frac) = if d == 0 {
        (s.as_str().to_string(), String::new())
    } else {
        let padded = format!("{s:0>w$}", w = d + 1);
        let (a, b) = padded.split_at(padded.len() - d);
        (a.to_string(), b.to_string())
    };
    let (sep, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Nb | Lang::Nn => (NBSP, ','),
    };
    let mut out = String::new();
    if neg {
        out.push(MINUS);
    }
    out.push_str(&group(&int, sep));
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

/// A whole number: `1 234` / `1,234`.
pub fn int(n: i64, lang: Lang) -> String {
    decimal(n as f64, 0, lang)
}

/// A fraction as a percentage with `decimals` decimals: 0.196 → `19,6 %` / `19.6%`.
pub fn percent(fraction: f64, decimals: u32, lang: Lang) -> String {
    let n = decimal(fraction * 100.0, decimals, lang);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Nb | Lang::Nn => format!("{n}{NBSP}%"),
    }
}

/// A date: `14.02.2025` (Norwegian) or `2025-02-14` (English).
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        Lang::Nb | Lang::Nn => d.format("%d.%m.%Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_style_and_excel_rounding() {
        let nb = Lang::Nb;
        assert_eq!(int(1234, nb), "1\u{a0}234");
        assert_eq!(int(1_234_567, nb), "1\u{a0}234\u{a0}567");
        assert_eq!(int(-3, nb), "\u{2212}3");
        assert_eq!(int(0, nb), "0");
        assert_eq!(percent(0.196, 1, nb), "19,6\u{a0}%");
        // Half away from zero on the decimal value (Excel's ROUND), not on the binary one.
        assert_eq!(decimal(0.25, 1, nb), "0,3");
        assert_eq!(decimal(0.15, 1, nb), "0,2");
        assert_eq!(decimal(1.005, 2, nb), "1,01");
        assert_eq!(decimal(2.675, 2, nb), "2,68");
        assert_eq!(decimal(-0.25, 1, nb), "\u{2212}0,3");
        assert_eq!(decimal(-0.04, 1, nb), "0,0");
        assert_eq!(decimal(0.05, 1, nb), "0,1");
        assert_eq!(decimal(1e-20, 1, nb), "0,0");
        assert_eq!(decimal(123456.789, 1, Lang::En), "123,456.8");
        assert_eq!(percent(0.5, 0, Lang::En), "50%");
        let d = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
        assert_eq!(date(d, nb), "14.02.2025");
        assert_eq!(date(d, Lang::En), "2025-02-14");
    }
}
