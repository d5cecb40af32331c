//! The data-quality table: one row per rejected (`error`) or doubtful (`warning`) value,
//! with the file, sheet, the row number the user sees, the header as written, the value
//! and the reason (01-inputs.md, "Bad input").

use crate::i18n::{Lang, Reason, Severity};
use polars::prelude::*;
use serde::Serialize;

/// One data-quality row.
#[derive(Debug, Clone, Serialize)]
pub struct DqRow {
    pub file: String,
    pub sheet: Option<String>,
    /// The row Excel shows.
    pub row: u64,
    /// For text files: the line a text editor shows the record starting on (differs
    /// from `row` after a quoted field with line breaks).
    pub line: Option<u64>,
    pub column: String,
    pub value: String,
    pub severity: Severity,
    pub reason: Reason,
}

/// The `data_quality` table (02-analytics.md): file, sheet, row, line (text files),
/// column, value, severity, reason, plus the stable reason `code`.
pub fn frame(rows: &[DqRow], lang: Lang) -> DataFrame {
    let n = rows.len();
    let col = |name: &str, v: Vec<Option<String>>| Column::new(name.into(), v);
    DataFrame::new(
        n,
        vec![
            col("file", rows.iter().map(|r| Some(r.file.clone())).collect()),
            col("sheet", rows.iter().map(|r| r.sheet.clone()).collect()),
            Column::new(
                "row".into(),
                rows.iter().map(|r| r.row as i64).collect::<Vec<_>>(),
            ),
            Column::new(
                "line".into(),
                rows.iter()
                    .map(|r| r.line.map(|l| l as i64))
                    .collect::<Vec<_>>(),
            ),
            col(
                "column",
                rows.iter().map(|r| Some(r.column.clone())).collect(),
            ),
            col(
                "value",
                rows.iter().map(|r| Some(r.value.clone())).collect(),
            ),
            col(
                "severity",
                rows.iter()
                    .map(|r| Some(r.severity.as_str().to_string()))
                    .collect(),
            ),
            col(
                "reason",
                rows.iter().map(|r| Some(r.reason.text(lang))).collect(),
            ),
            col(
                "code",
                rows.iter()
                    .map(|r| Some(r.reason.code().to_string()))
                    .collect(),
            ),
        ],
    )
    .expect("columns of equal length")
}
