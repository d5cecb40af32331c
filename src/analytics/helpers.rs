//! Helper tables registered for the queries (documented in `queries/README.md`):
//! `risk_cells` (every cell of the risk scale with its zone), `survey_current` (the
//! latest survey wave), `survey_questions` (question kinds from the codebook),
//! `maturity_latest` (each assessor's latest assessment per dimension) and `units_current`
//! (the units that exist at `as_of`).

use super::Params;
use super::frame::{Col, dates, frame, i64s, str_col};
use crate::config::Config;
use crate::error::Result;
use crate::ingest::survey::{Codebook, QuestionKind};
use polars::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::collections::HashMap;

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
    // On codes and day numbers, not text and dates: the survey's long table has a row per
    // answer (1.2 million nationally), and this ran alone before every query (a text key
    // in a `BTreeMap` and a `NaiveDate` per row took 0.1 s nationally).
    let keep: Vec<bool> = match &params.survey {
        Some(s) => str_col(survey, "survey")?
            .iter()
            .map(|n| n == Some(s.as_str()))
            .collect(),
        None => {
            // The latest wave is the year of the municipality's latest answer: an answer
            // belongs to it when it is on or after that year's 1 January. Day numbers
            // compared, not a year made per row; the map looked up only where the
            // municipality changes (the rows come a municipality at a time).
            let knr = str_col(survey, "kommunenummer")?.coded();
            let days = survey
                .column("submitted_date")
                .and_then(|c| c.cast(&DataType::Int32))
                .map_err(|e| crate::Error::polars("submitted_date", e))?;
            let days: Vec<Option<i32>> = days
                .i32()
                .map_err(|e| crate::Error::polars("submitted_date", e))?
                .iter()
                .collect();
            let mut latest: HashMap<Option<u32>, i32> = HashMap::new();
            let mut run: Option<(Option<u32>, i32)> = None;
            for (k, d) in knr.codes.iter().zip(&days) {
                let Some(d) = *d else { continue };
                match &mut run {
                    Some((rk, m)) if rk == k => *m = (*m).max(d),
                    _ => {
                        if let Some((rk, m)) = run.replace((*k, d)) {
                            let e = latest.entry(rk).or_insert(m);
                            *e = (*e).max(m);
                        }
                    }
                }
            }
            if let Some((rk, m)) = run {
                let e = latest.entry(rk).or_insert(m);
                *e = (*e).max(m);
            }
            let first_day: HashMap<Option<u32>, i32> = latest
                .into_iter()
                .map(|(k, last)| {
                    let year = super::frame::civil_from_days(last).0;
                    let jan1 = chrono::NaiveDate::from_ymd_opt(year, 1, 1)
                        .map_or(i32::MIN, |d| (d - super::frame::epoch()).num_days() as i32);
                    (k, jan1)
                })
                .collect();
            let mut cached: Option<(Option<u32>, Option<i32>)> = None;
            knr.codes
                .iter()
                .zip(&days)
                .map(|(k, d)| {
                    let from = match cached {
                        Some((ck, from)) if ck == *k => from,
                        _ => {
                            let from = first_day.get(k).copied();
                            cached = Some((*k, from));
                            from
                        }
                    };
                    match (d, from) {
                        (Some(d), Some(from)) => *d >= from,
                        _ => true,
                    }
                })
                .collect()
        }
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
    // Borrowed text, not a `String` per key part and row (this ran alone before every
    // query).
    let text = |name: &str| -> Result<Vec<Option<&str>>> { Ok(str_col(m, name)?.iter().collect()) };
    let (knr, sector, assessor) = (text("kommunenummer")?, text("sector")?, text("assessor")?);
    let (unit, dim, file) = (text("unit")?, text("dimension")?, text("source_file")?);
    let date = dates(m, "assessed_date")?;
    let row = i64s(m, "source_row")?;
    // (kommunenummer, sector, assessor, dimension) → row of the latest assessment
    type Who<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Cow<'a, str>,
        Option<&'a str>,
    );
    // polars' hasher (foldhash), not std's SipHash, over four text keys a row: nationally
    // (95 560 rows) 28–36 → 23–24 ms.
    let mut best: PlHashMap<Who, usize> = PlHashMap::new();
    for i in 0..m.height() {
        let who = match assessor[i].or(unit[i]) {
            Some(w) => Cow::Borrowed(w),
            None => Cow::Owned(format!("{:?}:{:?}", file[i], row[i])),
        };
        let e = best.entry((knr[i], sector[i], who, dim[i])).or_insert(i);
        if date[*e] < date[i] {
            *e = i;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(df: &DataFrame, name: &str) -> Vec<String> {
        str_col(df, name)
            .unwrap()
            .iter()
            .map(|v| v.unwrap_or_default().to_string())
            .collect()
    }

    fn params(survey: Option<&str>) -> Params {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        Params {
            year: 2025,
            as_of: d,
            trend_years: 5,
            risk_top_n: 10,
            survey: survey.map(String::from),
            focus: None,
        }
    }

    fn days(ymd: &[Option<(i32, u32, u32)>]) -> Vec<Option<i32>> {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        ymd.iter()
            .map(|d| {
                d.map(|(y, m, dd)| {
                    (chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap() - epoch).num_days() as i32
                })
            })
            .collect()
    }

    fn with_dates(df: DataFrame, name: &str, d: Vec<Option<i32>>) -> DataFrame {
        df.lazy()
            .with_column(lit(Series::new(name.into(), d)).cast(DataType::Date))
            .collect()
            .unwrap()
    }

    /// Survey answers with their submission dates, dictionary-encoded as the catalogue
    /// holds them.
    fn answered_on(df: DataFrame, dates: &[Option<(i32, u32, u32)>]) -> DataFrame {
        let df = with_dates(df, "submitted_date", days(dates));
        crate::catalog::dictionary_encoded(df).unwrap()
    }

    #[test]
    fn survey_current_keeps_each_municipalitys_latest_wave_and_undated_rows() {
        let df = df!(
            "kommunenummer" => ["0301", "0301", "0301", "5001", "5001"],
            "survey" => ["ROS 2024", "ROS 2025", "ROS 2025", "ROS 2024", "ROS 2024"],
            "answer" => ["a", "b", "c", "d", "e"],
        )
        .unwrap();
        let df = answered_on(
            df,
            &[
                Some((2024, 3, 1)),
                Some((2025, 3, 1)),
                None,
                Some((2024, 5, 1)),
                Some((2024, 6, 1)),
            ],
        );
        let kept = survey_current(&df, &params(None)).unwrap();
        let answers = texts(&kept, "answer");
        // Oslo's 2024 wave is dropped; its undated row belongs to every wave; Trondheim's
        // only wave (2024) is its latest.
        assert_eq!(answers, ["b", "c", "d", "e"]);
        let named = survey_current(&df, &params(Some("ROS 2024"))).unwrap();
        let answers = texts(&named, "answer");
        assert_eq!(answers, ["a", "d", "e"]);
        // Municipalities interleaved, and a wave's first day against the day before it:
        // Oslo's latest answer is on 1 January 2025, so 31 December 2024 is the wave
        // before; Trondheim's answers of 2023 and 2024, the later year kept.
        let df = df!(
            "kommunenummer" => ["0301", "5001", "0301", "5001", "0301"],
            "answer" => ["a", "b", "c", "d", "e"],
        )
        .unwrap();
        let df = answered_on(
            df,
            &[
                Some((2024, 12, 31)),
                Some((2023, 6, 1)),
                Some((2025, 1, 1)),
                Some((2024, 2, 1)),
                Some((2025, 1, 1)),
            ],
        );
        let kept = survey_current(&df, &params(None)).unwrap();
        assert_eq!(texts(&kept, "answer"), ["c", "d", "e"]);
    }

    #[test]
    fn maturity_latest_keeps_each_assessors_latest_per_dimension() {
        let df = df!(
            "kommunenummer" => ["0301"; 7],
            "sector" => ["Helse"; 7],
            "assessor" => [Some("Kari"), Some("Kari"), Some("Kari"), None, None, None, None],
            "unit" => [None, None, None, Some("Legevakt"), Some("Legevakt"), None, None],
            "dimension" => ["ledelse", "ledelse", "risiko", "ledelse", "ledelse", "ledelse", "ledelse"],
            "source_file" => ["m.csv"; 7],
            "source_row" => [2i64, 3, 4, 5, 6, 7, 8],
            "level" => [1i64, 2, 3, 4, 5, 6, 7],
        )
        .unwrap();
        let df = with_dates(
            df,
            "assessed_date",
            days(&[
                Some((2024, 1, 1)),
                Some((2025, 1, 1)), // Kari's later "ledelse": replaces row 2
                Some((2024, 1, 1)), // another dimension: its own
                Some((2025, 1, 1)), // the unit stands in for the assessor…
                Some((2025, 1, 1)), // …and the same date keeps the first
                None,               // neither: every row counts
                None,
            ]),
        );
        let kept = maturity_latest(&df).unwrap();
        let levels: Vec<i64> = kept
            .column("level")
            .unwrap()
            .i64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert_eq!(levels, [2, 3, 4, 6, 7]);
    }
}
