//! What a chart kind reads: result tables as plain rows of cells, already through
//! disclosure control (a suppressed cell is [`Cell::Hidden`] and is left out of the
//! drawing), so `chart/` needs no polars and cannot show what the tables do not.

use super::Frame;
use crate::i18n::Lang;
use std::collections::BTreeMap;

/// A cell of a result table as a chart sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Num(f64),
    Text(String),
    /// Suppressed: a group smaller than the disclosure threshold.
    Hidden,
}

/// A result table.
#[derive(Debug, Clone, Default)]
pub struct Data {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Data {
    fn idx(&self, col: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == col)
    }

    pub fn cell(&self, r: usize, col: &str) -> &Cell {
        self.idx(col)
            .and_then(|i| self.rows.get(r).and_then(|row| row.get(i)))
            .unwrap_or(&Cell::Null)
    }

    /// A number (None when null, text or hidden).
    pub fn num(&self, r: usize, col: &str) -> Option<f64> {
        match self.cell(r, col) {
            Cell::Num(v) => Some(*v),
            _ => None,
        }
    }

    pub fn text(&self, r: usize, col: &str) -> Option<&str> {
        match self.cell(r, col) {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn hidden(&self, r: usize, col: &str) -> bool {
        matches!(self.cell(r, col), Cell::Hidden)
    }

    /// Rows where `col` is the text `value`.
    pub fn rows_where(&self, col: &str, value: &str) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|r| self.text(*r, col) == Some(value))
            .collect()
    }

    /// Row indices with the whole municipality first, then by the column's text.
    pub fn whole_first(&self, col: &str, whole: &str) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by_key(|r| {
            (
                self.text(*r, col) != Some(whole),
                self.text(*r, col).unwrap_or("").to_string(),
            )
        });
        order
    }

    /// The distinct texts of a column, in order of first appearance.
    pub fn distinct(&self, col: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in 0..self.rows.len() {
            if let Some(t) = self.text(r, col) {
                if !out.iter().any(|o| o == t) {
                    out.push(t.to_string());
                }
            }
        }
        out
    }
}

/// Everything a chart kind gets.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// File stem in `charts/`.
    pub id: String,
    pub frame: Frame,
    /// The result tables it reads, by name.
    pub tables: &'a BTreeMap<String, Data>,
    /// Column roles given in the report definition (`value = "count"`), over the kind's
    /// defaults.
    pub columns: &'a BTreeMap<String, String>,
    /// The sector a per-sector chart is for.
    pub sector: Option<String>,
    pub lang: Lang,
    pub year: i32,
    /// The focal municipality (benchmark).
    pub focus: Option<String>,
    /// The whole-municipality row's name.
    pub whole: String,
}

impl Input<'_> {
    /// The column for a role: the definition's, else the kind's default.
    pub fn col<'b>(&'b self, role: &str, default: &'b str) -> &'b str {
        self.columns
            .get(role)
            .map(String::as_str)
            .unwrap_or(default)
    }

    /// A table the chart reads (empty when absent).
    pub fn table(&self, name: &str) -> Data {
        self.tables.get(name).cloned().unwrap_or_default()
    }

    /// A message in the report language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::message(self.lang, id, None)
    }

    /// A sector, category or authority from the data as the reader sees it
    /// (`Hele kommunen` and `ikke angitt` in the report's language).
    pub fn value(&self, s: &str) -> String {
        crate::i18n::value_text(s, self.lang)
    }
}
