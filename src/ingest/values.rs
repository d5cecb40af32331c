//! Reading cell values: dates, numbers, booleans, scales, enums and kommunenummer, with
//! the tolerance of 01-inputs.md ("Formats and tolerance"). Each parser returns the
//! value or the `Reason` it cannot be used.

use super::grid::Cell;
use super::headers::key;
use super::schema::EnumSpec;
use crate::i18n::Reason;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// Plausible dates: a date outside these years is a typo, not data.
const MIN_YEAR: i32 = 1950;
const MAX_YEAR: i32 = 2100;

/// Excel serial day → date. The 1900 system counts from 1899-12-30 (Excel wrongly treats
/// 1900 as a leap year, so every serial after 60 is one day off 1899-12-31); the 1904
/// system (old Mac workbooks) counts from 1904-01-01.
pub fn excel_serial_to_date(serial: f64, date1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let epoch = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    epoch.checked_add_signed(chrono::Duration::days(days))
}

fn plausible(d: NaiveDate) -> Result<NaiveDate, Reason> {
    if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(Reason::ImplausibleDate)
    }
}

/// Parse a date from a cell: real date cells, Excel serials (1900 or 1904 system), ISO
/// `2024-02-14`, `14.02.2024`, `14.2.2024`, `14.02.24`, `14/02/2024` (day first), with an
/// optional time part (the date part is used).
pub fn parse_date(cell: Cell<'_>, date1904: bool) -> Result<NaiveDate, Reason> {
    match cell {
        Cell::DateTime(dt) => plausible(dt.date()),
        Cell::Number(n) => excel_serial_to_date(n, date1904)
            .ok_or(Reason::NotADate)
            .and_then(plausible),
        Cell::Text(s) => parse_date_text(s),
        Cell::Bool(_) | Cell::Error => Err(Reason::NotADate),
        Cell::Empty => Err(Reason::RequiredBlank),
    }
}

/// Parse a date written as text.
pub fn parse_date_text(s: &str) -> Result<NaiveDate, Reason> {
    let s = s.trim();
    // Date-times: keep the date part ("2024-02-14T10:22:00", "14.02.2024 10:22").
    if s.is_empty() {
        return Err(Reason::RequiredBlank);
    }
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '/')))
        .unwrap_or(s.len());
    let (date_part, rest) = s.split_at(end);
    if date_part.is_empty() || !(rest.is_empty() || rest.starts_with(['T', ' ', ','])) {
        return Err(Reason::NotADate);
    }
    // An Excel serial that arrived as text (a CSV saved from a sheet with General format).
    if date_part.bytes().all(|b| b.is_ascii_digit()) && (4..=6).contains(&date_part.len()) {
        if let Ok(n) = date_part.parse::<f64>() {
            return excel_serial_to_date(n, false)
                .ok_or(Reason::NotADate)
                .and_then(plausible);
        }
    }
    let (parts, iso): (Vec<&str>, bool) = if date_part.contains('-') {
        (date_part.split('-').collect(), true)
    } else if date_part.contains('.') {
        (date_part.split('.').collect(), false)
    } else if date_part.contains('/') {
        (date_part.split('/').collect(), false)
    } else {
        return Err(Reason::NotADate);
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(Reason::NotADate);
    }
    let num = |p: &str| p.parse::<i64>().map_err(|_| Reason::NotADate);
    let (y, m, d) = if iso && parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if !iso || parts[2].len() == 4 || parts[2].len() == 2 {
        let mut y = num(parts[2])?;
        if parts[2].len() == 2 {
            // Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.
            y += if y < 70 { 2000 } else { 1900 };
        } else if parts[2].len() != 4 {
            return Err(Reason::NotADate);
        }
        (y, num(parts[1])?, num(parts[0])?)
    } else {
        return Err(Reason::NotADate);
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(Reason::NotADate);
    }
    let date = NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).ok_or(Reason::NoSuchDate)?;
    plausible(date)
}

/// Parse a number written with comma or point decimals and space, non-breaking space or
/// point thousand separators where unambiguous: `1 234,5`, `1.234,5`, `1,234.5`, `12,5`,
/// `1.234.567`. A single point with no comma is a decimal point.
pub fn parse_number_text(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if t.is_empty() {
        return None;
    }
    let commas = t.matches(',').count();
    let points = t.matches('.').count();
    let normal = match (commas, points) {
        (0, 0) | (0, 1) => t.clone(),
        (1, 0) => t.replace(',', "."),
        (0, _) => t.replace('.', ""),
        (_, 0) => {
            // "1,234,567": comma thousands.
            if thousands_grouped(&t, ',') {
                t.replace(',', "")
            } else {
                return None;
            }
        }
        _ => {
            let last_comma = t.rfind(',')?;
            let last_point = t.rfind('.')?;
            if last_comma > last_point {
                if commas != 1 {
                    return None;
                }
                t.replace('.', "").replace(',', ".")
            } else {
                if points != 1 {
                    return None;
                }
                t.replace(',', "")
            }
        }
    };
    let v: f64 = normal.parse().ok()?;
    v.is_finite().then_some(v)
}

fn thousands_grouped(t: &str, sep: char) -> bool {
    let groups: Vec<&str> = t.trim_start_matches('-').split(sep).collect();
    groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Parse a number cell.
pub fn parse_number(cell: Cell<'_>) -> Result<f64, Reason> {
    match cell {
        Cell::Number(n) => Ok(n),
        Cell::Text(s) => parse_number_text(s).ok_or(Reason::NotANumber),
        Cell::Empty => Err(Reason::RequiredBlank),
        _ => Err(Reason::NotANumber),
    }
}

/// Parse an integer within `min..=max` (a 1–5 scale: `7` is out of scale, `3,5` is not a
/// whole number, `høy` is not a number).
pub fn parse_scale(cell: Cell<'_>, min: i64, max: i64) -> Result<i64, Reason> {
    let v = parse_number(cell)?;
    if v.fract() != 0.0 {
        return Err(Reason::NotAnInteger);
    }
    let i = v as i64;
    if i < min || i > max {
        return Err(Reason::OutOfScale { min, max });
    }
    Ok(i)
}

/// Parse a boolean: ja/nei, j/n, yes/no, true/false, 1/0, x/blank (blank is false).
pub fn parse_bool(cell: Cell<'_>) -> Result<bool, Reason> {
    match cell {
        Cell::Bool(b) => Ok(b),
        Cell::Number(1.0) => Ok(true),
        Cell::Number(0.0) => Ok(false),
        Cell::Empty => Ok(false),
        Cell::Text(s) => match key(s).as_str() {
            "ja" | "j" | "yes" | "y" | "true" | "sann" | "1" | "x" => Ok(true),
            "nei" | "n" | "no" | "false" | "usann" | "0" | "" | "-" => Ok(false),
            _ => Err(Reason::NotABool),
        },
        _ => Err(Reason::NotABool),
    }
}

/// Parse severity 1–4: digits or the words of 01-inputs.md.
pub fn parse_severity(cell: Cell<'_>) -> Result<i64, Reason> {
    if let Cell::Text(s) = cell {
        let k = key(s);
        let word = match k.as_str() {
            "lav" | "ubetydelig" | "liten" | "lita" | "lite" => Some(1),
            "middels" | "moderat" => Some(2),
            "hoy" | "alvorlig" | "stor" => Some(3),
            "kritisk" | "svaert alvorlig" | "katastrofal" => Some(4),
            _ => None,
        };
        if let Some(w) = word {
            return Ok(w);
        }
        // "2 - middels", "3 Høy": a leading digit decides.
        if let Some(d) = k.chars().next().and_then(|c| c.to_digit(10)) {
            if k.len() > 1 && !k.as_bytes()[1].is_ascii_digit() && (1..=4).contains(&d) {
                return Ok(d as i64);
            }
        }
    }
    parse_scale(cell, 1, 4)
}

/// The outcome of reading an enum cell.
#[derive(Debug, PartialEq)]
pub enum EnumValue {
    Known(&'static str),
    /// An unknown value read as the enum's fallback: kept with a warning.
    Guessed(&'static str),
}

/// Match an enum value case-insensitively against canonical values and synonyms.
pub fn parse_enum(s: &str, spec: &'static EnumSpec) -> Result<EnumValue, Reason> {
    let k = key(s);
    for (canon, syn) in spec.values {
        if key(canon) == k || syn.iter().any(|x| key(x) == k) {
            return Ok(EnumValue::Known(canon));
        }
    }
    match spec.fallback {
        Some(f) => Ok(EnumValue::Guessed(f)),
        None => Err(Reason::UnknownEnum {
            allowed: spec.allowed(),
        }),
    }
}

/// Read a kommunenummer: four digits; a three-digit number gets its leading zero back
/// (Excel drops it: 301 → 0301).
pub fn parse_kommunenummer(cell: Cell<'_>) -> Result<String, Reason> {
    let s = match cell {
        Cell::Number(n) if n.fract() == 0.0 && n >= 0.0 => format!("{}", n as i64),
        Cell::Text(s) => s.trim().to_string(),
        Cell::Empty => return Err(Reason::RequiredBlank),
        _ => return Err(Reason::BadKommunenummer),
    };
    // "5001 Trondheim" and "K-5001": take the first run of digits.
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    match digits.len() {
        4 => Ok(digits),
        3 => Ok(format!("0{digits}")),
        _ => Err(Reason::BadKommunenummer),
    }
}

/// Collapse whitespace in a text cell; numbers are shown without a trailing `.0`.
pub fn parse_text(cell: Cell<'_>) -> Option<String> {
    parse_text_ref(cell).map(Cow::into_owned)
}

/// `parse_text`, borrowing the cell's text when it is already collapsed (nearly always:
/// ids and names are written without stray spaces), so that reading it allocates nothing.
pub fn parse_text_ref(cell: Cell<'_>) -> Option<Cow<'_, str>> {
    let s = match cell {
        Cell::Empty | Cell::Error => return None,
        Cell::Text(s) => collapse_whitespace(s),
        other => Cow::Owned(other.display()),
    };
    (!s.is_empty()).then_some(s)
}

/// Whitespace trimmed at both ends and each run of it inside made one space.
fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    // Collapsed already when every whitespace character is a single ' ' between two
    // other characters.
    let mut after_space = true;
    for c in s.chars() {
        let space = c.is_whitespace();
        if space && (after_space || c != ' ') {
            return Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        after_space = space;
    }
    if after_space && !s.is_empty() {
        return Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Cow::Borrowed(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_collapsed_and_borrowed_when_it_already_is() {
        for (raw, want, borrowed) in [
            ("Helse og velferd", "Helse og velferd", true),
            (
                "Bo- og aktivitetssenter Østmo",
                "Bo- og aktivitetssenter Østmo",
                true,
            ),
            ("  Helse  og\tvelferd ", "Helse og velferd", false),
            ("Helse\u{a0}og velferd", "Helse og velferd", false),
            ("Helse ", "Helse", false),
            (" ", "", false),
        ] {
            let got = collapse_whitespace(raw);
            assert_eq!(got, want, "{raw:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{raw:?}");
        }
        assert_eq!(parse_text(Cell::Text(" \t ")), None);
        assert_eq!(parse_text(Cell::Text(" AV-1 ")).as_deref(), Some("AV-1"));
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn every_date_form_of_the_spec_is_read() {
        for s in [
            "2024-02-14",
            "14.02.2024",
            "14.2.2024",
            "14.02.24",
            "14/02/2024",
            "2024-02-14T10:22:00",
            "14.02.2024 10:22",
        ] {
            assert_eq!(parse_date_text(s), Ok(d(2024, 2, 14)), "{s}");
        }
        assert_eq!(parse_date_text("31.02.2024"), Err(Reason::NoSuchDate));
        assert_eq!(parse_date_text("i går"), Err(Reason::NotADate));
        assert_eq!(parse_date_text("14.13.2024"), Err(Reason::NotADate));
        assert_eq!(parse_date_text("01.01.1024"), Err(Reason::ImplausibleDate));
    }

    #[test]
    fn excel_serials_in_both_epochs() {
        // 45336 is 2024-02-14 in the 1900 system (Excel: =DATE(2024;2;14) shows 45336);
        // the 1904 system is 1462 days behind.
        assert_eq!(parse_date(Cell::Number(45336.0), false), Ok(d(2024, 2, 14)));
        assert_eq!(
            parse_date(Cell::Number(45336.0 - 1462.0), true),
            Ok(d(2024, 2, 14))
        );
        assert_eq!(
            parse_date(Cell::Number(45336.75), false),
            Ok(d(2024, 2, 14))
        );
        assert_eq!(parse_date_text("45336"), Ok(d(2024, 2, 14)));
    }

    #[test]
    fn numbers_with_norwegian_and_english_separators() {
        assert_eq!(parse_number_text("3,5"), Some(3.5));
        assert_eq!(parse_number_text("1 234,5"), Some(1234.5));
        assert_eq!(parse_number_text("1\u{a0}234"), Some(1234.0));
        assert_eq!(parse_number_text("1.234,5"), Some(1234.5));
        assert_eq!(parse_number_text("1,234.5"), Some(1234.5));
        assert_eq!(parse_number_text("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number_text("12.5"), Some(12.5));
        assert_eq!(parse_number_text("høy"), None);
    }

    #[test]
    fn a_1_to_5_field_rejects_7_and_3_5_and_hoy() {
        assert_eq!(
            parse_scale(Cell::Text("7"), 1, 5),
            Err(Reason::OutOfScale { min: 1, max: 5 })
        );
        assert_eq!(
            parse_scale(Cell::Text("3,5"), 1, 5),
            Err(Reason::NotAnInteger)
        );
        assert_eq!(
            parse_scale(Cell::Text("høy"), 1, 5),
            Err(Reason::NotANumber)
        );
        assert_eq!(parse_scale(Cell::Text(" 4 "), 1, 5), Ok(4));
        assert_eq!(parse_scale(Cell::Number(2.0), 1, 5), Ok(2));
    }

    #[test]
    fn booleans_severity_enums_and_kommunenummer() {
        for (s, b) in [
            ("Ja", true),
            ("n", false),
            ("x", true),
            ("", false),
            ("TRUE", true),
            ("0", false),
        ] {
            assert_eq!(parse_bool(Cell::Text(s)), Ok(b), "{s}");
        }
        assert_eq!(parse_bool(Cell::Text("kanskje")), Err(Reason::NotABool));
        assert_eq!(parse_severity(Cell::Text("Høy")), Ok(3));
        assert_eq!(parse_severity(Cell::Text("Svært alvorlig")), Ok(4));
        assert_eq!(parse_severity(Cell::Text("2 - middels")), Ok(2));
        assert_eq!(
            parse_severity(Cell::Text("5")),
            Err(Reason::OutOfScale { min: 1, max: 4 })
        );
        use super::super::schema::{DEVIATION_SOURCE, MEASURE_STATUS};
        assert_eq!(
            parse_enum("Pårørende", &DEVIATION_SOURCE),
            Ok(EnumValue::Known("innbygger"))
        );
        assert_eq!(
            parse_enum("Statsforvalteren", &DEVIATION_SOURCE),
            Ok(EnumValue::Known("tilsyn"))
        );
        assert_eq!(
            parse_enum("naboen", &DEVIATION_SOURCE),
            Ok(EnumValue::Guessed("annet"))
        );
        assert!(matches!(
            parse_enum("kanskje", &MEASURE_STATUS),
            Err(Reason::UnknownEnum { .. })
        ));
        assert_eq!(parse_kommunenummer(Cell::Number(301.0)), Ok("0301".into()));
        assert_eq!(
            parse_kommunenummer(Cell::Text("5001 Trondheim")),
            Ok("5001".into())
        );
        assert_eq!(
            parse_kommunenummer(Cell::Text("50")),
            Err(Reason::BadKommunenummer)
        );
    }
}
