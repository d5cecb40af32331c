//! Source rules applied to each row after its values are read: defaults, derived columns
//! and cross-checks of 01-inputs.md (generated ids, `status` from `closed_date`, `score`
//! = probability × consequence, kommunenummer from the project config).

use super::row::{FileCtx, Issue, Value};
use crate::i18n::{Reason, Severity};
use crate::source::SourceKind;
use polars::prelude::PlSmallStr;

fn idx(ctx: &FileCtx<'_>, name: &str) -> usize {
    ctx.source
        .columns()
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("schema of {:?} has no column {name}", ctx.source))
}

/// Fill a blank text value; `v` is made only when it is needed (ids are per row).
fn default_str(values: &mut [Value], i: usize, v: impl FnOnce() -> PlSmallStr) {
    if values[i] == Value::Null {
        values[i] = Value::Str(v());
    }
}

/// Apply the source's rules to one row. `text_of(column)` gives the header as written and
/// the raw value, for messages.
pub fn finish_row(
    ctx: &FileCtx<'_>,
    row: u64,
    values: &mut [Value],
    issues: &mut Vec<Issue>,
    text_of: &dyn Fn(&str) -> (String, String),
) {
    let cols = ctx.source.columns();
    if let Some(k) = cols.iter().position(|c| c.name == "kommunenummer") {
        if values[k] == Value::Null {
            if let Some(knr) = &ctx.config.kommunenummer {
                values[k] = Value::Str(knr.as_str().into());
            }
        }
    }
    match ctx.source {
        SourceKind::Deviations => {
            default_str(values, idx(ctx, "id"), || {
                format!("{}-{row}", ctx.stem).into()
            });
            default_str(values, idx(ctx, "type"), || "avvik".into());
            default_str(values, idx(ctx, "source"), || "ansatt".into());
            let closed = values[idx(ctx, "closed_date")].clone();
            let status = idx(ctx, "status");
            if values[status] == Value::Null {
                values[status] = Value::Str(
                    if closed == Value::Null {
                        "åpen"
                    } else {
                        "lukket"
                    }
                    .into(),
                );
            }
            if let (Value::Date(r), Value::Date(c)) = (&values[idx(ctx, "reported_date")], &closed)
            {
                if c < r {
                    let (h, v) = text_of("closed_date");
                    issues.push((h, v, Reason::ClosedBeforeReported, Severity::Warning));
                }
            }
        }
        SourceKind::Risks => {
            default_str(values, idx(ctx, "id"), || {
                format!("{}-{row}", ctx.stem).into()
            });
            default_str(values, idx(ctx, "analysis_type"), || {
                "tjenestespesifikk".into()
            });
            let lb = idx(ctx, "law_breach");
            if values[lb] == Value::Null {
                values[lb] = Value::Bool(false);
            }
            let s = idx(ctx, "score");
            let given = std::mem::replace(&mut values[s], Value::Null);
            if let (Value::Int(p), Value::Int(k)) = (
                &values[idx(ctx, "probability")],
                &values[idx(ctx, "consequence")],
            ) {
                let computed = p * k;
                values[s] = Value::Int(computed);
                if let Value::Str(g) = given {
                    let g = g.to_string();
                    let same = super::values::parse_number_text(&g)
                        .is_some_and(|x| (x - computed as f64).abs() < 1e-9);
                    if !same {
                        let (h, _) = text_of("score");
                        issues.push((
                            h,
                            g.clone(),
                            Reason::ScoreMismatch { given: g, computed },
                            Severity::Warning,
                        ));
                    }
                }
            }
        }
        SourceKind::Inspections => {
            if let (Value::Date(d), Value::Date(f)) =
                (&values[idx(ctx, "date")], &values[idx(ctx, "deadline")])
            {
                if f < d {
                    let (h, v) = text_of("deadline");
                    issues.push((h, v, Reason::DeadlineBeforeDate, Severity::Warning));
                }
            }
        }
        SourceKind::Survey
        | SourceKind::Units
        | SourceKind::Maturity
        | SourceKind::Municipalities => {}
    }
}
