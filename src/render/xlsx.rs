//! `tables.xlsx`: every result table on a sheet of its own, named by its title, with a
//! styled and frozen header row of labels in the report language, number formats by the
//! registry's column kind (thousands, percent, one decimal, dates), fitted widths, and
//! disclosure control (`<5` / `–`). Text that Excel would run as a formula keeps its
//! quote prefix, so it stays text even when the cell is edited. The SpreadsheetML itself
//! is `render::spreadsheetml`'s; this module turns tables into its cells and sheets.

use super::spreadsheetml::{self, SheetWriter, Styles};
use crate::analytics::registry::{ColumnKind, ColumnMeta, column_label};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::report::format;
use crate::report::privacy::Masked;
use polars::prelude::*;

/// A table to write: sheet title, the masked frame and its column metadata.
pub struct Sheet<'a> {
    pub title: String,
    pub table: &'a Masked,
    pub metas: Vec<ColumnMeta>,
    /// The result table's name (CSV file name).
    pub name: String,
}

impl Sheet<'_> {
    pub fn table_name(&self) -> &str {
        &self.name
    }
}

/// Excel's number format for a kind.
pub fn number_format(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Count | ColumnKind::Score | ColumnKind::Days => "#,##0",
        ColumnKind::Share => "0.0%",
        ColumnKind::Mean | ColumnKind::Rate => "#,##0.0",
        ColumnKind::Date => "dd.mm.yyyy",
        ColumnKind::Month => "mmm yyyy",
        ColumnKind::Code | ColumnKind::Text => "@",
    }
}

/// A valid, unique sheet name (≤ 31 characters, none of `[]:*?/\`).
fn sheet_name(title: &str, used: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let base: String = clean.trim().trim_matches('\'').chars().take(31).collect();
    let base = if base.is_empty() {
        "Tabell".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    // "Title (2)", "Title (3)": each suffix on the base, not on the previous try.
    while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    used.push(name.clone());
    name
}

/// Data rows one worksheet holds: Excel's 1 048 576 rows less the header
/// (https://support.microsoft.com/office/excel-specifications-and-limits).
pub const ROWS_PER_SHEET: usize = 1_048_575;

/// Write the workbook. `year` fixes the document's creation date, so a rerun gives the
/// same bytes.
pub fn write(sheets: &[Sheet], lang: Lang, threshold: i64, year: i32) -> Result<Vec<u8>> {
    write_split(sheets, lang, threshold, year, ROWS_PER_SHEET)
}

/// [`write`], with a table longer than `rows_per_sheet` continued on further sheets
/// ("Title (2)", "Title (3)", …), each with its header: a national `deviation_monthly`
/// at ten times the national size has 1.5 million rows, more than one sheet can hold,
/// and the other tables of the workbook are still wanted. The CSV and Parquet copies
/// hold every table whole.
pub fn write_split(
    sheets: &[Sheet],
    lang: Lang,
    threshold: i64,
    year: i32,
    rows_per_sheet: usize,
) -> Result<Vec<u8>> {
    let mut book = Book::new(lang, threshold, year, rows_per_sheet);
    book.add(sheets)?;
    let order: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    book.finish(&order)
}

/// A workbook being written. Tables may be added in any order and at any time, each
/// filled as it is added (`ikrapport run` adds each result table as the analyses make
/// it, on a thread of its own: `bundle::Workbook`); [`Book::finish`] puts the sheets in
/// the report's order and names them, so the file does not depend on the order the tables
/// came in.
pub struct Book {
    styles: Styles,
    lang: Lang,
    threshold: i64,
    year: i32,
    rows_per_sheet: usize,
    /// Per worksheet, in the order made: its table's name and title, and the sheet.
    made: Vec<(String, String, spreadsheetml::Sheet)>,
}

impl Book {
    pub fn new(lang: Lang, threshold: i64, year: i32, rows_per_sheet: usize) -> Book {
        // Every number format a built-in column may take first, in the registry's order
        // of kinds, so that their styles are the same whichever tables the workbook
        // holds; a user's query asking for more decimals adds its format after them.
        let mut styles = Styles::default();
        for (_, kind) in ColumnKind::ALL {
            if matches!(kind, ColumnKind::Code | ColumnKind::Text) {
                continue;
            }
            styles.number(&column_format(kind, None));
            if matches!(kind, ColumnKind::Mean | ColumnKind::Rate) {
                for d in 2..=4 {
                    styles.number(&column_format(kind, Some(d)));
                }
            }
        }
        Book {
            styles,
            lang,
            threshold,
            year,
            rows_per_sheet: rows_per_sheet.max(1),
            made: Vec::new(),
        }
    }

    /// Add these tables' sheets and write their cells: several sheets at once, one per
    /// thread (each sheet is its own deflated zip entry; they share only the styles).
    pub fn add(&mut self, sheets: &[Sheet]) -> Result<()> {
        let mut parts: Vec<(&Sheet, std::ops::Range<usize>, Vec<spreadsheetml::Column>)> =
            Vec::new();
        for s in sheets {
            // Its columns' styles asked for here, one sheet after another, before any
            // sheet is written on the threads below.
            let columns = columns(s, self.lang, &mut self.styles);
            let df = &s.table.df;
            let n = df.height().div_ceil(self.rows_per_sheet).max(1);
            for part in 0..n {
                let rows =
                    part * self.rows_per_sheet..((part + 1) * self.rows_per_sheet).min(df.height());
                parts.push((s, rows, columns.clone()));
            }
        }
        // On threads of the workbook's own, not rayon's pool: a worksheet of a million
        // rows is one task of seconds, and the charts, rendered on the pool meanwhile,
        // would wait behind it. The largest worksheets go first; each thread takes the
        // next one left.
        let mut jobs: Vec<usize> = (0..parts.len()).collect();
        jobs.sort_by_key(|&i| parts[i].1.len()); // popped from the end: largest first
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(jobs.len());
        let (threshold, lang) = (self.threshold, self.lang);
        let write = |i: usize| {
            let (s, rows, columns) = &parts[i];
            fill(s, rows.clone(), columns, threshold, lang)
        };
        let mut done: Vec<Option<spreadsheetml::Sheet>> = (0..parts.len()).map(|_| None).collect();
        if threads <= 1 {
            for i in jobs {
                done[i] = Some(write(i)?);
            }
        } else {
            let queue = std::sync::Mutex::new(jobs);
            let written =
                std::thread::scope(|scope| -> Result<Vec<(usize, spreadsheetml::Sheet)>> {
                    let workers: Vec<_> = (0..threads)
                        .map(|_| {
                            scope.spawn(|| -> Result<Vec<(usize, spreadsheetml::Sheet)>> {
                                let mut mine = Vec::new();
                                loop {
                                    let job = queue
                                        .lock()
                                        .map_err(|_| Error::Internal("xlsx".into()))?
                                        .pop();
                                    let Some(i) = job else {
                                        return Ok(mine);
                                    };
                                    mine.push((i, write(i)?));
                                }
                            })
                        })
                        .collect();
                    let mut all = Vec::new();
                    for w in workers {
                        all.extend(w.join().map_err(|_| {
                            Error::Internal("xlsx: a sheet writer stopped".into())
                        })??);
                    }
                    Ok(all)
                })?;
            for (i, sheet) in written {
                done[i] = Some(sheet);
            }
        }
        for ((s, _, _), sheet) in parts.iter().zip(done) {
            let sheet = sheet.ok_or_else(|| Error::Internal("xlsx: a sheet is missing".into()))?;
            self.made.push((s.name.clone(), s.title.clone(), sheet));
        }
        Ok(())
    }

    /// The workbook's bytes, its sheets in the order of `order` (table names; a table
    /// not named there is left out), each named by its title (unique, ≤ 31 characters).
    pub fn finish(self, order: &[String]) -> Result<Vec<u8>> {
        let mut ranked: Vec<(usize, usize, String, spreadsheetml::Sheet)> = self
            .made
            .into_iter()
            .enumerate()
            .filter_map(|(i, (name, title, sheet))| {
                let rank = order.iter().position(|o| *o == name)?;
                Some((rank, i, title, sheet))
            })
            .collect();
        // Stable in the order made: a long table's continuation sheets stay in order.
        ranked.sort_by_key(|(rank, i, _, _)| (*rank, *i));
        let mut used = Vec::new();
        let sheets: Vec<(String, spreadsheetml::Sheet)> = ranked
            .into_iter()
            .map(|(_, _, title, sheet)| (sheet_name(&title, &mut used), sheet))
            .collect();
        // The document's creation date: 1 January after the report year, fixed so that
        // a rerun gives the same bytes.
        let props = spreadsheetml::Properties {
            author: "ikrapport".into(),
            created: format!("{:04}-01-01T00:00:00Z", self.year + 1),
        };
        spreadsheetml::package(&self.styles, sheets, &props)
    }
}

/// The number format of a number column (right-aligned) of this kind and decimals.
fn column_format(kind: ColumnKind, decimals: Option<u32>) -> String {
    match (kind, decimals) {
        (ColumnKind::Mean | ColumnKind::Rate, Some(0)) => number_format(ColumnKind::Count).into(),
        (ColumnKind::Mean | ColumnKind::Rate, Some(d)) => {
            format!("#,##0.{}", "0".repeat(d as usize))
        }
        (k, _) => number_format(k).to_string(),
    }
}

/// Each column's width and style: wrapped labels may be wider than the data, so each
/// header gets room of its own; the data's width from its first 200 rows. A number
/// column's style is its number format, right-aligned: a suppressed cell ("<5", "–")
/// takes it too, and lines up with the numbers.
fn columns(s: &Sheet, lang: Lang, styles: &mut Styles) -> Vec<spreadsheetml::Column> {
    let df = &s.table.df;
    let cols = df.columns();
    s.metas
        .iter()
        .enumerate()
        .map(|(j, m)| {
            let w = column_label(m, lang).chars().count().min(30) as f64 + 2.0;
            let data_w = cols.get(j).map_or(0, |c| {
                (0..df.height().min(200))
                    .filter_map(|i| c.get(i).ok())
                    .map(|v| v.to_string().chars().count())
                    .max()
                    .unwrap_or(0)
            }) as f64
                + 2.0;
            let style = if matches!(m.kind, ColumnKind::Code | ColumnKind::Text) {
                0
            } else {
                styles.number(&column_format(m.kind, m.decimals))
            };
            spreadsheetml::Column {
                width: w.max(data_w).min(60.0),
                style,
            }
        })
        .collect()
}

/// Excel's serial day number of a date (days since 1899-12-30), counting the 29 February
/// 1900 that Excel keeps from Lotus 1-2-3 (ECMA-376 Part 1, §18.17.4.1): `None` outside
/// the years Excel shows (1900–9999).
fn excel_serial(days_since_1970: i32) -> Option<f64> {
    const FIRST: i32 = -25_567; // 1900-01-01
    const MARCH_1900: i32 = -25_508; // 1900-03-01
    const LAST: i32 = 2_932_896; // 9999-12-31
    match days_since_1970 {
        d if !(FIRST..=LAST).contains(&d) => None,
        d if d < MARCH_1900 => Some(f64::from(d + 25_568)),
        d => Some(f64::from(d + 25_569)),
    }
}

/// Write the header and rows `rows` of a sheet's table.
fn fill(
    s: &Sheet,
    rows: std::ops::Range<usize>,
    columns: &[spreadsheetml::Column],
    threshold: i64,
    lang: Lang,
) -> Result<spreadsheetml::Sheet> {
    let df = &s.table.df;
    let cols = df.columns();
    let hidden: Vec<Option<&Vec<bool>>> = cols
        .iter()
        .map(|c| s.table.hidden.get(c.name().as_str()))
        .collect();
    let first = rows.start;
    // The last row with a cell (a row of nothing but empty cells writes nothing).
    let last = rows
        .clone()
        .rev()
        .find(|&i| {
            cols.iter().enumerate().any(|(j, c)| {
                hidden[j].is_some_and(|h| h[i])
                    || !matches!(c.get(i), Ok(AnyValue::Null | AnyValue::String("")))
            })
        })
        .map_or(0, |i| i - first + 1);
    let mut w = SheetWriter::new(columns, last as u32)?;
    for (j, m) in s
        .metas
        .iter()
        .enumerate()
        .take(cols.len().min(columns.len()))
    {
        w.text(0, j, &column_label(m, lang), spreadsheetml::HEADER)?;
    }
    let suppressed = format!("<{threshold}");
    for (block, cells) in super::cell_blocks(df, rows) {
        for i in block.clone() {
            let r = (i - first + 1) as u32;
            for j in 0..cols.len().min(columns.len()) {
                let kind = s.metas.get(j).map_or(ColumnKind::Text, |m| m.kind);
                let style = columns.get(j).map_or(0, |c| c.style);
                if hidden[j].is_some_and(|h| h[i]) {
                    let t = if kind == ColumnKind::Count {
                        &suppressed
                    } else {
                        "–"
                    };
                    let style = if matches!(kind, ColumnKind::Code | ColumnKind::Text) {
                        spreadsheetml::RIGHT
                    } else {
                        style
                    };
                    w.text(r, j, t, style)?;
                    continue;
                }
                match cells[j].value(i - block.start) {
                    AnyValue::Null => {}
                    AnyValue::Date(d) => match excel_serial(d) {
                        Some(x) => w.number(r, j, x, style)?,
                        None => {
                            let t = format::date_of(d)
                                .map(|d| d.to_string())
                                .unwrap_or_default();
                            w.text(r, j, &t, style)?;
                        }
                    },
                    v @ (AnyValue::String(_) | AnyValue::StringOwned(_)) => {
                        let t = v.get_str().unwrap_or_default();
                        if super::is_formula_like(t) {
                            w.text(r, j, t, spreadsheetml::QUOTED)?;
                        } else {
                            w.text(r, j, t, style)?;
                        }
                    }
                    v => match format::number(&v) {
                        Some(x) => w.number(r, j, x, style)?,
                        None => w.text(r, j, &v.to_string(), style)?,
                    },
                }
            }
        }
    }
    w.finish()
}

/// The workbook as rust_xlsxwriter wrote it before `render::spreadsheetml` (the bundle's
/// workbook until 2026-11-23, its code unchanged): what the parity test compares every
/// part with.
#[cfg(test)]
mod reference {
    use super::{Sheet, number_format, sheet_name};
    use crate::analytics::registry::{ColumnKind, column_label};
    use crate::error::{Error, Result};
    use crate::i18n::Lang;
    use crate::report::format;
    use polars::prelude::*;
    use rust_xlsxwriter::{
        Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet,
    };

    fn xe(e: rust_xlsxwriter::XlsxError) -> Error {
        Error::Internal(format!("xlsx: {e}"))
    }

    /// A workbook being written. Tables may be added in any order and at any time, each
    /// filled as it is added (`ikrapport run` adds each result table as the analyses make
    /// it, on a thread of its own: `bundle::Workbook`); [`Book::finish`] puts the sheets in
    /// the report's order and names them, so the file does not depend on the order the tables
    /// came in.
    pub struct Book {
        wb: Workbook,
        header: Format,
        own: Own,
        lang: Lang,
        threshold: i64,
        rows_per_sheet: usize,
        /// Per worksheet, in the order made: its table's name and title.
        made: Vec<(String, String)>,
    }

    impl Book {
        pub fn new(lang: Lang, threshold: i64, year: i32, rows_per_sheet: usize) -> Result<Book> {
            let mut wb = Workbook::new();
            // Deflate level 2 instead of 6: the workbook is the slowest part of a national
            // bundle, and deflate (one thread, at the end) a third of it. Measured on the
            // national set: level 6 2.7 s and 17.4 MB, level 3 2.0 s and 21.2 MB; level 2
            // (zlib-rs' `deflate_fast`, no lazy matches) 22.7 MB and the bundle's last stage
            // 0.12 s shorter than level 3 (`deflate_medium`); level 1 1.7 s and 30.6 MB.
            wb.set_zip_compression_level(2);
            let when = chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .ok_or_else(|| Error::Internal("date".into()))?;
            wb.set_properties(
                &DocProperties::new()
                    .set_author("ikrapport")
                    .set_creation_datetime(&when),
            );
            let header = Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8EEF5))
                .set_border_bottom(FormatBorder::Medium)
                .set_text_wrap();
            // Every format a cell or column may take gets its index now, in this order, so
            // that the style table is the same whichever sheet meets a format first: the
            // sheets are written at the same time, and as the tables come
            // (`register_format` exists for exactly this: constant-memory sheets on threads).
            let own = Own {
                quoted: Format::new().set_quote_prefix(),
                right: Format::new().set_align(rust_xlsxwriter::FormatAlign::Right),
            };
            wb.register_format(&header);
            wb.register_format(&own.quoted);
            wb.register_format(&own.right);
            for (_, kind) in ColumnKind::ALL {
                if matches!(kind, ColumnKind::Code | ColumnKind::Text) {
                    continue;
                }
                wb.register_format(&column_format(kind, None));
                if matches!(kind, ColumnKind::Mean | ColumnKind::Rate) {
                    for d in 2..=4 {
                        wb.register_format(&column_format(kind, Some(d)));
                    }
                }
            }
            Ok(Book {
                wb,
                header,
                own,
                lang,
                threshold,
                rows_per_sheet: rows_per_sheet.max(1),
                made: Vec::new(),
            })
        }

        /// Add these tables' sheets and write their cells: several sheets at once, one per
        /// thread (in constant-memory mode each worksheet streams its rows to a file of its
        /// own, so they share nothing beyond the workbook's format table).
        pub fn add(&mut self, sheets: &[Sheet]) -> Result<()> {
            let before = self.wb.worksheets_mut().len();
            let mut parts: Vec<(&Sheet, std::ops::Range<usize>)> = Vec::new();
            for s in sheets {
                let df = &s.table.df;
                let n = df.height().div_ceil(self.rows_per_sheet).max(1);
                for part in 0..n {
                    let rows = part * self.rows_per_sheet
                        ..((part + 1) * self.rows_per_sheet).min(df.height());
                    let ws = self.wb.add_worksheet_with_constant_memory().map_err(xe)?;
                    set_up(ws, s, self.lang, &self.header)?;
                    self.made.push((s.name.clone(), s.title.clone()));
                    parts.push((s, rows));
                }
            }
            // On threads of the workbook's own, not rayon's pool: a worksheet of a million
            // rows is one task of seconds, and the charts, rendered on the pool meanwhile,
            // would wait behind it. The largest worksheets go first; each thread takes the
            // next one left.
            let (threshold, own) = (self.threshold, &self.own);
            let mut jobs: Vec<(&mut Worksheet, &(&Sheet, std::ops::Range<usize>))> = self
                .wb
                .worksheets_mut()
                .iter_mut()
                .skip(before)
                .zip(parts.iter())
                .collect();
            jobs.sort_by_key(|(_, (_, rows))| rows.len()); // popped from the end: largest first
            let threads = std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .min(jobs.len());
            if threads <= 1 {
                for (ws, (s, rows)) in jobs {
                    fill(ws, s, rows.clone(), threshold, own)?;
                }
                return Ok(());
            }
            let queue = std::sync::Mutex::new(jobs);
            std::thread::scope(|scope| -> Result<()> {
                let workers: Vec<_> = (0..threads)
                    .map(|_| {
                        scope.spawn(|| -> Result<()> {
                            loop {
                                let job = queue
                                    .lock()
                                    .map_err(|_| Error::Internal("xlsx".into()))?
                                    .pop();
                                let Some((ws, (s, rows))) = job else {
                                    return Ok(());
                                };
                                fill(ws, s, rows.clone(), threshold, own)?;
                            }
                        })
                    })
                    .collect();
                for w in workers {
                    w.join()
                        .map_err(|_| Error::Internal("xlsx: a sheet writer stopped".into()))??;
                }
                Ok(())
            })
        }

        /// The workbook's bytes, its sheets in the order of `order` (table names; a table
        /// not named there is left out), each named by its title (unique, ≤ 31 characters).
        pub fn finish(mut self, order: &[String]) -> Result<Vec<u8>> {
            let made = std::mem::take(&mut self.made);
            let sheets = std::mem::take(self.wb.worksheets_mut());
            let mut ranked: Vec<(usize, usize, Worksheet)> = sheets
                .into_iter()
                .enumerate()
                .filter_map(|(i, ws)| {
                    let rank = order.iter().position(|o| *o == made[i].0)?;
                    Some((rank, i, ws))
                })
                .collect();
            // Stable in the order made: a long table's continuation sheets stay in order.
            ranked.sort_by_key(|(rank, i, _)| (*rank, *i));
            let mut used = Vec::new();
            let mut sheets = Vec::with_capacity(ranked.len());
            for (_, i, mut ws) in ranked {
                ws.set_name(sheet_name(&made[i].1, &mut used)).map_err(xe)?;
                sheets.push(ws);
            }
            *self.wb.worksheets_mut() = sheets;
            self.wb.save_to_buffer().map_err(xe)
        }
    }

    /// The format of a number column (right-aligned) of this kind and decimals.
    fn column_format(kind: ColumnKind, decimals: Option<u32>) -> Format {
        let f = match (kind, decimals) {
            (ColumnKind::Mean | ColumnKind::Rate, Some(0)) => {
                number_format(ColumnKind::Count).into()
            }
            (ColumnKind::Mean | ColumnKind::Rate, Some(d)) => {
                format!("#,##0.{}", "0".repeat(d as usize))
            }
            (k, _) => number_format(k).to_string(),
        };
        // Right-aligned as a whole: a suppressed cell ("<5", "–") is text written without a
        // format of its own, and takes the column's (see `fill`).
        Format::new()
            .set_num_format(f)
            .set_align(rust_xlsxwriter::FormatAlign::Right)
    }

    /// The number format of each column of a sheet, from its kind and decimals.
    fn formats(s: &Sheet) -> Vec<Format> {
        s.metas
            .iter()
            .map(|m| column_format(m.kind, m.decimals))
            .collect()
    }

    /// A worksheet's frozen header row, column widths and number formats. Constant-memory
    /// mode writes each row as it comes (a national table has hundreds of thousands of rows),
    /// so all of this is set before the first cell.
    fn set_up(ws: &mut Worksheet, s: &Sheet, lang: Lang, header: &Format) -> Result<()> {
        let df = &s.table.df;
        let formats = formats(s);
        ws.set_freeze_panes(1, 0).map_err(xe)?;
        let cols = df.columns();
        // Wrapped labels may be wider than the data: give each header room of its own.
        for (j, m) in s.metas.iter().enumerate() {
            let w = column_label(m, lang).chars().count().min(30) as f64 + 2.0;
            let data_w = (0..df.height().min(200))
                .filter_map(|i| cols[j].get(i).ok())
                .map(|v| v.to_string().chars().count())
                .max()
                .unwrap_or(0) as f64
                + 2.0;
            ws.set_column_width(j as u16, w.max(data_w).min(60.0))
                .map_err(xe)?;
        }
        for (j, m) in s.metas.iter().enumerate() {
            ws.write_string_with_format(0, j as u16, column_label(m, lang), header)
                .map_err(xe)?;
            // The number format is the column's: cells written without a format of their own
            // take it, so no `Format` is hashed per cell (that lookup was a fifth of the
            // workbook's time on a national table).
            if !matches!(m.kind, ColumnKind::Code | ColumnKind::Text) {
                ws.set_column_format(j as u16, &formats[j]).map_err(xe)?;
            }
        }
        Ok(())
    }

    /// The formats a cell carries itself: text that looks like a formula, quoted (OWASP);
    /// a suppressed cell, right-aligned like the numbers beside it.
    struct Own {
        quoted: Format,
        right: Format,
    }

    /// Write rows `rows` of a sheet's table below its header.
    fn fill(
        ws: &mut Worksheet,
        s: &Sheet,
        rows: std::ops::Range<usize>,
        threshold: i64,
        own: &Own,
    ) -> Result<()> {
        let cols = s.table.df.columns();
        let hidden: Vec<Option<&Vec<bool>>> = cols
            .iter()
            .map(|c| s.table.hidden.get(c.name().as_str()))
            .collect();
        let first = rows.start;
        for (block, cells) in crate::render::cell_blocks(&s.table.df, rows) {
            for i in block.clone() {
                for j in 0..cols.len() {
                    let kind = s.metas.get(j).map_or(ColumnKind::Text, |m| m.kind);
                    let (r, col) = ((i - first + 1) as u32, j as u16);
                    if hidden[j].is_some_and(|h| h[i]) {
                        let t = if kind == ColumnKind::Count {
                            format!("<{threshold}")
                        } else {
                            "–".into()
                        };
                        // A number column's own format is right-aligned already (`formats`): no
                        // `Format` hashed per suppressed cell (a national table has hundreds of
                        // thousands of them).
                        if matches!(kind, ColumnKind::Code | ColumnKind::Text) {
                            ws.write_string_with_format(r, col, t, &own.right)
                                .map_err(xe)?;
                        } else {
                            ws.write_string(r, col, t).map_err(xe)?;
                        }
                        continue;
                    }
                    let v = cells[j].value(i - block.start);
                    match &v {
                        AnyValue::Null => {}
                        AnyValue::Date(d) => {
                            if let Some(d) = format::date_of(*d) {
                                let x = ExcelDateTime::from_ymd(
                                    chrono::Datelike::year(&d) as u16,
                                    chrono::Datelike::month(&d) as u8,
                                    chrono::Datelike::day(&d) as u8,
                                )
                                .map_err(xe)?;
                                ws.write_datetime(r, col, &x).map_err(xe)?;
                            }
                        }
                        AnyValue::String(_) | AnyValue::StringOwned(_) => {
                            let t = v.get_str().unwrap_or_default();
                            if crate::render::is_formula_like(t) {
                                ws.write_string_with_format(r, col, t, &own.quoted)
                                    .map_err(xe)?;
                            } else {
                                ws.write_string(r, col, t).map_err(xe)?;
                            }
                        }
                        v => match format::number(v) {
                            Some(x) => {
                                ws.write_number(r, col, x).map_err(xe)?;
                            }
                            None => {
                                ws.write_string(r, col, v.to_string()).map_err(xe)?;
                            }
                        },
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = vec![];
        assert_eq!(sheet_name("Avvik: per/år", &mut used), "Avvik- per-år");
        let long = "Et veldig langt navn på en tabell som ikke får plass";
        let a = sheet_name(long, &mut used);
        let b = sheet_name(long, &mut used);
        assert_eq!(a.chars().count(), 31);
        assert!(b.ends_with(" (2)") && b.chars().count() <= 31, "{b}");
    }

    #[test]
    fn a_table_longer_than_a_sheet_continues_on_the_next_with_its_header() {
        use calamine::{Reader, Xlsx};
        let df = df!("kommunenummer" => ["0301", "1101", "1103", "5001", "5636"],
                     "count" => [10i64, 20, 30, 40, 3])
        .unwrap();
        let table = Masked {
            hidden: std::collections::BTreeMap::from([(
                "count".into(),
                vec![false, false, false, false, true],
            )]),
            df,
        };
        let meta = |name: &str, kind| ColumnMeta::new(name, kind, Default::default());
        let sheets = [Sheet {
            title: "Avvik per måned".into(),
            table: &table,
            metas: vec![
                meta("kommunenummer", ColumnKind::Code),
                meta("count", ColumnKind::Count),
            ],
            name: "deviation_monthly".into(),
        }];
        let bytes = write_split(&sheets, Lang::Nb, 5, 2025, 2).unwrap();
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            wb.sheet_names(),
            [
                "Avvik per måned",
                "Avvik per måned (2)",
                "Avvik per måned (3)"
            ]
        );
        let cells = |wb: &mut Xlsx<_>, name: &str| -> Vec<Vec<String>> {
            wb.worksheet_range(name)
                .unwrap()
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect()
        };
        let second = cells(&mut wb, "Avvik per måned (2)");
        assert_eq!(second.len(), 3, "header and two rows: {second:?}");
        assert_eq!(second[1], ["1103", "30"]);
        assert_eq!(second[2], ["5001", "40"]);
        assert_eq!(second[0][1], cells(&mut wb, "Avvik per måned")[0][1]);
        assert_eq!(cells(&mut wb, "Avvik per måned (3)")[1], ["5636", "<5"]);
        // The sheets are written at the same time, yet the file is the same every time:
        // the style table's order does not depend on which sheet meets a format first
        // (here a quoted formula on the first sheet, a suppressed count on the last).
        let quoted = Masked {
            hidden: Default::default(),
            df: df!("category" => ["=HYPERLINK(\"x\")", "Fall"]).unwrap(),
        };
        let mut both = vec![Sheet {
            title: "Kategorier".into(),
            table: &quoted,
            metas: vec![meta("category", ColumnKind::Text)],
            name: "deviation_root_causes".into(),
        }];
        both.extend(sheets);
        let first = write_split(&both, Lang::Nb, 5, 2025, 2).unwrap();
        for _ in 0..10 {
            assert!(write_split(&both, Lang::Nb, 5, 2025, 2).unwrap() == first);
        }
        // Tables added one at a time as they come (`bundle::Workbook`), here the last
        // first: the same file, sheets in the report's order.
        let mut book = Book::new(Lang::Nb, 5, 2025, 2);
        book.add(&both[1..]).unwrap();
        book.add(&both[..1]).unwrap();
        let order = [
            "deviation_root_causes".to_string(),
            "deviation_monthly".into(),
        ];
        assert!(book.finish(&order).unwrap() == first);
    }

    /// Every part of the package as text, by name.
    fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        use std::io::Read;
        let mut z = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut text = String::new();
                f.read_to_string(&mut text).unwrap();
                (f.name().unwrap().to_string(), text)
            })
            .collect()
    }

    /// Days since 1970-01-01, as a polars `Date` holds them.
    fn day(y: i32, m: u32, d: u32) -> i32 {
        (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
            - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap())
        .num_days() as i32
    }

    /// The workbook is, part for part, what rust_xlsxwriter wrote for the same tables
    /// (`reference`, the code it replaced), but that no sheet is marked selected: every
    /// kind of column and number format, decimals 0–4 and a user's 6, hidden cells in number and text
    /// columns, empty cells and a last row of them, text that reads as a formula, control
    /// characters, `_xHHHH_`, `&<>`, leading spaces, empty text, NaN and infinities, −0,
    /// whole numbers beyond 2^53, tiny fractions, booleans, dates on both sides of
    /// Excel's 29 February 1900, a last row with nothing but empty text (the sheet's
    /// dimension), more than 26 columns, neighbouring columns alike, an empty table, and
    /// a table continued on further sheets.
    #[test]
    fn the_workbook_is_what_rust_xlsxwriter_wrote_part_for_part() {
        use ColumnKind::*;
        let n = 7;
        let dates = Series::new(
            "date".into(),
            [
                Some(day(2025, 3, 14)),
                Some(day(1900, 1, 15)),
                Some(day(1900, 3, 1)),
                None,
                Some(day(2024, 2, 29)),
                Some(day(9999, 12, 31)),
                None,
            ],
        )
        .cast(&DataType::Date)
        .unwrap();
        let mut df = df!(
            "kommunenummer" => [Some("0301"), Some("1101"), Some("=1+2"), Some("5001"), Some("  Bø "), Some("_x0041_ & <b>\u{FFFE}"), None],
            "sector" => [Some("Helse og velferd"), Some("a\u{1}b\tc\nd"), Some("@SUM(A1)"), None, Some("-"), Some(""), Some("")],
            "count" => [Some(1302i64), Some(3), Some(0), Some(9_007_199_254_740_993), None, Some(-7), None],
            "share" => [Some(0.22340425531914893), Some(f64::NAN), Some(1.0000000000000002), Some(-0.0), Some(1.5e-7), None, None],
            "mean" => [Some(12.25f64), Some(f64::INFINITY), Some(f64::NEG_INFINITY), Some(1e21), Some(2.0), Some(0.1), None],
            "mean2" => [Some(1.005f64), Some(2.0), Some(3.5), Some(4.0), Some(5.0), Some(6.0), None],
            "rate0" => [Some(1.5f64), Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(6.0), None],
            "mean6" => [Some(0.1234567f64), Some(2.0), None, None, None, None, None],
            "days" => [Some(4i32), Some(12), None, Some(400), Some(0), Some(1), None],
            "month" => [Some("2025-01"), Some("2025-02"), Some("2025-03"), Some("2025-04"), Some("2025-05"), Some("2025-06"), None],
            "rate" => [Some(0.5f64), Some(0.25), Some(0.125), None, Some(3.0), Some(2.5), None],
            "score" => [Some(1i64), Some(2), Some(3), Some(4), Some(5), Some(1), None],
            "flag" => [Some(true), Some(false), None, Some(true), Some(true), Some(false), None],
        )
        .unwrap();
        df.with_column(dates.into_column()).unwrap();
        let hidden = std::collections::BTreeMap::from([
            (
                "count".to_string(),
                vec![false, true, false, false, false, false, false],
            ),
            (
                "sector".to_string(),
                vec![false, false, false, true, false, false, false],
            ),
            (
                "rate".to_string(),
                vec![false, false, true, false, false, false, false],
            ),
        ]);
        let meta = |name: &str, kind| ColumnMeta::new(name, kind, Default::default());
        let mut mean2 = meta("mean2", Mean);
        mean2.decimals = Some(2);
        let mut rate0 = meta("rate0", Rate);
        rate0.decimals = Some(0);
        // More decimals than any built-in column (a user's query may ask for them).
        let mut mean6 = meta("mean6", Mean);
        mean6.decimals = Some(6);
        let mut rate4 = meta("rate", Rate);
        rate4.decimals = Some(4);
        let metas = vec![
            meta("kommunenummer", Code),
            meta("sector", Text),
            meta("count", Count),
            meta("share", Share),
            meta("mean", Mean),
            mean2,
            rate0,
            mean6,
            meta("days", Days),
            meta("month", Month),
            rate4,
            meta("score", Score),
            meta("flag", Text),
            meta("date", Date),
        ];
        assert_eq!(df.height(), n);
        let rich = Masked { df, hidden };
        // 30 columns of the same width and style (one <col> range), past column Z.
        let wide_df = DataFrame::new(
            n,
            (0..30)
                .map(|j| Column::new(format!("c{j}").into(), vec![j as i64; n]))
                .collect(),
        )
        .unwrap();
        let wide = Masked {
            df: wide_df,
            hidden: Default::default(),
        };
        let wide_metas: Vec<ColumnMeta> = (0..30).map(|j| meta(&format!("c{j}"), Count)).collect();
        let empty = Masked {
            df: df!("kommunenummer" => Vec::<String>::new(), "count" => Vec::<i64>::new()).unwrap(),
            hidden: Default::default(),
        };
        let sheets = [
            Sheet {
                title: "Alt: på/én gang".into(),
                table: &rich,
                metas,
                name: "rich".into(),
            },
            Sheet {
                title: "Bred".into(),
                table: &wide,
                metas: wide_metas,
                name: "wide".into(),
            },
            Sheet {
                title: "Tom".into(),
                table: &empty,
                metas: vec![meta("kommunenummer", Code), meta("count", Count)],
                name: "empty".into(),
            },
        ];
        let order: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
        for (lang, per_sheet) in [(Lang::Nb, ROWS_PER_SHEET), (Lang::En, 4)] {
            let mut old = reference::Book::new(lang, 5, 2025, per_sheet).unwrap();
            old.add(&sheets).unwrap();
            let old = parts(&old.finish(&order).unwrap());
            let new = parts(&write_split(&sheets, lang, 5, 2025, per_sheet).unwrap());
            assert_eq!(
                old.keys().collect::<Vec<_>>(),
                new.keys().collect::<Vec<_>>()
            );
            for (name, text) in &old {
                let text = text.replace(" tabSelected=\"1\"", "");
                let new = crate::render::spreadsheetml::with_cell_references(&new[name]);
                assert_eq!(text, new, "{name} ({lang:?}, {per_sheet} rows a sheet)");
            }
        }
    }

    /// Excel's day numbers: 1 January 1900 is 1, the 29 February 1900 Excel counts (from
    /// Lotus 1-2-3) is 60, so 1 March 1900 is 61; dates Excel cannot show are `None`
    /// (written as text).
    #[test]
    fn dates_are_excel_day_numbers() {
        assert_eq!(excel_serial(day(1900, 1, 1)), Some(1.0));
        assert_eq!(excel_serial(day(1900, 2, 28)), Some(59.0));
        assert_eq!(excel_serial(day(1900, 3, 1)), Some(61.0));
        assert_eq!(excel_serial(day(1970, 1, 1)), Some(25_569.0));
        assert_eq!(excel_serial(day(2025, 3, 14)), Some(45_730.0));
        assert_eq!(excel_serial(day(9999, 12, 31)), Some(2_958_465.0));
        assert_eq!(excel_serial(day(1899, 12, 31)), None);
        assert_eq!(excel_serial(day(10_000, 1, 1)), None);
    }
}
