//! Output formats. The document formats (HTML, Markdown, Word) share one trait whose
//! default methods walk the document (pages, sections, tables, figures, notes), so a
//! format supplies only its syntax, as hyperfine's `export/markup.rs` does. The table
//! formats (CSV, XLSX, Parquet) and the terminal table write whole result tables.
//!
//! Every format escapes text from the user's files its own way (HTML entities, Markdown
//! punctuation, XML) and neutralises spreadsheet formulas (`=`, `+`, `-`, `@`, tab, CR)
//! where Excel would run them (03-report.md, "Safety").

pub mod csv;
pub mod docx;
pub mod html;
pub mod md;
pub mod parquet;
pub mod spreadsheetml;
pub mod text;
pub mod xlsx;

use crate::report::{Block, Document, Figure, Page, Section, TableBlock};

/// A document format.
pub trait Markup {
    /// Text from the data, made safe for the format.
    fn escape(&self, s: &str) -> String;
    /// A heading of level 1–6 with an anchor id.
    fn heading(&self, level: usize, id: &str, text: &str) -> String;
    fn paragraph(&self, text: &str) -> String;
    /// A footnote under a block or section.
    fn note(&self, text: &str) -> String;
    /// A table: caption, header row, body (its note is added by `table_with_note`).
    fn table(&self, t: &TableBlock) -> String;
    /// A figure with its caption (alt text from the chart).
    fn figure(&self, f: &Figure) -> String;

    /// A table and, under it, its footnote (why cells are hidden), in every format.
    fn table_with_note(&self, t: &TableBlock) -> String {
        let mut out = self.table(t);
        if let Some(n) = &t.note {
            out.push_str(&self.note(n));
        }
        out
    }

    /// A section: heading, sentences, blocks, notes.
    fn section(&self, s: &Section, level: usize) -> String {
        let mut out = self.heading(level, &s.id, &s.title);
        for p in &s.paragraphs {
            out.push_str(&self.paragraph(p));
        }
        for b in &s.blocks {
            out.push_str(&match b {
                Block::Table(t) => self.table_with_note(t),
                Block::Figure(f) => self.figure(f),
            });
        }
        for n in &s.notes {
            out.push_str(&self.note(n));
        }
        out
    }

    /// A page's sections under its title.
    fn page_body(&self, doc: &Document, page: &Page, level: usize) -> String {
        let _ = doc;
        page.sections
            .iter()
            .map(|s| self.section(s, level))
            .collect()
    }
}

/// Rows whose cells are materialised at a time by the table writers: a column as
/// `Cells` is 16 bytes a row, and a national-x10 `deviation_spc` (1.5 million rows) whole
/// held ~200 MB of them while the workbook's thread wrote it beside the analyses.
pub const CELL_BLOCK: usize = 1 << 16;

/// The cells of a frame's columns, `CELL_BLOCK` rows at a time: (the block's rows, its
/// cells per column; row `i` of the frame is `cells[j].value(i - rows.start)`).
pub fn cell_blocks(
    df: &polars::prelude::DataFrame,
    rows: std::ops::Range<usize>,
) -> impl Iterator<Item = (std::ops::Range<usize>, Vec<Cells>)> + '_ {
    let end = rows.end.min(df.height());
    (rows.start..end).step_by(CELL_BLOCK).map(move |from| {
        let to = (from + CELL_BLOCK).min(end);
        let part = df.slice(from as i64, to - from);
        (from..to, part.columns().iter().map(Cells::of).collect())
    })
}

/// A column's values taken out of polars once, typed, so that writers of whole tables
/// (CSV, XLSX) do not build a polars `AnyValue` for every cell of a national table. Text
/// stays in its (contiguous) polars column and is borrowed cell by cell: a copy as a
/// `String` per cell cost more memory than the bundle's other outputs together.
pub enum Cells {
    Num(Vec<Option<f64>>),
    Text(polars::prelude::StringChunked),
    /// Days since 1970-01-01.
    Date(Vec<Option<i32>>),
    Bool(Vec<Option<bool>>),
}

impl Cells {
    pub fn of(c: &polars::prelude::Column) -> Cells {
        use polars::prelude::*;
        let text = |c: &Column| -> Cells {
            match c.cast(&DataType::String) {
                Ok(s) => Cells::Text(
                    s.str()
                        .map(|x| x.rechunk().into_owned())
                        .unwrap_or_else(|_| StringChunked::full_null(PlSmallStr::EMPTY, c.len())),
                ),
                Err(_) => Cells::Text(StringChunked::full_null(PlSmallStr::EMPTY, c.len())),
            }
        };
        match c.dtype() {
            DataType::Date => match c.cast(&DataType::Int32) {
                Ok(d) => Cells::Date(d.i32().map(|x| x.iter().collect()).unwrap_or_default()),
                Err(_) => text(c),
            },
            DataType::Boolean => {
                Cells::Bool(c.bool().map(|x| x.iter().collect()).unwrap_or_default())
            }
            d if d.is_primitive_numeric() => match c.cast(&DataType::Float64) {
                Ok(f) => Cells::Num(f.f64().map(|x| x.iter().collect()).unwrap_or_default()),
                Err(_) => text(c),
            },
            _ => text(c),
        }
    }

    /// Row `i` as the value a writer formats.
    pub fn value(&self, i: usize) -> polars::prelude::AnyValue<'_> {
        use polars::prelude::AnyValue;
        match self {
            Cells::Num(v) => v[i].map_or(AnyValue::Null, AnyValue::Float64),
            Cells::Text(v) => v.get(i).map_or(AnyValue::Null, AnyValue::String),
            Cells::Date(v) => v[i].map_or(AnyValue::Null, AnyValue::Date),
            Cells::Bool(v) => v[i].map_or(AnyValue::Null, AnyValue::Boolean),
        }
    }
}

/// The footnote under a table when cells are hidden, once per table.
pub fn table_note(t: &TableBlock) -> Option<&str> {
    t.note.as_deref()
}

/// The text `Display` writes for `x`, where `ryu` writes the same: the shortest text
/// that reads back as `x`, found several times faster than `fmt` finds it (the bundle's
/// CSV and workbook write millions of fractions nationally). `None` where the two may
/// differ: a number that is not finite, one `ryu` writes with an exponent (very small
/// and very large ones), and an exact tie between two shortest texts, which `ryu` rounds
/// to even and `Display` up (1 658 206 780 088 562.25 is `…562.2` to one, `…562.3` to
/// the other). A tie at `f` decimals is a number whose exact binary value has `f + 1`
/// decimals, so only those go to `Display`. A whole number is written without `.0`, as
/// `Display` writes it.
pub fn ryu_display(x: f64, buf: &mut ryu::Buffer) -> Option<&str> {
    if !x.is_finite() {
        return None;
    }
    let s = buf.format_finite(x);
    if s.contains('e') {
        return None;
    }
    // x = m · 2^e with m odd has exactly −e decimals when e < 0.
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased as i64 - 1075)
    };
    let e = if m == 0 {
        0
    } else {
        e + i64::from(m.trailing_zeros())
    };
    let decimals = s.find('.').map_or(0, |dot| s.len() - dot - 1) as i64;
    (e >= 0 || -e != decimals + 1).then_some(s.strip_suffix(".0").unwrap_or(s))
}

/// Text for XML content and attribute values (Word's and the workbook's parts): the
/// entities HTML uses, and the control characters XML 1.0 does not allow left out.
pub fn xml_escape(s: &str) -> String {
    html::escape(s)
        .chars()
        .filter(|c| !matches!(*c as u32, 0..=8 | 11 | 12 | 14..=31))
        .collect()
}

/// Whether a spreadsheet would read the text as a formula (OWASP "CSV Injection": a
/// leading `=`, `+`, `-`, `@`, tab or CR, as in `=HYPERLINK(…)`): the CSV writer prefixes
/// such text with a single quote and the workbook marks it quote-prefixed, so it stays
/// text. Numbers we write ourselves never start with these.
pub fn is_formula_like(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::registry::ColumnKind;

    /// A table longer than a block of cells, in CSV and in the workbook (a sheet part
    /// starting inside a block): every row once, in order, the suppression of the row
    /// it belongs to, the same text in both.
    #[test]
    fn tables_longer_than_a_block_of_cells_are_written_whole() {
        use crate::analytics::registry::ColumnMeta;
        use crate::report::privacy::Masked;
        use polars::prelude::*;
        let n = 2 * CELL_BLOCK + 123;
        let df = df!(
            "kommunenummer" => (0..n).map(|i| format!("k{i}")).collect::<Vec<_>>(),
            "count" => (0..n as i64).collect::<Vec<_>>(),
        )
        .unwrap();
        let mut hidden = vec![false; n];
        let small = CELL_BLOCK + 1;
        hidden[small] = true;
        let table = Masked {
            df,
            hidden: std::collections::BTreeMap::from([("count".to_string(), hidden)]),
        };
        let meta = |name: &str, kind| ColumnMeta::new(name, kind, Default::default());
        let metas = vec![
            meta("kommunenummer", ColumnKind::Code),
            meta("count", ColumnKind::Count),
        ];
        let text = String::from_utf8(csv::write(&table, &metas, 5)).unwrap();
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), n + 1);
        // Every row in its place (the blocks are formatted on several cores).
        for (i, line) in lines.iter().enumerate().skip(1) {
            let i = i - 1;
            if i == small {
                assert_eq!(*line, format!("k{small};<5"));
            } else {
                assert_eq!(*line, format!("k{i};{i}"));
            }
        }
        // The workbook, three rows a sheet short of the table: the second sheet starts
        // inside the first block.
        let sheet = xlsx::Sheet {
            title: "Lang".into(),
            table: &table,
            metas,
            name: "lang".into(),
        };
        let per_sheet = CELL_BLOCK + 7;
        let bytes = xlsx::write_split(&[sheet], crate::i18n::Lang::Nb, 5, 2025, per_sheet).unwrap();
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let second = wb.worksheet_range("Lang (2)").unwrap();
        let row = |r: usize| -> Vec<String> {
            second
                .rows()
                .nth(r)
                .unwrap()
                .iter()
                .map(|c| c.to_string())
                .collect()
        };
        assert_eq!(second.height(), 1 + per_sheet);
        assert_eq!(row(1), [format!("k{per_sheet}"), per_sheet.to_string()]);
        let last = 2 * per_sheet - 1;
        assert_eq!(row(per_sheet), [format!("k{last}"), last.to_string()]);
        let third = wb.worksheet_range("Lang (3)").unwrap();
        assert_eq!(third.height(), 1 + n - 2 * per_sheet);
        let next = 2 * per_sheet;
        let cells: Vec<String> = third
            .rows()
            .nth(1)
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(cells, [format!("k{next}"), next.to_string()]);
        let first = wb.worksheet_range("Lang").unwrap();
        let cell = first.rows().nth(1 + small).unwrap()[1].to_string();
        assert_eq!(cell, "<5");
    }

    #[test]
    fn formulas_are_neutralised() {
        for f in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(is_formula_like(f), "{f}");
            let cell = csv::cell(
                &polars::prelude::AnyValue::String(f),
                ColumnKind::Text,
                None,
            );
            assert_eq!(cell, format!("'{f}"));
        }
        assert!(!is_formula_like("Helse") && !is_formula_like(""));
    }
}
