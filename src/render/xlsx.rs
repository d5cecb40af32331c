//! `tables.xlsx`: every result table on a sheet of its own, named by its title, with a
//! styled and frozen header row of labels in the report language, number formats by the
//! registry's column kind (thousands, percent, one decimal, dates), fitted widths, and
//! disclosure control (`<5` / `–`). Text that Excel would run as a formula keeps its
//! quote prefix, so it stays text even when the cell is edited.

use crate::analytics::registry::{ColumnKind, ColumnMeta, column_label};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::report::format;
use crate::report::privacy::Masked;
use polars::prelude::*;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet,
};

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

fn xe(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
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
    let mut book = Book::new(lang, threshold, year, rows_per_sheet)?;
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
                let rows =
                    part * self.rows_per_sheet..((part + 1) * self.rows_per_sheet).min(df.height());
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
        (ColumnKind::Mean | ColumnKind::Rate, Some(0)) => number_format(ColumnKind::Count).into(),
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
    for (block, cells) in super::cell_blocks(&s.table.df, rows) {
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
                        if super::is_formula_like(t) {
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
        let mut book = Book::new(Lang::Nb, 5, 2025, 2).unwrap();
        book.add(&both[1..]).unwrap();
        book.add(&both[..1]).unwrap();
        let order = [
            "deviation_root_causes".to_string(),
            "deviation_monthly".into(),
        ];
        assert!(book.finish(&order).unwrap() == first);
    }
}
