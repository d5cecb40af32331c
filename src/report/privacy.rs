//! Disclosure control (03-report.md, "Privacy and disclosure"): every cell that shows a
//! count, a share or a mean for fewer than the threshold (default 5) respondents or
//! reports is hidden, in every output: the report, the CSV and XLSX tables, the Parquet
//! result files and the charts. Which column is a cell's group size comes from the table
//! registry (`size = "self"` or `size = "<column>"`), so a user's own query is protected
//! as soon as it declares it.
//!
//! A count of 0 is shown: it tells nothing about a person. The canonical input tables
//! in `data/` are the user's own data and are not suppressed.

use crate::analytics::registry::{ColumnMeta, Size};
use polars::prelude::*;
use std::collections::BTreeMap;

/// A result table after disclosure control: hidden cells are null in `df`, and marked in
/// `hidden`, so that renderers write `<5` or `–` rather than a blank.
#[derive(Debug, Clone)]
pub struct Masked {
    pub df: DataFrame,
    /// Column → per row, hidden or not (only columns with a hidden cell).
    pub hidden: BTreeMap<String, Vec<bool>>,
}

impl Masked {
    pub fn is_hidden(&self, col: &str, row: usize) -> bool {
        self.hidden.get(col).is_some_and(|h| h[row])
    }

    /// True when any cell is hidden (the table gets a footnote).
    pub fn any_hidden(&self) -> bool {
        self.hidden.values().any(|h| h.iter().any(|x| *x))
    }

    /// Without suppression (threshold 0 or a table of no people).
    pub fn open(df: DataFrame) -> Masked {
        Masked {
            df,
            hidden: BTreeMap::new(),
        }
    }
}

fn counts(df: &DataFrame, col: &str) -> Option<Vec<Option<f64>>> {
    let c = df.column(col).ok()?.cast(&DataType::Float64).ok()?;
    Some(c.f64().ok()?.iter().collect())
}

/// A group of 1 to threshold − 1 people or reports (0 is no group, null is unknown).
fn small(v: Option<f64>, threshold: i64) -> bool {
    v.is_some_and(|v| v > 0.0 && v < threshold as f64)
}

/// Apply disclosure control to a table whose columns are described by `metas`.
pub fn mask(df: &DataFrame, metas: &[ColumnMeta], threshold: i64) -> Masked {
    let n = df.height();
    let mut hidden: BTreeMap<String, Vec<bool>> = BTreeMap::new();
    let mut cache: BTreeMap<String, Option<Vec<Option<f64>>>> = BTreeMap::new();
    let mut get = |col: &str| -> Option<Vec<Option<f64>>> {
        cache
            .entry(col.to_string())
            .or_insert_with(|| counts(df, col))
            .clone()
    };
    for m in metas {
        let sizes: Vec<String> = match &m.size {
            Size::None => continue,
            Size::Own => vec![m.name.clone()],
            Size::Columns(c) => c.clone(),
        };
        let mut h = vec![false; n];
        for s in &sizes {
            if let Some(v) = get(s) {
                for (i, x) in v.iter().enumerate() {
                    h[i] |= small(*x, threshold);
                }
            }
        }
        if h.iter().any(|x| *x) {
            hidden.insert(m.name.clone(), h);
        }
    }
    if hidden.is_empty() {
        return Masked::open(df.clone());
    }
    let mut out = df.clone();
    for (col, h) in &hidden {
        let Ok(c) = df.column(col) else { continue };
        let keep = BooleanChunked::from_iter_values("keep".into(), h.iter().map(|x| !x));
        let nulls = Column::full_null(col.as_str().into(), n, c.dtype());
        if let Ok(z) = c.zip_with(&keep, &nulls) {
            let _ = out.with_column(z);
        }
    }
    Masked { df: out, hidden }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::registry::ColumnKind;

    fn meta(name: &str, kind: ColumnKind, size: Size) -> ColumnMeta {
        ColumnMeta::new(name, kind, size)
    }

    #[test]
    fn small_groups_are_hidden_and_zero_is_shown() {
        let df = df!(
            "sector" => ["A", "B", "C", "D"],
            "n" => [12i64, 3, 0, 5],
            "share" => [Some(0.5), Some(0.33), None, Some(0.2)],
        )
        .unwrap();
        let metas = [
            meta("sector", ColumnKind::Text, Size::None),
            meta("n", ColumnKind::Count, Size::Own),
            meta("share", ColumnKind::Share, Size::Columns(vec!["n".into()])),
        ];
        let m = mask(&df, &metas, 5);
        assert_eq!(m.hidden["n"], vec![false, true, false, false]);
        assert_eq!(m.hidden["share"], vec![false, true, false, false]);
        let n: Vec<Option<i64>> = m.df.column("n").unwrap().i64().unwrap().iter().collect();
        assert_eq!(n, vec![Some(12), None, Some(0), Some(5)]);
        assert!(
            m.df.column("share")
                .unwrap()
                .f64()
                .unwrap()
                .get(1)
                .is_none()
        );
        assert!(m.is_hidden("share", 1) && !m.is_hidden("sector", 1));
        // Threshold 1: nothing is small.
        assert!(!mask(&df, &metas, 1).any_hidden());
    }
}
