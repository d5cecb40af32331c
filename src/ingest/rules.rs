//! Source rules applied to each row after its values are read: defaults, derived columns
//! and cross-checks of 01-inputs.md (generated ids, `status` from `closed_date`, `score`
//! = probability × consequence, kommunenummer from the project config).
//!
//! The rules see a row through `RowValues`, so the chunk reader (`chunk.rs`) keeps its
//! columns as they are and records only what a rule sets.

use super::row::{FileCtx, Issue, Value};
use crate::i18n::{Reason, Severity};
use crate::source::SourceKind;
use polars::prelude::PlSmallStr;

/// A row's values as the rules read and fill them, by canonical column index.
pub trait RowValues {
    fn is_null(&self, j: usize) -> bool;
    fn get(&self, j: usize) -> Value;
    fn set(&mut self, j: usize, v: Value);
}

/// The columns each source's rules use, found once per file rather than by name per row.
enum Cols {
    Deviations {
        id: usize,
        kind: usize,
        source: usize,
        closed: usize,
        status: usize,
        reported: usize,
    },
    Risks {
        id: usize,
        analysis_type: usize,
        law_breach: usize,
        score: usize,
        probability: usize,
        consequence: usize,
    },
    Inspections {
        date: usize,
        deadline: usize,
    },
    None,
}

/// The rules of one file's source.
pub struct Rules<'a> {
    ctx: &'a FileCtx<'a>,
    kommunenummer: Option<usize>,
    cols: Cols,
}

impl<'a> Rules<'a> {
    pub fn new(ctx: &'a FileCtx<'a>) -> Rules<'a> {
        let columns = ctx.source.columns();
        let idx = |name: &str| {
            columns
                .iter()
                .position(|c| c.name == name)
                .unwrap_or_else(|| panic!("schema of {:?} has no column {name}", ctx.source))
        };
        let cols = match ctx.source {
            SourceKind::Deviations => Cols::Deviations {
                id: idx("id"),
                kind: idx("type"),
                source: idx("source"),
                closed: idx("closed_date"),
                status: idx("status"),
                reported: idx("reported_date"),
            },
            SourceKind::Risks => Cols::Risks {
                id: idx("id"),
                analysis_type: idx("analysis_type"),
                law_breach: idx("law_breach"),
                score: idx("score"),
                probability: idx("probability"),
                consequence: idx("consequence"),
            },
            SourceKind::Inspections => Cols::Inspections {
                date: idx("date"),
                deadline: idx("deadline"),
            },
            SourceKind::Survey
            | SourceKind::Units
            | SourceKind::Maturity
            | SourceKind::Municipalities => Cols::None,
        };
        Rules {
            ctx,
            kommunenummer: columns.iter().position(|c| c.name == "kommunenummer"),
            cols,
        }
    }

    /// Fill a blank text value; `v` is made only when it is needed (ids are per row).
    fn default_str(values: &mut dyn RowValues, j: usize, v: impl FnOnce() -> PlSmallStr) {
        if values.is_null(j) {
            values.set(j, Value::Str(v()));
        }
    }

    /// Apply the source's rules to the row at Excel row `row`. `text_of(column index)`
    /// gives the header as written and the raw value, for messages.
    pub fn finish_row(
        &self,
        row: u64,
        values: &mut dyn RowValues,
        issues: &mut Vec<Issue>,
        text_of: &dyn Fn(usize) -> (String, String),
    ) {
        let ctx = self.ctx;
        if let (Some(k), Some(knr)) = (self.kommunenummer, &ctx.config.kommunenummer) {
            if values.is_null(k) {
                values.set(k, Value::Str(knr.as_str().into()));
            }
        }
        match self.cols {
            Cols::Deviations {
                id,
                kind,
                source,
                closed,
                status,
                reported,
            } => {
                Self::default_str(values, id, || ctx.generated_id(row));
                Self::default_str(values, kind, || "avvik".into());
                Self::default_str(values, source, || "ansatt".into());
                let closed_date = values.get(closed);
                if values.is_null(status) {
                    let s = if closed_date == Value::Null {
                        "åpen"
                    } else {
                        "lukket"
                    };
                    values.set(status, Value::Str(s.into()));
                }
                if let (Value::Date(r), Value::Date(c)) = (values.get(reported), &closed_date) {
                    if *c < r {
                        let (h, v) = text_of(closed);
                        issues.push((h, v, Reason::ClosedBeforeReported, Severity::Warning));
                    }
                }
            }
            Cols::Risks {
                id,
                analysis_type,
                law_breach,
                score,
                probability,
                consequence,
            } => {
                Self::default_str(values, id, || ctx.generated_id(row));
                Self::default_str(values, analysis_type, || "tjenestespesifikk".into());
                if values.is_null(law_breach) {
                    values.set(law_breach, Value::Bool(false));
                }
                // The score is always computed; a score given in the file is only checked.
                let given = values.get(score);
                let computed = match (values.get(probability), values.get(consequence)) {
                    (Value::Int(p), Value::Int(k)) => Some(p * k),
                    _ => None,
                };
                match computed {
                    Some(c) => values.set(score, Value::Int(c)),
                    None if given != Value::Null => values.set(score, Value::Null),
                    None => {}
                }
                if let (Some(computed), Value::Str(g)) = (computed, given) {
                    let g = g.to_string();
                    let same = super::values::parse_number_text(&g)
                        .is_some_and(|x| (x - computed as f64).abs() < 1e-9);
                    if !same {
                        let (h, _) = text_of(score);
                        issues.push((
                            h,
                            g.clone(),
                            Reason::ScoreMismatch { given: g, computed },
                            Severity::Warning,
                        ));
                    }
                }
            }
            Cols::Inspections { date, deadline } => {
                if let (Value::Date(d), Value::Date(f)) = (values.get(date), values.get(deadline)) {
                    if f < d {
                        let (h, v) = text_of(deadline);
                        issues.push((h, v, Reason::DeadlineBeforeDate, Severity::Warning));
                    }
                }
            }
            Cols::None => {}
        }
    }
}
