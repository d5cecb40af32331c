//! Helper tables registered for the queries (documented in `queries/README.md`):
//! `risk_cells` (every cell of the risk scale with its zone), `survey_current` (the
//! latest survey wave), `survey_questions` (question kinds from the codebook),
//! `maturity_latest` (each assessor's latest assessment per dimension) and `units_current`
//! (the units that exist at `as_of`).

use super::Params;
use super::frame::{Col, dates, frame, i64s, str_col, strs};
use crate::config::Config;
use crate::error::Result;
use crate::ingest::survey::{Codebook, QuestionKind};
use chrono::Datelike;
use polars::prelude::*;
use std::collections::BTreeMap;

/// Zone of a score: `grønn` up to green_max, `gul` up to yellow_max, else `rød`.
pub fn zone(score: i64, config: &Config) -> &'static str {
    if score <= config.risk.green_max {
        "grønn"
    } else if score <= config.risk.yellow_max {
        "gul"
    } else {
        "rød"
    }
}

pub fn risk_cells(config: &Config) -> Result<DataFrame> {
    let (mut kind, mut p, mut k, mut z) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for kd in ["inherent", "residual"] {
        for pi in 1..=config.scale_max {
            for ki in 1..=config.scale_max {
                kind.push(Some(kd.to_string()));
                p.push(Some(pi));
                k.push(Some(ki));
                z.push(Some(zone(pi * ki, config).to_string()));
            }
        }
    }
    frame(vec![
        Col::Str("kind", kind),
        Col::Int("probability", p),
        Col::Int("consequence", k),
        Col::Str("zone", z),
    ])
}

pub fn survey_questions(codebooks: &[Codebook]) -> Result<DataFrame> {
    let mut seen = BTreeMap::new();
    for cb in codebooks {
        for q in &cb.questions {
            let kind = match q.kind {
                QuestionKind::Single => "single",
                QuestionKind::Multi => "multi",
                QuestionKind::Band => "band",
                QuestionKind::Likert => "likert",
                QuestionKind::YesNo => "yes_no",
                QuestionKind::Text => "text",
            };
            seen.entry(q.id.clone()).or_insert(kind);
        }
    }
    frame(vec![
        Col::Str("question", seen.keys().map(|k| Some(k.clone())).collect()),
        Col::Str("kind", seen.values().map(|k| Some(k.to_string())).collect()),
    ])
}

/// The survey wave to analyse: the one named by `--survey`, else per municipality the
/// latest year of `submitted_date` (rows without a date belong to every wave).
pub fn survey_current(survey: &DataFrame, params: &Params) -> Result<DataFrame> {
    if survey.height() == 0 {
        return Ok(survey.clone());
    }
    // Borrowed columns: the survey's long table has a row per answer (1.2 million in the
    // national set).
    let knr: Vec<Option<&str>> = str_col(survey, "kommunenummer")?.iter().collect();
    let name = str_col(survey, "survey")?;
    let dates = dates(survey, "submitted_date")?;
    let mut latest: BTreeMap<Option<&str>, i32> = BTreeMap::new();
    for (k, d) in knr.iter().zip(&dates) {
        if let Some(d) = d {
            let e = latest.entry(*k).or_insert(d.year());
            *e = (*e).max(d.year());
        }
    }
    let keep: Vec<bool> = match &params.survey {
        Some(s) => name.iter().map(|n| n == Some(s.as_str())).collect(),
        None => (0..survey.height())
            .map(|i| match (dates[i], latest.get(&knr[i])) {
                (Some(d), Some(y)) => d.year() == *y,
                _ => true,
            })
            .collect(),
    };
    // One wave per municipality (the usual case) keeps every row: no copy of the long
    // table (a filter copies every column's views, 270 MB for the national survey).
    if keep.iter().all(|k| *k) {
        return Ok(survey.clone());
    }
    let mask = BooleanChunked::from_slice("keep".into(), &keep);
    survey
        .filter(&mask)
        .map_err(|e| crate::Error::polars("survey_current", e))
}

/// Each assessor's latest assessment per dimension. Without an assessor column the unit
/// stands in for the assessor; without either, every row counts.
pub fn maturity_latest(m: &DataFrame) -> Result<DataFrame> {
    if m.height() == 0 {
        return Ok(m.clone());
    }
    let knr = strs(m, "kommunenummer")?;
    let sector = strs(m, "sector")?;
    let assessor = strs(m, "assessor")?;
    let unit = strs(m, "unit")?;
    let dim = strs(m, "dimension")?;
    let date = dates(m, "assessed_date")?;
    let row = i64s(m, "source_row")?;
    let file = strs(m, "source_file")?;
    // (kommunenummer, sector, assessor, dimension) → row of the latest assessment
    type Who = (Option<String>, Option<String>, String, Option<String>);
    let mut best: BTreeMap<Who, usize> = BTreeMap::new();
    for i in 0..m.height() {
        let who = assessor[i]
            .clone()
            .or_else(|| unit[i].clone())
            .unwrap_or_else(|| format!("{:?}:{:?}", file[i], row[i]));
        let key = (knr[i].clone(), sector[i].clone(), who, dim[i].clone());
        match best.get(&key) {
            Some(&j) if date[j] >= date[i] => {}
            _ => {
                best.insert(key, i);
            }
        }
    }
    let mut idx: Vec<u32> = best.values().map(|&i| i as u32).collect();
    idx.sort_unstable();
    let take = IdxCa::from_vec("idx".into(), idx);
    m.take(&take)
        .map_err(|e| crate::Error::polars("maturity_latest", e))
}

/// The units that exist at `as_of`: `valid_from` (when given) on or before it and
/// `valid_to` (when given) on or after it. Units without dates always count. This is the
/// denominator of coverage and of rates per 100 årsverk: after a reorganisation, closed
/// units must not dilute the figures.
pub fn units_current(units: &DataFrame, params: &Params) -> Result<DataFrame> {
    if units.height() == 0 {
        return Ok(units.clone());
    }
    let from = dates(units, "valid_from")?;
    let to = dates(units, "valid_to")?;
    let keep: Vec<bool> = from
        .iter()
        .zip(&to)
        .map(|(f, t)| f.is_none_or(|f| f <= params.as_of) && t.is_none_or(|t| t >= params.as_of))
        .collect();
    let mask = BooleanChunked::from_slice("keep".into(), &keep);
    units
        .filter(&mask)
        .map_err(|e| crate::Error::polars("units_current", e))
}
